/*
 * store.c: opening the intake database, its schema and migrations, and the
 * error mapping shared by the whole store module.
 *
 * A database is opened in WAL mode with synchronous=FULL, foreign keys on,
 * secure_delete on (erased rows are overwritten, not just unlinked) and a
 * busy timeout.  At open it is checked (PRAGMA quick_check) and its
 * schema version (PRAGMA user_version) is migrated forward in one
 * transaction; a version newer than ours is refused.  Files are created
 * mode 0600 and a missing folder (one level) 0700.  The write side
 * (answers, intakes, audit) is in store_write.c, erase and merge in
 * store_admin.c, queries in store_query.c.
 */
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "base/defs.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "store_int.h"

/* Busy timeout (ms) unless $SMP_BUSY_TIMEOUT_MS says otherwise. */
#define STORE_BUSY_MS	5000

/*
 * Forward migrations: migrations[i] takes a database from user_version i to
 * i + 1: its SQL, then (if any) a C step for what SQL cannot say plainly.
 * Never edit a released entry; append a new one.
 */
static const struct {
	const char	*sql;
	int		(*step)(struct store *, char **);
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
	  store_codes_fill_all },
};

#define STORE_NMIGRATIONS	((int)SMP_NELEM(migrations))

/* The schema version this program writes. */
int
store_schema_version(void)
{
	return STORE_NMIGRATIONS;
}

/* Is sqlite's last system errno one of "no space left"? */
static int
store_errno_full(int e)
{
	return e == ENOSPC || e == EFBIG
#ifdef EDQUOT
	    || e == EDQUOT
#endif
	    ;
}

/* Map a sqlite3 result code (and the last system errno) to a store_rc. */
static int
store_map_rc(int sqlite_rc, int sys_errno)
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
		return store_errno_full(sys_errno) ? STORE_FULL : STORE_IOERR;
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

/* Word for the cause of a store_rc, for messages. */
static const char *
store_cause(int rc)
{
	switch (rc) {
	case STORE_BUSY:
		return "database is locked by another process";
	case STORE_FULL:
		return "disk full or file size limit reached";
	case STORE_CORRUPT:
		return "not a smp-intake database or damaged";
	case STORE_READONLY:
		return "read-only file or file system";
	case STORE_CANTOPEN:
		return "cannot open the file";
	case STORE_IOERR:
		return "input/output error";
	default:
		return NULL;
	}
}

int
store_fail(struct store *s, int sqlite_rc, const char *what, char **errp)
{
	const char	*path = s != NULL && s->path != NULL ? s->path : "?";
	const char	*msg = "", *cause;
	int		 e = 0, rc;

	if (s != NULL && s->db != NULL) {
		msg = sqlite3_errmsg(s->db);
		e = sqlite3_system_errno(s->db);
	} else
		msg = sqlite3_errstr(sqlite_rc);
	rc = store_map_rc(sqlite_rc, e);
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

/* Set *errp to a formatted message (if errp) and return rc. */
int
store_err(int rc, char **errp, const char *fmt, ...)
{
	va_list	ap;

	if (errp != NULL) {
		va_start(ap, fmt);
		*errp = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return rc;
}

/* Format a UTC time t plus ms milliseconds into buf (>= 25 bytes). */
void
store_time(time_t t, int ms, char *buf)
{
	struct tm	tm;

	gmtime_r(&t, &tm);
	strftime(buf, 20, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + 19, 6, ".%03uZ", (unsigned)ms % 1000);
}

void
store_now(char *buf)
{
	struct timespec	ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	store_time(ts.tv_sec, (int)(ts.tv_nsec / 1000000), buf);
}

int
store_exit_status(int rc)
{
	switch (rc) {
	case STORE_OK:
		return SMP_EXIT_OK;
	case STORE_BUSY:
		return SMP_EXIT_TEMPFAIL;
	case STORE_FULL:
	case STORE_IOERR:
		return SMP_EXIT_IOERR;
	case STORE_CANTOPEN:
	case STORE_READONLY:
		return SMP_EXIT_CANTCREAT;
	case STORE_CORRUPT:
	case STORE_NEWER:
		return SMP_EXIT_DATAERR;
	case STORE_NOTFOUND:
		return SMP_EXIT_NOINPUT;
	default:
		return SMP_EXIT_FAIL;
	}
}

/* Run one constant SQL text (several statements) with sqlite3_exec. */
int
store_exec(struct store *s, const char *sql, const char *what, char **errp)
{
	int	rc;

	rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, what, errp);
	return STORE_OK;
}

/*
 * Prepare sql into *stp once (cached in struct store) and reset it for a
 * new use.  The statement is finalised by store_close.
 */
int
store_stmt(struct store *s, sqlite3_stmt **stp, const char *sql,
    char **errp)
{
	int	rc;

	if (*stp != NULL) {
		sqlite3_reset(*stp);
		sqlite3_clear_bindings(*stp);
		return STORE_OK;
	}
	rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    stp, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot prepare a statement", errp);
	return STORE_OK;
}

/* Read one integer from a constant query (a PRAGMA). */
static int
store_int_query(struct store *s, const char *sql, int *out, char **errp)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot read the database", errp);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK) {
		rc = store_fail(s, rc, "cannot read the database", errp);
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	return STORE_OK;
}

int
store_quick_check(struct store *s, char **errp)
{
	sqlite3_stmt	*st;
	const char	*v;
	int		 rc, ok;

	rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot check the database", errp);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = store_fail(s, rc, "cannot check the database", errp);
		sqlite3_finalize(st);
		return rc;
	}
	v = (const char *)sqlite3_column_text(st, 0);
	ok = v != NULL && strcmp(v, "ok") == 0;
	sqlite3_finalize(st);
	if (!ok)
		return store_err(STORE_CORRUPT, errp, "%s: %s (integrity "
		    "check failed)", s->path, store_cause(STORE_CORRUPT));
	return STORE_OK;
}

/* Apply the migrations from the file's version to ours, in one
   transaction. */
static int
store_migrate(struct store *s, char **errp)
{
	char	*sql;
	int	 rc, v, tables;

	if ((rc = store_exec(s, "BEGIN IMMEDIATE", "cannot upgrade the "
	    "database", errp)) != STORE_OK)
		return rc;
	/* Another process may have migrated while we waited. */
	if ((rc = store_int_query(s, "PRAGMA user_version", &v,
	    errp)) != STORE_OK)
		goto fail;
	if (v == 0) {
		if ((rc = store_int_query(s, "SELECT count(*) FROM "
		    "sqlite_master", &tables, errp)) != STORE_OK)
			goto fail;
		if (tables != 0) {
			rc = store_err(STORE_CORRUPT, errp, "%s: %s (another "
			    "program's database)", s->path,
			    store_cause(STORE_CORRUPT));
			goto fail;
		}
	}
	for (; v < STORE_NMIGRATIONS; v++) {
		if ((rc = store_exec(s, migrations[v].sql, "cannot upgrade "
		    "the database", errp)) != STORE_OK)
			goto fail;
		if (migrations[v].step != NULL &&
		    (rc = migrations[v].step(s, errp)) != STORE_OK)
			goto fail;
	}
	/* PRAGMA takes no parameters; the value is our own constant. */
	sql = xasprintf("PRAGMA user_version = %d", STORE_NMIGRATIONS);
	rc = store_exec(s, sql, "cannot upgrade the database", errp);
	free(sql);
	if (rc != STORE_OK)
		goto fail;
	return store_exec(s, "COMMIT", "cannot upgrade the database", errp);
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/*
 * A read-only open found an older schema: upgrade the file through a
 * writable connection of its own, so `list` or `audit` right after a
 * program update work instead of asking for a writing command first.
 */
static int
store_upgrade(struct store *s, int v, char **errp)
{
	struct store	*w;
	char		*err = NULL;
	int		 rc;

	rc = store_open(s->path, STORE_EXISTING | STORE_NOCHECK, &w, &err);
	store_close(w);
	if (rc == STORE_OK)
		return STORE_OK;
	rc = store_err(rc, errp, "%s: schema %d is older than %d and cannot "
	    "be upgraded: %s", s->path, v, STORE_NMIGRATIONS, err);
	free(err);
	return rc;
}

/* Check the schema version: refuse newer, migrate older. */
static int
store_check_version(struct store *s, char **errp)
{
	int	rc, v, tables = 0;

	if ((rc = store_int_query(s, "PRAGMA user_version", &v,
	    errp)) != STORE_OK)
		return rc;
	if (v > STORE_NMIGRATIONS)
		return store_err(STORE_NEWER, errp, "%s: written by a newer "
		    "smp-intake (schema %d, this one knows %d)", s->path, v,
		    STORE_NMIGRATIONS);
	/* Another program's file may carry a user_version too. */
	if (v > 0 && ((rc = store_int_query(s, "SELECT count(*) FROM "
	    "sqlite_master WHERE type = 'table' AND name IN ('forms', "
	    "'intakes', 'answers', 'result_lines', 'audit')", &tables,
	    errp)) != STORE_OK || tables != 5))
		return rc != STORE_OK ? rc : store_err(STORE_CORRUPT, errp,
		    "%s: %s (another program's database)", s->path,
		    store_cause(STORE_CORRUPT));
	if (v == STORE_NMIGRATIONS)
		return STORE_OK;
	if (!(s->flags & STORE_RDONLY))
		return store_migrate(s, errp);
	if (v == 0)
		return store_err(STORE_CORRUPT, errp, "%s: not a smp-intake "
		    "database (no schema)", s->path);
	if (s->flags & STORE_OLDER_OK)
		return STORE_OK;
	return store_upgrade(s, v, errp);
}

/* Busy timeout in ms: $SMP_BUSY_TIMEOUT_MS (tests) or the default. */
static int
store_busy_ms(void)
{
	const char	*e = getenv("SMP_BUSY_TIMEOUT_MS");
	char		*end;
	long		 v;

	if (e == NULL || *e == '\0')
		return STORE_BUSY_MS;
	errno = 0;
	v = strtol(e, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || v > INT_MAX)
		return STORE_BUSY_MS;
	return (int)v;
}

/*
 * Make sure the file's folder exists (creating one level, mode 0700) and
 * the file itself exists mode 0600, so sqlite never creates it with the
 * umask's mode.
 */
static int
store_create_file(const char *path, char **errp)
{
	char		*dir, *slash;
	struct stat	 sb;
	int		 fd, rc = STORE_OK;

	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash != NULL && slash != dir) {
		*slash = '\0';
		if (stat(dir, &sb) < 0 && errno == ENOENT &&
		    mkdir(dir, 0700) < 0)
			rc = store_err(errno == EROFS ? STORE_READONLY :
			    STORE_CANTOPEN, errp, "%s: cannot create its folder "
			    "%s: %s", path, dir, strerror(errno));
	}
	free(dir);
	if (rc != STORE_OK)
		return rc;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EROFS || errno == EACCES || errno == EPERM) {
			/* An existing read-only file can still be read. */
			if (access(path, R_OK) == 0)
				return store_err(STORE_READONLY, errp, "%s: %s "
				    "(%s)", path, store_cause(STORE_READONLY),
				    strerror(errno));
			return store_err(errno == EROFS ? STORE_READONLY :
			    STORE_CANTOPEN, errp, "%s: cannot create the "
			    "database: %s", path, strerror(errno));
		}
		return store_err(store_errno_full(errno) ? STORE_FULL :
		    STORE_CANTOPEN, errp, "%s: cannot create the database: %s",
		    path, strerror(errno));
	}
	close(fd);
	return STORE_OK;
}

int
store_ro_uri(const char *path, char **urip, char **errp)
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
			    "both files to a writable folder first", path, path);
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
	strbuf_done(&sb);		/* strbuf_detach leaves a fresh buffer */
	return STORE_OK;
}

/* Open the sqlite connection of s (file must exist unless creating). */
static int
store_connect(struct store *s, char **errp)
{
	char	*uri = NULL;
	int	 oflags, rc;
	mode_t	 old;

	oflags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
	if ((s->flags & (STORE_RDONLY | STORE_EXISTING)) &&
	    access(s->path, F_OK) < 0)
		return store_err(errno == ENOENT ? STORE_NOTFOUND :
		    STORE_CANTOPEN, errp, "%s: no such database (%s)",
		    s->path, strerror(errno));
	if (s->flags & STORE_RDONLY) {
		oflags |= SQLITE_OPEN_READONLY;
		if ((rc = store_ro_uri(s->path, &uri, errp)) != STORE_OK)
			return rc;
	} else {
		if ((rc = store_create_file(s->path, errp)) != STORE_OK)
			return rc;
		oflags |= SQLITE_OPEN_READWRITE;
	}
	/* The -wal and -shm files too are for their owner only. */
	old = umask(077);
	rc = sqlite3_open_v2(uri != NULL ? uri : s->path, &s->db, oflags,
	    NULL);
	umask(old);
	free(uri);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot open the database", errp);
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, store_busy_ms());
	return STORE_OK;
}

/* Set the connection's PRAGMAs (WAL, FULL sync, foreign keys...). */
static int
store_pragmas(struct store *s, char **errp)
{
	int	rc;
	mode_t	old;

	rc = store_exec(s, "PRAGMA foreign_keys = ON;"
	    "PRAGMA secure_delete = ON;"
	    "PRAGMA synchronous = FULL", "cannot set up the database", errp);
	if (rc != STORE_OK || (s->flags & STORE_RDONLY))
		return rc;
	old = umask(077);
	rc = store_exec(s, "PRAGMA journal_mode = WAL", "cannot set up the "
	    "database", errp);
	umask(old);
	return rc;
}

int
store_open(const char *path, unsigned flags, struct store **sp,
    char **errp)
{
	static int	 sodium_ready;
	struct store	*s;
	int		 rc;

	*sp = NULL;
	if (!sodium_ready) {
		if (sodium_init() < 0)
			return store_err(STORE_ERR, errp, "cannot start "
			    "libsodium");
		sodium_ready = 1;
	}
	/* A file size limit makes writes fail (EFBIG) instead of killing
	   us, so the error can be reported and nothing saved is lost. */
	signal(SIGXFSZ, SIG_IGN);
	s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	s->flags = flags;
	if ((rc = store_connect(s, errp)) != STORE_OK)
		goto fail;
	if ((rc = store_pragmas(s, errp)) != STORE_OK)
		goto fail;
	/*
	 * quick_check reads every page (about 2 s for 100,000 intakes), so
	 * it runs when we are about to write intakes; a read-only open, or
	 * one that only appends an audit row (STORE_NOCHECK), relies on
	 * SQLite finding damage in the pages it reads (SQLITE_CORRUPT).
	 */
	if (!(flags & (STORE_RDONLY | STORE_NOCHECK)) &&
	    (rc = store_quick_check(s, errp)) != STORE_OK)
		goto fail;
	if ((rc = store_check_version(s, errp)) != STORE_OK)
		goto fail;
	*sp = s;
	return STORE_OK;
fail:
	store_close(s);
	return rc;
}

/* Finalise every cached statement of s. */
static void
store_finalize_all(struct store *s)
{
	sqlite3_stmt	**stp[] = { &s->st_status, &s->st_answer_put,
	    &s->st_answer_del, &s->st_touch, &s->st_audit };
	size_t		  i;

	for (i = 0; i < SMP_NELEM(stp); i++) {
		sqlite3_finalize(*stp[i]);
		*stp[i] = NULL;
	}
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	store_finalize_all(s);
	if (s->db != NULL)
		sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

/* An intake's id is the store's: the port writes it into the intake. */
_Static_assert(INTAKE_ID_LEN == STORE_ID_LEN, "intake ids are store ids");

/* intake_store.begin over a store: store_intake_begin. */
static int
store_port_begin(void *ctx, const char *form_hash, const char *kiosk_id,
    const char *lang, const char *source, char *id, char **errp)
{
	return store_intake_begin(ctx, form_hash, kiosk_id, lang, source, id,
	    errp);
}

/* intake_store.put over a store: store_answer_put. */
static int
store_port_put(void *ctx, const char *intake, const char *question,
    const char *value, char **errp)
{
	return store_answer_put(ctx, intake, question, value, errp);
}

/* intake_store.complete over a store: store_intake_complete. */
static int
store_port_complete(void *ctx, const char *intake, int score,
    const char *band, const struct intake_line *lines, size_t nlines,
    char **errp)
{
	return store_intake_complete(ctx, intake, score, band, lines, nlines,
	    errp);
}

/* intake_store.abandon over a store: store_intake_abandon. */
static int
store_port_abandon(void *ctx, const char *intake, char **errp)
{
	return store_intake_abandon(ctx, intake, errp);
}

/* Fill port with the write side of s. */
void
store_intake_port(struct store *s, struct intake_store *port)
{
	port->begin = store_port_begin;
	port->put = store_port_put;
	port->complete = store_port_complete;
	port->abandon = store_port_abandon;
	port->ctx = s;
}
