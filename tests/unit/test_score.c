/* test_score.c: points, clamping, bands, stops, flags, grouped
 * recommendations, line texts and both output formats, on a form parsed
 * from a string. */
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
#include "form/expr.h"
#include "form/form.h"
#include "form/form_load.h"
#include "engine/score.h"
#include "base/strbuf.h"

static const char form_src[] =
	"form score-unit\n"
	"  version 1\n"
	"  languages en es\n"
	"  title en \"T\"\n"
	"  title es \"T\"\n"
	"question a choice\n"
	"  label en \"A question\"\n"
	"  label es \"Una pregunta\"\n"
	"  option big points 80\n"
	"    label en \"Big\"\n"
	"    label es \"Grande\"\n"
	"  option small points 5\n"
	"    label en \"Small\"\n"
	"    label es \"Pequeño\"\n"
	"  option neg points -50\n"
	"    label en \"Negative\"\n"
	"    label es \"Negativo\"\n"
	"  option zero\n"
	"    label en \"Zero\"\n"
	"    label es \"Cero\"\n"
	"question b multi\n"
	"  label en \"B question\"\n"
	"  label es \"Pregunta B\"\n"
	"  short en \"B\"\n"
	"  short es \"B\"\n"
	"  option x points 30\n"
	"    label en \"Ex\"\n"
	"    label es \"Equis\"\n"
	"  option y points 40\n"
	"    label en \"Why\"\n"
	"    label es \"I griega\"\n"
	"  option w\n"
	"    label en \"Double\"\n"
	"    label es \"Doble\"\n"
	"rules\n"
	"points b_bonus count(b) * 10 if count(b) >= 1\n"
	"  text en \"Bonus\"\n"
	"  text es \"Extra\"\n"
	"points half 2.5 if a == \"small\"\n"
	"  text en \"Half\"\n"
	"  text es \"Medio\"\n"
	"stop s1 clearance if a == \"neg\"\n"
	"  text en \"Stop \\\"now\\\"\\t\\\\ here\"\n"
	"  text es \"Alto\"\n"
	"  client en \"Sorry.\"\n"
	"  client es \"Lo siento.\"\n"
	"  needs en \"A note\"\n"
	"  needs es \"Un informe\"\n"
	"flag f1 if answered(a)\n"
	"  text en \"Check A\"\n"
	"  text es \"Revisar A\"\n"
	"flag f_cap cap mid if count(b) == 3\n"
	"  text en \"Hold\"\n"
	"  text es \"Retener\"\n"
	"recommend r_a group g if a == \"big\"\n"
	"  text en \"Rec A\"\n"
	"  text es \"Rec A\"\n"
	"recommend r_b group g if answered(a)\n"
	"  text en \"Rec B\"\n"
	"  text es \"Rec B\"\n"
	"recommend r_c group g if true\n"
	"  text en \"Rec C\"\n"
	"  text es \"Rec C\"\n"
	"recommend r_d if true\n"
	"  text en \"Rec D\"\n"
	"  text es \"Rec D\"\n"
	"band 0 low\n"
	"  text en \"Low\"\n"
	"  text es \"Bajo\"\n"
	"band 50 mid\n"
	"  text en \"Middle\"\n"
	"  text es \"Medio\"\n"
	"band 90 high\n"
	"  text en \"High\"\n"
	"  text es \"Alto\"\n";

static struct form *form;
static const char *vals[2];	/* a, b */

/* Env: vals[] by question index. */
static const char *
value(void *ctx, const struct form_question *q)
{
	(void)ctx;
	return q->index < 2 ? vals[q->index] : NULL;
}

static struct expr_env env = { value, NULL, 20000 };

static int
setup_form(void **state)
{
	struct diag	*d = diag_new("score.form", 20);

	(void)state;
	form = form_load_text("score.form", form_src, strlen(form_src), NULL,
	    FORM_NO_ART, d);
	if (form == NULL) {
		fprintf(stderr, "%s\n", diag_message(d, 0));
		diag_free(d);
		return -1;
	}
	diag_free(d);
	return 0;
}

static int
teardown_form(void **state)
{
	(void)state;
	form_free(form);
	return 0;
}

/* Score a and b; every line rendered "code points" joined by ' '. */
static struct score_result *
score(const char *a, const char *b, struct strbuf *codes)
{
	struct score_result	*r;
	size_t			 i;
	char			*c;

	vals[0] = a;
	vals[1] = b;
	r = score_compute(form, &env);
	strbuf_reset(codes);
	for (i = 0; i < r->nlines; i++) {
		c = score_line_code(&r->lines[i]);
		strbuf_addf(codes, "%s%s:%s", i > 0 ? " " : "",
		    score_kind_name(r->lines[i].kind), c);
		if (r->lines[i].kind == SC_POINTS)
			strbuf_addf(codes, "%+d", r->lines[i].points);
		free(c);
	}
	return r;
}

static void
test_clamp_high(void **state)
{
	struct strbuf		 sb;
	struct score_result	*r;

	(void)state;
	strbuf_init(&sb);
	r = score("big", "x;y", &sb);
	assert_int_equal(r->raw, 170);
	assert_int_equal(r->score, 100);
	assert_string_equal(r->band->id, "high");
	assert_string_equal(sb.s, "points:a=big+80 points:b=x+30 "
	    "points:b=y+40 points:b_bonus+20 flag:f1 recommend:r_a "
	    "recommend:r_d");
	assert_int_equal(r->nstops, 0);
	assert_int_equal(r->nflags, 1);
	assert_int_equal(r->nrecs, 2);
	score_free(r);
	strbuf_done(&sb);
}

static void
test_clamp_low_and_stop(void **state)
{
	struct strbuf		 sb;
	struct score_result	*r;

	(void)state;
	strbuf_init(&sb);
	r = score("neg", NULL, &sb);
	assert_int_equal(r->raw, -50);
	assert_int_equal(r->score, 0);	/* kept, internal: a clearance */
	assert_true(r->scored);
	assert_int_equal(r->outcome, OUTCOME_CLEARANCE);
	assert_null(r->band);		/* any stop overrides the band */
	assert_string_equal(score_outcome_code(r), "clearance");
	assert_string_equal(sb.s, "points:a=neg-50 stop:s1 flag:f1 "
	    "recommend:r_b recommend:r_d");
	assert_int_equal(r->nstops, 1);
	score_free(r);
	strbuf_done(&sb);
}

static void
test_rounding_bands_groups(void **state)
{
	struct strbuf		 sb;
	struct score_result	*r;

	(void)state;
	strbuf_init(&sb);
	r = score("small", NULL, &sb);
	assert_int_equal(r->score, 8);	/* 5 + round(2.5) */
	assert_string_equal(sb.s, "points:a=small+5 points:half+3 flag:f1 "
	    "recommend:r_b recommend:r_d");
	score_free(r);
	/* nothing answered: only the unconditional group member */
	r = score(NULL, NULL, &sb);
	assert_int_equal(r->score, 0);
	assert_string_equal(sb.s, "recommend:r_c recommend:r_d");
	score_free(r);
	/* an option without points gives no line; band boundaries */
	r = score("zero", "x;w", &sb);	/* 30 + 20: exactly a band's min */
	assert_int_equal(r->score, 50);
	assert_string_equal(r->band->id, "mid");
	assert_string_equal(sb.s, "points:b=x+30 points:b_bonus+20 flag:f1 "
	    "recommend:r_b recommend:r_d");
	score_free(r);
	r = score("zero", "y;w", &sb);	/* 40 + 20 = 60 */
	assert_int_equal(r->score, 60);
	assert_string_equal(r->band->id, "mid");
	score_free(r);
	r = score("small", "y", &sb);	/* 5 + 40 + 10 + 3 = 58 */
	assert_int_equal(r->score, 58);
	score_free(r);
	r = score("small", "x", &sb);	/* 5 + 30 + 10 + 3 = 48 */
	assert_int_equal(r->score, 48);
	assert_string_equal(r->band->id, "low");
	score_free(r);
	strbuf_done(&sb);
}

static void
test_texts(void **state)
{
	struct strbuf		 sb;
	struct score_result	*r;
	char			*s;

	(void)state;
	strbuf_init(&sb);
	r = score("neg", "x", &sb);
	s = score_line_text(&r->lines[0], 0);
	assert_string_equal(s, "A question: Negative: -50 points");
	free(s);
	s = score_line_text(&r->lines[0], 1);
	assert_string_equal(s, "Una pregunta: Negativo: -50 points");
	free(s);
	s = score_line_text(&r->lines[1], 0);
	assert_string_equal(s, "B: Ex: +30 points");
	free(s);
	s = score_line_text(&r->lines[2], 0);
	assert_string_equal(s, "Bonus: +10 points");
	free(s);
	s = score_line_text(&r->lines[3], 0);
	assert_string_equal(s, "Stop: Stop \"now\"\t\\ here");
	free(s);
	s = score_line_text(&r->lines[4], 0);
	assert_string_equal(s, "Flag: Check A");
	free(s);
	s = score_line_text(&r->lines[5], 0);
	assert_string_equal(s, "Recommendation: Rec B");
	free(s);
	strbuf_reset(&sb);
	score_format_text(form, r, 0, &sb);
	assert_string_equal(sb.s,
	    "Outcome: PENDING CLEARANCE \xe2\x80\x94 A note\n"
	    "Internal score 0/100 (no band: a stop applies)\n"
	    "\n"
	    "STOPS (a stop overrides the score):\n"
	    "  - Stop \"now\"\t\\ here\n"
	    "\n"
	    "Flags (for the practitioner):\n"
	    "  - Check A\n"
	    "\n"
	    "Recommendations:\n"
	    "  - Rec B\n"
	    "  - Rec D\n"
	    "\n"
	    "Explanation:\n"
	    "  A question: Negative: -50 points\n"
	    "  B: Ex: +30 points\n"
	    "  Bonus: +10 points\n"
	    "  Total: -10, counted as 0 (scores run from 0 to 100)\n");
	score_free(r);
	strbuf_done(&sb);
}

static void
test_json(void **state)
{
	struct strbuf		 sb, codes;
	struct score_result	*r;

	(void)state;
	strbuf_init(&sb);
	strbuf_init(&codes);
	r = score("neg", "x", &codes);
	score_format_json(form, r, 0, &sb);
	assert_string_equal(sb.s,
	    "{\"outcome\":\"clearance\",\"outcome_kind\":\"clearance\","
	    "\"recheck\":null,\"recheck_unknown\":false,\"note\":\"A note\","
	    "\"score\":null,\"score_internal\":0,\"raw\":null,\"band\":null,"
	    "\"stops\":[{\"id\":\"s1\",\"text\":\"Stop \\\"now\\\"\\u0009\\\\ "
	    "here\",\"kind\":\"clearance\",\"client\":\"Sorry.\"}],"
	    "\"flags\":[{\"id\":\"f1\",\"text\":\"Check A\"}],"
	    "\"recommendations\":[{\"id\":\"r_b\",\"group\":\"g\",\"text\":"
	    "\"Rec B\"},{\"id\":\"r_d\",\"group\":null,\"text\":\"Rec D\"}],"
	    "\"explanation\":[{\"code\":\"a=neg\",\"points\":-50,\"text\":"
	    "\"A question: Negative: -50 points\"},{\"code\":\"b=x\","
	    "\"points\":30,\"text\":\"B: Ex: +30 points\"},{\"code\":"
	    "\"b_bonus\",\"points\":10,\"text\":\"Bonus: +10 points\"}]}");
	score_free(r);
	strbuf_reset(&sb);
	r = score("small", NULL, &codes);
	score_format_json(form, r, 1, &sb);
	assert_non_null(strstr(sb.s, "\"text\":\"Una pregunta: Pequeño: "
	    "+5 points\""));
	assert_non_null(strstr(sb.s, "\"stops\":[]"));
	score_free(r);
	strbuf_done(&sb);
	strbuf_done(&codes);
}

static void
test_deterministic(void **state)
{
	struct strbuf		 a, b, codes;
	struct score_result	*r;
	int			 i;

	(void)state;
	strbuf_init(&a);
	strbuf_init(&b);
	strbuf_init(&codes);
	r = score("big", "y;x", &codes);
	score_format_json(form, r, 0, &a);
	score_free(r);
	for (i = 0; i < 10; i++) {
		strbuf_reset(&b);
		r = score("big", "y;x", &codes);
		score_format_json(form, r, 0, &b);
		score_free(r);
		assert_string_equal(a.s, b.s);
	}
	assert_string_equal(score_kind_name(SC_STOP), "stop");
	assert_string_equal(score_kind_name(SC_RECOMMEND), "recommend");
	score_free(NULL);
	strbuf_done(&a);
	strbuf_done(&b);
	strbuf_done(&codes);
}

/* A flag with "cap" holds the band down but leaves the score alone. */
static void
test_cap(void **state)
{
	struct strbuf		 sb;
	struct score_result	*r;

	(void)state;
	strbuf_init(&sb);
	r = score("big", "x;y", &sb);	/* 80 + 70 + 20: high, no cap */
	assert_string_equal(r->band->id, "high");
	assert_null(r->capped_by);
	score_free(r);
	r = score("big", "x;y;w", &sb);	/* the cap flag holds */
	assert_int_equal(r->score, 100);
	assert_string_equal(r->band->id, "mid");
	assert_non_null(r->capped_by);
	assert_string_equal(r->capped_by->id, "f_cap");
	strbuf_reset(&sb);
	score_format_text(form, r, 0, &sb);
	assert_non_null(strstr(sb.s, "Score 100/100 \xe2\x80\x94 Middle\n"
	    "  (band held here by a flag: Hold)\n"));
	strbuf_reset(&sb);
	score_format_json(form, r, 0, &sb);
	assert_non_null(strstr(sb.s, "\"capped_by\":\"f_cap\"}"));
	score_free(r);
	/* A stop leaves no band to hold. */
	r = score("neg", "x;y;w", &sb);	/* -50 + 70 + 30 = 50 */
	assert_null(r->band);
	assert_null(r->capped_by);
	score_free(r);
	strbuf_done(&sb);
}

/* A form with every stop kind and a month-precision date. */
static const char outcome_src[] =
	"form outcomes\n"
	"  languages en es\n"
	"  title en \"T\"\n"
	"  title es \"T\"\n"
	"question k choice\n"
	"  label en \"K\"\n"
	"  label es \"K\"\n"
	"  option young\n    label en \"Y\"\n    label es \"Y\"\n"
	"  option iso\n    label en \"I\"\n    label es \"I\"\n"
	"  option iso_unsure\n    label en \"U\"\n    label es \"U\"\n"
	"  option preg\n    label en \"P\"\n    label es \"P\"\n"
	"  option keloid points 70\n    label en \"K\"\n    label es \"K\"\n"
	"  option fine points 90\n    label en \"F\"\n    label es \"F\"\n"
	"question stopped date show if k == \"iso\"\n"
	"  label en \"When\"\n"
	"  label es \"Cuando\"\n"
	"  precision month\n"
	"question more multi\n"
	"  label en \"M\"\n"
	"  label es \"M\"\n"
	"  option laser\n    label en \"L\"\n    label es \"L\"\n"
	"  option preg\n    label en \"P\"\n    label es \"P\"\n"
	"rules\n"
	"stop young not-offered if k == \"young\"\n"
	"  text en \"Under 18\"\n  text es \"Menor\"\n"
	"stop iso defer if k == \"iso_unsure\" or (k == \"iso\" and "
	"stopped > add_months(today(), -6))\n"
	"  text en \"Iso\"\n  text es \"Iso\"\n"
	"  recheck add_months(stopped, 6)\n"
	"stop laser defer if has(more, \"laser\")\n"
	"  text en \"Laser\"\n  text es \"Laser\"\n"
	"  recheck add_months(stopped, 9)\n"
	"stop preg defer if k == \"preg\" or has(more, \"preg\")\n"
	"  text en \"Preg\"\n  text es \"Emb\"\n"
	"  until en \"after breastfeeding\"\n  until es \"tras la lactancia\"\n"
	"stop keloid clearance if k == \"keloid\"\n"
	"  text en \"Keloid\"\n  text es \"Queloide\"\n"
	"  needs en \"a doctor's note\"\n  needs es \"un informe\"\n"
	"flag f if true\n  text en \"F\"\n  text es \"F\"\n"
	"recommend r if true\n  text en \"R\"\n  text es \"R\"\n"
	"band 0 low\n  text en \"Low\"\n  text es \"Bajo\"\n"
	"band 80 high\n  text en \"High\"\n  text es \"Alto\"\n";

static const char *ovals[3];	/* k, stopped, more */

static const char *
ovalue(void *ctx, const struct form_question *q)
{
	(void)ctx;
	return q->index < 3 ? ovals[q->index] : NULL;
}

/* Score the outcome form; today is 2026-06-15. */
static struct score_result *
oscore(const struct form *f, const char *k, const char *stopped,
    const char *more)
{
	struct expr_env	e = { ovalue, NULL, 0 };

	e.today = date_from_ymd(2026, 6, 15);
	ovals[0] = k;
	ovals[1] = stopped;
	ovals[2] = more;
	return score_compute(f, &e);
}

/* Every kind of stop, its precedence, its date, and the band only
   without a stop (domain §7.1, §7.4). */
static void
test_outcomes(void **state)
{
	struct diag		*d = diag_new("o.form", 20);
	struct form		*f;
	struct score_result	*r;
	char			 buf[11], *s;

	(void)state;
	f = form_load_text("o.form", outcome_src, strlen(outcome_src), NULL,
	    FORM_NO_ART, d);
	if (f == NULL)
		fail_msg("%s", diag_message(d, 0));
	diag_free(d);
	/* No stop: the band is the outcome. */
	r = oscore(f, "fine", NULL, NULL);
	assert_int_equal(r->outcome, OUTCOME_BAND);
	assert_string_equal(score_outcome_code(r), "high");
	assert_int_equal(r->score, 90);
	score_free(r);
	/* Clearance: the score is kept internally, never a band. */
	r = oscore(f, "keloid", NULL, NULL);
	assert_int_equal(r->outcome, OUTCOME_CLEARANCE);
	assert_true(r->scored);
	assert_int_equal(r->score, 70);
	assert_null(r->band);
	s = score_outcome_note(f, r, 1);
	assert_string_equal(s, "un informe");
	free(s);
	score_free(r);
	/* Deferred with a date: month precision counts as the month's last
	   day, + 6 months; a hard stop gives no points at all. */
	r = oscore(f, "iso", "2026-03", NULL);
	assert_int_equal(r->outcome, OUTCOME_DEFERRED);
	assert_false(r->scored);
	assert_int_equal(r->raw, 0);
	assert_null(r->band);
	date_format(r->recheck, buf);
	assert_string_equal(buf, "2026-09-30");
	assert_false(r->recheck_unknown);
	assert_int_equal(r->nflags, 1);	/* still for the practitioner */
	score_free(r);
	/* Stopped more than 6 months ago: no stop. */
	r = oscore(f, "iso", "2025-11", NULL);
	assert_int_equal(r->outcome, OUTCOME_BAND);
	score_free(r);
	/* The latest of several deferrals' dates wins: 2026-03-31 + 9
	   months over + 6. */
	r = oscore(f, "iso", "2026-03", "laser");
	date_format(r->recheck, buf);
	assert_string_equal(buf, "2026-12-31");
	score_free(r);
	/* Deferred without a date: the wording. */
	r = oscore(f, "preg", NULL, NULL);
	assert_int_equal(r->outcome, OUTCOME_DEFERRED);
	assert_int_equal(r->recheck, -1);
	s = score_outcome_note(f, r, 0);
	assert_string_equal(s, "after breastfeeding");
	free(s);
	score_free(r);
	/* A date the client does not remember: the practitioner decides,
	   and the client is still deferred. */
	r = oscore(f, "iso_unsure", NULL, NULL);
	assert_int_equal(r->outcome, OUTCOME_DEFERRED);
	assert_true(r->recheck_unknown);
	s = score_outcome_note(f, r, 0);
	assert_non_null(strstr(s, "the practitioner decides"));
	free(s);
	score_free(r);
	/* Precedence: deferred over clearance is shown by a deferral plus
	   a clearance; not-offered over everything, with nothing about
	   treatment. */
	r = oscore(f, "young", NULL, "preg");
	assert_int_equal(r->outcome, OUTCOME_NOT_OFFERED);
	assert_string_equal(score_outcome_code(r), "not-offered");
	assert_int_equal(r->nstops, 2);	/* every reason is listed */
	assert_int_equal(r->nflags, 0);
	assert_int_equal(r->nrecs, 0);
	assert_false(r->scored);
	score_free(r);
	r = oscore(f, "keloid", NULL, "preg");
	assert_int_equal(r->outcome, OUTCOME_DEFERRED);
	assert_int_equal(r->nstops, 2);
	score_free(r);
	form_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clamp_high),
		cmocka_unit_test(test_clamp_low_and_stop),
		cmocka_unit_test(test_rounding_bands_groups),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_outcomes),
	};

	return cmocka_run_group_tests(tests, setup_form, teardown_form);
}
