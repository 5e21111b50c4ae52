/*
 * intake.c: one client's intake, glue between the engine and the port
 * where intakes are kept (struct intake_store; a store, in the program).
 *
 * intake_begin() begins the intake through the port and gives the engine
 * a sink that saves every answer (and every acknowledged screen, by its
 * screen id) through it the moment it is given.  intake_complete() ends
 * the walk (hidden answers are cleared through the sink, so what is kept
 * is what counts), scores the visible answers and hands the result lines
 * to the port in one call.
 *
 * intake_apply_answers() runs a file of answers through an engine in form
 * order, collecting every problem, for "record" and "score" (and any
 * batch input).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/defs.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "engine/intake.h"

struct intake {
	struct intake_store	 port;		/* a copy; its ctx borrowed */
	const struct form	*f;		/* borrowed */
	struct engine		*e;		/* owned */
	struct score_result	*res;		/* after completion, owned */
	int			 store_rc;	/* last sink failure */
	char			 id[INTAKE_ID_LEN + 1];	/* the intake's id */
};

/* The engine's sink: save (or delete) one answer durably. */
static int
intake_put(void *ctx, const char *id, const char *value, char **errp)
{
	struct intake	*in = ctx;
	int		 rc;

	rc = in->port.put(in->port.ctx, in->id, id, value, errp);
	if (rc != 0) {
		in->store_rc = rc;
		return -1;
	}
	return 0;
}

/* Begin an intake through port and give its engine a saving sink. */
int
intake_begin(const struct intake_store *port, const struct form *f,
    const char *form_hash, int lang, int today, const char *kiosk_id,
    const char *source, struct intake **ip, char **errp)
{
	struct engine_sink	 sink;
	struct intake		*in;
	int			 rc;

	*ip = NULL;
	if (lang < 0 || lang >= f->nlangs)
		lang = 0;
	in = xcalloc(1, sizeof(*in));
	in->port = *port;
	in->f = f;
	rc = port->begin(port->ctx, form_hash, kiosk_id, f->langs[lang],
	    source, in->id, errp);
	if (rc != 0) {
		free(in);
		return rc;
	}
	in->id[INTAKE_ID_LEN] = '\0';
	sink.put = intake_put;
	sink.ctx = in;
	in->e = engine_new(f, lang, today, &sink);
	*ip = in;
	return 0;
}

/* The intake's engine (borrowed). */
struct engine *
intake_engine(struct intake *in)
{
	return in->e;
}

/* The intake's id (borrowed). */
const char *
intake_id(const struct intake *in)
{
	return in->id;
}

/* The port's code for the last answer it failed to save, or 0. */
int
intake_store_rc(const struct intake *in)
{
	return in->store_rc;
}

/* Free the lines made by intake_lines (their code and text). */
static void
intake_lines_free(struct intake_line *lines, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free((char *)(uintptr_t)lines[i].code);
		free((char *)(uintptr_t)lines[i].text);
	}
	free(lines);
}

/* The result's lines as kept: kind, code, points, text in the form's
   first language.  Free with intake_lines_free. */
static struct intake_line *
intake_lines(const struct score_result *r)
{
	struct intake_line	*lines;
	size_t			 i;

	lines = xcalloc(r->nlines + 1, sizeof(*lines));
	for (i = 0; i < r->nlines; i++) {
		lines[i].kind = score_kind_name(r->lines[i].kind);
		lines[i].code = score_line_code(&r->lines[i]);
		lines[i].points = r->lines[i].points;
		lines[i].text = score_line_text(&r->lines[i], 0);
	}
	return lines;
}

/* The outcome of r as kept (out->note allocated; recheck: 11 bytes). */
static void
intake_outcome_of(const struct form *f, const struct score_result *r,
    struct intake_outcome *out, char *recheck)
{
	memset(out, 0, sizeof(*out));
	out->outcome = score_outcome_code(r);
	if (r->outcome == OUTCOME_BAND) {
		out->band = r->band != NULL ? r->band->id : NULL;
		out->has_score = true;
		out->score = r->score;
	} else if (r->scored) {
		out->has_internal = true;
		out->score_internal = r->score;
	}
	if (r->recheck >= 0) {
		date_format(r->recheck, recheck);
		out->recheck = recheck;
	}
	out->note = score_outcome_note(f, r, 0);
}

/* Finish the walk, score it, hand the result to the port. */
int
intake_complete(struct intake *in, const struct score_result **resp,
    char **errp)
{
	struct intake_line	*lines;
	struct intake_outcome	 out;
	struct expr_env		 env;
	char			*msg = NULL, recheck[11];
	int			 rc;

	in->store_rc = 0;
	rc = engine_finish(in->e, &msg);
	if (rc == ENGINE_SINK) {
		if (errp != NULL)
			*errp = msg;
		else
			free(msg);
		return in->store_rc != 0 ? in->store_rc : -1;
	}
	if (rc != ENGINE_OK) {
		if (errp != NULL)
			*errp = xasprintf("intake %s is not complete: %s",
			    in->id, msg);
		free(msg);
		return -1;
	}
	if (in->res == NULL) {
		engine_env(in->e, &env);
		in->res = score_compute(in->f, &env);
	}
	lines = intake_lines(in->res);
	intake_outcome_of(in->f, in->res, &out, recheck);
	out.lang = in->f->langs[engine_lang(in->e)];
	rc = in->port.complete(in->port.ctx, in->id, &out, lines,
	    in->res->nlines, errp);
	free((char *)(uintptr_t)out.note);
	intake_lines_free(lines, in->res->nlines);
	if (rc != 0)
		in->store_rc = rc;
	else if (resp != NULL)
		*resp = in->res;
	return rc;
}

/* The detached port's refusal (intake_detach). */
static int
intake_no_store(char **errp)
{
	if (errp != NULL)
		*errp = xstrdup("the intake has no database to write to");
	return -1;
}

/* intake_store.begin of a detached intake: refused. */
static int
intake_lost_begin(void *ctx, const char *form_hash, const char *kiosk_id,
    const char *lang, const char *source, char *id, char **errp)
{
	(void)ctx, (void)form_hash, (void)kiosk_id, (void)lang, (void)source;
	(void)id;
	return intake_no_store(errp);
}

/* intake_store.put of a detached intake: refused. */
static int
intake_lost_put(void *ctx, const char *intake, const char *question,
    const char *value, char **errp)
{
	(void)ctx, (void)intake, (void)question, (void)value;
	return intake_no_store(errp);
}

/* intake_store.complete of a detached intake: refused. */
static int
intake_lost_complete(void *ctx, const char *intake,
    const struct intake_outcome *out, const struct intake_line *lines,
    size_t nlines, char **errp)
{
	(void)ctx, (void)intake, (void)out, (void)lines;
	(void)nlines;
	return intake_no_store(errp);
}

/* intake_store.abandon of a detached intake: refused. */
static int
intake_lost_abandon(void *ctx, const char *intake, char **errp)
{
	(void)ctx, (void)intake;
	return intake_no_store(errp);
}

/* Stop using the port (its store is about to close); answers stay. */
void
intake_detach(struct intake *in)
{
	in->port.begin = intake_lost_begin;
	in->port.put = intake_lost_put;
	in->port.complete = intake_lost_complete;
	in->port.abandon = intake_lost_abandon;
	in->port.ctx = NULL;
}

/* Begin again through port and save every answer the engine holds. */
int
intake_resave(struct intake *in, const struct intake_store *port,
    const char *form_hash, const char *kiosk_id, const char *source,
    char **errp)
{
	const struct form	*f = in->f;
	const char		*v;
	char			 id[INTAKE_ID_LEN + 1];
	size_t			 i;
	int			 rc;

	in->store_rc = 0;
	if ((rc = port->begin(port->ctx, form_hash, kiosk_id,
	    f->langs[engine_lang(in->e)], source, id, errp)) != 0)
		return in->store_rc = rc;
	in->port = *port;
	memcpy(in->id, id, INTAKE_ID_LEN);
	in->id[INTAKE_ID_LEN] = '\0';
	for (i = 0; i < f->nquestions && rc == 0; i++)
		if ((v = engine_value(in->e, &f->questions[i])) != NULL)
			rc = port->put(port->ctx, in->id, f->questions[i].id, v,
			    errp);
	for (i = 0; i < f->nscreens && rc == 0; i++)
		if (engine_acked(in->e, &f->screens[i]))
			rc = port->put(port->ctx, in->id, f->screens[i].id,
			    "agreed", errp);
	return in->store_rc = rc;
}

/* Keep the intake as abandoned. */
int
intake_abandon(struct intake *in, char **errp)
{
	return in->port.abandon(in->port.ctx, in->id, errp);
}

/* Free the intake, its engine (wiping answers) and its result. */
void
intake_free(struct intake *in)
{
	if (in == NULL)
		return;
	score_free(in->res);
	engine_free(in->e);
	free(in);
}

/* One batch run of intake_apply_answers. */
struct intake_batch {
	struct engine		*e;
	const struct form	*f;
	const char		*path;		/* answers file, for messages */
	struct strbuf		*probs;		/* problems, one a line */
	struct strbuf		*warns;		/* warnings, one a line */
	int			 nprobs;
	int			 lang;		/* the engine's, for labels */
	int			*line_of;	/* per question: row, or 0 */
	int			*sline_of;	/* per screen: row, or 0 */
	bool			*sbad;		/* per screen: its row was a
						   problem (said once) */
};

/* Add a problem "path:line: ..." (line 0: "path: ..."). */
static void SMP_PRINTFLIKE(3, 4)
batch_problem(struct intake_batch *b, int line, const char *fmt, ...)
{
	va_list	 ap;
	char	*m;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	if (line > 0)
		strbuf_addf(b->probs, "%s:%d: %s\n", b->path, line, m);
	else
		strbuf_addf(b->probs, "%s: %s\n", b->path, m);
	free(m);
	b->nprobs++;
}

/* Item index a row answers (questions and screens), or -1. */
static int
batch_item(const struct form *f, const struct answer *an)
{
	const struct form_question	*q = form_question(f, an->question);
	const struct form_screen	*sc;

	if (q != NULL)
		return q->item;
	sc = form_screen(f, an->question);
	return sc != NULL ? sc->item : -1;
}

/* A row and its item, to sort rows into form order. */
struct batch_row {
	int			 item;	/* item index, -1 if unknown */
	const struct answer	*an;	/* the row */
};

/* qsort: by item, then by line. */
static int
batch_row_cmp(const void *a, const void *b)
{
	const struct batch_row	*x = a, *y = b;

	if (x->item != y->item)
		return x->item < y->item ? -1 : 1;
	return (x->an->line > y->an->line) - (x->an->line < y->an->line);
}

/* Acknowledge a screen from a row "screen_id,agreed". */
static void
batch_ack(struct intake_batch *b, const struct answer *an,
    const struct form_screen *sc)
{
	char	*msg = NULL;
	int	 rc;

	if (b->sline_of[sc->index] != 0) {
		batch_problem(b, an->line, "'%s' is given twice (first on line "
		    "%d)", sc->id, b->sline_of[sc->index]);
		b->sbad[sc->index] = true;
		return;
	}
	b->sline_of[sc->index] = an->line;
	if (strcmp(an->value, "agreed") != 0 && an->value[0] != '\0') {
		batch_problem(b, an->line, "%s: the only value for a screen is "
		    "'agreed'", sc->id);
		b->sbad[sc->index] = true;
		return;
	}
	rc = engine_ack(b->e, sc, an->value[0] != '\0', &msg);
	if (rc != ENGINE_OK) {
		batch_problem(b, an->line, "%s: %s", sc->id, msg);
		b->sbad[sc->index] = true;
	}
	free(msg);
}

/* Apply one row of a known question or screen. */
static void
batch_row(struct intake_batch *b, const struct answer *an)
{
	const struct form_question	*q = form_question(b->f, an->question);
	char				*msg = NULL;

	if (q == NULL) {
		batch_ack(b, an, form_screen(b->f, an->question));
		return;
	}
	if (b->line_of[q->index] != 0) {
		batch_problem(b, an->line, "'%s' is answered twice (first on "
		    "line %d)", q->id, b->line_of[q->index]);
		return;
	}
	b->line_of[q->index] = an->line;
	if (engine_answer(b->e, q, an->value, &msg) != ENGINE_OK)
		batch_problem(b, an->line, "%s: %s", q->id, msg);
	else if (an->value[0] == '\0' && q->required &&
	    engine_visible(b->e, q->item))	/* (rows go in form order) */
		batch_problem(b, an->line, "missing required answer: '%s' "
		    "(%s): the value is empty", q->id,
		    form_tr(&q->label, b->lang));
	free(msg);
}

/*
 * Report hidden answers (warnings) and missing required ones, naming each
 * question or screen with its label or title.  A question or screen whose
 * row was already a problem is not reported again.
 */
static void
batch_check_complete(struct intake_batch *b)
{
	const struct form_question	*q;
	const struct form_screen	*sc;
	const char			*title;
	size_t				 i;

	for (i = 0; i < b->f->nquestions; i++) {
		q = &b->f->questions[i];
		if (!engine_visible(b->e, q->item)) {
			if (engine_value(b->e, q) != NULL && b->warns != NULL)
				strbuf_addf(b->warns, "%s:%d: ignored: '%s' is "
				    "not asked for these answers\n", b->path,
				    b->line_of[i], q->id);
		} else if (q->required && engine_value(b->e, q) == NULL &&
		    b->line_of[i] == 0)
			batch_problem(b, 0, "missing required answer: '%s' "
			    "(%s)", q->id, form_tr(&q->label, b->lang));
	}
	for (i = 0; i < b->f->nscreens; i++) {
		sc = &b->f->screens[i];
		if (sc->agree.tr[0] == NULL || b->sbad[i] ||
		    !engine_visible(b->e, sc->item) || engine_acked(b->e, sc))
			continue;
		title = form_tr(&sc->title, b->lang);
		batch_problem(b, 0, "missing acknowledgement: '%s' (%s): add "
		    "the row \"%s,agreed\"", sc->id,
		    title != NULL ? title : sc->id, sc->id);
	}
}

/* Give a file's answers to an engine in form order; count problems. */
int
intake_apply_answers(struct engine *e, const struct answers *a,
    const char *path, struct strbuf *probs, struct strbuf *warns)
{
	struct intake_batch	 b;
	struct batch_row	*rows;
	size_t			 i;

	memset(&b, 0, sizeof(b));
	b.e = e;
	b.f = engine_form(e);
	b.path = path;
	b.probs = probs;
	b.warns = warns;
	b.lang = engine_lang(e);
	b.line_of = xcalloc(b.f->nquestions + 1, sizeof(int));
	b.sline_of = xcalloc(b.f->nscreens + 1, sizeof(int));
	b.sbad = xcalloc(b.f->nscreens + 1, sizeof(bool));
	rows = xcalloc(a->n + 1, sizeof(*rows));
	for (i = 0; i < a->n; i++) {
		rows[i].an = &a->v[i];
		if ((rows[i].item = batch_item(b.f, &a->v[i])) < 0)
			batch_problem(&b, a->v[i].line, "unknown question "
			    "'%s'", a->v[i].question);
	}
	qsort(rows, a->n, sizeof(*rows), batch_row_cmp);
	for (i = 0; i < a->n; i++)
		if (rows[i].item >= 0)
			batch_row(&b, rows[i].an);
	batch_check_complete(&b);
	free(rows);
	free(b.line_of);
	free(b.sline_of);
	free(b.sbad);
	return b.nprobs;
}
