/*
 * smp_summary.h: the consultation summary of one intake, as staff read it
 * ("smp-intake show" and the kiosk's staff menu print the same text).
 */
#ifndef SMP_SUMMARY_H
#define SMP_SUMMARY_H

#include "base/strbuf.h"
#include "store/store.h"

#define SUMMARY_JSON	0x1	/* one JSON object instead of text */
#define SUMMARY_BADLANG	1	/* summary_format: unknown --lang */

/*
 * Append the summary of intake id (a full id) to sb, in language lang (a
 * code; NULL: the intake's own).  Returns STORE_OK, a negative store_rc,
 * or SUMMARY_BADLANG; on failure *errp is an allocated message.
 */
int	summary_format(struct store *s, const char *id, const char *lang,
	    unsigned flags, struct strbuf *sb, char **errp);

#endif
