/*
 * credits.c - dm-credits: image credits gathered into one credit footer.
 *
 * Credits come from credit lines ("Image Credits: Photo by Lan Lin on
 * Unsplash"), from the credit attributes of images, from the metadata keys
 * `credits` and `image-credit`, and from an earlier run's footer.  Each is
 * read into one credit (role, name, source, license, their URLs), or kept
 * as written when it does not parse.  The walk collects them, removes the
 * credit lines and finds the footer's place; finish() puts the credits in
 * order, each once, and renders one footer for the output format where
 * the first `dm-credits` Div stands, or at the end of the document.
 *
 * The footer's semantic form is a Div of class dm-credits holding a title,
 * a bullet list of the credits and the footer lines; every rendering of it
 * is recognised again (footer.c), and its list items are taken as they
 * are, so a second run changes nothing.
 *
 * dm-check reads credits through the same recognisers (checker.c).
 */
#include <stdlib.h>
#include <string.h>

#include "credits.h"
#include "render.h"
#include "words.h"

/* ------------------------------------------------------------------------
 * The walk: collect credits, find the footer's place
 * ------------------------------------------------------------------------ */

/* The footer's place: the first placeholder; the others go.  0 or -1. */
static int found_place(dmf_credits *cr, json_t *node)
{
	if (cr->slot == NULL) {
		cr->slot = json_incref(node);
		return 0;
	}
	return json_array_append(cr->extra, node);
}

/* Whether `node` is the raw placeholder <div class="dm-credits"></div>. */
static bool is_placeholder(const json_t *node)
{
	const char *t = json_string_value(dm_field(node, 1));
	const char *p = "<div class=\"dm-credits\"></div>";
	size_t n = strlen(p);

	if (!dm_render_is_raw(node, "html", p))
		return false;
	for (t += n; *t == ' ' || *t == '\n' || *t == '\t' || *t == '\r'; t++)
		;
	return *t == '\0';
}

/* Whether a paragraph at this place may be a credit line: at the top
 * level, or in divs and block quotes only. */
static bool line_place(const dm_walk *w)
{
	const json_t *a;
	size_t up;

	for (up = 0; (a = dm_walk_ancestor(w, up)) != NULL; up++)
		switch (dm_type_of(a)) {
		case DM_T_DIV:
		case DM_T_BLOCK_QUOTE:
			break;
		default:
			return false;
		}
	return true;
}

/* With figure-credits, the credit of a figure's image at the end of its
 * caption: "(Photo: NAME / SOURCE)"; *out a new figure to put in its
 * place, or NULL.  0, or -1 with ctx->err set. */
static int caption_credit(dm_ctx *ctx, const dmf_credits *cr, json_t *fig,
                          json_t **out)
{
	json_t *image = dm_figure_image(fig);
	credit c = {0}, *m = NULL;
	cr_found rc;
	int r;

	*out = NULL;
	if (!cr->figure_credits || image == NULL)
		return 0;
	if ((rc = cr_image_credit(cr, image, &c)) == CR_NONE &&
	    (m = cr_meta_for(cr, cr_image_src(image), false)) == NULL)
		return 0;
	r = rc == CR_NOMEM ? dm_nomem(ctx->err)
	                   : cr_caption_add(ctx, cr, fig, m ? m : &c, out);
	cr_credit_free(&c);
	return r;
}

/* Removes `node`, whose parent `up` (NULL at the top) is remembered in
 * cr->emptied: a div or quote it leaves empty goes as well. */
static dm_walk_result remove_block(dm_ctx *ctx, json_t *up, json_t **out)
{
	dmf_credits *cr = ctx->state;

	if ((up && json_array_append(cr->emptied, up) != 0) ||
	    (*out = json_array()) == NULL)
		return dm_nomem(ctx->err), DM_WALK_ERROR;
	return DM_WALK_REPLACE;
}

/* On EXIT: whether `node` is a div or quote that held only credit lines,
 * and so is empty now. */
static bool emptied(const dmf_credits *cr, const json_t *node)
{
	size_t i;

	switch (dm_type_of(node)) {
	case DM_T_DIV:
	case DM_T_BLOCK_QUOTE:
		break;
	default:
		return false;
	}
	for (i = 0; i < json_array_size(cr->emptied); i++)
		if (json_array_get(cr->emptied, i) == node)
			return json_array_size(dm_node_blocks(node)) == 0;
	return false;
}

/* Moves every credit of `from` to the end of `to`.  0, or -1 with `err`
 * set. */
static int move_all(credit_list *to, credit_list *from, dm_error *err)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < from->n; i++)
		rc = cr_list_add(to, &from->v[i], err);
	cr_list_free(from);
	return rc;
}

/* The first `keep` inlines of paragraph `node` (spaces at the end left
 * out), a caption whose credit lines went, as a new Para or Plain, or
 * NULL when out of memory. */
static json_t *caption_part(const json_t *node, size_t keep)
{
	const json_t *in = dm_content(node);
	json_t *part = json_array();
	size_t i;

	while (keep > 0 &&
	       dm_type_of(json_array_get(in, keep - 1)) == DM_T_SPACE)
		keep--;
	for (i = 0; part != NULL && i < keep; i++)
		if (json_array_append(part, json_array_get(in, i)) != 0) {
			json_decref(part);
			return NULL;
		}
	return dm_type_of(node) == DM_T_PLAIN ? dm_plain(part) : dm_para(part);
}

/* A Para or Plain: a credit line is read and removed; the credit lines
 * under a caption are taken from it, and their credits follow those of
 * its images (on_block() takes them when the walk leaves it). */
static dm_walk_result on_line(dm_ctx *ctx, const dm_walk *w, json_t *node,
                              json_t **out)
{
	dmf_credits *cr = ctx->state;
	credit_list found = {0};
	size_t keep;
	int n;

	if (!line_place(w) || cr_kept(cr, node))
		return DM_WALK_CONTINUE;
	n = cr_read_para(cr, dm_content(node), CR_FROM_BODY, &found, &keep,
	                 ctx->err);
	if (n == 0 && node == cr->last) /* "... Photo: Kai Berg/Unsplash" */
		n = cr_read_tail(cr, dm_content(node), CR_FROM_BODY, &found,
		                 &keep, ctx->err);
	if (n < 0) {
		cr_list_free(&found);
		return DM_WALK_ERROR;
	}
	if (n == 0) /* none, or the prefix alone */
		return DM_WALK_CONTINUE;
	if (keep == 0) {
		cr->took_top |= dm_walk_ancestor(w, 0) == NULL;
		return move_all(&cr->list, &found, ctx->err) != 0
		               ? DM_WALK_ERROR
		               : remove_block(ctx, dm_walk_ancestor(w, 0), out);
	}
	if (move_all(&cr->list, &cr->pending, ctx->err) != 0 ||
	    move_all(&cr->pending, &found, ctx->err) != 0)
		return DM_WALK_ERROR;
	if ((*out = caption_part(node, keep)) == NULL)
		return dm_nomem(ctx->err), DM_WALK_ERROR;
	cr->pending_at = *out;
	return DM_WALK_REPLACE;
}

/* A Credits section cr_sections() took: its credits are read, in their
 * place in the document, and it goes. */
static dm_walk_result on_section(dm_ctx *ctx, json_t *div, json_t **out)
{
	dmf_credits *cr = ctx->state;
	size_t end, bad;

	if (cr_section_at(cr, dm_node_blocks(div), 0, &end, &bad, &cr->list,
	                  ctx->err) < 0)
		return DM_WALK_ERROR;
	if ((*out = json_array()) == NULL)
		return dm_nomem(ctx->err), DM_WALK_ERROR;
	return DM_WALK_REPLACE_SKIP;
}

static dm_walk_result on_block(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                               json_t *node, json_t **out)
{
	dmf_credits *cr = ctx->state;

	if (ev == DM_EXIT && node == cr->pending_at) {
		cr->pending_at = NULL;
		if (move_all(&cr->list, &cr->pending, ctx->err) != 0)
			return DM_WALK_ERROR;
	}
	if (ev == DM_EXIT)
		return emptied(cr, node)
		               ? remove_block(ctx, dm_walk_ancestor(w, 0), out)
		               : DM_WALK_CONTINUE;
	switch (dm_type_of(node)) {
	case DM_T_DIV: /* the footer's place, maybe an earlier footer */
		if (cr_taken(cr, node))
			return on_section(ctx, node, out);
		if (!dm_attr_has_class(dm_node_attr(node), CR_CLASS))
			return DM_WALK_CONTINUE;
		if (found_place(cr, node) != 0)
			return dm_nomem(ctx->err), DM_WALK_ERROR;
		return cr_take_footer(cr, node, ctx->err) != 0 ? DM_WALK_ERROR
		                                               : DM_WALK_SKIP;
	case DM_T_RAW_BLOCK:
		return is_placeholder(node) && found_place(cr, node) != 0
		               ? dm_nomem(ctx->err), DM_WALK_ERROR
		               : DM_WALK_CONTINUE;
	case DM_T_FIGURE:
	case DM_T_PARA: /* in pandoc 2.17 also a figure */
		if (caption_credit(ctx, cr, node, out) != 0)
			return DM_WALK_ERROR;
		if (*out != NULL) /* walked: its image's credit is read */
			return DM_WALK_REPLACE;
		return dm_type_of(node) == DM_T_PARA ? on_line(ctx, w, node, out)
		                                     : DM_WALK_CONTINUE;
	case DM_T_PLAIN:
		return on_line(ctx, w, node, out);
	default:
		return DM_WALK_CONTINUE;
	}
}

static dm_walk_result on_inline(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                                json_t *node, json_t **out)
{
	dmf_credits *cr = ctx->state;
	credit c = {0}, *m;
	cr_found rc;

	(void)w;
	(void)out;
	if (ev != DM_ENTER || dm_type_of(node) != DM_T_IMAGE)
		return DM_WALK_CONTINUE;
	if ((rc = cr_image_credit(cr, node, &c)) == CR_NOMEM) {
		cr_credit_free(&c);
		return dm_nomem(ctx->err), DM_WALK_ERROR;
	}
	c.rank = CR_FROM_BODY;
	if (rc == CR_FOUND && cr_list_add(&cr->list, &c, ctx->err) != 0)
		return DM_WALK_ERROR;
	/* Else its caption's credit ("A pier. Photo: Jane Doe/Unsplash"),
	 * which the caption keeps: listed in the footer too. */
	if (rc == CR_NONE && cr_meta_for(cr, cr_image_src(node), false) == NULL &&
	    cr_read_alt(cr, node, &cr->list, ctx->err) < 0)
		return DM_WALK_ERROR;
	/* A metadata credit naming this image takes its place. */
	while ((m = cr_meta_for(cr, cr_image_src(node), true)) != NULL) {
		c = *m;
		memset(m, 0, sizeof *m);
		m->placed = true;
		c.rank = CR_FROM_BODY;
		if (cr_list_add(&cr->list, &c, ctx->err) != 0)
			return DM_WALK_ERROR;
	}
	return DM_WALK_CONTINUE;
}

/* Every list of blocks: a footer an earlier run rendered becomes a Div of
 * class dm-credits again, which on_block() then reads; where credit lines
 * may stand, the Credits sections and the lines under figures. */
static dm_walk_result on_list(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	dmf_credits *cr = ctx->state;

	if (cr_footer_recognise(ctx, cr, list) != 0)
		return DM_WALK_ERROR;
	if (!line_place(w))
		return DM_WALK_CONTINUE;
	if (cr_sections(ctx, cr, list) != 0 ||
	    (dm_walk_ancestor(w, 0) == NULL &&
	     cr_last_para(cr, list, &cr->last, ctx->err) != 0))
		return DM_WALK_ERROR;
	return DM_WALK_CONTINUE;
}

/* ------------------------------------------------------------------------
 * The footer in its place
 * ------------------------------------------------------------------------ */

/* Puts the footer in the slot; drops the other placeholders. */
static dm_walk_result place(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	dmf_credits *cr = ctx->state;
	size_t i = 0, k;

	(void)w;
	while (i < json_array_size(list)) {
		json_t *b = json_array_get(list, i);
		bool extra = false;
		for (k = 0; k < json_array_size(cr->extra); k++)
			extra = extra || json_array_get(cr->extra, k) == b;
		if (b == cr->slot) {
			json_array_remove(list, i);
			for (k = 0; k < json_array_size(cr->out); k++)
				if (json_array_insert(
				            list, i + k,
				            json_array_get(cr->out, k)) != 0)
					return dm_nomem(ctx->err), DM_WALK_ERROR;
			i += k;
		} else if (extra) {
			json_array_remove(list, i);
		} else {
			i++;
		}
	}
	return DM_WALK_CONTINUE;
}

/* The horizontal rules the document ends with, when the footer goes at
 * its end and a credit line was taken from its top level: such a rule
 * parted the article from its credits, and the footer draws its own (the
 * html border, the rule of the text formats); left, two rules would
 * stand over the footer. */
static void drop_end_rules(json_t *blocks)
{
	size_t n;

	while ((n = json_array_size(blocks)) > 0 &&
	       dm_type_of(json_array_get(blocks, n - 1)) ==
	               DM_T_HORIZONTAL_RULE)
		json_array_remove(blocks, n - 1);
}

static int finish(dm_ctx *ctx)
{
	static const dm_visitor placer = {NULL, NULL, place, NULL, 0};
	dmf_credits *cr = ctx->state;
	size_t i;

	if (move_all(&cr->list, &cr->pending, ctx->err) != 0)
		return -1;
	/* Metadata credits no image placed come first. */
	for (i = 0; i < cr->meta.n; i++) {
		credit c = cr->meta.v[i];
		if (cr->meta.v[i].placed)
			continue;
		memset(&cr->meta.v[i], 0, sizeof cr->meta.v[i]);
		cr->meta.v[i].placed = true;
		if (cr_list_add(&cr->list, &c, ctx->err) != 0)
			return -1;
	}
	if (cr->list.n == 0)
		return 0; /* nothing to credit: the document stays as it was */
	if (cr_footer_build(ctx, cr) != 0)
		return -1;
	if (cr->slot != NULL) {
		if (dm_walk_doc(ctx, &placer) != 0)
			return -1;
	} else {
		if (cr->took_top)
			drop_end_rules(dm_doc_blocks(ctx->doc));
		if (json_array_extend(dm_doc_blocks(ctx->doc), cr->out) != 0)
			return dm_nomem(ctx->err);
	}
	return cr_footer_style(ctx, cr);
}

/* Text that +sourcepos split into one Span per word is read whole first
 * (dm-check reads a copy; see check.c), then the options. */
static int start(dm_ctx *ctx)
{
	dmf_credits *cr;

	if (dm_sourcepos(ctx->doc) && dm_sourcepos_unwrap(ctx))
		return -1;
	if ((cr = dmf_credits_open(ctx)) == NULL)
		return -1;
	ctx->state = cr;
	cr->warn = ctx->program;
	if ((cr->extra = json_array()) == NULL ||
	    (cr->emptied = json_array()) == NULL ||
	    (cr->kept = json_array()) == NULL ||
	    (cr->taken = json_array()) == NULL ||
	    (cr->warned = json_object()) == NULL)
		return dm_nomem(ctx->err);
	return 0;
}

static void release(dm_ctx *ctx)
{
	dmf_credits_close(ctx->state);
}

const dm_filter dm_credits_filter = {
	.name = "credits",
	.summary = "Image credits gathered into one credit footer",
	.option_table = cr_options,
	.start = start,
	.visitor = {.block = on_block, .inline_ = on_inline,
	            .blocks = on_list},
	.finish = finish,
	.release = release,
};
