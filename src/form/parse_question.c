/*
 * parse_question.c: keyword handlers for questions, their attributes and
 * their options.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/xmalloc.h"
#include "parse.h"
#include "parse_question.h"

#define NUM_LIMIT	1e9	/* largest min/max magnitude */

static const char *const qtypes[] = {
	"choice", "multi", "yesno", "text", "longtext", "integer", "decimal",
	"date", "scale"
};

/* The question being declared. */
static struct form_question *
cur_q(struct form_parser *p)
{
	return &p->f->questions[p->f->nquestions - 1];
}

/* Append an option with code (taken over) to q; returns it. */
static struct form_option *
add_option(struct form_parser *p, struct form_question *q, char *code)
{
	struct form_option	*o;

	q->options = parse_grow(q->options, q->noptions, &p->cap_opts,
	    sizeof *q->options);
	o = &q->options[q->noptions++];
	o->code = code;
	o->loc = q->loc;
	return o;
}

/* The type word at token 2 of a question line; -1 after an error. */
static int
question_type(struct form_parser *p)
{
	const char	*s;
	size_t		 i;

	if (NTOK(p) < 3) {
		parse_err(p, 2,
		    "expected a question type (choice, multi, yesno, "
		    "text, longtext, integer, decimal, date or scale)");
		return -1;
	}
	for (i = 0; i < SMP_NELEM(qtypes); i++)
		if (lex_is(TOK(p, 2), qtypes[i]))
			return (int)i;
	if ((s = parse_suggest(TOK(p, 2), qtypes, SMP_NELEM(qtypes))) != NULL)
		parse_err(p, 2, "unknown question type '%.*s' (did you mean "
		    "'%s'?)", parse_tlen(TOK(p, 2)), TOK(p, 2)->p, s);
	else
		parse_err(p, 2, "unknown question type '%.*s'",
		    parse_tlen(TOK(p, 2)), TOK(p, 2)->p);
	return -1;
}

/* The flags after the type: required, identifier, show if. */
static void
question_flags(struct form_parser *p, struct form_question *q)
{
	size_t	i;

	for (i = 3; i < NTOK(p); i++) {
		if (lex_is(TOK(p, i), "required"))
			q->required = true;
		else if (lex_is(TOK(p, i), "identifier"))
			q->identifier = true;
		else if (lex_is(TOK(p, i), "show")) {
			parse_show_if(p, i, &q->show_if_src, &q->show_if_loc);
			return;
		} else {
			parse_err(p, i,
			    "unexpected '%.*s' (expected 'required', "
			    "'identifier' or 'show if')", parse_tlen(TOK(p, i)),
			    TOK(p, i)->p);
			return;
		}
	}
}

/* question ID TYPE [required] [identifier] [show if EXPR] */
void
parse_question_start(struct form_parser *p)
{
	struct form		*f = p->f;
	struct form_question	*q;
	int			 t;

	f->questions = parse_grow(f->questions, f->nquestions, &p->cap_q,
	    sizeof *f->questions);
	q = &f->questions[f->nquestions];
	q->index = (int)f->nquestions++;
	q->section = p->section;
	q->loc = parse_loc(p, 0);
	q->item = parse_add_item(p, ITEM_QUESTION, q->index);
	q->type = QT_TEXT;
	p->ctx = PC_QUESTION;
	p->quiet = true;
	p->cap_opts = p->cap_vals = 0;
	idtab_done(&p->options);
	if ((q->id = parse_id(p, 1, "a question", true)) == NULL) {
		q->id = xstrdup("");
		return;
	}
	parse_item_id(p, q->id, q->item);
	if ((t = question_type(p)) < 0)
		return;
	q->type = (enum form_qtype)t;
	p->quiet = false;
	question_flags(p, q);
	if (q->type == QT_YESNO) {
		add_option(p, q, xstrdup("yes"));
		add_option(p, q, xstrdup("no"));
	}
}

/* label LANG "text", for a question or an option */
void
parse_question_label(struct form_parser *p)
{
	struct form_question	*q;

	if (p->ctx != PC_QUESTION && p->ctx != PC_OPTION) {
		parse_err(p, 0, "'label' belongs to a question or an option");
		return;
	}
	q = cur_q(p);
	parse_text(p, 1, p->ctx == PC_QUESTION ? &q->label :
	    &q->options[q->noptions - 1].label, "label", false);
}

/* help LANG "text", for a question or an option */
void
parse_question_help(struct form_parser *p)
{
	struct form_question	*q;

	if (p->ctx != PC_QUESTION && p->ctx != PC_OPTION) {
		parse_err(p, 0, "'help' belongs to a question or an option");
		return;
	}
	q = cur_q(p);
	parse_text(p, 1, p->ctx == PC_QUESTION ? &q->help :
	    &q->options[q->noptions - 1].help, "help", false);
}

/* describe LANG "text": an option's (or a question's) picture in words */
void
parse_question_describe(struct form_parser *p)
{
	struct form_question	*q;

	if (p->ctx != PC_QUESTION && p->ctx != PC_OPTION) {
		parse_err(p, 0, "'describe' belongs to a question or an "
		    "option");
		return;
	}
	q = cur_q(p);
	parse_text(p, 1, p->ctx == PC_QUESTION ? &q->describe :
	    &q->options[q->noptions - 1].describe, "describe", false);
}

/* Is the question's type wrong for keyword kw?  Reports it. */
static bool
wrong_type(struct form_parser *p, bool ok, const char *kw, const char *for_)
{
	if (ok || p->quiet)
		return !ok;
	parse_err(p, 0, "'%s' applies only to %s questions, not %s", kw, for_,
	    form_qtype_name(cur_q(p)->type));
	return true;
}

/* "min N" or "max N". */
static void
attr_bound(struct form_parser *p, struct form_question *q, bool ismax)
{
	const char	*kw = ismax ? "max" : "min";
	double		 v;

	if (wrong_type(p, q->type == QT_INTEGER || q->type == QT_DECIMAL ||
	    q->type == QT_SCALE, kw, "integer, decimal and scale"))
		return;
	if (ismax ? q->has_max : q->has_min) {
		parse_err(p, 0, "'%s' given twice", kw);
		return;
	}
	if (parse_num(p, 1, kw, -NUM_LIMIT, NUM_LIMIT, q->type != QT_DECIMAL,
	    &v) < 0 || parse_extra(p, 2, "the number"))
		return;
	if (ismax) {
		q->max = v;
		q->has_max = true;
	} else {
		q->min = v;
		q->has_min = true;
	}
	if (q->has_min && q->has_max && q->min > q->max)
		parse_err(p, 1,
		    "min %g is greater than max %g", q->min, q->max);
}

/* "maxlen N". */
static void
attr_maxlen(struct form_parser *p, struct form_question *q)
{
	int	v;

	if (wrong_type(p, q->type == QT_TEXT || q->type == QT_LONGTEXT,
	    "maxlen", "text and longtext"))
		return;
	if (q->maxlen != 0) {
		parse_err(p, 0, "'maxlen' given twice");
		return;
	}
	if (parse_int(p, 1, "maxlen", 1, 100000, &v) == 0 &&
	    !parse_extra(p, 2, "the number"))
		q->maxlen = (size_t)v;
}

/* "pattern "ERE"": compiled now, so a bad one is reported here. */
static void
attr_pattern(struct form_parser *p, struct form_question *q)
{
	char	 buf[200];
	int	 rc;

	if (wrong_type(p, q->type == QT_TEXT, "pattern", "text"))
		return;
	p->sub = SUB_PATTERN;
	if (q->pattern != NULL) {
		parse_err(p, 0, "'pattern' given twice");
		return;
	}
	if (NTOK(p) < 2 || TOK(p, 1)->kind != LEX_STRING) {
		parse_err(p, 1, "expected 'pattern \"REGEX\"'");
		return;
	}
	if (parse_extra(p, 2, "the pattern"))
		return;
	q->pattern_re = xmalloc(sizeof(regex_t));
	if ((rc = regcomp(q->pattern_re, TOK(p, 1)->str,
	    REG_EXTENDED | REG_NOSUB)) != 0) {
		regerror(rc, q->pattern_re, buf, sizeof buf);
		parse_err(p, 1, "bad pattern: %s", buf);
		free(q->pattern_re);
		q->pattern_re = NULL;
		return;
	}
	q->pattern = xstrdup(TOK(p, 1)->str);
	q->pattern_loc = parse_loc(p, 1);
}

/* "precision month": a date question asks month and year only. */
static void
attr_precision(struct form_parser *p, struct form_question *q)
{
	if (wrong_type(p, q->type == QT_DATE, "precision", "date"))
		return;
	if (q->month_precision) {
		parse_err(p, 0, "'precision' given twice");
		return;
	}
	if (NTOK(p) < 2 || !lex_is(TOK(p, 1), "month")) {
		parse_err(p, 1, "expected 'precision month' (day precision "
		    "is the default)");
		return;
	}
	if (!parse_extra(p, 2, "'precision month'"))
		q->month_precision = true;
}

/* "validate EXPR": its message lines follow. */
static void
attr_validate(struct form_parser *p, struct form_question *q)
{
	struct form_validation	*v;

	q->validations = parse_grow(q->validations, q->nvalidations,
	    &p->cap_vals, sizeof *q->validations);
	v = &q->validations[q->nvalidations++];
	v->loc = parse_loc(p, 0);
	parse_expr(p, 1, NTOK(p), "a condition after 'validate'", &v->cond_src,
	    &v->cond_loc);
	p->sub = SUB_VALIDATE;
}

/* short, min, max, maxlen, pattern, low, high, validate: question only. */
void
parse_question_attr(struct form_parser *p)
{
	const struct lex_token	*t = TOK(p, 0);
	struct form_question	*q;

	p->sub = SUB_NONE;
	if (p->ctx != PC_QUESTION) {
		parse_err(p, 0, p->ctx == PC_OPTION ? "'%.*s' belongs to the "
		    "question: put it before the first option" : "'%.*s' "
		    "belongs to a question", (int)t->len, t->p);
		return;
	}
	q = cur_q(p);
	if (lex_is(t, "short"))
		parse_text(p, 1, &q->shortname, "short", false);
	else if (lex_is(t, "min") || lex_is(t, "max"))
		attr_bound(p, q, lex_is(t, "max"));
	else if (lex_is(t, "maxlen"))
		attr_maxlen(p, q);
	else if (lex_is(t, "pattern"))
		attr_pattern(p, q);
	else if (lex_is(t, "validate"))
		attr_validate(p, q);
	else if (lex_is(t, "precision"))
		attr_precision(p, q);
	else if (!wrong_type(p, q->type == QT_SCALE, lex_is(t, "low") ?
	    "low" : "high", "scale"))
		parse_text(p, 1, lex_is(t, "low") ? &q->low : &q->high,
		    lex_is(t, "low") ? "low" : "high", false);
}

/* message LANG "text", for the validate or pattern above */
void
parse_question_message(struct form_parser *p)
{
	struct form_question	*q;

	if (p->sub == SUB_NONE || p->ctx != PC_QUESTION) {
		parse_err(p, 0,
		    "'message' must follow a 'validate' or 'pattern' "
		    "line");
		return;
	}
	q = cur_q(p);
	if (p->sub == SUB_VALIDATE)
		parse_text(p, 1, &q->validations[q->nvalidations - 1].message,
		    "message", false);
	else
		parse_text(p, 1, &q->pattern_message, "message", false);
}

/* Record a picture reference at token i for question q, option opt. */
static void
art_ref(struct form_parser *p, size_t i, int opt)
{
	struct form_artref	*a;
	int			 q = (int)p->f->nquestions - 1;
	char			*name;

	if ((name = parse_id(p, i, "a picture", false)) == NULL)
		return;
	if (p->narts > 0 && p->arts[p->narts - 1].q == q &&
	    p->arts[p->narts - 1].opt == opt) {
		parse_err(p, i - 1, "'art' given twice");
		free(name);
		return;
	}
	p->arts = parse_grow(p->arts, p->narts, &p->cap_arts, sizeof *p->arts);
	a = &p->arts[p->narts++];
	a->name = name;
	a->loc = parse_loc(p, i);
	a->q = q;
	a->opt = opt;
}

/* art NAME, for a question or an option */
void
parse_question_art(struct form_parser *p)
{
	if (p->ctx != PC_QUESTION && p->ctx != PC_OPTION) {
		parse_err(p, 0, "'art' belongs to a question or an option");
		return;
	}
	art_ref(p, 1, p->ctx == PC_OPTION ? (int)cur_q(p)->noptions - 1 : -1);
	parse_extra(p, 2, "the picture name");
}

/* An option's "points N". */
static void
option_points(struct form_parser *p, size_t i, struct form_option *o)
{
	int	v;

	if (o->has_points) {
		parse_err(p, i, "'points' given twice");
		return;
	}
	if (parse_int(p, i + 1, "points", -100, 100, &v) == 0) {
		o->points = v;
		o->has_points = true;
	}
}

/* The words after an option's code: points N, art NAME, exclusive. */
static void
option_flags(struct form_parser *p, struct form_question *q,
    struct form_option *o)
{
	size_t	i;

	for (i = 2; i < NTOK(p); i++) {
		if (lex_is(TOK(p, i), "points"))
			option_points(p, i++, o);
		else if (lex_is(TOK(p, i), "art"))
			art_ref(p, ++i, (int)q->noptions - 1);
		else if (lex_is(TOK(p, i), "exclusive")) {
			if (q->type != QT_MULTI && !p->quiet)
				parse_err(p, i, "'exclusive' applies only to "
				    "options of multi questions");
			o->exclusive = true;
		} else {
			parse_err(p, i, "unexpected '%.*s' (expected 'points', "
			    "'art' or 'exclusive')", parse_tlen(TOK(p, i)),
			    TOK(p, i)->p);
			return;
		}
	}
}

/* The code of an option at token 1; NULL after an error. */
static char *
option_code(struct form_parser *p)
{
	const struct lex_token	*t;

	if (NTOK(p) < 2 || ((t = TOK(p, 1))->kind != LEX_WORD &&
	    t->kind != LEX_NUMBER)) {
		parse_err(p, 1, "expected an option code");
		return NULL;
	}
	return xstrndup(t->p, t->len);
}

/* option CODE [points N] [art NAME] [exclusive] */
void
parse_question_option(struct form_parser *p)
{
	struct form_question	*q;
	struct form_option	*o;
	char			*code;
	int			 old;

	if (p->ctx != PC_QUESTION && p->ctx != PC_OPTION) {
		parse_err(p, 0,
		    "'option' belongs to a choice or multi question");
		return;
	}
	q = cur_q(p);
	if (q->type == QT_YESNO && !p->quiet) {
		parse_err(p, 0, "a yesno question has the options yes and no "
		    "already");
		p->quiet = true;
	} else
		wrong_type(p, q->type == QT_CHOICE || q->type == QT_MULTI,
		    "option", "choice and multi");
	if ((code = option_code(p)) == NULL)
		code = xstrdup("");
	o = add_option(p, q, code);
	o->loc = parse_loc(p, 0);
	p->ctx = PC_OPTION;
	if (code[0] != '\0' && (old = idtab_add(&p->options, code,
	    (int)q->noptions - 1)) >= 0)
		parse_err(p, 1,
		    "duplicate option '%s' (first on line %d)", code,
		    q->options[old].loc.line);
	if (code[0] != '\0')
		option_flags(p, q, o);
}

/* points N under an option (parse_question_is_points said so) */
void
parse_question_points(struct form_parser *p)
{
	struct form_question	*q;

	if (p->ctx == PC_QUESTION) {
		parse_err(p, 0, "'points' belongs to an option");
		return;
	}
	q = cur_q(p);
	option_points(p, 0, &q->options[q->noptions - 1]);
}

/* Is this "points" line an option's (not a points rule)? */
bool
parse_question_is_points(const struct form_parser *p)
{
	return (p->ctx == PC_OPTION || p->ctx == PC_QUESTION) &&
	    NTOK(p) == 2 && TOK(p, 1)->kind == LEX_NUMBER;
}
