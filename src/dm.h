/*
 * dm.h - pandoc JSON documents for filters written in C.
 *
 * A pandoc filter reads one document (pandoc's JSON AST) on standard input
 * and writes one on standard output.  This library reads and validates the
 * document, walks it, builds and reads nodes, reads options from its
 * metadata, and runs filters with the arguments, messages and exit codes of
 * a well-behaved Unix filter.  It sits on jansson: nodes are json_t values.
 *
 * Ownership follows jansson.  "Returns a new reference" means the caller
 * owns the result and must json_decref() (or free()) it; "borrowed" means the
 * result lives as long as its container and must not be released; "steals"
 * means the function takes over the caller's reference to an argument, even
 * when it fails.
 *
 * Return conventions, one per kind of function:
 *   - an action returns int: 0 on success, -1 on failure, with the
 *     dm_error it was given (or ctx->err) set;
 *   - a constructor or a getter returns a pointer: NULL on failure (out of
 *     memory) or when absent, as its comment says;
 *   - a question returns bool and cannot fail;
 *   - a reader that can also find nothing returns an enum or a count
 *     whose values are named where it is declared (dm_meta_bool() and its
 *     kin: 1 read, 0 absent, -1 error).
 */
#ifndef DM_H
#define DM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#ifdef __cplusplus /* C++ may include it: the functions are C's */
extern "C" {
#endif

#define DM_VERSION "0.1.0"

/* ------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------ */

/** What went wrong, in classes that map onto exit codes. */
typedef enum dm_error_code {
	DM_OK = 0,
	DM_EINPUT,  /* the document is not valid pandoc JSON (exit 1) */
	DM_EOPTION, /* an option in the metadata is wrong (exit 1) */
	DM_EIO,     /* reading or writing failed (exit 1) */
	DM_EFAIL,   /* a filter refused the document, e.g. strict checks (exit 1) */
	DM_EUSAGE,  /* bad command line (exit 2) */
	DM_ENOMEM   /* out of memory (exit 1) */
} dm_error_code;

/**
 * An error the caller owns, as jansson's json_error_t: the first error set
 * wins, later ones are ignored, so the root cause is what gets reported.
 * `where` is a JSON path (`blocks[3].c[1][0]`, `meta.dm-callouts.collapse`),
 * a position (`line 3, column 7`), or empty.
 */
typedef struct dm_error {
	dm_error_code code;
	char what[512];
	char where[256];
} dm_error;

/** Clears `err` to "no error". */
void dm_error_clear(dm_error *err);

/**
 * Sets `err` unless an error is already set.  `where` may be NULL.
 * Always returns -1, so that `return dm_error_set(...)` reads naturally.
 */
int dm_error_set(dm_error *err, dm_error_code code, const char *where,
                 const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/** True when `err` holds an error. */
bool dm_error_is_set(const dm_error *err);

/** Sets "out of memory" (DM_ENOMEM) unless an error is already set; the one
 * way every part of the library and the filters says so.  Returns -1. */
int dm_nomem(dm_error *err);
/** True when an allocation failed since the document was read, also where
 * no function could say so: what was found since is in doubt. */
bool dm_nomem_seen(void);

/** The exit status for an error: 0 for none, 2 for usage, 1 otherwise. */
int dm_error_exit_status(const dm_error *err);

/* ------------------------------------------------------------------------
 * A growable byte buffer
 * ------------------------------------------------------------------------ */

/**
 * A NUL-terminated growable buffer.  Zero-initialise before use.
 *
 * A buffer remembers a failed allocation: once one add has failed, every
 * later add does nothing and fails too, so a caller may build a whole
 * string unchecked and ask dm_buf_failed() once at the end.
 */
typedef struct dm_buf {
	char *data; /* NULL until something is added */
	size_t len;
	size_t cap;
	bool failed; /* an add ran out of memory: the contents are cut short */
} dm_buf;

/* Each returns 0, or -1 when memory runs out now or ran out before (the
 * buffer is then unchanged, and failed). */
int dm_buf_add(dm_buf *b, const char *s, size_t n);
int dm_buf_puts(dm_buf *b, const char *s);
int dm_buf_putc(dm_buf *b, char c);
int dm_buf_printf(dm_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/** True when an add has failed since the buffer was empty: the contents
 * are then incomplete and must not be used. */
bool dm_buf_failed(const dm_buf *b);
/** The contents as a string ("" when empty); borrowed from the buffer. */
const char *dm_buf_str(const dm_buf *b);
/** Hands the contents to the caller (free() them) and empties the buffer.
 * NULL when an add failed or memory runs out: the buffer is emptied then
 * too. */
char *dm_buf_take(dm_buf *b);
/** Frees the contents and makes the buffer empty (and not failed). */
void dm_buf_free(dm_buf *b);

/* ------------------------------------------------------------------------
 * Node types
 *
 * Every constructor of pandoc's AST (pandoc-types 1.22 and 1.23) as a
 * value of dm_type, made from the one table that the validator and the
 * walker read (schema.c), so a filter can `switch (dm_type_of(node))`
 * instead of comparing tags as strings.  The fields column gives what "c"
 * holds, one letter per field (dm_field(node, i) reads field i): I
 * [Inline], B [Block], L [[Block]], W [[Inline]], D definition items,
 * A Attr, s text, n Int, T Target ([url, title]), Q QuoteType, M
 * MathType, O ListAttributes, X [Citation], C Caption, S [ColSpec], H
 * TableHead/TableFoot, Y [TableBody], m map, l list, b bool.  The last
 * column: the one API minor version that has the node (Figure: 1.23
 * only; Null: 1.22 only), or 0.
 * ------------------------------------------------------------------------ */

/** What a node is: a Block, an Inline or a MetaValue. */
typedef enum dm_kind { DM_BLOCK, DM_INLINE, DM_META } dm_kind;

#define DM_NODE_TYPES(X)                                   \
	/* Blocks */                                       \
	X(PARA, Para, BLOCK, "I", 0)                       \
	X(PLAIN, Plain, BLOCK, "I", 0)                     \
	X(HEADER, Header, BLOCK, "nAI", 0)                 \
	X(DIV, Div, BLOCK, "AB", 0)                        \
	X(BULLET_LIST, BulletList, BLOCK, "L", 0)          \
	X(ORDERED_LIST, OrderedList, BLOCK, "OL", 0)       \
	X(BLOCK_QUOTE, BlockQuote, BLOCK, "B", 0)          \
	X(CODE_BLOCK, CodeBlock, BLOCK, "As", 0)           \
	X(RAW_BLOCK, RawBlock, BLOCK, "ss", 0)             \
	X(LINE_BLOCK, LineBlock, BLOCK, "W", 0)            \
	X(DEFINITION_LIST, DefinitionList, BLOCK, "D", 0)  \
	X(HORIZONTAL_RULE, HorizontalRule, BLOCK, "", 0)   \
	X(TABLE, Table, BLOCK, "ACSHYH", 0)                \
	X(FIGURE, Figure, BLOCK, "ACB", 23)                \
	X(NULL, Null, BLOCK, "", 22)                       \
	/* Inlines */                                      \
	X(STR, Str, INLINE, "s", 0)                        \
	X(SPACE, Space, INLINE, "", 0)                     \
	X(SOFT_BREAK, SoftBreak, INLINE, "", 0)            \
	X(LINE_BREAK, LineBreak, INLINE, "", 0)            \
	X(EMPH, Emph, INLINE, "I", 0)                      \
	X(STRONG, Strong, INLINE, "I", 0)                  \
	X(UNDERLINE, Underline, INLINE, "I", 0)            \
	X(STRIKEOUT, Strikeout, INLINE, "I", 0)            \
	X(SUPERSCRIPT, Superscript, INLINE, "I", 0)        \
	X(SUBSCRIPT, Subscript, INLINE, "I", 0)            \
	X(SMALL_CAPS, SmallCaps, INLINE, "I", 0)           \
	X(QUOTED, Quoted, INLINE, "QI", 0)                 \
	X(CITE, Cite, INLINE, "XI", 0)                     \
	X(CODE, Code, INLINE, "As", 0)                     \
	X(MATH, Math, INLINE, "Ms", 0)                     \
	X(RAW_INLINE, RawInline, INLINE, "ss", 0)          \
	X(LINK, Link, INLINE, "AIT", 0)                    \
	X(IMAGE, Image, INLINE, "AIT", 0)                  \
	X(NOTE, Note, INLINE, "B", 0)                      \
	X(SPAN, Span, INLINE, "AI", 0)                     \
	/* Metadata values */                              \
	X(META_MAP, MetaMap, META, "m", 0)                 \
	X(META_LIST, MetaList, META, "l", 0)               \
	X(META_BOOL, MetaBool, META, "b", 0)               \
	X(META_STRING, MetaString, META, "s", 0)           \
	X(META_INLINES, MetaInlines, META, "I", 0)         \
	X(META_BLOCKS, MetaBlocks, META, "B", 0)

typedef enum dm_type {
	DM_T_UNKNOWN = 0, /* not a node, or a tag this library does not know */
#define DM_TYPE_ENUM(name, tag, kind, fields, only) DM_T_##name,
	DM_NODE_TYPES(DM_TYPE_ENUM)
#undef DM_TYPE_ENUM
	DM_T_COUNT
} dm_type;

/** The type of `node` (an object with a "t"), or DM_T_UNKNOWN. */
dm_type dm_type_of(const json_t *node);
/** The type a tag names ("Para" is DM_T_PARA), or DM_T_UNKNOWN. */
dm_type dm_type_of_tag(const char *tag);
/** The tag of a type ("Para"), or NULL for DM_T_UNKNOWN. */
const char *dm_type_tag(dm_type type);
/** The kind of a type (DM_BLOCK for DM_T_UNKNOWN). */
dm_kind dm_type_kind(dm_type type);

/* ------------------------------------------------------------------------
 * Documents
 * ------------------------------------------------------------------------ */

/** A pandoc document: its API version, metadata and blocks. */
typedef struct dm_doc dm_doc;

/**
 * Parses a document from `len` bytes at `buf` (which need not be
 * NUL-terminated), checks its top level and API version, and validates every
 * node.  Returns a new document, or NULL with `err` set.
 */
dm_doc *dm_doc_load(const char *buf, size_t len, dm_error *err);

/** Reads all of file descriptor `fd` and loads it as dm_doc_load() does. */
dm_doc *dm_doc_read_fd(int fd, dm_error *err);

/**
 * Serialises `doc` as compact JSON (the version array exactly as read).
 * Returns a new malloc'd string (length in `*len`), or NULL when out of
 * memory, with `err` set.
 */
char *dm_doc_dump(const dm_doc *doc, size_t *len, dm_error *err);

/**
 * Serialises `doc` into memory, then writes it to `fd` in full and closes
 * `fd` (also when writing fails).  Nothing is written unless the whole
 * document was serialised.
 * Returns 0, or -1 with `err` set (short write, closed pipe, full disk,
 * failed close).
 */
int dm_doc_write_fd(const dm_doc *doc, int fd, dm_error *err);

void dm_doc_free(dm_doc *doc);

/**
 * A new document with API minor version `api_minor` (22 or 23, written as
 * pandoc 2.17 and pandoc 3 write it), metadata `meta` (an object; NULL for
 * none) and `blocks` (an array; NULL for none).  Steals `meta` and
 * `blocks`, even on failure.  The nodes are not validated.  Returns NULL
 * when out of memory or when api_minor is neither 22 nor 23.
 */
dm_doc *dm_doc_new(int api_minor, json_t *meta, json_t *blocks);

/** A deep copy of `doc`, or NULL when out of memory. */
dm_doc *dm_doc_copy(const dm_doc *doc);

/** The API minor version: 22 (pandoc 2.17) or 23 (pandoc 3.x). */
int dm_doc_api_minor(const dm_doc *doc);

/** The metadata object, key to MetaValue (borrowed, may be modified). */
json_t *dm_doc_meta(dm_doc *doc);

/** The array of top-level blocks (borrowed, may be modified). */
json_t *dm_doc_blocks(dm_doc *doc);

/**
 * Validates one node (`kind` DM_BLOCK or DM_INLINE), or a list of them, as
 * dm_doc_load() validates the whole document; `where` prefixes paths in
 * messages.  Returns 0, or -1 with `err` set.
 */
int dm_validate(const json_t *node, dm_kind kind, int api_minor,
                const char *where, dm_error *err);

/* ------------------------------------------------------------------------
 * Nodes: reading
 * ------------------------------------------------------------------------ */

/**
 * Reads a pandoc Int field (a Header's level, a list's start, a cell's
 * span): a JSON integer, or a real with an integral value (pandoc reads
 * 2.0 as 2).  True with the value in *out; false for anything else.
 */
bool dm_int_of(const json_t *v, json_int_t *out);

/** The node's tag ("Para", "Str", "MetaMap"), or NULL if it has none. */
const char *dm_tag(const json_t *node);

/** True when `node` is an object whose tag is `tag`. */
bool dm_is(const json_t *node, const char *tag);

/** The node's contents, "c" (borrowed; NULL for nullary nodes). */
json_t *dm_content(const json_t *node);

/**
 * The `i`th field of a node whose contents are an array of fields (Header's
 * level is field 0, its Attr field 1, its inlines field 2).  Borrowed; NULL
 * when absent.
 */
json_t *dm_field(const json_t *node, size_t i);

/**
 * The Attr of a node that has one (Header, CodeBlock, Div, Table, Figure,
 * Code, Link, Image, Span), borrowed; NULL for other nodes.
 */
json_t *dm_node_attr(const json_t *node);

/**
 * The inlines or blocks a node holds directly: the inlines of Para, Plain,
 * Header, Emph, Span, Link...; the blocks of Div, BlockQuote, Note, Figure.
 * Borrowed; NULL when the node holds no such single list.
 */
json_t *dm_node_inlines(const json_t *node);
json_t *dm_node_blocks(const json_t *node);

/* ------------------------------------------------------------------------
 * Nodes: building.  Every constructor returns a new reference (NULL when
 * out of memory) and steals its json_t arguments.
 * ------------------------------------------------------------------------ */

/** A node {"t": tag, "c": c}; with `c` NULL, a nullary node {"t": tag}. */
json_t *dm_node(const char *tag, json_t *c);

json_t *dm_str(const char *text);
json_t *dm_space(void);
json_t *dm_softbreak(void);
json_t *dm_linebreak(void);
json_t *dm_emph(json_t *inlines);
json_t *dm_strong(json_t *inlines);
json_t *dm_span(json_t *attr, json_t *inlines);
json_t *dm_link(json_t *attr, json_t *inlines, const char *url,
                const char *title);
json_t *dm_code(json_t *attr, const char *text);
json_t *dm_raw_inline(const char *format, const char *text);

json_t *dm_plain(json_t *inlines);
json_t *dm_para(json_t *inlines);
json_t *dm_header(int level, json_t *attr, json_t *inlines);
json_t *dm_div(json_t *attr, json_t *blocks);
json_t *dm_blockquote(json_t *blocks);
json_t *dm_bullet_list(json_t *items);
json_t *dm_raw_block(const char *format, const char *text);
json_t *dm_horizontal_rule(void);

/**
 * Text as inlines, split the way pandoc's readers split it: words become
 * Str, a run of spaces or tabs one Space, a run holding a newline one
 * SoftBreak; leading and trailing white space is dropped.  Non-breaking
 * spaces stay inside words.  Returns a new array.
 */
json_t *dm_text(const char *text);

/** Appends a new reference `node` to array `list`, stealing it. -1 on error */
int dm_append(json_t *list, json_t *node);
/** Whether array `list` holds `node` itself (the same value, not an equal
 * one): for sets of nodes a filter remembers while it walks. */
bool dm_holds(const json_t *list, const json_t *node);

/* ------------------------------------------------------------------------
 * Attributes: ["id", ["class", ...], [["key", "value"], ...]]
 * ------------------------------------------------------------------------ */

/** A new Attr with `id` (NULL for none) and no classes or attributes. */
json_t *dm_attr(const char *id);
/** The id, borrowed ("" when none). */
const char *dm_attr_id(const json_t *attr);
int dm_attr_set_id(json_t *attr, const char *id);
bool dm_attr_has_class(const json_t *attr, const char *cls);
/** Adds `cls` unless present.  0 or -1. */
int dm_attr_add_class(json_t *attr, const char *cls);
/** Removes every occurrence of `cls`.  Returns how many were removed. */
int dm_attr_remove_class(json_t *attr, const char *cls);
/** The value of key `key`, borrowed; NULL when absent. */
const char *dm_attr_get(const json_t *attr, const char *key);
/** Sets `key` to `value`, replacing the first such pair.  0 or -1. */
int dm_attr_set(json_t *attr, const char *key, const char *value);
/** Removes every pair with key `key`.  Returns how many were removed. */
int dm_attr_remove(json_t *attr, const char *key);

/* ------------------------------------------------------------------------
 * Text
 * ------------------------------------------------------------------------ */

/**
 * The plain text of a node, a list of nodes, or a MetaValue, as pandoc's
 * stringify gives it: Str, Code and Math text; Space, SoftBreak and
 * LineBreak as a space; Quoted inside curly quotes; notes skipped.
 * Returns a new malloc'd string, or NULL when out of memory.
 */
char *dm_stringify(const json_t *node);
/** As dm_stringify(), appending to `out`.  0 or -1. */
int dm_stringify_buf(const json_t *node, dm_buf *out);

/**
 * The edit distance (Levenshtein) between two short words, ASCII case
 * ignored: for "did you mean" messages.  Words of 48 bytes or more are
 * far from everything: the result is then (size_t)-1.
 */
size_t dm_text_distance(const char *a, const char *b);

/* ------------------------------------------------------------------------
 * Markup helpers for raw output: the escaping functions, in a header of
 * their own (installed beside this one)
 * ------------------------------------------------------------------------ */

#include "dm_escape.h"

/** An sRGB colour. */
typedef struct dm_rgb {
	unsigned char r, g, b;
} dm_rgb;

/** Parses "#rgb" or "#rrggbb" (any case).  True on success. */
bool dm_rgb_parse(const char *s, dm_rgb *out);
/** Formats as "rrggbb" (no '#', lower case) into buf[7]. */
void dm_rgb_hex(dm_rgb c, char buf[7]);
/** `a` mixed with `b`: t = 0 gives a, t = 1 gives b. */
dm_rgb dm_rgb_mix(dm_rgb a, dm_rgb b, double t);
/** The WCAG 2 contrast ratio of two colours, 1 to 21. */
double dm_rgb_contrast(dm_rgb a, dm_rgb b);
/** `fg` moved toward `toward` (black or white, say) until its contrast
 * with `bg` is at least `ratio`, or it reaches `toward`. */
dm_rgb dm_rgb_readable(dm_rgb fg, dm_rgb bg, dm_rgb toward, double ratio);

/* ------------------------------------------------------------------------
 * Output formats
 * ------------------------------------------------------------------------ */

/** The families of pandoc writers a filter renders for. */
typedef enum dm_family {
	DM_FMT_HTML,     /* html html4 html5 revealjs slidy s5 ... */
	DM_FMT_LATEX,    /* latex beamer (pdf output runs as latex) */
	DM_FMT_CONTEXT,  /* context */
	DM_FMT_DOCX,     /* docx */
	DM_FMT_ODT,      /* odt opendocument */
	DM_FMT_TYPST,    /* typst */
	DM_FMT_MARKDOWN, /* markdown: pandoc's own, fenced divs and all */
	DM_FMT_GFM,      /* gfm, markdown_github (commonmark: other) */
	DM_FMT_JSON,     /* json native */
	DM_FMT_EPUB,     /* epub epub3: chapters header-includes misses */
	DM_FMT_EPUB2,    /* epub2: XHTML 1.1, no ARIA, no HTML5 elements */
	DM_FMT_RST,      /* rst */
	DM_FMT_ASCIIDOC, /* asciidoc asciidoctor asciidoc_legacy */
	DM_FMT_DOCBOOK,  /* docbook docbook4 docbook5 */
	DM_FMT_ORG,      /* org */
	DM_FMT_JIRA,     /* jira */
	DM_FMT_MEDIAWIKI, /* mediawiki */
	DM_FMT_OTHER     /* every other writer */
} dm_family;

/** The family of an output format name as pandoc passes it to a filter
 * (`html5`, `beamer`, `gfm`, ...).  Case and `+ext`/`-ext` suffixes are
 * ignored, as is a `.lua` custom writer (DM_FMT_OTHER). */
dm_family dm_format_family(const char *format);

/** A short name for a family ("html", "latex", ...), for messages. */
const char *dm_family_name(dm_family family);

/* ------------------------------------------------------------------------
 * Metadata and options
 * ------------------------------------------------------------------------ */

/**
 * The MetaValue at a dotted path in the metadata, looking through MetaMaps:
 * "dm-callouts.labels.tension".  Borrowed; NULL when absent.
 */
json_t *dm_meta_get(const dm_doc *doc, const char *path);

/**
 * The value of option `key` (itself possibly dotted, "labels.tension") of
 * filter `filter`: from the flat key "FILTER.KEY" (what `pandoc -M
 * dm-callouts.KEY=VALUE` makes) if present, else from the map under FILTER.
 * Borrowed; NULL when absent.  If `where` is given, it receives the path of
 * the value found, for messages.
 */
json_t *dm_option(const dm_doc *doc, const char *filter, const char *key,
                  char *where, size_t where_size);

/*
 * Typed reads of MetaValues.  Each returns 1 when `value` is of a fitting
 * kind and the result was stored, or -1 with `err` set (code DM_EOPTION,
 * where `where`) when it is not.  A NULL `value` returns 0 and leaves the
 * result alone, so an absent option keeps its default.
 */

/** MetaBool, or the strings "true"/"false" (any case) that `-M` makes. */
int dm_meta_bool(const json_t *value, const char *where, bool *out,
                 dm_error *err);
/** MetaString, MetaInlines or a single-paragraph MetaBlocks, as plain text
 * (a new malloc'd string in `*out`; free the old value yourself). */
int dm_meta_string(const json_t *value, const char *where, char **out,
                   dm_error *err);
/** As inlines: MetaInlines copied, a single-paragraph MetaBlocks
 * unwrapped, and a MetaString (what `pandoc -M` makes, which pandoc does
 * not parse) read as inline Markdown through cmark-gfm, as pandoc reads
 * front matter.  `*out` is a new reference. */
int dm_meta_inlines(const json_t *value, const char *where, json_t **out,
                    dm_error *err);
/** As blocks: MetaBlocks copied, MetaInlines or MetaString (read as
 * Markdown) as one Para. */
int dm_meta_blocks(const json_t *value, const char *where, json_t **out,
                   dm_error *err);

/* Option reads: dm_option() then the typed read, with the right `where`. */
int dm_option_bool(const dm_doc *doc, const char *filter, const char *key,
                   bool *out, dm_error *err);
int dm_option_string(const dm_doc *doc, const char *filter, const char *key,
                     char **out, dm_error *err);
int dm_option_inlines(const dm_doc *doc, const char *filter, const char *key,
                      json_t **out, dm_error *err);
int dm_option_blocks(const dm_doc *doc, const char *filter, const char *key,
                     json_t **out, dm_error *err);

/* ------------------------------------------------------------------------
 * Option tables
 *
 * A filter describes its options once, in a table ending with a row whose
 * name is NULL; reading them, the check for unknown keys (with "did you
 * mean") and the --help text all come from that table (rows named with
 * designated initializers; rows in order must give all eight fields, or
 * -Wextra warns):
 *
 *   static const dm_option_spec options[] = {
 *       {.name = "collapse", .type = DM_OPT_BOOL, .def = "false",
 *        .offset = offsetof(state, collapse), .help = "start collapsed"},
 *       {.name = "appearance", .type = DM_OPT_CHOICE, .def = "default",
 *        .offset = offsetof(state, look), .choices = looks,
 *        .help = "the box's look"},
 *       {.name = "labels", .type = DM_OPT_CUSTOM, .arg = "TYPE: TEXT",
 *        .read = read_labels, .help = "the title of TYPE's callouts"},
 *       {.name = NULL}
 *   };
 * ------------------------------------------------------------------------ */

typedef struct dm_ctx dm_ctx; /* one run of a filter: see below */

typedef enum dm_opt_type {
	DM_OPT_BOOL,    /* bool: MetaBool, or "true"/"false" from pandoc -M */
	DM_OPT_STRING,  /* char *: plain text, malloc'd */
	DM_OPT_INLINES, /* json_t *: inlines (a -M string read as Markdown) */
	DM_OPT_BLOCKS,  /* json_t *: blocks (likewise) */
	DM_OPT_CHOICE,  /* int: the index of the value in `choices` */
	DM_OPT_CUSTOM   /* read by the row's own `read` function */
} dm_opt_type;

typedef struct dm_option_spec {
	const char *name;  /* the key under dm-FILTER: "section-heading" */
	dm_opt_type type;
	size_t offset;     /* where the value goes in the state (offsetof) */
	const char *def;   /* the default, as text: "true", "Credits", the
	                      name of a choice; NULL for none (NULL pointer,
	                      false, choice 0) */
	const char *arg;   /* what --help shows for the value: "TEXT"; NULL:
	                      made from the type (BOOL, TEXT, a | b | c) */
	const char *help;  /* what the option does, for --help */
	const char *const *choices; /* DM_OPT_CHOICE: NULL-terminated names */
	/* DM_OPT_CUSTOM: reads the option.  `value` is the option's value
	 * (dm_option() of the name) or NULL when absent; a map option must
	 * itself look for flat keys "FILTER.NAME.KEY" (dm_option() does). */
	int (*read)(dm_ctx *ctx, const json_t *value, const char *where,
	            void *state);
} dm_option_spec;

/**
 * Reads the options of filter `filter` ("dm-callouts") described by
 * `specs` into `state`: first checks that the metadata under `filter` is a
 * map whose every key (and the first part of every flat key
 * "FILTER.KEY...") names a row, with a "did you mean" for a near miss;
 * then stores each option, its default when absent (a default string is
 * copied; a default inlines or blocks option is read from its text as
 * Markdown).  On failure, what was stored stays for dm_options_free().
 * Returns 0, or -1 with ctx->err set.
 */
int dm_options_read(dm_ctx *ctx, const char *filter,
                    const dm_option_spec *specs, void *state);

/** Frees what dm_options_read() stored in `state` (strings, inlines and
 * blocks) and sets those fields to NULL; CUSTOM rows are the filter's. */
void dm_options_free(const dm_option_spec *specs, void *state);

/** Appends the --help lines of `specs` to `out`: "  NAME: ARG  HELP
 * (default DEF)", wrapped.  0 or -1 (out of memory). */
int dm_options_help(const dm_option_spec *specs, dm_buf *out);

/**
 * Adds raw `text` in `format` ("html", "latex", ...) to the document's
 * `header-includes`, keeping what is there (a single value becomes a list).
 * Does nothing when an identical entry is already present, so filters stay
 * idempotent.  Returns 0, or -1 with `err` set.
 */
int dm_meta_add_header_include(dm_doc *doc, const char *format,
                               const char *text, dm_error *err);

/* ------------------------------------------------------------------------
 * Running filters
 * ------------------------------------------------------------------------ */

/** One run of one filter over a document (typedef'd above). */
struct dm_ctx {
	const char *program; /* the name messages start with: "dm-callouts" */
	const char *format;  /* the output format argument, as given */
	dm_family family;    /* its family */
	dm_doc *doc;
	dm_error *err;
	void *state;         /* the running filter's own state */
};

/* ------------------------------------------------------------------------
 * Walking
 *
 * A walk visits every Block and Inline wherever pandoc can put one (and,
 * with DM_WALK_META, those inside metadata), in document order.  Each node
 * is seen on ENTER, before its children, and on EXIT, after them; leaves see
 * both too.  A callback returns what to do with the node:
 *
 *   DM_WALK_CONTINUE  keep it (on ENTER: and walk its children)
 *   DM_WALK_SKIP      keep it but do not walk its children (ENTER only;
 *                     EXIT is not called for it)
 *   DM_WALK_REPLACE   put *out (a new reference) in its place: a node, or an
 *                     array of nodes to splice in (empty: delete).  Replacing
 *                     on ENTER walks the children of the new nodes and calls
 *                     EXIT for each; replacing on EXIT walks nothing more.
 *   DM_WALK_REPLACE_SKIP  as REPLACE, but walks nothing of the new nodes
 *                     (for a callback that has walked what it built itself)
 *   DM_WALK_STOP      end the walk, successfully
 *   DM_WALK_ERROR     end the walk; the callback has set ctx->err
 *
 * List callbacks see each list of blocks or inlines before its elements are
 * walked, and may edit the list in place (merge, split, move siblings).
 * ------------------------------------------------------------------------ */

typedef enum dm_event { DM_ENTER, DM_EXIT } dm_event;

typedef enum dm_walk_result {
	DM_WALK_CONTINUE = 0,
	DM_WALK_SKIP,
	DM_WALK_REPLACE,
	DM_WALK_REPLACE_SKIP,
	DM_WALK_STOP,
	DM_WALK_ERROR
} dm_walk_result;

/** The state of a walk in progress (where it is), for callbacks. */
typedef struct dm_walk dm_walk;

typedef dm_walk_result (*dm_node_fn)(dm_ctx *ctx, const dm_walk *w,
                                     dm_event ev, json_t *node, json_t **out);
typedef dm_walk_result (*dm_list_fn)(dm_ctx *ctx, const dm_walk *w,
                                     json_t *list);

enum { DM_WALK_META = 1 << 0 }; /* also walk the metadata (before blocks) */

typedef struct dm_visitor {
	dm_node_fn block;   /* every Block */
	dm_node_fn inline_; /* every Inline */
	dm_list_fn blocks;  /* every list of Blocks */
	dm_list_fn inlines; /* every list of Inlines */
	unsigned flags;
} dm_visitor;

/** True when the document was read with pandoc's `+sourcepos` (blocks in
 * Divs with `data-pos`, and `wrapper="1"` from pandoc 3; inlines in such
 * Spans). */
bool dm_sourcepos(dm_doc *doc);

/* Takes out the Spans `+sourcepos` wraps around inlines, joining the Str
 * they split ("Tension" ":" -> "Tension:"), and the wrapper Divs around
 * blocks in blocks (a quote's first paragraph): the document reads as
 * without positions but for the top-level blocks' wrappers (found by
 * dm_walk_ancestor(), told by dm_sourcepos_wrapper()).  With `positions`
 * (an object, or NULL), keeps there each unwrapped block's `data-pos`,
 * under its address printed with "%p".  0, or -1 with ctx->err set. */
int dm_sourcepos_unwrap_keep(dm_ctx *ctx, json_t *positions);
int dm_sourcepos_unwrap(dm_ctx *ctx); /* ..._keep(ctx, NULL) */
bool dm_sourcepos_wrapper(const json_t *block);

/** Walks the whole document.  Returns 0, or -1 with ctx->err set. */
int dm_walk_doc(dm_ctx *ctx, const dm_visitor *v);

/** Walks one list of blocks (or inlines) as part of ctx->doc. 0 or -1. */
int dm_walk_list(dm_ctx *ctx, const dm_visitor *v, json_t *list,
                 dm_kind kind);

/** Writes the JSON path of the node being visited into buf (truncated). */
void dm_walk_where(const dm_walk *w, char *buf, size_t size);

/** How many nodes enclose the current one: Blocks and Inlines, and in
 * metadata also the MetaValues (0 for a top-level block). */
size_t dm_walk_depth(const dm_walk *w);

/** The enclosing node `up` levels out (0: the parent), borrowed; or NULL. */
json_t *dm_walk_ancestor(const dm_walk *w, size_t up);

/* ------------------------------------------------------------------------
 * Filters and the runner
 * ------------------------------------------------------------------------ */

/**
 * A filter.  The runner calls start (read options into ctx->state), then
 * walks the document with `visitor`, then calls finish (add blocks, add
 * metadata), then release; any hook may be NULL.  Hooks return 0, or -1
 * with ctx->err set.  ctx->state is NULL when start is called; release
 * is always called, also when start or a later step failed (ctx->state
 * then holds what start stored by then, or NULL).
 */
typedef struct dm_filter {
	const char *name;    /* "callouts": run as dm-callouts, or dm --filters */
	const char *summary; /* one line for --help and dm --list */
	const dm_option_spec *option_table; /* its options (--help is made
	                        from them), or NULL */
	int (*start)(dm_ctx *ctx);
	dm_visitor visitor;
	int (*finish)(dm_ctx *ctx);
	void (*release)(dm_ctx *ctx);
	bool first;          /* in a chain, runs before the others: it reads
	                        the document as written (a checker) */
} dm_filter;

/* The library's own leak-checking builds (SAN=1, VALGRIND=1) define
 * DM_FREE_AT_EXIT to 1 and free the document before exiting; other builds
 * leave it to the kernel (freeing a large document node by node costs a
 * fifth of a run), and valgrind finds it still reachable, not lost.  It is
 * read where the library is compiled: defining it in a filter of one's
 * own changes nothing. */
#ifndef DM_FREE_AT_EXIT
#define DM_FREE_AT_EXIT 0
#endif

/* For the programs' mains (the runner and dm-from-md, dm-to-html use
 * them), so every program speaks and exits the same way. */

/** First in a program's main: SIGPIPE ignored, so a closed pipe is a write
 * error reported ("Broken pipe", exit 1), never a silent exit 141. */
void dm_main_init(void);

/** "PROG: message\nTry 'PROG --help'." on standard error; returns 2. */
int dm_usage(const char *prog, const char *fmt, const char *arg);

/** Flushes and closes standard output, checked (sbase's fshut): 0, or 1
 * with a message when the output could not be written. */
int dm_close_stdout(const char *prog);

/** "PROG: what: where" (or "PROG: what") on standard error when `err` is
 * set; returns the exit status, 0 when it is not. */
int dm_report(const char *prog, const dm_error *err);

/** "PROG: warning: message" on stderr, escaped, once the run succeeds. */
void dm_warn(const char *prog, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/** Runs `filter` over ctx->doc as the runner does. 0 or -1 (ctx->err). */
int dm_filter_run(const dm_filter *filter, dm_ctx *ctx);

/**
 * The whole program: dispatches on the name it was called by (`dm-NAME`
 * runs filter NAME; `dm` runs a chain), parses arguments, reads standard
 * input, runs, writes standard output, reports errors on standard error.
 * `filters` is a NULL-terminated registry; `chain` the default list for
 * `dm`.  The chain is, in this order of precedence: `--filters LIST`; the
 * metadata key `dm-filters` (a list, or a comma-separated string); the
 * default, plus every filter whose options (`dm-NAME`) are in the
 * metadata.  `--NAME` adds filter NAME to it.  Filters marked `first` run
 * first.  Returns the exit status.
 */
int dm_main(int argc, char **argv, const dm_filter *const *filters,
            const char *chain);

/** Runs over ctx->doc the chain dm_main() would run (`list` as --filters
 * LIST, or NULL).  0, or -1 with ctx->err set. */
int dm_chain_run(dm_ctx *ctx, const dm_filter *const *filters,
                 const char *list, const char *chain);

/**
 * The whole program of one filter, whatever the program is called: the
 * main of a filter of your own.  `PROG [FORMAT]`, --help (with the
 * options of filter->option_table) and --version; reads standard input,
 * runs `filter`, writes standard output, reports errors.  Returns the exit
 * status: `int main(int argc, char **argv) { return dm_filter_main(argc,
 * argv, &my_filter); }`
 */
int dm_filter_main(int argc, char **argv, const dm_filter *filter);

#ifdef __cplusplus
}
#endif

#endif /* DM_H */
