/*
 * test_escape.c - the escaping function of each output language, UTF-8
 * safe cutting, and the link-target allowlist (src/escape.c).
 */
#include <string.h>

#include "suites.h"

typedef int (*escaper)(dm_buf *, const char *);

/* `s` through `f`, compared with `want`. */
static void check(escaper f, const char *s, const char *want)
{
	dm_buf b = {0};

	ck_assert_int_eq(f(&b, s), 0);
	ck_assert_str_eq(dm_buf_str(&b), want);
	dm_buf_free(&b);
}

START_TEST(html_and_xml)
{
	check(dm_html_escape, "a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&#39;");
	check(dm_html_escape, "plain ü", "plain ü");
	check(dm_xml_escape, "a\tb\nc\rd\x01" "e<", "a&#9;b&#10;c&#13;de&lt;");
}
END_TEST

START_TEST(css_string)
{
	/* the attack of issue 12: a form feed ends a CSS string */
	check(dm_css_string_escape, "x\f}body{color:red}.x{",
	      "x\\c }body{color:red}.x{");
	check(dm_css_string_escape, "\"\\<\r\n'",
	      "\\22 \\5c \\3c \\d \\a \\27 ");
	check(dm_css_string_escape, "★ ok", "★ ok");
}
END_TEST

START_TEST(latex_and_typst)
{
	check(dm_latex_escape, "50% of $x_1 & {y}#~^\\",
	      "50\\% of \\$x\\_1 \\& \\{y\\}\\#\\textasciitilde{}"
	      "\\textasciicircum{}\\textbackslash{}");
	check(dm_latex_escape, "a\nb", "a b");
	check(dm_typst_string_escape, "say \"hi\"\\\n",
	      "say \\\"hi\\\"\\\\\\n");
}
END_TEST

START_TEST(text_formats)
{
	/* rst: a backslash before any punctuation; one line */
	check(dm_rst_escape, "a*b* `c` _d_ |e| [1]_ \\ ü\nf",
	      "a\\*b\\* \\`c\\` \\_d\\_ \\|e\\| \\[1\\]\\_ "
	      "\\\\ ü f");
	/* AsciiDoc: references, which no substitution reads as markup */
	check(dm_asciidoc_escape, "  *b* {attr} pass:[<x>] a+b ü\tc",
	      "&#42;b&#42; &#123;attr&#125; pass&#58;&#91;&#60;x&#62;&#93; "
	      "a&#43;b ü c");
	check(dm_asciidoc_escape, "..x", "&#46;&#46;x");
	/* Jira: what would end the parameter or the macro */
	check(dm_jira_param_escape, "a|b=c{d}e & f\n",
	      "a&#124;b&#61;c&#123;d&#125;e & f ");
}
END_TEST

START_TEST(messages_stay_one_line)
{
	/* a GitHub workflow command and a terminal escape, inert */
	check(dm_message_escape, "x\n::error file=a::pwned\x1b[31m",
	      "x\\n::error file=a::pwned\\x1b[31m");
	check(dm_message_escape, "tab\there\r", "tab\\there\\r");
	check(dm_message_escape, "\xc2\x85next\xe2\x80\xa8" "line",
	      "\\u0085next\\u2028line");
	check(dm_message_escape, "bad \xff\xc3 utf8", "bad \\xff\\xc3 utf8");
	check(dm_message_escape, "图片来源：Lan Lin 😀", "图片来源：Lan Lin 😀");
}
END_TEST

START_TEST(utf8_cut)
{
	/* "图" is three bytes: a cut inside it goes back to before it */
	ck_assert_uint_eq(dm_utf8_cut("ab图c", 3), 2);
	ck_assert_uint_eq(dm_utf8_cut("ab图c", 4), 2);
	ck_assert_uint_eq(dm_utf8_cut("ab图c", 5), 5);
	ck_assert_uint_eq(dm_utf8_cut("ab图c", 99), 6);
	ck_assert_uint_eq(dm_utf8_cut("😀", 3), 0);
	ck_assert_uint_eq(dm_utf8_cut("abc", 2), 2);
	/* a string already cut inside its last character */
	ck_assert_uint_eq(dm_utf8_cut("ab\xe5\x9b", 10), 2);
}
END_TEST

START_TEST(error_messages_cut_between_characters)
{
	dm_error err;
	char long_text[600];
	size_t i;

	/* 509 bytes of ASCII, then three-byte characters: the limit of 511
	 * falls inside one */
	memset(long_text, 'a', 509);
	strcpy(long_text + 509, "图图图");
	dm_error_clear(&err);
	dm_error_set(&err, DM_EOPTION, NULL, "%s", long_text);
	ck_assert_uint_eq(strlen(err.what), 509);
	for (i = 0; i < 509; i++)
		ck_assert_int_eq(err.what[i], 'a');
}
END_TEST

START_TEST(url_allowlist)
{
	ck_assert(dm_url_is_safe("https://unsplash.com/@lanlin"));
	ck_assert(dm_url_is_safe("HTTP://example.org"));
	ck_assert(dm_url_is_safe("mailto:desk@example.org"));
	ck_assert(dm_url_is_safe("images/photo.jpg"));
	ck_assert(dm_url_is_safe("/about#credits"));
	ck_assert(dm_url_is_safe("#top"));
	ck_assert(dm_url_is_safe("?q=a:b"));
	ck_assert(dm_url_is_safe(""));
	ck_assert(!dm_url_is_safe("javascript:alert(1)"));
	ck_assert(!dm_url_is_safe("JavaScript:alert(1)"));
	ck_assert(!dm_url_is_safe(" \tjava\nscript:alert(1)"));
	ck_assert(!dm_url_is_safe("data:text/html,<script>"));
	ck_assert(!dm_url_is_safe("vbscript:x"));
	ck_assert(!dm_url_is_safe("averyveryverylongscheme:x"));
}
END_TEST

Suite *escape_suite(void)
{
	Suite *s = suite_create("escape");
	TCase *tc = tcase_create("escape");

	tcase_add_test(tc, html_and_xml);
	tcase_add_test(tc, css_string);
	tcase_add_test(tc, latex_and_typst);
	tcase_add_test(tc, text_formats);
	tcase_add_test(tc, messages_stay_one_line);
	tcase_add_test(tc, utf8_cut);
	tcase_add_test(tc, error_messages_cut_between_characters);
	tcase_add_test(tc, url_allowlist);
	suite_add_tcase(s, tc);
	return s;
}
