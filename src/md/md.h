/*
 * md.h - what the files of the Markdown reader (src/md/) share.
 *
 * Markdown is read as pandoc's gfm reader reads it (pandoc 3 for API
 * 1.23: alerts and dollar math; pandoc 2.17 for API 1.22: neither).  The
 * reader is in layers, each file calling only the ones below it, so that
 * there is no circle of calls or includes:
 *
 *   read.c       a document (dm_md_read): UTF-8, line ends and tabs, the
 *                front matter, then its metadata (yaml.c), then the body
 *                (convert.c), first rewritten by lines.c with DM_MD_LINES
 *   lines.c      text with one block per line made Markdown
 *   yaml.c       YAML to MetaValues.  It reads string values through a
 *                function it is handed (yamlmeta.h) and includes nothing
 *                of Markdown: read.c hands it dmp_md_meta_value()
 *   metavalue.c  a metadata string read as Markdown: MetaInlines or
 *                MetaBlocks, as pandoc's normalizeMetaValue makes them,
 *                and pandoc 3's blocksToInlines (dm_md_inlines)
 *   convert.c    cmark-gfm's tree to pandoc Blocks: the converter
 *   math.c       the `$...$` inline extension of cmark-gfm (pandoc 3)
 *   ident.c      header identifiers (gfm_auto_identifiers), with the
 *                character classes of unicode.c (made by unicode.py)
 *   inlines.c    inlines joined as pandoc's Inlines builder joins them
 *   utf8.c       decoding, encoding and checking UTF-8
 */
#ifndef DM_MD_READER_H
#define DM_MD_READER_H

#include <stdint.h>

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

#include "cmark_mem.h"
#include "internal.h"

/* ---- convert.c ---------------------------------------------------------- */

/*
 * `len` bytes of Markdown (no front matter; valid UTF-8) as a new array of
 * pandoc Blocks, or NULL with `err` set.  `meta_string`: the text is a
 * metadata value with no final newline, where commonmark-hs leaves an
 * empty paragraph after a closing ATX heading or code fence, and pandoc's
 * metadata keeps it.
 */
json_t *dmp_md_blocks(const char *text, size_t len, int api_minor,
                      bool meta_string, dm_error *err);

/* ---- lines.c ---------------------------------------------------------- */

/*
 * Text written one block per line (normalised, no front matter) appended
 * to `out` as Markdown: blank lines between the blocks, and bare lines
 * that read as headings made level-2 headings.  0, or -1 when out of
 * memory.
 */
int dmp_md_lines(const char *text, size_t len, dm_buf *out);

/* ---- metavalue.c -------------------------------------------------------- */

/*
 * A YAML string value as pandoc's reader turns it into a MetaValue
 * (normalizeMetaValue): a new MetaInlines or MetaBlocks node, or NULL with
 * `err` set.  Of the type dmp_yaml_string_fn (yamlmeta.h).
 */
json_t *dmp_md_meta_value(const char *text, size_t len, int api_minor,
                          dm_error *err);

/* ---- inlines.c ---------------------------------------------------------- */

/*
 * Appends `node` (stolen; NULL fails) to `list` as pandoc's builder
 * appends: adjacent Str are joined; Space, SoftBreak and LineBreak next to
 * each other collapse to the strongest; adjacent Emph (Strong, Strikeout,
 * ...) are joined.  0, or -1 when out of memory (no error is set).
 */
int dmp_md_add_inline(json_t *list, json_t *node);

/* Appends the inlines of `src` one by one (not stolen).  0 or -1. */
int dmp_md_add_inlines(json_t *list, const json_t *src);

/*
 * Appends text as pandoc's `text` splits it: runs of spaces and tabs
 * become Space, runs holding a newline SoftBreak, the rest Str.  Nothing
 * is trimmed.  0 or -1.
 */
int dmp_md_add_text(json_t *list, const char *s, size_t len);

/* ---- math.c ------------------------------------------------------------- */

/*
 * A new cmark-gfm inline extension reading `$...$`, `$$...$$` and
 * $`...`$ as commonmark-hs does for pandoc 3; free it with
 * cmark_syntax_extension_free().  It allocates as cmark-gfm does (see
 * cmark_mem.h).
 */
cmark_syntax_extension *dmp_md_math_extension(void);

/* The Math inline for a node that extension made (a code node of the
 * extension): a new node, or NULL. */
json_t *dmp_md_math(cmark_node *n);

/* ---- ident.c ------------------------------------------------------------ */

/* The header identifiers of one document. */
typedef struct dmp_md_ids {
	json_t *seen; /* identifier -> the last number it was given */
} dmp_md_ids;

/* Readies `ids` for a document.  0, or -1 when out of memory. */
int dmp_md_ids_init(dmp_md_ids *ids);

/* Frees what `ids` holds. */
void dmp_md_ids_free(dmp_md_ids *ids);

/*
 * The identifier of a header with these inlines, as pandoc's
 * gfm_auto_identifiers makes it; numbered after the first use of the same
 * one (`intro`, `intro-1`, ...).  A new string, or NULL when out of memory.
 */
char *dmp_md_header_id(dmp_md_ids *ids, const json_t *inlines);

/* ---- unicode.c ---------------------------------------------------------- */

/* Whether code point `cp` is a letter or digit (iswalnum in C.UTF-8). */
bool dmp_unicode_alnum(uint32_t cp);

/* Code point `cp` in lower case (towlower in C.UTF-8). */
uint32_t dmp_unicode_lower(uint32_t cp);

/* ---- utf8.c ------------------------------------------------------------- */

/* Decodes the character at `s` (valid UTF-8) into `*cp`; its length. */
size_t dmp_utf8_get(const unsigned char *s, uint32_t *cp);

/* Appends code point `cp` to `b` in UTF-8.  0 or -1. */
int dmp_utf8_put(dm_buf *b, uint32_t cp);

/* The offset of the first invalid UTF-8 sequence in `s`, or `len`. */
size_t dmp_utf8_invalid(const unsigned char *s, size_t len);

#endif /* DM_MD_READER_H */
