/*
 * ui_draw.c: the cell grid (struct uib), word wrapping by display width,
 * and the layout of a kiosk page (see smp_ui_draw.h).  No curses here.
 */
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xmalloc.h"

#define MARGIN		2	/* columns left and right of the body */
#define ART_GAP		3	/* columns between list and picture */
#define LIST_MIN	30	/* narrowest list with the picture beside */
#define LONGTEXT_ROWS	6	/* rows of a longtext box, at most */

/* A blank grid of rows x cols; free with uib_free. */
struct uib *
uib_new(int rows, int cols)
{
	struct uib	*b = xcalloc(1, sizeof(*b));

	b->rows = rows > 0 ? rows : 1;
	b->cols = cols > 0 ? cols : 1;
	b->cells = xcalloc((size_t)b->rows * (size_t)b->cols,
	    sizeof(*b->cells));
	uib_clear(b);
	return b;
}

/* Free the grid (its cells may show personal answers: wipe them). */
void
uib_free(struct uib *b)
{
	if (b == NULL)
		return;
	memset(b->cells, 0, (size_t)b->rows * (size_t)b->cols *
	    sizeof(*b->cells));
	free(b->cells);
	free(b->hots);
	free(b);
}

/* Blank every cell and forget hot zones and cursor. */
void
uib_clear(struct uib *b)
{
	size_t	i, n = (size_t)b->rows * (size_t)b->cols;

	for (i = 0; i < n; i++) {
		memset(&b->cells[i], 0, sizeof(b->cells[i]));
		b->cells[i].s[0] = ' ';
	}
	b->nhots = 0;
	b->cury = b->curx = -1;
}

/* Write text into row y from column x, in at most maxw columns. */
int
uib_put(struct uib *b, int y, int x, int maxw, const char *text, size_t len,
    enum ui_attr a)
{
	struct ui_cell	*c;
	size_t		 i = 0, n;
	uint32_t	 cp;
	int		 w, used = 0;

	if (y < 0 || y >= b->rows || x < 0)
		return 0;
	if (maxw > b->cols - x)
		maxw = b->cols - x;
	while (i < len && (n = utf8_next(text + i, len - i, &cp)) > 0) {
		w = utf8_cp_width(cp);
		if (w == 0 && cp >= 0xA0 && used > 0 && n < sizeof(c->s) -
		    strlen(b->cells[y * b->cols + x + used - 1].s)) {
			/* combining mark: joins the previous cell */
			strncat(b->cells[y * b->cols + x + used - 1].s,
			    text + i, n);
		} else if (w > 0) {
			if (used + w > maxw)
				break;
			c = &b->cells[y * b->cols + x + used];
			memcpy(c->s, text + i, n);
			c->s[n] = '\0';
			c->attr = (unsigned char)a;
			if (w == 2) {
				c[1].s[0] = '\0';
				c[1].attr = (unsigned char)a;
			}
			used += w;
		}
		i += n;
	}
	return used;
}

/* Paint w blank cells of attribute a. */
void
uib_fill(struct uib *b, int y, int x, int w, enum ui_attr a)
{
	int	i;

	if (y < 0 || y >= b->rows)
		return;
	for (i = x; i < x + w && i < b->cols; i++) {
		if (i < 0)
			continue;
		strcpy(b->cells[y * b->cols + i].s, " ");
		b->cells[y * b->cols + i].attr = (unsigned char)a;
	}
}

/* Record a hot zone. */
void
uib_hot(struct uib *b, enum ui_hot_kind k, int arg, int y, int x0, int x1)
{
	if (b->nhots == b->hcap) {
		b->hcap = b->hcap ? b->hcap * 2 : 16;
		b->hots = xreallocarray(b->hots, b->hcap, sizeof(*b->hots));
	}
	b->hots[b->nhots++] = (struct ui_hot){ k, arg, y, x0, x1 };
}

/* The hot zone under y,x (the last one recorded wins), or NULL. */
const struct ui_hot *
uib_hit(const struct uib *b, int y, int x)
{
	size_t	i;

	for (i = b->nhots; i-- > 0; )
		if (b->hots[i].y == y && x >= b->hots[i].x0 &&
		    x < b->hots[i].x1)
			return &b->hots[i];
	return NULL;
}

/* Row y as text, trailing blanks trimmed; caller frees. */
char *
uib_row(const struct uib *b, int y)
{
	struct strbuf	sb;
	int		x;

	strbuf_init(&sb);
	for (x = 0; x < b->cols; x++)
		strbuf_adds(&sb, b->cells[y * b->cols + x].s);
	while (sb.len > 0 && sb.s[sb.len - 1] == ' ')
		sb.s[--sb.len] = '\0';
	return strbuf_detach(&sb);
}

/* The grid as text; caller frees. */
char *
uib_text(const struct uib *b)
{
	struct strbuf	 sb;
	char		*row;
	int		 y;

	strbuf_init(&sb);
	for (y = 0; y < b->rows; y++) {
		row = uib_row(b, y);
		strbuf_adds(&sb, row);
		strbuf_addc(&sb, '\n');
		free(row);
	}
	return strbuf_detach(&sb);
}

/* Append one line to a growing array. */
static void
wrap_add(struct ui_line **lines, size_t *n, size_t off, size_t len)
{
	*lines = xreallocarray(*lines, *n + 1, sizeof(**lines));
	(*lines)[*n].off = off;
	(*lines)[(*n)++].len = len;
}

/* Wrap one paragraph (no '\n') starting at byte base. */
static void
wrap_para(const char *t, size_t base, size_t end, int width,
    struct ui_line **lines, size_t *n)
{
	size_t		 i = base, start = base, brk = 0, cn;
	uint32_t	 cp;
	int		 w = 0;

	while (i < end) {
		cn = utf8_next(t + i, end - i, &cp);
		if (cp == ' ')
			brk = i;
		if (cp != ' ' && w + utf8_cp_width(cp) > width) {
			if (brk > start) {	/* break at the last space */
				wrap_add(lines, n, start, brk - start);
				start = i = brk + 1;
			} else {		/* a word wider than a line */
				wrap_add(lines, n, start, i - start);
				start = i;
			}
			while (start < end && t[start] == ' ')
				start++;
			i = start;
			brk = 0;
			w = 0;
			continue;
		}
		w += utf8_cp_width(cp);
		i += cn;
	}
	wrap_add(lines, n, start, end - start);
}

/* Wrap text into lines of at most width columns. */
size_t
ui_wrap(const char *text, int width, struct ui_line **lines)
{
	const char	*nl;
	size_t		 n = 0, off = 0, end, len;

	*lines = NULL;
	if (width < 1)
		width = 1;
	if (text == NULL)
		return 0;
	len = strlen(text);
	for (;;) {
		nl = strchr(text + off, '\n');
		end = nl != NULL ? (size_t)(nl - text) : len;
		wrap_para(text, off, end, width, lines, &n);
		if (nl == NULL)
			return n;
		off = end + 1;
	}
}

/* Write wrapped text at y from x in width columns, up to row ymax
   (exclusive); returns the next free row. */
int
ui_put_wrapped(struct uib *b, int y, int ymax, int x, int width,
    const char *text, enum ui_attr a)
{
	struct ui_line	*l;
	size_t		 i, n = ui_wrap(text, width, &l);

	for (i = 0; i < n && y < ymax; i++, y++)
		uib_put(b, y, x, width, text + l[i].off, l[i].len, a);
	free(l);
	return y;
}

/* Rows text takes when wrapped to width. */
int
ui_wrapped_rows(const char *text, int width)
{
	struct ui_line	*l;
	size_t		 n = ui_wrap(text, width, &l);

	free(l);
	return (int)n;
}

/* Does the picture fit beside a list of at least LIST_MIN columns? */
bool
ui_art_beside(int cols, const struct form_art *art)
{
	return cols - 2 * MARGIN - art->width - ART_GAP >= LIST_MIN;
}

/* Draw a picture with its top-left corner at y,x; rows up to ymax. */
void
ui_put_art(struct uib *b, const struct ui_page *p, const struct form_art *art,
    int y, int x, int ymax)
{
	const char	*t = form_art_text(art, p->utf8), *nl;

	while (t != NULL && y < ymax) {
		nl = strchr(t, '\n');
		uib_put(b, y++, x, art->width, t,
		    nl ? (size_t)(nl - t) : strlen(t), UA_ART);
		t = nl ? nl + 1 : NULL;
	}
}

/* The top bar: title left, progress text and bar right. */
static void
layout_top(const struct ui_page *p, struct uib *b)
{
	char	bar[13];
	int	i, fill, rw = 0, x;

	uib_fill(b, 0, 0, b->cols, UA_TITLE);
	if (p->prog_m > 0) {
		fill = p->prog_n * 10 / p->prog_m;
		bar[0] = '[';
		for (i = 0; i < 10; i++)
			bar[i + 1] = i < fill ? '#' : '-';
		bar[11] = ']';
		bar[12] = '\0';
		rw = 13;
		uib_put(b, 0, b->cols - 1 - 12, 12, bar, 12, UA_TITLE);
	}
	if (p->progress != NULL) {
		i = utf8_width(p->progress, strlen(p->progress));
		rw += i + 1;
		uib_put(b, 0, b->cols - rw, i, p->progress,
		    strlen(p->progress), UA_TITLE);
	}
	x = 1;
	if (p->title != NULL)
		uib_put(b, 0, x, b->cols - rw - 2, p->title, strlen(p->title),
		    UA_TITLE);
}

/* A button "[ label ]" at y,x; returns its width. */
static int
put_button(struct uib *b, int y, int x, const char *label,
    enum ui_hot_kind k)
{
	char	*t = xasprintf("[ %s ]", label);
	int	 w = uib_put(b, y, x, b->cols - x, t, strlen(t), UA_BUTTON);

	uib_hot(b, k, 0, y, x, x + w);
	free(t);
	return w;
}

/* Key bar, buttons and error message; returns the first row they use. */
static int
layout_bottom(const struct ui_page *p, struct uib *b)
{
	char	*msg;
	int	 y = b->rows - 1, w, n;

	if (p->keys != NULL) {
		uib_fill(b, y, 0, b->cols, UA_KEYS);
		uib_put(b, y, 1, b->cols - 2, p->keys, strlen(p->keys),
		    UA_KEYS);
		y--;
	}
	if (p->back != NULL || p->next != NULL) {
		if (p->back != NULL)
			put_button(b, y, MARGIN, p->back, HOT_BACK);
		if (p->next != NULL) {
			w = utf8_width(p->next, strlen(p->next)) + 4;
			put_button(b, y, b->cols - MARGIN - w, p->next,
			    HOT_NEXT);
		}
		y--;
	}
	if (p->error != NULL) {
		msg = xasprintf("! %s", p->error);
		n = ui_wrapped_rows(msg, b->cols - 2 * MARGIN);
		y -= n;
		for (w = 0; w < n; w++)
			uib_fill(b, y + 1 + w, MARGIN, b->cols - 2 * MARGIN,
			    UA_ERROR);
		ui_put_wrapped(b, y + 1, y + 1 + n, MARGIN,
		    b->cols - 2 * MARGIN, msg, UA_ERROR);
		free(msg);
	}
	return y;
}

/* Centred text lines from y; returns the next row. */
static int
put_centred(struct uib *b, int y, const char *text, enum ui_attr a)
{
	struct ui_line	*l;
	size_t		 i, n;
	int		 width = b->cols - 8 > 70 ? 70 : b->cols - 8, w;

	n = ui_wrap(text, width, &l);
	for (i = 0; i < n && y < b->rows; i++, y++) {
		w = utf8_width(text + l[i].off, l[i].len);
		uib_put(b, y, (b->cols - w) / 2, width, text + l[i].off,
		    l[i].len, a);
	}
	free(l);
	return y;
}

/* Welcome, end, enlarge: a centred block of heading, body and hint. */
static void
layout_centre(const struct ui_page *p, struct uib *b, int ymax)
{
	int	width = b->cols - 8 > 70 ? 70 : b->cols - 8, h = 0, y;

	if (p->heading != NULL)
		h += ui_wrapped_rows(p->heading, width) + 1;
	if (p->body != NULL)
		h += ui_wrapped_rows(p->body, width) + 1;
	if (p->hint != NULL)
		h += ui_wrapped_rows(p->hint, width);
	y = (ymax - h) / 2;
	if (y < 1)
		y = p->title != NULL ? 2 : 0;
	if (p->heading != NULL)
		y = put_centred(b, y, p->heading, UA_HEADING) + 1;
	if (p->body != NULL)
		y = put_centred(b, y, p->body, UA_BODY) + 1;
	if (p->hint != NULL)
		put_centred(b, y, p->hint, UA_DIM);
}

/* The question's picture when there is no list: right of the field. */
static void
layout_lone_art(const struct ui_page *p, struct uib *b, int y, int ymax)
{
	if (p->art != NULL && ui_art_beside(b->cols, p->art) &&
	    y + p->art->height <= ymax)
		ui_put_art(b, p, p->art, y, b->cols - MARGIN - p->art->width,
		    ymax);
}

/* The list with the highlighted option's picture beside or below. */
static void
layout_list_art(const struct ui_page *p, struct uib *b, int y, int ymax)
{
	const struct form_art	*art = p->art;
	int			 w = b->cols - 2 * MARGIN, lw, need;

	if (p->cur >= 0 && p->cur < p->nitems && p->items[p->cur].art)
		art = p->items[p->cur].art;
	if (art == NULL) {
		ui_layout_list(p, b, y, ymax, MARGIN, w);
		return;
	}
	if (ui_art_beside(b->cols, art)) {
		lw = w - art->width - ART_GAP;
		ui_layout_list(p, b, y, ymax, MARGIN, lw);
		ui_put_art(b, p, art, y, MARGIN + lw + ART_GAP, ymax);
		return;
	}
	need = ui_list_rows(p, w);
	if (y + need + 1 + art->height <= ymax) {
		ui_layout_list(p, b, y, y + need, MARGIN, w);
		ui_put_art(b, p, art, y + need + 1, MARGIN, ymax);
	} else
		ui_layout_list(p, b, y, ymax, MARGIN, w);
}

/*
 * A body that may be longer than the rows left: show the rows from
 * scroll->top, and a marker on the last row while more is below.
 */
static int
layout_scrolled(const struct ui_page *p, struct uib *b, int y, int ymax,
    int w)
{
	struct ui_scroll	*sc = p->scroll;
	struct ui_line		*l;
	size_t			 n = ui_wrap(p->body, w, &l);
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
		uib_put(b, y + i, MARGIN, w, p->body + l[sc->top + i].off,
		    l[sc->top + i].len, UA_BODY);
	if (sc->more && p->more != NULL)
		uib_put(b, y + avail, MARGIN, w, p->more, strlen(p->more),
		    UA_DIM);
	free(l);
	return y + avail + (sc->more ? 1 : 0);
}

/* Lay the page out into b. */
void
ui_layout(const struct ui_page *p, struct uib *b)
{
	int	w = b->cols - 2 * MARGIN, y = 2, ymax;

	uib_clear(b);
	if (p->title != NULL || p->progress != NULL)
		layout_top(p, b);
	ymax = layout_bottom(p, b);
	if (p->center) {
		layout_centre(p, b, ymax);
		if (p->items != NULL)
			ui_layout_list(p, b, ymax - ui_list_rows(p, w) - 1,
			    ymax, MARGIN, w);
		return;
	}
	if (p->heading != NULL)
		y = ui_put_wrapped(b, y, ymax, MARGIN, w, p->heading,
		    UA_HEADING) + 1;
	if (p->body != NULL && p->scroll != NULL)
		y = layout_scrolled(p, b, y, ymax, w);
	else if (p->body != NULL)
		y = ui_put_wrapped(b, y, ymax, MARGIN, w, p->body,
		    p->body_plain ? UA_BODY : UA_HEADING);
	if (p->help != NULL)
		y = ui_put_wrapped(b, y + 1, ymax, MARGIN, w, p->help,
		    UA_BODY);
	if (p->hint != NULL)
		y = ui_put_wrapped(b, y, ymax, MARGIN, w, p->hint, UA_DIM);
	y++;
	if (p->items != NULL)
		layout_list_art(p, b, y, ymax);
	else if (p->edit != NULL) {
		ui_layout_edit(p, b, y, ymax, MARGIN,
		    p->art != NULL && ui_art_beside(b->cols, p->art) ?
		    w - p->art->width - ART_GAP : w);
		layout_lone_art(p, b, y, ymax);
	} else
		layout_lone_art(p, b, y, ymax);
}
