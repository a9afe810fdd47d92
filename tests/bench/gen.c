/*
 * gen.c - writes a realistic pandoc JSON document of about N MiB, for the
 * benchmarks.
 *
 *   gen [-a 22|23] [-c CORPUS] MIB > doc.json
 *
 * The blocks are deep copies of the blocks of real pandoc documents (pandoc's
 * own test documents, CORPUS/api1.NN/), appended in a fixed order until the
 * compact serialisation reaches the target size; after each source document
 * comes an article in the Tension / Noise / Direct Message format (the
 * triad list, the editorial line, question headings, "The Direct Message"
 * section, an image and an "Image Credits:" line), so that the filters have
 * work to do.  The output is deterministic: the same arguments give the same
 * bytes.  Without a corpus (run from elsewhere than the repository root) the document is
 * made of the articles alone, and a note says so on standard error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#define MIB (1024.0 * 1024.0)

static const char *argv0 = "gen";

/* The documents whose blocks are repeated, per API version.  Several
 * readers' output, so the mix of node kinds is what pandoc really makes. */
static const char *const sources23[] = {
	"testsuite.json",   "tables.json",      "markdown-reader-more.json",
	"html-reader.json", "markdown-citations.json",
	"latex-reader.json", "pipe-tables.json", "rst-reader.json", NULL};
static const char *const sources22[] = {
	"testsuite.json",   "tables.json",      "markdown-reader-more.json",
	"markdown-citations.json", "pipe-tables.json", "writer.json", NULL};

static const char *const photographers[] = {
	"Lan Lin", "Annie Spratt", "Ryoji Iwata", "Zhang Kaiyv",
	"Li Yang", "Mimi Thian", "Nathan Dumlao", "Ling App"};

static void die(const char *what)
{
	fprintf(stderr, "%s: %s\n", argv0, what);
	exit(1);
}

static json_t *check(json_t *v)
{
	if (v == NULL)
		die("out of memory");
	return v;
}

static void append(json_t *list, json_t *node)
{
	if (json_array_append_new(list, node) != 0)
		die("out of memory");
}

static json_t *node(const char *tag, json_t *c)
{
	json_t *o = check(json_object());

	json_object_set_new(o, "t", check(json_string(tag)));
	if (c)
		json_object_set_new(o, "c", c);
	return o;
}

static json_t *attr(const char *id)
{
	return check(json_pack("[s[][]]", id));
}

/* Text as pandoc's readers split it: words as Str, spaces as Space. */
static json_t *words(const char *text)
{
	json_t *list = check(json_array());
	const char *p = text, *e;

	while (*p) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		e = strchr(p, ' ');
		if (e == NULL)
			e = p + strlen(p);
		if (json_array_size(list))
			append(list, node("Space", NULL));
		append(list, node("Str",
		                  check(json_stringn(p, (size_t)(e - p)))));
		p = e;
	}
	return list;
}

/* Appends the inlines of `text` to `list`, a Space between. */
static void extend(json_t *list, const char *text)
{
	json_t *w = words(text);

	if (json_array_size(list))
		append(list, node("Space", NULL));
	json_array_extend(list, w);
	json_decref(w);
}

static json_t *para(const char *text)
{
	return node("Para", words(text));
}

static json_t *header(int level, const char *id, const char *text)
{
	return node("Header", check(json_pack("[io o]", level, attr(id),
	                                      words(text))));
}

static json_t *item(const char *label, const char *text)
{
	json_t *inl = words(label);

	extend(inl, text);
	return check(json_pack("[o]", node("Plain", inl)));
}

/* Article number `n`, shaped as the seed article. */
static json_t *article(size_t n)
{
	json_t *blocks = check(json_array());
	json_t *items, *inl;
	char credit[128];

	items = check(json_array());
	append(items, item("Tension:", "We still picture China’s tech scene "
	                   "through a decade-old lens, focused on familiar "
	                   "giants."));
	append(items, item("Noise:", "Global media and investor narratives "
	                   "keep recycling the same Baidu-Alibaba-Tencent "
	                   "storyline, ignoring what’s been quietly "
	                   "transforming."));
	append(items, item("Direct Message:", "China’s innovation map is no "
	                   "longer centered in Beijing or Shenzhen—cities "
	                   "like Hangzhou are the new operating systems of "
	                   "tech advancement."));
	append(blocks, node("BulletList", items));

	inl = words("To learn more about our editorial approach, explore");
	append(inl, node("Space", NULL));
	append(inl, node("Link", check(json_pack(
		"[o o [ss]]", attr(""),
		words("The Direct Message methodology."),
		"https://www.thedirectmessage.com/methodology", ""))));
	append(blocks, node("Para", inl));

	append(blocks, para("In Western minds, China’s tech narrative still "
	                    "loops the same track: Beijing’s policy power, "
	                    "Shenzhen’s hardware hustle, and the enduring "
	                    "symbolism of the BAT triad—Baidu, Alibaba, "
	                    "Tencent."));
	append(blocks, para("But if you follow the quiet hum of patents "
	                    "filed, startups launched, and sandboxes tested, "
	                    "something becomes clear: Hangzhou is no longer "
	                    "just Alibaba’s hometown."));
	append(blocks, header(2, "what-makes-hangzhou-a-tech-innovation-hub",
	                      "What makes Hangzhou a tech innovation hub?"));
	append(blocks, para("Let’s start with the basics: Hangzhou is the "
	                    "capital of Zhejiang province and the original "
	                    "headquarters of Alibaba, which still plays an "
	                    "outsized role in shaping the local tech "
	                    "landscape."));
	inl = check(json_array());
	append(inl, node("Image", check(json_pack(
		"[o o [ss]]", attr(""), words("West Lake at dusk, Hangzhou"),
		"images/west-lake.jpg", ""))));
	append(blocks, node("Para", inl));
	append(blocks, para("Familiarity feels safe. And for global investors, "
	                    "media, and even policymakers, it’s easier to "
	                    "point to Tencent earnings or Baidu press releases "
	                    "than to ask what’s actually changing under the "
	                    "surface."));
	append(blocks, header(2, "the-direct-message", "The Direct Message"));
	append(blocks, para("The future of Chinese tech is not a "
	                    "monologue—it’s a chorus. Cities like Hangzhou "
	                    "aren’t side "
	                    "players; they’re writing the next chapter."));
	append(blocks, para("It’s a reminder that innovation thrives not where "
	                    "the spotlight shines, but where the conditions "
	                    "quietly allow it to grow."));
	snprintf(credit, sizeof credit,
	         "Image Credits: Photo by %s on Unsplash",
	         photographers[n % (sizeof photographers /
	                            sizeof photographers[0])]);
	append(blocks, para(credit));
	return blocks;
}

static json_t *load(const char *dir, const char *name)
{
	char path[4096];
	json_error_t je;
	json_t *doc;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	doc = json_load_file(path, JSON_ALLOW_NUL, &je);
	if (doc == NULL) {
		fprintf(stderr, "%s: %s: %s (line %d)\n", argv0, path, je.text,
		        je.line);
		exit(1);
	}
	if (!json_is_array(json_object_get(doc, "blocks")))
		die("a corpus file has no \"blocks\" array");
	return doc;
}

/* The compact serialised size of `v`. */
static size_t size_of(const json_t *v)
{
	return json_dumpb(v, NULL, 0, JSON_COMPACT);
}

/* Appends deep copies of `src` to `blocks`; returns the bytes added. */
static size_t add_blocks(json_t *blocks, const json_t *src)
{
	size_t i, n = json_array_size(src), bytes = 0;

	for (i = 0; i < n; i++) {
		const json_t *b = json_array_get(src, i);
		append(blocks, check(json_deep_copy(b)));
		bytes += size_of(b) + 1; /* the comma */
	}
	return bytes;
}

static void usage(void)
{
	fprintf(stderr, "usage: %s [-a 22|23] [-c CORPUS] MIB > doc.json\n",
	        argv0);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *corpus = getenv("DM_CORPUS"), *const *names;
	int minor = 23, i;
	double mib = -1;
	char dir[4096], *end;
	json_t *docs[16], *root, *blocks, *art;
	size_t ndocs = 0, target, total, k = 0, n = 0;
	FILE *probe;

	if (argc > 0)
		argv0 = argv[0];
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-a") == 0 && i + 1 < argc) {
			minor = atoi(argv[++i]);
			if (minor != 22 && minor != 23)
				usage();
		} else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
			corpus = argv[++i];
		} else if (mib < 0) {
			mib = strtod(argv[i], &end);
			if (*end || !(mib > 0))
				usage();
		} else {
			usage();
		}
	}
	if (mib < 0)
		usage();
	target = (size_t)(mib * MIB);

	if (corpus == NULL)
		corpus = "tests/corpus";
	snprintf(dir, sizeof dir, "%s/api1.%d", corpus, minor);
	snprintf(dir + strlen(dir), sizeof dir - strlen(dir), "/%s",
	         (minor == 23 ? sources23 : sources22)[0]);
	probe = fopen(dir, "r");
	snprintf(dir, sizeof dir, "%s/api1.%d", corpus, minor);
	if (probe) {
		fclose(probe);
		for (names = minor == 23 ? sources23 : sources22; *names;
		     names++)
			docs[ndocs++] = load(dir, *names);
	} else {
		fprintf(stderr, "%s: no corpus in %s (set DM_CORPUS): the "
		        "document holds only generated articles\n", argv0,
		        dir);
	}

	root = check(json_object());
	json_object_set_new(root, "pandoc-api-version",
	                    check(json_pack("[iiii]", 1, minor,
	                                    minor == 23 ? 1 : 2,
	                                    minor == 23 ? 2 : 1)));
	json_object_set_new(root, "meta", check(json_pack(
		"{s{ss so}}", "title", "t", "MetaInlines", "c",
		words("Benchmark: pandoc’s test documents and articles"))));
	blocks = check(json_array());
	json_object_set_new(root, "blocks", blocks);
	total = size_of(root);

	while (total < target) {
		art = article(n++);
		total += add_blocks(blocks, art);
		json_decref(art);
		if (ndocs && total < target) {
			total += add_blocks(blocks, json_object_get(
				docs[k % ndocs], "blocks"));
			k++;
		}
	}

	if (json_dumpf(root, stdout, JSON_COMPACT) != 0 ||
	    fputc('\n', stdout) == EOF || fflush(stdout) != 0 ||
	    ferror(stdout))
		die("cannot write output");
	json_decref(root);
	while (ndocs)
		json_decref(docs[--ndocs]);
	return 0;
}
