/*
 * pg_open.c: opening a PostgreSQL intake store: the connection (a libpq
 * URI; credentials from it, ~/.pgpass or the PG* environment), the
 * schema (pg_schema.c), and the backend's three ops tables put together
 * into the handle.  Its one export, pg_open, is declared in backend.h,
 * the list of backends store_open picks from.
 */
#include "pg.h"
#include "pg_admin.h"
#include "pg_read.h"
#include "pg_schema.h"
#include "pg_write.h"

/*
 * Connect to the server at uri (a libpq URI: credentials from it, from
 * ~/.pgpass or the PG* environment), make sure the schema is ours, and
 * fill *sp.  STORE_RDONLY makes the session read-only.
 */
int
pg_open(const char *uri, unsigned flags, struct store **sp, char **errp)
{
	struct pg_store	*ps = pg_new(uri, flags);
	int		 rc;

	*sp = NULL;
	ps->base.write = &pg_write_ops;
	ps->base.read = &pg_read_ops;
	ps->base.admin = &pg_admin_ops;
	rc = pg_connect(ps, &ps->conn, "cannot connect", errp);
	/* Even for reading: the owner's first command of any kind sets the
	   server up (other roles only read the version). */
	if (rc == STORE_OK)
		rc = pg_schema_ensure(ps, errp);
	if (rc == STORE_OK && (flags & STORE_RDONLY))
		rc = pg_run(ps, "SET default_transaction_read_only = on", 0,
		    NULL, NULL, "cannot connect", errp);
	if (rc != STORE_OK) {
		pg_close(&ps->base);
		return rc;
	}
	*sp = &ps->base;
	return STORE_OK;
}
