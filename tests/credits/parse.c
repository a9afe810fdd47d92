/*
 * parse.c - how dm-credits reads the credit line of a document, field by
 * field: the driver of the data cases in tests/credits/parse/ (run.sh
 * builds it against the library).  It includes the filter's source, so it
 * sees the filter's own static functions.
 *
 * Reads a pandoc JSON document on standard input (its options apply) and
 * prints, for the first block, "no credit line", or each credit as lines
 * "FIELD: VALUE" (role, name, url, source, source-url, license,
 * license-url, or raw for a line kept as written) and "text:" with its
 * words in the footer, credits separated by a blank line.
 */
#include <stdio.h>
#include <unistd.h>

#include "../../filters/credits.c"

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
	const json_t *para, *in;
	state *st;
	size_t i = 0;
	int n = 0;

	dm_error_clear(&err);
	if ((ctx.doc = dm_doc_read_fd(STDIN_FILENO, &err)) == NULL ||
	    start(&ctx) != 0) {
		fprintf(stderr, "parse: %s: %s\n", err.what, err.where);
		return 1;
	}
	st = ctx.state;
	para = json_array_get(dm_doc_blocks(ctx.doc), 0);
	in = dm_content(para);
	if (dm_is(para, "Para") || dm_is(para, "Plain"))
		i = line_start(st, &in);
	if (i > 0 && (n = parse_line(&ctx, in, i, FROM_BODY)) < 0) {
		fprintf(stderr, "parse: %s\n", err.what);
		return 1;
	}
	if (n == 0)
		puts("no credit line");
	for (i = 0; i < st->n; i++) {
		const credit *c = &st->list[i];
		json_t *text = write_credit(st, c, false);
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
		field("text", text);
		json_decref(text);
	}
	release(&ctx);
	dm_doc_free(ctx.doc);
	return fflush(stdout) != 0 || ferror(stdout) ? 1 : 0;
}
