/*
 * mode_welcome.c: the welcome screen: the clinic, the form's title, how
 * to begin (and in a demo, how to leave).  Any key or tap begins: with
 * the language choice when the form has several languages.
 */
#include <stdlib.h>

#include "base/xmalloc.h"
#include "form/form.h"
#include "kiosk.h"
#include "mode.h"
#include "walk.h"

/* Clinic, title, how to begin. */
static void
welcome_page(struct kiosk *k, struct ui_page *p)
{
	p->center = true;
	p->heading = k->o->set.clinic;
	p->body = form_tr(&k->f->title, k->client.lang);
	/* (A demo without a PIN has none to type: F10 opens the menu.) */
	if (k->o->set.demo && k->o->pin_try != NULL)
		p->hint = kiosk_keep(k, xasprintf("%s\n\n%s",
		    kiosk_phrase(k, PH_BEGIN), kiosk_phrase(k,
		    PH_DEMO_LEAVE)));
	else
		p->hint = kiosk_phrase(k, PH_BEGIN);
	p->error = k->loop.error;
}

/* Any key or tap begins. */
static void
welcome_request(struct kiosk *k, const struct req *r)
{
	(void)r;
	if (k->f->nlangs > 1)
		kiosk_enter(k, &mode_lang);
	else
		walk_begin(k);
}

const struct ui_mode mode_welcome = {
	"welcome", 0, NULL, welcome_page, welcome_request, NULL, NULL
};
