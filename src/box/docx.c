/*
 * docx.c - boxes for Word (see draw.h), drawn without any reference
 * document: raw OpenXML around pandoc's own blocks.
 *
 * A callout is a table of one column, full width: a title row (shaded in
 * the default look) and a body row, a thick left border in the type's
 * colour and thin ones elsewhere (a thin left one alone in the minimal
 * look).  The title and the body stay pandoc content, in Divs with the
 * custom styles "DM Note Title" and "DM Note", which a reference document
 * can still define.  A paragraph that keeps the title row with the body
 * opens the title cell, a one-point paragraph closes the body cell (a cell
 * must end with one, and the body may end with a table).
 *
 * Word joins two tables with nothing between them into one, so
 * dmp_box_docx_part() puts an empty paragraph between a box and a table
 * (another box, or pandoc's) that follows it directly.  It also sets a box
 * in a list item at the item's text (pandoc knows the list's level only
 * as it writes; the walk knows it here), and closes a footnote ending
 * with a box with a paragraph.
 *
 * LibreOffice drops the formatting of a table holding a paragraph whose
 * style the document does not define: the raw paragraphs here name no
 * style.
 */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "box/draw.h"
#include "internal.h"
#include "render.h"

/* How a box's table opens: its width the whole text's.  dmp_box_docx_part()
 * narrows a box in a list item to the item's text (indent_box). */
#define BOX_OPEN "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>"

/* The text's width in pandoc's reference document (Letter, one-inch
 * margins), in twentieths of a point; and how far each list level
 * indents its text there, in 2.17 and 3 alike (numbering.xml). */
#define TEXT_WIDTH "9360"
#define TEXT_TWIPS 9360
#define LEVEL_TWIPS 720
#define MAX_LEVELS 9 /* a Word list has nine */

/* Borders: eighths of a point. */
#define THIN "4"
#define THICK "24"
#define RULE "12"

/* A paragraph of one point with no spacing: what a cell must end with. */
#define TINY_P "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" " \
	"w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/>" \
	"</w:rPr></w:pPr></w:p>"

/* The same, kept with the next paragraph: Word and LibreOffice keep a
 * table row with the next when a paragraph of it is. */
#define KEEP_P "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"0\" " \
	"w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/><w:rPr>" \
	"<w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>"

/* Between two tables: an empty paragraph of nine points, no spacing. */
#define PART_P "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" " \
	"w:line=\"180\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/>" \
	"</w:rPr></w:pPr></w:p>"

/* One border of the table: `size` eighths of a point in colour `hex`, or
 * none when `size` is NULL. */
static void border(dm_buf *o, const char *side, const char *size,
                   const char *hex)
{
	dm_buf_printf(o, "<w:%s w:val=\"", side);
	if (size == NULL) {
		dm_buf_puts(o, "nil\"/>");
		return;
	}
	dm_buf_printf(o, "single\" w:sz=\"%s\" w:space=\"0\" w:color=\"", size);
	dm_xml_escape(o, hex);
	dm_buf_puts(o, "\"/>");
}

/* The table's properties and its grid. */
static void table_open(const dm_box *b, dm_buf *o)
{
	bool minimal = b->look == DM_BOX_LOOK_MINIMAL;
	const char *thin = minimal ? NULL : THIN;
	char hex[7];

	dmp_box_hex_upper(b->colour, hex);
	dm_buf_puts(o, BOX_OPEN "<w:tblBorders>");
	/* the thick rule where the text starts: the right in a document
	 * read right to left (left and right as the page shows them, which
	 * Word and LibreOffice agree on in a table that is not bidiVisual) */
	border(o, "top", thin, hex);
	border(o, b->rtl ? "right" : "left", minimal ? RULE : THICK, hex);
	border(o, "bottom", thin, hex);
	border(o, b->rtl ? "left" : "right", thin, hex);
	border(o, "insideH", NULL, hex);
	border(o, "insideV", NULL, hex);
	dm_buf_puts(o, "</w:tblBorders><w:tblCellMar>"
	               "<w:top w:w=\"0\" w:type=\"dxa\"/>"
	               "<w:left w:w=\"144\" w:type=\"dxa\"/>"
	               "<w:bottom w:w=\"0\" w:type=\"dxa\"/>"
	               "<w:right w:w=\"144\" w:type=\"dxa\"/></w:tblCellMar>"
	               "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" "
	               "w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
	               "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
	               "<w:tblGrid><w:gridCol w:w=\"" TEXT_WIDTH "\"/>"
	               "</w:tblGrid>");
}

/* The title row up to its text: shaded in the default look, kept with
 * the body row. */
static void title_row(const dm_box *b, dm_buf *o)
{
	char bg[7];

	dmp_box_hex_upper(dmp_box_tint(b->colour), bg);
	dm_buf_puts(o, "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr>"
	               "<w:tcW w:w=\"5000\" w:type=\"pct\"/>");
	if (b->look == DM_BOX_LOOK_DEFAULT) {
		dm_buf_puts(o, "<w:shd w:val=\"clear\" w:color=\"auto\" "
		               "w:fill=\"");
		dm_xml_escape(o, bg);
		dm_buf_puts(o, "\"/>");
	}
	dm_buf_puts(o, "</w:tcPr>" KEEP_P);
}

/* The body row up to its blocks. */
#define BODY_ROW "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"5000\" " \
	"w:type=\"pct\"/><w:tcMar><w:bottom w:w=\"60\" w:type=\"dxa\"/>" \
	"</w:tcMar></w:tcPr>"

static const char table_close[] = TINY_P "</w:tc></w:tr></w:tbl>";

/* A Div with `id` (NULL: none) and custom-style `style`, holding
 * `blocks` (stolen); with `rtl`, dir="rtl", which pandoc's docx writer
 * turns into paragraphs and runs read right to left (w:bidi, w:rtl).
 * NULL when out of memory. */
static json_t *styled_div(const char *id, const char *style, bool rtl,
                          json_t *blocks)
{
	json_t *attr = dm_attr(id);

	if (attr == NULL || dm_attr_set(attr, "custom-style", style) ||
	    (rtl && dm_attr_set(attr, "dir", "rtl"))) {
		json_decref(attr);
		json_decref(blocks);
		return NULL;
	}
	return dm_div(attr, blocks);
}

/* The title: a Para in bold, in the title style. */
static json_t *title_div(const dm_box *b)
{
	dm_buf style = {0};
	json_t *div = NULL;

	dm_buf_printf(&style, "%s Title", b->style);
	if (!dm_buf_failed(&style))
		div = styled_div(NULL, dm_buf_str(&style), b->rtl, json_pack(
		                 "[o]", dm_para(json_pack("[o]", dm_strong(
		                        json_deep_copy(b->title))))));
	dm_buf_free(&style);
	return div;
}

/* The title row and the body row; under a heading (which dm_box_render()
 * has set above the box) the body row alone. */
int dmp_box_docx_callout(const dm_box *b, json_t *out)
{
	dm_buf open = {0};
	int rc;

	table_open(b, &open);
	if (b->heading == NULL)
		title_row(b, &open);
	else /* LibreOffice reads a table whose first paragraph is read
	      * right to left as a table so read, its left border on the
	      * right: a first paragraph of ours keeps the sides the page's */
		dm_buf_puts(&open, b->rtl ? BODY_ROW TINY_P : BODY_ROW);
	rc = dm_buf_failed(&open) ||
	     dm_append(out, dm_raw_block("openxml", dm_buf_str(&open))) ||
	     (b->heading == NULL &&
	      (dm_append(out, title_div(b)) ||
	       dm_append(out, dm_raw_block("openxml",
	                                   "</w:tc></w:tr>" BODY_ROW)))) ||
	     dm_append(out, styled_div(dm_attr_id(b->attr), b->style, b->rtl,
	                               dmp_box_body(b))) ||
	     dm_append(out, dm_raw_block("openxml", table_close));
	dm_buf_free(&open);
	return rc ? -1 : 0;
}

/* ------------------------------------------------------------------------
 * The footer: small print under a rule
 * ------------------------------------------------------------------------ */

/* A grey rule with space above it: the top border of an empty paragraph
 * of one point. */
#define RULE_P "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"4\" " \
	"w:space=\"1\" w:color=\"999999\"/></w:pBdr><w:spacing " \
	"w:before=\"480\" w:after=\"0\" w:line=\"20\" " \
	"w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>"

/* Nine points: small print, as the html footer's .85em of a 12 point
 * body. */
#define SMALL 18

/* The Div of the footer's class and style, its text in runs of nine
 * points, a rule first: what reads the footer again (its class, its
 * bullet list) finds it as it was. */
int dmp_box_docx_footer(const dm_box *b, json_t *out)
{
	json_t *blocks = dmp_box_body(b), *div;

	if (blocks == NULL || dmp_box_small_runs(blocks, SMALL) ||
	    json_array_insert_new(blocks, 0, dm_raw_block("openxml", RULE_P))) {
		json_decref(blocks);
		return -1;
	}
	div = dm_render_styled_div(b->type, b->style, blocks);
	if (div != NULL && b->rtl &&
	    dm_attr_set(json_array_get(dm_content(div), 0), "dir", "rtl")) {
		json_decref(div);
		return -1;
	}
	return dm_append(out, div);
}

/* ------------------------------------------------------------------------
 * Boxes parted
 * ------------------------------------------------------------------------ */

/* Whether `b` begins (`first`) or ends with a table: 1 pandoc's, 2 raw
 * OpenXML opening or closing one (a box); a Div by its own blocks.  0 for
 * anything else. */
static int table_edge(const json_t *b, bool first)
{
	const json_t *c = dm_content(b);
	const char *text;
	size_t n;

	switch (dm_type_of(b)) {
	case DM_T_TABLE:
		return 1;
	case DM_T_DIV:
		c = json_array_get(c, 1);
		n = json_array_size(c);
		return n > 0 ? table_edge(json_array_get(c, first ? 0 : n - 1),
		                          first)
		             : 0;
	case DM_T_RAW_BLOCK:
		if (strcmp(json_string_value(json_array_get(c, 0)), "openxml"))
			return 0;
		text = json_string_value(json_array_get(c, 1));
		text += strspn(text, " \t\r\n");
		n = strlen(text);
		while (n > 0 && strchr(" \t\r\n", text[n - 1]))
			n--;
		if (first)
			return strncmp(text, "<w:tbl>", 7) == 0 ? 2 : 0;
		return n >= 8 && strncmp(text + n - 8, "</w:tbl>", 8) == 0 ? 2
		                                                           : 0;
	default:
		return 0;
	}
}

/* How many levels of list pandoc's docx writer numbers the blocks being
 * walked with (each paragraph's w:ilvl, plus one): the lists around them,
 * out to the nearest Note or Table, whose blocks pandoc numbers afresh (a
 * note's always, a table's from pandoc 3 on). */
static size_t list_levels(const dm_walk *w)
{
	const json_t *a;
	size_t up, n = 0;

	for (up = 0; (a = dm_walk_ancestor(w, up)) != NULL; up++)
		switch (dm_type_of(a)) {
		case DM_T_BULLET_LIST:
		case DM_T_ORDERED_LIST:
			n++;
			break;
		case DM_T_NOTE:
		case DM_T_TABLE:
			return n;
		default:
			break;
		}
	return n;
}

/* Whether pandoc's docx writer sets the blocks being walked right to left
 * (w:bidi, and a list indented from the right): the nearest Div around
 * them with a `dir` says, else the metadata's `dir` (not its `lang`, which
 * turns boxes alone: dm_box_rtl). */
static bool blocks_rtl(const dm_ctx *ctx, const dm_walk *w)
{
	const json_t *a;
	const char *dir;
	size_t up;

	for (up = 0; (a = dm_walk_ancestor(w, up)) != NULL; up++) {
		if (dm_type_of(a) != DM_T_DIV)
			continue;
		dir = dm_attr_get(json_array_get(dm_content(a), 0), "dir");
		if (dir != NULL)
			return strcmp(dir, "rtl") == 0;
	}
	return dmp_box_dir_rtl(ctx->doc);
}

/* The text of `b` when it opens a box's table in a list of `levels`
 * levels, else NULL. */
static const char *box_in_list(const json_t *b, size_t levels)
{
	const json_t *c = dm_content(b);
	const char *format, *text;

	if (levels == 0 || dm_type_of(b) != DM_T_RAW_BLOCK)
		return NULL;
	format = json_string_value(json_array_get(c, 0));
	text = json_string_value(json_array_get(c, 1));
	if (format == NULL || text == NULL || strcmp(format, "openxml") ||
	    strncmp(text, BOX_OPEN, strlen(BOX_OPEN)))
		return NULL;
	return text;
}

/* The box opening `text` (box_in_list) made to stand in a list item of
 * `levels` levels, in `o`: at the text's indent (tblInd, as pandoc 3 sets
 * its own tables in lists), narrowed to end where the text does.  A list
 * read right to left (`rtl`: blocks_rtl) is indented from the right: a
 * box there keeps the left margin and is narrowed alone. */
static void indent_box(const char *text, size_t levels, bool rtl, dm_buf *o)
{
	static const char grid[] = "<w:gridCol w:w=\"" TEXT_WIDTH "\"/>";
	unsigned x = LEVEL_TWIPS * (unsigned)(levels < MAX_LEVELS ? levels
	                                                          : MAX_LEVELS);
	const char *at;

	dm_buf_printf(o, "<w:tbl><w:tblPr><w:tblW w:w=\"%u\" w:type=\"pct\"/>",
	              5000 * (TEXT_TWIPS - x) / TEXT_TWIPS);
	if (!rtl)
		dm_buf_printf(o, "<w:tblInd w:w=\"%u\" w:type=\"dxa\"/>", x);
	text += strlen(BOX_OPEN);
	at = strstr(text, grid);
	if (at == NULL) {
		dm_buf_puts(o, text);
		return;
	}
	dm_buf_add(o, text, (size_t)(at - text));
	dm_buf_printf(o, "<w:gridCol w:w=\"%u\"/>%s", TEXT_TWIPS - x,
	              at + strlen(grid));
}

/* The boxes opening in `list` set at the indent of the list item holding
 * them (a second run finds them set). 0 or -1. */
static int indent_boxes(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	size_t i, levels = list_levels(w);
	const char *text;
	dm_buf o = {0};
	bool rtl = levels > 0 && blocks_rtl(ctx, w);

	for (i = 0; levels > 0 && i < json_array_size(list); i++) {
		text = box_in_list(json_array_get(list, i), levels);
		if (text == NULL)
			continue;
		indent_box(text, levels, rtl, &o);
		if (dm_buf_failed(&o) ||
		    json_array_set_new(list, i, dm_raw_block("openxml",
		                                             dm_buf_str(&o)))) {
			dm_buf_free(&o);
			return -1;
		}
		dm_buf_free(&o);
	}
	return 0;
}

/* A note ending with a box gets a paragraph after it: LibreOffice draws
 * the first row of a table that ends a footnote nowhere (a box lost its
 * title), and Word ends every story with a paragraph. */
static int close_note(const dm_walk *w, json_t *list)
{
	size_t n = json_array_size(list);

	if (n == 0 || dm_type_of(dm_walk_ancestor(w, 0)) != DM_T_NOTE ||
	    table_edge(json_array_get(list, n - 1), false) != 2)
		return 0;
	return json_array_append_new(list, dm_raw_block("openxml", TINY_P));
}

/* A box right after a table, or a table right after a box, gets an empty
 * paragraph between them; two tables of pandoc's are not ours to part.
 * Boxes in list items first set at the item's text, a note ending with a
 * box closed. */
static dm_walk_result part_list(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	size_t i;
	int a, b;

	if (indent_boxes(ctx, w, list) || close_note(w, list))
		return dm_nomem(ctx->err), DM_WALK_ERROR;
	for (i = 1; i < json_array_size(list); i++) {
		a = table_edge(json_array_get(list, i - 1), false);
		b = table_edge(json_array_get(list, i), true);
		if (a == 0 || b == 0 || (a == 1 && b == 1))
			continue;
		if (json_array_insert_new(list, i, dm_raw_block("openxml",
		                                                PART_P)))
			return dm_nomem(ctx->err), DM_WALK_ERROR;
		i++;
	}
	return DM_WALK_CONTINUE;
}

int dmp_box_docx_part(dm_ctx *ctx)
{
	static const dm_visitor v = {NULL, NULL, part_list, NULL, 0};

	return dm_walk_doc(ctx, &v);
}
