/* expr.c: placeholder until the expression compiler lands. */
#include "smp_expr.h"

struct expr *
expr_compile(const char *src, size_t len, int line, int col,
    const struct expr_scope *scope, enum expr_type want, struct diag *d)
{
	(void)src; (void)len; (void)scope; (void)want;
	diag_add(d, line, col, "expressions are not built yet");
	return NULL;
}

void
expr_free(struct expr *e)
{
	(void)e;
}

enum expr_type
expr_type_of(const struct expr *e)
{
	(void)e;
	return EXPR_ANY;
}

bool
expr_true(const struct expr *e, const struct expr_env *env)
{
	(void)e; (void)env;
	return false;
}

int
expr_number(const struct expr *e, const struct expr_env *env, double *out)
{
	(void)e; (void)env; (void)out;
	return -1;
}

void
expr_walk_refs(const struct expr *e,
    void (*fn)(void *ctx, const struct form_question *q), void *ctx)
{
	(void)e; (void)fn; (void)ctx;
}
