/*
 * yaml.c - YAML front matter to pandoc metadata, with libyaml, as pandoc's
 * reader makes it (Data.Yaml's scalar rules, then normalizeMetaValue):
 * strings are read by the function the caller hands over (the Markdown
 * reader: as Markdown), YAML 1.1 booleans (yes, on, ...) are MetaBool,
 * null is MetaString "", numbers are text, sequences MetaList and
 * mappings MetaMap with sorted keys (keys ending in `_` dropped).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "yamlmeta.h"

/* Limits against hostile input: nesting, and the values and the text that
 * aliases may expand to (a "billion laughs" document). */
#define MAX_NESTING 200
#define MAX_VALUES 200000
#define MAX_TEXT ((size_t)64 << 20)

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
 * case; the same for false.  1, 0, or -1 for neither. */
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

/* The digits of a hexadecimal or octal number (after its 0x or 0o), in
 * decimal, exact however many, into `digits`; their count in `*e`.  0, or
 * -1 when `p` is not such a number. */
static int based_digits(const char *p, int base, dm_buf *digits,
                        long long *e)
{
	unsigned char dec[64] = {0}; /* little-endian decimal digits */
	size_t used = 1, k;

	for (; *p; p++) {
		int v = (*p >= '0' && *p <= '9')   ? *p - '0'
		        : (*p >= 'a' && *p <= 'f') ? *p - 'a' + 10
		        : (*p >= 'A' && *p <= 'F') ? *p - 'A' + 10
		                                   : 99;
		unsigned carry = (unsigned)v;
		if (v >= base)
			return -1;
		for (k = 0; k < used || carry; k++) {
			unsigned t;
			if (k >= sizeof dec)
				return -1;
			t = dec[k] * (unsigned)base + carry;
			dec[k] = (unsigned char)(t % 10);
			carry = t / 10;
		}
		if (k > used)
			used = k;
	}
	for (k = used; k-- > 0;)
		dm_buf_putc(digits, (char)('0' + dec[k]));
	*e = (long long)used;
	return 0;
}

/* [+-]digits[.digits][e[+-]digits]: all its digits into `digits`, its
 * sign in `*neg` and its exponent in `*e` (the value is 0.DIGITS x
 * 10^e).  0, or -1 when `p` is not such a number. */
static int decimal_digits(const char *p, dm_buf *digits, bool *neg,
                          long long *e)
{
	long long ex = 0;
	bool eneg = false;

	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++, (*e)++)
		dm_buf_putc(digits, *p);
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			dm_buf_putc(digits, *p);
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			eneg = *p++ == '-';
		if (*p < '0' || *p > '9')
			return -1;
		for (; *p >= '0' && *p <= '9'; p++)
			if (ex < 100000000)
				ex = ex * 10 + (*p - '0');
		*e += eneg ? -ex : ex;
	}
	return *p == '\0' ? 0 : -1;
}

/* 0.D x 10^e, `nd` digits at `d` with no zero at either end, as pandoc
 * writes it: an integer that fits in 64 bits in decimal, anything else as
 * Haskell shows a Scientific (1.5, 1.0e-2, 1.2345e8). */
static void show_number(const char *d, size_t nd, long long e, bool neg,
                        dm_buf *out)
{
	bool integral = e >= (long long)nd && e <= 19;
	size_t i;

	if (integral && e == 19) { /* fits in a 64-bit Int? */
		char full[20];
		memset(full, '0', 19);
		memcpy(full, d, nd);
		full[19] = '\0';
		integral = strcmp(full, neg ? "9223372036854775808"
		                            : "9223372036854775807") <= 0;
	}
	if (neg)
		dm_buf_putc(out, '-');
	if (integral) {
		dm_buf_add(out, d, nd);
		for (i = nd; i < (size_t)e; i++)
			dm_buf_putc(out, '0');
	} else if (e < 0 || e > 7) {
		dm_buf_putc(out, d[0]);
		dm_buf_putc(out, '.');
		if (nd == 1)
			dm_buf_putc(out, '0');
		else
			dm_buf_add(out, d + 1, nd - 1);
		dm_buf_printf(out, "e%lld", e - 1);
	} else if (e == 0) {
		dm_buf_puts(out, "0.");
		dm_buf_add(out, d, nd);
	} else { /* 0 < e <= 7 and not integral: e < nd */
		dm_buf_add(out, d, (size_t)e);
		dm_buf_putc(out, '.');
		dm_buf_add(out, d + e, nd - (size_t)e);
	}
}

/* What yaml_number() found. */
enum number { NUMBER_NOMEM = -1, NUMBER_NOT = 0, NUMBER_READ = 1 };

/*
 * A number as Data.Yaml reads one (0x.., 0o.., or [+-]digits[.digits]
 * [e[+-]digits]) written as pandoc writes it (show_number), in `*out`, a
 * new string.
 */
static enum number yaml_number(const char *s, char **out)
{
	dm_buf digits = {0}, text = {0};
	bool neg = false;
	long long e = 0;
	size_t nd, lead;
	int rc;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'o') && s[2] != '\0')
		rc = based_digits(s + 2, s[1] == 'x' ? 16 : 8, &digits, &e);
	else
		rc = decimal_digits(s, &digits, &neg, &e);
	if (rc != 0 || dm_buf_failed(&digits)) {
		dm_buf_free(&digits);
		return rc != 0 ? NUMBER_NOT : NUMBER_NOMEM;
	}
	/* normalise: no leading or trailing zeros */
	nd = digits.len;
	for (lead = 0; lead < nd && digits.data[lead] == '0'; lead++)
		e--;
	while (nd > lead && digits.data[nd - 1] == '0')
		nd--;
	if (lead == nd)
		dm_buf_puts(&text, "0");
	else
		show_number(digits.data + lead, nd - lead, e, neg, &text);
	dm_buf_free(&digits);
	*out = dm_buf_take(&text);
	return *out != NULL ? NUMBER_READ : NUMBER_NOMEM;
}

/* ------------------------------------------------------------------------
 * The event-driven loader
 * ------------------------------------------------------------------------ */

typedef struct loader {
	yaml_parser_t parser;
	int api_minor;
	dmp_yaml_string_fn *read_string;
	size_t first_line;
	dm_error *err;
	json_t *anchors; /* name -> [value, values in it, bytes of text] */
	size_t count;    /* values read, aliases counted in full */
	size_t text;     /* bytes of scalar text, the same way */
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
		return dm_nomem(y->err);
	if (y->parser.context != NULL) {
		char what[256];
		snprintf(what, sizeof what, "%s %s", y->parser.problem,
		         y->parser.context);
		return yaml_error(y, what, &y->parser.problem_mark);
	}
	return yaml_error(y, y->parser.problem ? y->parser.problem : "error",
	                  &y->parser.problem_mark);
}

/* Counts `n` values holding `text` bytes of scalar text as read. */
static int count(loader *y, size_t n, size_t text, const yaml_mark_t *m)
{
	y->count += n;
	y->text += text;
	if (y->count > MAX_VALUES)
		return yaml_error(y, "too many values (aliases expand to "
		                     "more than 200000)", m);
	if (y->text > MAX_TEXT)
		return yaml_error(y, "too much text (aliases expand to more "
		                     "than 64 MB)", m);
	return 0;
}

/*
 * A plain scalar's value when Data.Yaml gives it a type: null (MetaString
 * ""), a boolean, a number (its text read as a string).  Returns false for
 * a string; else true, with the value in `*r` (NULL with y->err set).
 */
static bool typed(loader *y, const char *v, size_t n, json_t **r)
{
	enum number found;
	char *num = NULL;
	int b;

	if (n == 0 || !strcmp(v, "null") || !strcmp(v, "Null") ||
	    !strcmp(v, "NULL") || !strcmp(v, "~")) {
		*r = json_pack("{s:s,s:s}", "t", "MetaString", "c", "");
	} else if ((b = yaml_bool(v)) >= 0) {
		*r = json_pack("{s:s,s:b}", "t", "MetaBool", "c", b);
	} else {
		found = yaml_number(v, &num);
		if (found == NUMBER_NOT)
			return false;
		*r = found == NUMBER_READ
		             ? y->read_string(num, strlen(num), y->api_minor,
		                              y->err)
		             : NULL;
		free(num);
	}
	if (*r == NULL)
		dm_nomem(y->err); /* unless read_string said something */
	return true;
}

static json_t *scalar(loader *y, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	const char *tag = (const char *)ev->data.scalar.tag;
	yaml_scalar_style_t st = ev->data.scalar.style;
	json_t *r;

	if ((st == YAML_PLAIN_SCALAR_STYLE ||
	     st == YAML_LITERAL_SCALAR_STYLE) &&
	    !(tag && strcmp(tag, YAML_STR_TAG) == 0) && strlen(v) == n &&
	    typed(y, v, n, &r))
		return r;
	return y->read_string(v, n, y->api_minor, y->err);
}

static json_t *node(loader *y, yaml_event_t *ev);

/* Keeps value `v` of `n` values and `text` bytes under anchor `name` (may
 * be NULL: none) for its aliases; a later anchor of the same name
 * replaces it.  0 or -1 (out of memory). */
static int keep_anchor(loader *y, const yaml_char_t *name, json_t *v,
                       size_t n, size_t text)
{
	if (name == NULL)
		return 0;
	return json_object_set_new_nocheck(
	        y->anchors, (const char *)name,
	        json_pack("[O,I,I]", v, (json_int_t)n, (json_int_t)text));
}

/* A key of a map (it may hold a NUL: "a\0b" is not "a"), and its value. */
typedef struct entry {
	const char *key;
	size_t len;
	json_t *value;
} entry;

/* Sorts a MetaMap's keys, as pandoc's Data.Map does: by code point (the
 * UTF-8 bytes), a prefix first. */
static int cmp_keys(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	int c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);

	return c ? c : (x->len > y->len) - (x->len < y->len);
}

json_t *dmp_yaml_sorted(json_t *obj)
{
	size_t n = json_object_size(obj), i = 0, len;
	entry *e = malloc((n ? n : 1) * sizeof *e);
	const char *k;
	json_t *v, *out = json_object();

	if (e == NULL || out == NULL) {
		free(e);
		json_decref(out);
		return NULL;
	}
	json_object_keylen_foreach(obj, k, len, v) {
		e[i].key = k;
		e[i].len = len;
		e[i++].value = v;
	}
	qsort(e, n, sizeof *e, cmp_keys);
	for (i = 0; i < n; i++)
		if (json_object_setn(out, e[i].key, e[i].len, e[i].value))
			break;
	free(e);
	if (i < n) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* Adds the entries of object `from` that `to` lacks.  0 or -1. */
static int merge(json_t *to, const json_t *from)
{
	const char *k;
	size_t len;
	json_t *v;

	json_object_keylen_foreach((json_t *)from, k, len, v)
		if (json_object_getn(to, k, len) == NULL &&
		    json_object_setn(to, k, len, v) != 0)
			return -1;
	return 0;
}

/* Adds the maps that merge key `<<` brings (MetaMap `v`, or each of
 * MetaList `v`, all maps) to `*merged`, made when first needed. */
static int merge_key(json_t **merged, const json_t *v)
{
	const json_t *list = dm_content(v);
	size_t i;

	if (*merged == NULL && (*merged = json_object()) == NULL)
		return -1;
	if (dm_type_of(v) == DM_T_META_MAP)
		return merge(*merged, list);
	for (i = 0; i < json_array_size(list); i++)
		if (merge(*merged, dm_content(json_array_get(list, i))) != 0)
			return -1;
	return 0;
}

/* What a merge key `<<` may bring: a map or a list of maps. */
static bool mergeable(const json_t *v)
{
	const json_t *list = dm_content(v);
	size_t i;

	switch (dm_type_of(v)) {
	case DM_T_META_MAP:
		return true;
	case DM_T_META_LIST:
		for (i = 0; i < json_array_size(list); i++)
			if (dm_type_of(json_array_get(list, i)) !=
			    DM_T_META_MAP)
				return false;
		return true;
	default:
		return false;
	}
}

/* One entry of a mapping, from its key event `key` (consumed): the value
 * into `items` under the key, or its maps into `*merged` for a merge key.
 * 0 or -1 (y->err). */
static int map_entry(loader *y, yaml_event_t *key, json_t *items,
                     json_t **merged)
{
	yaml_event_t vev;
	const char *k;
	size_t kl;
	json_t *v;
	int rc;

	if (key->type != YAML_SCALAR_EVENT) {
		yaml_error(y, "a key must be a string", &key->start_mark);
		yaml_event_delete(key);
		return -1;
	}
	k = (const char *)key->data.scalar.value;
	kl = key->data.scalar.length;
	if (next_event(y, &vev) != 0 || (v = node(y, &vev)) == NULL) {
		yaml_event_delete(key);
		return -1;
	}
	if (kl > 0 && k[kl - 1] == '_') { /* pandoc ignores these keys */
		json_decref(v);
		rc = 0;
	} else if (kl == 2 && !strcmp(k, "<<") &&
	           key->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	           mergeable(v)) {
		/* a merge key: its maps' entries, unless set here */
		rc = merge_key(merged, v);
		json_decref(v);
	} else {
		rc = json_object_setn_new(items, k, kl, v);
	}
	yaml_event_delete(key);
	return rc != 0 ? dm_nomem(y->err) : 0;
}

/* The entries of a sequence or mapping, up to its end event, into
 * `items`.  0 or -1 (y->err). */
static int entries(loader *y, bool map, json_t *items, json_t **merged)
{
	yaml_event_t ev;
	json_t *v;

	for (;;) {
		if (next_event(y, &ev) != 0)
			return -1;
		if (ev.type == YAML_SEQUENCE_END_EVENT ||
		    ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			return 0;
		}
		if (map) {
			if (map_entry(y, &ev, items, merged) != 0)
				return -1;
			continue;
		}
		v = node(y, &ev);
		if (v == NULL)
			return -1;
		if (json_array_append_new(items, v) != 0)
			return dm_nomem(y->err);
	}
}

/* A mapping's MetaMap: its entries `items`, then the entries of its merge
 * keys (`merged`, may be NULL) that it lacks, sorted; both stolen.  NULL
 * when out of memory. */
static json_t *meta_map(json_t *items, json_t *merged)
{
	json_t *map = NULL;

	if (merged == NULL || merge(items, merged) == 0)
		map = dmp_yaml_sorted(items);
	json_decref(items);
	json_decref(merged);
	return map ? json_pack("{s:s,s:o}", "t", "MetaMap", "c", map) : NULL;
}

/* A sequence or mapping, from its start event up to its end event. */
static json_t *collection(loader *y, yaml_event_t *start)
{
	bool map = start->type == YAML_MAPPING_START_EVENT;
	json_t *items = map ? json_object() : json_array(), *merged = NULL;
	size_t before = y->count, text = y->text;
	json_t *r;

	if (items == NULL) {
		dm_nomem(y->err);
		return NULL;
	}
	if (++y->depth > MAX_NESTING) {
		yaml_error(y, "nested too deeply", &start->start_mark);
		json_decref(items);
		return NULL;
	}
	if (entries(y, map, items, &merged) != 0) {
		json_decref(items);
		json_decref(merged);
		return NULL;
	}
	y->depth--;
	r = map ? meta_map(items, merged)
	        : json_pack("{s:s,s:o}", "t", "MetaList", "c", items);
	if (r == NULL ||
	    keep_anchor(y, map ? start->data.mapping_start.anchor
	                       : start->data.sequence_start.anchor,
	                r, y->count - before + 1, y->text - text) != 0) {
		json_decref(r);
		dm_nomem(y->err);
		return NULL;
	}
	return r;
}

/* The MetaValue of the node starting with event `ev` (consumed). */
static json_t *node(loader *y, yaml_event_t *ev)
{
	json_t *r = NULL, *a;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (count(y, 1, ev->data.scalar.length, &ev->start_mark) != 0)
			break;
		r = scalar(y, ev);
		if (r != NULL &&
		    keep_anchor(y, ev->data.scalar.anchor, r, 1,
		                ev->data.scalar.length) != 0) {
			json_decref(r);
			r = NULL;
			dm_nomem(y->err);
		}
		break;
	case YAML_ALIAS_EVENT:
		a = json_object_get(y->anchors,
		                    (const char *)ev->data.alias.anchor);
		if (a == NULL) {
			yaml_error(y, "unknown alias", &ev->start_mark);
			break;
		}
		if (count(y, (size_t)json_integer_value(json_array_get(a, 1)),
		          (size_t)json_integer_value(json_array_get(a, 2)),
		          &ev->start_mark) != 0)
			break;
		r = dmp_json_copy(json_array_get(a, 0));
		if (r == NULL)
			dm_nomem(y->err);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (count(y, 1, 0, &ev->start_mark) != 0)
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

/* ------------------------------------------------------------------------
 * The stream
 * ------------------------------------------------------------------------ */

/* The value of the YAML stream's document into `*root` (NULL for an
 * empty stream; `*map` when it is a mapping), the rest of the stream
 * parsed too.  0 or -1 (y->err). */
static int read_stream(loader *y, json_t **root, bool *map)
{
	yaml_event_t ev;

	*root = NULL;
	/* stream start, then a document or the end of the stream */
	if (next_event(y, &ev) != 0)
		return -1;
	yaml_event_delete(&ev);
	if (next_event(y, &ev) != 0)
		return -1;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		return 0;
	}
	yaml_event_delete(&ev); /* document start */
	if (next_event(y, &ev) != 0)
		return -1;
	*map = ev.type == YAML_MAPPING_START_EVENT;
	*root = node(y, &ev);
	if (*root == NULL)
		return -1;
	for (;;) {
		if (next_event(y, &ev) != 0) {
			json_decref(*root);
			*root = NULL;
			return -1;
		}
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			return 0;
		}
		yaml_event_delete(&ev);
	}
}

json_t *dmp_yaml_meta(const char *text, size_t len, size_t first_line,
                      int api_minor, dmp_yaml_string_fn *read_string,
                      bool *not_map, dm_error *err)
{
	loader y;
	json_t *root = NULL, *meta = NULL;
	bool map = false;

	memset(&y, 0, sizeof y);
	y.api_minor = api_minor;
	y.read_string = read_string;
	y.first_line = first_line;
	y.err = err;
	*not_map = false;
	y.anchors = json_object();
	if (y.anchors == NULL || !yaml_parser_initialize(&y.parser)) {
		json_decref(y.anchors);
		dm_nomem(err);
		return NULL;
	}
	yaml_parser_set_input_string(&y.parser, (const unsigned char *)text,
	                             len);
	if (read_stream(&y, &root, &map) == 0) {
		if (map)
			meta = json_incref(json_object_get(root, "c"));
		else if (root == NULL ||
		         (dm_type_of(root) == DM_T_META_STRING &&
		          json_string_length(dm_content(root)) == 0))
			meta = json_object(); /* empty, null, only comments */
		else
			*not_map = true; /* pandoc reads it all as Markdown */
	}
	if (meta == NULL && !*not_map)
		dm_nomem(err); /* unless something else was said */
	json_decref(root);
	json_decref(y.anchors);
	yaml_parser_delete(&y.parser);
	return meta;
}
