/*
 * test_box.c - a box to blocks for an output format (src/box.c): every
 * family has a renderer for every role, footers as the credits footer is
 * drawn, the id kept around raw renderings, groups; the html icons, the
 * stylesheet at the top of the body (stylesheet: inline) and that
 * option's values.
 */
#include <string.h>

#include "suites.h"

#include "box.h"
#include "render.h"

/* Renders a box whose title and body are given as JSON text. */
static json_t *render(dm_box *b, dm_family family, const char *title,
                      const char *body)
{
	json_t *out = json_array(), *t = t_json(title), *bl = t_json(body);
	dm_error err;

	dm_error_clear(&err);
	b->title = t;
	b->body = bl;
	ck_assert_int_eq(dm_box_render(b, family, out, &err), 0);
	json_decref(t);
	json_decref(bl);
	return out;
}

static const char title[] = "[{'t':'Str','c':'Credits'}]";
static const char body[] =
	"[{'t':'BulletList','c':[[{'t':'Plain','c':[{'t':'Str','c':'a'}]}]]}]";

START_TEST(every_family_every_role)
{
	dm_family f;
	int role;

	for (f = DM_FMT_HTML; f <= DM_FMT_OTHER; f++)
		for (role = DM_BOX_CALLOUT; role <= DM_BOX_FOOTER; role++) {
			dm_box b = {.role = (dm_box_role)role, .type = "note",
			            .label = "Note", .style = "DM Note"};
			json_t *out = render(&b, f, Q(title), Q(body));
			ck_assert_msg(json_array_size(out) > 0, "%s role %d",
			              dm_family_name(f), role);
			json_decref(out);
		}
}
END_TEST

START_TEST(footer_html)
{
	dm_box b = {.role = DM_BOX_FOOTER, .type = "dm-credits"};
	json_t *out = render(&b, DM_FMT_HTML, Q(title), Q(body));

	t_assert_json(out, Q("[{'t':'RawBlock','c':['html','<footer class="
	                     "\\'dm-credits\\' role=\\'group\\' aria-label="
	                     "\\'Credits\\'>']},"
	                     "{'t':'BulletList','c':[[{'t':'Plain','c':[{'t':"
	                     "'Str','c':'a'}]}]]},"
	                     "{'t':'RawBlock','c':['html','</footer>']}]"));
	json_decref(out);
}
END_TEST

START_TEST(footer_odt_paras)
{
	dm_box b = {.role = DM_BOX_FOOTER, .type = "dm-credits",
	            .style = "DM Credits"};
	json_t *out = render(&b, DM_FMT_ODT, Q(title), Q(body));

	t_assert_json(out, Q("[{'t':'Div','c':[['',['dm-credits'],[["
	                     "'custom-style','DM Credits']]],"
	                     "[{'t':'HorizontalRule'},"
	                     "{'t':'BulletList','c':[[{'t':'Plain','c':[{'t':"
	                     "'Str','c':'a'}]}]]}]]}]"));
	json_decref(out);
}
END_TEST

START_TEST(footer_latex_and_other)
{
	dm_box b = {.role = DM_BOX_FOOTER, .type = "dm-credits"};
	json_t *out = render(&b, DM_FMT_LATEX, Q(title), "[]");

	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(
	                         json_array_get(out, 0), "c"), 1)),
	                 "\\par\\nopagebreak\\medskip\n\\begingroup"
	                 "\\footnotesize\\csname @beginparpenalty\\endcsname"
	                 "=10000 % dm-credits");
	t_assert_json(json_array_get(out, 1),
	              Q("{'t':'RawBlock','c':['latex','\\\\par"
	                "\\\\endgroup % dm-credits']}"));
	json_decref(out);
	out = render(&b, DM_FMT_GFM, Q(title), "[]");
	t_assert_json(out, Q("[{'t':'HorizontalRule'}]"));
	json_decref(out);
}
END_TEST

/* A footer rendered for every family is found again by the marks
 * dm_box_footer_marks() gives: its first and last raw blocks, a rule
 * first, or a Div of its class. */
START_TEST(footer_marks_find_the_footer)
{
	dm_family f;

	for (f = DM_FMT_HTML; f <= DM_FMT_OTHER; f++) {
		dm_box b = {.role = DM_BOX_FOOTER, .type = "dm-credits",
		            .style = "DM Credits"};
		json_t *out = render(&b, f, Q(title), Q(body));
		const json_t *first = json_array_get(out, 0);
		const json_t *last = json_array_get(out,
		                                    json_array_size(out) - 1);
		dm_box_marks m;

		ck_assert_int_eq(dm_box_footer_marks(f, "dm-credits", &m), 0);
		switch (m.kind) {
		case DM_BOX_MARK_RAW:
			ck_assert_msg(dm_render_is_raw(first, m.format, m.open),
			              "%s: opening", dm_family_name(f));
			ck_assert_msg(dm_render_is_raw(last, m.format, m.close) &&
			              strcmp(json_string_value(dm_field(last, 1)),
			                     m.close) == 0,
			              "%s: closing", dm_family_name(f));
			break;
		case DM_BOX_MARK_RULE:
			ck_assert_int_eq(dm_type_of(first),
			                 DM_T_HORIZONTAL_RULE);
			break;
		case DM_BOX_MARK_DIV:
		default:
			ck_assert_msg(json_array_size(out) == 1 &&
			              dm_attr_has_class(dm_node_attr(first), "dm-credits"),
			              "%s: a Div", dm_family_name(f));
			break;
		}
		dm_box_marks_free(&m);
		json_decref(out);
	}
}
END_TEST

START_TEST(callout_id_kept)
{
	json_t *attr = t_json(Q("['top',[],[]]"));
	dm_box b = {.type = "note", .attr = attr};
	json_t *out = render(&b, DM_FMT_LATEX, Q(title), "[]");

	ck_assert_int_eq(json_array_size(out), 1);
	ck_assert_str_eq(dm_tag(json_array_get(out, 0)), "Div");
	ck_assert_str_eq(dm_attr_id(dm_node_attr(json_array_get(out, 0))),
	                 "top");
	json_decref(out);
	out = render(&b, DM_FMT_JSON, Q(title), "[]");
	t_assert_json(out, Q("[{'t':'Div','c':[['top',['callout',"
	                     "'callout-note'],[['title','Credits']]],[]]}]"));
	json_decref(out);
	json_decref(attr);
}
END_TEST

START_TEST(groups)
{
	json_t *out = json_array();
	dm_error err;

	dm_error_clear(&err);
	ck_assert(dm_box_groups(DM_FMT_HTML) && !dm_box_groups(DM_FMT_LATEX));
	ck_assert_int_eq(dm_box_group(DM_FMT_JSON, t_json(Q("[{'t':'Null'}]")),
	                              out, &err), 0);
	t_assert_json(out, Q("[{'t':'Div','c':[['',['callout-group'],[]],"
	                     "[{'t':'Null'}]]}]"));
	json_array_clear(out);
	ck_assert_int_eq(dm_box_group(DM_FMT_LATEX, t_json(Q("[{'t':'Null'}]")),
	                              out, &err), 0);
	t_assert_json(out, Q("[{'t':'Null'}]"));
	json_decref(out);
}
END_TEST

/* An icon of the set is inline SVG in the title; text is a data-icon
 * attribute, escaped; no icon text: an empty span (the stylesheet's). */
START_TEST(icons)
{
	dm_box b = {.role = DM_BOX_CALLOUT, .type = "note", .icon = true,
	            .icon_text = "alert"};
	json_t *out = render(&b, DM_FMT_HTML, Q(title), Q(body));
	char *s = t_dumps(out);
	dm_buf svg = {0};
	size_t i;

	ck_assert_ptr_nonnull(strstr(s, "<span class=\\\"callout-icon\\\" "
	                                "aria-hidden=\\\"true\\\"><svg "));
	ck_assert_ptr_nonnull(strstr(s, "M12 3.5 2.5 20h19z"));
	free(s);
	json_decref(out);
	b.icon_text = "<b>&";
	out = render(&b, DM_FMT_HTML, Q(title), Q(body));
	s = t_dumps(out);
	ck_assert_ptr_nonnull(strstr(s, "data-icon=\\\"&lt;b&gt;&amp;\\\">"));
	ck_assert_ptr_null(strstr(s, "<svg"));
	free(s);
	json_decref(out);
	ck_assert_int_eq(dm_box_icon_svg("nope", NULL), 0);
	ck_assert_int_eq(dm_box_icon_svg(NULL, NULL), 0);
	for (i = 0; dm_box_icon_name(i) != NULL; i++) {
		ck_assert_int_eq(dm_box_icon_svg(dm_box_icon_name(i), &svg), 1);
		ck_assert_ptr_nonnull(strstr(dm_buf_str(&svg), "</svg>"));
		dm_buf_free(&svg);
	}
	ck_assert_uint_ge(i, 8);
}
END_TEST

/* stylesheet: inline puts the sheet first in the body, once: two
 * owners' rules in one <style> element. */
START_TEST(body_sheet)
{
	dm_doc *doc = t_load(Q("{'pandoc-api-version':[1,23],'meta':{},"
	                       "'blocks':[{'t':'Para','c':[]}]}"));
	dm_error err;

	dm_error_clear(&err);
	ck_assert_int_eq(dm_box_body_sheet(doc, "<style>a</style>", &err), 0);
	ck_assert_int_eq(dm_box_body_sheet(doc, "<style>b</style>", &err), 0);
	ck_assert_int_eq(dm_box_body_sheet(doc, "<style>a</style>", &err), 0);
	ck_assert_int_eq(dm_box_body_sheet(doc, "<style>b</style>", &err), 0);
	t_assert_json(dm_doc_blocks(doc),
	              Q("[{'t':'RawBlock','c':['html','<style>ab</style>']},"
	                "{'t':'Para','c':[]}]"));
	dm_doc_free(doc);
}
END_TEST

START_TEST(sheet_option)
{
	static const struct {
		const char *value;
		int rc;
		bool sheet, in_body;
	} cases[] = {
		{NULL, 0, true, false},
		{"{'t':'MetaBool','c':false}", 0, false, false},
		{"{'t':'MetaString','c':'inline'}", 0, true, true},
		{"{'t':'MetaString','c':'TRUE'}", 0, true, false},
		{"{'t':'MetaInlines','c':[{'t':'Str','c':'false'}]}", 0, false,
		 false},
		{"{'t':'MetaString','c':'maybe'}", -1, true, false},
		{"{'t':'MetaMap','c':{}}", -1, true, false},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		json_t *v = cases[i].value ? t_json(Q(cases[i].value)) : NULL;
		bool sheet = false, in_body = true;
		dm_error err;

		dm_error_clear(&err);
		ck_assert_int_eq(dm_box_read_sheet_option(v, "meta.x", &sheet,
		                                          &in_body, &err),
		                 cases[i].rc);
		if (cases[i].rc == 0) {
			ck_assert_msg(sheet == cases[i].sheet, "case %zu", i);
			ck_assert_msg(in_body == cases[i].in_body, "case %zu",
			              i);
		} else {
			ck_assert_int_eq(err.code, DM_EOPTION);
		}
		json_decref(v);
	}
}
END_TEST

Suite *box_suite(void)
{
	Suite *s = suite_create("box");
	TCase *tc = tcase_create("box");

	tcase_add_test(tc, every_family_every_role);
	tcase_add_test(tc, footer_html);
	tcase_add_test(tc, footer_odt_paras);
	tcase_add_test(tc, footer_latex_and_other);
	tcase_add_test(tc, footer_marks_find_the_footer);
	tcase_add_test(tc, callout_id_kept);
	tcase_add_test(tc, groups);
	tcase_add_test(tc, icons);
	tcase_add_test(tc, body_sheet);
	tcase_add_test(tc, sheet_option);
	suite_add_tcase(s, tc);
	return s;
}
