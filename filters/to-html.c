/*
 * to-html.c - dm-to-html: a pandoc JSON document on standard input to
 * HTML5 on standard output, through cmark-gfm's renderer; or, given
 * Markdown files, each one read, run through the chain `dm html` runs and
 * written as a page, in one process and without JSON in between.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dm_md.h"
#include "filters.h"
#include "cmark_mem.h" /* the arenas of a page */
#include "internal.h"

static const char *prog = "dm-to-html";

/* What the command line asks for. */
typedef struct args {
	unsigned flags;
	unsigned md_flags;  /* --lines: DM_MD_LINES */
	const char *outdir; /* -o DIR, or NULL */
	const char *list;   /* --filters LIST, or NULL: as dm chooses */
	char **files;       /* the Markdown files */
	int nfiles;
	char **meta;        /* -M KEY=VALUE arguments */
	int nmeta;
} args;

static int help(void)
{
	printf("Usage: %s [-s] [-M KEY[=VALUE]]...\n"
	       "       %s [-s] [--lines] [--filters LIST] [-M KEY[=VALUE]]... "
	       "[-o DIR]\n                  FILE.md...\n"
	       "Reads a pandoc JSON document (pandoc -t json, dm-from-md, a "
	       "filter)\non standard input and writes it as HTML5 on standard "
	       "output.\n\nGiven Markdown files, reads each as dm-from-md "
	       "does, runs the chain\n`dm html` runs over it and writes the "
	       "page DIR/NAME.html (NAME: the\nfile's name without its "
	       "extension), in one process: the pages of\n`dm-from-md FILE | "
	       "dm html | dm-to-html`.  A file that fails is named\non "
	       "standard error and gets no page; the other pages are written; "
	       "the\nexit status is then 1.  With one file and no -o, the page "
	       "goes to\nstandard output.\n\n"
	       "  -s, --standalone  a whole page: title, header-includes, "
	       "style\n"
	       "  -o, --output DIR  the folder the pages are written to\n"
	       "      --lines       read the files as dm-from-md --lines does: "
	       "one block\n                    per line, as a CMS exports an "
	       "article\n"
	       "      --filters LIST  the chain, as dm --filters (default: as "
	       "dm chooses)\n"
	       "  -M, --metadata KEY[=VALUE]\n"
	       "                    set metadata KEY as pandoc -M does (a "
	       "filter's option:\n                    -M "
	       "dm-callouts.collapse=true; title=...)\n"
	       "  -h, --help        print this help and exit\n"
	       "      --version     print the version and exit\n\n"
	       "Exit status: 0 success; 1 bad input or a failed write "
	       "(nothing is\nwritten then); 2 bad command line.\n",
	       prog, prog);
	return dm_close_stdout(prog);
}

/* The value of option argv[*i], or NULL (a usage error) when missing. */
static const char *value(int argc, char **argv, int *i)
{
	return *i + 1 < argc ? argv[++*i] : NULL;
}

/* Parses the command line into `r`: -1 to run, or the exit status. */
static int parse_args(args *r, int argc, char **argv)
{
	bool done = false, missing = false;
	char *m;
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (done || a[0] != '-' || a[1] == '\0')
			r->files[r->nfiles++] = argv[i];
		else if (!strcmp(a, "--"))
			done = true;
		else if ((m = dm_md_meta_arg(argc, argv, &i, &missing)) ||
		         missing) {
			if (missing || *m == '=')
				return dm_usage(prog, "%s needs KEY or "
				                "KEY=VALUE", a);
			r->meta[r->nmeta++] = m;
		}
		else if (!strcmp(a, "-s") || !strcmp(a, "--standalone"))
			r->flags |= DM_HTML_STANDALONE;
		else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
			if ((r->outdir = value(argc, argv, &i)) == NULL)
				return dm_usage(prog, "%s needs a folder", a);
		} else if (!strcmp(a, "--lines")) {
			r->md_flags |= DM_MD_LINES;
		} else if (!strcmp(a, "--filters")) {
			if ((r->list = value(argc, argv, &i)) == NULL)
				return dm_usage(prog, "%s needs a value", a);
		} else if (!strncmp(a, "--filters=", 10))
			r->list = a + 10;
		else if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			return help();
		else if (!strcmp(a, "--version")) {
			printf("%s (dmfilters) %s\n", prog, DM_VERSION);
			return dm_close_stdout(prog);
		} else
			return dm_usage(prog, "unknown argument %s", a);
	}
	if (r->nfiles == 0 && (r->outdir || r->list || r->md_flags))
		return dm_usage(prog, "%s: no Markdown files given",
		                r->outdir ? "-o" : r->list ? "--filters"
		                                           : "--lines");
	if (r->nfiles > 1 && r->outdir == NULL)
		return dm_usage(prog, "%s", "several files need -o DIR");
	return -1;
}

/* NAME, the name of the page of `file`: its file name without folder and
 * extension; its length in `*len`. */
static const char *stem(const char *file, size_t *len)
{
	const char *base = strrchr(file, '/'), *dot;

	base = base ? base + 1 : file;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = base + strlen(base);
	*len = (size_t)(dot - base);
	return base;
}

/* The first file before files[i] whose page has the same name (a.md and
 * x/a.md, the index.md of each folder), or NULL. */
static const char *same_page(const args *r, int i)
{
	size_t n, m;
	const char *s = stem(r->files[i], &n), *t;
	int j;

	for (j = 0; j < i; j++)
		if ((t = stem(r->files[j], &m)) && m == n &&
		    memcmp(s, t, n) == 0)
			return r->files[j];
	return NULL;
}

/* DIR/NAME.html for `file`: a new string, or NULL. */
static char *page_name(const char *dir, const char *file)
{
	size_t n;
	const char *base = stem(file, &n);
	dm_buf b = {0};

	dm_buf_printf(&b, "%s/%.*s.html", dir, (int)n, base);
	if (dm_buf_failed(&b)) {
		dm_buf_free(&b);
		return NULL;
	}
	return dm_buf_take(&b);
}

/* Writes `doc` as the page `path`, through PATH.tmp renamed at the end,
 * so a failure leaves no half page.  0, or -1 with `err` set (and *named
 * when the message names the page). */
static int write_page(const dm_doc *doc, unsigned flags, const char *path,
                      dm_error *err, bool *named)
{
	dm_buf tmp = {0};
	int fd, rc = 0;

	dm_buf_printf(&tmp, "%s.tmp", path);
	if (dm_buf_failed(&tmp))
		return dm_nomem(err);
	fd = open(dm_buf_str(&tmp), O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0) {
		rc = dm_error_set(err, DM_EIO, NULL, "cannot write %s: %s",
		                  path, strerror(errno));
		*named = true;
	} else if (dm_html_write_fd(doc, flags, fd, err) != 0) {
		close(fd); /* it closes only what it wrote in full */
		unlink(dm_buf_str(&tmp));
		rc = -1;
	} else if (rename(dm_buf_str(&tmp), path) != 0) {
		rc = dm_error_set(err, DM_EIO, NULL, "cannot write %s: %s",
		                  path, strerror(errno));
		*named = true;
		unlink(dm_buf_str(&tmp));
	}
	dm_buf_free(&tmp);
	return rc;
}

/* Reads Markdown `file` into a document.  NULL with `err` set (and
 * *named when the message names the file). */
static dm_doc *read_md(const char *file, unsigned md_flags, dm_error *err,
                       bool *named)
{
	int fd = strcmp(file, "-") ? open(file, O_RDONLY) : STDIN_FILENO;
	dm_doc *doc;

	if (fd < 0) {
		dm_error_set(err, DM_EIO, NULL, "cannot open %s: %s", file,
		             strerror(errno));
		*named = true;
		return NULL;
	}
	doc = dm_md_read_fd(fd, 23, md_flags, err);
	if (fd != STDIN_FILENO)
		close(fd);
	return doc;
}

/* File `file`, whose page that of file `other` before it already is:
 * refused.  The exit status, 1. */
static int refuse(const args *r, const char *file, const char *other)
{
	char *path = page_name(r->outdir, file);

	fprintf(stderr, "%s: %s: no page written: %s is the page of %s "
	        "already; give the files different names, or run %s once per "
	        "folder, each with its own -o\n", prog, file,
	        path ? path : "its page", other, prog);
	free(path);
	return 1;
}

/* Markdown file r->files[i] to its page.  The exit status: 0, or 1
 * reported. */
static int one_file(const args *r, int i)
{
	const char *file = r->files[i], *other;
	bool last = i == r->nfiles - 1, arena = false, named = false;
	dm_error err;
	dm_doc *doc;
	char *path = NULL;

	if (r->outdir != NULL && (other = same_page(r, i)) != NULL)
		return refuse(r, file, other);
	dm_error_clear(&err);
	dmp_nomem_reset();
	if (!DM_FREE_AT_EXIT) { /* the page's nodes (jansson's, cmark's) */
		arena = dmp_json_arena_whole(true); /* given back at once */
		dmp_cmark_arena(true);
	}
	doc = read_md(file, r->md_flags, &err, &named);
	if (doc != NULL && dm_md_set_meta(doc, r->meta, r->nmeta, &err) == 0) {
		dm_ctx ctx = {prog, "html", dm_format_family("html"), doc,
		              &err, NULL};
		if (dm_chain_run(&ctx, dmf_filters, r->list, dmf_chain) == 0 &&
		    dmp_nomem_seen())
			dm_nomem(&err); /* a filter ran short and went on */
		if (!dm_error_is_set(&err)) {
			if (r->outdir == NULL)
				dm_html_write_fd(doc, r->flags, STDOUT_FILENO,
				                 &err);
			else if ((path = page_name(r->outdir, file)) == NULL)
				dm_nomem(&err);
			else
				write_page(doc, r->flags, path, &err, &named);
		}
	}
	if (dm_error_is_set(&err) && !named) { /* "what: FILE, line 3, column 2" */
		dm_buf where = {0};
		dm_buf_printf(&where, "%s%s%s", file, err.where[0] ? ", " : "",
		              err.where);
		snprintf(err.where, sizeof err.where, "%s",
		         dm_buf_failed(&where) ? file : dm_buf_str(&where));
		dm_buf_free(&where);
	}
	free(path);
	dmp_warnings_end(!dm_error_is_set(&err));
	dmp_json_arena_whole(false);
	dmp_cmark_arena(false);
	if (!last && !DM_FREE_AT_EXIT) /* the last one the kernel takes */
		dmp_cmark_arena_reset();
	if (arena) {
		if (!last) {
			dmp_doc_forget(doc);
			dmp_json_arena_reset();
		}
	} else {
		dm_doc_free(doc);
	}
	return dm_report(prog, &err);
}

/* JSON on standard input to HTML on standard output. */
static int from_json(const args *r)
{
	dm_error err;
	dm_doc *doc;

	dm_error_clear(&err);
	doc = dm_doc_read_fd(STDIN_FILENO, &err);
	if (doc != NULL && dm_md_set_meta(doc, r->meta, r->nmeta, &err) == 0)
		dm_html_write_fd(doc, r->flags, STDOUT_FILENO, &err);
	if (DM_FREE_AT_EXIT)
		dm_doc_free(doc);
	return dm_report(prog, &err);
}

int main(int argc, char **argv)
{
	args r = {0, 0, NULL, NULL, NULL, 0, NULL, 0};
	int i, rc, status = 0;

	dm_main_init();
	r.files = calloc((size_t)argc + 1, sizeof *r.files);
	r.meta = calloc((size_t)argc + 1, sizeof *r.meta);
	if (r.files == NULL || r.meta == NULL) {
		fprintf(stderr, "%s: out of memory\n", prog);
		free(r.files);
		free(r.meta);
		return 1;
	}
	if ((rc = parse_args(&r, argc, argv)) < 0) {
		if (r.outdir != NULL && mkdir(r.outdir, 0777) != 0 &&
		    errno != EEXIST) { /* one message, no page tried */
			fprintf(stderr, "%s: cannot make %s: %s\n", prog,
			        r.outdir, strerror(errno));
			free(r.files);
			free(r.meta);
			return 1;
		}
		if (r.nfiles == 0)
			status = from_json(&r);
		for (i = 0; i < r.nfiles; i++)
			if (one_file(&r, i))
				status = 1;
		if (r.nfiles > 0 && r.outdir != NULL &&
		    dm_close_stdout(prog) != 0)
			status = 1;
	} else {
		status = rc;
	}
	free(r.files);
	free(r.meta);
	return status;
}
