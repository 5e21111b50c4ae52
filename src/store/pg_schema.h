/*
 * pg_schema.h: private to the PostgreSQL backend: the schema's version,
 * creation and migrations (pg_schema.c).
 */
#ifndef SMP_STORE_PG_SCHEMA_H
#define SMP_STORE_PG_SCHEMA_H

#include "pg.h"

/* The schema version this smp-intake writes and reads. */
#define PG_SCHEMA_VERSION	2

/*
 * Make sure the server's schema is ours at PG_SCHEMA_VERSION: create it
 * in an empty database, migrate an older one forward (one transaction,
 * under an advisory lock, so two smp-intakes opening at once do it once),
 * refuse a newer one (STORE_NEWER) or another program's tables
 * (STORE_CORRUPT).  A role that may not create (a kiosk's) gets a clear
 * message when the schema is missing or older.
 */
int	pg_schema_ensure(struct pg_store *ps, char **errp);

#endif
