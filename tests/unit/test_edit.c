/* test_edit.c: the UTF-8 line editor (insert, delete, motion, widths,
   limit, horizontal scrolling). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/utf8.h"
#include "ui/edit.h"

#define NAME	"José Ñúñez 山田 😀"

/* The editor needs a UTF-8 locale for wcwidth of wide characters. */
static int
setup(void **state)
{
	(void)state;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return -1;
	return 0;
}

/* Insert one string character by character and read it back intact. */
static void
test_insert_intact(void **state)
{
	struct edit	*e = edit_new(0, false);

	(void)state;
	assert_int_equal(edit_insert_str(e, NAME), 15);
	assert_string_equal(edit_text(e), NAME);
	assert_int_equal(edit_chars(e), 15);
	assert_int_equal(edit_cursor(e), strlen(NAME));
	/* José Ñúñez: 10 columns; 山田 and 😀: two each */
	assert_int_equal(edit_width(e), 4 + 1 + 5 + 1 + 4 + 1 + 2);
	edit_free(e);
}

/* Editing around multibyte and wide characters keeps UTF-8 valid. */
static void
test_edit_multibyte(void **state)
{
	struct edit	*e = edit_new(0, false);

	(void)state;
	edit_set(e, "añ山😀b");
	assert_true(edit_left(e));		/* before b */
	assert_true(edit_left(e));		/* before 😀 */
	assert_true(edit_backspace(e));		/* removes 山 */
	assert_string_equal(edit_text(e), "añ😀b");
	assert_true(edit_delete(e));		/* removes 😀 */
	assert_string_equal(edit_text(e), "añb");
	assert_int_equal(edit_insert(e, 0x00E9), 0);	/* é */
	assert_string_equal(edit_text(e), "añéb");
	assert_true(edit_home(e));
	assert_false(edit_left(e));
	assert_false(edit_backspace(e));
	assert_true(edit_delete(e));
	assert_string_equal(edit_text(e), "ñéb");
	assert_true(edit_end(e));
	assert_false(edit_right(e));
	assert_false(edit_delete(e));
	assert_true(edit_backspace(e));
	assert_string_equal(edit_text(e), "ñé");
	assert_int_equal(edit_chars(e), 2);
	edit_free(e);
}

/* The limit counts characters, not bytes; controls are refused. */
static void
test_limit_and_controls(void **state)
{
	struct edit	*e = edit_new(3, false);

	(void)state;
	assert_int_equal(edit_insert(e, 0x5C71), 0);
	assert_int_equal(edit_insert(e, 0x1F600), 0);
	assert_int_equal(edit_insert(e, 'x'), 0);
	assert_int_equal(edit_insert(e, 'y'), -1);
	assert_string_equal(edit_text(e), "山😀x");
	edit_clear(e);
	assert_string_equal(edit_text(e), "");
	assert_int_equal(edit_insert(e, '\n'), -1);
	assert_int_equal(edit_insert(e, 0x1B), -1);
	assert_int_equal(edit_insert(e, 0x7F), -1);
	assert_int_equal(edit_insert(e, 0xD800), -1);
	assert_int_equal(edit_insert_str(e, "ab\xff" "cdef"), 3);
	assert_string_equal(edit_text(e), "abc");
	edit_free(e);
}

/* A multi-line editor takes newlines; home/end stay on the line. */
static void
test_multiline(void **state)
{
	struct edit	*e = edit_new(0, true);

	(void)state;
	edit_set(e, "one\ntwo");
	assert_true(edit_home(e));
	assert_int_equal(edit_cursor(e), 4);
	assert_true(edit_backspace(e));
	assert_string_equal(edit_text(e), "onetwo");
	assert_int_equal(edit_insert(e, '\n'), 0);
	assert_string_equal(edit_text(e), "one\ntwo");
	assert_int_equal(edit_width(e), 3);
	edit_free(e);
}

/* Widths: CJK and emoji are two columns, combining marks zero. */
static void
test_widths(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("山田", strlen("山田")), 4);
	assert_int_equal(utf8_width("😀", strlen("😀")), 2);
	assert_int_equal(utf8_width("e\xcc\x81", 3), 1);
	assert_int_equal(utf8_width("Ñúñez", strlen("Ñúñez")), 5);
}

/* Scrolling keeps the cursor in the field and never splits a wide char. */
static void
test_view_scroll(void **state)
{
	struct edit	*e = edit_new(0, false);
	size_t		 start, len;
	int		 col, i;

	(void)state;
	edit_set(e, "abcdefghij");
	edit_view(e, 5, &start, &len, &col);
	assert_int_equal(col, 4);		/* cursor at end, last col */
	assert_int_equal(start, 6);
	assert_int_equal(len, 4);		/* "ghij" */
	edit_home(e);
	edit_view(e, 5, &start, &len, &col);
	assert_int_equal(start, 0);
	assert_int_equal(col, 0);
	assert_int_equal(len, 5);
	edit_set(e, "山田山田山田");
	edit_view(e, 5, &start, &len, &col);
	assert_true(col <= 4);
	assert_int_equal(utf8_width(edit_text(e) + start, len), 4);
	assert_int_equal(len % 3, 0);		/* whole characters */
	for (i = 0; i < 6; i++)
		edit_left(e);
	edit_view(e, 5, &start, &len, &col);
	assert_int_equal(start, 0);
	assert_int_equal(col, 0);
	/* Deleting shrinks the text; the view scrolls back to show it. */
	edit_set(e, "abcdefghij");
	edit_view(e, 5, &start, &len, &col);
	for (i = 0; i < 8; i++)
		edit_backspace(e);
	edit_view(e, 5, &start, &len, &col);
	assert_int_equal(start, 0);
	assert_int_equal(col, 2);
	edit_free(e);
}

/* Decoding invalid bytes yields U+FFFD one byte at a time. */
static void
test_decode(void **state)
{
	uint32_t	cp;

	(void)state;
	assert_int_equal(utf8_next("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(utf8_next("\xc3", 1, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_next("\xc0\x80", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_next("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_intact),
		cmocka_unit_test(test_edit_multibyte),
		cmocka_unit_test(test_limit_and_controls),
		cmocka_unit_test(test_multiline),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_view_scroll),
		cmocka_unit_test(test_decode),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
