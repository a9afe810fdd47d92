/*
 * out.c - jansson serialises a document into a chain of chunks, so the
 * text is never copied as it grows and the memory held is what it is;
 * only then is it written.  A large document's top-level blocks are
 * serialised in pieces on several threads, each into a chain of its own,
 * and the chains are joined in order: the bytes are those of jansson's
 * dump of the whole root (tests/parallel.sh compares them).
 */
#include <stdlib.h>
#include <string.h>

#include "parallel.h"

#define OUT_CHUNK ((size_t)1 << 20)

void dmp_out_free(dmp_out *o)
{
	dmp_chunk *c, *next;

	for (c = o->head; c; c = next) {
		next = c->next;
		free(c);
	}
	memset(o, 0, sizeof *o);
}

/* Closes the tail chunk and starts one with at least `n` bytes free. */
static int out_grow(dmp_out *o, size_t n)
{
	size_t size = n > OUT_CHUNK ? n : OUT_CHUNK;
	dmp_chunk *c = malloc(sizeof *c + size);

	if (c == NULL)
		return -1;
	if (o->tail) {
		o->tail->len = (size_t)(o->p - o->tail->data);
		o->total += o->tail->len;
		o->tail->next = c;
	} else {
		o->head = c;
	}
	c->next = NULL;
	c->len = 0;
	o->tail = c;
	o->p = c->data;
	o->end = c->data + size;
	return 0;
}

/* Fills the tail chunk and puts the rest of `s` in a new one. */
static int out_put_slow(dmp_out *o, const char *s, size_t n)
{
	size_t room = (size_t)(o->end - o->p);

	memcpy(o->p, s, room);
	o->p += room;
	if (out_grow(o, n - room) != 0)
		return -1;
	memcpy(o->p, s + room, n - room);
	o->p += n - room;
	return 0;
}

static inline int out_put(dmp_out *o, const char *s, size_t n)
{
	if ((size_t)(o->end - o->p) < n)
		return out_put_slow(o, s, n);
	memcpy(o->p, s, n);
	o->p += n;
	return 0;
}

/* Ends the output: the length of the tail chunk, and the total. */
static size_t out_finish(dmp_out *o)
{
	if (o->tail == NULL)
		return 0;
	o->tail->len = (size_t)(o->p - o->tail->data);
	return o->total + o->tail->len;
}

/* Appends the chunks of `t` (which has one at least) to `o`, emptying
 * `t`. */
static void out_splice(dmp_out *o, dmp_out *t)
{
	o->tail->len = (size_t)(o->p - o->tail->data);
	o->total += o->tail->len + t->total;
	o->tail->next = t->head;
	o->tail = t->tail;
	o->p = t->p;
	o->end = t->end;
	memset(t, 0, sizeof *t);
}

/* jansson hands the text over a token at a time, most of them one byte
 * (a quote, a colon, a comma, a bracket): those are stored without a
 * call to memcpy(). */
static int dump_cb(const char *s, size_t n, void *data)
{
	dmp_out *o = data;

	if (n == 1 && o->p < o->end) {
		*o->p++ = *s;
		return 0;
	}
	return out_put(o, s, n);
}

/* A value as jansson writes it inside its container. */
static int dump(dmp_out *o, const json_t *v)
{
	return json_dump_callback(v, dump_cb, o, JSON_COMPACT | JSON_ENCODE_ANY);
}

/* Pieces of the blocks, each serialised into a chain of its own. */
typedef struct dpiece {
	dmp_out o;
	size_t from, to; /* its elements */
	int rc;
} dpiece;

typedef struct dblocks {
	const json_t *a;
	dpiece p[DMP_PAR_PIECES];
} dblocks;

static void dump_piece(void *arg, int k)
{
	dblocks *d = arg;
	dpiece *p = &d->p[k];
	size_t i;

	p->rc = -1;
	if (out_grow(&p->o, 0) != 0)
		return;
	for (i = p->from; i < p->to; i++)
		if ((i > p->from && out_put(&p->o, ",", 1) != 0) ||
		    dump(&p->o, json_array_get(d->a, i)) != 0)
			return;
	p->rc = dmp_json_alloc_failed() ? -1 : 0; /* this thread's */
}

/* The array `a` on `threads` threads, in pieces joined in order. */
static int dump_blocks(dmp_out *o, const json_t *a, int threads)
{
	static dblocks zero;
	dblocks d = zero;
	size_t n = json_array_size(a);
	int k, np = threads * 4, rc = out_put(o, "[", 1);

	if (np > DMP_PAR_PIECES)
		np = DMP_PAR_PIECES;
	if ((size_t)np > n)
		np = (int)n;
	d.a = a;
	for (k = 0; k < np; k++) {
		d.p[k].from = n * (size_t)k / (size_t)np;
		d.p[k].to = n * (size_t)(k + 1) / (size_t)np;
	}
	if (rc == 0)
		dmp_par_run(threads, np, dump_piece, &d);
	for (k = 0; k < np; k++) {
		if (rc == 0 && d.p[k].rc == 0 &&
		    (k == 0 || out_put(o, ",", 1) == 0))
			out_splice(o, &d.p[k].o);
		else
			rc = -1;
		dmp_out_free(&d.p[k].o);
	}
	return rc == 0 ? out_put(o, "]", 1) : -1;
}

/* The root object key after key, as jansson writes it (in the order of
 * its keys), with `blocks` written in pieces. */
static int dump_root(dmp_out *o, const json_t *root, const json_t *blocks,
                     int threads)
{
	const char *key;
	size_t klen;
	json_t *v, *k;
	bool first = true;
	int rc = out_put(o, "{", 1);

	json_object_keylen_foreach((json_t *)root, key, klen, v) {
		if (rc != 0 || (!first && out_put(o, ",", 1) != 0))
			return -1;
		first = false;
		k = json_stringn_nocheck(key, klen);
		rc = k == NULL || dump(o, k) != 0 || out_put(o, ":", 1) != 0;
		json_decref(k);
		if (rc == 0)
			rc = v == blocks ? dump_blocks(o, v, threads) : dump(o, v);
	}
	return rc == 0 ? out_put(o, "}", 1) : -1;
}

int dmp_out_doc(dmp_out *o, const json_t *root, const json_t *blocks,
                int threads, size_t *len)
{
	int rc;

	memset(o, 0, sizeof *o);
	dmp_json_alloc_begin();
	if (out_grow(o, 0) != 0)
		return -1;
	if (threads > 1 && json_is_object(root) && json_is_array(blocks) &&
	    json_array_size(blocks) >= 2)
		rc = dump_root(o, root, blocks, threads);
	else
		rc = json_dump_callback(root, dump_cb, o, JSON_COMPACT);
	if (rc == 0 && !dmp_json_alloc_failed()) {
		*len = out_finish(o);
		return 0;
	}
	dmp_out_free(o);
	return -1;
}
