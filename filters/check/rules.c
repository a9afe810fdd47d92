/*
 * rules.c - dm-check's rules: their stable IDs, names and default
 * severities, and the `rules` option that turns them off or changes what
 * they weigh (rules.DM202: off, rules.image-no-credit: error).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

const dmc_rule dmc_rules[DMC_NRULES] = {
	[DMC_TRIAD_MISSING] = {"DM101", "triad-missing", DMC_ERROR,
	                       "the triad lacks one of Tension, Noise, "
	                       "Direct Message"},
	[DMC_TRIAD_REPEATED] = {"DM102", "triad-repeated", DMC_ERROR,
	                        "the triad has a statement twice"},
	[DMC_CALLOUT_EMPTY] = {"DM103", "callout-empty", DMC_ERROR,
	                       "a callout has no content"},
	[DMC_ALERT_UNKNOWN] = {"DM104", "alert-unknown", DMC_ERROR,
	                       "an alert [!TYPE] names no type"},
	[DMC_CLASS_NEAR_MISS] = {"DM105", "class-near-miss", DMC_WARNING,
	                         "a div class is a misspelt callout type"},
	[DMC_IMAGE_NO_ALT] = {"DM201", "image-no-alt", DMC_WARNING,
	                      "an image has no alternative text"},
	[DMC_IMAGE_NO_CREDIT] = {"DM202", "image-no-credit", DMC_WARNING,
	                         "an image has no credit"},
	[DMC_CREDIT_UNPARSED] = {"DM203", "credit-unparsed", DMC_WARNING,
	                         "a credit line cannot be parsed"},
	[DMC_SECTION_MISSING] = {"DM301", "section-missing", DMC_WARNING,
	                         "the Direct Message section is missing"},
	[DMC_LINK_EMPTY] = {"DM302", "link-empty", DMC_WARNING,
	                    "a link has no text"},
};

/* The rule named by ID or name `k`, or DMC_NRULES. */
static size_t rule_index(const char *k)
{
	size_t r;

	for (r = 0; r < DMC_NRULES; r++)
		if (strcmp(k, dmc_rules[r].id) == 0 ||
		    strcmp(k, dmc_rules[r].name) == 0)
			break;
	return r;
}

/* Reads option `key` (rules.ID or rules.NAME), when present, as the
 * severity of rule `r`: off, warning or error, or a boolean (false: off;
 * true: the rule's default). */
static int read_severity(dm_ctx *ctx, dmc_severity *sev, size_t r,
                         const char *key)
{
	char where[256], *s = NULL;
	const json_t *v = dm_option(ctx->doc, DMC_OPT, key, where,
	                            sizeof where);
	bool on;
	int rc = 0;

	if (v == NULL)
		return 0;
	if (dm_type_of(v) == DM_T_META_BOOL) { /* rules.DM202: false */
		if (dm_meta_bool(v, where, &on, ctx->err) < 0)
			return -1;
		*sev = on ? dmc_rules[r].severity : DMC_OFF;
		return 0;
	}
	if (dm_meta_string(v, where, &s, ctx->err) < 0)
		return -1;
	if (strcmp(s, "off") == 0 || strcmp(s, "false") == 0)
		*sev = DMC_OFF;
	else if (strcmp(s, "warning") == 0)
		*sev = DMC_WARNING;
	else if (strcmp(s, "error") == 0)
		*sev = DMC_ERROR;
	else
		rc = dm_error_set(ctx->err, DM_EOPTION, where,
		                  "expected off, warning or error, found \"%s\"",
		                  s);
	free(s);
	return rc;
}

/* Every key of the `rules` map names a rule. */
static int check_map(dm_ctx *ctx)
{
	char where[256];
	const json_t *map = dm_option(ctx->doc, DMC_OPT, "rules", where,
	                              sizeof where);
	const char *k;
	json_t *v;

	if (map == NULL)
		return 0;
	if (dm_type_of(map) != DM_T_META_MAP)
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "expected a map from rule to off, warning "
		                    "or error");
	json_object_foreach(dm_content(map), k, v) {
		if (rule_index(k) < DMC_NRULES)
			continue;
		snprintf(where, sizeof where, "meta.%s.rules.%s", DMC_OPT, k);
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "no rule \"%s\" (see dm-check --help)", k);
	}
	return 0;
}

/* Flat keys too: -M dm-check.rules.DM999=off is no rule either. */
static int check_flat(dm_ctx *ctx)
{
	static const char flat[] = DMC_OPT ".rules.";
	char where[256];
	const char *k;
	json_t *v;

	json_object_foreach(dm_doc_meta(ctx->doc), k, v) {
		if (strncmp(k, flat, sizeof flat - 1) != 0 ||
		    rule_index(k + sizeof flat - 1) < DMC_NRULES)
			continue;
		snprintf(where, sizeof where, "meta[\"%s\"]", k);
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "no rule \"%s\" (see dm-check --help)",
		                    k + sizeof flat - 1);
	}
	return 0;
}

int dmc_rules_read(dm_ctx *ctx, dmc_severity severity[DMC_NRULES])
{
	char key[96];
	size_t r;

	if (check_map(ctx) || check_flat(ctx))
		return -1;
	for (r = 0; r < DMC_NRULES; r++) {
		severity[r] = dmc_rules[r].severity;
		snprintf(key, sizeof key, "rules.%s", dmc_rules[r].name);
		if (read_severity(ctx, &severity[r], r, key))
			return -1;
		snprintf(key, sizeof key, "rules.%s", dmc_rules[r].id);
		if (read_severity(ctx, &severity[r], r, key))
			return -1;
	}
	return 0;
}
