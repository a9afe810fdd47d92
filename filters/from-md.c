/*
 * from-md.c - dm-from-md: Markdown (CommonMark, GitHub's extensions, YAML
 * front matter) to the pandoc JSON document `pandoc -f gfm -t json`
 * writes, without pandoc.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dm_md.h"

static const char *prog = "dm-from-md";

static int help(void)
{
	printf("Usage: %s [--api 1.22|1.23] [--lines] [-M KEY[=VALUE]]... "
	       "[FILE]\n"
	       "Reads Markdown (CommonMark with GitHub's tables, strikethrough,"
	       "\nautolinks, task lists, footnotes and alerts, and YAML front "
	       "matter)\nfrom FILE or standard input, and writes the pandoc "
	       "JSON document\nthat `pandoc -f gfm -t json` writes for it.\n\n"
	       "      --api 1.23   as pandoc 3 (the default)\n"
	       "      --api 1.22   as pandoc 2.17: no alerts, no math\n"
	       "      --lines      one block per line, as a CMS exports an "
	       "article:\n                   every line a paragraph, bare "
	       "lines that read as\n                   headings level-2 "
	       "headings (see dm-from-md(1))\n"
	       "  -M, --metadata KEY[=VALUE]\n"
	       "                   set metadata KEY, as pandoc -M does: "
	       "VALUE a string,\n                   true or false a "
	       "boolean, no VALUE true; over the\n                   "
	       "front matter's (-M dm-check.strict)\n"
	       "  -h, --help       print this help and exit\n"
	       "      --version    print the version and exit\n\n"
	       "Exit status: 0 success; 1 bad input or a failed read or "
	       "write\n(nothing is written then); 2 bad command line.\n",
	       prog);
	return dm_close_stdout(prog);
}

/* What the command line asks for. */
typedef struct args {
	const char *file, *api;
	unsigned flags;
	char *meta[256]; /* -M KEY=VALUE */
	int nmeta;
} args;

/* Parses the command line into `r`: -1 to run, or the exit status. */
static int parse_args(args *r, int argc, char **argv)
{
	bool options_done = false, missing = false;
	char *m;
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (options_done || a[0] != '-' || a[1] == '\0') {
			if (r->file != NULL)
				return dm_usage(prog, "one input file at most (%s)", a);
			r->file = a;
		} else if (!strcmp(a, "--")) {
			options_done = true;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			return help();
		} else if (!strcmp(a, "--version")) {
			printf("%s (dmfilters) %s\n", prog, DM_VERSION);
			return dm_close_stdout(prog);
		} else if (!strcmp(a, "--lines")) {
			r->flags |= DM_MD_LINES;
		} else if ((m = dm_md_meta_arg(argc, argv, &i, &missing)) != NULL ||
		           missing) {
			if (missing)
				return dm_usage(prog, "%s needs KEY or "
				                "KEY=VALUE", a);
			if (r->nmeta == (int)(sizeof r->meta / sizeof *r->meta))
				return dm_usage(prog, "%s: more than 256 -M",
				                a);
			r->meta[r->nmeta++] = m;
		} else if (!strcmp(a, "--api")) {
			if (++i == argc)
				return dm_usage(prog, "%s needs a value", a);
			r->api = argv[i];
		} else if (!strncmp(a, "--api=", 6)) {
			r->api = a + 6;
		} else {
			return dm_usage(prog, "unknown option %s", a);
		}
	}
	if (strcmp(r->api, "1.22") && strcmp(r->api, "1.23"))
		return dm_usage(prog, "unsupported API version %s (use 1.22 or 1.23)",
		             r->api);
	return -1;
}

int main(int argc, char **argv)
{
	args r = {NULL, "1.23", 0, {NULL}, 0};
	const char *file;
	dm_error err;
	dm_doc *doc;
	int rc, fd = STDIN_FILENO;

	dm_main_init();
	dm_error_clear(&err);
	if ((rc = parse_args(&r, argc, argv)) >= 0)
		return rc;
	file = r.file;
	if (file != NULL && strcmp(file, "-") != 0) {
		fd = open(file, O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "%s: cannot open %s: %s\n", prog, file,
			        strerror(errno));
			return 1;
		}
	}
	doc = dm_md_read_fd(fd, strcmp(r.api, "1.22") ? 23 : 22, r.flags, &err);
	if (fd != STDIN_FILENO)
		close(fd);
	if (doc != NULL && dm_md_set_meta(doc, r.meta, r.nmeta, &err) == 0)
		dm_doc_write_fd(doc, STDOUT_FILENO, &err);
	if (doc == NULL && file != NULL && strcmp(file, "-") &&
	    !err.where[0]) /* a directory */
		snprintf(err.where, sizeof err.where, "%s", file);
	else if (file != NULL && err.where[0]) { /* "article.md, line 3" */
		dm_buf where = {0};
		dm_buf_printf(&where, "%s, %s", file, err.where);
		snprintf(err.where, sizeof err.where, "%s", dm_buf_str(&where));
		dm_buf_free(&where);
	}
	if (DM_FREE_AT_EXIT)
		dm_doc_free(doc);
	return dm_report(prog, &err);
}
