/*
 * cmd_audit.c: "smp-intake audit [--since DATE] [--until DATE]": print
 * the audit log (every staff action: who, when, what) as a table.
 *
 * Dates are local calendar days, both ends included, as in list and
 * export.  Stored text goes through textsafe, so an odd $USER cannot drive
 * the terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/strbuf.h"
#include "base/textsafe.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "store/query.h"
#include "store/store.h"

/* Print the usage to fp. */
static void
audit_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake audit [--since DATE] [--until DATE] "
	    "[--db DB] [--config FILE]\n"
	    "Print the audit log: when (UTC), who, what, and its detail.\n"
	    "  -s, --since DATE   from this day (YYYY-MM-DD, local time)\n"
	    "  -u, --until DATE   up to and including this day\n"
	    "  -d, --db DB        database (else $SMP_INTAKE_DB, else the "
	    "config file's)\n"
	    "  -c, --config FILE  configuration file\n"
	    "Exit status: 0 ok, 64 usage, 65 damaged database, 66 no "
	    "database, 74 I/O error,\n75 database busy, 78 bad "
	    "configuration.\n");
}

/* Append text made safe, cut or padded to cols columns, and a gap. */
static void
audit_cell(struct strbuf *sb, const char *text, size_t cols)
{
	struct strbuf	safe;

	strbuf_init(&safe);
	textsafe_add(&safe, text, strlen(text), 0);
	textsafe_fit(sb, safe.s, cols, 1);
	strbuf_adds(sb, "  ");
	strbuf_done(&safe);
}

/* Print one entry as a table row. */
static int
audit_row(void *ctx, const struct store_audit_entry *e)
{
	struct strbuf	*sb = ctx;

	strbuf_reset(sb);
	audit_cell(sb, e->at, 24);
	audit_cell(sb, e->actor, 12);
	audit_cell(sb, e->action, 8);
	textsafe_add(sb, e->detail, strlen(e->detail), 0);
	strbuf_addc(sb, '\n');
	return fwrite(sb->s, 1, sb->len, stdout) == sb->len ? 0 : 1;
}

/* Print the log of s between the bounds; an exit status. */
static int
audit_print(struct store *s, const char *since, const char *until)
{
	struct strbuf	 sb;
	char		*err = NULL;
	int		 rc;

	strbuf_init(&sb);
	printf("%-24s  %-12s  %-8s  %s\n", "time (UTC)", "actor", "action",
	    "detail");
	rc = store_audit_each(s, since, until, audit_row, &sb, &err);
	strbuf_done(&sb);
	if (rc != STORE_OK) {
		fprintf(stderr, "smp-intake: audit: %s\n", err);
		free(err);
		return store_exit_status(rc);
	}
	return cli_stdout_status("audit", SMP_EXIT_OK);
}

/* A day bound of option name; -1 after printing a usage error. */
static int
audit_bound(const char *name, const char *date, int next_day, char *buf)
{
	if (date == NULL)
		return 0;
	if (query_day_bound(date, next_day, buf) < 0) {
		fprintf(stderr, "smp-intake: audit: --%s: '%s' is not a date "
		    "(YYYY-MM-DD)\n", name, date);
		return -1;
	}
	return 0;
}

/* smp-intake audit: see the file comment. */
int
cmd_audit(int argc, char **argv)
{
	struct store	*s;
	const char	*db = NULL, *config = NULL, *since = NULL;
	const char	*until = NULL;
	const struct cli_opt opts[] = {
		{ "since", 's', &since, NULL },
		{ "until", 'u', &until, NULL },
		{ "db", 'd', &db, NULL },
		{ "config", 'c', &config, NULL },
		{ NULL, 0, NULL, NULL }
	};
	char		 lo[32], hi[32];
	int		 first, rc;

	if ((rc = cli_parse(argc, argv, opts, 0, audit_usage, &first)) >= 0)
		return rc;
	if (audit_bound("since", since, 0, lo) < 0 ||
	    audit_bound("until", until, 1, hi) < 0)
		return SMP_EXIT_USAGE;
	if ((rc = cli_open_store("audit", db, config, CLI_READ, &s)) != 0)
		return rc;
	rc = audit_print(s, since != NULL ? lo : NULL,
	    until != NULL ? hi : NULL);
	store_close(s);
	return rc;
}
