/*
 * pg.h: private to the PostgreSQL backend (pg*.c): its handle and the
 * helpers its files share (pg.c).  With the other pg*.c files, the only
 * place that includes <libpq-fe.h>.
 *
 * The backend's files, lowest first (each includes only those before it):
 *
 *	pg.c		the handle, errors, running statements (this header)
 *	pg_schema.c	schema version, creation, migrations, roles' grants
 *	pg_copy.c	a query's rows streamed by COPY on a connection
 *			of its own, in the store's snapshot
 *	pg_read.c	the read ops: cursors, counts, audit log, status
 *	pg_write.c	the write ops, and the whole-intake put of a send
 *	pg_admin.c	the admin ops: stale intakes, erase, merge, close
 *	pg_open.c	pg_open (backend.h): connection, schema, ops
 *
 * Every statement goes through PQexecParams with the values as
 * parameters (COPY, which takes none, through set_config's; pg_copy.c);
 * no value is ever put into SQL text.  The tables mirror
 * SQLite's (sqlite.h) with every text column COLLATE "C", so rows sort
 * byte for byte as SQLite sorts them and both give the same output; see
 * pg_schema.c and docs/server.md.
 */
#ifndef SMP_STORE_PG_H
#define SMP_STORE_PG_H

#include <libpq-fe.h>

#include "base/strbuf.h"

#include "store/store.h"
#include "backend.h"

/* An open PostgreSQL connection: the backend's struct store. */
struct pg_store {
	struct store	 base;		/* first: what the wrappers see */
	PGconn		*conn;		/* open connection */
	char		*shown;		/* the URI without its password,
					   for messages (owned) */
};

/* The PostgreSQL handle behind s. */
static inline struct pg_store *
pg_of(struct store *s)
{
	return (struct pg_store *)s;
}

/* A handle for uri (copied) with these STORE_* flags, not connected. */
struct pg_store *pg_new(const char *uri, unsigned flags);
/* Close the connection and free ps. */
void	pg_close(struct store *s);
/*
 * Connect to ps's server (its URI; credentials from it, ~/.pgpass or the
 * PG* environment) in UTF-8 into *connp, which the caller finishes, even
 * on failure; a store_rc with "what: uri: cause" on failure.
 */
int	pg_connect(struct pg_store *ps, PGconn **connp, const char *what,
	    char **errp);
/* Start the same connection without waiting (PQconnectPoll goes on);
   NULL if out of memory. */
PGconn	*pg_connect_start(struct pg_store *ps);
/* The store_rc and message of a connection conn (may be NULL) that
   failed to open. */
int	pg_connect_failed(struct pg_store *ps, PGconn *conn,
	    const char *what, char **errp);
/*
 * A store_rc for a failed result (or a broken connection when res is
 * NULL) and an allocated message "what: uri: cause (server's message)"
 * in *errp (if errp).  Does not clear res.
 */
int	pg_fail(struct pg_store *ps, const PGresult *res, const char *what,
	    char **errp);
/* pg_fail for a result of another connection, conn, to ps's server. */
int	pg_fail_on(struct pg_store *ps, PGconn *conn, const PGresult *res,
	    const char *what, char **errp);
/*
 * Run sql with n text parameters (NULL is SQL NULL); *resp (if resp)
 * receives the result, which the caller clears; on failure nothing is
 * kept and a store_rc returned via pg_fail.
 */
int	pg_run(struct pg_store *ps, const char *sql, int n,
	    const char *const *params, PGresult **resp, const char *what,
	    char **errp);
/* Roll back if a transaction is open (errors ignored). */
void	pg_rollback(struct pg_store *ps);
/* Current UTC time as stored ("2026-06-15T10:22:33.123Z"; buf >= 25
   bytes), seconds back from now. */
void	pg_now(char *buf, long back);
/* Value of row r, column c of res, or NULL for SQL NULL (borrowed). */
const char *pg_val(const PGresult *res, int r, int c);

/*
 * Append to sb the PostgreSQL array literal of the n strings v[i * stride]
 * (none NULL), each quoted, for a text[] parameter.
 */
void	pg_array(struct strbuf *sb, const char *const *v, size_t n,
	    size_t stride);

#endif
