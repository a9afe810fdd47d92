/*
 * meta.c - metadata lookups, typed reads and filter options.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dm_md.h"
#include "internal.h"

/* Looks up a dotted path in a metadata object (key -> MetaValue),
 * descending through MetaMaps.  A key may itself hold dots ("a.b" as one
 * key): the whole path is tried as a key first, then each split of it. */
static json_t *lookup(const json_t *map, const char *path)
{
	const char *dot;
	json_t *v;

	if (!json_is_object(map))
		return NULL;
	v = json_object_get(map, path);
	if (v != NULL)
		return v;
	for (dot = strchr(path, '.'); dot != NULL; dot = strchr(dot + 1, '.')) {
		json_t *head =
		        json_object_getn(map, path, (size_t)(dot - path));
		if (dm_is(head, "MetaMap") &&
		    (v = lookup(json_object_get(head, "c"), dot + 1)) != NULL)
			return v;
	}
	return NULL;
}

json_t *dm_meta_get(const dm_doc *doc, const char *path)
{
	return lookup(doc->meta, path);
}

json_t *dm_option(const dm_doc *doc, const char *filter, const char *key,
                  char *where, size_t where_size)
{
	char flat[256];
	json_t *map, *v;

	/* `pandoc -M dm-callouts.collapse=true` makes the flat key; it comes
	 * from the command line, so it wins over the document's map. */
	snprintf(flat, sizeof flat, "%s.%s", filter, key);
	v = json_object_get(doc->meta, flat);
	if (v != NULL) {
		if (where)
			snprintf(where, where_size, "meta[\"%s\"]", flat);
		return v;
	}
	map = json_object_get(doc->meta, filter);
	if (!dm_is(map, "MetaMap"))
		return NULL;
	v = lookup(json_object_get(map, "c"), key);
	if (v != NULL && where)
		snprintf(where, where_size, "meta.%s.%s", filter, key);
	return v;
}

static const char *kind_of(const json_t *value)
{
	const char *t = dm_tag(value);

	if (t == NULL)
		return "not a metadata value";
	if (strcmp(t, "MetaMap") == 0)
		return "a map";
	if (strcmp(t, "MetaList") == 0)
		return "a list";
	if (strcmp(t, "MetaBool") == 0)
		return "a boolean";
	if (strcmp(t, "MetaBlocks") == 0)
		return "several paragraphs";
	return "text";
}

static int wrong(const json_t *value, const char *where, const char *want,
                 dm_error *err)
{
	return dm_error_set(err, DM_EOPTION, where, "expected %s, found %s",
	                    want, kind_of(value));
}

/* The inlines of a MetaBlocks that is a single Para or Plain, or NULL. */
static json_t *single_paragraph(const json_t *value)
{
	json_t *blocks = dm_content(value);
	json_t *b = json_array_get(blocks, 0);

	if (json_array_size(blocks) == 1 &&
	    (dm_is(b, "Para") || dm_is(b, "Plain")))
		return dm_content(b);
	return NULL;
}

int dm_meta_bool(const json_t *value, const char *where, bool *out,
                 dm_error *err)
{
	char *s;

	if (value == NULL)
		return 0;
	if (dm_is(value, "MetaBool")) {
		*out = json_is_true(dm_content(value));
		return 1;
	}
	if (dm_is(value, "MetaString") || dm_is(value, "MetaInlines")) {
		if ((s = dm_stringify(value)) == NULL)
			return dm_nomem(err);
		if (strcasecmp(s, "true") == 0 || strcasecmp(s, "false") == 0) {
			*out = strcasecmp(s, "true") == 0;
			free(s);
			return 1;
		}
		dm_error_set(err, DM_EOPTION, where,
		             "expected true or false, found \"%s\"", s);
		free(s);
		return -1;
	}
	return wrong(value, where, "true or false", err);
}

int dm_meta_string(const json_t *value, const char *where, char **out,
                   dm_error *err)
{
	char *s;

	if (value == NULL)
		return 0;
	if (dm_is(value, "MetaString") || dm_is(value, "MetaInlines"))
		s = dm_stringify(value);
	else if (dm_is(value, "MetaBlocks") && single_paragraph(value))
		s = dm_stringify(single_paragraph(value));
	else if (dm_is(value, "MetaBlocks") &&
	         json_array_size(dm_content(value)) == 0)
		s = calloc(1, 1); /* `key: ""` in pandoc 2.17 */
	else
		return wrong(value, where, "text", err);
	if (s == NULL)
		return dm_nomem(err);
	*out = s;
	return 1;
}

int dm_meta_inlines(const json_t *value, const char *where, json_t **out,
                    dm_error *err)
{
	json_t *r;

	if (value == NULL)
		return 0;
	if (dm_is(value, "MetaInlines"))
		r = json_deep_copy(dm_content(value));
	else if (dm_is(value, "MetaString")) /* from -M: read as Markdown */
		r = dm_md_inlines(json_string_value(dm_content(value)),
		                  json_string_length(dm_content(value)), err);
	else if (dm_is(value, "MetaBlocks") && single_paragraph(value))
		r = json_deep_copy(single_paragraph(value));
	else if (dm_is(value, "MetaBlocks") &&
	         json_array_size(dm_content(value)) == 0)
		r = json_array();
	else
		return wrong(value, where, "text", err);
	if (r == NULL)
		return dm_nomem(err);
	*out = r;
	return 1;
}

int dm_meta_blocks(const json_t *value, const char *where, json_t **out,
                   dm_error *err)
{
	json_t *r, *ils = NULL;

	if (value == NULL)
		return 0;
	if (dm_is(value, "MetaBlocks")) {
		r = json_deep_copy(dm_content(value));
	} else if (dm_is(value, "MetaInlines") || dm_is(value, "MetaString")) {
		if (dm_meta_inlines(value, where, &ils, err) < 0)
			return -1;
		r = json_array();
		if (r == NULL || json_array_size(ils) == 0)
			json_decref(ils); /* nothing to keep of it */
		else if (dm_append(r, dm_para(ils)) != 0) {
			json_decref(r);
			r = NULL;
		}
	} else {
		return wrong(value, where, "text", err);
	}
	if (r == NULL)
		return dm_nomem(err);
	*out = r;
	return 1;
}

#define OPTION_READ(name, type)                                              \
	int dm_option_##name(const dm_doc *doc, const char *filter,          \
	                     const char *key, type out, dm_error *err)       \
	{                                                                    \
		char where[256];                                             \
		json_t *v = dm_option(doc, filter, key, where, sizeof where);\
		return dm_meta_##name(v, where, out, err);                   \
	}

OPTION_READ(bool, bool *)
OPTION_READ(string, char **)
OPTION_READ(inlines, json_t **)
OPTION_READ(blocks, json_t **)

int dm_meta_add_header_include(dm_doc *doc, const char *format,
                               const char *text, dm_error *err)
{
	json_t *entry, *cur, *list;
	size_t i;

	entry = json_pack("{s:s,s:[{s:s,s:[ss]}]}", "t", "MetaBlocks", "c",
	                  "t", "RawBlock", "c", format, text);
	if (entry == NULL)
		return dm_nomem(err);
	cur = json_object_get(doc->meta, "header-includes");
	if (cur == NULL) {
		list = json_pack("{s:s,s:[o]}", "t", "MetaList", "c", entry);
		if (list == NULL ||
		    json_object_set_new(doc->meta, "header-includes", list))
			return dm_nomem(err);
		return 0;
	}
	if (!dm_is(cur, "MetaList")) {
		/* A single value: it becomes the first of a list. */
		if (json_equal(cur, entry)) {
			json_decref(entry);
			return 0;
		}
		list = json_pack("{s:s,s:[O]}", "t", "MetaList", "c", cur);
		if (list == NULL ||
		    json_object_set_new(doc->meta, "header-includes", list)) {
			json_decref(entry);
			return dm_nomem(err);
		}
		cur = list;
	}
	list = dm_content(cur);
	for (i = 0; i < json_array_size(list); i++)
		if (json_equal(json_array_get(list, i), entry)) {
			json_decref(entry);
			return 0;
		}
	if (json_array_append_new(list, entry) != 0)
		return dm_nomem(err);
	return 0;
}
