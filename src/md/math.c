/*
 * math.c - a cmark-gfm inline extension for `$...$`, `$$...$$` and
 * $`...`$, with the rules of commonmark-hs as pandoc 3 uses them.  A match
 * becomes a code node of this extension (a kind of node a table cell may
 * hold, as it may hold no custom one): the TeX as its literal, its user
 * data `display` for display math; dmp_md_math() makes it pandoc's Math.
 */
#include <stdlib.h>
#include <string.h>

#include "md.h"

/* The user data of a math node for display math. */
static const char display_math[] = "display";

static unsigned char peek(cmark_inline_parser *ip, int pos)
{
	return cmark_inline_parser_peek_at(ip, pos);
}

static bool ws(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* ------------------------------------------------------------------------
 * Finding the closing delimiter in constant time
 *
 * A closing is searched for from every `$`: scanning the rest of the text
 * each time would take time quadratic in its length (`${${${...`).  So
 * the text of a block is read once, when its first `$` is met, into where
 * each closing may be, and each search is a binary search.
 * ------------------------------------------------------------------------ */

/* A place in the text: a `$` or `}` at brace depth `key`, or a run of
 * `key` backticks followed by `$`. */
typedef struct mark {
	int key, pos;
} mark;

/* The marks of one block's text (the extension's private data). */
typedef struct memo {
	cmark_node *parent; /* the block, or NULL */
	int *depth;         /* brace depth before each position */
	mark *braces;       /* `$` and `}`, by depth, then position */
	mark *ticks;        /* backticks before `$`, by count, then position */
	size_t nbraces, nticks;
} memo;

static int cmp_marks(const void *a, const void *b)
{
	const mark *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static void memo_clear(memo *m)
{
	cmark_mem *mem = cmark_get_default_mem_allocator();

	mem->free(m->depth);
	mem->free(m->braces);
	mem->free(m->ticks);
	memset(m, 0, sizeof *m);
}

static void memo_free(cmark_mem *mem, void *m)
{
	memo_clear(m);
	mem->free(m);
}

/* The brace depths and the `$` and `}` marks of `n` bytes of text, read
 * as a closing is searched for: a backslash escapes the next byte. */
static void read_braces(memo *m, cmark_inline_parser *ip, int n)
{
	int i = 0, d = 0;
	unsigned char ch;

	while (i < n) {
		ch = peek(ip, i);
		m->depth[i] = d;
		if (ch == '\\') {
			if (i + 1 < n)
				m->depth[i + 1] = d;
			i += 2;
			continue;
		}
		if (ch == '$' || ch == '}')
			m->braces[m->nbraces++] = (mark){d, i};
		if (ch == '{')
			d++;
		else if (ch == '}')
			d--;
		i++;
	}
	m->depth[n] = d;
	qsort(m->braces, m->nbraces, sizeof *m->braces, cmp_marks);
}

/* The runs of backticks followed by `$` in `n` bytes of text. */
static void read_ticks(memo *m, cmark_inline_parser *ip, int n)
{
	int j, k;

	for (j = 0; j < n; j++) {
		if (peek(ip, j) != '`' || (j > 0 && peek(ip, j - 1) == '`'))
			continue;
		for (k = 0; peek(ip, j + k) == '`'; k++)
			;
		if (peek(ip, j + k) == '$')
			m->ticks[m->nticks++] = (mark){k, j};
	}
	qsort(m->ticks, m->nticks, sizeof *m->ticks, cmp_marks);
}

/* The marks of the text of block `parent`, read when first asked for. */
static memo *marks(cmark_syntax_extension *ext, cmark_node *parent,
                   cmark_inline_parser *ip)
{
	cmark_mem *mem = cmark_get_default_mem_allocator();
	memo *m = cmark_syntax_extension_get_private(ext);
	int n;

	if (m->parent == parent)
		return m;
	memo_clear(m);
	for (n = 0; peek(ip, n); n++)
		;
	m->parent = parent;
	m->depth = mem->calloc((size_t)n + 1, sizeof *m->depth);
	m->braces = mem->calloc((size_t)n + 1, sizeof *m->braces);
	m->ticks = mem->calloc((size_t)n + 1, sizeof *m->ticks);
	read_braces(m, ip, n);
	read_ticks(m, ip, n);
	return m;
}

/* The first mark of `key` at `pos` or after, or NULL. */
static const mark *first_mark(const mark *list, size_t n, int key, int pos)
{
	size_t lo = 0, hi = n, mid;
	mark want = {key, pos};

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cmp_marks(&list[mid], &want) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && list[lo].key == key ? &list[lo] : NULL;
}

/* $`...`$ (GitHub's form): where the content ends (a run of exactly
 * `ticks` backticks, then `$`), or -1. */
static int gfm_math_end(const memo *m, int start, int ticks)
{
	const mark *k = first_mark(m->ticks, m->nticks, ticks, start);

	return k ? k->pos : -1;
}

/* $...$ and $$...$$: the offset of the closing dollar (the first `$` at
 * the brace depth of `start`), or -1 (a `}` closing a brace opened before
 * `start` comes first, or nothing does). */
static int dollar_math_end(const memo *m, cmark_inline_parser *ip,
                           int start)
{
	const mark *k = first_mark(m->braces, m->nbraces, m->depth[start],
	                           start);

	return k && peek(ip, k->pos) == '$' ? k->pos : -1;
}

static cmark_node *math_match(cmark_syntax_extension *ext,
                              cmark_parser *parser, cmark_node *parent,
                              unsigned char character,
                              cmark_inline_parser *ip)
{
	cmark_mem *mem = cmark_get_default_mem_allocator();
	int p = cmark_inline_parser_get_offset(ip), start, end, next, i;
	bool display = false;
	cmark_node *node;
	char *tex;

	memo *m;

	(void)parser;
	if (character != '$')
		return NULL;
	m = marks(ext, parent, ip);
	end = -1;
	if (peek(ip, p + 1) == '`') {
		int ticks = 0;
		while (peek(ip, p + 1 + ticks) == '`')
			ticks++;
		start = p + 1 + ticks;
		end = gfm_math_end(m, start, ticks);
		next = end + ticks + 1;
	}
	if (end < 0) {
		display = peek(ip, p + 1) == '$';
		start = p + 1 + display;
		if (!display && (ws(peek(ip, start)) || peek(ip, start) == 0))
			return NULL;
		end = dollar_math_end(m, ip, start);
		if (end < 0)
			return NULL;
		if (display) {
			if (peek(ip, end + 1) != '$')
				return NULL;
			next = end + 2;
		} else {
			if (end == start || ws(peek(ip, end - 1)) ||
			    (peek(ip, end + 1) >= '0' &&
			     peek(ip, end + 1) <= '9'))
				return NULL;
			next = end + 1;
		}
	}
	tex = mem->calloc((size_t)(end - start) + 1, 1); /* never NULL */
	for (i = start; i < end; i++)
		tex[i - start] = (char)peek(ip, i);
	node = cmark_node_new_with_mem(CMARK_NODE_CODE, mem);
	cmark_node_set_literal(node, tex);
	cmark_node_set_user_data(node, display ? (void *)display_math : NULL);
	cmark_node_set_syntax_extension(node, ext);
	mem->free(tex);
	cmark_inline_parser_set_offset(ip, next);
	return node;
}

cmark_syntax_extension *dmp_md_math_extension(void)
{
	cmark_syntax_extension *ext = cmark_syntax_extension_new("dm-math");
	cmark_mem *mem = cmark_get_default_mem_allocator();
	cmark_llist *chars;

	cmark_syntax_extension_set_private(ext, mem->calloc(1, sizeof(memo)),
	                                   memo_free);

	chars = cmark_llist_append(cmark_get_default_mem_allocator(), NULL,
	                           (void *)(uintptr_t)'$');
	cmark_syntax_extension_set_special_inline_chars(ext, chars);
	cmark_syntax_extension_set_match_inline_func(ext, math_match);
	return ext;
}

json_t *dmp_md_math(cmark_node *n)
{
	bool display = cmark_node_get_user_data(n) == display_math;

	return json_pack("{s:s,s:[{s:s},s]}", "t", "Math", "c", "t",
	                 display ? "DisplayMath" : "InlineMath",
	                 cmark_node_get_literal(n));
}
