/*
 * test_store.c: the store on temporary databases: file modes, schema
 * version and migrations, answers, completion, stale intakes, merge, erase
 * (no trace left in the files), the audit log and error mapping.
 *
 * It is the SQLite backend's test: it looks inside through the backend's
 * private headers (store/sqlite.h, sqlite3), to age an intake, set a
 * newer schema version or count rows.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/defs.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "store/sqlite.h"
#include "store/sqlite_schema.h"

/* The SQLite connection of an open store, to look inside. */
/* Complete an intake without a stop: its band is its outcome. */
static int
complete_band(struct store *s, const char *id, int score, const char *band,
    const struct intake_line *lines, size_t nlines, char **errp)
{
	struct intake_outcome	o;

	memset(&o, 0, sizeof(o));
	o.outcome = band != NULL ? band : "scored";
	o.band = band;
	o.has_score = true;
	o.score = score;
	return store_intake_complete(s, id, &o, lines, nlines, errp);
}

static sqlite3 *
db_of(struct store *s)
{
	return sqlite_of(s)->db;
}

/* A temporary folder per test. */
struct fixture {
	char	 dir[64];	/* mkdtemp folder */
	char	*db;		/* dir/sub/intake.db */
};

/* Make the temporary folder. */
static int
setup(void **state)
{
	struct fixture	*fx = xcalloc(1, sizeof(*fx));

	snprintf(fx->dir, sizeof(fx->dir), "/tmp/test_store.XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	fx->db = xasprintf("%s/sub/intake.db", fx->dir);
	*state = fx;
	return 0;
}

/* Remove the temporary folder and everything in it. */
static int
teardown(void **state)
{
	struct fixture	*fx = *state;
	char		*cmd;

	cmd = xasprintf("rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", fx->dir);
	free(cmd);
	free(fx->db);
	free(fx);
	return 0;
}

/* A hand-made form with just what the store reads. */
static struct form *
fake_form(const char *id, int version, const char *source)
{
	struct form	*f = xcalloc(1, sizeof(*f));

	f->id = xstrdup(id);
	f->version = version;
	f->source = xstrdup(source);
	f->source_len = strlen(source);
	return f;
}

/* Free fake_form's result. */
static void
fake_form_free(struct form *f)
{
	free(f->id);
	free(f->source);
	free(f);
}

/* Open path for writing, failing the test on error. */
static struct store *
open_ok(const char *path)
{
	struct store	*s = NULL;
	char		*err = NULL;
	int		 rc;

	rc = store_open(path, 0, &s, &err);
	if (rc != STORE_OK)
		fail_msg("store_open %s: %s", path, err);
	return s;
}

/* One integer from a query with an optional text parameter. */
static long long
q_int(struct store *s, const char *sql, const char *arg)
{
	sqlite3_stmt	*st;
	long long	 v = -1;

	assert_int_equal(sqlite3_prepare_v2(db_of(s), sql, -1, &st, NULL),
	    SQLITE_OK);
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* One text from a query with an optional parameter; caller frees. */
static char *
q_text(struct store *s, const char *sql, const char *arg)
{
	sqlite3_stmt	*st;
	char		*v = NULL;

	assert_int_equal(sqlite3_prepare_v2(db_of(s), sql, -1, &st, NULL),
	    SQLITE_OK);
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

/* Put a fake form and begin one intake; id receives it. */
static void
begin_one(struct store *s, const char *source, char *id)
{
	struct form	*f = fake_form("t", 1, source);
	char		 hash[STORE_HASH_LEN + 1];
	char		*err = NULL;

	assert_int_equal(store_form_put(s, f, hash, &err), STORE_OK);
	assert_int_equal(store_intake_begin(s, hash, "lobby-1", "en", "kiosk",
	    id, &err), STORE_OK);
	fake_form_free(f);
}

/* Mode bits of path, or -1. */
static int
mode_of(const char *path)
{
	struct stat	sb;

	if (stat(path, &sb) < 0)
		return -1;
	return (int)(sb.st_mode & 07777);
}

/* Files and folder get modes 0600 and 0700; schema version is ours. */
static void
test_open_modes(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s;
	char		*p, id[STORE_ID_LEN + 1];
	mode_t		 old;

	old = umask(0);		/* a careless umask must not matter */
	s = open_ok(fx->db);
	begin_one(s, "form t version 1\n", id);
	umask(old);
	p = xasprintf("%s/sub", fx->dir);
	assert_int_equal(mode_of(p), 0700);
	free(p);
	assert_int_equal(mode_of(fx->db), 0600);
	p = xasprintf("%s-wal", fx->db);
	assert_int_equal(mode_of(p), 0600);
	free(p);
	p = xasprintf("%s-shm", fx->db);
	assert_int_equal(mode_of(p), 0600);
	free(p);
	assert_int_equal(q_int(s, "PRAGMA user_version", NULL),
	    sqlite_schema_version());
	assert_int_equal(sqlite_schema_version(), 3);
	p = q_text(s, "PRAGMA journal_mode", NULL);
	assert_string_equal(p, "wal");
	free(p);
	assert_int_equal(q_int(s, "PRAGMA synchronous", NULL), 2);
	assert_int_equal(q_int(s, "PRAGMA foreign_keys", NULL), 1);
	store_close(s);
}

/* A missing grandparent folder, and a missing file read-only. */
static void
test_open_missing(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s = NULL;
	char		*p, *err = NULL;

	p = xasprintf("%s/a/b/intake.db", fx->dir);
	assert_int_equal(store_open(p, 0, &s, &err), STORE_CANTOPEN);
	assert_null(s);
	assert_non_null(strstr(err, p));
	assert_int_equal(store_exit_status(STORE_CANTOPEN), 73);
	free(err);
	free(p);
	err = NULL;
	assert_int_equal(store_open(fx->db, STORE_RDONLY, &s, &err),
	    STORE_NOTFOUND);
	assert_non_null(strstr(err, "no such database"));
	free(err);
	assert_int_equal(mode_of(fx->db), -1);	/* not created */
}

/* Write bytes to path (creating the folder). */
static void
write_file(const struct fixture *fx, const char *path, const char *bytes,
    size_t len)
{
	char	*dir;
	FILE	*fp;

	dir = xasprintf("%s/sub", fx->dir);
	mkdir(dir, 0700);
	free(dir);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(bytes, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* An empty file (version 0) is migrated to ours. */
static void
test_migrate_empty(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s;
	char		 id[STORE_ID_LEN + 1];

	write_file(fx, fx->db, "", 0);
	s = open_ok(fx->db);
	assert_int_equal(q_int(s, "PRAGMA user_version", NULL), 3);
	assert_int_equal(q_int(s, "SELECT count(*) FROM sqlite_master WHERE "
	    "type = 'table'", NULL), 5);
	assert_int_equal(q_int(s, "SELECT count(*) FROM pragma_table_info("
	    "'intakes') WHERE name LIKE '%_codes'", NULL), 3);
	begin_one(s, "x", id);
	store_close(s);
	/* Reopening migrates nothing and keeps the data. */
	s = open_ok(fx->db);
	assert_int_equal(q_int(s, "SELECT count(*) FROM intakes", NULL), 1);
	store_close(s);
}

/*
 * A schema 1 database at path (tests/export/schema.sql): intake 'c-...' completed with lines whose
 * codes are out of alphabetical order, 'p-...' completed with points
 * only, 'a-...' abandoned.  Ids start with prefix (to keep files apart).
 */
static void
make_v1(const char *path, const char *prefix)
{
	sqlite3	*db;
	char	*sql, *v1, *err = NULL;

	/* Schema 1 as released, kept once for the tests (tests/run starts
	   in the top folder). */
	if ((v1 = file_read("tests/export/schema.sql", 1u << 16, NULL,
	    &err)) == NULL)
		fail_msg("%s", err);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, v1, NULL, NULL, NULL), SQLITE_OK);
	free(v1);
	sql = sqlite3_mprintf(
	    "INSERT INTO forms VALUES('h%q', 'f', 1, 'src %q', 't');"
	    "INSERT INTO intakes VALUES('%qc', 'h%q', 'k', 'en', 'kiosk',"
	    " 'completed', '2026-01-01', '2026-01-01', '2026-01-01', 40, 'b');"
	    "INSERT INTO intakes VALUES('%qp', 'h%q', 'k', 'en', 'kiosk',"
	    " 'completed', '2026-01-02', '2026-01-02', '2026-01-02', 10, 'b');"
	    "INSERT INTO intakes VALUES('%qa', 'h%q', 'k', 'en', 'kiosk',"
	    " 'abandoned', '2026-01-03', '2026-01-03', NULL, NULL, NULL);"
	    "INSERT INTO answers VALUES('%qc', 'q', 'v', '2026-01-01');"
	    "INSERT INTO result_lines VALUES('%qc', 1, 'points', 'q=v', 5, 't'),"
	    " ('%qc', 2, 'flag', 'zeta', 0, 't'), ('%qc', 3, 'stop', 's1', 0, 't'),"
	    " ('%qc', 4, 'flag', 'alpha', 0, 't'),"
	    " ('%qc', 5, 'recommend', 'r=1', 0, 't'),"
	    " ('%qc', 6, 'flag', 'mid', 0, 't');"
	    "INSERT INTO result_lines VALUES('%qp', 1, 'points', 'q=v', 5, 't');",
	    prefix, prefix, prefix, prefix, prefix, prefix, prefix, prefix,
	    prefix, prefix, prefix, prefix, prefix, prefix, prefix, prefix);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

/* The codes columns of intake id as "stop|flag|recommend" ("-" NULL). */
static char *
codes_of(struct store *s, const char *id)
{
	return q_text(s, "SELECT coalesce(stop_codes, '-') || '|' || "
	    "coalesce(flag_codes, '-') || '|' || coalesce(recommend_codes, "
	    "'-') FROM intakes WHERE id = ?", id);
}

/* Check the three intakes of make_v1(prefix) after an upgrade or merge. */
static void
check_v1_codes(struct store *s, const char *prefix)
{
	static const char *const want[][2] = {
		{ "c", "s1|zeta;alpha;mid|r=1" },	/* line order kept */
		{ "p", "||" },				/* points only */
		{ "a", "-|-|-" }			/* not completed */
	};
	char	*id, *v;
	size_t	 i;

	for (i = 0; i < SMP_NELEM(want); i++) {
		id = xasprintf("%s%s", prefix, want[i][0]);
		v = codes_of(s, id);
		assert_string_equal(v, want[i][1]);
		free(v);
		free(id);
	}
}

/* The outcome columns of intake id: "outcome|score|band|internal|note". */
static char *
outcome_of(struct store *s, const char *id)
{
	return q_text(s, "SELECT coalesce(outcome, '-') || '|' || "
	    "coalesce(score, '-') || '|' || coalesce(band, '-') || '|' || "
	    "coalesce(score_internal, '-') || '|' || coalesce(outcome_note, "
	    "'-') FROM intakes WHERE id = ?", id);
}

/*
 * make_v1's intakes once their outcome is derived: the stop s1 of a form
 * not shipped has no known kind, so it defers with the date left to the
 * practitioner, and loses its score and band; no stop keeps its band.
 */
static void
check_v1_outcomes(struct store *s, const char *prefix)
{
	static const char *const want[][2] = {
		{ "c", "deferred|-|-|-|no date recorded (intake from before "
		    "re-check dates): the practitioner decides" },
		{ "p", "b|10|b|-|-" },
		{ "a", "-|-|-|-|-" }
	};
	char	*id, *v;
	size_t	 i;

	for (i = 0; i < SMP_NELEM(want); i++) {
		id = xasprintf("%s%s", prefix, want[i][0]);
		v = outcome_of(s, id);
		assert_string_equal(v, want[i][1]);
		free(v);
		free(id);
	}
}

/*
 * A version-2 database (the released schema 1 SQL plus the 1 -> 2
 * columns) of the shipped form: each stopped intake gets the kind its
 * stop has had since, by the table of the shipped form's stops; the
 * strongest kind wins; no stopped intake keeps a score or band.
 */
static void
make_v2(const char *path)
{
	sqlite3	*db;
	char	*v1, *err = NULL;

	if ((v1 = file_read("tests/export/schema.sql", 1u << 16, NULL,
	    &err)) == NULL)
		fail_msg("%s", err);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, v1, NULL, NULL, NULL), SQLITE_OK);
	free(v1);
	assert_int_equal(sqlite3_exec(db,
	    "ALTER TABLE intakes ADD COLUMN stop_codes TEXT;"
	    "ALTER TABLE intakes ADD COLUMN flag_codes TEXT;"
	    "ALTER TABLE intakes ADD COLUMN recommend_codes TEXT;"
	    "PRAGMA user_version = 2;"
	    "INSERT INTO forms VALUES('hs', 'smp-consultation', 1, 's', 't');"
	    "INSERT INTO forms VALUES('ho', 'other', 1, 's', 't');"
	    "INSERT INTO intakes VALUES('i1', 'hs', 'k', 'en', 'kiosk', "
	    " 'completed', '1', '1', '1', 15, 'conversation', 'under18;"
	    "pregnant', '', '');"
	    "INSERT INTO intakes VALUES('i2', 'hs', 'k', 'en', 'kiosk', "
	    " 'completed', '2', '2', '2', 95, 'excellent', 'pregnant', '', '');"
	    "INSERT INTO intakes VALUES('i3', 'hs', 'k', 'en', 'kiosk', "
	    " 'completed', '3', '3', '3', 88, 'excellent', 'keloid', '', '');"
	    "INSERT INTO intakes VALUES('i4', 'hs', 'k', 'en', 'kiosk', "
	    " 'completed', '4', '4', '4', 90, 'excellent', 'keloid;scalp_wound;"
	    "isotretinoin', '', '');"
	    "INSERT INTO intakes VALUES('i5', 'hs', 'k', 'en', 'kiosk', "
	    " 'completed', '5', '5', '5', 95, 'excellent', '', 'x', '');"
	    "INSERT INTO intakes VALUES('i6', 'ho', 'k', 'en', 'kiosk', "
	    " 'completed', '6', '6', '6', 80, 'good', 'keloid', '', '');"
	    "INSERT INTO result_lines VALUES('i1', 1, 'stop', 'under18', 0, 't'),"
	    " ('i1', 2, 'stop', 'pregnant', 0, 't'),"
	    " ('i2', 1, 'stop', 'pregnant', 0, 't'),"
	    " ('i3', 1, 'stop', 'keloid', 0, 't'),"
	    " ('i4', 1, 'stop', 'keloid', 0, 't'),"
	    " ('i4', 2, 'stop', 'scalp_wound', 0, 't'),"
	    " ('i4', 3, 'stop', 'isotretinoin', 0, 't'),"
	    " ('i6', 1, 'stop', 'keloid', 0, 't');",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

/* make_v2's intakes with their derived outcomes. */
static void
check_v2_outcomes(struct store *s)
{
	static const char *const want[][2] = {
		{ "i1", "not-offered|-|-|-|-" },
		{ "i2", "deferred|-|-|-|after breastfeeding has ended" },
		{ "i3", "clearance|-|-|88|a doctor's note" },
		{ "i4", "deferred|-|-|-|once fully healed; no date recorded "
		    "(intake from before re-check dates): the practitioner "
		    "decides" },
		{ "i5", "excellent|95|excellent|-|-" },
		{ "i6", "deferred|-|-|-|no date recorded (intake from before "
		    "re-check dates): the practitioner decides" },
	};
	char	*v;
	size_t	 i;

	for (i = 0; i < SMP_NELEM(want); i++) {
		v = outcome_of(s, want[i][0]);
		assert_string_equal(v, want[i][1]);
		free(v);
	}
	assert_int_equal(q_int(s, "SELECT count(*) FROM intakes WHERE "
	    "stop_codes != '' AND (band IS NOT NULL OR score IS NOT NULL)",
	    NULL), 0);
}

static void
test_migrate_v2(void **state)
{
	struct fixture			*fx = *state;
	struct store			*s;
	struct store_merge_counts	 c;
	char				*other, *err = NULL;

	write_file(fx, fx->db, "", 0);
	unlink(fx->db);
	make_v2(fx->db);
	s = open_ok(fx->db);
	assert_int_equal(q_int(s, "PRAGMA user_version", NULL), 3);
	check_v2_outcomes(s);
	store_close(s);
	/* A kiosk file still at schema 2, merged: the same outcomes. */
	unlink(fx->db);
	other = xasprintf("%s/v2.db", fx->dir);
	make_v2(other);
	s = open_ok(fx->db);
	assert_int_equal(store_merge(s, other, &c, &err), STORE_OK);
	assert_int_equal(c.intakes, 6);
	check_v2_outcomes(s);
	store_close(s);
	free(other);
}

/*
 * Schema 1 -> 2: the codes columns are derived from the result lines, in
 * line order, whether the file is opened for writing or only for reading
 * (a read-only open upgrades it through a connection of its own).
 */
static void
test_migrate_v1(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s = NULL;
	char		*ro, *err = NULL;

	write_file(fx, fx->db, "", 0);
	unlink(fx->db);
	make_v1(fx->db, "w-");
	s = open_ok(fx->db);
	assert_int_equal(q_int(s, "PRAGMA user_version", NULL), 3);
	check_v1_codes(s, "w-");
	check_v1_outcomes(s, "w-");
	store_close(s);

	ro = xasprintf("%s/ro.db", fx->dir);
	make_v1(ro, "r-");
	/* Merge's way: taken as it is, left at schema 1. */
	assert_int_equal(store_open(ro, STORE_RDONLY | STORE_OLDER_OK, &s,
	    &err), STORE_OK);
	assert_int_equal(q_int(s, "PRAGMA user_version", NULL), 1);
	store_close(s);
	assert_int_equal(store_open(ro, STORE_RDONLY, &s, &err), STORE_OK);
	assert_int_equal(q_int(s, "PRAGMA user_version", NULL), 3);
	check_v1_codes(s, "r-");
	check_v1_outcomes(s, "r-");
	store_close(s);
	free(ro);
}

/* A newer schema version is refused with both versions named. */
static void
test_newer_refused(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s;
	char		*err = NULL;

	s = open_ok(fx->db);
	assert_int_equal(sqlite3_exec(db_of(s), "PRAGMA user_version = 7", NULL,
	    NULL, NULL), SQLITE_OK);
	store_close(s);
	s = NULL;
	assert_int_equal(store_open(fx->db, 0, &s, &err), STORE_NEWER);
	assert_null(s);
	assert_non_null(strstr(err, "newer smp-intake (schema 7, this one "
	    "knows 3)"));
	assert_int_equal(store_exit_status(STORE_NEWER), 65);
	free(err);
	err = NULL;
	assert_int_equal(store_open(fx->db, STORE_RDONLY, &s, &err),
	    STORE_NEWER);
	free(err);
}

/* Text, another program's database and a damaged file are refused. */
static void
test_corrupt(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s = NULL;
	sqlite3		*db;
	char		*err = NULL, buf[4096];
	int		 fd;

	write_file(fx, fx->db, "name,age\nAnna,31\n", 17);
	assert_int_equal(store_open(fx->db, 0, &s, &err), STORE_CORRUPT);
	assert_non_null(strstr(err, "not a smp-intake database or damaged"));
	assert_null(strstr(err, "Anna"));
	free(err);
	err = NULL;
	assert_int_equal(store_open(fx->db, STORE_RDONLY, &s, &err),
	    STORE_CORRUPT);
	free(err);
	err = NULL;
	unlink(fx->db);
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(fx->db, 0, &s, &err), STORE_CORRUPT);
	assert_non_null(strstr(err, "another program"));
	free(err);
	err = NULL;
	/* A real one, then garbage over its second page (the forms table). */
	unlink(fx->db);
	s = open_ok(fx->db);
	store_close(s);
	s = NULL;
	memset(buf, 0x5a, sizeof(buf));
	fd = open(fx->db, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, buf, sizeof(buf), 4096), sizeof(buf));
	close(fd);
	assert_int_equal(store_open(fx->db, 0, &s, &err), STORE_CORRUPT);
	assert_null(s);
	assert_non_null(strstr(err, fx->db));
	free(err);
}

/* Poll a background check until its verdict (deadline 20 s). */
static int
check_wait(struct store_check *c, char **errp)
{
	struct timespec	ts = { 0, 10 * 1000 * 1000 };
	int		i, rc = 1;

	for (i = 0; i < 2000 && (rc = store_check_poll(c, errp)) == 1; i++)
		nanosleep(&ts, NULL);
	return rc;
}

/*
 * The kiosk's background integrity check: a sound file passes, one page
 * of garbage in the answers table (which opening does not read) fails
 * with STORE_CORRUPT and the path, and freeing a check still running
 * stops it.
 */
static void
test_background_check(void **state)
{
	struct fixture		*fx = *state;
	struct store		*s;
	struct store_check	*c = NULL;
	char			 id[STORE_ID_LEN + 1], *err = NULL;
	char			 junk[4096];
	int			 fd;
	long long		 page;

	s = open_ok(fx->db);
	begin_one(s, "f", id);
	assert_int_equal(sqlite3_exec(db_of(s), "WITH RECURSIVE n(i) AS ("
	    "SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
	    "INSERT INTO answers SELECT id, 'q' || i, hex(randomblob(40)), "
	    "started_at FROM intakes, n; PRAGMA wal_checkpoint(TRUNCATE)",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_check_start(s, &c, &err), STORE_OK);
	assert_int_equal(check_wait(c, &err), STORE_OK);
	store_check_free(c);
	page = q_int(s, "SELECT pageno FROM dbstat WHERE name = 'answers' "
	    "AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 10", NULL);
	assert_true(page > 1);
	store_close(s);

	memset(junk, 0x5a, sizeof(junk));
	fd = open(fx->db, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, junk, sizeof(junk),
	    (off_t)(page - 1) * 4096), sizeof(junk));
	close(fd);
	assert_int_equal(store_open(fx->db, STORE_NOCHECK, &s, &err),
	    STORE_OK);
	assert_int_equal(store_check_start(s, &c, &err), STORE_OK);
	assert_int_equal(check_wait(c, &err), STORE_CORRUPT);
	assert_non_null(strstr(err, "integrity check failed"));
	assert_non_null(strstr(err, fx->db));
	free(err);
	store_check_free(c);
	/* Freed at once: interrupted or not yet started, no leak, no wait. */
	assert_int_equal(store_check_start(s, &c, &err), STORE_OK);
	store_check_free(c);
	store_close(s);
}

/* The form is stored once, by the SHA-256 of its text. */
static void
test_form_put(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s;
	struct form	*f = fake_form("smp", 3, "abc");
	char		 hash[STORE_HASH_LEN + 1], *err = NULL, *v;

	s = open_ok(fx->db);
	assert_int_equal(store_form_put(s, f, hash, &err), STORE_OK);
	assert_string_equal(hash, "ba7816bf8f01cfea414140de5dae2223b00361a396"
	    "177a9cb410ff61f20015ad");
	assert_int_equal(store_form_put(s, f, hash, &err), STORE_OK);
	assert_int_equal(q_int(s, "SELECT count(*) FROM forms", NULL), 1);
	v = q_text(s, "SELECT form_id || ':' || version || ':' || source "
	    "FROM forms", NULL);
	assert_string_equal(v, "smp:3:abc");
	free(v);
	fake_form_free(f);
	store_close(s);
}

/* Answers are upserted and deleted; unknown and completed intakes
   refuse them. */
static void
test_answers(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s;
	char		 id[STORE_ID_LEN + 1], st[16], *err = NULL, *v;

	s = open_ok(fx->db);
	begin_one(s, "f", id);
	assert_int_equal(strlen(id), STORE_ID_LEN);
	assert_int_equal(id[14], '4');		/* UUID version 4 */
	assert_int_equal(store_answer_put(s, id, "age", "31", &err), STORE_OK);
	assert_int_equal(store_answer_put(s, id, "age", "32", &err), STORE_OK);
	assert_int_equal(store_answer_put(s, id, "skin", "oily", &err),
	    STORE_OK);
	v = q_text(s, "SELECT group_concat(question || '=' || value, ',') "
	    "FROM (SELECT * FROM answers WHERE intake_id = ? ORDER BY "
	    "question)", id);
	assert_string_equal(v, "age=32,skin=oily");
	free(v);
	assert_int_equal(store_answer_put(s, id, "skin", NULL, &err),
	    STORE_OK);
	assert_int_equal(q_int(s, "SELECT count(*) FROM answers", NULL), 1);
	assert_int_equal(store_answer_put(s, "no-such", "age", "1", &err),
	    STORE_NOTFOUND);
	free(err);
	err = NULL;
	assert_int_equal(store_intake_status(s, id, st, &err), STORE_OK);
	assert_string_equal(st, "in_progress");
	assert_int_equal(complete_band(s, id, 70, "good", NULL, 0,
	    &err), STORE_OK);
	assert_int_equal(store_answer_put(s, id, "age", "40", &err),
	    STORE_ERR);
	assert_non_null(strstr(err, "completed"));
	free(err);
	v = q_text(s, "SELECT value FROM answers WHERE question = 'age'",
	    NULL);
	assert_string_equal(v, "32");
	free(v);
	store_close(s);
}

/* Completion stores status, score, band and numbered result lines. */
static void
test_complete(void **state)
{
	struct fixture		*fx = *state;
	struct store		*s;
	struct intake_line	 lines[] = {
		{ "points", "norwood=n5", 15, "Norwood: Stage 5: +15" },
		{ "stop", "minor", 0, "Stop: Under 18" },
		{ "flag", "keloid", 0, "Keloid history" },
		{ "recommend", "style=buzz", 0, "Style: buzz cut" },
		{ "flag", "alopecia", 0, "Alopecia areata" }
	};
	char			 id[STORE_ID_LEN + 1], bare[STORE_ID_LEN + 1];
	char			 left[STORE_ID_LEN + 1], *err = NULL, *v;

	s = open_ok(fx->db);
	begin_one(s, "f", id);
	assert_int_equal(complete_band(s, id, 55, "fair", lines, 5,
	    &err), STORE_OK);
	v = q_text(s, "SELECT status || ':' || score || ':' || band || ':' || "
	    "(completed_at IS NOT NULL) FROM intakes WHERE id = ?", id);
	assert_string_equal(v, "completed:55:fair:1");
	free(v);
	v = q_text(s, "SELECT group_concat(seq || kind || code || points, ',') "
	    "FROM (SELECT * FROM result_lines ORDER BY seq)", NULL);
	assert_string_equal(v, "1pointsnorwood=n515,2stopminor0,3flagkeloid0,"
	    "4recommendstyle=buzz0,5flagalopecia0");
	free(v);
	/* The row's codes: by kind, in line order (not sorted). */
	v = q_text(s, "SELECT stop_codes || '|' || flag_codes || '|' || "
	    "recommend_codes FROM intakes WHERE id = ?", id);
	assert_string_equal(v, "minor|keloid;alopecia|style=buzz");
	free(v);
	/* Completed with points only: empty codes; abandoned: none. */
	begin_one(s, "f", bare);
	assert_int_equal(complete_band(s, bare, 5, "fair", lines, 1,
	    &err), STORE_OK);
	v = q_text(s, "SELECT '[' || stop_codes || '|' || flag_codes || '|' || "
	    "recommend_codes || ']' FROM intakes WHERE id = ?", bare);
	assert_string_equal(v, "[||]");
	free(v);
	begin_one(s, "f", left);
	assert_int_equal(store_intake_abandon(s, left, &err), STORE_OK);
	assert_int_equal(q_int(s, "SELECT count(*) FROM intakes WHERE id = ? "
	    "AND stop_codes IS NULL AND flag_codes IS NULL AND "
	    "recommend_codes IS NULL", left), 1);
	/* A second completion is refused and changes nothing. */
	assert_int_equal(complete_band(s, id, 10, "poor", lines, 1,
	    &err), STORE_ERR);
	free(err);
	assert_int_equal(q_int(s, "SELECT count(*) FROM result_lines", NULL),
	    6);
	assert_int_equal(complete_band(s, "nope", 1, NULL, NULL, 0,
	    NULL), STORE_NOTFOUND);
	store_close(s);
}

/* Only in-progress intakes idle longer than the timeout are abandoned. */
static void
test_abandon_stale(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s;
	char		 old[STORE_ID_LEN + 1], fresh[STORE_ID_LEN + 1];
	char		 done[STORE_ID_LEN + 1], st[16], *err = NULL;
	sqlite3_stmt	*q;
	int		 n = -1;

	s = open_ok(fx->db);
	begin_one(s, "f", old);
	begin_one(s, "f", fresh);
	begin_one(s, "f", done);
	assert_int_equal(store_answer_put(s, old, "age", "30", &err),
	    STORE_OK);
	assert_int_equal(complete_band(s, done, 1, NULL, NULL, 0,
	    &err), STORE_OK);
	assert_int_equal(sqlite3_prepare_v2(db_of(s), "UPDATE intakes SET "
	    "updated_at = '2020-01-01T00:00:00.000Z' WHERE id IN (?, ?)", -1,
	    &q, NULL), SQLITE_OK);
	sqlite3_bind_text(q, 1, old, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, done, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
	assert_int_equal(store_abandon_stale(s, 180, &n, &err), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_intake_status(s, old, st, &err), STORE_OK);
	assert_string_equal(st, "abandoned");
	assert_int_equal(store_intake_status(s, fresh, st, &err), STORE_OK);
	assert_string_equal(st, "in_progress");
	assert_int_equal(store_intake_status(s, done, st, &err), STORE_OK);
	assert_string_equal(st, "completed");
	/* Kept, with its answer. */
	assert_int_equal(q_int(s, "SELECT count(*) FROM answers WHERE "
	    "intake_id = ?", old), 1);
	assert_int_equal(store_abandon_stale(s, 180, &n, &err), STORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_intake_abandon(s, fresh, &err), STORE_OK);
	assert_int_equal(store_intake_status(s, fresh, st, &err), STORE_OK);
	assert_string_equal(st, "abandoned");
	store_close(s);
}

/* Begin an intake of kiosk kid from source src; its id into id. */
static void
begin_kiosk(struct store *s, const char *kid, const char *src, char *id)
{
	struct form	*f = fake_form("t", 1, "k");
	char		 hash[STORE_HASH_LEN + 1];
	char		*err = NULL;

	assert_int_equal(store_form_put(s, f, hash, &err), STORE_OK);
	assert_int_equal(store_intake_begin(s, hash, kid, "en", src, id,
	    &err), STORE_OK);
	fake_form_free(f);
}

/* The status of intake id. */
static const char *
status_of(struct store *s, const char *id)
{
	static char	 st[16];
	char		*err = NULL;

	assert_int_equal(store_intake_status(s, id, st, &err), STORE_OK);
	return st;
}

/*
 * store-claim (issue 13): a kiosk that claims its id abandons at once
 * what it left in progress when it died, and only that: not another
 * kiosk's intake, not a paper one, and nothing at all while a running
 * process holds the id (STORE_BUSY, the message naming it).
 */
static void
test_kiosk_claim(void **state)
{
	struct fixture	*fx = *state;
	struct store	*dead, *s, *other;
	char		 mine[STORE_ID_LEN + 1], theirs[STORE_ID_LEN + 1];
	char		 paper[STORE_ID_LEN + 1], *err = NULL, *lock;
	int		 n = -1;

	setenv("SMP_BUSY_TIMEOUT_MS", "50", 1);
	dead = open_ok(fx->db);
	assert_int_equal(store_kiosk_claim(dead, "lobby/1", &n, &err),
	    STORE_OK);
	assert_int_equal(n, 0);
	begin_kiosk(dead, "lobby/1", "kiosk", mine);
	begin_kiosk(dead, "lobby-2", "kiosk", theirs);
	begin_kiosk(dead, "lobby/1", "paper", paper);
	/* While it runs, a second kiosk of that id touches nothing. */
	s = open_ok(fx->db);
	assert_int_equal(store_kiosk_claim(s, "lobby/1", &n, &err),
	    STORE_BUSY);
	assert_non_null(strstr(err, "kiosk 'lobby/1' is running already"));
	free(err);
	err = NULL;
	assert_string_equal(status_of(s, mine), "in_progress");
	/* The lock file stays in the database's folder, private. */
	lock = xasprintf("%s-kiosk-lobby%%2F1.lock", fx->db);
	assert_int_equal(mode_of(lock), 0600);
	free(lock);
	/* It dies (its handle and lock go); the next claim abandons. */
	store_close(dead);
	assert_int_equal(store_kiosk_claim(s, "lobby/1", &n, &err), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(status_of(s, mine), "abandoned");
	assert_string_equal(status_of(s, theirs), "in_progress");
	assert_string_equal(status_of(s, paper), "in_progress");
	assert_int_equal(q_int(s, "SELECT count(*) FROM audit WHERE action = "
	    "'abandon' AND detail = ?", "kiosk lobby/1 stopped with 1 intake "
	    "in progress: abandoned"), 1);
	/* Another kiosk id is a claim of its own. */
	other = open_ok(fx->db);
	assert_int_equal(store_kiosk_claim(other, "lobby-3", &n, &err),
	    STORE_OK);
	assert_int_equal(n, 0);
	store_close(other);
	store_close(s);
	unsetenv("SMP_BUSY_TIMEOUT_MS");
}

/*
 * store-moved (issue 13): once the file open is no longer the one at its
 * path (deleted, moved away, replaced by another), every write is refused
 * with STORE_MOVED naming the path, and nothing is said to be saved; a
 * store opened again at the path writes there.
 */
static void
test_moved(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s, *t;
	char		 id[STORE_ID_LEN + 1], id2[STORE_ID_LEN + 1];
	char		*err = NULL, *away, *other;
	int		 how, n;

	away = xasprintf("%s.away", fx->db);
	other = xasprintf("%s/other.db", fx->dir);
	for (how = 0; how < 3; how++) {
		s = open_ok(fx->db);
		begin_one(s, "f", id);
		assert_int_equal(store_answer_put(s, id, "age", "30", &err),
		    STORE_OK);
		if (how == 0)		/* deleted */
			assert_int_equal(unlink(fx->db), 0);
		else if (how == 1)	/* moved away */
			assert_int_equal(rename(fx->db, away), 0);
		else {			/* replaced by another database */
			t = open_ok(other);
			store_close(t);
			assert_int_equal(rename(other, fx->db), 0);
		}
		assert_int_equal(store_answer_put(s, id, "age", "31", &err),
		    STORE_MOVED);
		assert_non_null(strstr(err, fx->db));
		assert_non_null(strstr(err, "deleted, moved or replaced"));
		free(err);
		err = NULL;
		assert_int_equal(complete_band(s, id, 1, NULL, NULL, 0,
		    &err), STORE_MOVED);
		free(err);
		err = NULL;
		assert_int_equal(store_intake_begin(s, "x", "k", "en", "kiosk",
		    id2, &err), STORE_MOVED);
		free(err);
		err = NULL;
		assert_int_equal(store_kiosk_claim(s, "k", &n, &err),
		    STORE_MOVED);
		free(err);
		err = NULL;
		assert_int_equal(store_exit_status(STORE_MOVED), 74);
		store_close(s);
		/* What the WAL held went into the file it belonged to, not
		   to whatever is at the path now. */
		if (how == 1) {
			t = open_ok(away);
			assert_int_equal(q_int(t, "SELECT count(*) FROM "
			    "answers WHERE value = ?", "30"), 1);
			store_close(t);
		}
		/* Opened again at the path: a database that works. */
		s = open_ok(fx->db);
		begin_one(s, "f", id2);
		assert_int_equal(store_answer_put(s, id2, "age", "32", &err),
		    STORE_OK);
		store_close(s);
		unlink(fx->db);
		unlink(away);
	}
	free(away);
	free(other);
}

/* Does the file at path contain needle? */
static int
file_has(const char *path, const char *needle)
{
	char	*buf, *err = NULL;
	size_t	 len, n = strlen(needle), i;
	int	 found = 0;

	buf = file_read(path, 64u << 20, &len, &err);
	if (buf == NULL) {
		free(err);
		return 0;
	}
	for (i = 0; i + n <= len && !found; i++)
		found = memcmp(buf + i, needle, n) == 0;
	free(buf);
	return found;
}

/* Does the database or its WAL contain needle? */
static int
db_has(const char *db, const char *needle)
{
	char	*wal = xasprintf("%s-wal", db);
	int	 found;

	found = file_has(db, needle) || file_has(wal, needle);
	free(wal);
	return found;
}

/* Erase leaves no byte of the answers in the files, but an audit trail. */
static void
test_erase(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s;
	struct intake_line line = { "flag", "k", 0, "Flag QWERTY-line-text" };
	char		 id[STORE_ID_LEN + 1], keep[STORE_ID_LEN + 1];
	char		*err = NULL, *wal;
	int		 i;

	s = open_ok(fx->db);
	begin_one(s, "f", id);
	begin_one(s, "f", keep);
	for (i = 0; i < 3; i++)		/* several versions in the WAL */
		assert_int_equal(store_answer_put(s, id, "name",
		    i < 2 ? "ZQXJ-Old-Name" : "ZQXJ-Distinct-Name", &err),
		    STORE_OK);
	assert_int_equal(store_answer_put(s, id, "note", "ZQXJ-Note", &err),
	    STORE_OK);
	assert_int_equal(store_answer_put(s, keep, "name", "Kept-Value",
	    &err), STORE_OK);
	assert_int_equal(complete_band(s, id, 1, NULL, &line, 1,
	    &err), STORE_OK);
	/* Checkpoint once so the values are in the main file too. */
	assert_int_equal(sqlite3_wal_checkpoint_v2(db_of(s), NULL,
	    SQLITE_CHECKPOINT_PASSIVE, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_answer_put(s, keep, "x", "y", &err), STORE_OK);
	assert_true(db_has(fx->db, "ZQXJ-Distinct-Name"));
	assert_true(db_has(fx->db, "QWERTY-line-text"));
	assert_int_equal(store_erase(s, id, "staff", &err), STORE_OK);
	assert_false(db_has(fx->db, "ZQXJ"));
	assert_false(db_has(fx->db, "QWERTY"));
	assert_true(db_has(fx->db, "Kept-Value"));
	wal = xasprintf("%s-wal", fx->db);
	assert_true(mode_of(wal) < 0 || file_has(wal, "ZQXJ") == 0);
	free(wal);
	assert_int_equal(q_int(s, "SELECT count(*) FROM intakes WHERE id = ?",
	    id), 0);
	assert_int_equal(q_int(s, "SELECT count(*) FROM answers", NULL), 2);
	assert_int_equal(q_int(s, "SELECT count(*) FROM audit WHERE action = "
	    "'erase' AND detail = ? AND actor = 'staff'", id), 1);
	assert_int_equal(store_erase(s, id, "staff", &err), STORE_NOTFOUND);
	assert_non_null(strstr(err, id));
	assert_int_equal(store_exit_status(STORE_NOTFOUND), 66);
	free(err);
	store_close(s);
	assert_false(db_has(fx->db, "ZQXJ"));
}

/* Set PRAGMA user_version of the database at path. */
static void
set_user_version(const char *path, int v)
{
	sqlite3	*db;
	char	*sql = xasprintf("PRAGMA user_version = %d", v);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(sql);
}

/* Fill a database at path with n completed intakes of form source;
   ids[i] receive them. */
static void
fill(const char *path, const char *source, int n,
    char ids[][STORE_ID_LEN + 1])
{
	struct store		*s = open_ok(path);
	struct intake_line	 l = { "flag", "c", 0, "t" };
	char			*err = NULL;
	int			 i;

	for (i = 0; i < n; i++) {
		begin_one(s, source, ids[i]);
		assert_int_equal(store_answer_put(s, ids[i], "q1", "a", &err),
		    STORE_OK);
		assert_int_equal(store_answer_put(s, ids[i], "q2", "b", &err),
		    STORE_OK);
		assert_int_equal(complete_band(s, ids[i], 5, "b", &l, 1,
		    &err), STORE_OK);
	}
	store_close(s);
}

/* A file of this schema keeps its own outcome, re-check date and
   internal score through a merge (it is not derived again). */
static void
test_merge_outcome(void **state)
{
	struct fixture			*fx = *state;
	struct store_merge_counts	 c;
	struct store			*s;
	struct intake_outcome		 o;
	struct intake_line		 l = { "stop", "late", 0, "t" };
	char				 id[STORE_ID_LEN + 1], *other, *v;
	char				*err = NULL;

	other = xasprintf("%s/other.db", fx->dir);
	s = open_ok(other);
	begin_one(s, "form v3", id);
	memset(&o, 0, sizeof(o));
	o.outcome = "deferred";
	o.recheck = "2026-09-30";
	o.note = "once healed";
	assert_int_equal(store_intake_complete(s, id, &o, &l, 1, &err),
	    STORE_OK);
	store_close(s);
	s = open_ok(fx->db);
	assert_int_equal(store_merge(s, other, &c, &err), STORE_OK);
	assert_int_equal(c.intakes, 1);
	v = outcome_of(s, id);
	assert_string_equal(v, "deferred|-|-|-|once healed");
	free(v);
	v = q_text(s, "SELECT recheck FROM intakes WHERE id = ?", id);
	assert_string_equal(v, "2026-09-30");
	free(v);
	store_close(s);
	free(other);
}

/* Merging brings in new intakes with their form; twice adds nothing. */
static void
test_merge(void **state)
{
	struct fixture			*fx = *state;
	struct store_merge_counts	 c;
	struct store			*s;
	char				 a[2][STORE_ID_LEN + 1];
	char				 b[3][STORE_ID_LEN + 1];
	char				*other, *err = NULL, *v;

	other = xasprintf("%s/other.db", fx->dir);
	fill(fx->db, "form v1", 2, a);
	fill(other, "form v2", 3, b);
	s = open_ok(fx->db);
	assert_int_equal(store_merge(s, other, &c, &err), STORE_OK);
	assert_int_equal(c.intakes, 3);
	assert_int_equal(c.present, 0);
	assert_int_equal(c.forms, 1);
	assert_int_equal(c.answers, 6);
	assert_int_equal(c.lines, 3);
	assert_int_equal(q_int(s, "SELECT count(*) FROM intakes", NULL), 5);
	v = codes_of(s, b[2]);
	assert_string_equal(v, "|c|");
	free(v);
	v = q_text(s, "SELECT group_concat(source, '|') FROM (SELECT source "
	    "FROM forms ORDER BY source)", NULL);
	assert_string_equal(v, "form v1|form v2");
	free(v);
	assert_int_equal(q_int(s, "SELECT count(*) FROM intakes i JOIN forms "
	    "f ON f.hash = i.form_hash WHERE i.id = ? AND f.source = "
	    "'form v2'", b[1]), 1);
	assert_int_equal(store_merge(s, other, &c, &err), STORE_OK);
	assert_int_equal(c.intakes, 0);
	assert_int_equal(c.present, 3);
	assert_int_equal(c.forms, 0);
	assert_int_equal(c.answers, 0);
	assert_int_equal(q_int(s, "SELECT count(*) FROM answers", NULL), 10);
	assert_int_equal(store_merge(s, fx->db, &c, &err), STORE_ERR);
	assert_non_null(strstr(err, "itself"));
	free(err);
	err = NULL;
	v = xasprintf("%s/none.db", fx->dir);
	assert_int_equal(store_merge(s, v, &c, &err), STORE_NOTFOUND);
	free(err);
	err = NULL;
	free(v);
	/* An intake erased here is never brought back by a merge. */
	assert_int_equal(store_erase(s, b[0], "staff", &err), STORE_OK);
	assert_int_equal(store_merge(s, other, &c, &err), STORE_OK);
	assert_int_equal(c.intakes, 0);
	assert_int_equal(c.erased, 1);
	assert_int_equal(c.present, 2);
	assert_int_equal(q_int(s, "SELECT count(*) FROM intakes WHERE id = ?",
	    b[0]), 0);
	/* A kiosk still at schema 1: merged, codes derived, file as it was. */
	v = xasprintf("%s/v1.db", fx->dir);
	make_v1(v, "m-");
	assert_int_equal(store_merge(s, v, &c, &err), STORE_OK);
	assert_int_equal(c.intakes, 3);
	assert_int_equal(c.lines, 7);
	check_v1_codes(s, "m-");
	check_v1_outcomes(s, "m-");
	store_close(s);
	s = open_ok(v);		/* now it upgrades: it was left at 1 */
	assert_int_equal(q_int(s, "PRAGMA user_version", NULL), 3);
	store_close(s);
	free(v);
	s = open_ok(fx->db);
	/* A newer database is refused before anything is copied. */
	set_user_version(other, 4);
	assert_int_equal(store_merge(s, other, &c, &err), STORE_NEWER);
	assert_non_null(strstr(err, "schema 4"));
	free(err);
	assert_int_equal(q_int(s, "SELECT count(*) FROM intakes", NULL), 7);
	store_close(s);
	free(other);
}

/* Erase while another process reads: erased, but STORE_BUSY says a copy
   stays in the WAL until the next checkpoint, which clears it. */
static void
test_erase_busy(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s;
	sqlite3		*rd;
	sqlite3_stmt	*st;
	char		 id[STORE_ID_LEN + 1], *err = NULL;

	setenv("SMP_BUSY_TIMEOUT_MS", "50", 1);
	s = open_ok(fx->db);
	unsetenv("SMP_BUSY_TIMEOUT_MS");
	begin_one(s, "f", id);
	assert_int_equal(store_answer_put(s, id, "name", "ZQXJ-Busy", &err),
	    STORE_OK);
	assert_int_equal(sqlite3_open(fx->db, &rd), SQLITE_OK);
	assert_int_equal(sqlite3_exec(rd, "BEGIN", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(rd, "SELECT count(*) FROM answers",
	    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);	/* a snapshot */
	assert_int_equal(store_erase(s, id, "staff", &err), STORE_BUSY);
	assert_non_null(strstr(err, "erased"));
	assert_non_null(strstr(err, "run erase"));
	free(err);
	err = NULL;
	assert_int_equal(q_int(s, "SELECT count(*) FROM answers", NULL), 0);
	/* Still held: erasing again says busy again. */
	assert_int_equal(store_erase_again(s, id, &err), STORE_BUSY);
	free(err);
	err = NULL;
	sqlite3_finalize(st);
	sqlite3_exec(rd, "COMMIT", NULL, NULL, NULL);
	/* Let go (but still open, as an idle kiosk): now it clears. */
	assert_true(db_has(fx->db, "ZQXJ"));
	assert_int_equal(store_erase_again(s, id, &err), STORE_OK);
	assert_false(db_has(fx->db, "ZQXJ"));
	assert_int_equal(store_erase_again(s, "ffffffff-0000-4000-8000-"
	    "000000000000", &err), STORE_NOTFOUND);
	sqlite3_close(rd);
	store_close(s);
}

/* Collect audit entries as "actor action detail;" into a strbuf. */
static int
audit_cb(void *ctx, const struct store_audit_entry *e)
{
	strbuf_addf(ctx, "%s %s %s;", e->actor, e->action, e->detail);
	return 0;
}

/* The audit log keeps entries in order and filters by time. */
static void
test_audit(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s;
	struct strbuf	 sb;
	char		*err = NULL;

	s = open_ok(fx->db);
	assert_int_equal(store_audit(s, "ann", "export", "12 intakes", &err),
	    STORE_OK);
	assert_int_equal(store_audit(s, "bob", "erase", "id-1", &err),
	    STORE_OK);
	strbuf_init(&sb);
	assert_int_equal(store_audit_each(s, NULL, NULL, audit_cb, &sb,
	    &err), STORE_OK);
	assert_string_equal(sb.s, "ann export 12 intakes;bob erase id-1;");
	strbuf_reset(&sb);
	assert_int_equal(store_audit_each(s, "2000-01-01", "2000-01-02",
	    audit_cb, &sb, &err), STORE_OK);
	assert_string_equal(sb.s, "");
	assert_int_equal(store_audit_each(s, "2000-01-01", "9999-01-01",
	    audit_cb, &sb, &err), STORE_OK);
	assert_int_equal(sb.len, 37);
	strbuf_done(&sb);
	setenv("SMP_STAFF", "carol", 1);
	assert_string_equal(store_actor(), "carol");
	unsetenv("SMP_STAFF");
	store_close(s);
}

/* Another connection's exclusive lock gives STORE_BUSY (exit 75) after
   the busy timeout. */
static void
test_busy(void **state)
{
	struct fixture	*fx = *state;
	struct store	*s;
	sqlite3		*db;
	char		 id[STORE_ID_LEN + 1], *err = NULL;

	setenv("SMP_BUSY_TIMEOUT_MS", "50", 1);
	s = open_ok(fx->db);
	begin_one(s, "f", id);
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(store_answer_put(s, id, "age", "1", &err),
	    STORE_BUSY);
	assert_non_null(strstr(err, "locked"));
	assert_non_null(strstr(err, fx->db));
	free(err);
	assert_int_equal(store_exit_status(STORE_BUSY), 75);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(store_answer_put(s, id, "age", "1", &err), STORE_OK);
	store_close(s);
	unsetenv("SMP_BUSY_TIMEOUT_MS");
}

/* Exit statuses of the remaining codes. */
static void
test_exit_status(void **state)
{
	(void)state;
	assert_int_equal(store_exit_status(STORE_OK), 0);
	assert_int_equal(store_exit_status(STORE_FULL), 74);
	assert_int_equal(store_exit_status(STORE_IOERR), 74);
	assert_int_equal(store_exit_status(STORE_READONLY), 73);
	assert_int_equal(store_exit_status(STORE_CORRUPT), 65);
	assert_int_equal(store_exit_status(STORE_ERR), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_modes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_open_missing, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_empty, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v2, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v1, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_newer_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_corrupt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_background_check, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_form_put, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_complete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_abandon_stale, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_kiosk_claim, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_moved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erase, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erase_busy, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_merge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge_outcome, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_audit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy, setup, teardown),
		cmocka_unit_test(test_exit_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
