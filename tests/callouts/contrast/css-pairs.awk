# css-pairs.awk - the colour pairs of the dm-callouts stylesheet, for
# tests/callouts/run.sh: reads the filter's JSON output (its \n made
# newlines) and prints, per type in the light and the dark scheme, its
# title (--dm-h) and the text (--dm-t) on its background (--dm-bg), and
# the code panel's text on its background (--dm-k): "FOREGROUND
# BACKGROUND WHAT" lines for wcag.awk.  Light values are plain colours;
# the dark ones are the second of a light-dark() pair, in the
# @supports (color:light-dark(...)) block.
function var(rule, v, n, pair) {
	if (match(rule, "--dm-" v ":#[0-9a-fA-F]+")) {
		n = length(v) + 6
		return substr(rule, RSTART + n, RLENGTH - n)
	}
	if (!match(rule, "--dm-" v ":light-dark\\(#[0-9a-fA-F]+,#[0-9a-fA-F]+\\)"))
		return ""
	pair = substr(rule, RSTART, RLENGTH - 1)
	return mode == "dark" ? substr(pair, index(pair, ",") + 1) : ""
}
/@supports \(color:light-dark/ { mode = "dark" }
/@media print/ { mode = "print" }
/\.sourceCode/ && match($0, /color:#[0-9a-fA-F]+\}/) {
	code = substr($0, RSTART + 6, RLENGTH - 7)
}
{
	if (mode == "")
		mode = "light"
	line = $0
	while (match(line, /\.callout(-[a-z0-9-]+)?\{[^}]*\}/)) {
		rule = substr(line, RSTART, RLENGTH)
		line = substr(line, RSTART + RLENGTH)
		sel = substr(rule, 1, index(rule, "{") - 1)
		if (var(rule, "t") != "")
			text[mode] = var(rule, "t")
		if (var(rule, "k") != "")
			panel[mode] = var(rule, "k")
		if (var(rule, "bg") != "" && mode != "print") {
			k = mode ":" sel
			keys[++nk] = k
			bg[k] = var(rule, "bg")
			head[k] = var(rule, "h")
			md[k] = mode
		}
	}
}
END {
	for (i = 1; i <= nk; i++) {
		k = keys[i]
		print head[k], bg[k], k "/title"
		print text[md[k]], bg[k], k "/text"
	}
	print code, panel["light"], "light:code"
	print code, panel["dark"], "dark:code"
}
