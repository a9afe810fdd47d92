/*
 * check.h - what the parts of dm-check share, private to filters/check/:
 * the rules (rules.c), the state of one run (check.c) and the findings
 * and their report (report.c).
 */
#ifndef DM_CHECK_H
#define DM_CHECK_H

#include "filters.h"

/** The metadata key of the checker's options. */
#define DMC_OPT "dm-check"

/** What a finding weighs; DMC_OFF: the rule is not checked. */
typedef enum dmc_severity { DMC_OFF, DMC_WARNING, DMC_ERROR } dmc_severity;

/** The rules, as the table dmc_rules orders them. */
typedef enum dmc_rule_id {
	DMC_TRIAD_MISSING,
	DMC_TRIAD_REPEATED,
	DMC_CALLOUT_EMPTY,
	DMC_ALERT_UNKNOWN,
	DMC_CLASS_NEAR_MISS,
	DMC_IMAGE_NO_ALT,
	DMC_IMAGE_NO_CREDIT,
	DMC_CREDIT_UNPARSED,
	DMC_SECTION_MISSING,
	DMC_LINK_EMPTY,
	DMC_NRULES
} dmc_rule_id;

/** A rule: its stable ID ("DM101"), its name ("triad-missing"), its
 * default severity and what it finds, in a line. */
typedef struct dmc_rule {
	const char *id, *name;
	dmc_severity severity;
	const char *summary;
} dmc_rule;

/** Every rule, indexed by dmc_rule_id (rules.c). */
extern const dmc_rule dmc_rules[DMC_NRULES];

/** How the findings are written to standard error. */
typedef enum dmc_output { DMC_TEXT, DMC_GITHUB, DMC_JSON } dmc_output;

/** One run of the checker (ctx->state). */
typedef struct dmc_state {
	dmf_callouts *callouts;
	dmf_credits *credits;
	dmc_severity severity[DMC_NRULES];
	dmc_output out;
	bool strict;
	char *file;          /* for GitHub annotations, or NULL */
	/* where the walk is */
	char *section;       /* the heading above, or NULL before the first */
	size_t block;        /* the top-level block's number in its section */
	/* what it has seen */
	json_t *findings;    /* the report, in document order */
	size_t triad[8];     /* statements seen per triad type */
	json_t *first_triad; /* where the first triad statement is */
	json_t *uncredited;  /* images waiting for a credit line */
	bool section_seen;
	size_t errors, warnings;
} dmc_state;

/* ------------------------------------------------------------------------
 * Rules (rules.c)
 * ------------------------------------------------------------------------ */

/**
 * Reads the severities of the rules from the `rules` option (a map from
 * ID or name to off, warning or error; flat keys dm-check.rules.ID too)
 * into `severity`, each rule's default where none is given.  A key that
 * names no rule is an error.  0, or -1 with ctx->err set.
 */
int dmc_rules_read(dm_ctx *ctx, dmc_severity severity[DMC_NRULES]);

/* ------------------------------------------------------------------------
 * Findings and the report (report.c)
 * ------------------------------------------------------------------------ */

/**
 * Where the walk is, as an object: section, block, path, and the line and
 * column of the nearest `data-pos` (0 when there is none).  A new
 * reference, or NULL when out of memory.
 */
json_t *dmc_here(const dmc_state *st, const dm_walk *w, const json_t *node);

/**
 * Adds a finding of `rule` with the message `fmt` at `where` (stolen; NULL:
 * the whole document), unless the rule is off.  0, or -1 with ctx->err
 * set (out of memory).
 */
int dmc_report(dm_ctx *ctx, json_t *where, dmc_rule_id rule,
               const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/**
 * Reads the `format` option (text, github or json) into `*out`.  0, or -1
 * with ctx->err set.
 */
int dmc_output_read(dm_ctx *ctx, dmc_output *out);

/**
 * Writes the findings to standard error in the chosen output, then (text
 * only) the count of errors and warnings.  0, or -1 with ctx->err set.
 */
int dmc_report_write(dm_ctx *ctx);

#endif /* DM_CHECK_H */
