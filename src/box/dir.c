/*
 * dir.c - which way a document reads (see box.h, dm_box_rtl): its
 * metadata `dir`, as pandoc's html writer and dm-to-html read it, or else
 * the script its `lang` is written in, as Typst decides the direction of
 * text from its language.
 */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "box/draw.h"
#include "internal.h"

/* The primary language subtags written right to left (BCP 47; "iw" and
 * "ji", the old codes of Hebrew and Yiddish, as some tools still write
 * them). */
static const char *const rtl_langs[] = {
	"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ps",
	"sd", "syr", "ug", "ur", "yi",
};

/* Whether the language tag `tag` ("ar", "fa-IR", "he_IL") is written
 * right to left: its primary subtag, any case. */
static bool rtl_lang(const char *tag)
{
	size_t n = strcspn(tag, "-_"), i, k;

	for (i = 0; i < sizeof rtl_langs / sizeof rtl_langs[0]; i++) {
		if (strlen(rtl_langs[i]) != n)
			continue;
		for (k = 0; k < n; k++)
			if ((tag[k] | 0x20) != rtl_langs[i][k])
				break;
		if (k == n)
			return true;
	}
	return false;
}

/* The text of metadata field `name` of `doc`, a new string ("" when it
 * is absent), or NULL when out of memory. */
static char *field(const dm_doc *doc, const char *name)
{
	const json_t *v = dm_meta_get(doc, name);

	return v != NULL ? dm_stringify(v) : strdup("");
}

/* Out of memory reads as left to right: only the look of boxes hangs on
 * it. */
bool dmp_box_dir_rtl(const dm_doc *doc)
{
	char *dir = field(doc, "dir");
	bool rtl = dir != NULL && strcmp(dir, "rtl") == 0;

	free(dir);
	return rtl;
}

bool dm_box_rtl(const dm_doc *doc)
{
	char *dir = field(doc, "dir"), *lang = NULL;
	bool rtl = false;

	if (dir != NULL && dir[0] != '\0')
		rtl = strcmp(dir, "rtl") == 0;
	else if (dir != NULL && (lang = field(doc, "lang")) != NULL)
		rtl = rtl_lang(lang);
	free(dir);
	free(lang);
	return rtl;
}
