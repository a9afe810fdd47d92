/*
 * parse.c - credit lines: a paragraph opening with a credit prefix
 * ("Image Credits:", plain or bold, any case), then one credit or several
 * separated by ';', each read in the common forms "Photo by NAME on
 * SOURCE (LICENSE)" and "NAME / SOURCE", or kept as written.
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

cr_found cr_line_start(const dmf_credits *cr, const json_t **inlines,
                       size_t *start)
{
	const json_t *in = *inlines, *only = json_array_get(in, 0);
	dm_text_match m = DM_TEXT_DIFFERS;
	size_t p;

	*start = 0;
	while (json_array_size(in) == 1 && is_emphasis(only)) {
		in = dm_content(only);
		only = json_array_get(in, 0);
	}
	if (cannot_open(cr, in))
		return CR_NONE;
	for (p = 0; p < cr->nprefixes && m == DM_TEXT_DIFFERS; p++)
		m = dm_inlines_match_phrase(in, cr->prefixes[p], start);
	*inlines = in;
	return m == DM_TEXT_NOMEM ? CR_NOMEM
	       : m == DM_TEXT_MATCHES ? CR_FOUND : CR_NONE;
}

/* ------------------------------------------------------------------------
 * One credit: words[a..n) of a line, as dm_inlines_words() splits it
 * ------------------------------------------------------------------------ */

/* Whether word `w` is a "by" (`source_word` false) or an "on" (true), in
 * English or in the configured words. */
static bool word_in(const dmf_credits *cr, const json_t *w, bool source_word)
{
	if (!source_word)
		return dm_word_is(w, "by") || dm_word_is(w, cr->w_by);
	return dm_word_is(w, "on") || dm_word_is(w, "via") ||
	       dm_word_is(w, "from") || dm_word_is(w, cr->w_on) ||
	       dm_word_is(w, cr->w_from);
}

/* The text of a word, for a look at its first and last characters. */
static char *word_text(const json_t *w)
{
	return json_is_string(w) ? strdup(json_string_value(w))
	                         : dm_stringify(w);
}

int cr_take_link(json_t **inlines, char **url)
{
	json_t *l = json_array_get(*inlines, 0), *text;

	if (json_array_size(*inlines) != 1 || dm_type_of(l) != DM_T_LINK)
		return 0;
	text = json_incref(dm_field(l, 1));
	free(*url);
	*url = strdup(json_string_value(json_array_get(dm_field(l, 2), 0)));
	json_decref(*inlines);
	*inlines = text;
	return *url ? 0 : -1;
}

/* Whether word `w` starts (`end` false) or ends with `c`: 1 or 0, or -1
 * when out of memory. */
static int word_edge(const json_t *w, char c, bool end)
{
	char *t = word_text(w);
	int rc;

	if (t == NULL)
		return -1;
	rc = t[0] && t[end ? strlen(t) - 1 : 0] == c;
	free(t);
	return rc;
}

/* "(LICENSE)" at the end of words[a..*n): into c->license, and *n moves
 * before it.  0, or -1 when out of memory. */
static int parse_license(const json_t *words, size_t a, size_t *n,
                         credit *c)
{
	size_t i;
	int rc;

	if (*n - a < 3)
		return 0;
	if ((rc = word_edge(json_array_get(words, *n - 1), ')', true)) <= 0)
		return rc;
	for (i = *n - 1; i > a + 1; i--)
		if ((rc = word_edge(json_array_get(words, i), '(', false)) != 0)
			break;
	if (rc < 0)
		return -1;
	if (i == a + 1)
		return 0;
	c->license = dm_words_join(words, i, *n);
	if (c->license == NULL ||
	    dm_inlines_trim(c->license, "(", false) < 0 ||
	    dm_inlines_trim(c->license, ")", true) < 0)
		return -1;
	*n = i;
	return 0;
}

/* "ROLE by NAME [on SOURCE]" with the "by" at words[by]: the role (plain
 * words only, maybe none), and in *conn the last "on" (n when none). */
static cr_found parse_role(const dmf_credits *cr, const json_t *words, size_t a,
                      size_t by, size_t n, credit *c, size_t *conn)
{
	size_t i;

	for (i = a; i < by; i++) {
		const json_t *w = json_array_get(words, i);
		if (json_array_size(w) != 1 ||
		    dm_type_of(json_array_get(w, 0)) != DM_T_STR)
			return CR_NONE;
	}
	*conn = n;
	for (i = by + 2; i + 1 < n; i++)
		if (word_in(cr, json_array_get(words, i), true))
			*conn = i;
	if (by + 1 >= n)
		return CR_NONE;
	/* An empty role still records the "by" ("by NAME"). */
	if ((c->role = dm_words_join(words, a, by)) == NULL ||
	    (c->by = word_text(json_array_get(words, by))) == NULL)
		return CR_NOMEM;
	return CR_FOUND;
}

/* NAME from words[i..conn), and SOURCE after words[conn] when conn < n;
 * a lone link of either gives its URL. */
static cr_found parse_name(const json_t *words, size_t i, size_t conn, size_t n,
                      credit *c)
{
	c->name = dm_words_join(words, i, conn);
	if (c->name == NULL || cr_take_link(&c->name, &c->url))
		return CR_NOMEM;
	if (conn < n) {
		c->source = dm_words_join(words, conn + 1, n);
		c->conn = word_text(json_array_get(words, conn));
		if (c->source == NULL || c->conn == NULL ||
		    cr_take_link(&c->source, &c->source_url))
			return CR_NOMEM;
	}
	if (c->license && cr_take_link(&c->license, &c->license_url))
		return CR_NOMEM;
	return CR_FOUND;
}

/* Parses words[a..n) as one credit. */
static cr_found parse_words(const dmf_credits *cr, const json_t *words,
                            size_t a, size_t n, credit *c)
{
	size_t i, by, conn;
	cr_found rc;

	if (parse_license(words, a, &n, c) != 0)
		return CR_NOMEM;
	by = conn = n;
	for (i = a; i < n && i <= a + 4; i++)
		if (word_in(cr, json_array_get(words, i), false)) {
			by = i;
			break;
		}
	if (by < n) {
		if ((rc = parse_role(cr, words, a, by, n, c, &conn)) !=
		    CR_FOUND)
			return rc;
		return parse_name(words, by + 1, conn, n, c);
	}
	for (i = a + 1; i + 1 < n && conn == n; i++)
		if (dm_word_is(json_array_get(words, i), "/"))
			conn = i;
	if (conn == n)
		return CR_NONE;
	return parse_name(words, a, conn, n, c);
}

cr_found cr_parse_one(const dmf_credits *cr, const json_t *inlines,
                      credit *c)
{
	json_t *copy = json_deep_copy(inlines), *words;
	cr_found rc;

	/* Trailing periods go first. */
	if (copy == NULL || dm_inlines_trim(copy, ".", true) < 0) {
		json_decref(copy);
		return CR_NOMEM;
	}
	words = dm_inlines_words(copy, 0, "");
	json_decref(copy);
	if (words == NULL)
		return CR_NOMEM;
	rc = json_array_size(words) ? parse_words(cr, words, 0,
	                                          json_array_size(words), c)
	                            : CR_NONE;
	json_decref(words);
	if (rc != CR_FOUND)
		cr_credit_free(c);
	return rc;
}

/* ------------------------------------------------------------------------
 * A line: credits separated by ';'
 * ------------------------------------------------------------------------ */

/* Parses the words of one credit, kept as written when they do not
 * parse, into `out`.  0, or -1 with `err` set. */
static int parse_segment(const dmf_credits *cr, const json_t *words,
                         size_t a, size_t b, int rank, credit_list *out,
                         dm_error *err)
{
	json_t *seg = dm_words_join(words, a, b);
	credit c = {0};
	cr_found rc;

	if (seg == NULL || (rc = cr_parse_one(cr, seg, &c)) == CR_NOMEM) {
		json_decref(seg);
		return dm_nomem(err);
	}
	if (rc == CR_NONE)
		c.raw = json_incref(seg);
	json_decref(seg);
	c.rank = rank;
	return cr_list_add(out, &c, err);
}

int cr_parse_line(const dmf_credits *cr, const json_t *inlines, size_t from,
                  int rank, credit_list *out, dm_error *err)
{
	json_t *words = dm_inlines_words(inlines, from, ";");
	size_t a, b, n = json_array_size(words);
	int count = 0;

	if (words == NULL)
		return dm_nomem(err);
	for (a = 0; a < n; a = b + 1) {
		for (b = a; b < n && !json_is_string(json_array_get(words, b));
		     b++)
			;
		if (b == a)
			continue;
		if (parse_segment(cr, words, a, b, rank, out, err) != 0) {
			json_decref(words);
			return -1;
		}
		count++;
	}
	json_decref(words);
	return count;
}
