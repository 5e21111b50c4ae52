/*
 * store_int.h: private to the store module (store*.c).
 * The only header besides those two files that sees <sqlite3.h>.
 *
 * Schema version 2 (PRAGMA user_version = 2; store.c migrates 0 -> 1 -> 2).  Times are UTC ISO-8601 with
 * milliseconds, "2026-06-15T10:22:33.123Z", so text order is time order.
 *
 *   forms(hash TEXT PRIMARY KEY,          -- SHA-256 hex of source
 *         form_id TEXT NOT NULL, version INTEGER NOT NULL,
 *         source TEXT NOT NULL, added_at TEXT NOT NULL)
 *   intakes(id TEXT PRIMARY KEY,          -- UUID v4
 *         form_hash TEXT NOT NULL REFERENCES forms(hash),
 *         kiosk_id TEXT NOT NULL, lang TEXT NOT NULL,
 *         source TEXT NOT NULL CHECK (source IN ('kiosk','paper')),
 *         status TEXT NOT NULL
 *           CHECK (status IN ('in_progress','completed','abandoned')),
 *         started_at TEXT NOT NULL, updated_at TEXT NOT NULL,
 *         completed_at TEXT, score INTEGER, band TEXT,
 *         stop_codes TEXT, flag_codes TEXT, recommend_codes TEXT)
 *           -- v2: codes of the result lines of each kind joined with
 *           -- ';' in line order; '' if none; NULL unless completed
 *   answers(intake_id TEXT NOT NULL REFERENCES intakes(id)
 *           ON DELETE CASCADE, question TEXT NOT NULL,
 *         value TEXT NOT NULL, answered_at TEXT NOT NULL,
 *         PRIMARY KEY (intake_id, question)) WITHOUT ROWID
 *   result_lines(intake_id TEXT NOT NULL REFERENCES intakes(id)
 *           ON DELETE CASCADE, seq INTEGER NOT NULL,
 *         kind TEXT NOT NULL, code TEXT NOT NULL,
 *         points INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL,
 *         PRIMARY KEY (intake_id, seq)) WITHOUT ROWID
 *   audit(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
 *         action TEXT NOT NULL, detail TEXT NOT NULL)
 *   indexes: intakes(started_at), intakes(status)
 */
#ifndef SMP_STORE_INT_H
#define SMP_STORE_INT_H

#include <time.h>

#include <sqlite3.h>

#include "store/store.h"
#include "base/defs.h"

struct store {
	sqlite3		*db;		/* open connection */
	char		*path;		/* database file */
	unsigned	 flags;		/* STORE_* open flags */
	/* Cached hot statements (store_stmt), finalised by store_close. */
	sqlite3_stmt	*st_status;	/* status of one intake */
	sqlite3_stmt	*st_answer_put;	/* answer upsert */
	sqlite3_stmt	*st_answer_del;	/* answer delete */
	sqlite3_stmt	*st_touch;	/* intakes.updated_at */
	sqlite3_stmt	*st_audit;	/* audit insert */
};

#define STORE_TIME_LEN	24	/* "2026-06-15T10:22:33.123Z" */

/*
 * Turn a failed sqlite3 call into a store_rc and an allocated message
 * "what: path: sqlite's message" in *errp.  Defined in store.c.
 */
int	store_fail(struct store *s, int sqlite_rc, const char *what,
	    char **errp);
/* Current UTC time as ISO-8601 with milliseconds (buf >= 25 bytes). */
void	store_now(char *buf);
/* The same format for time t and ms milliseconds. */
void	store_time(time_t t, int ms, char *buf);
/* Set *errp (if errp) to a formatted message and return rc. */
int	store_err(int rc, char **errp, const char *fmt, ...)
	    SMP_PRINTFLIKE(3, 4);
/*
 * Derive intakes' codes columns from their result lines (store_codes.c),
 * inside the caller's transaction: every intake (the 1 -> 2 upgrade), or
 * those a merge is adding (listed in temp.merge_new).
 */
int	store_codes_fill_all(struct store *s, char **errp);
int	store_codes_fill_merged(struct store *s, char **errp);
/* PRAGMA quick_check: STORE_CORRUPT unless it says "ok" (store.c). */
int	store_quick_check(struct store *s, char **errp);
/*
 * path as a read-only "file:" URI (percent-encoded) into *urip (caller
 * frees); on a read-only file system with "immutable=1" (SQLite cannot
 * create the -shm file there), refused if a non-empty -wal would be
 * missed (store.c).
 */
int	store_ro_uri(const char *path, char **urip, char **errp);
/* Run constant SQL (may be several statements); errors via store_fail. */
int	store_exec(struct store *s, const char *sql, const char *what,
	    char **errp);
/* Read one integer from a constant query (e.g. count(*)), ?1 bound to
   arg (may be NULL), into *out. */
int	store_count(struct store *s, const char *sql, const char *arg,
	    int *out, char **errp);
/* Prepare sql into the cache slot *stp once, or reset it for reuse. */
int	store_stmt(struct store *s, sqlite3_stmt **stp, const char *sql,
	    char **errp);

#endif
