/*
 * smp_answers.h: a set of answers read from a CSV file (libcsv), for
 * "smp-intake score" and "smp-intake record".
 *
 * The file has the header "question,value" (a UTF-8 byte order mark is
 * tolerated), then one row per answer: a question id (or an agree
 * screen's id, with the value "agreed") and its value as typed; a
 * multiple-choice value is codes joined by ';'.  Empty lines are ignored.
 * Values are not checked here: the engine does that, knowing the form.
 */
#ifndef SMP_ANSWERS_H
#define SMP_ANSWERS_H

#include <stddef.h>

#define ANSWERS_MAX_BYTES	(4u * 1024 * 1024)	/* largest file */

enum answers_rc {
	ANSWERS_OK = 0,
	ANSWERS_NOFILE = -1,	/* cannot open or read the file */
	ANSWERS_BAD = -2	/* not a valid answers file */
};

struct answer {
	char	*question;	/* id as written, owned */
	char	*value;		/* value as written, owned (may be "") */
	int	 line;		/* line of the file where the row starts */
};

/* Embed and fill with answers_read()/answers_parse(); answers_done(). */
struct answers {
	struct answer	*v;	/* rows in file order, owned */
	size_t		 n;	/* rows */
};

/*
 * Read path into a (which the caller then releases with answers_done(),
 * also after an error).  Returns ANSWERS_OK, or ANSWERS_NOFILE/ANSWERS_BAD
 * with *errp set to "path: reason" or "path:LINE: reason" (caller frees).
 */
int	answers_read(const char *path, struct answers *a, char **errp);
/* As answers_read, over buf[0..len) named name in messages. */
int	answers_parse(const char *name, const char *buf, size_t len,
	    struct answers *a, char **errp);
/* Release the rows, overwriting the values (personal data). */
void	answers_done(struct answers *a);

#endif
