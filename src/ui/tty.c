/*
 * tty.c: the terminal under the kiosk (see tty.h).  Colours for
 * contrast, attributes alone on a colourless terminal; a copy of the
 * grid on screen, so each draw writes only the cells that changed.
 */
#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "base/die.h"
#include "base/utf8.h"
#include "base/xmalloc.h"
#include "theme.h"
#include "tty.h"

static bool	 tty_on;		/* between newterm and endwin */
static bool	 tty_unicode;		/* the locale shows UTF-8 */
static chtype	 tty_look[GA__COUNT];	/* enum grid_attr -> curses */
static struct grid *tty_shown;		/* what the screen shows */
static bool	 tty_cursor_on;		/* curs_set(1) sent */

/* Restore the terminal (also the die() hook). */
void
tty_stop(void)
{
	tty_cursor_on = false;
	if (tty_on) {
		endwin();
		tty_on = false;
	}
	grid_free(tty_shown);
	tty_shown = NULL;
}

/*
 * Colours of the theme (theme.c: every pair at least 7:1 on the Linux
 * console); attributes alone on a colourless terminal or when NO_COLOR
 * is set (no-color.org).
 */
static void
tty_colours(bool high_contrast)
{
	static const chtype mono[GA__COUNT] = {
		[GA_TITLE] = A_REVERSE, [GA_HEADING] = A_BOLD,
		[GA_SELECTED] = A_REVERSE, [GA_ERROR] = A_BOLD | A_REVERSE,
		[GA_BUTTON] = A_BOLD, [GA_KEYS] = A_REVERSE,
		[GA_FIELD] = A_UNDERLINE,
	};
	const struct theme_look	*t = theme_looks(high_contrast ?
				    THEME_HIGH_CONTRAST : THEME_STANDARD);
	const char		*nc = getenv("NO_COLOR");
	int			 i;

	memcpy(tty_look, mono, sizeof(tty_look));
	if ((nc != NULL && *nc != '\0') || !has_colors() ||
	    start_color() == ERR || COLORS < 8 || COLOR_PAIRS <= GA__COUNT)
		return;
	for (i = 0; i < GA__COUNT; i++) {
		init_pair((short)(i + 1), t[i].fg, t[i].bg);
		tty_look[i] = COLOR_PAIR(i + 1) | (t[i].bold ? A_BOLD : 0) |
		    (t[i].underline ? A_UNDERLINE : 0);
	}
	bkgd(tty_look[GA_BODY] | ' ');
}

/*
 * Start curses; -1 with *errp if $TERM is unknown (newterm would print
 * its own message and exit) or cannot place the cursor (TERM=dumb: the
 * screens would run together on one line).
 */
int
tty_start(bool high_contrast, char **errp)
{
	const char	*term = getenv("TERM");
	char		*cup;

	die_set_hook(tty_stop);
	/*
	 * Terminals send UTF-8 whatever LANG says; in a non-UTF-8 locale
	 * get_wch stalled on the first accented byte and everything typed
	 * after it was lost.  Decode input as UTF-8 (the screen still shows
	 * '?' for what an ASCII terminal cannot draw).
	 */
	tty_unicode = utf8_locale();
	if (!tty_unicode)
		(void)setlocale(LC_CTYPE, "C.UTF-8");
	if (newterm(NULL, stdout, stdin) == NULL) {
		*errp = xasprintf("terminal type '%s' is unknown here (check "
		    "TERM)", term != NULL ? term : "");
		return -1;
	}
	tty_on = true;
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		tty_stop();
		*errp = xasprintf("terminal type '%s' cannot place the cursor: "
		    "the kiosk needs a full-screen terminal (for example "
		    "TERM=linux or xterm-256color)", term != NULL ? term : "");
		return -1;
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
	mouseinterval(0);
	tty_colours(high_contrast);
	return 0;
}

/* The terminal's size. */
void
tty_size(int *rows, int *cols)
{
	*rows = LINES;
	*cols = COLS;
}

/* Ring the bell (the idle warning). */
void
tty_bell(void)
{
	beep();
}

/* Whether the screen shows Unicode. */
bool
tty_utf8(void)
{
	return tty_unicode;
}

/*
 * Write columns [x0, x1) of row y of g, one curses call per run of
 * cells that look alike.  A wide character's right half adds nothing on
 * a Unicode terminal (its left half took two columns) and a space
 * elsewhere (where the left half was drawn as one '?').
 */
static void
tty_row(const struct grid *g, int y, int x0, int x1)
{
	const struct grid_cell	*c;
	char			 buf[1024];
	size_t			 n, len;
	int			 x = x0, start;
	unsigned char		 attr;

	if (x > 0 && grid_cell(g, y, x)->s[0] == '\0')
		x--;			/* redraw the wide character whole */
	while (x < x1) {
		attr = grid_cell(g, y, x)->attr;
		start = x;
		len = 0;
		for (; x < x1 && len + 8 < sizeof(buf); x++) {
			c = grid_cell(g, y, x);
			if (c->attr != attr)
				break;
			if (c->s[0] == '\0' && !tty_unicode)
				buf[len++] = ' ';
			else if (!tty_unicode && (unsigned char)c->s[0] >= 0x80)
				buf[len++] = '?';
			else {
				n = strlen(c->s);
				memcpy(buf + len, c->s, n);
				len += n;
			}
		}
		attrset((int)tty_look[attr]);
		mvaddnstr(y, start, buf, (int)len);
	}
}

/* The first and last (exclusive) columns where row y of a and b differ. */
static void
tty_span(const struct grid *a, const struct grid *b, int y, int *x0,
    int *x1)
{
	*x0 = 0;
	while (*x0 < a->cols && grid_cell_same(grid_cell(a, y, *x0),
	    grid_cell(b, y, *x0)))
		(*x0)++;
	*x1 = a->cols;
	while (*x1 > *x0 && grid_cell_same(grid_cell(a, y, *x1 - 1),
	    grid_cell(b, y, *x1 - 1)))
		(*x1)--;
}

/*
 * Draw g: every row after a resize (or the first time), else only the
 * part of each row that differs from what is on screen; then the cursor.
 */
void
tty_draw(const struct grid *g)
{
	bool	all = tty_shown == NULL || tty_shown->rows != g->rows ||
		    tty_shown->cols != g->cols;
	int	y, x0, x1;

	if (all) {
		grid_free(tty_shown);
		tty_shown = grid_new(g->rows, g->cols);
		erase();
	}
	for (y = 0; y < g->rows; y++) {
		if (all) {
			x0 = 0;
			x1 = g->cols;
		} else if (grid_row_same(g, tty_shown, y))
			continue;
		else
			tty_span(g, tty_shown, y, &x0, &x1);
		tty_row(g, y, x0, x1);
		memcpy(grid_cell(tty_shown, y, 0), grid_cell(g, y, 0),
		    (size_t)g->cols * sizeof(*g->cells));
	}
	attrset((int)tty_look[GA_BODY]);
	/* Never hidden: the cursor is where a screen reader reads. */
	move(g->cury >= 0 ? g->cury : 0, g->curx < 0 ? 0 :
	    g->curx < g->cols ? g->curx : g->cols - 1);
	if (!tty_cursor_on) {
		curs_set(1);
		tty_cursor_on = true;
	}
	refresh();
}

int
tty_ncolours(void)
{
	return has_colors() ? COLORS : 0;
}

void
tty_repaint(void)
{
	clearok(curscr, TRUE);
	refresh();
}
