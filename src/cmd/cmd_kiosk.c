/*
 * cmd_kiosk.c: "smp-intake kiosk": read the config, load the form, hand
 * the terminal to the kiosk (ui_run), and open the database as soon as
 * the welcome screen is up.  A kiosk
 * refuses to start without a staff PIN (unless demo = yes) or on a broken
 * form, and says why.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/defs.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "cmd/config.h"
#include "cmd/pin.h"
#include "form/form.h"
#include "store/store.h"
#include "ui/ui.h"

/* Command-line options. */
struct kiosk_args {
	const char	*config, *form, *db, *lang;
};

/* Print the command's usage. */
static void
kiosk_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake kiosk [--config FILE] [--form FORM] "
	    "[--db DB] [--lang CODE]\n"
	    "Runs the client questionnaire on this terminal.  F10 opens the "
	    "staff menu\n(staff PIN; set it with 'smp-intake set-pin --config "
	    "FILE').\n");
}

/* Parse options; -1 to go on, else the exit status. */
static int
kiosk_parse(int argc, char **argv, struct kiosk_args *a)
{
	const struct cli_opt	opts[] = {
		{ "config", 'c', &a->config, NULL },
		{ "form", 'f', &a->form, NULL },
		{ "db", 'd', &a->db, NULL },
		{ "lang", 'l', &a->lang, NULL },
		{ NULL, 0, NULL, NULL }
	};
	int			first;

	memset(a, 0, sizeof(*a));
	a->config = getenv("SMP_INTAKE_CONFIG");
	return cli_parse(argc, argv, opts, 0, kiosk_usage, &first);
}

/* Load the config; returns an exit status. */
static int
kiosk_config(const struct kiosk_args *a, struct config *c)
{
	char	*err = NULL;

	if (a->config != NULL && config_load(c, a->config, &err) < 0) {
		fprintf(stderr, "smp-intake: %s\n", err);
		free(err);
		return SMP_EXIT_CONFIG;
	}
	if (c->pin_hash == NULL && !c->demo) {
		fprintf(stderr, "smp-intake: kiosk: no staff PIN is set: run "
		    "smp-intake set-pin --config %s\n",
		    a->config != NULL ? a->config : "FILE");
		return SMP_EXIT_CONFIG;
	}
	return SMP_EXIT_OK;
}

/*
 * The database side of a running kiosk.  It is opened once the welcome
 * screen is up (ui_opts.ready), so the first screen waits only for the
 * form and the terminal; keys typed meanwhile wait in the terminal.
 */
struct kiosk_db {
	const char		*path;	/* the database file */
	const struct form	*f;
	int			 stale;	/* seconds before an intake left in
					   progress counts as abandoned */
	struct ui_opts		*o;	/* gets store, port and form_hash */
	struct store		*s;	/* open, or NULL */
	struct intake_store	 port;	/* the store's write side */
	struct store_check	*check;	/* integrity check running, or NULL */
	char			 hash[STORE_HASH_LEN + 1];	/* the form's */
	int			 rc;	/* store_rc of a failure, or 0 */
	bool			 opening; /* the failure was in kiosk_ready */
};

/*
 * ui_opts.ready: open the store, remember the form, close old unfinished
 * intakes, and start the integrity check, which reads every page
 * (seconds for a big file) on a thread while the welcome screen waits.
 */
static int
kiosk_ready(void *ctx, char **errp)
{
	struct kiosk_db	*kd = ctx;
	int		 rc, n = 0;

	if ((rc = store_open(kd->path, STORE_NOCHECK, &kd->s, errp)) ==
	    STORE_OK &&
	    (rc = store_form_put(kd->s, kd->f, kd->hash, errp)) == STORE_OK &&
	    (rc = store_abandon_stale(kd->s, kd->stale, &n, errp)) ==
	    STORE_OK)
		rc = store_check_start(kd->s, &kd->check, errp);
	if (rc != STORE_OK) {
		kd->rc = rc;
		kd->opening = true;
		return -1;
	}
	kd->o->store = kd->s;
	store_intake_port(kd->s, &kd->port);
	kd->o->port = &kd->port;
	kd->o->form_hash = kd->hash;
	return 0;
}

/* ui_opts.watch: stop the kiosk if the database failed its check. */
static int
kiosk_watch(void *ctx, char **errp)
{
	struct kiosk_db	*kd = ctx;
	int		 rc;

	if (kd->check == NULL)
		return 0;
	if ((rc = store_check_poll(kd->check, errp)) == 1)
		return 0;
	store_check_free(kd->check);
	kd->check = NULL;
	kd->rc = rc;
	return rc != STORE_OK;
}

/* Resolve the starting language; -1 (message printed) if unknown. */
static int
kiosk_lang(const struct form *f, const char *code)
{
	int	l;

	if (code == NULL)
		return 0;
	if ((l = form_lang(f, code)) < 0)
		fprintf(stderr, "smp-intake: kiosk: the form has no language "
		    "'%s'\n", code);
	return l;
}

/* The staff PIN as the kiosk checks it: the config's hash behind a guard
   that locks after too many wrong tries. */
struct kiosk_pin {
	struct pin_guard	 guard;
	const char		*hash;
};

/* ui_opts.pin_try: check one PIN. */
static int
kiosk_pin_try(void *ctx, const char *pin, int *remaining)
{
	struct kiosk_pin	*kp = ctx;

	switch (pin_guard_try(&kp->guard, kp->hash, pin, remaining)) {
	case PIN_OK:
		return UI_PIN_OK;
	case PIN_WRONG:
		return UI_PIN_WRONG;
	default:
		return UI_PIN_LOCKED;
	}
}

/* ui_opts.pin_locked: seconds the lockout still holds. */
static int
kiosk_pin_locked(void *ctx)
{
	struct kiosk_pin	*kp = ctx;

	return pin_guard_remaining(&kp->guard);
}

/* The kiosk's settings from the config. */
static void
kiosk_settings(const struct config *c, struct ui_settings *set)
{
	set->clinic = c->clinic;
	set->kiosk_id = c->kiosk_id;
	set->idle_timeout = c->idle_timeout;
	set->idle_countdown = c->idle_countdown;
	set->end_seconds = c->end_seconds;
	set->end_screen = c->end_screen;
	set->demo = c->demo;
	set->pictures = c->pictures;
	set->picture_dir = c->picture_dir;
	set->sending = c->server_url != NULL;
}

/* Run with config and form ready; returns an exit status. */
static int
kiosk_run(const struct kiosk_args *a, struct config *c, struct form *f,
    int lang)
{
	struct ui_opts		 o;
	struct kiosk_db		 kd;
	struct kiosk_pin	 kp;
	char			*err = NULL;
	pid_t			 sender = -1;
	int			 rc = SMP_EXIT_OK;

	memset(&o, 0, sizeof(o));
	memset(&kd, 0, sizeof(kd));
	kd.path = a->db != NULL ? a->db : c->database;
	kd.f = f;
	kd.stale = c->idle_timeout + c->idle_countdown;
	kd.o = &o;
	kiosk_settings(c, &o.set);
	pin_guard_init(&kp.guard);
	kp.hash = c->pin_hash;
	if (c->pin_hash != NULL) {
		o.pin_try = kiosk_pin_try;
		o.pin_locked = kiosk_pin_locked;
		o.pin_ctx = &kp;
	}
	o.form = f;
	o.lang = lang;
	o.ready = kiosk_ready;
	o.ready_ctx = &kd;
	o.watch = kiosk_watch;
	o.watch_ctx = &kd;
	/* The background sender reads the same config (no password on its
	   command line) and sends what finishes here. */
	if (c->server_url != NULL && c->path != NULL)
		sender = cmd_sync_spawn(c->path, a->db);
	if (ui_run(&o, &err) < 0) {
		/* Opening the store fails with the store's own words, as
		   when it opened before the terminal was taken. */
		fprintf(stderr, kd.opening ? "smp-intake: %s\n" :
		    "smp-intake: kiosk: %s\n", err);
		free(err);
		rc = kd.rc != STORE_OK ? store_exit_status(kd.rc) :
		    SMP_EXIT_FAIL;
	}
	cmd_sync_stop(sender);
	store_check_free(kd.check);
	store_close(kd.s);
	return rc;
}

/* Load the form and check what the kiosk needs before it starts. */
static int
kiosk_prepare(const struct kiosk_args *a, const struct config *c,
    struct form **fp, int *langp)
{
	int	rc;

	if ((rc = cli_load_form(a->form != NULL ? a->form : c->form, 0,
	    fp)) != 0)
		return rc;
	if ((*langp = kiosk_lang(*fp, a->lang ? a->lang : c->language)) < 0)
		return a->lang ? SMP_EXIT_USAGE : SMP_EXIT_CONFIG;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "smp-intake: kiosk: needs a terminal\n");
		return SMP_EXIT_USAGE;
	}
	return SMP_EXIT_OK;
}

/* The kiosk sub-command. */
int
cmd_kiosk(int argc, char **argv)
{
	struct kiosk_args	 a;
	struct config		 c;
	struct form		*f = NULL;
	int			 rc, lang = 0;

	if ((rc = kiosk_parse(argc, argv, &a)) >= 0)
		return rc;
	config_init(&c);
	if ((rc = kiosk_config(&a, &c)) == SMP_EXIT_OK &&
	    (rc = kiosk_prepare(&a, &c, &f, &lang)) == SMP_EXIT_OK)
		rc = kiosk_run(&a, &c, f, lang);
	form_free(f);
	config_done(&c);
	return rc;
}
