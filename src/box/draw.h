/*
 * draw.h - the box renderers that live in files of their own (src/box/),
 * for the one table in box.c.  Each appends to `out` and returns 0, or -1
 * when memory runs out, as box.c's own renderers do.
 */
#ifndef DM_BOX_DRAW_H
#define DM_BOX_DRAW_H

#include "dm.h"

struct dm_box;
struct dm_box_sheet;

/* docx.c: a table around the callout (a shaded title row, a body row, a
 * thick left rule), the footer in small print under a rule; boxes set
 * side by side parted by an empty paragraph, a box in a list item set at
 * the item's text, a footnote ending with a box closed by a paragraph
 * (dmp_box_docx_part). */
int dmp_box_docx_callout(const struct dm_box *b, json_t *out);
int dmp_box_docx_footer(const struct dm_box *b, json_t *out);
int dmp_box_docx_part(dm_ctx *ctx);
/* Whether the metadata's `dir` is "rtl", its `lang` aside (dir.c): how
 * pandoc's docx writer turns lists. */
bool dmp_box_dir_rtl(const dm_doc *doc);

/* runs.c: the text of `blocks` (Para, Plain, in lists, Divs and quotes)
 * made raw OpenXML runs of `size` half points, in place.  0 or -1. */
int dmp_box_small_runs(json_t *blocks, unsigned size);

/* odt.c: paragraph styles on the callout's paragraphs, which the
 * document's styles then define (dmp_box_odt_sheet, in header-includes). */
int dmp_box_odt_callout(const struct dm_box *b, json_t *out);
int dmp_box_odt_footer(const struct dm_box *b, json_t *out);
int dmp_box_odt_sheet(const struct dm_box_sheet *s, bool rtl, dm_buf *out);
int dmp_box_odt_footer_sheet(const char *type, const char *style,
                             const char *css, bool rtl, dm_buf *out);

/* epub.c: html with the styling in style attributes, which reach every
 * chapter; epub2 without what XHTML 1.1 forbids (ARIA, details). */
int dmp_box_epub_callout(const struct dm_box *b, json_t *out);
int dmp_box_epub2_callout(const struct dm_box *b, json_t *out);
int dmp_box_epub_footer(const struct dm_box *b, json_t *out);
int dmp_box_epub2_footer(const struct dm_box *b, json_t *out);
void dmp_box_epub_footer_marks(const char *type, dm_buf *open,
                               dm_buf *close);
void dmp_box_epub2_footer_marks(const char *type, dm_buf *open,
                                dm_buf *close);

/* text.c: each text writer's own admonition (rst, AsciiDoc, DocBook, Org,
 * Jira, MediaWiki); see there. */
int dmp_box_rst_callout(const struct dm_box *b, json_t *out);
int dmp_box_asciidoc_callout(const struct dm_box *b, json_t *out);
int dmp_box_docbook_callout(const struct dm_box *b, json_t *out);
int dmp_box_org_callout(const struct dm_box *b, json_t *out);
int dmp_box_jira_callout(const struct dm_box *b, json_t *out);
int dmp_box_mediawiki_callout(const struct dm_box *b, json_t *out);
/* The footer: DocBook a sidebar, MediaWiki a div in small print; the
 * marks it is found again by. */
int dmp_box_docbook_footer(const struct dm_box *b, json_t *out);
int dmp_box_mediawiki_footer(const struct dm_box *b, json_t *out);
void dmp_box_docbook_footer_marks(const char *type, dm_buf *open,
                                  dm_buf *close);
void dmp_box_mediawiki_footer_marks(const char *type, dm_buf *open,
                                    dm_buf *close);

/* What the renderers share (box.c). */

/** Whether the box's title is its type's English label (which a format's
 * own admonition shows by itself).  1 yes, 0 no, -1 out of memory. */
int dmp_box_label_title(const struct dm_box *b);

/** A Plain (a Para with `para`) of raw `open`, a copy of `title`, raw
 * `close`, in `format`.  NULL when out of memory. */
json_t *dmp_box_title_line(const char *format, const char *open,
                           const json_t *title, const char *close,
                           bool para);

/** A new array holding the blocks of the box's body (moved, not copied,
 * as dm_box says), or NULL when out of memory. */
json_t *dmp_box_body(const struct dm_box *b);
/** Writes `<div id="ID" class="callout callout-TYPE LOOK CLASSES"` of box
 * `b` to `o`, escaped, for the HTML and EPUB renderers to go on with. */
void dmp_box_div_open(const struct dm_box *b, dm_buf *o);

/** `c` as six upper-case hexadecimal digits (OOXML, LaTeX). */
void dmp_box_hex_upper(dm_rgb c, char hex[7]);

/** The background of a tinted box of colour `c`, and its title colour:
 * `c` darkened until it reads at 4.5:1 on that background (`tinted`) or
 * on white. */
dm_rgb dmp_box_tint(dm_rgb c);
dm_rgb dmp_box_title_colour(dm_rgb c, bool tinted);

#endif /* DM_BOX_DRAW_H */
