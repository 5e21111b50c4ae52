/*
 * expr_eval.h: evaluating a compiled expression (form/expr.h) against
 * answers.  Evaluation cannot fail on names (they were resolved at load);
 * it only meets unanswered questions, which are "missing": a comparison,
 * "in" or arithmetic with a missing operand is false.
 */
#ifndef SMP_EXPR_EVAL_H
#define SMP_EXPR_EVAL_H

#include <stdbool.h>

#include "form/expr.h"
#include "form/model.h"

/* Answers, as seen by an evaluation. */
struct expr_env {
	/*
	 * The canonical value of q (see smp_form.h enum form_qtype), or
	 * NULL when unanswered or hidden.
	 */
	const char *(*value)(void *ctx, const struct form_question *q);
	void	*ctx;
	int	 today;		/* day number (smp_date.h) */
};

/* True if the condition holds; missing values make it false. */
bool		 expr_eval_true(const struct expr *e,
		     const struct expr_env *env);
/* Numeric value; returns -1 if missing or undefined (e.g. x / 0). */
int		 expr_eval_number(const struct expr *e,
		     const struct expr_env *env,
		     double *out);
/* Date value (a day number); returns -1 if missing. */
int		 expr_eval_date(const struct expr *e,
		     const struct expr_env *env, int *out);

#endif
