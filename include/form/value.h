/*
 * value.h: a question's answer as stored (canonical) and as people read
 * it (display), without an engine: the engine, the export, the summary
 * and "record" all turn typed input into the canonical value, and stored
 * values into words, through these two functions.
 */
#ifndef SMP_VALUE_H
#define SMP_VALUE_H

#include "form/form.h"

/*
 * Canonicalise and validate a value for q without an engine (export,
 * record): same rules as engine_answer, "validate" expressions excluded.
 * Returns the canonical value (caller frees; "" when input is NULL or
 * blank, i.e. no answer) or NULL with *msgp set (caller frees).
 */
char		*value_canonical(const struct form *f,
		     const struct form_question *q, const char *input,
		     int lang, char **msgp);
/*
 * A canonical value v of q as people read it in language lang (what
 * engine_display shows); NULL if v is NULL or "".  Caller frees.
 */
char		*value_display(const struct form_question *q, const char *v,
		     int lang);

#endif
