/*
 * smp_cli.h: helpers shared by the sub-commands (src/cmd_*.c), which are
 * the only places that print.
 */
#ifndef SMP_CLI_H
#define SMP_CLI_H

#include <stddef.h>

#include "form/form.h"

/*
 * Load and check the form at path (flags as for form_load).  On failure
 * print every problem on stderr and return an exit status: 66 if the file
 * cannot be read, 65 if the form is broken.  0 and *fp on success.
 */
int	cli_load_form(const char *path, unsigned flags, struct form **fp);
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
