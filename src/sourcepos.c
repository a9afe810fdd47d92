/*
 * sourcepos.c - documents read with pandoc's +sourcepos: every block in a
 * Div and every inline in a Span, both with wrapper="1" and data-pos.
 * Filters read text; this lets them read it as if positions were not there.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A Span or Div that +sourcepos made: no id, no class, and the attributes
 * wrapper="1" and data-pos only. */
static bool is_wrapper(const json_t *node, const char *tag)
{
	const json_t *attr = dm_node_attr(node);

	return dm_is(node, tag) && *dm_attr_id(attr) == '\0' &&
	       json_array_size(json_array_get(attr, 1)) == 0 &&
	       json_array_size(json_array_get(attr, 2)) == 2 &&
	       dm_attr_get(attr, "data-pos") != NULL &&
	       (dm_attr_get(attr, "wrapper") &&
	        strcmp(dm_attr_get(attr, "wrapper"), "1") == 0);
}

bool dm_sourcepos(dm_doc *doc)
{
	const json_t *blocks = dm_doc_blocks(doc);
	size_t i;

	/* Every top-level block carries a position: a heading in its own
	 * attributes, the others in a wrapper Div.  One look at each. */
	for (i = 0; i < json_array_size(blocks); i++) {
		const json_t *b = json_array_get(blocks, i);
		if (is_wrapper(b, "Div"))
			return true;
		if (dm_attr_get(dm_node_attr(b), "data-pos") == NULL)
			return false;
	}
	return false;
}

/* Splices wrapper Spans' contents into the list and joins adjacent Str.
 * The walk then goes into what is left, and fixes lists further in. */
static dm_walk_result unwrap(dm_ctx *ctx, const dm_walk *w, json_t *list)
{
	size_t i = 0, k;

	(void)w;
	while (i < json_array_size(list)) {
		json_t *x = json_array_get(list, i), *prev;
		if (is_wrapper(x, "Span")) {
			json_t *ils = json_incref(dm_node_inlines(x));
			json_array_remove(list, i);
			for (k = 0; k < json_array_size(ils); k++)
				if (json_array_insert(list, i + k,
				                      json_array_get(ils, k)))
					goto nomem;
			json_decref(ils);
			continue; /* look again: wrappers may nest */
		}
		prev = i > 0 ? json_array_get(list, i - 1) : NULL;
		if (dm_is(x, "Str") && dm_is(prev, "Str")) {
			dm_buf b = {0};
			if (dm_buf_puts(&b, json_string_value(dm_content(prev))) ||
			    dm_buf_puts(&b, json_string_value(dm_content(x))) ||
			    json_object_set_new(prev, "c", json_string(b.data))) {
				dm_buf_free(&b);
				goto nomem;
			}
			dm_buf_free(&b);
			json_array_remove(list, i);
			continue;
		}
		i++;
	}
	return DM_WALK_CONTINUE;
nomem:
	dm_nomem(ctx->err);
	return DM_WALK_ERROR;
}

int dm_sourcepos_unwrap(dm_ctx *ctx)
{
	static const dm_visitor v = {.inlines = unwrap, .flags = DM_WALK_META};

	return dm_walk_doc(ctx, &v);
}
