/*
 * grid.h: a screen as a plain grid of cells, with no curses behind it.
 *
 * Pages are laid out into a grid (layout.c); the terminal side (tty.c)
 * copies to the screen only the cells that differ from the grid it drew
 * last, and tests read a grid as text.  A grid also remembers the hot
 * zones a tap selects and where the text cursor goes.
 */
#ifndef SMP_GRID_H
#define SMP_GRID_H

#include <stdbool.h>
#include <stddef.h>

/* What a cell looks like; tty.c maps these to colours or attributes. */
enum grid_attr {
	GA_BODY,	/* ordinary text */
	GA_TITLE,	/* top bar */
	GA_HEADING,	/* section title, question label: bold */
	GA_DIM,		/* hints */
	GA_SELECTED,	/* highlighted list row */
	GA_ERROR,	/* validation message: bold + reverse + "!" */
	GA_BUTTON,	/* Next / Back */
	GA_KEYS,	/* key bar */
	GA_FIELD,	/* edit field: underlined */
	GA_ART,		/* picture */
	GA__COUNT
};

/* What tapping a hot zone does. */
enum grid_hot_kind {
	HOT_ITEM,	/* list item arg */
	HOT_BACK,
	HOT_NEXT,
	HOT_HELP,
	HOT_DECLINE,	/* agree screens: "I do not agree" */
	HOT_FIELD,	/* the edit field */
	HOT_COMPARE,	/* pictures: side by side, or back to the list */
	HOT_SCROLL,	/* texts above the widget: arg -1 up, 1 down */
	HOT_LANG	/* the key bar's language key */
};

/* A rectangle of one row that a tap selects. */
struct grid_hot {
	enum grid_hot_kind kind;
	int		 arg;		/* item index for HOT_ITEM */
	int		 y, x0, x1;	/* row, columns [x0, x1) */
};

/* One cell: a character and how it looks. */
struct grid_cell {
	char		 s[8];		/* one character (UTF-8, with any
					   combining marks), "" after a wide
					   character; zero-padded, so cells
					   compare with memcmp */
	unsigned char	 attr;		/* enum grid_attr */
};

/* Where a picture's text art went: pixels.c paints its image there. */
#define GRID_PICS	4
struct grid_pic {
	char		 name[64];	/* image name: "norwood-3",
					   "norwood-3.view"; zero-padded */
	int		 y, x, w, h;	/* the cells it takes */
};

/* A laid-out screen. */
struct grid {
	int		 rows, cols;
	struct grid_cell *cells;	/* rows * cols */
	struct grid_hot	*hots;		/* hot zones, in drawing order */
	size_t		 nhots, hcap;
	int		 cury, curx;	/* text cursor, -1 if none */
	struct grid_pic	 pics[GRID_PICS]; /* pictures shown */
	int		 npics;
	int		 cut;		/* texts that did not fit whole
					   (grid_put, wrap_put): a layout
					   that leaves one out says so, and
					   the large-text tests read it */
};

/* A blank grid of rows x cols (at least 1 x 1); free with grid_free. */
struct grid	*grid_new(int rows, int cols);
/* Wipe (cells may show answers) and free; NULL is fine. */
void		 grid_free(struct grid *g);
/* Blank every cell, forget the hot zones and the cursor. */
void		 grid_clear(struct grid *g);
/* The cell at y, x (inside the grid). */
struct grid_cell *grid_cell(const struct grid *g, int y, int x);
/* Whether two cells look the same. */
bool		 grid_cell_same(const struct grid_cell *a,
		     const struct grid_cell *b);
/* Whether row y looks the same in a and b (grids of the same size). */
bool		 grid_row_same(const struct grid *a, const struct grid *b,
		     int y);
/* Write len bytes of text at y,x in at most maxw columns; returns the
   columns used.  A wide character that does not fit is not written. */
int		 grid_put(struct grid *g, int y, int x, int maxw,
		     const char *text, size_t len, enum grid_attr a);
/* Paint w cells of row y from x with spaces in attribute a. */
void		 grid_fill(struct grid *g, int y, int x, int w,
		     enum grid_attr a);
/* Note picture name (view: its second view) at y,x, w x h cells; left
   out when it is whole-less (cut by the screen or touching the last
   row: an image there could scroll the screen) or there are too many. */
void		 grid_pic(struct grid *g, const char *name, bool view, int y,
		     int x, int w, int h);
/* Record a hot zone. */
void		 grid_hot(struct grid *g, enum grid_hot_kind k, int arg,
		     int y, int x0, int x1);
/* Copy columns [x0, x1) of rows [sy, sy + n) of src (as wide as dst)
   to dst from row dy, with their hot zones; the cursor too when it is
   among them. */
void		 grid_copy_rows(struct grid *dst, const struct grid *src,
		     int sy, int n, int dy, int x0, int x1);
/* The hot zone at y,x (the last recorded wins), or NULL. */
const struct grid_hot *grid_hit(const struct grid *g, int y, int x);
/* Row y as text without trailing blanks; caller frees. */
char		*grid_row(const struct grid *g, int y);
/* The whole grid as text, one line per row; caller frees. */
char		*grid_text(const struct grid *g);

#endif
