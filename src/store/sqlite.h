/*
 * sqlite.h: private to the SQLite backend (sqlite*.c): its handle and the
 * helpers its files share (sqlite.c).  With the sqlite*.c files, the only
 * place that includes <sqlite3.h>.
 *
 * The backend's files, lowest first (each includes only those before it):
 *
 *	sqlite.c	the handle, errors, statements, times (this header)
 *	sqlite_codes.c	the codes columns derived from result lines
 *	sqlite_schema.c	schema version, migrations
 *	sqlite_read.c	the read ops: cursor, counts, audit log, status
 *	sqlite_write.c	the write ops: forms, intakes, answers, audit
 *	sqlite_check.c	the background integrity check
 *	sqlite_admin.c	the admin ops: stale intakes, erase, merge, close
 *	sqlite_open.c	sqlite_open (backend.h): connection, pragmas, and
 *			the ops tables put together
 *
 * Schema version 2 (PRAGMA user_version = 2; sqlite_schema.c migrates
 * 0 -> 1 -> 2).  Times are UTC ISO-8601 with milliseconds,
 * "2026-06-15T10:22:33.123Z", so text order is time order.
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
#ifndef SMP_STORE_SQLITE_H
#define SMP_STORE_SQLITE_H

#include <sys/types.h>

#include <stdbool.h>
#include <time.h>

#include <sqlite3.h>

#include "store/store.h"
#include "backend.h"

/* An open SQLite database: the backend's struct store. */
struct sqlite_store {
	struct store	 base;		/* first: what the wrappers see */
	sqlite3		*db;		/* open connection */
	/* Cached hot statements (sqlite_stmt), finalised by sqlite_close. */
	sqlite3_stmt	*st_status;	/* status of one intake */
	sqlite3_stmt	*st_answer_put;	/* answer upsert */
	sqlite3_stmt	*st_answer_del;	/* answer delete */
	sqlite3_stmt	*st_touch;	/* intakes.updated_at */
	sqlite3_stmt	*st_audit;	/* audit insert */
	int		 kiosk_lock;	/* kiosk_claim's lock file, or -1;
					   closed by sqlite_close */
	int		 busy_ms;	/* how long to wait for a lock */
	dev_t		 dev;		/* the file SQLite opened at path, */
	ino_t		 ino;		/* (sqlite_write_note_file) */
	bool		 lost;		/* it left the path: nothing more is
					   written (sqlite_write_same_file) */
};

#define STORE_TIME_LEN	24	/* "2026-06-15T10:22:33.123Z" */

/* The SQLite handle behind s (which sqlite_open or sqlite_new made). */
static inline struct sqlite_store *
sqlite_of(struct store *s)
{
	return (struct sqlite_store *)s;
}

/*
 * A handle for path (copied) with these STORE_* flags and no connection
 * yet and no ops; sqlite_close frees it.
 */
struct sqlite_store *sqlite_new(const char *path, unsigned flags);
/* Finalise the cached statements, close the connection, free ss. */
void	sqlite_close(struct store *s);
/*
 * Turn a failed sqlite3 call into a store_rc and an allocated message
 * "what: path: cause (sqlite's message)" in *errp (if errp).
 */
int	sqlite_fail(struct sqlite_store *ss, int sqlite_rc, const char *what,
	    char **errp);
/* Run constant SQL (may be several statements); errors via sqlite_fail. */
int	sqlite_exec(struct sqlite_store *ss, const char *sql,
	    const char *what, char **errp);
/* Prepare sql into the cache slot *stp once, or reset it for reuse. */
int	sqlite_stmt(struct sqlite_store *ss, sqlite3_stmt **stp,
	    const char *sql, char **errp);
/* Step a statement that returns no row, then reset it; a store_rc. */
int	sqlite_step_done(struct sqlite_store *ss, sqlite3_stmt *st,
	    const char *what, char **errp);
/* Read one integer from a constant query (count(*), a PRAGMA), ?1 bound
   to arg (may be NULL), into *out. */
int	sqlite_count(struct sqlite_store *ss, const char *sql,
	    const char *arg, int *out, char **errp);
/* Whether a system errno means "no space left" (ENOSPC, EFBIG,
   EDQUOT). */
int	sqlite_errno_full(int e);
/* Roll back if a transaction is open. */
void	sqlite_rollback(struct sqlite_store *ss);
/* PRAGMA quick_check: STORE_CORRUPT unless it says "ok". */
int	sqlite_quick_check(struct sqlite_store *ss, char **errp);
/*
 * path as a read-only "file:" URI (percent-encoded) into *urip (caller
 * frees); on a read-only file system with "immutable=1" (SQLite cannot
 * create the -shm file there), refused if a non-empty -wal would be
 * missed.
 */
int	sqlite_ro_uri(const char *path, char **urip, char **errp);
/* Current UTC time as ISO-8601 with milliseconds (buf >= 25 bytes). */
void	sqlite_now(char *buf);
/* The same format for time t and ms milliseconds. */
void	sqlite_time(time_t t, int ms, char *buf);

#endif
