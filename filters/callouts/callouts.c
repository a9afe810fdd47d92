/*
 * callouts.c - dm-callouts: the Tension / Noise / Direct Message framing
 * statements, and note, tip, important, warning, caution and types of the
 * user's own, as callout boxes in every output format.
 *
 * One walk does it all.  A list of blocks is first searched for the
 * sources found by their words (labels.c, section.c), which become
 * semantic callout Divs.  A callout Div or alert is read when the walk
 * enters it (its title and settings are taken out, sources.c) and
 * rendered when the walk leaves it (render.c), so its body, nested
 * callouts and all, has been walked by then.  A callout group is set side by side when it is left.
 */
#include <stdlib.h>
#include <string.h>

#include "callouts.h"

static dm_walk_result on_block(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                               json_t *node, json_t **out);
static dm_walk_result on_blocks(dm_ctx *ctx, const dm_walk *w,
                                json_t *list);

static dm_walk_result on_inline(dm_ctx *ctx, const dm_walk *w,
                                dm_event ev, json_t *node, json_t **out);

static const dm_visitor visitor = {on_block, on_inline, on_blocks, NULL, 0};

/* ------------------------------------------------------------------------
 * The callouts the walk is in
 * ------------------------------------------------------------------------ */

/* A new, empty callout for `node`, innermost; NULL when out of memory. */
static callout *push(state *st, json_t *node)
{
	callout *c;

	if (st->nopen == st->capopen) {
		size_t cap = st->capopen ? st->capopen * 2 : 8;
		callout *a = realloc(st->open, cap * sizeof *a);
		if (a == NULL)
			return NULL;
		st->open = a;
		st->capopen = cap;
	}
	c = &st->open[st->nopen++];
	memset(c, 0, sizeof *c);
	c->node = node;
	return c;
}

/* The callout read from `node` when it is the innermost one, or NULL. */
static callout *innermost(const state *st, const json_t *node)
{
	if (st->nopen == 0 || st->open[st->nopen - 1].node != node)
		return NULL;
	return &st->open[st->nopen - 1];
}

/* Drops the innermost callout. */
static void pop(state *st)
{
	dmf_callout_free(&st->open[--st->nopen]);
}

/* Whether `div` is a callout group: its callouts are rendered, its other
 * blocks kept as they are, unwalked.  A Div of a callout type inside a
 * group is a callout, whatever its classes. */
static bool is_group(const state *st, const json_t *div)
{
	return dm_type_of(div) == DM_T_DIV &&
	       dm_attr_has_class(dm_node_attr(div), "callout-group") &&
	       innermost(st, div) == NULL;
}

/* ------------------------------------------------------------------------
 * Entering: reading the source
 * ------------------------------------------------------------------------ */

/* A read that failed: the error names where, unless it does already. */
static dm_walk_result failed(dm_ctx *ctx, const dm_walk *w)
{
	pop(ctx->state);
	if (ctx->err->where[0] == '\0')
		dm_walk_where(w, ctx->err->where, sizeof ctx->err->where);
	return DM_WALK_ERROR;
}

static dm_walk_result enter_div(dm_ctx *ctx, const dm_walk *w, json_t *node,
                                bool in_group)
{
	state *st = ctx->state;
	const json_t *attr = dm_node_attr(node);
	const ctype *t = dmf_div_kind(st, node);
	callout *c;

	if (!in_group && dm_attr_has_class(attr, "callout-group")) {
		st->has_triad = true;
		return DM_WALK_CONTINUE;
	}
	if (t == NULL)
		return in_group ? DM_WALK_SKIP : DM_WALK_CONTINUE;
	if ((c = push(st, node)) == NULL)
		return dm_nomem(ctx->err), DM_WALK_ERROR;
	return dmf_from_div(ctx, t, node, true, c) ? failed(ctx, w)
	                                           : DM_WALK_CONTINUE;
}

static dm_walk_result enter_quote(dm_ctx *ctx, const dm_walk *w,
                                  json_t *node, bool in_group)
{
	state *st = ctx->state;
	callout *c = push(st, node);
	int got;

	if (c == NULL)
		return dm_nomem(ctx->err), DM_WALK_ERROR;
	if ((got = dmf_from_alert(ctx, st, node, true, c)) < 0)
		return failed(ctx, w);
	if (got == 0)
		pop(st);
	return got == 0 && in_group ? DM_WALK_SKIP : DM_WALK_CONTINUE;
}

static dm_walk_result enter(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	bool in_group = is_group(ctx->state, dm_walk_ancestor(w, 0));

	switch (dm_type_of(node)) {
	case DM_T_DIV:
		return enter_div(ctx, w, node, in_group);
	case DM_T_BLOCK_QUOTE:
		return enter_quote(ctx, w, node, in_group);
	default:
		return in_group ? DM_WALK_SKIP : DM_WALK_CONTINUE;
	}
}

/* ------------------------------------------------------------------------
 * Leaving: rendering
 * ------------------------------------------------------------------------ */

static dm_walk_result leave_callout(dm_ctx *ctx, callout *c, json_t **out)
{
	json_t *r = json_array();
	int rc = r == NULL ? dm_nomem(ctx->err) : dmf_render(ctx, c, r);

	pop(ctx->state);
	if (rc) {
		json_decref(r);
		return DM_WALK_ERROR;
	}
	*out = r;
	return DM_WALK_REPLACE;
}

/* A group's blocks, its callouts rendered by now, side by side; or one
 * after another when the group option is off. */
static dm_walk_result leave_group(dm_ctx *ctx, json_t *node, json_t **out)
{
	state *st = ctx->state;
	json_t *blocks = json_incref(dm_node_blocks(node)), *r;

	if (!st->group) {
		*out = blocks;
		return DM_WALK_REPLACE;
	}
	if ((r = json_array()) == NULL) {
		json_decref(blocks);
		return dm_nomem(ctx->err), DM_WALK_ERROR;
	}
	if (dm_box_group(ctx->family, blocks, r, ctx->err)) {
		json_decref(r);
		return DM_WALK_ERROR;
	}
	*out = r;
	return DM_WALK_REPLACE;
}

static dm_walk_result on_block(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                               json_t *node, json_t **out)
{
	state *st = ctx->state;
	callout *c;

	if (ev == DM_ENTER)
		return enter(ctx, w, node);
	if ((c = innermost(st, node)) != NULL)
		return leave_callout(ctx, c, out);
	if (is_group(st, node))
		return leave_group(ctx, node, out);
	return DM_WALK_CONTINUE;
}

/* A citation of numbered callouts (@nte-x): links to them.  Without
 * numbered callouts (nearly every document) an inline is left at once. */
static dm_walk_result on_inline(dm_ctx *ctx, const dm_walk *w,
                                dm_event ev, json_t *node, json_t **out)
{
	const state *st = ctx->state;

	(void)w;
	if (ev != DM_ENTER || json_object_size(st->xrefs) == 0 ||
	    dm_type_of(node) != DM_T_CITE)
		return DM_WALK_CONTINUE;
	return dmf_xref_cite(ctx, node, out);
}

/* ------------------------------------------------------------------------
 * Lists: the sources found by their words
 * ------------------------------------------------------------------------ */

/* The triad the block at list[i] opens, as a callout group (*used the
 * blocks of the list it takes); NULL when none, or with ctx->err set. */
static json_t *triad_at(dm_ctx *ctx, json_t *list, size_t i, size_t *used)
{
	json_t *b = json_array_get(list, i), *r = NULL;

	switch (dm_type_of(b)) {
	case DM_T_PARA:
	case DM_T_DIV: /* a paragraph in a +sourcepos wrapper */
		if ((r = dmf_labelled_paras(ctx, list, i)) != NULL)
			*used = json_array_size(dm_node_blocks(r));
		else if (!dm_error_is_set(ctx->err))
			r = dmf_callout_run(ctx, list, i, used);
		return r;
	case DM_T_BLOCK_QUOTE:
		return dmf_callout_run(ctx, list, i, used);
	case DM_T_BULLET_LIST:
		return dmf_labelled_list(ctx, b);
	case DM_T_DEFINITION_LIST:
		return dmf_defined_triad(ctx, b);
	case DM_T_HEADER:
		return dmf_headed_triad(ctx, list, i, used);
	default:
		return NULL;
	}
}

/* What list[i] becomes: NULL when it stays; *used the blocks of the list
 * it takes (the triad's paragraphs, a section's blocks), *spread whether
 * the result's blocks go into the list one by one.  NULL with ctx->err
 * set on failure. */
static json_t *rewrite(dm_ctx *ctx, json_t *list, size_t i,
                       size_t *used, bool *spread)
{
	state *st = ctx->state;
	json_t *b = json_array_get(list, i);
	json_t *r;
	int n;

	*used = 1;
	*spread = false;
	r = triad_at(ctx, list, i, used);
	if (r == NULL && !dm_error_is_set(ctx->err) &&
	    dm_type_of(b) == DM_T_HEADER) {
		if (!st->section)
			return NULL;
		if ((n = dmf_is_section(st, b)) == 0 &&
		    !dmf_drawn_section(list, i))
			return NULL;
		if (n < 0)
			return dm_nomem(ctx->err), NULL;
		return dmf_section(ctx, list, i, used);
	}
	if (r != NULL && !st->group) {
		st->has_triad = true; /* separate boxes */
		*spread = true;
	}
	return r;
}

/* The new list, begun with the first `n` blocks of `list`; NULL. */
static json_t *begin(const json_t *list, size_t n)
{
	json_t *out = json_array();
	size_t k;

	for (k = 0; out != NULL && k < n; k++)
		if (json_array_append(out, json_array_get(list, k))) {
			json_decref(out);
			out = NULL;
		}
	return out;
}

/* Appends `r` (stolen) to `out`, or its blocks one by one when `spread`.
 * 0 or -1. */
static int put(json_t *out, json_t *r, bool spread)
{
	int rc = r == NULL ? -1
	         : spread  ? json_array_extend(out, dm_node_blocks(r))
	                   : json_array_append(out, r);

	json_decref(r);
	return rc;
}

/* A list labelled with the triad becomes a group of callout Divs (or its
 * callouts one after another); the Direct Message section a callout Div.
 * The walk renders them next.  The list is written anew once, and only
 * when something in it changes, rather than moved up at each change (a
 * document of many sections and tens of thousands of blocks). */
static dm_walk_result on_blocks(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	json_t *out = NULL, *r;
	size_t i, used, n = json_array_size(list);
	bool spread;

	if (is_group(ctx->state, dm_walk_ancestor(w, 0)))
		return DM_WALK_CONTINUE; /* a group's blocks are kept */
	for (i = 0; i < n; i += used) {
		r = rewrite(ctx, list, i, &used, &spread);
		if (r == NULL && dm_error_is_set(ctx->err))
			break;
		if (r == NULL && out == NULL)
			continue;
		if (out == NULL && (out = begin(list, i)) == NULL) {
			json_decref(r);
			dm_nomem(ctx->err);
			break;
		}
		if (put(out, r ? r : json_incref(json_array_get(list, i)),
		        r != NULL && spread)) {
			dm_nomem(ctx->err);
			break;
		}
	}
	if (!dm_error_is_set(ctx->err) && out != NULL &&
	    (json_array_clear(list) || json_array_extend(list, out)))
		dm_nomem(ctx->err);
	json_decref(out);
	return dm_error_is_set(ctx->err) ? DM_WALK_ERROR : DM_WALK_CONTINUE;
}

/* ------------------------------------------------------------------------
 * The document: the triad from metadata, the stylesheet
 * ------------------------------------------------------------------------ */

/* The callout Divs of the triad keys in the metadata, taken out of it, so
 * a second run finds nothing to add.  A new array, or NULL. */
static json_t *meta_callouts(dm_ctx *ctx)
{
	state *st = ctx->state;
	json_t *meta = dm_doc_meta(ctx->doc), *group = json_array();
	size_t i;

	for (i = 0; group != NULL && i < st->ntypes; i++) {
		const ctype *t = &st->types[i];
		json_t *v = json_object_get(meta, t->name), *body = NULL;
		char where[128], cls[96];
		if (!t->triad || v == NULL)
			continue;
		snprintf(where, sizeof where, "meta.%s", t->name);
		snprintf(cls, sizeof cls, "callout-%s", t->name);
		if (dm_meta_blocks(v, where, &body, ctx->err) < 0) {
			json_decref(group);
			return NULL;
		}
		if (dm_append(group, dm_div(json_pack("[s[ss][]]", "",
		                                      "callout", cls),
		                            body))) {
			json_decref(group);
			group = NULL;
			break;
		}
		json_object_del(meta, t->name);
	}
	if (group == NULL)
		dm_nomem(ctx->err);
	return group;
}

/* tension, noise, direct-message in the metadata: a triad at the top,
 * unless the body has one. */
static int meta_triad(dm_ctx *ctx)
{
	state *st = ctx->state;
	json_t *group = meta_callouts(ctx), *r;
	size_t i;
	int rc;

	if (group == NULL)
		return -1;
	if (json_array_size(group) == 0 || st->has_triad) {
		json_decref(group);
		return 0;
	}
	r = json_pack("[o]", dm_div(json_pack("[s[s][]]", "", "callout-group"),
	                            group));
	if (r == NULL)
		return dm_nomem(ctx->err);
	rc = dm_walk_list(ctx, &visitor, r, DM_BLOCK);
	for (i = json_array_size(r); rc == 0 && i > 0; i--)
		if (json_array_insert(dm_doc_blocks(ctx->doc), 0,
		                      json_array_get(r, i - 1)))
			rc = dm_nomem(ctx->err);
	json_decref(r);
	return rc;
}

static int start(dm_ctx *ctx)
{
	/* Text split into one Span per word by +sourcepos reads whole. */
	if (dm_sourcepos(ctx->doc) && dm_sourcepos_unwrap(ctx))
		return -1;
	ctx->state = dmf_callouts_open(ctx);
	return ctx->state ? dmf_xref_count(ctx) : -1;
}

static int finish(dm_ctx *ctx)
{
	if (meta_triad(ctx))
		return -1;
	return dmf_add_stylesheet(ctx);
}

static void release(dm_ctx *ctx)
{
	dmf_callouts_close(ctx->state);
}

const dm_filter dm_callouts_filter = {
	.name = "callouts",
	.summary = "Tension, Noise, Direct Message, note, tip ... as callout "
	           "boxes",
	.option_table = dmf_callouts_option_table,
	.start = start,
	.visitor = {.block = on_block, .inline_ = on_inline,
	            .blocks = on_blocks},
	.finish = finish,
	.release = release,
};
