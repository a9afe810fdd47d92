/*
 * replay.c - runs a fuzz target over files, for compilers without
 * libFuzzer: `fuzz-TARGET FILE...`.  Names each file on standard error
 * before it runs (so the last name there is the input of a crash), then
 * prints the count; a crash, a sanitizer report or a broken invariant
 * ends it with a non-zero status.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

/* The bytes of file `path` in *buf (malloc'd) and *len; 0 or -1. */
static int slurp(const char *path, uint8_t **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 0, n;

	*buf = NULL;
	*len = 0;
	if (f == NULL) {
		perror(path);
		return -1;
	}
	do {
		if (*len == cap) {
			uint8_t *p = realloc(*buf, cap = cap ? cap * 2 : 65536);
			if (p == NULL) {
				fprintf(stderr, "fuzz-replay: out of memory\n");
				fclose(f);
				return -1;
			}
			*buf = p;
		}
		n = fread(*buf + *len, 1, cap - *len, f);
		*len += n;
	} while (n > 0);
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		uint8_t *buf;
		size_t len;

		if (slurp(argv[i], &buf, &len) != 0) {
			free(buf);
			return 1;
		}
		fprintf(stderr, "fuzz-replay: %s\n", argv[i]);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
	}
	printf("%s: %d inputs, no crash, no broken invariant\n", argv[0],
	       argc - 1);
	return 0;
}
