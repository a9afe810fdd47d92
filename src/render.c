/*
 * render.c - blocks wrapped for an output format (see render.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "render.h"

json_t *dm_render_wrap_raw(json_t *blocks, const char *format,
                           const char *open, const char *close)
{
	json_t *out = json_array();

	if (out == NULL || blocks == NULL ||
	    dm_append(out, dm_raw_block(format, open)) != 0 ||
	    json_array_extend(out, blocks) != 0 ||
	    dm_append(out, dm_raw_block(format, close)) != 0) {
		json_decref(out);
		json_decref(blocks);
		return NULL;
	}
	json_decref(blocks);
	return out;
}

json_t *dm_render_styled_div(const char *cls, const char *style,
                             json_t *blocks)
{
	json_t *attr = dm_attr(NULL);

	if (attr == NULL || (cls && dm_attr_add_class(attr, cls) != 0) ||
	    (style && dm_attr_set(attr, "custom-style", style) != 0)) {
		json_decref(attr);
		json_decref(blocks);
		return NULL;
	}
	return dm_div(attr, blocks);
}

bool dm_render_is_raw(const json_t *node, const char *format,
                      const char *prefix)
{
	const char *f, *t, *tag;
	json_t *c;

	/* one look at the node's keys: this runs for every block of a list
	 * that holds a raw one, once per format family (dm-credits) */
	tag = dmp_tag_content(node, &c);
	if (tag == NULL || strcmp(tag, "RawBlock") != 0)
		return false;
	f = json_string_value(json_array_get(c, 0));
	t = json_string_value(json_array_get(c, 1));
	return f && t && strcasecmp(f, format) == 0 &&
	       strncmp(t, prefix, strlen(prefix)) == 0;
}

static bool is_close(const json_t *node, const char *format,
                     const char *close)
{
	return dm_render_is_raw(node, format, close) &&
	       strcmp(json_string_value(dm_field(node, 1)), close) == 0;
}

long dm_render_find_raw(const json_t *list, size_t from, const char *format,
                        const char *open, const char *close, size_t *end)
{
	size_t i, j, n = json_array_size(list);

	for (i = from; i < n; i++) {
		size_t depth = 1;
		if (!dm_render_is_raw(json_array_get(list, i), format, open))
			continue;
		for (j = i + 1; j < n; j++) {
			const json_t *b = json_array_get(list, j);
			if (is_close(b, format, close) && --depth == 0)
				break;
			if (dm_render_is_raw(b, format, open))
				depth++;
		}
		if (j == n)
			return -1;
		*end = j;
		return (long)i;
	}
	return -1;
}

json_t *dm_render_gather(json_t *list, size_t first, size_t last,
                         bool drop_ends, const char *cls)
{
	json_t *inner = json_array(), *div;
	size_t i;

	if (inner == NULL)
		return NULL;
	for (i = first + (drop_ends ? 1 : 0);
	     i + (drop_ends ? 1 : 0) <= last; i++)
		if (json_array_append(inner, json_array_get(list, i)) != 0) {
			json_decref(inner);
			return NULL;
		}
	div = dm_render_styled_div(cls, NULL, inner);
	if (div == NULL || json_array_set_new(list, first, div) != 0)
		return NULL;
	/* the rest moved up once, not once per block gathered */
	for (i = last + 1; i < json_array_size(list); i++)
		if (json_array_set(list, i - (last - first),
		                   json_array_get(list, i)))
			return NULL;
	for (i = first; i < last; i++)
		json_array_remove(list, json_array_size(list) - 1);
	return div;
}

json_t *dm_figure_image(json_t *node)
{
	json_t *in = dm_content(node), *img;
	const char *title;

	if (dm_is(node, "Figure")) {
		in = dm_content(json_array_get(dm_field(node, 2), 0));
		img = json_array_get(in, 0);
		return dm_is(img, "Image") ? img : NULL;
	}
	img = json_array_get(in, 0);
	if (!dm_is(node, "Para") || json_array_size(in) != 1 ||
	    !dm_is(img, "Image"))
		return NULL;
	title = json_string_value(json_array_get(dm_field(img, 2), 1));
	return title && strncmp(title, "fig:", 4) == 0 ? img : NULL;
}

json_t *dm_figure_caption(json_t *node)
{
	json_t *blocks, *last;

	if (!dm_is(node, "Figure")) {
		json_t *img = dm_figure_image(node);
		return img ? dm_field(img, 1) : NULL;
	}
	blocks = json_array_get(dm_field(node, 1), 1);
	last = json_array_get(blocks, json_array_size(blocks) - 1);
	if (dm_is(last, "Plain") || dm_is(last, "Para"))
		return dm_content(last);
	if (dm_append(blocks, dm_plain(json_array())) != 0)
		return NULL;
	return dm_content(json_array_get(blocks, json_array_size(blocks) - 1));
}

/* Appends `s` percent-encoded for a URL query. */
static int add_encoded(dm_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		int rc = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		                 (ch >= '0' && ch <= '9') || strchr("-._~", ch)
		                 ? dm_buf_putc(b, *s)
		                 : dm_buf_printf(b, "%%%02X", ch);
		if (rc != 0)
			return -1;
	}
	return 0;
}

char *dm_url_add_params(const char *url, const char *const *params,
                        size_t n)
{
	const char *hash = strchr(url, '#');
	dm_buf b = {0};
	size_t i;
	int rc;

	if (hash == NULL)
		hash = url + strlen(url);
	rc = dm_buf_add(&b, url, (size_t)(hash - url)) ||
	     dm_buf_puts(&b, "");
	for (i = 0; i < n && rc == 0; i++)
		rc = dm_buf_puts(&b, i > 0 || memchr(url, '?',
		                                     (size_t)(hash - url))
		                             ? "&" : "?") ||
		     add_encoded(&b, params[2 * i]) || dm_buf_putc(&b, '=') ||
		     add_encoded(&b, params[2 * i + 1]);
	if (rc || dm_buf_puts(&b, hash)) {
		dm_buf_free(&b);
		return NULL;
	}
	return dm_buf_take(&b);
}
