/*
 * labels.c - callout sources found by their words: the seed's list, whose
 * every item opens with a triad label ("- Tension: ..."), and the section
 * headed "The Direct Message".  Both become semantic callout Divs, which
 * the walk then renders as it renders any other.
 */
#include <stdlib.h>
#include <string.h>

#include "callouts.h"

/* The first colon in `s` (':' or the full-width U+FF1A), its width in
 * `*len`; NULL when there is none. */
static const char *find_colon(const char *s, size_t *len)
{
	const char *a = strchr(s, ':'), *b = strstr(s, "\uff1a");

	if (b && (a == NULL || b < a)) {
		*len = 3;
		return b;
	}
	*len = 1;
	return a;
}

/* Replaces the Str at ils[0] by the words after its colon. */
static int strip_str(json_t *ils)
{
	size_t len, k;
	const char *s = json_string_value(dm_content(json_array_get(ils, 0)));
	const char *c = find_colon(s, &len);
	json_t *tail = dm_text(c ? c + len : "");

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
 * by the type's name. */
static const ctype *triad_type(const state *st, const char *text)
{
	size_t k;

	for (k = 0; k < st->ntypes; k++)
		if (st->types[k].triad &&
		    (dmf_same_text(text, st->types[k].label) ||
		     dmf_same_text(text, dmf_default_label(&st->types[k])) ||
		     dmf_same_name(text, st->types[k].name)))
			return &st->types[k];
	return NULL;
}

/* The label: plain, bold or emphasised, the colon inside or out, ':' or
 * the full-width '\uff1a'. */
int dmf_take_label(const state *st, json_t *item, bool strip,
                   const ctype **type)
{
	json_t *ils = dmf_block_text(json_array_get(item, 0));
	dm_buf text = {0};
	const char *colon = NULL;
	size_t i, len, n = json_array_size(ils);
	int rc = 0;

	*type = NULL;
	/* Gather the text of the leading words until a colon shows. */
	for (i = 0; i < n && i < 8 && colon == NULL; i++) {
		json_t *x = json_array_get(ils, i);
		if (!label_part(x, i))
			break;
		if (dm_stringify_buf(x, &text)) {
			dm_buf_free(&text);
			return -1;
		}
		colon = find_colon(dm_buf_str(&text), &len);
	}
	if (rc == 0 && colon != NULL) {
		len = (size_t)(colon - text.data);
		while (len > 0 && text.data[len - 1] == ' ')
			len--;
		text.data[len] = '\0';
		*type = triad_type(st, text.data);
	}
	dm_buf_free(&text);
	if (*type && strip && strip_label(ils, i))
		return -1;
	return *type != NULL;
}

/* A list item, its label taken out, as a callout Div; NULL when out of
 * memory. */
static json_t *item_callout(const state *st, const json_t *orig)
{
	json_t *item = json_deep_copy(orig), *attr;
	const ctype *t = NULL;
	dm_buf cls = {0};
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
	dm_buf_printf(&cls, "callout-%s", t->name);
	attr = dm_buf_failed(&cls) ? NULL
	                           : json_pack("[s[ss][]]", "", "callout",
	                                       dm_buf_str(&cls));
	dm_buf_free(&cls);
	return dm_div(attr, item);
}

json_t *dmf_labelled_list(dm_ctx *ctx, const json_t *list)
{
	const state *st = ctx->state;
	const json_t *items = dm_content(list);
	const ctype *t;
	json_t *group;
	size_t i;
	int rc;

	if (json_array_size(items) == 0)
		return NULL;
	for (i = 0; i < json_array_size(items); i++)
		if ((rc = dmf_take_label(st, json_array_get(items, i), false,
		                         &t)) != 1) {
			if (rc < 0)
				dm_nomem(ctx->err);
			return NULL;
		}
	group = json_array();
	for (i = 0; group && i < json_array_size(items); i++)
		if (dm_append(group, item_callout(st,
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

int dmf_is_section(const state *st, const json_t *h)
{
	char *s;
	size_t n;
	int yes;

	/* a heading kept above its callout already: not a section again */
	if (dm_attr_has_class(dm_node_attr(h), "callout-heading"))
		return 0;
	if ((s = dm_stringify(dm_node_inlines(h))) == NULL)
		return -1;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' '))
		s[--n] = '\0';
	yes = dmf_same_text(s, st->heading);
	free(s);
	return yes;
}

/* The heading's inlines as a title: "The Direct Message:" without its
 * colon.  A new array, or NULL. */
static json_t *section_title(const json_t *h)
{
	json_t *ils = json_deep_copy(dm_node_inlines(h));
	size_t n = json_array_size(ils);
	json_t *last = n ? json_array_get(ils, n - 1) : NULL;
	const char *t = json_string_value(dm_content(last));
	size_t len = t ? strlen(t) : 0;
	char *cut;

	if (ils == NULL || dm_type_of(last) != DM_T_STR || len == 0 ||
	    t[len - 1] != ':')
		return ils;
	if (len == 1) {
		json_array_remove(ils, n - 1);
		return ils;
	}
	cut = strndup(t, len - 1);
	if (cut == NULL || json_array_set_new(ils, n - 1, dm_str(cut))) {
		free(cut);
		json_decref(ils);
		return NULL;
	}
	free(cut);
	return ils;
}

/* Moves the blocks after the heading at list[i], up to the next heading
 * of its level or higher, to `body`, the rest of `list` moved up once (not
 * once per block: a section of 200k blocks).  0 or -1. */
static int section_body(json_t *list, size_t i, json_t *body)
{
	double level = json_number_value(dm_field(json_array_get(list, i), 0));
	size_t n = json_array_size(list), j, k;

	for (j = i + 1; j < n; j++) {
		json_t *next = json_array_get(list, j);
		if (dm_type_of(next) == DM_T_HEADER &&
		    json_number_value(dm_field(next, 0)) <= level)
			break;
		if (json_array_append(body, next))
			return -1;
	}
	for (k = j - i - 1; j < n; j++)
		if (json_array_set(list, j - k, json_array_get(list, j)))
			return -1;
	for (; k > 0; k--)
		if (json_array_remove(list, json_array_size(list) - 1))
			return -1;
	return 0;
}

json_t *dmf_section(dm_ctx *ctx, json_t *list, size_t i)
{
	const json_t *h = json_array_get(list, i);
	dm_box box = {.role = DM_BOX_CALLOUT, .type = "direct-message"};
	json_t *out = json_array(), *div = NULL, *head = json_deep_copy(h);

	/* the heading stays one, its id with it, marked as the callout's */
	box.heading = head;
	box.title = section_title(h);
	box.body = json_array();
	box.attr = dm_attr(NULL);
	if (out == NULL || head == NULL || box.title == NULL ||
	    box.body == NULL || box.attr == NULL ||
	    dm_attr_add_class(dm_node_attr(head), "callout-heading") ||
	    section_body(list, i, box.body))
		dm_nomem(ctx->err);
	else if (dm_box_render(&box, DM_FMT_JSON, out, ctx->err) == 0)
		div = json_incref(json_array_get(out, 0));
	json_decref(box.title);
	json_decref(box.body);
	json_decref(box.attr);
	json_decref(head);
	json_decref(out);
	return div;
}
