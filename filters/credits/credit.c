/*
 * credit.c - one credit: freeing it, lists of them, what Unsplash's
 * attribution guideline asks of it, and writing it as inlines, for the
 * footer ("Photo by NAME on SOURCE (LICENSE)") or for a figure's caption
 * ("Photo: NAME / SOURCE").
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "credits.h"
#include "render.h"
#include "words.h"

#define UNSPLASH "https://unsplash.com/"

void cr_credit_free(credit *c)
{
	json_decref(c->role);
	json_decref(c->name);
	json_decref(c->source);
	json_decref(c->license);
	json_decref(c->raw);
	json_decref(c->blocks);
	free(c->url);
	free(c->source_url);
	free(c->license_url);
	free(c->by);
	free(c->conn);
	free(c->image);
	free(c->year);
	memset(c, 0, sizeof *c);
}

int cr_list_add(credit_list *l, credit *c, dm_error *err)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		credit *v = realloc(l->v, cap * sizeof *v);
		if (v == NULL) {
			cr_credit_free(c);
			return dm_nomem(err);
		}
		l->v = v;
		l->cap = cap;
	}
	c->seq = l->n;
	l->v[l->n++] = *c;
	memset(c, 0, sizeof *c);
	return 0;
}

void cr_list_free(credit_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		cr_credit_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------------
 * Unsplash
 * ------------------------------------------------------------------------ */

bool cr_unsplash_url(const char *url)
{
	size_t n;

	if (url == NULL)
		return false;
	if (strncmp(url, "https://", 8) == 0)
		url += 8;
	else if (strncmp(url, "http://", 7) == 0)
		url += 7;
	else
		return false;
	if (strncasecmp(url, "www.", 4) == 0)
		url += 4;
	n = strlen("unsplash.com");
	return strncasecmp(url, "unsplash.com", n) == 0 &&
	       strchr("/?#", url[n]) != NULL; /* also the final NUL */
}

cr_found cr_unsplash(const credit *c)
{
	dm_text_match m;

	if (cr_unsplash_url(c->source_url))
		return CR_FOUND;
	if (c->source == NULL)
		return CR_NONE;
	if ((m = dm_text_is(c->source, "unsplash")) == DM_TEXT_DIFFERS)
		m = dm_text_is(c->source, "unsplash.com");
	return m == DM_TEXT_NOMEM ? CR_NOMEM
	       : m == DM_TEXT_MATCHES ? CR_FOUND : CR_NONE;
}

int cr_unsplash_defaults(const dmf_credits *cr, credit *c)
{
	cr_found u;

	if (c->source == NULL && cr_unsplash_url(c->url) &&
	    (c->source = dm_text("Unsplash")) == NULL)
		return -1;
	if (c->role != NULL || (u = cr_unsplash(c)) == CR_NONE)
		return 0;
	if (u == CR_NOMEM || (c->role = dm_text(cr->say[CR_SAY_PHOTO])) == NULL)
		return -1;
	return 0;
}

/* `url` with Unsplash's referral parameters when it points to Unsplash and
 * has none yet.  Returns a new string, or NULL when out of memory. */
static char *referral(const dmf_credits *cr, const char *url)
{
	const char *params[] = {"utm_source", cr->utm_source, "utm_medium",
	                        cr->utm_medium};

	if (!cr_unsplash_url(url) || !cr->utm_source[0] ||
	    strstr(url, "utm_source=") != NULL)
		return strdup(url);
	return dm_url_add_params(url, params, 2);
}

/* The link of a credit's source: its own, or Unsplash's home page. */
static const char *source_url(const credit *c, bool unsplash)
{
	return c->source_url ? c->source_url : unsplash ? UNSPLASH : NULL;
}

/* ------------------------------------------------------------------------
 * Writing a credit.  Each add_ function appends to `out` and returns 0, or
 * -1 when out of memory.
 * ------------------------------------------------------------------------ */

/* Appends deep copies of the nodes of `list`. */
static int add_copies(json_t *out, const json_t *list)
{
	json_t *copy = json_deep_copy(list);
	int rc = copy ? json_array_extend(out, copy) : -1;

	json_decref(copy);
	return rc;
}

/* Appends copies of `inlines`, inside a link to `url` (with the referral
 * when it is Unsplash's) unless `url` is NULL or they hold one. */
static int add_linked(const dmf_credits *cr, json_t *out,
                      const json_t *inlines, const char *url)
{
	json_t *copy;
	char *u;
	int rc;

	if (url == NULL || !url[0] || dm_inlines_have_link(inlines))
		return add_copies(out, inlines);
	if ((copy = json_deep_copy(inlines)) == NULL)
		return -1;
	if ((u = referral(cr, url)) == NULL) {
		json_decref(copy);
		return -1;
	}
	rc = dm_append(out, dm_link(dm_attr(NULL), copy, u, NULL));
	free(u);
	return rc;
}

/* Appends Space, the word `w`, Space. */
static int add_word(json_t *out, const char *w)
{
	return dm_append(out, dm_space()) || dm_append(out, dm_str(w)) ||
	       dm_append(out, dm_space());
}

/* Appends copies of `role` with `suffix` joined to its last word. */
static int add_role(json_t *out, const json_t *role, const char *suffix)
{
	const json_t *last = json_array_get(role, json_array_size(role) - 1);
	size_t i, n = json_array_size(role);
	dm_buf b = {0};
	int rc;

	if (n == 0 || dm_type_of(last) != DM_T_STR)
		return dm_append(out, dm_str(suffix));
	for (i = 0; i + 1 < n; i++)
		if (dm_append(out, json_deep_copy(json_array_get(role, i))))
			return -1;
	dm_buf_puts(&b, json_string_value(dm_content(last)));
	dm_buf_puts(&b, suffix);
	rc = dm_buf_failed(&b) ? -1 : dm_append(out, dm_str(dm_buf_str(&b)));
	dm_buf_free(&b);
	return rc;
}

/* "© YEAR " before the name, as written: 0, or -1. */
static int add_copyright(json_t *out, const credit *c)
{
	if (!c->copyright)
		return 0;
	return dm_append(out, dm_str("\xc2\xa9")) ||
	       dm_append(out, dm_space()) ||
	       (c->year && (dm_append(out, dm_str(c->year)) ||
	                    dm_append(out, dm_space())));
}

/* NAME CONN SOURCE, or SOURCE CONN NAME as written ("AP Photo/NAME"):
 * each there when known, the connector as written ("/" without spaces
 * when tight), else `conn`. */
static int add_names(const dmf_credits *cr, json_t *out, const credit *c,
                     bool unsplash, const char *conn)
{
	const json_t *first = c->source_first ? c->source : c->name;
	const json_t *second = c->source_first ? c->name : c->source;
	const char *u1 = c->source_first ? source_url(c, unsplash) : c->url;
	const char *u2 = c->source_first ? c->url : source_url(c, unsplash);

	if (first && add_linked(cr, out, first, u1))
		return -1;
	if (first && second &&
	    (c->tight ? dm_append(out, dm_str(conn)) : add_word(out, conn)))
		return -1;
	return second ? add_linked(cr, out, second, u2) : 0;
}

/* "ROLE by NAME on SOURCE (LICENSE)", "ROLE: © YEAR NAME / SOURCE", each
 * part there when known, the words as written or else the configured
 * ones; `unsplash` when it credits Unsplash. */
static int write_line(const dmf_credits *cr, const credit *c, bool unsplash,
                      json_t *out)
{
	size_t nrole = json_array_size(c->role);
	bool by = c->role && !c->role_colon;
	const char *conn = c->conn;

	if (conn == NULL)
		conn = !by        ? "/"
		       : unsplash ? cr->say[CR_SAY_ON]
		                  : cr->say[CR_SAY_FROM];
	if (c->role_colon && nrole &&
	    (add_role(out, c->role, ":") || dm_append(out, dm_space())))
		return -1;
	if (by && add_copies(out, c->role))
		return -1;
	if (by && c->name &&
	    ((nrole && dm_append(out, dm_space())) ||
	     dm_append(out, dm_str(c->by ? c->by : cr->say[CR_SAY_BY])) ||
	     dm_append(out, dm_space())))
		return -1;
	if (by && !c->name && c->source && nrole && add_word(out, conn))
		return -1; /* "Photo on Unsplash" */
	if (add_copyright(out, c) ||
	    add_names(cr, out, c, unsplash, conn))
		return -1;
	if (c->license && (dm_append(out, dm_space()) ||
	                   dm_append(out, dm_str("(")) ||
	                   add_linked(cr, out, c->license, c->license_url) ||
	                   dm_append(out, dm_str(")"))))
		return -1;
	return 0;
}

/* "Photo: NAME / SOURCE", for a figure's caption. */
static int write_caption(const dmf_credits *cr, const credit *c,
                         bool unsplash, json_t *out)
{
	json_t *def = NULL;
	int rc;

	if (json_array_size(c->role) == 0 &&
	    (def = dm_text(unsplash ? cr->say[CR_SAY_PHOTO]
	                            : cr->say[CR_SAY_IMAGE])) == NULL)
		return -1;
	rc = add_role(out, def ? def : c->role, ":") ||
	     dm_append(out, dm_space()) || add_copyright(out, c) ||
	     add_names(cr, out, c, unsplash, "/");
	json_decref(def);
	return rc;
}

/* A link target that dm_url_is_safe() refuses (javascript:, data:, ...):
 * dm-credits says once per URL that it is not written. */
static void unsafe_url(const dmf_credits *cr, const char *url)
{
	if (cr->warn == NULL || json_object_get(cr->warned, url) != NULL)
		return;
	json_object_set_new(cr->warned, url, json_true()); /* nomem: seen */
	dm_warn(cr->warn, "credit link \"%s\" not written, its text kept "
	        "(a link must be http, https, mailto or relative)", url);
}

/* Takes every Link whose target is unsafe out of `v` (a written credit:
 * its inlines, at any depth), its text left in its place: a credit's link
 * may come from an attribute or the metadata.  0, or -1 (out of memory). */
static int unlink_unsafe(const dmf_credits *cr, json_t *v)
{
	const char *url;
	json_t *el, *text;
	size_t i = 0, k;
	int rc = 0;

	if (json_is_object(v))
		return unlink_unsafe(cr, json_object_get(v, "c"));
	while (rc == 0 && json_is_array(v) && i < json_array_size(v)) {
		el = json_array_get(v, i);
		url = dm_type_of(el) != DM_T_LINK ? NULL
		      : json_string_value(json_array_get(dm_field(el, 2), 0));
		if (url == NULL || dm_url_is_safe(url)) {
			rc = unlink_unsafe(cr, el);
			i++;
			continue;
		}
		unsafe_url(cr, url);
		text = json_incref(dm_field(el, 1));
		json_array_remove(v, i); /* el and url go with it */
		for (k = 0; rc == 0 && k < json_array_size(text); k++)
			rc = json_array_insert(v, i + k,
			                       json_array_get(text, k));
		json_decref(text); /* its text is looked at next */
	}
	return rc;
}

json_t *cr_write(const dmf_credits *cr, const credit *c, bool caption)
{
	json_t *out = json_array();
	cr_found u = c->raw ? CR_NONE : cr_unsplash(c);
	int rc;

	if (out == NULL || u == CR_NOMEM) {
		json_decref(out);
		return NULL;
	}
	if (c->raw)
		rc = add_copies(out, c->raw);
	else if (caption)
		rc = write_caption(cr, c, u == CR_FOUND, out);
	else
		rc = write_line(cr, c, u == CR_FOUND, out);
	if (rc || unlink_unsafe(cr, out)) {
		json_decref(out);
		return NULL;
	}
	return out;
}
