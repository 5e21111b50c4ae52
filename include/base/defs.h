/*
 * defs.h: compiler attributes, a counting macro and the exit statuses
 * (sysexits) every layer maps its errors to.  Header only.
 */
#ifndef SMP_DEFS_H
#define SMP_DEFS_H

#define SMP_PRINTFLIKE(f, a)	__attribute__((format(printf, f, a)))
#define SMP_NORETURN		_Noreturn
#define SMP_NELEM(a)		(sizeof(a) / sizeof((a)[0]))

/* Exit statuses (sysexits). */
enum smp_exit {
	SMP_EXIT_OK = 0,
	SMP_EXIT_FAIL = 1,	/* anything else */
	SMP_EXIT_USAGE = 64,	/* bad command line */
	SMP_EXIT_DATAERR = 65,	/* bad form or bad answers */
	SMP_EXIT_NOINPUT = 66,	/* input file missing or unreadable */
	SMP_EXIT_SOFTWARE = 70,	/* internal error */
	SMP_EXIT_CANTCREAT = 73,	/* cannot create output */
	SMP_EXIT_IOERR = 74,	/* I/O error (disk full, locked database) */
	SMP_EXIT_TEMPFAIL = 75,	/* try again later (database busy) */
	SMP_EXIT_CONFIG = 78	/* bad configuration file */
};

#endif
