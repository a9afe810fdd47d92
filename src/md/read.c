/*
 * read.c - a Markdown document as pandoc's gfm reader reads it: the text
 * checked as UTF-8 and normalised (line ends, tabs), then the YAML front
 * matter, read into metadata (yaml.c, which reads its strings as Markdown
 * through dmp_md_meta_value()), then the body (convert.c); text with one
 * block per line (DM_MD_LINES) made Markdown first (lines.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dm_md.h"
#include "md.h"
#include "yamlmeta.h"

/* cmark-gfm aborts the program when one of its buffers would pass 1 GB
 * (INT32_MAX / 2): Markdown larger than half that is refused first. */
#define MAX_MARKDOWN ((size_t)512 << 20)

/* ------------------------------------------------------------------------
 * The text
 * ------------------------------------------------------------------------ */

/* Refuses text with an invalid UTF-8 sequence at `bad`, saying where (line
 * and column in characters).  Returns -1. */
static int not_utf8(const char *text, size_t bad, dm_error *err)
{
	size_t i, line = 1, col = 1;
	char where[64];

	for (i = 0; i < bad; i++) {
		if (text[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80) {
			col++;
		}
	}
	snprintf(where, sizeof where, "line %zu, column %zu", line, col);
	return dm_error_set(err, DM_EINPUT, where,
	                    "input is not valid UTF-8 (byte 0x%02x)",
	                    (unsigned char)text[bad]);
}

/* The text as pandoc reads it into `norm`: CRLF line ends become LF, tabs
 * spaces to the next multiple of four columns (characters), and the last
 * line ends with a newline.  0, or -1 with `err` set. */
static int normalise(const char *text, size_t len, dm_buf *norm,
                     dm_error *err)
{
	size_t i, col = 0;

	if (len == 0 || (memchr(text, '\t', len) == NULL &&
	                 memchr(text, '\r', len) == NULL))
		dm_buf_add(norm, text, len); /* nothing to change: at once */
	else
		for (i = 0; i < len; i++) {
			if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
				continue;
			if (text[i] == '\t') {
				dm_buf_add(norm, "    ", 4 - col % 4);
				col += 4 - col % 4;
				continue;
			}
			dm_buf_putc(norm, text[i]);
			if (text[i] == '\n')
				col = 0;
			else if (((unsigned char)text[i] & 0xc0) != 0x80)
				col++;
		}
	if (!dm_buf_failed(norm) && norm->len > 0 &&
	    norm->data[norm->len - 1] != '\n')
		dm_buf_putc(norm, '\n');
	dm_buf_add(norm, "", 0); /* a string, even for no text */
	if (dm_buf_failed(norm)) {
		dm_buf_free(norm);
		return dm_nomem(err);
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Front matter
 * ------------------------------------------------------------------------ */

/* Whether the line at `p` is `word` plus spaces or tabs; sets `*next` to
 * the start of the following line. */
static bool line_is(const char *p, const char *end, const char *word,
                    const char **next)
{
	size_t n = strlen(word);

	if ((size_t)(end - p) < n || memcmp(p, word, n) != 0)
		return false;
	for (p += n; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (p < end && *p != '\n')
		return false;
	*next = p < end ? p + 1 : p;
	return true;
}

static bool blank_line(const char *p, const char *end)
{
	for (; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	return p < end && *p == '\n';
}

/*
 * The front matter at the start of `text`, as pandoc finds it: a line
 * `---`, no blank line next, then lines up to a `---` or `...` line.
 * Returns true and sets the YAML's offset and length and the body's
 * offset when there is one.
 */
static bool front_matter(const char *text, size_t len, size_t *yaml_off,
                         size_t *yaml_len, size_t *body_off)
{
	const char *end = text + len, *p, *start, *next;

	if (!line_is(text, end, "---", &p) || p == end || *(p - 1) != '\n' ||
	    blank_line(p, end))
		return false;
	for (start = p; p < end; p = next) {
		if (line_is(p, end, "---", &next) ||
		    line_is(p, end, "...", &next)) {
			*yaml_off = (size_t)(start - text);
			*yaml_len = (size_t)(p - start);
			*body_off = (size_t)(next - text);
			return true;
		}
		next = memchr(p, '\n', (size_t)(end - p));
		if (next == NULL)
			break;
		next++;
	}
	return false;
}

/*
 * The metadata of normalised text `text` into `*meta`: a new object, or
 * NULL without front matter; and in `*body` where the body starts.  YAML
 * that is not a mapping is no front matter: pandoc reads it all as
 * Markdown then.  0, or -1 with `err` set.
 */
static int read_meta(const char *text, size_t len, int api_minor,
                     json_t **meta, size_t *body, dm_error *err)
{
	size_t yoff, ylen;
	bool not_map = false;

	*meta = NULL;
	*body = 0;
	if (!front_matter(text, len, &yoff, &ylen, body))
		return 0;
	*meta = dmp_yaml_meta(text + yoff, ylen, 2, api_minor,
	                      dmp_md_meta_value, &not_map, err);
	if (not_map)
		*body = 0;
	return *meta != NULL || not_map ? 0 : -1;
}

/* ------------------------------------------------------------------------
 * Documents
 * ------------------------------------------------------------------------ */

/* Normalised text `text` (freed here) read into a new document, or NULL
 * with `err` set. */
static dm_doc *read_doc(char *text, size_t len, int api_minor,
                        unsigned flags, dm_error *err)
{
	size_t body;
	json_t *meta, *b = NULL;
	dm_buf md = {0};
	dm_doc *doc;

	if (read_meta(text, len, api_minor, &meta, &body, err) != 0) {
		free(text);
		return NULL;
	}
	if (!(flags & DM_MD_LINES))
		b = dmp_md_blocks(text + body, len - body, api_minor, false, err);
	else if (dmp_md_lines(text + body, len - body, &md) != 0)
		dm_nomem(err);
	else
		b = dmp_md_blocks(md.data != NULL ? md.data : "", md.len,
		                  api_minor, false, err);
	dm_buf_free(&md);
	free(text);
	if (b == NULL) {
		json_decref(meta);
		return NULL;
	}
	doc = dm_doc_new(api_minor, meta, b);
	if (doc == NULL)
		dm_nomem(err);
	return doc;
}

dm_doc *dm_md_read(const char *text, size_t len, int api_minor,
                   dm_error *err)
{
	return dm_md_read_ex(text, len, api_minor, 0, err);
}

dm_doc *dm_md_read_ex(const char *text, size_t len, int api_minor,
                      unsigned flags, dm_error *err)
{
	dm_buf norm = {0};
	size_t bad;

	if (api_minor != 22 && api_minor != 23) {
		dm_error_set(err, DM_EUSAGE, NULL,
		             "unsupported API version 1.%d (supported: 1.22 "
		             "and 1.23)", api_minor);
		return NULL;
	}
	if (len > MAX_MARKDOWN) {
		dm_error_set(err, DM_EINPUT, NULL, "the Markdown is too large "
		             "(more than 512 MB)");
		return NULL;
	}
	bad = dmp_utf8_invalid((const unsigned char *)text, len);
	if (bad < len) {
		not_utf8(text, bad, err);
		return NULL;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (normalise(text, len, &norm, err) != 0)
		return NULL;
	return read_doc(norm.data, norm.len, api_minor, flags, err);
}

dm_doc *dm_md_read_fd(int fd, int api_minor, unsigned flags, dm_error *err)
{
	size_t len = 0;
	char *text = dmp_read_all(fd, &len, err);
	dm_doc *doc;

	if (text == NULL)
		return NULL;
	doc = dm_md_read_ex(text, len, api_minor, flags, err);
	free(text);
	return doc;
}

/* ------------------------------------------------------------------------
 * Metadata from the command line (-M)
 * ------------------------------------------------------------------------ */

/* The value of `-M KEY=VALUE` (`v`, NULL for KEY alone) as pandoc makes
 * it: a new MetaBool or MetaString, or NULL. */
static json_t *meta_arg_value(const char *v)
{
	static const char *const yes[] = {"true", "True", "TRUE", NULL};
	static const char *const no[] = {"false", "False", "FALSE", NULL};
	size_t i;

	if (v == NULL)
		return dm_node("MetaBool", json_true());
	for (i = 0; yes[i]; i++)
		if (strcmp(v, yes[i]) == 0)
			return dm_node("MetaBool", json_true());
	for (i = 0; no[i]; i++)
		if (strcmp(v, no[i]) == 0)
			return dm_node("MetaBool", json_false());
	return dm_node("MetaString", json_string(v));
}

/* Whether an argument before args[i] sets the same key (`klen` bytes). */
static bool key_again(char *const *args, int i, size_t klen)
{
	int j;

	for (j = 0; j < i; j++)
		if (strcspn(args[j], "=") == klen &&
		    strncmp(args[j], args[i], klen) == 0)
			return true;
	return false;
}

char *dm_md_meta_arg(int argc, char **argv, int *i, bool *missing)
{
	char *a = argv[*i];

	if (!strcmp(a, "-M") || !strcmp(a, "--metadata")) {
		if (*i + 1 < argc)
			return argv[++*i];
		*missing = true;
		return NULL;
	}
	if (!strncmp(a, "-M", 2))
		return a + 2;
	if (!strncmp(a, "--metadata=", 11))
		return a + 11;
	return NULL;
}

int dm_md_set_meta(dm_doc *doc, char *const *args, int n, dm_error *err)
{
	json_t *meta = dm_doc_meta(doc), *v, *old, *list, *sorted;
	char key[256];
	size_t klen;
	int i;

	for (i = 0; i < n; i++) {
		klen = strcspn(args[i], "=");
		if (klen == 0 || klen >= sizeof key)
			return dm_error_set(err, DM_EUSAGE, NULL, "-M %s: "
			                    "expected KEY or KEY=VALUE, KEY of 1 "
			                    "to 255 bytes", args[i]);
		memcpy(key, args[i], klen);
		key[klen] = '\0';
		v = meta_arg_value(args[i][klen] ? args[i] + klen + 1 : NULL);
		old = json_object_get(meta, key);
		if (v != NULL && old != NULL && key_again(args, i, klen)) {
			list = dm_is(old, "MetaList")
			               ? json_incref(old)
			               : dm_node("MetaList",
			                         json_pack("[O]", old));
			if (list == NULL ||
			    json_array_append_new(dm_content(list), v)) {
				json_decref(list);
				return dm_nomem(err);
			}
			v = list;
		}
		if (v == NULL || json_object_set_new(meta, key, v) != 0)
			return dm_nomem(err);
	}
	if (n == 0)
		return 0;
	/* in pandoc's key order, as the front matter's */
	if ((sorted = dmp_yaml_sorted(meta)) == NULL)
		return dm_nomem(err);
	json_object_clear(meta);
	i = json_object_update(meta, sorted);
	json_decref(sorted);
	return i == 0 ? 0 : dm_nomem(err);
}
