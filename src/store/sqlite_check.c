/*
 * sqlite_check.c: the integrity check (PRAGMA quick_check) of a database
 * on a thread and a read-only connection of its own.
 *
 * quick_check reads every page: 2.4 s at 100,000 intakes, about 24 s at
 * 1,000,000.  Run before the kiosk's first screen, it made start grow with
 * the database; on a thread it runs while the welcome screen waits, and
 * the kiosk polls for the verdict.  The thread touches nothing but its own
 * connection and this struct (under the mutex), and blocks every signal
 * so they reach the main thread.
 */
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

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
