/*
 * box_style.c - what the html and latex renderings of callout boxes rely
 * on (box.c draws them): a stylesheet, light and dark (as the page's
 * colour scheme) and print, and a tcolorbox environment with a colour
 * pair per type.  Every colour is
 * made from the type's own, its text kept at a WCAG contrast of 4.5 or
 * better whatever colour a user picks.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "box.h"
#include "internal.h"

static const dm_rgb white = {255, 255, 255}, black = {0, 0, 0};

/* ------------------------------------------------------------------------
 * html
 * ------------------------------------------------------------------------ */

/* Light boxes, what a browser without light-dark() shows whatever the
 * page's scheme.  An icon of the set is inline SVG in the title (no font
 * needed); a text icon is the type's --dm-i, or the box's data-icon.
 * Code gets a panel of its own (unless the highlighting theme gives it a
 * background: its div.sourceCode rule outweighs these), so that pandoc's
 * token colours, made for a light background, keep one in a dark box. */
static const char css_base[] =
	".callout{--dm-c:#57606a;--dm-bg:#f6f8fa;--dm-h:#3b4048;--dm-t:#1f2328;"
	"--dm-k:#ffffff;margin:1.25em 0;padding:.75em 1em;border-inline-start:.25rem "
	"solid var(--dm-c);border-radius:.375rem;background:var(--dm-bg);"
	"color:var(--dm-t)}\n"
	".callout-title{font-weight:600;color:var(--dm-h);margin:0 0 .35em}\n"
	"summary.callout-title{cursor:pointer;margin:0}\n"
	"details[open]>summary.callout-title{margin-bottom:.35em}\n"
	".callout-icon{display:inline-block;min-width:1.3em}\n"
	".callout-icon svg{width:1.05em;height:1.05em;vertical-align:-.15em}\n"
	".callout-icon:empty::before{content:var(--dm-i,\"\")}\n"
	".callout-icon[data-icon]::before{content:attr(data-icon)}\n"
	".callout-body>:first-child{margin-top:0}\n"
	".callout-body>:last-child{margin-bottom:0}\n"
	".callout a{color:inherit;text-decoration-color:var(--dm-c)}\n"
	":where(.callout div).sourceCode,:where(.callout pre):not(.sourceCode)"
	"{padding:.5em .75em;border-radius:.25rem;background:var(--dm-k);"
	"color:#1f2328}\n"
	":where(.callout :not(pre)>code).sourceCode{padding:0 .2em;"
	"border-radius:.2em;background:var(--dm-k);color:#1f2328}\n"
	".callout-group{display:grid;gap:.75em;margin:1.5em 0}\n"
	".callout-group>.callout{margin:0}\n"
	".callout-simple,.callout-minimal{background:var(--dm-o,none)}\n"
	".callout-simple{border:1px solid var(--dm-c);"
	"border-inline-start-width:.25rem}\n"
	".callout-minimal{border-inline-start-width:.125rem;"
	"border-radius:0;padding:.25em .9em}\n";

/* The page's colour scheme, as its color-scheme declares it (light when
 * it declares none, as pandoc's page): dark boxes on a dark page only,
 * the outlined and ruled ones too (their text turns light). */
static const char css_dark[] =
	"@supports (color:light-dark(#000,#fff)){\n"
	".callout{--dm-bg:light-dark(#f6f8fa,#161b22);--dm-h:light-dark("
	"#3b4048,#c9d1d9);--dm-t:light-dark(#1f2328,#e6edf3);--dm-k:"
	"light-dark(#ffffff,#f6f8fa);--dm-o:light-dark(transparent,#161b22)}\n";

/* Printed: ink only, on a light page; a folded callout unfolded. */
static const char css_end[] =
	"@media print{.callout{color-scheme:light;background:none;color:#000;"
	"border:1pt solid var(--dm-c);border-inline-start-width:3pt;"
	"break-inside:avoid}"
	".callout-title{color:#000}"
	".callout details::details-content{content-visibility:visible;"
	"display:block}"
	".callout summary{list-style:none}"
	".callout summary::-webkit-details-marker{display:none}}\n"
	"</style>";

/* One type's colours, light (and, `dark`, as light-dark() pairs): its
 * border, background and title colour; its icon when that is text. */
static void css_kind(dm_buf *b, const dm_box_kind *k, bool dark)
{
	dm_rgb night = {0x16, 0x1b, 0x22};
	dm_rgb bg = dm_rgb_mix(k->colour, white, 0.92);
	dm_rgb nbg;
	char c[7], h[7], g[7], nc[7], nh[7], ng[7];

	dm_rgb_hex(k->colour, c);
	dm_rgb_hex(dm_rgb_readable(k->colour, bg, black, 4.5), h);
	dm_rgb_hex(bg, g);
	if (dark) { /* the night colours: only here */
		nbg = dm_rgb_mix(k->colour, night, 0.82);
		dm_rgb_hex(dm_rgb_mix(k->colour, white, 0.25), nc);
		dm_rgb_hex(dm_rgb_readable(k->colour, nbg, white, 4.5), nh);
		dm_rgb_hex(nbg, ng);
		dm_buf_printf(b, ".callout-%s{--dm-c:light-dark(#%s,#%s);"
		              "--dm-bg:light-dark(#%s,#%s);"
		              "--dm-h:light-dark(#%s,#%s);"
		              "--dm-o:light-dark(transparent,#%s)}\n",
		              k->type, c, nc, g, ng, h, nh, ng);
		return;
	}
	dm_buf_printf(b, ".callout-%s{--dm-c:#%s;--dm-bg:#%s;--dm-h:#%s",
	              k->type, c, g, h);
	if (*k->icon && !dm_box_icon_svg(k->icon, NULL)) {
		dm_buf_puts(b, ";--dm-i:\"");
		dm_css_string_escape(b, k->icon);
		dm_buf_putc(b, '"');
	}
	dm_buf_puts(b, "}\n");
}

int dmp_box_css(const dm_box_sheet *s, bool rtl, dm_buf *out)
{
	size_t i;

	(void)rtl; /* logical properties: the rules follow the page */
	dm_buf_printf(out, "<style>\n/* %s */\n", s->owner);
	dm_buf_puts(out, css_base);
	for (i = 0; i < s->nkinds; i++)
		css_kind(out, &s->kinds[i], false);
	dm_buf_puts(out, css_dark);
	for (i = 0; i < s->nkinds; i++)
		css_kind(out, &s->kinds[i], true);
	dm_buf_puts(out, "}\n");
	dm_buf_puts(out, css_end);
	return dm_buf_failed(out) ? -1 : 0;
}

int dm_box_read_sheet_option(const json_t *v, const char *where,
                             bool *sheet, bool *in_body, dm_error *err)
{
	char *s = NULL;
	int rc;

	*sheet = true;
	*in_body = false;
	if (v == NULL || dm_is(v, "MetaBool"))
		return dm_meta_bool(v, where, sheet, err) < 0 ? -1 : 0;
	if (dm_meta_string(v, where, &s, err) < 0)
		return -1;
	rc = 0;
	if (strcasecmp(s, "inline") == 0)
		*in_body = true;
	else if (strcasecmp(s, "true") == 0 || strcasecmp(s, "false") == 0)
		*sheet = strcasecmp(s, "true") == 0;
	else
		rc = dm_error_set(err, DM_EOPTION, where,
		                  "expected true, false or inline, found "
		                  "\"%s\"", s);
	free(s);
	return rc < 0 ? -1 : 0;
}

/* The footer's: small print under a rule, its list unmarked; then the
 * owner's own rules. */
int dmp_box_footer_css(const char *type, const char *style, const char *css,
                       bool rtl, dm_buf *out)
{
	(void)style;
	(void)rtl; /* the page's direction, which the rules follow */
	dm_buf_printf(out, "<style>\n"
	              ".%s{margin:3em 0 1em;padding-top:.75em;"
	              "border-top:1px solid rgba(128,128,128,.45);"
	              "font-size:.85em;line-height:1.45}\n"
	              ".%s p,.%s ul{margin:.35em 0}\n"
	              ".%s ul{padding-inline-start:0;list-style:none}\n"
	              ".%s a{color:inherit}\n%s"
	              "@media print{.%s{border-top-color:#888}}\n"
	              "</style>", type, type, type, type, type, css ? css : "",
	              type);
	return dm_buf_failed(out) ? -1 : 0;
}

/* ------------------------------------------------------------------------
 * latex
 * ------------------------------------------------------------------------ */

/* A colour as LaTeX's HTML model writes it: upper-case hex. */
static void latex_hex(dm_rgb c, char hex[7])
{
	char *p;

	dm_rgb_hex(c, hex);
	for (p = hex; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
}

/* The title colour of a box: the type's colour, darkened until it reads
 * at 4.5:1 on the tinted background (and so on white: a box may have a
 * look of its own). */
static void latex_title(dm_rgb colour, char hex[7])
{
	dm_rgb bg = dm_rgb_mix(colour, white, 0.93);

	latex_hex(dm_rgb_readable(colour, bg, black, 4.5), hex);
}

/* What a box's contents need, as a box is not the page: a figure or a
 * table set in place (a float cannot go in a box), a longtable as a
 * tabular (its head rows once, its last foot at the end), footnotes
 * marked with the document's numbers and set at the page foot after the
 * outermost box, the document's paragraph spacing. */
static const char latex_inbox[] =
	"\\makeatletter\n"
	"\\def\\dm@in#1#2{\\edef\\dm@tmp{\\noexpand\\in@{\\noexpand#1}{\\unexpanded\\expandafter{#2}}}\\dm@tmp}\n"
	"\\def\\dm@ltfirst#1\\endfirsthead#2\\endhead#3\\dm@nil{\\def\\dm@lthead{#1}\\def\\dm@ltrest{#3}}\n"
	"\\def\\dm@lthd#1\\endhead#2\\dm@nil{\\def\\dm@lthead{#1}\\def\\dm@ltrest{#2}}\n"
	"\\def\\dm@splitfoot#1\\endlastfoot#2\\dm@nil{\\def\\dm@ltfoot{#1}\\def\\dm@ltrest{#2}}\n"
	"\\def\\dm@splitcap#1\\caption#2#3\\tabularnewline#4\\dm@nil{\\def\\dm@ltcap{\\caption{#2}#3}\\def\\dm@lthead{#1#4}}\n"
	"\\newcommand\\dm@table[2]{\\par\\medskip\\begingroup\\centering\n"
	"  \\def\\dm@lthead{}\\def\\dm@ltrest{#2}\\def\\dm@ltcap{}%\n"
	"  \\dm@in\\endfirsthead\\dm@ltrest\n"
	"  \\ifin@\\dm@ltfirst#2\\dm@nil\\else\n"
	"    \\dm@in\\endhead\\dm@ltrest\\ifin@\\dm@lthd#2\\dm@nil\\fi\\fi\n"
	"  \\dm@in\\endlastfoot\\dm@ltrest\n"
	"  \\ifin@\\expandafter\\dm@splitfoot\\dm@ltrest\\dm@nil\\else\\def\\dm@ltfoot{}\\fi\n"
	"  \\dm@in\\caption\\dm@lthead\n"
	"  \\ifin@\\expandafter\\dm@splitcap\\dm@lthead\\dm@nil\n"
	"    \\def\\@captype{table}\\dm@ltcap\\par\\fi\n"
	"  \\begin{tabular}{#1}\\dm@lthead\\dm@ltrest\\dm@ltfoot\\end{tabular}\\par\n"
	"  \\endgroup\\medskip}\n"
	"\\newtoks\\dm@notes\n"
	"\\newcommand\\dm@footnote[1]{\\footnotemark\n"
	"  \\xdef\\dm@tmp{\\the\\dm@notes\\noexpand\\dm@note{\\the\\c@footnote}}%\n"
	"  \\global\\dm@notes\\expandafter{\\dm@tmp{#1}}}\n"
	"\\newcommand\\dm@note[2]{\\footnotetext[#1]{#2}}\n"
	"\\newcommand\\dm@inbox{%\n"
	"  \\def\\@mpfn{footnote}\\def\\thempfn{\\thefootnote}\\let\\footnote\\dm@footnote\n"
	"  \\renewenvironment{figure}[1][]{\\par\\medskip\\def\\@captype{figure}\\centering}{\\par\\medskip}%\n"
	"  \\renewenvironment{table}[1][]{\\par\\medskip\\def\\@captype{table}\\centering}{\\par\\medskip}%\n"
	"  \\DeclareDocumentEnvironment{longtable}{O{} m +b}{\\dm@table{##2}{##3}}{}%\n"
	"  \\setlength{\\parskip}{\\dm@parskip}\\setlength{\\parindent}{\\dm@parindent}}\n";

void dmp_box_latex_look(dm_buf *out, int look, const char *colour)
{
	if (look == DM_BOX_LOOK_MINIMAL)
		dm_buf_puts(out, "colback=white,boxrule=0pt,leftrule=1pt,"
		                 "arc=0pt,left=8pt");
	else if (look == DM_BOX_LOOK_SIMPLE)
		dm_buf_puts(out, "colback=white,boxrule=0.4pt,leftrule=3pt,"
		                 "arc=2pt");
	else
		dm_buf_printf(out, "colback=%s!7!white,boxrule=0pt,"
		              "leftrule=3pt,arc=2pt", colour);
}

int dmp_box_latex(const dm_box_sheet *s, bool rtl, dm_buf *out)
{
	dm_buf box = {0};
	size_t i;

	(void)rtl; /* babel or polyglossia set the page's direction */
	dm_buf_puts(out, "\\usepackage{tcolorbox}\n"
	                 "\\tcbuselibrary{breakable,skins}\n");
	for (i = 0; i < s->nkinds; i++) {
		char hex[7], title[7];
		latex_hex(s->kinds[i].colour, hex);
		latex_title(s->kinds[i].colour, title);
		dm_buf_printf(out, "\\definecolor{dm-%s}{HTML}{%s}\n",
		              s->kinds[i].type, hex);
		dm_buf_printf(out, "\\definecolor{dm-%s-title}{HTML}{%s}\n",
		              s->kinds[i].type, title);
	}
	dm_buf_puts(out, latex_inbox);
	/* [#1]: a box's own look; #2 its colour, dm-TYPE; #3 its title */
	dmp_box_latex_look(&box, s->look, "#2");
	dm_buf_printf(out,
	              "\\newenvironment{dmcallout}[3][]{\\par\n"
	              "  \\ifdefined\\dm@depth\\def\\dm@outer{0}\\else"
	              "\\def\\dm@outer{1}\\def\\dm@depth{}%%\n"
	              "    \\edef\\dm@parskip{\\the\\parskip}"
	              "\\edef\\dm@parindent{\\the\\parindent}\\fi\n"
	              "  \\begin{tcolorbox}[enhanced,breakable,%s,\n"
	              "    colframe=#2,left=8pt,right=8pt,top=6pt,"
	              "bottom=6pt,\n"
	              "    before upper={\\dm@inbox\\if\\relax\\detokenize{#3}"
	              "\\relax\\else{\\bfseries\\color{#2-title}"
	              "#3}\\par\\smallskip\\fi},#1]}%%\n"
	              "  {\\end{tcolorbox}\\ifnum\\dm@outer=1 \\the\\dm@notes"
	              "\\global\\dm@notes{}\\fi}\n"
	              "\\makeatother",
	              dm_buf_str(&box));
	i = dm_buf_failed(&box);
	dm_buf_free(&box);
	return i || dm_buf_failed(out) ? -1 : 0;
}
