/* test_expr.c: the expression compiler and evaluator over a hand-built
 * scope (questions built by hand, no form parser). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/date.h"
#include "base/defs.h"
#include "base/diag.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "form/expr.h"
#include "form/expr_eval.h"
#include "form/form.h"

enum { Q_PATTERN, Q_WORRIES, Q_AGEQ, Q_WEIGHT, Q_DOB, Q_NAME, Q_KELOID,
	Q_LATER, NQ };

static char o_male[] = "male", o_female[] = "female", o_other[] = "other";
static char o_cost[] = "cost", o_pain[] = "pain", o_none[] = "none";
static struct form_option pattern_opts[] = {
	{ .code = o_male }, { .code = o_female }, { .code = o_other }
};
static struct form_option worries_opts[] = {
	{ .code = o_cost }, { .code = o_pain }, { .code = o_none,
	    .exclusive = true }
};
static struct form_question qs[NQ];
static const char *vals[NQ];

/* Build the questions: item i for question i, line 10 + i. */
static void
setup_questions(void)
{
	static const struct { const char *id; enum form_qtype t; } defs[] = {
		{ "pattern", QT_CHOICE }, { "worries", QT_MULTI },
		{ "ageq", QT_INTEGER }, { "weight", QT_DECIMAL },
		{ "dob", QT_DATE }, { "name", QT_TEXT },
		{ "keloid", QT_YESNO }, { "later", QT_INTEGER }
	};
	int	i;

	memset(qs, 0, sizeof(qs));
	for (i = 0; i < NQ; i++) {
		qs[i].id = (char *)(uintptr_t)defs[i].id;
		qs[i].type = defs[i].t;
		qs[i].index = i;
		qs[i].item = i;
		qs[i].section = -1;
		qs[i].loc.line = 10 + i;
		qs[i].loc.col = 1;
		vals[i] = NULL;
	}
	qs[Q_PATTERN].options = pattern_opts;
	qs[Q_PATTERN].noptions = 3;
	qs[Q_WORRIES].options = worries_opts;
	qs[Q_WORRIES].noptions = 3;
}

/* Scope lookup over qs[]. */
static const struct form_question *
lookup(void *ctx, const char *id, size_t len)
{
	int	i;

	(void)ctx;
	for (i = 0; i < NQ; i++)
		if (strlen(qs[i].id) == len && memcmp(qs[i].id, id, len) == 0)
			return &qs[i];
	return NULL;
}

/* Env value over vals[]. */
static const char *
value(void *ctx, const struct form_question *q)
{
	(void)ctx;
	return vals[q->index];
}

static struct expr_env env = { value, NULL, 0 };

/* Compile s (at line 1 col 1) with no scope limit; must succeed. */
static struct expr *
compile_ok(const char *s, enum expr_type want)
{
	struct expr_scope	 sc = { lookup, NULL, -1, NULL, "rule" };
	struct diag		*d = diag_new("f.form", 20);
	struct expr		*e;

	e = expr_compile(s, strlen(s), 1, 1, &sc, want, d);
	if (e == NULL)
		fail_msg("%s: %s", s, diag_message(d, 0));
	diag_free(d);
	return e;
}

/* Compile s at line 3 col 9 and return its first error (caller frees),
   or NULL if it compiled. */
static char *
compile_err(const char *s, int limit, enum expr_type want,
    const char *what, size_t *nerr)
{
	struct expr_scope	 sc = { lookup, NULL, limit, NULL, what };
	struct diag		*d = diag_new("f.form", 20);
	struct expr		*e;
	char			*msg = NULL;

	if (limit >= 0)
		sc.self = NULL;
	e = expr_compile(s, strlen(s), 3, 9, &sc, want, d);
	if (e != NULL)
		expr_free(e);
	else if (diag_kept(d) > 0)
		msg = xstrdup(diag_message(d, 0));
	if (nerr != NULL)
		*nerr = diag_count(d);
	diag_free(d);
	return msg;
}

/* Assert that s fails with exactly msg as its first error. */
static void
assert_err(const char *s, enum expr_type want, const char *msg)
{
	char	*got = compile_err(s, -1, want, "show if", NULL);

	if (got == NULL)
		fail_msg("'%s' compiled", s);
	assert_string_equal(got, msg);
	free(got);
}

/* Evaluate condition s now. */
static bool
holds(const char *s)
{
	struct expr	*e = compile_ok(s, EXPR_BOOL);
	bool		 r = expr_eval_true(e, &env);

	expr_free(e);
	return r;
}

/* Evaluate number s now: rc of expr_number, value in *out. */
static int
number(const char *s, double *out)
{
	struct expr	*e = compile_ok(s, EXPR_NUM);
	int		 rc = expr_eval_number(e, &env, out);

	expr_free(e);
	return rc;
}

/* Assert the number s evaluates to x. */
static void
assert_num(const char *s, double x)
{
	double	v = -12345;

	if (number(s, &v) != 0)
		fail_msg("%s: missing", s);
	if (v != x)
		fail_msg("%s: %g, not %g", s, v, x);
}

static int
setup(void **state)
{
	(void)state;
	setup_questions();
	date_parse("2026-06-15", &env.today);
	return 0;
}

static void
test_constants_and_arith(void **state)
{
	double	v;

	(void)state;
	assert_num("1 + 2 * 3", 7);
	assert_num("(1 + 2) * 3", 9);
	assert_num("10 - 4 - 3", 3);
	assert_num("-3 + 1", -2);
	assert_num("- (2 * 2)", -4);
	assert_num("7 / 2", 3.5);
	assert_num("72.5", 72.5);
	assert_num("min(3, 9) + max(3, 9)", 12);
	assert_int_equal(number("1 / 0", &v), -1);
	assert_int_equal(number("1 / (2 - 2) + 5", &v), -1);
	assert_true(holds("true"));
	/* add_months holds the day at the month's end (issue 11). */
	assert_true(holds("add_months(date(\"2026-01-31\"), 1) == "
	    "date(\"2026-02-28\")"));
	assert_true(holds("add_months(date(\"2024-01-31\"), 1) == "
	    "date(\"2024-02-29\")"));
	assert_true(holds("add_months(date(\"2026-03-31\"), 6) == "
	    "date(\"2026-09-30\")"));
	assert_true(holds("add_months(date(\"2026-06-15\"), -6) == "
	    "date(\"2025-12-15\")"));
	assert_true(holds("add_months(today(), -12) == date(\"2025-06-15\")"));
	assert_false(holds("add_months(today(), 1.5) == today()"));
	assert_false(holds("false"));
	assert_true(holds("1 < 2 and 2 <= 2 and 3 > 2 and 3 >= 3"));
	assert_true(holds("1 == 1 and 1 != 2"));
	assert_false(holds("1 == 2 or 1 > 2"));
	assert_true(holds("not false"));
	assert_true(holds("not not true"));
	assert_true(holds("\"a\" == \"a\" and \"a\" != \"b\""));
	assert_true(holds("true == true and true != false"));
	assert_true(holds("2 in (1, 2, 3)"));
	assert_true(holds("-2 in (1, -2)"));
	assert_false(holds("4 in (1, 2, 3)"));
	assert_true(holds("date(\"2020-01-02\") > date(\"2020-01-01\")"));
	assert_num("date(\"2020-03-01\") - date(\"2020-02-01\")", 29);
	assert_true(holds("date(\"2020-02-28\") + 1 == date(\"2020-02-29\")"));
	assert_true(holds("today() == date(\"2026-06-15\")"));
	assert_num("len(\"añ😀\")", 3);
	/* precedence: not binds looser than comparison, and than or */
	assert_true(holds("not 1 == 2"));
	assert_true(holds("true or false and false"));
	assert_false(holds("(true or false) and false"));
}

static void
test_questions(void **state)
{
	(void)state;
	vals[Q_PATTERN] = "male";
	vals[Q_WORRIES] = "cost;pain";
	vals[Q_AGEQ] = "42";
	vals[Q_WEIGHT] = "72.5";
	vals[Q_DOB] = "2000-06-16";
	vals[Q_NAME] = "José";
	vals[Q_KELOID] = "yes";
	assert_true(holds("pattern == \"male\""));
	assert_true(holds("\"male\" == pattern"));
	assert_true(holds("pattern in (\"male\", \"other\")"));
	assert_false(holds("pattern in (\"female\", \"other\")"));
	assert_true(holds("has(worries, \"pain\") and has(worries, \"cost\")"));
	assert_false(holds("has(worries, \"none\")"));
	assert_num("count(worries)", 2);
	assert_num("ageq * 2 + weight", 156.5);
	assert_true(holds("keloid == \"yes\""));
	assert_num("age(dob)", 25);	/* birthday is tomorrow */
	assert_num("years_since(dob)", 25);
	assert_num("months_since(dob)", 311);
	assert_num("days_since(date(\"2026-06-01\"))", 14);
	assert_num("len(name)", 4);
	assert_true(holds("answered(name) and answered(dob)"));
	assert_true(holds("name == \"José\""));
	vals[Q_DOB] = "2008-06-15";
	assert_num("age(dob)", 18);
	assert_true(holds("age(dob) >= 18"));
	vals[Q_WORRIES] = "none";
	assert_num("count(worries)", 1);
	assert_true(holds("has(worries, \"none\")"));
}

static void
test_missing(void **state)
{
	double	v;

	(void)state;
	assert_false(holds("pattern == \"male\""));
	assert_false(holds("pattern != \"male\""));
	assert_true(holds("not (pattern == \"male\")"));
	assert_true(holds("not (pattern != \"male\")"));
	assert_false(holds("pattern in (\"male\", \"female\")"));
	assert_false(holds("ageq < 18"));
	assert_false(holds("ageq >= 18"));
	assert_false(holds("answered(pattern)"));
	assert_true(holds("not answered(pattern)"));
	assert_false(holds("has(worries, \"pain\")"));
	assert_num("count(worries)", 0);
	assert_int_equal(number("ageq + 1", &v), -1);
	assert_int_equal(number("-ageq", &v), -1);
	assert_int_equal(number("age(dob)", &v), -1);
	assert_int_equal(number("len(name)", &v), -1);
	assert_int_equal(number("min(ageq, 3)", &v), -1);
	assert_false(holds("age(dob) < 18"));
	/* short circuit: or stops at true, and at false */
	assert_true(holds("true or ageq > 1"));
	assert_false(holds("false and ageq > 1"));
	/* an answer that does not decode is missing too */
	vals[Q_AGEQ] = "abc";
	assert_false(holds("ageq == 0"));
	vals[Q_AGEQ] = "";
	assert_false(holds("answered(ageq)"));
	vals[Q_AGEQ] = NULL;
}

static void
test_syntax_errors(void **state)
{
	(void)state;
	assert_err("1 +", EXPR_NUM, "f.form:3:12: unexpected end of expression");
	assert_err("(1 + 2", EXPR_NUM, "f.form:3:15: expected ')', found the end");
	assert_err("1 $ 2", EXPR_NUM, "f.form:3:11: unexpected character '$'");
	assert_err("ageq = 2", EXPR_BOOL, "f.form:3:14: unexpected character "
	    "'='; write '==' to compare");
	assert_err("true && true", EXPR_BOOL, "f.form:3:14: unexpected "
	    "character '&'; write 'and'");
	assert_err("!true", EXPR_BOOL, "f.form:3:9: unexpected character "
	    "'!'; write 'not' or '!='");
	assert_err("1\x01", EXPR_NUM,
	    "f.form:3:10: unexpected character U+0001");
	assert_err("1.5.3", EXPR_NUM, "f.form:3:12: unexpected character '.'");
	assert_err("(1 + 2))", EXPR_NUM, "f.form:3:16: unexpected ')'");
	assert_err("min(1 2)", EXPR_NUM, "f.form:3:15: expected ',' or ')', "
	    "found '2'");
	assert_err("pattern in \"male\"", EXPR_BOOL,
	    "f.form:3:20: expected '(', found '\"male\"'");
	assert_err("\"añ\" == é", EXPR_BOOL,
	    "f.form:3:17: unexpected character 'é'");
	assert_err("name == \"abc", EXPR_BOOL,
	    "f.form:3:17: unterminated string");
	assert_err("1 2", EXPR_NUM, "f.form:3:11: unexpected '2'");
	assert_err("", EXPR_BOOL, "f.form:3:9: show if needs an expression");
	assert_err("frob(1)", EXPR_NUM, "f.form:3:9: unknown function 'frob'");
	assert_err("min(1)", EXPR_NUM,
	    "f.form:3:9: 'min' takes 2 arguments, not 1");
	assert_err("today(1)", EXPR_DATE,
	    "f.form:3:9: 'today' takes 0 arguments, not 1");
	assert_err("len(\"a\", \"b\", \"c\")", EXPR_NUM,
	    "f.form:3:9: 'len' takes 1 argument, not 3");
	assert_err("ageq in ()", EXPR_BOOL, "f.form:3:18: unexpected ')'");
	assert_err("pattern == and", EXPR_BOOL, "f.form:3:20: unexpected 'and'");
	assert_err("date(\"2023-02-31\") > dob", EXPR_BOOL,
	    "f.form:3:14: no such day: '2023-02-31'");
	assert_err("date(\"31/01/2020\") > dob", EXPR_BOOL,
	    "f.form:3:14: not a date: '31/01/2020' (write YYYY-MM-DD)");
}

static void
test_type_errors(void **state)
{
	size_t	 n;
	char	*m;

	(void)state;
	assert_err("ageq == \"x\"", EXPR_BOOL,
	    "f.form:3:14: cannot compare a number with a string");
	assert_err("dob < 3", EXPR_BOOL,
	    "f.form:3:13: cannot compare a date with a number");
	assert_err("has(ageq, \"x\")", EXPR_BOOL,
	    "f.form:3:13: 'has' needs a multiple-choice question");
	assert_err("count(pattern)", EXPR_NUM,
	    "f.form:3:15: 'count' needs a multiple-choice question");
	assert_err("answered(1)", EXPR_BOOL,
	    "f.form:3:18: 'answered' needs a question");
	assert_err("pattern == \"mal\"", EXPR_BOOL, "f.form:3:20: 'pattern' "
	    "has no option 'mal'; options are: male, female, other");
	assert_err("\"mal\" != pattern", EXPR_BOOL, "f.form:3:9: 'pattern' "
	    "has no option 'mal'; options are: male, female, other");
	assert_err("pattern in (\"male\", \"fem\")", EXPR_BOOL,
	    "f.form:3:29: 'pattern' has no option 'fem'; options are: male, "
	    "female, other");
	assert_err("keloid == \"si\"", EXPR_BOOL,
	    "f.form:3:19: 'keloid' has no option 'si'; options are: yes, no");
	assert_err("has(worries, \"money\")", EXPR_BOOL, "f.form:3:22: "
	    "'worries' has no option 'money'; options are: cost, pain, none");
	assert_err("ageq in (1, \"2\")", EXPR_BOOL,
	    "f.form:3:21: cannot compare a number with a string");
	assert_err("ageq + 1", EXPR_BOOL,
	    "f.form:3:14: show if needs a true/false condition, this is a "
	    "number");
	assert_err("ageq > 1", EXPR_NUM,
	    "f.form:3:14: show if needs a number, this is a true/false value");
	assert_err("ageq and true", EXPR_BOOL,
	    "f.form:3:9: 'and' needs true/false values, this is a number");
	assert_err("not name", EXPR_BOOL,
	    "f.form:3:13: 'not' needs true/false values, this is a string");
	assert_err("name + 1", EXPR_NUM,
	    "f.form:3:14: cannot apply '+' to a string and a number");
	assert_err("-name", EXPR_NUM,
	    "f.form:3:10: '-' needs a number, this is a string");
	assert_err("name < \"b\"", EXPR_BOOL,
	    "f.form:3:14: '<' needs numbers or dates, this is a string");
	assert_err("worries == worries", EXPR_BOOL, "f.form:3:17: cannot "
	    "compare multiple-choice answers with '=='; use has(q, \"code\")");
	assert_err("age(ageq) > 1", EXPR_BOOL,
	    "f.form:3:13: 'age' needs a date, this is a number");
	assert_err("len(ageq) > 1", EXPR_BOOL,
	    "f.form:3:13: 'len' needs a string, this is a number");
	assert_err("nobody == 1", EXPR_BOOL,
	    "f.form:3:9: unknown question 'nobody'");
	/* every type error is reported, not just the first */
	m = compile_err("nobody == 1 or ageq == \"x\" or pattern == \"mal\"",
	    -1, EXPR_BOOL, "rule", &n);
	assert_non_null(m);
	assert_int_equal(n, 3);
	free(m);
}

static void
test_scope(void **state)
{
	char	*m;
	struct expr_scope sc = { lookup, NULL, Q_NAME, &qs[Q_NAME],
	    "validate" };
	struct diag *d = diag_new("f.form", 20);
	struct expr *e;

	(void)state;
	m = compile_err("later > 1", Q_NAME, EXPR_BOOL, "show if", NULL);
	assert_string_equal(m, "f.form:3:9: show if refers to 'later', "
	    "which comes later (line 17)");
	free(m);
	m = compile_err("name == \"x\"", Q_NAME, EXPR_BOOL, "show if", NULL);
	assert_string_equal(m, "f.form:3:9: show if cannot refer to 'name' "
	    "itself");
	free(m);
	m = compile_err("ageq > 1 and dob < today()", Q_NAME, EXPR_BOOL,
	    "show if", NULL);
	assert_null(m);
	/* validate may look at its own question */
	e = expr_compile("len(name) > 1", 13, 1, 1, &sc, EXPR_BOOL, d);
	assert_non_null(e);
	assert_int_equal(diag_count(d), 0);
	expr_free(e);
	diag_free(d);
}

static void
test_limits(void **state)
{
	struct strbuf	 sb;
	char		*m;
	int		 i;

	(void)state;
	strbuf_init(&sb);
	for (i = 0; i < 100; i++)
		strbuf_addc(&sb, '(');
	strbuf_addc(&sb, '1');
	for (i = 0; i < 100; i++)
		strbuf_addc(&sb, ')');
	m = compile_err(sb.s, -1, EXPR_NUM, "rule", NULL);
	assert_non_null(m);
	assert_non_null(strstr(m, "nested too deeply"));
	free(m);
	strbuf_reset(&sb);
	for (i = 0; i < 1000; i++)
		strbuf_adds(&sb, "1 + ");
	strbuf_addc(&sb, '1');
	m = compile_err(sb.s, -1, EXPR_NUM, "rule", NULL);
	assert_non_null(m);
	assert_non_null(strstr(m, "too long"));
	free(m);
	strbuf_reset(&sb);
	for (i = 0; i < 1000; i++)
		strbuf_adds(&sb, "not ");
	strbuf_adds(&sb, "true");
	m = compile_err(sb.s, -1, EXPR_BOOL, "rule", NULL);
	assert_non_null(m);
	free(m);
	/* within the limits is fine */
	strbuf_reset(&sb);
	for (i = 0; i < 50; i++)
		strbuf_adds(&sb, "1 + ");
	strbuf_addc(&sb, '1');
	assert_num(sb.s, 51);
	strbuf_done(&sb);
}

/* Collect referenced question ids. */
static void
collect(void *ctx, const struct form_question *q)
{
	strbuf_adds(ctx, q->id);
	strbuf_addc(ctx, ' ');
}

static void
test_walk_and_types(void **state)
{
	struct expr	*e;
	struct strbuf	 sb;

	(void)state;
	e = compile_ok("answered(name) and age(dob) > ageq or has(worries, "
	    "\"cost\")", EXPR_BOOL);
	strbuf_init(&sb);
	expr_walk_refs(e, collect, &sb);
	assert_string_equal(sb.s, "name dob ageq worries ");
	assert_int_equal(expr_type_of(e), EXPR_BOOL);
	expr_free(e);
	e = compile_ok("dob", EXPR_ANY);
	assert_int_equal(expr_type_of(e), EXPR_DATE);
	expr_free(e);
	e = compile_ok("worries", EXPR_ANY);
	assert_int_equal(expr_type_of(e), EXPR_SET);
	expr_free(e);
	strbuf_done(&sb);
	expr_free(NULL);
}

/* Random token soup: whatever compiles must evaluate; nothing may crash
   or leak (run under ASan by "make asan"). */
static void
test_random_soup(void **state)
{
	static const char *const toks[] = {
		"(", ")", ",", "+", "-", "*", "/", "==", "!=", "<", "<=", ">",
		">=", "and", "or", "not", "in", "true", "false", "1", "0",
		"2.5", "\"male\"", "\"x\"", "\"", "pattern", "worries", "ageq",
		"weight", "dob", "name", "keloid", "nobody", "answered",
		"has", "count", "age", "today", "len", "date", "min", "max",
		"days_since", "\"2020-01-01\"", "é", "$", "\t", "="
	};
	struct expr_scope	 sc = { lookup, NULL, -1, NULL, "rule" };
	struct strbuf		 sb;
	struct diag		*d;
	struct expr		*e;
	unsigned long		 seed = 12345;
	double			 x;
	int			 i, j, n, compiled = 0;

	(void)state;
	vals[Q_PATTERN] = "male";
	vals[Q_WORRIES] = "cost;pain";
	vals[Q_AGEQ] = "3";
	vals[Q_DOB] = "2000-01-01";
	strbuf_init(&sb);
	for (i = 0; i < 20000; i++) {
		strbuf_reset(&sb);
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		n = (int)((seed >> 33) % 12) + 1;
		for (j = 0; j < n; j++) {
			seed = seed * 6364136223846793005UL +
			    1442695040888963407UL;
			strbuf_adds(&sb, toks[(seed >> 33) % SMP_NELEM(toks)]);
			strbuf_addc(&sb, ' ');
		}
		d = diag_new("soup", 20);
		e = expr_compile(sb.s, sb.len, 1, 1, &sc, EXPR_ANY, d);
		if (e != NULL) {
			compiled++;
			assert_int_equal(diag_count(d), 0);
			(void)expr_eval_true(e, &env);
			(void)expr_eval_number(e, &env, &x);
			expr_free(e);
		} else
			assert_true(diag_count(d) > 0);
		diag_free(d);
	}
	assert_true(compiled > 100);
	strbuf_done(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_constants_and_arith, setup),
		cmocka_unit_test_setup(test_questions, setup),
		cmocka_unit_test_setup(test_missing, setup),
		cmocka_unit_test_setup(test_syntax_errors, setup),
		cmocka_unit_test_setup(test_type_errors, setup),
		cmocka_unit_test_setup(test_scope, setup),
		cmocka_unit_test_setup(test_limits, setup),
		cmocka_unit_test_setup(test_walk_and_types, setup),
		cmocka_unit_test_setup(test_random_soup, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
