/* test_query.c: the read side of the store on a temporary database
   filled through the sqlite3 command-line tool with known rows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/query.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"

#define ID_A	"aaaaaaaa-0000-4000-8000-000000000001"
#define ID_B	"aaaaaaaa-0000-4000-8000-000000000002"
#define ID_C	"cccccccc-0000-4000-8000-000000000003"

static const char fill_sql[] =
    "INSERT INTO forms VALUES('h1','minimal',1,'form minimal','2026-01-01T00:00:00.000Z');\n"
    "INSERT INTO forms VALUES('h2','minimal',2,'form minimal v2','2026-02-01T00:00:00.000Z');\n"
    "INSERT INTO intakes VALUES('" ID_B "','h2','k1','en','kiosk','completed',"
    "'2026-06-10T09:00:00.000Z','2026-06-10T09:05:00.000Z','2026-06-10T09:05:00.000Z',70,'good',"
    "'minor','keloid;alopecia','','not-offered',NULL,NULL,NULL);\n"
    "INSERT INTO intakes VALUES('" ID_A "','h1','k1','es','paper','completed',"
    "'2026-06-01T09:00:00.000Z','2026-06-01T09:05:00.000Z','2026-06-01T09:05:00.000Z',20,'review',"
    "'','keloid','','review',NULL,NULL,NULL);\n"
    "INSERT INTO intakes VALUES('" ID_C "','h2','k2','en','kiosk','in_progress',"
    "'2026-06-14T23:59:59.999Z','2026-06-14T23:59:59.999Z',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);\n"
    "INSERT INTO answers VALUES('" ID_B "','name','Zoë, \"Z\"','2026-06-10T09:01:00.000Z');\n"
    "INSERT INTO answers VALUES('" ID_B "','pattern','male','2026-06-10T09:02:00.000Z');\n"
    "INSERT INTO answers VALUES('" ID_A "','pattern','female','2026-06-01T09:02:00.000Z');\n"
    "INSERT INTO answers VALUES('" ID_C "','pattern','male','2026-06-14T23:59:59.999Z');\n"
    "INSERT INTO result_lines VALUES('" ID_B "',1,'points','pattern=male',10,'Pattern: +10');\n"
    "INSERT INTO result_lines VALUES('" ID_B "',2,'stop','minor',0,'Under 18');\n"
    "INSERT INTO result_lines VALUES('" ID_B "',3,'flag','keloid',0,'Keloid');\n"
    "INSERT INTO result_lines VALUES('" ID_B "',4,'flag','alopecia',0,'Alopecia');\n"
    "INSERT INTO result_lines VALUES('" ID_A "',1,'flag','keloid',0,'Keloid');\n";

struct fixture {
	char		 dir[64];
	char		 path[96];
	struct store	*s;
};

/* A fresh database with the rows above. */
static int
setup(void **state)
{
	struct fixture	*fx = xcalloc(1, sizeof(*fx));
	char		*err = NULL, *cmd;
	FILE		*fp;
	int		 rc;

	strcpy(fx->dir, "/tmp/test_query.XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	snprintf(fx->path, sizeof(fx->path), "%s/t.db", fx->dir);
	if (store_open(fx->path, 0, &fx->s, &err) != STORE_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	store_close(fx->s);
	cmd = xasprintf("sqlite3 '%s'", fx->path);
	fp = popen(cmd, "w");
	free(cmd);
	if (fp == NULL)
		return -1;
	fputs(fill_sql, fp);
	if (pclose(fp) != 0)
		return -1;
	rc = query_open(fx->path, 0, &fx->s, &err);
	if (rc != STORE_OK)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;
	char		*cmd;

	store_close(fx->s);
	cmd = xasprintf("rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	free(fx);
	return 0;
}

/* Ids of the intakes filter f selects, joined by spaces (caller frees). */
static char *
ids(struct store *s, const struct query_filter *f, unsigned flags)
{
	struct query_cursor		*c;
	const struct query_intake	*in;
	struct strbuf			 sb;
	char				*err = NULL;
	int				 rc;

	strbuf_init(&sb);
	assert_int_equal(query_cursor_new(s, f, flags, &c, &err), STORE_OK);
	while ((rc = query_cursor_next(c, &in, &err)) > 0)
		strbuf_addf(&sb, "%s%.1s%zu ", in->id + 35, in->status,
		    in->nanswers);
	assert_int_equal(rc, 0);
	query_cursor_free(c);
	return strbuf_detach(&sb);
}

static void
test_order_and_filters(void **state)
{
	struct fixture		*fx = *state;
	struct query_filter	 f = { 0 };
	char			*got;

	setenv("TZ", "UTC", 1);
	got = ids(fx->s, &f, 0);
	assert_string_equal(got, "1c0 2c0 3i0 ");
	free(got);
	got = ids(fx->s, &f, QUERY_ANSWERS);
	assert_string_equal(got, "1c1 2c2 3i1 ");
	free(got);
	f.since = "2026-06-10";
	f.until = "2026-06-14";		/* inclusive: 23:59:59.999 counts */
	got = ids(fx->s, &f, QUERY_ANSWERS);
	assert_string_equal(got, "2c2 3i1 ");
	free(got);
	f.until = "2026-06-13";
	got = ids(fx->s, &f, 0);
	assert_string_equal(got, "2c0 ");
	free(got);
	f.since = f.until = NULL;
	f.status = "completed";
	got = ids(fx->s, &f, QUERY_ANSWERS | QUERY_LINES);
	assert_string_equal(got, "1c1 2c2 ");
	free(got);
}

static void
test_one_intake(void **state)
{
	struct fixture			*fx = *state;
	struct query_filter		 f = { 0 };
	struct query_cursor		*c;
	const struct query_intake	*in;
	char				*err = NULL;

	f.id = ID_B;
	assert_int_equal(query_cursor_new(fx->s, &f, QUERY_ANSWERS |
	    QUERY_LINES, &c, &err), STORE_OK);
	assert_int_equal(query_cursor_next(c, &in, &err), 1);
	assert_string_equal(in->form_id, "minimal");
	assert_int_equal(in->form_version, 2);
	assert_true(in->has_score);
	assert_int_equal(in->score, 70);
	assert_string_equal(in->band, "good");
	assert_int_equal(in->nanswers, 2);
	assert_string_equal(in->answers[0].question, "name");
	assert_string_equal(in->answers[0].value, "Zoë, \"Z\"");
	assert_int_equal(in->nlines, 4);
	assert_string_equal(in->lines[1].kind, "stop");
	assert_string_equal(in->lines[1].code, "minor");
	assert_int_equal(in->lines[0].points, 10);
	assert_int_equal(in->nstops, 1);
	assert_int_equal(in->nflags, 2);
	assert_int_equal(query_cursor_next(c, &in, &err), 0);
	query_cursor_free(c);
	/* Without QUERY_LINES: no lines read, counts and codes from the
	   intake row. */
	assert_int_equal(query_cursor_new(fx->s, &f, 0, &c, &err), STORE_OK);
	assert_int_equal(query_cursor_next(c, &in, &err), 1);
	assert_int_equal(in->nlines, 0);
	assert_int_equal(in->nstops, 1);
	assert_int_equal(in->nflags, 2);
	assert_string_equal(in->codes[0], "minor");
	assert_string_equal(in->codes[1], "keloid;alopecia");
	assert_string_equal(in->codes[2], "");
	query_cursor_free(c);
	/* Not completed: no codes at all. */
	f.id = ID_C;
	assert_int_equal(query_cursor_new(fx->s, &f, QUERY_BY_ID, &c, &err),
	    STORE_OK);
	assert_int_equal(query_cursor_next(c, &in, &err), 1);
	assert_null(in->codes[0]);
	assert_int_equal(in->nstops + in->nflags, 0);
	query_cursor_free(c);
}

/*
 * A completed intake with NULL codes (completed by an older smp-intake
 * after the file was upgraded): the cursor joins its codes from its
 * lines, on both read paths, so its stop still shows.
 */
static void
test_codes_fallback(void **state)
{
	struct fixture			*fx = *state;
	struct query_filter		 f = { NULL, NULL, NULL, NULL, NULL, NULL };
	struct query_cursor		*c;
	const struct query_intake	*in;
	unsigned			 flags[] = { 0, QUERY_BY_ID |
	    QUERY_ANSWERS };
	char				*err = NULL, *cmd;
	size_t				 i;

	cmd = xasprintf("sqlite3 '%s' \"UPDATE intakes SET stop_codes = NULL,"
	    " flag_codes = NULL, recommend_codes = NULL WHERE id = '%s'\"",
	    fx->path, ID_B);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	f.id = ID_B;
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		assert_int_equal(query_cursor_new(fx->s, &f, flags[i], &c,
		    &err), STORE_OK);
		assert_int_equal(query_cursor_next(c, &in, &err), 1);
		assert_string_equal(in->codes[0], "minor");
		assert_string_equal(in->codes[1], "keloid;alopecia");
		assert_string_equal(in->codes[2], "");
		assert_int_equal(in->nstops, 1);
		assert_int_equal(in->nflags, 2);
		assert_int_equal(query_cursor_next(c, &in, &err), 0);
		query_cursor_free(c);
	}
}

static void
test_resolve(void **state)
{
	struct fixture	*fx = *state;
	char		*id = NULL, *err = NULL;

	assert_int_equal(query_resolve_id(fx->s, "cccccccc", &id, &err),
	    STORE_OK);
	assert_string_equal(id, ID_C);
	free(id);
	assert_int_equal(query_resolve_id(fx->s, "CCCCCCCC-0000", &id, &err),
	    STORE_OK);
	free(id);
	assert_int_equal(query_resolve_id(fx->s, "aaaaaaaa", &id, &err),
	    STORE_ERR);
	assert_non_null(strstr(err, "several"));
	free(err);
	assert_int_equal(query_resolve_id(fx->s, "bbbbbbbb", &id, &err),
	    STORE_NOTFOUND);
	free(err);
	assert_int_equal(query_resolve_id(fx->s, "aaaa", &id, &err),
	    STORE_ERR);
	free(err);
	assert_int_equal(query_resolve_id(fx->s, "aaaaaaa'", &id, &err),
	    STORE_ERR);
	free(err);
}

/* query_forms callback: append "version hash " to the strbuf. */
static int
form_cb(void *ctx, const struct query_form *qf)
{
	strbuf_addf(ctx, "%d%s ", qf->version, qf->hash);
	return 0;
}

/* query_counts callback: append "key=count ". */
static int
count_cb(void *ctx, const char *key, const char *text, long n)
{
	strbuf_addf(ctx, "%s%s%s=%ld ", key, text ? ":" : "", text ? text : "",
	    n);
	return 0;
}

static void
test_forms_counts(void **state)
{
	struct fixture		*fx = *state;
	struct query_filter	 f = { 0 };
	struct strbuf		 sb;
	char			*src, *err = NULL;
	size_t			 len;
	bool			 yes;

	strbuf_init(&sb);
	assert_int_equal(query_forms(fx->s, &f, form_cb, &sb, &err), 0);
	assert_string_equal(sb.s, "2h2 1h1 ");
	strbuf_reset(&sb);
	f.until = "2026-06-05";
	assert_int_equal(query_forms(fx->s, &f, form_cb, &sb, &err), 0);
	assert_string_equal(sb.s, "1h1 ");
	f.until = NULL;
	assert_int_equal(query_form_source(fx->s, "h2", &src, &len, &err),
	    STORE_OK);
	assert_string_equal(src, "form minimal v2");
	assert_int_equal(len, 15);
	free(src);
	assert_int_equal(query_form_source(fx->s, "zz", &src, &len, &err),
	    STORE_NOTFOUND);
	free(err);
	strbuf_reset(&sb);
	assert_int_equal(query_counts(fx->s, &f, QC_STATUS, NULL, count_cb,
	    &sb, &err), 0);
	assert_string_equal(sb.s, "completed=2 in_progress=1 ");
	strbuf_reset(&sb);
	assert_int_equal(query_counts(fx->s, &f, QC_BAND, NULL, count_cb,
	    &sb, &err), 0);
	assert_string_equal(sb.s, "=1 good=1 review=1 ");
	strbuf_reset(&sb);
	assert_int_equal(query_counts(fx->s, &f, QC_ANSWER, "pattern",
	    count_cb, &sb, &err), 0);
	assert_string_equal(sb.s, "male=2 female=1 ");
	strbuf_reset(&sb);
	assert_int_equal(query_counts(fx->s, &f, QC_FLAG, NULL, count_cb,
	    &sb, &err), 0);
	assert_string_equal(sb.s, "keloid:Keloid=2 alopecia:Alopecia=1 ");
	assert_int_equal(query_has_question(fx->s, "pattern", &yes, &err), 0);
	assert_true(yes);
	assert_int_equal(query_has_question(fx->s, "norwood", &yes, &err), 0);
	assert_false(yes);
	strbuf_done(&sb);
}

static void
test_filter_check(void **state)
{
	struct query_filter	 f = { 0 };
	char			*err = NULL;

	(void)state;
	assert_int_equal(query_filter_check(&f, &err), 0);
	f.since = "2026-02-30";
	assert_int_equal(query_filter_check(&f, &err), -1);
	free(err);
	f.since = "2026-06-20";
	f.until = "2026-06-01";
	assert_int_equal(query_filter_check(&f, &err), -1);
	free(err);
	f.since = f.until = NULL;
	f.status = "done";
	assert_int_equal(query_filter_check(&f, &err), -1);
	free(err);
	f.status = "abandoned";
	assert_int_equal(query_filter_check(&f, &err), 0);
}

static void
test_open_missing(void **state)
{
	struct store	*s;
	char		*err = NULL;

	(void)state;
	assert_int_equal(query_open("/nonexistent/x.db", 0, &s, &err),
	    STORE_NOTFOUND);
	assert_null(s);
	free(err);
	assert_int_equal(access("/nonexistent/x.db", F_OK), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_order_and_filters, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_one_intake, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_codes_fallback, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_resolve, setup, teardown),
		cmocka_unit_test_setup_teardown(test_forms_counts, setup,
		    teardown),
		cmocka_unit_test(test_filter_check),
		cmocka_unit_test(test_open_missing),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
