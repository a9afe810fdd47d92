/*
 * options.c - the dm-credits options (the map under `dm-credits:` in the
 * metadata, or flat `-M dm-credits.KEY=VALUE`), in one table from which
 * they are read, checked for unknown keys and described in --help; and
 * the life of the dmf_credits object that holds them with the metadata
 * credits: the filter keeps one in ctx->state, dm-check one of its own.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "credits.h"

/* The default prefixes, and whether each names what it credits (kept as
 * the credit's role: "Cover image: Jane Doe/Unsplash").  Any colon of
 * parse.c matches any other: "Image Credits：" is "Image Credits:". */
static const struct {
	const char *text;
	bool role;
} default_prefixes[] = {
	{"Image Credits:", false}, {"Image credit:", false},
	{"Image source:", false}, {"Photo credits:", false},
	{"Photo credit:", false}, {"Photo source:", false},
	{"Picture credits:", false}, {"Picture credit:", false},
	{"Photo:", false}, {"Photos:", false}, {"Photograph:", false},
	{"Photographs:", false}, {"Image:", false}, {"Images:", false},
	{"Credits:", false}, {"Credit:", false},
	{"Cover image:", true}, {"Cover photo:", true},
	{"Header image:", true}, {"Featured image:", true},
	{"Illustration:", true}, {"Illustrations:", true},
	/* Chinese, simplified and traditional */
	{"图片来源：", false}, {"圖片來源：", false},
	{"图片：", false}, {"圖片：", false}, {"图源：", false},
	{"圖源：", false}, {"图片提供：", false}, {"圖片提供：", false},
	{"摄影：", false}, {"攝影：", false},
	/* Japanese */
	{"写真：", false}, {"写真提供：", false}, {"画像：", false},
	{"画像提供：", false}, {"撮影：", false}, {"出典：", false},
	{"画像出典：", false}, {"写真クレジット：", false},
};

/* The words of credits written from attributes and metadata: the keys
 * under words, their defaults and where they go. */
static const struct word {
	const char *key, *def;
	size_t offset; /* of a char * in dmf_credits */
} words[] = {
	{"words.by", "by", offsetof(dmf_credits, w_by)},
	{"words.on", "on", offsetof(dmf_credits, w_on)},
	{"words.from", "from", offsetof(dmf_credits, w_from)},
	{"words.photo", "Photo", offsetof(dmf_credits, w_photo)},
	{"words.image", "Image", offsetof(dmf_credits, w_image)},
};
#define NWORDS (sizeof words / sizeof *words)

/* Reads one item of a list option into `cr`.  0, or -1 with ctx->err. */
typedef int read_item(dm_ctx *ctx, const json_t *v, const char *where,
                      dmf_credits *cr);

/* Calls `fn` for an option's value `v` (at `where`), or for each item when
 * it is a list. */
static int each_item(dm_ctx *ctx, const json_t *v, const char *where,
                     dmf_credits *cr, read_item *fn)
{
	char at[300];
	size_t i;

	if (dm_type_of(v) != DM_T_META_LIST)
		return fn(ctx, v, where, cr);
	for (i = 0; i < json_array_size(dm_content(v)); i++) {
		snprintf(at, sizeof at, "%s[%zu]", where, i);
		if (fn(ctx, json_array_get(dm_content(v), i), at, cr) != 0)
			return -1;
	}
	return 0;
}

static int add_prefix(dmf_credits *cr, const char *text, bool role,
                      dm_error *err)
{
	cr_prefix *p = realloc(cr->prefixes, (cr->nprefixes + 1) * sizeof *p);

	if (p == NULL)
		return dm_nomem(err);
	cr->prefixes = p;
	p[cr->nprefixes].role = role;
	if ((p[cr->nprefixes].text = strdup(text)) == NULL)
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
	cr->custom = true;
	rc = text[0] ? add_prefix(cr, text, false, ctx->err)
	             : dm_error_set(ctx->err, DM_EOPTION, where,
	                            "a prefix must not be empty");
	free(text);
	return rc;
}

/* prefixes: TEXT or [TEXT, ...]; the default ones when absent, and those
 * of the document's language. */
static int read_prefixes(dm_ctx *ctx, const json_t *v, const char *where,
                         void *state)
{
	dmf_credits *cr = state;
	const char *const *p;
	size_t i;

	if (v != NULL)
		return each_item(ctx, v, where, state, read_prefix);
	for (i = 0; i < sizeof default_prefixes / sizeof *default_prefixes;
	     i++)
		if (add_prefix(cr, default_prefixes[i].text,
		               default_prefixes[i].role, ctx->err) != 0)
			return -1;
	for (p = cr->lang->prefixes; *p; p++)
		if (add_prefix(cr, *p, false, ctx->err) != 0)
			return -1;
	for (p = cr->lang->role_prefixes; *p; p++)
		if (add_prefix(cr, *p, true, ctx->err) != 0)
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

/* footer: TEXT or [TEXT, ...], the lines after the credits. */
static int read_footers(dm_ctx *ctx, const json_t *v, const char *where,
                        void *state)
{
	dmf_credits *cr = state;

	if ((cr->footer = json_array()) == NULL)
		return dm_nomem(ctx->err);
	return v ? each_item(ctx, v, where, cr, read_footer) : 0;
}

/* words.by, words.on, ...: each from the map under words or from a flat
 * key dm-credits.words.KEY, else its default. */
static int read_words(dm_ctx *ctx, const json_t *v, const char *where,
                      void *state)
{
	dmf_credits *cr = state;
	size_t i;

	(void)v;
	(void)where;
	for (i = 0; i < NWORDS; i++) {
		char **out = (char **)(void *)((char *)state + words[i].offset);
		if (dm_option_string(ctx->doc, CR_OPT, words[i].key, out,
		                     ctx->err) < 0)
			return -1;
		cr->say[i] = *out ? *out : cr->lang->say[i];
		if (*out == NULL && (*out = strdup(words[i].def)) == NULL)
			return dm_nomem(ctx->err);
		if (cr->say[i] == NULL)
			cr->say[i] = *out;
	}
	return 0;
}

/* title: the user's, else the document's language's, else "Credits".
 * 0, or -1 with `err` set. */
static int default_title(dmf_credits *cr, dm_error *err)
{
	if (cr->title == NULL &&
	    (cr->title = dm_text(cr->lang->title ? cr->lang->title
	                                         : "Credits")) == NULL)
		return dm_nomem(err);
	return 0;
}

/* stylesheet: true, false, or inline (html: at the top of the body) */
static int read_stylesheet(dm_ctx *ctx, const json_t *v, const char *where,
                           void *opaque)
{
	dmf_credits *cr = opaque;

	return dm_box_read_sheet_option(v, where, &cr->stylesheet,
	                                &cr->sheet_in_body, ctx->err);
}

#define FIELD(name) offsetof(dmf_credits, name)

const dm_option_spec cr_options[] = {
	{"title", DM_OPT_INLINES, FIELD(title), NULL, NULL,
	 "the footer's title (default Credits; with lang fr, es or de "
	 "Cr\xc3\xa9" "dits, Cr\xc3\xa9" "ditos, Bildnachweis); empty for none",
	 NULL, NULL},
	{"prefixes", DM_OPT_CUSTOM, 0, NULL, "[TEXT, ...]",
	 "what opens a credit line, in any case, plain or bold, with ':' or "
	 "'\xef\xbc\x9a' (default Image Credits:, Image credit:, Image "
	 "source:, Photo credit(s):, Photo source:, Picture credit(s):, "
	 "Photo(s):, Photograph(s):, Image(s):, Credit(s):, Cover image:, "
	 "Cover photo:, Header image:, Featured image:, Illustration(s):, "
	 "Chinese and "
	 "Japanese ones, and with lang fr, es or de that language's, see "
	 "dm-credits(1))", NULL, read_prefixes},
	{"footer", DM_OPT_CUSTOM, 0, NULL, "TEXT | [TEXT, ...]",
	 "lines after the credits, e.g. a methodology link", NULL,
	 read_footers},
	{"figure-credits", DM_OPT_BOOL, FIELD(figure_credits), "false", NULL,
	 "a credit line in each credited figure's caption", NULL, NULL},
	{"stylesheet", DM_OPT_CUSTOM, 0, "true", "true | false | inline",
	 "add the HTML stylesheet to header-includes; inline: at the top of "
	 "the body instead, where a fragment (no -s) carries it", NULL,
	 read_stylesheet},
	{"unsplash-utm-source", DM_OPT_STRING, FIELD(utm_source), "dmfilters",
	 NULL, "utm_source of links to Unsplash; empty for no "
	 "referral parameters", NULL, NULL},
	{"unsplash-utm-medium", DM_OPT_STRING, FIELD(utm_medium), "referral",
	 NULL, "utm_medium of links to Unsplash", NULL, NULL},
	{"words", DM_OPT_CUSTOM, 0, NULL, "KEY: TEXT",
	 "the words of credits written from image attributes and metadata, "
	 "KEY by, on, from, photo or image (default by, on, from, Photo, "
	 "Image; with lang fr, es or de that language's)", NULL, read_words},
	{NULL, DM_OPT_BOOL, 0, NULL, NULL, NULL, NULL, NULL},
};

dmf_credits *dmf_credits_open(dm_ctx *ctx)
{
	dmf_credits *cr = calloc(1, sizeof *cr);

	if (cr == NULL) {
		dm_nomem(ctx->err);
		return NULL;
	}
	if ((cr->lang = cr_lang_of(ctx->doc, ctx->err)) == NULL ||
	    dm_options_read(ctx, CR_OPT, cr_options, cr) != 0 ||
	    default_title(cr, ctx->err) != 0 ||
	    cr_read_meta(ctx->doc, cr, ctx->err) != 0 ||
	    cr_section_names(cr, ctx->err) != 0) {
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
	dm_options_free(cr_options, cr);
	for (i = 0; i < cr->nprefixes; i++)
		free(cr->prefixes[i].text);
	free(cr->prefixes);
	json_decref(cr->footer);
	for (i = 0; i < NWORDS; i++)
		free(*(char **)(void *)((char *)cr + words[i].offset));
	cr_list_free(&cr->list);
	cr_list_free(&cr->meta);
	cr_list_free(&cr->pending);
	json_decref(cr->slot);
	json_decref(cr->extra);
	json_decref(cr->emptied);
	json_decref(cr->kept);
	json_decref(cr->taken);
	json_decref(cr->warned);
	json_decref(cr->out);
	cr_footer_marks_free(cr);
	cr_section_names_free(cr);
	free(cr);
}
