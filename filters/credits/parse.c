/*
 * parse.c - credit lines.  A line is a credit line when it opens with a
 * credit prefix ("Image Credits:", "Photo credit:", "图片来源：", plain,
 * bold or italic, any case, an ASCII or a full-width colon, a space
 * after it or, after a CJK word or colon, none), or, without a prefix,
 * when it is wholly a credit phrase ("Image courtesy of NASA"); in a
 * Credits section or in the metadata, any credit.  Its credits are
 * separated by ';' and each is read by phrase.c.
 */
#include <stdlib.h>
#include <string.h>

#include "credits.h"
#include "words.h"

/* ------------------------------------------------------------------------
 * The prefix
 * ------------------------------------------------------------------------ */

unsigned char cr_fold_byte(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return (unsigned char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
}

static bool is_emphasis(const json_t *node)
{
	switch (dm_type_of(node)) {
	case DM_T_STRONG:
	case DM_T_EMPH:
		return true;
	default:
		return false;
	}
}

/* A line wholly in bold or italics is read inside. */
static const json_t *inside(const json_t *in)
{
	while (json_array_size(in) == 1 && is_emphasis(json_array_get(in, 0)))
		in = dm_content(json_array_get(in, 0));
	return in;
}

/* Whether a paragraph cannot open with a prefix, told by its first
 * byte: most paragraphs are dismissed without a closer look. */
static bool cannot_open(const dmf_credits *cr, const json_t *inlines)
{
	const json_t *in = json_array_get(inlines, 0);

	while (is_emphasis(in))
		in = json_array_get(dm_content(in), 0);
	return dm_type_of(in) == DM_T_STR &&
	       !cr->first[cr_fold_byte(json_string_value(dm_content(in)))];
}

/* The colons a prefix may end with, the same to a reader. */
static const char *const colons[] = {":", "\xef\xbc\x9a" /* ： */,
                                     "\xef\xbc\x9d" /* ＝ */, NULL};

/* The length of the colon `s` opens with, 0 for none. */
static size_t colon_len(const char *s)
{
	size_t i;

	for (i = 0; colons[i]; i++)
		if (strncmp(s, colons[i], strlen(colons[i])) == 0)
			return strlen(colons[i]);
	return 0;
}

/* Skips white space (also no-break, thin and ideographic spaces: "Photo
 * : Jean", French style): how many. */
static size_t skip_spaces(const char **s)
{
	size_t n = 0, w;

	for (;;) {
		if (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r')
			*s += 1;
		else if ((w = dm_nbsp_at(*s)) > 0)
			*s += w;
		else if (strncmp(*s, "\xe3\x80\x80", 3) == 0)
			*s += 3;
		else
			return n;
		n++;
	}
}

/* The length of the words of prefix `p`, without its colon (its length
 * in *clen, 0 for none) and the spaces around it. */
static size_t label_len(const char *p, size_t *clen)
{
	size_t n = strlen(p);

	while (n > 0 && p[n - 1] == ' ')
		n--;
	*clen = 0;
	if (n >= 1 && p[n - 1] == ':')
		*clen = 1;
	else if (n >= 3 && colon_len(p + n - 3) == 3)
		*clen = 3;
	n -= *clen;
	while (n > 0 && p[n - 1] == ' ')
		n--;
	return n;
}

/* Where in `t` the text after prefix `p` starts, or -1 when `t` does
 * not open with it: its words in any ASCII case, any white space between
 * them, then its colon (any of colons[], a space before it allowed, and
 * after an ASCII colon closing a Latin word a space or the end). */
static long match_text(const char *t, const char *p)
{
	size_t clen, plen, i;
	const char *s = t;

	/* The loop's first comparison, before the prefix is measured: most
	 * paragraphs differ from most prefixes at their first byte. */
	if (p[0] != ' ' && (p[0] >= 'A' && p[0] <= 'Z' ? p[0] + 32 : p[0]) !=
	                   (t[0] >= 'A' && t[0] <= 'Z' ? t[0] + 32 : t[0]))
		return -1;
	if ((plen = label_len(p, &clen)) == 0)
		return -1;
	for (i = 0; i < plen; i++) {
		char a = p[i], b = *s;
		if (a == ' ') {
			if (skip_spaces(&s) == 0)
				return -1;
			while (i + 1 < plen && p[i + 1] == ' ')
				i++;
			continue;
		}
		if ((a >= 'A' && a <= 'Z' ? a + 32 : a) !=
		    (b >= 'A' && b <= 'Z' ? b + 32 : b))
			return -1;
		s++;
	}
	if (clen == 0) /* a prefix without a colon ends a word */
		return *s == '\0' || skip_spaces(&s) > 0 ? s - t : -1;
	skip_spaces(&s);
	if ((clen = colon_len(s)) == 0)
		return -1;
	s += clen;
	if (skip_spaces(&s) == 0 && *s && clen == 1 &&
	    (unsigned char)p[plen - 1] < 0x80)
		return -1; /* "Photo:Lan", not a prefix */
	return s - t;
}

#define MAX_CHUNKS 24

/* The leading text of `in` (Str, spaces, a first Strong or Emph whole),
 * and where each of its inlines starts in it: *n of them. */
static int leading_text(const json_t *in, dm_buf *text, size_t *starts,
                        size_t *n)
{
	size_t i;
	char *s;

	for (i = 0; i < json_array_size(in) && i < MAX_CHUNKS; i++) {
		const json_t *x = json_array_get(in, i);
		starts[i] = text->len;
		switch (dm_type_of(x)) {
		case DM_T_STR:
			dm_buf_puts(text, json_string_value(dm_content(x)));
			break;
		case DM_T_SPACE:
		case DM_T_SOFT_BREAK:
			dm_buf_putc(text, ' ');
			break;
		case DM_T_STRONG:
		case DM_T_EMPH:
			if (i > 0 || (s = dm_stringify(x)) == NULL)
				goto done;
			dm_buf_puts(text, s);
			free(s);
			break;
		default:
			goto done;
		}
	}
done:
	*n = i;
	starts[i] = text->len;
	return dm_buf_failed(text) ? -1 : 0;
}

/* The inlines of `in` after text offset `end` (inside inline k, a Str,
 * or at its start), leading spaces left out: a new array, or NULL. */
static json_t *rest_of(const json_t *in, const char *text,
                       const size_t *starts, size_t k, size_t end)
{
	json_t *rest = json_array();
	size_t i = k;
	char *part;

	if (rest == NULL)
		return NULL;
	if (end > starts[k]) {
		part = strndup(text + end, starts[k + 1] - end);
		if (part == NULL || (part[0] && dm_append(rest, dm_str(part)))) {
			free(part);
			json_decref(rest);
			return NULL;
		}
		free(part);
		i++;
	}
	for (; i < json_array_size(in); i++) {
		const json_t *x = json_array_get(in, i);
		if (json_array_size(rest) == 0 &&
		    (dm_type_of(x) == DM_T_SPACE ||
		     dm_type_of(x) == DM_T_SOFT_BREAK))
			continue;
		if (json_array_append_new(rest, json_deep_copy(x)) != 0) {
			json_decref(rest);
			return NULL;
		}
	}
	return rest;
}

/* The leading text of a line, read once for all the prefixes. */
typedef struct lead {
	dm_buf text;
	size_t starts[MAX_CHUNKS + 1], n;
} lead;

/* Whether the line `in`, whose leading text is `l`, opens with prefix
 * `p`: *rest is then set, a new array. */
static dm_text_match match_prefix(const json_t *in, const lead *l,
                                  const char *p, json_t **rest)
{
	const char *text = l->text.data ? l->text.data : "";
	long end = match_text(text, p);
	size_t k;

	for (k = 0; end >= 0 && k < l->n && l->starts[k + 1] <= (size_t)end;
	     k++)
		;
	/* the text after it starts inside an emphasis: no prefix */
	if (end < 0 || (k < l->n && (size_t)end > l->starts[k] &&
	                dm_type_of(json_array_get(in, k)) != DM_T_STR))
		return DM_TEXT_DIFFERS;
	*rest = rest_of(in, text, l->starts, k, (size_t)end);
	return *rest ? DM_TEXT_MATCHES : DM_TEXT_NOMEM;
}

/* The words of prefix `p` without its colon: a new array, or NULL. */
static json_t *prefix_role(const char *p)
{
	size_t clen;
	char *words = strndup(p, label_len(p, &clen));
	json_t *role = words ? dm_text(words) : NULL;

	free(words);
	return role;
}

cr_found cr_line_start(const dmf_credits *cr, const json_t *inlines,
                       json_t **rest, json_t **role)
{
	const json_t *in = inside(inlines);
	dm_text_match m = DM_TEXT_DIFFERS;
	lead l = {{0}, {0}, 0};
	size_t p;

	*rest = *role = NULL;
	if (cannot_open(cr, in))
		return CR_NONE;
	if (leading_text(in, &l.text, l.starts, &l.n) != 0)
		m = DM_TEXT_NOMEM;
	for (p = 0; p < cr->nprefixes && m == DM_TEXT_DIFFERS; p++)
		m = match_prefix(in, &l, cr->prefixes[p].text, rest);
	dm_buf_free(&l.text);
	if (m == DM_TEXT_MATCHES && cr->prefixes[p - 1].role &&
	    (*role = prefix_role(cr->prefixes[p - 1].text)) == NULL)
		m = DM_TEXT_NOMEM;
	if (m == DM_TEXT_NOMEM) {
		json_decref(*rest);
		*rest = NULL;
	}
	return m == DM_TEXT_NOMEM ? CR_NOMEM
	       : m == DM_TEXT_MATCHES ? CR_FOUND : CR_NONE;
}

/* ------------------------------------------------------------------------
 * A line: credits separated by ';'
 * ------------------------------------------------------------------------ */

/* A credit of a line under a prefix that names a role ("Cover image:")
 * takes it when it names none. */
static int give_role(credit *c, const json_t *role)
{
	if (role == NULL || c->raw || json_array_size(c->role) > 0)
		return 0;
	json_decref(c->role);
	c->role = json_deep_copy(role);
	c->role_colon = true;
	free(c->by);
	c->by = NULL;
	return c->role ? 0 : -1;
}

/* Parses the words of one credit into `out`; when it does not parse, it
 * is kept as written if `raw`, else 0 is returned and nothing added.
 * 1 when added, 0, or -1 with `err` set. */
static int parse_segment(const dmf_credits *cr, const json_t *words,
                         size_t a, size_t b, int flags, bool raw,
                         const json_t *role, credit_list *out,
                         dm_error *err)
{
	json_t *seg = dm_words_join(words, a, b);
	credit c = {0};
	cr_found rc;

	if (seg == NULL || (rc = cr_parse_one(cr, seg, flags, &c)) == CR_NOMEM) {
		json_decref(seg);
		return dm_nomem(err);
	}
	if (rc == CR_NONE && !raw) {
		json_decref(seg);
		return 0;
	}
	if (rc == CR_NONE)
		c.raw = json_incref(seg);
	json_decref(seg);
	if (give_role(&c, role) != 0) {
		cr_credit_free(&c);
		return dm_nomem(err);
	}
	return cr_list_add(out, &c, err) != 0 ? -1 : 1;
}

/* Adds every credit of `inlines` to `found`: how many, or -1 with `err`
 * set.  Without `raw`, a credit that does not parse ends the reading, and
 * -2 is returned. */
static int parse_line(const dmf_credits *cr, const json_t *inlines,
                      int flags, bool raw, const json_t *role,
                      credit_list *found, dm_error *err)
{
	json_t *words = dm_inlines_words(inlines, 0, ";");
	size_t a, b, n = json_array_size(words);
	int count = 0, rc = 0;

	if (words == NULL)
		return dm_nomem(err);
	for (a = 0; a < n && rc >= 0; a = b + 1) {
		for (b = a; b < n && !json_is_string(json_array_get(words, b));
		     b++)
			;
		if (b == a)
			continue;
		rc = parse_segment(cr, words, a, b, flags, raw, role, found,
		                   err);
		count += rc > 0;
		if (rc == 0)
			rc = -2;
	}
	json_decref(words);
	return rc < 0 ? rc : count;
}

/* Whether `t` (n bytes) is the first word of `phrase`, any ASCII case. */
static bool first_word(const char *t, size_t n, const char *phrase)
{
	size_t len = strcspn(phrase, " ");
	size_t i;

	if (len != n)
		return false;
	for (i = 0; i < n; i++)
		if ((t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]) !=
		    (phrase[i] >= 'A' && phrase[i] <= 'Z' ? phrase[i] + 32
		                                          : phrase[i]))
			return false;
	return true;
}

bool cr_bare_opening(const dmf_credits *cr, const char *t)
{
	/* the first word ends at a space or where a no-break space may start
	 * (a first look: parse_line reads the phrase) */
	size_t n = strcspn(t, " \xc2\xe2"), i;

	for (i = 0; cr_roles[i]; i++)
		if (first_word(t, n, cr_roles[i]))
			return true;
	for (i = 0; cr->lang->roles[i]; i++)
		if (first_word(t, n, cr->lang->roles[i]))
			return true;
	return first_word(t, n, "courtesy") || first_word(t, n, cr->w_photo) ||
	       first_word(t, n, cr->w_image);
}

/* Whether a line without a prefix may be a credit phrase, told by its
 * first word: most paragraphs are dismissed without a closer look. */
static bool bare_may_open(const dmf_credits *cr, const json_t *inlines)
{
	const json_t *in = json_array_get(inside(inlines), 0);

	return dm_type_of(in) == DM_T_STR &&
	       cr_bare_opening(cr, json_string_value(dm_content(in)));
}

int cr_read_line(const dmf_credits *cr, const json_t *inlines, int mode,
                 int rank, credit_list *out, dm_error *err)
{
	json_t *rest = NULL, *role = NULL;
	credit_list found = {0};
	size_t i;
	int n;

	switch (cr_line_start(cr, inlines, &rest, &role)) {
	case CR_NOMEM:
		return dm_nomem(err);
	case CR_FOUND:
		n = parse_line(cr, rest, CR_P_NAME, true, role, &found, err);
		break;
	case CR_NONE:
	default:
		if (mode == CR_LINE && !bare_may_open(cr, inlines)) {
			n = 0;
			break;
		}
		n = parse_line(cr, inside(inlines),
		               mode == CR_LINE   ? CR_P_BARE
		               : mode == CR_ITEM ? CR_P_NAME | CR_P_LABEL_LOW
		               : mode == CR_LIST ? CR_P_NAME | CR_P_LABEL_LOW |
		                                           CR_P_LOW
		                                 : CR_P_NAME,
		               mode == CR_META, NULL, &found, err);
		break;
	}
	json_decref(rest);
	json_decref(role);
	for (i = 0; n > 0 && i < found.n; i++) {
		found.v[i].rank = rank;
		if (cr_list_add(out, &found.v[i], err) != 0)
			n = -1;
	}
	cr_list_free(&found);
	return n == -2 ? 0 : n;
}
