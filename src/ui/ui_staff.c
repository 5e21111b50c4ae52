/*
 * ui_staff.c: the staff side of the kiosk, behind F10: the PIN prompt
 * (masked; five wrong PINs lock it for a minute), and the staff menu:
 * today's intakes, one consultation, CSV export to a path, exit.  Every
 * staff action is audited (actor "staff"), never with personal data.
 * Staff texts are in the staff language (English).
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/xmalloc.h"
#include "store/store.h"
#include "ui_kiosk.h"
#include "ui_staff.h"

static const char *const staff_menu[] = {
	"Today's intakes",
	"Export CSV to a file",
	"Back to the questionnaire",
	"Exit the kiosk",
};

/* Append to the audit log; a failure is shown but does not block. */
void
staff_audit(struct ui *u, const char *action, const char *detail)
{
	char	*err = NULL;

	if (store_audit(u->o->store, "staff", action, detail, &err) < 0) {
		ui_set_error(u, err);
		free(err);
	}
}

/* F10: ask for the PIN (straight to the menu in a demo without one). */
void
staff_open(struct ui *u)
{
	ui_set_error(u, NULL);
	edit_free(u->staff_edit);
	u->staff_edit = edit_new(PIN_MAX_LEN, false);
	if (u->o->cfg->pin_hash == NULL && u->o->cfg->demo) {
		u->mode = UM_STAFF;
		u->cur = 0;
		return;
	}
	u->mode = UM_PIN;
}

/* Leave the staff screens, wiping what they showed. */
void
staff_close(struct ui *u)
{
	size_t	i;

	edit_free(u->staff_edit);
	u->staff_edit = NULL;
	xfree_secret(u->staff_text);
	u->staff_text = NULL;
	for (i = 0; i < u->nids; i++)
		free(u->ids[i]);
	free(u->ids);
	u->ids = NULL;
	u->nids = 0;
	if (u->mode < UM_PIN)
		return;
	ui_set_error(u, NULL);
	u->mode = u->back_mode;
	if (u->mode == UM_WALK && u->in == NULL)
		u->mode = UM_WELCOME;
	u->loaded = -1;		/* reload the client's widget */
	clear();
}

/* The PIN prompt. */
static void
pin_page(struct ui *u, struct ui_page *p)
{
	int	left = pin_guard_remaining(&u->guard);

	p->title = "Staff";
	p->heading = "Staff PIN";
	p->body = "Type the staff PIN and press Enter.";
	p->body_plain = true;
	p->edit = u->staff_edit;
	p->masked = true;
	if (left > 0)
		p->error = ui_keep(u, xasprintf("Too many wrong PINs. The "
		    "staff menu is locked for %d more seconds.", left));
	else
		p->error = u->error;
	p->back = "Cancel";
	p->next = "OK";
	p->keys = "Enter OK   Esc cancel";
}

/* Check the typed PIN. */
static void
pin_try(struct ui *u)
{
	int	left = 0;

	switch (pin_guard_try(&u->guard, u->o->cfg->pin_hash,
	    edit_text(u->staff_edit), &left)) {
	case PIN_OK:
		ui_set_error(u, NULL);
		staff_audit(u, "staff-menu", "opened");
		u->mode = UM_STAFF;
		u->cur = u->top = 0;
		break;
	case PIN_WRONG:
		ui_set_error(u, "Wrong PIN. Please try again.");
		staff_audit(u, "staff-pin", "wrong PIN");
		break;
	case PIN_LOCKED:
		ui_set_error(u, NULL);
		staff_audit(u, "staff-pin", "locked out");
		break;
	}
	edit_clear(u->staff_edit);
}

/* Keys at the PIN prompt. */
static void
pin_key(struct ui *u, const struct ui_key *k)
{
	if (ui_key_back(k) || (k->hot && k->hot->kind == HOT_BACK))
		staff_close(u);
	else if (ui_key_enter(k) || (k->hot && k->hot->kind == HOT_NEXT))
		pin_try(u);
	else if (pin_guard_remaining(&u->guard) == 0)
		ui_edit_key(u->staff_edit, k);
}

/* The staff menu. */
static void
menu_page(struct ui *u, struct ui_page *p)
{
	struct ui_item	*it = ui_items(u, SMP_NELEM(staff_menu));
	size_t		 i;

	for (i = 0; i < SMP_NELEM(staff_menu); i++)
		it[i].label = staff_menu[i];
	p->title = "Staff";
	p->heading = "Staff menu";
	p->items = it;
	p->nitems = (int)SMP_NELEM(staff_menu);
	p->cur = u->cur;
	p->top = &u->top;
	p->numbered = true;
	p->error = u->error;
	p->back = "Back";
	p->next = "Open";
	p->keys = "Up/Down choose   Enter open   Esc back";
}

/* Leave the kiosk (staff asked): the intake in progress is abandoned. */
static void
staff_exit(struct ui *u)
{
	staff_audit(u, "kiosk-exit", NULL);
	if (u->in != NULL)
		ui_abandon(u);
	u->quit = true;
}

/* Open menu entry i. */
static void
menu_open(struct ui *u, int i)
{
	ui_set_error(u, NULL);
	u->top = 0;
	if (i == 0)
		staff_list_open(u);
	else if (i == 1) {
		edit_free(u->staff_edit);
		u->staff_edit = edit_new(1024, false);
		u->mode = UM_STAFF_EXPORT;
	} else if (i == 2)
		staff_close(u);
	else
		staff_exit(u);
}

/* Keys in the staff menu. */
static void
menu_key(struct ui *u, const struct ui_key *k)
{
	int	n = (int)SMP_NELEM(staff_menu);

	if (ui_list_move(k, &u->cur, n))
		return;
	if (ui_key_back(k) || (k->hot && k->hot->kind == HOT_BACK))
		staff_close(u);
	else if (k->hot != NULL && k->hot->kind == HOT_ITEM)
		menu_open(u, u->cur = k->hot->arg);
	else if (!k->fkey && k->ch >= '1' && k->ch < '1' + (uint32_t)n)
		menu_open(u, u->cur = (int)(k->ch - '1'));
	else if (ui_key_enter(k) || (k->hot && k->hot->kind == HOT_NEXT))
		menu_open(u, u->cur);
}

/* Build the page of the current staff mode. */
void
staff_page(struct ui *u, struct ui_page *p)
{
	switch (u->mode) {
	case UM_PIN:		pin_page(u, p); break;
	case UM_STAFF_LIST:
	case UM_STAFF_SHOW:	staff_view_page(u, p); break;
	case UM_STAFF_EXPORT:	staff_export_page(u, p); break;
	default:		menu_page(u, p); break;
	}
}

/* Hand a key to the current staff mode. */
void
staff_key(struct ui *u, const struct ui_key *k)
{
	switch (u->mode) {
	case UM_PIN:		pin_key(u, k); break;
	case UM_STAFF_LIST:
	case UM_STAFF_SHOW:	staff_view_key(u, k); break;
	case UM_STAFF_EXPORT:	staff_export_key(u, k); break;
	default:		menu_key(u, k); break;
	}
}
