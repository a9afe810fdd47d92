/*
 * text.c - text to inlines, and inlines (or anything) to text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

json_t *dm_text(const char *text)
{
	json_t *out = json_array();
	const char *p = text, *q;
	dm_buf word = {0};

	if (out == NULL)
		return NULL;
	while (*p && is_ws(*p))
		p++;
	while (*p) {
		for (q = p; *q && !is_ws(*q); q++)
			;
		dm_buf_free(&word);
		if (dm_buf_add(&word, p, (size_t)(q - p)) != 0 ||
		    dm_append(out, dm_str(word.data)) != 0)
			goto fail;
		if (*q == '\0')
			break;
		{
			bool newline = false;
			for (p = q; *p && is_ws(*p); p++)
				newline = newline || *p == '\n';
			if (*p == '\0')
				break;
			if (dm_append(out, newline ? dm_softbreak()
			                           : dm_space()) != 0)
				goto fail;
		}
	}
	dm_buf_free(&word);
	return out;
fail:
	dm_buf_free(&word);
	json_decref(out);
	return NULL;
}

static int add_blocks(const json_t *blocks, dm_buf *out);

/* Appends the text of an array of nodes: inlines run together. */
static int add_list(const json_t *list, dm_buf *out)
{
	size_t i;

	for (i = 0; i < json_array_size(list); i++)
		if (dm_stringify_buf(json_array_get(list, i), out) != 0)
			return -1;
	return 0;
}

/* Appends the text of `v` as a paragraph of its own: after a blank line,
 * unless the text is empty or already ends in one.  Nothing, not even the
 * blank line, when `v` has no text. */
static int add_para(const json_t *v, dm_buf *out)
{
	size_t before = out->len, start;

	if (before > 0 && !(before >= 2 && out->data[before - 1] == '\n' &&
	                    out->data[before - 2] == '\n') &&
	    dm_buf_puts(out, "\n\n") != 0)
		return -1;
	start = out->len;
	if (dm_stringify_buf(v, out) != 0)
		return -1;
	if (out->len == start) {
		out->len = before;
		if (out->data)
			out->data[before] = '\0';
	}
	return 0;
}

/* Blocks are separated by a blank line, so paragraphs stay apart. */
static int add_blocks(const json_t *blocks, dm_buf *out)
{
	size_t i;

	for (i = 0; i < json_array_size(blocks); i++)
		if (add_para(json_array_get(blocks, i), out) != 0)
			return -1;
	return 0;
}

/* The cells of table rows, each cell's blocks as paragraphs. */
static int add_rows(const json_t *rows, dm_buf *out)
{
	size_t r, c;

	for (r = 0; r < json_array_size(rows); r++) {
		const json_t *cells = json_array_get(json_array_get(rows, r), 1);
		for (c = 0; c < json_array_size(cells); c++)
			if (add_blocks(json_array_get(json_array_get(cells, c),
			                              4), out) != 0)
				return -1;
	}
	return 0;
}

/* Walks one field of a node by its schema code (see schema.c). */
static int add_field(char code, const json_t *f, dm_buf *out)
{
	size_t i;

	switch (code) {
	case 'I':
		return add_list(f, out);
	case 'B':
		return add_blocks(f, out);
	case 'L': /* list items: their blocks are paragraphs already */
		for (i = 0; i < json_array_size(f); i++)
			if (add_blocks(json_array_get(f, i), out) != 0)
				return -1;
		return 0;
	case 'W':
		for (i = 0; i < json_array_size(f); i++)
			if ((i > 0 && dm_buf_putc(out, '\n') != 0) ||
			    add_list(json_array_get(f, i), out) != 0)
				return -1;
		return 0;
	case 'l': /* metadata values, each a paragraph */
		return add_blocks(f, out);
	case 'D':
		for (i = 0; i < json_array_size(f); i++) {
			const json_t *item = json_array_get(f, i);
			if (add_para(json_array_get(item, 0), out) != 0 ||
			    add_field('L', json_array_get(item, 1), out) != 0)
				return -1;
		}
		return 0;
	case 'C':
		return add_blocks(json_array_get(f, 1), out);
	case 'H': /* TableHead, TableFoot: [attr, rows] */
		return add_rows(json_array_get(f, 1), out);
	case 'Y': /* TableBodies: [attr, n, head rows, body rows] */
		for (i = 0; i < json_array_size(f); i++)
			if (add_rows(json_array_get(json_array_get(f, i), 2),
			             out) != 0 ||
			    add_rows(json_array_get(json_array_get(f, i), 3),
			             out) != 0)
				return -1;
		return 0;
	case 'b':
		return dm_buf_puts(out, json_is_true(f) ? "true" : "false");
	default:
		return 0; /* attributes, targets, numbers: no text */
	}
}

/* The text of a leaf or of a node read in its own way; 1 when `node` is
 * none of those, for the schema to read it field by field. */
static int special(dm_type type, const json_t *c, dm_buf *out)
{
	const char *t = NULL, *k;
	json_t *v;

	switch (type) {
	case DM_T_STR:
	case DM_T_META_STRING:
		return dm_buf_puts(out, json_string_value(c) ?
		                                json_string_value(c) : "");
	case DM_T_SPACE:
	case DM_T_SOFT_BREAK:
	case DM_T_LINE_BREAK:
		return dm_buf_putc(out, ' ');
	case DM_T_CODE:
	case DM_T_MATH:
		t = json_string_value(json_array_get(c, 1));
		return dm_buf_puts(out, t ? t : "");
	case DM_T_CITE: /* the text, not the citations */
		return add_list(json_array_get(c, 1), out);
	case DM_T_META_MAP:
		json_object_foreach((json_t *)c, k, v)
			if (add_para(v, out) != 0)
				return -1;
		return 0;
	case DM_T_NOTE:
		return 0; /* a note's text is not part of the line */
	case DM_T_QUOTED: {
		bool dq = dm_is(json_array_get(c, 0), "DoubleQuote");
		return dm_buf_puts(out, dq ? "\u201c" : "\u2018") ||
		       add_list(json_array_get(c, 1), out) ||
		       dm_buf_puts(out, dq ? "\u201d" : "\u2019");
	}
	case DM_T_RAW_INLINE: {
		const char *f = json_string_value(json_array_get(c, 0));
		t = json_string_value(json_array_get(c, 1));
		if (f && t && strcmp(f, "html") == 0 &&
		    strncmp(t, "<br", 3) == 0)
			return dm_buf_putc(out, ' ');
		return 0;
	}
	default:
		return 1;
	}
}

int dm_stringify_buf(const json_t *node, dm_buf *out)
{
	const json_t *c;
	const dm_schema *s;
	dm_type type;
	size_t i, n;
	int rc;

	if (json_is_array(node)) {
		/* a list of blocks (or MetaValues) reads as paragraphs */
		type = dm_type_of(json_array_get(node, 0));
		if (type != DM_T_UNKNOWN && dm_type_kind(type) != DM_INLINE)
			return add_blocks(node, out);
		return add_list(node, out);
	}
	type = dm_type_of(node);
	if (type == DM_T_UNKNOWN)
		return 0;
	c = json_object_get(node, "c");
	if ((rc = special(type, c, out)) <= 0)
		return rc;
	s = dmp_schema_of(type);
	if (c == NULL)
		return 0;
	n = strlen(s->fields);
	if (n == 1)
		return add_field(s->fields[0], c, out);
	for (i = 0; i < n; i++)
		if (add_field(s->fields[i], json_array_get(c, i), out) != 0)
			return -1;
	return 0;
}

char *dm_stringify(const json_t *node)
{
	dm_buf b = {0};

	if (dm_stringify_buf(node, &b) != 0) {
		dm_buf_free(&b);
		return NULL;
	}
	return dm_buf_take(&b);
}

size_t dm_text_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d[48];

	if (la >= 48 || lb >= 48)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		d[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = d[0], up;
		d[0] = i;
		for (j = 1; j <= lb; j++) {
			up = d[j];
			d[j] = diag + (tolower((unsigned char)a[i - 1]) !=
			               tolower((unsigned char)b[j - 1]));
			if (up + 1 < d[j])
				d[j] = up + 1;
			if (d[j - 1] + 1 < d[j])
				d[j] = d[j - 1] + 1;
			diag = up;
		}
	}
	return d[lb];
}
