/*
 * parallel.c - a large document's top-level blocks read on several
 * threads.  jansson stays the only reader: a scan finds the bytes of the
 * top-level "blocks" array and cuts them between elements into pieces;
 * jansson reads the rest of the document (the array left empty) on the
 * calling thread, and each piece element after element on whichever
 * thread takes it, where the validator checks it with the index it has in
 * the whole array.  The pieces' elements then go into the array in order.
 *
 * The scan checks nothing: whatever it cannot be sure of (a key written
 * with an escape, "blocks" twice, nesting near jansson's limit, a piece
 * jansson or the validator refuses, memory running out) gives the whole
 * document back to the serial reader, which gives the message and the
 * position it always gave.  So a bad document costs two reads, a good
 * one gives the same tree as the serial read (tests/parallel.sh).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parallel.h"

/* A positive number from the environment variable `name`, or 0. */
static long env_number(const char *name)
{
	const char *env = getenv(name);
	char *end;
	long n;

	if (env == NULL || *env == '\0')
		return 0;
	n = strtol(env, &end, 10);
	return *end == '\0' && n > 0 ? n : 0;
}

int dmp_par_threads(size_t len)
{
	long n = env_number("DM_THREADS"), min = env_number("DM_THREADS_MIN");
	const char *env = getenv("DM_THREADS_MIN");

	if (env != NULL && strcmp(env, "0") == 0)
		min = 0;
	else if (min == 0)
		min = (long)DMP_PAR_MIN;
	if (len < (size_t)min)
		return 1;
	if (n == 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > DMP_PAR_THREADS ? DMP_PAR_THREADS : (int)n;
}

typedef struct runner {
	atomic_int next;
	int n;
	void (*job)(void *arg, int i);
	void *arg;
} runner;

static void *work(void *arg)
{
	runner *r = arg;
	int i;

	while ((i = atomic_fetch_add(&r->next, 1)) < r->n)
		r->job(r->arg, i);
	return NULL;
}

void dmp_par_run(int threads, int njobs, void (*job)(void *arg, int i),
                 void *arg)
{
	pthread_t t[DMP_PAR_THREADS];
	runner r;
	int i, nt = 0;

	atomic_init(&r.next, 0);
	r.n = njobs;
	r.job = job;
	r.arg = arg;
	for (i = 1; i < threads && i < njobs && i < DMP_PAR_THREADS; i++)
		if (pthread_create(&t[nt], NULL, work, &r) == 0)
			nt++;
	work(&r);
	for (i = 0; i < nt; i++)
		pthread_join(t[i], NULL);
}

/* ------------------------------------------------------------------------
 * The scan.
 * ------------------------------------------------------------------------ */

/* Nesting the scan leaves to the serial reader: a piece read alone is two
 * levels shallower than in the document, so it could pass where the
 * document does not. */
#define SCAN_DEPTH (JSON_PARSER_MAX_DEPTH - 8)

typedef struct scan {
	size_t lb, rb;                     /* the array's brackets */
	size_t total;                      /* its elements */
	int ncut;                          /* pieces */
	size_t cut[DMP_PAR_PIECES + 1];    /* piece k: cut[k] + 1 to cut[k+1] */
	size_t before[DMP_PAR_PIECES + 1]; /* elements before piece k */
} scan;

static bool ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The index after the closing quote of the string whose contents start at
 * `i`, or 0 when it does not end. */
static size_t string_end(const char *b, size_t i, size_t len)
{
	for (; i < len; i++) {
		if (b[i] == '\\')
			i++;
		else if (b[i] == '"')
			return i + 1;
	}
	return 0;
}

/* A key of the top-level object, from its opening quote to `e`: -1 when
 * it is written with an escape or is a second "blocks", 1 when it is the
 * first "blocks", else 0. */
static int top_key(const char *b, size_t i, size_t e, bool *seen)
{
	if (memchr(b + i + 1, '\\', e - i - 2) != NULL)
		return -1;
	if (e - i - 2 != 6 || memcmp(b + i + 1, "blocks", 6) != 0)
		return 0;
	if (*seen)
		return -1;
	*seen = true;
	return 1;
}

/* A comma between the array's elements at `i`; it ends a piece when the
 * piece has its share of `per` bytes. */
static void element_comma(scan *s, size_t i, size_t commas, size_t per,
                          int pieces)
{
	if (s->ncut < pieces - 1 &&
	    i - s->cut[s->ncut] >= per) {
		s->ncut++;
		s->cut[s->ncut] = i;
		s->before[s->ncut] = commas;
	}
}

/* After the key "blocks" ending before `i`: the index of the '[' that
 * opens its value, or 0 when the value is no array. */
static size_t array_start(const char *b, size_t i, size_t len)
{
	while (i < len && ws(b[i]))
		i++;
	if (i == len || b[i++] != ':')
		return 0;
	while (i < len && ws(b[i]))
		i++;
	return i < len && b[i] == '[' ? i : 0;
}

/* The bytes the scan stops at; it passes over the others. */
static const bool special[256] = {
	['"'] = true, ['['] = true, [']'] = true,
	['{'] = true, ['}'] = true, [','] = true};

/* Finds the blocks array of the top-level object in `b` and its pieces.
 * 0, or -1 when unsure. */
static int scan_doc(const char *b, size_t len, int pieces, scan *s)
{
	size_t i, q, e, depth = 0, commas = 0, per = len / (size_t)pieces + 1;
	bool key = false, seen = false, in = false;
	int k;

	for (i = 0; i < len && ws(b[i]); i++)
		;
	if (i == len || b[i] != '{')
		return -1;
	for (; i < len; i++) {
		if (!special[(unsigned char)b[i]])
			continue;
		switch (b[i]) {
		case '"':
			q = i;
			if ((e = string_end(b, i + 1, len)) == 0)
				return -1;
			i = e - 1;
			if (depth != 1 || !key)
				break;
			key = false;
			if ((k = top_key(b, q, e, &seen)) < 0 ||
			    (k == 1 && (i = array_start(b, e, len)) == 0))
				return -1;
			if (k == 1) {
				s->lb = s->cut[0] = i;
				depth = 2;
				in = true;
			}
			break;
		case '[':
		case '{':
			if (++depth > SCAN_DEPTH)
				return -1;
			key = depth == 1;
			break;
		case ']':
		case '}':
			if (depth == 2 && in) {
				s->rb = i;
				s->total = commas + 1;
				in = false;
			}
			if (depth-- <= 1)
				return depth == 0 && s->rb && s->ncut > 0 ? 0 : -1;
			break;
		case ',':
			key = depth == 1;
			if (depth == 2 && in)
				element_comma(s, i, ++commas, per, pieces);
			break;
		}
	}
	return -1;
}

/* ------------------------------------------------------------------------
 * The pieces.
 * ------------------------------------------------------------------------ */

#define FLAGS (JSON_ALLOW_NUL | JSON_DECODE_ANY)

typedef struct piece {
	size_t from, to;  /* its bytes, between the commas or brackets */
	size_t first, n;  /* the index of its first element, how many */
	json_t *elems;
	size_t deepest;
	bool ok;
} piece;

typedef struct pload {
	const char *buf;
	int minor;
	piece p[DMP_PAR_PIECES];
} pload;

/* Reads the elements of `p`, each an object followed by a comma or the
 * end.  0 or -1. */
static int read_piece(const char *b, piece *p)
{
	size_t pos = p->from;
	json_error_t je;
	json_t *e;

	for (;;) {
		e = json_loadb(b + pos, p->to - pos,
		               FLAGS | JSON_DISABLE_EOF_CHECK, &je);
		if (e == NULL || !json_is_object(e) || je.position <= 0 ||
		    (size_t)je.position > p->to - pos ||
		    json_array_append_new(p->elems, e) != 0) {
			json_decref(e);
			return -1;
		}
		for (pos += (size_t)je.position; pos < p->to && ws(b[pos]);)
			pos++;
		if (pos == p->to)
			return 0;
		if (b[pos] != ',')
			return -1;
		pos++;
	}
}

static void load_piece(void *arg, int k)
{
	pload *l = arg;
	piece *p = &l->p[k];
	dm_error quiet;

	dm_error_clear(&quiet);
	p->elems = json_array();
	p->ok = p->elems != NULL && read_piece(l->buf, p) == 0 &&
	        json_array_size(p->elems) == p->n &&
	        dmp_validate_blocks(p->elems, p->first, l->minor, &quiet,
	                            &p->deepest) == 0 &&
	        !dmp_json_alloc_failed(); /* this thread's */
}

/* The document without the blocks' elements, read and checked: the
 * root, or NULL. */
static json_t *skeleton(const char *buf, size_t len, const scan *s,
                        int (*top)(const json_t *root), int *minor)
{
	size_t n = s->lb + 1 + (len - s->rb);
	char *text = malloc(n);
	json_error_t je;
	json_t *root, *blocks;

	if (text == NULL)
		return NULL;
	memcpy(text, buf, s->lb + 1);
	memcpy(text + s->lb + 1, buf + s->rb, len - s->rb);
	root = json_loadb(text, n, FLAGS, &je);
	free(text);
	blocks = json_object_get(root, "blocks");
	if (root == NULL || !json_is_array(blocks) ||
	    json_array_size(blocks) != 0 || (*minor = top(root)) < 0) {
		json_decref(root);
		return NULL;
	}
	return root;
}

/* Puts the pieces' elements into the root's blocks in order, and frees
 * them.  0, or -1 when a piece failed. */
static int gather(pload *l, int np, json_t *root, size_t *depth)
{
	json_t *blocks = json_object_get(root, "blocks");
	int k, rc = 0;

	*depth = 0;
	for (k = 0; k < np; k++) {
		piece *p = &l->p[k];
		if (rc != 0 || !p->ok ||
		    json_array_extend(blocks, p->elems) != 0)
			rc = -1;
		else if (p->deepest > *depth)
			*depth = p->deepest;
		json_decref(p->elems);
	}
	return rc;
}

/* DM_THREADS_TRACE=1: says on standard error whether the document was
 * read on threads (the tests make sure it was, or was not). */
static json_t *traced(json_t *root, int np)
{
	const char *env = getenv("DM_THREADS_TRACE");

	if (env != NULL && strcmp(env, "1") == 0) {
		if (root != NULL)
			fprintf(stderr, "dm: read in %d pieces\n", np);
		else
			fprintf(stderr, "dm: read serially\n");
	}
	return root;
}

json_t *dmp_par_load(const char *buf, size_t len, int threads,
                     int (*top)(const json_t *root), int *minor,
                     size_t *depth)
{
	pload l;
	scan s;
	json_t *root;
	dm_error quiet;
	size_t meta_depth;
	int k, np = threads * 4 > DMP_PAR_PIECES ? DMP_PAR_PIECES : threads * 4;

	memset(&s, 0, sizeof s);
	if (threads < 2 || scan_doc(buf, len, np, &s) != 0 ||
	    (root = skeleton(buf, len, &s, top, minor)) == NULL)
		return traced(NULL, 0);
	dm_error_clear(&quiet);
	if (dmp_validate(json_object_get(root, "meta"), DM_META, *minor,
	                 "meta", &quiet, &meta_depth) != 0) {
		json_decref(root);
		return traced(NULL, 0);
	}
	np = s.ncut + 1;
	s.cut[np] = s.rb;
	s.before[np] = s.total;
	l.buf = buf;
	l.minor = *minor;
	for (k = 0; k < np; k++) {
		l.p[k].from = s.cut[k] + 1;
		l.p[k].to = s.cut[k + 1];
		l.p[k].first = s.before[k];
		l.p[k].n = s.before[k + 1] - s.before[k];
	}
	dmp_par_run(threads, np, load_piece, &l);
	if (gather(&l, np, root, depth) != 0) {
		json_decref(root);
		return traced(NULL, 0);
	}
	if (meta_depth > *depth)
		*depth = meta_depth;
	return traced(root, np);
}
