/*
 * sqlite_check.h: the integrity check of an SQLite database on a thread
 * and a read-only connection of its own (sqlite_check.c).
 */
#ifndef SMP_STORE_SQLITE_CHECK_H
#define SMP_STORE_SQLITE_CHECK_H

#include "backend.h"

/* The admin op check_start: *cp polls and frees as store.h says; it
   keeps only a copy of s's path. */
int	sqlite_check_start(const struct store *s, struct store_check **cp,
	    char **errp);

#endif
