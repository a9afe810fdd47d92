/*
 * sources.c - credits that are not credit lines: the attributes of an
 * image (credit, credit-url, source, source-url, license, license-url),
 * the metadata keys `credits` (a list of texts or of maps) and
 * `image-credit`, and the items of a footer an earlier run made.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "credits.h"

const char *cr_kind_of(const json_t *v)
{
	switch (dm_type_of(v)) {
	case DM_T_META_MAP:
		return "a map";
	case DM_T_META_LIST:
		return "a list";
	case DM_T_META_BOOL:
		return "a boolean";
	default:
		return "text";
	}
}

/* ------------------------------------------------------------------------
 * Metadata
 * ------------------------------------------------------------------------ */

/* The keys of a credit written as a map, and where each goes. */
enum key_kind { KEY_INLINES, KEY_URL, KEY_TEXT };
static const struct credit_key {
	const char *name;
	enum key_kind kind;
	size_t offset; /* of a json_t * (KEY_INLINES) or char * in credit */
} credit_keys[] = {
	{"name", KEY_INLINES, offsetof(credit, name)},
	{"url", KEY_URL, offsetof(credit, url)},
	{"source", KEY_INLINES, offsetof(credit, source)},
	{"source-url", KEY_URL, offsetof(credit, source_url)},
	{"license", KEY_INLINES, offsetof(credit, license)},
	{"license-url", KEY_URL, offsetof(credit, license_url)},
	{"role", KEY_INLINES, offsetof(credit, role)},
	{"image", KEY_TEXT, offsetof(credit, image)},
};
#define NKEYS (sizeof credit_keys / sizeof *credit_keys)

int cr_take_link(json_t **inlines, char **url)
{
	json_t *l = json_array_get(*inlines, 0), *text;

	if (json_array_size(*inlines) != 1 || dm_type_of(l) != DM_T_LINK)
		return 0;
	text = json_incref(dm_field(l, 1));
	free(*url);
	*url = strdup(json_string_value(json_array_get(dm_field(l, 2), 0)));
	json_decref(*inlines);
	*inlines = text;
	return *url ? 0 : -1;
}

/* A URL from metadata: a lone link's target, else the plain text. */
static int meta_url(const json_t *v, const char *where, char **out,
                    dm_error *err)
{
	const json_t *l = json_array_get(dm_content(v), 0);

	if (dm_type_of(v) == DM_T_META_INLINES &&
	    json_array_size(dm_content(v)) == 1 && dm_type_of(l) == DM_T_LINK) {
		*out = strdup(json_string_value(
		        json_array_get(dm_field(l, 2), 0)));
		return *out ? 0 : dm_nomem(err);
	}
	return dm_meta_string(v, where, out, err) < 0 ? -1 : 0;
}

/* Reads value `v` of key `k` into credit `c`.  0, or -1 with `err` set. */
static int read_key(const struct credit_key *k, const json_t *v,
                    const char *where, credit *c, dm_error *err)
{
	char *field = (char *)c + k->offset;

	switch (k->kind) {
	case KEY_INLINES:
		return dm_meta_inlines(v, where, (json_t **)(void *)field,
		                       err) < 0 ? -1 : 0;
	case KEY_URL:
		return meta_url(v, where, (char **)(void *)field, err);
	case KEY_TEXT:
	default:
		return dm_meta_string(v, where, (char **)(void *)field, err) < 0
		               ? -1 : 0;
	}
}

/* One credit from a metadata map; `where` names it.  0 or -1. */
static int map_credit(const dmf_credits *cr, const json_t *map,
                      const char *where, credit *c, dm_error *err)
{
	const char *key;
	json_t *v;
	char at[300];
	size_t i;

	json_object_foreach((json_t *)dm_content(map), key, v) {
		for (i = 0; i < NKEYS; i++)
			if (strcmp(key, credit_keys[i].name) == 0)
				break;
		snprintf(at, sizeof at, "%s.%s", where, key);
		if (i == NKEYS)
			return dm_error_set(
			        err, DM_EOPTION, at,
			        "unknown key \"%s\" in a credit (name, url, "
			        "source, source-url, license, license-url, "
			        "role, image)", key);
		if (read_key(&credit_keys[i], v, at, c, err) != 0)
			return -1;
	}
	if (c->name == NULL || json_array_size(c->name) == 0)
		return dm_error_set(err, DM_EOPTION, where,
		                    "a credit needs a name");
	if (cr_take_link(&c->name, &c->url) ||
	    cr_take_link(&c->source, &c->source_url) ||
	    cr_take_link(&c->license, &c->license_url) ||
	    cr_unsplash_defaults(cr, c))
		return dm_nomem(err);
	return 0;
}

/* One metadata credit (text or map) into cr->meta.  0 or -1. */
static int meta_credit(dmf_credits *cr, const json_t *v, const char *where,
                       dm_error *err)
{
	credit c = {0};
	json_t *inlines = NULL;
	int rc;

	switch (dm_type_of(v)) {
	case DM_T_META_MAP:
		if (map_credit(cr, v, where, &c, err) != 0) {
			cr_credit_free(&c);
			return -1;
		}
		c.rank = CR_FROM_META;
		return cr_list_add(&cr->meta, &c, err);
	case DM_T_META_LIST:
	case DM_T_META_BOOL:
		return dm_error_set(err, DM_EOPTION, where,
		                    "expected a credit (text, or a map with a "
		                    "name), found %s", cr_kind_of(v));
	default:
		if (dm_meta_inlines(v, where, &inlines, err) < 0)
			return -1;
		rc = cr_read_line(cr, inlines, CR_META, CR_FROM_META, &cr->meta,
		                  err);
		json_decref(inlines);
		return rc < 0 ? -1 : 0;
	}
}

/* `key:` with nothing after it in YAML: MetaString "" (or MetaBlocks [],
 * MetaInlines []), taken as absent. */
static bool empty(const json_t *v)
{
	const json_t *c = dm_content(v);

	switch (dm_type_of(v)) {
	case DM_T_META_STRING:
		return strcmp(json_string_value(c), "") == 0;
	case DM_T_META_INLINES:
	case DM_T_META_BLOCKS:
		return json_array_size(c) == 0;
	default:
		return false;
	}
}

int cr_read_meta(const dm_doc *doc, dmf_credits *cr, dm_error *err)
{
	json_t *v = dm_meta_get(doc, "image-credit");
	char at[64];
	size_t i;

	if (v != NULL && !empty(v) &&
	    meta_credit(cr, v, "meta.image-credit", err) != 0)
		return -1;
	if ((v = dm_meta_get(doc, "credits")) == NULL || empty(v))
		return 0;
	if (dm_type_of(v) != DM_T_META_LIST)
		return dm_error_set(err, DM_EOPTION, "meta.credits",
		                    "credits must be a list, found %s",
		                    cr_kind_of(v));
	for (i = 0; i < json_array_size(dm_content(v)); i++) {
		snprintf(at, sizeof at, "meta.credits[%zu]", i);
		if (meta_credit(cr, json_array_get(dm_content(v), i), at, err))
			return -1;
	}
	return 0;
}

credit *cr_meta_for(const dmf_credits *cr, const char *src, bool unplaced)
{
	size_t i, n, m = strlen(src);

	for (i = 0; i < cr->meta.n; i++) {
		const char *im = cr->meta.v[i].image;
		if (im == NULL || (unplaced && cr->meta.v[i].placed))
			continue;
		n = strlen(im);
		if (strcmp(im, src) == 0 ||
		    (m > n && src[m - n - 1] == '/' &&
		     strcmp(src + m - n, im) == 0))
			return &cr->meta.v[i];
	}
	return NULL;
}

/* ------------------------------------------------------------------------
 * Images
 * ------------------------------------------------------------------------ */

const char *cr_image_src(const json_t *image)
{
	const char *s = json_string_value(json_array_get(dm_field(image, 2),
	                                                 0));
	return s ? s : "";
}

/* The URLs and license an image's attributes add to credit `c`, where it
 * has none yet.  0, or -1 when out of memory. */
static int image_extras(const json_t *attr, credit *c)
{
	const char *v;

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
	return 0;
}

cr_found cr_image_credit(const dmf_credits *cr, const json_t *image,
                         credit *c)
{
	const json_t *attr = dm_node_attr(image);
	const char *name = dm_attr_get(attr, "credit");
	const char *source = dm_attr_get(attr, "source");
	json_t *text;
	cr_found rc = CR_NONE;

	if ((name == NULL || !name[0]) && (source == NULL || !source[0]))
		return CR_NONE;
	/* A whole line in `credit` ("Photo by Ana Ruiz on Unsplash"). */
	if (name && (source == NULL || !source[0])) {
		if ((text = dm_text(name)) == NULL)
			return CR_NOMEM;
		rc = cr_parse_one(cr, text, 0, c);
		json_decref(text);
		if (rc == CR_NOMEM)
			return CR_NOMEM;
	}
	/* Else the name and source as they are. */
	if (rc == CR_NONE &&
	    ((name && name[0] && (c->name = dm_text(name)) == NULL) ||
	     (source && source[0] && (c->source = dm_text(source)) == NULL)))
		return CR_NOMEM;
	if (image_extras(attr, c) != 0)
		return CR_NOMEM;
	if (rc == CR_NONE && (cr_unsplash_defaults(cr, c) != 0 ||
	                      (c->role == NULL &&
	                       (c->role = dm_text(cr->say[CR_SAY_IMAGE])) == NULL)))
		return CR_NOMEM;
	return CR_FOUND;
}

/* ------------------------------------------------------------------------
 * An earlier run's footer
 * ------------------------------------------------------------------------ */

int cr_take_footer(dmf_credits *cr, const json_t *div, dm_error *err)
{
	const json_t *blocks = dm_node_blocks(div), *list = NULL;
	size_t i;

	for (i = 0; i < json_array_size(blocks) && list == NULL; i++)
		if (dm_type_of(json_array_get(blocks, i)) == DM_T_BULLET_LIST)
			list = dm_content(json_array_get(blocks, i));
	/* Each item is kept as it is (its words read back where the docx
	 * footer set them in runs of its own); parsed only for the name and
	 * source that tell duplicates apart. */
	for (i = 0; i < json_array_size(list); i++) {
		json_t *item = json_deep_copy(json_array_get(list, i));
		dm_type t = dm_type_of(json_array_get(item, 0));
		credit c = {0};
		if (item == NULL || dm_box_plain_runs(item) != 0) {
			json_decref(item);
			return dm_nomem(err);
		}
		if (json_array_size(item) == 1 &&
		    (t == DM_T_PLAIN || t == DM_T_PARA) &&
		    cr_parse_one(cr, dm_content(json_array_get(item, 0)),
		                 CR_P_NAME, &c) == CR_NOMEM) {
			json_decref(item);
			return dm_nomem(err);
		}
		c.rank = CR_FROM_FOOTER;
		c.blocks = item;
		if (cr_list_add(&cr->list, &c, err) != 0)
			return -1;
	}
	return 0;
}
