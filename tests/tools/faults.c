/*
 * faults.c - an LD_PRELOAD shim that makes reads and writes misbehave, so
 * the error paths and retry loops of a program are tested (after jq's
 * src/inject_errors.c).
 *
 *   DM_FAULT=MODE LD_PRELOAD=build/faults.so build/dm ...
 *
 * Only standard input (fd 0) and standard output (fd 1) are touched, so
 * messages on standard error still get out.  MODE is one of
 *
 *   read-short   read() returns at most 100 bytes at a time
 *   read-eintr   every other read() fails with EINTR
 *   read-eio     read() fails with EIO once 100 bytes have been read
 *   write-short  write() writes at most 100 bytes at a time
 *   write-eintr  every other write() fails with EINTR
 *   write-eio    write() fails with EIO once 100 bytes have been written
 *   write-zero   write() returns 0 (writes nothing, reports no error)
 *   close-eio    close(1) closes, then fails with EIO (as NFS may)
 *
 * When DM_FAULT_LOADED names a file, the shim creates it on loading, so a
 * test can tell that the shim is in effect.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

enum { CHUNK = 100 };

static ssize_t (*real_read)(int, void *, size_t);
static ssize_t (*real_write)(int, const void *, size_t);
static int (*real_close)(int);
static const char *mode = "";
static size_t done_in, done_out;
static unsigned calls_in, calls_out;

__attribute__((constructor)) static void faults_init(void)
{
	const char *m = getenv("DM_FAULT");
	const char *loaded = getenv("DM_FAULT_LOADED");

	real_read = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
	real_write = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT,
	                                                           "write");
	real_close = (int (*)(int))dlsym(RTLD_NEXT, "close");
	if (m != NULL)
		mode = m;
	if (loaded != NULL && *loaded != '\0') {
		int fd = open(loaded, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (fd >= 0)
			real_close(fd);
	}
}

ssize_t read(int fd, void *buf, size_t n)
{
	ssize_t r;

	if (fd != 0)
		return real_read(fd, buf, n);
	if (strcmp(mode, "read-eintr") == 0 && calls_in++ % 2 == 0) {
		errno = EINTR;
		return -1;
	}
	if (strcmp(mode, "read-eio") == 0 && done_in >= CHUNK) {
		errno = EIO;
		return -1;
	}
	if ((strcmp(mode, "read-short") == 0 ||
	     strcmp(mode, "read-eio") == 0) && n > CHUNK)
		n = CHUNK;
	r = real_read(fd, buf, n);
	if (r > 0)
		done_in += (size_t)r;
	return r;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	ssize_t r;

	if (fd != 1)
		return real_write(fd, buf, n);
	if (strcmp(mode, "write-eintr") == 0 && calls_out++ % 2 == 0) {
		errno = EINTR;
		return -1;
	}
	if (strcmp(mode, "write-eio") == 0 && done_out >= CHUNK) {
		errno = EIO;
		return -1;
	}
	if (strcmp(mode, "write-zero") == 0)
		return 0;
	if ((strcmp(mode, "write-short") == 0 ||
	     strcmp(mode, "write-eio") == 0) && n > CHUNK)
		n = CHUNK;
	r = real_write(fd, buf, n);
	if (r > 0)
		done_out += (size_t)r;
	return r;
}

int close(int fd)
{
	int r = real_close(fd);

	if (fd == 1 && r == 0 && strcmp(mode, "close-eio") == 0) {
		errno = EIO;
		return -1;
	}
	return r;
}
