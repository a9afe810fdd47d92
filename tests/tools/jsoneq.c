/*
 * jsoneq.c - are two JSON files equal, with object keys in the same order?
 *
 *   jsoneq A B
 *
 * jansson's json_equal() ignores key order; a filter must keep it (pandoc
 * writes "t" before "c", and a document's own oddities must survive), so
 * this walks both values and compares objects key by key, in order.
 * Strings are compared by length and bytes, so "\u0000" counts; numbers by
 * type (integer or real) and value.  Exit status: 0 equal, 1 different (the
 * path of the first difference on standard error), 2 unreadable input.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

static const char *prog = "jsoneq";

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a real";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_NULL:
		return "null";
	}
	return "?";
}

/* A path such as blocks[0].c[1] is built in `path`; `len` is its length. */
static char path[4096];

static int differ(size_t len, const char *fmt, const char *a, const char *b)
{
	fprintf(stderr, "%s: at %s: ", prog, len ? path : "(top)");
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	return 1;
}

static size_t append(size_t len, const char *fmt, const char *s, size_t i)
{
	int n;

	if (len >= sizeof path - 1)
		return len;
	if (s != NULL)
		n = snprintf(path + len, sizeof path - len, fmt, s);
	else
		n = snprintf(path + len, sizeof path - len, fmt, i);
	if (n < 0)
		return len;
	len += (size_t)n;
	return len < sizeof path ? len : sizeof path - 1;
}

/* Returns 0 when equal, 1 (after a message) at the first difference. */
static int compare(const json_t *a, const json_t *b, size_t len)
{
	char na[80], nb[80];
	size_t i, n;

	path[len] = '\0';
	if (json_typeof(a) != json_typeof(b) &&
	    !(json_is_boolean(a) && json_is_boolean(b)))
		return differ(len, "%s, then %s", type_name(a), type_name(b));
	switch (json_typeof(a)) {
	case JSON_OBJECT: {
		void *ia = json_object_iter((json_t *)a);
		void *ib = json_object_iter((json_t *)b);

		if (json_object_size(a) != json_object_size(b)) {
			snprintf(na, sizeof na, "%zu", json_object_size(a));
			snprintf(nb, sizeof nb, "%zu", json_object_size(b));
			return differ(len, "%s keys, then %s", na, nb);
		}
		for (; ia && ib; ia = json_object_iter_next((json_t *)a, ia),
		                 ib = json_object_iter_next((json_t *)b, ib)) {
			const char *ka = json_object_iter_key(ia);
			const char *kb = json_object_iter_key(ib);
			size_t la = json_object_iter_key_len(ia);

			/* "a\0b" is not "a\0c": the keys' lengths too */
			if (la != json_object_iter_key_len(ib) ||
			    memcmp(ka, kb, la) != 0)
				return differ(len, "key order: \"%s\", then "
				                   "\"%s\"", ka, kb);
			if (compare(json_object_iter_value(ia),
			            json_object_iter_value(ib),
			            append(len, len ? ".%s" : "%s", ka, 0)))
				return 1;
			path[len] = '\0';
		}
		return 0;
	}
	case JSON_ARRAY:
		n = json_array_size(a);
		if (n != json_array_size(b)) {
			snprintf(na, sizeof na, "%zu", n);
			snprintf(nb, sizeof nb, "%zu", json_array_size(b));
			return differ(len, "%s elements, then %s", na, nb);
		}
		for (i = 0; i < n; i++) {
			if (compare(json_array_get(a, i), json_array_get(b, i),
			            append(len, "[%zu]", NULL, i)))
				return 1;
			path[len] = '\0';
		}
		return 0;
	case JSON_STRING:
		if (json_string_length(a) != json_string_length(b) ||
		    memcmp(json_string_value(a), json_string_value(b),
		           json_string_length(a)) != 0) {
			snprintf(na, sizeof na, "\"%.40s\" (%zu bytes)",
			         json_string_value(a), json_string_length(a));
			snprintf(nb, sizeof nb, "\"%.40s\" (%zu bytes)",
			         json_string_value(b), json_string_length(b));
			return differ(len, "%s, then %s", na, nb);
		}
		return 0;
	case JSON_INTEGER:
		if (json_integer_value(a) != json_integer_value(b)) {
			snprintf(na, sizeof na, "%" JSON_INTEGER_FORMAT,
			         json_integer_value(a));
			snprintf(nb, sizeof nb, "%" JSON_INTEGER_FORMAT,
			         json_integer_value(b));
			return differ(len, "%s, then %s", na, nb);
		}
		return 0;
	case JSON_REAL:
		if (json_real_value(a) != json_real_value(b)) {
			snprintf(na, sizeof na, "%.17g", json_real_value(a));
			snprintf(nb, sizeof nb, "%.17g", json_real_value(b));
			return differ(len, "%s, then %s", na, nb);
		}
		return 0;
	case JSON_TRUE:
	case JSON_FALSE:
		if (json_typeof(a) != json_typeof(b))
			return differ(len, "%s, then %s",
			              json_is_true(a) ? "true" : "false",
			              json_is_true(b) ? "true" : "false");
		return 0;
	case JSON_NULL:
		return 0;
	}
	return differ(len, "%s%s", "unknown JSON type", "");
}

static json_t *load(const char *file)
{
	json_error_t je;
	json_t *v = json_load_file(file, JSON_DECODE_ANY | JSON_ALLOW_NUL,
	                           &je);

	if (v == NULL)
		fprintf(stderr, "%s: %s: line %d, column %d: %s\n", prog, file,
		        je.line, je.column, je.text);
	return v;
}

int main(int argc, char **argv)
{
	json_t *a, *b;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: %s A.json B.json\n", prog);
		return 2;
	}
	a = load(argv[1]);
	b = a ? load(argv[2]) : NULL;
	if (b == NULL) {
		json_decref(a);
		return 2;
	}
	rc = compare(a, b, 0);
	json_decref(a);
	json_decref(b);
	return rc;
}
