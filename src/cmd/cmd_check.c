/*
 * cmd_check.c: "smp-intake check FORM...": load each form and print one
 * summary line for it, or every problem found on stderr.
 */
#include <stdio.h>
#include <stdlib.h>

#include "base/defs.h"
#include "base/i18n.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "form/form.h"
#include "form/form_load.h"

/* The help text of check */
static void
check_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake check FORM...\n"
	    "       smp-intake check --phrases\n\n"
	    "Check each form file whole and print one line per form:\n"
	    "  FORM: ok: form ID vN, S sections, Q questions, K screens, "
	    "R rules, languages L...\n"
	    "or every problem as FORM:LINE:COL: message on stderr.\n\n"
	    "  --phrases  list the phrase keys a form may override, with "
	    "their English text\n"
	    "  --help     show this help\n\n"
	    "exit status: 0 all ok, 64 usage, 65 a form has errors, "
	    "66 a file cannot be read\n");
}

/* Print every phrase key and its English text. */
static void
list_phrases(void)
{
	int	k;

	for (k = 0; k < PHRASE__COUNT; k++)
		printf("%-22s %s\n", i18n_phrase_name((enum phrase)k),
		    i18n_builtin((enum phrase)k, "en"));
}

/* Print the summary line of a good form. */
static void
summary(const char *path, const struct form *f)
{
	int	l;

	printf("%s: ok: form %s v%d, %zu section%s, %zu question%s, "
	    "%zu screen%s, %zu rule%s, languages", path, f->id, f->version,
	    f->nsections, f->nsections == 1 ? "" : "s", f->nquestions,
	    f->nquestions == 1 ? "" : "s", f->nscreens,
	    f->nscreens == 1 ? "" : "s", f->nrules, f->nrules == 1 ? "" : "s");
	for (l = 0; l < f->nlangs; l++)
		printf(" %s", f->langs[l]);
	printf("\n");
}

/* Check one form file; returns its exit status. */
static int
check_one(const char *path)
{
	struct form	*f;
	int		 rc;

	if ((rc = cli_load_form(path, 0, &f)) == 0)
		summary(path, f);
	form_free(f);
	return rc;
}

/* smp-intake check [--phrases] FORM */
int
cmd_check(int argc, char **argv)
{
	bool			phrases = false;
	const struct cli_opt	opts[] = {
		{ "phrases", 'p', NULL, &phrases },
		{ NULL, 0, NULL, NULL }
	};
	int			i, rc, r;

	if ((rc = cli_parse(argc, argv, opts, CLI_ANY, check_usage, &i)) >= 0)
		return rc;
	if (phrases && i == argc) {
		list_phrases();
		return SMP_EXIT_OK;
	}
	if (phrases || i == argc) {
		check_usage(stderr);
		return SMP_EXIT_USAGE;
	}
	for (rc = SMP_EXIT_OK; i < argc; i++) {
		r = check_one(argv[i]);
		if (r > rc)
			rc = r;
	}
	return rc;
}
