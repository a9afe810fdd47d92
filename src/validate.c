/*
 * validate.c - the validator: a recursive descent over the node table of
 * schema.c, keeping the JSON path of where it is for messages.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static const char *kind_name(dm_kind kind)
{
	return kind == DM_BLOCK ? "Block" : kind == DM_INLINE ? "Inline"
	                                                      : "MetaValue";
}

/* ------------------------------------------------------------------------
 * The validator: a recursive descent over the schema, keeping the path.
 * ------------------------------------------------------------------------ */

typedef struct vstate {
	dm_path path;
	int api_minor;
	dm_error *err;
} vstate;

static int vfail(vstate *v, const char *fmt, const char *a, const char *b)
{
	char where[256];
	char what[400];

	dmp_path_format(&v->path, where, sizeof where);
	snprintf(what, sizeof what, fmt, a, b);
	return dm_error_set(v->err, DM_EINPUT, where,
	                    "not a valid pandoc document: %s", what);
}

static int node(vstate *v, const json_t *n, dm_kind kind);
static int field(vstate *v, char code, const json_t *f, const char *ctx);

/* A list whose every element is checked by `each`, with index segments. */
static int list_of(vstate *v, const json_t *a, const char *what,
                   const char *ctx,
                   int (*each)(vstate *, const json_t *, const void *),
                   const void *arg)
{
	size_t i, n;

	if (!json_is_array(a))
		return vfail(v, "%s: expected %s", ctx, what);
	n = json_array_size(a);
	if (n == 0)
		return 0;
	if (dmp_path_push_index(&v->path, 0) != 0)
		return dm_nomem(v->err);
	for (i = 0; i < n; i++) {
		dmp_path_set_index(&v->path, i);
		if (each(v, json_array_get(a, i), arg) != 0)
			return -1;
	}
	dmp_path_pop(&v->path);
	return 0;
}

static int each_node(vstate *v, const json_t *e, const void *arg)
{
	return node(v, e, *(const dm_kind *)arg);
}

/* A field code and the context for messages, for list_of(). */
typedef struct fspec {
	char code;
	const char *ctx;
} fspec;

static int each_field(vstate *v, const json_t *e, const void *arg)
{
	const fspec *fs = arg;

	return field(v, fs->code, e, fs->ctx);
}

static int each_string(vstate *v, const json_t *e, const void *arg)
{
	if (!json_is_string(e))
		return vfail(v, "%s: expected a string", arg, NULL);
	return 0;
}

static int each_pair(vstate *v, const json_t *e, const void *arg)
{
	if (!json_is_array(e) || json_array_size(e) != 2 ||
	    !json_is_string(json_array_get(e, 0)) ||
	    !json_is_string(json_array_get(e, 1)))
		return vfail(v, "%s: expected a [key, value] pair of strings",
		             arg, NULL);
	return 0;
}

/* A fixed-length array whose elements are fields described by `codes`. */
static int tuple(vstate *v, const json_t *a, const char *codes,
                 const char *what, const char *ctx)
{
	size_t i, n = strlen(codes);
	int rc = 0;

	if (!json_is_array(a) || json_array_size(a) != n)
		return vfail(v, "%s: expected %s", ctx, what);
	if (dmp_path_push_index(&v->path, 0) != 0)
		return dm_nomem(v->err);
	for (i = 0; i < n && rc == 0; i++) {
		dmp_path_set_index(&v->path, i);
		rc = field(v, codes[i], json_array_get(a, i), ctx);
	}
	if (rc == 0)
		dmp_path_pop(&v->path);
	return rc;
}

static const char *tag_content(const json_t *o, const json_t **c)
{
	return dmp_tag_content(o, (json_t **)c);
}

/* An enumeration: a nullary constructor {"t": one of `names`}. */
static int enumeration(vstate *v, const json_t *o, const char *const *names,
                       const char *what, const char *ctx)
{
	const json_t *c;
	const char *tag = tag_content(o, &c);

	if (tag != NULL) {
		if (c == NULL || json_is_null(c) ||
		    (json_is_array(c) && json_array_size(c) == 0))
			for (; *names; names++)
				if (strcmp(*names, tag) == 0)
					return 0;
	}
	return vfail(v, "%s: expected %s", ctx, what);
}

static const char *const quote_types[] = {"SingleQuote", "DoubleQuote", NULL};
static const char *const math_types[] = {"InlineMath", "DisplayMath", NULL};
static const char *const cite_modes[] = {"AuthorInText", "SuppressAuthor",
                                         "NormalCitation", NULL};
static const char *const alignments[] = {"AlignLeft", "AlignRight",
                                         "AlignCenter", "AlignDefault", NULL};
static const char *const num_styles[] = {
	"DefaultStyle", "Example",    "Decimal",    "LowerRoman",
	"UpperRoman",   "LowerAlpha", "UpperAlpha", NULL};
static const char *const num_delims[] = {"DefaultDelim", "Period",
                                         "OneParen", "TwoParens", NULL};

static int object_key(vstate *v, const json_t *o, const char *key, char code,
                      const char *ctx)
{
	const json_t *f = json_object_get(o, key);

	if (f == NULL)
		return vfail(v, "%s: missing \"%s\"", ctx, key);
	if (dmp_path_push_key(&v->path, key) != 0)
		return dm_nomem(v->err);
	if (field(v, code, f, ctx) != 0)
		return -1;
	dmp_path_pop(&v->path);
	return 0;
}

static int citation(vstate *v, const json_t *c, const void *arg)
{
	static const char *const mode_ctx = "Citation";

	(void)arg;
	if (!json_is_object(c))
		return vfail(v, "Cite: expected a Citation object", NULL, NULL);
	if (object_key(v, c, "citationId", 's', "Citation") != 0 ||
	    object_key(v, c, "citationPrefix", 'I', "Citation") != 0 ||
	    object_key(v, c, "citationSuffix", 'I', "Citation") != 0 ||
	    object_key(v, c, "citationNoteNum", 'n', "Citation") != 0 ||
	    object_key(v, c, "citationHash", 'n', "Citation") != 0)
		return -1;
	if (json_object_get(c, "citationMode") == NULL)
		return vfail(v, "Citation: missing \"citationMode\"", NULL,
		             NULL);
	if (dmp_path_push_key(&v->path, "citationMode") != 0)
		return dm_nomem(v->err);
	if (enumeration(v, json_object_get(c, "citationMode"), cite_modes,
	                "a CitationMode", mode_ctx) != 0)
		return -1;
	dmp_path_pop(&v->path);
	return 0;
}

static int colspec(vstate *v, const json_t *cs, const void *arg)
{
	const json_t *w;
	const char *tag;

	(void)arg;
	if (!json_is_array(cs) || json_array_size(cs) != 2)
		return vfail(v, "Table: expected a ColSpec [Alignment, ColWidth]",
		             NULL, NULL);
	if (dmp_path_push_index(&v->path, 0) != 0)
		return dm_nomem(v->err);
	if (enumeration(v, json_array_get(cs, 0), alignments,
	                "an Alignment", "Table") != 0)
		return -1;
	dmp_path_set_index(&v->path, 1);
	w = json_array_get(cs, 1);
	tag = dm_tag(w);
	if (tag && strcmp(tag, "ColWidth") == 0) {
		if (!json_is_number(json_object_get(w, "c")))
			return vfail(v, "Table: ColWidth: expected a number",
			             NULL, NULL);
	} else if (!(tag && strcmp(tag, "ColWidthDefault") == 0)) {
		return vfail(v, "Table: expected a ColWidth", NULL, NULL);
	}
	dmp_path_pop(&v->path);
	return 0;
}

static int cell(vstate *v, const json_t *c, const void *arg)
{
	const char *ctx = arg;

	if (!json_is_array(c) || json_array_size(c) != 5)
		return vfail(v, "%s: expected a Cell [Attr, Alignment, rowspan, "
		                "colspan, [Block]]", ctx, NULL);
	if (dmp_path_push_index(&v->path, 0) != 0)
		return dm_nomem(v->err);
	if (field(v, 'A', json_array_get(c, 0), ctx) != 0)
		return -1;
	dmp_path_set_index(&v->path, 1);
	if (enumeration(v, json_array_get(c, 1), alignments, "an Alignment",
	                ctx) != 0)
		return -1;
	dmp_path_set_index(&v->path, 2);
	if (field(v, 'n', json_array_get(c, 2), ctx) != 0)
		return -1;
	dmp_path_set_index(&v->path, 3);
	if (field(v, 'n', json_array_get(c, 3), ctx) != 0)
		return -1;
	dmp_path_set_index(&v->path, 4);
	if (field(v, 'B', json_array_get(c, 4), ctx) != 0)
		return -1;
	dmp_path_pop(&v->path);
	return 0;
}

static int row(vstate *v, const json_t *r, const void *arg)
{
	const char *ctx = arg;

	if (!json_is_array(r) || json_array_size(r) != 2)
		return vfail(v, "%s: expected a Row [Attr, [Cell]]", ctx, NULL);
	if (dmp_path_push_index(&v->path, 0) != 0)
		return dm_nomem(v->err);
	if (field(v, 'A', json_array_get(r, 0), ctx) != 0)
		return -1;
	dmp_path_set_index(&v->path, 1);
	if (list_of(v, json_array_get(r, 1), "a list of cells", ctx, cell,
	            ctx) != 0)
		return -1;
	dmp_path_pop(&v->path);
	return 0;
}

static int rows(vstate *v, const json_t *a, const char *ctx)
{
	return list_of(v, a, "a list of rows", ctx, row, ctx);
}

static int body(vstate *v, const json_t *b, const void *arg)
{
	(void)arg;
	if (!json_is_array(b) || json_array_size(b) != 4)
		return vfail(v, "Table: expected a TableBody [Attr, row head "
		                "columns, [Row], [Row]]", NULL, NULL);
	if (dmp_path_push_index(&v->path, 0) != 0)
		return dm_nomem(v->err);
	if (field(v, 'A', json_array_get(b, 0), "Table") != 0)
		return -1;
	dmp_path_set_index(&v->path, 1);
	if (field(v, 'n', json_array_get(b, 1), "Table") != 0)
		return -1;
	dmp_path_set_index(&v->path, 2);
	if (rows(v, json_array_get(b, 2), "Table") != 0)
		return -1;
	dmp_path_set_index(&v->path, 3);
	if (rows(v, json_array_get(b, 3), "Table") != 0)
		return -1;
	dmp_path_pop(&v->path);
	return 0;
}

static int meta_map(vstate *v, const json_t *m, const char *ctx)
{
	static const dm_kind meta = DM_META;
	const char *key;
	const json_t *val;

	if (!json_is_object(m))
		return vfail(v, "%s: expected an object of metadata values",
		             ctx, NULL);
	json_object_foreach((json_t *)m, key, val) {
		if (dmp_path_push_key(&v->path, key) != 0)
			return dm_nomem(v->err);
		if (each_node(v, val, &meta) != 0)
			return -1;
		dmp_path_pop(&v->path);
	}
	return 0;
}

/* An Attr: [id, [class], [[key, value]]]. */
static int attr(vstate *v, const json_t *f, const char *ctx)
{
	if (!json_is_array(f) || json_array_size(f) != 3 ||
	    !json_is_string(json_array_get(f, 0)))
		return vfail(v, "%s: expected an Attr [id, [class], "
		                "[[key, value]]]", ctx, NULL);
	if (dmp_path_push_index(&v->path, 1) != 0)
		return dm_nomem(v->err);
	if (list_of(v, json_array_get(f, 1), "a list of classes", ctx,
	            each_string, ctx) != 0)
		return -1;
	dmp_path_set_index(&v->path, 2);
	if (list_of(v, json_array_get(f, 2),
	            "a list of [key, value] pairs", ctx, each_pair,
	            ctx) != 0)
		return -1;
	dmp_path_pop(&v->path);
	return 0;
}

/* ListAttributes: [start, style, delimiter]. */
static int list_attrs(vstate *v, const json_t *f, const char *ctx)
{
	if (!json_is_array(f) || json_array_size(f) != 3 ||
	    !dmp_is_int(json_array_get(f, 0)))
		return vfail(v, "%s: expected ListAttributes [start, "
		                "style, delimiter]", ctx, NULL);
	if (dmp_path_push_index(&v->path, 1) != 0)
		return dm_nomem(v->err);
	if (enumeration(v, json_array_get(f, 1), num_styles,
	                "a ListNumberStyle", ctx) != 0)
		return -1;
	dmp_path_set_index(&v->path, 2);
	if (enumeration(v, json_array_get(f, 2), num_delims,
	                "a ListNumberDelim", ctx) != 0)
		return -1;
	dmp_path_pop(&v->path);
	return 0;
}

/* A Caption: [short, [Block]]. */
static int caption(vstate *v, const json_t *f, const char *ctx)
{
	if (!json_is_array(f) || json_array_size(f) != 2)
		return vfail(v, "%s: expected a Caption [short, [Block]]",
		             ctx, NULL);
	if (dmp_path_push_index(&v->path, 0) != 0)
		return dm_nomem(v->err);
	if (!json_is_null(json_array_get(f, 0)) &&
	    field(v, 'I', json_array_get(f, 0), ctx) != 0)
		return -1;
	dmp_path_set_index(&v->path, 1);
	if (field(v, 'B', json_array_get(f, 1), ctx) != 0)
		return -1;
	dmp_path_pop(&v->path);
	return 0;
}

/* A TableHead or TableFoot: [Attr, [Row]]. */
static int head_foot(vstate *v, const json_t *f, const char *ctx)
{
	if (!json_is_array(f) || json_array_size(f) != 2)
		return vfail(v, "%s: expected a TableHead or TableFoot "
		                "[Attr, [Row]]", ctx, NULL);
	if (dmp_path_push_index(&v->path, 0) != 0)
		return dm_nomem(v->err);
	if (field(v, 'A', json_array_get(f, 0), ctx) != 0)
		return -1;
	dmp_path_set_index(&v->path, 1);
	if (rows(v, json_array_get(f, 1), ctx) != 0)
		return -1;
	dmp_path_pop(&v->path);
	return 0;
}

/* A string (s), an integer (n), a boolean (b) or a Target (T). */
static int scalar(vstate *v, char code, const json_t *f, const char *ctx)
{
	switch (code) {
	case 's':
		if (!json_is_string(f))
			return vfail(v, "%s: expected a string", ctx, NULL);
		return 0;
	case 'n':
		if (!dmp_is_int(f))
			return vfail(v, "%s: expected an integer", ctx, NULL);
		return 0;
	case 'b':
		if (!json_is_boolean(f))
			return vfail(v, "%s: expected true or false", ctx, NULL);
		return 0;
	case 'T':
		if (!json_is_array(f) || json_array_size(f) != 2 ||
		    !json_is_string(json_array_get(f, 0)) ||
		    !json_is_string(json_array_get(f, 1)))
			return vfail(v, "%s: expected a target [url, title]",
			             ctx, NULL);
		return 0;
	}
	return 0;
}

static int field(vstate *v, char code, const json_t *f, const char *ctx)
{
	static const dm_kind blocks = DM_BLOCK, inlines = DM_INLINE,
	                     meta = DM_META;
	const fspec item = {code == 'L' ? 'B' : code == 'W' ? 'I' : 'd', ctx};

	switch (code) {
	case 'I':
		return list_of(v, f, "a list of inlines", ctx, each_node,
		               &inlines);
	case 'B':
		return list_of(v, f, "a list of blocks", ctx, each_node,
		               &blocks);
	case 'L':
		return list_of(v, f, "a list of items (lists of blocks)", ctx,
		               each_field, &item);
	case 'W':
		return list_of(v, f, "a list of lines (lists of inlines)", ctx,
		               each_field, &item);
	case 'D':
		return list_of(v, f, "a list of [term, definitions] pairs",
		               ctx, each_field, &item);
	case 'd': /* one definition list item */
		return tuple(v, f, "IL", "a [term, definitions] pair", ctx);
	case 'A':
		return attr(v, f, ctx);
	case 's':
	case 'n':
	case 'b':
	case 'T':
		return scalar(v, code, f, ctx);
	case 'Q':
		return enumeration(v, f, quote_types, "a QuoteType", ctx);
	case 'M':
		return enumeration(v, f, math_types, "a MathType", ctx);
	case 'O':
		return list_attrs(v, f, ctx);
	case 'X':
		return list_of(v, f, "a list of citations", ctx, citation,
		               NULL);
	case 'C':
		return caption(v, f, ctx);
	case 'S':
		return list_of(v, f, "a list of ColSpecs", ctx, colspec, NULL);
	case 'H':
		return head_foot(v, f, ctx);
	case 'Y':
		return list_of(v, f, "a list of TableBodies", ctx, body, NULL);
	case 'm':
		return meta_map(v, f, ctx);
	case 'l':
		return list_of(v, f, "a list of metadata values", ctx,
		               each_node, &meta);
	}
	return vfail(v, "%s: internal error: unknown field code", ctx, NULL);
}

static int node(vstate *v, const json_t *n, dm_kind kind)
{
	const dm_schema *s;
	const json_t *c;
	const char *tag;
	size_t nf;

	if (!json_is_object(n))
		return vfail(v, "expected %s object with \"t\"",
		             kind == DM_INLINE ? "an Inline" : kind == DM_BLOCK
		                                     ? "a Block" : "a MetaValue",
		             NULL);
	tag = tag_content(n, &c);
	if (tag == NULL)
		return vfail(v, "expected %s object with \"t\"",
		             kind == DM_INLINE ? "an Inline" : kind == DM_BLOCK
		                                     ? "a Block" : "a MetaValue",
		             NULL);
	s = dmp_schema(tag, kind);
	if (s == NULL) {
		/* A tag of another kind is a mistake; an unknown one may be
		 * a newer pandoc's and passes through untouched. */
		dm_kind k;
		for (k = DM_BLOCK; k <= DM_META; k++)
			if (k != kind && dmp_schema(tag, k) != NULL)
				return vfail(v, "%s where %s belongs", tag,
				             kind_name(kind));
		return 0;
	}
	if (s->only_minor && s->only_minor != v->api_minor) {
		char what[160];
		snprintf(what, sizeof what,
		         "%s does not exist in pandoc-api-version 1.%d "
		         "(only in 1.%d)", tag, v->api_minor, s->only_minor);
		return vfail(v, "%s", what, NULL);
	}
	nf = strlen(s->fields);
	if (nf == 0) {
		if (c == NULL || json_is_null(c) ||
		    (json_is_array(c) && json_array_size(c) == 0))
			return 0;
		return vfail(v, "%s: expected no contents", tag, NULL);
	}
	if (c == NULL)
		return vfail(v, "%s: missing \"c\"", tag, NULL);
	if (dmp_path_push_key(&v->path, "c") != 0)
		return dm_nomem(v->err);
	if (nf == 1) {
		if (field(v, s->fields[0], c, tag) != 0)
			return -1;
	} else {
		static const char *const arrays[] = {
			"", "", "an array of 2 fields", "an array of 3 fields",
			"an array of 4 fields", "an array of 5 fields",
			"an array of 6 fields"};
		if (tuple(v, c, s->fields, arrays[nf], tag) != 0)
			return -1;
	}
	dmp_path_pop(&v->path);
	return 0;
}

int dm_validate(const json_t *n, dm_kind kind, int api_minor,
                const char *where, dm_error *err)
{
	size_t deepest;

	return dmp_validate(n, kind, api_minor, where, err, &deepest);
}

int dmp_validate(const json_t *n, dm_kind kind, int api_minor,
                 const char *where, dm_error *err, size_t *deepest)
{
	vstate v = {{NULL, 0, 0, where, 0}, api_minor, err};
	int rc;

	if (json_is_array(n)) {
		rc = list_of(&v, n, kind == DM_INLINE ? "a list of inlines"
		                                      : "a list of blocks",
		             "document", each_node, &kind);
	} else if (kind == DM_META && json_is_object(n) &&
	           dm_tag(n) == NULL) {
		rc = meta_map(&v, n, "meta");
	} else {
		rc = node(&v, n, kind);
	}
	*deepest = v.path.deepest + 1;
	dmp_path_free(&v.path);
	return rc;
}

int dmp_validate_blocks(const json_t *a, size_t first, int api_minor,
                        dm_error *err, size_t *deepest)
{
	vstate v = {{NULL, 0, 0, "blocks", 0}, api_minor, err};
	size_t i, n = json_array_size(a);
	int rc = 0;

	if (dmp_path_push_index(&v.path, first) != 0)
		rc = dm_nomem(err);
	for (i = 0; i < n && rc == 0; i++) {
		dmp_path_set_index(&v.path, first + i);
		rc = node(&v, json_array_get(a, i), DM_BLOCK);
	}
	*deepest = v.path.deepest + 1;
	dmp_path_free(&v.path);
	return rc;
}
