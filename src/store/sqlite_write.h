/*
 * sqlite_write.h: the write ops of the SQLite backend (sqlite_write.c).
 */
#ifndef SMP_STORE_SQLITE_WRITE_H
#define SMP_STORE_SQLITE_WRITE_H

#include "backend.h"
#include "sqlite.h"

/* Forms, intakes, answers, results and audit rows (erase writes its
   audit row through it, inside its own transaction). */
extern const struct store_write_ops sqlite_write_ops;

/*
 * Note which file SQLite opened at ss's path (device and inode of the
 * path, once SQLite's own check says its descriptor is that file); at
 * open.  STORE_MOVED if the path changed hands while it opened.
 */
int	sqlite_write_note_file(struct sqlite_store *ss, char **errp);
/*
 * STORE_OK if the file SQLite writes is still the file at ss's path: the
 * device and inode noted at open match a stat of the path now, and
 * SQLite's own check agrees (SQLITE_FCNTL_HAS_MOVED: the inode of its
 * open descriptor, from fstat, against a stat of the path); else
 * STORE_MOVED with a message naming the path.  Every write op calls it
 * before writing and after committing.
 */
int	sqlite_write_same_file(struct sqlite_store *ss, char **errp);

#endif
