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
#include "tty.h"

static bool	 tty_on;		/* between newterm and endwin */
static bool	 tty_unicode;		/* the locale shows UTF-8 */
static chtype	 tty_look[GA__COUNT];	/* enum grid_attr -> curses */
static struct grid *tty_shown;		/* what the screen shows */

/* Restore the terminal (also the die() hook). */
void
tty_stop(void)
{
	if (tty_on) {
		endwin();
		tty_on = false;
	}
	grid_free(tty_shown);
	tty_shown = NULL;
}

/* Colours for contrast; attributes alone on a colourless terminal. */
static void
tty_colours(void)
{
	static const chtype mono[GA__COUNT] = {
		[GA_TITLE] = A_REVERSE, [GA_HEADING] = A_BOLD,
		[GA_SELECTED] = A_REVERSE, [GA_ERROR] = A_BOLD | A_REVERSE,
		[GA_BUTTON] = A_BOLD, [GA_KEYS] = A_REVERSE,
		[GA_FIELD] = A_UNDERLINE,
	};
	int	i;

	memcpy(tty_look, mono, sizeof(tty_look));
	if (!has_colors() || start_color() == ERR || COLORS < 8)
		return;
	init_pair(1, COLOR_BLACK, COLOR_WHITE);		/* body */
	init_pair(2, COLOR_WHITE, COLOR_BLUE);		/* bars, selection */
	init_pair(3, COLOR_BLUE, COLOR_WHITE);		/* hints */
	init_pair(4, COLOR_BLACK, COLOR_CYAN);		/* buttons, fields */
	for (i = 0; i < GA__COUNT; i++)
		tty_look[i] = COLOR_PAIR(1);
	tty_look[GA_TITLE] = COLOR_PAIR(2) | A_BOLD;
	tty_look[GA_HEADING] = COLOR_PAIR(1) | A_BOLD;
	tty_look[GA_DIM] = COLOR_PAIR(3);
	tty_look[GA_SELECTED] = COLOR_PAIR(2) | A_BOLD;
	tty_look[GA_ERROR] = COLOR_PAIR(1) | A_BOLD | A_REVERSE;
	tty_look[GA_BUTTON] = COLOR_PAIR(4) | A_BOLD;
	tty_look[GA_KEYS] = COLOR_PAIR(2);
	tty_look[GA_FIELD] = COLOR_PAIR(4) | A_UNDERLINE;
	bkgd(COLOR_PAIR(1) | ' ');
}

/*
 * Start curses; -1 with *errp if $TERM is unknown (newterm would print
 * its own message and exit) or cannot place the cursor (TERM=dumb: the
 * screens would run together on one line).
 */
int
tty_start(char **errp)
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
	tty_colours();
	return 0;
}

/* The terminal's size. */
void
tty_size(int *rows, int *cols)
{
	*rows = LINES;
	*cols = COLS;
}

/* Whether the screen shows Unicode. */
bool
tty_utf8(void)
{
	return tty_unicode;
}

/* Write cell y, x of g. */
static void
tty_cell(const struct grid *g, int y, int x)
{
	const struct grid_cell	*c = grid_cell(g, y, x);

	if (c->s[0] == '\0')
		return;		/* right half of a wide character */
	attrset((int)tty_look[c->attr]);
	if (!tty_unicode && (unsigned char)c->s[0] >= 0x80)
		mvaddch(y, x, '?');
	else
		mvaddstr(y, x, c->s);
}

/*
 * Draw g: every cell after a resize (or the first time), else only the
 * cells that differ from what is on screen; then the cursor.  A wide
 * character's right half is redrawn with its left, so a change of either
 * rewrites both.
 */
void
tty_draw(const struct grid *g)
{
	bool	all = tty_shown == NULL || tty_shown->rows != g->rows ||
		    tty_shown->cols != g->cols;
	int	y, x;

	if (all) {
		grid_free(tty_shown);
		tty_shown = grid_new(g->rows, g->cols);
		erase();
	}
	for (y = 0; y < g->rows; y++)
		for (x = 0; x < g->cols; x++) {
			if (!all && grid_cell_same(grid_cell(g, y, x),
			    grid_cell(tty_shown, y, x)))
				continue;
			if (grid_cell(g, y, x)->s[0] == '\0' && x > 0)
				tty_cell(g, y, x - 1);
			else
				tty_cell(g, y, x);
			*grid_cell(tty_shown, y, x) = *grid_cell(g, y, x);
		}
	attrset((int)tty_look[GA_BODY]);
	if (g->cury >= 0) {
		move(g->cury, g->curx < g->cols ? g->curx : g->cols - 1);
		curs_set(1);
	} else
		curs_set(0);
	refresh();
}
