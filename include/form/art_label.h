/*
 * art_label.h: the words drawn inside a picture ("front" and "back" on
 * the head seen from above) said in the client's language.  The art
 * files carry the English words; the kiosk and the paper form replace
 * them line by line, keeping each line's width.
 */
#ifndef SMP_ART_LABEL_H
#define SMP_ART_LABEL_H

#include <stddef.h>

/*
 * Line s[0..len) of a picture with the word (" front ", between blanks)
 * replaced by repl, the dashes around it shortened or lengthened so the
 * line keeps its width; NULL when the line has no such word or repl is
 * NULL or the same word.  Caller frees.
 */
char	*art_label(const char *s, size_t len, const char *word,
	    const char *repl);
/* Picture text t (lines joined by '\n') with "front" and "back" said as
   front and back (NULL: kept); caller frees. */
char	*art_label_text(const char *t, const char *front, const char *back);

#endif
