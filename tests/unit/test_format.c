/*
 * test_format.c - output format names to families (src/format.c).
 */
#include "suites.h"

static const struct {
	const char *format;
	dm_family family;
} cases[] = {
	/* every name dm.h lists, and pandoc's other HTML writers */
	{"html", DM_FMT_HTML},
	{"html4", DM_FMT_HTML},
	{"html5", DM_FMT_HTML},
	{"epub", DM_FMT_EPUB},
	{"epub2", DM_FMT_EPUB2},
	{"epub3", DM_FMT_EPUB},
	{"revealjs", DM_FMT_HTML},
	{"slidy", DM_FMT_HTML},
	{"s5", DM_FMT_HTML},
	{"dzslides", DM_FMT_HTML},
	{"slideous", DM_FMT_HTML},
	{"chunkedhtml", DM_FMT_HTML},
	{"latex", DM_FMT_LATEX},
	{"beamer", DM_FMT_LATEX},
	{"pdf", DM_FMT_LATEX},
	{"context", DM_FMT_CONTEXT},
	{"docx", DM_FMT_DOCX},
	{"odt", DM_FMT_ODT},
	{"opendocument", DM_FMT_ODT},
	{"typst", DM_FMT_TYPST},
	{"markdown", DM_FMT_MARKDOWN},
	{"gfm", DM_FMT_GFM},
	{"commonmark", DM_FMT_OTHER},
	{"commonmark_x", DM_FMT_OTHER},
	{"markdown_strict", DM_FMT_OTHER},
	{"json", DM_FMT_JSON},
	{"native", DM_FMT_JSON},
	{"rst", DM_FMT_RST},
	{"asciidoc", DM_FMT_ASCIIDOC},
	{"asciidoctor", DM_FMT_ASCIIDOC},
	{"asciidoc_legacy", DM_FMT_ASCIIDOC},
	{"docbook", DM_FMT_DOCBOOK},
	{"docbook4", DM_FMT_DOCBOOK},
	{"docbook5", DM_FMT_DOCBOOK},
	{"org", DM_FMT_ORG},
	{"jira", DM_FMT_JIRA},
	{"mediawiki", DM_FMT_MEDIAWIKI},
	/* case is ignored */
	{"HTML", DM_FMT_HTML},
	{"Html5", DM_FMT_HTML},
	{"LaTeX", DM_FMT_LATEX},
	{"DOCX", DM_FMT_DOCX},
	{"GFM", DM_FMT_GFM},
	{"Markdown", DM_FMT_MARKDOWN},
	/* extensions are ignored */
	{"html5+smart", DM_FMT_HTML},
	{"markdown+smart-raw_html", DM_FMT_MARKDOWN},
	{"markdown-smart", DM_FMT_MARKDOWN},
	{"gfm-raw_html", DM_FMT_GFM},
	{"commonmark_x+attributes", DM_FMT_OTHER},
	{"gfm+attributes", DM_FMT_GFM},
	{"latex+raw_tex-smart", DM_FMT_LATEX},
	{"DOCX+styles", DM_FMT_DOCX},
	{"rst+smart", DM_FMT_RST},
	{"DocBook5", DM_FMT_DOCBOOK},
	/* everything else */
	{"plain", DM_FMT_OTHER},
	{"man", DM_FMT_OTHER},
	{"docbook6", DM_FMT_OTHER},
	{"dokuwiki", DM_FMT_OTHER},
	{"textile", DM_FMT_OTHER},
	{"rtf", DM_FMT_OTHER},
	{"writer.lua", DM_FMT_OTHER},
	{"html.lua", DM_FMT_OTHER},
	{"htm", DM_FMT_OTHER},
	{"html55", DM_FMT_OTHER},
	{"markdown_mmd", DM_FMT_OTHER},
	{"", DM_FMT_OTHER},
	{"+smart", DM_FMT_OTHER},
	{"-html", DM_FMT_OTHER},
	/* longer than any writer name: not cut down to a known prefix */
	{"htmlhtmlhtmlhtmlhtmlhtmlhtmlhtmlhtml", DM_FMT_OTHER},
	{"latexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx+smart", DM_FMT_OTHER},
};

START_TEST(families)
{
	const char *f = cases[_i].format;

	ck_assert_msg(dm_format_family(f) == cases[_i].family,
	              "%s: family %s, want %s", f,
	              dm_family_name(dm_format_family(f)),
	              dm_family_name(cases[_i].family));
}
END_TEST

START_TEST(null_is_html)
{
	ck_assert_int_eq(dm_format_family(NULL), DM_FMT_HTML);
}
END_TEST

START_TEST(family_names)
{
	ck_assert_str_eq(dm_family_name(DM_FMT_HTML), "html");
	ck_assert_str_eq(dm_family_name(DM_FMT_LATEX), "latex");
	ck_assert_str_eq(dm_family_name(DM_FMT_CONTEXT), "context");
	ck_assert_str_eq(dm_family_name(DM_FMT_DOCX), "docx");
	ck_assert_str_eq(dm_family_name(DM_FMT_ODT), "odt");
	ck_assert_str_eq(dm_family_name(DM_FMT_TYPST), "typst");
	ck_assert_str_eq(dm_family_name(DM_FMT_MARKDOWN), "markdown");
	ck_assert_str_eq(dm_family_name(DM_FMT_GFM), "gfm");
	ck_assert_str_eq(dm_family_name(DM_FMT_JSON), "json");
	ck_assert_str_eq(dm_family_name(DM_FMT_EPUB), "epub");
	ck_assert_str_eq(dm_family_name(DM_FMT_EPUB2), "epub2");
	ck_assert_str_eq(dm_family_name(DM_FMT_RST), "rst");
	ck_assert_str_eq(dm_family_name(DM_FMT_ASCIIDOC), "asciidoc");
	ck_assert_str_eq(dm_family_name(DM_FMT_DOCBOOK), "docbook");
	ck_assert_str_eq(dm_family_name(DM_FMT_ORG), "org");
	ck_assert_str_eq(dm_family_name(DM_FMT_JIRA), "jira");
	ck_assert_str_eq(dm_family_name(DM_FMT_MEDIAWIKI), "mediawiki");
	ck_assert_str_eq(dm_family_name(DM_FMT_OTHER), "other");
	ck_assert_str_eq(dm_family_name((dm_family)99), "other");
	ck_assert_str_eq(dm_family_name((dm_family)-1), "other");
}
END_TEST

Suite *format_suite(void)
{
	Suite *s = suite_create("format");
	TCase *tc = tcase_create("format");

	tcase_add_loop_test(tc, families, 0,
	                    (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, null_is_html);
	tcase_add_test(tc, family_names);
	suite_add_tcase(s, tc);
	return s;
}
