/*
 * export_target.c: where an export file may go.  An export holds health
 * data and replaces what it is written over, so the file at the path is
 * looked at first: another intake database (any SQLite file) is never
 * replaced, and any other file only when asked (--force).  The staff
 * menu, which cannot ask on a terminal, picks a fresh name instead.
 */
#include <sys/stat.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/xmalloc.h"
#include "export_target.h"

/* How many names EXPORT_FRESH tries after the one typed. */
#define EXPORT_TARGET_FRESH	99

/* Whether files a and b are the same file (both exist). */
static bool
export_target_same(const char *a, const char *b)
{
	struct stat	sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/*
 * Whether the file at path starts like an SQLite database ("SQLite format
 * 3"), its write-ahead log (magic 0x377f0682 or 0x377f0683) or a hot
 * rollback journal; -1 when it cannot be read (then nobody can tell).
 */
static int
export_target_sqlite(const char *path)
{
	static const unsigned char	 db[16] = "SQLite format 3";
	static const unsigned char	 journal[8] = {
		0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7
	};
	unsigned char			 h[16];
	FILE				*fp;
	size_t				 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	n = fread(h, 1, sizeof h, fp);
	fclose(fp);
	return (n == 16 && memcmp(h, db, 16) == 0) ||
	    (n >= 4 && h[0] == 0x37 && h[1] == 0x7f && h[2] == 0x06 &&
	    (h[3] == 0x82 || h[3] == 0x83)) ||
	    (n >= 8 && memcmp(h, journal, 8) == 0);
}

/* Whether path is the -shm file of an SQLite database beside it (the
   shared-memory index has no magic of its own). */
static bool
export_target_shm(const char *path)
{
	size_t	len = strlen(path);
	char	*db;
	bool	 is;

	if (len < 5 || strcmp(path + len - 4, "-shm") != 0)
		return false;
	db = xstrndup(path, len - 4);
	is = export_target_sqlite(db) == 1;
	free(db);
	return is;
}

int
export_target_check(const char *dbpath, const char *path, unsigned flags,
    char **errp)
{
	static const char *const sfx[] = { "", "-wal", "-shm" };
	struct stat	 sb;
	char		*f;
	size_t		 i;
	bool		 same = false;
	int		 db;

	if (lstat(path, &sb) < 0)
		return 0;	/* a new file (its folder is checked later) */
	if (!S_ISREG(sb.st_mode)) {
		*errp = xasprintf("%s: exists and is not a regular file; "
		    "refusing to replace it", path);
		return -1;
	}
	for (i = 0; i < SMP_NELEM(sfx) && !same; i++) {
		f = xasprintf("%s%s", dbpath, sfx[i]);
		same = export_target_same(f, path);
		free(f);
	}
	if (same) {
		*errp = xasprintf("%s: is the intake database itself; "
		    "refusing to replace it", path);
		return -1;
	}
	if (flags & EXPORT_TARGET_KEEP)
		return 0;	/* it will not be touched */
	if (!(flags & EXPORT_TARGET_REPLACE)) {
		*errp = xasprintf("%s: exists; refusing to replace it (--force "
		    "replaces a file that is not a database)", path);
		return -1;
	}
	if ((db = export_target_sqlite(path)) != 0 || export_target_shm(path)) {
		*errp = db < 0 ? xasprintf("%s: cannot read it to tell whether "
		    "it is a database (%s); refusing to replace it", path,
		    strerror(errno)) : xasprintf("%s: is an SQLite database "
		    "(or its journal); refusing to replace it, even with "
		    "--force", path);
		return -1;
	}
	return 0;
}

char **
export_target_names(const char *path, bool fresh, size_t *np)
{
	const char	*base, *dot;
	char		**v;
	size_t		 i, n, stem;

	n = fresh ? 1 + EXPORT_TARGET_FRESH : 1;
	v = xcalloc(n, sizeof(*v));
	v[0] = xstrdup(path);
	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	/* "intakes.csv" -> "intakes-1.csv"; ".csv" and "intakes" have no
	   extension to keep. */
	dot = strrchr(base, '.');
	stem = dot != NULL && dot != base ? (size_t)(dot - path) :
	    strlen(path);
	for (i = 1; i < n; i++)
		v[i] = xasprintf("%.*s-%zu%s", (int)stem, path, i,
		    path + stem);
	*np = n;
	return v;
}
