/*
 * mode_menu.c: the staff menu: today's intakes, CSV export to a file,
 * back to the questionnaire, exit the kiosk; with a server set, how many
 * intakes wait to be sent and when the last send succeeded.  Staff texts
 * are in the staff language (English).
 */
#include <stdint.h>
#include <stdlib.h>

#include "base/defs.h"
#include "base/xmalloc.h"
#include "store/query.h"
#include "store/send.h"
#include "kiosk.h"
#include "mode.h"

static const char *const menu_entries[] = {
	"Today's intakes",
	"Export CSV to a file",
	"Back to the questionnaire",
	"Exit the kiosk",
};

/* What waits to be sent, and the last send (a page string). */
static const char *
menu_sending(struct kiosk *k)
{
	char	 last[32], when[32], *err = NULL;
	int	 waiting = 0;

	if (k->o->store == NULL || send_state(k->o->store, &waiting, last,
	    &err) != STORE_OK) {
		free(err);
		return "Server: cannot read what waits to be sent";
	}
	query_local_time(last[0] != '\0' ? last : NULL, when, NULL);
	return kiosk_keep(k, xasprintf("Server: %d intake%s waiting to be "
	    "sent; last sent %s", waiting, waiting == 1 ? "" : "s",
	    last[0] != '\0' ? when : "never"));
}

/* The entries. */
static void
menu_page(struct kiosk *k, struct ui_page *p)
{
	struct ui_item	*it = kiosk_items(k, SMP_NELEM(menu_entries));
	size_t		 i;

	for (i = 0; i < SMP_NELEM(menu_entries); i++)
		it[i].label = menu_entries[i];
	p->title = "Staff";
	p->heading = "Staff menu";
	if (k->o->set.sending)
		p->body = menu_sending(k);
	p->items = it;
	p->nitems = (int)SMP_NELEM(menu_entries);
	p->cur = k->staff.menu;
	p->top = &k->staff.top;
	p->numbered = true;
	p->error = k->loop.error;
	p->back = "Back";
	p->next = "Open";
	p->keys = "Up/Down choose   Enter open   Esc back";
}

/* Leave the kiosk (staff asked): the intake in progress is abandoned. */
static void
menu_exit(struct kiosk *k)
{
	kiosk_audit(k, "kiosk-exit", NULL);
	kiosk_abandon(k);
	k->loop.quit = true;
}

/* Open entry i. */
static void
menu_open_entry(struct kiosk *k, int i)
{
	kiosk_error(k, NULL);
	k->staff.menu = i;
	k->staff.top = 0;
	if (i == 0)
		kiosk_enter(k, &mode_list);
	else if (i == 1)
		kiosk_enter(k, &mode_export);
	else if (i == 2)
		kiosk_pop(k);
	else
		menu_exit(k);
}

/* Choose an entry. */
static void
menu_request(struct kiosk *k, const struct req *r)
{
	int	n = (int)SMP_NELEM(menu_entries);

	if (req_list_move(r, &k->staff.menu, n))
		return;
	if (req_is_back(r))
		kiosk_pop(k);
	else if (req_tapped(r, HOT_ITEM))
		menu_open_entry(k, r->hot->arg);
	else if (r->kind == REQ_CHAR && r->ch >= '1' &&
	    r->ch < '1' + (uint32_t)n)
		menu_open_entry(k, (int)(r->ch - '1'));
	else if (r->kind == REQ_ENTER || req_tapped(r, HOT_NEXT))
		menu_open_entry(k, k->staff.menu);
}

const struct ui_mode mode_menu = {
	"menu", MODE_STAFF, NULL, menu_page, menu_request, NULL, NULL
};
