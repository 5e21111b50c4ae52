/*
 * file.c: reading a whole file, and replacing one atomically (see
 * base/file.h).  The one place that knows the temporary-file dance, used
 * by the CSV export and the config's PIN writer alike.
 */
#ifdef __linux__
#define _GNU_SOURCE	/* sync_file_range */
#endif
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"

/* An atomic replacement in progress. */
struct file_atomic {
	char	*path;		/* the target */
	char	*dir;		/* its folder, fsynced after the rename */
	char	*tmp;		/* the temporary file beside it */
	FILE	*fp;		/* open on tmp */
};

/* Read a file into memory; on error return NULL with *errp set. */
char *
file_read(const char *path, size_t max, size_t *lenp, char **errp)
{
	FILE		*fp;
	struct strbuf	 sb;
	char		 buf[65536];
	size_t		 n;

	if ((fp = fopen(path, "rb")) == NULL) {
		*errp = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
		if (sb.len + n > max) {
			*errp = xasprintf("%s: larger than %zu bytes", path,
			    max);
			goto fail;
		}
		strbuf_add(&sb, buf, n);
	}
	if (ferror(fp)) {
		*errp = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	fclose(fp);
	if (lenp != NULL)
		*lenp = sb.len;
	return strbuf_detach(&sb);
fail:
	fclose(fp);
	strbuf_done(&sb);
	return NULL;
}

/* Free the handle (the stream must be closed). */
static void
file_atomic_free(struct file_atomic *a)
{
	free(a->path);
	free(a->dir);
	free(a->tmp);
	free(a);
}

/* Create the temporary file beside path. */
int
file_atomic_open(const char *path, struct file_atomic **ap, FILE **fpp,
    char **errp)
{
	struct file_atomic	*a = xcalloc(1, sizeof(*a));
	const char		*slash = strrchr(path, '/');
	int			 fd;

	a->path = xstrdup(path);
	a->dir = slash == NULL ? xstrdup(".") : slash == path ?
	    xstrdup("/") : xstrndup(path, (size_t)(slash - path));
	a->tmp = xasprintf("%s/.%s.XXXXXX", a->dir, slash ? slash + 1 : path);
	if ((fd = mkstemp(a->tmp)) < 0) {
		*errp = xasprintf("%s: cannot create: %s", path,
		    strerror(errno));
		file_atomic_free(a);
		return FILE_ECREATE;
	}
	(void)fchmod(fd, 0600);
	if ((a->fp = fdopen(fd, "w")) == NULL) {
		*errp = xasprintf("%s: cannot write: %s", path,
		    strerror(errno));
		close(fd);
		(void)unlink(a->tmp);
		file_atomic_free(a);
		return FILE_EWRITE;
	}
	setvbuf(a->fp, NULL, _IOFBF, 1 << 20);
	*ap = a;
	*fpp = a->fp;
	return FILE_OK;
}

/* fsync a folder, so a rename in it is durable. */
static void
file_sync_dir(const char *dir)
{
	int	fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* Flush, sync and close the temporary file. */
static int
file_atomic_finish(struct file_atomic *a, char **errp)
{
	int	rc = FILE_OK;

	if (fflush(a->fp) != 0 || fsync(fileno(a->fp)) != 0) {
		*errp = xasprintf("%s: cannot write: %s", a->path,
		    strerror(errno));
		rc = FILE_EWRITE;
	}
	if (fclose(a->fp) != 0 && rc == FILE_OK) {
		*errp = xasprintf("%s: cannot write: %s", a->path,
		    strerror(errno));
		rc = FILE_EWRITE;
	}
	return rc;
}

/*
 * Give the temporary file the name path unless a file has it: link()
 * fails with EEXIST rather than replace, atomically.  A file system
 * without hard links (FAT on a USB stick) gets a look first and a rename:
 * a file made in between those two would be replaced.  0, or -1 with
 * errno (EEXIST: taken).
 */
static int
file_put_new(const char *tmp, const char *path)
{
	struct stat	sb;

	if (link(tmp, path) == 0) {
		(void)unlink(tmp);	/* the file now has its own name */
		return 0;
	}
	if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP &&
	    errno != EMLINK && errno != ENOSYS)
		return -1;
	if (lstat(path, &sb) == 0) {
		errno = EEXIST;
		return -1;
	}
	if (errno != ENOENT)
		return -1;
	return rename(tmp, path);
}

/* Put the file in place under the first free name of names. */
int
file_atomic_commit_new(struct file_atomic *a, const char *const *names,
    size_t n, size_t *which, char **errp)
{
	size_t	i;
	int	rc;

	if ((rc = file_atomic_finish(a, errp)) == FILE_OK) {
		rc = FILE_EEXIST;
		for (i = 0; i < n && rc == FILE_EEXIST; i++) {
			if (file_put_new(a->tmp, names[i]) == 0) {
				*which = i;
				rc = FILE_OK;
			} else if (errno != EEXIST) {
				*errp = xasprintf("%s: cannot create: %s",
				    names[i], strerror(errno));
				rc = FILE_ECREATE;
			}
		}
		if (rc == FILE_EEXIST)
			*errp = xasprintf("%s: exists; refusing to replace "
			    "it", a->path);
	}
	if (rc == FILE_OK)
		file_sync_dir(a->dir);
	else
		(void)unlink(a->tmp);
	file_atomic_free(a);
	return rc;
}

/* Flush, sync, close, rename into place. */
int
file_atomic_commit(struct file_atomic *a, char **errp)
{
	int	rc;

	rc = file_atomic_finish(a, errp);
	if (rc == FILE_OK && rename(a->tmp, a->path) != 0) {
		*errp = xasprintf("%s: cannot create: %s", a->path,
		    strerror(errno));
		rc = FILE_ECREATE;
	}
	if (rc == FILE_OK)
		file_sync_dir(a->dir);
	else
		(void)unlink(a->tmp);
	file_atomic_free(a);
	return rc;
}

/* Give up: the temporary file goes, the target stays as it was. */
void
file_atomic_abort(struct file_atomic *a)
{
	if (a == NULL)
		return;
	(void)fclose(a->fp);
	(void)unlink(a->tmp);
	file_atomic_free(a);
}

/* Replace path with the bytes of buf. */
int
file_write_atomic(const char *path, const char *buf, size_t len,
    char **errp)
{
	struct file_atomic	*a;
	FILE			*fp;
	int			 rc;

	if ((rc = file_atomic_open(path, &a, &fp, errp)) != FILE_OK)
		return rc;
	if (fwrite(buf, 1, len, fp) != len) {
		*errp = xasprintf("%s: cannot write: %s", path,
		    strerror(errno));
		file_atomic_abort(a);
		return FILE_EWRITE;
	}
	return file_atomic_commit(a, errp);
}

void
file_writeback(FILE *fp)
{
#ifdef SYNC_FILE_RANGE_WRITE
	/* Errors (a pipe, a file system without it) are left to the fsync
	   that follows, which finds every one that matters. */
	if (fflush(fp) == 0)
		(void)sync_file_range(fileno(fp), 0, 0, SYNC_FILE_RANGE_WRITE);
#else
	(void)fp;
#endif
}
