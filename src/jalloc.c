/*
 * jalloc.c - the allocators jansson builds its trees with.
 *
 * By default malloc() and free(), remembering a failure: not every
 * allocation failure in jansson's parser reaches its caller (a string
 * buffer that cannot grow drops the byte), so a load or a dump during
 * which one failed is a failure, whatever jansson returned.  It is
 * installed only over jansson's default, never over a program's own.
 *
 * A program that reads one document, writes it and exits (the runner,
 * unless DM_FREE_AT_EXIT) reads it from an arena: jansson's nodes,
 * strings and tables are cut one after another out of large blocks, with
 * no header each and nothing to free at exit.  A parse of a pandoc
 * document is millions of small allocations; from the arena each costs a
 * pointer bump instead of malloc's search and its header, which is a
 * third of the time of a load.  After the load, new allocations (the
 * filters') come from malloc() again and are freed as usual, so what the
 * filters build and drop is reused; only the parts of the document they
 * drop stay until exit.  Leak-checking builds keep malloc, so that every
 * node is still freed and checked.
 */
#define _DEFAULT_SOURCE /* madvise(), MADV_POPULATE_WRITE */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "internal.h"

/* Threads: a large document is read and written on several (parallel.c),
 * and a program using the library may load documents on threads of its
 * own.  So the failure flag and the arena's current block belong to the
 * thread that allocates; the table of blocks, which free() consults from
 * any thread, is shared under a lock; what a run has seen is atomic. */
static _Thread_local bool json_alloc_failed;
static atomic_bool nomem_seen; /* since dmp_nomem_reset() */

void dmp_nomem_note(void)
{
	nomem_seen = true;
}

bool dmp_nomem_seen(void)
{
	return nomem_seen;
}

bool dm_nomem_seen(void)
{
	return nomem_seen;
}

void dmp_nomem_reset(void)
{
	nomem_seen = false;
}

static void *json_alloc(size_t n)
{
	void *p = malloc(n);

	if (p == NULL) {
		json_alloc_failed = true;
		nomem_seen = true;
	}
	return p;
}

/* The arena: the free part of the current block, and every block's
 * start and size, in address order, so that free() knows an arena
 * pointer.  Blocks grow from 64 KiB (a small article takes one) to
 * ARENA_MAX; a block that large has its pages faulted in by one call
 * (MADV_POPULATE_WRITE, Linux 5.14) rather than one fault at a time.
 * (Huge pages were measured too: on the build machine, a virtual one,
 * they cost more system time than the faults they save.)  Each thread
 * cuts from a current block of its own; the blocks of all threads are in
 * one table, so a node read on one thread may be freed on another. */
#define ARENA_BLOCK ((size_t)64 << 10) /* below malloc's mmap threshold */
#define ARENA_MAX ((size_t)8 << 20)
#define ARENA_PAGE ((size_t)4096)      /* madvise() wants pages */
#define ARENA_BIG ((size_t)1 << 10)    /* larger ones: malloc() each */
#define ARENA_ALIGN ((size_t)8)        /* jansson's types need no more */

typedef struct ablock {
	char *start; /* the block's first byte (a page's, when large) */
	size_t size;
	void *base;  /* what malloc() returned, to free */
} ablock;

/* The calling thread's current block, and the size of its next. */
static _Thread_local char *arena_p, *arena_end, *arena_start;
static _Thread_local size_t next_size = ARENA_BLOCK;
/* Every thread's blocks, under blocks_lock. */
static ablock *blocks;
static size_t nblocks, capblocks;
static pthread_mutex_t blocks_lock = PTHREAD_MUTEX_INITIALIZER;
static bool keep_large; /* large allocations are blocks too (whole mode) */

/* The index of the last block starting at or before `p`, or nblocks. */
static size_t block_of(const char *p)
{
	size_t lo = 0, hi = nblocks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((uintptr_t)blocks[mid].start <= (uintptr_t)p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? nblocks : lo - 1;
}

/* Records block `b` of `size` bytes in address order.  0, or -1 when out
 * of memory. */
static int add_block(char *b, size_t size, void *base)
{
	size_t i;

	pthread_mutex_lock(&blocks_lock);
	if (nblocks == capblocks) {
		size_t cap = capblocks ? capblocks * 2 : 64;
		ablock *a = realloc(blocks, cap * sizeof *a);
		if (a == NULL) {
			pthread_mutex_unlock(&blocks_lock);
			return -1;
		}
		blocks = a;
		capblocks = cap;
	}
	i = nblocks;
	while (i > 0 && (uintptr_t)blocks[i - 1].start > (uintptr_t)b) {
		blocks[i] = blocks[i - 1]; /* rare: malloc mostly goes up */
		i--;
	}
	blocks[i].start = b;
	blocks[i].size = size;
	blocks[i].base = base;
	nblocks++;
	pthread_mutex_unlock(&blocks_lock);
	return 0;
}

/* A new current block, larger than the last up to ARENA_MAX.  0 or -1. */
static int new_block(void)
{
	size_t size = next_size;
	bool large = size >= ARENA_MAX || keep_large;
	char *base = json_alloc(size + (large ? ARENA_PAGE : 0)), *p = base;

	if (base == NULL)
		return -1;
	if (large) { /* from the first whole page, populated */
		p = (char *)(((uintptr_t)base + ARENA_PAGE - 1) &
		             ~(uintptr_t)(ARENA_PAGE - 1));
#ifdef MADV_POPULATE_WRITE
		(void)madvise(p, size, MADV_POPULATE_WRITE);
#endif
	}
	if (add_block(p, size, base) != 0) {
		free(base);
		json_alloc_failed = true;
		nomem_seen = true;
		return -1;
	}
	if (next_size < ARENA_MAX)
		next_size *= 2;
	arena_start = arena_p = p;
	arena_end = p + size;
	return 0;
}

/* A large allocation kept as a block of its own: given back only by
 * dmp_json_arena_reset(), as the rest of the arena.  NULL or the block. */
static void *large_block(size_t n)
{
	char *p = json_alloc(n);

	if (p != NULL && add_block(p, n, p) != 0) {
		free(p);
		json_alloc_failed = true;
		nomem_seen = true;
		return NULL;
	}
	return p;
}

static void *arena_alloc(size_t n)
{
	char *p;

	n = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (n > ARENA_BIG)
		return keep_large ? large_block(n) : json_alloc(n);
	if ((size_t)(arena_end - arena_p) < n && new_block() != 0)
		return NULL;
	p = arena_p;
	arena_p += n;
	return p;
}

/* A pointer from an arena block stays (the process's exit takes it back
 * with the rest); any other came from malloc(). */
static void arena_free(void *p)
{
	size_t i;
	bool ours;

	if (p == NULL)
		return;
	/* Most frees are of what the parser just took (an object's key,
	 * copied into its table): in the current block. */
	if ((uintptr_t)p >= (uintptr_t)arena_start &&
	    (uintptr_t)p < (uintptr_t)arena_end)
		return;
	pthread_mutex_lock(&blocks_lock);
	i = block_of(p);
	ours = i < nblocks &&
	       (uintptr_t)p < (uintptr_t)blocks[i].start + blocks[i].size;
	pthread_mutex_unlock(&blocks_lock);
	if (!ours)
		free(p);
}

/* Whether jansson still uses its own allocator, or ours. */
static bool ours_or_default(void)
{
	json_malloc_t m;
	json_free_t f;

	json_get_alloc_funcs(&m, &f);
	return (m == malloc && f == free) || m == json_alloc ||
	       m == arena_alloc;
}

static void install(void)
{
	if (ours_or_default())
		json_set_alloc_funcs(json_alloc, free);
	/* jansson's hash seed, which its first object sets: before any
	 * thread of ours makes one (jansson is thread-safe but for it and
	 * the allocators) */
	json_object_seed(0);
}

void dmp_json_alloc_begin(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, install);
	json_alloc_failed = false;
}

void dmp_json_arena(bool on)
{
	json_malloc_t m;
	json_free_t f;

	dmp_json_alloc_begin();
	json_get_alloc_funcs(&m, &f);
	if (on && m == json_alloc && (f == free || f == arena_free))
		json_set_alloc_funcs(arena_alloc, arena_free);
	else if (!on && m == arena_alloc) /* arena_free() still frees all */
		json_set_alloc_funcs(json_alloc, arena_free);
}

bool dmp_json_arena_whole(bool on)
{
	json_malloc_t m;
	json_free_t f;

	dmp_json_arena(on);
	json_get_alloc_funcs(&m, &f);
	keep_large = on && m == arena_alloc;
	return keep_large;
}

void dmp_json_arena_reset(void)
{
	size_t i;

	pthread_mutex_lock(&blocks_lock);
	for (i = 0; i < nblocks; i++)
		free(blocks[i].base);
	nblocks = 0;
	pthread_mutex_unlock(&blocks_lock);
	arena_p = arena_end = arena_start = NULL;
	next_size = ARENA_BLOCK;
}

bool dmp_json_alloc_failed(void)
{
	return json_alloc_failed;
}
