/*
 * mode_question.c: one question per screen: the section, the label, help,
 * a hint, the widget (a list for choice, multi, yes/no and scale; a text
 * field otherwise), the message, the buttons.  The widget is loaded from
 * the stored answer when the question opens and given to the engine when
 * the client leaves it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "engine/engine.h"
#include "form/form.h"
#include "kiosk.h"
#include "mode.h"
#include "walk.h"

/* The question on screen. */
static const struct form_question *
question_of(const struct kiosk *k)
{
	const struct form_item	*it = engine_item(walk_engine(k));

	return &k->f->questions[it->ref];
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
question_nchoices(const struct form_question *q)
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

/* Tick the options of a stored multi value "a;b". */
static void
load_ticks(struct kiosk_client *c, const struct form_question *q,
    const char *v)
{
	size_t	i, n;

	c->nticks = q->noptions;
	c->ticks = xcalloc(q->noptions + 1, sizeof(*c->ticks));
	while (v != NULL && *v != '\0') {
		n = strcspn(v, ";");
		for (i = 0; i < q->noptions; i++)
			if (strlen(q->options[i].code) == n &&
			    strncmp(q->options[i].code, v, n) == 0)
				c->ticks[i] = true;
		v += n + (v[n] == ';');
	}
}

/* The most characters a typed answer to q may have. */
static size_t
question_maxlen(const struct form_question *q)
{
	if (q->type == QT_DATE)
		return 10;
	if (q->type == QT_INTEGER || q->type == QT_DECIMAL)
		return 24;
	if (q->maxlen > 0)
		return q->maxlen;
	return q->type == QT_LONGTEXT ? FORM_LONGTEXT_MAXLEN :
	    FORM_TEXT_MAXLEN;
}

/* Set up the widget from the stored answer. */
static void
question_open(struct kiosk *k)
{
	struct kiosk_client		*c = &k->client;
	const struct form_question	*q = question_of(k);
	const char			*v = engine_value(walk_engine(k), q);
	size_t				 i;
	int				 lo, hi;

	c->chosen = -1;
	c->cur = c->top = 0;
	c->compare = false;
	if (q->type == QT_CHOICE || q->type == QT_YESNO) {
		for (i = 0; v != NULL && i < q->noptions; i++)
			if (strcmp(q->options[i].code, v) == 0)
				c->chosen = (int)i;
	} else if (q->type == QT_MULTI)
		load_ticks(c, q, v);
	else if (q->type == QT_SCALE) {
		scale_bounds(q, &lo, &hi);
		if (v != NULL)
			c->chosen = atoi(v) - lo;
	} else {
		c->edit = edit_new(question_maxlen(q),
		    q->type == QT_LONGTEXT);
		edit_set(c->edit, v);
	}
	/* An unanswered list has its cursor on no entry: the first Down
	   lands on the first entry, and nothing is highlighted that the
	   client did not choose. */
	c->cur = c->chosen;
	for (i = 0; c->cur < 0 && c->ticks != NULL && i < c->nticks; i++)
		if (c->ticks[i])
			c->cur = (int)i;
}

/* Forget the widget (wiping typed text). */
static void
question_close(struct kiosk *k)
{
	struct kiosk_client	*c = &k->client;

	edit_free(c->edit);
	c->edit = NULL;
	if (c->ticks != NULL)
		memset(c->ticks, 0, c->nticks * sizeof(*c->ticks));
	free(c->ticks);
	c->ticks = NULL;
	c->nticks = 0;
	c->chosen = -1;
}

/* The answer as typed or chosen, for engine_answer; caller frees. */
static char *
question_input(const struct kiosk_client *c, const struct form_question *q)
{
	struct strbuf	sb;
	size_t		i;
	int		lo, hi;

	switch (q->type) {
	case QT_CHOICE:
	case QT_YESNO:
		return c->chosen >= 0 ? xstrdup(q->options[c->chosen].code) :
		    NULL;
	case QT_SCALE:
		scale_bounds(q, &lo, &hi);
		return c->chosen >= 0 ? xasprintf("%d", lo + c->chosen) : NULL;
	case QT_MULTI:
		strbuf_init(&sb);
		for (i = 0; i < c->nticks; i++)
			if (c->ticks[i])
				strbuf_addf(&sb, "%s%s", sb.len ? ";" : "",
				    q->options[i].code);
		return strbuf_detach(&sb);
	default:
		return xstrdup(edit_text(c->edit));
	}
}

/* Give the answer to the engine; false (message shown unless quiet) if
   it is refused. */
static bool
question_save(struct kiosk *k, bool quiet)
{
	const struct form_question	*q = question_of(k);
	char				*in, *msg = NULL;
	int				 rc;

	in = question_input(&k->client, q);
	rc = engine_answer(walk_engine(k), q, in, &msg);
	xfree_secret(in);
	if (rc == ENGINE_SINK)		/* the store's words are for staff */
		mode_fault_raise(k, msg);
	else if (rc != ENGINE_OK && !quiet)
		kiosk_error(k, msg);
	free(msg);
	return rc == ENGINE_OK;
}

/* The list entries of a choice, multi, yes/no or scale question. */
static void
question_items(struct kiosk *k, const struct form_question *q,
    struct ui_page *p)
{
	const struct kiosk_client	*c = &k->client;
	struct ui_item			*it;
	const char			*end;
	int				 i, n = question_nchoices(q), lo, hi;

	it = kiosk_items(k, (size_t)n);
	scale_bounds(q, &lo, &hi);
	for (i = 0; i < n; i++) {
		if (q->type == QT_SCALE) {
			end = i == 0 ? form_tr(&q->low, c->lang) :
			    i == n - 1 ? form_tr(&q->high, c->lang) : NULL;
			it[i].label = kiosk_keep(k, end != NULL ?
			    xasprintf("%d  %s", lo + i, end) :
			    xasprintf("%d", lo + i));
		} else {
			it[i].label = form_option_label(&q->options[i],
			    c->lang);
			it[i].art = q->options[i].art;
			it[i].describe = form_tr(&q->options[i].describe,
			    c->lang);
		}
		if (q->type == QT_MULTI)
			it[i].mark = c->ticks[i] ? "[x]" : "[ ]";
		else
			it[i].mark = i == c->chosen ? "(o)" : "( )";
	}
	p->items = it;
	p->nitems = n;
	p->cur = c->cur;
	p->top = &k->client.top;
	p->numbered = q->type != QT_SCALE;
}

/* Key bar for a question type. */
static const char *
question_keys(const struct kiosk *k, const struct form_question *q)
{
	switch (q->type) {
	case QT_MULTI:		return kiosk_phrase(k, PH_KEYS_MULTI);
	case QT_LONGTEXT:	return kiosk_phrase(k, PH_KEYS_LONGTEXT);
	case QT_CHOICE:
	case QT_YESNO:
	case QT_SCALE:		return kiosk_phrase(k, PH_KEYS_CHOICE);
	default:		/* with speech, F4 says what was typed */
		return kiosk_phrase(k, k->o->set.speech ? PH_KEYS_TEXT_SAY :
		    PH_KEYS_TEXT);
	}
}

/* Whether q is the first question of its section the client meets (the
   questions before it in the section are hidden): its intro shows. */
static bool
question_first_in_section(const struct kiosk *k,
    const struct form_question *q)
{
	const struct form_item	*it = k->f->items;
	int			 i;

	for (i = q->item - 1; i >= 0 && it[i].section == q->section; i--)
		if (it[i].kind == ITEM_QUESTION &&
		    engine_visible(walk_engine(k), i))
			return false;
	return true;
}

/* A scale of stage pictures: the line that puts two side by side, and
   when they are, the highlighted one's neighbour (the next, or the one
   before at the end of the pictures) instead of the list. */
static void
question_compare(struct kiosk *k, const struct form_question *q,
    struct ui_page *p)
{
	int	cur = k->client.cur < 0 ? 0 : k->client.cur, n;

	n = (int)q->noptions;
	if (!k->client.compare) {
		p->compare_hint = kiosk_phrase(k, PH_COMPARE_HINT);
		/* "I am not sure" has no picture: say what happens */
		if (k->client.cur >= 0 && k->client.cur < n &&
		    strcmp(q->options[k->client.cur].code, "not_sure") == 0)
			p->hint = kiosk_phrase(k, PH_CONFIRM_UNSURE_TEXT);
		return;
	}
	p->compare_hint = kiosk_phrase(k, PH_COMPARE_LEAVE);
	/* the client has read the question: the room is the pictures' */
	p->heading = p->intro = p->body = p->help = p->help_hint = NULL;
	p->cur = cur;
	if (cur + 1 < n && q->options[cur + 1].art != NULL)
		p->compare = cur + 2;
	else if (cur > 0)
		p->compare = cur;
}

/* Section (and its intro above its first question), label, help (or a
   line saying there is help), hint, widget, message, buttons. */
static void
question_page(struct kiosk *k, struct ui_page *p)
{
	const struct form_question	*q = question_of(k);
	int				 lang = k->client.lang;

	walk_top(k, p);
	if (q->section >= 0) {
		p->heading = form_tr(&k->f->sections[q->section].title, lang);
		if (question_first_in_section(k, q))
			p->intro = form_tr(&k->f->sections[q->section].intro,
			    lang);
	}
	p->body = form_tr(&q->label, lang);
	if (k->client.help)
		p->help = form_tr(&q->help, lang);
	else if (form_tr(&q->help, lang) != NULL)
		p->help_hint = kiosk_phrase(k, PH_HELP_HINT);
	if (q->type == QT_DATE)	/* the order dates are typed in */
		p->hint = kiosk_phrase(k, q->month_precision ? PH_MONTH_HINT :
		    PH_DATE_HINT);
	p->art = q->art;
	p->describe = form_tr(&q->describe, lang);
	if (question_nchoices(q) > 0)
		question_items(k, q, p);
	else {
		p->edit = k->client.edit;
		p->multiline = q->type == QT_LONGTEXT;
	}
	if (mode_confirm_scale(q))
		question_compare(k, q, p);
	p->error = k->loop.error;
	p->keys = k->client.compare ? kiosk_phrase(k, PH_KEYS_COMPARE) :
	    question_keys(k, q);
	p->back = kiosk_phrase(k, PH_BACK);
	p->next = kiosk_phrase(k, PH_NEXT);
}

/* Tick or untick option i of a multi; "exclusive" options stand alone. */
static void
multi_toggle(struct kiosk_client *c, const struct form_question *q, int i)
{
	size_t	j;

	if (c->ticks[i]) {
		c->ticks[i] = false;
		return;
	}
	c->ticks[i] = true;
	for (j = 0; j < c->nticks; j++)
		if ((int)j != i && (q->options[i].exclusive ||
		    q->options[j].exclusive))
			c->ticks[j] = false;
}

/* Whether option i's label starts with letter ch (lower case). */
static bool
starts_with(const struct kiosk_client *c, const struct form_question *q,
    int i, uint32_t ch)
{
	const char	*l = form_tr(&q->options[i].label, c->lang);

	return l != NULL && (uint32_t)(l[0] | 0x20) == ch;
}

/*
 * The option a letter goes to: first the exclusive one ("None of these")
 * when it starts with ch and the cursor is not on such an entry yet (so
 * N on the allergy list lands on "None of these", never first on
 * "Numbing cream"); then the next option after the cursor starting with
 * ch.  -1 if none.
 */
static int
first_letter(const struct kiosk_client *c, const struct form_question *q,
    uint32_t ch)
{
	int	n = question_nchoices(q), i, j;

	if (q->type == QT_SCALE)
		return -1;
	if (ch >= 'A' && ch <= 'Z')
		ch += 'a' - 'A';
	if (c->cur < 0 || !starts_with(c, q, c->cur, ch))
		for (i = 0; i < n; i++)
			if (q->options[i].exclusive && starts_with(c, q, i, ch))
				return i;
	for (j = 1; j <= n; j++) {
		i = ((c->cur < 0 ? -1 : c->cur) + j) % n;
		if (starts_with(c, q, i, ch))
			return i;
	}
	return -1;
}

/* Choose (single) or toggle (multi) entry i. */
static void
choice_pick(struct kiosk *k, const struct form_question *q, int i)
{
	k->client.cur = i;
	if (q->type == QT_MULTI)
		multi_toggle(&k->client, q, i);
	else
		k->client.chosen = i;
	kiosk_error(k, NULL);
}

/* Arrow keys move the cursor (and choose, on a single choice); page
   keys move by the entries on screen. */
static bool
choice_move(struct kiosk *k, const struct form_question *q,
    const struct req *r)
{
	struct kiosk_client	*c = &k->client;
	int			 n = question_nchoices(q);

	if (r->kind == REQ_LEFT) {
		if (c->cur > 0)
			c->cur--;
		else
			c->cur = 0;
	} else if (r->kind == REQ_RIGHT) {
		if (c->cur < n - 1)
			c->cur++;
	} else if (!req_list_page(r, &c->cur, n, k->loop.listpage))
		return false;
	if (q->type != QT_MULTI)
		c->chosen = c->cur;
	return true;
}

/*
 * Requests of a list question.  A number key chooses (or ticks) the
 * entry shown with that number (numbers count from the first entry on
 * screen; a scale's are its values) and stays: Enter goes on, as on the
 * language screen.  Space on no entry yet only shows where it is.
 */
static void
choice_request(struct kiosk *k, const struct form_question *q,
    const struct req *r)
{
	struct kiosk_client	*c = &k->client;
	int			 n = question_nchoices(q), i;

	if (req_tapped(r, HOT_ITEM))
		choice_pick(k, q, r->hot->arg);
	else if (choice_move(k, q, r) || r->kind != REQ_CHAR)
		return;
	else if (r->ch == ' ' && c->cur < 0)
		c->cur = 0;
	else if (r->ch == ' ')
		choice_pick(k, q, c->cur);
	else if (r->ch >= '1' && r->ch <= '9') {
		i = c->top + (int)(r->ch - '1');
		if (q->type == QT_SCALE)
			i = (int)r->ch - '0' - (q->has_min ? (int)q->min : 1);
		if (i >= 0 && i < n)
			choice_pick(k, q, i);
	} else if (r->ch < 0x80 && (i = first_letter(c, q, r->ch)) >= 0) {
		c->cur = i;
		if (q->type != QT_MULTI)
			c->chosen = i;
	}
}

/* Typing in a text field; a character that does not fit (a paste longer
   than the field) is left out with a calm word, never silently. */
static void
question_keyin(struct kiosk *k, const struct req *r)
{
	struct edit	*e = k->client.edit;
	char		 max[24], *msg;
	bool		 full = edit_limit(e) > 0 && edit_chars(e) >=
			    edit_limit(e);

	if (!req_edit(e, r))
		return;
	if (r->kind == REQ_CHAR && full && r->ch >= 0x20) {
		snprintf(max, sizeof(max), "%zu", edit_limit(e));
		msg = i18n_format(kiosk_phrase(k, PH_PASTE_CUT), "max", max,
		    NULL);
		kiosk_error(k, msg);
		free(msg);
	} else if (r->kind != REQ_CHAR || !full)
		kiosk_error(k, NULL);
}

/* Requests of the question on screen. */
static void
question_request(struct kiosk *k, const struct req *r)
{
	const struct form_question	*q = question_of(k);
	bool				 list = question_nchoices(q) > 0;

	if (req_is_lang(r)) {
		question_save(k, true);	/* keep what is typed, if valid */
		if (k->fault == NULL)
			walk_language(k, r);
		return;
	}
	if (req_tapped(r, HOT_COMPARE) || (list && r->kind == REQ_CHAR &&
	    r->ch == '=' && mode_confirm_scale(q)) || (k->client.compare &&
	    r->kind == REQ_BACK)) {
		k->client.compare = !k->client.compare;
		if (k->client.cur < 0)
			k->client.cur = 0;	/* something to compare */
	} else if (r->kind == REQ_HELP || (list && r->kind == REQ_CHAR &&
	    r->ch == '?') || req_tapped(r, HOT_HELP)) {
		k->client.help = !k->client.help;
		k->client.window.to_help = k->client.help;
		k->client.window.reading = true;
	} else if (q->type == QT_LONGTEXT && r->kind == REQ_ENTER)
		edit_insert(k->client.edit, '\n');
	else if (req_is_next(r)) {
		if (!question_save(k, false))
			return;
		if (mode_confirm_wanted(q, engine_value(walk_engine(k), q)))
			kiosk_enter(k, &mode_confirm);	/* a picture: look
							   again, large */
		else
			walk_next(k);
	} else if (req_is_back(r)) {
		question_save(k, true);	/* keep what is typed, if valid */
		if (k->fault == NULL)	/* a store failure: staff first */
			walk_back(k);
	} else if ((q->type != QT_LONGTEXT || req_tapped(r, HOT_SCROLL)) &&
	    walk_window(k, r, list, !list || k->client.cur <= 0))
		return;		/* the texts scrolled (large text) */
	else if (list)
		choice_request(k, q, r);
	else
		question_keyin(k, r);
}

const struct ui_mode mode_question = {
	"question", MODE_IDLE | MODE_LANG, question_open, question_page,
	question_request, NULL, question_close
};
