/*
 * metavalue.c - a metadata string read as Markdown, as pandoc's reader
 * reads a YAML string value (normalizeMetaValue): a `|` or `>` block as
 * MetaBlocks; a one-line string as MetaInlines (pandoc 3 squashes several
 * blocks into inlines with blocksToInlines; pandoc 2.17 keeps them as
 * MetaBlocks).  dm_md_inlines() reads a `-M` value as pandoc 3 does.
 */
#include "dm_md.h"
#include "md.h"

/* ------------------------------------------------------------------------
 * Blocks squashed into inlines (pandoc 3's blocksToInlines)
 * ------------------------------------------------------------------------ */

static int squash(const json_t *blocks, json_t *out);

/* The blocks of each item of a list, one after the other. */
static int squash_items(const json_t *items, json_t *out)
{
	size_t i;

	for (i = 0; i < json_array_size(items); i++)
		if (squash(json_array_get(items, i), out) != 0)
			return -1;
	return 0;
}

/* A table's rows, of the head and then of the body, joined by LineBreak;
 * a row's cells one after the other. */
static int squash_table(const json_t *c, json_t *out)
{
	const json_t *parts[2], *cells;
	bool first = true;
	size_t i, j, k;

	parts[0] = json_array_get(json_array_get(c, 3), 1);
	parts[1] = json_array_get(json_array_get(json_array_get(c, 4), 0), 3);
	for (k = 0; k < 2; k++)
		for (i = 0; i < json_array_size(parts[k]); i++) {
			cells = json_array_get(json_array_get(parts[k], i), 1);
			if (!first &&
			    dmp_md_add_inline(out, dm_linebreak()) != 0)
				return -1;
			first = false;
			for (j = 0; j < json_array_size(cells); j++)
				if (squash(json_array_get(json_array_get(cells,
				                                         j),
				                          4),
				           out) != 0)
					return -1;
		}
	return 0;
}

static int squash_block(const json_t *b, json_t *out)
{
	const json_t *c = json_object_get(b, "c");

	switch (dm_type_of(b)) {
	case DM_T_PLAIN:
	case DM_T_PARA:
		return dmp_md_add_inlines(out, c);
	case DM_T_HEADER:
		return dmp_md_add_inlines(out, json_array_get(c, 2));
	case DM_T_CODE_BLOCK:
		return dmp_md_add_inline(out, json_pack("{s:s,s:O}", "t",
		                                        "Code", "c", c));
	case DM_T_RAW_BLOCK:
		return dmp_md_add_inline(out, json_pack("{s:s,s:O}", "t",
		                                        "RawInline", "c", c));
	case DM_T_BLOCK_QUOTE:
		return squash(c, out);
	case DM_T_DIV:
		return squash(json_array_get(c, 1), out);
	case DM_T_BULLET_LIST:
		return squash_items(c, out);
	case DM_T_ORDERED_LIST:
		return squash_items(json_array_get(c, 1), out);
	case DM_T_TABLE:
		return squash_table(c, out);
	default:
		return 0; /* HorizontalRule */
	}
}

/* Blocks as inlines, joined by LineBreak.  0 or -1 (out of memory). */
static int squash(const json_t *blocks, json_t *out)
{
	size_t i;

	for (i = 0; i < json_array_size(blocks); i++) {
		if (i > 0 && dmp_md_add_inline(out, dm_linebreak()) != 0)
			return -1;
		if (squash_block(json_array_get(blocks, i), out) != 0)
			return -1;
	}
	return 0;
}

/*
 * `len` bytes of Markdown squashed into a new array of Inlines, as pandoc
 * 3 reads a one-line metadata string: a single paragraph gives its
 * inlines; several blocks are joined with LineBreak.  NULL with `err` set.
 */
static json_t *md_inlines(const char *text, size_t len, int api_minor,
                          dm_error *err)
{
	json_t *b = dmp_md_blocks(text, len, api_minor, true, err), *out;

	if (b == NULL)
		return NULL;
	out = json_array();
	if (out == NULL || squash(b, out) != 0) {
		json_decref(out);
		out = NULL;
		dm_nomem(err);
	}
	json_decref(b);
	return out;
}

/* ------------------------------------------------------------------------
 * Metadata values
 * ------------------------------------------------------------------------ */

/* A new MetaBlocks or MetaInlines node around `c` (stolen), or NULL with
 * `err` set; NULL for a NULL `c` (whose error is set). */
static json_t *meta_node(const char *tag, json_t *c, dm_error *err)
{
	json_t *node;

	if (c == NULL)
		return NULL;
	node = dm_node(tag, c);
	if (node == NULL)
		dm_nomem(err);
	return node;
}

json_t *dmp_md_meta_value(const char *text, size_t len, int api_minor,
                          dm_error *err)
{
	size_t end = len;
	json_t *b, *first;

	while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	if (end > 0 && text[end - 1] == '\n') {
		/* a `|` or `>` block: blocks, even a single paragraph */
		b = dmp_md_blocks(text, len, api_minor, false, err);
		return meta_node("MetaBlocks", b, err);
	}
	if (api_minor >= 23) {
		while (len > 0 && (*text == ' ' || *text == '\t' ||
		                   *text == '\n' || *text == '\r')) {
			text++;
			len--;
		}
		return meta_node("MetaInlines",
		                 md_inlines(text, len, api_minor, err), err);
	}
	/* pandoc 2.17: a single paragraph is inlines, the rest blocks */
	b = dmp_md_blocks(text, len, api_minor, true, err);
	if (b == NULL)
		return NULL;
	first = json_array_get(b, 0);
	if (json_array_size(b) == 1 && (dm_type_of(first) == DM_T_PARA ||
	                                dm_type_of(first) == DM_T_PLAIN)) {
		json_t *ils = json_incref(json_object_get(first, "c"));
		json_decref(b);
		return meta_node("MetaInlines", ils, err);
	}
	return meta_node("MetaBlocks", b, err);
}

json_t *dm_md_inlines(const char *text, size_t len, dm_error *err)
{
	return md_inlines(text, len, 23, err);
}
