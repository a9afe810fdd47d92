#!/usr/bin/env python3
# unicode.py - writes src/md/unicode.c: the character classes header
# identifiers need (lower case; letter or digit), taken from the C
# library's C.UTF-8 locale, so that the reader needs no locale at run time.
#
#   python3 src/md/unicode.py > src/md/unicode.c
import ctypes
import ctypes.util

libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.newlocale.restype = ctypes.c_void_p
libc.newlocale.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p]
libc.towlower_l.restype = ctypes.c_uint
libc.towlower_l.argtypes = [ctypes.c_uint, ctypes.c_void_p]
libc.iswalnum_l.restype = ctypes.c_int
libc.iswalnum_l.argtypes = [ctypes.c_uint, ctypes.c_void_p]
LC_CTYPE_MASK = 1
loc = libc.newlocale(LC_CTYPE_MASK, b"C.UTF-8", None)
if not loc:
    raise SystemExit("unicode.py: no C.UTF-8 locale")

alnum = []  # [first, last]
lower = []  # [first, last, delta, step]
for cp in range(0x80, 0x110000):
    if 0xD800 <= cp <= 0xDFFF:
        continue
    if libc.iswalnum_l(cp, loc):
        if alnum and alnum[-1][1] == cp - 1:
            alnum[-1][1] = cp
        else:
            alnum.append([cp, cp])
    d = libc.towlower_l(cp, loc) - cp
    if d == 0:
        continue
    r = lower[-1] if lower else None
    if r and r[2] == d and r[0] == r[1] and cp - r[1] in (1, 2):
        r[3] = cp - r[1]
        r[1] = cp
    elif r and r[2] == d and cp - r[1] == r[3]:
        r[1] = cp
    else:
        lower.append([cp, cp, d, 1])


def rows(items, per, fmt):
    out = []
    for i in range(0, len(items), per):
        out.append("\t" + " ".join(fmt(x) for x in items[i:i + per]))
    return "\n".join(out)


print("""/*
 * unicode.c - the character classes of header identifiers outside ASCII:
 * lower case, and letter or digit, as the C library's C.UTF-8 locale
 * has them (towlower, iswalnum), in tables, so that no locale is needed
 * at run time (and none can fail to load).  Written by unicode.py; do not
 * edit.
 */
#include "md.h"

/* The code points iswalnum() accepts, as ranges. */
static const uint32_t alnum[][2] = {""")
print(rows(alnum, 4, lambda r: "{0x%x, 0x%x}," % (r[0], r[1])))
print("""};

/* What towlower() changes: from `first` to `last` every `step`, add
 * `delta`. */
static const struct {
	uint32_t first, last;
	int32_t delta;
	uint32_t step;
} lower[] = {""")
print(rows(lower, 2, lambda r: "{0x%x, 0x%x, %d, %d}," % tuple(r)))
print("""};

bool dmp_unicode_alnum(uint32_t cp)
{
	size_t lo = 0, hi = sizeof alnum / sizeof *alnum, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < alnum[mid][0])
			hi = mid;
		else if (cp > alnum[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

uint32_t dmp_unicode_lower(uint32_t cp)
{
	size_t lo = 0, hi = sizeof lower / sizeof *lower, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < lower[mid].first)
			hi = mid;
		else if (cp > lower[mid].last)
			lo = mid + 1;
		else if ((cp - lower[mid].first) % lower[mid].step == 0)
			return (uint32_t)((int32_t)cp + lower[mid].delta);
		else
			return cp;
	}
	return cp;
}""")
