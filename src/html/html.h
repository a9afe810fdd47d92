/*
 * html.h - what the files of the HTML writer (src/html/) share.
 *
 * The pandoc AST becomes a cmark tree that cmark-gfm renders: native nodes
 * where cmark has the same element (paragraphs, emphasis, links, lists,
 * ...), custom block and inline nodes carrying the opening and closing
 * HTML where it has not or where attributes must survive.  The files, each
 * calling only the ones below it in this list (no circle):
 *
 *   page.c     dm_html_render(): the body, or a standalone page around it
 *              (head, title block, metadata includes)
 *   blocks.c   Blocks to cmark nodes; the notes at the end; rendering
 *   inlines.c  Inlines to cmark nodes
 *   tags.c     the markup: escaping, attributes, and the cmark nodes that
 *              carry raw HTML
 */
#ifndef DM_HTML_WRITER_H
#define DM_HTML_WRITER_H

#include <cmark-gfm.h>

#include "cmark_mem.h"
#include "dm_md.h"
#include "internal.h"

/* One rendering. */
typedef struct dmp_html {
	dm_error *err;
	json_t *notes; /* the blocks of each Note met, in order */
} dmp_html;

/* ---- blocks.c ----------------------------------------------------------- */

/*
 * Renders `list` of blocks with cmark-gfm, and with `with_notes` the notes
 * met after them, as pandoc ends a page.  A new string to free with
 * dmp_cmark_free(), or NULL with h->err set.
 */
char *dmp_html_render(dmp_html *h, const json_t *list, bool with_notes);

/* The blocks of `list` as children of `parent`.  0 or -1 (h->err). */
int dmp_html_blocks(dmp_html *h, const json_t *list, cmark_node *parent);

/* ---- inlines.c ---------------------------------------------------------- */

/* One inline as children of `parent`.  0 or -1 (h->err). */
int dmp_html_inline(dmp_html *h, const json_t *node, cmark_node *parent);

/* The inlines of `list` as children of `parent`.  0 or -1 (h->err). */
int dmp_html_inlines(dmp_html *h, const json_t *list, cmark_node *parent);

/* ---- tags.c ------------------------------------------------------------- */

/*
 * Appends `s` to `b` escaped as pandoc's HTML writer escapes text and
 * attribute values: & < > " (unlike dm_html_escape(), not ').  A failure
 * is remembered by the buffer.
 */
void dmp_html_escape(dm_buf *b, const char *s);

/* Appends ` KEY="VALUE"`; keys HTML5 does not know get a `data-` prefix,
 * as pandoc's HTML5 writer gives them. */
void dmp_html_attribute(dm_buf *b, const char *k, const char *v);

/* Appends an Attr as pandoc writes it: id, class, then the key-value
 * pairs (empty keys and repeated keys dropped). */
void dmp_html_attrs(dm_buf *b, const json_t *attr);

/* Whether an Attr has no identifier, class or attribute. */
bool dmp_html_attr_empty(const json_t *attr);

/* Whether a raw block or inline of `format` is written (html, html4,
 * html5, any case); pandoc drops the others. */
bool dmp_html_format(const char *format);

/* Appends a new node of `type` to `parent`; NULL when out of memory. */
cmark_node *dmp_html_add(cmark_node *parent, cmark_node_type type);

/* Appends a new node of `type` (text, code, raw HTML) holding `s`; NULL
 * when out of memory. */
cmark_node *dmp_html_literal(cmark_node *parent, cmark_node_type type,
                             const char *s);

/* Appends a custom block or inline node with raw HTML on entry and on
 * exit (either may be NULL); NULL when out of memory. */
cmark_node *dmp_html_custom(cmark_node *parent, bool block,
                            const char *enter, const char *exit);

/* How an element sits: inside a line, as a block around blocks, or as a
 * line of its own around inlines (`<li>text</li>`). */
typedef enum dmp_html_kind {
	DMP_HTML_INLINE,
	DMP_HTML_BLOCK,
	DMP_HTML_LINE
} dmp_html_kind;

/*
 * Appends a custom node opened by `<TAG ATTRS EXTRA>` and closed by
 * `</TAG>` (`attr` and `extra` may be NULL); for DMP_HTML_LINE, the inline
 * node inside a block of its own.  The node inlines or blocks go in, or
 * NULL when out of memory.
 */
cmark_node *dmp_html_element(cmark_node *parent, dmp_html_kind kind,
                             const char *tag, const json_t *attr,
                             const char *extra);

#endif /* DM_HTML_WRITER_H */
