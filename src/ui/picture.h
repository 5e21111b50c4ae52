/*
 * picture.h: a stage picture on a kiosk page: the top view, its second
 * view beside it where the width allows, each with a caption saying
 * which view it is, and a legend of what the shading means, in the
 * client's language.  No curses: it draws into a grid.
 */
#ifndef SMP_PICTURE_H
#define SMP_PICTURE_H

#include <stdbool.h>

#include "form/model.h"
#include "grid.h"
#include "page.h"

/* The words of a picture, in page.art_words: the legend, then the
   captions (the phrases PH_ART_FULL... in this order). */
enum picture_word {
	PW_FULL, PW_THINNER, PW_SPARSE, PW_BARE, PW_EARS,
	PW_TOP, PW_SIDE, PW_FRONT, PW_CLOSE,
	PW__COUNT
};

/* Columns picture a takes within at most avail columns: both views
   when they fit, else the top view alone. */
int	 picture_width(const struct form_art *a, int avail);
/* Rows picture a takes at width w: the views, their captions (when
   there is a second view) and the legend (when it is shaded). */
int	 picture_height(const struct ui_page *p, const struct form_art *a,
	    int w);
/* Rows of the views alone (with their captions, without the legend,
   which is left out where it does not fit). */
int	 picture_views_height(const struct form_art *a, int w);
/* Draw picture a at y,x within w columns, rows up to ymax (exclusive);
   the legend is left out when it does not fit.  Returns the next row. */
int	 picture_put(struct grid *g, const struct ui_page *p,
	    const struct form_art *a, int y, int x, int w, int ymax);

/* Picture a centred in w columns from x, twice as large when the room
   allows (a chosen picture, to confirm). */
void	 picture_put_large(struct grid *g, const struct ui_page *p,
	    const struct form_art *a, int y, int x, int w, int ymax);
/* Item p->cur's picture beside item p->compare's, each under its label
   (the highlighted one marked), from y in w columns; a tap on either
   chooses it. */
void	 picture_compare(struct grid *g, const struct ui_page *p, int y,
	    int x, int w, int ymax);
/* Whether two pictures like a fit side by side in w columns and rows
   rows, each under a label row. */
bool	 picture_compare_fits(const struct ui_page *p,
	    const struct form_art *a, int w, int rows);

#endif
