/*
 * box_style.c - what the html and latex renderings of callout boxes rely
 * on (box.c draws them): a stylesheet, light and dark and print, and a
 * tcolorbox environment with a colour pair per type.  Every colour is
 * made from the type's own, its text kept at a WCAG contrast of 4.5 or
 * better whatever colour a user picks.
 */
#include <string.h>

#include "box.h"
#include "internal.h"

static const dm_rgb white = {255, 255, 255}, black = {0, 0, 0};

/* ------------------------------------------------------------------------
 * html
 * ------------------------------------------------------------------------ */

static const char css_base[] =
	".callout{--dm-c:#57606a;--dm-bg:#f6f8fa;--dm-h:#3b4048;--dm-t:#1f2328;"
	"margin:1.25em 0;padding:.75em 1em;border-left:.25rem solid "
	"var(--dm-c);border-radius:.375rem;background:var(--dm-bg);"
	"color:var(--dm-t)}\n"
	".callout-title{font-weight:600;color:var(--dm-h);margin:0 0 .35em}\n"
	"summary.callout-title{cursor:pointer;margin:0}\n"
	"details[open]>summary.callout-title{margin-bottom:.35em}\n"
	".callout-icon::before{content:var(--dm-i,\"\");display:inline-block;"
	"width:1.3em}\n"
	".callout-icon[data-icon]::before{content:attr(data-icon)}\n"
	".callout-body>:first-child{margin-top:0}\n"
	".callout-body>:last-child{margin-bottom:0}\n"
	".callout a{color:inherit;text-decoration-color:var(--dm-c)}\n"
	".callout-group{display:grid;gap:.75em;margin:1.5em 0}\n"
	".callout-group>.callout{margin:0}\n"
	".callout-simple{background:none;border:1px solid var(--dm-c);"
	"border-left-width:.25rem}\n"
	".callout-minimal{background:none;border-left-width:.125rem;"
	"border-radius:0;padding:.25em .9em}\n";

/* In a dark scheme every callout gets a dark background, the outlined
 * ones too: its text turns light, and a page that stays light would show
 * it on white otherwise. */
static const char css_dark[] =
	"@media (prefers-color-scheme:dark){"
	".callout{--dm-t:#e6edf3}\n"
	".callout-simple,.callout-minimal{background:var(--dm-bg)}\n";

static const char css_end[] =
	"@media print{.callout{background:none;color:#000;border:1pt solid "
	"var(--dm-c);border-left-width:3pt;break-inside:avoid}"
	".callout-title{color:#000}}\n"
	"</style>";

/* One type's colours: its border, background and title colour. */
static void css_kind(dm_buf *b, const dm_box_kind *k, bool dark)
{
	dm_rgb night = {0x16, 0x1b, 0x22};
	dm_rgb bg = dark ? dm_rgb_mix(k->colour, night, 0.82)
	                 : dm_rgb_mix(k->colour, white, 0.92);
	dm_rgb head = dm_rgb_readable(k->colour, bg, dark ? white : black,
	                              4.5);
	char c[7], h[7], g[7];

	dm_rgb_hex(dark ? dm_rgb_mix(k->colour, white, 0.25) : k->colour, c);
	dm_rgb_hex(head, h);
	dm_rgb_hex(bg, g);
	dm_buf_printf(b, ".callout-%s{--dm-c:#%s;--dm-bg:#%s;--dm-h:#%s",
	              k->type, c, g, h);
	if (!dark && *k->icon) {
		dm_buf_puts(b, ";--dm-i:\"");
		dm_css_string_escape(b, k->icon);
		dm_buf_putc(b, '"');
	}
	dm_buf_puts(b, "}\n");
}

int dmp_box_css(const dm_box_sheet *s, dm_buf *out)
{
	size_t i;

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

/* The footer's: small print under a rule, its list unmarked; then the
 * owner's own rules. */
int dmp_box_footer_css(const char *type, const char *style, const char *css,
                       dm_buf *out)
{
	(void)style;
	dm_buf_printf(out, "<style>\n"
	              ".%s{margin:3em 0 1em;padding-top:.75em;"
	              "border-top:1px solid rgba(128,128,128,.45);"
	              "font-size:.85em;line-height:1.45}\n"
	              ".%s p,.%s ul{margin:.35em 0}\n"
	              ".%s ul{padding-left:0;list-style:none}\n"
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

int dmp_box_latex(const dm_box_sheet *s, dm_buf *out)
{
	dm_buf box = {0};
	size_t i;

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
