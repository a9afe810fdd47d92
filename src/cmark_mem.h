/*
 * cmark_mem.h - cmark-gfm's memory, made to fail softly (cmark_mem.c), for
 * the Markdown reader (src/md/) and the HTML writer (src/html/).
 *
 * cmark-gfm aborts the program when an allocation fails.  Once installed,
 * this allocator serves such an allocation from a reserve instead and
 * counts it, so that the caller can finish the cmark call in hand, throw
 * its result away and report "out of memory".  Only when the reserve is
 * used up too does it abort, as cmark-gfm would have.
 */
#ifndef DM_CMARK_MEM_H
#define DM_CMARK_MEM_H

#include <stdbool.h>

/*
 * Installs the allocator as cmark-gfm's default one (once; it allocates as
 * the default one does until memory runs out) and returns the number of
 * allocations this thread has had served from the reserve.  Compare the
 * numbers before and after cmark calls: when they differ, memory ran out.
 */
unsigned long dmp_cmark_failures(void);

/* Frees memory cmark-gfm handed out (cmark_render_html()'s string). */
void dmp_cmark_free(void *p);

/*
 * With `on`, this thread's cmark-gfm allocations come from an arena,
 * freed by nothing but dmp_cmark_arena_reset(), until called without (for
 * a program that reads and renders one document after another: a parse
 * and a rendering allocate thousands of small pieces and free them all
 * at their end).  The reset gives the arena back; every node, parser and
 * string cmark-gfm made from it must be dead by then.
 */
void dmp_cmark_arena(bool on);
void dmp_cmark_arena_reset(void);

#endif /* DM_CMARK_MEM_H */
