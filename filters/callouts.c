/*
 * callouts.c - dm-callouts: the Tension / Noise / Direct Message framing
 * statements, and note, tip, important, warning, caution and types of the
 * user's own, as callout boxes in every output format.
 *
 * Every source form is first read into one `callout` (type, title, body,
 * attributes), then rendered for the output format.  The semantic form is
 * a Div of classes `callout callout-TYPE` with a `title` attribute: it is
 * what json and markdown output get, and it is itself a source, so a
 * second run changes nothing.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/dm_md.h"
#include "filters.h"

#define OPT "dm-callouts"
#define MAX_TYPES 64

typedef struct ctype {
	char *name;   /* "direct-message": the class and alert name */
	char *label;  /* "Direct Message": the default title, user's words */
	json_t *title; /* the label as inlines (Markdown from pandoc -M) */
	char *style;  /* "DM Direct Message": the docx/odt style */
	char *icon;   /* shown before the title in HTML ("" for none) */
	dm_rgb colour;
	bool triad;   /* one of the three framing statements */
	bool alert;   /* one of GitHub's five alert types */
} ctype;

typedef enum look { LOOK_DEFAULT, LOOK_SIMPLE, LOOK_MINIMAL } appearance;

typedef struct dmf_callouts {
	ctype types[MAX_TYPES];
	size_t ntypes;
	bool stylesheet, collapse, icons, group, section;
	char *heading;  /* the heading of the Direct Message section */
	appearance look;
	bool rendered;  /* something was rendered: add the stylesheet */
	bool has_triad; /* the body holds the framing triad */
} state; /* the filter's state is the type registry and options */

typedef struct callout {
	const ctype *type;
	json_t *attr;  /* id, the user's other classes and attributes */
	json_t *title; /* inlines */
	json_t *body;  /* blocks */
	char *collapse; /* "true", "false", "open" or NULL: the default */
	char *icon;     /* NULL: the type's; "" or "false": none */
} callout;

static const struct {
	const char *name, *label, *colour, *icon;
	bool triad, alert;
} builtins[] = {
	{"tension", "Tension", "#c2410c", "\u26a1", true, false},
	{"noise", "Noise", "#6b7280", "\u224b", true, false},
	{"direct-message", "Direct Message", "#1d4ed8", "\u2709", true, false},
	{"note", "Note", "#0969da", "\u2139", false, true},
	{"tip", "Tip", "#1a7f37", "\u2726", false, true},
	{"important", "Important", "#8250df", "\u2757", false, true},
	{"warning", "Warning", "#9a6700", "\u26a0", false, true},
	{"caution", "Caution", "#cf222e", "\u26d4", false, true},
};

static const char options_help[] =
	"  labels.TYPE: TEXT     the title of TYPE's callouts (any language)\n"
	"  types.NAME: {label, colour, icon}\n"
	"                        a callout type of your own (NAME: a-z 0-9 -)\n"
	"  appearance: default | simple | minimal\n"
	"  collapse: BOOL        HTML callouts start collapsed (default false)\n"
	"  icons: BOOL           an icon before each HTML title (default true)\n"
	"  group: BOOL           the triad in one group (default true)\n"
	"  section: BOOL         the Direct Message section becomes a callout\n"
	"                        (default true)\n"
	"  section-heading: TEXT its heading (default \"The Direct Message\")\n"
	"  stylesheet: BOOL      add the HTML stylesheet and the LaTeX\n"
	"                        definitions to header-includes (default true)\n";

static dm_walk_result on_block(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                               json_t *node, json_t **out);
static dm_walk_result on_blocks(dm_ctx *ctx, const dm_walk *w,
                                json_t *list);

static const dm_visitor visitor = {on_block, NULL, on_blocks, NULL, 0};

/* ------------------------------------------------------------------------
 * Types and options
 * ------------------------------------------------------------------------ */

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	return d ? memcpy(d, s, n) : NULL;
}

static int nomem(dm_ctx *ctx)
{
	return dm_error_set(ctx->err, DM_ENOMEM, NULL, "out of memory");
}

/* Type names compare without ASCII case, '-', '_' or ' ': DIRECT_MESSAGE,
 * Direct Message and direct-message name one type. */
static bool same_name(const char *a, const char *b)
{
	for (;;) {
		while (*a == '-' || *a == '_' || *a == ' ')
			a++;
		while (*b == '-' || *b == '_' || *b == ' ')
			b++;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		if (*a == '\0')
			return true;
		a++, b++;
	}
}

static const ctype *find_type(const state *st, const char *name)
{
	size_t i;

	for (i = 0; i < st->ntypes; i++)
		if (same_name(st->types[i].name, name))
			return &st->types[i];
	return NULL;
}

static bool valid_name(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-'))
			return false;
	return true;
}

/* "direct-message" -> "DM Direct Message" */
static char *style_name(const char *name)
{
	dm_buf b = {0};
	bool start = true;

	dm_buf_puts(&b, "DM ");
	for (; *name; name++) {
		char c = *name == '-' ? ' ' : *name;
		if (start && c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		start = c == ' ';
		dm_buf_putc(&b, c);
	}
	return dm_buf_take(&b);
}

static ctype *add_type(dm_ctx *ctx, state *st, const char *name)
{
	ctype *t;

	if (st->ntypes == MAX_TYPES) {
		dm_error_set(ctx->err, DM_EOPTION, "meta." OPT ".types",
		             "too many callout types (at most %d)", MAX_TYPES);
		return NULL;
	}
	t = &st->types[st->ntypes];
	memset(t, 0, sizeof *t);
	if ((t->name = xstrdup(name)) == NULL ||
	    (t->label = xstrdup(name)) == NULL ||
	    (t->title = dm_text(name)) == NULL ||
	    (t->style = style_name(name)) == NULL ||
	    (t->icon = xstrdup("")) == NULL) {
		nomem(ctx);
		return NULL;
	}
	dm_rgb_parse("#57606a", &t->colour);
	st->ntypes++;
	return t;
}

static int read_colour(dm_ctx *ctx, const json_t *v, const char *where,
                       dm_rgb *out)
{
	char *s = NULL;
	int rc = dm_meta_string(v, where, &s, ctx->err);

	if (rc == 1 && !dm_rgb_parse(s, out))
		rc = dm_error_set(ctx->err, DM_EOPTION, where,
		                  "expected a colour such as \"#1d4ed8\", found "
		                  "\"%s\"", s);
	free(s);
	return rc < 0 ? -1 : 0;
}

static int replace_string(dm_ctx *ctx, const json_t *v, const char *where,
                          char **field)
{
	char *s = NULL;

	if (dm_meta_string(v, where, &s, ctx->err) < 0)
		return -1;
	if (s != NULL) {
		free(*field);
		*field = s;
	}
	(void)ctx;
	return 0;
}

static int opt_string(dm_ctx *ctx, const char *key, char **field)
{
	char where[256];
	const json_t *v = dm_option(ctx->doc, OPT, key, where, sizeof where);

	return replace_string(ctx, v, where, field);
}

static const char *const known_options[] = {
	"labels", "types", "appearance", "collapse", "icons", "group",
	"section", "section-heading", "stylesheet", NULL};

/* Sets a type's label from a metadata value: its text, to match lists
 * with, and its inlines, to title callouts with. */
static int read_label(dm_ctx *ctx, const json_t *v, const char *where,
                      ctype *t)
{
	json_t *title = NULL;

	if (v == NULL)
		return 0;
	if (dm_meta_inlines(v, where, &title, ctx->err) < 0)
		return -1;
	free(t->label);
	json_decref(t->title);
	t->title = title;
	if ((t->label = dm_stringify(title)) == NULL)
		return nomem(ctx);
	return 0;
}

/* types: {NAME: {label, colour, icon}} or {NAME: LABEL} */
static int read_types(dm_ctx *ctx, state *st)
{
	char where[256];
	const json_t *types = dm_option(ctx->doc, OPT, "types", where,
	                                sizeof where);
	const char *name;
	json_t *def;

	if (types == NULL)
		return 0;
	if (!dm_is(types, "MetaMap"))
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "expected a map of callout types");
	json_object_foreach(dm_content(types), name, def) {
		char at[300];
		ctype *t = (ctype *)find_type(st, name);
		snprintf(at, sizeof at, "%s.%s", where, name);
		if (t == NULL) {
			if (!valid_name(name))
				return dm_error_set(
				        ctx->err, DM_EOPTION, at,
				        "a callout type name is lower-case "
				        "letters, digits and '-', found \"%s\"",
				        name);
			if ((t = add_type(ctx, st, name)) == NULL)
				return -1;
		}
		if (!dm_is(def, "MetaMap")) {
			if (read_label(ctx, def, at, t))
				return -1;
			continue;
		}
		{
			const json_t *m = dm_content(def), *v;
			const char *key;
			json_object_foreach((json_t *)m, key, v) {
				char kat[400];
				snprintf(kat, sizeof kat, "%s.%s", at, key);
				if (strcmp(key, "label") == 0) {
					if (read_label(ctx, v, kat, t))
						return -1;
				} else if (strcmp(key, "colour") == 0 ||
				           strcmp(key, "color") == 0) {
					if (read_colour(ctx, v, kat,
					                &t->colour))
						return -1;
				} else if (strcmp(key, "icon") == 0) {
					if (replace_string(ctx, v, kat,
					                   &t->icon))
						return -1;
				} else {
					return dm_error_set(
					        ctx->err, DM_EOPTION, kat,
					        "unknown key \"%s\" (a type has "
					        "label, colour and icon)", key);
				}
			}
		}
	}
	return 0;
}

/* labels: {TYPE: LABEL}, or flat -M dm-callouts.labels.TYPE=LABEL */
static int read_labels(dm_ctx *ctx, state *st)
{
	char where[256];
	const json_t *labels = dm_option(ctx->doc, OPT, "labels", where,
	                                 sizeof where);
	size_t i;

	if (labels != NULL) {
		const char *name;
		json_t *v;
		if (!dm_is(labels, "MetaMap"))
			return dm_error_set(ctx->err, DM_EOPTION, where,
			                    "expected a map from callout type "
			                    "to label");
		json_object_foreach(dm_content(labels), name, v) {
			if (find_type(st, name) == NULL) {
				char at[320];
				snprintf(at, sizeof at, "%s.%s", where, name);
				return dm_error_set(
				        ctx->err, DM_EOPTION, at,
				        "no callout type \"%s\" (declare it "
				        "under " OPT ".types)", name);
			}
			(void)v;
		}
	}
	{ /* -M dm-callouts.labels.TYPE=LABEL */
		const char *key;
		json_t *v;
		json_object_foreach(dm_doc_meta(ctx->doc), key, v) {
			const char *name = key + strlen(OPT ".labels.");
			if (strncmp(key, OPT ".labels.", strlen(OPT ".labels."))
			    || find_type(st, name))
				continue;
			snprintf(where, sizeof where, "meta[\"%s\"]", key);
			return dm_error_set(ctx->err, DM_EOPTION, where,
			                    "no callout type \"%s\" (declare it "
			                    "under " OPT ".types)", name);
		}
	}
	for (i = 0; i < st->ntypes; i++) {
		char key[128];
		const json_t *v;
		snprintf(key, sizeof key, "labels.%s", st->types[i].name);
		v = dm_option(ctx->doc, OPT, key, where, sizeof where);
		if (read_label(ctx, v, where, &st->types[i]))
			return -1;
	}
	return 0;
}

static int read_appearance(dm_ctx *ctx, state *st)
{
	char *s = NULL;
	int rc = dm_option_string(ctx->doc, OPT, "appearance", &s, ctx->err);

	if (rc == 1) {
		if (strcmp(s, "default") == 0)
			st->look = LOOK_DEFAULT;
		else if (strcmp(s, "simple") == 0)
			st->look = LOOK_SIMPLE;
		else if (strcmp(s, "minimal") == 0)
			st->look = LOOK_MINIMAL;
		else {
			char where[256];
			dm_option(ctx->doc, OPT, "appearance", where,
			          sizeof where);
			rc = dm_error_set(ctx->err, DM_EOPTION, where,
			                  "unknown appearance \"%s\" (expected "
			                  "default, simple or minimal)", s);
		}
	}
	free(s);
	return rc < 0 ? -1 : 0;
}

dmf_callouts *dmf_callouts_open(dm_ctx *ctx)
{
	state *st = calloc(1, sizeof *st);
	size_t i;

	if (st == NULL) {
		nomem(ctx);
		return NULL;
	}
	st->stylesheet = st->icons = st->group = st->section = true;
	for (i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
		ctype *t = add_type(ctx, st, builtins[i].name);
		if (t == NULL)
			goto fail;
		free(t->label);
		free(t->icon);
		json_decref(t->title);
		t->label = xstrdup(builtins[i].label);
		t->title = dm_text(builtins[i].label);
		t->icon = xstrdup(builtins[i].icon);
		if (t->label == NULL || t->title == NULL || t->icon == NULL) {
			nomem(ctx);
			goto fail;
		}
		dm_rgb_parse(builtins[i].colour, &t->colour);
		t->triad = builtins[i].triad;
		t->alert = builtins[i].alert;
	}
	if ((st->heading = xstrdup("The Direct Message")) == NULL) {
		nomem(ctx);
		goto fail;
	}
	if (dm_options_check(ctx->doc, OPT, known_options, ctx->err))
		goto fail;
	if (read_types(ctx, st) || read_labels(ctx, st) ||
	    read_appearance(ctx, st) ||
	    dm_option_bool(ctx->doc, OPT, "stylesheet", &st->stylesheet,
	                   ctx->err) < 0 ||
	    dm_option_bool(ctx->doc, OPT, "collapse", &st->collapse,
	                   ctx->err) < 0 ||
	    dm_option_bool(ctx->doc, OPT, "icons", &st->icons, ctx->err) < 0 ||
	    dm_option_bool(ctx->doc, OPT, "group", &st->group, ctx->err) < 0 ||
	    dm_option_bool(ctx->doc, OPT, "section", &st->section,
	                   ctx->err) < 0 ||
	    opt_string(ctx, "section-heading", &st->heading))
		goto fail;
	return st;
fail:
	dmf_callouts_close(st);
	return NULL;
}

void dmf_callouts_close(dmf_callouts *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->ntypes; i++) {
		free(st->types[i].name);
		free(st->types[i].label);
		json_decref(st->types[i].title);
		free(st->types[i].style);
		free(st->types[i].icon);
	}
	free(st->heading);
	free(st);
}

static int start(dm_ctx *ctx)
{
	/* Text split into one Span per word by +sourcepos reads whole. */
	if (dm_sourcepos(ctx->doc) && dm_sourcepos_unwrap(ctx))
		return -1;
	ctx->state = dmf_callouts_open(ctx);
	return ctx->state ? 0 : -1;
}

static void release(dm_ctx *ctx)
{
	dmf_callouts_close(ctx->state);
}

/* ------------------------------------------------------------------------
 * Reading sources into callouts
 * ------------------------------------------------------------------------ */

static void callout_free(callout *c)
{
	json_decref(c->attr);
	json_decref(c->title);
	json_decref(c->body);
	free(c->collapse);
	free(c->icon);
	memset(c, 0, sizeof *c);
}

/* Takes attribute `key` out of the callout's attributes into `*out`. */
static int take_attr(dm_ctx *ctx, callout *c, const char *key, char **out)
{
	const char *v = dm_attr_get(c->attr, key);

	if (v == NULL)
		return 0;
	if ((*out = xstrdup(v)) == NULL)
		return nomem(ctx);
	dm_attr_remove(c->attr, key);
	return 0;
}

/* The attributes a callout Div may carry besides its title. */
static int take_settings(dm_ctx *ctx, callout *c)
{
	if (take_attr(ctx, c, "collapse", &c->collapse) ||
	    take_attr(ctx, c, "icon", &c->icon))
		return -1;
	if (c->collapse && strcmp(c->collapse, "true") != 0 &&
	    strcmp(c->collapse, "false") != 0 &&
	    strcmp(c->collapse, "open") != 0)
		return dm_error_set(ctx->err, DM_EINPUT, NULL,
		                    "a %s callout has collapse=\"%s\": "
		                    "expected true, false or open",
		                    c->type->name, c->collapse);
	return 0;
}

/* Case-insensitive for ASCII, exact for everything else. */
static bool same_text(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

/* The built-in English title of a type, or its name. */
static const char *default_label(const ctype *t)
{
	size_t i;

	for (i = 0; i < sizeof builtins / sizeof *builtins; i++)
		if (strcmp(builtins[i].name, t->name) == 0)
			return builtins[i].label;
	return t->name;
}

/* The callout type a Div's classes name (TYPE or callout-TYPE). */
static const ctype *div_type(const state *st, const json_t *attr)
{
	const json_t *classes = json_array_get(attr, 1);
	size_t i;

	for (i = 0; i < json_array_size(classes); i++) {
		const char *c = json_string_value(json_array_get(classes, i));
		const ctype *t;
		if (strncmp(c, "callout-", 8) == 0)
			c += 8;
		if ((t = find_type(st, c)) != NULL && strcmp(c, t->name) == 0)
			return t;
	}
	return NULL;
}

/* The inlines of a block that holds a line of text, or NULL. */
static json_t *block_text(const json_t *b)
{
	if (dm_is(b, "Para") || dm_is(b, "Plain"))
		return dm_content(b);
	if (dm_is(b, "Div") && json_array_size(dm_node_blocks(b)) == 1)
		return block_text(json_array_get(dm_node_blocks(b), 0));
	return NULL;
}

/* Whether `title` is just what dm_text() makes of its plain text. */
static bool plain_title(const json_t *title)
{
	char *s = dm_stringify(title);
	json_t *t = s ? dm_text(s) : NULL;
	bool same = t && json_equal(t, title);

	free(s);
	json_decref(t);
	return same;
}

/* Reads a Div of a callout type: `title` attribute, else a title Div or a
 * heading first, else the type's label.  With `take`, the callout takes
 * the Div's attributes and blocks and changes them (for a Div about to be
 * replaced); else it works on copies. */
static int from_div(dm_ctx *ctx, const ctype *t, json_t *div, bool take,
                    callout *c)
{
	json_t *first;
	const char *title;
	char *s;

	c->type = t;
	c->attr = take ? json_incref(dm_node_attr(div))
	               : json_deep_copy(dm_node_attr(div));
	c->body = take ? json_incref(dm_node_blocks(div))
	               : json_deep_copy(dm_node_blocks(div));
	if (c->attr == NULL || c->body == NULL)
		return nomem(ctx);
	dm_attr_remove_class(c->attr, "callout");
	dm_attr_remove_class(c->attr, t->name);
	s = malloc(strlen(t->name) + 9);
	if (s == NULL)
		return nomem(ctx);
	strcpy(s, "callout-");
	strcat(s, t->name);
	dm_attr_remove_class(c->attr, s);
	free(s);

	first = json_array_get(c->body, 0);
	title = dm_attr_get(c->attr, "title");
	if (dm_is(first, "Div") &&
	    dm_attr_has_class(dm_node_attr(first), "callout-title")) {
		/* our own semantic form: the title with its formatting */
		json_t *ils = block_text(first);
		c->title = ils ? json_deep_copy(ils) : json_array();
		json_array_remove(c->body, 0);
	} else if (title != NULL) { /* an attribute is literal text */
		c->title = dm_text(title);
	} else if (dm_is(first, "Div") &&
	           dm_attr_has_class(dm_node_attr(first), "title")) {
		/* pandoc's alert structure; its titles are English, so the
		 * type's default title stands for the label */
		json_t *ils = block_text(first);
		s = ils ? dm_stringify(ils) : NULL;
		c->title = s && t->alert && same_text(s, default_label(t))
		                   ? json_deep_copy(t->title)
		                   : ils ? json_deep_copy(ils) : json_array();
		free(s);
		json_array_remove(c->body, 0);
	} else if (dm_is(first, "Header")) {
		c->title = json_deep_copy(dm_node_inlines(first));
		json_array_remove(c->body, 0);
	} else {
		c->title = json_deep_copy(t->title);
	}
	if (c->title == NULL)
		return nomem(ctx);
	dm_attr_remove(c->attr, "title");
	return take_settings(ctx, c);
}

/* The type named by "[!TYPE]", or NULL. */
static const ctype *alert_type(const state *st, const json_t *inl)
{
	const char *s = json_string_value(dm_content(inl));
	size_t n;
	char name[64];

	if (!dm_is(inl, "Str") || s == NULL || strncmp(s, "[!", 2) != 0)
		return NULL;
	n = strlen(s);
	if (n < 4 || s[n - 1] != ']' || n - 3 >= sizeof name)
		return NULL;
	memcpy(name, s + 2, n - 3);
	name[n - 3] = '\0';
	return find_type(st, name);
}

/* Reads `> [!TYPE]` block quotes; text after the marker on its line is a
 * title (as Obsidian writes it).  Returns 1 read, 0 not an alert. */
static int from_alert(dm_ctx *ctx, const state *st, const json_t *bq,
                      callout *c)
{
	const json_t *blocks = dm_content(bq);
	const json_t *para = json_array_get(blocks, 0);
	json_t *ils, *rest;
	size_t i, n;

	if (!(dm_is(para, "Para") || dm_is(para, "Plain")))
		return 0;
	ils = dm_content(para);
	if ((c->type = alert_type(st, json_array_get(ils, 0))) == NULL)
		return 0;
	n = json_array_size(ils);
	for (i = 1; i < n && !dm_is(json_array_get(ils, i), "SoftBreak") &&
	            !dm_is(json_array_get(ils, i), "LineBreak");
	     i++)
		;
	c->attr = dm_attr(NULL);
	c->title = json_array();
	c->body = json_deep_copy(blocks);
	if (c->attr == NULL || c->title == NULL || c->body == NULL)
		return nomem(ctx);
	for (size_t k = 1; k < i; k++)
		if (!(k == 1 && dm_is(json_array_get(ils, k), "Space")))
			json_array_append(c->title, json_array_get(ils, k));
	if (json_array_size(c->title) == 0) {
		json_decref(c->title);
		c->title = json_deep_copy(c->type->title);
	}
	rest = json_array();
	for (i++; i < n; i++)
		json_array_append(rest, json_array_get(ils, i));
	if (json_array_size(rest) > 0)
		json_array_set_new(c->body, 0, dm_node(dm_tag(para), rest));
	else {
		json_decref(rest);
		json_array_remove(c->body, 0);
	}
	return c->title ? 1 : nomem(ctx);
}

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

/* Takes the label off the start of `ils`: its first `n` inlines hold the
 * label, the last of them its colon.  What follows the colon stays, inside
 * the emphasis it was written in ("**Tension: the old lens**"). */
static void strip_label(json_t *ils, size_t n)
{
	json_t *last;
	size_t len;

	while (n-- > 1)
		json_array_remove(ils, 0);
	last = json_array_get(ils, 0);
	if (dm_is(last, "Str")) {
		const char *c = find_colon(json_string_value(dm_content(last)),
		                           &len);
		json_t *tail = dm_text(c ? c + len : "");
		size_t k;
		json_array_remove(ils, 0);
		for (k = json_array_size(tail); k > 0; k--)
			json_array_insert(ils, 0, json_array_get(tail, k - 1));
		json_decref(tail);
	} else if (dm_is(last, "Strong") || dm_is(last, "Emph")) {
		json_t *inner = dm_content(last);
		dm_buf text = {0};
		size_t k;
		for (k = 0; k < json_array_size(inner); k++) {
			dm_stringify_buf(json_array_get(inner, k), &text);
			if (find_colon(dm_buf_str(&text), &len))
				break;
		}
		dm_buf_free(&text);
		if (k < json_array_size(inner))
			strip_label(inner, k + 1);
		if (json_array_size(inner) == 0)
			json_array_remove(ils, 0);
	}
	while (dm_is(json_array_get(ils, 0), "Space") ||
	       dm_is(json_array_get(ils, 0), "SoftBreak"))
		json_array_remove(ils, 0);
}

/* The leading label of a list item, "Tension:" (plain, bold or emphasised,
 * the colon inside or out, ':' or the full-width '\uff1a'), or NULL.  With
 * `strip`, takes the label and its colon out of the item. */
static const ctype *take_label(const state *st, json_t *item, bool strip)
{
	json_t *ils = block_text(json_array_get(item, 0));
	dm_buf text = {0};
	const ctype *found = NULL;
	const char *colon = NULL;
	size_t i, k, len, n = json_array_size(ils);

	/* Gather the text of the leading words until a colon shows. */
	for (i = 0; i < n && i < 8 && colon == NULL; i++) {
		json_t *x = json_array_get(ils, i);
		if (!(dm_is(x, "Str") || dm_is(x, "Space") ||
		      (i == 0 && (dm_is(x, "Strong") || dm_is(x, "Emph")))))
			break;
		if (dm_stringify_buf(x, &text) != 0)
			break;
		colon = find_colon(dm_buf_str(&text), &len);
	}
	if (colon == NULL) {
		dm_buf_free(&text);
		return NULL;
	}
	len = (size_t)(colon - text.data);
	while (len > 0 && text.data[len - 1] == ' ')
		len--;
	text.data[len] = '\0';
	for (k = 0; k < st->ntypes && !found; k++)
		if (st->types[k].triad &&
		    (same_text(text.data, st->types[k].label) ||
		     same_text(text.data, default_label(&st->types[k])) ||
		     same_name(text.data, st->types[k].name)))
			found = &st->types[k];
	if (found && strip)
		strip_label(ils, i);
	dm_buf_free(&text);
	return found;
}

/* ------------------------------------------------------------------------
 * The semantic form: Div ["callout", "callout-TYPE"] title="..."
 * ------------------------------------------------------------------------ */

static json_t *semantic(const callout *c)
{
	json_t *attr = json_deep_copy(c->attr), *classes, *kvs, *blocks;
	char cls[96], *title = dm_stringify(c->title);

	if (attr == NULL || title == NULL) {
		json_decref(attr);
		free(title);
		return NULL;
	}
	snprintf(cls, sizeof cls, "callout-%s", c->type->name);
	classes = json_array_get(attr, 1);
	json_array_insert_new(classes, 0, json_string(cls));
	json_array_insert_new(classes, 0, json_string("callout"));
	kvs = json_array_get(attr, 2);
	if (c->icon)
		json_array_insert_new(kvs, 0, json_pack("[ss]", "icon",
		                                        c->icon));
	if (c->collapse)
		json_array_insert_new(kvs, 0, json_pack("[ss]", "collapse",
		                                        c->collapse));
	json_array_insert_new(kvs, 0, json_pack("[ss]", "title", title));
	free(title);
	blocks = json_incref(c->body); /* the callout is dropped after */
	if (blocks && !plain_title(c->title))
		json_array_insert_new(
		        blocks, 0,
		        dm_div(json_pack("[s[s][]]", "", "callout-title"),
		               json_pack("[o]", dm_plain(json_deep_copy(
		                                        c->title)))));
	return dm_div(attr, blocks);
}

/* ------------------------------------------------------------------------
 * Rendering
 * ------------------------------------------------------------------------ */

static int add_raw(json_t *out, const char *fmt, const char *text)
{
	return dm_append(out, dm_raw_block(fmt, text));
}

/* Appends deep copies of every element of `from` to `out`. */
/* Appends the elements of `from` to `out`; the callout being rendered is
 * dropped afterwards, so its blocks move rather than being copied. */
static int add_all(json_t *out, const json_t *from)
{
	return json_array_extend(out, (json_t *)from);
}

/* A Plain of raw `open`, the title, raw `close`: one line of output. */
static json_t *title_line(const char *fmt, const char *open,
                          const json_t *title, const char *close)
{
	json_t *ils = json_array();

	if (ils == NULL || dm_append(ils, dm_raw_inline(fmt, open)) ||
	    json_array_extend(ils, (json_t *)title) ||
	    dm_append(ils, dm_raw_inline(fmt, close))) {
		json_decref(ils);
		return NULL;
	}
	return dm_plain(ils);
}

static bool wants_icon(const state *st, const callout *c)
{
	if (c->icon)
		return *c->icon && strcmp(c->icon, "false") != 0;
	return st->icons && *c->type->icon;
}

static int render_html(const state *st, const callout *c, json_t *out)
{
	dm_buf open = {0}, head = {0};
	const char *collapse = c->collapse ? c->collapse
	                       : st->collapse ? "true" : "false";
	bool details = strcmp(collapse, "false") != 0;
	const json_t *classes = json_array_get(c->attr, 1);
	const char *id = dm_attr_id(c->attr);
	char *label = dm_stringify(c->title);
	size_t i;
	int rc = -1;

	if (label == NULL)
		return -1;
	dm_buf_puts(&open, "<div");
	if (*id) {
		dm_buf_puts(&open, " id=\"");
		dm_html_escape(&open, id);
		dm_buf_putc(&open, '"');
	}
	dm_buf_printf(&open, " class=\"callout callout-%s", c->type->name);
	if (st->look != LOOK_DEFAULT)
		dm_buf_puts(&open, st->look == LOOK_SIMPLE ? " callout-simple"
		                                           : " callout-minimal");
	for (i = 0; i < json_array_size(classes); i++) {
		dm_buf_putc(&open, ' ');
		dm_html_escape(&open,
		               json_string_value(json_array_get(classes, i)));
	}
	dm_buf_puts(&open, "\" role=\"note\" aria-label=\"");
	dm_html_escape(&open, label);
	dm_buf_puts(&open, "\">");
	if (details)
		dm_buf_puts(&open, strcmp(collapse, "open") == 0
		                           ? "\n<details open>" : "\n<details>");
	dm_buf_puts(&head, details ? "<summary class=\"callout-title\">"
	                           : "<div class=\"callout-title\">");
	if (wants_icon(st, c)) {
		dm_buf_puts(&head, "<span class=\"callout-icon\" "
		                   "aria-hidden=\"true\"");
		if (c->icon) { /* an icon of this callout's own */
			dm_buf_puts(&head, " data-icon=\"");
			dm_html_escape(&head, c->icon);
			dm_buf_putc(&head, '"');
		}
		dm_buf_puts(&head, "></span>");
	}
	if (open.data && head.data && add_raw(out, "html", open.data) == 0 &&
	    dm_append(out, title_line("html", head.data, c->title,
	                              details ? "</summary>" : "</div>")) ==
	            0 &&
	    add_raw(out, "html", "<div class=\"callout-body\">") == 0 &&
	    add_all(out, c->body) == 0 &&
	    add_raw(out, "html", details ? "</div>\n</details>\n</div>"
	                                 : "</div>\n</div>") == 0)
		rc = 0;
	free(label);
	dm_buf_free(&open);
	dm_buf_free(&head);
	return rc;
}

static int render_latex(const callout *c, json_t *out)
{
	char open[160];

	snprintf(open, sizeof open, "\\begin{dmcallout}{dm-%s}{",
	         c->type->name);
	if (dm_append(out, title_line("latex", open, c->title, "}")) ||
	    add_all(out, c->body) ||
	    add_raw(out, "latex", "\\end{dmcallout}"))
		return -1;
	return 0;
}

static int render_docx(const callout *c, json_t *out)
{
	char title_style[160];
	json_t *blocks = json_array(), *title = json_array();

	snprintf(title_style, sizeof title_style, "%s Title", c->type->style);
	if (blocks == NULL || title == NULL ||
	    dm_append(title, dm_para(json_deep_copy(c->title))) ||
	    dm_append(blocks,
	              dm_div(json_pack("[s[][[ss]]]", "", "custom-style",
	                               title_style), title)) ||
	    add_all(blocks, c->body)) {
		json_decref(blocks);
		return -1;
	}
	return dm_append(out, dm_div(json_pack("[s[][[ss]]]",
	                                       dm_attr_id(c->attr),
	                                       "custom-style", c->type->style),
	                             blocks));
}

static int render_typst(const state *st, const callout *c, json_t *out)
{
	dm_rgb white = {255, 255, 255}, black = {0, 0, 0};
	dm_rgb bg = dm_rgb_mix(c->type->colour, white, 0.92);
	char fill[7], stroke[7], text[7], pre[64];
	dm_buf open = {0};
	json_t *head;
	int rc;

	dm_rgb_hex(st->look == LOOK_DEFAULT ? bg : white, fill);
	dm_rgb_hex(c->type->colour, stroke);
	dm_rgb_hex(dm_rgb_readable(c->type->colour, bg, black, 4.5), text);
	dm_buf_printf(&open,
	              "#block(width: 100%%, inset: (x: 12pt, y: 8pt), "
	              "radius: 3pt, fill: rgb(\"#%s\"), stroke: (left: %dpt + "
	              "rgb(\"#%s\")))[",
	              fill, st->look == LOOK_MINIMAL ? 1 : 3, stroke);
	/* The title bold, in the type's colour darkened to be readable. */
	snprintf(pre, sizeof pre, "#text(fill: rgb(\"#%s\"), weight: "
	         "\"bold\")[", text);
	/* A Para, so a blank line parts the title from the body: in Typst
	 * a single newline is a space, and they would run together. */
	head = title_line("typst", pre, c->title, "]");
	if (head != NULL)
		json_object_set_new(head, "t", json_string("Para"));
	rc = (open.data == NULL || add_raw(out, "typst", open.data) ||
	      dm_append(out, head) ||
	      add_all(out, c->body) || add_raw(out, "typst", "]"))
	             ? -1 : 0;
	dm_buf_free(&open);
	return rc;
}

/* gfm: the five GitHub alert types as alerts; everything else (and every
 * other writer) a block quote opening with the bold title. */
static int render_quote(const callout *c, bool alert, json_t *out)
{
	json_t *blocks = json_array();
	bool label_title;

	if (blocks == NULL)
		return -1;
	{
		/* GitHub titles an alert in English: any other title,
		 * a label of the user's own included, is written out. */
		json_t *l = dm_text(default_label(c->type));
		label_title = l && json_equal(l, c->title);
		json_decref(l);
	}
	if (alert) {
		char marker[80];
		snprintf(marker, sizeof marker, "[!%s]", c->type->name);
		for (char *p = marker; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		if (add_raw(blocks, "markdown", marker))
			goto fail;
	}
	if ((!alert || !label_title) &&
	    dm_append(blocks, dm_para(json_pack(
	                              "[o]", dm_strong(json_deep_copy(
	                                             c->title))))))
		goto fail;
	if (add_all(blocks, c->body))
		goto fail;
	return dm_append(out, dm_blockquote(blocks));
fail:
	json_decref(blocks);
	return -1;
}

/* Renders callout `c` for ctx's format, appending blocks to `out`. */
static int render_format(dm_ctx *ctx, const callout *c, json_t *out);

/* LaTeX and Typst renderings are raw code around the body: an id would be
 * lost, so a Div carrying it wraps them (a link target in both). */
static int render(dm_ctx *ctx, const callout *c, json_t *out)
{
	const char *id = dm_attr_id(c->attr);
	json_t *inner;

	if (*id == '\0' || (ctx->family != DM_FMT_LATEX &&
	                     ctx->family != DM_FMT_TYPST))
		return render_format(ctx, c, out);
	if ((inner = json_array()) == NULL)
		return nomem(ctx);
	if (render_format(ctx, c, inner)) {
		json_decref(inner);
		return -1;
	}
	return dm_append(out, dm_div(dm_attr(id), inner)) ? nomem(ctx) : 0;
}

static int render_format(dm_ctx *ctx, const callout *c, json_t *out)
{
	state *st = ctx->state;
	int rc;

	st->rendered = true;
	switch (ctx->family) {
	case DM_FMT_HTML:
		rc = render_html(st, c, out);
		break;
	case DM_FMT_LATEX:
		rc = render_latex(c, out);
		break;
	case DM_FMT_DOCX:
	case DM_FMT_ODT:
		rc = render_docx(c, out);
		break;
	case DM_FMT_TYPST:
		rc = render_typst(st, c, out);
		break;
	case DM_FMT_MARKDOWN:
	case DM_FMT_JSON:
		rc = dm_append(out, semantic(c));
		break;
	case DM_FMT_GFM:
		rc = render_quote(c, c->type->alert, out);
		break;
	default:
		rc = render_quote(c, false, out);
		break;
	}
	return rc ? nomem(ctx) : 0;
}

/* Renders a group of callouts (semantic Divs) for the format. */
static int render_group(dm_ctx *ctx, json_t *callouts, json_t *out)
{
	state *st = ctx->state;
	bool wrap = st->group && (ctx->family == DM_FMT_HTML ||
	                          ctx->family == DM_FMT_MARKDOWN ||
	                          ctx->family == DM_FMT_JSON);
	json_t *inner = wrap ? json_array() : out;
	size_t i;
	int rc;

	st->has_triad = true;
	if (inner == NULL)
		return nomem(ctx);
	for (i = 0; i < json_array_size(callouts); i++) {
		json_t *div = json_array_get(callouts, i);
		const ctype *t = div_type(st, dm_node_attr(div));
		callout c = {0};
		if (t == NULL) { /* not a callout: kept as it is */
			if (json_array_append(inner, div))
				return nomem(ctx);
			continue;
		}
		if (from_div(ctx, t, div, true, &c) ||
		    dm_walk_list(ctx, &visitor, c.body, DM_BLOCK) ||
		    render(ctx, &c, inner)) {
			callout_free(&c);
			if (wrap)
				json_decref(inner);
			return -1;
		}
		callout_free(&c);
	}
	if (!wrap)
		return 0;
	if (ctx->family == DM_FMT_HTML) {
		json_array_insert_new(inner, 0, dm_raw_block(
		        "html", "<div class=\"callout-group\">"));
		rc = add_raw(inner, "html", "</div>") ||
		     json_array_extend(out, inner);
		json_decref(inner);
		return rc ? nomem(ctx) : 0;
	}
	return dm_append(out, dm_div(json_pack("[s[s][]]", "",
	                                       "callout-group"),
	                             inner));
}

/* ------------------------------------------------------------------------
 * The walk
 * ------------------------------------------------------------------------ */

/* Every Div of a callout type, `> [!TYPE]` block quote and callout group
 * becomes its rendering; its body is walked first, for nested callouts. */
static dm_walk_result on_block(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                               json_t *node, json_t **out)
{
	state *st = ctx->state;
	callout c = {0};
	const ctype *t;
	int got = 0;

	(void)w;
	if (ev != DM_ENTER)
		return DM_WALK_CONTINUE;
	if (dm_is(node, "Div")) {
		const json_t *attr = dm_node_attr(node);
		if (dm_attr_has_class(attr, "callout-group")) {
			json_t *r = json_array();
			if (r == NULL)
				return nomem(ctx), DM_WALK_ERROR;
			if (render_group(ctx, dm_node_blocks(node), r)) {
				json_decref(r);
				return DM_WALK_ERROR;
			}
			*out = r;
			return DM_WALK_REPLACE_SKIP;
		}
		if ((t = div_type(st, attr)) == NULL)
			return DM_WALK_CONTINUE;
		if (from_div(ctx, t, node, true, &c))
			goto fail;
		got = 1;
	} else if (dm_is(node, "BlockQuote")) {
		if ((got = from_alert(ctx, st, node, &c)) < 0)
			goto fail;
	}
	if (!got)
		return DM_WALK_CONTINUE;
	{
		json_t *r = json_array();
		int rc;
		if (r == NULL) {
			nomem(ctx);
			goto fail;
		}
		rc = dm_walk_list(ctx, &visitor, c.body, DM_BLOCK) ||
		     render(ctx, &c, r);
		callout_free(&c);
		if (rc) {
			json_decref(r);
			return DM_WALK_ERROR;
		}
		*out = r;
		return DM_WALK_REPLACE_SKIP;
	}
fail:
	callout_free(&c);
	if (ctx->err->where[0] == '\0')
		dm_walk_where(w, ctx->err->where, sizeof ctx->err->where);
	return DM_WALK_ERROR;
}

/* A bullet list whose every item opens with a triad label becomes a
 * group of semantic callouts (rendered when the walk enters it). */
static json_t *labelled_list(dm_ctx *ctx, const json_t *list)
{
	const state *st = ctx->state;
	const json_t *items = dm_content(list);
	json_t *group, *item;
	size_t i;

	if (json_array_size(items) == 0)
		return NULL;
	for (i = 0; i < json_array_size(items); i++)
		if (take_label(st, json_array_get(items, i), false) == NULL)
			return NULL;
	group = json_array();
	for (i = 0; group && i < json_array_size(items); i++) {
		const ctype *t;
		char cls[96];
		item = json_deep_copy(json_array_get(items, i));
		t = item ? take_label(st, item, true) : NULL;
		if (t == NULL) {
			json_decref(item);
			json_decref(group);
			group = NULL;
			break;
		}
		/* A label alone on its line leaves an empty first block. */
		if (json_array_size(block_text(json_array_get(item, 0))) == 0)
			json_array_remove(item, 0);
		/* A tight list's Plain items read as paragraphs in a box. */
		for (size_t k = 0; k < json_array_size(item); k++)
			if (dm_is(json_array_get(item, k), "Plain"))
				json_object_set_new(json_array_get(item, k), "t",
				                    json_string("Para"));
		snprintf(cls, sizeof cls, "callout-%s", t->name);
		if (dm_append(group, dm_div(json_pack("[s[ss][]]", "",
		                                      "callout", cls),
		                            item))) {
			json_decref(group);
			group = NULL;
		}
	}
	if (group == NULL) {
		nomem(ctx);
		return NULL;
	}
	return dm_div(json_pack("[s[s][]]", "", "callout-group"), group);
}

static bool is_section(const state *st, const json_t *h)
{
	char *s = dm_stringify(dm_node_inlines(h));
	size_t n;
	bool yes;

	if (s == NULL)
		return false;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' '))
		s[--n] = '\0';
	yes = same_text(s, st->heading);
	free(s);
	return yes;
}

/* The heading at list[i] and the blocks up to the next heading of the
 * same or a higher level, as one semantic Direct Message callout; the
 * blocks are taken out of the list. */
static json_t *section(dm_ctx *ctx, json_t *list, size_t i)
{
	const json_t *h = json_array_get(list, i);
	double level = json_number_value(dm_field(h, 0));
	json_t *ils = json_deep_copy(dm_node_inlines(h));
	char *title = NULL;
	json_t *body = json_array(), *attr = NULL;
	size_t n;

	/* "The Direct Message:" is titled without its colon. */
	if (ils == NULL || body == NULL)
		goto fail;
	if ((n = json_array_size(ils)) > 0 &&
	    dm_is(json_array_get(ils, n - 1), "Str")) {
		const char *t = json_string_value(
		        dm_content(json_array_get(ils, n - 1)));
		size_t len = strlen(t);
		if (len > 0 && t[len - 1] == ':') {
			char *cut = xstrdup(t);
			if (cut == NULL)
				goto fail;
			cut[len - 1] = '\0';
			if (len == 1)
				json_array_remove(ils, n - 1);
			else
				json_array_set_new(ils, n - 1, dm_str(cut));
			free(cut);
		}
	}
	if ((title = dm_stringify(ils)) == NULL)
		goto fail;
	while (i + 1 < json_array_size(list)) {
		json_t *next = json_array_get(list, i + 1);
		if (dm_is(next, "Header") &&
		    json_number_value(dm_field(next, 0)) <= level)
			break;
		if (json_array_append(body, next) ||
		    json_array_remove(list, i + 1))
			goto fail;
	}
	if (!plain_title(ils) &&
	    json_array_insert_new(
	            body, 0,
	            dm_div(json_pack("[s[s][]]", "", "callout-title"),
	                   json_pack("[o]", dm_plain(json_incref(ils))))))
		goto fail;
	attr = json_pack("[s[ss][[ss]]]", dm_attr_id(dm_node_attr(h)),
	                 "callout", "callout-direct-message", "title", title);
	free(title);
	json_decref(ils);
	return dm_div(attr, body);
fail:
	free(title);
	json_decref(ils);
	json_decref(body);
	nomem(ctx);
	return NULL;
}

static dm_walk_result on_blocks(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	state *st = ctx->state;
	size_t i, j;

	(void)w;
	for (i = 0; i < json_array_size(list); i++) {
		json_t *b = json_array_get(list, i), *r = NULL;
		if (dm_is(b, "BulletList")) {
			r = labelled_list(ctx, b);
			if (r == NULL && dm_error_is_set(ctx->err))
				return DM_WALK_ERROR;
			if (r && !st->group) { /* separate boxes */
				json_t *items = json_incref(dm_node_blocks(r));
				json_decref(r);
				json_array_remove(list, i);
				for (j = 0; j < json_array_size(items); j++)
					json_array_insert(list, i + j,
					                  json_array_get(items, j));
				i += json_array_size(items) - 1;
				json_decref(items);
				st->has_triad = true;
				continue;
			}
		} else if (st->section && dm_is(b, "Header") &&
		           is_section(st, b)) {
			r = section(ctx, list, i);
			if (r == NULL)
				return DM_WALK_ERROR;
		}
		if (r != NULL)
			json_array_set_new(list, i, r);
	}
	return DM_WALK_CONTINUE;
}

/* ------------------------------------------------------------------------
 * The document: the triad from metadata, the stylesheet
 * ------------------------------------------------------------------------ */

/* tension, noise, direct-message in the metadata: a triad at the top,
 * unless the body has one.  Either way the keys are taken out of the
 * metadata, so a second run finds nothing to add. */
static int meta_triad(dm_ctx *ctx)
{
	state *st = ctx->state;
	json_t *meta = dm_doc_meta(ctx->doc), *group, *r;
	size_t i;
	int rc = 0;

	group = json_array();
	if (group == NULL)
		return nomem(ctx);
	for (i = 0; i < st->ntypes; i++) {
		const ctype *t = &st->types[i];
		json_t *v = json_object_get(meta, t->name), *body = NULL;
		char where[128], cls[96];
		if (!t->triad || v == NULL)
			continue;
		snprintf(where, sizeof where, "meta.%s", t->name);
		if (dm_meta_blocks(v, where, &body, ctx->err) < 0) {
			json_decref(group);
			return -1;
		}
		snprintf(cls, sizeof cls, "callout-%s", t->name);
		dm_append(group, dm_div(json_pack("[s[ss][]]", "", "callout",
		                                  cls),
		                        body));
		json_object_del(meta, t->name);
	}
	if (json_array_size(group) == 0 || st->has_triad) {
		json_decref(group);
		return 0;
	}
	r = json_array();
	if (r == NULL) {
		json_decref(group);
		return nomem(ctx);
	}
	rc = render_group(ctx, group, r);
	json_decref(group);
	for (i = json_array_size(r); rc == 0 && i > 0; i--)
		rc = json_array_insert(dm_doc_blocks(ctx->doc), 0,
		                       json_array_get(r, i - 1));
	json_decref(r);
	return rc;
}

static void css_type(dm_buf *b, const ctype *t, bool dark)
{
	dm_rgb white = {255, 255, 255}, black = {0, 0, 0};
	dm_rgb night = {0x16, 0x1b, 0x22};
	dm_rgb bg = dark ? dm_rgb_mix(t->colour, night, 0.82)
	                 : dm_rgb_mix(t->colour, white, 0.92);
	dm_rgb head = dm_rgb_readable(t->colour, bg, dark ? white : black,
	                              4.5);
	char c[7], h[7], g[7];

	dm_rgb_hex(dark ? dm_rgb_mix(t->colour, white, 0.25) : t->colour, c);
	dm_rgb_hex(head, h);
	dm_rgb_hex(bg, g);
	dm_buf_printf(b, ".callout-%s{--dm-c:#%s;--dm-bg:#%s;--dm-h:#%s", t->name,
	              c, g, h);
	if (!dark && *t->icon) {
		const char *p;
		dm_buf_puts(b, ";--dm-i:\"");
		for (p = t->icon; *p; p++) {
			if (*p == '"' || *p == '\\' || *p == '<' || *p == '\n')
				dm_buf_printf(b, "\\%x ", (unsigned char)*p);
			else
				dm_buf_putc(b, *p);
		}
		dm_buf_putc(b, '"');
	}
	dm_buf_puts(b, "}\n");
}

static const char css_base[] =
	"<style>\n"
	"/* dm-callouts */\n"
	".callout{--dm-c:#57606a;--dm-bg:#f6f8fa;--dm-h:#3b4048;--dm-t:#1f2328;"
	"margin:1.25em 0;padding:.75em 1em;border-left:.25rem solid "
	"var(--dm-c);border-radius:.375rem;background:var(--dm-bg);"
	"color:var(--dm-t)}\n"
	".callout-title{font-weight:600;color:var(--dm-h);margin:0 0 .35em}\n"
	"summary.callout-title{cursor:pointer;margin:0}\n"
	"details[open]>summary.callout-title{margin-bottom:.35em}\n"
	".callout-icon::before{content:var(--dm-i,\"\");display:inline-block;"
	"width:1.3em}\n"
	".callout-icon[data-icon]::before{content:attr(data-icon)}\n"
	".callout-body>:first-child{margin-top:0}\n"
	".callout-body>:last-child{margin-bottom:0}\n"
	".callout a{color:inherit;text-decoration-color:var(--dm-c)}\n"
	".callout-group{display:grid;gap:.75em;margin:1.5em 0}\n"
	".callout-group>.callout{margin:0}\n"
	".callout-simple{background:none;border:1px solid var(--dm-c);"
	"border-left-width:.25rem}\n"
	".callout-minimal{background:none;border-left-width:.125rem;"
	"border-radius:0;padding:.25em .9em}\n";

static const char css_end[] =
	"@media print{.callout{background:none;color:#000;border:1pt solid "
	"var(--dm-c);border-left-width:3pt;break-inside:avoid}"
	".callout-title{color:#000}}\n"
	"</style>";

/* The title colour of a LaTeX box, as upper-case hex: the type's colour,
 * darkened until it reads at 4.5:1 on the box's background. */
static const char *latex_title(const ctype *t, appearance look)
{
	static char hex[7];
	dm_rgb white = {255, 255, 255}, black = {0, 0, 0};
	dm_rgb bg = look == LOOK_DEFAULT ? dm_rgb_mix(t->colour, white, 0.93)
	                                 : white;
	char *p;

	dm_rgb_hex(dm_rgb_readable(t->colour, bg, black, 4.5), hex);
	for (p = hex; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
	return hex;
}

static int add_stylesheet(dm_ctx *ctx)
{
	state *st = ctx->state;
	dm_buf b = {0};
	size_t i;
	int rc;

	if (ctx->family == DM_FMT_HTML) {
		dm_buf_puts(&b, css_base);
		for (i = 0; i < st->ntypes; i++)
			css_type(&b, &st->types[i], false);
		/* In a dark scheme every callout gets a dark background,
		 * the outlined ones too: its text turns light, and a page
		 * that stays light would show it on white otherwise. */
		dm_buf_puts(&b, "@media (prefers-color-scheme:dark){"
		                ".callout{--dm-t:#e6edf3}\n"
		                ".callout-simple,.callout-minimal{background:"
		                "var(--dm-bg)}\n");
		for (i = 0; i < st->ntypes; i++)
			css_type(&b, &st->types[i], true);
		dm_buf_puts(&b, "}\n");
		dm_buf_puts(&b, css_end);
	} else if (ctx->family == DM_FMT_LATEX) {
		const char *box =
		        st->look == LOOK_MINIMAL
		                ? "colback=white,boxrule=0pt,leftrule=1pt,"
		                  "arc=0pt,left=8pt"
		        : st->look == LOOK_SIMPLE
		                ? "colback=white,boxrule=0.4pt,leftrule=3pt,"
		                  "arc=2pt"
		                : "colback=#1!7!white,boxrule=0pt,leftrule=3pt,"
		                  "arc=2pt";
		dm_buf_puts(&b, "\\usepackage{tcolorbox}\n"
		                "\\tcbuselibrary{breakable,skins}\n");
		for (i = 0; i < st->ntypes; i++) {
			char hex[7];
			dm_rgb_hex(st->types[i].colour, hex);
			for (char *p = hex; *p; p++)
				if (*p >= 'a' && *p <= 'f')
					*p = (char)(*p - 'a' + 'A');
			dm_buf_printf(&b, "\\definecolor{dm-%s}{HTML}{%s}\n",
			              st->types[i].name, hex);
			dm_buf_printf(&b,
			              "\\definecolor{dm-%s-title}{HTML}{%s}\n",
			              st->types[i].name,
			              latex_title(&st->types[i], st->look));
		}
		dm_buf_printf(&b,
		              "\\newenvironment{dmcallout}[2]{%%\n"
		              "  \\begin{tcolorbox}[enhanced,breakable,%s,\n"
		              "    colframe=#1,left=8pt,right=8pt,top=6pt,"
		              "bottom=6pt,\n"
		              "    before upper={{\\bfseries\\color{#1-title}"
		              "#2}\\par\\smallskip}]}%%\n"
		              "  {\\end{tcolorbox}}",
		              box);
	} else {
		return 0;
	}
	if (b.data == NULL)
		return nomem(ctx);
	rc = dm_meta_add_header_include(ctx->doc,
	                                ctx->family == DM_FMT_HTML ? "html"
	                                                           : "latex",
	                                b.data, ctx->err);
	dm_buf_free(&b);
	return rc;
}

static int finish(dm_ctx *ctx)
{
	state *st = ctx->state;

	if (meta_triad(ctx))
		return -1;
	if (st->rendered && st->stylesheet)
		return add_stylesheet(ctx);
	return 0;
}

/* ------------------------------------------------------------------------
 * What dm-check shares (filters.h)
 * ------------------------------------------------------------------------ */

const char *dmf_callouts_triad(const dmf_callouts *st, size_t i)
{
	size_t k;

	for (k = 0; k < st->ntypes; k++)
		if (st->types[k].triad && i-- == 0)
			return st->types[k].name;
	return NULL;
}

const char *dmf_callouts_div(const dmf_callouts *st, const json_t *div)
{
	const ctype *t = dm_is(div, "Div") ? div_type(st, dm_node_attr(div))
	                                   : NULL;

	return t ? t->name : NULL;
}

const char *dmf_callouts_alert(const dmf_callouts *st, const json_t *quote,
                               char *marker, size_t size)
{
	const json_t *para = json_array_get(dm_content(quote), 0);
	const json_t *first = json_array_get(block_text(para), 0);
	const char *s = json_string_value(dm_content(first));
	const ctype *t;
	size_t n;

	marker[0] = '\0';
	if (!dm_is(quote, "BlockQuote") || !dm_is(first, "Str") || s == NULL ||
	    strncmp(s, "[!", 2) != 0 || (n = strlen(s)) < 4 ||
	    s[n - 1] != ']')
		return NULL;
	snprintf(marker, size, "%.*s", (int)(n - 3), s + 2);
	t = alert_type(st, first);
	return t ? t->name : NULL;
}

size_t dmf_callouts_list(const dmf_callouts *st, const json_t *list,
                         const char **types, bool *empty, size_t max)
{
	const json_t *items = dm_content(list);
	size_t i, n = json_array_size(items);

	if (!dm_is(list, "BulletList") || n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (take_label(st, json_array_get(items, i), false) == NULL)
			return 0;
	for (i = 0; i < n && i < max; i++) {
		json_t *item = json_deep_copy(json_array_get(items, i));
		const ctype *t = item ? take_label(st, item, true) : NULL;
		char *text = item ? dm_stringify(item) : NULL;
		types[i] = t ? t->name : NULL;
		empty[i] = text == NULL || text[strspn(text, " \n")] == '\0';
		free(text);
		json_decref(item);
	}
	return n;
}

bool dmf_callouts_section(const dmf_callouts *st, const json_t *header)
{
	return dm_is(header, "Header") && is_section(st, header);
}

const char *dmf_callouts_heading(const dmf_callouts *st)
{
	return st->heading;
}

/* True when blocks hold nothing to read: no text, and no image, code,
 * table or other content that has none. */
static bool blank(const json_t *blocks)
{
	size_t i, k;

	for (i = 0; i < json_array_size(blocks); i++) {
		const json_t *b = json_array_get(blocks, i);
		const json_t *ils = dm_content(b);
		char *text;
		bool none;
		if (dm_is(b, "Div")) {
			if (!blank(dm_node_blocks(b)))
				return false;
			continue;
		}
		if (!dm_is(b, "Para") && !dm_is(b, "Plain"))
			return false;
		for (k = 0; k < json_array_size(ils); k++)
			if (!dm_is(json_array_get(ils, k), "Str") &&
			    !dm_is(json_array_get(ils, k), "Space") &&
			    !dm_is(json_array_get(ils, k), "SoftBreak") &&
			    !dm_is(json_array_get(ils, k), "LineBreak"))
				return false;
		text = dm_stringify(ils);
		none = text == NULL || text[strspn(text, " ")] == '\0';
		free(text);
		if (!none)
			return false;
	}
	return true;
}

int dmf_callouts_empty(dm_ctx *ctx, const dmf_callouts *st,
                       const json_t *node)
{
	callout c = {0};
	const ctype *t;
	int empty;

	if (dm_is(node, "Div") && (t = div_type(st, dm_node_attr(node))))
		empty = from_div(ctx, t, (json_t *)node, false, &c);
	else if (dm_is(node, "BlockQuote"))
		empty = from_alert(ctx, st, node, &c) < 0 ? -1 : 0;
	else
		return 0;
	if (empty < 0) {
		callout_free(&c);
		return -1;
	}
	empty = blank(c.body);
	callout_free(&c);
	return empty;
}

const char *dmf_callouts_near(const dmf_callouts *st, const char *word)
{
	const char *best = NULL;
	size_t i, bestd = 3, limit;

	if (strncmp(word, "callout-", 8) == 0)
		word += 8;
	/* Two edits for long names, one for short: "nte" is not "note"'s. */
	limit = strlen(word) >= 6 ? 2 : 1;
	for (i = 0; i < st->ntypes; i++) {
		size_t d = dm_text_distance(word, st->types[i].name);
		if (d == 0)
			return NULL;
		if (d <= limit && d < bestd) {
			bestd = d;
			best = st->types[i].name;
		}
	}
	return best;
}

const dm_filter dm_callouts_filter = {
	.name = "callouts",
	.summary = "Tension, Noise, Direct Message, note, tip ... as callout "
	           "boxes",
	.options = options_help,
	.start = start,
	.visitor = {.block = on_block, .blocks = on_blocks},
	.finish = finish,
	.release = release,
};
