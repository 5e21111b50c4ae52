/*
 * store_query.c: the read side of the intake database (smp_query.h):
 * a streaming cursor over intakes with their answers and result lines,
 * id prefixes, stored form texts and grouped counts.  Every statement is
 * prepared; the cursor copies one intake at a time into reusable buffers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/date.h"
#include "base/defs.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "store/query.h"
#include "store_int.h"

#define QUERY_NONE	((size_t)-1)	/* offset of a NULL string */

/* Filter placeholders ?1..?4, shared by every statement over intakes. */
#define QUERY_WHERE \
	" WHERE (?1 IS NULL OR i.started_at >= ?1)" \
	" AND (?2 IS NULL OR i.started_at < ?2)" \
	" AND (?3 IS NULL OR i.status = ?3)" \
	" AND (?4 IS NULL OR i.id = ?4)"

#define QUERY_COLS \
	"SELECT i.id, i.form_hash, f.form_id, f.version, i.kiosk_id," \
	" i.lang, i.source, i.status, i.started_at, i.updated_at," \
	" i.completed_at, i.score, i.band, i.stop_codes, i.flag_codes," \
	" i.recommend_codes"
#define QC_NCOLS	16
#define QC_CODES	13	/* first of the three codes columns */

struct query_cursor {
	struct store	*s;
	unsigned	 flags;		/* QUERY_* */
	sqlite3_stmt	*main;		/* intakes [joined with answers] */
	sqlite3_stmt	*lines;		/* result lines of one intake */
	int		 state;		/* 0 start, SQLITE_ROW, SQLITE_DONE */
	sqlite3_stmt	*all_ans;	/* QUERY_BY_ID: every answer by id */
	sqlite3_stmt	*all_lines;	/* QUERY_BY_ID: every line by id */
	int		 ans_state;	/* their step states, as state */
	int		 lines_state;
	struct strbuf	 arena;		/* this intake's strings */
	size_t		 meta[QC_NCOLS];	/* offsets of metadata */
	size_t		*aoff;		/* 3 offsets per answer */
	size_t		 acap;
	size_t		*loff;		/* 3 offsets per line */
	size_t		 lcap;
	struct query_intake in;		/* what next() hands out */
	size_t		 in_acap;	/* in.answers allocated */
	size_t		 in_lcap;	/* in.lines allocated */
};

/* Bind the filter's four placeholders; *errp on a bad date. */
static int
query_bind_filter(struct store *s, sqlite3_stmt *st,
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
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "query", errp);
	return STORE_OK;
}

int
query_day_bound(const char *date, int next_day, char *buf)
{
	struct tm	tm;
	time_t		t;
	int		days, y, m, d;

	if (date_parse(date, &days) != DATE_OK)
		return -1;
	date_to_ymd(days + (next_day ? 1 : 0), &y, &m, &d);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1 || gmtime_r(&t, &tm) == NULL)
		return -1;
	strftime(buf, 25, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
	return 0;
}

int
query_filter_check(const struct query_filter *f, char **errp)
{
	static const char *const statuses[] = {
		"in_progress", "completed", "abandoned"
	};
	char	 b[32];
	size_t	 i;

	if (f->since != NULL && query_day_bound(f->since, 0, b) < 0) {
		*errp = xstrdup("--since: not a date YYYY-MM-DD");
		return -1;
	}
	if (f->until != NULL && query_day_bound(f->until, 1, b) < 0) {
		*errp = xstrdup("--until: not a date YYYY-MM-DD");
		return -1;
	}
	if (f->since != NULL && f->until != NULL &&
	    strcmp(f->since, f->until) > 0) {
		*errp = xstrdup("--since is after --until");
		return -1;
	}
	if (f->status == NULL)
		return 0;
	for (i = 0; i < SMP_NELEM(statuses); i++)
		if (strcmp(f->status, statuses[i]) == 0)
			return 0;
	*errp = xstrdup("--status: want in_progress, completed or abandoned");
	return -1;
}

/* Run a statement that returns no rows. */
static int
query_exec(struct store *s, const char *sql, char **errp)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE || rc == SQLITE_ROW)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, sql, errp);
	return STORE_OK;
}

int
query_begin(struct store *s, char **errp)
{
	int	rc;

	if ((rc = query_exec(s, "BEGIN", errp)) != STORE_OK)
		return rc;
	/* A deferred transaction snapshots at its first read: read now. */
	return query_exec(s, "SELECT count(*) FROM forms", errp);
}

int
query_end(struct store *s, char **errp)
{
	return query_exec(s, "COMMIT", errp);
}

int
query_cursor_new(struct store *s, const struct query_filter *f,
    unsigned flags, struct query_cursor **cp, char **errp)
{
	struct query_cursor	*c;
	const char		*sql;
	int			 rc;

	/* By id: scanning the table and sorting (bounded memory, spilled
	   to a temporary file) beats a random lookup per intake through
	   the id index. */
	if (flags & QUERY_BY_ID)
		sql = QUERY_COLS " FROM intakes i NOT INDEXED JOIN forms f"
		    " ON f.hash = i.form_hash" QUERY_WHERE " ORDER BY i.id";
	else if (flags & QUERY_ANSWERS)
		sql = QUERY_COLS ", a.question, a.value, a.answered_at"
		    " FROM intakes i JOIN forms f ON f.hash = i.form_hash"
		    " LEFT JOIN answers a ON a.intake_id = i.id" QUERY_WHERE
		    " ORDER BY i.started_at, i.id, a.question";
	else
		sql = QUERY_COLS " FROM intakes i JOIN forms f"
		    " ON f.hash = i.form_hash" QUERY_WHERE
		    " ORDER BY i.started_at, i.id";
	c = xcalloc(1, sizeof(*c));
	c->s = s;
	c->flags = flags;
	strbuf_init(&c->arena);
	rc = sqlite3_prepare_v2(s->db, sql, -1, &c->main, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, "SELECT kind, code, points,"
		    " text FROM result_lines WHERE intake_id = ? ORDER BY seq",
		    -1, &c->lines, NULL);
	if (rc == SQLITE_OK && (flags & QUERY_BY_ID))
		rc = sqlite3_prepare_v2(s->db, "SELECT intake_id, question,"
		    " value, answered_at FROM answers ORDER BY intake_id,"
		    " question", -1, &c->all_ans, NULL);
	if (rc == SQLITE_OK && (flags & QUERY_BY_ID) && (flags & QUERY_LINES))
		rc = sqlite3_prepare_v2(s->db, "SELECT intake_id, kind, code,"
		    " points, text FROM result_lines ORDER BY intake_id, seq",
		    -1, &c->all_lines, NULL);
	if (rc != SQLITE_OK) {
		rc = store_fail(s, rc, "query", errp);
		query_cursor_free(c);
		return rc;
	}
	if ((rc = query_bind_filter(s, c->main, f, errp)) != STORE_OK) {
		query_cursor_free(c);
		return rc;
	}
	*cp = c;
	return STORE_OK;
}

void
query_cursor_free(struct query_cursor *c)
{
	if (c == NULL)
		return;
	sqlite3_finalize(c->main);
	sqlite3_finalize(c->lines);
	sqlite3_finalize(c->all_ans);
	sqlite3_finalize(c->all_lines);
	strbuf_done(&c->arena);
	free(c->aoff);
	free(c->loff);
	free(c->in.answers);
	free(c->in.lines);
	free(c);
}

/* Copy column col of st into the arena; its offset, or QUERY_NONE. */
static size_t
query_keep(struct query_cursor *c, sqlite3_stmt *st, int col)
{
	const unsigned char	*t = sqlite3_column_text(st, col);
	size_t			 off = c->arena.len;

	if (t == NULL)
		return QUERY_NONE;
	strbuf_add(&c->arena, (const char *)t,
	    (size_t)sqlite3_column_bytes(st, col));
	strbuf_addc(&c->arena, '\0');
	return off;
}

/* The string at arena offset off, or NULL. */
static const char *
query_at(const struct query_cursor *c, size_t off)
{
	return off == QUERY_NONE ? NULL : c->arena.s + off;
}

/* Copy the current row's intake columns. */
static void
query_take_meta(struct query_cursor *c)
{
	int	i;

	strbuf_reset(&c->arena);
	for (i = 0; i < QC_NCOLS; i++)
		c->meta[i] = query_keep(c, c->main, i);
	c->in.form_version = sqlite3_column_int(c->main, 3);
	c->in.has_score = sqlite3_column_type(c->main, 11) != SQLITE_NULL;
	c->in.score = sqlite3_column_int(c->main, 11);
	c->in.nanswers = 0;
	c->in.nlines = 0;
}

/* Keep answer n from columns col.. of st. */
static void
query_keep_answer(struct query_cursor *c, sqlite3_stmt *st, int col,
    size_t n)
{
	if (n + 1 > c->acap) {
		c->acap = c->acap ? 2 * c->acap : 64;
		c->aoff = xreallocarray(c->aoff, c->acap, 3 * sizeof(size_t));
	}
	c->aoff[3 * n] = query_keep(c, st, col);
	c->aoff[3 * n + 1] = query_keep(c, st, col + 1);
	c->aoff[3 * n + 2] = query_keep(c, st, col + 2);
}

/* Read the answer rows of the current intake, leaving the next row. */
static int
query_take_answers(struct query_cursor *c)
{
	size_t	n = 0;
	int	rc;

	for (;;) {
		if (sqlite3_column_type(c->main, QC_NCOLS) != SQLITE_NULL)
			query_keep_answer(c, c->main, QC_NCOLS, n++);
		rc = sqlite3_step(c->main);
		/* The arena may have moved: compare through the offset. */
		if (rc != SQLITE_ROW || strcmp((const char *)
		    sqlite3_column_text(c->main, 0),
		    c->arena.s + c->meta[0]) != 0)
			break;
	}
	c->in.nanswers = n;
	return rc;
}

/*
 * Advance *state over st (rows ordered by intake id in column 0) past
 * the rows of intakes before the current one; 1 if st is now on a row of
 * the current intake, 0 if not, or a store_rc.
 */
static int
query_merge_seek(struct query_cursor *c, sqlite3_stmt *st, int *state,
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
			return store_fail(c->s, *state, "query", errp);
		id = (const char *)sqlite3_column_text(st, 0);
		if ((cmp = strcmp(id, c->arena.s + c->meta[0])) >= 0)
			return cmp == 0;
		*state = 0;
	}
}

/* QUERY_BY_ID: the current intake's answers from the answers scan. */
static int
query_merge_answers(struct query_cursor *c, char **errp)
{
	size_t	n = 0;
	int	rc;

	while ((rc = query_merge_seek(c, c->all_ans, &c->ans_state,
	    errp)) == 1) {
		query_keep_answer(c, c->all_ans, 1, n++);
		c->ans_state = 0;
	}
	c->in.nanswers = n;
	return rc;
}

/* Keep result line n from columns col.. (kind, code, points, text). */
static void
query_keep_line(struct query_cursor *c, sqlite3_stmt *st, int col,
    size_t n)
{
	if (n + 1 > c->lcap) {
		c->lcap = c->lcap ? 2 * c->lcap : 16;
		c->loff = xreallocarray(c->loff, c->lcap, 4 * sizeof(size_t));
	}
	c->loff[4 * n] = query_keep(c, st, col);
	c->loff[4 * n + 1] = query_keep(c, st, col + 1);
	c->loff[4 * n + 2] = query_keep(c, st, col + 3);
	c->loff[4 * n + 3] = (size_t)sqlite3_column_int(st, col + 2);
}

/* QUERY_BY_ID: the current intake's lines from the lines scan. */
static int
query_merge_lines(struct query_cursor *c, char **errp)
{
	size_t	n = 0;
	int	rc;

	while ((rc = query_merge_seek(c, c->all_lines, &c->lines_state,
	    errp)) == 1) {
		query_keep_line(c, c->all_lines, 1, n++);
		c->lines_state = 0;
	}
	c->in.nlines = n;
	return rc;
}

/* Read the result lines of intake id into the arena. */
static int
query_take_lines(struct query_cursor *c, const char *id, char **errp)
{
	size_t	n = 0;
	int	rc;

	sqlite3_reset(c->lines);
	rc = sqlite3_bind_text(c->lines, 1, id, -1, SQLITE_TRANSIENT);
	while (rc == SQLITE_OK && (rc = sqlite3_step(c->lines)) ==
	    SQLITE_ROW) {
		query_keep_line(c, c->lines, 0, n++);
		rc = SQLITE_OK;
	}
	c->in.nlines = n;
	if (rc != SQLITE_DONE)
		return store_fail(c->s, rc, "query", errp);
	return STORE_OK;
}

/* How many codes a codes column holds ("a;b" is 2; NULL and "" 0). */
static int
query_ncodes(const char *codes)
{
	int	n;

	if (codes == NULL || *codes == '\0')
		return 0;
	for (n = 1; (codes = strchr(codes, ';')) != NULL; codes++)
		n++;
	return n;
}

/*
 * A completed intake without codes was completed by an smp-intake older
 * than schema 2 still running after the file was upgraded: join its codes
 * from its result lines, so its stops are never lost from view.
 */
static int
query_codes_from_lines(struct query_cursor *c, char **errp)
{
	struct strbuf	codes[STORE_NCODES];
	int		k, rc;

	for (k = 0; k < STORE_NCODES; k++)
		strbuf_init(&codes[k]);
	sqlite3_reset(c->lines);
	rc = sqlite3_bind_text(c->lines, 1, c->arena.s + c->meta[0], -1,
	    SQLITE_TRANSIENT);
	while (rc == SQLITE_OK && (rc = sqlite3_step(c->lines)) ==
	    SQLITE_ROW) {
		store_codes_add(codes, (const char *)sqlite3_column_text(
		    c->lines, 0), (const char *)sqlite3_column_text(c->lines,
		    1));
		rc = SQLITE_OK;
	}
	for (k = 0; k < STORE_NCODES; k++) {
		c->meta[QC_CODES + k] = c->arena.len;
		strbuf_add(&c->arena, codes[k].s, codes[k].len + 1);
		strbuf_done(&codes[k]);
	}
	if (rc != SQLITE_DONE)
		return store_fail(c->s, rc, "query", errp);
	return STORE_OK;
}

/* Point the intake's fields into the arena (after it stopped moving). */
static void
query_fix(struct query_cursor *c)
{
	struct query_intake	*in = &c->in;
	size_t			 i;
	int			 k;

	in->id = query_at(c, c->meta[0]);
	in->form_hash = query_at(c, c->meta[1]);
	in->form_id = query_at(c, c->meta[2]);
	in->kiosk_id = query_at(c, c->meta[4]);
	in->lang = query_at(c, c->meta[5]);
	in->source = query_at(c, c->meta[6]);
	in->status = query_at(c, c->meta[7]);
	in->started_at = query_at(c, c->meta[8]);
	in->updated_at = query_at(c, c->meta[9]);
	in->completed_at = query_at(c, c->meta[10]);
	in->band = query_at(c, c->meta[12]);
	if (c->in_acap < c->acap + 1) {
		c->in_acap = c->acap + 1;
		in->answers = xreallocarray(in->answers, c->in_acap,
		    sizeof(*in->answers));
	}
	for (i = 0; i < in->nanswers; i++) {
		in->answers[i].question = query_at(c, c->aoff[3 * i]);
		in->answers[i].value = query_at(c, c->aoff[3 * i + 1]);
		in->answers[i].answered_at = query_at(c, c->aoff[3 * i + 2]);
	}
	if (c->in_lcap < c->lcap + 1) {
		c->in_lcap = c->lcap + 1;
		in->lines = xreallocarray(in->lines, c->in_lcap,
		    sizeof(*in->lines));
	}
	for (i = 0; i < in->nlines; i++) {
		in->lines[i].kind = query_at(c, c->loff[4 * i]);
		in->lines[i].code = query_at(c, c->loff[4 * i + 1]);
		in->lines[i].text = query_at(c, c->loff[4 * i + 2]);
		in->lines[i].points = (int)c->loff[4 * i + 3];
	}
	for (k = 0; k < STORE_NCODES; k++)
		in->codes[k] = query_at(c, c->meta[QC_CODES + k]);
	in->nstops = query_ncodes(in->codes[0]);
	in->nflags = query_ncodes(in->codes[1]);
}

int
query_cursor_next(struct query_cursor *c, const struct query_intake **ip,
    char **errp)
{
	int	rc;

	if (c->state == 0)
		c->state = sqlite3_step(c->main);
	if (c->state == SQLITE_DONE)
		return 0;
	if (c->state != SQLITE_ROW)
		return store_fail(c->s, c->state, "query", errp);
	query_take_meta(c);
	rc = STORE_OK;
	if (c->flags & QUERY_BY_ID) {
		c->state = sqlite3_step(c->main);
		if (c->flags & QUERY_ANSWERS)
			rc = query_merge_answers(c, errp);
		if (rc == STORE_OK && (c->flags & QUERY_LINES))
			rc = query_merge_lines(c, errp);
	} else {
		if (c->flags & QUERY_ANSWERS)
			c->state = query_take_answers(c);
		else
			c->state = sqlite3_step(c->main);
		if (c->flags & QUERY_LINES)
			rc = query_take_lines(c, c->arena.s + c->meta[0], errp);
	}
	if (rc == STORE_OK && c->meta[QC_CODES] == QUERY_NONE &&
	    strcmp(c->arena.s + c->meta[7], "completed") == 0)
		rc = query_codes_from_lines(c, errp);
	if (rc != STORE_OK)
		return rc;
	query_fix(c);
	*ip = &c->in;
	return 1;
}

int
query_open(const char *path, int write, struct store **sp, char **errp)
{
	if (access(path, F_OK) != 0) {
		*sp = NULL;
		*errp = xasprintf("%s: no such database", path);
		return STORE_NOTFOUND;
	}
	/* Writing here is only the audit row: no full quick_check (it read
	   every page, a quarter of an export's time). */
	return store_open(path, write ? STORE_EXISTING | STORE_NOCHECK :
	    STORE_RDONLY, sp, errp);
}

/* Prepare sql on s; a store_rc. */
static int
query_prepare(struct store *s, const char *sql, sqlite3_stmt **stp,
    char **errp)
{
	int	rc;

	rc = sqlite3_prepare_v2(s->db, sql, -1, stp, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(*stp);
		*stp = NULL;
		return store_fail(s, rc, "query", errp);
	}
	return STORE_OK;
}

/* Finish a statement that stepped to rc; a store_rc. */
static int
query_finish(struct store *s, sqlite3_stmt *st, int rc, char **errp)
{
	if (rc != SQLITE_DONE && rc != SQLITE_ROW && rc != SQLITE_OK)
		rc = store_fail(s, rc, "query", errp);
	else
		rc = STORE_OK;
	sqlite3_finalize(st);
	return rc;
}

int
query_resolve_id(struct store *s, const char *prefix, char **idp,
    char **errp)
{
	sqlite3_stmt	*st;
	size_t		 len = strlen(prefix);
	int		 rc, n = 0;

	*idp = NULL;
	if (len < 8 || len > STORE_ID_LEN || strspn(prefix,
	    "0123456789abcdefABCDEF-") != len)
		return store_err(STORE_ERR, errp, "an intake id (or its "
		    "first 8 characters or more) is expected");
	if ((rc = query_prepare(s, "SELECT id FROM intakes WHERE"
	    " substr(id, 1, ?2) = lower(?1) LIMIT 2", &st, errp)) != STORE_OK)
		return rc;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)len);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ == 0)
			*idp = xstrdup((const char *)
			    sqlite3_column_text(st, 0));
	}
	if ((rc = query_finish(s, st, rc, errp)) != STORE_OK || n == 1)
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

int
query_forms(struct store *s, const struct query_filter *f,
    query_form_fn fn, void *ctx, char **errp)
{
	sqlite3_stmt		*st;
	struct query_form	 qf;
	int			 rc, stop = 0;

	if ((rc = query_prepare(s, "SELECT f.hash, f.form_id, f.version,"
	    " f.added_at FROM forms f WHERE f.hash IN (SELECT i.form_hash"
	    " FROM intakes i" QUERY_WHERE ") ORDER BY f.version DESC,"
	    " f.added_at DESC, f.hash", &st, errp)) != STORE_OK)
		return rc;
	if ((rc = query_bind_filter(s, st, f, errp)) != STORE_OK) {
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
	rc = query_finish(s, st, rc, errp);
	return rc != STORE_OK ? rc : stop;
}

int
query_form_source(struct store *s, const char *hash, char **srcp,
    size_t *lenp, char **errp)
{
	sqlite3_stmt	*st;
	int		 rc;

	*srcp = NULL;
	if ((rc = query_prepare(s, "SELECT source FROM forms WHERE hash = ?",
	    &st, errp)) != STORE_OK)
		return rc;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*lenp = (size_t)sqlite3_column_bytes(st, 0);
		*srcp = xmalloc(*lenp + 1);
		memcpy(*srcp, sqlite3_column_text(st, 0), *lenp);
		(*srcp)[*lenp] = '\0';
	}
	if ((rc = query_finish(s, st, rc, errp)) == STORE_OK && *srcp == NULL)
		rc = store_err(STORE_NOTFOUND, errp, "form %.12s is not "
		    "stored", hash);
	return rc;
}

/* The SQL of each query_counts grouping. */
static const char *
query_count_sql(enum query_count_by by)
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
	case QC_STOP:
	case QC_FLAG:
		return "SELECT r.code, min(r.text), count(*) AS n FROM"
		    " intakes i JOIN result_lines r ON r.intake_id = i.id"
		    QUERY_WHERE " AND r.kind = ?5 GROUP BY 1"
		    " ORDER BY n DESC, 1";
	case QC_STARTED:
		break;
	}
	return "SELECT i.started_at, NULL, 1 FROM intakes i" QUERY_WHERE;
}

int
query_counts(struct store *s, const struct query_filter *f,
    enum query_count_by by, const char *arg, query_count_fn fn, void *ctx,
    char **errp)
{
	sqlite3_stmt	*st;
	int		 rc, stop = 0;

	if ((rc = query_prepare(s, query_count_sql(by), &st, errp)) !=
	    STORE_OK)
		return rc;
	if ((rc = query_bind_filter(s, st, f, errp)) != STORE_OK) {
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
	rc = query_finish(s, st, rc, errp);
	return rc != STORE_OK ? rc : stop;
}

int
query_has_question(struct store *s, const char *q, bool *yes, char **errp)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((rc = query_prepare(s, "SELECT 1 FROM answers WHERE question = ?"
	    " LIMIT 1", &st, errp)) != STORE_OK)
		return rc;
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	return query_finish(s, st, rc, errp);
}

void
query_local_time(const char *iso, char *buf, char *week)
{
	struct tm	tm;
	time_t		t;

	buf[0] = '\0';
	if (week != NULL)
		week[0] = '\0';
	if (iso == NULL)
		return;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(buf, 17, "%s", iso);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon--;
	t = timegm(&tm);
	if (localtime_r(&t, &tm) == NULL)
		return;
	strftime(buf, 17, "%Y-%m-%d %H:%M", &tm);
	if (week != NULL)
		strftime(week, 9, "%G-W%V", &tm);
}
