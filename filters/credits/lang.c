/*
 * lang.c - the credit words of the document's language (metadata `lang`,
 * as pandoc sets it: "fr", "es-MX", "de-CH"), read beside the English
 * ones, which are always read: the prefixes of credit lines, the roles a
 * line without a prefix may credit, the words before the name ("by") and
 * before the source ("on"), the headings of a Credits section; and the
 * words the footer writes: its title, and those of credits made from
 * attributes and metadata ("Photo de Ana Ruiz sur Unsplash", as
 * Unsplash's own French credit reads).  A language is a row of the table;
 * its words are compared as the English ones are (ASCII letters in any
 * case, other letters as written).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "credits.h"

static const char *const none[] = {NULL};

/* French: "Crédit photo : Jean Dupont / Unsplash", "Photo de Jean Dupont
 * sur Unsplash" (Unsplash's own French credit). */
static const char *const fr_prefixes[] = {
	"Crédit photo :", "Crédits photo :", "Crédits photos :",
	"Crédit image :", "Crédits images :", "Crédit :", "Crédits :",
	"Illustration :", NULL};
static const char *const fr_role_prefixes[] = {
	"Photo de couverture :", "Image de couverture :",
	"Photo d'illustration :", "Photo d\u2019illustration :", NULL};
static const char *const fr_roles[] = {
	"photo", "photos", "photographie", "image", "images", "illustration",
	"carte", "graphique", "dessin", "vidéo", NULL};
static const char *const fr_by[] = {"par", "de", NULL};
static const char *const fr_on[] = {"sur", "pour", NULL};
static const char *const fr_headings[] = {
	"crédits", "crédits photo", "crédits photos", "crédits images",
	"sources des images", NULL};

/* Spanish: "Foto: Ana Ruiz en Unsplash", "Foto de Ana Ruiz en Unsplash". */
static const char *const es_prefixes[] = {
	"Foto:", "Fotos:", "Fotografía:", "Imagen:", "Imágenes:",
	"Ilustración:", "Crédito:", "Créditos:", "Crédito de la foto:",
	"Crédito de la imagen:", "Créditos de las imágenes:",
	"Fuente de la imagen:", NULL};
static const char *const es_role_prefixes[] = {
	"Foto de portada:", "Imagen de portada:", "Imagen principal:", NULL};
static const char *const es_roles[] = {
	"foto", "fotos", "fotografía", "imagen", "imágenes", "ilustración",
	"mapa", "gráfico", "vídeo", NULL};
static const char *const es_by[] = {"por", "de", "cortesía de", NULL};
static const char *const es_on[] = {"en", "vía", "para", NULL};
static const char *const es_headings[] = {
	"créditos", "créditos de las imágenes", "créditos de las fotos",
	"fuentes de las imágenes", NULL};

/* German: "Foto von Max Muster auf Unsplash", "Bildnachweis: dpa". */
static const char *const de_prefixes[] = {
	"Foto:", "Fotos:", "Bild:", "Bilder:", "Bildnachweis:",
	"Bildnachweise:", "Bildquelle:", "Bildquellen:", "Fotonachweis:",
	"Abbildung:", "Grafik:", NULL};
static const char *const de_role_prefixes[] = {
	"Titelbild:", "Titelfoto:", "Beitragsbild:", NULL};
static const char *const de_roles[] = {
	"foto", "fotos", "bild", "bilder", "abbildung", "illustration",
	"karte", "grafik", "titelbild", NULL};
static const char *const de_by[] = {"mit freundlicher genehmigung von",
                                    "von", NULL};
static const char *const de_on[] = {"auf", "für", "bei", NULL};
static const char *const de_headings[] = {
	"bildnachweis", "bildnachweise", "bildquellen", "fotonachweis",
	"quellen der bilder", NULL};

static const cr_lang langs[] = {
	{"fr", fr_prefixes, fr_role_prefixes, fr_roles, fr_by, fr_on,
	 fr_headings, "Crédits", {"de", "sur", "via", "Photo", "Image"}},
	{"es", es_prefixes, es_role_prefixes, es_roles, es_by, es_on,
	 es_headings, "Créditos", {"de", "en", "vía", "Foto", "Imagen"}},
	{"de", de_prefixes, de_role_prefixes, de_roles, de_by, de_on,
	 de_headings, "Bildnachweis", {"von", "auf", "via", "Foto", "Bild"}},
};

/* English: nothing beside the defaults. */
static const cr_lang english = {"en",  none, none, none, none,
                                none,  none, NULL, {NULL}};

const cr_lang *cr_lang_of(const dm_doc *doc, dm_error *err)
{
	const json_t *v = dm_meta_get(doc, "lang");
	char *tag;
	size_t i, n;

	if (v == NULL)
		return &english;
	if ((tag = dm_stringify(v)) == NULL) {
		dm_nomem(err);
		return NULL;
	}
	n = strcspn(tag, "-_");
	for (i = 0; i < sizeof langs / sizeof *langs; i++)
		if (n == strlen(langs[i].code) &&
		    strncasecmp(tag, langs[i].code, n) == 0)
			break;
	free(tag);
	return i < sizeof langs / sizeof *langs ? &langs[i] : &english;
}
