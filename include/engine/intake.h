/*
 * intake.h: one client's intake, from first answer to kept result.
 *
 * Glue between the engine (which knows the form) and wherever intakes are
 * kept, seen only through the port below (struct intake_store): it begins
 * an intake there, gives the engine a sink that saves each answer the
 * moment it is given, and on completion scores the answers and hands over
 * the result lines.  Used by the kiosk and by "smp-intake record" alike,
 * so paper and kiosk intakes are identical.
 *
 * The engine layer knows no database: store_intake_port() (store/store.h)
 * fills a port for an open store; a test fills one with an in-memory fake.
 */
#ifndef SMP_INTAKE_H
#define SMP_INTAKE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "engine/answers.h"
#include "engine/engine.h"
#include "engine/score.h"
#include "form/form.h"

#define INTAKE_ID_LEN	36	/* an intake's id (UUID text), without NUL */

/* One line of a result as kept (what a score line becomes). */
struct intake_line {
	const char	*kind;	/* "points", "stop", "flag", "recommend" */
	const char	*code;	/* rule id or question=option */
	int		 points;
	const char	*text;	/* in the form's first language */
};

/*
 * What a completed intake comes to, as kept on its row (see engine/score.h
 * enum score_outcome): outcome is a stop's kind ("not-offered",
 * "deferred", "clearance") or, without a stop, the band's id.
 */
struct intake_outcome {
	const char	*outcome;
	const char	*band;		/* NULL whenever a stop applies */
	bool		 has_score;	/* a score people may read: only
					   without a stop */
	int		 score;
	bool		 has_internal;	/* clearance: the score kept for
					   staff only, never shown as a band */
	int		 score_internal;
	const char	*recheck;	/* deferred: YYYY-MM-DD, or NULL */
	const char	*note;		/* what it waits for, first language;
					   NULL or "" for nothing */
	const char	*lang;		/* the language the client finished
					   in (changed mid-way with F5), or
					   NULL: as begun */
};

/*
 * Where intakes are kept: a store's write side.  Call order per intake:
 * begin, then put for every answer change, then complete or abandon.
 * Strings are borrowed for the call only (the port copies what it keeps).
 * Each returns 0, or a negative code of the store (enum store_rc in
 * store/store.h) with *errp set to an allocated message (caller frees).
 */
struct intake_store {
	/* Start an intake of the form kept under form_hash, in language
	   lang (a code), source "kiosk" or "paper"; write its new id,
	   INTAKE_ID_LEN characters and a NUL, into id. */
	int	(*begin)(void *ctx, const char *form_hash,
		    const char *kiosk_id, const char *lang,
		    const char *source, char *id, char **errp);
	/* Save (value != NULL) or delete the answer to question (a
	   question or an acknowledged screen's id), durably: kept once
	   it returns 0.  Refused once the intake is completed. */
	int	(*put)(void *ctx, const char *intake, const char *question,
		    const char *value, char **errp);
	/* Mark the intake completed with its outcome and result lines
	   in order; all of it or nothing. */
	int	(*complete)(void *ctx, const char *intake,
		    const struct intake_outcome *out,
		    const struct intake_line *lines, size_t nlines,
		    char **errp);
	/* Mark the intake abandoned (kept, never dropped). */
	int	(*abandon)(void *ctx, const char *intake, char **errp);
	void	*ctx;		/* given to each; outlives the intakes */
};

struct intake;

/*
 * Every intake_* function returns 0 or a negative code: the port's (for a
 * store, an enum store_rc: map it with store_exit_status), or -1 (equal
 * to STORE_ERR) for a failure of the intake's own; *errp is set (caller
 * frees).
 */

/*
 * Begin an intake of form f, kept under form_hash (for a store, from
 * store_form_put), through port; the intake keeps a copy of *port.
 */
int	intake_begin(const struct intake_store *port, const struct form *f,
	    const char *form_hash, int lang, int today, const char *kiosk_id,
	    const char *source, struct intake **ip, char **errp);
/* The intake's engine (borrowed; freed by intake_free). */
struct engine *intake_engine(struct intake *in);
/* Its id (borrowed), INTAKE_ID_LEN characters. */
const char *intake_id(const struct intake *in);
/* engine_finish, score, hand the result to the port; *resp (optional)
   borrows the result until intake_free. */
int	intake_complete(struct intake *in, const struct score_result **resp,
	    char **errp);
/* Keep as abandoned (idle timeout, SIGTERM). */
int	intake_abandon(struct intake *in, char **errp);
/* Free, wiping answers from memory. */
void	intake_free(struct intake *in);
/* The port's code for the last answer it failed to save (the engine
   reports it as ENGINE_SINK) or for intake_complete's or
   intake_resave's failure, or 0. */
int	intake_store_rc(const struct intake *in);
/*
 * When the store under the port fails for good (its file deleted, say):
 * intake_detach makes the intake stop using the port (every later call
 * through it fails) so the store can close, keeping every answer in
 * memory; intake_resave begins the intake again through port (a new id,
 * in the engine's language) and saves every answer and acknowledgement
 * the engine holds, then writes through port from now on.  An answer the
 * store refused was never taken by the engine: the client gives it again.
 */
void	intake_detach(struct intake *in);
int	intake_resave(struct intake *in, const struct intake_store *port,
	    const char *form_hash, const char *kiosk_id, const char *source,
	    char **errp);

/*
 * Give the answers of a (read from path) to engine e in form order, as a
 * client would: every problem (unknown id, invalid value, twice given,
 * missing required answer or acknowledgement, named with its label in
 * e's language) is appended to probs as a line "path:LINE: message\n"
 * ("path: message\n" when no row is to blame); answers the others hide
 * are warned about in warns (may be NULL, or probs itself to keep every
 * line in order).  Returns the number of problems.
 */
int	intake_apply_answers(struct engine *e, const struct answers *a,
	    const char *path, struct strbuf *probs, struct strbuf *warns);

#endif
