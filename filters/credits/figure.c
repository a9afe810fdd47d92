/*
 * figure.c - a figure's credit in its caption (figure-credits): the
 * credit goes at the end of the caption, never into the image's
 * alternative text, which screen readers read as the picture's
 * description; and pandoc 2.17's docx and odt, which write the caption
 * as that description, get a figure of styled paragraphs instead.
 */
#include <stdlib.h>
#include <string.h>

#include "credits.h"
#include "render.h"
#include "words.h"

json_t *cr_caption_of(json_t *fig)
{
	json_t *image = dm_figure_image(fig), *attr;
	char *alt;
	int rc;

	if (dm_type_of(fig) == DM_T_FIGURE || image == NULL)
		return dm_figure_caption(fig);
	attr = dm_node_attr(image);
	if (dm_attr_get(attr, "alt") == NULL) {
		if ((alt = dm_stringify(dm_field(image, 1))) == NULL)
			return NULL;
		rc = dm_attr_set(attr, "alt", alt);
		free(alt);
		if (rc != 0)
			return NULL;
	}
	return dm_figure_caption(fig);
}

/* Pandoc 2.17 writes a figure's caption, its image's alternative text,
 * as the picture's description in docx and odt (an `alt` attribute does
 * not change it).  There the figure becomes what the writer makes of
 * one: the image in a paragraph of style Captioned Figure, its caption in
 * one of style Image Caption; the image keeps the caption without the
 * credit.  A new Div, or NULL when out of memory. */
static json_t *styled_figure(json_t *fig, json_t *text)
{
	json_t *image = json_deep_copy(dm_figure_image(fig)), *target;
	json_t *caption = json_deep_copy(dm_field(image, 1)), *cap, *pic;
	const char *title;

	if (image == NULL || caption == NULL)
		goto fail;
	target = dm_field(image, 2);
	title = json_string_value(json_array_get(target, 1));
	if (json_array_set_new(target, 1, json_string(title + 4)) ||
	    (json_array_size(caption) > 0 && dm_append(caption, dm_space())) ||
	    dm_append(caption, text))
		goto fail;
	text = NULL;
	cap = dm_render_styled_div("dm-credit", "Image Caption",
	                           json_pack("[o]", dm_para(caption)));
	pic = dm_render_styled_div(
	        "dm-figure", "Captioned Figure",
	        json_pack("[oo]", dm_para(json_pack("[o]", image)), cap));
	return pic;
fail:
	json_decref(image);
	json_decref(caption);
	json_decref(text);
	return NULL;
}

int cr_caption_add(dm_ctx *ctx, const dmf_credits *cr, json_t *fig,
                   const credit *c, json_t **repl)
{
	json_t *caption, *text = cr_write(cr, c, true), *span;
	bool styled = dm_type_of(fig) == DM_T_PARA &&
	              (ctx->family == DM_FMT_DOCX || ctx->family == DM_FMT_ODT);

	*repl = NULL;
	if (text == NULL ||
	    (caption = styled ? dm_field(dm_figure_image(fig), 1)
	                      : cr_caption_of(fig)) == NULL)
		goto nomem;
	dm_inlines_remove_spans(caption, "dm-credit");
	if (json_array_size(caption) > 0 &&
	    (json_array_insert_new(text, 0, dm_str("(")) ||
	     dm_append(text, dm_str(")")) ||
	     (!styled && dm_append(caption, dm_space()))))
		goto nomem;
	span = dm_span(json_pack("[s[s][]]", "", "dm-credit"), text);
	if (styled)
		return (*repl = styled_figure(fig, span)) ? 0
		                                          : dm_nomem(ctx->err);
	return dm_append(caption, span) ? dm_nomem(ctx->err) : 0;
nomem:
	json_decref(text);
	return dm_nomem(ctx->err);
}

