/*
 * doc.c - reading a pandoc document, checking its top level, writing it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* The API versions this library reads and writes: [1, 22] and [1, 23]. */
#define SUPPORTED "1.22 (pandoc 2.17) and 1.23 (pandoc 3)"

static int nomem(dm_error *err)
{
	return dm_error_set(err, DM_ENOMEM, NULL, "out of memory");
}

/* Reads all of `fd` into a new buffer, in as few reads as it takes. */
static char *read_all(int fd, size_t *len, dm_error *err)
{
	struct stat st;
	size_t cap = 1 << 16, n = 0;
	char *buf, *p;
	ssize_t r;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (unsigned long long)st.st_size < (size_t)-1 / 2)
		cap = (size_t)st.st_size + 1;
	buf = malloc(cap);
	if (buf == NULL) {
		nomem(err);
		return NULL;
	}
	for (;;) {
		if (n == cap) {
			if (cap > (size_t)-1 / 2 ||
			    (p = realloc(buf, cap * 2)) == NULL) {
				free(buf);
				nomem(err);
				return NULL;
			}
			buf = p;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			dm_error_set(err, DM_EIO, NULL, "cannot read input: %s",
			             strerror(errno));
			free(buf);
			return NULL;
		}
		n += (size_t)r;
	}
	*len = n;
	return buf;
}

dm_doc *dm_doc_read_fd(int fd, dm_error *err)
{
	size_t len = 0;
	char *buf = read_all(fd, &len, err);
	dm_doc *doc;

	if (buf == NULL)
		return NULL;
	doc = dm_doc_load(buf, len, err);
	free(buf); /* the tree holds copies; free the text before working */
	return doc;
}

static bool blank(const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!strchr(" \t\r\n", buf[i]))
			return false;
	return true;
}

static int parse_error(const char *buf, size_t len, const json_error_t *je,
                       dm_error *err)
{
	char where[64];

	if (blank(buf, len))
		return dm_error_set(err, DM_EINPUT, NULL,
		                    "empty input: expected a pandoc JSON "
		                    "document (pandoc -t json, or pandoc "
		                    "--filter)");
	snprintf(where, sizeof where, "line %d, column %d", je->line,
	         je->column);
	if (json_error_code(je) == json_error_stack_overflow)
		return dm_error_set(err, DM_EINPUT, where,
		                    "invalid JSON: nested too deeply (more than "
		                    "%d levels)", JSON_PARSER_MAX_DEPTH);
	return dm_error_set(err, DM_EINPUT, where, "invalid JSON: %s",
	                    je->text);
}

/* Checks "pandoc-api-version" and returns the minor version, or -1. */
static int api_version(const json_t *root, dm_error *err)
{
	const json_t *v = json_object_get(root, "pandoc-api-version");
	char found[128] = "";
	size_t i, n;
	json_int_t major, minor;

	if (v == NULL) {
		if (json_object_get(root, "blocks") != NULL)
			return dm_error_set(err, DM_EINPUT, NULL,
			                    "not a pandoc document: missing "
			                    "\"pandoc-api-version\" (supported: "
			                    SUPPORTED ")");
		return dm_error_set(err, DM_EINPUT, NULL,
		                    "not a pandoc document: expected an object "
		                    "with \"pandoc-api-version\", \"meta\" and "
		                    "\"blocks\"");
	}
	n = json_array_size(v);
	if (!json_is_array(v) || n < 2)
		return dm_error_set(err, DM_EINPUT, "pandoc-api-version",
		                    "malformed pandoc-api-version: expected an "
		                    "array of integers such as [1,23,1,2]");
	for (i = 0; i < n; i++) {
		const json_t *e = json_array_get(v, i);
		if (!json_is_integer(e))
			return dm_error_set(err, DM_EINPUT, "pandoc-api-version",
			                    "malformed pandoc-api-version: "
			                    "expected an array of integers such "
			                    "as [1,23,1,2]");
		if (strlen(found) < sizeof found - 24)
			snprintf(found + strlen(found),
			         sizeof found - strlen(found), "%s%" JSON_INTEGER_FORMAT,
			         i ? "." : "", json_integer_value(e));
	}
	major = json_integer_value(json_array_get(v, 0));
	minor = json_integer_value(json_array_get(v, 1));
	if (major != 1 || (minor != 22 && minor != 23))
		return dm_error_set(err, DM_EINPUT, "pandoc-api-version",
		                    "unsupported pandoc-api-version %s "
		                    "(supported: " SUPPORTED ")", found);
	return (int)minor;
}

dm_doc *dm_doc_load(const char *buf, size_t len, dm_error *err)
{
	json_error_t je;
	json_t *root;
	dm_doc *doc;
	int minor;

	root = json_loadb(buf, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &je);
	if (root == NULL) {
		parse_error(buf, len, &je, err);
		return NULL;
	}
	if (!json_is_object(root)) {
		dm_error_set(err, DM_EINPUT, NULL,
		             json_is_array(root)
		                     ? "not a pandoc document: a top-level "
		                       "array is the format of pandoc before "
		                       "1.18 (supported: " SUPPORTED ")"
		                     : "not a pandoc document: expected a JSON "
		                       "object at the top level");
		goto fail;
	}
	if ((minor = api_version(root, err)) < 0)
		goto fail;
	if (!json_is_object(json_object_get(root, "meta"))) {
		dm_error_set(err, DM_EINPUT, "meta",
		             json_object_get(root, "meta")
		                     ? "not a pandoc document: \"meta\" must be "
		                       "an object"
		                     : "not a pandoc document: missing \"meta\"");
		goto fail;
	}
	if (!json_is_array(json_object_get(root, "blocks"))) {
		dm_error_set(err, DM_EINPUT, "blocks",
		             json_object_get(root, "blocks")
		                     ? "not a pandoc document: \"blocks\" must "
		                       "be an array"
		                     : "not a pandoc document: missing "
		                       "\"blocks\"");
		goto fail;
	}
	if (dm_validate(json_object_get(root, "meta"), DM_META, minor, "meta",
	                err) != 0 ||
	    dm_validate(json_object_get(root, "blocks"), DM_BLOCK, minor,
	                "blocks", err) != 0)
		goto fail;
	doc = malloc(sizeof *doc);
	if (doc == NULL) {
		nomem(err);
		goto fail;
	}
	doc->root = root;
	doc->meta = json_object_get(root, "meta");
	doc->blocks = json_object_get(root, "blocks");
	doc->api_minor = minor;
	return doc;
fail:
	json_decref(root);
	return NULL;
}

static int dump_cb(const char *s, size_t n, void *data)
{
	return dm_buf_add(data, s, n);
}

char *dm_doc_dump(const dm_doc *doc, size_t *len, dm_error *err)
{
	dm_buf b = {0};

	if (json_dump_callback(doc->root, dump_cb, &b, JSON_COMPACT) != 0) {
		dm_buf_free(&b);
		nomem(err);
		return NULL;
	}
	*len = b.len;
	return dm_buf_take(&b);
}

int dm_doc_write_fd(const dm_doc *doc, int fd, dm_error *err)
{
	size_t len = 0, off = 0;
	char *out = dm_doc_dump(doc, &len, err);
	ssize_t w;

	if (out == NULL)
		return -1;
	while (off < len) {
		w = write(fd, out + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			dm_error_set(err, DM_EIO, NULL, "cannot write output: %s",
			             w < 0 ? strerror(errno) : "short write");
			free(out);
			return -1;
		}
		off += (size_t)w;
	}
	free(out);
	if (close(fd) != 0)
		return dm_error_set(err, DM_EIO, NULL,
		                    "cannot write output: %s", strerror(errno));
	return 0;
}

void dm_doc_free(dm_doc *doc)
{
	if (doc == NULL)
		return;
	json_decref(doc->root);
	free(doc);
}

int dm_doc_api_minor(const dm_doc *doc)
{
	return doc->api_minor;
}

json_t *dm_doc_meta(dm_doc *doc)
{
	return doc->meta;
}

json_t *dm_doc_blocks(dm_doc *doc)
{
	return doc->blocks;
}
