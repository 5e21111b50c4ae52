/*
 * cmd_export.c: "smp-intake export": intakes as CSV on stdout or, with
 * --out, atomically into a file (docs/export.md).
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "report/export.h"

/* The command's help. */
static void
export_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake export [--format wide|long] [--labels] "
	    "[--lang CODE]\n"
	    "         [--deidentify] [--bom] [--since DATE] [--until DATE]\n"
	    "         [--status S] [--kiosk ID] [--clinic NAME]\n"
	    "         [--out FILE [--force]] [--db DB] [--config FILE]\n"
	    "CSV (RFC 4180, CRLF line ends).  wide: one row per intake; "
	    "long: one row per\nanswer.  Codes unless --labels.  Cells a "
	    "spreadsheet would run as a formula\nget a leading '.  --out "
	    "writes FILE atomically, mode 0600; an existing FILE is\n"
	    "replaced only with --force, and a database never.  See "
	    "docs/export.md.\n"
	    "exit status: 0 ok, 64 usage, 66 no database, 73 cannot create "
	    "FILE (or it exists),\n74 I/O error.\n");
}

/* Parse the options into o, db, config and out; -1 to go on, else the
   exit status (0 after --help, 64 after a usage error). */
static int
export_args(int argc, char **argv, struct export_opts *o, const char **db,
    const char **config, const char **out)
{
	const char		*format = "wide";
	bool			 force = false;
	const struct cli_opt	 opts[] = {
		{ "format", 'f', &format, NULL },
		{ "labels", 'L', NULL, &o->labels },
		{ "lang", 'l', &o->lang, NULL },
		{ "deidentify", 'd', NULL, &o->deidentify },
		{ "bom", 'b', NULL, &o->bom },
		{ "since", 's', &o->filter.since, NULL },
		{ "until", 'u', &o->filter.until, NULL },
		{ "status", 'S', &o->filter.status, NULL },
		{ "kiosk", 'k', &o->filter.kiosk, NULL },
		{ "clinic", 'C', &o->filter.clinic, NULL },
		{ "out", 'o', out, NULL },
		{ "force", 'F', NULL, &force },
		{ "db", 'D', db, NULL },
		{ "config", 'c', config, NULL },
		{ NULL, 0, NULL, NULL }
	};
	int			 first, rc;

	if ((rc = cli_parse(argc, argv, opts, 0, export_usage, &first)) >= 0)
		return rc;
	if (strcmp(format, "wide") == 0)
		o->format = EXPORT_WIDE;
	else if (strcmp(format, "long") == 0)
		o->format = EXPORT_LONG;
	else {
		fprintf(stderr, "smp-intake: export: --format: want wide or "
		    "long\n");
		return SMP_EXIT_USAGE;
	}
	if (force && *out == NULL) {
		fprintf(stderr, "smp-intake: export: --force: only with "
		    "--out\n");
		return SMP_EXIT_USAGE;
	}
	o->exists = force ? EXPORT_REPLACE : EXPORT_REFUSE;
	return -1;
}

/* The signal that asked the export to stop, or 0. */
static volatile sig_atomic_t export_signal;

static void
export_on_signal(int sig)
{
	export_signal = sig;
}

/*
 * Ctrl-C, SIGTERM or SIGHUP stop the export between rows instead of
 * killing it, so --out removes its temporary file (a partial copy of
 * health data) rather than leaving it beside the target.
 */
static void
export_catch_signals(void)
{
	static const int	 sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction	 sa;
	size_t			 i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = export_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < SMP_NELEM(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
}

int
cmd_export(int argc, char **argv)
{
	struct export_opts	 o;
	struct store		*s;
	const char		*db = NULL, *config = NULL, *out = NULL;
	char			*err = NULL;
	long			 rows = 0;
	int			 rc;

	memset(&o, 0, sizeof(o));
	if ((rc = export_args(argc, argv, &o, &db, &config, &out)) >= 0)
		return rc;
	export_catch_signals();
	o.stop = &export_signal;
	if ((rc = cli_open_filtered("export", &o.filter, db, config,
	    CLI_AUDITED, &s)) != 0)
		return rc;
	if (out != NULL)
		rc = export_to_path(s, &o, out, NULL, &rows, &err);
	else {
		setvbuf(stdout, NULL, _IOFBF, 1 << 20);
		rc = export_write(s, &o, stdout, &rows, &err);
	}
	if (rc != 0)
		fprintf(stderr, "smp-intake: export: %s\n", err);
	else if (out != NULL)
		fprintf(stderr, "smp-intake: exported %ld row%s to %s\n", rows,
		    rows == 1 ? "" : "s", out);
	free(err);
	store_close(s);
	if (rc == EXPORT_STOPPED) {
		/* Die of the signal, as the caller expects (status 128+n). */
		signal(export_signal, SIG_DFL);
		raise(export_signal);
	}
	return export_exit_status(rc);
}
