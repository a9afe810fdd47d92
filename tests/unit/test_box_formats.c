/*
 * test_box_formats.c - the box renderers of src/box/: docx tables and
 * their parting, the small print of the docx footer and its reading back,
 * the odt styles, EPUB 2 without ARIA.  (What readers make of them is
 * tests/render/.)
 */
#include <stdlib.h>
#include <string.h>

#include "suites.h"

#include "box.h"
#include "box/draw.h"

static const dm_rgb red = {0xc2, 0x41, 0x0c};

/* Renders a box of colour red whose title and body are JSON text. */
static json_t *render(dm_box *b, dm_family family, const char *title,
                      const char *body)
{
	json_t *out = json_array(), *t = t_json(title), *bl = t_json(body);
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

/* The text of RawBlock or RawInline `n`. */
static const char *raw_text(const json_t *n)
{
	return json_string_value(json_array_get(dm_content(n), 1));
}

static const char title[] = "[{'t':'Str','c':'Why'}]";
static const char para[] = "[{'t':'Para','c':[{'t':'Str','c':'a'}]}]";

START_TEST(docx_callout_is_a_table)
{
	dm_box b = {.type = "tension", .style = "DM Tension"};
	json_t *out = render(&b, DM_FMT_DOCX, Q(title), Q(para));
	const char *open;

	ck_assert_int_eq(json_array_size(out), 5);
	open = raw_text(json_array_get(out, 0));
	ck_assert(strncmp(open, "<w:tbl>", 7) == 0);
	ck_assert_ptr_nonnull(strstr(open, "<w:left w:val=\"single\" "
	                                   "w:sz=\"24\" w:space=\"0\" "
	                                   "w:color=\"C2410C\"/>"));
	ck_assert_ptr_nonnull(strstr(open, "w:fill=\"FAF0EC\""));
	/* the title and the body stay pandoc's, in the DM styles */
	t_assert_json(json_array_get(out, 1),
	              Q("{'t':'Div','c':[['',[],[['custom-style',"
	                "'DM Tension Title']]],[{'t':'Para','c':[{'t':"
	                "'Strong','c':[{'t':'Str','c':'Why'}]}]}]]}"));
	t_assert_json(json_array_get(out, 3),
	              Q("{'t':'Div','c':[['',[],[['custom-style',"
	                "'DM Tension']]],[{'t':'Para','c':[{'t':'Str',"
	                "'c':'a'}]}]]}"));
	open = raw_text(json_array_get(out, 4));
	ck_assert(strcmp(open + strlen(open) - 8, "</w:tbl>") == 0);
	json_decref(out);
}
END_TEST

START_TEST(docx_looks)
{
	dm_box b = {.type = "note", .style = "DM Note",
	            .look = DM_BOX_LOOK_MINIMAL};
	json_t *out = render(&b, DM_FMT_DOCX, Q(title), "[]");
	const char *open = raw_text(json_array_get(out, 0));

	ck_assert_ptr_null(strstr(open, "w:fill")); /* no shading */
	ck_assert_ptr_nonnull(strstr(open, "<w:top w:val=\"nil\"/>"));
	ck_assert_ptr_nonnull(strstr(open, "<w:left w:val=\"single\" "
	                                   "w:sz=\"12\""));
	json_decref(out);
	b.look = DM_BOX_LOOK_SIMPLE;
	out = render(&b, DM_FMT_DOCX, Q(title), "[]");
	open = raw_text(json_array_get(out, 0));
	ck_assert_ptr_null(strstr(open, "w:fill"));
	ck_assert_ptr_nonnull(strstr(open, "<w:top w:val=\"single\" "
	                                   "w:sz=\"4\""));
	json_decref(out);
}
END_TEST

/* Runs dm_box_finish() for docx over a document of `blocks` and
 * metadata `meta`. */
static json_t *finished_meta(const char *meta, const char *blocks)
{
	char text[4096];
	dm_error err;
	dm_doc *doc;
	json_t *out;

	snprintf(text, sizeof text,
	         "{'pandoc-api-version':[1,23,1],'meta':%s,'blocks':%s}",
	         meta, blocks);
	doc = t_load(Q(text));
	dm_error_clear(&err);
	{
		dm_ctx ctx = {"test", "docx", DM_FMT_DOCX, doc, &err, NULL};
		ck_assert_int_eq(dm_box_finish(&ctx), 0);
	}
	out = json_incref(dm_doc_blocks(doc));
	dm_doc_free(doc);
	return out;
}

static json_t *finished(const char *blocks)
{
	return finished_meta("{}", blocks);
}

START_TEST(docx_tables_parted)
{
	/* a box after a box, a table after a box in a Div: parted; a box
	 * after a paragraph: not */
	json_t *out = finished(
	        "[{'t':'RawBlock','c':['openxml','<w:tbl>x</w:tbl>']},"
	        " {'t':'RawBlock','c':['openxml',' <w:tbl>y</w:tbl>\\n']},"
	        " {'t':'Div','c':[['',[],[]],[{'t':'Table','c':"
	        "[['',[],[]],[null,[]],[],[['',[],[]],[]],[],"
	        "[['',[],[]],[]]]}]]},"
	        " {'t':'Para','c':[]},"
	        " {'t':'RawBlock','c':['openxml','<w:tbl>z</w:tbl>']}]");
	size_t i;

	ck_assert_int_eq(json_array_size(out), 7);
	for (i = 1; i <= 3; i += 2)
		ck_assert(strncmp(raw_text(json_array_get(out, i)),
		                  "<w:p><w:pPr><w:spacing", 22) == 0);
	ck_assert_str_eq(dm_tag(json_array_get(out, 5)), "Para");
	json_decref(out);
	/* two tables of pandoc's are left alone */
	out = finished("[{'t':'Table','c':[['',[],[]],[null,[]],[],"
	               "[['',[],[]],[]],[],[['',[],[]],[]]]},"
	               "{'t':'Table','c':[['',[],[]],[null,[]],[],"
	               "[['',[],[]],[]],[],[['',[],[]],[]]]}]");
	ck_assert_int_eq(json_array_size(out), 2);
	json_decref(out);
	/* a second run adds nothing */
	out = finished("[{'t':'RawBlock','c':['openxml','<w:tbl>x</w:tbl>']},"
	               "{'t':'Para','c':[]},"
	               "{'t':'RawBlock','c':['openxml','<w:tbl>y</w:tbl>']}]");
	ck_assert_int_eq(json_array_size(out), 3);
	json_decref(out);
}
END_TEST

/* A box's table as docx.c opens it (the grid the text's width), closed
 * at once. */
#define BOX "{'t':'RawBlock','c':['openxml','<w:tbl><w:tblPr><w:tblW " \
	"w:w=\\\"5000\\\" w:type=\\\"pct\\\"/><w:tblBorders/></w:tblPr>" \
	"<w:tblGrid><w:gridCol w:w=\\\"9360\\\"/></w:tblGrid></w:tbl>']}"
#define ITEM(blocks) "{'t':'BulletList','c':[[{'t':'Plain','c':[]}," \
	blocks "]]}"

/* The table opening the first block of the first item of the list
 * `list`, descending `depth` lists. */
static const char *item_box(const json_t *list, int depth)
{
	const json_t *first = json_array_get(json_array_get(dm_content(
	                              list), 0), 1);

	return depth > 1 ? item_box(first, depth - 1) : raw_text(first);
}

/* Whether the JSON of `v` holds `text`. */
static bool dumps_have(const json_t *v, const char *text)
{
	char *d = t_dumps(v);
	bool has = strstr(d, text) != NULL;

	free(d);
	return has;
}

static const char at_720[] = "<w:tbl><w:tblPr><w:tblW w:w=\"4615\" "
	"w:type=\"pct\"/><w:tblInd w:w=\"720\" w:type=\"dxa\"/>"
	"<w:tblBorders/></w:tblPr><w:tblGrid><w:gridCol w:w=\"8640\"/>"
	"</w:tblGrid></w:tbl>";

START_TEST(docx_boxes_in_lists)
{
	/* a list's box: at its text's indent, narrowed; two levels deep
	 * twice as far; at the top level, left alone */
	json_t *out = finished("[" ITEM(ITEM(BOX)) "," ITEM(BOX) "," BOX "]");

	ck_assert_ptr_nonnull(strstr(item_box(json_array_get(out, 0), 2),
	                             "<w:tblInd w:w=\"1440\" "
	                             "w:type=\"dxa\"/>"));
	ck_assert_ptr_nonnull(strstr(item_box(json_array_get(out, 0), 2),
	                             "<w:gridCol w:w=\"7920\"/>"));
	ck_assert_str_eq(item_box(json_array_get(out, 1), 1), at_720);
	ck_assert(strncmp(raw_text(json_array_get(out, 2)),
	                  "<w:tbl><w:tblPr><w:tblW w:w=\"5000\"", 34) == 0);
	json_decref(out);
	/* a second run changes nothing */
	out = finished("[" ITEM("{'t':'RawBlock','c':['openxml','<w:tbl>"
	               "<w:tblPr><w:tblW w:w=\\\"4615\\\" "
	               "w:type=\\\"pct\\\"/></w:tbl>']}") "]");
	ck_assert_str_eq(item_box(json_array_get(out, 0), 1),
	                 "<w:tbl><w:tblPr><w:tblW w:w=\"4615\" w:type=\"pct\"/>"
	                 "</w:tbl>");
	json_decref(out);
	/* a note numbers its blocks afresh: a box in it is not indented */
	out = finished("[" ITEM("{'t':'Para','c':[{'t':'Note','c':[" BOX
	               ",{'t':'Para','c':[]}]}]}") "]");
	ck_assert(!dumps_have(out, "tblInd"));
	json_decref(out);
}
END_TEST

START_TEST(docx_boxes_in_lists_rtl)
{
	/* a list read right to left (pandoc: the metadata's dir, or a Div's)
	 * is indented from the right: its box keeps the left margin, and is
	 * narrowed alone; a language alone turns no list */
	json_t *out = finished_meta("{'dir':{'t':'MetaString','c':'rtl'}}",
	                            "[" ITEM(BOX) "]");

	ck_assert(!dumps_have(out, "tblInd"));
	ck_assert(dumps_have(out, "4615"));
	json_decref(out);
	out = finished("[{'t':'Div','c':[['',[],[['dir','rtl']]],["
	               ITEM(BOX) "]]}]");
	ck_assert(!dumps_have(out, "tblInd"));
	ck_assert(dumps_have(out, "4615"));
	json_decref(out);
	out = finished_meta("{'lang':{'t':'MetaString','c':'ar'}}",
	                    "[" ITEM(BOX) "]");
	ck_assert(dumps_have(out, "tblInd"));
	json_decref(out);
}
END_TEST

/* The blocks of the Note in the first Para of `blocks`. */
static const json_t *note_blocks(const json_t *blocks)
{
	return dm_content(json_array_get(dm_content(json_array_get(blocks,
	                                                           0)), 0));
}

START_TEST(docx_note_closed)
{
	/* a note ending with a box (in a Div too) ends with a paragraph;
	 * once */
	json_t *out = finished("[{'t':'Para','c':[{'t':'Note','c':["
	                       "{'t':'Para','c':[]},{'t':'Div','c':[['',[],[]],"
	                       "[" BOX "]]}]}]}]");
	json_t *again;
	const json_t *note = note_blocks(out);
	char *text;

	ck_assert_int_eq(json_array_size(note), 3);
	ck_assert(strncmp(raw_text(json_array_get(note, 2)),
	                  "<w:p><w:pPr><w:spacing", 22) == 0);
	text = t_dumps(out);
	again = finished(text);
	free(text);
	ck_assert_int_eq(json_array_size(note_blocks(again)), 3);
	json_decref(again);
	json_decref(out);
	/* a note ending with a paragraph, or a table of pandoc's: alone */
	out = finished("[{'t':'Para','c':[{'t':'Note','c':[" BOX ","
	               "{'t':'Para','c':[]}]}]}]");
	ck_assert_int_eq(json_array_size(note_blocks(out)), 2);
	json_decref(out);
}
END_TEST

/* Words, spaces, emphasis, a link, code, characters XML escapes. */
static const char words[] =
	"[{'t':'Plain','c':[{'t':'Str','c':'Photo'},{'t':'Space'},"
	"{'t':'Str','c':'by'},{'t':'Space'},{'t':'Link','c':[['',[],[]],"
	"[{'t':'Str','c':'A&B'},{'t':'Space'},{'t':'Str','c':'<C>'}],"
	"['https://example.org/?a=1&b=2','']]},{'t':'Space'},"
	"{'t':'Emph','c':[{'t':'Str','c':'on'},{'t':'Space'},"
	"{'t':'Str','c':'x'}]},{'t':'Space'},"
	"{'t':'Code','c':[['',[],[]],'c\\\"d']}]}]";

/* Emphasis nested in emphasis reads back in another shape, which the
 * same runs stand for. */
static const char nested[] =
	"[{'t':'Para','c':[{'t':'Emph','c':[{'t':'Str','c':'on'},"
	"{'t':'Space'},{'t':'Strong','c':[{'t':'Str','c':'x'}]}]},"
	"{'t':'LineBreak'},{'t':'Superscript','c':[{'t':'Str','c':'2'}]}]}]";

START_TEST(small_runs_read_back)
{
	json_t *blocks = t_json(Q(words));
	const json_t *ils;

	ck_assert_int_eq(dmp_box_small_runs(blocks, 18), 0);
	ils = dm_content(json_array_get(blocks, 0));
	ck_assert_str_eq(dm_tag(json_array_get(ils, 0)), "RawInline");
	ck_assert_str_eq(raw_text(json_array_get(ils, 0)),
	                 "<w:r><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val="
	                 "\"18\"/></w:rPr><w:t xml:space=\"preserve\">"
	                 "Photo by </w:t></w:r>");
	ck_assert_str_eq(dm_tag(json_array_get(ils, 1)), "Link");
	ck_assert_ptr_nonnull(strstr(raw_text(json_array_get(json_array_get(
	        dm_content(json_array_get(ils, 1)), 1), 0)),
	        "A&amp;B &lt;C&gt;"));
	ck_assert_int_eq(dm_box_plain_runs(blocks), 0);
	t_assert_json(blocks, Q(words));
	json_decref(blocks);
}
END_TEST

START_TEST(small_runs_stable)
{
	json_t *once = t_json(Q(nested)), *twice;

	ck_assert_int_eq(dmp_box_small_runs(once, 18), 0);
	twice = json_deep_copy(once);
	ck_assert_int_eq(dm_box_plain_runs(twice), 0);
	ck_assert_str_eq(dm_tag(json_array_get(dm_content(json_array_get(
	                         twice, 0)), 0)), "Emph");
	ck_assert_int_eq(dmp_box_small_runs(twice, 18), 0);
	ck_assert(json_equal(once, twice));
	json_decref(once);
	json_decref(twice);
}
END_TEST

START_TEST(footer_docx_small)
{
	dm_box b = {.role = DM_BOX_FOOTER, .type = "dm-credits",
	            .style = "DM Credits"};
	json_t *out = render(&b, DM_FMT_DOCX, Q(title), Q(words));
	json_t *div = json_array_get(out, 0), *blocks = dm_node_blocks(div);

	ck_assert_str_eq(dm_attr_get(dm_node_attr(div), "custom-style"),
	                 "DM Credits");
	ck_assert(dm_attr_has_class(dm_node_attr(div), "dm-credits"));
	ck_assert_ptr_nonnull(strstr(raw_text(json_array_get(blocks, 0)),
	                             "<w:pBdr><w:top"));
	json_array_remove(blocks, 0);
	ck_assert_int_eq(dm_box_plain_runs(blocks), 0);
	t_assert_json(blocks, Q(words));
	json_decref(out);
}
END_TEST

START_TEST(odt_styles)
{
	dm_box_kind kinds[] = {{"tension", {0xc2, 0x41, 0x0c}, "", "DM Tension"},
	                       {"mine", {0, 0, 0}, "", "DM A&B 2"}};
	dm_box_sheet s = {"test", kinds, 2, DM_BOX_LOOK_DEFAULT, false};
	dm_buf b = {0};
	const char *t;

	ck_assert_int_eq(dmp_box_odt_sheet(&s, false, &b), 0);
	t = dm_buf_str(&b);
	ck_assert(strncmp(t, "<office:styles>", 15) == 0);
	ck_assert_ptr_nonnull(strstr(t, "style:name=\"DM_20_Tension\" "
	                                "style:display-name=\"DM Tension\""));
	ck_assert_ptr_nonnull(strstr(t, "style:name=\"DM_20_Tension_20_Title\""));
	ck_assert_ptr_nonnull(strstr(t, "fo:border-left=\"3pt solid #c2410c\""));
	ck_assert_ptr_nonnull(strstr(t, "fo:background-color=\"#faf0ec\""));
	/* a name of the user's own: an XML name, its display escaped */
	ck_assert_ptr_nonnull(strstr(t, "style:name=\"DM_20_A_26_B_20_2\" "
	                                "style:display-name=\"DM A&amp;B 2\""));
	dm_buf_free(&b);
}
END_TEST

/* Whether any RawBlock of `out` holds `s`. */
static bool raw_has(const json_t *out, const char *s)
{
	size_t i;

	for (i = 0; i < json_array_size(out); i++)
		if (dm_is(json_array_get(out, i), "RawBlock") &&
		    strstr(raw_text(json_array_get(out, i)), s))
			return true;
	return false;
}

START_TEST(epub_styles_in_place)
{
	dm_box b = {.type = "tension", .fold = DM_BOX_FOLD_CLOSED};
	json_t *out = render(&b, DM_FMT_EPUB2, Q(title), Q(para));

	ck_assert(raw_has(out, "style=\"margin:1.25em 0;"));
	ck_assert(raw_has(out, "background-color:#faf0ec;color:#1f2328"));
	ck_assert(!raw_has(out, "role=") && !raw_has(out, "aria-"));
	ck_assert(!raw_has(out, "<details")); /* a book does not fold */
	json_decref(out);
	out = render(&b, DM_FMT_EPUB, Q(title), Q(para));
	ck_assert(raw_has(out, "role=\"note\" aria-label=\"Why\""));
	ck_assert(!raw_has(out, "<details"));
	json_decref(out);
	b.role = DM_BOX_FOOTER;
	b.type = "dm-credits";
	out = render(&b, DM_FMT_EPUB2, Q(title), Q(para));
	ck_assert(raw_has(out, "<div class=\"dm-credits\" style="));
	ck_assert(!raw_has(out, "<footer") && !raw_has(out, "role="));
	json_decref(out);
}
END_TEST

Suite *box_formats_suite(void)
{
	Suite *s = suite_create("box-formats");
	TCase *tc = tcase_create("box-formats");

	tcase_add_test(tc, docx_callout_is_a_table);
	tcase_add_test(tc, docx_looks);
	tcase_add_test(tc, docx_tables_parted);
	tcase_add_test(tc, docx_boxes_in_lists);
	tcase_add_test(tc, docx_boxes_in_lists_rtl);
	tcase_add_test(tc, docx_note_closed);
	tcase_add_test(tc, small_runs_read_back);
	tcase_add_test(tc, small_runs_stable);
	tcase_add_test(tc, footer_docx_small);
	tcase_add_test(tc, odt_styles);
	tcase_add_test(tc, epub_styles_in_place);
	suite_add_tcase(s, tc);
	return s;
}
