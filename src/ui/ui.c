/*
 * ui.c: the kiosk's loop on a real terminal: signals, then turn after
 * turn: watch, draw what changed, wait for a key or a tap (a quarter
 * second at most), hand it to the kiosk or let time pass.  Terminal and
 * input are in tty.c and input.c; everything the kiosk shows and does
 * is in kiosk.c and its modes.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/xmalloc.h"
#include "form/model.h"
#include "ui/ui.h"
#include "input.h"
#include "kiosk.h"
#include "pixels.h"
#include "tty.h"

#define UI_TURN_MS	250	/* longest wait between two looks at the
				   timers and the watch */

static volatile sig_atomic_t ui_signalled;	/* SIGTERM or SIGHUP seen */

/* SIGTERM/SIGHUP: the loop sees the flag within a quarter second. */
static void
ui_on_signal(int sig)
{
	(void)sig;
	ui_signalled = 1;
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

/* Monotonic seconds. */
static double
ui_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Draw the page if it changed or the terminal did.  When its pictures
 * changed (another option, page, size, the idle prompt), the whole
 * screen is redrawn first so no stale image stays, then the images are
 * painted over the text art.
 */
static void
ui_draw(struct kiosk *k, struct pixels *px, int *rows, int *cols)
{
	const struct grid	*g;
	int			 r, c;

	tty_size(&r, &c);
	if (!kiosk_dirty(k) && r == *rows && c == *cols)
		return;
	*rows = r;
	*cols = c;
	tty_draw(g = kiosk_draw(k, r, c));
	if (pixels_stale(px, g)) {
		tty_repaint();
		pixels_show(px, g, STDOUT_FILENO);
	}
}

/* Images of the pictures as the config asks, in picture_dir (default:
   the form's art/images); NULL: text art. */
static struct pixels *
ui_pixels(const struct ui_opts *o)
{
	struct pixels	*px;
	const char	*slash;
	char		*dir;
	int		 m = o->set.pictures != NULL ?
			    pixels_mode_parse(o->set.pictures) : PIXELS_TEXT;

	if (m <= PIXELS_TEXT)
		return NULL;
	if (o->set.picture_dir != NULL)
		dir = xstrdup(o->set.picture_dir);
	else if ((slash = strrchr(o->form->path, '/')) != NULL)
		dir = xasprintf("%.*s/art/images", (int)(slash -
		    o->form->path), o->form->path);
	else
		dir = xstrdup("art/images");
	px = pixels_new((enum pixels_mode)m, dir, tty_utf8(), tty_ncolours());
	free(dir);
	return px;
}

/* Run the kiosk until staff exit it or a signal asks it to stop. */
int
ui_run(const struct ui_opts *o, char **errp)
{
	struct kiosk	*k;
	struct pixels	*px;
	struct req	 r;
	int		 rc = 0, rows = 0, cols = 0;

	if (tty_start(errp) < 0)
		return -1;
	ui_signals();
	px = ui_pixels(o);
	k = kiosk_new(o, tty_utf8(), &ui_signalled, ui_now());
	ui_draw(k, px, &rows, &cols);
	if (o->ready != NULL)
		rc = o->ready(o->ready_ctx, errp);
	while (rc == 0 && !kiosk_quit(k) && !ui_signalled) {
		if (o->watch != NULL &&
		    (rc = o->watch(o->watch_ctx, errp)) != 0)
			break;
		ui_draw(k, px, &rows, &cols);
		if (input_read(&r, UI_TURN_MS))
			kiosk_request(k, &r, ui_now());
		else
			kiosk_tick(k, ui_now());
	}
	/* Stopped (a signal, a failed watch) while a client's answers
	   waited for staff after a store failure: they are lost with the
	   process, so say so and fail, never exit as if all were well. */
	if (kiosk_unsaved(k)) {
		if (rc == 0)
			*errp = xstrdup("stopped while a storage failure was "
			    "pending: the answers of the client in progress "
			    "were not saved");
		rc = -1;
	}
	kiosk_free(k);
	pixels_free(px);
	tty_stop();
	return rc != 0 ? -1 : 0;
}
