/*
 * export_cell.h: which text a spreadsheet would not keep as text when it
 * opens a CSV (export_cell.c), for the export's neutralising rule
 * (report/export.h, docs/export.md).
 */
#ifndef SMP_EXPORT_CELL_H
#define SMP_EXPORT_CELL_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Whether LibreOffice Calc or Excel, opening a CSV, could read the text
 * s[0..len) as something other than that text: a number, date, time,
 * percentage, currency amount, fraction, boolean or error value.  A
 * superset on purpose, in any of their usual locales: true when s holds
 * a digit and nothing but digits (ASCII, full-width, Arabic-Indic),
 * blanks, the signs + - . , / : ( ) % ' and per mille, currency signs,
 * and letters only as words a number, date or time may hold (month
 * names and their abbreviations in English, Spanish, German and French
 * anywhere; e, a, p, am, pm, t and z right after a digit); or when s
 * is, blanks aside, a boolean word (TRUE,
 * FALSE, VERDADERO, WAHR, VRAI...) or an Excel error literal (#N/A...).
 * Plain numbers ([-+]?[0-9]+(.[0-9]+)?) count too: the caller decides
 * which of those it keeps as numbers.
 */
bool	export_cell_convertible(const char *s, size_t len);
/* Whether w[0..n) is a boolean word or an error literal, whatever its
   case (what export_cell_convertible finds without digits). */
bool	export_cell_value(const char *w, size_t n);
/* Whether s[0..len) is a time exactly as the store writes it
   ("2026-06-15T10:22:33.123Z"), which no spreadsheet turns into
   anything but itself or that same time. */
bool	export_cell_stored_time(const char *s, size_t len);
/* Whether s[0..len) has shape: 'd' a digit, any other byte itself. */
bool	export_cell_shaped(const char *s, size_t len, const char *shape);

#endif
