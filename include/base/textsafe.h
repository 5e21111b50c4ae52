/*
 * smp_textsafe.h: stored text made safe to print on a terminal.
 *
 * Answers are typed by clients; a value holding ESC [ 2 J or a bidi
 * override must not clear a practitioner's screen or reorder what they
 * read.  textsafe_add() copies text, making visible:
 *
 *   C0 controls and DEL     caret notation: ESC "^[", BEL "^G", CR "^M",
 *                           DEL "^?" (LF and TAB too unless kept by flags)
 *   C1 controls U+0080-9F   "<U+009B>"
 *   bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069)
 *                           "<U+202E>"
 *   bytes that are not UTF-8 "\xNN" each
 *
 * Everything else (accents, CJK, emoji, right-to-left letters) is kept.
 * The module also measures and fits text to terminal columns (wcwidth, so
 * the caller must have called setlocale).
 */
#ifndef SMP_TEXTSAFE_H
#define SMP_TEXTSAFE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "base/utf8.h"

#define TEXTSAFE_KEEP_NL	0x1	/* keep LF as a line break */
#define TEXTSAFE_KEEP_TAB	0x2	/* keep TAB */

/* Append the safe form of s (len bytes) to sb. */
void	 textsafe_add(struct strbuf *sb, const char *s, size_t len,
	    unsigned flags);
/* The safe form of NUL-terminated s (NULL gives ""); caller frees. */
char	*textsafe(const char *s, unsigned flags);
/* Terminal columns of safe text s (already passed through textsafe). */
size_t	 textsafe_width(const char *s);
/*
 * Append safe text s to sb using at most cols columns; if it is wider, cut
 * it and end with an ellipsis ("…" in a UTF-8 locale, "~" otherwise).
 * With pad, add spaces up to exactly cols columns.  Returns columns used.
 */
size_t	 textsafe_fit(struct strbuf *sb, const char *s, size_t cols,
	    int pad);
/*
 * Append s as a JSON string literal (with its quotes) to sb: " \ and
 * every control, C1 and bidi character escaped as \uXXXX (so printing
 * the JSON on a terminal is safe too), bytes that are not UTF-8 as
 * \uFFFD.  NULL gives null.
 */
void	 textsafe_json(struct strbuf *sb, const char *s);

#endif
