/*
 * row_arena.h: private to the store backends: one intake of a read
 * cursor, copied with its answers and result lines into one reusable
 * buffer (row_arena.c), whatever backend the rows came from.  SQLite's
 * and PostgreSQL's cursors both select ROW_ARENA_COLS and hand their
 * columns here, so the filling and the struct query_intake that
 * query_cursor_next hands out are written once.
 *
 *	row_arena_start(ra)		a new intake
 *	row_arena_meta(ra, col, ...)	each of its ROW_ARENA_NCOLS columns
 *	row_arena_answer / _line	each answer, each result line
 *	in = row_arena_fix(ra)		valid until the next start
 */
#ifndef SMP_STORE_ROW_ARENA_H
#define SMP_STORE_ROW_ARENA_H

#include <stddef.h>

#include "base/strbuf.h"
#include "store/query.h"

/* The intake columns every cursor selects, in this order. */
#define ROW_ARENA_COLS \
	"SELECT i.id, i.form_hash, f.form_id, f.version, i.kiosk_id," \
	" i.lang, i.source, i.status, i.started_at, i.updated_at," \
	" i.completed_at, i.score, i.band, i.stop_codes, i.flag_codes," \
	" i.recommend_codes, i.outcome, i.recheck, i.outcome_note," \
	" i.score_internal"
#define ROW_ARENA_NCOLS		20
#define ROW_ARENA_VERSION	3	/* f.version */
#define ROW_ARENA_STATUS	7	/* i.status */
#define ROW_ARENA_SCORE		11	/* i.score */
#define ROW_ARENA_CODES		13	/* first of the three codes */
#define ROW_ARENA_OUT		16	/* outcome, recheck, outcome_note,
					   score_internal */

/* One intake's strings and offsets; embed it and row_arena_init it. */
struct row_arena {
	struct strbuf	 buf;		/* this intake's strings */
	size_t		 meta[ROW_ARENA_NCOLS];	/* offsets of its columns */
	size_t		*aoff;		/* 3 offsets per answer */
	size_t		 acap;
	size_t		*loff;		/* 3 offsets and the points per line */
	size_t		 lcap;
	struct query_intake in;		/* what row_arena_fix hands out; the
					   backend sets its numbers */
	size_t		 in_acap;	/* in.answers allocated */
	size_t		 in_lcap;	/* in.lines allocated */
};

void	row_arena_init(struct row_arena *ra);
void	row_arena_done(struct row_arena *ra);
/* Forget the last intake (its answers and lines too). */
void	row_arena_start(struct row_arena *ra);
/* Column col of the intake: len bytes at s, or SQL NULL if s is NULL. */
void	row_arena_meta(struct row_arena *ra, int col, const char *s,
	    size_t len);
/* Whether column col is SQL NULL. */
int	row_arena_null(const struct row_arena *ra, int col);
/* Column col as a string (NULL for SQL NULL); moves when the arena
   grows, so good until the next add. */
const char *row_arena_col(const struct row_arena *ra, int col);
/* Add an answer (question, value, answered_at), each of its length. */
void	row_arena_answer(struct row_arena *ra, const char *q, size_t qlen,
	    const char *v, size_t vlen, const char *at, size_t atlen);
/* Add a result line. */
void	row_arena_line(struct row_arena *ra, const char *kind, size_t klen,
	    const char *code, size_t clen, const char *text, size_t tlen,
	    int points);
/* Point the intake's strings into the arena; the intake. */
const struct query_intake *row_arena_fix(struct row_arena *ra);

#endif
