/*
 * dm_md.h - Markdown in, HTML out, without pandoc (cmark-gfm): the one
 * header of the Markdown reader (src/md/) and the HTML writer (src/html/).
 *
 * dm-from-md and dm-to-html are built on these; dm_meta_inlines() uses
 * dm_md_inlines() to read a metadata string given with `pandoc -M` as
 * inline Markdown.  Ownership as in dm.h.
 */
#ifndef DM_MD_H
#define DM_MD_H

#include "dm.h"

/* The pandoc-api-version arrays written for API 1.22 and 1.23. */
#define DM_API_1_22 "[1,22,2,1]"
#define DM_API_1_23 "[1,23,1,2]"


/**
 * Reads `len` bytes of Markdown (CommonMark with GitHub's extensions and
 * YAML front matter) into a new document, as `pandoc -f gfm -t json`
 * would: pandoc 3 for `api_minor` 23, pandoc 2.17 for 22.  The text must
 * be UTF-8 (a leading byte order mark is skipped).  Returns NULL with
 * `err` set on invalid UTF-8, bad front matter or lack of memory.
 */
dm_doc *dm_md_read(const char *text, size_t len, int api_minor,
                   dm_error *err);

/** Flags for dm_md_read_ex() and dm_md_read_fd(). */
enum {
	/* The text has one block per line, as a CMS exports an article:
	 * every non-blank line is a block (list items, quote lines and table
	 * rows in a row make one), and a bare line that reads as a heading
	 * (short, no closing punctuation, a longer paragraph after it) is a
	 * level-2 heading.  See dm-from-md(1), --lines. */
	DM_MD_LINES = 1 << 0
};

/** dm_md_read() with `flags` (DM_MD_LINES). */
dm_doc *dm_md_read_ex(const char *text, size_t len, int api_minor,
                      unsigned flags, dm_error *err);

/** Reads all of file descriptor `fd` and parses it as dm_md_read_ex()
 * does. */
dm_doc *dm_md_read_fd(int fd, int api_minor, unsigned flags, dm_error *err);

/**
 * Sets the metadata of `doc` as pandoc's `-M KEY[=VALUE]` options do,
 * `args` the `n` arguments in their order: KEY (dots and all, as the
 * filters read `dm-check.strict` flat) becomes the MetaString VALUE, or a
 * MetaBool for `true` or `false` (also `True`, `TRUE`, ...), and KEY
 * alone MetaBool true, over the document's own value; a KEY given again
 * makes a MetaList of its values.  0, or -1 with `err` set (DM_EUSAGE for
 * an empty KEY, DM_ENOMEM).
 */
int dm_md_set_meta(dm_doc *doc, char *const *args, int n, dm_error *err);

/**
 * The argument of the option at argv[*i] when it is `-M KEY=VALUE`,
 * `--metadata KEY=VALUE`, `-MKEY=VALUE` or `--metadata=KEY=VALUE` (*i
 * then past it), for dm_md_set_meta(); NULL when it is none of these, or
 * with `*missing` set when it lacks its argument.
 */
char *dm_md_meta_arg(int argc, char **argv, int *i, bool *missing);

/**
 * Text read as inline Markdown, as pandoc 3 reads a one-line metadata
 * string: a new array of Inlines, or NULL with `err` set.
 */
json_t *dm_md_inlines(const char *text, size_t len, dm_error *err);


/** Flags for dm_html_render(). */
enum {
	DM_HTML_STANDALONE = 1 << 0 /* a whole page: head, title, style */
};

/**
 * Renders `doc` as HTML5 through cmark-gfm's renderer.  Returns a new
 * malloc'd string (length in `*len`), or NULL with `err` set.
 */
char *dm_html_render(const dm_doc *doc, unsigned flags, size_t *len,
                     dm_error *err);

/**
 * Renders `doc` as dm_html_render() does, then writes it to `fd` in full
 * and closes `fd`; nothing is written unless the whole page was rendered.
 * Returns 0, or -1 with `err` set.
 */
int dm_html_write_fd(const dm_doc *doc, unsigned flags, int fd,
                     dm_error *err);

#endif /* DM_MD_H */
