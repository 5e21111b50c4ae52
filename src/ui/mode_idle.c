/*
 * mode_idle.c: "Are you still there?", over the mode the client left,
 * with a countdown.  Any key or tap carries on where they were; at zero
 * the intake is stored as abandoned and the welcome screen returns, with
 * nothing of the client left.
 */
#include <stdio.h>

#include "base/i18n.h"
#include "form/form.h"
#include "kiosk.h"
#include "mode.h"

/* Seconds left of the countdown, rounded up. */
static int
idle_left(const struct kiosk *k)
{
	int	left = (int)(k->loop.deadline - k->loop.now + 0.999);

	return left < 0 ? 0 : left;
}

/* The countdown starts. */
static void
idle_open(struct kiosk *k)
{
	k->loop.deadline = k->loop.now + k->o->set.idle_countdown;
	k->loop.shown = idle_left(k);
	k->loop.bell = true;	/* a client looking away hears it */
}

/* The question and the seconds left. */
static void
idle_page(struct kiosk *k, struct ui_page *p)
{
	char	secs[16];

	snprintf(secs, sizeof(secs), "%d", idle_left(k));
	p->center = true;
	p->title = form_tr(&k->f->title, k->client.lang);
	p->body = kiosk_keep(k, i18n_format(kiosk_phrase(k, PH_STILL_THERE),
	    "seconds", secs, NULL));
}

/* Redraw when the second shown changes; abandon at zero. */
static void
idle_tick(struct kiosk *k)
{
	int	left = idle_left(k);

	if (k->loop.now >= k->loop.deadline)
		kiosk_reset(k);
	else if (left != k->loop.shown) {
		k->loop.shown = left;
		k->loop.dirty = true;
	}
}

/* Any key or tap: carry on. */
static void
idle_request(struct kiosk *k, const struct req *r)
{
	(void)r;
	kiosk_pop(k);
}

const struct ui_mode mode_idle = {
	"idle", 0, idle_open, idle_page, idle_request, idle_tick, NULL
};
