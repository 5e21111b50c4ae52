/*
 * cmd_stats.c: "smp-intake stats": counts of intakes by status, outcome,
 * stage (the answers to the questions named with --by; by default
 * norwood, savin and ludwig when answered), ISO week of the start, and
 * stops and flags by rule, each drawn as a bar chart fitted to the
 * terminal ('#', or full blocks in a UTF-8 locale).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/strbuf.h"
#include "base/textsafe.h"
#include "base/utf8.h"
#include "base/xmalloc.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "form/form.h"
#include "form/form_load.h"
#include "store/query.h"

#define STATS_DEFAULT_BY	"norwood,savin,ludwig"

/* One bar: a label and its count. */
struct stats_row {
	char	*label;		/* terminal-safe */
	long	 n;
};

/* One chart being collected. */
struct stats_chart {
	struct stats_row *rows;
	size_t		 nrows;
	const struct form *f;		/* newest form, for labels; or NULL */
	const struct form_question *q;	/* QC_ANSWER: its question */
	enum query_count_by by;
};

/* The command's help. */
static void
stats_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake stats [--since DATE] [--until DATE] "
	    "[--by Q[,Q...]]\n"
	    "         [--kiosk ID] [--clinic NAME] [--db DB] [--config FILE]\n"
	    "Counts by status, outcome, stage (answers to the questions --by "
	    "names; default\n" STATS_DEFAULT_BY " when answered), week, "
	    "stops and flags, as bar charts.\n");
}

/* Add a bar (label made safe here). */
static void
stats_add(struct stats_chart *ch, const char *label, long n)
{
	ch->rows = xreallocarray(ch->rows, ch->nrows + 1, sizeof(*ch->rows));
	ch->rows[ch->nrows].label = textsafe(label, 0);
	ch->rows[ch->nrows++].n = n;
}

/* Add n to the bar labelled label, creating it if needed. */
static void
stats_merge(struct stats_chart *ch, const char *label, long n)
{
	char	*l = textsafe(label, 0);
	size_t	 i;

	for (i = 0; i < ch->nrows; i++)
		if (strcmp(ch->rows[i].label, l) == 0) {
			ch->rows[i].n += n;
			free(l);
			return;
		}
	free(l);
	stats_add(ch, label, n);
}

/* A multi answer "a;b" counts once for each option ticked. */
static void
stats_multi(struct stats_chart *ch, const char *key, long n)
{
	const struct form_option	*o;
	char				*codes = xstrdup(key), *c, *save = NULL;

	for (c = strtok_r(codes, ";", &save); c != NULL;
	    c = strtok_r(NULL, ";", &save))
		stats_merge(ch, (o = form_option(ch->q, c)) != NULL ?
		    form_tr(&o->label, 0) : c, n);
	free(codes);
}

/* The label of a band id (its text from the newest form). */
static char *
stats_band_label(const struct stats_chart *ch, const char *band)
{
	size_t	i;

	if (*band == '\0')
		return xstrdup("(none: not completed)");
	if (strcmp(band, "not-offered") == 0)
		return xstrdup("not-offered: a stop, not offered");
	if (strcmp(band, "deferred") == 0)
		return xstrdup("deferred: a stop, not suitable right now");
	if (strcmp(band, "clearance") == 0)
		return xstrdup("clearance: a stop, pending clearance");
	for (i = 0; ch->f != NULL && i < ch->f->nbands; i++)
		if (strcmp(ch->f->bands[i].id, band) == 0)
			return xasprintf("%s: %s", band,
			    form_tr(&ch->f->bands[i].text, 0));
	return xstrdup(band);
}

/* query_counts callback: one bar per group. */
static int
stats_collect(void *ctx, const char *key, const char *text, long n)
{
	struct stats_chart		*ch = ctx;
	const struct form_option	*o;
	char				*l;

	if (ch->by == QC_ANSWER && ch->q != NULL && ch->q->type == QT_MULTI) {
		stats_multi(ch, key, n);
		return 0;
	}
	if (ch->by == QC_BAND || ch->by == QC_OUTCOME)
		l = stats_band_label(ch, key);
	else if (ch->by == QC_ANSWER && ch->q != NULL &&
	    (o = form_option(ch->q, key)) != NULL)
		l = xstrdup(form_tr(&o->label, 0));
	else if (text != NULL)
		l = xasprintf("%s (%s)", text, key);
	else
		l = xstrdup(key);
	stats_add(ch, l, n);
	free(l);
	return 0;
}

/* query_counts callback for QC_STARTED: count per ISO week. */
static int
stats_week(void *ctx, const char *key, const char *text, long n)
{
	struct stats_chart	*ch = ctx;
	char			 t[17], w[9];
	size_t			 i;

	(void)text;
	query_local_time(key, t, w);
	for (i = ch->nrows; i > 0; i--)
		if (strcmp(ch->rows[i - 1].label, w) == 0) {
			ch->rows[i - 1].n += n;
			return 0;
		}
	stats_add(ch, w, n);
	return 0;
}

/* qsort: weeks in order. */
static int
stats_cmp_label(const void *a, const void *b)
{
	return strcmp(((const struct stats_row *)a)->label,
	    ((const struct stats_row *)b)->label);
}

/* Draw a chart titled title and free its rows. */
static void
stats_draw(struct stats_chart *ch, const char *title, size_t width)
{
	const char	*block = utf8_locale() ? "\xe2\x96\x88" : "#";
	struct strbuf	 sb;
	size_t		 i, lw = 4, cw = 1, bw, len;
	long		 max = 1;
	char		 num[24];

	printf("\n%s\n", title);
	if (ch->nrows == 0)
		printf("  (none)\n");
	for (i = 0; i < ch->nrows; i++) {
		if (textsafe_width(ch->rows[i].label) > lw)
			lw = textsafe_width(ch->rows[i].label);
		if (ch->rows[i].n > max)
			max = ch->rows[i].n;
	}
	cw = (size_t)snprintf(num, sizeof(num), "%ld", max);
	if (lw > width / 3)
		lw = width / 3;
	bw = width > lw + cw + 6 ? width - lw - cw - 6 : 1;
	strbuf_init(&sb);
	for (i = 0; i < ch->nrows; i++) {
		strbuf_reset(&sb);
		strbuf_adds(&sb, "  ");
		textsafe_fit(&sb, ch->rows[i].label, lw, 1);
		strbuf_addf(&sb, " %*ld ", (int)cw, ch->rows[i].n);
		len = (size_t)((double)ch->rows[i].n * (double)bw /
		    (double)max + 0.5);
		if (len == 0 && ch->rows[i].n > 0)
			len = 1;
		while (len-- > 0)
			strbuf_adds(&sb, block);
		printf("%s\n", sb.s);
		free(ch->rows[i].label);
	}
	strbuf_done(&sb);
	free(ch->rows);
	ch->rows = NULL;
	ch->nrows = 0;
}

/* qsort: most frequent first, then by label. */
static int
stats_cmp_count(const void *a, const void *b)
{
	const struct stats_row	*x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->label, y->label);
}

/* Count by "by" (arg: its question) and draw; a store_rc. */
static int
stats_chart(struct store *s, const struct query_filter *f,
    struct stats_chart *ch, enum query_count_by by, const char *arg,
    const char *title, char **errp)
{
	int	rc;

	ch->by = by;
	rc = query_counts(s, f, by, arg, by == QC_STARTED ? stats_week :
	    stats_collect, ch, errp);
	/* qsort of no rows would be handed a NULL array (UB). */
	if (rc == STORE_OK && ch->nrows == 0)
		;
	else if (rc == STORE_OK && by == QC_STARTED)
		qsort(ch->rows, ch->nrows, sizeof(*ch->rows),
		    stats_cmp_label);
	else if (rc == STORE_OK && ch->q != NULL && ch->q->type == QT_MULTI)
		qsort(ch->rows, ch->nrows, sizeof(*ch->rows),
		    stats_cmp_count);
	if (rc == STORE_OK)
		stats_draw(ch, title, cli_term_width(30));
	return rc;
}

/* What stats_newest fills. */
struct stats_newest_ctx {
	struct store	*s;
	struct form	*f;		/* the newest form, or NULL */
};

/* query_forms callback: parse the newest form version (the first). */
static int
stats_newest(void *ctx, const struct query_form *qf)
{
	struct stats_newest_ctx	*nc = ctx;
	struct diag		*d;
	char			*src = NULL, *err = NULL;
	size_t			 len = 0;

	if (query_form_source(nc->s, qf->hash, &src, &len, &err) !=
	    STORE_OK) {
		free(err);
		return 1;
	}
	d = diag_new("stored form", DIAG_DEFAULT_LIMIT);
	nc->f = form_load_text("stored form", src, len, NULL,
	    FORM_NO_ART | FORM_STORED, d);
	diag_free(d);
	free(src);
	return 1;
}

/* One chart per question named in by ("a,b"); unanswered defaults are
   skipped. */
static int
stats_stages(struct store *s, const struct query_filter *f,
    struct stats_chart *ch, const char *by, bool dflt, char **errp)
{
	char	*list = xstrdup(by), *q, *save = NULL, *title;
	bool	 yes;
	int	 rc = STORE_OK;

	for (q = strtok_r(list, ",", &save); q != NULL && rc == STORE_OK;
	    q = strtok_r(NULL, ",", &save)) {
		if (dflt && ((rc = query_has_question(s, q, &yes, errp)) !=
		    STORE_OK || !yes))
			continue;
		ch->q = ch->f != NULL ? form_question(ch->f, q) : NULL;
		title = xasprintf("By %s", ch->q != NULL ?
		    form_qname(ch->q, 0) : q);
		rc = stats_chart(s, f, ch, QC_ANSWER, q, title, errp);
		free(title);
	}
	ch->q = NULL;
	free(list);
	return rc;
}

/* Every chart; a store_rc. */
static int
stats_print(struct store *s, const struct query_filter *f, const char *by,
    char **errp)
{
	struct stats_newest_ctx	 nc = { s, NULL };
	struct stats_chart	 ch;
	int			 rc;

	memset(&ch, 0, sizeof(ch));
	if ((rc = query_begin(s, errp)) != STORE_OK)
		return rc;
	rc = query_forms(s, f, stats_newest, &nc, errp);
	ch.f = nc.f;
	if (rc >= 0)
		rc = stats_chart(s, f, &ch, QC_STATUS, NULL, "By status", errp);
	if (rc == STORE_OK)
		rc = stats_chart(s, f, &ch, QC_OUTCOME, NULL, "By outcome",
		    errp);
	if (rc == STORE_OK)
		rc = stats_stages(s, f, &ch, by ? by : STATS_DEFAULT_BY,
		    by == NULL, errp);
	if (rc == STORE_OK)
		rc = stats_chart(s, f, &ch, QC_STARTED, NULL,
		    "By week started", errp);
	if (rc == STORE_OK)
		rc = stats_chart(s, f, &ch, QC_STOP, NULL, "Stops", errp);
	if (rc == STORE_OK)
		rc = stats_chart(s, f, &ch, QC_FLAG, NULL, "Flags", errp);
	(void)query_end(s, rc == STORE_OK ? errp : NULL);
	form_free(nc.f);
	return rc;
}

int
cmd_stats(int argc, char **argv)
{
	struct query_filter	 f = { 0 };
	struct store		*s;
	const char		*db = NULL, *config = NULL, *by = NULL;
	const struct cli_opt	 opts[] = {
		{ "since", 's', &f.since, NULL },
		{ "until", 'u', &f.until, NULL },
		{ "by", 'b', &by, NULL },
		{ "kiosk", 'k', &f.kiosk, NULL },
		{ "clinic", 'C', &f.clinic, NULL },
		{ "db", 'D', &db, NULL },
		{ "config", 'c', &config, NULL },
		{ NULL, 0, NULL, NULL }
	};
	char			*err = NULL;
	int			 first, rc;

	if ((rc = cli_parse(argc, argv, opts, 0, stats_usage, &first)) >= 0)
		return rc;
	if ((rc = cli_open_filtered("stats", &f, db, config, CLI_READ,
	    &s)) != 0)
		return rc;
	rc = stats_print(s, &f, by, &err);
	return cli_report_done("stats", s, rc, err);
}
