/*
 * smp_expr.h: the expression language of forms (show if, validate, rules).
 *
 * An expression is compiled once, when the form is loaded, into a typed
 * tree: unknown question ids, unknown option codes compared with a choice,
 * type mismatches and references the scope forbids are compile errors,
 * reported through struct diag at their exact line:col.  Evaluation then
 * cannot fail on names; it only meets unanswered questions.
 *
 * Types: bool, number (double), string, date (day number), set (a
 * multiple-choice answer).  Question values: choice and yesno are strings
 * (the option code), multi is a set, text/longtext strings, integer,
 * decimal and scale numbers, date a date.
 *
 * Unanswered questions are "missing".  A comparison, "in" or arithmetic
 * with a missing operand is false (so "not (q == "a")" is true when q is
 * unanswered); answered(q) tests it.  See docs/form-language.md.
 *
 * Functions: answered(q), has(q, "code"), count(q), age(d), today(),
 * len(s), date("YYYY-MM-DD"), days_since(d), months_since(d),
 * years_since(d), min(a, b), max(a, b).
 *
 * Details: numbers and dates compare with all six operators, strings and
 * booleans only with == and !=; a set (multi answer) is read with has()
 * and count() (count of an unanswered question is 0).  "in" lists hold
 * constants (numbers, strings, true/false) of the left side's type.
 * Arithmetic is on numbers, plus date + number, date - number (dates)
 * and date - date (days); x / 0 is missing.  Nesting is limited to
 * EXPR_MAX_DEPTH levels and the tree to EXPR_MAX_HEIGHT (src/expr_int.h),
 * so no input can exhaust the stack.
 */
#ifndef SMP_EXPR_H
#define SMP_EXPR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "form/model.h"

struct form_question;

enum expr_type {
	EXPR_BOOL,
	EXPR_NUM,
	EXPR_STR,
	EXPR_DATE,
	EXPR_SET,
	EXPR_ANY	/* for expr_compile's "want": accept any type */
};

/* How the compiler resolves question ids. */
struct expr_scope {
	/* The question named id[0..len), or NULL if there is none. */
	const struct form_question *(*lookup)(void *ctx, const char *id,
	    size_t len);
	void	*ctx;
	/*
	 * Questions with item >= limit_item may not be referenced (a "show
	 * if" may only look at earlier questions).  -1: no limit.
	 */
	int	 limit_item;
	/* The question being validated may refer to itself; or NULL. */
	const struct form_question *self;
	/* Used in messages: "show if", "validate", "rule". */
	const char *what;
};

struct expr;

/*
 * Compile src[0..len), which starts at line:col of the form file.  "want"
 * is the type the context needs (EXPR_BOOL for conditions, EXPR_NUM for
 * points).  Returns NULL after adding every problem to d.
 */
struct expr	*expr_compile(const char *src, size_t len, int line, int col,
		     const struct expr_scope *scope, enum expr_type want,
		     struct diag *d);
void		 expr_free(struct expr *e);
enum expr_type	 expr_type_of(const struct expr *e);

/*
 * Call fn for each question the expression reads (for dependency checks
 * and for telling staff what a rule looked at).
 */
void		 expr_walk_refs(const struct expr *e,
		     void (*fn)(void *ctx, const struct form_question *q),
		     void *ctx);

#endif
