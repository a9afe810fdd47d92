/*
 * format.c - output format names to the families filters render for.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "dm.h"

static const struct {
	const char *name;
	dm_family family;
} formats[] = {
	{"html", DM_FMT_HTML},          {"html4", DM_FMT_HTML},
	{"html5", DM_FMT_HTML},         {"xhtml", DM_FMT_HTML},
	{"epub", DM_FMT_EPUB},          {"epub2", DM_FMT_EPUB2},
	{"epub3", DM_FMT_EPUB},         {"revealjs", DM_FMT_HTML},
	{"slidy", DM_FMT_HTML},         {"s5", DM_FMT_HTML},
	{"dzslides", DM_FMT_HTML},      {"slideous", DM_FMT_HTML},
	{"chunkedhtml", DM_FMT_HTML},   {"latex", DM_FMT_LATEX},
	{"beamer", DM_FMT_LATEX},       {"pdf", DM_FMT_LATEX},
	{"context", DM_FMT_CONTEXT},    {"docx", DM_FMT_DOCX},
	{"odt", DM_FMT_ODT},            {"opendocument", DM_FMT_ODT},
	{"typst", DM_FMT_TYPST},        {"markdown", DM_FMT_MARKDOWN},
	/* CommonMark readers know no alerts: they get what other writers get */
	{"gfm", DM_FMT_GFM},            {"commonmark", DM_FMT_OTHER},
	{"commonmark_x", DM_FMT_OTHER}, {"markdown_strict", DM_FMT_OTHER},
	{"markdown_github", DM_FMT_GFM}, {"json", DM_FMT_JSON},
	{"native", DM_FMT_JSON},        {"rst", DM_FMT_RST},
	{"asciidoc", DM_FMT_ASCIIDOC},  {"asciidoctor", DM_FMT_ASCIIDOC},
	{"asciidoc_legacy", DM_FMT_ASCIIDOC}, {"docbook", DM_FMT_DOCBOOK},
	{"docbook4", DM_FMT_DOCBOOK},   {"docbook5", DM_FMT_DOCBOOK},
	{"org", DM_FMT_ORG},            {"jira", DM_FMT_JIRA},
	{"mediawiki", DM_FMT_MEDIAWIKI},
};

dm_family dm_format_family(const char *format)
{
	char name[32];
	size_t i, n = 0;

	if (format == NULL)
		return DM_FMT_HTML; /* what pandoc uses with no -t and no -o */
	/* Lower-case the name and drop extensions: "html5+smart" -> html5. */
	for (i = 0; format[i] && format[i] != '+' &&
	            !(format[i] == '-' && i > 0) && n < sizeof name - 1;
	     i++)
		name[n++] = (char)tolower((unsigned char)format[i]);
	name[n] = '\0';
	if (format[i] != '\0' && format[i] != '+' && format[i] != '-')
		return DM_FMT_OTHER; /* too long to be a writer we know */
	for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(formats[i].name, name) == 0)
			return formats[i].family;
	return DM_FMT_OTHER;
}

const char *dm_family_name(dm_family family)
{
	static const char *const names[] = {
		"html", "latex", "context", "docx", "odt",
		"typst", "markdown", "gfm", "json", "epub", "epub2", "rst",
		"asciidoc", "docbook", "org", "jira", "mediawiki", "other"};

	return (unsigned)family < sizeof names / sizeof names[0]
	               ? names[family] : "other";
}
