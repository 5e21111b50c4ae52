/*
 * sqlite_admin.c: the admin ops of the SQLite backend (backend.h): staff
 * operations that touch many rows (closing stale intakes, erasing one
 * intake for good, merging another kiosk's database), and the table that
 * also holds the background check and closing.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/defs.h"
#include "sqlite.h"
#include "sqlite_admin.h"
#include "sqlite_check.h"
#include "sqlite_codes.h"
#include "sqlite_read.h"
#include "sqlite_write.h"

/* Intakes in progress idle for over idle_seconds become abandoned. */
static int
sqlite_admin_abandon_stale(struct store *s, int idle_seconds, int *count,
    char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	sqlite3_stmt		*st;
	struct timespec		 ts;
	char			 now[STORE_TIME_LEN + 1];
	char			 cutoff[STORE_TIME_LEN + 1];
	int			 rc;

	if (count != NULL)
		*count = 0;
	clock_gettime(CLOCK_REALTIME, &ts);
	sqlite_time(ts.tv_sec, (int)(ts.tv_nsec / 1000000), now);
	sqlite_time(ts.tv_sec - idle_seconds, (int)(ts.tv_nsec / 1000000),
	    cutoff);
	rc = sqlite3_prepare_v2(ss->db, "UPDATE intakes SET status = "
	    "'abandoned', updated_at = ? WHERE status = 'in_progress' AND "
	    "updated_at < ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot close stale intakes", errp);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, cutoff, -1, SQLITE_STATIC);
	rc = sqlite_step_done(ss, st, "cannot close stale intakes", errp);
	sqlite3_finalize(st);
	if (rc == STORE_OK && count != NULL)
		*count = sqlite3_changes(ss->db);
	return rc;
}

/* Run one constant statement binding ?1 to arg (may be NULL); the number
   of rows it changed goes to *changes (may be NULL). */
static int
sqlite_admin_run(struct sqlite_store *ss, const char *sql, const char *arg,
    int *changes, const char *what, char **errp)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v2(ss->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, what, errp);
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		rc = sqlite_fail(ss, rc, what, errp);
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	if (changes != NULL)
		*changes = sqlite3_changes(ss->db);
	return STORE_OK;
}

/* Checkpoint the WAL into the database and truncate it to nothing. */
static int
sqlite_admin_checkpoint(struct sqlite_store *ss, const char *id,
    char **errp)
{
	int	rc, nlog = 0, nckpt = 0;

	rc = sqlite3_wal_checkpoint_v2(ss->db, NULL,
	    SQLITE_CHECKPOINT_TRUNCATE, &nlog, &nckpt);
	if (rc == SQLITE_BUSY || (rc == SQLITE_OK && nlog > 0))
		return store_err(STORE_BUSY, errp, "%s: intake %s is erased, "
		    "but another program (a kiosk?) is reading the database, "
		    "so the file keeps an old copy of its pages until it lets "
		    "go; when it is closed, run erase %s again to clear it",
		    ss->base.path, id, id);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot checkpoint the database",
		    errp);
	return STORE_OK;
}

/* Erase one intake for good (secure_delete), then checkpoint. */
static int
sqlite_admin_erase(struct store *s, const char *id, const char *actor,
    char **errp)
{
	static const char *const del[] = {
		"DELETE FROM answers WHERE intake_id = ?1",
		"DELETE FROM result_lines WHERE intake_id = ?1",
		"DELETE FROM intakes WHERE id = ?1"
	};
	struct sqlite_store	*ss = sqlite_of(s);
	char			 status[16];
	size_t			 i;
	int			 rc;

	if ((rc = sqlite_exec(ss, "BEGIN IMMEDIATE", "cannot erase an "
	    "intake", errp)) != STORE_OK)
		return rc;
	rc = sqlite_read_ops.intake_status(s, id, status, errp);
	for (i = 0; i < SMP_NELEM(del) && rc == STORE_OK; i++)
		rc = sqlite_admin_run(ss, del[i], id, NULL, "cannot erase an "
		    "intake", errp);
	/* In the same transaction: merge reads it to never bring the
	   intake back from another copy. */
	if (rc == STORE_OK && actor != NULL)
		rc = sqlite_write_ops.audit(s, actor, "erase", id, errp);
	if (rc == STORE_OK)
		rc = sqlite_exec(ss, "COMMIT", "cannot erase an intake", errp);
	if (rc != STORE_OK) {
		sqlite_rollback(ss);
		return rc;
	}
	return sqlite_admin_checkpoint(ss, id, errp);
}

/* Checkpoint again for an intake the audit log says was erased. */
static int
sqlite_admin_erase_again(struct store *s, const char *id, char **errp)
{
	struct sqlite_store	*ss = sqlite_of(s);
	int			 rc, n = 0;

	if ((rc = sqlite_count(ss, "SELECT count(*) FROM audit WHERE "
	    "action = 'erase' AND detail = ?1", id, &n, errp)) != STORE_OK)
		return rc;
	if (n == 0)
		return STORE_NOTFOUND;
	return sqlite_admin_checkpoint(ss, id, errp);
}

/*
 * Check other_path as a database of ours and attach it as "other".  The
 * file may come from anywhere, so it is checked whole on a connection of
 * its own first (sqlite_check_source: defensive settings, integrity
 * check, the tables merge reads), and any fault is reported against it,
 * never against the database merged into.
 */
static int
sqlite_admin_attach(struct sqlite_store *ss, const char *other_path,
    char **errp)
{
	struct store	*o;
	char		 a[PATH_MAX], b[PATH_MAX], *uri;
	int		 rc;

	if (realpath(ss->base.path, a) != NULL &&
	    realpath(other_path, b) != NULL && strcmp(a, b) == 0)
		return store_err(STORE_ERR, errp, "%s: cannot merge a "
		    "database into itself", other_path);
	if ((rc = sqlite_check_source(other_path, errp)) != STORE_OK)
		return rc;
	/* The schema version.  The copy reads only columns every schema
	   has: an older file (a kiosk not yet updated) is merged as it is,
	   not upgraded. */
	if ((rc = store_open(other_path, STORE_RDONLY | STORE_OLDER_OK, &o,
	    errp)) != STORE_OK)
		return rc;
	store_close(o);
	if ((rc = sqlite_check_defensive(ss, errp)) != STORE_OK)
		return rc;
	if ((rc = sqlite_ro_uri(other_path, &uri, errp)) != STORE_OK)
		return rc;
	rc = sqlite_admin_run(ss, "ATTACH DATABASE ?1 AS other", uri, NULL,
	    "cannot attach the other database", errp);
	free(uri);
	return rc;
}

/* Which count of struct store_merge_counts a merge step gives. */
enum { MERGE_NONE = -1, MERGE_FORMS, MERGE_INTAKES, MERGE_ANSWERS,
    MERGE_LINES };

/* The copying statements of a merge, in order, with their counter. */
static const struct {
	const char	*sql;
	int		 counter;	/* MERGE_* count it gives */
} merge_steps[] = {
	{ "CREATE TEMP TABLE merge_new(id TEXT PRIMARY KEY)", MERGE_NONE },
	/* Never bring back an intake erased here (at the client's request):
	   erase writes its audit row in the erasing transaction. */
	{ "INSERT INTO temp.merge_new SELECT id FROM other.intakes "
	  "WHERE id NOT IN (SELECT id FROM main.intakes) "
	  "AND id NOT IN (SELECT detail FROM main.audit "
	  "WHERE action = 'erase')", MERGE_NONE },
	{ "INSERT OR IGNORE INTO main.forms(hash, form_id, version, source, "
	  "added_at) SELECT hash, form_id, version, source, added_at "
	  "FROM other.forms",
	  MERGE_FORMS },
	{ "INSERT INTO main.intakes(id, form_hash, kiosk_id, lang, source, "
	  "status, started_at, updated_at, completed_at, score, band) "
	  "SELECT id, form_hash, kiosk_id, lang, source, status, started_at, "
	  "updated_at, completed_at, score, band FROM other.intakes "
	  "WHERE id IN (SELECT id FROM temp.merge_new)",
	  MERGE_INTAKES },
	{ "INSERT INTO main.answers(intake_id, question, value, answered_at) "
	  "SELECT intake_id, question, value, answered_at FROM other.answers "
	  "WHERE intake_id IN (SELECT id FROM temp.merge_new)",
	  MERGE_ANSWERS },
	{ "INSERT INTO main.result_lines(intake_id, seq, kind, code, points, "
	  "text) SELECT intake_id, seq, kind, code, points, text "
	  "FROM other.result_lines "
	  "WHERE intake_id IN (SELECT id FROM temp.merge_new)",
	  MERGE_LINES }
};

/* Run the merge steps inside one transaction. */
static int
sqlite_admin_merge_copy(struct sqlite_store *ss,
    struct store_merge_counts *c, char **errp)
{
	int	*count[] = { &c->forms, &c->intakes, &c->answers, &c->lines };
	size_t	 i;
	int	 rc, n, total;

	if ((rc = sqlite_exec(ss, "BEGIN IMMEDIATE", "cannot merge", errp)) !=
	    STORE_OK)
		return rc;
	for (i = 0; i < SMP_NELEM(merge_steps) && rc == STORE_OK; i++) {
		rc = sqlite_admin_run(ss, merge_steps[i].sql, NULL, &n,
		    "cannot merge", errp);
		if (rc == STORE_OK && merge_steps[i].counter != MERGE_NONE)
			*count[merge_steps[i].counter] = n;
	}
	/* Derived from the copied lines, whatever the other's schema. */
	if (rc == STORE_OK)
		rc = sqlite_codes_fill_merged(ss, errp);
	if (rc == STORE_OK)
		rc = sqlite_codes_outcome_merged(ss, errp);
	if (rc == STORE_OK)
		rc = sqlite_exec(ss, "DROP TABLE temp.merge_new", "cannot "
		    "merge", errp);
	if (rc == STORE_OK) {
		total = 0;
		rc = sqlite_count(ss, "SELECT count(*) FROM other.intakes",
		    NULL, &total, errp);
		if (rc == STORE_OK)
			rc = sqlite_count(ss, "SELECT count(*) FROM "
			    "other.intakes WHERE id IN (SELECT detail FROM "
			    "main.audit WHERE action = 'erase')", NULL,
			    &c->erased, errp);
		c->present = total - c->intakes - c->erased;
	}
	if (rc == STORE_OK)
		rc = sqlite_exec(ss, "COMMIT", "cannot merge", errp);
	if (rc != STORE_OK)
		sqlite_rollback(ss);
	return rc;
}

/* Bring in every intake of the database at other_path not here yet. */
static int
sqlite_admin_merge(struct store *s, const char *other_path,
    struct store_merge_counts *counts, char **errp)
{
	struct sqlite_store		*ss = sqlite_of(s);
	struct store_merge_counts	 c;
	int				 rc;

	memset(&c, 0, sizeof(c));
	if ((rc = sqlite_admin_attach(ss, other_path, errp)) != STORE_OK)
		return rc;
	rc = sqlite_admin_merge_copy(ss, &c, errp);
	sqlite3_exec(ss->db, "DETACH DATABASE other", NULL, NULL, NULL);
	/* Both files passed their checks, so SQLite's message cannot tell
	   which one the damage met in the copy is in: name both. */
	if (rc == STORE_CORRUPT && errp != NULL) {
		free(*errp);
		rc = store_err(STORE_CORRUPT, errp, "%s: damage found while "
		    "copying it into %s (%s); nothing was merged",
		    other_path, ss->base.path, sqlite3_errmsg(ss->db));
	}
	if (rc == STORE_OK && counts != NULL)
		*counts = c;
	return rc;
}

/* The admin ops of the SQLite backend (backend.h). */
const struct store_admin_ops sqlite_admin_ops = {
	.abandon_stale = sqlite_admin_abandon_stale,
	.erase = sqlite_admin_erase,
	.erase_again = sqlite_admin_erase_again,
	.merge = sqlite_admin_merge,
	.check_start = sqlite_check_start,
	.close = sqlite_close
};
