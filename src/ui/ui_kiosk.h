/*
 * smp_ui_kiosk.h: the kiosk's shared state, between ui.c (terminal, key
 * loop, timers), ui_flow.c (welcome, language, questions, review, end) and
 * ui_staff.c (PIN and staff menu).  Internal to the ui_* files.
 *
 * Each mode has a page builder (fills a struct ui_page from the state)
 * and a key handler; ui.c draws the page and hands it keys and taps.
 */
#ifndef SMP_UI_KIOSK_H
#define SMP_UI_KIOSK_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "edit.h"
#include "engine/intake.h"
#include "cmd/pin.h"
#include "ui/ui.h"
#include "ui_draw.h"

enum ui_mode {
	UM_WELCOME,
	UM_LANG,	/* language choice */
	UM_WALK,	/* questions, screens, review */
	UM_END,		/* thanks, then welcome */
	UM_IDLE,	/* "Are you still there?" */
	UM_PIN,		/* staff PIN prompt */
	UM_STAFF,	/* staff menu */
	UM_STAFF_LIST,	/* today's intakes */
	UM_STAFF_SHOW,	/* one consultation */
	UM_STAFF_EXPORT	/* CSV path prompt */
};

/* A key as the loop hands it over. */
struct ui_key {
	bool		 fkey;		/* ch is a curses KEY_* code */
	uint32_t	 ch;		/* character or KEY_* */
	const struct ui_hot *hot;	/* a tap: the zone hit, or NULL */
	bool		 tap;		/* a tap anywhere */
};

struct ui {
	const struct ui_opts *o;
	const struct form *f;
	int		 lang;
	enum ui_mode	 mode;
	enum ui_mode	 back_mode;	/* where idle/PIN return to */
	struct intake	*in;		/* current intake, or NULL */
	int		 loaded;	/* item whose widget state is loaded */
	struct edit	*edit;		/* text field of the current item */
	int		 cur, top;	/* list cursor and scroll */
	struct ui_scroll scroll;	/* information text scroll */
	int		 chosen;	/* single choice: option, or -1 */
	bool		*ticks;		/* multi: ticked options */
	size_t		 nticks;
	char		*error;		/* message on screen, or NULL */
	bool		 help;		/* help shown */
	bool		 utf8;		/* Unicode art and marks */
	char		*end_text;	/* end screen body */
	double		 deadline;	/* end/idle: when it runs out */
	double		 last_input;	/* monotonic seconds */
	bool		 quit;		/* staff chose exit */
	struct pin_guard guard;
	struct edit	*staff_edit;	/* PIN and export path */
	char		*staff_text;	/* staff show/list text */
	char		**ids;		/* staff list: intake ids */
	size_t		 nids;
	char		**strs;		/* strings of the current page */
	size_t		 nstrs;
	struct ui_item	*items;		/* items of the current page */
	size_t		 icap;
};

/* Monotonic clock in seconds. */
double		 ui_now(void);
/* Set once SIGTERM or SIGHUP asked the kiosk to stop (long work such as
   the staff export checks it). */
const volatile sig_atomic_t *ui_signal_flag(void);
/* Keep s (allocated) until the next page; returns it. */
const char	*ui_keep(struct ui *u, char *s);
/* Room for n items for the current page. */
struct ui_item	*ui_items(struct ui *u, size_t n);
/* Forget the current page's strings and items. */
void		 ui_page_reset(struct ui *u);
/* Set the message on screen (s is copied; NULL clears). */
void		 ui_set_error(struct ui *u, const char *s);
/* A phrase in the current language. */
const char	*ui_ph(const struct ui *u, enum phrase p);
/* Store the intake as abandoned, wipe every trace, back to welcome. */
void		 ui_abandon(struct ui *u);
/* Is this key Enter? */
bool		 ui_key_enter(const struct ui_key *k);
/* Is this key Esc or Shift-Tab? */
bool		 ui_key_back(const struct ui_key *k);
/* Move a list cursor for Up/Down/PgUp/PgDn/Home/End; true if handled. */
bool		 ui_list_move(const struct ui_key *k, int *cur, int n);
/* Apply an editing key to e; true if handled. */
bool		 ui_edit_key(struct edit *e, const struct ui_key *k);

/* ui_flow.c */
void		 flow_page(struct ui *u, struct ui_page *p);
void		 flow_key(struct ui *u, const struct ui_key *k);
/* Time passed (end screen): back to welcome when it is up. */
void		 flow_tick(struct ui *u);
/* Forget the widget state of the current item (wiping text). */
void		 flow_unload(struct ui *u);

/* ui_staff.c */
void		 staff_open(struct ui *u);
void		 staff_page(struct ui *u, struct ui_page *p);
void		 staff_key(struct ui *u, const struct ui_key *k);
void		 staff_close(struct ui *u);

#endif
