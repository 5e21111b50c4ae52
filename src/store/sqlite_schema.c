/*
 * sqlite_schema.c: the schema of an SQLite intake database, its version
 * (PRAGMA user_version) and the forward migrations.  At every open the
 * version is checked: a newer one is refused and an older one migrated
 * forward in one transaction.
 */
#include <stdlib.h>

#include "base/defs.h"
#include "base/xmalloc.h"
#include "sqlite.h"
#include "sqlite_codes.h"
#include "sqlite_schema.h"

/*
 * Forward migrations: migrations[i] takes a database from user_version i to
 * i + 1: its SQL, then (if any) a C step for what SQL cannot say plainly.
 * Never edit a released entry; append a new one.
 */
static const struct {
	const char	*sql;
	int		(*step)(struct sqlite_store *, char **);
} migrations[] = {
	/* 0 -> 1: the first schema. */
	{ "CREATE TABLE forms("
	" hash TEXT PRIMARY KEY,"
	" form_id TEXT NOT NULL, version INTEGER NOT NULL,"
	" source TEXT NOT NULL, added_at TEXT NOT NULL);"
	"CREATE TABLE intakes("
	" id TEXT PRIMARY KEY,"
	" form_hash TEXT NOT NULL REFERENCES forms(hash),"
	" kiosk_id TEXT NOT NULL, lang TEXT NOT NULL,"
	" source TEXT NOT NULL CHECK (source IN ('kiosk','paper')),"
	" status TEXT NOT NULL"
	"  CHECK (status IN ('in_progress','completed','abandoned')),"
	" started_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
	" completed_at TEXT, score INTEGER, band TEXT);"
	"CREATE TABLE answers("
	" intake_id TEXT NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,"
	" question TEXT NOT NULL,"
	" value TEXT NOT NULL, answered_at TEXT NOT NULL,"
	" PRIMARY KEY (intake_id, question)) WITHOUT ROWID;"
	"CREATE TABLE result_lines("
	" intake_id TEXT NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL,"
	" kind TEXT NOT NULL, code TEXT NOT NULL,"
	" points INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL,"
	" PRIMARY KEY (intake_id, seq)) WITHOUT ROWID;"
	"CREATE TABLE audit("
	" seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,"
	" action TEXT NOT NULL, detail TEXT NOT NULL);"
	"CREATE INDEX intakes_started ON intakes(started_at);"
	"CREATE INDEX intakes_status ON intakes(status);", NULL },
	/*
	 * 1 -> 2: each completed intake's stop, flag and recommendation
	 * codes on its own row, so a wide export and the list read two
	 * tables, not the result lines (the biggest table) as well.
	 */
	{ "ALTER TABLE intakes ADD COLUMN stop_codes TEXT;"
	"ALTER TABLE intakes ADD COLUMN flag_codes TEXT;"
	"ALTER TABLE intakes ADD COLUMN recommend_codes TEXT;",
	  sqlite_codes_fill_all },
	/*
	 * 2 -> 3: the outcome of each completed intake (a stop's kind,
	 * else its band), its re-check date and what it waits for, and a
	 * clearance's score kept for staff only.  A stopped intake keeps
	 * no score or band a person could read; the step derives all of it
	 * from the stored stop codes (sqlite_codes.c).
	 */
	{ "ALTER TABLE intakes ADD COLUMN outcome TEXT;"
	"ALTER TABLE intakes ADD COLUMN recheck TEXT;"
	"ALTER TABLE intakes ADD COLUMN outcome_note TEXT;"
	"ALTER TABLE intakes ADD COLUMN score_internal INTEGER;",
	  sqlite_codes_outcome_all },
};

#define SCHEMA_NMIGRATIONS	((int)SMP_NELEM(migrations))

/* The schema version this program writes. */
int
sqlite_schema_version(void)
{
	return SCHEMA_NMIGRATIONS;
}

/* Apply the migrations from the file's version to ours, in one
   transaction. */
static int
sqlite_schema_migrate(struct sqlite_store *ss, char **errp)
{
	char	*sql;
	int	 rc, v, tables;

	if ((rc = sqlite_exec(ss, "BEGIN IMMEDIATE", "cannot upgrade the "
	    "database", errp)) != STORE_OK)
		return rc;
	/* Another process may have migrated while we waited. */
	if ((rc = sqlite_count(ss, "PRAGMA user_version", NULL, &v,
	    errp)) != STORE_OK)
		goto fail;
	if (v == 0) {
		if ((rc = sqlite_count(ss, "SELECT count(*) FROM "
		    "sqlite_master", NULL, &tables, errp)) != STORE_OK)
			goto fail;
		if (tables != 0) {
			rc = store_err(STORE_CORRUPT, errp, "%s: %s (another "
			    "program's database)", ss->base.path,
			    store_cause(STORE_CORRUPT));
			goto fail;
		}
	}
	for (; v < SCHEMA_NMIGRATIONS; v++) {
		if ((rc = sqlite_exec(ss, migrations[v].sql, "cannot upgrade "
		    "the database", errp)) != STORE_OK)
			goto fail;
		if (migrations[v].step != NULL &&
		    (rc = migrations[v].step(ss, errp)) != STORE_OK)
			goto fail;
	}
	/* PRAGMA takes no parameters; the value is our own constant. */
	sql = xasprintf("PRAGMA user_version = %d", SCHEMA_NMIGRATIONS);
	rc = sqlite_exec(ss, sql, "cannot upgrade the database", errp);
	free(sql);
	if (rc != STORE_OK)
		goto fail;
	return sqlite_exec(ss, "COMMIT", "cannot upgrade the database", errp);
fail:
	sqlite_rollback(ss);
	return rc;
}

/*
 * A read-only open found an older schema: upgrade the file through a
 * writable connection of its own, so `list` or `audit` right after a
 * program update work instead of asking for a writing command first.
 */
static int
sqlite_schema_upgrade(struct sqlite_store *ss, int v, char **errp)
{
	struct store	*w;
	char		*err = NULL;
	int		 rc;

	rc = store_open(ss->base.path, STORE_EXISTING | STORE_NOCHECK, &w,
	    &err);
	store_close(w);
	if (rc == STORE_OK)
		return STORE_OK;
	rc = store_err(rc, errp, "%s: schema %d is older than %d and cannot "
	    "be upgraded: %s", ss->base.path, v, SCHEMA_NMIGRATIONS, err);
	free(err);
	return rc;
}

/* Check the schema version: refuse newer, migrate older. */
int
sqlite_schema_check(struct sqlite_store *ss, char **errp)
{
	int	rc, v, tables = 0;

	if ((rc = sqlite_count(ss, "PRAGMA user_version", NULL, &v,
	    errp)) != STORE_OK)
		return rc;
	if (v > SCHEMA_NMIGRATIONS)
		return store_err(STORE_NEWER, errp, "%s: written by a newer "
		    "smp-intake (schema %d, this one knows %d)", ss->base.path,
		    v, SCHEMA_NMIGRATIONS);
	/* Another program's file may carry a user_version too. */
	if (v > 0 && ((rc = sqlite_count(ss, "SELECT count(*) FROM "
	    "sqlite_master WHERE type = 'table' AND name IN ('forms', "
	    "'intakes', 'answers', 'result_lines', 'audit')", NULL, &tables,
	    errp)) != STORE_OK || tables != 5))
		return rc != STORE_OK ? rc : store_err(STORE_CORRUPT, errp,
		    "%s: %s (another program's database)", ss->base.path,
		    store_cause(STORE_CORRUPT));
	if (v == SCHEMA_NMIGRATIONS)
		return STORE_OK;
	if (!(ss->base.flags & STORE_RDONLY))
		return sqlite_schema_migrate(ss, errp);
	if (v == 0)
		return store_err(STORE_CORRUPT, errp, "%s: not a smp-intake "
		    "database (no schema)", ss->base.path);
	if (ss->base.flags & STORE_OLDER_OK)
		return STORE_OK;
	return sqlite_schema_upgrade(ss, v, errp);
}
