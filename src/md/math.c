/*
 * math.c - a cmark-gfm inline extension for `$...$`, `$$...$$` and
 * $`...`$, with the rules of commonmark-hs as pandoc 3 uses them.  A match
 * becomes a custom inline node of this extension: on_enter "inline" or
 * "display", on_exit the TeX; dmp_md_math() makes it pandoc's Math.
 */
#include <string.h>

#include "md.h"

static unsigned char peek(cmark_inline_parser *ip, int pos)
{
	return cmark_inline_parser_peek_at(ip, pos);
}

static bool ws(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/*
 * A scan for the closing dollar that fails runs to the end of the
 * paragraph, so a paragraph of n unmatched dollars ("${${${...") would cost
 * n * n / 2 steps.  What failed scans may cost in a paragraph is bounded
 * by what has been read of it: past 16 steps a byte (and a few thousand to
 * start with), a dollar no longer opens math there.  Math that closes costs
 * its own length, so only input made to be slow ever reaches the bound.
 */
static _Thread_local struct {
	const cmark_node *block; /* the paragraph (or heading, cell) */
	int last;                /* the offset of the last scan in it */
	long spent;              /* what its failed scans cost */
} budget;

static bool may_scan(const cmark_node *block, int p)
{
	if (block != budget.block || p < budget.last) {
		budget.block = block; /* a new block: a new budget */
		budget.spent = 0;
	}
	budget.last = p;
	return budget.spent <= 16L * p + 4096;
}

/* $`...`$ (GitHub's form): the end of the content or -1; the bytes looked
 * at in *cost. */
static int gfm_math_end(cmark_inline_parser *ip, int start, int ticks,
                        long *cost)
{
	int j, k;

	for (j = start; peek(ip, j); j++) {
		if (peek(ip, j) != '`' || (j > start && peek(ip, j - 1) == '`'))
			continue;
		for (k = 0; peek(ip, j + k) == '`'; k++)
			;
		if (k == ticks && peek(ip, j + k) == '$')
			return j;
	}
	*cost += j - start;
	return -1;
}

/* $...$ and $$...$$: the offset of the closing dollar, or -1; the bytes
 * looked at by a failed scan added to *cost. */
static int dollar_math_end(cmark_inline_parser *ip, int start, long *cost)
{
	int i = start, depth = 0;
	unsigned char ch;

	while ((ch = peek(ip, i)) != 0) {
		if (ch == '$' && depth == 0)
			return i;
		if (ch == '\\') {
			if (peek(ip, i + 1) == 0)
				break;
			i += 2;
			continue;
		}
		if (ch == '{')
			depth++;
		else if (ch == '}' && depth-- == 0)
			break;
		i++;
	}
	*cost += i - start;
	return -1;
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

	(void)parser;
	if (character != '$' || !may_scan(parent, p))
		return NULL;
	end = -1;
	if (peek(ip, p + 1) == '`') {
		int ticks = 0;
		while (peek(ip, p + 1 + ticks) == '`')
			ticks++;
		start = p + 1 + ticks;
		end = gfm_math_end(ip, start, ticks, &budget.spent);
		next = end + ticks + 1;
	}
	if (end < 0) {
		display = peek(ip, p + 1) == '$';
		start = p + 1 + display;
		if (!display && (ws(peek(ip, start)) || peek(ip, start) == 0))
			return NULL;
		end = dollar_math_end(ip, start, &budget.spent);
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
	node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, mem);
	cmark_node_set_on_enter(node, display ? "display" : "inline");
	cmark_node_set_on_exit(node, tex);
	cmark_node_set_syntax_extension(node, ext);
	mem->free(tex);
	cmark_inline_parser_set_offset(ip, next);
	return node;
}

cmark_syntax_extension *dmp_md_math_extension(void)
{
	cmark_syntax_extension *ext = cmark_syntax_extension_new("dm-math");
	cmark_llist *chars;

	chars = cmark_llist_append(cmark_get_default_mem_allocator(), NULL,
	                           (void *)(uintptr_t)'$');
	cmark_syntax_extension_set_special_inline_chars(ext, chars);
	cmark_syntax_extension_set_match_inline_func(ext, math_match);
	return ext;
}

json_t *dmp_md_math(cmark_node *n)
{
	bool display = strcmp(cmark_node_get_on_enter(n), "display") == 0;

	return json_pack("{s:s,s:[{s:s},s]}", "t", "Math", "c", "t",
	                 display ? "DisplayMath" : "InlineMath",
	                 cmark_node_get_on_exit(n));
}
