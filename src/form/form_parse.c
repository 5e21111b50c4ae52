/*
 * form_parse.c: the line parser.  Each line starts with a keyword; the
 * keyword's handler reads the rest of the line and fills the model.
 * Attribute lines belong to the block opened last (form header, section,
 * screen, question, option, rule, band); see docs/form-language.md.
 *
 * Only syntax and placement are checked here.  Everything that needs the
 * whole form (translations, references, expressions, pictures) is left to
 * form_check.c, which runs once every line is read.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "form_parse.h"
#include "base/util.h"

/* The i'th token of the line being parsed. */
#define TOK(p, i)	(&(p)->ln->toks[(i)])
#define NTOK(p)		((p)->ln->ntoks)

/* Bytes of token t worth quoting in a message (at most about 40). */
int
fp_tlen(const struct lex_token *t)
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
fp_err(struct form_parser *p, size_t i, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;
	int	 col;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	col = i < NTOK(p) ? TOK(p, i)->col : (NTOK(p) > 0 ?
	    TOK(p, NTOK(p) - 1)->col + lex_cols(TOK(p, NTOK(p) - 1)->p,
	    TOK(p, NTOK(p) - 1)->len) : 1);
	diag_add(p->d, p->ln->lineno, col, "%s", msg);
	free(msg);
}

/* The location of token i of the current line. */
struct form_loc
fp_loc(const struct form_parser *p, size_t i)
{
	struct form_loc	loc;

	loc.line = p->ln->lineno;
	loc.col = TOK(p, i)->col;
	return loc;
}

/* Make room for one more element in *arr (n used, *cap allocated). */
void *
fp_grow(void *arr, size_t n, size_t *cap, size_t size)
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
fp_extra(struct form_parser *p, size_t i, const char *after)
{
	if (i >= NTOK(p))
		return false;
	fp_err(p, i, "unexpected '%.*s' after %s", fp_tlen(TOK(p, i)),
	    TOK(p, i)->p, after);
	return true;
}

/*
 * An id at token i: a word ([A-Za-z_][A-Za-z0-9_-]*), or for questions
 * strictly [a-z_][a-z0-9_]*.  Returns a new string, or NULL after an error.
 */
char *
fp_id(struct form_parser *p, size_t i, const char *what, bool strict)
{
	const struct lex_token	*t;
	size_t			 k;

	if (i >= NTOK(p)) {
		fp_err(p, i, "expected %s id", what);
		return NULL;
	}
	t = TOK(p, i);
	if (t->kind != LEX_WORD || t->p[0] == '-' ||
	    (t->p[0] >= '0' && t->p[0] <= '9')) {
		fp_err(p, i, "expected %s id, found '%.*s'", what,
		    fp_tlen(t), t->p);
		return NULL;
	}
	for (k = 0; strict && k < t->len; k++) {
		if ((t->p[k] < 'a' || t->p[k] > 'z') && t->p[k] != '_' &&
		    (t->p[k] < '0' || t->p[k] > '9')) {
			fp_err(p, i, "question id '%.*s' may hold only "
			    "lowercase letters, digits and '_'",
			    fp_tlen(t), t->p);
			return NULL;
		}
	}
	return xstrndup(t->p, t->len);
}

/* A number at token i into *out; -1 after an error. */
int
fp_num(struct form_parser *p, size_t i, const char *what, double lo,
    double hi, bool whole, double *out)
{
	const struct lex_token	*t;
	char			*s;
	double			 v;

	if (i >= NTOK(p)) {
		fp_err(p, i, "expected a number after '%s'", what);
		return -1;
	}
	t = TOK(p, i);
	if (t->kind != LEX_NUMBER || (whole && memchr(t->p, '.', t->len))) {
		fp_err(p, i, "expected %s after '%s', found '%.*s'",
		    whole ? "a whole number" : "a number", what, fp_tlen(t),
		    t->p);
		return -1;
	}
	s = xstrndup(t->p, t->len);
	v = strtod(s, NULL);
	free(s);
	if (!(v >= lo && v <= hi)) {
		fp_err(p, i, "'%s' must be from %.15g to %.15g, not %.*s",
		    what, lo, hi, fp_tlen(t), t->p);
		return -1;
	}
	*out = v;
	return 0;
}

/* The same as fp_num() for a whole number that fits an int. */
int
fp_int(struct form_parser *p, size_t i, const char *what, int lo, int hi,
    int *out)
{
	double	v;

	if (fp_num(p, i, what, lo, hi, true, &v) < 0)
		return -1;
	*out = (int)v;
	return 0;
}

/*
 * The source text of tokens [from, to) as a new string in *src, and where
 * it starts in *loc.  Reports "expected ..." and returns -1 when empty.
 */
int
fp_expr(struct form_parser *p, size_t from, size_t to, const char *what,
    char **src, struct form_loc *loc)
{
	const struct lex_token	*a, *b;

	if (from >= to) {
		fp_err(p, from, "expected %s", what);
		return -1;
	}
	a = TOK(p, from);
	b = TOK(p, to - 1);
	free(*src);
	*src = xstrndup(a->p, (size_t)(b->p + b->len - a->p));
	*loc = fp_loc(p, from);
	return 0;
}

/*
 * "show if EXPR" from token i to the end of the line, into *src, *loc.
 * Reports a second "show if" for the same block.
 */
void
fp_show_if(struct form_parser *p, size_t i, char **src, struct form_loc *loc)
{
	if (i + 1 >= NTOK(p) || !lex_is(TOK(p, i), "show") ||
	    !lex_is(TOK(p, i + 1), "if")) {
		fp_err(p, i, "expected 'show if CONDITION', found '%.*s'",
		    fp_tlen(TOK(p, i)), TOK(p, i)->p);
		return;
	}
	if (*src != NULL) {
		fp_err(p, i, "'show if' given twice");
		return;
	}
	fp_expr(p, i + 2, NTOK(p), "a condition after 'show if'", src, loc);
}

/* The language at token i: its index, or -1 after an error. */
static int
text_lang(struct form_parser *p, size_t i, const char *kw)
{
	const struct lex_token	*t = TOK(p, i);
	struct strbuf		 sb;
	int			 l;

	if (t->kind != LEX_WORD) {
		fp_err(p, i, "expected a language code after '%s', found "
		    "'%.*s'", kw, fp_tlen(t), t->p);
		return -1;
	}
	for (l = 0; l < p->f->nlangs; l++)
		if (lex_is(t, p->f->langs[l]))
			return l;
	if (p->f->nlangs == 0) {
		if (!p->lang_warned)
			fp_err(p, i, "'languages' must come before the "
			    "first text");
		p->lang_warned = true;
		return -1;
	}
	sb_init(&sb);
	for (l = 0; l < p->f->nlangs; l++)
		sb_addf(&sb, " %s", p->f->langs[l]);
	fp_err(p, i, "unknown language '%.*s' (the form's languages are%s)",
	    fp_tlen(t), t->p, sb.s);
	sb_done(&sb);
	return -1;
}

/*
 * A translated text line "KW LANG "text"" whose LANG is token i; sets
 * t->tr[LANG].  With para, a repeated line adds a paragraph.
 */
void
fp_text(struct form_parser *p, size_t i, struct form_text *t,
    const char *kw, bool para)
{
	const struct lex_token	*s;
	char			*old;
	int			 l;

	if (i + 1 >= NTOK(p) || TOK(p, i + 1)->kind != LEX_STRING) {
		fp_err(p, i + 1 < NTOK(p) ? i + 1 : i, "expected LANG "
		    "\"text\" after '%s'", kw);
		return;
	}
	if ((l = text_lang(p, i, kw)) < 0)
		return;
	s = TOK(p, i + 1);
	if (fp_extra(p, i + 2, "the text"))
		return;
	if (s->str[0] == '\0') {
		fp_err(p, i + 1, "empty text");
		return;
	}
	if (!form_text_given(t))
		t->loc = fp_loc(p, 0);
	if (t->tr[l] != NULL && !para) {
		fp_err(p, 0, "'%s %s' given twice", kw, p->f->langs[l]);
		return;
	}
	if ((old = t->tr[l]) != NULL) {
		t->tr[l] = xasprintf("%s\n\n%s", old, s->str);
		free(old);
	} else
		t->tr[l] = xstrdup(s->str);
}

/* Keyword handlers, in form_parse_kw.c and below. */
static const struct form_kw {
	const char	*name;
	void		(*fn)(struct form_parser *);
} keywords[] = {
	{ "form", fp_kw_form },
	{ "version", fp_kw_version },
	{ "languages", fp_kw_languages },
	{ "title", fp_kw_title },
	{ "end", fp_kw_end },
	{ "phrase", fp_kw_phrase },
	{ "section", fp_kw_section },
	{ "intro", fp_kw_intro },
	{ "show", fp_kw_show },
	{ "screen", fp_kw_screen },
	{ "text", fp_kw_text },
	{ "agree", fp_kw_agree },
	{ "question", fp_kw_question },
	{ "label", fp_kw_label },
	{ "help", fp_kw_help },
	{ "short", fp_kw_qattr },
	{ "min", fp_kw_qattr },
	{ "max", fp_kw_qattr },
	{ "maxlen", fp_kw_qattr },
	{ "pattern", fp_kw_qattr },
	{ "low", fp_kw_qattr },
	{ "high", fp_kw_qattr },
	{ "validate", fp_kw_qattr },
	{ "message", fp_kw_message },
	{ "art", fp_kw_art },
	{ "option", fp_kw_option },
	{ "points", fp_kw_points },
	{ "rules", fp_kw_rules },
	{ "stop", fp_kw_rule },
	{ "flag", fp_kw_rule },
	{ "recommend", fp_kw_rule },
	{ "band", fp_kw_band },
	{ "client", fp_kw_client },
};

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
fp_suggest(const struct lex_token *t, const char *const *words, size_t n)
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

/* Report an unknown keyword, suggesting the closest one. */
static void
unknown_keyword(struct form_parser *p)
{
	const char	*names[SMP_NELEM(keywords)], *s;
	size_t		 i;

	for (i = 0; i < SMP_NELEM(keywords); i++)
		names[i] = keywords[i].name;
	s = fp_suggest(TOK(p, 0), names, SMP_NELEM(keywords));
	if (s != NULL)
		fp_err(p, 0, "unknown keyword '%.*s' (did you mean '%s'?)",
		    fp_tlen(TOK(p, 0)), TOK(p, 0)->p, s);
	else
		fp_err(p, 0, "unknown keyword '%.*s'", fp_tlen(TOK(p, 0)),
		    TOK(p, 0)->p);
}

/* Parse the current line. */
static void
parse_line(struct form_parser *p)
{
	const struct lex_token	*t = TOK(p, 0);
	size_t			 i;

	if (t->kind != LEX_WORD) {
		fp_err(p, 0, "expected a keyword, found '%.*s'", fp_tlen(t),
		    t->p);
		return;
	}
	for (i = 0; i < SMP_NELEM(keywords); i++)
		if (lex_is(t, keywords[i].name))
			break;
	if (i == SMP_NELEM(keywords)) {
		unknown_keyword(p);
		return;
	}
	if (!p->seen_form && i != 0) {
		fp_err(p, 0, "expected 'form ID' before '%s'",
		    keywords[i].name);
		p->seen_form = true;
		p->ctx = PC_FORM;	/* read the header without its line */
	}
	if (keywords[i].fn != fp_kw_message && keywords[i].fn != fp_kw_qattr)
		p->sub = SUB_NONE;
	keywords[i].fn(p);
}

/* Parse every line of the source; an empty file is an error */
void
form_p_lines(struct form_parser *p)
{
	struct lexer		*lx;
	bool			 any = false;
	size_t			 n;

	lx = lex_new(p->f->source, p->f->source_len, p->d);
	for (;;) {
		n = diag_count(p->d);
		if (form_p_full(p) || (p->ln = lex_next(lx)) == NULL)
			break;
		if (diag_count(p->d) != n)
			p->bad_lines = true;
		any = true;
		parse_line(p);
	}
	if (diag_count(p->d) != n)
		p->bad_lines = true;
	p->ln = NULL;
	lex_free(lx);
	if (!any && diag_count(p->d) == p->base)
		diag_add(p->d, 1, 1, "empty form: expected 'form ID'");
}
