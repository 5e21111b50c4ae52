/* test_engine.c: a client's walk through a form parsed from a string:
 * branching, back/jump/review, hidden answers, canonical values,
 * validation messages in two languages, the sink. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/date.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "form/form.h"
#include "form/value.h"
#include "form/form_load.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"

/* The same form as tests/forms/score.form. */
static const char form_src[] =
	"# engine test form\n"
	"form score-test\n"
	"  version 1\n"
	"  languages en es\n"
	"  title en \"Score test\"\n"
	"  title es \"Prueba de puntuación\"\n"
	"screen consent\n"
	"  title en \"Consent\"\n"
	"  title es \"Consentimiento\"\n"
	"  text en \"We keep your answers.\"\n"
	"  text es \"Guardamos sus respuestas.\"\n"
	"  agree en \"I agree\"\n"
	"  agree es \"Acepto\"\n"
	"section about\n"
	"  title en \"About you\"\n"
	"  title es \"Sobre usted\"\n"
	"question dob date required identifier\n"
	"  label en \"Your date of birth\"\n"
	"  label es \"Su fecha de nacimiento\"\n"
	"  validate dob <= today()\n"
	"    message en \"That date is in the future.\"\n"
	"    message es \"Esa fecha es futura.\"\n"
	"question weight decimal\n"
	"  label en \"Your weight in kg\"\n"
	"  label es \"Su peso en kg\"\n"
	"  min 30\n"
	"  max 300\n"
	"question pattern choice required\n"
	"  label en \"Which best describes your hair loss?\"\n"
	"  label es \"¿Qué describe mejor su caída del cabello?\"\n"
	"  short en \"Pattern\"\n"
	"  short es \"Patrón\"\n"
	"  option male points 5\n"
	"    label en \"Receding hairline\"\n"
	"    label es \"Entradas\"\n"
	"  option female\n"
	"    label en \"Overall thinning\"\n"
	"    label es \"Pérdida difusa\"\n"
	"question norwood choice required show if pattern == \"male\"\n"
	"  label en \"Which picture looks most like your head?\"\n"
	"  label es \"¿Qué imagen se parece más a su cabeza?\"\n"
	"  short en \"Norwood stage\"\n"
	"  short es \"Estadio Norwood\"\n"
	"  option n2 points 10\n"
	"    label en \"Stage 2\"\n"
	"    label es \"Estadio 2\"\n"
	"  option n5 points 15\n"
	"    label en \"Stage 5\"\n"
	"    label es \"Estadio 5\"\n"
	"  option n7 points 25\n"
	"    label en \"Stage 7\"\n"
	"    label es \"Estadio 7\"\n"
	"section health\n"
	"  title en \"Your health\"\n"
	"  title es \"Su salud\"\n"
	"question keloid yesno required\n"
	"  label en \"Have you ever had keloid scars?\"\n"
	"  label es \"¿Ha tenido alguna vez cicatrices queloides?\"\n"
	"  short en \"Keloid history\"\n"
	"  short es \"Queloides\"\n"
	"question worries multi\n"
	"  label en \"What worries you?\"\n"
	"  label es \"¿Qué le preocupa?\"\n"
	"  option cost points -5\n"
	"    label en \"The cost\"\n"
	"    label es \"El coste\"\n"
	"  option pain points -10\n"
	"    label en \"Pain\"\n"
	"    label es \"El dolor\"\n"
	"  option none exclusive\n"
	"    label en \"Nothing\"\n"
	"    label es \"Nada\"\n"
	"question clipped scale show if answered(pattern)\n"
	"  label en \"How willing are you to keep your hair clipped?\"\n"
	"  label es \"¿Está dispuesto a llevar el pelo rapado?\"\n"
	"  short en \"Willing to clip\"\n"
	"  short es \"Dispuesto a rapar\"\n"
	"question nickname text\n"
	"  label en \"What should we call you?\"\n"
	"  label es \"¿Cómo quiere que le llamemos?\"\n"
	"  maxlen 10\n"
	"  pattern \"^[A-Za-z ]*$\"\n"
	"rules\n"
	"points clip_bonus clipped * 10 if clipped >= 4\n"
	"  text en \"Willing to keep hair clipped\"\n"
	"  text es \"Dispuesto a llevar el pelo rapado\"\n"
	"points boost 200 if weight == 199\n"
	"  text en \"Test boost\"\n"
	"  text es \"Impulso de prueba\"\n"
	"stop minor not-offered if age(dob) < 18\n"
	"  text en \"Under 18: SMP is not offered\"\n"
	"  text es \"Menor de 18: no se ofrece\"\n"
	"  client en \"We can only offer SMP from age 18.\"\n"
	"  client es \"Solo ofrecemos el tratamiento a partir de 18 años.\"\n"
	"flag keloid_test if keloid == \"yes\"\n"
	"  text en \"Keloid history: test patch first\"\n"
	"  text es \"Queloides: prueba de parche primero\"\n"
	"recommend dark group pigment if norwood == \"n7\"\n"
	"  text en \"Darker pigment\"\n"
	"  text es \"Pigmento más oscuro\"\n"
	"recommend light group pigment if answered(pattern)\n"
	"  text en \"Lighter pigment\"\n"
	"  text es \"Pigmento más claro\"\n"
	"recommend followup if has(worries, \"pain\")\n"
	"  text en \"Numbing cream\"\n"
	"  text es \"Crema anestésica\"\n"
	"band 0 poor\n"
	"  text en \"Not a good candidate\"\n"
	"  text es \"No es buen candidato\"\n"
	"band 40 fair\n"
	"  text en \"Fair candidate\"\n"
	"  text es \"Candidato aceptable\"\n"
	"band 70 good\n"
	"  text en \"Good candidate\"\n"
	"  text es \"Buen candidato\"\n";

/* A sink that records "id=value;" and fails on demand. */
struct rec_sink {
	struct strbuf	 log;	/* every put, in order */
	int		 fail;	/* fail the next put */
};

static int
rec_put(void *ctx, const char *id, const char *value, char **errp)
{
	struct rec_sink	*s = ctx;

	if (s->fail) {
		s->fail = 0;
		*errp = xstrdup("disk full");
		return -1;
	}
	strbuf_addf(&s->log, "%s=%s;", id, value != NULL ? value : "(null)");
	return 0;
}

struct fixture {
	struct form	*f;
	struct engine	*e;
	struct rec_sink	 sink;
};

static struct form *
parse_form(void)
{
	struct diag	*d = diag_new("engine.form", 20);
	struct form	*f;

	f = form_load_text("engine.form", form_src, strlen(form_src), NULL,
	    FORM_NO_ART, d);
	if (f == NULL)
		fail_msg("%s", diag_kept(d) > 0 ? diag_message(d, 0) : "?");
	diag_free(d);
	return f;
}

static int
setup(void **state)
{
	struct fixture		*fx = xcalloc(1, sizeof(*fx));
	struct engine_sink	 sk = { rec_put, NULL };
	int			 today;

	fx->f = parse_form();
	strbuf_init(&fx->sink.log);
	sk.ctx = &fx->sink;
	date_parse("2026-06-15", &today);
	fx->e = engine_new(fx->f, 0, today, &sk);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	engine_free(fx->e);
	form_free(fx->f);
	strbuf_done(&fx->sink.log);
	free(fx);
	return 0;
}

static const struct form_question *
Q(struct fixture *fx, const char *id)
{
	const struct form_question	*q = form_question(fx->f, id);

	assert_non_null(q);
	return q;
}

/* Answer q with input; must succeed. */
static void
answer(struct fixture *fx, const char *id, const char *input)
{
	char	*msg = NULL;

	if (engine_answer(fx->e, Q(fx, id), input, &msg) != ENGINE_OK)
		fail_msg("%s=%s: %s", id, input, msg);
	free(msg);
}

/* Answer q with input; must be refused with exactly want. */
static void
refused(struct fixture *fx, const char *id, const char *input,
    const char *want)
{
	char	*msg = NULL;

	assert_int_equal(engine_answer(fx->e, Q(fx, id), input, &msg),
	    ENGINE_INVALID);
	assert_non_null(msg);
	assert_string_equal(msg, want);
	free(msg);
}

/* The id of the current item, "review" or "done". */
static const char *
here(struct fixture *fx)
{
	const struct form_item	*it = engine_item(fx->e);

	if (engine_pos(fx->e) == ENGINE_REVIEW)
		return "review";
	if (engine_pos(fx->e) == ENGINE_DONE)
		return "done";
	return it->kind == ITEM_QUESTION ? fx->f->questions[it->ref].id :
	    fx->f->screens[it->ref].id;
}

/* engine_next must succeed and land on want. */
static void
next_to(struct fixture *fx, const char *want)
{
	char	*msg = NULL;

	if (engine_next(fx->e, &msg) != ENGINE_OK)
		fail_msg("next from %s: %s", here(fx), msg);
	assert_string_equal(here(fx), want);
}

/* engine_next must fail with want and stay. */
static void
next_refused(struct fixture *fx, const char *want)
{
	char		*msg = NULL;
	const char	*before = here(fx);

	assert_int_equal(engine_next(fx->e, &msg), ENGINE_INVALID);
	assert_string_equal(msg, want);
	assert_string_equal(here(fx), before);
	free(msg);
}

/* Item index of id. */
static int
item_of(struct fixture *fx, const char *id)
{
	return Q(fx, id)->item;
}

/* Walk to the review with a male pattern and stage 5. */
static void
walk_male(struct fixture *fx)
{
	char	*msg = NULL;

	assert_int_equal(engine_ack(fx->e, &fx->f->screens[0], true, &msg),
	    ENGINE_OK);
	next_to(fx, "dob");
	answer(fx, "dob", "1980-05-01");
	next_to(fx, "weight");
	next_to(fx, "pattern");
	answer(fx, "pattern", "male");
	next_to(fx, "norwood");
	answer(fx, "norwood", "n5");
	next_to(fx, "keloid");
	answer(fx, "keloid", "no");
	next_to(fx, "worries");
	next_to(fx, "clipped");
	next_to(fx, "nickname");
	next_to(fx, "review");
}

static void
test_walk_branching(void **state)
{
	struct fixture	*fx = *state;
	char		*msg = NULL;

	assert_string_equal(here(fx), "consent");
	next_refused(fx, "Please read this and choose \"I agree\" to go on.");
	engine_set_lang(fx->e, 1);
	next_refused(fx, "Lea este texto y elija «Acepto» para continuar.");
	engine_set_lang(fx->e, 0);
	assert_int_equal(engine_ack(fx->e, &fx->f->screens[0], true, &msg),
	    ENGINE_OK);
	assert_true(engine_acked(fx->e, &fx->f->screens[0]));
	next_to(fx, "dob");
	next_refused(fx, "Please answer this question to continue.");
	answer(fx, "dob", "1980-05-01");
	next_to(fx, "weight");
	next_to(fx, "pattern");
	/* norwood and clipped are hidden until pattern is answered */
	assert_false(engine_visible(fx->e, item_of(fx, "norwood")));
	assert_false(engine_visible(fx->e, item_of(fx, "clipped")));
	answer(fx, "pattern", "female");
	assert_true(engine_visible(fx->e, item_of(fx, "clipped")));
	next_to(fx, "keloid");
	assert_int_equal(engine_back(fx->e), 0);
	assert_string_equal(here(fx), "pattern");
	answer(fx, "pattern", "male");
	assert_true(engine_visible(fx->e, item_of(fx, "norwood")));
	next_to(fx, "norwood");
	next_refused(fx, "Please answer this question to continue.");
	answer(fx, "norwood", "n7");
	next_to(fx, "keloid");
	/* back to the start, and no further */
	while (engine_back(fx->e) == 0)
		;
	assert_string_equal(here(fx), "consent");
}

static void
test_progress(void **state)
{
	struct fixture	*fx = *state;
	int		 n, m;

	engine_progress(fx->e, &n, &m);
	assert_int_equal(n, 1);
	assert_int_equal(m, 7);		/* norwood and clipped hidden */
	walk_male(fx);
	engine_progress(fx->e, &n, &m);
	assert_int_equal(n, 9);
	assert_int_equal(m, 9);
	assert_int_equal(engine_jump(fx->e, item_of(fx, "keloid")), 0);
	engine_progress(fx->e, &n, &m);
	assert_int_equal(n, 6);
	assert_int_equal(m, 9);
}

static void
test_review_jump(void **state)
{
	struct fixture	*fx = *state;

	walk_male(fx);
	assert_int_equal(engine_jump(fx->e, item_of(fx, "keloid")), 0);
	answer(fx, "keloid", "yes");
	next_to(fx, "review");		/* straight back */
	/* a jump to a hidden item is refused */
	answer(fx, "pattern", "female");
	assert_int_equal(engine_jump(fx->e, item_of(fx, "norwood")), -1);
	assert_string_equal(here(fx), "review");
	/* a change that reveals a required question goes there first */
	assert_int_equal(engine_jump(fx->e, item_of(fx, "pattern")), 0);
	answer(fx, "norwood", NULL);
	answer(fx, "pattern", "male");
	next_to(fx, "norwood");
	next_refused(fx, "Please answer this question to continue.");
	answer(fx, "norwood", "n2");
	next_to(fx, "review");
	/* back from review goes to the last visible item */
	assert_int_equal(engine_back(fx->e), 0);
	assert_string_equal(here(fx), "nickname");
	next_to(fx, "review");
}

static void
test_hidden_cleared(void **state)
{
	struct fixture	*fx = *state;
	struct expr_env	 env;
	char		*msg = NULL;

	walk_male(fx);
	answer(fx, "clipped", "5");
	engine_env(fx->e, &env);
	assert_string_equal(env.value(env.ctx, Q(fx, "norwood")), "n5");
	answer(fx, "pattern", "female");
	/* kept in memory, but counts nowhere */
	assert_string_equal(engine_value(fx->e, Q(fx, "norwood")), "n5");
	assert_null(env.value(env.ctx, Q(fx, "norwood")));
	strbuf_reset(&fx->sink.log);
	assert_int_equal(engine_finish(fx->e, &msg), ENGINE_OK);
	assert_null(msg);
	assert_string_equal(fx->sink.log.s, "norwood=(null);");
	assert_null(engine_value(fx->e, Q(fx, "norwood")));
	assert_string_equal(engine_value(fx->e, Q(fx, "clipped")), "5");
	assert_int_equal(engine_pos(fx->e), ENGINE_DONE);
}

static void
test_finish_required(void **state)
{
	struct fixture	*fx = *state;
	char		*msg = NULL;

	walk_male(fx);
	assert_int_equal(engine_jump(fx->e, item_of(fx, "keloid")), 0);
	answer(fx, "keloid", "");
	next_refused(fx, "Please answer this question to continue.");
	assert_int_equal(engine_jump(fx->e, item_of(fx, "dob")), 0);
	next_to(fx, "keloid");	/* the first later item still needing one */
	assert_int_equal(engine_finish(fx->e, &msg), ENGINE_INVALID);
	assert_string_equal(msg, "Please answer this question to continue.");
	free(msg);
	assert_string_equal(here(fx), "keloid");
	answer(fx, "keloid", "no");
	next_to(fx, "review");
	assert_int_equal(engine_finish(fx->e, &msg), ENGINE_OK);
	assert_string_equal(here(fx), "done");
}

static void
test_sink(void **state)
{
	struct fixture	*fx = *state;
	char		*msg = NULL;

	answer(fx, "dob", "1980-05-01");
	answer(fx, "dob", " 1980-05-01 ");	/* unchanged: not saved again */
	answer(fx, "worries", "pain; cost");
	answer(fx, "worries", "");
	assert_int_equal(engine_ack(fx->e, &fx->f->screens[0], true, &msg),
	    ENGINE_OK);
	assert_string_equal(fx->sink.log.s, "dob=1980-05-01;"
	    "worries=cost;pain;worries=(null);consent=agreed;");
	/* a failing sink undoes the change */
	fx->sink.fail = 1;
	assert_int_equal(engine_answer(fx->e, Q(fx, "dob"), "1990-01-01",
	    &msg), ENGINE_SINK);
	assert_string_equal(msg, "disk full");
	free(msg);
	assert_string_equal(engine_value(fx->e, Q(fx, "dob")), "1980-05-01");
	fx->sink.fail = 1;
	assert_int_equal(engine_answer(fx->e, Q(fx, "pattern"), "male",
	    &msg), ENGINE_SINK);
	free(msg);
	assert_null(engine_value(fx->e, Q(fx, "pattern")));
	assert_false(engine_visible(fx->e, item_of(fx, "norwood")));
	fx->sink.fail = 1;
	assert_int_equal(engine_ack(fx->e, &fx->f->screens[0], false, &msg),
	    ENGINE_SINK);
	free(msg);
	assert_true(engine_acked(fx->e, &fx->f->screens[0]));
}

static void
test_canonical(void **state)
{
	struct fixture	*fx = *state;
	char		*msg = NULL;
	static const char *const cases[][3] = {
		{ "clipped", "+5", "5" },
		{ "clipped", " 4 ", "4" },
		{ "clipped", "03", "3" },
		{ "weight", "72,5", "72.5" },
		{ "weight", "72.50", "72.5" },
		{ "weight", " +080 ", "80" },
		{ "weight", "80.", NULL },
		{ "worries", "pain;cost;pain", "cost;pain" },
		{ "worries", " none ", "none" },
		{ "worries", ";;", "" },
		{ "pattern", " male ", "male" },
		{ "keloid", "yes", "yes" },
		{ "keloid", "Yes", NULL },
		{ "nickname", "Bob  ", "Bob" },
		{ "nickname", "   ", "" },
		/* Leading blanks go; invisible characters never count. */
		{ "nickname", "  Ann", "Ann" },
		{ "nickname", "   \xe2\x80\x8b", "" },
		{ "nickname", "\xef\xbb\xbf" "Ann\xc2\xad", "Ann" },
		{ "nickname", "\xe2\x80\xae" "evil", "evil" },
		{ "nickname", "a\xe2\x81\xa6" "b\xe2\x81\xa9" "c", "abc" },
		{ "nickname", "x\xc2\x85y", "xy" },

		{ "dob", "1985-07-23", "1985-07-23" },
		{ "dob", "1985-7-23", NULL },
	};
	size_t		 i;
	char		*v;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		v = value_canonical(fx->f, Q(fx, cases[i][0]), cases[i][1], 0,
		    &msg);
		if (cases[i][2] == NULL) {
			assert_null(v);
			assert_non_null(msg);
			free(msg);
		} else {
			if (v == NULL)
				fail_msg("%s '%s': %s", cases[i][0],
				    cases[i][1], msg);
			assert_string_equal(v, cases[i][2]);
			free(v);
		}
	}
}

static void
test_messages(void **state)
{
	struct fixture	*fx = *state;

	refused(fx, "weight", "heavy",
	    "Please type a number using digits, for example 72.5.");
	refused(fx, "weight", "20", "Please enter a number from 30 to 300.");
	refused(fx, "clipped", "6", "Please enter a number from 1 to 5.");
	refused(fx, "clipped", "2.5",
	    "Please type a whole number using digits only, for example 42.");
	refused(fx, "dob", "2023-02-31",
	    "That date does not exist. Please check the day and the month.");
	refused(fx, "dob", "31/01/20", "Please type the date as "
	    "day/month/year, for example 23/07/1985.");
	refused(fx, "dob", "01/31/2020",
	    "That date does not exist. Please check the day and the month.");
	refused(fx, "dob", "2030-01-01", "That date is in the future.");
	refused(fx, "nickname", "Bob1",
	    "That does not look right. Please check what you typed.");
	refused(fx, "nickname", "Bartholomew Jr",
	    "Please keep this to 10 characters or fewer.");
	refused(fx, "nickname", "a\tb", "Please check this answer.");
	refused(fx, "nickname", "\xc3", "Please check this answer.");
	refused(fx, "pattern", "mal", "Please choose one of the options shown.");
	refused(fx, "worries", "none;pain",
	    "Please choose one of the options shown.");
	refused(fx, "worries", "pain;money",
	    "Please choose one of the options shown.");
	engine_set_lang(fx->e, 1);
	assert_int_equal(engine_lang(fx->e), 1);
	refused(fx, "weight", "20", "Escriba un número entre 30 y 300.");
	refused(fx, "dob", "2023-02-31",
	    "Esa fecha no existe. Revise el día y el mes.");
	refused(fx, "dob", "2030-01-01", "Esa fecha es futura.");
	refused(fx, "dob", "1991-4-11", "Escriba la fecha como día/mes/año; "
	    "por ejemplo, 23/07/1985.");
	refused(fx, "nickname", "Bartholomew Jr",
	    "Use como máximo 10 caracteres.");
	/* nothing refused was stored or saved */
	assert_null(engine_value(fx->e, Q(fx, "weight")));
	assert_int_equal(fx->sink.log.len, 0);
	/* Issue 11: a Spanish speaker's own order is taken, stored ISO. */
	{
		char	*msg = NULL;

		assert_int_equal(engine_answer(fx->e, Q(fx, "dob"),
		    "11/04/1991", &msg), ENGINE_OK);
		assert_string_equal(engine_value(fx->e, Q(fx, "dob")),
		    "1991-04-11");
		assert_int_equal(engine_answer(fx->e, Q(fx, "dob"),
		    "11.4.1991", &msg), ENGINE_OK);
		assert_string_equal(engine_value(fx->e, Q(fx, "dob")),
		    "1991-04-11");
		free(msg);
	}
}

static void
test_check_and_display(void **state)
{
	struct fixture	*fx = *state;
	char		*msg = NULL, *s;

	assert_int_equal(engine_check(fx->e, Q(fx, "weight"), "72,5", &msg),
	    ENGINE_OK);
	assert_null(engine_value(fx->e, Q(fx, "weight")));
	assert_int_equal(engine_check(fx->e, Q(fx, "weight"), "7", &msg),
	    ENGINE_INVALID);
	free(msg);
	answer(fx, "worries", "pain;cost");
	answer(fx, "keloid", "yes");
	answer(fx, "weight", "72,5");
	s = engine_display(fx->e, Q(fx, "worries"), 0);
	assert_string_equal(s, "The cost, Pain");
	free(s);
	s = engine_display(fx->e, Q(fx, "worries"), 1);
	assert_string_equal(s, "El coste, El dolor");
	free(s);
	s = engine_display(fx->e, Q(fx, "keloid"), 0);
	assert_string_equal(s, "Yes");
	free(s);
	s = engine_display(fx->e, Q(fx, "keloid"), 1);
	assert_string_equal(s, "Sí");
	free(s);
	s = engine_display(fx->e, Q(fx, "weight"), 0);
	assert_string_equal(s, "72.5");
	free(s);
	assert_null(engine_display(fx->e, Q(fx, "nickname"), 0));
	assert_ptr_equal(engine_form(fx->e), fx->f);
}

/* A second form: a section hidden by an answer, bounds, longtext. */
static const char form2_src[] =
	"form engine-two\n"
	"  version 1\n"
	"  languages en es\n"
	"  title en \"Two\"\n"
	"  title es \"Dos\"\n"
	"question smoker yesno\n"
	"  label en \"Do you smoke?\"\n"
	"  label es \"¿Fuma?\"\n"
	"section smoking show if smoker == \"yes\"\n"
	"  title en \"Smoking\"\n"
	"  title es \"Tabaco\"\n"
	"screen warn\n"
	"  title en \"Smoking and healing\"\n"
	"  title es \"Tabaco y cicatrización\"\n"
	"  text en \"Smoking slows healing.\"\n"
	"  text es \"Fumar retrasa la cicatrización.\"\n"
	"  agree en \"Understood\"\n"
	"  agree es \"Entendido\"\n"
	"question per_day integer required\n"
	"  label en \"How many a day?\"\n"
	"  label es \"¿Cuántos al día?\"\n"
	"  min 1\n"
	"question years integer\n"
	"  label en \"For how many years?\"\n"
	"  label es \"¿Cuántos años?\"\n"
	"  max 80\n"
	"section other\n"
	"  title en \"Other\"\n"
	"  title es \"Otro\"\n"
	"question mood scale\n"
	"  label en \"Mood\"\n"
	"  label es \"Ánimo\"\n"
	"  min 0\n"
	"  max 10\n"
	"question notes longtext\n"
	"  label en \"Anything else?\"\n"
	"  label es \"¿Algo más?\"\n"
	"  maxlen 5\n";

static void
test_section_show_if(void **state)
{
	struct diag		*d = diag_new("two.form", 20);
	struct rec_sink		 rs;
	struct engine_sink	 sk = { rec_put, &rs };
	struct fixture		 fx;
	char			*msg = NULL, *v;

	(void)state;
	memset(&fx, 0, sizeof(fx));
	strbuf_init(&rs.log);
	rs.fail = 0;
	fx.f = form_load_text("two.form", form2_src, strlen(form2_src), NULL,
	    FORM_NO_ART, d);
	if (fx.f == NULL)
		fail_msg("%s", diag_message(d, 0));
	diag_free(d);
	fx.e = engine_new(fx.f, 0, 20000, &sk);
	assert_string_equal(here(&fx), "smoker");
	assert_false(engine_visible(fx.e, 1));	/* the screen */
	assert_false(engine_visible(fx.e, item_of(&fx, "per_day")));
	next_to(&fx, "mood");
	assert_int_equal(engine_back(fx.e), 0);
	answer(&fx, "smoker", "yes");
	next_to(&fx, "warn");
	next_refused(&fx, "Please read this and choose \"Understood\" to go "
	    "on.");
	assert_int_equal(engine_ack(fx.e, &fx.f->screens[0], true, &msg),
	    ENGINE_OK);
	next_to(&fx, "per_day");
	refused(&fx, "per_day", "0", "Please enter a number of at least 1.");
	refused(&fx, "years", "81", "Please enter a number no bigger than 80.");
	refused(&fx, "mood", "11", "Please enter a number from 0 to 10.");
	answer(&fx, "mood", "0");
	answer(&fx, "per_day", "10");
	refused(&fx, "notes", "abcdef", "Please keep this to 5 characters or "
	    "fewer.");
	answer(&fx, "notes", "a\r\nb ");
	assert_string_equal(engine_value(fx.e, Q(&fx, "notes")), "a\nb");
	refused(&fx, "notes", "a\rb", "Please check this answer.");
	/* the whole section goes when smoker changes; finish clears it */
	answer(&fx, "smoker", "no");
	assert_false(engine_visible(fx.e, item_of(&fx, "per_day")));
	while (engine_pos(fx.e) >= 0)
		assert_int_equal(engine_next(fx.e, &msg), ENGINE_OK);
	strbuf_reset(&rs.log);
	assert_int_equal(engine_finish(fx.e, &msg), ENGINE_OK);
	assert_string_equal(rs.log.s, "warn=(null);per_day=(null);");
	assert_false(engine_acked(fx.e, &fx.f->screens[0]));
	v = value_canonical(fx.f, Q(&fx, "mood"), "7", 1, &msg);
	assert_string_equal(v, "7");
	free(v);
	assert_null(value_canonical(fx.f, Q(&fx, "mood"), "-1", 1, &msg));
	assert_string_equal(msg, "Escriba un número entre 0 y 10.");
	free(msg);
	engine_free(fx.e);
	form_free(fx.f);
	strbuf_done(&rs.log);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_walk_branching, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_progress, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_jump, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_hidden_cleared, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_finish_required, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sink, setup, teardown),
		cmocka_unit_test_setup_teardown(test_canonical, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_messages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_and_display, setup,
		    teardown),
		cmocka_unit_test(test_section_show_if),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
