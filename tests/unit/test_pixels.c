/*
 * test_pixels.c: the stage pictures' images (forms/art/raster.py, built
 * into build/art) rendered through libchafa's symbol mode at the text
 * art's 33 x 14 cells show the same stage: where the text art has full
 * hair the cell is dark, thinner hair darker than skin, bare scalp
 * light.  Skipped
 * (and said so) when the kiosk was built without libchafa.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/file.h"
#include "base/xmalloc.h"
#include "ui/grid.h"
#include "ui/pixels.h"

#define COLS	33
#define ROWS	14

static const char *const names[] = {
	"norwood-1", "norwood-2", "norwood-2a", "norwood-3", "norwood-3a",
	"norwood-3v", "norwood-4", "norwood-4a", "norwood-5", "norwood-5a",
	"norwood-6", "norwood-7", "savin-i1", "savin-i2", "savin-i3",
	"savin-i4", "savin-ii1", "savin-ii2", "savin-iii", "savin-adv",
	"savin-frontal", NULL
};

/* Interior half-widths of the top view's rows 1..12 (gen.py ROWS). */
static const int half[12] = { 7, 10, 12, 13, 14, 14, 14, 14, 13, 12, 10, 7 };

/* How light a cell looks, 0..255, from its symbol's colours; -1 when
   it is transparent. */
static int
luma(uint32_t ch, int32_t fg, int32_t bg)
{
	int32_t	c;
	int	r, g, b, l1, l2;

	if (ch == ' ' || ch == 0)
		c = bg;
	else if (ch == 0x2588)		/* full block */
		c = fg;
	else {
		if (fg < 0 || bg < 0)
			return -1;
		l1 = luma(0x2588, fg, bg);
		l2 = luma(' ', fg, bg);
		return (l1 + l2) / 2;
	}
	if (c < 0)
		return -1;
	r = (c >> 16) & 0xff;
	g = (c >> 8) & 0xff;
	b = c & 0xff;
	return (r * 299 + g * 587 + b * 114) / 1000;
}

/* The build's pictures: $BUILD/art (tests/run sets BUILD; build-asan
   under make asan, which need not have built build/). */
static const char *
art_dir(void)
{
	static char	dir[256];
	const char	*b = getenv("BUILD");

	snprintf(dir, sizeof(dir), "%s/art", b != NULL && *b != '\0' ? b :
	    "build");
	return dir;
}

/*
 * Picture name (view: its second view): the share (percent) of text
 * art cells whose image cell agrees (full hair dark, bare light), or
 * -1 with a skip when libchafa is missing.
 */
static int
agreement(const char *name, bool view, int *checked)
{
	uint32_t	 ch[COLS * ROWS];
	int32_t		 fg[COLS * ROWS], bg[COLS * ROWS];
	char		*img, *txt, *err = NULL, *t, *line;
	size_t		 len;
	int		 y, x, l, agree = 0, n = 0;

	img = xasprintf("%s/%s%s.small.pam", art_dir(), name,
	    view ? ".view" : "");
	if (pixels_cells(img, COLS, ROWS, ch, fg, bg, &err) < 0) {
		if (err != NULL && strstr(err, "without libchafa") != NULL) {
			free(err);
			free(img);
			return -1;
		}
		fail_msg("%s", err);
	}
	free(img);
	txt = xasprintf("forms/art/%s%s.ascii.txt", name, view ? ".view" : "");
	t = file_read(txt, 65536, &len, &err);
	assert_non_null(t);
	free(txt);
	for (y = 0, line = t; line != NULL && y < ROWS; y++) {
		for (x = 0; x < COLS && line[x] != '\0' && line[x] != '\n';
		    x++) {
			if (!view && (y < 1 || y > 12 || x - 16 > half[y - 1] ||
			    16 - x > half[y - 1]))
				continue;	/* the top view's outline */
			if (line[x] != '#' && line[x] != '+' &&
			    (view || line[x] != '.'))
				continue;
			if ((l = luma(ch[y * COLS + x], fg[y * COLS + x],
			    bg[y * COLS + x])) < 0)
				continue;
			n++;
			if ((line[x] == '#' && l < 120) ||
			    (line[x] == '+' && l < 170) ||
			    (line[x] == '.' && l > 140))
				agree++;
		}
		line = strchr(line, '\n');
		line = line != NULL ? line + 1 : NULL;
	}
	free(t);
	*checked = n;
	return n > 0 ? agree * 100 / n : 0;
}

/* Each picture's image, top view and second view, shows its stage. */
static void
test_images_match_art(void **state)
{
	const char *const	*n;
	char			 path[128];
	int			 pct, checked, views = 0;

	(void)state;
	for (n = names; *n != NULL; n++) {
		if ((pct = agreement(*n, false, &checked)) < 0)
			skip();		/* built without libchafa */
		if (pct < 80 || checked < 50)
			fail_msg("%s: the image agrees with the text art in "
			    "%d%% of %d cells", *n, pct, checked);
		snprintf(path, sizeof(path), "forms/art/%s.view.kind", *n);
		if (access(path, R_OK) != 0)
			continue;
		views++;
		pct = agreement(*n, true, &checked);
		if (pct < 75 || checked < 20)
			fail_msg("%s: its second view agrees with the text "
			    "art in %d%% of %d cells", *n, pct, checked);
	}
	assert_true(views >= 9);
}

/* A bad image file is refused with its name (the kiosk keeps the text). */
static void
test_bad_image(void **state)
{
	uint32_t	 ch[4];
	int32_t		 fg[4], bg[4];
	char		*err = NULL;

	(void)state;
	assert_int_equal(pixels_cells("forms/art/norwood-1.txt", 2, 2, ch, fg,
	    bg, &err), -1);
	assert_non_null(strstr(err, "norwood-1.txt"));
	free(err);
	assert_int_equal(pixels_mode_parse("sixel"), PIXELS_SIXEL);
	assert_int_equal(pixels_mode_parse("pixels"), -1);
	/* text, a non-UTF-8 locale or fewer than 8 colours: text art */
	assert_null(pixels_new(PIXELS_TEXT, art_dir(), true, 256));
	assert_null(pixels_new(PIXELS_SIXEL, art_dir(), false, 256));
	assert_null(pixels_new(PIXELS_SIXEL, art_dir(), true, 2));
}

/*
 * No stale pixels: the images are painted again (after a full redraw)
 * whenever the pictures on screen change: another picture, another
 * place, a resize, none at all (the idle prompt, leaving the page); a
 * picture touching the last row is never noted for an image.
 */
static void
test_stale(void **state)
{
	struct pixels	*px = pixels_new(PIXELS_SYMBOLS, art_dir(), true,
			    256);
	struct grid	*g = grid_new(24, 80), *h;
	int		 fd = open("/dev/null", O_WRONLY);

	(void)state;
	if (px == NULL) {
		grid_free(g);
		close(fd);
		skip();		/* built without libchafa */
	}
	assert_true(fd >= 0);
	assert_true(pixels_stale(px, g));	/* the first screen */
	pixels_show(px, g, fd);
	assert_false(pixels_stale(px, g));
	grid_pic(g, "norwood-1", false, 5, 40, 33, 14);
	assert_int_equal(g->npics, 1);
	assert_true(pixels_stale(px, g));	/* a picture appears */
	pixels_show(px, g, fd);
	assert_false(pixels_stale(px, g));	/* a key that changes
						   nothing else */
	grid_clear(g);
	grid_pic(g, "norwood-2", false, 5, 40, 33, 14);
	assert_true(pixels_stale(px, g));	/* another option */
	pixels_show(px, g, fd);
	grid_clear(g);
	grid_pic(g, "norwood-2", false, 6, 40, 33, 14);
	assert_true(pixels_stale(px, g));	/* moved */
	pixels_show(px, g, fd);
	grid_clear(g);
	assert_true(pixels_stale(px, g));	/* gone: the idle prompt */
	pixels_show(px, g, fd);
	assert_false(pixels_stale(px, g));
	h = grid_new(30, 100);
	assert_true(pixels_stale(px, h));	/* a resize */
	pixels_show(px, h, fd);
	grid_pic(h, "norwood-2", false, 16, 40, 33, 14);   /* to the last row */
	assert_int_equal(h->npics, 0);
	grid_pic(h, "norwood-2", false, 15, 80, 33, 14);   /* off the side */
	assert_int_equal(h->npics, 0);
	grid_free(h);
	grid_free(g);
	pixels_free(px);
	close(fd);
}

/* The auto mode: what libchafa knows of the terminal, never sixel where
   it does not know of it (the Linux console, a plain xterm). */
static int
auto_for(const char *term, const char *kitty)
{
	struct pixels	*px;
	int		 m;

	setenv("TERM", term, 1);
	unsetenv("TERM_PROGRAM");
	if (kitty != NULL)
		setenv("KITTY_WINDOW_ID", kitty, 1);
	else
		unsetenv("KITTY_WINDOW_ID");
	px = pixels_new(PIXELS_AUTO, art_dir(), true, 256);
	m = (int)pixels_mode(px);
	pixels_free(px);
	return m;
}

static void
test_auto(void **state)
{
	(void)state;
	if (auto_for("linux", NULL) == PIXELS_TEXT)
		skip();		/* built without libchafa */
	assert_int_equal(auto_for("linux", NULL), PIXELS_SYMBOLS);
	assert_int_equal(auto_for("xterm-256color", NULL), PIXELS_SYMBOLS);
	assert_int_equal(auto_for("foot", NULL), PIXELS_SIXEL);
	assert_int_equal(auto_for("mlterm", NULL), PIXELS_SIXEL);
	assert_int_equal(auto_for("xterm-kitty", "1"), PIXELS_KITTY);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_images_match_art),
		cmocka_unit_test(test_bad_image),
		cmocka_unit_test(test_stale),
		cmocka_unit_test(test_auto),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
