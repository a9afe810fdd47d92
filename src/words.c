/*
 * words.c - lists of inlines read as words and phrases (see words.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "words.h"

static bool is_space(const char *s, size_t *len)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
		*len = 1;
		return true;
	}
	if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0) {
		*len = 2; /* U+00A0 NO-BREAK SPACE */
		return true;
	}
	return false;
}

char *dm_text_fold(const char *s)
{
	dm_buf b = {0};
	bool space = false;
	size_t n;

	while (*s) {
		if (is_space(s, &n)) {
			space = b.len > 0;
			s += n;
			continue;
		}
		if (space)
			dm_buf_putc(&b, ' ');
		dm_buf_putc(&b, *s >= 'A' && *s <= 'Z' ? (char)(*s + 32) : *s);
		space = false;
		s++;
	}
	return dm_buf_take(&b); /* NULL when an add failed */
}

dm_text_match dm_text_is(const json_t *node, const char *text)
{
	char *a = dm_stringify(node), *fa = a ? dm_text_fold(a) : NULL;
	char *ft = dm_text_fold(text);
	dm_text_match m = fa == NULL || ft == NULL ? DM_TEXT_NOMEM
	                  : strcmp(fa, ft) == 0    ? DM_TEXT_MATCHES
	                                           : DM_TEXT_DIFFERS;

	free(a);
	free(fa);
	free(ft);
	return m;
}

/* A phrase written as a leading Strong or Emph: the whole of it ("**Photo
 * credits:**", *n is 1), or all but the phrase's final ':', which follows
 * as a Str ("**Photo credits**:", *n is 2). */
static dm_text_match match_emphasis(const json_t *inlines, const char *phrase,
                                    size_t *n)
{
	const json_t *first = json_array_get(inlines, 0);
	const json_t *next = json_array_get(inlines, 1);
	size_t plen = strlen(phrase);
	dm_text_match m;
	char *bare;

	*n = 1;
	if ((m = dm_text_is(first, phrase)) != DM_TEXT_DIFFERS)
		return m;
	if (phrase[plen - 1] != ':' || dm_type_of(next) != DM_T_STR ||
	    strcmp(json_string_value(dm_content(next)), ":") != 0)
		return DM_TEXT_DIFFERS;
	if ((bare = strndup(phrase, plen - 1)) == NULL)
		return DM_TEXT_NOMEM;
	*n = 2;
	m = dm_text_is(first, bare);
	free(bare);
	return m;
}

/* The phrase written plainly: its text is grown inline by inline while it
 * stays a prefix of the (folded) phrase `want`, a word at a time; *n is
 * how many inlines it covers. */
static dm_text_match match_plain(const json_t *inlines, const char *want,
                                 size_t *n)
{
	dm_text_match m = DM_TEXT_DIFFERS;
	dm_buf text = {0};
	char *fold;
	size_t i, len;
	bool prefix = true;

	for (i = 0; prefix && i < json_array_size(inlines); i++) {
		const json_t *in = json_array_get(inlines, i);
		switch (dm_type_of(in)) {
		case DM_T_STR:
			dm_buf_puts(&text, json_string_value(dm_content(in)));
			break;
		case DM_T_SPACE:
		case DM_T_SOFT_BREAK:
			dm_buf_putc(&text, ' ');
			continue;
		default:
			prefix = false;
			continue;
		}
		if (dm_buf_failed(&text) ||
		    (fold = dm_text_fold(dm_buf_str(&text))) == NULL) {
			m = DM_TEXT_NOMEM;
			break;
		}
		len = strlen(fold);
		if (strcmp(fold, want) == 0) {
			m = DM_TEXT_MATCHES;
			*n = i + 1;
		}
		/* Go on while the words so far are the phrase's first ones. */
		prefix = m != DM_TEXT_MATCHES && strncmp(fold, want, len) == 0 &&
		         want[len] == ' ';
		free(fold);
	}
	dm_buf_free(&text);
	return m;
}

dm_text_match dm_inlines_match_phrase(const json_t *inlines,
                                      const char *phrase, size_t *n)
{
	dm_text_match m;
	char *want;

	*n = 0;
	if (json_array_size(inlines) == 0 || phrase[0] == '\0')
		return DM_TEXT_DIFFERS;
	switch (dm_type_of(json_array_get(inlines, 0))) {
	case DM_T_STRONG:
	case DM_T_EMPH:
		m = match_emphasis(inlines, phrase, n);
		break;
	default:
		if ((want = dm_text_fold(phrase)) == NULL)
			return DM_TEXT_NOMEM;
		m = match_plain(inlines, want, n);
		free(want);
		break;
	}
	if (m != DM_TEXT_MATCHES)
		*n = 0;
	return m;
}

/* Ends the word in progress: appends it to `words` unless empty. */
static int end_word(json_t *words, json_t **word)
{
	int rc = 0;

	if (json_array_size(*word) > 0)
		rc = json_array_append(words, *word);
	json_decref(*word);
	*word = json_array();
	return rc != 0 || *word == NULL ? -1 : 0;
}

/* Splits Str text `s` around the characters of `seps`: the parts go into
 * the word in progress, each separator ends it and is a word of its own.
 * 0, or -1 when out of memory. */
static int split_str(json_t *words, json_t **word, const char *s,
                     const char *seps)
{
	const char *p;

	while ((p = strpbrk(s, seps)) != NULL) {
		char sep[2] = {*p, '\0'};
		if (p > s) {
			char *part = strndup(s, (size_t)(p - s));
			int rc = part ? dm_append(*word, dm_str(part)) : -1;
			free(part);
			if (rc != 0)
				return -1;
		}
		if (end_word(words, word) != 0 ||
		    json_array_append_new(words, json_string(sep)))
			return -1;
		s = p + 1;
	}
	return *s ? dm_append(*word, dm_str(s)) : 0;
}

static const char *const nbsp[] = {"\u00a0", "\u202f", "\u2009"};

size_t dm_nbsp_at(const char *s)
{
	size_t k, w;

	for (k = 0; k < sizeof nbsp / sizeof *nbsp; k++)
		if (strncmp(s, nbsp[k], w = strlen(nbsp[k])) == 0)
			return w;
	return 0;
}

size_t dm_nbsp_before(const char *s, size_t len)
{
	size_t k, w;

	for (k = 0; k < sizeof nbsp / sizeof *nbsp; k++)
		if (len >= (w = strlen(nbsp[k])) &&
		    memcmp(s + len - w, nbsp[k], w) == 0)
			return w;
	return 0;
}

/* The first no-break or thin space in `s`, its length in *len; NULL when
 * none. */
static const char *next_nbsp(const char *s, size_t *len)
{
	for (; *s; s++)
		if ((*len = dm_nbsp_at(s)) > 0)
			return s;
	return NULL;
}

/* Adds Str text `s`, split at no-break and thin spaces (each ends the word in
 * progress, as a Space does: a CMS writes "Photo by\u00a0Jane") and
 * around separators.  0, or -1 when out of memory. */
static int add_text(json_t *words, json_t **word, const char *s,
                    const char *seps)
{
	const char *p;
	char *part;
	size_t len;
	int rc;

	while ((p = next_nbsp(s, &len)) != NULL) {
		if ((part = strndup(s, (size_t)(p - s))) == NULL)
			return -1;
		rc = add_text(words, word, part, seps);
		free(part);
		if (rc != 0 || end_word(words, word) != 0)
			return -1;
		s = p + len;
	}
	if (strpbrk(s, seps) != NULL)
		return split_str(words, word, s, seps);
	return *s ? dm_append(*word, dm_str(s)) : 0;
}

/* Adds inline `in` to the words: a break ends the word in progress, a Str
 * holding separators or no-break or thin spaces is split, anything else is copied
 * into the word. */
static int add_inline(json_t *words, json_t **word, const json_t *in,
                      const char *seps)
{
	const char *s;
	size_t len;

	switch (dm_type_of(in)) {
	case DM_T_SPACE:
	case DM_T_SOFT_BREAK:
	case DM_T_LINE_BREAK:
		return end_word(words, word);
	case DM_T_STR:
		s = json_string_value(dm_content(in));
		if (strpbrk(s, seps) != NULL || next_nbsp(s, &len) != NULL)
			return add_text(words, word, s, seps);
		/* fall through */
	default:
		return json_array_append_new(*word, json_deep_copy(in));
	}
}

json_t *dm_inlines_words(const json_t *inlines, size_t from,
                         const char *seps)
{
	json_t *words = json_array(), *word = json_array();
	size_t i;

	if (words == NULL || word == NULL)
		goto fail;
	for (i = from; i < json_array_size(inlines); i++)
		if (add_inline(words, &word, json_array_get(inlines, i), seps))
			goto fail;
	if (end_word(words, &word) != 0)
		goto fail;
	json_decref(word);
	return words;
fail:
	json_decref(word);
	json_decref(words);
	return NULL;
}

bool dm_word_is(const json_t *word, const char *text)
{
	const json_t *s = json_array_get(word, 0);

	return json_array_size(word) == 1 && dm_type_of(s) == DM_T_STR &&
	       strcasecmp(json_string_value(dm_content(s)), text) == 0;
}

json_t *dm_words_join(const json_t *words, size_t from, size_t to)
{
	json_t *out = json_array();
	size_t i, k;

	for (i = from; out != NULL && i < to && i < json_array_size(words);
	     i++) {
		const json_t *w = json_array_get(words, i);
		if (i > from && dm_append(out, dm_space()) != 0)
			goto fail;
		if (json_is_string(w)) {
			if (dm_append(out, dm_str(json_string_value(w))) != 0)
				goto fail;
			continue;
		}
		for (k = 0; k < json_array_size(w); k++)
			if (json_array_append_new(
			            out, json_deep_copy(json_array_get(w, k))))
				goto fail;
	}
	return out;
fail:
	json_decref(out);
	return NULL;
}

/* Removes the characters of `chars` from one end of the Str at inlines[i]
 * (the whole Str when nothing is left; *gone says so).  Returns how many
 * were removed, or -1 when out of memory. */
static int trim_str(json_t *inlines, size_t i, const char *chars,
                    bool at_end, bool *gone)
{
	const char *s = json_string_value(dm_content(json_array_get(inlines,
	                                                            i)));
	size_t len = strlen(s), a = 0, b = len;
	char *rest;
	int rc;

	if (at_end)
		while (b > 0 && (unsigned char)s[b - 1] < 0x80 &&
		       strchr(chars, s[b - 1]))
			b--;
	else
		while (a < len && (unsigned char)s[a] < 0x80 &&
		       strchr(chars, s[a]))
			a++;
	*gone = false;
	if (a == 0 && b == len)
		return 0;
	if (a == b) {
		*gone = true;
		json_array_remove(inlines, i);
		return (int)len;
	}
	if ((rest = strndup(s + a, b - a)) == NULL)
		return -1;
	rc = json_array_set_new(inlines, i, dm_str(rest));
	free(rest);
	return rc ? -1 : (int)(len - (b - a));
}

int dm_inlines_trim(json_t *inlines, const char *chars, bool at_end)
{
	int removed = 0, n;
	bool gone = true;

	while (gone && json_array_size(inlines) > 0) {
		size_t i = at_end ? json_array_size(inlines) - 1 : 0;
		switch (dm_type_of(json_array_get(inlines, i))) {
		case DM_T_SPACE:
		case DM_T_SOFT_BREAK:
			if (removed == 0)
				return 0; /* only spaces the trim uncovered */
			json_array_remove(inlines, i);
			break;
		case DM_T_STR:
			if ((n = trim_str(inlines, i, chars, at_end, &gone)) < 0)
				return -1;
			removed += n;
			break;
		default:
			return removed;
		}
	}
	return removed;
}

bool dm_inlines_have_link(const json_t *inlines)
{
	size_t i;

	for (i = 0; i < json_array_size(inlines); i++) {
		const json_t *in = json_array_get(inlines, i);
		switch (dm_type_of(in)) {
		case DM_T_LINK:
		case DM_T_RAW_INLINE:
			return true;
		default:
			if (dm_inlines_have_link(dm_node_inlines(in)))
				return true;
		}
	}
	return false;
}

int dm_inlines_remove_spans(json_t *inlines, const char *cls)
{
	size_t i = 0;
	int removed = 0;

	while (i < json_array_size(inlines)) {
		const json_t *in = json_array_get(inlines, i);
		if (dm_type_of(in) != DM_T_SPAN ||
		    !dm_attr_has_class(dm_node_attr(in), cls)) {
			i++;
			continue;
		}
		json_array_remove(inlines, i);
		removed++;
		if (i > 0 &&
		    dm_type_of(json_array_get(inlines, i - 1)) == DM_T_SPACE)
			json_array_remove(inlines, --i);
	}
	return removed;
}
