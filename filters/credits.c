/*
 * credits.c - dm-credits: image credits gathered into one credit footer.
 *
 * Credits come from credit lines ("Image Credits: Photo by Lan Lin on
 * Unsplash"), from the credit attributes of images, from the metadata keys
 * `credits` and `image-credit`, and from an earlier run's footer.  Each is
 * read into one `credit` (role, name, source, license, their URLs), or kept
 * as written when it does not parse.  In finish() they are put in order,
 * each once, and rendered as one footer for the output format where the
 * first `dm-credits` Div stands, or at the end of the document.
 *
 * The footer's semantic form is a Div of class dm-credits holding a title,
 * a bullet list of the credits and the footer lines; every rendering of it
 * is recognised again, and its list items are taken as they are, so a
 * second run changes nothing.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/render.h"
#include "../src/words.h"
#include "filters.h"

#define OPT "dm-credits"
#define CLASS "dm-credits"
#define DOCX_STYLE "DM Credits"
#define HTML_OPEN "<footer class=\"dm-credits\""
#define HTML_CLOSE "</footer>"
#define LATEX_OPEN "\\medskip\n\\begingroup\\footnotesize % dm-credits"
#define LATEX_CLOSE "\\par\\endgroup % dm-credits"
#define TYPST_OPEN "#block(above: 2em)[\n#set text(size: 0.85em)"
#define TYPST_CLOSE "] // dm-credits"
#define UNSPLASH "https://unsplash.com/"

/* Where a credit comes from: the order of the footer is this, then the
 * order in which the walk met it. */
enum rank { FROM_FOOTER, FROM_META, FROM_BODY };

typedef struct credit {
	json_t *role;       /* inlines ("Photo"), or NULL */
	json_t *name;       /* inlines, or NULL for a source alone */
	json_t *source;     /* inlines, or NULL */
	json_t *license;    /* inlines, or NULL */
	char *url, *source_url, *license_url;
	char *by, *conn;    /* the words before name and source, as
	                       written: "by", "on", "/"; NULL: default */
	char *image;        /* metadata `image`: the file it credits */
	json_t *raw;        /* a line that does not parse, as written */
	json_t *blocks;     /* an item of an earlier footer, kept as it is */
	int rank;
	size_t seq;
	bool placed;        /* a metadata credit met at its image */
} credit;

/* A run's options and what it has met; dm-check holds one as well. */
typedef struct dmf_credits {
	char **prefixes;
	size_t nprefixes;
	bool first[256];    /* the first bytes of the prefixes, folded */
	json_t *title;      /* inlines */
	json_t *footer;     /* blocks */
	bool figure_credits, stylesheet;
	char *utm_source, *utm_medium;
	char *w_by, *w_on, *w_from, *w_photo, *w_image;
	credit *list;       /* the credits met, in order */
	size_t n, cap;
	credit *meta;       /* metadata credits, placed at images or first */
	size_t nmeta;
	json_t *slot;       /* the Div or RawBlock the footer replaces */
	json_t *extra;      /* further placeholders, removed */
	json_t *emptied;    /* divs and quotes that lost a credit line */
	json_t *out;        /* the footer, rendered */
} state;

static const char *const defaults[] = { /* the credit prefixes */
	"Image Credits:", "Image credit:", "Photo credits:", "Photo credit:",
	"Photo:", "Credits:", "Credit:",
};

static const char options_help[] =
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

static int nomem(dm_ctx *ctx)
{
	return dm_error_set(ctx->err, DM_ENOMEM, NULL, "out of memory");
}

static void credit_free(credit *c)
{
	json_decref(c->role);
	json_decref(c->name);
	json_decref(c->source);
	json_decref(c->license);
	json_decref(c->raw);
	json_decref(c->blocks);
	free(c->url);
	free(c->source_url);
	free(c->license_url);
	free(c->by);
	free(c->conn);
	free(c->image);
	memset(c, 0, sizeof *c);
}

/* Appends *c (taken over) to the list. */
static int add_credit(dm_ctx *ctx, credit *c)
{
	state *st = ctx->state;

	if (st->n == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 16;
		credit *l = realloc(st->list, cap * sizeof *l);
		if (l == NULL) {
			credit_free(c);
			return nomem(ctx);
		}
		st->list = l;
		st->cap = cap;
	}
	c->seq = st->n;
	st->list[st->n++] = *c;
	memset(c, 0, sizeof *c);
	return 0;
}

/* ------------------------------------------------------------------------
 * Reading a credit line: "Photo by NAME on SOURCE (LICENSE)", "NAME /
 * SOURCE", several separated by ';'.
 * ------------------------------------------------------------------------ */

static bool word_in(const state *st, const json_t *w, bool source_word)
{
	if (!source_word)
		return dm_word_is(w, "by") || dm_word_is(w, st->w_by);
	return dm_word_is(w, "on") || dm_word_is(w, "via") ||
	       dm_word_is(w, "from") || dm_word_is(w, st->w_on) ||
	       dm_word_is(w, st->w_from);
}

/* The text of a word, for a look at its first and last characters. */
static char *word_text(const json_t *w)
{
	return json_is_string(w) ? strdup(json_string_value(w))
	                         : dm_stringify(w);
}

/* Moves a lone Link's target into *url and its text into the list. */
static int take_link(json_t **inlines, char **url)
{
	json_t *l = json_array_get(*inlines, 0), *text;

	if (json_array_size(*inlines) != 1 || !dm_is(l, "Link"))
		return 0;
	text = json_incref(dm_field(l, 1));
	free(*url);
	*url = strdup(json_string_value(json_array_get(dm_field(l, 2), 0)));
	json_decref(*inlines);
	*inlines = text;
	return *url ? 0 : -1;
}

/* Parses words[a..b) as one credit.  1 when it parses, 0 when it does not,
 * -1 when out of memory. */
static int parse_words(const state *st, const json_t *words, size_t a,
                       size_t b, credit *c)
{
	size_t i, k, n = b, by = b, conn = b;
	char *t = NULL;

	/* "(LICENSE)" at the end */
	if (n - a >= 3 && (t = word_text(json_array_get(words, n - 1))) &&
	    t[0] && t[strlen(t) - 1] == ')') {
		for (i = n - 1; i > a + 1; i--) {
			char *u = word_text(json_array_get(words, i));
			bool open = u && u[0] == '(';
			free(u);
			if (open)
				break;
		}
		if (i > a + 1) {
			c->license = dm_words_join(words, i, n);
			if (c->license == NULL ||
			    dm_inlines_trim(c->license, "(", false) < 0 ||
			    dm_inlines_trim(c->license, ")", true) < 0) {
				free(t);
				return -1;
			}
			n = i;
		}
	}
	free(t);
	for (i = a; i < n && i <= a + 4; i++)
		if (word_in(st, json_array_get(words, i), false)) {
			by = i;
			break;
		}
	if (by < n) {
		for (i = a; i < by; i++) { /* the role: plain words only */
			const json_t *w = json_array_get(words, i);
			if (json_array_size(w) != 1 ||
			    !dm_is(json_array_get(w, 0), "Str"))
				return 0;
		}
		for (k = by + 2; k + 1 < n; k++) /* the last of them */
			if (word_in(st, json_array_get(words, k), true))
				conn = k;
		if (by + 1 >= n)
			return 0;
		/* An empty role still records the "by" ("by NAME"). */
		if ((c->role = dm_words_join(words, a, by)) == NULL ||
		    (c->by = word_text(json_array_get(words, by))) == NULL)
			return -1;
		i = by + 1;
	} else {
		for (k = a + 1; k + 1 < n; k++)
			if (dm_word_is(json_array_get(words, k), "/")) {
				conn = k;
				break;
			}
		if (conn == b)
			return 0;
		i = a;
	}
	c->name = dm_words_join(words, i, conn < n ? conn : n);
	if (c->name == NULL || take_link(&c->name, &c->url))
		return -1;
	if (conn < n) {
		c->source = dm_words_join(words, conn + 1, n);
		c->conn = word_text(json_array_get(words, conn));
		if (c->source == NULL || c->conn == NULL ||
		    take_link(&c->source, &c->source_url))
			return -1;
	}
	if (c->license && take_link(&c->license, &c->license_url))
		return -1;
	return 1;
}

/*
 * Parses one credit from `inlines` (a line without its prefix, or a list
 * item): trailing periods go, then parse_words().  Returns 1, 0 when it
 * does not parse (*c then holds nothing), or -1.
 */
static int parse_one(const state *st, const json_t *inlines, credit *c)
{
	json_t *copy = json_deep_copy(inlines), *words;
	int rc;

	if (copy == NULL || dm_inlines_trim(copy, ".", true) < 0) {
		json_decref(copy);
		return -1;
	}
	words = dm_inlines_words(copy, 0, "");
	json_decref(copy);
	if (words == NULL)
		return -1;
	rc = json_array_size(words) ? parse_words(st, words, 0,
	                                          json_array_size(words), c)
	                            : 0;
	json_decref(words);
	if (rc <= 0)
		credit_free(c);
	return rc;
}

/* Every credit of a line (inlines from `from` on), each parsed or kept as
 * written, added with rank `rank`.  Returns how many, or -1. */
static int parse_line(dm_ctx *ctx, const json_t *inlines, size_t from,
                      int rank)
{
	json_t *words = dm_inlines_words(inlines, from, ";");
	size_t a = 0, b, n = json_array_size(words);
	int count = 0;

	if (words == NULL)
		return nomem(ctx);
	for (a = 0; a < n; a = b + 1) {
		credit c = {0};
		json_t *seg;
		int rc;
		for (b = a; b < n && !json_is_string(json_array_get(words, b));
		     b++)
			;
		if (b == a)
			continue;
		if ((seg = dm_words_join(words, a, b)) == NULL)
			goto fail;
		rc = parse_one(ctx->state, seg, &c);
		if (rc == 0)
			c.raw = json_incref(seg);
		json_decref(seg);
		c.rank = rank;
		if (rc < 0 || add_credit(ctx, &c) != 0)
			goto fail;
		count++;
	}
	json_decref(words);
	return count;
fail:
	json_decref(words);
	return nomem(ctx);
}

static bool unsplash_url(const char *url)
{
	size_t n;

	if (url == NULL)
		return false;
	if (strncmp(url, "https://", 8) == 0)
		url += 8;
	else if (strncmp(url, "http://", 7) == 0)
		url += 7;
	else
		return false;
	if (strncasecmp(url, "www.", 4) == 0)
		url += 4;
	n = strlen("unsplash.com");
	return strncasecmp(url, "unsplash.com", n) == 0 &&
	       strchr("/?#", url[n]) != NULL; /* also the final NUL */
}

static bool is_unsplash(const credit *c)
{
	char *s = c->source ? dm_stringify(c->source) : NULL;
	char *f = s ? dm_text_fold(s) : NULL;
	bool u = f && (!strcmp(f, "unsplash") || !strcmp(f, "unsplash.com"));

	free(s);
	free(f);
	return u || unsplash_url(c->source_url);
}

/*
 * A credit of Unsplash (a photographer's URL there says so) is a photo:
 * credits from attributes and metadata say so as the guideline does.
 */
static int unsplash_defaults(const state *st, credit *c)
{
	if (c->source == NULL && unsplash_url(c->url) &&
	    (c->source = dm_text("Unsplash")) == NULL)
		return -1;
	if (c->role == NULL && is_unsplash(c) &&
	    (c->role = dm_text(st->w_photo)) == NULL)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Options and metadata
 * ------------------------------------------------------------------------ */

static const char *kind_of(const json_t *v)
{
	if (dm_is(v, "MetaMap"))
		return "a map";
	if (dm_is(v, "MetaList"))
		return "a list";
	if (dm_is(v, "MetaBool"))
		return "a boolean";
	return "text";
}

/* Calls fn for an option's value, or for each item when it is a list. */
static int each_item(dm_ctx *ctx, const char *key,
                     int (*fn)(dm_ctx *, const json_t *, const char *))
{
	char where[256], at[300];
	json_t *v = dm_option(ctx->doc, OPT, key, where, sizeof where);
	size_t i;

	if (v == NULL)
		return 0;
	if (!dm_is(v, "MetaList"))
		return fn(ctx, v, where);
	for (i = 0; i < json_array_size(dm_content(v)); i++) {
		snprintf(at, sizeof at, "%s[%zu]", where, i);
		if (fn(ctx, json_array_get(dm_content(v), i), at) != 0)
			return -1;
	}
	return 0;
}

/* The first byte of `s` past white space, ASCII letters in lower case. */
static unsigned char fold_byte(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return (unsigned char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
}

/* Whether a paragraph cannot open with a prefix, told by its first
 * byte: most paragraphs are dismissed without a closer look. */
static bool cannot_open(const state *st, const json_t *inlines)
{
	const json_t *in = json_array_get(inlines, 0);

	while (dm_is(in, "Strong") || dm_is(in, "Emph"))
		in = json_array_get(dm_content(in), 0);
	return dm_is(in, "Str") &&
	       !st->first[fold_byte(json_string_value(dm_content(in)))];
}

/*
 * Where the credits of a line start: the index in *inlines after its
 * prefix, or 0 when it opens with none.  A line wholly in bold or italics
 * ("*Image credits: ...*") is read inside: *inlines moves there.
 */
static size_t line_start(const state *st, const json_t **inlines)
{
	const json_t *in = *inlines, *only = json_array_get(in, 0);
	size_t i = 0, p;

	while (json_array_size(in) == 1 &&
	       (dm_is(only, "Strong") || dm_is(only, "Emph"))) {
		in = dm_content(only);
		only = json_array_get(in, 0);
	}
	if (cannot_open(st, in))
		return 0;
	for (p = 0; p < st->nprefixes && i == 0; p++)
		i = dm_inlines_match_phrase(in, st->prefixes[p]);
	*inlines = in;
	return i;
}

static int add_prefix(dm_ctx *ctx, const char *text)
{
	state *st = ctx->state;
	char **p = realloc(st->prefixes, (st->nprefixes + 1) * sizeof *p);

	if (p == NULL)
		return nomem(ctx);
	st->prefixes = p;
	if ((p[st->nprefixes] = strdup(text)) == NULL)
		return nomem(ctx);
	st->nprefixes++;
	st->first[fold_byte(text)] = true;
	return 0;
}

static int read_prefix(dm_ctx *ctx, const json_t *v, const char *where)
{
	char *text = NULL;
	int rc;

	if (dm_is(v, "MetaMap") || dm_is(v, "MetaList") ||
	    dm_is(v, "MetaBool"))
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "a prefix must be text, found %s",
		                    kind_of(v));
	if (dm_meta_string(v, where, &text, ctx->err) < 0)
		return -1;
	rc = text[0] ? add_prefix(ctx, text)
	             : dm_error_set(ctx->err, DM_EOPTION, where,
	                            "a prefix must not be empty");
	free(text);
	return rc;
}

static int read_footer(dm_ctx *ctx, const json_t *v, const char *where)
{
	state *st = ctx->state;
	json_t *blocks = NULL;
	int rc;

	if (dm_meta_blocks(v, where, &blocks, ctx->err) < 0)
		return -1;
	rc = json_array_extend(st->footer, blocks);
	json_decref(blocks);
	return rc ? nomem(ctx) : 0;
}

/* A text option with a default: 0 or -1. */
static int text_option(dm_ctx *ctx, const char *key, const char *def,
                       char **out)
{
	if (dm_option_string(ctx->doc, OPT, key, out, ctx->err) < 0)
		return -1;
	if (*out == NULL && (*out = strdup(def)) == NULL)
		return nomem(ctx);
	return 0;
}

/* A URL from metadata: a lone link's target, else the plain text. */
static int meta_url(dm_ctx *ctx, const json_t *v, const char *where,
                    char **out)
{
	const json_t *l = json_array_get(dm_content(v), 0);

	if (dm_is(v, "MetaInlines") && json_array_size(dm_content(v)) == 1 &&
	    dm_is(l, "Link")) {
		*out = strdup(json_string_value(
		        json_array_get(dm_field(l, 2), 0)));
		return *out ? 0 : nomem(ctx);
	}
	return dm_meta_string(v, where, out, ctx->err) < 0 ? -1 : 0;
}

/* One credit from a metadata map; `where` names it. */
static int map_credit(dm_ctx *ctx, const json_t *map, const char *where,
                      credit *c)
{
	static const char *const keys[] = {
		"name", "url", "source", "source-url", "license",
		"license-url", "role", "image"};
	const char *key;
	json_t *v;
	char at[300];
	size_t i;
	int rc = 0;

	json_object_foreach((json_t *)dm_content(map), key, v) {
		for (i = 0; i < sizeof keys / sizeof *keys; i++)
			if (strcmp(key, keys[i]) == 0)
				break;
		snprintf(at, sizeof at, "%s.%s", where, key);
		switch (i) {
		case 0: rc = dm_meta_inlines(v, at, &c->name, ctx->err); break;
		case 1: rc = meta_url(ctx, v, at, &c->url); break;
		case 2: rc = dm_meta_inlines(v, at, &c->source, ctx->err);
			break;
		case 3: rc = meta_url(ctx, v, at, &c->source_url); break;
		case 4: rc = dm_meta_inlines(v, at, &c->license, ctx->err);
			break;
		case 5: rc = meta_url(ctx, v, at, &c->license_url); break;
		case 6: rc = dm_meta_inlines(v, at, &c->role, ctx->err); break;
		case 7: rc = dm_meta_string(v, at, &c->image, ctx->err); break;
		default:
			return dm_error_set(
			        ctx->err, DM_EOPTION, at,
			        "unknown key \"%s\" in a credit (name, url, "
			        "source, source-url, license, license-url, "
			        "role, image)", key);
		}
		if (rc < 0)
			return -1;
	}
	if (c->name == NULL || json_array_size(c->name) == 0)
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "a credit needs a name");
	if (take_link(&c->name, &c->url) ||
	    take_link(&c->source, &c->source_url) ||
	    take_link(&c->license, &c->license_url))
		return nomem(ctx);
	return 0;
}

/* One metadata credit (text or map) into st->meta. */
static int meta_credit(dm_ctx *ctx, const json_t *v, const char *where)
{
	state *st = ctx->state;
	credit c = {0}, *m;
	json_t *inlines = NULL;
	const json_t *line;
	size_t first = st->n, i;
	int rc;

	if (dm_is(v, "MetaMap")) {
		if (map_credit(ctx, v, where, &c) != 0 ||
		    (unsplash_defaults(st, &c) != 0 && nomem(ctx))) {
			credit_free(&c);
			return -1;
		}
		c.rank = FROM_META;
		if (add_credit(ctx, &c) != 0)
			return -1;
	} else if (dm_is(v, "MetaList") || dm_is(v, "MetaBool")) {
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "expected a credit (text, or a map with a "
		                    "name), found %s", kind_of(v));
	} else {
		if (dm_meta_inlines(v, where, &inlines, ctx->err) < 0)
			return -1;
		line = inlines;
		i = line_start(st, &line);
		rc = parse_line(ctx, i ? line : inlines, i, FROM_META);
		json_decref(inlines);
		if (rc < 0)
			return -1;
	}
	/* Metadata credits wait in st->meta until an image places them. */
	m = realloc(st->meta, (st->nmeta + st->n - first) * sizeof *m);
	if (m == NULL)
		return nomem(ctx);
	st->meta = m;
	for (i = first; i < st->n; i++)
		st->meta[st->nmeta++] = st->list[i];
	st->n = first;
	return 0;
}

/* `key:` with nothing after it in YAML: MetaString "" (or MetaBlocks [],
 * MetaInlines []), taken as absent. */
static bool empty(const json_t *v)
{
	const json_t *c = dm_content(v);

	return (dm_is(v, "MetaString") && !strcmp(json_string_value(c), "")) ||
	       ((dm_is(v, "MetaInlines") || dm_is(v, "MetaBlocks")) &&
	        json_array_size(c) == 0);
}

static int read_meta(dm_ctx *ctx)
{
	json_t *v = dm_meta_get(ctx->doc, "image-credit");
	char at[64];
	size_t i;

	if (v != NULL && !empty(v) &&
	    meta_credit(ctx, v, "meta.image-credit") != 0)
		return -1;
	if ((v = dm_meta_get(ctx->doc, "credits")) == NULL || empty(v))
		return 0;
	if (!dm_is(v, "MetaList"))
		return dm_error_set(ctx->err, DM_EOPTION, "meta.credits",
		                    "credits must be a list, found %s",
		                    kind_of(v));
	for (i = 0; i < json_array_size(dm_content(v)); i++) {
		snprintf(at, sizeof at, "meta.credits[%zu]", i);
		if (meta_credit(ctx, json_array_get(dm_content(v), i), at))
			return -1;
	}
	return 0;
}

static int start(dm_ctx *ctx)
{
	static const char *const known[] = {
		"title", "prefixes", "footer", "figure-credits", "stylesheet",
		"unsplash-utm-source", "unsplash-utm-medium", "words", NULL};
	state *st;
	size_t i;


	if (dm_options_check(ctx->doc, OPT, known, ctx->err) != 0)
		return -1;
	if ((st = calloc(1, sizeof *st)) == NULL)
		return nomem(ctx);
	ctx->state = st;
	st->stylesheet = true;
	if ((st->extra = json_array()) == NULL ||
	    (st->emptied = json_array()) == NULL)
		return nomem(ctx);
	if (dm_option_inlines(ctx->doc, OPT, "title", &st->title,
	                      ctx->err) < 0)
		return -1;
	if (st->title == NULL && (st->title = dm_text("Credits")) == NULL)
		return nomem(ctx);
	if (dm_option(ctx->doc, OPT, "prefixes", NULL, 0) == NULL) {
		for (i = 0; i < sizeof defaults / sizeof *defaults; i++)
			if (add_prefix(ctx, defaults[i]) != 0)
				return -1;
	} else if (each_item(ctx, "prefixes", read_prefix) != 0) {
		return -1;
	}
	if ((st->footer = json_array()) == NULL)
		return nomem(ctx);
	if (each_item(ctx, "footer", read_footer) ||
	    dm_option_bool(ctx->doc, OPT, "figure-credits",
	                   &st->figure_credits, ctx->err) < 0 ||
	    dm_option_bool(ctx->doc, OPT, "stylesheet", &st->stylesheet,
	                   ctx->err) < 0 ||
	    text_option(ctx, "unsplash-utm-source", "dmfilters",
	                &st->utm_source) ||
	    text_option(ctx, "unsplash-utm-medium", "referral",
	                &st->utm_medium) ||
	    text_option(ctx, "words.by", "by", &st->w_by) ||
	    text_option(ctx, "words.on", "on", &st->w_on) ||
	    text_option(ctx, "words.from", "from", &st->w_from) ||
	    text_option(ctx, "words.photo", "Photo", &st->w_photo) ||
	    text_option(ctx, "words.image", "Image", &st->w_image))
		return -1;
	return read_meta(ctx);
}

static void release_state(state *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->nprefixes; i++)
		free(st->prefixes[i]);
	free(st->prefixes);
	for (i = 0; i < st->n; i++)
		credit_free(&st->list[i]);
	for (i = 0; i < st->nmeta; i++)
		credit_free(&st->meta[i]);
	free(st->list);
	free(st->meta);
	json_decref(st->title);
	json_decref(st->footer);
	json_decref(st->slot);
	json_decref(st->extra);
	json_decref(st->emptied);
	json_decref(st->out);
	free(st->utm_source);
	free(st->utm_medium);
	free(st->w_by);
	free(st->w_on);
	free(st->w_from);
	free(st->w_photo);
	free(st->w_image);
	free(st);
}

static void release(dm_ctx *ctx)
{
	release_state(ctx->state);
}

/* ------------------------------------------------------------------------
 * Writing a credit
 * ------------------------------------------------------------------------ */

/* `url` with Unsplash's referral parameters when it points to Unsplash and
 * has none yet.  Returns a new string, or NULL when out of memory. */
static char *referral(const state *st, const char *url)
{
	const char *params[] = {"utm_source", st->utm_source, "utm_medium",
	                        st->utm_medium};

	if (!unsplash_url(url) || !st->utm_source[0] ||
	    strstr(url, "utm_source=") != NULL)
		return strdup(url);
	return dm_url_add_params(url, params, 2);
}

/* Appends copies of `inlines` to `out`, inside a link to `url` (with the
 * referral when it is Unsplash's) unless `url` is NULL or they hold one. */
static int add_linked(const state *st, json_t *out, const json_t *inlines,
                      const char *url)
{
	json_t *copy = json_deep_copy(inlines);
	char *u;
	int rc;

	if (copy == NULL)
		return -1;
	if (url == NULL || !url[0] || dm_inlines_have_link(inlines)) {
		rc = json_array_extend(out, copy);
		json_decref(copy);
		return rc;
	}
	if ((u = referral(st, url)) == NULL) {
		json_decref(copy);
		return -1;
	}
	rc = dm_append(out, dm_link(dm_attr(NULL), copy, u, NULL));
	free(u);
	return rc;
}

/* Appends Space, the word `w`, Space. */
static int add_word(json_t *out, const char *w)
{
	return dm_append(out, dm_space()) || dm_append(out, dm_str(w)) ||
	       dm_append(out, dm_space());
}

/* Appends copies of `role` with `suffix` joined to its last word. */
static int add_role(json_t *out, const json_t *role, const char *suffix)
{
	const json_t *last = json_array_get(role, json_array_size(role) - 1);
	size_t i, n = json_array_size(role);
	dm_buf b = {0};
	int rc;

	if (n == 0 || !dm_is(last, "Str"))
		return dm_append(out, dm_str(suffix));
	for (i = 0; i + 1 < n; i++)
		if (dm_append(out, json_deep_copy(json_array_get(role, i))))
			return -1;
	rc = dm_buf_puts(&b, json_string_value(dm_content(last))) ||
	     dm_buf_puts(&b, suffix) || dm_append(out, dm_str(b.data));
	dm_buf_free(&b);
	return rc;
}

/* Appends deep copies of the nodes of `list` to `out`. */
static int add_copies(json_t *out, const json_t *list)
{
	json_t *copy = json_deep_copy(list);
	int rc = copy ? json_array_extend(out, copy) : -1;

	json_decref(copy);
	return rc;
}

static const char *source_url(const credit *c)
{
	return c->source_url ? c->source_url
	                     : is_unsplash(c) ? UNSPLASH : NULL;
}

/* "ROLE by NAME on SOURCE (LICENSE)", each part there when known, the
 * words as written or else the configured ones. */
static int write_line(const state *st, const credit *c, json_t *out)
{
	size_t nrole = json_array_size(c->role);
	const char *conn = c->conn;

	if (conn == NULL)
		conn = !c->role ? "/" : is_unsplash(c) ? st->w_on : st->w_from;
	if (c->role && add_copies(out, c->role))
		return -1;
	if (c->role && c->name &&
	    ((nrole && dm_append(out, dm_space())) ||
	     dm_append(out, dm_str(c->by ? c->by : st->w_by)) ||
	     dm_append(out, dm_space())))
		return -1;
	if (c->name && add_linked(st, out, c->name, c->url))
		return -1;
	if (c->source && (((nrole || c->name) && add_word(out, conn)) ||
	                  add_linked(st, out, c->source, source_url(c))))
		return -1;
	if (c->license && (dm_append(out, dm_space()) ||
	                   dm_append(out, dm_str("(")) ||
	                   add_linked(st, out, c->license, c->license_url) ||
	                   dm_append(out, dm_str(")"))))
		return -1;
	return 0;
}

/* "Photo: NAME / SOURCE", for a figure's caption. */
static int write_caption(const state *st, const credit *c, json_t *out)
{
	json_t *def = NULL;
	int rc;

	if (json_array_size(c->role) == 0 &&
	    (def = dm_text(is_unsplash(c) ? st->w_photo : st->w_image)) ==
	            NULL)
		return -1;
	rc = add_role(out, def ? def : c->role, ":") ||
	     dm_append(out, dm_space()) ||
	     (c->name && add_linked(st, out, c->name, c->url)) ||
	     (c->name && c->source && add_word(out, "/")) ||
	     (c->source && add_linked(st, out, c->source, source_url(c)));
	json_decref(def);
	return rc;
}

/* A credit as inlines, for the footer or a caption.  Returns a new array,
 * or NULL when out of memory. */
static json_t *write_credit(const state *st, const credit *c, bool caption)
{
	json_t *out = json_array();
	int rc;

	if (out == NULL)
		return NULL;
	if (c->raw)
		rc = add_copies(out, c->raw);
	else
		rc = caption ? write_caption(st, c, out)
		             : write_line(st, c, out);
	if (rc) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* The credit an image's attributes give, or none (0); 1 or -1. */
static int image_credit(const state *st, const json_t *image, credit *c)
{
	const json_t *attr = dm_node_attr(image);
	const char *name = dm_attr_get(attr, "credit");
	const char *source = dm_attr_get(attr, "source");
	const char *v;
	json_t *text;
	int rc = 0;

	if ((name == NULL || !name[0]) && (source == NULL || !source[0]))
		return 0;
	/* A whole line in `credit` ("Photo by Ana Ruiz on Unsplash"). */
	if (name && (source == NULL || !source[0])) {
		if ((text = dm_text(name)) == NULL)
			return -1;
		rc = parse_one(st, text, c);
		json_decref(text);
		if (rc < 0)
			return -1;
	}
	if (rc == 0) {
		if ((name && name[0] && (c->name = dm_text(name)) == NULL) ||
		    (source && source[0] &&
		     (c->source = dm_text(source)) == NULL))
			return -1;
	}
	if ((v = dm_attr_get(attr, "credit-url")) && !c->url &&
	    (c->url = strdup(v)) == NULL)
		return -1;
	if ((v = dm_attr_get(attr, "source-url")) && !c->source_url &&
	    (c->source_url = strdup(v)) == NULL)
		return -1;
	if ((v = dm_attr_get(attr, "license")) && v[0] && !c->license &&
	    (c->license = dm_text(v)) == NULL)
		return -1;
	if ((v = dm_attr_get(attr, "license-url")) && !c->license_url &&
	    (c->license_url = strdup(v)) == NULL)
		return -1;
	if (rc == 0 && (unsplash_defaults(st, c) != 0 ||
	                (c->role == NULL &&
	                 (c->role = dm_text(st->w_image)) == NULL)))
		return -1;
	return 1;
}

/* The metadata credit for image file `src`, or NULL. */
static credit *meta_for(state *st, const char *src, bool unplaced)
{
	size_t i, n, m = strlen(src);

	for (i = 0; i < st->nmeta; i++) {
		const char *im = st->meta[i].image;
		if (im == NULL || (unplaced && st->meta[i].placed))
			continue;
		n = strlen(im);
		if (strcmp(im, src) == 0 ||
		    (m > n && src[m - n - 1] == '/' &&
		     strcmp(src + m - n, im) == 0))
			return &st->meta[i];
	}
	return NULL;
}

static const char *image_src(const json_t *image)
{
	const char *s = json_string_value(json_array_get(dm_field(image, 2),
	                                                 0));
	return s ? s : "";
}

/* ------------------------------------------------------------------------
 * The walk: collect credits, find the footer's place
 * ------------------------------------------------------------------------ */

/* The items of an earlier footer's list, kept as they are; parsed only for
 * the name and source that tell duplicates apart. */
static int take_footer(dm_ctx *ctx, const json_t *div)
{
	const json_t *blocks = dm_node_blocks(div), *list = NULL;
	size_t i;

	for (i = 0; i < json_array_size(blocks) && list == NULL; i++)
		if (dm_is(json_array_get(blocks, i), "BulletList"))
			list = dm_content(json_array_get(blocks, i));
	for (i = 0; i < json_array_size(list); i++) {
		const json_t *item = json_array_get(list, i);
		const json_t *b = json_array_get(item, 0);
		credit c = {0};
		if (json_array_size(item) == 1 &&
		    (dm_is(b, "Plain") || dm_is(b, "Para")) &&
		    parse_one(ctx->state, dm_content(b), &c) < 0)
			return nomem(ctx);
		c.rank = FROM_FOOTER;
		if ((c.blocks = json_deep_copy(item)) == NULL) {
			credit_free(&c);
			return nomem(ctx);
		}
		if (add_credit(ctx, &c) != 0)
			return -1;
	}
	return 0;
}

static bool has_list(const json_t *list, size_t a, size_t b)
{
	for (; a <= b && a < json_array_size(list); a++)
		if (dm_is(json_array_get(list, a), "BulletList"))
			return true;
	return false;
}

/* Whether `b` is a Para holding only the title in bold. */
static bool is_title(const state *st, const json_t *b)
{
	const json_t *in = dm_content(b);
	char *t, *want, *ft, *fw;
	bool eq;

	if (!dm_is(b, "Para") || json_array_size(in) != 1 ||
	    !dm_is(json_array_get(in, 0), "Strong"))
		return false;
	t = dm_stringify(in);
	want = dm_stringify(st->title);
	ft = t ? dm_text_fold(t) : NULL;
	fw = want ? dm_text_fold(want) : NULL;
	eq = ft && fw && strcmp(ft, fw) == 0;
	free(t);
	free(want);
	free(ft);
	free(fw);
	return eq;
}

/*
 * A footer rendered by an earlier run in `list` becomes a Div of class
 * dm-credits again, which on_block() then reads: the raw wrappings of
 * HTML, LaTeX and typst, and for plain writers a rule, the bold title, the
 * list and the footer lines.
 */
static dm_walk_result on_list(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	static const char *const wraps[][3] = {
		{"html", HTML_OPEN, HTML_CLOSE},
		{"latex", LATEX_OPEN, LATEX_CLOSE},
		{"typst", TYPST_OPEN, TYPST_CLOSE},
	};
	state *st = ctx->state;
	size_t i, j, k, end;
	bool raw = false, rule = false;
	long s;

	(void)w;
	for (i = 0; i < json_array_size(list); i++) { /* the common case */
		const char *t = dm_tag(json_array_get(list, i));
		if (t && t[0] == 'R' && strcmp(t, "RawBlock") == 0)
			raw = true;
		else if (t && t[0] == 'H' && strcmp(t, "HorizontalRule") == 0)
			rule = true;
	}
	for (k = 0; raw && k < sizeof wraps / sizeof *wraps; k++)
		for (i = 0; (s = dm_render_find_raw(list, i, wraps[k][0],
		                                    wraps[k][1], wraps[k][2],
		                                    &end)) >= 0;) {
			i = (size_t)s + 1;
			if (has_list(list, i, end - 1) &&
			    !dm_render_gather(list, (size_t)s, end, true,
			                      CLASS))
				return nomem(ctx), DM_WALK_ERROR;
		}
	if (!rule || (ctx->family != DM_FMT_GFM &&
	              ctx->family != DM_FMT_OTHER &&
	              ctx->family != DM_FMT_CONTEXT))
		return DM_WALK_CONTINUE;
	for (i = 0; i + 1 < json_array_size(list); i++) {
		json_t *div;
		if (!dm_is(json_array_get(list, i), "HorizontalRule"))
			continue;
		j = i + 1;
		if (json_array_size(st->title) > 0 &&
		    !is_title(st, json_array_get(list, j++)))
			continue;
		if (!dm_is(json_array_get(list, j), "BulletList"))
			continue;
		for (k = 0; k < json_array_size(st->footer) &&
		            json_equal(json_array_get(list, j + 1 + k),
		                       json_array_get(st->footer, k));
		     k++)
			;
		div = dm_render_gather(list, i, j + k, false, CLASS);
		if (div == NULL)
			return nomem(ctx), DM_WALK_ERROR;
		json_array_remove(dm_node_blocks(div), 0); /* the rule */
	}
	return DM_WALK_CONTINUE;
}

/* The footer's place: the first placeholder; the others go. */
static int found_place(state *st, json_t *node)
{
	if (st->slot == NULL) {
		st->slot = json_incref(node);
		return 0;
	}
	return json_array_append(st->extra, node);
}

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
		if (!dm_is(a, "Div") && !dm_is(a, "BlockQuote"))
			return false;
	return true;
}

/* With figure-credits, the credit of a figure's image at the end of its
 * caption: "(Photo: NAME / SOURCE)". */
static int caption_credit(dm_ctx *ctx, json_t *fig, json_t *image)
{
	state *st = ctx->state;
	json_t *caption, *text, *span;
	credit c = {0}, *m = NULL;
	int rc;

	if ((rc = image_credit(st, image, &c)) < 0)
		goto nomem;
	if (rc == 0 && (m = meta_for(st, image_src(image), false)) == NULL)
		return 0;
	text = write_credit(st, m ? m : &c, true);
	credit_free(&c);
	if (text == NULL)
		return nomem(ctx);
	if ((caption = dm_figure_caption(fig)) == NULL)
		goto nomem_text;
	dm_inlines_remove_spans(caption, "dm-credit");
	if (json_array_size(caption) > 0 &&
	    (json_array_insert_new(text, 0, dm_str("(")) ||
	     dm_append(text, dm_str(")")) || dm_append(caption, dm_space())))
		goto nomem_text;
	span = dm_span(json_pack("[s[s][]]", "", "dm-credit"), text);
	return dm_append(caption, span) ? nomem(ctx) : 0;
nomem_text:
	json_decref(text);
nomem:
	credit_free(&c);
	return nomem(ctx);
}

static dm_walk_result on_block(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                               json_t *node, json_t **out)
{
	state *st = ctx->state;
	json_t *img, *up = dm_walk_ancestor(w, 0);
	const json_t *in;
	const char *t;
	size_t i;
	int n;

	if (ev == DM_EXIT) { /* a div or quote that held only credit lines */
		if (json_array_size(st->emptied) == 0 ||
		    (!dm_is(node, "Div") && !dm_is(node, "BlockQuote")))
			return DM_WALK_CONTINUE;
		for (i = 0; i < json_array_size(st->emptied); i++)
			if (json_array_get(st->emptied, i) == node)
				break;
		if (i == json_array_size(st->emptied) ||
		    json_array_size(dm_node_blocks(node)) > 0)
			return DM_WALK_CONTINUE;
		goto remove;
	}
	if ((t = dm_tag(node)) == NULL)
		return DM_WALK_CONTINUE;
	if (strcmp(t, "Div") == 0) {
		if (!dm_attr_has_class(dm_node_attr(node), CLASS))
			return DM_WALK_CONTINUE;
		if (found_place(st, node) || take_footer(ctx, node))
			return nomem(ctx), DM_WALK_ERROR;
		return DM_WALK_SKIP;
	}
	if (strcmp(t, "RawBlock") == 0)
		return is_placeholder(node) && found_place(st, node)
		               ? nomem(ctx), DM_WALK_ERROR
		               : DM_WALK_CONTINUE;
	if (st->figure_credits && (img = dm_figure_image(node)) != NULL &&
	    caption_credit(ctx, node, img) != 0)
		return DM_WALK_ERROR;
	if ((strcmp(t, "Para") != 0 && strcmp(t, "Plain") != 0) ||
	    !line_place(w))
		return DM_WALK_CONTINUE;
	in = dm_content(node);
	if ((i = line_start(st, &in)) == 0)
		return DM_WALK_CONTINUE;
	if ((n = parse_line(ctx, in, i, FROM_BODY)) < 0)
		return DM_WALK_ERROR;
	if (n == 0) /* the prefix alone */
		return DM_WALK_CONTINUE;
remove:
	if ((up && json_array_append(st->emptied, up) != 0) ||
	    (*out = json_array()) == NULL)
		return nomem(ctx), DM_WALK_ERROR;
	return DM_WALK_REPLACE;
}

static dm_walk_result on_inline(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                                json_t *node, json_t **out)
{
	state *st = ctx->state;
	credit c = {0}, *m;
	const char *t;
	int rc;

	(void)w;
	(void)out;
	if (ev != DM_ENTER || (t = dm_tag(node)) == NULL || t[0] != 'I' ||
	    strcmp(t, "Image") != 0)
		return DM_WALK_CONTINUE;
	if ((rc = image_credit(st, node, &c)) < 0) {
		credit_free(&c);
		return nomem(ctx), DM_WALK_ERROR;
	}
	c.rank = FROM_BODY;
	if (rc > 0 && add_credit(ctx, &c) != 0)
		return DM_WALK_ERROR;
	/* A metadata credit naming this image takes its place. */
	while ((m = meta_for(st, image_src(node), true)) != NULL) {
		c = *m;
		memset(m, 0, sizeof *m);
		m->placed = true;
		c.rank = FROM_BODY;
		if (add_credit(ctx, &c) != 0)
			return DM_WALK_ERROR;
	}
	return DM_WALK_CONTINUE;
}

/* ------------------------------------------------------------------------
 * The footer
 * ------------------------------------------------------------------------ */

static const char stylesheet[] =
	"<style>\n"
	".dm-credits{margin:3em 0 1em;padding-top:.75em;"
	"border-top:1px solid rgba(128,128,128,.45);font-size:.85em;"
	"line-height:1.45}\n"
	".dm-credits p,.dm-credits ul{margin:.35em 0}\n"
	".dm-credits ul{padding-left:0;list-style:none}\n"
	".dm-credits a{color:inherit}\n"
	"figcaption .dm-credit{display:block;font-size:.85em}\n"
	"@media print{.dm-credits{border-top-color:#888}}\n"
	"</style>";

static int by_rank(const void *a, const void *b)
{
	const credit *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The keys a credit is known by: "n:NAME|SOURCE" (same person and source,
 * same credit) and "t:TEXT" (its words as written); a NULL key is none. */
static int credit_keys(const state *st, const credit *c, char **k1,
                       char **k2)
{
	char *name = NULL, *src = NULL, *text = NULL;
	json_t *w = c->blocks ? NULL : write_credit(st, c, false);
	dm_buf b = {0};
	int rc = -1;

	*k1 = *k2 = NULL;
	if (!c->blocks && w == NULL)
		return -1;
	if ((c->name && (name = dm_stringify(c->name)) == NULL) ||
	    (c->source && (src = dm_stringify(c->source)) == NULL) ||
	    (text = dm_stringify(c->blocks ? c->blocks : w)) == NULL)
		goto out;
	if (c->name || c->source) {
		if (dm_buf_printf(&b, "n:%s\x1f%s", name ? name : "",
		                  src ? src : ""))
			goto out;
		*k1 = dm_text_fold(dm_buf_str(&b));
		dm_buf_free(&b);
		if (*k1 == NULL)
			goto out;
	}
	if (dm_buf_printf(&b, "t:%s", text) ||
	    (*k2 = dm_text_fold(dm_buf_str(&b))) == NULL)
		goto out;
	rc = 0;
out:
	if (rc) {
		free(*k1);
		*k1 = NULL;
	}
	json_decref(w);
	dm_buf_free(&b);
	free(name);
	free(src);
	free(text);
	return rc;
}

/* Fills what `into` lacks from its duplicate `from`. */
static int merge(credit *into, credit *from)
{
	char **s[] = {&into->url, &into->source_url, &into->license_url};
	char **f[] = {&from->url, &from->source_url, &from->license_url};
	size_t i;

	if (into->raw || into->blocks || from->raw || from->blocks)
		return 0;
	for (i = 0; i < 3; i++)
		if (*s[i] == NULL && *f[i] != NULL) {
			*s[i] = *f[i];
			*f[i] = NULL;
		}
	if (into->license == NULL && from->license != NULL) {
		into->license = from->license;
		from->license = NULL;
	}
	return 0;
}

/* Marks duplicates (rank -1), merging what they add into the first. */
static int dedupe(dm_ctx *ctx)
{
	state *st = ctx->state;
	json_t *seen = json_object();
	size_t i;

	if (seen == NULL)
		return nomem(ctx);
	for (i = 0; i < st->n; i++) {
		char *k1, *k2;
		json_t *a, *b;
		if (credit_keys(st, &st->list[i], &k1, &k2) != 0) {
			json_decref(seen);
			return nomem(ctx);
		}
		a = k1 ? json_object_get(seen, k1) : NULL;
		b = json_object_get(seen, k2);
		if (a || b) {
			merge(&st->list[json_integer_value(a ? a : b)],
			      &st->list[i]);
			st->list[i].rank = -1;
		} else if ((k1 && json_object_set_new(seen, k1,
		                                      json_integer((long)i))) ||
		           json_object_set_new(seen, k2,
		                               json_integer((long)i))) {
			free(k1);
			free(k2);
			json_decref(seen);
			return nomem(ctx);
		}
		free(k1);
		free(k2);
	}
	json_decref(seen);
	return 0;
}

/* The footer's semantic content: the title in bold, the list of credits,
 * the footer lines.  With `paras`, each credit is a Para (for docx and
 * odt, where a tight list's Plain would lose the custom style).  Returns a
 * new array, or NULL. */
static json_t *content(const state *st, bool paras)
{
	json_t *items = json_array(), *body = json_array(), *item;
	size_t i;

	if (items == NULL || body == NULL)
		goto fail;
	for (i = 0; i < st->n; i++) {
		const credit *c = &st->list[i];
		if (c->rank < 0)
			continue; /* a duplicate */
		item = c->blocks ? json_deep_copy(c->blocks)
		                 : json_pack("[o]", dm_plain(write_credit(
		                                            st, c, false)));
		if (item && paras && dm_is(json_array_get(item, 0), "Plain"))
			json_object_set_new(json_array_get(item, 0), "t",
			                    json_string("Para"));
		if (dm_append(items, item) != 0)
			goto fail;
	}
	if (json_array_size(st->title) > 0 &&
	    dm_append(body, dm_para(json_pack("[o]", dm_strong(
	                                    json_deep_copy(st->title))))))
		goto fail;
	if (dm_append(body, dm_bullet_list(items)) != 0) {
		json_decref(body);
		return NULL;
	}
	for (i = 0; i < json_array_size(st->footer); i++)
		if (dm_append(body, json_deep_copy(json_array_get(st->footer,
		                                                  i))) != 0) {
			json_decref(body);
			return NULL;
		}
	return body;
fail:
	json_decref(items);
	json_decref(body);
	return NULL;
}

/* The opening tag of the HTML footer: a group, so that a footer outside
 * any article or section is not taken for the page's contentinfo. */
static char *html_open(const state *st)
{
	char *label = dm_stringify(st->title);
	dm_buf b = {0};

	if (label == NULL ||
	    dm_buf_puts(&b, HTML_OPEN " role=\"group\"") ||
	    (label[0] && (dm_buf_puts(&b, " aria-label=\"") ||
	                  dm_html_escape(&b, label) ||
	                  dm_buf_putc(&b, '"'))) ||
	    dm_buf_putc(&b, '>')) {
		free(label);
		dm_buf_free(&b);
		return NULL;
	}
	free(label);
	return dm_buf_take(&b);
}

/* The footer for the output format: a new array of blocks, or NULL. */
static json_t *render(dm_ctx *ctx)
{
	json_t *body = content(ctx->state, ctx->family == DM_FMT_DOCX ||
	                                           ctx->family == DM_FMT_ODT);
	char *open;

	if (body == NULL)
		return NULL;
	switch (ctx->family) {
	case DM_FMT_HTML:
		if ((open = html_open(ctx->state)) == NULL) {
			json_decref(body);
			return NULL;
		}
		body = dm_render_wrap_raw(body, "html", open, HTML_CLOSE);
		free(open);
		return body;
	case DM_FMT_LATEX:
		return dm_render_wrap_raw(body, "latex", LATEX_OPEN,
		                          LATEX_CLOSE);
	case DM_FMT_TYPST:
		return dm_render_wrap_raw(body, "typst", TYPST_OPEN,
		                          TYPST_CLOSE);
	case DM_FMT_DOCX:
	case DM_FMT_ODT:
		return json_pack("[o]", dm_render_styled_div(CLASS, DOCX_STYLE,
		                                             body));
	case DM_FMT_MARKDOWN:
	case DM_FMT_JSON:
		return json_pack("[o]", dm_render_styled_div(CLASS, NULL,
		                                             body));
	default: /* plain blocks under a rule */
		if (json_array_insert_new(body, 0, dm_horizontal_rule())) {
			json_decref(body);
			return NULL;
		}
		return body;
	}
}

/* Puts the footer in the slot; drops the other placeholders. */
static dm_walk_result place(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	state *st = ctx->state;
	size_t i = 0, k;

	(void)w;
	while (i < json_array_size(list)) {
		json_t *b = json_array_get(list, i);
		bool extra = false;
		for (k = 0; k < json_array_size(st->extra); k++)
			extra = extra || json_array_get(st->extra, k) == b;
		if (b == st->slot) {
			json_array_remove(list, i);
			for (k = 0; k < json_array_size(st->out); k++)
				if (json_array_insert(
				            list, i + k,
				            json_array_get(st->out, k)) != 0)
					return nomem(ctx), DM_WALK_ERROR;
			i += k;
		} else if (extra) {
			json_array_remove(list, i);
		} else {
			i++;
		}
	}
	return DM_WALK_CONTINUE;
}

static int finish(dm_ctx *ctx)
{
	static const dm_visitor placer = {NULL, NULL, place, NULL, 0};
	state *st = ctx->state;
	size_t i;

	/* Metadata credits no image placed come first. */
	for (i = 0; i < st->nmeta; i++) {
		credit c = st->meta[i];
		if (st->meta[i].placed)
			continue;
		memset(&st->meta[i], 0, sizeof st->meta[i]);
		st->meta[i].placed = true;
		if (add_credit(ctx, &c) != 0)
			return -1;
	}
	if (st->n == 0)
		return 0; /* nothing to credit: the document stays as it was */
	qsort(st->list, st->n, sizeof *st->list, by_rank);
	if (dedupe(ctx) != 0)
		return -1;
	if ((st->out = render(ctx)) == NULL)
		return nomem(ctx);
	if (st->slot != NULL) {
		if (dm_walk_doc(ctx, &placer) != 0)
			return -1;
	} else if (json_array_extend(dm_doc_blocks(ctx->doc), st->out) != 0) {
		return nomem(ctx);
	}
	if (ctx->family == DM_FMT_HTML && st->stylesheet)
		return dm_meta_add_header_include(ctx->doc, "html", stylesheet,
		                                  ctx->err);
	return 0;
}

/* The filter's own start: text that +sourcepos split into one Span per
 * word is read whole first (dm-check reads a copy; see check.c). */
static int start_run(dm_ctx *ctx)
{
	if (dm_sourcepos(ctx->doc) && dm_sourcepos_unwrap(ctx))
		return -1;
	return start(ctx);
}

const dm_filter dm_credits_filter = {
	.name = "credits",
	.summary = "Image credits gathered into one credit footer",
	.options = options_help,
	.start = start_run,
	.visitor = {.block = on_block, .inline_ = on_inline,
	            .blocks = on_list},
	.finish = finish,
	.release = release,
};

/* ------------------------------------------------------------------------
 * For dm-check (filters.h): the same recognisers, without a run
 * ------------------------------------------------------------------------ */

dmf_credits *dmf_credits_open(dm_ctx *ctx)
{
	void *theirs = ctx->state;
	state *st;
	int rc = start(ctx);

	st = ctx->state;
	ctx->state = theirs;
	if (rc != 0) {
		release_state(st);
		return NULL;
	}
	return st;
}

void dmf_credits_close(dmf_credits *cr)
{
	release_state(cr);
}

int dmf_credits_line(dm_ctx *ctx, dmf_credits *cr, const json_t *b)
{
	const json_t *in = dm_content(b);
	void *theirs = ctx->state;
	size_t i, first = cr->n;
	int n, rc = 1;

	if ((!dm_is(b, "Para") && !dm_is(b, "Plain")) ||
	    (i = line_start(cr, &in)) == 0)
		return 0;
	ctx->state = cr;
	n = parse_line(ctx, in, i, FROM_BODY);
	ctx->state = theirs;
	if (n <= 0)
		return n; /* -1, or 0 for the prefix alone */
	for (i = first; i < cr->n; i++) {
		if (cr->list[i].raw)
			rc = 2;
		credit_free(&cr->list[i]);
	}
	cr->n = first;
	return rc;
}

bool dmf_credits_image(const json_t *image)
{
	const char *name = dm_attr_get(dm_node_attr(image), "credit");
	const char *source = dm_attr_get(dm_node_attr(image), "source");

	return (name && name[0]) || (source && source[0]);
}

bool dmf_credits_meta_image(const dmf_credits *cr, const char *src)
{
	return meta_for((state *)cr, src, false) != NULL;
}
