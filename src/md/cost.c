/*
 * cost.c - what a copy of converted Markdown costs, for the budget of
 * footnote copies (convert.c): about the bytes of its JSON.
 */
#include <string.h>

#include "md.h"

size_t dmp_md_cost(const json_t *v)
{
	size_t n = 8 + json_string_length(v), i;
	const char *key;
	json_t *e;

	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v); i++)
			n += dmp_md_cost(json_array_get(v, i));
	} else if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, e)
			n += 8 + strlen(key) + dmp_md_cost(e);
	}
	return n;
}
