/*
 * input.c: keys, taps and resizes from the terminal as requests (see
 * input.h).  The one place that knows curses key codes.
 */
#include <curses.h>
#include <string.h>

#include "input.h"

/* The request for a curses function key. */
static enum req_kind
input_fkey(wint_t k)
{
	switch (k) {
	case KEY_UP:		return REQ_UP;
	case KEY_DOWN:		return REQ_DOWN;
	case KEY_LEFT:		return REQ_LEFT;
	case KEY_RIGHT:		return REQ_RIGHT;
	case KEY_PPAGE:		return REQ_PGUP;
	case KEY_NPAGE:		return REQ_PGDN;
	case KEY_HOME:		return REQ_HOME;
	case KEY_END:		return REQ_END;
	case KEY_ENTER:		return REQ_ENTER;
	case KEY_BTAB:		return REQ_BACK;
	case KEY_BACKSPACE:	return REQ_ERASE;
	case KEY_DC:		return REQ_DELETE;
	case KEY_RESIZE:	return REQ_RESIZE;
	default:
		if (k == (wint_t)KEY_F(1))
			return REQ_HELP;
		if (k == (wint_t)KEY_F(10))
			return REQ_STAFF;
		if (k == (wint_t)KEY_F(2))
			return REQ_SAY;
		if (k == (wint_t)KEY_F(3))
			return REQ_HUSH;
		return REQ_NONE;
	}
}

/* The request for a character. */
static void
input_char(wint_t c, struct req *r)
{
	switch (c) {
	case '\r':
	case '\n':
		r->kind = REQ_ENTER;
		break;
	case '\t':
		r->kind = REQ_NEXT;
		break;
	case 27:
		r->kind = REQ_BACK;
		break;
	case 127:
	case 8:
		r->kind = REQ_ERASE;
		break;
	default:
		if (c >= 0x20) {
			r->kind = REQ_CHAR;
			r->ch = (uint32_t)c;
		}
		break;
	}
}

/* A left click or tap; false for any other mouse event. */
static bool
input_mouse(struct req *r)
{
	MEVENT	ev;

	if (getmouse(&ev) != OK ||
	    !(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return false;
	r->kind = REQ_TAP;
	r->y = ev.y;
	r->x = ev.x;
	return true;
}

/*
 * Esc alone is Back.  Esc with more bytes already waiting is Alt+key or
 * a sequence this terminal's terminfo does not describe (Home as
 * ESC [ 1 ~): drop it whole, rather than go Back and then type the rest
 * into the previous question.  True if the Esc stands alone.
 */
static bool
input_lone_esc(int ms)
{
	wint_t	more;
	bool	alone = true;

	timeout(0);
	if (get_wch(&more) != ERR) {
		while (get_wch(&more) != ERR)
			;
		alone = false;
	}
	timeout(ms);
	return alone;
}

/* One key or tap as a request. */
bool
input_read(struct req *r, int ms)
{
	wint_t	wc;
	int	rc;

	memset(r, 0, sizeof(*r));
	timeout(ms);
	if ((rc = get_wch(&wc)) == ERR)
		return false;
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_MOUSE)
			return input_mouse(r);
		r->kind = input_fkey(wc);
		return true;
	}
	if (wc == 27 && !input_lone_esc(ms))
		return false;
	input_char(wc, r);
	return true;
}
