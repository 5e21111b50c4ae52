/*
 * sqlite_read.h: the read ops of the SQLite backend (sqlite_read.c).
 */
#ifndef SMP_STORE_SQLITE_READ_H
#define SMP_STORE_SQLITE_READ_H

#include "backend.h"

/* Cursor, counts, forms, audit log and one intake's status (the write
   and admin ops check an intake's status through it too). */
extern const struct store_read_ops sqlite_read_ops;

#endif
