/*
 * pg_copy.c: one query's rows streamed with COPY ... TO STDOUT on a
 * connection of its own, in the snapshot of the store's transaction
 * (pg_copy.h).
 *
 * COPY takes no parameters, so the query's $n become
 * current_setting('smp.pn', true), and the values are set first, as
 * parameters of a set_config statement: no value is ever put into SQL
 * text.  A parameter left unset reads as NULL (the connection is new).
 * Rows come in COPY's binary format (each field its length and its
 * bytes: nothing to unescape, and the server need not escape them).
 */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "pg_copy.h"

#define PG_COPY_MAXPARAMS	9	/* $1..$9: one digit */
#define PG_COPY_DRAIN		64	/* rows read on close, not cancelled */
#define PG_COPY_CONNECT_S	30	/* seconds to open the connections */

/* The COPY of sql, each $n read as the setting smp.pn (allocated). */
static char *
pg_copy_statement(const char *sql)
{
	struct strbuf	sb;
	const char	*p;

	strbuf_init(&sb);
	strbuf_adds(&sb, "COPY (");
	for (p = sql; *p != '\0'; p++) {
		if (p[0] == '$' && p[1] >= '1' && p[1] <= '9') {
			strbuf_addf(&sb, "current_setting('smp.p%c', true)",
			    p[1]);
			p++;
		} else
			strbuf_addc(&sb, *p);
	}
	strbuf_adds(&sb, ") TO STDOUT (FORMAT binary)");
	return strbuf_detach(&sb);
}

/* Wait until each of the n connections being made is open. */
static int
pg_copy_connect(struct pg_store *ps, struct pg_copy *const *c, size_t n,
    char **errp)
{
	struct pollfd		 fd[PG_COPY_MAXSTREAMS];
	PostgresPollingStatusType st[PG_COPY_MAXSTREAMS];
	struct timespec		 now;
	time_t			 deadline;
	size_t			 i, k, left;

	clock_gettime(CLOCK_MONOTONIC, &now);
	deadline = now.tv_sec + PG_COPY_CONNECT_S;
	for (i = 0; i < n; i++) {
		if ((c[i]->conn = pg_connect_start(ps)) == NULL ||
		    PQstatus(c[i]->conn) == CONNECTION_BAD)
			return pg_connect_failed(ps, c[i]->conn, "query",
			    errp);
		st[i] = PGRES_POLLING_WRITING;
	}
	for (;;) {
		/* Each one as libpq last asked: poll, then step it. */
		for (i = k = left = 0; i < n; i++) {
			if (st[i] == PGRES_POLLING_OK)
				continue;
			left++;
			fd[k].fd = PQsocket(c[i]->conn);
			fd[k].events = st[i] == PGRES_POLLING_READING ?
			    POLLIN : POLLOUT;
			fd[k++].revents = 0;
		}
		if (left == 0)
			return STORE_OK;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec >= deadline)
			return store_err(STORE_BUSY, errp, "query: %s: cannot "
			    "reach the server (no answer in %d s)", ps->shown,
			    PG_COPY_CONNECT_S);
		if (poll(fd, (nfds_t)k, 1000) < 0 && errno != EINTR)
			return store_err(STORE_BUSY, errp, "query: %s: cannot "
			    "reach the server (%s)", ps->shown,
			    strerror(errno));
		for (i = k = 0; i < n; i++) {
			if (st[i] == PGRES_POLLING_OK)
				continue;
			if (fd[k++].revents != 0)
				st[i] = PQconnectPoll(c[i]->conn);
			if (st[i] == PGRES_POLLING_FAILED)
				return pg_connect_failed(ps, c[i]->conn,
				    "query", errp);
		}
	}
}

/* The results of the statement sent on c's connection: all of them
   want (PGRES_*), or a store_rc. */
static int
pg_copy_results(struct pg_store *ps, struct pg_copy *c, int want,
    char **errp)
{
	PGresult	*res;
	int		 rc = STORE_OK;

	/* A COPY's result is the last: the rows follow it. */
	while ((res = PQgetResult(c->conn)) != NULL) {
		if (rc == STORE_OK && (int)PQresultStatus(res) != want)
			rc = pg_fail_on(ps, c->conn, res, "query", errp);
		if (PQresultStatus(res) == PGRES_COPY_OUT) {
			PQclear(res);
			break;
		}
		PQclear(res);
	}
	return rc;
}

/* Send one statement on each of the n connections, then take each one's
   results (all want, PGRES_*): the round trips overlap.  sql[i] on
   connection i, or, sql NULL, q with the nv parameters v on each. */
static int
pg_copy_each(struct pg_store *ps, struct pg_copy *const *c, size_t n,
    const char *q, char *const *sql, int nv, const char *const *v,
    int want, char **errp)
{
	size_t	i;
	int	rc = STORE_OK, sent;

	for (i = 0; i < n; i++) {
		sent = sql != NULL ? PQsendQuery(c[i]->conn, sql[i]) :
		    nv > 0 ? PQsendQueryParams(c[i]->conn, q, nv, NULL, v,
		    NULL, NULL, 0) : PQsendQuery(c[i]->conn, q);
		if (!sent)
			return pg_fail_on(ps, c[i]->conn, NULL, "query",
			    errp);
	}
	for (i = 0; i < n; i++)
		if (rc == STORE_OK)
			rc = pg_copy_results(ps, c[i], want, errp);
		else
			(void)pg_copy_results(ps, c[i], want, NULL);
	return rc;
}

/*
 * The statement that sets the n parameters (the unset ones stay NULL)
 * into sb, their values into v; how many there are.
 */
static int
pg_copy_params(struct strbuf *sb, int n, const char *const *params,
    const char *v[PG_COPY_MAXPARAMS])
{
	int	i, nv = 0;

	strbuf_adds(sb, "SELECT 1");
	for (i = 0; i < n && i < PG_COPY_MAXPARAMS; i++) {
		if (params[i] == NULL)
			continue;
		v[nv++] = params[i];
		strbuf_addf(sb, ", set_config('smp.p%d', $%d, true)", i + 1,
		    nv);
	}
	return nv;
}

int
pg_copy_open(struct pg_store *ps, const char *snapshot, size_t n,
    const char *const *sql, int np, const char *const *params,
    struct pg_copy *const *c, char **errp)
{
	struct strbuf	 sb;
	const char	*v[PG_COPY_MAXPARAMS];
	char		*q, *copy[PG_COPY_MAXSTREAMS];
	size_t		 i;
	int		 nv, rc;

	if (n > PG_COPY_MAXSTREAMS)
		return store_err(STORE_ERR, errp, "query: more than %d "
		    "streams at once", PG_COPY_MAXSTREAMS);
	for (i = 0; i < n; i++)
		memset(c[i], 0, sizeof(*c[i]));
	/* A server's snapshot name is hex digits and dashes; anything
	   else would be SQL, not a name. */
	if (*snapshot == '\0' ||
	    strlen(snapshot) > 64 || strspn(snapshot,
	    "0123456789ABCDEFabcdef-") != strlen(snapshot))
		return store_err(STORE_ERR, errp, "query: %s: the server "
		    "named its snapshot strangely", ps->shown);
	strbuf_init(&sb);
	nv = pg_copy_params(&sb, np, params, v);
	q = xasprintf("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"
	    " SET TRANSACTION SNAPSHOT '%s'", snapshot);
	for (i = 0; i < n; i++)
		copy[i] = pg_copy_statement(sql[i]);
	if ((rc = pg_copy_connect(ps, c, n, errp)) == STORE_OK &&
	    (rc = pg_copy_each(ps, c, n, q, NULL, 0, NULL, PGRES_COMMAND_OK,
	    errp)) == STORE_OK && nv > 0)
		rc = pg_copy_each(ps, c, n, sb.s, NULL, nv, v,
		    PGRES_TUPLES_OK, errp);
	if (rc == STORE_OK)
		rc = pg_copy_each(ps, c, n, NULL, copy, 0, NULL,
		    PGRES_COPY_OUT, errp);
	for (i = 0; i < n; i++) {
		free(copy[i]);
		if (rc != STORE_OK) {
			c[i]->done = true;	/* nothing to cancel */
			pg_copy_close(c[i]);
		}
	}
	free(q);
	strbuf_done(&sb);
	return rc;
}

/* The big-endian 16- and 32-bit numbers at p. */
static int
pg_copy_int16(const unsigned char *p)
{
	return (int16_t)(uint16_t)((unsigned)p[0] << 8 | p[1]);
}

static int32_t
pg_copy_int32(const unsigned char *p)
{
	return (int32_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3]);
}

int
pg_copy_parse(struct pg_copy *c, const char **why)
{
	static const unsigned char sig[11] = "PGCOPY\n\377\r\n";
	const unsigned char	*p = (const unsigned char *)c->line;
	size_t			 at = c->pos, end = c->size;
	int32_t			 len;
	int			 i, n;

	*why = "a row without its end";
	if (!c->header) {
		*why = "a stream without its header";
		if (end - at < 19 || memcmp(p + at, sig, sizeof(sig)) != 0)
			return -1;
		len = pg_copy_int32(p + at + 15);	/* header extension */
		if (len < 0 || (size_t)len > end - at - 19)
			return -1;
		at += 19 + (size_t)len;
		c->header = true;
		*why = "a row without its end";
	}
	if (end - at < 2)
		return -1;
	if ((n = pg_copy_int16(p + at)) == -1) {
		c->pos = end;
		return 0;
	}
	at += 2;
	if (n < 0 || n > PG_COPY_MAXCOLS) {
		*why = "a row with too many columns";
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (end - at < 4)
			return -1;
		len = pg_copy_int32(p + at);
		at += 4;
		if (len == -1) {
			c->field[i] = NULL;
			c->len[i] = 0;
			continue;
		}
		if (len < 0 || (size_t)len > end - at)
			return -1;
		c->field[i] = c->line + at;
		c->len[i] = (size_t)len;
		at += (size_t)len;
	}
	c->nfields = n;
	c->pos = at;
	return 1;
}

/* Free the current message. */
static void
pg_copy_free(struct pg_copy *c)
{
	if (c->line != NULL)
		PQfreemem(c->line);
	c->line = NULL;
	c->size = c->pos = 0;
	c->have = false;
}

/* The end of the stream: whether the COPY ended well. */
static int
pg_copy_end(struct pg_store *ps, struct pg_copy *c, char **errp)
{
	PGresult	*res;
	int		 rc = STORE_OK;

	c->done = true;
	while ((res = PQgetResult(c->conn)) != NULL) {
		if (rc == STORE_OK && PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = pg_fail_on(ps, c->conn, res, "query", errp);
		PQclear(res);
	}
	return rc;
}

int
pg_copy_peek(struct pg_store *ps, struct pg_copy *c, char **errp)
{
	const char	*why;
	char		*buf = NULL;
	int		 n, rc;

	if (c->have)
		return 1;
	while (!c->done && c->conn != NULL) {
		/* A message may hold the header and a tuple, or the trailer
		   alone: tuples are taken from it until it is used up. */
		if (c->line != NULL && c->pos < c->size) {
			if ((rc = pg_copy_parse(c, &why)) == 1) {
				c->have = true;
				return 1;
			}
			if (rc < 0) {
				c->done = true;
				return store_err(STORE_ERR, errp, "query: %s: "
				    "the server sent %s", ps->shown, why);
			}
			continue;		/* the trailer: the end follows */
		}
		pg_copy_free(c);
		n = PQgetCopyData(c->conn, &buf, 0);
		if (n == -1)
			return (rc = pg_copy_end(ps, c, errp)) < 0 ? rc : 0;
		if (n < 0) {
			c->done = true;
			return pg_fail_on(ps, c->conn, NULL, "query", errp);
		}
		c->line = buf;
		c->size = (size_t)n;
		c->pos = 0;
	}
	return 0;
}

void
pg_copy_next(struct pg_copy *c)
{
	c->have = false;
}

int
pg_copy_int(const struct pg_copy *c, int col)
{
	/* The streams' integer columns are int4. */
	if (col < 0 || col >= c->nfields || c->field[col] == NULL ||
	    c->len[col] != 4)
		return 0;
	return (int)pg_copy_int32((const unsigned char *)c->field[col]);
}

/* Whether the stream ends within the rows that have already come (a
   show reads its one intake but not the end after it). */
static bool
pg_copy_ended(struct pg_copy *c)
{
	char	*buf;
	int	 i, n = 0;

	for (i = 0; i < PG_COPY_DRAIN && PQconsumeInput(c->conn) == 1; i++) {
		if ((n = PQgetCopyData(c->conn, &buf, 1)) <= 0)
			break;
		PQfreemem(buf);
	}
	return n == -1;
}

void
pg_copy_close(struct pg_copy *c)
{
	PGcancel	*cn;
	char		 err[256];

	pg_copy_free(c);
	if (c->conn == NULL)
		return;
	/* Rows left (a stopped export): the server stops making them
	   rather than find the connection gone when it next sends. */
	if (!c->done && PQstatus(c->conn) == CONNECTION_OK &&
	    !pg_copy_ended(c) && (cn = PQgetCancel(c->conn)) != NULL) {
		(void)PQcancel(cn, err, sizeof(err));
		PQfreeCancel(cn);
	}
	PQfinish(c->conn);
	c->conn = NULL;
	c->done = true;
}
