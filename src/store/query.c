/*
 * query.c: reading the intake database (store/query.h): thin wrappers
 * over the read ops of the backend that opened it (backend.h), and what
 * every backend shares: opening for reading, checking a filter, and the
 * local dates and times of the staff side.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/date.h"
#include "base/defs.h"
#include "base/xmalloc.h"
#include "store/query.h"
#include "backend.h"

/* Check a filter's dates and status. */
int
query_filter_check(const struct query_filter *f, char **errp)
{
	static const char *const statuses[] = {
		"in_progress", "completed", "abandoned"
	};
	char	 b[32];
	size_t	 i;

	if (f->since != NULL && query_day_bound(f->since, 0, b) < 0) {
		*errp = xstrdup("--since: not a date YYYY-MM-DD");
		return -1;
	}
	if (f->until != NULL && query_day_bound(f->until, 1, b) < 0) {
		*errp = xstrdup("--until: not a date YYYY-MM-DD");
		return -1;
	}
	if (f->since != NULL && f->until != NULL &&
	    strcmp(f->since, f->until) > 0) {
		*errp = xstrdup("--since is after --until");
		return -1;
	}
	if (f->status == NULL)
		return 0;
	for (i = 0; i < SMP_NELEM(statuses); i++)
		if (strcmp(f->status, statuses[i]) == 0)
			return 0;
	*errp = xstrdup("--status: want in_progress, completed or abandoned");
	return -1;
}

/* The UTC instant at which local date "date" begins or ends. */
int
query_day_bound(const char *date, int next_day, char *buf)
{
	struct tm	tm;
	time_t		t;
	int		days, y, m, d;

	if (date_parse(date, &days) != DATE_OK)
		return -1;
	date_to_ymd(days + (next_day ? 1 : 0), &y, &m, &d);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1 || gmtime_r(&t, &tm) == NULL)
		return -1;
	strftime(buf, 25, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
	return 0;
}

/* A stored UTC time as local time (and its ISO week). */
void
query_local_time(const char *iso, char *buf, char *week)
{
	struct tm	tm;
	time_t		t;

	buf[0] = '\0';
	if (week != NULL)
		week[0] = '\0';
	if (iso == NULL)
		return;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(buf, 17, "%s", iso);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon--;
	t = timegm(&tm);
	if (localtime_r(&t, &tm) == NULL)
		return;
	strftime(buf, 17, "%Y-%m-%d %H:%M", &tm);
	if (week != NULL)
		strftime(week, 9, "%G-W%V", &tm);
}

/* Open an existing database (read-only unless write). */
int
query_open(const char *path, int write, struct store **sp, char **errp)
{
	if (!pg_is_uri(path) && access(path, F_OK) != 0) {
		*sp = NULL;
		*errp = xasprintf("%s: no such database", path);
		return STORE_NOTFOUND;
	}
	/* Writing here is only the audit row: no full quick_check (it read
	   every page, a quarter of an export's time). */
	return store_open(path, write ? STORE_EXISTING | STORE_NOCHECK :
	    STORE_RDONLY, sp, errp);
}

/* Start one read transaction (a snapshot). */
int
query_begin(struct store *s, char **errp)
{
	return s->read->begin(s, errp);
}

/* End the read transaction. */
int
query_end(struct store *s, char **errp)
{
	return s->read->end(s, errp);
}

/* A cursor over the intakes f selects. */
int
query_cursor_new(struct store *s, const struct query_filter *f,
    unsigned flags, struct query_cursor **cp, char **errp)
{
	return s->read->cursor_new(s, f, flags, cp, errp);
}

/* Step a cursor: 1 with *ip, 0 at the end, or a store_rc. */
int
query_cursor_next(struct query_cursor *c, const struct query_intake **ip,
    char **errp)
{
	return c->s->read->cursor_next(c, ip, errp);
}

/* Free a cursor (NULL is fine). */
void
query_cursor_free(struct query_cursor *c)
{
	if (c != NULL)
		c->s->read->cursor_free(c);
}

/* The full id of the one intake whose id starts with prefix. */
int
query_resolve_id(struct store *s, const char *prefix, char **idp,
    char **errp)
{
	return s->read->resolve_id(s, prefix, idp, errp);
}

/* Call fn for every form version the intakes f selects use. */
int
query_forms(struct store *s, const struct query_filter *f,
    query_form_fn fn, void *ctx, char **errp)
{
	return s->read->forms(s, f, fn, ctx, errp);
}

/* The exact source text of the form with this hash. */
int
query_form_source(struct store *s, const char *hash, char **srcp,
    size_t *lenp, char **errp)
{
	return s->read->form_source(s, hash, srcp, lenp, errp);
}

/* Counts over the intakes f selects, grouped by "by". */
int
query_counts(struct store *s, const struct query_filter *f,
    enum query_count_by by, const char *arg, query_count_fn fn, void *ctx,
    char **errp)
{
	return s->read->counts(s, f, (int)by, arg, fn, ctx, errp);
}

/* Whether any stored answer has question id q. */
int
query_has_question(struct store *s, const char *q, bool *yes, char **errp)
{
	return s->read->has_question(s, q, yes, errp);
}
