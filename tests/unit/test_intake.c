/*
 * test_intake.c: the intake glue over forms/minimal.form and a temporary
 * database: each answer and acknowledgement is in the store as soon as it
 * is given, hidden answers are cleared at completion, the stored result is
 * the score's, store failures reach the engine, and batch answers report
 * every problem.
 */
#include <sys/stat.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/sqlite.h"
#include "engine/answers.h"
#include "base/date.h"
#include "base/diag.h"
#include "engine/intake.h"
#include "form/form_load.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"

/* The SQLite connection of an open store, to look inside. */
static sqlite3 *
db_of(struct store *s)
{
	return sqlite_of(s)->db;
}

/* Per test: the form, a database in a temporary folder, an intake. */
struct fixture {
	char		 dir[64];	/* mkdtemp folder */
	char		*db;		/* its database */
	struct form	*f;		/* forms/minimal.form */
	struct store	*s;
	struct intake	*in;
	char		 hash[STORE_HASH_LEN + 1];	/* the form's */
};

/* Load the form, open the store, begin an intake in Spanish. */
static int
setup(void **state)
{
	struct fixture		*fx = xcalloc(1, sizeof(*fx));
	struct diag		*d = diag_new("forms/minimal.form", 20);
	struct intake_store	 port;
	char			*err = NULL;

	snprintf(fx->dir, sizeof(fx->dir), "/tmp/test_intake.XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	fx->db = xasprintf("%s/intake.db", fx->dir);
	fx->f = form_load("forms/minimal.form", FORM_NO_ART, d, NULL);
	diag_free(d);
	if (fx->f == NULL || store_open(fx->db, 0, &fx->s, &err) != STORE_OK)
		goto fail;
	store_intake_port(fx->s, &port);
	if (store_form_put(fx->s, fx->f, fx->hash, &err) != STORE_OK ||
	    intake_begin(&port, fx->f, fx->hash, 1, date_from_ymd(2026, 6, 15),
	    "lobby-1", "kiosk", &fx->in, &err) != STORE_OK)
		goto fail;
	*state = fx;
	return 0;
fail:
	fprintf(stderr, "setup: %s\n", err != NULL ? err : "no form");
	return -1;
}

/* Free everything and remove the folder. */
static int
teardown(void **state)
{
	struct fixture	*fx = *state;
	char		*cmd;

	intake_free(fx->in);
	store_close(fx->s);
	form_free(fx->f);
	cmd = xasprintf("rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", fx->dir);
	free(cmd);
	free(fx->db);
	free(fx);
	return 0;
}

/* The stored value of question q of the fixture's intake, or NULL;
   caller frees. */
static char *
stored(struct fixture *fx, const char *q)
{
	sqlite3_stmt	*st;
	char		*v = NULL;

	assert_int_equal(sqlite3_prepare_v2(db_of(fx->s), "SELECT value FROM "
	    "answers WHERE intake_id = ? AND question = ?", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, intake_id(fx->in), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, q, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

/* Assert the stored value of q (NULL: no answer). */
static void
assert_stored(struct fixture *fx, const char *q, const char *want)
{
	char	*v = stored(fx, q);

	if (want == NULL)
		assert_null(v);
	else {
		assert_non_null(v);
		assert_string_equal(v, want);
	}
	free(v);
}

/* Answer q with input, expecting success. */
static void
answer(struct fixture *fx, const char *q, const char *input)
{
	char	*msg = NULL;
	int	 rc;

	rc = engine_answer(intake_engine(fx->in), form_question(fx->f, q),
	    input, &msg);
	if (rc != ENGINE_OK)
		fail_msg("answer %s=%s: %s", q, input, msg);
}

/* Give a complete, valid set of answers. */
static void
answer_all(struct fixture *fx)
{
	char	*msg = NULL;

	assert_int_equal(engine_ack(intake_engine(fx->in), &fx->f->screens[0],
	    true, &msg), ENGINE_OK);
	answer(fx, "name", "Ana");
	answer(fx, "birth_date", "1990-04-02");
	answer(fx, "pattern", "male");
	answer(fx, "stage", "5");
	answer(fx, "keloid", "yes");
	answer(fx, "goals", "hairline;density");
}

/* Every answer and ack is in the store as soon as it is given. */
static void
test_saved_at_once(void **state)
{
	struct fixture	*fx = *state;
	char		*msg = NULL;

	assert_int_equal(strlen(intake_id(fx->in)), STORE_ID_LEN);
	answer(fx, "name", "Ana  ");
	assert_stored(fx, "name", "Ana");	/* canonical: trimmed */
	answer(fx, "weight", "80,5");
	assert_stored(fx, "weight", "80.5");
	answer(fx, "goals", "hairline;density;density");
	assert_stored(fx, "goals", "density;hairline");
	assert_int_equal(engine_ack(intake_engine(fx->in), &fx->f->screens[0],
	    true, &msg), ENGINE_OK);
	assert_stored(fx, "welcome", "agreed");
	answer(fx, "weight", "");
	assert_stored(fx, "weight", NULL);
}

/* Completion clears hidden answers and stores the score's result. */
static void
test_complete(void **state)
{
	struct fixture			*fx = *state;
	const struct score_result	*res = NULL;
	sqlite3_stmt			*st;
	char				*err = NULL, st_buf[16];
	size_t				 n = 0;

	answer_all(fx);
	answer(fx, "pattern", "female");	/* hides stage */
	assert_stored(fx, "stage", "5");	/* kept while hidden */
	assert_int_equal(intake_complete(fx->in, &res, &err), STORE_OK);
	assert_non_null(res);
	assert_stored(fx, "stage", NULL);
	assert_int_equal(store_intake_status(fx->s, intake_id(fx->in), st_buf,
	    &err), STORE_OK);
	assert_string_equal(st_buf, "completed");
	assert_int_equal(sqlite3_prepare_v2(db_of(fx->s), "SELECT kind, code, "
	    "points, text, (SELECT score || band || lang FROM intakes) FROM "
	    "result_lines ORDER BY seq", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char	*code = score_line_code(&res->lines[n]);
		char	*text = score_line_text(&res->lines[n], 0);
		char	*meta = xasprintf("%d%s%s", res->score,
		    res->band->id, "es");

		assert_true(n < res->nlines);
		assert_string_equal(sqlite3_column_text(st, 0),
		    score_kind_name(res->lines[n].kind));
		assert_string_equal(sqlite3_column_text(st, 1), code);
		assert_int_equal(sqlite3_column_int(st, 2),
		    res->lines[n].points);
		assert_string_equal(sqlite3_column_text(st, 3), text);
		assert_string_equal(sqlite3_column_text(st, 4), meta);
		free(code);
		free(text);
		free(meta);
		n++;
	}
	sqlite3_finalize(st);
	assert_int_equal(n, res->nlines);
	assert_true(n >= 3);	/* points, flag, recommendation */
	/* Text in the form's first language (English) for staff, though
	   the client answered in Spanish. */
	assert_int_equal(sqlite3_prepare_v2(db_of(fx->s), "SELECT count(*) "
	    "FROM result_lines WHERE text LIKE '%Layered density%'", -1, &st,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
}

/* An incomplete intake is not completed; the answers stay. */
static void
test_incomplete(void **state)
{
	struct fixture	*fx = *state;
	char		*err = NULL, st_buf[16];

	answer(fx, "name", "Ana");
	assert_int_equal(intake_complete(fx->in, NULL, &err), STORE_ERR);
	assert_non_null(strstr(err, "not complete"));
	free(err);
	assert_int_equal(store_intake_status(fx->s, intake_id(fx->in), st_buf,
	    NULL), STORE_OK);
	assert_string_equal(st_buf, "in_progress");
	assert_stored(fx, "name", "Ana");
	assert_int_equal(intake_abandon(fx->in, &err), STORE_OK);
	assert_int_equal(store_intake_status(fx->s, intake_id(fx->in), st_buf,
	    NULL), STORE_OK);
	assert_string_equal(st_buf, "abandoned");
	assert_stored(fx, "name", "Ana");
}

/* A store failure reaches the engine: the answer is not taken. */
static void
test_sink_failure(void **state)
{
	struct fixture	*fx = *state;
	sqlite3		*other;
	char		*msg = NULL;
	int		 rc;

	answer(fx, "name", "Ana");
	sqlite3_busy_timeout(db_of(fx->s), 10);
	assert_int_equal(sqlite3_open(fx->db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL,
	    NULL), SQLITE_OK);
	rc = engine_answer(intake_engine(fx->in), form_question(fx->f, "name"),
	    "Bea", &msg);
	assert_int_equal(rc, ENGINE_SINK);
	assert_non_null(strstr(msg, "locked"));
	free(msg);
	assert_int_equal(intake_store_rc(fx->in), STORE_BUSY);
	/* The engine undid the change. */
	assert_string_equal(engine_value(intake_engine(fx->in),
	    form_question(fx->f, "name")), "Ana");
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	assert_stored(fx, "name", "Ana");
}

/*
 * intake-resave (issue 13): the store lost, the intake detaches (every
 * call through the old port is refused, nothing reaches a closed store),
 * keeps its answers, and saves them all, acknowledgement too, as a new
 * intake in another database, in its language; then it completes there.
 */
static void
test_resave(void **state)
{
	struct fixture		*fx = *state;
	struct intake_store	 port;
	char			*err = NULL, old[STORE_ID_LEN + 1];
	char			*db2 = xasprintf("%s/other.db", fx->dir);
	char			 st_buf[16];

	answer_all(fx);
	strcpy(old, intake_id(fx->in));
	intake_detach(fx->in);
	assert_int_equal(intake_abandon(fx->in, &err), -1);
	assert_non_null(strstr(err, "no database"));
	free(err);
	err = NULL;
	store_close(fx->s);
	assert_int_equal(store_open(db2, 0, &fx->s, &err), STORE_OK);
	assert_int_equal(store_form_put(fx->s, fx->f, fx->hash, &err),
	    STORE_OK);
	store_intake_port(fx->s, &port);
	assert_int_equal(intake_resave(fx->in, &port, fx->hash, "lobby-1",
	    "kiosk", &err), 0);
	assert_string_not_equal(intake_id(fx->in), old);
	assert_stored(fx, "name", "Ana");
	assert_stored(fx, "goals", "density;hairline");
	assert_stored(fx, "welcome", "agreed");
	assert_int_equal(intake_complete(fx->in, NULL, &err), STORE_OK);
	assert_int_equal(store_intake_status(fx->s, intake_id(fx->in), st_buf,
	    &err), STORE_OK);
	assert_string_equal(st_buf, "completed");
	free(db2);
}

/* Batch answers: applied in form order, every problem reported. */
static void
test_apply_answers(void **state)
{
	static const char good[] = "question,value\n"
	    "goals,density\nwelcome,agreed\nname,Ana\n"
	    "birth_date,1990-04-02\npattern,none\nkeloid,no\nstage,3\n";
	static const char bad[] = "question,value\n"
	    "name,Ana1\nname,Ana\nbogus,1\nwelcome,maybe\n";
	static const char noack[] = "question,value\n"
	    "welcome,\nname,Ana\nbirth_date,1990-04-02\npattern,none\n"
	    "keloid,no\n";
	struct fixture	*fx = *state;
	struct answers	 a;
	struct strbuf	 probs, warns;
	struct engine	*e;
	char		*err = NULL;

	strbuf_init(&probs);
	strbuf_init(&warns);
	e = engine_new(fx->f, 0, date_from_ymd(2026, 6, 15), NULL);
	assert_int_equal(answers_parse("good.csv", good, sizeof(good) - 1, &a,
	    &err), ANSWERS_OK);
	assert_int_equal(intake_apply_answers(e, &a, "good.csv", &probs,
	    &warns), 0);
	assert_string_equal(probs.s, "");
	assert_non_null(strstr(warns.s, "good.csv:8: ignored: 'stage'"));
	answers_done(&a);
	engine_free(e);
	e = engine_new(fx->f, 0, date_from_ymd(2026, 6, 15), NULL);
	assert_int_equal(answers_parse("bad.csv", bad, sizeof(bad) - 1, &a,
	    &err), ANSWERS_OK);
	assert_int_equal(intake_apply_answers(e, &a, "bad.csv", &probs, NULL),
	    7);
	assert_non_null(strstr(probs.s, "bad.csv:4: unknown question "
	    "'bogus'\n"));
	assert_non_null(strstr(probs.s, "bad.csv:2: name: "));
	assert_non_null(strstr(probs.s, "bad.csv:3: 'name' is answered twice "
	    "(first on line 2)\n"));
	assert_non_null(strstr(probs.s, "bad.csv:5: welcome: the only value "
	    "for a screen is 'agreed'\n"));
	assert_non_null(strstr(probs.s, "bad.csv: missing required answer: "
	    "'birth_date' (Your date of birth)\n"));
	/* The bad acknowledgement row is one problem, not two. */
	assert_null(strstr(probs.s, "missing acknowledgement"));
	answers_done(&a);
	engine_free(e);
	/* An empty acknowledgement is no acknowledgement: said once, with
	   the screen's title. */
	strbuf_reset(&probs);
	e = engine_new(fx->f, 0, date_from_ymd(2026, 6, 15), NULL);
	assert_int_equal(answers_parse("ack.csv", noack, sizeof(noack) - 1,
	    &a, &err), ANSWERS_OK);
	assert_int_equal(intake_apply_answers(e, &a, "ack.csv", &probs, NULL),
	    1);
	assert_string_equal(probs.s, "ack.csv: missing acknowledgement: "
	    "'welcome' (Welcome): add the row \"welcome,agreed\"\n");
	answers_done(&a);
	engine_free(e);
	strbuf_done(&probs);
	strbuf_done(&warns);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_saved_at_once, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_complete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_incomplete, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_resave, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sink_failure, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_apply_answers, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
