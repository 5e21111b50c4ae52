/*
 * cli.h: helpers shared by the sub-commands (src/cmd/cmd_*.c), which are
 * the only places that print.
 */
#ifndef SMP_CLI_H
#define SMP_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "form/form.h"

struct query_filter;
struct store;

struct store;

#define CLI_ANY		(-1)	/* cli_parse nargs: any number (the command
				   checks them) */

/* One option of a sub-command, and where its value goes. */
struct cli_opt {
	const char	*name;		/* long name: "db" is --db */
	int		 letter;	/* short letter: 'd' is -d */
	const char	**arg;		/* takes a value, kept here; or NULL */
	bool		*flag;		/* no value: set true; or NULL */
};

/*
 * Parse the options of sub-command argv[0] against opts (ended by an
 * entry whose name is NULL; --help and -h are always there): each value
 * or flag goes where its entry says.  Returns -1 to go on, with *first
 * the index of the first operand; or the status the command should exit
 * with: 0 after printing usage on stdout (--help), 64 after printing it
 * on stderr (an unknown option, a missing value, or not nargs
 * operands).
 */
int	cli_parse(int argc, char **argv, const struct cli_opt *opts,
	    int nargs, void (*usage)(FILE *fp), int *first);

/* How cli_open_store opens the database. */
enum cli_open {
	CLI_READ,	/* read-only, must exist (query_open): list, stats,
			   audit */
	CLI_AUDITED,	/* must exist, writes only its audit row
			   (query_open for writing): show, export */
	CLI_CREATE,	/* created if missing, fully checked: record, merge */
	CLI_EXISTING	/* must exist, fully checked: erase */
};

/*
 * Load and check the form at path (flags as for form_load).  On failure
 * print every problem on stderr and return an exit status: 66 if the file
 * cannot be read, 65 if the form is broken.  0 and *fp on success.
 */
int	cli_load_form(const char *path, unsigned flags, struct form **fp);
/*
 * Open the database of command cmd: the path from --db (db), else
 * $SMP_INTAKE_DB, else the config file's (config_db_path), opened as how
 * says into *sp (store_close it).  Returns 0, or an exit status after
 * printing the error once: 78 for a bad config file ("smp-intake: MSG"),
 * else the store's status (store_exit_status) with "smp-intake: CMD: MSG"
 * (just "smp-intake: MSG" when cmd is NULL, as the kiosk says it).
 */
int	cli_open_store(const char *cmd, const char *db, const char *config,
	    enum cli_open how, struct store **sp);
/*
 * As cli_open_store, after checking filter f (dates, status): a bad one
 * is reported ("smp-intake: CMD: MSG") and gives 64.  For list, stats
 * and export, which select intakes the same way.
 */
int	cli_open_filtered(const char *cmd, const struct query_filter *f,
	    const char *db, const char *config, enum cli_open how,
	    struct store **sp);
/*
 * The end of a report command: store result rc (a store_rc) with its
 * message err (freed) reported once, the store closed; the exit status
 * (cli_stdout_status when the report went through).
 */
int	cli_report_done(const char *cmd, struct store *s, int rc, char *err);
/*
 * The exit status of command cmd that wrote its report to stdout: status,
 * unless it is 0 and stdout could not be written (a full disk, a closed
 * pipe's reader gone): then a message on stderr and 74.
 */
int	cli_stdout_status(const char *cmd, int status);

/*
 * Columns of the terminal on stdout: $COLUMNS if set (min..1000), else the
 * tty's width if at least min, else 80 (a pipe or a file).
 */
size_t	cli_term_width(size_t min);

#endif
