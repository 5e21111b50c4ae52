/*
 * expr_words.h: a condition said in words a client understands ("you are
 * 18 or over", "you answered "Phone" or "Both" to "How may we contact
 * you?""), in one of the form's languages, for the paper form.
 */
#ifndef SMP_EXPR_WORDS_H
#define SMP_EXPR_WORDS_H

#include "form/expr.h"
#include "form/model.h"

/*
 * The boolean expression e of form f in words, in language lang, using
 * the questions' labels and the options' labels; forms it has no words
 * for say the phrase "words-other" ("your earlier answers call for it"),
 * never code.  Returns a new string (caller frees).
 */
char	*expr_words(const struct expr *e, const struct form *f, int lang);

#endif
