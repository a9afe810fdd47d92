# tests/render/latex.sh - the latex part of tests/render/run.sh (sourced):
# the credits footer at the foot of a page, in the PDF of each engine.
# shellcheck shell=sh disable=SC2154 # have_p2: set by run.sh (pandocs)

# The article: a triad, filler lines, a last paragraph of three lines
# (ending "Closingword"), and three credits.  A shift (\dmshift, set on
# the command line) pushes it all down the first page, so that the
# footer meets the page foot at each of its lines in turn.
latex_article() {
	printf -- '---\ncredits:\n'
	printf '  - Photo by %s on Unsplash\n' "Ana Ruiz" "Bo Chen" "Lan Lin"
	printf -- '---\n\n'
	printf '```{=latex}\n\\providecommand\\dmshift{0pt}'
	printf '\\vspace*{\\dmshift}\n```\n\n'
	printf -- '- Tension: a tension.\n- Noise: the noise.\n'
	printf -- '- Direct Message: the message.\n\n'
	seq 12 | sed 's/.*/Line & of the filler.\n/'
	printf 'The end of the article, a paragraph long enough to take '
	printf 'three lines on the page, so that TeX can break it between '
	printf 'its lines when the footer does not fit at the foot of the '
	printf 'page and needs company at the top of the next, which it '
	printf 'finds in the Closingword\n'
}

# latex_footer ENGINE SHIFT: the article compiled with ENGINE, shifted
# down by SHIFT points: the footer's title is on the page of its first
# credit, and the article's last line on the page of the title (the
# footer is never alone at the top of a page).
latex_footer() {
	_lf_job=$1-$2
	(cd "$TMP/latex" && "$1" -interaction=nonstopmode -halt-on-error \
		-jobname="$_lf_job" "\\def\\dmshift{$2pt}\\input{article.tex}" \
		> "$_lf_job.out" 2>&1)
	_lf_pdf=$TMP/latex/$_lf_job.pdf
	if [ ! -s "$_lf_pdf" ]; then
		fail "latex $_lf_job: $1 did not compile the article"
		show "$TMP/latex/$_lf_job.out"
		return
	fi
	_lf_t=$(pdf_page_of "$_lf_pdf" Credits)
	_lf_c=$(pdf_page_of "$_lf_pdf" "Ana Ruiz")
	_lf_e=$(pdf_page_of "$_lf_pdf" Closingword)
	if [ "$_lf_t" = none ] || [ "$_lf_t" != "$_lf_c" ]; then
		fail "latex $_lf_job: the footer's title apart from its list" \
		     "got: the title on page $_lf_t, the first credit on $_lf_c"
	else
		pass
	fi
	if [ "$_lf_e" != "$_lf_t" ]; then
		fail "latex $_lf_job: the footer alone at the top of a page" \
		     "got: the article's last line on page $_lf_e, the" \
		     "footer's title on page $_lf_t"
	else
		pass
	fi
}

part_latex() {
	have "latex" pdfinfo pdftotext || return
	if [ "$have_p2" = no ]; then
		skip "latex: no pandoc 2.17"
		return
	fi
	mkdir -p "$TMP/latex"
	latex_article > "$TMP/latex/article.md"
	"$PANDOC" "$TMP/latex/article.md" --filter "$DM" -s \
		-o "$TMP/latex/article.tex" ||
		{ fail "latex: pandoc --filter dm -s -t latex"; return; }
	# shifted by 30 points the footer fits at the foot of page 1, by 72
	# it does not: pdflatex in between a few points at a time (the
	# footer's lines are about ten), the others more coarsely
	for engine in pdflatex xelatex lualatex; do
		command -v "$engine" > /dev/null 2>&1 ||
			{ skip "latex: no $engine"; continue; }
		shifts="36 45 54 63 72"
		[ "$engine" = pdflatex ] && shifts=$(seq 30 3 72)
		for shift in $shifts; do
			latex_footer "$engine" "$shift"
		done
	done
}
