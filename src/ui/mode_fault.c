/*
 * mode_fault.c: when the store fails under a client (its file deleted,
 * moved or replaced, the disk full...), the client sees a calm "please ask
 * a member of staff" screen over theirs, never a path or the database's
 * words, and nothing is said to be saved.  The answers stay in memory.
 *
 * F10 and the staff PIN open the staff side of it: what went wrong, and a
 * field holding the configured database path.  Enter saves the client's
 * answers there (a new database if no file is there) or to another path
 * typed in (ui_opts.reopen, then intake_resave), audits it, and returns
 * the client to their screen as they left it; the kiosk carries on with
 * that database.
 */
#include <stdlib.h>

#include "base/i18n.h"
#include "base/xmalloc.h"
#include "engine/intake.h"
#include "form/form.h"
#include "kiosk.h"
#include "mode.h"

#define FAULT_PATH_MAX	4096	/* characters of a path staff type */

/* A line for the staff log (ui_opts.log), if there is one. */
static void
fault_log(struct kiosk *k, const char *line)
{
	if (k->o->log != NULL)
		k->o->log(k->o->log_ctx, line);
}

/* A store failure: keep err for staff, ask the client to fetch them. */
void
mode_fault_raise(struct kiosk *k, const char *err)
{
	free(k->fault);
	k->fault = xstrdup(err != NULL ? err : "the database failed");
	fault_log(k, k->fault);
	kiosk_error(k, NULL);
	if (k->loop.mode == &mode_fault)
		return;
	if (k->loop.under != NULL)
		kiosk_enter(k, &mode_fault);	/* in place of the overlay */
	else
		kiosk_push(k, &mode_fault);
}

/* The client's screen: ask for staff, in their language. */
static void
fault_page(struct kiosk *k, struct ui_page *p)
{
	p->center = true;
	p->title = form_tr(&k->f->title, k->client.lang);
	p->body = kiosk_phrase(k, PH_ASK_STAFF);
}

/* Only F10 does anything: the staff PIN, then the staff side. */
static void
fault_request(struct kiosk *k, const struct req *r)
{
	if (r->kind != REQ_STAFF)
		return;
	kiosk_enter(k, k->o->pin_try != NULL ? &mode_pin : &mode_fault_staff);
}

const struct ui_mode mode_fault = {
	"fault", 0, NULL, fault_page, fault_request, NULL, NULL
};

/* The path field, holding the configured database. */
static void
fault_staff_open(struct kiosk *k)
{
	k->staff.edit = edit_new(FAULT_PATH_MAX, false);
	if (k->o->db_path != NULL)
		edit_set(k->staff.edit, k->o->db_path);
}

/* Forget the field. */
static void
fault_staff_close(struct kiosk *k)
{
	edit_free(k->staff.edit);
	k->staff.edit = NULL;
}

/* What went wrong and what Enter does. */
static void
fault_staff_page(struct kiosk *k, struct ui_page *p)
{
	p->title = "Staff";
	p->heading = "The database cannot be written";
	p->body = kiosk_keep(k, xasprintf("%s\n\nThe client's answers so far "
	    "are kept in memory only. Press Enter to save them to a database "
	    "at the path below (a new one if no file is there), or type "
	    "another path first. The kiosk then carries on with that "
	    "database.", k->fault));
	p->body_plain = true;
	p->edit = k->staff.edit;
	p->error = k->loop.error;
	p->back = "Back";
	p->next = "Save";
	p->keys = "Enter save   Esc back";
}

/* Save the answers to the typed path and carry on there. */
static void
fault_staff_save(struct kiosk *k)
{
	struct intake	*in = k->client.in;
	char		*path, *detail, *err = NULL;

	if (*edit_text(k->staff.edit) == '\0' || k->o->reopen == NULL) {
		kiosk_error(k, "Please type the path of a database file.");
		return;
	}
	path = xstrdup(edit_text(k->staff.edit));
	if (in != NULL)
		intake_detach(in);	/* its store is about to close */
	if (k->o->reopen(k->o->reopen_ctx, path, &err) != 0 ||
	    (in != NULL && intake_resave(in, k->o->port, k->o->form_hash,
	    k->o->set.kiosk_id, "kiosk", &err) != 0)) {
		kiosk_error(k, err);
		free(err);
		free(path);
		return;
	}
	detail = xasprintf("database failed (%s); answers in progress saved "
	    "to %s", k->fault, path);
	kiosk_audit(k, "storage", detail);
	fault_log(k, detail);
	free(detail);
	free(path);
	free(k->fault);
	k->fault = NULL;
	kiosk_error(k, NULL);
	kiosk_pop(k);		/* the client's screen, as it was */
}

/* Type a path and save, or back to the client's "ask staff" screen. */
static void
fault_staff_request(struct kiosk *k, const struct req *r)
{
	if (req_is_back(r)) {
		kiosk_error(k, NULL);
		kiosk_enter(k, &mode_fault);
	} else if (r->kind == REQ_ENTER || req_tapped(r, HOT_NEXT))
		fault_staff_save(k);
	else
		req_edit(k->staff.edit, r);
}

const struct ui_mode mode_fault_staff = {
	"fault-staff", MODE_STAFF, fault_staff_open, fault_staff_page,
	fault_staff_request, NULL, fault_staff_close
};
