/*
 * inlines.c - pandoc's Inlines as cmark nodes: emphasis, code, links and
 * images where cmark has them and no attribute is lost, custom nodes with
 * pandoc's markup for the rest (spans, math, citations, note references).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

/* The inlines of `list` inside node `n`, just made (NULL: it could not
 * be).  0 or -1 (h->err). */
static int inside(dmp_html *h, const json_t *list, cmark_node *n)
{
	return n != NULL ? dmp_html_inlines(h, list, n) : dm_nomem(h->err);
}

/* 0 when node `n` was made, else "out of memory". */
static int made(dmp_html *h, const cmark_node *n)
{
	return n != NULL ? 0 : dm_nomem(h->err);
}

/* A custom inline holding the raw HTML in `b` (freed here), then `text`
 * escaped, then `close`. */
static int raw_text(dmp_html *h, cmark_node *parent, dm_buf *b,
                    const char *text, const char *close)
{
	cmark_node *n = NULL;

	dmp_html_escape(b, text);
	dm_buf_puts(b, close);
	if (!dm_buf_failed(b))
		n = dmp_html_custom(parent, false, dm_buf_str(b), NULL);
	dm_buf_free(b);
	return made(h, n);
}

static int quoted(dmp_html *h, const json_t *c, cmark_node *parent)
{
	bool dq = dm_is(json_array_get(c, 0), "DoubleQuote");

	if (!dmp_html_literal(parent, CMARK_NODE_TEXT,
	                      dq ? "\u201c" : "\u2018") ||
	    dmp_html_inlines(h, json_array_get(c, 1), parent) != 0 ||
	    !dmp_html_literal(parent, CMARK_NODE_TEXT,
	                      dq ? "\u201d" : "\u2019"))
		return dm_nomem(h->err);
	return 0;
}

static int code(dmp_html *h, const json_t *c, cmark_node *parent)
{
	const json_t *attr = json_array_get(c, 0);
	const char *text = json_string_value(json_array_get(c, 1));
	dm_buf open = {0};

	if (dmp_html_attr_empty(attr))
		return made(h, dmp_html_literal(parent, CMARK_NODE_CODE, text));
	dm_buf_puts(&open, "<code");
	dmp_html_attrs(&open, attr);
	dm_buf_putc(&open, '>');
	return raw_text(h, parent, &open, text, "</code>");
}

static int math(dmp_html *h, const json_t *c, cmark_node *parent)
{
	bool display = dm_is(json_array_get(c, 0), "DisplayMath");
	dm_buf open = {0};

	dm_buf_puts(&open, display ? "<span class=\"math display\">\\["
	                           : "<span class=\"math inline\">\\(");
	return raw_text(h, parent, &open,
	                json_string_value(json_array_get(c, 1)),
	                display ? "\\]</span>" : "\\)</span>");
}

static int raw_inline(dmp_html *h, const json_t *c, cmark_node *parent)
{
	if (!dmp_html_format(json_string_value(json_array_get(c, 0))))
		return 0; /* other formats dropped, as pandoc does */
	return made(h, dmp_html_literal(parent, CMARK_NODE_HTML_INLINE,
	                                json_string_value(
	                                        json_array_get(c, 1))));
}

/* An image with attributes: an <img> of its own. */
static int img(dmp_html *h, const json_t *c, const char *url,
               const char *title, cmark_node *parent)
{
	/* the alt text is the image's inlines as plain text */
	char *alt = dm_stringify(json_array_get(c, 1));
	dm_buf b = {0};
	cmark_node *n = NULL;

	if (alt != NULL) {
		dm_buf_puts(&b, "<img");
		dmp_html_attribute(&b, "src", url);
		if (*title)
			dmp_html_attribute(&b, "title", title);
		dmp_html_attribute(&b, "alt", alt);
		dmp_html_attrs(&b, json_array_get(c, 0));
		dm_buf_puts(&b, " />");
		if (!dm_buf_failed(&b))
			n = dmp_html_custom(parent, false, dm_buf_str(&b),
			                    NULL);
	}
	free(alt);
	dm_buf_free(&b);
	return made(h, n);
}

static int link_or_image(dmp_html *h, const json_t *c, bool image,
                         cmark_node *parent)
{
	const json_t *attr = json_array_get(c, 0),
	             *target = json_array_get(c, 2);
	const char *url = json_string_value(json_array_get(target, 0));
	const char *title = json_string_value(json_array_get(target, 1));
	dm_buf b = {0};
	cmark_node *n = NULL;

	if (dmp_html_attr_empty(attr)) {
		n = dmp_html_add(parent,
		                 image ? CMARK_NODE_IMAGE : CMARK_NODE_LINK);
		if (n == NULL || !cmark_node_set_url(n, url) ||
		    !cmark_node_set_title(n, title))
			return dm_nomem(h->err);
		return dmp_html_inlines(h, json_array_get(c, 1), n);
	}
	if (image)
		return img(h, c, url, title, parent);
	dm_buf_puts(&b, "<a");
	dmp_html_attribute(&b, "href", url);
	if (*title)
		dmp_html_attribute(&b, "title", title);
	dmp_html_attrs(&b, attr);
	dm_buf_putc(&b, '>');
	if (!dm_buf_failed(&b))
		n = dmp_html_custom(parent, false, dm_buf_str(&b), "</a>");
	dm_buf_free(&b);
	return inside(h, json_array_get(c, 1), n);
}

static int cite(dmp_html *h, const json_t *c, cmark_node *parent)
{
	const json_t *cits = json_array_get(c, 0);
	dm_buf ids = {0}, open = {0};
	cmark_node *n = NULL;
	size_t i;

	for (i = 0; i < json_array_size(cits); i++) {
		const char *id = json_string_value(json_object_get(
		        json_array_get(cits, i), "citationId"));
		if (i > 0)
			dm_buf_putc(&ids, ' ');
		dm_buf_puts(&ids, id ? id : "");
	}
	if (!dm_buf_failed(&ids)) {
		dm_buf_puts(&open, "<span class=\"citation\"");
		if (ids.len > 0)
			dmp_html_attribute(&open, "data-cites",
			                   dm_buf_str(&ids));
		dm_buf_putc(&open, '>');
		if (!dm_buf_failed(&open))
			n = dmp_html_custom(parent, false, dm_buf_str(&open),
			                    "</span>");
	}
	dm_buf_free(&ids);
	dm_buf_free(&open);
	return inside(h, json_array_get(c, 1), n);
}

/* A note's reference; its blocks wait in h->notes for the end. */
static int note_ref(dmp_html *h, const json_t *note, cmark_node *parent)
{
	size_t n;
	char buf[160];

	if (json_array_append(h->notes, dm_content(note)) != 0)
		return dm_nomem(h->err);
	n = json_array_size(h->notes);
	snprintf(buf, sizeof buf,
	         "<a href=\"#fn%zu\" class=\"footnote-ref\" id=\"fnref%zu\" "
	         "role=\"doc-noteref\"><sup>%zu</sup></a>",
	         n, n, n);
	return made(h, dmp_html_custom(parent, false, buf, NULL));
}

/* The tags of an inline that is only its contents between two tags; NULL
 * for other types. */
static const char *const *simple_tags(dm_type t)
{
	static const char *const tags[][2] = {
		{"<u>", "</u>"},
		{"<del>", "</del>"},
		{"<sup>", "</sup>"},
		{"<sub>", "</sub>"},
		{"<span class=\"smallcaps\">", "</span>"},
	};

	switch (t) {
	case DM_T_UNDERLINE:
		return tags[0];
	case DM_T_STRIKEOUT:
		return tags[1];
	case DM_T_SUPERSCRIPT:
		return tags[2];
	case DM_T_SUBSCRIPT:
		return tags[3];
	case DM_T_SMALL_CAPS:
		return tags[4];
	default:
		return NULL;
	}
}

int dmp_html_inline(dmp_html *h, const json_t *node, cmark_node *parent)
{
	json_t *c; /* the tag and the contents: one look at the keys */
	dm_type t = dm_type_of_tag(dmp_tag_content(node, &c));
	const char *const *tags;

	switch (t) {
	case DM_T_STR:
		return made(h, dmp_html_literal(parent, CMARK_NODE_TEXT,
		                                json_string_value(c)));
	case DM_T_SPACE:
		return made(h, dmp_html_literal(parent, CMARK_NODE_TEXT, " "));
	case DM_T_SOFT_BREAK:
		return made(h, dmp_html_add(parent, CMARK_NODE_SOFTBREAK));
	case DM_T_LINE_BREAK:
		return made(h, dmp_html_add(parent, CMARK_NODE_LINEBREAK));
	case DM_T_EMPH:
		return inside(h, c, dmp_html_add(parent, CMARK_NODE_EMPH));
	case DM_T_STRONG:
		return inside(h, c, dmp_html_add(parent, CMARK_NODE_STRONG));
	case DM_T_UNDERLINE:
	case DM_T_STRIKEOUT:
	case DM_T_SUPERSCRIPT:
	case DM_T_SUBSCRIPT:
	case DM_T_SMALL_CAPS:
		tags = simple_tags(t);
		return inside(h, c, dmp_html_custom(parent, false, tags[0],
		                                    tags[1]));
	case DM_T_QUOTED:
		return quoted(h, c, parent);
	case DM_T_CODE:
		return code(h, c, parent);
	case DM_T_MATH:
		return math(h, c, parent);
	case DM_T_RAW_INLINE:
		return raw_inline(h, c, parent);
	case DM_T_LINK:
	case DM_T_IMAGE:
		return link_or_image(h, c, t == DM_T_IMAGE, parent);
	case DM_T_SPAN:
		return inside(h, json_array_get(c, 1),
		              dmp_html_element(parent, DMP_HTML_INLINE, "span",
		                               json_array_get(c, 0), NULL));
	case DM_T_CITE:
		return cite(h, c, parent);
	case DM_T_NOTE:
		return note_ref(h, node, parent);
	default:
		return 0;
	}
}

/* The text of a Str or a Space; NULL for any other node.  (Not a
 * SoftBreak: cmark-gfm writes one as a newline, but in an image's alt
 * text as a space.) */
static const char *plain_text(const json_t *node)
{
	json_t *c;
	const char *tag = dmp_tag_content(node, &c);

	if (tag == NULL)
		return NULL;
	if (!strcmp(tag, "Str"))
		return json_string_value(c);
	return !strcmp(tag, "Space") ? " " : NULL;
}

/* Writes the run of plain text `s`, `t`, then nodes `i` on of `list` as
 * one text node (the same HTML as a node each, from a fraction of the
 * nodes).  Returns the index after the run, or 0 when out of memory. */
static size_t text_run(const char *s, const char *t, const json_t *list,
                       size_t i, cmark_node *parent)
{
	dm_buf b = {0};

	dm_buf_puts(&b, s);
	dm_buf_puts(&b, t);
	for (; (s = plain_text(json_array_get(list, i))) != NULL; i++)
		dm_buf_puts(&b, s);
	if (dm_buf_failed(&b) ||
	    dmp_html_literal(parent, CMARK_NODE_TEXT,
	                     b.data ? b.data : "") == NULL)
		i = 0;
	dm_buf_free(&b);
	return i;
}

int dmp_html_inlines(dmp_html *h, const json_t *list, cmark_node *parent)
{
	size_t i, n = json_array_size(list);
	const char *s = plain_text(json_array_get(list, 0)), *t;

	for (i = 0; i < n;) { /* s: the text of node i, or NULL */
		t = plain_text(json_array_get(list, i + 1));
		if (s != NULL && t != NULL) {
			if ((i = text_run(s, t, list, i + 2, parent)) == 0)
				return made(h, NULL);
			s = NULL; /* node i (if any) ended the run */
			continue;
		}
		if (dmp_html_inline(h, json_array_get(list, i), parent) != 0)
			return -1;
		i++;
		s = t;
	}
	return 0;
}
