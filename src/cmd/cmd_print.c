/*
 * cmd_print.c: "smp-intake print FORM [--lang CODE]": the questionnaire as
 * plain text, the paper fallback for when the kiosk is down.  Sections,
 * screens, numbered questions with type hints, boxes to tick, and
 * conditions in the form's own words; never scores or rules, since
 * clients may see the paper.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "base/xmalloc.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "form/art_label.h"
#include "form/expr_words.h"
#include "form/form.h"
#include "form/form_load.h"

/* The help text of print */
static void
print_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake print FORM [--lang CODE]\n\n"
	    "Print the whole questionnaire as plain text, for paper.\n\n"
	    "  -l, --lang CODE  print in this language of the form "
	    "(default: its first)\n"
	    "  -h, --help       show this help\n\n"
	    "exit status: 0 ok, 64 usage or unknown language, 65 bad form, "
	    "66 missing file\n");
}

/* Print s underlined with c (as many as its characters). */
static void
heading(const char *s, char c)
{
	size_t	n;

	printf("%s\n", s);
	for (n = utf8_count(s, strlen(s)); n > 0; n--)
		putchar(c);
	printf("\n\n");
}

#define PRINT_WIDTH	78	/* columns of the paper text */

/*
 * Print one line of text s[0..len) word-wrapped at PRINT_WIDTH: the first
 * line after prefix, the others indented by ind spaces.
 */
static void
wrap_line(const char *prefix, const char *s, size_t len, int ind)
{
	size_t	col = utf8_count(prefix, strlen(prefix)), i = 0, j, w;
	bool	bol = true;	/* nothing printed yet on this line */
	char	*word;

	printf("%s", prefix);
	for (;;) {
		while (i < len && s[i] == ' ')
			i++;
		for (j = i; j < len && s[j] != ' '; j++)
			;
		if (j == i)
			break;
		word = xstrndup(s + i, j - i);
		w = utf8_count(word, strlen(word));
		if (!bol && col + 1 + w > PRINT_WIDTH) {
			printf("\n%*s", ind, "");
			col = (size_t)ind;
			bol = true;
		}
		printf("%s%s", bol ? "" : " ", word);
		col += w + (bol ? 0 : 1);
		bol = false;
		free(word);
		i = j;
	}
	putchar('\n');
}

/* Print text s (may be NULL), each of its lines wrapped and indented. */
static void
indented(const char *s, int ind)
{
	static const char	 spaces[] = "                ";
	const char		*nl;
	size_t			 len;

	if (ind > (int)sizeof spaces - 1)
		ind = (int)sizeof spaces - 1;
	while (s != NULL) {
		nl = strchr(s, '\n');
		len = nl ? (size_t)(nl - s) : strlen(s);
		if (len == 0)
			putchar('\n');
		else
			wrap_line(spaces + sizeof spaces - 1 - ind, s, len,
			    ind);
		s = nl ? nl + 1 : NULL;
	}
}

/* Print a picture's lines indented by ind spaces, its "front" and
   "back" in language lang. */
static void
verbatim(const struct form *f, const char *art, int lang, int ind)
{
	char		*t = art_label_text(art, form_phrase(f, PH_ART_FRONT,
			    lang), form_phrase(f, PH_ART_BACK, lang));
	const char	*s, *nl;

	for (s = t; s != NULL; s = nl ? nl + 1 : NULL) {
		nl = strchr(s, '\n');
		printf("%*s%.*s\n", ind, "", nl ? (int)(nl - s) :
		    (int)strlen(s), s);
	}
	free(t);
}

/* Print phrase p of f in lang, with {cond}, {min}, {max} filled. */
static void
phrase(const struct form *f, enum phrase p, int lang, const char *cond,
    const char *min, const char *max)
{
	char	*s;

	s = i18n_format(form_phrase(f, p, lang), "cond", cond != NULL ? cond :
	    "", "min", min != NULL ? min : "", "max", max != NULL ? max : "",
	    NULL);
	fputs(s, stdout);
	free(s);
}

/* Phrase p with the condition e said in words (never form code),
   wrapped, indented by ind, in brackets when paren. */
static void
cond_phrase(const struct form *f, enum phrase p, int lang,
    const struct expr *e, int ind, bool paren)
{
	char	*w = expr_words(e, f, lang), *t, *line;

	t = i18n_format(form_phrase(f, p, lang), "cond", w, NULL);
	line = xasprintf(paren ? "(%s)" : "%s", t);
	indented(line, ind);
	free(line);
	free(t);
	free(w);
}

/* A screen: title, paragraphs, the acknowledgement box */
static void
print_screen(const struct form *f, const struct form_screen *s, int lang)
{
	printf("[%s]\n", form_tr(&s->title, lang));
	if (s->show_if != NULL)
		cond_phrase(f, PH_PRINT_READ_IF, lang, s->show_if, 0, true);
	if (form_tr(&s->text, lang) != NULL)
		indented(form_tr(&s->text, lang), 0);
	if (form_tr(&s->agree, lang) != NULL)
		printf("\n[ ] %s\n", form_tr(&s->agree, lang));
	printf("\n");
}

/* The bounds part of a number hint: ", from 1 to 7", or "". */
static void
bounds(const struct form *f, const struct form_question *q, int lang)
{
	char	min[32], max[32];

	snprintf(min, sizeof min, "%g", q->min);
	snprintf(max, sizeof max, "%g", q->max);
	if (q->has_min || q->has_max)
		printf(", ");
	if (q->has_min && q->has_max)
		phrase(f, PH_PRINT_RANGE, lang, NULL, min, max);
	else if (q->has_min)
		phrase(f, PH_PRINT_AT_LEAST, lang, NULL, min, NULL);
	else if (q->has_max)
		phrase(f, PH_PRINT_AT_MOST, lang, NULL, NULL, max);
}

/* Text and longtext: hint, then lines to write on. */
static void
print_text_space(const struct form *f, const struct form_question *q,
    int lang)
{
	char	max[32];

	printf("   (");
	phrase(f, q->type == QT_TEXT ? PH_PRINT_TEXT : PH_PRINT_LINES, lang,
	    NULL, NULL, NULL);
	if (q->maxlen > 0) {
		snprintf(max, sizeof max, "%zu", q->maxlen);
		printf(", ");
		phrase(f, PH_PRINT_MAXCHARS, lang, NULL, NULL, max);
	}
	printf(")\n   ________________________________________\n");
	if (q->type == QT_LONGTEXT)
		printf("   ________________________________________\n"
		    "   ________________________________________\n");
}

/* A scale: hint with its end labels, then a box per number. */
static void
print_scale(const struct form *f, const struct form_question *q, int lang)
{
	char	min[32], max[32];
	double	v;

	snprintf(min, sizeof min, "%g", q->min);
	snprintf(max, sizeof max, "%g", q->max);
	printf("   (");
	phrase(f, PH_PRINT_SCALE, lang, NULL, min, max);
	if (form_tr(&q->low, lang) != NULL)
		printf("; %g = %s", q->min, form_tr(&q->low, lang));
	if (form_tr(&q->high, lang) != NULL)
		printf("; %g = %s", q->max, form_tr(&q->high, lang));
	printf(")\n  ");
	for (v = q->min; v <= q->max && v - q->min < 100; v++)
		printf(" [ ] %g", v);
	printf("\n");
}

/* The type hint and the space to write in, for non-option types. */
static void
print_answer_space(const struct form *f, const struct form_question *q,
    int lang)
{
	switch (q->type) {
	case QT_TEXT:
	case QT_LONGTEXT:
		print_text_space(f, q, lang);
		break;
	case QT_INTEGER:
	case QT_DECIMAL:
		printf("   (");
		phrase(f, q->type == QT_INTEGER ? PH_PRINT_WHOLE :
		    PH_PRINT_NUMBER, lang, NULL, NULL, NULL);
		bounds(f, q, lang);
		printf(")\n   ____________\n");
		break;
	case QT_DATE:
		printf("   (");
		phrase(f, q->month_precision ? PH_PRINT_MONTH : PH_PRINT_DATE,
		    lang, NULL, NULL, NULL);
		printf(q->month_precision ? ")\n   __/____\n" :
		    ")\n   __/__/____\n");
		break;
	case QT_SCALE:
		print_scale(f, q, lang);
		break;
	default:
		break;
	}
}

/* Options with boxes: "[ ] label (code)". */
static void
print_options(const struct form *f, const struct form_question *q, int lang)
{
	const struct form_option	*o;
	size_t				 i;
	char				*line;

	printf("   (");
	phrase(f, q->type == QT_MULTI ? PH_PRINT_TICK_ALL :
	    PH_PRINT_CHOOSE_ONE, lang, NULL, NULL, NULL);
	printf(")\n");
	for (i = 0; i < q->noptions; i++) {
		o = &q->options[i];
		line = xasprintf("%s (%s)%s%s%s", form_tr(&o->label, lang),
		    o->code, o->exclusive ? " (" : "", o->exclusive ?
		    form_phrase(f, PH_PRINT_ONLY_THIS, lang) : "",
		    o->exclusive ? ")" : "");
		wrap_line("   [ ] ", line, strlen(line), 7);
		free(line);
		if (form_tr(&o->help, lang) != NULL)
			indented(form_tr(&o->help, lang), 7);
		if (o->art != NULL && o->art->ascii != NULL)
			verbatim(f, o->art->ascii, lang, 7);
	}
}

/* A numbered question with its hint, condition and answer space */
static void
print_question(const struct form *f, const struct form_question *q,
    int lang, int n)
{
	char	*head, *num;

	num = xasprintf("%d. ", n);
	head = xasprintf("%s%s%s%s", form_tr(&q->label, lang),
	    q->required ? " (" : "", q->required ?
	    form_phrase(f, PH_PRINT_REQUIRED, lang) : "",
	    q->required ? ")" : "");
	wrap_line(num, head, strlen(head), 3);
	free(head);
	free(num);
	if (form_tr(&q->help, lang) != NULL)
		indented(form_tr(&q->help, lang), 3);
	if (q->show_if != NULL)
		cond_phrase(f, PH_PRINT_ANSWER_IF, lang, q->show_if, 3, false);
	if (q->art != NULL && q->art->ascii != NULL)
		verbatim(f, q->art->ascii, lang, 3);
	if (q->type == QT_CHOICE || q->type == QT_MULTI || q->type == QT_YESNO)
		print_options(f, q, lang);
	else
		print_answer_space(f, q, lang);
	printf("\n");
}

/* A section heading with its intro and condition */
static void
print_section(const struct form *f, const struct form_section *s, int lang)
{
	heading(form_tr(&s->title, lang), '-');
	if (form_tr(&s->intro, lang) != NULL) {
		indented(form_tr(&s->intro, lang), 0);
		printf("\n");
	}
	if (s->show_if != NULL) {
		cond_phrase(f, PH_PRINT_SECTION_IF, lang, s->show_if, 0, true);
		printf("\n");
	}
}

/* The whole form in language lang. */
static void
print_form(const struct form *f, int lang)
{
	const struct form_item	*it;
	size_t			 i;
	int			 sec = -1, n = 0;

	heading(form_tr(&f->title, lang), '=');
	for (i = 0; i < f->nitems; i++) {
		it = &f->items[i];
		for (; sec < it->section; sec++)
			print_section(f, &f->sections[sec + 1], lang);
		if (it->kind == ITEM_SCREEN)
			print_screen(f, &f->screens[it->ref], lang);
		else
			print_question(f, &f->questions[it->ref], lang, ++n);
	}
	for (; (size_t)(sec + 1) < f->nsections; sec++)
		print_section(f, &f->sections[sec + 1], lang);
}

/* The index of language code in f, or -1 after printing the choices. */
static int
pick_lang(const struct form *f, const char *code)
{
	int	l;

	if (code == NULL)
		return 0;
	if ((l = form_lang(f, code)) >= 0)
		return l;
	fprintf(stderr, "smp-intake print: unknown language '%s'; the form "
	    "has:", code);
	for (l = 0; l < f->nlangs; l++)
		fprintf(stderr, " %s", f->langs[l]);
	fprintf(stderr, "\n");
	return -1;
}

/* smp-intake print FORM [--lang CODE] */
int
cmd_print(int argc, char **argv)
{
	struct form	*f;
	const char	*code = NULL;
	const struct cli_opt opts[] = {
		{ "lang", 'l', &code, NULL },
		{ NULL, 0, NULL, NULL }
	};
	int		 first, lang, rc;

	if ((rc = cli_parse(argc, argv, opts, 1, print_usage, &first)) >= 0)
		return rc;
	if ((rc = cli_load_form(argv[first], 0, &f)) != 0)
		return rc;
	if ((lang = pick_lang(f, code)) < 0)
		rc = SMP_EXIT_USAGE;
	else
		print_form(f, lang);
	form_free(f);
	return cli_stdout_status("print", rc);
}
