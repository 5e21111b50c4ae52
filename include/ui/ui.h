/*
 * ui.h: the kiosk: an ncurses questionnaire a client finishes alone,
 * with a staff menu behind a PIN.
 *
 * ui_run() takes over the terminal until staff choose "Exit the kiosk" or
 * the process gets SIGTERM/SIGHUP (the intake in progress is then stored
 * as abandoned).  Ctrl-C, Ctrl-Z and Ctrl-\ do nothing.  The terminal is
 * restored before it returns (and by die(), through the die hook).
 *
 * The UI knows nothing of the config file or how the PIN is kept: the
 * command that starts it (cmd/cmd_kiosk.c) passes the settings and a PIN
 * checker here.
 */
#ifndef SMP_UI_H
#define SMP_UI_H

#include "ui/ui_opts.h"

/* Run the kiosk; 0 on a clean exit, -1 with *errp (caller frees). */
int	ui_run(const struct ui_opts *o, char **errp);

#endif
