/*
 * runner.c - the program around the filters: arguments, reading, running,
 * writing, and reporting, so each filter's file holds only its logic.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

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
	/* An allocation that failed where no function could say so (a
	 * question answered "no") leaves the filter's findings in doubt:
	 * finish, which reports and adds, does not run on them. */
	if (rc == 0 && dmp_nomem_seen())
		rc = dm_nomem(ctx->err);
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

void dm_main_init(void)
{
	/* A closed pipe must be an error we report, not a silent death. */
	signal(SIGPIPE, SIG_IGN);
}

int dm_close_stdout(const char *prog)
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
	if (f->option_table) {
		dm_buf b = {0};
		if (dm_options_help(f->option_table, &b) == 0)
			printf("\nOptions are read from the document's metadata, "
			       "under the key %s\n(YAML front matter, pandoc -M "
			       "%s.KEY=VALUE, or a defaults file):\n\n%s",
			       prog, prog, dm_buf_str(&b));
		dm_buf_free(&b);
	}
	fputs(exit_help, stdout);
}

static void help_chain(const char *prog, const dm_filter *const *filters,
                       const char *chain)
{
	printf("Usage: %s [--filters LIST] [--NAME...] [FORMAT]\n"
	       "       %s --list\n"
	       "Runs several dmfilters in one process: one parse, one "
	       "write.\n\n",
	       prog, prog);
	printf(common_help, prog, prog);
	printf("\nThe filters run: --filters LIST if given (comma-separated; "
	       "empty: read,\ncheck and write back), else the metadata key "
	       "dm-filters, else %s\nand every filter whose options "
	       "(dm-NAME) are in the metadata.  --NAME adds\nfilter NAME "
	       "(--check).  A checker runs first, on the article as "
	       "written.\n\n"
	       "      --filters LIST  the filters to run, in order\n"
	       "      --NAME          also run filter NAME\n"
	       "      --list          list the filters and exit\n",
	       *chain ? chain : "none");
	fputs(exit_help, stdout);
	puts("\nFilters:");
	for (; *filters; filters++)
		printf("  %-9s %s\n", (*filters)->name, (*filters)->summary);
}

/* "PROG: TEXT\n" on standard error, TEXT escaped so that it stays one
 * line; "PROG: out of memory" when even that cannot be had. */
static void say(const char *prog, const char *text)
{
	dm_buf b = {0};

	dm_message_escape(&b, text);
	if (dm_buf_failed(&b))
		fprintf(stderr, "%s: out of memory\n", prog);
	else
		fprintf(stderr, "%s: %s\n", prog, dm_buf_str(&b));
	dm_buf_free(&b);
}

int dm_usage(const char *prog, const char *fmt, const char *arg)
{
	dm_buf b = {0};

	dm_buf_printf(&b, fmt, arg);
	say(prog, dm_buf_failed(&b) ? "out of memory" : dm_buf_str(&b));
	dm_buf_free(&b);
	fprintf(stderr, "Try '%s --help'.\n", prog);
	return 2;
}

int dm_report(const char *prog, const dm_error *err)
{
	dm_buf b = {0};

	if (!dm_error_is_set(err))
		return 0;
	dm_buf_puts(&b, err->what);
	if (err->where[0])
		dm_buf_printf(&b, ": %s", err->where);
	say(prog, dm_buf_failed(&b) ? "out of memory" : dm_buf_str(&b));
	dm_buf_free(&b);
	return dm_error_exit_status(err);
}

/* The warnings of the document being run, written once it succeeds. */
static dm_buf warnings;

void dm_warn(const char *prog, const char *fmt, ...)
{
	char *text = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (text = malloc((size_t)n + 1)) == NULL) {
		dmp_nomem_note(); /* the run fails: no warning to give */
		return;
	}
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	dm_buf_printf(&warnings, "%s: warning: ", prog);
	dm_message_escape(&warnings, text); /* a failure is noted */
	dm_buf_putc(&warnings, '\n');
	free(text);
}

void dmp_warnings_end(bool give)
{
	if (give && !dm_buf_failed(&warnings) && warnings.len > 0)
		fputs(dm_buf_str(&warnings), stderr);
	dm_buf_free(&warnings);
}

/* Adds filter `f` to the chain `run` of `*n` unless it is there. */
static int add_filter(const dm_filter **run, int *n, int max,
                      const dm_filter *f)
{
	int i;

	for (i = 0; i < *n; i++)
		if (run[i] == f)
			return 0;
	if (*n == max)
		return -1;
	run[(*n)++] = f;
	return 0;
}

/* Resolves a comma-separated LIST into `run` (appending to `*n`). */
static int parse_list(const dm_filter *const *filters, const char *list,
                      const dm_filter **run, int *n, int max, dm_error *err,
                      const char *where)
{
	const char *p = list, *e;

	while (*p) {
		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		while (p < e && *p == ' ')
			p++;
		if (e > p) {
			size_t len = (size_t)(e - p);
			const dm_filter *f;
			while (len > 0 && p[len - 1] == ' ')
				len--;
			f = find(filters, p, len);
			if (f == NULL)
				return dm_error_set(err, where ? DM_EOPTION
				                               : DM_EUSAGE,
				                    where, "unknown filter '%.*s' "
				                    "(see dm --list)", (int)len, p);
			if (add_filter(run, n, max, f) != 0)
				return dm_error_set(err, DM_EUSAGE, where,
				                    "too many filters");
		}
		p = *e ? e + 1 : e;
	}
	return 0;
}

/* True when the metadata holds options of filter `f`: a key dm-NAME, or
 * flat keys dm-NAME.KEY from pandoc -M. */
static bool has_options(dm_doc *doc, const dm_filter *f)
{
	const char *key;
	json_t *v;
	size_t n = strlen(f->name);

	json_object_foreach(dm_doc_meta(doc), key, v) {
		if (strncmp(key, "dm-", 3) == 0 &&
		    strncmp(key + 3, f->name, n) == 0 &&
		    (key[3 + n] == '\0' || key[3 + n] == '.'))
			return true;
	}
	return false;
}

/* The chain for this document (see dm_main() in dm.h). */
static int resolve_chain(dm_doc *doc, const dm_filter *const *filters,
                         const char *list, const char *chain,
                         const dm_filter *const *extra, int nextra,
                         const dm_filter **run, int max, dm_error *err)
{
	const json_t *mf = json_object_get(dm_doc_meta(doc), "dm-filters");
	const dm_filter *first[32];
	int n = 0, nf = 0, i, k;

	if (list != NULL) {
		if (parse_list(filters, list, run, &n, max, err, NULL))
			return -1;
	} else if (mf != NULL) {
		const json_t *items = dm_is(mf, "MetaList") ? dm_content(mf)
		                                            : NULL;
		size_t j, count = items ? json_array_size(items) : 1;
		for (j = 0; j < count; j++) {
			char where[64], *s = NULL;
			snprintf(where, sizeof where, items ? "meta.dm-filters[%zu]"
			                                    : "meta.dm-filters", j);
			if (dm_meta_string(items ? json_array_get(items, j) : mf,
			                   where, &s, err) < 0)
				return -1;
			k = parse_list(filters, s, run, &n, max, err, where);
			free(s);
			if (k)
				return -1;
		}
	} else {
		if (parse_list(filters, chain, run, &n, max, err, NULL))
			return -1;
		for (i = 0; filters[i]; i++)
			if (has_options(doc, filters[i]) &&
			    add_filter(run, &n, max, filters[i]))
				return dm_error_set(err, DM_EUSAGE, NULL,
				                    "too many filters");
	}
	for (i = 0; i < nextra; i++)
		if (add_filter(run, &n, max, extra[i]))
			return dm_error_set(err, DM_EUSAGE, NULL,
			                    "too many filters");
	/* Checkers first, on the document as written; the rest in order. */
	for (i = 0; i < n; i++)
		if (run[i]->first)
			first[nf++] = run[i];
	for (i = 0, k = nf; i < n; i++)
		if (!run[i]->first)
			first[k++] = run[i];
	memcpy(run, first, (size_t)n * sizeof *run);
	return n;
}

/*
 * Resolves the chain for ctx->doc and runs it.  0 or -1 (ctx->err).
 *
 * Each filter walks the document on its own, one after another; the walks
 * are not fused into one.  The output must be the bytes of the filters in
 * a pipe, so a filter's visitor may only see a node once every filter
 * before it has finished with it, and none of ours allows that:
 * dm-check reads the article as written (and runs first); dm-callouts'
 * list callback turns a labelled list into a group and takes the blocks
 * after "The Direct Message" into a callout (siblings restructured before
 * they are walked), and its finish() puts the metadata's triad at the top
 * of the document after the walk, which dm-credits must read first (its
 * credits are in document order); dm-credits' list callback recognises an
 * earlier footer across siblings.  Nor may a walk skip what a filter does
 * not look at: callouts are rendered inside footnotes (a Note inline holds
 * blocks), dm-credits reads every Image and dm-check the text, so every
 * filter's walk descends into every inline; a mask of the node kinds a
 * visitor wants would save only the calls, not the descent (by the
 * profile, under 3% of the chain: dm-credits' calls for the inlines that
 * are not images), and the visitor API stays as it is.
 *
 * Measured (make bench, 10 MiB, CPU time; issue 13): the identity runs in
 * 0.75x the floor (perf: jansson's load about 60% of it, its dump 30%,
 * the validator 6%).  A document from 1 MiB on is read, validated and
 * written on threads (src/parallel.c, src/out.c; the filters' walks stay
 * on one): on 2 cores the identity's wall time falls to 0.51-0.58x the
 * floor when the threads get the second core (0.65-0.72x with
 * DM_THREADS=1), for 8-25% more CPU time; on the loaded build machine,
 * where another session mostly holds it, 0.68-0.82x (README,
 * Performance).  Each walk costs 0.2-0.26 s of wall time over it on
 * 10 MiB, a fifth of the identity's instructions and much waiting on
 * memory: the first touch of 200 MiB of nodes another thread wrote.  What
 * was cut is around the walks: a node without children (Str, Space,
 * Code) is left at once, tag and contents come from one look at the keys,
 * the schema lookup goes by the tag's first letter, dm-credits makes its
 * footer marks once per run and compares a heading once, and dm-callouts
 * writes a list with a section anew once instead of moving it up at each.
 * The chain costs 1.69x the identity in wall time, 1.37x in CPU time
 * (make bench, e92ec99; target 1.1x: missed).  In instructions (callgrind,
 * 1 MiB, one thread) it went from 1.35x to 1.29x the identity (426.5 M)
 * by doing less inside the filters: no deep copy of a triad's statements,
 * Credits headings' names folded once, no type looked up for an inline
 * where nothing can match; the forms read since (headings and definition
 * lists as the triad, credits at a paragraph's end and in alt text) bring
 * it to 1.32x (564.6 M).  What is left is spread over many small costs
 * (the node's tag and type, the walker's bookkeeping, the filters' reading
 * of each paragraph's first words); meeting 1.1x takes the filters' work
 * off the one thread, which their document-order state rules out today.
 */
static int run_chain(dm_ctx *ctx, const dm_filter *const *filters,
                     const char *list, const char *chain,
                     const dm_filter *const *extra, int nextra)
{
	const dm_filter *chosen[32];
	int i, n;

	n = resolve_chain(ctx->doc, filters, list, chain, extra, nextra,
	                  chosen, 32, ctx->err);
	for (i = 0; i < n && !dm_error_is_set(ctx->err); i++)
		dm_filter_run(chosen[i], ctx);
	return dm_error_is_set(ctx->err) ? -1 : 0;
}

int dm_chain_run(dm_ctx *ctx, const dm_filter *const *filters,
                 const char *list, const char *chain)
{
	return run_chain(ctx, filters, list, chain, NULL, 0);
}

/* What the command line asks for. */
typedef struct args {
	const char *prog;
	const char *format;        /* NULL: html */
	const char *list;          /* --filters LIST, or NULL */
	const dm_filter *single;   /* the one filter to run, or NULL: a chain */
	const dm_filter *extra[32]; /* --NAME */
	int nextra;
} args;

/* Reads one option `a` (argv[*i], which starts with '-').  Returns -1 to
 * go on, or the exit status when the program is done (help, version,
 * list, usage error). */
static int option(args *r, int argc, char **argv, int *i,
                  const dm_filter *const *filters, const char *chain)
{
	const char *a = argv[*i];
	const dm_filter *f;

	if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
		if (r->single)
			help_filter(r->prog, r->single);
		else
			help_chain(r->prog, filters, chain);
		return dm_close_stdout(r->prog);
	}
	if (strcmp(a, "--version") == 0) {
		printf("%s (dmfilters) %s\njansson %s\n", r->prog, DM_VERSION,
		       JANSSON_VERSION);
		return dm_close_stdout(r->prog);
	}
	if (r->single)
		return dm_usage(r->prog, "unknown option '%s'", a);
	if (strcmp(a, "--list") == 0) {
		for (; *filters; filters++)
			printf("%-10s %s\n", (*filters)->name,
			       (*filters)->summary);
		return dm_close_stdout(r->prog);
	}
	if (strcmp(a, "--filters") == 0) {
		if (++*i == argc)
			return dm_usage(r->prog, "%s needs a value", a);
		r->list = argv[*i];
	} else if (strncmp(a, "--filters=", 10) == 0) {
		r->list = a + 10;
	} else if (strncmp(a, "--", 2) == 0 &&
	           (f = find(filters, a + 2, strlen(a + 2)))) {
		if (r->nextra < 32)
			r->extra[r->nextra++] = f;
	} else {
		return dm_usage(r->prog, "unknown option '%s'", a);
	}
	return -1;
}

/* Parses the command line into `r`.  Returns -1 to run, or the exit
 * status when the program is done. */
static int parse_args(args *r, int argc, char **argv,
                      const dm_filter *const *filters, const char *chain)
{
	bool options_done = false;
	int i, rc;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!options_done && strcmp(a, "--") == 0) {
			options_done = true;
		} else if (!options_done && a[0] == '-' && a[1] != '\0') {
			if ((rc = option(r, argc, argv, &i, filters, chain)) >= 0)
				return rc;
		} else if (r->format == NULL) {
			r->format = a;
		} else {
			return dm_usage(r->prog, "unexpected argument '%s'", a);
		}
	}
	return -1;
}

/* The document of a run that does not free it (the kernel does): held
 * here, so that valgrind run on a filter of one's own finds it still
 * reachable, not lost (volatile: a store the compiler must not drop). */
static dm_doc *volatile kept_doc;

/* Reads the document, runs the filters, writes it; the exit status. */
static int run(const args *r, const dm_filter *const *filters,
               const char *chain)
{
	const dm_filter *chosen[32];
	dm_error err;
	dm_doc *doc;
	int n = 0;

	dm_error_clear(&err);
	if (r->list != NULL) { /* a bad list is a usage error, before reading */
		if (parse_list(filters, r->list, chosen, &n, 32, &err, NULL)) {
			fprintf(stderr, "%s: %s\nTry '%s --help'.\n", r->prog,
			        err.what, r->prog);
			return 2;
		}
	}
	dmp_nomem_reset();
	if (!DM_FREE_AT_EXIT) /* one document, never freed: see jalloc.c */
		dmp_json_arena(true);
	doc = dm_doc_read_fd(STDIN_FILENO, &err);
	dmp_json_arena(false);
	if (doc != NULL) {
		dm_ctx ctx = {r->prog, r->format ? r->format : "html",
		              dm_format_family(r->format), doc, &err, NULL};
		if (r->single)
			dm_filter_run(r->single, &ctx);
		else
			run_chain(&ctx, filters, r->list, chain, r->extra,
			          r->nextra);
		if (dmp_nomem_seen() && !dm_error_is_set(&err))
			dm_nomem(&err); /* a filter ran short and went on */
		if (!dm_error_is_set(&err))
			dm_doc_write_fd(doc, STDOUT_FILENO, &err);
		if (DM_FREE_AT_EXIT)
			dm_doc_free(doc);
		else
			kept_doc = doc;
	}
	dmp_warnings_end(!dm_error_is_set(&err));
	return dm_report(r->prog, &err);
}

int dm_main(int argc, char **argv, const dm_filter *const *filters,
            const char *chain)
{
	args r = {argc > 0 ? base_name(argv[0]) : "dm", NULL, NULL, NULL,
	          {NULL}, 0};
	int rc;

	dm_main_init();
	if (strncmp(r.prog, "dm-", 3) == 0 &&
	    (r.single = find(filters, r.prog + 3, strlen(r.prog + 3))) ==
	            NULL)
		return dm_usage(r.prog, "no filter of this name (%s)",
		                "see dm --list");
	if ((rc = parse_args(&r, argc, argv, filters, chain)) >= 0)
		return rc;
	return run(&r, filters, chain);
}

int dm_filter_main(int argc, char **argv, const dm_filter *filter)
{
	const dm_filter *const filters[] = {filter, NULL};
	args r = {argc > 0 ? base_name(argv[0]) : filter->name, NULL, NULL,
	          filter, {NULL}, 0};
	int rc;

	dm_main_init();
	if ((rc = parse_args(&r, argc, argv, filters, "")) >= 0)
		return rc;
	return run(&r, filters, "");
}
