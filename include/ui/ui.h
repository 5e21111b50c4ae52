/*
 * smp_ui.h: the kiosk: an ncurses questionnaire a client finishes alone,
 * with a staff menu behind a PIN.
 *
 * ui_run() takes over the terminal until staff choose "Exit the kiosk" or
 * the process gets SIGTERM/SIGHUP (the intake in progress is then stored
 * as abandoned).  Ctrl-C, Ctrl-Z and Ctrl-\ do nothing.  The terminal is
 * restored before it returns (and by die(), through the die hook).
 */
#ifndef SMP_UI_H
#define SMP_UI_H

#include "cmd/config.h"
#include "form/form.h"
#include "store/store.h"

struct ui_opts {
	const struct config *cfg;	/* clinic, timeouts, PIN hash... */
	const struct form *form;	/* checked form, outlives the run */
	struct store	*store;		/* open for writing */
	const struct intake_store *port;	/* store's write side, for
					   intake_begin */
	const char	*db_path;	/* the database file (staff menu) */
	const char	*form_hash;	/* from store_form_put */
	int		 lang;		/* default language index */
	/*
	 * Called at every turn of the loop (at least every 250 ms) if set:
	 * non-zero ends the run at once, ui_run returning -1 with the
	 * watch's *errp (the kiosk's background integrity check).
	 */
	int		(*watch)(void *ctx, char **errp);
	void		*watch_ctx;
};

/* Run the kiosk; 0 on a clean exit, -1 with *errp (caller frees). */
int	ui_run(const struct ui_opts *o, char **errp);

#endif
