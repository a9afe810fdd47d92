/*
 * odt.c - boxes for OpenDocument (see draw.h).  A callout's paragraphs
 * carry the custom styles "DM Note" and "DM Note Title", as in docx; the
 * difference is that the document then defines them: dmp_box_odt_sheet()
 * writes them, a tinted background, a coloured left border, thin borders
 * elsewhere (by the look), into header-includes, which pandoc's
 * opendocument template puts before the body.  LibreOffice joins the
 * borders of consecutive paragraphs of one style into one box.
 *
 * Only the paragraphs directly in a callout take its style: a list or a
 * code block inside one keeps pandoc's own styles, outside the box's
 * border.  A reference document's own "DM Note" is overridden by these;
 * the option stylesheet: false leaves it alone.
 */
#include "box.h"
#include "box/draw.h"
#include "internal.h"
#include "render.h"

/* Paragraph properties of a paragraph read right to left: set from the
 * right, and aligned there in so many words: LibreOffice reads "start"
 * as the left whatever the direction. */
#define RTL_PROPS "style:writing-mode=\"rl-tb\" fo:text-align=\"right\""

/* A Div with `id` (NULL: none) and custom-style `style`, holding
 * `blocks` (stolen).  NULL when out of memory. */
static json_t *styled_div(const char *id, const char *style, json_t *blocks)
{
	json_t *attr = dm_attr(id);

	if (attr == NULL || dm_attr_set(attr, "custom-style", style)) {
		json_decref(attr);
		json_decref(blocks);
		return NULL;
	}
	return dm_div(attr, blocks);
}

/* The title in the title style, unless a heading (set above the box by
 * dm_box_render()) stands for it; the body in the box's style. */
int dmp_box_odt_callout(const dm_box *b, json_t *out)
{
	dm_buf style = {0};
	json_t *blocks = json_array(), *head = NULL;

	dm_buf_printf(&style, "%s Title", b->style);
	if (!dm_buf_failed(&style) && b->heading == NULL)
		head = styled_div(NULL, dm_buf_str(&style), json_pack(
		                  "[o]", dm_para(json_pack("[o]", dm_strong(
		                         json_deep_copy(b->title))))));
	dm_buf_free(&style);
	if (blocks == NULL || (b->heading == NULL && dm_append(blocks, head)) ||
	    (b->body != NULL && json_array_extend(blocks, b->body))) {
		json_decref(blocks);
		return -1;
	}
	return dm_append(out, styled_div(dm_attr_id(b->attr), b->style,
	                                 blocks));
}

/* ------------------------------------------------------------------------
 * The styles
 * ------------------------------------------------------------------------ */

/* A style name as ODF writes it (an XML name): "DM Note" is DM_20_Note,
 * every byte that may not stand in a name written as _XX_ in hex. */
static void style_name(dm_buf *o, const char *name)
{
	const unsigned char *p;

	for (p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9' && p != (const unsigned char *)name) ||
		    *p >= 0x80)
			dm_buf_putc(o, (char)*p);
		else
			dm_buf_printf(o, "_%02x_", *p);
	}
}

/* <style:style style:name style:display-name family parent>: the
 * kind's style, `suffix` (" Title" or "") after it in both names. */
static void style_open(dm_buf *o, const char *style, const char *suffix)
{
	dm_buf_puts(o, "<style:style style:name=\"");
	style_name(o, style);
	style_name(o, suffix);
	dm_buf_puts(o, "\" style:display-name=\"");
	dm_xml_escape(o, style);
	dm_xml_escape(o, suffix);
	dm_buf_puts(o, "\" style:family=\"paragraph\" "
	               "style:parent-style-name=\"Text_20_body\">");
}

/* The box's paragraph properties: borders by the look, a tint in the
 * default look; `title` adds the space above the box and keeps the title
 * with the body; `rtl` sets the text from the right and the thick rule
 * there (the side where it starts).  LibreOffice joins paragraphs of
 * equal borders into one box, the spacing between them inside it. */
static void box_props(dm_buf *o, dm_rgb colour, dm_box_look look, bool title,
                      bool rtl)
{
	const char *start = rtl ? "right" : "left", *end = rtl ? "left" : "right";
	char c[7], bg[7];

	dm_rgb_hex(colour, c);
	dm_rgb_hex(dmp_box_tint(colour), bg);
	dm_buf_printf(o, "<style:paragraph-properties fo:margin-left=\"0in\" "
	                 "fo:margin-right=\"0in\" fo:margin-top=\"%s\" "
	                 "fo:margin-bottom=\"0.08in\" "
	                 "fo:padding-left=\"0.12in\" "
	                 "fo:padding-right=\"0.12in\" fo:padding-top=\"0.06in\" "
	                 "fo:padding-bottom=\"0.06in\" "
	                 "style:join-border=\"true\"",
	              title ? "0.15in" : "0in");
	if (rtl)
		dm_buf_puts(o, " " RTL_PROPS);
	if (look == DM_BOX_LOOK_MINIMAL) {
		dm_buf_printf(o, " fo:border-%s=\"2pt solid #%s\" "
		                 "fo:border-%s=\"none\" fo:border-top=\"none\" "
		                 "fo:border-bottom=\"none\"", start, c, end);
	} else {
		dm_buf_printf(o, " fo:border-%s=\"3pt solid #%s\" "
		                 "fo:border-%s=\"0.5pt solid #%s\" "
		                 "fo:border-top=\"0.5pt solid #%s\" "
		                 "fo:border-bottom=\"0.5pt solid #%s\"",
		              start, c, end, c, c, c);
	}
	if (look == DM_BOX_LOOK_DEFAULT)
		dm_buf_printf(o, " fo:background-color=\"#%s\"", bg);
	dm_buf_puts(o, title ? " fo:keep-with-next=\"always\"/>" : "/>");
}

/* A kind's two styles: the box, and its title (bold, coloured).  Each
 * says all it sets: LibreOffice does not resolve a parent style given in
 * the body's header. */
static void kind_styles(dm_buf *o, const dm_box_kind *k, dm_box_look look,
                        bool rtl)
{
	char h[7];

	dm_rgb_hex(dmp_box_title_colour(k->colour, look == DM_BOX_LOOK_DEFAULT), h);
	style_open(o, k->style, "");
	box_props(o, k->colour, look, false, rtl);
	dm_buf_puts(o, "</style:style>\n");
	style_open(o, k->style, " Title");
	box_props(o, k->colour, look, true, rtl);
	dm_buf_printf(o, "<style:text-properties fo:font-weight=\"bold\" "
	                 "style:font-weight-asian=\"bold\" "
	                 "style:font-weight-complex=\"bold\" "
	                 "fo:color=\"#%s\"/></style:style>\n", h);
}

int dmp_box_odt_sheet(const dm_box_sheet *s, bool rtl, dm_buf *out)
{
	size_t i;

	dm_buf_puts(out, "<office:styles>\n");
	for (i = 0; i < s->nkinds; i++)
		if (s->kinds[i].style != NULL)
			kind_styles(out, &s->kinds[i], s->look, rtl);
	dm_buf_puts(out, "</office:styles>");
	return dm_buf_failed(out) ? -1 : 0;
}

/* The footer: a rule (pandoc's, a paragraph style of the document), then
 * the body in the footer's style, which the document defines small (the
 * credits filter adds it to header-includes).  The paragraphs of a list
 * take the list's style whatever Div is around them (pandoc 2.17 and 3):
 * they keep the body's size. */
int dmp_box_odt_footer(const dm_box *b, json_t *out)
{
	json_t *blocks = json_array();

	if (blocks == NULL || dm_append(blocks, dm_horizontal_rule()) ||
	    (b->body != NULL && json_array_extend(blocks, b->body))) {
		json_decref(blocks);
		return -1;
	}
	return dm_append(out, dm_render_styled_div(b->type, b->style, blocks));
}

/* The footer's style, small (with `rtl`, set from the right): pandoc's
 * opendocument template puts header-includes before the body, where
 * LibreOffice reads it. */
int dmp_box_odt_footer_sheet(const char *type, const char *style,
                             const char *css, bool rtl, dm_buf *out)
{
	(void)type;
	(void)css;
	if (style == NULL)
		return 0;
	dm_buf_puts(out, "<office:styles>\n");
	style_open(out, style, "");
	dm_buf_printf(out, "<style:paragraph-properties "
	                   "fo:margin-top=\"0.02in\" fo:margin-bottom=\"0.02in\"%s/>"
	                   "<style:text-properties fo:font-size=\"9pt\" "
	                   "style:font-size-asian=\"9pt\" "
	                   "style:font-size-complex=\"9pt\"/></style:style>\n"
	                   "</office:styles>",
	              rtl ? " " RTL_PROPS : "");
	return dm_buf_failed(out) ? -1 : 0;
}
