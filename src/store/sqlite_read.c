/*
 * sqlite_read.c: the read ops of the SQLite backend (store/query.h,
 * backend.h): a streaming cursor over intakes with their answers and
 * result lines, id prefixes, stored form texts, grouped counts, the audit
 * log and one intake's status.  Every statement is prepared; the cursor
 * copies one intake at a time into reusable buffers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "store/query.h"
#include "row_arena.h"
#include "sqlite.h"
#include "sqlite_read.h"

/* Filter placeholders ?1..?4, ?6 and ?7 (?5 is a count's argument),
   shared by every statement over intakes.  A kiosk's file keeps no
   clinic name: a clinic filter matches none of its intakes. */
#define QUERY_WHERE \
	" WHERE (?1 IS NULL OR i.started_at >= ?1)" \
	" AND (?2 IS NULL OR i.started_at < ?2)" \
	" AND (?3 IS NULL OR i.status = ?3)" \
	" AND (?4 IS NULL OR i.id = ?4)" \
	" AND (?6 IS NULL OR i.kiosk_id = ?6) AND ?7 IS NULL"

/* The backend's query_cursor. */
struct sqlite_cursor {
	struct query_cursor base;	/* first: what the wrappers see */
	struct sqlite_store *ss;	/* the cursor's database */
	unsigned	 flags;		/* QUERY_* */
	sqlite3_stmt	*main;		/* intakes [joined with answers] */
	sqlite3_stmt	*lines;		/* result lines of one intake */
	int		 state;		/* 0 start, SQLITE_ROW, SQLITE_DONE */
	sqlite3_stmt	*all_ans;	/* QUERY_BY_ID: every answer by id */
	sqlite3_stmt	*all_lines;	/* QUERY_BY_ID: every line by id */
	int		 ans_state;	/* their step states, as state */
	int		 lines_state;
	struct row_arena ra;		/* this intake */
};

/* Bind the filter's four placeholders; *errp on a bad date. */
static int
sqlite_read_bind_filter(struct sqlite_store *ss, sqlite3_stmt *st,
    const struct query_filter *f, char **errp)
{
	char	b[2][32];
	int	rc = SQLITE_OK;

	if (f == NULL)
		return STORE_OK;
	if ((f->since != NULL && query_day_bound(f->since, 0, b[0]) < 0) ||
	    (f->until != NULL && query_day_bound(f->until, 1, b[1]) < 0)) {
		*errp = xstrdup("invalid date (want YYYY-MM-DD)");
		return STORE_ERR;
	}
	if (f->since != NULL)
		rc = sqlite3_bind_text(st, 1, b[0], -1, SQLITE_TRANSIENT);
	if (rc == SQLITE_OK && f->until != NULL)
		rc = sqlite3_bind_text(st, 2, b[1], -1, SQLITE_TRANSIENT);
	if (rc == SQLITE_OK && f->status != NULL)
		rc = sqlite3_bind_text(st, 3, f->status, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK && f->id != NULL)
		rc = sqlite3_bind_text(st, 4, f->id, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK && f->kiosk != NULL)
		rc = sqlite3_bind_text(st, 6, f->kiosk, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK && f->clinic != NULL)
		rc = sqlite3_bind_text(st, 7, f->clinic, -1, SQLITE_STATIC);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "query", errp);
	return STORE_OK;
}

/* Run a statement that returns no rows. */
static int
sqlite_read_exec(struct sqlite_store *ss, const char *sql, char **errp)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v2(ss->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE || rc == SQLITE_ROW)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, sql, errp);
	return STORE_OK;
}

/* Start one read transaction (a snapshot). */
static int
sqlite_read_begin(struct store *s, char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	int			 rc;

	if ((rc = sqlite_read_exec(ss, "BEGIN", errp)) != STORE_OK)
		return rc;
	/* A deferred transaction snapshots at its first read: read now. */
	return sqlite_read_exec(ss, "SELECT count(*) FROM forms", errp);
}

/* End the read transaction. */
static int
sqlite_read_end(struct store *s, char **errp)
{
	return sqlite_read_exec(sqlite_of(s), "COMMIT", errp);
}

/* Free a cursor and its statements. */
static void
sqlite_read_cursor_free(struct query_cursor *qc)
{
	struct sqlite_cursor	*c = (struct sqlite_cursor *)qc;

	if (c == NULL)
		return;
	sqlite3_finalize(c->main);
	sqlite3_finalize(c->lines);
	sqlite3_finalize(c->all_ans);
	sqlite3_finalize(c->all_lines);
	row_arena_done(&c->ra);
	free(c);
}

/* A cursor over the intakes f selects. */
static int
sqlite_read_cursor_new(struct store *s, const struct query_filter *f,
    unsigned flags, struct query_cursor **cp, char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	struct sqlite_cursor	*c;
	const char		*sql;
	int			 rc;

	/* By id: scanning the table and sorting (bounded memory, spilled
	   to a temporary file) beats a random lookup per intake through
	   the id index. */
	if (flags & QUERY_BY_ID)
		sql = ROW_ARENA_COLS " FROM intakes i NOT INDEXED JOIN forms f"
		    " ON f.hash = i.form_hash" QUERY_WHERE " ORDER BY i.id";
	else if (flags & QUERY_ANSWERS)
		sql = ROW_ARENA_COLS ", a.question, a.value, a.answered_at"
		    " FROM intakes i JOIN forms f ON f.hash = i.form_hash"
		    " LEFT JOIN answers a ON a.intake_id = i.id" QUERY_WHERE
		    " ORDER BY i.started_at, i.id, a.question";
	else
		sql = ROW_ARENA_COLS " FROM intakes i JOIN forms f"
		    " ON f.hash = i.form_hash" QUERY_WHERE
		    " ORDER BY i.started_at, i.id";
	c = xcalloc(1, sizeof(*c));
	c->base.s = s;
	c->ss = ss;
	c->flags = flags;
	row_arena_init(&c->ra);
	rc = sqlite3_prepare_v2(ss->db, sql, -1, &c->main, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(ss->db, "SELECT kind, code, points,"
		    " text FROM result_lines WHERE intake_id = ? ORDER BY seq",
		    -1, &c->lines, NULL);
	if (rc == SQLITE_OK && (flags & QUERY_BY_ID))
		rc = sqlite3_prepare_v2(ss->db, "SELECT intake_id, question,"
		    " value, answered_at FROM answers ORDER BY intake_id,"
		    " question", -1, &c->all_ans, NULL);
	if (rc == SQLITE_OK && (flags & QUERY_BY_ID) && (flags & QUERY_LINES))
		rc = sqlite3_prepare_v2(ss->db, "SELECT intake_id, kind, code,"
		    " points, text FROM result_lines ORDER BY intake_id, seq",
		    -1, &c->all_lines, NULL);
	if (rc != SQLITE_OK) {
		rc = sqlite_fail(ss, rc, "query", errp);
		sqlite_read_cursor_free(&c->base);
		return rc;
	}
	if ((rc = sqlite_read_bind_filter(ss, c->main, f, errp)) != STORE_OK) {
		sqlite_read_cursor_free(&c->base);
		return rc;
	}
	*cp = &c->base;
	return STORE_OK;
}

/* Column col of st (NULL for SQL NULL) and its length. */
static const char *
sqlite_read_text(sqlite3_stmt *st, int col, size_t *len)
{
	const char	*t = (const char *)sqlite3_column_text(st, col);

	*len = t != NULL ? (size_t)sqlite3_column_bytes(st, col) : 0;
	return t;
}

/* Copy the current row's intake columns. */
static void
sqlite_read_take_meta(struct sqlite_cursor *c)
{
	struct query_intake	*in = &c->ra.in;
	const char		*v;
	size_t			 len;
	int			 i;

	row_arena_start(&c->ra);
	for (i = 0; i < ROW_ARENA_NCOLS; i++) {
		v = sqlite_read_text(c->main, i, &len);
		row_arena_meta(&c->ra, i, v, len);
	}
	in->form_version = sqlite3_column_int(c->main, ROW_ARENA_VERSION);
	in->has_score = !row_arena_null(&c->ra, ROW_ARENA_SCORE);
	in->score = sqlite3_column_int(c->main, ROW_ARENA_SCORE);
	in->has_internal = !row_arena_null(&c->ra, ROW_ARENA_OUT + 3);
	in->score_internal = sqlite3_column_int(c->main, ROW_ARENA_OUT + 3);
}

/* Keep an answer from columns col.. of st. */
static void
sqlite_read_keep_answer(struct sqlite_cursor *c, sqlite3_stmt *st, int col)
{
	const char	*q, *v, *at;
	size_t		 ql, vl, atl;

	q = sqlite_read_text(st, col, &ql);
	v = sqlite_read_text(st, col + 1, &vl);
	at = sqlite_read_text(st, col + 2, &atl);
	row_arena_answer(&c->ra, q, ql, v, vl, at, atl);
}

/* Read the answer rows of the current intake, leaving the next row. */
static int
sqlite_read_take_answers(struct sqlite_cursor *c)
{
	int	rc;

	for (;;) {
		if (sqlite3_column_type(c->main, ROW_ARENA_NCOLS) !=
		    SQLITE_NULL)
			sqlite_read_keep_answer(c, c->main, ROW_ARENA_NCOLS);
		rc = sqlite3_step(c->main);
		/* The arena may have moved: look the id up again. */
		if (rc != SQLITE_ROW || strcmp((const char *)
		    sqlite3_column_text(c->main, 0),
		    row_arena_col(&c->ra, 0)) != 0)
			break;
	}
	return rc;
}

/*
 * Advance *state over st (rows ordered by intake id in column 0) past
 * the rows of intakes before the current one; 1 if st is now on a row of
 * the current intake, 0 if not, or a store_rc.
 */
static int
sqlite_read_merge_seek(struct sqlite_cursor *c, sqlite3_stmt *st, int *state,
    char **errp)
{
	const char	*id;
	int		 cmp;

	for (;;) {
		if (*state == 0)
			*state = sqlite3_step(st);
		if (*state == SQLITE_DONE)
			return 0;
		if (*state != SQLITE_ROW)
			return sqlite_fail(c->ss, *state, "query", errp);
		id = (const char *)sqlite3_column_text(st, 0);
		if ((cmp = strcmp(id, row_arena_col(&c->ra, 0))) >= 0)
			return cmp == 0;
		*state = 0;
	}
}

/* QUERY_BY_ID: the current intake's answers from the answers scan. */
static int
sqlite_read_merge_answers(struct sqlite_cursor *c, char **errp)
{
	int	rc;

	while ((rc = sqlite_read_merge_seek(c, c->all_ans, &c->ans_state,
	    errp)) == 1) {
		sqlite_read_keep_answer(c, c->all_ans, 1);
		c->ans_state = 0;
	}
	return rc;
}

/* Keep a result line from columns col.. (kind, code, points, text). */
static void
sqlite_read_keep_line(struct sqlite_cursor *c, sqlite3_stmt *st, int col)
{
	const char	*k, *code, *t;
	size_t		 kl, cl, tl;

	k = sqlite_read_text(st, col, &kl);
	code = sqlite_read_text(st, col + 1, &cl);
	t = sqlite_read_text(st, col + 3, &tl);
	row_arena_line(&c->ra, k, kl, code, cl, t, tl,
	    sqlite3_column_int(st, col + 2));
}

/* QUERY_BY_ID: the current intake's lines from the lines scan. */
static int
sqlite_read_merge_lines(struct sqlite_cursor *c, char **errp)
{
	int	rc;

	while ((rc = sqlite_read_merge_seek(c, c->all_lines, &c->lines_state,
	    errp)) == 1) {
		sqlite_read_keep_line(c, c->all_lines, 1);
		c->lines_state = 0;
	}
	return rc;
}

/* Read the result lines of intake id into the arena. */
static int
sqlite_read_take_lines(struct sqlite_cursor *c, const char *id, char **errp)
{
	int	rc;

	sqlite3_reset(c->lines);
	rc = sqlite3_bind_text(c->lines, 1, id, -1, SQLITE_TRANSIENT);
	while (rc == SQLITE_OK && (rc = sqlite3_step(c->lines)) ==
	    SQLITE_ROW) {
		sqlite_read_keep_line(c, c->lines, 0);
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_DONE)
		return sqlite_fail(c->ss, rc, "query", errp);
	return STORE_OK;
}

/*
 * A completed intake without codes was completed by an smp-intake older
 * than schema 2 still running after the file was upgraded: join its codes
 * from its result lines, so its stops are never lost from view.
 */
static int
sqlite_read_codes_from_lines(struct sqlite_cursor *c, char **errp)
{
	struct strbuf	codes[STORE_NCODES];
	int		k, rc;

	for (k = 0; k < STORE_NCODES; k++)
		strbuf_init(&codes[k]);
	sqlite3_reset(c->lines);
	rc = sqlite3_bind_text(c->lines, 1, row_arena_col(&c->ra, 0), -1,
	    SQLITE_TRANSIENT);
	while (rc == SQLITE_OK && (rc = sqlite3_step(c->lines)) ==
	    SQLITE_ROW) {
		store_codes_add(codes, (const char *)sqlite3_column_text(
		    c->lines, 0), (const char *)sqlite3_column_text(c->lines,
		    1));
		rc = SQLITE_OK;
	}
	for (k = 0; k < STORE_NCODES; k++) {
		row_arena_meta(&c->ra, ROW_ARENA_CODES + k, codes[k].s,
		    codes[k].len);
		strbuf_done(&codes[k]);
	}
	if (rc != SQLITE_DONE)
		return sqlite_fail(c->ss, rc, "query", errp);
	return STORE_OK;
}

/* Step the cursor: 1 with *ip, 0 at the end, or a store_rc. */
static int
sqlite_read_cursor_next(struct query_cursor *qc,
    const struct query_intake **ip, char **errp)
{
	struct sqlite_cursor	*c = (struct sqlite_cursor *)qc;
	int			 rc;

	if (c->state == 0)
		c->state = sqlite3_step(c->main);
	if (c->state == SQLITE_DONE)
		return 0;
	if (c->state != SQLITE_ROW)
		return sqlite_fail(c->ss, c->state, "query", errp);
	sqlite_read_take_meta(c);
	rc = STORE_OK;
	if (c->flags & QUERY_BY_ID) {
		c->state = sqlite3_step(c->main);
		if (c->flags & QUERY_ANSWERS)
			rc = sqlite_read_merge_answers(c, errp);
		if (rc == STORE_OK && (c->flags & QUERY_LINES))
			rc = sqlite_read_merge_lines(c, errp);
	} else {
		if (c->flags & QUERY_ANSWERS)
			c->state = sqlite_read_take_answers(c);
		else
			c->state = sqlite3_step(c->main);
		if (c->flags & QUERY_LINES)
			rc = sqlite_read_take_lines(c, row_arena_col(&c->ra, 0),
			    errp);
	}
	if (rc == STORE_OK && row_arena_null(&c->ra, ROW_ARENA_CODES) &&
	    strcmp(row_arena_col(&c->ra, ROW_ARENA_STATUS), "completed") == 0)
		rc = sqlite_read_codes_from_lines(c, errp);
	if (rc != STORE_OK)
		return rc;
	*ip = row_arena_fix(&c->ra);
	return 1;
}

/* Prepare sql on ss; a store_rc. */
static int
sqlite_read_prepare(struct sqlite_store *ss, const char *sql,
    sqlite3_stmt **stp, char **errp)
{
	int	rc;

	rc = sqlite3_prepare_v2(ss->db, sql, -1, stp, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(*stp);
		*stp = NULL;
		return sqlite_fail(ss, rc, "query", errp);
	}
	return STORE_OK;
}

/* Finish a statement that stepped to rc; a store_rc. */
static int
sqlite_read_finish(struct sqlite_store *ss, sqlite3_stmt *st, int rc,
    char **errp)
{
	if (rc != SQLITE_DONE && rc != SQLITE_ROW && rc != SQLITE_OK)
		rc = sqlite_fail(ss, rc, "query", errp);
	else
		rc = STORE_OK;
	sqlite3_finalize(st);
	return rc;
}

/* The full id of the one intake whose id starts with prefix. */
static int
sqlite_read_resolve_id(struct store *s, const char *prefix, char **idp,
    char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	sqlite3_stmt		*st;
	size_t			 len = strlen(prefix);
	int			 rc, n = 0;

	*idp = NULL;
	if (len < 8 || len > STORE_ID_LEN || strspn(prefix,
	    "0123456789abcdefABCDEF-") != len)
		return store_err(STORE_ERR, errp, "an intake id (or its "
		    "first 8 characters or more) is expected");
	if ((rc = sqlite_read_prepare(ss, "SELECT id FROM intakes WHERE"
	    " substr(id, 1, ?2) = lower(?1) LIMIT 2", &st, errp)) != STORE_OK)
		return rc;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)len);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ == 0)
			*idp = xstrdup((const char *)
			    sqlite3_column_text(st, 0));
	}
	if ((rc = sqlite_read_finish(ss, st, rc, errp)) != STORE_OK || n == 1)
		goto done;
	rc = n == 0 ? store_err(STORE_NOTFOUND, errp, "no intake %s",
	    prefix) : store_err(STORE_ERR, errp, "several intakes start "
	    "with %s: give more of the id", prefix);
done:
	if (rc != STORE_OK) {
		free(*idp);
		*idp = NULL;
	}
	return rc;
}

/* Call fn for every form version the intakes f selects use. */
static int
sqlite_read_forms(struct store *s, const struct query_filter *f,
    query_form_fn fn, void *ctx, char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	sqlite3_stmt		*st;
	struct query_form	 qf;
	int			 rc, stop = 0;

	if ((rc = sqlite_read_prepare(ss, "SELECT f.hash, f.form_id,"
	    " f.version, f.added_at FROM forms f WHERE f.hash IN"
	    " (SELECT i.form_hash FROM intakes i" QUERY_WHERE ")"
	    " ORDER BY f.version DESC, f.added_at DESC, f.hash", &st,
	    errp)) != STORE_OK)
		return rc;
	if ((rc = sqlite_read_bind_filter(ss, st, f, errp)) != STORE_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		qf.hash = (const char *)sqlite3_column_text(st, 0);
		qf.form_id = (const char *)sqlite3_column_text(st, 1);
		qf.version = sqlite3_column_int(st, 2);
		qf.added_at = (const char *)sqlite3_column_text(st, 3);
		stop = fn(ctx, &qf);
	}
	rc = sqlite_read_finish(ss, st, rc, errp);
	return rc != STORE_OK ? rc : stop;
}

/* The exact source text of the form with this hash. */
static int
sqlite_read_form_source(struct store *s, const char *hash, char **srcp,
    size_t *lenp, char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	sqlite3_stmt		*st;
	int			 rc;

	*srcp = NULL;
	if ((rc = sqlite_read_prepare(ss, "SELECT source FROM forms WHERE"
	    " hash = ?", &st, errp)) != STORE_OK)
		return rc;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*lenp = (size_t)sqlite3_column_bytes(st, 0);
		*srcp = xmalloc(*lenp + 1);
		memcpy(*srcp, sqlite3_column_text(st, 0), *lenp);
		(*srcp)[*lenp] = '\0';
	}
	if ((rc = sqlite_read_finish(ss, st, rc, errp)) == STORE_OK &&
	    *srcp == NULL)
		rc = store_err(STORE_NOTFOUND, errp, "form %.12s is not "
		    "stored", hash);
	return rc;
}

/* The SQL of each query_counts grouping. */
static const char *
sqlite_read_count_sql(int by)
{
	switch (by) {
	case QC_STATUS:
		return "SELECT i.status, NULL, count(*) AS n FROM intakes i"
		    QUERY_WHERE " GROUP BY 1 ORDER BY n DESC, 1";
	case QC_BAND:
		return "SELECT coalesce(i.band, ''), NULL, count(*) AS n"
		    " FROM intakes i" QUERY_WHERE " GROUP BY 1"
		    " ORDER BY n DESC, 1";
	case QC_ANSWER:
		return "SELECT a.value, NULL, count(*) AS n FROM intakes i"
		    " JOIN answers a ON a.intake_id = i.id" QUERY_WHERE
		    " AND a.question = ?5 GROUP BY 1 ORDER BY n DESC, 1";
	case QC_OUTCOME:
		return "SELECT coalesce(i.outcome, ''), NULL, count(*) AS n"
		    " FROM intakes i" QUERY_WHERE " GROUP BY 1"
		    " ORDER BY n DESC, 1";
	case QC_STOP:
	case QC_FLAG:
		return "SELECT r.code, min(r.text), count(*) AS n FROM"
		    " intakes i JOIN result_lines r ON r.intake_id = i.id"
		    QUERY_WHERE " AND r.kind = ?5 GROUP BY 1"
		    " ORDER BY n DESC, 1";
	default:	/* QC_STARTED */
		break;
	}
	return "SELECT i.started_at, NULL, 1 FROM intakes i" QUERY_WHERE;
}

/* Counts over the intakes f selects, grouped by "by". */
static int
sqlite_read_counts(struct store *s, const struct query_filter *f, int by,
    const char *arg, query_count_fn fn, void *ctx, char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	sqlite3_stmt		*st;
	int			 rc, stop = 0;

	if ((rc = sqlite_read_prepare(ss, sqlite_read_count_sql(by), &st,
	    errp)) != STORE_OK)
		return rc;
	if ((rc = sqlite_read_bind_filter(ss, st, f, errp)) != STORE_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	if (by == QC_ANSWER)
		sqlite3_bind_text(st, 5, arg, -1, SQLITE_STATIC);
	else if (by == QC_STOP || by == QC_FLAG)
		sqlite3_bind_text(st, 5, by == QC_STOP ? "stop" : "flag", -1,
		    SQLITE_STATIC);
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn(ctx, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (long)sqlite3_column_int64(st, 2));
	rc = sqlite_read_finish(ss, st, rc, errp);
	return rc != STORE_OK ? rc : stop;
}

/* Whether any stored answer has question id q. */
static int
sqlite_read_has_question(struct store *s, const char *q, bool *yes,
    char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	sqlite3_stmt		*st;
	int			 rc;

	if ((rc = sqlite_read_prepare(ss, "SELECT 1 FROM answers WHERE"
	    " question = ? LIMIT 1", &st, errp)) != STORE_OK)
		return rc;
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	return sqlite_read_finish(ss, st, rc, errp);
}

/* Column i of st as text, "" for NULL (borrowed until the next step). */
static const char *
sqlite_read_col(sqlite3_stmt *st, int i)
{
	const unsigned char	*v = sqlite3_column_text(st, i);

	return v != NULL ? (const char *)v : "";
}

/* Call fn for each audit entry with since <= at < until, in order. */
static int
sqlite_read_audit_each(struct store *s, const char *since,
    const char *until, int (*fn)(void *ctx,
    const struct store_audit_entry *e), void *ctx, char **errp)
{
	struct sqlite_store		*ss = sqlite_of(s);
	struct store_audit_entry	 e;
	sqlite3_stmt			*st;
	int				 rc;

	rc = sqlite3_prepare_v2(ss->db, "SELECT seq, at, actor, action, "
	    "detail FROM audit WHERE (?1 IS NULL OR at >= ?1) AND "
	    "(?2 IS NULL OR at < ?2) ORDER BY seq", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot read the audit log", errp);
	if (since != NULL)
		sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	if (until != NULL)
		sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e.seq = sqlite3_column_int64(st, 0);
		e.at = sqlite_read_col(st, 1);
		e.actor = sqlite_read_col(st, 2);
		e.action = sqlite_read_col(st, 3);
		e.detail = sqlite_read_col(st, 4);
		if (fn(ctx, &e) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	rc = rc == SQLITE_DONE ? STORE_OK :
	    sqlite_fail(ss, rc, "cannot read the audit log", errp);
	sqlite3_finalize(st);
	return rc;
}

/*
 * The status of intake id into buf (16 bytes): STORE_OK, STORE_NOTFOUND,
 * or an error.  Also the write side's check before a change, inside its
 * transaction (a cached statement: it runs at every answer).
 */
static int
sqlite_read_intake_status(struct store *s, const char *id, char *buf,
    char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	sqlite3_stmt		*st;
	const char		*v;
	int			 rc;

	if ((rc = sqlite_stmt(ss, &ss->st_status, "SELECT status FROM "
	    "intakes WHERE id = ?", errp)) != STORE_OK)
		return rc;
	st = ss->st_status;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		v = (const char *)sqlite3_column_text(st, 0);
		snprintf(buf, 16, "%s", v != NULL ? v : "");
		rc = STORE_OK;
	} else if (rc == SQLITE_DONE)
		rc = store_err(STORE_NOTFOUND, errp, "%s: no intake %s",
		    ss->base.path, id);
	else
		rc = sqlite_fail(ss, rc, "cannot read an intake", errp);
	sqlite3_reset(st);
	return rc;
}

/* The read ops of the SQLite backend (backend.h). */
const struct store_read_ops sqlite_read_ops = {
	.begin = sqlite_read_begin,
	.end = sqlite_read_end,
	.cursor_new = sqlite_read_cursor_new,
	.cursor_next = sqlite_read_cursor_next,
	.cursor_free = sqlite_read_cursor_free,
	.resolve_id = sqlite_read_resolve_id,
	.forms = sqlite_read_forms,
	.form_source = sqlite_read_form_source,
	.counts = sqlite_read_counts,
	.has_question = sqlite_read_has_question,
	.audit_each = sqlite_read_audit_each,
	.intake_status = sqlite_read_intake_status
};
