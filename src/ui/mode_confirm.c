/*
 * mode_confirm.c: after a client chooses a stage picture, the chosen
 * picture large (both views) with "Yes, like me", "Choose again" and
 * "Not sure".  The client picks the stage alone, so a second look at
 * the picture they chose, large, catches a wrong pick before it decides
 * the plan.  "Not sure" stores the question's not_sure option (when it
 * has one) and says what happens next before going on.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "form/form.h"
#include "kiosk.h"
#include "mode.h"
#include "walk.h"

/* The question on screen (the walk stays on it while confirming). */
static const struct form_question *
confirm_question(const struct kiosk *k)
{
	return &k->f->questions[engine_item(walk_engine(k))->ref];
}

/* The option the stored answer chose, or NULL. */
static const struct form_option *
confirm_option(const struct kiosk *k)
{
	const struct form_question	*q = confirm_question(k);
	const char			*v = engine_value(walk_engine(k), q);
	size_t				 i;

	for (i = 0; v != NULL && i < q->noptions; i++)
		if (strcmp(q->options[i].code, v) == 0)
			return &q->options[i];
	return NULL;
}

/*
 * Whether question q's answer v asks for a confirmation: a single
 * choice of a stage picture.  A question is a stage scale when one of
 * its pictures has a second view (forms/art: side, front, close); other
 * pictures (the pattern of loss) are plain choices.
 */
bool
mode_confirm_scale(const struct form_question *q)
{
	size_t	i;

	for (i = 0; q->type == QT_CHOICE && i < q->noptions; i++)
		if (q->options[i].art != NULL &&
		    q->options[i].art->view != NULL)
			return true;
	return false;
}

bool
mode_confirm_wanted(const struct form_question *q, const char *v)
{
	size_t	i;

	if (v == NULL || !mode_confirm_scale(q))
		return false;
	for (i = 0; i < q->noptions; i++)
		if (strcmp(q->options[i].code, v) == 0)
			return q->options[i].art != NULL;
	return false;
}

static void
confirm_open(struct kiosk *k)
{
	k->client.unsure = false;
}

/* The chosen picture and its label, or (after "not sure") what
   happens next. */
static void
confirm_page(struct kiosk *k, struct ui_page *p)
{
	const struct form_option	*o = confirm_option(k);
	int				 lang = k->client.lang;

	walk_top(k, p);
	if (k->client.unsure) {
		p->heading = form_tr(&confirm_question(k)->label, lang);
		p->body = kiosk_phrase(k, PH_CONFIRM_UNSURE_TEXT);
		p->body_plain = true;
		p->back = kiosk_phrase(k, PH_BACK);
		p->next = kiosk_phrase(k, PH_NEXT);
		p->keys = kiosk_phrase(k, PH_KEYS_SCREEN);
		return;
	}
	p->body = kiosk_phrase(k, PH_CONFIRM_TITLE);
	p->hint = o != NULL ? form_option_label(o, lang) : NULL;
	p->art = o != NULL ? o->art : NULL;
	p->describe = o != NULL ? form_tr(&o->describe, lang) : NULL;
	p->art_large = true;
	p->back = kiosk_phrase(k, PH_CONFIRM_AGAIN);
	p->decline = kiosk_phrase(k, PH_CONFIRM_UNSURE);
	p->next = kiosk_phrase(k, PH_CONFIRM_YES);
	p->focus = 0;
	p->keys = kiosk_phrase(k, PH_KEYS_CONFIRM);
}

/* "Not sure": the question's not_sure option, if it has one, and the
   words about what happens next. */
static void
confirm_unsure(struct kiosk *k)
{
	const struct form_question	*q = confirm_question(k);
	char				*msg = NULL;
	size_t				 i;

	for (i = 0; i < q->noptions; i++)
		if (strcmp(q->options[i].code, "not_sure") == 0)
			engine_answer(walk_engine(k), q, q->options[i].code,
			    &msg);
	free(msg);
	k->client.unsure = true;
}

/* The first letter of a phrase, lower case (the keys Y/S, A/E, N). */
static bool
is_key(const struct kiosk *k, const struct req *r, enum phrase ph)
{
	const char	*s = kiosk_phrase(k, ph);

	return r->kind == REQ_CHAR && r->ch < 0x80 && s != NULL &&
	    ((uint32_t)(s[0] | 0x20) == (r->ch | 0x20));
}

static void
confirm_request(struct kiosk *k, const struct req *r)
{
	if (walk_language(k, r) || walk_window(k, r, false, true))
		return;		/* the texts scrolled (large text) */
	if (k->client.unsure) {
		if (req_is_next(r))
			walk_next(k);
		else if (req_is_back(r))
			k->client.unsure = false;
		return;
	}
	if (req_tapped(r, HOT_DECLINE) || is_key(k, r, PH_CONFIRM_UNSURE))
		confirm_unsure(k);
	else if (req_is_back(r) || is_key(k, r, PH_CONFIRM_AGAIN))
		kiosk_enter(k, &mode_question);
	else if (req_is_next(r) || is_key(k, r, PH_CONFIRM_YES))
		walk_next(k);
}

const struct ui_mode mode_confirm = {
	"confirm", MODE_IDLE | MODE_LANG, confirm_open, confirm_page,
	confirm_request, NULL, NULL
};
