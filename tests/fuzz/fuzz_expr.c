/*
 * fuzz_expr.c: libFuzzer target for the expression compiler and
 * evaluator.  The scope is a small fixed form (one question of each type)
 * parsed once; each input is compiled against it and, if it compiles,
 * evaluated against fixed answers.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "form/expr.h"
#include "form/expr_eval.h"
#include "form/form.h"
#include "form/form_load.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char scope_form[] =
    "form f\nlanguages en\ntitle en \"F\"\n"
    "question c choice\n  label en \"C\"\n  option a\n    label en \"A\"\n"
    "  option b\n    label en \"B\"\n"
    "question m multi\n  label en \"M\"\n  option x\n    label en \"X\"\n"
    "  option y\n    label en \"Y\"\n"
    "question yn yesno\n  label en \"Y\"\n"
    "question t text\n  label en \"T\"\n"
    "question n integer\n  label en \"N\"\n"
    "question d decimal\n  label en \"D\"\n"
    "question dob date\n  label en \"B\"\n"
    "question s scale\n  label en \"S\"\n"
    "question u text\n  label en \"U\"\n";

static struct form *form;

/* Scope lookup: any question of the fixed form by id. */
static const struct form_question *
lookup(void *ctx, const char *id, size_t len)
{
	char				 buf[64];

	(void)ctx;
	if (len >= sizeof buf)
		return NULL;
	memcpy(buf, id, len);
	buf[len] = '\0';
	return form_question(form, buf);
}

/* Fixed answers; "u" stays unanswered. */
static const char *
value(void *ctx, const struct form_question *q)
{
	static const char *const vals[] = {
		"a", "x;y", "yes", "hello", "42", "72.5", "1990-02-28", "3"
	};

	(void)ctx;
	return q->index < 8 ? vals[q->index] : NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct expr_scope	 sc = { lookup, NULL, -1, NULL, "rule" };
	struct expr_env		 env = { value, NULL, 20619 };
	struct diag		*d;
	struct expr		*e;
	double			 v;

	if (form == NULL) {
		d = diag_new("scope.form", 0);
		form = form_load_text("scope.form", scope_form,
		    sizeof scope_form - 1, NULL, FORM_NO_ART, d);
		diag_free(d);
		if (form == NULL)
			abort();
	}
	if (size > 4096)
		return 0;
	d = diag_new("fuzz", 0);
	sc.limit_item = size > 0 ? (int)(data[0] % 10) - 1 : -1;
	sc.self = size > 1 && data[1] & 1 ? &form->questions[3] : NULL;
	e = expr_compile((const char *)data, size, 1, 1, &sc, EXPR_ANY, d);
	if (e != NULL) {
		if (expr_type_of(e) == EXPR_BOOL)
			(void)expr_eval_true(e, &env);
		else if (expr_type_of(e) == EXPR_NUM)
			(void)expr_eval_number(e, &env, &v);
		expr_free(e);
	}
	diag_free(d);
	return 0;
}
