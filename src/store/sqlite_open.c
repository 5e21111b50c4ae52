/*
 * sqlite_open.c: opening an SQLite intake database: the connection, its
 * pragmas, the integrity check and the schema, and the backend's three
 * ops tables put together into the handle.  Its one export, sqlite_open,
 * is declared in backend.h, the list of backends store_open picks from
 * (so store.c needs no SQLite header).
 *
 * A database is opened in WAL mode with synchronous=FULL, foreign keys on,
 * secure_delete on (erased rows are overwritten, not just unlinked) and a
 * busy timeout.  At open it is checked (PRAGMA quick_check, unless
 * read-only or STORE_NOCHECK) and its schema version checked and migrated
 * (sqlite_schema.c).  Files are created mode 0600 and a missing folder
 * (one level) 0700.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "base/xmalloc.h"
#include "sqlite.h"
#include "sqlite_admin.h"
#include "sqlite_read.h"
#include "sqlite_schema.h"
#include "sqlite_write.h"

/* Busy timeout (ms) unless $SMP_BUSY_TIMEOUT_MS says otherwise. */
#define STORE_BUSY_MS	5000

/* Busy timeout in ms: $SMP_BUSY_TIMEOUT_MS (tests) or the default. */
static int
sqlite_open_busy_ms(void)
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
sqlite_open_create_file(const char *path, char **errp)
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
			    STORE_CANTOPEN, errp, "%s: cannot create its "
			    "folder %s: %s", path, dir, strerror(errno));
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
		return store_err(sqlite_errno_full(errno) ? STORE_FULL :
		    STORE_CANTOPEN, errp, "%s: cannot create the database: %s",
		    path, strerror(errno));
	}
	close(fd);
	return STORE_OK;
}

/* Open the sqlite connection of ss (file must exist unless creating). */
static int
sqlite_open_connect(struct sqlite_store *ss, char **errp)
{
	const char	*path = ss->base.path;
	char		*uri = NULL;
	int		 oflags, rc;
	mode_t		 old;

	oflags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
	if ((ss->base.flags & (STORE_RDONLY | STORE_EXISTING)) &&
	    access(path, F_OK) < 0)
		return store_err(errno == ENOENT ? STORE_NOTFOUND :
		    STORE_CANTOPEN, errp, "%s: no such database (%s)",
		    path, strerror(errno));
	if (ss->base.flags & STORE_RDONLY) {
		oflags |= SQLITE_OPEN_READONLY;
		if ((rc = sqlite_ro_uri(path, &uri, errp)) != STORE_OK)
			return rc;
	} else {
		if ((rc = sqlite_open_create_file(path, errp)) != STORE_OK)
			return rc;
		oflags |= SQLITE_OPEN_READWRITE;
	}
	/* The -wal and -shm files too are for their owner only. */
	old = umask(077);
	rc = sqlite3_open_v2(uri != NULL ? uri : path, &ss->db, oflags, NULL);
	umask(old);
	free(uri);
	if (rc != SQLITE_OK)
		return sqlite_fail(ss, rc, "cannot open the database", errp);
	sqlite3_extended_result_codes(ss->db, 1);
	ss->busy_ms = sqlite_open_busy_ms();
	sqlite3_busy_timeout(ss->db, ss->busy_ms);
	return STORE_OK;
}

/* Set the connection's PRAGMAs (WAL, FULL sync, foreign keys...). */
static int
sqlite_open_pragmas(struct sqlite_store *ss, char **errp)
{
	int	rc;
	mode_t	old;

	rc = sqlite_exec(ss, "PRAGMA foreign_keys = ON;"
	    "PRAGMA secure_delete = ON;"
	    "PRAGMA synchronous = FULL", "cannot set up the database", errp);
	if (rc != STORE_OK || (ss->base.flags & STORE_RDONLY))
		return rc;
	old = umask(077);
	rc = sqlite_exec(ss, "PRAGMA journal_mode = WAL", "cannot set up the "
	    "database", errp);
	umask(old);
	return rc;
}

/* Open (creating unless told not to) the SQLite database at path. */
int
sqlite_open(const char *path, unsigned flags, struct store **sp,
    char **errp)
{
	static int		 sodium_ready;
	struct sqlite_store	*ss;
	int			 rc;

	*sp = NULL;
	/* Forms are kept by their SHA-256 (sqlite_write.c). */
	if (!sodium_ready) {
		if (sodium_init() < 0)
			return store_err(STORE_ERR, errp, "cannot start "
			    "libsodium");
		sodium_ready = 1;
	}
	ss = sqlite_new(path, flags);
	ss->base.write = &sqlite_write_ops;
	ss->base.read = &sqlite_read_ops;
	ss->base.admin = &sqlite_admin_ops;
	if ((rc = sqlite_open_connect(ss, errp)) != STORE_OK)
		goto fail;
	if ((rc = sqlite_open_pragmas(ss, errp)) != STORE_OK)
		goto fail;
	/* Which file this is, so each write can check it still is the one
	   at the path (sqlite_write_same_file). */
	if ((rc = sqlite_write_note_file(ss, errp)) != STORE_OK)
		goto fail;
	/*
	 * quick_check reads every page (about 2 s for 100,000 intakes), so
	 * it runs when we are about to write intakes; a read-only open, or
	 * one that only appends an audit row (STORE_NOCHECK), relies on
	 * SQLite finding damage in the pages it reads (SQLITE_CORRUPT).
	 */
	if (!(flags & (STORE_RDONLY | STORE_NOCHECK)) &&
	    (rc = sqlite_quick_check(ss, errp)) != STORE_OK)
		goto fail;
	if ((rc = sqlite_schema_check(ss, errp)) != STORE_OK)
		goto fail;
	*sp = &ss->base;
	return STORE_OK;
fail:
	sqlite_close(&ss->base);
	return rc;
}
