/*
 * form_parse.h: private to form_parse.c and form_parse_kw.c: helpers that
 * read the tokens of the current line, and the keyword handlers.
 */
#ifndef SMP_FORM_PARSE_H
#define SMP_FORM_PARSE_H

#include <stdbool.h>

#include "form_int.h"

/* Bytes of a token worth quoting in a message. */
int		 fp_tlen(const struct lex_token *t);
/* Report a problem at token i of the current line (past the end: EOL). */
void		 fp_err(struct form_parser *p, size_t i, const char *fmt, ...)
		     SMP_PRINTFLIKE(3, 4);
struct form_loc	 fp_loc(const struct form_parser *p, size_t i);
/* Grow a zero-filled array to hold n + 1 elements; returns it. */
void		*fp_grow(void *arr, size_t n, size_t *cap, size_t size);
bool		 fp_extra(struct form_parser *p, size_t i, const char *after);
char		*fp_id(struct form_parser *p, size_t i, const char *what,
		     bool strict);
int		 fp_num(struct form_parser *p, size_t i, const char *what,
		     double lo, double hi, bool whole, double *out);
int		 fp_int(struct form_parser *p, size_t i, const char *what,
		     int lo, int hi, int *out);
int		 fp_expr(struct form_parser *p, size_t from, size_t to,
		     const char *what, char **src, struct form_loc *loc);
void		 fp_show_if(struct form_parser *p, size_t i, char **src,
		     struct form_loc *loc);
void		 fp_text(struct form_parser *p, size_t i, struct form_text *t,
		     const char *kw, bool para);
const char	*fp_suggest(const struct lex_token *t,
		     const char *const *words, size_t n);

/* Add an item to the walk order; returns its index. */
int		 fp_add_item(struct form_parser *p, enum form_item_kind kind,
		     int ref);
/* Register a question or screen id; reports a duplicate at token 1. */
void		 fp_item_id(struct form_parser *p, const char *id, int item);

/* Keyword handlers (form_parse_kw.c, form_parse_q.c). */
void	fp_kw_form(struct form_parser *p);
void	fp_kw_version(struct form_parser *p);
void	fp_kw_languages(struct form_parser *p);
void	fp_kw_title(struct form_parser *p);
void	fp_kw_end(struct form_parser *p);
void	fp_kw_phrase(struct form_parser *p);
void	fp_kw_section(struct form_parser *p);
void	fp_kw_intro(struct form_parser *p);
void	fp_kw_show(struct form_parser *p);
void	fp_kw_screen(struct form_parser *p);
void	fp_kw_text(struct form_parser *p);
void	fp_kw_agree(struct form_parser *p);
void	fp_kw_question(struct form_parser *p);
void	fp_kw_label(struct form_parser *p);
void	fp_kw_help(struct form_parser *p);
void	fp_kw_qattr(struct form_parser *p);
void	fp_kw_message(struct form_parser *p);
void	fp_kw_art(struct form_parser *p);
void	fp_kw_option(struct form_parser *p);
void	fp_kw_points(struct form_parser *p);
void	fp_kw_rules(struct form_parser *p);
void	fp_kw_rule(struct form_parser *p);
void	fp_kw_band(struct form_parser *p);
void	fp_kw_client(struct form_parser *p);

#endif
