/*
 * credit.c - dm-check's credit rules, on what dm-credits reads (through
 * filters.h, the same recognisers): credit lines that do not parse
 * (DM203), the images a credit line or a Credits section credits (DM202
 * waits for them), and Credits sections dm-credits must leave in place
 * because a block in them is not a credit (DM203).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Credit lines stand at the top level, in divs or in quotes, as
 * dm-credits reads them: true when a block under `parent` may be one. */
static bool credit_place(const json_t *parent)
{
	if (parent == NULL)
		return true;
	switch (dm_type_of(parent)) {
	case DM_T_DIV:
	case DM_T_BLOCK_QUOTE:
		return true;
	default:
		return false;
	}
}

/* A block as written: read with +sourcepos, in a Div of its own. */
static json_t *bare(json_t *b)
{
	const json_t *attr = dm_node_attr(b);

	if (dm_type_of(b) == DM_T_DIV && *dm_attr_id(attr) == '\0' &&
	    json_array_size(json_array_get(attr, 1)) == 0 &&
	    dm_attr_get(attr, "data-pos") != NULL &&
	    json_array_size(dm_node_blocks(b)) == 1)
		return json_array_get(dm_node_blocks(b), 0);
	return b;
}

/* The Credits section at list[i..end) stays in place: list[bad] is no
 * credit, reported when the walk is there; its paragraphs are
 * remembered.  0, or -1 when out of memory. */
static int kept(dmc_state *st, json_t *list, size_t i, size_t bad,
                size_t end)
{
	size_t j;

	if (json_array_append_new(st->credit_bad,
	                          json_pack("[OO]", json_array_get(list, bad),
	                                    json_array_get(list, i))))
		return -1;
	for (j = i + 1; j < end; j++)
		if (json_array_append(st->credit_kept,
		                      bare(json_array_get(list, j))))
			return -1;
	return 0;
}

/* What a message quotes of `text` (a new string, or NULL): on one line,
 * every run of white space one space (a table's cells, a list's items),
 * cut at a character within `max` bytes, with an ellipsis when cut. */
static char *excerpt(const char *text, size_t max)
{
	dm_buf b = {0};
	size_t cut;
	bool space = false;

	for (; *text; text++) {
		if (*text == ' ' || *text == '\t' || *text == '\n' ||
		    *text == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			dm_buf_putc(&b, ' ');
		dm_buf_putc(&b, *text);
		space = false;
	}
	if (!dm_buf_failed(&b) && b.data != NULL &&
	    (cut = dm_utf8_cut(b.data, max)) < b.len) {
		b.len = cut;
		b.data[cut] = '\0';
		dm_buf_puts(&b, "\u2026");
	}
	return dm_buf_take(&b);
}

/* A block that keeps its Credits section in place (see kept()): DM203.
 * 0, or -1 with ctx->err set. */
static int report_kept(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	dmc_state *st = ctx->state;
	const json_t *pair = NULL;
	char *all, *head, *text;
	size_t i;
	int rc;

	for (i = 0; pair == NULL && i < json_array_size(st->credit_bad); i++)
		if (json_array_get(json_array_get(st->credit_bad, i), 0) == node)
			pair = json_array_get(st->credit_bad, i);
	if (pair == NULL)
		return 0;
	all = dm_stringify(dm_node_inlines(json_array_get(pair, 1)));
	head = all ? excerpt(all, 40) : NULL;
	free(all);
	all = dm_stringify(bare(node));
	text = all ? excerpt(all, 60) : NULL;
	free(all);
	rc = head && text ? 0 : dm_nomem(ctx->err);
	if (rc == 0)
		rc = dmc_report(ctx, dmc_here(st, w, node), DMC_CREDIT_UNPARSED,
		                "the section \"%s\" holds what is not a "
		                "credit (\"%s\"): it stays in place, and its "
		                "credits are not gathered into the footer",
		                head, text);
	free(head);
	free(text);
	return rc;
}

int dmc_check_credit(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	dmc_state *st = ctx->state;
	dmf_credit_line line = DMF_CREDIT_LINE_NONE;
	char *all, *text;
	int rc;

	if (dm_holds(st->credit_heads, node)) {
		json_array_clear(st->uncredited);
		return 0;
	}
	if (report_kept(ctx, w, node) != 0)
		return -1;
	if (credit_place(dm_walk_ancestor(w, 0)) &&
	    !dm_holds(st->credit_kept, node))
		line = dmf_credits_line(ctx, st->credits, node,
		                        node == st->credit_last);
	if (line == DMF_CREDIT_LINE_ERROR || line == DMF_CREDIT_LINE_NONE)
		return line == DMF_CREDIT_LINE_ERROR ? -1 : 0;
	if (line == DMF_CREDIT_LINE_TAIL) { /* its caption's images first */
		st->credit_tail = node;
		return 0;
	}
	json_array_clear(st->uncredited);
	if (line != DMF_CREDIT_LINE_UNPARSED)
		return 1;
	all = dm_stringify(node);
	text = all ? excerpt(all, 80) : NULL;
	free(all);
	if (text == NULL)
		return dm_nomem(ctx->err);
	rc = dmc_report(ctx, dmc_here(st, w, node), DMC_CREDIT_UNPARSED,
	                "cannot read the credit line \"%s\" (expected, "
	                "say, \"Photo by NAME on SOURCE\")", text);
	free(text);
	return rc ? -1 : 1;
}

dm_walk_result dmc_credit_sections(dm_ctx *ctx, const dm_walk *w,
                                   json_t *list)
{
	dmc_state *st = ctx->state;
	size_t i, end, bad;
	int rc;

	if (!credit_place(dm_walk_ancestor(w, 0)))
		return DM_WALK_CONTINUE;
	if (dm_walk_ancestor(w, 0) == NULL &&
	    dmf_credits_last(ctx, st->credits, list, &st->credit_last) != 0)
		return DM_WALK_ERROR;
	for (i = 0; i < json_array_size(list); i++) {
		rc = dmf_credits_section(ctx, st->credits, list, i, &end, &bad);
		if (rc < 0)
			return DM_WALK_ERROR;
		if (rc == 0)
			continue;
		if (bad < end ? kept(st, list, i, bad, end) != 0
		              : json_array_append(st->credit_heads,
		                                  json_array_get(list, i)) != 0)
			return dm_nomem(ctx->err), DM_WALK_ERROR;
		i = end - 1;
	}
	return DM_WALK_CONTINUE;
}
