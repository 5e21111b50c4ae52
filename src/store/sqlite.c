/*
 * sqlite.c: what every file of the SQLite backend shares (sqlite.h): the
 * handle, the mapping of SQLite's errors to store_rc codes and messages,
 * running and caching statements, and the time format of every stored
 * time.
 */
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/defs.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "sqlite.h"

/* Make a handle for path, without a connection or ops yet. */
struct sqlite_store *
sqlite_new(const char *path, unsigned flags)
{
	struct sqlite_store	*ss;

	ss = xcalloc(1, sizeof(*ss));
	ss->base.path = xstrdup(path);
	ss->base.flags = flags;
	ss->kiosk_lock = -1;
	return ss;
}

/* Finalise every cached statement of ss. */
static void
sqlite_finalize_all(struct sqlite_store *ss)
{
	sqlite3_stmt	**stp[] = { &ss->st_status, &ss->st_answer_put,
	    &ss->st_answer_del, &ss->st_touch, &ss->st_audit };
	size_t		  i;

	for (i = 0; i < SMP_NELEM(stp); i++) {
		sqlite3_finalize(*stp[i]);
		*stp[i] = NULL;
	}
}

/* Close the connection and free the handle. */
void
sqlite_close(struct store *s)
{
	struct sqlite_store	*ss = sqlite_of(s);

	if (ss == NULL)
		return;
	sqlite_finalize_all(ss);
	if (ss->db != NULL)
		sqlite3_close_v2(ss->db);
	if (ss->kiosk_lock >= 0)
		close(ss->kiosk_lock);	/* lets the kiosk_id go */
	free(ss->base.path);
	free(ss);
}

/* Is a system errno one of "no space left"? */
int
sqlite_errno_full(int e)
{
	return e == ENOSPC || e == EFBIG
#ifdef EDQUOT
	    || e == EDQUOT
#endif
	    ;
}

/* Map a sqlite3 result code (and the last system errno) to a store_rc. */
static int
sqlite_map_rc(int sqlite_rc, int sys_errno)
{
	switch (sqlite_rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return STORE_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_BUSY;
	case SQLITE_FULL:
		return STORE_FULL;
	case SQLITE_IOERR:
		return sqlite_errno_full(sys_errno) ? STORE_FULL : STORE_IOERR;
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return STORE_READONLY;
	case SQLITE_CANTOPEN:
		return STORE_CANTOPEN;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return STORE_CORRUPT;
	default:
		return STORE_ERR;
	}
}

/* A failed sqlite3 call as a store_rc and a message. */
int
sqlite_fail(struct sqlite_store *ss, int sqlite_rc, const char *what,
    char **errp)
{
	const char	*path = ss != NULL && ss->base.path != NULL ?
			    ss->base.path : "?";
	const char	*msg = "", *cause;
	int		 e = 0, rc;

	if (ss != NULL && ss->db != NULL) {
		msg = sqlite3_errmsg(ss->db);
		e = sqlite3_system_errno(ss->db);
	} else
		msg = sqlite3_errstr(sqlite_rc);
	rc = sqlite_map_rc(sqlite_rc, e);
	if (rc == STORE_OK)
		rc = STORE_ERR;
	cause = store_cause(rc);
	if (errp == NULL)
		return rc;
	if (cause != NULL && e != 0)
		*errp = xasprintf("%s: %s: %s (%s; %s)", what, path, cause,
		    msg, strerror(e));
	else if (cause != NULL)
		*errp = xasprintf("%s: %s: %s (%s)", what, path, cause, msg);
	else
		*errp = xasprintf("%s: %s: %s", what, path, msg);
	return rc;
}

/* Format a UTC time t plus ms milliseconds into buf (>= 25 bytes). */
void
sqlite_time(time_t t, int ms, char *buf)
{
	struct tm	tm;

	gmtime_r(&t, &tm);
	strftime(buf, 20, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + 19, 6, ".%03uZ", (unsigned)ms % 1000);
}

/* The current UTC time into buf (>= 25 bytes). */
void
sqlite_now(char *buf)
{
	struct timespec	ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	sqlite_time(ts.tv_sec, (int)(ts.tv_nsec / 1000000), buf);
}

/* Run one constant SQL text (several statements) with sqlite3_exec. */
int
sqlite_exec(struct sqlite_store *ss, const char *sql, const char *what,
    char **errp)
{
	int	rc;

	rc = sqlite3_exec(ss->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, what, errp);
	return STORE_OK;
}

/*
 * Prepare sql into *stp once (cached in the handle) and reset it for a
 * new use.  The statement is finalised by sqlite_close.
 */
int
sqlite_stmt(struct sqlite_store *ss, sqlite3_stmt **stp, const char *sql,
    char **errp)
{
	int	rc;

	if (*stp != NULL) {
		sqlite3_reset(*stp);
		sqlite3_clear_bindings(*stp);
		return STORE_OK;
	}
	rc = sqlite3_prepare_v3(ss->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    stp, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot prepare a statement", errp);
	return STORE_OK;
}

/* Step a statement that returns no row; STORE_OK or sqlite_fail. */
int
sqlite_step_done(struct sqlite_store *ss, sqlite3_stmt *st,
    const char *what, char **errp)
{
	int	rc;

	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		rc = sqlite_fail(ss, rc, what, errp);
	else
		rc = STORE_OK;
	sqlite3_reset(st);
	return rc;
}

/* Read one integer from a constant query, ?1 bound to arg (may be
   NULL), into *out. */
int
sqlite_count(struct sqlite_store *ss, const char *sql, const char *arg,
    int *out, char **errp)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v2(ss->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot read the database", errp);
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = STORE_OK;
	} else
		rc = sqlite_fail(ss, rc, "cannot read the database", errp);
	sqlite3_finalize(st);
	return rc;
}

/* Roll back if a transaction is open. */
void
sqlite_rollback(struct sqlite_store *ss)
{
	if (!sqlite3_get_autocommit(ss->db))
		sqlite3_exec(ss->db, "ROLLBACK", NULL, NULL, NULL);
}

/* PRAGMA quick_check must say "ok". */
int
sqlite_quick_check(struct sqlite_store *ss, char **errp)
{
	sqlite3_stmt	*st;
	const char	*v;
	int		 rc, ok;

	rc = sqlite3_prepare_v2(ss->db, "PRAGMA quick_check", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot check the database", errp);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = sqlite_fail(ss, rc, "cannot check the database", errp);
		sqlite3_finalize(st);
		return rc;
	}
	v = (const char *)sqlite3_column_text(st, 0);
	ok = v != NULL && strcmp(v, "ok") == 0;
	sqlite3_finalize(st);
	if (!ok)
		return store_err(STORE_CORRUPT, errp, "%s: %s (integrity "
		    "check failed)", ss->base.path, store_cause(STORE_CORRUPT));
	return STORE_OK;
}

/* path as a read-only "file:" URI. */
int
sqlite_ro_uri(const char *path, char **urip, char **errp)
{
	struct strbuf		 sb;
	struct statvfs		 vfs;
	struct stat		 st;
	const unsigned char	*p;
	char			*wal;
	bool			 rofs;

	/* On read-only media SQLite cannot make the -shm file a WAL
	   database needs: "immutable" reads without it, but also without
	   the -wal file, so a non-empty one (a copy of a running kiosk) is
	   refused rather than silently left out. */
	rofs = statvfs(path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY);
	if (rofs) {
		wal = xasprintf("%s-wal", path);
		if (stat(wal, &st) == 0 && st.st_size > 0) {
			free(wal);
			return store_err(STORE_READONLY, errp, "%s: on a "
			    "read-only disk with changes still in %s-wal: copy "
			    "both files to a writable folder first", path,
			    path);
		}
		free(wal);
	}
	strbuf_init(&sb);
	strbuf_adds(&sb, "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p) != NULL)
			strbuf_addc(&sb, (char)*p);
		else
			strbuf_addf(&sb, "%%%02X", *p);
	}
	strbuf_adds(&sb, rofs ? "?mode=ro&immutable=1" : "?mode=ro");
	*urip = strbuf_detach(&sb);
	strbuf_done(&sb);	/* strbuf_detach leaves a fresh buffer */
	return STORE_OK;
}
