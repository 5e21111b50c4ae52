/*
 * test_input.c: how much of a burst an Esc's sequence takes
 * (input_esc_len): only the sequence is dropped, never the typing that
 * came with it (issue 13); and a function key whose sequence came in
 * two reads is still that key (input_esc_key; issue 14: F2 and F3 are
 * never Esc and letters).  The latter reads the terminfo entries of
 * xterm-256color and linux through curses, on /dev/null.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <curses.h>
#include <cmocka.h>

#include "ui/input.h"

/* input_esc_len of an ASCII burst (\033 for Esc). */
static size_t
esc_len(const char *burst)
{
	uint32_t	s[64];
	size_t		i, n = strlen(burst);

	assert_true(n < 64);
	for (i = 0; i < n; i++)
		s[i] = (unsigned char)burst[i];
	return input_esc_len(s, n);
}

/* input-1: a colour code in a paste: the CSI goes, "LMNOP" stays. */
static void
test_csi_then_text(void **state)
{
	(void)state;
	assert_int_equal(esc_len("\033[31mLMNOP"), 5);
	assert_int_equal(esc_len("\033[1~1980"), 4);	/* Home, unknown */
	assert_int_equal(esc_len("\033[<0;3;4Mab"), 9);	/* a mouse report */
	assert_int_equal(esc_len("\033[?25hx"), 6);
}

/* input-2: a CSI cut short by the burst's end is all sequence; one
   broken by a byte that cannot be in it ends before that byte. */
static void
test_csi_cut(void **state)
{
	(void)state;
	assert_int_equal(esc_len("\033[31"), 4);
	assert_int_equal(esc_len("\033["), 2);
	assert_int_equal(esc_len("\033[3\tK"), 3);	/* Tab kept */
	assert_int_equal(esc_len("\033[3\xe9"), 3);	/* é kept */
}

/* input-3: SS3, Alt+key, Alt with a sequence, a lone Esc. */
static void
test_short_forms(void **state)
{
	(void)state;
	assert_int_equal(esc_len("\033OPabc"), 3);	/* F1 as SS3 */
	assert_int_equal(esc_len("\033O"), 2);
	assert_int_equal(esc_len("\033xLMNOP"), 2);	/* Alt+x, text kept */
	assert_int_equal(esc_len("\033\033[Aab"), 4);	/* Alt+Up */
	assert_int_equal(esc_len("\033"), 1);
	assert_int_equal(esc_len("\033\rK"), 1);	/* Enter kept */
}

/* input-4: control strings only when terminated in the burst; else the
   letter is Alt's and the text after it stays. */
static void
test_strings(void **state)
{
	(void)state;
	assert_int_equal(esc_len("\033]0;title\007KL"), 10);
	assert_int_equal(esc_len("\033]0;t\033\\KL"), 7);
	assert_int_equal(esc_len("\033]KLMNOP"), 2);	/* Alt+] */
	assert_int_equal(esc_len("\033PKLMNOP"), 2);	/* Alt+P */
}

/* input_esc_key of an ASCII burst under terminal term; *len set. */
static int
esc_key(const char *term, const char *burst, size_t *len)
{
	uint32_t	 s[64];
	size_t		 i, n = strlen(burst);
	FILE		*out = fopen("/dev/null", "w"), *in = fopen("/dev/null",
			    "r");
	SCREEN		*sc;
	int		 code;

	assert_non_null(out);
	assert_non_null(in);
	sc = newterm(term, out, in);
	assert_non_null(sc);
	keypad(stdscr, TRUE);
	for (i = 0; i < n; i++)
		s[i] = (unsigned char)burst[i];
	*len = 0;
	code = input_esc_key(s, n, len);
	endwin();
	delscreen(sc);
	fclose(out);
	fclose(in);
	return code;
}

/* input-5: F2, F3, F4 split from their Esc (after curses stopped
   waiting) are those keys, the typing after them kept; an unknown
   sequence, a mouse report, Alt+key and a lone Esc are no key. */
static void
test_split_keys(void **state)
{
	size_t	len;

	(void)state;
	assert_int_equal(esc_key("xterm-256color", "\033OQ", &len), KEY_F(2));
	assert_int_equal(len, 3);
	assert_int_equal(esc_key("xterm-256color", "\033ORab", &len),
	    KEY_F(3));
	assert_int_equal(len, 3);			/* "ab" kept */
	assert_int_equal(esc_key("xterm-256color", "\033OS", &len), KEY_F(4));
	assert_int_equal(esc_key("linux", "\033[[B", &len), KEY_F(2));
	assert_int_equal(len, 4);		/* not ESC [ [ and a typed B */
	assert_int_equal(esc_key("linux", "\033[[Cx", &len), KEY_F(3));
	assert_int_equal(len, 4);
	assert_int_equal(esc_key("xterm-256color", "\033[31mLMNOP", &len), 0);
	assert_int_equal(esc_key("xterm-256color", "\033[<0;3;4Mab", &len), 0);
	assert_int_equal(esc_key("xterm-256color", "\033xLMNOP", &len), 0);
	assert_int_equal(esc_key("xterm-256color", "\033", &len), 0);
	assert_int_equal(esc_key("xterm-256color", "\033O\xe9", &len), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csi_then_text),
		cmocka_unit_test(test_csi_cut),
		cmocka_unit_test(test_short_forms),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_split_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
