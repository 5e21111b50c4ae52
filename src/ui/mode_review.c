/*
 * mode_review.c: every visible question with its answer, then "send my
 * answers".  Enter on an answer goes back to change it (and the walk
 * returns here); Tab or the Done button sends.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"
#include "engine/engine.h"
#include "form/form.h"
#include "kiosk.h"
#include "mode.h"
#include "walk.h"

/* Item indexes of the visible questions into *itemsp (caller frees);
   returns their count. */
static int
review_items(const struct kiosk *k, int **itemsp)
{
	const struct form	*f = k->f;
	int			*v = xreallocarray(NULL, f->nitems + 1,
				    sizeof(*v)), n = 0;
	size_t			 i;

	for (i = 0; i < f->nitems; i++)
		if (f->items[i].kind == ITEM_QUESTION &&
		    engine_visible(walk_engine(k), (int)i))
			v[n++] = (int)i;
	*itemsp = v;
	return n;
}

/* The picture of the option chosen for q, or NULL: the review shows
   the stage the client chose, not only its label. */
static const struct form_art *
review_art(const struct kiosk *k, const struct form_question *q)
{
	const char	*v = engine_value(walk_engine(k), q);
	size_t		 i;

	for (i = 0; q->type == QT_CHOICE && v != NULL && i < q->noptions; i++)
		if (strcmp(q->options[i].code, v) == 0)
			return q->options[i].art;
	return NULL;
}

/* The list starts at the top, or on the answer just changed. */
static void
review_open(struct kiosk *k)
{
	int	*items, n, i;

	k->client.cur = k->client.top = 0;
	if (k->client.back_to == 0)
		return;
	n = review_items(k, &items);
	for (i = 0; i < n; i++)
		if (items[i] == k->client.back_to - 1)
			k->client.cur = i;
	free(items);
	k->client.back_to = 0;
}

/* Each visible question and its answer, then "send". */
static void
review_page(struct kiosk *k, struct ui_page *p)
{
	const struct form_question	*q;
	struct ui_item			*it;
	int				*items, n, i, lang = k->client.lang;
	char				*d;

	n = review_items(k, &items);
	it = kiosk_items(k, (size_t)n + 1);
	for (i = 0; i < n; i++) {
		q = &k->f->questions[k->f->items[items[i]].ref];
		it[i].label = form_tr(&q->label, lang);
		d = engine_display(walk_engine(k), q, lang);
		it[i].detail = d != NULL ? kiosk_keep(k, d) :
		    kiosk_phrase(k, PH_NOT_ANSWERED);
		it[i].detail_dim = d == NULL;
		it[i].detail_cut = true;	/* a long answer: one line */
		it[i].secret = q->identifier;	/* never said aloud */
		it[i].art = review_art(k, q);
	}
	free(items);
	it[n].label = kiosk_keep(k, xasprintf("-> %s", kiosk_phrase(k,
	    PH_DONE)));
	walk_top(k, p);
	p->heading = kiosk_phrase(k, PH_REVIEW_TITLE);
	p->body = kiosk_phrase(k, PH_REVIEW_HINT);
	p->body_plain = true;
	p->items = it;
	p->nitems = n + 1;
	p->cur = k->client.cur;
	p->top = &k->client.top;
	p->error = k->loop.error;
	p->back = kiosk_phrase(k, PH_BACK);
	p->next = kiosk_phrase(k, PH_DONE);
	/* With speech, F4 says an identifier the page leaves out. */
	p->keys = kiosk_phrase(k, k->o->set.speech && p->cur >= 0 &&
	    p->cur < n && it[p->cur].secret ? PH_KEYS_REVIEW_SAY :
	    PH_KEYS_REVIEW);
}

/* Change an answer, or send them all. */
static void
review_request(struct kiosk *k, const struct req *r)
{
	int	*items, n, item;

	if (walk_language(k, r) || walk_window(k, r, true,
	    k->client.cur <= 0))
		return;
	n = review_items(k, &items);
	if (req_list_page(r, &k->client.cur, n + 1, k->loop.listpage)) {
		free(items);
		return;
	}
	if (req_tapped(r, HOT_ITEM))
		k->client.cur = r->hot->arg;
	item = k->client.cur < n ? items[k->client.cur] : -1;
	free(items);
	if (req_is_back(r))
		walk_back(k);
	else if (r->kind == REQ_NEXT || req_tapped(r, HOT_NEXT))
		walk_finish(k);
	else if (r->kind != REQ_ENTER && !req_tapped(r, HOT_ITEM))
		return;
	else if (item < 0)
		walk_finish(k);
	else {
		k->client.back_to = item + 1;
		walk_jump(k, item);
	}
}

const struct ui_mode mode_review = {
	"review", MODE_IDLE | MODE_LANG, review_open, review_page,
	review_request, NULL, NULL
};
