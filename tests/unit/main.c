/*
 * main.c - runs every Check suite of the library; exits non-zero when any
 * test fails.  Also the helpers the suites share (suites.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"

const char *t_corpus(const char *rel)
{
	static char path[4096];
	const char *dir = getenv("DM_CORPUS");

	if (dir == NULL || *dir == '\0')
		dir = DM_CORPUS_DIR;
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	return path;
}

char *t_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	ck_assert_msg(f != NULL, "cannot open %s (set DM_CORPUS to the "
	              "folder of pandoc's test documents as JSON)", path);
	for (;;) {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap + 1);
			ck_assert_ptr_nonnull(buf);
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	ck_assert_msg(!ferror(f), "cannot read %s", path);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

const char *Q(const char *s)
{
	static char *ring[16];
	static unsigned next;
	char *d = strdup(s), *p;

	ck_assert_ptr_nonnull(d);
	for (p = d; *p; p++)
		if (*p == '\'')
			*p = '"';
	free(ring[next % 16]);
	ring[next++ % 16] = d;
	return d;
}

json_t *t_json(const char *text)
{
	json_error_t je;
	json_t *v = json_loads(text, JSON_ALLOW_NUL | JSON_DECODE_ANY, &je);

	ck_assert_msg(v != NULL, "bad JSON in a test: %s: %s", je.text, text);
	return v;
}

char *t_dumps(const json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

	ck_assert_ptr_nonnull(s);
	return s;
}

dm_doc *t_load(const char *text)
{
	dm_error err;
	dm_doc *doc;

	dm_error_clear(&err);
	doc = dm_doc_load(text, strlen(text), &err);
	ck_assert_msg(doc != NULL, "refused: %s: %s", err.what, err.where);
	ck_assert_int_eq(err.code, DM_OK);
	return doc;
}

dm_error_code t_refuse(const char *text, dm_error *err)
{
	dm_doc *doc;

	dm_error_clear(err);
	doc = dm_doc_load(text, strlen(text), err);
	ck_assert_msg(doc == NULL, "accepted: %s", text);
	ck_assert_msg(err->code != DM_OK, "refused without an error: %s",
	              text);
	ck_assert_msg(err->what[0] != '\0', "refused without a message: %s",
	              text);
	return err->code;
}

int main(void)
{
	Suite *(*const suites[])(void) = {
		buf_suite,  error_suite, format_suite, doc_suite,
		validate_suite, node_suite, text_suite, meta_suite,
		walk_suite, md_suite, options_suite, escape_suite,
		box_suite, box_formats_suite, box_text_suite, box_rtl_suite,
		words_suite, parallel_suite,
	};
	SRunner *sr = srunner_create(NULL);
	size_t i;
	int failed;

	for (i = 0; i < sizeof suites / sizeof suites[0]; i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
