/*
 * expr_eval.c: evaluating compiled expressions over a set of answers.
 *
 * Values are read from the environment as canonical strings and decoded
 * on the fly (strtod, date_parse, scanning ';' for sets), so evaluation
 * allocates nothing.  Recursion is bounded by the tree height, which the
 * compiler limits (EXPR_MAX_HEIGHT).  A missing operand makes comparisons
 * false and arithmetic missing; see smp_expr.h.
 */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "form/expr.h"
#include "form/expr_eval.h"
#include "form/model.h"
#include "expr_int.h"

/* A value during evaluation; strings are borrowed. */
struct val {
	bool		 missing;	/* unanswered, hidden or undefined */
	double		 num;		/* EXPR_NUM */
	int		 date;		/* EXPR_DATE */
	bool		 b;		/* EXPR_BOOL */
	const char	*s;		/* EXPR_STR, EXPR_SET (codes;codes) */
};

static void eval(const struct expr *e, const struct expr_env *env,
    struct val *v);

/* Decode a question's canonical value s as type t into v. */
static void
val_decode(enum expr_type t, const char *s, struct val *v)
{
	char	*end;

	if (s == NULL || *s == '\0') {
		v->missing = true;
		return;
	}
	switch (t) {
	case EXPR_NUM:
		v->num = strtod(s, &end);
		v->missing = end == s || *end != '\0' || !isfinite(v->num);
		break;
	case EXPR_DATE:		/* "YYYY-MM": the month's last day */
		v->missing = date_parse(s, &v->date) != DATE_OK &&
		    date_parse_month(s, &v->date) != DATE_OK;
		break;
	default:
		v->s = s;
		break;
	}
}

/* Does the set s ("a;b;c") hold code? */
static bool
set_has(const char *s, const char *code)
{
	size_t		 n = strlen(code), k;
	const char	*p = s;

	while (p != NULL && *p != '\0') {
		k = strcspn(p, ";");
		if (k == n && memcmp(p, code, n) == 0)
			return true;
		p = p[k] == ';' ? p + k + 1 : NULL;
	}
	return false;
}

/* Codes in the set s. */
static double
set_count(const char *s)
{
	double	n = 0;

	for (; s != NULL && *s != '\0'; s++)
		if (n == 0 || *s == ';')
			n++;
	return n;
}

/* Characters (code points) in s. */
static double
str_chars(const char *s)
{
	double	n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Three-way comparison of two values of type t. */
static int
cmp3(enum expr_type t, const struct val *a, const struct val *b)
{
	switch (t) {
	case EXPR_NUM:
		return a->num < b->num ? -1 : a->num > b->num;
	case EXPR_DATE:
		return a->date < b->date ? -1 : a->date > b->date;
	case EXPR_BOOL:
		return (int)a->b - (int)b->b;
	default:
		return strcmp(a->s, b->s);
	}
}

/* Does "c op 0" hold for a three-way comparison result c? */
static bool
cmp_holds(int op, int c)
{
	switch ((enum expr_cmp)op) {
	case EC_EQ: return c == 0;
	case EC_NE: return c != 0;
	case EC_LT: return c < 0;
	case EC_LE: return c <= 0;
	case EC_GT: return c > 0;
	default: return c >= 0;
	}
}

/* A literal as a value. */
static void
lit_val(const struct expr_lit *l, struct val *v)
{
	v->missing = false;
	v->num = l->num;
	v->s = l->str;
	v->b = l->b;
	v->date = l->date;
}

/* kid[0] in (list) */
static bool
eval_in(const struct expr *e, const struct expr_env *env)
{
	struct val	a, b;
	size_t		i;

	eval(e->kid[0], env, &a);
	if (a.missing)
		return false;
	for (i = 0; i < e->nlist; i++) {
		lit_val(&e->list[i], &b);
		if (cmp3(e->kid[0]->type, &a, &b) == 0)
			return true;
	}
	return false;
}

/* Arithmetic over numbers and dates (types checked at compile time). */
static void
eval_arith(const struct expr *e, const struct expr_env *env, struct val *v)
{
	const struct expr	*l = e->kid[0], *r = e->kid[1];
	struct val		 a, b;
	double			 x, y;

	eval(l, env, &a);
	eval(r, env, &b);
	if ((v->missing = a.missing || b.missing))
		return;
	x = l->type == EXPR_DATE ? a.date : a.num;
	y = r->type == EXPR_DATE ? b.date : b.num;
	switch (e->kind) {
	case EN_ADD: x += y; break;
	case EN_SUB: x -= y; break;
	case EN_MUL: x *= y; break;
	default:
		if (y == 0) {
			v->missing = true;
			return;
		}
		x /= y;
		break;
	}
	if (!isfinite(x) || (e->type == EXPR_DATE && fabs(x) > 1e7)) {
		v->missing = true;
		return;
	}
	if (e->type == EXPR_DATE)
		v->date = (int)x;
	else
		v->num = x;
}

/*
 * add_months(d, n): the same day n whole months later (earlier if n < 0),
 * held at the month's last day (31 January + 1 month is 28 or 29
 * February); missing when n is not whole or the year leaves 1000..9999.
 */
static void
add_months(int days, double n, struct val *v)
{
	int	y, m, d, last;
	long	mm;

	if (n != floor(n) || fabs(n) > 12000) {
		v->missing = true;
		return;
	}
	date_to_ymd(days, &y, &m, &d);
	mm = (long)y * 12 + (m - 1) + (long)n;
	y = (int)(mm / 12);
	m = (int)(mm % 12) + 1;
	if (y < 1000 || y > 9999) {
		v->missing = true;
		return;
	}
	last = date_from_ymd(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) -
	    date_from_ymd(y, m, 1);
	v->date = date_from_ymd(y, m, d < last ? d : last);
}

/* A function call. */
static void
eval_call(const struct expr *e, const struct expr_env *env, struct val *v)
{
	struct val	a, b;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	switch ((enum expr_fn)e->op) {
	case EF_ANSWERED:
		v->b = env->value(env->ctx, e->kid[0]->q) != NULL &&
		    *env->value(env->ctx, e->kid[0]->q) != '\0';
		return;
	case EF_HAS:
		eval(e->kid[0], env, &a);
		v->b = !a.missing && set_has(a.s, e->kid[1]->lit.str);
		return;
	case EF_COUNT:
		eval(e->kid[0], env, &a);
		v->num = a.missing ? 0 : set_count(a.s);
		return;
	case EF_TODAY:
		v->date = env->today;
		return;
	case EF_DATE:
		v->date = e->lit.date;
		return;
	default:
		break;
	}
	eval(e->kid[0], env, &a);
	if (e->kid[1] != NULL)
		eval(e->kid[1], env, &b);
	if ((v->missing = a.missing || b.missing))
		return;
	switch ((enum expr_fn)e->op) {
	case EF_LEN: v->num = str_chars(a.s); break;
	case EF_AGE: case EF_YEARS_SINCE:
		v->num = date_years_between(a.date, env->today);
		break;
	case EF_DAYS_SINCE: v->num = env->today - a.date; break;
	case EF_MONTHS_SINCE:
		v->num = date_months_between(a.date, env->today);
		break;
	case EF_MIN: v->num = a.num < b.num ? a.num : b.num; break;
	case EF_ADD_MONTHS: add_months(a.date, b.num, v); break;
	default: v->num = a.num > b.num ? a.num : b.num; break;
	}
}

/* Date value; returns -1 if missing. */
int
expr_eval_date(const struct expr *e, const struct expr_env *env, int *out)
{
	struct val	v;

	eval(e, env, &v);
	if (v.missing)
		return -1;
	*out = v.date;
	return 0;
}

/* Evaluate e into v. */
static void
eval(const struct expr *e, const struct expr_env *env, struct val *v)
{
	struct val	a, b;

	memset(v, 0, sizeof(*v));
	switch (e->kind) {
	case EN_NUM: case EN_STR: case EN_BOOL: case EN_DATE:
		lit_val(&e->lit, v);
		break;
	case EN_QUESTION:
		val_decode(e->type, env->value(env->ctx, e->q), v);
		break;
	case EN_AND:
		eval(e->kid[0], env, &a);
		if ((v->b = a.b && !a.missing)) {
			eval(e->kid[1], env, &b);
			v->b = b.b && !b.missing;
		}
		break;
	case EN_OR:
		eval(e->kid[0], env, &a);
		if (!(v->b = a.b && !a.missing)) {
			eval(e->kid[1], env, &b);
			v->b = b.b && !b.missing;
		}
		break;
	case EN_NOT:
		eval(e->kid[0], env, &a);
		v->b = !(a.b && !a.missing);
		break;
	case EN_CMP:
		eval(e->kid[0], env, &a);
		eval(e->kid[1], env, &b);
		v->b = !a.missing && !b.missing &&
		    cmp_holds(e->op, cmp3(e->kid[0]->type, &a, &b));
		break;
	case EN_IN:
		v->b = eval_in(e, env);
		break;
	case EN_NEG:
		eval(e->kid[0], env, &a);
		v->missing = a.missing;
		v->num = -a.num;
		break;
	case EN_FUNC:
		eval_call(e, env, v);
		break;
	default:
		eval_arith(e, env, v);
		break;
	}
}

/* True if the boolean expression holds; missing counts as false. */
bool
expr_eval_true(const struct expr *e, const struct expr_env *env)
{
	struct val	v;

	if (e == NULL || e->type != EXPR_BOOL)
		return false;
	eval(e, env, &v);
	return !v.missing && v.b;
}

/* The numeric value into *out: 0, or -1 if missing or undefined. */
int
expr_eval_number(const struct expr *e, const struct expr_env *env, double *out)
{
	struct val	v;

	if (e == NULL || e->type != EXPR_NUM)
		return -1;
	eval(e, env, &v);
	if (v.missing || !isfinite(v.num))
		return -1;
	*out = v.num;
	return 0;
}
