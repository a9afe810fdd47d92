/*
 * yaml.c - YAML front matter to pandoc metadata, with libyaml, as pandoc's
 * reader makes it (Data.Yaml's scalar rules, then normalizeMetaValue):
 * strings are read as Markdown, YAML 1.1 booleans (yes, on, ...) are
 * MetaBool, null is MetaString "", numbers are text, sequences MetaList
 * and mappings MetaMap with sorted keys (keys ending in `_` dropped).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "md.h"

/* Limits against hostile input: nesting, and the values that aliases may
 * expand to (a "billion laughs" document). */
#define MAX_NESTING 200
#define MAX_VALUES 200000

/* ------------------------------------------------------------------------
 * Finding the front matter
 * ------------------------------------------------------------------------ */

/* Whether the line at `p` is `word` plus spaces or tabs; sets `*next` to
 * the start of the following line. */
static bool line_is(const char *p, const char *end, const char *word,
                    const char **next)
{
	size_t n = strlen(word);

	if ((size_t)(end - p) < n || memcmp(p, word, n) != 0)
		return false;
	for (p += n; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (p < end && *p != '\n')
		return false;
	*next = p < end ? p + 1 : p;
	return true;
}

static bool blank_line(const char *p, const char *end)
{
	for (; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	return p < end && *p == '\n';
}

bool dmp_front_matter(const char *text, size_t len, size_t *yaml_off,
                      size_t *yaml_len, size_t *body_off)
{
	const char *end = text + len, *p, *start, *next;

	if (!line_is(text, end, "---", &p) || p == end || *(p - 1) != '\n' ||
	    blank_line(p, end))
		return false;
	for (start = p; p < end; p = next) {
		if (line_is(p, end, "---", &next) ||
		    line_is(p, end, "...", &next)) {
			*yaml_off = (size_t)(start - text);
			*yaml_len = (size_t)(p - start);
			*body_off = (size_t)(next - text);
			return true;
		}
		next = memchr(p, '\n', (size_t)(end - p));
		if (next == NULL)
			break;
		next++;
	}
	return false;
}

/* ------------------------------------------------------------------------
 * Scalars
 * ------------------------------------------------------------------------ */

static bool one_of(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

/* Data.Yaml: "y", "yes", "on", "true" as written, in upper case or title
 * case; the same for false. */
static int yaml_bool(const char *s)
{
	static const char *const yes[] = {
		"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True",
		"TRUE", NULL
	};
	static const char *const no[] = {
		"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false",
		"False", "FALSE", NULL
	};

	return one_of(s, yes) ? 1 : one_of(s, no) ? 0 : -1;
}

/*
 * A number as Data.Yaml reads one (0x.., 0o.., or [+-]digits[.digits]
 * [e[+-]digits]) written as pandoc writes it: an integer that fits in 64
 * bits in decimal, anything else as Haskell shows a Scientific (1.5,
 * 1.0e-2, 1.2345e8).  Returns a new string, or NULL when `s` is not a
 * number.
 */
static char *yaml_number(const char *s)
{
	dm_buf digits = {0}, out = {0};
	bool neg = false, integral;
	long long e = 0, ex = 0; /* value = 0.DIGITS x 10^e */
	const char *p = s;
	size_t nd, i, lead;
	int ok = -1;

	if ((p[0] == '0' && (p[1] == 'x' || p[1] == 'o')) && p[2] != '\0') {
		/* hexadecimal or octal: exact as a big number in decimal */
		int base = p[1] == 'x' ? 16 : 8;
		unsigned char dec[64] = {0}; /* little-endian decimal digits */
		size_t used = 1, k;

		for (p += 2; *p; p++) {
			int v = (*p >= '0' && *p <= '9')   ? *p - '0'
			        : (*p >= 'a' && *p <= 'f') ? *p - 'a' + 10
			        : (*p >= 'A' && *p <= 'F') ? *p - 'A' + 10
			                                   : 99;
			unsigned carry = (unsigned)v;
			if (v >= base)
				return NULL;
			for (k = 0; k < used || carry; k++) {
				unsigned t;
				if (k >= sizeof dec)
					return NULL;
				t = dec[k] * (unsigned)base + carry;
				dec[k] = (unsigned char)(t % 10);
				carry = t / 10;
			}
			if (k > used)
				used = k;
		}
		for (k = used; k-- > 0;)
			if (dm_buf_putc(&digits, (char)('0' + dec[k])) != 0)
				goto done;
		e = (long long)used;
	} else {
		if (*p == '+' || *p == '-')
			neg = *p++ == '-';
		if (*p < '0' || *p > '9')
			return NULL;
		for (; *p >= '0' && *p <= '9'; p++, e++)
			if (dm_buf_putc(&digits, *p) != 0)
				goto done;
		if (*p == '.')
			for (p++; *p >= '0' && *p <= '9'; p++)
				if (dm_buf_putc(&digits, *p) != 0)
					goto done;
		if (*p == 'e' || *p == 'E') {
			bool eneg = false;
			p++;
			if (*p == '+' || *p == '-')
				eneg = *p++ == '-';
			if (*p < '0' || *p > '9')
				goto done;
			for (; *p >= '0' && *p <= '9'; p++)
				if (ex < 100000000)
					ex = ex * 10 + (*p - '0');
			e += eneg ? -ex : ex;
		}
		if (*p != '\0')
			goto done;
	}
	/* normalise: no leading or trailing zeros */
	nd = digits.len;
	for (lead = 0; lead < nd && digits.data[lead] == '0'; lead++)
		e--;
	while (nd > lead && digits.data[nd - 1] == '0')
		nd--;
	if (lead == nd) { /* zero */
		ok = dm_buf_puts(&out, "0");
		goto done;
	}
	nd -= lead;
	{
		const char *d = digits.data + lead;
		integral = e >= (long long)nd && e <= 19;
		if (integral && e == 19) {
			/* fits in a 64-bit Int? */
			char full[20];
			memset(full, '0', 19);
			memcpy(full, d, nd);
			full[19] = '\0';
			integral =
			        strcmp(full, neg ? "9223372036854775808"
			                         : "9223372036854775807") <= 0;
		}
		if (neg && dm_buf_putc(&out, '-') != 0)
			goto done;
		if (integral) {
			if (dm_buf_add(&out, d, nd) != 0)
				goto done;
			for (i = nd; i < (size_t)e; i++)
				if (dm_buf_putc(&out, '0') != 0)
					goto done;
		} else if (e < 0 || e > 7) {
			if (dm_buf_putc(&out, d[0]) != 0 ||
			    dm_buf_putc(&out, '.') != 0 ||
			    (nd == 1 ? dm_buf_putc(&out, '0')
			             : dm_buf_add(&out, d + 1, nd - 1)) != 0 ||
			    dm_buf_printf(&out, "e%lld", e - 1) != 0)
				goto done;
		} else if (e == 0) {
			if (dm_buf_puts(&out, "0.") != 0 ||
			    dm_buf_add(&out, d, nd) != 0)
				goto done;
		} else {
			/* 0 < e <= 7 and not integral: e < nd */
			if (dm_buf_add(&out, d, (size_t)e) != 0 ||
			    dm_buf_putc(&out, '.') != 0 ||
			    dm_buf_add(&out, d + e, nd - (size_t)e) != 0)
				goto done;
		}
	}
	ok = 0;
done:
	dm_buf_free(&digits);
	if (ok != 0) {
		dm_buf_free(&out);
		return NULL;
	}
	return dm_buf_take(&out);
}

/* ------------------------------------------------------------------------
 * The event-driven loader
 * ------------------------------------------------------------------------ */

typedef struct anchor {
	char *name;
	json_t *value;
	size_t count; /* values in it, charged again for every alias */
} anchor;

typedef struct loader {
	yaml_parser_t parser;
	int api_minor;
	size_t first_line;
	dm_error *err;
	anchor *anchors;
	size_t nanchors;
	size_t count;
	size_t depth;
} loader;

static int yaml_error(loader *y, const char *what, const yaml_mark_t *m)
{
	char where[64];

	snprintf(where, sizeof where, "line %zu, column %zu",
	         m->line + y->first_line, m->column + 1);
	return dm_error_set(y->err, DM_EINPUT, where,
	                    "invalid YAML front matter: %s", what);
}

static int next_event(loader *y, yaml_event_t *ev)
{
	if (yaml_parser_parse(&y->parser, ev))
		return 0;
	if (y->parser.error == YAML_MEMORY_ERROR)
		return dm_error_set(y->err, DM_ENOMEM, NULL, "out of memory");
	if (y->parser.context != NULL) {
		char what[256];
		snprintf(what, sizeof what, "%s %s", y->parser.problem,
		         y->parser.context);
		return yaml_error(y, what, &y->parser.problem_mark);
	}
	return yaml_error(y, y->parser.problem ? y->parser.problem : "error",
	                  &y->parser.problem_mark);
}

static int count(loader *y, size_t n, const yaml_mark_t *m)
{
	y->count += n;
	if (y->count > MAX_VALUES)
		return yaml_error(y, "too many values (aliases expand to "
		                     "more than 200000)", m);
	return 0;
}

static json_t *scalar(loader *y, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	const char *tag = (const char *)ev->data.scalar.tag;
	yaml_scalar_style_t st = ev->data.scalar.style;
	json_t *r;
	char *num;
	int b;

	if ((st == YAML_PLAIN_SCALAR_STYLE ||
	     st == YAML_LITERAL_SCALAR_STYLE) &&
	    !(tag && strcmp(tag, YAML_STR_TAG) == 0) && strlen(v) == n) {
		if (n == 0 || !strcmp(v, "null") || !strcmp(v, "Null") ||
		    !strcmp(v, "NULL") || !strcmp(v, "~"))
			return json_pack("{s:s,s:s}", "t", "MetaString", "c",
			                 "");
		if ((b = yaml_bool(v)) >= 0)
			return json_pack("{s:s,s:b}", "t", "MetaBool", "c", b);
		if ((num = yaml_number(v)) != NULL) {
			r = dmp_md_meta_value(num, strlen(num), y->api_minor,
			                      y->err);
			free(num);
			return r;
		}
	}
	return dmp_md_meta_value(v, n, y->api_minor, y->err);
}

static json_t *node(loader *y, yaml_event_t *ev);

static int keep_anchor(loader *y, const yaml_char_t *name, json_t *v,
                       size_t n)
{
	anchor *a;

	if (name == NULL)
		return 0;
	a = realloc(y->anchors, (y->nanchors + 1) * sizeof *a);
	if (a == NULL)
		return -1;
	y->anchors = a;
	a += y->nanchors;
	a->name = strdup((const char *)name);
	a->value = json_incref(v);
	a->count = n;
	if (a->name == NULL) {
		json_decref(v);
		return -1;
	}
	y->nanchors++;
	return 0;
}

/* Sorts a MetaMap's keys, as pandoc's Data.Map does. */
static int cmp_keys(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static json_t *sorted(json_t *obj)
{
	size_t n = json_object_size(obj), i = 0;
	const char **keys = malloc((n ? n : 1) * sizeof *keys);
	const char *k;
	json_t *v, *out = json_object();

	if (keys == NULL || out == NULL) {
		free(keys);
		json_decref(out);
		return NULL;
	}
	json_object_foreach(obj, k, v)
		keys[i++] = k;
	qsort(keys, n, sizeof *keys, cmp_keys);
	for (i = 0; i < n; i++)
		if (json_object_set(out, keys[i],
		                    json_object_get(obj, keys[i])))
			break;
	free(keys);
	if (i < n) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* Adds the entries of MetaMap `from` that `to` lacks (a merge key). */
static int merge(json_t *to, const json_t *from)
{
	const char *k;
	json_t *v;

	json_object_foreach(dm_content((json_t *)from), k, v)
		if (json_object_get(to, k) == NULL &&
		    json_object_set(to, k, v) != 0)
			return -1;
	return 0;
}

/* The maps a merge key `<<` brings: a map or a list of maps; else false. */
static bool mergeable(const json_t *v)
{
	size_t i;

	if (dm_is(v, "MetaMap"))
		return true;
	if (!dm_is(v, "MetaList"))
		return false;
	for (i = 0; i < json_array_size(dm_content((json_t *)v)); i++)
		if (!dm_is(json_array_get(dm_content((json_t *)v), i),
		           "MetaMap"))
			return false;
	return true;
}

/* A sequence or mapping, from its start event up to its end event. */
static json_t *collection(loader *y, yaml_event_t *start)
{
	bool map = start->type == YAML_MAPPING_START_EVENT;
	yaml_event_t ev, vev;
	json_t *items = map ? json_object() : json_array(), *v, *r = NULL;
	json_t *merged = NULL;
	size_t before = y->count, i;

	if (items == NULL)
		goto nomem;
	if (++y->depth > MAX_NESTING) {
		yaml_error(y, "nested too deeply", &start->start_mark);
		goto fail;
	}
	for (;;) {
		if (next_event(y, &ev) != 0)
			goto fail;
		if (ev.type == YAML_SEQUENCE_END_EVENT ||
		    ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (!map) {
			v = node(y, &ev);
			if (v == NULL || json_array_append_new(items, v) != 0)
				goto fail;
			continue;
		}
		if (ev.type != YAML_SCALAR_EVENT) {
			yaml_error(y, "a key must be a string", &ev.start_mark);
			yaml_event_delete(&ev);
			goto fail;
		}
		if (next_event(y, &vev) != 0) {
			yaml_event_delete(&ev);
			goto fail;
		}
		v = node(y, &vev);
		if (v == NULL) {
			yaml_event_delete(&ev);
			goto fail;
		}
		{
			const char *key = (const char *)ev.data.scalar.value;
			size_t kl = ev.data.scalar.length;
			int rc = 0;
			/* pandoc ignores keys ending in `_` */
			if (kl > 0 && key[kl - 1] == '_') {
				json_decref(v);
			} else if (kl == 2 && !strcmp(key, "<<") &&
			           ev.data.scalar.style ==
			                   YAML_PLAIN_SCALAR_STYLE &&
			           mergeable(v)) {
				/* a merge key: its maps' entries, unless set
				 * here */
				if (merged == NULL &&
				    (merged = json_object()) == NULL)
					rc = -1;
				else if (dm_is(v, "MetaMap"))
					rc = merge(merged, v);
				else
					for (i = 0;
					     rc == 0 &&
					     i < json_array_size(dm_content(v));
					     i++)
						rc = merge(
						        merged,
						        json_array_get(
						                dm_content(v),
						                i));
				json_decref(v);
			} else {
				rc = json_object_setn_new(items, key, kl, v);
			}
			yaml_event_delete(&ev);
			if (rc != 0)
				goto fail;
		}
	}
	y->depth--;
	if (merged != NULL) {
		const char *k;
		json_object_foreach(merged, k, v)
			if (json_object_get(items, k) == NULL &&
			    json_object_set(items, k, v) != 0)
				goto nomem;
		json_decref(merged);
		merged = NULL;
	}
	if (map) {
		v = sorted(items);
		json_decref(items);
		items = v;
		if (items == NULL)
			goto nomem;
		r = json_pack("{s:s,s:o}", "t", "MetaMap", "c", items);
	} else {
		r = json_pack("{s:s,s:o}", "t", "MetaList", "c", items);
	}
	items = NULL;
	if (r == NULL)
		goto nomem;
	if (keep_anchor(y, map ? start->data.mapping_start.anchor
	                       : start->data.sequence_start.anchor,
	                r, y->count - before + 1) != 0) {
		json_decref(r);
		goto nomem;
	}
	return r;
nomem:
	dm_error_set(y->err, DM_ENOMEM, NULL, "out of memory");
fail:
	json_decref(items);
	json_decref(merged);
	return NULL;
}

/* The MetaValue of the node starting with event `ev` (consumed). */
static json_t *node(loader *y, yaml_event_t *ev)
{
	json_t *r = NULL;
	size_t i;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (count(y, 1, &ev->start_mark) != 0)
			break;
		r = scalar(y, ev);
		if (r != NULL &&
		    keep_anchor(y, ev->data.scalar.anchor, r, 1) != 0) {
			json_decref(r);
			r = NULL;
			dm_error_set(y->err, DM_ENOMEM, NULL, "out of memory");
		}
		break;
	case YAML_ALIAS_EVENT:
		for (i = y->nanchors; i-- > 0;)
			if (strcmp(y->anchors[i].name,
			           (const char *)ev->data.alias.anchor) == 0)
				break;
		if (i == (size_t)-1) {
			yaml_error(y, "unknown alias", &ev->start_mark);
			break;
		}
		if (count(y, y->anchors[i].count, &ev->start_mark) != 0)
			break;
		r = json_deep_copy(y->anchors[i].value);
		if (r == NULL)
			dm_error_set(y->err, DM_ENOMEM, NULL, "out of memory");
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (count(y, 1, &ev->start_mark) != 0)
			break;
		r = collection(y, ev);
		break;
	default:
		yaml_error(y, "unexpected event", &ev->start_mark);
		break;
	}
	yaml_event_delete(ev);
	return r;
}

json_t *dmp_yaml_meta(const char *text, size_t len, size_t first_line,
                      int api_minor, bool *not_map, dm_error *err)
{
	loader y;
	yaml_event_t ev;
	json_t *root = NULL, *meta = NULL;
	bool map;
	size_t i;

	memset(&y, 0, sizeof y);
	y.api_minor = api_minor;
	y.first_line = first_line;
	y.err = err;
	*not_map = false;
	if (!yaml_parser_initialize(&y.parser)) {
		dm_error_set(err, DM_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	yaml_parser_set_input_string(&y.parser, (const unsigned char *)text,
	                             len);
	/* stream start, then a document or the end of the stream */
	if (next_event(&y, &ev) != 0)
		goto done;
	yaml_event_delete(&ev);
	if (next_event(&y, &ev) != 0)
		goto done;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		meta = json_object();
		goto done;
	}
	yaml_event_delete(&ev); /* document start */
	if (next_event(&y, &ev) != 0)
		goto done;
	map = ev.type == YAML_MAPPING_START_EVENT;
	root = node(&y, &ev);
	if (root == NULL)
		goto done;
	/* the rest of the stream must parse too */
	for (;;) {
		if (next_event(&y, &ev) != 0) {
			json_decref(root);
			root = NULL;
			goto done;
		}
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		yaml_event_delete(&ev);
	}
	if (map)
		meta = json_incref(json_object_get(root, "c"));
	else if (dm_is(root, "MetaString") &&
	         json_string_length(dm_content(root)) == 0)
		meta = json_object(); /* null, or only comments */
	else
		*not_map = true; /* pandoc reads it all as Markdown then */
done:
	json_decref(root);
	for (i = 0; i < y.nanchors; i++) {
		free(y.anchors[i].name);
		json_decref(y.anchors[i].value);
	}
	free(y.anchors);
	yaml_parser_delete(&y.parser);
	return meta;
}
