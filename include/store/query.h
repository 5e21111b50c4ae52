/*
 * query.h: reading the intake database (the staff side: list, show,
 * export, stats).  Wrappers in query.c over the read ops of the backend
 * that opened the store (for SQLite: src/store/sqlite_read.c, over the
 * same connection as store.h); nothing here loads all intakes into
 * memory: a cursor yields one intake at a time.
 *
 * Call order for a consistent snapshot (export while a kiosk writes):
 *
 *	query_begin(s)			one read transaction
 *	query_cursor_new(s, &filter, QUERY_ANSWERS | QUERY_LINES, &c)
 *	while ((rc = query_cursor_next(c, &in)) > 0)
 *		... in->answers[], in->lines[] valid until the next call ...
 *	query_cursor_free(c)
 *	query_end(s)
 *
 * Order is stable: by started_at, then id (QUERY_BY_ID: by id).  Errors:
 * negative enum store_rc with an allocated message in *errp (caller
 * frees); never personal data.
 */
#ifndef SMP_QUERY_H
#define SMP_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* Which intakes: every field NULL selects all. */
struct query_filter {
	const char	*since;		/* local date YYYY-MM-DD, inclusive */
	const char	*until;		/* local date YYYY-MM-DD, inclusive */
	const char	*status;	/* in_progress, completed, abandoned */
	const char	*id;		/* one intake (full id) */
	const char	*kiosk;		/* intakes of this kiosk id */
	const char	*clinic;	/* ... of this clinic (a server's
					   intakes carry one; a kiosk's file
					   has none: nothing matches) */
};

/* One answer as stored. */
struct query_answer {
	const char	*question;	/* question or agree-screen id */
	const char	*value;		/* canonical value */
	const char	*answered_at;	/* UTC ISO-8601 */
};

/* One intake; strings borrowed from the cursor until its next step. */
struct query_intake {
	const char	*id;
	const char	*form_hash;
	const char	*form_id;
	int		 form_version;
	const char	*kiosk_id;
	const char	*lang;
	const char	*source;	/* kiosk, paper */
	const char	*status;
	const char	*started_at;	/* UTC ISO-8601 */
	const char	*updated_at;
	const char	*completed_at;	/* NULL unless completed */
	bool		 has_score;
	int		 score;
	const char	*band;		/* NULL if none; always NULL when a
					   stop applies */
	const char	*outcome;	/* completed: "not-offered",
					   "deferred", "clearance", else the
					   band's id (or "scored"); NULL
					   otherwise */
	const char	*recheck;	/* deferred: YYYY-MM-DD, or NULL */
	const char	*outcome_note;	/* what it waits for, or NULL */
	bool		 has_internal;	/* clearance: score kept for staff */
	int		 score_internal;
	const char	*codes[STORE_NCODES];	/* stop, flag, recommend
					   codes joined with ';' (NULL unless
					   completed), as store.h says */
	int		 nstops;	/* codes in codes[0] */
	int		 nflags;	/* ... and codes[1] */
	struct query_answer *answers;	/* QUERY_ANSWERS: by question id */
	size_t		 nanswers;
	struct intake_line *lines;	/* QUERY_LINES: in stored order */
	size_t		 nlines;
};

/* Flags for query_cursor_new. */
#define QUERY_ANSWERS	0x1	/* fill answers[] */
#define QUERY_LINES	0x2	/* fill lines[] */
#define QUERY_BY_ID	0x4	/* order by intake id, not start: the
				   tables' sequential scans merged (the
				   fastest way through a whole database;
				   export) */
#define QUERY_NO_TIMES	0x8	/* with QUERY_ANSWERS: the answers'
				   times are not wanted, and may be ""
				   (a wide export: a server sends less) */

struct query_cursor;

/*
 * Open an existing database (STORE_NOTFOUND if the file is missing, so a
 * typo never creates an empty one); write 0 opens it read-only.
 */
int	query_open(const char *path, int write, struct store **sp,
	    char **errp);
/* Check a filter (dates, status); -1 with *errp (a usage message). */
int	query_filter_check(const struct query_filter *f, char **errp);
/*
 * The UTC ISO-8601 instant at which local date "date" begins (next_day 0)
 * or ends (next_day 1: the next day's start) into buf (>= 25 bytes);
 * -1 if date is not a valid YYYY-MM-DD.
 */
int	query_day_bound(const char *date, int next_day, char *buf);

/*
 * A stored UTC time "2026-06-15T10:22:33.123Z" as local time into buf
 * (>= 17 bytes): "2026-06-15 12:22"; "" for NULL, the text as is if it
 * does not parse.  week (optional, >= 9 bytes) gets its ISO week
 * "2026-W24".
 */
void	query_local_time(const char *iso, char *buf, char *week);

/* Start and end one read transaction (a snapshot). */
int	query_begin(struct store *s, char **errp);
int	query_end(struct store *s, char **errp);

int	query_cursor_new(struct store *s, const struct query_filter *f,
	    unsigned flags, struct query_cursor **cp, char **errp);
/* Step: 1 with *ip set (borrowed), 0 at the end, or a store_rc < 0. */
int	query_cursor_next(struct query_cursor *c,
	    const struct query_intake **ip, char **errp);
void	query_cursor_free(struct query_cursor *c);

/*
 * The full id of the one intake whose id starts with prefix (at least 8
 * characters; caller frees *idp).  STORE_NOTFOUND if none; STORE_ERR with
 * a message if several match or the prefix is too short.
 */
int	query_resolve_id(struct store *s, const char *prefix, char **idp,
	    char **errp);

/* A stored form version, as query_forms reports it. */
struct query_form {
	const char	*hash;
	const char	*form_id;
	int		 version;
	const char	*added_at;
};
typedef int (*query_form_fn)(void *ctx, const struct query_form *qf);
/*
 * Call fn for every form version used by the intakes f selects, newest
 * first (version descending, then added_at descending).  A non-zero
 * return of fn stops the walk and is returned.
 */
int	query_forms(struct store *s, const struct query_filter *f,
	    query_form_fn fn, void *ctx, char **errp);
/* The exact source text of the form with this hash; caller frees *srcp. */
int	query_form_source(struct store *s, const char *hash, char **srcp,
	    size_t *lenp, char **errp);

/* What query_counts groups by. */
enum query_count_by {
	QC_STATUS,	/* key: status */
	QC_BAND,	/* key: band ("" if none) */
	QC_OUTCOME,	/* key: outcome ("" if none) */
	QC_ANSWER,	/* key: value of question arg */
	QC_STOP,	/* key: code, text: its stored text */
	QC_FLAG,
	QC_STARTED	/* key: started_at of each intake (not grouped) */
};
typedef int (*query_count_fn)(void *ctx, const char *key, const char *text,
    long count);
/*
 * Counts over the intakes f selects, grouped by "by" (QC_ANSWER: the
 * answers to question arg), most frequent first then by key; QC_STARTED
 * calls fn once per intake with count 1, so the caller can bucket by week.
 */
int	query_counts(struct store *s, const struct query_filter *f,
	    enum query_count_by by, const char *arg, query_count_fn fn,
	    void *ctx, char **errp);
/* Whether any stored answer has question id q (for stats defaults). */
int	query_has_question(struct store *s, const char *q, bool *yes,
	    char **errp);

#endif
