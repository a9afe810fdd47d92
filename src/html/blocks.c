/*
 * blocks.c - pandoc's Blocks as cmark nodes, in the markup of pandoc's
 * HTML5 writer (task lists, tables, figures, line blocks, definition
 * lists), then the notes at the end of the page, and the rendering of the
 * tree by cmark-gfm.
 */
#include <stdio.h>
#include <math.h>
#include <string.h>

#include "html.h"

/* A pandoc Int field, as pandoc reads it: 2 or 2.0 (dm_int_of); 0 when
 * it is neither (the validator has refused that). */
static json_int_t int_of(const json_t *v)
{
	json_int_t i;

	return dm_int_of(v, &i) ? i : 0;
}

static int block(dmp_html *h, const json_t *node, cmark_node *parent);

/* The blocks of `list` inside node `n`, just made (NULL: it could not
 * be).  0 or -1 (h->err). */
static int inside(dmp_html *h, const json_t *list, cmark_node *n)
{
	return n != NULL ? dmp_html_blocks(h, list, n) : dm_nomem(h->err);
}

/* 0 when node `n` was made, else "out of memory". */
static int made(dmp_html *h, const cmark_node *n)
{
	return n != NULL ? 0 : dm_nomem(h->err);
}

/* Inlines with no element around them (Plain), on lines of their own. */
static int plain(dmp_html *h, const json_t *ils, cmark_node *parent)
{
	cmark_node *n = dmp_html_custom(parent, true, NULL, NULL);

	return n ? dmp_html_inlines(h, ils, n) : dm_nomem(h->err);
}

/* An element around blocks; a single Plain (or nothing) sits on one line
 * with its tags, as pandoc writes `<li>text</li>`. */
static int wrap_blocks(dmp_html *h, cmark_node *parent, const char *tag,
                       const json_t *attr, const char *extra,
                       const json_t *list)
{
	const json_t *first = json_array_get(list, 0);
	size_t len = json_array_size(list);
	cmark_node *n;

	if (len == 0 || (len == 1 && dm_type_of(first) == DM_T_PLAIN)) {
		n = dmp_html_element(parent, DMP_HTML_LINE, tag, attr, extra);
		if (n == NULL)
			return dm_nomem(h->err);
		return len ? dmp_html_inlines(h, dm_content(first), n) : 0;
	}
	return inside(h, list,
	              dmp_html_element(parent, DMP_HTML_BLOCK, tag, attr,
	                               extra));
}

/* ------------------------------------------------------------------------
 * Lists
 * ------------------------------------------------------------------------ */

/* A task list item as pandoc's readers make one: its first paragraph
 * opens with a ballot box and a space.  `*checked`: the box is ticked. */
static bool task_item(const json_t *item, bool *checked)
{
	const json_t *first = json_array_get(item, 0), *ils;
	const char *s;

	if (dm_type_of(first) != DM_T_PLAIN && dm_type_of(first) != DM_T_PARA)
		return false;
	ils = dm_content(first);
	if (dm_type_of(json_array_get(ils, 0)) != DM_T_STR ||
	    dm_type_of(json_array_get(ils, 1)) != DM_T_SPACE)
		return false;
	s = json_string_value(dm_content(json_array_get(ils, 0)));
	*checked = strcmp(s, "\u2612") == 0;
	return *checked || strcmp(s, "\u2610") == 0;
}

/* A task list as pandoc writes one: each box inside a label. */
static int task_list(dmp_html *h, const json_t *items, cmark_node *parent)
{
	static const char box[] = "<label><input type=\"checkbox\" />";
	static const char ticked[] =
	        "<label><input type=\"checkbox\" checked=\"\" />";
	cmark_node *ul = dmp_html_custom(parent, true,
	                                 "<ul class=\"task-list\">", "</ul>");
	size_t i, k;

	if (ul == NULL)
		return dm_nomem(h->err);
	for (i = 0; i < json_array_size(items); i++) {
		const json_t *item = json_array_get(items, i);
		const json_t *first = json_array_get(item, 0);
		const json_t *ils = dm_content(first);
		bool checked = false, alone = json_array_size(item) == 1 &&
		                              dm_type_of(first) == DM_T_PLAIN;
		cmark_node *li = NULL, *p, *label;

		task_item(item, &checked);
		if (alone) {
			/* <li><label><input ... />text</label></li> */
			p = dmp_html_custom(ul, true, NULL, NULL);
			p = p ? dmp_html_custom(p, false, "<li>", "</li>") : NULL;
		} else {
			li = dmp_html_custom(ul, true, "<li>", "</li>");
			p = li == NULL ? NULL
			    : dm_type_of(first) == DM_T_PARA
			            ? dmp_html_add(li, CMARK_NODE_PARAGRAPH)
			            : dmp_html_custom(li, true, NULL, NULL);
		}
		label = p ? dmp_html_custom(p, false, checked ? ticked : box,
		                            "</label>")
		          : NULL;
		if (label == NULL)
			return dm_nomem(h->err);
		for (k = 2; k < json_array_size(ils); k++)
			if (dmp_html_inline(h, json_array_get(ils, k), label))
				return -1;
		for (k = 1; k < json_array_size(item); k++)
			if (block(h, json_array_get(item, k), li) != 0)
				return -1;
	}
	return 0;
}

/* The items of a list between `open` and `close`, each in <li>. */
static int list_items(dmp_html *h, const json_t *items, const char *open,
                      const char *close, cmark_node *parent)
{
	cmark_node *l = dmp_html_custom(parent, true, open, close);
	size_t i;

	if (l == NULL)
		return dm_nomem(h->err);
	for (i = 0; i < json_array_size(items); i++)
		if (wrap_blocks(h, l, "li", NULL, NULL,
		                json_array_get(items, i)) != 0)
			return -1;
	return 0;
}

static int bullet_list(dmp_html *h, const json_t *items,
                       cmark_node *parent)
{
	size_t i;
	bool checked;

	for (i = 0; i < json_array_size(items); i++)
		if (!task_item(json_array_get(items, i), &checked))
			break;
	if (i > 0 && i == json_array_size(items))
		return task_list(h, items, parent);
	return list_items(h, items, "<ul>", "</ul>", parent);
}

static int ordered_list(dmp_html *h, const json_t *c, cmark_node *parent)
{
	static const char *const styles[][2] = {
		{"LowerAlpha", "a"}, {"UpperAlpha", "A"}, {"LowerRoman", "i"},
		{"UpperRoman", "I"}, {NULL, NULL}
	};
	const json_t *la = json_array_get(c, 0);
	const char *style = dm_tag(json_array_get(la, 1));
	json_int_t start = int_of(json_array_get(la, 0));
	char open[96];
	int n = snprintf(open, sizeof open, "<ol");
	size_t i;

	if (start != 1)
		n += snprintf(open + n, sizeof open - (size_t)n,
		              " start=\"%" JSON_INTEGER_FORMAT "\"", start);
	for (i = 0; styles[i][0]; i++)
		if (style && !strcmp(style, styles[i][0]))
			n += snprintf(open + n, sizeof open - (size_t)n,
			              " type=\"%s\"", styles[i][1]);
	snprintf(open + n, sizeof open - (size_t)n, ">");
	return list_items(h, json_array_get(c, 1), open, "</ol>", parent);
}

static int definition_list(dmp_html *h, const json_t *c,
                           cmark_node *parent)
{
	cmark_node *dl = dmp_html_custom(parent, true, "<dl>", "</dl>"), *d;
	size_t i, j;

	if (dl == NULL)
		return dm_nomem(h->err);
	for (i = 0; i < json_array_size(c); i++) {
		const json_t *item = json_array_get(c, i);
		const json_t *defs = json_array_get(item, 1);
		d = dmp_html_element(dl, DMP_HTML_LINE, "dt", NULL, NULL);
		if (d == NULL ||
		    dmp_html_inlines(h, json_array_get(item, 0), d) != 0)
			return dm_nomem(h->err);
		for (j = 0; j < json_array_size(defs); j++)
			if (wrap_blocks(h, dl, "dd", NULL, NULL,
			                json_array_get(defs, j)) != 0)
				return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Tables
 * ------------------------------------------------------------------------ */

/* The style of an Alignment, or NULL for AlignDefault. */
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

/* One cell of a row, in column `col`: its alignment (or its column's),
 * row span and column span after the tag. */
static int cell(dmp_html *h, const json_t *cell, const char *tag,
                const json_t *specs, size_t col, cmark_node *tr)
{
	const char *style = align_style(json_array_get(cell, 1));
	json_int_t rs = int_of(json_array_get(cell, 2));
	json_int_t cs = int_of(json_array_get(cell, 3));
	dm_buf extra = {0};
	int rc;

	if (style == NULL)
		style = align_style(
		        json_array_get(json_array_get(specs, col), 0));
	if (style)
		dm_buf_puts(&extra, style);
	if (rs > 1)
		dm_buf_printf(&extra, " rowspan=\"%" JSON_INTEGER_FORMAT "\"",
		              rs);
	if (cs > 1)
		dm_buf_printf(&extra, " colspan=\"%" JSON_INTEGER_FORMAT "\"",
		              cs);
	if (dm_buf_failed(&extra)) {
		dm_buf_free(&extra);
		return dm_nomem(h->err);
	}
	rc = wrap_blocks(h, tr, tag, json_array_get(cell, 0),
	                 extra.data ? dm_buf_str(&extra) : NULL,
	                 json_array_get(cell, 4));
	dm_buf_free(&extra);
	return rc;
}

/* The rows of a table part; `heads` cells per row are <th> (all: -1). */
static int rows(dmp_html *h, const json_t *list, long heads,
                const json_t *specs, cmark_node *parent)
{
	size_t i, j, col;

	for (i = 0; i < json_array_size(list); i++) {
		const json_t *row = json_array_get(list, i);
		const json_t *cells = json_array_get(row, 1);
		cmark_node *tr = dmp_html_element(parent, DMP_HTML_BLOCK, "tr",
		                                  json_array_get(row, 0), NULL);

		if (tr == NULL)
			return dm_nomem(h->err);
		for (j = 0, col = 0; j < json_array_size(cells); j++) {
			const json_t *c = json_array_get(cells, j);
			json_int_t cs = int_of(json_array_get(c, 3));

			if (cell(h, c,
			         heads < 0 || (long)j < heads ? "th" : "td",
			         specs, col, tr) != 0)
				return -1;
			col += cs > 0 ? (size_t)cs : 1;
		}
	}
	return 0;
}

/* A <colgroup> when any column has a width. */
static int col_group(dmp_html *h, const json_t *specs, cmark_node *t)
{
	cmark_node *part;
	const json_t *w;
	bool widths = false;
	dm_buf col = {0};
	size_t i;

	for (i = 0; i < json_array_size(specs); i++)
		widths = widths || dm_is(json_array_get(json_array_get(specs,
		                                                       i),
		                                        1),
		                         "ColWidth");
	if (!widths)
		return 0;
	part = dmp_html_custom(t, true, "<colgroup>", "</colgroup>");
	if (part == NULL)
		return dm_nomem(h->err);
	/* As pandoc: the percentage truncated, every digit of it (1e60). */
	for (i = 0; i < json_array_size(specs); i++) {
		w = json_array_get(json_array_get(specs, i), 1);
		col.len = 0;
		if (dm_is(w, "ColWidth"))
			dm_buf_printf(&col, "<col style=\"width: %.0f%%\" />",
			              trunc(json_number_value(dm_content(w)) *
			                    100));
		else
			dm_buf_puts(&col, "<col />");
		if (dm_buf_failed(&col) ||
		    dmp_html_custom(part, true, dm_buf_str(&col), NULL) == NULL)
			break;
	}
	dm_buf_free(&col);
	return i < json_array_size(specs) ? dm_nomem(h->err) : 0;
}

/* A table head or foot (`tag`: thead, tfoot), unless it has no rows;
 * `heads` cells of each row are <th> (all: -1). */
static int head_or_foot(dmp_html *h, const char *tag, const json_t *part,
                        long heads, const json_t *specs, cmark_node *t)
{
	cmark_node *n;

	if (json_array_size(json_array_get(part, 1)) == 0)
		return 0;
	n = dmp_html_element(t, DMP_HTML_BLOCK, tag, json_array_get(part, 0),
	                     NULL);
	if (n == NULL)
		return dm_nomem(h->err);
	return rows(h, json_array_get(part, 1), heads, specs, n);
}

/* The table bodies: each its head rows, then its rows with their first
 * cells (as many as it says) as <th>. */
static int table_bodies(dmp_html *h, const json_t *bodies,
                        const json_t *specs, cmark_node *t)
{
	const json_t *b;
	cmark_node *n;
	size_t i;

	for (i = 0; i < json_array_size(bodies); i++) {
		b = json_array_get(bodies, i);
		n = dmp_html_element(t, DMP_HTML_BLOCK, "tbody",
		                     json_array_get(b, 0), NULL);
		if (n == NULL)
			return dm_nomem(h->err);
		if (rows(h, json_array_get(b, 2), -1, specs, n) != 0 ||
		    rows(h, json_array_get(b, 3),
		         (long)int_of(json_array_get(b, 1)), specs,
		         n) != 0)
			return -1;
	}
	return 0;
}

static int table(dmp_html *h, const json_t *c, cmark_node *parent)
{
	const json_t *caption = json_array_get(json_array_get(c, 1), 1);
	const json_t *specs = json_array_get(c, 2);
	cmark_node *t = dmp_html_element(parent, DMP_HTML_BLOCK, "table",
	                                 json_array_get(c, 0), NULL);

	if (t == NULL)
		return dm_nomem(h->err);
	if (json_array_size(caption) > 0 &&
	    wrap_blocks(h, t, "caption", NULL, NULL, caption) != 0)
		return -1;
	if (col_group(h, specs, t) != 0 ||
	    head_or_foot(h, "thead", json_array_get(c, 3), -1, specs, t) != 0 ||
	    table_bodies(h, json_array_get(c, 4), specs, t) != 0 ||
	    head_or_foot(h, "tfoot", json_array_get(c, 5), 0, specs, t) != 0)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Other blocks
 * ------------------------------------------------------------------------ */

static int code_block(dmp_html *h, const json_t *c, cmark_node *parent)
{
	const json_t *attr = json_array_get(c, 0);
	const char *text = json_string_value(json_array_get(c, 1));
	dm_buf b = {0};
	cmark_node *n = NULL;

	if (dmp_html_attr_empty(attr)) {
		dm_buf_puts(&b, text);
		dm_buf_putc(&b, '\n');
		if (!dm_buf_failed(&b))
			n = dmp_html_literal(parent, CMARK_NODE_CODE_BLOCK,
			                     dm_buf_str(&b));
	} else {
		dm_buf_puts(&b, "<pre");
		dmp_html_attrs(&b, attr);
		dm_buf_puts(&b, "><code>");
		dmp_html_escape(&b, text);
		dm_buf_puts(&b, "</code></pre>");
		if (!dm_buf_failed(&b))
			n = dmp_html_custom(parent, true, dm_buf_str(&b), NULL);
	}
	dm_buf_free(&b);
	return made(h, n);
}

/* A pandoc 2.17 figure: a paragraph holding only an image whose title
 * starts with "fig:"; the alt text is the caption. */
static int old_figure(dmp_html *h, const json_t *image, cmark_node *parent)
{
	const json_t *c = dm_content(image);
	const char *title = json_string_value(
	        json_array_get(json_array_get(c, 2), 1));
	json_t *img = json_pack("{s:s,s:[O,O,[O,s]]}", "t", "Image", "c",
	                        json_array_get(c, 0), json_array_get(c, 1),
	                        json_array_get(json_array_get(c, 2), 0),
	                        title + 4);
	cmark_node *fig, *p = NULL;
	int rc = -1;

	fig = dmp_html_custom(parent, true, "<figure>", "</figure>");
	if (fig != NULL)
		p = dmp_html_custom(fig, true, NULL, NULL);
	if (img != NULL && p != NULL && dmp_html_inline(h, img, p) == 0) {
		rc = 0;
		if (json_array_size(json_array_get(c, 1)) > 0) {
			p = dmp_html_element(fig, DMP_HTML_LINE, "figcaption",
			                     NULL, NULL);
			rc = p ? dmp_html_inlines(h, json_array_get(c, 1), p)
			       : -1;
		}
	}
	json_decref(img);
	return rc != 0 ? dm_nomem(h->err) : 0;
}

/* A paragraph, or a pandoc 2.17 figure. */
static int para(dmp_html *h, const json_t *c, cmark_node *parent)
{
	const json_t *first = json_array_get(c, 0);
	cmark_node *n;

	if (json_array_size(c) == 1 && dm_type_of(first) == DM_T_IMAGE &&
	    !strncmp(json_string_value(json_array_get(
	                     json_array_get(dm_content(first), 2), 1)),
	             "fig:", 4))
		return old_figure(h, first, parent);
	n = dmp_html_add(parent, CMARK_NODE_PARAGRAPH);
	return n ? dmp_html_inlines(h, c, n) : dm_nomem(h->err);
}

static int header(dmp_html *h, const json_t *c, cmark_node *parent)
{
	const json_t *attr = json_array_get(c, 1);
	json_int_t l = int_of(json_array_get(c, 0));
	int level = l < 1 ? 1 : l > 6 ? 6 : (int)l; /* HTML has six levels */
	cmark_node *n;
	char tag[8];

	if (dmp_html_attr_empty(attr)) {
		n = dmp_html_add(parent, CMARK_NODE_HEADING);
		if (n == NULL || !cmark_node_set_heading_level(n, level))
			return dm_nomem(h->err);
	} else {
		snprintf(tag, sizeof tag, "h%d", level);
		n = dmp_html_element(parent, DMP_HTML_LINE, tag, attr, NULL);
	}
	return n ? dmp_html_inlines(h, json_array_get(c, 2), n)
	         : dm_nomem(h->err);
}

static int raw_block(dmp_html *h, const json_t *c, cmark_node *parent)
{
	if (!dmp_html_format(json_string_value(json_array_get(c, 0))))
		return 0; /* other formats dropped, as pandoc does */
	return made(h, dmp_html_literal(parent, CMARK_NODE_HTML_BLOCK,
	                                json_string_value(
	                                        json_array_get(c, 1))));
}

static int line_block(dmp_html *h, const json_t *c, cmark_node *parent)
{
	cmark_node *n = dmp_html_custom(parent, true,
	                                "<div class=\"line-block\">", "</div>");
	size_t i;

	n = n ? dmp_html_custom(n, false, NULL, NULL) : NULL;
	if (n == NULL)
		return dm_nomem(h->err);
	for (i = 0; i < json_array_size(c); i++) {
		if (i > 0 && !dmp_html_add(n, CMARK_NODE_LINEBREAK))
			return dm_nomem(h->err);
		if (dmp_html_inlines(h, json_array_get(c, i), n) != 0)
			return -1;
	}
	return 0;
}

static int figure(dmp_html *h, const json_t *c, cmark_node *parent)
{
	const json_t *caption = json_array_get(json_array_get(c, 1), 1);
	cmark_node *n = dmp_html_element(parent, DMP_HTML_BLOCK, "figure",
	                                 json_array_get(c, 0), NULL);

	if (n == NULL || dmp_html_blocks(h, json_array_get(c, 2), n) != 0)
		return dm_nomem(h->err);
	if (json_array_size(caption) > 0)
		return wrap_blocks(h, n, "figcaption", NULL, NULL, caption);
	return 0;
}

static int block(dmp_html *h, const json_t *node, cmark_node *parent)
{
	json_t *c; /* the tag and the contents: one look at the keys */
	dm_type t = dm_type_of_tag(dmp_tag_content(node, &c));

	switch (t) {
	case DM_T_PLAIN:
		return plain(h, c, parent);
	case DM_T_PARA:
		return para(h, c, parent);
	case DM_T_HEADER:
		return header(h, c, parent);
	case DM_T_CODE_BLOCK:
		return code_block(h, c, parent);
	case DM_T_RAW_BLOCK:
		return raw_block(h, c, parent);
	case DM_T_BLOCK_QUOTE:
		return inside(h, c,
		              dmp_html_add(parent, CMARK_NODE_BLOCK_QUOTE));
	case DM_T_BULLET_LIST:
		return bullet_list(h, c, parent);
	case DM_T_ORDERED_LIST:
		return ordered_list(h, c, parent);
	case DM_T_HORIZONTAL_RULE:
		return made(h, dmp_html_add(parent,
		                            CMARK_NODE_THEMATIC_BREAK));
	case DM_T_DIV:
		return inside(h, json_array_get(c, 1),
		              dmp_html_element(parent, DMP_HTML_BLOCK, "div",
		                               json_array_get(c, 0), NULL));
	case DM_T_LINE_BLOCK:
		return line_block(h, c, parent);
	case DM_T_DEFINITION_LIST:
		return definition_list(h, c, parent);
	case DM_T_TABLE:
		return table(h, c, parent);
	case DM_T_FIGURE:
		return figure(h, c, parent);
	default:
		return 0; /* Null */
	}
}

int dmp_html_blocks(dmp_html *h, const json_t *list, cmark_node *parent)
{
	size_t i;

	for (i = 0; i < json_array_size(list); i++)
		if (block(h, json_array_get(list, i), parent) != 0)
			return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Notes, and rendering
 * ------------------------------------------------------------------------ */

/* The blocks of a note with the way back `back` at the end of its last
 * paragraph (or in a Plain of its own): a new array sharing the note's
 * blocks but the last, whose inlines are copied one level deep (a deep
 * copy of each note costs the depth of notes in notes times their size). */
static json_t *with_back(const json_t *blocks, const char *back)
{
	json_t *b = json_copy((json_t *)blocks);
	size_t n = json_array_size(b);
	json_t *last = json_array_get(b, n ? n - 1 : 0);
	dm_type t = dm_type_of(last);

	if (b == NULL)
		return NULL;
	last = t == DM_T_PARA || t == DM_T_PLAIN
	       ? dm_node(dm_tag(last), json_copy(dm_content(last)))
	       : dm_plain(json_array());
	if (last == NULL || (t == DM_T_PARA || t == DM_T_PLAIN
	                     ? json_array_set(b, n - 1, last)
	                     : json_array_append(b, last)) != 0 ||
	    json_array_append_new(dm_content(last),
	                          dm_raw_inline("html", back)) != 0) {
		json_decref(last);
		json_decref(b);
		return NULL;
	}
	json_decref(last);
	return b;
}

/* Note `i` (from 0) as an item of the list at the end, with the way back
 * at the end of its last paragraph. */
static int note(dmp_html *h, size_t i, cmark_node *ol)
{
	char open[64], back[160];
	cmark_node *li;
	json_t *b;
	int rc;

	snprintf(open, sizeof open, "<li id=\"fn%zu\">", i + 1);
	snprintf(back, sizeof back,
	         "<a href=\"#fnref%zu\" class=\"footnote-back\" "
	         "role=\"doc-backlink\">\u21a9\ufe0e</a>",
	         i + 1);
	li = dmp_html_custom(ol, true, open, "</li>");
	b = with_back(json_array_get(h->notes, i), back);
	if (b == NULL || li == NULL) {
		json_decref(b);
		return dm_nomem(h->err);
	}
	rc = dmp_html_blocks(h, b, li);
	json_decref(b);
	return rc;
}

/* The notes, as pandoc ends a page with them; notes inside notes are
 * numbered on as they are met. */
static int notes(dmp_html *h, cmark_node *root)
{
	cmark_node *ol;
	size_t i;

	if (json_array_size(h->notes) == 0)
		return 0;
	ol = dmp_html_custom(root, true,
	                     "<section id=\"footnotes\" class=\"footnotes "
	                     "footnotes-end-of-document\" "
	                     "role=\"doc-endnotes\">\n<hr />\n<ol>",
	                     "</ol>\n</section>");
	if (ol == NULL)
		return dm_nomem(h->err);
	for (i = 0; i < json_array_size(h->notes); i++)
		if (note(h, i, ol) != 0)
			return -1;
	return 0;
}

char *dmp_html_render(dmp_html *h, const json_t *list, bool with_notes)
{
	unsigned long failures = dmp_cmark_failures();
	cmark_node *root = cmark_node_new(CMARK_NODE_DOCUMENT);
	char *out = NULL;

	if (root == NULL) {
		dm_nomem(h->err);
		return NULL;
	}
	if (dmp_html_blocks(h, list, root) == 0 &&
	    (!with_notes || notes(h, root) == 0))
		out = cmark_render_html(root, CMARK_OPT_UNSAFE, NULL);
	cmark_node_free(root);
	if (out != NULL && dmp_cmark_failures() != failures) {
		dmp_cmark_free(out); /* cmark-gfm ran out of memory */
		out = NULL;
	}
	if (out == NULL)
		dm_nomem(h->err);
	return out;
}
