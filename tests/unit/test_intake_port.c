/*
 * test_intake_port.c: a whole intake (begin, answers, completion) over
 * forms/minimal.form through an in-memory struct intake_store, with no
 * database: the engine layer needs nothing from the store but its port.
 * The fake records every call as a line of text, so each test checks
 * exactly what the port received, in order; it can also be told to fail.
 *
 * Only engine, form and base headers are included here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/date.h"
#include "base/diag.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "engine/engine.h"
#include "engine/intake.h"
#include "engine/score.h"
#include "form/form.h"
#include "form/form_load.h"

#define FAKE_ID		"00000000-0000-4000-8000-00000000f4ce"
#define FAKE_BUSY	(-2)	/* the code a failing fake returns */

/* The fake port: what it was given, and which call should fail. */
struct fake {
	struct strbuf	 log;		/* one line per call */
	const char	*fail;		/* "begin", "put", ...; NULL: none */
	int		 ncomplete;	/* complete calls */
	int		 score;		/* as completed */
	char		*band;		/* as completed, or NULL */
	struct strbuf	 lines;		/* as completed, kind|code|points|text
					   a line */
};

/* Fail with FAKE_BUSY if call is the one the test asked to fail. */
static int
fake_failing(struct fake *fk, const char *call, char **errp)
{
	if (fk->fail == NULL || strcmp(fk->fail, call) != 0)
		return 0;
	*errp = xasprintf("fake: %s refused", call);
	return FAKE_BUSY;
}

/* intake_store.begin: log the call, hand out a fixed id. */
static int
fake_begin(void *ctx, const char *form_hash, const char *kiosk_id,
    const char *lang, const char *source, char *id, char **errp)
{
	struct fake	*fk = ctx;
	int		 rc;

	strbuf_addf(&fk->log, "begin %s %s %s %s\n", form_hash, kiosk_id,
	    lang, source);
	if ((rc = fake_failing(fk, "begin", errp)) != 0)
		return rc;
	memcpy(id, FAKE_ID, INTAKE_ID_LEN + 1);
	return 0;
}

/* intake_store.put: log "put INTAKE QUESTION=VALUE" (or "-" deleted). */
static int
fake_put(void *ctx, const char *intake, const char *question,
    const char *value, char **errp)
{
	struct fake	*fk = ctx;

	strbuf_addf(&fk->log, "put %s %s=%s\n", intake, question,
	    value != NULL ? value : "-");
	return fake_failing(fk, "put", errp);
}

/* intake_store.complete: log the call, keep score, band and lines. */
static int
fake_complete(void *ctx, const char *intake,
    const struct intake_outcome *out, const struct intake_line *lines,
    size_t nlines, char **errp)
{
	struct fake	*fk = ctx;
	size_t		 i;

	strbuf_addf(&fk->log, "complete %s\n", intake);
	fk->ncomplete++;
	fk->score = out->has_score ? out->score : -1;
	free(fk->band);
	fk->band = out->band != NULL ? xstrdup(out->band) : NULL;
	strbuf_reset(&fk->lines);
	for (i = 0; i < nlines; i++)
		strbuf_addf(&fk->lines, "%s|%s|%d|%s\n", lines[i].kind,
		    lines[i].code, lines[i].points, lines[i].text);
	return fake_failing(fk, "complete", errp);
}

/* intake_store.abandon: log the call. */
static int
fake_abandon(void *ctx, const char *intake, char **errp)
{
	struct fake	*fk = ctx;

	strbuf_addf(&fk->log, "abandon %s\n", intake);
	return fake_failing(fk, "abandon", errp);
}

/* Per test: the form, the fake and its port. */
struct fixture {
	struct form		*f;
	struct fake		 fk;
	struct intake_store	 port;
};

/* Load the form; make the fake port. */
static int
setup(void **state)
{
	struct fixture	*fx = xcalloc(1, sizeof(*fx));
	struct diag	*d = diag_new("forms/minimal.form", 20);

	fx->f = form_load("forms/minimal.form", FORM_NO_ART, d, NULL);
	diag_free(d);
	if (fx->f == NULL)
		return -1;
	strbuf_init(&fx->fk.log);
	strbuf_init(&fx->fk.lines);
	fx->port.begin = fake_begin;
	fx->port.put = fake_put;
	fx->port.complete = fake_complete;
	fx->port.abandon = fake_abandon;
	fx->port.ctx = &fx->fk;
	*state = fx;
	return 0;
}

/* Free the form and the fake. */
static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	form_free(fx->f);
	strbuf_done(&fx->fk.log);
	strbuf_done(&fx->fk.lines);
	free(fx->fk.band);
	free(fx);
	return 0;
}

/* Begin an intake in Spanish through the fake port. */
static struct intake *
begin(struct fixture *fx)
{
	struct intake	*in = NULL;
	char		*err = NULL;

	assert_int_equal(intake_begin(&fx->port, fx->f, "hash-1", 1,
	    date_from_ymd(2026, 6, 15), "lobby-1", "kiosk", &in, &err), 0);
	assert_non_null(in);
	return in;
}

/* Answer q with input, expecting rc. */
static void
answer(struct intake *in, const struct form *f, const char *q,
    const char *input, int want)
{
	char	*msg = NULL;

	assert_int_equal(engine_answer(intake_engine(in), form_question(f, q),
	    input, &msg), want);
	free(msg);
}

/* A whole intake: the port gets begin, each change, then the result. */
static void
test_whole_intake(void **state)
{
	struct fixture			*fx = *state;
	const struct score_result	*res = NULL;
	struct intake			*in;
	struct strbuf			 want;
	char				*err = NULL, *code, *text;
	size_t				 i;

	in = begin(fx);
	assert_string_equal(intake_id(in), FAKE_ID);
	assert_int_equal(engine_ack(intake_engine(in), &fx->f->screens[0],
	    true, &err), ENGINE_OK);
	answer(in, fx->f, "name", "Ana  ", ENGINE_OK);
	answer(in, fx->f, "birth_date", "1990-04-02", ENGINE_OK);
	answer(in, fx->f, "pattern", "male", ENGINE_OK);
	answer(in, fx->f, "stage", "5", ENGINE_OK);
	answer(in, fx->f, "keloid", "yes", ENGINE_OK);
	answer(in, fx->f, "goals", "hairline;density", ENGINE_OK);
	/* A change that hides stage. */
	answer(in, fx->f, "pattern", "female", ENGINE_OK);
	assert_int_equal(intake_complete(in, &res, &err), 0);
	assert_non_null(res);
	/* Canonical values, as given; the hidden answer cleared at the
	   end, so what the port keeps is what counts. */
	assert_string_equal(fx->fk.log.s,
	    "begin hash-1 lobby-1 es kiosk\n"
	    "put " FAKE_ID " welcome=agreed\n"
	    "put " FAKE_ID " name=Ana\n"
	    "put " FAKE_ID " birth_date=1990-04-02\n"
	    "put " FAKE_ID " pattern=male\n"
	    "put " FAKE_ID " stage=5\n"
	    "put " FAKE_ID " keloid=yes\n"
	    "put " FAKE_ID " goals=density;hairline\n"
	    "put " FAKE_ID " pattern=female\n"
	    "put " FAKE_ID " stage=-\n"
	    "complete " FAKE_ID "\n");
	/* The result the port got is the score's, texts in the form's
	   first language. */
	assert_int_equal(fx->fk.ncomplete, 1);
	assert_int_equal(fx->fk.score, res->score);
	assert_string_equal(fx->fk.band, res->band->id);
	strbuf_init(&want);
	for (i = 0; i < res->nlines; i++) {
		code = score_line_code(&res->lines[i]);
		text = score_line_text(&res->lines[i], 0);
		strbuf_addf(&want, "%s|%s|%d|%s\n",
		    score_kind_name(res->lines[i].kind), code,
		    res->lines[i].points, text);
		free(code);
		free(text);
	}
	assert_true(res->nlines >= 3);
	assert_string_equal(fx->fk.lines.s, want.s);
	strbuf_done(&want);
	intake_free(in);
}

/* An incomplete intake never reaches complete; abandon goes through. */
static void
test_incomplete_abandoned(void **state)
{
	struct fixture	*fx = *state;
	struct intake	*in;
	char		*err = NULL;

	in = begin(fx);
	answer(in, fx->f, "name", "Ana", ENGINE_OK);
	assert_int_equal(intake_complete(in, NULL, &err), -1);
	assert_non_null(strstr(err, "not complete"));
	free(err);
	assert_int_equal(fx->fk.ncomplete, 0);
	assert_int_equal(intake_abandon(in, &err), 0);
	assert_string_equal(fx->fk.log.s,
	    "begin hash-1 lobby-1 es kiosk\n"
	    "put " FAKE_ID " name=Ana\n"
	    "abandon " FAKE_ID "\n");
	intake_free(in);
}

/* The port's failures come back with its own code and message. */
static void
test_port_failures(void **state)
{
	struct fixture	*fx = *state;
	struct intake	*in = NULL;
	char		*err = NULL, *msg = NULL;

	fx->fk.fail = "begin";
	assert_int_equal(intake_begin(&fx->port, fx->f, "hash-1", 0, 0,
	    "k", "paper", &in, &err), FAKE_BUSY);
	assert_null(in);
	assert_string_equal(err, "fake: begin refused");
	free(err);
	err = NULL;

	fx->fk.fail = NULL;
	in = begin(fx);
	answer(in, fx->f, "name", "Ana", ENGINE_OK);
	fx->fk.fail = "put";
	assert_int_equal(engine_answer(intake_engine(in),
	    form_question(fx->f, "name"), "Bea", &msg), ENGINE_SINK);
	assert_string_equal(msg, "fake: put refused");
	free(msg);
	assert_int_equal(intake_store_rc(in), FAKE_BUSY);
	/* The engine undid the change. */
	assert_string_equal(engine_value(intake_engine(in),
	    form_question(fx->f, "name")), "Ana");
	intake_free(in);
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_whole_intake, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_incomplete_abandoned,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_port_failures, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
