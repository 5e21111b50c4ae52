/* test_form.c: the form parser and checker, from small forms in strings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "form/expr.h"
#include "form/form.h"
#include "form/form_load.h"
#include "base/i18n.h"
#include "form/lex.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"

#define HEAD	"form t\nlanguages en es\ntitle en \"T\"\ntitle es \"T es\"\n"

/* Parse s (with art from tests/parse/art); *dp holds the diagnostics. */
static struct form *
parse(const char *s, struct diag **dp)
{
	*dp = diag_new("x.form", 0);
	return form_load_text("x.form", s, strlen(s), "tests/parse/art", 0, *dp);
}

/* Parse s, which must be good; fails the test with the messages if not. */
static struct form *
parse_ok(const char *s)
{
	struct diag	*d;
	struct form	*f = parse(s, &d);
	size_t		 i;

	for (i = 0; i < diag_kept(d); i++)
		print_error("%s\n", diag_message(d, i));
	assert_non_null(f);
	diag_free(d);
	return f;
}

/* Parse s, which must fail; returns the first message (caller frees). */
static char *
parse_bad(const char *s, size_t *count)
{
	struct diag	*d;
	struct form	*f = parse(s, &d);
	char		*m;

	assert_null(f);
	assert_true(diag_count(d) > 0);
	m = xstrdup(diag_message(d, 0));
	if (count != NULL)
		*count = diag_count(d);
	diag_free(d);
	return m;
}

static void
test_types_and_options(void **state)
{
	struct form			*f;
	const struct form_question	*q;
	const struct form_option	*o;

	(void)state;
	f = parse_ok(HEAD
	    "question hair multi required identifier\n"
	    "  label en \"Hair?\"\n  label es \"¿Pelo?\"\n"
	    "  option a points 10 exclusive\n    label en \"A\"\n"
	    "    label es \"A es\"\n    help en \"h\"\n    help es \"h es\"\n"
	    "  option b\n    points -5\n    label en \"B\"\n"
	    "    label es \"B es\"\n"
	    "question n decimal\n  label en \"N\"\n  label es \"N\"\n"
	    "  min -1.5\n  max 2.25\n"
	    "question s scale\n  label en \"S\"\n  label es \"S\"\n"
	    "question t text\n  label en \"T\"\n  label es \"T\"\n"
	    "  maxlen 12\n  pattern \"^[a-z]+$\"\n");
	assert_int_equal(f->nquestions, 4);
	q = form_question(f, "hair");
	assert_non_null(q);
	assert_int_equal(q->type, QT_MULTI);
	assert_true(q->required);
	assert_true(q->identifier);
	assert_int_equal(q->noptions, 2);
	o = form_option(q, "a");
	assert_int_equal(o->points, 10);
	assert_true(o->has_points);
	assert_true(o->exclusive);
	assert_string_equal(o->label.tr[1], "A es");
	assert_string_equal(o->help.tr[0], "h");
	o = form_option(q, "b");
	assert_int_equal(o->points, -5);
	assert_false(o->exclusive);
	assert_null(form_option(q, "c"));
	q = form_question(f, "n");
	assert_true(q->has_min && q->has_max);
	assert_true(q->min == -1.5 && q->max == 2.25);
	q = form_question(f, "s");
	assert_true(q->min == 1 && q->max == 5);
	q = form_question(f, "t");
	assert_int_equal(q->maxlen, 12);
	assert_string_equal(q->pattern, "^[a-z]+$");
	assert_non_null(q->pattern_re);
	assert_null(form_question(f, "nope"));
	assert_string_equal(form_qtype_name(QT_LONGTEXT), "longtext");
	form_free(f);
}

static void
test_items_and_sections(void **state)
{
	struct form	*f;

	(void)state;
	f = parse_ok(HEAD
	    "screen hello\n  title en \"Hi\"\n  title es \"Hola\"\n"
	    "  text en \"One\"\n  text es \"Uno\"\n  text en \"Two\"\n"
	    "  text es \"Dos\"\n  agree en \"OK\"\n  agree es \"Vale\"\n"
	    "section s1 \n  title en \"S1\"\n  title es \"S1\"\n"
	    "question a yesno\n  label en \"A\"\n  label es \"A\"\n"
	    "section s2 show if a == \"yes\"\n  title en \"S2\"\n"
	    "  title es \"S2\"\n"
	    "question b text show if answered(a)\n  label en \"B\"\n"
	    "  label es \"B\"\n"
	    "screen bye\n  title en \"Bye\"\n  title es \"Adiós\"\n");
	assert_int_equal(f->nitems, 4);
	assert_int_equal(f->nsections, 2);
	assert_int_equal(f->items[0].kind, ITEM_SCREEN);
	assert_int_equal(f->items[0].section, -1);
	assert_int_equal(f->items[1].kind, ITEM_QUESTION);
	assert_int_equal(f->items[1].section, 0);
	assert_int_equal(f->items[2].section, 1);
	assert_int_equal(f->items[3].kind, ITEM_SCREEN);
	assert_int_equal(f->items[3].ref, 1);
	assert_string_equal(f->screens[0].text.tr[0], "One\n\nTwo");
	assert_string_equal(f->screens[0].text.tr[1], "Uno\n\nDos");
	assert_string_equal(f->screens[0].agree.tr[1], "Vale");
	assert_non_null(f->sections[1].show_if);
	assert_string_equal(f->sections[1].show_if_src, "a == \"yes\"");
	assert_int_equal(f->sections[1].show_if_loc.line, 20);
	assert_int_equal(f->sections[1].show_if_loc.col, 20);
	assert_non_null(f->questions[1].show_if);
	assert_string_equal(f->questions[1].show_if_src, "answered(a)");
	assert_int_equal(f->questions[1].item, 2);
	assert_int_equal(f->questions[1].section, 1);
	assert_null(f->sections[0].show_if);
	/* Screens and questions share one id index. */
	assert_ptr_equal(form_screen(f, "bye"), &f->screens[1]);
	assert_ptr_equal(form_screen(f, "hello"), &f->screens[0]);
	assert_null(form_screen(f, f->questions[0].id));
	assert_null(form_question(f, "bye"));
	assert_null(form_screen(f, "nope"));
	form_free(f);
}

static void
test_yesno_and_phrases(void **state)
{
	struct form			*f;
	const struct form_question	*q;

	(void)state;
	f = parse_ok("form t\nlanguages en es\ntitle en \"T\"\n"
	    "title es \"T\"\nphrase yes es \"Claro\"\nphrase next en \"Go\"\n"
	    "question k yesno\n  label en \"K\"\n  label es \"K\"\n");
	q = form_question(f, "k");
	assert_int_equal(q->noptions, 2);
	assert_string_equal(q->options[0].code, "yes");
	assert_string_equal(q->options[1].code, "no");
	assert_string_equal(q->options[0].label.tr[0], "Yes");
	assert_string_equal(q->options[0].label.tr[1], "Claro");
	assert_string_equal(q->options[1].label.tr[1], "No");
	assert_string_equal(form_phrase(f, PH_NEXT, 0), "Go");
	assert_string_equal(form_phrase(f, PH_NEXT, 1), "Siguiente");
	assert_string_equal(form_phrase(f, PH_BACK, 0), "Back");
	form_free(f);
}

static void
test_rules_and_bands(void **state)
{
	struct form	*f;

	(void)state;
	f = parse_ok(HEAD
	    "question a integer\n  label en \"A\"\n  label es \"A\"\n"
	    "rules\n"
	    "band 70 top\n  text en \"Top\"\n  text es \"Top\"\n"
	    "points p a / 2 if a > 1\n  text en \"P\"\n  text es \"P\"\n"
	    "stop s not-offered if a < 18\n  text en \"S\"\n  text es \"S\"\n"
	    "  client en \"C\"\n  client es \"C\"\n"
	    "flag fl if a > 90\n  text en \"F\"\n  text es \"F\"\n"
	    "recommend r group g1 if a > 40\n  text en \"R\"\n"
	    "  text es \"R\"\n"
	    "recommend r2 if a > 50\n  text en \"R\"\n  text es \"R\"\n"
	    "band 0 low\n  text en \"Low\"\n  text es \"Low\"\n"
	    "band 40 mid\n  text en \"Mid\"\n  text es \"Mid\"\n");
	assert_int_equal(f->nrules, 5);
	assert_int_equal(f->rules[0].kind, RULE_POINTS);
	assert_string_equal(f->rules[0].points_src, "a / 2");
	assert_string_equal(f->rules[0].cond_src, "a > 1");
	assert_non_null(f->rules[0].points);
	assert_int_equal(expr_type_of(f->rules[0].points), EXPR_NUM);
	assert_int_equal(f->rules[1].kind, RULE_STOP);
	assert_string_equal(f->rules[1].client.tr[1], "C");
	assert_int_equal(f->rules[2].kind, RULE_FLAG);
	assert_int_equal(f->rules[3].kind, RULE_RECOMMEND);
	assert_string_equal(f->rules[3].group, "g1");
	assert_null(f->rules[4].group);
	assert_int_equal(f->nbands, 3);
	assert_int_equal(f->bands[0].min, 0);
	assert_string_equal(f->bands[0].id, "low");
	assert_int_equal(f->bands[1].min, 40);
	assert_int_equal(f->bands[2].min, 70);
	assert_string_equal(f->bands[2].text.tr[0], "Top");
	form_free(f);
}

static void
test_art(void **state)
{
	struct form	*f;
	struct diag	*d;
	const char	*src = "form t\nlanguages en\ntitle en \"T\"\n"
	    "question a choice\n  label en \"A\"\n  art cat\n"
	    "  option x art cjk\n    label en \"X\"\n"
	    "    describe en \"Wide\"\n"
	    "  option y\n    art cat\n    label en \"Y\"\n"
	    "    describe en \"A cat\"\n";

	(void)state;
	f = parse_ok(src);
	assert_int_equal(f->narts, 2);
	assert_ptr_equal(f->questions[0].art, f->questions[0].options[1].art);
	assert_string_equal(f->questions[0].art->name, "cat");
	assert_int_equal(f->questions[0].art->width, 8);
	assert_int_equal(f->questions[0].art->height, 3);
	assert_int_equal(f->questions[0].options[0].art->width, 36);
	assert_non_null(f->questions[0].art->ascii);
	assert_null(strchr(f->questions[0].art->utf8 +
	    strlen(f->questions[0].art->utf8) - 1, '\n'));
	form_free(f);
	/* Without pictures: names kept, nothing read. */
	d = diag_new("x.form", 0);
	f = form_load_text("x.form", src, strlen(src), "no/such/dir", FORM_NO_ART,
	    d);
	assert_non_null(f);
	assert_int_equal(f->narts, 2);
	assert_string_equal(f->questions[0].options[0].art->name, "cjk");
	assert_null(f->questions[0].options[0].art->utf8);
	form_free(f);
	diag_free(d);
}

static void
test_translations(void **state)
{
	struct form	*f;
	char		*m;

	(void)state;
	m = parse_bad(HEAD "question a text\n  label en \"A\"\n", NULL);
	assert_string_equal(m, "x.form:6:3: label has no 'es' translation");
	free(m);
	f = parse_ok("form t\nlanguages en es\ntitle en \"T\"\n"
	    "title es \"T\"\nquestion a text\n  label en \"A\"\n"
	    "  label es \"A es\"\n  short en \"Short\"\n  short es \"Corto\"\n"
	    "question b text\n  label en \"B\"\n  label es \"B es\"\n");
	assert_int_equal(form_lang(f, "es"), 1);
	assert_int_equal(form_lang(f, "fr"), -1);
	assert_string_equal(form_tr(&f->questions[0].label, 1), "A es");
	assert_string_equal(form_tr(&f->questions[0].label, 7), "A");
	assert_null(form_tr(&f->questions[1].help, 0));
	assert_string_equal(form_qname(&f->questions[0], 1), "Corto");
	assert_string_equal(form_qname(&f->questions[1], 0), "B");
	assert_int_equal(f->questions[0].label.loc.line, 6);
	form_free(f);
}

static void
test_errors_collected(void **state)
{
	struct diag	*d;
	struct form	*f;

	(void)state;
	f = parse("form t\nlanguages en\ntitle en \"T\"\nlable en \"x\"\n"
	    "question A text\nquestion b choise\nband 5 x\n  text en \"X\"\n",
	    &d);
	assert_null(f);
	assert_int_equal(diag_count(d), 5);
	assert_string_equal(diag_message(d, 0), "x.form:4:1: unknown keyword "
	    "'lable' (did you mean 'label'?)");
	assert_string_equal(diag_message(d, 1), "x.form:5:10: question id 'A' "
	    "may hold only lowercase letters, digits and '_'");
	assert_string_equal(diag_message(d, 2), "x.form:6:12: unknown question "
	    "type 'choise' (did you mean 'choice'?)");
	assert_string_equal(diag_message(d, 3), "x.form:6:1: question 'b' "
	    "has no 'label'");
	assert_string_equal(diag_message(d, 4), "x.form:7:1: no band starts "
	    "at 0 (the lowest band must be 'band 0 ID')");
	diag_free(d);
}

/*
 * A form kept in a database (FORM_STORED) is read by the rules of the
 * language it was written in: a picture option without 'describe' (required
 * since issue 14), a third language without the phrases added since, a
 * stop without a kind.  The same text as a new form is refused.  Without
 * this, "export" and "show" of every intake answered on such a form fail.
 */
static void
test_stored_older(void **state)
{
	const char	*src = "form t\nlanguages en es xx\ntitle en \"T\"\n"
	    "title es \"T\"\ntitle xx \"T\"\n"
	    "question q choice\n  label en \"Q\"\n  label es \"Q\"\n"
	    "  label xx \"Q\"\n"
	    "  option a art cat\n    label en \"A\"\n    label es \"A\"\n"
	    "    label xx \"A\"\n"
	    "  option b\n    label en \"B\"\n    label es \"B\"\n"
	    "    label xx \"B\"\n";
	struct diag	*d = diag_new("x.form", 0);
	struct form	*f;
	size_t		 i;
	bool		 describe = false, phrases = false;

	(void)state;
	f = form_load_text("x.form", src, strlen(src), NULL,
	    FORM_NO_ART | FORM_STORED, d);
	if (f == NULL)
		fail_msg("%s", diag_message(d, 0));
	assert_string_equal(form_phrase(f, PH_NEXT, 2), "Next");
	form_free(f);
	diag_free(d);
	d = diag_new("x.form", 0);
	assert_null(form_load_text("x.form", src, strlen(src), NULL,
	    FORM_NO_ART, d));
	for (i = 0; i < diag_kept(d); i++) {
		describe |= strstr(diag_message(d, i), "has no 'describe'") !=
		    NULL;
		phrases |= strstr(diag_message(d, i), "language 'xx' has no "
		    "text for phrase") != NULL;
	}
	assert_true(describe && phrases);
	diag_free(d);
}

static void
test_columns_count_characters(void **state)
{
	char	*m;

	(void)state;
	m = parse_bad("form t\nlanguages en\ntitle en \"Ñandú ü\" zz\n", NULL);
	assert_string_equal(m, "x.form:3:20: unexpected 'zz' after the text");
	free(m);
	m = parse_bad("form t\nlanguages en\ntitle en \"añ\xc3\"\n", NULL);
	assert_string_equal(m, "x.form:3:13: invalid UTF-8 (byte 0xc3)");
	free(m);
}

static void
test_error_limit(void **state)
{
	struct strbuf	 sb;
	struct diag	*d;
	struct form	*f;
	int		 i;

	(void)state;
	strbuf_init(&sb);
	strbuf_adds(&sb, "form t\nlanguages en\ntitle en \"T\"\n");
	for (i = 0; i < 1000; i++)
		strbuf_adds(&sb, "bogus line\n");
	d = diag_new("x.form", 0);
	f = form_load_text("x.form", sb.s, sb.len, NULL, 0, d);
	assert_null(f);
	assert_int_equal(diag_kept(d), DIAG_DEFAULT_LIMIT);
	assert_int_equal(diag_count(d), DIAG_DEFAULT_LIMIT + 1);
	diag_free(d);
	strbuf_done(&sb);
}

static void
test_load(void **state)
{
	struct diag	*d = diag_new("forms/minimal.form", 0);
	struct form	*f;
	char		*dir, *err = NULL;

	(void)state;
	f = form_load("forms/minimal.form", 0, d, NULL);
	assert_non_null(f);
	assert_string_equal(f->id, "minimal");
	assert_int_equal(f->version, 2);
	assert_int_equal(f->end, END_SCORE);
	assert_int_equal(f->nlangs, 2);
	assert_non_null(f->source);
	assert_int_equal(strlen(f->source), f->source_len);
	assert_memory_equal(f->source, "# minimal.form", 14);
	form_free(f);
	diag_free(d);
	d = diag_new("nope.form", 0);
	assert_null(form_load("nope.form", 0, d, NULL));
	assert_string_equal(diag_message(d, 0), "nope.form:1:1: cannot read "
	    "the form: No such file or directory");
	diag_free(d);
	/* With errp, a missing file is told apart from a broken form. */
	d = diag_new("nope.form", 20);
	assert_null(form_load("nope.form", 0, d, &err));
	assert_string_equal(err, "nope.form: No such file or directory");
	assert_int_equal(diag_count(d), 0);
	free(err);
	diag_free(d);
	dir = form_load_art_dir("forms/x.form");
	assert_string_equal(dir, "forms/art");
	free(dir);
	dir = form_load_art_dir("x.form");
	assert_string_equal(dir, "art");
	free(dir);
}

static void
test_lexer(void **state)
{
	const char		*s = "label en \"a\\\"b\\n\" # c\n\n  x-1 -3 2.5 2a ==\n";
	struct diag		*d = diag_new("x", 0);
	struct lexer		*lx = lex_new(s, strlen(s), d);
	const struct lex_line	*ln;

	(void)state;
	ln = lex_next(lx);
	assert_int_equal(ln->lineno, 1);
	assert_int_equal(ln->ntoks, 3);
	assert_int_equal(ln->toks[2].kind, LEX_STRING);
	assert_string_equal(ln->toks[2].str, "a\"b\n");
	ln = lex_next(lx);
	assert_int_equal(ln->lineno, 3);
	assert_int_equal(ln->ntoks, 6);
	assert_int_equal(ln->toks[0].kind, LEX_WORD);
	assert_int_equal(ln->toks[0].col, 3);
	assert_int_equal(ln->toks[1].kind, LEX_NUMBER);
	assert_int_equal(ln->toks[2].kind, LEX_NUMBER);
	assert_int_equal(ln->toks[3].kind, LEX_WORD);
	assert_int_equal(ln->toks[4].kind, LEX_PUNCT);
	assert_null(lex_next(lx));
	assert_int_equal(diag_count(d), 0);
	lex_free(lx);
	diag_free(d);
}

static void
test_show_if_scope(void **state)
{
	char	*m;

	(void)state;
	m = parse_bad("form t\nlanguages en\ntitle en \"T\"\n"
	    "question a text show if b > 1\n  label en \"A\"\n"
	    "question b integer\n  label en \"B\"\n", NULL);
	assert_non_null(strstr(m, "x.form:4:25: "));
	free(m);
	/* validate may look at the question itself; rules anywhere. */
	m = NULL;
	form_free(parse_ok("form t\nlanguages en\ntitle en \"T\"\n"
	    "question a integer\n  label en \"A\"\n  validate a > 0\n"
	    "    message en \"M\"\nflag f if b > 1\n  text en \"F\"\n"
	    "question b integer\n  label en \"B\"\n"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types_and_options),
		cmocka_unit_test(test_items_and_sections),
		cmocka_unit_test(test_yesno_and_phrases),
		cmocka_unit_test(test_rules_and_bands),
		cmocka_unit_test(test_art),
		cmocka_unit_test(test_translations),
		cmocka_unit_test(test_errors_collected),
		cmocka_unit_test(test_columns_count_characters),
		cmocka_unit_test(test_error_limit),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_lexer),
		cmocka_unit_test(test_show_if_scope),
		cmocka_unit_test(test_stored_older),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
