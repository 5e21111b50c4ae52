/*
 * cli.c: helpers for the sub-commands: loading a form or opening the
 * database and reporting their problems once, the same way everywhere.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "cmd/config.h"
#include "form/form_load.h"
#include "base/diag.h"
#include "base/file.h"
#include "base/xmalloc.h"
#include "base/defs.h"
#include "store/query.h"
#include "store/store.h"

/* Read and check a form, printing every problem once. */
int
cli_load_form(const char *path, unsigned flags, struct form **fp)
{
	struct diag	*d;
	char		*buf, *dir, *err = NULL;
	size_t		 len, i;
	int		 rc = 0;

	*fp = NULL;
	if ((buf = file_read(path, FORM_MAX_BYTES, &len, &err)) == NULL) {
		fprintf(stderr, "smp-intake: %s\n", err);
		free(err);
		return SMP_EXIT_NOINPUT;
	}
	d = diag_new(path, DIAG_DEFAULT_LIMIT);
	dir = form_load_art_dir(path);
	if ((*fp = form_load_text(path, buf, len, dir, flags, d)) == NULL) {
		for (i = 0; i < diag_kept(d); i++)
			fprintf(stderr, "%s\n", diag_message(d, i));
		if (diag_count(d) > diag_kept(d))
			fprintf(stderr, "%s: too many errors; stopped after "
			    "%zu\n", path, diag_kept(d));
		rc = SMP_EXIT_DATAERR;
	}
	free(dir);
	free(buf);
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
	free(path);
	if (rc == STORE_OK)
		return SMP_EXIT_OK;
	if (cmd != NULL)
		fprintf(stderr, "smp-intake: %s: %s\n", cmd, err);
	else
		fprintf(stderr, "smp-intake: %s\n", err);
	free(err);
	return store_exit_status(rc);
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
