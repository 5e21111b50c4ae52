/*
 * picture.c: a stage picture on a page (see picture.h).  A legend is
 * shown whenever a picture is shaded, because a client cannot guess
 * what ▓ ▒ ░ mean (and a console font barely tells ▓ from ▒), and the
 * ears "( )" are named because the stage labels refer to them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xmalloc.h"
#include "form/art_label.h"
#include "form/form.h"
#include "picture.h"
#include "wrap.h"

#define VIEW_GAP	2	/* columns between the two views */

_Static_assert(PW__COUNT == PAGE_ART_WORDS, "page.h's art_words size");

/* The shading characters of the Unicode pictures and their ASCII twins
   (forms/art/gen.py), from full to bare. */
static const char *const shade_utf8[4] = {
	"\xe2\x96\x93", "\xe2\x96\x92", "\xe2\x96\x91", " "
};
static const char *const shade_ascii[4] = { "#", "+", ":", "." };

/* Whether picture a is shaded (its legend is needed). */
static bool
picture_shaded(const struct form_art *a)
{
	const char	*t = a->utf8 != NULL ? a->utf8 : "";

	return strstr(t, shade_utf8[0]) != NULL ||
	    strstr(t, shade_utf8[1]) != NULL ||
	    strstr(t, shade_utf8[2]) != NULL;
}

int
picture_width(const struct form_art *a, int avail)
{
	int	both;

	if (a->view == NULL)
		return a->width;
	both = a->width + VIEW_GAP + a->view->width;
	return both <= avail ? both : a->width;
}

/*
 * The legend's entries ("[▓] full", ... "( ) ears") into e[6]; the
 * caller frees each.
 */
static void
legend_entries(const struct ui_page *p, char *e[6])
{
	const char *const	*sh = p->utf8 ? shade_utf8 : shade_ascii;
	int			 i;

	for (i = 0; i < 4; i++)
		e[i] = xasprintf("[%s] %s", sh[i], p->art_words[PW_FULL + i] ?
		    p->art_words[PW_FULL + i] : "");
	e[4] = xasprintf("( ) %s", p->art_words[PW_EARS] ?
	    p->art_words[PW_EARS] : "");
	e[5] = NULL;
}

/* Lay the legend out from y in w columns (draw when g != NULL); returns
   the rows it takes.  Entries go on a row while they fit, two blanks
   apart, never broken inside. */
static int
legend_rows(struct grid *g, const struct ui_page *p, int y, int x, int w,
    int ymax)
{
	char	*e[6];
	int	 i, col = 0, rows = 1, ew;

	legend_entries(p, e);
	for (i = 0; e[i] != NULL; i++) {
		ew = utf8_width(e[i], strlen(e[i]));
		if (col > 0 && col + 2 + ew > w) {
			rows++;
			col = 0;
		} else if (col > 0)
			col += 2;
		if (g != NULL && y + rows - 1 < ymax)
			grid_put(g, y + rows - 1, x + col, w - col, e[i],
			    strlen(e[i]), GA_DIM);
		col += ew;
		free(e[i]);
	}
	return rows;
}

int
picture_views_height(const struct form_art *a, int w)
{
	int	h = a->height;

	if (a->view != NULL && picture_width(a, w) > a->width)
		h = (a->view->height > h ? a->view->height : h) + 1;
	return h;
}

int
picture_height(const struct ui_page *p, const struct form_art *a, int w)
{
	int	h = picture_views_height(a, w);

	if (picture_shaded(a))
		h += legend_rows(NULL, p, 0, 0, w, 0);
	return h;
}

/* Line s[0..len) with every character said twice (a picture twice as
   large); caller frees. */
static char *
double_line(const char *s, size_t len)
{
	struct strbuf	sb;
	uint32_t	cp;
	size_t		n;

	strbuf_init(&sb);
	while (len > 0 && (n = utf8_next(s, len, &cp)) > 0) {
		strbuf_add(&sb, s, n);
		strbuf_add(&sb, s, n);
		s += n;
		len -= n;
	}
	return strbuf_detach(&sb);
}

/*
 * Line s[0..len) twice as wide, the word w (" w ", a label said in the
 * client's language) kept once with dashes around it making up the
 * width; NULL when the line does not hold it.  Caller frees.
 */
static char *
double_label(const char *s, size_t len, const char *w)
{
	struct strbuf	 sb;
	const char	*at = NULL;
	char		*pre, *post;
	size_t		 wl = w != NULL ? strlen(w) : 0, i;
	int		 ww, k;

	for (i = 1; w != NULL && i + wl < len; i++)
		if (s[i - 1] == ' ' && s[i + wl] == ' ' &&
		    memcmp(s + i, w, wl) == 0) {
			at = s + i;
			break;
		}
	if (at == NULL)
		return NULL;
	ww = utf8_width(w, wl);
	pre = double_line(s, (size_t)(at - 1 - s));
	post = double_line(at + wl + 1, len - (size_t)(at + wl + 1 - s));
	strbuf_init(&sb);
	strbuf_adds(&sb, pre);
	for (k = 0; k < (ww + 2) / 2; k++)
		strbuf_addc(&sb, '-');
	strbuf_addf(&sb, " %s ", w);
	for (k = 0; k < ww + 2 - (ww + 2) / 2; k++)
		strbuf_addc(&sb, '-');
	strbuf_adds(&sb, post);
	free(pre);
	free(post);
	return strbuf_detach(&sb);
}

/* One view's text at y,x, its "front" and "back" said in the client's
   language, each cell sc x sc cells (1 or 2); returns the next row. */
static int
put_view(struct grid *g, const struct ui_page *p, const struct form_art *a,
    int y, int x, int ymax, const char *name, bool view, int sc)
{
	const char	*t = form_art_text(a, p->utf8), *nl, *s;
	char		*l, *d = NULL;
	size_t		 len;
	int		 k;

	if (name != NULL && y + sc * a->height <= ymax)	/* an image */
		grid_pic(g, name, view, y, x, sc * a->width,
		    sc * a->height);
	while (t != NULL && y < ymax) {
		nl = strchr(t, '\n');
		len = nl ? (size_t)(nl - t) : strlen(t);
		if ((l = art_label(t, len, "front", p->art_front)) == NULL)
			l = art_label(t, len, "back", p->art_back);
		s = l != NULL ? l : t;
		if (s != t)
			len = strlen(s);
		if (sc > 1) {
			/* twice as large, the label said once */
			if ((d = double_label(s, len, p->art_front ?
			    p->art_front : "front")) == NULL &&
			    (d = double_label(s, len, p->art_back ?
			    p->art_back : "back")) == NULL)
				d = double_line(s, len);
			s = d;
			len = strlen(d);
		}
		for (k = 0; k < sc && y < ymax; k++)
			grid_put(g, y++, x, sc * a->width + (l != NULL), s,
			    len, GA_ART);
		free(l);
		free(d);
		d = NULL;
		t = nl ? nl + 1 : NULL;
	}
	return y;
}

/* A caption centred under a view of width w. */
static void
put_caption(struct grid *g, int y, int x, int w, const char *s)
{
	int	cw;

	if (s == NULL)
		return;
	cw = utf8_width(s, strlen(s));
	if (cw > w)
		cw = w;
	grid_put(g, y, x + (w - cw) / 2, w, s, strlen(s), GA_DIM);
}

/* The caption word of a second view's kind. */
static const char *
view_caption(const struct ui_page *p, const struct form_art *v)
{
	if (strcmp(v->name, "side") == 0)
		return p->art_words[PW_SIDE];
	if (strcmp(v->name, "front") == 0)
		return p->art_words[PW_FRONT];
	return p->art_words[PW_CLOSE];
}

/* Picture a (both views when they fit in w) at y,x, each cell sc x sc
   cells; returns the next row. */
static int
put_scaled(struct grid *g, const struct ui_page *p,
    const struct form_art *a, int y, int x, int w, int ymax, int sc)
{
	int	 y1, y2, vx, lw;

	y1 = put_view(g, p, a, y, x, ymax, a->name, false, sc);
	if (a->view != NULL && picture_width(a, w / sc) > a->width) {
		vx = x + sc * a->width + VIEW_GAP;
		y2 = put_view(g, p, a->view, y, vx, ymax, a->name, true, sc);
		y1 = y2 > y1 ? y2 : y1;
		if (y1 < ymax) {
			put_caption(g, y1, x, sc * a->width,
			    p->art_words[PW_TOP]);
			put_caption(g, y1, vx, sc * a->view->width,
			    view_caption(p, a->view));
			y1++;
		}
	}
	/* the legend under the picture, as wide as it (wider when it is
	   narrow) but within the screen */
	lw = sc * picture_width(a, w / sc);
	lw = lw < 33 ? (w < 33 ? w : 33) : lw;
	lw = x + lw > g->cols ? g->cols - x : lw;
	if (picture_shaded(a) && y1 + legend_rows(NULL, p, 0, 0, lw, 0) <=
	    ymax)
		y1 += legend_rows(g, p, y1, x, lw, ymax);
	return y1;
}

int
picture_put(struct grid *g, const struct ui_page *p,
    const struct form_art *a, int y, int x, int w, int ymax)
{
	return put_scaled(g, p, a, y, x, w, ymax, 1);
}

void
picture_put_large(struct grid *g, const struct ui_page *p,
    const struct form_art *a, int y, int x, int w, int ymax)
{
	int	sc = 2, pw;

	/* twice as large when both views and the rest fit so (a 140 x 41
	   screen at least), else as large as the text art is */
	if (2 * picture_width(a, w) > w ||
	    y + 2 * picture_height(p, a, w) > ymax)
		sc = 1;
	else if (a->view != NULL && picture_width(a, w / 2) == a->width)
		sc = 1;
	pw = sc * picture_width(a, w / sc);
	put_scaled(g, p, a, y, x + (w - pw) / 2, w, ymax, sc);
}

/* One picture of a comparison at y,x within pw columns: its label (at
   most lrows rows, the highlighted one marked) then the top view.
   Taps on it choose item i. */
static void
compare_one(struct grid *g, const struct ui_page *p, int i, int y, int x,
    int pw, int lrows, int ymax)
{
	const struct ui_item	*it = &p->items[i];
	char			*l;
	int			 y0 = y, k, n;

	l = xasprintf("%s %s %s", i == p->cur ? (p->utf8 ? "\xe2\x96\xb6" :
	    ">") : " ", it->mark != NULL ? it->mark : "", it->label);
	n = wrap_rows(l, pw);
	wrap_put_cut(g, y, y + (n < lrows ? n : lrows), x, pw, l,
	    i == p->cur ? GA_SELECTED : GA_BODY, p->utf8);
	free(l);
	y += lrows;
	if (it->art != NULL)
		put_view(g, p, it->art, y, x, ymax, it->art->name, false, 1);
	for (k = y0; k < ymax && k < y + (it->art ? it->art->height : 0);
	    k++)
		grid_hot(g, HOT_ITEM, i, k, x, x + pw);
}

bool
picture_compare_fits(const struct ui_page *p, const struct form_art *a,
    int w, int rows)
{
	(void)p;
	return (w - VIEW_GAP) / 2 >= a->width && a->height + 1 <= rows;
}

void
picture_compare(struct grid *g, const struct ui_page *p, int y, int x,
    int w, int ymax)
{
	const struct form_art	*a;
	int			 pw = (w - VIEW_GAP) / 2, lrows, h, legend;
	int			 left = p->cur, right = p->compare - 1;

	if (left < 0 || left >= p->nitems || right < 0 ||
	    right >= p->nitems)
		return;
	if ((a = p->items[left].art) == NULL &&
	    (a = p->items[right].art) == NULL)
		return;
	if (right < left) {		/* in the list's order */
		left = right;
		right = p->cur;
	}
	legend = picture_shaded(a) ? legend_rows(NULL, p, 0, 0, w, 0) : 0;
	h = a->height;
	lrows = ymax - y - h - legend;
	lrows = lrows > 3 ? 3 : lrows < 1 ? 1 : lrows;
	compare_one(g, p, left, y, x, pw, lrows, ymax);
	compare_one(g, p, right, y, x + pw + VIEW_GAP, pw, lrows, ymax);
	if (legend > 0 && y + lrows + h + legend <= ymax)
		legend_rows(g, p, y + lrows + h, x, w, ymax);
}
