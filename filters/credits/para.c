/*
 * para.c - a paragraph of several lines (SoftBreaks, LineBreaks) as credit
 * lines: each line a credit line of its own ("Photo: Jane Doe/Unsplash" and
 * "Map: OSM" on the next line), or a caption whose last lines are ("The
 * harbour at dawn." and "Photo by Ana Ruiz on Unsplash" under it), or,
 * as a paragraph of one line is, the whole of it one credit line (a long
 * line its writer wrapped).  And the last paragraph of an article, whose
 * last sentence may be its credit ("... at dawn. Photo: Kai Berg/Unsplash"):
 * a prefix or a credit phrase after a sentence's end, every credit of it
 * read; the sentences before it stay.  An image's alternative text (a
 * figure's caption) is read so too.
 */
#include <stdlib.h>
#include <string.h>

#include "credits.h"

/* Most inlines of every paragraph are looked at here: first by their
 * size (a break has a tag alone, as a Space has), then by their tag,
 * which is cheaper than their type (a lookup in the table of types). */
static bool is_break(const json_t *x)
{
	return json_object_size(x) == 1 &&
	       (dm_is(x, "SoftBreak") || dm_is(x, "LineBreak"));
}

/* Where the last line of `inlines` starts: 0 for a line alone. */
static size_t last_line(const json_t *inlines)
{
	size_t i;

	for (i = json_array_size(inlines); i > 0; i--)
		if (is_break(json_array_get(inlines, i - 1)))
			return i;
	return 0;
}

/* The line of `inlines` from index `from` to the next break: a new array
 * (sharing its inlines), or NULL when out of memory. */
static json_t *line_at(const json_t *inlines, size_t from)
{
	json_t *line = json_array();
	size_t i;

	for (i = from; line != NULL && i < json_array_size(inlines) &&
	               !is_break(json_array_get(inlines, i));
	     i++)
		if (json_array_append(line, json_array_get(inlines, i)) != 0) {
			json_decref(line);
			return NULL;
		}
	return line;
}

/* The text of the Str a line opens with, inside a leading Strong or
 * Emph too; NULL when it opens with something else. */
static const char *first_str(const json_t *x)
{
	while (dm_type_of(x) == DM_T_STRONG || dm_type_of(x) == DM_T_EMPH)
		x = json_array_get(dm_content(x), 0);
	return dm_type_of(x) == DM_T_STR ? json_string_value(dm_content(x))
	                                 : NULL;
}

/* Whether a line opens with a lower-case letter, as a sentence wrapped
 * over lines goes on ("... the harbour\nphoto by the river"), and a
 * credit line of its own does not. */
static bool opens_low(const json_t *line)
{
	const char *s = first_str(json_array_get(line, 0));

	return s != NULL && *s >= 'a' && *s <= 'z';
}

/* Whether a line whose first inline is `x` cannot be a credit line, told
 * by its first word: most lines are dismissed without a closer look. */
static bool cannot_be(const dmf_credits *cr, const json_t *x)
{
	const char *s = first_str(x);

	return s != NULL && !cr->first[cr_fold_byte(s)] &&
	       !cr_bare_opening(cr, s);
}

/* Whether the line at `from` is a credit line of its own: opening as
 * one, its every credit read (none kept as written).  Its credits are
 * added to `out` when it is not NULL.  1, 0, or -1 with `err` set. */
static int own_line(const dmf_credits *cr, const json_t *inlines,
                    size_t from, int rank, credit_list *out, dm_error *err)
{
	json_t *line;
	credit_list found = {0};
	size_t i;
	int n = 0;

	if (cannot_be(cr, json_array_get(inlines, from)))
		return 0;
	if ((line = line_at(inlines, from)) == NULL)
		return dm_nomem(err);
	if (!opens_low(line))
		n = cr_read_line(cr, line, CR_LINE, rank, &found, err);
	json_decref(line);
	for (i = 0; n > 0 && i < found.n; i++)
		if (found.v[i].raw != NULL)
			n = 0;
	for (i = 0; n > 0 && out != NULL && i < found.n; i++)
		if (cr_list_add(out, &found.v[i], err) != 0)
			n = -1;
	cr_list_free(&found);
	return n < 0 ? -1 : n > 0;
}

/* Reads the lines starting at starts[k..n) into `out`: how many credits,
 * or -1 with `err` set. */
static int read_lines(const dmf_credits *cr, const json_t *inlines,
                      const size_t *starts, size_t k, size_t n, int rank,
                      credit_list *out, dm_error *err)
{
	size_t before = out->n;

	for (; k < n; k++)
		if (own_line(cr, inlines, starts[k], rank, out, err) < 0)
			return -1;
	return (int)(out->n - before);
}

/* The index of each line's first inline into *starts (a new array): how
 * many lines, 0 when out of memory. */
static size_t line_starts(const json_t *inlines, size_t **starts)
{
	size_t i, n = 1;

	for (i = 0; i < json_array_size(inlines); i++)
		n += is_break(json_array_get(inlines, i));
	if ((*starts = malloc(n * sizeof **starts)) == NULL)
		return 0;
	(*starts)[0] = 0;
	for (i = 0, n = 1; i < json_array_size(inlines); i++)
		if (is_break(json_array_get(inlines, i)))
			(*starts)[n++] = i + 1;
	return n;
}

int cr_read_para(const dmf_credits *cr, const json_t *inlines, int rank,
                 credit_list *out, size_t *keep, dm_error *err)
{
	size_t *starts = NULL, n, k, last = last_line(inlines);
	int rc = 0, own = 0;

	*keep = 0;
	/* a line alone, or a last line that is no credit line: the whole */
	if (last == 0 ||
	    (own = own_line(cr, inlines, last, rank, NULL, err)) == 0)
		return cr_read_line(cr, inlines, CR_LINE, rank, out, err);
	if (own < 0 || (n = line_starts(inlines, &starts)) == 0)
		return own < 0 ? -1 : dm_nomem(err);
	/* the lines at the end that are credit lines of their own, the
	 * last one known to be */
	for (k = n - 1; k > 0; k--)
		if ((own = own_line(cr, inlines, starts[k - 1], rank, NULL,
		                    err)) <= 0)
			break;
	if (own < 0)
		rc = -1;
	else if (k > 0) /* the whole a credit line, or a caption above */
		rc = cr_read_line(cr, inlines, CR_LINE, rank, out, err);
	if (rc == 0 && k < n) {
		rc = read_lines(cr, inlines, starts, k, n, rank, out, err);
		*keep = k > 0 ? starts[k] - 1 : 0;
	}
	free(starts);
	return rc;
}

/* ------------------------------------------------------------------------
 * A credit after the last sentence of a paragraph
 * ------------------------------------------------------------------------ */

/* Whether `x` ends a sentence: a Str, or the last of a quote or an
 * emphasis, with '.', '!' or '?' last, or before a closing quote or
 * bracket ("... dawn.)", "... home.”"). */
static bool ends_sentence(const json_t *x)
{
	const char *s;
	size_t n;

	while (dm_type_of(x) != DM_T_STR && dm_node_inlines(x) != NULL)
		x = json_array_get(dm_node_inlines(x),
		                   json_array_size(dm_node_inlines(x)) - 1);
	s = dm_type_of(x) == DM_T_STR ? json_string_value(dm_content(x))
	                              : NULL;
	n = s ? strlen(s) : 0;

	while (n > 1 && (strchr(")]\"'", s[n - 1]) ||
	                 (n > 3 && (unsigned char)s[n - 3] == 0xe2 &&
	                  (unsigned char)s[n - 2] == 0x80 &&
	                  ((unsigned char)s[n - 1] == 0x9d ||
	                   (unsigned char)s[n - 1] == 0x99))))
		n -= s[n - 1] & 0x80 ? 3 : 1;
	return n > 1 && strchr(".!?", s[n - 1]) != NULL;
}

/* Whether every credit of `l` was read (none kept as written) and names
 * someone as a name is written, not in lower case: "Photo: Boats by the
 * pier" in a caption is a description.  -1 when out of memory. */
static int named(const credit_list *l)
{
	size_t i;
	char *t;
	int ok = 1;

	for (i = 0; ok == 1 && i < l->n; i++) {
		if (l->v[i].raw != NULL)
			return 0;
		if (l->v[i].name == NULL)
			continue;
		if ((t = dm_stringify(l->v[i].name)) == NULL)
			return -1;
		ok = !(t[0] >= 'a' && t[0] <= 'z');
		free(t);
	}
	return ok;
}

/* Moves the credits of `from` to `out` when `n` (how many were read) is
 * above 0 and they are named(): how many, or -1 with `err` set. */
static int take_named(credit_list *from, int n, credit_list *out,
                      dm_error *err)
{
	size_t i;

	if (n > 0 && (n = named(from)) < 0)
		n = dm_nomem(err);
	for (i = 0, n = n > 0 ? (int)from->n : n; n > 0 && i < from->n; i++)
		if (cr_list_add(out, &from->v[i], err) != 0)
			n = -1;
	cr_list_free(from);
	return n;
}

int cr_read_tail(const dmf_credits *cr, const json_t *inlines, int rank,
                 credit_list *out, size_t *keep, dm_error *err)
{
	size_t i, from = last_line(inlines);
	credit_list found = {0};
	int n;

	*keep = 0;
	/* the last sentence of the last line that may open a credit line:
	 * a credit line of its own to the end, or none */
	for (i = json_array_size(inlines); i >= from + 3; i--) {
		if (dm_type_of(json_array_get(inlines, i - 2)) != DM_T_SPACE ||
		    !ends_sentence(json_array_get(inlines, i - 3)) ||
		    cannot_be(cr, json_array_get(inlines, i - 1)))
			continue;
		n = own_line(cr, inlines, i - 1, rank, &found, err);
		if ((n = take_named(&found, n, out, err)) > 0)
			*keep = i - 2;
		return n;
	}
	return 0;
}

/* Whether list[j] stands with the credits at the end of an article: a
 * rule, raw code (a placeholder, a comment), a footer, a Credits section
 * taken, a credit line.  1, 0, or -1 with `err` set. */
static int with_credits(const dmf_credits *cr, const json_t *b,
                        dm_error *err)
{
	credit_list found = {0};
	size_t keep;
	int n;

	switch (dm_type_of(b)) {
	case DM_T_HORIZONTAL_RULE:
	case DM_T_RAW_BLOCK:
		return 1;
	case DM_T_DIV:
		return cr_taken(cr, b) ||
		       dm_attr_has_class(dm_node_attr(b), CR_CLASS);
	case DM_T_PARA:
	case DM_T_PLAIN:
		n = cr_read_para(cr, dm_content(b), CR_FROM_BODY, &found, &keep,
		                 err);
		cr_list_free(&found);
		return n < 0 ? -1 : n > 0 && keep == 0;
	default:
		return 0;
	}
}

/* Whether list[j] is the last block of a Credits section taken whole:
 * under the heading before it, or a list under a paragraph "Image
 * credits:"; *start is then where the section starts.  1, 0, or -1 with
 * `err` set. */
static int in_section(const dmf_credits *cr, const json_t *list, size_t j,
                      size_t *start, dm_error *err)
{
	size_t heads[2], k, n = 0, h = j + 1, end, bad;
	int rc;

	while (h > 0 &&
	       dm_type_of(json_array_get(list, h - 1)) != DM_T_HEADER)
		h--;
	if (h > 0)
		heads[n++] = h - 1;
	if (j > 0 && h != j)
		heads[n++] = j - 1;
	for (k = 0; k < n; k++) {
		rc = cr_section_at(cr, list, heads[k], &end, &bad, NULL, err);
		if (rc < 0)
			return -1;
		if (rc > 0 && end == j + 1 && bad == end) {
			*start = heads[k];
			return 1;
		}
	}
	return 0;
}

int cr_last_para(const dmf_credits *cr, const json_t *list,
                 const json_t **last, dm_error *err)
{
	size_t j = json_array_size(list), start;
	const json_t *b;
	int rc;

	*last = NULL;
	while (j > 0) {
		b = json_array_get(list, j - 1);
		if ((rc = with_credits(cr, b, err)) == 0 &&
		    (rc = in_section(cr, list, j - 1, &start, err)) > 0)
			j = start + 1;
		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		j--;
	}
	if (j > 0 && dm_type_of(b) == DM_T_PARA)
		*last = b;
	return 0;
}

int cr_read_alt(const dmf_credits *cr, const json_t *image, credit_list *out,
                dm_error *err)
{
	const json_t *alt = dm_field(image, 1);
	credit_list found = {0};
	size_t keep;
	int n = cr_read_para(cr, alt, CR_FROM_BODY, &found, &keep, err);

	if (n == 0) /* "A pier. Photo: Jane Doe/Unsplash" */
		return cr_read_tail(cr, alt, CR_FROM_BODY, out, &keep, err);
	return take_named(&found, n, out, err);
}
