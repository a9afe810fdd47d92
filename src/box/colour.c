/*
 * colour.c - the colours the box renderings draw with, made from a type's
 * own (see draw.h): the tint of a box's background, and a title colour
 * kept at a WCAG contrast of 4.5 or better on it, whatever colour a user
 * picks.
 */
#include "box.h"
#include "box/draw.h"
#include "internal.h"

static const dm_rgb white = {255, 255, 255}, black = {0, 0, 0};

void dmp_box_hex_upper(dm_rgb c, char hex[7])
{
	char *p;

	dm_rgb_hex(c, hex);
	for (p = hex; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
}

dm_rgb dmp_box_tint(dm_rgb c)
{
	return dm_rgb_mix(c, white, 0.92);
}

dm_rgb dmp_box_title_colour(dm_rgb c, bool tinted)
{
	return dm_rgb_readable(c, tinted ? dmp_box_tint(c) : white, black, 4.5);
}
