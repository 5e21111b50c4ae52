/*
 * parse_question.h: the keyword handlers for questions, their attributes
 * and options (parse_question.c), called by the line parser's table.
 * Private to the form layer.
 */
#ifndef SMP_PARSE_QUESTION_H
#define SMP_PARSE_QUESTION_H

#include "parse.h"

/* question ID TYPE [required] [identifier] [show if COND] */
void	parse_question_start(struct form_parser *p);
/* label LANG "text" (question or option) */
void	parse_question_label(struct form_parser *p);
/* help LANG "text" (question or option) */
void	parse_question_help(struct form_parser *p);
void	parse_question_describe(struct form_parser *p);
/* short, min, max, maxlen, pattern, low, high, validate */
void	parse_question_attr(struct form_parser *p);
/* message LANG "text" after validate or pattern */
void	parse_question_message(struct form_parser *p);
/* art NAME (question or option) */
void	parse_question_art(struct form_parser *p);
/* option CODE [points N] [exclusive] */
void	parse_question_option(struct form_parser *p);
/* points N (option) */
void	parse_question_points(struct form_parser *p);
/* Whether a "points" line belongs to an option rather than being a
   points rule (points ID EXPR if COND). */
bool	parse_question_is_points(const struct form_parser *p);

#endif
