/*
 * walk.c - visiting every Block and Inline of a document.
 *
 * The walker reads the schema table (schema.c), so it reaches every place
 * the validator checks: list items, definition terms and definitions,
 * table captions, heads, bodies (intermediate heads too), feet and cells,
 * figure captions, citations' prefixes and suffixes, notes, metadata.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct dm_walk {
	dm_ctx *ctx;
	const dm_visitor *v;
	dm_path path;
	json_t **stack; /* the enclosing nodes, outermost first */
	size_t depth;
	size_t cap;
	int status; /* 0 walking, 1 stopped, -1 failed */
};

/* Every function below returns 0 to go on and -1 to unwind (stop or
 * failure, as w->status says). */

static int fail_nomem(dm_walk *w)
{
	w->status = -1;
	return dm_nomem(w->ctx->err);
}

static int push_key(dm_walk *w, const char *key)
{
	return dmp_path_push_key(&w->path, key) ? fail_nomem(w) : 0;
}

static int push_index(dm_walk *w, size_t i)
{
	return dmp_path_push_index(&w->path, i) ? fail_nomem(w) : 0;
}

static int push_node(dm_walk *w, json_t *node)
{
	if (w->depth == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 64;
		json_t **s = realloc(w->stack, cap * sizeof *s);
		if (s == NULL)
			return fail_nomem(w);
		w->stack = s;
		w->cap = cap;
	}
	w->stack[w->depth++] = node;
	return 0;
}

static int walk_list(dm_walk *w, json_t *list, dm_kind kind);
static int walk_meta_value(dm_walk *w, json_t *value);

static int walk_rows(dm_walk *w, json_t *rows)
{
	size_t r, c;

	for (r = 0; r < json_array_size(rows); r++) {
		json_t *cells = json_array_get(json_array_get(rows, r), 1);
		if (push_index(w, r) || push_index(w, 1))
			return -1;
		for (c = 0; c < json_array_size(cells); c++) {
			if (push_index(w, c) || push_index(w, 4) ||
			    walk_list(w, json_array_get(json_array_get(cells, c),
			                                4),
			              DM_BLOCK))
				return -1;
			dmp_path_pop(&w->path);
			dmp_path_pop(&w->path);
		}
		dmp_path_pop(&w->path);
		dmp_path_pop(&w->path);
	}
	return 0;
}

/* Walks element `i` of array `a` as field `code`. */
static int walk_field(dm_walk *w, char code, json_t *f);

static int walk_at(dm_walk *w, char code, json_t *a, size_t i)
{
	if (push_index(w, i) || walk_field(w, code, json_array_get(a, i)))
		return -1;
	dmp_path_pop(&w->path);
	return 0;
}

/* The prefixes and suffixes of a list of citations. */
static int walk_citations(dm_walk *w, json_t *f)
{
	size_t i;

	for (i = 0; i < json_array_size(f); i++) {
		json_t *cit = json_array_get(f, i);
		if (push_index(w, i) || push_key(w, "citationPrefix") ||
		    walk_list(w, json_object_get(cit, "citationPrefix"),
		              DM_INLINE))
			return -1;
		dmp_path_pop(&w->path);
		if (push_key(w, "citationSuffix") ||
		    walk_list(w, json_object_get(cit, "citationSuffix"),
		              DM_INLINE))
			return -1;
		dmp_path_pop(&w->path);
		dmp_path_pop(&w->path);
	}
	return 0;
}

/* The head rows and the body rows of a list of TableBodies. */
static int walk_bodies(dm_walk *w, json_t *f)
{
	size_t i;

	for (i = 0; i < json_array_size(f); i++) {
		json_t *body = json_array_get(f, i);
		if (push_index(w, i) || push_index(w, 2) ||
		    walk_rows(w, json_array_get(body, 2)))
			return -1;
		dmp_path_set_index(&w->path, 3);
		if (walk_rows(w, json_array_get(body, 3)))
			return -1;
		dmp_path_pop(&w->path);
		dmp_path_pop(&w->path);
	}
	return 0;
}

/* A map (m) or a list (l) of metadata values. */
static int walk_meta_field(dm_walk *w, char code, json_t *f)
{
	const char *key;
	json_t *val;
	size_t i;

	if (code == 'm') {
		json_object_foreach(f, key, val) {
			if (push_key(w, key) || walk_meta_value(w, val))
				return -1;
			dmp_path_pop(&w->path);
		}
		return 0;
	}
	for (i = 0; i < json_array_size(f); i++) {
		if (push_index(w, i) || walk_meta_value(w, json_array_get(f, i)))
			return -1;
		dmp_path_pop(&w->path);
	}
	return 0;
}

static int walk_field(dm_walk *w, char code, json_t *f)
{
	size_t i;

	switch (code) {
	case 'I':
		return walk_list(w, f, DM_INLINE);
	case 'B':
		return walk_list(w, f, DM_BLOCK);
	case 'L':
	case 'W':
		for (i = 0; i < json_array_size(f); i++)
			if (walk_at(w, code == 'L' ? 'B' : 'I', f, i))
				return -1;
		return 0;
	case 'D':
		for (i = 0; i < json_array_size(f); i++)
			if (walk_at(w, 'd', f, i))
				return -1;
		return 0;
	case 'd': /* [term, [definition]] */
		return walk_at(w, 'I', f, 0) || walk_at(w, 'L', f, 1) ? -1 : 0;
	case 'C': /* [short caption or null, blocks] */
		if (json_is_array(json_array_get(f, 0)) && walk_at(w, 'I', f, 0))
			return -1;
		return walk_at(w, 'B', f, 1);
	case 'X':
		return walk_citations(w, f);
	case 'H': /* [attr, rows] */
		if (push_index(w, 1) || walk_rows(w, json_array_get(f, 1)))
			return -1;
		dmp_path_pop(&w->path);
		return 0;
	case 'Y': /* [[attr, n, head rows, body rows]] */
		return walk_bodies(w, f);
	case 'm':
	case 'l':
		return walk_meta_field(w, code, f);
	}
	return 0; /* no nodes inside */
}

/* Whether a node of these fields holds nodes (a Str, a Code, a Space
 * does not: most of a document's nodes, left at once). */
static bool holds_nodes(const char *fields)
{
	for (; *fields; fields++)
		if (strchr("IBLWDCXHYml", *fields))
			return true;
	return false;
}

/* Whether an object of two members holds two strings (a Str: its tag and
 * its text), found without looking at the keys. */
static bool strings_only(json_t *node)
{
	void *it = json_object_iter(node);

	return json_object_size(node) == 2 &&
	       json_is_string(json_object_iter_value(it)) &&
	       json_is_string(json_object_iter_value(
	               json_object_iter_next(node, it)));
}

static int walk_children(dm_walk *w, json_t *node, dm_kind kind)
{
	json_t *c;
	const char *tag;
	const dm_schema *s;
	size_t i, n;

	/* A node without contents (Space, SoftBreak) or with a string (Str,
	 * MetaString): nothing inside, known without the schema. */
	if (json_object_size(node) < 2 || strings_only(node))
		return 0;
	tag = dmp_tag_content(node, &c);
	if (tag == NULL || c == NULL || json_is_string(c))
		return 0;
	s = dmp_schema(tag, kind);
	if (s == NULL || !holds_nodes(s->fields))
		return 0; /* unknown nodes pass through untouched */
	n = strlen(s->fields);
	if (push_node(w, node) || push_key(w, "c"))
		return -1;
	if (n == 1) {
		if (walk_field(w, s->fields[0], c))
			return -1;
	} else {
		for (i = 0; i < n; i++)
			if (walk_at(w, s->fields[i], c, i))
				return -1;
	}
	dmp_path_pop(&w->path);
	w->depth--;
	return 0;
}

static int walk_meta_value(dm_walk *w, json_t *value)
{
	return walk_children(w, value, DM_META);
}

/*
 * A list being walked.  Its nodes are visited in order.  Replacing one by
 * several in place would move every node after it, so a list whose nodes
 * are replaced by thousands of others would cost the square of its
 * length.  Until the first replacement by a list of nodes the walk goes on
 * in place; then the nodes not yet visited are moved aside, once, to
 * `rest`, and each is put back at the end of the list when its turn comes:
 * the node being visited is always the list's last, and replacing it costs
 * only the nodes that replace it.  The list holds, at every moment, the
 * nodes walked and the one being visited, so a path leads to it.
 */
typedef struct wlist {
	json_t *list;
	json_t *rest; /* the nodes not yet visited, once moved aside */
	size_t i;     /* before: the index of the node being visited; */
	size_t next;  /* after: the index in `rest` of the next one */
} wlist;

/* Where the node being visited stands in the list. */
static size_t position(const wlist *l)
{
	return l->rest ? json_array_size(l->list) - 1 : l->i;
}

static json_t *current(const wlist *l)
{
	return json_array_get(l->list, position(l));
}

/* Moves the nodes after the one being visited to `rest`.  0 or -1. */
static int move_rest(dm_walk *w, wlist *l)
{
	size_t k, n = json_array_size(l->list);

	if ((l->rest = json_array()) == NULL)
		return fail_nomem(w);
	for (k = l->i + 1; k < n; k++)
		if (json_array_append(l->rest, json_array_get(l->list, k)))
			return fail_nomem(w);
	while (json_array_size(l->list) > l->i + 1) /* from the end: no moves */
		if (json_array_remove(l->list, json_array_size(l->list) - 1))
			return fail_nomem(w);
	l->next = 0;
	return 0;
}

/* Takes the node being visited out, to be replaced by a list.  0 or -1. */
static int take_current(dm_walk *w, wlist *l)
{
	if (l->rest == NULL && move_rest(w, l))
		return -1;
	return json_array_remove(l->list, json_array_size(l->list) - 1)
	               ? fail_nomem(w) : 0;
}

/* Puts `rep` (stolen: a node, or an array of nodes) in place of the node
 * being visited.  Returns how many nodes now stand there, or -1. */
static long splice(dm_walk *w, wlist *l, json_t *rep)
{
	size_t n;

	if (rep == NULL)
		return fail_nomem(w);
	if (!json_is_array(rep)) {
		if (json_array_set_new(l->list, position(l), rep) != 0)
			return fail_nomem(w);
		return 1;
	}
	n = json_array_size(rep);
	if (take_current(w, l) || json_array_extend(l->list, rep)) {
		json_decref(rep);
		return fail_nomem(w);
	}
	json_decref(rep);
	return (long)n;
}

static dm_node_fn callback(const dm_walk *w, dm_kind kind)
{
	return kind == DM_BLOCK ? w->v->block
	                        : kind == DM_INLINE ? w->v->inline_ : NULL;
}

static int result(dm_walk *w, dm_walk_result r)
{
	if (r == DM_WALK_STOP) {
		w->status = 1;
		return -1;
	}
	if (r == DM_WALK_ERROR) {
		w->status = -1;
		if (!dm_error_is_set(w->ctx->err))
			dm_error_set(w->ctx->err, DM_EFAIL, NULL,
			             "a filter failed without saying why");
		return -1;
	}
	return 0;
}

/* Walks the children of the node being visited, then calls EXIT on it.
 * 0 or -1. */
static int finish(dm_walk *w, wlist *l, dm_kind kind)
{
	json_t *node = current(l), *out = NULL;
	dm_node_fn fn = callback(w, kind);
	dm_walk_result r;

	if (walk_children(w, node, kind))
		return -1;
	if (fn == NULL)
		return 0;
	r = fn(w->ctx, w, DM_EXIT, node, &out);
	if (r == DM_WALK_REPLACE || r == DM_WALK_REPLACE_SKIP)
		return splice(w, l, out) < 0 ? -1 : 0;
	return result(w, r);
}

/* Replaces the node being visited by `rep` (stolen) and walks the new
 * nodes, each in turn the last of the list: their children, then EXIT. */
static int replace_and_walk(dm_walk *w, wlist *l, json_t *rep, dm_kind kind)
{
	size_t k, n;
	int rc = 0;

	if (rep == NULL)
		return fail_nomem(w);
	if (!json_is_array(rep)) {
		if (splice(w, l, rep) < 0)
			return -1;
		return finish(w, l, kind);
	}
	if (take_current(w, l)) {
		json_decref(rep);
		return -1;
	}
	n = json_array_size(rep);
	for (k = 0; k < n && rc == 0; k++) {
		if (json_array_append(l->list, json_array_get(rep, k))) {
			rc = fail_nomem(w);
			break;
		}
		dmp_path_set_index(&w->path, position(l));
		rc = finish(w, l, kind);
	}
	json_decref(rep);
	return rc;
}

/* Visits the node: ENTER, children, EXIT.  0 or -1. */
static int visit(dm_walk *w, wlist *l, dm_kind kind)
{
	json_t *out = NULL;
	dm_node_fn fn = callback(w, kind);
	dm_walk_result r = DM_WALK_CONTINUE;

	dmp_path_set_index(&w->path, position(l));
	if (fn != NULL)
		r = fn(w->ctx, w, DM_ENTER, current(l), &out);
	switch (r) {
	case DM_WALK_CONTINUE:
		return finish(w, l, kind);
	case DM_WALK_SKIP:
		return 0;
	case DM_WALK_REPLACE_SKIP:
		return splice(w, l, out) < 0 ? -1 : 0;
	case DM_WALK_REPLACE:
		return replace_and_walk(w, l, out, kind);
	default:
		return result(w, r);
	}
}

/* Puts back the nodes still aside (after a stop or a failure: the
 * document stays whole).  0 or -1. */
static int put_back(dm_walk *w, wlist *l)
{
	int rc = 0;

	for (; l->next < json_array_size(l->rest) && rc == 0; l->next++)
		rc = json_array_append(l->list,
		                       json_array_get(l->rest, l->next));
	json_decref(l->rest);
	l->rest = NULL;
	return rc ? fail_nomem(w) : 0;
}

/* The next node to visit: in place, or back from `rest`.  False at the
 * end of the list (or on failure, with w->status set). */
static bool next_node(dm_walk *w, wlist *l, bool first)
{
	if (l->rest == NULL) {
		if (!first)
			l->i++;
		return l->i < json_array_size(l->list);
	}
	if (l->next >= json_array_size(l->rest))
		return false;
	if (json_array_append(l->list, json_array_get(l->rest, l->next++))) {
		fail_nomem(w);
		return false;
	}
	return true;
}

/* A list of nodes the visitor has no callback for: nothing in it can be
 * replaced, only the nodes inside them are visited.  Its index is on the
 * path; 0 (the index popped) or -1. */
static int walk_through(dm_walk *w, json_t *list, dm_kind kind)
{
	size_t i;

	for (i = 0; i < json_array_size(list); i++) {
		dmp_path_set_index(&w->path, i);
		if (walk_children(w, json_array_get(list, i), kind))
			return -1;
	}
	if (w->status < 0)
		return -1;
	dmp_path_pop(&w->path);
	return 0;
}

static int walk_list(dm_walk *w, json_t *list, dm_kind kind)
{
	dm_list_fn lfn = kind == DM_BLOCK ? w->v->blocks
	                 : kind == DM_INLINE ? w->v->inlines : NULL;
	wlist l = {list, NULL, 0, 0};
	bool first = true;
	int rc = 0;

	if (!json_is_array(list))
		return 0;
	if (lfn && result(w, lfn(w->ctx, w, list)))
		return -1;
	if (push_index(w, 0))
		return -1;
	if (lfn == NULL && callback(w, kind) == NULL)
		return walk_through(w, list, kind);
	while (rc == 0 && next_node(w, &l, first)) {
		first = false;
		rc = visit(w, &l, kind);
	}
	if (w->status < 0)
		rc = -1;
	if (l.rest && put_back(w, &l))
		rc = -1;
	if (rc == 0)
		dmp_path_pop(&w->path);
	return rc;
}

static int run(dm_ctx *ctx, const dm_visitor *v, json_t *meta, json_t *list,
               dm_kind kind, const char *key)
{
	dm_walk w = {ctx, v, {NULL, 0, 0, NULL, 0}, NULL, 0, 0, 0};

	if (meta != NULL && push_key(&w, "meta") == 0 &&
	    walk_field(&w, 'm', meta) == 0)
		dmp_path_pop(&w.path);
	if (w.status == 0 && list != NULL &&
	    (key == NULL || push_key(&w, key) == 0))
		walk_list(&w, list, kind);
	dmp_path_free(&w.path);
	free(w.stack);
	return w.status < 0 ? -1 : 0;
}

int dm_walk_doc(dm_ctx *ctx, const dm_visitor *v)
{
	return run(ctx, v,
	           (v->flags & DM_WALK_META) ? dm_doc_meta(ctx->doc) : NULL,
	           dm_doc_blocks(ctx->doc), DM_BLOCK, "blocks");
}

int dm_walk_list(dm_ctx *ctx, const dm_visitor *v, json_t *list,
                 dm_kind kind)
{
	return run(ctx, v, NULL, list, kind, NULL);
}

void dm_walk_where(const dm_walk *w, char *buf, size_t size)
{
	dmp_path_format(&w->path, buf, size);
}

size_t dm_walk_depth(const dm_walk *w)
{
	return w->depth;
}

json_t *dm_walk_ancestor(const dm_walk *w, size_t up)
{
	return up < w->depth ? w->stack[w->depth - 1 - up] : NULL;
}
