/*
 * to-html.c - the fuzz target of dm-to-html: any bytes read as a pandoc
 * JSON document (dm_doc_load(), which dm_doc_read_fd() calls on what it
 * reads) and, when accepted, rendered by dm_html_render() as a fragment
 * and as a page (-s), which dm_html_write_fd() writes.
 *
 * Invariants (fuzz.h): a refusal has a message; a document the reader
 * accepts is rendered, a page is never empty, and the HTML is balanced
 * when the document holds no raw node.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dm_error err;
	dm_doc *doc;

	dm_error_clear(&err);
	doc = dm_doc_load((const char *)data, size, &err);
	if (doc == NULL) {
		fuzz_refused("to-html", &err);
		return 0;
	}
	fuzz_html("to-html", doc, !fuzz_has_raw("to-html", doc));
	dm_doc_free(doc);
	return 0;
}
