/*
 * test_walk.c - the walker (src/walk.c).
 *
 * The walker's visits are logged as "E:Tag" (ENTER) and "X:Tag" (EXIT),
 * "E:Str(text)" for Str, and compared with orders computed here, from the
 * JSON alone, without the library's schema table.
 *
 * JSON in this file is written with ' for " (see Q() in suites.h).
 */
#include <ctype.h>
#include <string.h>

#include "suites.h"

/* ------------------------------------------------------------------------
 * An independent model: which tags are Blocks and Inlines (pandoc-types),
 * and where a JSON path leads.
 * ------------------------------------------------------------------------ */

static const char *const node_tags[] = {
	"Plain", "Para", "LineBlock", "CodeBlock", "RawBlock", "BlockQuote",
	"OrderedList", "BulletList", "DefinitionList", "Header",
	"HorizontalRule", "Table", "Figure", "Div", "Null",
	"Str", "Emph", "Underline", "Strong", "Strikeout", "Superscript",
	"Subscript", "SmallCaps", "Quoted", "Cite", "Code", "Space",
	"SoftBreak", "LineBreak", "Math", "RawInline", "Link", "Image", "Note",
	"Span", NULL,
};

static bool is_node(const json_t *v)
{
	const char *t = json_string_value(json_object_get(v, "t"));
	const char *const *p;

	if (t == NULL)
		return false;
	for (p = node_tags; *p; p++)
		if (strcmp(*p, t) == 0)
			return true;
	return false;
}

/* A MetaValue that can hold nodes: the walker counts it in the depth. */
static bool is_meta_container(const json_t *v)
{
	const char *t = json_string_value(json_object_get(v, "t"));

	return t && (strcmp(t, "MetaMap") == 0 || strcmp(t, "MetaList") == 0 ||
	             strcmp(t, "MetaInlines") == 0 ||
	             strcmp(t, "MetaBlocks") == 0);
}

static void log_node(dm_buf *log, char ev, const json_t *node, size_t depth)
{
	if (dm_is(node, "Str"))
		dm_buf_printf(log, "%c:Str(%s)/%zu ", ev,
		              json_string_value(dm_content(node)), depth);
	else
		dm_buf_printf(log, "%c:%s/%zu ", ev, dm_tag(node), depth);
}

/* The visits a walk must make: every node, in the order of the JSON text,
 * ENTER before and EXIT after its contents. */
static void model(const json_t *v, dm_buf *log, size_t depth, size_t *strs)
{
	const char *k;
	json_t *e;
	size_t i;

	if (is_node(v)) {
		log_node(log, 'E', v, depth);
		if (dm_is(v, "Str"))
			(*strs)++;
		model(json_object_get(v, "c"), log, depth + 1, strs);
		log_node(log, 'X', v, depth);
	} else if (json_is_object(v)) {
		if (is_meta_container(v))
			depth++;
		json_object_foreach((json_t *)v, k, e)
			model(e, log, depth, strs);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			model(e, log, depth, strs);
	}
}

/* Every object {"t":"Str"} anywhere: strings never count, so the text of
 * Code, attributes and raw blocks cannot fool it. */
static size_t count_str(const json_t *v)
{
	const char *k;
	json_t *e;
	size_t i, n = 0;

	if (json_is_object(v)) {
		if (json_is_string(json_object_get(v, "t")) &&
		    strcmp(json_string_value(json_object_get(v, "t")), "Str") ==
		            0)
			n++;
		json_object_foreach((json_t *)v, k, e)
			n += count_str(e);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			n += count_str(e);
	}
	return n;
}

/* Follows a path as dm_walk_where() writes it from `root`: `key`,
 * `.key`, `["key"]`, `[index]`.  NULL when it leads nowhere.  The nodes
 * passed through on the way (Blocks, Inlines, MetaValues holding them),
 * outermost first, go to chain[], at most 256, their number to *depth. */
static json_t *resolve(json_t *root, const char *path, json_t **chain,
                       size_t *depth)
{
	const char *p = path;
	char key[256];
	size_t n;

	*depth = 0;
	while (*p) {
		if ((is_node(root) || is_meta_container(root)) && *depth < 256)
			chain[(*depth)++] = root;
		if (*p == '[' && p[1] == '"') {
			const char *end = strstr(p + 2, "\"]");
			if (end == NULL)
				return NULL;
			n = (size_t)(end - p - 2);
			if (n >= sizeof key)
				return NULL;
			memcpy(key, p + 2, n);
			key[n] = '\0';
			root = json_object_get(root, key);
			p = end + 2;
		} else if (*p == '[') {
			char *end;
			unsigned long i = strtoul(p + 1, &end, 10);
			if (*end != ']')
				return NULL;
			root = json_array_get(root, i);
			p = end + 1;
		} else {
			if (*p == '.')
				p++;
			for (n = 0; p[n] && p[n] != '.' && p[n] != '['; n++)
				;
			if (n == 0 || n >= sizeof key)
				return NULL;
			memcpy(key, p, n);
			key[n] = '\0';
			root = json_object_get(root, key);
			p += n;
		}
		if (root == NULL)
			return NULL;
	}
	return root;
}

/* ------------------------------------------------------------------------
 * A recording visitor.  `act`, when set, decides what to do with a node
 * after it has been logged; `list_act` likewise for lists.
 * ------------------------------------------------------------------------ */

typedef struct rec rec;
struct rec {
	dm_buf log;
	json_t *root;   /* check every path against it, when set */
	bool paths;     /* log "@path" after each visit */
	size_t strs;    /* Str ENTERs */
	size_t lists[2]; /* block lists, inline lists seen */
	int calls;
	dm_walk_result (*act)(rec *r, dm_ctx *ctx, const dm_walk *w,
	                      dm_event ev, json_t *node, json_t **out);
	dm_walk_result (*list_act)(rec *r, dm_ctx *ctx, const dm_walk *w,
	                           json_t *list);
	const void *arg;
};

static dm_walk_result rec_node(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                               json_t *node, json_t **out)
{
	rec *r = ctx->state;
	size_t d = dm_walk_depth(w), i;
	char where[1024];

	r->calls++;
	ck_assert_ptr_nonnull(node);
	ck_assert_ptr_nonnull(out);
	log_node(&r->log, ev == DM_ENTER ? 'E' : 'X', node, d);
	dm_walk_where(w, where, sizeof where);
	if (r->paths) {
		r->log.len--; /* the space */
		dm_buf_printf(&r->log, "@%s ", where);
	}
	if (r->root) {
		json_t *chain[256];
		size_t n;

		ck_assert_msg(resolve(r->root, where, chain, &n) == node,
		              "%s does not lead to the %s visited", where,
		              dm_tag(node));
		/* the ancestors are the nodes on the way, innermost first */
		ck_assert_uint_eq(d, n);
		for (i = 0; i < d; i++)
			ck_assert_ptr_eq(dm_walk_ancestor(w, i),
			                 chain[n - 1 - i]);
		ck_assert_ptr_null(dm_walk_ancestor(w, d));
	}
	if (ev == DM_ENTER && dm_is(node, "Str"))
		r->strs++;
	return r->act ? r->act(r, ctx, w, ev, node, out) : DM_WALK_CONTINUE;
}

static dm_walk_result rec_list(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	rec *r = ctx->state;
	char where[1024];

	ck_assert(json_is_array(list));
	dm_walk_where(w, where, sizeof where);
	if (r->root) {
		json_t *chain[256];
		size_t n;

		ck_assert_msg(resolve(r->root, where, chain, &n) == list,
		              "list path %s is wrong", where);
		ck_assert_uint_eq(dm_walk_depth(w), n);
	}
	if (r->paths)
		dm_buf_printf(&r->log, "L@%s ", where);
	return r->list_act ? r->list_act(r, ctx, w, list) : DM_WALK_CONTINUE;
}

static dm_walk_result rec_blocks(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	((rec *)ctx->state)->lists[0]++;
	return rec_list(ctx, w, list);
}

static dm_walk_result rec_inlines(dm_ctx *ctx, const dm_walk *w,
                                  json_t *list)
{
	((rec *)ctx->state)->lists[1]++;
	return rec_list(ctx, w, list);
}

/* Walks `doc` with a recorder; returns dm_walk_doc()'s result. */
static int walk(dm_doc *doc, rec *r, unsigned flags, dm_error *err,
                bool with_lists)
{
	dm_ctx ctx = {"test", "html", DM_FMT_HTML, doc, err, r};
	dm_visitor v = {rec_node, rec_node, NULL, NULL, flags};

	if (with_lists) {
		v.blocks = rec_blocks;
		v.inlines = rec_inlines;
	}
	dm_error_clear(err);
	return dm_walk_doc(&ctx, &v);
}

/* The whole document as the root of paths. */
static json_t *doc_root(dm_doc *doc)
{
	json_t *root = json_object();

	json_object_set(root, "meta", dm_doc_meta(doc));
	json_object_set(root, "blocks", dm_doc_blocks(doc));
	return root;
}

static dm_doc *load_blocks(const char *meta, const char *blocks)
{
	dm_buf b = {0};
	dm_doc *doc;

	dm_buf_printf(&b, "{'pandoc-api-version':[1,23,1,2],'meta':%s,"
	                  "'blocks':%s}", meta ? meta : "{}", blocks);
	doc = t_load(Q(dm_buf_str(&b)));
	dm_buf_free(&b);
	return doc;
}

#define S(x) "{'t':'Str','c':'" x "'}"
#define SP "{'t':'Space'}"
#define P(...) "{'t':'Para','c':[" __VA_ARGS__ "]}"
#define PL(...) "{'t':'Plain','c':[" __VA_ARGS__ "]}"
#define EM(...) "{'t':'Emph','c':[" __VA_ARGS__ "]}"
#define E "['',[],[]]"
#define AD "{'t':'AlignDefault'}"
#define CELL(...) "[" E "," AD ",1,1,[" __VA_ARGS__ "]]"
#define ROW(...) "[" E ",[" __VA_ARGS__ "]]"

/* ------------------------------------------------------------------------
 * Order
 * ------------------------------------------------------------------------ */

START_TEST(order_small)
{
	dm_doc *doc = load_blocks(NULL, "[" P(S("a") "," EM(S("b"))) ","
	                                "{'t':'HorizontalRule'}]");
	rec r = {0};
	dm_error err;

	ck_assert_int_eq(walk(doc, &r, 0, &err, false), 0);
	ck_assert_str_eq(dm_buf_str(&r.log),
	                 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Emph/1 E:Str(b)/2 "
	                 "X:Str(b)/2 X:Emph/1 X:Para/0 E:HorizontalRule/0 "
	                 "X:HorizontalRule/0 ");
	ck_assert_int_eq(err.code, DM_OK);
	dm_buf_free(&r.log);
	dm_doc_free(doc);
}
END_TEST

/* A document with every container, its Str numbered in the order of the
 * text: the walk must meet them 1, 2, 3, ... */
static const char every_meta[] =
	"{'a':{'t':'MetaInlines','c':[" S("1") "]},'b':{'t':'MetaMap','c':{"
	"'x':{'t':'MetaList','c':[{'t':'MetaBlocks','c':[" P(S("2")) "]},"
	"{'t':'MetaString','c':'not a node'},{'t':'MetaInlines','c':["
	EM(S("3")) "]}]}}}}";
static const char every_blocks[] =
	"[{'t':'Header','c':[1," E ",[" S("4") "]]},"
	P(S("5") "," SP ",{'t':'Strong','c':[" S("6") "]},{'t':'Underline',"
	  "'c':[" S("7") "]},{'t':'Strikeout','c':[" S("8") "]},{'t':"
	  "'Superscript','c':[" S("9") "]},{'t':'Subscript','c':[" S("10") "]},"
	  "{'t':'SmallCaps','c':[" S("11") "]},{'t':'Quoted','c':[{'t':"
	  "'DoubleQuote'},[" S("12") "]]},{'t':'Cite','c':[[{'citationId':'c',"
	  "'citationPrefix':[" S("13") "],'citationSuffix':[" S("14") "],"
	  "'citationMode':{'t':'NormalCitation'},'citationNoteNum':1,"
	  "'citationHash':0},{'citationId':'d','citationPrefix':[],"
	  "'citationSuffix':[" S("15") "],'citationMode':{'t':"
	  "'AuthorInText'},'citationNoteNum':1,'citationHash':0}],[" S("16")
	  "]]},{'t':'Code','c':[" E ",'code']},{'t':'Math','c':[{'t':"
	  "'InlineMath'},'x']},{'t':'RawInline','c':['html','<b>']},{'t':"
	  "'Link','c':[" E ",[" S("17") "],['u','']]},{'t':'Image','c':[" E
	  ",[" S("18") "],['i.png','']]},{'t':'Note','c':[" P(S("19")) "]},"
	  "{'t':'Span','c':[" E ",[" S("20") "]]},{'t':'LineBreak'},{'t':"
	  "'SoftBreak'}") ","
	"{'t':'Div','c':[" E ",[" PL(S("21")) "]]},"
	"{'t':'BlockQuote','c':[" P(S("22")) "]},"
	"{'t':'BulletList','c':[[" PL(S("23")) "],[" PL(S("24")) "," P(S("25"))
	"]]},"
	"{'t':'OrderedList','c':[[1,{'t':'Decimal'},{'t':'Period'}],[[" PL(
	        S("26")) "]]]},"
	"{'t':'LineBlock','c':[[" S("27") "],[" S("28") "]]},"
	"{'t':'DefinitionList','c':[[[" S("29") "],[[" P(S("30")) "],[" P(
	        S("31")) "]]]]},"
	"{'t':'CodeBlock','c':[" E ",'no']},{'t':'RawBlock','c':['html','no']},"
	"{'t':'HorizontalRule'},"
	"{'t':'Table','c':[" E ",[[" S("32") "],[" PL(S("33")) "]],[[" AD ","
	"{'t':'ColWidthDefault'}],[" AD ",{'t':'ColWidthDefault'}]],[" E ",["
	ROW(CELL(PL(S("34"))) "," CELL(PL(S("35")))) "]],[[" E ",0,["
	ROW(CELL(PL(S("36"))) "," CELL()) "],[" ROW(CELL(PL(S("37"))) ","
	CELL(PL(S("38")))) "," ROW(CELL(PL(S("39"))) "," CELL(PL(S("40"))))
	"]],[" E ",0,[],[" ROW(CELL(PL(S("41"))) "," CELL()) "]]],[" E ",["
	ROW(CELL(PL(S("42"))) "," CELL(PL(S("43")))) "]]]},"
	"{'t':'Figure','c':[" E ",[[" S("44") "],[" PL(S("45")) "]],[" PL(
	        "{'t':'Image','c':[" E ",[" S("46") "],['f.png','']]}") "]]},"
	"{'t':'UnknownBlock','c':[" P(S("never")) "]}," P(S("47")) "]";
#define EVERY_STRS 47

/* The Str texts the log holds, in order, as "1 2 3". */
static char *str_texts(const char *log)
{
	dm_buf b = {0};
	const char *p = log, *q;

	while ((p = strstr(p, "E:Str(")) != NULL) {
		p += 6;
		q = strchr(p, ')');
		if (b.len)
			dm_buf_putc(&b, ' ');
		dm_buf_add(&b, p, (size_t)(q - p));
	}
	return dm_buf_take(&b);
}

static char *numbers(int from, int to)
{
	dm_buf b = {0};
	int i;

	for (i = from; i <= to; i++)
		dm_buf_printf(&b, "%s%d", i > from ? " " : "", i);
	return dm_buf_take(&b);
}

START_TEST(order_every_container)
{
	dm_doc *doc = load_blocks(every_meta, every_blocks);
	json_t *root = doc_root(doc);
	rec r = {0};
	dm_error err;
	char *got, *want;

	r.root = root;
	ck_assert_int_eq(walk(doc, &r, DM_WALK_META, &err, true), 0);
	got = str_texts(dm_buf_str(&r.log));
	want = numbers(1, EVERY_STRS);
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(r.strs, EVERY_STRS);
	free(got);
	free(want);
	/* without DM_WALK_META the metadata is not visited */
	dm_buf_free(&r.log);
	r.strs = 0;
	ck_assert_int_eq(walk(doc, &r, 0, &err, true), 0);
	got = str_texts(dm_buf_str(&r.log));
	want = numbers(4, EVERY_STRS);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	dm_buf_free(&r.log);
	json_decref(root);
	dm_doc_free(doc);
}
END_TEST

/* Real documents: the walk's visits equal the model's, with and without
 * the metadata, and every path leads to the node visited. */
static const char *const corpus[] = {
	"api1.23/testsuite.json",   "api1.22/testsuite.json",
	"api1.23/tables.json",      "api1.22/tables.json",
	"api1.23/markdown-citations.json", "api1.23/meta-all-kinds.json",
	"api1.22/meta-all-kinds.json", "api1.23/rtf-table_nested.json",
	"api1.23/docx-table_header_rowspan.json",
	"api1.23/tables-planets.json", "api1.23/writer.json",
	"api1.23/djot-reader.json", "api1.23/typst-reader.json",
};

START_TEST(order_corpus)
{
	size_t len, strs_meta = 0, strs_blocks = 0;
	char *in = t_read_file(t_corpus(corpus[_i]), &len);
	dm_error err;
	dm_doc *doc;
	json_t *root;
	dm_buf want = {0};
	rec r = {0};

	dm_error_clear(&err);
	doc = dm_doc_load(in, len, &err);
	ck_assert_msg(doc != NULL, "%s: %s", err.what, err.where);
	root = doc_root(doc);

	model(dm_doc_meta(doc), &want, 0, &strs_meta);
	model(dm_doc_blocks(doc), &want, 0, &strs_blocks);
	r.root = root;
	ck_assert_int_eq(walk(doc, &r, DM_WALK_META, &err, true), 0);
	ck_assert_msg(strcmp(dm_buf_str(&r.log), dm_buf_str(&want)) == 0,
	              "%s: the walk's order differs from the model's",
	              corpus[_i]);
	ck_assert_uint_eq(r.strs, strs_meta + strs_blocks);
	ck_assert_uint_eq(r.strs, count_str(dm_doc_meta(doc)) +
	                          count_str(dm_doc_blocks(doc)));
	ck_assert_uint_gt(r.strs, 0);

	dm_buf_free(&want);
	dm_buf_free(&r.log);
	strs_meta = strs_blocks = 0;
	r.strs = 0;
	model(dm_doc_blocks(doc), &want, 0, &strs_blocks);
	ck_assert_int_eq(walk(doc, &r, 0, &err, false), 0);
	ck_assert_str_eq(dm_buf_str(&r.log), dm_buf_str(&want));
	ck_assert_uint_eq(r.strs, count_str(dm_doc_blocks(doc)));

	dm_buf_free(&want);
	dm_buf_free(&r.log);
	json_decref(root);
	dm_doc_free(doc);
	free(in);
}
END_TEST

/* testsuite.json's numbers, as a grep finds them: 1100 "t":"Str" in all,
 * of which the metadata holds some. */
START_TEST(corpus_str_count)
{
	size_t len;
	char *in = t_read_file(t_corpus("api1.23/testsuite.json"), &len);
	size_t grep = 0;
	const char *p = in;
	dm_doc *doc;
	dm_error err;
	rec r = {0};

	while ((p = strstr(p, "\"t\":\"Str\"")) != NULL) {
		grep++;
		p++;
	}
	ck_assert_uint_eq(grep, 1100);
	doc = t_load(in);
	ck_assert_int_eq(walk(doc, &r, DM_WALK_META, &err, false), 0);
	ck_assert_uint_eq(r.strs, grep);
	dm_buf_free(&r.log);
	r.strs = 0;
	ck_assert_int_eq(walk(doc, &r, 0, &err, false), 0);
	ck_assert_uint_eq(r.strs, grep - count_str(dm_doc_meta(doc)));
	ck_assert_uint_lt(r.strs, grep);
	dm_buf_free(&r.log);
	dm_doc_free(doc);
	free(in);
}
END_TEST

/* ------------------------------------------------------------------------
 * Paths, depth, ancestors
 * ------------------------------------------------------------------------ */

/* The path logged after E:Str(text). */
static char *path_of(const char *log, const char *text)
{
	dm_buf b = {0};
	const char *p, *q;

	dm_buf_printf(&b, "E:Str(%s)/", text);
	p = strstr(log, dm_buf_str(&b));
	dm_buf_free(&b);
	ck_assert_msg(p != NULL, "Str %s not visited", text);
	p = strchr(p, '@') + 1;
	q = strchr(p, ' ');
	dm_buf_add(&b, p, (size_t)(q - p));
	return dm_buf_take(&b);
}

START_TEST(where_paths)
{
	static const struct {
		const char *str, *path;
	} want[] = {
		{"1", "meta.a.c[0]"},
		{"2", "meta.b.c.x.c[0].c[0].c[0]"},
		{"3", "meta.b.c.x.c[2].c[0].c[0]"},
		{"4", "blocks[0].c[2][0]"},
		{"5", "blocks[1].c[0]"},
		{"12", "blocks[1].c[8].c[1][0]"},
		{"13", "blocks[1].c[9].c[0][0].citationPrefix[0]"},
		{"15", "blocks[1].c[9].c[0][1].citationSuffix[0]"},
		{"16", "blocks[1].c[9].c[1][0]"},
		{"19", "blocks[1].c[15].c[0].c[0]"},
		{"25", "blocks[4].c[1][1].c[0]"},
		{"26", "blocks[5].c[1][0][0].c[0]"},
		{"28", "blocks[6].c[1][0]"},
		{"29", "blocks[7].c[0][0][0]"},
		{"31", "blocks[7].c[0][1][1][0].c[0]"},
		{"32", "blocks[11].c[1][0][0]"},
		{"33", "blocks[11].c[1][1][0].c[0]"},
		{"35", "blocks[11].c[3][1][0][1][1][4][0].c[0]"},
		{"36", "blocks[11].c[4][0][2][0][1][0][4][0].c[0]"},
		{"40", "blocks[11].c[4][0][3][1][1][1][4][0].c[0]"},
		{"41", "blocks[11].c[4][1][3][0][1][0][4][0].c[0]"},
		{"43", "blocks[11].c[5][1][0][1][1][4][0].c[0]"},
		{"44", "blocks[12].c[1][0][0]"},
		{"46", "blocks[12].c[2][0].c[0].c[1][0]"},
		{"47", "blocks[14].c[0]"},
	};
	dm_doc *doc = load_blocks(every_meta, every_blocks);
	rec r = {0};
	dm_error err;
	size_t i;

	r.paths = true;
	ck_assert_int_eq(walk(doc, &r, DM_WALK_META, &err, true), 0);
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		char *p = path_of(dm_buf_str(&r.log), want[i].str);
		ck_assert_msg(strcmp(p, want[i].path) == 0,
		              "Str %s: %s, want %s", want[i].str, p,
		              want[i].path);
		free(p);
	}
	/* lists are seen with their own paths */
	ck_assert_ptr_nonnull(strstr(dm_buf_str(&r.log), "L@blocks "));
	ck_assert_ptr_nonnull(strstr(dm_buf_str(&r.log), "L@meta.a.c "));
	ck_assert_ptr_nonnull(strstr(dm_buf_str(&r.log),
	                             "L@blocks[11].c[4][0][3][1][1][0][4] "));
	dm_buf_free(&r.log);
	dm_doc_free(doc);
}
END_TEST

static dm_walk_result check_ancestors(rec *r, dm_ctx *ctx, const dm_walk *w,
                                      dm_event ev, json_t *node,
                                      json_t **out)
{
	(void)ctx;
	(void)out;
	(void)r;
	if (ev != DM_ENTER || !dm_is(node, "Str"))
		return DM_WALK_CONTINUE;
	if (strcmp(json_string_value(dm_content(node)), "deep") == 0) {
		/* Para > Emph > Strong > Str */
		ck_assert_uint_eq(dm_walk_depth(w), 3);
		ck_assert(dm_is(dm_walk_ancestor(w, 0), "Strong"));
		ck_assert(dm_is(dm_walk_ancestor(w, 1), "Emph"));
		ck_assert(dm_is(dm_walk_ancestor(w, 2), "Para"));
		ck_assert_ptr_null(dm_walk_ancestor(w, 3));
		ck_assert_ptr_null(dm_walk_ancestor(w, 1000));
	} else if (strcmp(json_string_value(dm_content(node)), "top") == 0) {
		ck_assert_uint_eq(dm_walk_depth(w), 1);
		ck_assert(dm_is(dm_walk_ancestor(w, 0), "Para"));
	} else if (strcmp(json_string_value(dm_content(node)), "cell") == 0) {
		/* cells are not nodes: the Table is the Plain's parent */
		ck_assert_uint_eq(dm_walk_depth(w), 2);
		ck_assert(dm_is(dm_walk_ancestor(w, 0), "Plain"));
		ck_assert(dm_is(dm_walk_ancestor(w, 1), "Table"));
	} else if (strcmp(json_string_value(dm_content(node)), "meta") == 0) {
		/* the MetaValues holding it count as enclosing nodes */
		ck_assert_uint_eq(dm_walk_depth(w), 3);
		ck_assert(dm_is(dm_walk_ancestor(w, 0), "MetaInlines"));
		ck_assert(dm_is(dm_walk_ancestor(w, 1), "MetaList"));
		ck_assert(dm_is(dm_walk_ancestor(w, 2), "MetaMap"));
	} else {
		ck_abort_msg("unexpected Str");
	}
	r->calls += 1000;
	return DM_WALK_CONTINUE;
}

START_TEST(depth_and_ancestors)
{
	dm_doc *doc = load_blocks(
	        "{'m':{'t':'MetaMap','c':{'l':{'t':'MetaList','c':[{'t':"
	        "'MetaInlines','c':[" S("meta") "]}]}}}}",
	        "[" P(S("top") "," EM("{'t':'Strong','c':[" S("deep") "]}"))
	        ",{'t':'Table','c':[" E ",[null,[]],[[" AD ",{'t':"
	        "'ColWidthDefault'}]],[" E ",[]],[[" E ",0,[],[" ROW(CELL(PL(
	                S("cell")))) "]]],[" E ",[]]]}]");
	rec r = {0};
	dm_error err;

	r.act = check_ancestors;
	ck_assert_int_eq(walk(doc, &r, DM_WALK_META, &err, false), 0);
	ck_assert_int_ge(r.calls, 4000); /* all four were checked */
	dm_buf_free(&r.log);
	dm_doc_free(doc);
}
END_TEST

/* ------------------------------------------------------------------------
 * Replacing, splicing, deleting
 * ------------------------------------------------------------------------ */

/* The action: on `ev`, a Str whose text is arg->text is replaced by a
 * copy of arg->with (a node or an array), or the node itself. */
typedef struct repl {
	dm_event ev;
	const char *tag; /* the tag to act on */
	const char *text; /* for Str: only this text; NULL: any */
	const char *with; /* JSON, Q() style; NULL: the node's inlines */
	dm_walk_result result;
} repl;

static dm_walk_result replace_act(rec *r, dm_ctx *ctx, const dm_walk *w,
                                  dm_event ev, json_t *node, json_t **out)
{
	const repl *a = r->arg;

	(void)ctx;
	(void)w;
	if (ev != a->ev || !dm_is(node, a->tag))
		return DM_WALK_CONTINUE;
	if (a->text && strcmp(json_string_value(dm_content(node)), a->text))
		return DM_WALK_CONTINUE;
	if (a->result != DM_WALK_REPLACE && a->result != DM_WALK_REPLACE_SKIP)
		return a->result;
	*out = a->with ? t_json(Q(a->with))
	               : json_incref(dm_node_inlines(node));
	return a->result;
}

static const struct {
	const char *blocks;
	repl act;
	const char *log;
	const char *result;
} replaces[] = {
	/* a node for a node, on ENTER: the new node's children are walked
	 * and its EXIT called, not its ENTER */
	{"[" P(S("a") "," S("x") "," S("c")) "]",
	 {DM_ENTER, "Str", "x", EM(S("y") "," S("z")), DM_WALK_REPLACE},
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Str(x)/1 E:Str(y)/2 X:Str(y)/2 "
	 "E:Str(z)/2 X:Str(z)/2 X:Emph/1 E:Str(c)/1 X:Str(c)/1 X:Para/0 ",
	 "[" P(S("a") "," EM(S("y") "," S("z")) "," S("c")) "]"},
	/* several nodes for one: each is walked, the next sibling once */
	{"[" P(S("a") "," S("x") "," S("c")) "]",
	 {DM_ENTER, "Str", "x", "[" S("x1") "," SP "," EM(S("x2")) "]",
	  DM_WALK_REPLACE},
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Str(x)/1 X:Str(x1)/1 X:Space/1 "
	 "E:Str(x2)/2 X:Str(x2)/2 X:Emph/1 E:Str(c)/1 X:Str(c)/1 X:Para/0 ",
	 "[" P(S("a") "," S("x1") "," SP "," EM(S("x2")) "," S("c")) "]"},
	/* an empty array deletes; consecutive deletions skip nothing */
	{"[" P(S("x") "," S("x") "," S("b") "," S("x")) "]",
	 {DM_ENTER, "Str", "x", "[]", DM_WALK_REPLACE},
	 "E:Para/0 E:Str(x)/1 E:Str(x)/1 E:Str(b)/1 X:Str(b)/1 E:Str(x)/1 "
	 "X:Para/0 ",
	 "[" P(S("b")) "]"},
	/* blocks too: a Para replaced by two blocks walked in turn */
	{"[" P(S("x")) "," P(S("b")) "]",
	 {DM_ENTER, "Para", NULL, "[{'t':'HorizontalRule'}," PL(S("p")) "]",
	  DM_WALK_REPLACE},
	 "E:Para/0 X:HorizontalRule/0 E:Str(p)/1 X:Str(p)/1 X:Plain/0 "
	 "E:Para/0 X:HorizontalRule/0 E:Str(p)/1 X:Str(p)/1 X:Plain/0 ",
	 "[{'t':'HorizontalRule'}," PL(S("p")) ",{'t':'HorizontalRule'},"
	 PL(S("p")) "]"},
	/* on EXIT: the children were walked, the new nodes are not */
	{"[" P(S("a") "," EM(S("b") "," S("c")) "," S("d")) "]",
	 {DM_EXIT, "Emph", NULL, NULL, DM_WALK_REPLACE},
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Emph/1 E:Str(b)/2 X:Str(b)/2 "
	 "E:Str(c)/2 X:Str(c)/2 X:Emph/1 E:Str(d)/1 X:Str(d)/1 X:Para/0 ",
	 "[" P(S("a") "," S("b") "," S("c") "," S("d")) "]"},
	{"[" P(S("a") "," S("x") "," S("x") "," S("d")) "]",
	 {DM_EXIT, "Str", "x", "[]", DM_WALK_REPLACE},
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Str(x)/1 X:Str(x)/1 E:Str(x)/1 "
	 "X:Str(x)/1 E:Str(d)/1 X:Str(d)/1 X:Para/0 ",
	 "[" P(S("a") "," S("d")) "]"},
	/* REPLACE_SKIP on ENTER: nothing of the new nodes is walked */
	{"[" P(S("a") "," S("x") "," S("c")) "]",
	 {DM_ENTER, "Str", "x", "[" EM(S("y")) "," S("z") "]",
	  DM_WALK_REPLACE_SKIP},
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Str(x)/1 E:Str(c)/1 X:Str(c)/1 "
	 "X:Para/0 ",
	 "[" P(S("a") "," EM(S("y")) "," S("z") "," S("c")) "]"},
	{"[" P(EM(S("b")) "," S("c")) "]",
	 {DM_EXIT, "Emph", NULL, "[]", DM_WALK_REPLACE_SKIP},
	 "E:Para/0 E:Emph/1 E:Str(b)/2 X:Str(b)/2 X:Emph/1 E:Str(c)/1 "
	 "X:Str(c)/1 X:Para/0 ",
	 "[" P(S("c")) "]"},
	/* inside table cells */
	{"[{'t':'Table','c':[" E ",[null,[]],[[" AD ",{'t':'ColWidthDefault'}]"
	 ",[" AD ",{'t':'ColWidthDefault'}]],[" E ",[" ROW(CELL(PL(S("x"))) ","
	 CELL(PL(S("b")))) "]],[[" E ",0,[],[" ROW(CELL(PL(S("c") "," S("x")))
	 "," CELL(PL(S("x")))) "]]],[" E ",[]]]}]",
	 {DM_ENTER, "Str", "x", "[]", DM_WALK_REPLACE},
	 "E:Table/0 E:Plain/1 E:Str(x)/2 X:Plain/1 E:Plain/1 E:Str(b)/2 "
	 "X:Str(b)/2 X:Plain/1 E:Plain/1 E:Str(c)/2 X:Str(c)/2 E:Str(x)/2 "
	 "X:Plain/1 E:Plain/1 E:Str(x)/2 X:Plain/1 X:Table/0 ",
	 "[{'t':'Table','c':[" E ",[null,[]],[[" AD ",{'t':'ColWidthDefault'}]"
	 ",[" AD ",{'t':'ColWidthDefault'}]],[" E ",[" ROW(CELL(PL()) ","
	 CELL(PL(S("b")))) "]],[[" E ",0,[],[" ROW(CELL(PL(S("c"))) ","
	 CELL(PL())) "]]],[" E ",[]]]}]"},
	{"[{'t':'Table','c':[" E ",[null,[]],[[" AD ",{'t':'ColWidthDefault'}]"
	 "],[" E ",[]],[[" E ",0,[],[" ROW(CELL(PL(S("x")))) "]]],[" E ",[]]]}"
	 "]",
	 {DM_ENTER, "Plain", NULL, "[" P(S("p1")) "," P(S("p2")) "]",
	  DM_WALK_REPLACE},
	 "E:Table/0 E:Plain/1 E:Str(p1)/2 X:Str(p1)/2 X:Para/1 E:Str(p2)/2 "
	 "X:Str(p2)/2 X:Para/1 X:Table/0 ",
	 "[{'t':'Table','c':[" E ",[null,[]],[[" AD ",{'t':'ColWidthDefault'}]"
	 "],[" E ",[]],[[" E ",0,[],[" ROW(CELL(P(S("p1")) "," P(S("p2"))))
	 "]]],[" E ",[]]]}]"},
};

START_TEST(replace)
{
	dm_doc *doc = load_blocks(NULL, replaces[_i].blocks);
	json_t *root = doc_root(doc);
	rec r = {0};
	dm_error err;

	r.act = replace_act;
	r.arg = &replaces[_i].act;
	r.root = root;
	ck_assert_int_eq(walk(doc, &r, 0, &err, false), 0);
	ck_assert_int_eq(err.code, DM_OK);
	ck_assert_str_eq(dm_buf_str(&r.log), replaces[_i].log);
	t_assert_json(dm_doc_blocks(doc), Q(replaces[_i].result));
	dm_error_clear(&err);
	ck_assert_int_eq(dm_validate(dm_doc_blocks(doc), DM_BLOCK, 23,
	                             "blocks", &err), 0);
	dm_buf_free(&r.log);
	json_decref(root);
	dm_doc_free(doc);
}
END_TEST

/* A Para replaced by a Div whose Str is replaced in turn. */
static dm_walk_result nested_act(rec *r, dm_ctx *ctx, const dm_walk *w,
                                 dm_event ev, json_t *node, json_t **out)
{
	(void)r;
	(void)ctx;
	(void)w;
	if (ev == DM_ENTER && dm_is(node, "Para")) {
		*out = t_json(Q("{'t':'Div','c':[" E ",[" PL(S("old")) "]]}"));
		return DM_WALK_REPLACE;
	}
	if (ev == DM_ENTER && dm_is(node, "Str") &&
	    strcmp(json_string_value(dm_content(node)), "old") == 0) {
		*out = dm_str("new");
		return DM_WALK_REPLACE;
	}
	return DM_WALK_CONTINUE;
}

START_TEST(replace_nested)
{
	dm_doc *doc = load_blocks(NULL, "[" P(S("p")) "]");
	rec r = {0};
	dm_error err;

	r.act = nested_act;
	ck_assert_int_eq(walk(doc, &r, 0, &err, false), 0);
	ck_assert_str_eq(dm_buf_str(&r.log),
	                 "E:Para/0 E:Plain/1 E:Str(old)/2 X:Str(new)/2 "
	                 "X:Plain/1 X:Div/0 ");
	t_assert_json(dm_doc_blocks(doc),
	              Q("[{'t':'Div','c':[" E ",[" PL(S("new")) "]]}]"));
	dm_buf_free(&r.log);
	dm_doc_free(doc);
}
END_TEST

/* Metadata: walked only with DM_WALK_META, and editable there. */
START_TEST(replace_in_meta)
{
	static const char meta[] =
		"{'title':{'t':'MetaInlines','c':[" S("old") "," SP "," S("t")
		"]},'m':{'t':'MetaMap','c':{'l':{'t':'MetaList','c':[{'t':"
		"'MetaBlocks','c':[" P(S("old")) "]},{'t':'MetaString','c':"
		"'old'}]}}}}";
	static const repl act = {DM_ENTER, "Str", "old",
	                         "[" S("new") "," SP "," S("two") "]",
	                         DM_WALK_REPLACE};
	static const repl del = {DM_ENTER, "Str", "old", "[]",
	                         DM_WALK_REPLACE};
	dm_doc *doc = load_blocks(meta, "[" P(S("old")) "]");
	json_t *root = doc_root(doc);
	json_t *before = json_deep_copy(dm_doc_meta(doc));
	rec r = {0};
	dm_error err;

	r.act = replace_act;
	r.arg = &act;
	r.root = root;
	ck_assert_int_eq(walk(doc, &r, 0, &err, true), 0);
	ck_assert(json_equal(dm_doc_meta(doc), before));
	ck_assert_ptr_null(strstr(dm_buf_str(&r.log), "Meta"));
	ck_assert_uint_eq(r.lists[0], 1); /* just "blocks" */
	ck_assert_uint_eq(r.lists[1], 1);
	dm_buf_free(&r.log);

	memset(r.lists, 0, sizeof r.lists);
	ck_assert_int_eq(walk(doc, &r, DM_WALK_META, &err, true), 0);
	t_assert_json(dm_doc_meta(doc),
	              Q("{'title':{'t':'MetaInlines','c':[" S("new") "," SP ","
	                S("two") "," SP "," S("t") "]},'m':{'t':'MetaMap','c':"
	                "{'l':{'t':'MetaList','c':[{'t':'MetaBlocks','c':["
	                P(S("new") "," SP "," S("two")) "]},{'t':'MetaString',"
	                "'c':'old'}]}}}}"));
	/* blocks: the top list and the MetaBlocks; inlines: title, 2 Paras */
	ck_assert_uint_eq(r.lists[0], 2);
	ck_assert_uint_eq(r.lists[1], 3);
	dm_buf_free(&r.log);

	r.arg = &del;
	ck_assert_int_eq(walk(doc, &r, DM_WALK_META, &err, false), 0);
	t_assert_json(dm_doc_meta(doc),
	              Q("{'title':{'t':'MetaInlines','c':[" S("new") "," SP ","
	                S("two") "," SP "," S("t") "]},'m':{'t':'MetaMap','c':"
	                "{'l':{'t':'MetaList','c':[{'t':'MetaBlocks','c':["
	                P(S("new") "," SP "," S("two")) "]},{'t':'MetaString',"
	                "'c':'old'}]}}}}"));
	dm_error_clear(&err);
	ck_assert_int_eq(dm_validate(dm_doc_meta(doc), DM_META, 23, "meta",
	                             &err), 0);
	dm_buf_free(&r.log);
	json_decref(before);
	json_decref(root);
	dm_doc_free(doc);
}
END_TEST

/* ------------------------------------------------------------------------
 * SKIP, STOP, ERROR
 * ------------------------------------------------------------------------ */

static const struct {
	repl act;
	int rc;
	const char *log;
} controls[] = {
	{{DM_ENTER, "Emph", NULL, NULL, DM_WALK_SKIP}, 0,
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Emph/1 E:Str(d)/1 X:Str(d)/1 "
	 "X:Para/0 E:Table/0 E:Plain/1 E:Str(e)/2 X:Str(e)/2 X:Plain/1 "
	 "X:Table/0 E:Para/0 E:Str(f)/1 X:Str(f)/1 X:Para/0 "},
	{{DM_ENTER, "Table", NULL, NULL, DM_WALK_SKIP}, 0,
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Emph/1 E:Str(b)/2 X:Str(b)/2 "
	 "E:Str(c)/2 X:Str(c)/2 X:Emph/1 E:Str(d)/1 X:Str(d)/1 X:Para/0 "
	 "E:Table/0 E:Para/0 E:Str(f)/1 X:Str(f)/1 X:Para/0 "},
	/* SKIP on EXIT means nothing more */
	{{DM_EXIT, "Emph", NULL, NULL, DM_WALK_SKIP}, 0,
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Emph/1 E:Str(b)/2 X:Str(b)/2 "
	 "E:Str(c)/2 X:Str(c)/2 X:Emph/1 E:Str(d)/1 X:Str(d)/1 X:Para/0 "
	 "E:Table/0 E:Plain/1 E:Str(e)/2 X:Str(e)/2 X:Plain/1 X:Table/0 "
	 "E:Para/0 E:Str(f)/1 X:Str(f)/1 X:Para/0 "},
	{{DM_ENTER, "Str", "b", NULL, DM_WALK_STOP}, 0,
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Emph/1 E:Str(b)/2 "},
	{{DM_EXIT, "Emph", NULL, NULL, DM_WALK_STOP}, 0,
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Emph/1 E:Str(b)/2 X:Str(b)/2 "
	 "E:Str(c)/2 X:Str(c)/2 X:Emph/1 "},
	{{DM_ENTER, "Str", "e", NULL, DM_WALK_STOP}, 0,
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Emph/1 E:Str(b)/2 X:Str(b)/2 "
	 "E:Str(c)/2 X:Str(c)/2 X:Emph/1 E:Str(d)/1 X:Str(d)/1 X:Para/0 "
	 "E:Table/0 E:Plain/1 E:Str(e)/2 "},
	{{DM_ENTER, "Str", "c", NULL, DM_WALK_ERROR}, -1,
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Emph/1 E:Str(b)/2 X:Str(b)/2 "
	 "E:Str(c)/2 "},
	{{DM_EXIT, "Plain", NULL, NULL, DM_WALK_ERROR}, -1,
	 "E:Para/0 E:Str(a)/1 X:Str(a)/1 E:Emph/1 E:Str(b)/2 X:Str(b)/2 "
	 "E:Str(c)/2 X:Str(c)/2 X:Emph/1 E:Str(d)/1 X:Str(d)/1 X:Para/0 "
	 "E:Table/0 E:Plain/1 E:Str(e)/2 X:Str(e)/2 X:Plain/1 "},
};

/* The action, plus an error message with the path, for DM_WALK_ERROR. */
static dm_walk_result control_act(rec *r, dm_ctx *ctx, const dm_walk *w,
                                  dm_event ev, json_t *node, json_t **out)
{
	dm_walk_result res = replace_act(r, ctx, w, ev, node, out);
	char where[256];

	if (res == DM_WALK_ERROR) {
		dm_walk_where(w, where, sizeof where);
		dm_error_set(ctx->err, DM_EFAIL, where, "refused %s",
		             dm_tag(node));
	}
	return res;
}

START_TEST(skip_stop_error)
{
	dm_doc *doc = load_blocks(
	        NULL, "[" P(S("a") "," EM(S("b") "," S("c")) "," S("d"))
	              ",{'t':'Table','c':[" E ",[null,[]],[[" AD ",{'t':"
	              "'ColWidthDefault'}]],[" E ",[]],[[" E ",0,[],[" ROW(
	                      CELL(PL(S("e")))) "]]],[" E ",[]]]}," P(S("f"))
	              "]");
	json_t *before = json_deep_copy(dm_doc_blocks(doc));
	rec r = {0};
	dm_error err;

	r.act = control_act;
	r.arg = &controls[_i].act;
	ck_assert_int_eq(walk(doc, &r, 0, &err, false), controls[_i].rc);
	ck_assert_str_eq(dm_buf_str(&r.log), controls[_i].log);
	ck_assert(json_equal(dm_doc_blocks(doc), before));
	if (controls[_i].rc == 0) {
		ck_assert_int_eq(err.code, DM_OK);
	} else {
		ck_assert_int_eq(err.code, DM_EFAIL);
		if (controls[_i].act.ev == DM_ENTER) {
			ck_assert_str_eq(err.what, "refused Str");
			ck_assert_str_eq(err.where, "blocks[0].c[1].c[1]");
		} else {
			ck_assert_str_eq(err.what, "refused Plain");
			ck_assert_str_eq(err.where,
			                 "blocks[1].c[4][0][3][0][1][0][4][0]");
		}
	}
	dm_buf_free(&r.log);
	json_decref(before);
	dm_doc_free(doc);
}
END_TEST

static dm_walk_result silent_error(rec *r, dm_ctx *ctx, const dm_walk *w,
                                   dm_event ev, json_t *node, json_t **out)
{
	(void)r;
	(void)ctx;
	(void)w;
	(void)ev;
	(void)node;
	(void)out;
	return DM_WALK_ERROR;
}

/* An error without a message still fails, with a message of its own. */
START_TEST(error_without_message)
{
	dm_doc *doc = load_blocks(NULL, "[" P(S("a")) "]");
	rec r = {0};
	dm_error err;

	r.act = silent_error;
	ck_assert_int_eq(walk(doc, &r, 0, &err, false), -1);
	ck_assert_int_eq(err.code, DM_EFAIL);
	ck_assert_str_eq(err.what, "a filter failed without saying why");
	ck_assert_int_eq(r.calls, 1);
	dm_buf_free(&r.log);
	dm_doc_free(doc);
}
END_TEST

/* ------------------------------------------------------------------------
 * List callbacks
 * ------------------------------------------------------------------------ */

/* Drops every Space and merges adjacent Str, before the nodes are seen. */
static dm_walk_result merge_act(rec *r, dm_ctx *ctx, const dm_walk *w,
                                json_t *list)
{
	size_t i = 0;

	(void)r;
	(void)ctx;
	(void)w;
	while (i < json_array_size(list))
		if (dm_is(json_array_get(list, i), "Space"))
			json_array_remove(list, i);
		else
			i++;
	i = 0;
	while (i < json_array_size(list)) {
		json_t *a = json_array_get(list, i);
		json_t *b = json_array_get(list, i + 1);
		if (dm_is(a, "Str") && dm_is(b, "Str")) {
			dm_buf s = {0};
			dm_buf_puts(&s, json_string_value(dm_content(a)));
			dm_buf_puts(&s, json_string_value(dm_content(b)));
			json_array_set_new(list, i, dm_str(dm_buf_str(&s)));
			json_array_remove(list, i + 1);
			dm_buf_free(&s);
		} else {
			i++;
		}
	}
	return DM_WALK_CONTINUE;
}

START_TEST(list_callbacks)
{
	dm_doc *doc = load_blocks(
	        NULL, "[" P(S("a") "," SP "," S("b") "," EM(S("c") "," SP ","
	                                                  S("d"))) ","
	              "{'t':'BulletList','c':[[" PL(S("e") "," SP "," S("f"))
	              "],[" P(S("g")) "," P() "]]},{'t':'Div','c':[" E
	              ",[]]}]");
	json_t *root = doc_root(doc);
	rec r = {0};
	dm_error err;

	r.list_act = merge_act;
	r.root = root;
	r.paths = true;
	ck_assert_int_eq(walk(doc, &r, 0, &err, true), 0);
	/* blocks: top, item 1, item 2, the Div's; inlines: 2 Paras, Emph,
	 * Plain, the empty Para */
	ck_assert_uint_eq(r.lists[0], 4);
	ck_assert_uint_eq(r.lists[1], 5);
	ck_assert_ptr_nonnull(strstr(dm_buf_str(&r.log), "L@blocks[0].c "
	                             "E:Str(ab)/1@blocks[0].c[0] "));
	ck_assert_ptr_nonnull(strstr(dm_buf_str(&r.log),
	                             "L@blocks[0].c[1].c E:Str(cd)/2"));
	ck_assert_ptr_nonnull(strstr(dm_buf_str(&r.log),
	                             "L@blocks[1].c[0] E:Plain/1"));
	ck_assert_ptr_nonnull(strstr(dm_buf_str(&r.log), "L@blocks[2].c[1] "));
	ck_assert_ptr_null(strstr(dm_buf_str(&r.log), "Space"));
	t_assert_json(dm_doc_blocks(doc),
	              Q("[" P(S("ab") "," EM(S("cd"))) ",{'t':'BulletList',"
	                "'c':[[" PL(S("ef")) "],[" P(S("g")) "," P() "]]},{'t':"
	                "'Div','c':[" E ",[]]}]"));
	dm_buf_free(&r.log);
	json_decref(root);
	dm_doc_free(doc);
}
END_TEST

static dm_walk_result list_stop(rec *r, dm_ctx *ctx, const dm_walk *w,
                                json_t *list)
{
	(void)w;
	(void)list;
	if (r->lists[1] == 2) {
		if (r->arg)
			return DM_WALK_STOP;
		dm_error_set(ctx->err, DM_EFAIL, NULL, "list refused");
		return DM_WALK_ERROR;
	}
	return DM_WALK_CONTINUE;
}

START_TEST(list_stop_and_error)
{
	dm_doc *doc = load_blocks(NULL, "[" P(S("a")) "," P(S("b")) ","
	                                P(S("c")) "]");
	rec r = {0};
	dm_error err;

	r.list_act = list_stop;
	r.arg = "stop";
	ck_assert_int_eq(walk(doc, &r, 0, &err, true), 0);
	ck_assert_int_eq(err.code, DM_OK);
	ck_assert_str_eq(dm_buf_str(&r.log),
	                 "E:Para/0 E:Str(a)/1 X:Str(a)/1 X:Para/0 E:Para/0 ");
	dm_buf_free(&r.log);

	memset(&r, 0, sizeof r);
	r.list_act = list_stop;
	ck_assert_int_eq(walk(doc, &r, 0, &err, true), -1);
	ck_assert_int_eq(err.code, DM_EFAIL);
	ck_assert_str_eq(err.what, "list refused");
	ck_assert_str_eq(dm_buf_str(&r.log),
	                 "E:Para/0 E:Str(a)/1 X:Str(a)/1 X:Para/0 E:Para/0 ");
	dm_buf_free(&r.log);
	dm_doc_free(doc);
}
END_TEST

/* ------------------------------------------------------------------------
 * dm_walk_list
 * ------------------------------------------------------------------------ */

START_TEST(walk_list)
{
	json_t *list = t_json(Q("[" S("a") "," EM(S("x")) "," S("c") "]"));
	static const repl act = {DM_ENTER, "Str", "x", "[" S("y") "," S("z")
	                         "]", DM_WALK_REPLACE};
	rec r = {0};
	dm_error err;
	dm_ctx ctx = {"test", "html", DM_FMT_HTML, NULL, &err, &r};
	dm_visitor v = {rec_node, rec_node, rec_blocks, rec_inlines, 0};

	r.paths = true;
	r.act = replace_act;
	r.arg = &act;
	dm_error_clear(&err);
	ck_assert_int_eq(dm_walk_list(&ctx, &v, list, DM_INLINE), 0);
	ck_assert_str_eq(dm_buf_str(&r.log),
	                 "L@ E:Str(a)/0@[0] X:Str(a)/0@[0] E:Emph/0@[1] "
	                 "L@[1].c E:Str(x)/1@[1].c[0] X:Str(y)/1@[1].c[0] "
	                 "X:Str(z)/1@[1].c[1] X:Emph/0@[1] E:Str(c)/0@[2] "
	                 "X:Str(c)/0@[2] ");
	ck_assert_uint_eq(r.lists[0], 0);
	ck_assert_uint_eq(r.lists[1], 2);
	t_assert_json(list, Q("[" S("a") "," EM(S("y") "," S("z")) "," S("c")
	                      "]"));
	json_decref(list);
	dm_buf_free(&r.log);

	/* blocks, and only the callbacks given */
	list = t_json(Q("[" P(S("p")) "]"));
	memset(&r, 0, sizeof r);
	v.inline_ = NULL;
	v.inlines = NULL;
	ck_assert_int_eq(dm_walk_list(&ctx, &v, list, DM_BLOCK), 0);
	ck_assert_str_eq(dm_buf_str(&r.log), "E:Para/0 X:Para/0 ");
	ck_assert_uint_eq(r.lists[0], 1);
	json_decref(list);
	dm_buf_free(&r.log);
}
END_TEST

Suite *walk_suite(void)
{
	Suite *s = suite_create("walk");
	TCase *order = tcase_create("order");
	TCase *edit = tcase_create("edit");

	tcase_add_test(order, order_small);
	tcase_add_test(order, order_every_container);
	tcase_add_loop_test(order, order_corpus, 0,
	                    (int)(sizeof corpus / sizeof corpus[0]));
	tcase_add_test(order, corpus_str_count);
	tcase_add_test(order, where_paths);
	tcase_add_test(order, depth_and_ancestors);
	tcase_set_timeout(order, 60);
	suite_add_tcase(s, order);

	tcase_add_loop_test(edit, replace, 0,
	                    (int)(sizeof replaces / sizeof replaces[0]));
	tcase_add_test(edit, replace_nested);
	tcase_add_test(edit, replace_in_meta);
	tcase_add_loop_test(edit, skip_stop_error, 0,
	                    (int)(sizeof controls / sizeof controls[0]));
	tcase_add_test(edit, error_without_message);
	tcase_add_test(edit, list_callbacks);
	tcase_add_test(edit, list_stop_and_error);
	tcase_add_test(edit, walk_list);
	suite_add_tcase(s, edit);
	return s;
}
