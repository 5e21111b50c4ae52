/*
 * smp_intake.h: one client's intake, from first answer to stored result.
 *
 * Glue between the engine (which knows the form) and the store (which
 * knows the database): it starts an intake row, gives the engine a sink
 * that saves each answer as it is given, and on completion scores the
 * answers and stores the result lines.  Used by the kiosk and by
 * "smp-intake record" alike, so paper and kiosk intakes are identical.
 */
#ifndef SMP_INTAKE_H
#define SMP_INTAKE_H

#include "engine/answers.h"
#include "engine/engine.h"
#include "form/form.h"
#include "engine/score.h"
#include "store/store.h"
#include "base/strbuf.h"

struct intake;

/*
 * Every intake_* function returns STORE_OK or a negative enum store_rc
 * (map it with store_exit_status) and sets *errp (caller frees).
 */

/* Begin an intake of form f (already put in the store, with its hash). */
int	intake_begin(struct store *s, const struct form *f,
	    const char *form_hash, int lang, int today, const char *kiosk_id,
	    const char *source, struct intake **ip, char **errp);
struct engine *intake_engine(struct intake *in);
const char *intake_id(const struct intake *in);
/* engine_finish, score, store the result; *resp (optional) borrows the
   result until intake_free. */
int	intake_complete(struct intake *in, const struct score_result **resp,
	    char **errp);
/* Store as abandoned (idle timeout, SIGTERM). */
int	intake_abandon(struct intake *in, char **errp);
/* Free, wiping answers from memory. */
void	intake_free(struct intake *in);
/* The store_rc of the last answer the sink failed to save (the engine
   reports it as ENGINE_SINK), or STORE_OK. */
int	intake_store_rc(const struct intake *in);

/*
 * Give the answers of a (read from path) to engine e in form order, as a
 * client would: every problem (unknown id, invalid value, twice given,
 * missing required answer or acknowledgement) is appended to probs as a
 * line "path:LINE: message\n"; answers the others hide are warned about in
 * warns (may be NULL).  Returns the number of problems.
 */
int	intake_apply_answers(struct engine *e, const struct answers *a,
	    const char *path, struct strbuf *probs, struct strbuf *warns);

#endif
