/*
 * expr.c: the expression compiler.  Tokenizes and parses an expression by
 * recursive descent (grammar in docs/form-language.md), resolving question
 * ids through the caller's scope and type-checking every node as it is
 * built.  A syntax error stops the compile (one message); type errors are
 * all reported, and a node with an error marks its parents "bad" so one
 * mistake is not reported twice.  Evaluation lives in expr_eval.c.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/diag.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "form/expr.h"
#include "form/model.h"
#include "expr_int.h"

enum tok {
	T_EOF,
	T_NUM,
	T_STR,
	T_IDENT,
	T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE,
	T_PLUS, T_MINUS, T_STAR, T_SLASH,
	T_LP, T_RP, T_COMMA
};

struct token {
	enum tok	 kind;
	size_t		 pos;		/* byte offset in src */
	size_t		 len;		/* bytes */
	int		 line;
	int		 col;
	double		 num;		/* T_NUM */
	char		*str;		/* T_STR: decoded, owned until taken */
};

struct parser {
	const char	*src;
	size_t		 len;
	size_t		 pos;		/* next byte to lex */
	int		 line;		/* position of src[pos] */
	int		 col;
	struct token	 tok;		/* current token */
	const struct expr_scope *scope;
	struct diag	*d;
	int		 depth;		/* nesting, against EXPR_MAX_DEPTH */
	bool		 failed;	/* a syntax error was reported */
};

static const struct {
	const char	*name;
	enum expr_fn	 fn;
	int		 nargs;
} expr_funcs[] = {
	{ "answered", EF_ANSWERED, 1 },
	{ "has", EF_HAS, 2 },
	{ "count", EF_COUNT, 1 },
	{ "age", EF_AGE, 1 },
	{ "today", EF_TODAY, 0 },
	{ "len", EF_LEN, 1 },
	{ "date", EF_DATE, 1 },
	{ "days_since", EF_DAYS_SINCE, 1 },
	{ "months_since", EF_MONTHS_SINCE, 1 },
	{ "years_since", EF_YEARS_SINCE, 1 },
	{ "min", EF_MIN, 2 },
	{ "max", EF_MAX, 2 },
	{ "add_months", EF_ADD_MONTHS, 2 }
};

static struct expr *parse_or(struct parser *p);

/* What a context wants, for messages ("a true/false condition"). */
static const char *
want_noun(enum expr_type t)
{
	return t == EXPR_BOOL ? "a true/false condition" : expr_check_noun(t);
}

/* Scope's name for the expression ("show if"), for messages. */
static const char *
scope_what(const struct parser *p)
{
	return p->scope->what != NULL ? p->scope->what : "expression";
}

/* Advance one byte of src, keeping line:col (columns in code points). */
static void
lex_advance(struct parser *p)
{
	unsigned char	c = (unsigned char)p->src[p->pos++];

	if (c == '\n') {
		p->line++;
		p->col = 1;
	} else if (p->pos >= p->len ||
	    ((unsigned char)p->src[p->pos] & 0xc0) != 0x80)
		p->col++;	/* the last byte of a character */
}

/* Report a syntax error at line:col and stop the compile. */
static void SMP_PRINTFLIKE(4, 5)
syntax_error(struct parser *p, int line, int col, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	if (!p->failed) {
		va_start(ap, fmt);
		msg = xvasprintf(fmt, ap);
		va_end(ap);
		diag_add(p->d, line, col, "%s", msg);
		free(msg);
	}
	p->failed = true;
}

/* Lex a string literal starting at the opening quote. */
static int
tok_string(struct parser *p, struct token *t)
{
	struct strbuf	sb;
	char		c;

	strbuf_init(&sb);
	lex_advance(p);
	for (;;) {
		if (p->pos >= p->len || p->src[p->pos] == '\n') {
			strbuf_done(&sb);
			syntax_error(p, t->line, t->col, "unterminated string");
			return -1;
		}
		c = p->src[p->pos];
		lex_advance(p);
		if (c == '"')
			break;
		if (c == '\\' && p->pos < p->len) {
			c = p->src[p->pos];
			lex_advance(p);
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
		}
		strbuf_addc(&sb, c);
	}
	t->str = strbuf_detach(&sb);
	return 0;
}

/* Lex a number: [0-9]+(.[0-9]+)? */
static void
lex_number(struct parser *p, struct token *t)
{
	size_t	 start = p->pos;
	char	*tmp;

	while (p->pos < p->len && p->src[p->pos] >= '0' &&
	    p->src[p->pos] <= '9')
		lex_advance(p);
	if (p->pos + 1 < p->len && p->src[p->pos] == '.' &&
	    p->src[p->pos + 1] >= '0' && p->src[p->pos + 1] <= '9') {
		lex_advance(p);
		while (p->pos < p->len && p->src[p->pos] >= '0' &&
		    p->src[p->pos] <= '9')
			lex_advance(p);
	}
	tmp = xstrndup(p->src + start, p->pos - start);
	t->num = strtod(tmp, NULL);
	free(tmp);
}

/* Is c a character of an identifier (after the first)? */
static bool
is_ident(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	    (!first && c >= '0' && c <= '9');
}

/* Operator tokens of one or two characters; T_EOF if none. */
static enum tok
lex_op(struct parser *p, size_t *n)
{
	char	c = p->src[p->pos];
	char	c2 = p->pos + 1 < p->len ? p->src[p->pos + 1] : '\0';

	*n = 1;
	if (c2 == '=' && (c == '=' || c == '!' || c == '<' || c == '>')) {
		*n = 2;
		return c == '=' ? T_EQ : c == '!' ? T_NE : c == '<' ? T_LE :
		    T_GE;
	}
	switch (c) {
	case '<': return T_LT;
	case '>': return T_GT;
	case '+': return T_PLUS;
	case '-': return T_MINUS;
	case '*': return T_STAR;
	case '/': return T_SLASH;
	case '(': return T_LP;
	case ')': return T_RP;
	case ',': return T_COMMA;
	default: return T_EOF;
	}
}

/* Report an unexpected character at the current position. */
static void
lex_bad_char(struct parser *p)
{
	unsigned char	c = (unsigned char)p->src[p->pos];
	size_t		n = 1;
	char		*s;

	if (c < 0x20 || c == 0x7f) {
		s = xasprintf("U+%04X", c);
	} else {
		while (p->pos + n < p->len &&
		    ((unsigned char)p->src[p->pos + n] & 0xc0) == 0x80)
			n++;
		s = xasprintf("'%.*s'", (int)n, p->src + p->pos);
	}
	syntax_error(p, p->line, p->col, "unexpected character %s%s", s,
	    c == '=' ? "; write '==' to compare" : c == '&' ?
	    "; write 'and'" : c == '|' ? "; write 'or'" : c == '!' ?
	    "; write 'not' or '!='" : "");
	free(s);
}

/* Read the next token into p->tok; returns -1 after a lexical error. */
static int
tok_next(struct parser *p)
{
	struct token	*t = &p->tok;
	size_t		 n;

	free(t->str);
	memset(t, 0, sizeof(*t));
	while (p->pos < p->len && (p->src[p->pos] == ' ' ||
	    p->src[p->pos] == '\t' || p->src[p->pos] == '\n' ||
	    p->src[p->pos] == '\r'))
		lex_advance(p);
	t->pos = p->pos;
	t->line = p->line;
	t->col = p->col;
	if (p->pos >= p->len) {
		t->kind = T_EOF;
		return 0;
	}
	if (p->src[p->pos] == '"') {
		t->kind = T_STR;
		if (tok_string(p, t) < 0)
			return -1;
	} else if (p->src[p->pos] >= '0' && p->src[p->pos] <= '9') {
		t->kind = T_NUM;
		lex_number(p, t);
	} else if (is_ident(p->src[p->pos], true)) {
		t->kind = T_IDENT;
		while (p->pos < p->len && is_ident(p->src[p->pos], false))
			lex_advance(p);
	} else if ((t->kind = lex_op(p, &n)) != T_EOF) {
		while (n-- > 0)
			lex_advance(p);
	} else {
		lex_bad_char(p);
		return -1;
	}
	t->len = p->pos - t->pos;
	return 0;
}

/* Does the current token spell keyword kw? */
static bool
tok_is(const struct parser *p, const char *kw)
{
	return p->tok.kind == T_IDENT && p->tok.len == strlen(kw) &&
	    memcmp(p->src + p->tok.pos, kw, p->tok.len) == 0;
}

/* Report the current token as unexpected. */
static void
unexpected(struct parser *p)
{
	char	*s;

	if (p->tok.kind == T_EOF) {
		syntax_error(p, p->tok.line, p->tok.col,
		    "unexpected end of expression");
		return;
	}
	s = xasprintf("'%.*s'", (int)p->tok.len, p->src + p->tok.pos);
	syntax_error(p, p->tok.line, p->tok.col, "unexpected %s", s);
	free(s);
}

/* Consume a token of kind k or report "expected X". */
static int
expect(struct parser *p, enum tok k, const char *what)
{
	char	*s;

	if (p->tok.kind == k)
		return tok_next(p);
	if (p->tok.kind == T_EOF)
		s = xstrdup("the end");
	else
		s = xasprintf("'%.*s'", (int)p->tok.len, p->src + p->tok.pos);
	if (!p->failed)
		diag_add(p->d, p->tok.line, p->tok.col, "expected %s, found %s",
		    what, s);
	p->failed = true;
	free(s);
	return -1;
}

/* A new node of kind k at line:col. */
static struct expr *
node_new(enum expr_node k, enum expr_type t, int line, int col)
{
	struct expr	*e = xcalloc(1, sizeof(*e));

	e->kind = k;
	e->type = t;
	e->line = line;
	e->col = col;
	e->height = 1;
	return e;
}

/* Attach kids, compute the height; NULL (and the kids freed) if too tall. */
static struct expr *
node_kids(struct parser *p, struct expr *e, struct expr *a, struct expr *b)
{
	e->kid[0] = a;
	e->kid[1] = b;
	if (a != NULL) {
		e->height = a->height + 1;
		e->bad = e->bad || a->bad;
	}
	if (b != NULL) {
		if (b->height + 1 > e->height)
			e->height = b->height + 1;
		e->bad = e->bad || b->bad;
	}
	if (e->height > EXPR_MAX_HEIGHT) {
		syntax_error(p, e->line, e->col, "expression is too long");
		expr_free(e);
		return NULL;
	}
	return e;
}

/* Parse one literal of an "in" list into lit. */
static int
parse_in_lit(struct parser *p, struct expr_lit *lit)
{
	bool	neg = false;

	lit->line = p->tok.line;
	lit->col = p->tok.col;
	if (p->tok.kind == T_MINUS) {
		neg = true;
		if (tok_next(p) < 0)
			return -1;
	}
	if (p->tok.kind == T_NUM) {
		lit->type = EXPR_NUM;
		lit->num = neg ? -p->tok.num : p->tok.num;
	} else if (p->tok.kind == T_STR && !neg) {
		lit->type = EXPR_STR;
		lit->str = p->tok.str;
		p->tok.str = NULL;
	} else if ((tok_is(p, "true") || tok_is(p, "false")) && !neg) {
		lit->type = EXPR_BOOL;
		lit->b = tok_is(p, "true");
	} else {
		unexpected(p);
		return -1;
	}
	return tok_next(p);
}

/* "in" "(" literal ("," literal)* ")" after the left operand l. */
static struct expr *
parse_in(struct parser *p, struct expr *l)
{
	struct expr	*e;

	e = node_new(EN_IN, EXPR_BOOL, p->tok.line, p->tok.col);
	if ((e = node_kids(p, e, l, NULL)) == NULL)
		return NULL;
	if (tok_next(p) < 0 || expect(p, T_LP, "'('") < 0)
		goto fail;
	for (;;) {
		e->list = xreallocarray(e->list, e->nlist + 1,
		    sizeof(*e->list));
		memset(&e->list[e->nlist], 0, sizeof(*e->list));
		e->nlist++;
		if (parse_in_lit(p, &e->list[e->nlist - 1]) < 0)
			goto fail;
		if (p->tok.kind != T_COMMA)
			break;
		if (tok_next(p) < 0)
			goto fail;
	}
	if (expect(p, T_RP, "',' or ')'") < 0)
		goto fail;
	expr_check_in(p->d, e);
	return e;
fail:
	expr_free(e);
	return NULL;
}

/* Resolve a question id token into a reference node. */
static struct expr *
question_ref(struct parser *p, const struct token *t)
{
	const struct expr_scope		*sc = p->scope;
	const struct form_question	*q;
	const char			*id = p->src + t->pos;
	struct expr			*e;
	int				 n = (int)t->len;

	q = sc->lookup != NULL ? sc->lookup(sc->ctx, id, t->len) : NULL;
	e = node_new(EN_QUESTION, EXPR_BOOL, t->line, t->col);
	if (q == NULL) {
		diag_add(p->d, t->line, t->col, "unknown question '%.*s'", n,
		    id);
		e->bad = true;
		return e;
	}
	e->q = q;
	switch (q->type) {
	case QT_MULTI:
		e->type = EXPR_SET;
		break;
	case QT_INTEGER: case QT_DECIMAL: case QT_SCALE:
		e->type = EXPR_NUM;
		break;
	case QT_DATE:
		e->type = EXPR_DATE;
		break;
	default:
		e->type = EXPR_STR;
		break;
	}
	if (sc->limit_item >= 0 && q->item >= sc->limit_item && q != sc->self) {
		if (q->item == sc->limit_item)
			diag_add(p->d, t->line, t->col, "%s cannot refer to "
			    "'%s' itself", scope_what(p), q->id);
		else
			diag_add(p->d, t->line, t->col, "%s refers to '%s', "
			    "which comes later (line %d)", scope_what(p), q->id,
			    q->loc.line);
		e->bad = true;
	}
	return e;
}

/* Parse the arguments of a call; name token already consumed. */
static struct expr *
parse_call(struct parser *p, const struct token *name, size_t fi)
{
	struct expr	*e, *a[2] = { NULL, NULL }, *x;
	int		 n = 0;

	e = node_new(EN_FUNC, EXPR_NUM, name->line, name->col);
	e->op = (int)expr_funcs[fi].fn;
	if (tok_next(p) < 0)
		goto fail;
	while (p->tok.kind != T_RP) {
		if (n > 0 && expect(p, T_COMMA, "',' or ')'") < 0)
			goto fail;
		if ((x = parse_or(p)) == NULL)
			goto fail;
		if (n < 2)
			a[n] = x;
		else
			expr_free(x);	/* only counted, for the message */
		n++;
	}
	if (tok_next(p) < 0 || (e = node_kids(p, e, a[0], a[1])) == NULL) {
		if (e == NULL)
			return NULL;
		goto fail;
	}
	a[0] = a[1] = NULL;
	if (n != expr_funcs[fi].nargs) {
		diag_add(p->d, name->line, name->col, "'%s' takes %d "
		    "argument%s, not %d", expr_funcs[fi].name,
		    expr_funcs[fi].nargs, expr_funcs[fi].nargs == 1 ? "" : "s",
		    n);
		e->bad = true;
	} else if (!e->bad)
		expr_check_call(p->d, e, expr_funcs[fi].name);
	return e;
fail:
	expr_free(a[0]);
	expr_free(a[1]);
	expr_free(e);
	return NULL;
}

/* An identifier atom: keyword constant, function call or question. */
static struct expr *
parse_ident(struct parser *p)
{
	struct token	 t = p->tok;
	struct expr	*e;
	size_t		 i;

	if (tok_is(p, "true") || tok_is(p, "false")) {
		e = node_new(EN_BOOL, EXPR_BOOL, t.line, t.col);
		e->lit.type = EXPR_BOOL;
		e->lit.b = tok_is(p, "true");
		return tok_next(p) < 0 ? (expr_free(e), NULL) : e;
	}
	if (tok_is(p, "and") || tok_is(p, "or") || tok_is(p, "not") ||
	    tok_is(p, "in")) {
		unexpected(p);
		return NULL;
	}
	if (tok_next(p) < 0)
		return NULL;
	if (p->tok.kind != T_LP)
		return question_ref(p, &t);
	for (i = 0; i < SMP_NELEM(expr_funcs); i++)
		if (strlen(expr_funcs[i].name) == t.len &&
		    memcmp(expr_funcs[i].name, p->src + t.pos, t.len) == 0)
			return parse_call(p, &t, i);
	syntax_error(p, t.line, t.col, "unknown function '%.*s'", (int)t.len,
	    p->src + t.pos);
	return NULL;
}

/* atom := NUMBER | STRING | true | false | ID | FUNC(args) | ( expr ) */
static struct expr *
parse_atom(struct parser *p)
{
	struct expr	*e;

	switch (p->tok.kind) {
	case T_NUM:
		e = node_new(EN_NUM, EXPR_NUM, p->tok.line, p->tok.col);
		e->lit.type = EXPR_NUM;
		e->lit.num = p->tok.num;
		break;
	case T_STR:
		e = node_new(EN_STR, EXPR_STR, p->tok.line, p->tok.col);
		e->lit.type = EXPR_STR;
		e->lit.str = p->tok.str;
		e->lit.line = p->tok.line;
		e->lit.col = p->tok.col;
		p->tok.str = NULL;
		break;
	case T_IDENT:
		return parse_ident(p);
	case T_LP:
		if (tok_next(p) < 0 || (e = parse_or(p)) == NULL)
			return NULL;
		if (expect(p, T_RP, "')'") < 0) {
			expr_free(e);
			return NULL;
		}
		return e;
	default:
		unexpected(p);
		return NULL;
	}
	if (tok_next(p) < 0) {
		expr_free(e);
		return NULL;
	}
	return e;
}

/* Enter one level of nesting; false (reported) past the limit. */
static bool
nest(struct parser *p)
{
	if (++p->depth <= EXPR_MAX_DEPTH)
		return true;
	syntax_error(p, p->tok.line, p->tok.col,
	    "expression nested too deeply");
	return false;
}

/* unary := "-" unary | atom */
static struct expr *
parse_unary(struct parser *p)
{
	struct expr	*e, *k;
	int		 line = p->tok.line, col = p->tok.col;

	if (!nest(p))
		return NULL;
	if (p->tok.kind != T_MINUS) {
		e = parse_atom(p);
		p->depth--;
		return e;
	}
	if (tok_next(p) < 0 || (k = parse_unary(p)) == NULL)
		return NULL;
	p->depth--;
	if (k->kind == EN_NUM) {	/* fold "-3" into a constant */
		k->lit.num = -k->lit.num;
		k->line = line;
		k->col = col;
		return k;
	}
	e = node_new(EN_NEG, EXPR_NUM, line, col);
	if ((e = node_kids(p, e, k, NULL)) != NULL && !e->bad &&
	    k->type != EXPR_NUM) {
		diag_add(p->d, k->line, k->col, "'-' needs a number, this is "
		    "%s", expr_check_noun(k->type));
		e->bad = true;
	}
	return e;
}

/* Build an arithmetic node and type-check it. */
static struct expr *
arith(struct parser *p, enum expr_node op, const struct token *t,
    struct expr *l, struct expr *r)
{
	struct expr	*e;

	e = node_new(op, EXPR_NUM, t->line, t->col);
	if ((e = node_kids(p, e, l, r)) == NULL || e->bad)
		return e;
	e->type = expr_check_arith(op, l->type, r->type);
	if (e->type == EXPR_ANY) {
		diag_add(p->d, t->line, t->col, "cannot apply '%.*s' to %s "
		    "and %s", (int)t->len, p->src + t->pos,
		    expr_check_noun(l->type),
		    expr_check_noun(r->type));
		e->type = EXPR_NUM;
		e->bad = true;
	}
	return e;
}

/* prod := unary (("*" | "/") unary)* */
static struct expr *
parse_prod(struct parser *p)
{
	struct expr	*l, *r;
	struct token	 t;

	if ((l = parse_unary(p)) == NULL)
		return NULL;
	while (p->tok.kind == T_STAR || p->tok.kind == T_SLASH) {
		t = p->tok;
		t.str = NULL;
		if (tok_next(p) < 0 || (r = parse_unary(p)) == NULL) {
			expr_free(l);
			return NULL;
		}
		l = arith(p, t.kind == T_STAR ? EN_MUL : EN_DIV, &t, l, r);
		if (l == NULL)
			return NULL;
	}
	return l;
}

/* sum := prod (("+" | "-") prod)* */
static struct expr *
parse_sum(struct parser *p)
{
	struct expr	*l, *r;
	struct token	 t;

	if ((l = parse_prod(p)) == NULL)
		return NULL;
	while (p->tok.kind == T_PLUS || p->tok.kind == T_MINUS) {
		t = p->tok;
		t.str = NULL;
		if (tok_next(p) < 0 || (r = parse_prod(p)) == NULL) {
			expr_free(l);
			return NULL;
		}
		l = arith(p, t.kind == T_PLUS ? EN_ADD : EN_SUB, &t, l, r);
		if (l == NULL)
			return NULL;
	}
	return l;
}

/* cmp := sum (CMPOP sum | "in" "(" literals ")")? */
static struct expr *
parse_cmp(struct parser *p)
{
	struct expr	*l, *r, *e;
	enum tok	 k;
	int		 line, col;

	if ((l = parse_sum(p)) == NULL)
		return NULL;
	if (tok_is(p, "in"))
		return parse_in(p, l);
	k = p->tok.kind;
	if (k < T_EQ || k > T_GE)
		return l;
	line = p->tok.line;
	col = p->tok.col;
	if (tok_next(p) < 0 || (r = parse_sum(p)) == NULL) {
		expr_free(l);
		return NULL;
	}
	e = node_new(EN_CMP, EXPR_BOOL, line, col);
	e->op = (int)(k - T_EQ);
	if ((e = node_kids(p, e, l, r)) != NULL)
		expr_check_cmp(p->d, e);
	return e;
}

/* Report an operand of and/or/not that is not a boolean. */
static void
check_bool(struct parser *p, struct expr *e, const struct expr *k,
    const char *op)
{
	if (e == NULL || k->bad || k->type == EXPR_BOOL)
		return;
	diag_add(p->d, k->line, k->col, "'%s' needs true/false values, this "
	    "is %s", op, expr_check_noun(k->type));
	e->bad = true;
}

/* not := "not" not | cmp */
static struct expr *
parse_not(struct parser *p)
{
	struct expr	*e, *k;
	int		 line = p->tok.line, col = p->tok.col;

	if (!tok_is(p, "not"))
		return parse_cmp(p);
	if (!nest(p) || tok_next(p) < 0 || (k = parse_not(p)) == NULL)
		return NULL;
	p->depth--;
	e = node_new(EN_NOT, EXPR_BOOL, line, col);
	e = node_kids(p, e, k, NULL);
	check_bool(p, e, k, "not");
	return e;
}

/* A chain of and/or: term ("kw" term)*. */
static struct expr *
parse_chain(struct parser *p, const char *kw, enum expr_node kind,
    struct expr *(*term)(struct parser *))
{
	struct expr	*l, *r, *e;
	int		 line, col;

	if ((l = term(p)) == NULL)
		return NULL;
	while (tok_is(p, kw)) {
		line = p->tok.line;
		col = p->tok.col;
		if (tok_next(p) < 0 || (r = term(p)) == NULL) {
			expr_free(l);
			return NULL;
		}
		e = node_new(kind, EXPR_BOOL, line, col);
		if ((e = node_kids(p, e, l, r)) == NULL)
			return NULL;
		check_bool(p, e, l, kw);
		check_bool(p, e, r, kw);
		l = e;
	}
	return l;
}

/* and := not ("and" not)* */
static struct expr *
parse_and(struct parser *p)
{
	return parse_chain(p, "and", EN_AND, parse_not);
}

/* or := and ("or" and)*; the whole expression. */
static struct expr *
parse_or(struct parser *p)
{
	struct expr	*e;

	if (!nest(p))
		return NULL;
	e = parse_chain(p, "or", EN_OR, parse_and);
	p->depth--;
	return e;
}

/*
 * Compile src[0..len) (see smp_expr.h).  The caller frees the result with
 * expr_free(); NULL means problems were added to d.
 */
struct expr *
expr_compile(const char *src, size_t len, int line, int col,
    const struct expr_scope *scope, enum expr_type want, struct diag *d)
{
	struct parser	 p;
	struct expr	*e = NULL;

	memset(&p, 0, sizeof(p));
	p.src = src;
	p.len = len;
	p.line = line;
	p.col = col;
	p.scope = scope;
	p.d = d;
	if (tok_next(&p) < 0)
		goto done;
	if (p.tok.kind == T_EOF) {
		diag_add(d, line, col, "%s needs an expression",
		    scope_what(&p));
		goto done;
	}
	if ((e = parse_or(&p)) == NULL)
		goto done;
	if (p.tok.kind != T_EOF) {
		unexpected(&p);
		goto fail;
	}
	if (!e->bad && want != EXPR_ANY && e->type != want) {
		diag_add(d, e->line, e->col, "%s needs %s, this is %s",
		    scope_what(&p), want_noun(want), expr_check_noun(e->type));
		goto fail;
	}
	if (e->bad)
		goto fail;
	goto done;
fail:
	expr_free(e);
	e = NULL;
done:
	free(p.tok.str);
	return e;
}

/* Free a tree and everything it owns; NULL is fine. */
void
expr_free(struct expr *e)
{
	size_t	i;

	if (e == NULL)
		return;
	expr_free(e->kid[0]);
	expr_free(e->kid[1]);
	for (i = 0; i < e->nlist; i++)
		free(e->list[i].str);
	free(e->list);
	free(e->lit.str);
	free(e);
}

/* The type of a compiled expression's value. */
enum expr_type
expr_type_of(const struct expr *e)
{
	return e->type;
}

/* Call fn for every question reference, in source order. */
void
expr_walk_refs(const struct expr *e,
    void (*fn)(void *ctx, const struct form_question *q), void *ctx)
{
	if (e == NULL)
		return;
	if (e->kind == EN_QUESTION && e->q != NULL)
		fn(ctx, e->q);
	expr_walk_refs(e->kid[0], fn, ctx);
	expr_walk_refs(e->kid[1], fn, ctx);
}
