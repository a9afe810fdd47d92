/*
 * test_md.c - the cmark-gfm bridge: Markdown to pandoc's AST and front
 * matter to metadata (src/md/), HTML (src/html/), and the -M bridge for
 * filters (dm_meta_inlines on a MetaString).  Whole documents are compared
 * with pandoc itself by tests/md/run.sh; these cover what that cannot: the
 * API, errors, and what the pandoc used there cannot show.
 *
 * JSON in this file is written with ' for " (see Q() in suites.h).
 */
#include <string.h>

#include "suites.h"
#include "dm_md.h"

Suite *md_suite(void);

static dm_doc *read_md(const char *text, int api_minor)
{
	dm_error err;
	dm_doc *doc;

	dm_error_clear(&err);
	doc = dm_md_read(text, strlen(text), api_minor, &err);
	ck_assert_msg(doc != NULL, "refused: %s: %s", err.what, err.where);
	return doc;
}

static char *dump(const dm_doc *doc)
{
	dm_error err;
	size_t len;
	char *s;

	dm_error_clear(&err);
	s = dm_doc_dump(doc, &len, &err);
	ck_assert_ptr_nonnull(s);
	return s;
}

START_TEST(md_inlines_api)
{
	dm_error err;
	const char *s = "See *our* [method](https://example.com/m).";
	json_t *v;

	dm_error_clear(&err);
	v = dm_md_inlines(s, strlen(s), &err);
	t_assert_json(v, Q("[{'t':'Str','c':'See'},{'t':'Space'},"
	                   "{'t':'Emph','c':[{'t':'Str','c':'our'}]},"
	                   "{'t':'Space'},{'t':'Link','c':[['',[],[]],"
	                   "[{'t':'Str','c':'method'}],"
	                   "['https://example.com/m','']]},"
	                   "{'t':'Str','c':'.'}]"));
	json_decref(v);
	/* several blocks are joined with LineBreak, as pandoc 3 does */
	v = dm_md_inlines("a\n\nb", 4, &err);
	t_assert_json(v, Q("[{'t':'Str','c':'a'},{'t':'LineBreak'},"
	                   "{'t':'Str','c':'b'}]"));
	json_decref(v);
	v = dm_md_inlines("", 0, &err);
	t_assert_json(v, "[]");
	json_decref(v);
	ck_assert_int_eq(err.code, DM_OK);
}
END_TEST

START_TEST(meta_inlines_md)
{
	json_t *v = t_json(Q("{'t':'MetaString','c':'A **bold** $x$'}"));
	json_t *out = NULL;
	dm_error err;

	dm_error_clear(&err);
	ck_assert_int_eq(dm_meta_inlines(v, "meta.x", &out, &err), 1);
	t_assert_json(out, Q("[{'t':'Str','c':'A'},{'t':'Space'},"
	                     "{'t':'Strong','c':[{'t':'Str','c':'bold'}]},"
	                     "{'t':'Space'},{'t':'Math','c':[{'t':"
	                     "'InlineMath'},'x']}]"));
	json_decref(out);
	json_decref(v);
	/* other kinds as dm_meta_inlines(): MetaInlines copied as it is */
	v = t_json(Q("{'t':'MetaInlines','c':[{'t':'Str','c':'*x*'}]}"));
	ck_assert_int_eq(dm_meta_inlines(v, "meta.x", &out, &err), 1);
	t_assert_json(out, Q("[{'t':'Str','c':'*x*'}]"));
	json_decref(out);
	json_decref(v);
	/* absent: 0, result untouched */
	out = NULL;
	ck_assert_int_eq(dm_meta_inlines(NULL, "meta.x", &out, &err), 0);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(err.code, DM_OK);
	/* the wrong kind: -1 with the option's place */
	v = t_json(Q("{'t':'MetaBool','c':true}"));
	ck_assert_int_eq(dm_meta_inlines(v, "meta.dm-x.label", &out, &err),
	                 -1);
	ck_assert_int_eq(err.code, DM_EOPTION);
	ck_assert_str_eq(err.where, "meta.dm-x.label");
	json_decref(v);
}
END_TEST

START_TEST(doc_new)
{
	dm_doc *doc = dm_doc_new(22, NULL, NULL);
	char *s;

	ck_assert_ptr_nonnull(doc);
	s = dump(doc);
	ck_assert_str_eq(s, "{\"pandoc-api-version\":[1,22,2,1],\"meta\":{},"
	                    "\"blocks\":[]}");
	free(s);
	dm_doc_free(doc);
	doc = dm_doc_new(23, json_object(), t_json(Q("[{'t':'Para','c':[]}]")));
	ck_assert_int_eq(dm_doc_api_minor(doc), 23);
	s = dump(doc);
	ck_assert_str_eq(s, "{\"pandoc-api-version\":[1,23,1,2],\"meta\":{},"
	                    "\"blocks\":[{\"t\":\"Para\",\"c\":[]}]}");
	free(s);
	dm_doc_free(doc);
	/* an unknown version: NULL, and the arguments are still taken */
	ck_assert_ptr_null(dm_doc_new(24, json_object(), json_array()));
}
END_TEST

START_TEST(read_front_matter)
{
	dm_doc *doc = read_md("\xef\xbb\xbf---\r\ntitle: \"*T*\"\r\n"
	                      "n: 2147483648\r\nbig: 9223372036854775808\r\n"
	                      "---\r\n\r\nBody\r\n",
	                      23);

	/* the byte order mark and CRLF are read as pandoc reads them; numbers
	 * as 64-bit pandoc writes them (the WebAssembly pandoc 3 in the tests
	 * has a 32-bit Int and writes 2.147483648e9) */
	t_assert_json(dm_doc_meta(doc),
	              Q("{'big':{'t':'MetaInlines','c':[{'t':'Str','c':"
	                "'9.223372036854775808e18'}]},"
	                "'n':{'t':'MetaInlines','c':[{'t':'Str','c':"
	                "'2147483648'}]},"
	                "'title':{'t':'MetaInlines','c':[{'t':'Emph','c':"
	                "[{'t':'Str','c':'T'}]}]}}"));
	t_assert_json(dm_doc_blocks(doc), Q("[{'t':'Para','c':[{'t':'Str','c':"
	                                    "'Body'}]}]"));
	dm_doc_free(doc);
}
END_TEST

START_TEST(read_errors)
{
	dm_error err;

	dm_error_clear(&err);
	ck_assert_ptr_null(dm_md_read("ok\nbad \xff", 8, 23, &err));
	ck_assert_int_eq(err.code, DM_EINPUT);
	ck_assert_str_eq(err.where, "line 2, column 5");
	dm_error_clear(&err);
	ck_assert_ptr_null(dm_md_read("---\na: b: c\n---\n", 16, 23, &err));
	ck_assert_int_eq(err.code, DM_EINPUT);
	ck_assert_str_eq(err.where, "line 2, column 5");
	ck_assert_msg(strstr(err.what, "YAML") != NULL, "%s", err.what);
	dm_error_clear(&err);
	ck_assert_ptr_null(dm_md_read("x", 1, 21, &err));
	ck_assert_int_eq(err.code, DM_EUSAGE);
}
END_TEST

START_TEST(api_versions)
{
	const char *md = "> [!NOTE]\n> Hi $x$\n";
	dm_doc *doc = read_md(md, 22);

	/* pandoc 2.17 knows neither alerts nor math */
	t_assert_json(dm_doc_blocks(doc),
	              Q("[{'t':'BlockQuote','c':[{'t':'Para','c':["
	                "{'t':'Str','c':'[!NOTE]'},{'t':'SoftBreak'},"
	                "{'t':'Str','c':'Hi'},{'t':'Space'},"
	                "{'t':'Str','c':'$x$'}]}]}]"));
	dm_doc_free(doc);
	doc = read_md(md, 23);
	t_assert_json(dm_doc_blocks(doc),
	              Q("[{'t':'Div','c':[['',['note'],[]],["
	                "{'t':'Div','c':[['',['title'],[]],[{'t':'Para','c':"
	                "[{'t':'Str','c':'Note'}]}]]},"
	                "{'t':'Para','c':[{'t':'Str','c':'Hi'},{'t':'Space'},"
	                "{'t':'Math','c':[{'t':'InlineMath'},'x']}]}]]}]"));
	dm_doc_free(doc);
}
END_TEST

START_TEST(self_note)
{
	/* pandoc does not finish on a note that cites itself.  As pandoc 3
	 * writes any reference in a note, we give an empty Str (joined to
	 * nothing); as pandoc 2.17 would, an empty note inside it */
	dm_doc *doc = read_md("a[^1]\n\n[^1]: b[^1]\n", 23);

	t_assert_json(dm_doc_blocks(doc),
	              Q("[{'t':'Para','c':[{'t':'Str','c':'a'},{'t':'Note',"
	                "'c':[{'t':'Para','c':[{'t':'Str','c':'b'},"
	                "{'t':'Str','c':''}]}]}]}]"));
	dm_doc_free(doc);
	doc = read_md("a[^1]\n\n[^1]: b[^1]\n", 22);
	t_assert_json(dm_doc_blocks(doc),
	              Q("[{'t':'Para','c':[{'t':'Str','c':'a'},{'t':'Note',"
	                "'c':[{'t':'Para','c':[{'t':'Str','c':'b'},"
	                "{'t':'Note','c':[]}]}]}]}]"));
	dm_doc_free(doc);
}
END_TEST

static char *html(const char *json, unsigned flags)
{
	dm_doc *doc = t_load(Q(json));
	dm_error err;
	size_t len;
	char *s;

	dm_error_clear(&err);
	s = dm_html_render(doc, flags, &len, &err);
	ck_assert_msg(s != NULL, "%s", err.what);
	ck_assert_uint_eq(len, strlen(s));
	dm_doc_free(doc);
	return s;
}

START_TEST(html_fragment)
{
	char *s = html("{'pandoc-api-version':[1,23],'meta':{},'blocks':["
	               "{'t':'Para','c':[{'t':'Str','c':'a<b&c'},"
	               "{'t':'RawInline','c':['latex','\\\\x']},"
	               "{'t':'RawInline','c':['HTML','<i>']}]},"
	               "{'t':'RawBlock','c':['tex','dropped']},"
	               "{'t':'Div','c':[['d',['c1','c2'],[['k','v'],"
	               "['data-x','1'],['role','note']]],[]]}]}",
	               0);

	ck_assert_str_eq(s, "<p>a&lt;b&amp;c<i></p>\n"
	                    "<div id=\"d\" class=\"c1 c2\" data-k=\"v\" "
	                    "data-x=\"1\" role=\"note\">\n</div>\n");
	free(s);
}
END_TEST

START_TEST(html_page)
{
	char *s = html("{'pandoc-api-version':[1,23],'meta':{"
	               "'title':{'t':'MetaInlines','c':[{'t':'Str','c':"
	               "'<T>'}]},"
	               "'header-includes':{'t':'MetaList','c':["
	               "{'t':'MetaBlocks','c':[{'t':'RawBlock','c':['html',"
	               "'<style>.x{}</style>']}]},"
	               "{'t':'MetaBlocks','c':[{'t':'RawBlock','c':['latex',"
	               "'\\\\usepackage{x}']}]}]}},'blocks':[]}",
	               DM_HTML_STANDALONE);
	char *head_end = strstr(s, "</head>");

	ck_assert_ptr_nonnull(head_end);
	ck_assert_msg(strncmp(s, "<!DOCTYPE html>\n", 16) == 0, "%s", s);
	ck_assert_ptr_nonnull(strstr(s, "<meta charset=\"utf-8\" />"));
	ck_assert_ptr_nonnull(strstr(s, "name=\"viewport\""));
	ck_assert_ptr_nonnull(strstr(s, "<title>&lt;T&gt;</title>"));
	ck_assert_msg(strstr(s, "<style>.x{}</style>") < head_end &&
	              strstr(s, "<style>.x{}</style>") != NULL, "%s", s);
	ck_assert_ptr_null(strstr(s, "usepackage"));
	ck_assert_ptr_nonnull(strstr(s, "<h1 class=\"title\">&lt;T&gt;</h1>"));
	free(s);
}
END_TEST

Suite *md_suite(void)
{
	Suite *s = suite_create("md");
	TCase *tc = tcase_create("md");

	tcase_add_test(tc, md_inlines_api);
	tcase_add_test(tc, meta_inlines_md);
	tcase_add_test(tc, doc_new);
	tcase_add_test(tc, read_front_matter);
	tcase_add_test(tc, read_errors);
	tcase_add_test(tc, api_versions);
	tcase_add_test(tc, self_note);
	tcase_add_test(tc, html_fragment);
	tcase_add_test(tc, html_page);
	suite_add_tcase(s, tc);
	return s;
}
