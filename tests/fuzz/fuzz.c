/*
 * fuzz.c - the fuzz target: any bytes through the reader, then every
 * filter for every family of output formats, then the writer.
 *
 * libFuzzer calls LLVMFuzzerTestOneInput (`make fuzz`, clang); replay.c
 * calls it for files, so `make check` replays the corpus with any
 * compiler, under the sanitizers with SAN=1.  A crash, a sanitizer report
 * or a leak is a finding; refusing bad input is not.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../filters/filters.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const formats[] = {
	"html", "latex", "docx", "odt", "typst", "markdown",
	"gfm",  "json",  "plain", "context", "epub", "epub2", "rst",
	"asciidoc", "docbook5", "org", "jira", "mediawiki",
};

static const dm_filter *const chain[] = {
	&dm_check_filter, &dm_callouts_filter, &dm_credits_filter,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t f, i;

	for (f = 0; f < sizeof formats / sizeof *formats; f++) {
		dm_error err;
		dm_doc *doc;
		char *out;
		size_t len;

		dm_error_clear(&err);
		doc = dm_doc_load((const char *)data, size, &err);
		if (doc == NULL)
			return 0; /* refused: the same for every format */
		{
			dm_ctx ctx = {"fuzz", formats[f],
			              dm_format_family(formats[f]), doc, &err,
			              NULL};
			for (i = 0; i < sizeof chain / sizeof *chain &&
			            !dm_error_is_set(&err);
			     i++)
				dm_filter_run(chain[i], &ctx);
		}
		if (!dm_error_is_set(&err)) {
			out = dm_doc_dump(doc, &len, &err);
			/* What a filter writes must read back. */
			if (out != NULL) {
				dm_error again;
				dm_doc *back;
				dm_error_clear(&again);
				back = dm_doc_load(out, len, &again);
				if (back == NULL)
					abort();
				dm_doc_free(back);
				free(out);
			}
		}
		dm_doc_free(doc);
	}
	return 0;
}
