/*
 * sqlite_check.h: the integrity check of an SQLite database on a thread
 * and a read-only connection of its own (sqlite_check.c).
 */
#ifndef SMP_STORE_SQLITE_CHECK_H
#define SMP_STORE_SQLITE_CHECK_H

#include "backend.h"
#include "sqlite.h"

/* The admin op check_start: *cp polls and frees as store.h says; it
   keeps only a copy of s's path. */
int	sqlite_check_start(const struct store *s, struct store_check **cp,
	    char **errp);

/*
 * Check the database at path before merge reads it (it may come from
 * anywhere): opened read-only on a connection of its own with SQLite's
 * defensive settings (sqlite_check_defensive), then PRAGMA
 * integrity_check must say "ok" and every table merge reads must be
 * there with its columns.  STORE_OK, or STORE_NOTFOUND (missing),
 * STORE_CORRUPT (not SQLite, damaged, another program's) with a message
 * that names path, never the database merged into.
 */
int	sqlite_check_source(const char *path, char **errp);
/* Set the defensive settings on the connection of ss (see .c). */
int	sqlite_check_defensive(struct sqlite_store *ss, char **errp);

#endif
