/*
 * ui_staff_view.c: the staff menu's read-side screens: today's intakes
 * (through the query API), one consultation, and the CSV export prompt.
 * Stored answers are shown through textsafe, so a client's answer cannot
 * drive the terminal.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report/export.h"
#include "store/query.h"
#include "report/summary.h"
#include "store/store.h"
#include "base/textsafe.h"
#include "ui_staff.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"

/* Split u->staff_text into list items (one per line). */
static int
text_items(struct ui *u, struct ui_item **itp)
{
	struct ui_item	*it;
	char		*s, *nl;
	int		 n = 1, i;

	for (s = u->staff_text; (nl = strchr(s, '\n')) != NULL; s = nl + 1)
		n++;
	it = ui_items(u, (size_t)n);
	s = u->staff_text;
	for (i = 0; i < n; i++) {
		nl = strchr(s, '\n');
		it[i].label = ui_keep(u, nl ? xstrndup(s, (size_t)(nl - s)) :
		    xstrdup(s));
		s = nl ? nl + 1 : s + strlen(s);
	}
	*itp = it;
	return n;
}

/* One row of the list: time, short id, status, band. */
static char *
list_row(const struct query_intake *in)
{
	const char	*t = in->started_at;

	return xasprintf("%.5s  %.8s  %-11s %s%s", strlen(t) > 11 ? t + 11 :
	    t, in->id, in->status, in->band ? in->band : "",
	    in->nstops > 0 ? "  (stop)" : "");
}

/* Today's local date by the real clock (intakes are stamped with it,
   whatever SMP_TODAY says for scoring). */
static void
local_today(char *buf)
{
	time_t		now = time(NULL);
	struct tm	tm;

	localtime_r(&now, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

/* Load today's intakes into u->staff_text and u->ids. */
void
staff_list_open(struct ui *u)
{
	struct query_filter		 f = { 0 };
	const struct query_intake	*in;
	struct query_cursor		*c = NULL;
	struct strbuf			 sb;
	char				 today[11], *err = NULL, *row;
	int				 rc;

	local_today(today);
	f.since = f.until = today;
	strbuf_init(&sb);
	rc = query_cursor_new(u->o->store, &f, 0, &c, &err);
	while (rc >= 0 && (rc = query_cursor_next(c, &in, &err)) > 0) {
		row = list_row(in);
		strbuf_addf(&sb, "%s%s", sb.len ? "\n" : "", row);
		free(row);
		u->ids = xreallocarray(u->ids, u->nids + 1, sizeof(*u->ids));
		u->ids[u->nids++] = xstrdup(in->id);
	}
	query_cursor_free(c);
	if (rc < 0) {
		ui_set_error(u, err);
		free(err);
	}
	if (u->nids == 0)
		strbuf_adds(&sb, "No intakes today.");
	u->staff_text = strbuf_detach(&sb);
	u->mode = UM_STAFF_LIST;
	u->cur = u->top = 0;
}

/* Forget the loaded ids and load today's list again. */
static void
staff_list_reopen(struct ui *u)
{
	size_t	i;

	for (i = 0; i < u->nids; i++)
		free(u->ids[i]);
	free(u->ids);
	u->ids = NULL;
	u->nids = 0;
	staff_list_open(u);
}

/* Load one consultation into u->staff_text: the same summary as
   "smp-intake show". */
static void
show_open(struct ui *u, const char *id)
{
	struct strbuf	 sb;
	char		*err = NULL;
	int		 rc;

	strbuf_init(&sb);
	rc = summary_format(u->o->store, id, NULL, 0, &sb, &err);
	if (rc != STORE_OK) {
		ui_set_error(u, err);
		free(err);
		xfree_secret(strbuf_detach(&sb));
		return;
	}
	xfree_secret(u->staff_text);
	u->staff_text = strbuf_detach(&sb);
	u->mode = UM_STAFF_SHOW;
	u->cur = u->top = 0;
	ui_set_error(u, NULL);
	staff_audit(u, "staff-show", id);
}

/* Today's intakes, or one consultation, as a scrolling list. */
void
staff_view_page(struct ui *u, struct ui_page *p)
{
	struct ui_item	*it;

	p->title = "Staff";
	p->heading = u->mode == UM_STAFF_LIST ? "Today's intakes" :
	    "Consultation";
	p->nitems = text_items(u, &it);
	p->items = it;
	p->cur = u->cur;
	p->top = &u->top;
	p->error = u->error;
	p->back = "Back";
	if (u->mode == UM_STAFF_LIST && u->nids > 0) {
		p->next = "Show";
		p->keys = "Up/Down choose   Enter show   Esc back";
	} else
		p->keys = "Up/Down scroll   Esc back";
}

/* Keys on the list and the consultation. */
void
staff_view_key(struct ui *u, const struct ui_key *k)
{
	int	n = 1;
	char	*s;

	for (s = u->staff_text; (s = strchr(s, '\n')) != NULL; s++)
		n++;
	if (ui_list_move(k, &u->cur, n))
		return;
	if (k->hot != NULL && k->hot->kind == HOT_ITEM)
		u->cur = k->hot->arg;
	if (ui_key_back(k) || (k->hot && k->hot->kind == HOT_BACK)) {
		xfree_secret(u->staff_text);
		u->staff_text = NULL;
		if (u->mode == UM_STAFF_SHOW) {
			staff_list_reopen(u);
			return;
		}
		u->mode = UM_STAFF;
		u->cur = 0;
		return;
	}
	if (u->mode == UM_STAFF_LIST && (size_t)u->cur < u->nids &&
	    (ui_key_enter(k) || (k->hot && (k->hot->kind == HOT_NEXT ||
	    k->hot->kind == HOT_ITEM))))
		show_open(u, u->ids[u->cur]);
}

/* The export prompt: a path (e.g. on a USB stick). */
void
staff_export_page(struct ui *u, struct ui_page *p)
{
	p->title = "Staff";
	p->heading = "Export CSV";
	p->body = "Type the file to write (for example /media/usb/intakes.csv)"
	    " and press Enter. Every intake is exported; the file is readable"
	    " by its owner only.";
	p->body_plain = true;
	p->edit = u->staff_edit;
	p->error = u->error;
	p->hint = u->staff_text;
	p->back = "Back";
	p->next = "Export";
	p->keys = "Enter export   Esc back";
}

/* Export every intake as CSV (wide, codes) to path; *n: rows written.
   The export module audits it with actor "staff". */
static int
ui_export_csv(struct ui *u, const char *path, long *n, char **errp)
{
	struct export_opts	o;

	memset(&o, 0, sizeof(o));
	o.format = EXPORT_WIDE;
	o.actor = "staff";
	o.stop = ui_signal_flag();	/* SIGTERM mid-export: no partial file */
	*n = 0;
	return export_to_path(u->o->store, &o, path, n, errp) < 0 ? -1 : 0;
}

/* Write the CSV to the typed path. */
static void
export_run(struct ui *u)
{
	const char	*path = edit_text(u->staff_edit);
	char		*err = NULL;
	long		 n = 0;

	if (*path == '\0') {
		ui_set_error(u, "Please type a file name.");
		return;
	}
	if (ui_export_csv(u, path, &n, &err) < 0) {
		ui_set_error(u, err);
		free(err);
		return;
	}
	ui_set_error(u, NULL);
	xfree_secret(u->staff_text);
	u->staff_text = xasprintf("Exported %ld intakes to %s.", n, path);
}

/* Keys at the export prompt. */
void
staff_export_key(struct ui *u, const struct ui_key *k)
{
	if (ui_key_back(k) || (k->hot && k->hot->kind == HOT_BACK)) {
		xfree_secret(u->staff_text);
		u->staff_text = NULL;
		ui_set_error(u, NULL);
		u->mode = UM_STAFF;
		u->cur = 1;
	} else if (ui_key_enter(k) || (k->hot && k->hot->kind == HOT_NEXT))
		export_run(u);
	else
		ui_edit_key(u->staff_edit, k);
}
