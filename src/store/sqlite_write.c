/*
 * sqlite_write.c: the write ops of the SQLite backend (backend.h): forms,
 * intakes, answers, results and the audit log.
 *
 * Every change is its own BEGIN IMMEDIATE ... COMMIT transaction, so with
 * synchronous=FULL a change whose function returned STORE_OK is on disk.
 * Only prepared statements with bound parameters touch the data.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>
#include <uuid/uuid.h>

#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "form/form.h"
#include "sqlite.h"
#include "sqlite_read.h"
#include "sqlite_write.h"

/* Hex of the SHA-256 of len bytes at p into hash (65 bytes). */
static void
sqlite_write_sha256_hex(const char *p, size_t len, char *hash)
{
	unsigned char	md[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(md, (const unsigned char *)p, len);
	sodium_bin2hex(hash, STORE_HASH_LEN + 1, md, sizeof(md));
}

/* Bind text (NULL binds SQL NULL) to parameter i of st. */
static void
sqlite_write_bind(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* SQLite's own word: has the file at the path changed since it opened
   it (deleted, renamed, another inode)? */
static bool
sqlite_write_has_moved(struct sqlite_store *ss)
{
	int	moved = 0;

	if (sqlite3_file_control(ss->db, "main", SQLITE_FCNTL_HAS_MOVED,
	    &moved) != SQLITE_OK)
		return false;	/* a VFS that cannot tell: stat decides */
	return moved != 0;
}

/* Note the device and inode of the file SQLite opened. */
int
sqlite_write_note_file(struct sqlite_store *ss, char **errp)
{
	struct stat	st;

	if (stat(ss->base.path, &st) < 0 || sqlite_write_has_moved(ss))
		return store_err(STORE_MOVED, errp, "%s: %s", ss->base.path,
		    store_cause(STORE_MOVED));
	ss->dev = st.st_dev;
	ss->ino = st.st_ino;
	return STORE_OK;
}

/*
 * The file left its path: write what the WAL holds into the file it
 * belongs to and empty the WAL, once.  The WAL is named after the path,
 * so left full it would be read as part of whatever file comes to the
 * path next (a replacement, the fresh database staff choose), and
 * SQLite itself neither checkpoints nor deletes it when it closes a
 * file that moved.
 */
static void
sqlite_write_let_go(struct sqlite_store *ss)
{
	if (ss->lost)
		return;
	ss->lost = true;
	if (sqlite3_get_autocommit(ss->db))
		(void)sqlite3_exec(ss->db, "PRAGMA wal_checkpoint(TRUNCATE)",
		    NULL, NULL, NULL);
}

/* Is the file SQLite writes still the one at the path? */
int
sqlite_write_same_file(struct sqlite_store *ss, char **errp)
{
	struct stat	st;

	if (!ss->lost && stat(ss->base.path, &st) == 0 &&
	    st.st_dev == ss->dev && st.st_ino == ss->ino &&
	    !sqlite_write_has_moved(ss))
		return STORE_OK;
	sqlite_write_let_go(ss);
	return store_err(STORE_MOVED, errp, "%s: %s; nothing more is "
	    "written to it", ss->base.path, store_cause(STORE_MOVED));
}

/* Start a write transaction, on the file still at the path. */
static int
sqlite_write_begin(struct sqlite_store *ss, const char *what, char **errp)
{
	int	rc;

	if ((rc = sqlite_write_same_file(ss, errp)) != STORE_OK)
		return rc;
	return sqlite_exec(ss, "BEGIN IMMEDIATE", what, errp);
}

/*
 * Commit, or roll back and return rc when rc is an error.  A file that
 * left its path while the change was written took the change with it:
 * STORE_MOVED, never "saved".
 */
static int
sqlite_write_end(struct sqlite_store *ss, int rc, const char *what,
    char **errp)
{
	if (rc == STORE_OK)
		rc = sqlite_exec(ss, "COMMIT", what, errp);
	if (rc != STORE_OK)
		sqlite_rollback(ss);
	else
		rc = sqlite_write_same_file(ss, errp);
	return rc;
}

/* Keep the exact text of form f once; its hash into hash. */
static int
sqlite_write_form_put(struct store *s, const struct form *f, char *hash,
    char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	sqlite3_stmt		*st;
	char			 now[STORE_TIME_LEN + 1];
	int			 rc;

	sqlite_write_sha256_hex(f->source, f->source_len, hash);
	if ((rc = sqlite_write_same_file(ss, errp)) != STORE_OK)
		return rc;
	rc = sqlite3_prepare_v2(ss->db, "INSERT INTO forms(hash, "
	    "form_id, version, source, added_at) VALUES (?, ?, ?, ?, ?) "
	    "ON CONFLICT (hash) DO NOTHING", -1,
	    &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot save the form", errp);
	sqlite_now(now);
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, f->version);
	sqlite3_bind_text64(st, 4, f->source, f->source_len, SQLITE_STATIC,
	    SQLITE_UTF8);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	rc = sqlite_step_done(ss, st, "cannot save the form", errp);
	sqlite3_finalize(st);
	return rc;
}

/* Insert a new intake in progress; its UUID into id. */
static int
sqlite_write_intake_begin(struct store *s, const char *form_hash,
    const char *kiosk_id, const char *lang, const char *source, char *id,
    char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	sqlite3_stmt		*st;
	uuid_t			 u;
	char			 now[STORE_TIME_LEN + 1];
	int			 rc;

	if ((rc = sqlite_write_same_file(ss, errp)) != STORE_OK)
		return rc;
	uuid_generate_random(u);
	uuid_unparse_lower(u, id);
	rc = sqlite3_prepare_v2(ss->db, "INSERT INTO intakes(id, form_hash, "
	    "kiosk_id, lang, source, status, started_at, updated_at) VALUES "
	    "(?, ?, ?, ?, ?, 'in_progress', ?, ?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot start an intake", errp);
	sqlite_now(now);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, form_hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kiosk_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
	rc = sqlite_step_done(ss, st, "cannot start an intake", errp);
	sqlite3_finalize(st);
	if (rc == STORE_OK)
		rc = sqlite_write_same_file(ss, errp);
	return rc;
}

/* Check that intake id exists and is not completed (inside a write). */
static int
sqlite_write_check_open(struct sqlite_store *ss, const char *id,
    char **errp)
{
	char	status[16];
	int	rc;

	if ((rc = sqlite_read_ops.intake_status(&ss->base, id, status,
	    errp)) != STORE_OK)
		return rc;
	if (strcmp(status, "completed") == 0)
		return store_err(STORE_ERR, errp, "%s: intake %s is already "
		    "completed", ss->base.path, id);
	return STORE_OK;
}

/* Set intakes.updated_at of id to now. */
static int
sqlite_write_touch(struct sqlite_store *ss, const char *id, const char *now,
    char **errp)
{
	int	rc;

	if ((rc = sqlite_stmt(ss, &ss->st_touch, "UPDATE intakes SET "
	    "updated_at = ? WHERE id = ?", errp)) != STORE_OK)
		return rc;
	sqlite3_bind_text(ss->st_touch, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(ss->st_touch, 2, id, -1, SQLITE_STATIC);
	return sqlite_step_done(ss, ss->st_touch, "cannot save an answer",
	    errp);
}

/* The upsert or delete of one answer (inside a transaction). */
static int
sqlite_write_answer_write(struct sqlite_store *ss, const char *intake,
    const char *question, const char *value, const char *now, char **errp)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (value == NULL) {
		if ((rc = sqlite_stmt(ss, &ss->st_answer_del, "DELETE FROM "
		    "answers WHERE intake_id = ? AND question = ?",
		    errp)) != STORE_OK)
			return rc;
		st = ss->st_answer_del;
	} else {
		if ((rc = sqlite_stmt(ss, &ss->st_answer_put, "INSERT INTO "
		    "answers(intake_id, question, value, answered_at) VALUES "
		    "(?, ?, ?, ?) ON CONFLICT (intake_id, question) DO UPDATE "
		    "SET value = excluded.value, answered_at = "
		    "excluded.answered_at", errp)) != STORE_OK)
			return rc;
		st = ss->st_answer_put;
		sqlite3_bind_text(st, 3, value, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	}
	sqlite3_bind_text(st, 1, intake, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, question, -1, SQLITE_STATIC);
	rc = sqlite_step_done(ss, st, "cannot save an answer", errp);
	/* Do not keep a copy of the value bound in the cached statement. */
	sqlite3_clear_bindings(st);
	return rc;
}

/* Save or delete one answer durably, in a transaction of its own. */
static int
sqlite_write_answer_put(struct store *s, const char *intake,
    const char *question, const char *value, char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	char			 now[STORE_TIME_LEN + 1];
	int			 rc;

	if ((rc = sqlite_write_begin(ss, "cannot save an answer", errp)) !=
	    STORE_OK)
		return rc;
	sqlite_now(now);
	rc = sqlite_write_check_open(ss, intake, errp);
	if (rc == STORE_OK)
		rc = sqlite_write_answer_write(ss, intake, question, value,
		    now, errp);
	if (rc == STORE_OK)
		rc = sqlite_write_touch(ss, intake, now, errp);
	return sqlite_write_end(ss, rc, "cannot save an answer", errp);
}

/* Insert the result lines of intake (inside a transaction). */
static int
sqlite_write_lines(struct sqlite_store *ss, const char *intake,
    const struct intake_line *lines, size_t nlines, char **errp)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	rc = sqlite3_prepare_v2(ss->db, "DELETE FROM result_lines WHERE "
	    "intake_id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot save the result", errp);
	sqlite3_bind_text(st, 1, intake, -1, SQLITE_STATIC);
	rc = sqlite_step_done(ss, st, "cannot save the result", errp);
	sqlite3_finalize(st);
	if (rc != STORE_OK)
		return rc;
	rc = sqlite3_prepare_v2(ss->db, "INSERT INTO result_lines(intake_id, "
	    "seq, kind, code, points, text) VALUES (?, ?, ?, ?, ?, ?)", -1,
	    &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot save the result", errp);
	for (i = 0; i < nlines && rc == STORE_OK; i++) {
		sqlite3_bind_text(st, 1, intake, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
		sqlite3_bind_text(st, 3, lines[i].kind, -1, SQLITE_STATIC);
		sqlite_write_bind(st, 4, lines[i].code != NULL ?
		    lines[i].code : "");
		sqlite3_bind_int(st, 5, lines[i].points);
		sqlite_write_bind(st, 6, lines[i].text != NULL ?
		    lines[i].text : "");
		rc = sqlite_step_done(ss, st, "cannot save the result", errp);
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * Set status and updated_at of intake; when completing also completed_at,
 * score, band and the codes of lines (codes: NULL when not completing).
 */
static int
sqlite_write_set_status(struct sqlite_store *ss, const char *intake,
    const char *status, const struct intake_outcome *out,
    const struct strbuf *codes, char **errp)
{
	sqlite3_stmt	*st;
	char		 now[STORE_TIME_LEN + 1];
	int		 k, rc;

	rc = sqlite3_prepare_v2(ss->db, codes != NULL ? "UPDATE intakes SET "
	    "status = ?1, updated_at = ?2, completed_at = ?2, score = ?3, "
	    "band = ?4, stop_codes = ?5, flag_codes = ?6, recommend_codes = ?7, "
	    "outcome = ?9, recheck = ?10, outcome_note = ?11, "
	    "score_internal = ?12, lang = coalesce(?13, lang) WHERE id = ?8" :
	    "UPDATE intakes SET status = ?1, updated_at = ?2 WHERE id = ?8",
	    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot update an intake", errp);
	sqlite_now(now);
	sqlite3_bind_text(st, 1, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	if (codes != NULL) {
		if (out->has_score)
			sqlite3_bind_int(st, 3, out->score);
		sqlite_write_bind(st, 4, out->band);
		for (k = 0; k < STORE_NCODES; k++)
			sqlite3_bind_text(st, 5 + k, codes[k].s,
			    (int)codes[k].len, SQLITE_STATIC);
		sqlite_write_bind(st, 9, out->outcome);
		sqlite_write_bind(st, 10, out->recheck);
		sqlite_write_bind(st, 11, out->note != NULL &&
		    *out->note != '\0' ? out->note : NULL);
		if (out->has_internal)
			sqlite3_bind_int(st, 12, out->score_internal);
		sqlite_write_bind(st, 13, out->lang);
	}
	sqlite3_bind_text(st, 8, intake, -1, SQLITE_STATIC);
	rc = sqlite_step_done(ss, st, "cannot update an intake", errp);
	sqlite3_finalize(st);
	return rc;
}

/* Complete an intake: status, score, band, codes and lines at once. */
static int
sqlite_write_intake_complete(struct store *s, const char *intake,
    const struct intake_outcome *out, const struct intake_line *lines,
    size_t nlines, char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	struct strbuf		 codes[STORE_NCODES];
	size_t			 i;
	int			 k, rc;

	for (k = 0; k < STORE_NCODES; k++)
		strbuf_init(&codes[k]);
	for (i = 0; i < nlines; i++)
		store_codes_add(codes, lines[i].kind, lines[i].code != NULL ?
		    lines[i].code : "");
	if ((rc = sqlite_write_begin(ss, "cannot save the result", errp)) !=
	    STORE_OK)
		goto out;
	rc = sqlite_write_check_open(ss, intake, errp);
	if (rc == STORE_OK)
		rc = sqlite_write_set_status(ss, intake, "completed", out,
		    codes, errp);
	if (rc == STORE_OK)
		rc = sqlite_write_lines(ss, intake, lines, nlines, errp);
	rc = sqlite_write_end(ss, rc, "cannot save the result", errp);
out:
	for (k = 0; k < STORE_NCODES; k++)
		strbuf_done(&codes[k]);
	return rc;
}

/* Mark an intake abandoned. */
static int
sqlite_write_intake_abandon(struct store *s, const char *intake,
    char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	int			 rc;

	if ((rc = sqlite_write_begin(ss, "cannot update an intake", errp)) !=
	    STORE_OK)
		return rc;
	rc = sqlite_write_check_open(ss, intake, errp);
	if (rc == STORE_OK)
		rc = sqlite_write_set_status(ss, intake, "abandoned", NULL,
		    NULL, errp);
	return sqlite_write_end(ss, rc, "cannot update an intake", errp);
}

/* Append one audit row (joining a transaction already open). */
static int
sqlite_write_audit(struct store *s, const char *actor, const char *action,
    const char *detail, char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	char			 now[STORE_TIME_LEN + 1];
	int			 rc;

	if (sqlite3_get_autocommit(ss->db) &&
	    (rc = sqlite_write_same_file(ss, errp)) != STORE_OK)
		return rc;
	if ((rc = sqlite_stmt(ss, &ss->st_audit, "INSERT INTO audit(at, "
	    "actor, action, detail) VALUES (?, ?, ?, ?)", errp)) != STORE_OK)
		return rc;
	sqlite_now(now);
	sqlite3_bind_text(ss->st_audit, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(ss->st_audit, 2, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(ss->st_audit, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(ss->st_audit, 4, detail != NULL ? detail : "", -1,
	    SQLITE_STATIC);
	return sqlite_step_done(ss, ss->st_audit, "cannot write the audit log",
	    errp);
}

/*
 * The lock file of kiosk_id beside the database: "DB-kiosk-ID.lock", the
 * id with every byte but [A-Za-z0-9._-] as %XX (so no id escapes the
 * folder or meets another's file).  Caller frees.
 */
static char *
sqlite_write_lock_path(const char *db, const char *kiosk_id)
{
	struct strbuf		 sb;
	const unsigned char	*p;

	strbuf_init(&sb);
	strbuf_addf(&sb, "%s-kiosk-", db);
	for (p = (const unsigned char *)kiosk_id; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("._-", *p) != NULL)
			strbuf_addc(&sb, (char)*p);
		else
			strbuf_addf(&sb, "%%%02X", *p);
	}
	strbuf_adds(&sb, ".lock");
	return strbuf_detach(&sb);
}

/*
 * flock fd, waiting up to ms (the busy timeout) for a kiosk of the same
 * id that is on its way out (a restart right after SIGTERM); -1 with
 * errno.
 */
static int
sqlite_write_flock(int fd, int ms)
{
	struct timespec	ts = { 0, 50 * 1000000L };
	int		i;

	for (i = 0; i <= ms / 50; i++) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK)
			return -1;
		if (i < ms / 50)
			nanosleep(&ts, NULL);
	}
	errno = EWOULDBLOCK;
	return -1;
}

/*
 * Take the lock of kiosk_id (flock on its own file, held while ss is
 * open; the system lets it go when the process dies, however it dies).
 * A file of its own, never the database: closing a second descriptor of
 * the database would drop SQLite's own POSIX locks on it.
 */
static int
sqlite_write_lock(struct sqlite_store *ss, const char *kiosk_id,
    char **errp)
{
	char	*path;
	int	 fd, rc = STORE_OK;

	path = sqlite_write_lock_path(ss->base.path, kiosk_id);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0)
		rc = store_err(errno == EROFS ? STORE_READONLY :
		    STORE_CANTOPEN, errp, "%s: cannot open the lock of kiosk "
		    "'%s': %s", path, kiosk_id, strerror(errno));
	else if (sqlite_write_flock(fd, ss->busy_ms) < 0) {
		rc = errno == EWOULDBLOCK ? store_err(STORE_BUSY, errp,
		    "%s: kiosk '%s' is running already on this database; give "
		    "each kiosk its own kiosk_id", ss->base.path, kiosk_id) :
		    store_err(STORE_IOERR, errp, "%s: cannot lock: %s", path,
		    strerror(errno));
		close(fd);
	} else {
		if (ss->kiosk_lock >= 0)
			close(ss->kiosk_lock);
		ss->kiosk_lock = fd;
	}
	free(path);
	return rc;
}

/* Claim kiosk_id; abandon the intakes in progress it left when it
   stopped (one transaction with its audit row). */
static int
sqlite_write_kiosk_claim(struct store *s, const char *kiosk_id, int *count,
    char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	sqlite3_stmt		*st;
	char			 now[STORE_TIME_LEN + 1], *detail;
	int			 rc, n = 0;

	*count = 0;
	if ((rc = sqlite_write_lock(ss, kiosk_id, errp)) != STORE_OK ||
	    (rc = sqlite_write_begin(ss, "cannot close intakes a stopped "
	    "kiosk left", errp)) != STORE_OK)
		return rc;
	rc = sqlite3_prepare_v2(ss->db, "UPDATE intakes SET status = "
	    "'abandoned', updated_at = ? WHERE status = 'in_progress' AND "
	    "source = 'kiosk' AND kiosk_id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		rc = sqlite_fail(ss, rc, "cannot close intakes a stopped kiosk "
		    "left", errp);
	else {
		sqlite_now(now);
		sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, kiosk_id, -1, SQLITE_STATIC);
		rc = sqlite_step_done(ss, st, "cannot close intakes a stopped "
		    "kiosk left", errp);
		n = sqlite3_changes(ss->db);
		sqlite3_finalize(st);
	}
	if (rc == STORE_OK && n > 0) {
		detail = xasprintf("kiosk %s stopped with %d intake%s in "
		    "progress: abandoned", kiosk_id, n, n == 1 ? "" : "s");
		rc = sqlite_write_audit(s, "kiosk", "abandon", detail, errp);
		free(detail);
	}
	if ((rc = sqlite_write_end(ss, rc, "cannot close intakes a stopped "
	    "kiosk left", errp)) == STORE_OK)
		*count = n;
	return rc;
}

/* The write ops of the SQLite backend (backend.h). */
const struct store_write_ops sqlite_write_ops = {
	.form_put = sqlite_write_form_put,
	.intake_begin = sqlite_write_intake_begin,
	.answer_put = sqlite_write_answer_put,
	.intake_complete = sqlite_write_intake_complete,
	.intake_abandon = sqlite_write_intake_abandon,
	.audit = sqlite_write_audit,
	.kiosk_claim = sqlite_write_kiosk_claim
};
