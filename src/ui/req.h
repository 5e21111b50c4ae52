/*
 * req.h: requests: what a key, a tap or a signal means to the kiosk.
 *
 * The terminal side (input.c) turns curses keys and mouse reports into
 * requests; modes (mode.h) act on requests only, never on raw keys, so a
 * test can drive the whole client flow by feeding requests.  The helpers
 * here are the list and text-field behaviour every mode shares.
 */
#ifndef SMP_REQ_H
#define SMP_REQ_H

#include <stdbool.h>
#include <stdint.h>

#include "edit.h"
#include "grid.h"

enum req_kind {
	REQ_NONE,	/* any other key (the welcome screen begins) */
	REQ_UP,
	REQ_DOWN,
	REQ_LEFT,
	REQ_RIGHT,
	REQ_PGUP,
	REQ_PGDN,
	REQ_HOME,
	REQ_END,
	REQ_ENTER,	/* Enter, Return, keypad Enter */
	REQ_NEXT,	/* Tab: go on, also from a text field */
	REQ_BACK,	/* Esc or Shift-Tab */
	REQ_HELP,	/* F1 */
	REQ_STAFF,	/* F10: the staff side */
	REQ_CHAR,	/* a printable character, in ch */
	REQ_ERASE,	/* Backspace */
	REQ_DELETE,	/* Delete */
	REQ_TAP,	/* a tap or click at y, x */
	REQ_RESIZE,	/* the terminal changed size */
	REQ_SAY,	/* F2: say the page again (speech) */
	REQ_HUSH,	/* F3: stop speaking */
	REQ_HEAR,	/* F4: say the answer typed or highlighted (an
			   identifier only on this request) */
	REQ_LANG	/* F5: choose the language again */
};

struct req {
	enum req_kind	 kind;
	uint32_t	 ch;		/* REQ_CHAR: the character */
	int		 y, x;		/* REQ_TAP: where (0-based) */
	const struct grid_hot *hot;	/* REQ_TAP: the zone hit, or NULL;
					   set by the kiosk from the grid
					   on screen */
};

/* A request of kind k (no character, no tap). */
struct req	 req_make(enum req_kind k);
/* A typed character. */
struct req	 req_char(uint32_t ch);
/* Was this a tap on a zone of kind k? */
bool		 req_tapped(const struct req *r, enum grid_hot_kind k);
/* Go on: Enter, Tab or a tap on the Next button. */
bool		 req_is_next(const struct req *r);
/* Go back: Esc, Shift-Tab or a tap on the Back button. */
bool		 req_is_back(const struct req *r);
/* Choose the language again: F5 or a tap on its key. */
bool		 req_is_lang(const struct req *r);
/* Move a list cursor over n entries for Up/Down/PgUp/PgDn/Home/End;
   true if r was one of them. */
bool		 req_list_move(const struct req *r, int *cur, int n);
/* The same with PgUp/PgDn moving by page entries (the entries on
   screen); a cursor of -1 (on no entry yet) goes to the first entry on
   Up or Down. */
bool		 req_list_page(const struct req *r, int *cur, int n,
		     int page);
/* Apply an editing request (characters, Backspace, Delete, Left, Right,
   Home, End) to e; true if r was one of them. */
bool		 req_edit(struct edit *e, const struct req *r);

#endif
