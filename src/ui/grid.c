/*
 * grid.c: a screen as a plain grid of cells (see grid.h).  No curses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xmalloc.h"
#include "grid.h"

/* A blank grid of rows x cols. */
struct grid *
grid_new(int rows, int cols)
{
	struct grid	*g = xcalloc(1, sizeof(*g));

	g->rows = rows > 0 ? rows : 1;
	g->cols = cols > 0 ? cols : 1;
	g->cells = xcalloc((size_t)g->rows * (size_t)g->cols,
	    sizeof(*g->cells));
	grid_clear(g);
	return g;
}

/* Free the grid (its cells may show personal answers: wipe them). */
void
grid_free(struct grid *g)
{
	if (g == NULL)
		return;
	memset(g->cells, 0, (size_t)g->rows * (size_t)g->cols *
	    sizeof(*g->cells));
	free(g->cells);
	free(g->hots);
	free(g);
}

/* Blank every cell and forget hot zones and cursor. */
void
grid_clear(struct grid *g)
{
	static const struct grid_cell blank = { " ", GA_BODY };
	size_t	i, n = (size_t)g->rows * (size_t)g->cols;

	for (i = 0; i < n; i++)
		g->cells[i] = blank;
	g->nhots = 0;
	g->cury = g->curx = -1;
	memset(g->pics, 0, sizeof(g->pics));
	g->npics = 0;
	g->cut = 0;
}

void
grid_pic(struct grid *g, const char *name, bool view, int y, int x, int w,
    int h)
{
	struct grid_pic	*p;

	if (g->npics >= GRID_PICS || y < 0 || x < 0 || w <= 0 || h <= 0 ||
	    x + w > g->cols || y + h >= g->rows ||
	    strlen(name) + 6 > sizeof(p->name))
		return;
	p = &g->pics[g->npics++];
	snprintf(p->name, sizeof(p->name), "%s%s", name, view ? ".view" : "");
	p->y = y;
	p->x = x;
	p->w = w;
	p->h = h;
}

/* The cell at y, x. */
struct grid_cell *
grid_cell(const struct grid *g, int y, int x)
{
	return &g->cells[(size_t)y * (size_t)g->cols + (size_t)x];
}

/* Whether row y of a and b (of the same size) look the same. */
bool
grid_row_same(const struct grid *a, const struct grid *b, int y)
{
	return memcmp(grid_cell(a, y, 0), grid_cell(b, y, 0),
	    (size_t)a->cols * sizeof(*a->cells)) == 0;
}

/* Same character, same look (cells are zero-padded after their bytes,
   so the bytes compare whole). */
bool
grid_cell_same(const struct grid_cell *a, const struct grid_cell *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

/* Join a combining mark to the cell before, if it has room. */
static void
grid_combine(struct grid_cell *c, const char *mark, size_t n)
{
	size_t	have = strlen(c->s);

	if (have + n < sizeof(c->s)) {
		memcpy(c->s + have, mark, n);
		c->s[have + n] = '\0';
	}
}

/* Whether len bytes of text are only spaces (nothing to lose). */
static bool
grid_blank(const char *text, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (text[i] != ' ')
			return false;
	return true;
}

/* Write text into row y from column x, in at most maxw columns. */
int
grid_put(struct grid *g, int y, int x, int maxw, const char *text,
    size_t len, enum grid_attr a)
{
	struct grid_cell	*c;
	size_t			 i = 0, n;
	uint32_t		 cp;
	int			 w, used = 0;

	if (y < 0 || y >= g->rows || x < 0 || x >= g->cols) {
		g->cut += grid_blank(text, len) ? 0 : 1;
		return 0;
	}
	if (maxw > g->cols - x)
		maxw = g->cols - x;
	c = grid_cell(g, y, x);
	while (i < len) {
		if ((unsigned char)text[i] >= 0x20 &&
		    (unsigned char)text[i] < 0x7f) {	/* ASCII: fast path */
			if (used + 1 > maxw)
				break;
			memset(c[used].s, 0, sizeof(c[used].s));
			c[used].s[0] = text[i];
			c[used++].attr = (unsigned char)a;
			i++;
			continue;
		}
		n = utf8_next(text + i, len - i, &cp);
		w = utf8_cp_width(cp);
		if (w == 0 && cp >= 0xA0 && used > 0)
			grid_combine(&c[used - 1], text + i, n);
		else if (w > 0) {
			if (used + w > maxw)
				break;
			memset(c[used].s, 0, sizeof(c[used].s));
			memcpy(c[used].s, text + i, n);
			c[used].attr = (unsigned char)a;
			if (w == 2) {
				memset(c[used + 1].s, 0, sizeof(c[used].s));
				c[used + 1].attr = (unsigned char)a;
			}
			used += w;
		}
		i += n;
	}
	if (i < len && !grid_blank(text + i, len - i))
		g->cut++;		/* a text left out: never silently */
	return used;
}

/* Paint w blank cells of attribute a. */
void
grid_fill(struct grid *g, int y, int x, int w, enum grid_attr a)
{
	struct grid_cell	*c;
	int			 i;

	if (y < 0 || y >= g->rows)
		return;
	for (i = x < 0 ? 0 : x; i < x + w && i < g->cols; i++) {
		c = grid_cell(g, y, i);
		memset(c->s, 0, sizeof(c->s));
		c->s[0] = ' ';
		c->attr = (unsigned char)a;
	}
}

/* Record a hot zone. */
void
grid_hot(struct grid *g, enum grid_hot_kind k, int arg, int y, int x0,
    int x1)
{
	if (g->nhots == g->hcap) {
		g->hcap = g->hcap ? g->hcap * 2 : 16;
		g->hots = xreallocarray(g->hots, g->hcap, sizeof(*g->hots));
	}
	g->hots[g->nhots++] = (struct grid_hot){ k, arg, y, x0, x1 };
}

void
grid_copy_rows(struct grid *dst, const struct grid *src, int sy, int n,
    int dy, int x0, int x1)
{
	size_t	i;
	int	k;

	if (x0 < 0)
		x0 = 0;
	if (x1 > dst->cols)
		x1 = dst->cols;
	if (x1 > src->cols)
		x1 = src->cols;
	if (x1 <= x0)
		return;
	for (k = 0; k < n; k++) {
		if (sy + k < 0 || sy + k >= src->rows || dy + k < 0 ||
		    dy + k >= dst->rows)
			continue;
		memcpy(grid_cell(dst, dy + k, x0), grid_cell(src, sy + k, x0),
		    (size_t)(x1 - x0) * sizeof(*dst->cells));
	}
	for (i = 0; i < src->nhots; i++)
		if (src->hots[i].y >= sy && src->hots[i].y < sy + n)
			grid_hot(dst, src->hots[i].kind, src->hots[i].arg,
			    src->hots[i].y - sy + dy, src->hots[i].x0,
			    src->hots[i].x1);
	if (src->cury >= sy && src->cury < sy + n) {
		dst->cury = src->cury - sy + dy;
		dst->curx = src->curx;
	}
}

/* The hot zone under y,x (the last one recorded wins), or NULL. */
const struct grid_hot *
grid_hit(const struct grid *g, int y, int x)
{
	size_t	i;

	for (i = g->nhots; i-- > 0; )
		if (g->hots[i].y == y && x >= g->hots[i].x0 &&
		    x < g->hots[i].x1)
			return &g->hots[i];
	return NULL;
}

/* Row y as text, trailing blanks trimmed; caller frees. */
char *
grid_row(const struct grid *g, int y)
{
	struct strbuf	sb;
	int		x;

	strbuf_init(&sb);
	for (x = 0; x < g->cols; x++)
		strbuf_adds(&sb, grid_cell(g, y, x)->s);
	while (sb.len > 0 && sb.s[sb.len - 1] == ' ')
		sb.s[--sb.len] = '\0';
	return strbuf_detach(&sb);
}

/* The grid as text; caller frees. */
char *
grid_text(const struct grid *g)
{
	struct strbuf	 sb;
	char		*row;
	int		 y;

	strbuf_init(&sb);
	for (y = 0; y < g->rows; y++) {
		row = grid_row(g, y);
		strbuf_adds(&sb, row);
		strbuf_addc(&sb, '\n');
		free(row);
	}
	return strbuf_detach(&sb);
}
