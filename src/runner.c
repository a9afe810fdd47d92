/*
 * runner.c - the program around the filters: arguments, reading, running,
 * writing, and reporting, so each filter's file holds only its logic.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* Outside leak-checking builds the tree is not freed at exit: the kernel
 * takes the whole heap back at once, and freeing a large document
 * node by node costs a fifth of a run. */
#ifndef DM_FREE_AT_EXIT
#define DM_FREE_AT_EXIT 0
#endif

int dm_filter_run(const dm_filter *f, dm_ctx *ctx)
{
	const dm_visitor *v = &f->visitor;
	int rc = 0;

	ctx->state = NULL;
	if (f->start && f->start(ctx) != 0)
		rc = -1;
	if (rc == 0 && (v->block || v->inline_ || v->blocks || v->inlines) &&
	    dm_walk_doc(ctx, v) != 0)
		rc = -1;
	if (rc == 0 && f->finish && f->finish(ctx) != 0)
		rc = -1;
	if (f->release)
		f->release(ctx);
	ctx->state = NULL;
	if (rc != 0 && !dm_error_is_set(ctx->err))
		dm_error_set(ctx->err, DM_EFAIL, NULL, "filter %s failed",
		             f->name);
	return rc;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static const dm_filter *find(const dm_filter *const *filters,
                             const char *name, size_t len)
{
	for (; *filters; filters++)
		if (strlen((*filters)->name) == len &&
		    strncmp((*filters)->name, name, len) == 0)
			return *filters;
	return NULL;
}

/* Checked output for --help and friends (sbase's fshut). */
static int finish_stdout(const char *prog)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr, "%s: cannot write output\n", prog);
		return 1;
	}
	return 0;
}

static const char common_help[] =
	"Reads a pandoc JSON document on standard input and writes one to\n"
	"standard output.  FORMAT is the output format, as pandoc passes it to\n"
	"a filter (html, html5, latex, beamer, docx, gfm, markdown, ...); the\n"
	"default is html.  Run it as `pandoc --filter %s`, or in a pipeline\n"
	"`pandoc -t json | %s FORMAT | pandoc -f json`.\n";

static const char exit_help[] =
	"\n  -h, --help       print this help and exit\n"
	"      --version    print the version and exit\n"
	"\nExit status: 0 success; 1 bad input, bad options or a failed "
	"write\n(nothing is written then); 2 bad command line.\n";

static void help_filter(const char *prog, const dm_filter *f)
{
	printf("Usage: %s [FORMAT]\n%s.\n\n", prog, f->summary);
	printf(common_help, prog, prog);
	if (f->options)
		printf("\nOptions are read from the document's metadata, under "
		       "the key %s\n(YAML front matter, pandoc -M %s.KEY=VALUE, "
		       "or a defaults file):\n\n%s",
		       prog, prog, f->options);
	fputs(exit_help, stdout);
}

static void help_chain(const char *prog, const dm_filter *const *filters,
                       const char *chain)
{
	printf("Usage: %s [--filters LIST] [FORMAT]\n       %s --list\n"
	       "Runs several dmfilters in one process: one parse, one "
	       "write.\n\n",
	       prog, prog);
	printf(common_help, prog, prog);
	printf("\n      --filters LIST  the filters to run, comma-separated, "
	       "in order\n                      (default: %s; empty: read,"
	       " check and write back)\n      --list          list the "
	       "filters and exit\n",
	       *chain ? chain : "none");
	fputs(exit_help, stdout);
	puts("\nFilters:");
	for (; *filters; filters++)
		printf("  %-10s %s\n", (*filters)->name, (*filters)->summary);
}

static int usage(const char *prog, const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", prog);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry '%s --help'.\n", prog);
	return 2;
}

static void report(const char *prog, const dm_error *err)
{
	if (err->where[0])
		fprintf(stderr, "%s: %s: %s\n", prog, err->what, err->where);
	else
		fprintf(stderr, "%s: %s\n", prog, err->what);
}

/* Resolves a comma-separated LIST into `run`; returns the count or -1. */
static int parse_list(const char *prog, const dm_filter *const *filters,
                      const char *list, const dm_filter **run, int max)
{
	const char *p = list, *e;
	int n = 0;

	while (*p) {
		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		if (e > p) {
			const dm_filter *f = find(filters, p, (size_t)(e - p));
			if (f == NULL) {
				fprintf(stderr,
				        "%s: unknown filter '%.*s' (see %s "
				        "--list)\n",
				        prog, (int)(e - p), p, prog);
				return -1;
			}
			if (n == max) {
				fprintf(stderr, "%s: too many filters\n", prog);
				return -1;
			}
			run[n++] = f;
		}
		p = *e ? e + 1 : e;
	}
	return n;
}

int dm_main(int argc, char **argv, const dm_filter *const *filters,
            const char *chain)
{
	const char *prog = argc > 0 ? base_name(argv[0]) : "dm";
	const dm_filter *single = NULL, *run[32];
	const char *format = NULL, *list = chain;
	bool options_done = false;
	dm_error err;
	dm_doc *doc;
	int i, n;

	if (strncmp(prog, "dm-", 3) == 0 &&
	    (single = find(filters, prog + 3, strlen(prog + 3))) == NULL)
		return usage(prog, "no filter of this name (%s)",
		             "see dm --list");
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!options_done && a[0] == '-' && a[1] != '\0') {
			if (strcmp(a, "--") == 0) {
				options_done = true;
			} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
				if (single)
					help_filter(prog, single);
				else
					help_chain(prog, filters, chain);
				return finish_stdout(prog);
			} else if (strcmp(a, "--version") == 0) {
				printf("%s (dmfilters) %s\njansson %s\n", prog,
				       DM_VERSION, JANSSON_VERSION);
				return finish_stdout(prog);
			} else if (!single && strcmp(a, "--list") == 0) {
				for (; *filters; filters++)
					printf("%-10s %s\n", (*filters)->name,
					       (*filters)->summary);
				return finish_stdout(prog);
			} else if (!single && strcmp(a, "--filters") == 0) {
				if (++i == argc)
					return usage(prog, "%s needs a value",
					             a);
				list = argv[i];
			} else if (!single &&
			           strncmp(a, "--filters=", 10) == 0) {
				list = a + 10;
			} else {
				return usage(prog, "unknown option '%s'", a);
			}
		} else if (format == NULL) {
			format = a;
		} else {
			return usage(prog, "unexpected argument '%s'", a);
		}
	}
	if (single) {
		run[0] = single;
		n = 1;
	} else if ((n = parse_list(prog, filters, list, run, 32)) < 0) {
		fprintf(stderr, "Try '%s --help'.\n", prog);
		return 2;
	}

	/* A closed pipe must be an error we report, not a silent death. */
	signal(SIGPIPE, SIG_IGN);
	dm_error_clear(&err);
	doc = dm_doc_read_fd(STDIN_FILENO, &err);
	if (doc != NULL) {
		dm_ctx ctx = {prog, format ? format : "html",
		              dm_format_family(format), doc, &err, NULL};
		for (i = 0; i < n && !dm_error_is_set(&err); i++)
			dm_filter_run(run[i], &ctx);
		if (!dm_error_is_set(&err))
			dm_doc_write_fd(doc, STDOUT_FILENO, &err);
		if (DM_FREE_AT_EXIT)
			dm_doc_free(doc);
	}
	if (dm_error_is_set(&err))
		report(prog, &err);
	return dm_error_exit_status(&err);
}
