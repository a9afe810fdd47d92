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

	if (dm_buf_puts(&b, "") != 0)
		return NULL;
	while (*s) {
		if (is_space(s, &n)) {
			space = b.len > 0;
			s += n;
			continue;
		}
		if ((space && dm_buf_putc(&b, ' ') != 0) ||
		    dm_buf_putc(&b, *s >= 'A' && *s <= 'Z' ? (char)(*s + 32)
		                                           : *s) != 0) {
			dm_buf_free(&b);
			return NULL;
		}
		space = false;
		s++;
	}
	return dm_buf_take(&b);
}

/* Whether the folded text of `node` equals the folded `phrase`. */
static bool text_is(const json_t *node, const char *phrase)
{
	char *a = dm_stringify(node), *fa = a ? dm_text_fold(a) : NULL;
	char *fp = dm_text_fold(phrase);
	bool eq = fa && fp && strcmp(fa, fp) == 0;

	free(a);
	free(fa);
	free(fp);
	return eq;
}

size_t dm_inlines_match_phrase(const json_t *inlines, const char *phrase)
{
	const json_t *first = json_array_get(inlines, 0);
	char *want, *fold = NULL;
	dm_buf text = {0};
	size_t i, n = 0, plen = strlen(phrase);

	if (first == NULL || plen == 0)
		return 0;
	if (dm_is(first, "Strong") || dm_is(first, "Emph")) {
		const json_t *next = json_array_get(inlines, 1);
		char *bare;
		if (text_is(first, phrase))
			return 1;
		if (phrase[plen - 1] != ':' || !dm_is(next, "Str") ||
		    strcmp(json_string_value(dm_content(next)), ":") != 0 ||
		    (bare = strndup(phrase, plen - 1)) == NULL)
			return 0;
		n = text_is(first, bare) ? 2 : 0;
		free(bare);
		return n;
	}
	if ((want = dm_text_fold(phrase)) == NULL)
		return 0;
	/* Grow the plain text inline by inline while it stays a prefix. */
	for (i = 0; i < json_array_size(inlines); i++) {
		const json_t *in = json_array_get(inlines, i);
		if (dm_is(in, "Str")) {
			const char *t = json_string_value(dm_content(in));
			if (dm_buf_puts(&text, t) != 0)
				break;
		} else if (dm_is(in, "Space") || dm_is(in, "SoftBreak")) {
			if (dm_buf_putc(&text, ' ') != 0)
				break;
			continue;
		} else {
			break;
		}
		free(fold);
		if ((fold = dm_text_fold(dm_buf_str(&text))) == NULL)
			break;
		if (strcmp(fold, want) == 0) {
			n = i + 1;
			break;
		}
		if (strncmp(fold, want, strlen(fold)) != 0 ||
		    want[strlen(fold)] != ' ')
			break; /* a word differs, or ends elsewhere */
	}
	free(fold);
	free(want);
	dm_buf_free(&text);
	return n;
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

json_t *dm_inlines_words(const json_t *inlines, size_t from,
                         const char *seps)
{
	json_t *words = json_array(), *word = json_array();
	size_t i;

	if (words == NULL || word == NULL)
		goto fail;
	for (i = from; i < json_array_size(inlines); i++) {
		const json_t *in = json_array_get(inlines, i);
		const char *s, *p;
		if (dm_is(in, "Space") || dm_is(in, "SoftBreak") ||
		    dm_is(in, "LineBreak")) {
			if (end_word(words, &word) != 0)
				goto fail;
			continue;
		}
		if (!dm_is(in, "Str") ||
		    strpbrk(s = json_string_value(dm_content(in)), seps) ==
		            NULL) {
			if (json_array_append_new(word, json_deep_copy(in)))
				goto fail;
			continue;
		}
		/* A Str holding separators: split it around them. */
		while ((p = strpbrk(s, seps)) != NULL) {
			char sep[2] = {*p, '\0'};
			if (p > s) {
				char *part = strndup(s, (size_t)(p - s));
				int rc = part ? dm_append(word, dm_str(part))
				              : -1;
				free(part);
				if (rc != 0)
					goto fail;
			}
			if (end_word(words, &word) != 0 ||
			    json_array_append_new(words, json_string(sep)))
				goto fail;
			s = p + 1;
		}
		if (*s && dm_append(word, dm_str(s)) != 0)
			goto fail;
	}
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

	return json_array_size(word) == 1 && dm_is(s, "Str") &&
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

int dm_inlines_trim(json_t *inlines, const char *chars, bool at_end)
{
	int removed = 0;

	while (json_array_size(inlines) > 0) {
		size_t i = at_end ? json_array_size(inlines) - 1 : 0;
		json_t *in = json_array_get(inlines, i);
		const char *s;
		size_t len, a, b;
		char *rest;

		if (dm_is(in, "Space") || dm_is(in, "SoftBreak")) {
			if (removed == 0)
				break; /* only spaces the trim uncovered */
			json_array_remove(inlines, i);
			continue;
		}
		if (!dm_is(in, "Str"))
			break;
		s = json_string_value(dm_content(in));
		len = strlen(s);
		a = 0;
		b = len;
		if (at_end)
			while (b > 0 && (unsigned char)s[b - 1] < 0x80 &&
			       strchr(chars, s[b - 1]))
				b--;
		else
			while (a < len && (unsigned char)s[a] < 0x80 &&
			       strchr(chars, s[a]))
				a++;
		if (a == 0 && b == len)
			break;
		removed += (int)(len - (b - a));
		if (a == b) {
			json_array_remove(inlines, i);
			continue;
		}
		if ((rest = strndup(s + a, b - a)) == NULL ||
		    json_array_set_new(inlines, i, dm_str(rest)) != 0) {
			free(rest);
			return -1;
		}
		free(rest);
		break;
	}
	return removed;
}

bool dm_inlines_have_link(const json_t *inlines)
{
	size_t i;

	for (i = 0; i < json_array_size(inlines); i++) {
		const json_t *in = json_array_get(inlines, i);
		if (dm_is(in, "Link") || dm_is(in, "RawInline") ||
		    dm_inlines_have_link(dm_node_inlines(in)))
			return true;
	}
	return false;
}

int dm_inlines_remove_spans(json_t *inlines, const char *cls)
{
	size_t i = 0;
	int removed = 0;

	while (i < json_array_size(inlines)) {
		const json_t *in = json_array_get(inlines, i);
		if (!dm_is(in, "Span") ||
		    !dm_attr_has_class(dm_node_attr(in), cls)) {
			i++;
			continue;
		}
		json_array_remove(inlines, i);
		removed++;
		if (i > 0 && dm_is(json_array_get(inlines, i - 1), "Space"))
			json_array_remove(inlines, --i);
	}
	return removed;
}
