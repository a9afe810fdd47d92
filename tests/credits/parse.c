/*
 * parse.c - how dm-credits reads the credit line of a document, field by
 * field: the driver of the data cases in tests/credits/parse/ (run.sh
 * builds it with the filter's sources against the library).  It reads
 * credits through the filter's private interface, filters/credits/
 * credits.h, as the filter does.
 *
 * Reads a pandoc JSON document on standard input (its options apply) and
 * prints, for the first block (read as a paragraph of the body is), "no
 * credit line", or "caption: TEXT" for the lines that stay above credit
 * lines (cr_read_para()), and each credit as lines "FIELD: VALUE" (role,
 * name, url, source, source-url, license, license-url, year, or raw for a
 * line kept as written), "form:" with how it was written (copyright,
 * label, tight, source-first) and "text:" with its words in the footer,
 * credits separated by a blank line.
 */
#include <stdio.h>
#include <unistd.h>

#include <stdlib.h>

#include "credits/credits.h"

static void field(const char *label, const json_t *inlines)
{
	char *s;

	if (json_array_size(inlines) == 0)
		return; /* none, or an empty role: "by NAME" */
	s = dm_stringify(inlines);
	printf("%s: %s\n", label, s ? s : "(out of memory)");
	free(s);
}

static void url(const char *label, const char *u)
{
	if (u != NULL)
		printf("%s: %s\n", label, u);
}

int main(void)
{
	dm_error err;
	dm_ctx ctx = {"parse", "html", DM_FMT_HTML, NULL, &err, NULL};
	credit_list found = {0};
	const json_t *para;
	dmf_credits *cr = NULL;
	size_t i = 0, keep = 0;
	int n = 0;

	dm_error_clear(&err);
	if ((ctx.doc = dm_doc_read_fd(STDIN_FILENO, &err)) == NULL ||
	    (cr = dmf_credits_open(&ctx)) == NULL) {
		fprintf(stderr, "parse: %s: %s\n", err.what, err.where);
		return 1;
	}
	para = json_array_get(dm_doc_blocks(ctx.doc), 0);
	if ((dm_is(para, "Para") || dm_is(para, "Plain")) &&
	    (n = cr_read_para(cr, dm_content(para), CR_FROM_BODY, &found,
	                      &keep, &err)) < 0) {
		fprintf(stderr, "parse: %s\n", err.what);
		return 1;
	}
	if (n == 0)
		puts("no credit line");
	if (keep > 0) {
		json_t *cap = json_array();
		for (i = 0; cap && i < keep; i++)
			json_array_append(cap, json_array_get(dm_content(para), i));
		field("caption", cap);
		json_decref(cap);
	}
	for (i = 0; i < found.n; i++) {
		const credit *c = &found.v[i];
		json_t *text = cr_write(cr, c, false);
		if (i > 0)
			putchar('\n');
		field("raw", c->raw);
		field("role", c->role);
		field("name", c->name);
		url("url", c->url);
		field("source", c->source);
		url("source-url", c->source_url);
		field("license", c->license);
		url("license-url", c->license_url);
		url("year", c->year);
		if (c->copyright || c->role_colon || c->tight || c->source_first)
			printf("form:%s%s%s%s\n", c->copyright ? " copyright" : "",
			       c->role_colon ? " label" : "",
			       c->tight ? " tight" : "",
			       c->source_first ? " source-first" : "");
		field("text", text);
		json_decref(text);
	}
	cr_list_free(&found);
	dmf_credits_close(cr);
	dm_doc_free(ctx.doc);
	return fflush(stdout) != 0 || ferror(stdout) ? 1 : 0;
}
