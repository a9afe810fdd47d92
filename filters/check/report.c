/*
 * report.c - dm-check's findings and how they are written: where a finding
 * is (section, block, source position), and the report on standard error
 * as text, as GitHub workflow commands (annotations), or as JSON lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* ------------------------------------------------------------------------
 * Findings
 * ------------------------------------------------------------------------ */

/* The `data-pos` of `node`: its own, or the one of the wrapper it was
 * taken out of (st->positions); NULL when it has none. */
static const char *pos_of(const dmc_state *st, const json_t *node)
{
	const char *pos = dm_attr_get(dm_node_attr(node), "data-pos");
	char key[32];

	if (pos != NULL || st->positions == NULL)
		return pos;
	snprintf(key, sizeof key, "%p", (const void *)node);
	return json_string_value(json_object_get(st->positions, key));
}

/* The line and column of the nearest `data-pos` ("file@3:1-4:2" or
 * "3:1-4:2") on the node or around it; 0 when there is none. */
static void position(const dmc_state *st, const dm_walk *w,
                     const json_t *node, long *line, long *col)
{
	size_t up;

	*line = *col = 0;
	for (up = 0; node != NULL; node = dm_walk_ancestor(w, up++)) {
		const char *pos = pos_of(st, node);
		const char *at;
		if (pos == NULL)
			continue;
		at = strrchr(pos, '@');
		if (sscanf(at ? at + 1 : pos, "%ld:%ld", line, col) == 2)
			return;
		*line = *col = 0;
	}
}

json_t *dmc_here(dmc_state *st, const dm_walk *w, const json_t *node)
{
	char path[256];
	long line, col;

	dm_walk_where(w, path, sizeof path);
	position(st, w, node, &line, &col);
	if (line == 0 && st->file != NULL)
		dmc_source_find(st, node, &line, &col);
	return json_pack("{s:s*,s:I,s:s,s:I,s:I}", "section", st->section,
	                 "block", (json_int_t)st->block, "path", path, "line",
	                 (json_int_t)line, "column", (json_int_t)col);
}

int dmc_report(dm_ctx *ctx, json_t *where, dmc_rule_id rule,
               const char *fmt, ...)
{
	dmc_state *st = ctx->state;
	char *msg = NULL;
	va_list ap;
	json_t *f = NULL;
	int n;

	if (st->severity[rule] == DMC_OFF) {
		json_decref(where);
		return 0;
	}
	/* The whole message: a fixed buffer would cut a name mid-character,
	 * which jansson refuses. */
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && (msg = malloc((size_t)n + 1)) != NULL) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
		f = json_pack("{s:s,s:s,s:s,s:s}", "rule", dmc_rules[rule].id,
		              "name", dmc_rules[rule].name, "severity",
		              st->severity[rule] == DMC_ERROR ? "error"
		                                              : "warning",
		              "message", msg);
		free(msg);
	}
	if (f != NULL && where != NULL)
		json_object_update(f, where);
	json_decref(where);
	if (f == NULL || json_array_append_new(st->findings, f))
		return dm_nomem(ctx->err);
	if (st->severity[rule] == DMC_ERROR)
		st->errors++;
	else
		st->warnings++;
	return 0;
}

/* ------------------------------------------------------------------------
 * The report
 * ------------------------------------------------------------------------ */

static const char *str_of(const json_t *f, const char *key)
{
	return json_string_value(json_object_get(f, key));
}

static json_int_t int_of(const json_t *f, const char *key)
{
	return json_integer_value(json_object_get(f, key));
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

/* Appends the user's text `s` (a message, a heading) to a line of the
 * report: escaped as every message is (one line, no terminal escapes),
 * then with `gh` for a workflow command. */
static void user_text(dm_buf *b, const char *s, bool gh)
{
	dm_buf e = {0};

	if (dm_message_escape(&e, s) != 0)
		b->failed = true;
	else if (gh)
		gh_escape(b, dm_buf_str(&e), false);
	else
		dm_buf_add(b, dm_buf_str(&e), e.len);
	dm_buf_free(&e);
}

/* "line 12, column 1, section "Why now", block 3"; with `gh`, the
 * heading escaped for a workflow command (the rest needs no escape). */
static void where_text(const json_t *f, dm_buf *b, bool gh)
{
	const char *sec = str_of(f, "section");
	json_int_t line = int_of(f, "line");

	if (line > 0)
		dm_buf_printf(b, "line %" JSON_INTEGER_FORMAT
		                 ", column %" JSON_INTEGER_FORMAT ", ",
		              line, int_of(f, "column"));
	if (json_object_get(f, "path") == NULL) {
		dm_buf_puts(b, "the document");
		return;
	}
	if (sec == NULL) {
		dm_buf_puts(b, "before the first heading, ");
	} else if (int_of(f, "block") == 0) { /* the heading itself */
		dm_buf_puts(b, "the heading of section \"");
		user_text(b, sec, gh);
		dm_buf_puts(b, "\"");
		return;
	} else {
		dm_buf_puts(b, "section \"");
		user_text(b, sec, gh);
		dm_buf_puts(b, "\", ");
	}
	dm_buf_printf(b, "block %" JSON_INTEGER_FORMAT, int_of(f, "block"));
}

/* "dm-check: error DM101: MESSAGE: WHERE" */
static void text_line(dm_buf *b, const char *program, const json_t *f)
{
	dm_buf_printf(b, "%s: %s %s: ", program, str_of(f, "severity"),
	              str_of(f, "rule"));
	user_text(b, str_of(f, "message"), false);
	dm_buf_puts(b, ": ");
	where_text(f, b, false);
	dm_buf_putc(b, '\n');
}

/* "::error file=F,line=L,col=C,title=DM101::MESSAGE (WHERE)" */
static void github_line(dm_buf *b, const char *file, const json_t *f)
{
	json_int_t line = int_of(f, "line");

	dm_buf_printf(b, "::%s ", str_of(f, "severity"));
	if (file) {
		dm_buf_puts(b, "file=");
		gh_escape(b, file, true);
		dm_buf_putc(b, ',');
	}
	if (line > 0)
		dm_buf_printf(b, "line=%" JSON_INTEGER_FORMAT
		                 ",col=%" JSON_INTEGER_FORMAT ",",
		              line, int_of(f, "column"));
	dm_buf_printf(b, "title=%s::", str_of(f, "rule"));
	user_text(b, str_of(f, "message"), true);
	dm_buf_puts(b, " (");
	where_text(f, b, true);
	dm_buf_puts(b, ")\n");
}

static int to_buf(const char *s, size_t n, void *b)
{
	return dm_buf_add(b, s, n);
}

/* The finding as one line of compact JSON, dumped straight into `b` (not
 * through json_dumps(), whose string comes from jansson's allocator, which
 * the runner may have replaced).  -1 when out of memory. */
static int json_line(dm_buf *b, const json_t *f)
{
	if (json_dump_callback(f, to_buf, b, JSON_COMPACT) != 0)
		return -1;
	return dm_buf_putc(b, '\n');
}

/* The whole report into `b`.  -1 when out of memory. */
static int build_report(const dm_ctx *ctx, dm_buf *b)
{
	const dmc_state *st = ctx->state;
	size_t i, n = json_array_size(st->findings);

	for (i = 0; i < n; i++) {
		const json_t *f = json_array_get(st->findings, i);
		switch (st->out) {
		case DMC_TEXT:
			text_line(b, ctx->program, f);
			break;
		case DMC_GITHUB:
			github_line(b, st->file, f);
			break;
		case DMC_JSON:
			if (json_line(b, f))
				return -1;
			break;
		}
	}
	if (st->out == DMC_TEXT && n > 0)
		dm_buf_printf(b, "%s: %zu error%s, %zu warning%s\n",
		              ctx->program, st->errors,
		              st->errors == 1 ? "" : "s", st->warnings,
		              st->warnings == 1 ? "" : "s");
	return dm_buf_failed(b) ? -1 : 0;
}

int dmc_report_write(dm_ctx *ctx)
{
	dm_buf b = {0};
	int rc = 0;

	if (build_report(ctx, &b))
		rc = dm_nomem(ctx->err);
	else if (b.len && fwrite(b.data, 1, b.len, stderr) != b.len)
		rc = dm_error_set(ctx->err, DM_EIO, NULL,
		                  "cannot write the report");
	dm_buf_free(&b);
	return rc;
}
