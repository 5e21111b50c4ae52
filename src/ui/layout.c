/*
 * layout.c: placing a page in a grid (see layout.h): top bar, centred
 * pages, headings and body, scrolled text, the picture beside or below
 * the list, buttons, key bar and messages.  The widgets themselves are in
 * widget.c.  No curses here.
 */
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xmalloc.h"
#include "form/form.h"
#include "layout.h"
#include "widget.h"
#include "wrap.h"

#define MARGIN		2	/* columns left and right of the body */
#define ART_GAP		3	/* columns between list and picture */
#define LIST_MIN	30	/* narrowest list with the picture beside */

/* Does the picture fit beside a list of at least LIST_MIN columns? */
bool
layout_art_beside(int cols, const struct form_art *art)
{
	return cols - 2 * MARGIN - art->width - ART_GAP >= LIST_MIN;
}

/* Draw a picture with its top-left corner at y,x; rows up to ymax. */
static void
put_art(struct grid *g, const struct ui_page *p, const struct form_art *art,
    int y, int x, int ymax)
{
	const char	*t = form_art_text(art, p->utf8), *nl;

	while (t != NULL && y < ymax) {
		nl = strchr(t, '\n');
		grid_put(g, y++, x, art->width, t,
		    nl ? (size_t)(nl - t) : strlen(t), GA_ART);
		t = nl ? nl + 1 : NULL;
	}
}

/* The top bar: title left, progress text and bar right. */
static void
layout_top(const struct ui_page *p, struct grid *g)
{
	char	bar[13];
	int	i, fill, rw = 0, x;

	grid_fill(g, 0, 0, g->cols, GA_TITLE);
	if (p->prog_m > 0) {
		fill = p->prog_n * 10 / p->prog_m;
		bar[0] = '[';
		for (i = 0; i < 10; i++)
			bar[i + 1] = i < fill ? '#' : '-';
		bar[11] = ']';
		bar[12] = '\0';
		rw = 13;
		grid_put(g, 0, g->cols - 1 - 12, 12, bar, 12, GA_TITLE);
	}
	if (p->progress != NULL) {
		i = utf8_width(p->progress, strlen(p->progress));
		rw += i + 1;
		grid_put(g, 0, g->cols - rw, i, p->progress,
		    strlen(p->progress), GA_TITLE);
	}
	x = 1;
	if (p->title != NULL)
		grid_put(g, 0, x, g->cols - rw - 2, p->title, strlen(p->title),
		    GA_TITLE);
}

/* A button "[ label ]" at y,x; returns its width. */
static int
put_button(struct grid *g, int y, int x, const char *label,
    enum grid_hot_kind k)
{
	char	*t = xasprintf("[ %s ]", label);
	int	 w = grid_put(g, y, x, g->cols - x, t, strlen(t), GA_BUTTON);

	grid_hot(g, k, 0, y, x, x + w);
	free(t);
	return w;
}

/* Key bar, buttons and error message; returns the first row they use. */
static int
layout_bottom(const struct ui_page *p, struct grid *g)
{
	char	*msg;
	int	 y = g->rows - 1, w, n;

	if (p->keys != NULL) {
		grid_fill(g, y, 0, g->cols, GA_KEYS);
		grid_put(g, y, 1, g->cols - 2, p->keys, strlen(p->keys),
		    GA_KEYS);
		y--;
	}
	if (p->back != NULL || p->next != NULL) {
		if (p->back != NULL)
			put_button(g, y, MARGIN, p->back, HOT_BACK);
		if (p->next != NULL) {
			w = utf8_width(p->next, strlen(p->next)) + 4;
			put_button(g, y, g->cols - MARGIN - w, p->next,
			    HOT_NEXT);
		}
		y--;
	}
	if (p->error != NULL) {
		msg = xasprintf("! %s", p->error);
		n = wrap_rows(msg, g->cols - 2 * MARGIN);
		y -= n;
		for (w = 0; w < n; w++)
			grid_fill(g, y + 1 + w, MARGIN, g->cols - 2 * MARGIN,
			    GA_ERROR);
		wrap_put(g, y + 1, y + 1 + n, MARGIN,
		    g->cols - 2 * MARGIN, msg, GA_ERROR);
		free(msg);
	}
	return y;
}

/* Centred text lines from y; returns the next row. */
static int
put_centred(struct grid *g, int y, const char *text, enum grid_attr a)
{
	struct wrap_line	*l;
	size_t			 i, n;
	int			 width = g->cols - 8 > 70 ? 70 : g->cols - 8, w;

	n = wrap_lines(text, width, &l);
	for (i = 0; i < n && y < g->rows; i++, y++) {
		w = utf8_width(text + l[i].off, l[i].len);
		grid_put(g, y, (g->cols - w) / 2, width, text + l[i].off,
		    l[i].len, a);
	}
	free(l);
	return y;
}

/* Welcome, end, enlarge: a centred block of heading, body and hint. */
static void
layout_centre(const struct ui_page *p, struct grid *g, int ymax)
{
	int	width = g->cols - 8 > 70 ? 70 : g->cols - 8, h = 0, y;

	if (p->heading != NULL)
		h += wrap_rows(p->heading, width) + 1;
	if (p->body != NULL)
		h += wrap_rows(p->body, width) + 1;
	if (p->hint != NULL)
		h += wrap_rows(p->hint, width);
	y = (ymax - h) / 2;
	if (y < 1)
		y = p->title != NULL ? 2 : 0;
	if (p->heading != NULL)
		y = put_centred(g, y, p->heading, GA_HEADING) + 1;
	if (p->body != NULL)
		y = put_centred(g, y, p->body, GA_BODY) + 1;
	if (p->hint != NULL)
		put_centred(g, y, p->hint, GA_DIM);
}

/* The question's picture when there is no list: right of the field. */
static void
layout_lone_art(const struct ui_page *p, struct grid *g, int y, int ymax)
{
	if (p->art != NULL && layout_art_beside(g->cols, p->art) &&
	    y + p->art->height <= ymax)
		put_art(g, p, p->art, y, g->cols - MARGIN - p->art->width,
		    ymax);
}

/* The list with the highlighted option's picture beside or below. */
static void
layout_list_art(const struct ui_page *p, struct grid *g, int y, int ymax)
{
	const struct form_art	*art = p->art;
	int			 w = g->cols - 2 * MARGIN, lw, need;

	if (p->cur >= 0 && p->cur < p->nitems && p->items[p->cur].art)
		art = p->items[p->cur].art;
	if (art == NULL) {
		widget_list(p, g, y, ymax, MARGIN, w);
		return;
	}
	if (layout_art_beside(g->cols, art)) {
		lw = w - art->width - ART_GAP;
		widget_list(p, g, y, ymax, MARGIN, lw);
		put_art(g, p, art, y, MARGIN + lw + ART_GAP, ymax);
		return;
	}
	need = widget_list_rows(p, w);
	if (y + need + 1 + art->height <= ymax) {
		widget_list(p, g, y, y + need, MARGIN, w);
		put_art(g, p, art, y + need + 1, MARGIN, ymax);
	} else
		widget_list(p, g, y, ymax, MARGIN, w);
}

/*
 * A body that may be longer than the rows left: show the rows from
 * scroll->top, and a marker on the last row while more is below.
 */
static int
layout_scrolled(const struct ui_page *p, struct grid *g, int y, int ymax,
    int w)
{
	struct ui_scroll	*sc = p->scroll;
	struct wrap_line	*l;
	size_t			 n = wrap_lines(p->body, w, &l);
	int			 avail = ymax - y, i;

	if ((int)n <= avail) {
		sc->top = 0;
		sc->page = avail;
		sc->more = false;
		avail = (int)n;
	} else {
		avail = avail > 2 ? avail - 1 : 1;	/* marker row */
		if (sc->top > (int)n - avail)
			sc->top = (int)n - avail;
		if (sc->top < 0)
			sc->top = 0;
		sc->page = avail;
		sc->more = sc->top + avail < (int)n;
	}
	for (i = 0; i < avail; i++)
		grid_put(g, y + i, MARGIN, w, p->body + l[sc->top + i].off,
		    l[sc->top + i].len, GA_BODY);
	if (sc->more && p->more != NULL)
		grid_put(g, y + avail, MARGIN, w, p->more, strlen(p->more),
		    GA_DIM);
	free(l);
	return y + avail + (sc->more ? 1 : 0);
}

/* Lay the page out into g. */
void
layout_page(const struct ui_page *p, struct grid *g)
{
	int	w = g->cols - 2 * MARGIN, y = 2, ymax;

	grid_clear(g);
	if (p->title != NULL || p->progress != NULL)
		layout_top(p, g);
	ymax = layout_bottom(p, g);
	if (p->center) {
		layout_centre(p, g, ymax);
		if (p->items != NULL)
			widget_list(p, g, ymax - widget_list_rows(p, w) - 1,
			    ymax, MARGIN, w);
		return;
	}
	if (p->heading != NULL)
		y = wrap_put(g, y, ymax, MARGIN, w, p->heading,
		    GA_HEADING) + 1;
	if (p->body != NULL && p->scroll != NULL)
		y = layout_scrolled(p, g, y, ymax, w);
	else if (p->body != NULL)
		y = wrap_put(g, y, ymax, MARGIN, w, p->body,
		    p->body_plain ? GA_BODY : GA_HEADING);
	if (p->help != NULL)
		y = wrap_put(g, y + 1, ymax, MARGIN, w, p->help,
		    GA_BODY);
	if (p->hint != NULL)
		y = wrap_put(g, y, ymax, MARGIN, w, p->hint, GA_DIM);
	y++;
	if (p->items != NULL)
		layout_list_art(p, g, y, ymax);
	else if (p->edit != NULL) {
		widget_edit(p, g, y, ymax, MARGIN,
		    p->art != NULL && layout_art_beside(g->cols, p->art) ?
		    w - p->art->width - ART_GAP : w);
		layout_lone_art(p, g, y, ymax);
	} else
		layout_lone_art(p, g, y, ymax);
}
