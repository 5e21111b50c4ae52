/*
 * pg_write.h: private to the PostgreSQL backend: its write ops
 * (pg_write.c).
 */
#ifndef SMP_STORE_PG_WRITE_H
#define SMP_STORE_PG_WRITE_H

#include "pg.h"

extern const struct store_write_ops pg_write_ops;

/*
 * One whole intake through smp_put_intake, inside the caller's
 * transaction if one is open: *result gets its answer (STORE_PUT_*
 * bits of store.h).
 */
int	pg_write_put(struct pg_store *ps, const struct query_intake *in,
	    const struct store_put_form *form, const char *clinic,
	    int *result, char **errp);

#endif
