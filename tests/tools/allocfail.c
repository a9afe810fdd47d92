/*
 * allocfail.c - an LD_PRELOAD shim that makes one allocation fail, so that
 * every out-of-memory path of a program is tested (tests/alloc.sh sweeps
 * it over each allocation of a run).
 *
 *   DM_ALLOC_FAIL=N LD_PRELOAD=build/allocfail.so build/dm ...
 *       the Nth call of malloc, calloc or realloc (counting from 1)
 *       returns NULL; every other call succeeds
 *   DM_ALLOC_COUNT=FILE LD_PRELOAD=build/allocfail.so build/dm ...
 *       writes the number of calls made to FILE at exit
 *
 * It allocates through glibc's own __libc_* functions, so it needs no
 * dlsym() (which itself allocates) and works from the first call.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static unsigned long calls, fail_at;
static const char *count_file;

__attribute__((constructor)) static void allocfail_init(void)
{
	const char *n = getenv("DM_ALLOC_FAIL");

	if (n != NULL)
		fail_at = strtoul(n, NULL, 10);
	count_file = getenv("DM_ALLOC_COUNT");
}

__attribute__((destructor)) static void allocfail_fini(void)
{
	char line[32];
	int fd, n;

	if (count_file == NULL || *count_file == '\0')
		return;
	fd = open(count_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return;
	n = snprintf(line, sizeof line, "%lu\n", calls);
	if (write(fd, line, (size_t)n) != n)
		n = 0;
	close(fd);
}

/* True when this call is the one to fail. */
static int fails(void)
{
	return ++calls == fail_at;
}

void *malloc(size_t n)
{
	return fails() ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
	return fails() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
	return fails() ? NULL : __libc_realloc(p, n);
}
