/*
 * form_check.h: the checks that need the whole form (form_check.c), run
 * once every line is parsed.  Private to the form layer.
 */
#ifndef SMP_FORM_CHECK_H
#define SMP_FORM_CHECK_H

#include "parse.h"

/*
 * Check the whole model, in two halves so that, with the pictures read
 * between them (form_art_load), problems are reported in file order:
 * the header and phrases, then items (texts, references, expressions),
 * rules, bands and caps.
 */
void	form_check_head(struct form_parser *p);
void	form_check_body(struct form_parser *p);

#endif
