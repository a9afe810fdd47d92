# wcag.awk - WCAG 2 contrast of colour pairs, for tests/callouts/run.sh.
# Reads lines "FOREGROUND BACKGROUND WHAT" (#rrggbb); prints "FAIL ..." for
# a pair under 4.5:1 (and if the formula itself is wrong), "ok WHAT RATIO"
# otherwise, and last "pairs N".  -v name=NAME names the check.
function lin(v) {
	v /= 255
	return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ^ 2.4
}
function nib(s, i) {
	return index("0123456789abcdef", substr(s, i, 1)) - 1
}
function byte(s, i) {
	return 16 * nib(s, i) + nib(s, i + 1)
}
function lum(c, r, g, b) {
	c = tolower(c)
	r = 0.2126 * lin(byte(c, 2))
	g = 0.7152 * lin(byte(c, 4))
	b = 0.0722 * lin(byte(c, 6))
	return r + g + b
}
function ratio(a, b, x, y) {
	x = lum(a) + 0.05
	y = lum(b) + 0.05
	return x > y ? x / y : y / x
}
BEGIN {
	# the formula itself: known values
	if (ratio("#000000", "#ffffff") < 20.99 ||
	    ratio("#767676", "#ffffff") < 4.5 ||
	    ratio("#777777", "#FFFFFF") >= 4.5)
		print "FAIL " name ": the contrast formula is wrong"
}
function colour(s) {
	return length(s) == 7 && s ~ /^#[0-9a-fA-F]+$/
}
!colour($1) || !colour($2) {
	print "FAIL " name ": not a colour pair: " $0
	next
}
{
	n++
	r = ratio($1, $2)
	if (r < 4.5)
		printf "FAIL %s: %s %s on %s: %.2f:1\n", name, $3, $1,
		       $2, r
	else
		printf "ok %s %.2f\n", $3, r
}
END { printf "pairs %d\n", n }
