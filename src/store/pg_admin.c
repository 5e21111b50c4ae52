/*
 * pg_admin.c: the admin ops of the PostgreSQL backend (backend.h): stale
 * intakes, erase (with a tombstone), merge of a kiosk's SQLite file, the
 * integrity check (the server's own business: nothing to run here) and
 * closing.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"
#include "store/query.h"
#include "pg.h"
#include "pg_admin.h"
#include "pg_read.h"
#include "pg_write.h"

/* Intakes in progress idle for over idle_seconds become abandoned. */
static int
pg_admin_abandon_stale(struct store *s, int idle_seconds, int *count,
    char **errp)
{
	PGresult	*res;
	const char	*p[2];
	char		 now[32], cutoff[32];
	int		 rc;

	pg_now(now, 0);
	pg_now(cutoff, idle_seconds);
	p[0] = now;
	p[1] = cutoff;
	if (count != NULL)
		*count = 0;
	if ((rc = pg_run(pg_of(s), "UPDATE intakes SET status = 'abandoned', "
	    "updated_at = $1 WHERE status = 'in_progress' AND updated_at < $2",
	    2, p, &res, "cannot close stale intakes", errp)) != STORE_OK)
		return rc;
	if (count != NULL)
		*count = atoi(PQcmdTuples(res));
	PQclear(res);
	return STORE_OK;
}

/*
 * Erase one intake for good: its rows go, and a tombstone keeps its id
 * so no late resend or merge brings it back; with the audit row, one
 * transaction.  (The server's own storage, VACUUM and backups are the
 * administrator's: docs/server.md.)
 */
static int
pg_admin_erase(struct store *s, const char *id, const char *actor,
    char **errp)
{
	struct pg_store	*ps = pg_of(s);
	PGresult	*res;
	const char	*p[3];
	char		 now[32];
	int		 rc, n = 0;

	pg_now(now, 0);
	p[0] = id;
	p[1] = now;
	p[2] = actor != NULL ? actor : "";
	if ((rc = pg_run(ps, "BEGIN", 0, NULL, NULL, "cannot erase an intake",
	    errp)) != STORE_OK)
		return rc;
	/* The lock smp_put_intake takes for the same id. */
	rc = pg_run(ps, "SELECT pg_advisory_xact_lock(hashtext($1))", 1, p,
	    NULL, "cannot erase an intake", errp);
	if (rc == STORE_OK)
		rc = pg_run(ps, "DELETE FROM intakes WHERE id = $1", 1, p, &res,
		    "cannot erase an intake", errp);
	if (rc == STORE_OK) {
		n = atoi(PQcmdTuples(res));
		PQclear(res);
		if (n == 0)
			rc = store_err(STORE_NOTFOUND, errp, "%s: no intake %s",
			    ps->shown, id);
	}
	if (rc == STORE_OK)
		rc = pg_run(ps, "INSERT INTO erased(id, erased_at, actor) VALUES "
		    "($1, $2, $3) ON CONFLICT (id) DO NOTHING", 3, p, NULL,
		    "cannot erase an intake", errp);
	if (rc == STORE_OK && actor != NULL)
		rc = pg_write_ops.audit(s, actor, "erase", id, errp);
	if (rc == STORE_OK)
		rc = pg_run(ps, "COMMIT", 0, NULL, NULL, "cannot erase an "
		    "intake", errp);
	if (rc != STORE_OK)
		pg_rollback(ps);
	return rc;
}

/* An erased intake leaves no old copy here to clear: STORE_OK if it was
   erased (its tombstone), else STORE_NOTFOUND. */
static int
pg_admin_erase_again(struct store *s, const char *id, char **errp)
{
	PGresult	*res;
	const char	*p[1] = { id };
	int		 rc, n;

	if ((rc = pg_run(pg_of(s), "SELECT 1 FROM erased WHERE id = $1", 1, p,
	    &res, "cannot read the tombstones", errp)) != STORE_OK)
		return rc;
	n = PQntuples(res);
	PQclear(res);
	return n > 0 ? STORE_OK : STORE_NOTFOUND;
}

/* Put one intake of the other database (its form looked up there). */
static int
pg_admin_merge_one(struct pg_store *ps, struct store *o,
    const struct query_intake *in, struct store_merge_counts *c,
    char **errp)
{
	struct store_put_form	 form;
	char			*src = NULL;
	size_t			 len;
	int			 rc, r = 0;

	if ((rc = query_form_source(o, in->form_hash, &src, &len, errp)) !=
	    STORE_OK)
		return rc;
	form.form_id = in->form_id;
	form.version = in->form_version;
	form.source = src;
	form.added_at = NULL;
	rc = pg_write_put(ps, in, &form, NULL, &r, errp);
	free(src);
	if (rc != STORE_OK)
		return rc;
	if (r & STORE_PUT_FORM)
		c->forms++;
	if (r & STORE_PUT_ADDED) {
		c->intakes++;
		c->answers += (int)in->nanswers;
		c->lines += (int)in->nlines;
	} else if (r & STORE_PUT_ERASED)
		c->erased++;
	else
		c->present++;
	return STORE_OK;
}

#define PG_MERGE_BATCH	1000	/* intakes a merge commits at once */

/* Bring in every intake of the SQLite file at other_path not here yet,
   a transaction per PG_MERGE_BATCH; erased ones never come back. */
static int
pg_admin_merge(struct store *s, const char *other_path,
    struct store_merge_counts *counts, char **errp)
{
	struct pg_store			*ps = pg_of(s);
	struct store_merge_counts	 c;
	struct store			*o;
	struct query_cursor		*cur = NULL;
	const struct query_intake	*in;
	long				 n = 0;
	int				 rc;

	memset(&c, 0, sizeof(c));
	if (pg_is_uri(other_path))
		return store_err(STORE_ERR, errp, "%s: merge brings in a "
		    "kiosk's database file, not a server", other_path);
	if ((rc = query_open(other_path, 0, &o, errp)) != STORE_OK)
		return rc;
	if ((rc = pg_run(ps, "BEGIN", 0, NULL, NULL, "cannot merge", errp)) !=
	    STORE_OK)
		goto out;
	rc = query_begin(o, errp);
	if (rc == STORE_OK)
		rc = query_cursor_new(o, NULL, QUERY_ANSWERS | QUERY_LINES |
		    QUERY_BY_ID, &cur, errp);
	while (rc == STORE_OK && (rc = query_cursor_next(cur, &in, errp)) ==
	    1) {
		rc = pg_admin_merge_one(ps, o, in, &c, errp);
		/* Each put holds a lock on its id until commit: commit
		   every PG_MERGE_BATCH, or a big file would exhaust the
		   server's lock table.  A merge cut short leaves whole
		   batches; run again, it adds the rest (idempotent). */
		if (rc == STORE_OK && ++n % PG_MERGE_BATCH == 0 &&
		    (rc = pg_run(ps, "COMMIT", 0, NULL, NULL, "cannot merge",
		    errp)) == STORE_OK)
			rc = pg_run(ps, "BEGIN", 0, NULL, NULL, "cannot merge",
			    errp);
	}
	query_cursor_free(cur);
	if (rc == 0)
		rc = pg_run(ps, "COMMIT", 0, NULL, NULL, "cannot merge", errp);
	if (rc != STORE_OK)
		pg_rollback(ps);
	else if (counts != NULL)
		*counts = c;
out:
	store_close(o);
	return rc;
}

/* The server checks its own pages: a check that is done at once. */
static int
pg_admin_check_poll(struct store_check *c, char **errp)
{
	(void)c;
	(void)errp;
	return STORE_OK;
}

/* Free a check made by pg_admin_check_start. */
static void
pg_admin_check_free(struct store_check *c)
{
	free(c);
}

/* Start the (empty) background check. */
static int
pg_admin_check_start(const struct store *s, struct store_check **cp,
    char **errp)
{
	struct store_check	*c = xcalloc(1, sizeof(*c));

	(void)s;
	(void)errp;
	c->poll = pg_admin_check_poll;
	c->free = pg_admin_check_free;
	*cp = c;
	return STORE_OK;
}

/* The admin ops of the PostgreSQL backend (backend.h). */
const struct store_admin_ops pg_admin_ops = {
	.abandon_stale = pg_admin_abandon_stale,
	.erase = pg_admin_erase,
	.erase_again = pg_admin_erase_again,
	.merge = pg_admin_merge,
	.check_start = pg_admin_check_start,
	.close = pg_close
};
