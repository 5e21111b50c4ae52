/*
 * pg_read.c: the read ops of the PostgreSQL backend (store/query.h,
 * backend.h).
 *
 * The cursor streams: the intakes, their answers and their result lines
 * are three server-side cursors (DECLARE ... NO SCROLL CURSOR) over the
 * same filter and the same order, fetched a batch at a time and merged by
 * intake id as they come, so memory stays flat in the number of intakes
 * and the server sends each table once.  One intake at a time is copied
 * into reusable buffers, as the SQLite cursor does.  Outside a snapshot
 * (query_begin) a cursor opens a repeatable-read transaction of its own.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "store/query.h"
#include "pg.h"
#include "pg_read.h"
#include "row_arena.h"
/* Rows per FETCH: intakes (wide rows) in small batches, answers and
   lines (narrow, 40 an intake) in big ones; memory is bounded by these,
   whatever the number of intakes. */
#define PG_BATCH_MAIN	"2000"
#define PG_BATCH	"20000"

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

/* One server-side cursor and the batch of rows fetched from it. */
struct pg_rows {
	char		 name[32];	/* cursor name */
	PGresult	*res;		/* current batch, or NULL */
	int		 row;		/* next row in res */
	bool		 open;		/* declared */
	bool		 done;		/* no more rows */
};

/* The backend's query_cursor. */
struct pg_cursor {
	struct query_cursor base;	/* first: what the wrappers see */
	struct pg_store	*ps;
	unsigned	 flags;		/* QUERY_* */
	bool		 own_tx;	/* began a transaction of its own */
	struct pg_rows	 main, ans, lines;
	struct row_arena ra;		/* this intake */
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

/* Close one cursor's rows. */
static void
pg_read_rows_done(struct pg_store *ps, struct pg_rows *r)
{
	const char	*p[1];
	char		 sql[64];

	PQclear(r->res);
	r->res = NULL;
	if (r->open && PQstatus(ps->conn) == CONNECTION_OK &&
	    PQtransactionStatus(ps->conn) == PQTRANS_INTRANS) {
		snprintf(sql, sizeof(sql), "CLOSE %s", r->name);
		p[0] = NULL;
		(void)pg_run(ps, sql, 0, p, NULL, "query", NULL);
	}
	r->open = false;
}

/* Free a cursor, closing what it opened. */
static void
pg_read_cursor_free(struct query_cursor *qc)
{
	struct pg_cursor	*c = (struct pg_cursor *)qc;

	pg_read_rows_done(c->ps, &c->main);
	pg_read_rows_done(c->ps, &c->ans);
	pg_read_rows_done(c->ps, &c->lines);
	if (c->own_tx)
		pg_rollback(c->ps);
	row_arena_done(&c->ra);
	free(c);
}

/* Declare cursor r over sql with the filter's parameters. */
static int
pg_read_declare(struct pg_cursor *c, struct pg_rows *r, const char *tag,
    const char *sql, const char *const p[4], char **errp)
{
	static unsigned	 serial;
	char		*decl;
	int		 rc;

	snprintf(r->name, sizeof(r->name), "smp_%s_%u", tag, ++serial);
	decl = xasprintf("DECLARE %s NO SCROLL CURSOR FOR %s", r->name, sql);
	rc = pg_run(c->ps, decl, PG_NPARAMS, p, NULL, "query", errp);
	free(decl);
	r->open = rc == STORE_OK;
	return rc;
}

/* A cursor over the intakes f selects. */
static int
pg_read_cursor_new(struct store *s, const struct query_filter *f,
    unsigned flags, struct query_cursor **cp, char **errp)
{
	struct pg_store		*ps = pg_of(s);
	struct pg_cursor	*c;
	const char		*p[PG_NPARAMS], *order;
	char			 b[2][32], *sql;
	bool			 all;
	int			 i, rc;

	if ((rc = pg_read_filter(f, b, p, errp)) != STORE_OK)
		return rc;
	c = xcalloc(1, sizeof(*c));
	c->base.s = s;
	c->ps = ps;
	c->flags = flags;
	row_arena_init(&c->ra);
	order = (flags & QUERY_BY_ID) ? "i.id" : "i.started_at, i.id";
	if (PQtransactionStatus(ps->conn) == PQTRANS_IDLE) {
		if ((rc = pg_read_begin(s, errp)) != STORE_OK)
			goto fail;
		c->own_tx = true;
	}
	sql = xasprintf(ROW_ARENA_COLS " FROM intakes i JOIN forms f ON f.hash ="
	    " i.form_hash" PG_WHERE " ORDER BY %s", order);
	rc = pg_read_declare(c, &c->main, "i", sql, p, errp);
	free(sql);
	/* By id with no filter (a whole export), the answers and lines
	   are every row of their tables in their keys' order: no join. */
	all = (flags & QUERY_BY_ID);
	for (i = 0; i < PG_NPARAMS; i++)
		all = all && p[i] == NULL;
	if (rc == STORE_OK && (flags & QUERY_ANSWERS)) {
		sql = all ? xstrdup("SELECT a.intake_id, a.question, a.value,"
		    " a.answered_at FROM answers a ORDER BY a.intake_id,"
		    " a.question") :
		    xasprintf("SELECT a.intake_id, a.question, a.value,"
		    " a.answered_at FROM intakes i JOIN answers a ON"
		    " a.intake_id = i.id" PG_WHERE " ORDER BY %s, a.question",
		    order);
		rc = pg_read_declare(c, &c->ans, "a", sql, p, errp);
		free(sql);
	}
	if (rc == STORE_OK && (flags & QUERY_LINES)) {
		sql = all ? xstrdup("SELECT r.intake_id, r.kind, r.code,"
		    " r.points, r.text FROM result_lines r ORDER BY"
		    " r.intake_id, r.seq") :
		    xasprintf("SELECT r.intake_id, r.kind, r.code, r.points,"
		    " r.text FROM intakes i JOIN result_lines r ON"
		    " r.intake_id = i.id" PG_WHERE " ORDER BY %s, r.seq",
		    order);
		rc = pg_read_declare(c, &c->lines, "l", sql, p, errp);
		free(sql);
	}
	if (rc == STORE_OK) {
		*cp = &c->base;
		return STORE_OK;
	}
fail:
	pg_read_cursor_free(&c->base);
	return rc;
}

/* Make r's next row current: 1, 0 at its end, or a store_rc. */
static int
pg_read_peek(struct pg_cursor *c, struct pg_rows *r, char **errp)
{
	char	sql[64];
	int	rc;

	if (r->res != NULL && r->row < PQntuples(r->res))
		return 1;
	if (r->done || !r->open)
		return 0;
	PQclear(r->res);
	r->res = NULL;
	r->row = 0;
	snprintf(sql, sizeof(sql), "FETCH FORWARD %s FROM %s", r ==
	    &c->main ? PG_BATCH_MAIN : PG_BATCH, r->name);
	if ((rc = pg_run(c->ps, sql, 0, NULL, &r->res, "query", errp)) !=
	    STORE_OK)
		return rc;
	if (PQntuples(r->res) == 0) {
		r->done = true;
		return 0;
	}
	return 1;
}

/* Column col of r's current row (NULL for SQL NULL) and its length. */
static const char *
pg_read_col(const struct pg_rows *r, int col, size_t *len)
{
	if (PQgetisnull(r->res, r->row, col)) {
		*len = 0;
		return NULL;
	}
	*len = (size_t)PQgetlength(r->res, r->row, col);
	return PQgetvalue(r->res, r->row, col);
}

/* Whether r's current row (column 0) belongs to the current intake. */
static int
pg_read_mine(struct pg_cursor *c, struct pg_rows *r, char **errp)
{
	int	rc;

	if ((rc = pg_read_peek(c, r, errp)) <= 0)
		return rc;
	return strcmp(PQgetvalue(r->res, r->row, 0), row_arena_col(&c->ra,
	    0)) == 0;
}

/* The current intake's answers. */
static int
pg_read_take_answers(struct pg_cursor *c, char **errp)
{
	const char	*q, *v, *at;
	size_t		 ql, vl, atl;
	int		 rc;

	while ((rc = pg_read_mine(c, &c->ans, errp)) == 1) {
		q = pg_read_col(&c->ans, 1, &ql);
		v = pg_read_col(&c->ans, 2, &vl);
		at = pg_read_col(&c->ans, 3, &atl);
		row_arena_answer(&c->ra, q, ql, v, vl, at, atl);
		c->ans.row++;
	}
	return rc;
}

/* The current intake's result lines. */
static int
pg_read_take_lines(struct pg_cursor *c, char **errp)
{
	const char	*k, *code, *t;
	size_t		 kl, cl, tl;
	int		 rc;

	while ((rc = pg_read_mine(c, &c->lines, errp)) == 1) {
		k = pg_read_col(&c->lines, 1, &kl);
		code = pg_read_col(&c->lines, 2, &cl);
		t = pg_read_col(&c->lines, 4, &tl);
		row_arena_line(&c->ra, k, kl, code, cl, t, tl,
		    atoi(PQgetvalue(c->lines.res, c->lines.row, 3)));
		c->lines.row++;
	}
	return rc;
}

/* Step the cursor: 1 with *ip, 0 at the end, or a store_rc. */
static int
pg_read_cursor_next(struct query_cursor *qc, const struct query_intake **ip,
    char **errp)
{
	struct pg_cursor	*c = (struct pg_cursor *)qc;
	struct query_intake	*in = &c->ra.in;
	const char		*v;
	size_t			 len;
	int			 i, rc;

	if ((rc = pg_read_peek(c, &c->main, errp)) <= 0)
		return rc;
	row_arena_start(&c->ra);
	for (i = 0; i < ROW_ARENA_NCOLS; i++) {
		v = pg_read_col(&c->main, i, &len);
		row_arena_meta(&c->ra, i, v, len);
	}
	in->form_version = atoi(PQgetvalue(c->main.res, c->main.row,
	    ROW_ARENA_VERSION));
	in->has_score = !row_arena_null(&c->ra, ROW_ARENA_SCORE);
	in->score = atoi(PQgetvalue(c->main.res, c->main.row,
	    ROW_ARENA_SCORE));
	in->has_internal = !row_arena_null(&c->ra, ROW_ARENA_OUT + 3);
	in->score_internal = atoi(PQgetvalue(c->main.res, c->main.row,
	    ROW_ARENA_OUT + 3));
	c->main.row++;
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
