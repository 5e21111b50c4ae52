/*
 * kiosk.h: the kiosk as a state machine with no terminal behind it.
 *
 * The kiosk is a table of modes (mode.h) over requests (req.h): the
 * current mode builds the page on screen and acts on each request; time
 * passing is a tick.  ui.c feeds it keys and taps from the terminal and
 * copies its grid to the screen; the unit tests feed it requests and read
 * the grid as text.  Nothing here includes curses.
 *
 * Call order: kiosk_new; then any of kiosk_request, kiosk_tick,
 * kiosk_draw (whenever kiosk_dirty says the screen is out of date) until
 * kiosk_quit; kiosk_free.  Times are monotonic seconds given by the
 * caller, so tests control the clock.
 *
 * The state is split by who owns it: the loop (mode, timers, the page's
 * scratch strings), the client (the intake and the widget of the item on
 * screen) and the staff side (PIN guard, staff screens).  Modes reach
 * each other only through kiosk_enter / kiosk_push / kiosk_pop.
 */
#ifndef SMP_KIOSK_H
#define SMP_KIOSK_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "engine/intake.h"
#include "ui/ui_opts.h"
#include "edit.h"
#include "grid.h"
#include "page.h"
#include "req.h"

struct ui_mode;

/* The loop's state: which mode, timers, the page being built. */
struct kiosk_loop {
	const struct ui_mode *mode;	/* current mode */
	const struct ui_mode *under;	/* mode an overlay (idle prompt,
					   staff side) returns to, or NULL */
	double		 now;		/* time of the last request/tick */
	double		 last_input;	/* time of the last request */
	double		 deadline;	/* end screen, idle countdown */
	int		 shown;		/* idle countdown: seconds shown */
	bool		 quit;		/* staff chose "Exit the kiosk" */
	bool		 dirty;		/* the screen is out of date */
	bool		 bell;		/* ring once (the idle warning) */
	char		*error;		/* message on screen, or NULL */
	char		**strs;		/* strings of the current page */
	size_t		 nstrs, scap;
	struct ui_item	*items;		/* items of the current page */
	size_t		 icap;
	struct grid	*grid;		/* the page as last laid out */
	int		 listpage;	/* list entries on screen (layout
					   sets it): a page for PgUp/PgDn */
};

/* The client's state: the intake and the widget on screen. */
struct kiosk_client {
	struct intake	*in;		/* current intake, or NULL */
	int		 lang;		/* language index */
	struct edit	*edit;		/* text field of the current item */
	int		 cur, top;	/* list cursor (-1: on no entry yet)
					   and scroll */
	int		 back_to;	/* form item + 1 of the review entry
					   being changed, or 0: the review
					   opens on it */
	int		 focus;		/* agree screen: 0 agree, 1 decline */
	struct ui_scroll scroll;	/* information text scroll */
	struct ui_scroll window;	/* texts above the widget, when
					   they scroll (large text) */
	int		 chosen;	/* single choice: option, or -1 */
	bool		*ticks;		/* multi: ticked options */
	size_t		 nticks;
	bool		 help;		/* help shown */
	bool		 unsure;	/* confirm: "not sure" said */
	bool		 compare;	/* stage pictures side by side */
	char		*end_text;	/* end screen body */
};

/* The staff side's state. */
struct kiosk_staff {
	struct edit	*edit;		/* PIN and export path */
	char		*text;		/* list or consultation shown */
	char		**ids;		/* today's list: intake ids */
	size_t		 nids;
	int		 cur, top;	/* list cursor and scroll */
	int		 menu;		/* menu entry highlighted */
};

struct kiosk {
	const struct ui_opts *o;
	const struct form *f;
	bool		 utf8;		/* Unicode art and marks */
	const volatile sig_atomic_t *stop; /* set by SIGTERM: long work
					   (the staff export) checks it */
	struct kiosk_loop loop;
	struct kiosk_client client;
	struct kiosk_staff staff;
	char		*fault;		/* a store failure for staff to act
					   on (mode_fault.c), or NULL */
};

/* A kiosk at the welcome screen; utf8: the terminal shows Unicode. */
struct kiosk	*kiosk_new(const struct ui_opts *o, bool utf8,
		     const volatile sig_atomic_t *stop, double now);
/* Abandon the intake in progress, wipe everything, free. */
void		 kiosk_free(struct kiosk *k);
/* Act on one request at time now.  A tap names its zone by y, x on the
   grid last drawn, or by r->hot when set (plain mode has no grid). */
void		 kiosk_request(struct kiosk *k, const struct req *r,
		     double now);
/* Time passed: timers (idle prompt, end screen). */
void		 kiosk_tick(struct kiosk *k, double now);
/* Whether the bell should ring now (the idle warning came); clears it. */
bool		 kiosk_bell(struct kiosk *k);
/* Whether the screen needs drawing again. */
bool		 kiosk_dirty(const struct kiosk *k);
/* Lay the current page out for a terminal of rows x cols; returns the
   grid (owned by the kiosk, valid until the next draw). */
const struct grid *kiosk_draw(struct kiosk *k, int rows, int cols);
/* Build the current page without laying it out (plain mode reads it
   as text); its strings are the kiosk's until the next page. */
void		 kiosk_page(struct kiosk *k, struct ui_page *p);
/* Whether staff asked the kiosk to exit. */
bool		 kiosk_quit(const struct kiosk *k);
/* Whether a client's answers wait in memory for staff to save them
   after a store failure (mode_fault.c): stopping now loses them. */
bool		 kiosk_unsaved(const struct kiosk *k);
/* The current mode's name ("welcome", "question"...), for tests. */
const char	*kiosk_mode_name(const struct kiosk *k);

/* For modes: */
/* Leave the current mode (its close) and open m. */
void		 kiosk_enter(struct kiosk *k, const struct ui_mode *m);
/* Show overlay m (idle prompt, staff side) over the current mode, which
   stays as it is; kiosk_pop returns to it. */
void		 kiosk_push(struct kiosk *k, const struct ui_mode *m);
/* Close the overlay and return to the mode under it. */
void		 kiosk_pop(struct kiosk *k);
/* Keep s (allocated; wiped when freed) until the next page; returns it. */
const char	*kiosk_keep(struct kiosk *k, char *s);
/* Room for n zeroed items for the current page. */
struct ui_item	*kiosk_items(struct kiosk *k, size_t n);
/* Set the message on screen (copied; NULL clears). */
void		 kiosk_error(struct kiosk *k, const char *s);
/* A phrase in the client's language. */
const char	*kiosk_phrase(const struct kiosk *k, enum phrase p);
/* "Question 7 of 53" for page p in words (plain mode, speech), or NULL
   when it has no progress; caller frees. */
char		*kiosk_progress_words(const struct kiosk *k,
		     const struct ui_page *p);
/* Store the intake in progress as abandoned and forget it. */
void		 kiosk_abandon(struct kiosk *k);
/* Back to the welcome screen with nothing of the last client left. */
void		 kiosk_reset(struct kiosk *k);
/* Append a staff action to the audit log (actor "staff"; detail never
   personal); a failure is shown, and does not block. */
void		 kiosk_audit(struct kiosk *k, const char *action,
		     const char *detail);

#endif
