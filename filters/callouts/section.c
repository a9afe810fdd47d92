/*
 * section.c - the section headed "The Direct Message" (or the configured
 * heading), up to the next heading of its level or the credits footer,
 * as a semantic callout Div that keeps the heading above it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "callouts.h"
#include "render.h"
#include "words.h"

/* The length of text[0, len) without the separator and spaces that may
 * end a heading naming the section: "The Direct Message:", "直接信息：",
 * "The Direct Message —", "The Direct Message." (a colon, full-width
 * too, a dash or a full stop, as the triad's labels end; spaces ASCII,
 * no-break or thin). */
size_t dmf_heading_words(const char *text, size_t len)
{
	static const char *const ends[] = {":", "\uff1a", "\u2014", "\u2013",
	                                   ".", " "};
	size_t k, w, n;

	for (k = 0; k < sizeof ends / sizeof *ends; k++) {
		n = strlen(ends[k]);
		if (len >= n && memcmp(text + len - n, ends[k], n) == 0)
			return dmf_heading_words(text, len - n);
	}
	if ((w = dm_nbsp_before(text, len)) > 0)
		return dmf_heading_words(text, len - w);
	return len;
}

/* The length of the section number opening a heading written by hand,
 * with the spaces after it: "3. ", "3) ", "2.1 ", "4: " (digits and dots,
 * a dot, a parenthesis or a colon after them, then a space); 0 when
 * there is none. */
static size_t section_number(const char *s)
{
	size_t i = 0, start, n;

	while (isdigit((unsigned char)s[i]) || (i > 0 && s[i] == '.'))
		i++;
	if (i == 0)
		return 0;
	if (s[i] == ')' || s[i] == ':' || (s[i] == '.' && s[i - 1] != '.'))
		i++;
	for (start = i;; i += n) /* the spaces after it, one at least */
		if ((n = s[i] == ' ' ? 1 : dm_nbsp_at(s + i)) == 0)
			return i > start ? i : 0;
}

int dmf_is_section(const state *st, const json_t *h)
{
	char *s;
	int yes;

	/* a heading kept above its callout already: not a section again */
	if (dm_attr_has_class(dm_node_attr(h), "callout-heading"))
		return 0;
	if ((s = dm_stringify(dm_node_inlines(h))) == NULL)
		return -1;
	s[dmf_heading_words(s, strlen(s))] = '\0';
	yes = dmf_same_text(s + section_number(s), st->heading);
	free(s);
	return yes;
}

bool dmf_drawn_section(const json_t *list, size_t i)
{
	const json_t *next = json_array_get(list, i + 1);

	return dm_attr_has_class(dm_node_attr(json_array_get(list, i)),
	                         "callout-heading") &&
	       dm_type_of(next) == DM_T_DIV &&
	       dm_attr_has_class(dm_node_attr(next), "direct-message");
}

json_t *dmf_section_title(const json_t *h)
{
	json_t *ils = json_deep_copy(dm_node_inlines(h)), *last;
	const char *t;
	size_t n, len;
	char *cut;

	while (ils != NULL && (n = json_array_size(ils)) > 0) {
		last = json_array_get(ils, n - 1);
		if (dm_type_of(last) == DM_T_SPACE) {
			json_array_remove(ils, n - 1);
			continue;
		}
		if (dm_type_of(last) != DM_T_STR)
			break;
		t = json_string_value(dm_content(last));
		if ((len = dmf_heading_words(t, strlen(t))) == strlen(t))
			break;
		if (len == 0) {
			json_array_remove(ils, n - 1);
			continue;
		}
		cut = strndup(t, len);
		if (cut == NULL || json_array_set_new(ils, n - 1, dm_str(cut))) {
			free(cut);
			json_decref(ils);
			return NULL;
		}
		free(cut);
		break;
	}
	return ils;
}

/* Whether list[j], a rule, opens a footer as the plain formats draw it:
 * the rule, a bold title (or none), the list of credits, then nothing but
 * the footer's lines (paragraphs) to the end of the document. */
static bool opens_plain_footer(const json_t *list, size_t j)
{
	const json_t *b = json_array_get(list, ++j), *ils;

	ils = dm_type_of(b) == DM_T_PARA ? dm_node_inlines(b) : NULL;
	if (json_array_size(ils) == 1 &&
	    dm_type_of(json_array_get(ils, 0)) == DM_T_STRONG)
		b = json_array_get(list, ++j);
	if (dm_type_of(b) != DM_T_BULLET_LIST)
		return false;
	while (++j < json_array_size(list))
		if (dm_type_of(json_array_get(list, j)) != DM_T_PARA)
			return false;
	return true;
}

/* Whether list[j] opens the credits footer dm-credits rendered for this
 * format family (`m`, its marks): a Div of its class, the raw block
 * opening it, or a rule as above.  When dm-credits runs first, its footer
 * closes the document and so the last section: it stays after the box,
 * not in it. */
bool dmf_opens_footer(const json_t *list, size_t j, const dm_box_marks *m)
{
	const json_t *b = json_array_get(list, j);

	switch (dm_type_of(b)) {
	case DM_T_HORIZONTAL_RULE:
		return m->kind == DM_BOX_MARK_RULE && opens_plain_footer(list, j);
	case DM_T_DIV:
		return dm_attr_has_class(dm_node_attr(b), DMF_CREDITS_CLASS);
	case DM_T_RAW_BLOCK:
		return m->kind == DM_BOX_MARK_RAW &&
		       dm_render_is_raw(b, m->format, m->open);
	default:
		return false;
	}
}

/* Copies the blocks after the heading at list[i], up to the next heading
 * of its level or higher or the credits footer, to `body`: how many they
 * are, or -1. */
static long section_body(const dm_ctx *ctx, const json_t *list, size_t i,
                         json_t *body)
{
	double level = json_number_value(dm_field(json_array_get(list, i), 0));
	size_t n = json_array_size(list), j;
	dm_box_marks m;
	long rc = 0;

	if (dm_box_footer_marks(ctx->family, DMF_CREDITS_CLASS, &m) != 0)
		rc = -1;
	for (j = i + 1; j < n && rc == 0; j++) {
		json_t *next = json_array_get(list, j);
		if ((dm_type_of(next) == DM_T_HEADER &&
		     json_number_value(dm_field(next, 0)) <= level) ||
		    dmf_opens_footer(list, j, &m))
			break;
		if (json_array_append(body, next))
			rc = -1;
	}
	dm_box_marks_free(&m);
	return rc < 0 ? -1 : (long)(j - i - 1);
}

/* Whether block `b`, all a section holds, is the box an earlier run drew
 * for it, as read back from its text: a block quote where the format
 * draws the box as one (gfm, commonmark, plain, ConTeXt), rst's
 * container of the callout's class, or org's #+begin_direct-message.
 * Its blocks are then the body, so that a second run draws the same box,
 * not a box in a box. */
static bool drawn_before(const dm_ctx *ctx, const json_t *b)
{
	switch (dm_type_of(b)) {
	case DM_T_BLOCK_QUOTE:
		return ctx->family == DM_FMT_GFM ||
		       ctx->family == DM_FMT_CONTEXT ||
		       ctx->family == DM_FMT_OTHER;
	case DM_T_DIV:
		return dm_attr_has_class(dm_node_attr(b),
		                         "callout-direct-message") ||
		       dm_attr_has_class(dm_node_attr(b), "direct-message");
	default:
		return false;
	}
}

/* The body of a section drawn before, unwrapped.  0 or -1. */
static int unwrap_drawn(const dm_ctx *ctx, json_t **body)
{
	json_t *b = json_array_get(*body, 0), *inner;

	if (json_array_size(*body) != 1 || !drawn_before(ctx, b))
		return 0;
	inner = json_array();
	if (inner == NULL ||
	    json_array_extend(inner, dm_type_of(b) == DM_T_DIV
	                                     ? dm_node_blocks(b)
	                                     : dm_content(b))) {
		json_decref(inner);
		return -1;
	}
	json_decref(*body);
	*body = inner;
	return 0;
}

json_t *dmf_section(dm_ctx *ctx, const json_t *list, size_t i,
                    size_t *used)
{
	long n = 0;
	const json_t *h = json_array_get(list, i);
	dm_box box = {.role = DM_BOX_CALLOUT, .type = "direct-message"};
	json_t *out = json_array(), *div = NULL, *head = json_deep_copy(h);

	/* the heading stays one, its id with it, marked as the callout's */
	box.heading = head;
	box.title = dmf_section_title(h);
	box.body = json_array();
	box.attr = dm_attr(NULL);
	if (out == NULL || head == NULL || box.title == NULL ||
	    box.body == NULL || box.attr == NULL ||
	    dm_attr_add_class(dm_node_attr(head), "callout-heading") ||
	    (n = section_body(ctx, list, i, box.body)) < 0 ||
	    unwrap_drawn(ctx, &box.body))
		dm_nomem(ctx->err);
	else if (dm_box_render(&box, DM_FMT_JSON, out, ctx->err) == 0)
		div = json_incref(json_array_get(out, 0));
	json_decref(box.title);
	json_decref(box.body);
	json_decref(box.attr);
	json_decref(head);
	json_decref(out);
	*used = n > 0 ? 1 + (size_t)n : 1;
	return div;
}
