/*
 * test_meta.c - metadata lookups, typed reads, options, header-includes
 * (src/meta.c).
 *
 * JSON in this file is written with ' for " (see Q() in suites.h).
 */
#include <string.h>

#include "suites.h"

#define MS(s) "{'t':'MetaString','c':'" s "'}"
#define MB(b) "{'t':'MetaBool','c':" b "}"
#define MI1(s) "{'t':'MetaInlines','c':[{'t':'Str','c':'" s "'}]}"

static dm_doc *load_meta(const char *meta)
{
	dm_buf b = {0};
	dm_doc *doc;

	dm_buf_printf(&b, "{'pandoc-api-version':[1,23,1,2],'meta':%s,"
	                  "'blocks':[]}", meta);
	doc = t_load(Q(dm_buf_str(&b)));
	dm_buf_free(&b);
	return doc;
}

START_TEST(meta_get_paths)
{
	dm_doc *doc = load_meta(
	        "{'a':{'t':'MetaMap','c':{'b':{'t':'MetaMap','c':{'c':"
	        MS("deep") "}},'b.c':" MS("dotted key") ",'l':{'t':'MetaList',"
	        "'c':[]}}},"
	        "'x.y':" MS("flat") ",'x':{'t':'MetaMap','c':{'y':" MS("map")
	        "}},'top':" MB("true") "}");
	json_t *v;

	v = dm_meta_get(doc, "top");
	ck_assert(dm_is(v, "MetaBool"));
	ck_assert(dm_is(dm_meta_get(doc, "a"), "MetaMap"));
	ck_assert(dm_is(dm_meta_get(doc, "a.b"), "MetaMap"));
	ck_assert_str_eq(json_string_value(dm_content(
	                         dm_meta_get(doc, "a.b.c"))), "dotted key");
	ck_assert(dm_is(dm_meta_get(doc, "a.l"), "MetaList"));
	/* a whole key wins over a path through a map */
	ck_assert_str_eq(json_string_value(dm_content(dm_meta_get(doc, "x.y"))),
	                 "flat");
	ck_assert_ptr_null(dm_meta_get(doc, "a.z"));
	ck_assert_ptr_null(dm_meta_get(doc, "a.b.c.d"));
	ck_assert_ptr_null(dm_meta_get(doc, "top.x"));
	ck_assert_ptr_null(dm_meta_get(doc, "nothing"));
	ck_assert_ptr_null(dm_meta_get(doc, ""));
	ck_assert_ptr_null(dm_meta_get(doc, "a."));
	dm_doc_free(doc);

	doc = load_meta("{'a':{'t':'MetaMap','c':{'b':{'t':'MetaMap','c':{'c':"
	                MS("deep") "}}}}}");
	ck_assert_str_eq(json_string_value(dm_content(
	                         dm_meta_get(doc, "a.b.c"))), "deep");
	dm_doc_free(doc);
}
END_TEST

START_TEST(option_lookup)
{
	dm_doc *doc = load_meta(
	        "{'dm-x.key':" MS("flat") ",'dm-x':{'t':'MetaMap','c':{'key':"
	        MS("map") ",'other':" MB("true") ",'labels':{'t':'MetaMap','c':"
	        "{'tension':" MI1("Spannung") "}}}},'dm-y':" MS("not a map")
	        ",'dm-x.labels.noise':" MS("Rauschen") "}");
	char where[64];
	json_t *v;

	strcpy(where, "untouched");
	v = dm_option(doc, "dm-x", "key", where, sizeof where);
	ck_assert_str_eq(json_string_value(dm_content(v)), "flat");
	ck_assert_str_eq(where, "meta[\"dm-x.key\"]");
	v = dm_option(doc, "dm-x", "other", where, sizeof where);
	ck_assert(dm_is(v, "MetaBool"));
	ck_assert_str_eq(where, "meta.dm-x.other");
	v = dm_option(doc, "dm-x", "labels.tension", where, sizeof where);
	ck_assert(dm_is(v, "MetaInlines"));
	ck_assert_str_eq(where, "meta.dm-x.labels.tension");
	v = dm_option(doc, "dm-x", "labels.noise", where, sizeof where);
	ck_assert_str_eq(json_string_value(dm_content(v)), "Rauschen");
	ck_assert_str_eq(where, "meta[\"dm-x.labels.noise\"]");
	strcpy(where, "untouched");
	ck_assert_ptr_null(dm_option(doc, "dm-x", "absent", where,
	                             sizeof where));
	ck_assert_str_eq(where, "untouched");
	ck_assert_ptr_null(dm_option(doc, "dm-y", "key", NULL, 0));
	ck_assert_ptr_null(dm_option(doc, "dm-z", "key", NULL, 0));
	/* where is optional */
	ck_assert_ptr_nonnull(dm_option(doc, "dm-x", "key", NULL, 0));
	dm_doc_free(doc);
}
END_TEST

/* dm_meta_bool on one value: the result (1, 0, -1), what it read. */
static const struct {
	const char *value;
	int rc;
	bool out;
	const char *what;
} bools[] = {
	{MB("true"), 1, true, NULL},
	{MB("false"), 1, false, NULL},
	{MS("true"), 1, true, NULL},
	{MS("TRUE"), 1, true, NULL},
	{MS("True"), 1, true, NULL},
	{MS("false"), 1, false, NULL},
	{MS("FALSE"), 1, false, NULL},
	{MI1("true"), 1, true, NULL},
	{MI1("false"), 1, false, NULL},
	{MS("yes"), -1, false, "expected true or false, found \"yes\""},
	{MS(""), -1, false, "expected true or false, found \"\""},
	{MS("true "), -1, false, "expected true or false, found \"true \""},
	{"{'t':'MetaList','c':[" MB("true") "]}", -1, false,
	 "expected true or false, found a list"},
	{"{'t':'MetaMap','c':{}}", -1, false,
	 "expected true or false, found a map"},
	{"{'t':'MetaBlocks','c':[]}", -1, false,
	 "expected true or false, found several paragraphs"},
};

START_TEST(meta_bool)
{
	json_t *v = t_json(Q(bools[_i].value));
	dm_error err;
	bool out = !bools[_i].out;
	int rc;

	dm_error_clear(&err);
	rc = dm_meta_bool(v, "meta.here", &out, &err);
	ck_assert_int_eq(rc, bools[_i].rc);
	if (rc == 1) {
		ck_assert_int_eq(out, bools[_i].out);
		ck_assert_int_eq(err.code, DM_OK);
	} else {
		ck_assert_int_eq(out, !bools[_i].out); /* left alone */
		ck_assert_int_eq(err.code, DM_EOPTION);
		ck_assert_str_eq(err.what, bools[_i].what);
		ck_assert_str_eq(err.where, "meta.here");
	}
	json_decref(v);
}
END_TEST

START_TEST(absent_keeps_default)
{
	dm_error err;
	bool b = true;
	char *s = (char *)"default";
	json_t *j = NULL;

	dm_error_clear(&err);
	ck_assert_int_eq(dm_meta_bool(NULL, "w", &b, &err), 0);
	ck_assert(b);
	ck_assert_int_eq(dm_meta_string(NULL, "w", &s, &err), 0);
	ck_assert_str_eq(s, "default");
	ck_assert_int_eq(dm_meta_inlines(NULL, "w", &j, &err), 0);
	ck_assert_int_eq(dm_meta_blocks(NULL, "w", &j, &err), 0);
	ck_assert_ptr_null(j);
	ck_assert_int_eq(err.code, DM_OK);
}
END_TEST

/* dm_meta_string: the text, or the error message (NULL text). */
static const struct {
	const char *value;
	const char *text;
	const char *what;
} strings[] = {
	{MS("plain *not markdown*"), "plain *not markdown*", NULL},
	{"{'t':'MetaInlines','c':[{'t':'Str','c':'The'},{'t':'Space'},{'t':"
	 "'Emph','c':[{'t':'Str','c':'Title'}]}]}", "The Title", NULL},
	{"{'t':'MetaInlines','c':[]}", "", NULL},
	{"{'t':'MetaBlocks','c':[{'t':'Para','c':[{'t':'Str','c':'one'},{'t':"
	 "'SoftBreak'},{'t':'Str','c':'para'}]}]}", "one para", NULL},
	{"{'t':'MetaBlocks','c':[{'t':'Plain','c':[{'t':'Str','c':'p'}]}]}",
	 "p", NULL},
	{"{'t':'MetaBlocks','c':[]}", "", NULL},
	{"{'t':'MetaBlocks','c':[{'t':'Para','c':[]},{'t':'Para','c':[]}]}",
	 NULL, "expected text, found several paragraphs"},
	{"{'t':'MetaBlocks','c':[{'t':'BulletList','c':[]}]}", NULL,
	 "expected text, found several paragraphs"},
	{MB("true"), NULL, "expected text, found a boolean"},
	{"{'t':'MetaList','c':[]}", NULL, "expected text, found a list"},
	{"{'t':'MetaMap','c':{}}", NULL, "expected text, found a map"},
};

START_TEST(meta_string)
{
	json_t *v = t_json(Q(strings[_i].value));
	dm_error err;
	char *out = NULL;
	int rc;

	dm_error_clear(&err);
	rc = dm_meta_string(v, "meta.s", &out, &err);
	if (strings[_i].text) {
		ck_assert_int_eq(rc, 1);
		ck_assert_str_eq(out, strings[_i].text);
		free(out);
	} else {
		ck_assert_int_eq(rc, -1);
		ck_assert_ptr_null(out);
		ck_assert_int_eq(err.code, DM_EOPTION);
		ck_assert_str_eq(err.what, strings[_i].what);
		ck_assert_str_eq(err.where, "meta.s");
	}
	json_decref(v);
}
END_TEST

START_TEST(meta_inlines_and_blocks)
{
	json_t *v, *out = NULL;
	dm_error err;

	dm_error_clear(&err);
	/* MetaInlines: a copy, not the same array */
	v = t_json(Q(MI1("x")));
	ck_assert_int_eq(dm_meta_inlines(v, "w", &out, &err), 1);
	ck_assert_ptr_ne(out, dm_content(v));
	ck_assert(json_equal(out, dm_content(v)));
	json_decref(out);
	ck_assert_int_eq(dm_meta_blocks(v, "w", &out, &err), 1);
	t_assert_json(out, Q("[{'t':'Para','c':[{'t':'Str','c':'x'}]}]"));
	json_decref(out);
	json_decref(v);

	/* MetaString (from pandoc -M): read as inline Markdown */
	v = t_json(Q(MS(" *a*  b\\nc ")));
	ck_assert_int_eq(dm_meta_inlines(v, "w", &out, &err), 1);
	t_assert_json(out, Q("[{'t':'Emph','c':[{'t':'Str','c':'a'}]},"
	                     "{'t':'Space'},{'t':'Str','c':'b'},"
	                     "{'t':'SoftBreak'},{'t':'Str','c':'c'}]"));
	json_decref(out);
	ck_assert_int_eq(dm_meta_blocks(v, "w", &out, &err), 1);
	t_assert_json(out, Q("[{'t':'Para','c':[{'t':'Emph','c':[{'t':'Str',"
	                     "'c':'a'}]},{'t':'Space'},{'t':'Str','c':'b'},"
	                     "{'t':'SoftBreak'},{'t':'Str','c':'c'}]}]"));
	json_decref(out);
	json_decref(v);

	/* an empty string: no inlines, no blocks (not an empty Para) */
	v = t_json(Q(MS("")));
	ck_assert_int_eq(dm_meta_inlines(v, "w", &out, &err), 1);
	t_assert_json(out, "[]");
	json_decref(out);
	ck_assert_int_eq(dm_meta_blocks(v, "w", &out, &err), 1);
	t_assert_json(out, "[]");
	json_decref(out);
	json_decref(v);

	/* a single-paragraph MetaBlocks unwraps; blocks are copied */
	v = t_json(Q("{'t':'MetaBlocks','c':[{'t':'Para','c':[{'t':'Str','c':"
	             "'p'}]}]}"));
	ck_assert_int_eq(dm_meta_inlines(v, "w", &out, &err), 1);
	t_assert_json(out, Q("[{'t':'Str','c':'p'}]"));
	json_decref(out);
	ck_assert_int_eq(dm_meta_blocks(v, "w", &out, &err), 1);
	ck_assert_ptr_ne(out, dm_content(v));
	t_assert_json(out, Q("[{'t':'Para','c':[{'t':'Str','c':'p'}]}]"));
	json_decref(out);
	json_decref(v);

	/* two paragraphs are blocks but not inlines */
	v = t_json(Q("{'t':'MetaBlocks','c':[{'t':'Para','c':[]},{'t':"
	             "'CodeBlock','c':[['',[],[]],'x']}]}"));
	ck_assert_int_eq(dm_meta_blocks(v, "w", &out, &err), 1);
	ck_assert_uint_eq(json_array_size(out), 2);
	json_decref(out);
	out = NULL;
	ck_assert_int_eq(dm_meta_inlines(v, "meta.i", &out, &err), -1);
	ck_assert_ptr_null(out);
	ck_assert_str_eq(err.what, "expected text, found several paragraphs");
	ck_assert_str_eq(err.where, "meta.i");
	json_decref(v);

	dm_error_clear(&err);
	v = t_json(Q(MB("false")));
	ck_assert_int_eq(dm_meta_blocks(v, "meta.b", &out, &err), -1);
	ck_assert_int_eq(err.code, DM_EOPTION);
	ck_assert_str_eq(err.where, "meta.b");
	ck_assert_ptr_null(out);
	json_decref(v);
}
END_TEST

/* The option reads: the flat key wins, and errors name where. */
START_TEST(option_reads)
{
	dm_doc *doc = load_meta(
	        "{'dm-x':{'t':'MetaMap','c':{'collapse':" MB("false") ","
	        "'icon':" MS("yes") ",'title':" MI1("T") ",'body':{'t':"
	        "'MetaBlocks','c':[{'t':'Para','c':[]},{'t':'Para','c':[]}]},"
	        "'list':{'t':'MetaList','c':[]}}},"
	        "'dm-x.collapse':" MS("TRUE") "}");
	dm_error err;
	bool b = false;
	char *s = NULL;
	json_t *j = NULL;

	dm_error_clear(&err);
	ck_assert_int_eq(dm_option_bool(doc, "dm-x", "collapse", &b, &err), 1);
	ck_assert(b);
	ck_assert_int_eq(dm_option_bool(doc, "dm-x", "absent", &b, &err), 0);
	ck_assert(b);
	ck_assert_int_eq(dm_option_string(doc, "dm-x", "title", &s, &err), 1);
	ck_assert_str_eq(s, "T");
	free(s);
	ck_assert_int_eq(dm_option_inlines(doc, "dm-x", "title", &j, &err), 1);
	t_assert_json(j, Q("[{'t':'Str','c':'T'}]"));
	json_decref(j);
	ck_assert_int_eq(dm_option_blocks(doc, "dm-x", "body", &j, &err), 1);
	ck_assert_uint_eq(json_array_size(j), 2);
	json_decref(j);
	ck_assert_int_eq(err.code, DM_OK);

	ck_assert_int_eq(dm_option_bool(doc, "dm-x", "icon", &b, &err), -1);
	ck_assert_int_eq(err.code, DM_EOPTION);
	ck_assert_str_eq(err.what, "expected true or false, found \"yes\"");
	ck_assert_str_eq(err.where, "meta.dm-x.icon");

	dm_error_clear(&err);
	ck_assert_int_eq(dm_option_bool(doc, "dm-x", "list", &b, &err), -1);
	ck_assert_str_eq(err.what, "expected true or false, found a list");
	ck_assert_str_eq(err.where, "meta.dm-x.list");

	dm_error_clear(&err);
	ck_assert_int_eq(dm_option_string(doc, "dm-x", "body", &s, &err), -1);
	ck_assert_str_eq(err.where, "meta.dm-x.body");
	dm_doc_free(doc);

	doc = load_meta("{'dm-x.icon':" MS("maybe") "}");
	dm_error_clear(&err);
	ck_assert_int_eq(dm_option_bool(doc, "dm-x", "icon", &b, &err), -1);
	ck_assert_str_eq(err.where, "meta[\"dm-x.icon\"]");
	dm_doc_free(doc);
}
END_TEST

#define RAW(fmt, text)                                                       \
	"{'t':'MetaBlocks','c':[{'t':'RawBlock','c':['" fmt "','" text "']}]}"

static void add_include(dm_doc *doc, const char *fmt, const char *text)
{
	dm_error err;

	dm_error_clear(&err);
	ck_assert_int_eq(dm_meta_add_header_include(doc, fmt, text, &err), 0);
	ck_assert_int_eq(err.code, DM_OK);
	ck_assert_int_eq(dm_validate(dm_doc_meta(doc), DM_META, 23, "meta",
	                             &err), 0);
}

START_TEST(header_includes)
{
	dm_doc *doc = load_meta("{'title':" MI1("T") "}");
	json_t *hi;

	/* absent: a list of one */
	add_include(doc, "html", "<style>a</style>");
	hi = dm_meta_get(doc, "header-includes");
	t_assert_json(hi, Q("{'t':'MetaList','c':[" RAW("html",
	                    "<style>a</style>") "]}"));
	/* the same again: nothing new */
	add_include(doc, "html", "<style>a</style>");
	t_assert_json(dm_meta_get(doc, "header-includes"),
	              Q("{'t':'MetaList','c':[" RAW("html", "<style>a</style>")
	                "]}"));
	/* another text, or the same text in another format: appended */
	add_include(doc, "latex", "<style>a</style>");
	add_include(doc, "html", "<style>b</style>");
	add_include(doc, "latex", "<style>a</style>");
	t_assert_json(dm_meta_get(doc, "header-includes"),
	              Q("{'t':'MetaList','c':[" RAW("html", "<style>a</style>")
	                "," RAW("latex", "<style>a</style>") ","
	                RAW("html", "<style>b</style>") "]}"));
	/* the rest of the metadata is untouched, the key is added last */
	ck_assert(dm_is(dm_meta_get(doc, "title"), "MetaInlines"));
	ck_assert_uint_eq(json_object_size(dm_doc_meta(doc)), 2);
	dm_doc_free(doc);

	/* a single value the user gave becomes the first of two */
	doc = load_meta("{'header-includes':" MI1("mine") "}");
	add_include(doc, "html", "<x>");
	t_assert_json(dm_meta_get(doc, "header-includes"),
	              Q("{'t':'MetaList','c':[" MI1("mine") ","
	                RAW("html", "<x>") "]}"));
	add_include(doc, "html", "<x>");
	ck_assert_uint_eq(json_array_size(dm_content(
	                          dm_meta_get(doc, "header-includes"))), 2);
	dm_doc_free(doc);

	/* a single value identical to the entry: left as it is */
	doc = load_meta("{'header-includes':" RAW("html", "<x>") "}");
	add_include(doc, "html", "<x>");
	t_assert_json(dm_meta_get(doc, "header-includes"),
	              Q(RAW("html", "<x>")));
	dm_doc_free(doc);

	/* an existing list keeps its entries, in order */
	doc = load_meta("{'header-includes':{'t':'MetaList','c':[" MS("a") ","
	                RAW("html", "<x>") "]}}");
	add_include(doc, "html", "<x>");
	add_include(doc, "html", "<y>");
	t_assert_json(dm_meta_get(doc, "header-includes"),
	              Q("{'t':'MetaList','c':[" MS("a") "," RAW("html", "<x>")
	                "," RAW("html", "<y>") "]}"));
	dm_doc_free(doc);
}
END_TEST

Suite *meta_suite(void)
{
	Suite *s = suite_create("meta");
	TCase *tc = tcase_create("meta");

	tcase_add_test(tc, meta_get_paths);
	tcase_add_test(tc, option_lookup);
	tcase_add_loop_test(tc, meta_bool, 0,
	                    (int)(sizeof bools / sizeof bools[0]));
	tcase_add_test(tc, absent_keeps_default);
	tcase_add_loop_test(tc, meta_string, 0,
	                    (int)(sizeof strings / sizeof strings[0]));
	tcase_add_test(tc, meta_inlines_and_blocks);
	tcase_add_test(tc, option_reads);
	tcase_add_test(tc, header_includes);
	suite_add_tcase(s, tc);
	return s;
}
