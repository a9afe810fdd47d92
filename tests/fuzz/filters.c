/*
 * filters.c - the fuzz target of the JSON filters: any bytes through the
 * reader, then every filter for every family of output formats, then the
 * writer, as `dm FORMAT` runs them.
 *
 * libFuzzer calls LLVMFuzzerTestOneInput (`make fuzz`, clang); replay.c
 * calls it for files, so `make check` replays the corpus with any
 * compiler, under the sanitizers with SAN=1.  A crash, a sanitizer report,
 * a leak or a broken invariant (fuzz.h) is a finding; refusing bad input
 * with a message is not.
 */
#include <stddef.h>
#include <stdint.h>

#include "filters.h"
#include "fuzz.h"

static const char *const formats[] = {
	"html", "latex", "docx", "odt", "typst", "markdown",
	"gfm",  "json",  "plain", "context", "epub", "epub2", "rst",
	"asciidoc", "docbook5", "org", "jira", "mediawiki",
};

static const dm_filter *const chain[] = {
	&dm_check_filter, &dm_callouts_filter, &dm_credits_filter,
};

/* Every filter over a fresh copy of the document, for one format. */
static void one_format(const char *format, const char *data, size_t size)
{
	dm_error err;
	dm_doc *doc;
	size_t i;

	dm_error_clear(&err);
	doc = dm_doc_load(data, size, &err);
	if (doc == NULL) {
		fuzz_refused("filters", &err);
		return;
	}
	{
		dm_ctx ctx = {"fuzz", format, dm_format_family(format), doc,
		              &err, NULL};
		for (i = 0; i < sizeof chain / sizeof *chain &&
		            !dm_error_is_set(&err);
		     i++)
			dm_filter_run(chain[i], &ctx);
	}
	if (dm_error_is_set(&err))
		fuzz_refused("filters", &err);
	else /* what a filter writes, the next one reads */
		fuzz_roundtrip("filters", doc);
	dm_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dm_error err;
	dm_doc *doc;
	size_t f;

	dm_error_clear(&err);
	doc = dm_doc_load((const char *)data, size, &err);
	if (doc == NULL) { /* refused: the same for every format */
		fuzz_refused("filters", &err);
		return 0;
	}
	fuzz_roundtrip("filters", doc); /* the identity */
	dm_doc_free(doc);
	for (f = 0; f < sizeof formats / sizeof *formats; f++)
		one_format(formats[f], (const char *)data, size);
	return 0;
}
