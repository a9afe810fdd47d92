/*
 * yamlmeta.h - YAML front matter to pandoc metadata (yaml.c), for the
 * Markdown reader.  The YAML reader does not know Markdown: it reads every
 * string value through the function it is handed, so that it needs
 * nothing from the files that call it (see md.h).
 */
#ifndef DM_MD_YAMLMETA_H
#define DM_MD_YAMLMETA_H

#include "internal.h"

/*
 * Reads a YAML string value (`len` bytes at `text`) as the caller wants
 * it; `api_minor` is the one given to dmp_yaml_meta().  Returns a new
 * MetaValue, or NULL with `err` set.
 */
typedef json_t *dmp_yaml_string_fn(const char *text, size_t len,
                                   int api_minor, dm_error *err);

/*
 * The metadata in `len` bytes of YAML, as a new object of MetaValues, made
 * as pandoc's reader makes it (Data.Yaml's scalar rules): strings through
 * `read_string`, YAML 1.1 booleans as MetaBool, null as MetaString "",
 * numbers as text read through `read_string`, sequences as MetaList,
 * mappings as MetaMap with sorted keys (keys ending in `_` dropped).
 *
 * The YAML starts on line `first_line` of the input (for messages).  Sets
 * `*not_map` and returns NULL, without an error, when the YAML is not a
 * mapping (pandoc then reads the whole text as Markdown).  NULL with `err`
 * set on a YAML error or an error of `read_string`.
 */
json_t *dmp_yaml_meta(const char *text, size_t len, size_t first_line,
                      int api_minor, dmp_yaml_string_fn *read_string,
                      bool *not_map, dm_error *err);

/* A new object holding the entries of object `obj` (not stolen) with its
 * keys in the order of pandoc's Data.Map: by code point, a prefix first.
 * NULL when out of memory. */
json_t *dmp_yaml_sorted(json_t *obj);

#endif /* DM_MD_YAMLMETA_H */
