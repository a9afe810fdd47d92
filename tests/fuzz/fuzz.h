/*
 * fuzz.h - what the fuzz targets share (tests/fuzz/check.c): the checks
 * of their invariants.  A broken invariant is a finding as a crash is:
 * the target says which one on standard error, then aborts, so libFuzzer
 * keeps the input and replay.c stops with a non-zero status.
 *
 * The targets, each LLVMFuzzerTestOneInput in a file of its own:
 *   filters.c   JSON through every filter for every family of formats
 *   from-md.c   Markdown + YAML front matter (dm-from-md, --api 1.22,
 *               --lines), then the chain and the HTML of dm-to-html FILE.md
 *   to-html.c   JSON to HTML (dm-to-html, with and without -s)
 */
#ifndef DM_FUZZ_H
#define DM_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dm_md.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Under libFuzzer: keeps a copy of standard error for fuzz_fail(), which
 * -close_fd_mask=2 (the filters' reports silenced) would close. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Says "fuzz: TARGET: WHAT[: DETAIL]" on standard error and aborts. */
void fuzz_fail(const char *target, const char *what, const char *detail)
#if defined(__GNUC__)
	__attribute__((noreturn))
#endif
	;

/* A refusal must say what was wrong: fails when `err` holds no message. */
void fuzz_refused(const char *target, const dm_error *err);

/*
 * What a program writes, the next one reads: dumps `doc` as dm-from-md
 * and every filter write it, loads the dump back as dm_doc_load() reads
 * a document (the validator included), and dumps that again, which must
 * give the same bytes and the same API version.  Fails otherwise.
 */
void fuzz_roundtrip(const char *target, const dm_doc *doc);

/*
 * Renders `doc` as dm-to-html does, without and with -s, and fails
 * unless the rendering succeeds, gives a page (-s) that is never empty,
 * and, when `balanced`, is balanced: every element opened is closed, in
 * order (void elements and comments aside).  Raw HTML from the input
 * may be anything, so the caller asks for balance only without it.
 */
void fuzz_html(const char *target, const dm_doc *doc, bool balanced);

/* Whether `doc` holds raw HTML (or any raw node) that dm-to-html would
 * write as it is. */
bool fuzz_has_raw(const char *target, const dm_doc *doc);

#endif /* DM_FUZZ_H */
