/*
 * tty.h: the terminal under the kiosk (curses): starting and restoring
 * it, its size, and drawing a grid.  tty_draw() writes only the cells
 * that differ from the grid drawn last, so a key press that moves a
 * highlight costs a few cells, not a screen.  With input.c, the only
 * code that includes curses.
 */
#ifndef SMP_TTY_H
#define SMP_TTY_H

#include <stdbool.h>

#include "grid.h"

/* Start curses in kiosk mode (high_contrast: that theme); -1 with *errp
   if the terminal cannot be used (unknown TERM, no cursor addressing). */
int	 tty_start(bool high_contrast, char **errp);
/* Restore the terminal (also run by die()); safe to call twice. */
void	 tty_stop(void);
/* The terminal's size. */
void	 tty_size(int *rows, int *cols);
/* Make the screen show g (cells, cursor), writing what changed. */
void	 tty_draw(const struct grid *g);
/* Ring the terminal's bell. */
void	 tty_bell(void);
/* Whether the terminal shows Unicode (a UTF-8 locale). */
bool	 tty_utf8(void);
/* The colours the terminal shows (0: none). */
int	 tty_ncolours(void);
/* Clear and redraw the whole screen from what curses holds (wipes any
   image painted over it, pixels.c). */
void	 tty_repaint(void);

#endif
