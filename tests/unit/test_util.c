/* test_util.c: strbuf, UTF-8 validation, dates, diagnostics, phrases. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/date.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/utf8.h"

static void
test_strbuf(void **state)
{
	struct strbuf	 sb;
	char		*p;
	int		 i;

	(void)state;
	strbuf_init(&sb);
	for (i = 0; i < 1000; i++)
		strbuf_addf(&sb, "%d,", i % 10);
	assert_int_equal(sb.len, 2000);
	assert_memory_equal(sb.s, "0,1,2,", 6);
	p = strbuf_detach(&sb);
	assert_int_equal(strlen(p), 2000);
	free(p);
	assert_int_equal(sb.len, 0);
	strbuf_done(&sb);
}

static void
test_utf8(void **state)
{
	size_t	bad = 0;

	(void)state;
	assert_true(utf8_valid("José Ñúñez 山田 😀", strlen("José Ñúñez 山田 😀"), NULL));
	assert_false(utf8_valid("ab\xc3", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(utf8_valid("\xc0\xaf", 2, &bad));	/* overlong */
	assert_false(utf8_valid("\xed\xa0\x80", 3, &bad));	/* surrogate */
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4, &bad)); /* > U+10FFFF */
	assert_int_equal(utf8_count("añ😀", strlen("añ😀")), 3);
}

static void
test_dates(void **state)
{
	int	d, y, m, dd;
	char	buf[11];

	(void)state;
	assert_int_equal(date_parse("1970-01-01", &d), DATE_OK);
	assert_int_equal(d, 0);
	assert_int_equal(date_parse("2024-02-29", &d), DATE_OK);
	date_to_ymd(d, &y, &m, &dd);
	assert_int_equal(y * 10000 + m * 100 + dd, 20240229);
	date_format(d, buf);
	assert_string_equal(buf, "2024-02-29");
	assert_int_equal(date_parse("2023-02-29", &d), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse("2023-02-31", &d), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse("2023-13-01", &d), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse("23-02-01", &d), DATE_SYNTAX);
	assert_int_equal(date_parse("2023-2-01x", &d), DATE_SYNTAX);
	/* Dates as people type them (issue 11): the language's order, ISO
	   always; a month answer counts as the month's last day. */
	assert_int_equal(date_parse_typed("11/04/1991", "dmy", 0, &d, buf),
	    DATE_OK);
	assert_string_equal(buf, "1991-04-11");
	assert_int_equal(date_parse_typed("4/11/1991", "mdy", 0, &d, buf),
	    DATE_OK);
	assert_string_equal(buf, "1991-04-11");
	assert_int_equal(date_parse_typed("1991/4/11", "ymd", 0, &d, buf),
	    DATE_OK);
	assert_string_equal(buf, "1991-04-11");
	assert_int_equal(date_parse_typed("11.04.1991", NULL, 0, &d, buf),
	    DATE_OK);
	assert_int_equal(date_parse_typed("1991-04-11", "mdy", 0, &d, buf),
	    DATE_OK);
	assert_string_equal(buf, "1991-04-11");
	assert_int_equal(date_parse_typed("31/02/1991", "dmy", 0, &d, buf),
	    DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse_typed("11/04/91", "dmy", 0, &d, buf),
	    DATE_SYNTAX);
	assert_int_equal(date_parse_typed("11/04", "dmy", 0, &d, buf),
	    DATE_SYNTAX);
	assert_int_equal(date_parse_typed("03/2026", "dmy", 1, &d, buf),
	    DATE_OK);
	assert_string_equal(buf, "2026-03");
	assert_int_equal(d, date_from_ymd(2026, 3, 31));
	assert_int_equal(date_parse_typed("2026-02", "dmy", 1, &d, buf),
	    DATE_OK);
	assert_int_equal(d, date_from_ymd(2026, 2, 28));
	assert_int_equal(date_parse_typed("2026/03", "ymd", 1, &d, buf),
	    DATE_OK);
	assert_string_equal(buf, "2026-03");
	assert_int_equal(date_parse_typed("13/2026", "dmy", 1, &d, buf),
	    DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse_typed("11/04/1991", "dmy", 1, &d, buf),
	    DATE_SYNTAX);
	/* An 18th birthday is the first day of age 18. */
	assert_int_equal(date_years_between(date_from_ymd(2008, 6, 15),
	    date_from_ymd(2026, 6, 14)), 17);
	assert_int_equal(date_years_between(date_from_ymd(2008, 6, 15),
	    date_from_ymd(2026, 6, 15)), 18);
	assert_int_equal(date_years_between(date_from_ymd(2008, 2, 29),
	    date_from_ymd(2026, 2, 28)), 17);
	assert_int_equal(date_months_between(date_from_ymd(2026, 1, 31),
	    date_from_ymd(2026, 2, 28)), 0);
	assert_int_equal(date_months_between(date_from_ymd(2025, 12, 15),
	    date_from_ymd(2026, 6, 15)), 6);
	setenv("SMP_TODAY", "2026-06-15", 1);
	assert_int_equal(date_today(), date_from_ymd(2026, 6, 15));
}

static void
test_diag(void **state)
{
	struct diag	*d = diag_new("x.form", 2);

	(void)state;
	diag_add(d, 3, 7, "unknown keyword '%s'", "foo");
	diag_add(d, 4, 1, "second");
	diag_add(d, 5, 1, "third");
	assert_int_equal(diag_count(d), 3);
	assert_int_equal(diag_kept(d), 2);
	assert_string_equal(diag_message(d, 0),
	    "x.form:3:7: unknown keyword 'foo'");
	assert_null(diag_message(d, 2));
	diag_free(d);
}

static void
test_phrases(void **state)
{
	char	*s;
	int	 p;

	(void)state;
	for (p = 0; p < PHRASE__COUNT; p++) {
		assert_non_null(i18n_phrase_name((enum phrase)p));
		assert_non_null(i18n_builtin((enum phrase)p, "en"));
		assert_non_null(i18n_builtin((enum phrase)p, "es"));
		assert_int_equal(i18n_phrase_lookup(
		    i18n_phrase_name((enum phrase)p)), p);
	}
	assert_null(i18n_builtin(PH_NEXT, "fr"));
	s = i18n_format("Between {min} and {max}, {unknown}.", "min", "1",
	    "max", "5", NULL);
	assert_string_equal(s, "Between 1 and 5, {unknown}.");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strbuf),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_diag),
		cmocka_unit_test(test_phrases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
