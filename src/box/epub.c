/*
 * epub.c - boxes for e-books (see draw.h): html whose styling is in style
 * attributes.  Pandoc puts header-includes on an EPUB's title page only,
 * so a stylesheet there would leave every chapter's boxes bare; a style
 * attribute goes wherever its box goes.
 *
 * A tinted box sets its text colour too, so that a reader's night theme,
 * which turns the page dark and the text light, cannot leave light text on
 * the light tint; the outlined and ruled looks set no colour but their
 * rules', and take the reader's.  A book has no screen to fold a callout
 * on: every callout is open.  EPUB 2 (XHTML 1.1) gets neither ARIA
 * attributes nor HTML5 elements.
 */
#include <stdlib.h>

#include "box.h"
#include "box/draw.h"
#include "internal.h"

/* The box's own style attribute: the rule on the side where its text
 * starts, which its dir attribute fixes (box_open).  Named by its
 * physical side rather than border-inline-start, which the reading
 * systems built on older engines (Adobe's RMSDK) do not know: they would
 * draw no rule at all. */
static void box_style(const dm_box *b, dm_buf *o)
{
	const char *start = b->rtl ? "right" : "left";
	char c[7], bg[7];

	dm_rgb_hex(b->colour, c);
	dm_rgb_hex(dmp_box_tint(b->colour), bg);
	switch (b->look) {
	case DM_BOX_LOOK_MINIMAL:
		dm_buf_printf(o, "margin:1.25em 0;padding:.25em .9em;"
		                 "border-%s:2px solid #%s", start, c);
		break;
	case DM_BOX_LOOK_SIMPLE:
		dm_buf_printf(o, "margin:1.25em 0;padding:.75em 1em;"
		                 "border:1px solid #%s;border-%s:4px solid #%s;"
		                 "border-radius:6px", c, start, c);
		break;
	case DM_BOX_LOOK_DEFAULT:
	default:
		dm_buf_printf(o, "margin:1.25em 0;padding:.75em 1em;"
		                 "border-%s:4px solid #%s;border-radius:6px;"
		                 "background-color:#%s;color:#1f2328", start, c,
		              bg);
		break;
	}
}

/* dir="rtl" for a box of a document read right to left: pandoc's EPUB
 * templates give the page its language, never its direction. */
static void box_dir(const dm_box *b, dm_buf *o)
{
	if (b->rtl)
		dm_buf_puts(o, " dir=\"rtl\"");
}

/* The title's opening: bold, in the type's colour on a tinted box. */
static void title_open(const dm_box *b, dm_buf *o)
{
	char h[7];

	dm_buf_puts(o, "<div class=\"callout-title\" style=\"font-weight:bold;"
	               "margin:0 0 .35em");
	if (b->look == DM_BOX_LOOK_DEFAULT) {
		dm_rgb_hex(dmp_box_title_colour(b->colour, true), h);
		dm_buf_printf(o, ";color:#%s", h);
	}
	dm_buf_puts(o, "\">");
}

/* <div id class [role aria-label] style>: `label` NULL for EPUB 2. */
static void box_open(const dm_box *b, const char *label, dm_buf *o)
{
	dmp_box_div_open(b, o);
	if (label != NULL) {
		dm_buf_puts(o, " role=\"note\" aria-label=\"");
		dm_html_escape(o, label);
		dm_buf_putc(o, '"');
	}
	box_dir(b, o);
	dm_buf_puts(o, " style=\"");
	box_style(b, o);
	dm_buf_puts(o, "\">");
}

static int callout(const dm_box *b, bool aria, json_t *out)
{
	dm_buf open = {0}, head = {0};
	char *label = dm_stringify(b->title);
	int rc = -1;

	if (label != NULL) {
		box_open(b, aria ? label : NULL, &open);
		title_open(b, &head);
	}
	if (label != NULL && !dm_buf_failed(&open) && !dm_buf_failed(&head) &&
	    dm_append(out, dm_raw_block("html", dm_buf_str(&open))) == 0 &&
	    (b->heading != NULL || /* set above the box: no title in it */
	     dm_append(out, dmp_box_title_line("html", dm_buf_str(&head),
	                                       b->title, "</div>",
	                                       false)) == 0) &&
	    dm_append(out, dm_raw_block("html",
	                                "<div class=\"callout-body\">")) == 0 &&
	    (b->body == NULL || json_array_extend(out, b->body) == 0) &&
	    dm_append(out, dm_raw_block("html", "</div>\n</div>")) == 0)
		rc = 0;
	free(label);
	dm_buf_free(&open);
	dm_buf_free(&head);
	return rc;
}

int dmp_box_epub_callout(const dm_box *b, json_t *out)
{
	return callout(b, true, out);
}

int dmp_box_epub2_callout(const dm_box *b, json_t *out)
{
	return callout(b, false, out);
}

/* ------------------------------------------------------------------------
 * The footer: small print under a rule
 * ------------------------------------------------------------------------ */

#define FOOTER_STYLE "margin:3em 0 1em;padding-top:.75em;" \
	"border-top:1px solid #999;font-size:.85em;line-height:1.45"

/* The start of the footer's opening, `element` (footer or div) with the
 * footer's class, and its closing. */
static void marks(const char *element, const char *type, dm_buf *open,
                  dm_buf *close)
{
	dm_buf_printf(open, "<%s class=\"", element);
	dm_html_escape(open, type);
	dm_buf_putc(open, '"');
	dm_buf_printf(close, "</%s>", element);
}

void dmp_box_epub_footer_marks(const char *type, dm_buf *open,
                               dm_buf *close)
{
	marks("footer", type, open, close);
}

void dmp_box_epub2_footer_marks(const char *type, dm_buf *open,
                                dm_buf *close)
{
	marks("div", type, open, close);
}

/* The footer's opening and closing (`mark`), with a role and label when
 * `aria`, and the style, around the body. */
static int footer(const dm_box *b, bool aria,
                  void (*mark)(const char *, dm_buf *, dm_buf *),
                  json_t *out)
{
	char *label = aria ? dm_stringify(b->title) : NULL;
	dm_buf open = {0}, close = {0};
	int rc = -1;

	mark(b->type, &open, &close);
	if (label != NULL && label[0]) {
		dm_buf_puts(&open, " role=\"group\" aria-label=\"");
		dm_html_escape(&open, label);
		dm_buf_putc(&open, '"');
	}
	box_dir(b, &open);
	dm_buf_puts(&open, " style=\"" FOOTER_STYLE "\">");
	if ((label != NULL || !aria) && !dm_buf_failed(&open) &&
	    !dm_buf_failed(&close) &&
	    dm_append(out, dm_raw_block("html", dm_buf_str(&open))) == 0 &&
	    (b->body == NULL || json_array_extend(out, b->body) == 0) &&
	    dm_append(out, dm_raw_block("html", dm_buf_str(&close))) == 0)
		rc = 0;
	free(label);
	dm_buf_free(&open);
	dm_buf_free(&close);
	return rc;
}

int dmp_box_epub_footer(const dm_box *b, json_t *out)
{
	return footer(b, true, dmp_box_epub_footer_marks, out);
}

int dmp_box_epub2_footer(const dm_box *b, json_t *out)
{
	return footer(b, false, dmp_box_epub2_footer_marks, out);
}
