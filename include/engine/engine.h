/*
 * smp_engine.h: one client's walk through a form.  Pure state machine: no
 * terminal, no database.
 *
 * The engine borrows a checked form (which must outlive it) and keeps the
 * answers in memory.  The caller drives it with requests (answer, next,
 * back, jump, finish) and reads its state through const accessors.  Every
 * answer that changes is handed at once to the sink (the store, in the
 * kiosk), so a saved answer never waits for the end of the questionnaire.
 *
 * Positions are item indexes (form->items).  Only visible items are ever
 * current: an item is visible when its own "show if" and its section's
 * "show if" hold over the answers given so far.  Answers of questions that
 * become hidden are kept in memory (the client may come back) but count
 * nowhere: not in conditions, not in the score; engine_finish() clears
 * them through the sink, so what is stored is what counts.
 *
 * Call order: engine_new; then any of answer/ack/next/back/jump while
 * engine_pos() >= 0; at ENGINE_REVIEW, jump (to change an answer: the next
 * engine_next() returns to review) or finish; engine_free.
 */
#ifndef SMP_ENGINE_H
#define SMP_ENGINE_H

#include <stdbool.h>

#include "form/expr_eval.h"
#include "form/form.h"

#define ENGINE_REVIEW	(-1)	/* engine_pos() on the review screen */
#define ENGINE_DONE	(-2)	/* after engine_finish() */

enum engine_rc {
	ENGINE_OK = 0,
	ENGINE_INVALID = -1,	/* *msgp: message for the client */
	ENGINE_SINK = -2	/* the sink failed; *msgp: its error */
};

/* Where answers go as they are given. */
struct engine_sink {
	/*
	 * id is a question id or an acknowledged screen's id; value is the
	 * canonical value, or NULL when the answer is cleared.  Return 0, or
	 * -1 with *errp set to an allocated message: the change is undone.
	 */
	int	(*put)(void *ctx, const char *id, const char *value,
		    char **errp);
	void	*ctx;
};

struct engine;

/* lang: index in f->langs; today: day number for age()/today(). */
struct engine	*engine_new(const struct form *f, int lang, int today,
		     const struct engine_sink *sink);
/* Free the engine, overwriting every answer first. */
void		 engine_free(struct engine *e);

const struct form *engine_form(const struct engine *e);
int		 engine_lang(const struct engine *e);
void		 engine_set_lang(struct engine *e, int lang);

/* Current item index, ENGINE_REVIEW or ENGINE_DONE. */
int		 engine_pos(const struct engine *e);
/* Current item, or NULL at review/done. */
const struct form_item *engine_item(const struct engine *e);
bool		 engine_visible(const struct engine *e, int item);
/* n: 1-based place of the current item among visible items; m: count. */
void		 engine_progress(const struct engine *e, int *n, int *m);

/*
 * Validate input for q and, if valid, store its canonical form and pass it
 * to the sink.  input NULL or "" clears the answer (allowed even when
 * required: "required" is enforced by engine_next/finish).  Input forms:
 * choice/yesno a code; multi codes joined by ';' (any order, duplicates
 * ignored); integer/decimal/scale digits (surrounding blanks ignored,
 * decimal comma accepted); date YYYY-MM-DD; text as typed (trailing blanks
 * trimmed, must be valid UTF-8, no control characters but '\n' in
 * longtext).  On ENGINE_INVALID *msgp is the client's message in the
 * engine's language; the caller frees it.  A multi input that mixes an
 * exclusive option with others is refused (err-choice): the kiosk unticks
 * the others itself, so only a typed or paper answer can mix them.  An
 * unchanged value is not passed to the sink again.
 */
int		 engine_answer(struct engine *e, const struct form_question *q,
		     const char *input, char **msgp);
/* As engine_answer, but store nothing (live checking). */
int		 engine_check(const struct engine *e,
		     const struct form_question *q, const char *input,
		     char **msgp);
/* The stored canonical value (even if hidden now), or NULL. */
const char	*engine_value(const struct engine *e,
		     const struct form_question *q);
/* Acknowledge (or withdraw) an "agree" screen; saved through the sink
   with value "agreed" or NULL. */
int		 engine_ack(struct engine *e, const struct form_screen *s,
		     bool agreed, char **msgp);
bool		 engine_acked(const struct engine *e,
		     const struct form_screen *s);

/*
 * Leave the current item forwards.  Fails with ENGINE_INVALID (and a
 * message) if a required question is unanswered or an agree screen is not
 * acknowledged; otherwise moves to the next visible item, or to review.
 * After engine_jump from review it goes to the first later visible item
 * that still needs something (e.g. a required question the changed answer
 * revealed), else straight back to review.  At review it does nothing.
 */
int		 engine_next(struct engine *e, char **msgp);
/* Previous visible item (from review: the last one). -1 at the first. */
int		 engine_back(struct engine *e);
/* Go to a visible item (from review: next() will come back). -1 if not
   visible. */
int		 engine_jump(struct engine *e, int item);
/*
 * From review: check that every visible required question is answered and
 * every visible agree screen acknowledged (else jump to the first that is
 * not and return ENGINE_INVALID), clear hidden answers through the sink,
 * and end the walk (ENGINE_DONE).
 */
int		 engine_finish(struct engine *e, char **msgp);

/* An environment over the visible answers, for expr and score. */
void		 engine_env(const struct engine *e, struct expr_env *env);
/*
 * The answer of q as a client reads it, in language lang: option labels
 * joined by ", ", Yes/No, text as typed; NULL if unanswered.  Caller frees.
 */
char		*engine_display(const struct engine *e,
		     const struct form_question *q, int lang);

#endif
