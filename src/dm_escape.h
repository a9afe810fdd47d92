/*
 * dm_escape.h - escaping for raw output: the one function of each language
 * that a user's string is pasted into, and the link targets that may be
 * written from metadata and attributes.  Part of dm.h, which includes it
 * where dm_buf is defined: include dm.h, not this file.
 */
#ifndef DM_ESCAPE_H
#define DM_ESCAPE_H

#ifndef DM_H
#error "include dm.h, which includes dm_escape.h"
#endif

/*
 * Each appends `s` to `out` and returns 0, or -1 when memory runs out (the
 * buffer then remembers it).
 */

/** HTML text and attribute values: & < > " '. */
int dm_html_escape(dm_buf *out, const char *s);
/** XML text and attribute values (OpenXML, OpenDocument, DocBook): as
 * HTML, with tab, LF and CR as references and the C0 controls XML forbids
 * dropped. */
int dm_xml_escape(dm_buf *out, const char *s);
/** The contents of a CSS string: quotes, backslash, < > & and every control
 * character (LF, CR and form feed end a CSS string) as hex escapes. */
int dm_css_string_escape(dm_buf *out, const char *s);
/** LaTeX text: the ten special characters (and < > |) as commands,
 * control characters as spaces. */
int dm_latex_escape(dm_buf *out, const char *s);
/** The contents of a Typst string literal. */
int dm_typst_string_escape(dm_buf *out, const char *s);
/** reStructuredText on one line (a directive's argument, an option's
 * value): every ASCII punctuation character backslash-escaped, so no
 * inline markup starts; control characters (newlines too) as spaces. */
int dm_rst_escape(dm_buf *out, const char *s);
/** AsciiDoc on one line (a block title, `.Title`): every ASCII punctuation
 * character as a numeric character reference (&#42;), which AsciiDoc
 * shows as the character and never reads as markup, a macro, an
 * attribute reference or a passthrough; control characters as spaces;
 * leading spaces dropped (`. Title` would be no title). */
int dm_asciidoc_escape(dm_buf *out, const char *s);
/** A Jira macro's parameter value ({panel:title=VALUE|...}): the bytes
 * that would end the value, the parameter or the macro (| = { }) as
 * numeric character references; control characters as spaces. */
int dm_jira_param_escape(dm_buf *out, const char *s);
/** A message: one line whatever `s` holds; control characters (C0, DEL,
 * C1), U+2028/U+2029 and malformed UTF-8 written as C escapes: a
 * backslash and n, xNN or uNNNN. */
int dm_message_escape(dm_buf *out, const char *s);

/** The length of the longest prefix of `s` of at most `max` bytes that
 * does not cut a UTF-8 character. */
size_t dm_utf8_cut(const char *s, size_t max);

/**
 * True when `url` may be written as a link target: a relative reference,
 * or an absolute one with scheme http, https or mailto (any case).  A
 * javascript:, data: or other scheme is refused, also when written with
 * the spaces, tabs or newlines that browsers ignore.
 */
bool dm_url_is_safe(const char *url);

#endif /* DM_ESCAPE_H */
