/*
 * labels.c - callout sources found by their words: the seed's list, whose
 * every item opens with a triad label ("- Tension: ..."), and the
 * paragraphs that do.  They become semantic callout Divs, which the walk
 * then renders as it renders any other (section.c: the section headed
 * "The Direct Message").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callouts.h"
#include "words.h"

/* `s` past its no-break and thin spaces ("Tension:\u00a0the" is one
 * Str). */
static const char *skip_nbsp(const char *s)
{
	size_t w;

	while ((w = dm_nbsp_at(s)) > 0)
		s += w;
	return s;
}

/* The first separator in `s` after a label: ':', the full-width U+FF1A,
 * an em or en dash, or a hyphen standing as a word (" - "); its width in
 * `*len`.  NULL when there is none. */
static const char *find_colon(const char *s, size_t *len)
{
	static const char *const wide[] = {"\uff1a", "\u2014", "\u2013"};
	const char *best = strchr(s, ':'), *p;
	size_t k;

	*len = 1;
	for (k = 0; k < sizeof wide / sizeof *wide; k++)
		if ((p = strstr(s, wide[k])) != NULL && (best == NULL || p < best)) {
			best = p;
			*len = strlen(wide[k]);
		}
	for (p = strchr(s, '-'); p != NULL && (best == NULL || p < best);
	     p = strchr(p + 1, '-'))
		if ((p == s || p[-1] == ' ') && (p[1] == ' ' || p[1] == '\0')) {
			*len = 1;
			return p;
		}
	return best;
}

/* Replaces the Str at ils[0] by the words after its colon. */
static int strip_str(json_t *ils)
{
	size_t len, k;
	const char *s = json_string_value(dm_content(json_array_get(ils, 0)));
	const char *c = find_colon(s, &len);
	json_t *tail = dm_text(c ? skip_nbsp(c + len) : "");

	if (tail == NULL)
		return -1;
	json_array_remove(ils, 0);
	for (k = json_array_size(tail); k > 0; k--)
		if (json_array_insert(ils, 0, json_array_get(tail, k - 1))) {
			json_decref(tail);
			return -1;
		}
	json_decref(tail);
	return 0;
}

/* Takes the label off the start of `ils`: its first `n` inlines hold the
 * label, the last of them its colon.  What follows the colon stays, inside
 * the emphasis it was written in ("**Tension: the old lens**").  0 or -1.
 */
static int strip_label(json_t *ils, size_t n)
{
	json_t *last, *inner;
	dm_buf text = {0};
	size_t len, k;

	while (n-- > 1)
		json_array_remove(ils, 0);
	last = json_array_get(ils, 0);
	switch (dm_type_of(last)) {
	case DM_T_STR:
		if (strip_str(ils))
			return -1;
		break;
	case DM_T_STRONG:
	case DM_T_EMPH:
		inner = dm_content(last);
		for (k = 0; k < json_array_size(inner); k++) {
			dm_stringify_buf(json_array_get(inner, k), &text);
			if (find_colon(dm_buf_str(&text), &len))
				break;
		}
		if (dm_buf_failed(&text) ||
		    (k < json_array_size(inner) && strip_label(inner, k + 1))) {
			dm_buf_free(&text);
			return -1;
		}
		dm_buf_free(&text);
		if (json_array_size(inner) == 0)
			json_array_remove(ils, 0);
		break;
	default:
		break;
	}
	while (dm_type_of(json_array_get(ils, 0)) == DM_T_SPACE ||
	       dm_type_of(json_array_get(ils, 0)) == DM_T_SOFT_BREAK)
		json_array_remove(ils, 0);
	return 0;
}

/* Whether inline `x`, the i-th, can be part of a leading label. */
static bool label_part(const json_t *x, size_t i)
{
	switch (dm_type_of(x)) {
	case DM_T_STR:
	case DM_T_SPACE:
		return true;
	case DM_T_STRONG:
	case DM_T_EMPH:
		return i == 0;
	default:
		return false;
	}
}

/* The triad type label `text` names, in the user's words, in English, or
 * by the type's name; the Direct Message also by its section's heading
 * ("The Direct Message"). */
const ctype *dmf_triad_type(const state *st, const char *text)
{
	size_t k;

	for (k = 0; k < st->ntypes; k++) {
		const ctype *t = &st->types[k];
		if (t->triad &&
		    (dmf_same_text(text, t->label) ||
		     dmf_same_text(text, dmf_default_label(t)) ||
		     dmf_same_name(text, t->name) ||
		     (strcmp(t->name, "direct-message") == 0 &&
		      (dmf_same_text(text, st->heading) ||
		       dmf_same_text(text, "The Direct Message")))))
			return t;
	}
	return NULL;
}

/* Appends the text of label part `x` to buf[*len..size): Str, Space,
 * and the same inside emphasis; false for anything else, or when it
 * does not fit.  No allocation: a failed one would pass unseen. */
static bool label_text(const json_t *x, char *buf, size_t size, size_t *len)
{
	const json_t *inner;
	const char *t;
	size_t k, n;

	switch (dm_type_of(x)) {
	case DM_T_STR:
		t = json_string_value(dm_content(x));
		break;
	case DM_T_SPACE:
		t = " ";
		break;
	case DM_T_STRONG:
	case DM_T_EMPH:
		inner = dm_content(x);
		for (k = 0; k < json_array_size(inner); k++)
			if (!label_text(json_array_get(inner, k), buf, size,
			                len))
				return false;
		return true;
	default:
		return false;
	}
	n = strlen(t);
	if (*len + n + 1 > size)
		return false;
	memcpy(buf + *len, t, n + 1);
	*len += n;
	return true;
}

/* `len` less the spaces, ASCII, no-break or thin, that end text[0, len). */
static size_t space_before(size_t len, const char *text)
{
	size_t w;

	for (;;)
		if (len > 0 && text[len - 1] == ' ')
			len--;
		else if ((w = dm_nbsp_before(text, len)) > 0)
			len -= w;
		else
			return len;
}

/* The length of the pictograph `s` opens with (an emoji or a symbol such
 * as ⚡, ✉️, 🔊, with its variation selector or joiner), or 0.  Writers
 * set one before a label ("- ⚡ Tension: ..."); the box has its icon. */
static size_t pictograph_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long cp;

	if (u[0] >= 0xe0 && u[0] < 0xf0 && u[1] >= 0x80 && u[2] >= 0x80) {
		cp = (u[0] & 0x0fUL) << 12 | (u[1] & 0x3fUL) << 6 | (u[2] & 0x3f);
		return (cp >= 0x2190 && cp <= 0x2bff) || cp == 0xfe0f ||
		       cp == 0x200d || cp == 0x20e3 ? 3 : 0;
	}
	if (u[0] == 0xf0 && u[1] == 0x9f && u[2] >= 0x80 && u[2] <= 0xab &&
	    u[3] >= 0x80)
		return 4; /* U+1F000 to U+1FAFF */
	return 0;
}

/* `s` past its leading pictographs and the spaces after them. */
static const char *past_pictographs(const char *s)
{
	const char *p = s;
	size_t w;

	while ((w = pictograph_at(p)) > 0)
		p += w;
	while (p != s && *p == ' ')
		p++;
	return p;
}

/* How many inlines a leading pictograph takes: a Str of pictographs (1)
 * and the Space after it (2), or none (0). */
static size_t pictograph_lead(const json_t *ils)
{
	const char *t = json_string_value(dm_content(json_array_get(ils, 0)));

	if (dm_type_of(json_array_get(ils, 0)) != DM_T_STR || t[0] == '\0' ||
	    *past_pictographs(t) != '\0')
		return 0;
	return dm_type_of(json_array_get(ils, 1)) == DM_T_SPACE ? 2 : 1;
}

/* The words before the separator block `b` opens with (plain, bold or
 * emphasised, the separator inside or out; a pictograph before them
 * aside), copied into `written` ("" when it opens with none); returns how
 * many inlines hold them and the separator, 0 when none. */
static size_t read_label(const json_t *b, char *written, size_t size)
{
	json_t *ils = dmf_block_text(b);
	char text[256];
	const char *colon = NULL, *from;
	size_t i, len = 0, sep, n = json_array_size(ils);
	size_t lead = pictograph_lead(ils);

	written[0] = text[0] = '\0';
	for (i = lead; i < n && i < lead + 8 && colon == NULL; i++) {
		json_t *x = json_array_get(ils, i);
		if (!label_part(x, i - lead) ||
		    !label_text(x, text, sizeof text, &len))
			break;
		colon = find_colon(text, &sep);
	}
	if (colon != NULL) {
		len = space_before((size_t)(colon - text), text);
		from = past_pictographs(text);
		if ((size_t)(from - text) < len)
			snprintf(written, size, "%.*s",
			         (int)(len - (size_t)(from - text)), from);
	}
	return written[0] ? i : 0;
}

/* The label: plain, bold or emphasised, the separator inside or out. */
int dmf_take_label(const state *st, json_t *item, bool strip,
                   const ctype **type)
{
	char written[64];
	size_t n = read_label(json_array_get(item, 0), written, sizeof written);

	*type = n ? dmf_triad_type(st, written) : NULL;
	if (*type && strip &&
	    strip_label(dmf_block_text(json_array_get(item, 0)), n))
		return -1;
	return *type != NULL;
}

/* The triad label nearest `word` (two edits at most for long words, one
 * for short ones), as the user's label; NULL when none is near. */
const char *dmf_near_label(const state *st, const char *word)
{
	size_t k, limit = strlen(word) >= 6 ? 2 : 1;

	for (k = 0; k < st->ntypes; k++) {
		const ctype *t = &st->types[k];
		if (t->triad &&
		    (dm_text_distance(word, t->label) <= limit ||
		     dm_text_distance(word, dmf_default_label(t)) <= limit))
			return t->label;
	}
	return NULL;
}

void dmf_label_of(const state *st, const json_t *item, dmf_label *out)
{
	const ctype *t;
	json_t *copy;
	char *text;

	memset(out, 0, sizeof *out);
	if (read_label(json_array_get(item, 0), out->written,
	               sizeof out->written) == 0)
		return;
	t = dmf_triad_type(st, out->written);
	out->type = t ? t->name : NULL;
	out->near = t ? NULL : dmf_near_label(st, out->written);
	copy = t ? json_deep_copy(item) : NULL;
	text = copy && dmf_take_label(st, copy, true, &t) == 1
	               ? dm_stringify(copy) : NULL;
	out->empty = t && (text == NULL || text[strspn(text, " \n")] == '\0');
	free(text);
	json_decref(copy);
}

/* A list item, its label taken out, as a callout Div; NULL when out of
 * memory.  The item's blocks are changed where they are, not copied: the
 * caller puts the Div in the place of the list or paragraphs they stood
 * in (a copy of a long statement cost more than the rest of its walk). */
static json_t *item_callout(const state *st, json_t *orig)
{
	json_t *item = json_incref(orig);
	const ctype *t = NULL;
	size_t k;

	if (item == NULL || dmf_take_label(st, item, true, &t) != 1) {
		json_decref(item);
		return NULL;
	}
	/* A label alone on its line leaves an empty first block. */
	if (json_array_size(dmf_block_text(json_array_get(item, 0))) == 0)
		json_array_remove(item, 0);
	/* A tight list's Plain items read as paragraphs in a box. */
	for (k = 0; k < json_array_size(item); k++)
		if (dm_type_of(json_array_get(item, k)) == DM_T_PLAIN &&
		    json_object_set_new(json_array_get(item, k), "t",
		                        json_string("Para"))) {
			json_decref(item);
			return NULL;
		}
	return dmf_triad_div(t, item);
}

/* The items (each an array of blocks) as a group of callout Divs, their
 * blocks taken as they are (see item_callout); NULL with ctx->err set. */
static json_t *group_of(dm_ctx *ctx, const json_t *items)
{
	json_t *group = json_array();
	size_t i;

	for (i = 0; group && i < json_array_size(items); i++)
		if (dm_append(group, item_callout(ctx->state,
		                                  json_array_get(items, i)))) {
			json_decref(group);
			group = NULL;
		}
	if (group == NULL ||
	    (group = dm_div(json_pack("[s[s][]]", "", "callout-group"),
	                    group)) == NULL)
		dm_nomem(ctx->err);
	return group;
}

json_t *dmf_labelled_list(dm_ctx *ctx, json_t *list)
{
	const json_t *items = dm_content(list);
	const ctype *t;
	size_t i;
	int rc;

	if (json_array_size(items) == 0)
		return NULL;
	for (i = 0; i < json_array_size(items); i++)
		if ((rc = dmf_take_label(ctx->state, json_array_get(items, i),
		                         false, &t)) != 1) {
			if (rc < 0)
				dm_nomem(ctx->err);
			return NULL;
		}
	return group_of(ctx, items);
}

/* The paragraph block `b` is, seen through a +sourcepos wrapper; NULL
 * when it is none. */
static const json_t *para_of(const json_t *b)
{
	if (dm_sourcepos_wrapper(b) && json_array_size(dm_node_blocks(b)) == 1)
		b = json_array_get(dm_node_blocks(b), 0);
	return dm_type_of(b) == DM_T_PARA ? b : NULL;
}

size_t dmf_para_triad(const state *st, const json_t *list, size_t i)
{
	const ctype *seen[8];
	size_t n = 0, k, want = 0;

	for (k = 0; k < st->ntypes; k++)
		want += st->types[k].triad;
	for (; n < want && n < 8 && i + n < json_array_size(list); n++) {
		const json_t *p = para_of(json_array_get(list, i + n));
		char written[64];
		if (p == NULL || read_label(p, written, sizeof written) == 0)
			return 0;
		if ((seen[n] = dmf_triad_type(st, written)) == NULL)
			return 0;
		for (k = 0; k < n; k++)
			if (seen[k] == seen[n])
				return 0;
	}
	return n == want ? n : 0;
}

json_t *dmf_labelled_paras(dm_ctx *ctx, json_t *list, size_t i)
{
	size_t k, n = dmf_para_triad(ctx->state, list, i);
	json_t *items, *group;

	if (n == 0)
		return NULL;
	if ((items = json_array()) == NULL)
		return dm_nomem(ctx->err), NULL;
	for (k = 0; k < n; k++)
		if (json_array_append_new(items, json_pack(
		            "[O]", (json_t *)para_of(json_array_get(list,
		                                                i + k))))) {
			json_decref(items);
			return dm_nomem(ctx->err), NULL;
		}
	group = group_of(ctx, items);
	json_decref(items);
	return group;
}
