/*
 * smp_score.h: scoring a set of answers against a form's rules.
 *
 * The score is the sum of the points of every chosen option plus every
 * "points" rule whose condition holds, clamped to 0..100; the band is the
 * one with the highest "min" not above the score, unless a flag that holds
 * has "cap BAND": then the band is at most BAND (the lowest cap wins), and
 * the score itself is left as it is.  Hard stops override the
 * score (they are listed, and a consumer shows them first), flags ask for
 * the practitioner's review, recommendations are listed with at most one
 * per group (the first whose condition holds, in form order).
 *
 * Every contribution is a line of the result, so staff can see why: a
 * result is its own explanation.  Same answers, same result.
 */
#ifndef SMP_SCORE_H
#define SMP_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "form/expr_eval.h"
#include "form/form.h"

enum score_kind {
	SC_POINTS,	/* option points (q, opt set) or a points rule */
	SC_STOP,
	SC_FLAG,
	SC_RECOMMEND
};

/*
 * What a finished intake comes to, in order of precedence: a stop that is
 * not-offered outranks a deferral, which outranks a clearance, which
 * outranks the band (domain §7.4).  Every stop is still listed.
 */
enum score_outcome {
	OUTCOME_BAND,		/* no stop: the band (capped by flags) */
	OUTCOME_CLEARANCE,	/* pending a document; score internal */
	OUTCOME_DEFERRED,	/* not now; no score */
	OUTCOME_NOT_OFFERED	/* not at all; no score */
};

struct score_line {
	enum score_kind	 kind;
	int		 recheck;	/* SC_STOP deferral: its re-check date
					   (day number), or -1 */
	bool		 recheck_unknown; /* SC_STOP: its "recheck" date
					   could not be computed (the client
					   does not remember) */
	int		 points;	/* SC_POINTS: the contribution */
	const struct form_rule *rule;	/* the rule, or NULL for option
					   points */
	const struct form_question *q;	/* option points: the question */
	const struct form_option *opt;	/* option points: the option */
};

struct score_result {
	enum score_outcome outcome;
	bool		 scored;	/* false for a hard stop (deferred, not
					   offered): no points, score, band */
	int		 recheck;	/* deferred: the latest re-check date of
					   its deferrals (day number), or -1 */
	bool		 recheck_unknown; /* deferred: some date is unknown,
					   the practitioner decides */
	int		 raw;		/* sum before clamping */
	int		 score;		/* 0..100; with a clearance stop for
					   staff only (internal), never shown
					   as a band */
	const struct form_band *band;	/* NULL if the form has no bands or a
					   stop applies */
	const struct form_rule *capped_by; /* flag whose "cap" lowered the
					   band, or NULL */
	struct score_line *lines;	/* in order: points (form order),
					   stops, flags, recommendations */
	size_t		 nlines;
	size_t		 nstops, nflags, nrecs;
};

/* Score the answers env gives.  The result borrows f; free with
   score_free. */
struct score_result *score_compute(const struct form *f,
		     const struct expr_env *env);
void		 score_free(struct score_result *r);

/* "band", "clearance", "deferred", "not-offered". */
const char	*score_outcome_name(enum score_outcome o);
/* The outcome as one word people filter by: the stop's kind, else the
   band's id ("scored" when the form has no bands).  Borrowed. */
const char	*score_outcome_code(const struct score_result *r);
/*
 * What the outcome waits for, in lang: a deferral's wordings ("once
 * healed") and "the practitioner decides the date" when a date is not
 * known; a clearance's documents; "" otherwise.  The date itself is
 * r->recheck.  Caller frees.
 */
char		*score_outcome_note(const struct form *f,
		     const struct score_result *r, int lang);
/* "a date is not known: the practitioner decides", in lang. */
const char	*score_unknown_date_words(const struct form *f, int lang);
/* The stop kind of a rule, as the outcome it leads to. */
enum score_outcome score_stop_outcome(const struct form_rule *ru);

/* Kind as a word: "points", "stop", "flag", "recommend". */
const char	*score_kind_name(enum score_kind k);
/* A stable code for the line: rule id, or "question=code". Caller frees. */
char		*score_line_code(const struct score_line *l);
/*
 * The line as staff read it, e.g. "Norwood stage: Stage 5: +15 points" or
 * "Stop: Under 18".  Caller frees.
 */
char		*score_line_text(const struct score_line *l, int lang);
/* The whole result as readable text (staff view), appended to sb. */
void		 score_format_text(const struct form *f,
		     const struct score_result *r, int lang,
		     struct strbuf *sb);
/* The whole result as one JSON object, appended to sb. */
void		 score_format_json(const struct form *f,
		     const struct score_result *r, int lang,
		     struct strbuf *sb);
/* A staff word in the form's language lang: es for Spanish, else en
   (staff views follow the chosen language).  Borrowed. */
const char	*score_staff_word(const struct form *f, int lang,
		     const char *en, const char *es);

#endif
