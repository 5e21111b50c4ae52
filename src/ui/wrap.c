/*
 * wrap.c: word wrapping by display width (see wrap.h).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xmalloc.h"
#include "wrap.h"

/* Where a walk over the lines of a text is; set up by wrap_begin. */
struct wrap_iter {
	const char	*text;
	size_t		 pos;		/* next byte to wrap */
	size_t		 len;		/* bytes in text */
	int		 width;
	bool		 done;
};

/* Start a walk over the lines of text. */
static void
wrap_begin(struct wrap_iter *w, const char *text, int width)
{
	w->text = text;
	w->pos = 0;
	w->len = text != NULL ? strlen(text) : 0;
	w->width = width < 1 ? 1 : width;
	w->done = text == NULL;
}

/* Columns of the character at t[i] (ASCII without a call); *n its bytes. */
static int
wrap_char(const char *t, size_t i, size_t end, size_t *n, uint32_t *cp)
{
	if ((unsigned char)t[i] < 0x80) {
		*n = 1;
		*cp = (unsigned char)t[i];
		return *cp >= 0x20 && *cp < 0x7f ? 1 : 0;
	}
	*n = utf8_next(t + i, end - i, cp);
	return utf8_cp_width(*cp);
}

/*
 * The next line: up to the paragraph's end or the last space that keeps
 * it within width; a word wider than the line is cut where it overflows.
 */
static bool
wrap_next(struct wrap_iter *w, struct wrap_line *line)
{
	const char	*t = w->text, *nl;
	size_t		 start = w->pos, end, i, brk = 0, n;
	uint32_t	 cp;
	int		 cols = 0, cw;

	if (w->done)
		return false;
	nl = memchr(t + start, '\n', w->len - start);
	end = nl != NULL ? (size_t)(nl - t) : w->len;
	for (i = start; i < end; i += n) {
		cw = wrap_char(t, i, end, &n, &cp);
		if (cp == ' ')
			brk = i;
		else if (cols + cw > w->width) {
			/* break at the space, or cut the word (taking at
			   least one character, however wide) */
			end = brk > start ? brk : i > start ? i : i + n;
			line->off = start;
			line->len = end - start;
			while (end < w->len && t[end] == ' ')
				end++;
			w->pos = end;
			return true;
		}
		cols += cw;
	}
	line->off = start;
	line->len = end - start;
	if (nl != NULL)
		w->pos = end + 1;
	else
		w->done = true;
	return true;
}

/* Every line of text, in an array. */
size_t
wrap_lines(const char *text, int width, struct wrap_line **lines)
{
	struct wrap_iter	w;
	struct wrap_line	l;
	size_t			n = 0, cap = 0;

	*lines = NULL;
	wrap_begin(&w, text, width);
	while (wrap_next(&w, &l)) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			*lines = xreallocarray(*lines, cap, sizeof(**lines));
		}
		(*lines)[n++] = l;
	}
	return n;
}

/* Rows text takes at width. */
int
wrap_rows(const char *text, int width)
{
	struct wrap_iter	w;
	struct wrap_line	l;
	int			n = 0;

	wrap_begin(&w, text, width);
	while (wrap_next(&w, &l))
		n++;
	return n;
}

/* Write wrapped text at y from x in width columns, up to row ymax
   (exclusive); returns the next free row. */
int
wrap_put(struct grid *g, int y, int ymax, int x, int width,
    const char *text, enum grid_attr a)
{
	struct wrap_iter	w;
	struct wrap_line	l;

	wrap_begin(&w, text, width);
	while (y < ymax && wrap_next(&w, &l))
		grid_put(g, y++, x, width, text + l.off, l.len, a);
	if (wrap_next(&w, &l))
		g->cut++;		/* rows ran out */
	return y;
}

int
wrap_rows_hang(const char *text, int width, int first)
{
	struct wrap_iter	w;
	struct wrap_line	l;
	int			n = 0;

	wrap_begin(&w, text, width - first);
	while (wrap_next(&w, &l)) {
		n++;
		w.width = width < 1 ? 1 : width;
	}
	return n;
}

int
wrap_put_hang(struct grid *g, int y, int ymax, int x, int width, int first,
    const char *text, enum grid_attr a)
{
	struct wrap_iter	w;
	struct wrap_line	l;
	int			at = first;

	wrap_begin(&w, text, width - first);
	while (y < ymax && wrap_next(&w, &l)) {
		grid_put(g, y++, x + at, width - at, text + l.off, l.len, a);
		at = 0;
		w.width = width < 1 ? 1 : width;
	}
	if (wrap_next(&w, &l))
		g->cut++;		/* rows ran out */
	return y;
}

/* Bytes of s[0..len) that fit in w columns, whole characters only. */
size_t
wrap_fit(const char *s, size_t len, int w)
{
	size_t		 off = 0, n;
	uint32_t	 cp;
	int		 used = 0, cw;

	while (off < len) {
		n = utf8_next(s + off, len - off, &cp);
		cw = utf8_cp_width(cp);
		if (n == 0 || used + (cw > 0 ? cw : 0) > w)
			break;
		used += cw > 0 ? cw : 0;
		off += n;
	}
	return off;
}

/*
 * As wrap_put, but when the text needs more rows than y..ymax the last
 * row ends in an ellipsis ("..." without UTF-8), so a cut label never
 * reads as whole.
 */
int
wrap_put_cut(struct grid *g, int y, int ymax, int x, int width,
    const char *text, enum grid_attr a, bool utf8)
{
	struct wrap_line	*l = NULL;
	const char		*ell = utf8 ? "\xe2\x80\xa6" : "...";
	size_t			 n = wrap_lines(text, width, &l), i, fit;
	int			 ew = utf8 ? 1 : 3, rows = ymax - y;

	if (rows <= 0 || n <= (size_t)rows || width <= ew) {
		free(l);
		return wrap_put(g, y, ymax, x, width, text, a);
	}
	for (i = 0; i + 1 < (size_t)rows; i++)
		grid_put(g, y++, x, width, text + l[i].off, l[i].len, a);
	g->cut++;			/* said with the ellipsis */
	fit = wrap_fit(text + l[i].off, l[i].len, width - ew);
	x += grid_put(g, y, x, width, text + l[i].off, fit, a);
	grid_put(g, y++, x, ew, ell, strlen(ell), a);
	free(l);
	return y;
}
