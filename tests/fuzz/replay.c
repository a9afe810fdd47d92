/*
 * replay.c - runs the fuzz target over files, for compilers without
 * libFuzzer: `fuzz-replay FILE...`.  Prints the count; a crash or a
 * sanitizer report ends it with a non-zero status.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t *buf = NULL;
		size_t len = 0, cap = 0, n;

		if (f == NULL) {
			perror(argv[i]);
			return 1;
		}
		do {
			if (len == cap) {
				uint8_t *p = realloc(buf, cap = cap ? cap * 2
				                                    : 65536);
				if (p == NULL) {
					fprintf(stderr, "fuzz-replay: out of "
					                "memory\n");
					return 1;
				}
				buf = p;
			}
			n = fread(buf + len, 1, cap - len, f);
			len += n;
		} while (n > 0);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
	}
	printf("fuzz-replay: %d inputs, no crash\n", argc - 1);
	return 0;
}
