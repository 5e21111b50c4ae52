/*
 * cmd_show.c: "smp-intake show ID": the consultation summary (summary.c)
 * on stdout, as text or --json.  Each show is written to the audit log
 * (the id only).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/defs.h"
#include "base/strbuf.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "report/summary.h"
#include "store/query.h"

/* The command's help. */
static void
show_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake show ID [--json] [--lang CODE] "
	    "[--db DB] [--config FILE]\n"
	    "One consultation: who, when, stops, band and score, flags, "
	    "recommendations,\nthe explanation and every answer.  ID: the "
	    "intake id or its first 8+ characters.\n");
}

/* Print the summary of intake id; a store_rc or SUMMARY_BADLANG. */
static int
show_print(struct store *s, const char *id, bool json, const char *lang,
    char **errp)
{
	struct strbuf	 sb;
	int		 rc;

	strbuf_init(&sb);
	rc = summary_format(s, id, lang, json ? SUMMARY_JSON : 0, &sb, errp);
	if (rc == STORE_OK)
		fputs(sb.s, stdout);
	strbuf_done(&sb);
	return rc;
}

int
cmd_show(int argc, char **argv)
{
	struct store	*s;
	const char	*db = NULL, *config = NULL, *lang = NULL;
	bool		 json = false, bad_id;
	const struct cli_opt opts[] = {
		{ "json", 'j', NULL, &json },
		{ "lang", 'l', &lang, NULL },
		{ "db", 'D', &db, NULL },
		{ "config", 'c', &config, NULL },
		{ NULL, 0, NULL, NULL }
	};
	char		*id = NULL, *err = NULL;
	int		 first, rc;

	if ((rc = cli_parse(argc, argv, opts, 1, show_usage, &first)) >= 0)
		return rc;
	if ((rc = cli_open_store("show", db, config, CLI_AUDITED, &s)) != 0)
		return rc;
	/* Audited before it prints: what reaches the screen cannot be
	   taken back, so no audit entry, no data. */
	if ((rc = query_resolve_id(s, argv[first], &id, &err)) == STORE_OK &&
	    (rc = store_audit(s, store_actor(), "show", id, &err)) ==
	    STORE_OK)
		rc = show_print(s, id, json, lang, &err);
	if (rc < 0 || rc == SUMMARY_BADLANG)
		fprintf(stderr, "smp-intake: show: %s\n", err);
	/* Decided before id is freed: a freed pointer's value may not be
	   read, not even to compare it with NULL. */
	bad_id = rc == STORE_ERR && id == NULL;
	free(err);
	free(id);
	store_close(s);
	if (rc == SUMMARY_BADLANG || bad_id)
		return SMP_EXIT_USAGE;
	return cli_stdout_status("show", rc == STORE_OK ? SMP_EXIT_OK :
	    store_exit_status(rc));
}
