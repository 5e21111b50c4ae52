/*
 * sqlite_write.h: the write ops of the SQLite backend (sqlite_write.c).
 */
#ifndef SMP_STORE_SQLITE_WRITE_H
#define SMP_STORE_SQLITE_WRITE_H

#include "backend.h"

/* Forms, intakes, answers, results and audit rows (erase writes its
   audit row through it, inside its own transaction). */
extern const struct store_write_ops sqlite_write_ops;

#endif
