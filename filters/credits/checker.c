/*
 * checker.c - what dm-check reads credits through (filters.h): the
 * recognisers of dm-credits, on a dmf_credits object of its own
 * (dmf_credits_open() and _close() are in options.c), so that the checker
 * finds a credit exactly where dm-credits takes one.
 */
#include "credits.h"

dmf_credit_line dmf_credits_line(dm_ctx *ctx, const dmf_credits *cr,
                                 const json_t *b, bool last)
{
	credit_list found = {0};
	bool unparsed = false;
	size_t i, keep;
	int n;

	switch (dm_type_of(b)) {
	case DM_T_PARA:
	case DM_T_PLAIN:
		break;
	default:
		return DMF_CREDIT_LINE_NONE;
	}
	n = cr_read_para(cr, dm_content(b), CR_FROM_BODY, &found, &keep,
	                 ctx->err);
	if (n == 0 && last)
		n = cr_read_tail(cr, dm_content(b), CR_FROM_BODY, &found, &keep,
		                 ctx->err);
	for (i = 0; i < found.n; i++)
		unparsed = unparsed || found.v[i].raw != NULL;
	cr_list_free(&found);
	if (n < 0)
		return DMF_CREDIT_LINE_ERROR;
	if (n == 0)
		return DMF_CREDIT_LINE_NONE; /* the prefix alone */
	if (keep > 0)
		return DMF_CREDIT_LINE_TAIL;
	return unparsed ? DMF_CREDIT_LINE_UNPARSED : DMF_CREDIT_LINE_PARSED;
}

int dmf_credits_last(dm_ctx *ctx, const dmf_credits *cr,
                     const json_t *list, const json_t **last)
{
	return cr_last_para(cr, list, last, ctx->err);
}

int dmf_credits_section(dm_ctx *ctx, const dmf_credits *cr,
                        const json_t *list, size_t i, size_t *end,
                        size_t *bad)
{
	return cr_section_at(cr, list, i, end, bad, NULL, ctx->err);
}

bool dmf_credits_image(const json_t *image)
{
	const char *name = dm_attr_get(dm_node_attr(image), "credit");
	const char *source = dm_attr_get(dm_node_attr(image), "source");

	return (name && name[0]) || (source && source[0]);
}

int dmf_credits_alt(dm_ctx *ctx, const dmf_credits *cr,
                    const json_t *image)
{
	credit_list found = {0};
	int n = cr_read_alt(cr, image, &found, ctx->err);

	cr_list_free(&found);
	return n < 0 ? -1 : n > 0;
}

bool dmf_credits_meta_image(const dmf_credits *cr, const char *src)
{
	return cr_meta_for(cr, src, false) != NULL;
}
