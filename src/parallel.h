/*
 * parallel.h - a large document read and written on several threads
 * (parallel.c), and the chain of chunks jansson writes a document into
 * (out.c).  Internal to the library.
 */
#ifndef DM_PARALLEL_H
#define DM_PARALLEL_H

#include "internal.h"

/* Documents from this size on are read and written on threads: below it,
 * starting them costs more than they save (measured: README,
 * Performance). */
#define DMP_PAR_MIN ((size_t)1 << 20)

/* The most threads, and pieces of the blocks, a document is cut into. */
#define DMP_PAR_THREADS 8
#define DMP_PAR_PIECES 32

/* How many threads to read or write a document of `len` bytes on: 1 below
 * DMP_PAR_MIN bytes (DM_THREADS_MIN in the environment, if set) or with
 * DM_THREADS=1, else DM_THREADS or the number of processors online (at
 * most DMP_PAR_THREADS). */
int dmp_par_threads(size_t len);

/* Runs job(arg, i) for every i in [0, njobs) on up to `threads` threads,
 * the caller's among them, each taking the next job not yet taken; it
 * returns when all have run.  Without a thread it runs them itself. */
void dmp_par_run(int threads, int njobs, void (*job)(void *arg, int i),
                 void *arg);

/* Reads the document `buf` with its top-level blocks in pieces on
 * `threads` threads, each piece parsed and validated by jansson and
 * dmp_validate_blocks().  `top` checks the rest of the document (the
 * "blocks" array still empty) and returns its API minor version, or -1.
 * The root, with *minor and *depth as dm_doc_load() sets them; NULL
 * whenever anything failed or looked unusual, with nothing reported: the
 * caller then reads the document serially, which says what is wrong. */
json_t *dmp_par_load(const char *buf, size_t len, int threads,
                     int (*top)(const json_t *root), int *minor,
                     size_t *depth);

/* A chain of chunks, so that the text is never copied as it grows. */
typedef struct dmp_chunk {
	struct dmp_chunk *next;
	size_t len;
	char data[];
} dmp_chunk;

typedef struct dmp_out {
	dmp_chunk *head, *tail;
	char *p, *end; /* free space of the tail chunk */
	size_t total;  /* bytes in the chunks before the tail */
} dmp_out;

/* Serialises `root` into `o` as jansson's compact dump of it would, the
 * elements of `blocks` (the array under the root's "blocks") on `threads`
 * threads.  0 with the total length in *len, or -1 (`o` is freed). */
int dmp_out_doc(dmp_out *o, const json_t *root, const json_t *blocks,
                int threads, size_t *len);
void dmp_out_free(dmp_out *o);

#endif /* DM_PARALLEL_H */
