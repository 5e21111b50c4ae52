/*
 * cmd_set_pin.c: "smp-intake set-pin --config FILE": read a new staff PIN
 * (twice, without echo, from the terminal; one line from stdin when stdin
 * is not a terminal) and write its hash into the config file.  The PIN
 * itself is never stored or printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "base/defs.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "cmd/config.h"
#include "cmd/pin.h"

/* Print the command's usage. */
static void
set_pin_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake set-pin --config FILE\n"
	    "Reads the new staff PIN (at least %d characters) twice from the "
	    "terminal,\nor once from standard input when it is not a "
	    "terminal, and writes its hash\ninto the [staff] section of "
	    "FILE (created mode 0600 if missing).\n", PIN_MIN_LEN);
}

/* Read one line from fp into buf without its newline; -1 at EOF. */
static int
read_line(FILE *fp, char *buf, size_t size)
{
	size_t	n;

	if (fgets(buf, (int)size, fp) == NULL)
		return -1;
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	return 0;
}

/* Prompt on the terminal and read a line with echo off. */
static int
read_hidden(const char *prompt, char *buf, size_t size)
{
	struct termios	 old, quiet;
	int		 rc;

	fputs(prompt, stderr);
	fflush(stderr);
	if (tcgetattr(STDIN_FILENO, &old) != 0)
		return read_line(stdin, buf, size);
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	rc = read_line(stdin, buf, size);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	return rc;
}

/* Get the new PIN into pin; returns an exit status. */
static int
get_pin(char *pin, size_t size)
{
	char	again[PIN_MAX_LEN * 4 + 2];
	int	rc = SMP_EXIT_OK;

	if (!isatty(STDIN_FILENO))
		return read_line(stdin, pin, size) < 0 ? SMP_EXIT_NOINPUT :
		    SMP_EXIT_OK;
	if (read_hidden("New staff PIN: ", pin, size) < 0 ||
	    read_hidden("Same PIN again: ", again, sizeof(again)) < 0)
		rc = SMP_EXIT_NOINPUT;
	else if (strcmp(pin, again) != 0) {
		fprintf(stderr, "smp-intake: set-pin: the two PINs differ; "
		    "nothing changed\n");
		rc = SMP_EXIT_DATAERR;
	}
	explicit_bzero(again, sizeof(again));
	return rc;
}

/* Hash pin and write it to path; returns an exit status. */
static int
store_pin(const char *path, const char *pin)
{
	char	 hash[PIN_HASH_MAX];
	char	*err = NULL;

	if (pin_check_new(pin, &err) < 0) {
		fprintf(stderr, "smp-intake: set-pin: %s\n", err);
		free(err);
		return SMP_EXIT_DATAERR;
	}
	if (pin_hash(pin, hash, &err) < 0) {
		fprintf(stderr, "smp-intake: set-pin: %s\n", err);
		free(err);
		return SMP_EXIT_SOFTWARE;
	}
	if (config_write_pin_hash(path, hash, &err) < 0) {
		fprintf(stderr, "smp-intake: set-pin: %s\n", err);
		free(err);
		return SMP_EXIT_CANTCREAT;
	}
	fprintf(stderr, "smp-intake: staff PIN set in %s\n", path);
	return SMP_EXIT_OK;
}

/* The set-pin sub-command. */
int
cmd_set_pin(int argc, char **argv)
{
	char		 pin[PIN_MAX_LEN * 4 + 2];
	const char	*path = getenv("SMP_INTAKE_CONFIG");
	const struct cli_opt opts[] = {
		{ "config", 'c', &path, NULL },
		{ NULL, 0, NULL, NULL }
	};
	int		 first, rc;

	if ((rc = cli_parse(argc, argv, opts, 0, set_pin_usage, &first)) >= 0)
		return rc;
	if (path == NULL) {
		set_pin_usage(stderr);
		return SMP_EXIT_USAGE;
	}
	if ((rc = get_pin(pin, sizeof(pin))) == SMP_EXIT_OK)
		rc = store_pin(path, pin);
	explicit_bzero(pin, sizeof(pin));
	return rc;
}
