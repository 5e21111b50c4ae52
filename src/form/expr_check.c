/*
 * expr_check.c: type rules of the expression language, applied by the
 * compiler (expr.c) to each node as it is built: what may be compared
 * with what, option codes compared with a choice question, the argument
 * types of each function.  Errors go to the diag at the offending token.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/diag.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "form/expr.h"
#include "form/model.h"
#include "expr_int.h"

/* Type as a noun phrase for messages ("a number"). */
const char *
expr_check_noun(enum expr_type t)
{
	switch (t) {
	case EXPR_BOOL:
		return "a true/false value";
	case EXPR_NUM:
		return "a number";
	case EXPR_STR:
		return "a string";
	case EXPR_DATE:
		return "a date";
	case EXPR_SET:
		return "a multiple-choice answer";
	default:
		return "anything";
	}
}

/* Option codes of q joined by ", " (caller frees). */
static char *
option_list(const struct form_question *q)
{
	struct strbuf	sb;
	size_t		i;

	if (q->type == QT_YESNO && q->noptions == 0)
		return xstrdup("yes, no");
	strbuf_init(&sb);
	for (i = 0; i < q->noptions; i++) {
		if (i > 0)
			strbuf_adds(&sb, ", ");
		strbuf_adds(&sb, q->options[i].code);
	}
	return strbuf_detach(&sb);
}

/* Is code an option of q?  (yesno without options: yes/no.) */
static bool
has_option(const struct form_question *q, const char *code)
{
	size_t	i;

	if (q->type == QT_YESNO && q->noptions == 0)
		return strcmp(code, "yes") == 0 || strcmp(code, "no") == 0;
	for (i = 0; i < q->noptions; i++)
		if (strcmp(q->options[i].code, code) == 0)
			return true;
	return false;
}

/* A string constant compared with q must be one of q's option codes. */
static bool
check_code(struct diag *d, const struct form_question *q,
    const struct expr_lit *lit)
{
	char	*opts;

	if (q == NULL || lit->type != EXPR_STR || has_option(q, lit->str))
		return true;
	opts = option_list(q);
	diag_add(d, lit->line, lit->col,
	    "'%s' has no option '%s'; options are: %s", q->id, lit->str, opts);
	free(opts);
	return false;
}

/* The question of a choice/yesno reference, or NULL. */
static const struct form_question *
choice_of(const struct expr *e)
{
	if (e->kind == EN_QUESTION &&
	    (e->q->type == QT_CHOICE || e->q->type == QT_YESNO))
		return e->q;
	return NULL;
}

/* Type-check a comparison node. */
void
expr_check_cmp(struct diag *d, struct expr *e)
{
	struct expr	*l = e->kid[0], *r = e->kid[1];
	static const char *const ops[] = { "==", "!=", "<", "<=", ">", ">=" };

	if (e->bad)
		return;
	if (l->type != r->type) {
		diag_add(d, e->line, e->col, "cannot compare %s with %s",
		    expr_check_noun(l->type), expr_check_noun(r->type));
		e->bad = true;
	} else if (l->type == EXPR_SET) {
		diag_add(d, e->line, e->col, "cannot compare "
		    "multiple-choice answers with '%s'; use has(q, \"code\")",
		    ops[e->op]);
		e->bad = true;
	} else if ((l->type == EXPR_STR || l->type == EXPR_BOOL) &&
	    e->op != EC_EQ && e->op != EC_NE) {
		diag_add(d, e->line, e->col, "'%s' needs numbers or dates, "
		    "this is %s", ops[e->op], expr_check_noun(l->type));
		e->bad = true;
	} else {
		if (r->kind == EN_STR && !check_code(d, choice_of(l), &r->lit))
			e->bad = true;
		if (l->kind == EN_STR && !check_code(d, choice_of(r), &l->lit))
			e->bad = true;
	}
}

/* Type-check the members of an "in" list against the left operand. */
void
expr_check_in(struct diag *d, struct expr *e)
{
	struct expr	*l = e->kid[0];
	size_t		 i;

	if (e->bad)
		return;
	if (l->type == EXPR_SET || l->type == EXPR_BOOL ||
	    l->type == EXPR_DATE) {
		diag_add(d, e->line, e->col, "'in' needs a number or a "
		    "string, this is %s", expr_check_noun(l->type));
		e->bad = true;
		return;
	}
	for (i = 0; i < e->nlist; i++) {
		if (e->list[i].type != l->type) {
			diag_add(d, e->list[i].line, e->list[i].col,
			    "cannot compare %s with %s",
			    expr_check_noun(l->type),
			    expr_check_noun(e->list[i].type));
			e->bad = true;
		} else if (!check_code(d, choice_of(l), &e->list[i]))
			e->bad = true;
	}
}

/* Check argument i of a call is of type t; report otherwise. */
static bool
arg_is(struct diag *d, struct expr *call, int i, enum expr_type t,
    const char *name)
{
	struct expr	*a = call->kid[i];

	if (a->bad || a->type == t)
		return !a->bad;
	diag_add(d, a->line, a->col, "'%s' needs %s, this is %s", name,
	    expr_check_noun(t), expr_check_noun(a->type));
	call->bad = true;
	return false;
}

/* Check argument 0 of a call is a question reference (of a multi). */
static bool
arg_question(struct diag *d, struct expr *call, const char *name,
    bool multi)
{
	struct expr	*a = call->kid[0];

	if (a->bad)
		return false;
	if (a->kind == EN_QUESTION && (!multi || a->q->type == QT_MULTI))
		return true;
	diag_add(d, a->line, a->col, "'%s' needs a %squestion", name,
	    multi ? "multiple-choice " : "");
	call->bad = true;
	return false;
}

/* has(q, "code"): q multi, code a string constant among q's options. */
static void
check_has(struct diag *d, struct expr *e)
{
	struct expr	*c = e->kid[1];

	if (!arg_question(d, e, "has", true) || c->bad)
		return;
	if (c->kind != EN_STR) {
		diag_add(d, c->line, c->col, "'has' needs an option code "
		    "in quotes");
		e->bad = true;
	} else if (!check_code(d, e->kid[0]->q, &c->lit))
		e->bad = true;
}

/* date("YYYY-MM-DD"): folded into a date constant. */
static void
check_date(struct diag *d, struct expr *e)
{
	struct expr	*a = e->kid[0];
	int		 days;

	if (a->bad)
		return;
	if (a->kind != EN_STR) {
		diag_add(d, a->line, a->col,
		    "'date' needs a date in quotes, like \"2020-01-31\"");
		e->bad = true;
		return;
	}
	switch (date_parse(a->lit.str, &days)) {
	case DATE_OK:
		e->lit.type = EXPR_DATE;
		e->lit.date = days;
		break;
	case DATE_NO_SUCH_DAY:
		diag_add(d, a->line, a->col, "no such day: '%s'",
		    a->lit.str);
		e->bad = true;
		break;
	default:
		diag_add(d, a->line, a->col, "not a date: '%s' (write "
		    "YYYY-MM-DD)", a->lit.str);
		e->bad = true;
		break;
	}
}

/* Type-check a call whose arity is right; sets its result type. */
void
expr_check_call(struct diag *d, struct expr *e, const char *name)
{
	switch ((enum expr_fn)e->op) {
	case EF_ANSWERED:
		e->type = EXPR_BOOL;
		arg_question(d, e, name, false);
		break;
	case EF_HAS:
		e->type = EXPR_BOOL;
		check_has(d, e);
		break;
	case EF_COUNT:
		arg_question(d, e, name, true);
		break;
	case EF_TODAY:
		e->type = EXPR_DATE;
		break;
	case EF_DATE:
		e->type = EXPR_DATE;
		check_date(d, e);
		break;
	case EF_LEN:
		arg_is(d, e, 0, EXPR_STR, name);
		break;
	case EF_ADD_MONTHS:
		e->type = EXPR_DATE;
		arg_is(d, e, 0, EXPR_DATE, name);
		arg_is(d, e, 1, EXPR_NUM, name);
		break;
	case EF_MIN: case EF_MAX:
		arg_is(d, e, 0, EXPR_NUM, name);
		arg_is(d, e, 1, EXPR_NUM, name);
		break;
	default:	/* age, *_since */
		arg_is(d, e, 0, EXPR_DATE, name);
		break;
	}
}

/* Result type of arithmetic op on types a, b; EXPR_ANY if not allowed. */
enum expr_type
expr_check_arith(enum expr_node op, enum expr_type a, enum expr_type b)
{
	if (a == EXPR_NUM && b == EXPR_NUM)
		return EXPR_NUM;
	if (op == EN_ADD && ((a == EXPR_DATE && b == EXPR_NUM) ||
	    (a == EXPR_NUM && b == EXPR_DATE)))
		return EXPR_DATE;
	if (op == EN_SUB && a == EXPR_DATE && b == EXPR_NUM)
		return EXPR_DATE;
	if (op == EN_SUB && a == EXPR_DATE && b == EXPR_DATE)
		return EXPR_NUM;
	return EXPR_ANY;
}
