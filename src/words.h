/*
 * words.h - lists of inlines read as words and phrases: a leading label
 * ("Note:", "**Noise:**"), words split at spaces and separator
 * characters, punctuation trimmed from either end.
 *
 * Everything here works on copies: nothing returned shares a node with the
 * document it was read from, and the inputs are never modified.
 */
#ifndef DM_WORDS_H
#define DM_WORDS_H

#include "dm.h"

/** What comparing text found.  The comparisons fold the text first, and
 * so need memory: DM_TEXT_NOMEM says it ran out, and there is no answer. */
typedef enum dm_text_match {
	DM_TEXT_NOMEM = -1,
	DM_TEXT_DIFFERS = 0,
	DM_TEXT_MATCHES = 1
} dm_text_match;

/**
 * Whether the list of inlines opens with the words of `phrase` (ASCII case
 * ignored, a run of white space or a no-break space matching one space),
 * written plainly or as the whole of a leading Strong or Emph; a final ':'
 * of the phrase may follow the emphasis as a Str of its own ("**Photo**:").
 * The phrase must end where an inline ends.  When it matches, *n is how
 * many inlines it covers (the rest starts there); otherwise *n is 0.
 */
dm_text_match dm_inlines_match_phrase(const json_t *inlines,
                                      const char *phrase, size_t *n);

/**
 * The inlines from index `from` on, as words: a word is a JSON array of
 * (copied) inlines that no Space, SoftBreak, LineBreak or no-break or thin
 * space (inside a Str: see dm_nbsp_at) separates; a character of `seps` inside
 * a Str ends the word and becomes a word of its own, a JSON string holding
 * that character.  Empty words are left out.
 * Returns a new array, or NULL when out of memory.
 */
json_t *dm_inlines_words(const json_t *inlines, size_t from,
                         const char *seps);

/** True when `word` is a single Str equal to `text`, ASCII case ignored. */
bool dm_word_is(const json_t *word, const char *text);

/** The length of the space a word ends at that `s` opens with, other than
 * ' ': a no-break space (U+00A0, the narrow U+202F) or a thin space
 * (U+2009), as French typography and CMS text set them; 0 for none. */
size_t dm_nbsp_at(const char *s);

/** The length of such a space that ends s[0, len), or 0. */
size_t dm_nbsp_before(const char *s, size_t len);

/**
 * Words `from` to `to` (excluded) of `words` as one list of inlines, a
 * Space between words.  Separator words are written as Str.  Returns a new
 * array (copies), or NULL when out of memory.
 */
json_t *dm_words_join(const json_t *words, size_t from, size_t to);

/**
 * Removes the characters of `chars` from the start (`at_end` false) or the
 * end of a list of inlines: from the text of its first (last) Str, when the
 * list starts (ends) with one; a Str left empty, and Spaces it leaves at
 * that end, are removed.  Modifies `inlines` in place (replacing the Str,
 * never changing it), so use it on copies.  Returns how many characters
 * were removed, or -1 when out of memory.
 */
int dm_inlines_trim(json_t *inlines, const char *chars, bool at_end);

/** True when the inlines hold a link at any depth: a Link, or a RawInline
 * (which may be one), so that they are not put inside another link. */
bool dm_inlines_have_link(const json_t *inlines);

/**
 * Removes from `inlines` (in place) every Span of class `cls`, with the
 * Space before it; a filter's earlier additions, say.  Returns how many
 * Spans were removed.
 */
int dm_inlines_remove_spans(json_t *inlines, const char *cls);

/** Whether the plain text of `node` (a node or a list, as dm_stringify()
 * reads it) equals `text`, both folded as dm_text_fold() folds them. */
dm_text_match dm_text_is(const json_t *node, const char *text);

/**
 * `s` folded for comparing words: ASCII letters in lower case, runs of
 * white space and no-break spaces as one space, none at either end.
 * Returns a new malloc'd string, or NULL when out of memory.
 */
char *dm_text_fold(const char *s);

#endif /* DM_WORDS_H */
