/*
 * textsafe.c: stored text made safe for a terminal (control characters,
 * escape sequences and bidi controls shown visibly), and fitting text to a
 * number of terminal columns.  See smp_textsafe.h.
 */
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "base/textsafe.h"

/*
 * Decode one UTF-8 sequence at s (n bytes left).  Returns its length and
 * the code point in *cp, or 0 if the bytes are not valid UTF-8 (overlong,
 * surrogate, beyond U+10FFFF, truncated).
 */
static size_t
ts_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t		len, i;
	unsigned long	c, min;

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

/* Whether code point c is a bidi embedding, override or isolate. */
static int
ts_is_bidi(unsigned long c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

void
textsafe_add(struct strbuf *sb, const char *s, size_t len, unsigned flags)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;
	unsigned long		 c;

	while (i < len) {
		n = ts_decode(p + i, len - i, &c);
		if (n == 0) {
			sb_addf(sb, "\\x%02X", p[i]);
			i++;
			continue;
		}
		if ((c == '\n' && (flags & TEXTSAFE_KEEP_NL)) ||
		    (c == '\t' && (flags & TEXTSAFE_KEEP_TAB)))
			sb_addc(sb, (char)c);
		else if (c < 0x20) {
			sb_addc(sb, '^');
			sb_addc(sb, (char)(c + 0x40));
		} else if (c == 0x7f)
			sb_adds(sb, "^?");
		else if ((c >= 0x80 && c <= 0x9f) || ts_is_bidi(c))
			sb_addf(sb, "<U+%04lX>", c);
		else
			sb_add(sb, s + i, n);
		i += n;
	}
}

char *
textsafe(const char *s, unsigned flags)
{
	struct strbuf	sb;

	sb_init(&sb);
	if (s != NULL)
		textsafe_add(&sb, s, strlen(s), flags);
	return sb_detach(&sb);
}

/* Columns taken by code point c (unprintable counts as one). */
static size_t
ts_cols(unsigned long c)
{
	int	w;

	if (c < 0x80)
		return 1;
	w = wcwidth((wchar_t)c);
	return w < 0 ? 1 : (size_t)w;
}

size_t
textsafe_width(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len = strlen(s), i = 0, n, w = 0;
	unsigned long		 c;

	while (i < len) {
		n = ts_decode(p + i, len - i, &c);
		if (n == 0) {
			n = 1;
			c = '?';
		}
		w += ts_cols(c);
		i += n;
	}
	return w;
}

int
textsafe_utf8_locale(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "utf8") == 0);
}

size_t
textsafe_fit(struct strbuf *sb, const char *s, size_t cols, int pad)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len = strlen(s), i = 0, n, w = 0, cw;
	unsigned long		 c;

	if (textsafe_width(s) <= cols) {
		sb_adds(sb, s);
		w = textsafe_width(s);
	} else if (cols > 0) {
		while (i < len) {
			n = ts_decode(p + i, len - i, &c);
			if (n == 0) {
				n = 1;
				c = '?';
			}
			cw = ts_cols(c);
			if (w + cw > cols - 1)
				break;
			sb_add(sb, s + i, n);
			w += cw;
			i += n;
		}
		sb_adds(sb, textsafe_utf8_locale() ? "\xe2\x80\xa6" : "~");
		w++;
	}
	while (pad && w < cols) {
		sb_addc(sb, ' ');
		w++;
	}
	return w;
}

void
textsafe_json(struct strbuf *sb, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len, i = 0, n;
	unsigned long		 c;

	if (s == NULL) {
		sb_adds(sb, "null");
		return;
	}
	len = strlen(s);
	sb_addc(sb, '"');
	while (i < len) {
		if ((n = ts_decode(p + i, len - i, &c)) == 0) {
			sb_adds(sb, "\\ufffd");
			i++;
			continue;
		}
		if (c == '"' || c == '\\') {
			sb_addc(sb, '\\');
			sb_addc(sb, (char)c);
		} else if (c == '\n')
			sb_adds(sb, "\\n");
		else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || ts_is_bidi(c))
			sb_addf(sb, "\\u%04lx", c);
		else
			sb_add(sb, s + i, n);
		i += n;
	}
	sb_addc(sb, '"');
}
