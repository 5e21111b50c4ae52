/* test_export.c: the CSV cell writer (quoting through libcsv, UTF-8, long
   fields) and the formula neutralisation rule, numbers included. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/defs.h"
#include "base/strbuf.h"
#include "report/export.h"
#include "report/export_cell.h"

/* Check that one cell holding in is written as want. */
static void
expect_cell(const char *in, const char *want)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	strbuf_adds(&sb, "x,");		/* cells append after what is there */
	export_cell(&sb, in, strlen(in));
	assert_string_equal(sb.s + 2, want);
	strbuf_done(&sb);
}

static void
test_quoting(void **state)
{
	(void)state;
	expect_cell("plain", "plain");
	expect_cell("", "");
	expect_cell("a,b", "\"a,b\"");
	expect_cell("say \"hi\"", "\"say \"\"hi\"\"\"");
	expect_cell("\"", "\"\"\"\"");
	expect_cell("line1\r\nline2", "\"line1\r\nline2\"");
	expect_cell("line1\nline2", "\"line1\nline2\"");
	expect_cell("a\rb", "\"a\rb\"");
	expect_cell(" padded ", "\" padded \"");
	expect_cell("end\t", "\"end\t\"");
	expect_cell("in side", "in side");
	expect_cell("it's", "it's");
	expect_cell("José Ñúñez, 山田 😀", "\"José Ñúñez, 山田 😀\"");
	expect_cell("שלום", "שלום");
}

static void
test_neutralise(void **state)
{
	(void)state;
	expect_cell("=1+1", "'=1+1");
	expect_cell("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"");
	expect_cell("+cmd", "'+cmd");
	expect_cell("-cmd", "'-cmd");
	expect_cell("@SUM(A1)", "'@SUM(A1)");
	expect_cell("\tx", "'\tx");
	expect_cell("\rx", "\"'\rx\"");
	expect_cell("=a,b", "\"'=a,b\"");
	/* Only the first character counts. */
	expect_cell("a=1", "a=1");
	expect_cell(" =1", "\" =1\"");
	/* Plain numbers cannot run as formulas and stay numbers. */
	expect_cell("-3", "-3");
	expect_cell("-72.5", "-72.5");
	expect_cell("72.5", "72.5");
	expect_cell("-", "'-");
	expect_cell("+", "'+");
	expect_cell("-3.", "'-3.");
	expect_cell("-.5", "'-.5");
	expect_cell("-3e5", "'-3e5");
	expect_cell("-1+2", "'-1+2");
	expect_cell("-3.5.1", "'-3.5.1");
	/* Numbers a spreadsheet would show changed keep what was typed. */
	expect_cell("+447700900123", "'+447700900123");
	expect_cell("07700900123", "'07700900123");
	expect_cell("007", "'007");
	expect_cell("-01.5", "'-01.5");
	expect_cell("72.50", "'72.50");
	expect_cell("-0", "'-0");
	expect_cell("1234567890123456", "'1234567890123456");
	expect_cell("123456789012345", "123456789012345");
	expect_cell("0", "0");
	expect_cell("0.5", "0.5");
	expect_cell("-0.5", "-0.5");
	expect_cell("612345678", "612345678");
	expect_cell("+44 7700 900123", "'+44 7700 900123");
	expect_cell("0770 090", "'0770 090");
	/* A cell that starts with ' gets one more: readers strip one. */
	expect_cell("'hello", "''hello");
	expect_cell("'", "''");
	assert_true(export_is_changed_number("+3", 2));
	assert_false(export_is_changed_number("3", 1));
	assert_false(export_is_changed_number("0a", 2));
	assert_true(export_is_formula("=", 1));
	assert_false(export_is_formula("", 0));
	assert_false(export_is_formula("-12", 3));
	/* The length bounds the cell, not a NUL. */
	assert_false(export_is_formula("-12=", 3));
	assert_true(export_is_formula("-12=", 4));
}

/* Check that a date question's cell holding in is written as want. */
static void
expect_date_cell(const char *in, const char *want)
{
	struct strbuf	sb;

	strbuf_init(&sb);
	export_date_cell(&sb, in, strlen(in));
	assert_string_equal(sb.s, want);
	strbuf_done(&sb);
}

/*
 * export-13 (issue 13): text answers LibreOffice still changed although
 * the README promises what the client typed survives.  Every one gets
 * the mark; make test-spreadsheet checks the same in LibreOffice.
 */
static void
test_spreadsheet_values(void **state)
{
	static const char *const marked[] = {
		/* the issue's cases */
		"(123)", "1,234", "1/2", "50%", "$100", "1e5", "12:30", "TRUE",
		"2026-01-02",
		/* currencies, thousands, fractions, signs */
		"\xe2\x82\xac" "5", "\xc2\xa3" "5", "\xc2\xa5" "5", "5 \xe2\x82\xac",
		"\xe2\x82\xb9" "100", "1.234.567", "1 000", "1\xc2\xa0" "000",
		"1'000", "3,5", "1 1/2", "3.", ".5", "1-2", "12.", "1E+5",
		"10e5", "-1e5", "\xe2\x88\x92" "5", "50 %", "(555) 123-4567",
		/* leading zeros and phone numbers */
		"0044 7700 900123", "00447700900123", "0770 090",
		/* blanks around a number */
		" 12", "12 ", "	12", "12	", " 1,5 ",
		/* dates and times */
		"Jan 5", "5 Jan 2026", "January 5, 2026", "5-Jan", "12/31/2026",
		"31.12.2026", "2026-06-15T10:22:33", "12:30 pm", "1 p", "1:2",
		"10 AM", "5 ene 2026", "3 m\xc3\xa4rz", "1 f\xc3\xa9vr",
		/* booleans and error values, any case */
		"true", "False", " TRUE ", "VERDADERO", "falso", "WAHR", "vrai",
		"#N/A", "#div/0!", "#VALUE!",
		/* other scripts' digits */
		"\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93",	/* full-width 123 */
		"\xd9\xa1\xd9\xa2",			/* Arabic-Indic 12 */
		/* formula starts, as before */
		"-", "=", "@", "+44 7700 900123"
	};
	static const char *const kept[] = {
		"Norwood 5", "5 years", "12h", "10:00h", "5 kg", "1st", "0x1F",
		"a123", "May", "Jan", "T", "e", "no", "yes", "male", "n3",
		"#1", "1#", "h\xc3\xa9llo 12", "\xe5\xb1\xb1\xe7\x94\xb0 3",
		"12 \xf0\x9f\x98\x80", "", ".", ",", "%", "(", "1 2 3 go",
		"TRUE story", "2026-06-15T10:22:33.123Z",
		/* plain numbers shown as written stay numbers */
		"42", "-3", "72.5", "0", "0.5", "123456789012345"
	};
	struct strbuf	 sb;
	size_t		 i;

	(void)state;
	strbuf_init(&sb);
	for (i = 0; i < SMP_NELEM(marked); i++) {
		if (!export_needs_mark(marked[i], strlen(marked[i])))
			fail_msg("not marked: \"%s\"", marked[i]);
		strbuf_reset(&sb);
		export_cell(&sb, marked[i], strlen(marked[i]));
		/* ' first, or a quoted field whose text starts with ' */
		if (!(sb.s[0] == '\'' || (sb.s[0] == '"' && sb.s[1] == '\'')))
			fail_msg("written without the mark: %s", sb.s);
	}
	for (i = 0; i < SMP_NELEM(kept); i++)
		if (export_needs_mark(kept[i], strlen(kept[i])))
			fail_msg("marked: \"%s\"", kept[i]);
	strbuf_done(&sb);
	/* The length bounds the cell: "12:30" cut to "12" is a number. */
	assert_false(export_needs_mark("12:30", 2));
	assert_true(export_cell_convertible("1,234", 5));
	assert_false(export_cell_convertible("abc", 3));
	assert_true(export_cell_stored_time("2026-06-15T10:22:33.123Z", 24));
	assert_false(export_cell_stored_time("2026-06-15T10:22:33.12Z", 23));
	/* A date question's date is left for the spreadsheet to read as a
	   date; anything else in that column is text as usual. */
	expect_date_cell("1990-04-02", "1990-04-02");
	expect_date_cell("2026-01-02", "2026-01-02");
	expect_date_cell("1/2", "'1/2");
	expect_date_cell("=1+1", "'=1+1");
	expect_date_cell("'1990-04-02", "''1990-04-02");
	expect_date_cell("", "");
}

static void
test_long_field(void **state)
{
	struct strbuf	 sb, in;
	size_t		 i;

	(void)state;
	strbuf_init(&in);
	for (i = 0; i < 1024; i++)
		strbuf_adds(&in, i % 100 == 0 ? "\"q\",\r\n" : "0123456789");
	strbuf_init(&sb);
	export_cell(&sb, in.s, in.len);
	/* Every quote doubled, two around: length grows by quotes + 2. */
	assert_int_equal(sb.len, in.len + 2 * 11 + 2);
	assert_int_equal(sb.s[0], '"');
	assert_int_equal(sb.s[sb.len - 1], '"');
	assert_memory_equal(sb.s + 1, "\"\"q\"\",\r\n", 8);
	strbuf_reset(&sb);
	strbuf_reset(&in);
	for (i = 0; i < 1024; i++)
		strbuf_adds(&in, "a123456789");
	export_cell(&sb, in.s, in.len);
	assert_int_equal(sb.len, 10240);
	assert_memory_equal(sb.s, in.s, in.len);
	/* 10,240 digits: a number no spreadsheet keeps, so marked. */
	strbuf_reset(&in);
	for (i = 0; i < 1024; i++)
		strbuf_adds(&in, "0123456789");
	strbuf_reset(&sb);
	export_cell(&sb, in.s, in.len);
	assert_int_equal(sb.len, 10241);
	assert_int_equal(sb.s[0], '\'');
	assert_memory_equal(sb.s + 1, in.s, in.len);
	strbuf_done(&sb);
	strbuf_done(&in);
}

/* What export_cell must write for s by its documented rule: a ' when
   export_needs_mark, then the text, quoted when it holds , " CR or LF
   or starts or ends with a blank. */
static void
reference_cell(struct strbuf *sb, const char *s, size_t len)
{
	struct strbuf	t;
	size_t		i;
	bool		quote;

	strbuf_init(&t);
	if (export_needs_mark(s, len))
		strbuf_addc(&t, '\'');
	strbuf_add(&t, s, len);
	quote = t.len > 0 && (t.s[0] == ' ' || t.s[0] == '\t' ||
	    t.s[t.len - 1] == ' ' || t.s[t.len - 1] == '\t');
	for (i = 0; i < t.len; i++)
		quote = quote || strchr(",\"\r\n", t.s[i]) != NULL;
	if (!quote) {
		strbuf_add(sb, t.s, t.len);
		strbuf_done(&t);
		return;
	}
	strbuf_addc(sb, '"');
	for (i = 0; i < t.len; i++) {
		if (t.s[i] == '"')
			strbuf_addc(sb, '"');
		strbuf_addc(sb, t.s[i]);
	}
	strbuf_addc(sb, '"');
	strbuf_done(&t);
}

/*
 * export_cell takes short cuts for the cells most exports are made of
 * (codes, words, single digits, stored times): on every cell built from
 * pieces that lead it into and out of them, it writes what the rule
 * says.
 */
static void
test_fast_path_agrees(void **state)
{
	static const char *const piece[] = {
		"", "a", "Z", "yes", "agreed", "q_1", "0", "7", "42", "007",
		"1.50", "-", "+", "=", "@", "'", " ", "\t", ",", "\"", "\r",
		"\n", "#", "#N/A", "true", "False", "TRUE ", "jan", "e", "pm",
		"%", "$", "/", ":", ".", "(", ")", "\xc3\xb1", "\xef\xbc\x91",
		"2025-10-03T06:45:27.534Z", "2026-01-02", "12:30", "1e5",
		"0000b5e0-bc26-49cb", "\x01", "\x7f"
	};
	struct strbuf	 got, want;
	char		 cell[128];
	size_t		 i, j, k, n = SMP_NELEM(piece);

	(void)state;
	strbuf_init(&got);
	strbuf_init(&want);
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			for (k = 0; k < n; k += 3) {
				snprintf(cell, sizeof(cell), "%s%s%s", piece[i],
				    piece[j], piece[(i + j + k) % n]);
				strbuf_reset(&got);
				strbuf_reset(&want);
				export_cell(&got, cell, strlen(cell));
				reference_cell(&want, cell, strlen(cell));
				if (strcmp(got.s, want.s) != 0)
					fail_msg("cell [%s]: wrote [%s], the "
					    "rule says [%s]", cell, got.s,
					    want.s);
			}
	strbuf_done(&got);
	strbuf_done(&want);
}

static void
test_exit_status(void **state)
{
	(void)state;
	assert_int_equal(export_exit_status(0), SMP_EXIT_OK);
	assert_int_equal(export_exit_status(EXPORT_CANTCREAT),
	    SMP_EXIT_CANTCREAT);
	assert_int_equal(export_exit_status(EXPORT_IOERR), SMP_EXIT_IOERR);
	assert_int_equal(export_exit_status(STORE_BUSY), SMP_EXIT_TEMPFAIL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_neutralise),
		cmocka_unit_test(test_spreadsheet_values),
		cmocka_unit_test(test_long_field),
		cmocka_unit_test(test_fast_path_agrees),
		cmocka_unit_test(test_exit_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
