/*
 * date.c: civil dates <-> day numbers (Howard Hinnant's algorithms), the
 * strict YYYY-MM-DD parser every module shares, and ages.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/date.h"

int
date_from_ymd(int y, int m, int d)
{
	int		 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_ymd(int z, int *y, int *m, int *d)
{
	int	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y += *m <= 2;
}

static int
days_in_month(int y, int m)
{
	static const int	 mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31,
	    30, 31, 30, 31 };
	int			 leap = (y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0;

	return m == 2 ? 28 + leap : mdays[m - 1];
}

static int
date_valid_ymd(int y, int m, int d)
{
	return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days_in_month(y, m);
}

enum date_err
date_parse(const char *s, int *days)
{
	int	y, m, d, i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return DATE_SYNTAX;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return DATE_SYNTAX;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (!date_valid_ymd(y, m, d))
		return y < 1000 ? DATE_SYNTAX : DATE_NO_SUCH_DAY;
	*days = date_from_ymd(y, m, d);
	return DATE_OK;
}

/* The last day of month m of year y. */
static int
date_month_end(int y, int m)
{
	return date_from_ymd(y, m, days_in_month(y, m));
}

enum date_err
date_parse_month(const char *s, int *days)
{
	int	y, m, i;

	if (strlen(s) != 7 || s[4] != '-')
		return DATE_SYNTAX;
	for (i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return DATE_SYNTAX;
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (y < 1000)
		return DATE_SYNTAX;
	if (m < 1 || m > 12)
		return DATE_NO_SUCH_DAY;
	*days = date_month_end(y, m);
	return DATE_OK;
}

/* Split s into up to 3 runs of digits; their values and lengths. */
static int
date_fields(const char *s, int v[3], int len[3])
{
	int	n = 0;

	while (*s != '\0') {
		if (n == 3 || *s < '0' || *s > '9')
			return -1;
		v[n] = 0;
		len[n] = 0;
		while (*s >= '0' && *s <= '9' && len[n] < 5) {
			v[n] = v[n] * 10 + (*s++ - '0');
			len[n]++;
		}
		n++;
		if (*s == '/' || *s == '-' || *s == '.' || *s == ' ')
			s++;
		else if (*s != '\0')
			return -1;
	}
	return n;
}

enum date_err
date_parse_typed(const char *s, const char *order, int month, int *days,
    char *out)
{
	enum date_err	 e;
	int		 v[3], len[3], n, y, m, d, iy, im, id;

	/* ISO, always (a well-formed ISO date that does not exist is
	   said so, not read in another order). */
	if ((e = month ? date_parse_month(s, days) : date_parse(s, days)) !=
	    DATE_SYNTAX) {
		if (e == DATE_OK)
			memcpy(out, s, month ? 8 : 11);
		return e;
	}
	if ((n = date_fields(s, v, len)) != (month ? 2 : 3))
		return DATE_SYNTAX;
	if (order != NULL && strcmp(order, "ymd") == 0)
		iy = 0, im = 1, id = 2;
	else if (order != NULL && strcmp(order, "mdy") == 0)
		im = 0, id = 1, iy = 2;
	else
		id = 0, im = 1, iy = 2;
	if (month) {		/* the day drops out of the sequence */
		im = im > id ? im - 1 : im;
		iy = iy > id ? iy - 1 : iy;
	}
	y = v[iy];
	m = v[im];
	d = month ? 1 : v[id];
	if (len[iy] != 4 || len[im] > 2 || (!month && len[id] > 2) || y < 1000)
		return DATE_SYNTAX;
	if (!date_valid_ymd(y, m, d))
		return DATE_NO_SUCH_DAY;
	*days = month ? date_month_end(y, m) : date_from_ymd(y, m, d);
	date_format(date_from_ymd(y, m, d), out);
	if (month)
		out[7] = '\0';
	return DATE_OK;
}

void
date_format(int days, char *buf)
{
	int	y, m, d;

	date_to_ymd(days, &y, &m, &d);
	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
}

int
date_today(void)
{
	const char	*env = getenv("SMP_TODAY");
	time_t		 now;
	struct tm	 tm;
	int		 days;

	if (env != NULL && date_parse(env, &days) == DATE_OK)
		return days;
	now = time(NULL);
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
date_years_between(int from, int to)
{
	int	y1, m1, d1, y2, m2, d2, n;

	if (to < from)
		return 0;
	date_to_ymd(from, &y1, &m1, &d1);
	date_to_ymd(to, &y2, &m2, &d2);
	n = y2 - y1;
	if (m2 < m1 || (m2 == m1 && d2 < d1))
		n--;
	return n;
}

int
date_months_between(int from, int to)
{
	int	y1, m1, d1, y2, m2, d2, n;

	date_to_ymd(from, &y1, &m1, &d1);
	date_to_ymd(to, &y2, &m2, &d2);
	n = (y2 - y1) * 12 + (m2 - m1);
	if (to >= from && d2 < d1)
		n--;
	else if (to < from && d2 > d1)
		n++;
	return n;
}
