/*
 * expr_words.c: conditions in words (see expr_words.h).
 *
 * The tree is said with a polarity: "not" flips it, and "and"/"or" under
 * a "not" swap (De Morgan), so "not (age(birth_date) < 18)" reads "you
 * are 18 or over" rather than a double negative.  The forms with words:
 * a question compared with a constant, "in" a list of options, has(),
 * answered(), age(date) compared with a number, true/false; anything else
 * says the generic phrase, which is true of every condition.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "form/expr.h"
#include "form/expr_words.h"
#include "form/form.h"
#include "form/model.h"
#include "expr_int.h"

/* What the words are for. */
struct words_ctx {
	const struct form *f;
	int		 lang;
};

static char	*words_of(const struct words_ctx *w, const struct expr *e,
		    bool yes);

/* The generic phrase. */
static char *
words_other(const struct words_ctx *w)
{
	return xstrdup(form_phrase(w->f, PH_WORDS_OTHER, w->lang));
}

/* Entry i of a "|"-separated phrase (one per comparison); the whole
   phrase when it has fewer entries. */
static char *
words_pick(const char *ph, int i)
{
	const char	*s = ph, *bar;
	int		 k;

	for (k = 0; k < i && (bar = strchr(s, '|')) != NULL; k++)
		s = bar + 1;
	if (k < i)
		return xstrdup(ph);
	return xstrndup(s, strcspn(s, "|"));
}

/* The comparison op, or its opposite when !yes. */
static int
words_cmp(int op, bool yes)
{
	static const int	not[] = { EC_NE, EC_EQ, EC_GE, EC_GT, EC_LE,
				    EC_LT };

	return yes ? op : not[op];
}

/* A number as written: no ".0" on whole numbers. */
static char *
words_num(double v)
{
	return xasprintf("%g", v);
}

/* The label of option code of q, or the code itself. */
static const char *
words_option(const struct words_ctx *w, const struct form_question *q,
    const char *code)
{
	const char	*l;
	size_t		 i;

	for (i = 0; i < q->noptions; i++)
		if (strcmp(q->options[i].code, code) == 0 &&
		    (l = form_option_label(&q->options[i], w->lang)) != NULL)
			return l;
	return code;
}

/* The question's label. */
static const char *
words_label(const struct words_ctx *w, const struct form_question *q)
{
	const char	*l = form_tr(&q->label, w->lang);

	return l != NULL ? l : q->id;
}

/* The quotation marks around "{q}" in template t, into open and close
   (so options are quoted as the language quotes: "..." or «...»). */
static void
words_quotes(const char *t, char *open, char *close, size_t size)
{
	const char	*q = strstr(t, "{q}"), *s;
	size_t		 n;

	open[0] = close[0] = '\0';
	if (q == NULL)
		return;
	for (s = q; s > t && s[-1] != ' '; s--)
		;
	n = (size_t)(q - s) < size - 1 ? (size_t)(q - s) : size - 1;
	memcpy(open, s, n);
	open[n] = '\0';
	n = strcspn(q + 3, " .,;:");
	n = n < size - 1 ? n : size - 1;
	memcpy(close, q + 3, n);
	close[n] = '\0';
}

/* "A" or "B" or "C": options of q, quoted as in template t, joined by
   "or"; NULL if a member is not an option code. */
static char *
words_options(const struct words_ctx *w, const struct form_question *q,
    const struct expr_lit *lits, size_t n, const char *t)
{
	char	*acc = NULL, *one, *s, open[16], close[16];
	size_t	 i;

	words_quotes(t, open, close, sizeof(open));
	for (i = 0; i < n; i++) {
		if (lits[i].type != EXPR_STR) {
			free(acc);
			return NULL;
		}
		one = xasprintf("%s%s%s", open, words_option(w, q,
		    lits[i].str), close);
		if (acc == NULL) {
			acc = one;
			continue;
		}
		s = i18n_format(form_phrase(w->f, PH_WORDS_OR, w->lang), "a",
		    acc, "b", one, NULL);
		free(acc);
		free(one);
		acc = s;
	}
	return acc;
}

/* Question q answered with one of the options (or not). */
static char *
words_chose(const struct words_ctx *w, const struct form_question *q,
    const struct expr_lit *lits, size_t n, bool yes)
{
	const char	*t = form_phrase(w->f, yes ? PH_WORDS_CHOSE :
			    PH_WORDS_NOT_CHOSE, w->lang);
	char		*opts = words_options(w, q, lits, n, t), *s;

	if (opts == NULL)
		return words_other(w);
	s = i18n_format(t, "options", opts, "q", words_label(w, q), NULL);
	free(opts);
	return s;
}

/* A comparison: age(date) with a number, a question with a constant. */
static char *
words_compare(const struct words_ctx *w, const struct expr *e, bool yes)
{
	const struct expr	*a = e->kid[0], *b = e->kid[1];
	enum phrase		 ph;
	char			*n, *tmpl, *s;
	int			 op = words_cmp(e->op, yes);

	if (a->kind == EN_QUESTION && b->kind == EN_STR && a->q->noptions > 0 &&
	    (e->op == EC_EQ || e->op == EC_NE))
		return words_chose(w, a->q, &b->lit, 1, op == EC_EQ);
	if (b->kind != EN_NUM)
		return words_other(w);
	if (a->kind == EN_FUNC && a->op == EF_AGE)
		ph = PH_WORDS_AGE;
	else if (a->kind == EN_QUESTION)
		ph = PH_WORDS_NUMBER;
	else
		return words_other(w);
	n = words_num(b->lit.num);
	tmpl = words_pick(form_phrase(w->f, ph, w->lang), op);
	s = i18n_format(tmpl, "n", n, "q", a->kind == EN_QUESTION ?
	    words_label(w, a->q) : "", NULL);
	free(tmpl);
	free(n);
	return s;
}

/* has(q, "x") and answered(q). */
static char *
words_func(const struct words_ctx *w, const struct expr *e, bool yes)
{
	const struct expr	*a = e->kid[0], *b = e->kid[1];

	if (a == NULL || a->kind != EN_QUESTION)
		return words_other(w);
	if (e->op == EF_ANSWERED)
		return i18n_format(form_phrase(w->f, yes ? PH_WORDS_ANSWERED :
		    PH_WORDS_NOT_ANSWERED, w->lang), "q", words_label(w, a->q),
		    NULL);
	if (e->op == EF_HAS && b != NULL && b->kind == EN_STR)
		return i18n_format(form_phrase(w->f, yes ? PH_WORDS_TICKED :
		    PH_WORDS_NOT_TICKED, w->lang), "option",
		    words_option(w, a->q, b->lit.str), "q",
		    words_label(w, a->q), NULL);
	return words_other(w);
}

/* "a and b" / "a or b", swapped under a "not". */
static char *
words_join(const struct words_ctx *w, const struct expr *e, bool yes)
{
	char	*a = words_of(w, e->kid[0], yes), *b = words_of(w, e->kid[1],
		    yes), *s;
	bool	 and = (e->kind == EN_AND) == yes;

	s = i18n_format(form_phrase(w->f, and ? PH_WORDS_AND : PH_WORDS_OR,
	    w->lang), "a", a, "b", b, NULL);
	free(a);
	free(b);
	return s;
}

/* e in words, or its negation when !yes. */
static char *
words_of(const struct words_ctx *w, const struct expr *e, bool yes)
{
	if (e == NULL)
		return words_other(w);
	switch (e->kind) {
	case EN_NOT:
		return words_of(w, e->kid[0], !yes);
	case EN_AND:
	case EN_OR:
		return words_join(w, e, yes);
	case EN_CMP:
		return words_compare(w, e, yes);
	case EN_IN:
		if (e->kid[0]->kind == EN_QUESTION &&
		    e->kid[0]->q->noptions > 0)
			return words_chose(w, e->kid[0]->q, e->list, e->nlist,
			    yes);
		return words_other(w);
	case EN_FUNC:
		return words_func(w, e, yes);
	default:
		return words_other(w);
	}
}

/* The condition in words. */
char *
expr_words(const struct expr *e, const struct form *f, int lang)
{
	struct words_ctx	w = { f, lang };

	return words_of(&w, e, true);
}
