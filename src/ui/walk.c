/*
 * walk.c: the client's walk through the form (see walk.h).  Every answer
 * goes to the engine, and through the intake's port to the store, when
 * the client leaves the question.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "engine/engine.h"
#include "engine/intake.h"
#include "engine/score.h"
#include "form/form.h"
#include "mode.h"
#include "walk.h"

/* The engine of the intake in progress. */
struct engine *
walk_engine(const struct kiosk *k)
{
	return intake_engine(k->client.in);
}

/* The mode for the engine's position. */
static void
walk_show(struct kiosk *k)
{
	const struct form_item	*it = engine_item(walk_engine(k));

	k->client.help = false;
	if (it == NULL)
		kiosk_enter(k, &mode_review);
	else if (it->kind == ITEM_QUESTION)
		kiosk_enter(k, &mode_question);
	else
		kiosk_enter(k, &mode_info);
}

bool
walk_language(struct kiosk *k, const struct req *r)
{
	if (!req_is_lang(r) || k->f->nlangs < 2 || k->client.in == NULL)
		return false;
	kiosk_error(k, NULL);
	kiosk_enter(k, &mode_lang);
	return true;
}

void
walk_resume(struct kiosk *k)
{
	engine_set_lang(walk_engine(k), k->client.lang);
	walk_show(k);
}

/* Start a new intake in the chosen language. */
void
walk_begin(struct kiosk *k)
{
	char	*err = NULL;

	if (intake_begin(k->o->port, k->f, k->o->form_hash, k->client.lang,
	    date_today(), k->o->set.kiosk_id, "kiosk", &k->client.in,
	    &err) < 0) {
		k->client.in = NULL;
		mode_fault_raise(k, err);	/* for staff, not the client */
		free(err);
		return;
	}
	kiosk_error(k, NULL);
	walk_show(k);
}

/* Leave the current item forwards. */
void
walk_next(struct kiosk *k)
{
	const struct form_item		*it = engine_item(walk_engine(k));
	const struct form_screen	*s;
	char				*msg = NULL;
	int				 rc;

	if (it == NULL)
		return;
	if (it->kind == ITEM_SCREEN) {
		s = &k->f->screens[it->ref];
		if (form_tr(&s->agree, k->client.lang) != NULL &&
		    (rc = engine_ack(walk_engine(k), s, true, &msg)) !=
		    ENGINE_OK)
			goto fail;
	}
	if ((rc = engine_next(walk_engine(k), &msg)) != ENGINE_OK)
		goto fail;
	kiosk_error(k, NULL);
	walk_show(k);
	return;
fail:
	if (rc == ENGINE_SINK)		/* the store's words are for staff */
		mode_fault_raise(k, msg);
	else
		kiosk_error(k, msg);
	free(msg);
}

/* Back one item. */
void
walk_back(struct kiosk *k)
{
	if (engine_back(walk_engine(k)) == 0) {
		kiosk_error(k, NULL);
		walk_show(k);
	}
}

/* From the review to an item. */
void
walk_jump(struct kiosk *k, int item)
{
	if (engine_jump(walk_engine(k), item) == 0) {
		kiosk_error(k, NULL);
		walk_show(k);
	}
}

/* The end screen's kind: the config's end_screen, else the form's. */
static enum form_end
walk_end_kind(const struct kiosk *k)
{
	const char	*es = k->o->set.end_screen;

	if (es != NULL && strcmp(es, "summary") == 0)
		return END_SUMMARY;
	if (es != NULL && strcmp(es, "thanks") == 0)
		return END_THANKS;
	if (es != NULL && strcmp(es, "score") == 0)
		return END_SCORE;
	return k->f->end;
}

/* The end screen's text for result r; caller frees. */
static char *
walk_end_text(const struct kiosk *k, const struct score_result *r)
{
	enum form_end	 kind = walk_end_kind(k);
	struct strbuf	 sb;
	char		*band;

	if (r != NULL && r->nstops > 0)
		return mode_end_stop_text(k, r);
	strbuf_init(&sb);
	strbuf_adds(&sb, kiosk_phrase(k, PH_END_SUMMARY));
	if (kind == END_SCORE && r != NULL && r->band != NULL) {
		band = i18n_format(kiosk_phrase(k, PH_END_SCORE), "band",
		    form_tr(&r->band->text, k->client.lang), NULL);
		strbuf_addf(&sb, "\n\n%s", band);
		free(band);
	}
	if (kind != END_THANKS)
		strbuf_addf(&sb, "\n\n%s", kiosk_phrase(k, PH_PRACTITIONER));
	return strbuf_detach(&sb);
}

/* Send the answers; then the end screen. */
void
walk_finish(struct kiosk *k)
{
	const struct score_result	*r = NULL;
	char				*err = NULL;

	if (intake_complete(k->client.in, &r, &err) < 0) {
		if (intake_store_rc(k->client.in) != 0) {
			mode_fault_raise(k, err);	/* nothing "saved" */
			free(err);
			return;
		}
		kiosk_error(k, err);	/* e.g. the engine jumped back */
		free(err);
		if (engine_item(walk_engine(k)) != NULL)
			walk_show(k);
		return;
	}
	xfree_secret(k->client.end_text);
	k->client.end_text = walk_end_text(k, r);
	intake_free(k->client.in);
	k->client.in = NULL;
	kiosk_error(k, NULL);
	kiosk_enter(k, &mode_end);
}

/*
 * The client declined an agree screen: forget every answer and
 * acknowledgement already saved (through the port: nothing given is
 * kept), keep the intake only as abandoned, and say so kindly on the end
 * screen.
 */
void
walk_decline(struct kiosk *k)
{
	const struct intake_store	*port = k->o->port;
	struct engine			*e = walk_engine(k);
	const char			*id = intake_id(k->client.in);
	char				*err = NULL;
	size_t				 i;

	for (i = 0; i < k->f->nquestions; i++)
		if (engine_value(e, &k->f->questions[i]) != NULL &&
		    port->put(port->ctx, id, k->f->questions[i].id, NULL,
		    &err) < 0) {
			free(err);	/* the intake is abandoned below */
			err = NULL;
		}
	for (i = 0; i < k->f->nscreens; i++)
		if (engine_acked(e, &k->f->screens[i]) &&
		    port->put(port->ctx, id, k->f->screens[i].id, NULL,
		    &err) < 0) {
			free(err);
			err = NULL;
		}
	kiosk_abandon(k);
	xfree_secret(k->client.end_text);
	k->client.end_text = xstrdup(kiosk_phrase(k, PH_DECLINED));
	kiosk_error(k, NULL);
	kiosk_enter(k, &mode_end);
}

/*
 * Title and progress.  Progress counts the whole form, every branch
 * included (the longest path), by the item's place in it: skipping a
 * branch moves it on, and opening one never makes the total grow
 * (counting only the items shown so far made "41 of 41" become "41 of
 * 44" as answers opened branches).
 */
void
walk_top(struct kiosk *k, struct ui_page *p)
{
	char	n[16], m[16];
	int	in, im = (int)k->f->nitems, pos;

	p->title = form_tr(&k->f->title, k->client.lang);
	p->window = &k->client.window;
	if (k->client.in == NULL || (pos = engine_pos(walk_engine(k))) < 0)
		return;
	in = engine_item(walk_engine(k)) == NULL ? im : pos + 1;
	snprintf(n, sizeof(n), "%d", in);
	snprintf(m, sizeof(m), "%d", im);
	p->progress = kiosk_keep(k, i18n_format(kiosk_phrase(k,
	    PH_PROGRESS), "n", n, "m", m, NULL));
	p->prog_n = in;
	p->prog_m = im;
}

/*
 * The texts scroll above the widget when both do not fit (layout_window).
 * While the client is reading (a new page, or after reading back), Down
 * reads on until the texts' end is shown, and only then moves in the
 * list; Up on the list's first entry (or on a field) reads back.  Any
 * other move in the list ends the reading, so the list keys stay what
 * they are.  A tap on "▲ more" / "▼ more" scrolls too.
 */
bool
walk_window(struct kiosk *k, const struct req *r, bool list, bool at_top)
{
	struct ui_scroll	*sc = &k->client.window;
	int			 step = sc->page > 1 ? sc->page - 1 : 1;

	if (req_tapped(r, HOT_SCROLL)) {
		sc->top += r->hot->arg * step;
		/* "▼ more" under the texts' end: on to the widget */
		sc->reading = r->hot->arg < 0 || sc->more;
	} else if (sc->page == 0)
		return false;		/* everything fits */
	else if (r->kind == REQ_DOWN && sc->more && (sc->reading || !list))
		sc->top += step;
	else if (r->kind == REQ_UP && at_top && (sc->top > 0 ||
	    !sc->reading)) {
		if (sc->reading || sc->top > 0)
			sc->top -= sc->reading ? step : 0;
		sc->reading = true;	/* back to the texts */
	} else {
		if (r->kind != REQ_SAY && r->kind != REQ_HUSH &&
		    r->kind != REQ_RESIZE && r->kind != REQ_HELP)
			sc->reading = false;
		return false;
	}
	if (sc->top < 0)
		sc->top = 0;
	return true;
}
