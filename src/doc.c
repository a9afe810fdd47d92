/*
 * doc.c - reading a pandoc document, checking its top level, writing it.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* The API versions this library reads and writes: [1, 22] and [1, 23]. */
#define SUPPORTED "1.22 (pandoc 2.17) and 1.23 (pandoc 3)"

static int nomem(dm_error *err)
{
	return dm_error_set(err, DM_ENOMEM, NULL, "out of memory");
}

/* Reads all of `fd` into a new buffer, in as few reads as it takes. */
static char *read_all(int fd, size_t *len, dm_error *err)
{
	struct stat st;
	size_t cap = 1 << 16, n = 0;
	char *buf, *p;
	ssize_t r;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (unsigned long long)st.st_size < (size_t)-1 / 2)
		cap = (size_t)st.st_size + 1;
	buf = malloc(cap);
	if (buf == NULL) {
		nomem(err);
		return NULL;
	}
	for (;;) {
		if (n == cap) {
			if (cap > (size_t)-1 / 2 ||
			    (p = realloc(buf, cap * 2)) == NULL) {
				free(buf);
				nomem(err);
				return NULL;
			}
			buf = p;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			dm_error_set(err, DM_EIO, NULL, "cannot read input: %s",
			             strerror(errno));
			free(buf);
			return NULL;
		}
		n += (size_t)r;
	}
	*len = n;
	return buf;
}

dm_doc *dm_doc_read_fd(int fd, dm_error *err)
{
	size_t len = 0;
	char *buf = read_all(fd, &len, err);
	dm_doc *doc;

	if (buf == NULL)
		return NULL;
	doc = dm_doc_load(buf, len, err);
	free(buf); /* the tree holds copies; free the text before working */
	return doc;
}

static bool blank(const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!strchr(" \t\r\n", buf[i]))
			return false;
	return true;
}

static int parse_error(const char *buf, size_t len, const json_error_t *je,
                       dm_error *err)
{
	char where[64];

	if (blank(buf, len))
		return dm_error_set(err, DM_EINPUT, NULL,
		                    "empty input: expected a pandoc JSON "
		                    "document (pandoc -t json, or pandoc "
		                    "--filter)");
	snprintf(where, sizeof where, "line %d, column %d", je->line,
	         je->column);
	if (json_error_code(je) == json_error_stack_overflow)
		return dm_error_set(err, DM_EINPUT, where,
		                    "invalid JSON: nested too deeply (more than "
		                    "%d levels)", JSON_PARSER_MAX_DEPTH);
	if (json_error_code(je) == json_error_invalid_utf8)
		return dm_error_set(err, DM_EINPUT, where,
		                    "invalid UTF-8: %s", je->text);
	return dm_error_set(err, DM_EINPUT, where, "invalid JSON: %s",
	                    je->text);
}

/* Checks "pandoc-api-version" and returns the minor version, or -1. */
static int api_version(const json_t *root, dm_error *err)
{
	const json_t *v = json_object_get(root, "pandoc-api-version");
	char found[128] = "";
	size_t i, n;
	json_int_t major, minor;

	if (v == NULL) {
		if (json_object_get(root, "blocks") != NULL)
			return dm_error_set(err, DM_EINPUT, NULL,
			                    "not a pandoc document: missing "
			                    "\"pandoc-api-version\" (supported: "
			                    SUPPORTED ")");
		return dm_error_set(err, DM_EINPUT, NULL,
		                    "not a pandoc document: expected an object "
		                    "with \"pandoc-api-version\", \"meta\" and "
		                    "\"blocks\"");
	}
	n = json_array_size(v);
	if (!json_is_array(v) || n < 2)
		return dm_error_set(err, DM_EINPUT, "pandoc-api-version",
		                    "malformed pandoc-api-version: expected an "
		                    "array of integers such as [1,23,1,2]");
	for (i = 0; i < n; i++) {
		const json_t *e = json_array_get(v, i);
		if (!dmp_is_int(e)) /* pandoc reads 22.0 as 22, too */
			return dm_error_set(err, DM_EINPUT, "pandoc-api-version",
			                    "malformed pandoc-api-version: "
			                    "expected an array of integers such "
			                    "as [1,23,1,2]");
		if (strlen(found) < sizeof found - 24)
			snprintf(found + strlen(found),
			         sizeof found - strlen(found), "%s%.0f",
			         i ? "." : "", json_number_value(e));
	}
	major = (json_int_t)json_number_value(json_array_get(v, 0));
	minor = (json_int_t)json_number_value(json_array_get(v, 1));
	if (major != 1 || (minor != 22 && minor != 23))
		return dm_error_set(err, DM_EINPUT, "pandoc-api-version",
		                    "unsupported pandoc-api-version %s "
		                    "(supported: " SUPPORTED ")", found);
	return (int)minor;
}

/* ------------------------------------------------------------------------
 * Parsing.  jansson's own loader reads a byte at a time through a callback
 * and copies every token twice; this one reads the buffer in place and
 * builds the same json_t tree with jansson's constructors.  It accepts a
 * subset of what json_loadb() accepts and gives up (returns NULL) on
 * anything else: malformed input, escapes it does not need to know
 * (\u0000), numbers jansson would refuse, very deep nesting.  The caller
 * then runs json_loadb(), so what jansson accepts, and every error message
 * and position, are jansson's.
 * ------------------------------------------------------------------------ */

/* Nesting beyond this goes to jansson (JSON_PARSER_MAX_DEPTH is 2048). */
#define FAST_MAX_DEPTH 512

typedef struct fast {
	const unsigned char *p, *end;
	char *scratch; /* unescaped text of the last string with escapes */
	size_t scratch_cap;
	int depth;
} fast;

static void fast_ws(fast *f)
{
	while (f->p < f->end && (*f->p == ' ' || *f->p == '\n' ||
	                         *f->p == '\t' || *f->p == '\r'))
		f->p++;
}

/* The length of the valid UTF-8 sequence at `s` (lead byte >= 0x80) with
 * `n` bytes available, or 0: jansson's utf8_check_first + _full rules. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t k, i;
	long v;

	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		k = 2, v = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		k = 3, v = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		k = 4, v = s[0] & 0x07;
	else
		return 0;
	if (k > n)
		return 0;
	for (i = 1; i < k; i++) {
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ||
	    (k == 3 && v < 0x800) || (k == 4 && v < 0x10000))
		return 0;
	return k;
}

static long hex4(const unsigned char *s)
{
	long v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		v <<= 4;
		if (s[i] >= '0' && s[i] <= '9')
			v |= s[i] - '0';
		else if (s[i] >= 'a' && s[i] <= 'f')
			v |= s[i] - 'a' + 10;
		else if (s[i] >= 'A' && s[i] <= 'F')
			v |= s[i] - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* Decodes the escapes of the string whose text runs from `s` to the
 * closing quote at `e` into f->scratch.  0, or -1 to give up. */
static int fast_unescape(fast *f, const unsigned char *s,
                         const unsigned char *e, size_t *len)
{
	size_t need = (size_t)(e - s) + 1;
	char *t;
	long v, v2;

	if (need > f->scratch_cap) {
		t = realloc(f->scratch, need);
		if (t == NULL)
			return -1;
		f->scratch = t;
		f->scratch_cap = need;
	}
	t = f->scratch;
	while (s < e) {
		if (*s != '\\') {
			*t++ = (char)*s++;
			continue;
		}
		switch (s[1]) {
		case '"': case '\\': case '/':
			*t++ = (char)s[1];
			break;
		case 'b': *t++ = '\b'; break;
		case 'f': *t++ = '\f'; break;
		case 'n': *t++ = '\n'; break;
		case 'r': *t++ = '\r'; break;
		case 't': *t++ = '\t'; break;
		case 'u':
			v = hex4(s + 2); /* checked by fast_string() */
			s += 6;
			if (v >= 0xD800 && v <= 0xDBFF) {
				if (e - s < 6 || s[0] != '\\' || s[1] != 'u' ||
				    (v2 = hex4(s + 2)) < 0xDC00 || v2 > 0xDFFF)
					return -1;
				v = 0x10000 + ((v - 0xD800) << 10) +
				    (v2 - 0xDC00);
				s += 6;
			} else if ((v >= 0xDC00 && v <= 0xDFFF) || v <= 0) {
				return -1; /* a lone surrogate, or \u0000 */
			}
			if (v < 0x80) {
				*t++ = (char)v;
			} else if (v < 0x800) {
				*t++ = (char)(0xC0 | (v >> 6));
				*t++ = (char)(0x80 | (v & 0x3F));
			} else if (v < 0x10000) {
				*t++ = (char)(0xE0 | (v >> 12));
				*t++ = (char)(0x80 | ((v >> 6) & 0x3F));
				*t++ = (char)(0x80 | (v & 0x3F));
			} else {
				*t++ = (char)(0xF0 | (v >> 18));
				*t++ = (char)(0x80 | ((v >> 12) & 0x3F));
				*t++ = (char)(0x80 | ((v >> 6) & 0x3F));
				*t++ = (char)(0x80 | (v & 0x3F));
			}
			continue;
		default:
			return -1;
		}
		s += 2;
	}
	*len = (size_t)(t - f->scratch);
	return 0;
}

/*
 * Reads the string at f->p (its opening quote).  Sets *s and *len to its
 * text: in the input when it has no escapes, else in f->scratch (valid
 * until the next string).  0, or -1 to give up.
 */
static int fast_string(fast *f, const char **s, size_t *len)
{
	const unsigned char *start = ++f->p, *q = start;
	bool escaped = false;
	size_t k;

	for (;;) {
		if (q == f->end)
			return -1;
		if (*q == '"')
			break;
		if (*q < 0x20)
			return -1;
		if (*q == '\\') {
			escaped = true;
			if (f->end - q < 2)
				return -1;
			if (q[1] == 'u') {
				if (f->end - q < 6 || hex4(q + 2) < 0)
					return -1;
				q += 6;
			} else {
				q += 2;
			}
		} else if (*q >= 0x80) {
			k = utf8_len(q, (size_t)(f->end - q));
			if (k == 0)
				return -1;
			q += k;
		} else {
			q++;
		}
	}
	f->p = q + 1;
	if (!escaped) {
		*s = (const char *)start;
		*len = (size_t)(q - start);
		return 0;
	}
	if (fast_unescape(f, start, q, len) != 0)
		return -1;
	*s = f->scratch;
	return 0;
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* A number as jansson's lexer reads it, converted as it converts it. */
static json_t *fast_number(fast *f)
{
	const unsigned char *s = f->p, *q = s;
	char text[64], *end;
	bool real = false;
	size_t n;

	if (q < f->end && *q == '-')
		q++;
	if (q == f->end || !is_digit(*q))
		return NULL;
	if (*q == '0') {
		q++;
		if (q < f->end && is_digit(*q))
			return NULL;
	} else {
		while (q < f->end && is_digit(*q))
			q++;
	}
	if (q < f->end && *q == '.') {
		real = true;
		if (++q == f->end || !is_digit(*q))
			return NULL;
		while (q < f->end && is_digit(*q))
			q++;
	}
	if (q < f->end && (*q == 'e' || *q == 'E')) {
		real = true;
		if (++q < f->end && (*q == '+' || *q == '-'))
			q++;
		if (q == f->end || !is_digit(*q))
			return NULL;
		while (q < f->end && is_digit(*q))
			q++;
	}
	n = (size_t)(q - s);
	if (n >= sizeof text)
		return NULL;
	memcpy(text, s, n);
	text[n] = '\0';
	f->p = q;
	errno = 0;
	if (!real) {
		long long v = strtoll(text, &end, 10);
		if (errno == ERANGE || end != text + n)
			return NULL;
		return json_integer((json_int_t)v);
	} else {
		double d = strtod(text, &end);
		if (((d == HUGE_VAL || d == -HUGE_VAL) && errno == ERANGE) ||
		    end != text + n)
			return NULL;
		return json_real(d);
	}
}

static json_t *fast_value(fast *f);

static json_t *fast_array(fast *f)
{
	json_t *a = json_array(), *e;

	if (a == NULL)
		return NULL;
	f->p++;
	fast_ws(f);
	if (f->p < f->end && *f->p == ']') {
		f->p++;
		return a;
	}
	for (;;) {
		e = fast_value(f);
		if (e == NULL || json_array_append_new(a, e) != 0)
			break;
		fast_ws(f);
		if (f->p == f->end)
			break;
		if (*f->p == ']') {
			f->p++;
			return a;
		}
		if (*f->p != ',')
			break;
		f->p++;
		fast_ws(f);
	}
	json_decref(a);
	return NULL;
}

static json_t *fast_object(fast *f)
{
	json_t *o = json_object(), *v;
	const char *key;
	char *copy;
	size_t len;

	if (o == NULL)
		return NULL;
	f->p++;
	fast_ws(f);
	if (f->p < f->end && *f->p == '}') {
		f->p++;
		return o;
	}
	for (;;) {
		if (f->p == f->end || *f->p != '"' ||
		    fast_string(f, &key, &len) != 0)
			break;
		copy = NULL;
		if (key == f->scratch) { /* the value may need the scratch */
			if ((copy = malloc(len + 1)) == NULL)
				break;
			memcpy(copy, key, len);
			key = copy;
		}
		fast_ws(f);
		if (f->p == f->end || *f->p != ':') {
			free(copy);
			break;
		}
		f->p++;
		fast_ws(f);
		v = fast_value(f);
		if (v == NULL ||
		    json_object_setn_new_nocheck(o, key, len, v) != 0) {
			free(copy);
			break;
		}
		free(copy);
		fast_ws(f);
		if (f->p == f->end)
			break;
		if (*f->p == '}') {
			f->p++;
			return o;
		}
		if (*f->p != ',')
			break;
		f->p++;
		fast_ws(f);
	}
	json_decref(o);
	return NULL;
}

static json_t *fast_value(fast *f)
{
	const char *s;
	size_t len;
	json_t *v;

	if (f->p == f->end)
		return NULL;
	switch (*f->p) {
	case '"':
		if (fast_string(f, &s, &len) != 0)
			return NULL;
		return json_stringn_nocheck(s, len);
	case '{':
	case '[':
		if (++f->depth > FAST_MAX_DEPTH)
			return NULL;
		v = *f->p == '{' ? fast_object(f) : fast_array(f);
		f->depth--;
		return v;
	case 't':
	case 'f':
	case 'n':
		s = *f->p == 't' ? "true" : *f->p == 'f' ? "false" : "null";
		len = strlen(s);
		if ((size_t)(f->end - f->p) < len || memcmp(f->p, s, len) != 0)
			return NULL;
		f->p += len;
		return s[0] == 't' ? json_true()
		                   : s[0] == 'f' ? json_false() : json_null();
	default:
		return fast_number(f);
	}
}

/* The document at buf as json_loadb() would read it, or NULL. */
static json_t *fast_load(const char *buf, size_t len)
{
	fast f = {(const unsigned char *)buf,
	          (const unsigned char *)buf + len, NULL, 0, 0};
	json_t *root = NULL;

	fast_ws(&f);
	if (f.p < f.end && (*f.p == '{' || *f.p == '['))
		root = fast_value(&f);
	fast_ws(&f);
	if (root != NULL && f.p != f.end) {
		json_decref(root);
		root = NULL;
	}
	free(f.scratch);
	return root;
}

dm_doc *dm_doc_load(const char *buf, size_t len, dm_error *err)
{
	json_error_t je;
	json_t *root;
	dm_doc *doc;
	int minor;

	root = fast_load(buf, len);
	if (root == NULL)
		root = json_loadb(buf, len, JSON_ALLOW_NUL | JSON_DECODE_ANY,
		                  &je);
	if (root == NULL) {
		parse_error(buf, len, &je, err);
		return NULL;
	}
	if (!json_is_object(root)) {
		/* pandoc before 1.18 wrote [{"unMeta": ...}, [blocks]] */
		bool old = json_is_array(root) && json_array_size(root) == 2 &&
		           json_object_get(json_array_get(root, 0), "unMeta");
		dm_error_set(err, DM_EINPUT, NULL,
		             old
		                     ? "not a pandoc document: a top-level "
		                       "array is the format of pandoc before "
		                       "1.18 (supported: " SUPPORTED ")"
		                     : "not a pandoc document: expected a JSON "
		                       "object at the top level");
		goto fail;
	}
	if ((minor = api_version(root, err)) < 0)
		goto fail;
	if (!json_is_object(json_object_get(root, "meta"))) {
		dm_error_set(err, DM_EINPUT,
		             json_object_get(root, "meta") ? "meta" : NULL,
		             json_object_get(root, "meta")
		                     ? "not a pandoc document: \"meta\" must be "
		                       "an object"
		                     : "not a pandoc document: missing \"meta\"");
		goto fail;
	}
	if (!json_is_array(json_object_get(root, "blocks"))) {
		dm_error_set(err, DM_EINPUT,
		             json_object_get(root, "blocks") ? "blocks" : NULL,
		             json_object_get(root, "blocks")
		                     ? "not a pandoc document: \"blocks\" must "
		                       "be an array"
		                     : "not a pandoc document: missing "
		                       "\"blocks\"");
		goto fail;
	}
	if (dm_validate(json_object_get(root, "meta"), DM_META, minor, "meta",
	                err) != 0 ||
	    dm_validate(json_object_get(root, "blocks"), DM_BLOCK, minor,
	                "blocks", err) != 0)
		goto fail;
	doc = malloc(sizeof *doc);
	if (doc == NULL) {
		nomem(err);
		goto fail;
	}
	doc->root = root;
	doc->meta = json_object_get(root, "meta");
	doc->blocks = json_object_get(root, "blocks");
	doc->api_minor = minor;
	return doc;
fail:
	json_decref(root);
	return NULL;
}

/* ------------------------------------------------------------------------
 * Writing.  The document is serialised into a chain of chunks, so the text
 * is never copied as it grows and the memory held is what it is; only
 * then is it written.  The serialiser writes what json_dump_callback()
 * writes with JSON_COMPACT, byte for byte, but without jansson's per-call
 * overhead (a callback per token, a hash table entry per container to
 * detect cycles).  On anything unusual (invalid UTF-8, nesting deep enough
 * to be a cycle) it gives up and jansson's own dump runs instead, so the
 * output and the failures stay jansson's.
 * ------------------------------------------------------------------------ */

#define OUT_CHUNK ((size_t)1 << 20)
/* Nesting beyond this is left to jansson, which detects cycles. */
#define OUT_MAX_DEPTH 4096

typedef struct chunk {
	struct chunk *next;
	size_t len;
	char data[];
} chunk;

typedef struct out {
	chunk *head, *tail;
	char *p, *end; /* free space of the tail chunk */
	size_t total;  /* bytes in the chunks before the tail */
} out;

static void out_free(out *o)
{
	chunk *c, *next;

	for (c = o->head; c; c = next) {
		next = c->next;
		free(c);
	}
	memset(o, 0, sizeof *o);
}

/* Closes the tail chunk and starts one with at least `n` bytes free. */
static int out_grow(out *o, size_t n)
{
	size_t size = n > OUT_CHUNK ? n : OUT_CHUNK;
	chunk *c = malloc(sizeof *c + size);

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
static int out_put_slow(out *o, const char *s, size_t n)
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

static inline int out_put(out *o, const char *s, size_t n)
{
	if ((size_t)(o->end - o->p) < n)
		return out_put_slow(o, s, n);
	memcpy(o->p, s, n);
	o->p += n;
	return 0;
}

static inline int out_putc(out *o, char c)
{
	if (o->p == o->end && out_grow(o, 1) != 0)
		return -1;
	*o->p++ = c;
	return 0;
}

/* Ends the output: the length of the tail chunk, and the total. */
static size_t out_finish(out *o)
{
	if (o->tail == NULL)
		return 0;
	o->tail->len = (size_t)(o->p - o->tail->data);
	return o->total + o->tail->len;
}

static int dump_cb(const char *s, size_t n, void *data)
{
	return out_put(data, s, n);
}

/* A string as jansson writes it: ", \ and control characters escaped,
 * the rest as it is; -1 on invalid UTF-8, as jansson fails there. */
static int out_string(out *o, const char *str, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *s = (const unsigned char *)str, *e = s + n;
	const unsigned char *run = s;
	char esc[6] = {'\\', 'u', '0', '0', 0, 0};
	size_t k;

	if (out_putc(o, '"') != 0)
		return -1;
	while (s < e) {
		if (*s >= 0x20 && *s != '"' && *s != '\\' && *s < 0x80) {
			s++;
			continue;
		}
		if (*s >= 0x80) {
			k = utf8_len(s, (size_t)(e - s));
			if (k == 0)
				return -1;
			s += k;
			continue;
		}
		if (out_put(o, (const char *)run, (size_t)(s - run)) != 0)
			return -1;
		k = 2;
		switch (*s) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			esc[1] = 'u';
			esc[4] = hex[*s >> 4];
			esc[5] = hex[*s & 15];
			k = 6;
		}
		if (out_put(o, esc, k) != 0)
			return -1;
		run = ++s;
	}
	if (out_put(o, (const char *)run, (size_t)(s - run)) != 0)
		return -1;
	return out_putc(o, '"');
}

static int out_value(out *o, const json_t *v, int depth)
{
	char num[64], *p;
	unsigned long long u;
	size_t i, n;
	void *it;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		if (depth > OUT_MAX_DEPTH || out_putc(o, '{') != 0)
			return -1;
		for (it = json_object_iter((json_t *)v); it;) {
			if (out_string(o, json_object_iter_key(it),
			               json_object_iter_key_len(it)) != 0 ||
			    out_putc(o, ':') != 0 ||
			    out_value(o, json_object_iter_value(it),
			              depth + 1) != 0)
				return -1;
			it = json_object_iter_next((json_t *)v, it);
			if (it && out_putc(o, ',') != 0)
				return -1;
		}
		return out_putc(o, '}');
	case JSON_ARRAY:
		if (depth > OUT_MAX_DEPTH || out_putc(o, '[') != 0)
			return -1;
		n = json_array_size(v);
		for (i = 0; i < n; i++)
			if ((i && out_putc(o, ',') != 0) ||
			    out_value(o, json_array_get(v, i), depth + 1) != 0)
				return -1;
		return out_putc(o, ']');
	case JSON_STRING:
		return out_string(o, json_string_value(v),
		                  json_string_length(v));
	case JSON_INTEGER:
		p = num + sizeof num;
		u = json_integer_value(v) < 0
		            ? 0 - (unsigned long long)json_integer_value(v)
		            : (unsigned long long)json_integer_value(v);
		do
			*--p = (char)('0' + u % 10);
		while ((u /= 10) != 0);
		if (json_integer_value(v) < 0)
			*--p = '-';
		return out_put(o, p, (size_t)(num + sizeof num - p));
	case JSON_REAL: /* rare in pandoc's JSON: jansson's own formatting */
		n = json_dumpb(v, num, sizeof num, JSON_ENCODE_ANY);
		if (n == 0 || n > sizeof num)
			return -1;
		return out_put(o, num, n);
	case JSON_TRUE:
		return out_put(o, "true", 4);
	case JSON_FALSE:
		return out_put(o, "false", 5);
	case JSON_NULL:
		return out_put(o, "null", 4);
	}
	return -1;
}

/* Serialises `root` into `o`; the total length, or -1 (out is freed). */
static int out_doc(out *o, const json_t *root, size_t *len)
{
	memset(o, 0, sizeof *o);
	if (out_grow(o, 0) == 0 && out_value(o, root, 0) == 0) {
		*len = out_finish(o);
		return 0;
	}
	out_free(o);
	if (out_grow(o, 0) == 0 &&
	    json_dump_callback(root, dump_cb, o, JSON_COMPACT) == 0) {
		*len = out_finish(o);
		return 0;
	}
	out_free(o);
	return -1;
}

char *dm_doc_dump(const dm_doc *doc, size_t *len, dm_error *err)
{
	const chunk *c;
	char *s, *p;
	size_t n;
	out o;

	if (out_doc(&o, doc->root, &n) != 0 || (s = malloc(n + 1)) == NULL) {
		out_free(&o);
		nomem(err);
		return NULL;
	}
	for (p = s, c = o.head; c; c = c->next) {
		memcpy(p, c->data, c->len);
		p += c->len;
	}
	*p = '\0';
	out_free(&o);
	*len = n;
	return s;
}

int dm_doc_write_fd(const dm_doc *doc, int fd, dm_error *err)
{
	const chunk *c;
	size_t len, off;
	ssize_t w;
	out o;

	if (out_doc(&o, doc->root, &len) != 0) {
		nomem(err);
		close(fd);
		return -1;
	}
	for (c = o.head; c; c = c->next) {
		for (off = 0; off < c->len; off += (size_t)w) {
			w = write(fd, c->data + off, c->len - off);
			if (w < 0 && errno == EINTR) {
				w = 0;
				continue;
			}
			if (w <= 0) {
				dm_error_set(err, DM_EIO, NULL,
				             "cannot write output: %s",
				             w < 0 ? strerror(errno)
				                   : "short write");
				out_free(&o);
				close(fd);
				return -1;
			}
		}
	}
	out_free(&o);
	if (close(fd) != 0)
		return dm_error_set(err, DM_EIO, NULL,
		                    "cannot write output: %s", strerror(errno));
	return 0;
}

void dm_doc_free(dm_doc *doc)
{
	if (doc == NULL)
		return;
	json_decref(doc->root);
	free(doc);
}

int dm_doc_api_minor(const dm_doc *doc)
{
	return doc->api_minor;
}

json_t *dm_doc_meta(dm_doc *doc)
{
	return doc->meta;
}

json_t *dm_doc_blocks(dm_doc *doc)
{
	return doc->blocks;
}
