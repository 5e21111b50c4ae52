/*
 * export_cell.c: which text a spreadsheet would not keep as text.
 *
 * LibreOffice Calc (tested: make test-spreadsheet, in four locales) and
 * Excel (from its documented rules, docs/export.md) read every CSV field
 * as if typed: "(123)" is -123, "1,234" 1234 (or 1.234), "1/2" a date,
 * "50%" 0.5, "$100" 100, "1e5" 100000, "12:30" a time, "TRUE" a boolean,
 * "2026-01-02" a date, "1 1/2" 1.5, ".5" 0.5, "Jan 5" a date, "#N/A" an
 * error.  What each converts depends on the locale and the version, so
 * the rule here is a deliberate superset: a false alarm costs a visible
 * apostrophe, a miss silently changes what a client typed.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "base/defs.h"
#include "base/utf8.h"
#include "report/export_cell.h"

/*
 * Letter words a number, date or time may hold after a digit (blanks
 * between allowed), lower case: exponent, 12-hour clock, ISO 8601's T
 * and Z.
 */
static const char *const export_cell_suffixes[] = {
	"e", "a", "p", "am", "pm", "t", "z"
};

/*
 * Month names and abbreviations, which may stand anywhere in a date
 * ("Jan 5", "5 Jan"), lower case: English, Spanish, German, French (the
 * kiosk speaks the first two).
 */
static const char *const export_cell_words[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "january", "february", "march",
	"april", "june", "july", "august", "september", "october",
	"november", "december",
	"ene", "abr", "ago", "dic", "enero", "febrero", "marzo", "abril",
	"mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
	"octubre", "noviembre", "diciembre",
	"mai", "okt", "dez", "januar", "februar", "m\xc3\xa4rz", "m\xc3\xa4r",
	"juni", "juli", "oktober", "dezember",
	"janv", "f\xc3\xa9vr", "mars", "avr", "juin", "juil", "ao\xc3\xbbt",
	"d\xc3\xa9\x63", "janvier", "f\xc3\xa9vrier", "avril", "juillet",
	"septembre", "octobre", "novembre", "d\xc3\xa9\x63\x65mbre"
};

/*
 * Whole cells (blanks aside) a spreadsheet reads as a boolean or an
 * error value, whatever their case: TRUE and FALSE in the languages of
 * its locales, and Excel's error literals.
 */
static const char *const export_cell_values[] = {
	"true", "false", "verdadero", "falso", "wahr", "falsch", "vrai",
	"faux", "vero", "verdadeiro", "waar", "onwaar", "sant", "usant",
	"#n/a", "#null!", "#div/0!", "#value!", "#ref!", "#name?", "#num!",
	"#getting_data", "#spill!", "#calc!", "#field!", "#blocked!",
	"#connect!", "#busy!", "#unknown!"
};

/* A code point that is a decimal digit: ASCII, Arabic-Indic (both),
   Devanagari, full-width. */
static bool
export_cell_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0x660 && cp <= 0x669) ||
	    (cp >= 0x6f0 && cp <= 0x6f9) || (cp >= 0x966 && cp <= 0x96f) ||
	    (cp >= 0xff10 && cp <= 0xff19);
}

/* A code point a number may hold besides digits and letters: blanks,
   signs and separators, percent, currency signs (Unicode's Sc). */
static bool
export_cell_sign(uint32_t cp)
{
	static const uint32_t	 one[] = {
		0x00a0, 0x2007, 0x2009, 0x202f,	/* no-break and thin spaces */
		0x2212, 0x2030,			/* minus sign, per mille */
		0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x058f, 0x060b, 0x07fe,
		0x07ff, 0x09f2, 0x09f3, 0x09fb, 0x0af1, 0x0bf9, 0x0e3f,
		0x17db, 0xa838, 0xfdfc, 0xfe69, 0xff04, 0xffe0, 0xffe1,
		0xffe5, 0xffe6,
		0xff05, 0xff08, 0xff09, 0xff0b, 0xff0c, 0xff0d, 0xff0e,
		0xff0f, 0xff1a			/* full-width % ( ) + , - . / : */
	};
	size_t			 i;

	if (cp < 0x80)
		return strchr(" \t+-.,/:()%'$", (int)cp) != NULL && cp != 0;
	if (cp >= 0x20a0 && cp <= 0x20c0)	/* currency symbols block */
		return true;
	for (i = 0; i < SMP_NELEM(one); i++)
		if (one[i] == cp)
			return true;
	return false;
}

/* Whether w[0..n) is, ignoring ASCII case, one of the n words of list. */
static bool
export_cell_in(const char *const *list, size_t nlist, const char *w,
    size_t n)
{
	size_t	i;

	/* Every cell passes here, some several times: the first byte
	   (ASCII case folded) turns most words away before strlen. */
	if (n == 0)
		return false;
	for (i = 0; i < nlist; i++)
		if ((list[i][0] | 0x20) == (w[0] | 0x20) &&
		    strlen(list[i]) == n && strncasecmp(list[i], w, n) == 0)
			return true;
	return false;
}

/* The length of the letter word at s (ASCII letters, and any other
   character that is not a digit, sign or ASCII), at most len. */
static size_t
export_cell_word(const char *s, size_t len)
{
	size_t		i = 0, n;
	uint32_t	cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			if (!((s[i] >= 'a' && s[i] <= 'z') ||
			    (s[i] >= 'A' && s[i] <= 'Z')))
				break;
			i++;
			continue;
		}
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0 ||
		    export_cell_digit(cp) || export_cell_sign(cp))
			break;
		i += n;
	}
	return i;
}

bool
export_cell_value(const char *w, size_t n)
{
	/* Lower-case first letters of the values (filled once). */
	static bool	first[256], ready;
	size_t		i;

	if (!ready) {
		for (i = 0; i < SMP_NELEM(export_cell_values); i++)
			first[(unsigned char)export_cell_values[i][0]] = true;
		ready = true;
	}
	/* Every cell passes here: most leave on their first letter. */
	if (n == 0 || !first[(unsigned char)w[0] | 0x20])
		return false;
	return export_cell_in(export_cell_values,
	    SMP_NELEM(export_cell_values), w, n);
}

bool
export_cell_convertible(const char *s, size_t len)
{
	size_t		 i, n;
	uint32_t	 cp;
	bool		 digit = false, after_digit = false;

	/* Booleans and error values are whole cells; blanks are trimmed. */
	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	for (n = len; n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'); n--)
		;
	if (export_cell_value(s + i, n - i))
		return true;
	/* Anything else needs a digit: most cells (ids, codes, words) have
	   no ASCII one and are all ASCII, so none of another script. */
	for (i = 0; i < len && (s[i] < '0' || s[i] > '9') &&
	    (unsigned char)s[i] < 0x80; i++)
		;
	if (i == len)
		return false;
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0)
			return false;	/* not text a number is made of */
		if (export_cell_digit(cp))
			digit = after_digit = true;
		else if (export_cell_sign(cp)) {
			if (cp != ' ' && cp != '\t' && cp != '.')
				after_digit = false;
		} else {
			if ((n = export_cell_word(s + i, len - i)) == 0 ||
			    !(export_cell_in(export_cell_words,
			    SMP_NELEM(export_cell_words), s + i, n) ||
			    (after_digit && export_cell_in(export_cell_suffixes,
			    SMP_NELEM(export_cell_suffixes), s + i, n))))
				return false;
			after_digit = false;
		}
	}
	return digit;
}

bool
export_cell_shaped(const char *s, size_t len, const char *shape)
{
	size_t	i;

	if (len != strlen(shape))
		return false;
	for (i = 0; i < len; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' :
		    s[i] != shape[i])
			return false;
	return true;
}

bool
export_cell_stored_time(const char *s, size_t len)
{
	return len == 24 && s[len - 1] == 'Z' &&
	    export_cell_shaped(s, len, "dddd-dd-ddTdd:dd:dd.dddZ");
}
