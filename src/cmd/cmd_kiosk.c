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
#include <time.h>
#include <unistd.h>

#include "base/date.h"
#include "base/defs.h"
#include "base/strbuf.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "cmd/config.h"
#include "cmd/pin.h"
#include "form/form.h"
#include "store/store.h"
#include "ui/ui.h"

/* The audit rows of staff PIN tries, which the guard is rebuilt from. */
#define KIOSK_PIN_ACTION	"staff-pin"
#define KIOSK_PIN_RIGHT		"right PIN"
#define KIOSK_PIN_WRONG		"wrong PIN"	/* a prefix: "; locked..." */

/* Command-line options. */
struct kiosk_args {
	const char	*config, *form, *db, *lang;
	bool		 plain;		/* --plain */
};

/* Print the command's usage. */
static void
kiosk_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake kiosk [--config FILE] [--form FORM] "
	    "[--db DB] [--lang CODE] [--plain]\n"
	    "Runs the client questionnaire on this terminal.  F10 opens the "
	    "staff menu\n(staff PIN; set it with 'smp-intake set-pin --config "
	    "FILE').  --plain: one line at a time (for screen readers).\n");
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
		{ "plain", 'p', NULL, &a->plain },
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
 * The staff PIN as the kiosk checks it: the config's hash behind a guard
 * that locks after too many wrong tries.  Every try is audited (never the
 * PIN), and the audit log is replayed into the guard at start, so a
 * restart does not lift a lock.
 */
struct kiosk_pin {
	struct pin_guard	 guard;
	const char		*hash;
	struct store		*s;	/* where tries are audited, once open */
};

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
	struct kiosk_pin	*pin;	/* its guard gets the audit log */
	char			 hash[STORE_HASH_LEN + 1];	/* the form's */
	int			 rc;	/* store_rc of a failure, or 0 */
	bool			 opening; /* the failure was in kiosk_ready */
};

/* Audit times ("2026-06-15T10:22:33.123Z", UTC) as time_t; -1 if not one. */
static time_t
kiosk_audit_time(const char *at)
{
	int	y, mo, d, h, mi, sec;

	if (sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi,
	    &sec) != 6)
		return -1;
	return (time_t)date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 +
	    sec;
}

/* store_audit_each: replay the staff PIN tries into the guard. */
static int
kiosk_pin_replay(void *ctx, const struct store_audit_entry *e)
{
	struct kiosk_pin	*kp = ctx;
	time_t			 at;

	if (strcmp(e->action, KIOSK_PIN_ACTION) != 0)
		return 0;
	if (strcmp(e->detail, KIOSK_PIN_RIGHT) == 0)
		pin_guard_ok(&kp->guard);
	else if (strncmp(e->detail, KIOSK_PIN_WRONG,
	    strlen(KIOSK_PIN_WRONG)) == 0 &&
	    (at = kiosk_audit_time(e->at)) != -1)
		pin_guard_fail_at(&kp->guard, at);
	return 0;
}

/*
 * ui_opts.ready: open the store, remember the form, claim this kiosk's id
 * (refused if a running kiosk has it) and so abandon at once what this
 * kiosk left in progress when it stopped, close other kiosks' intakes
 * idle too long, rebuild the PIN lock, and start the integrity check,
 * which reads every page (seconds for a big file) on a thread while the
 * welcome screen waits.
 */
static int
kiosk_ready(void *ctx, char **errp)
{
	struct kiosk_db	*kd = ctx;
	int		 rc, n = 0;

	if ((rc = store_open(kd->path, STORE_NOCHECK, &kd->s, errp)) ==
	    STORE_OK &&
	    (rc = store_form_put(kd->s, kd->f, kd->hash, errp)) == STORE_OK &&
	    (rc = store_kiosk_claim(kd->s, kd->o->set.kiosk_id, &n,
	    errp)) == STORE_OK &&
	    (rc = store_abandon_stale(kd->s, kd->stale, &n, errp)) ==
	    STORE_OK &&
	    (kd->pin == NULL || (rc = store_audit_each(kd->s, NULL, NULL,
	    kiosk_pin_replay, kd->pin, errp)) == STORE_OK))
		rc = store_check_start(kd->s, &kd->check, errp);
	if (rc != STORE_OK) {
		kd->rc = rc;
		kd->opening = true;
		return -1;
	}
	kd->o->store = kd->s;
	if (kd->pin != NULL)
		kd->pin->s = kd->s;
	store_intake_port(kd->s, &kd->port);
	kd->o->port = &kd->port;
	kd->o->form_hash = kd->hash;
	return 0;
}

/*
 * ui_opts.reopen: after a store failure, staff chose path: close the old
 * store first (its connection must never meet a new file's WAL at the
 * same path), open path (checked; created if missing), keep the form in
 * it and claim this kiosk's id there.
 */
static int
kiosk_reopen(void *ctx, const char *path, char **errp)
{
	struct kiosk_db	*kd = ctx;
	struct store	*s = NULL;
	int		 rc, n = 0;

	store_check_free(kd->check);
	kd->check = NULL;
	store_close(kd->s);
	kd->s = kd->o->store = NULL;
	if (kd->pin != NULL)
		kd->pin->s = NULL;
	if ((rc = store_open(path, 0, &s, errp)) != STORE_OK)
		return -1;
	if ((rc = store_form_put(s, kd->f, kd->hash, errp)) != STORE_OK ||
	    (rc = store_kiosk_claim(s, kd->o->set.kiosk_id, &n, errp)) !=
	    STORE_OK) {
		store_close(s);
		return -1;
	}
	kd->s = kd->o->store = s;
	if (kd->pin != NULL)
		kd->pin->s = s;
	store_intake_port(s, &kd->port);
	return 0;
}

/* ui_opts.log: keep a line for stderr, with the time (UTC). */
static void
kiosk_log(void *ctx, const char *line)
{
	struct strbuf	*log = ctx;
	char		 at[32];
	time_t		 now = time(NULL);
	struct tm	 tm;

	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
	strbuf_addf(log, "smp-intake: kiosk: %s: %s\n", at, line);
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

/* Audit one PIN try (a failure to has nowhere to go: the try stands). */
static void
kiosk_pin_audit(struct kiosk_pin *kp, const char *detail)
{
	char	*err = NULL;

	if (kp->s != NULL &&
	    store_audit(kp->s, "staff", KIOSK_PIN_ACTION, detail, &err) < 0)
		free(err);
}

/* ui_opts.pin_try: check one PIN, and audit the try. */
static int
kiosk_pin_try(void *ctx, const char *pin, int *remaining)
{
	struct kiosk_pin	*kp = ctx;
	char			 detail[80];
	int			 before = kp->guard.failures, left = 0;

	switch (pin_guard_try(&kp->guard, kp->hash, pin, &left)) {
	case PIN_OK:
		kiosk_pin_audit(kp, KIOSK_PIN_RIGHT);
		return UI_PIN_OK;
	case PIN_WRONG:
		kiosk_pin_audit(kp, KIOSK_PIN_WRONG);
		return UI_PIN_WRONG;
	default:
		/* Checked and wrong (the count grew), or not checked. */
		snprintf(detail, sizeof(detail), kp->guard.failures != before ?
		    KIOSK_PIN_WRONG "; locked for %d s" :
		    "refused while locked (%d s left)", left);
		kiosk_pin_audit(kp, detail);
		if (remaining != NULL)
			*remaining = left;
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
	set->plain = c->plain;
	set->high_contrast = c->high_contrast;
	set->speech = c->speech;
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
	struct strbuf		 log;
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
	o.set.plain = o.set.plain || a->plain;
	pin_guard_init(&kp.guard);
	kp.hash = c->pin_hash;
	kp.s = NULL;
	if (c->pin_hash != NULL) {
		kd.pin = &kp;
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
	o.reopen = kiosk_reopen;
	o.reopen_ctx = &kd;
	o.db_path = kd.path;
	strbuf_init(&log);
	o.log = kiosk_log;
	o.log_ctx = &log;
	if (ui_run(&o, &err) < 0)
		rc = -1;
	/* Store failures met while the kiosk had the terminal. */
	if (log.len > 0)
		fputs(log.s, stderr);
	strbuf_done(&log);
	if (rc < 0) {
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
