/*
 * ui_widgets.c: laying out the input widgets of a page: the list (single
 * and multiple choice, yes/no, scale, review, menus) with wrapping and
 * scrolling, and the edit field (one line, or a longtext box).  Pure
 * layout into a struct uib: no curses.
 */
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xmalloc.h"

#define DETAIL_INDENT	2	/* detail lines sit under the label, + 2 */

/* The prefix of item i: "1. (o) " etc.; caller frees. */
static char *
item_prefix(const struct ui_page *p, int i)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	if (p->numbered) {
		if (i < 9)
			strbuf_addf(&sb, "%d. ", i + 1);
		else
			strbuf_adds(&sb, "   ");
	}
	if (p->items[i].mark != NULL) {
		strbuf_adds(&sb, p->items[i].mark);
		strbuf_addc(&sb, ' ');
	}
	return strbuf_detach(&sb);
}

/* Rows item i takes at width w. */
static int
item_rows(const struct ui_page *p, int i, int w)
{
	char	*pre = item_prefix(p, i);
	int	 pw = utf8_width(pre, strlen(pre)), n;

	n = ui_wrapped_rows(p->items[i].label, w - pw);
	if (p->items[i].detail != NULL)
		n += ui_wrapped_rows(p->items[i].detail,
		    w - pw - DETAIL_INDENT);
	free(pre);
	return n;
}

/* Rows the whole list needs at width w. */
int
ui_list_rows(const struct ui_page *p, int w)
{
	int	i, n = 0;

	for (i = 0; i < p->nitems; i++)
		n += item_rows(p, i, w);
	return n;
}

/* Draw item i from row y; returns the next row. */
static int
put_item(const struct ui_page *p, struct uib *b, int i, int y, int x, int w)
{
	enum ui_attr	 a = i == p->cur ? UA_SELECTED : UA_BODY;
	char		*pre = item_prefix(p, i);
	int		 pw = utf8_width(pre, strlen(pre)), y0 = y, h, k;

	h = item_rows(p, i, w);
	for (k = 0; k < h; k++) {
		uib_fill(b, y + k, x, w, a);
		uib_hot(b, HOT_ITEM, i, y + k, x, x + w);
	}
	uib_put(b, y, x, pw, pre, strlen(pre), a);
	y = ui_put_wrapped(b, y, y0 + h, x + pw, w - pw, p->items[i].label, a);
	if (p->items[i].detail != NULL)
		y = ui_put_wrapped(b, y, y0 + h, x + pw + DETAIL_INDENT,
		    w - pw - DETAIL_INDENT, p->items[i].detail,
		    i == p->cur ? UA_SELECTED : p->items[i].detail_dim ?
		    UA_DIM : UA_HEADING);
	free(pre);
	return y0 + h;
}

/* First item to show so that the current one is fully visible. */
static int
list_top(const struct ui_page *p, int avail, int w)
{
	int	top = p->top != NULL ? *p->top : 0, i, h;

	if (top > p->cur)
		top = p->cur;
	if (top < 0)
		top = 0;
	for (;;) {
		for (h = 0, i = top; i <= p->cur; i++)
			h += item_rows(p, i, w);
		if (h <= avail || top >= p->cur)
			break;
		top++;
	}
	return top;
}

/* Lay out the list in rows [y, ymax) and columns [x, x + w). */
void
ui_layout_list(const struct ui_page *p, struct uib *b, int y, int ymax,
    int x, int w)
{
	const char	*up = p->utf8 ? "▲ more" : "^ more";
	const char	*down = p->utf8 ? "▼ more" : "v more";
	int		 top = 0, i;

	if (p->nitems == 0 || ymax <= y)
		return;
	if (ui_list_rows(p, w) > ymax - y) {	/* scroll, with markers */
		top = list_top(p, ymax - y - 2, w);
		if (top > 0) {
			uib_put(b, y, x, w, up, strlen(up), UA_DIM);
			uib_hot(b, HOT_ITEM, top - 1, y, x, x + w);
		}
		y++;
		ymax--;
	}
	if (p->top != NULL)
		*p->top = top;
	for (i = top; i < p->nitems && y + item_rows(p, i, w) <= ymax; i++)
		y = put_item(p, b, i, y, x, w);
	if (i < p->nitems) {
		uib_put(b, ymax, x, w, down, strlen(down), UA_DIM);
		uib_hot(b, HOT_ITEM, i, ymax, x, x + w);
	}
}

/* A one-line field: the visible slice, or '*'s for a PIN. */
static int
edit_line(const struct ui_page *p, struct uib *b, int y, int x, int w)
{
	size_t		 start, len, lim = edit_limit(p->edit), i;
	int		 fw = w, col;
	char		*stars;

	if (lim > 0 && (int)lim + 2 < fw)
		fw = (int)lim + 2 < 20 ? 20 : (int)lim + 2;
	uib_fill(b, y, x, fw, UA_FIELD);
	uib_hot(b, HOT_FIELD, 0, y, x, x + fw);
	edit_view(p->edit, fw, &start, &len, &col);
	if (p->masked) {
		len = edit_chars(p->edit);
		stars = xmalloc(len + 1);
		for (i = 0; i < len; i++)
			stars[i] = '*';
		stars[len] = '\0';
		uib_put(b, y, x, fw, stars, len, UA_FIELD);
		free(stars);
		col = (int)len;
	} else
		uib_put(b, y, x, fw, edit_text(p->edit) + start, len,
		    UA_FIELD);
	b->cury = y;
	b->curx = x + col;
	return y + 1;
}

/* The wrapped line holding byte offset cur. */
static size_t
line_of(const struct ui_line *l, size_t n, size_t cur)
{
	size_t	i, best = 0;

	for (i = 0; i < n; i++)
		if (l[i].off <= cur)
			best = i;
	return best;
}

/* A longtext box of several rows, scrolled to the cursor. */
static int
edit_box(const struct ui_page *p, struct uib *b, int y, int ymax, int x,
    int w)
{
	const char	*t = edit_text(p->edit);
	struct ui_line	*l;
	size_t		 n, cl, i, first = 0, cur = edit_cursor(p->edit), upto;
	int		 rows = ymax - y > 6 ? 6 : ymax - y, k;

	if (rows < 1)
		return y;
	n = ui_wrap(t, w - 1, &l);
	cl = n > 0 ? line_of(l, n, cur) : 0;
	if (cl >= (size_t)rows)
		first = cl - (size_t)rows + 1;
	for (k = 0; k < rows; k++) {
		uib_fill(b, y + k, x, w, UA_FIELD);
		uib_hot(b, HOT_FIELD, 0, y + k, x, x + w);
	}
	for (i = first, k = 0; i < n && k < rows; i++, k++)
		uib_put(b, y + k, x, w, t + l[i].off, l[i].len, UA_FIELD);
	b->cury = y + (int)(cl - first);
	upto = n > 0 && cur > l[cl].off ? cur - l[cl].off : 0;
	if (n > 0 && upto > l[cl].len)
		upto = l[cl].len;
	b->curx = x + (n > 0 ? utf8_width(t + l[cl].off, upto) : 0);
	free(l);
	return y + rows;
}

/* Lay out the edit field from row y. */
int
ui_layout_edit(const struct ui_page *p, struct uib *b, int y, int ymax,
    int x, int w)
{
	if (y >= ymax)
		return y;
	if (p->multiline)
		return edit_box(p, b, y, ymax, x, w);
	return edit_line(p, b, y, x, w);
}
