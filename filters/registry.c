/*
 * registry.c - the filters `dm` knows, and its default chain: shared by
 * dm (the multi-call program) and dm-to-html (Markdown files to pages).
 */
#include "filters.h"

const dm_filter *const dmf_filters[] = {
	&dm_check_filter,
	&dm_callouts_filter,
	&dm_credits_filter,
	NULL
};

const char dmf_chain[] = "callouts,credits";
