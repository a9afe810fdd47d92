/*
 * inlines.c - inlines joined as pandoc's Inlines builder (a monoid) joins
 * them, so that the reader's output equals pandoc's node for node: text
 * split into Str and Space, adjacent Str joined, runs of breaks collapsed,
 * adjacent Emph (Strong, ...) merged.
 */
#include <stdlib.h>
#include <string.h>

#include "md.h"

/* Space < SoftBreak < LineBreak: how strong a break is; 0 for none. */
static int break_rank(dm_type t)
{
	switch (t) {
	case DM_T_SPACE:
		return 1;
	case DM_T_SOFT_BREAK:
		return 2;
	case DM_T_LINE_BREAK:
		return 3;
	default:
		return 0;
	}
}

/* Whether two nodes of type `t` side by side become one. */
static bool joinable(dm_type t)
{
	switch (t) {
	case DM_T_EMPH:
	case DM_T_STRONG:
	case DM_T_STRIKEOUT:
	case DM_T_SUPERSCRIPT:
	case DM_T_SUBSCRIPT:
		return true;
	default:
		return false;
	}
}

/* Appends the text of Str `node` (stolen) to Str `last`.  0 or -1. */
static int join_str(json_t *last, json_t *node)
{
	json_t *s = json_object_get(last, "c");
	const json_t *t = json_object_get(node, "c");
	size_t ls = json_string_length(s), lt = json_string_length(t);
	char *buf = malloc(ls + lt + 1);
	int rc = -1;

	if (buf != NULL) {
		memcpy(buf, json_string_value(s), ls);
		memcpy(buf + ls, json_string_value(t), lt);
		rc = json_string_setn(s, buf, ls + lt);
		free(buf);
	}
	json_decref(node);
	return rc;
}

/* Where `list` ends: how `b` (the type of a node about to be added) joins
 * its last node, of type `a`. */
typedef enum { APPEND, JOIN_STR, BREAK_NEW, BREAK_OLD, EXTEND } joining;

static joining how_to_join(dm_type a, dm_type b)
{
	int rank_a = break_rank(a), rank_b = break_rank(b);

	if (a == DM_T_STR && b == DM_T_STR)
		return JOIN_STR;
	/* the stronger break stays; two LineBreaks both stay */
	if (rank_a && rank_b && !(rank_a == 3 && rank_b == 3))
		return rank_b > rank_a ? BREAK_NEW : BREAK_OLD;
	return a == b && joinable(a) ? EXTEND : APPEND;
}

/* dmp_md_add_inline() for `node` of type `b`.  `*last`, when `known`, is
 * the type of the list's last node, and is after the call. */
static int add_typed(json_t *list, json_t *node, dm_type b, dm_type *last_t,
                     bool known)
{
	size_t n = json_array_size(list);
	json_t *last;
	int rc;

	if (node == NULL)
		return -1;
	if (n == 0) {
		*last_t = b;
		return json_array_append_new(list, node);
	}
	last = json_array_get(list, n - 1);
	if (!known)
		*last_t = dm_type_of(last);
	switch (how_to_join(*last_t, b)) {
	case JOIN_STR:
		return join_str(last, node);
	case BREAK_NEW:
		*last_t = b;
		return json_array_set_new(list, n - 1, node);
	case BREAK_OLD:
		json_decref(node);
		return 0;
	case EXTEND:
		rc = json_array_extend(json_object_get(last, "c"),
		                       json_object_get(node, "c"));
		json_decref(node);
		return rc;
	default:
		*last_t = b;
		return json_array_append_new(list, node);
	}
}

int dmp_md_add_inline(json_t *list, json_t *node)
{
	dm_type last_t;

	return node == NULL ? -1
	       : add_typed(list, node, dm_type_of(node), &last_t, false);
}

int dmp_md_add_inlines(json_t *list, const json_t *src)
{
	size_t i;

	for (i = 0; i < json_array_size(src); i++)
		if (dmp_md_add_inline(list,
		                      json_incref(json_array_get(src, i))) != 0)
			return -1;
	return 0;
}

static bool white(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int dmp_md_add_text(json_t *list, const char *s, size_t len)
{
	size_t i = 0, j;
	bool nl;
	json_t *node, *text;
	dm_type t, last_t = DM_T_UNKNOWN;

	while (i < len) {
		if (white(s[i])) {
			for (nl = false, j = i; j < len && white(s[j]); j++)
				nl = nl || s[j] == '\n' || s[j] == '\r';
			node = nl ? dm_softbreak() : dm_space();
			t = nl ? DM_T_SOFT_BREAK : DM_T_SPACE;
		} else {
			for (j = i; j < len && !white(s[j]); j++)
				;
			text = json_stringn(s + i, j - i);
			node = text ? dm_node("Str", text) : NULL;
			t = DM_T_STR;
		}
		if (add_typed(list, node, t, &last_t, i > 0) != 0)
			return -1;
		i = j;
	}
	return 0;
}
