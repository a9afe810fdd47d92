/*
 * from-md.c - the fuzz target of dm-from-md: any bytes read as Markdown
 * with YAML front matter, as pandoc 3 (--api 1.23), as pandoc 2.17
 * (--api 1.22) and one block per line (--lines), through dm_md_read_ex(),
 * which dm-from-md calls on what it reads.  Then, as dm-to-html FILE.md
 * does, the chain `dm html` runs and the page.
 *
 * Invariants (fuzz.h): a refusal has a message; what is accepted is
 * written as a document the library's reader and validator accept, that
 * reads back as itself; dm-to-html renders it, balanced when it holds no
 * raw HTML; the chain accepts it and what the chain writes renders too.
 */
#include <stddef.h>
#include <stdint.h>

#include "filters.h"
#include "fuzz.h"

/* `dm-to-html FILE.md`: the chain, then the page. */
static void chain_and_page(dm_doc *doc, bool balance)
{
	dm_error err;
	dm_ctx ctx = {"fuzz", "html", dm_format_family("html"), doc, &err,
	              NULL};

	dm_error_clear(&err);
	if (dm_chain_run(&ctx, dmf_filters, NULL, dmf_chain) != 0) {
		fuzz_refused("from-md", &err); /* dm-check may refuse */
		return;
	}
	fuzz_roundtrip("from-md", doc);
	fuzz_html("from-md", doc, balance);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct {
		int api;
		unsigned flags;
	} modes[] = {{23, 0}, {22, 0}, {23, DM_MD_LINES}};
	size_t m;

	for (m = 0; m < sizeof modes / sizeof *modes; m++) {
		dm_error err;
		dm_doc *doc;
		bool raw;

		dm_error_clear(&err);
		doc = dm_md_read_ex((const char *)data, size, modes[m].api,
		                    modes[m].flags, &err);
		if (doc == NULL) {
			fuzz_refused("from-md", &err);
			continue;
		}
		if (dm_doc_api_minor(doc) != modes[m].api)
			fuzz_fail("from-md", "not the API version asked for",
			          NULL);
		fuzz_roundtrip("from-md", doc);
		raw = fuzz_has_raw("from-md", doc);
		fuzz_html("from-md", doc, !raw);
		if (m == 0)
			chain_and_page(doc, !raw);
		dm_doc_free(doc);
	}
	return 0;
}
