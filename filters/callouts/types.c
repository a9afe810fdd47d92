/*
 * types.c - dm-callouts' type registry and options: the built-in types
 * (the framing triad and GitHub's five), types of the user's own, labels
 * in the user's words, and the switches.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "callouts.h"

/* The built-in types: the framing triad, GitHub's five alert types, and
 * the rest of Obsidian's, whose other names (aliases) its alerts may use
 * ("> [!tldr]" is an abstract).  Obsidian's own aliases of GitHub's types
 * (important and caution) are not taken: GitHub's meaning stands. */
static const struct {
	const char *name, *label, *colour, *icon;
	bool triad, alert;
	const char *aliases; /* space-separated */
	const char *tr[3];   /* the title in French, Spanish, German (the
	                        document's `lang`); the triad's terms are
	                        the format's own, kept unless labelled */
} builtins[] = {
	{"tension", "Tension", "#c2410c", "bolt", true, false, NULL, {0}},
	{"noise", "Noise", "#6b7280", "waves", true, false, NULL, {0}},
	{"direct-message", "Direct Message", "#1d4ed8", "mail", true, false,
	 NULL, {0}},
	{"note", "Note", "#0969da", "info", false, true, NULL,
	 {"Remarque", "Nota", "Hinweis"}},
	{"tip", "Tip", "#1a7f37", "lightbulb", false, true, "hint",
	 {"Astuce", "Consejo", "Tipp"}},
	{"important", "Important", "#8250df", "report", false, true, NULL,
	 {"Important", "Importante", "Wichtig"}},
	{"warning", "Warning", "#9a6700", "alert", false, true, "attention",
	 {"Avertissement", "Advertencia", "Warnung"}},
	{"caution", "Caution", "#cf222e", "stop", false, true, NULL,
	 {"Attention", "Precauci\u00f3n", "Vorsicht"}},
	{"abstract", "Abstract", "#0e7490", "book", false, false,
	 "summary tldr", {"R\u00e9sum\u00e9", "Resumen", "Zusammenfassung"}},
	{"info", "Info", "#2563eb", "info", false, false, NULL,
	 {"Info", "Informaci\u00f3n", "Info"}},
	{"todo", "Todo", "#4f46e5", "flag", false, false, NULL,
	 {"\u00c0 faire", "Pendiente", "Zu erledigen"}},
	{"success", "Success", "#15803d", "check", false, false,
	 "check done", {"Succ\u00e8s", "\u00c9xito", "Erfolg"}},
	{"question", "Question", "#b45309", "question", false, false,
	 "help faq", {"Question", "Pregunta", "Frage"}},
	{"failure", "Failure", "#dc2626", "stop", false, false,
	 "fail missing", {"\u00c9chec", "Fallo", "Fehlschlag"}},
	{"danger", "Danger", "#b91c1c", "bolt", false, false, "error",
	 {"Danger", "Peligro", "Gefahr"}},
	{"bug", "Bug", "#be123c", "report", false, false, NULL,
	 {"Bogue", "Error", "Fehler"}},
	{"example", "Example", "#7c3aed", "star", false, false, NULL,
	 {"Exemple", "Ejemplo", "Beispiel"}},
	{"quote", "Quote", "#71717a", "quote", false, false, "cite",
	 {"Citation", "Cita", "Zitat"}},
};

/* The languages of builtins[].tr, in its order. */
static const char *const tr_langs[] = {"fr", "es", "de"};

/* dmf_same_name() of `a` and the `n` bytes at `b`. */
static bool same_name_n(const char *a, const char *b, size_t n)
{
	const char *end = b + n;
	int cb;

	for (;;) {
		while (*a == '-' || *a == '_' || *a == ' ')
			a++;
		while (b < end && (*b == '-' || *b == '_' || *b == ' '))
			b++;
		if (b < end && *b == '\0')
			return false; /* "a\0b" is not "a" */
		cb = b < end ? tolower((unsigned char)*b) : '\0';
		if (tolower((unsigned char)*a) != cb)
			return false;
		if (*a == '\0')
			return true;
		a++, b++;
	}
}

bool dmf_same_name(const char *a, const char *b)
{
	return same_name_n(a, b, strlen(b));
}

const ctype *dmf_find_type_n(const state *st, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < st->ntypes; i++)
		if (same_name_n(st->types[i].name, name, n))
			return &st->types[i];
	return NULL;
}

const ctype *dmf_find_type(const state *st, const char *name)
{
	return dmf_find_type_n(st, name, strlen(name));
}

const ctype *dmf_find_alias_n(const state *st, const char *name, size_t n)
{
	const ctype *t = dmf_find_type_n(st, name, n);
	size_t i;

	for (i = 0; t == NULL && i < sizeof builtins / sizeof *builtins; i++) {
		const char *a = builtins[i].aliases;
		while (a && *a) {
			size_t len = strcspn(a, " ");
			if (len == n && strncasecmp(a, name, n) == 0)
				return dmf_find_type(st, builtins[i].name);
			a += len + (a[len] == ' ');
		}
	}
	return t;
}

const char *dmf_default_label(const ctype *t)
{
	size_t i;

	for (i = 0; i < sizeof builtins / sizeof *builtins; i++)
		if (strcmp(builtins[i].name, t->name) == 0)
			return builtins[i].label;
	return t->name;
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

/* A new type `name` titled `label`, grey, without an icon. */
static ctype *add_type(dm_ctx *ctx, state *st, const char *name,
                       const char *label)
{
	ctype *t;

	if (st->ntypes == MAX_TYPES) {
		dm_error_set(ctx->err, DM_EOPTION, "meta." OPT ".types",
		             "too many callout types (at most %d)", MAX_TYPES);
		return NULL;
	}
	t = &st->types[st->ntypes++];
	memset(t, 0, sizeof *t);
	dm_rgb_parse("#57606a", &t->colour);
	if ((t->name = strdup(name)) == NULL ||
	    (t->label = strdup(label)) == NULL ||
	    (t->title = dm_text(label)) == NULL ||
	    (t->style = style_name(name)) == NULL ||
	    (t->icon = strdup("")) == NULL) {
		dm_nomem(ctx->err);
		return NULL;
	}
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

/* Replaces *field by the text of `v`, when present. */
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
	return 0;
}

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
		return dm_nomem(ctx->err);
	if (t->label[strspn(t->label, " \t\r\n")] == '\0')
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "a label cannot be empty: it titles the "
		                    "callouts and names them to screen readers "
		                    "(leave it out for the default)");
	return 0;
}

/* One type's map, {label, colour, icon}, at `where`. */
static int read_type_map(dm_ctx *ctx, const json_t *def, const char *where,
                         ctype *t)
{
	const char *key;
	json_t *v;

	json_object_foreach(dm_content(def), key, v) {
		char at[400];
		int rc;
		snprintf(at, sizeof at, "%s.%s", where, key);
		if (strcmp(key, "label") == 0)
			rc = read_label(ctx, v, at, t);
		else if (strcmp(key, "colour") == 0 ||
		         strcmp(key, "color") == 0)
			rc = read_colour(ctx, v, at, &t->colour);
		else if (strcmp(key, "icon") == 0)
			rc = replace_string(ctx, v, at, &t->icon);
		else
			rc = dm_error_set(ctx->err, DM_EOPTION, at,
			                  "unknown key \"%s\" (a type has "
			                  "label, colour and icon)", key);
		if (rc)
			return -1;
	}
	return 0;
}

/* types: {NAME: {label, colour, icon}} or {NAME: LABEL} */
static int read_types(dm_ctx *ctx, const json_t *types, const char *where,
                      void *opaque)
{
	state *st = opaque;
	const char *name;
	json_t *def;

	if (types == NULL)
		return 0;
	if (dm_type_of(types) != DM_T_META_MAP)
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "expected a map of callout types");
	json_object_foreach(dm_content(types), name, def) {
		char at[300];
		ctype *t = (ctype *)dmf_find_type(st, name);
		snprintf(at, sizeof at, "%s.%s", where, name);
		if (t == NULL && !valid_name(name))
			return dm_error_set(ctx->err, DM_EOPTION, at,
			                    "a callout type name is lower-case "
			                    "letters, digits and '-', found "
			                    "\"%s\"", name);
		if (t == NULL && (t = add_type(ctx, st, name, name)) == NULL)
			return -1;
		if (dm_type_of(def) == DM_T_META_MAP
		            ? read_type_map(ctx, def, at, t)
		            : read_label(ctx, def, at, t))
			return -1;
	}
	return 0;
}

/* Every label given names a type: labels is a map of types, and so is
 * every flat -M dm-callouts.labels.TYPE=LABEL. */
static int check_labels(dm_ctx *ctx, const state *st, const json_t *labels,
                        const char *where)
{
	const char *prefix = OPT ".labels.", *name;
	char at[320];
	json_t *v;

	if (labels != NULL && dm_type_of(labels) != DM_T_META_MAP)
		return dm_error_set(ctx->err, DM_EOPTION, where,
		                    "expected a map from callout type "
		                    "to label");
	json_object_foreach(labels ? dm_content(labels) : NULL, name, v) {
		if (dmf_find_type(st, name) != NULL)
			continue;
		snprintf(at, sizeof at, "%s.%s", where, name);
		return dm_error_set(ctx->err, DM_EOPTION, at,
		                    "no callout type \"%s\" (declare it under "
		                    OPT ".types)", name);
	}
	json_object_foreach(dm_doc_meta(ctx->doc), name, v) {
		if (strncmp(name, prefix, strlen(prefix)) != 0 ||
		    dmf_find_type(st, name + strlen(prefix)) != NULL)
			continue;
		snprintf(at, sizeof at, "meta[\"%s\"]", name);
		return dm_error_set(ctx->err, DM_EOPTION, at,
		                    "no callout type \"%s\" (declare it under "
		                    OPT ".types)", name + strlen(prefix));
	}
	return 0;
}

/* labels: {TYPE: LABEL}, or flat -M dm-callouts.labels.TYPE=LABEL; read
 * after types, which they may name. */
static int read_labels(dm_ctx *ctx, const json_t *labels, const char *where,
                       void *opaque)
{
	state *st = opaque;
	size_t i;

	if (check_labels(ctx, st, labels, where))
		return -1;
	for (i = 0; i < st->ntypes; i++) {
		char key[128], at[256];
		const json_t *v;
		snprintf(key, sizeof key, "labels.%s", st->types[i].name);
		v = dm_option(ctx->doc, OPT, key, at, sizeof at);
		if (read_label(ctx, v, at, &st->types[i]))
			return -1;
	}
	return 0;
}

/* The index in builtins[].tr of the document's `lang` (its primary
 * subtag: "de-AT" is German), or -1 for English and the languages the
 * table lacks; -2 when out of memory. */
static int lang_of(const dm_doc *doc)
{
	const json_t *v = dm_meta_get(doc, "lang");
	char *tag;
	size_t i, n;

	if (v == NULL)
		return -1;
	if ((tag = dm_stringify(v)) == NULL)
		return -2;
	n = strcspn(tag, "-_");
	for (i = 0; i < sizeof tr_langs / sizeof *tr_langs; i++)
		if (n == strlen(tr_langs[i]) &&
		    strncasecmp(tag, tr_langs[i], n) == 0)
			break;
	free(tag);
	return i < sizeof tr_langs / sizeof *tr_langs ? (int)i : -1;
}

/* The built-in types, with their labels in the document's language,
 * colours and icons. */
static int add_builtins(dm_ctx *ctx, state *st)
{
	int lang = lang_of(ctx->doc);
	size_t i;

	if (lang == -2)
		return dm_nomem(ctx->err);
	for (i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
		const char *tr = lang >= 0 ? builtins[i].tr[lang] : NULL;
		ctype *t = add_type(ctx, st, builtins[i].name,
		                    tr ? tr : builtins[i].label);
		if (t == NULL)
			return -1;
		free(t->icon);
		if ((t->icon = strdup(builtins[i].icon)) == NULL)
			return dm_nomem(ctx->err);
		dm_rgb_parse(builtins[i].colour, &t->colour);
		t->triad = builtins[i].triad;
		t->alert = builtins[i].alert;
	}
	return 0;
}

/* stylesheet: true (into header-includes), false, or inline (html: at
 * the top of the body, where a fragment carries it) */
static int read_stylesheet(dm_ctx *ctx, const json_t *v, const char *where,
                           void *opaque)
{
	state *st = opaque;

	return dm_box_read_sheet_option(v, where, &st->stylesheet,
	                                &st->sheet_in_body, ctx->err);
}

static const char *const looks[] = {"default", "simple", "minimal", NULL};

/* Read in this order: types before the labels that may name them. */
const dm_option_spec dmf_callouts_option_table[] = {
	{"types", DM_OPT_CUSTOM, 0, NULL, "NAME: {label, colour, icon}",
	 "a callout type of your own (NAME: a-z 0-9 -)", NULL, read_types},
	{"labels", DM_OPT_CUSTOM, 0, NULL, "TYPE: TEXT",
	 "the title of TYPE's callouts (any language; by default English, "
	 "or the document's lang for fr, es, de, the triad aside), and the "
	 "label a "
	 "triad list item or paragraph opens with", NULL, read_labels},
	{"appearance", DM_OPT_CHOICE, offsetof(state, look), "default", NULL,
	 "how callouts stand out: tinted, outlined, or a rule", looks, NULL},
	{"stylesheet", DM_OPT_CUSTOM, 0, "true", "true | false | inline",
	 "add the HTML stylesheet, the LaTeX definitions and the odt "
	 "styles to header-includes; inline: the HTML stylesheet at the top "
	 "of the body instead, where a fragment (no -s) carries it",
	 NULL, read_stylesheet},
	{"collapse", DM_OPT_BOOL, offsetof(state, collapse), "false", NULL,
	 "HTML callouts start collapsed", NULL, NULL},
	{"icons", DM_OPT_BOOL, offsetof(state, icons), "true", NULL,
	 "an icon before each HTML title", NULL, NULL},
	{"group", DM_OPT_BOOL, offsetof(state, group), "true", NULL,
	 "the triad in one group", NULL, NULL},
	{"section", DM_OPT_BOOL, offsetof(state, section), "true", NULL,
	 "the Direct Message section becomes a callout", NULL, NULL},
	{"section-heading", DM_OPT_STRING, offsetof(state, heading),
	 "The Direct Message", NULL, "that section's heading", NULL, NULL},
	{NULL, DM_OPT_BOOL, 0, NULL, NULL, NULL, NULL, NULL},
};

dmf_callouts *dmf_callouts_open(dm_ctx *ctx)
{
	state *st = calloc(1, sizeof *st);

	if (st == NULL) {
		dm_nomem(ctx->err);
		return NULL;
	}
	if (add_builtins(ctx, st) ||
	    dm_options_read(ctx, OPT, dmf_callouts_option_table, st)) {
		dmf_callouts_close(st);
		return NULL;
	}
	return st;
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
	for (i = 0; i < st->nopen; i++)
		dmf_callout_free(&st->open[i]);
	json_decref(st->xrefs);
	free(st->open);
	dm_options_free(dmf_callouts_option_table, st);
	free(st);
}
