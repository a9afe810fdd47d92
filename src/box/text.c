/*
 * text.c - callouts for the text writers: each writer's own admonition.
 *
 * A type the writer knows as an admonition, titled with its English label,
 * is the Div pandoc's writer turns into one (rst `.. note::`, DocBook
 * `<note>`; a DocBook title goes in a title Div, as pandoc's alerts carry
 * it).  Every other callout is raw code around pandoc blocks: the wrapper
 * is raw, the body and (where the format allows inline content there) the
 * title stay pandoc's, which the writer renders and escapes.  A title
 * pasted into raw code passes the format's escaping function.
 *
 *   rst        .. admonition:: TITLE / :class: TYPE, the body a block
 *              quote (indented: the directive's content)
 *   asciidoc   [NOTE] or [NOTE,role=TYPE], .TITLE, ==== (longer when
 *              nested, so an inner block does not close the outer one)
 *   docbook    <note role="TYPE"><title>TITLE</title> ... </note>; inside
 *              one a sidebar, deeper a blockquote (DocBook 5 forbids an
 *              admonition in an admonition, a sidebar in a sidebar)
 *   org        #+begin_TYPE, the title in bold, #+end_TYPE
 *   jira       {panel:title=TITLE|borderColor=#...|titleBGColor=#...};
 *              inside one (Jira nests no panels) a quote, title in bold;
 *              deeper (nor quotes) the bold title and the body
 *   mediawiki  <div class="callout callout-TYPE" style="border-left:...">
 *
 * The footer (a credits footer): DocBook a sidebar of role TYPE, MediaWiki
 * a div of class TYPE in small print under a rule; the other text formats
 * take box.c's rule and blocks, which each writes as its own rule.
 *
 * A type is [a-z0-9-] (the callouts filter allows no other), safe in
 * every one of these as it is.
 */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "box/draw.h"
#include "internal.h"
#include "render.h"

static bool listed(const char *const *list, const char *type)
{
	for (; *list; list++)
		if (strcmp(*list, type) == 0)
			return true;
	return false;
}

/* Whether the writer's own admonition `type`, untitled, says it all: the
 * box has no heading above it and its title is the type's label.  1 yes,
 * 0 no, -1 out of memory. */
static int plain_admonition(const dm_box *b, const char *const *list)
{
	if (b->heading != NULL || !listed(list, b->type))
		return 0;
	return dmp_box_label_title(b);
}

/* The title as one line of text: the title's, else the type's label. */
static char *title_text(const dm_box *b)
{
	char *s = dm_stringify(b->title);

	if (s != NULL && s[0] == '\0') {
		free(s);
		s = strdup(b->label ? b->label : b->type);
	}
	return s;
}

/* `blocks` (stolen) between raw `open` and `close`, appended to `out`. */
static int wrap(json_t *out, const char *format, const char *open,
                json_t *blocks, const char *close)
{
	json_t *w = blocks ? dm_render_wrap_raw(blocks, format, open, close)
	                   : NULL;
	int rc = w == NULL || json_array_extend(out, w);

	json_decref(w);
	return rc ? -1 : 0;
}

/* ------------------------------------------------------------------------
 * reStructuredText
 * ------------------------------------------------------------------------ */

static const char *const rst_types[] = {
	"attention", "caution", "danger", "error", "hint", "important",
	"note", "tip", "warning", NULL};

/* The directive, a Para of raw rst (pandoc puts a comment between other
 * blocks and a quote, which would end the directive), then the body as a
 * block quote: its indented content.  An empty body (which the directive
 * refuses) leaves a rubric. */
static int rst_directive(const dm_box *b, json_t *out)
{
	char *title = title_text(b);
	json_t *body = dmp_box_body(b), *line = NULL;
	bool empty = json_array_size(body) == 0;
	dm_buf d = {0};
	int rc = -1;

	if (b->heading != NULL)
		dm_buf_printf(&d, ".. container:: callout callout-%s", b->type);
	else if (title != NULL) {
		dm_buf_puts(&d, empty ? ".. rubric:: " : ".. admonition:: ");
		dm_rst_escape(&d, title);
		dm_buf_printf(&d, "\n   :class: %s", b->type);
	}
	if (title != NULL && body != NULL && !dm_buf_failed(&d))
		line = dm_para(json_pack("[o]", dm_raw_inline("rst",
		                                              dm_buf_str(&d))));
	if (line != NULL && empty && b->heading != NULL)
		rc = 0; /* nothing to box: the heading above says it all */
	else if (line != NULL && dm_append(out, json_incref(line)) == 0)
		rc = empty ? 0 : dm_append(out, dm_blockquote(json_incref(body)));
	json_decref(line);
	json_decref(body);
	free(title);
	dm_buf_free(&d);
	return rc;
}

int dmp_box_rst_callout(const dm_box *b, json_t *out)
{
	int plain = plain_admonition(b, rst_types);

	if (plain < 0)
		return -1;
	if (plain && json_array_size(b->body) > 0)
		return dm_append(out, dm_div(json_pack("[s[s][]]", "", b->type),
		                             dmp_box_body(b)));
	return rst_directive(b, out);
}

/* ------------------------------------------------------------------------
 * AsciiDoc: raw for every type, so that nested blocks get delimiters of
 * their own (pandoc writes ==== at every depth)
 * ------------------------------------------------------------------------ */

static const char *const adoc_types[] = {"caution", "important", "note",
                                         "tip", "warning", NULL};

int dmp_box_asciidoc_callout(const dm_box *b, json_t *out)
{
	bool known = listed(adoc_types, b->type);
	int plain = plain_admonition(b, adoc_types);
	char *title = plain == 0 && b->heading == NULL ? title_text(b) : NULL;
	dm_buf open = {0}, close = {0};
	const char *p;
	unsigned i;
	int rc = -1;

	dm_buf_putc(&open, '[');
	for (p = known ? b->type : "note"; *p; p++)
		dm_buf_putc(&open, (char)(*p - 'a' + 'A'));
	if (!known)
		dm_buf_printf(&open, ",role=%s", b->type);
	dm_buf_puts(&open, "]\n");
	if (title != NULL) {
		dm_buf_putc(&open, '.');
		dm_asciidoc_escape(&open, title);
		dm_buf_putc(&open, '\n');
	}
	for (i = 0; i < 4 + b->depth; i++)
		dm_buf_putc(&close, '=');
	dm_buf_puts(&open, dm_buf_str(&close));
	/* pandoc writes a raw block without its line end */
	dm_buf_putc(&open, '\n');
	dm_buf_puts(&close, "\n\n");
	if (plain >= 0 && (title != NULL || plain || b->heading != NULL) &&
	    !dm_buf_failed(&open) && !dm_buf_failed(&close))
		rc = wrap(out, "asciidoc", dm_buf_str(&open), dmp_box_body(b),
		          dm_buf_str(&close));
	free(title);
	dm_buf_free(&open);
	dm_buf_free(&close);
	return rc;
}

/* ------------------------------------------------------------------------
 * DocBook (4 and 5: pandoc writes raw "docbook" into both)
 * ------------------------------------------------------------------------ */

static const char *const docbook_types[] = {"caution", "important", "note",
                                            "tip", "warning", NULL};

/* The body's blocks; an empty Para for none, as an admonition must hold a
 * block.  A new array, or NULL. */
static json_t *docbook_body(const dm_box *b)
{
	json_t *blocks = dmp_box_body(b);

	if (json_array_size(blocks) == 0 &&
	    dm_append(blocks, dm_para(json_array()))) {
		json_decref(blocks);
		return NULL;
	}
	return blocks;
}

/* A Div of the admonition `b->type`, its title in a title Div first when
 * it is not the label: pandoc writes <note><title>. */
static int docbook_div(const dm_box *b, bool titled, json_t *out)
{
	json_t *blocks = docbook_body(b), *head = NULL;

	if (titled)
		head = dm_div(json_pack("[s[s][]]", "", "title"),
		              json_pack("[o]", dm_plain(json_deep_copy(
		                                       b->title))));
	if (blocks == NULL || (titled && json_array_insert_new(blocks, 0,
	                                                       head))) {
		json_decref(blocks);
		return -1;
	}
	return dm_append(out, dm_div(json_pack("[s[s][]]", "", b->type),
	                             blocks));
}

/* DocBook's admonitions hold no admonition: inside one, a sidebar; inside
 * that, which holds no sidebar, a block quote (each may have a title). */
static const char *docbook_element(const dm_box *b)
{
	return b->depth == 0 ? "note" : b->depth == 1 ? "sidebar"
	                                                : "blockquote";
}

int dmp_box_docbook_callout(const dm_box *b, json_t *out)
{
	int plain = plain_admonition(b, docbook_types);
	const char *el = docbook_element(b);
	char *title = b->heading == NULL ? title_text(b) : NULL;
	dm_buf open = {0}, close = {0};
	int rc = -1;

	if (plain >= 0 && listed(docbook_types, b->type) &&
	    b->heading == NULL && b->depth == 0) {
		free(title);
		return docbook_div(b, !plain, out);
	}
	/* pandoc's docbook writer sets a Plain in a para: the title is raw */
	dm_buf_printf(&open, "<%s role=\"%s\">", el, b->type);
	if (title != NULL) {
		dm_buf_puts(&open, "<title>");
		dm_xml_escape(&open, title);
		dm_buf_puts(&open, "</title>");
	}
	dm_buf_printf(&close, "</%s>", el);
	if (plain >= 0 && (title != NULL || b->heading != NULL) &&
	    !dm_buf_failed(&open) && !dm_buf_failed(&close))
		rc = wrap(out, "docbook", dm_buf_str(&open), docbook_body(b),
		          dm_buf_str(&close));
	free(title);
	dm_buf_free(&open);
	dm_buf_free(&close);
	return rc;
}

/* ------------------------------------------------------------------------
 * Org: a special block, which Org's exporters render (an HTML div of the
 * block's class, a LaTeX environment); Org has no admonitions, so the
 * title is always shown, in bold
 * ------------------------------------------------------------------------ */

int dmp_box_org_callout(const dm_box *b, json_t *out)
{
	json_t *blocks = dmp_box_body(b);
	dm_buf open = {0}, close = {0};
	int rc;

	dm_buf_printf(&open, "#+begin_%s", b->type);
	dm_buf_printf(&close, "#+end_%s", b->type);
	rc = blocks == NULL || dm_buf_failed(&open) || dm_buf_failed(&close) ||
	     (b->heading == NULL &&
	      json_array_insert_new(blocks, 0, dm_para(json_pack(
	                                               "[o]", dm_strong(
	                                               json_deep_copy(
	                                                       b->title)))))) ||
	     wrap(out, "org", dm_buf_str(&open), json_incref(blocks),
	          dm_buf_str(&close));
	json_decref(blocks);
	dm_buf_free(&open);
	dm_buf_free(&close);
	return rc ? -1 : 0;
}

/* ------------------------------------------------------------------------
 * Jira: a panel in the type's colours
 * ------------------------------------------------------------------------ */

/* The box's id as an anchor of its own line: a panel must open one. */
static int jira_anchor(const dm_box *b, json_t *out)
{
	const char *id = dm_attr_id(b->attr);
	dm_buf a = {0};
	int rc;

	if (*id == '\0')
		return 0;
	dm_buf_puts(&a, "{anchor:");
	dm_jira_param_escape(&a, id);
	dm_buf_putc(&a, '}');
	rc = dm_buf_failed(&a) ||
	     dm_append(out, dm_raw_block("jira", dm_buf_str(&a)));
	dm_buf_free(&a);
	return rc ? -1 : 0;
}

/* Inside a panel, which Jira cannot nest: a quote, the title in bold;
 * inside that, which cannot nest either, the title and the body. */
static int jira_quote(const dm_box *b, json_t *out)
{
	int rc;

	json_t *blocks = dmp_box_body(b);

	if (blocks == NULL ||
	    (b->heading == NULL &&
	     json_array_insert_new(blocks, 0, dm_para(json_pack(
	                                              "[o]", dm_strong(
	                                              json_deep_copy(
	                                                      b->title))))))) {
		json_decref(blocks);
		return -1;
	}
	if (b->depth == 1)
		return dm_append(out, dm_blockquote(blocks));
	rc = json_array_extend(out, blocks);
	json_decref(blocks);
	return rc ? -1 : 0;
}

int dmp_box_jira_callout(const dm_box *b, json_t *out)
{
	char *title;
	char edge[7], tint[7];
	dm_buf open = {0};
	int rc = -1;

	if (b->depth > 0)
		return jira_quote(b, out);
	title = b->heading == NULL ? title_text(b) : NULL;
	dm_rgb_hex(b->colour, edge);
	dm_rgb_hex(dmp_box_tint(b->colour), tint);
	dm_buf_puts(&open, "{panel:");
	if (title != NULL) {
		dm_buf_puts(&open, "title=");
		dm_jira_param_escape(&open, title);
		dm_buf_printf(&open, "|titleBGColor=#%s|", tint);
	}
	dm_buf_printf(&open, "borderStyle=solid|borderColor=#%s}", edge);
	if ((title != NULL || b->heading != NULL) && !dm_buf_failed(&open) &&
	    jira_anchor(b, out) == 0)
		rc = wrap(out, "jira", dm_buf_str(&open), dmp_box_body(b),
		          "{panel}");
	free(title);
	dm_buf_free(&open);
	return rc;
}

/* ------------------------------------------------------------------------
 * MediaWiki: a div styled in place (a wiki's stylesheet is not ours)
 * ------------------------------------------------------------------------ */

static void mediawiki_open(const dm_box *b, dm_buf *o)
{
	const char *id = dm_attr_id(b->attr);
	char edge[7], tint[7];

	dm_rgb_hex(b->colour, edge);
	dm_rgb_hex(dmp_box_tint(b->colour), tint);
	dm_buf_puts(o, "<div");
	if (*id) {
		dm_buf_puts(o, " id=\"");
		dm_html_escape(o, id);
		dm_buf_putc(o, '"');
	}
	dm_buf_printf(o, " class=\"callout callout-%s\" style=\"margin:1em 0;"
	                 "padding:0.5em 1em;", b->type);
	if (b->look != DM_BOX_LOOK_MINIMAL)
		dm_buf_printf(o, "border:1px solid #%s;", edge);
	dm_buf_printf(o, "border-left:%dpx solid #%s",
	              b->look == DM_BOX_LOOK_MINIMAL ? 2 : 4, edge);
	if (b->look == DM_BOX_LOOK_DEFAULT)
		dm_buf_printf(o, ";background:#%s", tint);
	dm_buf_puts(o, "\">");
}

int dmp_box_mediawiki_callout(const dm_box *b, json_t *out)
{
	json_t *blocks = dmp_box_body(b);
	dm_buf open = {0}, head = {0};
	char h[7];
	int rc;

	dm_rgb_hex(dmp_box_title_colour(b->colour,
	                                b->look == DM_BOX_LOOK_DEFAULT), h);
	mediawiki_open(b, &open);
	dm_buf_printf(&head, "<div class=\"callout-title\" style=\""
	                     "font-weight:bold;color:#%s\">", h);
	rc = blocks == NULL || dm_buf_failed(&open) || dm_buf_failed(&head) ||
	     (b->heading == NULL &&
	      json_array_insert_new(blocks, 0, dmp_box_title_line(
	                                               "mediawiki",
	                                               dm_buf_str(&head),
	                                               b->title, "</div>",
	                                               false))) ||
	     wrap(out, "mediawiki", dm_buf_str(&open), json_incref(blocks),
	          "</div>");
	json_decref(blocks);
	dm_buf_free(&open);
	dm_buf_free(&head);
	return rc ? -1 : 0;
}

/* ------------------------------------------------------------------------
 * Footers
 * ------------------------------------------------------------------------ */

void dmp_box_docbook_footer_marks(const char *type, dm_buf *open,
                                  dm_buf *close)
{
	dm_buf_printf(open, "<sidebar role=\"%s\">", type);
	dm_buf_puts(close, "</sidebar>");
}

void dmp_box_mediawiki_footer_marks(const char *type, dm_buf *open,
                                    dm_buf *close)
{
	dm_buf_printf(open, "<div class=\"%s\"", type);
	dm_buf_puts(close, "</div>");
}

/* The footer between its marks, `more` (or NULL) after the opening's
 * start. */
static int footer(const dm_box *b, const char *format,
                  void (*marks)(const char *, dm_buf *, dm_buf *),
                  const char *more, json_t *out)
{
	dm_buf open = {0}, close = {0};
	int rc = -1;

	marks(b->type, &open, &close);
	if (more != NULL)
		dm_buf_puts(&open, more);
	if (!dm_buf_failed(&open) && !dm_buf_failed(&close))
		rc = wrap(out, format, dm_buf_str(&open), dmp_box_body(b),
		          dm_buf_str(&close));
	dm_buf_free(&open);
	dm_buf_free(&close);
	return rc;
}

int dmp_box_docbook_footer(const dm_box *b, json_t *out)
{
	return footer(b, "docbook", dmp_box_docbook_footer_marks, NULL, out);
}

int dmp_box_mediawiki_footer(const dm_box *b, json_t *out)
{
	return footer(b, "mediawiki", dmp_box_mediawiki_footer_marks,
	              " style=\"margin-top:2em;padding-top:0.5em;"
	              "border-top:1px solid #a2a9b1;font-size:90%\">", out);
}
