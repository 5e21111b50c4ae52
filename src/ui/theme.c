/*
 * theme.c: the kiosk's colours and their contrast (see theme.h).
 *
 * On the Linux console (the usual kiosk screen) COLOR_WHITE is the grey
 * #aaaaaa and blue #0000aa: the old white-on-blue key bar was 5.7:1 and
 * blue-on-white hints 5.7:1, under the 7:1 a low-vision client needs.
 * Bold makes a console's foreground bright (#ffffff on blue is 13:1).
 */
#include <math.h>

#include "theme.h"

/* The Linux console's default palette (drivers/tty/vt: default_red...):
   the eight colours, then their bright twins. */
static const unsigned char theme_palette[16][3] = {
	{ 0x00, 0x00, 0x00 }, { 0xaa, 0x00, 0x00 }, { 0x00, 0xaa, 0x00 },
	{ 0xaa, 0x55, 0x00 }, { 0x00, 0x00, 0xaa }, { 0xaa, 0x00, 0xaa },
	{ 0x00, 0xaa, 0xaa }, { 0xaa, 0xaa, 0xaa },
	{ 0x55, 0x55, 0x55 }, { 0xff, 0x55, 0x55 }, { 0x55, 0xff, 0x55 },
	{ 0xff, 0xff, 0x55 }, { 0x55, 0x55, 0xff }, { 0xff, 0x55, 0xff },
	{ 0x55, 0xff, 0xff }, { 0xff, 0xff, 0xff },
};

#define BODY(f, b)	{ f, b, false, false }
#define BOLD(f, b)	{ f, b, true, false }
#define LINE(f, b)	{ f, b, false, true }

static const struct theme_look theme_standard[GA__COUNT] = {
	[GA_BODY] = BODY(TC_BLACK, TC_WHITE),		/* 9.0 */
	[GA_TITLE] = BOLD(TC_WHITE, TC_BLUE),		/* 13.3 */
	[GA_HEADING] = BODY(TC_BLACK, TC_WHITE),	/* bold black is a
							   console's grey: 3.2 */
	[GA_DIM] = BODY(TC_BLACK, TC_WHITE),		/* was blue: 5.7 */
	[GA_SELECTED] = BOLD(TC_WHITE, TC_BLUE),	/* 13.3 */
	[GA_ERROR] = BOLD(TC_WHITE, TC_BLACK),		/* 21 */
	[GA_BUTTON] = BODY(TC_BLACK, TC_CYAN),		/* 7.3 (bold: 2.6) */
	[GA_KEYS] = BOLD(TC_WHITE, TC_BLUE),		/* was 5.7 */
	[GA_FIELD] = LINE(TC_BLACK, TC_CYAN),		/* 7.3 */
	[GA_ART] = BODY(TC_BLACK, TC_WHITE),
};

static const struct theme_look theme_high[GA__COUNT] = {
	[GA_BODY] = BOLD(TC_WHITE, TC_BLACK),		/* 21 */
	[GA_TITLE] = BOLD(TC_YELLOW, TC_BLACK),		/* 19.6 */
	[GA_HEADING] = BOLD(TC_YELLOW, TC_BLACK),
	[GA_DIM] = BODY(TC_WHITE, TC_BLACK),		/* 9.0 */
	[GA_SELECTED] = BODY(TC_BLACK, TC_WHITE),	/* 9.0 */
	[GA_ERROR] = BOLD(TC_YELLOW, TC_BLACK),
	[GA_BUTTON] = BODY(TC_BLACK, TC_CYAN),		/* 7.3 */
	[GA_KEYS] = BOLD(TC_CYAN, TC_BLACK),		/* 16.7 */
	[GA_FIELD] = { TC_WHITE, TC_BLACK, true, true },
	[GA_ART] = BOLD(TC_WHITE, TC_BLACK),
};

/* The looks of theme t. */
const struct theme_look *
theme_looks(enum theme t)
{
	return t == THEME_HIGH_CONTRAST ? theme_high : theme_standard;
}

/* WCAG relative luminance of palette entry c. */
static double
theme_luminance(int c)
{
	double	ch[3], v;
	int	i;

	for (i = 0; i < 3; i++) {
		v = theme_palette[c][i] / 255.0;
		ch[i] = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055,
		    2.4);
	}
	return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/* The contrast ratio of a look (bold: the bright foreground). */
double
theme_contrast(const struct theme_look *l)
{
	double	a = theme_luminance(l->fg + (l->bold ? 8 : 0));
	double	b = theme_luminance(l->bg);

	return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}
