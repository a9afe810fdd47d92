/*
 * callouts.h - what the files of dm-callouts share (not for other
 * filters: dm-check sees the recognisers through filters.h).
 *
 *   types.c    the type registry and the options
 *   sources.c  a callout Div (every spelling of it) and a GitHub alert
 *   labels.c   sources found by their words: the labelled list and
 *              paragraphs
 *   forms.c    the triad's other forms: headings, a definition list,
 *              triad callouts one after another
 *   section.c  the Direct Message section (up to the credits footer)
 *   render.c   a callout to a box (src/box.h), and the box definitions
 *   xref.c     Quarto's cross-references: numbered callouts, @nte-x
 *   callouts.c the filter: its walk, the metadata triad
 *   shared.c   what dm-check asks (filters.h)
 *
 * Every source form is first read into one `callout` (type, title, body,
 * attributes), then rendered for the output format.  The semantic form is
 * a Div of classes `callout callout-TYPE` with a `title` attribute: it is
 * what json and markdown output get, and it is itself a source, so a
 * second run changes nothing.
 */
#ifndef DMF_CALLOUTS_H
#define DMF_CALLOUTS_H

#include "box.h"
#include "filters.h"

#define OPT "dm-callouts"
#define MAX_TYPES 64

/** A callout type. */
typedef struct ctype {
	char *name;    /* "direct-message": the class and alert name */
	char *label;   /* "Direct Message": the default title, user's words */
	json_t *title; /* the label as inlines (Markdown from pandoc -M) */
	char *style;   /* "DM Direct Message": the docx/odt style */
	char *icon;    /* shown before the title in HTML: an icon's name
	                  (dm_box_icon_svg), text, or "" for none */
	dm_rgb colour;
	bool triad;    /* one of the three framing statements */
	bool alert;    /* one of GitHub's five alert types */
} ctype;

/** A callout read from its source. */
typedef struct callout {
	const ctype *type;
	json_t *node;   /* the Div or BlockQuote it was read from (borrowed) */
	json_t *attr;   /* id, the user's other classes and attributes */
	json_t *title;  /* inlines */
	json_t *heading; /* the Header standing for the title, or NULL */
	json_t *body;   /* blocks */
	char *collapse; /* "true", "false", "open" or NULL: the default */
	char *icon;     /* an icon's name or text; NULL: the type's; "" or
	                   "false": none */
	char *look;     /* appearance: "default", "simple", "minimal" or
	                   NULL: the document's */
} callout;

/** The filter's state: the type registry, the options, and the callouts
 * whose bodies the walk is in. */
typedef struct dmf_callouts {
	ctype types[MAX_TYPES];
	size_t ntypes;
	bool stylesheet, collapse, icons, group, section;
	bool sheet_in_body; /* stylesheet: inline */
	char *heading;    /* the heading of the Direct Message section */
	int look;         /* appearance: a dm_box_look */
	bool rendered;    /* something was rendered: add the stylesheet */
	bool has_triad;   /* the body holds the framing triad */
	json_t *xrefs;    /* numbered callouts: id -> number (xref.c) */
	callout *open;    /* entered, not yet left: innermost last */
	size_t nopen, capopen;
} state;

/* types.c */

/** The options: read by dmf_callouts_open(), --help made from them. */
extern const dm_option_spec dmf_callouts_option_table[];
/** The type `name` names (compared without case, '-', '_', ' '), or
 * NULL. */
const ctype *dmf_find_type(const state *st, const char *name);
/** As dmf_find_type(), for the `n` bytes at `name`. */
const ctype *dmf_find_type_n(const state *st, const char *name, size_t n);
/** The type the `n` bytes at `name` name, or one of Obsidian's aliases of
 * it ("tldr": abstract), as an alert marker may; or NULL. */
const ctype *dmf_find_alias_n(const state *st, const char *name, size_t n);
/** True when two type names name one type: DIRECT_MESSAGE, Direct
 * Message and direct-message do. */
bool dmf_same_name(const char *a, const char *b);
/** The built-in English title of a type ("Note"), or its name. */
const char *dmf_default_label(const ctype *t);

/* sources.c */

/** Frees what `c` holds and clears it. */
void dmf_callout_free(callout *c);
/** True when `a` and `b` are the same text, ASCII case aside. */
bool dmf_same_text(const char *a, const char *b);
/** The callout type a Div's classes name (TYPE or callout-TYPE), or
 * NULL. */
const ctype *dmf_div_type(const state *st, const json_t *attr);
/** The callout type of Div `div`: the one its classes name, else a
 * plain `.callout` with a title (a `title` attribute or a heading first,
 * as Quarto writes one): the type its id's prefix names (#tip-x), else a
 * note; or NULL. */
const ctype *dmf_div_kind(const state *st, const json_t *div);
/** The inlines of a block holding one line of text (a Para, a Plain, a
 * Div of one such), borrowed; or NULL. */
json_t *dmf_block_text(const json_t *b);
/**
 * Reads Div `div` of type `t` into `c`.  With `take`, `c` takes the Div's
 * attributes and blocks and changes them in place (the title and the
 * settings are taken out); without, it works on copies.  0 or -1.
 */
int dmf_from_div(dm_ctx *ctx, const ctype *t, json_t *div, bool take,
                 callout *c);
/** The type a "[!TYPE]" Str names (or an alias of it), or NULL; *fold is
 * Obsidian's fold marker after it ("[!tip]-": '-', "[!tip]+": '+'), or
 * '\0'. */
const ctype *dmf_alert_type(const state *st, const json_t *inl, char *fold);
/**
 * Reads a `> [!TYPE]` block quote into `c` (`take` as for
 * dmf_from_div()).  Returns 1 read, 0 not an alert, -1 on error.
 */
int dmf_from_alert(dm_ctx *ctx, const state *st, json_t *bq, bool take,
                   callout *c);

/* labels.c */

/** The triad type a list item's leading label names, in `*type`: 1 found
 * (with `strip`, the label and its separator are taken out of the item),
 * 0 none, -1 out of memory. */
int dmf_take_label(const state *st, json_t *item, bool strip,
                   const ctype **type);
/** What the first block of `item` (an array of blocks) opens with, as
 * dm-check sees it (filters.h). */
void dmf_label_of(const state *st, const json_t *item, dmf_label *out);
/** A bullet list whose every item opens with a triad label, as a group
 * of callout Divs (a new array); NULL when it is no such list, or with
 * ctx->err set.  The group holds the items' own blocks, their labels
 * taken out: it must take the list's place. */
json_t *dmf_labelled_list(dm_ctx *ctx, json_t *list);
/** How many paragraphs from list[i] on make the triad, each opening
 * with a label of its own ("**Tension** \u2014 ...", any order): the
 * number of triad types, or 0 when they do not. */
size_t dmf_para_triad(const state *st, const json_t *list, size_t i);
/** Those paragraphs as a group of callout Divs (a new array); NULL when
 * they are none, or with ctx->err set.  As with dmf_labelled_list(), the
 * group holds the paragraphs themselves and must take their place. */
json_t *dmf_labelled_paras(dm_ctx *ctx, json_t *list, size_t i);
/** The triad type label `text` names (the user's label, the English
 * one, the type's name; the Direct Message also by its section's
 * heading), or NULL. */
const ctype *dmf_triad_type(const state *st, const char *text);
/** The triad label nearest `word` (two edits at most for long words, one
 * for short ones), as the user's label; NULL when none is near. */
const char *dmf_near_label(const state *st, const char *word);

/* forms.c */

/** A statement of type `t` as the semantic callout Div holding `blocks`
 * (stolen), its title Div first (so that a heading or a line all in bold
 * opening the statement stays in it); NULL when out of memory. */
json_t *dmf_triad_div(const ctype *t, json_t *blocks);

/** The triad as headings at list[i], the document's top-level blocks:
 * a heading naming each statement in order, at the article's opening
 * (no heading before it, or a level-1 title only), each over its
 * statement's blocks (ctx: the document and its format family).
 * heads[k] is the k-th heading's index, heads[N] the
 * end of the last statement.  N (the number of triad types) when they
 * are there, 0 when not, -1 when out of memory. */
int dmf_heading_triad(const state *st, const dm_ctx *ctx,
                      const json_t *list, size_t i, size_t *heads);
/** That triad as a group of callout Divs holding the statements' blocks
 * (it must take their place, the headings with them: *used blocks); NULL
 * when there is none, or with ctx->err set. */
json_t *dmf_headed_triad(dm_ctx *ctx, const json_t *list, size_t i,
                         size_t *used);
/** The triad type a definition list item's term names, or NULL; *err set
 * when out of memory. */
const ctype *dmf_term_type(const state *st, const json_t *item, int *err);
/** A definition list whose every term names a triad type as a group of
 * callout Divs (taking its place); NULL when it is none, or with ctx->err
 * set. */
json_t *dmf_defined_triad(dm_ctx *ctx, const json_t *dl);
/** Triad callouts (alerts or Divs) from list[i] on, one of each type, as
 * a group holding them (*used blocks); NULL when there are none, or with
 * ctx->err set. */
json_t *dmf_callout_run(dm_ctx *ctx, json_t *list, size_t i, size_t *used);

/* section.c */

/** The length of text[0, len) without the separator and spaces that may
 * end a heading or a label ("The Direct Message:"). */
size_t dmf_heading_words(const char *text, size_t len);
/** Whether list[j] opens the credits footer dm-credits rendered (`m`,
 * its marks for the format family). */
bool dmf_opens_footer(const json_t *list, size_t j, const dm_box_marks *m);

/** Whether Header `h` heads the Direct Message section: 1 yes, 0 no, -1
 * out of memory. */
int dmf_is_section(const state *st, const json_t *h);

/** Whether list[i], a heading an earlier run kept above the box it drew
 * for the section, is followed by that box as org's reader gives it back
 * (a Div of class "direct-message"): the section is read again, its box
 * unwrapped, so that a second run draws what the first did. */
bool dmf_drawn_section(const json_t *list, size_t i);
/** The inlines of Header `h` as the section's title: without the
 * separator that may end it ("The Direct Message:" titles the box "The
 * Direct Message").  A new array, or NULL. */
json_t *dmf_section_title(const json_t *h);
/** The section headed at list[i] as a semantic callout Div (a new
 * reference), *used the blocks of the list it takes, the heading with
 * them; NULL with ctx->err set. */
json_t *dmf_section(dm_ctx *ctx, const json_t *list, size_t i,
                    size_t *used);

/* xref.c */

/** The type an id's prefix names ("nte-x": note), or NULL. */
const char *dmf_xref_type(const char *id);
/** Numbers the callouts whose id has their type's prefix (before the
 * walk).  0 or -1. */
int dmf_xref_count(dm_ctx *ctx);
/** Callout `c`'s title numbered when it is one ("Note 1: TITLE").  0 or
 * -1 (out of memory). */
int dmf_xref_title(const state *st, callout *c);
/** A Cite of numbered callouts as links reading "Note 1" (*out); else
 * DM_WALK_CONTINUE. */
dm_walk_result dmf_xref_cite(dm_ctx *ctx, json_t *cite, json_t **out);

/* render.c */

/** Renders callout `c` for ctx's format, appending to `out`.  0 or -1. */
int dmf_render(dm_ctx *ctx, callout *c, json_t *out);
/** Adds the box definitions to header-includes when something was
 * rendered and the stylesheet option is on.  0 or -1. */
int dmf_add_stylesheet(dm_ctx *ctx);

#endif /* DMF_CALLOUTS_H */
