/*
 * fuzz_answers.c: libFuzzer target for the answers CSV reader of paper
 * intakes (src/engine/answers.c) and what "score" and "record" do next:
 * a file that parses is given, row by row, to an engine over the shipped
 * consultation form (parsed once), and a complete set is scored.  Any
 * input must be read or refused with a message, never crash or leak.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/date.h"
#include "base/diag.h"
#include "base/strbuf.h"
#include "engine/answers.h"
#include "engine/engine.h"
#include "engine/intake.h"
#include "engine/score.h"
#include "form/form.h"
#include "form/form_load.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The form every input is answered against, loaded on the first call. */
static struct form *form;

/* The shipped form ($FUZZ_FORM overrides), or abort: a fuzz run that
   cannot load it would test nothing past the reader. */
static void
load_form(void)
{
	const char	*path = getenv("FUZZ_FORM");
	struct diag	*d;

	if (path == NULL)
		path = "forms/smp-consultation.form";
	d = diag_new(path, 0);
	form = form_load(path, FORM_NO_ART, d, NULL);
	diag_free(d);
	if (form == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct answers		 a = { NULL, 0 };
	struct score_result	*res;
	struct engine		*e;
	struct expr_env		 env;
	struct strbuf		 msgs;
	char			*err = NULL;

	if (form == NULL)
		load_form();
	if (answers_parse("fuzz.csv", (const char *)data, size, &a, &err) !=
	    ANSWERS_OK) {
		free(err);
		answers_done(&a);
		return 0;
	}
	e = engine_new(form, 0, date_from_ymd(2026, 6, 15), NULL);
	strbuf_init(&msgs);
	if (intake_apply_answers(e, &a, "fuzz.csv", &msgs, &msgs) == 0) {
		engine_env(e, &env);
		res = score_compute(form, &env);
		score_free(res);
	}
	strbuf_done(&msgs);
	engine_free(e);
	answers_done(&a);
	return 0;
}
