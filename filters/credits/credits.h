/*
 * credits.h - what the files of dm-credits share, private to
 * filters/credits/: a credit, a list of them, the dmf_credits object (a
 * run's options and the credits it has met; dm-check holds one too), and
 * what each file offers the others.
 *
 *   credits.c  the filter: its walk, placing the footer, and the
 *              interface dm-check uses (filters.h)
 *   options.c  the dm-credits options; making and freeing the object
 *   parse.c    credit lines: the prefix, "Photo by NAME on SOURCE"
 *   sources.c  credits from image attributes, from the metadata, and
 *              from an earlier run's footer
 *   credit.c   one credit: freeing, lists, Unsplash, writing as inlines
 *   footer.c   the footer: order, duplicates, content; drawn and found
 *              again (a second run changes nothing) through the box
 *              table (src/box.h)
 */
#ifndef DMF_CREDITS_H
#define DMF_CREDITS_H

#include "dm.h"
#include "filters.h"

#define CR_OPT "dm-credits"   /* the metadata key of the options */
#define CR_CLASS "dm-credits" /* the class of the footer's Div */

/* Where a credit comes from: the order of the footer is this, then the
 * order in which the walk met it. */
enum cr_rank { CR_FROM_FOOTER, CR_FROM_META, CR_FROM_BODY };

/* One credit, parsed, or kept as written (raw), or an earlier footer's
 * item (blocks).  Owns everything it points to. */
typedef struct credit {
	json_t *role;    /* inlines ("Photo"), or NULL */
	json_t *name;    /* inlines, or NULL for a source alone */
	json_t *source;  /* inlines, or NULL */
	json_t *license; /* inlines, or NULL */
	char *url, *source_url, *license_url;
	char *by, *conn; /* the words before name and source, as written:
	                    "by", "on", "/"; NULL: the configured ones */
	char *image;     /* metadata `image`: the file it credits */
	json_t *raw;     /* a line that does not parse, as written */
	json_t *blocks;  /* an item of an earlier footer, kept as it is */
	int rank;        /* an enum cr_rank; -1 for a duplicate */
	size_t seq;      /* its place in the list it was added to */
	bool placed;     /* a metadata credit met at its image */
} credit;

/* What a reader of one credit found. */
typedef enum cr_found {
	CR_NOMEM = -1, /* memory ran out */
	CR_NONE = 0,   /* no credit: none there, or words that do not parse */
	CR_FOUND = 1   /* a credit, stored */
} cr_found;

/* A growable list of credits, zero-initialised. */
typedef struct credit_list {
	credit *v;
	size_t n, cap;
} credit_list;

/* A run's options and what it has met. */
struct dmf_credits {
	/* the options (options.c) */
	char **prefixes;  /* what opens a credit line */
	size_t nprefixes;
	bool first[256];  /* the first bytes of the prefixes, folded */
	json_t *title;    /* inlines */
	json_t *footer;   /* blocks */
	bool figure_credits, stylesheet;
	bool sheet_in_body; /* stylesheet: inline */
	char *utm_source, *utm_medium;
	char *w_by, *w_on, *w_from, *w_photo, *w_image;
	/* what the run has met */
	credit_list list; /* the credits met, in order */
	credit_list meta; /* metadata credits, placed at images or first */
	json_t *slot;     /* the Div or RawBlock the footer replaces */
	json_t *extra;    /* further placeholders, removed */
	json_t *emptied;  /* divs and quotes that lost a credit line */
	json_t *out;      /* the footer, rendered */
	/* the raw marks of a footer of every format family, made the first
	 * time a list of blocks holds a raw block (footer.c) */
	struct dm_box_marks *marks;
	size_t nmarks;
	/* dm-credits' run: the program that warns of a link it does not
	 * write (NULL in dm-check, which reports it), and the URLs it has
	 * warned of */
	const char *warn;
	json_t *warned;
};

/* ---- credit.c ---------------------------------------------------------- */

/** Frees what `c` holds and zeroes it. */
void cr_credit_free(credit *c);

/** Appends *c to `l`, taking it over (it is freed when this fails) and
 * zeroing *c; its seq is its index.  0, or -1 with `err` set. */
int cr_list_add(credit_list *l, credit *c, dm_error *err);

/** Frees every credit of `l` and the list. */
void cr_list_free(credit_list *l);

/** True when `url` is on unsplash.com. */
bool cr_unsplash_url(const char *url);

/** Whether `c` credits Unsplash, by its source's URL or name: CR_FOUND
 * when it does. */
cr_found cr_unsplash(const credit *c);

/** For a credit written from attributes or metadata: Unsplash as the
 * source of a photographer's Unsplash URL, and the role "Photo" of an
 * Unsplash credit, as the guideline has it.  0, or -1 (out of memory). */
int cr_unsplash_defaults(const dmf_credits *cr, credit *c);

/** A credit as inlines: "ROLE by NAME on SOURCE (LICENSE)" for the
 * footer, "ROLE: NAME / SOURCE" with `caption`.  Returns a new array, or
 * NULL when out of memory. */
json_t *cr_write(const dmf_credits *cr, const credit *c, bool caption);

/* ---- parse.c ----------------------------------------------------------- */

/** The first byte of `s` past white space, ASCII letters in lower case:
 * what cr->first is indexed by. */
unsigned char cr_fold_byte(const char *s);

/**
 * Whether a line opens with a credit prefix (CR_FOUND), and where its
 * credits start: *start is the index in *inlines after the prefix (0 when
 * there is none).  A line wholly in bold or italics ("*Image credits:
 * ...*") is read inside: *inlines moves there.
 */
cr_found cr_line_start(const dmf_credits *cr, const json_t **inlines,
                       size_t *start);

/** If `inlines` is a lone Link, makes it the Link's text and stores its
 * target in *url (freeing the old one).  0, or -1 (out of memory). */
int cr_take_link(json_t **inlines, char **url);

/**
 * Parses one credit from `inlines` (a line without its prefix, or a list
 * item) into *c, which holds nothing unless CR_FOUND is returned.
 */
cr_found cr_parse_one(const dmf_credits *cr, const json_t *inlines, credit *c);

/**
 * Adds every credit of a line (the inlines from `from` on, separated by
 * ';') to `out` with rank `rank`, each parsed or kept as written.
 * Returns how many, or -1 with `err` set.
 */
int cr_parse_line(const dmf_credits *cr, const json_t *inlines, size_t from,
                  int rank, credit_list *out, dm_error *err);

/* ---- sources.c --------------------------------------------------------- */

/** "a map", "a list", "a boolean" or "text": what a MetaValue is, for
 * messages. */
const char *cr_kind_of(const json_t *v);

/** Reads the metadata keys `image-credit` and `credits` into cr->meta.
 * 0, or -1 with `err` set. */
int cr_read_meta(const dm_doc *doc, dmf_credits *cr, dm_error *err);

/** The credit an image's attributes give, into *c (which may hold part
 * of one when CR_NOMEM is returned: free it). */
cr_found cr_image_credit(const dmf_credits *cr, const json_t *image, credit *c);

/** The image file an Image shows (its URL), "" when it has none. */
const char *cr_image_src(const json_t *image);

/** The metadata credit for image file `src` (its `image` is `src` or a
 * last part of it), only among those not yet placed with `unplaced`;
 * NULL when there is none. */
credit *cr_meta_for(const dmf_credits *cr, const char *src, bool unplaced);

/** Adds the items of an earlier footer (a Div of class dm-credits) to
 * cr->list as they are.  0, or -1 with `err` set. */
int cr_take_footer(dmf_credits *cr, const json_t *div, dm_error *err);

/* ---- options.c --------------------------------------------------------- */

/** The options: reading, the unknown-key check and --help. */
extern const dm_option_spec cr_options[];

/* ---- footer.c ---------------------------------------------------------- */

/**
 * Puts cr->list in the footer's order, marks the duplicates, and renders
 * the footer for ctx->family into cr->out.  0, or -1 with ctx->err set.
 */
int cr_footer_build(dm_ctx *ctx, dmf_credits *cr);

/**
 * Finds in `list` the footers an earlier run rendered (for any format
 * family, and for ctx->family the plain form) and makes each a Div of
 * class dm-credits again, as the semantic form is.  0, or -1 with
 * ctx->err set.
 */
int cr_footer_recognise(dm_ctx *ctx, dmf_credits *cr, json_t *list);
/** Frees the marks cr_footer_recognise() made (cr->marks). */
void cr_footer_marks_free(dmf_credits *cr);

/** Adds the footer's stylesheet to the header-includes when ctx->family
 * is HTML and the option says so (inline: at the top of the body).  0, or
 * -1 with ctx->err set. */
int cr_footer_style(dm_ctx *ctx, const dmf_credits *cr);

#endif /* DMF_CREDITS_H */
