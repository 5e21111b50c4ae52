/*
 * mode_list.c: the staff side's read screens: today's intakes (through
 * the query API; no names, it may be read in a lobby) and one
 * consultation (the same summary as "smp-intake show").  Both show a text
 * one line per list row; stored answers come through the summary's
 * textsafe, so a client's answer cannot drive the terminal.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "report/summary.h"
#include "store/query.h"
#include "kiosk.h"
#include "mode.h"

/* Forget the loaded text and ids. */
static void
view_close(struct kiosk *k)
{
	size_t	i;

	xfree_secret(k->staff.text);
	k->staff.text = NULL;
	for (i = 0; i < k->staff.nids; i++)
		free(k->staff.ids[i]);
	free(k->staff.ids);
	k->staff.ids = NULL;
	k->staff.nids = 0;
}

/* The lines of the text as list items; returns how many. */
static int
view_items(struct kiosk *k, struct ui_item **itp)
{
	struct ui_item	*it;
	const char	*s, *nl;
	int		 n = 1, i;

	for (s = k->staff.text; (nl = strchr(s, '\n')) != NULL; s = nl + 1)
		n++;
	it = kiosk_items(k, (size_t)n);
	s = k->staff.text;
	for (i = 0; i < n; i++) {
		nl = strchr(s, '\n');
		it[i].label = kiosk_keep(k, nl ? xstrndup(s,
		    (size_t)(nl - s)) : xstrdup(s));
		s = nl ? nl + 1 : s + strlen(s);
	}
	*itp = it;
	return n;
}

/* The list or the consultation as a scrolling list. */
static void
view_page(struct kiosk *k, struct ui_page *p, const char *heading)
{
	struct ui_item	*it;

	p->title = "Staff";
	p->heading = heading;
	p->nitems = view_items(k, &it);
	p->items = it;
	p->cur = k->staff.cur;
	p->top = &k->staff.top;
	p->error = k->loop.error;
	p->back = "Back";
}

/* Move the cursor; true if r did. */
static bool
view_move(struct kiosk *k, const struct req *r)
{
	int		 n = 1;
	const char	*s;

	for (s = k->staff.text; (s = strchr(s, '\n')) != NULL; s++)
		n++;
	if (req_list_move(r, &k->staff.cur, n))
		return true;
	if (req_tapped(r, HOT_ITEM))
		k->staff.cur = r->hot->arg;
	return false;
}

/* One row of the list: time, short id, outcome first (a stop's kind
   and re-check date; the band only when no stop applies), status. */
static char *
list_row(const struct query_intake *in)
{
	const char	*t = in->started_at;

	return xasprintf("%.5s  %.8s  %-11s %-10s %s", strlen(t) > 11 ?
	    t + 11 : t, in->id, in->outcome ? in->outcome : "-",
	    in->recheck ? in->recheck : "", in->status);
}

/* Today's local date by the real clock (intakes are stamped with it,
   whatever SMP_TODAY says for scoring). */
static void
list_today(char *buf)
{
	time_t		now = time(NULL);
	struct tm	tm;

	localtime_r(&now, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

/* Load today's intakes. */
static void
list_open(struct kiosk *k)
{
	struct query_filter		 f = { 0 };
	const struct query_intake	*in;
	struct query_cursor		*c = NULL;
	struct strbuf			 sb;
	char				 today[11], *err = NULL, *row;
	int				 rc;

	list_today(today);
	f.since = f.until = today;
	strbuf_init(&sb);
	rc = query_cursor_new(k->o->store, &f, 0, &c, &err);
	while (rc >= 0 && (rc = query_cursor_next(c, &in, &err)) > 0) {
		row = list_row(in);
		strbuf_addf(&sb, "%s%s", sb.len ? "\n" : "", row);
		free(row);
		k->staff.ids = xreallocarray(k->staff.ids, k->staff.nids + 1,
		    sizeof(*k->staff.ids));
		k->staff.ids[k->staff.nids++] = xstrdup(in->id);
	}
	query_cursor_free(c);
	if (rc < 0) {
		kiosk_error(k, err);
		free(err);
	}
	if (k->staff.nids == 0)
		strbuf_adds(&sb, "No intakes today.");
	k->staff.text = strbuf_detach(&sb);
	k->staff.cur = k->staff.top = 0;
}

/* Today's intakes. */
static void
list_page(struct kiosk *k, struct ui_page *p)
{
	view_page(k, p, "Today's intakes");
	if (k->staff.nids > 0) {
		p->next = "Show";
		p->keys = "Up/Down choose   Enter show   Esc back";
	} else
		p->keys = "Up/Down scroll   Esc back";
}

/* Open the consultation of intake id: the same summary as "show". */
static void
list_show(struct kiosk *k, const char *id)
{
	struct strbuf	 sb;
	char		*err = NULL, *copy;
	int		 rc;

	strbuf_init(&sb);
	rc = summary_format(k->o->store, id, NULL, 0, &sb, &err);
	if (rc != STORE_OK) {
		kiosk_error(k, err);
		free(err);
		xfree_secret(strbuf_detach(&sb));
		return;
	}
	copy = xstrdup(id);
	kiosk_enter(k, &mode_show);
	k->staff.text = strbuf_detach(&sb);
	kiosk_error(k, NULL);
	kiosk_audit(k, "staff-show", copy);
	free(copy);
}

/* Choose an intake, or go back to the menu. */
static void
list_request(struct kiosk *k, const struct req *r)
{
	if (view_move(k, r))
		return;
	if (req_is_back(r)) {
		k->staff.menu = 0;
		kiosk_enter(k, &mode_menu);
	} else if ((size_t)k->staff.cur < k->staff.nids &&
	    (r->kind == REQ_ENTER || req_tapped(r, HOT_NEXT) ||
	    req_tapped(r, HOT_ITEM)))
		list_show(k, k->staff.ids[k->staff.cur]);
}

/* The text starts at its top. */
static void
show_open(struct kiosk *k)
{
	k->staff.cur = k->staff.top = 0;
}

/* One consultation. */
static void
show_page(struct kiosk *k, struct ui_page *p)
{
	view_page(k, p, "Consultation");
	p->keys = "Up/Down scroll   Esc back";
}

/* Scroll, or back to today's list (loaded again). */
static void
show_request(struct kiosk *k, const struct req *r)
{
	if (!view_move(k, r) && req_is_back(r))
		kiosk_enter(k, &mode_list);
}

const struct ui_mode mode_list = {
	"list", MODE_STAFF, list_open, list_page, list_request, NULL,
	view_close
};

const struct ui_mode mode_show = {
	"show", MODE_STAFF, show_open, show_page, show_request, NULL,
	view_close
};
