/*
 * utf8.c: decoding and measuring UTF-8 (see base/utf8.h).  Every module
 * that reads UTF-8 byte by byte goes through utf8_decode, so there is one
 * definition of what is valid.
 */
#include <langinfo.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "base/utf8.h"

/* Decode one strictly valid sequence; 0 if invalid. */
size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 len, i;
	uint32_t		 c, min;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2; c = s[0] & 0x1fu; min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3; c = s[0] & 0x0fu; min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4; c = s[0] & 0x07u; min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3fu);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Decode one character; an invalid byte is U+FFFD of length 1. */
size_t
utf8_next(const char *s, size_t n, uint32_t *cp)
{
	size_t	len;

	if (n == 0)
		return 0;
	if ((len = utf8_decode(s, n, cp)) == 0) {
		*cp = UTF8_REPLACEMENT;
		len = 1;
	}
	return len;
}

/* Validate a whole buffer. */
bool
utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t		i = 0, n;
	uint32_t	cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {	/* ASCII: no call */
			i++;
			continue;
		}
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			if (bad != NULL)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

/*
 * Whether the 8 bytes at s are all printable ASCII (0x20..0x7e), tested
 * as one word: a byte below 0x20 borrows in the subtraction, one at or
 * above 0x7f sets its top bit in the sum or on its own.  A borrow or
 * carry can only spread from a byte that already fails, so the answer is
 * exact.
 */
bool
utf8_printable8(const char *s)
{
	const uint64_t	ones = 0x0101010101010101u, high = ones << 7;
	uint64_t	w;

	memcpy(&w, s, sizeof(w));
	return ((((w - ones * 0x20) & ~w) | w | (w + ones)) & high) == 0;
}

/* Count code points (continuation bytes do not start one), eight
   printable ASCII bytes at a time. */
size_t
utf8_count(const char *s, size_t len)
{
	size_t	i = 0, n = 0;

	for (; i + 8 <= len && utf8_printable8(s + i); i += 8)
		n += 8;
	for (; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* Columns of cp: ASCII without a call, controls 0, unknown 1. */
int
utf8_cp_width(uint32_t cp)
{
	int	w;

	if (cp >= 0x20 && cp < 0x7f)
		return 1;
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* Columns of s[0..len). */
int
utf8_width(const char *s, size_t len)
{
	size_t		 i = 0, n;
	uint32_t	 cp;
	int		 w = 0;

	while ((n = utf8_next(s + i, len - i, &cp)) > 0) {
		w += utf8_cp_width(cp);
		i += n;
	}
	return w;
}

/* Is the locale's character set UTF-8? */
bool
utf8_locale(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "utf8") == 0);
}
