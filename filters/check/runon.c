/*
 * runon.c - dm-check's rule DM106: a triad statement that runs on into the
 * article.  Read as Markdown, text with one paragraph per line and no
 * blank line after the triad list is one list item to its end (lazy
 * continuation lines): the Direct Message box would hold the article.
 */
#include <string.h>

#include "check.h"

/* Whether the Str `x` ends a sentence: . ! ? (and 。！？), a closing
 * quotation mark or bracket after one allowed. */
static bool ends_sentence(const json_t *x)
{
	static const char *const ends[] = {".", "!", "?", "\u3002", "\uff01",
	                                   "\uff1f", NULL};
	static const char *const closers[] = {"\"", "'", "\u201d", "\u2019",
	                                      ")", "\u300d", NULL};
	const char *s = json_string_value(dm_content(x));
	size_t n = s ? strlen(s) : 0, i, k;

	if (dm_type_of(x) != DM_T_STR)
		return false;
	for (k = 0; closers[k]; k++) /* one closing mark: "... it.”" */
		if (n >= (i = strlen(closers[k])) &&
		    strcmp(s + n - i, closers[k]) == 0) {
			n -= i;
			break;
		}
	for (k = 0; ends[k]; k++)
		if (n >= (i = strlen(ends[k])) &&
		    strncmp(s + n - i, ends[k], i) == 0)
			return true;
	return false;
}

/*
 * The source lines of list item `item` (its paragraphs' soft breaks plus
 * one each) and how many of its breaks follow the end of a sentence.  A
 * statement wrapped by its writer breaks anywhere; an article swallowed
 * by lazy continuation (no blank line after the list) breaks after every
 * paragraph's last sentence.
 */
static size_t item_lines(const json_t *item, size_t *after_stop)
{
	size_t b, i, lines = 0;

	*after_stop = 0;
	for (b = 0; b < json_array_size(item); b++) {
		const json_t *blk = json_array_get(item, b);
		const json_t *ils = dm_content(blk);
		if (dm_type_of(blk) != DM_T_PARA && dm_type_of(blk) != DM_T_PLAIN)
			continue;
		lines++;
		for (i = 1; i < json_array_size(ils); i++) {
			if (dm_type_of(json_array_get(ils, i)) != DM_T_SOFT_BREAK)
				continue;
			lines++;
			if (ends_sentence(json_array_get(ils, i - 1)))
				(*after_stop)++;
		}
	}
	return lines;
}

/* A triad statement that runs on for three lines or more, two of its
 * breaks after a sentence's end: the article after the list, swallowed. */
int dmc_run_on(dm_ctx *ctx, const dm_walk *w, json_t *node, size_t i,
               const char *type)
{
	dmc_state *st = ctx->state;
	const json_t *item = json_array_get(dm_content(node), i);
	size_t stops, lines;

	/* a definition list's item: [term, [blocks...]], its last
	 * definition the one an article runs on in */
	if (dm_type_of(node) == DM_T_DEFINITION_LIST) {
		const json_t *defs = json_array_get(item, 1);
		item = json_array_get(defs, json_array_size(defs) - 1);
	}
	lines = item_lines(item, &stops);

	if (lines < 3 || stops < 2)
		return 0;
	return dmc_report(ctx, dmc_here(st, w, node), DMC_TRIAD_RUN_ON,
	                  "the %s statement runs on for %zu lines: is a "
	                  "blank line missing after the list?", type, lines);
}

