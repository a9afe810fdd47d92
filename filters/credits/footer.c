/*
 * footer.c - the credit footer: the credits in order, each once, as the
 * footer's semantic content (the title in bold, a bullet list of the
 * credits, the footer lines), drawn for the output format by the box
 * table (src/box.h, role DM_BOX_FOOTER), and found again there, by the
 * marks box.h gives for each family, so that a second run changes
 * nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "credits.h"
#include "render.h"
#include "words.h"

/* The footer's custom style in docx and odt. */
#define CR_STYLE "DM Credits"

/* What the html stylesheet adds for the credits themselves: a credit in a
 * figure's caption (figure-credits) on a line of its own. */
static const char caption_css[] =
	"figcaption .dm-credit{display:block;font-size:.85em}\n";

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
static json_t *credit_list_block(const dmf_credits *cr)
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
		if (dm_append(items, item) != 0) {
			json_decref(items);
			return NULL;
		}
	}
	return items ? dm_bullet_list(items) : NULL;
}

/* The footer's semantic content: the title in bold, the list of credits,
 * the footer lines.  Returns a new array, or NULL. */
static json_t *content(const dmf_credits *cr)
{
	json_t *body = json_array();
	size_t i;

	if (body == NULL)
		return NULL;
	if ((json_array_size(cr->title) > 0 &&
	     dm_append(body, dm_para(json_pack("[o]", dm_strong(json_deep_copy(
	                                                 cr->title)))))) ||
	    dm_append(body, credit_list_block(cr)) != 0)
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

/* The footer for `family`, right to left when the document reads so: a
 * new array of blocks, or NULL. */
static json_t *render(const dmf_credits *cr, dm_family family, bool rtl)
{
	dm_box b = {.role = DM_BOX_FOOTER, .type = CR_CLASS,
	            .style = CR_STYLE, .title = cr->title, .rtl = rtl};
	json_t *out = json_array();
	dm_error err = {0};

	if (out == NULL || (b.body = content(cr)) == NULL ||
	    dm_box_render(&b, family, out, &err) != 0) {
		json_decref(out);
		out = NULL;
	}
	json_decref(b.body);
	return out;
}

int cr_footer_build(dm_ctx *ctx, dmf_credits *cr)
{
	qsort(cr->list.v, cr->list.n, sizeof *cr->list.v, by_rank);
	if (dedupe(cr, ctx->err) != 0)
		return -1;
	if ((cr->out = render(cr, ctx->family, dm_box_rtl(ctx->doc))) == NULL)
		return dm_nomem(ctx->err);
	return 0;
}

int cr_footer_style(dm_ctx *ctx, const dmf_credits *cr)
{
	if (!cr->stylesheet)
		return 0;
	return dm_box_footer_header(ctx->doc, ctx->family, CR_CLASS, CR_STYLE,
	                            caption_css, cr->sheet_in_body,
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

/* Every raw wrapping `m` marks in `list` that holds a list becomes a
 * Div.  0, or -1 when out of memory. */
static int unwrap_raw(json_t *list, const dm_box_marks *m)
{
	size_t i = 0, end;
	long s;

	while ((s = dm_render_find_raw(list, i, m->format, m->open, m->close,
	                               &end)) >= 0) {
		i = (size_t)s + 1;
		if (has_list(list, i, end - 1) &&
		    !dm_render_gather(list, (size_t)s, end, true, CR_CLASS))
			return -1;
	}
	return 0;
}

/* The marks of a footer drawn in raw blocks, for every family (the
 * document may have been filtered for another format before), made once
 * per run into cr->marks: a list of blocks holding a raw block is
 * common, and making them renders a footer.  0, or -1. */
static int raw_marks(dmf_credits *cr)
{
	dm_box_marks m;
	int f;

	if (cr->marks != NULL)
		return 0;
	if ((cr->marks = calloc(DM_FMT_OTHER + 1, sizeof m)) == NULL)
		return -1;
	for (f = 0; f <= DM_FMT_OTHER; f++) {
		if (dm_box_footer_marks((dm_family)f, CR_CLASS, &m) != 0) {
			dm_box_marks_free(&m);
			return -1;
		}
		if (m.kind == DM_BOX_MARK_RAW)
			cr->marks[cr->nmarks++] = m;
		else
			dm_box_marks_free(&m);
	}
	return 0;
}

void cr_footer_marks_free(dmf_credits *cr)
{
	size_t i;

	for (i = 0; i < cr->nmarks; i++)
		dm_box_marks_free(&cr->marks[i]);
	free(cr->marks);
	cr->marks = NULL;
	cr->nmarks = 0;
}

/* Whether `b` is the raw block a footer drawn in raw blocks opens with,
 * in any family (cr->marks made): the lists that hold one are searched;
 * the many that hold other raw blocks (a document read from HTML or
 * LaTeX) are not. */
static bool opens_footer(const dmf_credits *cr, const json_t *b)
{
	size_t i;

	for (i = 0; i < cr->nmarks; i++)
		if (dm_render_is_raw(b, cr->marks[i].format, cr->marks[i].open))
			return true;
	return false;
}

/* Every footer drawn in raw blocks, for any family.  0, or -1. */
static int unwrap_raw_all(dmf_credits *cr, json_t *list)
{
	size_t i;

	if (raw_marks(cr) != 0)
		return -1;
	for (i = 0; i < cr->nmarks; i++)
		if (unwrap_raw(list, &cr->marks[i]) != 0)
			return -1;
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

int cr_footer_recognise(dm_ctx *ctx, dmf_credits *cr, json_t *list)
{
	dm_box_marks m = {0};
	bool raw = false, rule = false;
	size_t i;
	int rc = 0;

	for (i = 0; i < json_array_size(list); i++) { /* the common case */
		const json_t *b = json_array_get(list, i);
		switch (dm_type_of(b)) {
		case DM_T_RAW_BLOCK:
			if (!raw && raw_marks(cr) != 0)
				return dm_nomem(ctx->err);
			raw = raw || opens_footer(cr, b);
			break;
		case DM_T_HORIZONTAL_RULE:
			rule = true;
			break;
		default:
			break;
		}
	}
	if (raw && unwrap_raw_all(cr, list) != 0)
		return dm_nomem(ctx->err);
	if (rule && (dm_box_footer_marks(ctx->family, CR_CLASS, &m) != 0 ||
	             (m.kind == DM_BOX_MARK_RULE &&
	              unwrap_plain(cr, list) != 0)))
		rc = dm_nomem(ctx->err);
	dm_box_marks_free(&m);
	return rc;
}
