/*
 * store_admin.c: staff operations on the store that touch many rows:
 * erasing one intake for good, merging another kiosk's database, and
 * reading the audit log.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "store_int.h"

/* Run one constant statement binding ?1 to arg (may be NULL); the number
   of rows it changed goes to *changes (may be NULL). */
static int
store_run(struct store *s, const char *sql, const char *arg, int *changes,
    const char *what, char **errp)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, what, errp);
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		rc = store_fail(s, rc, what, errp);
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	if (changes != NULL)
		*changes = sqlite3_changes(s->db);
	return STORE_OK;
}

/* Roll back if a transaction is open. */
static void
store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Checkpoint the WAL into the database and truncate it to nothing. */
static int
store_checkpoint_truncate(struct store *s, const char *id, char **errp)
{
	int	rc, nlog = 0, nckpt = 0;

	rc = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
	    &nlog, &nckpt);
	if (rc == SQLITE_BUSY || (rc == SQLITE_OK && nlog > 0))
		return store_err(STORE_BUSY, errp, "%s: intake %s is erased, "
		    "but another program (a kiosk?) is reading the database, "
		    "so the file keeps an old copy of its pages until it lets "
		    "go; when it is closed, run erase %s again to clear it",
		    s->path, id, id);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot checkpoint the database",
		    errp);
	return STORE_OK;
}

int
store_erase(struct store *s, const char *id, const char *actor,
    char **errp)
{
	static const char *const del[] = {
		"DELETE FROM answers WHERE intake_id = ?1",
		"DELETE FROM result_lines WHERE intake_id = ?1",
		"DELETE FROM intakes WHERE id = ?1"
	};
	char	status[16];
	size_t	i;
	int	rc;

	if ((rc = store_exec(s, "BEGIN IMMEDIATE", "cannot erase an intake",
	    errp)) != STORE_OK)
		return rc;
	rc = store_intake_status(s, id, status, errp);
	for (i = 0; i < SMP_NELEM(del) && rc == STORE_OK; i++)
		rc = store_run(s, del[i], id, NULL, "cannot erase an intake",
		    errp);
	/* In the same transaction: merge reads it to never bring the
	   intake back from another copy. */
	if (rc == STORE_OK && actor != NULL)
		rc = store_audit(s, actor, "erase", id, errp);
	if (rc == STORE_OK)
		rc = store_exec(s, "COMMIT", "cannot erase an intake", errp);
	if (rc != STORE_OK) {
		store_rollback(s);
		return rc;
	}
	return store_checkpoint_truncate(s, id, errp);
}

int
store_erase_again(struct store *s, const char *id, char **errp)
{
	int	rc, n = 0;

	if ((rc = store_count(s, "SELECT count(*) FROM audit WHERE action = "
	    "'erase' AND detail = ?1", id, &n, errp)) != STORE_OK)
		return rc;
	if (n == 0)
		return STORE_NOTFOUND;
	return store_checkpoint_truncate(s, id, errp);
}

/* Check other_path as a database of ours and attach it as "other". */
static int
store_attach_other(struct store *s, const char *other_path, char **errp)
{
	struct store	*o;
	char		 a[PATH_MAX], b[PATH_MAX], *uri;
	int		 rc;

	/* The copy reads only columns every schema has: an older file
	   (a kiosk not yet updated) is merged as it is, not upgraded. */
	if ((rc = store_open(other_path, STORE_RDONLY | STORE_OLDER_OK, &o,
	    errp)) != STORE_OK)
		return rc;
	store_close(o);
	if (realpath(s->path, a) != NULL && realpath(other_path, b) != NULL &&
	    strcmp(a, b) == 0)
		return store_err(STORE_ERR, errp, "%s: cannot merge a "
		    "database into itself", other_path);
	if ((rc = store_ro_uri(other_path, &uri, errp)) != STORE_OK)
		return rc;
	rc = store_run(s, "ATTACH DATABASE ?1 AS other", uri, NULL,
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
store_merge_copy(struct store *s, struct store_merge_counts *c,
    char **errp)
{
	int	*count[] = { &c->forms, &c->intakes, &c->answers, &c->lines };
	size_t	 i;
	int	 rc, n, total;

	if ((rc = store_exec(s, "BEGIN IMMEDIATE", "cannot merge", errp)) !=
	    STORE_OK)
		return rc;
	for (i = 0; i < SMP_NELEM(merge_steps) && rc == STORE_OK; i++) {
		rc = store_run(s, merge_steps[i].sql, NULL, &n, "cannot merge",
		    errp);
		if (rc == STORE_OK && merge_steps[i].counter != MERGE_NONE)
			*count[merge_steps[i].counter] = n;
	}
	/* Derived from the copied lines, whatever the other's schema. */
	if (rc == STORE_OK)
		rc = store_codes_fill_merged(s, errp);
	if (rc == STORE_OK)
		rc = store_exec(s, "DROP TABLE temp.merge_new", "cannot merge",
		    errp);
	if (rc == STORE_OK) {
		total = 0;
		rc = store_count(s, "SELECT count(*) FROM other.intakes",
		    NULL, &total, errp);
		if (rc == STORE_OK)
			rc = store_count(s, "SELECT count(*) FROM other.intakes "
			    "WHERE id IN (SELECT detail FROM main.audit WHERE "
			    "action = 'erase')", NULL, &c->erased, errp);
		c->present = total - c->intakes - c->erased;
	}
	if (rc == STORE_OK)
		rc = store_exec(s, "COMMIT", "cannot merge", errp);
	if (rc != STORE_OK)
		store_rollback(s);
	return rc;
}

int
store_merge(struct store *s, const char *other_path,
    struct store_merge_counts *counts, char **errp)
{
	struct store_merge_counts	c;
	int				rc;

	memset(&c, 0, sizeof(c));
	if ((rc = store_attach_other(s, other_path, errp)) != STORE_OK)
		return rc;
	rc = store_merge_copy(s, &c, errp);
	sqlite3_exec(s->db, "DETACH DATABASE other", NULL, NULL, NULL);
	if (rc == STORE_OK && counts != NULL)
		*counts = c;
	return rc;
}

/* Read one integer from a constant query, ?1 bound to arg (may be
   NULL), into *out. */
int
store_count(struct store *s, const char *sql, const char *arg, int *out,
    char **errp)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot read the database", errp);
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = STORE_OK;
	} else
		rc = store_fail(s, rc, "cannot read the database", errp);
	sqlite3_finalize(st);
	return rc;
}

/* Column i of st as text, "" for NULL (borrowed until the next step). */
static const char *
store_col(sqlite3_stmt *st, int i)
{
	const unsigned char	*v = sqlite3_column_text(st, i);

	return v != NULL ? (const char *)v : "";
}

int
store_audit_each(struct store *s, const char *since, const char *until,
    int (*fn)(void *ctx, const struct store_audit_entry *e), void *ctx,
    char **errp)
{
	struct store_audit_entry	 e;
	sqlite3_stmt			*st;
	int				 rc;

	rc = sqlite3_prepare_v2(s->db, "SELECT seq, at, actor, action, detail "
	    "FROM audit WHERE (?1 IS NULL OR at >= ?1) AND "
	    "(?2 IS NULL OR at < ?2) ORDER BY seq", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot read the audit log", errp);
	if (since != NULL)
		sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	if (until != NULL)
		sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e.seq = sqlite3_column_int64(st, 0);
		e.at = store_col(st, 1);
		e.actor = store_col(st, 2);
		e.action = store_col(st, 3);
		e.detail = store_col(st, 4);
		if (fn(ctx, &e) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	rc = rc == SQLITE_DONE ? STORE_OK :
	    store_fail(s, rc, "cannot read the audit log", errp);
	sqlite3_finalize(st);
	return rc;
}
