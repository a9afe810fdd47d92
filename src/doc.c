/*
 * doc.c - reading a pandoc document, checking its top level, writing it.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parallel.h"

/* The API versions this library reads and writes: [1, 22] and [1, 23]. */
#define SUPPORTED "1.22 (pandoc 2.17) and 1.23 (pandoc 3)"

/* Reads all of `fd` into a new buffer, in as few reads as it takes. */
char *dmp_read_all(int fd, size_t *len, dm_error *err)
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
		dm_nomem(err);
		return NULL;
	}
	for (;;) {
		if (n == cap) {
			if (cap > (size_t)-1 / 2 ||
			    (p = realloc(buf, cap * 2)) == NULL) {
				free(buf);
				dm_nomem(err);
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
	char *buf = dmp_read_all(fd, &len, err);
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
	if (json_error_code(je) == json_error_invalid_utf8)
		return dm_error_set(err, DM_EINPUT, where,
		                    "invalid UTF-8: %s", je->text);
	return dm_error_set(err, DM_EINPUT, where, "invalid JSON: %s",
	                    je->text);
}

/* Checks "pandoc-api-version" and returns the minor version, or -1. */
static int api_version(const json_t *root, dm_error *err)
{
	const json_t *v = json_object_get(root, "pandoc-api-version");
	char found[128] = "";
	size_t i, n;
	json_int_t major = 0, minor = 0;

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
		json_int_t part;
		if (!dm_int_of(e, &part)) /* pandoc reads 22.0 as 22, too */
			return dm_error_set(err, DM_EINPUT, "pandoc-api-version",
			                    "malformed pandoc-api-version: "
			                    "expected an array of integers such "
			                    "as [1,23,1,2]");
		if (strlen(found) < sizeof found - 24)
			snprintf(found + strlen(found),
			         sizeof found - strlen(found), "%s%" JSON_INTEGER_FORMAT,
			         i ? "." : "", part);
		if (i == 0)
			major = part;
		else if (i == 1)
			minor = part;
	}
	if (major != 1 || (minor != 22 && minor != 23))
		return dm_error_set(err, DM_EINPUT, "pandoc-api-version",
		                    "unsupported pandoc-api-version %s "
		                    "(supported: " SUPPORTED ")", found);
	return (int)minor;
}

/* A document around a checked `root` (stolen, also on failure). */
static dm_doc *wrap(json_t *root, int api_minor)
{
	dm_doc *doc = root ? malloc(sizeof *doc) : NULL;

	if (doc == NULL) {
		json_decref(root);
		return NULL;
	}
	doc->root = root;
	doc->meta = json_object_get(root, "meta");
	doc->blocks = json_object_get(root, "blocks");
	doc->api_minor = api_minor;
	doc->depth = 0;
	doc->bytes = 0;
	return doc;
}

dm_doc *dm_doc_new(int api_minor, json_t *meta, json_t *blocks)
{
	json_t *version;

	if (meta == NULL)
		meta = json_object();
	if (blocks == NULL)
		blocks = json_array();
	version = api_minor == 22 ? json_pack("[i,i,i,i]", 1, 22, 2, 1)
	        : api_minor == 23 ? json_pack("[i,i,i,i]", 1, 23, 1, 2)
	                          : NULL;
	if (version == NULL || meta == NULL || blocks == NULL) {
		json_decref(version);
		json_decref(meta);
		json_decref(blocks);
		return NULL;
	}
	/* "o" steals each value, also when packing fails */
	return wrap(json_pack("{s:o,s:o,s:o}", "pandoc-api-version", version,
	                      "meta", meta, "blocks", blocks),
	            api_minor);
}

/* Checks the top level of a document: an object with a supported
 * "pandoc-api-version", a "meta" object and a "blocks" array.  Returns the
 * API minor version, or -1 with `err` set. */
static int top_level(const json_t *root, dm_error *err)
{
	int minor;

	if (!json_is_object(root)) {
		/* pandoc before 1.18 wrote [{"unMeta": ...}, [blocks]] */
		bool old = json_is_array(root) && json_array_size(root) == 2 &&
		           json_object_get(json_array_get(root, 0), "unMeta");
		dm_error_set(err, DM_EINPUT, NULL,
		             old
		                     ? "not a pandoc document: a top-level "
		                       "array is the format of pandoc before "
		                       "1.18 (supported: " SUPPORTED ")"
		                     : "not a pandoc document: expected a JSON "
		                       "object at the top level");
		return -1;
	}
	if ((minor = api_version(root, err)) < 0)
		return -1;
	if (!json_is_object(json_object_get(root, "meta"))) {
		dm_error_set(err, DM_EINPUT,
		             json_object_get(root, "meta") ? "meta" : NULL,
		             json_object_get(root, "meta")
		                     ? "not a pandoc document: \"meta\" must be "
		                       "an object"
		                     : "not a pandoc document: missing \"meta\"");
		return -1;
	}
	if (!json_is_array(json_object_get(root, "blocks"))) {
		dm_error_set(err, DM_EINPUT,
		             json_object_get(root, "blocks") ? "blocks" : NULL,
		             json_object_get(root, "blocks")
		                     ? "not a pandoc document: \"blocks\" must "
		                       "be an array"
		                     : "not a pandoc document: missing "
		                       "\"blocks\"");
		return -1;
	}
	return minor;
}

/* The UTF-8 byte order mark, which pandoc accepts before a document. */
#define BOM "\xef\xbb\xbf"

/* top_level() for dmp_par_load(), whose doubts are not reported. */
static int top_quiet(const json_t *root)
{
	dm_error quiet;

	dm_error_clear(&quiet);
	return top_level(root, &quiet);
}

/* A large document read on threads (parallel.c), or NULL: then it is
 * read serially, whatever went wrong. */
static dm_doc *load_parallel(const char *buf, size_t len)
{
	int threads = dmp_par_threads(len), minor;
	size_t depth;
	json_t *root;
	dm_doc *doc;

	if (threads < 2 ||
	    (root = dmp_par_load(buf, len, threads, top_quiet, &minor,
	                         &depth)) == NULL)
		return NULL;
	if (dmp_json_alloc_failed()) {
		json_decref(root);
		return NULL;
	}
	if ((doc = wrap(root, minor)) == NULL) /* it freed root */
		return NULL;
	doc->depth = 1 + depth;
	doc->bytes = len;
	return doc;
}

dm_doc *dm_doc_load(const char *buf, size_t len, dm_error *err)
{
	json_error_t je;
	json_t *root;
	dm_doc *doc;
	size_t depth, meta_depth;
	int minor;

	if (len >= 3 && memcmp(buf, BOM, 3) == 0) {
		buf += 3;
		len -= 3;
	}
	dmp_json_alloc_begin();
	if ((doc = load_parallel(buf, len)) != NULL)
		return doc;
	dmp_json_alloc_begin();
	root = json_loadb(buf, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &je);
	if (dmp_json_alloc_failed() ||
	    (root == NULL && json_error_code(&je) == json_error_out_of_memory)) {
		json_decref(root);
		dm_nomem(err);
		return NULL;
	}
	if (root == NULL) {
		parse_error(buf, len, &je, err);
		return NULL;
	}
	if ((minor = top_level(root, err)) < 0)
		goto fail;
	if (dmp_validate(json_object_get(root, "meta"), DM_META, minor, "meta",
	                 err, &meta_depth) != 0 ||
	    dmp_validate(json_object_get(root, "blocks"), DM_BLOCK, minor,
	                 "blocks", err, &depth) != 0)
		goto fail;
	if ((doc = wrap(root, minor)) == NULL) {
		dm_nomem(err);
	} else {
		doc->depth = 1 + (depth > meta_depth ? depth : meta_depth);
		doc->bytes = len;
	}
	return doc;
fail:
	json_decref(root);
	return NULL;
}

/* Serialises `root` into `o` (out.c); the total length, or -1 (`o` is
 * freed).  A document read from DMP_PAR_MIN bytes on is written on
 * threads. */
static int out_doc(dmp_out *o, const dm_doc *doc, size_t *len)
{
	return dmp_out_doc(o, doc->root, json_object_get(doc->root, "blocks"),
	                   dmp_par_threads(doc->bytes), len);
}

/* How many levels `v` nests (1 for a scalar), counting no further than
 * `limit`. */
static size_t json_depth(const json_t *v, size_t limit)
{
	size_t d = 0, i, n;
	const char *key;
	json_t *e;

	if (limit == 0)
		return 1;
	if (json_is_array(v)) {
		for (i = 0, n = json_array_size(v); i < n && d < limit; i++) {
			size_t k = json_depth(json_array_get(v, i), limit - 1);
			d = k > d ? k : d;
		}
	} else if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, e) {
			size_t k = json_depth(e, limit - 1);
			d = k > d ? k : d;
		}
	} else {
		return 1;
	}
	return d + 1;
}

/* A document read deep may have been made deeper than the next filter
 * can read: it is measured, and refused with a message, before writing. */
static int check_depth(const dm_doc *doc, dm_error *err)
{
	size_t d;

	if (doc->depth <= DMP_DEEP)
		return 0;
	d = json_depth(doc->root, JSON_PARSER_MAX_DEPTH + 1);
	if (d <= JSON_PARSER_MAX_DEPTH)
		return 0;
	return dm_error_set(err, DM_EINPUT, NULL,
	                    "the document nests too deeply: the result "
	                    "would nest more than %d levels, which the next "
	                    "filter could not read",
	                    JSON_PARSER_MAX_DEPTH);
}

char *dm_doc_dump(const dm_doc *doc, size_t *len, dm_error *err)
{
	const dmp_chunk *c;
	char *s, *p;
	size_t n;
	dmp_out o;

	if (check_depth(doc, err))
		return NULL;
	if (out_doc(&o, doc, &n) != 0 || (s = malloc(n + 1)) == NULL) {
		dmp_out_free(&o);
		dm_nomem(err);
		return NULL;
	}
	for (p = s, c = o.head; c; c = c->next) {
		memcpy(p, c->data, c->len);
		p += c->len;
	}
	*p = '\0';
	dmp_out_free(&o);
	*len = n;
	return s;
}

/* Writes all of `data` to `fd`, retrying short writes and EINTR.  0, or -1
 * with `err` set. */
static int write_some(int fd, const char *data, size_t len, dm_error *err)
{
	size_t off = 0;
	ssize_t w;

	while (off < len) {
		w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return dm_error_set(err, DM_EIO, NULL,
			                    "cannot write output: %s",
			                    w < 0 ? strerror(errno)
			                          : "short write");
		off += (size_t)w;
	}
	return 0;
}

int dmp_write_all(int fd, const char *data, size_t len, dm_error *err)
{
	if (write_some(fd, data, len, err) != 0) {
		close(fd);
		return -1;
	}
	if (close(fd) != 0)
		return dm_error_set(err, DM_EIO, NULL,
		                    "cannot write output: %s", strerror(errno));
	return 0;
}

int dm_doc_write_fd(const dm_doc *doc, int fd, dm_error *err)
{
	const dmp_chunk *c;
	size_t len;
	dmp_out o;

	if (check_depth(doc, err)) {
		close(fd);
		return -1;
	}
	if (out_doc(&o, doc, &len) != 0) {
		dm_nomem(err);
		close(fd);
		return -1;
	}
	for (c = o.head; c; c = c->next) {
		if (write_some(fd, c->data, c->len, err) != 0) {
			dmp_out_free(&o);
			close(fd);
			return -1;
		}
	}
	dmp_out_free(&o);
	return dmp_write_all(fd, "", 0, err);
}

json_t *dmp_json_copy(const json_t *v)
{
	const char *key;
	size_t i, len;
	json_t *copy, *e;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		copy = json_object();
		json_object_keylen_foreach((json_t *)v, key, len, e)
			if (copy == NULL ||
			    json_object_setn_new_nocheck(copy, key, len,
			                                 dmp_json_copy(e))) {
				json_decref(copy);
				return NULL;
			}
		return copy;
	case JSON_ARRAY:
		copy = json_array();
		json_array_foreach(v, i, e)
			if (copy == NULL ||
			    json_array_append_new(copy, dmp_json_copy(e))) {
				json_decref(copy);
				return NULL;
			}
		return copy;
	default:
		return json_deep_copy(v); /* a scalar */
	}
}

dm_doc *dm_doc_copy(const dm_doc *doc)
{
	return wrap(dmp_json_copy(doc->root), doc->api_minor);
}

void dm_doc_free(dm_doc *doc)
{
	if (doc == NULL)
		return;
	json_decref(doc->root);
	free(doc);
}

void dmp_doc_forget(dm_doc *doc)
{
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
