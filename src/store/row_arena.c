/*
 * row_arena.c: one intake of a read cursor in one reusable buffer, for
 * every backend (row_arena.h).  Strings are kept by offset while they are
 * added, since the buffer moves as it grows, and pointed at only once the
 * intake is whole (row_arena_fix).
 */
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"
#include "row_arena.h"

#define ROW_ARENA_NONE	((size_t)-1)	/* offset of a NULL string */

/* Make ra empty. */
void
row_arena_init(struct row_arena *ra)
{
	memset(ra, 0, sizeof(*ra));
	strbuf_init(&ra->buf);
}

/* Free what ra holds. */
void
row_arena_done(struct row_arena *ra)
{
	strbuf_done(&ra->buf);
	free(ra->aoff);
	free(ra->loff);
	free(ra->in.answers);
	free(ra->in.lines);
}

/* Forget the last intake. */
void
row_arena_start(struct row_arena *ra)
{
	strbuf_reset(&ra->buf);
	ra->in.nanswers = 0;
	ra->in.nlines = 0;
}

/* Copy len bytes at s (NULL: SQL NULL) in; its offset. */
static size_t
row_arena_keep(struct row_arena *ra, const char *s, size_t len)
{
	size_t	off = ra->buf.len;

	if (s == NULL)
		return ROW_ARENA_NONE;
	strbuf_add(&ra->buf, s, len);
	strbuf_addc(&ra->buf, '\0');
	return off;
}

/* The string at offset off, or NULL. */
static const char *
row_arena_at(const struct row_arena *ra, size_t off)
{
	return off == ROW_ARENA_NONE ? NULL : ra->buf.s + off;
}

void
row_arena_meta(struct row_arena *ra, int col, const char *s, size_t len)
{
	ra->meta[col] = row_arena_keep(ra, s, len);
}

int
row_arena_null(const struct row_arena *ra, int col)
{
	return ra->meta[col] == ROW_ARENA_NONE;
}

const char *
row_arena_col(const struct row_arena *ra, int col)
{
	return row_arena_at(ra, ra->meta[col]);
}

/* Room for entry n of per offsets in *v (*cap entries, first: the
   first size); the entry. */
static size_t *
row_arena_slot(size_t **v, size_t *cap, size_t n, size_t per, size_t first)
{
	if (n + 1 > *cap) {
		*cap = *cap ? 2 * *cap : first;
		*v = xreallocarray(*v, *cap, per * sizeof(size_t));
	}
	return *v + per * n;
}

void
row_arena_answer(struct row_arena *ra, const char *q, size_t qlen,
    const char *v, size_t vlen, const char *at, size_t atlen)
{
	size_t	*o = row_arena_slot(&ra->aoff, &ra->acap, ra->in.nanswers++,
		    3, 64);

	o[0] = row_arena_keep(ra, q, qlen);
	o[1] = row_arena_keep(ra, v, vlen);
	o[2] = row_arena_keep(ra, at, atlen);
}

void
row_arena_line(struct row_arena *ra, const char *kind, size_t klen,
    const char *code, size_t clen, const char *text, size_t tlen,
    int points)
{
	size_t	*o = row_arena_slot(&ra->loff, &ra->lcap, ra->in.nlines++,
		    4, 16);

	o[0] = row_arena_keep(ra, kind, klen);
	o[1] = row_arena_keep(ra, code, clen);
	o[2] = row_arena_keep(ra, text, tlen);
	o[3] = (size_t)points;
}

/* How many codes a codes column holds ("a;b" is 2; NULL and "" 0). */
static int
row_arena_ncodes(const char *codes)
{
	int	n;

	if (codes == NULL || *codes == '\0')
		return 0;
	for (n = 1; (codes = strchr(codes, ';')) != NULL; codes++)
		n++;
	return n;
}

/* The answers and lines, pointed into the arena. */
static void
row_arena_fix_lists(struct row_arena *ra)
{
	struct query_intake	*in = &ra->in;
	size_t			 i;

	if (ra->in_acap < ra->acap + 1) {
		ra->in_acap = ra->acap + 1;
		in->answers = xreallocarray(in->answers, ra->in_acap,
		    sizeof(*in->answers));
	}
	for (i = 0; i < in->nanswers; i++) {
		in->answers[i].question = row_arena_at(ra, ra->aoff[3 * i]);
		in->answers[i].value = row_arena_at(ra, ra->aoff[3 * i + 1]);
		in->answers[i].answered_at = row_arena_at(ra,
		    ra->aoff[3 * i + 2]);
	}
	if (ra->in_lcap < ra->lcap + 1) {
		ra->in_lcap = ra->lcap + 1;
		in->lines = xreallocarray(in->lines, ra->in_lcap,
		    sizeof(*in->lines));
	}
	for (i = 0; i < in->nlines; i++) {
		in->lines[i].kind = row_arena_at(ra, ra->loff[4 * i]);
		in->lines[i].code = row_arena_at(ra, ra->loff[4 * i + 1]);
		in->lines[i].text = row_arena_at(ra, ra->loff[4 * i + 2]);
		in->lines[i].points = (int)ra->loff[4 * i + 3];
	}
}

const struct query_intake *
row_arena_fix(struct row_arena *ra)
{
	struct query_intake	*in = &ra->in;
	int			 k;

	in->id = row_arena_col(ra, 0);
	in->form_hash = row_arena_col(ra, 1);
	in->form_id = row_arena_col(ra, 2);
	in->kiosk_id = row_arena_col(ra, 4);
	in->lang = row_arena_col(ra, 5);
	in->source = row_arena_col(ra, 6);
	in->status = row_arena_col(ra, ROW_ARENA_STATUS);
	in->started_at = row_arena_col(ra, 8);
	in->updated_at = row_arena_col(ra, 9);
	in->completed_at = row_arena_col(ra, 10);
	in->band = row_arena_col(ra, 12);
	in->outcome = row_arena_col(ra, ROW_ARENA_OUT);
	in->recheck = row_arena_col(ra, ROW_ARENA_OUT + 1);
	in->outcome_note = row_arena_col(ra, ROW_ARENA_OUT + 2);
	for (k = 0; k < STORE_NCODES; k++)
		in->codes[k] = row_arena_col(ra, ROW_ARENA_CODES + k);
	in->nstops = row_arena_ncodes(in->codes[0]);
	in->nflags = row_arena_ncodes(in->codes[1]);
	row_arena_fix_lists(ra);
	return in;
}
