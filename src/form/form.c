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

#include "form_int.h"
#include "form/expr.h"
#include "base/util.h"

/* FNV-1a over key[0..len). */
static size_t
idtab_hash(const char *key, size_t len)
{
	size_t	h = 2166136261u, i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 16777619u;
	}
	return h;
}

/* An empty table (allocates nothing) */
void
idtab_init(struct idtab *t)
{
	memset(t, 0, sizeof *t);
}

/* Free the slots; the keys are borrowed and stay */
void
idtab_done(struct idtab *t)
{
	free(t->slots);
	idtab_init(t);
}

/* The slot for key: where it is, or the empty slot where it would go. */
static struct idslot *
idtab_slot(const struct idtab *t, const char *key, size_t len)
{
	size_t		 i = idtab_hash(key, len) & (t->cap - 1);
	struct idslot	*s;

	for (;; i = (i + 1) & (t->cap - 1)) {
		s = &t->slots[i];
		if (s->key == NULL || (s->len == len &&
		    memcmp(s->key, key, len) == 0))
			return s;
	}
}

/* Look key[0..len) up */
int
idtab_find(const struct idtab *t, const char *key, size_t len)
{
	struct idslot	*s;

	if (t->cap == 0)
		return -1;
	s = idtab_slot(t, key, len);
	return s->key != NULL ? s->val : -1;
}

/* Double the table (or make its first 16 slots). */
static void
idtab_grow(struct idtab *t)
{
	struct idslot	*old = t->slots;
	size_t		 oldcap = t->cap, i;

	t->cap = oldcap ? oldcap * 2 : 16;
	t->slots = xcalloc(t->cap, sizeof *t->slots);
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*idtab_slot(t, old[i].key, old[i].len) = old[i];
	free(old);
}

/* Insert key (borrowed), growing at half full */
int
idtab_add(struct idtab *t, const char *key, int val)
{
	struct idslot	*s;
	size_t		 len = strlen(key);

	if ((t->n + 1) * 2 > t->cap)
		idtab_grow(t);
	s = idtab_slot(t, key, len);
	if (s->key != NULL)
		return s->val;
	s->key = key;
	s->len = len;
	s->val = val;
	t->n++;
	return -1;
}

/* Free every translation of t (not t itself) */
void
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
	}
	for (i = 0; i < f->nbands; i++) {
		free(f->bands[i].id);
		form_text_free(&f->bands[i].text);
	}
	for (i = 0; i < f->narts; i++) {
		free(f->arts[i].name);
		free(f->arts[i].utf8);
		free(f->arts[i].ascii);
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

/* "<dir of path>/art", or "art"; the caller frees it */
char *
form_art_dir(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup("art");
	return xasprintf("%.*s/art", (int)(slash - path), path);
}

/* Has the diag limit been passed (stop adding work)? */
bool
form_p_full(const struct form_parser *p)
{
	return diag_count(p->d) > diag_kept(p->d);
}

/* Parse and check buf[0..len); NULL with every problem in d */
struct form *
form_parse(const char *name, const char *buf, size_t len,
    const char *art_dir, unsigned flags, struct diag *d)
{
	struct form_parser	 p;
	struct form		*f = xcalloc(1, sizeof *f);
	size_t			 i;

	f->path = xstrdup(name);
	f->source = xmalloc(len + 1);
	memcpy(f->source, buf, len);
	f->source[len] = '\0';
	f->source_len = len;
	memset(&p, 0, sizeof p);
	p.f = f;
	p.d = d;
	p.base = diag_count(d);
	p.art_dir = (flags & FORM_NO_ART) ? NULL : art_dir;
	p.section = -1;
	form_p_lines(&p);
	if (p.seen_form && !form_p_full(&p))
		form_p_check(&p);
	f->index = xmalloc(sizeof p.ids);
	memcpy(f->index, &p.ids, sizeof p.ids);
	idtab_done(&p.sections);
	idtab_done(&p.rules);
	idtab_done(&p.bands);
	idtab_done(&p.options);
	for (i = 0; i < p.narts; i++)
		free(p.arts[i].name);
	free(p.arts);
	if (diag_count(d) > p.base) {
		form_free(f);
		return NULL;
	}
	return f;
}

/* Read path, then form_parse() it with pictures from beside it */
struct form *
form_load(const char *path, unsigned flags, struct diag *d)
{
	struct form	*f;
	char		*buf, *err = NULL, *dir;
	const char	*why;
	size_t		 len, plen = strlen(path);

	if ((buf = util_read_file(path, FORM_MAX_BYTES, &len, &err)) == NULL) {
		why = err;
		if (strncmp(err, path, plen) == 0 && err[plen] == ':')
			why = err + plen + 2;
		diag_add(d, 1, 1, "cannot read the form: %s", why);
		free(err);
		return NULL;
	}
	dir = form_art_dir(path);
	f = form_parse(path, buf, len, dir, flags, d);
	free(dir);
	free(buf);
	return f;
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
