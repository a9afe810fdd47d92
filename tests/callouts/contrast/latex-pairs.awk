# latex-pairs.awk - the colour pairs of the LaTeX callouts, for
# tests/callouts/run.sh: reads the colours the definitions give (RRGGBB, a
# line each; the first 8 are the built-in types) and prints the title,
# \color{#1!80!black}, on colback #1!7!white (default) and on white:
# "FOREGROUND BACKGROUND WHAT" lines for wcag.awk.
function nib(s, i) {
	return index("0123456789ABCDEF", substr(s, i, 1)) - 1
}
function h(s, i) {
	return 16 * nib(s, i) + nib(s, i + 1)
}
function mix(c, t, o, i, s) {
	s = "#"
	for (i = 1; i <= 5; i += 2)
		s = s sprintf("%02x",
		              int(h(c, i) * t + o * (1 - t) + 0.5))
	return s
}
NR <= 8 {
	print mix($1, 0.8, 0), mix($1, 0.07, 255), "latex-default-" NR
	print mix($1, 0.8, 0), "#ffffff", "latex-white-" NR
}
