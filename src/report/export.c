/*
 * export.c: intakes as CSV (smp_export.h, docs/export.md).  The only file
 * that includes <csv.h>: libcsv quotes each field that needs it; this file
 * writes the separators and the CRLF line ends itself.
 *
 * Wide export: the columns are the union of the questions of every form
 * version the selected intakes use (newest version first, in its order,
 * then columns only older versions have, in theirs).  Each stored form is
 * parsed once; each version gets a map from question index to column.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "base/defs.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "form/form.h"
#include "form/form_load.h"
#include "form/value.h"
#include "report/export.h"
#include "report/export_cell.h"
#include "export_target.h"

#define EXPORT_NMETA	17
#define EXPORT_CHUNK	(256 * 1024)	/* bytes of rows per write */
#define EXPORT_WRITEBACK ((size_t)16 << 20)	/* bytes between file_writeback */

/* The outcome comes right after the id: a receptionist filtering by it
   never books a client a stop applies to (score and band are empty then). */
static const char *const export_meta[EXPORT_NMETA] = {
	"intake_id", "outcome", "recheck", "outcome_note", "form_id",
	"form_version", "status", "source", "kiosk_id", "lang", "started_at",
	"completed_at", "score", "band", "stops", "flags", "recommendations"
};

/* One column after the metadata. */
struct xcol {
	char	*name;		/* header: question, question___code */
};

/* One stored form version and where its questions go. */
struct xform {
	char		*hash;
	struct form	*f;
	int		 lang;		/* index in f->langs for labels */
	int		*qcol;		/* per question: column, -1 dropped */
	int		**optcol;	/* per multi question: per option */
	int		*scol;		/* per screen: column, -1 none */
	int		*qitem;		/* per question: its item, -1 none */
	int		*sitem;		/* per screen: its item */
};

/* One export in progress. */
struct xctx {
	const struct export_opts *o;
	struct store	*s;
	FILE		*fp;
	struct xform	*forms;		/* newest first */
	size_t		 nforms;
	struct xcol	*cols;
	size_t		 ncols;
	char		**ident;	/* identifier ids, any version */
	size_t		 nident;
	const char	**cell;		/* this row: text per column */
	size_t		*cellen;
	bool		*isdate;	/* this row: a date question's value */
	char		**owned;	/* this row: labels to free */
	size_t		 nowned, capowned;
	bool		*used;		/* long: answers of a form item */
	size_t		 capused;
	long		*slot;		/* long: per item, its answer or -1 */
	size_t		 maxitems;	/* items of the biggest form */
	struct strbuf	 row;		/* rows not written yet */
	size_t		 at;		/* where this row starts in it */
	size_t		 written;	/* since the last file_writeback */
	struct strbuf	 lead;		/* long: this intake's cells */
	long		 rows;
	char		*ferr;		/* form_parse failure message */
};

/* Where the parts of a plain number are (export_plain_number). */
struct export_num {
	size_t	int_at, nint;	/* integer digits: offset, count */
	size_t	frac_at, nfrac;	/* fraction digits (nfrac 0: none) */
};

/*
 * Scan a plain number [-+]?[0-9]+(.[0-9]+)? filling *pn; false if s is
 * not one.
 */
static bool
export_plain_number(const char *s, size_t len, struct export_num *pn)
{
	size_t	i = 0;

	memset(pn, 0, sizeof(*pn));
	if (len > 0 && (s[0] == '-' || s[0] == '+'))
		i++;
	pn->int_at = i;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	pn->nint = i - pn->int_at;
	if (pn->nint == 0)
		return false;
	if (i < len && s[i] == '.') {
		pn->frac_at = ++i;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
		pn->nfrac = i - pn->frac_at;
		if (pn->nfrac == 0)
			return false;
	}
	return i == len;
}

bool
export_is_formula(const char *s, size_t len)
{
	struct export_num	n;

	if (len == 0 || strchr("=+-@\t\r", s[0]) == NULL || s[0] == '\0')
		return false;
	/* A plain number cannot run. */
	return !export_plain_number(s, len, &n);
}

bool
export_is_changed_number(const char *s, size_t len)
{
	struct export_num	n;
	size_t			i;
	bool			zero = true;

	/* Most cells (codes, 0/1 ticks, one digit) leave here. */
	if (len < 2 || (s[0] != '+' && s[0] != '-' && (s[0] < '0' ||
	    s[0] > '9')) || !export_plain_number(s, len, &n))
		return false;
	for (i = 0; i < len && zero; i++)
		zero = s[i] < '1' || s[i] > '9';
	return s[0] == '+' ||				/* +44... */
	    (n.nint > 1 && s[n.int_at] == '0') ||	/* 0770..., 007 */
	    (n.nfrac > 0 && s[len - 1] == '0') ||	/* 72.50 */
	    (s[0] == '-' && zero) ||			/* -0 */
	    n.nint + n.nfrac > 15;			/* past a double */
}

bool
export_needs_mark(const char *s, size_t len)
{
	struct export_num	n;

	if ((len > 0 && s[0] == '\'') || export_is_formula(s, len) ||
	    export_is_changed_number(s, len))
		return true;
	/* A plain number the spreadsheet shows as written stays a number;
	   a stored time is read as itself.  Anything else it would turn
	   into a number, date, time, percentage, currency amount, boolean
	   or error value stays text. */
	if (export_plain_number(s, len, &n) || export_cell_stored_time(s, len))
		return false;
	return export_cell_convertible(s, len);
}

/* Make room for n more bytes (and the NUL) in sb. */
static void
export_reserve(struct strbuf *sb, size_t n)
{
	if (sb->len + n + 1 <= sb->cap)
		return;
	sb->cap = 2 * (sb->len + n + 1);
	sb->s = xrealloc(sb->s, sb->cap);
}

/* Append the libcsv-quoted form of s (len bytes) to row. */
static void
export_quoted(struct strbuf *row, const char *s, size_t len)
{
	size_t	need = 2 * len + 2;

	export_reserve(row, need);
	row->len += csv_write(row->s + row->len, need, s, len);
	row->s[row->len] = '\0';
}

/* What a byte can do to a cell (export_cell's fast path). */
enum {
	XB_QUOTE = 1,	/* , " LF CR: the cell is quoted */
	XB_SLOW = 2,	/* a digit or a non-ASCII byte: the full rules */
	XB_LEAD = 4,	/* ' = + - @ TAB CR space first: the full rules */
	XB_BLANK = 8	/* space or TAB: quoted at either end */
};

/* The class of each byte (XB_*), filled once by export_byte_init. */
static unsigned char export_byte[256];

/* Fill export_byte. */
static void
export_byte_init(void)
{
	const char	*p;
	int		 c;

	if (export_byte[0] != 0)
		return;
	export_byte[0] = XB_SLOW;	/* a NUL is never fast */
	for (c = 0x80; c < 0x100; c++)
		export_byte[c] = XB_SLOW;
	for (c = '0'; c <= '9'; c++)
		export_byte[c] = XB_SLOW;
	for (p = ",\"\n\r"; *p != '\0'; p++)
		export_byte[(unsigned char)*p] |= XB_QUOTE;
	for (p = "'=+-@\t\r "; *p != '\0'; p++)
		export_byte[(unsigned char)*p] |= XB_LEAD;
	export_byte[' '] |= XB_BLANK;
	export_byte['\t'] |= XB_BLANK;
}

/* The classes of the bytes of s[0..len) together. */
static unsigned
export_bytes(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned		 acc = 0;
	size_t			 i;

	for (i = 0; i < len; i++)
		acc |= export_byte[p[i]];
	return acc;
}

/* Whether s, len > 0, starts or ends with a blank. */
static bool
export_blank_end(const char *s, size_t len)
{
	return ((export_byte[(unsigned char)s[0]] |
	    export_byte[(unsigned char)s[len - 1]]) & XB_BLANK) != 0;
}

/* Append s as one CSV cell, quoted where a reader needs it. */
static void
export_cell_quoted(struct strbuf *row, const char *s, size_t len)
{
	export_byte_init();
	/* Quote separators, quotes, line breaks, and spaces at either end
	   (some readers, libcsv's by default among them, trim those). */
	if ((export_bytes(s, len) & XB_QUOTE) || (len > 0 &&
	    export_blank_end(s, len)))
		export_quoted(row, s, len);
	else
		strbuf_add(row, s, len);
}

void
export_cell(struct strbuf *row, const char *s, size_t len)
{
	struct strbuf	tmp;
	unsigned	acc;

	export_byte_init();
	/*
	 * Most cells of an export are codes, words, single digits and
	 * stored times, which are never marked or quoted.  An
	 * ASCII cell with no digit, not starting with ' or what a formula
	 * or blank trimming could use, can only be a boolean or an error
	 * value for export_needs_mark (export_cell_value), and needs
	 * quoting only for what it holds.
	 */
	if ((len == 1 && s[0] >= '0' && s[0] <= '9') ||
	    export_cell_stored_time(s, len)) {
		strbuf_add(row, s, len);
		return;
	}
	if (len > 0 && !(export_byte[(unsigned char)s[0]] & XB_LEAD) &&
	    !export_blank_end(s, len) &&
	    ((acc = export_bytes(s, len)) & XB_SLOW) == 0 &&
	    !export_cell_value(s, len)) {
		if (acc & XB_QUOTE)
			export_quoted(row, s, len);
		else
			strbuf_add(row, s, len);
		return;
	}
	if (!export_needs_mark(s, len)) {
		export_cell_quoted(row, s, len);
		return;
	}
	strbuf_init(&tmp);
	strbuf_addc(&tmp, '\'');
	strbuf_add(&tmp, s, len);
	export_cell_quoted(row, tmp.s, tmp.len);
	strbuf_done(&tmp);
}

/* Whether s[0..len) is a date YYYY-MM-DD (digits in place). */
static bool
export_is_iso_date(const char *s, size_t len)
{
	return export_cell_shaped(s, len, "dddd-dd-dd");
}

void
export_date_cell(struct strbuf *row, const char *s, size_t len)
{
	if (export_is_iso_date(s, len))
		export_cell_quoted(row, s, len);
	else
		export_cell(row, s, len);
}

/* Write what the buffer holds and empty it. */
static int
export_write_out(struct xctx *x, char **errp)
{
	if (x->row.len > 0 && fwrite(x->row.s, 1, x->row.len, x->fp) !=
	    x->row.len) {
		*errp = xasprintf("cannot write the export: %s",
		    strerror(errno));
		return EXPORT_IOERR;
	}
	/* A big export is on its way to disk before the commit's fsync. */
	if ((x->written += x->row.len) >= EXPORT_WRITEBACK) {
		file_writeback(x->fp);
		x->written = 0;
	}
	strbuf_reset(&x->row);
	x->at = 0;
	return 0;
}

/* End the row with CRLF; write the buffer out once it holds a chunk
   (rows go out in big writes, not one a call). */
static int
export_end_row(struct xctx *x, char **errp)
{
	strbuf_add(&x->row, "\r\n", 2);
	x->at = x->row.len;
	return x->row.len >= EXPORT_CHUNK ? export_write_out(x, errp) : 0;
}

/* Index of column name, or -1. */
static int
export_col_find(const struct xctx *x, const char *name)
{
	size_t	i;

	for (i = 0; i < x->ncols; i++)
		if (strcmp(x->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* The column called name, added at the end if new (takes name). */
static int
export_col_add(struct xctx *x, char *name)
{
	int	i;

	if ((i = export_col_find(x, name)) >= 0) {
		free(name);
		return i;
	}
	x->cols = xreallocarray(x->cols, x->ncols + 1, sizeof(*x->cols));
	x->cols[x->ncols].name = name;
	return (int)x->ncols++;
}

/* Whether question id is marked identifier in some version. */
static bool
export_is_ident(const struct xctx *x, const char *id)
{
	size_t	i;

	for (i = 0; i < x->nident; i++)
		if (strcmp(x->ident[i], id) == 0)
			return true;
	return false;
}

/* Give question q of form xf its column(s). */
static void
export_map_question(struct xctx *x, struct xform *xf,
    const struct form_question *q)
{
	size_t	j;

	xf->qcol[q->index] = -1;
	if (x->o->deidentify && export_is_ident(x, q->id))
		return;
	if (q->type != QT_MULTI) {
		xf->qcol[q->index] = export_col_add(x, xstrdup(q->id));
		return;
	}
	xf->optcol[q->index] = xcalloc(q->noptions + 1, sizeof(int));
	for (j = 0; j < q->noptions; j++)
		xf->optcol[q->index][j] = export_col_add(x,
		    xasprintf("%s___%s", q->id, q->options[j].code));
}

/* Columns of form xf, in its item order (questions, agree screens). */
static void
export_map_form(struct xctx *x, struct xform *xf)
{
	const struct form	*f = xf->f;
	const struct form_item	*it;
	const struct form_screen *sc;
	size_t			 i;

	xf->qcol = xcalloc(f->nquestions + 1, sizeof(int));
	xf->optcol = xcalloc(f->nquestions + 1, sizeof(int *));
	xf->scol = xcalloc(f->nscreens + 1, sizeof(int));
	xf->qitem = xcalloc(f->nquestions + 1, sizeof(int));
	xf->sitem = xcalloc(f->nscreens + 1, sizeof(int));
	for (i = 0; i < f->nscreens; i++)
		xf->scol[i] = xf->sitem[i] = -1;
	for (i = 0; i < f->nquestions; i++)
		xf->qitem[i] = -1;
	if (f->nitems > x->maxitems)
		x->maxitems = f->nitems;
	for (i = 0; i < f->nitems; i++) {
		it = &f->items[i];
		if (it->kind == ITEM_QUESTION) {
			xf->qitem[it->ref] = (int)i;
			export_map_question(x, xf, &f->questions[it->ref]);
			continue;
		}
		xf->sitem[it->ref] = (int)i;
		sc = &f->screens[it->ref];
		if (sc->agree.tr[0] != NULL)
			xf->scol[sc->index] = export_col_add(x,
			    xstrdup(sc->id));
	}
}

/* query_forms callback: parse one stored form version. */
static int
export_load_form(void *ctx, const struct query_form *qf)
{
	struct xctx	*x = ctx;
	struct xform	*xf;
	struct diag	*d;
	char		*src = NULL, *err = NULL;
	size_t		 len = 0, i;
	int		 rc;

	if ((rc = query_form_source(x->s, qf->hash, &src, &len, &err)) != 0) {
		x->ferr = err;
		return rc;
	}
	d = diag_new(qf->form_id, DIAG_DEFAULT_LIMIT);
	x->forms = xreallocarray(x->forms, x->nforms + 1, sizeof(*x->forms));
	xf = memset(&x->forms[x->nforms], 0, sizeof(*xf));
	xf->f = form_load_text(qf->form_id, src, len, NULL,
	    FORM_NO_ART | FORM_STORED, d);
	free(src);
	diag_free(d);
	if (xf->f == NULL) {
		x->ferr = xasprintf("stored form %s version %d cannot be read",
		    qf->form_id, qf->version);
		return EXPORT_FORM;
	}
	xf->hash = xstrdup(qf->hash);
	x->nforms++;
	xf->lang = x->o->lang ? form_lang(xf->f, x->o->lang) : 0;
	if (xf->lang < 0)
		xf->lang = 0;
	for (i = 0; i < xf->f->nquestions; i++)
		if (xf->f->questions[i].identifier &&
		    !export_is_ident(x, xf->f->questions[i].id)) {
			x->ident = xreallocarray(x->ident, x->nident + 1,
			    sizeof(char *));
			x->ident[x->nident++] = xstrdup(
			    xf->f->questions[i].id);
		}
	return 0;
}

/* Load every form version of the selection and lay out the columns. */
static int
export_setup(struct xctx *x, char **errp)
{
	char	*err = NULL;
	size_t	 i;
	int	 rc;

	rc = query_forms(x->s, &x->o->filter, export_load_form, x, &err);
	if (rc != 0) {
		*errp = x->ferr != NULL ? x->ferr : err;
		if (x->ferr != NULL)
			free(err);
		x->ferr = NULL;
		return rc;
	}
	for (i = 0; i < x->nforms; i++)
		export_map_form(x, &x->forms[i]);
	x->cell = xcalloc(x->ncols + EXPORT_NMETA, sizeof(*x->cell));
	x->cellen = xcalloc(x->ncols + EXPORT_NMETA, sizeof(*x->cellen));
	x->isdate = xcalloc(x->ncols + EXPORT_NMETA, sizeof(*x->isdate));
	return 0;
}

/* Free everything export_setup made. */
static void
export_teardown(struct xctx *x)
{
	size_t	i, j;

	for (i = 0; i < x->nforms; i++) {
		for (j = 0; x->forms[i].optcol && j < x->forms[i].f->nquestions;
		    j++)
			free(x->forms[i].optcol[j]);
		free(x->forms[i].optcol);
		free(x->forms[i].qcol);
		free(x->forms[i].scol);
		free(x->forms[i].qitem);
		free(x->forms[i].sitem);
		free(x->forms[i].hash);
		form_free(x->forms[i].f);
	}
	free(x->forms);
	for (i = 0; i < x->ncols; i++)
		free(x->cols[i].name);
	free(x->cols);
	for (i = 0; i < x->nident; i++)
		free(x->ident[i]);
	free(x->ident);
	for (i = 0; i < x->nowned; i++)
		free(x->owned[i]);
	free(x->owned);
	free(x->cell);
	free(x->cellen);
	free(x->isdate);
	free(x->used);
	free(x->slot);
	strbuf_done(&x->row);
	strbuf_done(&x->lead);
}

/* The loaded form with this hash (NULL cannot happen in one snapshot). */
static struct xform *
export_form_of(struct xctx *x, const char *hash)
{
	size_t	i;

	for (i = 0; i < x->nforms; i++)
		if (strcmp(x->forms[i].hash, hash) == 0)
			return &x->forms[i];
	return NULL;
}

/* Keep an allocated label until the row is written; returns it. */
static const char *
export_own(struct xctx *x, char *s)
{
	if (x->nowned == x->capowned) {
		x->capowned = x->capowned ? 2 * x->capowned : 32;
		x->owned = xreallocarray(x->owned, x->capowned,
		    sizeof(char *));
	}
	x->owned[x->nowned++] = s;
	return s;
}

/* Free the labels of the row just written. */
static void
export_disown(struct xctx *x)
{
	while (x->nowned > 0)
		free(x->owned[--x->nowned]);
}

/* The text to export for value v of q: code, or label with --labels. */
static const char *
export_value(struct xctx *x, const struct xform *xf,
    const struct form_question *q, const char *v)
{
	char	*l;

	if (!x->o->labels || q == NULL ||
	    (l = value_display(q, v, xf->lang)) == NULL)
		return v;
	return export_own(x, l);
}

/* Set column col of this row. */
static void
export_set(struct xctx *x, int col, const char *v)
{
	x->cell[col] = v != NULL ? v : "";
	x->cellen[col] = v != NULL ? strlen(v) : 0;
	x->isdate[col] = false;
}

/* Set column col to the value (or label) v of q: a date question's
   date is left for the spreadsheet to read as a date. */
static void
export_set_answer(struct xctx *x, int col, const struct form_question *q,
    const char *v)
{
	export_set(x, col, v);
	x->isdate[col] = q != NULL && q->type == QT_DATE;
}

/* Put a multi answer's 0/1 cells ("a;b" ticks a and b). */
static void
export_multi(struct xctx *x, const int *cols, const struct form_question *q,
    const char *v)
{
	const struct form_option *opt;
	char			 code[256];
	size_t			 j, n;

	for (j = 0; j < q->noptions; j++)
		export_set(x, EXPORT_NMETA + cols[j], "0");
	while (*v != '\0') {
		n = strcspn(v, ";");
		if (n < sizeof(code)) {
			memcpy(code, v, n);
			code[n] = '\0';
			if ((opt = form_option(q, code)) != NULL)
				export_set(x, EXPORT_NMETA +
				    cols[opt - q->options], "1");
		}
		v += n + (v[n] == ';');
	}
}

/* Fill the question cells of a wide row from the intake's answers. */
static void
export_wide_answers(struct xctx *x, const struct xform *xf,
    const struct query_intake *in)
{
	const struct form_question	*q;
	const struct form_screen	*sc;
	const struct query_answer	*a;
	size_t				 i;
	int				 col;

	for (i = 0; i < x->ncols; i++)
		export_set(x, EXPORT_NMETA + (int)i, NULL);
	for (i = 0; i < in->nanswers; i++) {
		a = &in->answers[i];
		if ((q = form_question(xf->f, a->question)) != NULL) {
			if (q->type == QT_MULTI) {
				if (xf->optcol[q->index] != NULL)
					export_multi(x, xf->optcol[q->index],
					    q, a->value);
			} else if ((col = xf->qcol[q->index]) >= 0)
				export_set_answer(x, EXPORT_NMETA + col, q,
				    export_value(x, xf, q, a->value));
		} else if ((sc = form_screen(xf->f, a->question)) != NULL &&
		    (col = xf->scol[sc->index]) >= 0)
			export_set(x, EXPORT_NMETA + col, a->value);
	}
}

/* Fill the metadata cells (num: scratch for the two numbers). */
static void
export_meta_cells(struct xctx *x, const struct query_intake *in,
    char num[2][16])
{
	snprintf(num[0], 16, "%d", in->form_version);
	snprintf(num[1], 16, "%d", in->score);
	export_set(x, 0, in->id);
	export_set(x, 1, in->outcome);
	export_set(x, 2, in->recheck);
	x->isdate[2] = true;	/* computed here: a date staff sort by */
	export_set(x, 3, in->outcome_note);
	export_set(x, 4, in->form_id);
	export_set(x, 5, num[0]);
	export_set(x, 6, in->status);
	export_set(x, 7, in->source);
	export_set(x, 8, in->kiosk_id);
	export_set(x, 9, in->lang);
	export_set(x, 10, in->started_at);
	export_set(x, 11, in->completed_at);
	export_set(x, 12, in->has_score && in->nstops == 0 ? num[1] : NULL);
	export_set(x, 13, in->nstops == 0 ? in->band : NULL);
	export_set(x, 14, in->codes[0]);
	export_set(x, 15, in->codes[1]);
	export_set(x, 16, in->codes[2]);
}

/* Write the cells 0..n-1 as one row, after the cells already in the
   row buffer (a long row's intake cells), if any. */
static int
export_cells_row(struct xctx *x, size_t n, char **errp)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (i > 0 || x->row.len > x->at)
			strbuf_addc(&x->row, ',');
		if (x->isdate[i])
			export_date_cell(&x->row, x->cell[i], x->cellen[i]);
		else
			export_cell(&x->row, x->cell[i], x->cellen[i]);
	}
	return export_end_row(x, errp);
}

/* One wide row for intake in. */
static int
export_wide_row(struct xctx *x, const struct query_intake *in, char **errp)
{
	const struct xform	*xf = export_form_of(x, in->form_hash);
	char			 num[2][16];
	int			 rc;

	export_meta_cells(x, in, num);
	if (xf != NULL)
		export_wide_answers(x, xf, in);
	rc = export_cells_row(x, EXPORT_NMETA + x->ncols, errp);
	export_disown(x);
	x->rows++;
	return rc;
}

/* The header row of the chosen format. */
static int
export_header(struct xctx *x, char **errp)
{
	static const char *const lng[] = {
		"intake_id", "outcome", "form_id", "form_version", "question",
		"value", "label", "answered_at"
	};
	size_t	i;

	if (x->o->format == EXPORT_LONG) {
		for (i = 0; i < SMP_NELEM(lng); i++)
			if (strcmp(lng[i], "label") != 0 || x->o->labels)
				export_set(x, (int)(i - (i > 6 &&
				    !x->o->labels)), lng[i]);
		return export_cells_row(x, x->o->labels ? 8 : 7, errp);
	}
	for (i = 0; i < EXPORT_NMETA; i++)
		export_set(x, (int)i, export_meta[i]);
	for (i = 0; i < x->ncols; i++)
		export_set(x, EXPORT_NMETA + (int)i, x->cols[i].name);
	return export_cells_row(x, EXPORT_NMETA + x->ncols, errp);
}

/* One long row for answer a (q: its question, or NULL), after the
   intake's cells (x->lead). */
static int
export_long_row(struct xctx *x, const struct xform *xf,
    const struct query_answer *a, const struct form_question *q,
    char **errp)
{
	int	c = 0;

	if (x->o->deidentify && (q == NULL || export_is_ident(x,
	    a->question)) && (xf == NULL || form_screen(xf->f,
	    a->question) == NULL))
		return 0;
	strbuf_add(&x->row, x->lead.s, x->lead.len);
	export_set(x, c++, a->question);
	export_set_answer(x, c++, q, a->value);
	if (x->o->labels)
		export_set_answer(x, c++, q, q != NULL && xf != NULL ?
		    export_value(x, xf, q, a->value) : a->value);
	export_set(x, c++, a->answered_at);
	x->rows++;
	return export_cells_row(x, (size_t)c, errp);
}

/* The item of form xf that answer id belongs to, or -1. */
static int
export_item_of(const struct xform *xf, const char *id)
{
	const struct form_question	*q;
	const struct form_screen	*sc;

	if ((q = form_question(xf->f, id)) != NULL)
		return xf->qitem[q->index];
	if ((sc = form_screen(xf->f, id)) != NULL)
		return xf->sitem[sc->index];
	return -1;
}

/* The long rows of intake in: form order, then unknown ids by name. */
static int
export_long_rows(struct xctx *x, const struct query_intake *in,
    char **errp)
{
	const struct xform		*xf = export_form_of(x, in->form_hash);
	const struct form_item		*it;
	char				 ver[16];
	size_t				 i;
	int				 item, rc = 0;

	/* The intake's cells are the same on each of its rows. */
	snprintf(ver, sizeof(ver), "%d", in->form_version);
	strbuf_reset(&x->lead);
	export_cell(&x->lead, in->id, strlen(in->id));
	strbuf_addc(&x->lead, ',');
	if (in->outcome != NULL)
		export_cell(&x->lead, in->outcome, strlen(in->outcome));
	strbuf_addc(&x->lead, ',');
	export_cell(&x->lead, in->form_id, strlen(in->form_id));
	strbuf_addc(&x->lead, ',');
	export_cell(&x->lead, ver, strlen(ver));
	if (in->nanswers > x->capused) {
		x->capused = 2 * in->nanswers;
		x->used = xreallocarray(x->used, x->capused, sizeof(bool));
	}
	if (x->slot == NULL) {
		x->slot = xcalloc(x->maxitems + 1, sizeof(*x->slot));
		for (i = 0; i < x->maxitems; i++)
			x->slot[i] = -1;
	}
	/* Each answer into the slot of its item, so the rows come in form
	   order in one pass over the items. */
	for (i = 0; i < in->nanswers; i++) {
		item = xf != NULL ? export_item_of(xf, in->answers[i].question) :
		    -1;
		x->used[i] = item >= 0;
		if (item >= 0)
			x->slot[item] = (long)i;
	}
	for (i = 0; xf != NULL && i < xf->f->nitems; i++) {
		if (x->slot[i] < 0)
			continue;
		it = &xf->f->items[i];
		if (rc == 0)
			rc = export_long_row(x, xf, &in->answers[x->slot[i]],
			    it->kind == ITEM_QUESTION ?
			    &xf->f->questions[it->ref] : NULL, errp);
		x->slot[i] = -1;
	}
	for (i = 0; rc == 0 && i < in->nanswers; i++)
		if (!x->used[i])
			rc = export_long_row(x, NULL, &in->answers[i], NULL,
			    errp);
	export_disown(x);
	return rc;
}

/* Every row, inside the caller's read transaction. */
static int
export_rows(struct xctx *x, char **errp)
{
	struct query_cursor		*c;
	const struct query_intake	*in;
	int				 rc;

	if (x->o->bom) {
		strbuf_add(&x->row, "\xef\xbb\xbf", 3);
		x->at = x->row.len;
	}
	if ((rc = export_header(x, errp)) != 0)
		return rc;
	/* Wide rows take the codes from the intake row, not the lines. */
	if ((rc = query_cursor_new(x->s, &x->o->filter, QUERY_ANSWERS |
	    QUERY_BY_ID | (x->o->format == EXPORT_WIDE ? QUERY_NO_TIMES : 0),
	    &c, errp)) != 0)
		return rc;
	while ((rc = query_cursor_next(c, &in, errp)) > 0) {
		if (x->o->stop != NULL && *x->o->stop) {
			*errp = xstrdup("stopped by a signal; nothing kept");
			rc = EXPORT_STOPPED;
			break;
		}
		rc = x->o->format == EXPORT_WIDE ?
		    export_wide_row(x, in, errp) : export_long_rows(x, in, errp);
		if (rc != 0)
			break;
	}
	query_cursor_free(c);
	if (rc == 0)
		rc = export_write_out(x, errp);
	if (rc == 0 && fflush(x->fp) != 0) {
		*errp = xasprintf("cannot write the export: %s",
		    strerror(errno));
		rc = EXPORT_IOERR;
	}
	return rc;
}

/* The audit entry: format, rows (-1: "stream", written before them)
   and options, never personal data. */
static int
export_audit(struct xctx *x, long rows, char **errp)
{
	const struct export_opts	*o = x->o;
	char				*d, n[24];
	int				 rc;

	if (rows < 0)
		snprintf(n, sizeof(n), "stream");
	else
		snprintf(n, sizeof(n), "%ld", rows);
	d = xasprintf("format=%s rows=%s%s%s%s%s since=%s until=%s "
	    "status=%s", o->format == EXPORT_WIDE ? "wide" : "long", n,
	    o->labels ? " labels" : "", o->deidentify ? " deidentify" : "",
	    o->bom ? " bom" : "", o->lang ? " lang" : "",
	    o->filter.since ? o->filter.since : "-",
	    o->filter.until ? o->filter.until : "-",
	    o->filter.status ? o->filter.status : "-");
	rc = store_audit(x->s, o->actor ? o->actor : store_actor(),
	    "export", d, errp);
	free(d);
	return rc;
}

/*
 * Write the export to fp inside one read snapshot and audit it: first
 * (stream: what reaches fp cannot be taken back, so no audit, no data),
 * or after the rows with their count (a temporary file the caller then
 * renames or removes).
 */
static int
export_snapshot(struct store *s, const struct export_opts *o, FILE *fp,
    bool stream, long *rows, char **errp)
{
	struct xctx	x;
	char		*err = NULL;
	int		 rc;

	memset(&x, 0, sizeof(x));
	x.o = o;
	x.s = s;
	x.fp = fp;
	strbuf_init(&x.row);
	strbuf_init(&x.lead);
	if ((stream && (rc = export_audit(&x, -1, errp)) != 0) ||
	    (rc = query_begin(s, errp)) != 0) {
		export_teardown(&x);
		return rc;
	}
	if ((rc = export_setup(&x, errp)) == 0)
		rc = export_rows(&x, errp);
	if (query_end(s, rc == 0 ? errp : &err) != 0 && rc == 0)
		rc = STORE_ERR;
	free(err);
	if (rc == 0 && !stream)
		rc = export_audit(&x, x.rows, errp);
	if (rows != NULL)
		*rows = x.rows;
	export_teardown(&x);
	return rc;
}

int
export_write(struct store *s, const struct export_opts *o, FILE *fp,
    long *rows, char **errp)
{
	return export_snapshot(s, o, fp, true, rows, errp);
}

/* The export code for a file_atomic result (base/file.h). */
static int
export_file_rc(int rc)
{
	switch (rc) {
	case FILE_OK:
		return 0;
	case FILE_ECREATE:
		return EXPORT_CANTCREAT;
	default:
		return EXPORT_IOERR;
	}
}

/* Put the finished temporary file a in place as o->exists says. */
static int
export_commit(struct file_atomic *a, const struct export_opts *o,
    const char *path, char **writtenp, char **errp)
{
	char	**names;
	size_t	  i, n, which = 0;
	int	  rc;

	if (o->exists == EXPORT_REPLACE) {
		if ((rc = file_atomic_commit(a, errp)) == FILE_OK &&
		    writtenp != NULL)
			*writtenp = xstrdup(path);
		return export_file_rc(rc);
	}
	/* Never over a file, not even one made while the export ran. */
	names = export_target_names(path, o->exists == EXPORT_FRESH, &n);
	rc = file_atomic_commit_new(a, (const char *const *)names, n, &which,
	    errp);
	if (rc == FILE_OK && writtenp != NULL) {
		*writtenp = names[which];
		names[which] = NULL;
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc == FILE_EEXIST ? EXPORT_CANTCREAT : export_file_rc(rc);
}

/* Write the export to a temporary file and put it in place. */
int
export_to_path(struct store *s, const struct export_opts *o,
    const char *path, char **writtenp, long *rows, char **errp)
{
	struct file_atomic	*a;
	FILE			*fp;
	int			 rc;

	if (writtenp != NULL)
		*writtenp = NULL;
	if (export_target_check(store_path(s), path, o->exists ==
	    EXPORT_REPLACE ? EXPORT_TARGET_REPLACE : o->exists ==
	    EXPORT_FRESH ? EXPORT_TARGET_KEEP : 0, errp) < 0)
		return EXPORT_CANTCREAT;
	if ((rc = file_atomic_open(path, &a, &fp, errp)) != FILE_OK)
		return export_file_rc(rc);
	/* On any error, a signal's EXPORT_STOPPED too, nothing is kept. */
	if ((rc = export_snapshot(s, o, fp, false, rows, errp)) != 0) {
		file_atomic_abort(a);
		return rc;
	}
	return export_commit(a, o, path, writtenp, errp);
}

int
export_exit_status(int rc)
{
	switch (rc) {
	case 0:
		return SMP_EXIT_OK;
	case EXPORT_CANTCREAT:
		return SMP_EXIT_CANTCREAT;
	case EXPORT_IOERR:
		return SMP_EXIT_IOERR;
	case EXPORT_FORM:
		return SMP_EXIT_DATAERR;
	default:
		return store_exit_status(rc);
	}
}
