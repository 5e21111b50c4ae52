/*
 * mode_end.c: the end screen: thanks, and what happens next in kind
 * words (never a number), for end_seconds; then the welcome screen,
 * with nothing of the client left.  A key after two seconds skips it.
 */
#include "form/form.h"
#include "kiosk.h"
#include "mode.h"

#define END_MIN_SECONDS	2.0	/* keys do not skip the end screen sooner */

/* The screen stays for end_seconds. */
static void
end_open(struct kiosk *k)
{
	k->loop.deadline = k->loop.now + k->o->set.end_seconds;
}

/* Thanks and the kind summary. */
static void
end_page(struct kiosk *k, struct ui_page *p)
{
	p->center = true;
	p->title = form_tr(&k->f->title, k->client.lang);
	p->heading = kiosk_phrase(k, PH_THANKS);
	p->body = k->client.end_text;
}

/* Back to welcome when the time is up. */
static void
end_tick(struct kiosk *k)
{
	if (k->loop.now >= k->loop.deadline)
		kiosk_reset(k);
}

/* A key skips the rest of the time, once the screen could be read. */
static void
end_request(struct kiosk *k, const struct req *r)
{
	(void)r;
	if (k->loop.now >= k->loop.deadline - k->o->set.end_seconds +
	    END_MIN_SECONDS)
		kiosk_reset(k);
}

const struct ui_mode mode_end = {
	"end", 0, end_open, end_page, end_request, end_tick, NULL
};
