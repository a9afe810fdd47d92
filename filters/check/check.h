/*
 * check.h - what the parts of dm-check share, private to filters/check/:
 * the rules (rules.c), the state of one run (check.c), the rules on text
 * (runon.c), credit lines and Credits sections (credit.c) and the
 * findings and their report (report.c).
 */
#ifndef DM_CHECK_H
#define DM_CHECK_H

#include "filters.h"

/** The metadata key of the checker's options. */
#define DMC_OPT "dm-check"

/** What a finding weighs; DMC_OFF: the rule is not checked. */
typedef enum dmc_severity { DMC_OFF, DMC_WARNING, DMC_ERROR } dmc_severity;
#define DMC_SEV_warning DMC_WARNING
#define DMC_SEV_error DMC_ERROR

/*
 * The rules, once: X(NAME, ID, name, default severity, what it finds).
 * The enum dmc_rule_id, the table dmc_rules and the rules in --help are
 * made from it.
 */
#define DMC_RULES(X)                                                        \
	X(TRIAD_MISSING, "DM101", "triad-missing", error,                   \
	  "the triad lacks one of Tension, Noise, Direct Message")          \
	X(TRIAD_REPEATED, "DM102", "triad-repeated", error,                 \
	  "the triad has a statement twice")                                \
	X(CALLOUT_EMPTY, "DM103", "callout-empty", error,                   \
	  "a callout has no content")                                       \
	X(ALERT_UNKNOWN, "DM104", "alert-unknown", error,                   \
	  "an alert [!TYPE] names no type")                                 \
	X(CLASS_NEAR_MISS, "DM105", "class-near-miss", warning,             \
	  "a div class is a misspelt callout type")                         \
	X(TRIAD_RUN_ON, "DM106", "triad-run-on", error,                     \
	  "a triad statement runs on into the article (no blank line "      \
	  "after the list)")                                                \
	X(MARKUP_TEXT, "DM107", "markup-as-text", error,                    \
	  "markup the reader left as text: a fenced div, attributes, an "   \
	  "Obsidian embed, link or comment")                                \
	X(IMAGE_NO_ALT, "DM201", "image-no-alt", warning,                   \
	  "an image has no alternative text")                               \
	X(IMAGE_NO_CREDIT, "DM202", "image-no-credit", warning,             \
	  "an image has no credit")                                         \
	X(CREDIT_UNPARSED, "DM203", "credit-unparsed", warning,             \
	  "a credit line cannot be parsed")                                 \
	X(SECTION_MISSING, "DM301", "section-missing", warning,             \
	  "the Direct Message section is missing")                          \
	X(LINK_EMPTY, "DM302", "link-empty", warning, "a link has no text")

/** The rules, as the table dmc_rules orders them. */
typedef enum dmc_rule_id {
#define DMC_RULE_ENUM(e, id, name, sev, summary) DMC_##e,
	DMC_RULES(DMC_RULE_ENUM)
#undef DMC_RULE_ENUM
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

/** The article's file (dm-check.file), read when a finding needs a line
 * the document does not carry (source.c). */
typedef struct dmc_source {
	bool tried;       /* read, or tried to */
	char *text;       /* the file, or NULL */
	dm_buf skel;      /* its letters and digits */
	size_t *offsets;  /* each byte of skel: its offset in text */
	size_t from;      /* where the last block was found in skel */
	bool nomem;       /* memory ran out: finish() says so */
} dmc_source;

/** One run of the checker (ctx->state). */
typedef struct dmc_state {
	dmf_callouts *callouts;
	dmf_credits *credits;
	/* the options (check.c reads them) */
	dmc_severity severity[DMC_NRULES];
	int out;             /* a dmc_output */
	bool strict;
	char *file;          /* for GitHub annotations, or NULL */
	/* where the walk is */
	char *section;       /* the heading above, or NULL before the first */
	size_t block;        /* the top-level block's number in its section */
	/* what it has seen */
	json_t *findings;    /* the report, in document order */
	json_t *positions;   /* +sourcepos: "%p" of a block -> its data-pos */
	size_t triad[8];     /* statements seen per triad type */
	json_t *first_triad; /* where the first triad statement is */
	json_t *candidate;   /* where the first list or paragraphs not read
	                        as the triad, but labelled nearly so, are */
	char *candidate_text; /* what they read */
	dmf_label run[8];     /* the labelled paragraphs in a row */
	size_t nrun, run_depth;
	const json_t *run_parent;
	json_t *run_where;    /* where the first of them is */
	dmf_label lines[8];   /* the first one's lines, when two or more open
	                         with labels (text with a paragraph per line,
	                         read as Markdown: the lines make one) */
	size_t nlines;
	json_t *uncredited;  /* images waiting for a credit line */
	const json_t *credit_tail; /* a caption with credit lines under it:
	                              they credit its images too */
	const json_t *credit_last; /* the article's last paragraph: a credit
	                              may end it (dmf_credits_last()) */
	json_t *credit_heads; /* headings of Credits sections dm-credits takes */
	json_t *credit_kept; /* paragraphs of Credits sections left in place */
	json_t *credit_bad;  /* [block, heading]: what keeps such a section */
	bool section_seen;
	json_t *section_near; /* where a heading holding the section's
	                         heading, not read as it, is */
	char *section_near_text; /* its text */
	size_t errors, warnings;
	dmc_source src;      /* st->file, read */
} dmc_state;

/* ------------------------------------------------------------------------
 * Rules (rules.c)
 * ------------------------------------------------------------------------ */

/**
 * Reads the severities of the rules into st->severity (`state`, a
 * dmc_state), each rule's default where none is given, from the `rules`
 * option `value` (found at `where`; NULL when absent), a map from ID or
 * name to off, warning or error, and from flat keys dm-check.rules.ID.  A
 * key that names no rule is an error.  The reader of the option table's
 * row `rules`: 0, or -1 with ctx->err set.
 */
int dmc_rules_read(dm_ctx *ctx, const json_t *value, const char *where,
                   void *state);

/* ------------------------------------------------------------------------
 * The triad (triad.c)
 * ------------------------------------------------------------------------ */

/** A statement of the triad of `type` seen at `where` (stolen; NULL: the
 * metadata). */
void dmc_triad_seen(dmc_state *st, const char *type, json_t *where);
/** A bullet list: its labelled items.  0 or -1 (ctx->err). */
int dmc_triad_list(dm_ctx *ctx, const dm_walk *w, json_t *node);
/** The document's top-level blocks `list`: the triad written as headings
 * ("## Tension" over its statement, then Noise, then Direct Message).  0
 * or -1. */
int dmc_triad_headings(dm_ctx *ctx, const dm_walk *w, const json_t *list);
/** Every block the walk enters: the runs of labelled paragraphs.  0 or
 * -1. */
int dmc_triad_block(dm_ctx *ctx, const dm_walk *w, json_t *node);
/** A callout div of `type`, no triad type, titled with a triad label
 * (Quarto's `::: {.callout-note title="Tension"}`): the first such is a
 * candidate DM101 names.  0 or -1 (ctx->err). */
int dmc_triad_titled(dm_ctx *ctx, const dm_walk *w, json_t *div,
                     const char *type);
/** After the walk: the metadata's statements, then one finding for what
 * the triad lacks and one for each statement made twice.  0 or -1. */
int dmc_triad_end(dm_ctx *ctx);

/* ------------------------------------------------------------------------
 * Text rules (runon.c)
 * ------------------------------------------------------------------------ */

/**
 * Item `i` of the triad list `node`, a statement of `type`: reports
 * DM106 when it runs on for three lines or more, two of its line breaks
 * after the end of a sentence (the article after the list swallowed).
 * 0, or -1 with ctx->err set.
 */
int dmc_run_on(dm_ctx *ctx, const dm_walk *w, json_t *node, size_t i,
               const char *type);

/* ------------------------------------------------------------------------
 * Markup read as text (markup.c)
 * ------------------------------------------------------------------------ */

/**
 * A paragraph: DM107 for a fenced div, an image's attributes or an
 * Obsidian embed or wikilink its reader left as text.  0, or -1 with
 * ctx->err set.
 */
int dmc_check_markup(dm_ctx *ctx, const dm_walk *w, json_t *node);

/* ------------------------------------------------------------------------
 * Credits (credit.c)
 * ------------------------------------------------------------------------ */

/**
 * A block that may be a credit line, read as dm-credits reads it: it
 * credits the images since the last one (so does the heading of a
 * Credits section dm-credits takes); DM203 when it does not parse.  1
 * when it is one, 0 when not, -1 on error.  A caption with credit lines
 * under it is 0, and st->credit_tail: they credit when the walk leaves
 * it, its own images too.
 */
int dmc_check_credit(dm_ctx *ctx, const dm_walk *w, json_t *node);

/**
 * The walk's callback on each list of blocks: the Credits sections in it,
 * those dm-credits takes whole remembered by their heading, those it
 * leaves in place (a block in them is no credit) reported (DM203) and
 * their paragraphs remembered, as dm-credits reads none of them.
 */
dm_walk_result dmc_credit_sections(dm_ctx *ctx, const dm_walk *w,
                                   json_t *list);

/* ------------------------------------------------------------------------
 * Findings and the report (report.c)
 * ------------------------------------------------------------------------ */

/**
 * Where the walk is, as an object: section, block, path, and the line and
 * column of the nearest `data-pos`, else, with dm-check.file, where the
 * node's text is in the file (0 when neither says).  A new reference, or
 * NULL when out of memory.
 */
json_t *dmc_here(dmc_state *st, const dm_walk *w, const json_t *node);

/* ------------------------------------------------------------------------
 * The article's file (source.c)
 * ------------------------------------------------------------------------ */

/**
 * The line and column in st->file where the text of `node` is (its first
 * letters and digits, looked for after the last block found, then from
 * the start): sets `*line` and `*col`, or leaves them when the file
 * cannot be read or the text is not in it.  When memory runs out it sets
 * st->src.nomem.
 */
void dmc_source_find(dmc_state *st, const json_t *node, long *line,
                     long *col);

/** Frees what `src` holds. */
void dmc_source_free(dmc_source *src);

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
 * Writes the findings to standard error in the chosen output, then (text
 * only) the count of errors and warnings.  0, or -1 with ctx->err set.
 */
int dmc_report_write(dm_ctx *ctx);

#endif /* DM_CHECK_H */
