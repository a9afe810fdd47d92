/*
 * source.c - where a finding is in the article's file (dm-check.file) when
 * the document carries no positions (pandoc 2.17, no +sourcepos, or
 * dm-from-md): the block's text is looked for in the file.
 *
 * Markup differs between the file and the text (`**`, `[...](...)`,
 * straight quotes that pandoc made curly, `--` made a dash), so both are
 * compared by their letters and digits only: the file is read once into
 * that skeleton, with each kept byte's offset in the file, and a block's
 * first letters are searched in it from where the last one was found
 * (findings come in document order), then from the start.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* How many bytes of letters and digits make a block's key. */
#define KEY_BYTES 32

/* The code point at `s` (at most `n` bytes) and its length in `*len`;
 * a byte that starts no valid sequence is itself. */
static unsigned long decode(const unsigned char *s, size_t n, size_t *len)
{
	unsigned long cp = s[0];
	size_t k, need = s[0] >= 0xf0 ? 3 : s[0] >= 0xe0 ? 2 : s[0] >= 0xc0;

	*len = 1;
	if (s[0] < 0xc0 || need >= n)
		return cp;
	cp = s[0] & (0x3f >> need);
	for (k = 1; k <= need; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return s[0];
		cp = cp << 6 | (s[k] & 0x3f);
	}
	*len = need + 1;
	return cp;
}

/* Whether a character is skipped in the comparison: ASCII other than
 * letters and digits, and the punctuation of Latin-1, of the general
 * punctuation block (quotes, dashes, ellipsis) and of CJK text. */
static bool skipped(unsigned long cp)
{
	if (cp < 0x80)
		return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		         (cp >= '0' && cp <= '9'));
	return (cp >= 0xa0 && cp <= 0xbf) || (cp >= 0x2000 && cp <= 0x206f) ||
	       (cp >= 0x3000 && cp <= 0x303f) ||
	       (cp >= 0xfe30 && cp <= 0xfe4f) ||
	       (cp >= 0xff01 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20);
}

/* The letters and digits of s[0, n) appended to `out`; with `offsets`,
 * each kept byte's offset too.  Stops after `max` bytes.  0 or -1. */
static int skeleton(const char *s, size_t n, size_t max, dm_buf *out,
                    size_t *offsets)
{
	size_t i = 0, len, k;

	while (i < n && out->len < max) {
		unsigned long cp = decode((const unsigned char *)s + i, n - i,
		                          &len);
		if (!skipped(cp))
			for (k = 0; k < len; k++) {
				if (offsets)
					offsets[out->len] = i + k;
				dm_buf_putc(out, s[i + k]);
			}
		i += len;
	}
	return dm_buf_failed(out) ? -1 : 0;
}

/* Reads st->file into st->src once.  Quietly nothing when it cannot be
 * read: the findings then go without lines, as before. */
static void load(dmc_state *st)
{
	dmc_source *src = &st->src;
	FILE *f;
	dm_buf text = {0};
	char chunk[4096];
	size_t n;

	src->tried = true;
	if (st->file == NULL || (f = fopen(st->file, "rb")) == NULL)
		return;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		dm_buf_add(&text, chunk, n);
	if (ferror(f) || dm_buf_failed(&text) || text.len == 0 ||
	    (src->offsets = malloc(text.len * sizeof *src->offsets)) == NULL ||
	    skeleton(text.data, text.len, (size_t)-1, &src->skel,
	             src->offsets)) {
		src->nomem = !ferror(f) && text.len > 0;
		fclose(f);
		dm_buf_free(&text);
		dmc_source_free(src);
		return;
	}
	fclose(f);
	src->text = dm_buf_take(&text);
	if (dm_buf_add(&src->skel, "", 0) != 0) { /* a string */
		src->nomem = true;
		dmc_source_free(src);
	}
}

/* The key of `node`: its text, or an image's or link's target when it has
 * none.  A new string or NULL. */
static char *key_text(const json_t *node)
{
	char *s = dm_stringify(node);
	const char *url;

	if (s == NULL || s[strspn(s, " ")] != '\0')
		return s;
	switch (dm_type_of(node)) {
	case DM_T_IMAGE:
	case DM_T_LINK:
		url = json_string_value(json_array_get(dm_field(node, 2), 0));
		free(s);
		return url ? strdup(url) : NULL;
	default:
		return s;
	}
}

/* Line and column (in characters) of byte `off` of the file.  A byte
 * order mark opening the file is no character of line 1 (editors and
 * pandoc's +sourcepos do not count it). */
static void line_col(const char *text, size_t off, long *line, long *col)
{
	size_t i = strncmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	*line = *col = 1;
	for (; i < off; i++)
		if (text[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80) {
			++*col;
		}
}

void dmc_source_find(dmc_state *st, const json_t *node, long *line,
                     long *col)
{
	dmc_source *src = &st->src;
	dm_buf key = {0};
	char *text, *hit = NULL;

	if (!src->tried)
		load(st);
	if (src->text == NULL)
		return;
	if ((text = key_text(node)) == NULL) {
		src->nomem = true;
		return;
	}
	if (skeleton(text, strlen(text), KEY_BYTES, &key, NULL) != 0)
		src->nomem = true;
	else if (key.len > 0) {
		hit = strstr(src->skel.data + src->from, dm_buf_str(&key));
		if (hit == NULL)
			hit = strstr(src->skel.data, dm_buf_str(&key));
	}
	if (hit != NULL) {
		size_t at = (size_t)(hit - src->skel.data);
		src->from = at;
		line_col(src->text, src->offsets[at], line, col);
	}
	dm_buf_free(&key);
	free(text);
}

void dmc_source_free(dmc_source *src)
{
	free(src->text);
	free(src->offsets);
	dm_buf_free(&src->skel);
	src->text = NULL;
	src->offsets = NULL;
}
