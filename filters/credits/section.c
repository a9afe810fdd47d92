/*
 * section.c - credits that stand in blocks of their own: an article's
 * own Credits section, and the credit line under a figure.
 *
 * A Credits section is a heading that names one ("Credits", "Image
 * credits", "图片来源", the footer's title, a label of the configured
 * prefixes), then, up to the next heading of its level or above, credit
 * lines and lists of credits (an item a credit: "Jane Doe/Unsplash",
 * "Cover: Photo by Ana Ruiz on Unsplash").  When every block is a credit,
 * the section is taken whole into the one footer, heading and all.  When
 * one is not (a sentence, a table), the section stays as the writer wrote
 * it, every paragraph of it in place: nothing is lost, and dm-check says
 * which block kept it (DM203).
 *
 * With figure-credits, a figure's credit goes at the end of its caption,
 * never into the image's alternative text, which screen readers read as
 * the picture's description; a figure credited by the credit line right
 * after it gets that credit too.
 */
#include <stdlib.h>
#include <string.h>

#include "credits.h"
#include "render.h"
#include "words.h"

static const char *const headings[] = {
	"credits", "image credits", "image credit", "photo credits",
	"photo credit", "picture credits", "illustration credits",
	"image sources", "photo sources", "credits and sources",
	"图片来源", "圖片來源", "图片版权", "圖片版權", "クレジット",
	"写真クレジット", "画像クレジット", "画像出典", "写真提供", NULL};

/* A block as written: read with +sourcepos, a block is in a Div of its
 * own whose attributes are data-pos (one or more) and wrapper. */
static json_t *bare(const json_t *b)
{
	const json_t *attr, *kvs;
	size_t i;

	if (dm_type_of(b) != DM_T_DIV) /* most blocks: no attributes read */
		return (json_t *)b;
	attr = dm_node_attr(b);
	kvs = json_array_get(attr, 2);
	if (*dm_attr_id(attr) != '\0' ||
	    json_array_size(json_array_get(attr, 1)) != 0 ||
	    json_array_size(kvs) == 0 ||
	    json_array_size(dm_node_blocks(b)) != 1)
		return (json_t *)b; /* the caller's, as it was given */
	for (i = 0; i < json_array_size(kvs); i++) {
		const char *k = json_string_value(
		        json_array_get(json_array_get(kvs, i), 0));
		if (k == NULL ||
		    (strcmp(k, "data-pos") != 0 && strcmp(k, "wrapper") != 0))
			return (json_t *)b;
	}
	return json_array_get(dm_node_blocks(b), 0);
}

/* `s` (folded) without the colons and spaces it ends with. */
static void strip_colons(char *s)
{
	size_t n = strlen(s);

	for (;;) {
		if (n >= 1 && (s[n - 1] == ':' || s[n - 1] == ' '))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xef\xbc\x9a", 3) == 0)
			n -= 3;
		else
			break;
	}
	s[n] = '\0';
}

/* The text of `heading` (inlines) as dm_text_is() compares it: folded,
 * and, when `exact`, with the colon after its last word left out as
 * dm_inlines_trim() leaves it out; else with every colon and space it
 * ends with cut, which only a heading that may match survives.  A new
 * string, or NULL. */
static char *heading_text(const json_t *heading, bool exact)
{
	json_t *copy = exact ? json_deep_copy(heading) : NULL;
	char *text = NULL, *folded = NULL;

	if (!exact)
		text = dm_stringify(heading);
	else if (copy && dm_inlines_trim(copy, ":", true) >= 0 &&
	         dm_inlines_trim(copy, "\xef\xbc\x9a", true) >= 0)
		text = dm_stringify(copy);
	if (text != NULL && (folded = dm_text_fold(text)) != NULL && !exact)
		strip_colons(folded);
	json_decref(copy);
	free(text);
	return folded;
}

/* Whether the heading text `folded`, read exactly, is `name`. */
static dm_text_match heading_is(const char *folded, const char *name)
{
	char *want = dm_text_fold(name);
	dm_text_match m = want == NULL               ? DM_TEXT_NOMEM
	                  : strcmp(folded, want) == 0 ? DM_TEXT_MATCHES
	                                              : DM_TEXT_DIFFERS;

	free(want);
	return m;
}

/* `name` folded, its colons cut as a heading's are for the first look;
 * NULL when out of memory. */
static char *folded_name(const char *name)
{
	char *f = dm_text_fold(name);

	if (f != NULL)
		strip_colons(f);
	return f;
}

int cr_section_names(dmf_credits *cr, dm_error *err)
{
	size_t nb = sizeof headings / sizeof *headings - 1, nl = 0, n = 0, i;
	char *title = NULL;

	while (cr->lang->headings[nl])
		nl++;
	cr->names = calloc(nb + nl + 2 + (cr->custom ? cr->nprefixes : 0),
	                   sizeof *cr->names);
	if (cr->names == NULL)
		return dm_nomem(err);
	for (i = 0; i < nb; i++)
		if ((cr->names[n++] = folded_name(headings[i])) == NULL)
			return dm_nomem(err);
	for (i = 0; i < nl; i++)
		if ((cr->names[n++] = folded_name(cr->lang->headings[i])) ==
		    NULL)
			return dm_nomem(err);
	if (json_array_size(cr->title) > 0) {
		if ((title = dm_stringify(cr->title)) == NULL ||
		    (cr->names[n++] = folded_name(title)) == NULL) {
			free(title);
			return dm_nomem(err);
		}
		free(title);
	}
	for (i = 0; cr->custom && i < cr->nprefixes; i++)
		if ((cr->names[n++] = folded_name(cr->prefixes[i].text)) == NULL)
			return dm_nomem(err);
	return 0;
}

void cr_section_names_free(dmf_credits *cr)
{
	size_t i;

	for (i = 0; cr->names && cr->names[i]; i++)
		free(cr->names[i]);
	free(cr->names);
	cr->names = NULL;
}

/* Whether `heading` (inlines) names a Credits section: at the first look
 * (not `exact`), one of cr->names; exactly, one of the names as they are
 * folded without cutting their colons. */
static dm_text_match heading_names(const dmf_credits *cr,
                                   const json_t *heading, bool exact)
{
	dm_text_match m = DM_TEXT_DIFFERS;
	char *folded = heading_text(heading, exact), *t;
	size_t i;

	if (folded == NULL)
		return DM_TEXT_NOMEM;
	for (i = 0; !exact && cr->names[i] && m == DM_TEXT_DIFFERS; i++)
		if (strcmp(folded, cr->names[i]) == 0)
			m = DM_TEXT_MATCHES;
	for (i = 0; exact && headings[i] && m == DM_TEXT_DIFFERS; i++)
		m = heading_is(folded, headings[i]);
	for (i = 0; exact && cr->lang->headings[i] && m == DM_TEXT_DIFFERS;
	     i++)
		m = heading_is(folded, cr->lang->headings[i]);
	if (exact && m == DM_TEXT_DIFFERS && json_array_size(cr->title) > 0) {
		if ((t = dm_stringify(cr->title)) == NULL)
			m = DM_TEXT_NOMEM;
		else
			m = heading_is(folded, t);
		free(t);
	}
	for (i = 0; exact && cr->custom && i < cr->nprefixes &&
	            m == DM_TEXT_DIFFERS; i++)
		m = heading_is(folded, cr->prefixes[i].text);
	free(folded);
	return m;
}

/* A first look without a copy of the heading: the colons and spaces at
 * the end of both sides cut, a heading that differs then differs also
 * when only its last Str's colon is left out (nearly every heading);
 * one that matches is looked at again exactly.  A paragraph standing as
 * a heading ("Image credits:" over a list) is read as a heading is. */
cr_found cr_section_heading(const dmf_credits *cr, const json_t *heading)
{
	const json_t *in = dm_node_inlines(heading);
	dm_text_match m;

	switch (dm_type_of(heading)) {
	case DM_T_HEADER:
	case DM_T_PARA:
	case DM_T_PLAIN:
		break;
	default:
		return CR_NONE;
	}
	m = heading_names(cr, in, false);
	if (m == DM_TEXT_MATCHES)
		m = heading_names(cr, in, true);
	return m == DM_TEXT_NOMEM ? CR_NOMEM
	       : m == DM_TEXT_MATCHES ? CR_FOUND : CR_NONE;
}

/* Whether list[i] may head a Credits section, before its words are
 * read: a heading; or a short paragraph right over a list ("Image
 * credits:", then "- Pier: Jane Doe/Unsplash"), whose section is that
 * list alone: *end is then past it. */
static bool may_head(const json_t *list, size_t i, size_t *end)
{
	const json_t *b = bare(json_array_get(list, i));

	*end = 0;
	switch (dm_type_of(b)) {
	case DM_T_HEADER:
		return true;
	case DM_T_PARA:
	case DM_T_PLAIN:
		if (json_array_size(dm_content(b)) > 8)
			return false;
		switch (dm_type_of(bare(json_array_get(list, i + 1)))) {
		case DM_T_BULLET_LIST:
		case DM_T_ORDERED_LIST:
			*end = i + 2;
			return true;
		default:
			return false;
		}
	default:
		return false;
	}
}

/* Whether block `b` (in a list item when `in_item`) holds credits only,
 * added to `found`: 1, 0, -1. */
static int credit_block(const dmf_credits *cr, const json_t *b, bool in_item,
                        credit_list *found, dm_error *err)
{
	const json_t *items = dm_content(b), *item;
	size_t i;
	int n;

	switch (dm_type_of(b)) {
	case DM_T_PARA:
	case DM_T_PLAIN:
		n = cr_read_line(cr, dm_content(b), in_item ? CR_LIST : CR_ITEM,
		                 CR_FROM_BODY, found, err);
		return n < 0 ? -1 : n > 0;
	case DM_T_ORDERED_LIST:
		items = json_array_get(items, 1);
		/* fall through */
	case DM_T_BULLET_LIST:
		for (i = 0; i < json_array_size(items); i++) {
			item = json_array_get(items, i);
			if (json_array_size(item) != 1)
				return 0;
			n = credit_block(cr, bare(json_array_get(item, 0)), true,
			                 found, err);
			if (n <= 0)
				return n;
		}
		return json_array_size(items) > 0;
	default:
		return 0;
	}
}

int cr_section_at(const dmf_credits *cr, const json_t *list, size_t i,
                  size_t *end, size_t *bad, credit_list *found,
                  dm_error *err)
{
	const json_t *h = bare(json_array_get(list, i)), *b;
	credit_list own = {0};
	size_t j, para_end;
	int rc = 1;

	if (!may_head(list, i, &para_end))
		return 0;
	switch (cr_section_heading(cr, h)) {
	case CR_NOMEM:
		return dm_nomem(err);
	case CR_NONE:
		return 0;
	default:
		break;
	}
	for (j = i + 1; para_end == 0 && j < json_array_size(list); j++)
		if (dm_type_of(b = json_array_get(list, j)) == DM_T_HEADER &&
		    json_integer_value(json_array_get(dm_content(b), 0)) <=
		            json_integer_value(json_array_get(dm_content(h), 0)))
			break;
	*end = *bad = para_end ? para_end : j;
	if (*end == i + 1)
		return 0; /* a heading alone */
	for (j = i + 1; j < *end; j++)
		if ((rc = credit_block(cr, bare(json_array_get(list, j)), false,
		                       found ? found : &own, err)) <= 0)
			break;
	cr_list_free(&own);
	if (j < *end && rc < 0)
		return -1;
	*bad = j;
	return 1;
}

/* ------------------------------------------------------------------------
 * Figures: the credit line after one (figure.c writes captions)
 * ------------------------------------------------------------------------ */

/* Whether the image of a figure has a credit of its own (attributes, a
 * metadata credit naming it). */
static bool credited(const dmf_credits *cr, const json_t *image)
{
	return dmf_credits_image(image) ||
	       cr_meta_for(cr, cr_image_src(image), false) != NULL;
}

/* A figure followed by a credit line: the line's first credit goes into
 * its caption (the line itself is read and removed by the walk).
 * 0, or -1 with ctx->err set. */
static int figure_lines(dm_ctx *ctx, const dmf_credits *cr, json_t *list)
{
	credit_list found = {0};
	json_t *image, *repl;
	size_t i;
	int n = 0;

	for (i = 0; n >= 0 && i + 1 < json_array_size(list); i++) {
		const json_t *b = bare(json_array_get(list, i + 1));
		json_t *fig = bare(json_array_get(list, i));
		if ((image = dm_figure_image(fig)) == NULL ||
		    credited(cr, image) ||
		    (dm_type_of(b) != DM_T_PARA && dm_type_of(b) != DM_T_PLAIN))
			continue;
		n = cr_read_line(cr, dm_content(b), CR_LINE, CR_FROM_BODY,
		                 &found, ctx->err);
		if (n > 0 && found.v[0].raw == NULL &&
		    (n = cr_caption_add(ctx, cr, fig, &found.v[0], &repl)) ==
		            0 && repl &&
		    json_array_set_new(fig == json_array_get(list, i)
		                               ? list
		                               : dm_node_blocks(json_array_get(
		                                         list, i)),
		                       fig == json_array_get(list, i) ? i : 0,
		                       repl) != 0)
			n = dm_nomem(ctx->err);
		cr_list_free(&found);
	}
	return n < 0 ? -1 : 0;
}

bool cr_kept(const dmf_credits *cr, const json_t *node)
{
	return dm_holds(cr->kept, node);
}

bool cr_taken(const dmf_credits *cr, const json_t *node)
{
	return dm_holds(cr->taken, node);
}

/* The Credits section at list[i..end) is taken: it becomes a Div the walk
 * reads and removes (cr_taken()), so that its credits come in document
 * order.  0, or -1 when out of memory. */
static int take(dmf_credits *cr, json_t *list, size_t i, size_t end)
{
	json_t *blocks = json_array(), *div;

	while (blocks && end > i) {
		if (json_array_insert(blocks, 0, json_array_get(list, --end)))
			break;
		json_array_remove(list, end);
	}
	if (blocks == NULL || end > i ||
	    (div = dm_div(dm_attr(NULL), blocks)) == NULL)
		return -1;
	if (json_array_insert_new(list, i, div) ||
	    json_array_append(cr->taken, div))
		return -1;
	return 0;
}

int cr_sections(dm_ctx *ctx, dmf_credits *cr, json_t *list)
{
	size_t i, j, end, bad;
	int rc;

	for (i = 0; i < json_array_size(list); i++) {
		if ((rc = cr_section_at(cr, list, i, &end, &bad, NULL,
		                        ctx->err)) < 0)
			return -1;
		if (rc == 0)
			continue;
		if (bad == end) {
			if (take(cr, list, i, end) != 0)
				return dm_nomem(ctx->err);
			continue;
		}
		for (j = i + 1; j < end; j++)
			if (json_array_append(cr->kept,
			                      bare(json_array_get(list, j))))
				return dm_nomem(ctx->err);
		i = end - 1;
	}
	return cr->figure_credits ? figure_lines(ctx, cr, list) : 0;
}
