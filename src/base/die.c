/*
 * die.c: fatal errors, after the registered hook has restored what needs
 * restoring (see base/die.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/die.h"

static void (*die_hook)(void);

/* Register the function die() calls before printing. */
void
die_set_hook(void (*hook)(void))
{
	die_hook = hook;
}

/* Run the hook once, print the message (and errno's), exit. */
static SMP_NORETURN void
die_v(int with_errno, const char *fmt, va_list ap)
{
	int	 saved = errno;
	void	(*hook)(void) = die_hook;

	die_hook = NULL;
	if (hook != NULL)
		hook();
	fputs("smp-intake: ", stderr);
	vfprintf(stderr, fmt, ap);
	if (with_errno)
		fprintf(stderr, ": %s", strerror(saved));
	fputc('\n', stderr);
	exit(SMP_EXIT_SOFTWARE);
}

/* Fatal error with errno's message. */
void
die(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	die_v(1, fmt, ap);
}

/* Fatal error. */
void
diex(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	die_v(0, fmt, ap);
}
