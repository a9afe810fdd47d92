/*
 * check.c - dm-check: what is wrong with an article, on standard error.
 *
 * The document passes through unchanged.  Callouts and credits are
 * recognised by the same code dm-callouts and dm-credits use (filters.h).
 * Each finding has a stable rule ID, a severity, a message and where it is:
 * the section heading above it and the block's number in that section, and
 * the line and column where the document carries source positions
 * (`data-pos`, from pandoc's `+sourcepos`).  In strict mode an error
 * stops the build: exit 1, nothing on standard output.
 *
 * This file is the filter and its walk; the rules are in rules.c, the
 * findings and the report in report.c.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *const outputs[] = {"text", "github", "json", NULL};

/* The rules in --help: " DM101 (triad-missing, error) ..." */
#define RULE_HELP(e, id, name, sev, summary) " " id " (" name ", " #sev ")"

static const dm_option_spec options[] = {
	{"strict", DM_OPT_BOOL, offsetof(dmc_state, strict), "false", NULL,
	 "exit 1 on any error, failing the build; else report and exit 0",
	 NULL, NULL},
	{"format", DM_OPT_CHOICE, offsetof(dmc_state, out), "text", NULL,
	 "how findings are written to standard error", outputs, NULL},
	{"file", DM_OPT_STRING, offsetof(dmc_state, file), NULL, "NAME",
	 "the article's file: read for the line of each finding, and named "
	 "in GitHub annotations", NULL, NULL},
	{"rules", DM_OPT_CUSTOM, 0, NULL, "ID: off | warning | error",
	 "turn a rule off or change its severity; ID is a rule's ID or name "
	 "(rules.DM202, rules.image-no-credit). The rules, with their "
	 "default severity:" DMC_RULES(RULE_HELP),
	 NULL, dmc_rules_read},
	{NULL}
};

/* ------------------------------------------------------------------------
 * Start and release
 * ------------------------------------------------------------------------ */

static void release(dm_ctx *ctx)
{
	dmc_state *st = ctx->state;

	if (st == NULL)
		return;
	dmf_callouts_close(st->callouts);
	dmf_credits_close(st->credits);
	json_decref(st->findings);
	json_decref(st->positions);
	dmc_source_free(&st->src);
	json_decref(st->first_triad);
	json_decref(st->candidate);
	free(st->candidate_text);
	json_decref(st->run_where);
	json_decref(st->uncredited);
	json_decref(st->credit_heads);
	json_decref(st->credit_kept);
	json_decref(st->credit_bad);
	free(st->section);
	json_decref(st->section_near);
	free(st->section_near_text);
	dm_options_free(options, st);
	free(st);
}

static int start(dm_ctx *ctx)
{
	dmc_state *st = calloc(1, sizeof *st);

	if (st == NULL)
		return dm_nomem(ctx->err);
	ctx->state = st;
	st->findings = json_array();
	st->uncredited = json_array();
	st->credit_heads = json_array();
	st->credit_kept = json_array();
	st->credit_bad = json_array();
	if (st->findings == NULL || st->uncredited == NULL ||
	    st->credit_heads == NULL || st->credit_kept == NULL ||
	    st->credit_bad == NULL)
		return dm_nomem(ctx->err);
	if (dm_options_read(ctx, DMC_OPT, options, st) ||
	    (st->callouts = dmf_callouts_open(ctx)) == NULL ||
	    (st->credits = dmf_credits_open(ctx)) == NULL)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Callouts: the triad, empty callouts, unknown alerts, misspelt classes
 * ------------------------------------------------------------------------ */

/* Classes pandoc itself gives a meaning (speaker notes, columns):
 * never a misspelt type, however near one ("notes" is one edit from
 * "note"). */
static bool pandoc_class(const char *c)
{
	static const char *const own[] = {"notes", "columns", "column",
	                                  "incremental", "nonincremental",
	                                  NULL};
	size_t i;

	for (i = 0; own[i]; i++)
		if (strcmp(c, own[i]) == 0)
			return true;
	return false;
}

/* The callout `node` of type `type`: a statement of the triad when the
 * type is one, and an error when it says nothing. */
static int callout_seen(dm_ctx *ctx, const dm_walk *w, json_t *node,
                        const char *type)
{
	dmc_state *st = ctx->state;
	int e;

	dmc_triad_seen(st, type, dmc_here(st, w, node));
	if ((e = dmf_callouts_empty(ctx, st->callouts, node)) < 0)
		return -1;
	if (e)
		return dmc_report(ctx, dmc_here(st, w, node),
		                  DMC_CALLOUT_EMPTY,
		                  "the %s callout has no content", type);
	return 0;
}

/* A div: a callout, or a div whose class is a near miss of a type. */
static int check_div(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	dmc_state *st = ctx->state;
	const json_t *classes = json_array_get(dm_node_attr(node), 1);
	const char *type = dmf_callouts_div(st->callouts, node);
	size_t i;

	if (type != NULL)
		return callout_seen(ctx, w, node, type) ||
		               dmc_triad_titled(ctx, w, node, type)
		       ? -1
		       : 0;
	for (i = 0; i < json_array_size(classes); i++) {
		const char *c = json_string_value(json_array_get(classes, i));
		const char *near = c == NULL || pandoc_class(c)
		                           ? NULL
		                           : dmf_callouts_near(st->callouts, c,
		                                               strlen(c));
		if (near && dmc_report(ctx, dmc_here(st, w, node),
		                       DMC_CLASS_NEAR_MISS,
		                       "class \"%s\" is no callout type: did "
		                       "you mean %s?", c, near))
			return -1;
	}
	return 0;
}

/* A block quote: a GitHub alert ("> [!NOTE]"), known or not. */
static int check_alert(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	dmc_state *st = ctx->state;
	const char *near, *at, *type;
	size_t len;

	type = dmf_callouts_alert(st->callouts, node, &at, &len);
	if (type != NULL || at == NULL)
		return type ? callout_seen(ctx, w, node, type) : 0;
	near = dmf_callouts_near(st->callouts, at, len);
	return dmc_report(ctx, dmc_here(st, w, node), DMC_ALERT_UNKNOWN,
	                  "unknown alert type [!%.*s]%s%s%s", (int)len, at,
	                  near ? ": did you mean " : "", near ? near : "",
	                  near ? "?" : "");
}

static int check_callouts(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	switch (dm_type_of(node)) {
	case DM_T_BULLET_LIST:
	case DM_T_DEFINITION_LIST:
		return dmc_triad_list(ctx, w, node);
	case DM_T_DIV:
		return check_div(ctx, w, node);
	case DM_T_BLOCK_QUOTE:
		return check_alert(ctx, w, node);
	default:
		return 0;
	}
}

/* ------------------------------------------------------------------------
 * The walk
 * ------------------------------------------------------------------------ */

/* Whether `hay` holds `needle`, ASCII letters in any case. */
static bool holds(const char *hay, const char *needle)
{
	size_t i, n = strlen(needle);

	for (; *hay; hay++) {
		for (i = 0; i < n && hay[i] &&
		            tolower((unsigned char)hay[i]) ==
		                    tolower((unsigned char)needle[i]);
		     i++)
			;
		if (i == n)
			return true;
	}
	return false;
}

/* A heading not read as the Direct Message section that holds its
 * heading ("3. The Direct Message", "The Direct Message for investors"):
 * the first is remembered, for DM301 to name.  0, or -1 (ctx->err). */
static int near_section(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	dmc_state *st = ctx->state;
	char *text;

	if (st->section_near != NULL)
		return 0;
	if ((text = dm_stringify(dm_node_inlines(node))) == NULL)
		return dm_nomem(ctx->err);
	if (!holds(text, dmf_callouts_heading(st->callouts))) {
		free(text);
		return 0;
	}
	st->section_near_text = text;
	if ((st->section_near = dmc_here(st, w, node)) == NULL)
		return dm_nomem(ctx->err);
	return 0;
}

static dm_walk_result on_block(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                               json_t *node, json_t **out)
{
	dmc_state *st = ctx->state;
	bool header = dm_type_of(node) == DM_T_HEADER;
	int credit;

	(void)out;
	if (ev == DM_EXIT && node == st->credit_tail) {
		st->credit_tail = NULL;
		json_array_clear(st->uncredited);
	}
	if (ev != DM_ENTER)
		return DM_WALK_CONTINUE;
	if (dm_walk_depth(w) == 0) { /* a top-level block */
		if (header) {
			free(st->section);
			st->section = dm_stringify(dm_node_inlines(node));
			st->block = 0;
		} else {
			st->block++;
		}
	}
	if (header && dmf_callouts_section(st->callouts, node))
		st->section_seen = true;
	else if (header && near_section(ctx, w, node))
		return DM_WALK_ERROR;
	if (dmc_triad_block(ctx, w, node) || check_callouts(ctx, w, node) ||
	    dmc_check_markup(ctx, w, node))
		return DM_WALK_ERROR;
	credit = dmc_check_credit(ctx, w, node);
	if (credit < 0)
		return DM_WALK_ERROR;
	return credit ? DM_WALK_SKIP : DM_WALK_CONTINUE;
}

/* True when inlines hold an image at any depth (an image link has text
 * enough: its alternative text is checked on its own). */
static bool has_image(const json_t *inlines)
{
	size_t i;

	for (i = 0; i < json_array_size(inlines); i++) {
		const json_t *x = json_array_get(inlines, i);
		const json_t *ils = dm_node_inlines(x);
		if (dm_type_of(x) == DM_T_IMAGE || (ils && has_image(ils)))
			return true;
	}
	return false;
}

/* True when `text` is there (not out of memory) and only spaces. */
static bool blank(const char *text)
{
	return text && text[strspn(text, " ")] == '\0';
}

/* An image: its alternative text, and whether anything credits it (a
 * credit line after it may yet: it waits in st->uncredited). */
static int check_image(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	dmc_state *st = ctx->state;
	const char *src = json_string_value(
	        json_array_get(dm_field(node, 2), 0));
	char *text = dm_stringify(dm_field(node, 1));
	json_t *pending;
	int rc = 0;

	if (src == NULL)
		src = "";
	if (blank(text))
		rc = dmc_report(ctx, dmc_here(st, w, node), DMC_IMAGE_NO_ALT,
		                "the image %s has no alternative text", src);
	free(text);
	if (rc || dmf_credits_image(node) ||
	    dmf_credits_meta_image(st->credits, src))
		return rc;
	if ((rc = dmf_credits_alt(ctx, st->credits, node)) != 0)
		return rc < 0 ? -1 : 0; /* "A pier. Photo: Jane Doe/Unsplash" */
	pending = json_pack("{s:s,s:o}", "src", src, "where",
	                    dmc_here(st, w, node));
	if (pending == NULL || json_array_append_new(st->uncredited, pending))
		return dm_nomem(ctx->err);
	return 0;
}

/* A link: its text (an image in it is text enough). */
static int check_link(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	dmc_state *st = ctx->state;
	char *text = dm_stringify(dm_field(node, 1));
	int rc = 0;

	if (blank(text) && !has_image(dm_field(node, 1)))
		rc = dmc_report(ctx, dmc_here(st, w, node), DMC_LINK_EMPTY,
		                "the link to %s has no text",
		                json_string_value(json_array_get(
		                        dm_field(node, 2), 0)));
	free(text);
	return rc;
}

static dm_walk_result on_inline(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                                json_t *node, json_t **out)
{
	int rc = 0;

	(void)out;
	if (ev != DM_ENTER)
		return DM_WALK_CONTINUE;
	switch (dm_type_of(node)) {
	case DM_T_IMAGE:
		rc = check_image(ctx, w, node);
		break;
	case DM_T_LINK:
		rc = check_link(ctx, w, node);
		break;
	default:
		break;
	}
	return rc ? DM_WALK_ERROR : DM_WALK_CONTINUE;
}

/* A list of blocks: the triad as headings at the top, and the Credits
 * sections dm-credits takes. */
static dm_walk_result on_blocks(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	if (list == dm_doc_blocks(ctx->doc) &&
	    dmc_triad_headings(ctx, w, list))
		return DM_WALK_ERROR;
	return dmc_credit_sections(ctx, w, list);
}

static dmc_state *ctx_state(dm_ctx *ctx)
{
	return ctx->state;
}

/* Walks the article.  Read with +sourcepos, its text is split into one
 * Span per word: the walk reads a copy without them, as the other filters
 * read the document, and the original passes through as it came. */
static int walk(dm_ctx *ctx)
{
	static const dm_visitor visitor = {.block = on_block,
	                                   .inline_ = on_inline,
	                                   .blocks = on_blocks};
	dm_ctx sub = *ctx;
	int rc;

	if (!dm_sourcepos(ctx->doc))
		return dm_walk_doc(ctx, &visitor);
	if ((sub.doc = dm_doc_copy(ctx->doc)) == NULL)
		return dm_nomem(ctx->err);
	if ((ctx_state(ctx)->positions = json_object()) == NULL)
		rc = dm_nomem(ctx->err);
	else
		rc = dm_sourcepos_unwrap_keep(&sub, ctx_state(ctx)->positions) ||
		     dm_walk_doc(&sub, &visitor) ? -1 : 0;
	dm_doc_free(sub.doc);
	return rc;
}

/* ------------------------------------------------------------------------
 * The end: document-wide rules, then the report
 * ------------------------------------------------------------------------ */

/* Reports the images no credit line followed, where they were. */
static int uncredited(dm_ctx *ctx)
{
	dmc_state *st = ctx->state;
	size_t i;

	for (i = 0; i < json_array_size(st->uncredited); i++) {
		json_t *p = json_array_get(st->uncredited, i);
		if (dmc_report(ctx, json_incref(json_object_get(p, "where")),
		               DMC_IMAGE_NO_CREDIT, "the image %s has no credit",
		               json_string_value(json_object_get(p, "src"))))
			return -1;
	}
	return 0;
}

/* The Direct Message section is there. */
static int section(dm_ctx *ctx)
{
	dmc_state *st = ctx->state;

	if (st->section_seen)
		return 0;
	if (st->section_near != NULL)
		return dmc_report(ctx, json_incref(st->section_near),
		                  DMC_SECTION_MISSING,
		                  "no section headed \"%s\": the heading \"%s\" "
		                  "here is not read as it; write \"%s\" alone "
		                  "(a number may open it; a colon, a dash or "
		                  "a full stop may end it)",
		                  dmf_callouts_heading(st->callouts),
		                  st->section_near_text,
		                  dmf_callouts_heading(st->callouts));
	return dmc_report(ctx, NULL, DMC_SECTION_MISSING,
	                  "no section headed \"%s\"",
	                  dmf_callouts_heading(st->callouts));
}

static int finish(dm_ctx *ctx)
{
	dmc_state *st = ctx->state;

	if (walk(ctx) || uncredited(ctx) || dmc_triad_end(ctx) || section(ctx))
		return -1;
	/* a question answered "no" for want of memory: findings in doubt */
	if (st->src.nomem || dm_nomem_seen())
		return dm_nomem(ctx->err);
	if (dmc_report_write(ctx))
		return -1;
	if (st->strict && st->errors > 0)
		return dm_error_set(ctx->err, DM_EFAIL, NULL,
		                    "%zu error%s in strict mode: nothing "
		                    "written", st->errors,
		                    st->errors == 1 ? "" : "s");
	return 0;
}

const dm_filter dm_check_filter = {
	.name = "check",
	.summary = "Checks an article against the Tension/Noise/Direct "
	           "Message format",
	.option_table = options,
	.start = start,
	.finish = finish,
	.release = release,
	.first = true, /* it checks the article as written */
};
