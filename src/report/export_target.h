/*
 * export_target.h: where an export file may go (export_target.c), for
 * export_to_path: what an existing file at the path is, and the fresh
 * names the staff menu's export tries.
 */
#ifndef SMP_REPORT_EXPORT_TARGET_H
#define SMP_REPORT_EXPORT_TARGET_H

#include <stdbool.h>
#include <stddef.h>

/* What may happen to a file already at the path (no flag: refuse). */
#define EXPORT_TARGET_REPLACE	0x1	/* replace it, unless a database */
#define EXPORT_TARGET_KEEP	0x2	/* keep it; a fresh name is used */

/*
 * May an export to path begin, db being the open database's file?
 * Refused (-1, *errp set) when path is anything but a missing or regular
 * file; is db or its -wal/-shm; is any SQLite database, WAL or rollback
 * journal (whatever the flags); or exists and neither flag allows it.
 * 0 otherwise.
 */
int	export_target_check(const char *db, const char *path, unsigned flags,
	    char **errp);
/*
 * The names to try in turn (caller frees each and the array): path
 * alone, or, if fresh, path and then "stem-1.ext" ... "stem-99.ext" in
 * its folder.
 */
char	**export_target_names(const char *path, bool fresh, size_t *np);

#endif
