/*
 * smp_util.h: allocation that never fails, a growable string, fatal errors.
 *
 * The x* allocators abort the program (through die()) on exhaustion, so
 * callers never test for NULL.  die()/diex() first run the hook registered
 * with util_set_die_hook(), which the UI uses to restore the terminal.
 */
#ifndef SMP_UTIL_H
#define SMP_UTIL_H

#include <stdarg.h>
#include <stddef.h>

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

void	*xmalloc(size_t size);
void	*xcalloc(size_t n, size_t size);
void	*xrealloc(void *p, size_t size);
void	*xreallocarray(void *p, size_t n, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string; the caller frees it. */
char	*xasprintf(const char *fmt, ...) SMP_PRINTFLIKE(1, 2);
char	*xvasprintf(const char *fmt, va_list ap) SMP_PRINTFLIKE(1, 0);

/* Overwrite then free a string that may hold personal data. */
void	 xfree_secret(char *s);

/* Fatal errors: die() appends strerror(errno), diex() does not. */
SMP_NORETURN void die(const char *fmt, ...) SMP_PRINTFLIKE(1, 2);
SMP_NORETURN void diex(const char *fmt, ...) SMP_PRINTFLIKE(1, 2);
/* Called once by die()/diex() before printing (e.g. endwin). */
void	 util_set_die_hook(void (*hook)(void));

/* A growable NUL-terminated byte string.  Embed and util_sb_init() it. */
struct strbuf {
	char	*s;	/* the bytes, always NUL-terminated after init */
	size_t	 len;	/* bytes used, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
};

void	 sb_init(struct strbuf *sb);
void	 sb_add(struct strbuf *sb, const char *s, size_t len);
void	 sb_adds(struct strbuf *sb, const char *s);
void	 sb_addc(struct strbuf *sb, char c);
void	 sb_addf(struct strbuf *sb, const char *fmt, ...) SMP_PRINTFLIKE(2, 3);
void	 sb_reset(struct strbuf *sb);
/* Hand the bytes to the caller (who frees them); sb is left empty and
   holds no memory (sb_done is then optional). */
char	*sb_detach(struct strbuf *sb);
void	 sb_done(struct strbuf *sb);

/*
 * UTF-8 helpers.  utf8_valid() checks a whole buffer (no overlongs, no
 * surrogates); on failure *bad is the byte offset of the first bad byte.
 */
int	 utf8_valid(const char *s, size_t len, size_t *bad);
/* Length in code points of a valid UTF-8 string. */
size_t	 utf8_len(const char *s);

/*
 * Columns of the terminal on stdout: $COLUMNS if set (min..1000), else the
 * tty's width if at least min, else 80 (a pipe or a file).
 */
size_t	 util_term_width(size_t min);

/* Read a whole file (up to max bytes) into a NUL-terminated buffer. */
char	*util_read_file(const char *path, size_t max, size_t *lenp, char **errp);

#endif
