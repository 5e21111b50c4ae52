/*
 * textsafe.c: stored text made safe for a terminal (control characters,
 * escape sequences and bidi controls shown visibly), and fitting text to a
 * number of terminal columns.  See base/textsafe.h.
 */
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/textsafe.h"
#include "base/utf8.h"

/* Whether code point c is a bidi embedding, override or isolate. */
static int
ts_is_bidi(uint32_t c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

void
textsafe_add(struct strbuf *sb, const char *s, size_t len, unsigned flags)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;
	uint32_t		 c;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &c);
		if (n == 0) {
			strbuf_addf(sb, "\\x%02X", p[i]);
			i++;
			continue;
		}
		if ((c == '\n' && (flags & TEXTSAFE_KEEP_NL)) ||
		    (c == '\t' && (flags & TEXTSAFE_KEEP_TAB)))
			strbuf_addc(sb, (char)c);
		else if (c < 0x20) {
			strbuf_addc(sb, '^');
			strbuf_addc(sb, (char)(c + 0x40));
		} else if (c == 0x7f)
			strbuf_adds(sb, "^?");
		else if ((c >= 0x80 && c <= 0x9f) || ts_is_bidi(c))
			strbuf_addf(sb, "<U+%04X>", c);
		else
			strbuf_add(sb, s + i, n);
		i += n;
	}
}

char *
textsafe(const char *s, unsigned flags)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	if (s != NULL)
		textsafe_add(&sb, s, strlen(s), flags);
	return strbuf_detach(&sb);
}

size_t
textsafe_width(const char *s)
{
	size_t			 len = strlen(s), i = 0, n, w = 0;
	uint32_t		 c;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &c);
		if (n == 0) {
			n = 1;
			c = '?';
		}
		w += (size_t)utf8_cp_width(c);
		i += n;
	}
	return w;
}


size_t
textsafe_fit(struct strbuf *sb, const char *s, size_t cols, int pad)
{
	size_t			 len = strlen(s), i = 0, n, w = 0, cw;
	uint32_t		 c;

	if (textsafe_width(s) <= cols) {
		strbuf_adds(sb, s);
		w = textsafe_width(s);
	} else if (cols > 0) {
		while (i < len) {
			n = utf8_decode(s + i, len - i, &c);
			if (n == 0) {
				n = 1;
				c = '?';
			}
			cw = (size_t)utf8_cp_width(c);
			if (w + cw > cols - 1)
				break;
			strbuf_add(sb, s + i, n);
			w += cw;
			i += n;
		}
		strbuf_adds(sb, utf8_locale() ? "\xe2\x80\xa6" : "~");
		w++;
	}
	while (pad && w < cols) {
		strbuf_addc(sb, ' ');
		w++;
	}
	return w;
}

void
textsafe_json(struct strbuf *sb, const char *s)
{
	size_t			 len, i = 0, n;
	uint32_t		 c;

	if (s == NULL) {
		strbuf_adds(sb, "null");
		return;
	}
	len = strlen(s);
	strbuf_addc(sb, '"');
	while (i < len) {
		if ((n = utf8_decode(s + i, len - i, &c)) == 0) {
			strbuf_adds(sb, "\\ufffd");
			i++;
			continue;
		}
		if (c == '"' || c == '\\') {
			strbuf_addc(sb, '\\');
			strbuf_addc(sb, (char)c);
		} else if (c == '\n')
			strbuf_adds(sb, "\\n");
		else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || ts_is_bidi(c))
			strbuf_addf(sb, "\\u%04x", c);
		else
			strbuf_add(sb, s + i, n);
		i += n;
	}
	strbuf_addc(sb, '"');
}
