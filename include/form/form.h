/*
 * form.h: looking things up in a form model (form/model.h) and freeing
 * it.  Forms are made by form_load() (form/form_load.h).
 */
#ifndef SMP_FORM_H
#define SMP_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "base/i18n.h"
#include "form/model.h"

/* Does t give a text in any language? */
bool		 form_text_given(const struct form_text *t);
void		 form_free(struct form *f);

const struct form_question *form_question(const struct form *f,
		     const char *id);
const struct form_screen *form_screen(const struct form *f,
		     const char *id);
const struct form_option *form_option(const struct form_question *q,
		     const char *code);
/* Index of language code in f->langs, or -1. */
int		 form_lang(const struct form *f, const char *code);
/* Text in language lang, falling back to the first language; may be NULL. */
const char	*form_tr(const struct form_text *t, int lang);
/* A phrase: the form's override, else the built-in text. Never NULL
   for a checked form. */
const char	*form_phrase(const struct form *f, enum phrase p, int lang);
/* Staff name of a question: shortname, else label. */
const char	*form_qname(const struct form_question *q, int lang);
const char	*form_qtype_name(enum form_qtype t);
/* What the client reads for option o: its label in lang (yes/no options
   carry the phrases, filled in by the checker), else its code. */
const char	*form_option_label(const struct form_option *o, int lang);
/* The picture's text for this terminal: Unicode, or the ASCII twin when
   utf8 is false; NULL for no picture. */
const char	*form_art_text(const struct form_art *art, bool utf8);

#endif
