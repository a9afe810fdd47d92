/*
 * naive.c - the floor the filters are measured against: jansson's own load
 * and dump of the same document, as a filter author writes it first.
 *
 *   naive        json_loadf(stdin) + json_dumpf(stdout)
 *   naive -b     read stdin into memory, json_loadb + json_dumps + fwrite
 *                (what a careful author writes second)
 *
 * No validation, no walking: this is the cost of the JSON alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

static int fail(const char *what)
{
	fprintf(stderr, "naive: %s\n", what);
	return 1;
}

/* Reads all of stdin into a new buffer. */
static char *slurp(size_t *len)
{
	size_t cap = 1 << 16, n = 0, r;
	char *buf = malloc(cap), *p;

	while (buf) {
		r = fread(buf + n, 1, cap - n, stdin);
		n += r;
		if (n < cap) {
			if (ferror(stdin)) {
				free(buf);
				return NULL;
			}
			*len = n;
			return buf;
		}
		p = realloc(buf, cap * 2);
		if (p == NULL)
			free(buf);
		buf = p;
		cap *= 2;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	json_error_t je;
	json_t *root;
	char *in, *out;
	size_t len;

	if (argc > 1 && strcmp(argv[1], "-b") == 0) {
		in = slurp(&len);
		if (in == NULL)
			return fail("cannot read input");
		root = json_loadb(in, len, JSON_ALLOW_NUL, &je);
		free(in);
		if (root == NULL)
			return fail(je.text);
		out = json_dumps(root, JSON_COMPACT);
		if (out == NULL)
			return fail("out of memory");
		len = strlen(out);
		if (fwrite(out, 1, len, stdout) != len)
			return fail("cannot write output");
		free(out);
	} else {
		root = json_loadf(stdin, JSON_ALLOW_NUL, &je);
		if (root == NULL)
			return fail(je.text);
		if (json_dumpf(root, stdout, JSON_COMPACT) != 0)
			return fail("cannot write output");
	}
	json_decref(root);
	if (fflush(stdout) != 0 || ferror(stdout))
		return fail("cannot write output");
	return 0;
}
