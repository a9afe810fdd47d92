/*
 * check.c - the invariants the fuzz targets check (see fuzz.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static int report_fd = STDERR_FILENO;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	report_fd = dup(STDERR_FILENO); /* before libFuzzer closes it */
	if (report_fd < 0)
		report_fd = STDERR_FILENO;
	return 0;
}

void fuzz_fail(const char *target, const char *what, const char *detail)
{
	dprintf(report_fd, "fuzz: %s: %s%s%.200s\n", target, what,
	        detail ? ": " : "", detail ? detail : "");
	abort();
}

void fuzz_refused(const char *target, const dm_error *err)
{
	if (!dm_error_is_set(err) || err->what[0] == '\0')
		fuzz_fail(target, "input refused without a message", NULL);
	if (memchr(err->what, '\n', strlen(err->what)) != NULL)
		fuzz_fail(target, "a message of more than one line", err->what);
}

/* The document as JSON, or NULL when the writer refuses it (too deep
 * for the next reader), which a program says as it says a refusal. */
static char *dump(const char *target, const dm_doc *doc, size_t *len)
{
	dm_error err;
	char *out;

	dm_error_clear(&err);
	out = dm_doc_dump(doc, len, &err);
	if (out == NULL && err.code != DM_EINPUT)
		fuzz_fail(target, "a document could not be written", err.what);
	if (out == NULL)
		fuzz_refused(target, &err);
	return out;
}

void fuzz_roundtrip(const char *target, const dm_doc *doc)
{
	dm_error err;
	dm_doc *back;
	size_t len, len2;
	char *out = dump(target, doc, &len), *out2;

	if (out == NULL)
		return;
	dm_error_clear(&err);
	back = dm_doc_load(out, len, &err);
	/* the one known exception: a metadata key holding a NUL, which
	 * dm-from-md writes as pandoc does and jansson cannot read (README,
	 * Reliability) */
	if (back == NULL && strstr(err.what, "NUL byte in object key")) {
		free(out);
		return;
	}
	if (back == NULL)
		fuzz_fail(target, "what it writes is refused when read back",
		          err.what);
	if (dm_doc_api_minor(back) != dm_doc_api_minor(doc))
		fuzz_fail(target, "the API version changed on the way", NULL);
	out2 = dump(target, back, &len2);
	if (len2 != len || memcmp(out, out2, len) != 0)
		fuzz_fail(target, "what it writes reads back as another "
		                  "document", NULL);
	free(out2);
	dm_doc_free(back);
	free(out);
}

bool fuzz_has_raw(const char *target, const dm_doc *doc)
{
	size_t len;
	char *out = dump(target, doc, &len);
	/* a tag: inside a string the quotes would be escaped */
	bool raw = out == NULL || strstr(out, "\"t\":\"Raw") != NULL;

	free(out);
	return raw;
}

/* ---- balance ------------------------------------------------------------ */

/* Elements without a closing tag. */
static bool is_void(const char *name)
{
	static const char *const voids[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input",
		"link", "meta", "param", "source", "track", "wbr", NULL
	};
	size_t i;

	for (i = 0; voids[i]; i++)
		if (!strcmp(name, voids[i]))
			return true;
	return false;
}

/* The open elements, innermost last. */
typedef struct stack {
	char (*names)[24];
	size_t depth, cap;
} stack;

static void push(const char *target, stack *st, const char *name)
{
	if (st->depth == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 64;
		char (*p)[24] = realloc(st->names, cap * sizeof *p);
		if (p == NULL)
			fuzz_fail(target, "out of memory", NULL);
		st->names = p;
		st->cap = cap;
	}
	snprintf(st->names[st->depth++], sizeof *st->names, "%s", name);
}

/* The end of the text of a <style> or <script> element, or NULL. */
static const char *skip_text(const char *p, const char *name)
{
	char close[32];

	snprintf(close, sizeof close, "</%s>", name);
	return strstr(p, close);
}

/* One tag at `p` (a '<'): pushed or popped.  After it. */
static const char *tag(const char *target, stack *st, const char *p,
                       const char *html)
{
	bool closing = p[1] == '/';
	const char *q = p + 1 + closing, *end;
	char name[24];
	size_t n = strspn(q, "abcdefghijklmnopqrstuvwxyz0123456789");

	if (!strncmp(p, "<!--", 4)) {
		end = strstr(p + 4, "-->");
		if (end == NULL)
			fuzz_fail(target, "a comment never closed", html);
		return end + 3;
	}
	if (p[1] == '!') /* <!DOCTYPE html> */
		n = strspn(q = p + 2, "DOCTYPEdoctype");
	if (n == 0 || n >= sizeof name)
		fuzz_fail(target, "a '<' that opens no tag", p);
	snprintf(name, sizeof name, "%.*s", (int)n, q);
	if ((end = strpbrk(q + n, "<>")) == NULL || *end == '<')
		fuzz_fail(target, "a tag never ended", p);
	if (p[1] == '!' || end[-1] == '/' || is_void(name))
		return end + 1;
	if (!closing) {
		push(target, st, name);
		if (strcmp(name, "style") && strcmp(name, "script"))
			return end + 1;
		if ((end = skip_text(end, name)) == NULL)
			fuzz_fail(target, "HTML not balanced: an element never "
			                  "closed", name);
		return end; /* at its closing tag */
	}
	if (st->depth == 0 || strcmp(st->names[st->depth - 1], name) != 0)
		fuzz_fail(target, "HTML not balanced: a closing tag that "
		                  "closes nothing open", p);
	st->depth--;
	return end + 1;
}

static void balanced(const char *target, const char *html)
{
	stack st = {NULL, 0, 0};
	const char *p = html;

	while ((p = strchr(p, '<')) != NULL)
		p = tag(target, &st, p, html);
	if (st.depth > 0)
		fuzz_fail(target, "HTML not balanced: an element never closed",
		          st.names[st.depth - 1]);
	free(st.names);
}

void fuzz_html(const char *target, const dm_doc *doc, bool balance)
{
	unsigned flags;

	for (flags = 0; flags <= DM_HTML_STANDALONE; flags++) {
		dm_error err;
		size_t len = 0;
		char *html;

		dm_error_clear(&err);
		html = dm_html_render(doc, flags, &len, &err);
		if (html == NULL)
			fuzz_fail(target, "a valid document not rendered as "
			                  "HTML", err.what);
		if (strlen(html) != len)
			fuzz_fail(target, "HTML with a NUL byte or a wrong "
			                  "length", NULL);
		if ((flags & DM_HTML_STANDALONE) && len == 0)
			fuzz_fail(target, "an empty page", NULL);
		if (balance)
			balanced(target, html);
		free(html);
	}
}
