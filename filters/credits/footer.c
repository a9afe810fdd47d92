/*
 * footer.c - the credit footer: the credits in order, each once, as the
 * footer's semantic content (the title in bold, a bullet list of the
 * credits, the footer lines), rendered for the output format.
 *
 * Everything that depends on the format family is here, in one table with
 * a row per family: how the footer is drawn (wrapped in raw code, a Div
 * with a custom style, a plain Div, the footer box of src/box.h, or plain
 * blocks under a rule), and, as
 * each rendering must be recognised again so that a second run changes
 * nothing, how it is found in a list of blocks and made a Div again.
 */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "credits.h"
#include "render.h"
#include "words.h"

/* How a family draws the footer. */
enum form {
	FORM_RAW,  /* between raw blocks: an HTML footer, a LaTeX group, ... */
	FORM_DIV,  /* the semantic Div, with a custom style */
	FORM_BOX,  /* the footer box (dm_box_render): docx small print under
	              a rule, odt the style below, EPUB styled in place */
	FORM_PLAIN /* plain blocks under a horizontal rule */
};

static const char stylesheet[] =
	"<style>\n"
	".dm-credits{margin:3em 0 1em;padding-top:.75em;"
	"border-top:1px solid rgba(128,128,128,.45);font-size:.85em;"
	"line-height:1.45}\n"
	".dm-credits p,.dm-credits ul{margin:.35em 0}\n"
	".dm-credits ul{padding-left:0;list-style:none}\n"
	".dm-credits a{color:inherit}\n"
	"figcaption .dm-credit{display:block;font-size:.85em}\n"
	"@media print{.dm-credits{border-top-color:#888}}\n"
	"</style>";

/* The odt footer's paragraph style, small, for the document to define
 * (pandoc's opendocument template puts header-includes before the body,
 * where LibreOffice reads it). */
static const char odt_style[] =
	"<office:styles>\n<style:style style:name=\"DM_20_Credits\" "
	"style:display-name=\"DM Credits\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Text_20_body\">"
	"<style:paragraph-properties fo:margin-top=\"0.02in\" "
	"fo:margin-bottom=\"0.02in\"/><style:text-properties "
	"fo:font-size=\"9pt\" style:font-size-asian=\"9pt\" "
	"style:font-size-complex=\"9pt\"/></style:style>\n"
	"</office:styles>";

/* One row per format family: how it renders the footer, and so how the
 * footer is recognised.  An HTML opening goes on with the footer's role
 * and label (html_open()); it is recognised by the text given here. */
static const struct rendering {
	dm_family family;
	enum form form;
	const char *format; /* FORM_RAW: the format of the raw blocks */
	const char *open;   /*   the opening (its start, for HTML) */
	const char *close;  /*   the closing (a FORM_BOX drawn with raw
	                       blocks: how they are found again) */
	const char *style;  /* FORM_DIV, FORM_BOX: the custom style, or NULL */
	bool paras;         /* each credit a Para, not a Plain: a custom
	                       style is lost on a tight list's Plain */
	const char *header; /* raw text for header-includes, in `format`,
	                       unless the option stylesheet is false */
} renderings[] = {
	{DM_FMT_HTML, FORM_RAW, "html", "<footer class=\"dm-credits\"",
	 "</footer>", NULL, false, stylesheet},
	{DM_FMT_LATEX, FORM_RAW, "latex",
	 DM_LATEX_KEEP_WITH_NEXT "\\medskip\n"
	 "\\begingroup\\footnotesize % dm-credits",
	 "\\par\\endgroup % dm-credits", NULL, false, NULL},
	{DM_FMT_TYPST, FORM_RAW, "typst",
	 "#block(above: 2em)[\n#set text(size: 0.85em)", "] // dm-credits",
	 NULL, false, NULL},
	{DM_FMT_DOCX, FORM_BOX, NULL, NULL, NULL, "DM Credits", false, NULL},
	{DM_FMT_ODT, FORM_BOX, "opendocument", NULL, NULL, "DM Credits", false,
	 odt_style},
	/* EPUB: the opening is how the footer is found again */
	{DM_FMT_EPUB, FORM_BOX, "html", "<footer class=\"dm-credits\"",
	 "</footer>", NULL, false, NULL},
	{DM_FMT_EPUB2, FORM_BOX, "html", "<div class=\"dm-credits\" style=",
	 "</div>", NULL, false, NULL},
	{DM_FMT_MARKDOWN, FORM_DIV, NULL, NULL, NULL, NULL, false, NULL},
	{DM_FMT_JSON, FORM_DIV, NULL, NULL, NULL, NULL, false, NULL},
	{DM_FMT_CONTEXT, FORM_PLAIN, NULL, NULL, NULL, NULL, false, NULL},
	{DM_FMT_GFM, FORM_PLAIN, NULL, NULL, NULL, NULL, false, NULL},
	{DM_FMT_OTHER, FORM_PLAIN, NULL, NULL, NULL, NULL, false, NULL},
};
#define NRENDERINGS (sizeof renderings / sizeof *renderings)

/* The row of `family`; the last (plain blocks) for one not listed. */
static const struct rendering *rendering_of(dm_family family)
{
	size_t i;

	for (i = 0; i + 1 < NRENDERINGS; i++)
		if (renderings[i].family == family)
			break;
	return &renderings[i];
}

/* ------------------------------------------------------------------------
 * Order and duplicates
 * ------------------------------------------------------------------------ */

static int by_rank(const void *a, const void *b)
{
	const credit *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* `kind` then `a`, and `b` after a unit separator when not NULL, folded:
 * a new string, or NULL when out of memory. */
static char *key_of(const char *kind, const char *a, const char *b)
{
	dm_buf buf = {0};
	char *key;

	dm_buf_puts(&buf, kind);
	dm_buf_puts(&buf, a);
	if (b != NULL) {
		dm_buf_putc(&buf, '\x1f');
		dm_buf_puts(&buf, b);
	}
	key = dm_buf_failed(&buf) ? NULL : dm_text_fold(dm_buf_str(&buf));
	dm_buf_free(&buf);
	return key;
}

/* The keys a credit is known by: "n:NAME|SOURCE" (same person and source,
 * same credit; *k1 NULL when it names neither) and "t:TEXT" (its words as
 * written).  0, or -1 when out of memory. */
static int credit_keys(const dmf_credits *cr, const credit *c, char **k1,
                       char **k2)
{
	json_t *w = c->blocks ? NULL : cr_write(cr, c, false);
	char *name = NULL, *src = NULL, *text = NULL;
	bool named = c->name || c->source;
	int rc = -1;

	*k1 = *k2 = NULL;
	if ((c->blocks || w) &&
	    (!c->name || (name = dm_stringify(c->name)) != NULL) &&
	    (!c->source || (src = dm_stringify(c->source)) != NULL) &&
	    (text = dm_stringify(c->blocks ? c->blocks : w)) != NULL &&
	    (!named || (*k1 = key_of("n:", name ? name : "",
	                             src ? src : "")) != NULL) &&
	    (*k2 = key_of("t:", text, NULL)) != NULL)
		rc = 0;
	if (rc) {
		free(*k1);
		*k1 = NULL;
	}
	json_decref(w);
	free(name);
	free(src);
	free(text);
	return rc;
}

/* Fills what `into` lacks from its duplicate `from`. */
static void merge(credit *into, credit *from)
{
	char **s[] = {&into->url, &into->source_url, &into->license_url};
	char **f[] = {&from->url, &from->source_url, &from->license_url};
	size_t i;

	if (into->raw || into->blocks || from->raw || from->blocks)
		return;
	for (i = 0; i < 3; i++)
		if (*s[i] == NULL && *f[i] != NULL) {
			*s[i] = *f[i];
			*f[i] = NULL;
		}
	if (into->license == NULL && from->license != NULL) {
		into->license = from->license;
		from->license = NULL;
	}
}

/* Marks duplicates (rank -1), merging what they add into the first.
 * 0, or -1 with `err` set. */
static int dedupe(dmf_credits *cr, dm_error *err)
{
	json_t *seen = json_object(), *a, *b;
	credit *l = cr->list.v;
	size_t i;
	int rc = 0;

	for (i = 0; seen != NULL && rc == 0 && i < cr->list.n; i++) {
		char *k1, *k2;
		if (credit_keys(cr, &l[i], &k1, &k2) != 0) {
			rc = -1;
			break;
		}
		a = k1 ? json_object_get(seen, k1) : NULL;
		b = json_object_get(seen, k2);
		if (a || b) {
			merge(&l[json_integer_value(a ? a : b)], &l[i]);
			l[i].rank = -1;
		} else if ((k1 && json_object_set_new(seen, k1,
		                                      json_integer((long)i))) ||
		           json_object_set_new(seen, k2,
		                               json_integer((long)i))) {
			rc = -1;
		}
		free(k1);
		free(k2);
	}
	if (seen == NULL || rc != 0)
		rc = dm_nomem(err);
	json_decref(seen);
	return rc;
}

/* ------------------------------------------------------------------------
 * Content and rendering
 * ------------------------------------------------------------------------ */

/* The bullet list of the credits, each once: a new Block, or NULL. */
static json_t *credit_list_block(const dmf_credits *cr, bool paras)
{
	json_t *items = json_array(), *item;
	size_t i;

	for (i = 0; items != NULL && i < cr->list.n; i++) {
		const credit *c = &cr->list.v[i];
		if (c->rank < 0)
			continue; /* a duplicate */
		item = c->blocks ? json_deep_copy(c->blocks)
		                 : json_pack("[o]", dm_plain(cr_write(
		                                            cr, c, false)));
		if (item && paras &&
		    dm_type_of(json_array_get(item, 0)) == DM_T_PLAIN &&
		    json_object_set_new(json_array_get(item, 0), "t",
		                        json_string("Para")) != 0) {
			json_decref(item);
			item = NULL;
		}
		if (dm_append(items, item) != 0) {
			json_decref(items);
			return NULL;
		}
	}
	return items ? dm_bullet_list(items) : NULL;
}

/* The footer's semantic content: the title in bold, the list of credits,
 * the footer lines.  Returns a new array, or NULL. */
static json_t *content(const dmf_credits *cr, bool paras)
{
	json_t *body = json_array();
	size_t i;

	if (body == NULL)
		return NULL;
	if ((json_array_size(cr->title) > 0 &&
	     dm_append(body, dm_para(json_pack("[o]", dm_strong(json_deep_copy(
	                                                 cr->title)))))) ||
	    dm_append(body, credit_list_block(cr, paras)) != 0)
		goto fail;
	for (i = 0; i < json_array_size(cr->footer); i++)
		if (dm_append(body, json_deep_copy(json_array_get(cr->footer,
		                                                  i))) != 0)
			goto fail;
	return body;
fail:
	json_decref(body);
	return NULL;
}

/* The opening of the HTML footer: a group, so that a footer outside any
 * article or section is not taken for the page's contentinfo.  A new
 * string, or NULL when out of memory. */
static char *html_open(const dmf_credits *cr, const char *start)
{
	char *label = dm_stringify(cr->title);
	dm_buf b = {0};

	if (label == NULL)
		return NULL;
	dm_buf_puts(&b, start);
	dm_buf_puts(&b, " role=\"group\"");
	if (label[0]) {
		dm_buf_puts(&b, " aria-label=\"");
		dm_html_escape(&b, label);
		dm_buf_putc(&b, '"');
	}
	dm_buf_putc(&b, '>');
	free(label);
	return dm_buf_take(&b); /* NULL when an add failed */
}

/* `body` (stolen) between the raw opening and closing of row `r`. */
static json_t *wrap(const dmf_credits *cr, const struct rendering *r,
                    json_t *body)
{
	char *open = NULL;

	if (r->family == DM_FMT_HTML &&
	    (open = html_open(cr, r->open)) == NULL) {
		json_decref(body);
		return NULL;
	}
	body = dm_render_wrap_raw(body, r->format, open ? open : r->open,
	                          r->close);
	free(open);
	return body;
}

/* The footer box of `body` (stolen) for `family`: a new array of blocks,
 * or NULL. */
static json_t *box(const dmf_credits *cr, const struct rendering *r,
                   dm_family family, json_t *body)
{
	dm_box b = {.role = DM_BOX_FOOTER, .type = CR_CLASS,
	            .style = r->style, .title = cr->title, .body = body};
	json_t *out = json_array();
	dm_error err = {0};

	if (out != NULL && dm_box_render(&b, family, out, &err) != 0) {
		json_decref(out);
		out = NULL;
	}
	json_decref(body);
	return out;
}

/* The footer for `family`: a new array of blocks, or NULL. */
static json_t *render(const dmf_credits *cr, dm_family family)
{
	const struct rendering *r = rendering_of(family);
	json_t *body = content(cr, r->paras);

	if (body == NULL)
		return NULL;
	switch (r->form) {
	case FORM_RAW:
		return wrap(cr, r, body);
	case FORM_DIV:
		return json_pack("[o]", dm_render_styled_div(CR_CLASS, r->style,
		                                             body));
	case FORM_BOX:
		return box(cr, r, family, body);
	case FORM_PLAIN:
	default:
		if (json_array_insert_new(body, 0, dm_horizontal_rule())) {
			json_decref(body);
			return NULL;
		}
		return body;
	}
}

int cr_footer_build(dm_ctx *ctx, dmf_credits *cr)
{
	qsort(cr->list.v, cr->list.n, sizeof *cr->list.v, by_rank);
	if (dedupe(cr, ctx->err) != 0)
		return -1;
	if ((cr->out = render(cr, ctx->family)) == NULL)
		return dm_nomem(ctx->err);
	return 0;
}

int cr_footer_style(dm_ctx *ctx, const dmf_credits *cr)
{
	const struct rendering *r = rendering_of(ctx->family);

	if (r->header == NULL || !cr->stylesheet)
		return 0;
	return dm_meta_add_header_include(ctx->doc, r->format, r->header,
	                                  ctx->err);
}

/* ------------------------------------------------------------------------
 * Recognising a rendered footer
 * ------------------------------------------------------------------------ */

static bool has_list(const json_t *list, size_t a, size_t b)
{
	for (; a <= b && a < json_array_size(list); a++)
		if (dm_type_of(json_array_get(list, a)) == DM_T_BULLET_LIST)
			return true;
	return false;
}

/* Whether `b` is a Para holding only the title in bold. */
static dm_text_match is_title(const dmf_credits *cr, const json_t *b)
{
	const json_t *in = dm_content(b);
	dm_text_match m;
	char *want;

	if (dm_type_of(b) != DM_T_PARA || json_array_size(in) != 1 ||
	    dm_type_of(json_array_get(in, 0)) != DM_T_STRONG)
		return DM_TEXT_DIFFERS;
	if ((want = dm_stringify(cr->title)) == NULL)
		return DM_TEXT_NOMEM;
	m = dm_text_is(in, want);
	free(want);
	return m;
}

/* Every raw wrapping of row `r` in `list` that holds a list becomes a
 * Div.  0, or -1 when out of memory. */
static int unwrap_raw(json_t *list, const struct rendering *r)
{
	size_t i = 0, end;
	long s;

	while ((s = dm_render_find_raw(list, i, r->format, r->open, r->close,
	                               &end)) >= 0) {
		i = (size_t)s + 1;
		if (has_list(list, i, end - 1) &&
		    !dm_render_gather(list, (size_t)s, end, true, CR_CLASS))
			return -1;
	}
	return 0;
}

/* A rule, the bold title (when there is one), the list and the footer
 * lines become a Div.  0, or -1 when out of memory. */
static int unwrap_plain(const dmf_credits *cr, json_t *list)
{
	dm_text_match m;
	size_t i, j, k;
	json_t *div;

	for (i = 0; i + 1 < json_array_size(list); i++) {
		if (dm_type_of(json_array_get(list, i)) != DM_T_HORIZONTAL_RULE)
			continue;
		j = i + 1;
		if (json_array_size(cr->title) > 0 &&
		    (m = is_title(cr, json_array_get(list, j++))) !=
		            DM_TEXT_MATCHES) {
			if (m == DM_TEXT_NOMEM)
				return -1;
			continue;
		}
		if (dm_type_of(json_array_get(list, j)) != DM_T_BULLET_LIST)
			continue;
		for (k = 0; k < json_array_size(cr->footer) &&
		            json_equal(json_array_get(list, j + 1 + k),
		                       json_array_get(cr->footer, k));
		     k++)
			;
		if ((div = dm_render_gather(list, i, j + k, false,
		                            CR_CLASS)) == NULL)
			return -1;
		json_array_remove(dm_node_blocks(div), 0); /* the rule */
	}
	return 0;
}

int cr_footer_recognise(dm_ctx *ctx, const dmf_credits *cr, json_t *list)
{
	bool raw = false, rule = false;
	size_t i;

	for (i = 0; i < json_array_size(list); i++) { /* the common case */
		switch (dm_type_of(json_array_get(list, i))) {
		case DM_T_RAW_BLOCK:
			raw = true;
			break;
		case DM_T_HORIZONTAL_RULE:
			rule = true;
			break;
		default:
			break;
		}
	}
	/* Raw wrappings in any format: the document may have been filtered
	 * for another before. */
	for (i = 0; raw && i < NRENDERINGS; i++)
		if (renderings[i].open != NULL &&
		    unwrap_raw(list, &renderings[i]) != 0)
			return dm_nomem(ctx->err);
	if (rule && rendering_of(ctx->family)->form == FORM_PLAIN &&
	    unwrap_plain(cr, list) != 0)
		return dm_nomem(ctx->err);
	return 0;
}
