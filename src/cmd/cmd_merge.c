/*
 * cmd_merge.c: "smp-intake merge OTHER.db": bring another kiosk's intakes
 * into this database.
 *
 * OTHER.db is opened read-only and checked like any database; intakes
 * whose id is not here yet come in with their answers, result lines and
 * form text, in one transaction (docs/storage.md).  Intake ids are UUIDs,
 * so kiosks never collide, and merging twice adds nothing.
 */
#include <stdio.h>
#include <stdlib.h>

#include "base/xmalloc.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "store/store.h"

/* Print the usage to fp. */
static void
merge_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake merge [--db DB] [--config FILE] "
	    "OTHER.db\n"
	    "Copy the intakes of OTHER.db that this database lacks (by id), "
	    "with their\nanswers, results and form versions.  OTHER.db is "
	    "only read.\n"
	    "  -d, --db DB        database (else $SMP_INTAKE_DB, else the "
	    "config file's)\n"
	    "  -c, --config FILE  configuration file\n"
	    "Exit status: 0 merged, 64 usage, 65 a damaged or newer "
	    "database, 66 OTHER.db\nmissing, 73 cannot create the "
	    "database, 74 I/O error or disk full,\n75 database busy, 78 bad "
	    "configuration.\n");
}

/* Merge other into the open database s; an exit status. */
static int
merge_run(struct store *s, const char *other)
{
	struct store_merge_counts	 c;
	char				*err = NULL, *detail;
	int				 rc;

	if ((rc = store_merge(s, other, &c, &err)) == STORE_OK) {
		detail = xasprintf("%d intakes (%d already present, %d "
		    "erased here), %d forms from another database", c.intakes,
		    c.present, c.erased, c.forms);
		rc = store_audit(s, store_actor(), "merge", detail, &err);
		free(detail);
	}
	if (rc == STORE_OK) {
		printf("merged %d intake%s (%d already present), %d form%s\n",
		    c.intakes, c.intakes == 1 ? "" : "s", c.present, c.forms,
		    c.forms == 1 ? "" : "s");
		if (c.erased > 0)
			printf("not brought back: %d intake%s erased here\n",
			    c.erased, c.erased == 1 ? "" : "s");
	}
	else
		fprintf(stderr, "smp-intake: merge: %s\n", err);
	free(err);
	return cli_stdout_status("merge", store_exit_status(rc));
}

/* smp-intake merge: see the file comment. */
int
cmd_merge(int argc, char **argv)
{
	struct store	*s;
	const char	*db = NULL, *config = NULL;
	const struct cli_opt opts[] = {
		{ "db", 'd', &db, NULL },
		{ "config", 'c', &config, NULL },
		{ NULL, 0, NULL, NULL }
	};
	int		 first, rc;

	if ((rc = cli_parse(argc, argv, opts, 1, merge_usage, &first)) >= 0)
		return rc;
	if ((rc = cli_open_store("merge", db, config, CLI_CREATE, &s)) != 0)
		return rc;
	rc = merge_run(s, argv[first]);
	store_close(s);
	return rc;
}
