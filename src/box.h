/*
 * box.h - a box to blocks for an output format.
 *
 * A box is content set apart: a titled callout (a note, a warning, a type
 * of the user's own) or a footer of small print (a credits footer).  A
 * filter fills a dm_box with what it found; dm_box_render() turns it into
 * blocks for the output format through one table of renderers, one row per
 * format family (box.c), as cmark's render.c and its writers: a shared
 * core, a renderer per format.  Adding an output format is adding a row.
 *
 * Every row knows how to draw each role:
 *
 * | family        | DM_BOX_CALLOUT                  | DM_BOX_FOOTER           |
 * |---------------|---------------------------------|-------------------------|
 * | html          | div.callout.callout-TYPE, a     | footer.TYPE role=group  |
 * |               | title (details/summary folded)  | aria-label=TITLE        |
 * | latex         | \begin{dmcallout}{dm-TYPE}      | a \footnotesize group   |
 * | docx          | a table: a shaded title row, a  | Div.TYPE custom-style=  |
 * |               | body row, a thick start rule    | STYLE, small print runs |
 * | odt           | Div custom-style=STYLE, title   | Div.TYPE custom-style=  |
 * |               | custom-style="STYLE Title"      | STYLE, a rule first     |
 * | epub, epub2   | html with style attributes      | footer.TYPE (epub2 div) |
 * | typst         | #block with fill and stroke     | #block, smaller text    |
 * | markdown,json | the semantic Div (below)        | Div.TYPE                |
 * | gfm           | > [!TYPE] for GitHub's types,   | a rule, then the body   |
 * |               | else as other                   |                         |
 * | rst           | .. note:: (a Div), else         | a rule, then the body   |
 * |               | .. admonition:: TITLE, :class:  |                         |
 * | asciidoc      | [NOTE] .TITLE ==== (raw)        | a rule, then the body   |
 * | docbook       | <note> (a Div), else <note      | sidebar role=TYPE       |
 * |               | role=TYPE><title>               |                         |
 * | org           | #+begin_TYPE, the title in bold | a rule, then the body   |
 * | jira          | {panel:title=TITLE|colours}     | a rule, then the body   |
 * | mediawiki     | div.callout styled in place     | div.TYPE, small, a rule |
 * | context,other | a block quote, bold title first | a rule, then the body   |
 *
 * The semantic Div of a callout is Div (id, [callout, callout-TYPE,
 * classes...], [title=TEXT, attributes...]) holding a Div.callout-title
 * with the title first when the title is more than plain text (or the
 * box's heading, a Header), then the body: what pandoc's markdown writer
 * keeps whole, and what a filter can read back.
 *
 * A box with a heading (the Direct Message section) is the Header, then
 * the box without its title line (and unfolded), in every family but
 * markdown and json: the heading stays the document's, in tables of
 * contents, bookmarks and anchors.
 *
 * Boxes set side by side (a group) go through the table too: html wraps
 * them in div.callout-group, markdown and json in a Div.callout-group,
 * other formats set them one after another.
 *
 * The definitions the html and latex renderings rely on (a stylesheet, a
 * tcolorbox environment and its colours) come from dm_box_header(), a
 * footer's from dm_box_footer_header().  A filter finds the footer it
 * rendered on an earlier run by dm_box_footer_marks(), so the marks are
 * written in one place, the row's renderer.
 */
#ifndef DM_BOX_H
#define DM_BOX_H

#include "dm.h"

/** What a box is for: the row's renderer for it is chosen by this. */
typedef enum dm_box_role {
	DM_BOX_CALLOUT, /* a titled box: a callout, an admonition */
	DM_BOX_FOOTER   /* small print closing a document: a credits footer */
} dm_box_role;

/** How much a box stands out (html, latex, typst). */
typedef enum dm_box_look {
	DM_BOX_LOOK_DEFAULT, /* tinted background, coloured left rule */
	DM_BOX_LOOK_SIMPLE,  /* outlined, no tint */
	DM_BOX_LOOK_MINIMAL  /* a thin left rule only */
} dm_box_look;

/** Whether a callout folds (html: details and summary, no script). */
typedef enum dm_box_fold {
	DM_BOX_FOLD_NONE,   /* always open, cannot be folded */
	DM_BOX_FOLD_CLOSED, /* folded until the reader opens it */
	DM_BOX_FOLD_OPEN    /* foldable, open at first */
} dm_box_fold;

/**
 * A box.  Strings and `title` are borrowed.  The blocks of `body` are put
 * into the result, not copied: the caller drops its body afterwards.
 */
typedef struct dm_box {
	dm_box_role role;
	/* Callout: the type, "note": classes callout callout-note, the LaTeX
	 * colour dm-note.  Footer: its class, "dm-credits". */
	const char *type;
	const char *label; /* the type's English title, "Note": a GitHub
	                      alert so titled is written without a title */
	bool alert;        /* GitHub has an alert of this type (gfm) */
	const char *style; /* the docx and odt paragraph style, "DM Note";
	                      a callout's title gets "DM Note Title" */
	json_t *title;     /* inlines; a footer's only names it (aria-label),
	                      its body shows whatever title it has */
	/* A Header of the document standing for the title (NULL: none): it
	 * is set above the box, whose title line is left out, so that it
	 * stays a heading for tables of contents, PDF bookmarks and anchors;
	 * the semantic Div keeps it in its title Div.  Borrowed. */
	const json_t *heading;
	json_t *body;      /* blocks */
	/* The box's id, classes and attributes (NULL: none).  The semantic
	 * Div keeps them all, after the callout classes and the title; html
	 * keeps the id and classes; latex, typst, docx and odt the id. */
	json_t *attr;
	dm_rgb colour;     /* typst draws with it (the others: the header) */
	dm_box_look look;
	bool own_look;     /* `look` is the box's own, not the document's:
	                      latex writes it on the box */
	dm_box_fold fold;
	unsigned depth;    /* how many callouts hold this one (asciidoc
	                      lengthens its delimiters with it) */
	bool icon;             /* an icon before the title (html) */
	/* The icon: a name of the icon set (dm_box_icon_svg), drawn as
	 * inline SVG, or text of the box's own; NULL: the type's text icon,
	 * from the stylesheet. */
	const char *icon_text;
	/* The document reads right to left (dm_box_rtl): docx, odt and epub
	 * set the accent rule on the right and the text from the right;
	 * typst follows its own text direction whatever this says. */
	bool rtl;
} dm_box;

/**
 * Whether `doc` reads right to left: its metadata `dir` is "rtl" (as
 * pandoc's html writer reads it), or there is no `dir` and the primary
 * subtag of its `lang` is a language written right to left (ar, fa, he,
 * ur, ...).  A `dir` of "ltr" wins over the language.
 */
bool dm_box_rtl(const dm_doc *doc);

/**
 * Renders `box` for `family`, appending its blocks to the array `out`.
 * Returns 0, or -1 with `err` set (out of memory; `out` may then hold
 * part of the rendering: drop it).
 */
int dm_box_render(const dm_box *box, dm_family family, json_t *out,
                  dm_error *err);

/**
 * Renders a group: `boxes` (an array of rendered boxes, stolen) set side
 * by side, appended to `out`.  0, or -1 with `err` set.
 */
int dm_box_group(dm_family family, json_t *boxes, json_t *out,
                 dm_error *err);

/** True when `family` keeps a group as a group (html, markdown, json);
 * elsewhere dm_box_group() sets the boxes one after another. */
bool dm_box_groups(dm_family family);

/** One type of callout, as the definitions need it. */
typedef struct dm_box_kind {
	const char *type;  /* "note" */
	dm_rgb colour;
	const char *icon;  /* shown before html titles: a name of the icon
	                      set (drawn in the html, not the stylesheet),
	                      text, or "" for none */
	const char *style; /* its docx and odt paragraph style, "DM Note" */
} dm_box_kind;

/** What dm_box_header() defines. */
typedef struct dm_box_sheet {
	const char *owner;         /* named in a comment: "dm-callouts" */
	const dm_box_kind *kinds;  /* the callout types */
	size_t nkinds;
	dm_box_look look;          /* latex: one look for the document */
	/* html: the stylesheet goes at the top of the body instead of into
	 * header-includes, where a fragment (no -s) carries it */
	bool in_body;
} dm_box_sheet;

/**
 * Adds to doc's header-includes what `family`'s callout renderings rely
 * on: html a stylesheet (light and dark, print), latex the dmcallout
 * environment and a colour pair per type, odt the paragraph styles (read
 * right to left when the document is: dm_box_rtl); nothing for the other
 * families.
 * Added once however often it is called (dm_meta_add_header_include).
 * With sheet->in_body, html's stylesheet is a RawBlock opening the body
 * instead (not added again when the body opens with it).
 * 0, or -1 with `err` set.
 */
int dm_box_header(dm_doc *doc, dm_family family, const dm_box_sheet *sheet,
                  dm_error *err);

/**
 * Adds to doc's header-includes what a footer of class `type` (and, for
 * odt, paragraph style `style`) relies on in `family`: html a stylesheet,
 * with the owner's own rules `css` (NULL: none) at its end; odt the
 * style; nothing for the other families, whose footers carry their look
 * with them.  Added once however often it is called.  With `in_body`,
 * html's stylesheet opens the body instead (dm_box_body_sheet).  0, or -1
 * with `err` set.
 */
int dm_box_footer_header(dm_doc *doc, dm_family family, const char *type,
                         const char *style, const char *css, bool in_body,
                         dm_error *err);

/** How a footer rendered for a family is marked, so that a filter finds
 * the footer of an earlier run without writing the marks a second time. */
typedef enum dm_box_mark_kind {
	DM_BOX_MARK_DIV,  /* a Div of the footer's class (markdown, json,
	                     docx, odt) */
	DM_BOX_MARK_RAW,  /* raw blocks around the body */
	DM_BOX_MARK_RULE  /* a horizontal rule, then the body */
} dm_box_mark_kind;

typedef struct dm_box_marks {
	dm_box_mark_kind kind;
	/* DM_BOX_MARK_RAW: the raw blocks' format; the text the opening
	 * block starts with (what follows varies: a label, a style); the
	 * closing block's whole text.  Owned: dm_box_marks_free(). */
	const char *format;
	char *open, *close;
} dm_box_marks;

/**
 * The marks of a footer of class `type` rendered for `family`, into `m`.
 * 0, or -1 when out of memory.  Free with dm_box_marks_free(), whatever
 * the result.
 */
int dm_box_footer_marks(dm_family family, const char *type,
                        dm_box_marks *m);
void dm_box_marks_free(dm_box_marks *m);

/**
 * Adds the raw html `sheet` (a <style> element) at the top of doc's
 * body, where an html fragment carries it.  When the body opens with a
 * <style> element already, `sheet`'s rules go into it (a style element in
 * a body must be its parent's first child), unless it holds them: a
 * second run adds nothing.  0, or -1 with `err` set.
 */
int dm_box_body_sheet(dm_doc *doc, const char *sheet, dm_error *err);

/**
 * Reads a filter's option `stylesheet`: a boolean, or "inline" (true,
 * and html's stylesheet goes at the top of the body: dm_box_body_sheet).
 * `value` NULL (absent): true, not inline.  For a DM_OPT_CUSTOM row's
 * reader.  0, or -1 with `err` set (DM_EOPTION at `where`).
 */
int dm_box_read_sheet_option(const json_t *value, const char *where,
                             bool *sheet, bool *in_body, dm_error *err);

/**
 * The icon set of html titles (box/icons.c).  When `name` names an icon
 * ("info", "lightbulb", "alert", ...), appends its inline SVG to `out`
 * (unless `out` is NULL) and returns 1; else returns 0.
 */
int dm_box_icon_svg(const char *name, dm_buf *out);

/** The name of the set's icon `i` (0, 1, ...), NULL past the last. */
const char *dm_box_icon_name(size_t i);

/**
 * The text of `blocks` read back as pandoc inlines where the docx footer
 * set it in raw runs of its own (small print), in place: a filter reading
 * a footer it rendered before finds its words.  0 or -1.
 */
int dm_box_plain_runs(json_t *blocks);

/**
 * What boxes need of the document once all are rendered: docx an empty
 * paragraph between a box and a table right after it, which Word would
 * join into one table; a box in a list item at the item's text (w:tblInd
 * by the list's level, which pandoc's writer alone knows otherwise); a
 * paragraph after a box ending a footnote.  Call it once, after the last
 * box is rendered; a second run changes nothing.  0, or -1 with ctx->err
 * set.
 */
int dm_box_finish(dm_ctx *ctx);

#endif /* DM_BOX_H */
