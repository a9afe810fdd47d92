/*
 * forms.c - the triad in the other forms writers give it, besides the
 * labelled list and paragraphs (labels.c):
 *
 *   - three headings at the article's opening, in order ("### Tension",
 *     "### Noise", "### Direct Message"), each over its statement;
 *   - a definition list whose terms are the labels ("Tension\n:   ...");
 *   - three triad callouts one after another (alerts or Divs).
 *
 * Each becomes what the labelled list becomes: a Div of class
 * callout-group holding one callout Div per statement, which the walk
 * then renders (or, with the group option off, the callouts one after
 * another).
 */
#include <stdlib.h>
#include <string.h>

#include "callouts.h"

/* The text of inlines `ils` without the separator that may end it
 * ("Tension:" reads "Tension"); a new string, NULL when out of memory. */
static char *words_of(const json_t *ils)
{
	char *s = dm_stringify(ils);

	if (s != NULL)
		s[dmf_heading_words(s, strlen(s))] = '\0';
	return s;
}

/* The triad types in their order (tension, noise, direct-message) into
 * order[0, 8): how many. */
static size_t triad_order(const state *st, const ctype **order)
{
	size_t k, n = 0;

	for (k = 0; k < st->ntypes && n < 8; k++)
		if (st->types[k].triad)
			order[n++] = &st->types[k];
	return n;
}

json_t *dmf_triad_div(const ctype *t, json_t *blocks)
{
	json_t *title = json_deep_copy(t->title), *attr = NULL, *head;
	dm_buf cls = {0};

	/* the title first, as the semantic form has it: the statement's
	 * own first line (a heading, a line all in bold) stays its own */
	head = title == NULL ? NULL
	       : dm_div(json_pack("[s[s][]]", "", "callout-title"),
	                json_pack("[o]", dm_plain(title)));
	dm_buf_printf(&cls, "callout-%s", t->name);
	if (head != NULL && blocks != NULL && !dm_buf_failed(&cls) &&
	    json_array_insert_new(blocks, 0, head) == 0) {
		head = NULL;
		attr = json_pack("[s[ss][]]", "", "callout", dm_buf_str(&cls));
	}
	dm_buf_free(&cls);
	json_decref(head);
	if (attr == NULL) {
		json_decref(blocks);
		return NULL;
	}
	return dm_div(attr, blocks);
}

/* The callout Div of type `t` holding `blocks` (stolen), a tight list's
 * Plain read as a paragraph (as in a labelled list's box); NULL when out
 * of memory. */
static json_t *statement_div(const ctype *t, json_t *blocks)
{
	size_t k;

	for (k = 0; blocks != NULL && k < json_array_size(blocks); k++) {
		json_t *b = json_array_get(blocks, k);
		if (dm_sourcepos_wrapper(b) &&
		    json_array_size(dm_node_blocks(b)) == 1)
			b = json_array_get(dm_node_blocks(b), 0);
		if (dm_type_of(b) == DM_T_PLAIN &&
		    json_object_set_new(b, "t", json_string("Para"))) {
			json_decref(blocks);
			return NULL;
		}
	}
	return dmf_triad_div(t, blocks);
}

/* `divs` (stolen) as a callout group; NULL with ctx->err set. */
static json_t *group(dm_ctx *ctx, json_t *divs)
{
	json_t *g = divs == NULL ? NULL
	            : dm_div(json_pack("[s[s][]]", "", "callout-group"), divs);

	if (g == NULL)
		dm_nomem(ctx->err);
	return g;
}

/* ------------------------------------------------------------------------
 * Headings
 * ------------------------------------------------------------------------ */

/* Whether block `h` is a heading naming type `t` as a statement of the
 * triad (its label, English title or name): 1 yes, 0 no, -1 out of
 * memory.  The heading of the Direct Message section is none: that
 * section stays a section. */
static int names(const state *st, const json_t *h, const ctype *t)
{
	char *s;
	int yes;

	if (dm_type_of(h) != DM_T_HEADER ||
	    dm_attr_has_class(dm_node_attr(h), "callout-heading"))
		return 0;
	if ((s = words_of(dm_node_inlines(h))) == NULL)
		return -1;
	yes = dmf_triad_type(st, s) == t;
	free(s);
	if (yes && (yes = dmf_is_section(st, h)) >= 0)
		yes = !yes;
	return yes;
}

static int level_of(const json_t *h)
{
	return (int)json_number_value(dm_field(h, 0));
}

/* Whether the heading at list[i] stands at the article's opening: no
 * heading before it, or only a level-1 title above it. */
static bool at_opening(const json_t *list, size_t i)
{
	size_t j = i, seen = 0;
	int first = 0;

	while (j-- > 0 && seen < 2) {
		const json_t *b = json_array_get(list, j);
		if (dm_type_of(b) == DM_T_HEADER)
			seen++, first = level_of(b);
	}
	return seen == 0 ||
	       (seen == 1 && first == 1 && level_of(json_array_get(list, i)) > 1);
}

/* Where the statement under the heading at list[h] ends: at the next
 * heading of its level or higher, the heading of the `next` statement
 * (NULL after the last), the Direct Message section's heading, or the
 * credits footer (`m`); -1 when out of memory. */
static long statement_end(const state *st, const json_t *list, size_t h,
                          const ctype *next, const dm_box_marks *m)
{
	int level = level_of(json_array_get(list, h)), rc = 0;
	size_t j, n = json_array_size(list);

	for (j = h + 1; j < n && rc == 0; j++) {
		const json_t *b = json_array_get(list, j);
		if (dmf_opens_footer(list, j, m))
			break;
		if (dm_type_of(b) != DM_T_HEADER)
			continue;
		if (level_of(b) <= level)
			break;
		if ((next != NULL && (rc = names(st, b, next)) != 0) ||
		    (rc = dmf_is_section(st, b)) != 0)
			break;
	}
	return rc < 0 ? -1 : (long)j;
}

int dmf_heading_triad(const state *st, const dm_ctx *ctx,
                      const json_t *list, size_t i, size_t *heads)
{
	const ctype *order[8];
	size_t k, want = triad_order(st, order), pos = i;
	dm_box_marks m;
	long end = 0;
	int rc = 0;

	if (want == 0 || list != dm_doc_blocks(ctx->doc) ||
	    !at_opening(list, i) || /* before the words: most headings */
	    (rc = names(st, json_array_get(list, i), order[0])) != 1)
		return rc < 0 ? -1 : 0;
	if (dm_box_footer_marks(ctx->family, DMF_CREDITS_CLASS, &m) != 0)
		return -1;
	for (k = 0; k < want && end >= 0; k++, pos = (size_t)end) {
		if ((rc = names(st, json_array_get(list, pos), order[k])) != 1)
			break;
		heads[k] = pos;
		end = statement_end(st, list, pos,
		                    k + 1 < want ? order[k + 1] : NULL, &m);
	}
	dm_box_marks_free(&m);
	if (end < 0 || rc < 0)
		return -1;
	heads[want] = pos;
	return k == want ? (int)want : 0;
}

/* The blocks list[from, to) in a new array; NULL. */
static json_t *slice(const json_t *list, size_t from, size_t to)
{
	json_t *a = json_array();

	for (; a != NULL && from < to; from++)
		if (json_array_append(a, json_array_get(list, from))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

json_t *dmf_headed_triad(dm_ctx *ctx, const json_t *list, size_t i,
                         size_t *used)
{
	const ctype *order[8];
	size_t heads[9], k, want = triad_order(ctx->state, order);
	int n = dmf_heading_triad(ctx->state, ctx, list, i, heads);
	json_t *divs;

	if (n <= 0)
		return n < 0 ? (dm_nomem(ctx->err), NULL) : NULL;
	divs = json_array();
	for (k = 0; divs != NULL && k < want; k++)
		if (dm_append(divs, statement_div(order[k],
		                                  slice(list, heads[k] + 1,
		                                        heads[k + 1])))) {
			json_decref(divs);
			divs = NULL;
		}
	*used = heads[want] - i;
	return group(ctx, divs);
}

/* ------------------------------------------------------------------------
 * A definition list
 * ------------------------------------------------------------------------ */

const ctype *dmf_term_type(const state *st, const json_t *item, int *err)
{
	char *s = words_of(json_array_get(item, 0));
	const ctype *t = s ? dmf_triad_type(st, s) : NULL;

	*err = s == NULL;
	free(s);
	return t;
}

/* The blocks of all the definitions of `item` ([term, [blocks...]]),
 * taken as they are; NULL. */
static json_t *definitions(const json_t *item)
{
	const json_t *defs = json_array_get(item, 1);
	json_t *a = json_array();
	size_t k;

	for (k = 0; a != NULL && k < json_array_size(defs); k++)
		if (json_array_extend(a, json_array_get(defs, k))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

json_t *dmf_defined_triad(dm_ctx *ctx, const json_t *dl)
{
	const json_t *items = dm_content(dl);
	const ctype *types[64];
	size_t k, n = json_array_size(items);
	json_t *divs;
	int err = 0;

	if (n == 0 || n > 64)
		return NULL;
	for (k = 0; k < n; k++)
		if ((types[k] = dmf_term_type(ctx->state,
		                              json_array_get(items, k),
		                              &err)) == NULL)
			return err ? (dm_nomem(ctx->err), NULL) : NULL;
	divs = json_array();
	for (k = 0; divs != NULL && k < n; k++)
		if (dm_append(divs, statement_div(types[k],
		                                  definitions(json_array_get(
		                                          items, k))))) {
			json_decref(divs);
			divs = NULL;
		}
	return group(ctx, divs);
}

/* ------------------------------------------------------------------------
 * Triad callouts one after another
 * ------------------------------------------------------------------------ */

/* Block `b` seen through a +sourcepos wrapper. */
static json_t *unwrapped(json_t *b)
{
	if (dm_sourcepos_wrapper(b) && json_array_size(dm_node_blocks(b)) == 1)
		return json_array_get(dm_node_blocks(b), 0);
	return b;
}

/* The triad type of block `b` when it is a triad callout (a Div or an
 * alert), else NULL. */
static const ctype *callout_type(const state *st, const json_t *b)
{
	const ctype *t = NULL;
	const json_t *para;
	char fold;

	switch (dm_type_of(b)) {
	case DM_T_DIV:
		t = dmf_div_kind(st, b);
		break;
	case DM_T_BLOCK_QUOTE:
		para = json_array_get(dm_content(b), 0);
		if (dm_type_of(para) == DM_T_PARA ||
		    dm_type_of(para) == DM_T_PLAIN)
			t = dmf_alert_type(st, json_array_get(dm_content(para), 0),
			                   &fold);
		break;
	default:
		break;
	}
	return t != NULL && t->triad ? t : NULL;
}

json_t *dmf_callout_run(dm_ctx *ctx, json_t *list, size_t i, size_t *used)
{
	const state *st = ctx->state;
	const ctype *order[8], *seen[8];
	size_t n, k, want = triad_order(st, order);
	json_t *blocks;

	for (n = 0; n < want && i + n < json_array_size(list); n++) {
		seen[n] = callout_type(st, unwrapped(json_array_get(list,
		                                                    i + n)));
		for (k = 0; seen[n] != NULL && k < n; k++)
			if (seen[k] == seen[n])
				seen[n] = NULL;
		if (seen[n] == NULL)
			return NULL;
	}
	if (n < want || (blocks = json_array()) == NULL)
		return n < want ? NULL : (dm_nomem(ctx->err), NULL);
	for (k = 0; k < n; k++)
		if (json_array_append(blocks,
		                      unwrapped(json_array_get(list, i + k)))) {
			json_decref(blocks);
			return dm_nomem(ctx->err), NULL;
		}
	*used = n;
	return group(ctx, blocks);
}
