/*
 * triad.c - dm-check's triad: the statements seen (in labelled lists, in
 * runs of labelled paragraphs, in callouts, in the metadata), and at the
 * end one finding for what is missing, naming the list or paragraphs that
 * look like the triad but are not read as it, with the spelling they
 * may have meant ("Noize (did you mean Noise?)").
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static int triad_index(const dmc_state *st, const char *type)
{
	const char *t;
	int i;

	for (i = 0; i < 8 && (t = dmf_callouts_triad(st->callouts,
	                                             (size_t)i)); i++)
		if (strcmp(t, type) == 0)
			return i;
	return -1;
}

void dmc_triad_seen(dmc_state *st, const char *type, json_t *where)
{
	int i = type ? triad_index(st, type) : -1;

	if (i >= 0) {
		st->triad[i]++;
		if (st->first_triad == NULL && where != NULL) {
			st->first_triad = where;
			return;
		}
	}
	json_decref(where);
}

/* Whether a label is worth naming: it names a triad type or nearly. */
static bool labelish(const dmf_label *l)
{
	return l->type != NULL || l->near != NULL;
}

/* Remembers the first list or paragraphs not read as the triad: where
 * (stolen), and what they read ("Tension, Noize (did you mean Noise?)"). */
static int candidate(dm_ctx *ctx, json_t *where, const char *what,
                     const dmf_label *l, size_t n, const char *after)
{
	dmc_state *st = ctx->state;
	dm_buf b = {0};
	size_t i;

	if (st->candidate != NULL) {
		json_decref(where);
		return 0;
	}
	dm_buf_printf(&b, "%s ", what);
	for (i = 0; i < n; i++) {
		dm_buf_printf(&b, "%s%s", i ? ", " : "",
		              l[i].written[0] ? l[i].written : "(no label)");
		if (l[i].near)
			dm_buf_printf(&b, " (did you mean %s?)", l[i].near);
	}
	dm_buf_puts(&b, after);
	st->candidate = where;
	if (where == NULL || dm_buf_failed(&b)) {
		dm_buf_free(&b);
		return dm_nomem(ctx->err);
	}
	st->candidate_text = dm_buf_take(&b);
	return 0;
}

/* A statement of the triad: seen, and an error when it says nothing. */
static int statement(dm_ctx *ctx, json_t *where, const dmf_label *l,
                     const char *what, size_t i)
{
	dmc_state *st = ctx->state;

	dmc_triad_seen(st, l->type, json_incref(where));
	if (!l->empty)
		return 0;
	return dmc_report(ctx, json_incref(where), DMC_CALLOUT_EMPTY,
	                  "the %s statement (%s %zu) says nothing", l->type,
	                  what, i + 1);
}

/* Whether two labels or more name no type, nor nearly: a triad written
 * in another language ("Tensión, Ruido, Mensaje directo"). */
static bool foreign(const dmf_label *l, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += l[i].written[0] && !labelish(&l[i]);
	return k >= 2;
}

int dmc_triad_list(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	dmc_state *st = ctx->state;
	dmf_label l[16];
	size_t i, n = dmf_callouts_list(st->callouts, node, l, 16);
	size_t typed = 0, near = 0;
	json_t *where;
	int rc = 0;

	for (i = 0; i < n && i < 16; i++)
		typed += l[i].type != NULL, near += labelish(&l[i]);
	if (near == 0)
		return 0;
	if ((where = dmc_here(st, w, node)) == NULL)
		return dm_nomem(ctx->err);
	if (typed < n && dm_type_of(node) == DM_T_DEFINITION_LIST)
		return candidate(ctx, where, "the definition list here is not "
		                 "read as the triad: its terms are",
		                 l, n < 16 ? n : 16, "");
	if (typed < n)
		return candidate(ctx, where, "the bullet list here is not "
		                 "read as the triad: its items open with",
		                 l, n < 16 ? n : 16,
		                 foreign(l, n < 16 ? n : 16)
		                         ? " (labels of another language? "
		                           "name them in dm-callouts.labels, "
		                           "see dm-callouts --help)"
		                         : "");
	for (i = 0; rc == 0 && i < n && i < 16; i++)
		if ((rc = statement(ctx, where, &l[i], "item", i)) == 0)
			rc = dmc_run_on(ctx, w, node, i, l[i].type);
	json_decref(where);
	return rc;
}

/* The heading `h` of the k-th statement, seen where the walk will see
 * it: in its own section, its block 0.  0 or -1. */
static int heading_statement(dm_ctx *ctx, const dm_walk *w, const json_t *h,
                             const dmf_label *l, size_t k)
{
	dmc_state *st = ctx->state;
	char *section = st->section;
	size_t block = st->block;
	json_t *where;
	int rc;

	st->section = dm_stringify(dm_node_inlines(h));
	st->block = 0;
	where = st->section ? dmc_here(st, w, h) : NULL;
	free(st->section);
	st->section = section;
	st->block = block;
	if (where == NULL)
		return dm_nomem(ctx->err);
	rc = statement(ctx, where, l, "heading", k);
	json_decref(where);
	return rc;
}

int dmc_triad_headings(dm_ctx *ctx, const dm_walk *w, const json_t *list)
{
	dmc_state *st = ctx->state;
	dmf_label l[8];
	size_t i, k, n, heads[8];
	int rc = 0;

	for (i = 0; rc == 0 && i < json_array_size(list); i++) {
		if (dm_type_of(json_array_get(list, i)) != DM_T_HEADER ||
		    (n = dmf_callouts_headings(ctx, st->callouts, list, i, l,
		                               heads)) == 0)
			continue;
		for (k = 0; rc == 0 && k < n; k++)
			rc = heading_statement(ctx, w, json_array_get(list,
			                                              heads[k]),
			                       &l[k], k);
	}
	return rc;
}

/* True when the run's paragraphs from k on make the triad: each names a
 * different type (as dm-callouts reads them). */
static bool whole(const dmc_state *st, size_t k, size_t size)
{
	size_t i, j;

	if (size == 0 || k + size > st->nrun)
		return false;
	for (i = k; i < k + size; i++) {
		if (st->run[i].type == NULL)
			return false;
		for (j = k; j < i; j++)
			if (strcmp(st->run[j].type, st->run[i].type) == 0)
				return false;
	}
	return true;
}

/* The run of labelled paragraphs ends: its triads are seen, the rest is
 * a candidate. */
static int end_run(dm_ctx *ctx)
{
	dmc_state *st = ctx->state;
	size_t k = 0, i, size = dmf_callouts_triad_size(st->callouts);
	bool left = false;
	int rc = 0;

	while (rc == 0 && k < st->nrun) {
		if (!whole(st, k, size)) {
			left = true, k++;
			continue;
		}
		for (i = k; rc == 0 && i < k + size; i++)
			rc = statement(ctx, st->run_where, &st->run[i],
			               "paragraph", i);
		k += size;
	}
	if (rc == 0 && left && st->nlines > 1)
		rc = candidate(ctx, json_incref(st->run_where),
		               "the paragraph here is not read as the triad: "
		               "its lines open with",
		               st->lines, st->nlines,
		               ", but make one paragraph (text with one "
		               "paragraph per line? read it "
		               "with dm-from-md --lines, or leave a blank line "
		               "after each statement)");
	else if (rc == 0 && left)
		rc = candidate(ctx, json_incref(st->run_where),
		               "the paragraphs here are not read as the "
		               "triad (one paragraph a statement, all "
		               "consecutive): they open with",
		               st->run, st->nrun, "");
	json_decref(st->run_where);
	st->run_where = NULL;
	st->nrun = 0;
	return rc;
}

/* The lines of paragraph `para` (its inlines between SoftBreaks and
 * LineBreaks) that open with a label, from the first on, into st->lines:
 * how many, or -1 when out of memory. */
static int labelled_lines(dmc_state *st, const json_t *para)
{
	const json_t *in = dm_content(para);
	size_t i = 0, n = json_array_size(in);
	json_t *line;

	for (st->nlines = 0; st->nlines < 8 && i < n; i++) {
		dmf_label *l = &st->lines[st->nlines];
		if ((line = dm_para(json_array())) == NULL)
			return -1;
		for (; i < n; i++) {
			json_t *x = json_array_get(in, i);
			if (dm_type_of(x) == DM_T_SOFT_BREAK ||
			    dm_type_of(x) == DM_T_LINE_BREAK)
				break;
			if (json_array_append(dm_content(line), x) != 0) {
				json_decref(line);
				return -1;
			}
		}
		dmf_callouts_para(st->callouts, line, l);
		json_decref(line);
		if (!labelish(l))
			break;
		st->nlines++;
	}
	return (int)st->nlines;
}

int dmc_triad_block(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	dmc_state *st = ctx->state;
	const json_t *parent = dm_walk_ancestor(w, 0);
	size_t depth = dm_walk_depth(w);
	dmf_label l;

	/* +sourcepos wraps each block in a Div: siblings are seen through
	 * it, and it is no block of its own */
	if (dm_sourcepos_wrapper(node))
		return 0;
	if (dm_sourcepos_wrapper(parent) && depth > 0)
		parent = dm_walk_ancestor(w, 1), depth--;
	memset(&l, 0, sizeof l);
	if (dm_type_of(node) == DM_T_PARA &&
	    dm_type_of(parent) != DM_T_BULLET_LIST &&
	    dm_type_of(parent) != DM_T_ORDERED_LIST)
		dmf_callouts_para(st->callouts, node, &l);
	if (st->nrun > 0 &&
	    (depth < st->run_depth ||
	     (depth == st->run_depth &&
	      (!labelish(&l) || parent != st->run_parent ||
	       st->nrun == sizeof st->run / sizeof *st->run))) &&
	    end_run(ctx))
		return -1;
	if (!labelish(&l))
		return 0;
	if (st->nrun == 0) {
		if ((st->run_where = dmc_here(st, w, node)) == NULL ||
		    labelled_lines(st, node) < 0)
			return dm_nomem(ctx->err);
		st->run_parent = parent;
		st->run_depth = depth;
	}
	st->run[st->nrun++] = l;
	return 0;
}

/* The title of callout div `div`: its title attribute, else the text of
 * a heading opening it; a new string, "" for none, NULL when out of
 * memory. */
static char *div_title(const json_t *div)
{
	const char *t = dm_attr_get(dm_node_attr(div), "title");
	const json_t *first = json_array_get(dm_node_blocks(div), 0);

	if (t != NULL)
		return strdup(t);
	if (dm_type_of(first) == DM_T_HEADER)
		return dm_stringify(dm_node_inlines(first));
	return strdup("");
}

/* The first paragraph of callout div `div` below its title (pandoc 3's
 * alert: a Div `.title` first), or NULL. */
static const json_t *body_para(const json_t *div)
{
	const json_t *blocks = dm_node_blocks(div), *b;
	size_t i;

	for (i = 0; i < json_array_size(blocks); i++) {
		b = json_array_get(blocks, i);
		if (dm_type_of(b) == DM_T_PARA)
			return b;
		if (dm_type_of(b) != DM_T_HEADER &&
		    !(dm_type_of(b) == DM_T_DIV &&
		      (dm_attr_has_class(dm_node_attr(b), "title") ||
		       dm_attr_has_class(dm_node_attr(b), "callout-title"))))
			return NULL;
	}
	return NULL;
}

/* The triad type the title of `div` names as a label, else its first
 * paragraph's label ("**Tension:** ..."), into `l`; `*by_title` says
 * which.  0, or -1 when out of memory. */
static int div_label(const dmc_state *st, const json_t *div, char *title,
                     dmf_label *l, bool *by_title)
{
	const json_t *p = body_para(div);
	json_t *para;
	dm_buf b = {0};
	char *text;

	memset(l, 0, sizeof *l);
	*by_title = true;
	dm_buf_printf(&b, "%s: x", title); /* the title as a label */
	if ((text = dm_buf_take(&b)) == NULL ||
	    (para = dm_para(json_pack("[o]", dm_str(text)))) == NULL) {
		free(text);
		return -1;
	}
	dmf_callouts_para(st->callouts, para, l);
	json_decref(para);
	free(text);
	if (l->type == NULL && title[0] == '\0' && p != NULL) {
		*by_title = false;
		dmf_callouts_para(st->callouts, p, l);
	}
	return 0;
}

int dmc_triad_titled(dm_ctx *ctx, const dm_walk *w, json_t *div,
                     const char *type)
{
	dmc_state *st = ctx->state;
	char *title = div_title(div);
	dmf_label l;
	dm_buf b = {0};
	bool by_title;
	int rc = 0;

	if (title == NULL || div_label(st, div, title, &l, &by_title) < 0) {
		free(title);
		return dm_nomem(ctx->err);
	}
	if (l.type != NULL && triad_index(st, type) < 0 &&
	    st->candidate == NULL) {
		if (by_title)
			dm_buf_printf(&b, "the %s callout here is titled \"%s\"",
			              type, title);
		else
			dm_buf_printf(&b, "the %s callout here opens with \"%s\"",
			              type, l.written);
		dm_buf_printf(&b, ", and its type, not its %s, makes a "
		              "statement: make it a %s callout (::: "
		              "{.callout-%s}, or > [!%s])",
		              by_title ? "title" : "text", l.type, l.type,
		              l.type);
		st->candidate_text = dm_buf_take(&b);
		if (st->candidate_text == NULL ||
		    (st->candidate = dmc_here(st, w, div)) == NULL)
			rc = dm_nomem(ctx->err);
	}
	free(title);
	return rc;
}

/* "tension, noise or direct-message" */
static void missing(const dmc_state *st, dm_buf *b)
{
	const char *t;
	size_t i, n = 0, k = 0;

	for (i = 0; dmf_callouts_triad(st->callouts, i); i++)
		n += st->triad[i] == 0;
	for (i = 0; (t = dmf_callouts_triad(st->callouts, i)); i++) {
		if (st->triad[i] != 0)
			continue;
		k++;
		dm_buf_printf(b, "%s%s", k == 1 ? "" : k == n ? " or " : ", ",
		              t);
	}
}

/* A triad key of the metadata, as dm-callouts reads it: a statement; or,
 * when it says nothing (`tension: ""`), an empty callout (DM103) that
 * stands for the statement only where the body has none, so that it is
 * not a second one (DM102).  0, or -1 with ctx->err set. */
static int meta_statement(dm_ctx *ctx, const char *type, const json_t *v)
{
	dmc_state *st = ctx->state;
	json_t *body = NULL, *div;
	char where[128], cls[96];
	dm_error e;
	int empty;

	dm_error_clear(&e);
	snprintf(where, sizeof where, "meta.%s", type);
	snprintf(cls, sizeof cls, "callout-%s", type);
	if (dm_meta_blocks(v, where, &body, &e) < 0) {
		if (e.code == DM_ENOMEM)
			return dm_nomem(ctx->err);
		dmc_triad_seen(st, type, NULL); /* dm-callouts stops at it */
		return 0;
	}
	div = dm_div(json_pack("[s[ss][]]", "", "callout", cls), body);
	if (div == NULL)
		return dm_nomem(ctx->err);
	empty = dmf_callouts_empty(ctx, st->callouts, div);
	json_decref(div);
	if (empty < 0)
		return -1;
	if (!empty || st->triad[triad_index(st, type)] == 0)
		dmc_triad_seen(st, type, NULL);
	if (!empty)
		return 0;
	return dmc_report(ctx, NULL, DMC_CALLOUT_EMPTY,
	                  "the %s statement in the metadata says nothing",
	                  type);
}

int dmc_triad_end(dm_ctx *ctx)
{
	dmc_state *st = ctx->state;
	json_t *meta = dm_doc_meta(ctx->doc), *v;
	const char *t;
	dm_buf b = {0};
	size_t i;
	int rc = st->nrun ? end_run(ctx) : 0;

	for (i = 0; rc == 0 && (t = dmf_callouts_triad(st->callouts, i)); i++)
		if ((v = json_object_get(meta, t)) != NULL)
			rc = meta_statement(ctx, t, v);
	missing(st, &b);
	if (rc == 0 && b.len > 0)
		rc = dmc_report(ctx, json_incref(st->candidate ? st->candidate
		                                               : st->first_triad),
		                DMC_TRIAD_MISSING,
		                "the triad has no %s statement%s%s",
		                dm_buf_str(&b), st->candidate_text ? "; " : "",
		                st->candidate_text ? st->candidate_text : "");
	dm_buf_free(&b);
	for (i = 0; rc == 0 && (t = dmf_callouts_triad(st->callouts, i)); i++)
		if (st->triad[i] > 1)
			rc = dmc_report(ctx, json_incref(st->first_triad),
			                DMC_TRIAD_REPEATED,
			                "the triad has %zu %s statements (one "
			                "expected)", st->triad[i], t);
	return rc;
}
