/*
 * sqlite_admin.h: the admin ops of the SQLite backend (sqlite_admin.c).
 */
#ifndef SMP_STORE_SQLITE_ADMIN_H
#define SMP_STORE_SQLITE_ADMIN_H

#include "backend.h"

/* Stale intakes, erase, merge; the background check (sqlite_check.c)
   and closing (sqlite.c). */
extern const struct store_admin_ops sqlite_admin_ops;

#endif
