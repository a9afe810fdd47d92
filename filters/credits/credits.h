/*
 * credits.h - what the files of dm-credits share, private to
 * filters/credits/: a credit, a list of them, the dmf_credits object (a
 * run's options and the credits it has met; dm-check holds one too), and
 * what each file offers the others.
 *
 *   credits.c  the filter: its walk, placing the footer
 *   checker.c  the interface dm-check reads credits through (filters.h)
 *   options.c  the dm-credits options; making and freeing the object
 *   parse.c    credit lines: the prefix (any colon, CJK ones too), a
 *              bare credit phrase, several credits on a line
 *   para.c     a paragraph of several lines: a credit line each, or
 *              a caption with the credit lines under it
 *   lang.c     the credit words of the document's language (fr, es,
 *              de), read beside the English ones
 *   phrase.c   one credit, its grammar in tables: "Photo by NAME on
 *              SOURCE", "courtesy of", "NAME/SOURCE", "AP Photo/NAME",
 *              "© 2024 NAME", "LABEL: NAME"
 *   section.c  an article's own Credits section (under a heading, or a
 *              list under a paragraph "Image credits:"), and the credit
 *              line under a figure
 *   figure.c   a figure's caption with figure-credits
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
#define CR_CLASS DMF_CREDITS_CLASS /* the class of the footer's Div */

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
	char *year;      /* the year after a copyright sign, or NULL */
	bool copyright;  /* "© [YEAR] NAME": written with a copyright sign */
	bool role_colon; /* "ROLE: NAME": the role is a label */
	bool tight;      /* "NAME/SOURCE": the connector without spaces */
	bool source_first; /* "AP Photo/NAME": the source written first */
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

/* A prefix that opens a credit line: its words and colon, and whether
 * it names what is credited ("Cover image:"), kept as the role. */
typedef struct cr_prefix {
	char *text;
	bool role;
} cr_prefix;

/* The credit words of a language, read beside the English ones (lang.c);
 * each list NULL-terminated. */
typedef struct cr_lang {
	const char *code;                 /* "fr": what `lang` starts with */
	const char *const *prefixes;      /* of credit lines, with a colon */
	const char *const *role_prefixes; /* naming what they credit */
	const char *const *roles;         /* lower case ("photo"), that a
	                                     line without a prefix credits */
	const char *const *by, *const *on; /* before the name, the source */
	const char *const *headings;      /* of a Credits section, folded */
	const char *title;                /* the footer's ("Crédits") */
	const char *say[5];               /* the words the footer writes,
	                                     enum cr_say; NULL: English */
} cr_lang;

/* The words of credits written from attributes and metadata (words.by,
 * ...): cr->say[CR_SAY_BY]. */
enum cr_say { CR_SAY_BY, CR_SAY_ON, CR_SAY_FROM, CR_SAY_PHOTO,
              CR_SAY_IMAGE };

/* A run's options and what it has met. */
struct dmf_credits {
	/* the options (options.c) */
	cr_prefix *prefixes; /* what opens a credit line */
	size_t nprefixes;
	bool custom;      /* the prefixes are the user's, not the defaults */
	bool first[256];  /* the first bytes of the prefixes, folded */
	json_t *title;    /* inlines */
	json_t *footer;   /* blocks */
	bool figure_credits, stylesheet;
	bool sheet_in_body; /* stylesheet: inline */
	char *utm_source, *utm_medium;
	char *w_by, *w_on, *w_from, *w_photo, *w_image; /* read beside the
	                     defaults: the user's words.*, else English */
	const char *say[5]; /* written, enum cr_say: the user's words.*,
	                       else the language's, else English */
	const cr_lang *lang; /* the document's language's words */
	/* what the run has met */
	credit_list list; /* the credits met, in order */
	credit_list meta; /* metadata credits, placed at images or first */
	credit_list pending; /* the credit lines under a caption, taken when
	                        the walk leaves it (its images come first) */
	const json_t *pending_at; /* that caption's paragraph */
	const json_t *last; /* the article's last paragraph (cr_last_para) */
	bool took_top;    /* a credit line was taken from the top level */
	json_t *slot;     /* the Div or RawBlock the footer replaces */
	json_t *extra;    /* further placeholders, removed */
	json_t *emptied;  /* divs and quotes that lost a credit line */
	json_t *kept;     /* paragraphs of Credits sections left in place */
	json_t *taken;    /* Credits sections to read and remove (Divs) */
	json_t *out;      /* the footer, rendered */
	/* the names of a Credits section, folded, the colons at their end
	 * cut: what a heading is first compared with (section.c) */
	char **names;
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
 * Whether a line opens with a credit prefix (CR_FOUND): a prefix's words
 * in any case, its colon ':' or '：' (a space before it allowed; after an
 * ASCII colon closing Latin words, a space), plain or in bold or italics.
 * *rest is then a new array of the inlines after it (the prefix may end
 * inside a Str: "图片来源：Photo" leaves "Photo"), and *role a new array of
 * its words when the prefix names what it credits ("Cover image"), else
 * NULL.  A line wholly in bold or italics is read inside.
 */
cr_found cr_line_start(const dmf_credits *cr, const json_t *inlines,
                       json_t **rest, json_t **role);

/** Whether a line without a prefix whose first word is `t` (up to a
 * space) may be a credit phrase: a role of cr_roles, or "Courtesy". */
bool cr_bare_opening(const dmf_credits *cr, const char *t);

/** How a line is read: what may stand without a prefix. */
enum cr_mode {
	CR_LINE,   /* a paragraph: a prefix, or a bare credit phrase
	              ("Image courtesy of NASA") */
	CR_ITEM,   /* a Credits section's paragraph: a prefix, or credits
	              that all parse ("Jane Doe/Unsplash", "Map: ..."), a
	              name after a label in any case ("Chart: the author") */
	CR_LIST,   /* a Credits section's list item: as CR_ITEM, and a short
	              name in any case without a label ("our team") */
	CR_META    /* a metadata credit: as CR_ITEM, kept as written when it
	              does not parse */
};

/**
 * Reads a credit line in `mode` and adds its credits (separated by ';';
 * each parsed, or kept as written when a prefix opens the line) to `out`
 * with rank `rank`.  Returns how many (0: not a credit line), or -1 with
 * `err` set.  In modes CR_LINE and CR_ITEM a line without a prefix whose
 * credits do not all parse adds nothing and returns 0.
 */
int cr_read_line(const dmf_credits *cr, const json_t *inlines, int mode,
                 int rank, credit_list *out, dm_error *err);

/* ---- para.c ------------------------------------------------------------ */

/**
 * Reads a paragraph as cr_read_line() does in mode CR_LINE, line by line
 * when it has several (SoftBreak, LineBreak): when every line is a credit
 * line of its own (its credits all read, not opening in lower case), each
 * is read; else the whole, as one line; else the credit lines of their
 * own at its end, and *keep is the number of inlines before them that
 * stay (the caption, and a break after it).  *keep is 0 when the whole
 * paragraph goes, or there are no credits.  Returns how many credits were
 * added to `out`, or -1 with `err` set.
 */
int cr_read_para(const dmf_credits *cr, const json_t *inlines, int rank,
                 credit_list *out, size_t *keep, dm_error *err);

/**
 * Reads the credit after the last sentence of a paragraph's last line
 * ("The pier at dawn. Photo: Kai Berg/Unsplash"): a sentence opening with
 * a prefix or a credit phrase, to the end, whose every credit is read
 * (none kept as written), after one ending in '.', '!' or '?'.  *keep is
 * then the number of inlines before it that stay.  Returns how many
 * credits were added to `out` (0: none), or -1 with `err` set.
 */
int cr_read_tail(const dmf_credits *cr, const json_t *inlines, int rank,
                 credit_list *out, size_t *keep, dm_error *err);

/** The credits of an image's alternative text (which pandoc makes of a
 * figure's caption too): the whole of it a credit line ("Photo: Jane
 * Doe/Unsplash"), or a credit after its last sentence ("A pier. Photo:
 * Jane Doe/Unsplash"), every credit read (a description after a prefix,
 * "Photo: a pier at dawn", is none).  Adds them to `out`: how many, or -1
 * with `err` set. */
int cr_read_alt(const dmf_credits *cr, const json_t *image, credit_list *out,
                dm_error *err);

/**
 * The last paragraph of the list of blocks `list` (an article's top
 * level) before what stands with its credits at its end: rules, raw code,
 * the footer or its placeholder, Credits sections taken whole, credit
 * lines.  *last is set to it (borrowed), or NULL when another block comes
 * last.  0, or -1 with `err` set.
 */
int cr_last_para(const dmf_credits *cr, const json_t *list,
                 const json_t **last, dm_error *err);

/* ---- phrase.c ---------------------------------------------------------- */

/** What cr_parse_one() accepts beside the forms with "by" and "/". */
enum cr_flags {
	CR_P_NAME = 1, /* a name alone ("Getty Images"), "LABEL: NAME",
	                  "© YEAR NAME": after a prefix, in a section */
	CR_P_BARE = 2, /* a line without a prefix: a known role and a
	                  short name ("Photograph by Li Wei for Reuters") */
	CR_P_LABEL_LOW = 4, /* after "LABEL:", a name in lower case ("Chart:
	                       the author"): in a Credits section */
	CR_P_LOW = 8   /* a short name in lower case, without a label: a
	                  Credits section's list item */
};

/** If `inlines` is a lone Link, makes it the Link's text and stores its
 * target in *url (freeing the old one).  0, or -1 (out of memory).
 * (sources.c) */
int cr_take_link(json_t **inlines, char **url);

/** The roles a line without a prefix may credit ("photo", "cover
 * image", ...), NULL-terminated. */
extern const char *const cr_roles[];

/**
 * Parses one credit from `inlines` (a line without its prefix, a list
 * item, an attribute) as `flags` (enum cr_flags) allow into *c, which
 * holds nothing unless CR_FOUND is returned.
 */
cr_found cr_parse_one(const dmf_credits *cr, const json_t *inlines,
                      int flags, credit *c);

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

/* ---- lang.c ------------------------------------------------------------ */

/** The credit words of the language of `doc` (its metadata `lang`); for
 * English, or a language without a row, empty lists.  Borrowed (static);
 * NULL with `err` set when out of memory. */
const cr_lang *cr_lang_of(const dm_doc *doc, dm_error *err);

/* ---- options.c --------------------------------------------------------- */

/** The options: reading, the unknown-key check and --help. */
extern const dm_option_spec cr_options[];

/* ---- section.c --------------------------------------------------------- */

/** Folds the names a Credits section may have (the built-in ones, the
 * footer's title, the configured prefixes) into cr->names, once for the
 * run.  0, or -1 with `err` set. */
int cr_section_names(dmf_credits *cr, dm_error *err);
void cr_section_names_free(dmf_credits *cr);

/**
 * In the list of blocks `list`: each Credits section (a heading such as
 * "Credits" or "Image credits", then credit lines or lists of credits up
 * to the next heading of its level or above) whose blocks are all credits
 * is read into cr->list and taken out; one holding anything else stays as
 * it is, its paragraphs remembered in cr->kept.  With figure-credits, a
 * figure followed by a credit line gets that credit in its caption.
 * 0, or -1 with ctx->err set.
 */
int cr_sections(dm_ctx *ctx, dmf_credits *cr, json_t *list);

/** Whether `heading` (a Header) names a Credits section. */
cr_found cr_section_heading(const dmf_credits *cr, const json_t *heading);

/**
 * The Credits section headed by list[i], its credits added to `found`
 * (NULL: read, not kept): sets *end past its last block and *bad to the
 * index of its first block that is not a credit (*end when all are).
 * 1, 0 when list[i] heads none, or -1 with `err` set.
 */
int cr_section_at(const dmf_credits *cr, const json_t *list, size_t i,
                  size_t *end, size_t *bad, credit_list *found,
                  dm_error *err);

/** Whether `node` is a paragraph of a Credits section left in place
 * (cr_kept()), or a section to take (a Div cr_sections() made). */
bool cr_kept(const dmf_credits *cr, const json_t *node);
bool cr_taken(const dmf_credits *cr, const json_t *node);

/* ---- figure.c ---------------------------------------------------------- */

/** Adds credit `c` at the end of the caption of figure `fig` (an earlier
 * run's goes), never to its image's alternative text: for docx and odt
 * from pandoc 2.17, *repl is set to a new Div to put in the figure's
 * place (else NULL).  0, or -1 with ctx->err set. */
int cr_caption_add(dm_ctx *ctx, const dmf_credits *cr, json_t *fig,
                   const credit *c, json_t **repl);

/**
 * The inlines of a figure's caption to add a credit to (see
 * dm_figure_caption()); for a pandoc 2.17 figure, whose caption is its
 * image's alternative text, the text is first kept in the image's `alt`
 * attribute, which pandoc writes as the alternative text instead.  NULL
 * when out of memory.
 */
json_t *cr_caption_of(json_t *fig);

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
