/*
 * send.c: a kiosk's finished intakes to the clinic's server (send.h),
 * written against the public store API only: the kiosk's file is read
 * with a query cursor, the server written with store_intake_put, so it
 * works between any two backends that can.
 *
 * What the server has is remembered in the kiosk's audit log ("sent"
 * rows), written only after the server's transaction committed: a crash
 * between the two leaves the intake waiting, and its resend is a no-op
 * on the server.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xmalloc.h"
#include "store/query.h"
#include "store/send.h"

/* One "sent" row of the kiosk's audit log. */
struct send_mark {
	char	*id;
	char	 at[32];		/* when the server confirmed it */
};

/* The marks, sorted by id for lookups. */
struct send_marks {
	struct send_mark	*v;
	size_t			 n, cap;
	char			 last[32];	/* latest at */
};

/* Waiting ids (allocated strings). */
struct send_ids {
	char	**v;
	size_t	  n, cap;
};

/* store_audit_each callback: keep each "sent" row. */
static int
send_collect_mark(void *ctx, const struct store_audit_entry *e)
{
	struct send_marks	*m = ctx;

	if (strcmp(e->action, "sent") != 0)
		return 0;
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 64;
		m->v = xreallocarray(m->v, m->cap, sizeof(*m->v));
	}
	m->v[m->n].id = xstrdup(e->detail);
	snprintf(m->v[m->n].at, sizeof(m->v[m->n].at), "%s", e->at);
	if (strcmp(e->at, m->last) > 0)
		snprintf(m->last, sizeof(m->last), "%s", e->at);
	m->n++;
	return 0;
}

/* qsort/bsearch order of marks: by id. */
static int
send_mark_cmp(const void *a, const void *b)
{
	return strcmp(((const struct send_mark *)a)->id,
	    ((const struct send_mark *)b)->id);
}

/* Free the marks. */
static void
send_marks_done(struct send_marks *m)
{
	size_t	i;

	for (i = 0; i < m->n; i++)
		free(m->v[i].id);
	free(m->v);
}

/* Free the ids. */
static void
send_ids_done(struct send_ids *w)
{
	size_t	i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
}

/* Whether id has a "sent" mark. */
static int
send_is_marked(const struct send_marks *m, const char *id)
{
	struct send_mark	key;

	key.id = (char *)(size_t)id;	/* bsearch's key is const */
	return m->n > 0 && bsearch(&key, m->v, m->n, sizeof(*m->v),
	    send_mark_cmp) != NULL;
}

/* The marks of local, and the finished intakes without one into w
   (if w). */
static int
send_scan(struct store *local, struct send_marks *m, struct send_ids *w,
    char **errp)
{
	struct query_cursor		*c = NULL;
	const struct query_intake	*in;
	int				 rc;

	memset(m, 0, sizeof(*m));
	if ((rc = store_audit_each(local, NULL, NULL, send_collect_mark, m,
	    errp)) != STORE_OK)
		return rc;
	if (m->n > 0)
		qsort(m->v, m->n, sizeof(*m->v), send_mark_cmp);
	if ((rc = query_cursor_new(local, NULL, QUERY_BY_ID, &c, errp)) !=
	    STORE_OK)
		return rc;
	while ((rc = query_cursor_next(c, &in, errp)) == 1) {
		if (strcmp(in->status, "in_progress") == 0 ||
		    send_is_marked(m, in->id))
			continue;
		if (w->n == w->cap) {
			w->cap = w->cap ? 2 * w->cap : 64;
			w->v = xreallocarray(w->v, w->cap, sizeof(*w->v));
		}
		w->v[w->n++] = xstrdup(in->id);
	}
	query_cursor_free(c);
	return rc;
}

/* How many intakes wait, and when the last send was confirmed. */
int
send_state(struct store *local, int *waiting, char *last, char **errp)
{
	struct send_marks	m;
	struct send_ids		w;
	int			rc;

	memset(&w, 0, sizeof(w));
	rc = send_scan(local, &m, &w, errp);
	*waiting = (int)w.n;
	snprintf(last, 32, "%s", m.last);
	send_marks_done(&m);
	send_ids_done(&w);
	return rc;
}

/* Send intake id of local to server; *result as store_intake_put. */
static int
send_one(struct store *local, struct store *server, const char *id,
    const char *clinic, int *result, char **errp)
{
	struct query_filter		 f;
	struct query_cursor		*c = NULL;
	const struct query_intake	*in;
	struct store_put_form		 form;
	char				*src = NULL;
	size_t				 len;
	int				 rc;

	memset(&f, 0, sizeof(f));
	f.id = id;
	if ((rc = query_cursor_new(local, &f, QUERY_ANSWERS | QUERY_LINES, &c,
	    errp)) != STORE_OK)
		return rc;
	if ((rc = query_cursor_next(c, &in, errp)) == 0)
		rc = STORE_NOTFOUND;	/* erased here meanwhile */
	if (rc == 1)
		rc = query_form_source(local, in->form_hash, &src, &len, errp);
	if (rc == STORE_OK) {
		form.form_id = in->form_id;
		form.version = in->form_version;
		form.source = src;
		form.added_at = NULL;
		rc = store_intake_put(server, in, &form, clinic, result, errp);
	}
	free(src);
	query_cursor_free(c);
	return rc;
}

/* The server has intake id: mark it, and erase it here if so kept. */
static int
send_confirmed(struct store *local, const char *id, int keep_days,
    struct send_counts *c, char **errp)
{
	int	rc;

	if ((rc = store_audit(local, "kiosk", "sent", id, errp)) != STORE_OK)
		return rc;
	if (keep_days != 0)
		return STORE_OK;
	rc = store_erase(local, id, NULL, NULL);
	/* STORE_BUSY: erased, its old page copy goes at a later
	   checkpoint; STORE_NOTFOUND: another sender was first. */
	if (rc == STORE_OK || rc == STORE_BUSY)
		c->removed++;
	return STORE_OK;
}

/* keep_local = N days: erase what was confirmed over N days ago. */
static void
send_expire(struct store *local, const struct send_marks *m, int days,
    struct send_counts *c)
{
	char	cutoff[32], st[16];
	time_t	t = time(NULL) - (time_t)days * 86400;
	struct tm tm;
	size_t	i;

	gmtime_r(&t, &tm);
	strftime(cutoff, sizeof(cutoff), "%Y-%m-%dT%H:%M:%S.999Z", &tm);
	for (i = 0; i < m->n; i++)
		if (strcmp(m->v[i].at, cutoff) < 0 &&
		    store_intake_status(local, m->v[i].id, st, NULL) ==
		    STORE_OK && strcmp(st, "in_progress") != 0 &&
		    store_erase(local, m->v[i].id, NULL, NULL) != STORE_NOTFOUND)
			c->removed++;
}

/* Send every waiting intake, as send.h says. */
int
send_run(struct store *local, const struct send_opts *o,
    struct send_counts *c, char **errp)
{
	struct send_marks	 m;
	struct send_ids		 w;
	struct store		*server = NULL;
	size_t			 i = 0;
	int			 rc, r;

	memset(c, 0, sizeof(*c));
	memset(&w, 0, sizeof(w));
	if ((rc = send_scan(local, &m, &w, errp)) != STORE_OK)
		goto out;
	if (o->keep_days > 0)
		send_expire(local, &m, o->keep_days, c);
	if (w.n > 0)
		rc = store_open(o->server, 0, &server, errp);
	for (; rc == STORE_OK && i < w.n; i++) {
		r = 0;
		rc = send_one(local, server, w.v[i], o->clinic, &r, errp);
		if (rc == STORE_NOTFOUND) {	/* erased here meanwhile */
			rc = STORE_OK;
			continue;
		}
		if (rc != STORE_OK)
			break;
		if (r & STORE_PUT_ERASED)
			c->erased++;
		else
			c->sent++;
		if (!(r & (STORE_PUT_ADDED | STORE_PUT_ERASED)))
			c->present++;
		rc = send_confirmed(local, w.v[i], o->keep_days, c, errp);
	}
	c->waiting = (int)(w.n - i);
out:
	store_close(server);
	send_marks_done(&m);
	send_ids_done(&w);
	return rc;
}
