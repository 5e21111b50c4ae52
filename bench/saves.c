/*
 * saves.c: latency of one durable answer save (store_answer_put).
 *
 * Usage: saves [-k] -f FORM -d DB [-n SAVES] [-o RAW]
 *
 * Creates a fresh database at DB (on disk: tmpfs would hide the fsync that
 * is the whole cost), or with -k keeps the one there (to save into a
 * database that an export is reading at the same time), stores the form, and saves SAVES answers the way a
 * kiosk does: one intake after another, one answer per question, each
 * timed alone with CLOCK_MONOTONIC around the call.  Prints one line:
 *
 *   saves N p50_us P p90_us P p99_us P max_us P
 *
 * and, with -o, every latency in microseconds, one a line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/diag.h"
#include "form/form.h"
#include "form/form_load.h"
#include "store/store.h"
#include "base/die.h"
#include "base/file.h"
#include "base/xmalloc.h"

/* A value the question accepts; the store itself does not validate. */
static const char *
value_for(const struct form_question *q)
{
	switch (q->type) {
	case QT_CHOICE:
	case QT_MULTI:
		return q->noptions > 0 ? q->options[0].code : "x";
	case QT_YESNO:
		return "no";
	case QT_DATE:
		return "1985-07-23";
	case QT_INTEGER:
	case QT_DECIMAL:
	case QT_SCALE:
		return "3";
	default:
		return "A short answer, as a client would type it";
	}
}

/* Ascending order of doubles, for qsort. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The p-th percentile (nearest rank) of sorted v[0..n). */
static double
pct(const double *v, size_t n, double p)
{
	size_t k = (size_t)(p / 100.0 * (double)n + 0.999999);

	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1];
}

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct store *s;
	struct form *f;
	struct diag *d;
	const struct form_question *q;
	char hash[STORE_HASH_LEN + 1], id[STORE_ID_LEN + 1];
	char *src, *err = NULL, *p;
	const char *form = NULL, *db = NULL, *raw = NULL;
	double *lat;
	size_t len, i, qi = 0;
	long n = 2000;
	FILE *fp;
	int c, keep = 0;

	while ((c = getopt(argc, argv, "kf:d:n:o:")) != -1) {
		switch (c) {
		case 'k': keep = 1; break;
		case 'f': form = optarg; break;
		case 'd': db = optarg; break;
		case 'n': n = strtol(optarg, NULL, 10); break;
		case 'o': raw = optarg; break;
		default: goto usage;
		}
	}
	if (form == NULL || db == NULL || n <= 0)
		goto usage;
	if ((src = file_read(form, FORM_MAX_BYTES, &len, &err)) == NULL)
		diex("saves: %s", err);
	d = diag_new(form, DIAG_DEFAULT_LIMIT);
	if ((f = form_load_text(form, src, len, NULL, FORM_NO_ART, d)) == NULL)
		diex("saves: %s: form does not load", form);
	diag_free(d);
	if (f->nquestions == 0)
		diex("saves: %s: no questions", form);

	/* A fresh database every time: no WAL left from an earlier run. */
	for (i = 0; !keep && i < 3; i++) {
		p = xasprintf("%s%s", db, i == 0 ? "" : i == 1 ? "-wal" :
		    "-shm");
		unlink(p);
		free(p);
	}
	if (store_open(db, 0, &s, &err) != STORE_OK ||
	    store_form_put(s, f, hash, &err) != STORE_OK)
		diex("saves: %s", err);

	lat = xcalloc((size_t)n, sizeof *lat);
	for (i = 0; i < (size_t)n; i++) {
		if (qi == 0 && store_intake_begin(s, hash, "bench", f->langs[0],
		    "kiosk", id, &err) != STORE_OK)
			diex("saves: %s", err);
		q = &f->questions[qi];
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (store_answer_put(s, id, q->id, value_for(q), &err) !=
		    STORE_OK)
			diex("saves: %s", err);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		lat[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e6 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e3;
		qi = (qi + 1) % f->nquestions;
	}
	store_close(s);

	if (raw != NULL) {
		if ((fp = fopen(raw, "w")) == NULL)
			die("saves: %s", raw);
		for (i = 0; i < (size_t)n; i++)
			fprintf(fp, "%.1f\n", lat[i]);
		if (fclose(fp) != 0)
			die("saves: %s", raw);
	}
	qsort(lat, (size_t)n, sizeof *lat, cmp_double);
	printf("saves %ld p50_us %.0f p90_us %.0f p99_us %.0f max_us %.0f\n",
	    n, pct(lat, (size_t)n, 50), pct(lat, (size_t)n, 90),
	    pct(lat, (size_t)n, 99), lat[n - 1]);
	free(lat);
	free(src);
	form_free(f);
	return 0;
usage:
	fprintf(stderr, "usage: saves [-k] -f FORM -d DB [-n SAVES] [-o RAW]\n");
	return 64;
}
