/*
 * widget.h: laying out the input widgets of a page into a grid: the list
 * (single and multiple choice, yes/no, scale, review, menus) with
 * wrapping and scrolling, and the edit field (one line, or a longtext
 * box) with the text cursor.  Called by layout.c.
 */
#ifndef SMP_WIDGET_H
#define SMP_WIDGET_H

#include "grid.h"
#include "page.h"

/* Rows the whole list of p needs at width w. */
int	widget_list_rows(const struct ui_page *p, int w);
/* Rows the list needs at the least to show its highlighted entry whole
   (the first when none is) with its markers, at width w. */
int	widget_list_min(const struct ui_page *p, int w);
/* Lay out the list in rows [y, ymax), columns [x, x + w), scrolled so
   the highlighted item is whole on screen (*p->top is updated). */
void	widget_list(const struct ui_page *p, struct grid *g, int y, int ymax,
	    int x, int w);
/* Lay out the edit field from row y; returns the next row. */
int	widget_edit(const struct ui_page *p, struct grid *g, int y, int ymax,
	    int x, int w);

#endif
