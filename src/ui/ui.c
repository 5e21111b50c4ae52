/*
 * ui.c: the kiosk's loop on a real terminal: signals, then turn after
 * turn: watch, draw what changed, wait for a key or a tap (a quarter
 * second at most), hand it to the kiosk or let time pass.  Terminal and
 * input are in tty.c and input.c; everything the kiosk shows and does
 * is in kiosk.c and its modes.
 */
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/utf8.h"
#include "base/xmalloc.h"
#include "form/model.h"
#include "ui/ui.h"
#include "input.h"
#include "kiosk.h"
#include "mode.h"
#include "pixels.h"
#include "plain.h"
#include "say.h"
#include "speech.h"
#include "tty.h"

#define UI_TURN_MS	250	/* longest wait between two looks at the
				   timers and the watch */

static volatile sig_atomic_t ui_signalled;	/* SIGTERM or SIGHUP seen */

/* Speech (speech = yes): what was said last, to say only what changed. */
static struct speech	*ui_speech;
static char		*ui_said;	/* the page last said, in words */
static int		 ui_said_cur;	/* its highlighted entry */

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
 * Whether staff screens are up.  They are never said: they are for
 * staff, not the client, and a consultation holds the client's name,
 * phone and birth date, which speech never says in a lobby.
 */
static bool
ui_staff(const struct kiosk *k)
{
	return (k->loop.mode->flags & MODE_STAFF) != 0;
}

/*
 * Say what changed on screen: the whole page when it is another one (or
 * asked for again), else the entry the highlight moved to.  The idle
 * warning is said once, not at every second of its countdown.
 */
static void
ui_say(struct kiosk *k, bool again)
{
	struct ui_page	 p;
	const char	*lang = k->f->langs[k->client.lang];
	char		*page, *focus;
	bool		 idle = strcmp(kiosk_mode_name(k), "idle") == 0;

	if (ui_speech == NULL)
		return;
	if (ui_staff(k)) {		/* not said; the client's page is,
					   whole, when it comes back */
		speech_stop(ui_speech);
		xfree_secret(ui_said);
		ui_said = NULL;
		return;
	}
	kiosk_page(k, &p);
	page = say_page(k, &p);
	focus = say_focus(&p);
	if (again || ui_said == NULL || (strcmp(page, ui_said) != 0 &&
	    !(idle && strncmp(ui_said, "idle:", 5) == 0))) {
		char *all = focus != NULL ? xasprintf("%s\n%s", page, focus) :
		    xstrdup(page);

		speech_say(ui_speech, lang, all);
		xfree_secret(all);
	} else if (p.cur != ui_said_cur && focus != NULL)
		speech_say(ui_speech, lang, focus);
	xfree_secret(ui_said);
	ui_said = idle ? xasprintf("idle:%s", page) : page;
	if (idle)
		xfree_secret(page);
	ui_said_cur = p.cur;
	xfree_secret(focus);
}

/*
 * Draw the page if it changed or the terminal did (and say what
 * changed, with speech).  When its pictures
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
	if (kiosk_bell(k))
		tty_bell();
	ui_say(k, false);
}

/* F4: the client's own answer, said once because they asked (an
   identifier is never said otherwise: a lobby is public). */
static void
ui_hear(struct kiosk *k)
{
	struct ui_page	 p;
	char		*a;

	if (ui_speech == NULL || ui_staff(k))
		return;
	kiosk_page(k, &p);
	if ((a = say_answer(&p)) != NULL)
		speech_say(ui_speech, k->f->langs[k->client.lang], a);
	xfree_secret(a);
}

/*
 * The speech keys (F2 again, F3 stop, F4 the answer); true if r was
 * one.  They are the client's doing, so they count against the idle
 * time like any key, and on the idle warning they carry on as any key
 * does (the kiosk is handed them then).
 */
static bool
ui_speech_key(struct kiosk *k, const struct req *r, double now)
{
	if (r->kind != REQ_SAY && r->kind != REQ_HUSH && r->kind != REQ_HEAR)
		return false;
	if (strcmp(kiosk_mode_name(k), "idle") == 0)
		return false;
	k->loop.last_input = now;
	if (r->kind == REQ_SAY)
		ui_say(k, true);
	else if (r->kind == REQ_HUSH)
		speech_stop(ui_speech);
	else
		ui_hear(k);
	return true;
}

/*
 * Read what is waiting on standard input into buf (*len bytes held) and
 * hand each whole line to the plain kiosk.  A line longer than the
 * buffer is handed over in pieces.  False at the end of input.
 */
static bool
ui_plain_read(struct plain *pl, char *buf, size_t size, size_t *len)
{
	ssize_t	 n;
	char	*nl;
	size_t	 l;

	n = read(STDIN_FILENO, buf + *len, size - 1 - *len);
	if (n <= 0)
		return false;
	*len += (size_t)n;
	buf[*len] = '\0';
	while ((nl = memchr(buf, '\n', *len)) != NULL || *len == size - 1) {
		l = nl != NULL ? (size_t)(nl - buf) : *len;
		buf[l] = '\0';
		if (l > 0 && buf[l - 1] == '\r')
			buf[l - 1] = '\0';
		plain_line(pl, buf, ui_now());
		l += nl != NULL;
		memmove(buf, buf + l, *len - l);
		*len -= l;
		memset(buf + *len, 0, size - *len);	/* answers */
	}
	return true;
}

/* The plain front end's loop: lines in, pages out, on the terminal as
   it is (no curses). */
static int
ui_plain(const struct ui_opts *o, char **errp)
{
	struct plain	*pl;
	struct pollfd	 pfd;
	char		 buf[4096];
	size_t		 len = 0;
	int		 rc = 0;

	if (o->set.speech && (ui_speech = speech_new(
	    getenv("SMP_SPEECH_WAV"), errp)) == NULL)
		return -1;
	ui_signals();
	pl = plain_new(o, stdout, utf8_locale(), &ui_signalled, ui_now());
	plain_speech(pl, ui_speech);
	plain_show(pl);
	if (o->ready != NULL)
		rc = o->ready(o->ready_ctx, errp);
	while (rc == 0 && !plain_quit(pl) && !ui_signalled) {
		if (o->watch != NULL &&
		    (rc = o->watch(o->watch_ctx, errp)) != 0)
			break;
		plain_show(pl);
		pfd.fd = STDIN_FILENO;
		pfd.events = POLLIN;
		if (poll(&pfd, 1, UI_TURN_MS) <= 0)
			plain_tick(pl, ui_now());
		else if (!ui_plain_read(pl, buf, sizeof(buf), &len))
			break;		/* input closed: as SIGHUP */
	}
	memset(buf, 0, sizeof(buf));
	if (plain_unsaved(pl)) {	/* as ui_run: never exit as if well */
		if (rc == 0)
			*errp = xstrdup("stopped while a storage failure was "
			    "pending: the answers of the client in progress "
			    "were not saved");
		rc = -1;
	}
	plain_free(pl);
	speech_free(ui_speech);
	ui_speech = NULL;
	return rc != 0 ? -1 : 0;
}

/* Whether to run the plain front end: asked for, or a terminal that
   cannot place the cursor at all. */
static bool
ui_wants_plain(const struct ui_opts *o)
{
	const char	*term = getenv("TERM");

	return o->set.plain || (term != NULL && strcmp(term, "dumb") == 0);
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

	if (ui_wants_plain(o))
		return ui_plain(o, errp);
	if (o->set.speech && (ui_speech = speech_new(
	    getenv("SMP_SPEECH_WAV"), errp)) == NULL)
		return -1;
	if (tty_start(o->set.high_contrast, errp) < 0) {
		speech_free(ui_speech);
		ui_speech = NULL;
		return -1;
	}
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
		if (input_read(&r, UI_TURN_MS)) {
			if (!ui_speech_key(k, &r, ui_now()))
				kiosk_request(k, &r, ui_now());
		} else
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
	speech_free(ui_speech);
	ui_speech = NULL;
	xfree_secret(ui_said);
	ui_said = NULL;
	tty_stop();
	return rc != 0 ? -1 : 0;
}
