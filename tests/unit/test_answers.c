/* test_answers.c: reading answers CSV files (header, BOM, CRLF, quoted
 * values over several lines, line numbers, every kind of bad file). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine/answers.h"
#include "base/strbuf.h"

/* Parse s; must succeed. */
static void
parse_ok(const char *s, struct answers *a)
{
	char	*err = NULL;

	if (answers_parse("a.csv", s, strlen(s), a, &err) != ANSWERS_OK)
		fail_msg("%s", err);
}

/* Parse s; must fail with exactly want. */
static void
parse_bad(const char *s, const char *want)
{
	struct answers	 a;
	char		*err = NULL;

	assert_int_equal(answers_parse("a.csv", s, strlen(s), &a, &err),
	    ANSWERS_BAD);
	assert_non_null(err);
	assert_string_equal(err, want);
	free(err);
	answers_done(&a);
}

/* Many rows (the array grows by doubling): all kept, in order. */
static void
many_rows(void)
{
	struct answers	 a;
	struct strbuf	 sb;
	size_t		 i;

	strbuf_init(&sb);
	strbuf_adds(&sb, "question,value\n");
	for (i = 0; i < 1000; i++)
		strbuf_addf(&sb, "q%zu,%zu\n", i, i);
	parse_ok(sb.s, &a);
	assert_int_equal(a.n, 1000);
	assert_string_equal(a.v[999].question, "q999");
	assert_int_equal(a.v[999].line, 1001);
	answers_done(&a);
	strbuf_done(&sb);
}

static void
test_rows_and_lines(void **state)
{
	struct answers	a;

	(void)state;
	parse_ok("\xef\xbb\xbfquestion,value\r\n"
	    "\r\n"
	    "dob,1980-01-02\r\n"
	    "notes,\"line one\r\nline \"\"two\"\"\"\r\n"
	    "\n"
	    "worries,cost;pain\n"
	    "name,\"Pérez, Ana\"\n"
	    "empty,\n"
	    "last,no newline", &a);
	assert_int_equal(a.n, 6);
	assert_string_equal(a.v[0].question, "dob");
	assert_string_equal(a.v[0].value, "1980-01-02");
	assert_int_equal(a.v[0].line, 3);
	assert_string_equal(a.v[1].question, "notes");
	assert_string_equal(a.v[1].value, "line one\r\nline \"two\"");
	assert_int_equal(a.v[1].line, 4);
	assert_string_equal(a.v[2].value, "cost;pain");
	assert_int_equal(a.v[2].line, 7);
	assert_string_equal(a.v[3].value, "Pérez, Ana");
	assert_int_equal(a.v[3].line, 8);
	assert_string_equal(a.v[4].value, "");
	assert_int_equal(a.v[4].line, 9);
	assert_string_equal(a.v[5].value, "no newline");
	assert_int_equal(a.v[5].line, 10);
	answers_done(&a);
	assert_int_equal(a.n, 0);
	parse_ok("question,value\n", &a);
	assert_int_equal(a.n, 0);
	answers_done(&a);
	many_rows();
}

/* A NUL inside a value is refused, not cut short there. */
static void
nul_byte(void)
{
	static const char	 csv[] = "question,value\nname,A\0nn\n";
	struct answers		 a;
	char			*err = NULL;

	assert_int_equal(answers_parse("a.csv", csv, sizeof(csv) - 1, &a,
	    &err), ANSWERS_BAD);
	assert_string_equal(err, "a.csv:2: holds a NUL byte (not text)");
	free(err);
	answers_done(&a);
}

static void
test_bad_files(void **state)
{
	(void)state;
	parse_bad("", "a.csv: empty file: the first line must be the header "
	    "\"question,value\"");
	parse_bad("\n\n", "a.csv: empty file: the first line must be the "
	    "header \"question,value\"");
	parse_bad("id,value\ndob,1\n", "a.csv:1: the first line must be the "
	    "header \"question,value\"");
	parse_bad("question,value,extra\n", "a.csv:1: the first line must be "
	    "the header \"question,value\"");
	parse_bad("question,value\ndob\n", "a.csv:2: expected 2 fields "
	    "(question,value), found 1");
	parse_bad("question,value\n\ndob,1,2\n", "a.csv:3: expected 2 fields "
	    "(question,value), found 3");
	parse_bad("question,value\ndob,\"1980\n", "a.csv:2: malformed CSV "
	    "(check the quotes)");
	parse_bad("question,value\ndob,19\"80\n", "a.csv:2: malformed CSV "
	    "(check the quotes)");
	nul_byte();
}

/*
 * answers-fuzz-1 (found by tests/fuzz/fuzz_answers): the buffer is
 * buf[0..len), not a C string.  A blank last line at the very end of a
 * buffer with no NUL after it was scanned past its end (strspn); under
 * ASan (make asan) this test read one byte too far.
 */
static void
test_unterminated_buffer(void **state)
{
	static const char	 text[] = "question,value\nname,A\n\r\n";
	struct answers		 a;
	char			*buf, *err = NULL;
	size_t			 len = sizeof(text) - 1;

	(void)state;
	buf = malloc(len);	/* exactly len bytes: no NUL after them */
	assert_non_null(buf);
	memcpy(buf, text, len);
	assert_int_equal(answers_parse("a.csv", buf, len, &a, &err),
	    ANSWERS_OK);
	assert_int_equal(a.n, 1);
	assert_string_equal(a.v[0].value, "A");
	answers_done(&a);
	free(buf);
}

static void
test_read_file(void **state)
{
	struct answers	 a;
	char		*err = NULL;

	(void)state;
	assert_int_equal(answers_read("/nonexistent/a.csv", &a, &err),
	    ANSWERS_NOFILE);
	assert_non_null(err);
	assert_non_null(strstr(err, "/nonexistent/a.csv"));
	free(err);
	answers_done(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_and_lines),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_unterminated_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
