/*
 * form_load.h: reading a form file into the model of form/form.h.
 *
 * form_load() reads a .form file, parses it, checks it whole (every
 * reference resolved, every expression compiled and type-checked, every
 * client-visible text present in every declared language, every picture
 * found) and returns an immutable struct form the caller frees with
 * form_free(), or NULL with every problem recorded in the struct diag as
 * "path:line:col: message".  The language is described in
 * docs/form-language.md.
 */
#ifndef SMP_FORM_LOAD_H
#define SMP_FORM_LOAD_H

#include <stddef.h>

#include "base/diag.h"
#include "form/form.h"

#define FORM_NO_ART	0x1	/* do not read pictures (stored forms) */
#define FORM_STORED	0x2	/* a form kept in a database: accept what
				   older versions of the language allowed
				   (a stop without a kind, a picture
				   without 'describe', a language without
				   the phrases added since): the intakes
				   answered on it must stay readable */

/* A file that cannot be read: NULL with *errp ("path: reason", caller
   frees) if errp is given, else a problem at 1:1 in d. */
struct form	*form_load(const char *path, unsigned flags, struct diag *d,
		     char **errp);
/* Parse text already in memory, named name in messages; art_dir NULL
   means FORM_NO_ART. */
struct form	*form_load_text(const char *name, const char *buf, size_t len,
		     const char *art_dir, unsigned flags, struct diag *d);

/* The picture folder of a form file: "<dir of path>/art"; caller frees. */
char		*form_load_art_dir(const char *path);

#endif
