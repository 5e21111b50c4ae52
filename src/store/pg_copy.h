/*
 * pg_copy.h: private to the PostgreSQL backend: one query's rows streamed
 * with COPY ... TO STDOUT on a connection of its own that shares the
 * snapshot of the store's open transaction (pg_copy.c).
 *
 * A FETCH from a cursor is a round trip: the server waits while the
 * client works through a batch, and the client waits while the server
 * makes the next.  COPY sends without waiting, so the server reads the
 * tables while the client writes the export, as psql's \copy does; each
 * stream needs a connection, since one connection carries one COPY at a
 * time, and the connections see one snapshot (pg_export_snapshot), as
 * pg_dump's parallel workers do.
 *
 *	pg_copy_open(ps, snapshot, n, sql, np, params, c)	starts them
 *	while ((rc = pg_copy_peek(ps, c[0])) == 1)
 *		... c[0]->field[i], c[0]->len[i] ...; pg_copy_next(c[0]);
 *	pg_copy_close(c[0]) ...
 */
#ifndef SMP_STORE_PG_COPY_H
#define SMP_STORE_PG_COPY_H

#include <stdbool.h>
#include <stddef.h>

#include "pg.h"

#define PG_COPY_MAXCOLS	24	/* columns a streamed query may have */
#define PG_COPY_MAXSTREAMS 4	/* streams one pg_copy_open starts */

/* One COPY stream and its current row. */
struct pg_copy {
	PGconn		*conn;		/* the stream's own connection */
	char		*line;		/* current message (PQfreemem) */
	size_t		 size, pos;	/* its length, what is read of it */
	bool		 header;	/* the stream's header was read */
	bool		 have;		/* field[] holds the current row */
	const char	*field[PG_COPY_MAXCOLS];	/* into line, NOT
					   NUL-terminated; NULL for SQL NULL;
					   an integer is 4 bytes, big-endian
					   (pg_copy_int) */
	size_t		 len[PG_COPY_MAXCOLS];
	int		 nfields;
	bool		 done;		/* the server sent the last row */
};

/*
 * Start the n queries sql[0..n) (SELECTs of text and integer columns;
 * their $1..$np are the np text parameters, NULL being SQL NULL) as
 * binary COPY streams c[0..n), each on a
 * new connection to ps's server in the snapshot named snapshot
 * (pg_export_snapshot's value).  The connections are made and set up
 * side by side, so a distant server costs the round trips of one.  On
 * failure no c[i] holds anything and a store_rc is returned.
 */
int	pg_copy_open(struct pg_store *ps, const char *snapshot, size_t n,
	    const char *const *sql, int np, const char *const *params,
	    struct pg_copy *const *c, char **errp);
/*
 * Make the next row current if there is none: 1 with c->field, 0 at the
 * end, or a store_rc (the connection lost, a malformed row).
 */
int	pg_copy_peek(struct pg_store *ps, struct pg_copy *c, char **errp);
/*
 * The next tuple of the message c->line[c->pos..c->size) into c->field
 * (COPY's binary format; the stream's header first, unless c->header):
 * 1, 0 for the trailer (the rows have all come), -1 with *why ("a row
 * without its end"...) for what no server sends.  Never reads past
 * c->size.  pg_copy_peek's parser, on its own for the tests.
 */
int	pg_copy_parse(struct pg_copy *c, const char **why);
/* Done with the current row. */
void	pg_copy_next(struct pg_copy *c);
/* Column col of the current row as an integer (NULL, not an int4, or
   no such column: 0). */
int	pg_copy_int(const struct pg_copy *c, int col);
/* Stop the stream (cancelled if rows are left) and close its
   connection; c may be closed twice or never opened (zeroed). */
void	pg_copy_close(struct pg_copy *c);

#endif
