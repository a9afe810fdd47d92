/*
 * box.c - a box to blocks for an output format (see box.h): the shared
 * core, one renderer per format family and role, and the table that joins
 * them.  Each renderer appends to `out` and returns 0, or -1 when memory
 * runs out; dm_box_render() turns that into the error.
 */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "box/draw.h"
#include "internal.h"
#include "render.h"

typedef int (*draw_fn)(const dm_box *b, json_t *out);

/* One row of the table: how one family renders each role of box. */
typedef struct row {
	draw_fn draw[2];  /* indexed by dm_box_role */
	/* the rendering is raw code around the body, which an id would not
	 * survive: a Div carrying the id wraps it (a link target) */
	bool wrap_id;
	/* keeps a box's heading inside (the semantic Div); else the heading
	 * is set above the box */
	bool heading_inside;
	/* sets rendered boxes side by side; NULL: one after another */
	int (*group)(json_t *boxes, json_t *out);
	/* the definitions for header-includes, in raw format `sheet_format`:
	 * the callouts', the footer's */
	const char *sheet_format;
	int (*sheet)(const dm_box_sheet *s, bool rtl, dm_buf *out);
	int (*footer_sheet)(const char *type, const char *style,
	                    const char *css, bool rtl, dm_buf *out);
	/* a footer drawn in raw blocks of `sheet_format`: what its opening
	 * starts with, its closing (draw[DM_BOX_FOOTER] writes them) */
	void (*footer_marks)(const char *type, dm_buf *open, dm_buf *close);
} row;

/* ------------------------------------------------------------------------
 * What the renderers share
 * ------------------------------------------------------------------------ */

static int add_raw(json_t *out, const char *format, const char *text)
{
	return dm_append(out, dm_raw_block(format, text));
}

/* Moves the blocks of `body` (NULL: none) to the end of `out`. */
static int add_body(json_t *out, const json_t *body)
{
	return body ? json_array_extend(out, (json_t *)body) : 0;
}

/* A Plain (a Para with `para`) of raw `open`, a copy of the title, raw
 * `close`: one line of output.  NULL when out of memory. */
static json_t *title_line(const char *format, const char *open,
                          const json_t *title, const char *close, bool para)
{
	json_t *ils = json_array(), *copy = json_deep_copy(title);

	if (ils == NULL || copy == NULL ||
	    dm_append(ils, dm_raw_inline(format, open)) ||
	    json_array_extend(ils, copy) ||
	    dm_append(ils, dm_raw_inline(format, close))) {
		json_decref(ils);
		json_decref(copy);
		return NULL;
	}
	json_decref(copy);
	return para ? dm_para(ils) : dm_plain(ils);
}

json_t *dmp_box_title_line(const char *format, const char *open,
                           const json_t *title, const char *close, bool para)
{
	return title_line(format, open, title, close, para);
}

/* Whether `title` is just what dm_text() makes of its plain text: 1 yes,
 * 0 no, -1 out of memory. */
static int plain_title(const json_t *title)
{
	char *s = dm_stringify(title);
	json_t *t = s ? dm_text(s) : NULL;
	int same = t ? json_equal(t, title) : -1;

	free(s);
	json_decref(t);
	return same;
}

/* `blocks` (stolen) between RawBlocks `open` and `close` in `format`. */
static int wrap_raw(json_t *out, const char *format, const char *open,
                    json_t *blocks, const char *close)
{
	json_t *wrapped = dm_render_wrap_raw(blocks, format, open, close);
	int rc = wrapped == NULL || json_array_extend(out, wrapped);

	json_decref(wrapped);
	return rc ? -1 : 0;
}

/* A new array holding the blocks of `body`. */
static json_t *body_copy(const json_t *body)
{
	json_t *blocks = json_array();

	if (blocks != NULL && add_body(blocks, body)) {
		json_decref(blocks);
		return NULL;
	}
	return blocks;
}

json_t *dmp_box_body(const dm_box *b)
{
	return body_copy(b->body);
}

void dmp_box_div_open(const dm_box *b, dm_buf *o)
{
	const json_t *classes = json_array_get(b->attr, 1);
	const char *id = dm_attr_id(b->attr);
	size_t i;

	dm_buf_puts(o, "<div");
	if (*id) {
		dm_buf_puts(o, " id=\"");
		dm_html_escape(o, id);
		dm_buf_putc(o, '"');
	}
	dm_buf_puts(o, " class=\"callout callout-");
	dm_html_escape(o, b->type);
	if (b->look != DM_BOX_LOOK_DEFAULT)
		dm_buf_puts(o, b->look == DM_BOX_LOOK_SIMPLE ? " callout-simple"
		                                             : " callout-minimal");
	for (i = 0; i < json_array_size(classes); i++) {
		dm_buf_putc(o, ' ');
		dm_html_escape(o, json_string_value(json_array_get(classes, i)));
	}
	dm_buf_putc(o, '"');
}

/* ------------------------------------------------------------------------
 * html
 * ------------------------------------------------------------------------ */

/* <div id class role aria-label>, then <details> when it folds. */
static void html_open(const dm_box *b, const char *label, dm_buf *o)
{
	dmp_box_div_open(b, o);
	dm_buf_puts(o, " role=\"note\" aria-label=\"");
	dm_html_escape(o, label);
	dm_buf_puts(o, "\">");
	if (b->fold != DM_BOX_FOLD_NONE)
		dm_buf_puts(o, b->fold == DM_BOX_FOLD_OPEN ? "\n<details open>"
		                                           : "\n<details>");
}

/* The title's opening: <summary> or <div>, and the icon: drawn (an
 * icon of the set), or text. */
static void html_head(const dm_box *b, dm_buf *h)
{
	dm_buf_puts(h, b->fold != DM_BOX_FOLD_NONE
	                       ? "<summary class=\"callout-title\">"
	                       : "<div class=\"callout-title\">");
	if (!b->icon)
		return;
	dm_buf_puts(h, "<span class=\"callout-icon\" aria-hidden=\"true\"");
	if (dm_box_icon_svg(b->icon_text, NULL)) { /* drawn, no font */
		dm_buf_putc(h, '>');
		dm_box_icon_svg(b->icon_text, h);
	} else if (b->icon_text) { /* text of this box's own */
		dm_buf_puts(h, " data-icon=\"");
		dm_html_escape(h, b->icon_text);
		dm_buf_puts(h, "\">");
	} else { /* the type's text, from the stylesheet */
		dm_buf_putc(h, '>');
	}
	dm_buf_puts(h, "</span>");
}

/* The title line, unless a heading above the box stands for it. */
static int html_title(const dm_box *b, const char *head, json_t *out)
{
	if (b->heading != NULL)
		return 0;
	return dm_append(out, title_line("html", head, b->title,
	                                 b->fold != DM_BOX_FOLD_NONE
	                                         ? "</summary>" : "</div>",
	                                 false));
}

static int html_callout(const dm_box *b, json_t *out)
{
	dm_buf open = {0}, head = {0};
	char *label = dm_stringify(b->title);
	bool fold = b->fold != DM_BOX_FOLD_NONE;
	int rc = -1;

	if (label != NULL) {
		html_open(b, label, &open);
		html_head(b, &head);
	}
	if (label != NULL && !dm_buf_failed(&open) && !dm_buf_failed(&head) &&
	    add_raw(out, "html", dm_buf_str(&open)) == 0 &&
	    html_title(b, dm_buf_str(&head), out) == 0 &&
	    add_raw(out, "html", "<div class=\"callout-body\">") == 0 &&
	    add_body(out, b->body) == 0 &&
	    add_raw(out, "html", fold ? "</div>\n</details>\n</div>"
	                              : "</div>\n</div>") == 0)
		rc = 0;
	free(label);
	dm_buf_free(&open);
	dm_buf_free(&head);
	return rc;
}

/* The start of a footer's opening and its closing. */
static void html_footer_marks(const char *type, dm_buf *open, dm_buf *close)
{
	dm_buf_puts(open, "<footer class=\"");
	dm_html_escape(open, type);
	dm_buf_putc(open, '"');
	dm_buf_puts(close, "</footer>");
}

/* A footer element with a class, as a group: a footer outside any article
 * or section would otherwise be taken for the page's contentinfo. */
static int html_footer(const dm_box *b, json_t *out)
{
	char *label = dm_stringify(b->title);
	dm_buf open = {0}, close = {0};
	int rc = -1;

	html_footer_marks(b->type, &open, &close);
	dm_buf_puts(&open, " role=\"group\"");
	if (label != NULL && label[0]) {
		dm_buf_puts(&open, " aria-label=\"");
		dm_html_escape(&open, label);
		dm_buf_putc(&open, '"');
	}
	dm_buf_putc(&open, '>');
	if (label != NULL && !dm_buf_failed(&open) && !dm_buf_failed(&close))
		rc = wrap_raw(out, "html", dm_buf_str(&open),
		              body_copy(b->body), dm_buf_str(&close));
	free(label);
	dm_buf_free(&open);
	dm_buf_free(&close);
	return rc;
}

static int html_group(json_t *boxes, json_t *out)
{
	return wrap_raw(out, "html", "<div class=\"callout-group\">", boxes,
	                "</div>");
}

/* ------------------------------------------------------------------------
 * latex: the title and body stay pandoc content, so pandoc escapes them
 * ------------------------------------------------------------------------ */

/* "\begin{dmcallout}[OWN LOOK]{dm-TYPE}{" ("...{}" with a heading above
 * the box: no title in it).  0 or -1. */
static int latex_open(const dm_box *b, dm_buf *open)
{
	dm_buf colour = {0};
	int rc;

	dm_buf_puts(open, "\\begin{dmcallout}");
	dm_buf_printf(&colour, "dm-%s", b->type);
	if (b->own_look) {
		dm_buf_putc(open, '[');
		dmp_box_latex_look(open, b->look, dm_buf_str(&colour));
		dm_buf_putc(open, ']');
	}
	dm_buf_printf(open, "{%s}{%s", dm_buf_str(&colour),
	              b->heading != NULL ? "}" : "");
	rc = dm_buf_failed(&colour) || dm_buf_failed(open) ? -1 : 0;
	dm_buf_free(&colour);
	return rc;
}

static int latex_callout(const dm_box *b, json_t *out)
{
	dm_buf open = {0};
	int rc;

	rc = latex_open(b, &open) ||
	     (b->heading != NULL
	              ? add_raw(out, "latex", dm_buf_str(&open))
	              : dm_append(out, title_line("latex", dm_buf_str(&open),
	                                          b->title, "}", false))) ||
	     add_body(out, b->body) ||
	     add_raw(out, "latex", "\\end{dmcallout}");
	dm_buf_free(&open);
	return rc ? -1 : 0;
}

/* Small print in a group, marked with the footer's class.  No page
 * break before it nor between its title and its list (LaTeX's lists
 * invite one before them, \@beginparpenalty): when it does not fit at
 * the foot of a page, TeX takes the article's last lines along to the
 * next, and the footer is never alone at the top of a page, nor its
 * title at the foot of one. */
static void latex_footer_marks(const char *type, dm_buf *open,
                               dm_buf *close)
{
	dm_buf_printf(open, "\\par\\nopagebreak\\medskip\n"
	                    "\\begingroup\\footnotesize"
	                    "\\csname @beginparpenalty\\endcsname=10000 %% %s",
	              type);
	dm_buf_printf(close, "\\par\\endgroup %% %s", type);
}

/* A footer whose opening and closing are its marks, whole. */
static int marked_footer(const dm_box *b, const char *format,
                         void (*marks)(const char *, dm_buf *, dm_buf *),
                         json_t *out)
{
	dm_buf open = {0}, close = {0};
	int rc = -1;

	marks(b->type, &open, &close);
	if (!dm_buf_failed(&open) && !dm_buf_failed(&close))
		rc = wrap_raw(out, format, dm_buf_str(&open),
		              body_copy(b->body), dm_buf_str(&close));
	dm_buf_free(&open);
	dm_buf_free(&close);
	return rc;
}

static int latex_footer(const dm_box *b, json_t *out)
{
	return marked_footer(b, "latex", latex_footer_marks, out);
}

/* ------------------------------------------------------------------------
 * typst (pandoc 3.x)
 * ------------------------------------------------------------------------ */

/* The side where text starts, "left" or "right", as Typst lays the text
 * out where the box stands: its direction, or when that is `auto`, its
 * language's (Typst's own list of languages written right to left).
 * Pandoc's template sets the language and no direction. */
#define TYPST_START                                                      \
	"if text.dir == rtl or (text.dir == auto and text.lang in (\"ar\", " \
	"\"dv\", \"fa\", \"he\", \"ks\", \"pa\", \"ps\", \"sd\", \"ug\", "      \
	"\"ur\", \"yi\")) { \"right\" } else { \"left\" }"

static int typst_callout(const dm_box *b, json_t *out)
{
	dm_rgb white = {255, 255, 255}, black = {0, 0, 0};
	dm_rgb bg = dm_rgb_mix(b->colour, white, 0.92);
	char fill[7], stroke[7], text[7];
	dm_buf open = {0}, pre = {0};
	int rc;

	dm_rgb_hex(b->look == DM_BOX_LOOK_DEFAULT ? bg : white, fill);
	dm_rgb_hex(b->colour, stroke);
	dm_rgb_hex(dm_rgb_readable(b->colour, bg, black, 4.5), text);
	dm_buf_printf(&open,
	              "#context block(width: 100%%, inset: (x: 12pt, y: 8pt), "
	              "radius: 3pt, fill: rgb(\"#%s\"), stroke: ((" TYPST_START
	              "): %dpt + rgb(\"#%s\")))[",
	              fill, b->look == DM_BOX_LOOK_MINIMAL ? 1 : 3, stroke);
	/* The title bold, in the type's colour darkened to be readable; a
	 * Para, so a blank line parts it from the body: in Typst a single
	 * newline is a space, and they would run together. */
	dm_buf_printf(&pre, "#text(fill: rgb(\"#%s\"), weight: \"bold\")[",
	              text);
	rc = dm_buf_failed(&open) || dm_buf_failed(&pre) ||
	     add_raw(out, "typst", dm_buf_str(&open)) ||
	     (b->heading == NULL &&
	      dm_append(out, title_line("typst", dm_buf_str(&pre), b->title,
	                                "]", true))) ||
	     add_body(out, b->body) || add_raw(out, "typst", "]");
	dm_buf_free(&open);
	dm_buf_free(&pre);
	return rc ? -1 : 0;
}

static void typst_footer_marks(const char *type, dm_buf *open,
                               dm_buf *close)
{
	dm_buf_puts(open, "#block(above: 2em)[\n#set text(size: 0.85em)");
	dm_buf_printf(close, "] // %s", type);
}

static int typst_footer(const dm_box *b, json_t *out)
{
	return marked_footer(b, "typst", typst_footer_marks, out);
}

/* ------------------------------------------------------------------------
 * markdown and json: the semantic Div
 * ------------------------------------------------------------------------ */

static int div_callout(const dm_box *b, json_t *out)
{
	json_t *attr = b->attr ? json_deep_copy(b->attr) : dm_attr(NULL);
	json_t *blocks = json_array();
	char *title = dm_stringify(b->title);
	int plain = plain_title(b->title), rc;
	dm_buf cls = {0};

	dm_buf_printf(&cls, "callout-%s", b->type);
	rc = attr == NULL || blocks == NULL || title == NULL || plain < 0 ||
	     dm_buf_failed(&cls) ||
	     json_array_insert_new(json_array_get(attr, 1), 0,
	                           json_string(dm_buf_str(&cls))) ||
	     json_array_insert_new(json_array_get(attr, 1), 0,
	                           json_string("callout")) ||
	     json_array_insert_new(json_array_get(attr, 2), 0,
	                           json_pack("[ss]", "title", title)) ||
	     ((b->heading != NULL || !plain) &&
	      dm_append(blocks,
	                dm_div(json_pack("[s[s][]]", "", "callout-title"),
	                       json_pack("[o]", b->heading != NULL
	                                        ? json_deep_copy(b->heading)
	                                        : dm_plain(json_deep_copy(
	                                                  b->title)))))) ||
	     add_body(blocks, b->body);
	free(title);
	dm_buf_free(&cls);
	if (rc) {
		json_decref(attr);
		json_decref(blocks);
		return -1;
	}
	return dm_append(out, dm_div(attr, blocks));
}

static int div_footer(const dm_box *b, json_t *out)
{
	return dm_append(out, dm_render_styled_div(b->type, NULL,
	                                           body_copy(b->body)));
}

static int div_group(json_t *boxes, json_t *out)
{
	return dm_append(out, dm_div(json_pack("[s[s][]]", "",
	                                       "callout-group"),
	                             boxes));
}

/* ------------------------------------------------------------------------
 * gfm and every other writer: a block quote
 * ------------------------------------------------------------------------ */

/* Whether the title is the type's English label, which GitHub shows on
 * its own alerts: any other title, a label of the user's own included,
 * is written out.  1 yes, 0 no, -1 out of memory. */
static int label_title(const dm_box *b)
{
	json_t *l = b->label ? dm_text(b->label) : NULL;
	int same = l ? json_equal(l, b->title) : b->label ? -1 : 0;

	json_decref(l);
	return same;
}

/* `> [!TYPE]` when `alert`; else a block quote opening with the bold
 * title. */
static int quote(const dm_box *b, bool alert, json_t *out)
{
	json_t *blocks = json_array();
	dm_buf marker = {0};
	const char *p;
	int same = alert ? label_title(b) : 0, rc;

	dm_buf_puts(&marker, "[!");
	for (p = b->type; *p; p++)
		dm_buf_putc(&marker, *p >= 'a' && *p <= 'z'
		                             ? (char)(*p - 'a' + 'A') : *p);
	dm_buf_putc(&marker, ']');
	rc = blocks == NULL || dm_buf_failed(&marker) || same < 0 ||
	     (alert && add_raw(blocks, "markdown", dm_buf_str(&marker))) ||
	     (b->heading == NULL && !same &&
	      dm_append(blocks, dm_para(json_pack(
	                                "[o]", dm_strong(json_deep_copy(
	                                               b->title)))))) ||
	     add_body(blocks, b->body);
	dm_buf_free(&marker);
	if (rc) {
		json_decref(blocks);
		return -1;
	}
	return dm_append(out, dm_blockquote(blocks));
}

int dmp_box_label_title(const dm_box *b)
{
	return label_title(b);
}

static int gfm_callout(const dm_box *b, json_t *out)
{
	return quote(b, b->alert, out);
}

static int quote_callout(const dm_box *b, json_t *out)
{
	return quote(b, false, out);
}

/* Plain blocks under a rule. */
static int plain_footer(const dm_box *b, json_t *out)
{
	return dm_append(out, dm_horizontal_rule()) || add_body(out, b->body)
	               ? -1 : 0;
}

/* ------------------------------------------------------------------------
 * The table
 * ------------------------------------------------------------------------ */

static const row rows[] = {
	[DM_FMT_HTML] = {.draw = {html_callout, html_footer},
	                 .group = html_group, .sheet_format = "html",
	                 .sheet = dmp_box_css,
	                 .footer_sheet = dmp_box_footer_css,
	                 .footer_marks = html_footer_marks},
	[DM_FMT_LATEX] = {.draw = {latex_callout, latex_footer},
	                  .wrap_id = true, .sheet_format = "latex",
	                  .sheet = dmp_box_latex,
	                  .footer_marks = latex_footer_marks},
	[DM_FMT_CONTEXT] = {.draw = {quote_callout, plain_footer}},
	[DM_FMT_DOCX] = {.draw = {dmp_box_docx_callout, dmp_box_docx_footer}},
	[DM_FMT_ODT] = {.draw = {dmp_box_odt_callout, dmp_box_odt_footer},
	                .sheet_format = "opendocument",
	                .sheet = dmp_box_odt_sheet,
	                .footer_sheet = dmp_box_odt_footer_sheet},
	[DM_FMT_TYPST] = {.draw = {typst_callout, typst_footer},
	                  .wrap_id = true, .sheet_format = "typst",
	                  .footer_marks = typst_footer_marks},
	[DM_FMT_MARKDOWN] = {.draw = {div_callout, div_footer},
	                     .heading_inside = true, .group = div_group},
	[DM_FMT_GFM] = {.draw = {gfm_callout, plain_footer}},
	[DM_FMT_JSON] = {.draw = {div_callout, div_footer},
	                 .heading_inside = true, .group = div_group},
	[DM_FMT_EPUB] = {.draw = {dmp_box_epub_callout, dmp_box_epub_footer},
	                 .sheet_format = "html",
	                 .footer_marks = dmp_box_epub_footer_marks},
	[DM_FMT_EPUB2] = {.draw = {dmp_box_epub2_callout,
	                           dmp_box_epub2_footer},
	                  .sheet_format = "html",
	                  .footer_marks = dmp_box_epub2_footer_marks},
	[DM_FMT_RST] = {.draw = {dmp_box_rst_callout, plain_footer},
	                .wrap_id = true},
	[DM_FMT_ASCIIDOC] = {.draw = {dmp_box_asciidoc_callout, plain_footer},
	                     .wrap_id = true},
	[DM_FMT_DOCBOOK] = {.draw = {dmp_box_docbook_callout,
	                             dmp_box_docbook_footer},
	                    .wrap_id = true, .sheet_format = "docbook",
	                    .footer_marks = dmp_box_docbook_footer_marks},
	[DM_FMT_ORG] = {.draw = {dmp_box_org_callout, plain_footer},
	                .wrap_id = true},
	[DM_FMT_JIRA] = {.draw = {dmp_box_jira_callout, plain_footer}},
	[DM_FMT_MEDIAWIKI] = {.draw = {dmp_box_mediawiki_callout,
	                               dmp_box_mediawiki_footer},
	                      .sheet_format = "mediawiki",
	                      .footer_marks = dmp_box_mediawiki_footer_marks},
	[DM_FMT_OTHER] = {.draw = {quote_callout, plain_footer}},
};

static const row *row_of(dm_family family)
{
	if ((size_t)family >= sizeof rows / sizeof rows[0])
		family = DM_FMT_OTHER;
	return &rows[family];
}

int dm_box_render(const dm_box *given, dm_family family, json_t *out,
                  dm_error *err)
{
	dm_box copy = *given, *box = &copy;
	const row *r = row_of(family);
	draw_fn draw = r->draw[box->role == DM_BOX_FOOTER ? DM_BOX_FOOTER
	                                                  : DM_BOX_CALLOUT];
	const char *id = dm_attr_id(box->attr);
	json_t *inner;

	if (box->heading != NULL && !r->heading_inside) {
		/* the heading titles the box: a summary would repeat it */
		copy.fold = DM_BOX_FOLD_NONE;
		if (dm_append(out, json_deep_copy(box->heading)))
			return dm_nomem(err);
	}
	if (!r->wrap_id || *id == '\0')
		return draw(box, out) ? dm_nomem(err) : 0;
	if ((inner = json_array()) == NULL || draw(box, inner)) {
		json_decref(inner);
		return dm_nomem(err);
	}
	return dm_append(out, dm_div(dm_attr(id), inner)) ? dm_nomem(err) : 0;
}

int dm_box_group(dm_family family, json_t *boxes, json_t *out,
                 dm_error *err)
{
	const row *r = row_of(family);
	int rc;

	if (boxes == NULL)
		return dm_nomem(err);
	if (r->group != NULL)
		return r->group(boxes, out) ? dm_nomem(err) : 0;
	rc = json_array_extend(out, boxes);
	json_decref(boxes);
	return rc ? dm_nomem(err) : 0;
}

bool dm_box_groups(dm_family family)
{
	return row_of(family)->group != NULL;
}

/* The text of `block` when it is a RawBlock html holding one <style>
 * element, else NULL. */
static const char *style_block(const json_t *block)
{
	const json_t *c = json_object_get(block, "c");
	const char *fmt = json_string_value(json_array_get(c, 0));
	const char *text = json_string_value(json_array_get(c, 1));
	size_t n = text ? strlen(text) : 0;

	if (dm_type_of(block) != DM_T_RAW_BLOCK || fmt == NULL ||
	    strcmp(fmt, "html") != 0 || strncmp(text, "<style>", 7) != 0 ||
	    n < 15 || strcmp(text + n - 8, "</style>") != 0 ||
	    strstr(text + 7, "<style>") != NULL)
		return NULL;
	return text;
}

int dm_box_body_sheet(dm_doc *doc, const char *sheet, dm_error *err)
{
	json_t *blocks = dm_doc_blocks(doc), *first = json_array_get(blocks, 0);
	const char *have = style_block(first);
	size_t n = strlen(sheet);
	dm_buf b = {0};
	int rc;

	if (have == NULL || strncmp(sheet, "<style>", 7) != 0 || n < 15 ||
	    strcmp(sheet + n - 8, "</style>") != 0)
		return json_array_insert_new(blocks, 0,
		                             dm_raw_block("html", sheet))
		               ? dm_nomem(err) : 0;
	/* one <style> element for all: a validator wants a style element in
	 * the body to be its parent's first child */
	dm_buf_printf(&b, "%.*s", (int)(n - 15), sheet + 7);
	if (dm_buf_failed(&b) || strstr(have, dm_buf_str(&b)) != NULL) {
		rc = dm_buf_failed(&b) ? dm_nomem(err) : 0;
		dm_buf_free(&b);
		return rc;
	}
	dm_buf_free(&b);
	dm_buf_printf(&b, "%.*s%s", (int)(strlen(have) - 8), have, sheet + 7);
	rc = dm_buf_failed(&b) ||
	     json_array_set_new(json_object_get(first, "c"), 1,
	                        json_string(dm_buf_str(&b)));
	dm_buf_free(&b);
	return rc ? dm_nomem(err) : 0;
}

/* Adds the definitions in `b` (freed; empty: nothing to add) to doc's
 * header-includes, or with `in_body` (html) at the top of the body;
 * `failed` (what filling `b` returned) or a failed `b` is out of
 * memory. */
static int add_sheet(dm_doc *doc, const char *format, bool in_body,
                     int failed, dm_buf *b, dm_error *err)
{
	int rc = failed || dm_buf_failed(b) ? dm_nomem(err)
	         : b->len == 0              ? 0
	         : in_body && strcmp(format, "html") == 0
	                 ? dm_box_body_sheet(doc, dm_buf_str(b), err)
	                 : dm_meta_add_header_include(doc, format,
	                                              dm_buf_str(b), err);

	dm_buf_free(b);
	return rc;
}

int dm_box_header(dm_doc *doc, dm_family family, const dm_box_sheet *sheet,
                  dm_error *err)
{
	const row *r = row_of(family);
	dm_buf b = {0};

	if (r->sheet == NULL)
		return 0;
	return add_sheet(doc, r->sheet_format, sheet->in_body,
	                 r->sheet(sheet, dm_box_rtl(doc), &b), &b, err);
}

int dm_box_footer_header(dm_doc *doc, dm_family family, const char *type,
                         const char *style, const char *css, bool in_body,
                         dm_error *err)
{
	const row *r = row_of(family);
	dm_buf b = {0};

	if (r->footer_sheet == NULL)
		return 0;
	return add_sheet(doc, r->sheet_format, in_body,
	                 r->footer_sheet(type, style, css, dm_box_rtl(doc),
	                                 &b),
	                 &b, err);
}

int dm_box_footer_marks(dm_family family, const char *type,
                        dm_box_marks *m)
{
	const row *r = row_of(family);
	dm_buf open = {0}, close = {0};

	*m = (dm_box_marks){DM_BOX_MARK_DIV, NULL, NULL, NULL};
	if (r->draw[DM_BOX_FOOTER] == plain_footer) {
		m->kind = DM_BOX_MARK_RULE;
		return 0;
	}
	if (r->footer_marks == NULL)
		return 0;
	r->footer_marks(type, &open, &close);
	m->kind = DM_BOX_MARK_RAW;
	m->format = r->sheet_format;
	m->open = dm_buf_take(&open);
	m->close = dm_buf_take(&close);
	return m->open != NULL && m->close != NULL ? 0 : -1;
}

void dm_box_marks_free(dm_box_marks *m)
{
	free(m->open);
	free(m->close);
	m->open = m->close = NULL;
}

int dm_box_finish(dm_ctx *ctx)
{
	return ctx->family == DM_FMT_DOCX ? dmp_box_docx_part(ctx) : 0;
}
