/*
 * fuzz_config.c: libFuzzer target for the kiosk's configuration reader
 * (src/cmd/config.c over libinih).  Each input is written to a file of
 * its own (config_load reads a path, as the kiosk does) and loaded; then
 * set-pin's rewrite (config_write_pin_hash) is run on it, and a file that
 * loaded before must load after with the new hash and every other
 * setting unchanged: the rewrite keeps "every other line".
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/config.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A hash as set-pin writes it (the reader only checks its prefix). */
static const char hash[] = "$argon2id$v=19$m=65536,t=2,p=1$"
    "c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA";

/* The file each input is written to, made on the first call (in /dev/shm
   when there is one: no disk writes). */
static char path[64];

/* Remove the input's file at exit. */
static void
remove_path(void)
{
	unlink(path);
}

/* Make the input's file, or abort: nothing would be tested. */
static void
make_path(void)
{
	int	fd;

	snprintf(path, sizeof path, "%s/fuzz-config-XXXXXX",
	    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	atexit(remove_path);
}

/* Write data[0..size) to path; 0 or -1. */
static int
put(const uint8_t *data, size_t size)
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

/* Two strings alike (both NULL, or equal). */
static int
same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* Every setting but the PIN hash alike. */
static int
same_but_pin(const struct config *a, const struct config *b)
{
	return same(a->clinic, b->clinic) && same(a->form, b->form) &&
	    same(a->database, b->database) &&
	    same(a->language, b->language) &&
	    same(a->kiosk_id, b->kiosk_id) &&
	    same(a->end_screen, b->end_screen) &&
	    a->idle_timeout == b->idle_timeout &&
	    a->idle_countdown == b->idle_countdown &&
	    a->end_seconds == b->end_seconds && a->demo == b->demo;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config	 before, after;
	char		*err = NULL;
	int		 loaded;

	if (path[0] == '\0')
		make_path();
	/* Well under the reader's 64 KB limit, which set-pin's added line
	   must not cross. */
	if (size > 32768 || put(data, size) < 0)
		return 0;
	config_init(&before);
	loaded = config_load(&before, path, &err) == 0;
	free(err);
	err = NULL;
	if (config_write_pin_hash(path, hash, &err) == 0 && loaded) {
		config_init(&after);
		if (config_load(&after, path, &err) != 0) {
			fprintf(stderr, "rewritten config refused: %s\n", err);
			abort();
		}
		if (!same(after.pin_hash, hash) ||
		    !same_but_pin(&before, &after)) {
			fprintf(stderr, "rewritten config changed\n");
			abort();
		}
		config_done(&after);
	}
	free(err);
	config_done(&before);
	return 0;
}
