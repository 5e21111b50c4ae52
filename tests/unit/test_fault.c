/*
 * test_fault.c: a store failure under the kiosk without a terminal
 * (issue 13): the client sees only "please ask a member of staff", never
 * the store's words, cannot leave it, idle time does not abandon the
 * answers; the PIN opens the staff side, which shows the words; idle time
 * closes the staff side back to the client's screen; Enter saves the
 * answers to the database staff chose and the client carries on where
 * they were.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/utf8.h"
#include "base/xmalloc.h"
#include "form/form.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "ui/kiosk.h"
#include "kfix.h"

#define TEST_FORM	"tests/e2e/forms/kiosk-test.form"
#define PIN		"2468"
#define STORE_WORDS	"/secret/lost.db: the database file was deleted"

/* A kiosk whose store can be made to fail. */
struct fixture {
	struct kfix	 b;		/* folder, database, form, options;
					   b.port: the store's, behind a
					   switch */
	char		*db2;		/* staff's choice of a new database */
	struct intake_store real;	/* the store's own */
	struct kiosk	*k;
	double		 now;
	bool		 fail;		/* every save fails */
	char		*screen;
};

/* intake_store.put: the store's, unless fail. */
static int
flaky_put(void *ctx, const char *intake, const char *question,
    const char *value, char **errp)
{
	struct fixture	*fx = ctx;

	if (fx->fail) {
		*errp = xstrdup(STORE_WORDS ", moved or replaced while open "
		    "(SQLite said so)");
		return STORE_MOVED;
	}
	return fx->real.put(fx->real.ctx, intake, question, value, errp);
}

/* intake_store.begin, .complete, .abandon: the store's. */
static int
flaky_begin(void *ctx, const char *form_hash, const char *kiosk_id,
    const char *lang, const char *source, char *id, char **errp)
{
	struct fixture	*fx = ctx;

	return fx->real.begin(fx->real.ctx, form_hash, kiosk_id, lang,
	    source, id, errp);
}

static int
flaky_complete(void *ctx, const char *intake,
    const struct intake_outcome *out, const struct intake_line *lines,
    size_t nlines, char **errp)
{
	struct fixture	*fx = ctx;

	return fx->real.complete(fx->real.ctx, intake, out, lines, nlines,
	    errp);
}

static int
flaky_abandon(void *ctx, const char *intake, char **errp)
{
	struct fixture	*fx = ctx;

	return fx->real.abandon(fx->real.ctx, intake, errp);
}

/* Point the switch port at store s. */
static void
fixture_port(struct fixture *fx, struct store *s)
{
	store_intake_port(s, &fx->real);
	fx->b.port.begin = flaky_begin;
	fx->b.port.put = flaky_put;
	fx->b.port.complete = flaky_complete;
	fx->b.port.abandon = flaky_abandon;
	fx->b.port.ctx = fx;
}

/* ui_opts.reopen: close the store, open path, carry on there. */
static int
fake_reopen(void *ctx, const char *path, char **errp)
{
	struct fixture	*fx = ctx;

	store_close(fx->b.s);
	fx->b.s = fx->b.o.store = NULL;
	if (store_open(path, 0, &fx->b.s, errp) != STORE_OK ||
	    store_form_put(fx->b.s, fx->b.f, fx->b.hash, errp) != STORE_OK)
		return -1;
	fx->b.o.store = fx->b.s;
	fx->fail = false;
	fixture_port(fx, fx->b.s);
	return 0;
}

/* ui_opts.pin_try: PIN "2468". */
static int
fake_pin_try(void *ctx, const char *pin, int *remaining)
{
	(void)ctx;
	(void)remaining;
	return strcmp(pin, PIN) == 0 ? UI_PIN_OK : UI_PIN_WRONG;
}

/* A kiosk over a fresh database, staff's choice db2 offered. */
static struct fixture *
fixture_new(void)
{
	struct fixture	*fx = xcalloc(1, sizeof(*fx));

	kfix_open(&fx->b, "test_fault", TEST_FORM, false);
	fx->db2 = xasprintf("%s/fresh.db", fx->b.dir);
	fixture_port(fx, fx->b.s);
	fx->b.o.pin_try = fake_pin_try;
	fx->b.o.reopen = fake_reopen;
	fx->b.o.reopen_ctx = fx;
	fx->b.o.db_path = fx->db2;
	fx->now = 1000;
	fx->k = kiosk_new(&fx->b.o, true, NULL, fx->now);
	return fx;
}

/* Free it all. */
static void
fixture_free(struct fixture *fx)
{
	kiosk_free(fx->k);
	kfix_close(&fx->b);
	free(fx->screen);
	free(fx->db2);
	free(fx);
}

/* The page at 80x24. */
static const char *
screen(struct fixture *fx)
{
	free(fx->screen);
	fx->screen = grid_text(kiosk_draw(fx->k, 24, 80));
	return fx->screen;
}

/* Fail with the screen unless it shows s. */
#define assert_shows(fx, s) do {					\
	if (strstr(screen(fx), (s)) == NULL)				\
		fail_msg("screen lacks \"%s\":\n%s", (s), (fx)->screen); \
} while (0)

/* Fail with the screen if it shows s. */
#define assert_hides(fx, s) do {					\
	if (strstr(screen(fx), (s)) != NULL)				\
		fail_msg("screen shows \"%s\":\n%s", (s), (fx)->screen); \
} while (0)

/* One request, a second after the last. */
static void
press(struct fixture *fx, enum req_kind kind)
{
	struct req	r = req_make(kind);

	screen(fx);
	fx->now += 1;
	kiosk_request(fx->k, &r, fx->now);
}

/* Type an ASCII string. */
static void
type(struct fixture *fx, const char *s)
{
	struct req	r;

	for (; *s != '\0'; s++) {
		r = req_char((unsigned char)*s);
		fx->now += 0.1;
		kiosk_request(fx->k, &r, fx->now);
	}
}

/* Time passes without input. */
static void
idle(struct fixture *fx, double secs)
{
	fx->now += secs;
	kiosk_tick(fx->k, fx->now);
}

/* The value of question q in the database at path, or "" (caller
   frees). */
static char *
stored(const char *path, const char *q)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	char		*v;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(value, "
	    "'|') FROM answers WHERE question = ?", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = xstrdup(sqlite3_column_text(st, 0) != NULL ?
	    (const char *)sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* fault-1: the whole round, from a failed save to carrying on. */
static void
test_fault_round(void **state)
{
	struct fixture	*fx = fixture_new();
	char		*v;

	(void)state;
	press(fx, REQ_NONE);			/* welcome */
	press(fx, REQ_ENTER);			/* English */
	press(fx, REQ_ENTER);			/* I agree */
	assert_shows(fx, "Your full name");
	type(fx, "Ann");
	press(fx, REQ_ENTER);
	assert_shows(fx, "Your date of birth");
	fx->fail = true;
	type(fx, "1985-07-23");
	press(fx, REQ_ENTER);
	/* The client: calm words only. */
	assert_shows(fx, "Please ask a member of");
	assert_hides(fx, "/secret");
	assert_hides(fx, "SQLite");
	assert_hides(fx, "moved");
	assert_string_equal(kiosk_mode_name(fx->k), "fault");
	/* No way out for the client, and idle time abandons nothing. */
	press(fx, REQ_BACK);
	press(fx, REQ_ENTER);
	press(fx, REQ_NEXT);
	idle(fx, 500);
	assert_string_equal(kiosk_mode_name(fx->k), "fault");
	assert_non_null(fx->k->client.in);
	assert_true(kiosk_unsaved(fx->k));	/* stopping now loses them */
	/* Staff: PIN, then the store's words and the path offered. */
	press(fx, REQ_STAFF);
	assert_string_equal(kiosk_mode_name(fx->k), "pin");
	press(fx, REQ_BACK);			/* cancel: still "ask staff" */
	assert_string_equal(kiosk_mode_name(fx->k), "fault");
	press(fx, REQ_STAFF);
	type(fx, PIN);
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "fault-staff");
	assert_shows(fx, STORE_WORDS);
	assert_shows(fx, fx->db2);
	/* Idle time closes the staff side back to the client's screen. */
	idle(fx, 200);
	assert_string_equal(kiosk_mode_name(fx->k), "fault");
	press(fx, REQ_STAFF);
	type(fx, PIN);
	press(fx, REQ_ENTER);
	press(fx, REQ_ENTER);			/* save to db2 */
	/* The client's screen as they left it. */
	assert_string_equal(kiosk_mode_name(fx->k), "question");
	assert_false(kiosk_unsaved(fx->k));
	assert_shows(fx, "Your date of birth");
	assert_shows(fx, "1985-07-23");
	v = stored(fx->db2, "full_name");
	assert_string_equal(v, "Ann");
	free(v);
	press(fx, REQ_ENTER);
	assert_shows(fx, "How many hair treatments");
	v = stored(fx->db2, "birth_date");
	assert_string_equal(v, "1985-07-23");
	free(v);
	fixture_free(fx);
}

/* fault-2: a failure when staff pick a path is shown to staff, who may
   pick another; the answers wait meanwhile. */
static void
test_fault_bad_path(void **state)
{
	struct fixture	*fx = fixture_new();
	char		*v;
	int		 i;

	(void)state;
	press(fx, REQ_NONE);
	press(fx, REQ_ENTER);
	press(fx, REQ_ENTER);
	type(fx, "Bo");
	fx->fail = true;
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "fault");
	press(fx, REQ_STAFF);
	type(fx, PIN);
	press(fx, REQ_ENTER);
	for (i = 0; i < 200; i++)
		press(fx, REQ_ERASE);
	type(fx, "/nonexistent-dir/x/y.db");
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "fault-staff");
	assert_shows(fx, "/nonexistent-dir/x/y.db");
	assert_non_null(fx->k->loop.error);
	for (i = 0; i < 200; i++)
		press(fx, REQ_ERASE);
	type(fx, fx->db2);
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "question");
	press(fx, REQ_ENTER);			/* the refused answer, again */
	v = stored(fx->db2, "full_name");
	assert_string_equal(v, "Bo");
	free(v);
	fixture_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fault_round),
		cmocka_unit_test(test_fault_bad_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
