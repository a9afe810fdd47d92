/*
 * sourcepos.c - documents read with pandoc's +sourcepos: every block in a
 * Div and every inline in a Span, both with wrapper="1" and data-pos.
 * Filters read text; this lets them read it as if positions were not there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A Span or Div that +sourcepos made: no id, no class, and the attributes
 * data-pos (empty on a SoftBreak) and, from pandoc 3, wrapper="1"; pandoc
 * 2.17 writes data-pos alone. */
static bool is_wrapper(const json_t *node, const char *tag)
{
	const json_t *attr = dm_node_attr(node);
	const char *wrapper = dm_attr_get(attr, "wrapper");
	size_t n = json_array_size(json_array_get(attr, 2));

	return dm_is(node, tag) && *dm_attr_id(attr) == '\0' &&
	       json_array_size(json_array_get(attr, 1)) == 0 &&
	       dm_attr_get(attr, "data-pos") != NULL &&
	       (wrapper ? n == 2 && strcmp(wrapper, "1") == 0 : n == 1);
}

bool dm_sourcepos_wrapper(const json_t *block)
{
	return block != NULL && is_wrapper(block, "Div");
}

bool dm_sourcepos(dm_doc *doc)
{
	const json_t *blocks = dm_doc_blocks(doc);
	size_t i;

	/* Every top-level block carries a position: a heading, a callout Div
	 * in its own attributes, the others in a wrapper Div.  One look at
	 * each. */
	for (i = 0; i < json_array_size(blocks); i++) {
		const json_t *b = json_array_get(blocks, i);
		if (is_wrapper(b, "Div"))
			return true;
		if (dm_attr_get(dm_node_attr(b), "data-pos") == NULL)
			return false;
	}
	return false;
}

/*
 * The unwrapping of one list of inlines, in one pass: wrapper Spans give
 * their contents (wrappers nest), and a run of Str becomes its first Str
 * with the run's text.  Linear in the list's length and text, however
 * many spans and pieces there are.
 */
typedef struct joiner {
	json_t *out;  /* the new list */
	json_t *str;  /* the Str that the current run joins into, or NULL */
	dm_buf text;  /* the run's text so far */
	size_t pieces;
} joiner;

/* Ends the current run of Str: its text into its first Str. */
static int end_run(joiner *j)
{
	int rc = 0;

	if (j->str && j->pieces > 1)
		rc = dm_buf_failed(&j->text) ||
		     json_object_set_new(j->str, "c",
		                         json_stringn(j->text.data, j->text.len));
	j->str = NULL;
	j->pieces = 0;
	j->text.len = 0;
	return rc ? -1 : 0;
}

static int emit(joiner *j, json_t *x)
{
	json_t *ils;
	size_t i;

	if (is_wrapper(x, "Span")) {
		ils = dm_node_inlines(x);
		for (i = 0; i < json_array_size(ils); i++)
			if (emit(j, json_array_get(ils, i)))
				return -1;
		return 0;
	}
	if (dm_type_of(x) == DM_T_STR) {
		const json_t *c = dm_content(x);
		if (j->str == NULL) {
			j->str = x;
			j->text.len = 0;
		}
		j->pieces++;
		dm_buf_add(&j->text, json_string_value(c), json_string_length(c));
		return j->pieces > 1 ? 0 : json_array_append(j->out, x);
	}
	if (end_run(j))
		return -1;
	return json_array_append(j->out, x);
}

/* True when `list` holds a wrapper Span or two Str in a row. */
static bool needs_unwrap(const json_t *list)
{
	size_t i;
	bool str = false;

	for (i = 0; i < json_array_size(list); i++) {
		const json_t *x = json_array_get(list, i);
		bool is_str = dm_type_of(x) == DM_T_STR;
		if ((is_str && str) || is_wrapper(x, "Span"))
			return true;
		str = is_str;
	}
	return false;
}

/* The walk then goes into what is left, and unwraps lists further in. */
static dm_walk_result unwrap(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	joiner j = {json_array(), NULL, {0}, 0};
	size_t i;
	int rc = j.out ? 0 : -1;

	(void)w;
	if (rc == 0 && !needs_unwrap(list)) {
		json_decref(j.out);
		return DM_WALK_CONTINUE;
	}
	for (i = 0; rc == 0 && i < json_array_size(list); i++)
		rc = emit(&j, json_array_get(list, i));
	if (rc == 0)
		rc = end_run(&j);
	if (rc == 0)
		rc = json_array_clear(list) || json_array_extend(list, j.out);
	json_decref(j.out);
	dm_buf_free(&j.text);
	if (rc == 0)
		return DM_WALK_CONTINUE;
	dm_nomem(ctx->err);
	return DM_WALK_ERROR;
}

/* What the block unwrapping keeps: the position of each block taken out
 * of a wrapper Div, or NULL. */
typedef struct kept {
	json_t *positions;
	json_t *top; /* the document's blocks: their wrappers stay */
} kept;

/* Keeps the position of block `b`, taken out of wrapper `div`. */
static int keep(const kept *k, const json_t *b, const json_t *div)
{
	char key[32];

	if (k->positions == NULL)
		return 0;
	snprintf(key, sizeof key, "%p", (const void *)b);
	if (json_object_get(k->positions, key) != NULL)
		return 0; /* an inner wrapper said it more precisely */
	return json_object_set_new(k->positions, key,
	                           json_string(dm_attr_get(dm_node_attr(div),
	                                                   "data-pos")));
}

/* Appends block `b` to `out`, or, for a wrapper Div, its blocks (wrappers
 * nest), keeping their positions.  0 or -1. */
static int emit_block(const kept *k, json_t *out, json_t *b)
{
	json_t *inner = json_array_get(dm_content(b), 1);
	size_t j;

	if (!is_wrapper(b, "Div"))
		return json_array_append(out, b);
	for (j = 0; j < json_array_size(inner); j++) {
		json_t *x = json_array_get(inner, j);
		if (keep(k, x, b) || emit_block(k, out, x))
			return -1;
	}
	return 0;
}

/* A list of blocks other than the document's own: each wrapper Div in it
 * gives its blocks in its place, in one pass (linear in the list). */
static dm_walk_result unwrap_blocks(dm_ctx *ctx, const dm_walk *w,
                                    json_t *list)
{
	const kept *k = ctx->state;
	json_t *out;
	size_t i, n = json_array_size(list);
	int rc = 0;

	(void)w;
	if (list == k->top)
		return DM_WALK_CONTINUE;
	for (i = 0; i < n && !is_wrapper(json_array_get(list, i), "Div"); i++)
		;
	if (i == n)
		return DM_WALK_CONTINUE;
	if ((out = json_array()) == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < n; i++)
		rc = emit_block(k, out, json_array_get(list, i));
	if (rc == 0)
		rc = json_array_clear(list) || json_array_extend(list, out);
	json_decref(out);
	if (rc == 0)
		return DM_WALK_CONTINUE;
	dm_nomem(ctx->err);
	return DM_WALK_ERROR;
}

int dm_sourcepos_unwrap_keep(dm_ctx *ctx, json_t *positions)
{
	static const dm_visitor v = {.inlines = unwrap,
	                             .blocks = unwrap_blocks,
	                             .flags = DM_WALK_META};
	kept k = {positions, dm_doc_blocks(ctx->doc)};
	dm_ctx sub = *ctx;

	sub.state = &k;
	return dm_walk_doc(&sub, &v);
}

int dm_sourcepos_unwrap(dm_ctx *ctx)
{
	return dm_sourcepos_unwrap_keep(ctx, NULL);
}
