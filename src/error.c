/*
 * error.c - errors the caller owns, and JSON paths for messages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void dm_error_clear(dm_error *err)
{
	err->code = DM_OK;
	err->what[0] = '\0';
	err->where[0] = '\0';
}

int dm_error_set(dm_error *err, dm_error_code code, const char *where,
                 const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || err->code != DM_OK)
		return -1;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->what, sizeof err->what, fmt, ap);
	va_end(ap);
	snprintf(err->where, sizeof err->where, "%s", where ? where : "");
	/* A message cut to fit is cut between characters, not inside one. */
	err->what[dm_utf8_cut(err->what, sizeof err->what - 1)] = '\0';
	err->where[dm_utf8_cut(err->where, sizeof err->where - 1)] = '\0';
	return -1;
}

int dm_nomem(dm_error *err)
{
	return dm_error_set(err, DM_ENOMEM, NULL, "out of memory");
}

bool dm_error_is_set(const dm_error *err)
{
	return err->code != DM_OK;
}

int dm_error_exit_status(const dm_error *err)
{
	switch (err->code) {
	case DM_OK:
		return 0;
	case DM_EUSAGE:
		return 2;
	default:
		return 1;
	}
}

static int grow(dm_path *p)
{
	size_t cap = p->cap ? p->cap * 2 : 64;
	dm_seg *segs = realloc(p->segs, cap * sizeof *segs);

	if (segs == NULL)
		return -1;
	p->segs = segs;
	p->cap = cap;
	return 0;
}

int dmp_path_push_key(dm_path *p, const char *key)
{
	if (p->len == p->cap && grow(p) != 0)
		return -1;
	p->segs[p->len].key = key;
	p->segs[p->len].index = 0;
	if (++p->len > p->deepest)
		p->deepest = p->len;
	return 0;
}

int dmp_path_push_index(dm_path *p, size_t index)
{
	if (p->len == p->cap && grow(p) != 0)
		return -1;
	p->segs[p->len].key = NULL;
	p->segs[p->len].index = index;
	if (++p->len > p->deepest)
		p->deepest = p->len;
	return 0;
}

void dmp_path_free(dm_path *p)
{
	free(p->segs);
	p->segs = NULL;
	p->len = p->cap = 0;
}

/* A key prints bare after a dot when it is a plain word, else as ["..."]. */
static bool plain_key(const char *k)
{
	if (*k == '\0')
		return false;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') ||
		      (*k >= '0' && *k <= '9') || *k == '_' || *k == '-'))
			return false;
	return true;
}

void dmp_segs_format(const char *prefix, const dm_seg *segs, size_t n,
                     char *buf, size_t size)
{
	dm_buf b = {0};
	size_t i;

	if (prefix)
		dm_buf_puts(&b, prefix);
	for (i = 0; i < n && b.len < size; i++) {
		if (segs[i].key == NULL)
			dm_buf_printf(&b, "[%zu]", segs[i].index);
		else if (plain_key(segs[i].key))
			dm_buf_printf(&b, "%s%s", b.len ? "." : "",
			              segs[i].key);
		else
			dm_buf_printf(&b, "[\"%s\"]", segs[i].key);
	}
	snprintf(buf, size, "%s", dm_buf_str(&b));
	dm_buf_free(&b);
}

void dmp_path_format(const dm_path *p, char *buf, size_t size)
{
	dmp_segs_format(p->prefix, p->segs, p->len, buf, size);
}
