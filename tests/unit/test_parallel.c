/*
 * test_parallel.c - documents read and written on threads (src/parallel.c,
 * src/out.c) through the library's API: the same bytes and the same
 * messages as on one thread, and two threads of a program loading at once.
 * DM_THREADS_MIN=0 puts the corpus's small documents on threads.
 */
#include <pthread.h>
#include <string.h>

#include "suites.h"

static const char *const docs[] = {
	"api1.23/testsuite.json", "api1.23/tables.json",
	"api1.22/testsuite.json", "api1.22/writer.json"};

/* Loads `text` on `threads` threads and dumps it; the text or NULL, with
 * the error in `err`. */
static char *load_dump(const char *text, size_t len, const char *threads,
                       dm_error *err)
{
	dm_doc *doc;
	char *out;
	size_t n;

	setenv("DM_THREADS", threads, 1);
	setenv("DM_THREADS_MIN", "0", 1);
	dm_error_clear(err);
	doc = dm_doc_load(text, len, err);
	if (doc == NULL)
		return NULL;
	out = dm_doc_dump(doc, &n, err);
	dm_doc_free(doc);
	return out;
}

/* jansson's own compact dump of the text. */
static char *jansson_dump(const char *text, size_t len)
{
	json_error_t je;
	json_t *v = json_loadb(text, len, 0, &je);
	char *s;

	ck_assert_msg(v != NULL, "%s", je.text);
	s = json_dumps(v, JSON_COMPACT);
	json_decref(v);
	return s;
}

START_TEST(same_bytes)
{
	size_t len;
	char *text = t_read_file(t_corpus(docs[_i]), &len);
	char *want = jansson_dump(text, len), *one, *two, *four;
	dm_error err;

	one = load_dump(text, len, "1", &err);
	ck_assert_msg(one != NULL, "%s", err.what);
	two = load_dump(text, len, "2", &err);
	ck_assert_msg(two != NULL, "%s", err.what);
	four = load_dump(text, len, "4", &err);
	ck_assert_msg(four != NULL, "%s", err.what);
	ck_assert_str_eq(one, want);
	ck_assert_str_eq(two, want);
	ck_assert_str_eq(four, want);
	free(one);
	free(two);
	free(four);
	free(want);
	free(text);
}
END_TEST

/* The corpus document with its last Str made a number: refused deep in
 * the last piece, with the same message and path on threads. */
START_TEST(same_message)
{
	static const char str[] = "{\"t\":\"Str\",\"c\":\"";
	static const char bad[] = "{\"t\":\"Str\",\"c\":7,\"d\":\"";
	size_t len, at, n;
	char *text = t_read_file(t_corpus(docs[_i]), &len), *p = NULL, *q;
	char *edited, one[sizeof ((dm_error *)0)->what];
	char where[sizeof ((dm_error *)0)->where];
	dm_error err;

	for (q = text; (q = strstr(q, str)) != NULL; q++)
		p = q;
	ck_assert_ptr_nonnull(p);
	at = (size_t)(p - text);
	n = len - strlen(str) + strlen(bad);
	edited = malloc(n + 1);
	ck_assert_ptr_nonnull(edited);
	memcpy(edited, text, at);
	memcpy(edited + at, bad, strlen(bad));
	memcpy(edited + at + strlen(bad), p + strlen(str),
	       len - at - strlen(str) + 1);
	ck_assert_ptr_null(load_dump(edited, n, "1", &err));
	strcpy(one, err.what);
	strcpy(where, err.where);
	ck_assert_msg(strstr(one, "Str") != NULL, "%s", one);
	ck_assert_ptr_null(load_dump(edited, n, "2", &err));
	ck_assert_str_eq(err.what, one);
	ck_assert_str_eq(err.where, where);
	free(edited);
	free(text);
}
END_TEST

typedef struct job {
	const char *text;
	size_t len;
	const char *want;
	int ok;
} job;

static void *load_often(void *arg)
{
	job *j = arg;
	dm_error err;
	int i;

	j->ok = 1;
	for (i = 0; i < 5; i++) {
		dm_doc *doc;
		char *out;
		size_t n;
		dm_error_clear(&err);
		doc = dm_doc_load(j->text, j->len, &err);
		out = doc ? dm_doc_dump(doc, &n, &err) : NULL;
		if (out == NULL || strcmp(out, j->want) != 0)
			j->ok = 0;
		free(out);
		dm_doc_free(doc);
	}
	return NULL;
}

/* Two threads of a program each load and write documents, each on
 * threads of the library's. */
START_TEST(two_program_threads)
{
	size_t len;
	char *text = t_read_file(t_corpus(docs[0]), &len);
	char *want = jansson_dump(text, len);
	job a = {text, len, want, 0}, b = {text, len, want, 0};
	pthread_t ta, tb;

	setenv("DM_THREADS", "2", 1);
	setenv("DM_THREADS_MIN", "0", 1);
	ck_assert_int_eq(pthread_create(&ta, NULL, load_often, &a), 0);
	ck_assert_int_eq(pthread_create(&tb, NULL, load_often, &b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	ck_assert_int_eq(a.ok, 1);
	ck_assert_int_eq(b.ok, 1);
	free(want);
	free(text);
}
END_TEST

Suite *parallel_suite(void)
{
	Suite *s = suite_create("parallel");
	TCase *tc = tcase_create("threads");

	tcase_add_loop_test(tc, same_bytes, 0,
	                    (int)(sizeof docs / sizeof docs[0]));
	tcase_add_loop_test(tc, same_message, 0,
	                    (int)(sizeof docs / sizeof docs[0]));
	tcase_add_test(tc, two_program_threads);
	suite_add_tcase(s, tc);
	return s;
}
