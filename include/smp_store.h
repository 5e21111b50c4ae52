/*
 * smp_store.h: the intake database (SQLite).  This module is the only one
 * that includes <sqlite3.h>; everything else sees struct store.
 *
 * Durability: WAL journal, synchronous=FULL, a busy timeout; every answer
 * is its own transaction, committed before store_answer_put returns, so an
 * answer whose save returned survives a power cut or SIGKILL.  Files are
 * created mode 0600 in a 0700 folder.
 *
 * Errors: every function returns STORE_OK (0) or a negative enum store_rc
 * and sets *errp to an allocated message (caller frees) that names the
 * file and the cause; store_exit_status() maps a code to a sysexits value.
 * Nothing is printed here.
 */
#ifndef SMP_STORE_H
#define SMP_STORE_H

#include <stddef.h>

#include "smp_form.h"

#define STORE_ID_LEN	36	/* UUID text, without the NUL */
#define STORE_HASH_LEN	64	/* SHA-256 hex, without the NUL */

enum store_rc {
	STORE_OK = 0,
	STORE_ERR = -1,		/* other error */
	STORE_BUSY = -2,	/* locked by another process too long */
	STORE_FULL = -3,	/* disk full / quota */
	STORE_CORRUPT = -4,	/* not a database, or damaged */
	STORE_NEWER = -5,	/* written by a newer smp-intake */
	STORE_NOTFOUND = -6,	/* no such intake */
	STORE_CANTOPEN = -7,	/* path unwritable / missing folder */
	STORE_READONLY = -8,	/* read-only file or filesystem */
	STORE_IOERR = -9	/* other input/output error */
};

/* Flags for store_open. */
#define STORE_RDONLY	0x1	/* open for reading only; never create */

struct store;

int	store_open(const char *path, unsigned flags, struct store **sp,
	    char **errp);
void	store_close(struct store *s);
/*
 * sysexits status for a store_rc: BUSY 75, FULL/IOERR 74, CANTOPEN/READONLY
 * 73, CORRUPT/NEWER 65 (the data is unusable by this program), NOTFOUND 66
 * (also a missing database opened STORE_RDONLY), anything else 1.
 */
int	store_exit_status(int rc);
/* The database file's path (borrowed from s). */
const char *store_path(const struct store *s);
/* The schema version (PRAGMA user_version) this program writes. */
int	store_schema_version(void);

/*
 * Remember the exact text of a form (idempotent) and give its SHA-256 hash
 * (hex, STORE_HASH_LEN + 1 bytes), by which intakes refer to it.
 */
int	store_form_put(struct store *s, const struct form *f, char *hash,
	    char **errp);

/* Start an intake; id receives its new UUID (STORE_ID_LEN + 1 bytes).
   source: "kiosk" or "paper". */
int	store_intake_begin(struct store *s, const char *form_hash,
	    const char *kiosk_id, const char *lang, const char *source,
	    char *id, char **errp);
/* Save (value != NULL) or delete one answer, durably. */
int	store_answer_put(struct store *s, const char *intake,
	    const char *question, const char *value, char **errp);

/* One line of a result as stored. */
struct store_line {
	const char	*kind;	/* "points", "stop", "flag", "recommend" */
	const char	*code;	/* rule id or question=option */
	int		 points;
	const char	*text;	/* in the form's first language */
};

/* Mark completed with its score, band and result lines (one
   transaction). */
int	store_intake_complete(struct store *s, const char *intake, int score,
	    const char *band, const struct store_line *lines, size_t nlines,
	    char **errp);
int	store_intake_abandon(struct store *s, const char *intake,
	    char **errp);
/* Intakes in progress idle for over idle_seconds become abandoned. */
int	store_abandon_stale(struct store *s, int idle_seconds, int *count,
	    char **errp);
/* Append to the audit log.  Never put personal data in detail. */
int	store_audit(struct store *s, const char *actor, const char *action,
	    const char *detail, char **errp);

#endif
