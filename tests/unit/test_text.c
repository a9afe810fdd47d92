/*
 * test_text.c - text to inlines and back (src/text.c).
 *
 * JSON in this file is written with ' for " (see Q() in suites.h).
 */
#include <string.h>

#include "suites.h"

static const struct {
	const char *text;
	const char *inlines;
} splits[] = {
	{"", "[]"},
	{" \t\n ", "[]"},
	{"word", "[{'t':'Str','c':'word'}]"},
	{"two words", "[{'t':'Str','c':'two'},{'t':'Space'},"
	              "{'t':'Str','c':'words'}]"},
	{"  lead and trail \t", "[{'t':'Str','c':'lead'},{'t':'Space'},"
	                        "{'t':'Str','c':'and'},{'t':'Space'},"
	                        "{'t':'Str','c':'trail'}]"},
	{"a \t  b\tc", "[{'t':'Str','c':'a'},{'t':'Space'},{'t':'Str','c':'b'},"
	               "{'t':'Space'},{'t':'Str','c':'c'}]"},
	{"a\nb", "[{'t':'Str','c':'a'},{'t':'SoftBreak'},{'t':'Str','c':'b'}]"},
	{"a \n\n\t b", "[{'t':'Str','c':'a'},{'t':'SoftBreak'},"
	               "{'t':'Str','c':'b'}]"},
	{"a\r\nb", "[{'t':'Str','c':'a'},{'t':'SoftBreak'},"
	            "{'t':'Str','c':'b'}]"},
	{"\nx\n", "[{'t':'Str','c':'x'}]"},
	/* U+00A0 is not white space: it stays inside the word */
	{"10\xc2\xa0km away", "[{'t':'Str','c':'10\xc2\xa0km'},{'t':'Space'},"
	                      "{'t':'Str','c':'away'}]"},
	{"\xc2\xa0", "[{'t':'Str','c':'\xc2\xa0'}]"},
	{"Tension: \xe2\x80\x9cquoted\xe2\x80\x9d",
	 "[{'t':'Str','c':'Tension:'},{'t':'Space'},"
	 "{'t':'Str','c':'\xe2\x80\x9cquoted\xe2\x80\x9d'}]"},
};

START_TEST(text_splits)
{
	json_t *got = dm_text(splits[_i].text);

	ck_assert_ptr_nonnull(got);
	t_assert_json(got, Q(splits[_i].inlines));
	json_decref(got);
}
END_TEST

static const struct {
	const char *json;
	const char *text;
} strs[] = {
	{"{'t':'Str','c':'x'}", "x"},
	{"[{'t':'Str','c':'a'},{'t':'Space'},{'t':'Str','c':'b'},{'t':"
	 "'SoftBreak'},{'t':'Str','c':'c'},{'t':'LineBreak'},{'t':'Str','c':"
	 "'d'}]", "a b c d"},
	{"[{'t':'Quoted','c':[{'t':'DoubleQuote'},[{'t':'Str','c':'hi'},{'t':"
	 "'Space'},{'t':'Quoted','c':[{'t':'SingleQuote'},[{'t':'Str','c':"
	 "'you'}]]}]]}]", "\xe2\x80\x9chi \xe2\x80\x98you\xe2\x80\x99"
	                  "\xe2\x80\x9d"},
	{"[{'t':'Str','c':'a'},{'t':'Note','c':[{'t':'Para','c':[{'t':'Str',"
	 "'c':'NOTE'}]}]},{'t':'Str','c':'b'}]", "ab"},
	{"[{'t':'Code','c':[['',[],[]],'x = 1']},{'t':'Space'},{'t':'Math',"
	 "'c':[{'t':'InlineMath'},'a^2']}]", "x = 1 a^2"},
	{"{'t':'Emph','c':[{'t':'Strong','c':[{'t':'Str','c':'deep'},{'t':"
	 "'Emph','c':[{'t':'Str','c':'er'}]}]}]}", "deeper"},
	{"{'t':'Link','c':[['',[],[]],[{'t':'Str','c':'text'}],['http://url',"
	 "'title']]}", "text"},
	{"{'t':'Image','c':[['',[],[]],[{'t':'Str','c':'alt'}],['a.png','t']]}",
	 "alt"},
	{"{'t':'Span','c':[['id',['c'],[['k','v']]],[{'t':'Str','c':'s'}]]}",
	 "s"},
	{"{'t':'Cite','c':[[{'citationId':'doe','citationPrefix':[{'t':'Str',"
	 "'c':'PRE'}],'citationSuffix':[],'citationMode':{'t':"
	 "'NormalCitation'},'citationNoteNum':1,'citationHash':0}],[{'t':'Str',"
	 "'c':'[@doe]'}]]}", "[@doe]"},
	{"[{'t':'RawInline','c':['html','<br/>']},{'t':'RawInline','c':"
	 "['html','<b>']},{'t':'RawInline','c':['tex','\\\\x']}]", " "},
	{"[{'t':'Str','c':'a'},{'t':'Bogus','c':[{'t':'Str','c':'b'}]}]", "a"},
	/* blocks: separated by a blank line, empty blocks add nothing */
	{"[{'t':'Para','c':[{'t':'Str','c':'one'}]},{'t':'HorizontalRule'},"
	 "{'t':'Plain','c':[{'t':'Str','c':'two'}]},{'t':'Header','c':[1,['',"
	 "[],[]],[{'t':'Str','c':'three'}]]}]", "one\n\ntwo\n\nthree"},
	{"[{'t':'Div','c':[['',[],[]],[{'t':'Para','c':[{'t':'Str','c':'a'}]},"
	 "{'t':'Div','c':[['',[],[]],[{'t':'Para','c':[{'t':'Str','c':"
	 "'b'}]}]]}]]},{'t':'BlockQuote','c':[{'t':'Para','c':[{'t':'Str',"
	 "'c':'c'}]}]}]", "a\n\nb\n\nc"},
	{"{'t':'BulletList','c':[[{'t':'Plain','c':[{'t':'Str','c':'i1'}]}],"
	 "[],[{'t':'Para','c':[{'t':'Str','c':'i2'}]},{'t':'Para','c':[{'t':"
	 "'Str','c':'i3'}]}]]}", "i1\n\ni2\n\ni3"},
	{"{'t':'OrderedList','c':[[1,{'t':'Decimal'},{'t':'Period'}],[[{'t':"
	 "'Plain','c':[{'t':'Str','c':'x'}]}],[{'t':'Plain','c':[{'t':'Str',"
	 "'c':'y'}]}]]]}", "x\n\ny"},
	{"{'t':'LineBlock','c':[[{'t':'Str','c':'l1'}],[{'t':'Str','c':"
	 "'l2'}]]}", "l1\nl2"},
	{"{'t':'DefinitionList','c':[[[{'t':'Str','c':'term'}],[[{'t':'Para',"
	 "'c':[{'t':'Str','c':'def'}]}]]],[[{'t':'Str','c':'t2'}],[]]]}",
	 "term\n\ndef\n\nt2"},
	{"{'t':'CodeBlock','c':[['',[],[]],'code']}", ""},
	{"{'t':'Figure','c':[['',[],[]],[null,[{'t':'Plain','c':[{'t':'Str',"
	 "'c':'cap'}]}]],[{'t':'Plain','c':[{'t':'Str','c':'body'}]}]]}",
	 "cap\n\nbody"},
	/* a table: caption, then every cell (head, bodies, foot) in order */
	{"{'t':'Table','c':[['',[],[]],[null,[{'t':'Plain','c':[{'t':'Str',"
	 "'c':'cap'}]}]],[[{'t':'AlignDefault'},{'t':'ColWidthDefault'}]],[['',"
	 "[],[]],[[['',[],[]],[[['',[],[]],{'t':'AlignDefault'},1,1,[{'t':"
	 "'Plain','c':[{'t':'Str','c':'head'}]}]]]]]],[[['',[],[]],0,[[['',[],"
	 "[]],[[['',[],[]],{'t':'AlignDefault'},1,1,[{'t':'Plain','c':[{'t':"
	 "'Str','c':'sub'}]}]]]]],[[['',[],[]],[[['',[],[]],{'t':"
	 "'AlignDefault'},1,1,[{'t':'Plain','c':[{'t':'Str','c':'b1'}]}]],[['',"
	 "[],[]],{'t':'AlignDefault'},1,1,[]],[['',[],[]],{'t':'AlignDefault'},"
	 "1,1,[{'t':'Plain','c':[{'t':'Str','c':'b2'}]}]]]]]]],[['',[],[]],"
	 "[[['',[],[]],[[['',[],[]],{'t':'AlignDefault'},1,1,[{'t':'Plain',"
	 "'c':[{'t':'Str','c':'foot'}]}]]]]]]]}",
	 "cap\n\nhead\n\nsub\n\nb1\n\nb2\n\nfoot"},
	/* metadata values */
	{"{'t':'MetaInlines','c':[{'t':'Str','c':'My'},{'t':'Space'},{'t':"
	 "'Emph','c':[{'t':'Str','c':'T'}]}]}", "My T"},
	{"{'t':'MetaString','c':'plain *text*'}", "plain *text*"},
	{"{'t':'MetaBool','c':true}", "true"},
	{"{'t':'MetaBool','c':false}", "false"},
	{"{'t':'MetaBlocks','c':[{'t':'Para','c':[{'t':'Str','c':'p1'}]},{'t':"
	 "'Para','c':[{'t':'Str','c':'p2'}]}]}", "p1\n\np2"},
	{"{'t':'MetaList','c':[{'t':'MetaString','c':'a'},{'t':'MetaInlines',"
	 "'c':[{'t':'Str','c':'b'}]}]}", "a\n\nb"},
	{"{'t':'MetaMap','c':{'k':{'t':'MetaString','c':'v'}}}", "v"},
	{"{'t':'MetaMap','c':{'k':{'t':'MetaString','c':'v'},'j':{'t':"
	 "'MetaBlocks','c':[{'t':'Para','c':[{'t':'Str','c':'w'}]}]}}}",
	 "v\n\nw"},
	{"{}", ""},
	{"[]", ""},
};

START_TEST(stringify)
{
	json_t *v = t_json(Q(strs[_i].json));
	char *got = dm_stringify(v);

	ck_assert_ptr_nonnull(got);
	ck_assert_msg(strcmp(got, strs[_i].text) == 0,
	              "%s\ngot  [%s]\nwant [%s]", strs[_i].json, got,
	              strs[_i].text);
	free(got);
	json_decref(v);
}
END_TEST

/* dm_stringify_buf() appends to what is there. */
START_TEST(stringify_appends)
{
	json_t *v = t_json(Q("[{'t':'Str','c':'b'}]"));
	dm_buf b = {0};

	dm_buf_puts(&b, "a");
	ck_assert_int_eq(dm_stringify_buf(v, &b), 0);
	ck_assert_int_eq(dm_stringify_buf(v, &b), 0);
	ck_assert_str_eq(dm_buf_str(&b), "abb");
	dm_buf_free(&b);
	json_decref(v);
}
END_TEST

/* dm_text() output stringifies back to the words, single-spaced. */
START_TEST(text_round_trip)
{
	json_t *v = dm_text("  The  Direct\tMessage\n is\xc2\xa0here ");
	char *s = dm_stringify(v);

	ck_assert_str_eq(s, "The Direct Message is\xc2\xa0here");
	free(s);
	json_decref(v);
}
END_TEST

START_TEST(edit_distance)
{
	char long_word[60];

	ck_assert_uint_eq(dm_text_distance("note", "note"), 0);
	ck_assert_uint_eq(dm_text_distance("NOTE", "note"), 0);
	ck_assert_uint_eq(dm_text_distance("nte", "note"), 1);
	ck_assert_uint_eq(dm_text_distance("tensoin", "tension"), 2);
	ck_assert_uint_eq(dm_text_distance("", "tip"), 3);
	ck_assert_uint_eq(dm_text_distance("warning", ""), 7);
	ck_assert_uint_eq(dm_text_distance("kitten", "sitting"), 3);
	memset(long_word, 'a', sizeof long_word - 1);
	long_word[sizeof long_word - 1] = '\0';
	ck_assert_uint_eq(dm_text_distance(long_word, "a"), (size_t)-1);
}
END_TEST

Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");

	tcase_add_loop_test(tc, text_splits, 0,
	                    (int)(sizeof splits / sizeof splits[0]));
	tcase_add_loop_test(tc, stringify, 0,
	                    (int)(sizeof strs / sizeof strs[0]));
	tcase_add_test(tc, stringify_appends);
	tcase_add_test(tc, text_round_trip);
	tcase_add_test(tc, edit_distance);
	suite_add_tcase(s, tc);
	return s;
}
