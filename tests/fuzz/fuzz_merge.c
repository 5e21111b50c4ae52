/*
 * fuzz_merge.c: libFuzzer target for "merge" of a database file that may
 * come from anywhere (a kiosk's stick, a copy, an attacker).  Each input
 * is written as OTHER.db and merged into a fresh intake database, through
 * store_merge exactly as the command does: the source is checked first
 * (SQLite's defensive settings, integrity check, schema shape) and then
 * copied.  Any input must be merged or refused with a message, never
 * crash, leak or hang.  Files live in /dev/shm when there is one, so the
 * store's fsyncs cost nothing.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The folder of the run's files, and the fresh database's bytes. */
static char	 dir[64];
static char	*fresh;
static size_t	 fresh_len;

/* dir/name (static buffer, one at a time per name slot). */
static const char *
at(int slot, const char *name)
{
	static char	buf[4][128];

	snprintf(buf[slot], sizeof buf[slot], "%s/%s", dir, name);
	return buf[slot];
}

/* Write data[0..size) to path, replacing it; 0 or -1. */
static int
put(const char *path, const void *data, size_t size)
{
	FILE	*fp;
	int	 rc;

	if ((fp = fopen(path, "wb")) == NULL)
		return -1;
	rc = fwrite(data, 1, size, fp) == size ? 0 : -1;
	if (fclose(fp) != 0)
		rc = -1;
	return rc;
}

/* Remove a database and its -wal and -shm. */
static void
remove_db(const char *name)
{
	char	path[160];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	unlink(path);
	snprintf(path, sizeof path, "%s/%s-wal", dir, name);
	unlink(path);
	snprintf(path, sizeof path, "%s/%s-shm", dir, name);
	unlink(path);
}

/* At exit: leave nothing behind. */
static void
cleanup(void)
{
	remove_db("main.db");
	remove_db("other.db");
	rmdir(dir);
	free(fresh);
}

/* Make the folder and a fresh database's bytes, or abort. */
static void
setup(void)
{
	struct store	*s;
	FILE		*fp;
	char		*err = NULL;
	long		 n;

	snprintf(dir, sizeof dir, "%s/fuzz-merge-XXXXXX",
	    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	atexit(cleanup);
	if (store_open(at(0, "main.db"), 0, &s, &err) != STORE_OK) {
		fprintf(stderr, "fuzz_merge: %s\n", err);
		abort();
	}
	store_close(s);	/* the last close folds the -wal into the file */
	if ((fp = fopen(at(0, "main.db"), "rb")) == NULL ||
	    fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) <= 0 ||
	    fseek(fp, 0, SEEK_SET) != 0)
		abort();
	fresh_len = (size_t)n;
	fresh = malloc(fresh_len);
	if (fresh == NULL || fread(fresh, 1, fresh_len, fp) != fresh_len)
		abort();
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store_merge_counts	 c;
	struct store			*s;
	char				*err = NULL;

	if (fresh == NULL)
		setup();
	if (size > 1024 * 1024)
		return 0;
	remove_db("main.db");
	remove_db("other.db");
	if (put(at(0, "main.db"), fresh, fresh_len) < 0 ||
	    put(at(1, "other.db"), data, size) < 0)
		abort();
	if (store_open(at(0, "main.db"), 0, &s, &err) != STORE_OK) {
		fprintf(stderr, "fuzz_merge: fresh database: %s\n", err);
		abort();
	}
	(void)store_merge(s, at(1, "other.db"), &c, &err);
	free(err);
	store_close(s);
	return 0;
}
