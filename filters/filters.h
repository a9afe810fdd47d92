/*
 * filters.h - what the filters share: dm-check sees callouts and credits
 * through the very recognisers dm-callouts and dm-credits use, so the
 * checker and the filters cannot disagree about what an article holds.
 */
#ifndef DM_FILTERS_H
#define DM_FILTERS_H

#include "../src/dm.h"

extern const dm_filter dm_callouts_filter;
extern const dm_filter dm_credits_filter;
extern const dm_filter dm_check_filter;

/** Every filter of `dm`, NULL-terminated (registry.c), and its default
 * chain ("callouts,credits"). */
extern const dm_filter *const dmf_filters[];
extern const char dmf_chain[];

/* ------------------------------------------------------------------------
 * Callouts (callouts/shared.c)
 * ------------------------------------------------------------------------ */

/** The callout types and options of a document (the dm-callouts map). */
typedef struct dmf_callouts dmf_callouts;

/** Reads the dm-callouts options of ctx->doc.  NULL with ctx->err set. */
dmf_callouts *dmf_callouts_open(dm_ctx *ctx);
void dmf_callouts_close(dmf_callouts *cs);

/** The i-th of the framing triad's type names, in order; NULL past the
 * last. */
const char *dmf_callouts_triad(const dmf_callouts *cs, size_t i);

/** The type a Div names by a class (TYPE or callout-TYPE), or NULL. */
const char *dmf_callouts_div(const dmf_callouts *cs, const json_t *div);

/**
 * For a block quote whose first paragraph opens with "[!X]": points
 * *marker at X (borrowed: inside the quote), its length in *len, and
 * returns the type X names, or NULL when it names none.  Not such a
 * quote: *marker is NULL and NULL is returned.
 */
const char *dmf_callouts_alert(const dmf_callouts *cs, const json_t *quote,
                               const char **marker, size_t *len);

/** A list item or a paragraph as a statement of the triad. */
typedef struct dmf_label {
	char written[48];  /* the words before its separator (':', '\uff1a',
	                      a dash): "Noize"; "" when it opens with none */
	const char *type;  /* the triad type they name, or NULL */
	const char *near;  /* naming none: the triad label one or two edits
	                      away ("Noise"), or NULL */
	bool empty;        /* naming one: nothing follows the label */
} dmf_label;

/**
 * For a bullet list: describes its first `max` items in labels[] and
 * returns the number of items (0 when `list` is no bullet list).
 * dm-callouts takes it for the triad when every item names a type.  A
 * definition list likewise, each term a label, its definitions the
 * statement.
 */
size_t dmf_callouts_list(const dmf_callouts *cs, const json_t *list,
                         dmf_label *labels, size_t max);

/**
 * For list[i] in the document's top-level blocks (ctx->doc): when it
 * opens the triad as headings, as dm-callouts reads it, describes each
 * statement in labels[] (the heading's text as written, the type, whether
 * its blocks say nothing), the index of its heading in heads[], and
 * returns the number of statements (dmf_callouts_triad_size(), at most
 * 8); else 0.  Out of memory reads as no triad.
 */
size_t dmf_callouts_headings(const dm_ctx *ctx, const dmf_callouts *cs,
                             const json_t *list, size_t i,
                             dmf_label *labels, size_t *heads);

/** For a paragraph: what it opens with (a Para; else written is ""). */
void dmf_callouts_para(const dmf_callouts *cs, const json_t *para,
                       dmf_label *label);

/** The number of triad types (the paragraphs of a triad): dm-callouts
 * takes that many consecutive paragraphs, each naming a different triad
 * type, for the triad. */
size_t dmf_callouts_triad_size(const dmf_callouts *cs);

/** True when `header` is the heading of the Direct Message section. */
bool dmf_callouts_section(const dmf_callouts *cs, const json_t *header);
/** That heading's text, as configured. */
const char *dmf_callouts_heading(const dmf_callouts *cs);

/** True when the Div or BlockQuote `node`, read as a callout, has an empty
 * body (title aside).  -1 on error (ctx->err). */
int dmf_callouts_empty(dm_ctx *ctx, const dmf_callouts *cs,
                       const json_t *node);

/** The type name nearest to the word of `len` bytes at `word` (at most two
 * edits away, case aside), for "did you mean"; NULL when none is that
 * near, or the word is one. */
const char *dmf_callouts_near(const dmf_callouts *cs, const char *word,
                              size_t len);

/* ------------------------------------------------------------------------
 * Credits (credits/)
 * ------------------------------------------------------------------------ */

/** The class of the footer's Div dm-credits makes (and of its raw marks):
 * dm-callouts ends the Direct Message section at it. */
#define DMF_CREDITS_CLASS "dm-credits"

/** The options, credit prefixes and metadata credits of a document: what
 * dm-credits reads, for dm-check to read credits as it does. */
typedef struct dmf_credits dmf_credits;

/** Reads the dm-credits options and the metadata credits of ctx->doc into
 * a new object owned by the caller (ctx->state is not touched).  NULL with
 * ctx->err set. */
dmf_credits *dmf_credits_open(dm_ctx *ctx);
/** Frees `cr` (NULL is allowed). */
void dmf_credits_close(dmf_credits *cr);

/** What dmf_credits_line() finds a block to be. */
typedef enum dmf_credit_line {
	DMF_CREDIT_LINE_ERROR = -1,   /* out of memory: ctx->err is set */
	DMF_CREDIT_LINE_NONE = 0,     /* not a credit line */
	DMF_CREDIT_LINE_PARSED = 1,   /* a credit line; every credit parses */
	DMF_CREDIT_LINE_UNPARSED = 2, /* a credit line with a credit that does
	                                 not parse (kept as written) */
	DMF_CREDIT_LINE_TAIL = 3      /* a caption, and under it (after a
	                                 line break) credit lines that parse:
	                                 they go, the caption stays */
} dmf_credit_line;

/** Whether block `b` (wherever it stands) is a credit line, or ends with
 * credit lines, as dm-credits reads them; with `last` (b is what
 * dmf_credits_last() found), a credit after its last sentence counts as
 * such lines do ("... at dawn. Photo: Kai Berg/Unsplash": TAIL).  The
 * caller decides where credit lines may stand. */
dmf_credit_line dmf_credits_line(dm_ctx *ctx, const dmf_credits *cr,
                                 const json_t *b, bool last);

/** The last paragraph of an article's top-level blocks `list`, before
 * what stands with its credits at its end (rules, raw code, the footer,
 * Credits sections, credit lines), into *last (borrowed; NULL when
 * another block comes last): the one paragraph whose last sentence
 * dm-credits reads as a credit.  0, or -1 with ctx->err set. */
int dmf_credits_last(dm_ctx *ctx, const dmf_credits *cr,
                     const json_t *list, const json_t **last);

/**
 * Whether list[i] heads a Credits section dm-credits reads ("## Credits"
 * and credit lines or lists of credits up to the next heading of its
 * level): 1, setting *end past its last block and *bad to its first block
 * that is not a credit (*end when all are: dm-credits takes it into the
 * footer; else the section stays as written); 0 when not; -1 with
 * ctx->err set.
 */
int dmf_credits_section(dm_ctx *ctx, const dmf_credits *cr,
                        const json_t *list, size_t i, size_t *end,
                        size_t *bad);

/** True when an Image carries a credit of its own (credit or source). */
bool dmf_credits_image(const json_t *image);

/** Whether an Image's alternative text (a figure's caption) holds its
 * credit as dm-credits reads it ("A pier. Photo: Jane Doe/Unsplash"):
 * 1, 0, or -1 with ctx->err set. */
int dmf_credits_alt(dm_ctx *ctx, const dmf_credits *cr,
                    const json_t *image);

/** True when a metadata credit names `src` as the image it credits. */
bool dmf_credits_meta_image(const dmf_credits *cr, const char *src);

#endif /* DM_FILTERS_H */
