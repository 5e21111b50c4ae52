/*
 * kiosk.c: the kiosk as a state machine over modes (see kiosk.h and
 * mode.h): dispatching requests and ticks to the current mode, switching
 * modes and overlays, the idle timer, laying the current page out, and
 * the scratch strings a page borrows.  No curses here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "form/form.h"
#include "kiosk.h"
#include "layout.h"
#include "mode.h"

/* A kiosk at the welcome screen. */
struct kiosk *
kiosk_new(const struct ui_opts *o, bool utf8,
    const volatile sig_atomic_t *stop, double now)
{
	struct kiosk	*k = xcalloc(1, sizeof(*k));

	k->o = o;
	k->f = o->form;
	k->utf8 = utf8;
	k->stop = stop;
	k->client.lang = o->lang;
	k->client.chosen = -1;
	k->loop.now = k->loop.last_input = now;
	kiosk_enter(k, &mode_welcome);
	return k;
}

/* Forget the current page's strings (they may hold answers: wipe). */
static void
kiosk_scratch_reset(struct kiosk *k)
{
	size_t	i;

	for (i = 0; i < k->loop.nstrs; i++)
		xfree_secret(k->loop.strs[i]);
	k->loop.nstrs = 0;
}

/* Close the overlay and the mode under it. */
static void
kiosk_close_all(struct kiosk *k)
{
	if (k->loop.under != NULL)
		kiosk_pop(k);
	if (k->loop.mode != NULL && k->loop.mode->close != NULL)
		k->loop.mode->close(k);
	k->loop.mode = NULL;
}

/* Abandon what is in progress, wipe, free. */
void
kiosk_free(struct kiosk *k)
{
	if (k == NULL)
		return;
	kiosk_close_all(k);
	kiosk_abandon(k);
	kiosk_scratch_reset(k);
	free(k->loop.strs);
	free(k->loop.items);
	free(k->loop.error);
	grid_free(k->loop.grid);
	xfree_secret(k->client.end_text);
	free(k->fault);
	free(k);
}

/* The zone a tap hit on the grid on screen. */
static void
kiosk_resolve_tap(const struct kiosk *k, struct req *r)
{
	r->hot = NULL;
	if (k->loop.grid != NULL)
		r->hot = grid_hit(k->loop.grid, r->y, r->x);
}

/* Is the terminal too small to lay a page out? */
static bool
kiosk_too_small(const struct kiosk *k)
{
	const struct grid	*g = k->loop.grid;

	return g != NULL && (g->cols < PAGE_MIN_COLS ||
	    g->rows < PAGE_MIN_ROWS);
}

/* Act on one request. */
void
kiosk_request(struct kiosk *k, const struct req *r, double now)
{
	struct req	tap;

	k->loop.now = k->loop.last_input = now;
	k->loop.dirty = true;
	if (r->kind == REQ_RESIZE || kiosk_too_small(k))
		return;
	if (r->kind == REQ_TAP && r->hot == NULL) {
		tap = *r;
		kiosk_resolve_tap(k, &tap);
		r = &tap;
	}
	if (r->kind == REQ_STAFF && k->loop.under == NULL) {
		kiosk_error(k, NULL);
		kiosk_push(k, k->o->pin_try != NULL ? &mode_pin : &mode_menu);
		return;
	}
	k->loop.mode->request(k, r);
}

/* Timers: the mode's own, then the idle time. */
void
kiosk_tick(struct kiosk *k, double now)
{
	const struct ui_mode	*m = k->loop.mode;
	int			 idle = k->o->set.idle_timeout;

	k->loop.now = now;
	if (m->tick != NULL)
		m->tick(k);
	m = k->loop.mode;
	if (idle <= 0 || now - k->loop.last_input < idle)
		return;
	if (m->flags & MODE_STAFF) {
		kiosk_pop(k);		/* staff screens just close */
		if (k->fault != NULL)	/* to the client's "ask staff" */
			kiosk_push(k, &mode_fault);
	} else if (m->flags & MODE_IDLE)
		kiosk_push(k, &mode_idle);
}

/* Whether to ring the bell; asking clears it. */
bool
kiosk_bell(struct kiosk *k)
{
	bool	b = k->loop.bell;

	k->loop.bell = false;
	return b;
}

/* Whether the screen is out of date. */
bool
kiosk_dirty(const struct kiosk *k)
{
	return k->loop.dirty;
}

/* The "please make this window larger" page. */
static void
kiosk_enlarge_page(struct kiosk *k, struct ui_page *p)
{
	char	cols[16], rows[16];

	snprintf(cols, sizeof(cols), "%d", PAGE_MIN_COLS);
	snprintf(rows, sizeof(rows), "%d", PAGE_MIN_ROWS);
	p->center = true;
	p->body = kiosk_keep(k, i18n_format(kiosk_phrase(k, PH_ENLARGE),
	    "cols", cols, "rows", rows, NULL));
}

/* "F5 Español": the language key, naming the other languages each in
   its own words, so a client who cannot read the one on screen finds
   theirs. */
static const char *
kiosk_lang_key(struct kiosk *k)
{
	struct strbuf	sb;
	int		i;
	bool		first = true;

	strbuf_init(&sb);
	strbuf_adds(&sb, "F5");
	for (i = 0; i < k->f->nlangs; i++) {
		if (i == k->client.lang)
			continue;
		strbuf_addf(&sb, "%s%s", first ? " " : " / ",
		    form_phrase(k->f, PH_LANGUAGE_NAME, i));
		first = false;
	}
	return kiosk_keep(k, strbuf_detach(&sb));
}

/* Build the current page (see kiosk.h). */
void
kiosk_page(struct kiosk *k, struct ui_page *p)
{
	int	i;

	kiosk_scratch_reset(k);
	memset(p, 0, sizeof(*p));
	p->utf8 = k->utf8;
	p->shown = &k->loop.listpage;
	p->more_up = p->more_down = kiosk_phrase(k, PH_LIST_MORE);
	p->art_front = kiosk_phrase(k, PH_ART_FRONT);
	p->art_back = kiosk_phrase(k, PH_ART_BACK);
	for (i = 0; i < PAGE_ART_WORDS; i++)
		p->art_words[i] = kiosk_phrase(k,
		    (enum phrase)(PH_ART_FULL + i));
	if (kiosk_too_small(k))
		kiosk_enlarge_page(k, p);
	else
		k->loop.mode->page(k, p);
	if ((k->loop.mode->flags & MODE_LANG) && k->f->nlangs > 1 &&
	    p->keys != NULL)
		p->lang_key = kiosk_lang_key(k);
	k->loop.dirty = false;
}

/* Lay the current page out at rows x cols. */
const struct grid *
kiosk_draw(struct kiosk *k, int rows, int cols)
{
	struct ui_page	p;
	struct grid	*g = k->loop.grid;

	if (g == NULL || g->rows != rows || g->cols != cols) {
		grid_free(g);
		g = k->loop.grid = grid_new(rows, cols);
	}
	kiosk_page(k, &p);
	layout_page(&p, g);
	return g;
}

/* Whether staff asked to exit. */
bool
kiosk_quit(const struct kiosk *k)
{
	return k->loop.quit;
}

/* Answers held after a store failure, not yet saved elsewhere. */
bool
kiosk_unsaved(const struct kiosk *k)
{
	return k->fault != NULL && k->client.in != NULL;
}

/* The current mode's name. */
const char *
kiosk_mode_name(const struct kiosk *k)
{
	return k->loop.mode->name;
}

/* Close the current mode, open m. */
void
kiosk_enter(struct kiosk *k, const struct ui_mode *m)
{
	if (k->loop.mode != NULL && k->loop.mode->close != NULL)
		k->loop.mode->close(k);
	k->loop.mode = m;
	k->loop.dirty = true;
	/* a new page is read from its top */
	memset(&k->client.window, 0, sizeof(k->client.window));
	k->client.window.reading = true;
	if (m->open != NULL)
		m->open(k);
}

/* Show overlay m over the current mode. */
void
kiosk_push(struct kiosk *k, const struct ui_mode *m)
{
	k->loop.under = k->loop.mode;
	k->loop.mode = m;
	k->loop.dirty = true;
	if (m->open != NULL)
		m->open(k);
}

/* Close the overlay; the mode under it is current again. */
void
kiosk_pop(struct kiosk *k)
{
	if (k->loop.mode->close != NULL)
		k->loop.mode->close(k);
	k->loop.mode = k->loop.under;
	k->loop.under = NULL;
	k->loop.dirty = true;
}

/* Keep an allocated string until the next page is built. */
const char *
kiosk_keep(struct kiosk *k, char *s)
{
	if (k->loop.nstrs == k->loop.scap) {
		k->loop.scap = k->loop.scap ? k->loop.scap * 2 : 16;
		k->loop.strs = xreallocarray(k->loop.strs, k->loop.scap,
		    sizeof(*k->loop.strs));
	}
	k->loop.strs[k->loop.nstrs++] = s;
	return s;
}

/* n zeroed items for the current page. */
struct ui_item *
kiosk_items(struct kiosk *k, size_t n)
{
	if (n > k->loop.icap) {
		k->loop.items = xreallocarray(k->loop.items, n,
		    sizeof(*k->loop.items));
		k->loop.icap = n;
	}
	memset(k->loop.items, 0, n * sizeof(*k->loop.items));
	return k->loop.items;
}

/* Replace the message on screen. */
void
kiosk_error(struct kiosk *k, const char *s)
{
	free(k->loop.error);
	k->loop.error = s != NULL ? xstrdup(s) : NULL;
	k->loop.dirty = true;
}

/* A phrase in the client's language. */
const char *
kiosk_phrase(const struct kiosk *k, enum phrase p)
{
	return form_phrase(k->f, p, k->client.lang);
}

char *
kiosk_progress_words(const struct kiosk *k, const struct ui_page *p)
{
	char	n[16], m[16];

	if (p->prog_m <= 0)
		return NULL;
	snprintf(n, sizeof(n), "%d", p->prog_n);
	snprintf(m, sizeof(m), "%d", p->prog_m);
	return i18n_format(kiosk_phrase(k, PH_PLAIN_PROGRESS), "n", n, "m", m,
	    NULL);
}

/* End the intake as abandoned and leave nothing of it in memory. */
void
kiosk_abandon(struct kiosk *k)
{
	struct intake	*in = k->client.in;
	char		*err = NULL;

	if (in == NULL)
		return;
	k->client.in = NULL;
	/* A failure has nowhere to go: the client has left, and the
	   next start abandons what is still in progress. */
	(void)intake_abandon(in, &err);
	free(err);
	intake_free(in);
}

/* Back to welcome, nothing of the last client left. */
void
kiosk_reset(struct kiosk *k)
{
	kiosk_close_all(k);
	kiosk_abandon(k);
	kiosk_error(k, NULL);
	kiosk_scratch_reset(k);
	xfree_secret(k->client.end_text);
	k->client.end_text = NULL;
	k->client.help = false;
	k->client.back_to = 0;		/* the next review opens at its top */
	k->client.focus = 0;
	k->client.lang = k->o->lang;
	kiosk_enter(k, &mode_welcome);
}

/* Audit a staff action. */
void
kiosk_audit(struct kiosk *k, const char *action, const char *detail)
{
	char	*err = NULL;

	if (k->o->store == NULL)	/* lost: staff are choosing another */
		return;
	if (store_audit(k->o->store, "staff", action, detail, &err) < 0) {
		kiosk_error(k, err);
		free(err);
	}
}
