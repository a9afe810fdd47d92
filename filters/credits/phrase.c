/*
 * phrase.c - one credit, read from its words.  The grammar, in order:
 *
 *   [ROLE] BY NAME [ON SOURCE] [(LICENSE)]
 *        BY: "by", "courtesy of", "courtesy" (and words.by, and the
 *            words of the document's language, lang.c);
 *        ON: "on", "via", "from", "for" (and words.on, words.from, the
 *            language's), or "/"
 *        "Photo by Lan Lin on Unsplash", "Image courtesy of NASA",
 *        "Photograph by Li Wei for Reuters", "Photo by Jane Doe/Unsplash"
 *   [LABEL:] [© [YEAR]] NAME [/ SOURCE | ON SOURCE] [(LICENSE)]
 *                                                          (CR_P_NAME)
 *        "Getty Images", "© 2024 Getty Images", "(c) 2024 AP",
 *        "Map: © OpenStreetMap contributors (ODbL)"
 *   NAME / SOURCE, NAME/SOURCE, and SOURCE/NAME when the left side is an
 *        agency ("AP Photo/Mark Schiefelbein", "Reuters/Kevin Lamarque")
 *
 * Without a prefix (CR_P_BARE) only the first form is read, with a role
 * from the table of roles (or "Courtesy of" alone) and a short name, so
 * that a sentence opening "Image by image, ..." stays a sentence.
 */
#include <stdlib.h>
#include <string.h>

#include "credits.h"
#include "words.h"

/* The words that lead to the name, and to the source. */
static const char *const by_words[] = {"courtesy of", "courtesy", "by", NULL};
static const char *const source_words[] = {"on", "via", "from", "for", NULL};

/* What a line without a prefix may credit (words.photo, words.image too) */
const char *const cr_roles[] = {
	"photo", "photos", "photograph", "photographs", "photography",
	"image", "images", "picture", "pictures", "illustration",
	"illustrations", "map", "chart", "graphic", "video", "artwork",
	"cover", "cover image", "cover photo", "header image",
	"featured image", "lead image", "top image", NULL};

/* A left side of "A/B" naming an agency: its last word, or all of it. */
static const char *const agency_ends[] = {"photo", "photos", "images",
                                          "pictures", "foto", NULL};
static const char *const agencies[] = {
	"ap", "afp", "reuters", "epa", "dpa", "ansa", "efe", "xinhua",
	"kyodo", "bloomberg", "anadolu", "getty images", "afp/getty images",
	NULL};

/* Copyright signs, and the lower-case words a name may hold. */
static const char *const copyright[] = {"©", "(c)", "copyright", NULL};
static const char *const small_words[] = {
	"of", "and", "the", "de", "del", "der", "van", "von", "du", "la",
	"le", "da", "y", "und", "et", "contributors", "images", "photos", NULL};

#define MAX_NAME 6 /* words of a name or source without a prefix */
#define MAX_LOW 4  /* words of a name in lower case (CR_P_LOW) */

/* ------------------------------------------------------------------------
 * Words
 * ------------------------------------------------------------------------ */

/* The text of a word that is one Str, else NULL. */
static const char *str_of(const json_t *w)
{
	const json_t *in = json_array_get(w, 0);

	if (!json_is_array(w) || json_array_size(w) != 1 ||
	    dm_type_of(in) != DM_T_STR)
		return NULL;
	return json_string_value(dm_content(in));
}

/* How many words from words[i] (before n) spell `phrase` (its words
 * separated by spaces, any case); 0 when they do not. */
static size_t phrase_at(const json_t *words, size_t i, size_t n,
                        const char *phrase)
{
	char part[64];
	size_t k = 0, len;

	while (*phrase) {
		len = strcspn(phrase, " ");
		if (len >= sizeof part || i + k >= n)
			return 0;
		memcpy(part, phrase, len);
		part[len] = '\0';
		if (!dm_word_is(json_array_get(words, i + k), part))
			return 0;
		k++;
		phrase += len + (phrase[len] == ' ');
	}
	return k;
}

/* The first phrase of `table` (or `extra`, when not NULL) at words[i]:
 * how many words it covers, 0 for none. */
static size_t table_at(const json_t *words, size_t i, size_t n,
                       const char *const *table, const char *extra)
{
	size_t k;

	for (; *table; table++)
		if ((k = phrase_at(words, i, n, *table)) > 0)
			return k;
	return extra ? phrase_at(words, i, n, extra) : 0;
}

/* Whether words[a..n) are wholly one phrase of `table` or `extra`. */
static bool table_is(const json_t *words, size_t a, size_t n,
                     const char *const *table, const char *extra)
{
	for (; *table; table++)
		if (phrase_at(words, a, n, *table) == n - a && n > a)
			return true;
	return extra && n > a && phrase_at(words, a, n, extra) == n - a;
}

/* Whether words[a..n) name a role a line without a prefix may credit. */
static bool role_is(const dmf_credits *cr, const json_t *words, size_t a,
                    size_t n)
{
	return table_is(words, a, n, cr_roles, cr->w_photo) ||
	       table_is(words, a, n, cr_roles, cr->w_image) ||
	       table_is(words, a, n, cr->lang->roles, NULL);
}

/* How many words of a "by" phrase stand at words[i] (0: none), in English
 * or, after a role (words[a..i)), the document's language ("de" is also
 * in names: "Jean de La Fontaine"). */
static size_t by_at(const dmf_credits *cr, const json_t *words, size_t a,
                    size_t i, size_t n)
{
	size_t k = table_at(words, i, n, by_words, cr->w_by);

	return k || !role_is(cr, words, a, i)
	               ? k
	               : table_at(words, i, n, cr->lang->by, NULL);
}
/* Whether `w` is an "on" word, before the source. */
static bool on_word(const dmf_credits *cr, const json_t *w)
{
	const char *const *s;

	for (s = source_words; *s; s++)
		if (dm_word_is(w, *s))
			return true;
	for (s = cr->lang->on; *s; s++)
		if (dm_word_is(w, *s))
			return true;
	return dm_word_is(w, cr->w_on) || dm_word_is(w, cr->w_from);
}

/* The text of a word, a new string, for a look at its characters. */
static char *word_text(const json_t *w)
{
	return json_is_string(w) ? strdup(json_string_value(w))
	                         : dm_stringify(w);
}

/* Words i..j joined as text: a new string, or NULL. */
static char *words_text(const json_t *words, size_t i, size_t j)
{
	json_t *in = dm_words_join(words, i, j);
	char *t = in ? dm_stringify(in) : NULL;

	json_decref(in);
	return t;
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

/* Replaces words[i] by the words `a` (its first alen bytes), `b` and
 * `c` (left out when empty), Str texts that may point into words[i].
 * 0, or -1 when out of memory. */
static int split_word(json_t *words, size_t i, const char *a, size_t alen,
                      const char *b, const char *c)
{
	char *left = strndup(a, alen), *mid = strdup(b), *right = strdup(c);
	int rc = left == NULL || mid == NULL || right == NULL ||
	         json_array_set_new(words, i, json_pack("[o]", dm_str(left))) ||
	         json_array_insert_new(words, i + 1,
	                               json_pack("[o]", dm_str(mid))) ||
	         (right[0] && json_array_insert_new(
	                              words, i + 2,
	                              json_pack("[o]", dm_str(right))));

	free(left);
	free(mid);
	free(right);
	return rc ? -1 : 0;
}

/* ------------------------------------------------------------------------
 * The parts at either end: "(LICENSE)", "© YEAR", "LABEL:"
 * ------------------------------------------------------------------------ */

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

/* Whether `s` is a year or a span of years ("2024", "2019–2024"). */
static bool is_year(const char *s)
{
	size_t d = strspn(s, "0123456789");

	if (d != 4)
		return false;
	s += 4;
	if (*s == ',' && s[1] == '\0')
		return true;
	if (strncmp(s, "\xe2\x80\x93", 3) == 0) /* an en dash */
		s += 2;
	else if (*s != '-')
		return *s == '\0';
	return strspn(s + 1, "0123456789") == 4 &&
	       (s[5] == '\0' || (s[5] == ',' && s[6] == '\0'));
}

/* "© [YEAR]" or "(c) YEAR" or "Copyright [©] YEAR" at words[*a]: sets
 * c->copyright and c->year, and *a past them.  "©2024" is split first.
 * 0, or -1 when out of memory. */
static int parse_copyright(json_t *words, size_t *a, size_t *n, credit *c)
{
	const char *s = str_of(json_array_get(words, *a));
	size_t k;

	if (s && strncmp(s, "©", 2) == 0 && s[2]) {
		if (split_word(words, *a, s, 2, s + 2, "") != 0)
			return -1;
		(*n)++;
	}
	if ((k = table_at(words, *a, *n, copyright, NULL)) == 0)
		return 0;
	if (phrase_at(words, *a + k, *n, "©") == 1)
		k++;
	c->copyright = true;
	*a += k;
	s = str_of(json_array_get(words, *a));
	if (s && is_year(s)) {
		size_t len = strlen(s);
		if ((c->year = strndup(s, len - (s[len - 1] == ','))) == NULL)
			return -1;
		(*a)++;
	}
	return 0;
}

/* "LABEL:" at words[a..]: one to three plain words, the first capitalised,
 * the last ending in ':', or followed by a ':' of its own (French "Carte
 * : ...").  The words it covers (0 for none). */
static size_t label_at(const json_t *words, size_t a, size_t n)
{
	const char *s = str_of(json_array_get(words, a));
	size_t i;

	if (s == NULL || (*s >= 'a' && *s <= 'z'))
		return 0;
	for (i = a; i < a + 3 && i + 1 < n; i++) {
		size_t len;
		if ((s = str_of(json_array_get(words, i))) == NULL)
			return 0;
		len = strlen(s);
		if ((len > 1 || i > a) && s[len - 1] == ':')
			return i + 1 - a;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Names
 * ------------------------------------------------------------------------ */

/* Whether words[a..n) read as a name: at most MAX_NAME words, none a
 * clause (",", "!", "?"), each capitalised or a small word; with `low`
 * ("Chart: the author"), at most MAX_LOW words in any case. */
static bool name_like(const json_t *words, size_t a, size_t n, bool low)
{
	size_t i, lower = 0;
	bool ok = n > a && n - a <= MAX_NAME;

	for (i = a; ok && i < n; i++) {
		char *t = word_text(json_array_get(words, i));
		ok = t && !strpbrk(t, ",!?");
		lower += ok && t[0] >= 'a' && t[0] <= 'z' &&
		         !table_is(words, i, i + 1, small_words, NULL);
		free(t);
	}
	return ok && (lower == 0 || (low && n - a <= MAX_LOW));
}

/* NAME from words[i..conn), and SOURCE after words[conn] when conn < n
 * (swapped when c->source_first); a lone link of either gives its URL. */
static cr_found parse_name(const json_t *words, size_t i, size_t conn,
                           size_t n, credit *c)
{
	json_t **first = c->source_first ? &c->source : &c->name;
	json_t **second = c->source_first ? &c->name : &c->source;

	*first = dm_words_join(words, i, conn);
	if (*first == NULL)
		return CR_NOMEM;
	if (conn < n) {
		*second = dm_words_join(words, conn + 1, n);
		c->conn = word_text(json_array_get(words, conn));
		if (*second == NULL || c->conn == NULL)
			return CR_NOMEM;
	}
	if (cr_take_link(&c->name, &c->url) ||
	    (c->source && cr_take_link(&c->source, &c->source_url)) ||
	    (c->license && cr_take_link(&c->license, &c->license_url)))
		return CR_NOMEM;
	return CR_FOUND;
}

/* The "/" of words[a..n): a word of its own, or inside one word
 * ("Doe/Unsplash", not a URL), which is split (c->tight).  Its index, n
 * for none, or (size_t)-1 when out of memory. */
static size_t find_slash(json_t *words, size_t a, size_t *n, credit *c)
{
	size_t i;

	for (i = a + 1; i + 1 < *n; i++)
		if (dm_word_is(json_array_get(words, i), "/"))
			return i;
	for (i = a; i < *n; i++) {
		const char *s = str_of(json_array_get(words, i));
		const char *p = s ? strchr(s, '/') : NULL;
		if (p == NULL || p == s || !p[1] || strchr(p + 1, '/') ||
		    strstr(s, "www.") || memchr(s, '.', (size_t)(p - s)))
			continue;
		if (split_word(words, i, s, (size_t)(p - s), "/", p + 1) != 0)
			return (size_t)-1;
		c->tight = true;
		*n += 2;
		return i + 1;
	}
	return *n;
}

/* Whether words[a..k), the left of a "/", name an agency. */
static bool agency(const json_t *words, size_t a, size_t k)
{
	return table_is(words, k - 1, k, agency_ends, NULL) ||
	       table_is(words, a, k, agencies, NULL);
}

/* ------------------------------------------------------------------------
 * The forms
 * ------------------------------------------------------------------------ */

/* "ROLE BY NAME [ON SOURCE]", the BY (`blen` words) at words[by]. */
static cr_found parse_by(const dmf_credits *cr, json_t *words, size_t a,
                         size_t by, size_t blen, size_t n, int flags,
                         credit *c)
{
	size_t i, conn = n, start = by + blen;

	for (i = a; i < by; i++)
		if (str_of(json_array_get(words, i)) == NULL)
			return CR_NONE;
	if (start >= n)
		return CR_NONE;
	for (i = start + 1; i + 1 < n; i++)
		if (on_word(cr, json_array_get(words, i)))
			conn = i;
	if (conn == n && (conn = find_slash(words, start, &n, c)) ==
	                         (size_t)-1)
		return CR_NOMEM;
	if ((flags & CR_P_BARE) &&
	    ((by == a ? !phrase_at(words, by, n, "courtesy")
	              : !role_is(cr, words, a, by)) ||
	     !name_like(words, start, conn, false) ||
	     (conn < n && !name_like(words, conn + 1, n, false))))
		return CR_NONE;
	/* An empty role still records the "by" ("by NAME"). */
	if ((c->role = dm_words_join(words, a, by)) == NULL ||
	    (c->by = words_text(words, by, start)) == NULL)
		return CR_NOMEM;
	return parse_name(words, start, conn, n, c);
}

/* "[LABEL:] [© YEAR] NAME [/ SOURCE]", or SOURCE/NAME for an agency,
 * or "NAME on SOURCE". */
static cr_found parse_plain(const dmf_credits *cr, json_t *words, size_t a,
                            size_t n, int flags, credit *c)
{
	size_t k = label_at(words, a, n), slash, i;
	bool low = (flags & CR_P_LOW) || (k > 0 && (flags & CR_P_LABEL_LOW));

	if (k > 0) {
		if ((c->role = dm_words_join(words, a, a + k)) == NULL ||
		    dm_inlines_trim(c->role, ":", true) < 0)
			return CR_NOMEM;
		c->role_colon = true;
		a += k;
	}
	if (parse_copyright(words, &a, &n, c) != 0)
		return CR_NOMEM;
	if (a >= n)
		return CR_NONE;
	if ((slash = find_slash(words, a, &n, c)) == (size_t)-1)
		return CR_NOMEM;
	if (slash < n) {
		c->source_first = agency(words, a, slash);
		return parse_name(words, a, slash, n, c);
	}
	for (i = n - 1; i > a + 1; i--)
		if (on_word(cr, json_array_get(words, i - 1)))
			break;
	if (i > a + 1 && name_like(words, a, i - 1, low) &&
	    name_like(words, i, n, low))
		return parse_name(words, a, i - 1, n, c);
	if (!name_like(words, a, n, low))
		return CR_NONE;
	return parse_name(words, a, n, n, c);
}

/* Parses words[a..n) as one credit. */
static cr_found parse_words(const dmf_credits *cr, json_t *words, size_t a,
                            size_t n, int flags, credit *c)
{
	size_t i, k, slash;

	if (parse_license(words, a, &n, c) != 0)
		return CR_NOMEM;
	for (i = a; i < n && i <= a + 4; i++)
		if ((k = by_at(cr, words, a, i, n)) > 0)
			return parse_by(cr, words, a, i, k, n, flags, c);
	if (flags & CR_P_BARE)
		return CR_NONE;
	if (flags & CR_P_NAME)
		return parse_plain(cr, words, a, n, flags, c);
	if ((slash = find_slash(words, a, &n, c)) == (size_t)-1)
		return CR_NOMEM;
	if (slash == n)
		return CR_NONE;
	c->source_first = agency(words, a, slash);
	return parse_name(words, a, slash, n, c);
}

cr_found cr_parse_one(const dmf_credits *cr, const json_t *inlines,
                      int flags, credit *c)
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
	rc = json_array_size(words)
	             ? parse_words(cr, words, 0, json_array_size(words), flags,
	                           c)
	             : CR_NONE;
	json_decref(words);
	if (rc != CR_FOUND)
		cr_credit_free(c);
	return rc;
}
