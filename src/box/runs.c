/*
 * runs.c - small print for Word: the text of blocks as raw OpenXML runs
 * of a given size (see draw.h).  Pandoc's docx writer sets every run in
 * its paragraph style's size, and no filter can define a style; a run of
 * our own can say its size.  Emphasis, strong, underline, strike-out,
 * super- and subscript, small capitals and code carry over as run
 * properties; a link stays pandoc's (Word needs the relationship pandoc
 * writes for it) around runs of ours; what has no text of its own (an
 * image, a note, math, a citation, raw code) is left to pandoc as it is.
 */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "box/draw.h"
#include "internal.h"

enum {
	R_BOLD = 1 << 0,
	R_ITALIC = 1 << 1,
	R_UNDER = 1 << 2,
	R_STRIKE = 1 << 3,
	R_SUPER = 1 << 4,
	R_SUB = 1 << 5,
	R_CAPS = 1 << 6,
	R_CODE = 1 << 7,
	R_LINK = 1 << 8
};

typedef struct runs {
	unsigned size; /* half points */
	json_t *out;   /* the inlines made */
} runs;

/* A run of `text` with properties `p` appended as a RawInline. */
static int run(const runs *r, unsigned p, const char *text)
{
	dm_buf o = {0};
	int rc;

	dm_buf_puts(&o, "<w:r><w:rPr>");
	if (p & R_CODE)
		dm_buf_puts(&o, "<w:rFonts w:ascii=\"Courier New\" "
		                "w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>");
	dm_buf_puts(&o, p & R_BOLD ? "<w:b/><w:bCs/>" : "");
	dm_buf_puts(&o, p & R_ITALIC ? "<w:i/><w:iCs/>" : "");
	dm_buf_puts(&o, p & R_CAPS ? "<w:smallCaps/>" : "");
	dm_buf_puts(&o, p & R_STRIKE ? "<w:strike/>" : "");
	dm_buf_puts(&o, p & R_LINK ? "<w:color w:val=\"1F5FAD\"/>" : "");
	dm_buf_printf(&o, "<w:sz w:val=\"%u\"/><w:szCs w:val=\"%u\"/>",
	              r->size, r->size);
	dm_buf_puts(&o, p & (R_UNDER | R_LINK) ? "<w:u w:val=\"single\"/>" : "");
	if (p & (R_SUPER | R_SUB))
		dm_buf_printf(&o, "<w:vertAlign w:val=\"%s\"/>",
		              p & R_SUPER ? "superscript" : "subscript");
	dm_buf_puts(&o, "</w:rPr>");
	if (text == NULL) {
		dm_buf_puts(&o, "<w:br/>");
	} else {
		dm_buf_puts(&o, "<w:t xml:space=\"preserve\">");
		dm_xml_escape(&o, text);
		dm_buf_puts(&o, "</w:t>");
	}
	dm_buf_puts(&o, "</w:r>");
	rc = dm_buf_failed(&o) ||
	     dm_append(r->out, dm_raw_inline("openxml", dm_buf_str(&o)));
	dm_buf_free(&o);
	return rc ? -1 : 0;
}

static int inlines(const runs *r, unsigned p, const json_t *in);

/* A node kept (a Span, a Link), its inlines (field `field`) made runs
 * with `p`. */
static int keep_around(const runs *r, unsigned p, const json_t *node,
                       size_t field)
{
	json_t *copy = json_deep_copy(node), *inner = json_array();
	runs sub = {r->size, inner};
	json_t *c = dm_content(copy);
	int rc = copy == NULL || inner == NULL ||
	         inlines(&sub, p, json_array_get(c, field)) ||
	         json_array_set(c, field, inner) ||
	         dm_append(r->out, json_incref(copy));

	json_decref(inner);
	json_decref(copy);
	return rc ? -1 : 0;
}

/* Quoted: the marks as runs around its inlines. */
static int quoted(const runs *r, unsigned p, const json_t *c)
{
	bool dq = dm_is(json_array_get(c, 0), "DoubleQuote");

	return run(r, p, dq ? "\u201c" : "\u2018") ||
	       inlines(r, p, json_array_get(c, 1)) ||
	       run(r, p, dq ? "\u201d" : "\u2019") ? -1 : 0;
}

static int one(const runs *r, unsigned p, const json_t *node)
{
	const json_t *c = dm_content(node);

	switch (dm_type_of(node)) {
	case DM_T_STR:
		return run(r, p, json_string_value(c));
	case DM_T_SPACE:
	case DM_T_SOFT_BREAK:
		return run(r, p, " ");
	case DM_T_LINE_BREAK:
		return run(r, p, NULL);
	case DM_T_EMPH:
		return inlines(r, p | R_ITALIC, c);
	case DM_T_STRONG:
		return inlines(r, p | R_BOLD, c);
	case DM_T_UNDERLINE:
		return inlines(r, p | R_UNDER, c);
	case DM_T_STRIKEOUT:
		return inlines(r, p | R_STRIKE, c);
	case DM_T_SUPERSCRIPT:
		return inlines(r, p | R_SUPER, c);
	case DM_T_SUBSCRIPT:
		return inlines(r, p | R_SUB, c);
	case DM_T_SMALL_CAPS:
		return inlines(r, p | R_CAPS, c);
	case DM_T_QUOTED:
		return quoted(r, p, c);
	case DM_T_CODE:
		return run(r, p | R_CODE, json_string_value(json_array_get(c, 1)));
	case DM_T_SPAN:
		return keep_around(r, p, node, 1);
	case DM_T_LINK:
		return keep_around(r, p | R_LINK, node, 1);
	default: /* no text of its own: pandoc's */
		return dm_append(r->out, json_deep_copy(node));
	}
}

static bool is_text(const json_t *n)
{
	dm_type t = dm_type_of(n);

	return t == DM_T_STR || t == DM_T_SPACE || t == DM_T_SOFT_BREAK;
}

/* Words and the spaces between them go in one run. */
static int inlines(const runs *r, unsigned p, const json_t *in)
{
	size_t i = 0, n = json_array_size(in);
	int rc = 0;

	while (rc == 0 && i < n) {
		dm_buf t = {0};
		if (!is_text(json_array_get(in, i))) {
			rc = one(r, p, json_array_get(in, i++));
			continue;
		}
		for (; i < n && is_text(json_array_get(in, i)); i++) {
			const json_t *x = json_array_get(in, i);
			dm_buf_puts(&t, dm_type_of(x) == DM_T_STR
			                        ? json_string_value(dm_content(x))
			                        : " ");
		}
		rc = dm_buf_failed(&t) || run(r, p, dm_buf_str(&t)) ? -1 : 0;
		dm_buf_free(&t);
	}
	return rc;
}

/* The inlines of Para or Plain `b` replaced by runs. */
static int para(json_t *b, unsigned size)
{
	runs r = {size, json_array()};
	int rc = r.out == NULL || inlines(&r, 0, dm_content(b)) ||
	         json_object_set(b, "c", r.out);

	json_decref(r.out);
	return rc ? -1 : 0;
}

int dmp_box_small_runs(json_t *blocks, unsigned size)
{
	size_t i, k;

	for (i = 0; i < json_array_size(blocks); i++) {
		json_t *b = json_array_get(blocks, i), *c = dm_content(b);
		switch (dm_type_of(b)) {
		case DM_T_PARA:
		case DM_T_PLAIN:
			if (para(b, size))
				return -1;
			break;
		case DM_T_ORDERED_LIST:
			c = json_array_get(c, 1);
			/* fall through */
		case DM_T_BULLET_LIST:
			for (k = 0; k < json_array_size(c); k++)
				if (dmp_box_small_runs(json_array_get(c, k), size))
					return -1;
			break;
		case DM_T_DIV:
		case DM_T_BLOCK_QUOTE:
			if (dmp_box_small_runs(dm_node_blocks(b), size))
				return -1;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * And back: the runs made above read as pandoc inlines again
 * ------------------------------------------------------------------------ */

/* What dm_xml_escape() writes, undone. */
static const struct {
	const char *ent;
	char c;
} ents[] = {{"&amp;", '&'}, {"&lt;", '<'},  {"&gt;", '>'},  {"&quot;", '"'},
            {"&#39;", '\''}, {"&#9;", '\t'}, {"&#10;", '\n'}, {"&#13;", '\r'}};

static void unescape(dm_buf *o, const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; s[i] == '&' && k < sizeof ents / sizeof *ents; k++)
			if (strncmp(s + i, ents[k].ent, strlen(ents[k].ent)) == 0)
				break;
		if (s[i] == '&' && k < sizeof ents / sizeof *ents) {
			dm_buf_putc(o, ents[k].c);
			i += strlen(ents[k].ent) - 1;
		} else {
			dm_buf_putc(o, s[i]);
		}
	}
}

/* One of our runs: its properties and (into `text`) its text; *br when
 * it is a line break.  -1 when `raw` is not a run made by run(). */
static long read_run(const char *raw, dm_buf *text, bool *br)
{
	static const struct {
		const char *mark;
		unsigned prop;
	} marks[] = {{"<w:b/>", R_BOLD}, {"<w:i/>", R_ITALIC},
	             {"<w:smallCaps/>", R_CAPS}, {"<w:strike/>", R_STRIKE},
	             {"w:val=\"1F5FAD\"", R_LINK}, {"<w:u ", R_UNDER},
	             {"superscript", R_SUPER}, {"subscript", R_SUB},
	             {"Courier New", R_CODE}};
	const char *end = strstr(raw, "</w:rPr>"), *t, *te;
	unsigned p = 0;
	size_t i;

	if (strncmp(raw, "<w:r><w:rPr>", 12) != 0 || end == NULL)
		return -1;
	for (i = 0; i < sizeof marks / sizeof *marks; i++) {
		const char *m = strstr(raw, marks[i].mark);
		if (m != NULL && m < end)
			p |= marks[i].prop;
	}
	if (p & R_LINK)
		p &= ~(unsigned)(R_LINK | R_UNDER); /* the Link says so */
	if ((*br = strcmp(end, "</w:rPr><w:br/></w:r>") == 0))
		return (long)p;
	t = end + strlen("</w:rPr><w:t xml:space=\"preserve\">");
	if (strncmp(end, "</w:rPr><w:t xml:space=\"preserve\">",
	            (size_t)(t - end)) != 0 ||
	    (te = strstr(t, "</w:t></w:r>")) == NULL || te[12] != '\0')
		return -1;
	unescape(text, t, (size_t)(te - t));
	return (long)p;
}

/* The inlines a run of text `t` with properties `p` stands for, before
 * the wrapping its properties ask for: words and spaces.  A new array. */
static json_t *run_inlines(const char *t, unsigned p, bool br)
{
	json_t *ils = json_array();
	size_t n;

	if (br || (p & R_CODE)) {
		if (dm_append(ils, br ? dm_linebreak()
		                      : dm_code(dm_attr(NULL), t))) {
			json_decref(ils);
			return NULL;
		}
		return ils;
	}
	while (ils != NULL && *t) {
		n = *t == ' ' ? strspn(t, " ") : strcspn(t, " ");
		char *w = *t == ' ' ? NULL : strndup(t, n);
		if (dm_append(ils, *t == ' ' ? dm_space()
		                             : w ? dm_str(w) : NULL)) {
			json_decref(ils);
			ils = NULL;
		}
		free(w);
		t += n;
	}
	return ils;
}

/* `ils` (stolen) in the inlines properties `p` ask for, outermost bold. */
static json_t *wrapped(json_t *ils, unsigned p)
{
	static const struct {
		unsigned prop;
		const char *tag;
	} w[] = {{R_CAPS, "SmallCaps"}, {R_SUB, "Subscript"},
	         {R_SUPER, "Superscript"}, {R_STRIKE, "Strikeout"},
	         {R_UNDER, "Underline"}, {R_ITALIC, "Emph"},
	         {R_BOLD, "Strong"}};
	size_t i;

	for (i = 0; ils != NULL && i < sizeof w / sizeof *w; i++)
		if (p & w[i].prop)
			ils = json_pack("[o]", dm_node(w[i].tag, ils));
	return ils;
}

/* The properties of run `n` and (a new array) its inlines, or -1 when `n`
 * is no run of ours; *node NULL then, or when out of memory. */
static long one_run(const json_t *n, json_t **node)
{
	const json_t *c = dm_content(n);
	dm_buf t = {0};
	long p = -1;
	bool br = false;

	*node = NULL;
	if (dm_type_of(n) == DM_T_RAW_INLINE &&
	    strcmp(json_string_value(json_array_get(c, 0)), "openxml") == 0 &&
	    (p = read_run(json_string_value(json_array_get(c, 1)), &t,
	                  &br)) >= 0 &&
	    !dm_buf_failed(&t))
		*node = run_inlines(br ? "" : dm_buf_str(&t), (unsigned)p, br);
	dm_buf_free(&t);
	return p;
}

static json_t *plain_inlines(const json_t *in);

/* A copy of Span or Link `n` whose inlines are read back. */
static json_t *plain_around(const json_t *n)
{
	json_t *copy = json_deep_copy(n);
	json_t *c = dm_content(copy);

	if (copy == NULL ||
	    json_array_set_new(c, 1, plain_inlines(json_array_get(c, 1)))) {
		json_decref(copy);
		return NULL;
	}
	return copy;
}

/* The inlines `in` with our runs read back, a run of runs of the same
 * properties in one wrapping: a new array, or NULL. */
static json_t *plain_inlines(const json_t *in)
{
	json_t *out = json_array(), *group = NULL, *node = NULL, *w;
	long p, last = -1;
	size_t i, n = json_array_size(in);
	bool ok = out != NULL;

	for (i = 0; ok && i <= n; i++) {
		p = i < n ? one_run(json_array_get(in, i), &node) : -1;
		if (p != last && group != NULL) { /* a run of runs ends */
			w = wrapped(group, (unsigned)last & ~(unsigned)R_CODE);
			ok = w != NULL && json_array_extend(out, w) == 0;
			json_decref(w);
			group = NULL;
		}
		if (ok && p >= 0 && group == NULL)
			ok = (group = json_array()) != NULL;
		last = p;
		if (!ok || i == n)
			break;
		if (p < 0) {
			const json_t *x = json_array_get(in, i);
			node = dm_is(x, "Link") || dm_is(x, "Span")
			               ? plain_around(x) : json_deep_copy(x);
		}
		if (p >= 0) {
			ok = node != NULL && json_array_extend(group, node) == 0;
			json_decref(node);
		} else {
			ok = dm_append(out, node) == 0;
		}
	}
	json_decref(group);
	if (!ok) {
		json_decref(out);
		return NULL;
	}
	return out;
}

int dm_box_plain_runs(json_t *blocks)
{
	size_t i, k;

	for (i = 0; i < json_array_size(blocks); i++) {
		json_t *b = json_array_get(blocks, i), *c = dm_content(b);
		switch (dm_type_of(b)) {
		case DM_T_PARA:
		case DM_T_PLAIN:
			if (json_object_set_new(b, "c", plain_inlines(c)))
				return -1;
			break;
		case DM_T_ORDERED_LIST:
			c = json_array_get(c, 1);
			/* fall through */
		case DM_T_BULLET_LIST:
			for (k = 0; k < json_array_size(c); k++)
				if (dm_box_plain_runs(json_array_get(c, k)))
					return -1;
			break;
		case DM_T_DIV:
		case DM_T_BLOCK_QUOTE:
			if (dm_box_plain_runs(dm_node_blocks(b)))
				return -1;
			break;
		default:
			break;
		}
	}
	return 0;
}
