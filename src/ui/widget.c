/*
 * widget.c: laying out the input widgets of a page (see widget.h): the
 * list with wrapping and scrolling, and the edit field.  Pure layout into
 * a grid: no curses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xmalloc.h"
#include "widget.h"
#include "wrap.h"

#define DETAIL_INDENT	2	/* detail lines sit under the label, + 2 */
#define LONGTEXT_ROWS	6	/* rows of a longtext box, at most */
#define FIELD_MIN	20	/* narrowest one-line field */

/* The prefix of item i ("1. (o) ") into buf; returns its columns. */
static int
item_prefix(const struct ui_page *p, int i, char *buf, size_t size)
{
	int	n = 0;

	buf[0] = '\0';
	if (p->numbered)
		n = i < 9 ? snprintf(buf, size, "%d. ", i + 1) :
		    snprintf(buf, size, "   ");
	if (p->items[i].mark != NULL && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "%s ", p->items[i].mark);
	return utf8_width(buf, strlen(buf));
}

/* Rows item i takes at width w. */
static int
item_rows(const struct ui_page *p, int i, int w)
{
	char	pre[64];
	int	pw = item_prefix(p, i, pre, sizeof(pre)), n;

	n = wrap_rows(p->items[i].label, w - pw);
	if (p->items[i].detail != NULL)
		n += wrap_rows(p->items[i].detail, w - pw - DETAIL_INDENT);
	return n;
}

/* Rows the whole list needs at width w. */
int
widget_list_rows(const struct ui_page *p, int w)
{
	int	i, n = 0;

	for (i = 0; i < p->nitems; i++)
		n += item_rows(p, i, w);
	return n;
}

/* Draw item i (h rows) from row y; returns the next row. */
static int
put_item(const struct ui_page *p, struct grid *g, int i, int h, int y,
    int x, int w)
{
	enum grid_attr	 a = i == p->cur ? GA_SELECTED : GA_BODY;
	char		 pre[64];
	int		 pw = item_prefix(p, i, pre, sizeof(pre)), y0 = y, k;

	for (k = 0; k < h; k++) {
		grid_fill(g, y + k, x, w, a);
		grid_hot(g, HOT_ITEM, i, y + k, x, x + w);
	}
	grid_put(g, y, x, pw, pre, strlen(pre), a);
	y = wrap_put(g, y, y0 + h, x + pw, w - pw, p->items[i].label, a);
	if (p->items[i].detail != NULL)
		wrap_put(g, y, y0 + h, x + pw + DETAIL_INDENT,
		    w - pw - DETAIL_INDENT, p->items[i].detail,
		    i == p->cur ? GA_SELECTED : p->items[i].detail_dim ?
		    GA_DIM : GA_HEADING);
	return y0 + h;
}

/* First item to show so that the current one is fully visible. */
static int
list_top(const struct ui_page *p, const int *h, int avail)
{
	int	top = p->top != NULL ? *p->top : 0, i, sum;

	if (top > p->cur)
		top = p->cur;
	if (top < 0)
		top = 0;
	for (;;) {
		for (sum = 0, i = top; i <= p->cur; i++)
			sum += h[i];
		if (sum <= avail || top >= p->cur)
			return top;
		top++;
	}
}

/* Lay out the list in rows [y, ymax) and columns [x, x + w). */
void
widget_list(const struct ui_page *p, struct grid *g, int y, int ymax,
    int x, int w)
{
	const char	*up = p->utf8 ? "▲ more" : "^ more";
	const char	*down = p->utf8 ? "▼ more" : "v more";
	int		*h, top = 0, i, total = 0;

	if (p->nitems == 0 || ymax <= y)
		return;
	h = xreallocarray(NULL, (size_t)p->nitems, sizeof(*h));
	for (i = 0; i < p->nitems; i++)
		total += h[i] = item_rows(p, i, w);
	if (total > ymax - y) {		/* scroll, with markers */
		top = list_top(p, h, ymax - y - 2);
		if (top > 0) {
			grid_put(g, y, x, w, up, strlen(up), GA_DIM);
			grid_hot(g, HOT_ITEM, top - 1, y, x, x + w);
		}
		y++;
		ymax--;
	}
	if (p->top != NULL)
		*p->top = top;
	for (i = top; i < p->nitems && y + h[i] <= ymax; i++)
		y = put_item(p, g, i, h[i], y, x, w);
	if (i < p->nitems) {
		grid_put(g, ymax, x, w, down, strlen(down), GA_DIM);
		grid_hot(g, HOT_ITEM, i, ymax, x, x + w);
	}
	free(h);
}

/* A one-line field: the visible slice, or '*'s for a PIN. */
static int
edit_line(const struct ui_page *p, struct grid *g, int y, int x, int w)
{
	size_t		 start, len, lim = edit_limit(p->edit), i;
	int		 fw = w, col;
	char		 stars[128];

	if (lim > 0 && (int)lim + 2 < fw)
		fw = (int)lim + 2 < FIELD_MIN ? FIELD_MIN : (int)lim + 2;
	grid_fill(g, y, x, fw, GA_FIELD);
	grid_hot(g, HOT_FIELD, 0, y, x, x + fw);
	edit_view(p->edit, fw, &start, &len, &col);
	if (p->masked) {
		len = edit_chars(p->edit);
		if (len >= sizeof(stars))
			len = sizeof(stars) - 1;
		for (i = 0; i < len; i++)
			stars[i] = '*';
		grid_put(g, y, x, fw, stars, len, GA_FIELD);
		col = (int)len;
	} else
		grid_put(g, y, x, fw, edit_text(p->edit) + start, len,
		    GA_FIELD);
	g->cury = y;
	g->curx = x + col;
	return y + 1;
}

/* The wrapped line holding byte offset cur. */
static size_t
line_of(const struct wrap_line *l, size_t n, size_t cur)
{
	size_t	i, best = 0;

	for (i = 0; i < n; i++)
		if (l[i].off <= cur)
			best = i;
	return best;
}

/* A longtext box of several rows, scrolled to the cursor. */
static int
edit_box(const struct ui_page *p, struct grid *g, int y, int ymax, int x,
    int w)
{
	const char		*t = edit_text(p->edit);
	struct wrap_line	*l;
	size_t			 n, cl, i, first = 0, upto;
	size_t			 cur = edit_cursor(p->edit);
	int			 rows, k;

	rows = ymax - y > LONGTEXT_ROWS ? LONGTEXT_ROWS : ymax - y;
	if (rows < 1)
		return y;
	n = wrap_lines(t, w - 1, &l);
	cl = n > 0 ? line_of(l, n, cur) : 0;
	if (cl >= (size_t)rows)
		first = cl - (size_t)rows + 1;
	for (k = 0; k < rows; k++) {
		grid_fill(g, y + k, x, w, GA_FIELD);
		grid_hot(g, HOT_FIELD, 0, y + k, x, x + w);
	}
	for (i = first, k = 0; i < n && k < rows; i++, k++)
		grid_put(g, y + k, x, w, t + l[i].off, l[i].len, GA_FIELD);
	g->cury = y + (int)(cl - first);
	upto = n > 0 && cur > l[cl].off ? cur - l[cl].off : 0;
	if (n > 0 && upto > l[cl].len)
		upto = l[cl].len;
	g->curx = x + (n > 0 ? utf8_width(t + l[cl].off, upto) : 0);
	free(l);
	return y + rows;
}

/* Lay out the edit field from row y. */
int
widget_edit(const struct ui_page *p, struct grid *g, int y, int ymax,
    int x, int w)
{
	if (y >= ymax)
		return y;
	if (p->multiline)
		return edit_box(p, g, y, ymax, x, w);
	return edit_line(p, g, y, x, w);
}
