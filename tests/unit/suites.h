/*
 * suites.h - the Check suites of the library's unit tests, and the few
 * helpers they share (defined in main.c).
 */
#ifndef DM_UNIT_SUITES_H
#define DM_UNIT_SUITES_H

#include <stddef.h>
#include <stdlib.h>

#include <check.h>

#include "dm.h"

Suite *buf_suite(void);
Suite *error_suite(void);
Suite *format_suite(void);
Suite *doc_suite(void);
Suite *validate_suite(void);
Suite *node_suite(void);
Suite *text_suite(void);
Suite *meta_suite(void);
Suite *walk_suite(void);
Suite *md_suite(void);
Suite *options_suite(void);
Suite *escape_suite(void);
Suite *box_suite(void);
Suite *box_formats_suite(void);
Suite *box_rtl_suite(void);
Suite *box_text_suite(void);
Suite *words_suite(void);
Suite *parallel_suite(void);

/*
 * Where pandoc's test documents as JSON live: $DM_CORPUS, else
 * DM_CORPUS_DIR, by default tests/corpus from the top of the
 * source tree, where `make unit` runs (as tests/fidelity.sh does).  A
 * missing corpus fails the tests that use it; it never passes them.
 */
#ifndef DM_CORPUS_DIR
#define DM_CORPUS_DIR "tests/corpus"
#endif

/* The path of corpus file `rel` ("api1.23/tables.json"); static storage. */
const char *t_corpus(const char *rel);

/* The whole file at `path` (NUL-terminated, length in *len); fails the
 * test when it cannot be read.  free() it. */
char *t_read_file(const char *path, size_t *len);

/* Parses JSON text (NUL allowed); fails the test on a syntax error.
 * Returns a new reference. */
json_t *t_json(const char *text);

/* `s` with every ' turned into ", so JSON in tests reads easily.  The
 * result lives until sixteen more calls. */
const char *Q(const char *s);

/* Compact JSON of `v`, a new malloc'd string. */
char *t_dumps(const json_t *v);

/* Loads a document that must load; fails the test with the message. */
dm_doc *t_load(const char *text);

/* Loads a document that must be refused; returns the error code and
 * leaves the message in *err. */
dm_error_code t_refuse(const char *text, dm_error *err);

/* Asserts that `v` is JSON-equal to the JSON text `want`, showing both. */
#define t_assert_json(v, want)                                               \
	do {                                                                 \
		json_t *t_w_ = t_json(want);                                 \
		char *t_g_ = t_dumps(v);                                     \
		ck_assert_msg(json_equal((v), t_w_), "got %s\nwant %s",      \
		              t_g_, (want));                                 \
		free(t_g_);                                                  \
		json_decref(t_w_);                                           \
	} while (0)

#endif /* DM_UNIT_SUITES_H */
