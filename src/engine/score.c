/*
 * score.c: scoring answers against a form's rules (see smp_score.h).
 *
 * Points lines come in form order (option points of each question and
 * "points" rules merged by their line in the file), then stops, flags and
 * recommendations, each in form order.  Nothing depends on anything but
 * the form and the answers, so the same answers give the same result.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/defs.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "engine/score.h"
#include "form/form.h"

/* Append a line to r. */
static void
add_line(struct score_result *r, enum score_kind k, int points,
    const struct form_rule *rule, const struct form_question *q,
    const struct form_option *opt)
{
	struct score_line	*l;

	r->lines = xreallocarray(r->lines, r->nlines + 1, sizeof(*r->lines));
	l = &r->lines[r->nlines++];
	l->kind = k;
	l->points = points;
	l->rule = rule;
	l->q = q;
	l->opt = opt;
	l->recheck = -1;
	l->recheck_unknown = false;
}

/* Option points of q's visible answer v, in form order. */
static void
add_option_points(struct score_result *r, const struct form_question *q,
    const char *v)
{
	const struct form_option	*o;
	size_t				 i, n;
	const char			*p;

	if (q->type != QT_CHOICE && q->type != QT_YESNO &&
	    q->type != QT_MULTI)
		return;
	for (i = 0; i < q->noptions; i++) {
		o = &q->options[i];
		if (!o->has_points)
			continue;
		n = strlen(o->code);
		for (p = v; p != NULL; p = strchr(p, ';'), p = p ? p + 1 : p)
			if (strncmp(p, o->code, n) == 0 &&
			    (p[n] == '\0' || p[n] == ';'))
				break;
		if (p != NULL) {
			add_line(r, SC_POINTS, o->points, NULL, q, o);
			r->raw += o->points;
		}
	}
}

/* A points rule: its rounded contribution if its condition holds. */
static void
rule_points(struct score_result *r, const struct form_rule *ru,
    const struct expr_env *env)
{
	double	x;
	int	n;

	if (!expr_eval_true(ru->cond, env) ||
	    expr_eval_number(ru->points, env, &x) < 0)
		return;
	if (x > 1e6)
		x = 1e6;
	else if (x < -1e6)
		x = -1e6;
	n = (int)lround(x);
	add_line(r, SC_POINTS, n, ru, NULL, NULL);
	r->raw += n;
}

/* Every points line, questions and rules merged by line in the file. */
static void
all_points(const struct form *f, const struct expr_env *env,
    struct score_result *r)
{
	const struct form_question	*q;
	const struct form_rule		*ru;
	const char			*v;
	size_t				 i = 0, j = 0;

	while (i < f->nquestions || j < f->nrules) {
		q = i < f->nquestions ? &f->questions[i] : NULL;
		ru = j < f->nrules ? &f->rules[j] : NULL;
		if (q != NULL && (ru == NULL || q->loc.line <= ru->loc.line)) {
			if ((v = env->value(env->ctx, q)) != NULL && *v != '\0')
				add_option_points(r, q, v);
			i++;
		} else {
			if (ru->kind == RULE_POINTS)
				rule_points(r, ru, env);
			j++;
		}
	}
}

/* Was a recommendation of group g already taken? */
static bool
group_taken(const struct score_result *r, const char *g)
{
	size_t	i;

	for (i = 0; i < r->nlines; i++)
		if (r->lines[i].kind == SC_RECOMMEND &&
		    r->lines[i].rule->group != NULL &&
		    strcmp(r->lines[i].rule->group, g) == 0)
			return true;
	return false;
}

/* The stop kind of a rule, as the outcome it leads to. */
enum score_outcome
score_stop_outcome(const struct form_rule *ru)
{
	switch (ru->stop_kind) {
	case STOP_CLEARANCE:
		return OUTCOME_CLEARANCE;
	case STOP_NOT_OFFERED:
		return OUTCOME_NOT_OFFERED;
	default:	/* a kind-less stop of an old form waits too */
		return OUTCOME_DEFERRED;
	}
}

/* A stop line's re-check date: its "recheck" date, if it can be worked
   out; a kind-less stop (an old form) leaves it to the practitioner. */
static void
stop_recheck(struct score_line *l, const struct expr_env *env)
{
	const struct form_rule	*ru = l->rule;

	if (ru->stop_kind == STOP_UNKNOWN)
		l->recheck_unknown = true;
	else if (ru->stop_kind == STOP_DEFER && ru->recheck != NULL &&
	    expr_eval_date(ru->recheck, env, &l->recheck) < 0) {
		l->recheck = -1;
		l->recheck_unknown = true;
	}
}

/* The outcome of the stops that hold: the strongest kind; a deferral's
   date is the latest of its stops' dates. */
static void
outcome_of_stops(const struct form *f, const struct expr_env *env,
    struct score_result *r)
{
	const struct form_rule	*ru;
	struct score_line	 l;
	enum score_outcome	 o;
	size_t			 i;

	r->outcome = OUTCOME_BAND;
	r->recheck = -1;
	for (i = 0; i < f->nrules; i++) {
		ru = &f->rules[i];
		if (ru->kind != RULE_STOP || !expr_eval_true(ru->cond, env))
			continue;
		if ((o = score_stop_outcome(ru)) > r->outcome)
			r->outcome = o;
		if (o != OUTCOME_DEFERRED)
			continue;
		memset(&l, 0, sizeof(l));
		l.rule = ru;
		l.recheck = -1;
		stop_recheck(&l, env);
		if (l.recheck > r->recheck)
			r->recheck = l.recheck;
		r->recheck_unknown = r->recheck_unknown || l.recheck_unknown;
	}
	if (r->outcome != OUTCOME_DEFERRED) {
		r->recheck = -1;
		r->recheck_unknown = false;
	}
}

/* Lines of one kind of rule whose condition holds, in form order. */
static size_t
kind_lines(const struct form *f, const struct expr_env *env,
    struct score_result *r, enum form_rule_kind rk, enum score_kind sk)
{
	const struct form_rule	*ru;
	size_t			 i, n = 0;

	for (i = 0; i < f->nrules; i++) {
		ru = &f->rules[i];
		if (ru->kind != rk || (rk == RULE_RECOMMEND &&
		    ru->group != NULL && group_taken(r, ru->group)))
			continue;
		if (!expr_eval_true(ru->cond, env))
			continue;
		add_line(r, sk, 0, ru, NULL, NULL);
		if (sk == SC_STOP)
			stop_recheck(&r->lines[r->nlines - 1], env);
		n++;
	}
	return n;
}

/* Hold the band at the lowest "cap" of the flags that hold. */
static void
apply_caps(struct score_result *r)
{
	const struct form_band	*cap;
	size_t			 i;

	for (i = 0; i < r->nlines; i++) {
		if (r->lines[i].kind != SC_FLAG ||
		    (cap = r->lines[i].rule->cap_band) == NULL)
			continue;
		if (r->band != NULL && cap->min < r->band->min) {
			r->band = cap;
			r->capped_by = r->lines[i].rule;
		}
	}
}

/* Score the answers env gives (see smp_score.h); free with score_free. */
struct score_result *
score_compute(const struct form *f, const struct expr_env *env)
{
	struct score_result	*r = xcalloc(1, sizeof(*r));
	size_t			 i;

	/* Domain §7.1: the score is computed only without a hard stop. */
	outcome_of_stops(f, env, r);
	r->scored = r->outcome <= OUTCOME_CLEARANCE;
	if (r->scored)
		all_points(f, env, r);
	r->score = r->raw < 0 ? 0 : r->raw > 100 ? 100 : r->raw;
	for (i = 0; r->outcome == OUTCOME_BAND && i < f->nbands; i++)
		if (f->bands[i].min <= r->score && (r->band == NULL ||
		    f->bands[i].min >= r->band->min))
			r->band = &f->bands[i];
	r->nstops = kind_lines(f, env, r, RULE_STOP, SC_STOP);
	/* Not offered: nothing about treatment, not even for staff. */
	if (r->outcome == OUTCOME_NOT_OFFERED)
		return r;
	r->nflags = kind_lines(f, env, r, RULE_FLAG, SC_FLAG);
	apply_caps(r);
	r->nrecs = kind_lines(f, env, r, RULE_RECOMMEND, SC_RECOMMEND);
	return r;
}

/* Free a result; NULL is fine. */
void
score_free(struct score_result *r)
{
	if (r == NULL)
		return;
	free(r->lines);
	free(r);
}

/* The outcome's name. */
const char *
score_outcome_name(enum score_outcome o)
{
	static const char *const names[] = {
		"band", "clearance", "deferred", "not-offered"
	};

	return (size_t)o < SMP_NELEM(names) ? names[o] : "?";
}

/* The stop's kind, else the band's id (borrowed). */
const char *
score_outcome_code(const struct score_result *r)
{
	if (r->outcome != OUTCOME_BAND)
		return score_outcome_name(r->outcome);
	return r->band != NULL ? r->band->id : "scored";
}

/* es for a Spanish view, else en. */
const char *
score_staff_word(const struct form *f, int lang, const char *en,
    const char *es)
{
	if (f != NULL && lang >= 0 && lang < f->nlangs &&
	    strcmp(f->langs[lang], "es") == 0)
		return es;
	return en;
}

/* Append part to sb after "; " when sb has text. */
static void
note_add(struct strbuf *sb, const char *part)
{
	if (part == NULL || *part == '\0')
		return;
	if (sb->len > 0)
		strbuf_adds(sb, "; ");
	strbuf_adds(sb, part);
}

/* What the outcome waits for, in lang (caller frees). */
char *
score_outcome_note(const struct form *f, const struct score_result *r,
    int lang)
{
	const struct form_rule	*ru;
	struct strbuf		 sb;
	size_t			 i;

	strbuf_init(&sb);
	for (i = 0; i < r->nlines; i++) {
		if (r->lines[i].kind != SC_STOP)
			continue;
		ru = r->lines[i].rule;
		if (score_stop_outcome(ru) != r->outcome)
			continue;
		if (r->outcome == OUTCOME_CLEARANCE)
			note_add(&sb, form_tr(&ru->needs, lang));
		else if (r->outcome == OUTCOME_DEFERRED &&
		    r->lines[i].recheck < 0 && !r->lines[i].recheck_unknown)
			note_add(&sb, form_tr(&ru->until, lang));
	}
	if (r->outcome == OUTCOME_DEFERRED && r->recheck_unknown)
		note_add(&sb, score_unknown_date_words(f, lang));
	return strbuf_detach(&sb);
}

/* The words for a re-check date nobody knows. */
const char *
score_unknown_date_words(const struct form *f, int lang)
{
	return score_staff_word(f, lang, "a date is not known: the "
	    "practitioner decides", "una fecha no se conoce: decide el "
	    "especialista");
}

/* Kind as a word. */
const char *
score_kind_name(enum score_kind k)
{
	static const char *const names[] = {
		"points", "stop", "flag", "recommend"
	};

	return (size_t)k < SMP_NELEM(names) ? names[k] : "?";
}

/* Rule id, or "question=code" (caller frees). */
char *
score_line_code(const struct score_line *l)
{
	if (l->rule != NULL)
		return xstrdup(l->rule->id);
	return xasprintf("%s=%s", l->q->id, l->opt->code);
}

/* A rule's staff text in lang, falling back to its id; borrowed. */
static const char *
rule_text(const struct form_rule *ru, int lang)
{
	const char	*s = form_tr(&ru->text, lang);

	return s != NULL ? s : ru->id;
}

/* The line as staff read it (caller frees). */
char *
score_line_text(const struct score_line *l, int lang)
{
	const char	*unit = l->points == 1 || l->points == -1 ? "point" :
			    "points";

	switch (l->kind) {
	case SC_POINTS:
		if (l->rule != NULL)
			return xasprintf("%s: %+d %s", rule_text(l->rule, lang),
			    l->points, unit);
		return xasprintf("%s: %s: %+d %s", form_qname(l->q, lang),
		    form_option_label(l->opt, lang), l->points, unit);
	case SC_STOP:
		return xasprintf("Stop: %s", rule_text(l->rule, lang));
	case SC_FLAG:
		return xasprintf("Flag: %s", rule_text(l->rule, lang));
	default:
		return xasprintf("Recommendation: %s",
		    rule_text(l->rule, lang));
	}
}

/* Append "  - <rule text>" for each line of kind k. */
static void
text_list(const struct score_result *r, enum score_kind k, int lang,
    struct strbuf *sb)
{
	size_t	i;

	for (i = 0; i < r->nlines; i++)
		if (r->lines[i].kind == k)
			strbuf_addf(sb, "  - %s\n",
			    rule_text(r->lines[i].rule, lang));
}

/* "Outcome: ..." with its date and note, as staff read it. */
static void
outcome_text(const struct form *f, const struct score_result *r, int lang,
    struct strbuf *sb)
{
	const char	*bt = r->band != NULL ? form_tr(&r->band->text, lang) :
			    NULL;
	char		 d[11], *note;

	strbuf_addf(sb, "%s: ", score_staff_word(f, lang, "Outcome",
	    "Resultado"));
	switch (r->outcome) {
	case OUTCOME_NOT_OFFERED:
		strbuf_adds(sb, score_staff_word(f, lang, "NOT OFFERED",
		    "NO SE OFRECE"));
		break;
	case OUTCOME_DEFERRED:
		strbuf_adds(sb, score_staff_word(f, lang, "DEFERRED (not "
		    "suitable right now)", "APLAZADO (no es el momento)"));
		if (r->recheck >= 0) {
			date_format(r->recheck, d);
			strbuf_addf(sb, ", %s %s", score_staff_word(f, lang,
			    "re-check from", "revisar desde"), d);
		}
		break;
	case OUTCOME_CLEARANCE:
		strbuf_adds(sb, score_staff_word(f, lang, "PENDING CLEARANCE",
		    "PENDIENTE DE AUTORIZACIÓN"));
		break;
	default:
		strbuf_adds(sb, r->band != NULL ? r->band->id : "scored");
		if (bt != NULL)
			strbuf_addf(sb, " (%s)", bt);
		break;
	}
	note = score_outcome_note(f, r, lang);
	if (*note != '\0')
		strbuf_addf(sb, " \xe2\x80\x94 %s", note);
	free(note);
	strbuf_addc(sb, '\n');
}

/* The result as readable text for staff, appended to sb. */
void
score_format_text(const struct form *f, const struct score_result *r,
    int lang, struct strbuf *sb)
{
	const char	*bt = r->band != NULL ? form_tr(&r->band->text, lang) :
			    NULL;
	char		*s;
	size_t		 i;

	outcome_text(f, r, lang, sb);
	if (r->outcome == OUTCOME_BAND) {
		strbuf_addf(sb, "Score %d/100", r->score);
		if (r->band != NULL)
			strbuf_addf(sb, " \xe2\x80\x94 %s", bt != NULL ? bt :
			    r->band->id);
		strbuf_addc(sb, '\n');
	} else if (r->scored)
		strbuf_addf(sb, "Internal score %d/100 (no band: a stop "
		    "applies)\n", r->score);
	else
		strbuf_adds(sb, "Not scored (a hard stop applies)\n");
	if (r->capped_by != NULL)
		strbuf_addf(sb, "  (band held here by a flag: %s)\n",
		    rule_text(r->capped_by, lang));
	if (r->nstops > 0) {
		strbuf_adds(sb, "\nSTOPS (a stop overrides the score):\n");
		text_list(r, SC_STOP, lang, sb);
	}
	if (r->nflags > 0) {
		strbuf_adds(sb, "\nFlags (for the practitioner):\n");
		text_list(r, SC_FLAG, lang, sb);
	}
	if (r->nrecs > 0) {
		strbuf_adds(sb, "\nRecommendations:\n");
		text_list(r, SC_RECOMMEND, lang, sb);
	}
	if (!r->scored)
		return;
	strbuf_adds(sb, "\nExplanation:\n");
	for (i = 0; i < r->nlines; i++) {
		if (r->lines[i].kind != SC_POINTS)
			continue;
		s = score_line_text(&r->lines[i], lang);
		strbuf_addf(sb, "  %s\n", s);
		free(s);
	}
	if (r->raw != r->score)
		strbuf_addf(sb, "  Total: %d, counted as %d (scores run "
		    "from 0 to 100)\n", r->raw, r->score);
	else
		strbuf_addf(sb, "  Total: %d\n", r->raw);
}

/* Append s as a JSON string (quotes, escapes; UTF-8 passed through). */
static void
json_str(struct strbuf *sb, const char *s)
{
	const unsigned char	*p;

	if (s == NULL) {
		strbuf_adds(sb, "null");
		return;
	}
	strbuf_addc(sb, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\') {
			strbuf_addc(sb, '\\');
			strbuf_addc(sb, (char)*p);
		} else if (*p < 0x20 || *p == 0x7f)
			strbuf_addf(sb, "\\u%04x", *p);
		else
			strbuf_addc(sb, (char)*p);
	}
	strbuf_addc(sb, '"');
}

/* Append the rules of kind k as a JSON array of {"id","text"[,"group"]}. */
static void
json_rules(const struct score_result *r, enum score_kind k, int lang,
    struct strbuf *sb)
{
	const struct form_rule	*ru;
	size_t			 i;
	int			 n = 0;

	strbuf_addc(sb, '[');
	for (i = 0; i < r->nlines; i++) {
		if (r->lines[i].kind != k)
			continue;
		ru = r->lines[i].rule;
		strbuf_adds(sb, n++ > 0 ? ",{\"id\":" : "{\"id\":");
		json_str(sb, ru->id);
		if (k == SC_RECOMMEND) {
			strbuf_adds(sb, ",\"group\":");
			json_str(sb, ru->group);
		}
		strbuf_adds(sb, ",\"text\":");
		json_str(sb, rule_text(ru, lang));
		if (k == SC_STOP) {
			strbuf_adds(sb, ",\"kind\":");
			json_str(sb, score_outcome_name(
			    score_stop_outcome(ru)));
			strbuf_adds(sb, ",\"client\":");
			json_str(sb, form_tr(&ru->client, lang));
		}
		strbuf_addc(sb, '}');
	}
	strbuf_addc(sb, ']');
}

/* The result as one JSON object (no newline), appended to sb. */
void
score_format_json(const struct form *f, const struct score_result *r,
    int lang, struct strbuf *sb)
{
	char	*s, d[11];
	size_t	 i;
	int	 n = 0;

	strbuf_adds(sb, "{\"outcome\":");
	json_str(sb, score_outcome_code(r));
	strbuf_adds(sb, ",\"outcome_kind\":");
	json_str(sb, score_outcome_name(r->outcome));
	strbuf_adds(sb, ",\"recheck\":");
	if (r->recheck >= 0) {
		date_format(r->recheck, d);
		json_str(sb, d);
	} else
		strbuf_adds(sb, "null");
	strbuf_addf(sb, ",\"recheck_unknown\":%s,\"note\":",
	    r->recheck_unknown ? "true" : "false");
	s = score_outcome_note(f, r, lang);
	json_str(sb, s);
	free(s);
	if (r->outcome == OUTCOME_BAND)
		strbuf_addf(sb, ",\"score\":%d,\"raw\":%d,\"band\":",
		    r->score, r->raw);
	else if (r->scored)
		strbuf_addf(sb, ",\"score\":null,\"score_internal\":%d,"
		    "\"raw\":null,\"band\":", r->score);
	else
		strbuf_adds(sb, ",\"score\":null,\"raw\":null,\"band\":");
	if (r->band != NULL) {
		strbuf_adds(sb, "{\"id\":");
		json_str(sb, r->band->id);
		strbuf_adds(sb, ",\"text\":");
		json_str(sb, form_tr(&r->band->text, lang));
		strbuf_adds(sb, ",\"capped_by\":");
		json_str(sb, r->capped_by != NULL ? r->capped_by->id : NULL);
		strbuf_addc(sb, '}');
	} else
		strbuf_adds(sb, "null");
	strbuf_adds(sb, ",\"stops\":");
	json_rules(r, SC_STOP, lang, sb);
	strbuf_adds(sb, ",\"flags\":");
	json_rules(r, SC_FLAG, lang, sb);
	strbuf_adds(sb, ",\"recommendations\":");
	json_rules(r, SC_RECOMMEND, lang, sb);
	strbuf_adds(sb, ",\"explanation\":[");
	for (i = 0; i < r->nlines; i++) {
		if (r->lines[i].kind != SC_POINTS)
			continue;
		s = score_line_code(&r->lines[i]);
		strbuf_adds(sb, n++ > 0 ? ",{\"code\":" : "{\"code\":");
		json_str(sb, s);
		free(s);
		strbuf_addf(sb, ",\"points\":%d,\"text\":", r->lines[i].points);
		s = score_line_text(&r->lines[i], lang);
		json_str(sb, s);
		free(s);
		strbuf_addc(sb, '}');
	}
	strbuf_adds(sb, "]}");
}
