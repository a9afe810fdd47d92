/*
 * ident.c - header identifiers as pandoc's gfm_auto_identifiers makes
 * them: lower case; letters, digits, marks, `_` and `-` kept; white space
 * to `-`; everything else dropped; a number after a repeat.  Outside ASCII
 * the C library's tables (C.UTF-8, copied into unicode.c) stand in for
 * Haskell's.
 */
#include <stdlib.h>

#include "md.h"

/* Haskell's isSpace: ASCII white space, NBSP and the Zs separators. */
static bool hs_space(uint32_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f ||
	       c == 0x205f || c == 0x3000;
}

/* What a letter, digit, mark or connector is outside ASCII, as far as the
 * C library's tables and a few ranges they miss tell. */
static bool word_char(uint32_t cp)
{
	if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe20 && cp <= 0xfe2f))
		return true; /* combining marks */
	if (cp == 0xb2 || cp == 0xb3 || cp == 0xb9 ||
	    (cp >= 0xbc && cp <= 0xbe))
		return true; /* numbers that are not digits */
	if (cp == 0x203f || cp == 0x2040 || cp == 0x2054 || cp == 0xfe33 ||
	    cp == 0xfe34 || (cp >= 0xfe4d && cp <= 0xfe4f) || cp == 0xff3f)
		return true; /* connector punctuation */
	return dmp_unicode_alnum(cp);
}

static uint32_t lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	return dmp_unicode_lower(cp);
}

/* makeIdentifier: `text` made an identifier, appended to `out`.  0 or
 * -1. */
static int make_identifier(const char *text, dm_buf *out)
{
	const unsigned char *s = (const unsigned char *)text;
	uint32_t cp;

	while (*s) {
		s += dmp_utf8_get(s, &cp);
		cp = lower(cp);
		if (cp == '-' || cp == '_' ||
		    (cp < 0x80 && ((cp >= 'a' && cp <= 'z') ||
		                   (cp >= '0' && cp <= '9'))))
			dm_buf_putc(out, (char)cp);
		else if (hs_space(cp))
			dm_buf_putc(out, '-');
		else if (cp >= 0x80 && word_char(cp))
			dmp_utf8_put(out, cp);
	}
	return dm_buf_failed(out) ? -1 : 0;
}

int dmp_md_ids_init(dmp_md_ids *ids)
{
	ids->seen = json_object();
	return ids->seen != NULL ? 0 : -1;
}

void dmp_md_ids_free(dmp_md_ids *ids)
{
	json_decref(ids->seen);
	ids->seen = NULL;
}

char *dmp_md_header_id(dmp_md_ids *ids, const json_t *inlines)
{
	char *text = dm_stringify(inlines);
	dm_buf id = {0};
	json_t *seen;
	json_int_t n = 0;

	if (text == NULL || make_identifier(text, &id) != 0)
		goto fail;
	free(text);
	text = NULL;
	seen = json_object_get(ids->seen, dm_buf_str(&id));
	if (seen != NULL) {
		n = json_integer_value(seen) + 1;
		if (json_integer_set(seen, n) != 0)
			goto fail;
	} else if (json_object_set_new(ids->seen, dm_buf_str(&id),
	                               json_integer(0)) != 0) {
		goto fail;
	}
	if (n > 0)
		dm_buf_printf(&id, "-%" JSON_INTEGER_FORMAT, n);
	return dm_buf_take(&id); /* "" for an empty one; NULL if failed */
fail:
	free(text);
	dm_buf_free(&id);
	return NULL;
}
