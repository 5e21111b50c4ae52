/*
 * fuzz_form.c: libFuzzer target for the form parser and checker.  Any
 * input must either load or be refused with diagnostics, never crash or
 * leak; pictures are not read (FORM_NO_ART).
 */
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "form/form.h"
#include "form/form_load.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag	*d;
	struct form	*f;
	size_t		 i;

	if (size > 65536)
		return 0;
	d = diag_new("fuzz.form", 0);
	f = form_load_text("fuzz.form", (const char *)data, size, NULL,
	    FORM_NO_ART, d);
	for (i = 0; i < diag_kept(d); i++)
		(void)diag_message(d, i);
	if (f != NULL && f->nquestions > 0)
		(void)form_question(f, f->questions[0].id);
	form_free(f);
	diag_free(d);
	return 0;
}
