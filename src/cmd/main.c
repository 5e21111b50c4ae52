/*
 * main.c: smp-intake's entry point: pick the sub-command and run it.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "base/defs.h"
#include "cmd/cmd.h"

static const struct {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*summary;
} commands[] = {
	{ "kiosk", cmd_kiosk, "run the client questionnaire on this terminal" },
	{ "check", cmd_check, "check form files and report every error" },
	{ "print", cmd_print, "print a form as plain text (paper fallback)" },
	{ "score", cmd_score, "score an answers file without any screen" },
	{ "record", cmd_record, "store a paper intake from an answers file" },
	{ "list", cmd_list, "list intakes" },
	{ "show", cmd_show, "show one consultation" },
	{ "export", cmd_export, "export intakes as CSV" },
	{ "stats", cmd_stats, "counts by band, stage, week, stops, flags" },
	{ "erase", cmd_erase, "erase one client's data for good" },
	{ "audit", cmd_audit, "print the audit log" },
	{ "merge", cmd_merge, "bring in another kiosk's database" },
	{ "sync", cmd_sync, "send waiting intakes to the clinic's server" },
	{ "set-pin", cmd_set_pin, "set the staff PIN in a config file" },
};

static void
usage(FILE *fp)
{
	size_t	i;

	fprintf(fp, "usage: smp-intake COMMAND [OPTIONS] [ARGS]\n"
	    "       smp-intake --version | --help\n\ncommands:\n");
	for (i = 0; i < SMP_NELEM(commands); i++)
		fprintf(fp, "  %-8s %s\n", commands[i].name,
		    commands[i].summary);
	fprintf(fp, "\n'smp-intake COMMAND --help' describes each command.\n"
	    "exit status: 0 ok, 64 usage, 65 bad form or answers, 66 missing "
	    "input,\n  73 cannot create output, 74 I/O error, 75 database "
	    "busy, 78 bad config, 1 other.\n");
}

int
main(int argc, char **argv)
{
	size_t	i;

	setlocale(LC_ALL, "");
	if (argc < 2) {
		usage(stderr);
		return SMP_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return SMP_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("smp-intake %s\n", SMP_VERSION);
		return SMP_EXIT_OK;
	}
	for (i = 0; i < SMP_NELEM(commands); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "smp-intake: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return SMP_EXIT_USAGE;
}
