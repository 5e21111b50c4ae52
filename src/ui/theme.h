/*
 * theme.h: the kiosk's colours as data, with no curses behind them, so a
 * unit test can check every pair's contrast: WCAG 2.x ratio on the Linux
 * console's palette, at least 7:1 (level AAA) for every look the kiosk
 * uses.  tty.c turns a theme into curses colour pairs.
 *
 * Nothing relies on colour alone: the highlighted entry also has its
 * arrow, messages their "!", fields their underline.  NO_COLOR (or a
 * terminal without colour) drops the colours for attributes alone.
 */
#ifndef SMP_THEME_H
#define SMP_THEME_H

#include <stdbool.h>

#include "grid.h"

/* The eight colours, numbered as curses numbers them. */
enum theme_colour {
	TC_BLACK, TC_RED, TC_GREEN, TC_YELLOW, TC_BLUE, TC_MAGENTA, TC_CYAN,
	TC_WHITE
};

/* How one kind of cell looks. */
struct theme_look {
	unsigned char	 fg, bg;	/* enum theme_colour */
	bool		 bold;		/* bold: the bright foreground on a
					   console (and in xterm) */
	bool		 underline;
};

enum theme {
	THEME_STANDARD,		/* black on white, white on blue bars */
	THEME_HIGH_CONTRAST,	/* bright white on black, yellow bars */
	THEME__COUNT
};

/* The looks of theme t, GA__COUNT of them (indexed by enum grid_attr). */
const struct theme_look *theme_looks(enum theme t);
/* The WCAG contrast ratio (1 to 21) of a look on the Linux console's
   default palette (VGA colours: white is #aaaaaa, bold bright). */
double	 theme_contrast(const struct theme_look *l);

#endif
