/*
 * escape.c - the one escaping function of each language that a user's
 * string is pasted into: HTML (text and attribute values), XML (OpenXML,
 * OpenDocument, DocBook), a CSS string, LaTeX text, a Typst string, a line
 * of reStructuredText, an AsciiDoc block title, a Jira macro parameter,
 * and messages on a terminal or in a CI log.  Also the link targets that may be written
 * into a document from metadata and attributes.
 *
 * Each appends to a dm_buf, which remembers a failure, and returns 0 or -1.
 */
#include <string.h>
#include <strings.h>

#include "internal.h"

/* Appends `s`, replacing each byte that `rep` maps to a string. */
static int replace(dm_buf *out, const char *s,
                   const char *(*rep)(unsigned char c))
{
	const char *run = s, *r;

	for (; *s; s++) {
		if ((r = rep((unsigned char)*s)) == NULL)
			continue;
		dm_buf_add(out, run, (size_t)(s - run));
		dm_buf_puts(out, r);
		run = s + 1;
	}
	dm_buf_add(out, run, (size_t)(s - run));
	return dm_buf_failed(out) ? -1 : 0;
}

static const char *html_rep(unsigned char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	}
	return NULL;
}

int dm_html_escape(dm_buf *out, const char *s)
{
	return replace(out, s, html_rep);
}

/* XML 1.0 forbids the C0 controls other than tab, LF and CR even as
 * character references: they are dropped. */
static const char *xml_rep(unsigned char c)
{
	if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
		return "";
	switch (c) {
	case '\t': return "&#9;";
	case '\n': return "&#10;";
	case '\r': return "&#13;";
	}
	return html_rep(c);
}

int dm_xml_escape(dm_buf *out, const char *s)
{
	return replace(out, s, xml_rep);
}

/* In a CSS string every byte that could end it, end the rule or the style
 * element, or start an escape is written as a hexadecimal escape followed
 * by a space (CSS Syntax 3, 4.3.7): quotes, backslash, the angle brackets,
 * and every control character (LF, CR and form feed end a string). */
int dm_css_string_escape(dm_buf *out, const char *s)
{
	const char *run = s;
	unsigned char c;

	for (; (c = (unsigned char)*s) != '\0'; s++) {
		if (c >= 0x20 && c != 0x7f && !strchr("\"'\\<>&", c))
			continue;
		dm_buf_add(out, run, (size_t)(s - run));
		dm_buf_printf(out, "\\%x ", c);
		run = s + 1;
	}
	dm_buf_add(out, run, (size_t)(s - run));
	return dm_buf_failed(out) ? -1 : 0;
}

static const char *latex_rep(unsigned char c)
{
	if (c < 0x20 || c == 0x7f)
		return " ";
	switch (c) {
	case '\\': return "\\textbackslash{}";
	case '{': return "\\{";
	case '}': return "\\}";
	case '$': return "\\$";
	case '&': return "\\&";
	case '#': return "\\#";
	case '_': return "\\_";
	case '%': return "\\%";
	case '~': return "\\textasciitilde{}";
	case '^': return "\\textasciicircum{}";
	case '<': return "\\textless{}";
	case '>': return "\\textgreater{}";
	case '|': return "\\textbar{}";
	}
	return NULL;
}

int dm_latex_escape(dm_buf *out, const char *s)
{
	return replace(out, s, latex_rep);
}

/* The contents of a Typst string literal "...". */
static const char *typst_rep(unsigned char c)
{
	switch (c) {
	case '\\': return "\\\\";
	case '"': return "\\\"";
	case '\n': return "\\n";
	case '\r': return "\\r";
	case '\t': return "\\t";
	}
	return c < 0x20 || c == 0x7f ? " " : NULL;
}

int dm_typst_string_escape(dm_buf *out, const char *s)
{
	return replace(out, s, typst_rep);
}

/* ASCII punctuation, whatever the locale. */
static bool punct(unsigned char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	       (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/* A reStructuredText backslash makes any character after it literal; a
 * control character would end the line. */
int dm_rst_escape(dm_buf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f)
			c = ' ';
		else if (punct(c))
			dm_buf_putc(out, '\\');
		dm_buf_putc(out, (char)c);
	}
	return dm_buf_failed(out) ? -1 : 0;
}

/* AsciiDoc shows a numeric character reference as its character after
 * every substitution, where a backslash escapes only some markup. */
int dm_asciidoc_escape(dm_buf *out, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f)
			dm_buf_putc(out, ' ');
		else if (punct(c))
			dm_buf_printf(out, "&#%d;", c);
		else
			dm_buf_putc(out, (char)c);
	}
	return dm_buf_failed(out) ? -1 : 0;
}

/* Jira's wiki markup knows no escape inside a macro's parameters; an &
 * stays, as "Q&A" is more common in a title than a reference. */
static const char *jira_rep(unsigned char c)
{
	switch (c) {
	case '|': return "&#124;";
	case '=': return "&#61;";
	case '{': return "&#123;";
	case '}': return "&#125;";
	}
	return c < 0x20 || c == 0x7f ? " " : NULL;
}

int dm_jira_param_escape(dm_buf *out, const char *s)
{
	return replace(out, s, jira_rep);
}

/* The length of the UTF-8 sequence at `s` when it is well formed (no
 * overlong form, no surrogate, at most U+10FFFF), else 0. */
static size_t utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (s[0] >= 0xe0 && s[0] <= 0xef) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[0] == 0xe0 && s[1] < 0xa0) ||
		    (s[0] == 0xed && s[1] >= 0xa0))
			return 0;
		return 3;
	}
	if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80 || (s[0] == 0xf0 && s[1] < 0x90) ||
		    (s[0] == 0xf4 && s[1] >= 0x90))
			return 0;
		return 4;
	}
	return 0;
}

/* A message stays one line of text that a terminal or a CI log shows as
 * it is: control characters (C0, DEL, C1), the line and paragraph
 * separators and malformed UTF-8 are written as escapes, so a key or a
 * value from a document can neither break the line nor send a terminal
 * escape or a CI workflow command. */
int dm_message_escape(dm_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	while (*p) {
		n = utf8_len(p);
		if (n == 1 && *p >= 0x20 && *p != 0x7f) {
			dm_buf_putc(out, (char)*p);
		} else if (n == 1) {
			const char *e = *p == '\n' ? "\\n" : *p == '\r' ? "\\r"
			                : *p == '\t' ? "\\t" : NULL;
			if (e)
				dm_buf_puts(out, e);
			else
				dm_buf_printf(out, "\\x%02x", *p);
		} else if (n == 0) {
			dm_buf_printf(out, "\\x%02x", *p);
			n = 1;
		} else if ((n == 2 && p[0] == 0xc2 && p[1] < 0xa0) ||
		           (n == 3 && p[0] == 0xe2 && p[1] == 0x80 &&
		            (p[2] == 0xa8 || p[2] == 0xa9))) {
			dm_buf_printf(out, "\\u%04x",
			              n == 2 ? p[1] : 0x2000 + (p[2] & 0x3f));
		} else {
			dm_buf_add(out, (const char *)p, n);
		}
		p += n;
	}
	return dm_buf_failed(out) ? -1 : 0;
}

size_t dm_utf8_cut(const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strnlen(s, max), k = n, len;

	/* The start of the last character, and whether all of it fits. */
	while (k > 0 && (p[k - 1] & 0xc0) == 0x80 && n - k < 3)
		k--;
	if (k == 0 || p[k - 1] < 0xc0)
		return n; /* ASCII last, or stray continuation bytes: kept */
	len = p[k - 1] >= 0xf0 ? 4 : p[k - 1] >= 0xe0 ? 3 : 2;
	return k - 1 + len <= n ? n : k - 1;
}

bool dm_url_is_safe(const char *url)
{
	static const char *const schemes[] = {"http", "https", "mailto"};
	char scheme[16];
	size_t n = 0, i;
	const char *p = url;

	/* Browsers drop leading spaces and controls, and tabs and newlines
	 * anywhere: "\tjava\nscript:" is a javascript: link. */
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= 0x20 || c == 0x7f)
			continue;
		if (c == ':')
			break;
		if (c == '/' || c == '?' || c == '#')
			return true; /* a relative reference: no scheme */
		if (n + 1 >= sizeof scheme)
			return false; /* no scheme we allow is that long */
		scheme[n++] = (char)c;
	}
	if (*p != ':')
		return true;
	scheme[n] = '\0';
	for (i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
		if (strcasecmp(scheme, schemes[i]) == 0)
			return true;
	return false;
}
