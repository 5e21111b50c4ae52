/*
 * model.h: the form model: plain data, the same for every reader.
 *
 * A checked form (form/form_load.h) is immutable: callers read these
 * fields through const pointers and never change them.  The form owns
 * everything it points to; form_free() (form/form.h) releases it all.
 * Engines, screens and exports borrow the form, which must outlive them.
 * The accessors of form/form.h look things up; expressions (form/expr.h)
 * read questions straight from here.
 */
#ifndef SMP_MODEL_H
#define SMP_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/i18n.h"

#define FORM_MAX_LANGS	8
#define FORM_MAX_BYTES	(16u * 1024 * 1024)	/* largest form file */
#define FORM_TEXT_MAXLEN	200	/* default maxlen of "text" */
#define FORM_LONGTEXT_MAXLEN	2000	/* default maxlen of "longtext" */

struct expr;	/* smp_expr.h */

/* A position in the form file: 1-based line and column (code points). */
struct form_loc {
	int	line;
	int	col;
};

/*
 * A text in every language of the form: tr[i] is the text in
 * form->langs[i].  A text the form does not give at all has every tr[i]
 * NULL; a text given in one language is given in all (form_check).
 */
struct form_text {
	char	*tr[FORM_MAX_LANGS];
	struct form_loc	 loc;		/* where its first line was given */
};

enum form_qtype {
	QT_CHOICE,	/* one option; value is its code */
	QT_MULTI,	/* any options; value is codes joined by ';' */
	QT_YESNO,	/* value "yes" or "no" */
	QT_TEXT,	/* one line of UTF-8 */
	QT_LONGTEXT,	/* several lines of UTF-8 */
	QT_INTEGER,	/* value like "-12" */
	QT_DECIMAL,	/* value like "72.5" */
	QT_DATE,	/* value "YYYY-MM-DD" ("YYYY-MM" with precision
			   month) */
	QT_SCALE	/* integer from min to max (default 1..5) */
};

struct form_option {
	char		*code;		/* value stored and exported */
	struct form_text label;		/* what the client reads */
	struct form_text help;		/* optional extra line */
	int		 points;	/* score points when chosen */
	bool		 has_points;	/* "points" was given */
	bool		 exclusive;	/* multi: unticks the others ("none") */
	const struct form_art *art;	/* picture, or NULL */
	struct form_text describe;	/* the picture in words (plain mode,
					   speech); required with art */
	struct form_loc	 loc;
};

/* "validate EXPR" with the message the client sees when EXPR is false. */
struct form_validation {
	struct expr	*cond;		/* boolean; true means valid */
	char		*cond_src;	/* its source text, as written */
	struct form_loc	 cond_loc;	/* where that text starts */
	struct form_text message;	/* required in every language */
	struct form_loc	 loc;
};

struct form_question {
	char		*id;		/* [a-z_][a-z0-9_]*, unique */
	enum form_qtype	 type;
	int		 index;		/* position in form->questions */
	int		 item;		/* position in form->items */
	int		 section;	/* index in form->sections, or -1 */
	struct form_text label;		/* the question (required) */
	struct form_text help;		/* help text (optional) */
	struct form_text describe;	/* the picture in words (optional) */
	struct form_text shortname;	/* staff name ("Norwood stage");
					   falls back to label */
	struct form_text low, high;	/* scale end labels (optional) */
	bool		 required;
	bool		 identifier;	/* personal data: dropped by
					   --deidentify */
	bool		 has_min, has_max;
	double		 min, max;	/* number/scale bounds */
	size_t		 maxlen;	/* text: characters; 0 = default */
	bool		 month_precision; /* date: "precision month" */
	char		*pattern;	/* POSIX ERE for text, or NULL */
	void		*pattern_re;	/* compiled regex_t, owned */
	struct form_text pattern_message;
	struct form_loc	 pattern_loc;	/* where the pattern string starts */
	const struct form_art *art;	/* picture for the question */
	struct form_option *options;	/* choice/multi (yesno: yes, no) */
	size_t		 noptions;
	struct expr	*show_if;	/* NULL: always shown */
	char		*show_if_src;	/* its source text, or NULL */
	struct form_loc	 show_if_loc;	/* where that text starts */
	struct form_validation *validations;
	size_t		 nvalidations;
	struct form_loc	 loc;
};

/* An information screen (consent, privacy, FAQ): no answer, maybe "agree". */
struct form_screen {
	char		*id;		/* unique among all ids */
	int		 index;		/* position in form->screens */
	int		 item;
	int		 section;
	struct form_text title;
	struct form_text text;		/* paragraphs joined by "\n\n" */
	struct form_text agree;		/* set: client must acknowledge */
	struct expr	*show_if;
	char		*show_if_src;	/* its source text, or NULL */
	struct form_loc	 show_if_loc;
	struct form_loc	 loc;
};

struct form_section {
	char		*id;
	struct form_text title;
	struct form_text intro;
	struct expr	*show_if;	/* hides every item in it */
	char		*show_if_src;	/* its source text, or NULL */
	struct form_loc	 show_if_loc;
	struct form_loc	 loc;
};

enum form_item_kind {
	ITEM_SCREEN,
	ITEM_QUESTION
};

/* The walk order: screens and questions as written. */
struct form_item {
	enum form_item_kind kind;
	int		 ref;		/* index in screens or questions */
	int		 section;	/* -1: before any section */
};

enum form_rule_kind {
	RULE_POINTS,	/* points ID EXPR if COND */
	RULE_STOP,	/* stop ID if COND: hard stop, overrides the score */
	RULE_FLAG,	/* flag ID [cap BAND] if COND: practitioner must
			   review; with cap, the band is at most BAND */
	RULE_RECOMMEND	/* recommend ID [group G] if COND */
};

/*
 * What a stop means for the client (docs/form-language.md "Stops"):
 * STOP_UNKNOWN only for forms written before stops had kinds (kept in
 * old databases); the engine treats it as a deferral whose re-check the
 * practitioner decides.
 */
enum form_stop_kind {
	STOP_UNKNOWN,
	STOP_CLEARANCE,		/* until a document (doctor's note...) */
	STOP_DEFER,		/* not now: until a date or an event */
	STOP_NOT_OFFERED	/* not offered at all (e.g. under 18) */
};

struct form_rule {
	enum form_rule_kind kind;
	enum form_stop_kind stop_kind;	/* RULE_STOP */
	char		*id;		/* unique among rules */
	struct expr	*cond;		/* boolean */
	struct expr	*points;	/* RULE_POINTS: numeric */
	char		*cond_src;	/* source texts, as written */
	char		*points_src;
	struct form_loc	 cond_loc, points_loc;
	char		*group;		/* RULE_RECOMMEND: first match in a
					   group wins; NULL = no group */
	char		*cap;		/* RULE_FLAG: band id the result is
					   held at (at most), or NULL */
	const struct form_band *cap_band; /* cap, resolved by the checker */
	struct form_loc	 cap_loc;
	struct form_text text;		/* staff text (required) */
	struct form_text client;	/* RULE_STOP: kind client text */
	struct expr	*recheck;	/* STOP_DEFER: re-check date, or NULL */
	char		*recheck_src;
	struct form_loc	 recheck_loc;
	struct form_text until;		/* STOP_DEFER: re-check wording when
					   no date applies */
	struct form_text needs;		/* STOP_CLEARANCE: what to bring */
	struct form_loc	 loc;
};

struct form_band {
	char		*id;
	int		 min;		/* lowest score (0..100) in band */
	struct form_text text;
	struct form_loc	 loc;
};

/*
 * A picture: text art from <form dir>/art/NAME.txt and NAME.ascii.txt,
 * the head seen from above.  A second view, shown beside it where the
 * screen allows, comes from NAME.view.txt (and .view.ascii.txt) when
 * NAME.view.kind names it: "side", "front" (as in a mirror) or "close"
 * (the parting close up); its name is that kind.
 */
struct form_art {
	char		*name;
	char		*utf8;		/* lines joined by '\n' */
	char		*ascii;		/* ASCII-only twin */
	int		 width;		/* columns (wcwidth) of widest line */
	int		 height;	/* lines */
	struct form_art	*view;		/* second view, or NULL */
};

enum form_end {
	END_SUMMARY,	/* kind summary (default) */
	END_THANKS,	/* thanks only */
	END_SCORE	/* summary plus the band */
};

struct form {
	char		*path;		/* file it came from */
	char		*id;
	int		 version;
	char		*langs[FORM_MAX_LANGS];
	int		 nlangs;
	struct form_text title;
	enum form_end	 end;
	struct form_text phrases[PHRASE__COUNT];	/* overrides */
	struct form_section *sections;	size_t nsections;
	struct form_item *items;	size_t nitems;
	struct form_question *questions; size_t nquestions;
	struct form_screen *screens;	size_t nscreens;
	struct form_rule *rules;	size_t nrules;
	struct form_band *bands;	size_t nbands;	/* ascending min */
	struct form_art	*arts;		size_t narts;
	char		*source;	/* the exact file text */
	size_t		 source_len;
	void		*index;		/* private: id lookup (form.c) */
};

#endif
