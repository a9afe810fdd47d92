/*
 * options.c - the dm-credits options (the map under `dm-credits:` in the
 * metadata, or flat `-M dm-credits.KEY=VALUE`), and the life of the
 * dmf_credits object that holds them with the metadata credits: the
 * filter keeps one in ctx->state, dm-check one of its own.
 */
#include <stdlib.h>
#include <string.h>

#include "credits.h"

static const char *const default_prefixes[] = {
	"Image Credits:", "Image credit:", "Photo credits:", "Photo credit:",
	"Photo:", "Credits:", "Credit:",
};

const char cr_options_help[] =
	"  title: TEXT           the footer's title (default \"Credits\";\n"
	"                        empty: none)\n"
	"  prefixes: [TEXT, ...] what opens a credit line (default: Image "
	"Credits:,\n                        Image credit:, Photo credits:, "
	"Photo credit:,\n                        Photo:, Credits:, Credit:; "
	"any case, plain or bold)\n"
	"  footer: TEXT | [TEXT, ...]\n"
	"                        lines after the credits, e.g. a "
	"methodology link\n"
	"  figure-credits: BOOL  a credit line in each credited figure's "
	"caption\n                        (default false)\n"
	"  stylesheet: BOOL      add the HTML stylesheet to header-includes\n"
	"                        (default true)\n"
	"  unsplash-utm-source: TEXT\n"
	"                        utm_source of links to Unsplash (default "
	"dmfilters;\n                        empty: no referral "
	"parameters)\n"
	"  unsplash-utm-medium: TEXT\n"
	"                        utm_medium (default referral)\n"
	"  words.by, words.on, words.from, words.photo, words.image: TEXT\n"
	"                        the words of credits written from attributes"
	"\n                        and metadata (by, on, from, Photo, Image)"
	"\n\n"
	"Credits come from credit lines, from image attributes (credit,\n"
	"credit-url, source, source-url, license, license-url) and from the\n"
	"metadata keys credits and image-credit.  See dm-credits(1).\n";

/* Reads one item of a list option into `cr`.  0, or -1 with ctx->err. */
typedef int read_item(dm_ctx *ctx, const json_t *v, const char *where,
                      dmf_credits *cr);

/* Calls `fn` for option `key`'s value, or for each item of a list. */
static int each_item(dm_ctx *ctx, dmf_credits *cr, const char *key,
                     read_item *fn)
{
	char where[256], at[300];
	json_t *v = dm_option(ctx->doc, CR_OPT, key, where, sizeof where);
	size_t i;

	if (v == NULL)
		return 0;
	if (dm_type_of(v) != DM_T_META_LIST)
		return fn(ctx, v, where, cr);
	for (i = 0; i < json_array_size(dm_content(v)); i++) {
		snprintf(at, sizeof at, "%s[%zu]", where, i);
		if (fn(ctx, json_array_get(dm_content(v), i), at, cr) != 0)
			return -1;
	}
	return 0;
}

static int add_prefix(dmf_credits *cr, const char *text, dm_error *err)
{
	char **p = realloc(cr->prefixes, (cr->nprefixes + 1) * sizeof *p);

	if (p == NULL)
		return dm_nomem(err);
	cr->prefixes = p;
	if ((p[cr->nprefixes] = strdup(text)) == NULL)
		return dm_nomem(err);
	cr->nprefixes++;
	cr->first[cr_fold_byte(text)] = true;
	return 0;
}

static int read_prefix(dm_ctx *ctx, const json_t *v, const char *where,
                       dmf_credits *cr)
{
	char *text = NULL;
	int rc;

	switch (dm_type_of(v)) {
	case DM_T_META_MAP:
	case DM_T_META_LIST:
	case DM_T_META_BOOL:
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "a prefix must be text, found %s",
		                    cr_kind_of(v));
	default:
		break;
	}
	if (dm_meta_string(v, where, &text, ctx->err) < 0)
		return -1;
	rc = text[0] ? add_prefix(cr, text, ctx->err)
	             : dm_error_set(ctx->err, DM_EOPTION, where,
	                            "a prefix must not be empty");
	free(text);
	return rc;
}

static int read_prefixes(dm_ctx *ctx, dmf_credits *cr)
{
	size_t i;

	if (dm_option(ctx->doc, CR_OPT, "prefixes", NULL, 0) != NULL)
		return each_item(ctx, cr, "prefixes", read_prefix);
	for (i = 0; i < sizeof default_prefixes / sizeof *default_prefixes;
	     i++)
		if (add_prefix(cr, default_prefixes[i], ctx->err) != 0)
			return -1;
	return 0;
}

static int read_footer(dm_ctx *ctx, const json_t *v, const char *where,
                       dmf_credits *cr)
{
	json_t *blocks = NULL;
	int rc;

	if (dm_meta_blocks(v, where, &blocks, ctx->err) < 0)
		return -1;
	rc = json_array_extend(cr->footer, blocks);
	json_decref(blocks);
	return rc ? dm_nomem(ctx->err) : 0;
}

/* A text option with a default: 0 or -1. */
static int text_option(dm_ctx *ctx, const char *key, const char *def,
                       char **out)
{
	if (dm_option_string(ctx->doc, CR_OPT, key, out, ctx->err) < 0)
		return -1;
	if (*out == NULL && (*out = strdup(def)) == NULL)
		return dm_nomem(ctx->err);
	return 0;
}

static int read_options(dm_ctx *ctx, dmf_credits *cr)
{
	cr->stylesheet = true;
	if (dm_option_inlines(ctx->doc, CR_OPT, "title", &cr->title,
	                      ctx->err) < 0)
		return -1;
	if (cr->title == NULL && (cr->title = dm_text("Credits")) == NULL)
		return dm_nomem(ctx->err);
	if (read_prefixes(ctx, cr) != 0)
		return -1;
	if ((cr->footer = json_array()) == NULL)
		return dm_nomem(ctx->err);
	if (each_item(ctx, cr, "footer", read_footer) ||
	    dm_option_bool(ctx->doc, CR_OPT, "figure-credits",
	                   &cr->figure_credits, ctx->err) < 0 ||
	    dm_option_bool(ctx->doc, CR_OPT, "stylesheet", &cr->stylesheet,
	                   ctx->err) < 0 ||
	    text_option(ctx, "unsplash-utm-source", "dmfilters",
	                &cr->utm_source) ||
	    text_option(ctx, "unsplash-utm-medium", "referral",
	                &cr->utm_medium) ||
	    text_option(ctx, "words.by", "by", &cr->w_by) ||
	    text_option(ctx, "words.on", "on", &cr->w_on) ||
	    text_option(ctx, "words.from", "from", &cr->w_from) ||
	    text_option(ctx, "words.photo", "Photo", &cr->w_photo) ||
	    text_option(ctx, "words.image", "Image", &cr->w_image))
		return -1;
	return 0;
}

dmf_credits *dmf_credits_open(dm_ctx *ctx)
{
	static const char *const known[] = {
		"title", "prefixes", "footer", "figure-credits", "stylesheet",
		"unsplash-utm-source", "unsplash-utm-medium", "words", NULL};
	dmf_credits *cr;

	if (dm_options_check(ctx->doc, CR_OPT, known, ctx->err) != 0)
		return NULL;
	if ((cr = calloc(1, sizeof *cr)) == NULL) {
		dm_nomem(ctx->err);
		return NULL;
	}
	if (read_options(ctx, cr) != 0 ||
	    cr_read_meta(ctx->doc, cr, ctx->err) != 0) {
		dmf_credits_close(cr);
		return NULL;
	}
	return cr;
}

void dmf_credits_close(dmf_credits *cr)
{
	size_t i;

	if (cr == NULL)
		return;
	for (i = 0; i < cr->nprefixes; i++)
		free(cr->prefixes[i]);
	free(cr->prefixes);
	cr_list_free(&cr->list);
	cr_list_free(&cr->meta);
	json_decref(cr->title);
	json_decref(cr->footer);
	json_decref(cr->slot);
	json_decref(cr->extra);
	json_decref(cr->emptied);
	json_decref(cr->out);
	free(cr->utm_source);
	free(cr->utm_medium);
	free(cr->w_by);
	free(cr->w_on);
	free(cr->w_from);
	free(cr->w_photo);
	free(cr->w_image);
	free(cr);
}
