/*
 * test_kiosk.c: the kiosk's client flow and staff side without a
 * terminal: requests in, the laid-out page (80x24) read back as text.
 * The same state machine the real kiosk runs (ui.c only adds curses).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/xmalloc.h"
#include "engine/engine.h"
#include "form/form.h"
#include "store/query.h"
#include "store/store.h"
#include "base/date.h"
#include "engine/score.h"
#include "ui/kiosk.h"
#include "ui/mode.h"
#include "ui/walk.h"
#include "kfix.h"

#define TEST_FORM	"tests/e2e/forms/kiosk-test.form"
#define SHIPPED_FORM	"forms/smp-consultation.form"
#define PIN		"2468"

#define ARROW		"\xe2\x96\xb6"	/* the highlighted entry's mark */

/* Spanish walk: also open every help text and check it (kiosk-14). */
static const bool k_help_check = true;

/* One kiosk over a fresh database. */
struct fixture {
	struct kfix	 b;		/* folder, database, form, options */
	struct kiosk	*k;
	double		 now;		/* the test's clock */
	int		 pin_tries;	/* wrong PINs so far */
	char		*screen;	/* last page as text */
	int		 cut;		/* texts the last page left out */
	int		 rows, cols;	/* the terminal the client sees */
};

/* ui_opts.pin_try: PIN "2468"; locks after three wrong ones. */
static int
fake_pin_try(void *ctx, const char *pin, int *remaining)
{
	struct fixture	*fx = ctx;

	if (fx->pin_tries >= 3) {
		*remaining = 60;
		return UI_PIN_LOCKED;
	}
	if (strcmp(pin, PIN) == 0)
		return UI_PIN_OK;
	fx->pin_tries++;
	return UI_PIN_WRONG;
}

/* ui_opts.pin_locked. */
static int
fake_pin_locked(void *ctx)
{
	struct fixture	*fx = ctx;

	return fx->pin_tries >= 3 ? 60 : 0;
}

/* A kiosk on form path, with a PIN unless demo. */
static struct fixture *
fixture_new(const char *path, bool demo)
{
	struct fixture	*fx = xcalloc(1, sizeof(*fx));

	kfix_open(&fx->b, "test_kiosk", path, demo);
	fx->b.o.set.clinic = "Test Clinic";
	if (!demo) {
		fx->b.o.pin_try = fake_pin_try;
		fx->b.o.pin_locked = fake_pin_locked;
		fx->b.o.pin_ctx = fx;
	}
	fx->now = 1000;
	fx->rows = 24;
	fx->cols = 80;
	fx->k = kiosk_new(&fx->b.o, true, NULL, fx->now);
	return fx;
}

/* Free the kiosk (abandoning what is in progress), the store, files. */
static void
fixture_free(struct fixture *fx)
{
	kiosk_free(fx->k);
	kfix_close(&fx->b);
	free(fx->screen);
	free(fx);
}

/* The page as the client sees it at rows x cols. */
static const char *
screen_at(struct fixture *fx, int rows, int cols)
{
	const struct grid	*g = kiosk_draw(fx->k, rows, cols);

	free(fx->screen);
	fx->screen = grid_text(g);
	fx->cut = g->cut;
	return fx->screen;
}

/* The page at the client's size (80x24 unless the test says). */
static const char *
screen(struct fixture *fx)
{
	return screen_at(fx, fx->rows, fx->cols);
}

/* Whether the page shows s. */
static bool
shows(struct fixture *fx, const char *s)
{
	return strstr(screen(fx), s) != NULL;
}

/* Fail with the screen unless it shows s. */
#define assert_shows(fx, s) do {					\
	if (!shows((fx), (s)))						\
		fail_msg("screen lacks \"%s\":\n%s", (s), (fx)->screen); \
} while (0)

/* One request, a second after the last. */
static void
press(struct fixture *fx, enum req_kind kind)
{
	struct req	r = req_make(kind);

	screen(fx);		/* the client saw the page before acting */
	if (fx->rows < 24 && fx->cut != 0)	/* large text: never a cut */
		fail_msg("a text cut at %dx%d:\n%s", fx->cols, fx->rows,
		    fx->screen);
	fx->now += 1;
	kiosk_request(fx->k, &r, fx->now);
}

/* Type a UTF-8 string character by character. */
static void
type(struct fixture *fx, const char *s)
{
	struct req	r;
	uint32_t	cp;
	size_t		n;

	while (*s != '\0') {
		n = utf8_next(s, strlen(s), &cp);
		r = req_char(cp);
		fx->now += 0.1;
		kiosk_request(fx->k, &r, fx->now);
		s += n;
	}
}

/* Tap the first cell of text s on the page. */
static void
tap(struct fixture *fx, const char *s)
{
	const char	*scr = screen(fx), *p = strstr(scr, s), *l;
	struct req	 r = req_make(REQ_TAP);

	if (p == NULL)
		fail_msg("no \"%s\" to tap:\n%s", s, scr);
	for (l = scr; (l = strchr(l, '\n')) != NULL && l < p; l++)
		r.y++;
	for (l = p; l > scr && l[-1] != '\n'; l--)
		;
	r.x = utf8_width(l, (size_t)(p - l));
	fx->now += 1;
	kiosk_request(fx->k, &r, fx->now);
}

/* Time passes: ticks every quarter second for secs seconds. */
static void
wait_secs(struct fixture *fx, double secs)
{
	double	end = fx->now + secs;

	while (fx->now < end) {
		fx->now += 0.25;
		kiosk_tick(fx->k, fx->now);
	}
}

/* The one intake's status, band and score ("completed|excellent|80"). */
static char *
intake_row(struct fixture *fx)
{
	struct query_filter		 f;
	struct query_cursor		*c;
	const struct query_intake	*in;
	char				*err = NULL, *row = NULL;

	memset(&f, 0, sizeof(f));
	assert_int_equal(query_cursor_new(fx->b.s, &f, 0, &c, &err), STORE_OK);
	while (query_cursor_next(c, &in, &err) > 0) {
		free(row);
		row = xasprintf("%s|%s|%d", in->status, in->band ? in->band :
		    "-", in->score);
	}
	query_cursor_free(c);
	return row;
}

/* Welcome, English, consent: to the first question. */
static void
walk_to_name(struct fixture *fx)
{
	assert_string_equal(kiosk_mode_name(fx->k), "welcome");
	assert_shows(fx, "Test Clinic");
	press(fx, REQ_CHAR);	/* any key */
	assert_string_equal(kiosk_mode_name(fx->k), "language");
	assert_shows(fx, "Choose your language");
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "information");
	assert_shows(fx, "[ I agree ]");
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "question");
	assert_shows(fx, "Your full name");
}

/* kiosk-1: a keyboard walk with invalid input on the way, to the end. */
static void
test_keyboard_walk(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);
	char		*row;

	(void)state;
	walk_to_name(fx);
	type(fx, "José Ñúñez 山田");
	assert_shows(fx, "José Ñúñez 山田");
	press(fx, REQ_ENTER);
	assert_shows(fx, "Your date of birth");
	type(fx, "2023-02-31");
	press(fx, REQ_ENTER);
	assert_shows(fx, "That date does not exist");
	assert_shows(fx, "Your date of birth");
	while (edit_chars(fx->k->client.edit) > 0)
		press(fx, REQ_ERASE);
	type(fx, "1985-07-23");
	press(fx, REQ_ENTER);
	assert_shows(fx, "How many hair treatments");
	type(fx, "two");
	press(fx, REQ_ENTER);
	assert_shows(fx, "whole number using digits only");
	press(fx, REQ_ERASE); press(fx, REQ_ERASE); press(fx, REQ_ERASE);
	type(fx, "2");
	press(fx, REQ_NEXT);
	assert_shows(fx, "Your weight");
	press(fx, REQ_NEXT);
	assert_shows(fx, "Which best describes");
	type(fx, "1");
	assert_shows(fx, "(o) Receding");
	press(fx, REQ_ENTER);
	assert_shows(fx, "Which picture looks most like");
	assert_shows(fx, "  1. ( ) Norwood stage 2");	/* nothing chosen */
	press(fx, REQ_DOWN);		/* the first Down: the first entry */
	assert_shows(fx, "\xe2\x96\xb6 1. (o) Norwood stage 2");
	press(fx, REQ_DOWN);
	assert_shows(fx, "(o) Norwood stage 3");
	press(fx, REQ_ENTER);
	assert_shows(fx, "Do any of these apply");
	type(fx, " ");		/* on no entry yet: lands, ticks nothing */
	assert_shows(fx, "\xe2\x96\xb6 1. [ ] Psoriasis");
	type(fx, " ");
	press(fx, REQ_DOWN);
	type(fx, " ");
	assert_shows(fx, "[x] Eczema");
	type(fx, "3");
	assert_shows(fx, "[x] None of these");
	assert_null(strstr(fx->screen, "[x] Eczema"));
	press(fx, REQ_ENTER);
	assert_shows(fx, "keloid");
	type(fx, "n");
	assert_shows(fx, "(o) No");
	press(fx, REQ_ENTER);
	assert_shows(fx, "How realistic");
	press(fx, REQ_RIGHT);		/* the first move: the first value */
	press(fx, REQ_RIGHT); press(fx, REQ_RIGHT); press(fx, REQ_RIGHT);
	assert_shows(fx, "(o) 4");
	press(fx, REQ_ENTER);
	assert_shows(fx, "Anything else");
	type(fx, "line one");
	press(fx, REQ_ENTER);	/* a new line in a long text */
	type(fx, "line two");
	assert_shows(fx, "line two");
	press(fx, REQ_NEXT);
	assert_string_equal(kiosk_mode_name(fx->k), "review");
	assert_shows(fx, "Please check your answers");
	press(fx, REQ_NEXT);	/* Tab sends */
	assert_string_equal(kiosk_mode_name(fx->k), "end");
	assert_shows(fx, "Excellent candidate");
	assert_null(strstr(fx->screen, "80"));
	row = intake_row(fx);
	assert_string_equal(row, "completed|excellent|80");
	free(row);
	wait_secs(fx, 11);
	assert_string_equal(kiosk_mode_name(fx->k), "welcome");
	assert_null(strstr(screen(fx), "Ñúñez"));
	fixture_free(fx);
}

/* kiosk-2: a change from the review comes back to the review. */
static void
test_review_edit(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);
	int		 i;

	(void)state;
	walk_to_name(fx);
	type(fx, "Ann");
	press(fx, REQ_ENTER);
	type(fx, "1980-01-01");
	press(fx, REQ_ENTER);
	type(fx, "0");
	press(fx, REQ_ENTER);
	press(fx, REQ_ENTER);			/* weight: optional */
	for (i = 0; i < 20 && strcmp(kiosk_mode_name(fx->k), "review") != 0;
	    i++) {
		type(fx, "1");
		press(fx, REQ_NEXT);
	}
	assert_string_equal(kiosk_mode_name(fx->k), "review");
	assert_shows(fx, "Ann");
	press(fx, REQ_ENTER);			/* the first answer */
	assert_string_equal(kiosk_mode_name(fx->k), "question");
	assert_shows(fx, "Your full name");
	press(fx, REQ_ERASE); press(fx, REQ_ERASE); press(fx, REQ_ERASE);
	type(fx, "Bea");
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "review");
	assert_shows(fx, "Bea");
	assert_null(strstr(fx->screen, "Ann"));
	/* kiosk-13: back from a change, the cursor is on the answer
	   changed, not at the top of the review. */
	press(fx, REQ_DOWN);
	press(fx, REQ_DOWN);			/* the third answer */
	press(fx, REQ_ENTER);
	assert_shows(fx, "How many hair treatments");
	press(fx, REQ_ERASE);
	type(fx, "3");
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "review");
	assert_shows(fx, ARROW " How many hair treatments");
	fixture_free(fx);
}

/* kiosk-3: idle prompt; a key carries on; at zero the intake is
   abandoned and nothing of it stays on screen. */
static void
test_idle(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);
	char		*row;

	(void)state;
	walk_to_name(fx);
	type(fx, "Carla Idle");
	wait_secs(fx, 181);
	assert_string_equal(kiosk_mode_name(fx->k), "idle");
	assert_shows(fx, "Are you still there?");
	press(fx, REQ_CHAR);
	assert_string_equal(kiosk_mode_name(fx->k), "question");
	assert_shows(fx, "Carla Idle");		/* nothing typed is lost */
	while (strcmp(kiosk_mode_name(fx->k), "idle") != 0)
		wait_secs(fx, 0.25);
	assert_shows(fx, "30");
	wait_secs(fx, 10);
	assert_shows(fx, "20");
	assert_false(kiosk_dirty(fx->k));	/* drawn, no change since */
	wait_secs(fx, 21);
	assert_string_equal(kiosk_mode_name(fx->k), "welcome");
	assert_null(strstr(screen(fx), "Carla"));
	row = intake_row(fx);
	assert_string_equal(row, "abandoned|-|0");
	free(row);
	fixture_free(fx);
}

/* kiosk-3b: time enough (issue 14, WCAG 2.2.1): the warning comes each
   time with its full countdown, a key extends the time at least ten
   times (here twelve), the text typed stays, and the intake is still
   in progress; only a countdown left to run out abandons it. */
static void
test_idle_extend(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);
	char		*row;
	int		 i;

	(void)state;
	walk_to_name(fx);
	type(fx, "Carla Slow");
	for (i = 0; i < 12; i++) {
		wait_secs(fx, 180);
		assert_string_equal(kiosk_mode_name(fx->k), "idle");
		assert_shows(fx, "close in 30 seconds");
		wait_secs(fx, 29);	/* the last second: still asked */
		assert_string_equal(kiosk_mode_name(fx->k), "idle");
		assert_shows(fx, "close in 1 seconds");
		press(fx, REQ_CHAR);
		assert_string_equal(kiosk_mode_name(fx->k), "question");
		assert_shows(fx, "Carla Slow");
		row = intake_row(fx);
		assert_string_equal(row, "in_progress|-|0");
		free(row);
	}
	wait_secs(fx, 180 + 31);
	assert_string_equal(kiosk_mode_name(fx->k), "welcome");
	row = intake_row(fx);
	assert_string_equal(row, "abandoned|-|0");
	free(row);
	fixture_free(fx);
}

/* kiosk-4: the staff side: wrong PIN, PIN, menu, today's list, back to
   the client exactly where they were. */
static void
test_staff(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);

	(void)state;
	walk_to_name(fx);
	type(fx, "Dora");
	press(fx, REQ_ENTER);		/* saved as the client leaves it */
	type(fx, "1980");		/* typed, not yet saved */
	press(fx, REQ_STAFF);
	assert_string_equal(kiosk_mode_name(fx->k), "pin");
	type(fx, "1111");
	assert_shows(fx, "****");
	assert_null(strstr(fx->screen, "1111"));
	press(fx, REQ_ENTER);
	assert_shows(fx, "Wrong PIN");
	type(fx, PIN);
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "menu");
	type(fx, "1");
	assert_string_equal(kiosk_mode_name(fx->k), "list");
	assert_shows(fx, "Today's intakes");
	assert_shows(fx, "in_progress");
	assert_null(strstr(fx->screen, "Dora"));	/* no names here */
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "show");
	assert_shows(fx, "Dora");		/* the consultation does */
	press(fx, REQ_BACK);
	assert_string_equal(kiosk_mode_name(fx->k), "list");
	press(fx, REQ_BACK);
	assert_string_equal(kiosk_mode_name(fx->k), "menu");
	type(fx, "3");				/* back to the questionnaire */
	assert_string_equal(kiosk_mode_name(fx->k), "question");
	assert_shows(fx, "Your date of birth");
	assert_shows(fx, "1980");		/* as the client left it */
	fixture_free(fx);
}

/* Does text hold word w, between blanks or the text's ends? */
static bool
has_word(const char *text, const char *w)
{
	size_t		 n = strlen(w);
	const char	*p;

	for (p = strstr(text, w); p != NULL; p = strstr(p + 1, w))
		if ((p == text || isspace((unsigned char)p[-1])) &&
		    (p[n] == '\0' || isspace((unsigned char)p[n])))
			return true;
	return false;
}

/* Store a completed intake with outcome out (no lines). */
static void
put_done(struct fixture *fx, const struct intake_outcome *out)
{
	char	 id[STORE_ID_LEN + 1], *err = NULL;

	assert_int_equal(store_intake_begin(fx->b.s, fx->b.hash, "k1", "en",
	    "kiosk", id, &err), STORE_OK);
	assert_int_equal(store_intake_complete(fx->b.s, id, out, NULL, 0, &err),
	    STORE_OK);
}

/* Issue 11: the staff menu's list puts the outcome first; a stopped
   intake shows its kind (and re-check date), never a band. */
static void
test_staff_outcomes(void **state)
{
	struct fixture		*fx = fixture_new(TEST_FORM, false);
	struct intake_outcome	 o;
	const char		*p;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.outcome = "not-offered";
	put_done(fx, &o);
	o.outcome = "deferred";
	o.recheck = "2026-09-30";
	put_done(fx, &o);
	o.outcome = "clearance";
	o.recheck = NULL;
	o.has_internal = true;
	o.score_internal = 88;
	put_done(fx, &o);
	memset(&o, 0, sizeof(o));
	o.outcome = o.band = "good";
	o.has_score = true;
	o.score = 75;
	put_done(fx, &o);
	press(fx, REQ_STAFF);
	type(fx, PIN);
	press(fx, REQ_ENTER);
	type(fx, "1");
	assert_string_equal(kiosk_mode_name(fx->k), "list");
	assert_shows(fx, "not-offered");
	assert_shows(fx, "deferred    2026-09-30");
	assert_shows(fx, "clearance");
	assert_shows(fx, "good");
	/* The internal score is no word of the screen (ids and times may
	   hold the digits 88, so look for it as a word). */
	assert_false(has_word(fx->screen, "88"));
	assert_null(strstr(fx->screen, "(stop)"));
	/* good is the one band, on the one intake without a stop */
	p = strstr(fx->screen, "good");
	assert_null(strstr(p + 1, "good"));
	fixture_free(fx);
}

/*
 * Issue 11: the end words.  Not offered: the kind stop text alone, nothing
 * about treatment.  Deferred with a date: the date in the client's own
 * order, and that the practitioner will confirm.  Never a band.
 */
static void
test_end_words(void **state)
{
	struct fixture		*fx = fixture_new(TEST_FORM, false);
	struct score_result	 r;
	struct score_line	 l;
	const struct form_rule	*minor = NULL;
	size_t			 i;
	char			*t;

	(void)state;
	for (i = 0; i < fx->b.f->nrules; i++)
		if (fx->b.f->rules[i].kind == RULE_STOP)
			minor = &fx->b.f->rules[i];
	assert_non_null(minor);
	memset(&l, 0, sizeof(l));
	l.kind = SC_STOP;
	l.rule = minor;
	l.recheck = -1;
	memset(&r, 0, sizeof(r));
	r.lines = &l;
	r.nlines = r.nstops = 1;
	r.recheck = -1;
	r.outcome = OUTCOME_NOT_OFFERED;
	t = mode_end_stop_text(fx->k, &r);
	assert_string_equal(t, form_tr(&minor->client, 0));
	free(t);
	r.outcome = OUTCOME_DEFERRED;
	r.recheck = date_from_ymd(2026, 8, 28);
	t = mode_end_stop_text(fx->k, &r);
	assert_non_null(strstr(t, "We would be glad to see you again from "
	    "28/08/2026"));
	assert_non_null(strstr(t, "practitioner"));
	assert_null(strstr(t, "candidate"));
	free(t);
	r.recheck_unknown = true;	/* a date not known: none promised */
	t = mode_end_stop_text(fx->k, &r);
	assert_null(strstr(t, "2026"));
	free(t);
	fixture_free(fx);
}

/* kiosk-5: three wrong PINs lock the prompt; typing does nothing. */
static void
test_pin_lock(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);
	int		 i;

	(void)state;
	press(fx, REQ_STAFF);
	for (i = 0; i < 3; i++) {
		type(fx, "9999");
		press(fx, REQ_ENTER);
	}
	assert_shows(fx, "locked for 60 more seconds");
	type(fx, PIN);
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "pin");
	press(fx, REQ_BACK);
	assert_string_equal(kiosk_mode_name(fx->k), "welcome");
	fixture_free(fx);
}

/* kiosk-6: taps choose entries and press buttons. */
static void
test_taps(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);

	(void)state;
	tap(fx, "Press any key");
	tap(fx, "English");
	assert_string_equal(kiosk_mode_name(fx->k), "information");
	tap(fx, "[ I agree ]");
	assert_shows(fx, "Your full name");
	type(fx, "Eve");
	tap(fx, "[ Next ]");
	assert_shows(fx, "Your date of birth");
	tap(fx, "[ Back ]");
	assert_shows(fx, "Eve");
	fixture_free(fx);
}

/* kiosk-7: too small a terminal asks to be enlarged and ignores keys. */
static void
test_too_small(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);

	(void)state;
	assert_non_null(strstr(screen_at(fx, 11, 39), "larger"));
	fx->now += 1;
	kiosk_request(fx->k, &(struct req){ .kind = REQ_ENTER }, fx->now);
	assert_non_null(strstr(screen_at(fx, 11, 39), "larger"));
	assert_string_equal(kiosk_mode_name(fx->k), "welcome");
	assert_shows(fx, "Test Clinic");	/* 80x24 again */
	fixture_free(fx);
}

/* kiosk-9: a quiet kiosk has nothing to draw; a key, or a countdown
   second, does. */
static void
test_quiet(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);
	int		 i;

	(void)state;
	walk_to_name(fx);
	screen(fx);
	for (i = 0; i < 40; i++) {		/* ten seconds of ticks */
		wait_secs(fx, 0.25);
		assert_false(kiosk_dirty(fx->k));
	}
	type(fx, "Q");
	assert_true(kiosk_dirty(fx->k));
	screen(fx);
	assert_false(kiosk_dirty(fx->k));
	while (strcmp(kiosk_mode_name(fx->k), "idle") != 0)
		wait_secs(fx, 0.25);
	screen(fx);
	assert_false(kiosk_dirty(fx->k));
	wait_secs(fx, 1);			/* the countdown moves on */
	assert_true(kiosk_dirty(fx->k));
	fixture_free(fx);
}

/* A value for a typed question of the shipped form. */
static const char *
typed_answer(const struct form_question *q)
{
	if (strcmp(q->id, "phone") == 0)
		return "+44 7700 900123";
	if (strcmp(q->id, "email") == 0)
		return "walk@example.com";
	switch (q->type) {
	case QT_DATE:		/* the language's own order */
		return q->month_precision ? "05/2026" : "17/05/1980";
	case QT_INTEGER:	return "1";
	case QT_DECIMAL:	return "70";
	default:		return "Walk Test";
	}
}

/* The words of s that fit in 24 bytes (one screen line), into buf. */
static const char *
first_words(const char *s, char *buf)
{
	size_t	n = strlen(s);

	if (n > 24) {
		for (n = 24; n > 0 && s[n] != ' '; n--)
			;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* The progress "N of M" (or "N de M") on the top row; false if none. */
static bool
progress_of(const char *scr, int *n, int *m)
{
	const char	*nl = strchr(scr, '\n'), *p, *at = NULL;

	for (p = scr; (p = strstr(p, " of ")) != NULL && p < nl; p++)
		at = p;
	for (p = scr; (p = strstr(p, " de ")) != NULL && p < nl; p++)
		at = p;
	if (at == NULL)
		return false;
	for (p = at; p > scr && p[-1] >= '0' && p[-1] <= '9'; p--)
		;
	*n = atoi(p);
	*m = atoi(at + 4);
	return *m > 0;
}

/* Whole English words a Spanish kiosk screen must not show (kiosk-14). */
static const char *const english_words[] = {
	"more", "front", "back", "Back", "Next", "Help", "help", "None",
	"Yes", "press", "Press", "choose", "Choose", "the", "and", "your",
	"Your", "you", "of", "agree", "Enter", "tick", "Send", "answer",
	"question", "not", "Thank", NULL
};

/* Fail if screen scr (Spanish) shows a word of english_words. */
static void
assert_no_english(const char *scr)
{
	const char	*p, *const *w;
	size_t		 n;

	for (w = english_words; *w != NULL; w++) {
		n = strlen(*w);
		for (p = scr; (p = strstr(p, *w)) != NULL; p += n)
			if ((p == scr || !isalpha((unsigned char)p[-1])) &&
			    !isalpha((unsigned char)p[n]) &&
			    (unsigned char)p[n] < 0x80)
				fail_msg("English \"%s\" on a Spanish screen:\n%s",
				    *w, scr);
	}
}

/* Whether every word of text is in seen (the screens shown so far). */
static bool
all_words_in(const char *text, const char *seen)
{
	char	word[64];
	size_t	n;

	while (*text != '\0') {
		n = strcspn(text, " \n");
		if (n > 0 && n < sizeof(word)) {
			memcpy(word, text, n);
			word[n] = '\0';
			if (strstr(seen, word) == NULL)
				return false;
		}
		text += n + (text[n] != '\0');
	}
	return true;
}

/*
 * On a screen too small for the question and its list (large text), the
 * texts scroll above the list: read them down as a client would (Down,
 * while more is below), never a text cut, and check every word of the
 * label was shown.  Back up (Up) to the start, as a client rereading.
 */
static void
read_whole(struct fixture *fx, const char *label)
{
	char	*seen = xstrdup(screen(fx)), *t;
	int	 i;

	for (i = 0; i < 40 && screen(fx) != NULL &&
	    fx->k->client.window.page > 0 &&
	    fx->k->client.window.more && fx->k->client.window.reading; i++) {
		press(fx, REQ_DOWN);
		if (fx->cut != 0)
			fail_msg("a text cut at %dx%d:\n%s", fx->cols,
			    fx->rows, fx->screen);
		t = xasprintf("%s%s", seen, screen(fx));
		free(seen);
		seen = t;
	}
	if (!all_words_in(label, seen))
		fail_msg("\"%s\" never shown whole at %dx%d:\n%s", label,
		    fx->cols, fx->rows, seen);
	free(seen);
	for (i = 0; i < 40 && fx->k->client.window.top > 0; i++)
		press(fx, REQ_UP);
	assert_int_equal(fx->k->client.window.top, 0);
}

/*
 * One step of a client's walk of the shipped form: agree to a screen,
 * or choose the first entry of a list / type a plain answer, then go on.
 * Checks the question is shown, and that the progress never goes back
 * and its total never changes (*last, *total: what was shown before).
 */
static void
shipped_step(struct fixture *fx, int lang, int *last, int *total)
{
	const struct form_item		*it = engine_item(walk_engine(fx->k));
	const struct form_question	*q;
	char				 words[32];
	int				 n, m;

	assert_non_null(it);
	if (progress_of(screen(fx), &n, &m)) {
		if (fx->cut != 0)
			fail_msg("a text cut at %dx%d:\n%s", fx->cols, fx->rows,
			    fx->screen);
		if (n < *last || (*total > 0 && m != *total))
			fail_msg("progress %d of %d after %d of %d:\n%s", n,
			    m, *last, *total, fx->screen);
		*last = n;
		*total = m;
	}
	if (lang == 1)
		assert_no_english(fx->screen);
	if (strcmp(kiosk_mode_name(fx->k), "confirm") == 0) {
		press(fx, REQ_ENTER);	/* yes, like me */
		return;
	}
	if (it->kind == ITEM_SCREEN) {
		press(fx, REQ_ENTER);	/* pages down, then agrees */
		return;
	}
	q = &fx->b.f->questions[it->ref];
	read_whole(fx, form_tr(&q->label, lang));
	if (fx->rows >= 24)	/* nothing scrolls: the label's start */
		assert_shows(fx, first_words(form_tr(&q->label, lang), words));
	if (lang == 1 && k_help_check) {
		press(fx, REQ_HELP);	/* help is translated too */
		assert_no_english(screen(fx));
		press(fx, REQ_HELP);
	}
	if (q->noptions > 0 || q->type == QT_SCALE)
		type(fx, "1");
	else
		type(fx, typed_answer(q));
	press(fx, REQ_ENTER);
	if (fx->k->loop.error != NULL)
		fail_msg("%s refused: %s", q->id, fx->k->loop.error);
}

/* A kiosk on the shipped form, walked in language lang up to question
   id (NULL: to the review). */
static struct fixture *
shipped_at(int lang, const char *id, int rows, int cols)
{
	struct fixture		*fx = fixture_new(SHIPPED_FORM, true);
	const struct form_item	*it;
	int			 steps, last = 0, total = 0;

	fx->rows = rows;
	fx->cols = cols;
	press(fx, REQ_CHAR);
	if (lang != 0)
		press(fx, REQ_DOWN);
	press(fx, REQ_ENTER);
	for (steps = 0; steps < 400; steps++) {
		if (strcmp(kiosk_mode_name(fx->k), "review") == 0)
			break;
		it = engine_item(walk_engine(fx->k));
		if (id != NULL && it->kind == ITEM_QUESTION &&
		    strcmp(fx->b.f->questions[it->ref].id, id) == 0)
			return fx;
		shipped_step(fx, lang, &last, &total);
	}
	assert_null(id);
	return fx;
}

/* shipped_at on an 80x24 terminal. */
static struct fixture *
shipped_to(int lang, const char *id)
{
	return shipped_at(lang, id, 24, 80);
}

/*
 * Walk the whole shipped form as a client would, choosing the first
 * entry of every list and typing a plain answer in every field, checking
 * each page shows the question and a progress that never goes back nor
 * grows; in Spanish, no English word on any screen.
 */
static void
walk_shipped(int lang, int rows, int cols)
{
	struct fixture	*fx = shipped_at(lang, NULL, rows, cols);
	char		*row;
	int		 i;

	assert_string_equal(kiosk_mode_name(fx->k), "review");
	for (i = 0; i < 80; i++) {	/* every answer, none cut */
		screen(fx);
		if (fx->cut != 0)
			fail_msg("review cut at %dx%d:\n%s", cols, rows,
			    fx->screen);
		press(fx, REQ_DOWN);
	}
	if (lang == 1)
		assert_no_english(screen(fx));
	press(fx, REQ_NEXT);
	assert_string_equal(kiosk_mode_name(fx->k), "end");
	assert_shows(fx, form_phrase(fx->b.f, PH_THANKS, lang));
	assert_int_equal(fx->cut, 0);
	if (lang == 1)
		assert_no_english(fx->screen);
	row = intake_row(fx);
	assert_non_null(strstr(row, "completed|"));
	free(row);
	fixture_free(fx);
}

/* kiosk-8: the shipped form, walked whole in English and in Spanish. */
static void
test_shipped_walk(void **state)
{
	(void)state;
	walk_shipped(0, 24, 80);
	walk_shipped(1, 24, 80);
}

/* The one intake's stored language. */
static char *
intake_lang(struct fixture *fx)
{
	struct query_filter		 f;
	struct query_cursor		*c;
	const struct query_intake	*in;
	char				*err = NULL, *lang = NULL;

	memset(&f, 0, sizeof(f));
	assert_int_equal(query_cursor_new(fx->b.s, &f, 0, &c, &err),
	    STORE_OK);
	while (query_cursor_next(c, &in, &err) > 0) {
		free(lang);
		lang = xstrdup(in->lang);
	}
	query_cursor_free(c);
	return lang;
}

/*
 * issue 14: the language key.  Mid-intake, F5 (or a tap on "F5 Español",
 * the key bar's last group on every page of an intake) shows
 * the language choice with a Back button; choosing goes on from the same
 * page in that language, what was typed kept; Back returns as it was.
 * The intake is stored in the language the client finished in.
 */
static void
test_lang_key(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);
	char		*lang;

	(void)state;
	walk_to_name(fx);
	assert_shows(fx, "F5 Espa\xc3\xb1ol");	/* the other language */
	type(fx, "Ann");
	press(fx, REQ_LANG);
	assert_string_equal(kiosk_mode_name(fx->k), "language");
	assert_shows(fx, "[ Back ]");
	press(fx, REQ_DOWN);
	press(fx, REQ_ENTER);			/* Español */
	assert_string_equal(kiosk_mode_name(fx->k), "question");
	assert_shows(fx, "Su nombre completo");
	assert_shows(fx, "Ann");		/* what was typed, kept */
	tap(fx, "F5 English");			/* a tap on the key */
	assert_string_equal(kiosk_mode_name(fx->k), "language");
	press(fx, REQ_BACK);			/* back as it was */
	assert_shows(fx, "Su nombre completo");
	press(fx, REQ_ENTER);
	assert_shows(fx, "Su fecha de nacimiento");
	type(fx, "1985-07-23");
	press(fx, REQ_ENTER);
	type(fx, "2");
	press(fx, REQ_NEXT);
	press(fx, REQ_NEXT);			/* weight: optional */
	type(fx, "1");
	press(fx, REQ_ENTER);
	press(fx, REQ_DOWN);
	press(fx, REQ_ENTER);			/* Norwood 2 */
	type(fx, "3");
	press(fx, REQ_ENTER);			/* none of these */
	type(fx, "n");
	press(fx, REQ_ENTER);
	press(fx, REQ_RIGHT);
	press(fx, REQ_ENTER);
	press(fx, REQ_NEXT);			/* notes: to the review */
	assert_string_equal(kiosk_mode_name(fx->k), "review");
	assert_shows(fx, "F5 English");
	press(fx, REQ_NEXT);
	assert_string_equal(kiosk_mode_name(fx->k), "end");
	lang = intake_lang(fx);
	assert_string_equal(lang, "es");
	free(lang);
	fixture_free(fx);
}

/*
 * issue 14: large text.  The whole shipped form, in English and Spanish,
 * on a 40x12 and a 60x20 terminal (80x24 in a font twice and one and a
 * third times as large): every page laid out with no text cut, every
 * question's label shown whole (the texts scroll above the list), the
 * pictures in words where they do not fit, to the end.
 */
static void
test_large_text(void **state)
{
	(void)state;
	walk_shipped(0, 12, 40);
	walk_shipped(1, 12, 40);
	walk_shipped(0, 20, 60);
	walk_shipped(1, 20, 60);
}

/* The screen's row holding s, or "" (into buf). */
static const char *
row_with(struct fixture *fx, const char *s, char *buf, size_t size)
{
	const char	*scr = screen(fx), *p = strstr(scr, s), *b, *e;

	buf[0] = '\0';
	if (p == NULL)
		return buf;
	for (b = p; b > scr && b[-1] != '\n'; b--)
		;
	e = strchr(p, '\n');
	snprintf(buf, size, "%.*s", (int)(e != NULL ? e - b : (long)strlen(b)),
	    b);
	return buf;
}

/*
 * issue 14: large text, by keys and taps.  At 40x12 the Norwood question's
 * texts do not fit with its list: Down reads them on (nothing chosen),
 * then goes into the list, where the highlighted stage's picture is in
 * words; Up on the first stage reads back; F1 brings the help into the
 * window; a tap on "▼ more" scrolls; numbers still choose at once.
 */
static void
test_large_keys(void **state)
{
	struct fixture		*fx = shipped_at(0, "norwood", 12, 40);
	struct ui_scroll	*w = &fx->k->client.window;
	char			*seen, *t;
	int			 i, top;

	(void)state;
	assert_shows(fx, "Which picture looks most");
	press(fx, REQ_HELP);			/* the help in the window */
	assert_shows(fx, "The pictures show");
	assert_true(w->page > 0 && w->reading && w->more); /* it scrolls */
	for (i = 0; i < 20 && screen(fx) != NULL && w->more; i++) {
		press(fx, REQ_DOWN);
		assert_int_equal(fx->k->client.cur, -1); /* nothing chosen */
	}
	assert_false(w->more);
	press(fx, REQ_DOWN);			/* into the list */
	assert_int_equal(fx->k->client.cur, 0);
	assert_shows(fx, ARROW " 1. (o) Stage I");
	assert_int_equal(fx->cut, 0);
	seen = xstrdup(fx->screen);		/* reads back, still chosen */
	for (i = 0; i < 30 && screen(fx) != NULL && (w->top > 0 ||
	    !w->reading); i++) {
		press(fx, REQ_UP);
		t = xasprintf("%s%s", seen, screen(fx));
		free(seen);
		seen = t;
		assert_int_equal(fx->cut, 0);
	}
	assert_int_equal(w->top, 0);
	assert_int_equal(fx->k->client.cur, 0);
	/* the picture in words, with the texts or under the entry */
	if (!all_words_in(form_tr(&fx->b.f->questions[engine_item(
	    walk_engine(fx->k))->ref].options[0].describe, 0), seen))
		fail_msg("stage I never described:\n%s", seen);
	free(seen);
	top = w->top;
	tap(fx, "\xe2\x96\xbc more");		/* a tap reads on */
	assert_true(w->top > top);
	press(fx, REQ_HELP);			/* help closed */
	type(fx, "3");				/* a number chooses at once */
	assert_int_equal(fx->k->client.chosen, 2);
	assert_false(w->reading);
	fixture_free(fx);
}

/* kiosk-10: no answer by accident on a long list: numbers reach every
   entry (the list shows at most nine, numbered from the first shown),
   page keys move by what is shown, a letter goes first to the exclusive
   "None of these", and nothing is ticked by moving. */
static void
test_list_keys(void **state)
{
	struct fixture	*fx = shipped_to(0, "conditions");
	char		 row[256];

	char		 num[2];
	int		 i;

	(void)state;
	assert_shows(fx, "  1. [ ] ");
	assert_null(strstr(fx->screen, "None of these"));  /* 11th */
	assert_shows(fx, "\xe2\x96\xbc more");
	press(fx, REQ_PGDN);		/* a page: to the last entry shown */
	row_with(fx, ARROW, row, sizeof(row));
	assert_non_null(strstr(row, ". [ ] "));
	for (i = 0; i < 6 && strstr(screen(fx), "None of these") == NULL;
	    i++)
		press(fx, REQ_PGDN);
	row_with(fx, "None of these", row, sizeof(row));
	if (strstr(row, ARROW " ") == NULL || strstr(row, ". [ ] None of "
	    "these") == NULL)
		fail_msg("None of these has no number:\n%s", fx->screen);
	num[0] = strstr(row, ". [ ]")[-1];	/* its number key */
	num[1] = '\0';
	type(fx, num);
	assert_shows(fx, "[x] None of these");
	type(fx, num);			/* untick */
	fixture_free(fx);

	fx = shipped_to(0, "allergies");
	type(fx, "n");			/* not "Numbing cream" first */
	row_with(fx, "None of these", row, sizeof(row));
	if (strstr(row, ARROW) == NULL || strstr(row, "[ ]") == NULL)
		fail_msg("N did not land on None of these:\n%s", fx->screen);
	assert_null(strstr(fx->screen, "[x]"));
	type(fx, "n");			/* again: the next N entry */
	row_with(fx, "Numbing cream", row, sizeof(row));
	assert_non_null(strstr(row, ARROW));
	type(fx, "n");
	type(fx, " ");
	assert_shows(fx, "[x] None of these");
	assert_null(strstr(fx->screen, "[x] Numbing"));
	fixture_free(fx);
}

/* kiosk-11: the section intro above its first question only; help is
   announced, and open help never hides the picture's bottom. */
static void
test_intro_help(void **state)
{
	struct fixture	*fx = shipped_to(0, "pregnant");

	(void)state;
	assert_shows(fx, "keep taking any medicine");
	type(fx, "1");
	press(fx, REQ_ENTER);
	assert_shows(fx, "medicine");	/* the next question */
	assert_null(strstr(fx->screen, "keep taking any medicine"));
	fixture_free(fx);

	fx = shipped_to(0, "norwood");
	assert_shows(fx, "More help with this question: press F1");
	press(fx, REQ_DOWN);		/* a picture to look at */
	assert_shows(fx, "'----- back ----'");
	press(fx, REQ_HELP);
	assert_shows(fx, "Shaded areas");
	assert_shows(fx, "'----- back ----'");	/* the picture whole */
	assert_shows(fx, ".---- front ----.");
	fixture_free(fx);
}

/* kiosk-12: an agree screen has Back and a way to decline; declining
   ends kindly and keeps nothing. */
static void
test_decline(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);
	char		*row;

	(void)state;
	press(fx, REQ_CHAR);
	press(fx, REQ_ENTER);
	assert_shows(fx, "[ Back ]");
	assert_shows(fx, "[ I do not agree ]");
	assert_shows(fx, "[ I agree ]");
	press(fx, REQ_LEFT);		/* the focus on "I do not agree" */
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "end");
	assert_shows(fx, "You chose not to agree");
	row = intake_row(fx);
	assert_string_equal(row, "abandoned|-|0");
	free(row);
	fixture_free(fx);

	/* The shipped health consent: its long button hides nothing. */
	fx = fixture_new(SHIPPED_FORM, true);
	press(fx, REQ_CHAR);
	press(fx, REQ_ENTER);
	while (!shows(fx, "[ I agree that the clinic"))
		press(fx, REQ_ENTER);	/* welcome, privacy */
	assert_shows(fx, "[ Back ]");
	assert_shows(fx, "[ I do not agree ]");
	tap(fx, "[ I do not agree ]");
	assert_shows(fx, "You chose not to agree");
	fixture_free(fx);
}

/* kiosk-15: a number on the language screen chooses, as on questions;
   Enter goes on. */
static void
test_lang_number(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);

	(void)state;
	press(fx, REQ_CHAR);
	type(fx, "2");
	assert_string_equal(kiosk_mode_name(fx->k), "language");
	assert_shows(fx, ARROW " 2. Espa");
	press(fx, REQ_ENTER);
	assert_shows(fx, "Consentimiento");
	fixture_free(fx);
}

/* kiosk-16: a paste longer than the field says it was cut. */
static void
test_paste_cut(void **state)
{
	struct fixture	*fx = fixture_new(TEST_FORM, false);

	(void)state;
	walk_to_name(fx);
	type(fx, "Ann");
	assert_null(strstr(screen(fx), "characters fit"));
	type(fx, "0123456789012345678901234567890123456789012345678901234567"
	    "89");			/* 3 + 60 characters, the field 60 */
	assert_int_equal(edit_chars(fx->k->client.edit), 60);
	assert_shows(fx, "Only 60 characters fit here");
	press(fx, REQ_ERASE);
	assert_null(strstr(screen(fx), "characters fit"));
	fixture_free(fx);
}

/* kiosk-17: a long answer shows on the review cut to its line, with the
   highlighted entry on screen. */
static void
test_review_long(void **state)
{
	struct fixture			*fx = fixture_new(TEST_FORM, false);
	const struct form_item		*it;
	char				 row[256];
	int				 i;

	(void)state;
	walk_to_name(fx);
	type(fx, "Ann");
	press(fx, REQ_ENTER);
	type(fx, "1980-01-01");
	press(fx, REQ_ENTER);
	type(fx, "0");
	press(fx, REQ_ENTER);
	press(fx, REQ_ENTER);
	for (i = 0; i < 20 && strcmp(kiosk_mode_name(fx->k), "review") != 0;
	    i++) {
		it = engine_item(walk_engine(fx->k));
		if (strcmp(fx->b.f->questions[it->ref].id, "notes") == 0)
			while (edit_chars(fx->k->client.edit) < 2000)
				type(fx, "lorem ipsum dolor sit amet ");
		else
			type(fx, "1");
		press(fx, REQ_NEXT);
	}
	assert_string_equal(kiosk_mode_name(fx->k), "review");
	press(fx, REQ_END);
	press(fx, REQ_UP);		/* the long answer */
	row_with(fx, "Anything else", row, sizeof(row));
	assert_non_null(strstr(row, ARROW));
	assert_shows(fx, "lorem ipsum dolor sit amet lorem");
	assert_shows(fx, "\xe2\x80\xa6");	/* cut with an ellipsis */
	press(fx, REQ_DOWN);
	assert_shows(fx, ARROW " -> Send my answers");
	fixture_free(fx);
}

/* Wide characters need a UTF-8 locale. */
static int
setup(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") == NULL ? -1 : 0;
}

/* kiosk-pictures (issue 15): a stage picture with its legend and ears
   named; after choosing, the picture large with both views and "Yes,
   like me" / "Choose again" / "Not sure"; "not sure" says what happens
   next and stores not_sure; the review shows the chosen picture. */
static void
test_pictures(void **state)
{
	struct fixture	*fx = shipped_to(0, "norwood");
	const char	*v;

	(void)state;
	press(fx, REQ_DOWN);			/* Stage I, highlighted */
	assert_shows(fx, "[\xe2\x96\x93] full");	/* the legend */
	assert_shows(fx, "[\xe2\x96\x92] thinner");
	assert_shows(fx, "[ ] bare");
	assert_shows(fx, "( ) ears");
	assert_shows(fx, ".---- front ----.");
	/* 120 columns: the mirror view beside the top view, captioned */
	if (strstr(screen_at(fx, 30, 120), "as in a mirror") == NULL)
		fail_msg("no mirror view at 120x30:\n%s", fx->screen);
	/* side by side: the highlighted stage and the next, each labelled */
	assert_shows(fx, "See two pictures side by side");
	type(fx, "=");
	assert_shows(fx, ARROW " (o) Stage I:");
	assert_shows(fx, "( ) Stage II:");
	assert_shows(fx, "Back to the list");
	assert_null(strstr(fx->screen, "Your hair today"));
	press(fx, REQ_DOWN);			/* II beside IIa */
	assert_shows(fx, ARROW " (o) Stage II:");
	assert_shows(fx, "( ) Stage IIa:");
	tap(fx, "( ) Stage IIa:");		/* a tap chooses */
	assert_shows(fx, ARROW " (o) Stage IIa:");
	press(fx, REQ_BACK);			/* Esc: back to the list */
	assert_string_equal(kiosk_mode_name(fx->k), "question");
	assert_shows(fx, "See two pictures side by side");
	press(fx, REQ_DOWN);
	press(fx, REQ_DOWN);			/* Stage IIIa */
	press(fx, REQ_ENTER);
	assert_string_equal(kiosk_mode_name(fx->k), "confirm");
	assert_shows(fx, "Is this like you?");
	assert_shows(fx, "Stage IIIa");
	assert_shows(fx, "[ Yes, like me ]");
	assert_shows(fx, "[ Choose again ]");
	assert_shows(fx, "[ Not sure ]");
	assert_shows(fx, "from above");		/* both views fit at 80 */
	assert_shows(fx, "as in a mirror");
	/* a large screen: twice as large, the label said once */
	screen_at(fx, 41, 150);
	if (strstr(fx->screen, "..----") == NULL ||
	    strstr(fx->screen, " front -") == NULL ||
	    strstr(fx->screen, "ffrroonntt") != NULL)
		fail_msg("not twice as large at 150x41:\n%s", fx->screen);
	type(fx, "c");				/* choose again: the list, */
	assert_string_equal(kiosk_mode_name(fx->k), "question");
	assert_shows(fx, "(o) Stage IIIa");	/* still chosen */
	press(fx, REQ_ENTER);
	tap(fx, "[ Not sure ]");
	assert_shows(fx, "the practitioner will look at your");
	v = engine_value(walk_engine(fx->k), &fx->b.f->questions[
	    engine_item(walk_engine(fx->k))->ref]);
	assert_string_equal(v, "not_sure");
	press(fx, REQ_BACK);			/* back to the picture */
	assert_shows(fx, "Is this like you?");
	press(fx, REQ_BACK);
	assert_shows(fx, "the practitioner will look at your");  /* beside
						   "I am not sure" too */
	press(fx, REQ_UP);			/* Stage VII, from not sure */
	press(fx, REQ_ENTER);
	assert_shows(fx, "from the side");
	tap(fx, "[ Yes, like me ]");
	assert_string_equal(kiosk_mode_name(fx->k), "question");
	assert_null(strstr(screen(fx), "Which picture looks most like"));
	fixture_free(fx);
}

/* Issue 15: the review shows the stage picture the client chose, beside
   the list, when its answer is highlighted. */
static void
test_review_picture(void **state)
{
	struct fixture	*fx = shipped_to(0, NULL);	/* chose Stage I */
	char		 row[256];
	int		 i;

	(void)state;
	assert_string_equal(kiosk_mode_name(fx->k), "review");
	assert_null(strstr(screen(fx), ".---- front ----."));
	for (i = 0; i < 80; i++) {
		press(fx, REQ_DOWN);
		row_with(fx, ARROW, row, sizeof(row));
		if (strstr(row, "Which picture looks") != NULL)
			break;
	}
	if (i == 80)
		fail_msg("no Norwood answer in the review:\n%s", fx->screen);
	assert_shows(fx, ".---- front ----.");
	assert_shows(fx, "[\xe2\x96\x93] full");
	press(fx, REQ_DOWN);			/* the next answer: none */
	assert_null(strstr(screen(fx), ".---- front ----."));
	fixture_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyboard_walk),
		cmocka_unit_test(test_review_edit),
		cmocka_unit_test(test_idle),
		cmocka_unit_test(test_idle_extend),
		cmocka_unit_test(test_staff),
		cmocka_unit_test(test_staff_outcomes),
		cmocka_unit_test(test_end_words),
		cmocka_unit_test(test_pin_lock),
		cmocka_unit_test(test_taps),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_shipped_walk),
		cmocka_unit_test(test_large_text),
		cmocka_unit_test(test_large_keys),
		cmocka_unit_test(test_lang_key),
		cmocka_unit_test(test_quiet),
		cmocka_unit_test(test_list_keys),
		cmocka_unit_test(test_intro_help),
		cmocka_unit_test(test_decline),
		cmocka_unit_test(test_lang_number),
		cmocka_unit_test(test_paste_cut),
		cmocka_unit_test(test_review_long),
		cmocka_unit_test(test_pictures),
		cmocka_unit_test(test_review_picture),
	};

	if (setenv("SMP_TODAY", "2026-06-15", 1) != 0)
		return 1;
	return cmocka_run_group_tests(tests, setup, NULL);
}
