/*
 * md.c - Markdown to pandoc's AST with cmark-gfm, as pandoc's own gfm
 * reader (commonmark-hs) builds it: Str/Space splitting, header
 * identifiers, pipe tables, task lists, footnotes, raw HTML; and for
 * pandoc 3 (API 1.23) GitHub alerts and math.
 *
 * cmark-gfm parses; a recursive walk over its tree builds the JSON.  What
 * cmark-gfm does not know (alerts, task lists as pandoc sees them, math)
 * is recognised on its tree or, for math, by a small inline extension.
 */
#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "dm_md.h"
#include "md.h"

/* Deeper nesting than this is refused: jansson reads at most 2048 levels
 * and a block costs two or three. */
#define MAX_DEPTH 500

typedef struct conv {
	dm_error *err;
	cmark_syntax_extension *math; /* pandoc 3 only: math and alerts */
	cmark_node **notes;           /* footnote definitions, number - 1 */
	json_t **note_blocks;         /* their contents, once converted */
	unsigned char *note_busy;     /* being converted (a cycle guard) */
	size_t nnotes;
	json_t *ids;                  /* header identifier -> times used */
	locale_t loc;                 /* C.UTF-8 for identifiers, or 0 */
	bool loc_tried;
	size_t depth;
	size_t in_note;               /* inside a footnote: no identifiers */
	const char *text;             /* the Markdown, and its length */
	size_t len;
} conv;

static int nomem(conv *c)
{
	return dm_error_set(c->err, DM_ENOMEM, NULL, "out of memory");
}

static int too_deep(conv *c)
{
	return dm_error_set(c->err, DM_EINPUT, NULL,
	                    "Markdown nested too deeply (more than %d levels)",
	                    MAX_DEPTH);
}

static bool is(cmark_node *n, const char *type)
{
	return strcmp(cmark_node_get_type_string(n), type) == 0;
}

static json_t *null_attr(void)
{
	return json_pack("[s[][]]", "");
}

/* ------------------------------------------------------------------------
 * Inlines, joined as pandoc's Inlines monoid joins them
 * ------------------------------------------------------------------------ */

static bool tag_is(const json_t *node, const char *tag)
{
	const char *t = dm_tag(node);

	return t != NULL && strcmp(t, tag) == 0;
}

/*
 * Appends `node` (stolen) to `list` as pandoc's builder appends: adjacent
 * Str are joined; Space, SoftBreak and LineBreak next to each other
 * collapse to the strongest; adjacent Emph (Strong, Strikeout, ...) are
 * joined.  Returns 0 or -1.
 */
static int add_inline(json_t *list, json_t *node)
{
	static const char *const joinable[] = {
		"Emph", "Strong", "Strikeout", "Superscript", "Subscript", NULL
	};
	size_t n = json_array_size(list), i;
	json_t *last;
	const char *a, *b;
	int rank_a, rank_b;

	if (node == NULL)
		return -1;
	if (n == 0)
		return json_array_append_new(list, node);
	last = json_array_get(list, n - 1);
	a = dm_tag(last);
	b = dm_tag(node);
	if (strcmp(a, "Str") == 0 && strcmp(b, "Str") == 0) {
		json_t *s = json_object_get(last, "c");
		const json_t *t = json_object_get(node, "c");
		size_t ls = json_string_length(s), lt = json_string_length(t);
		char *buf = malloc(ls + lt + 1);
		int rc;

		if (buf == NULL) {
			json_decref(node);
			return -1;
		}
		memcpy(buf, json_string_value(s), ls);
		memcpy(buf + ls, json_string_value(t), lt);
		rc = json_string_setn(s, buf, ls + lt);
		free(buf);
		json_decref(node);
		return rc;
	}
	/* Space < SoftBreak < LineBreak; two LineBreaks both stay. */
	rank_a = !strcmp(a, "Space") ? 1 : !strcmp(a, "SoftBreak") ? 2
	         : !strcmp(a, "LineBreak") ? 3 : 0;
	rank_b = !strcmp(b, "Space") ? 1 : !strcmp(b, "SoftBreak") ? 2
	         : !strcmp(b, "LineBreak") ? 3 : 0;
	if (rank_a && rank_b && !(rank_a == 3 && rank_b == 3)) {
		if (rank_b > rank_a)
			return json_array_set_new(list, n - 1, node);
		json_decref(node);
		return 0;
	}
	for (i = 0; joinable[i]; i++) {
		if (strcmp(a, joinable[i]) == 0 && strcmp(b, a) == 0) {
			int rc = json_array_extend(json_object_get(last, "c"),
			                           json_object_get(node, "c"));
			json_decref(node);
			return rc;
		}
	}
	return json_array_append_new(list, node);
}

/* Appends the inlines of `src` one by one (the array is not stolen). */
static int add_inlines(json_t *list, const json_t *src)
{
	size_t i;

	for (i = 0; i < json_array_size(src); i++)
		if (add_inline(list, json_incref(json_array_get(src, i))) != 0)
			return -1;
	return 0;
}

/*
 * Text as pandoc's `text` splits it: runs of spaces and tabs become Space,
 * runs holding a newline SoftBreak, the rest Str.  Nothing is trimmed.
 */
static int add_text(json_t *list, const char *s, size_t len)
{
	size_t i = 0, j;

	while (i < len) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r') {
			bool nl = false;
			for (j = i; j < len && (s[j] == ' ' || s[j] == '\t' ||
			                        s[j] == '\n' || s[j] == '\r');
			     j++)
				nl = nl || s[j] == '\n' || s[j] == '\r';
			if (add_inline(list, nl ? dm_softbreak() : dm_space()))
				return -1;
		} else {
			for (j = i; j < len && s[j] != ' ' && s[j] != '\t' &&
			            s[j] != '\n' && s[j] != '\r';
			     j++)
				;
			if (add_inline(
			            list,
			            dm_node("Str", json_stringn(s + i, j - i))))
				return -1;
		}
		i = j;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Math: an inline extension for `$...$`, `$$...$$` and $`...`$, with the
 * rules of commonmark-hs as pandoc 3 uses them.  A match becomes a custom
 * inline node of this extension: on_enter "inline" or "display", on_exit
 * the TeX.
 * ------------------------------------------------------------------------ */

static unsigned char peek(cmark_inline_parser *ip, int pos)
{
	return cmark_inline_parser_peek_at(ip, pos);
}

static bool ws(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* $`...`$ (GitHub's form): the end of the content or -1. */
static int gfm_math_end(cmark_inline_parser *ip, int start, int ticks)
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
	return -1;
}

/* $...$ and $$...$$: the offset of the closing dollar, or -1. */
static int dollar_math_end(cmark_inline_parser *ip, int start)
{
	int i = start, depth = 0;
	unsigned char ch;

	while ((ch = peek(ip, i)) != 0) {
		if (ch == '$' && depth == 0)
			return i;
		if (ch == '\\') {
			if (peek(ip, i + 1) == 0)
				return -1;
			i += 2;
			continue;
		}
		if (ch == '{')
			depth++;
		else if (ch == '}' && depth-- == 0)
			return -1;
		i++;
	}
	return -1;
}

static cmark_node *math_match(cmark_syntax_extension *ext,
                              cmark_parser *parser, cmark_node *parent,
                              unsigned char character,
                              cmark_inline_parser *ip)
{
	int p = cmark_inline_parser_get_offset(ip), start, end, next, i;
	bool display = false;
	cmark_node *node;
	char *tex;

	(void)parser;
	(void)parent;
	if (character != '$')
		return NULL;
	end = -1;
	if (peek(ip, p + 1) == '`') {
		int ticks = 0;
		while (peek(ip, p + 1 + ticks) == '`')
			ticks++;
		start = p + 1 + ticks;
		end = gfm_math_end(ip, start, ticks);
		next = end + ticks + 1;
	}
	if (end < 0) {
		display = peek(ip, p + 1) == '$';
		start = p + 1 + display;
		if (!display && (ws(peek(ip, start)) || peek(ip, start) == 0))
			return NULL;
		end = dollar_math_end(ip, start);
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
	tex = malloc((size_t)(end - start) + 1);
	if (tex == NULL)
		return NULL;
	for (i = start; i < end; i++)
		tex[i - start] = (char)peek(ip, i);
	tex[end - start] = '\0';
	node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
	cmark_node_set_on_enter(node, display ? "display" : "inline");
	cmark_node_set_on_exit(node, tex);
	cmark_node_set_syntax_extension(node, ext);
	free(tex);
	cmark_inline_parser_set_offset(ip, next);
	return node;
}

static cmark_syntax_extension *math_extension(void)
{
	cmark_syntax_extension *ext = cmark_syntax_extension_new("dm-math");
	cmark_llist *chars;

	chars = cmark_llist_append(cmark_get_default_mem_allocator(), NULL,
	                           (void *)(uintptr_t)'$');
	cmark_syntax_extension_set_special_inline_chars(ext, chars);
	cmark_syntax_extension_set_match_inline_func(ext, math_match);
	return ext;
}

/* ------------------------------------------------------------------------
 * Header identifiers (gfm_auto_identifiers)
 * ------------------------------------------------------------------------ */

/* Decodes one UTF-8 character (the input is valid); returns its length. */
static size_t utf8_get(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		*cp = (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
		return 2;
	}
	if ((s[0] & 0xf0) == 0xe0) {
		*cp = (uint32_t)(s[0] & 0x0f) << 12 |
		      (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
		return 3;
	}
	*cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 |
	      (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
	return 4;
}

static int utf8_put(dm_buf *b, uint32_t cp)
{
	char s[4];
	size_t n;

	if (cp < 0x80) {
		s[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | cp >> 6);
		s[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | cp >> 12);
		s[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		s[0] = (char)(0xf0 | cp >> 18);
		s[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		s[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		s[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	return dm_buf_add(b, s, n);
}

/* Haskell's isSpace: ASCII white space, NBSP and the Zs separators. */
static bool hs_space(uint32_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f ||
	       c == 0x205f || c == 0x3000;
}

/* What a letter, digit, mark or connector is outside ASCII, as far as the
 * C library's tables and a few ranges they miss tell. */
static bool word_char(conv *c, uint32_t cp)
{
	if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe20 && cp <= 0xfe2f))
		return true; /* combining marks */
	if (cp == 0xb2 || cp == 0xb3 || cp == 0xb9 ||
	    (cp >= 0xbc && cp <= 0xbe))
		return true; /* numbers that are not digits */
	if (cp == 0x203f || cp == 0x2040 || cp == 0x2054 || cp == 0xfe33 ||
	    cp == 0xfe34 || (cp >= 0xfe4d && cp <= 0xfe4f) || cp == 0xff3f)
		return true; /* connector punctuation */
	return c->loc != (locale_t)0 ? iswalnum_l((wint_t)cp, c->loc) != 0
	                             : true;
}

static uint32_t lower(conv *c, uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (c->loc == (locale_t)0)
		return cp;
	return (uint32_t)towlower_l((wint_t)cp, c->loc);
}

/* makeIdentifier: lower case; letters, digits, marks, `_` and `-` kept;
 * white space to `-`; everything else dropped. */
static int make_identifier(conv *c, const char *text, dm_buf *out)
{
	const unsigned char *s = (const unsigned char *)text;
	uint32_t cp;

	if (!c->loc_tried) {
		c->loc_tried = true;
		c->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	}
	while (*s) {
		s += utf8_get(s, &cp);
		cp = lower(c, cp);
		if (cp == '-' || cp == '_' ||
		    (cp < 0x80 && ((cp >= 'a' && cp <= 'z') ||
		                   (cp >= '0' && cp <= '9')))) {
			if (dm_buf_putc(out, (char)cp) != 0)
				return -1;
		} else if (hs_space(cp)) {
			if (dm_buf_putc(out, '-') != 0)
				return -1;
		} else if (cp >= 0x80 && word_char(c, cp)) {
			if (utf8_put(out, cp) != 0)
				return -1;
		}
	}
	if (out->data == NULL && dm_buf_puts(out, "") != 0)
		return -1;
	return 0;
}

/* The identifier of a header with these inlines; numbered after the first
 * use of the same one (`intro`, `intro-1`, ...).  A new string. */
static char *header_id(conv *c, const json_t *inlines)
{
	char *text = dm_stringify(inlines);
	dm_buf id = {0};
	json_t *seen;
	json_int_t n = 0;

	if (text == NULL || make_identifier(c, text, &id) != 0)
		goto fail;
	free(text);
	text = NULL;
	seen = json_object_get(c->ids, dm_buf_str(&id));
	if (seen != NULL) {
		n = json_integer_value(seen) + 1;
		if (json_integer_set(seen, n) != 0)
			goto fail;
	} else if (json_object_set_new(c->ids, dm_buf_str(&id),
	                               json_integer(0)) != 0) {
		goto fail;
	}
	if (n > 0 && dm_buf_printf(&id, "-%" JSON_INTEGER_FORMAT, n) != 0)
		goto fail;
	return dm_buf_take(&id);
fail:
	free(text);
	dm_buf_free(&id);
	return NULL;
}

/* ------------------------------------------------------------------------
 * Inlines
 * ------------------------------------------------------------------------ */

static int blocks(conv *c, cmark_node *parent, json_t *out, bool tight);
static json_t *note(conv *c, cmark_node *ref);

/* The inlines under `parent`, appended to `out`.  0 or -1 (c->err). */
static int inlines(conv *c, cmark_node *parent, json_t *out)
{
	cmark_node *n;
	int rc = 0;

	if (++c->depth > MAX_DEPTH) {
		c->depth--;
		return too_deep(c);
	}
	for (n = cmark_node_first_child(parent); n && rc == 0;
	     n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);
		const char *lit = cmark_node_get_literal(n);
		json_t *kids, *node = NULL;

		switch (t) {
		case CMARK_NODE_TEXT:
			rc = add_text(out, lit, strlen(lit));
			continue;
		case CMARK_NODE_SOFTBREAK:
			node = dm_softbreak();
			break;
		case CMARK_NODE_LINEBREAK:
			node = dm_linebreak();
			break;
		case CMARK_NODE_CODE:
			node = dm_code(null_attr(), lit);
			break;
		case CMARK_NODE_HTML_INLINE:
			node = dm_raw_inline("html", lit);
			break;
		case CMARK_NODE_FOOTNOTE_REFERENCE:
			node = note(c, n);
			if (node == NULL)
				return -1;
			break;
		case CMARK_NODE_CUSTOM_INLINE:
			if (c->math == NULL ||
			    cmark_node_get_syntax_extension(n) != c->math)
				continue;
			node = json_pack("{s:s,s:[{s:s},s]}", "t", "Math", "c",
			                 "t",
			                 strcmp(cmark_node_get_on_enter(n),
			                        "display") == 0
			                         ? "DisplayMath"
			                         : "InlineMath",
			                 cmark_node_get_on_exit(n));
			break;
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG:
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			kids = json_array();
			if (kids == NULL)
				return nomem(c);
			if (inlines(c, n, kids) != 0) {
				json_decref(kids);
				return -1;
			}
			if (t == CMARK_NODE_EMPH)
				node = dm_emph(kids);
			else if (t == CMARK_NODE_STRONG)
				node = dm_strong(kids);
			else
				node = json_pack("{s:s,s:[o,o,[s,s]]}", "t",
				                 t == CMARK_NODE_LINK ? "Link"
				                                      : "Image",
				                 "c", null_attr(), kids,
				                 cmark_node_get_url(n),
				                 cmark_node_get_title(n));
			break;
		default:
			if (!is(n, "strikethrough"))
				continue;
			kids = json_array();
			if (kids == NULL)
				return nomem(c);
			if (inlines(c, n, kids) != 0) {
				json_decref(kids);
				return -1;
			}
			node = dm_node("Strikeout", kids);
			break;
		}
		if (add_inline(out, node) != 0)
			rc = nomem(c);
	}
	c->depth--;
	return rc;
}

/* A footnote reference: a Note holding a copy of the definition. */
static json_t *note(conv *c, cmark_node *ref)
{
	long k = strtol(cmark_node_get_literal(ref), NULL, 10);
	json_t *b;

	if (k < 1 || (size_t)k > c->nnotes)
		return dm_node("Note", json_array()); /* cannot happen */
	k--;
	if (c->note_blocks[k] == NULL) {
		if (c->note_busy[k]) /* a note that refers to itself */
			return dm_node("Note", json_array());
		c->note_busy[k] = 1;
		b = json_array();
		if (b == NULL) {
			nomem(c);
			return NULL;
		}
		c->in_note++;
		if (blocks(c, c->notes[k], b, false) != 0) {
			json_decref(b);
			return NULL;
		}
		c->in_note--;
		c->note_blocks[k] = b;
		c->note_busy[k] = 0;
	}
	b = json_deep_copy(c->note_blocks[k]);
	if (b == NULL)
		nomem(c);
	return b ? dm_node("Note", b) : NULL;
}

/* ------------------------------------------------------------------------
 * Blocks
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
	int l;

	for (l = 1; l < line && i < c->len; i++)
		if (c->text[i] == '\n')
			l++;
	for (k = 0; k < (size_t)col - 1 && i < c->len && c->text[i] != '\n';
	     k++)
		i++;
	for (k = 0; k < 3 && i < c->len && c->text[i] == ' '; k++)
		i++;
	return i < c->len && c->text[i] == '>';
}

static int alert(conv *c, cmark_node *quote, int type, json_t *out,
                 bool tight)
{
	static const char *const titles[] = {
		"Note", "Tip", "Important", "Warning", "Caution"
	};
	cmark_node *para = cmark_node_first_child(quote);
	cmark_node *text = cmark_node_first_child(para);
	cmark_node *brk = cmark_node_next(text);
	json_t *body, *div, *after = NULL, *rest = NULL;
	cmark_node *n, *next, *split = NULL;
	int rc = 0, line;

	/* drop the marker line, and the paragraph if nothing is left */
	cmark_node_free(text);
	if (brk != NULL)
		cmark_node_free(brk);
	if (cmark_node_first_child(para) == NULL) {
		cmark_node_free(para);
	} else if (!quote_marker(c, cmark_node_get_start_line(quote) + 1,
	                         cmark_node_get_start_column(quote))) {
		/* a lazy line right after the marker ends the alert in
		 * commonmark-hs: the lazy lines follow it as a paragraph, and
		 * the lines from the next `>` on as a new block quote */
		line = cmark_node_get_start_line(quote) + 1;
		for (n = cmark_node_first_child(para); n && !split; n = next) {
			next = cmark_node_next(n);
			if (cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK &&
			    quote_marker(c, ++line,
			                 cmark_node_get_start_column(quote))) {
				split = cmark_node_new(CMARK_NODE_PARAGRAPH);
				cmark_node_free(n);
				while (split && next) {
					n = next;
					next = cmark_node_next(n);
					cmark_node_append_child(split, n);
				}
			}
		}
		after = json_array();
		rest = split ? json_array() : NULL;
		if (after == NULL || (split && rest == NULL) ||
		    inlines(c, para, after) != 0 ||
		    (split && inlines(c, split, rest) != 0)) {
			json_decref(after);
			json_decref(rest);
			if (split)
				cmark_node_free(split);
			return dm_error_is_set(c->err) ? -1 : nomem(c);
		}
		if (split)
			cmark_node_free(split);
		cmark_node_free(para);
	}
	body = json_pack("[{s:s,s:[[s[s][]],[{s:s,s:[{s:s,s:s}]}]]}]", "t",
	                 "Div", "c", "", "title", "t", "Para", "c", "t", "Str",
	                 "c", titles[type]);
	if (body == NULL || blocks(c, quote, body, false) != 0) {
		json_decref(body);
		json_decref(after);
		return body ? -1 : nomem(c);
	}
	div = json_pack("{s:s,s:[[s[s][]],o]}", "t", "Div", "c", "",
	                alert_types[type], body);
	if (div == NULL || json_array_append_new(out, div) != 0)
		rc = nomem(c);
	if (after != NULL && rc == 0 &&
	    json_array_append_new(out, tight ? dm_plain(after)
	                                     : dm_para(after)) != 0)
		rc = nomem(c);
	else if (rc != 0)
		json_decref(after);
	after = NULL;
	if (rest != NULL && rc == 0 &&
	    json_array_append_new(out, dm_blockquote(json_pack(
	                                       "[o]", dm_para(rest)))) != 0)
		rc = nomem(c);
	else if (rc != 0)
		json_decref(rest);
	return rc;
}

/*
 * A task list item, as commonmark-hs sees one: a bullet item whose text
 * starts on the marker's line with `[ ]`, `[x]` or `[X]` and white space.
 * Returns 0 (not one), 1 (unchecked) or 2 (checked).
 */
static int task_state(cmark_node *item)
{
	cmark_node *para = cmark_node_first_child(item), *text;
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
	if (s[i] == '\0' && (cmark_node_next(text) == NULL ||
	                     cmark_node_get_type(cmark_node_next(text)) ==
	                             CMARK_NODE_SOFTBREAK ||
	                     cmark_node_get_type(cmark_node_next(text)) ==
	                             CMARK_NODE_LINEBREAK))
		return state;
	return 0;
}

/* Removes the `[ ]` marker from a task item's first paragraph. */
static void strip_task_marker(cmark_node *item)
{
	cmark_node *para = cmark_node_first_child(item);
	cmark_node *text = cmark_node_first_child(para), *next;
	const char *s = cmark_node_get_literal(text), *rest;

	rest = strchr(s, ']') + 1;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	if (*rest != '\0') {
		char *copy = strdup(rest);
		if (copy != NULL) {
			cmark_node_set_literal(text, copy);
			free(copy);
		}
		return;
	}
	next = cmark_node_next(text);
	cmark_node_free(text);
	if (next != NULL &&
	    (cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK ||
	     cmark_node_get_type(next) == CMARK_NODE_LINEBREAK))
		cmark_node_free(next);
	if (cmark_node_first_child(para) == NULL)
		cmark_node_free(para);
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

/* One list item's blocks; a task item gets pandoc's ballot box. */
static json_t *list_item(conv *c, cmark_node *item, bool tight, int task)
{
	const char *box = task == 2 ? "\u2612" : "\u2610";
	json_t *b = json_array(), *first, *ils;

	if (b == NULL) {
		nomem(c);
		return NULL;
	}
	if (task)
		strip_task_marker(item);
	if (blocks(c, item, b, tight) != 0) {
		json_decref(b);
		return NULL;
	}
	if (!task)
		return b;
	/* the box opens the first paragraph, or a Plain of its own */
	first = json_array_get(b, 0);
	ils = json_pack("[o]", dm_str(box));
	if (tag_is(first, "Plain") || tag_is(first, "Para")) {
		json_t *old = json_object_get(first, "c");
		if (ils == NULL ||
		    (json_array_size(old) > 0 &&
		     add_inline(ils, dm_space()) != 0) ||
		    add_inlines(ils, old) != 0) {
			json_decref(ils);
			goto fail;
		}
		if (json_object_set_new(first, "c", ils) != 0)
			goto fail;
	} else if (json_array_insert_new(b, 0, dm_plain(ils)) != 0) {
		goto fail;
	}
	return b;
fail:
	json_decref(b);
	nomem(c);
	return NULL;
}

static int list(conv *c, cmark_node *l, json_t *out)
{
	bool tight = cmark_node_get_list_tight(l) != 0;
	cmark_node *it, *run;
	json_t *items, *node;

	if (cmark_node_get_list_type(l) == CMARK_ORDERED_LIST) {
		items = json_array();
		if (items == NULL)
			return nomem(c);
		for (it = cmark_node_first_child(l); it;
		     it = cmark_node_next(it))
			if (json_array_append_new(items, list_item(c, it, tight,
			                                           0)) != 0) {
				json_decref(items);
				return dm_error_is_set(c->err) ? -1 : nomem(c);
			}
		node = json_pack(
		        "{s:s,s:[[i,{s:s},{s:s}],o]}", "t", "OrderedList", "c",
		        cmark_node_get_list_start(l), "t", "Decimal", "t",
		        cmark_node_get_list_delim(l) == CMARK_PAREN_DELIM
		                ? "OneParen"
		                : "Period",
		        items);
		if (node == NULL || json_array_append_new(out, node) != 0)
			return nomem(c);
		return 0;
	}
	/* Task items and other items make separate lists in commonmark-hs. */
	for (run = cmark_node_first_child(l); run;) {
		bool task = task_state(run) != 0, run_tight = tight;
		cmark_node *end = cmark_node_next(run);

		while (end && (task_state(end) != 0) == task)
			end = cmark_node_next(end);
		if (!tight && (run != cmark_node_first_child(l) || end))
			run_tight = !loose_run(run, end);
		items = json_array();
		if (items == NULL)
			return nomem(c);
		for (it = run; it != end; it = cmark_node_next(it))
			if (json_array_append_new(items,
			                          list_item(c, it, run_tight,
			                                    task_state(it))) !=
			    0) {
				json_decref(items);
				return dm_error_is_set(c->err) ? -1 : nomem(c);
			}
		if (json_array_append_new(out, dm_bullet_list(items)) != 0)
			return nomem(c);
		run = end;
	}
	return 0;
}

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

/* A pipe table as pandoc's: ColSpecs with the alignments, one header row,
 * one body, no foot, no caption. */
static int table(conv *c, cmark_node *t, json_t *out)
{
	uint16_t ncols = cmark_gfm_extensions_get_table_columns(t), i;
	uint8_t *align = cmark_gfm_extensions_get_table_alignments(t);
	json_t *specs = json_array(), *head = json_array(),
	       *body = json_array();
	json_t *node;
	cmark_node *r;

	if (specs == NULL || head == NULL || body == NULL)
		goto fail;
	for (i = 0; i < ncols; i++) {
		const char *a = align[i] == 'l'   ? "AlignLeft"
		                : align[i] == 'r' ? "AlignRight"
		                : align[i] == 'c' ? "AlignCenter"
		                                  : "AlignDefault";
		if (json_array_append_new(specs,
		                          json_pack("[{s:s},{s:s}]", "t", a,
		                                    "t", "ColWidthDefault")))
			goto fail;
	}
	for (r = cmark_node_first_child(t); r; r = cmark_node_next(r))
		if (json_array_append_new(is(r, "table_header") ? head : body,
		                          row(c, r)) != 0)
			goto fail;
	node = json_pack("{s:s,s:[o,[n,[]],o,[o,o],[[o,i,[],o]],[o,[]]]}",
	                 "t", "Table", "c", null_attr(), specs, null_attr(),
	                 head, null_attr(), 0, body, null_attr());
	if (node == NULL || json_array_append_new(out, node) != 0)
		return dm_error_is_set(c->err) ? -1 : nomem(c);
	return 0;
fail:
	json_decref(specs);
	json_decref(head);
	json_decref(body);
	return dm_error_is_set(c->err) ? -1 : nomem(c);
}

/*
 * Whether fenced code block `n` runs unclosed to the end of the text,
 * where commonmark-hs keeps its last newline: it ends the document (it
 * and its containers are last children, footnotes aside; not in a block
 * quote, which ends it as a closing fence would), and the last non-blank
 * line is no closing fence (container markers skipped).
 */
static bool unclosed_at_end(conv *c, cmark_node *n)
{
	int flen = 0, foff = 0, line = 1, last = 0, k;
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
	if (last == 0)
		return false;
	for (i = last_start; i < c->len && (c->text[i] == ' ' ||
	                                    c->text[i] == '>');
	     i++)
		;
	for (k = 0; i < c->len && c->text[i] == fch; i++, k++)
		;
	while (i < c->len && c->text[i] == ' ')
		i++;
	return !(k >= flen && (i == c->len || c->text[i] == '\n'));
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
	if (c->math != NULL && ilen == 4 && strncmp(info, "math", 4) == 0)
		node = json_pack("{s:s,s:[{s:s,s:[{s:s},s%]}]}", "t", "Para",
		                 "c", "t", "Math", "c", "t", "DisplayMath", lit,
		                 len);
	else {
		cls = ilen ? json_pack("[s%]", info, ilen) : json_array();
		node = json_pack("{s:s,s:[[s,o,[]],s%]}", "t", "CodeBlock", "c",
		                 "", cls, lit, len);
	}
	if (node == NULL || json_array_append_new(out, node) != 0)
		return nomem(c);
	return 0;
}

/* One block; 0 or -1 (c->err). */
static int block(conv *c, cmark_node *n, json_t *out, bool tight)
{
	json_t *ils, *node = NULL;
	int type;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		ils = json_array();
		if (ils == NULL)
			return nomem(c);
		if (inlines(c, n, ils) != 0) {
			json_decref(ils);
			return -1;
		}
		if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
			node = tight ? dm_plain(ils) : dm_para(ils);
		} else {
			/* commonmark-hs names no header inside a note */
			char *id = c->in_note ? strdup("") : header_id(c, ils);
			node = id ? dm_header(cmark_node_get_heading_level(n),
			                      dm_attr(id), ils)
			          : NULL;
			if (id == NULL)
				json_decref(ils);
			free(id);
		}
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
		return list(c, n, out);
	case CMARK_NODE_BLOCK_QUOTE:
		if (c->math != NULL && (type = alert_type(n)) >= 0)
			return alert(c, n, type, out, tight);
		ils = json_array();
		if (ils == NULL)
			return nomem(c);
		if (blocks(c, n, ils, false) != 0) {
			json_decref(ils);
			return -1;
		}
		node = dm_blockquote(ils);
		break;
	default:
		if (is(n, "table"))
			return table(c, n, out);
		return 0; /* footnote definitions are read where referenced */
	}
	if (node == NULL || json_array_append_new(out, node) != 0)
		return nomem(c);
	return 0;
}

/* The blocks under `parent`, appended to `out`; in a tight list item,
 * paragraphs become Plain. */
static int blocks(conv *c, cmark_node *parent, json_t *out, bool tight)
{
	cmark_node *n, *next;
	int rc = 0;

	if (++c->depth > MAX_DEPTH) {
		c->depth--;
		return too_deep(c);
	}
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

/*
 * Parses and converts.  `meta_string`: the text is a metadata value with no
 * final newline, where commonmark-hs leaves an empty paragraph after a
 * closing ATX heading or code fence; pandoc's metadata keeps it.
 */
static json_t *md_blocks(const char *text, size_t len, int api_minor,
                         bool meta_string, dm_error *err)
{
	conv c = {0};
	cmark_node *doc, *n;
	json_t *out = NULL;
	size_t k;
	int flen, foff;
	char fch;

	c.err = err;
	c.text = text;
	c.len = len;
	c.math = api_minor >= 23 ? math_extension() : NULL;
	doc = parse(text, len, c.math);
	c.ids = json_object();
	if (doc == NULL || c.ids == NULL)
		goto nomem;
	/* cmark-gfm moves the definitions it uses to the end, numbered */
	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
			c.nnotes++;
	if (c.nnotes > 0) {
		c.notes = calloc(c.nnotes, sizeof *c.notes);
		c.note_blocks = calloc(c.nnotes, sizeof *c.note_blocks);
		c.note_busy = calloc(c.nnotes, 1);
		if (!c.notes || !c.note_blocks || !c.note_busy)
			goto nomem;
		k = 0;
		for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
			if (cmark_node_get_type(n) ==
			    CMARK_NODE_FOOTNOTE_DEFINITION)
				c.notes[k++] = n;
	}
	out = json_array();
	if (out == NULL)
		goto nomem;
	for (k = 0; meta_string && k < len && text[k] == ' '; k++)
		;
	if (len > 0 && k == len) {
		/* commonmark-hs makes a line of spaces an empty paragraph */
		if (json_array_append_new(out, dm_para(json_array())) != 0)
			goto nomem;
		goto done;
	}
	if (blocks(&c, doc, out, false) != 0) {
		json_decref(out);
		out = NULL;
		goto done;
	}
	n = cmark_node_last_child(doc);
	while (n && cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
		n = cmark_node_previous(n);
	if (meta_string && n && len > 0 && text[len - 1] != '\n' &&
	    ((cmark_node_get_type(n) == CMARK_NODE_HEADING &&
	      cmark_node_get_start_line(n) == cmark_node_get_end_line(n)) ||
	     (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK &&
	      cmark_node_get_fenced(n, &flen, &foff, &fch)))) {
		if (json_array_append_new(out, dm_para(json_array())) != 0)
			goto nomem;
	}
	if (meta_string && n && len > 0 && text[len - 1] != '\n' &&
	    cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) {
		/* cmark ends the last HTML block with a newline that the
		 * text lacks */
		json_t *last = json_array_get(out, json_array_size(out) - 1);
		json_t *s = json_array_get(dm_content(last), 1);
		size_t sl = json_string_length(s);
		if (sl > 0 && json_string_value(s)[sl - 1] == '\n' &&
		    json_string_setn(s, json_string_value(s), sl - 1) != 0)
			goto nomem;
	}
	goto done;
nomem:
	json_decref(out);
	out = NULL;
	dm_error_set(err, DM_ENOMEM, NULL, "out of memory");
done:
	for (k = 0; k < c.nnotes && c.note_blocks; k++)
		json_decref(c.note_blocks[k]);
	free(c.notes);
	free(c.note_blocks);
	free(c.note_busy);
	json_decref(c.ids);
	if (c.loc != (locale_t)0)
		freelocale(c.loc);
	if (doc != NULL)
		cmark_node_free(doc);
	if (c.math != NULL)
		cmark_syntax_extension_free(cmark_get_default_mem_allocator(),
		                            c.math);
	return out;
}

json_t *dmp_md_to_blocks(const char *text, size_t len, int api_minor,
                         dm_error *err)
{
	return md_blocks(text, len, api_minor, false, err);
}

/* ------------------------------------------------------------------------
 * Blocks squashed into inlines (pandoc 3's blocksToInlines)
 * ------------------------------------------------------------------------ */

static int squash(const json_t *blocks, json_t *out);

static int squash_block(const json_t *b, json_t *out)
{
	const char *t = dm_tag(b);
	const json_t *c = json_object_get(b, "c");
	size_t i, j, k;

	if (!strcmp(t, "Plain") || !strcmp(t, "Para"))
		return add_inlines(out, c);
	if (!strcmp(t, "Header"))
		return add_inlines(out, json_array_get(c, 2));
	if (!strcmp(t, "CodeBlock"))
		return add_inline(out, json_pack("{s:s,s:O}", "t", "Code", "c",
		                                 c));
	if (!strcmp(t, "RawBlock"))
		return add_inline(out, json_pack("{s:s,s:O}", "t", "RawInline",
		                                 "c", c));
	if (!strcmp(t, "BlockQuote"))
		return squash(c, out);
	if (!strcmp(t, "Div"))
		return squash(json_array_get(c, 1), out);
	if (!strcmp(t, "BulletList") || !strcmp(t, "OrderedList")) {
		const json_t *items = !strcmp(t, "BulletList")
		                              ? c
		                              : json_array_get(c, 1);
		for (i = 0; i < json_array_size(items); i++)
			if (squash(json_array_get(items, i), out) != 0)
				return -1;
		return 0;
	}
	if (!strcmp(t, "Table")) {
		/* rows of the head, then of the body, joined by LineBreak */
		const json_t *parts[2];
		bool first = true;

		parts[0] = json_array_get(json_array_get(c, 3), 1);
		parts[1] = json_array_get(json_array_get(json_array_get(c, 4),
		                                         0),
		                          3);
		for (k = 0; k < 2; k++)
			for (i = 0; i < json_array_size(parts[k]); i++) {
				const json_t *cells = json_array_get(
				        json_array_get(parts[k], i), 1);
				if (!first && add_inline(out, dm_linebreak()))
					return -1;
				first = false;
				for (j = 0; j < json_array_size(cells); j++)
					if (squash(json_array_get(
					                   json_array_get(cells,
					                                  j),
					                   4),
					           out) != 0)
						return -1;
			}
		return 0;
	}
	return 0; /* HorizontalRule */
}

static int squash(const json_t *blocks, json_t *out)
{
	size_t i;

	for (i = 0; i < json_array_size(blocks); i++) {
		if (i > 0 && add_inline(out, dm_linebreak()) != 0)
			return -1;
		if (squash_block(json_array_get(blocks, i), out) != 0)
			return -1;
	}
	return 0;
}

json_t *dmp_md_to_inlines(const char *text, size_t len, int api_minor,
                          dm_error *err)
{
	json_t *b = md_blocks(text, len, api_minor, true, err), *out;

	if (b == NULL)
		return NULL;
	out = json_array();
	if (out == NULL || squash(b, out) != 0) {
		json_decref(out);
		out = NULL;
		dm_error_set(err, DM_ENOMEM, NULL, "out of memory");
	}
	json_decref(b);
	return out;
}

json_t *dmp_md_meta_value(const char *text, size_t len, int api_minor,
                          dm_error *err)
{
	size_t end = len;
	json_t *b, *first;

	while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	if (end > 0 && text[end - 1] == '\n') {
		/* a `|` or `>` block: blocks, even a single paragraph */
		b = dmp_md_to_blocks(text, len, api_minor, err);
		return b ? dm_node("MetaBlocks", b) : NULL;
	}
	if (api_minor >= 23) {
		while (len > 0 && (*text == ' ' || *text == '\t' ||
		                   *text == '\n' || *text == '\r')) {
			text++;
			len--;
		}
		b = dmp_md_to_inlines(text, len, api_minor, err);
		return b ? dm_node("MetaInlines", b) : NULL;
	}
	/* pandoc 2.17: a single paragraph is inlines, the rest blocks */
	b = md_blocks(text, len, api_minor, true, err);
	if (b == NULL)
		return NULL;
	first = json_array_get(b, 0);
	if (json_array_size(b) == 1 &&
	    (tag_is(first, "Para") || tag_is(first, "Plain"))) {
		json_t *ils = json_incref(json_object_get(first, "c"));
		json_decref(b);
		return dm_node("MetaInlines", ils);
	}
	return dm_node("MetaBlocks", b);
}

/* ------------------------------------------------------------------------
 * Documents
 * ------------------------------------------------------------------------ */

/* The first invalid UTF-8 sequence in `s`, or `len` when there is none. */
static size_t utf8_invalid(const unsigned char *s, size_t len)
{
	size_t i = 0, n, k;
	uint32_t cp;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		n = (s[i] & 0xe0) == 0xc0 ? 2 : (s[i] & 0xf0) == 0xe0 ? 3
		    : (s[i] & 0xf8) == 0xf0 ? 4 : 0;
		if (n == 0 || i + n > len)
			return i;
		for (k = 1; k < n; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
		utf8_get(s + i, &cp);
		if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) ||
		    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += n;
	}
	return len;
}

dm_doc *dm_md_read(const char *text, size_t len, int api_minor,
                   dm_error *err)
{
	size_t bad, i, yoff, ylen, boff, line, col, n;
	char *copy, where[64];
	json_t *meta = NULL, *b;
	bool not_map = false;
	dm_buf norm = {0};

	if (api_minor != 22 && api_minor != 23) {
		dm_error_set(err, DM_EUSAGE, NULL,
		             "unsupported API version 1.%d (supported: 1.22 "
		             "and 1.23)", api_minor);
		return NULL;
	}
	bad = utf8_invalid((const unsigned char *)text, len);
	if (bad < len) {
		col = 1;
		line = 1;
		for (i = 0; i < bad; i++) {
			if (text[i] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)text[i] & 0xc0) != 0x80) {
				col++;
			}
		}
		snprintf(where, sizeof where, "line %zu, column %zu", line,
		         col);
		dm_error_set(err, DM_EINPUT, where,
		             "input is not valid UTF-8 (byte 0x%02x)",
		             (unsigned char)text[bad]);
		return NULL;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	/* as pandoc reads text: CRLF line ends become LF, and tabs spaces to
	 * the next multiple of four columns (characters) */
	for (i = 0, col = 0; i < len; i++) {
		int rc;
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			continue;
		if (text[i] == '\t') {
			rc = dm_buf_add(&norm, "    ", 4 - col % 4);
			col += 4 - col % 4;
		} else {
			rc = dm_buf_putc(&norm, text[i]);
			if (text[i] == '\n')
				col = 0;
			else if (((unsigned char)text[i] & 0xc0) != 0x80)
				col++;
		}
		if (rc != 0) {
			dm_buf_free(&norm);
			dm_error_set(err, DM_ENOMEM, NULL, "out of memory");
			return NULL;
		}
	}
	/* and the last line ends with a newline, as in pandoc's reader */
	if (dm_buf_puts(&norm, norm.len && norm.data[norm.len - 1] != '\n'
	                               ? "\n"
	                               : "") != 0) {
		dm_buf_free(&norm);
		dm_error_set(err, DM_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	copy = norm.data;
	n = norm.len;
	boff = 0;
	if (dmp_front_matter(copy, n, &yoff, &ylen, &boff)) {
		meta = dmp_yaml_meta(copy + yoff, ylen, 2, api_minor, &not_map,
		                     err);
		if (meta == NULL && !not_map) {
			free(copy);
			return NULL;
		}
		if (not_map)
			boff = 0;
	}
	b = dmp_md_to_blocks(copy + boff, n - boff, api_minor, err);
	free(copy);
	if (b == NULL) {
		json_decref(meta);
		return NULL;
	}
	{
		dm_doc *doc = dm_doc_new(api_minor, meta, b);
		if (doc == NULL)
			dm_error_set(err, DM_ENOMEM, NULL, "out of memory");
		return doc;
	}
}

dm_doc *dm_md_read_fd(int fd, int api_minor, dm_error *err)
{
	size_t len = 0;
	char *text = dmp_read_all(fd, &len, err);
	dm_doc *doc;

	if (text == NULL)
		return NULL;
	doc = dm_md_read(text, len, api_minor, err);
	free(text);
	return doc;
}

json_t *dm_md_inlines(const char *text, size_t len, dm_error *err)
{
	return dmp_md_to_inlines(text, len, 23, err);
}
