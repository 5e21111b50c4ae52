/*
 * mode_export.c: the staff menu's CSV export: a path (e.g. on a USB
 * stick), then every intake, wide, with codes, written atomically and
 * readable by its owner only.  The export module audits it.  A file
 * already at the path is never replaced: the export takes a fresh name
 * beside it ("intakes-1.csv") and says so.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"
#include "report/export.h"
#include "kiosk.h"
#include "mode.h"

#define EXPORT_PATH_MAX	1024	/* characters of a typed path */

/* An empty path field. */
static void
export_open(struct kiosk *k)
{
	k->staff.edit = edit_new(EXPORT_PATH_MAX, false);
}

/* Forget the field and the last result. */
static void
export_close(struct kiosk *k)
{
	edit_free(k->staff.edit);
	k->staff.edit = NULL;
	xfree_secret(k->staff.text);
	k->staff.text = NULL;
}

/* The prompt, and what the last export did. */
static void
export_page(struct kiosk *k, struct ui_page *p)
{
	p->title = "Staff";
	p->heading = "Export CSV";
	p->body = "Type the file to write (for example /media/usb/intakes.csv)"
	    " and press Enter. Every intake is exported; the file is readable"
	    " by its owner only. An existing file is kept: the export then"
	    " takes a new name beside it.";
	p->body_plain = true;
	p->edit = k->staff.edit;
	p->error = k->loop.error;
	p->hint = k->staff.text;
	p->back = "Back";
	p->next = "Export";
	p->keys = "Enter export   Esc back";
}

/* Write every intake as CSV (wide, codes) to the typed path. */
static void
export_start(struct kiosk *k)
{
	struct export_opts	 o;
	const char		*path = edit_text(k->staff.edit);
	char			*err = NULL, *written = NULL;
	long			 n = 0;

	if (*path == '\0') {
		kiosk_error(k, "Please type a file name.");
		return;
	}
	memset(&o, 0, sizeof(o));
	o.format = EXPORT_WIDE;
	o.actor = "staff";
	o.stop = k->stop;	/* SIGTERM mid-export: no partial file */
	o.exists = EXPORT_FRESH;	/* no terminal prompt to ask on */
	if (export_to_path(k->o->store, &o, path, &written, &n, &err) < 0) {
		kiosk_error(k, err);
		free(err);
		return;
	}
	kiosk_error(k, NULL);
	xfree_secret(k->staff.text);
	if (strcmp(written, path) == 0)
		k->staff.text = xasprintf("Exported %ld intakes to %s.", n,
		    path);
	else
		k->staff.text = xasprintf("Kept the file already there. "
		    "Exported %ld intakes to %s.", n, written);
	free(written);
}

/* Type a path, export, or back to the menu. */
static void
export_request(struct kiosk *k, const struct req *r)
{
	if (req_is_back(r)) {
		kiosk_error(k, NULL);
		k->staff.menu = 1;
		kiosk_enter(k, &mode_menu);
	} else if (r->kind == REQ_ENTER || req_tapped(r, HOT_NEXT))
		export_start(k);
	else
		req_edit(k->staff.edit, r);
}

const struct ui_mode mode_export = {
	"export", MODE_STAFF, export_open, export_page, export_request, NULL,
	export_close
};
