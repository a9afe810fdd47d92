/*
 * md.h - the cmark-gfm bridge, shared by md.c, yaml.c and html.c.
 *
 * Markdown is read as pandoc's gfm reader reads it (pandoc 3 for API
 * 1.23: alerts and dollar math; pandoc 2.17 for API 1.22: neither).
 */
#ifndef DM_MD_PRIVATE_H
#define DM_MD_PRIVATE_H

#include "internal.h"

/*
 * `len` bytes of Markdown (no front matter) as a new array of pandoc
 * Blocks, or NULL with `err` set.  The text must be valid UTF-8.
 */
json_t *dmp_md_to_blocks(const char *text, size_t len, int api_minor,
                         dm_error *err);

/*
 * `len` bytes of Markdown squashed into a new array of Inlines, as pandoc
 * 3 reads a one-line metadata string: a single paragraph gives its
 * inlines; several blocks are joined with LineBreak.  NULL with `err` set.
 */
json_t *dmp_md_to_inlines(const char *text, size_t len, int api_minor,
                          dm_error *err);

/*
 * A YAML string value as pandoc's reader turns it into a MetaValue
 * (normalizeMetaValue): a new MetaInlines or MetaBlocks node, or NULL with
 * `err` set.
 */
json_t *dmp_md_meta_value(const char *text, size_t len, int api_minor,
                          dm_error *err);

/*
 * The front matter at the start of `text`, as pandoc finds it: a line
 * `---`, no blank line next, then lines up to a `---` or `...` line.
 * Returns true and sets the YAML's offset and length and the body's
 * offset when there is one.
 */
bool dmp_front_matter(const char *text, size_t len, size_t *yaml_off,
                      size_t *yaml_len, size_t *body_off);

/*
 * The metadata in `len` bytes of YAML, as a new object of MetaValues; the
 * YAML starts on line `first_line` of the input (for messages).  Sets
 * `*not_map` and returns NULL, without an error, when the YAML is not a
 * mapping (pandoc then reads the whole text as Markdown).  NULL with
 * `err` set on a YAML error.
 */
json_t *dmp_yaml_meta(const char *text, size_t len, size_t first_line,
                      int api_minor, bool *not_map, dm_error *err);

#endif /* DM_MD_PRIVATE_H */
