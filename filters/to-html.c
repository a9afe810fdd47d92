/*
 * to-html.c - dm-to-html: a pandoc JSON document on standard input to
 * HTML5 on standard output, through cmark-gfm's renderer.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dm_md.h"

static const char *prog = "dm-to-html";

static int help(void)
{
	printf("Usage: %s [-s]\n"
	       "Reads a pandoc JSON document (pandoc -t json, dm-from-md, a "
	       "filter)\non standard input and writes it as HTML5 on standard "
	       "output.\n\n"
	       "  -s, --standalone  a whole page: title, header-includes, "
	       "style\n"
	       "  -h, --help        print this help and exit\n"
	       "      --version     print the version and exit\n\n"
	       "Exit status: 0 success; 1 bad input or a failed write "
	       "(nothing is\nwritten then); 2 bad command line.\n",
	       prog);
	return dm_close_stdout(prog);
}

int main(int argc, char **argv)
{
	unsigned flags = 0;
	dm_error err;
	dm_doc *doc;
	int i;

	dm_error_clear(&err);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-s") || !strcmp(a, "--standalone"))
			flags |= DM_HTML_STANDALONE;
		else if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			return help();
		else if (!strcmp(a, "--version")) {
			printf("%s (dmfilters) %s\n", prog, DM_VERSION);
			return dm_close_stdout(prog);
		} else
			return dm_usage(prog, "unknown argument %s", a);
	}
	doc = dm_doc_read_fd(STDIN_FILENO, &err);
	if (doc != NULL)
		dm_html_write_fd(doc, flags, STDOUT_FILENO, &err);
	if (DM_FREE_AT_EXIT)
		dm_doc_free(doc);
	return dm_report(prog, &err);
}
