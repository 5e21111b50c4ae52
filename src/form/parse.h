/*
 * parse.h: the state of the form parser and the helpers its keyword
 * handlers share (parse.c): token access, located errors, ids, numbers,
 * texts in every language, expressions.  Private to the form layer.
 *
 * A form is parsed line by line (parse_line.c dispatches each line on its
 * keyword; parse_question.c handles questions and options); the checks
 * that need the whole form are in form_check.c and the pictures in
 * form_art.c.  form_load.c drives them in that order.
 */
#ifndef SMP_PARSE_H
#define SMP_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/defs.h"
#include "form/form.h"
#include "form/lex.h"
#include "idtab.h"

#define TOK(p, i)	(&(p)->ln->toks[(i)])	/* token i of the line */
#define NTOK(p)		((p)->ln->ntoks)	/* tokens on the line */

/* A picture reference, resolved once every picture is known. */
struct form_artref {
	char		*name;	/* owned */
	struct form_loc	 loc;	/* of the name */
	int		 q;	/* question index */
	int		 opt;	/* option index, or -1 for the question */
};

/* Where the parser is: the block later attribute lines belong to. */
enum form_pctx {
	PC_NONE,	/* nothing open (after "rules", or before "form") */
	PC_FORM,	/* form header */
	PC_SECTION,
	PC_SCREEN,
	PC_QUESTION,	/* a question, before its first option */
	PC_OPTION,	/* the last option of the last question */
	PC_RULE,
	PC_BAND
};

/* What a "message" line attaches to. */
enum form_psub {
	SUB_NONE,
	SUB_VALIDATE,
	SUB_PATTERN
};

struct form_parser {
	struct form	*f;
	struct diag	*d;
	size_t		 base;		/* diag_count() before we began */
	const char	*art_dir;	/* NULL: do not read pictures */
	const struct lex_line *ln;	/* the line being parsed */
	enum form_pctx	 ctx;
	enum form_psub	 sub;
	bool		 quiet;		/* current block's head was bad */
	bool		 seen_form;	/* a "form" line (or its error) */
	bool		 lang_warned;	/* reported texts before languages */
	bool		 bad_lines;	/* the lexer skipped lines */
	bool		 stored;	/* FORM_STORED: a kept, older form */
	struct form_loc	 langs_loc;	/* the "languages" line */
	int		 lang_col[FORM_MAX_LANGS];
	int		 section;	/* current section, or -1 */
	size_t		 cap_items, cap_q, cap_scr, cap_sec, cap_rules,
			 cap_bands, cap_opts, cap_vals, cap_arts;
	struct idtab	 ids;		/* questions and screens -> item */
	struct idtab	 sections, rules, bands, options;
	struct form_artref *arts;
	size_t		 narts;
};

/* Is the error limit reached (stop parsing)? */
bool		 parse_full(const struct form_parser *p);
/* Bytes of a token worth quoting in a message. */
int		 parse_tlen(const struct lex_token *t);
/* Report a problem at token i of the current line (past the end: EOL). */
void		 parse_err(struct form_parser *p, size_t i,
		     const char *fmt, ...) SMP_PRINTFLIKE(3, 4);
struct form_loc	 parse_loc(const struct form_parser *p, size_t i);
/* Grow a zero-filled array to hold n + 1 elements; returns it. */
void		*parse_grow(void *arr, size_t n, size_t *cap, size_t size);
bool		 parse_extra(struct form_parser *p, size_t i,
		     const char *after);
char		*parse_id(struct form_parser *p, size_t i, const char *what,
		     bool strict);
int		 parse_num(struct form_parser *p, size_t i, const char *what,
		     double lo, double hi, bool whole, double *out);
int		 parse_int(struct form_parser *p, size_t i, const char *what,
		     int lo, int hi, int *out);
int		 parse_expr(struct form_parser *p, size_t from, size_t to,
		     const char *what, char **src, struct form_loc *loc);
void		 parse_show_if(struct form_parser *p, size_t i, char **src,
		     struct form_loc *loc);
void		 parse_text(struct form_parser *p, size_t i,
		     struct form_text *t, const char *kw, bool para);
const char	*parse_suggest(const struct lex_token *t,
		     const char *const *words, size_t n);

/* Add an item to the walk order; returns its index. */
int		 parse_add_item(struct form_parser *p, enum form_item_kind kind,
		     int ref);
/* Register a question or screen id; reports a duplicate at token 1. */
void		 parse_item_id(struct form_parser *p, const char *id, int item);

#endif
