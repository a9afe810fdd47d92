/*
 * test_box_text.c - the text writers' admonitions (src/box/text.c): the
 * Div a writer turns into its own admonition where one says it all, raw
 * wrappers with the title escaped elsewhere, nesting.  (What docutils,
 * Asciidoctor, the DocBook schema and pandoc's readers make of them is
 * tests/text/.)
 */
#include <string.h>

#include "suites.h"

#include "box.h"

static const dm_rgb red = {0xc2, 0x41, 0x0c};

/* Renders box `b` (colour red) with a title of text `title` and one Para. */
static json_t *render(dm_box *b, dm_family family, const char *title)
{
	json_t *out = json_array(), *t = dm_text(title);
	json_t *bl = t_json(Q("[{'t':'Para','c':[{'t':'Str','c':'a'}]}]"));
	dm_error err;

	dm_error_clear(&err);
	b->title = t;
	b->body = bl;
	b->colour = red;
	ck_assert_int_eq(dm_box_render(b, family, out, &err), 0);
	json_decref(t);
	json_decref(bl);
	return out;
}

/* The text of raw node `n` (a RawBlock, or a Para of one RawInline). */
static const char *raw(const json_t *out, size_t i)
{
	const json_t *n = json_array_get(out, i);

	if (dm_is(n, "Para") || dm_is(n, "Plain"))
		n = json_array_get(dm_content(n), 0);
	ck_assert_msg(dm_is(n, "RawBlock") || dm_is(n, "RawInline"),
	              "block %zu is not raw", i);
	return json_string_value(json_array_get(dm_content(n), 1));
}

static const char *type_at(const json_t *out, size_t i)
{
	return json_string_value(json_object_get(json_array_get(out, i), "t"));
}

START_TEST(rst_admonitions)
{
	dm_box b = {.type = "note", .label = "Note"};
	json_t *out = render(&b, DM_FMT_RST, "Note");

	/* pandoc writes .. note:: for the Div */
	t_assert_json(out, Q("[{'t':'Div','c':[['',['note'],[]],[{'t':'Para',"
	                     "'c':[{'t':'Str','c':'a'}]}]]}]"));
	json_decref(out);
	out = render(&b, DM_FMT_RST, "Mind *this*: `x`");
	ck_assert_str_eq(raw(out, 0), ".. admonition:: Mind \\*this\\*\\: "
	                              "\\`x\\`\n   :class: note");
	ck_assert_str_eq(type_at(out, 1), "BlockQuote"); /* indented */
	ck_assert_int_eq(json_array_size(out), 2);
	json_decref(out);
	b.type = "tension";
	b.label = "Tension";
	out = render(&b, DM_FMT_RST, "Tension");
	ck_assert_str_eq(raw(out, 0),
	                 ".. admonition:: Tension\n   :class: tension");
	json_decref(out);
}
END_TEST

START_TEST(asciidoc_nesting)
{
	dm_box b = {.type = "warning", .label = "Warning"};
	json_t *out = render(&b, DM_FMT_ASCIIDOC, "Warning");

	ck_assert_str_eq(raw(out, 0), "[WARNING]\n====\n");
	ck_assert_str_eq(raw(out, 2), "====\n\n");
	json_decref(out);
	b.type = "tension";
	b.depth = 2; /* inside two others: its own delimiters */
	out = render(&b, DM_FMT_ASCIIDOC, ".Why? {now}");
	ck_assert_str_eq(raw(out, 0), "[NOTE,role=tension]\n.&#46;Why&#63; "
	                              "&#123;now&#125;\n======\n");
	ck_assert_str_eq(raw(out, 2), "======\n\n");
	json_decref(out);
}
END_TEST

START_TEST(docbook_notes)
{
	dm_box b = {.type = "tip", .label = "Tip"};
	json_t *out = render(&b, DM_FMT_DOCBOOK, "Tip");

	ck_assert_str_eq(type_at(out, 0), "Div");
	json_decref(out);
	/* a title of its own: pandoc's title Div, which pandoc writes as
	 * <title> */
	out = render(&b, DM_FMT_DOCBOOK, "Why");
	t_assert_json(json_array_get(dm_content(json_array_get(out, 0)), 1),
	              Q("[{'t':'Div','c':[['',['title'],[]],[{'t':'Plain',"
	                "'c':[{'t':'Str','c':'Why'}]}]]},{'t':'Para','c':"
	                "[{'t':'Str','c':'a'}]}]"));
	json_decref(out);
	b.type = "tension";
	out = render(&b, DM_FMT_DOCBOOK, "A & <b>");
	ck_assert_str_eq(raw(out, 0), "<note role=\"tension\"><title>A &amp; "
	                              "&lt;b&gt;</title>");
	ck_assert_str_eq(raw(out, 2), "</note>");
	json_decref(out);
	/* DocBook 5 holds no admonition in an admonition, no sidebar in a
	 * sidebar */
	b.type = "tip";
	b.depth = 1;
	out = render(&b, DM_FMT_DOCBOOK, "Tip");
	ck_assert_str_eq(raw(out, 0), "<sidebar role=\"tip\"><title>Tip"
	                              "</title>");
	json_decref(out);
	b.depth = 2;
	out = render(&b, DM_FMT_DOCBOOK, "Tip");
	ck_assert_str_eq(raw(out, 2), "</blockquote>");
	json_decref(out);
}
END_TEST

START_TEST(org_special_block)
{
	dm_box b = {.type = "direct-message", .label = "Direct Message"};
	json_t *out = render(&b, DM_FMT_ORG, "Direct *Message*");

	ck_assert_str_eq(raw(out, 0), "#+begin_direct-message");
	/* the title stays pandoc's, in bold: the org writer escapes it */
	t_assert_json(json_array_get(out, 1),
	              Q("{'t':'Para','c':[{'t':'Strong','c':[{'t':'Str','c':"
	                "'Direct'},{'t':'Space'},{'t':'Str','c':'*Message*'}"
	                "]}]}"));
	ck_assert_str_eq(raw(out, 3), "#+end_direct-message");
	json_decref(out);
}
END_TEST

START_TEST(jira_panels)
{
	json_t *attr = t_json(Q("['top|x',[],[]]"));
	dm_box b = {.type = "noise", .label = "Noise", .attr = attr};
	json_t *out = render(&b, DM_FMT_JIRA, "a|b=c {d}");

	ck_assert_str_eq(raw(out, 0), "{anchor:top&#124;x}");
	ck_assert_str_eq(raw(out, 1), "{panel:title=a&#124;b&#61;c &#123;d"
	                              "&#125;|titleBGColor=#faf0ec|"
	                              "borderStyle=solid|borderColor=#c2410c}");
	ck_assert_str_eq(raw(out, 3), "{panel}");
	json_decref(out);
	b.attr = NULL;
	b.depth = 1; /* Jira nests no panels */
	out = render(&b, DM_FMT_JIRA, "Noise");
	ck_assert_str_eq(type_at(out, 0), "BlockQuote");
	json_decref(out);
	json_decref(attr);
}
END_TEST

START_TEST(mediawiki_div)
{
	json_t *attr = t_json(Q("['a<b',[],[]]"));
	dm_box b = {.type = "tension", .label = "Tension", .attr = attr,
	            .look = DM_BOX_LOOK_MINIMAL};
	json_t *out = render(&b, DM_FMT_MEDIAWIKI, "Tension");

	ck_assert_str_eq(raw(out, 0), "<div id=\"a&lt;b\" class=\"callout "
	                              "callout-tension\" style=\"margin:1em 0;"
	                              "padding:0.5em 1em;border-left:2px "
	                              "solid #c2410c\">");
	ck_assert_str_eq(type_at(out, 1), "Plain"); /* the title, pandoc's */
	ck_assert_str_eq(raw(out, 3), "</div>");
	json_decref(out);
	json_decref(attr);
}
END_TEST

/* A box with a heading above it has no title line of its own. */
START_TEST(headed_boxes)
{
	json_t *h = t_json(Q("{'t':'Header','c':[2,['dm',['callout-heading'],"
	                     "[]],[{'t':'Str','c':'DM'}]]}"));
	dm_box b = {.type = "direct-message", .label = "Direct Message",
	            .heading = h};
	json_t *out = render(&b, DM_FMT_RST, "DM");

	ck_assert_str_eq(type_at(out, 0), "Header");
	ck_assert_str_eq(raw(out, 1),
	                 ".. container:: callout callout-direct-message");
	json_decref(out);
	out = render(&b, DM_FMT_DOCBOOK, "DM");
	ck_assert_str_eq(raw(out, 1), "<note role=\"direct-message\">");
	json_decref(out);
	out = render(&b, DM_FMT_JIRA, "DM");
	ck_assert_str_eq(raw(out, 1),
	                 "{panel:borderStyle=solid|borderColor=#c2410c}");
	json_decref(out);
	json_decref(h);
}
END_TEST

/* Footers: DocBook a sidebar, MediaWiki a div under a rule, which the
 * credits filter finds again by their openings. */
START_TEST(footers)
{
	dm_box b = {.role = DM_BOX_FOOTER, .type = "dm-credits"};
	json_t *out = render(&b, DM_FMT_DOCBOOK, "Credits");

	ck_assert_str_eq(raw(out, 0), "<sidebar role=\"dm-credits\">");
	ck_assert_str_eq(raw(out, 2), "</sidebar>");
	json_decref(out);
	out = render(&b, DM_FMT_MEDIAWIKI, "Credits");
	ck_assert_ptr_nonnull(strstr(raw(out, 0), "<div class=\"dm-credits\" "
	                                          "style=\"margin-top:2em;"));
	ck_assert_str_eq(raw(out, 2), "</div>");
	json_decref(out);
	out = render(&b, DM_FMT_RST, "Credits"); /* a transition, the body */
	ck_assert_str_eq(type_at(out, 0), "HorizontalRule");
	json_decref(out);
}
END_TEST

Suite *box_text_suite(void)
{
	Suite *s = suite_create("box-text");
	TCase *tc = tcase_create("box-text");

	tcase_add_test(tc, rst_admonitions);
	tcase_add_test(tc, asciidoc_nesting);
	tcase_add_test(tc, docbook_notes);
	tcase_add_test(tc, org_special_block);
	tcase_add_test(tc, jira_panels);
	tcase_add_test(tc, mediawiki_div);
	tcase_add_test(tc, headed_boxes);
	tcase_add_test(tc, footers);
	suite_add_tcase(s, tc);
	return s;
}
