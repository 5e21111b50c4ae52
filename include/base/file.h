/*
 * file.h: reading a whole file, and replacing a file atomically.
 *
 * An atomic write goes to a temporary file ".NAME.XXXXXX" (mode 0600)
 * in the target's folder; commit flushes it, fsyncs it, renames it over
 * the target and fsyncs the folder, so a reader (or a power cut) sees
 * the old file or the whole new one, never a part.  Abort removes the
 * temporary file: nothing half-written is left behind.
 *
 *	file_atomic_open(path, &a, &fp)	then write to fp
 *	file_atomic_commit(a)		or file_atomic_abort(a)
 *
 * Errors: -1 with *errp set (caller frees); FILE_ECREATE when the file
 * cannot be created or renamed into place, FILE_EWRITE when writing it
 * failed (a full disk).
 */
#ifndef SMP_FILE_H
#define SMP_FILE_H

#include <stddef.h>
#include <stdio.h>

enum file_rc {
	FILE_OK = 0,
	FILE_ECREATE = -1,	/* cannot create or rename into place */
	FILE_EWRITE = -2,	/* writing or syncing failed */
	FILE_EEXIST = -3	/* commit_new: every name is taken */
};

struct file_atomic;

/* Read a whole file (at most max bytes) into a NUL-terminated buffer the
   caller frees; NULL with *errp ("path: reason"). */
char	*file_read(const char *path, size_t max, size_t *lenp, char **errp);

/* Start replacing path: *fpp is the temporary file's stream (fully
   buffered), *ap the handle that commit or abort frees. */
int	 file_atomic_open(const char *path, struct file_atomic **ap,
	    FILE **fpp, char **errp);
/* Flush, fsync and rename into place; on failure the temporary file is
   removed and path is untouched.  Frees a. */
int	 file_atomic_commit(struct file_atomic *a, char **errp);
/*
 * As commit, but never replace a file: the first of names[0..n) (paths in
 * the same folder as the one given to open) that does not exist gets the
 * file, and its index goes to *which.  FILE_EEXIST when all exist; on
 * every failure the temporary file is removed.  Frees a.
 */
int	 file_atomic_commit_new(struct file_atomic *a,
	    const char *const *names, size_t n, size_t *which, char **errp);
/* Close and remove the temporary file; frees a.  NULL is fine. */
void	 file_atomic_abort(struct file_atomic *a);
/*
 * Have the system start writing what fp holds to disk, without waiting
 * for it, so the fsync of a big file's commit has little left to do
 * (Linux's sync_file_range; elsewhere nothing).  Errors are left to that
 * fsync.
 */
void	 file_writeback(FILE *fp);
/* Replace path with buf[0..len) atomically. */
int	 file_write_atomic(const char *path, const char *buf, size_t len,
	    char **errp);

#endif
