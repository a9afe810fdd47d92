/*
 * buf.c - a growable, NUL-terminated byte buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int reserve(dm_buf *b, size_t extra)
{
	size_t need, cap;
	char *data;

	if (b->failed)
		return -1;
	if (extra > (size_t)-1 - b->len - 1)
		goto fail;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	data = realloc(b->data, cap);
	if (data == NULL)
		goto fail;
	b->data = data;
	b->cap = cap;
	return 0;
fail:
	b->failed = true;
	dmp_nomem_note();
	return -1;
}

int dm_buf_add(dm_buf *b, const char *s, size_t n)
{
	if ((b->failed || n >= b->cap - b->len) && reserve(b, n) != 0)
		return -1;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int dm_buf_puts(dm_buf *b, const char *s)
{
	return dm_buf_add(b, s, strlen(s));
}

int dm_buf_putc(dm_buf *b, char c)
{
	if (b->failed || b->cap - b->len < 2) /* no room for it and a NUL */
		return dm_buf_add(b, &c, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
	return 0;
}

int dm_buf_printf(dm_buf *b, const char *fmt, ...)
{
	size_t room = b->failed ? 0 : b->cap - b->len;
	va_list ap;
	int n;

	/* Formatted once when it fits in the room left, else measured by
	 * that try and formatted again after the buffer grew. */
	va_start(ap, fmt);
	n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < room) {
		b->len += (size_t)n;
		return 0;
	}
	if (room)
		b->data[b->len] = '\0'; /* what the try cut short */
	if (n < 0) {
		b->failed = true;
		return -1;
	}
	if (reserve(b, (size_t)n) != 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

bool dm_buf_failed(const dm_buf *b)
{
	return b->failed;
}

const char *dm_buf_str(const dm_buf *b)
{
	return b->data ? b->data : "";
}

char *dm_buf_take(dm_buf *b)
{
	char *s = b->data;

	if (b->failed) {
		free(s);
		s = NULL;
	} else if (s == NULL) {
		s = calloc(1, 1);
	}
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = false;
	return s;
}

void dm_buf_free(dm_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}
