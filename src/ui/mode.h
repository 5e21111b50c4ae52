/*
 * mode.h: the kiosk's modes, one table of operations each (the way tmux
 * gives each mode a struct window_mode and tig each view its view_ops).
 *
 * The kiosk (kiosk.c) calls the current mode's operations:
 *
 *	open	the mode becomes current (kiosk_enter): load its state
 *	page	fill the page to show (called for every draw; it must not
 *		change what the mode does next, only what it shows)
 *	request	act on a key or tap; may enter another mode
 *	tick	time passed (k->loop.now): timers; NULL if none
 *	close	the mode stops being current (kiosk_enter): wipe its state;
 *		NULL if nothing to do
 *
 * An overlay (the idle prompt, the staff side) is pushed over the mode
 * on screen without closing it (kiosk_push / kiosk_pop).  Modes include
 * no curses: they see requests (req.h) and fill pages (page.h).
 */
#ifndef SMP_MODE_H
#define SMP_MODE_H

#include <stdbool.h>

#include "page.h"
#include "req.h"

struct kiosk;

#define MODE_STAFF	0x1	/* staff side: idle time closes it, F10
				   does nothing */
#define MODE_IDLE	0x2	/* idle time asks "are you still there?" */
#define MODE_LANG	0x4	/* an intake's page: F5 chooses the
				   language again */

struct ui_mode {
	const char	*name;		/* for tests and traces */
	unsigned	 flags;		/* MODE_* */
	void		(*open)(struct kiosk *k);
	void		(*page)(struct kiosk *k, struct ui_page *p);
	void		(*request)(struct kiosk *k, const struct req *r);
	void		(*tick)(struct kiosk *k);
	void		(*close)(struct kiosk *k);
};

/* The client's modes. */
extern const struct ui_mode mode_welcome;	/* mode_welcome.c */
extern const struct ui_mode mode_lang;		/* mode_lang.c */
extern const struct ui_mode mode_info;		/* mode_info.c */
extern const struct ui_mode mode_question;	/* mode_question.c */
extern const struct ui_mode mode_review;	/* mode_review.c */
extern const struct ui_mode mode_confirm;	/* mode_confirm.c */
extern const struct ui_mode mode_end;		/* mode_end.c */
struct score_result;
/* The end screen's words when a stop applies (mode_end.c); caller
   frees. */
char	*mode_end_stop_text(const struct kiosk *k,
	    const struct score_result *r);
extern const struct ui_mode mode_idle;		/* mode_idle.c */
/* The staff side. */
extern const struct ui_mode mode_pin;		/* mode_pin.c */
extern const struct ui_mode mode_menu;		/* mode_menu.c */
extern const struct ui_mode mode_list;		/* mode_list.c */
extern const struct ui_mode mode_show;		/* mode_show.c */
extern const struct ui_mode mode_export;	/* mode_export.c */
/* A store failure: the client's "ask staff" screen (an overlay over
   theirs) and the staff side behind the PIN (mode_fault.c). */
extern const struct ui_mode mode_fault;
extern const struct ui_mode mode_fault_staff;
/* The store failed (err: the message for staff): keep it, show the
   client mode_fault over their screen; the answers stay in memory. */
void	mode_fault_raise(struct kiosk *k, const char *err);

struct form_question;
/* Whether answer v to q is a chosen picture to confirm (mode_confirm). */
bool	mode_confirm_wanted(const struct form_question *q, const char *v);
/* Whether q is a scale of stage pictures (one has a second view). */
bool	mode_confirm_scale(const struct form_question *q);

#endif
