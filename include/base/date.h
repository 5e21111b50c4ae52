/*
 * smp_date.h: calendar dates as day numbers, and "today".
 *
 * A date is an int: days since 1970-01-01 in the proleptic Gregorian
 * calendar.  "Today" is the local date, unless the environment variable
 * SMP_TODAY=YYYY-MM-DD fixes it (tests and reproducible scoring).
 */
#ifndef SMP_DATE_H
#define SMP_DATE_H

enum date_err {
	DATE_OK = 0,
	DATE_SYNTAX = -1,	/* not YYYY-MM-DD */
	DATE_NO_SUCH_DAY = -2	/* e.g. 2023-02-31, month 13 */
};

/* Parse exactly "YYYY-MM-DD" (year 1000..9999). */
enum date_err	 date_parse(const char *s, int *days);
/*
 * Parse "YYYY-MM" (a month-precision answer); *days is the month's LAST
 * day, so a waiting period counted from it never ends too early.
 */
enum date_err	 date_parse_month(const char *s, int *days);
/*
 * Parse a date as a person types it: ISO "YYYY-MM-DD" always, else three
 * numbers (any of / - . or space between) in the order order names
 * ("dmy", "mdy" or "ymd"; anything else reads as "dmy"), a four-digit
 * year.  With month set, "YYYY-MM" or month and year in the order's
 * sequence ("MM/YYYY"; "YYYY/MM" for ymd), and *days is the month's last
 * day.  Writes the canonical text (ISO, at least 11 bytes) into out.
 */
enum date_err	 date_parse_typed(const char *s, const char *order,
		     int month, int *days, char *out);
/* Format into buf (at least 11 bytes) as YYYY-MM-DD. */
void		 date_format(int days, char *buf);
int		 date_from_ymd(int y, int m, int d);
void		 date_to_ymd(int days, int *y, int *m, int *d);
/* Today's date (see SMP_TODAY above). */
int		 date_today(void);
/* Whole years from "from" to "to" (an age): 0 if to < from. */
int		 date_years_between(int from, int to);
/* Whole calendar months from "from" to "to". */
int		 date_months_between(int from, int to);

#endif
