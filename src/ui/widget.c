/*
 * widget.c: laying out the input widgets of a page (see widget.h): the
 * list with wrapping and scrolling, and the edit field.  Pure layout into
 * a grid: no curses.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xmalloc.h"
#include "widget.h"
#include "wrap.h"

#define DETAIL_INDENT	2	/* detail lines sit under the label, + 2 */
#define FLAT_WIDTH	40	/* a list narrower than this (large text)
				   wraps its labels under the arrow, not
				   under the label's start: fewer rows */
#define LONGTEXT_ROWS	6	/* rows of a longtext box, at most */
#define FIELD_MIN	20	/* narrowest one-line field */
#define LIST_KEYS	9	/* number keys 1-9: a numbered list shows
				   at most this many entries at once */

#define TOUCH_ROWS	2	/* every entry is a target at least this
				   tall (a fingertip on a touch screen) */

/* The prefix of item i ("> 1. (o) ") into buf, for a list whose first
   entry shown is top; returns its columns.  The arrow points at the
   highlighted entry, so it is plain without colour or reverse video. */
static int
item_prefix(const struct ui_page *p, int i, int top, char *buf,
    size_t size)
{
	const char	*arrow = p->utf8 ? "\xe2\x96\xb6 " : "> ";
	size_t		 n;

	snprintf(buf, size, "%s", i == p->cur ? arrow : "  ");
	n = strlen(buf);
	if (p->numbered && n < size)
		snprintf(buf + n, size - n, i >= top && i - top < LIST_KEYS ?
		    "%d. " : "   ", i - top + 1);
	n = strlen(buf);
	if (p->items[i].mark != NULL && n < size)
		snprintf(buf + n, size - n, "%s ", p->items[i].mark);
	return utf8_width(buf, strlen(buf));
}

/* Whether item i shows its picture's words under its label: it is
   highlighted and its picture does not fit on the screen. */
static bool
item_described(const struct ui_page *p, int i)
{
	return p->describe_cur && i == p->cur && p->items[i].describe != NULL;
}

/* Columns a wrapped label's later lines start at, from the entry's left:
   under its first letter, or on a narrow list under the arrow's. */
static int
item_indent(int pw, int w)
{
	return w < FLAT_WIDTH && pw > 2 ? 2 : pw;
}

/* Rows item i takes at width w. */
static int
item_rows(const struct ui_page *p, int i, int w)
{
	char	pre[64];
	int	pw = item_prefix(p, i, 0, pre, sizeof(pre)), n, ind;

	ind = item_indent(pw, w);
	n = wrap_rows_hang(p->items[i].label, w - ind, pw - ind);
	if (p->items[i].detail != NULL)
		n += p->items[i].detail_cut ? 1 :
		    wrap_rows(p->items[i].detail, w - ind - DETAIL_INDENT);
	if (item_described(p, i))
		n += wrap_rows(p->items[i].describe, w - ind - DETAIL_INDENT);
	/* Choices (marked or numbered) are touch targets; a staff screen's
	   text lines stay one row each. */
	if (n < TOUCH_ROWS && (p->numbered || p->items[i].mark != NULL))
		n = TOUCH_ROWS;
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

int
widget_list_min(const struct ui_page *p, int w)
{
	int	i = p->cur >= 0 && p->cur < p->nitems ? p->cur : 0, n, all;

	if (p->nitems == 0)
		return 0;
	/* with "▲ more" above and "▼ more" below where entries are */
	n = item_rows(p, i, w) + (i > 0) + (i < p->nitems - 1);
	all = widget_list_rows(p, w);
	return n < all ? n : all;
}

/* The first line of s cut to w columns, with an ellipsis when anything
   is left out; caller frees. */
static char *
cut_line(const char *s, int w, bool utf8)
{
	const char	*ell = utf8 ? "\xe2\x80\xa6" : "...";
	size_t		 len = strcspn(s, "\n"), fit;
	int		 ew = utf8 ? 1 : 3;

	if (s[len] == '\0' && utf8_width(s, len) <= w)
		return xstrdup(s);
	fit = wrap_fit(s, len, w - ew);
	return xasprintf("%.*s%s", (int)fit, s, ell);
}

/* Draw item i (h rows, cut at ymax) from row y; returns the next row. */
static int
put_item(const struct ui_page *p, struct grid *g, int i, int top, int h,
    int y, int ymax, int x, int w)
{
	enum grid_attr	 a = i == p->cur ? GA_SELECTED : GA_BODY;
	const char	*d = p->items[i].detail;
	char		 pre[64], *cut = NULL;
	int		 pw = item_prefix(p, i, top, pre, sizeof(pre)), y0 = y, k;
	int		 ind = item_indent(pw, w);

	if (y0 + h > ymax)
		h = ymax - y0;
	for (k = 0; k < h; k++) {
		grid_fill(g, y + k, x, w, a);
		grid_hot(g, HOT_ITEM, i, y + k, x, x + w);
	}
	grid_put(g, y, x, pw, pre, strlen(pre), a);
	if (i == p->cur && h > 0) {	/* a screen reader follows the cursor */
		g->cury = y;
		g->curx = x;
	}
	y = wrap_put_hang(g, y, y0 + h, x + ind, w - ind, pw - ind,
	    p->items[i].label, a);
	if (d != NULL && p->items[i].detail_cut)
		d = cut = cut_line(d, w - ind - DETAIL_INDENT, p->utf8);
	if (d != NULL)
		y = wrap_put(g, y, y0 + h, x + ind + DETAIL_INDENT,
		    w - ind - DETAIL_INDENT, d,
		    i == p->cur ? GA_SELECTED : p->items[i].detail_dim ?
		    GA_DIM : GA_HEADING);
	if (item_described(p, i))	/* the picture in words */
		wrap_put(g, y, y0 + h, x + ind + DETAIL_INDENT,
		    w - ind - DETAIL_INDENT, p->items[i].describe, a);
	xfree_secret(cut);	/* an answer: personal */
	return y0 + h;
}

/* First item to show so that the current one is fully visible (or
   starts the list, when it is taller than the room) and, in a numbered
   list, among the LIST_KEYS entries that have a number. */
static int
list_top(const struct ui_page *p, const int *h, int avail)
{
	int	top = p->top != NULL ? *p->top : 0, i, sum;

	if (top > p->cur && p->cur >= 0)
		top = p->cur;
	if (p->numbered && p->cur - top >= LIST_KEYS)
		top = p->cur - LIST_KEYS + 1;
	if (top > p->nitems - 1)
		top = p->nitems - 1;
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

/* Last item (exclusive) that fits from top in rows [y, ymax). */
static int
list_end(const struct ui_page *p, const int *h, int top, int y, int ymax)
{
	int	i;

	for (i = top; i < p->nitems && y + h[i] <= ymax; i++) {
		if (p->numbered && i - top >= LIST_KEYS)
			break;
		y += h[i];
	}
	if (i == top && i < p->nitems)
		i++;		/* taller than the room: shown cut */
	return i;
}

/* A marker row ("▲ more") that a tap scrolls to item i. */
static void
put_marker(const struct ui_page *p, struct grid *g, int y, int x, int w,
    bool up, int i)
{
	const char	*word = up ? p->more_up : p->more_down;
	char		*t;

	if (word == NULL)
		word = "more";	/* the kiosk always gives its phrase */
	t = xasprintf("%s %s", p->utf8 ? (up ? "\xe2\x96\xb2" :
	    "\xe2\x96\xbc") : (up ? "^" : "v"), word);
	grid_put(g, y, x, w, t, strlen(t), GA_DIM);
	grid_hot(g, HOT_ITEM, i, y, x, x + w);
	free(t);
}

/* Lay out the list in rows [y, ymax) and columns [x, x + w).  When it
   does not fit, it scrolls around the highlighted entry, with a marker
   row above while entries are above and below while entries are below
   (no row is spent on a marker with nothing behind it). */
void
widget_list(const struct ui_page *p, struct grid *g, int y, int ymax,
    int x, int w)
{
	int	*h, top = 0, i, end = -1, total = 0;

	if (p->nitems == 0 || ymax <= y)
		return;
	h = xreallocarray(NULL, (size_t)p->nitems, sizeof(*h));
	for (i = 0; i < p->nitems; i++)
		total += h[i] = item_rows(p, i, w);
	if (p->cur >= 0 && p->cur < p->nitems && h[p->cur] + 2 > ymax - y &&
	    total > ymax - y) {
		/* the highlighted entry whole before any marker (large
		   text): the keys still move, and the rest of the list is a
		   key away */
		top = p->cur;
		end = top + 1;
	} else if (total > ymax - y || (p->numbered &&
	    p->nitems > LIST_KEYS)) {
		top = list_top(p, h, ymax - y - 1);
		if (top > 0 && list_top(p, h, ymax - y - 2) > top)
			top = list_top(p, h, ymax - y - 2);
		if (top > 0) {
			put_marker(p, g, y, x, w, true, top - 1);
			y++;
		}
		if (list_end(p, h, top, y, ymax) < p->nitems)
			ymax--;		/* room for "▼ more" */
	}
	if (end < 0)
		end = list_end(p, h, top, y, ymax);
	if (p->top != NULL)
		*p->top = top;
	if (p->shown != NULL)
		*p->shown = end - top;
	for (i = top; i < end; i++)
		y = put_item(p, g, i, top, h[i], y, ymax, x, w);
	if (end < p->nitems)
		put_marker(p, g, ymax, x, w, false, end);
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
