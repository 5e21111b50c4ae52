/*
 * store_check.c: the integrity check (PRAGMA quick_check) of a database
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
#include "store_int.h"

struct store_check {
	pthread_t	 thread;
	char		*path;		/* the database file (read-only copy) */
	pthread_mutex_t	 mu;		/* guards everything below */
	struct store	*s;		/* the check's connection while it runs */
	bool		 cancel;	/* store_check_free: stop now */
	bool		 done;		/* rc and err are the verdict */
	int		 rc;
	char		*err;
};

/* Open the check's own connection and run quick_check on it. */
static int
store_check_run(struct store_check *c, struct store *s, char **errp)
{
	bool	cancel;
	int	rc;

	/* Not store_connect: that sets the umask, which is per process. */
	rc = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot check the database", errp);
	sqlite3_busy_timeout(s->db, 5000);
	pthread_mutex_lock(&c->mu);
	if (!(cancel = c->cancel))
		c->s = s;		/* now store_check_free may interrupt */
	pthread_mutex_unlock(&c->mu);
	if (cancel)
		return STORE_OK;
	rc = store_quick_check(s, errp);
	pthread_mutex_lock(&c->mu);
	c->s = NULL;
	pthread_mutex_unlock(&c->mu);
	return rc;
}

static void *
store_check_main(void *arg)
{
	struct store_check	*c = arg;
	struct store		*s;
	char			*err = NULL;
	int			 rc;

	s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(c->path);
	s->flags = STORE_RDONLY;
	rc = store_check_run(c, s, &err);
	store_close(s);
	pthread_mutex_lock(&c->mu);
	c->rc = rc;
	c->err = err;
	c->done = true;
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

int
store_check_start(const struct store *s, struct store_check **cp,
    char **errp)
{
	struct store_check	*c;
	sigset_t		 all, old;
	int			 e;

	c = xcalloc(1, sizeof(*c));
	c->path = xstrdup(s->path);
	pthread_mutex_init(&c->mu, NULL);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	e = pthread_create(&c->thread, NULL, store_check_main, c);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (e != 0) {
		pthread_mutex_destroy(&c->mu);
		free(c->path);
		free(c);
		return store_err(STORE_ERR, errp, "%s: cannot start the "
		    "integrity check (%s)", s->path, strerror(e));
	}
	*cp = c;
	return STORE_OK;
}

int
store_check_poll(struct store_check *c, char **errp)
{
	int	rc = 1;

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

void
store_check_free(struct store_check *c)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	c->cancel = true;
	if (c->s != NULL)
		sqlite3_interrupt(c->s->db);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->thread, NULL);
	pthread_mutex_destroy(&c->mu);
	free(c->path);
	free(c->err);
	free(c);
}
