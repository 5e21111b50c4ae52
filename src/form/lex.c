/*
 * lex.c: cut a form file into lines of tokens, reporting (and skipping)
 * lines that are not clean UTF-8 text.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xmalloc.h"
#include "form/lex.h"

struct lexer {
	const char	*buf;	/* the whole file, borrowed */
	size_t		 len;
	size_t		 pos;	/* start of the next line */
	int		 lineno;	/* of the line last read */
	struct diag	*d;
	struct lex_line	 line;	/* handed out by lex_next() */
	size_t		 cap;	/* tokens allocated in line.toks */
};

/* Bytes that end a plain run inside a string: quote, backslash, tab. */
static const bool string_stop[256] = {
	['"'] = true, ['\\'] = true, ['\t'] = true
};

/* Is c a byte that may continue a word? */
static int
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Is c an ASCII digit? */
static int
digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Bytes in the UTF-8 sequence led by c (1 for ASCII or a stray byte). */
static size_t
seq_len(unsigned char c)
{
	if (c >= 0xf0)
		return 4;
	if (c >= 0xe0)
		return 3;
	if (c >= 0xc0)
		return 2;
	return 1;
}

/* Is t the word w? */
int
lex_is(const struct lex_token *t, const char *w)
{
	return t->kind == LEX_WORD && strlen(w) == t->len &&
	    memcmp(t->p, w, t->len) == 0;
}

/* A lexer over buf; the caller frees it with lex_free() */
struct lexer *
lex_new(const char *buf, size_t len, struct diag *d)
{
	struct lexer	*lx = xcalloc(1, sizeof *lx);

	lx->buf = buf;
	lx->len = len;
	lx->d = d;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		lx->pos = 3;	/* a byte order mark */
	return lx;
}

/* Free the decoded strings of the last line and forget its tokens. */
static void
clear_line(struct lexer *lx)
{
	size_t	i;

	for (i = 0; i < lx->line.ntoks; i++)
		free(lx->line.toks[i].str);
	lx->line.ntoks = 0;
}

/* Free the lexer and the tokens of its last line */
void
lex_free(struct lexer *lx)
{
	if (lx == NULL)
		return;
	clear_line(lx);
	free(lx->line.toks);
	free(lx);
}

/*
 * Check line s[0..len) is valid UTF-8 without control characters, in one
 * pass: printable ASCII, the bulk of a form, costs a compare a byte.  An
 * invalid byte anywhere is reported before a control character earlier
 * in the line (the line cannot be shown until it is mended).
 */
static int
line_check(struct lexer *lx, const char *s, size_t len)
{
	size_t		i, n, ctl = len;
	uint32_t	cp = 0, ctl_cp = 0;
	unsigned char	c;

	for (i = 0; i < len; i += n) {
		n = 1;
		if (i + 8 <= len && utf8_printable8(s + i)) {
			n = 8;
			continue;
		}
		if ((c = (unsigned char)s[i]) >= 0x20 && c < 0x7f)
			continue;
		if (c >= 0x80 && (n = utf8_decode(s + i, len - i, &cp)) == 0) {
			diag_add(lx->d, lx->lineno, (int)utf8_count(s, i) + 1,
			    "invalid UTF-8 (byte 0x%02x)", c);
			return -1;
		}
		if (c < 0x80)
			cp = c;
		if (ctl == len && ((cp < 0x20 && cp != '\t') ||
		    (cp >= 0x7f && cp < 0xa0))) {
			ctl = i;
			ctl_cp = cp;
		}
	}
	if (ctl < len) {
		diag_add(lx->d, lx->lineno, (int)utf8_count(s, ctl) + 1,
		    "control character U+%04X is not allowed",
		    (unsigned)ctl_cp);
		return -1;
	}
	return 0;
}

/* Append a token to the current line; returns it. */
static struct lex_token *
push(struct lexer *lx, enum lex_kind kind, const char *p, size_t len,
    int col)
{
	struct lex_token	*t;

	if (lx->line.ntoks == lx->cap) {
		lx->cap = lx->cap ? lx->cap * 2 : 16;
		lx->line.toks = xreallocarray(lx->line.toks, lx->cap,
		    sizeof *lx->line.toks);
	}
	t = &lx->line.toks[lx->line.ntoks++];
	t->kind = kind;
	t->p = p;
	t->len = len;
	t->col = col;
	t->str = NULL;
	return t;
}

/*
 * Read the string whose quote is at s[i]; returns the byte after the
 * closing quote, or 0 after reporting a problem.
 */
static size_t
lex_string(struct lexer *lx, const char *s, size_t len, size_t i, int col)
{
	struct strbuf	 sb;
	size_t		 j = i + 1, k;
	char		 c;

	strbuf_init(&sb);
	for (; j < len && s[j] != '"'; j++) {
		for (k = j; k < len && !string_stop[(unsigned char)s[k]]; k++)
			;
		if (k > j) {		/* a run of plain bytes at once */
			strbuf_add(&sb, s + j, k - j);
			j = k - 1;
			continue;
		}
		if (s[j] == '\t') {
			diag_add(lx->d, lx->lineno, col + (int)utf8_count(s + i,
			    j - i), "tab inside a string (write \\t)");
			goto fail;
		}
		if (s[j] != '\\') {
			strbuf_addc(&sb, s[j]);
			continue;
		}
		c = j + 1 < len ? s[++j] : '\0';
		if (c == 'n')
			strbuf_addc(&sb, '\n');
		else if (c == 't')
			strbuf_addc(&sb, '\t');
		else if (c == '"' || c == '\\')
			strbuf_addc(&sb, c);
		else {
			diag_add(lx->d, lx->lineno, col + (int)utf8_count(s + i,
			    j - 1 - i), "unknown escape in string (use "
			    "\\\" \\\\ \\n or \\t)");
			goto fail;
		}
	}
	if (j >= len) {
		diag_add(lx->d, lx->lineno, col, "unterminated string");
		goto fail;
	}
	push(lx, LEX_STRING, s + i, j + 1 - i, col)->str = strbuf_detach(&sb);
	return j + 1;
fail:
	strbuf_done(&sb);
	return 0;
}

/* Length of the number or word starting at s[i]; sets *kind. */
static size_t
lex_word(const char *s, size_t len, size_t i, enum lex_kind *kind)
{
	size_t	j = i;

	if (s[j] == '-')
		j++;
	if (j < len && digit((unsigned char)s[j])) {
		while (j < len && digit((unsigned char)s[j]))
			j++;
		if (j + 1 < len && s[j] == '.' &&
		    digit((unsigned char)s[j + 1]))
			for (j++; j < len && digit((unsigned char)s[j]); j++)
				;
		*kind = LEX_NUMBER;
		if (j >= len || !word_byte((unsigned char)s[j]))
			return j - i;
	}
	*kind = LEX_WORD;
	while (j < len && word_byte((unsigned char)s[j]))
		j++;
	return j - i;
}

/* Cut line s[0..len) into tokens; -1 after reporting a problem. */
static int
tokenize(struct lexer *lx, const char *s, size_t len)
{
	size_t		i = 0, n;
	int		col = 1;
	enum lex_kind	kind;
	unsigned char	c;

	while (i < len) {
		c = (unsigned char)s[i];
		if (c == ' ' || c == '\t') {
			i++, col++;
			continue;
		}
		if (c == '#')
			break;
		if (c == '"') {
			if ((n = lex_string(lx, s, len, i, col)) == 0)
				return -1;
		} else if (word_byte(c) && (c != '-' || (i + 1 < len &&
		    digit((unsigned char)s[i + 1])))) {
			n = i + lex_word(s, len, i, &kind);
			push(lx, kind, s + i, n - i, col);
		} else {
			n = i + seq_len(c);
			push(lx, LEX_PUNCT, s + i, n - i, col);
		}
		col += (int)utf8_count(s + i, n - i);
		i = n;
	}
	return 0;
}

/* Read lines until one holds tokens; report and skip unreadable ones */
const struct lex_line *
lex_next(struct lexer *lx)
{
	const char	*s, *nl;
	size_t		 len;

	for (;;) {
		clear_line(lx);
		if (lx->pos >= lx->len)
			return NULL;
		s = lx->buf + lx->pos;
		nl = memchr(s, '\n', lx->len - lx->pos);
		len = nl != NULL ? (size_t)(nl - s) : lx->len - lx->pos;
		lx->pos += len + 1;
		lx->lineno++;
		if (len > 0 && s[len - 1] == '\r')
			len--;
		if (len > LEX_MAX_LINE) {
			diag_add(lx->d, lx->lineno, 1, "line is too long "
			    "(more than %d bytes)", LEX_MAX_LINE);
			continue;
		}
		if (line_check(lx, s, len) < 0 || tokenize(lx, s, len) < 0) {
			clear_line(lx);
			continue;
		}
		if (lx->line.ntoks > 0) {
			lx->line.lineno = lx->lineno;
			return &lx->line;
		}
	}
}
