/*
 * test_options.c - option tables (src/options.c) and node types
 * (src/schema.c): defaults, typed reads, unknown keys with "did you mean",
 * flat keys from pandoc -M, --help made from the table; dm_type_of.
 *
 * JSON in this file is written with ' for " (see Q() in suites.h).
 */
#include <stddef.h>
#include <string.h>

#include "suites.h"

#define MS(s) "{'t':'MetaString','c':'" s "'}"
#define MB(b) "{'t':'MetaBool','c':" b "}"
#define MI1(s) "{'t':'MetaInlines','c':[{'t':'Str','c':'" s "'}]}"
#define MAP(m) "{'t':'MetaMap','c':{" m "}}"

typedef struct opts {
	bool on, off;
	char *heading;
	json_t *title;
	json_t *footer;
	int look;
	int custom_calls;
	const json_t *custom_value;
} opts;

static const char *const looks[] = {"default", "simple", "minimal", NULL};

static int read_custom(dm_ctx *ctx, const json_t *value, const char *where,
                       void *state)
{
	opts *o = state;

	(void)ctx;
	(void)where;
	o->custom_calls++;
	o->custom_value = value;
	return 0;
}

static const dm_option_spec specs[] = {
	{"on", DM_OPT_BOOL, offsetof(opts, on), "true", NULL,
	 "an option that is on by default", NULL, NULL},
	{"off", DM_OPT_BOOL, offsetof(opts, off), "false", NULL, "off", NULL,
	 NULL},
	{"section-heading", DM_OPT_STRING, offsetof(opts, heading),
	 "The Direct Message", NULL, "the heading of the section", NULL, NULL},
	{"title", DM_OPT_INLINES, offsetof(opts, title), "Image credits",
	 NULL, "the footer's title", NULL, NULL},
	{"footer", DM_OPT_BLOCKS, offsetof(opts, footer), NULL, NULL,
	 "lines added below the credits", NULL, NULL},
	{"appearance", DM_OPT_CHOICE, offsetof(opts, look), "simple", NULL,
	 "the look of a box", looks, NULL},
	{"labels", DM_OPT_CUSTOM, 0, NULL, "TYPE: TEXT",
	 "a label for each type of callout, in any language, read by the "
	 "filter itself and wrapped here because it is long",
	 NULL, read_custom},
	{NULL, DM_OPT_BOOL, 0, NULL, NULL, NULL, NULL, NULL},
};

/* Reads `specs` from a document with metadata `meta`; returns the
 * status and leaves the message in *err. */
static int read_opts(const char *meta, opts *o, dm_error *err)
{
	dm_buf b = {0};
	dm_ctx ctx = {0};
	int rc;

	dm_buf_printf(&b, "{'pandoc-api-version':[1,23,1,2],'meta':%s,"
	                  "'blocks':[]}", meta);
	ctx.doc = t_load(Q(dm_buf_str(&b)));
	dm_buf_free(&b);
	dm_error_clear(err);
	ctx.err = err;
	memset(o, 0, sizeof *o);
	rc = dm_options_read(&ctx, "dm-x", specs, o);
	o->custom_value = NULL; /* borrowed from the document */
	dm_doc_free(ctx.doc);
	return rc;
}

START_TEST(defaults)
{
	dm_error err;
	opts o;

	ck_assert_int_eq(read_opts("{}", &o, &err), 0);
	ck_assert(o.on);
	ck_assert(!o.off);
	ck_assert_str_eq(o.heading, "The Direct Message");
	t_assert_json(o.title, Q("[{'t':'Str','c':'Image'},{'t':'Space'},"
	                         "{'t':'Str','c':'credits'}]"));
	ck_assert_ptr_null(o.footer);
	ck_assert_int_eq(o.look, 1); /* "simple" */
	ck_assert_int_eq(o.custom_calls, 1); /* called, with NULL */
	dm_options_free(specs, &o);
	ck_assert_ptr_null(o.heading);
	ck_assert_ptr_null(o.title);
}
END_TEST

START_TEST(values_from_the_map_and_flat_keys)
{
	dm_error err;
	opts o;

	ck_assert_int_eq(read_opts("{'dm-x':" MAP("'on':" MB("false") ","
	                           "'section-heading':" MI1("Kernaussage") ","
	                           "'appearance':" MS("minimal") ","
	                           "'footer':" MS("*Read* more")) ","
	                           "'dm-x.off':" MS("TRUE") ","
	                           "'dm-x.labels.tension':" MS("Spannung")
	                           "}", &o, &err), 0);
	ck_assert(!o.on);
	ck_assert(o.off); /* -M makes strings: "TRUE" is true */
	ck_assert_str_eq(o.heading, "Kernaussage");
	ck_assert_int_eq(o.look, 2);
	/* a -M string is Markdown: one paragraph with emphasis */
	t_assert_json(o.footer, Q("[{'t':'Para','c':[{'t':'Emph','c':[{'t':"
	                          "'Str','c':'Read'}]},{'t':'Space'},{'t':"
	                          "'Str','c':'more'}]}]"));
	ck_assert_int_eq(o.custom_calls, 1);
	dm_options_free(specs, &o);
}
END_TEST

START_TEST(unknown_keys)
{
	dm_error err;
	opts o;

	ck_assert_int_eq(read_opts("{'dm-x':" MAP("'apperance':" MS("simple"))
	                           "}", &o, &err), -1);
	ck_assert_int_eq(err.code, DM_EOPTION);
	ck_assert_str_eq(err.where, "meta.dm-x.apperance");
	ck_assert_str_eq(err.what, "unknown option \"apperance\" (did you "
	                           "mean appearance?)");
	dm_options_free(specs, &o);

	ck_assert_int_eq(read_opts("{'dm-x.zzz.q':" MS("1") "}", &o, &err),
	                 -1);
	ck_assert_str_eq(err.where, "meta[\"dm-x.zzz.q\"]");
	ck_assert_str_eq(err.what, "unknown option \"zzz\"");
	dm_options_free(specs, &o);

	ck_assert_int_eq(read_opts("{'dm-x':" MS("on") "}", &o, &err), -1);
	ck_assert_str_eq(err.what, "expected a map of dm-x options");
	dm_options_free(specs, &o);
}
END_TEST

START_TEST(wrong_values)
{
	dm_error err;
	opts o;

	ck_assert_int_eq(read_opts("{'dm-x':" MAP("'appearance':"
	                           MS("fancy")) "}", &o, &err), -1);
	ck_assert_str_eq(err.where, "meta.dm-x.appearance");
	ck_assert_str_eq(err.what, "unknown appearance \"fancy\" (expected "
	                           "default, simple or minimal)");
	dm_options_free(specs, &o);

	ck_assert_int_eq(read_opts("{'dm-x.on':" MS("maybe") "}", &o, &err),
	                 -1);
	ck_assert_str_eq(err.where, "meta[\"dm-x.on\"]");
	dm_options_free(specs, &o);

	ck_assert_int_eq(read_opts("{'dm-x':" MAP("'section-heading':"
	                           MAP("'a':" MB("true"))) "}", &o, &err), -1);
	ck_assert_str_eq(err.what, "expected text, found a map");
	dm_options_free(specs, &o);
}
END_TEST

START_TEST(help_from_the_table)
{
	dm_buf b = {0};

	ck_assert_int_eq(dm_options_help(specs, &b), 0);
	ck_assert_str_eq(dm_buf_str(&b),
	        "  on: BOOL              an option that is on by default "
	        "(default true)\n"
	        "  off: BOOL             off (default false)\n"
	        "  section-heading: TEXT the heading of the section (default "
	        "\"The Direct\n                        Message\")\n"
	        "  title: TEXT           the footer's title (default \"Image "
	        "credits\")\n"
	        "  footer: TEXT          lines added below the credits\n"
	        "  appearance: default | simple | minimal\n"
	        "                        the look of a box (default simple)\n"
	        "  labels: TYPE: TEXT    a label for each type of callout, in "
	        "any language,\n"
	        "                        read by the filter itself and wrapped "
	        "here because\n"
	        "                        it is long\n");
	dm_buf_free(&b);
}
END_TEST

START_TEST(types_from_the_table)
{
	json_t *n = t_json(Q("{'t':'BulletList','c':[]}"));

	ck_assert_int_eq(dm_type_of(n), DM_T_BULLET_LIST);
	json_decref(n);
	n = t_json(Q("{'t':'Bogus'}"));
	ck_assert_int_eq(dm_type_of(n), DM_T_UNKNOWN);
	json_decref(n);
	ck_assert_int_eq(dm_type_of(NULL), DM_T_UNKNOWN);
	ck_assert_int_eq(dm_type_of_tag("MetaBlocks"), DM_T_META_BLOCKS);
	ck_assert_int_eq(dm_type_of_tag(""), DM_T_UNKNOWN);
	/* every type's tag names it again, and has the right kind */
	for (int t = DM_T_UNKNOWN + 1; t < DM_T_COUNT; t++)
		ck_assert_int_eq(dm_type_of_tag(dm_type_tag((dm_type)t)), t);
	ck_assert_int_eq(dm_type_kind(DM_T_FIGURE), DM_BLOCK);
	ck_assert_int_eq(dm_type_kind(DM_T_NOTE), DM_INLINE);
	ck_assert_int_eq(dm_type_kind(DM_T_META_MAP), DM_META);
	ck_assert_str_eq(dm_type_tag(DM_T_SOFT_BREAK), "SoftBreak");
	ck_assert_ptr_null(dm_type_tag(DM_T_UNKNOWN));
}
END_TEST

Suite *options_suite(void)
{
	Suite *s = suite_create("options");
	TCase *tc = tcase_create("options");

	tcase_add_test(tc, defaults);
	tcase_add_test(tc, values_from_the_map_and_flat_keys);
	tcase_add_test(tc, unknown_keys);
	tcase_add_test(tc, wrong_values);
	tcase_add_test(tc, help_from_the_table);
	tcase_add_test(tc, types_from_the_table);
	suite_add_tcase(s, tc);
	return s;
}
