/*
 * test_box_rtl.c - boxes of a document read right to left: which
 * documents are (dm_box_rtl), and the docx, odt, EPUB and Typst boxes
 * drawn from the right.  (What LibreOffice, Chromium and Typst make of
 * them is tests/render/, part rtl.)
 */
#include <string.h>

#include "suites.h"

#include "box.h"
#include "box/draw.h"

static const dm_rgb red = {0xc2, 0x41, 0x0c};

/* A document of metadata `meta` (JSON text, ' for "). */
static dm_doc *doc_with(const char *meta)
{
	char text[512];

	snprintf(text, sizeof text,
	         "{'pandoc-api-version':[1,23],'meta':%s,'blocks':[]}", meta);
	return t_load(Q(text));
}

static bool rtl_of(const char *meta)
{
	dm_doc *doc = doc_with(meta);
	bool rtl = dm_box_rtl(doc);

	dm_doc_free(doc);
	return rtl;
}

START_TEST(which_documents)
{
	ck_assert(!rtl_of("{}"));
	ck_assert(!rtl_of("{'lang':{'t':'MetaString','c':'en-US'}}"));
	ck_assert(rtl_of("{'lang':{'t':'MetaString','c':'ar'}}"));
	ck_assert(rtl_of("{'lang':{'t':'MetaInlines','c':[{'t':'Str',"
	                 "'c':'he-IL'}]}}"));
	ck_assert(rtl_of("{'lang':{'t':'MetaString','c':'FA_ir'}}"));
	ck_assert(!rtl_of("{'lang':{'t':'MetaString','c':'arn'}}"));
	ck_assert(!rtl_of("{'lang':{'t':'MetaString','c':'a'}}"));
	/* dir, as pandoc -M dir=rtl or front matter gives it */
	ck_assert(rtl_of("{'dir':{'t':'MetaString','c':'rtl'}}"));
	ck_assert(rtl_of("{'dir':{'t':'MetaInlines','c':[{'t':'Str',"
	                 "'c':'rtl'}]},'lang':{'t':'MetaString','c':'en'}}"));
	/* a dir of ltr wins over the language */
	ck_assert(!rtl_of("{'dir':{'t':'MetaString','c':'ltr'},"
	                  "'lang':{'t':'MetaString','c':'ar'}}"));
}
END_TEST

/* Renders a box of colour red, right to left or not. */
static json_t *render(dm_box *b, dm_family family, bool rtl)
{
	json_t *out = json_array();
	json_t *t = t_json(Q("[{'t':'Str','c':'Why'}]"));
	json_t *body = t_json(Q("[{'t':'Para','c':[{'t':'Str','c':'a'}]}]"));
	dm_error err;

	dm_error_clear(&err);
	b->title = t;
	b->body = body;
	b->colour = red;
	b->rtl = rtl;
	ck_assert_int_eq(dm_box_render(b, family, out, &err), 0);
	json_decref(t);
	json_decref(body);
	return out;
}

static const char *raw_text(const json_t *n)
{
	return json_string_value(json_array_get(dm_content(n), 1));
}

/* The value of attribute `key` of Div `div`, "" when it has none. */
static const char *div_attr(const json_t *div, const char *key)
{
	const char *v = dm_attr_get(dm_node_attr(div), key);

	return v ? v : "";
}

START_TEST(docx_from_the_right)
{
	dm_box b = {.type = "tension", .style = "DM Tension"};
	json_t *out = render(&b, DM_FMT_DOCX, true);
	const char *open = raw_text(json_array_get(out, 0));

	/* the thick rule on the right, the thin one on the left */
	ck_assert_ptr_nonnull(strstr(open, "<w:right w:val=\"single\" "
	                                   "w:sz=\"24\""));
	ck_assert_ptr_nonnull(strstr(open, "<w:left w:val=\"single\" "
	                                   "w:sz=\"4\""));
	/* pandoc makes the paragraphs of a Div dir=rtl w:bidi */
	ck_assert_str_eq(div_attr(json_array_get(out, 1), "dir"), "rtl");
	ck_assert_str_eq(div_attr(json_array_get(out, 3), "dir"), "rtl");
	json_decref(out);
	out = render(&b, DM_FMT_DOCX, false);
	open = raw_text(json_array_get(out, 0));
	ck_assert_ptr_nonnull(strstr(open, "<w:left w:val=\"single\" "
	                                   "w:sz=\"24\""));
	ck_assert_str_eq(div_attr(json_array_get(out, 1), "dir"), "");
	ck_assert_str_eq(div_attr(json_array_get(out, 3), "dir"), "");
	json_decref(out);
	b.role = DM_BOX_FOOTER;
	b.type = "dm-credits";
	out = render(&b, DM_FMT_DOCX, true);
	ck_assert_str_eq(div_attr(json_array_get(out, 0), "dir"), "rtl");
	ck_assert(dm_attr_has_class(dm_node_attr(json_array_get(out, 0)),
	                            "dm-credits"));
	json_decref(out);
}
END_TEST

/* Whether the first RawBlock of `out` holds `s`. */
static bool opens_with(const json_t *out, const char *s)
{
	return strstr(raw_text(json_array_get(out, 0)), s) != NULL;
}

START_TEST(epub_from_the_right)
{
	dm_box b = {.type = "tension"};
	json_t *out = render(&b, DM_FMT_EPUB, true);

	ck_assert(opens_with(out, " dir=\"rtl\" style=\""));
	ck_assert(opens_with(out, "border-right:4px solid #c2410c"));
	ck_assert(!opens_with(out, "border-left"));
	json_decref(out);
	b.look = DM_BOX_LOOK_MINIMAL;
	out = render(&b, DM_FMT_EPUB2, true);
	ck_assert(opens_with(out, "border-right:2px solid"));
	json_decref(out);
	out = render(&b, DM_FMT_EPUB2, false);
	ck_assert(opens_with(out, "border-left:2px solid"));
	ck_assert(!opens_with(out, "dir="));
	json_decref(out);
	b.role = DM_BOX_FOOTER;
	b.type = "dm-credits";
	out = render(&b, DM_FMT_EPUB, true);
	ck_assert(opens_with(out, "<footer class=\"dm-credits\" "));
	ck_assert(opens_with(out, " dir=\"rtl\" style="));
	json_decref(out);
}
END_TEST

START_TEST(typst_follows_the_text)
{
	dm_box b = {.type = "tension"};
	json_t *out = render(&b, DM_FMT_TYPST, false);

	/* the side is Typst's to find, where the box stands */
	ck_assert(opens_with(out, "#context block("));
	ck_assert(opens_with(out, "if text.dir == rtl or (text.dir == auto "
	                          "and text.lang in (\"ar\""));
	json_decref(out);
}
END_TEST

/* The styles dm_box_header() adds for odt to a document of `meta`. */
static char *odt_sheet(const char *meta)
{
	dm_box_kind kinds[] = {{"tension", {0xc2, 0x41, 0x0c}, "",
	                        "DM Tension"}};
	dm_box_sheet s = {"test", kinds, 1, DM_BOX_LOOK_DEFAULT, false};
	dm_doc *doc = doc_with(meta);
	const json_t *list, *item;
	dm_buf all = {0};
	dm_error err;
	char *text;
	size_t i;

	dm_error_clear(&err);
	ck_assert_int_eq(dm_box_header(doc, DM_FMT_ODT, &s, &err), 0);
	ck_assert_int_eq(dm_box_footer_header(doc, DM_FMT_ODT, "dm-credits",
	                                      "DM Credits", NULL, false, &err),
	                 0);
	/* a MetaList of MetaBlocks, each one RawBlock */
	list = dm_meta_get(doc, "header-includes");
	for (i = 0; i < json_array_size(dm_content(list)); i++) {
		item = json_array_get(dm_content(list), i);
		dm_buf_puts(&all, raw_text(json_array_get(dm_content(item), 0)));
	}
	text = dm_buf_take(&all);
	ck_assert_ptr_nonnull(text);
	dm_doc_free(doc);
	return text;
}

START_TEST(odt_from_the_right)
{
	char *rtl = odt_sheet("{'lang':{'t':'MetaString','c':'he'}}");
	char *ltr = odt_sheet("{}");

	ck_assert_ptr_nonnull(strstr(rtl, "style:writing-mode=\"rl-tb\" "
	                                  "fo:text-align=\"right\" "
	                                  "fo:border-right=\"3pt solid "
	                                  "#c2410c\" fo:border-left=\"0.5pt"));
	/* the footer's style too */
	ck_assert_ptr_nonnull(strstr(rtl, "fo:margin-bottom=\"0.02in\" "
	                                  "style:writing-mode=\"rl-tb\""));
	ck_assert_ptr_null(strstr(ltr, "rl-tb"));
	ck_assert_ptr_nonnull(strstr(ltr, "fo:border-left=\"3pt solid "
	                                  "#c2410c\" fo:border-right=\"0.5pt"));
	free(rtl);
	free(ltr);
}
END_TEST

Suite *box_rtl_suite(void)
{
	Suite *s = suite_create("box-rtl");
	TCase *tc = tcase_create("box-rtl");

	tcase_add_test(tc, which_documents);
	tcase_add_test(tc, docx_from_the_right);
	tcase_add_test(tc, epub_from_the_right);
	tcase_add_test(tc, typst_follows_the_text);
	tcase_add_test(tc, odt_from_the_right);
	suite_add_tcase(s, tc);
	return s;
}
