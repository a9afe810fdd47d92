/*
 * page.c - dm_html_render(): a document's body as HTML, or with
 * DM_HTML_STANDALONE a whole page around it as pandoc's HTML5 template
 * makes one: the head (language, authors, date, title, a small
 * stylesheet, header-includes), the title block, include-before and
 * include-after.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "html.h"

static const char style[] =
	"html { color: #1a1a1a; background-color: #fdfdfd; }\n"
	"body { margin: 0 auto; max-width: 40em; padding: 2em 1.5em;\n"
	"  font-family: Georgia, 'Times New Roman', serif; font-size: 1.1rem;\n"
	"  line-height: 1.55; hyphens: auto; overflow-wrap: break-word; }\n"
	"@media (max-width: 600px) { body { font-size: 1rem; padding: 1em; } "
	"}\n"
	"@media (prefers-color-scheme: dark) {\n"
	"  html { color: #e6e6e6; background-color: #161616; }\n"
	"  a { color: #8ab4f8; } }\n"
	"@media print { html { background-color: white; }\n"
	"  body { color: black; font-size: 12pt; max-width: none; } }\n"
	"h1, h2, h3, h4, h5, h6 { line-height: 1.2; margin-top: 1.4em; }\n"
	"img { max-width: 100%; height: auto; }\n"
	"figure { margin: 1.5em 0; }\n"
	"figcaption { font-size: 0.9em; }\n"
	"blockquote { margin: 1em 0; padding-inline-start: 1em;\n"
	"  border-inline-start: 3px solid #ccc; color: #555; }\n"
	"code { font-family: Menlo, Monaco, Consolas, monospace; "
	"font-size: 0.9em; }\n"
	"pre { overflow: auto; padding: 0.5em; background: rgba(127,127,127,"
	".1); }\n"
	"table { border-collapse: collapse; margin: 1em 0; }\n"
	"th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #ccc; }\n"
	"th { border-bottom-width: 2px; }\n"
	"hr { border: none; border-top: 1px solid #ccc; }\n"
	"ul.task-list { list-style: none; padding-inline-start: 1em; }\n"
	".footnotes { font-size: 0.9em; }\n"
	"span.smallcaps { font-variant: small-caps; }\n"
	"div.line-block { white-space: pre-line; }\n"
	"header#title-block-header { margin-bottom: 2em; }\n"
	".title { margin-bottom: 0; }\n"
	".subtitle, .author, .date { margin: 0.3em 0; }\n";

/* ------------------------------------------------------------------------
 * Metadata values
 * ------------------------------------------------------------------------ */

/* A metadata value as blocks to render: MetaBlocks as they are, inlines
 * and strings as a Plain (no paragraph around them).  A new array, or NULL
 * when out of memory. */
static json_t *meta_blocks(const json_t *v)
{
	json_t *c = dm_content(v);

	switch (dm_type_of(v)) {
	case DM_T_META_BLOCKS:
		return json_incref(c);
	case DM_T_META_INLINES:
		return json_pack("[o]", dm_plain(json_incref(c)));
	case DM_T_META_STRING:
		return json_pack("[o]", dm_plain(json_pack("[{s:s,s:O}]", "t",
		                                           "Str", "c", c)));
	default:
		return json_array();
	}
}

/* An author given as a map stands for its name (NULL when it has none). */
static const json_t *named(const json_t *v)
{
	if (dm_type_of(v) == DM_T_META_MAP)
		return json_object_get(dm_content(v), "name");
	return v;
}

/* Adds the rendering of metadata value `v` (a list: each item) to `b`,
 * wrapped in `open` and `close` when those are given. */
static int add_meta(dmp_html *h, dm_buf *b, const json_t *v,
                    const char *open, const char *close)
{
	const json_t *items;
	json_t *list;
	char *out;
	size_t i, n;

	v = named(v);
	if (v == NULL)
		return 0;
	if (dm_type_of(v) == DM_T_META_LIST) {
		items = dm_content(v);
		for (i = 0; i < json_array_size(items); i++)
			if (add_meta(h, b, json_array_get(items, i), open,
			             close) != 0)
				return -1;
		return 0;
	}
	list = meta_blocks(v);
	if (list == NULL)
		return dm_nomem(h->err);
	out = dmp_html_render(h, list, false);
	json_decref(list);
	if (out == NULL)
		return -1;
	n = strlen(out);
	if (open && n > 0 && out[n - 1] == '\n')
		out[--n] = '\0'; /* <h1 class="title">...</h1> on one line */
	if (open)
		dm_buf_puts(b, open);
	dm_buf_puts(b, out);
	if (close)
		dm_buf_puts(b, close);
	dmp_cmark_free(out);
	return dm_buf_failed(b) ? dm_nomem(h->err) : 0;
}

/* The plain text of a metadata value (or of inlines), escaped, for
 * <title> and <meta>.  0 or -1 (out of memory). */
static int add_text(dm_buf *b, const json_t *v)
{
	char *s;

	v = named(v);
	if (v == NULL)
		return 0;
	s = dm_stringify(v);
	if (s == NULL)
		return -1;
	dmp_html_escape(b, s);
	free(s);
	return 0;
}

/* The inlines of the first header, for a page without a title. */
static const json_t *first_header(const json_t *list)
{
	size_t i;

	for (i = 0; i < json_array_size(list); i++)
		if (dm_type_of(json_array_get(list, i)) == DM_T_HEADER)
			return json_array_get(
			        dm_content(json_array_get(list, i)), 2);
	return NULL;
}

/* ------------------------------------------------------------------------
 * The page
 * ------------------------------------------------------------------------ */

/* A <meta> for each author (a list: each of them; a map: its name). */
static int author_metas(dm_buf *b, const json_t *author)
{
	const json_t *a;
	size_t i;

	for (i = 0; author != NULL; i++) {
		a = dm_type_of(author) == DM_T_META_LIST
		            ? json_array_get(dm_content(author), i)
		            : (i == 0 ? author : NULL);
		if (a == NULL)
			break;
		if (named(a) == NULL)
			continue;
		dm_buf_puts(b, "<meta name=\"author\" content=\"");
		if (add_text(b, a) != 0)
			return -1;
		dm_buf_puts(b, "\" />\n");
	}
	return 0;
}

/* The html element's attribute NAME from the metadata field of that
 * name, as pandoc writes lang and dir (a right-to-left article: `dir:
 * rtl`).  0, or -1 when out of memory. */
static int meta_attribute(dm_buf *b, const json_t *meta, const char *name)
{
	const json_t *v = json_object_get(meta, name);
	char *s;

	if (v == NULL)
		return 0;
	s = dm_stringify(v);
	if (s == NULL)
		return -1;
	dmp_html_attribute(b, name, s);
	free(s);
	return 0;
}

/* The page up to <body>: lang, dir, <meta>s, <title>, style and
 * header-includes.  0 or -1 (h->err). */
static int head(dmp_html *h, const dm_doc *doc, dm_buf *b)
{
	const json_t *meta = doc->meta;
	const json_t *title = json_object_get(meta, "title");
	const json_t *pagetitle = json_object_get(meta, "pagetitle");
	const json_t *date = json_object_get(meta, "date");
	int rc = 0;

	dm_buf_puts(b, "<!DOCTYPE html>\n<html");
	if (meta_attribute(b, meta, "lang") != 0 ||
	    meta_attribute(b, meta, "dir") != 0)
		return dm_nomem(h->err);
	dm_buf_puts(b, ">\n<head>\n<meta charset=\"utf-8\" />\n"
	               "<meta name=\"generator\" content=\"dm-to-html\" />\n"
	               "<meta name=\"viewport\" content=\"width=device-width, "
	               "initial-scale=1.0, user-scalable=yes\" />\n");
	rc = author_metas(b, json_object_get(meta, "author"));
	if (date != NULL) {
		dm_buf_puts(b, "<meta name=\"dcterms.date\" content=\"");
		rc = rc || add_text(b, date);
		dm_buf_puts(b, "\" />\n");
	}
	dm_buf_puts(b, "<title>");
	if (pagetitle || title)
		rc = rc || add_text(b, pagetitle ? pagetitle : title);
	else if (first_header(doc->blocks) != NULL)
		rc = rc || add_text(b, first_header(doc->blocks));
	else
		dm_buf_puts(b, "Untitled");
	dm_buf_printf(b, "</title>\n<style>\n%s</style>\n", style);
	if (rc != 0 || dm_buf_failed(b))
		return dm_nomem(h->err);
	if (add_meta(h, b, json_object_get(meta, "header-includes"), NULL,
	             NULL) != 0)
		return -1;
	dm_buf_puts(b, "</head>\n");
	return 0;
}

/* The title block: title, subtitle, authors and date, when there are. */
static int title_block(dmp_html *h, const json_t *meta, dm_buf *b)
{
	const json_t *title = json_object_get(meta, "title");
	const json_t *subtitle = json_object_get(meta, "subtitle");
	const json_t *author = json_object_get(meta, "author");
	const json_t *date = json_object_get(meta, "date");

	if (!title && !subtitle && !author && !date)
		return 0;
	dm_buf_puts(b, "<header id=\"title-block-header\">\n");
	if (add_meta(h, b, title, "<h1 class=\"title\">", "</h1>\n") ||
	    add_meta(h, b, subtitle, "<p class=\"subtitle\">", "</p>\n") ||
	    add_meta(h, b, author, "<p class=\"author\">", "</p>\n") ||
	    add_meta(h, b, date, "<p class=\"date\">", "</p>\n"))
		return -1;
	dm_buf_puts(b, "</header>\n");
	return 0;
}

/* A whole page around `body`.  0 or -1 (h->err). */
static int page(dmp_html *h, const dm_doc *doc, const char *body, dm_buf *b)
{
	const json_t *meta = doc->meta;

	if (head(h, doc, b) != 0)
		return -1;
	dm_buf_puts(b, "<body>\n");
	if (add_meta(h, b, json_object_get(meta, "include-before"), NULL,
	             NULL) != 0 ||
	    title_block(h, meta, b) != 0)
		return -1;
	dm_buf_puts(b, body);
	if (add_meta(h, b, json_object_get(meta, "include-after"), NULL,
	             NULL) != 0)
		return -1;
	dm_buf_puts(b, "</body>\n</html>\n");
	return dm_buf_failed(b) ? dm_nomem(h->err) : 0;
}

/* True when a string in `v` (at any depth) holds a NUL byte. */
static bool has_nul(const json_t *v)
{
	size_t i, n;
	void *it;

	switch (json_typeof(v)) {
	case JSON_STRING: /* shorter as a C string */
		return strlen(json_string_value(v)) != json_string_length(v);
	case JSON_ARRAY:
		for (i = 0, n = json_array_size(v); i < n; i++)
			if (has_nul(json_array_get(v, i)))
				return true;
		return false;
	case JSON_OBJECT: /* its values */
		for (it = json_object_iter((json_t *)v); it != NULL;
		     it = json_object_iter_next((json_t *)v, it))
			if (has_nul(json_object_iter_value(it)))
				return true;
		return false;
	default:
		return false;
	}
}

/* Each NUL byte of the strings in `v` as U+FFFD, as CommonMark does with
 * one in its input (the HTML parser drops or replaces one).  0 or -1. */
static int replace_nul(json_t *v)
{
	const char *key, *s;
	dm_buf b = {0};
	json_t *e;
	size_t i, n;
	int rc;

	if (json_is_array(v) || json_is_object(v)) {
		json_array_foreach(v, i, e)
			if (replace_nul(e))
				return -1;
		json_object_foreach(v, key, e)
			if (replace_nul(e))
				return -1;
		return 0;
	}
	if (!json_is_string(v) || !has_nul(v))
		return 0;
	s = json_string_value(v);
	for (i = 0, n = json_string_length(v); i < n; i++)
		if (s[i])
			dm_buf_putc(&b, s[i]);
		else
			dm_buf_puts(&b, "\xef\xbf\xbd");
	rc = dm_buf_failed(&b) ? -1
	     : json_string_setn(v, dm_buf_str(&b), b.len);
	dm_buf_free(&b);
	return rc;
}

char *dm_html_render(const dm_doc *doc, unsigned flags, size_t *len,
                     dm_error *err)
{
	dmp_html h = {err, json_array()};
	char *body = NULL, *out = NULL;
	dm_doc *copy = NULL;
	dm_buf b = {0};
	int rc = -1;

	/* cmark takes C strings: a NUL (valid in pandoc's JSON) would cut the
	 * text after it. */
	if (has_nul(doc->root)) {
		if ((copy = dm_doc_copy(doc)) == NULL ||
		    replace_nul(copy->root) != 0) {
			dm_doc_free(copy);
			json_decref(h.notes);
			dm_nomem(err);
			return NULL;
		}
		doc = copy;
	}
	if (h.notes != NULL)
		body = dmp_html_render(&h, doc->blocks, true);
	json_decref(h.notes);
	h.notes = json_array(); /* notes in metadata are not numbered */
	if (body != NULL && h.notes != NULL) {
		if (flags & DM_HTML_STANDALONE)
			rc = page(&h, doc, body, &b);
		else
			rc = dm_buf_puts(&b, body);
	}
	dmp_cmark_free(body);
	json_decref(h.notes);
	dm_doc_free(copy);
	if (rc == 0) {
		*len = b.len;
		out = dm_buf_take(&b); /* "" for an empty body */
	}
	dm_buf_free(&b);
	if (out == NULL)
		dm_nomem(err); /* unless something else was said */
	return out;
}

int dm_html_write_fd(const dm_doc *doc, unsigned flags, int fd,
                     dm_error *err)
{
	size_t len = 0;
	char *out = dm_html_render(doc, flags, &len, err);
	int rc;

	if (out == NULL)
		return -1;
	rc = dmp_write_all(fd, out, len, err);
	free(out);
	return rc;
}
