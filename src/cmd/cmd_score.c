/*
 * cmd_score.c: "smp-intake score --form FORM [--json] [--lang CODE]
 * ANSWERS.csv": score a set of answers without any UI.
 *
 * The answers go through an engine exactly as a client's would (same
 * canonical values, same validation), in form order so that a "validate"
 * looking at an earlier question sees it whatever the row order.  Every
 * problem is printed (unknown question, invalid value, missing required
 * answer or acknowledgement) before exiting 65; answers to questions the
 * other answers hide are only warned about.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/date.h"
#include "base/defs.h"
#include "base/diag.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "engine/answers.h"
#include "engine/engine.h"
#include "engine/score.h"
#include "form/form.h"
#include "form/form_load.h"

/* One command run. */
struct score_run {
	const char	*path;		/* answers file, for messages */
	struct form	*f;
	struct engine	*e;
	int		 lang;
	int		 errors;	/* problems printed */
	int		*line_of;	/* per question: row given, or 0 */
	int		*sline_of;	/* per screen: row given, or 0 */
};

/* Print the usage to fp. */
static void
score_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake score --form FORM [--json] "
	    "[--lang CODE] ANSWERS.csv\n"
	    "Score a set of answers (CSV with the header question,value) "
	    "and explain the result.\n"
	    "  -f, --form FORM   the form the answers belong to\n"
	    "  -j, --json        print one JSON object instead of text\n"
	    "  -l, --lang CODE   language of the texts (default: the form's "
	    "first)\n"
	    "Exit status: 0 scored, 64 usage, 65 bad form or answers, "
	    "66 missing file.\n");
}

/* Print a problem with a row of the answers file. */
static void SMP_PRINTFLIKE(3, 4)
row_problem(struct score_run *r, int line, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "%s:%d: ", r->path, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	r->errors++;
}

/* Acknowledge a screen from a row "screen_id,agreed". */
static void
apply_ack(struct score_run *r, const struct answer *an,
    const struct form_screen *s)
{
	char	*msg = NULL;

	if (r->sline_of[s->index] != 0) {
		row_problem(r, an->line, "'%s' is given twice (first on line "
		    "%d)", s->id, r->sline_of[s->index]);
		return;
	}
	r->sline_of[s->index] = an->line;
	if (strcmp(an->value, "agreed") != 0 && an->value[0] != '\0') {
		row_problem(r, an->line, "%s: the only value for a screen is "
		    "'agreed'", s->id);
		return;
	}
	if (engine_ack(r->e, s, an->value[0] != '\0', &msg) != ENGINE_OK)
		row_problem(r, an->line, "%s: %s", s->id, msg);
	free(msg);
}

/* Sort key: questions in form order, screens after, by their item. */
static int
row_item(const struct form *f, const struct answer *an)
{
	const struct form_question	*q = form_question(f, an->question);
	const struct form_screen	*s;

	if (q != NULL)
		return q->item;
	s = form_screen(f, an->question);
	return s != NULL ? s->item : -1;
}

/* A row with the item it answers, for sorting into form order. */
struct score_row {
	int		 item;		/* item index, -1 if unknown */
	const struct answer *an;
};

/* qsort: by item, then by line. */
static int
row_cmp(const void *a, const void *b)
{
	const struct score_row	*x = a, *y = b;

	if (x->item != y->item)
		return x->item < y->item ? -1 : 1;
	return (x->an->line > y->an->line) - (x->an->line < y->an->line);
}

/* Apply one known row. */
static void
apply_row(struct score_run *r, const struct answer *an)
{
	const struct form_question	*q = form_question(r->f, an->question);
	char				*msg = NULL;

	if (q == NULL) {
		apply_ack(r, an, form_screen(r->f, an->question));
		return;
	}
	if (r->line_of[q->index] != 0) {
		row_problem(r, an->line, "'%s' is answered twice (first on "
		    "line %d)", q->id, r->line_of[q->index]);
		return;
	}
	r->line_of[q->index] = an->line;
	if (engine_answer(r->e, q, an->value, &msg) != ENGINE_OK)
		row_problem(r, an->line, "%s: %s", q->id, msg);
	else if (an->value[0] == '\0' && q->required &&
	    engine_visible(r->e, q->item))	/* (rows go in form order) */
		row_problem(r, an->line, "missing required answer: '%s' (%s): "
		    "the value is empty", q->id, form_tr(&q->label, r->lang));
	free(msg);
}

/* Apply every row, in form order; unknown ids are reported in file
   order first. */
static void
apply_rows(struct score_run *r, const struct answers *a)
{
	struct score_row	*rows = xcalloc(a->n + 1, sizeof(*rows));
	size_t			 i;

	for (i = 0; i < a->n; i++) {
		rows[i].an = &a->v[i];
		if ((rows[i].item = row_item(r->f, &a->v[i])) < 0)
			row_problem(r, a->v[i].line, "unknown question '%s'",
			    a->v[i].question);
	}
	qsort(rows, a->n, sizeof(*rows), row_cmp);
	for (i = 0; i < a->n; i++)
		if (rows[i].item >= 0)
			apply_row(r, rows[i].an);
	free(rows);
}

/* Warn about hidden answers; report missing required ones. */
static void
check_complete(struct score_run *r)
{
	const struct form		*f = r->f;
	const struct form_question	*q;
	const struct form_screen	*s;
	size_t				 i;

	for (i = 0; i < f->nquestions; i++) {
		q = &f->questions[i];
		if (!engine_visible(r->e, q->item)) {
			if (engine_value(r->e, q) != NULL)
				fprintf(stderr, "%s:%d: ignored: '%s' is not "
				    "asked for these answers\n", r->path,
				    r->line_of[i], q->id);
		} else if (q->required && engine_value(r->e, q) == NULL &&
		    r->line_of[i] == 0) {	/* (an invalid row is reported) */
			fprintf(stderr, "%s: missing required answer: '%s' "
			    "(%s)\n", r->path, q->id,
			    form_tr(&q->label, r->lang));
			r->errors++;
		}
	}
	for (i = 0; i < f->nscreens; i++) {
		s = &f->screens[i];
		if (s->agree.tr[0] == NULL || !engine_visible(r->e, s->item) ||
		    engine_acked(r->e, s))
			continue;
		fprintf(stderr, "%s: missing acknowledgement: '%s' (%s): add "
		    "the row \"%s,agreed\"\n", r->path, s->id,
		    form_tr(&s->title, r->lang) != NULL ?
		    form_tr(&s->title, r->lang) : s->id, s->id);
		r->errors++;
	}
}

/* Score the answers and print the result; returns the exit status. */
static int
score_answers(struct score_run *r, const struct answers *a, bool json)
{
	struct score_result	*res;
	struct expr_env		 env;
	struct strbuf		 sb;
	int			 rc = SMP_EXIT_OK;

	r->e = engine_new(r->f, r->lang, date_today(), NULL);
	r->line_of = xcalloc(r->f->nquestions + 1, sizeof(int));
	r->sline_of = xcalloc(r->f->nscreens + 1, sizeof(int));
	apply_rows(r, a);
	check_complete(r);
	if (r->errors > 0) {
		fprintf(stderr, "%s: %d problem%s; not scored\n", r->path,
		    r->errors, r->errors == 1 ? "" : "s");
		rc = SMP_EXIT_DATAERR;
	} else {
		engine_env(r->e, &env);
		res = score_compute(r->f, &env);
		strbuf_init(&sb);
		if (json) {
			score_format_json(res, r->lang, &sb);
			strbuf_addc(&sb, '\n');
		} else
			score_format_text(res, r->lang, &sb);
		if (fwrite(sb.s, 1, sb.len, stdout) != sb.len ||
		    fflush(stdout) != 0)
			rc = SMP_EXIT_IOERR;
		strbuf_done(&sb);
		score_free(res);
	}
	free(r->line_of);
	free(r->sline_of);
	engine_free(r->e);
	return rc;
}

/* smp-intake score: see the file comment. */
int
cmd_score(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "form", required_argument, NULL, 'f' },
		{ "json", no_argument, NULL, 'j' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct score_run	 r;
	struct answers		 a;
	const char		*form = NULL, *lang = NULL;
	char			*err = NULL;
	bool			 json = false;
	int			 c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:jl:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': form = optarg; break;
		case 'j': json = true; break;
		case 'l': lang = optarg; break;
		case 'h': score_usage(stdout); return SMP_EXIT_OK;
		default: score_usage(stderr); return SMP_EXIT_USAGE;
		}
	}
	if (form == NULL || optind != argc - 1) {
		score_usage(stderr);
		return SMP_EXIT_USAGE;
	}
	memset(&r, 0, sizeof(r));
	r.path = argv[optind];
	if ((rc = cli_load_form(form, FORM_NO_ART, &r.f)) != 0)
		return rc;
	if (lang != NULL && (r.lang = form_lang(r.f, lang)) < 0) {
		fprintf(stderr, "smp-intake: %s: the form has no language "
		    "'%s'\n", form, lang);
		form_free(r.f);
		return SMP_EXIT_USAGE;
	}
	if ((rc = answers_read(r.path, &a, &err)) != ANSWERS_OK) {
		fprintf(stderr, "%s%s\n", rc == ANSWERS_NOFILE ?
		    "smp-intake: " : "", err);
		rc = rc == ANSWERS_NOFILE ? SMP_EXIT_NOINPUT : SMP_EXIT_DATAERR;
	} else
		rc = score_answers(&r, &a, json);
	free(err);
	answers_done(&a);
	form_free(r.f);
	return rc;
}
