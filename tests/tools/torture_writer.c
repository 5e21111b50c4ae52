/*
 * torture_writer.c: a store client for the durability suites
 * (tests/suites/torture.sh, store.sh).
 *
 *   torture_writer [--paced] DB [OPS [VALUE_BYTES]]
 *
 * Begins intakes and saves answers in a fixed pattern, printing a line
 * (and flushing) only AFTER each store call returned, so every printed
 * line is a promise the database must keep even if we are killed right
 * after.  For each intake, op k = 1..20: if k % 7 == 0 delete q(k-3),
 * else put q(k); then complete it and begin the next one.
 *
 *   I ID           intake begun
 *   P ID qK VALUE  answer saved
 *   D ID qK        answer deleted
 *   C ID           intake completed
 *
 * Stops after OPS answer operations (0 = forever).  On a store error it
 * prints "E <exit status> <message>" to stderr and exits with that
 * status.  VALUE_BYTES pads each value (to fill a small disk quickly).
 * --paced: read one byte from stdin before each operation (and stop at
 * its end), so the test decides how far ahead of its reading we may run.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/xmalloc.h"
#include "store/store.h"

#define OPS_PER_INTAKE	20

static int	paced;		/* --paced: one stdin byte per operation */

/* In paced mode, wait for the go-ahead of the next operation. */
static void
pace(void)
{
	if (paced && getchar() == EOF)
		exit(0);
}

/* Print the error and exit with its status. */
static void
fail(int rc, char *err)
{
	fprintf(stderr, "E %d %s\n", store_exit_status(rc),
	    err != NULL ? err : "?");
	exit(store_exit_status(rc));
}

/* Print a line (freeing it) and flush, or exit if stdout is gone. */
static void
say(char *line)
{
	if (fputs(line, stdout) < 0 || fflush(stdout) != 0)
		exit(SMP_EXIT_IOERR);
	free(line);
}

/* One intake's worth of operations; returns the ops done. */
static long
one_intake(struct store *s, const char *hash, long left, size_t pad)
{
	struct intake_outcome	 out;
	struct intake_line	 lines[2] = {
		{ "points", "q1=a", 5, "Q1: A: +5 points" },
		{ "flag", "f", 0, "Flag: torture" }
	};
	char			 id[STORE_ID_LEN + 1], q[32], *v, *err = NULL;
	long			 done = 0;
	int			 k, rc;

	pace();
	if ((rc = store_intake_begin(s, hash, "torture", "en", "kiosk", id,
	    &err)) != STORE_OK)
		fail(rc, err);
	say(xasprintf("I %s\n", id));
	for (k = 1; k <= OPS_PER_INTAKE && (left == 0 || done < left); k++) {
		pace();
		if (k % 7 == 0) {
			snprintf(q, sizeof(q), "q%d", k - 3);
			if ((rc = store_answer_put(s, id, q, NULL, &err)) !=
			    STORE_OK)
				fail(rc, err);
			say(xasprintf("D %s q%d\n", id, k - 3));
		} else {
			snprintf(q, sizeof(q), "q%d", k);
			v = xasprintf("v%d-%s-%0*d", k, id + 30, (int)pad, 0);
			if ((rc = store_answer_put(s, id, q, v, &err)) !=
			    STORE_OK)
				fail(rc, err);
			say(xasprintf("P %s q%d %s\n", id, k, v));
			free(v);
		}
		done++;
	}
	if (k > OPS_PER_INTAKE) {
		pace();
		memset(&out, 0, sizeof(out));
		out.outcome = out.band = "ok";
		out.has_score = true;
		out.score = 5;
		if ((rc = store_intake_complete(s, id, &out, lines, 2,
		    &err)) != STORE_OK)
			fail(rc, err);
		say(xasprintf("C %s\n", id));
	}
	return done;
}

int
main(int argc, char **argv)
{
	struct store	*s;
	struct form	 f;
	char		 hash[STORE_HASH_LEN + 1], *err = NULL;
	long		 ops = 0, done = 0;
	size_t		 pad = 0;
	int		 rc;

	if (argc > 1 && strcmp(argv[1], "--paced") == 0) {
		paced = 1;
		argv++;
		argc--;
	}
	if (argc < 2 || argc > 4) {
		fprintf(stderr, "usage: torture_writer [--paced] DB [OPS "
		    "[VALUE_BYTES]]\n");
		return SMP_EXIT_USAGE;
	}
	if (argc > 2)
		ops = atol(argv[2]);
	if (argc > 3)
		pad = (size_t)atol(argv[3]);
	if ((rc = store_open(argv[1], 0, &s, &err)) != STORE_OK)
		fail(rc, err);
	memset(&f, 0, sizeof(f));
	f.id = (char *)"torture";
	f.version = 1;
	f.source = (char *)"form torture version 1\n";
	f.source_len = strlen(f.source);
	if ((rc = store_form_put(s, &f, hash, &err)) != STORE_OK)
		fail(rc, err);
	while (ops == 0 || done < ops)
		done += one_intake(s, hash, ops == 0 ? 0 : ops - done, pad);
	store_close(s);
	return 0;
}
