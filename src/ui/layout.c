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
#define WINDOW_MIN	4	/* rows of texts beside a widget, at the
				   least: two lines between two markers */

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

/*
 * The top bar: title left, progress text and bar right.  On a narrow
 * screen (large text) the bar goes first, then the title: the progress
 * says where the client is, the title only repeats the clinic's form,
 * and neither is ever cut.
 */
static void
layout_top(const struct ui_page *p, struct grid *g)
{
	char	bar[13];
	int	i, fill, pw = 0, tw = 0, room = g->cols - 2;
	bool	show_bar = p->prog_m > 0;

	grid_fill(g, 0, 0, g->cols, GA_TITLE);
	if (p->progress != NULL)
		pw = utf8_width(p->progress, strlen(p->progress));
	if (p->title != NULL)
		tw = utf8_width(p->title, strlen(p->title));
	if (show_bar && tw + 2 + pw + 1 + 12 > room)
		show_bar = false;
	if (show_bar) {
		fill = p->prog_n * 10 / p->prog_m;
		bar[0] = '[';
		for (i = 0; i < 10; i++)
			bar[i + 1] = i < fill ? '#' : '-';
		bar[11] = ']';
		bar[12] = '\0';
		grid_put(g, 0, g->cols - 1 - 12, 12, bar, 12, GA_TITLE);
		pw += 13;
	}
	if (p->progress != NULL)
		grid_put(g, 0, g->cols - 1 - pw, pw, p->progress,
		    strlen(p->progress), GA_TITLE);
	if (p->title != NULL && (tw + 2 + pw <= room || p->progress == NULL))
		grid_put(g, 0, 1, room - pw, p->title, strlen(p->title),
		    GA_TITLE);
}

/* Rows button "[ label ]" takes in at most maxw columns: two (a
   fingertip's target), or more when its label wraps (large text). */
static int
button_rows(const char *label, int maxw)
{
	int	n;

	if (utf8_width(label, strlen(label)) + 4 <= maxw)
		return 2;
	n = wrap_rows(label, maxw - 4);
	return n > 2 ? n : 2;
}

/*
 * A button "[ label ]" whose last row is y, from x, in at most maxw
 * columns, highlighted with an arrow before it when focused; returns its
 * width.  It is two rows tall (the row above painted too); a label too
 * long for the width wraps over as many rows as it needs, never cut.
 */
static int
put_button(struct grid *g, const struct ui_page *p, int y, int x,
    int maxw, const char *label, enum grid_hot_kind k, bool focused)
{
	enum grid_attr		 a = focused ? GA_SELECTED : GA_BUTTON;
	struct wrap_line	*l;
	char			*t;
	size_t			 n, i;
	int			 w, h = button_rows(label, maxw), top, r;

	top = y - h + 1;
	if (h == 2 && utf8_width(label, strlen(label)) + 4 <= maxw) {
		t = xasprintf("[ %s ]", label);
		w = grid_put(g, y, x, maxw, t, strlen(t), a);
		grid_fill(g, y - 1, x, w, a);
		free(t);
	} else {
		w = maxw;
		for (r = top; r <= y; r++)
			grid_fill(g, r, x, w, a);
		n = wrap_lines(label, w - 4, &l);
		for (i = 0; i < n; i++)
			grid_put(g, y - (int)n + 1 + (int)i, x + 2, w - 4,
			    label + l[i].off, l[i].len, a);
		grid_put(g, y - (int)n + 1, x, 1, "[", 1, a);
		grid_put(g, y, x + w - 1, 1, "]", 1, a);
		free(l);
	}
	for (r = top; r <= y; r++)
		grid_hot(g, k, 0, r, x, x + w);
	if (focused) {
		grid_put(g, y, x - 2, 1, p->utf8 ? "\xe2\x96\xb6" : ">",
		    p->utf8 ? 3 : 1, GA_BODY);
		g->cury = y;		/* the cursor is the focus */
		g->curx = x;
	}
	return w;
}

/* Columns of button "[ label ]". */
static int
button_width(const char *label)
{
	return label != NULL ? utf8_width(label, strlen(label)) + 4 : 0;
}

/*
 * The buttons from row y up; returns the row above them.  Back sits left,
 * an agree screen's decline button right of it, and Next right; a button
 * that does not fit on the row goes on the rows above (a long "I agree",
 * large text), so none is ever covered or cut.
 */
static int
layout_buttons(const struct ui_page *p, struct grid *g, int y)
{
	const char		*label[3] = { p->back, p->decline, p->next };
	const enum grid_hot_kind kind[3] = { HOT_BACK, HOT_DECLINE,
				    HOT_NEXT };
	const bool		 focus[3] = { false, p->focus == 1,
				    p->decline != NULL && p->focus == 0 };
	int			 i, x = MARGIN, bw, right = g->cols - MARGIN;
	int			 rh = 2, h;

	if (p->back == NULL && p->next == NULL)
		return y;
	for (i = 0; i < 3; i++) {
		if (label[i] == NULL)
			continue;
		bw = button_width(label[i]);
		if (bw > right - MARGIN)
			bw = right - MARGIN;
		if (x > MARGIN && x + bw > right) {
			y -= rh;	/* its own rows, above */
			x = MARGIN;
			rh = 2;
		}
		h = button_rows(label[i], right - MARGIN);
		if (h > rh)
			rh = h;
		if (kind[i] == HOT_NEXT)	/* Next on the right */
			x = right - bw;
		x += put_button(g, p, y, x, bw, label[i], kind[i],
		    focus[i]) + 2;
		if (kind[i] == HOT_BACK && p->decline != NULL)
			x += 2;		/* room for the focus arrow */
	}
	return y - rh;
}

#define KEYS_GROUPS	16	/* groups a key bar has at the most */

/*
 * The key bar: groups ("Enter next", "Esc back"...) two or more spaces
 * apart, then the language key (tappable), on as many rows as the width
 * needs, never a group cut in two.  Rows fill from the end, so the last
 * groups (back, help, language) are always on the bottom row, where they
 * are on every screen.  Returns its first row.
 */
static int
layout_keys(const struct ui_page *p, struct grid *g)
{
	const char	*k = p->keys, *grp[KEYS_GROUPS], *e;
	size_t		 glen[KEYS_GROUPS], n = 0, i, j, first;
	int		 gap[KEYS_GROUPS], room = g->cols - 2, y = g->rows, w;
	int		 x;

	while (*k != '\0' && n + 1 < KEYS_GROUPS) {
		e = strstr(k, "  ");
		grp[n] = k;
		glen[n] = e != NULL && n + 2 < KEYS_GROUPS ?
		    (size_t)(e - k) : strlen(k);
		k += glen[n];
		for (gap[n] = 0; *k == ' '; k++)
			gap[n]++;
		n++;
	}
	if (p->lang_key != NULL) {
		if (n > 0 && gap[n - 1] < 3)
			gap[n - 1] = 3;
		grp[n] = p->lang_key;
		glen[n] = strlen(p->lang_key);
		gap[n++] = 0;
	}
	for (i = n; i > 0; i = first) {
		/* the groups [first, i) that fit on one row */
		first = i - 1;
		w = utf8_width(grp[first], glen[first]);
		while (first > 0 && w + gap[first - 1] + utf8_width(
		    grp[first - 1], glen[first - 1]) <= room) {
			first--;
			w += gap[first] + utf8_width(grp[first], glen[first]);
		}
		y--;
		grid_fill(g, y, 0, g->cols, GA_KEYS);
		for (j = first, x = 1; j < i; j++) {
			w = grid_put(g, y, x, g->cols - 1 - x, grp[j],
			    glen[j], GA_KEYS);
			if (p->lang_key != NULL && grp[j] == p->lang_key)
				grid_hot(g, HOT_LANG, 0, y, x, x + w);
			x += w + gap[j];
		}
	}
	return y;
}

/* Key bar, buttons and error message; returns the first row they use. */
static int
layout_bottom(const struct ui_page *p, struct grid *g)
{
	char	*msg;
	int	 y = g->rows - 1, w, n;

	if (p->keys != NULL)
		y = layout_keys(p, g) - 1;
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

/* A marker row of the texts' window ("▲ more"; below, the page's own
   words when they fit on the row): a tap scrolls them. */
static void
window_marker(const struct ui_page *p, struct grid *g, int y, int w,
    bool up)
{
	const char	*word = up ? p->more_up : p->more_down;
	char		*t;

	if (!up && p->more != NULL && utf8_width(p->more,
	    strlen(p->more)) <= w)
		t = xstrdup(p->more);
	else
		t = xasprintf("%s %s", p->utf8 ? (up ? "\xe2\x96\xb2" :
		    "\xe2\x96\xbc") : (up ? "^" : "v"),
		    word != NULL ? word : "more");
	grid_put(g, y, MARGIN, w, t, strlen(t), GA_DIM);
	grid_hot(g, HOT_SCROLL, up ? -1 : 1, y, MARGIN, MARGIN + w);
	free(t);
}

/* Rows the texts above the widget take at width w (as layout_texts
   puts them, without scrolling), with the blank row under them. */
static int
texts_rows(const struct ui_page *p, int w)
{
	int	n = 0;

	if (p->heading != NULL)
		n += wrap_rows(p->heading, w) + !p->tight;
	if (p->intro != NULL)
		n += wrap_rows(p->intro, w) + 1;
	if (p->body != NULL)
		n += wrap_rows(p->body, w);
	if (p->art_text != NULL)
		n += wrap_rows(p->art_text, w);
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

/* Heading, section intro, body, the picture in words (when it does not
   fit), help (or the line saying there is help, which a tap opens) and
   hint from row y at width w; returns the row where the widget starts.
   *help_y (when not NULL) is the help's first row, or -1. */
static int
layout_texts(const struct ui_page *p, struct grid *g, int y, int ymax,
    int w, int *help_y)
{
	int	y0, k;

	if (help_y != NULL)
		*help_y = -1;
	if (p->heading != NULL)
		y = wrap_put(g, y, ymax, MARGIN, w, p->heading,
		    GA_HEADING) + !p->tight;
	if (p->intro != NULL)
		y = wrap_put(g, y, ymax, MARGIN, w, p->intro, GA_BODY) + 1;
	if (p->body != NULL)
		y = wrap_put(g, y, ymax, MARGIN, w, p->body,
		    p->body_plain ? GA_BODY : GA_HEADING);
	if (p->art_text != NULL)
		y = wrap_put(g, y, ymax, MARGIN, w, p->art_text, GA_BODY);
	if (p->help != NULL) {
		if (help_y != NULL)
			*help_y = y + 1;
		y = wrap_put(g, y + 1, ymax, MARGIN, w, p->help,
		    GA_BODY);
	} else if (p->help_hint != NULL) {
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
 * The texts in rows [y, ymax) when they do not fit with the widget
 * (large text): laid out whole in a grid of their own, and the rows
 * from window->top shown, with "▲ more" above and "▼ more" below while
 * there is more that way.  The mode scrolls them (Up/Down before the
 * list, a tap on a marker); opening the help brings its first row up.
 */
static void
layout_window(const struct ui_page *p, struct grid *g, int y, int ymax,
    int w, bool below)
{
	struct ui_scroll	*sc = p->window;
	struct grid		*t;
	int			 n = texts_rows(p, w) - 1, rows = ymax - y;
	int			 view, help_y;

	t = grid_new(n + 1, g->cols);
	layout_texts(p, t, 0, n + 1, w, &help_y);
	if (sc->to_help && help_y >= 0)
		sc->top = help_y;
	sc->to_help = false;
	if (sc->top > 0 && rows < 3)
		sc->top = 0;		/* no room for two markers */
	view = rows - 1 - (sc->top > 0);
	if (sc->top > n - view)
		sc->top = n - view;
	if (sc->top < 0)
		sc->top = 0;
	view = rows - 1 - (sc->top > 0);
	if (view < 1)
		view = 1;
	if (sc->top > 0) {
		window_marker(p, g, y, w, true);
		y++;
	}
	grid_copy_rows(g, t, sc->top, view, y, MARGIN, MARGIN + w);
	sc->page = view;
	sc->more = sc->top + view < n;
	if (sc->more || below)		/* below: the widget follows */
		window_marker(p, g, y + view, w, false);
	grid_free(t);
}

/* The widget (list or field) in rows [y, ymax), columns [x, x + w). */
static void
layout_widget(const struct ui_page *p, struct grid *g, int y, int ymax,
    int x, int w)
{
	if (p->items != NULL)
		widget_list(p, g, y, ymax, x, w);
	else if (p->edit != NULL)
		widget_edit(p, g, y, ymax, x, w);
}

/* Rows the widget wants, and the fewest it can do with (a list scrolls
   around its highlighted entry; a box shows the lines by the cursor). */
static int
layout_need(const struct ui_page *p, int w, bool least)
{
	if (p->items != NULL)
		return least ? widget_list_min(p, w) : widget_list_rows(p, w);
	if (p->edit != NULL)
		return p->multiline ? (least ? 3 : 6) : 1;
	return 0;
}

/*
 * Texts then the widget in rows [y, ymax), w columns from MARGIN.  When
 * both do not fit and the page lets its texts scroll, the widget keeps
 * the rows it needs at the least and the texts scroll above it: nothing
 * is cut, however large the text.
 */
static void
layout_body(const struct ui_page *p, struct grid *g, int y, int ymax,
    int w)
{
	int	t = texts_rows(p, w), least, room;

	if (p->window != NULL) {
		p->window->page = 0;
		p->window->more = false;
	}
	if (p->window == NULL || y + t + layout_need(p, w, false) <= ymax) {
		if (p->window != NULL) {	/* nothing scrolls */
			p->window->top = 0;
			p->window->to_help = false;
		}
		y = layout_texts(p, g, y, ymax, w, NULL);
		layout_widget(p, g, y, ymax, MARGIN, w);
		return;
	}
	least = layout_need(p, w, true);
	room = ymax - y - least;
	if (t - 1 <= room) {		/* they fit, tight */
		p->window->top = 0;
		p->window->to_help = false;
		y = layout_texts(p, g, y, ymax, w, NULL);
		if (y > ymax - least)
			y = ymax - least;
		layout_widget(p, g, y, ymax, MARGIN, w);
		return;
	}
	if (room >= WINDOW_MIN) {
		layout_window(p, g, y, y + room, w, false);
		layout_widget(p, g, y + room, ymax, MARGIN, w);
		return;
	}
	/* Not even a few rows of text beside the widget: the texts while
	   the client reads them, then the widget alone. */
	if (p->window->reading || least == 0)
		layout_window(p, g, y, ymax, w, least > 0);
	else {
		p->window->page = ymax - y - 1;	/* Up reads back */
		layout_widget(p, g, y, ymax, MARGIN, w);
	}
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

/* The picture does not fit: its words go in its place, under the
   highlighted entry (when the entry still fits in rows rows with them),
   else with the texts above. */
static void
art_in_words(struct ui_page *q, const struct form_art *art, int w, int rows)
{
	if (q->items != NULL && q->cur >= 0 && q->cur < q->nitems &&
	    q->items[q->cur].art == art) {
		q->describe_cur = true;
		if (widget_list_min(q, w) <= rows)
			return;
		q->describe_cur = false;
		q->art_text = q->items[q->cur].describe;
	} else
		q->art_text = q->describe;
}

/*
 * On a narrow screen (large text) the form's title does not fit beside
 * the progress: the section's heading takes its place in the top bar,
 * which gives the texts back its rows.
 */
static void
top_heading(struct ui_page *q, int cols)
{
	int	pw = 0, room = cols - 2;

	if (q->title == NULL || q->heading == NULL)
		return;
	if (q->progress != NULL)
		pw = utf8_width(q->progress, strlen(q->progress)) + 2;
	if (utf8_width(q->title, strlen(q->title)) + pw <= room ||
	    utf8_width(q->heading, strlen(q->heading)) + pw > room)
		return;
	q->title = q->heading;
	q->heading = NULL;
}

/*
 * Lay the page out into g.  A picture goes beside the widget, or beside
 * the texts when it would fall off the bottom (help never hides it), or
 * under the list; when it fits nowhere (large text) its description
 * stands in its place.  The texts scroll above the widget when the two
 * do not fit (layout_body).
 */
static void
layout_place(const struct ui_page *p, struct grid *g)
{
	struct ui_page		 q = *p;	/* plus the layout's choices */
	const struct form_art	*art;
	int			 w = g->cols - 2 * MARGIN, y, ymax, aw, ah;

	grid_clear(g);
	y = g->rows >= PAGE_ROOMY_ROWS ? 2 : 1;
	q.tight = g->rows < PAGE_ROOMY_ROWS;
	if (!p->center)
		top_heading(&q, g->cols);
	if (q.title != NULL || q.progress != NULL)
		layout_top(&q, g);
	ymax = layout_bottom(&q, g);
	/* a blank row under the heading while everything fits with it */
	q.tight = q.tight && y + texts_rows(&q, w) + layout_need(&q, w,
	    false) > ymax;
	if (q.tight)
		ymax++;		/* and none above the buttons */
	if (p->center) {
		layout_centre(p, g, ymax);
		if (p->items != NULL)
			widget_list(p, g, ymax - widget_list_rows(p, w) - 1,
			    ymax, MARGIN, w);
		return;
	}
	if (q.compare > 0 && q.items != NULL) {
		art = q.items[q.cur].art;
		if (art != NULL && picture_compare_fits(&q, art, w, ymax - y -
		    texts_rows(&q, w) + 1)) {
			/* no blank row under the texts: the labels need it */
			y = layout_texts(&q, g, y, ymax, w, NULL) - 1;
			picture_compare(g, &q, y, MARGIN, w, ymax);
			return;
		}
		q.compare = 0;		/* two do not fit: the list */
	}
	if (q.compare_hint != NULL && q.compare == 0 && q.nitems > 0 &&
	    (art = q.items[q.cur > 0 ? q.cur : 0].art) != NULL &&
	    !picture_compare_fits(&q, art, w, ymax - y - 1))
		q.compare_hint = NULL;	/* nothing to offer */
	art = page_art(&q);
	if (art == NULL) {
		layout_body(&q, g, y, ymax, w);
		return;
	}
	aw = art_cols(g->cols, art);
	if (q.art_large) {
		if (y + texts_rows(&q, w) + picture_views_height(art, w) >
		    ymax) {
			art_in_words(&q, art, w, ymax - y);
			layout_body(&q, g, y, ymax, w);
			return;
		}
		y = layout_texts(&q, g, y, ymax, w, NULL);
		picture_put_large(g, &q, art, y, MARGIN, w, ymax);
		return;
	}
	ah = picture_views_height(art, aw);
	if (layout_art_beside(g->cols, art) && y + ah <= ymax &&
	    (q.items != NULL || q.edit != NULL)) {
		if (y + texts_rows(&q, w) + ah <= ymax &&
		    y + texts_rows(&q, w) + layout_need(&q, w - aw - ART_GAP,
		    false) <= ymax) {
			/* texts across, the widget and the picture under */
			y = layout_texts(&q, g, y, ymax, w, NULL);
			put_art(g, &q, art, y, g->cols - MARGIN - aw, aw, ymax);
			layout_widget(&q, g, y, ymax, MARGIN, w - aw - ART_GAP);
			return;
		}
		/* the picture up top, texts and widget beside it */
		put_art(g, &q, art, y, g->cols - MARGIN - aw, aw, ymax);
		layout_body(&q, g, y, ymax, w - aw - ART_GAP);
		return;
	}
	if (q.items != NULL && y + texts_rows(&q, w) + widget_list_rows(&q,
	    w) + 1 + picture_height(&q, art, w) <= ymax) {
		/* room under the list */
		y = layout_texts(&q, g, y, ymax, w, NULL);
		y += widget_list_rows(&q, w);
		widget_list(&q, g, y - widget_list_rows(&q, w), y, MARGIN, w);
		put_art(g, &q, art, y + 1, MARGIN, w, ymax);
		return;
	}
	if (q.items == NULL && q.edit == NULL &&
	    y + texts_rows(&q, w) + ah <= ymax && layout_art_beside(g->cols,
	    art)) {
		y = layout_texts(&q, g, y, ymax, w, NULL);
		put_art(g, &q, art, y, g->cols - MARGIN - aw, aw, ymax);
		return;
	}
	art_in_words(&q, art, w, ymax - y);
	layout_body(&q, g, y, ymax, w);
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

/* Lay the page out into g, then place the cursor on the focus. */
void
layout_page(const struct ui_page *p, struct grid *g)
{
	layout_place(p, g);
	layout_cursor(g);
}
