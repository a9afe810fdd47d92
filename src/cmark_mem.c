/*
 * cmark_mem.c - an allocator for cmark-gfm that does not abort the program
 * the first time memory runs out (see cmark_mem.h).
 *
 * cmark-gfm never checks what its allocator returns: its default one
 * aborts on NULL.  This one, put in the default one's place, asks the C
 * library first and, when that fails, takes the block from a static
 * reserve and counts the failure for the thread.  The reserve is handed
 * out from its start and reclaimed when its last block is freed; its state
 * (blocks out, bytes used) is one atomic word, so threads may share it.
 */
#define _GNU_SOURCE /* malloc_usable_size() */
#include <malloc.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "cmark_mem.h"

#define RESERVE ((size_t)4 << 20)

/* A block of the reserve: its size in a header before it. */
typedef union head {
	size_t size;
	max_align_t align;
} head;

static alignas(max_align_t) unsigned char reserve[RESERVE];
static _Atomic uint64_t state; /* blocks out << 32 | bytes used */
static _Thread_local unsigned long failures;

static bool in_reserve(const void *p)
{
	uintptr_t a = (uintptr_t)p, r = (uintptr_t)reserve;

	return a >= r && a - r < RESERVE;
}

/* `n` bytes from the reserve, counted as a failure; NULL when it has not
 * enough left. */
static void *take(size_t n)
{
	size_t need = sizeof(head) +
	              (n + sizeof(head) - 1) / sizeof(head) * sizeof(head);
	uint64_t old = atomic_load(&state), new;
	head *h;

	do {
		if (n > RESERVE || need > RESERVE - (size_t)(old & 0xffffffff))
			return NULL;
		new = old + ((uint64_t)1 << 32) + need;
	} while (!atomic_compare_exchange_weak(&state, &old, new));
	h = (head *)(reserve + (old & 0xffffffff));
	h->size = n;
	failures++;
	return h + 1;
}

/* Gives a block back to the reserve: all of it, once none is out. */
static void give_back(void)
{
	uint64_t old = atomic_load(&state), new;

	do {
		new = old - ((uint64_t)1 << 32);
		if (new >> 32 == 0)
			new = 0;
	} while (!atomic_compare_exchange_weak(&state, &old, new));
}

/*
 * The arena (dmp_cmark_arena()): blocks from 64 KiB up, cut one piece
 * after another, each after a head with its size (for realloc); nothing
 * is freed until dmp_cmark_arena_reset() gives every block back.  A
 * parse or a rendering is thousands of small allocations, most of them
 * freed together at its end: from the arena each is a pointer bump.  One
 * arena per thread.
 */
typedef struct ablock {
	struct ablock *next; /* the one made before */
	size_t size;         /* bytes after this head */
	max_align_t align[];
} ablock;

#define ARENA_FIRST ((size_t)64 << 10)
#define ARENA_LAST ((size_t)8 << 20)
#define PAGE ((size_t)4096)

static _Thread_local bool arena_on;
static _Thread_local ablock *arena; /* the current block, or NULL */
static _Thread_local char *arena_p, *arena_end;
static _Thread_local size_t arena_next = ARENA_FIRST;

static bool in_arena(const void *p)
{
	const ablock *b;
	uintptr_t a = (uintptr_t)p;

	for (b = arena; b != NULL; b = b->next)
		if (a >= (uintptr_t)b->align && a - (uintptr_t)b->align < b->size)
			return true;
	return false;
}

/* `n` bytes from the arena, or NULL when a new block cannot be had. */
static void *arena_take(size_t n)
{
	size_t need = sizeof(head) +
	              (n + sizeof(head) - 1) / sizeof(head) * sizeof(head);
	head *h;

	if (n > ARENA_LAST)
		return NULL;
	if ((size_t)(arena_end - arena_p) < need) {
		size_t size = need > arena_next ? need : arena_next;
		ablock *b = aligned_alloc(PAGE, (sizeof *b + size + PAGE - 1) /
		                                 PAGE * PAGE);
		if (b == NULL)
			return NULL;
#ifdef MADV_POPULATE_WRITE /* its pages in one call, not a fault each */
		(void)madvise(b, sizeof *b + size, MADV_POPULATE_WRITE);
#endif
		b->next = arena;
		b->size = size;
		arena = b;
		arena_p = (char *)b->align;
		arena_end = arena_p + size;
		if (arena_next < ARENA_LAST)
			arena_next *= 2;
	}
	h = (head *)arena_p;
	h->size = n;
	arena_p += need;
	return h + 1;
}

static void *out_of_memory(void)
{
	fputs("cmark-gfm: out of memory, aborting\n", stderr);
	abort();
}

static void *mem_calloc(size_t n, size_t size)
{
	void *p;

	if (arena_on && (size == 0 || n <= SIZE_MAX / size) &&
	    (p = arena_take(n * size)) != NULL)
		return memset(p, 0, n * size);
	p = calloc(n, size);

	if (p != NULL)
		return p;
	if (size != 0 && n > SIZE_MAX / size)
		return out_of_memory();
	p = take(n * size);
	if (p == NULL)
		return out_of_memory();
	memset(p, 0, n * size);
	return p;
}

static void mem_free(void *p)
{
	if (p == NULL || (arena != NULL && in_arena(p)))
		return; /* given back with the arena */
	if (in_reserve(p))
		give_back();
	else
		free(p);
}

static void *mem_realloc(void *p, size_t n)
{
	size_t old;
	void *q;

	if (n == 0) /* realloc(p, 0) may free p */
		n = 1;
	if (arena_on && (p == NULL || in_arena(p)) &&
	    (q = arena_take(n)) != NULL) {
		if (p != NULL) {
			old = ((head *)p - 1)->size;
			memcpy(q, p, old < n ? old : n);
		}
		return q;
	}
	if (p != NULL && arena != NULL && in_arena(p)) {
		old = ((head *)p - 1)->size;
		q = mem_realloc(NULL, n);
		memcpy(q, p, old < n ? old : n);
		return q;
	}
	if (p != NULL && in_reserve(p)) {
		old = ((head *)p - 1)->size;
		q = mem_calloc(1, n);
		memcpy(q, p, old < n ? old : n);
		give_back();
		return q;
	}
	q = realloc(p, n);
	if (q != NULL)
		return q;
	q = take(n);
	if (q == NULL)
		return out_of_memory();
	if (p != NULL) {
		old = malloc_usable_size(p);
		memcpy(q, p, old < n ? old : n);
		free(p);
	}
	return q;
}

unsigned long dmp_cmark_failures(void)
{
	static atomic_flag installed = ATOMIC_FLAG_INIT;
	cmark_mem *mem;

	if (!atomic_flag_test_and_set(&installed)) {
		mem = cmark_get_default_mem_allocator();
		mem->calloc = mem_calloc;
		mem->realloc = mem_realloc;
		mem->free = mem_free;
	}
	return failures;
}

void dmp_cmark_free(void *p)
{
	mem_free(p);
}

void dmp_cmark_arena(bool on)
{
	if (on) { /* its lists last the process: not from the arena */
		dmp_cmark_failures();
		cmark_gfm_core_extensions_ensure_registered();
	}
	arena_on = on;
}

void dmp_cmark_arena_reset(void)
{
	ablock *b;

	arena_on = false;
	while ((b = arena) != NULL) {
		arena = b->next;
		free(b);
	}
	arena_p = arena_end = NULL;
	arena_next = ARENA_FIRST;
}
