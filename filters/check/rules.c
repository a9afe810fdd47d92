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
#define DMC_RULE_ROW(e, id, name, sev, summary) \
	[DMC_##e] = {id, name, DMC_SEV_##sev, summary},
	DMC_RULES(DMC_RULE_ROW)
#undef DMC_RULE_ROW
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

/* The `rules` map, when there is one, is a map whose every key names a
 * rule. */
static int check_map(dm_ctx *ctx, const json_t *map, const char *at)
{
	char where[300];
	const char *k;
	json_t *v;

	if (map == NULL)
		return 0;
	if (dm_type_of(map) != DM_T_META_MAP)
		return dm_error_set(ctx->err, DM_EOPTION, at,
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

int dmc_rules_read(dm_ctx *ctx, const json_t *value, const char *where,
                   void *state)
{
	dmc_severity *severity = ((dmc_state *)state)->severity;
	char key[96];
	size_t r;

	if (check_map(ctx, value, where) || check_flat(ctx))
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
