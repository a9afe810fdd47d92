/*
 * shared.c - what dm-check asks dm-callouts (filters.h): the checker sees
 * callouts through the very recognisers the filter uses, so the two cannot
 * disagree about what an article holds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callouts.h"

const char *dmf_callouts_triad(const dmf_callouts *st, size_t i)
{
	size_t k;

	for (k = 0; k < st->ntypes; k++)
		if (st->types[k].triad && i-- == 0)
			return st->types[k].name;
	return NULL;
}

const char *dmf_callouts_div(const dmf_callouts *st, const json_t *div)
{
	const ctype *t = dm_type_of(div) == DM_T_DIV ? dmf_div_kind(st, div)
	                                             : NULL;

	return t ? t->name : NULL;
}

const char *dmf_callouts_alert(const dmf_callouts *st, const json_t *quote,
                               const char **marker, size_t *len)
{
	const json_t *para = json_array_get(dm_content(quote), 0);
	const json_t *first = json_array_get(dmf_block_text(para), 0);
	const char *s = json_string_value(dm_content(first));
	const ctype *t;
	size_t n;
	char fold;

	*marker = NULL;
	*len = 0;
	if (dm_type_of(quote) != DM_T_BLOCK_QUOTE ||
	    dm_type_of(first) != DM_T_STR || s == NULL ||
	    strncmp(s, "[!", 2) != 0 || (n = strlen(s)) < 4)
		return NULL;
	if (s[n - 1] == '-' || s[n - 1] == '+')
		n--;
	if (s[n - 1] != ']')
		return NULL;
	*marker = s + 2;
	*len = n - 3;
	t = dmf_alert_type(st, first, &fold);
	return t ? t->name : NULL;
}

static int blank(const json_t *blocks);

/* A definition list's item ([term, [blocks...]]) as a statement: its
 * term is the label, its definitions the statement. */
static void term_label(const dmf_callouts *st, const json_t *item,
                       dmf_label *out)
{
	const json_t *defs = json_array_get(item, 1);
	char *s = dm_stringify(json_array_get(item, 0));
	const ctype *t;
	size_t k;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return;
	s[dmf_heading_words(s, strlen(s))] = '\0';
	snprintf(out->written, sizeof out->written, "%s", s);
	t = dmf_triad_type(st, s);
	out->type = t ? t->name : NULL;
	out->near = t ? NULL : dmf_near_label(st, s);
	free(s);
	out->empty = t != NULL;
	for (k = 0; out->empty && k < json_array_size(defs); k++)
		out->empty = blank(json_array_get(defs, k)) != 0;
}

size_t dmf_callouts_list(const dmf_callouts *st, const json_t *list,
                         dmf_label *labels, size_t max)
{
	const json_t *items = dm_content(list);
	size_t i, n = json_array_size(items);
	bool terms = dm_type_of(list) == DM_T_DEFINITION_LIST;

	if (dm_type_of(list) != DM_T_BULLET_LIST && !terms)
		return 0;
	for (i = 0; i < n && i < max; i++)
		if (terms)
			term_label(st, json_array_get(items, i), &labels[i]);
		else
			dmf_label_of(st, json_array_get(items, i), &labels[i]);
	return n;
}

size_t dmf_callouts_headings(const dm_ctx *ctx, const dmf_callouts *st,
                             const json_t *list, size_t i,
                             dmf_label *labels, size_t *heads)
{
	size_t k, j, n = dmf_callouts_triad_size(st), h[9];
	int rc = dmf_heading_triad(st, ctx, list, i, h);

	if (rc <= 0 || n > 8)
		return 0;
	for (k = 0; k < n; k++) {
		const json_t *head = json_array_get(list, h[k]);
		char *s = dm_stringify(dm_node_inlines(head));
		dmf_label *l = &labels[k];
		memset(l, 0, sizeof *l);
		snprintf(l->written, sizeof l->written, "%s", s ? s : "");
		free(s);
		l->type = dmf_callouts_triad(st, k);
		l->empty = true;
		for (j = h[k] + 1; l->empty && j < h[k + 1]; j++) {
			json_t *one = json_pack("[O]", json_array_get(list, j));
			l->empty = one == NULL || blank(one) != 0;
			json_decref(one);
		}
		heads[k] = h[k];
	}
	return n;
}

void dmf_callouts_para(const dmf_callouts *st, const json_t *para,
                       dmf_label *label)
{
	json_t *item = json_pack("[O]", para);

	memset(label, 0, sizeof *label);
	if (item != NULL && dm_type_of(para) == DM_T_PARA)
		dmf_label_of(st, item, label);
	json_decref(item);
}

size_t dmf_callouts_triad_size(const dmf_callouts *st)
{
	size_t k, n = 0;

	for (k = 0; k < st->ntypes; k++)
		n += st->types[k].triad;
	return n;
}

bool dmf_callouts_section(const dmf_callouts *st, const json_t *header)
{
	return dm_type_of(header) == DM_T_HEADER &&
	       dmf_is_section(st, header) == 1;
}

const char *dmf_callouts_heading(const dmf_callouts *st)
{
	return st->heading;
}

/* Whether inlines hold nothing to read, only white space: 1 yes, 0 no, -1
 * out of memory. */
static int blank_text(const json_t *ils)
{
	size_t k;
	char *text;
	int none;

	for (k = 0; k < json_array_size(ils); k++)
		switch (dm_type_of(json_array_get(ils, k))) {
		case DM_T_STR:
		case DM_T_SPACE:
		case DM_T_SOFT_BREAK:
		case DM_T_LINE_BREAK:
			break;
		default:
			return 0;
		}
	if ((text = dm_stringify(ils)) == NULL)
		return -1;
	none = text[strspn(text, " ")] == '\0';
	free(text);
	return none;
}

/* Whether blocks hold nothing to read: no text, and no image, code, table
 * or other content that has none.  1 yes, 0 no, -1 out of memory. */
static int blank(const json_t *blocks)
{
	size_t i;
	int rc;

	for (i = 0; i < json_array_size(blocks); i++) {
		const json_t *b = json_array_get(blocks, i);
		switch (dm_type_of(b)) {
		case DM_T_DIV:
			rc = blank(dm_node_blocks(b));
			break;
		case DM_T_PARA:
		case DM_T_PLAIN:
			rc = blank_text(dm_content(b));
			break;
		default:
			rc = 0;
			break;
		}
		if (rc != 1)
			return rc;
	}
	return 1;
}

int dmf_callouts_empty(dm_ctx *ctx, const dmf_callouts *st,
                       const json_t *node)
{
	callout c = {0};
	const ctype *t;
	int rc;

	/* Without `take`, the readers work on copies: the cast is safe. */
	switch (dm_type_of(node)) {
	case DM_T_DIV:
		if ((t = dmf_div_kind(st, node)) == NULL)
			return 0;
		rc = dmf_from_div(ctx, t, (json_t *)node, false, &c);
		break;
	case DM_T_BLOCK_QUOTE:
		rc = dmf_from_alert(ctx, st, (json_t *)node, false, &c) < 0
		             ? -1 : 0;
		break;
	default:
		return 0;
	}
	if (rc == 0 && (rc = blank(c.body)) < 0)
		dm_nomem(ctx->err);
	dmf_callout_free(&c);
	return rc;
}

const char *dmf_callouts_near(const dmf_callouts *st, const char *at,
                              size_t len)
{
	char buf[48 + 8];
	const char *best = NULL, *word = buf;
	size_t i, bestd = 3, limit;

	/* dm_text_distance(): a word of 48 bytes or more is near nothing */
	if (len >= sizeof buf)
		return NULL;
	memcpy(buf, at, len);
	buf[len] = '\0';
	if (strncmp(word, "callout-", 8) == 0)
		word += 8;
	/* Two edits for long names, one for short: "nte" is not "note"'s. */
	limit = strlen(word) >= 6 ? 2 : 1;
	for (i = 0; i < st->ntypes; i++) {
		size_t d = dm_text_distance(word, st->types[i].name);
		if (d == 0)
			return NULL;
		if (d <= limit && d < bestd) {
			bestd = d;
			best = st->types[i].name;
		}
	}
	return best;
}
