/*
 * cmd_list.c: "smp-intake list": a table of intakes that fits the
 * terminal.  No personal data: the list may be read in a lobby; "show"
 * gives the client's name.
 */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/strbuf.h"
#include "base/textsafe.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "store/query.h"

#define LIST_FIXED	73	/* columns of all but the kiosk */

/* The command's help. */
static void
list_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake list [--since DATE] [--until DATE] "
	    "[--status S]\n"
	    "         [--kiosk ID] [--clinic NAME] [--db DB] [--config FILE]\n"
	    "Intakes, oldest first: id (first 8 characters), outcome "
	    "(not-offered,\ndeferred, clearance, or the band when no stop "
	    "applies), re-check date,\nstart (local time), status, score "
	    "(none when a stop applies), kiosk.\n"
	    "DATE is YYYY-MM-DD (local), --until\ninclusive; S is "
	    "in_progress, completed or abandoned.\n");
}

/* Append one cell, safe and fitted to w columns, then two spaces. */
static void
list_cell(struct strbuf *sb, const char *s, size_t w)
{
	char	*t = textsafe(s, 0);

	textsafe_fit(sb, t, w, 1);
	strbuf_adds(sb, "  ");
	free(t);
}

/* One table line for intake in (or the header when in is NULL). */
static void
list_line(struct strbuf *sb, const struct query_intake *in, size_t width)
{
	size_t	kiosk;
	char	id[9], when[17], score[8];
	bool	shown;

	kiosk = width > LIST_FIXED + 5 ? width - LIST_FIXED : 5;
	if (in != NULL) {
		snprintf(id, sizeof(id), "%s", in->id);
		query_local_time(in->started_at, when, NULL);
		snprintf(score, sizeof(score), "%d", in->score);
	}
	/* A score is shown only where no stop applies (no outcome yet, or
	   a band); a stopped intake never reads as a candidate. */
	shown = in != NULL && in->has_score && in->nstops == 0;
	strbuf_reset(sb);
	list_cell(sb, in ? id : "ID", 8);
	list_cell(sb, in ? (in->outcome ? in->outcome : "-") : "OUTCOME", 11);
	list_cell(sb, in ? (in->recheck ? in->recheck : "-") : "RE-CHECK",
	    10);
	list_cell(sb, in ? when : "STARTED", 16);
	list_cell(sb, in ? in->status : "STATUS", 11);
	list_cell(sb, in ? (shown ? score : "-") : "SCORE", 5);
	list_cell(sb, in ? in->kiosk_id : "KIOSK", kiosk);
	while (sb->len > 0 && sb->s[sb->len - 1] == ' ')
		sb->s[--sb->len] = '\0';
}

/* Print every intake f selects; a store_rc. */
static int
list_print(struct store *s, const struct query_filter *f, char **errp)
{
	struct query_cursor		*c;
	const struct query_intake	*in;
	struct strbuf			 line, fit;
	size_t				 width = cli_term_width(20);
	long				 n = 0;
	int				 rc;

	if ((rc = query_cursor_new(s, f, 0, &c, errp)) != STORE_OK)
		return rc;
	strbuf_init(&line);
	strbuf_init(&fit);
	list_line(&line, NULL, width);
	textsafe_fit(&fit, line.s, width, 0);
	printf("%s\n", fit.s);
	while ((rc = query_cursor_next(c, &in, errp)) > 0) {
		list_line(&line, in, width);
		strbuf_reset(&fit);
		textsafe_fit(&fit, line.s, width, 0);
		printf("%s\n", fit.s);
		n++;
	}
	if (rc == 0)
		printf("%ld intake%s\n", n, n == 1 ? "" : "s");
	strbuf_done(&line);
	strbuf_done(&fit);
	query_cursor_free(c);
	return rc;
}

int
cmd_list(int argc, char **argv)
{
	struct query_filter	 f = { 0 };
	struct store		*s;
	const char		*db = NULL, *config = NULL;
	const struct cli_opt	 opts[] = {
		{ "since", 's', &f.since, NULL },
		{ "until", 'u', &f.until, NULL },
		{ "status", 'S', &f.status, NULL },
		{ "kiosk", 'k', &f.kiosk, NULL },
		{ "clinic", 'C', &f.clinic, NULL },
		{ "db", 'D', &db, NULL },
		{ "config", 'c', &config, NULL },
		{ NULL, 0, NULL, NULL }
	};
	char			*err = NULL;
	int			 first, rc;

	if ((rc = cli_parse(argc, argv, opts, 0, list_usage, &first)) >= 0)
		return rc;
	if ((rc = cli_open_filtered("list", &f, db, config, CLI_READ,
	    &s)) != 0)
		return rc;
	rc = list_print(s, &f, &err);
	return cli_report_done("list", s, rc, err);
}
