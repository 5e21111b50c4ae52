/*
 * cli.c: helpers for the sub-commands: loading a form or opening the
 * database and reporting their problems once, the same way everywhere.
 */
#include <sys/ioctl.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/defs.h"
#include "base/diag.h"
#include "base/file.h"
#include "base/xmalloc.h"
#include "cmd/cli.h"
#include "cmd/config.h"
#include "form/form_load.h"
#include "store/query.h"
#include "store/store.h"

/* Read and check a form, printing every problem once. */
int
cli_load_form(const char *path, unsigned flags, struct form **fp)
{
	struct diag	*d = diag_new(path, DIAG_DEFAULT_LIMIT);
	char		*err = NULL;
	size_t		 i;
	int		 rc = 0;

	if ((*fp = form_load(path, flags, d, &err)) == NULL && err != NULL) {
		fprintf(stderr, "smp-intake: %s\n", err);
		free(err);
		rc = SMP_EXIT_NOINPUT;
	} else if (*fp == NULL) {
		for (i = 0; i < diag_kept(d); i++)
			fprintf(stderr, "%s\n", diag_message(d, i));
		if (diag_count(d) > diag_kept(d))
			fprintf(stderr, "%s: too many errors; stopped after "
			    "%zu\n", path, diag_kept(d));
		rc = SMP_EXIT_DATAERR;
	}
	diag_free(d);
	return rc;
}

/* Resolve the database path, open it, print any error once. */
int
cli_open_store(const char *cmd, const char *db, const char *config,
    enum cli_open how, struct store **sp)
{
	char	*path, *err = NULL;
	int	 rc;

	*sp = NULL;
	if ((path = config_db_path(db, config, &err)) == NULL) {
		fprintf(stderr, "smp-intake: %s\n", err);
		free(err);
		return SMP_EXIT_CONFIG;
	}
	switch (how) {
	case CLI_READ:
		rc = query_open(path, 0, sp, &err);
		break;
	case CLI_AUDITED:
		rc = query_open(path, 1, sp, &err);
		break;
	case CLI_CREATE:
		rc = store_open(path, 0, sp, &err);
		break;
	default:
		rc = store_open(path, STORE_EXISTING, sp, &err);
		break;
	}
	if (rc == STORE_OK) {
		free(path);
		return SMP_EXIT_OK;
	}
	if (cmd != NULL)
		fprintf(stderr, "smp-intake: %s: %s\n", cmd, err);
	else
		fprintf(stderr, "smp-intake: %s\n", err);
	/* show and export let health data out only once the audit log
	   says who did it (docs/storage.md): say why and what to do. */
	if (how == CLI_AUDITED && rc == STORE_READONLY && cmd != NULL)
		fprintf(stderr, "smp-intake: %s: every show and export is "
		    "recorded in the database's audit log first, and it "
		    "cannot be written there, so nothing was read.  Copy the "
		    "database (with its -wal file, if any) to a writable "
		    "folder, or bring its intakes into a writable database "
		    "with \"smp-intake merge --db WRITABLE.db %s\", and run "
		    "%s there.\n", cmd, path, cmd);
	free(path);
	free(err);
	return store_exit_status(rc);
}

int
cli_open_filtered(const char *cmd, const struct query_filter *f,
    const char *db, const char *config, enum cli_open how,
    struct store **sp)
{
	char	*err = NULL;

	if (query_filter_check(f, &err) < 0) {
		fprintf(stderr, "smp-intake: %s: %s\n", cmd, err);
		free(err);
		return SMP_EXIT_USAGE;
	}
	return cli_open_store(cmd, db, config, how, sp);
}

int
cli_report_done(const char *cmd, struct store *s, int rc, char *err)
{
	if (rc != STORE_OK)
		fprintf(stderr, "smp-intake: %s: %s\n", cmd, err);
	free(err);
	store_close(s);
	return cli_stdout_status(cmd, rc == STORE_OK ? SMP_EXIT_OK :
	    store_exit_status(rc));
}

/* The command's exit status, 74 if its report could not be written. */
int
cli_stdout_status(const char *cmd, int status)
{
	if (status != SMP_EXIT_OK)
		return status;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "smp-intake: %s: cannot write the output: %s\n",
		    cmd, strerror(errno));
		return SMP_EXIT_IOERR;
	}
	return status;
}

/* Columns of the terminal on stdout: $COLUMNS, the tty's width, else 80. */
size_t
cli_term_width(size_t min)
{
	struct winsize	 ws;
	const char	*c = getenv("COLUMNS");
	long		 n;

	if (c != NULL && (n = strtol(c, NULL, 10)) >= (long)min && n <= 1000)
		return (size_t)n;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) ==
	    0 && ws.ws_col >= min)
		return ws.ws_col;
	return 80;
}

/* The getopt_long table and short-option string for opts (+ help). */
static struct option *
cli_getopt_table(const struct cli_opt *opts, char *shorts, size_t size)
{
	struct option	*lo;
	size_t		 n = 0, i, k = 0;

	while (opts[n].name != NULL)
		n++;
	lo = xcalloc(n + 2, sizeof(*lo));
	for (i = 0; i < n && k + 3 < size; i++) {
		lo[i].name = opts[i].name;
		lo[i].has_arg = opts[i].arg != NULL ? required_argument :
		    no_argument;
		lo[i].val = opts[i].letter;
		shorts[k++] = (char)opts[i].letter;
		if (opts[i].arg != NULL)
			shorts[k++] = ':';
	}
	lo[n].name = "help";
	lo[n].val = 'h';
	shorts[k++] = 'h';
	shorts[k] = '\0';
	return lo;
}

/* Store one option's value or flag. */
static void
cli_store_opt(const struct cli_opt *opts, int c, const char *arg)
{
	for (; opts->name != NULL; opts++)
		if (opts->letter == c) {
			if (opts->arg != NULL)
				*opts->arg = arg;
			else
				*opts->flag = true;
			return;
		}
}

/* Parse a sub-command's options from a table. */
int
cli_parse(int argc, char **argv, const struct cli_opt *opts, int nargs,
    void (*usage)(FILE *fp), int *first)
{
	struct option	*lo;
	char		 shorts[64];
	int		 c, status = -1, have;

	lo = cli_getopt_table(opts, shorts, sizeof(shorts));
	optind = 1;
	while (status < 0 && (c = getopt_long(argc, argv, shorts, lo,
	    NULL)) != -1) {
		if (c == 'h') {
			usage(stdout);
			status = SMP_EXIT_OK;
		} else if (c == '?' || c == ':')
			status = SMP_EXIT_USAGE;
		else
			cli_store_opt(opts, c, optarg);
	}
	free(lo);
	have = argc - optind;
	if (status < 0 && nargs != CLI_ANY && have != nargs)
		status = SMP_EXIT_USAGE;
	if (status == SMP_EXIT_USAGE)
		usage(stderr);
	*first = optind;
	return status;
}
