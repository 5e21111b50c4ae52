/*
 * form_art.h: the pictures of a form (form_art.c).  Private to the form
 * layer.
 */
#ifndef SMP_FORM_ART_H
#define SMP_FORM_ART_H

#include "parse.h"

/* Read, check and attach every picture the form refers to. */
void	form_art_load(struct form_parser *p);

#endif
