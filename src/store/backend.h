/*
 * backend.h: private to src/store: the seam between the public store API
 * (store/store.h and store/query.h, thin dispatching wrappers in store.c
 * and query.c) and a backend that keeps the data: SQLite today
 * (sqlite*.c), PostgreSQL later.
 *
 * A backend's open function (listed at the end) allocates its own handle,
 * which begins with a struct store, so a struct store * points at it; it
 * sets the three ops tables, path and flags.  The wrappers call the ops;
 * nothing outside src/store sees them.
 *
 * Every op that returns int returns STORE_OK (0) or a negative enum
 * store_rc and then sets *errp (when errp is not NULL) to an allocated
 * message the caller frees, naming the database and the cause, never an
 * answer or other personal data.  Strings passed in are borrowed for the
 * call: a backend copies what it keeps.  What an op must do is what the
 * public function of the same name says (store_X for the write and admin
 * ops, query_X for the read ops, unless noted); the comments below add
 * what the wrappers leave to the backend.
 *
 * The types of store.h and query.h are only named here: those headers'
 * wrappers include this one, so including them back would make a cycle.
 */
#ifndef SMP_STORE_BACKEND_H
#define SMP_STORE_BACKEND_H

#include <stdbool.h>
#include <stddef.h>

#include "base/defs.h"

struct form;
struct intake_line;
struct query_cursor;
struct query_filter;
struct query_form;
struct query_intake;
struct store;
struct store_audit_entry;
struct store_check;
struct store_merge_counts;
struct store_put_form;

/*
 * The write side: what a kiosk and record change.  Each change is atomic
 * and durable once it returns STORE_OK (for SQLite, its own transaction
 * under synchronous=FULL).
 */
struct store_write_ops {
	/* Keep form f's exact text once (by its SHA-256); hash receives the
	   hex (STORE_HASH_LEN + 1 bytes). */
	int	(*form_put)(struct store *s, const struct form *f, char *hash,
		    char **errp);
	/* New intake "in_progress"; id receives its new UUID
	   (STORE_ID_LEN + 1 bytes). */
	int	(*intake_begin)(struct store *s, const char *form_hash,
		    const char *kiosk_id, const char *lang,
		    const char *source, char *id, char **errp);
	/* Upsert (value != NULL) or delete one answer and touch the
	   intake; STORE_NOTFOUND without the intake, STORE_ERR once it is
	   completed. */
	int	(*answer_put)(struct store *s, const char *intake,
		    const char *question, const char *value, char **errp);
	/* Status, score, band, the lines in order and their codes
	   (store_codes_add), all or nothing; refused as answer_put. */
	int	(*intake_complete)(struct store *s, const char *intake,
		    const struct intake_outcome *out,
		    const struct intake_line *lines, size_t nlines,
		    char **errp);
	/* Status "abandoned"; refused as answer_put. */
	int	(*intake_abandon)(struct store *s, const char *intake,
		    char **errp);
	/* Append one audit row; inside an open transaction of the
	   backend's own (erase) it joins that transaction. */
	int	(*audit)(struct store *s, const char *actor,
		    const char *action, const char *detail, char **errp);
	/* store_intake_put; NULL where the backend does not receive
	   whole intakes (SQLite: merge attaches the file instead). */
	int	(*intake_put)(struct store *s, const struct query_intake *in,
		    const struct store_put_form *form, const char *clinic,
		    int *result, char **errp);
	/* store_kiosk_claim: the claim lasts until close. */
	int	(*kiosk_claim)(struct store *s, const char *kiosk_id,
		    int *count, char **errp);
};

/*
 * The read side: list, show, export, stats, audit.  Nothing here loads
 * every intake into memory.
 */
struct store_read_ops {
	/* One read snapshot, from begin to end. */
	int	(*begin)(struct store *s, char **errp);
	int	(*end)(struct store *s, char **errp);
	/* *cp is the backend's cursor, which begins with a struct
	   query_cursor whose s is set to s; freed by cursor_free. */
	int	(*cursor_new)(struct store *s, const struct query_filter *f,
		    unsigned flags, struct query_cursor **cp, char **errp);
	/* 1 with *ip borrowed from the cursor until its next step or its
	   free, 0 at the end, or a store_rc. */
	int	(*cursor_next)(struct query_cursor *c,
		    const struct query_intake **ip, char **errp);
	/* Free c and all it lent (never called with NULL). */
	void	(*cursor_free)(struct query_cursor *c);
	/* *idp is allocated (caller frees), NULL on error. */
	int	(*resolve_id)(struct store *s, const char *prefix,
		    char **idp, char **errp);
	/* fn as query_form_fn; its non-zero return ends the walk and is
	   returned. */
	int	(*forms)(struct store *s, const struct query_filter *f,
		    int (*fn)(void *ctx, const struct query_form *qf),
		    void *ctx, char **errp);
	/* *srcp is allocated (caller frees), NUL-terminated. */
	int	(*form_source)(struct store *s, const char *hash,
		    char **srcp, size_t *lenp, char **errp);
	/* by is an enum query_count_by; fn as query_count_fn, its non-zero
	   return ends the walk and is returned. */
	int	(*counts)(struct store *s, const struct query_filter *f,
		    int by, const char *arg, int (*fn)(void *ctx,
		    const char *key, const char *text, long count),
		    void *ctx, char **errp);
	int	(*has_question)(struct store *s, const char *q, bool *yes,
		    char **errp);
	/* The entry is borrowed for the duration of fn. */
	int	(*audit_each)(struct store *s, const char *since,
		    const char *until, int (*fn)(void *ctx,
		    const struct store_audit_entry *e), void *ctx,
		    char **errp);
	/* store_intake_status: buf has 16 bytes. */
	int	(*intake_status)(struct store *s, const char *id, char *buf,
		    char **errp);
};

/*
 * Administration: staff operations over many rows, the background
 * integrity check, and closing.
 */
struct store_admin_ops {
	int	(*abandon_stale)(struct store *s, int idle_seconds,
		    int *count, char **errp);
	int	(*erase)(struct store *s, const char *id, const char *actor,
		    char **errp);
	int	(*erase_again)(struct store *s, const char *id, char **errp);
	/* other_path is always a file of this backend's kind. */
	int	(*merge)(struct store *s, const char *other_path,
		    struct store_merge_counts *counts, char **errp);
	/* *cp is the backend's check, which begins with a struct
	   store_check; it must not use s after returning (s may close
	   first). */
	int	(*check_start)(const struct store *s, struct store_check **cp,
		    char **errp);
	/* Free s and everything it holds (never called with NULL). */
	void	(*close)(struct store *s);
};

/* An open database, whatever keeps it: the start of a backend's handle. */
struct store {
	const struct store_write_ops	*write;
	const struct store_read_ops	*read;
	const struct store_admin_ops	*admin;
	char				*path;	/* as opened (owned; freed
						   by close) */
	unsigned			 flags;	/* STORE_* open flags */
};

/* A cursor: the start of a backend's cursor. */
struct query_cursor {
	struct store	*s;		/* whose read ops step and free it */
};

/* A background check: the start of a backend's check. */
struct store_check {
	/* store_check_poll and store_check_free, as store.h says;
	   free also frees c. */
	int	(*poll)(struct store_check *c, char **errp);
	void	(*free)(struct store_check *c);
};

/*
 * Helpers store.c gives every backend.  store_err sets *errp (if errp) to
 * a formatted message and returns rc; store_cause is the words for the
 * cause of a store_rc, for messages ("database is locked by another
 * process"), or NULL for STORE_OK, STORE_ERR, STORE_NEWER and
 * STORE_NOTFOUND.
 */
int	store_err(int rc, char **errp, const char *fmt, ...)
	    SMP_PRINTFLIKE(3, 4);
const char *store_cause(int rc);

/*
 * The backends store_open picks from, each defined in its own files.
 * SQLite (sqlite*.c): a database file at path, with the STORE_* flags of
 * store.h.  PostgreSQL (pg*.c): a libpq "postgresql://" URI, the same
 * flags (STORE_RDONLY opens a read-only session).
 */
int	sqlite_open(const char *path, unsigned flags, struct store **sp,
	    char **errp);
int	pg_open(const char *uri, unsigned flags, struct store **sp,
	    char **errp);
/* Whether path names a PostgreSQL server (pg.c). */
int	pg_is_uri(const char *path);

#endif
