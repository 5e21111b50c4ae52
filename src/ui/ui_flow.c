/*
 * ui_flow.c: what the client sees and does: welcome, language choice,
 * information screens, one question per screen, review, end.  Builds each
 * page from the engine's state and turns keys and taps into engine
 * requests.  Each answer goes to the engine (and through the intake's
 * sink to the store) when the client leaves the question.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "ui_kiosk.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"

#define END_MIN_SECONDS	2.0	/* keys do not skip the end screen sooner */

/* The engine of the current intake. */
static struct engine *
flow_engine(const struct ui *u)
{
	return intake_engine(u->in);
}

/* The current question, or NULL (screen, review). */
static const struct form_question *
flow_question(const struct ui *u)
{
	const struct form_item	*it = engine_item(flow_engine(u));

	if (it == NULL || it->kind != ITEM_QUESTION)
		return NULL;
	return &u->f->questions[it->ref];
}

/* Scale bounds of q. */
static void
scale_bounds(const struct form_question *q, int *lo, int *hi)
{
	*lo = q->has_min ? (int)q->min : 1;
	*hi = q->has_max ? (int)q->max : 5;
	if (*hi < *lo)
		*hi = *lo;
}

/* Number of list entries of q's widget (0 for typed answers). */
static int
flow_nchoices(const struct form_question *q)
{
	int	lo, hi;

	switch (q->type) {
	case QT_CHOICE:
	case QT_YESNO:
	case QT_MULTI:
		return (int)q->noptions;
	case QT_SCALE:
		scale_bounds(q, &lo, &hi);
		return hi - lo + 1;
	default:
		return 0;
	}
}

/* Forget the widget state (wiping typed text). */
void
flow_unload(struct ui *u)
{
	edit_free(u->edit);
	u->edit = NULL;
	if (u->ticks != NULL)
		memset(u->ticks, 0, u->nticks * sizeof(*u->ticks));
	free(u->ticks);
	u->ticks = NULL;
	u->nticks = 0;
	u->loaded = -1;
	u->cur = u->top = 0;
	memset(&u->scroll, 0, sizeof(u->scroll));
	u->chosen = -1;
}

/* Tick the options of a stored multi value "a;b". */
static void
load_ticks(struct ui *u, const struct form_question *q, const char *v)
{
	size_t	i, n;

	u->nticks = q->noptions;
	u->ticks = xcalloc(q->noptions + 1, sizeof(*u->ticks));
	while (v != NULL && *v != '\0') {
		n = strcspn(v, ";");
		for (i = 0; i < q->noptions; i++)
			if (strlen(q->options[i].code) == n &&
			    strncmp(q->options[i].code, v, n) == 0)
				u->ticks[i] = true;
		v += n + (v[n] == ';');
	}
}

/* Set up the widget of question q from its stored answer. */
static void
load_question(struct ui *u, const struct form_question *q)
{
	const char	*v = engine_value(flow_engine(u), q);
	size_t		 i, max;
	int		 lo, hi;

	if (q->type == QT_CHOICE || q->type == QT_YESNO) {
		for (i = 0; v != NULL && i < q->noptions; i++)
			if (strcmp(q->options[i].code, v) == 0)
				u->chosen = (int)i;
	} else if (q->type == QT_MULTI)
		load_ticks(u, q, v);
	else if (q->type == QT_SCALE) {
		scale_bounds(q, &lo, &hi);
		if (v != NULL)
			u->chosen = atoi(v) - lo;
	} else {
		max = q->type == QT_DATE ? 10 : q->type == QT_INTEGER ||
		    q->type == QT_DECIMAL ? 24 : q->maxlen > 0 ? q->maxlen :
		    q->type == QT_LONGTEXT ? FORM_LONGTEXT_MAXLEN :
		    FORM_TEXT_MAXLEN;
		u->edit = edit_new(max, q->type == QT_LONGTEXT);
		edit_set(u->edit, v);
	}
	u->cur = u->chosen >= 0 ? u->chosen : 0;
}

/* Load the widget state when the engine has moved. */
static void
flow_load(struct ui *u)
{
	const struct form_question	*q;
	int				 pos = engine_pos(flow_engine(u));

	if (pos == u->loaded)
		return;
	flow_unload(u);
	u->loaded = pos;
	u->help = false;
	if ((q = flow_question(u)) != NULL)
		load_question(u, q);
}

/* The answer as typed or chosen, for engine_answer; caller frees. */
static char *
flow_input(const struct ui *u, const struct form_question *q)
{
	struct strbuf	sb;
	size_t		i;
	int		lo, hi;

	switch (q->type) {
	case QT_CHOICE:
	case QT_YESNO:
		return u->chosen >= 0 ? xstrdup(q->options[u->chosen].code) :
		    NULL;
	case QT_SCALE:
		scale_bounds(q, &lo, &hi);
		return u->chosen >= 0 ? xasprintf("%d", lo + u->chosen) : NULL;
	case QT_MULTI:
		strbuf_init(&sb);
		for (i = 0; i < u->nticks; i++)
			if (u->ticks[i])
				strbuf_addf(&sb, "%s%s", sb.len ? ";" : "",
				    q->options[i].code);
		return strbuf_detach(&sb);
	default:
		return xstrdup(edit_text(u->edit));
	}
}

/* Give the current answer to the engine; false (message shown) if it
   is refused. */
static bool
flow_save(struct ui *u, const struct form_question *q, bool quiet)
{
	char	*in = flow_input(u, q), *msg = NULL;
	int	 rc;

	rc = engine_answer(flow_engine(u), q, in, &msg);
	xfree_secret(in);
	if (rc != ENGINE_OK && !quiet)
		ui_set_error(u, msg);
	free(msg);
	return rc == ENGINE_OK;
}

/* Leave the current item forwards (saving or acknowledging it). */
static void
flow_next(struct ui *u)
{
	const struct form_item		*it = engine_item(flow_engine(u));
	const struct form_screen	*s;
	char				*msg = NULL;

	if (it == NULL)
		return;
	if (it->kind == ITEM_QUESTION) {
		if (!flow_save(u, &u->f->questions[it->ref], false))
			return;
	} else {
		s = &u->f->screens[it->ref];
		if (form_tr(&s->agree, u->lang) != NULL &&
		    engine_ack(flow_engine(u), s, true, &msg) != ENGINE_OK)
			goto fail;
	}
	if (engine_next(flow_engine(u), &msg) != ENGINE_OK)
		goto fail;
	ui_set_error(u, NULL);
	return;
fail:
	ui_set_error(u, msg);
	free(msg);
}

/* Go back one item, keeping what was typed if it is valid. */
static void
flow_back(struct ui *u)
{
	const struct form_question	*q = flow_question(u);

	if (q != NULL)
		flow_save(u, q, true);
	if (engine_back(flow_engine(u)) == 0)
		ui_set_error(u, NULL);
}

/* Title bar shared by the client's pages. */
static void
flow_top(struct ui *u, struct ui_page *p)
{
	char	n[16], m[16];
	int	in = 0, im = 0;

	p->title = form_tr(&u->f->title, u->lang);
	if (u->in == NULL || engine_pos(flow_engine(u)) < 0)
		return;
	engine_progress(flow_engine(u), &in, &im);
	snprintf(n, sizeof(n), "%d", in);
	snprintf(m, sizeof(m), "%d", im);
	p->progress = ui_keep(u, i18n_format(ui_ph(u, PH_PROGRESS), "n", n,
	    "m", m, NULL));
	p->prog_n = in;
	p->prog_m = im;
}

/* Welcome: clinic, form title, how to begin (and to leave, in a demo). */
static void
welcome_page(struct ui *u, struct ui_page *p)
{
	p->center = true;
	p->heading = u->o->cfg->clinic;
	p->body = form_tr(&u->f->title, u->lang);
	/* (A demo without a PIN has none to type: F10 opens the menu.) */
	if (u->o->cfg->demo && u->o->cfg->pin_hash != NULL)
		p->hint = ui_keep(u, xasprintf("%s\n\n%s",
		    ui_ph(u, PH_BEGIN), ui_ph(u, PH_DEMO_LEAVE)));
	else
		p->hint = ui_ph(u, PH_BEGIN);
	p->error = u->error;
}

/* Language choice: each language's own name and the form's title in it. */
static void
lang_page(struct ui *u, struct ui_page *p)
{
	struct strbuf	 sb;
	struct ui_item	*it = ui_items(u, (size_t)u->f->nlangs);
	int		 i;

	strbuf_init(&sb);
	for (i = 0; i < u->f->nlangs; i++) {
		strbuf_addf(&sb, "%s%s", i ? " / " : "",
		    form_phrase(u->f, PH_CHOOSE_LANGUAGE, i));
		it[i].label = ui_keep(u, xasprintf("%s \xe2\x80\x94 %s",
		    form_phrase(u->f, PH_LANGUAGE_NAME, i),
		    form_tr(&u->f->title, i)));
	}
	p->title = form_tr(&u->f->title, u->lang);
	p->heading = ui_keep(u, strbuf_detach(&sb));
	p->items = it;
	p->nitems = u->f->nlangs;
	p->cur = u->cur;
	p->top = &u->top;
	p->numbered = true;
	p->next = ui_ph(u, PH_NEXT);
	p->keys = ui_ph(u, PH_KEYS_CHOICE);
}

/* The list entries of a choice, multi, yes/no or scale question. */
static void
question_items(struct ui *u, const struct form_question *q,
    struct ui_page *p)
{
	struct ui_item	*it;
	const char	*end;
	int		 i, n = flow_nchoices(q), lo, hi;

	it = ui_items(u, (size_t)n);
	for (i = 0; i < n; i++) {
		if (q->type == QT_SCALE) {
			scale_bounds(q, &lo, &hi);
			end = i == 0 ? form_tr(&q->low, u->lang) :
			    i == n - 1 ? form_tr(&q->high, u->lang) : NULL;
			it[i].label = ui_keep(u, end != NULL ?
			    xasprintf("%d  %s", lo + i, end) :
			    xasprintf("%d", lo + i));
		} else {
			it[i].label = form_tr(&q->options[i].label, u->lang);
			if (it[i].label == NULL)
				it[i].label = q->options[i].code;
			it[i].art = q->options[i].art;
		}
		if (q->type == QT_MULTI)
			it[i].mark = u->ticks[i] ? "[x]" : "[ ]";
		else
			it[i].mark = i == u->chosen ? "(o)" : "( )";
	}
	p->items = it;
	p->nitems = n;
	p->cur = u->cur;
	p->top = &u->top;
	p->numbered = q->type != QT_SCALE;
}

/* Key bar for a question type. */
static const char *
question_keys(struct ui *u, const struct form_question *q)
{
	switch (q->type) {
	case QT_MULTI:		return ui_ph(u, PH_KEYS_MULTI);
	case QT_LONGTEXT:	return ui_ph(u, PH_KEYS_LONGTEXT);
	case QT_CHOICE:
	case QT_YESNO:
	case QT_SCALE:		return ui_ph(u, PH_KEYS_CHOICE);
	default:		return ui_ph(u, PH_KEYS_TEXT);
	}
}

/* One question: section, label, help, hint, widget, message, buttons. */
static void
question_page(struct ui *u, const struct form_question *q,
    struct ui_page *p)
{
	if (q->section >= 0)
		p->heading = form_tr(&u->f->sections[q->section].title,
		    u->lang);
	p->body = form_tr(&q->label, u->lang);
	if (u->help)
		p->help = form_tr(&q->help, u->lang);
	if (q->type == QT_DATE)
		p->hint = ui_ph(u, PH_DATE_HINT);
	p->art = q->art;
	if (flow_nchoices(q) > 0)
		question_items(u, q, p);
	else {
		p->edit = u->edit;
		p->multiline = q->type == QT_LONGTEXT;
	}
	p->keys = question_keys(u, q);
	p->next = ui_ph(u, PH_NEXT);
}

/* An information screen; "agree" screens name the button after it. */
static void
screen_page(struct ui *u, const struct form_screen *s, struct ui_page *p)
{
	const char	*agree = form_tr(&s->agree, u->lang);

	p->heading = form_tr(&s->title, u->lang);
	p->body = form_tr(&s->text, u->lang);
	p->body_plain = true;
	p->scroll = &u->scroll;
	p->more = ui_ph(u, PH_MORE);
	p->next = agree != NULL ? agree : ui_ph(u, PH_NEXT);
	p->keys = ui_ph(u, PH_KEYS_SCREEN);
}

/* Item index of review entry i, or -1 for "send my answers". */
static int
review_item(const struct ui *u, int i)
{
	size_t	k;

	for (k = 0; k < u->f->nitems; k++)
		if (u->f->items[k].kind == ITEM_QUESTION &&
		    engine_visible(flow_engine(u), (int)k) && i-- == 0)
			return (int)k;
	return -1;
}

/* Review: every visible question with its answer, then "send". */
static void
review_page(struct ui *u, struct ui_page *p)
{
	const struct form_question	*q;
	struct ui_item			*it;
	char				*d;
	int				 n = 0, i;

	while (review_item(u, n) >= 0)
		n++;
	it = ui_items(u, (size_t)n + 1);
	for (i = 0; i < n; i++) {
		q = &u->f->questions[u->f->items[review_item(u, i)].ref];
		it[i].label = form_tr(&q->label, u->lang);
		d = engine_display(flow_engine(u), q, u->lang);
		it[i].detail = d != NULL ? ui_keep(u, d) :
		    ui_ph(u, PH_NOT_ANSWERED);
		it[i].detail_dim = d == NULL;
	}
	it[n].label = ui_keep(u, xasprintf("-> %s", ui_ph(u, PH_DONE)));
	p->heading = ui_ph(u, PH_REVIEW_TITLE);
	p->body = ui_ph(u, PH_REVIEW_HINT);
	p->body_plain = true;
	p->items = it;
	p->nitems = n + 1;
	p->cur = u->cur;
	p->top = &u->top;
	p->next = ui_ph(u, PH_DONE);
	p->keys = ui_ph(u, PH_KEYS_REVIEW);
}

/* The walk: whichever item the engine is on. */
static void
walk_page(struct ui *u, struct ui_page *p)
{
	const struct form_item	*it;

	flow_load(u);
	flow_top(u, p);
	p->error = u->error;
	p->back = ui_ph(u, PH_BACK);
	if ((it = engine_item(flow_engine(u))) == NULL)
		review_page(u, p);
	else if (it->kind == ITEM_QUESTION)
		question_page(u, &u->f->questions[it->ref], p);
	else
		screen_page(u, &u->f->screens[it->ref], p);
}

/* The end screen. */
static void
end_page(struct ui *u, struct ui_page *p)
{
	p->center = true;
	p->title = form_tr(&u->f->title, u->lang);
	p->heading = ui_ph(u, PH_THANKS);
	p->body = u->end_text;
}

/* Build the page of the current client mode. */
void
flow_page(struct ui *u, struct ui_page *p)
{
	switch (u->mode) {
	case UM_LANG:	lang_page(u, p); break;
	case UM_WALK:	walk_page(u, p); break;
	case UM_END:	end_page(u, p); break;
	default:	welcome_page(u, p); break;
	}
}

/* Start a new intake in the chosen language. */
static void
flow_begin(struct ui *u)
{
	char	*err = NULL;

	if (intake_begin(u->o->port, u->f, u->o->form_hash, u->lang,
	    date_today(), u->o->cfg->kiosk_id, "kiosk", &u->in, &err) < 0) {
		u->in = NULL;
		u->mode = UM_WELCOME;
		ui_set_error(u, err);
		free(err);
		return;
	}
	flow_unload(u);
	ui_set_error(u, NULL);
	u->mode = UM_WALK;
}

/* The end screen's text for result r; caller frees. */
static char *
end_text(struct ui *u, const struct score_result *r)
{
	const char	*es = u->o->cfg->end_screen, *t;
	enum form_end	 kind = u->f->end;
	struct strbuf	 sb;
	size_t		 i;
	char		*band;

	if (es != NULL && strcmp(es, "summary") == 0)
		kind = END_SUMMARY;
	else if (es != NULL && strcmp(es, "thanks") == 0)
		kind = END_THANKS;
	else if (es != NULL && strcmp(es, "score") == 0)
		kind = END_SCORE;
	strbuf_init(&sb);
	if (r != NULL && r->nstops > 0) {
		strbuf_adds(&sb, ui_ph(u, PH_END_STOP));
		for (i = 0; i < r->nlines; i++)
			if (r->lines[i].kind == SC_STOP && r->lines[i].rule &&
			    (t = form_tr(&r->lines[i].rule->client,
			    u->lang)) != NULL)
				strbuf_addf(&sb, "\n\n%s", t);
		strbuf_addf(&sb, "\n\n%s", ui_ph(u, PH_PRACTITIONER));
		return strbuf_detach(&sb);
	}
	strbuf_adds(&sb, ui_ph(u, PH_END_SUMMARY));
	if (kind == END_SCORE && r != NULL && r->band != NULL) {
		band = i18n_format(ui_ph(u, PH_END_SCORE), "band",
		    form_tr(&r->band->text, u->lang), NULL);
		strbuf_addf(&sb, "\n\n%s", band);
		free(band);
	}
	if (kind != END_THANKS)
		strbuf_addf(&sb, "\n\n%s", ui_ph(u, PH_PRACTITIONER));
	return strbuf_detach(&sb);
}

/* Send the answers: complete, score, store; then the end screen. */
static void
flow_finish(struct ui *u)
{
	const struct score_result	*r = NULL;
	char				*err = NULL;

	if (intake_complete(u->in, &r, &err) < 0) {
		ui_set_error(u, err);	/* e.g. the engine jumped back */
		free(err);
		return;
	}
	xfree_secret(u->end_text);
	u->end_text = end_text(u, r);
	intake_free(u->in);
	u->in = NULL;
	flow_unload(u);
	ui_set_error(u, NULL);
	u->mode = UM_END;
	u->deadline = ui_now() + u->o->cfg->end_seconds;
	clear();
}

/* Back to welcome after the end screen. */
void
flow_tick(struct ui *u)
{
	if (u->mode == UM_END && ui_now() >= u->deadline) {
		xfree_secret(u->end_text);
		u->end_text = NULL;
		u->lang = u->o->lang;
		u->mode = UM_WELCOME;
		clear();
	}
}

/* Any key or tap begins (after the language, if there is a choice). */
static void
welcome_key(struct ui *u, const struct ui_key *k)
{
	(void)k;
	if (u->f->nlangs > 1) {
		u->mode = UM_LANG;
		u->cur = u->lang;
		u->top = 0;
	} else
		flow_begin(u);
}

/* Choose a language. */
static void
lang_key(struct ui *u, const struct ui_key *k)
{
	int	n = u->f->nlangs;

	if (ui_list_move(k, &u->cur, n))
		return;
	if (!k->fkey && k->ch >= '1' && k->ch < '1' + (uint32_t)n)
		u->cur = (int)(k->ch - '1');
	else if (k->hot != NULL && k->hot->kind == HOT_ITEM)
		u->cur = k->hot->arg;
	else if (ui_key_back(k)) {
		u->mode = UM_WELCOME;
		return;
	} else if (!ui_key_enter(k) && !(k->hot && k->hot->kind == HOT_NEXT))
		return;
	u->lang = u->cur;
	flow_begin(u);
}

/* Tick or untick option i of a multi; "exclusive" options stand alone. */
static void
multi_toggle(struct ui *u, const struct form_question *q, int i)
{
	size_t	k;

	if (u->ticks[i]) {
		u->ticks[i] = false;
		return;
	}
	u->ticks[i] = true;
	for (k = 0; k < u->nticks; k++)
		if ((int)k != i && (q->options[i].exclusive ||
		    q->options[k].exclusive))
			u->ticks[k] = false;
}

/* The next option after the cursor whose label starts with letter c. */
static int
first_letter(struct ui *u, const struct form_question *q, uint32_t c)
{
	const char	*l;
	int		 n = flow_nchoices(q), i, j;

	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	for (j = 1; j <= n && q->type != QT_SCALE; j++) {
		i = (u->cur + j) % n;
		l = form_tr(&q->options[i].label, u->lang);
		if (l != NULL && (uint32_t)(l[0] | 0x20) == c)
			return i;
	}
	return -1;
}

/* Choose (single) or toggle (multi) entry i. */
static void
list_pick(struct ui *u, const struct form_question *q, int i)
{
	u->cur = i;
	if (q->type == QT_MULTI)
		multi_toggle(u, q, i);
	else
		u->chosen = i;
	ui_set_error(u, NULL);
}

/* Keys of a list question; true if handled. */
static bool
list_key(struct ui *u, const struct form_question *q, const struct ui_key *k)
{
	int	n = flow_nchoices(q), i;

	if (k->hot != NULL && k->hot->kind == HOT_ITEM) {
		list_pick(u, q, k->hot->arg);
		return true;
	}
	if (ui_list_move(k, &u->cur, n) || (k->fkey && (k->ch == KEY_LEFT ||
	    k->ch == KEY_RIGHT))) {
		if (k->ch == KEY_LEFT && u->cur > 0)
			u->cur--;
		if (k->ch == KEY_RIGHT && u->cur < n - 1)
			u->cur++;
		if (q->type != QT_MULTI)
			u->chosen = u->cur;
		return true;
	}
	if (k->fkey)
		return false;
	if (k->ch == ' ') {
		list_pick(u, q, u->cur);
		return true;
	}
	if (k->ch >= '1' && k->ch <= '9') {
		i = (int)(k->ch - '1');
		if (q->type == QT_SCALE)
			i = (int)k->ch - '0' - (q->has_min ? (int)q->min : 1);
		if (i >= 0 && i < n)
			list_pick(u, q, i);
		return true;
	}
	if (k->ch < 0x80 && (i = first_letter(u, q, k->ch)) >= 0) {
		u->cur = i;
		if (q->type != QT_MULTI)
			u->chosen = i;
		return true;
	}
	return false;
}

/* Keys of the current question. */
static void
question_key(struct ui *u, const struct form_question *q,
    const struct ui_key *k)
{
	bool	list = flow_nchoices(q) > 0;

	if ((k->fkey && k->ch == (uint32_t)KEY_F(1)) ||
	    (list && !k->fkey && k->ch == '?') ||
	    (k->hot && k->hot->kind == HOT_HELP))
		u->help = !u->help;
	else if (q->type == QT_LONGTEXT && ui_key_enter(k))
		edit_insert(u->edit, '\n');
	else if (ui_key_enter(k) || (!k->fkey && k->ch == '\t') ||
	    (k->hot && k->hot->kind == HOT_NEXT))
		flow_next(u);
	else if (ui_key_back(k) || (k->hot && k->hot->kind == HOT_BACK))
		flow_back(u);
	else if (list)
		list_key(u, q, k);
	else if (u->edit != NULL && ui_edit_key(u->edit, k))
		ui_set_error(u, NULL);
}

/* Keys of the review: change an answer, or send them all. */
static void
review_key(struct ui *u, const struct ui_key *k)
{
	int	n = 0, item;

	while (review_item(u, n) >= 0)
		n++;
	if (ui_list_move(k, &u->cur, n + 1))
		return;
	if (k->hot != NULL && k->hot->kind == HOT_ITEM)
		u->cur = k->hot->arg;
	if (ui_key_back(k) || (k->hot && k->hot->kind == HOT_BACK)) {
		engine_back(flow_engine(u));
		return;
	}
	if ((!k->fkey && k->ch == '\t') || (k->hot &&
	    k->hot->kind == HOT_NEXT)) {
		flow_finish(u);
		return;
	}
	if (!ui_key_enter(k) && !(k->hot && k->hot->kind == HOT_ITEM))
		return;
	if ((item = review_item(u, u->cur)) < 0)
		flow_finish(u);
	else if (engine_jump(flow_engine(u), item) == 0)
		ui_set_error(u, NULL);
}

/*
 * Keys of an information screen.  Text longer than the terminal scrolls;
 * Enter (or Next) first pages down until the end has been shown, so a
 * client cannot agree to text they were never shown.
 */
static void
screen_key(struct ui *u, const struct ui_key *k)
{
	struct ui_scroll	*sc = &u->scroll;
	bool			 next = ui_key_enter(k) || (!k->fkey &&
				    k->ch == '\t') || (k->hot &&
				    k->hot->kind == HOT_NEXT);

	if (k->fkey && (k->ch == KEY_DOWN || k->ch == KEY_NPAGE))
		sc->top += k->ch == KEY_DOWN ? 1 : sc->page > 1 ?
		    sc->page - 1 : 1;
	else if (k->fkey && (k->ch == KEY_UP || k->ch == KEY_PPAGE))
		sc->top -= k->ch == KEY_UP ? 1 : sc->page > 1 ?
		    sc->page - 1 : 1;
	else if (next && sc->more)
		sc->top += sc->page > 1 ? sc->page - 1 : 1;
	else if (next)
		flow_next(u);
	else if (ui_key_back(k) || (k->hot && k->hot->kind == HOT_BACK))
		flow_back(u);
	if (sc->top < 0)
		sc->top = 0;
}

/* Keys during the walk. */
static void
walk_key(struct ui *u, const struct ui_key *k)
{
	const struct form_item	*it;

	flow_load(u);
	if ((it = engine_item(flow_engine(u))) == NULL)
		review_key(u, k);
	else if (it->kind == ITEM_QUESTION)
		question_key(u, &u->f->questions[it->ref], k);
	else
		screen_key(u, k);
}

/* Hand a key to the current client mode. */
void
flow_key(struct ui *u, const struct ui_key *k)
{
	switch (u->mode) {
	case UM_WELCOME:
		welcome_key(u, k);
		break;
	case UM_LANG:
		lang_key(u, k);
		break;
	case UM_WALK:
		walk_key(u, k);
		break;
	case UM_END:
		if (ui_now() >= u->deadline - u->o->cfg->end_seconds +
		    END_MIN_SECONDS)
			u->deadline = 0;
		flow_tick(u);
		break;
	default:
		break;
	}
}
