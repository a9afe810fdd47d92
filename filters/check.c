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
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filters.h"

#define OPT "dm-check"

enum severity { OFF, WARNING, ERROR };

static const struct rule {
	const char *id, *name;
	enum severity severity;
	const char *summary;
} rules[] = {
	{"DM101", "triad-missing", ERROR,
	 "the triad lacks one of Tension, Noise, Direct Message"},
	{"DM102", "triad-repeated", ERROR, "the triad has a statement twice"},
	{"DM103", "callout-empty", ERROR, "a callout has no content"},
	{"DM104", "alert-unknown", ERROR, "an alert [!TYPE] names no type"},
	{"DM105", "class-near-miss", WARNING,
	 "a div class is a misspelt callout type"},
	{"DM201", "image-no-alt", WARNING, "an image has no alternative text"},
	{"DM202", "image-no-credit", WARNING, "an image has no credit"},
	{"DM203", "credit-unparsed", WARNING, "a credit line cannot be parsed"},
	{"DM301", "section-missing", WARNING,
	 "the Direct Message section is missing"},
	{"DM302", "link-empty", WARNING, "a link has no text"},
};
#define NRULES (sizeof rules / sizeof rules[0])
enum { TRIAD_MISSING, TRIAD_REPEATED, CALLOUT_EMPTY, ALERT_UNKNOWN,
       CLASS_NEAR_MISS, IMAGE_NO_ALT, IMAGE_NO_CREDIT, CREDIT_UNPARSED,
       SECTION_MISSING, LINK_EMPTY };

typedef enum output { TEXT, GITHUB, JSON } output;

typedef struct state {
	dmf_callouts *callouts;
	dmf_credits *credits;
	enum severity severity[NRULES];
	output out;
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
} state;

static const char options_help[] =
	"  strict: BOOL          exit 1 on any error, failing the build\n"
	"                        (default false: report, exit 0)\n"
	"  format: text | github | json\n"
	"                        how findings are written to standard error\n"
	"  file: NAME            the article's file, for GitHub annotations\n"
	"  rules.ID: off | warning | error\n"
	"                        turn a rule off or change its severity (ID\n"
	"                        or name: rules.DM202, rules.image-no-credit)\n"
	"\nRules:\n"
	"  DM101 triad-missing    error    DM102 triad-repeated   error\n"
	"  DM103 callout-empty    error    DM104 alert-unknown    error\n"
	"  DM105 class-near-miss  warning  DM201 image-no-alt     warning\n"
	"  DM202 image-no-credit  warning  DM203 credit-unparsed  warning\n"
	"  DM301 section-missing  warning  DM302 link-empty       warning\n";

static int nomem(dm_ctx *ctx)
{
	return dm_error_set(ctx->err, DM_ENOMEM, NULL, "out of memory");
}

/* ------------------------------------------------------------------------
 * Options
 * ------------------------------------------------------------------------ */

static int read_severity(dm_ctx *ctx, state *st, size_t r, const char *key)
{
	char where[256], *s = NULL;
	const json_t *v = dm_option(ctx->doc, OPT, key, where, sizeof where);
	bool on;
	int rc;

	if (v == NULL)
		return 0;
	if (dm_is(v, "MetaBool")) { /* rules.DM202: false */
		if (dm_meta_bool(v, where, &on, ctx->err) < 0)
			return -1;
		st->severity[r] = on ? rules[r].severity : OFF;
		return 0;
	}
	if (dm_meta_string(v, where, &s, ctx->err) < 0)
		return -1;
	rc = 0;
	if (strcmp(s, "off") == 0 || strcmp(s, "false") == 0)
		st->severity[r] = OFF;
	else if (strcmp(s, "warning") == 0)
		st->severity[r] = WARNING;
	else if (strcmp(s, "error") == 0)
		st->severity[r] = ERROR;
	else
		rc = dm_error_set(ctx->err, DM_EOPTION, where,
		                  "expected off, warning or error, found \"%s\"",
		                  s);
	free(s);
	return rc;
}

/* The rule named by ID or name `k`, or NRULES. */
static size_t rule_index(const char *k)
{
	size_t r;

	for (r = 0; r < NRULES; r++)
		if (strcmp(k, rules[r].id) == 0 ||
		    strcmp(k, rules[r].name) == 0)
			break;
	return r;
}

static int read_rules(dm_ctx *ctx, state *st)
{
	static const char flat[] = OPT ".rules.";
	char where[256], key[96];
	const json_t *map = dm_option(ctx->doc, OPT, "rules", where,
	                              sizeof where);
	const char *k;
	json_t *v;
	size_t r;

	if (map != NULL && !dm_is(map, "MetaMap"))
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "expected a map from rule to off, warning "
		                    "or error");
	if (map != NULL)
		json_object_foreach(dm_content(map), k, v) {
			if (rule_index(k) < NRULES)
				continue;
			snprintf(where, sizeof where, "meta.%s.rules.%s", OPT,
			         k);
			return dm_error_set(ctx->err, DM_EOPTION, where,
			                    "no rule \"%s\" (see dm-check "
			                    "--help)", k);
		}
	/* Flat keys too: -M dm-check.rules.DM999=off is no rule either. */
	json_object_foreach(dm_doc_meta(ctx->doc), k, v) {
		if (strncmp(k, flat, sizeof flat - 1) != 0 ||
		    rule_index(k + sizeof flat - 1) < NRULES)
			continue;
		snprintf(where, sizeof where, "meta[\"%s\"]", k);
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "no rule \"%s\" (see dm-check --help)",
		                    k + sizeof flat - 1);
	}
	for (r = 0; r < NRULES; r++) {
		st->severity[r] = rules[r].severity;
		snprintf(key, sizeof key, "rules.%s", rules[r].name);
		if (read_severity(ctx, st, r, key))
			return -1;
		snprintf(key, sizeof key, "rules.%s", rules[r].id);
		if (read_severity(ctx, st, r, key))
			return -1;
	}
	return 0;
}

static int read_output(dm_ctx *ctx, state *st)
{
	char where[256], *s = NULL;
	const json_t *v = dm_option(ctx->doc, OPT, "format", where,
	                            sizeof where);
	int rc = 0;

	if (dm_meta_string(v, where, &s, ctx->err) < 0)
		return -1;
	if (s == NULL || strcmp(s, "text") == 0)
		st->out = TEXT;
	else if (strcmp(s, "github") == 0)
		st->out = GITHUB;
	else if (strcmp(s, "json") == 0)
		st->out = JSON;
	else
		rc = dm_error_set(ctx->err, DM_EOPTION, where,
		                  "unknown format \"%s\" (expected text, github "
		                  "or json)", s);
	free(s);
	return rc;
}

static void release(dm_ctx *ctx)
{
	state *st = ctx->state;

	if (st == NULL)
		return;
	dmf_callouts_close(st->callouts);
	dmf_credits_close(st->credits);
	json_decref(st->findings);
	json_decref(st->first_triad);
	json_decref(st->uncredited);
	free(st->section);
	free(st->file);
	free(st);
}

static int start(dm_ctx *ctx)
{
	static const char *const known[] = {"strict", "format", "file",
	                                    "rules", NULL};
	state *st = calloc(1, sizeof *st);

	if (st == NULL)
		return nomem(ctx);
	ctx->state = st;
	st->findings = json_array();
	st->uncredited = json_array();
	if (st->findings == NULL || st->uncredited == NULL)
		return nomem(ctx);
	if (dm_options_check(ctx->doc, OPT, known, ctx->err) ||
	    (st->callouts = dmf_callouts_open(ctx)) == NULL ||
	    (st->credits = dmf_credits_open(ctx)) == NULL ||
	    read_rules(ctx, st) || read_output(ctx, st) ||
	    dm_option_bool(ctx->doc, OPT, "strict", &st->strict, ctx->err) < 0 ||
	    dm_option_string(ctx->doc, OPT, "file", &st->file, ctx->err) < 0)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Findings
 * ------------------------------------------------------------------------ */

/* The line and column of the nearest `data-pos` ("file@3:1-4:2" or
 * "3:1-4:2") on the node or around it; 0 when there is none. */
static void position(const dm_walk *w, const json_t *node, long *line,
                     long *col)
{
	size_t up;

	*line = *col = 0;
	for (up = 0; node != NULL; node = dm_walk_ancestor(w, up++)) {
		const char *pos = dm_attr_get(dm_node_attr(node), "data-pos");
		const char *at;
		if (pos == NULL)
			continue;
		at = strrchr(pos, '@');
		if (sscanf(at ? at + 1 : pos, "%ld:%ld", line, col) == 2)
			return;
		*line = *col = 0;
	}
}

/* Where the walk is, as an object: section, block, path, line, column. */
static json_t *here(const state *st, const dm_walk *w, const json_t *node)
{
	char path[256];
	long line, col;

	dm_walk_where(w, path, sizeof path);
	position(w, node, &line, &col);
	return json_pack("{s:s*,s:I,s:s,s:I,s:I}", "section", st->section,
	                 "block", (json_int_t)st->block, "path", path, "line",
	                 (json_int_t)line, "column", (json_int_t)col);
}

/* Adds a finding of `rule` at `where` (stolen; NULL: the document). */
static int report(dm_ctx *ctx, json_t *where, size_t rule,
                  const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

static int report(dm_ctx *ctx, json_t *where, size_t rule,
                  const char *fmt, ...)
{
	state *st = ctx->state;
	char msg[512];
	va_list ap;
	json_t *f;

	if (st->severity[rule] == OFF) {
		json_decref(where);
		return 0;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	f = json_pack("{s:s,s:s,s:s,s:s}", "rule", rules[rule].id, "name",
	              rules[rule].name, "severity",
	              st->severity[rule] == ERROR ? "error" : "warning",
	              "message", msg);
	if (f != NULL && where != NULL)
		json_object_update(f, where);
	json_decref(where);
	if (f == NULL || json_array_append_new(st->findings, f))
		return nomem(ctx);
	if (st->severity[rule] == ERROR)
		st->errors++;
	else
		st->warnings++;
	return 0;
}

/* ------------------------------------------------------------------------
 * The walk
 * ------------------------------------------------------------------------ */

static int triad_index(const state *st, const char *type)
{
	const char *t;
	int i;

	for (i = 0; i < 8 && (t = dmf_callouts_triad(st->callouts,
	                                             (size_t)i)); i++)
		if (strcmp(t, type) == 0)
			return i;
	return -1;
}

/* A statement of the triad seen at `where` (stolen; NULL: metadata). */
static void triad_seen(state *st, const char *type, json_t *where)
{
	int i = type ? triad_index(st, type) : -1;

	if (i >= 0) {
		st->triad[i]++;
		if (st->first_triad == NULL && where != NULL) {
			st->first_triad = where;
			return;
		}
	}
	json_decref(where);
}

static const char *image_src(const json_t *image)
{
	const char *src = json_string_value(json_array_get(dm_field(image, 2),
	                                                   0));
	return src ? src : "";
}

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

static int check_callouts(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	state *st = ctx->state;
	const char *types[16], *type;
	bool empty[16];
	char marker[64];
	size_t i, n;
	int e;

	if (dm_is(node, "BulletList") &&
	    (n = dmf_callouts_list(st->callouts, node, types, empty, 16))) {
		for (i = 0; i < n && i < 16; i++) {
			triad_seen(st, types[i], here(st, w, node));
			if (empty[i] &&
			    report(ctx, here(st, w, node), CALLOUT_EMPTY,
			           "the %s statement (item %zu) says nothing",
			           types[i], i + 1))
				return -1;
		}
		return 0;
	}
	if (dm_is(node, "Div")) {
		const json_t *classes = json_array_get(dm_node_attr(node), 1);
		if ((type = dmf_callouts_div(st->callouts, node)) != NULL) {
			triad_seen(st, type, here(st, w, node));
		} else {
			for (i = 0; i < json_array_size(classes); i++) {
				const char *c = json_string_value(
				        json_array_get(classes, i));
				const char *near =
				        c == NULL || pandoc_class(c)
				                ? NULL
				                : dmf_callouts_near(st->callouts,
				                                    c);
				if (near && report(ctx, here(st, w, node), CLASS_NEAR_MISS,
				                   "class \"%s\" is no callout "
				                   "type: did you mean %s?",
				                   c, near))
					return -1;
			}
			return 0;
		}
	} else if (dm_is(node, "BlockQuote")) {
		type = dmf_callouts_alert(st->callouts, node, marker,
		                          sizeof marker);
		if (type == NULL) {
			const char *near;
			if (marker[0] == '\0')
				return 0;
			near = dmf_callouts_near(st->callouts, marker);
			return report(ctx, here(st, w, node), ALERT_UNKNOWN,
			              "unknown alert type [!%s]%s%s%s", marker,
			              near ? ": did you mean " : "",
			              near ? near : "", near ? "?" : "");
		}
		triad_seen(st, type, here(st, w, node));
	} else {
		return 0;
	}
	if ((e = dmf_callouts_empty(ctx, st->callouts, node)) < 0)
		return -1;
	if (e)
		return report(ctx, here(st, w, node), CALLOUT_EMPTY,
		              "the %s callout has no content", type);
	return 0;
}

static dm_walk_result on_block(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                               json_t *node, json_t **out)
{
	state *st = ctx->state;
	int line;

	(void)out;
	if (ev != DM_ENTER)
		return DM_WALK_CONTINUE;
	if (dm_walk_depth(w) == 0) { /* a top-level block */
		if (dm_is(node, "Header")) {
			free(st->section);
			st->section = dm_stringify(dm_node_inlines(node));
			st->block = 0;
		} else {
			st->block++;
		}
	}
	if (dm_is(node, "Header") &&
	    dmf_callouts_section(st->callouts, node))
		st->section_seen = true;
	if (check_callouts(ctx, w, node))
		return DM_WALK_ERROR;
	/* Credit lines stand at the top level, in divs or in quotes, as
	 * dm-credits reads them. */
	{
		const json_t *up = dm_walk_ancestor(w, 0);
		line = up == NULL || dm_is(up, "Div") || dm_is(up, "BlockQuote")
		               ? dmf_credits_line(ctx, st->credits, node) : 0;
	}
	if (line < 0)
		return DM_WALK_ERROR;
	if (line > 0) {
		/* A credit line credits the images since the last one. */
		json_array_clear(st->uncredited);
		if (line == 2) {
			char *text = dm_stringify(node);
			int rc = report(ctx, here(st, w, node), CREDIT_UNPARSED,
			                "cannot read the credit line \"%.80s\" "
			                "(expected, say, \"Photo by NAME on "
			                "SOURCE\")", text ? text : "");
			free(text);
			if (rc)
				return DM_WALK_ERROR;
		}
		return DM_WALK_SKIP;
	}
	return DM_WALK_CONTINUE;
}

/* True when inlines hold an image at any depth (an image link has text
 * enough: its alternative text is checked on its own). */
static bool has_image(const json_t *inlines)
{
	size_t i;

	for (i = 0; i < json_array_size(inlines); i++) {
		const json_t *x = json_array_get(inlines, i);
		const json_t *ils = dm_node_inlines(x);
		if (dm_is(x, "Image") || (ils && has_image(ils)))
			return true;
	}
	return false;
}

static dm_walk_result on_inline(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                                json_t *node, json_t **out)
{
	state *st = ctx->state;
	char *text;
	int rc = 0;

	(void)out;
	if (ev != DM_ENTER)
		return DM_WALK_CONTINUE;
	if (dm_is(node, "Image")) {
		const char *src = image_src(node);
		text = dm_stringify(dm_field(node, 1));
		if (text && text[strspn(text, " ")] == '\0')
			rc = report(ctx, here(st, w, node), IMAGE_NO_ALT,
			            "the image %s has no alternative text", src);
		free(text);
		if (rc == 0 && !dmf_credits_image(node) &&
		    !dmf_credits_meta_image(st->credits, src)) {
			json_t *pending = json_pack("{s:s,s:o}", "src", src,
			                            "where", here(st, w, node));
			if (pending == NULL ||
			    json_array_append_new(st->uncredited, pending))
				rc = nomem(ctx);
		}
	} else if (dm_is(node, "Link")) {
		text = dm_stringify(dm_field(node, 1));
		if (text && text[strspn(text, " ")] == '\0' &&
		    !has_image(dm_field(node, 1)))
			rc = report(ctx, here(st, w, node), LINK_EMPTY,
			            "the link to %s has no text",
			            json_string_value(json_array_get(
			                    dm_field(node, 2), 0)));
		free(text);
	}
	return rc ? DM_WALK_ERROR : DM_WALK_CONTINUE;
}

/* ------------------------------------------------------------------------
 * The end: document-wide rules, then the report
 * ------------------------------------------------------------------------ */

/* Reports the images no credit line followed, where they were. */
static int uncredited(dm_ctx *ctx)
{
	state *st = ctx->state;
	size_t i;

	for (i = 0; i < json_array_size(st->uncredited); i++) {
		json_t *p = json_array_get(st->uncredited, i);
		if (report(ctx, json_incref(json_object_get(p, "where")),
		           IMAGE_NO_CREDIT, "the image %s has no credit",
		           json_string_value(json_object_get(p, "src"))))
			return -1;
	}
	return 0;
}

static int triad(dm_ctx *ctx)
{
	state *st = ctx->state;
	json_t *meta = dm_doc_meta(ctx->doc);
	const char *t;
	size_t i;

	for (i = 0; (t = dmf_callouts_triad(st->callouts, i)); i++)
		if (json_object_get(meta, t))
			triad_seen(st, t, NULL);
	for (i = 0; (t = dmf_callouts_triad(st->callouts, i)); i++) {
		int rc = 0;
		if (st->triad[i] == 0)
			rc = report(ctx, json_incref(st->first_triad),
			            TRIAD_MISSING,
			            "the triad has no %s statement", t);
		else if (st->triad[i] > 1)
			rc = report(ctx, json_incref(st->first_triad),
			            TRIAD_REPEATED,
			            "the triad has %zu %s statements (one "
			            "expected)", st->triad[i], t);
		if (rc)
			return -1;
	}
	if (!st->section_seen &&
	    report(ctx, NULL, SECTION_MISSING,
	           "no section headed \"%s\"",
	           dmf_callouts_heading(st->callouts)))
		return -1;
	return 0;
}

/* "section "Why now", block 3, line 12, column 1" */
static void where_text(const json_t *f, dm_buf *b)
{
	const char *sec = json_string_value(json_object_get(f, "section"));
	json_int_t block = json_integer_value(json_object_get(f, "block"));
	json_int_t line = json_integer_value(json_object_get(f, "line"));
	json_int_t col = json_integer_value(json_object_get(f, "column"));

	if (line > 0)
		dm_buf_printf(b, "line %" JSON_INTEGER_FORMAT
		                 ", column %" JSON_INTEGER_FORMAT ", ",
		              line, col);
	if (json_object_get(f, "path") == NULL) {
		dm_buf_puts(b, "the document");
		return;
	}
	if (sec)
		dm_buf_printf(b, "section \"%s\", ", sec);
	else
		dm_buf_puts(b, "before the first heading, ");
	dm_buf_printf(b, "block %" JSON_INTEGER_FORMAT, block);
}

/* GitHub's workflow commands want %, CR and LF escaped in messages, and
 * also ':' and ',' in a property such as file= (`prop`). */
static void gh_escape(dm_buf *b, const char *s, bool prop)
{
	for (; *s; s++)
		if (*s == '%')
			dm_buf_puts(b, "%25");
		else if (*s == '\n')
			dm_buf_puts(b, "%0A");
		else if (*s == '\r')
			dm_buf_puts(b, "%0D");
		else if (prop && *s == ':')
			dm_buf_puts(b, "%3A");
		else if (prop && *s == ',')
			dm_buf_puts(b, "%2C");
		else
			dm_buf_putc(b, *s);
}

static int write_report(dm_ctx *ctx)
{
	state *st = ctx->state;
	dm_buf b = {0}, w = {0};
	size_t i;

	for (i = 0; i < json_array_size(st->findings); i++) {
		json_t *f = json_array_get(st->findings, i);
		const char *sev = json_string_value(json_object_get(f,
		                                                    "severity"));
		const char *id = json_string_value(json_object_get(f, "rule"));
		const char *msg = json_string_value(json_object_get(f,
		                                                    "message"));
		json_int_t line = json_integer_value(json_object_get(f,
		                                                     "line"));
		char *js;
		switch (st->out) {
		case TEXT:
			dm_buf_printf(&b, "%s: %s %s: %s: ", ctx->program, sev,
			              id, msg);
			where_text(f, &b);
			dm_buf_putc(&b, '\n');
			break;
		case GITHUB:
			dm_buf_printf(&b, "::%s ", sev);
			if (st->file) {
				dm_buf_puts(&b, "file=");
				gh_escape(&b, st->file, true);
				dm_buf_putc(&b, ',');
			}
			if (line > 0)
				dm_buf_printf(
				        &b,
				        "line=%" JSON_INTEGER_FORMAT
				        ",col=%" JSON_INTEGER_FORMAT ",",
				        line,
				        json_integer_value(
				                json_object_get(f, "column")));
			dm_buf_printf(&b, "title=%s::", id);
			gh_escape(&b, msg, false);
			dm_buf_puts(&b, " (");
			where_text(f, &w); /* a heading may hold a % */
			gh_escape(&b, dm_buf_str(&w), false);
			dm_buf_free(&w);
			dm_buf_puts(&b, ")\n");
			break;
		case JSON:
			js = json_dumps(f, JSON_COMPACT);
			if (js == NULL) {
				dm_buf_free(&b);
				return nomem(ctx);
			}
			dm_buf_printf(&b, "%s\n", js);
			free(js);
			break;
		}
	}
	if (st->out == TEXT && st->findings && json_array_size(st->findings))
		dm_buf_printf(&b, "%s: %zu error%s, %zu warning%s\n",
		              ctx->program, st->errors,
		              st->errors == 1 ? "" : "s", st->warnings,
		              st->warnings == 1 ? "" : "s");
	if (b.len && fwrite(b.data, 1, b.len, stderr) != b.len) {
		dm_buf_free(&b);
		return dm_error_set(ctx->err, DM_EIO, NULL,
		                    "cannot write the report");
	}
	dm_buf_free(&b);
	return 0;
}

/* Walks the article.  Read with +sourcepos, its text is split into one
 * Span per word: the walk reads a copy without them, as the other filters
 * read the document, and the original passes through as it came. */
static int walk(dm_ctx *ctx)
{
	static const dm_visitor visitor = {.block = on_block,
	                                   .inline_ = on_inline};
	dm_ctx sub = *ctx;
	int rc;

	if (!dm_sourcepos(ctx->doc))
		return dm_walk_doc(ctx, &visitor);
	if ((sub.doc = dm_doc_copy(ctx->doc)) == NULL)
		return nomem(ctx);
	rc = dm_sourcepos_unwrap(&sub) || dm_walk_doc(&sub, &visitor) ? -1 : 0;
	dm_doc_free(sub.doc);
	return rc;
}

static int finish(dm_ctx *ctx)
{
	state *st = ctx->state;

	if (walk(ctx) || uncredited(ctx) || triad(ctx) || write_report(ctx))
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
	.summary = "checks an article against the Tension/Noise/Direct "
	           "Message format",
	.options = options_help,
	.start = start,
	.finish = finish,
	.release = release,
	.first = true, /* it checks the article as written */
};
