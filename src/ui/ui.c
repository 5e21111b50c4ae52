/*
 * ui.c: the kiosk's terminal side: curses set-up and teardown, colours,
 * copying a laid-out page to the screen, the key loop with its timers
 * (idle prompt, end screen), signals, resizing and the "please enlarge"
 * screen.  What each mode shows and does is in ui_flow.c and ui_staff.c.
 */
#include <curses.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "ui_kiosk.h"
#include "base/die.h"
#include "base/utf8.h"
#include "base/xmalloc.h"

static volatile sig_atomic_t ui_signalled;	/* SIGTERM or SIGHUP seen */
static bool	ui_curses_on;			/* between initscr and endwin */
static chtype	ui_attrs[UA__COUNT];		/* enum ui_attr -> curses */

/* SIGTERM/SIGHUP: the loop sees the flag within a quarter second. */
static void
ui_on_signal(int sig)
{
	(void)sig;
	ui_signalled = 1;
}

const volatile sig_atomic_t *
ui_signal_flag(void)
{
	return &ui_signalled;
}

/* Restore the terminal (also the die() hook). */
static void
ui_restore(void)
{
	if (ui_curses_on) {
		endwin();
		ui_curses_on = false;
	}
}

/* Ignore the keyboard signals; catch the polite ones. */
static void
ui_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGTSTP, &sa, NULL);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Colours for contrast; attributes alone on a colourless terminal. */
static void
ui_colours(void)
{
	static const chtype mono[UA__COUNT] = {
		[UA_TITLE] = A_REVERSE, [UA_HEADING] = A_BOLD,
		[UA_SELECTED] = A_REVERSE, [UA_ERROR] = A_BOLD | A_REVERSE,
		[UA_BUTTON] = A_BOLD, [UA_KEYS] = A_REVERSE,
		[UA_FIELD] = A_UNDERLINE,
	};
	int	i;

	memcpy(ui_attrs, mono, sizeof(ui_attrs));
	if (!has_colors() || start_color() == ERR || COLORS < 8)
		return;
	init_pair(1, COLOR_BLACK, COLOR_WHITE);		/* body */
	init_pair(2, COLOR_WHITE, COLOR_BLUE);		/* bars, selection */
	init_pair(3, COLOR_BLUE, COLOR_WHITE);		/* hints */
	init_pair(4, COLOR_BLACK, COLOR_CYAN);		/* buttons, fields */
	for (i = 0; i < UA__COUNT; i++)
		ui_attrs[i] = COLOR_PAIR(1);
	ui_attrs[UA_TITLE] = COLOR_PAIR(2) | A_BOLD;
	ui_attrs[UA_HEADING] = COLOR_PAIR(1) | A_BOLD;
	ui_attrs[UA_DIM] = COLOR_PAIR(3);
	ui_attrs[UA_SELECTED] = COLOR_PAIR(2) | A_BOLD;
	ui_attrs[UA_ERROR] = COLOR_PAIR(1) | A_BOLD | A_REVERSE;
	ui_attrs[UA_BUTTON] = COLOR_PAIR(4) | A_BOLD;
	ui_attrs[UA_KEYS] = COLOR_PAIR(2);
	ui_attrs[UA_FIELD] = COLOR_PAIR(4) | A_UNDERLINE;
	bkgd(COLOR_PAIR(1) | ' ');
}

/*
 * Start curses in kiosk mode; -1 with *errp if $TERM is unknown (initscr
 * would print its own message and exit) or cannot place the cursor
 * (TERM=dumb: the screens would run together on one line).
 */
static int
ui_start(char **errp)
{
	const char	*term = getenv("TERM");
	char		*cup;

	die_set_hook(ui_restore);
	/*
	 * Terminals send UTF-8 whatever LANG says; in a non-UTF-8 locale
	 * get_wch stalled on the first accented byte and everything typed
	 * after it was lost.  Decode input as UTF-8 (the screen still shows
	 * '?' for what an ASCII terminal cannot draw, u->utf8).
	 */
	if (!utf8_locale())
		(void)setlocale(LC_CTYPE, "C.UTF-8");
	if (newterm(NULL, stdout, stdin) == NULL) {
		*errp = xasprintf("terminal type '%s' is unknown here (check "
		    "TERM)", term != NULL ? term : "");
		return -1;
	}
	ui_curses_on = true;
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		ui_restore();
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
	timeout(250);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
	mouseinterval(0);
	ui_colours();
	ui_signals();
	return 0;
}

/* Copy the grid to the screen. */
static void
ui_blit(const struct uib *b, bool utf8)
{
	const struct ui_cell	*c;
	int			 y, x;

	erase();
	for (y = 0; y < b->rows; y++)
		for (x = 0; x < b->cols; x++) {
			c = &b->cells[y * b->cols + x];
			if (c->s[0] == '\0')
				continue;	/* right half of a wide char */
			attrset((int)ui_attrs[c->attr]);
			if (!utf8 && (unsigned char)c->s[0] >= 0x80)
				mvaddch(y, x, '?');
			else
				mvaddstr(y, x, c->s);
		}
	attrset((int)ui_attrs[UA_BODY]);
	if (b->cury >= 0) {
		move(b->cury, b->curx < b->cols ? b->curx : b->cols - 1);
		curs_set(1);
	} else
		curs_set(0);
	refresh();
}

/* The "please enlarge" page. */
static void
ui_enlarge_page(struct ui *u, struct ui_page *p)
{
	char	cols[16], rows[16];

	snprintf(cols, sizeof(cols), "%d", UI_MIN_COLS);
	snprintf(rows, sizeof(rows), "%d", UI_MIN_ROWS);
	memset(p, 0, sizeof(*p));
	p->center = true;
	p->body = ui_keep(u, i18n_format(ui_ph(u, PH_ENLARGE), "cols", cols,
	    "rows", rows, NULL));
}

static void	ui_idle_page(struct ui *u, struct ui_page *p);

/* Build the page of the current mode. */
static void
ui_mode_page(struct ui *u, struct ui_page *p)
{
	memset(p, 0, sizeof(*p));
	p->utf8 = u->utf8;
	if (u->mode >= UM_PIN)
		staff_page(u, p);
	else if (u->mode == UM_IDLE)
		ui_idle_page(u, p);
	else
		flow_page(u, p);
	p->utf8 = u->utf8;
}

/* Lay out and draw the current page at the terminal's size. */
static void
ui_draw(struct ui *u, struct uib **bp)
{
	struct ui_page	p;

	if (*bp == NULL || (*bp)->rows != LINES || (*bp)->cols != COLS) {
		uib_free(*bp);
		*bp = uib_new(LINES, COLS);
	}
	ui_page_reset(u);
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS)
		ui_enlarge_page(u, &p);
	else
		ui_mode_page(u, &p);
	ui_layout(&p, *bp);
	ui_blit(*bp, u->utf8);
}

/* Read one key or tap; false on timeout. */
static bool
ui_read(const struct uib *b, struct ui_key *k)
{
	MEVENT	ev;
	wint_t	wc, more;
	int	rc;

	memset(k, 0, sizeof(*k));
	rc = get_wch(&wc);
	if (rc == ERR)
		return false;
	/*
	 * Esc alone is Back.  Esc with more bytes already waiting is Alt+key
	 * or a sequence this terminal's terminfo does not describe (Home as
	 * ESC [ 1 ~): drop it whole, rather than go Back and then type the
	 * rest into the previous question.
	 */
	if (rc == OK && wc == 27) {
		timeout(0);
		if (get_wch(&more) != ERR) {
			while (get_wch(&more) != ERR)
				;
			rc = ERR;
		}
		timeout(250);
		if (rc == ERR)
			return false;
	}
	k->fkey = rc == KEY_CODE_YES;
	k->ch = (uint32_t)wc;
	if (k->fkey && wc == KEY_MOUSE) {
		if (getmouse(&ev) != OK ||
		    !(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
			return false;
		k->tap = true;
		k->hot = b != NULL ? uib_hit(b, ev.y, ev.x) : NULL;
	}
	return true;
}

/* Monotonic seconds. */
double
ui_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Keep an allocated string until the next page is built. */
const char *
ui_keep(struct ui *u, char *s)
{
	u->strs = xreallocarray(u->strs, u->nstrs + 1, sizeof(*u->strs));
	u->strs[u->nstrs++] = s;
	return s;
}

/* n zeroed items for the current page. */
struct ui_item *
ui_items(struct ui *u, size_t n)
{
	if (n > u->icap) {
		u->items = xreallocarray(u->items, n, sizeof(*u->items));
		u->icap = n;
	}
	memset(u->items, 0, n * sizeof(*u->items));
	return u->items;
}

/* Free the strings of the last page (they may hold answers: wipe). */
void
ui_page_reset(struct ui *u)
{
	size_t	i;

	for (i = 0; i < u->nstrs; i++)
		xfree_secret(u->strs[i]);
	u->nstrs = 0;
}

/* Replace the message on screen. */
void
ui_set_error(struct ui *u, const char *s)
{
	free(u->error);
	u->error = s != NULL ? xstrdup(s) : NULL;
}

/* A phrase in the client's language. */
const char *
ui_ph(const struct ui *u, enum phrase p)
{
	return form_phrase(u->f, p, u->lang);
}

/* End the intake as abandoned and leave nothing of it anywhere. */
void
ui_abandon(struct ui *u)
{
	char	*err = NULL;

	if (u->in != NULL) {
		if (intake_abandon(u->in, &err) < 0)
			free(err);	/* the store logs nothing personal */
		intake_free(u->in);
		u->in = NULL;
	}
	flow_unload(u);
	ui_set_error(u, NULL);
	ui_page_reset(u);
	u->help = false;
	u->lang = u->o->lang;
	u->mode = UM_WELCOME;
	if (ui_curses_on) {
		clear();
		refresh();
	}
}

/* Enter (or Return, or the keypad's Enter). */
bool
ui_key_enter(const struct ui_key *k)
{
	if (k->fkey)
		return k->ch == KEY_ENTER;
	return k->ch == '\r' || k->ch == '\n';
}

/* Esc or Shift-Tab. */
bool
ui_key_back(const struct ui_key *k)
{
	if (k->fkey)
		return k->ch == KEY_BTAB;
	return k->ch == 27;
}

/* Up/Down/PgUp/PgDn/Home/End over n items. */
bool
ui_list_move(const struct ui_key *k, int *cur, int n)
{
	int	c = *cur;

	if (!k->fkey || n <= 0)
		return false;
	switch (k->ch) {
	case KEY_UP:	c--; break;
	case KEY_DOWN:	c++; break;
	case KEY_PPAGE:	c -= 5; break;
	case KEY_NPAGE:	c += 5; break;
	case KEY_HOME:	c = 0; break;
	case KEY_END:	c = n - 1; break;
	default:	return false;
	}
	*cur = c < 0 ? 0 : c >= n ? n - 1 : c;
	return true;
}

/* Editing keys for a text field. */
bool
ui_edit_key(struct edit *e, const struct ui_key *k)
{
	if (k->fkey) {
		switch (k->ch) {
		case KEY_BACKSPACE:	return edit_backspace(e), true;
		case KEY_DC:		return edit_delete(e), true;
		case KEY_LEFT:		return edit_left(e), true;
		case KEY_RIGHT:		return edit_right(e), true;
		case KEY_HOME:		return edit_home(e), true;
		case KEY_END:		return edit_end(e), true;
		default:		return false;
		}
	}
	if (k->ch == 127 || k->ch == 8)
		return edit_backspace(e), true;
	if (k->ch >= 0x20)
		return edit_insert(e, k->ch), true;
	return false;
}

/* The idle prompt with its countdown. */
static void
ui_idle_page(struct ui *u, struct ui_page *p)
{
	char	secs[16];
	int	left = (int)(u->deadline - ui_now() + 0.999);

	snprintf(secs, sizeof(secs), "%d", left < 0 ? 0 : left);
	p->center = true;
	p->title = form_tr(&u->f->title, u->lang);
	p->body = ui_keep(u, i18n_format(ui_ph(u, PH_STILL_THERE),
	    "seconds", secs, NULL));
}

/* Timers: idle prompt, its countdown, the end screen. */
static void
ui_tick(struct ui *u)
{
	double	now = ui_now();
	int	idle = u->o->cfg->idle_timeout;

	if (u->mode == UM_IDLE) {
		if (now >= u->deadline)
			ui_abandon(u);
	} else if (u->mode == UM_END)
		flow_tick(u);
	else if (u->mode != UM_WELCOME && idle > 0 &&
	    now - u->last_input >= idle) {
		if (u->mode >= UM_PIN) {
			staff_close(u);	/* staff screens just close */
			return;
		}
		u->back_mode = u->mode;
		u->mode = UM_IDLE;
		u->deadline = now + u->o->cfg->idle_countdown;
	}
}

/* Hand one key or tap to the current mode. */
static void
ui_dispatch(struct ui *u, const struct ui_key *k)
{
	u->last_input = ui_now();
	if (k->fkey && k->ch == KEY_RESIZE)
		return;
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS)
		return;
	if (u->mode == UM_IDLE) {
		u->mode = u->back_mode;
		return;
	}
	if (k->fkey && k->ch == (uint32_t)KEY_F(10) && u->mode < UM_PIN) {
		u->back_mode = u->mode;
		staff_open(u);
		return;
	}
	if (u->mode >= UM_PIN)
		staff_key(u, k);
	else
		flow_key(u, k);
}

/* Free everything the run allocated (wiping what may be personal). */
static void
ui_cleanup(struct ui *u, struct uib *b)
{
	if (u->in != NULL)
		ui_abandon(u);
	staff_close(u);
	flow_unload(u);
	ui_page_reset(u);
	free(u->strs);
	free(u->items);
	free(u->error);
	xfree_secret(u->end_text);
	uib_free(b);
}

/* Run the kiosk until staff exit it or a signal asks it to stop. */
int
ui_run(const struct ui_opts *o, char **errp)
{
	struct ui	 u;
	struct uib	*b = NULL;
	struct ui_key	 k;
	int		 rc = 0;

	memset(&u, 0, sizeof(u));
	u.o = o;
	u.f = o->form;
	u.lang = o->lang;
	u.loaded = -1;
	u.mode = UM_WELCOME;
	u.utf8 = utf8_locale();
	u.last_input = ui_now();
	pin_guard_init(&u.guard);
	if (ui_start(errp) < 0)
		return -1;
	while (!u.quit && !ui_signalled) {
		if (o->watch != NULL && (rc = o->watch(o->watch_ctx, errp)) !=
		    0)
			break;
		ui_draw(&u, &b);
		if (ui_read(b, &k))
			ui_dispatch(&u, &k);
		else
			ui_tick(&u);
	}
	ui_cleanup(&u, b);
	ui_restore();
	return rc != 0 ? -1 : 0;
}
