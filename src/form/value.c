/*
 * engine_value.c: turning what a client typed into the canonical value of
 * a question (smp_form.h, enum form_qtype), with the client's message when
 * it is not acceptable, and back into words for people (engine_display).
 *
 * Canonical forms: integer and scale "-12" (no '+', no leading zeros);
 * decimal "72.5" (point, no trailing zeros); date "YYYY-MM-DD"; choice and
 * yesno the option code; multi the codes in form order joined by ';';
 * text with trailing blanks trimmed, longtext with CR LF made LF.
 *
 * A multi answer mixing an exclusive option ("none") with other options
 * is refused with the err-choice phrase: the kiosk unticks the others when
 * an exclusive option is chosen, so only a paper or scripted answer can
 * mix them, and there the mistake must be shown, not guessed at.
 */
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xmalloc.h"
#include "form/form.h"
#include "form/value.h"

#define ENGINE_MAX_DIGITS	15	/* digits kept exact by a double */

/* The phrase p in language lang with {min}/{max} filled (caller frees). */
static char *
phrase_msg(const struct form *f, const struct form_question *q,
    enum phrase p, int lang)
{
	char	min[32], max[32];
	double	lo = q->min, hi = q->max;

	if (q->type == QT_SCALE) {	/* default 1..5 */
		lo = q->has_min ? q->min : 1;
		hi = q->has_max ? q->max : 5;
	}
	snprintf(min, sizeof(min), "%.15g", lo);
	snprintf(max, sizeof(max), "%.15g", hi);
	if (p == PH_ERR_TOO_LONG)
		snprintf(max, sizeof(max), "%zu", q->maxlen != 0 ? q->maxlen :
		    q->type == QT_LONGTEXT ? (size_t)FORM_LONGTEXT_MAXLEN :
		    (size_t)FORM_TEXT_MAXLEN);
	return i18n_format(form_phrase(f, p, lang), "min", min, "max", max,
	    (const char *)NULL);
}

/* Is c a blank we trim around typed values? */
static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A copy of s without leading and trailing blanks (caller frees). */
static char *
trimmed(const char *s)
{
	size_t	n;

	while (is_blank(*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	return xstrndup(s, n);
}

/* Parse [+-]digits[(.|,)digits] into canonical form; NULL if not a
   number (or has a fraction and !frac).  Caller frees. */
static char *
canon_number(const char *s, bool frac)
{
	struct strbuf	 sb;
	const char	*ip, *fp = NULL;
	size_t		 ni = 0, nf = 0;
	bool		 neg = false;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (ip = s; *s >= '0' && *s <= '9'; s++)
		ni++;
	if (frac && (*s == '.' || *s == ',')) {
		for (fp = ++s; *s >= '0' && *s <= '9'; s++)
			nf++;
	}
	if (*s != '\0' || ni + nf == 0 || (fp != NULL && nf == 0))
		return NULL;
	while (ni > 1 && *ip == '0') {
		ip++;
		ni--;
	}
	while (nf > 0 && fp[nf - 1] == '0')
		nf--;
	if (ni + nf > ENGINE_MAX_DIGITS)
		return NULL;
	strbuf_init(&sb);
	if (neg && !((ni == 0 || (ni == 1 && *ip == '0')) && nf == 0))
		strbuf_addc(&sb, '-');
	if (ni == 0)
		strbuf_addc(&sb, '0');
	strbuf_add(&sb, ip, ni);
	if (nf > 0) {
		strbuf_addc(&sb, '.');
		strbuf_add(&sb, fp, nf);
	}
	return strbuf_detach(&sb);
}

/* Integer, decimal, scale: canonical value or NULL with *msgp. */
static char *
canon_numeric(const struct form *f, const struct form_question *q,
    const char *input, int lang, char **msgp)
{
	char	*t = trimmed(input), *v;
	double	 x, lo, hi;
	bool	 has_lo = q->has_min, has_hi = q->has_max;

	v = canon_number(t, q->type == QT_DECIMAL);
	free(t);
	if (v == NULL) {
		*msgp = phrase_msg(f, q, q->type == QT_DECIMAL ?
		    PH_ERR_DECIMAL : PH_ERR_INTEGER, lang);
		return NULL;
	}
	x = strtod(v, NULL);
	lo = q->min;
	hi = q->max;
	if (q->type == QT_SCALE) {
		lo = has_lo ? lo : 1;
		hi = has_hi ? hi : 5;
		has_lo = has_hi = true;
	}
	if ((has_lo && x < lo) || (has_hi && x > hi)) {
		*msgp = phrase_msg(f, q, has_lo && has_hi ? PH_ERR_RANGE :
		    has_lo ? PH_ERR_MIN : PH_ERR_MAX, lang);
		free(v);
		return NULL;
	}
	return v;
}

/*
 * Date: canonical value (ISO; "YYYY-MM" with precision month) or NULL with
 * *msgp.  Typed in the order of the client's language (the phrase
 * date-order: dmy for en and es), or ISO.
 */
static char *
canon_date(const struct form *f, const struct form_question *q,
    const char *input, int lang, char **msgp)
{
	char	*t = trimmed(input), out[11];
	int	 days;

	switch (date_parse_typed(t, form_phrase(f, PH_DATE_ORDER, lang),
	    q->month_precision, &days, out)) {
	case DATE_OK:
		free(t);
		return xstrdup(out);
	case DATE_NO_SUCH_DAY:
		*msgp = phrase_msg(f, q, PH_ERR_DATE_NO_SUCH_DAY, lang);
		break;
	default:
		*msgp = phrase_msg(f, q, q->month_precision ?
		    PH_ERR_MONTH_SYNTAX : PH_ERR_DATE_SYNTAX, lang);
		break;
	}
	free(t);
	return NULL;
}

/* Index of option code s[0..n) in q, or -1. */
static int
option_index(const struct form_question *q, const char *s, size_t n)
{
	size_t	i;

	if (q->type == QT_YESNO && q->noptions == 0) {
		if (n == 3 && memcmp(s, "yes", 3) == 0)
			return 0;
		return n == 2 && memcmp(s, "no", 2) == 0 ? 1 : -1;
	}
	for (i = 0; i < q->noptions; i++)
		if (strlen(q->options[i].code) == n &&
		    memcmp(q->options[i].code, s, n) == 0)
			return (int)i;
	return -1;
}

/* Multi: codes in form order joined by ';', or NULL (bad code, or an
   exclusive option with others).  "" when no code at all. */
static char *
canon_multi(const struct form_question *q, const char *input)
{
	struct strbuf	 sb;
	bool		*on = xcalloc(q->noptions + 1, sizeof(*on));
	const char	*p = input;
	size_t		 n, i, k = 0;
	int		 ix;
	bool		 excl = false;

	for (;;) {
		n = strcspn(p, ";");
		while (n > 0 && is_blank(*p)) {
			p++;
			n--;
		}
		while (n > 0 && is_blank(p[n - 1]))
			n--;
		if (n > 0 && (ix = option_index(q, p, n)) < 0) {
			free(on);
			return NULL;
		}
		if (n > 0)
			on[ix] = true;
		p += strcspn(p, ";");
		if (*p++ == '\0')
			break;
	}
	strbuf_init(&sb);
	for (i = 0; i < q->noptions; i++) {
		if (!on[i])
			continue;
		excl = excl || q->options[i].exclusive;
		if (k++ > 0)
			strbuf_addc(&sb, ';');
		strbuf_adds(&sb, q->options[i].code);
	}
	free(on);
	if (excl && k > 1) {
		strbuf_done(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* Choice, yesno, multi: canonical value or NULL with *msgp. */
static char *
canon_choice(const struct form *f, const struct form_question *q,
    const char *input, int lang, char **msgp)
{
	char	*t, *v = NULL;

	if (q->type == QT_MULTI)
		v = canon_multi(q, input);
	else {
		t = trimmed(input);
		if (option_index(q, t, strlen(t)) >= 0)
			v = t;
		else
			free(t);
	}
	if (v == NULL)
		*msgp = phrase_msg(f, q, PH_ERR_CHOICE, lang);
	return v;
}

/*
 * Bytes of an invisible character at p (valid UTF-8) that text answers
 * drop, or 0: C1 controls, the soft hyphen, zero-width space, word joiner
 * and BOM (which made "   " + U+200B pass as a required answer), and the
 * bidi marks and overrides (which let text show reversed on the review
 * screen).  The zero-width (non-)joiners stay: emoji and several scripts
 * need them.
 */
static size_t
invisible_len(const unsigned char *p)
{
	if (p[0] == 0xc2 && ((p[1] >= 0x80 && p[1] <= 0x9f) || p[1] == 0xad))
		return 2;	/* U+0080..U+009F, U+00AD */
	if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x8b || p[2] == 0x8e ||
	    p[2] == 0x8f || (p[2] >= 0xaa && p[2] <= 0xae)))
		return 3;	/* U+200B, U+200E/F, U+202A..U+202E */
	if (p[0] == 0xe2 && p[1] == 0x81 && (p[2] == 0xa0 ||
	    (p[2] >= 0xa6 && p[2] <= 0xa9)))
		return 3;	/* U+2060, U+2066..U+2069 */
	if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		return 3;	/* U+FEFF */
	return 0;
}

/*
 * Text with blanks trimmed at both ends, invisible characters dropped
 * (invisible_len) and CR LF made LF in longtext; NULL if it holds a
 * control character other than a longtext's newline.  input is valid
 * UTF-8.
 */
static char *
clean_text(const struct form_question *q, const char *input)
{
	struct strbuf		 sb;
	const unsigned char	*p;
	size_t			 n, skip;
	bool			 lines = q->type == QT_LONGTEXT;

	strbuf_init(&sb);
	for (p = (const unsigned char *)input; *p != '\0'; p++) {
		if (lines && p[0] == '\r' && p[1] == '\n')
			continue;
		if ((*p < 0x20 && !(lines && *p == '\n')) || *p == 0x7f) {
			strbuf_done(&sb);
			return NULL;
		}
		if ((n = invisible_len(p)) > 0) {
			p += n - 1;
			continue;
		}
		strbuf_addc(&sb, (char)*p);
	}
	while (sb.len > 0 && is_blank(sb.s[sb.len - 1]))
		sb.s[--sb.len] = '\0';
	for (skip = 0; skip < sb.len && is_blank(sb.s[skip]); skip++)
		;
	memmove(sb.s, sb.s + skip, sb.len - skip + 1);
	sb.len -= skip;
	return strbuf_detach(&sb);
}

/* Text, longtext: canonical value or NULL with *msgp. */
static char *
canon_text(const struct form *f, const struct form_question *q,
    const char *input, int lang, char **msgp)
{
	size_t		 max = q->maxlen;
	char		*v;
	const char	*m;

	if (max == 0)
		max = q->type == QT_LONGTEXT ? FORM_LONGTEXT_MAXLEN :
		    FORM_TEXT_MAXLEN;
	if (!utf8_valid(input, strlen(input), NULL) ||
	    (v = clean_text(q, input)) == NULL) {
		*msgp = phrase_msg(f, q, PH_ERR_INVALID, lang);
		return NULL;
	}
	if (utf8_count(v, strlen(v)) > max) {
		*msgp = phrase_msg(f, q, PH_ERR_TOO_LONG, lang);
		xfree_secret(v);
		return NULL;
	}
	if (*v != '\0' && q->pattern_re != NULL &&
	    regexec(q->pattern_re, v, 0, NULL, 0) != 0) {
		m = form_tr(&q->pattern_message, lang);
		*msgp = m != NULL ? xstrdup(m) :
		    phrase_msg(f, q, PH_ERR_PATTERN, lang);
		xfree_secret(v);
		return NULL;
	}
	return v;
}

/*
 * Canonicalise input for q (see smp_engine.h).  Returns the canonical
 * value ("" for an empty answer), which the caller frees, or NULL with
 * *msgp, the client's message in language lang, which the caller frees.
 */
char *
value_canonical(const struct form *f, const struct form_question *q,
    const char *input, int lang, char **msgp)
{
	*msgp = NULL;
	if (input == NULL || strspn(input, " \t\r\n") == strlen(input))
		return xstrdup("");
	switch (q->type) {
	case QT_CHOICE: case QT_YESNO: case QT_MULTI:
		return canon_choice(f, q, input, lang, msgp);
	case QT_INTEGER: case QT_DECIMAL: case QT_SCALE:
		return canon_numeric(f, q, input, lang, msgp);
	case QT_DATE:
		return canon_date(f, q, input, lang, msgp);
	default:
		return canon_text(f, q, input, lang, msgp);
	}
}

/*
 * A canonical value v of q as people read it in language lang: option
 * labels joined by ", ", Yes/No, anything else as it is.  Caller frees.
 */
char *
value_display(const struct form_question *q, const char *v, int lang)
{
	struct strbuf	 sb;
	size_t		 n;
	int		 ix;

	if (v == NULL || *v == '\0')
		return NULL;
	if (q->type != QT_CHOICE && q->type != QT_YESNO &&
	    q->type != QT_MULTI)
		return xstrdup(v);
	strbuf_init(&sb);
	for (;;) {
		n = strcspn(v, ";");
		if ((ix = option_index(q, v, n)) >= 0)
			strbuf_adds(&sb, form_option_label(&q->options[ix],
			    lang));
		else
			strbuf_add(&sb, v, n);
		if (v[n] == '\0')
			break;
		strbuf_adds(&sb, ", ");
		v += n + 1;
	}
	return strbuf_detach(&sb);
}
