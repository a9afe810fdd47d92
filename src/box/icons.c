/*
 * icons.c - the icons drawn before html callout titles, as inline SVG:
 * strokes in the text's colour (currentColor) on a 24-unit grid, so that
 * an icon needs no font (an emoji or symbol font is often missing, and
 * the title then shows a blank), prints, follows a forced-colours theme,
 * and shows in a fragment without the stylesheet.  Drawn for this project.
 */
#include <string.h>

#include "box.h"

static const struct {
	const char *name, *shapes;
} icons[] = {
	{"info", "<circle cx=\"12\" cy=\"12\" r=\"9\"/>"
	         "<path d=\"M12 11v5M12 7.5h.01\"/>"},
	{"lightbulb", "<path d=\"M9 18h6M10 21h4M12 3a6 6 0 0 0-3.6 10.8"
	              "c.7.6 1.1 1.3 1.1 2.2h5c0-.9.4-1.6 1.1-2.2"
	              "A6 6 0 0 0 12 3z\"/>"},
	{"report", "<path d=\"M4 4h16v12H10l-6 4z\"/>"
	           "<path d=\"M12 7.5v4M12 14h.01\"/>"},
	{"alert", "<path d=\"M12 3.5 2.5 20h19z\"/>"
	          "<path d=\"M12 9.5v5M12 17h.01\"/>"},
	{"stop", "<path d=\"M8.3 2.5h7.4l5.8 5.8v7.4l-5.8 5.8H8.3l-5.8-5.8"
	         "V8.3z\"/><path d=\"M12 7.5v5.5M12 16.5h.01\"/>"},
	{"bolt", "<path d=\"M13 2.5 4.5 14H11l-1 7.5L18.5 10H12z\"/>"},
	{"waves", "<path d=\"M3 8c2-2 4-2 6 0s4 2 6 0 4-2 6 0M3 12.5c2-2 4-2 "
	          "6 0s4 2 6 0 4-2 6 0M3 17c2-2 4-2 6 0s4 2 6 0 4-2 6 0\"/>"},
	{"mail", "<rect x=\"3\" y=\"5\" width=\"18\" height=\"14\" rx=\"2\"/>"
	         "<path d=\"m3.5 7 8.5 6 8.5-6\"/>"},
	{"star", "<path d=\"m12 3 2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 "
	         "20.2l1.1-6.2L3 9.6l6.2-.9z\"/>"},
	{"check", "<circle cx=\"12\" cy=\"12\" r=\"9\"/>"
	          "<path d=\"m8 12.5 2.8 2.8L16.5 9.5\"/>"},
	{"question", "<circle cx=\"12\" cy=\"12\" r=\"9\"/>"
	             "<path d=\"M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 "
	             "1.6v.6M12 17h.01\"/>"},
	{"quote", "<path d=\"M5 18c2.5-1 4-3 4-6V7H4v5h5M15 18c2.5-1 4-3 "
	          "4-6V7h-5v5h5\"/>"},
	{"book", "<path d=\"M4 5.5C6.5 4 9.5 4 12 6c2.5-2 5.5-2 8-.5V19"
	         "c-2.5-1.5-5.5-1.5-8 .5-2.5-2-5.5-2-8-.5zM12 6v13.5\"/>"},
	{"flag", "<path d=\"M5 21V4M5 4h11l-2 4 2 4H5\"/>"},
};

/* The svg element's opening: a square the size of the text (the
 * stylesheet may size it), strokes in the title's colour. */
#define SVG_OPEN "<svg xmlns=\"http://www.w3.org/2000/svg\" " \
	"viewBox=\"0 0 24 24\" width=\"1em\" height=\"1em\" fill=\"none\" " \
	"stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" " \
	"stroke-linejoin=\"round\">"

int dm_box_icon_svg(const char *name, dm_buf *out)
{
	size_t i;

	for (i = 0; name != NULL && i < sizeof icons / sizeof *icons; i++)
		if (strcmp(icons[i].name, name) == 0) {
			if (out != NULL) {
				dm_buf_puts(out, SVG_OPEN);
				dm_buf_puts(out, icons[i].shapes);
				dm_buf_puts(out, "</svg>");
			}
			return 1;
		}
	return 0;
}

const char *dm_box_icon_name(size_t i)
{
	return i < sizeof icons / sizeof *icons ? icons[i].name : NULL;
}
