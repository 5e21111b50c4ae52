/*
 * summary.c: the consultation summary a practitioner reads before meeting
 * the client, shared by "smp-intake show" and the kiosk's staff menu: who,
 * when, stops first (they override the score), band and score, flags,
 * recommendations, the explanation, then every answer with its question's
 * name, in form order.  Every stored text goes through textsafe, so a
 * client's answer cannot drive the staff terminal.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "base/textsafe.h"
#include "base/xmalloc.h"
#include "engine/score.h"
#include "form/form.h"
#include "form/form_load.h"
#include "form/value.h"
#include "report/summary.h"
#include "store/query.h"

/* One summary being written. */
struct show {
	const struct query_intake *in;
	struct form	*f;		/* the intake's form, or NULL */
	int		 lang;		/* index in f->langs */
	struct strbuf	*sb;		/* output */
};

/* A staff heading in the summary's language (Spanish or English). */
static const char *
show_word(const struct show *w, const char *en, const char *es)
{
	return score_staff_word(w->f, w->lang, en, es);
}

/* bsearch comparison: a question id against an answer. */
static int
show_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct query_answer *)elem)->question);
}

/* The stored answer to id, or NULL (answers are sorted by id). */
static const struct query_answer *
show_answer(const struct show *w, const char *id)
{
	return bsearch(id, w->in->answers, w->in->nanswers,
	    sizeof(*w->in->answers), show_cmp);
}

/* Append safe text, continuation lines indented by indent spaces. */
static void
show_text(struct show *w, const char *s, int indent)
{
	char	*t = textsafe(s, TEXTSAFE_KEEP_NL), *p;

	for (p = t; *p != '\0'; p++) {
		strbuf_addc(w->sb, *p);
		if (*p == '\n')
			strbuf_addf(w->sb, "%*s", indent, "");
	}
	free(t);
}

/* "  label       value" with the value made safe. */
static void
show_field(struct show *w, const char *label, const char *value)
{
	struct strbuf	pad;
	char		*l = textsafe(label, 0);

	strbuf_init(&pad);
	strbuf_adds(w->sb, "  ");
	textsafe_fit(&pad, l, 18, 1);
	strbuf_adds(w->sb, pad.s);
	strbuf_addc(w->sb, ' ');
	show_text(w, value, 21);
	strbuf_addc(w->sb, '\n');
	strbuf_done(&pad);
	free(l);
}

/* Age in years for a date answer, or -1. */
static int
show_age(const char *v)
{
	int	days;

	if (date_parse(v, &days) != DATE_OK)
		return -1;
	return date_years_between(days, date_today());
}

/* The answer to q as people read it (caller frees), or NULL. */
static char *
show_display(const struct show *w, const struct form_question *q,
    const char *v)
{
	return value_display(q, v, w->lang);
}

/* The client: every identifier question answered. */
static void
show_who(struct show *w)
{
	const struct form_question	*q;
	const struct query_answer	*a;
	char				*v, *t;
	size_t				 i;
	int				 age;

	for (i = 0; w->f != NULL && i < w->f->nquestions; i++) {
		q = &w->f->questions[i];
		if (!q->identifier || (a = show_answer(w, q->id)) == NULL ||
		    (v = show_display(w, q, a->value)) == NULL)
			continue;
		if (q->type == QT_DATE && (age = show_age(a->value)) >= 0) {
			t = xasprintf("%s (%s %d)", v, show_word(w, "age",
			    "edad"), age);
			free(v);
			v = t;
		}
		show_field(w, form_qname(q, w->lang), v);
		free(v);
	}
}

/* The rule with this id, or NULL. */
static const struct form_rule *
show_rule(const struct show *w, const char *id)
{
	size_t	i;

	for (i = 0; w->f != NULL && i < w->f->nrules; i++)
		if (strcmp(w->f->rules[i].id, id) == 0)
			return &w->f->rules[i];
	return NULL;
}

/* A result line's text in the chosen language (borrowed). */
static const char *
show_line_text(const struct show *w, const struct intake_line *l)
{
	const struct form_rule	*r = show_rule(w, l->code);
	const char		*t;

	if (r != NULL && (t = form_tr(&r->text, w->lang)) != NULL)
		return t;
	return l->text;
}

/* The band's text in the chosen language, or NULL. */
static const char *
show_band_text(const struct show *w)
{
	size_t	i;

	for (i = 0; w->f != NULL && w->in->band && i < w->f->nbands; i++)
		if (strcmp(w->f->bands[i].id, w->in->band) == 0)
			return form_tr(&w->f->bands[i].text, w->lang);
	return NULL;
}

/* A points line as "question: option" or the rule's text; caller frees. */
static char *
show_points_text(const struct show *w, const struct intake_line *l)
{
	const struct form_question	*q;
	const struct form_option	*o;
	const char			*eq = strchr(l->code, '=');
	char				*qid;

	if (eq == NULL || w->f == NULL)
		return xstrdup(show_line_text(w, l));
	qid = xstrndup(l->code, (size_t)(eq - l->code));
	q = form_question(w->f, qid);
	free(qid);
	if (q == NULL || (o = form_option(q, eq + 1)) == NULL)
		return xstrdup(l->text);
	return xasprintf("%s: %s", form_qname(q, w->lang),
	    form_tr(&o->label, w->lang));
}

/* Every result line of one kind, each as "mark text". */
static void
show_lines(struct show *w, const char *kind, const char *title,
    const char *mark)
{
	const struct intake_line	*l;
	char			*t;
	size_t			 i;
	int			 first = 1;

	for (i = 0; i < w->in->nlines; i++) {
		l = &w->in->lines[i];
		if (strcmp(l->kind, kind) != 0)
			continue;
		if (first && title != NULL)
			strbuf_addf(w->sb, "\n%s\n", title);
		first = 0;
		strbuf_adds(w->sb, mark);
		if (strcmp(kind, "points") == 0) {
			strbuf_addf(w->sb, "%+4d  ", l->points);
			t = show_points_text(w, l);
			show_text(w, t, 10);
			free(t);
		} else
			show_text(w, show_line_text(w, l), 4);
		strbuf_addc(w->sb, '\n');
	}
}

/* When, status, source, form. */
static void
show_when(struct show *w)
{
	const struct query_intake	*in = w->in;
	char				 t[17], *v;

	query_local_time(in->started_at, t, NULL);
	show_field(w, show_word(w, "Started", "Inicio"), t);
	if (in->completed_at != NULL) {
		query_local_time(in->completed_at, t, NULL);
		show_field(w, show_word(w, "Completed", "Terminada"), t);
	}
	v = xasprintf("%s (%s, %s %s, %s %s)", in->status, in->source,
	    show_word(w, "kiosk", "quiosco"), in->kiosk_id,
	    show_word(w, "language", "idioma"), in->lang);
	show_field(w, show_word(w, "Status", "Estado"), v);
	free(v);
	v = xasprintf("%s %s %d", in->form_id, show_word(w, "version",
	    "versión"), in->form_version);
	show_field(w, show_word(w, "Form", "Formulario"), v);
	free(v);
}

/*
 * What the outcome waits for, in the chosen language when the form says
 * it (the stored note is in the form's first language): each stop of the
 * outcome's kind gives its "needs" or, without a date, its "until";
 * a dated deferral without a stored date was not known.  NULL: the
 * stored note (a stop the form gives no kind, or no form).
 */
static char *
show_note(const struct show *w)
{
	const struct form_rule	*r;
	const char		*o = w->in->outcome, *t;
	struct strbuf		 sb;
	size_t			 i;
	bool			 unknown = false;

	if (w->f == NULL || w->lang == 0 || o == NULL ||
	    (strcmp(o, "deferred") != 0 && strcmp(o, "clearance") != 0))
		return NULL;
	strbuf_init(&sb);
	for (i = 0; i < w->in->nlines; i++) {
		if (strcmp(w->in->lines[i].kind, "stop") != 0)
			continue;
		if ((r = show_rule(w, w->in->lines[i].code)) == NULL ||
		    r->stop_kind == STOP_UNKNOWN) {
			strbuf_done(&sb);
			return NULL;
		}
		if (strcmp(score_outcome_name(score_stop_outcome(r)), o) != 0)
			continue;
		if (r->stop_kind == STOP_DEFER && r->recheck != NULL) {
			unknown = unknown || w->in->recheck == NULL;
			continue;
		}
		t = form_tr(r->stop_kind == STOP_CLEARANCE ? &r->needs :
		    &r->until, w->lang);
		if (t != NULL)
			strbuf_addf(&sb, "%s%s", sb.len > 0 ? "; " : "", t);
	}
	if (unknown)
		strbuf_addf(&sb, "%s%s", sb.len > 0 ? "; " : "",
		    score_unknown_date_words(w->f, w->lang));
	return strbuf_detach(&sb);
}

/* The outcome first: what staff may do with this client. */
static void
show_outcome(struct show *w)
{
	const struct query_intake	*in = w->in;
	const char			*o = in->outcome, *bt;
	struct strbuf			 v;
	char				*note;

	strbuf_init(&v);
	if (o == NULL)
		strbuf_adds(&v, show_word(w, "none yet (intake not completed)",
		    "aún ninguno (consulta sin terminar)"));
	else if (strcmp(o, "not-offered") == 0)
		strbuf_adds(&v, show_word(w, "NOT OFFERED: do not book",
		    "NO SE OFRECE: no dar cita"));
	else if (strcmp(o, "deferred") == 0)
		strbuf_adds(&v, show_word(w, "DEFERRED: not suitable right "
		    "now, do not book", "APLAZADO: no es el momento, no dar "
		    "cita"));
	else if (strcmp(o, "clearance") == 0)
		strbuf_adds(&v, show_word(w, "PENDING CLEARANCE: do not book "
		    "until it is provided", "PENDIENTE DE AUTORIZACIÓN: no dar "
		    "cita hasta tenerla"));
	else {
		bt = show_band_text(w);
		strbuf_addf(&v, "%s%s%s%s", o, bt ? " (" : "", bt ? bt : "",
		    bt ? ")" : "");
	}
	show_field(w, show_word(w, "Outcome", "Resultado"), v.s);
	if (in->recheck != NULL)
		show_field(w, show_word(w, "Re-check from", "Revisar desde"),
		    in->recheck);
	note = show_note(w);
	if (note != NULL ? *note != '\0' : in->outcome_note != NULL)
		show_field(w, o != NULL && strcmp(o, "clearance") == 0 ?
		    show_word(w, "Needs", "Necesita") : show_word(w, "Until",
		    "Hasta"), note != NULL ? note : in->outcome_note);
	free(note);
	strbuf_done(&v);
}

/* Stops first, then band and score, flags, recommendations, why. */
static void
show_result(struct show *w)
{
	const struct query_intake	*in = w->in;
	const char			*bt = show_band_text(w);
	char				*v;

	if (in->nstops > 0) {
		strbuf_adds(w->sb, "\n");
		show_lines(w, "stop", NULL, show_word(w, "!! STOP: ",
		    "!! ALTO: "));
		strbuf_adds(w->sb, show_word(w, "!! A stop overrides the "
		    "score: do not proceed on the score alone.\n", "!! Un alto "
		    "prevalece sobre la puntuación: no siga adelante solo por "
		    "la puntuación.\n"));
	}
	strbuf_adds(w->sb, "\n");
	if (in->nstops == 0 && in->has_score) {
		v = xasprintf("%s%s%s%s, %s %d/100", in->band ? in->band :
		    "-", bt ? " (" : "", bt ? bt : "", bt ? ")" : "",
		    show_word(w, "score", "puntuación"), in->score);
		show_field(w, show_word(w, "Band", "Categoría"), v);
		free(v);
	} else if (in->has_internal)	/* the number stays in the store */
		show_field(w, show_word(w, "Score", "Puntuación"), show_word(w,
		    "kept internally: no band while a stop applies", "guardada "
		    "internamente: sin categoría mientras haya un alto"));
	else if (in->outcome != NULL)
		show_field(w, show_word(w, "Score", "Puntuación"), show_word(w,
		    "not computed (a stop applies)", "no calculada (hay un "
		    "alto)"));
	else
		show_field(w, show_word(w, "Score", "Puntuación"), show_word(w,
		    "not scored (intake not completed)", "sin puntuar "
		    "(consulta sin terminar)"));
	show_lines(w, "flag", show_word(w, "Flags (review with the client)",
	    "Avisos (revisar con el cliente)"), "  ? ");
	/* Not offered: nothing about treatment.  With a stop no score is
	   shown, so no points are either (a clearance keeps them, and older
	   intakes kept them, in the store only). */
	if (in->outcome == NULL || strcmp(in->outcome, "not-offered") != 0)
		show_lines(w, "recommend", show_word(w, "Recommendations",
		    "Recomendaciones"), "  + ");
	if (in->nstops == 0)
		show_lines(w, "points", show_word(w, "Explanation",
		    "Explicación"), "  ");
}

/* Every answered question (and acknowledged screen), in form order. */
static void
show_answers(struct show *w)
{
	const struct form_item		*it;
	const struct form_question	*q;
	const struct form_screen	*sc;
	const struct query_answer	*a;
	char				*v;
	size_t				 i;

	strbuf_addf(w->sb, "\n%s\n", show_word(w, "Answers", "Respuestas"));
	for (i = 0; w->f != NULL && i < w->f->nitems; i++) {
		it = &w->f->items[i];
		if (it->kind == ITEM_SCREEN) {
			sc = &w->f->screens[it->ref];
			if ((a = show_answer(w, sc->id)) != NULL)
				show_field(w, form_tr(&sc->title, w->lang),
				    a->value);
			continue;
		}
		q = &w->f->questions[it->ref];
		if ((a = show_answer(w, q->id)) == NULL ||
		    (v = show_display(w, q, a->value)) == NULL)
			continue;
		strbuf_adds(w->sb, "  ");
		show_text(w, form_qname(q, w->lang), 2);
		strbuf_adds(w->sb, "\n      ");
		show_text(w, v, 6);
		strbuf_addc(w->sb, '\n');
		free(v);
	}
	if (w->f == NULL)
		for (i = 0; i < w->in->nanswers; i++)
			show_field(w, w->in->answers[i].question,
			    w->in->answers[i].value);
}

/* The whole summary as text. */
static void
show_summary(struct show *w)
{
	strbuf_addf(w->sb, "%s ", show_word(w, "Consultation", "Consulta"));
	show_text(w, w->in->id, 0);
	strbuf_adds(w->sb, "\n\n");
	show_outcome(w);
	show_who(w);
	show_when(w);
	show_result(w);
	show_answers(w);
}

/* ,"key":"value" (value through textsafe_json; NULL gives null). */
static void
show_jkey(struct show *w, const char *key, const char *value)
{
	strbuf_addf(w->sb, ",\"%s\":", key);
	textsafe_json(w->sb, value);
}

/* The result lines of one kind as a JSON array. */
static void
show_jlines(struct show *w, const char *kind, const char *key)
{
	const struct intake_line	*l;
	size_t			 i;
	int			 n = 0;

	strbuf_addf(w->sb, ",\"%s\":[", key);
	for (i = 0; i < w->in->nlines; i++) {
		l = &w->in->lines[i];
		if (strcmp(l->kind, kind) != 0)
			continue;
		strbuf_adds(w->sb, n++ ? ",{\"code\":" : "{\"code\":");
		textsafe_json(w->sb, l->code);
		strbuf_addf(w->sb, ",\"points\":%d", l->points);
		show_jkey(w, "text", show_line_text(w, l));
		strbuf_addc(w->sb, '}');
	}
	strbuf_addc(w->sb, ']');
}

/* One answer as a JSON object (q NULL: a screen or unknown id). */
static void
show_janswer(struct show *w, const struct form_question *q,
    const char *label, const struct query_answer *a, int *n)
{
	char	*v = q != NULL ? show_display(w, q, a->value) : NULL;
	int	 age;

	strbuf_adds(w->sb, (*n)++ ? ",{\"question\":" : "{\"question\":");
	textsafe_json(w->sb, a->question);
	show_jkey(w, "label", label);
	show_jkey(w, "value", a->value);
	show_jkey(w, "display", v != NULL ? v : a->value);
	show_jkey(w, "answered_at", a->answered_at);
	strbuf_addf(w->sb, ",\"identifier\":%s", q && q->identifier ? "true" :
	    "false");
	if (q != NULL && q->identifier && q->type == QT_DATE &&
	    (age = show_age(a->value)) >= 0)
		strbuf_addf(w->sb, ",\"age\":%d", age);
	strbuf_addc(w->sb, '}');
	free(v);
}

/* Every answer, in form order, as a JSON array. */
static void
show_janswers(struct show *w)
{
	const struct form_item		*it;
	const struct form_question	*q;
	const struct query_answer	*a;
	size_t				 i;
	int				 n = 0;

	strbuf_adds(w->sb, ",\"answers\":[");
	for (i = 0; w->f != NULL && i < w->f->nitems; i++) {
		it = &w->f->items[i];
		q = it->kind == ITEM_QUESTION ? &w->f->questions[it->ref] :
		    NULL;
		a = show_answer(w, q ? q->id : w->f->screens[it->ref].id);
		if (a != NULL)
			show_janswer(w, q, q ? form_qname(q, w->lang) :
			    form_tr(&w->f->screens[it->ref].title, w->lang),
			    a, &n);
	}
	for (i = 0; w->f == NULL && i < w->in->nanswers; i++)
		show_janswer(w, NULL, NULL, &w->in->answers[i], &n);
	strbuf_adds(w->sb, "]");
}

/* The whole summary as one JSON object. */
static void
show_json(struct show *w)
{
	const struct query_intake	*in = w->in;

	strbuf_adds(w->sb, "{\"id\":");
	textsafe_json(w->sb, in->id);
	show_jkey(w, "outcome", in->outcome);
	show_jkey(w, "recheck", in->recheck);
	show_jkey(w, "outcome_note", in->outcome_note);
	show_jkey(w, "form_id", in->form_id);
	strbuf_addf(w->sb, ",\"form_version\":%d", in->form_version);
	show_jkey(w, "form_hash", in->form_hash);
	show_jkey(w, "status", in->status);
	show_jkey(w, "source", in->source);
	show_jkey(w, "kiosk_id", in->kiosk_id);
	show_jkey(w, "lang", in->lang);
	show_jkey(w, "started_at", in->started_at);
	show_jkey(w, "updated_at", in->updated_at);
	show_jkey(w, "completed_at", in->completed_at);
	if (in->has_score && in->nstops == 0)
		strbuf_addf(w->sb, ",\"score\":%d", in->score);
	else
		strbuf_adds(w->sb, ",\"score\":null");
	if (in->has_internal)
		strbuf_addf(w->sb, ",\"score_internal\":%d",
		    in->score_internal);
	else
		strbuf_adds(w->sb, ",\"score_internal\":null");
	show_jkey(w, "band", in->nstops == 0 ? in->band : NULL);
	show_jkey(w, "band_text", in->nstops == 0 ? show_band_text(w) :
	    NULL);
	show_jlines(w, "stop", "stops");
	show_jlines(w, "flag", "flags");
	show_jlines(w, "recommend", "recommendations");
	show_jlines(w, "points", "explanation");
	show_janswers(w);
	strbuf_adds(w->sb, "}\n");
}

/* Parse the intake's stored form (NULL if it cannot be read). */
static struct form *
show_form(struct store *s, const char *hash)
{
	struct form	*f;
	struct diag	*d;
	char		*src = NULL, *err = NULL;
	size_t		 len = 0;

	if (query_form_source(s, hash, &src, &len, &err) != STORE_OK) {
		free(err);
		return NULL;
	}
	d = diag_new("stored form", DIAG_DEFAULT_LIMIT);
	f = form_load_text("stored form", src, len, NULL, FORM_NO_ART |
	    FORM_STORED, d);
	diag_free(d);
	free(src);
	return f;
}

/* Pick the language: --lang, else the intake's, else the form's first. */
static int
show_lang(struct show *w, const char *code)
{
	int	i;

	if (w->f == NULL)
		return 0;
	if (code != NULL) {
		if ((w->lang = form_lang(w->f, code)) < 0)
			return -1;
		return 0;
	}
	i = form_lang(w->f, w->in->lang);
	w->lang = i < 0 ? 0 : i;
	return 0;
}

/* Append the summary of intake id to sb (see smp_summary.h). */
int
summary_format(struct store *s, const char *id, const char *lang,
    unsigned flags, struct strbuf *sb, char **errp)
{
	struct query_filter	 f;
	struct query_cursor	*c;
	struct show		 w;
	int			 rc;

	memset(&f, 0, sizeof(f));
	memset(&w, 0, sizeof(w));
	f.id = id;
	if ((rc = query_cursor_new(s, &f, QUERY_ANSWERS | QUERY_LINES, &c,
	    errp)) != STORE_OK)
		return rc;
	if ((rc = query_cursor_next(c, &w.in, errp)) == 0)
		rc = STORE_NOTFOUND;
	if (rc < 0) {
		if (*errp == NULL)
			*errp = xstrdup("no such intake");
		query_cursor_free(c);
		return rc;
	}
	w.f = show_form(s, w.in->form_hash);
	w.sb = sb;
	if ((rc = show_lang(&w, lang)) == 0) {
		if (flags & SUMMARY_JSON)
			show_json(&w);
		else
			show_summary(&w);
	} else {
		*errp = xasprintf("the form has no language '%s'", lang);
		rc = SUMMARY_BADLANG;
	}
	form_free(w.f);
	query_cursor_free(c);
	return rc;
}
