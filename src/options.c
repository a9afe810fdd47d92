/*
 * options.c - a filter's options, described once in a table of
 * dm_option_spec rows (dm.h, "Option tables"): reading them from the
 * metadata with their defaults, the check for unknown keys with a "did you
 * mean", and the --help text all come from the same rows, so an option
 * cannot be known to one and missing from another.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

#define FIELD(state, spec, type) ((type *)((char *)(state) + (spec)->offset))

/* ------------------------------------------------------------------------
 * Unknown keys
 * ------------------------------------------------------------------------ */

/* The row named by the first `len` bytes of `key`, or NULL. */
static const dm_option_spec *find(const dm_option_spec *specs,
                                  const char *key, size_t len)
{
	for (; specs->name; specs++)
		if (strlen(specs->name) == len &&
		    strncmp(specs->name, key, len) == 0)
			return specs;
	return NULL;
}

/* An error for the unknown key `key` (its first `len` bytes), with the
 * nearest name of the table when one is at most two edits away. */
static int unknown(const dm_option_spec *specs, const char *key, size_t len,
                   const char *where, dm_error *err)
{
	const char *best = NULL;
	size_t d, bestd = 3;
	char word[48];

	snprintf(word, sizeof word, "%.*s", (int)len, key);
	for (; specs->name; specs++)
		if ((d = dm_text_distance(word, specs->name)) < bestd) {
			bestd = d;
			best = specs->name;
		}
	if (best)
		return dm_error_set(err, DM_EOPTION, where,
		                    "unknown option \"%.*s\" (did you mean "
		                    "%s?)", (int)len, key, best);
	return dm_error_set(err, DM_EOPTION, where, "unknown option \"%.*s\"",
	                    (int)len, key);
}

/* The map under `filter` is a map of known keys, and so is every flat key
 * "FILTER.KEY..." that pandoc -M makes. */
static int check_keys(const dm_doc *doc, const char *filter,
                      const dm_option_spec *specs, dm_error *err)
{
	const json_t *map = json_object_get(doc->meta, filter);
	size_t n = strlen(filter);
	char where[300];
	const char *key;
	json_t *v;

	if (map != NULL) {
		if (dm_type_of(map) != DM_T_META_MAP) {
			snprintf(where, sizeof where, "meta.%s", filter);
			return dm_error_set(err, DM_EOPTION, where,
			                    "expected a map of %s options",
			                    filter);
		}
		json_object_foreach(dm_content(map), key, v) {
			if (find(specs, key, strlen(key)))
				continue;
			snprintf(where, sizeof where, "meta.%s.%s", filter, key);
			return unknown(specs, key, strlen(key), where, err);
		}
	}
	json_object_foreach(doc->meta, key, v) {
		const char *k = key + n + 1;
		size_t len;
		if (strncmp(key, filter, n) != 0 || key[n] != '.')
			continue;
		len = strcspn(k, ".");
		if (find(specs, k, len))
			continue;
		snprintf(where, sizeof where, "meta[\"%s\"]", key);
		return unknown(specs, k, len, where, err);
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------ */

/* "a, b or c" into `out`. */
static void choices_text(const char *const *c, dm_buf *out)
{
	size_t i, n = 0;

	while (c[n])
		n++;
	for (i = 0; i < n; i++) {
		if (i)
			dm_buf_puts(out, i + 1 == n ? " or " : ", ");
		dm_buf_puts(out, c[i]);
	}
}

static int choice_index(const char *const *choices, const char *s)
{
	int i;

	for (i = 0; s && choices[i]; i++)
		if (strcmp(choices[i], s) == 0)
			return i;
	return -1;
}

static int read_choice(dm_ctx *ctx, const dm_option_spec *o,
                       const json_t *v, const char *where, int *out)
{
	dm_buf expected = {0};
	char *s = NULL;
	int rc = dm_meta_string(v, where, &s, ctx->err), i;

	if (rc <= 0)
		return rc;
	if ((i = choice_index(o->choices, s)) >= 0) {
		*out = i;
		free(s);
		return 0;
	}
	choices_text(o->choices, &expected);
	if (dm_buf_failed(&expected))
		rc = dm_nomem(ctx->err);
	else
		rc = dm_error_set(ctx->err, DM_EOPTION, where,
		                  "unknown %s \"%s\" (expected %s)", o->name, s,
		                  dm_buf_str(&expected));
	dm_buf_free(&expected);
	free(s);
	return rc;
}

/* The default of row `o` into its field. */
static int set_default(dm_ctx *ctx, const dm_option_spec *o, void *state)
{
	json_t *j = NULL;

	switch (o->type) {
	case DM_OPT_BOOL:
		*FIELD(state, o, bool) = o->def && strcmp(o->def, "true") == 0;
		return 0;
	case DM_OPT_CHOICE:
		*FIELD(state, o, int) = o->def ? choice_index(o->choices,
		                                              o->def) : 0;
		return 0;
	case DM_OPT_STRING:
		if (o->def && (*FIELD(state, o, char *) = strdup(o->def)) ==
		                      NULL)
			return dm_nomem(ctx->err);
		return 0;
	case DM_OPT_INLINES:
	case DM_OPT_BLOCKS:
		if (o->def == NULL)
			return 0;
		j = dm_text(o->def);
		if (j && o->type == DM_OPT_BLOCKS)
			j = json_pack("[o]", dm_para(j));
		if (j == NULL)
			return dm_nomem(ctx->err);
		*FIELD(state, o, json_t *) = j;
		return 0;
	case DM_OPT_CUSTOM:
		return 0;
	}
	return 0;
}

/* Row `o` from the metadata value `v` (present) into its field. */
static int read_value(dm_ctx *ctx, const dm_option_spec *o, const json_t *v,
                      const char *where, void *state)
{
	char *s = NULL;
	json_t *j = NULL;
	int rc = 0;

	switch (o->type) {
	case DM_OPT_BOOL:
		rc = dm_meta_bool(v, where, FIELD(state, o, bool), ctx->err);
		break;
	case DM_OPT_CHOICE:
		rc = read_choice(ctx, o, v, where, FIELD(state, o, int));
		break;
	case DM_OPT_STRING:
		if ((rc = dm_meta_string(v, where, &s, ctx->err)) > 0) {
			free(*FIELD(state, o, char *));
			*FIELD(state, o, char *) = s;
		}
		break;
	case DM_OPT_INLINES:
	case DM_OPT_BLOCKS:
		rc = o->type == DM_OPT_INLINES
		             ? dm_meta_inlines(v, where, &j, ctx->err)
		             : dm_meta_blocks(v, where, &j, ctx->err);
		if (rc > 0) {
			json_decref(*FIELD(state, o, json_t *));
			*FIELD(state, o, json_t *) = j;
		}
		break;
	case DM_OPT_CUSTOM:
		break;
	}
	return rc < 0 ? -1 : 0;
}

int dm_options_read(dm_ctx *ctx, const char *filter,
                    const dm_option_spec *specs, void *state)
{
	const dm_option_spec *o;
	char where[300];
	json_t *v;

	for (o = specs; o->name; o++)
		if (set_default(ctx, o, state))
			return -1;
	if (check_keys(ctx->doc, filter, specs, ctx->err))
		return -1;
	for (o = specs; o->name; o++) {
		where[0] = '\0';
		v = dm_option(ctx->doc, filter, o->name, where, sizeof where);
		if (o->type == DM_OPT_CUSTOM) {
			if (o->read(ctx, v, where, state))
				return -1;
		} else if (v && read_value(ctx, o, v, where, state)) {
			return -1;
		}
	}
	return 0;
}

void dm_options_free(const dm_option_spec *specs, void *state)
{
	for (; specs->name; specs++) {
		if (specs->type == DM_OPT_STRING) {
			free(*FIELD(state, specs, char *));
			*FIELD(state, specs, char *) = NULL;
		} else if (specs->type == DM_OPT_INLINES ||
		           specs->type == DM_OPT_BLOCKS) {
			json_decref(*FIELD(state, specs, json_t *));
			*FIELD(state, specs, json_t *) = NULL;
		}
	}
}

/* ------------------------------------------------------------------------
 * --help
 * ------------------------------------------------------------------------ */

#define HELP_COLUMN 24 /* where the help text starts */
#define HELP_WIDTH 76  /* where it wraps */

/* `text` from column `col` (the cursor is there), wrapped at HELP_WIDTH
 * with continuation lines indented to HELP_COLUMN. */
static void wrapped(dm_buf *out, const char *text, size_t col)
{
	while (*text) {
		size_t w = strcspn(text, " ");
		if (col > HELP_COLUMN && col + 1 + w > HELP_WIDTH) {
			dm_buf_printf(out, "\n%*s", HELP_COLUMN, "");
			col = HELP_COLUMN;
		} else if (col > HELP_COLUMN) {
			dm_buf_putc(out, ' ');
			col++;
		}
		dm_buf_add(out, text, w);
		col += w;
		text += w;
		text += strspn(text, " ");
	}
}

/* "  NAME: ARG", padded to HELP_COLUMN (or a line of its own when
 * longer), then the help and the default, wrapped. */
static void help_row(const dm_option_spec *o, dm_buf *out)
{
	size_t start = out->len, col, i;
	const char *q = o->type == DM_OPT_STRING || o->type == DM_OPT_INLINES ||
	                o->type == DM_OPT_BLOCKS ? "\"" : "";
	dm_buf text = {0};

	dm_buf_printf(out, "  %s: ", o->name);
	if (o->arg)
		dm_buf_puts(out, o->arg);
	else if (o->type == DM_OPT_CHOICE)
		for (i = 0; o->choices[i]; i++)
			dm_buf_printf(out, "%s%s", i ? " | " : "",
			              o->choices[i]);
	else
		dm_buf_puts(out, o->type == DM_OPT_BOOL ? "BOOL" : "TEXT");
	col = out->len - start;
	if (col >= HELP_COLUMN)
		dm_buf_printf(out, "\n%*s", HELP_COLUMN, "");
	else
		dm_buf_printf(out, "%*s", (int)(HELP_COLUMN - col), "");
	dm_buf_puts(&text, o->help ? o->help : "");
	if (o->def)
		dm_buf_printf(&text, " (default %s%s%s)", q, o->def, q);
	wrapped(out, dm_buf_str(&text), HELP_COLUMN);
	dm_buf_putc(out, '\n');
	out->failed |= text.failed;
	dm_buf_free(&text);
}

int dm_options_help(const dm_option_spec *specs, dm_buf *out)
{
	for (; specs->name; specs++)
		help_row(specs, out);
	return dm_buf_failed(out) ? -1 : 0;
}
