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
#include "picture.h"
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

/* Draw a picture (both views when they fit in w) at y,x; rows up to
   ymax. */
static void
put_art(struct grid *g, const struct ui_page *p, const struct form_art *art,
    int y, int x, int w, int ymax)
{
	picture_put(g, p, art, y, x, w, ymax);
}

/* Columns a picture takes beside a list on a screen of cols. */
static int
art_cols(int cols, const struct form_art *art)
{
	return picture_width(art, cols - 2 * MARGIN - LIST_MIN - ART_GAP);
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

/* A button "[ label ]" at y,x (cut at the screen's edge), highlighted
   with an arrow before it when focused; returns its width. */
static int
put_button(struct grid *g, const struct ui_page *p, int y, int x,
    const char *label, enum grid_hot_kind k, bool focused)
{
	char	*t = xasprintf("[ %s ]", label);
	int	 w = grid_put(g, y, x, g->cols - x - 1, t, strlen(t),
		    focused ? GA_SELECTED : GA_BUTTON);

	/* Two rows tall, the row above painted too: a fingertip's target. */
	grid_fill(g, y - 1, x, w, focused ? GA_SELECTED : GA_BUTTON);
	grid_hot(g, k, 0, y - 1, x, x + w);

	if (focused) {
		grid_put(g, y, x - 2, 1, p->utf8 ? "\xe2\x96\xb6" : ">",
		    p->utf8 ? 3 : 1, GA_BODY);
		g->cury = y;		/* the cursor is the focus */
		g->curx = x;
	}
	grid_hot(g, k, 0, y, x, x + w);
	free(t);
	return w;
}

/* Columns of button "[ label ]". */
static int
button_width(const char *label)
{
	return label != NULL ? utf8_width(label, strlen(label)) + 4 : 0;
}

/*
 * The buttons from row y up; returns the row above them.  Back sits left
 * and Next right; when both do not fit on one row (a long "I agree"),
 * Next goes on the row above, so Back is never covered.  An agree
 * screen's decline button sits right of Back.
 */
static int
layout_buttons(const struct ui_page *p, struct grid *g, int y)
{
	int	bw = p->back != NULL ? button_width(p->back) + 2 : 0, dw, nw;

	if (p->back == NULL && p->next == NULL)
		return y;
	dw = p->decline != NULL ? button_width(p->decline) + 3 : 0;
	nw = button_width(p->next);
	if (nw > g->cols - 2 * MARGIN)
		nw = g->cols - 2 * MARGIN;
	if (p->back != NULL)
		put_button(g, p, y, MARGIN, p->back, HOT_BACK, false);
	if (p->decline != NULL)
		put_button(g, p, y, MARGIN + bw + 2, p->decline, HOT_DECLINE,
		    p->focus == 1);
	if (p->next != NULL) {
		if (MARGIN + bw + dw + nw + 2 > g->cols - MARGIN)
			y -= 2;		/* its own rows, above */
		put_button(g, p, y, g->cols - MARGIN - nw, p->next, HOT_NEXT,
		    p->decline != NULL && p->focus == 0);
	}
	return y - 2;
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
	y = layout_buttons(p, g, y);
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

/* The picture on show: the highlighted option's, else the question's. */
static const struct form_art *
page_art(const struct ui_page *p)
{
	if (p->items != NULL && p->cur >= 0 && p->cur < p->nitems &&
	    p->items[p->cur].art != NULL)
		return p->items[p->cur].art;
	return p->art;
}

/* The question's picture when there is no list: right of the field. */
static void
layout_lone_art(const struct ui_page *p, struct grid *g, int y, int ymax)
{
	int	aw;

	if (p->art == NULL || !layout_art_beside(g->cols, p->art))
		return;
	aw = art_cols(g->cols, p->art);
	if (y + picture_height(p, p->art, aw) <= ymax)
		put_art(g, p, p->art, y, g->cols - MARGIN - aw, aw, ymax);
}

/* The list with the picture art beside or below (none when NULL: it is
   drawn already, or there is none). */
static void
layout_list_art(const struct ui_page *p, struct grid *g, int y, int ymax,
    const struct form_art *art, int w)
{
	int	lw, need, aw;

	if (art == NULL) {
		widget_list(p, g, y, ymax, MARGIN, w);
		return;
	}
	if (layout_art_beside(g->cols, art)) {
		aw = art_cols(g->cols, art);
		lw = w - aw - ART_GAP;
		widget_list(p, g, y, ymax, MARGIN, lw);
		put_art(g, p, art, y, MARGIN + lw + ART_GAP, aw, ymax);
		return;
	}
	need = widget_list_rows(p, w);
	if (y + need + 1 + picture_height(p, art, w) <= ymax) {
		widget_list(p, g, y, y + need, MARGIN, w);
		put_art(g, p, art, y + need + 1, MARGIN, w, ymax);
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

/* Rows the texts above the widget take at width w (as layout_texts
   puts them, without scrolling). */
static int
texts_rows(const struct ui_page *p, int w)
{
	int	n = 0;

	if (p->heading != NULL)
		n += wrap_rows(p->heading, w) + 1;
	if (p->intro != NULL)
		n += wrap_rows(p->intro, w) + 1;
	if (p->body != NULL)
		n += wrap_rows(p->body, w);
	if (p->help != NULL)
		n += wrap_rows(p->help, w) + 1;
	else if (p->help_hint != NULL)
		n += wrap_rows(p->help_hint, w);
	if (p->hint != NULL)
		n += wrap_rows(p->hint, w);
	if (p->compare_hint != NULL)
		n += wrap_rows(p->compare_hint, w);
	return n + 1;
}

/* Heading, section intro, body, help (or the line saying there is
   help, which a tap opens) and hint from row y at width w; returns the
   row where the widget starts. */
static int
layout_texts(const struct ui_page *p, struct grid *g, int y, int ymax,
    int w)
{
	int	y0, k;

	if (p->heading != NULL)
		y = wrap_put(g, y, ymax, MARGIN, w, p->heading,
		    GA_HEADING) + 1;
	if (p->intro != NULL)
		y = wrap_put(g, y, ymax, MARGIN, w, p->intro, GA_BODY) + 1;
	if (p->body != NULL && p->scroll != NULL)
		y = layout_scrolled(p, g, y, ymax, w);
	else if (p->body != NULL)
		y = wrap_put(g, y, ymax, MARGIN, w, p->body,
		    p->body_plain ? GA_BODY : GA_HEADING);
	if (p->help != NULL)
		y = wrap_put(g, y + 1, ymax, MARGIN, w, p->help,
		    GA_BODY);
	else if (p->help_hint != NULL) {
		y0 = y;
		y = wrap_put(g, y, ymax, MARGIN, w, p->help_hint, GA_DIM);
		for (k = y0; k < y; k++)
			grid_hot(g, HOT_HELP, 0, k, MARGIN, MARGIN + w);
	}
	if (p->hint != NULL)
		y = wrap_put(g, y, ymax, MARGIN, w, p->hint, GA_DIM);
	if (p->compare_hint != NULL) {
		y0 = y;
		y = wrap_put(g, y, ymax, MARGIN, w, p->compare_hint, GA_DIM);
		for (k = y0; k < y; k++)
			grid_hot(g, HOT_COMPARE, 0, k, MARGIN, MARGIN + w);
	}
	return y + 1;
}

/*
 * With nothing focused (no entry chosen yet, a text to read), the cursor
 * goes to the start of the first text below the title bar: a screen
 * reader (Speakup, BRLTTY) reads from where the cursor is, so it is
 * never hidden and never left on an old row.
 */
static void
layout_cursor(struct grid *g)
{
	int	y, x;

	if (g->cury >= 0)
		return;
	for (y = 1; y < g->rows; y++)
		for (x = 0; x < g->cols; x++)
			if (strcmp(grid_cell(g, y, x)->s, " ") != 0 &&
			    grid_cell(g, y, x)->s[0] != '\0') {
				g->cury = y;
				g->curx = x;
				return;
			}
	g->cury = g->curx = 0;
}

/*
 * Lay the page out into g.  A picture beside the widget whose bottom
 * would fall off the screen (long help, a long label) moves up to the
 * heading's row and the texts wrap beside it instead: help never hides
 * the picture.
 */
static void
layout_place(const struct ui_page *p, struct grid *g)
{
	const struct form_art	*art = page_art(p);
	int			 w = g->cols - 2 * MARGIN, y = 2, ymax, tw,
				 aw;

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
	if (p->compare > 0 && p->items != NULL) {
		/* no blank row under the texts: the labels need it */
		y = layout_texts(p, g, y, ymax, w) - 1;
		picture_compare(g, p, y, MARGIN, w, ymax);
		return;
	}
	tw = w;
	aw = art != NULL ? art_cols(g->cols, art) : 0;
	if (art != NULL && layout_art_beside(g->cols, art) &&
	    (p->items != NULL || p->edit != NULL) &&
	    y + texts_rows(p, w) + picture_height(p, art, aw) > ymax) {
		tw = w - aw - ART_GAP;
		put_art(g, p, art, y, g->cols - MARGIN - aw, aw, ymax);
		y = layout_texts(p, g, y, ymax, tw);
		if (p->items != NULL)
			widget_list(p, g, y, ymax, MARGIN, tw);
		else
			widget_edit(p, g, y, ymax, MARGIN, tw);
		return;
	}
	y = layout_texts(p, g, y, ymax, w);
	if (p->items != NULL)
		layout_list_art(p, g, y, ymax, art, w);
	else if (p->edit != NULL) {
		widget_edit(p, g, y, ymax, MARGIN,
		    p->art != NULL && layout_art_beside(g->cols, p->art) ?
		    w - art_cols(g->cols, p->art) - ART_GAP : w);
		layout_lone_art(p, g, y, ymax);
	} else if (p->art_large && p->art != NULL)
		picture_put_large(g, p, p->art, y, MARGIN, w, ymax);
	else
		layout_lone_art(p, g, y, ymax);
}

/* Lay the page out into g, then place the cursor on the focus. */
void
layout_page(const struct ui_page *p, struct grid *g)
{
	layout_place(p, g);
	layout_cursor(g);
}
