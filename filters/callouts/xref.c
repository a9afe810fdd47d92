/*
 * xref.c - Quarto's cross-references to callouts: a callout whose id
 * opens with its type's prefix (`#nte-x` a note, `#tip-x`, `#wrn-x`,
 * `#imp-x`, `#cau-x`) is numbered per type ("Note 1"), and a citation of
 * that id (`@nte-x`, a Cite in pandoc's AST) becomes a link reading
 * "Note 1" to the callout.
 *
 * The numbers are counted before the walk (every reference may come
 * before its callout); the semantic form keeps the title as written, so
 * that a second run numbers it again the same.
 */
#include <stdlib.h>
#include <string.h>

#include "callouts.h"

static const struct {
	const char *prefix, *type;
} prefixes[] = {
	{"nte-", "note"},    {"tip-", "tip"},     {"wrn-", "warning"},
	{"imp-", "important"}, {"cau-", "caution"},
};

const char *dmf_xref_type(const char *id)
{
	size_t i;

	for (i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
		if (strncmp(id, prefixes[i].prefix, 4) == 0 && id[4] != '\0')
			return prefixes[i].type;
	return NULL;
}

static dm_walk_result count_div(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                                json_t *node, json_t **out)
{
	state *st = ctx->state;
	const ctype *t;
	const char *id, *want;
	json_t *n;
	char key[80];

	(void)w, (void)out;
	if (ev != DM_ENTER || dm_type_of(node) != DM_T_DIV ||
	    (t = dmf_div_kind(st, node)) == NULL)
		return DM_WALK_CONTINUE;
	id = dm_attr_id(dm_node_attr(node));
	want = dmf_xref_type(id);
	if (want == NULL || strcmp(want, t->name) != 0 ||
	    json_object_get(st->xrefs, id) != NULL)
		return DM_WALK_CONTINUE;
	snprintf(key, sizeof key, " %s", t->name); /* a count per type */
	n = json_object_get(st->xrefs, key);
	n = json_integer(n ? json_integer_value(n) + 1 : 1);
	if (n == NULL || json_object_set(st->xrefs, key, n)) {
		json_decref(n);
		return dm_nomem(ctx->err), DM_WALK_ERROR;
	}
	if (json_object_set_new(st->xrefs, id, n)) /* stolen */
		return dm_nomem(ctx->err), DM_WALK_ERROR;
	return DM_WALK_CONTINUE;
}

int dmf_xref_count(dm_ctx *ctx)
{
	static const dm_visitor counter = {count_div, NULL, NULL, NULL, 0};
	state *st = ctx->state;

	if ((st->xrefs = json_object()) == NULL)
		return dm_nomem(ctx->err);
	return dm_walk_doc(ctx, &counter);
}

/* "Note 1" (with `label`) or "1": inlines, a new array or NULL. */
static json_t *numbered(const ctype *t, long n, bool label)
{
	dm_buf b = {0};
	json_t *ils;

	if (label)
		dm_buf_printf(&b, "%s %ld", t->label, n);
	else
		dm_buf_printf(&b, "%ld", n);
	ils = dm_buf_failed(&b) ? NULL : dm_text(dm_buf_str(&b));
	dm_buf_free(&b);
	return ils;
}

int dmf_xref_title(const state *st, callout *c)
{
	const char *id = dm_attr_id(c->attr);
	json_t *n = *id ? json_object_get(st->xrefs, id) : NULL, *title;

	if (n == NULL)
		return 0;
	title = numbered(c->type, (long)json_integer_value(n), true);
	if (title == NULL)
		return -1;
	/* "Note 1: the title", or "Note 1" for the type's own label */
	if (!json_equal(c->title, c->type->title) &&
	    (json_array_append_new(title, dm_str(":")) ||
	     json_array_append_new(title, dm_space()) ||
	     json_array_extend(title, c->title))) {
		json_decref(title);
		return -1;
	}
	json_decref(c->title);
	c->title = title;
	return 0;
}

/* One citation as inlines: its prefix, a link to the callout, its
 * suffix; appended to `out`.  0, 1 when it names no callout, -1. */
static int cite_one(const state *st, const json_t *cit, json_t *out)
{
	const char *id = json_string_value(json_object_get(cit, "citationId"));
	const json_t *n = id ? json_object_get(st->xrefs, id) : NULL;
	const char *mode = json_string_value(json_object_get(
	        json_object_get(cit, "citationMode"), "t"));
	json_t *pre = json_object_get(cit, "citationPrefix");
	json_t *text, *url;
	dm_buf target = {0};

	if (n == NULL || *id == ' ')
		return 1;
	text = numbered(dmf_find_type(st, dmf_xref_type(id)),
	                (long)json_integer_value(n),
	                !(mode && strcmp(mode, "SuppressAuthor") == 0));
	dm_buf_printf(&target, "#%s", id);
	url = text && !dm_buf_failed(&target)
	              ? dm_link(dm_attr(NULL), text, dm_buf_str(&target), "")
	              : NULL;
	dm_buf_free(&target);
	if (url == NULL)
		return -1;
	if ((json_array_size(pre) &&
	     (json_array_extend(out, pre) || dm_append(out, dm_space()))) ||
	    dm_append(out, url) ||
	    json_array_extend(out, json_object_get(cit, "citationSuffix")))
		return -1;
	return 0;
}

dm_walk_result dmf_xref_cite(dm_ctx *ctx, json_t *cite, json_t **out)
{
	const state *st = ctx->state;
	json_t *cits = dm_field(cite, 0), *r;
	size_t i;
	int rc = 0;

	if (json_object_size(st->xrefs) == 0 || json_array_size(cits) == 0)
		return DM_WALK_CONTINUE;
	if ((r = json_array()) == NULL)
		return dm_nomem(ctx->err), DM_WALK_ERROR;
	for (i = 0; rc == 0 && i < json_array_size(cits); i++) {
		if (i > 0 && (dm_append(r, dm_str(",")) ||
		              dm_append(r, dm_space())))
			rc = -1;
		else
			rc = cite_one(st, json_array_get(cits, i), r);
	}
	if (rc != 0) {
		json_decref(r);
		if (rc < 0)
			return dm_nomem(ctx->err), DM_WALK_ERROR;
		return DM_WALK_CONTINUE; /* not every one names a callout */
	}
	*out = r;
	return DM_WALK_REPLACE;
}
