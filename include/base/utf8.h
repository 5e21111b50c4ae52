/*
 * utf8.h: decoding and measuring UTF-8 (RFC 3629), in one place.
 *
 * Widths are terminal columns from wcwidth(3), so the caller must have
 * called setlocale(); a character wcwidth cannot measure counts one
 * column, a control character none.
 */
#ifndef SMP_UTF8_H
#define SMP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT	0xFFFDu	/* stands for an invalid byte */

/*
 * Decode the character at s (n bytes left).  Returns its length in bytes
 * and the code point in *cp, or 0 if the bytes are not valid UTF-8
 * (overlong, surrogate, beyond U+10FFFF, truncated) or n is 0.
 */
size_t	 utf8_decode(const char *s, size_t n, uint32_t *cp);
/* As utf8_decode, but an invalid byte is one character U+FFFD of one
   byte (for drawing what may be broken); 0 only when n is 0. */
size_t	 utf8_next(const char *s, size_t n, uint32_t *cp);
/* Whether s[0..len) is valid UTF-8; if not, *bad (optional) is the byte
   offset of the first bad sequence. */
bool	 utf8_valid(const char *s, size_t len, size_t *bad);
/* Code points in valid UTF-8 s[0..len). */
size_t	 utf8_count(const char *s, size_t len);
/* Whether the 8 bytes at s are all printable ASCII (0x20..0x7e): the
   fast path of scanners over mostly-ASCII text. */
bool	 utf8_printable8(const char *s);
/* Columns of one code point: controls 0, unknown 1. */
int	 utf8_cp_width(uint32_t cp);
/* Columns of s[0..len) (invalid bytes count one each). */
int	 utf8_width(const char *s, size_t len);
/* Whether the locale's character set is UTF-8. */
bool	 utf8_locale(void);

#endif
