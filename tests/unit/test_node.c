/*
 * test_node.c - reading and building nodes and attributes (src/node.c).
 *
 * JSON in this file is written with ' for " (see Q() in suites.h).
 */
#include <string.h>

#include "suites.h"

START_TEST(tag_is_content_field)
{
	json_t *n = t_json(Q("{'t':'Header','c':[2,['h',[],[]],[]]}"));
	json_t *bad = t_json(Q("{'t':3,'c':'x'}"));
	json_t *arr = t_json("[1]");

	ck_assert_str_eq(dm_tag(n), "Header");
	ck_assert(dm_is(n, "Header"));
	ck_assert(!dm_is(n, "Head"));
	ck_assert(!dm_is(n, "Headers"));
	ck_assert_ptr_eq(dm_content(n), json_object_get(n, "c"));
	ck_assert_int_eq(json_integer_value(dm_field(n, 0)), 2);
	ck_assert_str_eq(dm_attr_id(dm_field(n, 1)), "h");
	ck_assert_ptr_null(dm_field(n, 3));
	ck_assert_ptr_null(dm_tag(bad));
	ck_assert(!dm_is(bad, "x"));
	ck_assert_ptr_null(dm_tag(arr));
	ck_assert_ptr_null(dm_tag(NULL));
	ck_assert(!dm_is(NULL, "Para"));
	ck_assert_ptr_null(dm_content(NULL));
	ck_assert_ptr_null(dm_field(NULL, 0));
	json_decref(n);
	json_decref(bad);
	json_decref(arr);
}
END_TEST

/* Which field dm_node_attr/inlines/blocks return, per tag: the index into
 * "c", -1 for "c" itself, -2 for none. */
static const struct {
	const char *node;
	int attr, inlines, blocks;
} fields[] = {
	{"{'t':'Para','c':[]}", -2, -1, -2},
	{"{'t':'Plain','c':[]}", -2, -1, -2},
	{"{'t':'Header','c':[1,['',[],[]],[]]}", 1, 2, -2},
	{"{'t':'Div','c':[['',[],[]],[]]}", 0, -2, 1},
	{"{'t':'BlockQuote','c':[]}", -2, -2, -1},
	{"{'t':'CodeBlock','c':[['',[],[]],'x']}", 0, -2, -2},
	{"{'t':'BulletList','c':[]}", -2, -2, -2},
	{"{'t':'LineBlock','c':[]}", -2, -2, -2},
	{"{'t':'Table','c':[['',[],[]],[null,[]],[],[['',[],[]],[]],[],"
	 "[['',[],[]],[]]]}", 0, -2, -2},
	{"{'t':'Figure','c':[['',[],[]],[null,[]],[]]}", 0, -2, 2},
	{"{'t':'HorizontalRule'}", -2, -2, -2},
	{"{'t':'Str','c':'x'}", -2, -2, -2},
	{"{'t':'Emph','c':[]}", -2, -1, -2},
	{"{'t':'Strong','c':[]}", -2, -1, -2},
	{"{'t':'Underline','c':[]}", -2, -1, -2},
	{"{'t':'SmallCaps','c':[]}", -2, -1, -2},
	{"{'t':'Quoted','c':[{'t':'SingleQuote'},[]]}", -2, 1, -2},
	{"{'t':'Cite','c':[[],[]]}", -2, 1, -2},
	{"{'t':'Code','c':[['',[],[]],'x']}", 0, -2, -2},
	{"{'t':'Math','c':[{'t':'InlineMath'},'x']}", -2, -2, -2},
	{"{'t':'Link','c':[['',[],[]],[],['u','']]}", 0, 1, -2},
	{"{'t':'Image','c':[['',[],[]],[],['u','']]}", 0, 1, -2},
	{"{'t':'Note','c':[]}", -2, -2, -1},
	{"{'t':'Span','c':[['',[],[]],[]]}", 0, 1, -2},
	{"{'t':'Space'}", -2, -2, -2},
	{"{'t':'MetaInlines','c':[]}", -2, -2, -2},
	{"{'t':'Bogus','c':[['',[],[]],[]]}", -2, -2, -2},
	{"{'c':[['',[],[]],[]]}", -2, -2, -2},
};

static json_t *expect_field(json_t *n, int which)
{
	return which == -2 ? NULL : which == -1 ? dm_content(n)
	                                        : dm_field(n, (size_t)which);
}

START_TEST(node_fields)
{
	json_t *n = t_json(Q(fields[_i].node));

	ck_assert_msg(dm_node_attr(n) == expect_field(n, fields[_i].attr),
	              "attr of %s", fields[_i].node);
	ck_assert_msg(dm_node_inlines(n) == expect_field(n, fields[_i].inlines),
	              "inlines of %s", fields[_i].node);
	ck_assert_msg(dm_node_blocks(n) == expect_field(n, fields[_i].blocks),
	              "blocks of %s", fields[_i].node);
	if (fields[_i].attr != -2)
		ck_assert(json_is_array(dm_node_attr(n)));
	json_decref(n);
}
END_TEST

/* Each builder, the exact JSON it makes, and that it is valid. */
START_TEST(builders)
{
	static const char *const want[] = {
		"{'t':'Str','c':'x y'}",
		"{'t':'Space'}",
		"{'t':'SoftBreak'}",
		"{'t':'LineBreak'}",
		"{'t':'Emph','c':[{'t':'Str','c':'e'}]}",
		"{'t':'Strong','c':[]}",
		"{'t':'Span','c':[['s',[],[]],[{'t':'Str','c':'s'}]]}",
		("{'t':'Link','c':[['',[],[]],[{'t':'Str','c':'l'}],"
		 "['http://x','']]}"),
		"{'t':'Link','c':[['',[],[]],[],['u','T']]}",
		"{'t':'Code','c':[['',[],[]],'a < b']}",
		"{'t':'RawInline','c':['html','<br>']}",
		"{'t':'Plain','c':[{'t':'Str','c':'p'}]}",
		"{'t':'Para','c':[]}",
		"{'t':'Header','c':[3,['h',[],[]],[{'t':'Str','c':'H'}]]}",
		"{'t':'Div','c':[['',[],[]],[{'t':'HorizontalRule'}]]}",
		"{'t':'BlockQuote','c':[{'t':'Para','c':[]}]}",
		"{'t':'BulletList','c':[[{'t':'Plain','c':[]}],[]]}",
		"{'t':'RawBlock','c':['latex','\\\\x']}",
		"{'t':'HorizontalRule'}",
		"{'t':'Future','c':[1]}",
		"{'t':'Nullary'}",
	};
	json_t *got[sizeof want / sizeof want[0]];
	dm_error err;
	size_t i = 0;

	got[i++] = dm_str("x y");
	got[i++] = dm_space();
	got[i++] = dm_softbreak();
	got[i++] = dm_linebreak();
	got[i++] = dm_emph(json_pack("[o]", dm_str("e")));
	got[i++] = dm_strong(json_array());
	got[i++] = dm_span(dm_attr("s"), json_pack("[o]", dm_str("s")));
	got[i++] = dm_link(dm_attr(NULL), json_pack("[o]", dm_str("l")),
	                   "http://x", NULL);
	got[i++] = dm_link(dm_attr(NULL), json_array(), "u", "T");
	got[i++] = dm_code(dm_attr(NULL), "a < b");
	got[i++] = dm_raw_inline("html", "<br>");
	got[i++] = dm_plain(json_pack("[o]", dm_str("p")));
	got[i++] = dm_para(json_array());
	got[i++] = dm_header(3, dm_attr("h"), json_pack("[o]", dm_str("H")));
	got[i++] = dm_div(dm_attr(NULL), json_pack("[o]",
	                                           dm_horizontal_rule()));
	got[i++] = dm_blockquote(json_pack("[o]", dm_para(json_array())));
	got[i++] = dm_bullet_list(json_pack("[[o][]]", dm_plain(json_array())));
	got[i++] = dm_raw_block("latex", "\\x");
	got[i++] = dm_horizontal_rule();
	got[i++] = dm_node("Future", json_pack("[i]", 1));
	got[i++] = dm_node("Nullary", NULL);
	ck_assert_uint_eq(i, sizeof want / sizeof want[0]);

	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		ck_assert_msg(got[i] != NULL, "builder %zu failed", i);
		t_assert_json(got[i], Q(want[i]));
		/* nullary nodes have no "c" at all */
		if (strstr(want[i], "'c'") == NULL)
			ck_assert_ptr_null(json_object_get(got[i], "c"));
		dm_error_clear(&err);
		ck_assert_msg(dm_validate(got[i], i < 11 ? DM_INLINE : DM_BLOCK,
		                          23, "x", &err) == 0,
		              "builder %zu: %s: %s", i, err.what, err.where);
		json_decref(got[i]);
	}
}
END_TEST

/* Constructors steal their arguments even when they fail (a NULL stands
 * for an allocation that failed); the sanitizer build finds leaks. */
START_TEST(builders_steal_on_failure)
{
	json_t *list = json_array();

	ck_assert_ptr_null(dm_emph(NULL));
	ck_assert_ptr_null(dm_para(NULL));
	ck_assert_ptr_null(dm_span(dm_attr("a"), NULL));
	ck_assert_ptr_null(dm_span(NULL, json_pack("[o]", dm_str("x"))));
	ck_assert_ptr_null(dm_header(1, NULL, json_array()));
	ck_assert_ptr_null(dm_div(dm_attr(NULL), NULL));
	ck_assert_ptr_null(dm_link(NULL, json_array(), "u", NULL));
	ck_assert_ptr_null(dm_code(NULL, "x"));
	ck_assert_int_eq(dm_append(list, NULL), -1);
	ck_assert_uint_eq(json_array_size(list), 0);
	ck_assert_int_eq(dm_append(list, dm_space()), 0);
	ck_assert_int_eq(dm_append(list, dm_str("a")), 0);
	t_assert_json(list, Q("[{'t':'Space'},{'t':'Str','c':'a'}]"));
	json_decref(list);
}
END_TEST

START_TEST(holds_the_node_itself)
{
	json_t *a = dm_str("a"), *same = dm_str("a");
	json_t *list = json_pack("[O]", a);

	ck_assert(dm_holds(list, a));
	ck_assert(!dm_holds(list, same)); /* equal is not the same */
	ck_assert(!dm_holds(NULL, a));
	json_decref(list);
	json_decref(a);
	json_decref(same);
}
END_TEST

START_TEST(attr_id_and_classes)
{
	json_t *a = dm_attr(NULL);
	json_t *b = t_json(Q("['x',['a','b','a','c','a'],[]]"));

	t_assert_json(a, Q("['',[],[]]"));
	ck_assert_str_eq(dm_attr_id(a), "");
	ck_assert_int_eq(dm_attr_set_id(a, "sec-1"), 0);
	ck_assert_str_eq(dm_attr_id(a), "sec-1");
	ck_assert(!dm_attr_has_class(a, "note"));
	ck_assert_int_eq(dm_attr_add_class(a, "note"), 0);
	ck_assert_int_eq(dm_attr_add_class(a, "tip"), 0);
	ck_assert_int_eq(dm_attr_add_class(a, "note"), 0); /* no duplicate */
	ck_assert(dm_attr_has_class(a, "note"));
	ck_assert(!dm_attr_has_class(a, "not"));
	ck_assert(!dm_attr_has_class(a, "notes"));
	t_assert_json(a, Q("['sec-1',['note','tip'],[]]"));
	ck_assert_int_eq(dm_attr_remove_class(a, "absent"), 0);
	ck_assert_int_eq(dm_attr_remove_class(a, "note"), 1);
	t_assert_json(a, Q("['sec-1',['tip'],[]]"));

	/* every occurrence goes, the order of the rest is kept */
	ck_assert_int_eq(dm_attr_remove_class(b, "a"), 3);
	t_assert_json(b, Q("['x',['b','c'],[]]"));
	json_decref(b);
	json_decref(a);

	a = dm_attr("id");
	t_assert_json(a, Q("['id',[],[]]"));
	json_decref(a);

	/* not an Attr: reads give nothing, edits fail */
	b = t_json("{}");
	ck_assert_str_eq(dm_attr_id(b), "");
	ck_assert(!dm_attr_has_class(b, "a"));
	ck_assert_int_eq(dm_attr_add_class(b, "a"), -1);
	ck_assert_int_eq(dm_attr_remove_class(b, "a"), 0);
	ck_assert_int_eq(dm_attr_set(b, "k", "v"), -1);
	ck_assert_ptr_null(dm_attr_get(b, "k"));
	json_decref(b);
}
END_TEST

START_TEST(attr_key_values)
{
	json_t *a = t_json(Q("['',[],[['k','1'],['j','2'],['k','3']]]"));

	ck_assert_str_eq(dm_attr_get(a, "k"), "1"); /* the first */
	ck_assert_str_eq(dm_attr_get(a, "j"), "2");
	ck_assert_ptr_null(dm_attr_get(a, "K"));
	ck_assert_ptr_null(dm_attr_get(a, ""));
	ck_assert_int_eq(dm_attr_set(a, "k", "one"), 0);
	t_assert_json(a, Q("['',[],[['k','one'],['j','2'],['k','3']]]"));
	ck_assert_int_eq(dm_attr_set(a, "new", "n"), 0);
	t_assert_json(a, Q("['',[],[['k','one'],['j','2'],['k','3'],"
	                   "['new','n']]]"));
	ck_assert_int_eq(dm_attr_remove(a, "k"), 2);
	t_assert_json(a, Q("['',[],[['j','2'],['new','n']]]"));
	ck_assert_int_eq(dm_attr_remove(a, "k"), 0);
	ck_assert_int_eq(dm_attr_remove(a, "j"), 1);
	ck_assert_int_eq(dm_attr_remove(a, "new"), 1);
	t_assert_json(a, "[\"\",[],[]]");
	ck_assert_ptr_null(dm_attr_get(a, "j"));
	json_decref(a);

	/* on a node's own Attr, through dm_node_attr() */
	a = t_json(Q("{'t':'Span','c':[['',['x'],[]],[]]}"));
	ck_assert_int_eq(dm_attr_set(dm_node_attr(a), "credit", "Lan Lin"), 0);
	ck_assert_int_eq(dm_attr_add_class(dm_node_attr(a), "y"), 0);
	t_assert_json(a, Q("{'t':'Span','c':[['',['x','y'],[['credit',"
	                   "'Lan Lin']]],[]]}"));
	json_decref(a);
}
END_TEST

/* The Divs +sourcepos wraps blocks in, from pandoc 3 and 2.17; a Div of
 * the writer's own is none, nor a Span. */
START_TEST(sourcepos_wrapper)
{
	json_t *p3 = t_json(Q("{'t':'Div','c':[['',[],[['wrapper','1'],"
	                      "['data-pos','a.md@1:1-2:1']]],[]]}"));
	json_t *p2 = t_json(Q("{'t':'Div','c':[['',[],[['data-pos',"
	                      "'a.md@1:1-2:1']]],[]]}"));
	json_t *own = t_json(Q("{'t':'Div','c':[['x',[],[['data-pos',"
	                       "'1']]],[]]}"));
	json_t *cls = t_json(Q("{'t':'Div','c':[['',['note'],[['data-pos',"
	                       "'1']]],[]]}"));
	json_t *more = t_json(Q("{'t':'Div','c':[['',[],[['data-pos','1'],"
	                        "['title','T']]],[]]}"));
	json_t *span = t_json(Q("{'t':'Span','c':[['',[],[['wrapper','1'],"
	                        "['data-pos','1']]],[]]}"));

	ck_assert(dm_sourcepos_wrapper(p3));
	ck_assert(dm_sourcepos_wrapper(p2));
	ck_assert(!dm_sourcepos_wrapper(own));
	ck_assert(!dm_sourcepos_wrapper(cls));
	ck_assert(!dm_sourcepos_wrapper(more));
	ck_assert(!dm_sourcepos_wrapper(span));
	ck_assert(!dm_sourcepos_wrapper(NULL));
	json_decref(p3);
	json_decref(p2);
	json_decref(own);
	json_decref(cls);
	json_decref(more);
	json_decref(span);
}
END_TEST

Suite *node_suite(void)
{
	Suite *s = suite_create("node");
	TCase *tc = tcase_create("node");

	tcase_add_test(tc, tag_is_content_field);
	tcase_add_loop_test(tc, node_fields, 0,
	                    (int)(sizeof fields / sizeof fields[0]));
	tcase_add_test(tc, builders);
	tcase_add_test(tc, builders_steal_on_failure);
	tcase_add_test(tc, holds_the_node_itself);
	tcase_add_test(tc, attr_id_and_classes);
	tcase_add_test(tc, attr_key_values);
	tcase_add_test(tc, sourcepos_wrapper);
	suite_add_tcase(s, tc);
	return s;
}
