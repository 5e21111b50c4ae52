/*
 * cmd_erase.c: "smp-intake erase ID [--yes]": remove one client's answers
 * and results for good.
 *
 * Unless --yes, the staff member confirms on the terminal (/dev/tty, so a
 * pipe cannot confirm by accident).  The store deletes with secure_delete
 * and truncates the write-ahead log (docs/storage.md); the audit log keeps
 * the id and who erased it.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "store/query.h"
#include "store/store.h"

/* Print the usage to fp. */
static void
erase_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake erase [--yes] [--db DB] "
	    "[--config FILE] ID\n"
	    "ID is the intake id, or its first 8 characters or more.\n"
	    "Erase one intake (its answers and results) for good; the "
	    "audit log keeps its id.\n"
	    "  -y, --yes          do not ask for confirmation\n"
	    "  -d, --db DB        database (else $SMP_INTAKE_DB, else the "
	    "config file's)\n"
	    "  -c, --config FILE  configuration file\n"
	    "Exit status: 0 erased, 1 not confirmed, 64 usage, 66 no such "
	    "intake or database,\n73 read-only, 74 I/O error, 75 database "
	    "busy, 78 bad configuration.\n");
}

/* Ask on the terminal; true if the answer is "yes". */
static bool
erase_confirm(const char *id)
{
	FILE	*tty;
	char	 line[64];
	bool	 yes = false;

	if ((tty = fopen("/dev/tty", "r+")) == NULL) {
		fprintf(stderr, "smp-intake: erase: no terminal to confirm "
		    "on; use --yes\n");
		return false;
	}
	fprintf(tty, "Erase all answers of intake %s for good? Type yes: ",
	    id);
	fflush(tty);
	if (fgets(line, sizeof(line), tty) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		yes = strcmp(line, "yes") == 0;
	}
	fclose(tty);
	return yes;
}

/*
 * No intake is id: if it was erased here before, and another program kept
 * an old copy in the file (erase said so, naming the full id), clear it
 * now; else report notfound_err (taken).  An exit status.
 */
static int
erase_again(struct store *s, const char *id, char *notfound_err)
{
	char	*err = NULL;
	int	 rc;

	if ((rc = store_erase_again(s, id, &err)) == STORE_OK)
		printf("intake %s was already erased; its old copy is now "
		    "cleared from the file\n", id);
	else if (rc == STORE_NOTFOUND)
		fprintf(stderr, "smp-intake: erase: %s\n", notfound_err);
	else
		fprintf(stderr, "smp-intake: erase: %s\n", err);
	free(notfound_err);
	free(err);
	return store_exit_status(rc);
}

/* Erase the intake whose id starts with prefix from the open store s;
   prints, returns an exit status. */
static int
erase_run(struct store *s, const char *prefix, bool ask)
{
	char	*id = NULL, *err = NULL;
	int	 rc;

	if ((rc = query_resolve_id(s, prefix, &id, &err)) == STORE_NOTFOUND)
		return erase_again(s, prefix, err);
	if (rc == STORE_ERR) {		/* too short or ambiguous: as show */
		fprintf(stderr, "smp-intake: erase: %s\n", err);
		free(err);
		return SMP_EXIT_USAGE;
	}
	if (rc != STORE_OK)
		goto out;
	if (ask && !erase_confirm(id)) {
		fprintf(stderr, "smp-intake: erase: not confirmed; nothing "
		    "erased\n");
		free(id);
		return SMP_EXIT_FAIL;
	}
	rc = store_erase(s, id, store_actor(), &err);
	if (rc == STORE_OK)
		printf("erased %s\n", id);
out:
	if (rc != STORE_OK)
		fprintf(stderr, "smp-intake: erase: %s\n", err);
	free(err);
	free(id);
	return store_exit_status(rc);
}

/* smp-intake erase: see the file comment. */
int
cmd_erase(int argc, char **argv)
{
	struct store	*s;
	const char	*db = NULL, *config = NULL;
	bool		 yes = false;
	const struct cli_opt opts[] = {
		{ "yes", 'y', NULL, &yes },
		{ "db", 'd', &db, NULL },
		{ "config", 'c', &config, NULL },
		{ NULL, 0, NULL, NULL }
	};
	int		 first, rc;

	if ((rc = cli_parse(argc, argv, opts, 1, erase_usage, &first)) >= 0)
		return rc;
	if ((rc = cli_open_store("erase", db, config, CLI_EXISTING, &s)) != 0)
		return rc;
	rc = erase_run(s, argv[first], !yes);
	store_close(s);
	return rc;
}
