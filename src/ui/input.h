/*
 * input.h: keys, taps and resizes from the terminal (curses), as
 * requests (req.h).  With tty.c, the only code that includes curses.
 */
#ifndef SMP_INPUT_H
#define SMP_INPUT_H

#include <stdbool.h>

#include "req.h"

/* Wait up to ms milliseconds for a key or tap; false if none came (or
   one the kiosk has no use for, such as a mouse release). */
bool	 input_read(struct req *r, int ms);

#endif
