/*
 * cli.c: helpers for the sub-commands: loading a form and reporting its
 * problems once, the same way everywhere.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "base/diag.h"
#include "base/util.h"

int
cli_load_form(const char *path, unsigned flags, struct form **fp)
{
	struct diag	*d;
	size_t		 i;
	int		 rc = 0;

	if (access(path, R_OK) != 0) {
		fprintf(stderr, "smp-intake: %s: cannot read the form\n",
		    path);
		return SMP_EXIT_NOINPUT;
	}
	d = diag_new(path, DIAG_DEFAULT_LIMIT);
	if ((*fp = form_load(path, flags, d)) == NULL) {
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
