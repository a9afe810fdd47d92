/*
 * render.c - a callout as a box (src/box.h), rendered for the output
 * format by the box's table; and the box definitions (stylesheet, LaTeX
 * environment) for the document's header.
 */
#include <stdlib.h>
#include <string.h>

#include "callouts.h"

/* Whether the callout shows an icon before its title (HTML). */
static bool wants_icon(const state *st, const callout *c)
{
	if (c->icon)
		return *c->icon && strcmp(c->icon, "false") != 0;
	return st->icons && *c->type->icon;
}

static dm_box_fold fold(const state *st, const callout *c)
{
	const char *collapse = c->collapse ? c->collapse
	                       : st->collapse ? "true" : "false";

	if (strcmp(collapse, "false") == 0)
		return DM_BOX_FOLD_NONE;
	return strcmp(collapse, "open") == 0 ? DM_BOX_FOLD_OPEN
	                                     : DM_BOX_FOLD_CLOSED;
}

/* The settings as written go back into the attributes, ahead of the
 * user's own, for the semantic form to keep: collapse, then icon. */
static int keep_settings(callout *c)
{
	json_t *kvs = json_array_get(c->attr, 2);

	if (c->look && json_array_insert_new(kvs, 0, json_pack(
	                       "[ss]", "appearance", c->look)))
		return -1;
	return (c->icon && json_array_insert_new(kvs, 0, json_pack(
	                           "[ss]", "icon", c->icon))) ||
	       (c->collapse && json_array_insert_new(kvs, 0, json_pack(
	                               "[ss]", "collapse", c->collapse)))
	               ? -1 : 0;
}

/* The callout's own appearance, else the document's. */
static dm_box_look look(const state *st, const callout *c)
{
	if (c->look == NULL)
		return (dm_box_look)st->look;
	return strcmp(c->look, "simple") == 0    ? DM_BOX_LOOK_SIMPLE
	       : strcmp(c->look, "minimal") == 0 ? DM_BOX_LOOK_MINIMAL
	                                         : DM_BOX_LOOK_DEFAULT;
}

int dmf_render(dm_ctx *ctx, callout *c, json_t *out)
{
	state *st = ctx->state;
	bool icon = wants_icon(st, c);
	dm_box box = {
		.role = DM_BOX_CALLOUT,
		.type = c->type->name,
		.label = dmf_default_label(c->type),
		/* GitHub renders no alert inside a quote: one in a
		 * callout is a quote with its bold title */
		.alert = c->type->alert && st->nopen <= 1,
		.style = c->type->style,
		.title = c->title,
		.heading = c->heading,
		.body = c->body,
		.attr = c->attr,
		.colour = c->type->colour,
		.look = look(st, c),
		.own_look = c->look != NULL &&
		            look(st, c) != (dm_box_look)st->look,
		.fold = fold(st, c),
		.depth = st->nopen > 0 ? (unsigned)st->nopen - 1 : 0,
		.icon = icon,
		/* the callout's own; else the type's when drawn in the
		 * html (a named icon), not by the stylesheet (text) */
		.icon_text = !icon ? NULL : c->icon ? c->icon
		             : dm_box_icon_svg(c->type->icon, NULL)
		                     ? c->type->icon : NULL,
		.rtl = dm_box_rtl(ctx->doc),
	};

	st->rendered = true;
	/* numbered where rendered; the semantic form keeps its title */
	if (ctx->family != DM_FMT_MARKDOWN && ctx->family != DM_FMT_JSON &&
	    dmf_xref_title(st, c))
		return dm_nomem(ctx->err);
	box.title = c->title;
	if (keep_settings(c))
		return dm_nomem(ctx->err);
	return dm_box_render(&box, ctx->family, out, ctx->err);
}

int dmf_add_stylesheet(dm_ctx *ctx)
{
	state *st = ctx->state;
	dm_box_kind kinds[MAX_TYPES];
	dm_box_sheet sheet = {OPT, kinds, st->ntypes,
	                      (dm_box_look)st->look, st->sheet_in_body};
	size_t i;

	if (!st->rendered)
		return 0;
	if (dm_box_finish(ctx))
		return -1;
	if (!st->stylesheet)
		return 0;
	for (i = 0; i < st->ntypes; i++) {
		kinds[i].type = st->types[i].name;
		kinds[i].colour = st->types[i].colour;
		kinds[i].icon = st->types[i].icon;
		kinds[i].style = st->types[i].style;
	}
	return dm_box_header(ctx->doc, ctx->family, &sheet, ctx->err);
}
