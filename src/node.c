/*
 * node.c - reading and building nodes, and their attributes.
 */
#include <string.h>

#include "internal.h"

/*
 * The tag and the contents of node `o`: what dm_tag(o) and
 * json_object_get(o, "c") return, found in one pass over its keys rather
 * than by hashing each.  A node has few keys, and this runs for every one
 * the validator and the walker meet.
 */
const char *dmp_tag_content(const json_t *o, json_t **c)
{
	json_t *t = NULL;
	const char *key;
	void *it;

	*c = NULL;
	for (it = json_object_iter((json_t *)o); it;
	     it = json_object_iter_next((json_t *)o, it)) {
		if (json_object_iter_key_len(it) != 1)
			continue;
		key = json_object_iter_key(it);
		if (key[0] == 't')
			t = json_object_iter_value(it);
		else if (key[0] == 'c')
			*c = json_object_iter_value(it);
	}
	return json_string_value(t);
}

/* Found by a look at the keys rather than by hashing "t": a node has one
 * or two, "t" first as pandoc writes it, and this runs for every node
 * every filter meets. */
const char *dm_tag(const json_t *node)
{
	void *it;

	for (it = json_object_iter((json_t *)node); it;
	     it = json_object_iter_next((json_t *)node, it))
		if (json_object_iter_key_len(it) == 1 &&
		    json_object_iter_key(it)[0] == 't')
			return json_string_value(json_object_iter_value(it));
	return NULL;
}

bool dm_is(const json_t *node, const char *tag)
{
	const char *t = dm_tag(node);

	return t != NULL && strcmp(t, tag) == 0;
}

json_t *dm_content(const json_t *node)
{
	return json_object_get(node, "c");
}

json_t *dm_field(const json_t *node, size_t i)
{
	return json_array_get(json_object_get(node, "c"), i);
}

/* The position of field `code` in the node's schema, or -1. */
static int field_index(const json_t *node, char code, dm_kind *kindp)
{
	const char *tag = dm_tag(node);
	const dm_schema *s;
	const char *p;

	if (tag == NULL)
		return -1;
	s = dmp_schema(tag, DM_BLOCK);
	if (s == NULL)
		s = dmp_schema(tag, DM_INLINE);
	if (s == NULL || (p = strchr(s->fields, code)) == NULL)
		return -1;
	if (kindp)
		*kindp = s->kind;
	return (int)(p - s->fields);
}

static json_t *schema_field(const json_t *node, char code)
{
	const char *tag = dm_tag(node);
	const dm_schema *s;
	int i = field_index(node, code, NULL);

	if (i < 0)
		return NULL;
	s = dmp_schema(tag, DM_BLOCK);
	if (s == NULL)
		s = dmp_schema(tag, DM_INLINE);
	if (strlen(s->fields) == 1)
		return json_object_get(node, "c");
	return dm_field(node, (size_t)i);
}

json_t *dm_node_attr(const json_t *node)
{
	return schema_field(node, 'A');
}

json_t *dm_node_inlines(const json_t *node)
{
	return schema_field(node, 'I');
}

json_t *dm_node_blocks(const json_t *node)
{
	return schema_field(node, 'B');
}

/* ------------------------------------------------------------------------
 * Building
 * ------------------------------------------------------------------------ */

/* The string of `tag`: an ASCII one (every tag this library makes) is
 * taken without jansson's UTF-8 check, which costs more than the rest of
 * a node; NULL as json_string() gives it. */
static json_t *tag_string(const char *tag)
{
	const char *p;

	if (tag == NULL)
		return NULL;
	for (p = tag; *p; p++)
		if ((unsigned char)*p >= 0x80)
			return json_string(tag);
	return json_stringn_nocheck(tag, (size_t)(p - tag));
}

json_t *dm_node(const char *tag, json_t *c)
{
	json_t *n = json_object();

	if (n == NULL ||
	    json_object_set_new_nocheck(n, "t", tag_string(tag)) != 0) {
		json_decref(n);
		json_decref(c); /* not yet taken */
		return NULL;
	}
	/* jansson takes `c` even when it fails to set it */
	if (c != NULL && json_object_set_new_nocheck(n, "c", c) != 0) {
		json_decref(n);
		return NULL;
	}
	return n;
}

/* A node whose contents are an array of `n` stolen fields. */
static json_t *node_fields(const char *tag, size_t n, json_t **fields)
{
	json_t *c = json_array();
	size_t i;
	bool ok = c != NULL;

	for (i = 0; i < n; i++) {
		if (fields[i] == NULL || !ok) {
			ok = false;
			json_decref(fields[i]);
			continue;
		}
		if (json_array_append_new(c, fields[i]) != 0)
			ok = false;
	}
	if (!ok) {
		json_decref(c);
		return NULL;
	}
	return dm_node(tag, c);
}

/* A node with one stolen field; NULL when that field is NULL. */
static json_t *node1(const char *tag, json_t *c)
{
	return c == NULL ? NULL : dm_node(tag, c);
}

json_t *dm_str(const char *text)
{
	return node1("Str", json_string(text));
}

json_t *dm_space(void)
{
	return dm_node("Space", NULL);
}

json_t *dm_softbreak(void)
{
	return dm_node("SoftBreak", NULL);
}

json_t *dm_linebreak(void)
{
	return dm_node("LineBreak", NULL);
}

json_t *dm_emph(json_t *inlines)
{
	return node1("Emph", inlines);
}

json_t *dm_strong(json_t *inlines)
{
	return node1("Strong", inlines);
}

json_t *dm_span(json_t *attr, json_t *inlines)
{
	json_t *f[] = {attr, inlines};

	return node_fields("Span", 2, f);
}

json_t *dm_link(json_t *attr, json_t *inlines, const char *url,
                const char *title)
{
	json_t *f[] = {attr, inlines,
	               json_pack("[ss]", url, title ? title : "")};

	return node_fields("Link", 3, f);
}

json_t *dm_code(json_t *attr, const char *text)
{
	json_t *f[] = {attr, json_string(text)};

	return node_fields("Code", 2, f);
}

json_t *dm_raw_inline(const char *format, const char *text)
{
	json_t *f[] = {json_string(format), json_string(text)};

	return node_fields("RawInline", 2, f);
}

json_t *dm_plain(json_t *inlines)
{
	return node1("Plain", inlines);
}

json_t *dm_para(json_t *inlines)
{
	return node1("Para", inlines);
}

json_t *dm_header(int level, json_t *attr, json_t *inlines)
{
	json_t *f[] = {json_integer(level), attr, inlines};

	return node_fields("Header", 3, f);
}

json_t *dm_div(json_t *attr, json_t *blocks)
{
	json_t *f[] = {attr, blocks};

	return node_fields("Div", 2, f);
}

json_t *dm_blockquote(json_t *blocks)
{
	return node1("BlockQuote", blocks);
}

json_t *dm_bullet_list(json_t *items)
{
	return node1("BulletList", items);
}

json_t *dm_raw_block(const char *format, const char *text)
{
	json_t *f[] = {json_string(format), json_string(text)};

	return node_fields("RawBlock", 2, f);
}

json_t *dm_horizontal_rule(void)
{
	return dm_node("HorizontalRule", NULL);
}

int dm_append(json_t *list, json_t *node)
{
	if (node == NULL)
		return -1;
	return json_array_append_new(list, node);
}

bool dm_holds(const json_t *list, const json_t *node)
{
	size_t i, n = json_array_size(list);

	for (i = 0; i < n; i++)
		if (json_array_get(list, i) == node)
			return true;
	return false;
}

/* ------------------------------------------------------------------------
 * Attributes
 * ------------------------------------------------------------------------ */

json_t *dm_attr(const char *id)
{
	return json_pack("[s[][]]", id ? id : "");
}

const char *dm_attr_id(const json_t *attr)
{
	const char *id = json_string_value(json_array_get(attr, 0));

	return id ? id : "";
}

int dm_attr_set_id(json_t *attr, const char *id)
{
	return json_array_set_new(attr, 0, json_string(id));
}

bool dm_attr_has_class(const json_t *attr, const char *cls)
{
	const json_t *classes = json_array_get(attr, 1);
	size_t i;

	for (i = 0; i < json_array_size(classes); i++) {
		const char *c = json_string_value(json_array_get(classes, i));
		if (c && strcmp(c, cls) == 0)
			return true;
	}
	return false;
}

int dm_attr_add_class(json_t *attr, const char *cls)
{
	json_t *classes = json_array_get(attr, 1);

	if (!json_is_array(classes))
		return -1;
	if (dm_attr_has_class(attr, cls))
		return 0;
	return json_array_append_new(classes, json_string(cls));
}

int dm_attr_remove_class(json_t *attr, const char *cls)
{
	json_t *classes = json_array_get(attr, 1);
	size_t i = 0;
	int removed = 0;

	while (i < json_array_size(classes)) {
		const char *c = json_string_value(json_array_get(classes, i));
		if (c && strcmp(c, cls) == 0) {
			json_array_remove(classes, i);
			removed++;
		} else {
			i++;
		}
	}
	return removed;
}

const char *dm_attr_get(const json_t *attr, const char *key)
{
	const json_t *kvs = json_array_get(attr, 2);
	size_t i;

	for (i = 0; i < json_array_size(kvs); i++) {
		const json_t *kv = json_array_get(kvs, i);
		const char *k = json_string_value(json_array_get(kv, 0));
		if (k && strcmp(k, key) == 0)
			return json_string_value(json_array_get(kv, 1));
	}
	return NULL;
}

int dm_attr_set(json_t *attr, const char *key, const char *value)
{
	json_t *kvs = json_array_get(attr, 2);
	size_t i;

	if (!json_is_array(kvs))
		return -1;
	for (i = 0; i < json_array_size(kvs); i++) {
		json_t *kv = json_array_get(kvs, i);
		const char *k = json_string_value(json_array_get(kv, 0));
		if (k && strcmp(k, key) == 0)
			return json_array_set_new(kv, 1, json_string(value));
	}
	return json_array_append_new(kvs, json_pack("[ss]", key, value));
}

int dm_attr_remove(json_t *attr, const char *key)
{
	json_t *kvs = json_array_get(attr, 2);
	size_t i = 0;
	int removed = 0;

	while (i < json_array_size(kvs)) {
		const char *k = json_string_value(
		        json_array_get(json_array_get(kvs, i), 0));
		if (k && strcmp(k, key) == 0) {
			json_array_remove(kvs, i);
			removed++;
		} else {
			i++;
		}
	}
	return removed;
}
