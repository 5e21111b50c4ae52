/*
 * say.h: what the kiosk says aloud about a page (speech = yes): the
 * words, not the sound (speech.c speaks them).  Never an identifier: a
 * typed answer is not read back, nor a review answer to a question
 * marked "identifier" (name, phone, email, birth date): a lobby is
 * public.  Curses-free, so unit tests read the words.
 */
#ifndef SMP_SAY_H
#define SMP_SAY_H

#include "kiosk.h"

/* The page in words: progress, heading, intro, question or text, help,
   the entries (numbered, with each picture in words); caller frees. */
char	*say_page(struct kiosk *k, const struct ui_page *p);
/* The highlighted entry in words, or NULL if none; caller frees. */
char	*say_focus(const struct ui_page *p);
/* The client's own answer, for F4 only: the text in the field being
   typed (never a masked one, the PIN), else the highlighted entry's
   answer (the review; an identifier's is said on this request only);
   NULL if none.  Caller frees (xfree_secret: it may be a name). */
char	*say_answer(const struct ui_page *p);

#endif
