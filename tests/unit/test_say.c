/*
 * test_say.c: the words speech says for a page (issue 14 item 8): the
 * question, every entry with its picture in words, the highlighted entry
 * alone; never a review answer to an identifier question.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ui/say.h"

/* A question with pictures: all of it said, the focus alone after. */
static void
test_say_question(void **state)
{
	struct ui_item	 it[2];
	struct ui_page	 p;
	char		*s;

	(void)state;
	memset(it, 0, sizeof(it));
	memset(&p, 0, sizeof(p));
	it[0].label = "Stage II";
	it[0].describe = "Small, even triangles at the temples.";
	it[1].label = "Stage III";
	it[1].describe = "Deep recessions in an M shape.";
	p.heading = "Your hair today";
	p.body = "Which picture looks most like your head?";
	p.items = it;
	p.nitems = 2;
	p.cur = 1;
	s = say_page(NULL, &p);		/* no progress: no phrase needed */
	assert_string_equal(s, "Your hair today\nWhich picture looks most "
	    "like your head?\n1.\nStage II\nSmall, even triangles at the "
	    "temples.\n2.\nStage III\nDeep recessions in an M shape.");
	free(s);
	s = say_focus(&p);
	assert_string_equal(s, "Stage III\nDeep recessions in an M shape.");
	free(s);
	p.cur = -1;
	assert_null(say_focus(&p));
}

/* The review: an identifier's answer is never said, other answers are. */
static void
test_say_review_secret(void **state)
{
	struct ui_item	 it[2];
	struct ui_page	 p;
	char		*s;

	(void)state;
	memset(it, 0, sizeof(it));
	memset(&p, 0, sizeof(p));
	it[0].label = "Your full name";
	it[0].detail = "José Ñúñez";
	it[0].secret = true;
	it[1].label = "Do you use anything for hair loss now?";
	it[1].detail = "Minoxidil";
	p.items = it;
	p.nitems = 2;
	p.cur = 0;
	s = say_page(NULL, &p);
	assert_null(strstr(s, "Ñúñez"));
	assert_non_null(strstr(s, "Your full name"));
	assert_non_null(strstr(s, "Minoxidil"));
	free(s);
	s = say_focus(&p);
	assert_string_equal(s, "Your full name");
	free(s);
}

/* F4 (say_answer): the answer typed, or the highlighted review answer,
   an identifier's included, since the client asked; never the PIN. */
static void
test_say_answer(void **state)
{
	struct ui_item	 it[2];
	struct ui_page	 p;
	struct edit	*e = edit_new(60, false);
	char		*s;

	(void)state;
	memset(&p, 0, sizeof(p));
	p.edit = e;
	assert_null(say_answer(&p));		/* nothing typed yet */
	edit_set(e, "José Ñúñez");
	s = say_answer(&p);
	assert_string_equal(s, "José Ñúñez");
	free(s);
	p.masked = true;			/* the staff PIN */
	assert_null(say_answer(&p));
	edit_free(e);
	memset(&p, 0, sizeof(p));
	memset(it, 0, sizeof(it));
	it[0].label = "Your full name";
	it[0].detail = "José Ñúñez";
	it[0].secret = true;
	it[1].label = "-> Send my answers";
	p.items = it;
	p.nitems = 2;
	p.cur = 0;
	s = say_answer(&p);
	assert_string_equal(s, "José Ñúñez");
	free(s);
	p.cur = 1;
	assert_null(say_answer(&p));
	p.cur = -1;
	assert_null(say_answer(&p));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_say_question),
		cmocka_unit_test(test_say_review_secret),
		cmocka_unit_test(test_say_answer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
