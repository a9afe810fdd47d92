/*
 * html.c - a pandoc document to HTML5 through cmark-gfm's renderer.
 *
 * The pandoc AST becomes a cmark tree: native nodes where cmark has the
 * same element (paragraphs, emphasis, links, lists, ...), custom block and
 * inline nodes carrying the opening and closing HTML where it has not or
 * where attributes must survive (Div, Span, headers with identifiers,
 * tables, figures, math, citations, notes).  The markup follows pandoc's
 * HTML5 writer, so stylesheets written for pandoc's output fit.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cmark-gfm.h>

#include "dm_md.h"
#include "internal.h"

typedef struct html {
	dm_error *err;
	json_t *notes; /* the blocks of each Note met, in order */
} html;

static int nomem(html *h)
{
	return dm_error_set(h->err, DM_ENOMEM, NULL, "out of memory");
}

static bool tag_is(const json_t *node, const char *tag)
{
	const char *t = dm_tag(node);

	return t != NULL && strcmp(t, tag) == 0;
}

/* ------------------------------------------------------------------------
 * Markup pieces
 * ------------------------------------------------------------------------ */

static int escape(dm_buf *b, const char *s, size_t n)
{
	size_t i, from = 0;

	for (i = 0; i < n; i++) {
		const char *e = s[i] == '&'   ? "&amp;"
		                : s[i] == '<' ? "&lt;"
		                : s[i] == '>' ? "&gt;"
		                : s[i] == '"' ? "&quot;"
		                              : NULL;
		if (e == NULL)
			continue;
		if (dm_buf_add(b, s + from, i - from) != 0 ||
		    dm_buf_puts(b, e) != 0)
			return -1;
		from = i + 1;
	}
	return dm_buf_add(b, s + from, n - from);
}

static int escape_str(dm_buf *b, const char *s)
{
	return escape(b, s, strlen(s));
}

/* HTML5 (and RDFa) attribute names that pandoc writes as they are; other
 * keys get a `data-` prefix, as pandoc's HTML5 writer does. */
static bool known_attribute(const char *k)
{
	static const char *const names[] = {
		"abbr", "about", "accept", "accept-charset", "accesskey",
		"action", "allow", "allowfullscreen", "alt", "async",
		"autocapitalize", "autocomplete", "autofocus", "autoplay",
		"charset", "checked", "cite", "class", "color", "cols",
		"colspan", "content", "contenteditable", "controls", "coords",
		"crossorigin", "data", "datatype", "datetime", "decoding",
		"default", "defer", "dir", "dirname", "disabled", "download",
		"draggable", "enctype", "enterkeyhint", "for", "form",
		"formaction", "headers", "height", "hidden", "high", "href",
		"hreflang", "http-equiv", "id", "inert", "inlist", "inputmode",
		"integrity", "is", "itemid", "itemprop", "itemref", "itemscope",
		"itemtype", "kind", "label", "lang", "list", "loading", "loop",
		"low", "max", "maxlength", "media", "method", "min",
		"minlength", "multiple", "muted", "name", "nomodule", "nonce",
		"novalidate", "open", "optimum", "pattern", "ping",
		"placeholder", "playsinline", "popover", "poster", "prefix",
		"preload", "property", "readonly", "referrerpolicy", "rel",
		"required", "resource", "rev", "reversed", "role", "rows",
		"rowspan", "sandbox", "scope", "selected", "shape", "size",
		"sizes", "slot", "span", "spellcheck", "src", "srcdoc",
		"srclang", "srcset", "start", "step", "style", "tabindex",
		"target", "title", "translate", "type", "typeof", "usemap",
		"value", "vocab", "width", "wrap", NULL
	};
	size_t i;

	if (strncmp(k, "data-", 5) == 0 || strncmp(k, "aria-", 5) == 0 ||
	    strchr(k, ':') != NULL)
		return true;
	for (i = 0; names[i]; i++)
		if (strcmp(k, names[i]) == 0)
			return true;
	return false;
}

static int attribute(dm_buf *b, const char *k, const char *v)
{
	if (dm_buf_printf(b, " %s%s=\"", known_attribute(k) ? "" : "data-",
	                  k) != 0 ||
	    escape_str(b, v) != 0 || dm_buf_putc(b, '"') != 0)
		return -1;
	return 0;
}

/* An Attr as pandoc writes it: id, class, then the key-value pairs
 * (empty keys and repeated keys dropped). */
static int attrs(dm_buf *b, const json_t *attr, const char *extra_class)
{
	const char *id = json_string_value(json_array_get(attr, 0));
	const json_t *cls = json_array_get(attr, 1);
	const json_t *kvs = json_array_get(attr, 2);
	size_t i, j;

	if (id && *id && attribute(b, "id", id) != 0)
		return -1;
	if (json_array_size(cls) > 0 || extra_class) {
		if (dm_buf_puts(b, " class=\"") != 0)
			return -1;
		if (extra_class && dm_buf_puts(b, extra_class) != 0)
			return -1;
		for (i = 0; i < json_array_size(cls); i++)
			if ((i > 0 || extra_class) && dm_buf_putc(b, ' ') != 0)
				return -1;
			else if (escape_str(b, json_string_value(
			                               json_array_get(cls, i))))
				return -1;
		if (dm_buf_putc(b, '"') != 0)
			return -1;
	}
	for (i = 0; i < json_array_size(kvs); i++) {
		const char *k = json_string_value(
		        json_array_get(json_array_get(kvs, i), 0));
		const char *v = json_string_value(
		        json_array_get(json_array_get(kvs, i), 1));
		bool dup = !*k || !strcmp(k, "id") || !strcmp(k, "class");
		for (j = 0; j < i && !dup; j++) {
			const json_t *kv = json_array_get(kvs, j);
			dup = !strcmp(k, json_string_value(json_array_get(kv,
			                                                  0)));
		}
		if (!dup && attribute(b, k, v) != 0)
			return -1;
	}
	return 0;
}

static bool attr_empty(const json_t *attr)
{
	const char *id = json_string_value(json_array_get(attr, 0));

	return (id == NULL || *id == '\0') &&
	       json_array_size(json_array_get(attr, 1)) == 0 &&
	       json_array_size(json_array_get(attr, 2)) == 0;
}

/* ------------------------------------------------------------------------
 * cmark nodes
 * ------------------------------------------------------------------------ */

/* Appends a new node of `type` to `parent`; NULL when out of memory. */
static cmark_node *add(cmark_node *parent, cmark_node_type type)
{
	cmark_node *n = cmark_node_new(type);

	if (n != NULL && !cmark_node_append_child(parent, n)) {
		cmark_node_free(n);
		return NULL;
	}
	return n;
}

/* A custom node with raw HTML on entry and exit (either may be NULL). */
static cmark_node *custom(cmark_node *parent, bool block, const char *enter,
                          const char *exit)
{
	cmark_node *n = add(parent, block ? CMARK_NODE_CUSTOM_BLOCK
	                                  : CMARK_NODE_CUSTOM_INLINE);

	if (n != NULL && (!cmark_node_set_on_enter(n, enter ? enter : "") ||
	                  !cmark_node_set_on_exit(n, exit ? exit : "")))
		return NULL;
	return n;
}

/* How an element sits: inside a line, as a block around blocks, or as a
 * line of its own around inlines (`<li>text</li>`). */
enum { INLINE, BLOCK, LINE };

/* A custom node opened by `<TAG ATTRS EXTRA>` and closed by `</TAG>`;
 * for LINE, the inline node inside a block of its own. */
static cmark_node *element(cmark_node *parent, int kind, const char *tag,
                           const json_t *attr, const char *extra)
{
	dm_buf open = {0}, close = {0};
	cmark_node *n = NULL;

	if (kind == LINE) {
		parent = custom(parent, true, NULL, NULL);
		if (parent == NULL)
			return NULL;
	}
	if (dm_buf_printf(&open, "<%s", tag) == 0 &&
	    (attr == NULL || attrs(&open, attr, NULL) == 0) &&
	    (extra == NULL || dm_buf_puts(&open, extra) == 0) &&
	    dm_buf_putc(&open, '>') == 0 &&
	    dm_buf_printf(&close, "</%s>", tag) == 0)
		n = custom(parent, kind == BLOCK, dm_buf_str(&open),
		           dm_buf_str(&close));
	dm_buf_free(&open);
	dm_buf_free(&close);
	return n;
}

static cmark_node *literal(cmark_node *parent, cmark_node_type type,
                           const char *s)
{
	cmark_node *n = add(parent, type);

	if (n != NULL && !cmark_node_set_literal(n, s))
		return NULL;
	return n;
}

/* ------------------------------------------------------------------------
 * Inlines
 * ------------------------------------------------------------------------ */

static int blocks(html *h, const json_t *list, cmark_node *parent);
static int block(html *h, const json_t *node, cmark_node *parent);
static int inlines(html *h, const json_t *list, cmark_node *parent);

static bool html_format(const char *f)
{
	return f && (!strcasecmp(f, "html") || !strcasecmp(f, "html5") ||
	             !strcasecmp(f, "html4"));
}

/* A custom inline holding `open`, escaped `text` and `close`, all raw. */
static int raw_text(cmark_node *parent, const char *open, const char *text,
                    const char *close)
{
	dm_buf b = {0};
	int rc = -1;

	if (dm_buf_puts(&b, open) == 0 && escape_str(&b, text) == 0 &&
	    dm_buf_puts(&b, close) == 0 &&
	    custom(parent, false, dm_buf_str(&b), NULL) != NULL)
		rc = 0;
	dm_buf_free(&b);
	return rc;
}

static int note_ref(html *h, const json_t *note, cmark_node *parent)
{
	size_t n;
	char buf[160];

	if (json_array_append(h->notes, dm_content(note)) != 0)
		return nomem(h);
	n = json_array_size(h->notes);
	snprintf(buf, sizeof buf,
	         "<a href=\"#fn%zu\" class=\"footnote-ref\" id=\"fnref%zu\" "
	         "role=\"doc-noteref\"><sup>%zu</sup></a>",
	         n, n, n);
	return custom(parent, false, buf, NULL) ? 0 : nomem(h);
}

static int cite(html *h, const json_t *c, cmark_node *parent)
{
	const json_t *cits = json_array_get(c, 0);
	dm_buf ids = {0};
	size_t i;
	cmark_node *n;
	int rc;

	for (i = 0; i < json_array_size(cits); i++) {
		const char *id = json_string_value(json_object_get(
		        json_array_get(cits, i), "citationId"));
		if ((i > 0 && dm_buf_putc(&ids, ' ') != 0) ||
		    dm_buf_puts(&ids, id ? id : "") != 0) {
			dm_buf_free(&ids);
			return nomem(h);
		}
	}
	{
		dm_buf open = {0};
		n = NULL;
		if (dm_buf_puts(&open, "<span class=\"citation\"") == 0 &&
		    (ids.len == 0 ||
		     attribute(&open, "data-cites", dm_buf_str(&ids)) == 0) &&
		    dm_buf_putc(&open, '>') == 0)
			n = custom(parent, false, dm_buf_str(&open), "</span>");
		dm_buf_free(&open);
	}
	dm_buf_free(&ids);
	if (n == NULL)
		return nomem(h);
	rc = inlines(h, json_array_get(c, 1), n);
	return rc;
}

static int link_or_image(html *h, const json_t *c, bool image,
                         cmark_node *parent)
{
	const json_t *attr = json_array_get(c, 0),
	             *target = json_array_get(c, 2);
	const char *url = json_string_value(json_array_get(target, 0));
	const char *title = json_string_value(json_array_get(target, 1));
	dm_buf b = {0};
	cmark_node *n;
	int rc = -1;

	if (attr_empty(attr)) {
		n = add(parent, image ? CMARK_NODE_IMAGE : CMARK_NODE_LINK);
		if (n == NULL || !cmark_node_set_url(n, url) ||
		    !cmark_node_set_title(n, title))
			return nomem(h);
		return inlines(h, json_array_get(c, 1), n);
	}
	if (image) {
		/* the alt text is the image's inlines as plain text */
		char *alt = dm_stringify(json_array_get(c, 1));
		if (alt != NULL && dm_buf_puts(&b, "<img") == 0 &&
		    attribute(&b, "src", url) == 0 &&
		    (!*title || attribute(&b, "title", title) == 0) &&
		    attribute(&b, "alt", alt) == 0 &&
		    attrs(&b, attr, NULL) == 0 && dm_buf_puts(&b, " />") == 0 &&
		    custom(parent, false, dm_buf_str(&b), NULL) != NULL)
			rc = 0;
		free(alt);
		dm_buf_free(&b);
		return rc ? nomem(h) : 0;
	}
	n = NULL;
	if (dm_buf_puts(&b, "<a") == 0 && attribute(&b, "href", url) == 0 &&
	    (!*title || attribute(&b, "title", title) == 0) &&
	    attrs(&b, attr, NULL) == 0 && dm_buf_putc(&b, '>') == 0)
		n = custom(parent, false, dm_buf_str(&b), "</a>");
	dm_buf_free(&b);
	if (n == NULL)
		return nomem(h);
	return inlines(h, json_array_get(c, 1), n);
}

static int inline_(html *h, const json_t *node, cmark_node *parent)
{
	static const struct {
		const char *tag, *open, *close;
	} simple[] = {
		{"Underline", "<u>", "</u>"},
		{"Strikeout", "<del>", "</del>"},
		{"Superscript", "<sup>", "</sup>"},
		{"Subscript", "<sub>", "</sub>"},
		{"SmallCaps", "<span class=\"smallcaps\">", "</span>"},
		{NULL, NULL, NULL}
	};
	const char *t = dm_tag(node);
	const json_t *c = dm_content(node);
	cmark_node *n;
	size_t i;

	if (!strcmp(t, "Str"))
		return literal(parent, CMARK_NODE_TEXT, json_string_value(c))
		               ? 0
		               : nomem(h);
	if (!strcmp(t, "Space"))
		return literal(parent, CMARK_NODE_TEXT, " ") ? 0 : nomem(h);
	if (!strcmp(t, "SoftBreak"))
		return add(parent, CMARK_NODE_SOFTBREAK) ? 0 : nomem(h);
	if (!strcmp(t, "LineBreak"))
		return add(parent, CMARK_NODE_LINEBREAK) ? 0 : nomem(h);
	if (!strcmp(t, "Emph") || !strcmp(t, "Strong")) {
		n = add(parent, !strcmp(t, "Emph") ? CMARK_NODE_EMPH
		                                    : CMARK_NODE_STRONG);
		return n ? inlines(h, c, n) : nomem(h);
	}
	for (i = 0; simple[i].tag; i++)
		if (!strcmp(t, simple[i].tag)) {
			n = custom(parent, false, simple[i].open,
			           simple[i].close);
			return n ? inlines(h, c, n) : nomem(h);
		}
	if (!strcmp(t, "Quoted")) {
		bool dq = tag_is(json_array_get(c, 0), "DoubleQuote");
		if (!literal(parent, CMARK_NODE_TEXT,
		             dq ? "\u201c" : "\u2018") ||
		    inlines(h, json_array_get(c, 1), parent) != 0 ||
		    !literal(parent, CMARK_NODE_TEXT, dq ? "\u201d" : "\u2019"))
			return dm_error_is_set(h->err) ? -1 : nomem(h);
		return 0;
	}
	if (!strcmp(t, "Code")) {
		const json_t *attr = json_array_get(c, 0);
		const char *text = json_string_value(json_array_get(c, 1));
		dm_buf open = {0};
		int rc = -1;
		if (attr_empty(attr))
			return literal(parent, CMARK_NODE_CODE, text)
			               ? 0
			               : nomem(h);
		if (dm_buf_puts(&open, "<code") == 0 &&
		    attrs(&open, attr, NULL) == 0 &&
		    dm_buf_putc(&open, '>') == 0)
			rc = raw_text(parent, dm_buf_str(&open), text,
			              "</code>");
		dm_buf_free(&open);
		return rc ? nomem(h) : 0;
	}
	if (!strcmp(t, "Math")) {
		bool display = tag_is(json_array_get(c, 0), "DisplayMath");
		dm_buf tex = {0};
		int rc = -1;
		if (dm_buf_puts(&tex, display ? "\\[" : "\\(") == 0 &&
		    dm_buf_puts(&tex,
		                json_string_value(json_array_get(c, 1))) == 0 &&
		    dm_buf_puts(&tex, display ? "\\]" : "\\)") == 0)
			rc = raw_text(parent,
			              display ? "<span class=\"math display\">"
			                      : "<span class=\"math inline\">",
			              dm_buf_str(&tex), "</span>");
		dm_buf_free(&tex);
		return rc ? nomem(h) : 0;
	}
	if (!strcmp(t, "RawInline")) {
		if (!html_format(json_string_value(json_array_get(c, 0))))
			return 0; /* other formats dropped, as pandoc does */
		return literal(parent, CMARK_NODE_HTML_INLINE,
		               json_string_value(json_array_get(c, 1)))
		               ? 0
		               : nomem(h);
	}
	if (!strcmp(t, "Link") || !strcmp(t, "Image"))
		return link_or_image(h, c, !strcmp(t, "Image"), parent);
	if (!strcmp(t, "Span")) {
		n = element(parent, INLINE, "span", json_array_get(c, 0), NULL);
		return n ? inlines(h, json_array_get(c, 1), n) : nomem(h);
	}
	if (!strcmp(t, "Cite"))
		return cite(h, c, parent);
	if (!strcmp(t, "Note"))
		return note_ref(h, node, parent);
	return 0;
}

static int inlines(html *h, const json_t *list, cmark_node *parent)
{
	size_t i;

	for (i = 0; i < json_array_size(list); i++)
		if (inline_(h, json_array_get(list, i), parent) != 0)
			return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Blocks
 * ------------------------------------------------------------------------ */

/* Inlines with no element around them (Plain), on lines of their own. */
static int plain(html *h, const json_t *ils, cmark_node *parent)
{
	cmark_node *n = custom(parent, true, NULL, NULL);

	return n ? inlines(h, ils, n) : nomem(h);
}

/* An element around blocks; a single Plain (or nothing) sits on one line
 * with its tags, as pandoc writes `<li>text</li>`. */
static int wrap_blocks(html *h, cmark_node *parent, const char *tag,
                       const json_t *attr, const char *extra,
                       const json_t *list)
{
	cmark_node *n;
	size_t len = json_array_size(list);

	if (len == 0 ||
	    (len == 1 && tag_is(json_array_get(list, 0), "Plain"))) {
		n = element(parent, LINE, tag, attr, extra);
		if (n == NULL)
			return nomem(h);
		return len ? inlines(h, dm_content(json_array_get(list, 0)), n)
		           : 0;
	}
	n = element(parent, BLOCK, tag, attr, extra);
	return n ? blocks(h, list, n) : nomem(h);
}

/* A task list item as pandoc writes one: the box inside a label. */
static bool task_item(const json_t *item, bool *checked)
{
	const json_t *first = json_array_get(item, 0), *ils;
	const char *s;

	if (!tag_is(first, "Plain") && !tag_is(first, "Para"))
		return false;
	ils = dm_content(first);
	if (!tag_is(json_array_get(ils, 0), "Str") ||
	    !tag_is(json_array_get(ils, 1), "Space"))
		return false;
	s = json_string_value(dm_content(json_array_get(ils, 0)));
	*checked = strcmp(s, "\u2612") == 0;
	return *checked || strcmp(s, "\u2610") == 0;
}

static int task_list(html *h, const json_t *items, cmark_node *parent)
{
	cmark_node *ul = custom(parent, true, "<ul class=\"task-list\">",
	                        "</ul>");
	size_t i, k;

	if (ul == NULL)
		return nomem(h);
	for (i = 0; i < json_array_size(items); i++) {
		const json_t *item = json_array_get(items, i);
		const json_t *first = json_array_get(item, 0);
		const json_t *ils = dm_content(first);
		bool checked = false, alone = json_array_size(item) == 1 &&
		                              tag_is(first, "Plain");
		const char *box;
		cmark_node *li = NULL, *p, *label;

		task_item(item, &checked);
		box = checked ? "<label><input type=\"checkbox\" checked=\"\" "
		                "/>"
		              : "<label><input type=\"checkbox\" />";
		if (alone) {
			/* <li><label><input ... />text</label></li> */
			p = custom(ul, true, NULL, NULL);
			p = p ? custom(p, false, "<li>", "</li>") : NULL;
		} else {
			li = custom(ul, true, "<li>", "</li>");
			p = li == NULL ? NULL
			    : tag_is(first, "Para")
			            ? add(li, CMARK_NODE_PARAGRAPH)
			            : custom(li, true, NULL, NULL);
		}
		label = p ? custom(p, false, box, "</label>") : NULL;
		if (label == NULL)
			return nomem(h);
		for (k = 2; k < json_array_size(ils); k++)
			if (inline_(h, json_array_get(ils, k), label) != 0)
				return -1;
		for (k = 1; k < json_array_size(item); k++)
			if (block(h, json_array_get(item, k), li) != 0)
				return -1;
	}
	return 0;
}

static int list(html *h, const json_t *node, cmark_node *parent)
{
	static const char *const styles[][2] = {
		{"LowerAlpha", "a"}, {"UpperAlpha", "A"}, {"LowerRoman", "i"},
		{"UpperRoman", "I"}, {NULL, NULL}
	};
	bool ordered = tag_is(node, "OrderedList");
	const json_t *c = dm_content(node);
	const json_t *items = ordered ? json_array_get(c, 1) : c;
	cmark_node *l;
	char open[96];
	size_t i;
	bool checked;

	if (!ordered && json_array_size(items) > 0) {
		for (i = 0; i < json_array_size(items); i++)
			if (!task_item(json_array_get(items, i), &checked))
				break;
		if (i == json_array_size(items))
			return task_list(h, items, parent);
	}
	if (ordered) {
		const json_t *la = json_array_get(c, 0);
		const char *style = dm_tag(json_array_get(la, 1));
		json_int_t start = json_integer_value(json_array_get(la, 0));
		int n = snprintf(open, sizeof open, "<ol");

		if (start != 1)
			n += snprintf(open + n, sizeof open - (size_t)n,
			              " start=\"%" JSON_INTEGER_FORMAT "\"",
			              start);
		for (i = 0; styles[i][0]; i++)
			if (style && !strcmp(style, styles[i][0]))
				n += snprintf(open + n, sizeof open - (size_t)n,
				              " type=\"%s\"", styles[i][1]);
		snprintf(open + n, sizeof open - (size_t)n, ">");
	}
	l = custom(parent, true, ordered ? open : "<ul>",
	           ordered ? "</ol>" : "</ul>");
	if (l == NULL)
		return nomem(h);
	for (i = 0; i < json_array_size(items); i++)
		if (wrap_blocks(h, l, "li", NULL, NULL,
		                json_array_get(items, i)) != 0)
			return -1;
	return 0;
}

static const char *align_style(const json_t *align)
{
	const char *a = dm_tag(align);

	if (a == NULL)
		return NULL;
	return !strcmp(a, "AlignLeft")     ? " style=\"text-align: left;\""
	       : !strcmp(a, "AlignRight")  ? " style=\"text-align: right;\""
	       : !strcmp(a, "AlignCenter") ? " style=\"text-align: center;\""
	                                   : NULL;
}

/* The rows of a table part; `heads` cells per row are <th> (all: -1). */
static int rows(html *h, const json_t *list, long heads, const json_t *specs,
                cmark_node *parent)
{
	size_t i, j;

	for (i = 0; i < json_array_size(list); i++) {
		const json_t *row = json_array_get(list, i);
		const json_t *cells = json_array_get(row, 1);
		cmark_node *tr = element(parent, BLOCK, "tr",
		                         json_array_get(row, 0), NULL);
		size_t col = 0;

		if (tr == NULL)
			return nomem(h);
		for (j = 0; j < json_array_size(cells); j++) {
			const json_t *cell = json_array_get(cells, j);
			const char *style =
			        align_style(json_array_get(cell, 1));
			json_int_t rs =
			        json_integer_value(json_array_get(cell, 2));
			json_int_t cs =
			        json_integer_value(json_array_get(cell, 3));
			dm_buf extra = {0};
			int rc;

			if (style == NULL)
				style = align_style(json_array_get(
				        json_array_get(specs, col), 0));
			if ((style && dm_buf_puts(&extra, style) != 0) ||
			    (rs > 1 &&
			     dm_buf_printf(&extra,
			                   " rowspan=\"%" JSON_INTEGER_FORMAT
			                   "\"",
			                   rs) != 0) ||
			    (cs > 1 &&
			     dm_buf_printf(&extra,
			                   " colspan=\"%" JSON_INTEGER_FORMAT
			                   "\"",
			                   cs) != 0)) {
				dm_buf_free(&extra);
				return nomem(h);
			}
			rc = wrap_blocks(h, tr,
			                 heads < 0 || (long)j < heads ? "th"
			                                              : "td",
			                 json_array_get(cell, 0),
			                 extra.data ? dm_buf_str(&extra) : NULL,
			                 json_array_get(cell, 4));
			dm_buf_free(&extra);
			if (rc != 0)
				return -1;
			col += cs > 0 ? (size_t)cs : 1;
		}
	}
	return 0;
}

static int table(html *h, const json_t *c, cmark_node *parent)
{
	const json_t *caption = json_array_get(json_array_get(c, 1), 1);
	const json_t *specs = json_array_get(c, 2);
	const json_t *head = json_array_get(c, 3),
	             *bodies = json_array_get(c, 4);
	const json_t *foot = json_array_get(c, 5);
	cmark_node *t = element(parent, BLOCK, "table", json_array_get(c, 0),
	                        NULL);
	cmark_node *part;
	bool widths = false;
	size_t i;

	if (t == NULL)
		return nomem(h);
	if (json_array_size(caption) > 0) {
		if (wrap_blocks(h, t, "caption", NULL, NULL, caption) != 0)
			return -1;
	}
	for (i = 0; i < json_array_size(specs); i++)
		widths = widths || tag_is(json_array_get(
		                                  json_array_get(specs, i), 1),
		                          "ColWidth");
	if (widths) {
		part = custom(t, true, "<colgroup>", "</colgroup>");
		if (part == NULL)
			return nomem(h);
		for (i = 0; i < json_array_size(specs); i++) {
			const json_t *w =
			        json_array_get(json_array_get(specs, i), 1);
			char col[64];
			if (tag_is(w, "ColWidth"))
				snprintf(col, sizeof col,
				         "<col style=\"width: %.0f%%\" />",
				         json_number_value(dm_content(w)) *
				                 100);
			else
				snprintf(col, sizeof col, "<col />");
			if (custom(part, true, col, NULL) == NULL)
				return nomem(h);
		}
	}
	if (json_array_size(json_array_get(head, 1)) > 0) {
		part = element(t, BLOCK, "thead", json_array_get(head, 0),
		               NULL);
		if (part == NULL)
			return nomem(h);
		if (rows(h, json_array_get(head, 1), -1, specs, part) != 0)
			return -1;
	}
	for (i = 0; i < json_array_size(bodies); i++) {
		const json_t *b = json_array_get(bodies, i);
		long heads = (long)json_integer_value(json_array_get(b, 1));
		part = element(t, BLOCK, "tbody", json_array_get(b, 0), NULL);
		if (part == NULL)
			return nomem(h);
		if (rows(h, json_array_get(b, 2), -1, specs, part) != 0 ||
		    rows(h, json_array_get(b, 3), heads, specs, part) != 0)
			return -1;
	}
	if (json_array_size(json_array_get(foot, 1)) > 0) {
		part = element(t, BLOCK, "tfoot", json_array_get(foot, 0),
		               NULL);
		if (part == NULL)
			return nomem(h);
		if (rows(h, json_array_get(foot, 1), 0, specs, part) != 0)
			return -1;
	}
	return 0;
}

static int code_block(html *h, const json_t *c, cmark_node *parent)
{
	const json_t *attr = json_array_get(c, 0);
	const char *text = json_string_value(json_array_get(c, 1));
	dm_buf b = {0};
	int rc = -1;

	if (attr_empty(attr)) {
		cmark_node *n;
		if (dm_buf_puts(&b, text) == 0 && dm_buf_putc(&b, '\n') == 0 &&
		    (n = literal(parent, CMARK_NODE_CODE_BLOCK,
		                 dm_buf_str(&b))) != NULL)
			rc = 0;
	} else if (dm_buf_puts(&b, "<pre") == 0 &&
	           attrs(&b, attr, NULL) == 0 &&
	           dm_buf_puts(&b, "><code>") == 0 &&
	           escape_str(&b, text) == 0 &&
	           dm_buf_puts(&b, "</code></pre>") == 0 &&
	           custom(parent, true, dm_buf_str(&b), NULL) != NULL) {
		rc = 0;
	}
	dm_buf_free(&b);
	return rc ? nomem(h) : 0;
}

/* A pandoc 2.17 figure: a paragraph holding only an image whose title
 * starts with "fig:"; the alt text is the caption. */
static int old_figure(html *h, const json_t *image, cmark_node *parent)
{
	const json_t *c = dm_content(image);
	const char *title = json_string_value(
	        json_array_get(json_array_get(c, 2), 1));
	json_t *img = json_pack("{s:s,s:[O,O,[O,s]]}", "t", "Image", "c",
	                        json_array_get(c, 0), json_array_get(c, 1),
	                        json_array_get(json_array_get(c, 2), 0),
	                        title + 4);
	cmark_node *fig = custom(parent, true, "<figure>", "</figure>"), *p;
	int rc = -1;

	p = fig ? custom(fig, true, NULL, NULL) : NULL;
	if (img != NULL && p != NULL && inline_(h, img, p) == 0)
		rc = json_array_size(json_array_get(c, 1)) == 0
		             ? 0
		             : (p = element(fig, LINE, "figcaption", NULL,
		                            NULL)) == NULL
		                       ? -1
		                       : inlines(h, json_array_get(c, 1), p);
	json_decref(img);
	if (rc != 0 && !dm_error_is_set(h->err))
		nomem(h);
	return rc;
}

static int block(html *h, const json_t *node, cmark_node *parent)
{
	const char *t = dm_tag(node);
	const json_t *c = dm_content(node);
	cmark_node *n;
	size_t i;

	if (!strcmp(t, "Plain"))
		return plain(h, c, parent);
	if (!strcmp(t, "Para") && json_array_size(c) == 1 &&
	    tag_is(json_array_get(c, 0), "Image") &&
	    !strncmp(json_string_value(json_array_get(
	                     json_array_get(dm_content(json_array_get(c, 0)),
	                                    2),
	                     1)),
	             "fig:", 4))
		return old_figure(h, json_array_get(c, 0), parent);
	if (!strcmp(t, "Para")) {
		n = add(parent, CMARK_NODE_PARAGRAPH);
		return n ? inlines(h, c, n) : nomem(h);
	}
	if (!strcmp(t, "Header")) {
		const json_t *attr = json_array_get(c, 1);
		int level = (int)json_integer_value(json_array_get(c, 0));
		char tag[8];
		if (level < 1 || level > 6) /* HTML has six levels */
			level = level < 1 ? 1 : 6;
		if (attr_empty(attr)) {
			n = add(parent, CMARK_NODE_HEADING);
			if (n == NULL ||
			    !cmark_node_set_heading_level(n, level))
				return nomem(h);
		} else {
			snprintf(tag, sizeof tag, "h%d", level);
			n = element(parent, LINE, tag, attr, NULL);
		}
		return n ? inlines(h, json_array_get(c, 2), n) : nomem(h);
	}
	if (!strcmp(t, "CodeBlock"))
		return code_block(h, c, parent);
	if (!strcmp(t, "RawBlock")) {
		if (!html_format(json_string_value(json_array_get(c, 0))))
			return 0;
		return literal(parent, CMARK_NODE_HTML_BLOCK,
		               json_string_value(json_array_get(c, 1)))
		               ? 0
		               : nomem(h);
	}
	if (!strcmp(t, "BlockQuote")) {
		n = add(parent, CMARK_NODE_BLOCK_QUOTE);
		return n ? blocks(h, c, n) : nomem(h);
	}
	if (!strcmp(t, "BulletList") || !strcmp(t, "OrderedList"))
		return list(h, node, parent);
	if (!strcmp(t, "HorizontalRule"))
		return add(parent, CMARK_NODE_THEMATIC_BREAK) ? 0 : nomem(h);
	if (!strcmp(t, "Div")) {
		n = element(parent, BLOCK, "div", json_array_get(c, 0), NULL);
		return n ? blocks(h, json_array_get(c, 1), n) : nomem(h);
	}
	if (!strcmp(t, "LineBlock")) {
		n = custom(parent, true, "<div class=\"line-block\">",
		           "</div>");
		if (n == NULL)
			return nomem(h);
		n = custom(n, false, NULL, NULL);
		for (i = 0; n && i < json_array_size(c); i++) {
			if (i > 0 && !add(n, CMARK_NODE_LINEBREAK))
				return nomem(h);
			if (inlines(h, json_array_get(c, i), n) != 0)
				return -1;
		}
		return n ? 0 : nomem(h);
	}
	if (!strcmp(t, "DefinitionList")) {
		cmark_node *dl = custom(parent, true, "<dl>", "</dl>"), *d;
		size_t j;
		if (dl == NULL)
			return nomem(h);
		for (i = 0; i < json_array_size(c); i++) {
			const json_t *item = json_array_get(c, i);
			const json_t *defs = json_array_get(item, 1);
			d = element(dl, LINE, "dt", NULL, NULL);
			if (d == NULL || inlines(h, json_array_get(item, 0), d))
				return dm_error_is_set(h->err) ? -1 : nomem(h);
			for (j = 0; j < json_array_size(defs); j++)
				if (wrap_blocks(h, dl, "dd", NULL, NULL,
				                json_array_get(defs, j)) != 0)
					return -1;
		}
		return 0;
	}
	if (!strcmp(t, "Table"))
		return table(h, c, parent);
	if (!strcmp(t, "Figure")) {
		const json_t *caption = json_array_get(json_array_get(c, 1), 1);
		n = element(parent, BLOCK, "figure", json_array_get(c, 0),
		            NULL);
		if (n == NULL || blocks(h, json_array_get(c, 2), n) != 0)
			return dm_error_is_set(h->err) ? -1 : nomem(h);
		if (json_array_size(caption) > 0)
			return wrap_blocks(h, n, "figcaption", NULL, NULL,
			                   caption);
		return 0;
	}
	return 0; /* Null */
}

static int blocks(html *h, const json_t *list, cmark_node *parent)
{
	size_t i;

	for (i = 0; i < json_array_size(list); i++)
		if (block(h, json_array_get(list, i), parent) != 0)
			return -1;
	return 0;
}

/* The notes, as pandoc ends a page with them; notes inside notes are
 * numbered on as they are met. */
static int notes(html *h, cmark_node *root)
{
	cmark_node *ol, *li;
	size_t i;
	char open[64], back[160];

	if (json_array_size(h->notes) == 0)
		return 0;
	ol = custom(root, true,
	            "<section id=\"footnotes\" class=\"footnotes "
	            "footnotes-end-of-document\" role=\"doc-endnotes\">\n"
	            "<hr />\n<ol>",
	            "</ol>\n</section>");
	if (ol == NULL)
		return nomem(h);
	for (i = 0; i < json_array_size(h->notes); i++) {
		json_t *b = json_deep_copy(json_array_get(h->notes, i));
		json_t *last = json_array_get(b, json_array_size(b) - 1);
		int rc;

		snprintf(open, sizeof open, "<li id=\"fn%zu\">", i + 1);
		snprintf(back, sizeof back,
		         "<a href=\"#fnref%zu\" class=\"footnote-back\" "
		         "role=\"doc-backlink\">\u21a9\ufe0e</a>",
		         i + 1);
		li = custom(ol, true, open, "</li>");
		if (b == NULL || li == NULL) {
			json_decref(b);
			return nomem(h);
		}
		if (last == NULL ||
		    !(tag_is(last, "Para") || tag_is(last, "Plain"))) {
			last = dm_plain(json_array());
			if (json_array_append_new(b, last) != 0) {
				json_decref(b);
				return nomem(h);
			}
		}
		/* the way back, at the end of the last paragraph */
		rc = json_array_append_new(dm_content(last),
		                           dm_raw_inline("html", back));
		if (rc == 0)
			rc = blocks(h, b, li);
		json_decref(b);
		if (rc != 0)
			return dm_error_is_set(h->err) ? -1 : nomem(h);
	}
	return 0;
}

/* Renders `list` of blocks with cmark-gfm; a new string or NULL. */
static char *render(html *h, const json_t *list, bool with_notes)
{
	cmark_node *root = cmark_node_new(CMARK_NODE_DOCUMENT);
	char *out = NULL;

	if (root == NULL) {
		nomem(h);
		return NULL;
	}
	if (blocks(h, list, root) == 0 && (!with_notes || notes(h, root) == 0))
		out = cmark_render_html(root, CMARK_OPT_UNSAFE, NULL);
	cmark_node_free(root);
	if (out == NULL && !dm_error_is_set(h->err))
		nomem(h);
	return out;
}

/* ------------------------------------------------------------------------
 * The standalone page
 * ------------------------------------------------------------------------ */

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
	"blockquote { margin: 1em 0; padding-left: 1em;\n"
	"  border-left: 3px solid #ccc; color: #555; }\n"
	"code { font-family: Menlo, Monaco, Consolas, monospace; "
	"font-size: 0.9em; }\n"
	"pre { overflow: auto; padding: 0.5em; background: rgba(127,127,127,"
	".1); }\n"
	"table { border-collapse: collapse; margin: 1em 0; }\n"
	"th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #ccc; }\n"
	"th { border-bottom-width: 2px; }\n"
	"hr { border: none; border-top: 1px solid #ccc; }\n"
	"ul.task-list { list-style: none; padding-left: 1em; }\n"
	".footnotes { font-size: 0.9em; }\n"
	"span.smallcaps { font-variant: small-caps; }\n"
	"div.line-block { white-space: pre-line; }\n"
	"header#title-block-header { margin-bottom: 2em; }\n"
	".title { margin-bottom: 0; }\n"
	".subtitle, .author, .date { margin: 0.3em 0; }\n";

/* A metadata value as blocks to render: MetaBlocks as they are, inlines
 * and strings as a Plain (no paragraph around them). */
static json_t *meta_blocks(const json_t *v)
{
	json_t *ils = NULL;

	if (dm_is(v, "MetaBlocks"))
		return json_incref(dm_content((json_t *)v));
	if (dm_is(v, "MetaInlines"))
		ils = json_incref(dm_content((json_t *)v));
	else if (dm_is(v, "MetaString"))
		ils = json_pack("[{s:s,s:O}]", "t", "Str", "c",
		                dm_content((json_t *)v));
	else
		return json_array();
	return json_pack("[o]", dm_plain(ils));
}

/* Adds the rendering of metadata value `v` (a list: each item) to `b`,
 * wrapped in `open` and `close` when those are given. */
static int add_meta(html *h, dm_buf *b, const json_t *v, const char *open,
                    const char *close)
{
	json_t *list;
	char *out;
	size_t i, n;
	int rc;

	if (dm_is(v, "MetaMap")) /* an author given as a map: its name */
		v = json_object_get(dm_content((json_t *)v), "name");
	if (v == NULL)
		return 0;
	if (dm_is(v, "MetaList")) {
		for (i = 0; i < json_array_size(dm_content((json_t *)v)); i++)
			if (add_meta(h, b,
			             json_array_get(dm_content((json_t *)v), i),
			             open, close) != 0)
				return -1;
		return 0;
	}
	list = meta_blocks(v);
	if (list == NULL)
		return nomem(h);
	out = render(h, list, false);
	json_decref(list);
	if (out == NULL)
		return -1;
	n = strlen(out);
	if (open && n > 0 && out[n - 1] == '\n')
		out[--n] = '\0'; /* <h1 class="title">...</h1> on one line */
	rc = (open && dm_buf_puts(b, open)) || dm_buf_puts(b, out) ||
	     (close && dm_buf_puts(b, close));
	free(out);
	return rc ? nomem(h) : 0;
}

/* The plain text of a metadata value, escaped, for <title> and <meta>. */
static int add_text(dm_buf *b, const json_t *v)
{
	char *s;

	if (dm_is(v, "MetaMap"))
		v = json_object_get(dm_content((json_t *)v), "name");
	if (v == NULL)
		return 0;
	s = dm_stringify(v);
	int rc = s ? escape_str(b, s) : -1;

	free(s);
	return rc;
}

/* The inlines of the first header, for a page without a title. */
static const json_t *first_header(const json_t *list)
{
	size_t i;

	for (i = 0; i < json_array_size(list); i++)
		if (tag_is(json_array_get(list, i), "Header"))
			return json_array_get(
			        dm_content(json_array_get(list, i)), 2);
	return NULL;
}

static int page(html *h, const dm_doc *doc, const char *body, dm_buf *b)
{
	const json_t *meta = doc->meta;
	const json_t *title = json_object_get(meta, "title");
	const json_t *pagetitle = json_object_get(meta, "pagetitle");
	const json_t *lang = json_object_get(meta, "lang");
	const json_t *author = json_object_get(meta, "author");
	const json_t *date = json_object_get(meta, "date");
	const json_t *subtitle = json_object_get(meta, "subtitle");
	char *s;
	size_t i;

	if (dm_buf_puts(b, "<!DOCTYPE html>\n<html") != 0)
		return nomem(h);
	if (lang != NULL) {
		s = dm_stringify(lang);
		if (s == NULL || attribute(b, "lang", s) != 0) {
			free(s);
			return nomem(h);
		}
		free(s);
	}
	if (dm_buf_puts(b,
	                ">\n<head>\n<meta charset=\"utf-8\" />\n"
	                "<meta name=\"generator\" content=\"dm-to-html\" />\n"
	                "<meta name=\"viewport\" content=\"width=device-"
	                "width, initial-scale=1.0, user-scalable=yes\" />\n"))
		return nomem(h);
	for (i = 0; author != NULL; i++) {
		const json_t *a =
		        dm_is(author, "MetaList")
		                ? json_array_get(dm_content((json_t *)author),
		                                 i)
		                : (i == 0 ? author : NULL);
		if (a == NULL)
			break;
		if (dm_is(a, "MetaMap") &&
		    json_object_get(dm_content((json_t *)a), "name") == NULL)
			continue;
		if (dm_buf_puts(b, "<meta name=\"author\" content=\"") ||
		    add_text(b, a) || dm_buf_puts(b, "\" />\n"))
			return nomem(h);
	}
	if (date != NULL &&
	    (dm_buf_puts(b, "<meta name=\"dcterms.date\" content=\"") ||
	     add_text(b, date) || dm_buf_puts(b, "\" />\n")))
		return nomem(h);
	if (dm_buf_puts(b, "<title>") != 0)
		return nomem(h);
	if (pagetitle || title) {
		if (add_text(b, pagetitle ? pagetitle : title) != 0)
			return nomem(h);
	} else if (first_header(doc->blocks) != NULL) {
		if (add_text(b, first_header(doc->blocks)) != 0)
			return nomem(h);
	} else if (dm_buf_puts(b, "Untitled") != 0) {
		return nomem(h);
	}
	if (dm_buf_printf(b, "</title>\n<style>\n%s</style>\n", style) != 0)
		return nomem(h);
	if (add_meta(h, b, json_object_get(meta, "header-includes"), NULL,
	             NULL) != 0 ||
	    dm_buf_puts(b, "</head>\n<body>\n") != 0)
		return dm_error_is_set(h->err) ? -1 : nomem(h);
	if (add_meta(h, b, json_object_get(meta, "include-before"), NULL,
	             NULL) != 0)
		return -1;
	if (title || subtitle || author || date) {
		if (dm_buf_puts(b, "<header id=\"title-block-header\">\n") ||
		    add_meta(h, b, title, "<h1 class=\"title\">", "</h1>\n") ||
		    add_meta(h, b, subtitle, "<p class=\"subtitle\">",
		             "</p>\n") ||
		    add_meta(h, b, author, "<p class=\"author\">", "</p>\n") ||
		    add_meta(h, b, date, "<p class=\"date\">", "</p>\n") ||
		    dm_buf_puts(b, "</header>\n"))
			return dm_error_is_set(h->err) ? -1 : nomem(h);
	}
	if (dm_buf_puts(b, body) != 0)
		return nomem(h);
	if (add_meta(h, b, json_object_get(meta, "include-after"), NULL,
	             NULL) != 0)
		return -1;
	if (dm_buf_puts(b, "</body>\n</html>\n") != 0)
		return nomem(h);
	return 0;
}

char *dm_html_render(const dm_doc *doc, unsigned flags, size_t *len,
                     dm_error *err)
{
	html h = {0};
	char *body;
	dm_buf b = {0};

	h.err = err;
	h.notes = json_array();
	if (h.notes == NULL) {
		dm_error_set(err, DM_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	body = render(&h, doc->blocks, true);
	json_decref(h.notes);
	h.notes = json_array(); /* notes in metadata are not numbered */
	if (body != NULL && h.notes != NULL) {
		if (!(flags & DM_HTML_STANDALONE)) {
			if (dm_buf_puts(&b, body) != 0)
				nomem(&h);
		} else {
			page(&h, doc, body, &b);
		}
	}
	free(body);
	json_decref(h.notes);
	if (dm_error_is_set(err) || h.notes == NULL) {
		if (!dm_error_is_set(err))
			dm_error_set(err, DM_ENOMEM, NULL, "out of memory");
		dm_buf_free(&b);
		return NULL;
	}
	*len = b.len;
	if (b.data == NULL)
		return strdup("");
	return dm_buf_take(&b);
}

int dm_html_write_fd(const dm_doc *doc, unsigned flags, int fd,
                     dm_error *err)
{
	size_t len = 0, off = 0;
	char *out = dm_html_render(doc, flags, &len, err);
	ssize_t w;

	if (out == NULL)
		return -1;
	while (off < len) {
		w = write(fd, out + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			dm_error_set(err, DM_EIO, NULL,
			             "cannot write output: %s",
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
