/*
 * internal.h - what the library's files share and filters do not see.
 */
#ifndef DM_INTERNAL_H
#define DM_INTERNAL_H

#include "dm.h"

struct dm_doc {
	json_t *root;    /* the whole document object */
	json_t *meta;    /* borrowed from root */
	json_t *blocks;  /* borrowed from root */
	int api_minor;   /* 22 or 23 */
	size_t depth;    /* how deep it nested when read (0: made here) */
	size_t bytes;    /* the length of the JSON it was read from, or 0 */
};

/*
 * A JSON path under construction: a stack of object keys and array
 * indices, formatted only when a message needs it.
 */
typedef struct dm_seg {
	const char *key; /* object key, or NULL for an array index */
	size_t index;
} dm_seg;

typedef struct dm_path {
	dm_seg *segs;
	size_t len;
	size_t cap;
	const char *prefix; /* printed before the first segment, may be NULL */
	size_t deepest;     /* the greatest length the path has had */
} dm_path;

int dmp_path_push_key(dm_path *p, const char *key);
int dmp_path_push_index(dm_path *p, size_t index);
static inline void dmp_path_pop(dm_path *p) { p->len--; }
static inline void dmp_path_set_index(dm_path *p, size_t index)
{
	p->segs[p->len - 1].index = index;
}
void dmp_path_format(const dm_path *p, char *buf, size_t size);
void dmp_path_free(dm_path *p);

/* Formats a path of at most `n` segments into `buf`. */
void dmp_segs_format(const char *prefix, const dm_seg *segs, size_t n,
                     char *buf, size_t size);

/*
 * The shape of a node's contents, one character per field (see schema.c):
 * the walker and the validator both read it, so they cannot disagree.
 */
typedef struct dm_schema {
	const char *tag;
	dm_kind kind;
	const char *fields; /* "" for a nullary node */
	int only_minor;     /* 0, or the one API minor version that has it */
	dm_type type;
} dm_schema;

/* The schema of `tag` for a node of `kind`, or NULL for an unknown tag. */
const dm_schema *dmp_schema(const char *tag, dm_kind kind);
/* The schema of a type, or NULL for DM_T_UNKNOWN. */
const dm_schema *dmp_schema_of(dm_type type);

/* The tag of node `o` (NULL: none, or not a string) and its "c" in `*c`
 * (NULL: none), from one pass over its keys (node.c). */
const char *dmp_tag_content(const json_t *o, json_t **c);

/* Reads all of file descriptor `fd` into a new malloc'd buffer (its
 * length in `*len`), in as few reads as it takes; NULL with `err` set. */
char *dmp_read_all(int fd, size_t *len, dm_error *err);

/* Writes `len` bytes of `data` to `fd`, a short write or EINTR retried,
 * and then closes `fd` (also when the write failed).  0, or -1 with `err`
 * set to "cannot write output: ..." (EPIPE: "Broken pipe", since the
 * programs ignore SIGPIPE: dm_main_init()). */
int dmp_write_all(int fd, const char *data, size_t len, dm_error *err);

/* json_deep_copy() that keeps an object key holding a NUL ("a\0b"), which
 * jansson 2.14's copies cut to "a".  A new reference, or NULL. */
json_t *dmp_json_copy(const json_t *v);

/* dm_validate(), also storing in *deepest how many JSON levels the value
 * nests (an approximation from above: the longest path seen, plus one). */
int dmp_validate(const json_t *node, dm_kind kind, int api_minor,
                 const char *where, dm_error *err, size_t *deepest);

/* The same for the elements of `a` as the top-level blocks from index
 * `first` on: the messages and *deepest are those of dmp_validate() on
 * the whole "blocks" array (parallel.c validates it in parts). */
int dmp_validate_blocks(const json_t *a, size_t first, int api_minor,
                        dm_error *err, size_t *deepest);

/* The documents a filter writes must stay readable by the next filter:
 * jansson reads at most JSON_PARSER_MAX_DEPTH levels.  A document read
 * deeper than DMP_DEEP is measured again before it is written. */
#define DMP_DEEP 960

/* Starts watching jansson's allocations (installing our allocator over
 * jansson's default, once); dmp_json_alloc_failed() then tells whether one
 * has failed since. */
void dmp_json_alloc_begin(void);
bool dmp_json_alloc_failed(void);

/* A run during which an allocation failed is a failure, even where a
 * function could not say so (a bool, a count): jansson's allocator and
 * dm_buf note every failure, and the runner and dm-to-html ask at the
 * end of a document (jalloc.c). */
void dmp_nomem_note(void);
bool dmp_nomem_seen(void);

/* Writes the warnings dm_warn() kept for the document just run when
 * `give` (it succeeded), and forgets them: a failed run says only why. */
void dmp_warnings_end(bool give);
void dmp_nomem_reset(void);

/* For a program that reads one document and exits without freeing it
 * (jalloc.c): with `on`, jansson allocates from an arena, whose memory is
 * never freed, until called again without: later allocations come from
 * malloc() again (and arena pointers are still told apart when freed). */
void dmp_json_arena(bool on);

/* dmp_json_arena() for the whole life of a document: every allocation,
 * large ones too, stays until dmp_json_arena_reset(), which gives the
 * document back at once (dmp_doc_forget(), no json_decref() of its nodes).
 * With `on`, false when jansson does not allocate from the arena (another
 * allocator was installed): the document is then freed as usual. */
bool dmp_json_arena_whole(bool on);

/* Frees `doc` but not its nodes, which an arena gives back (or NULL). */
void dmp_doc_forget(dm_doc *doc);

/* Gives the arena's blocks back, for a program that reads documents one
 * after another: only once every node read from it has been let go (or,
 * after dmp_json_arena_whole(), once none is used any more). */
void dmp_json_arena_reset(void);

/* True when `v` is a JSON integer, or a real with an integral value. */
bool dmp_is_int(const json_t *v);

/* The definitions box.c's html and latex callouts rely on (box_style.c),
 * appended to `out`: a stylesheet; the dmcallout environment and its
 * colours.  0, or -1 when memory ran out. */
struct dm_box_sheet;
int dmp_box_css(const struct dm_box_sheet *s, bool rtl, dm_buf *out);
int dmp_box_latex(const struct dm_box_sheet *s, bool rtl, dm_buf *out);
/* The tcolorbox options of a look, for a box of LaTeX colour `colour`
 * ("dm-note"). */
void dmp_box_latex_look(dm_buf *out, int look, const char *colour);
int dmp_box_footer_css(const char *type, const char *style,
                       const char *css, bool rtl, dm_buf *out);

#endif /* DM_INTERNAL_H */
