/*
 * sqlite_check.c: the integrity check (PRAGMA quick_check) of a database
 * on a thread and a read-only connection of its own; and the check of a
 * database file that merge is about to read (sqlite_check_source).
 *
 * quick_check reads every page: 2.4 s at 100,000 intakes, about 24 s at
 * 1,000,000.  Run before the kiosk's first screen, it made start grow with
 * the database; on a thread it runs while the welcome screen waits, and
 * the kiosk polls for the verdict.  The thread touches nothing but its own
 * connection and this struct (under the mutex), and blocks every signal
 * so they reach the main thread.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/textsafe.h"
#include "base/xmalloc.h"
#include "sqlite.h"
#include "sqlite_check.h"

/* The backend's store_check: a thread and its verdict. */
struct sqlite_check {
	struct store_check base;	/* first: what the wrappers see */
	pthread_t	 thread;
	char		*path;		/* the database file (read-only copy) */
	pthread_mutex_t	 mu;		/* guards everything below */
	struct sqlite_store *ss;	/* its connection while it runs */
	bool		 cancel;	/* store_check_free: stop now */
	bool		 done;		/* rc and err are the verdict */
	int		 rc;
	char		*err;
};

/* Open the check's own connection and run quick_check on it. */
static int
sqlite_check_run(struct sqlite_check *c, struct sqlite_store *ss,
    char **errp)
{
	bool	cancel;
	int	rc;

	/* Not sqlite_open: it sets the umask, which is per process. */
	rc = sqlite3_open_v2(ss->base.path, &ss->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot check the database", errp);
	sqlite3_busy_timeout(ss->db, 5000);
	pthread_mutex_lock(&c->mu);
	if (!(cancel = c->cancel))
		c->ss = ss;	/* now sqlite_check_free may interrupt */
	pthread_mutex_unlock(&c->mu);
	if (cancel)
		return STORE_OK;
	rc = sqlite_quick_check(ss, errp);
	pthread_mutex_lock(&c->mu);
	c->ss = NULL;
	pthread_mutex_unlock(&c->mu);
	return rc;
}

/* The check's thread: run it, then leave the verdict under the mutex. */
static void *
sqlite_check_main(void *arg)
{
	struct sqlite_check	*c = arg;
	struct sqlite_store	*ss;
	char			*err = NULL;
	int			 rc;

	ss = sqlite_new(c->path, STORE_RDONLY);
	rc = sqlite_check_run(c, ss, &err);
	sqlite_close(&ss->base);
	pthread_mutex_lock(&c->mu);
	c->rc = rc;
	c->err = err;
	c->done = true;
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

/* store_check.poll: 1 while running, then the verdict (once). */
static int
sqlite_check_poll(struct store_check *sc, char **errp)
{
	struct sqlite_check	*c = (struct sqlite_check *)sc;
	int			 rc = 1;

	pthread_mutex_lock(&c->mu);
	if (c->done) {
		rc = c->rc;
		if (rc != STORE_OK && errp != NULL) {
			*errp = c->err;
			c->err = NULL;
		}
	}
	pthread_mutex_unlock(&c->mu);
	return rc;
}

/* store_check.free: interrupt a check still running, wait, free. */
static void
sqlite_check_free(struct store_check *sc)
{
	struct sqlite_check	*c = (struct sqlite_check *)sc;

	pthread_mutex_lock(&c->mu);
	c->cancel = true;
	if (c->ss != NULL)
		sqlite3_interrupt(c->ss->db);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->thread, NULL);
	pthread_mutex_destroy(&c->mu);
	free(c->path);
	free(c->err);
	free(c);
}

/* Start the integrity check of s's file on a thread of its own. */
int
sqlite_check_start(const struct store *s, struct store_check **cp,
    char **errp)
{
	struct sqlite_check	*c;
	sigset_t		 all, old;
	int			 e;

	c = xcalloc(1, sizeof(*c));
	c->base.poll = sqlite_check_poll;
	c->base.free = sqlite_check_free;
	c->path = xstrdup(s->path);
	pthread_mutex_init(&c->mu, NULL);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	e = pthread_create(&c->thread, NULL, sqlite_check_main, c);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (e != 0) {
		pthread_mutex_destroy(&c->mu);
		free(c->path);
		free(c);
		return store_err(STORE_ERR, errp, "%s: cannot start the "
		    "integrity check (%s)", s->path, strerror(e));
	}
	*cp = &c->base;
	return STORE_OK;
}

/*
 * The columns merge reads from each table of another database: whatever
 * its schema version, these must be there, in tables (not views).
 */
static const struct {
	const char	*table;
	const char	*select;	/* reads every column merge reads */
} source_shape[] = {
	{ "forms", "SELECT hash, form_id, version, source, added_at "
	  "FROM main.forms LIMIT 0" },
	{ "intakes", "SELECT id, form_hash, kiosk_id, lang, source, status, "
	  "started_at, updated_at, completed_at, score, band "
	  "FROM main.intakes LIMIT 0" },
	{ "answers", "SELECT intake_id, question, value, answered_at "
	  "FROM main.answers LIMIT 0" },
	{ "result_lines", "SELECT intake_id, seq, kind, code, points, text "
	  "FROM main.result_lines LIMIT 0" }
};

/*
 * A damaged source: its message names the file and SQLite's finding, on
 * one line, without the "*** in database main ***" heading, and made
 * safe to print (the finding may quote the file's own table names).
 */
static int
sqlite_check_damaged(const char *path, const char *finding, char **errp)
{
	static const char	 head[] = "*** in database main ***\n";
	char			*one, *p, *safe;
	int			 rc;

	if (strncmp(finding, head, sizeof(head) - 1) == 0)
		finding += sizeof(head) - 1;
	one = xstrdup(finding);
	for (p = one; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	if (strlen(one) > 200)
		strcpy(one + 197, "...");
	safe = textsafe(one, 0);
	rc = store_err(STORE_CORRUPT, errp, "%s: the database to merge is "
	    "damaged (%s); nothing was merged", path, safe);
	free(safe);
	free(one);
	return rc;
}

/*
 * Make the connection of ss as wary as a file from anywhere needs: no
 * writes to the schema or pages behind SQLite's back (DEFENSIVE), no
 * function of a file's schema run unless harmless (trusted_schema off),
 * every cell's size checked as it is read (cell_size_check), no memory
 * map (a file cut short under a map kills with SIGBUS).  Also used on the
 * merging connection, which attaches the file.
 */
int
sqlite_check_defensive(struct sqlite_store *ss, char **errp)
{
	int	rc;

	if ((rc = sqlite3_db_config(ss->db, SQLITE_DBCONFIG_DEFENSIVE, 1,
	    (int *)NULL)) != SQLITE_OK || (rc = sqlite3_db_config(ss->db,
	    SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL)) != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot set up a safe connection",
		    errp);
	return sqlite_exec(ss, "PRAGMA cell_size_check = ON;"
	    "PRAGMA mmap_size = 0", "cannot set up a safe connection", errp);
}

/* The source's own connection also runs no trigger and no view: merge
   reads only tables, and the check must not run the file's code. */
static int
sqlite_check_no_code(struct sqlite_store *ss, char **errp)
{
	int	rc;

	if ((rc = sqlite3_db_config(ss->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0,
	    (int *)NULL)) != SQLITE_OK || (rc = sqlite3_db_config(ss->db,
	    SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL)) != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot set up a safe connection",
		    errp);
	return STORE_OK;
}

/* PRAGMA integrity_check on ss: STORE_OK, or damaged with the first
   finding. */
static int
sqlite_check_integrity(struct sqlite_store *ss, char **errp)
{
	sqlite3_stmt	*st;
	const char	*v;
	int		 rc;

	rc = sqlite3_prepare_v2(ss->db, "PRAGMA integrity_check(1)", -1, &st,
	    NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = (const char *)sqlite3_column_text(st, 0);
		if (v != NULL && strcmp(v, "ok") == 0)
			rc = STORE_OK;
		else
			rc = sqlite_check_damaged(ss->base.path, v != NULL ?
			    v : "integrity check failed", errp);
	} else if ((rc & 0xff) == SQLITE_NOTADB)
		rc = store_err(STORE_CORRUPT, errp, "%s: not a database (not "
		    "SQLite); nothing was merged", ss->base.path);
	else if ((rc & 0xff) == SQLITE_CORRUPT)
		rc = sqlite_check_damaged(ss->base.path,
		    sqlite3_errmsg(ss->db), errp);
	else
		rc = sqlite_fail(ss, rc, "cannot check the database to merge",
		    errp);
	sqlite3_finalize(st);
	return rc;
}

/* Every table merge reads is there with its columns. */
static int
sqlite_check_shape(struct sqlite_store *ss, char **errp)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc, n;

	for (i = 0; i < sizeof(source_shape) / sizeof(source_shape[0]); i++) {
		if ((rc = sqlite_count(ss, "SELECT count(*) FROM "
		    "main.sqlite_master WHERE type = 'table' AND name = ?1",
		    source_shape[i].table, &n, errp)) != STORE_OK)
			return rc;
		st = NULL;
		if (n != 1 || sqlite3_prepare_v2(ss->db,
		    source_shape[i].select, -1, &st, NULL) != SQLITE_OK) {
			sqlite3_finalize(st);
			return store_err(STORE_CORRUPT, errp, "%s: not a "
			    "smp-intake database (no table %s as merge needs "
			    "it); nothing was merged", ss->base.path,
			    source_shape[i].table);
		}
		sqlite3_finalize(st);
	}
	return STORE_OK;
}

/* See sqlite_check.h. */
int
sqlite_check_source(const char *path, char **errp)
{
	struct sqlite_store	*ss;
	char			*uri = NULL;
	int			 rc;

	if (access(path, F_OK) < 0)
		return store_err(errno == ENOENT ? STORE_NOTFOUND :
		    STORE_CANTOPEN, errp, "%s: no such database (%s)", path,
		    strerror(errno));
	ss = sqlite_new(path, STORE_RDONLY);
	if ((rc = sqlite_ro_uri(path, &uri, errp)) != STORE_OK)
		goto done;
	rc = sqlite3_open_v2(uri, &ss->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		rc = sqlite_fail(ss, rc, "cannot open the database to merge",
		    errp);
		goto done;
	}
	sqlite3_extended_result_codes(ss->db, 1);
	sqlite3_busy_timeout(ss->db, 5000);
	if ((rc = sqlite_check_defensive(ss, errp)) == STORE_OK &&
	    (rc = sqlite_check_no_code(ss, errp)) == STORE_OK &&
	    (rc = sqlite_check_integrity(ss, errp)) == STORE_OK)
		rc = sqlite_check_shape(ss, errp);
done:
	free(uri);
	sqlite_close(&ss->base);
	return rc;
}
