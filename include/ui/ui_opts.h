/*
 * ui_opts.h: what the kiosk is given to run: its settings, the form, the
 * store, and how to check a staff PIN.  The UI knows nothing of the
 * config file or how the PIN is kept: the command that starts it
 * (cmd/cmd_kiosk.c) fills this in.
 */
#ifndef SMP_UI_OPTS_H
#define SMP_UI_OPTS_H

#include <stdbool.h>

#include "engine/intake.h"
#include "form/model.h"
#include "store/store.h"

/* What a PIN try gave (ui_opts.pin_try). */
enum ui_pin {
	UI_PIN_OK = 0,
	UI_PIN_WRONG = -1,	/* wrong, not locked yet */
	UI_PIN_LOCKED = -2	/* too many wrong PINs: wait */
};

/* The kiosk's settings. */
struct ui_settings {
	const char	*clinic;	/* welcome screen heading, or NULL */
	const char	*kiosk_id;	/* stored with each intake */
	int		 idle_timeout;	/* seconds before "still there?";
					   0: never */
	int		 idle_countdown; /* seconds of countdown */
	int		 end_seconds;	/* end screen, then welcome */
	const char	*end_screen;	/* "form", "summary", "thanks",
					   "score", or NULL (form) */
	bool		 demo;		/* the welcome says how to leave */
	bool		 plain;		/* plain front end: lines of text
					   (also when TERM=dumb) */
	bool		 high_contrast;	/* the high-contrast theme */
	bool		 speech;	/* speak each page (libespeak-ng) */
	const char	*pictures;	/* "text" (or NULL), "auto", "sixel",
					   "kitty", "symbols" (pixels.h) */
	const char	*picture_dir;	/* the pictures' images */
	bool		 sending;	/* a server is set: the staff menu
					   says what waits to be sent */
};

struct ui_opts {
	struct ui_settings set;		/* timeouts, texts */
	const struct form *form;	/* checked form, outlives the run */
	struct store	*store;		/* open for writing (staff screens) */
	const struct intake_store *port; /* where intakes go: the store's
					   write side (store_intake_port) */
	const char	*form_hash;	/* from store_form_put */
	int		 lang;		/* default language index */
	/*
	 * The staff PIN: pin_try checks one (UI_PIN_OK, UI_PIN_WRONG, or
	 * UI_PIN_LOCKED with the seconds left in *remaining) and
	 * pin_locked gives the seconds the lock still holds (0: none).
	 * pin_try NULL: there is no PIN (a demo): F10 opens the staff
	 * menu at once.
	 */
	int		(*pin_try)(void *ctx, const char *pin, int *remaining);
	int		(*pin_locked)(void *ctx);
	void		*pin_ctx;
	/*
	 * Called once, after the first screen is drawn and before the
	 * first key is read, if set: work that need not hold the first
	 * screen back (the store, the form's hash, tidying the database).
	 * Keys typed meanwhile wait in the terminal.  Non-zero ends the run
	 * at once, ui_run returning -1 with *errp.  The kiosk reads store,
	 * form_hash and port only after this has returned.
	 */
	int		(*ready)(void *ctx, char **errp);
	void		*ready_ctx;
	/*
	 * Called at every turn of the loop (at least every 250 ms) if set:
	 * non-zero ends the run at once, ui_run returning -1 with the
	 * watch's *errp (the kiosk's background integrity check).
	 */
	int		(*watch)(void *ctx, char **errp);
	void		*watch_ctx;
	/*
	 * After a store failure, staff's choice (mode_fault.c): make the
	 * database at path (created if missing) the kiosk's: the old store
	 * is closed first, the new one opened, the form kept in it and the
	 * kiosk's id claimed; store, port and form_hash then point at it.
	 * Non-zero with *errp if that failed: store is then NULL until a
	 * call succeeds.  NULL: staff cannot choose (tests).
	 */
	int		(*reopen)(void *ctx, const char *path, char **errp);
	void		*reopen_ctx;
	const char	*db_path;	/* the configured database, offered
					   to staff first */
	/*
	 * A line for the staff log, if set: a store failure (the store's
	 * message: paths and causes, nothing personal) and what staff did
	 * about it.  The terminal is the kiosk's: cmd_kiosk keeps the lines
	 * and writes them to stderr when the terminal is given back.
	 */
	void		(*log)(void *ctx, const char *line);
	void		*log_ctx;
};

#endif
