/*
 * engine.c: one client's walk through a form (see smp_engine.h).
 *
 * The engine keeps each question's canonical answer and each screen's
 * acknowledgement, and a visibility flag per item that is recomputed in
 * walk order after every change: "show if" may only look at earlier
 * questions, so one pass over the items sees every dependency already
 * settled.  Conditions see only visible answers.
 *
 * After engine_jump() from review, engine_next() goes to the first later
 * visible item that still needs something (an unanswered required
 * question or an unacknowledged agree screen, e.g. one the changed answer
 * just revealed), else straight back to review.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/xmalloc.h"
#include "engine/engine.h"
#include "form/expr.h"
#include "form/form.h"
#include "form/value.h"

struct engine {
	const struct form *f;		/* borrowed */
	int		 lang;		/* index in f->langs */
	int		 today;		/* day number */
	struct engine_sink sink;	/* put NULL: no sink */
	char		**values;	/* per question: canonical, or NULL */
	bool		*acked;		/* per screen */
	bool		*vis;		/* per item */
	int		 pos;		/* item, ENGINE_REVIEW or ENGINE_DONE */
	bool		 to_review;	/* next() returns to review */
};

/* A candidate answer seen by "validate" expressions. */
struct engine_cand {
	const struct engine	*e;
	const struct form_question *q;	/* the question being answered */
	const char		*v;	/* its candidate value */
};

/* Env callback: q's value if q is visible, else NULL. */
static const char *
visible_value(void *ctx, const struct form_question *q)
{
	const struct engine	*e = ctx;

	return e->vis[q->item] ? e->values[q->index] : NULL;
}

/* Env callback for validation: the candidate in place of q's value. */
static const char *
cand_value(void *ctx, const struct form_question *q)
{
	const struct engine_cand	*c = ctx;

	if (q == c->q)
		return c->v;
	return visible_value((void *)(uintptr_t)c->e, q);
}

/* The show_if of item it, or NULL. */
static const struct expr *
item_show_if(const struct form *f, const struct form_item *it)
{
	if (it->kind == ITEM_QUESTION)
		return f->questions[it->ref].show_if;
	return f->screens[it->ref].show_if;
}

/* Recompute the visibility of every item, in walk order. */
static void
refresh(struct engine *e)
{
	const struct form	*f = e->f;
	const struct form_item	*it;
	const struct expr	*c;
	struct expr_env		 env;
	size_t			 i;

	engine_env(e, &env);
	for (i = 0; i < f->nitems; i++) {
		it = &f->items[i];
		e->vis[i] = true;
		if (it->section >= 0 &&
		    (c = f->sections[it->section].show_if) != NULL)
			e->vis[i] = expr_eval_true(c, &env);
		if (e->vis[i] && (c = item_show_if(f, it)) != NULL)
			e->vis[i] = expr_eval_true(c, &env);
	}
}

/* First visible item at or after i going by step (+1/-1), or -1. */
static int
find_visible(const struct engine *e, int i, int step)
{
	for (; i >= 0 && (size_t)i < e->f->nitems; i += step)
		if (e->vis[i])
			return i;
	return -1;
}

/*
 * A new walk over f in language lang; sink may be NULL.  The form must
 * outlive the engine; free with engine_free().
 */
struct engine *
engine_new(const struct form *f, int lang, int today,
    const struct engine_sink *sink)
{
	struct engine	*e = xcalloc(1, sizeof(*e));

	e->f = f;
	e->lang = lang >= 0 && lang < f->nlangs ? lang : 0;
	e->today = today;
	if (sink != NULL)
		e->sink = *sink;
	e->values = xcalloc(f->nquestions + 1, sizeof(*e->values));
	e->acked = xcalloc(f->nscreens + 1, sizeof(*e->acked));
	e->vis = xcalloc(f->nitems + 1, sizeof(*e->vis));
	refresh(e);
	e->pos = find_visible(e, 0, 1);
	if (e->pos < 0)
		e->pos = ENGINE_REVIEW;
	return e;
}

/* Free e, overwriting every answer first; NULL is fine. */
void
engine_free(struct engine *e)
{
	size_t	i;

	if (e == NULL)
		return;
	for (i = 0; i < e->f->nquestions; i++)
		xfree_secret(e->values[i]);
	free(e->values);
	free(e->acked);
	free(e->vis);
	free(e);
}

/* The form walked; borrowed. */
const struct form *
engine_form(const struct engine *e)
{
	return e->f;
}

/* Current language index. */
int
engine_lang(const struct engine *e)
{
	return e->lang;
}

/* Change the client's language (ignored if out of range). */
void
engine_set_lang(struct engine *e, int lang)
{
	if (lang >= 0 && lang < e->f->nlangs)
		e->lang = lang;
}

/* Current item index, ENGINE_REVIEW or ENGINE_DONE. */
int
engine_pos(const struct engine *e)
{
	return e->pos;
}

/* The current item, or NULL at review/done; borrowed. */
const struct form_item *
engine_item(const struct engine *e)
{
	return e->pos >= 0 ? &e->f->items[e->pos] : NULL;
}

/* Is item visible over the answers so far? */
bool
engine_visible(const struct engine *e, int item)
{
	return item >= 0 && (size_t)item < e->f->nitems && e->vis[item];
}

/* n: place of the current item among visible items (m at review). */
void
engine_progress(const struct engine *e, int *n, int *m)
{
	size_t	i;

	*n = *m = 0;
	for (i = 0; i < e->f->nitems; i++) {
		if (!e->vis[i])
			continue;
		++*m;
		if (e->pos >= 0 && (int)i <= e->pos)
			++*n;
	}
	if (e->pos < 0)
		*n = *m;
}

/* Pass a change to the sink: 0, or ENGINE_SINK with *msgp. */
static int
sink_put(const struct engine *e, const char *id, const char *v, char **msgp)
{
	char	*err = NULL;

	if (e->sink.put == NULL || e->sink.put(e->sink.ctx, id, v, &err) == 0)
		return ENGINE_OK;
	*msgp = err != NULL ? err : xstrdup("could not save the answer");
	return ENGINE_SINK;
}

/* Run q's validate rules with candidate v in place; message or NULL. */
static char *
validate(const struct engine *e, const struct form_question *q,
    const char *v)
{
	struct engine_cand	 c = { e, q, v };
	struct expr_env		 env = { cand_value, &c, e->today };
	const char		*m;
	size_t			 i;

	for (i = 0; i < q->nvalidations; i++) {
		if (expr_eval_true(q->validations[i].cond, &env))
			continue;
		m = form_tr(&q->validations[i].message, e->lang);
		return xstrdup(m != NULL ? m :
		    form_phrase(e->f, PH_ERR_INVALID, e->lang));
	}
	return NULL;
}

/* Canonical value of input for q, validated: allocated, "" to clear, or
   NULL with *msgp. */
static char *
checked_value(const struct engine *e, const struct form_question *q,
    const char *input, char **msgp)
{
	char	*v;

	*msgp = NULL;
	v = value_canonical(e->f, q, input, e->lang, msgp);
	if (v == NULL || *v == '\0')
		return v;
	if ((*msgp = validate(e, q, v)) != NULL) {
		xfree_secret(v);
		return NULL;
	}
	return v;
}

/* Check input for q without storing it (see smp_engine.h). */
int
engine_check(const struct engine *e, const struct form_question *q,
    const char *input, char **msgp)
{
	char	*v = checked_value(e, q, input, msgp);

	if (v == NULL)
		return ENGINE_INVALID;
	xfree_secret(v);
	return ENGINE_OK;
}

/* Validate and store an answer, passing it to the sink first. */
int
engine_answer(struct engine *e, const struct form_question *q,
    const char *input, char **msgp)
{
	char	*v = checked_value(e, q, input, msgp);
	char	*old = e->values[q->index];
	int	 rc;

	if (v == NULL)
		return ENGINE_INVALID;
	if (*v == '\0') {
		xfree_secret(v);
		v = NULL;
	}
	if ((v == NULL && old == NULL) ||
	    (v != NULL && old != NULL && strcmp(v, old) == 0)) {
		xfree_secret(v);	/* unchanged: nothing to save */
		return ENGINE_OK;
	}
	if ((rc = sink_put(e, q->id, v, msgp)) != ENGINE_OK) {
		xfree_secret(v);
		return rc;
	}
	xfree_secret(old);
	e->values[q->index] = v;
	refresh(e);
	return ENGINE_OK;
}

/* The stored value of q (even if hidden now), or NULL; borrowed. */
const char *
engine_value(const struct engine *e, const struct form_question *q)
{
	return e->values[q->index];
}

/* Acknowledge or withdraw an agree screen, through the sink. */
int
engine_ack(struct engine *e, const struct form_screen *s, bool agreed,
    char **msgp)
{
	int	rc;

	*msgp = NULL;
	if (e->acked[s->index] == agreed)
		return ENGINE_OK;
	if ((rc = sink_put(e, s->id, agreed ? "agreed" : NULL, msgp)) != 0)
		return rc;
	e->acked[s->index] = agreed;
	return ENGINE_OK;
}

/* Has the client acknowledged s? */
bool
engine_acked(const struct engine *e, const struct form_screen *s)
{
	return e->acked[s->index];
}

/* What item i still needs before the client may leave it: a phrase, or
   PHRASE__COUNT if nothing. */
static enum phrase
item_need(const struct engine *e, int i)
{
	const struct form_item		*it = &e->f->items[i];
	const struct form_question	*q;
	const struct form_screen	*s;

	if (it->kind == ITEM_QUESTION) {
		q = &e->f->questions[it->ref];
		if (q->required && e->values[q->index] == NULL)
			return PH_ERR_REQUIRED;
		return PHRASE__COUNT;
	}
	s = &e->f->screens[it->ref];
	if (s->agree.tr[0] != NULL && !e->acked[s->index])
		return PH_ERR_AGREE;
	return PHRASE__COUNT;
}

/* The client's message for what item i needs (caller frees). */
static char *
need_msg(const struct engine *e, int i, enum phrase p)
{
	const struct form_item	*it = &e->f->items[i];
	const char		*agree = NULL;

	if (it->kind == ITEM_SCREEN)
		agree = form_tr(&e->f->screens[it->ref].agree, e->lang);
	if (agree == NULL)
		agree = form_phrase(e->f, PH_AGREE_DEFAULT, e->lang);
	return i18n_format(form_phrase(e->f, p, e->lang), "agree", agree,
	    (const char *)NULL);
}

/* First visible item after i that still needs something, or -1. */
static int
first_needing(const struct engine *e, int i)
{
	for (i++; (size_t)i < e->f->nitems; i++)
		if (e->vis[i] && item_need(e, i) != PHRASE__COUNT)
			return i;
	return -1;
}

/* Leave the current item forwards (see smp_engine.h). */
int
engine_next(struct engine *e, char **msgp)
{
	enum phrase	p;
	int		i;

	*msgp = NULL;
	if (e->pos < 0)
		return ENGINE_OK;
	if (!e->vis[e->pos]) {	/* hidden by its own answer? move on */
		p = PHRASE__COUNT;
	} else if ((p = item_need(e, e->pos)) != PHRASE__COUNT) {
		*msgp = need_msg(e, e->pos, p);
		return ENGINE_INVALID;
	}
	if (e->to_review)
		i = first_needing(e, e->pos);
	else
		i = find_visible(e, e->pos + 1, 1);
	e->pos = i >= 0 ? i : ENGINE_REVIEW;
	if (e->pos == ENGINE_REVIEW)
		e->to_review = false;
	return ENGINE_OK;
}

/* Previous visible item (from review: the last); -1 at the first. */
int
engine_back(struct engine *e)
{
	int	i;

	if (e->pos == ENGINE_DONE)
		return -1;
	if (e->pos == ENGINE_REVIEW)
		i = find_visible(e, (int)e->f->nitems - 1, -1);
	else
		i = find_visible(e, e->pos - 1, -1);
	if (i < 0)
		return -1;
	e->pos = i;
	return 0;
}

/* Go to a visible item; from review, next() comes back. */
int
engine_jump(struct engine *e, int item)
{
	if (e->pos == ENGINE_DONE || !engine_visible(e, item))
		return -1;
	if (e->pos == ENGINE_REVIEW)
		e->to_review = true;
	e->pos = item;
	return 0;
}

/* Clear, through the sink, every answer and acknowledgement of a hidden
   item, so what is stored is what counts. */
static int
clear_hidden(struct engine *e, char **msgp)
{
	const struct form_item	*it;
	size_t			 i;
	int			 rc;

	for (i = 0; i < e->f->nitems; i++) {
		it = &e->f->items[i];
		if (e->vis[i])
			continue;
		if (it->kind == ITEM_QUESTION && e->values[it->ref] != NULL) {
			rc = sink_put(e, e->f->questions[it->ref].id, NULL,
			    msgp);
			if (rc != ENGINE_OK)
				return rc;
			xfree_secret(e->values[it->ref]);
			e->values[it->ref] = NULL;
		} else if (it->kind == ITEM_SCREEN && e->acked[it->ref]) {
			rc = sink_put(e, e->f->screens[it->ref].id, NULL, msgp);
			if (rc != ENGINE_OK)
				return rc;
			e->acked[it->ref] = false;
		}
	}
	return ENGINE_OK;
}

/* Check everything visible is complete, clear hidden answers, end. */
int
engine_finish(struct engine *e, char **msgp)
{
	enum phrase	p;
	size_t		i;
	int		rc;

	*msgp = NULL;
	if (e->pos == ENGINE_DONE)
		return ENGINE_OK;
	for (i = 0; i < e->f->nitems; i++) {
		if (!e->vis[i] || (p = item_need(e, (int)i)) == PHRASE__COUNT)
			continue;
		*msgp = need_msg(e, (int)i, p);
		e->pos = (int)i;
		e->to_review = true;
		return ENGINE_INVALID;
	}
	if ((rc = clear_hidden(e, msgp)) != ENGINE_OK)
		return rc;
	e->pos = ENGINE_DONE;
	return ENGINE_OK;
}

/* An environment over the visible answers; valid while e lives. */
void
engine_env(const struct engine *e, struct expr_env *env)
{
	env->value = visible_value;
	env->ctx = (void *)(uintptr_t)e;
	env->today = e->today;
}

/* q's answer as a client reads it (caller frees), or NULL. */
char *
engine_display(const struct engine *e, const struct form_question *q,
    int lang)
{
	return value_display(q, e->values[q->index], lang);
}
