/*
 * test_plain.c: the kiosk's plain mode (issue 14) without a terminal:
 * lines in, the text printed read back from a memory stream.  The same
 * kiosk state machine as the full-screen mode, so answers land in the
 * engine the same way.
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

#include "base/xmalloc.h"
#include "form/form.h"
#include "store/store.h"
#include "ui/plain.h"
#include "kfix.h"

#define TEST_FORM	"tests/e2e/forms/kiosk-test.form"

struct fixture {
	struct kfix	 b;		/* folder, database, form, options */
	struct plain	*pl;
	FILE		*out;		/* open_memstream */
	char		*buf;
	size_t		 len;
	size_t		 seen;		/* bytes read by since() */
	double		 now;
};

/* A plain kiosk on the test form over a fresh database (demo: no PIN). */
static struct fixture *
fixture_new(void)
{
	struct fixture	*fx = xcalloc(1, sizeof(*fx));

	kfix_open(&fx->b, "test_plain", TEST_FORM, true);
	fx->b.o.set.idle_timeout = 60;
	fx->out = open_memstream(&fx->buf, &fx->len);
	assert_non_null(fx->out);
	fx->now = 1000;
	fx->pl = plain_new(&fx->b.o, fx->out, true, NULL, fx->now);
	plain_show(fx->pl);
	return fx;
}

static void
fixture_free(struct fixture *fx)
{
	plain_free(fx->pl);
	fclose(fx->out);
	free(fx->buf);
	kfix_close(&fx->b);
	free(fx);
}

/* What was printed since the last call (borrowed until the next). */
static const char *
since(struct fixture *fx)
{
	static char	*s;

	fflush(fx->out);
	free(s);
	s = xstrndup(fx->buf + fx->seen, fx->len - fx->seen);
	fx->seen = fx->len;
	return s;
}

/* Type a line one second later and let the page print. */
static const char *
type(struct fixture *fx, const char *line)
{
	fx->now += 1;
	plain_line(fx->pl, line, fx->now);
	plain_show(fx->pl);
	return since(fx);
}

/* Nothing printed holds an escape byte or a box-drawing character
   (U+2500..U+259F: E2 94 80 .. E2 96 9F) or the list arrows. */
static void
assert_plain(const char *s)
{
	const unsigned char	*p;

	assert_null(strchr(s, '\033'));
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (p[0] == 0xe2 && (p[1] == 0x94 || p[1] == 0x95 ||
		    p[1] == 0x96)) {
			print_error("box drawing at: %s\n", (const char *)p);
			fail();
		}
}

/* Welcome, language (Spanish), consent: on the first question. */
static void
to_name(struct fixture *fx, const char *lang)
{
	const char	*s;

	s = since(fx);
	assert_non_null(strstr(s, "Press Enter to go on."));
	s = type(fx, "");
	assert_non_null(strstr(s, "1. English"));
	s = type(fx, lang);
	assert_plain(s);
	s = type(fx, "1");		/* agree */
	assert_string_equal(plain_mode_name(fx->pl), "question");
}

/* The page says "Question n of m", the question, what to type, and the
   words; a typed answer goes to the engine and on. */
static void
test_plain_question(void **state)
{
	struct fixture	*fx = fixture_new();
	const char	*s;

	(void)state;
	to_name(fx, "1");
	s = type(fx, "repeat");
	assert_non_null(strstr(s, "\nQuestion 2 of "));
	assert_non_null(strstr(s, "\nYour full name\n"));
	assert_non_null(strstr(s, "Type your answer, then press Enter."));
	assert_non_null(strstr(s, "Type back to go back, help for help"));
	s = type(fx, "José Ñúñez");
	assert_non_null(strstr(s, "Your date of birth"));
	s = type(fx, "back");
	assert_non_null(strstr(s, "Your answer now: José Ñúñez. Press Enter "
	    "to keep it."));
	s = type(fx, "");
	assert_non_null(strstr(s, "Your date of birth"));
	s = type(fx, "23 July");		/* wrong: its message */
	assert_non_null(strstr(s, "\n! "));
	s = type(fx, "23 July");		/* said again, not silence */
	assert_non_null(strstr(s, "! "));
	assert_plain(fx->buf);
	fixture_free(fx);
}

/* issue 14: the language changed mid-intake by typing its name: the same
   page again in it, and the line that says so names the others. */
static void
test_plain_language(void **state)
{
	struct fixture	*fx = fixture_new();
	const char	*s;

	(void)state;
	to_name(fx, "1");
	s = type(fx, "repeat");
	assert_non_null(strstr(s, "To change the language, type its name: "
	    "Espa\xc3\xb1ol.\nType back to go back"));
	s = type(fx, "espanol");		/* accents not needed */
	assert_string_equal(plain_mode_name(fx->pl), "question");
	assert_non_null(strstr(s, "\nPregunta 2 de "));
	assert_non_null(strstr(s, "\nSu nombre completo\n"));
	assert_non_null(strstr(s, "Para cambiar de idioma, escriba su "
	    "nombre: English."));
	s = type(fx, "English");
	assert_non_null(strstr(s, "\nYour full name\n"));
	assert_plain(fx->buf);
	fixture_free(fx);
}

/* Lists: a number, the words "sí" / "si" / "no", several numbers for a
   multiple choice (exactly those ticked), a word that is no answer. */
static void
test_plain_lists(void **state)
{
	struct fixture	*fx = fixture_new();
	const char	*s;

	(void)state;
	to_name(fx, "2");
	type(fx, "José");
	type(fx, "1985-07-23");
	type(fx, "2");
	s = type(fx, "");			/* weight: optional */
	assert_non_null(strstr(s, "\n1. Entradas"));
	assert_non_null(strstr(s, "   Imagen: La línea frontal ha "
	    "retrocedido"));
	s = type(fx, "quizás");
	assert_non_null(strstr(s, "! Perdone, esa no es una de las "
	    "respuestas."));
	s = type(fx, "1");
	assert_non_null(strstr(s, "\n2. Norwood etapa 3"));
	assert_non_null(strstr(s, "   Imagen: Entradas profundas"));
	s = type(fx, "2");
	assert_non_null(strstr(s, "\n1. Psoriasis"));
	s = type(fx, "1, 2");
	assert_non_null(strstr(s, "queloide"));
	s = type(fx, "atrás");
	assert_non_null(strstr(s, "1. [x] Psoriasis"));
	assert_non_null(strstr(s, "2. [x] Eccema"));
	assert_non_null(strstr(s, "\n3. Ninguna"));
	s = type(fx, "eccema");			/* now only eczema, by word */
	s = type(fx, "atras");
	assert_non_null(strstr(s, "\n1. Psoriasis"));
	assert_non_null(strstr(s, "2. [x] Eccema"));
	s = type(fx, "");			/* kept */
	s = type(fx, "SI");			/* "Sí" by word, then on */
	assert_null(strstr(s, "queloide"));
	s = type(fx, "atrás");
	assert_non_null(strstr(s, "1. (o) Sí"));
	fixture_free(fx);
}

/*
 * Idle: nothing is printed while the client is idle until the warning,
 * which comes once with the bell (not at every second of its countdown);
 * any line carries on.
 */
static void
test_plain_idle(void **state)
{
	struct fixture	*fx = fixture_new();
	const char	*s;
	int		 i;

	(void)state;
	to_name(fx, "1");
	since(fx);
	for (i = 0; i < 59; i++) {
		fx->now += 1;
		plain_tick(fx->pl, fx->now);
		plain_show(fx->pl);
	}
	assert_string_equal(since(fx), "");
	for (i = 0; i < 20; i++) {
		fx->now += 1;
		plain_tick(fx->pl, fx->now);
		plain_show(fx->pl);
	}
	s = since(fx);
	assert_int_equal(s[0], '\a');
	assert_non_null(strstr(s, "Are you still there?"));
	assert_null(strchr(s + 1, '\a'));	/* once */
	s = type(fx, "");
	assert_non_null(strstr(s, "Your full name"));
	fixture_free(fx);
}

/* Let secs seconds pass, a tick a second. */
static void
pass(struct fixture *fx, int secs)
{
	while (secs-- > 0) {
		fx->now += 1;
		plain_tick(fx->pl, fx->now);
		plain_show(fx->pl);
	}
}

/*
 * Time enough (WCAG 2.2.1): the warning gives the whole countdown (30 s
 * here, at least 20 ahead of the end), one line extends it, and it can be
 * extended again and again (twelve times here) without losing the intake;
 * left alone, it ends the session.
 */
static void
test_plain_extend(void **state)
{
	struct fixture	*fx = fixture_new();
	const char	*s;
	int		 i;

	(void)state;
	to_name(fx, "1");
	type(fx, "Pat");
	since(fx);
	for (i = 0; i < 12; i++) {
		pass(fx, 61);
		s = since(fx);
		assert_non_null(strstr(s, "this will close in 30 seconds"));
		pass(fx, 25);			/* 5 s left */
		assert_string_equal(plain_mode_name(fx->pl), "idle");
		s = type(fx, "");
		assert_non_null(strstr(s, "Your date of birth"));
	}
	type(fx, "back");
	s = type(fx, "repeat");
	assert_non_null(strstr(s, "Your answer now: Pat."));	/* kept */
	pass(fx, 61 + 30);
	assert_string_equal(plain_mode_name(fx->pl), "welcome");
	fixture_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_question),
		cmocka_unit_test(test_plain_language),
		cmocka_unit_test(test_plain_lists),
		cmocka_unit_test(test_plain_idle),
		cmocka_unit_test(test_plain_extend),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
