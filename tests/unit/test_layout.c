/* test_layout.c: kiosk layout into a plain grid: wrapping, list scrolling,
   the picture beside or below the list, the edit field, hot zones. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ui/layout.h"
#include "ui/wrap.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xmalloc.h"

/* Wide characters need a UTF-8 locale. */
static int
setup(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") == NULL ? -1 : 0;
}

/* Joining the wrapped lines with spaces gives back every word. */
static void
test_wrap_keeps_words(void **state)
{
	const char	*t = "Receding hairline and a thinning crown, with "
	    "some loss at the temples; Supercalifragilisticexpialidocious "
	    "山田山田山田山田 😀 end";
	struct wrap_line	*l;
	struct strbuf	 sb;
	size_t		 n, i;
	int		 w;

	(void)state;
	for (w = 6; w <= 40; w += 7) {
		n = wrap_lines(t, w, &l);
		strbuf_init(&sb);
		for (i = 0; i < n; i++) {
			assert_true(utf8_width(t + l[i].off, l[i].len)
			    <= w);
			if (i > 0 && t[l[i].off - 1] == ' ')
				strbuf_addc(&sb, ' ');
			strbuf_add(&sb, t + l[i].off, l[i].len);
		}
		assert_string_equal(sb.s, t);
		strbuf_done(&sb);
		free(l);
	}
	n = wrap_lines("one\n\ntwo", 20, &l);
	assert_int_equal(n, 3);
	assert_int_equal(l[1].len, 0);
	free(l);
}

static struct form_art art = {
	(char *)"stage", (char *)"┌──┐\n│  │\n└──┘", (char *)"+--+\n|  |\n+--+",
	30, 3, NULL
};

/* Find text in the grid: row, or -1. */
static int
find_row(const struct grid *b, const char *s, int *col)
{
	char	*row, *p;
	int	 y;

	for (y = 0; y < b->rows; y++) {
		row = grid_row(b, y);
		if ((p = strstr(row, s)) != NULL) {
			if (col != NULL)
				*col = utf8_width(row, (size_t)(p - row));
			free(row);
			return y;
		}
		free(row);
	}
	return -1;
}

/* A page with four options, the second with a picture. */
static void
fill_page(struct ui_page *p, struct ui_item *it, int *top)
{
	int	i;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < 4; i++) {
		memset(&it[i], 0, sizeof(it[i]));
		it[i].mark = "( )";
		it[i].art = i == 1 ? &art : NULL;
	}
	it[0].label = "Receding hairline";
	it[1].label = "Stage two, a long label that has to wrap onto a "
	    "second line when the list is narrow";
	it[2].label = "Stage three";
	it[3].label = "None";
	p->title = "Consultation";
	p->progress = "7 of 31";
	p->prog_n = 7;
	p->prog_m = 31;
	p->heading = "Your hair today";
	p->body = "Which picture looks most like your head from above?";
	p->items = it;
	p->nitems = 4;
	p->cur = 1;
	p->top = top;
	p->numbered = true;
	p->back = "Back";
	p->next = "Next";
	p->keys = "Up/Down choose   Enter next";
	p->utf8 = true;
}

/* Wide screen: the picture sits beside the list, on the same rows. */
static void
test_art_beside(void **state)
{
	struct ui_page	 p;
	struct ui_item	 it[4];
	struct grid	*b = grid_new(24, 80);
	int		 top = 0, ya, yl, xa = 0, xl = 0;

	(void)state;
	fill_page(&p, it, &top);
	layout_page(&p, b);
	assert_true(layout_art_beside(80, &art));
	ya = find_row(b, "┌──┐", &xa);
	yl = find_row(b, "1. ( ) Receding", &xl);
	assert_true(ya >= 0 && yl >= 0);
	assert_int_equal(ya, yl);
	assert_true(xa > xl + 20);
	assert_int_equal(find_row(b, "7 of 31", NULL), 0);
	assert_true(find_row(b, "[ Next ]", NULL) == 22);
	assert_int_equal(find_row(b, "Up/Down choose", NULL), 23);
	/* Every word of the wrapped label is on screen. */
	assert_true(find_row(b, "second line", NULL) > yl);
	grid_free(b);
}

/* Narrow screen: the picture goes below the list, in ASCII if asked. */
static void
test_art_below(void **state)
{
	struct ui_page	 p;
	struct ui_item	 it[4];
	struct grid	*b = grid_new(30, 50);
	int		 top = 0, ya, ynone;

	(void)state;
	fill_page(&p, it, &top);
	p.utf8 = false;
	layout_page(&p, b);
	assert_false(layout_art_beside(50, &art));
	ya = find_row(b, "+--+", NULL);
	ynone = find_row(b, "4. ( ) None", NULL);
	assert_true(ynone > 0);
	assert_true(ya > ynone);
	assert_int_equal(find_row(b, "┌", NULL), -1);
	grid_free(b);
}

/* A long list scrolls to keep the highlighted item whole, with markers. */
static void
test_list_scroll(void **state)
{
	struct ui_page	 p;
	struct ui_item	 it[30];
	char		 labels[30][16];
	struct grid	*b = grid_new(24, 80);
	int		 top = 0, i;

	(void)state;
	memset(&p, 0, sizeof(p));
	for (i = 0; i < 30; i++) {
		snprintf(labels[i], sizeof(labels[i]), "Option %02d", i + 1);
		memset(&it[i], 0, sizeof(it[i]));
		it[i].label = labels[i];
		it[i].mark = "[ ]";
	}
	p.items = it;
	p.nitems = 30;
	p.top = &top;
	p.cur = 25;
	p.next = "Next";
	layout_page(&p, b);
	assert_true(top > 0);
	assert_true(find_row(b, "Option 26", NULL) > 0);
	assert_true(find_row(b, "^ more", NULL) >= 0);
	assert_true(find_row(b, "v more", NULL) >= 0);
	assert_int_equal(find_row(b, "Option 01", NULL), -1);
	/* Tapping the row of option 26 selects item 25. */
	assert_int_equal(grid_hit(b, find_row(b, "Option 26", NULL), 5)->arg,
	    25);
	p.cur = 0;
	layout_page(&p, b);
	assert_int_equal(top, 0);
	assert_true(find_row(b, "Option 01", NULL) > 0);
	assert_int_equal(find_row(b, "^ more", NULL), -1);
	grid_free(b);
}

/* The edit field shows wide text aligned, and puts the cursor after it. */
static void
test_edit_field(void **state)
{
	struct ui_page	 p;
	struct grid	*b = grid_new(24, 80);
	struct edit	*e = edit_new(200, false);
	const struct grid_hot *h;
	int		 y, x = 0;

	(void)state;
	edit_set(e, "José Ñúñez 山田 😀");
	memset(&p, 0, sizeof(p));
	p.body = "Your name";
	p.edit = e;
	p.error = "Please answer this question to continue.";
	p.back = "Back";
	p.next = "Next";
	layout_page(&p, b);
	y = find_row(b, "José Ñúñez 山田 😀", &x);
	assert_true(y > 0);
	assert_int_equal(b->cury, y);
	assert_int_equal(b->curx, x + 18);
	assert_true(find_row(b, "! Please answer", NULL) > y);
	y = find_row(b, "[ Next ]", &x);
	h = grid_hit(b, y, x + 1);
	assert_non_null(h);
	assert_int_equal(h->kind, HOT_NEXT);
	/* A PIN shows stars only. */
	edit_set(e, "2468");
	p.masked = true;
	layout_page(&p, b);
	assert_int_equal(find_row(b, "2468", NULL), -1);
	assert_true(find_row(b, "****", NULL) > 0);
	edit_free(e);
	grid_free(b);
}

/* A longtext box shows several lines and follows the cursor. */
static void
test_longtext_box(void **state)
{
	struct ui_page	 p;
	struct grid	*b = grid_new(24, 80);
	struct edit	*e = edit_new(0, true);
	int		 y1, y2;

	(void)state;
	edit_set(e, "first line\nsecond line");
	memset(&p, 0, sizeof(p));
	p.body = "Anything else?";
	p.edit = e;
	p.multiline = true;
	layout_page(&p, b);
	y1 = find_row(b, "first line", NULL);
	y2 = find_row(b, "second line", NULL);
	assert_int_equal(y2, y1 + 1);
	assert_int_equal(b->cury, y2);
	assert_int_equal(b->curx, 2 + 11);
	edit_free(e);
	grid_free(b);
}

/* The welcome page centres its text. */
static void
test_centre(void **state)
{
	struct ui_page	 p;
	struct grid	*b = grid_new(24, 80);
	int		 x = 0;

	(void)state;
	memset(&p, 0, sizeof(p));
	p.center = true;
	p.heading = "Hair Studio North";
	p.hint = "Press any key or tap the screen to begin";
	layout_page(&p, b);
	assert_true(find_row(b, "Hair Studio North", &x) > 5);
	assert_int_equal(x, (80 - 17) / 2);
	grid_free(b);
}

/*
 * Information text longer than the screen scrolls: every line is shown at
 * some scroll position, the marker says more is below until the end.
 */
static void
test_scrolled_body(void **state)
{
	struct ui_page		 p;
	struct ui_scroll	 sc = { 0, 0, false, false, false };
	struct grid		*b = grid_new(24, 80);
	struct strbuf		 text;
	char			 want[32];
	int			 i, x = 0, seen[40] = { 0 };

	(void)state;
	strbuf_init(&text);
	for (i = 0; i < 40; i++)
		strbuf_addf(&text, "%sParagraph line %02d", i ? "\n" : "", i);
	memset(&p, 0, sizeof(p));
	p.heading = "Privacy";
	p.body = text.s;
	p.body_plain = true;
	p.window = &sc;
	p.more = "More below";
	p.next = "Next";
	for (;;) {
		layout_page(&p, b);
		assert_true(sc.page > 5);
		for (i = 0; i < 40; i++) {
			snprintf(want, sizeof want, "Paragraph line %02d", i);
			if (find_row(b, want, &x) >= 0)
				seen[i] = 1;
		}
		if (!sc.more)
			break;
		assert_true(find_row(b, "More below", &x) >= 0);
		sc.top += sc.page - 1;
	}
	for (i = 0; i < 40; i++)
		assert_int_equal(seen[i], 1);
	assert_int_equal(find_row(b, "More below", &x), -1);
	/* Scrolling past the end is clamped to the last page. */
	sc.top = 1000;
	layout_page(&p, b);
	assert_int_equal(sc.top, 42 - sc.page);	/* heading, blank */
	assert_true(find_row(b, "Paragraph line 39", &x) >= 0);
	/* A short text does not scroll at all. */
	p.body = "Short";
	sc.top = 3;
	layout_page(&p, b);
	assert_int_equal(sc.top, 0);
	assert_false(sc.more);
	strbuf_done(&text);
	grid_free(b);
}

/* issue 13: an entry taller than the room (a 10 KB answer) is shown,
   cut, never left out with an empty list and "more" below. */
static void
test_tall_item(void **state)
{
	struct ui_page	 p;
	struct ui_item	 it[3];
	struct grid	*b = grid_new(24, 80);
	char		*big = xmalloc(10241);
	int		 top = 0, i;

	(void)state;
	for (i = 0; i < 10240; i++)
		big[i] = i % 7 == 6 ? ' ' : 'a';
	big[10240] = '\0';
	memset(&p, 0, sizeof(p));
	memset(it, 0, sizeof(it));
	it[0].label = "First question";
	it[0].detail = "short";
	it[1].label = "Long answer question";
	it[1].detail = big;
	it[2].label = "Last question";
	p.items = it;
	p.nitems = 3;
	p.top = &top;
	p.cur = 1;
	p.next = "Next";
	layout_page(&p, b);
	assert_true(find_row(b, "Long answer question", NULL) > 0);
	/* Cut to its line (the review): the entries around it show too. */
	it[1].detail_cut = true;
	p.utf8 = true;
	layout_page(&p, b);
	assert_true(find_row(b, "First question", NULL) > 0);
	assert_true(find_row(b, "Last question", NULL) > 0);
	assert_true(find_row(b, "\xe2\x80\xa6", NULL) ==
	    find_row(b, "Long answer question", NULL) + 1);
	grid_free(b);
	free(big);
}

/* A label cut to fewer rows than it needs ends in an ellipsis (the
   compare view gives each label 3 rows); one that fits does not. */
static void
test_wrap_cut(void **state)
{
	struct grid	*b = grid_new(6, 20);
	const char	*t = "Etapa IIIa: toda la parte delantera ha retrocedido "
	    "de forma uniforme";
	char		*s;

	(void)state;
	assert_int_equal(wrap_put_cut(b, 0, 2, 0, 20, t, GA_BODY, true), 2);
	assert_int_equal(wrap_put_cut(b, 3, 6, 0, 20, "Etapa I", GA_BODY,
	    true), 4);
	assert_int_equal(wrap_put_cut(b, 4, 6, 0, 20, t, GA_BODY, false), 6);
	s = grid_text(b);
	assert_non_null(strstr(s, "Etapa IIIa: toda la\n"));
	assert_non_null(strstr(s, "\xe2\x80\xa6\n"));	/* row 2 cut */
	assert_non_null(strstr(s, "Etapa I\n"));
	assert_non_null(strstr(s, "...\n"));		/* ASCII twin */
	free(s);
	grid_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_keeps_words),
		cmocka_unit_test(test_art_beside),
		cmocka_unit_test(test_art_below),
		cmocka_unit_test(test_list_scroll),
		cmocka_unit_test(test_edit_field),
		cmocka_unit_test(test_longtext_box),
		cmocka_unit_test(test_centre),
		cmocka_unit_test(test_scrolled_body),
		cmocka_unit_test(test_tall_item),
		cmocka_unit_test(test_wrap_cut),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
