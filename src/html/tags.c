/*
 * tags.c - the markup of the HTML writer: text and attributes escaped and
 * written as pandoc's HTML5 writer writes them, and the cmark nodes
 * (native, literal, custom) the writer builds its tree from.
 */
#include <string.h>
#include <strings.h>

#include "html.h"

void dmp_html_escape(dm_buf *b, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		const char *e;
		switch (*s) {
		case '&':
			e = "&amp;";
			break;
		case '<':
			e = "&lt;";
			break;
		case '>':
			e = "&gt;";
			break;
		case '"':
			e = "&quot;";
			break;
		default:
			continue;
		}
		dm_buf_add(b, run, (size_t)(s - run));
		dm_buf_puts(b, e);
		run = s + 1;
	}
	dm_buf_add(b, run, (size_t)(s - run));
}

/* HTML5 (and RDFa) attribute names that pandoc writes as they are; other
 * keys get a `data-` prefix, as pandoc's HTML5 writer does. */
static bool known_attribute(const char *k)
{
	static const char *const names[] = {
		"abbr", "about", "accept", "accept-charset", "accesskey",
		"action", "allow", "allowfullscreen", "alt", "async",
		"autocapitalize", "autocomplete", "autofocus", "autoplay",
		"charset", "checked", "cite", "class", "color", "cols",
		"colspan", "content", "contenteditable", "controls", "coords",
		"crossorigin", "data", "datatype", "datetime", "decoding",
		"default", "defer", "dir", "dirname", "disabled", "download",
		"draggable", "enctype", "enterkeyhint", "for", "form",
		"formaction", "headers", "height", "hidden", "high", "href",
		"hreflang", "http-equiv", "id", "inert", "inlist", "inputmode",
		"integrity", "is", "itemid", "itemprop", "itemref", "itemscope",
		"itemtype", "kind", "label", "lang", "list", "loading", "loop",
		"low", "max", "maxlength", "media", "method", "min",
		"minlength", "multiple", "muted", "name", "nomodule", "nonce",
		"novalidate", "open", "optimum", "pattern", "ping",
		"placeholder", "playsinline", "popover", "poster", "prefix",
		"preload", "property", "readonly", "referrerpolicy", "rel",
		"required", "resource", "rev", "reversed", "role", "rows",
		"rowspan", "sandbox", "scope", "selected", "shape", "size",
		"sizes", "slot", "span", "spellcheck", "src", "srcdoc",
		"srclang", "srcset", "start", "step", "style", "tabindex",
		"target", "title", "translate", "type", "typeof", "usemap",
		"value", "vocab", "width", "wrap", NULL
	};
	size_t i;

	if (strncmp(k, "data-", 5) == 0 || strncmp(k, "aria-", 5) == 0 ||
	    strchr(k, ':') != NULL)
		return true;
	for (i = 0; names[i]; i++)
		if (strcmp(k, names[i]) == 0)
			return true;
	return false;
}

void dmp_html_attribute(dm_buf *b, const char *k, const char *v)
{
	dm_buf_printf(b, " %s%s=\"", known_attribute(k) ? "" : "data-", k);
	dmp_html_escape(b, v);
	dm_buf_putc(b, '"');
}

/* Whether key `k` is left out whatever comes before it: empty, id or
 * class (written from the Attr's own fields), or no name an attribute can
 * have in HTML (spaces, controls, quotes, < > / =), which pandoc writes
 * as it is, breaking the tag: `</style>x` would end one. */
static bool left_out(const char *k)
{
	const char *p;

	for (p = k; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f ||
		    strchr("\"'<>/=", *p) != NULL)
			return true;
	return !*k || !strcmp(k, "id") || !strcmp(k, "class");
}

/* Whether pair `i` of key-value pairs `kvs` is left out: left_out(), or
 * a repeat. */
static bool dropped(const json_t *kvs, size_t i)
{
	const char *k = json_string_value(
	        json_array_get(json_array_get(kvs, i), 0));
	size_t j;

	if (left_out(k))
		return true;
	for (j = 0; j < i; j++)
		if (!strcmp(k, json_string_value(json_array_get(
		                       json_array_get(kvs, j), 0))))
			return true;
	return false;
}

/* dropped(), in constant time with `*seen` (when not NULL) the set of the
 * keys before pair `i`; without memory for the set, by dropped(). */
static bool dropped_fast(const json_t *kvs, size_t i, json_t **seen)
{
	const char *k = json_string_value(
	        json_array_get(json_array_get(kvs, i), 0));

	if (*seen == NULL)
		return dropped(kvs, i);
	if (left_out(k) || json_object_get(*seen, k) != NULL)
		return true;
	if (json_object_set_new_nocheck(*seen, k, json_true()) != 0) {
		json_decref(*seen);
		*seen = NULL;
	}
	return false;
}

void dmp_html_attrs(dm_buf *b, const json_t *attr)
{
	const char *id = json_string_value(json_array_get(attr, 0));
	const json_t *cls = json_array_get(attr, 1);
	const json_t *kvs = json_array_get(attr, 2), *kv;
	json_t *seen = NULL; /* for many pairs, the keys met */
	size_t i;

	if (id && *id)
		dmp_html_attribute(b, "id", id);
	if (json_array_size(cls) > 0) {
		dm_buf_puts(b, " class=\"");
		for (i = 0; i < json_array_size(cls); i++) {
			if (i > 0)
				dm_buf_putc(b, ' ');
			dmp_html_escape(b, json_string_value(
			                           json_array_get(cls, i)));
		}
		dm_buf_putc(b, '"');
	}
	if (json_array_size(kvs) > 16)
		seen = json_object();
	for (i = 0; i < json_array_size(kvs); i++) {
		kv = json_array_get(kvs, i);
		if (!dropped_fast(kvs, i, &seen))
			dmp_html_attribute(
			        b, json_string_value(json_array_get(kv, 0)),
			        json_string_value(json_array_get(kv, 1)));
	}
	json_decref(seen);
}

bool dmp_html_attr_empty(const json_t *attr)
{
	const char *id = json_string_value(json_array_get(attr, 0));

	return (id == NULL || *id == '\0') &&
	       json_array_size(json_array_get(attr, 1)) == 0 &&
	       json_array_size(json_array_get(attr, 2)) == 0;
}

bool dmp_html_format(const char *f)
{
	return f && (!strcasecmp(f, "html") || !strcasecmp(f, "html5") ||
	             !strcasecmp(f, "html4"));
}

/* ------------------------------------------------------------------------
 * cmark nodes
 * ------------------------------------------------------------------------ */

cmark_node *dmp_html_add(cmark_node *parent, cmark_node_type type)
{
	cmark_node *n = cmark_node_new(type);

	if (n != NULL && !cmark_node_append_child(parent, n)) {
		cmark_node_free(n);
		return NULL;
	}
	return n;
}

cmark_node *dmp_html_literal(cmark_node *parent, cmark_node_type type,
                             const char *s)
{
	cmark_node *n = dmp_html_add(parent, type);

	if (n != NULL && !cmark_node_set_literal(n, s))
		return NULL;
	return n;
}

cmark_node *dmp_html_custom(cmark_node *parent, bool block,
                            const char *enter, const char *exit)
{
	cmark_node *n = dmp_html_add(parent, block ? CMARK_NODE_CUSTOM_BLOCK
	                                           : CMARK_NODE_CUSTOM_INLINE);

	if (n != NULL && (!cmark_node_set_on_enter(n, enter ? enter : "") ||
	                  !cmark_node_set_on_exit(n, exit ? exit : "")))
		return NULL;
	return n;
}

cmark_node *dmp_html_element(cmark_node *parent, dmp_html_kind kind,
                             const char *tag, const json_t *attr,
                             const char *extra)
{
	dm_buf open = {0}, close = {0};
	cmark_node *n = NULL;

	if (kind == DMP_HTML_LINE) {
		parent = dmp_html_custom(parent, true, NULL, NULL);
		if (parent == NULL)
			return NULL;
	}
	dm_buf_printf(&open, "<%s", tag);
	if (attr != NULL)
		dmp_html_attrs(&open, attr);
	if (extra != NULL)
		dm_buf_puts(&open, extra);
	dm_buf_putc(&open, '>');
	dm_buf_printf(&close, "</%s>", tag);
	if (!dm_buf_failed(&open) && !dm_buf_failed(&close))
		n = dmp_html_custom(parent, kind == DMP_HTML_BLOCK,
		                    dm_buf_str(&open), dm_buf_str(&close));
	dm_buf_free(&open);
	dm_buf_free(&close);
	return n;
}
