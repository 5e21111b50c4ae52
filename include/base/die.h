/*
 * die.h: fatal errors.
 *
 * Only for what cannot be recovered from (memory exhausted, an
 * impossible state); everything else is returned to the caller with a
 * message.  die() and diex() first run the hook registered with
 * die_set_hook(), which the kiosk uses to restore the terminal, then
 * print "smp-intake: message" and exit with SMP_EXIT_SOFTWARE.
 */
#ifndef SMP_DIE_H
#define SMP_DIE_H

#include "base/defs.h"

/* die() appends strerror(errno), diex() does not. */
SMP_NORETURN void die(const char *fmt, ...) SMP_PRINTFLIKE(1, 2);
SMP_NORETURN void diex(const char *fmt, ...) SMP_PRINTFLIKE(1, 2);
/* Called once by die()/diex() before printing (e.g. endwin). */
void	 die_set_hook(void (*hook)(void));

#endif
