/*
 * pg.c: what every file of the PostgreSQL backend shares (pg.h): the
 * handle, the mapping of the server's errors to store_rc codes and
 * messages, and running one statement with parameters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "pg.h"

/* Whether path is a libpq connection URI (postgresql:// or postgres://). */
int
pg_is_uri(const char *path)
{
	return strncmp(path, "postgresql://", 13) == 0 ||
	    strncmp(path, "postgres://", 11) == 0;
}

/*
 * The URI as messages show it: without a password in its user part and
 * without its query string (which may hold one).  Allocated.
 */
static char *
pg_shown(const char *uri)
{
	const char	*auth = strstr(uri, "://"), *at, *colon, *q;
	char		*s;

	if (auth == NULL)
		return xstrdup(uri);
	auth += 3;
	at = strchr(auth, '@');
	q = strchr(uri, '?');
	if (at != NULL && (q == NULL || at < q) && (colon = memchr(auth, ':',
	    (size_t)(at - auth))) != NULL)
		s = xasprintf("%.*s%s", (int)(colon - uri), uri, at);
	else
		s = xstrdup(uri);
	if ((q = strchr(s, '?')) != NULL)
		s[q - s] = '\0';
	return s;
}

/* Make a handle for uri, not connected yet. */
struct pg_store *
pg_new(const char *uri, unsigned flags)
{
	struct pg_store	*ps;

	ps = xcalloc(1, sizeof(*ps));
	ps->base.path = xstrdup(uri);
	ps->base.flags = flags;
	ps->shown = pg_shown(uri);
	return ps;
}

/* Close the connection and free the handle. */
void
pg_close(struct store *s)
{
	struct pg_store	*ps = pg_of(s);

	if (ps == NULL)
		return;
	if (ps->conn != NULL)
		PQfinish(ps->conn);
	free(ps->base.path);
	free(ps->shown);
	free(ps);
}

/* A store_rc for an SQLSTATE (NULL: the connection itself failed). */
static int
pg_map_state(const char *state)
{
	if (state == NULL || strncmp(state, "08", 2) == 0 ||
	    strcmp(state, "57P01") == 0 || strcmp(state, "57P02") == 0 ||
	    strcmp(state, "57P03") == 0 || strcmp(state, "53300") == 0)
		return STORE_BUSY;	/* unreachable for now: try later */
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "55P03") == 0)
		return STORE_BUSY;
	if (strncmp(state, "28", 2) == 0)
		return STORE_CANTOPEN;	/* authentication */
	if (strcmp(state, "53100") == 0)
		return STORE_FULL;
	if (strncmp(state, "XX", 2) == 0)
		return STORE_CORRUPT;
	if (strncmp(state, "58", 2) == 0)
		return STORE_IOERR;
	return STORE_ERR;
}

/* The server's message without its trailing newline (allocated). */
static char *
pg_message(const char *m)
{
	char	*s = xstrdup(m != NULL && *m != '\0' ? m : "unknown error");
	size_t	 n = strlen(s);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
	return s;
}

/* Map a failed result or connection to a store_rc and a message. */
int
pg_fail(struct pg_store *ps, const PGresult *res, const char *what,
    char **errp)
{
	return pg_fail_on(ps, ps->conn, res, what, errp);
}

/* pg_fail for a result of connection conn (to ps's server). */
int
pg_fail_on(struct pg_store *ps, PGconn *conn, const PGresult *res,
    const char *what, char **errp)
{
	const char	*state = NULL;
	char		*m;
	int		 rc;

	if (res != NULL)
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	if (conn == NULL || PQstatus(conn) != CONNECTION_OK)
		state = NULL;
	m = pg_message(res != NULL && state != NULL ?
	    PQresultErrorMessage(res) : conn != NULL ? PQerrorMessage(conn) :
	    NULL);
	rc = pg_map_state(state);
	if (rc == STORE_BUSY && state == NULL)
		rc = store_err(rc, errp, "%s: %s: cannot reach the server "
		    "(%s)", what, ps->shown, m);
	else
		rc = store_err(rc, errp, "%s: %s: %s", what, ps->shown, m);
	free(m);
	return rc;
}

/* The keywords of every connection to ps's server: its URI (expanded;
   the keywords after it win), in UTF-8. */
#define PG_CONN_KEYS(ps) \
	{ "dbname", "application_name", "client_encoding", NULL }, \
	{ (ps)->base.path, "smp-intake", "UTF8", NULL }

PGconn *
pg_connect_start(struct pg_store *ps)
{
	const char	*kv[2][4] = { PG_CONN_KEYS(ps) };

	return PQconnectStartParams(kv[0], kv[1], 1);
}

int
pg_connect_failed(struct pg_store *ps, PGconn *conn, const char *what,
    char **errp)
{
	char	*m;
	int	 rc;

	m = pg_message(conn != NULL ? PQerrorMessage(conn) : NULL);
	/* A refused password: retrying will not help. */
	if (strstr(m, "password") != NULL)
		rc = store_err(STORE_CANTOPEN, errp, "%s: %s: the server "
		    "refused the credentials (%s)", what, ps->shown,
		    strtok(m, "\n"));
	else
		rc = store_err(STORE_BUSY, errp, "%s: %s: cannot reach the "
		    "server (%s)", what, ps->shown, m);
	free(m);
	return rc;
}

/* Connect to ps's server, as the open does, into *connp. */
int
pg_connect(struct pg_store *ps, PGconn **connp, const char *what,
    char **errp)
{
	const char	*kv[2][4] = { PG_CONN_KEYS(ps) };

	*connp = PQconnectdbParams(kv[0], kv[1], 1);
	if (*connp != NULL && PQstatus(*connp) == CONNECTION_OK)
		return STORE_OK;
	return pg_connect_failed(ps, *connp, what, errp);
}

#define PG_TEXTOID	25	/* pg_type.oid of text */
#define PG_MAXPARAMS	32

/* Run sql with n text parameters; the result into *resp if wanted. */
int
pg_run(struct pg_store *ps, const char *sql, int n,
    const char *const *params, PGresult **resp, const char *what,
    char **errp)
{
	PGresult	*res;
	Oid		 types[PG_MAXPARAMS];
	int		 i, rc = STORE_OK, st;

	if (resp != NULL)
		*resp = NULL;
	/* Every parameter is text (SQL casts where it wants another
	   type), so a statement need not use every one it is given. */
	for (i = 0; i < n && i < PG_MAXPARAMS; i++)
		types[i] = PG_TEXTOID;
	res = PQexecParams(ps->conn, sql, n, n <= PG_MAXPARAMS ? types : NULL,
	    params, NULL, NULL, 0);
	st = res != NULL ? (int)PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		rc = pg_fail(ps, res, what, errp);
		PQclear(res);
		return rc;
	}
	if (resp != NULL)
		*resp = res;
	else
		PQclear(res);
	return STORE_OK;
}

/* Roll back an open transaction, if any. */
void
pg_rollback(struct pg_store *ps)
{
	if (ps->conn != NULL && PQtransactionStatus(ps->conn) !=
	    PQTRANS_IDLE)
		PQclear(PQexec(ps->conn, "ROLLBACK"));
}

/* Row r, column c of res, or NULL for SQL NULL. */
const char *
pg_val(const PGresult *res, int r, int c)
{
	return PQgetisnull(res, r, c) ? NULL : PQgetvalue(res, r, c);
}

/* Now (less back seconds) in the stored time format. */
void
pg_now(char *buf, long back)
{
	struct timespec	ts;
	struct tm	tm;
	time_t		t;

	clock_gettime(CLOCK_REALTIME, &ts);
	t = ts.tv_sec - back;
	gmtime_r(&t, &tm);
	strftime(buf, 20, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + 19, 6, ".%03uZ", (unsigned)(ts.tv_nsec / 1000000) %
	    1000);
}

/* An array literal {"a","b\"c"} of n strings v[0], v[stride], ... */
void
pg_array(struct strbuf *sb, const char *const *v, size_t n, size_t stride)
{
	const char	*p;
	size_t		 i;

	strbuf_addc(sb, '{');
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_addc(sb, ',');
		strbuf_addc(sb, '"');
		for (p = v[i * stride]; *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				strbuf_addc(sb, '\\');
			strbuf_addc(sb, *p);
		}
		strbuf_addc(sb, '"');
	}
	strbuf_addc(sb, '}');
}
