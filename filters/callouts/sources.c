/*
 * sources.c - reading a callout from a Div (`::: note`, `::: callout-note`
 * as Quarto writes it, pandoc's own alert structure, our semantic form)
 * and from a GitHub-style alert (`> [!NOTE]`).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "callouts.h"

void dmf_callout_free(callout *c)
{
	json_decref(c->attr);
	json_decref(c->title);
	json_decref(c->heading);
	json_decref(c->body);
	free(c->collapse);
	free(c->icon);
	free(c->look);
	memset(c, 0, sizeof *c);
}

bool dmf_same_text(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

/* Takes attribute `key` out of the callout's attributes into `*out`. */
static int take_attr(dm_ctx *ctx, callout *c, const char *key, char **out)
{
	const char *v = dm_attr_get(c->attr, key);

	if (v == NULL)
		return 0;
	if ((*out = strdup(v)) == NULL)
		return dm_nomem(ctx->err);
	dm_attr_remove(c->attr, key);
	return 0;
}

/* The attributes a callout Div may carry besides its title. */
static int take_settings(dm_ctx *ctx, callout *c)
{
	if (take_attr(ctx, c, "collapse", &c->collapse) ||
	    take_attr(ctx, c, "icon", &c->icon) ||
	    take_attr(ctx, c, "appearance", &c->look))
		return -1;
	if (c->look && strcmp(c->look, "default") != 0 &&
	    strcmp(c->look, "simple") != 0 && strcmp(c->look, "minimal") != 0)
		return dm_error_set(ctx->err, DM_EINPUT, NULL,
		                    "a %s callout has appearance=\"%s\": "
		                    "expected default, simple or minimal",
		                    c->type->name, c->look);
	if (c->collapse && strcmp(c->collapse, "true") != 0 &&
	    strcmp(c->collapse, "false") != 0 &&
	    strcmp(c->collapse, "open") != 0)
		return dm_error_set(ctx->err, DM_EINPUT, NULL,
		                    "a %s callout has collapse=\"%s\": "
		                    "expected true, false or open",
		                    c->type->name, c->collapse);
	return 0;
}

const ctype *dmf_div_type(const state *st, const json_t *attr)
{
	const json_t *classes = json_array_get(attr, 1);
	size_t i;

	for (i = 0; i < json_array_size(classes); i++) {
		const char *c = json_string_value(json_array_get(classes, i));
		const ctype *t;
		if (strncmp(c, "callout-", 8) == 0)
			c += 8;
		if ((t = dmf_find_type(st, c)) != NULL &&
		    strcmp(c, t->name) == 0)
			return t;
	}
	return NULL;
}

const ctype *dmf_div_kind(const state *st, const json_t *div)
{
	const json_t *attr = dm_node_attr(div);
	const ctype *t = dmf_div_type(st, attr);
	const char *name;

	if (t != NULL || !dm_attr_has_class(attr, "callout"))
		return t;
	if (dm_attr_get(attr, "title") == NULL &&
	    dm_type_of(json_array_get(dm_node_blocks(div), 0)) != DM_T_HEADER)
		return NULL;
	name = dmf_xref_type(dm_attr_id(attr));
	return dmf_find_type(st, name ? name : "note");
}

json_t *dmf_block_text(const json_t *b)
{
	switch (dm_type_of(b)) {
	case DM_T_PARA:
	case DM_T_PLAIN:
		return dm_content(b);
	case DM_T_DIV:
		if (json_array_size(dm_node_blocks(b)) == 1)
			return dmf_block_text(json_array_get(dm_node_blocks(b),
			                                     0));
		return NULL;
	default:
		return NULL;
	}
}

/* True when block `b` is a Div of class `cls`. */
static bool div_of(const json_t *b, const char *cls)
{
	return dm_type_of(b) == DM_T_DIV &&
	       dm_attr_has_class(dm_node_attr(b), cls);
}

/* A title Div's inlines, copied ([] when it holds no line of text). */
static json_t *title_of(const json_t *div)
{
	json_t *ils = dmf_block_text(div);

	return ils ? json_deep_copy(ils) : json_array();
}

/* The title line a callout Div opens with as the text formats write a
 * box and their readers give it back: a paragraph all in bold (org's
 * #+begin_TYPE, our block quotes), or the first paragraph of rst's
 * `.. admonition:: TITLE` (a Div of class "admonition", which goes).
 * Its inlines, or NULL. */
static json_t *bold_line(json_t *attr, const json_t *first)
{
	json_t *ils = dm_type_of(first) == DM_T_PARA ? dm_node_inlines(first)
	                                              : NULL;

	if (ils == NULL || json_array_size(ils) == 0)
		return NULL;
	if (dm_attr_has_class(attr, "admonition")) {
		dm_attr_remove_class(attr, "admonition");
		return ils;
	}
	if (json_array_size(ils) == 1 &&
	    dm_type_of(json_array_get(ils, 0)) == DM_T_STRONG)
		return dm_content(json_array_get(ils, 0));
	return NULL;
}

/* The title of a callout Div: our semantic form's title Div, else a
 * `title` attribute (literal text), else pandoc's alert title Div, a
 * heading or a bold line first, else the type's label.  A title block
 * is taken out of the body.  0, or -1 when out of memory. */
static int div_title(const ctype *t, callout *c)
{
	json_t *first = json_array_get(c->body, 0), *ils;
	const char *title = dm_attr_get(c->attr, "title");
	char *s;

	if (div_of(first, "callout-title") &&
	    dm_type_of(json_array_get(dm_node_blocks(first), 0)) ==
	            DM_T_HEADER) {
		/* a heading of the document (the Direct Message section) */
		c->heading = json_deep_copy(json_array_get(
		        dm_node_blocks(first), 0));
		c->title = c->heading ? dmf_section_title(c->heading) : NULL;
	} else if (div_of(first, "callout-title")) {
		c->title = title_of(first);
	} else if (title != NULL) {
		c->title = dm_text(title);
		first = NULL;
	} else if (div_of(first, "title")) {
		/* pandoc's alert structure; its titles are English, so the
		 * type's default title stands for the label */
		ils = dmf_block_text(first);
		if ((s = ils ? dm_stringify(ils) : NULL) == NULL && ils)
			return -1;
		c->title = s && t->alert &&
		                   dmf_same_text(s, dmf_default_label(t))
		                   ? json_deep_copy(t->title)
		                   : title_of(first);
		free(s);
	} else if (dm_type_of(first) == DM_T_HEADER) {
		c->title = json_deep_copy(dm_node_inlines(first));
	} else if ((ils = bold_line(c->attr, first)) != NULL) {
		c->title = json_deep_copy(ils);
	} else {
		c->title = json_deep_copy(t->title);
		first = NULL;
	}
	if (first != NULL)
		json_array_remove(c->body, 0);
	return c->title ? 0 : -1;
}

int dmf_from_div(dm_ctx *ctx, const ctype *t, json_t *div, bool take,
                 callout *c)
{
	dm_buf cls = {0};

	c->type = t;
	c->attr = take ? json_incref(dm_node_attr(div))
	               : json_deep_copy(dm_node_attr(div));
	c->body = take ? json_incref(dm_node_blocks(div))
	               : json_deep_copy(dm_node_blocks(div));
	dm_buf_printf(&cls, "callout-%s", t->name);
	if (c->attr == NULL || c->body == NULL || dm_buf_failed(&cls)) {
		dm_buf_free(&cls);
		return dm_nomem(ctx->err);
	}
	dm_attr_remove_class(c->attr, "callout");
	dm_attr_remove_class(c->attr, t->name);
	dm_attr_remove_class(c->attr, dm_buf_str(&cls));
	dm_buf_free(&cls);
	if (div_title(t, c))
		return dm_nomem(ctx->err);
	dm_attr_remove(c->attr, "title");
	return take_settings(ctx, c);
}

const ctype *dmf_alert_type(const state *st, const json_t *inl, char *fold)
{
	const char *s = json_string_value(dm_content(inl));
	size_t n;

	*fold = '\0';
	if (dm_type_of(inl) != DM_T_STR || s == NULL ||
	    strncmp(s, "[!", 2) != 0)
		return NULL;
	n = strlen(s);
	/* Obsidian's fold marker: "[!tip]-" folded, "[!tip]+" open */
	if (n > 4 && (s[n - 1] == '-' || s[n - 1] == '+') && s[n - 2] == ']')
		*fold = s[--n];
	if (n < 4 || s[n - 1] != ']')
		return NULL;
	return dmf_find_alias_n(st, s + 2, n - 3);
}

static bool is_break(const json_t *inl)
{
	switch (dm_type_of(inl)) {
	case DM_T_SOFT_BREAK:
	case DM_T_LINE_BREAK:
		return true;
	default:
		return false;
	}
}

/* The alert's first block without its marker line: `ils` are its inlines,
 * the marker line ends before ils[end].  0 or -1. */
static int alert_rest(callout *c, const json_t *para, const json_t *ils,
                      size_t end)
{
	json_t *rest = json_array();
	size_t i;

	if (rest == NULL)
		return -1;
	for (i = end + 1; i < json_array_size(ils); i++)
		if (json_array_append(rest, json_array_get(ils, i))) {
			json_decref(rest);
			return -1;
		}
	if (json_array_size(rest) == 0) {
		json_decref(rest);
		return json_array_remove(c->body, 0);
	}
	return json_array_set_new(c->body, 0, dm_node(dm_tag(para), rest));
}

/* A triad alert written on one line ("> [!tension] Cities pour money
 * into ..."): its text, read as the title, is the statement, so it
 * becomes the body under the type's label.  Other types keep Obsidian's
 * title-only box.  0 or -1. */
static int statement_of(callout *c)
{
	json_t *para;

	if (!c->type->triad || json_array_size(c->body) > 0)
		return 0;
	para = dm_node("Para", c->title); /* takes the title */
	c->title = json_deep_copy(c->type->title);
	if (para == NULL || json_array_append_new(c->body, para))
		return -1;
	return c->title ? 0 : -1;
}

int dmf_from_alert(dm_ctx *ctx, const state *st, json_t *bq, bool take,
                   callout *c)
{
	json_t *blocks = dm_content(bq), *para = json_array_get(blocks, 0);
	json_t *ils = dm_content(para);
	size_t i, k, n = json_array_size(ils);
	char fold;

	if (dm_type_of(para) != DM_T_PARA && dm_type_of(para) != DM_T_PLAIN)
		return 0;
	if ((c->type = dmf_alert_type(st, json_array_get(ils, 0), &fold)) ==
	    NULL)
		return 0;
	if (fold && (c->collapse = strdup(fold == '-' ? "true" : "open")) ==
	            NULL)
		return dm_nomem(ctx->err);
	for (i = 1; i < n && !is_break(json_array_get(ils, i)); i++)
		;
	c->attr = dm_attr(NULL);
	c->title = json_array();
	c->body = take ? json_incref(blocks) : json_deep_copy(blocks);
	if (c->attr == NULL || c->title == NULL || c->body == NULL)
		return dm_nomem(ctx->err);
	/* text after the marker on its line is a title (as Obsidian
	 * writes it) */
	for (k = 1; k < i; k++)
		if (!(k == 1 && dm_type_of(json_array_get(ils, k)) ==
		                        DM_T_SPACE) &&
		    json_array_append(c->title, json_array_get(ils, k)))
			return dm_nomem(ctx->err);
	if (json_array_size(c->title) == 0) {
		json_decref(c->title);
		if ((c->title = json_deep_copy(c->type->title)) == NULL)
			return dm_nomem(ctx->err);
		return alert_rest(c, para, ils, i) ? dm_nomem(ctx->err) : 1;
	}
	return alert_rest(c, para, ils, i) || statement_of(c)
	               ? dm_nomem(ctx->err) : 1;
}
