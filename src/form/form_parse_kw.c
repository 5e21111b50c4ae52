/*
 * form_parse_kw.c: keyword handlers for the form header, sections,
 * screens, rules and bands.  Questions and options are in form_parse_q.c.
 */
#include <stdlib.h>
#include <string.h>

#include "form_parse.h"
#include "base/i18n.h"
#include "base/util.h"

#define TOK(p, i)	(&(p)->ln->toks[(i)])
#define NTOK(p)		((p)->ln->ntoks)

/* Report a header keyword outside the form header; true if so. */
static bool
not_header(struct form_parser *p, const char *kw)
{
	if (p->ctx == PC_FORM)
		return false;
	fp_err(p, 0, "'%s' belongs to the form header, before the first "
	    "section, screen or question", kw);
	return true;
}

/* form ID */
void
fp_kw_form(struct form_parser *p)
{
	if (p->f->id != NULL) {
		fp_err(p, 0, "a form has only one 'form' line");
		return;
	}
	p->seen_form = true;
	p->ctx = PC_FORM;
	if ((p->f->id = fp_id(p, 1, "a form", false)) == NULL) {
		p->f->id = xstrdup("");
		return;
	}
	fp_extra(p, 2, "the form id");
}

/* version N */
void
fp_kw_version(struct form_parser *p)
{
	int	v;

	if (not_header(p, "version"))
		return;
	if (p->f->version != 0) {
		fp_err(p, 0, "'version' given twice");
		return;
	}
	if (fp_int(p, 1, "version", 1, 1000000, &v) == 0) {
		p->f->version = v;
		fp_extra(p, 2, "the version");
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
void
fp_kw_languages(struct form_parser *p)
{
	struct form	*f = p->f;
	size_t		 i;

	if (not_header(p, "languages"))
		return;
	if (f->nlangs > 0) {
		fp_err(p, 0, "'languages' given twice");
		return;
	}
	if (NTOK(p) < 2)
		fp_err(p, 1, "expected one or more language codes");
	p->langs_loc = fp_loc(p, 0);
	for (i = 1; i < NTOK(p); i++) {
		if (!lang_code(TOK(p, i))) {
			fp_err(p, i, "language code '%.*s' must be two or "
			    "three lowercase letters", fp_tlen(TOK(p, i)),
			    TOK(p, i)->p);
			continue;
		}
		if (f->nlangs == FORM_MAX_LANGS) {
			fp_err(p, i, "at most %d languages", FORM_MAX_LANGS);
			return;
		}
		f->langs[f->nlangs] = xstrndup(TOK(p, i)->p, TOK(p, i)->len);
		if (form_lang(f, f->langs[f->nlangs]) >= 0) {
			fp_err(p, i, "language '%s' listed twice",
			    f->langs[f->nlangs]);
			free(f->langs[f->nlangs]);
			f->langs[f->nlangs] = NULL;
			continue;
		}
		p->lang_col[f->nlangs++] = TOK(p, i)->col;
	}
}

/* title LANG "text", for the form, a section or a screen */
void
fp_kw_title(struct form_parser *p)
{
	struct form	*f = p->f;

	if (p->ctx == PC_FORM)
		fp_text(p, 1, &f->title, "title", false);
	else if (p->ctx == PC_SECTION)
		fp_text(p, 1, &f->sections[f->nsections - 1].title, "title",
		    false);
	else if (p->ctx == PC_SCREEN)
		fp_text(p, 1, &f->screens[f->nscreens - 1].title, "title",
		    false);
	else if (p->ctx == PC_QUESTION || p->ctx == PC_OPTION)
		fp_err(p, 0, "'title' belongs to the form, a section or a "
		    "screen (a question has a 'label')");
	else
		fp_err(p, 0, "'title' belongs to the form, a section or a "
		    "screen");
}

/* end summary|thanks|score */
void
fp_kw_end(struct form_parser *p)
{
	static const char *const ends[] = { "summary", "thanks", "score" };
	size_t	i;

	if (not_header(p, "end"))
		return;
	for (i = 0; NTOK(p) > 1 && i < SMP_NELEM(ends); i++)
		if (lex_is(TOK(p, 1), ends[i]))
			break;
	if (NTOK(p) < 2 || i == SMP_NELEM(ends)) {
		fp_err(p, 1, "expected 'end summary', 'end thanks' or "
		    "'end score'");
		return;
	}
	p->f->end = (enum form_end)i;
	fp_extra(p, 2, "the end setting");
}

/* phrase KEY LANG "text" */
void
fp_kw_phrase(struct form_parser *p)
{
	char	*key, *kw;
	int	 k;

	if (not_header(p, "phrase"))
		return;
	if (NTOK(p) < 2 || TOK(p, 1)->kind != LEX_WORD) {
		fp_err(p, 1, "expected 'phrase KEY LANG \"text\"'");
		return;
	}
	key = xstrndup(TOK(p, 1)->p, TOK(p, 1)->len);
	if ((k = i18n_phrase_lookup(key)) < 0)
		fp_err(p, 1, "unknown phrase '%s' (smp-intake check --phrases "
		    "lists them)", key);
	else {
		kw = xasprintf("phrase %s", key);
		fp_text(p, 2, &p->f->phrases[k], kw, false);
		free(kw);
	}
	free(key);
}

/* Add an item (screen or question) to the walk; returns its index. */
int
fp_add_item(struct form_parser *p, enum form_item_kind kind, int ref)
{
	struct form	*f = p->f;

	f->items = fp_grow(f->items, f->nitems, &p->cap_items,
	    sizeof *f->items);
	f->items[f->nitems].kind = kind;
	f->items[f->nitems].ref = ref;
	f->items[f->nitems].section = p->section;
	return (int)f->nitems++;
}

/* Register id for item (in the shared namespace); reports a duplicate. */
void
fp_item_id(struct form_parser *p, const char *id, int item)
{
	const struct form_item	*it;
	int			 old, line;

	if (id[0] == '\0' || (old = idtab_add(&p->ids, id, item)) < 0)
		return;
	it = &p->f->items[old];
	line = it->kind == ITEM_QUESTION ? p->f->questions[it->ref].loc.line :
	    p->f->screens[it->ref].loc.line;
	fp_err(p, 1, "duplicate id '%s' (first used on line %d)", id, line);
}

/* section ID [show if EXPR] */
void
fp_kw_section(struct form_parser *p)
{
	struct form		*f = p->f;
	struct form_section	*s;
	int			 old;

	f->sections = fp_grow(f->sections, f->nsections, &p->cap_sec,
	    sizeof *f->sections);
	s = &f->sections[f->nsections];
	p->section = (int)f->nsections++;
	p->ctx = PC_SECTION;
	s->loc = fp_loc(p, 0);
	if ((s->id = fp_id(p, 1, "a section", false)) == NULL) {
		s->id = xstrdup("");
		return;
	}
	if ((old = idtab_add(&p->sections, s->id, p->section)) >= 0)
		fp_err(p, 1, "duplicate section '%s' (first on line %d)",
		    s->id, f->sections[old].loc.line);
	if (NTOK(p) > 2)
		fp_show_if(p, 2, &s->show_if_src, &s->show_if_loc);
}

/* intro LANG "text" */
void
fp_kw_intro(struct form_parser *p)
{
	if (p->ctx != PC_SECTION) {
		fp_err(p, 0, "'intro' belongs to a section");
		return;
	}
	fp_text(p, 1, &p->f->sections[p->f->nsections - 1].intro, "intro",
	    false);
}

/* show if EXPR, on its own line */
void
fp_kw_show(struct form_parser *p)
{
	struct form	*f = p->f;

	if (p->ctx == PC_SECTION)
		fp_show_if(p, 0, &f->sections[f->nsections - 1].show_if_src,
		    &f->sections[f->nsections - 1].show_if_loc);
	else if (p->ctx == PC_SCREEN)
		fp_show_if(p, 0, &f->screens[f->nscreens - 1].show_if_src,
		    &f->screens[f->nscreens - 1].show_if_loc);
	else if (p->ctx == PC_QUESTION)
		fp_show_if(p, 0, &f->questions[f->nquestions - 1].show_if_src,
		    &f->questions[f->nquestions - 1].show_if_loc);
	else if (p->ctx == PC_OPTION)
		fp_err(p, 0, "'show if' belongs to the question: put it "
		    "before the first option");
	else
		fp_err(p, 0, "'show if' belongs to a section, screen or "
		    "question");
}

/* screen ID [show if EXPR] */
void
fp_kw_screen(struct form_parser *p)
{
	struct form		*f = p->f;
	struct form_screen	*s;

	f->screens = fp_grow(f->screens, f->nscreens, &p->cap_scr,
	    sizeof *f->screens);
	s = &f->screens[f->nscreens];
	s->index = (int)f->nscreens++;
	s->section = p->section;
	s->loc = fp_loc(p, 0);
	s->item = fp_add_item(p, ITEM_SCREEN, s->index);
	p->ctx = PC_SCREEN;
	if ((s->id = fp_id(p, 1, "a screen", false)) == NULL) {
		s->id = xstrdup("");
		return;
	}
	fp_item_id(p, s->id, s->item);
	if (NTOK(p) > 2)
		fp_show_if(p, 2, &s->show_if_src, &s->show_if_loc);
}

/* text LANG "text", for a screen (a paragraph), a rule or a band */
void
fp_kw_text(struct form_parser *p)
{
	struct form	*f = p->f;

	if (p->ctx == PC_SCREEN)
		fp_text(p, 1, &f->screens[f->nscreens - 1].text, "text", true);
	else if (p->ctx == PC_RULE)
		fp_text(p, 1, &f->rules[f->nrules - 1].text, "text", false);
	else if (p->ctx == PC_BAND)
		fp_text(p, 1, &f->bands[f->nbands - 1].text, "text", false);
	else
		fp_err(p, 0, "'text' belongs to a screen, a rule or a band");
}

/* agree LANG "text" */
void
fp_kw_agree(struct form_parser *p)
{
	if (p->ctx != PC_SCREEN) {
		fp_err(p, 0, "'agree' belongs to a screen");
		return;
	}
	fp_text(p, 1, &p->f->screens[p->f->nscreens - 1].agree, "agree",
	    false);
}

/* rules: closes the block above */
void
fp_kw_rules(struct form_parser *p)
{
	p->ctx = PC_NONE;
	fp_extra(p, 1, "'rules'");
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
		fp_err(p, 2, "expected '%s NAME' or 'if', found '%.*s'", word,
		    fp_tlen(TOK(p, 2)), TOK(p, 2)->p);
		return;
	}
	if (k == 3) {
		fp_err(p, 3, "expected %s name after '%s'", what, word);
		return;
	}
	if ((*dst = fp_id(p, 3, what, false)) != NULL && k > 4)
		fp_err(p, 4, "expected 'if', found '%.*s'",
		    fp_tlen(TOK(p, 4)), TOK(p, 4)->p);
}

/* The part of a rule line between its id and "if". */
static void
rule_head(struct form_parser *p, struct form_rule *r, size_t k)
{
	if (r->kind == RULE_POINTS)
		fp_expr(p, 2, k, "the points before 'if'", &r->points_src,
		    &r->points_loc);
	else if (r->kind == RULE_RECOMMEND)
		rule_named(p, k, "group", "a group", &r->group);
	else if (r->kind == RULE_FLAG) {
		if (k > 3)
			r->cap_loc = fp_loc(p, 3);
		rule_named(p, k, "cap", "a band", &r->cap);
	} else if (k > 2)
		fp_err(p, 2, "expected 'if', found '%.*s'", fp_tlen(TOK(p, 2)),
		    TOK(p, 2)->p);
}

/* A rule line: points, stop, flag or recommend. */
static void
parse_rule(struct form_parser *p, enum form_rule_kind kind)
{
	struct form		*f = p->f;
	struct form_rule	*r;
	size_t			 k;
	int			 old;

	f->rules = fp_grow(f->rules, f->nrules, &p->cap_rules,
	    sizeof *f->rules);
	r = &f->rules[f->nrules++];
	r->kind = kind;
	r->loc = fp_loc(p, 0);
	p->ctx = PC_RULE;
	if ((r->id = fp_id(p, 1, "a rule", false)) == NULL) {
		r->id = xstrdup("");
		return;
	}
	if ((old = idtab_add(&p->rules, r->id, (int)f->nrules - 1)) >= 0)
		fp_err(p, 1, "duplicate rule '%s' (first on line %d)", r->id,
		    f->rules[old].loc.line);
	if ((k = find_if(p, 2)) == NTOK(p)) {
		fp_err(p, k, "expected 'if CONDITION'");
		return;
	}
	rule_head(p, r, k);
	fp_expr(p, k + 1, NTOK(p), "a condition after 'if'", &r->cond_src,
	    &r->cond_loc);
}

/* points/stop/flag/recommend ID ... if COND */
void
fp_kw_rule(struct form_parser *p)
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
void
fp_kw_band(struct form_parser *p)
{
	struct form		*f = p->f;
	struct form_band	*b;
	int			 old;

	f->bands = fp_grow(f->bands, f->nbands, &p->cap_bands,
	    sizeof *f->bands);
	b = &f->bands[f->nbands++];
	b->loc = fp_loc(p, 0);
	b->min = -1;
	p->ctx = PC_BAND;
	if (fp_int(p, 1, "band", 0, 100, &b->min) < 0) {
		b->min = -1;
		b->id = xstrdup("");
		return;
	}
	if ((b->id = fp_id(p, 2, "a band", false)) == NULL) {
		b->id = xstrdup("");
		return;
	}
	if ((old = idtab_add(&p->bands, b->id, (int)f->nbands - 1)) >= 0)
		fp_err(p, 2, "duplicate band '%s' (first on line %d)", b->id,
		    f->bands[old].loc.line);
	fp_extra(p, 3, "the band id");
}

/* client LANG "text", for a stop rule */
void
fp_kw_client(struct form_parser *p)
{
	struct form	*f = p->f;

	if (p->ctx != PC_RULE || f->rules[f->nrules - 1].kind != RULE_STOP) {
		fp_err(p, 0, "'client' belongs to a 'stop' rule");
		return;
	}
	fp_text(p, 1, &f->rules[f->nrules - 1].client, "client", false);
}
