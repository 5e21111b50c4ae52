/*
 * input.h: keys, taps and resizes from the terminal (curses), as
 * requests (req.h).  With tty.c, the only code that includes curses.
 */
#ifndef SMP_INPUT_H
#define SMP_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "req.h"

/* Wait up to ms milliseconds for a key or tap; false if none came (or
   one the kiosk has no use for, such as a mouse release). */
bool	 input_read(struct req *r, int ms);
/*
 * How many of the n code points at s (s[0] is Esc, s[1..] what came in
 * the same burst) are the escape sequence it starts, to be dropped: the
 * whole of a CSI (ESC [ ... final byte; cut short by the burst's end or
 * a byte that cannot be in it: what came so far), SS3 (ESC O x), a
 * terminated control string (ESC ] ... BEL or ESC \), Alt with a
 * printable ASCII key (2), Alt with a sequence (ESC ESC [ A); else the
 * Esc alone (1).  n itself for a lone Esc (n <= 1).
 */
size_t	 input_esc_len(const uint32_t *s, size_t n);
/*
 * The curses key code (KEY_F(2)...) of the longest start of the burst
 * s[0..n) (s[0] is Esc) that this terminal's terminfo names, with *lenp
 * its length; 0 if none.  For a key whose sequence came in two reads
 * further apart than curses waits: F2 stays F2, not Esc and "OQ".
 * Needs curses started (tty.c).
 */
int	 input_esc_key(const uint32_t *s, size_t n, size_t *lenp);

#endif
