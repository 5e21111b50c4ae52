/*
 * pg_admin.h: private to the PostgreSQL backend: its admin ops
 * (pg_admin.c).
 */
#ifndef SMP_STORE_PG_ADMIN_H
#define SMP_STORE_PG_ADMIN_H

#include "pg.h"

extern const struct store_admin_ops pg_admin_ops;

#endif
