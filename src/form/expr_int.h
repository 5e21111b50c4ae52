/*
 * expr_int.h: the expression module's private header: the compiled tree,
 * shared by the compiler (expr.c), the type rules it applies while
 * parsing (expr_check.c) and the evaluator (expr_eval.c).
 */
#ifndef SMP_EXPR_INT_H
#define SMP_EXPR_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "form/expr.h"

#define EXPR_MAX_DEPTH	64	/* nesting of ( ), not, unary minus, calls */
#define EXPR_MAX_HEIGHT	256	/* height of the tree (long operator chains) */

enum expr_node {
	EN_NUM,		/* number constant */
	EN_STR,		/* string constant */
	EN_BOOL,	/* true / false */
	EN_DATE,	/* date constant: date("...") */
	EN_QUESTION,	/* a question's value */
	EN_AND,
	EN_OR,
	EN_NOT,
	EN_CMP,		/* op: enum expr_cmp */
	EN_IN,		/* kid[0] in (list) */
	EN_ADD,
	EN_SUB,
	EN_MUL,
	EN_DIV,
	EN_NEG,
	EN_FUNC		/* op: enum expr_fn; arguments in kid[0], kid[1] */
};

enum expr_cmp {
	EC_EQ,
	EC_NE,
	EC_LT,
	EC_LE,
	EC_GT,
	EC_GE
};

enum expr_fn {
	EF_ANSWERED,
	EF_HAS,
	EF_COUNT,
	EF_AGE,
	EF_TODAY,
	EF_LEN,
	EF_DATE,
	EF_DAYS_SINCE,
	EF_MONTHS_SINCE,
	EF_YEARS_SINCE,
	EF_MIN,
	EF_MAX,
	EF_ADD_MONTHS
};

/* A constant: a leaf's value or a member of an "in" list. */
struct expr_lit {
	enum expr_type	 type;	/* EXPR_NUM, EXPR_STR, EXPR_BOOL, EXPR_DATE */
	double		 num;	/* EXPR_NUM */
	char		*str;	/* EXPR_STR: owned, NUL-terminated */
	int		 date;	/* EXPR_DATE: day number */
	bool		 b;	/* EXPR_BOOL */
	int		 line;	/* where it was written */
	int		 col;
};

struct expr {
	enum expr_node	 kind;
	enum expr_type	 type;	/* type of the result */
	bool		 bad;	/* a type error was reported here or below */
	int		 op;	/* EN_CMP: expr_cmp; EN_FUNC: expr_fn */
	struct expr_lit	 lit;	/* constants */
	const struct form_question *q;	/* EN_QUESTION */
	struct expr	*kid[2];	/* operands, owned */
	struct expr_lit	*list;	/* EN_IN members, owned */
	size_t		 nlist;
	int		 height;	/* 1 for a leaf */
	int		 line;	/* where the node starts (operators: the
				   operator) */
	int		 col;
};

/* The type rules (expr_check.c). */
/* A type as a noun phrase for messages ("a number"); static string. */
const char	*expr_check_noun(enum expr_type t);
/* Type-check a comparison node; errors mark it bad. */
void		 expr_check_cmp(struct diag *d, struct expr *e);
/* Type-check an "in" node's members against its left operand. */
void		 expr_check_in(struct diag *d, struct expr *e);
/* Type-check a call with the right number of arguments; sets its type. */
void		 expr_check_call(struct diag *d, struct expr *e,
		     const char *name);
/* Result type of arithmetic op over a, b; EXPR_ANY if not allowed. */
enum expr_type	 expr_check_arith(enum expr_node op, enum expr_type a,
		     enum expr_type b);

#endif
