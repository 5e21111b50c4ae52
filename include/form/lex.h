/*
 * smp_lex.h: the tokenizer of form files.
 *
 * A form is line oriented, so the lexer hands out one line at a time, cut
 * into tokens.  Lines it cannot read (invalid UTF-8, control characters,
 * an unterminated string, a line over LEX_MAX_LINE bytes) are reported to
 * the struct diag and skipped; blank and comment-only lines are skipped
 * silently.  Columns count code points, 1-based.
 *
 * Expressions are not tokenized for meaning here: the parser passes the
 * exact source text between two tokens to expr_compile(), so LEX_PUNCT is
 * just "any other character".
 */
#ifndef SMP_LEX_H
#define SMP_LEX_H

#include <stddef.h>

#include "base/diag.h"

#define LEX_MAX_LINE	10000	/* bytes in one line */

enum lex_kind {
	LEX_WORD,	/* [A-Za-z0-9_][A-Za-z0-9_-]*, not a number */
	LEX_NUMBER,	/* -?[0-9]+(.[0-9]+)? */
	LEX_STRING,	/* "...", str holds the decoded text */
	LEX_PUNCT	/* one other character (operators, parentheses) */
};

struct lex_token {
	enum lex_kind	 kind;
	const char	*p;	/* first byte in the buffer */
	size_t		 len;	/* bytes, quotes included */
	int		 col;	/* column of the first character */
	char		*str;	/* LEX_STRING: decoded; owned by the lexer */
};

/* One line's tokens; valid until the next lex_next() or lex_free(). */
struct lex_line {
	int		 lineno;
	struct lex_token *toks;
	size_t		 ntoks;
};

struct lexer;

/* A lexer over buf[0..len), which must outlive it; errors go to d. */
struct lexer	*lex_new(const char *buf, size_t len, struct diag *d);
void		 lex_free(struct lexer *lx);
/* The next line holding tokens, or NULL at the end of the buffer. */
const struct lex_line *lex_next(struct lexer *lx);
/* Does token t spell word w exactly? */
int		 lex_is(const struct lex_token *t, const char *w);

#endif
