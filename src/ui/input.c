/*
 * input.c: keys, taps and resizes from the terminal as requests (see
 * input.h).  The one place that knows curses key codes.
 *
 * An Esc that curses hands over as a character starts a sequence this
 * terminal's terminfo does not describe (a colour code in a paste,
 * ESC [ 1 ~ for Home, Alt+key), or one that does but came in two reads
 * further apart than curses waits (ESCDELAY, tty.c: F2 on a loaded
 * machine or a slow line), or is a lone Esc (Back).  Everything already
 * waiting behind it is read into a queue; a key the terminfo entry names
 * (input_esc_key) is that key, else input_esc_len says how much of it
 * is the sequence, that much is dropped and the rest is handed out key
 * by key: only the sequence is lost, never the text that came in the
 * same burst, and F2 is never Back followed by "OQ".
 */
#include <curses.h>
#include <stdbool.h>
#include <string.h>

#include "input.h"

#define INPUT_QMAX	4096	/* keys read ahead after an Esc */
#define INPUT_ESC	0x1b
#define INPUT_ESC_WAIT_MS 30	/* for the rest of a sequence cut short */
#define INPUT_KEY_MAX	16	/* longest key sequence looked up */

/* A key read ahead: a character, or a curses key code. */
struct input_key {
	wint_t	wc;
	bool	code;		/* a KEY_* code (KEY_CODE_YES) */
};

/* Keys read ahead after an Esc, handed out before curses is asked. */
static struct input_key	input_q[INPUT_QMAX];
static size_t		input_qhead, input_qlen;

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
		if (k == (wint_t)KEY_F(4))
			return REQ_HEAR;
		if (k == (wint_t)KEY_F(5))
			return REQ_LANG;
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
	case INPUT_ESC:
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

/* Is c in [lo, hi]? */
static bool
input_in(uint32_t c, uint32_t lo, uint32_t hi)
{
	return c >= lo && c <= hi;
}

/* A control string (OSC ESC ] ... BEL or ST): its length with the
   terminator, or 0 if the burst holds no terminator. */
static size_t
input_esc_string(const uint32_t *s, size_t n)
{
	size_t	i;

	for (i = 2; i < n; i++) {
		if (s[i] == 0x07)
			return i + 1;
		if (s[i] == INPUT_ESC)
			return i + 1 < n && s[i + 1] == '\\' ? i + 2 : 0;
	}
	return 0;
}

/* The length of the CSI sequence at s (ESC [ params inter final). */
static size_t
input_esc_csi(const uint32_t *s, size_t n)
{
	size_t	i = 2;

	while (i < n && input_in(s[i], 0x30, 0x3f))	/* parameters */
		i++;
	while (i < n && input_in(s[i], 0x20, 0x2f))	/* intermediates */
		i++;
	if (i < n && input_in(s[i], 0x40, 0x7e))	/* final byte */
		return i + 1;
	/* Cut short by the end of the burst, or broken by a byte that
	   cannot be in it: the sequence is what came so far. */
	return i;
}

/* How much of the burst s[0..n) (s[0] is Esc) is the sequence it starts. */
size_t
input_esc_len(const uint32_t *s, size_t n)
{
	size_t	len;

	if (n < 2)
		return n;			/* a lone Esc */
	switch (s[1]) {
	case '[':
		return input_esc_csi(s, n);
	case 'O':				/* SS3: ESC O P is F1 */
		return n > 2 && input_in(s[2], 0x40, 0x7e) ? 3 : 2;
	case ']':
	case 'P':
	case '_':
	case '^':
	case 'X':
		/* A control string if it is terminated in this burst;
		   else Alt with that key. */
		return (len = input_esc_string(s, n)) != 0 ? len : 2;
	case INPUT_ESC:				/* Alt with a sequence */
		return 1 + input_esc_len(s + 1, n - 1);
	default:
		/* Alt with a printable ASCII key; Esc before anything
		   else (a control character, a letter beyond ASCII) is
		   dropped alone and what follows is kept. */
		return input_in(s[1], 0x20, 0x7e) ? 2 : 1;
	}
}

/*
 * The key this terminal's terminfo names by a start of the burst
 * s[0..n) (s[0] is Esc), with *lenp its length; 0 if none.  Shortest
 * first: ncurses' key_defined also names a key for its sequence with
 * anything after it.  Never the start of a longer sequence (ESC [ < of
 * a mouse report: a mouse key without its report is of no use, and the
 * report would be typed).
 */
int
input_esc_key(const uint32_t *s, size_t n, size_t *lenp)
{
	char	buf[INPUT_KEY_MAX + 1];
	size_t	i, len;
	int	code;

	for (len = 2; len <= n && len <= INPUT_KEY_MAX; len++) {
		i = len - 1;
		if (s[i] == 0 || s[i] >= 0x7f)
			return 0;	/* key sequences are ASCII */
		for (i = 0; i < len; i++)
			buf[i] = (char)s[i];
		buf[len] = '\0';
		if ((code = key_defined(buf)) > 0) {
			if (code == KEY_MOUSE || len < input_esc_len(s, n))
				return 0;
			*lenp = len;
			return code;
		}
	}
	return 0;
}

/*
 * Move the keys still queued to its front, then read what is waiting
 * behind them: the first key waiting up to wait_ms, the rest only if
 * already there.
 */
static void
input_fill(int ms, int wait_ms)
{
	struct input_key	*q;
	int			 rc;

	memmove(input_q, input_q + input_qhead,
	    (input_qlen - input_qhead) * sizeof(*input_q));
	input_qlen -= input_qhead;
	input_qhead = 0;
	timeout(wait_ms);
	while (input_qlen < INPUT_QMAX) {
		q = &input_q[input_qlen];
		if ((rc = get_wch(&q->wc)) == ERR)
			break;
		q->code = rc == KEY_CODE_YES;
		input_qlen++;
		timeout(0);
	}
	timeout(ms);
}

/* The characters from the queue's head up to its first key code into s;
   how many. */
static size_t
input_burst(uint32_t *s)
{
	size_t	n = 0;

	while (input_qhead + n < input_qlen &&
	    !input_q[input_qhead + n].code) {
		s[n] = (uint32_t)input_q[input_qhead + n].wc;
		n++;
	}
	return n;
}

/*
 * The queue starts with an Esc: take the key it starts (*code, a curses
 * key code, when terminfo names the sequence), else drop the sequence
 * (the characters up to the first key code count; *code 0); true if the
 * Esc was alone (Back), which is then dropped too.  A sequence that runs
 * to the end of what came may still be arriving (a loaded machine, a
 * slow line): wait a moment for the rest first, so it is neither cut in
 * two nor taken for a lone Esc.
 */
static bool
input_drop_esc(int ms, int *code)
{
	static uint32_t	s[INPUT_QMAX];
	size_t		n, len;

	*code = 0;
	input_fill(ms, 0);
	n = input_burst(s);
	if (input_qlen < INPUT_QMAX && input_esc_len(s, n) == n) {
		input_fill(ms, INPUT_ESC_WAIT_MS);
		n = input_burst(s);
	}
	if (n == 1) {
		input_qhead++;
		return true;
	}
	if ((*code = input_esc_key(s, n, &len)) > 0) {
		input_qhead += len;
		return false;
	}
	input_qhead += input_esc_len(s, n);
	return false;
}

/*
 * The next key: read ahead, else from curses (waiting up to ms).  An Esc
 * takes what is waiting behind it into the queue; ERR if it started a
 * sequence (dropped: the keys after it come next).
 */
static int
input_next(wint_t *wc, int ms)
{
	struct input_key	*q;
	int			 rc, code;

	if (input_qhead == input_qlen) {
		input_qhead = input_qlen = 0;
		timeout(ms);
		if ((rc = get_wch(wc)) != OK || *wc != INPUT_ESC)
			return rc;
		input_q[0].wc = *wc;
		input_q[0].code = false;
		input_qlen = 1;
	}
	q = &input_q[input_qhead];
	if (!q->code && q->wc == INPUT_ESC) {
		if (input_drop_esc(ms, &code)) {
			*wc = INPUT_ESC;
			return OK;
		}
		if (code == 0)
			return ERR;
		*wc = (wint_t)code;
		return KEY_CODE_YES;
	}
	input_qhead++;
	*wc = q->wc;
	return q->code ? KEY_CODE_YES : OK;
}

/* One key or tap as a request. */
bool
input_read(struct req *r, int ms)
{
	wint_t	wc;
	int	rc;

	memset(r, 0, sizeof(*r));
	if ((rc = input_next(&wc, ms)) == ERR)
		return false;
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_MOUSE)
			return input_mouse(r);
		r->kind = input_fkey(wc);
		return true;
	}
	input_char(wc, r);
	return true;
}
