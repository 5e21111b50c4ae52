/*
 * form.c: loading a form (read, parse, check), freeing it, the id table,
 * and the small accessors of smp_form.h.
 *
 * The work is split: form_parse.c turns lines into the model, form_check.c
 * checks the model whole and compiles its expressions, form_art.c reads
 * the pictures.  A form with any problem is freed and NULL returned.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "form/expr.h"
#include "form/form.h"
#include "idtab.h"

/* Free every translation of t (not t itself) */
static void
form_text_free(struct form_text *t)
{
	int	i;

	for (i = 0; i < FORM_MAX_LANGS; i++)
		free(t->tr[i]);
}

/* Is any translation of t set? */
bool
form_text_given(const struct form_text *t)
{
	int	i;

	for (i = 0; i < FORM_MAX_LANGS; i++)
		if (t->tr[i] != NULL)
			return true;
	return false;
}

/* Free one question and everything it owns. */
static void
free_question(struct form_question *q)
{
	size_t	i;

	free(q->id);
	form_text_free(&q->label);
	form_text_free(&q->help);
	form_text_free(&q->describe);
	form_text_free(&q->shortname);
	form_text_free(&q->low);
	form_text_free(&q->high);
	form_text_free(&q->pattern_message);
	free(q->pattern);
	if (q->pattern_re != NULL) {
		regfree(q->pattern_re);
		free(q->pattern_re);
	}
	for (i = 0; i < q->noptions; i++) {
		free(q->options[i].code);
		form_text_free(&q->options[i].label);
		form_text_free(&q->options[i].help);
		form_text_free(&q->options[i].describe);
	}
	free(q->options);
	expr_free(q->show_if);
	free(q->show_if_src);
	for (i = 0; i < q->nvalidations; i++) {
		expr_free(q->validations[i].cond);
		free(q->validations[i].cond_src);
		form_text_free(&q->validations[i].message);
	}
	free(q->validations);
}

/* Free the sections, screens, rules, bands and pictures of f. */
static void
free_parts(struct form *f)
{
	size_t	i;

	for (i = 0; i < f->nsections; i++) {
		free(f->sections[i].id);
		form_text_free(&f->sections[i].title);
		form_text_free(&f->sections[i].intro);
		expr_free(f->sections[i].show_if);
		free(f->sections[i].show_if_src);
	}
	for (i = 0; i < f->nscreens; i++) {
		free(f->screens[i].id);
		form_text_free(&f->screens[i].title);
		form_text_free(&f->screens[i].text);
		form_text_free(&f->screens[i].agree);
		expr_free(f->screens[i].show_if);
		free(f->screens[i].show_if_src);
	}
	for (i = 0; i < f->nrules; i++) {
		free(f->rules[i].id);
		expr_free(f->rules[i].cond);
		expr_free(f->rules[i].points);
		free(f->rules[i].cond_src);
		free(f->rules[i].points_src);
		free(f->rules[i].group);
		free(f->rules[i].cap);
		form_text_free(&f->rules[i].text);
		form_text_free(&f->rules[i].client);
		expr_free(f->rules[i].recheck);
		free(f->rules[i].recheck_src);
		form_text_free(&f->rules[i].until);
		form_text_free(&f->rules[i].needs);
	}
	for (i = 0; i < f->nbands; i++) {
		free(f->bands[i].id);
		form_text_free(&f->bands[i].text);
	}
	for (i = 0; i < f->narts; i++) {
		free(f->arts[i].name);
		free(f->arts[i].utf8);
		free(f->arts[i].ascii);
		if (f->arts[i].view != NULL) {
			free(f->arts[i].view->name);
			free(f->arts[i].view->utf8);
			free(f->arts[i].view->ascii);
			free(f->arts[i].view);
		}
	}
}

/* Free f and everything it owns; NULL is fine */
void
form_free(struct form *f)
{
	size_t	i;
	int	l;

	if (f == NULL)
		return;
	for (i = 0; i < f->nquestions; i++)
		free_question(&f->questions[i]);
	free_parts(f);
	free(f->questions);
	free(f->sections);
	free(f->screens);
	free(f->rules);
	free(f->bands);
	free(f->arts);
	free(f->items);
	for (l = 0; l < FORM_MAX_LANGS; l++)
		free(f->langs[l]);
	form_text_free(&f->title);
	for (i = 0; i < PHRASE__COUNT; i++)
		form_text_free(&f->phrases[i]);
	if (f->index != NULL) {
		idtab_done(f->index);
		free(f->index);
	}
	free(f->path);
	free(f->id);
	free(f->source);
	free(f);
}

/* The item (question or screen: one id index) with this id, or NULL */
static const struct form_item *
form_item_of(const struct form *f, const char *id)
{
	int	i;

	if (f->index == NULL ||
	    (i = idtab_find(f->index, id, strlen(id))) < 0)
		return NULL;
	return &f->items[i];
}

/* The screen with this id, or NULL */
const struct form_screen *
form_screen(const struct form *f, const char *id)
{
	const struct form_item	*it = form_item_of(f, id);

	return it != NULL && it->kind == ITEM_SCREEN ?
	    &f->screens[it->ref] : NULL;
}

/* The question with this id (hash lookup), or NULL */
const struct form_question *
form_question(const struct form *f, const char *id)
{
	const struct form_item	*it = form_item_of(f, id);

	return it != NULL && it->kind == ITEM_QUESTION ?
	    &f->questions[it->ref] : NULL;
}

/* The option of q with this code, or NULL */
const struct form_option *
form_option(const struct form_question *q, const char *code)
{
	size_t	i;

	for (i = 0; i < q->noptions; i++)
		if (strcmp(q->options[i].code, code) == 0)
			return &q->options[i];
	return NULL;
}

/* Index of a language code in f->langs, or -1 */
int
form_lang(const struct form *f, const char *code)
{
	int	i;

	for (i = 0; i < f->nlangs; i++)
		if (strcmp(f->langs[i], code) == 0)
			return i;
	return -1;
}

/* t in lang, else in the first language; may be NULL */
const char *
form_tr(const struct form_text *t, int lang)
{
	if (lang >= 0 && lang < FORM_MAX_LANGS && t->tr[lang] != NULL)
		return t->tr[lang];
	return t->tr[0];
}

/* Phrase p: the form's override, else the built-in text */
const char *
form_phrase(const struct form *f, enum phrase p, int lang)
{
	const char	*s;

	if (lang < 0 || lang >= f->nlangs)
		lang = 0;
	if (f->phrases[p].tr[lang] != NULL)
		return f->phrases[p].tr[lang];
	if (f->nlangs > 0 &&
	    (s = i18n_builtin(p, f->langs[lang])) != NULL)
		return s;
	if (f->phrases[p].tr[0] != NULL)
		return f->phrases[p].tr[0];
	if (f->nlangs > 0 && (s = i18n_builtin(p, f->langs[0])) != NULL)
		return s;
	return i18n_builtin(p, "en");
}

/* Short name of q, else its label */
const char *
form_qname(const struct form_question *q, int lang)
{
	const char	*s = form_tr(&q->shortname, lang);

	return s != NULL ? s : form_tr(&q->label, lang);
}

/* The type's keyword ("choice"...) */
const char *
form_qtype_name(enum form_qtype t)
{
	static const char *const names[] = {
		"choice", "multi", "yesno", "text", "longtext", "integer",
		"decimal", "date", "scale"
	};

	return (size_t)t < SMP_NELEM(names) ? names[t] : "?";
}

/* The picture text for this terminal. */
const char *
form_art_text(const struct form_art *art, bool utf8)
{
	if (art == NULL)
		return NULL;
	return utf8 && art->utf8 != NULL ? art->utf8 : art->ascii;
}

/* An option's label in lang, else its code. */
const char *
form_option_label(const struct form_option *o, int lang)
{
	const char	*s = form_tr(&o->label, lang);

	return s != NULL ? s : o->code;
}
