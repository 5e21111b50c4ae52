/*
 * sqlite_schema.h: the SQLite schema's version and its forward migrations
 * (sqlite_schema.c; the tables are described in sqlite.h).
 */
#ifndef SMP_STORE_SQLITE_SCHEMA_H
#define SMP_STORE_SQLITE_SCHEMA_H

struct sqlite_store;

/* The schema version (PRAGMA user_version) this program writes. */
int	sqlite_schema_version(void);
/*
 * Check the open database's schema version: refuse a newer one
 * (STORE_NEWER) or another program's (STORE_CORRUPT); migrate an older
 * one forward in one transaction (a read-only handle: through a writable
 * connection of its own, unless STORE_OLDER_OK takes it as it is).
 */
int	sqlite_schema_check(struct sqlite_store *ss, char **errp);

#endif
