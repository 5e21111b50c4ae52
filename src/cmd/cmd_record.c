/*
 * cmd_record.c: "smp-intake record --form FORM [--db DB] [--lang CODE]
 * [--kiosk ID] ANSWERS.csv": store a paper intake.
 *
 * The answers are first run through a throwaway engine (no sink), so that
 * every problem is reported and nothing at all is stored when one is
 * found.  Only then is an intake begun (source "paper") and the same
 * answers given to its engine, which saves each as a kiosk would; the
 * intake is completed and scored, audited, and its id printed.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/date.h"
#include "base/defs.h"
#include "base/strbuf.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "engine/answers.h"
#include "engine/engine.h"
#include "engine/intake.h"
#include "form/form.h"
#include "form/form_load.h"
#include "store/store.h"

/* The options of one run. */
struct record_opts {
	const char	*form;		/* form file */
	const char	*db;		/* --db, or NULL */
	const char	*config;	/* --config, or NULL */
	const char	*lang;		/* --lang code, or NULL */
	const char	*kiosk;		/* --kiosk id */
	const char	*answers;	/* the answers file */
};

/* Print the usage to fp. */
static void
record_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake record --form FORM [--db DB] "
	    "[--config FILE] [--lang CODE]\n"
	    "                         [--kiosk ID] ANSWERS.csv\n"
	    "Store a paper intake: the answers (CSV with the header "
	    "question,value) go\nthrough the form as a client's would, are "
	    "scored and stored; prints the new id.\n"
	    "  -f, --form FORM    the form the answers belong to\n"
	    "  -d, --db DB        database (else $SMP_INTAKE_DB, else the "
	    "config file's)\n"
	    "  -c, --config FILE  configuration file\n"
	    "  -l, --lang CODE    language of the intake (default: the "
	    "form's first)\n"
	    "  -k, --kiosk ID     kiosk id stored with it (default: paper)\n"
	    "Exit status: 0 stored, 64 usage, 65 bad form or answers, "
	    "66 missing file,\n73 cannot create the database, 74 I/O error "
	    "or disk full, 75 database busy,\n78 bad configuration.\n");
}

/* Parse the options into o; -1 to go on, else the exit status. */
static int
record_args(int argc, char **argv, struct record_opts *o)
{
	const struct cli_opt	opts[] = {
		{ "form", 'f', &o->form, NULL },
		{ "db", 'd', &o->db, NULL },
		{ "config", 'c', &o->config, NULL },
		{ "lang", 'l', &o->lang, NULL },
		{ "kiosk", 'k', &o->kiosk, NULL },
		{ NULL, 0, NULL, NULL }
	};
	int			first, rc;

	memset(o, 0, sizeof(*o));
	o->kiosk = "paper";
	if ((rc = cli_parse(argc, argv, opts, 1, record_usage, &first)) >= 0)
		return rc;
	if (o->form == NULL || *o->kiosk == '\0') {
		record_usage(stderr);
		return SMP_EXIT_USAGE;
	}
	o->answers = argv[first];
	return -1;
}

/*
 * Check the answers in a throwaway engine; prints every problem and
 * returns SMP_EXIT_DATAERR, or 0 when they make a complete intake.
 */
static int
record_validate(const struct form *f, int lang, const struct answers *a,
    const char *path)
{
	struct engine	*e;
	struct strbuf	 probs, warns;
	char		*msg = NULL;
	int		 n;

	strbuf_init(&probs);
	strbuf_init(&warns);
	e = engine_new(f, lang, date_today(), NULL);
	n = intake_apply_answers(e, a, path, &probs, &warns);
	if (n == 0 && engine_finish(e, &msg) != ENGINE_OK) {
		strbuf_addf(&probs, "%s: %s\n", path, msg);
		n++;
	}
	fputs(warns.s, stderr);
	fputs(probs.s, stderr);
	if (n > 0)
		fprintf(stderr, "%s: %d problem%s; nothing stored\n", path, n,
		    n == 1 ? "" : "s");
	free(msg);
	engine_free(e);
	strbuf_done(&probs);
	strbuf_done(&warns);
	return n > 0 ? SMP_EXIT_DATAERR : 0;
}

/* Begin, fill and complete the intake; a store_rc, *errp on error. */
static int
record_store(struct store *s, const struct form *f, int lang,
    const struct record_opts *o, const struct answers *a, char *id,
    char **errp)
{
	struct intake_store	 port;
	struct intake		*in;
	struct strbuf		 probs;
	char			 hash[STORE_HASH_LEN + 1];
	int			 rc;

	if ((rc = store_form_put(s, f, hash, errp)) != STORE_OK)
		return rc;
	store_intake_port(s, &port);
	if ((rc = intake_begin(&port, f, hash, lang, date_today(), o->kiosk,
	    "paper", &in, errp)) != STORE_OK)
		return rc;
	snprintf(id, STORE_ID_LEN + 1, "%s", intake_id(in));
	strbuf_init(&probs);
	if (intake_apply_answers(intake_engine(in), a, o->answers, &probs,
	    NULL) > 0) {
		/* Valid a moment ago: only the store can have failed, and
		   then for every answer after it: report the first. */
		rc = intake_store_rc(in) != STORE_OK ? intake_store_rc(in) :
		    STORE_ERR;
		*errp = strbuf_detach(&probs);
		(*errp)[strcspn(*errp, "\n")] = '\0';
	} else
		rc = intake_complete(in, NULL, errp);
	strbuf_done(&probs);
	intake_free(in);
	return rc;
}

/* Open the store and record; prints errors, returns an exit status. */
static int
record_run(const struct record_opts *o, const struct form *f, int lang,
    const struct answers *a)
{
	struct store	*s;
	char		*err = NULL, id[STORE_ID_LEN + 1];
	bool		 kept = false;
	int		 rc;

	if ((rc = cli_open_store("record", o->db, o->config, CLI_CREATE,
	    &s)) != 0)
		return rc;
	id[0] = '\0';
	if ((rc = record_store(s, f, lang, o, a, id, &err)) != STORE_OK &&
	    id[0] != '\0' && store_erase(s, id, NULL, NULL) != STORE_OK)
		kept = true;
	if (rc == STORE_OK)
		rc = store_audit(s, store_actor(), "record", id, &err);
	if (rc != STORE_OK)
		fprintf(stderr, "smp-intake: record: %s\n", err);
	else
		printf("%s\n", id);
	if (kept)
		fprintf(stderr, "smp-intake: record: the half-saved intake %s "
		    "could not be removed; once the problem is fixed, erase it "
		    "with: smp-intake erase %s\n", id, id);
	free(err);
	store_close(s);
	return cli_stdout_status("record", store_exit_status(rc));
}

/* smp-intake record: see the file comment. */
int
cmd_record(int argc, char **argv)
{
	struct record_opts	 o;
	struct answers		 a;
	struct form		*f = NULL;
	char			*err = NULL;
	int			 rc, lang = 0;

	if ((rc = record_args(argc, argv, &o)) >= 0)
		return rc;
	if ((rc = cli_load_form(o.form, FORM_NO_ART, &f)) != 0)
		return rc;
	if (o.lang != NULL && (lang = form_lang(f, o.lang)) < 0) {
		fprintf(stderr, "smp-intake: %s: the form has no language "
		    "'%s'\n", o.form, o.lang);
		form_free(f);
		return SMP_EXIT_USAGE;
	}
	memset(&a, 0, sizeof(a));
	if ((rc = answers_read(o.answers, &a, &err)) != ANSWERS_OK) {
		fprintf(stderr, "%s%s\n", rc == ANSWERS_NOFILE ?
		    "smp-intake: " : "", err);
		rc = rc == ANSWERS_NOFILE ? SMP_EXIT_NOINPUT : SMP_EXIT_DATAERR;
	} else if ((rc = record_validate(f, lang, &a, o.answers)) == 0)
		rc = record_run(&o, f, lang, &a);
	free(err);
	answers_done(&a);
	form_free(f);
	return rc;
}
