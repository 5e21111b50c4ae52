/*
 * layout.h: placing a page (page.h) in a grid of the terminal's size:
 * where each text goes, how long labels wrap (by display width, never
 * cutting a word silently), how the list scrolls, whether the picture of
 * the highlighted option goes beside the list or below it, and which
 * rectangles a tap selects.  No curses: tests read the grid as text.
 */
#ifndef SMP_LAYOUT_H
#define SMP_LAYOUT_H

#include <stdbool.h>

#include "grid.h"
#include "page.h"

/* Lay the page out into g (cleared first). */
void	 layout_page(const struct ui_page *p, struct grid *g);
/* Does a picture this wide go beside a list on a screen of cols? */
bool	 layout_art_beside(int cols, const struct form_art *art);

#endif
