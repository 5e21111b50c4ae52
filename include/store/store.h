/*
 * store.h: the intake database.  Callers see struct store and these
 * functions only.  Behind them, a backend keeps the data: store_open picks
 * it (SQLite for every path today: src/store/sqlite*.c, the only files
 * that include <sqlite3.h>); src/store/backend.h is the seam a PostgreSQL
 * backend will plug into.  The read side is store/query.h.  For the
 * engine, store_intake_port() turns an open store into the struct
 * intake_store an intake writes through.
 *
 * Durability: WAL journal, synchronous=FULL, a busy timeout; every answer
 * is its own transaction, committed before store_answer_put returns, so an
 * answer whose save returned survives a power cut or SIGKILL.  Files are
 * created mode 0600 in a 0700 folder.
 *
 * store_open sets SIGXFSZ to SIG_IGN, so a file size limit makes a write
 * fail (reported as STORE_FULL) instead of killing the process.
 *
 * Every write first checks that the database it writes is still the file
 * at its path (device and inode), and again after its commit: a file
 * deleted, moved away or replaced under a running program gives
 * STORE_MOVED, so nothing is reported saved that went to a file nobody
 * will find.
 *
 * Errors: every function returns STORE_OK (0) or a negative enum store_rc
 * and sets *errp to an allocated message (caller frees) that names the
 * file and the cause; store_exit_status() maps a code to a sysexits value.
 * Nothing is printed here.
 */
#ifndef SMP_STORE_H
#define SMP_STORE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "engine/intake.h"
#include "form/form.h"

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
	STORE_IOERR = -9,	/* other input/output error */
	STORE_MOVED = -10	/* the file open is no longer the one at
				   its path (deleted, moved, replaced):
				   nothing more is written to it */
};

/* Flags for store_open. */
#define STORE_RDONLY	0x1	/* open for reading only; never create */
#define STORE_EXISTING	0x2	/* never create: missing is STORE_NOTFOUND */
#define STORE_NOCHECK	0x4	/* writable, but skip quick_check: for
				   commands that read and only append an
				   audit row (export, show) */
#define STORE_OLDER_OK	0x8	/* with STORE_RDONLY: take an older schema
				   as it is (merge reads only what every
				   version has); else a read-only open
				   upgrades the file first */

struct store;

/*
 * The integrity check of an open database's file on a thread of its own,
 * for the kiosk (whose first screen must not wait for a read of every
 * page).  store_open with STORE_NOCHECK, then store_check_start;
 * store_check_poll: 1 while it runs, then STORE_OK or the failure's
 * store_rc with *errp (handed over once; caller frees);
 * store_check_free interrupts a check still running and waits for it.
 */
struct store_check;

/*
 * Open (creating unless STORE_RDONLY or STORE_EXISTING) the database at
 * path, check it (quick_check when writable) and migrate its schema;
 * *sp is freed with store_close.  See docs/storage.md.
 */
int	store_open(const char *path, unsigned flags, struct store **sp,
	    char **errp);
void	store_close(struct store *s);
int	store_check_start(const struct store *s, struct store_check **cp,
	    char **errp);
int	store_check_poll(struct store_check *c, char **errp);
void	store_check_free(struct store_check *c);
/*
 * sysexits status for a store_rc: BUSY 75, FULL/IOERR/MOVED 74,
 * CANTOPEN/READONLY
 * 73, CORRUPT/NEWER 65 (the data is unusable by this program), NOTFOUND 66
 * (also a missing database opened STORE_RDONLY), anything else 1.
 */
int	store_exit_status(int rc);
/* The database file's path (borrowed from s). */
const char *store_path(const struct store *s);

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

/*
 * A completed intake's row also keeps its stop, flag and recommendation
 * codes, each kind joined with ';' in line order (what a wide export
 * writes): codes[0] stop, [1] flag, [2] recommend.  store_codes_add
 * appends code to the list of its kind (ignoring other kinds).
 */
#define STORE_NCODES	3
void	store_codes_add(struct strbuf codes[STORE_NCODES], const char *kind,
	    const char *code);

/* Mark completed with its outcome (score, band, re-check...), result
   lines and codes (one transaction). */
int	store_intake_complete(struct store *s, const char *intake,
	    const struct intake_outcome *out, const struct intake_line *lines,
	    size_t nlines, char **errp);
int	store_intake_abandon(struct store *s, const char *intake,
	    char **errp);
/*
 * Fill *port with s's write side for intake_begin (engine/intake.h):
 * begin, put, complete and abandon are store_intake_begin,
 * store_answer_put, store_intake_complete and store_intake_abandon, with
 * ctx s (which must outlive the intakes).
 */
void	store_intake_port(struct store *s, struct intake_store *port);
/*
 * Claim kiosk_id on this database for this process, until store_close:
 * STORE_BUSY (nothing touched) if a running process holds it already.
 * Once claimed, no running kiosk can be adding to an intake in progress
 * of kiosk_id: a kiosk that stopped (killed, crashed, power cut) left
 * it, and it becomes abandoned at once (*count of them; one audit row
 * "abandon" with the count and the kiosk id when there were any).
 */
int	store_kiosk_claim(struct store *s, const char *kiosk_id, int *count,
	    char **errp);
/* Intakes in progress idle for over idle_seconds become abandoned. */
int	store_abandon_stale(struct store *s, int idle_seconds, int *count,
	    char **errp);
/* Append to the audit log.  Never put personal data in detail. */
int	store_audit(struct store *s, const char *actor, const char *action,
	    const char *detail, char **errp);
/* Who is acting, for store_audit: $SMP_STAFF, $USER, else "kiosk"
   (borrowed from the environment). */
const char *store_actor(void);

/* The status ("in_progress", "completed", "abandoned") of intake id into
   buf (16 bytes); STORE_NOTFOUND if there is no such intake. */
int	store_intake_status(struct store *s, const char *id, char *buf,
	    char **errp);

/*
 * Erase one intake for good: its answers, result lines and row are
 * deleted with secure_delete on (freed bytes are overwritten) and the WAL
 * is checkpointed and truncated, so no copy of an answer stays in the
 * files.  STORE_NOTFOUND if there is no such intake.  If another process
 * keeps the database busy, the intake is erased but STORE_BUSY says the
 * file keeps an old copy until the next checkpoint.  actor (a staff
 * erasure) writes the "erase" audit row in the same transaction, which
 * merge reads to never bring the intake back; NULL (a command cleaning
 * up its own half-saved intake) writes none.
 */
int	store_erase(struct store *s, const char *id, const char *actor,
	    char **errp);
/*
 * Run again after STORE_BUSY: if intake id was erased here (the audit log
 * says so), checkpoint once more: STORE_OK (cleared) or STORE_BUSY;
 * STORE_NOTFOUND if it never was.
 */
int	store_erase_again(struct store *s, const char *id, char **errp);

/* What store_merge did. */
struct store_merge_counts {
	int	intakes;	/* intakes copied */
	int	present;	/* intakes of other already here (skipped) */
	int	erased;		/* intakes of other erased here (skipped) */
	int	forms;		/* form versions copied */
	int	answers;	/* answers copied */
	int	lines;		/* result lines copied */
};
/*
 * Bring in every intake of the database at other_path (opened read-only
 * and checked first) that is not here yet (by id), with its answers,
 * result lines and form text; one transaction.  Merging twice adds
 * nothing.  Intakes already here are left as they are.
 */
int	store_merge(struct store *s, const char *other_path,
	    struct store_merge_counts *counts, char **errp);

/*
 * Sending: a whole intake (as a query cursor gives it, with its answers
 * and lines) put into a server store in one transaction, idempotent by
 * its id.  form describes its form version (the server keeps the text
 * once); clinic (may be NULL) is the sending kiosk's clinic.  *result is
 * STORE_PUT_ADDED, 0 (already there: nothing changed) or STORE_PUT_ERASED
 * (erased there: never brought back), with STORE_PUT_FORM added when its
 * form version was new there.  A backend that cannot receive intakes
 * (SQLite) gives STORE_ERR.
 */
struct store_put_form {
	const char	*form_id;
	int		 version;
	const char	*source;	/* exact text */
	const char	*added_at;	/* as kept where it comes from, or
					   NULL */
};
#define STORE_PUT_ADDED		1
#define STORE_PUT_ERASED	2
#define STORE_PUT_FORM		4
struct query_intake;
int	store_intake_put(struct store *s, const struct query_intake *in,
	    const struct store_put_form *form, const char *clinic,
	    int *result, char **errp);
/* Whether path names a server (a "postgresql://" URI), not a file. */
int	store_is_server(const char *path);

/* One audit entry (borrowed for the duration of the callback). */
struct store_audit_entry {
	long long	 seq;		/* order of writing */
	const char	*at;		/* UTC ISO-8601 time */
	const char	*actor;
	const char	*action;	/* "record", "export", "erase", ... */
	const char	*detail;
};
/*
 * Call fn for each audit entry with since <= at < until (either may be
 * NULL; compared as text, so "2026-06-15" means that day's start), in
 * order.  fn returns 0 to go on, non-zero to stop.
 */
int	store_audit_each(struct store *s, const char *since,
	    const char *until, int (*fn)(void *ctx,
	    const struct store_audit_entry *e), void *ctx, char **errp);

#endif
