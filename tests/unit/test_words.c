/*
 * test_words.c - lists of inlines read as words and phrases (src/words.c):
 * folding, phrases at the start of a paragraph, words split at separators,
 * joining them again, trimming punctuation from either end.
 *
 * JSON in this file is written with ' for " (see Q() in suites.h).
 */
#include <string.h>

#include "suites.h"
#include "words.h"

START_TEST(words_fold)
{
	static const char *const cases[][2] = {
		{"", ""},
		{"  Image   Credits: ", "image credits:"},
		{"A\xc2\xa0" "B\tC\nD", "a b c d"},
		{"\xc3\x89t\xc3\xa9", "\xc3\x89t\xc3\xa9"}, /* ASCII only */
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = dm_text_fold(cases[i][0]);
		ck_assert_ptr_nonnull(got);
		ck_assert_str_eq(got, cases[i][1]);
		free(got);
	}
}
END_TEST

static const struct {
	const char *inlines;
	const char *phrase;
	dm_text_match match;
	size_t n;
} phrases[] = {
	{"[{'t':'Str','c':'Image'},{'t':'Space'},{'t':'Str','c':'credits:'},"
	 "{'t':'Space'},{'t':'Str','c':'Ana'}]",
	 "Image Credits:", DM_TEXT_MATCHES, 3},
	/* the phrase must end where an inline ends */
	{"[{'t':'Str','c':'Photo:Ana'}]", "Photo:", DM_TEXT_DIFFERS, 0},
	{"[{'t':'Str','c':'Photographer'}]", "Photo", DM_TEXT_DIFFERS, 0},
	{"[{'t':'Strong','c':[{'t':'Str','c':'Photo:'}]},{'t':'Space'}]",
	 "photo:", DM_TEXT_MATCHES, 1},
	{"[{'t':'Emph','c':[{'t':'Str','c':'Photo'}]},{'t':'Str','c':':'}]",
	 "Photo:", DM_TEXT_MATCHES, 2},
	{"[{'t':'Code','c':[['',[],[]],'Photo:']}]", "Photo:",
	 DM_TEXT_DIFFERS, 0},
	{"[]", "Photo:", DM_TEXT_DIFFERS, 0},
};

START_TEST(words_phrase)
{
	json_t *in = t_json(Q(phrases[_i].inlines));
	size_t n = 99;

	ck_assert_int_eq(dm_inlines_match_phrase(in, phrases[_i].phrase, &n),
	                 phrases[_i].match);
	ck_assert_uint_eq(n, phrases[_i].n);
	json_decref(in);
}
END_TEST

START_TEST(words_split_join)
{
	json_t *in = t_json(Q("[{'t':'Str','c':'Ana'},{'t':'Space'},"
	                      "{'t':'Emph','c':[{'t':'Str','c':'Ruiz'}]},"
	                      "{'t':'Str','c':';Unsplash;'},{'t':'SoftBreak'},"
	                      "{'t':'Str','c':'x'}]"));
	json_t *words = dm_inlines_words(in, 0, ";"), *joined;

	ck_assert_ptr_nonnull(words);
	t_assert_json(words, Q("[[{'t':'Str','c':'Ana'}],"
	                       "[{'t':'Emph','c':[{'t':'Str','c':'Ruiz'}]}],"
	                       "';',[{'t':'Str','c':'Unsplash'}],';',"
	                       "[{'t':'Str','c':'x'}]]"));
	ck_assert(dm_word_is(json_array_get(words, 3), "UNSPLASH"));
	ck_assert(!dm_word_is(json_array_get(words, 2), ";"));
	joined = dm_words_join(words, 2, 4);
	t_assert_json(joined, Q("[{'t':'Str','c':';'},{'t':'Space'},"
	                        "{'t':'Str','c':'Unsplash'}]"));
	json_decref(joined);
	json_decref(words);
	json_decref(in);
}
END_TEST

/* A no-break space ends a word as a Space does ("by\u00a0Jean", as a
 * CMS writes it), also next to a separator; none is left in a word. */
START_TEST(words_split_nbsp)
{
	json_t *in = t_json("[{\"t\":\"Str\",\"c\":\"by\u00a0Jean\u202f"
	                    "Roe;\u00a0\u2009x\u00a0\"}]");
	json_t *words = dm_inlines_words(in, 0, ";");

	ck_assert_ptr_nonnull(words);
	t_assert_json(words, Q("[[{'t':'Str','c':'by'}],"
	                       "[{'t':'Str','c':'Jean'}],"
	                       "[{'t':'Str','c':'Roe'}],';',"
	                       "[{'t':'Str','c':'x'}]]"));
	json_decref(words);
	json_decref(in);
}
END_TEST

/* What a word ends at besides ' ', and only that: an é (U+00E9, 0xC3
 * 0xA9) or a dash (U+2010, 0xE2 0x80 0x90) shares a first byte. */
START_TEST(nbsp_at_and_before)
{
	const char *s = "a\u00a0b\u202fc\u2009d\u00e9\u2010";

	ck_assert_uint_eq(dm_nbsp_at(s), 0);
	ck_assert_uint_eq(dm_nbsp_at(s + 1), 2);
	ck_assert_uint_eq(dm_nbsp_at(s + 4), 3);
	ck_assert_uint_eq(dm_nbsp_at(s + 8), 3);
	ck_assert_uint_eq(dm_nbsp_at(s + 12), 0);
	ck_assert_uint_eq(dm_nbsp_at(s + 14), 0);
	ck_assert_uint_eq(dm_nbsp_at(""), 0);
	ck_assert_uint_eq(dm_nbsp_before(s, 3), 2);
	ck_assert_uint_eq(dm_nbsp_before(s, 7), 3);
	ck_assert_uint_eq(dm_nbsp_before(s, 11), 3);
	ck_assert_uint_eq(dm_nbsp_before(s, 12), 0);
	ck_assert_uint_eq(dm_nbsp_before(s, strlen(s)), 0);
	ck_assert_uint_eq(dm_nbsp_before(s, 1), 0);
	ck_assert_uint_eq(dm_nbsp_before(s, 0), 0);
}
END_TEST

START_TEST(words_trim)
{
	json_t *in = t_json(Q("[{'t':'Str','c':'(CC'},{'t':'Space'},"
	                      "{'t':'Str','c':'BY).'},{'t':'Space'},"
	                      "{'t':'Str','c':'..'}]"));

	/* the Str left empty goes, and so does the Space it uncovers */
	ck_assert_int_eq(dm_inlines_trim(in, ".", true), 3);
	ck_assert_int_eq(dm_inlines_trim(in, ")", true), 1);
	ck_assert_int_eq(dm_inlines_trim(in, "(", false), 1);
	ck_assert_int_eq(dm_inlines_trim(in, "(", false), 0);
	t_assert_json(in, Q("[{'t':'Str','c':'CC'},{'t':'Space'},"
	                    "{'t':'Str','c':'BY'}]"));
	json_decref(in);
	/* an empty Str is not trimmed away */
	in = t_json(Q("[{'t':'Str','c':''}]"));
	ck_assert_int_eq(dm_inlines_trim(in, ".", true), 0);
	ck_assert_uint_eq(json_array_size(in), 1);
	json_decref(in);
}
END_TEST

START_TEST(words_links_spans)
{
	json_t *in = t_json(Q("[{'t':'Str','c':'a'},{'t':'Space'},"
	                      "{'t':'Span','c':[['',['dm-credit'],[]],[]]},"
	                      "{'t':'Emph','c':[{'t':'Link','c':[['',[],[]],"
	                      "[],['u','']]}]}]"));

	ck_assert(dm_inlines_have_link(in));
	ck_assert_int_eq(dm_inlines_remove_spans(in, "dm-credit"), 1);
	ck_assert_uint_eq(json_array_size(in), 2);
	ck_assert_int_eq(dm_text_is(in, " A "), DM_TEXT_MATCHES);
	json_array_remove(in, 1);
	ck_assert(!dm_inlines_have_link(in));
	json_decref(in);
}
END_TEST

Suite *words_suite(void)
{
	Suite *s = suite_create("words");
	TCase *tc = tcase_create("words");

	tcase_add_test(tc, words_fold);
	tcase_add_loop_test(tc, words_phrase, 0,
	                    sizeof phrases / sizeof *phrases);
	tcase_add_test(tc, words_split_join);
	tcase_add_test(tc, words_split_nbsp);
	tcase_add_test(tc, nbsp_at_and_before);
	tcase_add_test(tc, words_trim);
	tcase_add_test(tc, words_links_spans);
	suite_add_tcase(s, tc);
	return s;
}
