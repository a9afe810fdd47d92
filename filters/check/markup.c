/*
 * markup.c - dm-check's DM107: markup that the reader did not know and
 * left as text, so that the page shows it as written and loses what it
 * meant: a fenced div (`::: {.callout-note}`, a callout gone) and the
 * attributes after an image (`{credit="..."}`), which GitHub Markdown
 * (pandoc -f gfm, dm-from-md) reads as text, and an Obsidian embed or
 * wikilink (`![[map.png]]`, `[[Paris]]`) and comment (`%%draft%%`,
 * hidden in Obsidian, published everywhere else), which no reader pandoc
 * runs knows.
 *
 * The paragraph's text is taken from its Str, Space and break inlines
 * only: markup inside code (`![[x]]` shown in backticks) is no finding.
 */
#include <string.h>
#include <strings.h>

#include "check.h"

/* What a GitHub Markdown reader does not know, and what to do. */
#define GFM_HINT \
	"this reader (GitHub Markdown, dm-from-md) knows no %s; read the " \
	"article with pandoc -f markdown, or %s"

/* The text of inlines [from, n) into `b` (n at most their number): Str
 * as written, a Space as a space; a break ends it when `line`, else is
 * a space; any other inline (code, a link, emphasis) is the byte 0x01,
 * which no pattern matches across. */
static void text_upto(const json_t *in, size_t from, size_t n, bool line,
                      dm_buf *b)
{
	size_t i;

	if (n > json_array_size(in))
		n = json_array_size(in);
	for (i = from; i < n; i++) {
		const json_t *x = json_array_get(in, i);
		switch (dm_type_of(x)) {
		case DM_T_STR:
			dm_buf_puts(b, json_string_value(dm_content(x)));
			break;
		case DM_T_SPACE:
			dm_buf_putc(b, ' ');
			break;
		case DM_T_SOFT_BREAK:
		case DM_T_LINE_BREAK:
			if (line)
				return;
			dm_buf_putc(b, ' ');
			break;
		default:
			dm_buf_putc(b, '\x01');
			break;
		}
	}
}

/* text_upto() to the end of the inlines. */
static void text_of(const json_t *in, size_t from, bool line, dm_buf *b)
{
	text_upto(in, from, json_array_size(in), line, b);
}

/* A paragraph whose first line opens with `:::`: a fenced div read as
 * text. */
static int fenced_div(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	const json_t *in = dm_content(node);
	const char *s = json_string_value(dm_content(json_array_get(in, 0)));
	dm_buf b = {0};
	int rc;

	if (dm_type_of(json_array_get(in, 0)) != DM_T_STR || s == NULL ||
	    strncmp(s, ":::", 3) != 0)
		return 0;
	text_of(in, 0, true, &b);
	if (dm_buf_failed(&b))
		return dm_nomem(ctx->err);
	rc = dmc_report(ctx, dmc_here(ctx->state, w, node), DMC_MARKUP_TEXT,
	                "the fenced div \"%.80s\" is text here: GitHub "
	                "Markdown (pandoc -f gfm, dm-from-md) knows no fenced "
	                "divs, and pandoc's markdown none without its closing "
	                ":::; read the article with pandoc -f markdown, or "
	                "write a callout as an alert (> [!NOTE])",
	                dm_buf_str(&b));
	dm_buf_free(&b);
	return rc;
}

/* An image followed at once by `{...}`: its attributes read as text. */
static int attributes(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	const json_t *in = dm_content(node);
	size_t i, n = json_array_size(in), end;
	dm_buf b = {0};
	int rc = 0;

	for (i = 0; rc == 0 && i + 1 < n; i++) {
		const json_t *img = json_array_get(in, i);
		const json_t *next = json_array_get(in, i + 1);
		const char *s = json_string_value(dm_content(next));
		if (dm_type_of(img) != DM_T_IMAGE ||
		    dm_type_of(next) != DM_T_STR || s == NULL || s[0] != '{')
			continue;
		dm_buf_free(&b);
		text_upto(in, i + 1, i + 1 + 32, false, &b); /* a few words */
		if (dm_buf_failed(&b))
			break;
		end = strcspn(dm_buf_str(&b), "}\x01");
		end += dm_buf_str(&b)[end] == '}'; /* the brace, no stop */
		rc = dmc_report(ctx, dmc_here(ctx->state, w, node),
		                DMC_MARKUP_TEXT,
		                "the attributes \"%.*s\" after the image %s "
		                "are text here: " GFM_HINT,
		                (int)(end < 80 ? end : 80), dm_buf_str(&b),
		                json_string_value(json_array_get(
		                        dm_field(img, 2), 0)),
		                "attributes", "leave them out");
		break; /* one finding a paragraph */
	}
	rc = rc == 0 && dm_buf_failed(&b) ? dm_nomem(ctx->err) : rc;
	dm_buf_free(&b);
	return rc;
}

/* Whether `name` (`len` bytes) ends in an image's extension: an embed
 * even where the reader ate the `!` before it (pandoc -f markdown). */
static bool image_name(const char *name, size_t len)
{
	static const char *const ext[] = {".png", ".jpg", ".jpeg", ".gif",
	                                  ".svg", ".webp", ".avif", NULL};
	size_t i, n;

	for (i = 0; ext[i]; i++) {
		n = strlen(ext[i]);
		if (len >= n && strncasecmp(name + len - n, ext[i], n) == 0)
			return true;
	}
	return false;
}

/* An Obsidian embed or wikilink, `[[TARGET|TEXT]]` between `open` and
 * `close` (at its `]]`), and the `!` before it or not: its finding, with
 * the Markdown that says the same. */
static int report_wikilink(dm_ctx *ctx, const dm_walk *w, json_t *node,
                           const char *open, const char *close, bool bang)
{
	const char *target = open + 2;
	const char *bar = memchr(target, '|', (size_t)(close - target));
	int tlen = (int)((bar ? bar : close) - target);
	bool embed = bang || image_name(target, (size_t)tlen), space;

	if (embed)
		return dmc_report(ctx, dmc_here(ctx->state, w, node),
		                  DMC_MARKUP_TEXT,
		                  "the Obsidian embed \"%s%.*s\" is text here, "
		                  "and the image is missing: write it as "
		                  "![what it shows](%.*s)", bang ? "!" : "",
		                  (int)(close + 2 - open), open, tlen, target);
	space = memchr(target, ' ', (size_t)tlen) != NULL; /* (<a b>) */
	return dmc_report(ctx, dmc_here(ctx->state, w, node), DMC_MARKUP_TEXT,
	                  "the Obsidian link \"%.*s\" is text here: write it "
	                  "as [%.*s](%s%.*s%s)", (int)(close + 2 - open), open,
	                  bar ? (int)(close - bar - 1) : tlen,
	                  bar ? bar + 1 : target, space ? "<" : "", tlen,
	                  target, space ? ">" : "");
}

/* The first Obsidian embed or wikilink in the paragraph: `[[` then `]]`
 * with no stop byte between. */
static int wikilink(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	dm_buf b = {0};
	const char *s, *open, *close, *stop;
	int rc = 0;

	text_of(dm_content(node), 0, false, &b);
	if (dm_buf_failed(&b))
		return dm_nomem(ctx->err);
	s = dm_buf_str(&b);
	for (open = strstr(s, "[["); open != NULL;
	     open = strstr(open + 2, "[[")) {
		close = strstr(open + 2, "]]");
		if (close == NULL)
			break;
		if (open[2 + strspn(open + 2, " ")] == ']')
			continue;
		if ((stop = memchr(open, '\x01', (size_t)(close - open)))) {
			open = stop - 1; /* every [[ before it stops there too */
			continue;
		}
		rc = report_wikilink(ctx, w, node, open, close,
		                     open > s && open[-1] == '!');
		break;
	}
	dm_buf_free(&b);
	return rc;
}

/* An Obsidian comment, `%%...%%`, which Obsidian hides and every reader
 * publishes. */
static int comment(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	dm_buf b = {0};
	const char *open, *close;
	int rc = 0;

	text_of(dm_content(node), 0, false, &b);
	if (dm_buf_failed(&b))
		return dm_nomem(ctx->err);
	open = strstr(dm_buf_str(&b), "%%");
	close = open ? strstr(open + 2, "%%") : NULL;
	if (close != NULL && close > open + 2 &&
	    memchr(open, '\x01', (size_t)(close - open)) == NULL)
		rc = dmc_report(ctx, dmc_here(ctx->state, w, node),
		                DMC_MARKUP_TEXT,
		                "the Obsidian comment \"%.*s%s\" is text here, "
		                "shown to every reader: delete it, or write it as "
		                "an HTML comment (<!-- ... -->)",
		                (int)(close + 2 - open < 60 ? close + 2 - open
		                                            : 57),
		                open, close + 2 - open < 60 ? "" : "...");
	dm_buf_free(&b);
	return rc;
}

int dmc_check_markup(dm_ctx *ctx, const dm_walk *w, json_t *node)
{
	switch (dm_type_of(node)) {
	case DM_T_PARA:
	case DM_T_PLAIN:
		if (fenced_div(ctx, w, node) || attributes(ctx, w, node) ||
		    wikilink(ctx, w, node) || comment(ctx, w, node))
			return -1;
		return 0;
	default:
		return 0;
	}
}
