/*
 * store_write.c: the write side of the store: forms, intakes, answers,
 * results and the audit log.
 *
 * Every change is its own BEGIN IMMEDIATE ... COMMIT transaction, so with
 * synchronous=FULL a change whose function returned STORE_OK is on disk.
 * Only prepared statements with bound parameters touch the data.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>
#include <uuid/uuid.h>

#include "base/strbuf.h"
#include "store_int.h"

/* Hex of the SHA-256 of len bytes at p into hash (65 bytes). */
static void
store_sha256_hex(const char *p, size_t len, char *hash)
{
	unsigned char	md[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(md, (const unsigned char *)p, len);
	sodium_bin2hex(hash, STORE_HASH_LEN + 1, md, sizeof(md));
}

/* Step a statement that returns no row; STORE_OK or store_fail. */
static int
store_step_done(struct store *s, sqlite3_stmt *st, const char *what,
    char **errp)
{
	int	rc;

	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		rc = store_fail(s, rc, what, errp);
	else
		rc = STORE_OK;
	sqlite3_reset(st);
	return rc;
}

/* Bind text (NULL binds SQL NULL) to parameter i of st. */
static void
store_bind(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* Start a write transaction. */
static int
store_begin(struct store *s, const char *what, char **errp)
{
	return store_exec(s, "BEGIN IMMEDIATE", what, errp);
}

/* Commit, or roll back and return rc when rc is an error. */
static int
store_end(struct store *s, int rc, const char *what, char **errp)
{
	if (rc == STORE_OK)
		rc = store_exec(s, "COMMIT", what, errp);
	if (rc != STORE_OK && !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int
store_form_put(struct store *s, const struct form *f, char *hash,
    char **errp)
{
	sqlite3_stmt	*st;
	char		 now[STORE_TIME_LEN + 1];
	int		 rc;

	store_sha256_hex(f->source, f->source_len, hash);
	rc = sqlite3_prepare_v2(s->db, "INSERT INTO forms(hash, "
	    "form_id, version, source, added_at) VALUES (?, ?, ?, ?, ?) "
	    "ON CONFLICT (hash) DO NOTHING", -1,
	    &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot save the form", errp);
	store_now(now);
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, f->version);
	sqlite3_bind_text64(st, 4, f->source, f->source_len, SQLITE_STATIC,
	    SQLITE_UTF8);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	rc = store_step_done(s, st, "cannot save the form", errp);
	sqlite3_finalize(st);
	return rc;
}

int
store_intake_begin(struct store *s, const char *form_hash,
    const char *kiosk_id, const char *lang, const char *source, char *id,
    char **errp)
{
	sqlite3_stmt	*st;
	uuid_t		 u;
	char		 now[STORE_TIME_LEN + 1];
	int		 rc;

	uuid_generate_random(u);
	uuid_unparse_lower(u, id);
	rc = sqlite3_prepare_v2(s->db, "INSERT INTO intakes(id, form_hash, "
	    "kiosk_id, lang, source, status, started_at, updated_at) VALUES "
	    "(?, ?, ?, ?, ?, 'in_progress', ?, ?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot start an intake", errp);
	store_now(now);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, form_hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kiosk_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
	rc = store_step_done(s, st, "cannot start an intake", errp);
	sqlite3_finalize(st);
	return rc;
}

/*
 * The status of intake id into buf (16 bytes): STORE_OK, STORE_NOTFOUND,
 * or an error.
 */
int
store_intake_status(struct store *s, const char *id, char *buf,
    char **errp)
{
	sqlite3_stmt	*st;
	const char	*v;
	int		 rc;

	if ((rc = store_stmt(s, &s->st_status, "SELECT status FROM intakes "
	    "WHERE id = ?", errp)) != STORE_OK)
		return rc;
	st = s->st_status;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		v = (const char *)sqlite3_column_text(st, 0);
		snprintf(buf, 16, "%s", v != NULL ? v : "");
		rc = STORE_OK;
	} else if (rc == SQLITE_DONE)
		rc = store_err(STORE_NOTFOUND, errp, "%s: no intake %s",
		    s->path, id);
	else
		rc = store_fail(s, rc, "cannot read an intake", errp);
	sqlite3_reset(st);
	return rc;
}

/* Check that intake id exists and is not completed (inside a write). */
static int
store_check_open(struct store *s, const char *id, char **errp)
{
	char	status[16];
	int	rc;

	if ((rc = store_intake_status(s, id, status, errp)) != STORE_OK)
		return rc;
	if (strcmp(status, "completed") == 0)
		return store_err(STORE_ERR, errp, "%s: intake %s is already "
		    "completed", s->path, id);
	return STORE_OK;
}

/* Set intakes.updated_at of id to now. */
static int
store_touch(struct store *s, const char *id, const char *now, char **errp)
{
	int	rc;

	if ((rc = store_stmt(s, &s->st_touch, "UPDATE intakes SET "
	    "updated_at = ? WHERE id = ?", errp)) != STORE_OK)
		return rc;
	sqlite3_bind_text(s->st_touch, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->st_touch, 2, id, -1, SQLITE_STATIC);
	return store_step_done(s, s->st_touch, "cannot save an answer", errp);
}

/* The upsert or delete of one answer (inside a transaction). */
static int
store_answer_write(struct store *s, const char *intake,
    const char *question, const char *value, const char *now, char **errp)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (value == NULL) {
		if ((rc = store_stmt(s, &s->st_answer_del, "DELETE FROM "
		    "answers WHERE intake_id = ? AND question = ?",
		    errp)) != STORE_OK)
			return rc;
		st = s->st_answer_del;
	} else {
		if ((rc = store_stmt(s, &s->st_answer_put, "INSERT INTO "
		    "answers(intake_id, question, value, answered_at) VALUES "
		    "(?, ?, ?, ?) ON CONFLICT (intake_id, question) DO UPDATE "
		    "SET value = excluded.value, answered_at = "
		    "excluded.answered_at", errp)) != STORE_OK)
			return rc;
		st = s->st_answer_put;
		sqlite3_bind_text(st, 3, value, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	}
	sqlite3_bind_text(st, 1, intake, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, question, -1, SQLITE_STATIC);
	rc = store_step_done(s, st, "cannot save an answer", errp);
	/* Do not keep a copy of the value bound in the cached statement. */
	sqlite3_clear_bindings(st);
	return rc;
}

int
store_answer_put(struct store *s, const char *intake, const char *question,
    const char *value, char **errp)
{
	char	now[STORE_TIME_LEN + 1];
	int	rc;

	if ((rc = store_begin(s, "cannot save an answer", errp)) != STORE_OK)
		return rc;
	store_now(now);
	rc = store_check_open(s, intake, errp);
	if (rc == STORE_OK)
		rc = store_answer_write(s, intake, question, value, now, errp);
	if (rc == STORE_OK)
		rc = store_touch(s, intake, now, errp);
	return store_end(s, rc, "cannot save an answer", errp);
}

/* Insert the result lines of intake (inside a transaction). */
static int
store_lines_write(struct store *s, const char *intake,
    const struct intake_line *lines, size_t nlines, char **errp)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	rc = sqlite3_prepare_v2(s->db, "DELETE FROM result_lines WHERE "
	    "intake_id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot save the result", errp);
	sqlite3_bind_text(st, 1, intake, -1, SQLITE_STATIC);
	rc = store_step_done(s, st, "cannot save the result", errp);
	sqlite3_finalize(st);
	if (rc != STORE_OK)
		return rc;
	rc = sqlite3_prepare_v2(s->db, "INSERT INTO result_lines(intake_id, "
	    "seq, kind, code, points, text) VALUES (?, ?, ?, ?, ?, ?)", -1,
	    &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot save the result", errp);
	for (i = 0; i < nlines && rc == STORE_OK; i++) {
		sqlite3_bind_text(st, 1, intake, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
		sqlite3_bind_text(st, 3, lines[i].kind, -1, SQLITE_STATIC);
		store_bind(st, 4, lines[i].code != NULL ? lines[i].code : "");
		sqlite3_bind_int(st, 5, lines[i].points);
		store_bind(st, 6, lines[i].text != NULL ? lines[i].text : "");
		rc = store_step_done(s, st, "cannot save the result", errp);
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * Set status and updated_at of intake; when completing also completed_at,
 * score, band and the codes of lines (codes: NULL when not completing).
 */
static int
store_set_status(struct store *s, const char *intake, const char *status,
    int score, const char *band, const struct strbuf *codes, char **errp)
{
	sqlite3_stmt	*st;
	char		 now[STORE_TIME_LEN + 1];
	int		 k, rc;

	rc = sqlite3_prepare_v2(s->db, codes != NULL ? "UPDATE intakes SET "
	    "status = ?1, updated_at = ?2, completed_at = ?2, score = ?3, "
	    "band = ?4, stop_codes = ?5, flag_codes = ?6, recommend_codes = ?7 "
	    "WHERE id = ?8" :
	    "UPDATE intakes SET status = ?1, updated_at = ?2 WHERE id = ?8",
	    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot update an intake", errp);
	store_now(now);
	sqlite3_bind_text(st, 1, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	if (codes != NULL) {
		sqlite3_bind_int(st, 3, score);
		store_bind(st, 4, band);
		for (k = 0; k < STORE_NCODES; k++)
			sqlite3_bind_text(st, 5 + k, codes[k].s,
			    (int)codes[k].len, SQLITE_STATIC);
	}
	sqlite3_bind_text(st, 8, intake, -1, SQLITE_STATIC);
	rc = store_step_done(s, st, "cannot update an intake", errp);
	sqlite3_finalize(st);
	return rc;
}

int
store_intake_complete(struct store *s, const char *intake, int score,
    const char *band, const struct intake_line *lines, size_t nlines,
    char **errp)
{
	struct strbuf	codes[STORE_NCODES];
	size_t		i;
	int		k, rc;

	for (k = 0; k < STORE_NCODES; k++)
		strbuf_init(&codes[k]);
	for (i = 0; i < nlines; i++)
		store_codes_add(codes, lines[i].kind, lines[i].code != NULL ?
		    lines[i].code : "");
	if ((rc = store_begin(s, "cannot save the result", errp)) != STORE_OK)
		goto out;
	rc = store_check_open(s, intake, errp);
	if (rc == STORE_OK)
		rc = store_set_status(s, intake, "completed", score, band,
		    codes, errp);
	if (rc == STORE_OK)
		rc = store_lines_write(s, intake, lines, nlines, errp);
	rc = store_end(s, rc, "cannot save the result", errp);
out:
	for (k = 0; k < STORE_NCODES; k++)
		strbuf_done(&codes[k]);
	return rc;
}

int
store_intake_abandon(struct store *s, const char *intake, char **errp)
{
	int	rc;

	if ((rc = store_begin(s, "cannot update an intake", errp)) !=
	    STORE_OK)
		return rc;
	rc = store_check_open(s, intake, errp);
	if (rc == STORE_OK)
		rc = store_set_status(s, intake, "abandoned", 0, NULL, NULL,
		    errp);
	return store_end(s, rc, "cannot update an intake", errp);
}

int
store_abandon_stale(struct store *s, int idle_seconds, int *count,
    char **errp)
{
	sqlite3_stmt	*st;
	struct timespec	 ts;
	char		 now[STORE_TIME_LEN + 1], cutoff[STORE_TIME_LEN + 1];
	int		 rc;

	if (count != NULL)
		*count = 0;
	clock_gettime(CLOCK_REALTIME, &ts);
	store_time(ts.tv_sec, (int)(ts.tv_nsec / 1000000), now);
	store_time(ts.tv_sec - idle_seconds, (int)(ts.tv_nsec / 1000000),
	    cutoff);
	rc = sqlite3_prepare_v2(s->db, "UPDATE intakes SET status = "
	    "'abandoned', updated_at = ? WHERE status = 'in_progress' AND "
	    "updated_at < ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot close stale intakes", errp);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, cutoff, -1, SQLITE_STATIC);
	rc = store_step_done(s, st, "cannot close stale intakes", errp);
	sqlite3_finalize(st);
	if (rc == STORE_OK && count != NULL)
		*count = sqlite3_changes(s->db);
	return rc;
}

int
store_audit(struct store *s, const char *actor, const char *action,
    const char *detail, char **errp)
{
	char	now[STORE_TIME_LEN + 1];
	int	rc;

	if ((rc = store_stmt(s, &s->st_audit, "INSERT INTO audit(at, actor, "
	    "action, detail) VALUES (?, ?, ?, ?)", errp)) != STORE_OK)
		return rc;
	store_now(now);
	sqlite3_bind_text(s->st_audit, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->st_audit, 2, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->st_audit, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->st_audit, 4, detail != NULL ? detail : "", -1,
	    SQLITE_STATIC);
	return store_step_done(s, s->st_audit, "cannot write the audit log",
	    errp);
}

/* The actor for audit entries: $SMP_STAFF, else $USER, else "kiosk". */
const char *
store_actor(void)
{
	const char	*v;

	if ((v = getenv("SMP_STAFF")) != NULL && *v != '\0')
		return v;
	if ((v = getenv("USER")) != NULL && *v != '\0')
		return v;
	return "kiosk";
}
