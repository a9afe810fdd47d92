/*
 * schema.c - the shape of every pandoc node: one table, from which the
 * node types of dm.h (dm_type) are made, and which the validator
 * (validate.c), the walker (walk.c) and the node accessors (node.c) read,
 * so that none of them can disagree about what a node holds.
 *
 * Each constructor's contents are described by a string, one character per
 * field (pandoc-types, Text.Pandoc.Definition):
 *
 *   I [Inline]           B [Block]             L [[Block]] (list items)
 *   W [[Inline]] (lines) D [([Inline],[[Block]])] (definition list items)
 *   A Attr               s Text                n Int
 *   T Target             Q QuoteType           M MathType
 *   O ListAttributes     X [Citation]          C Caption
 *   S [ColSpec]          H TableHead/TableFoot Y [TableBody]
 *   m {Text: MetaValue}  l [MetaValue]         b Bool
 *
 * One field: "c" is that field.  Several: "c" is an array of them.  None:
 * "c" is absent ([] and null are accepted, as pandoc does).
 */
#include <math.h>
#include <string.h>

#include "internal.h"

static const dm_schema schemas[DM_T_COUNT] = {
	[DM_T_UNKNOWN] = {"", DM_BLOCK, "", 0, DM_T_UNKNOWN},
#define DM_SCHEMA_ROW(name, tag, kind, fields, only) \
	[DM_T_##name] = {#tag, DM_##kind, fields, only, DM_T_##name},
	DM_NODE_TYPES(DM_SCHEMA_ROW)
#undef DM_SCHEMA_ROW
};

/* The first node type of each kind, and one past its last: the table is in
 * the order of DM_NODE_TYPES, blocks, then inlines, then metadata values. */
static const dm_type first_of[] = {DM_T_PARA, DM_T_STR, DM_T_META_MAP,
                                   DM_T_COUNT};

const dm_schema *dmp_schema_of(dm_type type)
{
	return type > DM_T_UNKNOWN && type < DM_T_COUNT ? &schemas[type]
	                                                 : NULL;
}

/* The types whose tag starts with each capital letter, the most frequent
 * first, ending at DM_T_UNKNOWN: a lookup compares one or two tags,
 * where a scan of the table compared twenty on average, and it runs for
 * every node of every walk.  The tag itself is compared with the table's
 * (a type missing here is not found: a unit test looks every tag up). */
#define T(x) DM_T_##x
static const dm_type by_letter[26][10] = {
	['B' - 'A'] = {T(BULLET_LIST), T(BLOCK_QUOTE)},
	['C' - 'A'] = {T(CODE), T(CODE_BLOCK), T(CITE)},
	['D' - 'A'] = {T(DIV), T(DEFINITION_LIST)},
	['E' - 'A'] = {T(EMPH)},
	['F' - 'A'] = {T(FIGURE)},
	['H' - 'A'] = {T(HEADER), T(HORIZONTAL_RULE)},
	['I' - 'A'] = {T(IMAGE)},
	['L' - 'A'] = {T(LINK), T(LINE_BREAK), T(LINE_BLOCK)},
	['M' - 'A'] = {T(MATH), T(META_INLINES), T(META_STRING), T(META_MAP),
	               T(META_LIST), T(META_BOOL), T(META_BLOCKS)},
	['N' - 'A'] = {T(NOTE), T(NULL)},
	['O' - 'A'] = {T(ORDERED_LIST)},
	['P' - 'A'] = {T(PARA), T(PLAIN)},
	['Q' - 'A'] = {T(QUOTED)},
	['R' - 'A'] = {T(RAW_BLOCK), T(RAW_INLINE)},
	['S' - 'A'] = {T(STR), T(SPACE), T(SOFT_BREAK), T(SPAN), T(STRONG),
	               T(STRIKEOUT), T(SUPERSCRIPT), T(SUBSCRIPT),
	               T(SMALL_CAPS)},
	['T' - 'A'] = {T(TABLE)},
	['U' - 'A'] = {T(UNDERLINE)},
};
#undef T

/* Whether the tags after their first letter are equal: the few bytes of a
 * tag compared here cost less than a call to strcmp(). */
static bool same_rest(const char *a, const char *b)
{
	while (*++a == *++b)
		if (*a == '\0')
			return true;
	return false;
}

static dm_type lookup(const char *tag, dm_type from, dm_type to)
{
	const dm_type *t;

	if (tag[0] < 'A' || tag[0] > 'Z')
		return DM_T_UNKNOWN;
	for (t = by_letter[tag[0] - 'A']; *t != DM_T_UNKNOWN; t++)
		if (*t >= from && *t < to && same_rest(schemas[*t].tag, tag))
			return *t;
	return DM_T_UNKNOWN;
}

const dm_schema *dmp_schema(const char *tag, dm_kind kind)
{
	dm_type t = lookup(tag, first_of[kind], first_of[kind + 1]);

	return dmp_schema_of(t);
}

dm_type dm_type_of_tag(const char *tag)
{
	return tag && *tag ? lookup(tag, DM_T_PARA, DM_T_COUNT)
	                   : DM_T_UNKNOWN;
}

dm_type dm_type_of(const json_t *node)
{
	return dm_type_of_tag(dm_tag(node));
}

const char *dm_type_tag(dm_type type)
{
	const dm_schema *s = dmp_schema_of(type);

	return s ? s->tag : NULL;
}

dm_kind dm_type_kind(dm_type type)
{
	const dm_schema *s = dmp_schema_of(type);

	return s ? s->kind : DM_BLOCK;
}

bool dm_int_of(const json_t *v, json_int_t *out)
{
	double d;

	if (json_is_integer(v)) {
		*out = json_integer_value(v);
		return true;
	}
	if (!json_is_real(v))
		return false;
	d = json_real_value(v);
	/* In int64's range [-2^63, 2^63) before the conversion, which is
	 * undefined otherwise (both bounds are exact in a double). */
	if (d != floor(d) || !(d >= -0x1p63 && d < 0x1p63))
		return false;
	*out = (json_int_t)d;
	return true;
}

bool dmp_is_int(const json_t *v)
{
	json_int_t i;

	return dm_int_of(v, &i);
}
