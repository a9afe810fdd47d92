/*
 * test_validate.c - the node shapes and the validator (src/schema.c).
 *
 * JSON in this file is written with ' for " (see Q() in suites.h).
 */
#include <string.h>

#include "suites.h"

#define E "['',[],[]]" /* an empty Attr */
#define AD "{'t':'AlignDefault'}"
#define CW "{'t':'ColWidthDefault'}"
#define CS "[" AD "," CW "]" /* a ColSpec */
/* A cell holding `blocks`, a row of one cell, a table. */
#define CELL(blocks) "[" E "," AD ",1,1," blocks "]"
#define ROW(cell) "[" E ",[" cell "]]"
#define TABLE(cap, spec, head, ibody, body, foot)                           \
	"[{'t':'Table','c':[" E "," cap ",[" spec "],[" E ",[" head "]],"   \
	"[[" E ",0,[" ibody "],[" body "]]],[" E ",[" foot "]]]}]"
#define OK_CELL CELL("[{'t':'Plain','c':[{'t':'Str','c':'ok'}]}]")
#define BAD_CELL CELL("[{'t':'Plain','c':[{'t':'Str','c':1}]}]")
#define CIT(prefix, suffix, mode, extra)                                      \
	"{'citationId':'doe','citationPrefix':" prefix ",'citationSuffix':"   \
	suffix ",'citationMode':" mode ",'citationNoteNum':1" extra "}"
#define CITE(cits) "[{'t':'Para','c':[{'t':'Cite','c':[[" cits "],[]]}]}]"
#define NC "{'t':'NormalCitation'}"

static const struct {
	int minor;
	const char *meta;   /* NULL: {} */
	const char *blocks; /* NULL: [] */
	const char *where;  /* NULL: accepted */
	const char *what;
} cases[] = {
	/* top-level blocks */
	{23, NULL, "[{'t':'Para','c':'x'}]", "blocks[0].c",
	 "Para: expected a list of inlines"},
	{23, NULL, "[{'t':'Para','c':[{'t':'Str','c':5}]}]", "blocks[0].c[0].c",
	 "Str: expected a string"},
	{23, NULL, "[{'t':'Para'}]", "blocks[0]", "Para: missing \"c\""},
	{23, NULL, "[{'t':'HorizontalRule'},[]]", "blocks[1]",
	 "expected a Block object with \"t\""},
	{23, NULL, "[{'c':[]}]", "blocks[0]", "expected a Block object"},
	{23, NULL, "[{'t':5,'c':[]}]", "blocks[0]", "expected a Block object"},
	{23, NULL, "[{'t':'Header','c':[1," E "]}]", "blocks[0].c",
	 "Header: expected an array of 3 fields"},
	{23, NULL, "[{'t':'Header','c':{}}]", "blocks[0].c",
	 "Header: expected an array of 3 fields"},
	/* attributes, targets, enumerations */
	{23, NULL, "[{'t':'Div','c':['',[],[]]}]", "blocks[0].c",
	 "Div: expected an array of 2 fields"},
	{23, NULL, "[{'t':'Div','c':[[1,[],[]],[]]}]", "blocks[0].c[0]",
	 "Div: expected an Attr [id, [class], [[key, value]]]"},
	{23, NULL, "[{'t':'Div','c':[['',['a',1],[]],[]]}]",
	 "blocks[0].c[0][1][1]", "Div: expected a string"},
	{23, NULL, "[{'t':'Div','c':[['',[],[['k','v'],['k']]],[]]}]",
	 "blocks[0].c[0][2][1]",
	 "Div: expected a [key, value] pair of strings"},
	{23, NULL, "[{'t':'CodeBlock','c':[['',[],[['k',2]]],'x']}]",
	 "blocks[0].c[0][2][0]", "CodeBlock: expected a [key, value] pair"},
	{23, NULL, "[{'t':'Para','c':[{'t':'Link','c':[" E ",[],['u']]}]}]",
	 "blocks[0].c[0].c[2]", "Link: expected a target [url, title]"},
	{23, NULL, "[{'t':'Para','c':[{'t':'Quoted','c':[{'t':'TripleQuote'},"
	           "[]]}]}]", "blocks[0].c[0].c[0]",
	 "Quoted: expected a QuoteType"},
	{23, NULL, "[{'t':'Para','c':[{'t':'Quoted','c':[{'t':'SingleQuote',"
	           "'c':[1]},[]]}]}]", "blocks[0].c[0].c[0]",
	 "Quoted: expected a QuoteType"},
	{23, NULL, "[{'t':'Para','c':[{'t':'Math','c':['InlineMath','x']}]}]",
	 "blocks[0].c[0].c[0]", "Math: expected a MathType"},
	{23, NULL, "[{'t':'RawBlock','c':['html',null]}]", "blocks[0].c[1]",
	 "RawBlock: expected a string"},
	/* lists and list items */
	{23, NULL, "[{'t':'BulletList','c':[[{'t':'Plain','c':[]}],[{'t':"
	           "'Para','c':[{'t':'Space'},{'t':'Str'}]}]]}]",
	 "blocks[0].c[1][0].c[1]", "Str: missing \"c\""},
	{23, NULL, "[{'t':'BulletList','c':[[],{}]}]", "blocks[0].c[1]",
	 "BulletList: expected a list of blocks"},
	{23, NULL, "[{'t':'OrderedList','c':[[1,{'t':'Roman'},{'t':'Period'}],"
	           "[]]}]", "blocks[0].c[0][1]",
	 "OrderedList: expected a ListNumberStyle"},
	{23, NULL, "[{'t':'OrderedList','c':[[1,{'t':'Decimal'},{'t':'Dot'}],"
	           "[]]}]", "blocks[0].c[0][2]",
	 "OrderedList: expected a ListNumberDelim"},
	{23, NULL, "[{'t':'OrderedList','c':[[1.5,{'t':'Decimal'},"
	           "{'t':'Period'}],[]]}]", "blocks[0].c[0]",
	 "OrderedList: expected ListAttributes"},
	{23, NULL, "[{'t':'OrderedList','c':[[3,{'t':'Decimal'},"
	           "{'t':'Period'}],[[{'t':'Plain','c':[]}],[{'t':'Div','c':["
	           E ",[{'t':'Plain','c':[{'t':'Emph','c':[{'t':'Str','c':"
	           "[]}]}]}]]}]]]}]",
	 "blocks[0].c[1][1][0].c[1][0].c[0].c[0].c",
	 "Str: expected a string"},
	{23, NULL, "[{'t':'DefinitionList','c':[[[{'t':'Str','c':'t'}],[[{'t':"
	           "'Para','c':[{'t':'Str','c':3}]}]]]]}]",
	 "blocks[0].c[0][1][0][0].c[0].c", "Str: expected a string"},
	{23, NULL, "[{'t':'DefinitionList','c':[[[{'t':'Str','c':'t'}],[[]],"
	           "3]]}]", "blocks[0].c[0]",
	 "DefinitionList: expected a [term, definitions] pair"},
	{23, NULL, "[{'t':'DefinitionList','c':[[[{'t':'Str'}],[]]]}]",
	 "blocks[0].c[0][0][0]", "Str: missing \"c\""},
	{23, NULL, "[{'t':'LineBlock','c':[[{'t':'Str','c':'a'}],[{'t':"
	           "'Str'}]]}]", "blocks[0].c[1][0]", "Str: missing \"c\""},
	{23, NULL, "[{'t':'LineBlock','c':[[],{}]}]", "blocks[0].c[1]",
	 "LineBlock: expected a list of inlines"},
	{23, NULL, "[{'t':'LineBlock','c':{}}]", "blocks[0].c",
	 "LineBlock: expected a list of lines (lists of inlines)"},
	{23, NULL, "[{'t':'DefinitionList','c':[[[],[{}]]]}]",
	 "blocks[0].c[0][1][0]", "DefinitionList: expected a list of blocks"},
	{23, NULL, "[{'t':'BlockQuote','c':[{'t':'Para','c':[{'t':'Note','c':["
	           "{'t':'Para','c':[{'t':'Str','c':1}]}]}]}]}]",
	 "blocks[0].c[0].c[0].c[0].c[0].c", "Str: expected a string"},
	/* tables: head, intermediate head, body, foot, caption, specs */
	{23, NULL, TABLE("[null,[]]", CS, ROW(OK_CELL), ROW(OK_CELL),
	                 ROW(OK_CELL), ROW(OK_CELL)), NULL, NULL},
	{23, NULL, TABLE("[null,[]]", CS, ROW(BAD_CELL), "", "", ""),
	 "blocks[0].c[3][1][0][1][0][4][0].c[0].c", "Str: expected a string"},
	{23, NULL, TABLE("[null,[]]", CS, "", ROW(OK_CELL),
	                 ROW(OK_CELL "," BAD_CELL), ""),
	 "blocks[0].c[4][0][3][0][1][1][4][0].c[0].c",
	 "Str: expected a string"},
	{23, NULL, TABLE("[null,[]]", CS, "", ROW(BAD_CELL), "", ""),
	 "blocks[0].c[4][0][2][0][1][0][4][0].c[0].c",
	 "Str: expected a string"},
	{23, NULL, TABLE("[null,[]]", CS, "", "", "", ROW(BAD_CELL)),
	 "blocks[0].c[5][1][0][1][0][4][0].c[0].c", "Str: expected a string"},
	{23, NULL, TABLE("[null,[]]", CS, "", "",
	                 ROW("[" E "," AD ",1.5,1,[]]"), ""),
	 "blocks[0].c[4][0][3][0][1][0][2]", "Table: expected an integer"},
	{23, NULL, TABLE("[null,[]]", CS, "", "",
	                 ROW("[" E "," AD ",2.0,1e0,[]]"), ""), NULL, NULL},
	{23, NULL, TABLE("[null,[]]", CS, "", "",
	                 ROW("[" E ",{'t':'AlignMiddle'},1,1,[]]"), ""),
	 "blocks[0].c[4][0][3][0][1][0][1]", "Table: expected an Alignment"},
	{23, NULL, TABLE("[null,[]]", CS, "", "", ROW("[" E "]"), ""),
	 "blocks[0].c[4][0][3][0][1][0]", "Table: expected a Cell"},
	{23, NULL, TABLE("[null,[]]", "[" AD ",{'t':'ColWidth','c':0.5}],["
	                 AD ",{'t':'ColWidth','c':1}]", "", "", "", ""),
	 NULL, NULL},
	{23, NULL, TABLE("[null,[]]", "[" AD ",{'t':'ColWidth','c':0.5}],["
	                 AD ",{'t':'ColWidth','c':'x'}]", "", "", "", ""),
	 "blocks[0].c[2][1][1]", "Table: ColWidth: expected a number"},
	{23, NULL, TABLE("[null,[]]", "[{'t':'AlignUp'}," CW "]", "", "", "",
	                 ""), "blocks[0].c[2][0][0]",
	 "Table: expected an Alignment"},
	{23, NULL, TABLE("[[{'t':'Str'}],[]]", "", "", "", "", ""),
	 "blocks[0].c[1][0][0]", "Str: missing \"c\""},
	{23, NULL, TABLE("[null,[{'t':'Para','c':[{'t':'Para','c':[]}]}]]", "",
	                 "", "", "", ""), "blocks[0].c[1][1][0].c[0]",
	 "Para where Inline belongs"},
	{23, NULL, TABLE("[null]", "", "", "", "", ""), "blocks[0].c[1]",
	 "Table: expected a Caption [short, [Block]]"},
	{23, NULL, "[{'t':'Table','c':[" E ",[null,[]],[],[" E ",[]],[[" E
	           ",1.5,[],[]]],[" E ",[]]]}]", "blocks[0].c[4][0][1]",
	 "Table: expected an integer"},
	/* figures: 1.23 only, captions checked */
	{23, NULL, "[{'t':'Figure','c':[" E ",[null,[{'t':'Plain','c':[{'t':"
	           "'Str','c':null}]}]],[]]}]", "blocks[0].c[1][1][0].c[0].c",
	 "Str: expected a string"},
	{23, NULL, "[{'t':'Figure','c':[" E ",[[{'t':'Str','c':'s'}],[]],[{'t':"
	           "'Plain','c':[{'t':'Image','c':[" E ",[],['a.png','']]}]}]]}"
	           "]",
	 NULL, NULL},
	{22, NULL, "[{'t':'Figure','c':[" E ",[null,[]],[]]}]", "blocks[0]",
	 "Figure does not exist in pandoc-api-version 1.22 (only in 1.23)"},
	{22, NULL, "[{'t':'Div','c':[" E ",[{'t':'Figure','c':[" E ",[null,[]],"
	           "[]]}]]}]", "blocks[0].c[1][0]",
	 "Figure does not exist in pandoc-api-version 1.22"},
	{23, NULL, "[{'t':'Null'}]", "blocks[0]",
	 "Null does not exist in pandoc-api-version 1.23 (only in 1.22)"},
	{22, NULL, "[{'t':'Null'},{'t':'Null','c':[]}]", NULL, NULL},
	/* citations */
	{23, NULL, CITE(CIT("[]", "[]", NC, ",'citationHash':0")), NULL, NULL},
	{23, NULL, CITE(CIT("[]", "[{'t':'Str','c':'p'},{'t':'Emph','c':{}}]",
	                    NC, ",'citationHash':0")),
	 "blocks[0].c[0].c[0][0].citationSuffix[1].c",
	 "Emph: expected a list of inlines"},
	{23, NULL, CITE(CIT("[]", "[]", NC, ",'citationHash':0") ","
	                CIT("[{'t':'Str','c':'see'},{'t':'Para','c':[]}]",
	                    "[]", NC, ",'citationHash':0")),
	 "blocks[0].c[0].c[0][1].citationPrefix[1]",
	 "Para where Inline belongs"},
	{23, NULL, CITE(CIT("[]", "[]", NC, "")), "blocks[0].c[0].c[0][0]",
	 "Citation: missing \"citationHash\""},
	{23, NULL, CITE(CIT("[]", "[]", "{'t':'Normal'}", ",'citationHash':0")),
	 "blocks[0].c[0].c[0][0].citationMode",
	 "Citation: expected a CitationMode"},
	{23, NULL, CITE(CIT("[]", "[]", NC, ",'citationHash':'0'")),
	 "blocks[0].c[0].c[0][0].citationHash",
	 "Citation: expected an integer"},
	{23, NULL, CITE(CIT("[]", "[]", NC, ",'citationHash':0.0")), NULL,
	 NULL},
	{23, NULL, CITE("'doe'"), "blocks[0].c[0].c[0][0]",
	 "Cite: expected a Citation object"},
	/* metadata, at depth */
	{23, "{'a':{'t':'MetaMap','c':{'b':{'t':'MetaList','c':[{'t':"
	     "'MetaString','c':'ok'},{'t':'MetaInlines','c':[{'t':'Str'}]}]}}}"
	     "}",
	 NULL, "meta.a.c.b.c[1].c[0]", "Str: missing \"c\""},
	{23, "{'my key':{'t':'MetaBool','c':1}}", NULL, "meta[\"my key\"].c",
	 "MetaBool: expected true or false"},
	{23, "{'k':{'t':'MetaBlocks','c':[{'t':'Str','c':'x'}]}}", NULL,
	 "meta.k.c[0]", "Str where Block belongs"},
	{23, "{'k':{'t':'MetaList','c':[{'t':'MetaBlocks','c':[{'t':'Div',"
	     "'c':[" E ",[{'t':'Para','c':[{'t':'Space','c':1}]}]]}]}]}}", NULL,
	 "meta.k.c[0].c[0].c[1][0].c[0]", "Space: expected no contents"},
	{23, "{'k':{'t':'Para','c':[]}}", NULL, "meta.k",
	 "Para where MetaValue belongs"},
	{23, "{'k':{'t':'MetaMap','c':[]}}", NULL, "meta.k.c",
	 "MetaMap: expected an object of metadata values"},
	{23, "{'k':{'t':'MetaList','c':{}}}", NULL, "meta.k.c",
	 "MetaList: expected a list of metadata values"},
	{23, "{'k':{'t':'MetaString','c':1}}", NULL, "meta.k.c",
	 "MetaString: expected a string"},
	{23, "{'k':'v'}", NULL, "meta.k", "expected a MetaValue object"},
	/* the wrong kind of node */
	{23, NULL, "[{'t':'Str','c':'x'}]", "blocks[0]",
	 "Str where Block belongs"},
	{23, NULL, "[{'t':'Para','c':[{'t':'Plain','c':[]}]}]",
	 "blocks[0].c[0]", "Plain where Inline belongs"},
	{23, NULL, "[{'t':'MetaInlines','c':[]}]", "blocks[0]",
	 "MetaInlines where Block belongs"},
	{23, NULL, "[{'t':'Div','c':[" E ",[{'t':'Space'}]]}]",
	 "blocks[0].c[1][0]", "Space where Block belongs"},
	/* unknown node types pass, wherever they are */
	{23, "{'x':{'t':'MetaFuture','c':{'any':[1]}}}",
	 "[{'t':'Bogus','c':{'anything':[1,2]}},{'t':'Para','c':[{'t':"
	 "'FutureInline'},{'t':'Str','c':'a'}]},{'t':'Future','c':5}]",
	 NULL, NULL},
	/* nullary nodes: no c, c [] and c null */
	{23, NULL, "[{'t':'HorizontalRule'},{'t':'HorizontalRule','c':[]},"
	           "{'t':'HorizontalRule','c':null},{'t':'Para','c':[{'t':"
	           "'Space','c':[]},{'t':'SoftBreak','c':null},{'t':'LineBreak'"
	           ",'c':[]}]},{'t':'OrderedList','c':[[1,{'t':'Decimal','c':[]"
	           "},{'t':'Period','c':null}],[]]}]", NULL, NULL},
	{23, NULL, "[{'t':'HorizontalRule','c':[1]}]", "blocks[0]",
	 "HorizontalRule: expected no contents"},
	{23, NULL, "[{'t':'HorizontalRule','c':{}}]", "blocks[0]",
	 "HorizontalRule: expected no contents"},
	{23, NULL, "[{'t':'Para','c':[{'t':'Space','c':0}]}]",
	 "blocks[0].c[0]", "Space: expected no contents"},
	/* integers: 1.0 and 1e0 are integers, 1.5 and "1" are not */
	{23, NULL, "[{'t':'Header','c':[1.0," E ",[]]},{'t':'Header','c':[2e0,"
	           E ",[]]}]", NULL, NULL},
	{23, NULL, "[{'t':'Header','c':[1.5," E ",[]]}]", "blocks[0].c[0]",
	 "Header: expected an integer"},
	{23, NULL, "[{'t':'Header','c':['1'," E ",[]]}]", "blocks[0].c[0]",
	 "Header: expected an integer"},
	{23, NULL, "[{'t':'Header','c':[true," E ",[]]}]", "blocks[0].c[0]",
	 "Header: expected an integer"},
	{23, NULL, "[{'t':'OrderedList','c':[[1.0,{'t':'Decimal'},{'t':"
	           "'Period'}],[]]}]", NULL, NULL},
	/* reals past int64 are refused, not converted (undefined in C) */
	{23, NULL, "[{'t':'Header','c':[1e300," E ",[]]}]", "blocks[0].c[0]",
	 "Header: expected an integer"},
	{23, NULL, "[{'t':'Header','c':[-1e300," E ",[]]}]", "blocks[0].c[0]",
	 "Header: expected an integer"},
	{23, NULL, "[{'t':'Header','c':[9.3e18," E ",[]]}]", "blocks[0].c[0]",
	 "Header: expected an integer"},
	{23, NULL, "[{'t':'OrderedList','c':[[1e300,{'t':'Decimal'},{'t':"
	           "'Period'}],[]]}]", "blocks[0].c[0]",
	 "OrderedList: expected ListAttributes"},
	{23, NULL, "[{'t':'Header','c':[-9.2e18," E ",[]]}]", NULL, NULL},
};

START_TEST(shapes)
{
	dm_buf b = {0};
	dm_error err;

	dm_buf_printf(&b, "{'pandoc-api-version':[1,%d],'meta':%s,"
	                  "'blocks':%s}", cases[_i].minor,
	              cases[_i].meta ? cases[_i].meta : "{}",
	              cases[_i].blocks ? cases[_i].blocks : "[]");
	if (cases[_i].where == NULL) {
		dm_doc_free(t_load(Q(dm_buf_str(&b))));
	} else {
		ck_assert_int_eq(t_refuse(Q(dm_buf_str(&b)), &err), DM_EINPUT);
		ck_assert_msg(strncmp(err.what, "not a valid pandoc document: ",
		                      29) == 0, "%s", err.what);
		ck_assert_msg(strstr(err.what, cases[_i].what) != NULL,
		              "case %d: %s\nwant %s", _i, err.what,
		              cases[_i].what);
		ck_assert_str_eq(err.where, cases[_i].where);
	}
	dm_buf_free(&b);
}
END_TEST

/* dm_int_of(): integers, integral reals in int64's range (pandoc reads
 * 2.0 as 2), nothing else; a real past the range is refused before any
 * conversion (clang's -fsanitize=float-cast-overflow, make check
 * SAN=clang, would report one). */
START_TEST(int_of)
{
	static const struct {
		const char *json;
		bool ok;
		json_int_t want;
	} v[] = {
		{"[2]", true, 2}, {"[2.0]", true, 2}, {"[-3e0]", true, -3},
		{"[9.2e18]", true, 9200000000000000000},
		{"[-9.2e18]", true, -9200000000000000000},
		{"[9223372036854775807]", true, 9223372036854775807},
		{"[-9223372036854775808.0]", true, -9223372036854775807 - 1},
		{"[9223372036854775808.0]", false, 0}, /* 2^63 */
		{"[9.3e18]", false, 0}, {"[-9.3e18]", false, 0},
		{"[1e300]", false, 0}, {"[-1e300]", false, 0},
		{"[1.7976931348623157e308]", false, 0}, {"[2.5]", false, 0},
		{"[\"2\"]", false, 0}, {"[null]", false, 0},
	};
	size_t i;

	for (i = 0; i < sizeof v / sizeof *v; i++) {
		json_t *a = t_json(v[i].json);
		json_int_t got = -1;
		bool ok = dm_int_of(json_array_get(a, 0), &got);
		ck_assert_msg(ok == v[i].ok, "%s: %d", v[i].json, ok);
		if (ok)
			ck_assert_msg(got == v[i].want, "%s", v[i].json);
		json_decref(a);
	}
	ck_assert(!dm_int_of(NULL, &(json_int_t){0}));
}
END_TEST

/* dm_validate() on single nodes and lists, with and without a prefix. */
START_TEST(validate_directly)
{
	dm_error err;
	json_t *v;

	dm_error_clear(&err);
	v = t_json(Q("{'t':'Emph','c':[{'t':'Str','c':'a'},{'t':'Str'}]}"));
	ck_assert_int_eq(dm_validate(v, DM_INLINE, 23, "x", &err), -1);
	ck_assert_str_eq(err.where, "x.c[1]");
	ck_assert_int_eq(err.code, DM_EINPUT);
	json_decref(v);

	dm_error_clear(&err);
	v = t_json(Q("[{'t':'Str','c':'a'},{'t':'Para','c':[]}]"));
	ck_assert_int_eq(dm_validate(v, DM_INLINE, 22, NULL, &err), -1);
	ck_assert_str_eq(err.where, "[1]");
	ck_assert_ptr_nonnull(strstr(err.what, "Para where Inline belongs"));
	/* the same list as blocks: the Str is the first culprit */
	dm_error_clear(&err);
	ck_assert_int_eq(dm_validate(v, DM_BLOCK, 22, "b", &err), -1);
	ck_assert_str_eq(err.where, "b[0]");
	ck_assert_ptr_nonnull(strstr(err.what, "Str where Block belongs"));
	json_decref(v);

	dm_error_clear(&err);
	v = t_json(Q("{'a':{'t':'MetaBool','c':true},'b':{'t':'MetaString',"
	             "'c':2}}"));
	ck_assert_int_eq(dm_validate(v, DM_META, 23, "meta", &err), -1);
	ck_assert_str_eq(err.where, "meta.b.c");
	json_decref(v);

	dm_error_clear(&err);
	v = t_json(Q("{'t':'MetaInlines','c':[{'t':'Str','c':'x'}]}"));
	ck_assert_int_eq(dm_validate(v, DM_META, 23, "v", &err), 0);
	ck_assert_int_eq(err.code, DM_OK);
	ck_assert_int_eq(dm_validate(v, DM_BLOCK, 23, "v", &err), -1);
	ck_assert_str_eq(err.where, "v");
	json_decref(v);

	/* what the builders make is valid in both versions */
	dm_error_clear(&err);
	v = dm_div(dm_attr("d"), json_pack("[o]", dm_para(dm_text("a b"))));
	ck_assert_int_eq(dm_validate(v, DM_BLOCK, 22, NULL, &err), 0);
	ck_assert_int_eq(dm_validate(v, DM_BLOCK, 23, NULL, &err), 0);
	json_decref(v);
}
END_TEST

Suite *validate_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *tc = tcase_create("validate");

	tcase_add_loop_test(tc, shapes, 0,
	                    (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, validate_directly);
	tcase_add_test(tc, int_of);
	suite_add_tcase(s, tc);
	return s;
}
