/*
 * form_check.c: checks that need the whole form, run once every line is
 * parsed: required parts, translations in every language, phrases, bands,
 * and compiling every expression against the questions (expr_compile).
 * Objects whose declaration line was broken (id "") are not checked again.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"
#include "form/expr.h"
#include "form_check.h"

/*
 * Check that text t, if given, is given in every language; if what is set
 * (the text is required) and t is not given at all, report
 * "<what> '<id>' has no '<kw>'" at loc.
 */
static void
check_text(struct form_parser *p, const struct form_text *t, const char *kw,
    const char *what, const char *id, struct form_loc loc)
{
	const struct form	*f = p->f;
	int			 l;

	if (p->bad_lines || p->lang_warned)
		return;		/* texts may be on lines we could not read */
	if (!form_text_given(t)) {
		if (what != NULL && id != NULL)
			diag_add(p->d, loc.line, loc.col, "%s '%s' has no "
			    "'%s'", what, id, kw);
		else if (what != NULL)
			diag_add(p->d, loc.line, loc.col, "%s has no '%s'",
			    what, kw);
		return;
	}
	for (l = 0; l < f->nlangs; l++)
		if (t->tr[l] == NULL)
			diag_add(p->d, t->loc.line, t->loc.col,
			    "%s has no '%s' translation", kw, f->langs[l]);
}

/* Find question id[0..len) for expr_compile; NULL if none. */
static const struct form_question *
lookup(void *ctx, const char *id, size_t len)
{
	struct form_parser	*p = ctx;
	const struct form_item	*it;
	int			 i;

	if ((i = idtab_find(&p->ids, id, len)) < 0)
		return NULL;
	it = &p->f->items[i];
	return it->kind == ITEM_QUESTION ? &p->f->questions[it->ref] : NULL;
}

/* Compile src (if any) at loc in a scope; NULL if absent or bad. */
static struct expr *
compile(struct form_parser *p, const char *src, struct form_loc loc,
    int limit, const struct form_question *self, const char *what,
    enum expr_type want)
{
	struct expr_scope	sc;

	if (src == NULL || parse_full(p))
		return NULL;
	sc.lookup = lookup;
	sc.ctx = p;
	sc.limit_item = limit;
	sc.self = self;
	sc.what = what;
	return expr_compile(src, strlen(src), loc.line, loc.col, &sc, want,
	    p->d);
}

/* The form header: id, languages, title. */
static void
check_header(struct form_parser *p)
{
	struct form	*f = p->f;
	struct form_loc	 top = { 1, 1 };

	if (f->id == NULL)
		f->id = xstrdup("");
	if (f->version == 0)
		f->version = 1;
	if (f->nlangs == 0 && !p->lang_warned)
		diag_add(p->d, 1, 1, "the form has no 'languages' line");
	check_text(p, &f->title, "title", f->id[0] ? "form" : NULL, f->id, top);
}

/*
 * Every phrase needs a text in every language: an override or a built-in
 * one.  One message per language, naming the first phrase missing.
 */
static void
check_phrases(struct form_parser *p)
{
	struct form	*f = p->f;
	int		 l, k, first, n;

	for (l = 0; l < f->nlangs; l++) {
		first = -1;
		n = 0;
		for (k = 0; k < PHRASE__COUNT; k++)
			if (f->phrases[k].tr[l] == NULL &&
			    i18n_builtin((enum phrase)k, f->langs[l]) == NULL) {
				if (first < 0)
					first = k;
				n++;
			}
		if (n == 0)
			continue;
		diag_add(p->d, p->langs_loc.line, p->lang_col[l],
		    "language '%s' has no text for phrase '%s'%s (give "
		    "'phrase KEY %s \"...\"' lines; smp-intake check --phrases "
		    "lists the keys)", f->langs[l],
		    i18n_phrase_name((enum phrase)first), n > 1 ?
		    " and others" : "", f->langs[l]);
	}
}

/* A section: title, intro, show if (limit: its first item) */
static void
check_section(struct form_parser *p, struct form_section *s, int limit)
{
	if (s->id[0] == '\0')
		return;
	check_text(p, &s->title, "title", "section", s->id, s->loc);
	check_text(p, &s->intro, "intro", NULL, NULL, s->loc);
	s->show_if = compile(p, s->show_if_src, s->show_if_loc, limit, NULL,
	    "show if", EXPR_BOOL);
}

/* A screen: title, texts, show if */
static void
check_screen(struct form_parser *p, struct form_screen *s)
{
	if (s->id[0] == '\0')
		return;
	check_text(p, &s->title, "title", "screen", s->id, s->loc);
	check_text(p, &s->text, "text", NULL, NULL, s->loc);
	check_text(p, &s->agree, "agree", NULL, NULL, s->loc);
	s->show_if = compile(p, s->show_if_src, s->show_if_loc, s->item, NULL,
	    "show if", EXPR_BOOL);
}

/*
 * A picture's words: a client who cannot see the picture (plain mode,
 * speech) chooses by them, so an option's picture needs them in every
 * language; words without a picture are a mistake.
 */
static void
check_describe(struct form_parser *p, const struct form_text *t,
    bool art, const char *what, const char *id, struct form_loc loc)
{
	if (!art && form_text_given(t) && !p->bad_lines && !p->lang_warned)
		diag_add(p->d, t->loc.line, t->loc.col, "'describe' is for "
		    "a picture: %s '%s' has no 'art'", what, id);
	else if (art)	/* required since issue 14, not of older forms */
		check_text(p, t, "describe", what != NULL &&
		    strcmp(what, "option") == 0 && !p->stored ? what : NULL,
		    id, loc);
}

/* Options: labels (yesno ones from the phrases), help. */
static void
check_options(struct form_parser *p, struct form_question *q)
{
	struct form_option	*o;
	size_t			 i;
	int			 l;

	if ((q->type == QT_CHOICE || q->type == QT_MULTI) && q->noptions == 0)
		diag_add(p->d, q->loc.line, q->loc.col,
		    "%s question '%s' has no options",
		    form_qtype_name(q->type), q->id);
	for (i = 0; i < q->noptions; i++) {
		o = &q->options[i];
		if (q->type == QT_YESNO && i < 2) {
			for (l = 0; l < p->f->nlangs; l++)
				if (o->label.tr[l] == NULL &&
				    form_phrase(p->f, i == 0 ? PH_YES : PH_NO,
				    l) != NULL)
					o->label.tr[l] = xstrdup(form_phrase(
					    p->f, i == 0 ? PH_YES : PH_NO, l));
			continue;
		}
		if (o->code[0] == '\0')
			continue;
		check_text(p, &o->label, "label", "option", o->code, o->loc);
		check_text(p, &o->help, "help", NULL, NULL, o->loc);
		check_describe(p, &o->describe, o->art != NULL, "option",
		    o->code, o->loc);
	}
}

/* A question: texts, scale bounds, options, show if, validations */
static void
check_question(struct form_parser *p, struct form_question *q)
{
	struct form_validation	*v;
	size_t			 i;

	if (q->id[0] == '\0')
		return;
	check_text(p, &q->label, "label", "question", q->id, q->loc);
	check_text(p, &q->help, "help", NULL, NULL, q->loc);
	check_describe(p, &q->describe, q->art != NULL, "question", q->id,
	    q->loc);
	check_text(p, &q->shortname, "short", NULL, NULL, q->loc);
	check_text(p, &q->low, "low", NULL, NULL, q->loc);
	check_text(p, &q->high, "high", NULL, NULL, q->loc);
	check_text(p, &q->pattern_message, "message", NULL, NULL, q->loc);
	if (q->type == QT_SCALE && !q->has_min && !q->has_max) {
		q->min = 1;
		q->max = 5;
	}
	if (q->type == QT_SCALE && (q->has_min != q->has_max))
		diag_add(p->d, q->loc.line, q->loc.col, "scale question '%s' "
		    "needs both 'min' and 'max' (or neither, for 1..5)", q->id);
	q->has_min = q->has_min || q->type == QT_SCALE;
	q->has_max = q->has_max || q->type == QT_SCALE;
	check_options(p, q);
	q->show_if = compile(p, q->show_if_src, q->show_if_loc, q->item, NULL,
	    "show if", EXPR_BOOL);
	for (i = 0; i < q->nvalidations; i++) {
		v = &q->validations[i];
		check_text(p, &v->message, "message", "this 'validate'",
		    NULL, v->loc);
		v->cond = compile(p, v->cond_src, v->cond_loc, q->item, q,
		    "validate", EXPR_BOOL);
	}
}

/* Sections, screens and questions in file order. */
static void
check_items(struct form_parser *p)
{
	struct form		*f = p->f;
	const struct form_item	*it;
	size_t			 i, nsec = 0;

	for (i = 0; i < f->nitems && !parse_full(p); i++) {
		it = &f->items[i];
		for (; it->section >= 0 && nsec <= (size_t)it->section; nsec++)
			check_section(p, &f->sections[nsec], (int)i);
		if (it->kind == ITEM_SCREEN)
			check_screen(p, &f->screens[it->ref]);
		else
			check_question(p, &f->questions[it->ref]);
	}
	for (; nsec < f->nsections && !parse_full(p); nsec++)
		check_section(p, &f->sections[nsec], (int)f->nitems);
}

/* A stop's kind and what it says about coming back. */
static void
check_stop(struct form_parser *p, struct form_rule *r)
{
	check_text(p, &r->until, "until", NULL, NULL, r->loc);
	check_text(p, &r->needs, "needs", NULL, NULL, r->loc);
	r->recheck = compile(p, r->recheck_src, r->recheck_loc, -1, NULL,
	    "recheck", EXPR_DATE);
	if (r->stop_kind == STOP_UNKNOWN && !p->stored)
		diag_add(p->d, r->loc.line, r->loc.col, "stop '%s' needs a "
		    "kind: 'stop %s defer|clearance|not-offered if ...'",
		    r->id, r->id);
	else if (r->stop_kind == STOP_CLEARANCE && !p->bad_lines &&
	    !p->lang_warned && !form_text_given(&r->needs))
		diag_add(p->d, r->loc.line, r->loc.col, "stop '%s' pending "
		    "clearance has no 'needs' (what the client must bring)",
		    r->id);
	else if (r->stop_kind == STOP_DEFER && r->recheck_src == NULL &&
	    !p->bad_lines && !p->lang_warned && !form_text_given(&r->until))
		diag_add(p->d, r->loc.line, r->loc.col, "deferral '%s' has "
		    "neither 'recheck DATE' nor 'until' (when to come back)",
		    r->id);
}

/* Rules: texts and expressions (which may look anywhere) */
static void
check_rules(struct form_parser *p)
{
	struct form_rule	*r;
	size_t			 i;

	for (i = 0; i < p->f->nrules && !parse_full(p); i++) {
		r = &p->f->rules[i];
		if (r->id[0] == '\0')
			continue;
		check_text(p, &r->text, "text", "rule", r->id, r->loc);
		check_text(p, &r->client, "client", NULL, NULL, r->loc);
		if (r->kind == RULE_STOP)
			check_stop(p, r);
		r->points = compile(p, r->points_src, r->points_loc, -1, NULL,
		    "rule", EXPR_NUM);
		r->cond = compile(p, r->cond_src, r->cond_loc, -1, NULL,
		    "rule", EXPR_BOOL);
	}
}

/* qsort comparison of bands by min, then file order. */
static int
band_cmp(const void *a, const void *b)
{
	const struct form_band	*x = a, *y = b;

	if (x->min != y->min)
		return x->min < y->min ? -1 : 1;
	return x->loc.line < y->loc.line ? -1 : x->loc.line > y->loc.line;
}

/* Band texts, one band from 0, no two bands from the same score. */
static void
check_bands(struct form_parser *p)
{
	struct form	*f = p->f;
	size_t		 i;

	for (i = 0; i < f->nbands; i++) {
		if (f->bands[i].id[0] != '\0')
			check_text(p, &f->bands[i].text, "text", "band",
			    f->bands[i].id, f->bands[i].loc);
		/* An outcome is a stop's kind or a band's id: keep them
		   apart. */
		if (strcmp(f->bands[i].id, "deferred") == 0 ||
		    strcmp(f->bands[i].id, "clearance") == 0 ||
		    strcmp(f->bands[i].id, "not-offered") == 0)
			diag_add(p->d, f->bands[i].loc.line,
			    f->bands[i].loc.col, "band '%s' would read as a "
			    "stop's outcome: choose another id",
			    f->bands[i].id);
	}
	if (f->nbands == 0)
		return;
	qsort(f->bands, f->nbands, sizeof *f->bands, band_cmp);
	if (f->bands[0].min > 0)
		diag_add(p->d, f->bands[0].loc.line, f->bands[0].loc.col,
		    "no band starts at 0 (the lowest band must be 'band 0 "
		    "ID')");
	for (i = 1; i < f->nbands; i++)
		if (f->bands[i].min >= 0 &&
		    f->bands[i].min == f->bands[i - 1].min)
			diag_add(p->d, f->bands[i].loc.line,
			    f->bands[i].loc.col, "band '%s' starts at %d "
			    "like band '%s' (line %d)", f->bands[i].id,
			    f->bands[i].min, f->bands[i - 1].id,
			    f->bands[i - 1].loc.line);
}

/* Resolve each flag's "cap BAND" to its band (bands are sorted by now). */
static void
check_caps(struct form_parser *p)
{
	struct form		*f = p->f;
	struct form_rule	*r;
	size_t			 i, j;

	for (i = 0; i < f->nrules; i++) {
		r = &f->rules[i];
		if (r->cap == NULL)
			continue;
		for (j = 0; j < f->nbands; j++)
			if (strcmp(f->bands[j].id, r->cap) == 0)
				r->cap_band = &f->bands[j];
		if (r->cap_band == NULL)
			diag_add(p->d, r->cap_loc.line, r->cap_loc.col,
			    "flag '%s' caps at band '%s', but there is no "
			    "such band", r->id, r->cap);
	}
}

/* The header and the phrases (before the pictures are read). */
void
form_check_head(struct form_parser *p)
{
	check_header(p);
	if (!p->stored)		/* a kept form's missing phrases fall back
				   (form_phrase): new ones came later */
		check_phrases(p);
}

/* Items, rules, bands and caps (after the pictures). */
void
form_check_body(struct form_parser *p)
{
	check_items(p);
	check_rules(p);
	if (!parse_full(p)) {
		check_bands(p);
		check_caps(p);
	}
}
