/*
 * parse_line.h: parsing every line of a form's source into its model
 * (parse_line.c).  Private to the form layer.
 */
#ifndef SMP_PARSE_LINE_H
#define SMP_PARSE_LINE_H

#include "parse.h"

/* Parse every line of p->f->source; an empty form is an error. */
void	parse_line_all(struct form_parser *p);

#endif
