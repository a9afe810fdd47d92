/*
 * render.h - blocks wrapped for an output format: raw code opening and
 * closing around blocks that stay pandoc content (an HTML element, a LaTeX
 * group or environment, a typst block), and finding such a wrapping again
 * in a list of blocks, so a filter can recognise its own output.  Also
 * figures read the same way in both API versions, and link URLs.
 */
#ifndef DM_RENDER_H
#define DM_RENDER_H

#include "dm.h"

/**
 * `blocks` between a RawBlock `open` and a RawBlock `close`, both in
 * `format`: returns a new array [open, blocks..., close], or NULL when out
 * of memory.  Steals `blocks`.
 */
json_t *dm_render_wrap_raw(json_t *blocks, const char *format,
                           const char *open, const char *close);

/**
 * A Div with class `cls` (NULL for none) and, when `style` is not NULL,
 * the attribute custom-style=`style`, which the docx and odt writers turn
 * into a paragraph style.  Steals `blocks`; returns a new reference.
 */
json_t *dm_render_styled_div(const char *cls, const char *style,
                             json_t *blocks);

/** True when `node` is a RawBlock in `format` (case ignored) whose text
 * starts with `prefix`. */
bool dm_render_is_raw(const json_t *node, const char *format,
                      const char *prefix);

/**
 * Looks in `list` from index `from` on for a RawBlock in `format` whose
 * text starts with `open`, and the RawBlock in `format` that is exactly
 * `close` and closes it (wrappings of the same `open` may nest).  Returns
 * the index of the opening block and stores the closing one in `*end`, or
 * returns -1 when there is no complete wrapping.
 */
long dm_render_find_raw(const json_t *list, size_t from, const char *format,
                        const char *open, const char *close, size_t *end);

/**
 * Moves list[first..last] (inclusive) into a new Div with class `cls` put
 * in their place, dropping the two ends when `drop_ends` (the raw opening
 * and closing of a wrapping).  Returns the Div (borrowed from `list`), or
 * NULL when out of memory (the list is then unchanged).
 */
json_t *dm_render_gather(json_t *list, size_t first, size_t last,
                         bool drop_ends, const char *cls);

/* ------------------------------------------------------------------------
 * Figures, in both API versions
 * ------------------------------------------------------------------------ */

/**
 * The image of a figure: the first Image of a pandoc 3 Figure (API 1.23),
 * or the Image of a pandoc 2.17 implicit figure, a Para holding only an
 * Image whose title starts with "fig:" (API 1.22).  Borrowed from `node`;
 * NULL when `node` is not a figure.
 */
json_t *dm_figure_image(json_t *node);

/**
 * The inlines of a figure's caption, to read or extend in place: the last
 * Plain or Para of a Figure's caption (an empty Plain is added when the
 * caption has none), or the alt text of a 2.17 figure's image, which that
 * version shows as the caption.  Borrowed; NULL when `node` is not a
 * figure or memory runs out.
 */
json_t *dm_figure_caption(json_t *node);

/* ------------------------------------------------------------------------
 * URLs
 * ------------------------------------------------------------------------ */

/**
 * `url` with query parameters added before its fragment, after '?' or '&'
 * as it needs: `params` holds `n` key, value pairs, each percent-encoded.
 * Returns a new malloc'd string, or NULL when out of memory.
 */
char *dm_url_add_params(const char *url, const char *const *params,
                        size_t n);

#endif /* DM_RENDER_H */
