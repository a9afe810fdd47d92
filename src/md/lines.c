/*
 * lines.c - text written one block per line, as a CMS exports an article,
 * rewritten as the Markdown its writer meant (dm-from-md --lines).
 *
 * Every non-blank line is a block of its own: a blank line is put between
 * lines, except inside a code fence and between lines of one kind that
 * only make sense together (list items and the lines indented under them,
 * `>` quote lines, `|` table rows).  Markdown within a line is left as it
 * is, so `- ` items still make a list and `#` lines headings.
 *
 * A bare line that reads as a heading becomes a level-2 heading
 * (heading_like() says when, heading_line() adds numbered lines standing
 * alone, and the loop: not first, not under a heading or an image;
 * dm-from-md(1) documents the rule).  A line of spaces, no-break ones
 * included, is blank; an indented line not under a list item is a
 * paragraph (unindent()); a line opening with a bullet character (•) a
 * `-` list item (glyph_bullet()).
 */
#include <string.h>

#include "md.h"

typedef enum { L_BLANK, L_PARA, L_HEAD, L_LIST, L_INDENT, L_QUOTE,
               L_TABLE, L_FENCE } line_kind;

typedef struct line {
	const char *s; /* the line without its newline */
	size_t len;
	line_kind kind;
} line;

/* ------------------------------------------------------------------------
 * Kinds of line
 * ------------------------------------------------------------------------ */

/* Whether `l` opens a list item: `-`, `*` or `+`, or 1 to 9 digits and `.`
 * or `)`, then a space (or the end of the line). */
static bool list_item(const char *s, size_t len)
{
	size_t i = 0;

	if (len > 0 && (s[0] == '-' || s[0] == '*' || s[0] == '+'))
		return len == 1 || s[1] == ' ';
	while (i < len && i < 9 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i < len && (s[i] == '.' || s[i] == ')') &&
	       (i + 1 == len || s[i + 1] == ' ');
}

/* Whether the line opens or closes a code fence: three or more backticks
 * or tildes after at most three spaces. */
static bool fence(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len && i < 3 && s[i] == ' ')
		i++;
	while (i + n < len && s[i + n] == s[i] && (s[i] == '`' || s[i] == '~'))
		n++;
	return n >= 3;
}

/* Whether `cp` is a space a line may hold and still look empty: a no-break
 * space (a CMS writes an empty paragraph as one), the spaces of U+2000 to
 * U+200B, U+202F, U+205F, the ideographic space and a stray BOM. */
static bool space(uint32_t cp)
{
	return cp == ' ' || cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200b) ||
	       cp == 0x202f || cp == 0x205f || cp == 0x3000 || cp == 0xfeff;
}

/* Whether the line holds nothing but spaces (space()). */
static bool blank(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		i += dmp_utf8_get((const unsigned char *)s + i, &cp);
		if (!space(cp))
			return false;
	}
	return true;
}

/* The length of a bullet character a word processor writes for a list
 * item (•, ◦, ▪, ▫, ●, ‣, ⁃, ·) and the spaces after it (one at least) at
 * the start of `s`; 0 when there is none. */
static size_t glyph_bullet(const char *s, size_t len)
{
	static const uint32_t glyphs[] = {0x2022, 0x25e6, 0x25aa, 0x25ab,
	                                  0x25cf, 0x2023, 0x2043, 0x00b7};
	size_t i, n;
	uint32_t cp;

	if (len == 0 || (unsigned char)s[0] < 0x80)
		return 0;
	n = dmp_utf8_get((const unsigned char *)s, &cp);
	for (i = 0; i < sizeof glyphs / sizeof *glyphs; i++)
		if (cp == glyphs[i])
			break;
	if (i == sizeof glyphs / sizeof *glyphs || n >= len || s[n] != ' ')
		return 0;
	while (n < len && s[n] == ' ')
		n++;
	return n;
}

static line_kind kind_of(const char *s, size_t len)
{
	size_t sp = 0;

	while (sp < len && s[sp] == ' ')
		sp++;
	if (blank(s + sp, len - sp))
		return L_BLANK;
	if (fence(s, len))
		return L_FENCE;
	if (sp > 0)
		return L_INDENT;
	if (list_item(s, len) || glyph_bullet(s, len) > 0)
		return L_LIST;
	if (s[0] == '>')
		return L_QUOTE;
	if (s[0] == '|')
		return L_TABLE;
	if (s[0] == '#')
		return L_HEAD;
	return L_PARA;
}

/* Whether a line of kind `k` joins the line of kind `prev` before it in
 * one block (no blank line between them). */
static bool joins(line_kind prev, line_kind k)
{
	if (k == L_INDENT || k == L_LIST)
		return prev == L_LIST || prev == L_INDENT;
	return k == prev && (k == L_LIST || k == L_QUOTE || k == L_TABLE);
}

/* ------------------------------------------------------------------------
 * Headings
 * ------------------------------------------------------------------------ */

/* Whether `cp` is written without spaces between words: CJK ideographs,
 * kana, Hangul, and their punctuation and full-width forms. */
static bool cjk(uint32_t cp)
{
	return (cp >= 0x2e80 && cp <= 0x9fff) ||
	       (cp >= 0xac00 && cp <= 0xd7af) ||
	       (cp >= 0xf900 && cp <= 0xfaff) ||
	       (cp >= 0xff00 && cp <= 0xffef) || cp >= 0x20000;
}

/* Whether `cp` is a letter or digit (unicode.c knows those outside
 * ASCII). */
static bool alnum(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	return dmp_unicode_alnum(cp);
}

/* Whether `cp` is a lower-case letter of a cased script. */
static bool lower_letter(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return cp < 0x530 && dmp_unicode_alnum(cp) &&
	       dmp_unicode_lower(cp) == cp;
}

/* Whether a line may not end with `cp` and be a heading: the end of a
 * sentence or clause (but not `?`), a closing quotation mark, or a
 * backslash (a hard line break). */
static bool closing(uint32_t cp)
{
	static const uint32_t marks[] = {
		'.', '!', ',', ';', ':', '"', '\'', '\\', 0x2026 /* … */,
		0x201d /* ” */, 0x2019 /* ’ */, 0x00bb /* » */, 0x3002 /* 。 */,
		0xff01 /* ！ */, 0xff0c /* ， */, 0xff1b /* ； */, 0xff1a /* ： */,
		0x3001 /* 、 */, 0xff0e /* ． */, 0x300d /* 」 */, 0x300f /* 』 */
	};
	size_t i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (cp == marks[i])
			return true;
	return false;
}

/* What heading_like() measures of a line. */
typedef struct shape {
	size_t chars;      /* characters */
	size_t weight;     /* twice the words, plus one per CJK character */
	uint32_t first;    /* the first and last characters, emphasis */
	uint32_t last;     /* markers (* and _) left out */
	bool inner_stop;   /* a sentence ends inside the line */
	size_t label_words;   /* words before the first colon (0: none) */
	size_t label_cjk;     /* CJK characters before that colon */
	size_t words;         /* words, CJK characters aside */
	bool lower_word;      /* a word opens with a lower-case letter */
} shape;

static bool stop(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 ||
	       cp == 0xff01 || cp == 0xff1f;
}

static void measure(const char *s, size_t len, shape *sh)
{
	size_t i = 0, words = 0, cjkn = 0;
	bool in_word = false, colon = false, word_start = false;
	uint32_t cp, prev = 0;

	memset(sh, 0, sizeof *sh);
	while (i < len) {
		i += dmp_utf8_get((const unsigned char *)s + i, &cp);
		sh->chars++;
		if (cp == ' ' && stop(prev) && i < len)
			sh->inner_stop = true;
		if ((stop(prev) && cjk(prev)) && cp != ' ')
			sh->inner_stop = true;
		if (!colon && (cp == ':' || cp == 0xff1a) && i < len) {
			colon = true;
			sh->label_words = words;
			sh->label_cjk = cjkn;
		}
		if (cjk(cp)) {
			cjkn++;
			in_word = false;
		} else if (cp == ' ') {
			in_word = false;
		} else if (!in_word) {
			in_word = word_start = true;
			words++;
		}
		if (word_start && alnum(cp)) {
			word_start = false;
			sh->lower_word |= lower_letter(cp);
		}
		if (cp != '*' && cp != '_' && cp != ' ' &&
		    (sh->first != 0 || (cp != 0xbf && cp != 0xa1))) {
			/* Spanish opens a question or an exclamation with
			 * an inverted mark: the first is the letter after */
			if (sh->first == 0)
				sh->first = cp;
			sh->last = cp;
		}
		prev = cp;
	}
	sh->weight = 2 * words + cjkn;
	sh->words = words;
}

/* Whether the line ends in a colon that closes a title ("The Direct
 * Message:", "Key Takeaways:"): two words or more, each opening with a
 * capital or a digit, and no other colon.  A lead-in ("Here is what she
 * said:") or a one-word label ("Update:") ends a clause instead. */
static bool title_colon(const shape *sh)
{
	return sh->last == ':' && sh->label_words == 0 && sh->words >= 2 &&
	       !sh->lower_word;
}

/* Whether the line is a byline, "By NAME ...": a paragraph. */
static bool byline(const char *s, size_t len)
{
	uint32_t cp;

	if (len < 4 || memcmp(s, "By ", 3) != 0)
		return false;
	dmp_utf8_get((const unsigned char *)s + 3, &cp);
	return alnum(cp) && !lower_letter(cp) && !(cp >= '0' && cp <= '9');
}

/*
 * Whether paragraph line `l`, with `next` (a line of any kind) after it,
 * reads as a heading: short (at most 100 characters and 12 words, a CJK
 * character counting as half a word), neither opening in lower case nor
 * ending in sentence or clause punctuation (a question mark may end it,
 * and a colon a title: title_colon()), one sentence, no one-word label
 * before a colon ("Photo: ...", "Note: ..."), no byline ("By Jane Doe,
 * 3 June"), and followed by a longer paragraph.
 */
static bool heading_like(const line *l, const line *next)
{
	shape sh;

	if (next == NULL || next->kind != L_PARA || next->len <= l->len)
		return false;
	measure(l->s, l->len, &sh);
	if (sh.chars > 100 || sh.weight > 24 ||
	    !(alnum(sh.first) || cjk(sh.first)))
		return false;
	if (lower_letter(sh.first) || sh.inner_stop ||
	    (closing(sh.last) && !title_colon(&sh)) || byline(l->s, l->len))
		return false;
	if (sh.label_words == 1 && sh.label_cjk == 0)
		return false; /* "Photo: Jane Doe" */
	if (sh.label_words == 0 && sh.label_cjk > 0 && sh.label_cjk <= 4)
		return false; /* "图片来源：..." */
	return true;
}

/* ------------------------------------------------------------------------
 * The rewriting
 * ------------------------------------------------------------------------ */

/* The next line of text[*pos, len) into `l`; false at the end. */
static bool next_line(const char *text, size_t len, size_t *pos, line *l)
{
	const char *nl;

	if (*pos >= len)
		return false;
	l->s = text + *pos;
	nl = memchr(l->s, '\n', len - *pos);
	l->len = nl != NULL ? (size_t)(nl - l->s) : len - *pos;
	*pos += l->len + (nl != NULL);
	l->kind = kind_of(l->s, l->len);
	return true;
}

/* Copies a code fence opened by `open` verbatim up to its closing line. */
static void copy_fence(const char *text, size_t len, size_t *pos,
                       const line *open, dm_buf *out)
{
	line l;

	dm_buf_add(out, open->s, open->len);
	dm_buf_putc(out, '\n');
	while (next_line(text, len, pos, &l)) {
		dm_buf_add(out, l.s, l.len);
		dm_buf_putc(out, '\n');
		if (l.kind == L_FENCE)
			break;
	}
}

/* The next line that is not blank into `l`; false at the end. */
static bool next_block_line(const char *text, size_t len, size_t *pos,
                            line *l)
{
	while (next_line(text, len, pos, l))
		if (l->kind != L_BLANK)
			return true;
	return false;
}

/* The length of the marker `1. ` or `1) ` opening an ordered list item
 * line, spaces after it included; 0 for any other line. */
static size_t ordered_marker(const line *l)
{
	size_t i = 0;

	if (l->kind != L_LIST || l->s[0] < '0' || l->s[0] > '9')
		return 0;
	while (i < l->len && l->s[i] >= '0' && l->s[i] <= '9')
		i++;
	for (i++; i < l->len && l->s[i] == ' '; i++)
		;
	return i;
}

/*
 * Whether line `cur`, with `prev` the kind of the block before and `next`
 * the line after (NULL at the end), is a heading: a bare line that reads
 * as one, or a numbered one ("3. The Direct Message") standing alone, no
 * list item before or after it, whose words read as one.
 */
static bool heading_line(const line *cur, line_kind prev, const line *next)
{
	size_t m = ordered_marker(cur);
	line words;

	if (prev == L_BLANK || prev == L_HEAD)
		return false;
	if (cur->kind == L_PARA)
		return heading_like(cur, next);
	if (m == 0 || m == cur->len || prev == L_LIST || prev == L_INDENT)
		return false;
	words.s = cur->s + m;
	words.len = cur->len - m;
	words.kind = L_PARA;
	return next != NULL && next->len > cur->len &&
	       heading_like(&words, next);
}

/* A line indented by spaces that does not go under a list item: a
 * paragraph whose first line the writer indented (a CMS, a word
 * processor), not indented code; `l` loses the spaces. */
static void unindent(line *l, line_kind prev)
{
	size_t sp = 0;

	if (l->kind != L_INDENT || joins(prev, L_INDENT))
		return;
	while (sp < l->len && l->s[sp] == ' ')
		sp++;
	l->s += sp;
	l->len -= sp;
	l->kind = kind_of(l->s, l->len);
}

/* A heading line written wholly bold (`**The Direct Message**`, as a CMS
 * sets a heading in a paragraph) loses the markers: the heading is bold
 * as a heading, and its text is the words alone. */
static void unbold(line *l)
{
	const char *s = l->s;
	size_t n = l->len;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n < 5 || s[0] != s[1] || (s[0] != '*' && s[0] != '_') ||
	    s[n - 1] != s[0] || s[n - 2] != s[0] || s[2] == ' ' ||
	    s[n - 3] == ' ' || s[n - 3] == s[0])
		return;
	if (memchr(s + 2, s[0], n - 4) != NULL)
		return; /* **Part** one **two**: emphasis within */
	l->s += 2;
	l->len = n - 4;
}

int dmp_md_lines(const char *text, size_t len, dm_buf *out)
{
	size_t pos = 0, npos, n;
	line cur, next;
	line_kind prev = L_BLANK;
	bool have = next_block_line(text, len, &pos, &cur), more;
	bool image = false; /* the line before is an image: this its caption */

	while (have) {
		unindent(&cur, prev);
		if (prev != L_BLANK && !joins(prev, cur.kind))
			dm_buf_putc(out, '\n');
		if (cur.kind == L_FENCE) {
			copy_fence(text, len, &pos, &cur, out);
			prev = L_FENCE;
			have = next_block_line(text, len, &pos, &cur);
			continue;
		}
		npos = pos;
		more = next_block_line(text, len, &npos, &next);
		if (!image && heading_line(&cur, prev, more ? &next : NULL)) {
			dm_buf_puts(out, "## ");
			cur.kind = L_HEAD;
			unbold(&cur);
		}
		if ((n = glyph_bullet(cur.s, cur.len)) > 0) { /* "• " */
			dm_buf_puts(out, "- ");
			cur.s += n;
			cur.len -= n;
		}
		dm_buf_add(out, cur.s, cur.len);
		dm_buf_putc(out, '\n');
		image = cur.len >= 2 && (memcmp(cur.s, "![", 2) == 0 ||
		                         (cur.len >= 3 &&
		                          memcmp(cur.s, "[![", 3) == 0));
		prev = cur.kind;
		cur = next;
		pos = npos;
		have = more;
	}
	return dm_buf_failed(out) ? -1 : 0;
}
