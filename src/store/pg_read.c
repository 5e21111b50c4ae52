/*
 * pg_read.c: the read ops of the PostgreSQL backend (store/query.h,
 * backend.h).
 *
 * The cursor streams: the intakes, their answers and their result lines
 * are three COPY streams (pg_copy.c) over the same filter and the same
 * order, each on a connection of its own in the snapshot of the store's
 * transaction, merged by intake id as they come.  So memory stays flat
 * in the number of intakes, the server sends each table once, and it
 * reads while the client writes, never waiting for the next FETCH.  One
 * intake at a time is copied into reusable buffers, as the SQLite cursor
 * does.  Outside a snapshot (query_begin) a cursor opens a
 * repeatable-read transaction of its own to export its snapshot from.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "store/query.h"
#include "pg.h"
#include "pg_copy.h"
#include "pg_read.h"
#include "row_arena.h"

/* Filter parameters $1..$4, $6, $7 ($5 is a count's argument), shared
   by every statement over intakes; pg_run types every parameter text,
   so a statement need not use them all. */
#define PG_WHERE \
	" WHERE ($1::text IS NULL OR i.started_at >= $1)" \
	" AND ($2::text IS NULL OR i.started_at < $2)" \
	" AND ($3::text IS NULL OR i.status = $3)" \
	" AND ($4::text IS NULL OR i.id = $4)" \
	" AND ($6::text IS NULL OR i.kiosk_id = $6)" \
	" AND ($7::text IS NULL OR i.clinic = $7)"

#define PG_NPARAMS	7	/* parameters of PG_WHERE (and $5) */

/* The backend's query_cursor. */
struct pg_cursor {
	struct query_cursor base;	/* first: what the wrappers see */
	struct pg_store	*ps;
	unsigned	 flags;		/* QUERY_* */
	bool		 own_tx;	/* began a transaction of its own */
	struct pg_copy	 main, ans, lines;
	struct row_arena ra;		/* this intake */
	size_t		 idlen;		/* the length of its id */
};

/* The filter's parameters into p[0..6] (b holds the bounds; p[4] is
   left for a count's argument). */
static int
pg_read_filter(const struct query_filter *f, char b[2][32],
    const char *p[PG_NPARAMS], char **errp)
{
	int	i;

	for (i = 0; i < PG_NPARAMS; i++)
		p[i] = NULL;
	if (f == NULL)
		return STORE_OK;
	if ((f->since != NULL && query_day_bound(f->since, 0, b[0]) < 0) ||
	    (f->until != NULL && query_day_bound(f->until, 1, b[1]) < 0))
		return store_err(STORE_ERR, errp, "invalid date (want "
		    "YYYY-MM-DD)");
	p[0] = f->since != NULL ? b[0] : NULL;
	p[1] = f->until != NULL ? b[1] : NULL;
	p[2] = f->status;
	p[3] = f->id;
	p[5] = f->kiosk;
	p[6] = f->clinic;
	return STORE_OK;
}

/* Start one snapshot. */
static int
pg_read_begin(struct store *s, char **errp)
{
	return pg_run(pg_of(s), "BEGIN ISOLATION LEVEL REPEATABLE READ", 0,
	    NULL, NULL, "query", errp);
}

/* End the snapshot. */
static int
pg_read_end(struct store *s, char **errp)
{
	return pg_run(pg_of(s), "COMMIT", 0, NULL, NULL, "query", errp);
}

/* Free a cursor, closing what it opened. */
static void
pg_read_cursor_free(struct query_cursor *qc)
{
	struct pg_cursor	*c = (struct pg_cursor *)qc;

	pg_copy_close(&c->main);
	pg_copy_close(&c->ans);
	pg_copy_close(&c->lines);
	if (c->own_tx)
		pg_rollback(c->ps);
	row_arena_done(&c->ra);
	free(c);
}

/* The name of the snapshot of the store's transaction (snap: 64 bytes). */
static int
pg_read_snapshot(struct pg_store *ps, char snap[64], char **errp)
{
	PGresult	*res;
	int		 rc;

	if ((rc = pg_run(ps, "SELECT pg_export_snapshot()", 0, NULL, &res,
	    "query", errp)) != STORE_OK)
		return rc;
	snprintf(snap, 64, "%s", PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) :
	    "");
	PQclear(res);
	return STORE_OK;
}

/*
 * PG_WHERE with only the conditions whose parameter is set (allocated):
 * a stream's $n are settings (pg_copy.c), which the planner cannot fold
 * as it folds "$4::text IS NULL OR ..." for a value, so an unset one
 * would keep it from the indexes.  The text depends on which filters
 * are set, never on their values.
 */
static char *
pg_read_where(const char *const p[PG_NPARAMS])
{
	static const char *const cond[PG_NPARAMS] = {
		"i.started_at >= $1", "i.started_at < $2", "i.status = $3",
		"i.id = $4", NULL, "i.kiosk_id = $6", "i.clinic = $7"
	};
	struct strbuf	sb;
	int		i;

	strbuf_init(&sb);
	for (i = 0; i < PG_NPARAMS; i++)
		if (p[i] != NULL && cond[i] != NULL)
			strbuf_addf(&sb, " %s %s", sb.len == 0 ? "WHERE" :
			    "AND", cond[i]);
	return strbuf_detach(&sb);
}

/* The streams of a cursor over the intakes p selects. */
static int
pg_read_streams(struct pg_cursor *c, const char *snap,
    const char *const p[PG_NPARAMS], char **errp)
{
	struct pg_copy	*cs[3];
	const char	*order, *at;
	char		*sql[3], *where;
	bool		 all;
	size_t		 i, n = 0;
	int		 rc;

	order = (c->flags & QUERY_BY_ID) ? "i.id" : "i.started_at, i.id";
	where = pg_read_where(p);
	cs[n] = &c->main;
	sql[n++] = xasprintf(ROW_ARENA_COLS " FROM intakes i JOIN forms f ON"
	    " f.hash = i.form_hash%s ORDER BY %s", where, order);
	/* By id with no filter (a whole export), the answers and lines
	   are every row of their tables in their keys' order: no join. */
	all = (c->flags & QUERY_BY_ID) && *where == '\0';
	if (c->flags & QUERY_ANSWERS) {
		/* A quarter of what the server sends is the times. */
		at = (c->flags & QUERY_NO_TIMES) ? "''::text" :
		    "a.answered_at";
		cs[n] = &c->ans;
		sql[n++] = all ? xasprintf("SELECT a.intake_id, a.question,"
		    " a.value, %s FROM answers a ORDER BY a.intake_id,"
		    " a.question", at) :
		    xasprintf("SELECT a.intake_id, a.question, a.value, %s"
		    " FROM intakes i JOIN answers a ON a.intake_id = i.id%s"
		    " ORDER BY %s, a.question", at, where, order);
	}
	if (c->flags & QUERY_LINES) {
		cs[n] = &c->lines;
		sql[n++] = all ? xstrdup("SELECT r.intake_id, r.kind, r.code,"
		    " r.points, r.text FROM result_lines r ORDER BY"
		    " r.intake_id, r.seq") :
		    xasprintf("SELECT r.intake_id, r.kind, r.code, r.points,"
		    " r.text FROM intakes i JOIN result_lines r ON"
		    " r.intake_id = i.id%s ORDER BY %s, r.seq", where, order);
	}
	rc = pg_copy_open(c->ps, snap, n, (const char *const *)sql,
	    PG_NPARAMS, p, cs, errp);
	for (i = 0; i < n; i++)
		free(sql[i]);
	free(where);
	return rc;
}

/* A cursor over the intakes f selects. */
static int
pg_read_cursor_new(struct store *s, const struct query_filter *f,
    unsigned flags, struct query_cursor **cp, char **errp)
{
	struct pg_store		*ps = pg_of(s);
	struct pg_cursor	*c;
	const char		*p[PG_NPARAMS];
	char			 b[2][32], snap[64];
	int			 rc;

	if ((rc = pg_read_filter(f, b, p, errp)) != STORE_OK)
		return rc;
	c = xcalloc(1, sizeof(*c));
	c->base.s = s;
	c->ps = ps;
	c->flags = flags;
	c->main.done = c->ans.done = c->lines.done = true;
	row_arena_init(&c->ra);
	if (PQtransactionStatus(ps->conn) == PQTRANS_IDLE) {
		if ((rc = pg_read_begin(s, errp)) != STORE_OK)
			goto fail;
		c->own_tx = true;
	}
	if ((rc = pg_read_snapshot(ps, snap, errp)) == STORE_OK &&
	    (rc = pg_read_streams(c, snap, p, errp)) == STORE_OK) {
		*cp = &c->base;
		return STORE_OK;
	}
fail:
	pg_read_cursor_free(&c->base);
	return rc;
}

/* Make r's next row current, with at least ncols columns: 1, 0 at its
   end, or a store_rc. */
static int
pg_read_peek(struct pg_cursor *c, struct pg_copy *r, int ncols,
    char **errp)
{
	int	rc;

	if ((rc = pg_copy_peek(c->ps, r, errp)) == 1 && (r->nfields <
	    ncols || r->field[0] == NULL))
		return store_err(STORE_ERR, errp, "query: %s: the server "
		    "sent a row of another shape", c->ps->shown);
	return rc;
}

/* Whether r's current row (column 0) belongs to the current intake. */
static int
pg_read_mine(struct pg_cursor *c, struct pg_copy *r, int ncols,
    char **errp)
{
	const char	*id;
	int		 rc;

	if ((rc = pg_read_peek(c, r, ncols, errp)) <= 0)
		return rc;
	id = row_arena_col(&c->ra, 0);		/* the arena may move */
	return r->len[0] == c->idlen && memcmp(r->field[0], id,
	    c->idlen) == 0;
}

/* The current intake's answers. */
static int
pg_read_take_answers(struct pg_cursor *c, char **errp)
{
	struct pg_copy	*r = &c->ans;
	int		 rc;

	while ((rc = pg_read_mine(c, r, 4, errp)) == 1) {
		row_arena_answer(&c->ra, r->field[1], r->len[1], r->field[2],
		    r->len[2], r->field[3], r->len[3]);
		pg_copy_next(r);
	}
	return rc;
}

/* The current intake's result lines. */
static int
pg_read_take_lines(struct pg_cursor *c, char **errp)
{
	struct pg_copy	*r = &c->lines;
	int		 rc;

	while ((rc = pg_read_mine(c, r, 5, errp)) == 1) {
		row_arena_line(&c->ra, r->field[1], r->len[1], r->field[2],
		    r->len[2], r->field[4], r->len[4], pg_copy_int(r, 3));
		pg_copy_next(r);
	}
	return rc;
}

/* Step the cursor: 1 with *ip, 0 at the end, or a store_rc. */
static int
pg_read_cursor_next(struct query_cursor *qc, const struct query_intake **ip,
    char **errp)
{
	struct pg_cursor	*c = (struct pg_cursor *)qc;
	struct pg_copy		*r = &c->main;
	struct query_intake	*in = &c->ra.in;
	int			 i, rc;

	if ((rc = pg_read_peek(c, r, ROW_ARENA_NCOLS, errp)) <= 0)
		return rc;
	row_arena_start(&c->ra);
	for (i = 0; i < ROW_ARENA_NCOLS; i++)
		row_arena_meta(&c->ra, i, r->field[i], r->len[i]);
	c->idlen = r->len[0];
	in->form_version = pg_copy_int(r, ROW_ARENA_VERSION);
	in->has_score = r->field[ROW_ARENA_SCORE] != NULL;
	in->score = pg_copy_int(r, ROW_ARENA_SCORE);
	in->has_internal = r->field[ROW_ARENA_OUT + 3] != NULL;
	in->score_internal = pg_copy_int(r, ROW_ARENA_OUT + 3);
	pg_copy_next(r);
	rc = STORE_OK;
	if (c->flags & QUERY_ANSWERS)
		rc = pg_read_take_answers(c, errp);
	if (rc >= 0 && (c->flags & QUERY_LINES))
		rc = pg_read_take_lines(c, errp);
	if (rc < 0)
		return rc;
	*ip = row_arena_fix(&c->ra);
	return 1;
}

/* The full id of the one intake whose id starts with prefix. */
static int
pg_read_resolve_id(struct store *s, const char *prefix, char **idp,
    char **errp)
{
	struct pg_store	*ps = pg_of(s);
	PGresult	*res;
	const char	*p[1] = { prefix };
	size_t		 len = strlen(prefix);
	int		 rc, n;

	*idp = NULL;
	if (len < 8 || len > STORE_ID_LEN || strspn(prefix,
	    "0123456789abcdefABCDEF-") != len)
		return store_err(STORE_ERR, errp, "an intake id (or its "
		    "first 8 characters or more) is expected");
	if ((rc = pg_run(ps, "SELECT id FROM intakes WHERE id LIKE "
	    "lower($1) || '%' LIMIT 2", 1, p, &res, "query", errp)) !=
	    STORE_OK)
		return rc;
	n = PQntuples(res);
	if (n == 1)
		*idp = xstrdup(PQgetvalue(res, 0, 0));
	PQclear(res);
	if (n == 1)
		return STORE_OK;
	return n == 0 ? store_err(STORE_NOTFOUND, errp, "no intake %s",
	    prefix) : store_err(STORE_ERR, errp, "several intakes start "
	    "with %s: give more of the id", prefix);
}

/* Call fn for every form version the intakes f selects use. */
static int
pg_read_forms(struct store *s, const struct query_filter *f,
    query_form_fn fn, void *ctx, char **errp)
{
	struct query_form	 qf;
	PGresult		*res;
	const char		*p[PG_NPARAMS];
	char			 b[2][32];
	int			 i, rc, stop = 0;

	if ((rc = pg_read_filter(f, b, p, errp)) != STORE_OK ||
	    (rc = pg_run(pg_of(s), "SELECT f.hash, f.form_id, f.version,"
	    " f.added_at FROM forms f WHERE f.hash IN (SELECT i.form_hash"
	    " FROM intakes i" PG_WHERE ") ORDER BY f.version DESC,"
	    " f.added_at DESC, f.hash", PG_NPARAMS, p, &res, "query", errp)) !=
	    STORE_OK)
		return rc;
	for (i = 0; stop == 0 && i < PQntuples(res); i++) {
		qf.hash = PQgetvalue(res, i, 0);
		qf.form_id = PQgetvalue(res, i, 1);
		qf.version = atoi(PQgetvalue(res, i, 2));
		qf.added_at = PQgetvalue(res, i, 3);
		stop = fn(ctx, &qf);
	}
	PQclear(res);
	return stop;
}

/* The exact source text of the form with this hash. */
static int
pg_read_form_source(struct store *s, const char *hash, char **srcp,
    size_t *lenp, char **errp)
{
	PGresult	*res;
	const char	*p[1] = { hash };
	int		 rc;

	*srcp = NULL;
	if ((rc = pg_run(pg_of(s), "SELECT source FROM forms WHERE hash = $1",
	    1, p, &res, "query", errp)) != STORE_OK)
		return rc;
	if (PQntuples(res) == 1) {
		*lenp = (size_t)PQgetlength(res, 0, 0);
		*srcp = xmalloc(*lenp + 1);
		memcpy(*srcp, PQgetvalue(res, 0, 0), *lenp);
		(*srcp)[*lenp] = '\0';
	}
	PQclear(res);
	if (*srcp == NULL)
		return store_err(STORE_NOTFOUND, errp, "form %.12s is not "
		    "stored", hash);
	return STORE_OK;
}

/* The SQL of each query_counts grouping ($5: the question or kind). */
static const char *
pg_read_count_sql(int by)
{
	switch (by) {
	case QC_STATUS:
		return "SELECT i.status, NULL, count(*) AS n FROM intakes i"
		    PG_WHERE " GROUP BY 1 ORDER BY n DESC, 1";
	case QC_BAND:
		return "SELECT coalesce(i.band, ''), NULL, count(*) AS n"
		    " FROM intakes i" PG_WHERE " GROUP BY 1"
		    " ORDER BY n DESC, 1";
	case QC_OUTCOME:
		return "SELECT coalesce(i.outcome, ''), NULL, count(*) AS n"
		    " FROM intakes i" PG_WHERE " GROUP BY 1"
		    " ORDER BY n DESC, 1";
	case QC_ANSWER:
		return "SELECT a.value, NULL, count(*) AS n FROM intakes i"
		    " JOIN answers a ON a.intake_id = i.id" PG_WHERE
		    " AND a.question = $5 GROUP BY 1 ORDER BY n DESC, 1";
	case QC_STOP:
	case QC_FLAG:
		return "SELECT r.code, min(r.text), count(*) AS n FROM"
		    " intakes i JOIN result_lines r ON r.intake_id = i.id"
		    PG_WHERE " AND r.kind = $5 GROUP BY 1"
		    " ORDER BY n DESC, 1";
	default:	/* QC_STARTED */
		break;
	}
	return "SELECT i.started_at, NULL, 1 FROM intakes i" PG_WHERE;
}

/* Counts over the intakes f selects, grouped by "by". */
static int
pg_read_counts(struct store *s, const struct query_filter *f, int by,
    const char *arg, query_count_fn fn, void *ctx, char **errp)
{
	PGresult	*res;
	const char	*p[PG_NPARAMS];
	char		 b[2][32];
	int		 i, rc, stop = 0;

	if ((rc = pg_read_filter(f, b, p, errp)) != STORE_OK)
		return rc;
	p[4] = by == QC_ANSWER ? arg : by == QC_STOP ? "stop" :
	    by == QC_FLAG ? "flag" : NULL;
	if ((rc = pg_run(pg_of(s), pg_read_count_sql(by), PG_NPARAMS, p, &res,
	    "query", errp)) != STORE_OK)
		return rc;
	for (i = 0; stop == 0 && i < PQntuples(res); i++)
		stop = fn(ctx, PQgetvalue(res, i, 0), pg_val(res, i, 1),
		    atol(PQgetvalue(res, i, 2)));
	PQclear(res);
	return stop;
}

/* Whether any stored answer has question id q. */
static int
pg_read_has_question(struct store *s, const char *q, bool *yes,
    char **errp)
{
	PGresult	*res;
	const char	*p[1] = { q };
	int		 rc;

	if ((rc = pg_run(pg_of(s), "SELECT 1 FROM answers WHERE question = $1"
	    " LIMIT 1", 1, p, &res, "query", errp)) != STORE_OK)
		return rc;
	*yes = PQntuples(res) > 0;
	PQclear(res);
	return STORE_OK;
}

/* Call fn for each audit entry with since <= at < until, in order. */
static int
pg_read_audit_each(struct store *s, const char *since, const char *until,
    int (*fn)(void *ctx, const struct store_audit_entry *e), void *ctx,
    char **errp)
{
	struct store_audit_entry	 e;
	PGresult			*res;
	const char			*p[2] = { since, until };
	int				 i, rc;

	if ((rc = pg_run(pg_of(s), "SELECT seq, at, actor, action, detail"
	    " FROM audit WHERE ($1::text IS NULL OR at >= $1) AND ($2::text"
	    " IS NULL OR at < $2) ORDER BY seq", 2, p, &res,
	    "cannot read the audit log", errp)) != STORE_OK)
		return rc;
	for (i = 0; i < PQntuples(res); i++) {
		e.seq = atoll(PQgetvalue(res, i, 0));
		e.at = PQgetvalue(res, i, 1);
		e.actor = PQgetvalue(res, i, 2);
		e.action = PQgetvalue(res, i, 3);
		e.detail = PQgetvalue(res, i, 4);
		if (fn(ctx, &e) != 0)
			break;
	}
	PQclear(res);
	return STORE_OK;
}

/* The status of intake id into buf (16 bytes). */
static int
pg_read_intake_status(struct store *s, const char *id, char *buf,
    char **errp)
{
	struct pg_store	*ps = pg_of(s);
	PGresult	*res;
	const char	*p[1] = { id };
	int		 rc;

	if ((rc = pg_run(ps, "SELECT status FROM intakes WHERE id = $1", 1, p,
	    &res, "cannot read an intake", errp)) != STORE_OK)
		return rc;
	if (PQntuples(res) == 1)
		snprintf(buf, 16, "%s", PQgetvalue(res, 0, 0));
	else
		rc = store_err(STORE_NOTFOUND, errp, "%s: no intake %s",
		    ps->shown, id);
	PQclear(res);
	return rc;
}

/* The read ops of the PostgreSQL backend (backend.h). */
const struct store_read_ops pg_read_ops = {
	.begin = pg_read_begin,
	.end = pg_read_end,
	.cursor_new = pg_read_cursor_new,
	.cursor_next = pg_read_cursor_next,
	.cursor_free = pg_read_cursor_free,
	.resolve_id = pg_read_resolve_id,
	.forms = pg_read_forms,
	.form_source = pg_read_form_source,
	.counts = pg_read_counts,
	.has_question = pg_read_has_question,
	.audit_each = pg_read_audit_each,
	.intake_status = pg_read_intake_status
};
