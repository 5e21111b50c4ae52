/*
 * parse.c: the helpers every keyword handler of the form parser uses:
 * tokens, located errors, ids, numbers, translated texts, expressions,
 * the walk order (see parse.h).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xmalloc.h"
#include "parse.h"

#define NTOK(p)		((p)->ln->ntoks)

/* Bytes of token t worth quoting in a message (at most about 40). */
int
parse_tlen(const struct lex_token *t)
{
	size_t	n = t->len;

	if (n > 40) {
		n = 40;
		while (n > 0 && ((unsigned char)t->p[n] & 0xc0) == 0x80)
			n--;
	}
	return (int)n;
}

/* Report a problem at token i of the current line. */
void
parse_err(struct form_parser *p, size_t i, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;
	int	 col;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	col = i < NTOK(p) ? TOK(p, i)->col : (NTOK(p) > 0 ?
	    TOK(p, NTOK(p) - 1)->col + (int)utf8_count(TOK(p, NTOK(p) - 1)->p,
	    TOK(p, NTOK(p) - 1)->len) : 1);
	diag_add(p->d, p->ln->lineno, col, "%s", msg);
	free(msg);
}

/* The location of token i of the current line. */
struct form_loc
parse_loc(const struct form_parser *p, size_t i)
{
	struct form_loc	loc;

	loc.line = p->ln->lineno;
	loc.col = TOK(p, i)->col;
	return loc;
}

/* Make room for one more element in *arr (n used, *cap allocated). */
void *
parse_grow(void *arr, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 8;
	arr = xreallocarray(arr, *cap, size);
	memset((char *)arr + n * size, 0, (*cap - n) * size);
	return arr;
}

/* Report extra tokens from token i on; true if there were some. */
bool
parse_extra(struct form_parser *p, size_t i, const char *after)
{
	if (i >= NTOK(p))
		return false;
	parse_err(p, i, "unexpected '%.*s' after %s", parse_tlen(TOK(p, i)),
	    TOK(p, i)->p, after);
	return true;
}

/*
 * An id at token i: a word ([A-Za-z_][A-Za-z0-9_-]*), or for questions
 * strictly [a-z_][a-z0-9_]*.  Returns a new string, or NULL after an error.
 */
char *
parse_id(struct form_parser *p, size_t i, const char *what, bool strict)
{
	const struct lex_token	*t;
	size_t			 k;

	if (i >= NTOK(p)) {
		parse_err(p, i, "expected %s id", what);
		return NULL;
	}
	t = TOK(p, i);
	if (t->kind != LEX_WORD || t->p[0] == '-' ||
	    (t->p[0] >= '0' && t->p[0] <= '9')) {
		parse_err(p, i, "expected %s id, found '%.*s'", what,
		    parse_tlen(t), t->p);
		return NULL;
	}
	for (k = 0; strict && k < t->len; k++) {
		if ((t->p[k] < 'a' || t->p[k] > 'z') && t->p[k] != '_' &&
		    (t->p[k] < '0' || t->p[k] > '9')) {
			parse_err(p, i, "question id '%.*s' may hold only "
			    "lowercase letters, digits and '_'",
			    parse_tlen(t), t->p);
			return NULL;
		}
	}
	return xstrndup(t->p, t->len);
}

/* A number at token i into *out; -1 after an error. */
int
parse_num(struct form_parser *p, size_t i, const char *what, double lo,
    double hi, bool whole, double *out)
{
	const struct lex_token	*t;
	char			*s;
	double			 v;

	if (i >= NTOK(p)) {
		parse_err(p, i, "expected a number after '%s'", what);
		return -1;
	}
	t = TOK(p, i);
	if (t->kind != LEX_NUMBER || (whole && memchr(t->p, '.', t->len))) {
		parse_err(p, i, "expected %s after '%s', found '%.*s'",
		    whole ? "a whole number" : "a number", what, parse_tlen(t),
		    t->p);
		return -1;
	}
	s = xstrndup(t->p, t->len);
	v = strtod(s, NULL);
	free(s);
	if (!(v >= lo && v <= hi)) {
		parse_err(p, i, "'%s' must be from %.15g to %.15g, not %.*s",
		    what, lo, hi, parse_tlen(t), t->p);
		return -1;
	}
	*out = v;
	return 0;
}

/* The same as parse_num() for a whole number that fits an int. */
int
parse_int(struct form_parser *p, size_t i, const char *what, int lo, int hi,
    int *out)
{
	double	v;

	if (parse_num(p, i, what, lo, hi, true, &v) < 0)
		return -1;
	*out = (int)v;
	return 0;
}

/*
 * The source text of tokens [from, to) as a new string in *src, and where
 * it starts in *loc.  Reports "expected ..." and returns -1 when empty.
 */
int
parse_expr(struct form_parser *p, size_t from, size_t to, const char *what,
    char **src, struct form_loc *loc)
{
	const struct lex_token	*a, *b;

	if (from >= to) {
		parse_err(p, from, "expected %s", what);
		return -1;
	}
	a = TOK(p, from);
	b = TOK(p, to - 1);
	free(*src);
	*src = xstrndup(a->p, (size_t)(b->p + b->len - a->p));
	*loc = parse_loc(p, from);
	return 0;
}

/*
 * "show if EXPR" from token i to the end of the line, into *src, *loc.
 * Reports a second "show if" for the same block.
 */
void
parse_show_if(struct form_parser *p, size_t i, char **src, struct form_loc *loc)
{
	if (i + 1 >= NTOK(p) || !lex_is(TOK(p, i), "show") ||
	    !lex_is(TOK(p, i + 1), "if")) {
		parse_err(p, i, "expected 'show if CONDITION', found '%.*s'",
		    parse_tlen(TOK(p, i)), TOK(p, i)->p);
		return;
	}
	if (*src != NULL) {
		parse_err(p, i, "'show if' given twice");
		return;
	}
	parse_expr(p, i + 2, NTOK(p), "a condition after 'show if'", src, loc);
}

/* The language at token i: its index, or -1 after an error. */
static int
text_lang(struct form_parser *p, size_t i, const char *kw)
{
	const struct lex_token	*t = TOK(p, i);
	struct strbuf		 sb;
	int			 l;

	if (t->kind != LEX_WORD) {
		parse_err(p, i, "expected a language code after '%s', found "
		    "'%.*s'", kw, parse_tlen(t), t->p);
		return -1;
	}
	for (l = 0; l < p->f->nlangs; l++)
		if (lex_is(t, p->f->langs[l]))
			return l;
	if (p->f->nlangs == 0) {
		if (!p->lang_warned)
			parse_err(p, i, "'languages' must come before the "
			    "first text");
		p->lang_warned = true;
		return -1;
	}
	strbuf_init(&sb);
	for (l = 0; l < p->f->nlangs; l++)
		strbuf_addf(&sb, " %s", p->f->langs[l]);
	parse_err(p, i, "unknown language '%.*s' (the form's languages are%s)",
	    parse_tlen(t), t->p, sb.s);
	strbuf_done(&sb);
	return -1;
}

/*
 * A translated text line "KW LANG "text"" whose LANG is token i; sets
 * t->tr[LANG].  With para, a repeated line adds a paragraph.
 */
void
parse_text(struct form_parser *p, size_t i, struct form_text *t,
    const char *kw, bool para)
{
	const struct lex_token	*s;
	char			*old;
	size_t			 have, add;
	int			 l;

	if (i + 1 >= NTOK(p) || TOK(p, i + 1)->kind != LEX_STRING) {
		parse_err(p, i + 1 < NTOK(p) ? i + 1 : i, "expected LANG "
		    "\"text\" after '%s'", kw);
		return;
	}
	if ((l = text_lang(p, i, kw)) < 0)
		return;
	s = TOK(p, i + 1);
	if (parse_extra(p, i + 2, "the text"))
		return;
	if (s->str[0] == '\0') {
		parse_err(p, i + 1, "empty text");
		return;
	}
	if (!form_text_given(t))
		t->loc = parse_loc(p, 0);
	if (t->tr[l] != NULL && !para) {
		parse_err(p, 0, "'%s %s' given twice", kw, p->f->langs[l]);
		return;
	}
	if ((old = t->tr[l]) != NULL) {	/* a new paragraph */
		have = strlen(old);
		add = strlen(s->str);
		t->tr[l] = xrealloc(old, have + 2 + add + 1);
		memcpy(t->tr[l] + have, "\n\n", 2);
		memcpy(t->tr[l] + have + 2, s->str, add + 1);
	} else
		t->tr[l] = xstrdup(s->str);
}

/* Edit distance of a[0..n) and b, giving up (returning 99) past 3. */
static int
distance(const char *a, size_t n, const char *b)
{
	int	row[16], prev, tmp, best;
	size_t	m = strlen(b), i, j;

	if (n >= 15 || m >= 15)
		return 99;
	for (j = 0; j <= m; j++)
		row[j] = (int)j;
	for (i = 1; i <= n; i++) {
		prev = row[0];
		row[0] = (int)i;
		best = row[0];
		for (j = 1; j <= m; j++) {
			tmp = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (tmp + 1 < row[j])
				row[j] = tmp + 1;
			prev = tmp;
			if (row[j] < best)
				best = row[j];
		}
		if (best > 3)
			return 99;
	}
	return row[m];
}

/* The known word closest to t (at most 2 edits away), or NULL. */
const char *
parse_suggest(const struct lex_token *t, const char *const *words, size_t n)
{
	const char	*best = NULL;
	int		 bd = 3, dd;
	size_t		 i;

	for (i = 0; i < n; i++)
		if ((dd = distance(t->p, t->len, words[i])) < bd) {
			bd = dd;
			best = words[i];
		}
	return bd <= 2 && t->len > 2 ? best : NULL;
}

/* Has the diag limit been passed (stop adding work)? */
bool
parse_full(const struct form_parser *p)
{
	return diag_count(p->d) > diag_kept(p->d);
}

/* Add an item (screen or question) to the walk; returns its index. */
int
parse_add_item(struct form_parser *p, enum form_item_kind kind, int ref)
{
	struct form	*f = p->f;

	f->items = parse_grow(f->items, f->nitems, &p->cap_items,
	    sizeof *f->items);
	f->items[f->nitems].kind = kind;
	f->items[f->nitems].ref = ref;
	f->items[f->nitems].section = p->section;
	return (int)f->nitems++;
}

/* Register id for item (in the shared namespace); reports a duplicate. */
void
parse_item_id(struct form_parser *p, const char *id, int item)
{
	const struct form_item	*it;
	int			 old, line;

	if (id[0] == '\0' || (old = idtab_add(&p->ids, id, item)) < 0)
		return;
	it = &p->f->items[old];
	line = it->kind == ITEM_QUESTION ? p->f->questions[it->ref].loc.line :
	    p->f->screens[it->ref].loc.line;
	parse_err(p, 1, "duplicate id '%s' (first used on line %d)", id, line);
}
