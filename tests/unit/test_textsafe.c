/* test_textsafe.c: control characters, escapes, bidi and bad UTF-8 made
   visible; ordinary text of every script kept; fitting to columns. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/defs.h"
#include "base/strbuf.h"
#include "base/textsafe.h"

/* Check that textsafe(in, flags) gives want. */
static void
expect_safe(const char *in, unsigned flags, const char *want)
{
	char	*got = textsafe(in, flags);

	assert_string_equal(got, want);
	free(got);
}

static void
test_escapes(void **state)
{
	(void)state;
	expect_safe("a\x1b[2Jb", 0, "a^[[2Jb");
	expect_safe("\x1b]0;title\x07", 0, "^[]0;title^G");
	expect_safe("x\ry", 0, "x^My");
	expect_safe("x\r\ny", 0, "x^M^Jy");
	expect_safe("x\r\ny", TEXTSAFE_KEEP_NL, "x^M\ny");
	expect_safe("a\tb", 0, "a^Ib");
	expect_safe("a\tb", TEXTSAFE_KEEP_TAB, "a\tb");
	expect_safe("del\x7f", 0, "del^?");
	expect_safe("\x01", 0, "^A");
	expect_safe(NULL, 0, "");
	expect_safe("", 0, "");
}

static void
test_c1_bidi(void **state)
{
	(void)state;
	/* U+009B is CSI, a one-character ESC [ on some terminals. */
	expect_safe("a\xc2\x9b" "2Jb", 0, "a<U+009B>2Jb");
	expect_safe("\xc2\x80\xc2\x9f", 0, "<U+0080><U+009F>");
	/* U+00A0 (no-break space) is not a control. */
	expect_safe("\xc2\xa0", 0, "\xc2\xa0");
	expect_safe("abc\xe2\x80\xae" "fed", 0, "abc<U+202E>fed");
	expect_safe("\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9", 0,
	    "<U+202A><U+2066><U+2069>");
}

static void
test_invalid_utf8(void **state)
{
	(void)state;
	expect_safe("ab\xff" "c", 0, "ab\\xFFc");
	expect_safe("\xc3", 0, "\\xC3");			/* truncated */
	expect_safe("\xc0\xaf", 0, "\\xC0\\xAF");		/* overlong */
	expect_safe("\xed\xa0\x80", 0, "\\xED\\xA0\\x80");	/* surrogate */
	expect_safe("\xf4\x90\x80\x80", 0, "\\xF4\\x90\\x80\\x80");
}

static void
test_keeps_text(void **state)
{
	const char	*s[] = {
		"José Ñúñez", "山田太郎", "😀👍🏽", "שלום עולם", "مرحبا",
		"naïve café", "Zoë \"Z\" O'Neil, Jr.",
	};
	size_t		 i;

	(void)state;
	for (i = 0; i < SMP_NELEM(s); i++)
		expect_safe(s[i], 0, s[i]);
}

static void
test_width_fit(void **state)
{
	struct strbuf	sb;

	(void)state;
	assert_int_equal(textsafe_width("abc"), 3);
	assert_int_equal(textsafe_width("山田"), 4);
	assert_int_equal(textsafe_width("José"), 4);
	strbuf_init(&sb);
	assert_int_equal(textsafe_fit(&sb, "abc", 5, 1), 5);
	assert_string_equal(sb.s, "abc  ");
	strbuf_reset(&sb);
	assert_int_equal(textsafe_fit(&sb, "abcdefgh", 5, 0), 5);
	assert_string_equal(sb.s, "abcd\xe2\x80\xa6");
	strbuf_reset(&sb);
	/* A wide character never straddles the cut. */
	assert_int_equal(textsafe_fit(&sb, "山田太郎", 4, 1), 4);
	assert_string_equal(sb.s, "山\xe2\x80\xa6 ");
	strbuf_done(&sb);
}

static void
test_json(void **state)
{
	struct strbuf	sb;

	(void)state;
	strbuf_init(&sb);
	textsafe_json(&sb, "a\"b\\c\nd\x1b[2J\xc2\x9b\xe2\x80\xae\xff é😀");
	assert_string_equal(sb.s, "\"a\\\"b\\\\c\\nd\\u001b[2J\\u009b"
	    "\\u202e\\ufffd é😀\"");
	strbuf_reset(&sb);
	textsafe_json(&sb, NULL);
	assert_string_equal(sb.s, "null");
	strbuf_done(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_c1_bidi),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_keeps_text),
		cmocka_unit_test(test_width_fit),
		cmocka_unit_test(test_json),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
