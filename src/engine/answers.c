/*
 * answers.c: reading an answers CSV ("question,value") with libcsv.
 *
 * libcsv does not count lines, so the buffer is fed to it one physical
 * line at a time: a row starts on the first non-empty line fed after the
 * previous row ended, which gives every row its line number even when a
 * quoted value runs over several lines.
 */
#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/die.h"
#include "base/file.h"
#include "base/xmalloc.h"
#include "engine/answers.h"

/* State shared with the libcsv callbacks. */
struct answers_rd {
	struct answers	*a;
	char		*fields[2];	/* this row's first two fields */
	size_t		 nfields;	/* fields seen in this row */
	int		 line;		/* line being fed */
	int		 row_line;	/* line where this row started */
	bool		 between;	/* no row is in progress */
	bool		 header;	/* the header row was read */
	char		*err;		/* first problem, "LINE: reason" */
	size_t		 cap;		/* a->v allocated */
	bool		 nul;		/* this row holds a NUL byte */
};

/* libcsv field callback: keep the first two fields of the row. */
static void
on_field(void *s, size_t len, void *data)
{
	struct answers_rd	*rd = data;

	if (rd->nfields < 2)
		rd->fields[rd->nfields] = xstrndup(s != NULL ? s : "", len);
	/* A C string would end there and drop the rest silently. */
	if (s != NULL && memchr(s, '\0', len) != NULL)
		rd->nul = true;
	rd->nfields++;
}

/* Is the row the header "question,value" (BOM tolerated)? */
static bool
is_header(struct answers_rd *rd)
{
	const char	*q = rd->fields[0];

	if (strncmp(q, "\xef\xbb\xbf", 3) == 0)
		q += 3;
	return rd->nfields == 2 && strcmp(q, "question") == 0 &&
	    strcmp(rd->fields[1], "value") == 0;
}

/* Record a problem (the first one is kept). */
static void
row_error(struct answers_rd *rd, const char *what)
{
	if (rd->err == NULL)
		rd->err = xasprintf("%d: %s", rd->row_line, what);
}

/* libcsv row callback: the header, then one answer per row. */
static void
on_row(int c, void *data)
{
	struct answers_rd	*rd = data;
	struct answer		*an;
	char			*m;

	(void)c;
	if (rd->nfields == 1 && rd->fields[0][0] == '\0') {
		/* a blank line */
	} else if (!rd->header) {
		if (!is_header(rd))
			row_error(rd, "the first line must be the header "
			    "\"question,value\"");
		rd->header = true;
	} else if (rd->nfields != 2) {
		m = xasprintf("expected 2 fields (question,value), found %zu",
		    rd->nfields);
		row_error(rd, m);
		free(m);
	} else if (rd->nul) {
		row_error(rd, "holds a NUL byte (not text)");
	} else {
		/* Doubling: one realloc per row took 1.4 s for 200,000. */
		if (rd->a->n == rd->cap) {
			rd->cap = rd->cap != 0 ? 2 * rd->cap : 64;
			rd->a->v = xreallocarray(rd->a->v, rd->cap,
			    sizeof(*rd->a->v));
		}
		an = &rd->a->v[rd->a->n++];
		an->question = rd->fields[0];
		an->value = rd->fields[1];
		an->line = rd->row_line;
		rd->fields[0] = rd->fields[1] = NULL;
	}
	free(rd->fields[0]);
	xfree_secret(rd->fields[1]);
	rd->fields[0] = rd->fields[1] = NULL;
	rd->nfields = 0;
	rd->nul = false;
	rd->between = true;
}

/* Does line[0..n) hold anything but CR and LF?  (Bounded: the buffer
   given to answers_parse need not end in a NUL.) */
static bool
has_content(const char *line, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (line[i] != '\r' && line[i] != '\n')
			return true;
	return false;
}

/* Feed buf to libcsv line by line; 0 or -1 on a CSV syntax error. */
static int
feed(struct csv_parser *p, struct answers_rd *rd, const char *buf,
    size_t len)
{
	size_t		 n, off = 0;
	const char	*nl;

	while (off < len) {
		nl = memchr(buf + off, '\n', len - off);
		n = nl != NULL ? (size_t)(nl - (buf + off)) + 1 : len - off;
		rd->line++;
		if (rd->between && has_content(buf + off, n)) {
			rd->row_line = rd->line;
			rd->between = false;
		}
		if (csv_parse(p, buf + off, n, on_field, on_row, rd) != n)
			return -1;
		off += n;
	}
	return csv_fini(p, on_field, on_row, rd) == 0 ? 0 : -1;
}

/* Parse buf[0..len) (see smp_answers.h). */
int
answers_parse(const char *name, const char *buf, size_t len,
    struct answers *a, char **errp)
{
	struct csv_parser	 p;
	struct answers_rd	 rd;
	int			 rc = ANSWERS_OK;

	memset(a, 0, sizeof(*a));
	memset(&rd, 0, sizeof(rd));
	rd.a = a;
	rd.between = true;
	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
		diex("out of memory");
	if (feed(&p, &rd, buf, len) < 0) {
		*errp = xasprintf("%s:%d: %s", name, rd.row_line > 0 ?
		    rd.row_line : 1, csv_error(&p) == CSV_EPARSE ?
		    "malformed CSV (check the quotes)" : "cannot parse");
		rc = ANSWERS_BAD;
	} else if (rd.err != NULL) {
		*errp = xasprintf("%s:%s", name, rd.err);
		rc = ANSWERS_BAD;
	} else if (!rd.header) {
		*errp = xasprintf("%s: empty file: the first line must be the "
		    "header \"question,value\"", name);
		rc = ANSWERS_BAD;
	}
	free(rd.err);
	free(rd.fields[0]);
	xfree_secret(rd.fields[1]);
	csv_free(&p);
	return rc;
}

/* Read and parse path (see smp_answers.h). */
int
answers_read(const char *path, struct answers *a, char **errp)
{
	char	*buf, *err = NULL;
	size_t	 len;
	int	 rc;

	memset(a, 0, sizeof(*a));
	if ((buf = file_read(path, ANSWERS_MAX_BYTES, &len, &err)) ==
	    NULL) {
		*errp = err != NULL ? err : xasprintf("%s: cannot read", path);
		return ANSWERS_NOFILE;
	}
	rc = answers_parse(path, buf, len, a, errp);
	xfree_secret(buf);
	return rc;
}

/* Release a's rows, overwriting values. */
void
answers_done(struct answers *a)
{
	size_t	i;

	for (i = 0; i < a->n; i++) {
		free(a->v[i].question);
		xfree_secret(a->v[i].value);
	}
	free(a->v);
	a->v = NULL;
	a->n = 0;
}
