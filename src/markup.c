/*
 * markup.c - colour arithmetic for stylesheets whose text keeps WCAG
 * contrast whatever colour a user picks.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dm.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

bool dm_rgb_parse(const char *s, dm_rgb *out)
{
	int v[6], i, n;

	if (s == NULL || s[0] != '#')
		return false;
	n = (int)strlen(++s);
	if (n != 3 && n != 6)
		return false;
	for (i = 0; i < n; i++)
		if ((v[i] = hexval(s[i])) < 0)
			return false;
	if (n == 3) {
		out->r = (unsigned char)(v[0] * 17);
		out->g = (unsigned char)(v[1] * 17);
		out->b = (unsigned char)(v[2] * 17);
	} else {
		out->r = (unsigned char)(v[0] * 16 + v[1]);
		out->g = (unsigned char)(v[2] * 16 + v[3]);
		out->b = (unsigned char)(v[4] * 16 + v[5]);
	}
	return true;
}

void dm_rgb_hex(dm_rgb c, char buf[7])
{
	static const char digit[] = "0123456789abcdef";
	const unsigned char v[3] = {c.r, c.g, c.b};
	int i;

	for (i = 0; i < 3; i++) { /* as "%02x" each */
		buf[2 * i] = digit[v[i] >> 4];
		buf[2 * i + 1] = digit[v[i] & 15];
	}
	buf[6] = '\0';
}

static unsigned char lerp(unsigned char a, unsigned char b, double t)
{
	return (unsigned char)lround(a + (b - a) * t);
}

dm_rgb dm_rgb_mix(dm_rgb a, dm_rgb b, double t)
{
	dm_rgb c = {lerp(a.r, b.r, t), lerp(a.g, b.g, t), lerp(a.b, b.b, t)};

	return c;
}

static double channel(unsigned char v)
{
	double c = v / 255.0;

	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(dm_rgb c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) +
	       0.0722 * channel(c.b);
}

double dm_rgb_contrast(dm_rgb a, dm_rgb b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

dm_rgb dm_rgb_readable(dm_rgb fg, dm_rgb bg, dm_rgb toward, double ratio)
{
	int step;

	for (step = 0; step <= 20; step++) {
		dm_rgb c = dm_rgb_mix(fg, toward, step / 20.0);
		if (dm_rgb_contrast(c, bg) >= ratio)
			return c;
	}
	return toward;
}
