/*
 * mode_info.c: an information screen (consent, privacy, aftercare): text
 * that scrolls when it is longer than the terminal, and a button that
 * carries the agreement's words when the screen asks for one, beside
 * Back and "I do not agree" (Left/Right move the keyboard's focus between
 * the two; declining ends the session with nothing kept).
 */
#include <stdbool.h>
#include <string.h>

#include "engine/engine.h"
#include "form/form.h"
#include "kiosk.h"
#include "mode.h"
#include "walk.h"

/* The screen on display. */
static const struct form_screen *
info_screen(const struct kiosk *k)
{
	return &k->f->screens[engine_item(walk_engine(k))->ref];
}

/* The text starts at its top; the agree button has the focus. */
static void
info_open(struct kiosk *k)
{
	memset(&k->client.scroll, 0, sizeof(k->client.scroll));
	k->client.focus = 0;
}

/* Title, text, the agree (or Next) button. */
static void
info_page(struct kiosk *k, struct ui_page *p)
{
	const struct form_screen	*s = info_screen(k);
	const char			*agree = form_tr(&s->agree,
					    k->client.lang);

	walk_top(k, p);
	p->heading = form_tr(&s->title, k->client.lang);
	p->body = form_tr(&s->text, k->client.lang);
	p->body_plain = true;
	p->window = &k->client.scroll;	/* Down reads on */
	p->more = kiosk_phrase(k, PH_MORE);
	p->error = k->loop.error;
	p->back = kiosk_phrase(k, PH_BACK);
	p->next = agree != NULL ? agree : kiosk_phrase(k, PH_NEXT);
	p->keys = kiosk_phrase(k, PH_KEYS_SCREEN);
	if (agree != NULL) {		/* agreeing is a choice: say no */
		p->decline = kiosk_phrase(k, PH_DECLINE);
		p->focus = k->client.focus;
		p->keys = kiosk_phrase(k, PH_KEYS_AGREE);
	}
}

/*
 * Up and down scroll.  Enter (or Next) first pages down until the end has
 * been shown, so a client cannot agree to text they were never shown.
 */
static void
info_request(struct kiosk *k, const struct req *r)
{
	struct ui_scroll	*sc = &k->client.scroll;
	int			 page = sc->page > 1 ? sc->page - 1 : 1;
	bool			 agree = form_tr(&info_screen(k)->agree,
				    k->client.lang) != NULL;

	if (walk_language(k, r))
		return;
	if (agree && (r->kind == REQ_LEFT || r->kind == REQ_RIGHT))
		k->client.focus = r->kind == REQ_LEFT;
	else if (req_tapped(r, HOT_DECLINE) || (agree &&
	    k->client.focus == 1 && r->kind == REQ_ENTER))
		walk_decline(k);
	else if (req_tapped(r, HOT_SCROLL))	/* "▼ more" (narrow) */
		sc->top += r->hot->arg * page;
	else if (r->kind == REQ_DOWN || r->kind == REQ_PGDN)
		sc->top += r->kind == REQ_DOWN ? 1 : page;
	else if (r->kind == REQ_UP || r->kind == REQ_PGUP)
		sc->top -= r->kind == REQ_UP ? 1 : page;
	else if (req_is_next(r) && sc->more)
		sc->top += page;
	else if (req_is_next(r))
		walk_next(k);
	else if (req_is_back(r))
		walk_back(k);
	if (sc->top < 0)
		sc->top = 0;
}

const struct ui_mode mode_info = {
	"information", MODE_IDLE | MODE_LANG, info_open, info_page,
	info_request, NULL, NULL
};
