/*
 * cmd_export.c: "smp-intake export": intakes as CSV on stdout or, with
 * --out, atomically into a file (docs/export.md).
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "report/export.h"
#include "base/defs.h"

/* The command's help. */
static void
export_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake export [--format wide|long] [--labels] "
	    "[--lang CODE]\n"
	    "         [--deidentify] [--bom] [--since DATE] [--until DATE]\n"
	    "         [--status S] [--out FILE] [--db DB] [--config FILE]\n"
	    "CSV (RFC 4180, CRLF line ends).  wide: one row per intake; "
	    "long: one row per\nanswer.  Codes unless --labels.  Cells a "
	    "spreadsheet would run as a formula\nget a leading '.  --out "
	    "writes FILE atomically, mode 0600.  See docs/export.md.\n"
	    "exit status: 0 ok, 64 usage, 66 no database, 73 cannot create "
	    "FILE, 74 I/O error.\n");
}

/* Parse the options into o, db, config, out; -1 on a usage error, 1
   after --help. */
static int
export_args(int argc, char **argv, struct export_opts *o, const char **db,
    const char **config, const char **out)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "labels", no_argument, NULL, 'L' },
		{ "lang", required_argument, NULL, 'l' },
		{ "deidentify", no_argument, NULL, 'd' },
		{ "bom", no_argument, NULL, 'b' },
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "status", required_argument, NULL, 'S' },
		{ "out", required_argument, NULL, 'o' },
		{ "db", required_argument, NULL, 'D' },
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:Ll:dbs:u:S:o:D:c:h", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "wide") == 0)
				o->format = EXPORT_WIDE;
			else if (strcmp(optarg, "long") == 0)
				o->format = EXPORT_LONG;
			else {
				fprintf(stderr, "smp-intake: export: --format:"
				    " want wide or long\n");
				return -1;
			}
			break;
		case 'L': o->labels = true; break;
		case 'l': o->lang = optarg; break;
		case 'd': o->deidentify = true; break;
		case 'b': o->bom = true; break;
		case 's': o->filter.since = optarg; break;
		case 'u': o->filter.until = optarg; break;
		case 'S': o->filter.status = optarg; break;
		case 'o': *out = optarg; break;
		case 'D': *db = optarg; break;
		case 'c': *config = optarg; break;
		case 'h': export_usage(stdout); return 1;
		default: export_usage(stderr); return -1;
		}
	}
	if (optind != argc) {
		export_usage(stderr);
		return -1;
	}
	return 0;
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
	if ((rc = export_args(argc, argv, &o, &db, &config, &out)) != 0)
		return rc > 0 ? SMP_EXIT_OK : SMP_EXIT_USAGE;
	if (query_filter_check(&o.filter, &err) < 0) {
		fprintf(stderr, "smp-intake: export: %s\n", err);
		free(err);
		return SMP_EXIT_USAGE;
	}
	export_catch_signals();
	o.stop = &export_signal;
	if ((rc = cli_open_store("export", db, config, CLI_AUDITED, &s)) != 0)
		return rc;
	if (out != NULL)
		rc = export_to_path(s, &o, out, &rows, &err);
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
