/*
 * mode_pin.c: the staff PIN prompt, behind F10 (masked).  The command
 * that started the kiosk checks the PIN, keeps the lockout and audits
 * every try, never with the PIN (ui_opts.pin_try).
 */
#include <stdlib.h>

#include "base/xmalloc.h"
#include "kiosk.h"
#include "mode.h"

#define PIN_FIELD_MAX	64	/* characters a PIN field takes */

/* An empty, masked field. */
static void
pin_open(struct kiosk *k)
{
	k->staff.edit = edit_new(PIN_FIELD_MAX, false);
}

/* Wipe what was typed. */
static void
pin_close(struct kiosk *k)
{
	edit_free(k->staff.edit);
	k->staff.edit = NULL;
}

/* Seconds the lockout still holds. */
static int
pin_locked(const struct kiosk *k)
{
	return k->o->pin_locked != NULL ? k->o->pin_locked(k->o->pin_ctx) :
	    0;
}

/* The prompt, or how long the lock still holds. */
static void
pin_page(struct kiosk *k, struct ui_page *p)
{
	int	left = pin_locked(k);

	p->title = "Staff";
	p->heading = "Staff PIN";
	p->body = "Type the staff PIN and press Enter.";
	p->body_plain = true;
	p->edit = k->staff.edit;
	p->masked = true;
	if (left > 120)		/* the lock doubles up to an hour */
		p->error = kiosk_keep(k, xasprintf("Too many wrong PINs. The "
		    "staff menu is locked for %d more minutes.",
		    (left + 59) / 60));
	else if (left > 0)
		p->error = kiosk_keep(k, xasprintf("Too many wrong PINs. The "
		    "staff menu is locked for %d more seconds.", left));
	else
		p->error = k->loop.error;
	p->back = "Cancel";
	p->next = "OK";
	p->keys = "Enter OK   Esc cancel";
}

/* Check the typed PIN. */
static void
pin_try(struct kiosk *k)
{
	int	left = 0;

	switch (k->o->pin_try(k->o->pin_ctx, edit_text(k->staff.edit),
	    &left)) {
	case UI_PIN_OK:
		kiosk_error(k, NULL);
		if (k->fault != NULL) {	/* the store failed: that first */
			kiosk_enter(k, &mode_fault_staff);
			return;
		}
		kiosk_audit(k, "staff-menu", "opened");
		k->staff.menu = 0;
		kiosk_enter(k, &mode_menu);
		return;
	case UI_PIN_WRONG:
		kiosk_error(k, "Wrong PIN. Please try again.");
		break;
	default:
		kiosk_error(k, NULL);
		break;
	}
	edit_clear(k->staff.edit);
}

/* Type, OK, or cancel. */
static void
pin_request(struct kiosk *k, const struct req *r)
{
	if (req_is_back(r) && k->fault != NULL)
		kiosk_enter(k, &mode_fault);	/* still "ask staff" */
	else if (req_is_back(r))
		kiosk_pop(k);
	else if (r->kind == REQ_ENTER || req_tapped(r, HOT_NEXT))
		pin_try(k);
	else if (pin_locked(k) == 0)
		req_edit(k->staff.edit, r);
}

const struct ui_mode mode_pin = {
	"pin", MODE_STAFF, pin_open, pin_page, pin_request, NULL, pin_close
};
