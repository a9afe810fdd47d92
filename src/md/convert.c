/*
 * convert.c - Markdown to pandoc's Blocks with cmark-gfm, as pandoc's own
 * gfm reader (commonmark-hs) builds them: Str/Space splitting, header
 * identifiers, pipe tables, task lists, footnotes, raw HTML; and for
 * pandoc 3 (API 1.23) GitHub alerts and math.
 *
 * cmark-gfm parses; a recursive walk over its tree builds the JSON.  What
 * cmark-gfm does not know (alerts, task lists as pandoc sees them, math)
 * is recognised on its tree or, for math, by a small inline extension
 * (math.c).
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "md.h"

/* Deeper nesting than this is refused: jansson reads at most 2048 levels
 * and a block costs two or three. */
#define MAX_DEPTH 500
/* Each citation of a note is a copy of it (notes citing notes: as pandoc
 * 2.17 does): the copies may hold at most this many JSON values. */
#define NOTE_BUDGET(len) ((size_t)100000 + 2 * (len))
#define BUSY ((size_t)-1)

typedef struct conv {
	dm_error *err;
	int api_minor;                /* 23: as pandoc 3, 22: as 2.17 */
	cmark_syntax_extension *math; /* pandoc 3 only: math and alerts */
	cmark_node **notes;           /* footnote definitions, number - 1 */
	json_t **note_blocks;         /* their contents, once converted */
	size_t *note_size;            /* their JSON values; BUSY while being
	                                 converted (a cycle guard) */
	size_t nnotes, copied;        /* the values copied for citations */
	dmp_md_ids ids;               /* header identifiers */
	size_t depth;
	size_t in_note;               /* inside a footnote: no identifiers */
	const char *text;             /* the Markdown, and its length */
	size_t len;
	int line_no;                  /* a line of it seen last (1-based), */
	size_t line_at;               /* and the offset where it starts */
} conv;

/* The error `fmt` (its %zu: `limit`) at `n`, naming its source line (the
 * line of the nearest enclosing node that knows its own).  -1. */
static int refuse(conv *c, cmark_node *n, const char *fmt, size_t limit)
{
	char where[32] = "";
	int line = 0;

	for (; n && line == 0; n = cmark_node_parent(n))
		line = cmark_node_get_start_line(n);
	if (line > 0)
		snprintf(where, sizeof where, "line %d", line);
	return dm_error_set(c->err, DM_EINPUT, where, fmt, limit);
}

/* The number of JSON values in `v`. */
static size_t values(const json_t *v)
{
	size_t i, n = 1;

	for (i = 0; i < json_array_size(v); i++)
		n += values(json_array_get(v, i));
	return json_is_object(v) ? n + values(json_object_get(v, "c")) : n;
}

/* Counts one level down into `n`; -1 (c->err) past MAX_DEPTH. */
static int descend(conv *c, cmark_node *n)
{
	if (++c->depth > MAX_DEPTH) {
		c->depth--;
		return refuse(c, n, "Markdown nested too deeply (more than %zu "
		                    "levels)", (size_t)MAX_DEPTH);
	}
	return 0;
}

/* Whether `n` is of an extension's type (cmark-gfm names it). */
static bool is(cmark_node *n, const char *type)
{
	return strcmp(cmark_node_get_type_string(n), type) == 0;
}

static json_t *null_attr(void)
{
	return json_pack("[s[][]]", "");
}

/* ------------------------------------------------------------------------
 * Inlines
 * ------------------------------------------------------------------------ */

static int blocks(conv *c, cmark_node *parent, json_t *out, bool tight);
static int inlines(conv *c, cmark_node *parent, json_t *out);

static json_t *empty_note(conv *c)
{
	json_t *b = json_array();

	if (b == NULL) {
		dm_nomem(c->err);
		return NULL;
	}
	return dm_node("Note", b);
}

/*
 * pandoc 3 leaves the references to notes inside a note unresolved: each
 * an empty Str, joined to nothing around it.  They were read as empty
 * Notes (which join to nothing); those in `v` become empty Strs.  0 or -1
 * (out of memory).
 */
static int unresolve(json_t *v)
{
	const char *k;
	json_t *e;
	size_t i;

	if (json_is_object(v)) {
		json_object_foreach(v, k, e)
			if (unresolve(e) != 0)
				return -1;
		return 0;
	}
	for (i = 0; i < json_array_size(v); i++) {
		e = json_array_get(v, i);
		if (dm_type_of(e) != DM_T_NOTE ? unresolve(e) != 0
		                               : json_array_set_new(v, i,
		                                                    dm_str("")))
			return -1;
	}
	return 0;
}

/* A footnote reference: a Note holding a copy of the definition.  A new
 * node, or NULL with c->err set. */
static json_t *note(conv *c, cmark_node *ref)
{
	long k = strtol(cmark_node_get_literal(ref), NULL, 10);
	json_t *b;

	if (k < 1 || (size_t)k > c->nnotes)
		return empty_note(c); /* cannot happen */
	k--;
	if (c->note_blocks[k] == NULL) {
		if (c->note_size[k] == BUSY) /* a note that refers to itself */
			return empty_note(c);
		c->note_size[k] = BUSY;
		b = json_array();
		if (b == NULL) {
			dm_nomem(c->err);
			return NULL;
		}
		c->in_note++;
		if (blocks(c, c->notes[k], b, false) != 0 ||
		    (c->api_minor >= 23 && unresolve(b) != 0)) {
			json_decref(b);
			dm_nomem(c->err);
			return NULL;
		}
		c->in_note--;
		c->note_blocks[k] = b;
		c->note_size[k] = values(b);
	}
	if ((c->copied += c->note_size[k]) > NOTE_BUDGET(c->len)) {
		refuse(c, ref, "footnotes cite each other too often: their "
		               "copies exceed %zu JSON values",
		       NOTE_BUDGET(c->len));
		return NULL;
	}
	b = json_deep_copy(c->note_blocks[k]);
	if (b == NULL)
		dm_nomem(c->err);
	return b ? dm_node("Note", b) : NULL;
}

/* Emph, Strong, Strikeout, Link or Image: the inlines under `n` in a new
 * node of that kind, or NULL (c->err set, but for lack of memory). */
static json_t *container(conv *c, cmark_node *n)
{
	cmark_node_type t = cmark_node_get_type(n);
	json_t *kids = json_array();

	if (kids == NULL || inlines(c, n, kids) != 0) {
		json_decref(kids);
		return NULL;
	}
	switch (t) {
	case CMARK_NODE_EMPH:
		return dm_emph(kids);
	case CMARK_NODE_STRONG:
		return dm_strong(kids);
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		return json_pack("{s:s,s:[o,o,[s,s]]}", "t",
		                 t == CMARK_NODE_LINK ? "Link" : "Image", "c",
		                 null_attr(), kids, cmark_node_get_url(n),
		                 cmark_node_get_title(n));
	default:
		return dm_node("Strikeout", kids);
	}
}

/* The inlines of cmark inline `n`, appended to `out`.  0 or -1 (c->err). */
static int inline_(conv *c, cmark_node *n, json_t *out)
{
	const char *lit = cmark_node_get_literal(n);
	json_t *node;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		if (dmp_md_add_text(out, lit, strlen(lit)) != 0)
			return dm_nomem(c->err);
		return 0;
	case CMARK_NODE_SOFTBREAK:
		node = dm_softbreak();
		break;
	case CMARK_NODE_LINEBREAK:
		node = dm_linebreak();
		break;
	case CMARK_NODE_CODE:
		if (c->math != NULL &&
		    cmark_node_get_syntax_extension(n) == c->math)
			node = dmp_md_math(n);
		else
			node = dm_code(null_attr(), lit);
		break;
	case CMARK_NODE_HTML_INLINE:
		node = dm_raw_inline("html", lit);
		break;
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		/* in a note, pandoc 3 reads none (see unresolve()) */
		node = c->in_note && c->api_minor >= 23 ? empty_note(c)
		                                        : note(c, n);
		break;
	case CMARK_NODE_EMPH:
	case CMARK_NODE_STRONG:
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		node = container(c, n);
		break;
	default:
		if (!is(n, "strikethrough"))
			return 0;
		node = container(c, n);
		break;
	}
	/* a NULL node fails here; its error, if any, is the one kept */
	return dmp_md_add_inline(out, node) != 0 ? dm_nomem(c->err) : 0;
}

/* The inlines under `parent`, appended to `out`.  0 or -1 (c->err). */
static int inlines(conv *c, cmark_node *parent, json_t *out)
{
	cmark_node *n;
	int rc = 0;

	if (descend(c, parent) != 0)
		return -1;
	for (n = cmark_node_first_child(parent); n && rc == 0;
	     n = cmark_node_next(n))
		rc = inline_(c, n, out);
	c->depth--;
	return rc;
}

/* ------------------------------------------------------------------------
 * GitHub alerts (pandoc 3)
 * ------------------------------------------------------------------------ */

static const char *const alert_types[] = {
	"note", "tip", "important", "warning", "caution", NULL
};

/*
 * A block quote opening with a line `[!NOTE]` (or TIP, IMPORTANT,
 * WARNING, CAUTION; any case) is a GitHub alert.  Returns its type's index
 * in alert_types, or -1.
 */
static int alert_type(cmark_node *quote)
{
	cmark_node *para = cmark_node_first_child(quote), *text, *next;
	const char *lit;
	size_t i, j, n;

	if (para == NULL || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH ||
	    cmark_node_get_start_line(para) !=
	            cmark_node_get_start_line(quote))
		return -1;
	text = cmark_node_first_child(para);
	if (text == NULL || cmark_node_get_type(text) != CMARK_NODE_TEXT)
		return -1;
	next = cmark_node_next(text);
	if (next != NULL && cmark_node_get_type(next) != CMARK_NODE_SOFTBREAK)
		return -1;
	lit = cmark_node_get_literal(text);
	n = strlen(lit);
	if (n < 4 || strncmp(lit, "[!", 2) != 0 || lit[n - 1] != ']')
		return -1;
	for (i = 0; alert_types[i]; i++) {
		const char *t = alert_types[i];
		if (strlen(t) != n - 3)
			continue;
		for (j = 0; j < n - 3; j++)
			if (lit[2 + j] != t[j] && lit[2 + j] != t[j] - 32)
				break;
		if (j == n - 3)
			return (int)i;
	}
	return -1;
}

/* Whether source line `line` (1-based) has a block quote marker `>` at
 * byte column `col` (1-based), give or take three spaces. */
static bool quote_marker(conv *c, int line, int col)
{
	size_t i = 0, k;
	int l = 1;

	/* From the line seen last when this one is not before it: an alert's
	 * lazy lines are asked about in order, so each costs its own length. */
	if (c->line_no > 0 && c->line_no <= line) {
		l = c->line_no;
		i = c->line_at;
	}
	for (; l < line && i < c->len; i++)
		if (c->text[i] == '\n')
			l++;
	c->line_no = l;
	c->line_at = i;
	for (k = 0; k < (size_t)col - 1 && i < c->len && c->text[i] != '\n';
	     k++)
		i++;
	for (k = 0; k < 3 && i < c->len && c->text[i] == ' '; k++)
		i++;
	return i < c->len && c->text[i] == '>';
}

/*
 * A lazy line right after the marker ends the alert in commonmark-hs: the
 * lazy lines of `para` (the alert's first paragraph, marker taken out)
 * follow the alert as a paragraph, `*after`, and the lines from the next
 * `>` on as a new block quote holding `*rest` (NULL when there are none).
 * Frees `para`.  0, or -1 with c->err set.
 */
static int lazy_lines(conv *c, cmark_node *quote, cmark_node *para,
                      json_t **after, json_t **rest)
{
	int line = cmark_node_get_start_line(quote) + 1;
	int col = cmark_node_get_start_column(quote);
	cmark_node *n, *next, *split = NULL;

	for (n = cmark_node_first_child(para); n && !split; n = next) {
		next = cmark_node_next(n);
		if (cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK &&
		    quote_marker(c, ++line, col)) {
			split = cmark_node_new(CMARK_NODE_PARAGRAPH);
			cmark_node_free(n);
			while (split && next) {
				n = next;
				next = cmark_node_next(n);
				cmark_node_append_child(split, n);
			}
		}
	}
	*after = json_array();
	*rest = split ? json_array() : NULL;
	if (*after == NULL || (split && *rest == NULL) ||
	    inlines(c, para, *after) != 0 ||
	    (split && inlines(c, split, *rest) != 0)) {
		json_decref(*after);
		json_decref(*rest);
		*after = *rest = NULL;
		if (split)
			cmark_node_free(split);
		return dm_nomem(c->err);
	}
	if (split)
		cmark_node_free(split);
	cmark_node_free(para);
	return 0;
}

/* Appends the alert's Div, then the lazy lines after it (`after` and
 * `rest`, stolen; either may be NULL).  0 or -1 (c->err). */
static int alert_out(conv *c, cmark_node *quote, int type, json_t *after,
                     json_t *rest, json_t *out, bool tight)
{
	static const char *const titles[] = {
		"Note", "Tip", "Important", "Warning", "Caution"
	};
	json_t *body, *div;

	body = json_pack("[{s:s,s:[[s[s][]],[{s:s,s:[{s:s,s:s}]}]]}]", "t",
	                 "Div", "c", "", "title", "t", "Para", "c", "t", "Str",
	                 "c", titles[type]);
	if (body == NULL || blocks(c, quote, body, false) != 0) {
		json_decref(body);
		json_decref(after);
		json_decref(rest);
		return dm_nomem(c->err);
	}
	div = json_pack("{s:s,s:[[s[s][]],o]}", "t", "Div", "c", "",
	                alert_types[type], body);
	if (div == NULL || json_array_append_new(out, div) != 0) {
		json_decref(after);
		json_decref(rest);
		return dm_nomem(c->err);
	}
	if (after != NULL &&
	    json_array_append_new(out, tight ? dm_plain(after)
	                                     : dm_para(after)) != 0) {
		json_decref(rest);
		return dm_nomem(c->err);
	}
	if (rest != NULL &&
	    json_array_append_new(out, dm_blockquote(json_pack(
	                                       "[o]", dm_para(rest)))) != 0)
		return dm_nomem(c->err);
	return 0;
}

/* Block quote `quote`, an alert of type `type`, appended to `out`. */
static int alert(conv *c, cmark_node *quote, int type, json_t *out,
                 bool tight)
{
	cmark_node *para = cmark_node_first_child(quote);
	cmark_node *text = cmark_node_first_child(para);
	cmark_node *brk = cmark_node_next(text);
	json_t *after = NULL, *rest = NULL;

	/* drop the marker line, and the paragraph if nothing is left */
	cmark_node_free(text);
	if (brk != NULL)
		cmark_node_free(brk);
	if (cmark_node_first_child(para) == NULL)
		cmark_node_free(para);
	else if (!quote_marker(c, cmark_node_get_start_line(quote) + 1,
	                       cmark_node_get_start_column(quote)) &&
	         lazy_lines(c, quote, para, &after, &rest) != 0)
		return -1;
	return alert_out(c, quote, type, after, rest, out, tight);
}

/* ------------------------------------------------------------------------
 * Lists
 * ------------------------------------------------------------------------ */

/*
 * A task list item, as commonmark-hs sees one: a bullet item whose text
 * starts on the marker's line with `[ ]`, `[x]` or `[X]` and white space.
 * Returns 0 (not one), 1 (unchecked) or 2 (checked).
 */
static int task_state(cmark_node *item)
{
	cmark_node *para = cmark_node_first_child(item), *text, *next;
	const char *s;
	size_t i = 1;
	int state;

	if (para == NULL || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH ||
	    cmark_node_get_start_line(para) != cmark_node_get_start_line(item))
		return 0;
	text = cmark_node_first_child(para);
	if (text == NULL || cmark_node_get_type(text) != CMARK_NODE_TEXT)
		return 0;
	s = cmark_node_get_literal(text);
	if (s[0] != '[')
		return 0;
	if (s[1] == 'x' || s[1] == 'X') {
		state = 2;
		i = 2;
	} else {
		state = 1;
		while (s[i] == ' ' || s[i] == '\t')
			i++;
		if (i == 1)
			return 0;
	}
	if (s[i] != ']')
		return 0;
	i++;
	if (s[i] == ' ' || s[i] == '\t')
		return state;
	next = cmark_node_next(text);
	if (s[i] == '\0' &&
	    (next == NULL || cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK ||
	     cmark_node_get_type(next) == CMARK_NODE_LINEBREAK))
		return state;
	return 0;
}

/* Removes the `[ ]` marker from a task item's first paragraph.  0, or -1
 * when out of memory. */
static int strip_task_marker(cmark_node *item)
{
	cmark_node *para = cmark_node_first_child(item);
	cmark_node *text = cmark_node_first_child(para), *next;
	const char *s = cmark_node_get_literal(text), *rest;

	rest = strchr(s, ']') + 1;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	if (*rest != '\0') {
		char *copy = strdup(rest);
		if (copy == NULL)
			return -1;
		cmark_node_set_literal(text, copy);
		free(copy);
		return 0;
	}
	next = cmark_node_next(text);
	cmark_node_free(text);
	if (next != NULL &&
	    (cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK ||
	     cmark_node_get_type(next) == CMARK_NODE_LINEBREAK))
		cmark_node_free(next);
	if (cmark_node_first_child(para) == NULL)
		cmark_node_free(para);
	return 0;
}

/* The last line a block's content reaches (trailing blank lines, which
 * cmark counts in containers, left out). */
static int last_line(cmark_node *n)
{
	cmark_node *last = cmark_node_last_child(n);

	if (last != NULL && cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH &&
	    cmark_node_get_type(n) != CMARK_NODE_HEADING &&
	    !is(n, "table"))
		return last_line(last);
	return cmark_node_get_end_line(n);
}

/* Whether the items [first, end) of a list, taken alone, make a loose
 * list: a blank line between items or between blocks of an item. */
static bool loose_run(cmark_node *first, cmark_node *end)
{
	cmark_node *it, *b;

	for (it = first; it != end; it = cmark_node_next(it)) {
		if (cmark_node_next(it) != end &&
		    cmark_node_get_start_line(cmark_node_next(it)) >
		            last_line(it) + 1)
			return true;
		for (b = cmark_node_first_child(it); b && cmark_node_next(b);
		     b = cmark_node_next(b))
			if (cmark_node_get_start_line(cmark_node_next(b)) >
			    last_line(b) + 1)
				return true;
	}
	return false;
}

/* The ballot box `box` opens the first block of an item if it holds
 * inlines, else a Plain of its own.  0 or -1 (out of memory). */
static int add_box(json_t *item, const char *box)
{
	json_t *first = json_array_get(item, 0), *old;
	json_t *ils = json_pack("[o]", dm_str(box));

	switch (dm_type_of(first)) {
	case DM_T_PLAIN:
	case DM_T_PARA:
		old = json_object_get(first, "c");
		if (ils == NULL ||
		    (json_array_size(old) > 0 &&
		     dmp_md_add_inline(ils, dm_space()) != 0) ||
		    dmp_md_add_inlines(ils, old) != 0) {
			json_decref(ils);
			return -1;
		}
		return json_object_set_new(first, "c", ils);
	default:
		return json_array_insert_new(item, 0, dm_plain(ils));
	}
}

/* One list item's blocks; a task item gets pandoc's ballot box.  A new
 * array, or NULL with c->err set. */
static json_t *list_item(conv *c, cmark_node *item, bool tight, int task)
{
	json_t *b = json_array();

	if (b == NULL || (task && strip_task_marker(item) != 0)) {
		json_decref(b);
		dm_nomem(c->err);
		return NULL;
	}
	if (blocks(c, item, b, tight) != 0) {
		json_decref(b);
		return NULL;
	}
	if (task && add_box(b, task == 2 ? "\u2612" : "\u2610") != 0) {
		json_decref(b);
		dm_nomem(c->err);
		return NULL;
	}
	return b;
}

/* The items [first, end) of list `l`, in a new array, or NULL (c->err).
 * `task`: each item's task state counts (a bullet list). */
static json_t *items(conv *c, cmark_node *first, cmark_node *end, bool tight,
                     bool task)
{
	json_t *list = json_array();
	cmark_node *it;

	if (list == NULL) {
		dm_nomem(c->err);
		return NULL;
	}
	for (it = first; it != end; it = cmark_node_next(it))
		if (json_array_append_new(list,
		                          list_item(c, it, tight,
		                                    task ? task_state(it) : 0))) {
			json_decref(list);
			dm_nomem(c->err);
			return NULL;
		}
	return list;
}

static int ordered_list(conv *c, cmark_node *l, json_t *out)
{
	json_t *list = items(c, cmark_node_first_child(l), NULL,
	                     cmark_node_get_list_tight(l) != 0, false);
	json_t *node;

	if (list == NULL)
		return -1;
	node = json_pack("{s:s,s:[[i,{s:s},{s:s}],o]}", "t", "OrderedList",
	                 "c", cmark_node_get_list_start(l), "t", "Decimal",
	                 "t",
	                 cmark_node_get_list_delim(l) == CMARK_PAREN_DELIM
	                         ? "OneParen"
	                         : "Period",
	                 list);
	if (node == NULL || json_array_append_new(out, node) != 0)
		return dm_nomem(c->err);
	return 0;
}

/* A bullet list: task items and other items make separate lists in
 * commonmark-hs, each tight or loose by itself in a loose list. */
static int bullet_list(conv *c, cmark_node *l, json_t *out)
{
	bool tight = cmark_node_get_list_tight(l) != 0;
	cmark_node *run, *end;
	json_t *list;

	for (run = cmark_node_first_child(l); run; run = end) {
		bool task = task_state(run) != 0, run_tight = tight;

		end = cmark_node_next(run);
		while (end && (task_state(end) != 0) == task)
			end = cmark_node_next(end);
		if (!tight && (run != cmark_node_first_child(l) || end))
			run_tight = !loose_run(run, end);
		list = items(c, run, end, run_tight, true);
		if (list == NULL)
			return -1;
		if (json_array_append_new(out, dm_bullet_list(list)) != 0)
			return dm_nomem(c->err);
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Tables
 * ------------------------------------------------------------------------ */

static json_t *cell(conv *c, cmark_node *n)
{
	json_t *ils = json_array(), *b;

	if (ils == NULL || inlines(c, n, ils) != 0) {
		json_decref(ils);
		return NULL;
	}
	if (json_array_size(ils) == 0) {
		json_decref(ils);
		b = json_array();
	} else {
		b = json_pack("[o]", dm_plain(ils));
	}
	return json_pack("[o,{s:s},i,i,o]", null_attr(), "t", "AlignDefault",
	                 1, 1, b);
}

static json_t *row(conv *c, cmark_node *r)
{
	json_t *cells = json_array();
	cmark_node *n;

	if (cells == NULL)
		return NULL;
	for (n = cmark_node_first_child(r); n; n = cmark_node_next(n))
		if (json_array_append_new(cells, cell(c, n)) != 0) {
			json_decref(cells);
			return NULL;
		}
	return json_pack("[o,o]", null_attr(), cells);
}

/* The ColSpecs of a table: its alignments, default widths. */
static json_t *col_specs(cmark_node *t)
{
	uint16_t ncols = cmark_gfm_extensions_get_table_columns(t), i;
	uint8_t *align = cmark_gfm_extensions_get_table_alignments(t);
	json_t *specs = json_array();

	for (i = 0; specs != NULL && i < ncols; i++) {
		const char *a = align[i] == 'l'   ? "AlignLeft"
		                : align[i] == 'r' ? "AlignRight"
		                : align[i] == 'c' ? "AlignCenter"
		                                  : "AlignDefault";
		if (json_array_append_new(specs,
		                          json_pack("[{s:s},{s:s}]", "t", a,
		                                    "t", "ColWidthDefault"))) {
			json_decref(specs);
			specs = NULL;
		}
	}
	return specs;
}

/* A pipe table as pandoc's: ColSpecs with the alignments, one header row,
 * one body, no foot, no caption. */
static int table(conv *c, cmark_node *t, json_t *out)
{
	json_t *specs = col_specs(t), *head = json_array(),
	       *body = json_array();
	json_t *node;
	cmark_node *r;

	if (specs == NULL || head == NULL || body == NULL)
		goto fail;
	for (r = cmark_node_first_child(t); r; r = cmark_node_next(r))
		if (json_array_append_new(is(r, "table_header") ? head : body,
		                          row(c, r)) != 0)
			goto fail;
	node = json_pack("{s:s,s:[o,[n,[]],o,[o,o],[[o,i,[],o]],[o,[]]]}",
	                 "t", "Table", "c", null_attr(), specs, null_attr(),
	                 head, null_attr(), 0, body, null_attr());
	if (node == NULL || json_array_append_new(out, node) != 0)
		return dm_nomem(c->err);
	return 0;
fail:
	json_decref(specs);
	json_decref(head);
	json_decref(body);
	return dm_nomem(c->err);
}

/* ------------------------------------------------------------------------
 * Code blocks
 * ------------------------------------------------------------------------ */

/* Whether the line starting at `i` is a closing fence for `flen` of
 * `fch`, container markers (`>`, spaces) skipped. */
static bool closing_fence(const conv *c, size_t i, int flen, char fch)
{
	int k;

	for (; i < c->len && (c->text[i] == ' ' || c->text[i] == '>'); i++)
		;
	for (k = 0; i < c->len && c->text[i] == fch; i++, k++)
		;
	while (i < c->len && c->text[i] == ' ')
		i++;
	return k >= flen && (i == c->len || c->text[i] == '\n');
}

/*
 * Whether fenced code block `n` runs unclosed to the end of the text,
 * where commonmark-hs keeps its last newline: it ends the document (it
 * and its containers are last children, footnotes aside; not in a block
 * quote, which ends it as a closing fence would), and the last non-blank
 * line is no closing fence.
 */
static bool unclosed_at_end(conv *c, cmark_node *n)
{
	int flen = 0, foff = 0, line = 1, last = 0;
	char fch = 0;
	size_t i, start = 0, last_start = 0;
	cmark_node *up, *next;

	if (!cmark_node_get_fenced(n, &flen, &foff, &fch) || flen <= 0)
		return false;
	for (up = n; cmark_node_parent(up); up = cmark_node_parent(up)) {
		if (cmark_node_get_type(up) == CMARK_NODE_BLOCK_QUOTE)
			return false;
		next = cmark_node_next(up);
		if (next != NULL && cmark_node_get_type(next) !=
		                            CMARK_NODE_FOOTNOTE_DEFINITION)
			return false;
	}
	for (i = 0; i < c->len; i++) {
		if (c->text[i] != ' ' && c->text[i] != '\n' && i >= start &&
		    last != line) {
			last = line;
			last_start = start;
		}
		if (c->text[i] == '\n') {
			line++;
			start = i + 1;
		}
	}
	return last != 0 && !closing_fence(c, last_start, flen, fch);
}

static int code_block(conv *c, cmark_node *n, json_t *out)
{
	const char *info = cmark_node_get_fence_info(n);
	const char *lit = cmark_node_get_literal(n);
	size_t ilen = strcspn(info ? info : "", " \t");
	size_t len = strlen(lit);
	json_t *node, *cls;

	/* the newline before the closing fence is not content; a fence left
	 * open to the end keeps it, as commonmark-hs does */
	if (len > 0 && lit[len - 1] == '\n' && !unclosed_at_end(c, n))
		len--;
	if (c->math != NULL && ilen == 4 && strncmp(info, "math", 4) == 0) {
		node = json_pack("{s:s,s:[{s:s,s:[{s:s},s%]}]}", "t", "Para",
		                 "c", "t", "Math", "c", "t", "DisplayMath", lit,
		                 len);
	} else {
		cls = ilen ? json_pack("[s%]", info, ilen) : json_array();
		node = json_pack("{s:s,s:[[s,o,[]],s%]}", "t", "CodeBlock", "c",
		                 "", cls, lit, len);
	}
	if (node == NULL || json_array_append_new(out, node) != 0)
		return dm_nomem(c->err);
	return 0;
}

/* ------------------------------------------------------------------------
 * Blocks
 * ------------------------------------------------------------------------ */

/* A paragraph (Plain in a tight list) or a header.  A new node, or NULL
 * (c->err set, but for lack of memory). */
static json_t *text_block(conv *c, cmark_node *n, bool tight)
{
	json_t *ils = json_array(), *node;
	char *id;

	if (ils == NULL || inlines(c, n, ils) != 0) {
		json_decref(ils);
		return NULL;
	}
	if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
		return tight ? dm_plain(ils) : dm_para(ils);
	/* commonmark-hs names no header inside a note */
	id = c->in_note ? strdup("") : dmp_md_header_id(&c->ids, ils);
	if (id == NULL) {
		json_decref(ils);
		return NULL;
	}
	node = dm_header(cmark_node_get_heading_level(n), dm_attr(id), ils);
	free(id);
	return node;
}

static json_t *block_quote(conv *c, cmark_node *n)
{
	json_t *b = json_array();

	if (b == NULL || blocks(c, n, b, false) != 0) {
		json_decref(b);
		return NULL;
	}
	return dm_blockquote(b);
}

/* One block, appended to `out`; 0 or -1 (c->err). */
static int block(conv *c, cmark_node *n, json_t *out, bool tight)
{
	json_t *node;
	int type;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		node = text_block(c, n, tight);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		node = dm_horizontal_rule();
		break;
	case CMARK_NODE_HTML_BLOCK:
		node = dm_raw_block("html", cmark_node_get_literal(n));
		break;
	case CMARK_NODE_CODE_BLOCK:
		return code_block(c, n, out);
	case CMARK_NODE_LIST:
		if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST)
			return ordered_list(c, n, out);
		return bullet_list(c, n, out);
	case CMARK_NODE_BLOCK_QUOTE:
		if (c->math != NULL && (type = alert_type(n)) >= 0)
			return alert(c, n, type, out, tight);
		node = block_quote(c, n);
		break;
	default:
		if (is(n, "table"))
			return table(c, n, out);
		return 0; /* footnote definitions are read where referenced */
	}
	if (node == NULL || json_array_append_new(out, node) != 0)
		return dm_nomem(c->err);
	return 0;
}

/* The blocks under `parent`, appended to `out`; in a tight list item,
 * paragraphs become Plain. */
static int blocks(conv *c, cmark_node *parent, json_t *out, bool tight)
{
	cmark_node *n, *next;
	int rc = 0;

	if (descend(c, parent) != 0)
		return -1;
	for (n = cmark_node_first_child(parent); n && rc == 0; n = next) {
		next = cmark_node_next(n); /* block() may free n's children */
		rc = block(c, n, out, tight);
	}
	c->depth--;
	return rc;
}

/* ------------------------------------------------------------------------
 * Parsing
 * ------------------------------------------------------------------------ */

static cmark_node *parse(const char *text, size_t len,
                         cmark_syntax_extension *math)
{
	static const char *const exts[] = {
		"table", "strikethrough", "autolink", NULL
	};
	cmark_parser *p;
	cmark_node *doc;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new(CMARK_OPT_FOOTNOTES |
	                     CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE);
	if (p == NULL)
		return NULL;
	for (i = 0; exts[i]; i++) {
		cmark_syntax_extension *e =
		        cmark_find_syntax_extension(exts[i]);
		if (e != NULL)
			cmark_parser_attach_syntax_extension(p, e);
	}
	if (math != NULL)
		cmark_parser_attach_syntax_extension(p, math);
	cmark_parser_feed(p, text, len);
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

/* Finds the footnote definitions: cmark-gfm moves those in use to the
 * end of the document, numbered.  0 or -1 (out of memory). */
static int find_notes(conv *c, cmark_node *doc)
{
	cmark_node *n;
	size_t k = 0;

	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
			c->nnotes++;
	if (c->nnotes == 0)
		return 0;
	c->notes = calloc(c->nnotes, sizeof *c->notes);
	c->note_blocks = calloc(c->nnotes, sizeof *c->note_blocks);
	c->note_size = calloc(c->nnotes, sizeof *c->note_size);
	if (!c->notes || !c->note_blocks || !c->note_size)
		return -1;
	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
			c->notes[k++] = n;
	return 0;
}

static void conv_free(conv *c)
{
	size_t k;

	for (k = 0; k < c->nnotes && c->note_blocks; k++)
		json_decref(c->note_blocks[k]);
	free(c->notes);
	free(c->note_blocks);
	free(c->note_size);
	dmp_md_ids_free(&c->ids);
	if (c->math != NULL)
		cmark_syntax_extension_free(cmark_get_default_mem_allocator(),
		                            c->math);
}

/*
 * What a metadata string with no final newline ends with, where
 * commonmark-hs and cmark differ: an empty paragraph after a closing ATX
 * heading or code fence, and no newline at the end of an HTML block.
 * `last` is the document's last block (footnotes aside).  0 or -1.
 */
static int meta_string_end(const conv *c, cmark_node *last, json_t *out)
{
	int flen, foff;
	char fch;
	json_t *raw, *s;
	size_t sl;

	if (last == NULL || c->len == 0 || c->text[c->len - 1] == '\n')
		return 0;
	switch (cmark_node_get_type(last)) {
	case CMARK_NODE_HEADING:
		if (cmark_node_get_start_line(last) !=
		    cmark_node_get_end_line(last))
			return 0;
		return json_array_append_new(out, dm_para(json_array()));
	case CMARK_NODE_CODE_BLOCK:
		if (!cmark_node_get_fenced(last, &flen, &foff, &fch))
			return 0;
		return json_array_append_new(out, dm_para(json_array()));
	case CMARK_NODE_HTML_BLOCK:
		raw = json_array_get(out, json_array_size(out) - 1);
		s = json_array_get(dm_content(raw), 1);
		sl = json_string_length(s);
		if (sl > 0 && json_string_value(s)[sl - 1] == '\n')
			return json_string_setn(s, json_string_value(s), sl - 1);
		return 0;
	default:
		return 0;
	}
}

/* The blocks of parsed document `doc` into `out`.  0 or -1 (c->err). */
static int convert(conv *c, cmark_node *doc, json_t *out, bool meta_string)
{
	cmark_node *n;
	size_t k;

	for (k = 0; meta_string && k < c->len && c->text[k] == ' '; k++)
		;
	if (c->len > 0 && k == c->len) {
		/* commonmark-hs makes a line of spaces an empty paragraph */
		if (json_array_append_new(out, dm_para(json_array())) != 0)
			return dm_nomem(c->err);
		return 0;
	}
	if (blocks(c, doc, out, false) != 0)
		return -1;
	if (!meta_string)
		return 0;
	n = cmark_node_last_child(doc);
	while (n && cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
		n = cmark_node_previous(n);
	return meta_string_end(c, n, out) != 0 ? dm_nomem(c->err) : 0;
}

json_t *dmp_md_blocks(const char *text, size_t len, int api_minor,
                      bool meta_string, dm_error *err)
{
	unsigned long failures = dmp_cmark_failures();
	conv c = {0};
	cmark_node *doc;
	json_t *out = NULL;
	int rc = -1;

	c.err = err;
	c.api_minor = api_minor;
	c.text = text;
	c.len = len;
	c.math = api_minor >= 23 ? dmp_md_math_extension() : NULL;
	doc = parse(text, len, c.math);
	if (doc != NULL && dmp_md_ids_init(&c.ids) == 0 &&
	    find_notes(&c, doc) == 0 && (out = json_array()) != NULL)
		rc = convert(&c, doc, out, meta_string);
	if (dmp_cmark_failures() != failures) /* cmark-gfm ran out */
		rc = -1;
	if (rc != 0) {
		dm_nomem(err); /* unless convert() said what went wrong */
		json_decref(out);
		out = NULL;
	}
	if (doc != NULL) /* before the math extension its nodes point to */
		cmark_node_free(doc);
	conv_free(&c);
	return out;
}
