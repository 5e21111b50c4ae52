/*
 * cmd_score.c: "smp-intake score --form FORM [--json] [--lang CODE]
 * ANSWERS.csv": score a set of answers without any UI.
 *
 * The answers go through a throwaway engine exactly as a client's would
 * (same canonical values, same validation), in form order so that a
 * "validate" looking at an earlier question sees it whatever the row
 * order: intake_apply_answers, as "record" does, with no store.  Every
 * problem is printed (unknown question, invalid value, missing required
 * answer or acknowledgement) before exiting 65; answers to questions the
 * other answers hide are only warned about.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/date.h"
#include "base/defs.h"
#include "base/strbuf.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "engine/answers.h"
#include "engine/engine.h"
#include "engine/intake.h"
#include "engine/score.h"
#include "form/form.h"
#include "form/form_load.h"

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

/*
 * Score the answers of a (read from path) in language lang and print the
 * result; every problem goes to stderr first.  Returns the exit status.
 */
static int
score_answers(const struct form *f, int lang, const struct answers *a,
    const char *path, bool json)
{
	struct score_result	*res;
	struct engine		*e;
	struct expr_env		 env;
	struct strbuf		 msgs, sb;
	int			 n, rc = SMP_EXIT_OK;

	e = engine_new(f, lang, date_today(), NULL);
	strbuf_init(&msgs);
	/* Problems and warnings in one buffer, in the order they arise. */
	n = intake_apply_answers(e, a, path, &msgs, &msgs);
	fputs(msgs.s, stderr);
	strbuf_done(&msgs);
	if (n > 0) {
		fprintf(stderr, "%s: %d problem%s; not scored\n", path, n,
		    n == 1 ? "" : "s");
		engine_free(e);
		return SMP_EXIT_DATAERR;
	}
	engine_env(e, &env);
	res = score_compute(f, &env);
	strbuf_init(&sb);
	if (json) {
		score_format_json(f, res, lang, &sb);
		strbuf_addc(&sb, '\n');
	} else
		score_format_text(f, res, lang, &sb);
	if (fwrite(sb.s, 1, sb.len, stdout) != sb.len || fflush(stdout) != 0)
		rc = SMP_EXIT_IOERR;
	strbuf_done(&sb);
	score_free(res);
	engine_free(e);
	return rc;
}

/* smp-intake score: see the file comment. */
int
cmd_score(int argc, char **argv)
{
	struct answers		 a;
	struct form		*f;
	const char		*form = NULL, *lang = NULL, *path;
	bool			 json = false;
	const struct cli_opt	 opts[] = {
		{ "form", 'f', &form, NULL },
		{ "json", 'j', NULL, &json },
		{ "lang", 'l', &lang, NULL },
		{ NULL, 0, NULL, NULL }
	};
	char			*err = NULL;
	int			 first, rc, l = 0;

	if ((rc = cli_parse(argc, argv, opts, 1, score_usage, &first)) >= 0)
		return rc;
	if (form == NULL) {
		score_usage(stderr);
		return SMP_EXIT_USAGE;
	}
	path = argv[first];
	if ((rc = cli_load_form(form, FORM_NO_ART, &f)) != 0)
		return rc;
	if (lang != NULL && (l = form_lang(f, lang)) < 0) {
		fprintf(stderr, "smp-intake: %s: the form has no language "
		    "'%s'\n", form, lang);
		form_free(f);
		return SMP_EXIT_USAGE;
	}
	if ((rc = answers_read(path, &a, &err)) != ANSWERS_OK) {
		fprintf(stderr, "%s%s\n", rc == ANSWERS_NOFILE ?
		    "smp-intake: " : "", err);
		rc = rc == ANSWERS_NOFILE ? SMP_EXIT_NOINPUT : SMP_EXIT_DATAERR;
	} else
		rc = score_answers(f, l, &a, path, json);
	free(err);
	answers_done(&a);
	form_free(f);
	return rc;
}
