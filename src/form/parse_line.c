/*
 * parse_line.c: the line parser of forms.  Each line starts with a
 * keyword; its handler reads the rest of the line and fills the model.
 * Attribute lines belong to the block opened last (form header, section,
 * screen, question, option, rule, band); see docs/form-language.md.
 * The header, section, screen, rule and band keywords are here; question
 * and option keywords in parse_question.c.
 *
 * Only syntax and placement are checked here.  Everything that needs the
 * whole form (translations, references, expressions, pictures) is left to
 * form_check.c, which runs once every line is read.
 */
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/i18n.h"
#include "base/xmalloc.h"
#include "parse.h"
#include "parse_line.h"
#include "parse_question.h"

/* Report a header keyword outside the form header; true if so. */
static bool
not_header(struct form_parser *p, const char *kw)
{
	if (p->ctx == PC_FORM)
		return false;
	parse_err(p, 0, "'%s' belongs to the form header, before the first "
	    "section, screen or question", kw);
	return true;
}

/* form ID */
static void
kw_form(struct form_parser *p)
{
	if (p->f->id != NULL) {
		parse_err(p, 0, "a form has only one 'form' line");
		return;
	}
	p->seen_form = true;
	p->ctx = PC_FORM;
	if ((p->f->id = parse_id(p, 1, "a form", false)) == NULL) {
		p->f->id = xstrdup("");
		return;
	}
	parse_extra(p, 2, "the form id");
}

/* version N */
static void
kw_version(struct form_parser *p)
{
	int	v;

	if (not_header(p, "version"))
		return;
	if (p->f->version != 0) {
		parse_err(p, 0, "'version' given twice");
		return;
	}
	if (parse_int(p, 1, "version", 1, 1000000, &v) == 0) {
		p->f->version = v;
		parse_extra(p, 2, "the version");
	}
}

/* Is t a language code: two or three lowercase letters? */
static bool
lang_code(const struct lex_token *t)
{
	size_t	i;

	if (t->kind != LEX_WORD || t->len < 2 || t->len > 3)
		return false;
	for (i = 0; i < t->len; i++)
		if (t->p[i] < 'a' || t->p[i] > 'z')
			return false;
	return true;
}

/* languages CODE */
static void
kw_languages(struct form_parser *p)
{
	struct form	*f = p->f;
	size_t		 i;

	if (not_header(p, "languages"))
		return;
	if (f->nlangs > 0) {
		parse_err(p, 0, "'languages' given twice");
		return;
	}
	if (NTOK(p) < 2)
		parse_err(p, 1, "expected one or more language codes");
	p->langs_loc = parse_loc(p, 0);
	for (i = 1; i < NTOK(p); i++) {
		if (!lang_code(TOK(p, i))) {
			parse_err(p, i, "language code '%.*s' must be two or "
			    "three lowercase letters", parse_tlen(TOK(p, i)),
			    TOK(p, i)->p);
			continue;
		}
		if (f->nlangs == FORM_MAX_LANGS) {
			parse_err(p, i, "at most %d languages", FORM_MAX_LANGS);
			return;
		}
		f->langs[f->nlangs] = xstrndup(TOK(p, i)->p, TOK(p, i)->len);
		if (form_lang(f, f->langs[f->nlangs]) >= 0) {
			parse_err(p, i, "language '%s' listed twice",
			    f->langs[f->nlangs]);
			free(f->langs[f->nlangs]);
			f->langs[f->nlangs] = NULL;
			continue;
		}
		p->lang_col[f->nlangs++] = TOK(p, i)->col;
	}
}

/* title LANG "text", for the form, a section or a screen */
static void
kw_title(struct form_parser *p)
{
	struct form	*f = p->f;

	if (p->ctx == PC_FORM)
		parse_text(p, 1, &f->title, "title", false);
	else if (p->ctx == PC_SECTION)
		parse_text(p, 1, &f->sections[f->nsections - 1].title, "title",
		    false);
	else if (p->ctx == PC_SCREEN)
		parse_text(p, 1, &f->screens[f->nscreens - 1].title, "title",
		    false);
	else if (p->ctx == PC_QUESTION || p->ctx == PC_OPTION)
		parse_err(p, 0, "'title' belongs to the form, a section or a "
		    "screen (a question has a 'label')");
	else
		parse_err(p, 0, "'title' belongs to the form, a section or a "
		    "screen");
}

/* end summary|thanks|score */
static void
kw_end(struct form_parser *p)
{
	static const char *const ends[] = { "summary", "thanks", "score" };
	size_t	i;

	if (not_header(p, "end"))
		return;
	for (i = 0; NTOK(p) > 1 && i < SMP_NELEM(ends); i++)
		if (lex_is(TOK(p, 1), ends[i]))
			break;
	if (NTOK(p) < 2 || i == SMP_NELEM(ends)) {
		parse_err(p, 1, "expected 'end summary', 'end thanks' or "
		    "'end score'");
		return;
	}
	p->f->end = (enum form_end)i;
	parse_extra(p, 2, "the end setting");
}

/* phrase KEY LANG "text" */
static void
kw_phrase(struct form_parser *p)
{
	char	*key, *kw;
	int	 k;

	if (not_header(p, "phrase"))
		return;
	if (NTOK(p) < 2 || TOK(p, 1)->kind != LEX_WORD) {
		parse_err(p, 1, "expected 'phrase KEY LANG \"text\"'");
		return;
	}
	key = xstrndup(TOK(p, 1)->p, TOK(p, 1)->len);
	if ((k = i18n_phrase_lookup(key)) < 0)
		parse_err(p, 1,
		    "unknown phrase '%s' (smp-intake check --phrases "
		    "lists them)", key);
	else {
		kw = xasprintf("phrase %s", key);
		parse_text(p, 2, &p->f->phrases[k], kw, false);
		free(kw);
	}
	free(key);
}

/* section ID [show if EXPR] */
static void
kw_section(struct form_parser *p)
{
	struct form		*f = p->f;
	struct form_section	*s;
	int			 old;

	f->sections = parse_grow(f->sections, f->nsections, &p->cap_sec,
	    sizeof *f->sections);
	s = &f->sections[f->nsections];
	p->section = (int)f->nsections++;
	p->ctx = PC_SECTION;
	s->loc = parse_loc(p, 0);
	if ((s->id = parse_id(p, 1, "a section", false)) == NULL) {
		s->id = xstrdup("");
		return;
	}
	if ((old = idtab_add(&p->sections, s->id, p->section)) >= 0)
		parse_err(p, 1, "duplicate section '%s' (first on line %d)",
		    s->id, f->sections[old].loc.line);
	if (NTOK(p) > 2)
		parse_show_if(p, 2, &s->show_if_src, &s->show_if_loc);
}

/* intro LANG "text" */
static void
kw_intro(struct form_parser *p)
{
	if (p->ctx != PC_SECTION) {
		parse_err(p, 0, "'intro' belongs to a section");
		return;
	}
	parse_text(p, 1, &p->f->sections[p->f->nsections - 1].intro, "intro",
	    false);
}

/* show if EXPR, on its own line */
static void
kw_show(struct form_parser *p)
{
	struct form	*f = p->f;

	if (p->ctx == PC_SECTION)
		parse_show_if(p, 0, &f->sections[f->nsections - 1].show_if_src,
		    &f->sections[f->nsections - 1].show_if_loc);
	else if (p->ctx == PC_SCREEN)
		parse_show_if(p, 0, &f->screens[f->nscreens - 1].show_if_src,
		    &f->screens[f->nscreens - 1].show_if_loc);
	else if (p->ctx == PC_QUESTION)
		parse_show_if(p, 0,
		    &f->questions[f->nquestions - 1].show_if_src,
		    &f->questions[f->nquestions - 1].show_if_loc);
	else if (p->ctx == PC_OPTION)
		parse_err(p, 0, "'show if' belongs to the question: put it "
		    "before the first option");
	else
		parse_err(p, 0, "'show if' belongs to a section, screen or "
		    "question");
}

/* screen ID [show if EXPR] */
static void
kw_screen(struct form_parser *p)
{
	struct form		*f = p->f;
	struct form_screen	*s;

	f->screens = parse_grow(f->screens, f->nscreens, &p->cap_scr,
	    sizeof *f->screens);
	s = &f->screens[f->nscreens];
	s->index = (int)f->nscreens++;
	s->section = p->section;
	s->loc = parse_loc(p, 0);
	s->item = parse_add_item(p, ITEM_SCREEN, s->index);
	p->ctx = PC_SCREEN;
	if ((s->id = parse_id(p, 1, "a screen", false)) == NULL) {
		s->id = xstrdup("");
		return;
	}
	parse_item_id(p, s->id, s->item);
	if (NTOK(p) > 2)
		parse_show_if(p, 2, &s->show_if_src, &s->show_if_loc);
}

/* text LANG "text", for a screen (a paragraph), a rule or a band */
static void
kw_text(struct form_parser *p)
{
	struct form	*f = p->f;

	if (p->ctx == PC_SCREEN)
		parse_text(p, 1, &f->screens[f->nscreens - 1].text, "text",
		    true);
	else if (p->ctx == PC_RULE)
		parse_text(p, 1, &f->rules[f->nrules - 1].text, "text", false);
	else if (p->ctx == PC_BAND)
		parse_text(p, 1, &f->bands[f->nbands - 1].text, "text", false);
	else
		parse_err(p, 0, "'text' belongs to a screen, a rule or a band");
}

/* agree LANG "text" */
static void
kw_agree(struct form_parser *p)
{
	if (p->ctx != PC_SCREEN) {
		parse_err(p, 0, "'agree' belongs to a screen");
		return;
	}
	parse_text(p, 1, &p->f->screens[p->f->nscreens - 1].agree, "agree",
	    false);
}

/* rules: closes the block above */
static void
kw_rules(struct form_parser *p)
{
	p->ctx = PC_NONE;
	parse_extra(p, 1, "'rules'");
}

/* Index of the first "if" from token i on, or the number of tokens. */
static size_t
find_if(const struct form_parser *p, size_t i)
{
	for (; i < NTOK(p); i++)
		if (lex_is(TOK(p, i), "if"))
			break;
	return i;
}

/*
 * The optional "WORD NAME" between a rule's id and "if": "group G" for a
 * recommendation, "cap BAND" for a flag.  what names NAME in messages.
 */
static void
rule_named(struct form_parser *p, size_t k, const char *word,
    const char *what, char **dst)
{
	if (k == 2)
		return;
	if (!lex_is(TOK(p, 2), word)) {
		parse_err(p, 2,
		    "expected '%s NAME' or 'if', found '%.*s'", word,
		    parse_tlen(TOK(p, 2)), TOK(p, 2)->p);
		return;
	}
	if (k == 3) {
		parse_err(p, 3, "expected %s name after '%s'", what, word);
		return;
	}
	if ((*dst = parse_id(p, 3, what, false)) != NULL && k > 4)
		parse_err(p, 4, "expected 'if', found '%.*s'",
		    parse_tlen(TOK(p, 4)), TOK(p, 4)->p);
}

/* A stop's kind, as written ("not-offered"), by enum form_stop_kind. */
static const char *const stop_kinds[] = {
	"", "clearance", "defer", "not-offered"
};

/* "stop ID KIND if": the kind (token 2) of a stop whose "if" is token k. */
static void
stop_kind(struct form_parser *p, struct form_rule *r, size_t k)
{
	const char	*s;
	size_t		 i;

	if (k == 2)
		return;		/* no kind: form_check says if that is wrong */
	for (i = 1; i < SMP_NELEM(stop_kinds); i++)
		if (lex_is(TOK(p, 2), stop_kinds[i]))
			break;
	if (i == SMP_NELEM(stop_kinds)) {
		s = parse_suggest(TOK(p, 2), stop_kinds + 1,
		    SMP_NELEM(stop_kinds) - 1);
		parse_err(p, 2, "unknown stop kind '%.*s'%s%s%s (expected "
		    "defer, clearance or not-offered)", parse_tlen(TOK(p, 2)),
		    TOK(p, 2)->p, s ? " (did you mean '" : "", s ? s : "",
		    s ? "'?)" : "");
		/* One mistake, one message: a kind that asks nothing more. */
		r->stop_kind = STOP_NOT_OFFERED;
		return;
	}
	r->stop_kind = (enum form_stop_kind)i;
	if (k > 3)
		parse_err(p, 3, "expected 'if', found '%.*s'",
		    parse_tlen(TOK(p, 3)), TOK(p, 3)->p);
}

/* The part of a rule line between its id and "if". */
static void
rule_head(struct form_parser *p, struct form_rule *r, size_t k)
{
	if (r->kind == RULE_POINTS)
		parse_expr(p, 2, k, "the points before 'if'", &r->points_src,
		    &r->points_loc);
	else if (r->kind == RULE_RECOMMEND)
		rule_named(p, k, "group", "a group", &r->group);
	else if (r->kind == RULE_FLAG) {
		if (k > 3)
			r->cap_loc = parse_loc(p, 3);
		rule_named(p, k, "cap", "a band", &r->cap);
	} else
		stop_kind(p, r, k);
}

/* A rule line: points, stop, flag or recommend. */
static void
parse_rule(struct form_parser *p, enum form_rule_kind kind)
{
	struct form		*f = p->f;
	struct form_rule	*r;
	size_t			 k;
	int			 old;

	f->rules = parse_grow(f->rules, f->nrules, &p->cap_rules,
	    sizeof *f->rules);
	r = &f->rules[f->nrules++];
	r->kind = kind;
	r->loc = parse_loc(p, 0);
	p->ctx = PC_RULE;
	if ((r->id = parse_id(p, 1, "a rule", false)) == NULL) {
		r->id = xstrdup("");
		return;
	}
	if ((old = idtab_add(&p->rules, r->id, (int)f->nrules - 1)) >= 0)
		parse_err(p, 1, "duplicate rule '%s' (first on line %d)", r->id,
		    f->rules[old].loc.line);
	if ((k = find_if(p, 2)) == NTOK(p)) {
		parse_err(p, k, "expected 'if CONDITION'");
		return;
	}
	rule_head(p, r, k);
	parse_expr(p, k + 1, NTOK(p), "a condition after 'if'", &r->cond_src,
	    &r->cond_loc);
}

/* points/stop/flag/recommend ID ... if COND */
static void
kw_rule(struct form_parser *p)
{
	if (lex_is(TOK(p, 0), "stop"))
		parse_rule(p, RULE_STOP);
	else if (lex_is(TOK(p, 0), "flag"))
		parse_rule(p, RULE_FLAG);
	else if (lex_is(TOK(p, 0), "recommend"))
		parse_rule(p, RULE_RECOMMEND);
	else
		parse_rule(p, RULE_POINTS);
}

/* band MIN ID */
static void
kw_band(struct form_parser *p)
{
	struct form		*f = p->f;
	struct form_band	*b;
	int			 old;

	f->bands = parse_grow(f->bands, f->nbands, &p->cap_bands,
	    sizeof *f->bands);
	b = &f->bands[f->nbands++];
	b->loc = parse_loc(p, 0);
	b->min = -1;
	p->ctx = PC_BAND;
	if (parse_int(p, 1, "band", 0, 100, &b->min) < 0) {
		b->min = -1;
		b->id = xstrdup("");
		return;
	}
	if ((b->id = parse_id(p, 2, "a band", false)) == NULL) {
		b->id = xstrdup("");
		return;
	}
	if ((old = idtab_add(&p->bands, b->id, (int)f->nbands - 1)) >= 0)
		parse_err(p, 2, "duplicate band '%s' (first on line %d)", b->id,
		    f->bands[old].loc.line);
	parse_extra(p, 3, "the band id");
}

/* client LANG "text", for a stop rule */
static void
kw_client(struct form_parser *p)
{
	struct form	*f = p->f;

	if (p->ctx != PC_RULE || f->rules[f->nrules - 1].kind != RULE_STOP) {
		parse_err(p, 0, "'client' belongs to a 'stop' rule");
		return;
	}
	parse_text(p, 1, &f->rules[f->nrules - 1].client, "client", false);
}

/* The stop rule open above, if its kind is one of kinds; else report
   that kw belongs to such a stop and return NULL. */
static struct form_rule *
stop_open(struct form_parser *p, const char *kw, enum form_stop_kind kind,
    const char *which)
{
	struct form_rule	*r;

	r = p->ctx == PC_RULE ? &p->f->rules[p->f->nrules - 1] : NULL;
	if (r == NULL || r->kind != RULE_STOP || (r->stop_kind != kind &&
	    r->stop_kind != STOP_UNKNOWN)) {
		parse_err(p, 0, "'%s' belongs to a 'stop ID %s' rule", kw,
		    which);
		return NULL;
	}
	return r;
}

/* recheck EXPR: a deferral's re-check date */
static void
kw_recheck(struct form_parser *p)
{
	struct form_rule	*r;

	if ((r = stop_open(p, "recheck", STOP_DEFER, "defer")) == NULL)
		return;
	if (r->recheck_src != NULL) {
		parse_err(p, 0, "'recheck' given twice");
		return;
	}
	parse_expr(p, 1, NTOK(p), "a date after 'recheck'", &r->recheck_src,
	    &r->recheck_loc);
}

/* until LANG "text": a deferral's re-check in words */
static void
kw_until(struct form_parser *p)
{
	struct form_rule	*r;

	if ((r = stop_open(p, "until", STOP_DEFER, "defer")) != NULL)
		parse_text(p, 1, &r->until, "until", false);
}

/* needs LANG "text": what a stop pending clearance waits for */
static void
kw_needs(struct form_parser *p)
{
	struct form_rule	*r;

	if ((r = stop_open(p, "needs", STOP_CLEARANCE, "clearance")) != NULL)
		parse_text(p, 1, &r->needs, "needs", false);
}

/* points: an option's points, or a points rule. */
static void
kw_points(struct form_parser *p)
{
	if (parse_question_is_points(p))
		parse_question_points(p);
	else
		kw_rule(p);
}

/* Keyword handlers: above, and in parse_question.c. */
static const struct form_kw {
	const char	*name;
	void		(*fn)(struct form_parser *);
} keywords[] = {
	{ "form", kw_form },
	{ "version", kw_version },
	{ "languages", kw_languages },
	{ "title", kw_title },
	{ "end", kw_end },
	{ "phrase", kw_phrase },
	{ "section", kw_section },
	{ "intro", kw_intro },
	{ "show", kw_show },
	{ "screen", kw_screen },
	{ "text", kw_text },
	{ "agree", kw_agree },
	{ "question", parse_question_start },
	{ "label", parse_question_label },
	{ "help", parse_question_help },
	{ "describe", parse_question_describe },
	{ "short", parse_question_attr },
	{ "min", parse_question_attr },
	{ "max", parse_question_attr },
	{ "maxlen", parse_question_attr },
	{ "pattern", parse_question_attr },
	{ "low", parse_question_attr },
	{ "high", parse_question_attr },
	{ "validate", parse_question_attr },
	{ "precision", parse_question_attr },
	{ "message", parse_question_message },
	{ "art", parse_question_art },
	{ "option", parse_question_option },
	{ "points", kw_points },
	{ "rules", kw_rules },
	{ "stop", kw_rule },
	{ "flag", kw_rule },
	{ "recommend", kw_rule },
	{ "band", kw_band },
	{ "client", kw_client },
	{ "recheck", kw_recheck },
	{ "until", kw_until },
	{ "needs", kw_needs },
};

/* Report an unknown keyword, suggesting the closest one. */
static void
unknown_keyword(struct form_parser *p)
{
	const char	*names[SMP_NELEM(keywords)], *s;
	size_t		 i;

	for (i = 0; i < SMP_NELEM(keywords); i++)
		names[i] = keywords[i].name;
	s = parse_suggest(TOK(p, 0), names, SMP_NELEM(keywords));
	if (s != NULL)
		parse_err(p, 0, "unknown keyword '%.*s' (did you mean '%s'?)",
		    parse_tlen(TOK(p, 0)), TOK(p, 0)->p, s);
	else
		parse_err(p, 0, "unknown keyword '%.*s'", parse_tlen(TOK(p, 0)),
		    TOK(p, 0)->p);
}

/* Parse the current line. */
static void
line_parse(struct form_parser *p)
{
	const struct lex_token	*t = TOK(p, 0);
	size_t			 i;

	if (t->kind != LEX_WORD) {
		parse_err(p, 0,
		    "expected a keyword, found '%.*s'", parse_tlen(t),
		    t->p);
		return;
	}
	for (i = 0; i < SMP_NELEM(keywords); i++)
		if (t->p[0] == keywords[i].name[0] &&
		    lex_is(t, keywords[i].name))
			break;
	if (i == SMP_NELEM(keywords)) {
		unknown_keyword(p);
		return;
	}
	if (!p->seen_form && i != 0) {
		parse_err(p, 0, "expected 'form ID' before '%s'",
		    keywords[i].name);
		p->seen_form = true;
		p->ctx = PC_FORM;	/* read the header without its line */
	}
	if (keywords[i].fn != parse_question_message &&
	    keywords[i].fn != parse_question_attr)
		p->sub = SUB_NONE;
	keywords[i].fn(p);
}

/* Parse every line of the source; an empty file is an error */
void
parse_line_all(struct form_parser *p)
{
	struct lexer		*lx;
	bool			 any = false;
	size_t			 n;

	lx = lex_new(p->f->source, p->f->source_len, p->d);
	for (;;) {
		n = diag_count(p->d);
		if (parse_full(p) || (p->ln = lex_next(lx)) == NULL)
			break;
		if (diag_count(p->d) != n)
			p->bad_lines = true;
		any = true;
		line_parse(p);
	}
	if (diag_count(p->d) != n)
		p->bad_lines = true;
	p->ln = NULL;
	lex_free(lx);
	if (!any && diag_count(p->d) == p->base)
		diag_add(p->d, 1, 1, "empty form: expected 'form ID'");
}
