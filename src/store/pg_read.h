/*
 * pg_read.h: private to the PostgreSQL backend: its read ops (pg_read.c).
 */
#ifndef SMP_STORE_PG_READ_H
#define SMP_STORE_PG_READ_H

#include "pg.h"

extern const struct store_read_ops pg_read_ops;

#endif
