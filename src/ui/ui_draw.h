/*
 * smp_ui_draw.h: kiosk screens laid out into a plain grid of cells, with
 * no curses behind it, so tests can read a screen as text.  ui.c copies
 * the grid to the terminal.
 *
 * A screen is described by a struct ui_page (what to show: texts, a list,
 * an edit field, buttons); ui_layout() places it in a struct uib of the
 * terminal's size: where each text goes, how long labels wrap (by display
 * width, never cutting a word silently), how the list scrolls, whether the
 * picture of the highlighted option goes beside the list or below it, and
 * which rectangles a tap selects (hot zones).
 */
#ifndef SMP_UI_DRAW_H
#define SMP_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "base/utf8.h"
#include "form/form.h"
#include "edit.h"

#define UI_MIN_COLS	80
#define UI_MIN_ROWS	24

/* What a cell looks like; ui.c maps these to colours or attributes. */
enum ui_attr {
	UA_BODY,	/* ordinary text */
	UA_TITLE,	/* top bar */
	UA_HEADING,	/* section title, question label: bold */
	UA_DIM,		/* hints */
	UA_SELECTED,	/* highlighted list row */
	UA_ERROR,	/* validation message: bold + reverse + "!" */
	UA_BUTTON,	/* Next / Back */
	UA_KEYS,	/* key bar */
	UA_FIELD,	/* edit field: underlined */
	UA_ART,		/* picture */
	UA__COUNT
};

/* What tapping a hot zone does. */
enum ui_hot_kind {
	HOT_ITEM,	/* list item arg */
	HOT_BACK,
	HOT_NEXT,
	HOT_HELP,
	HOT_FIELD	/* the edit field */
};

struct ui_hot {
	enum ui_hot_kind kind;
	int		 arg;		/* item index for HOT_ITEM */
	int		 y, x0, x1;	/* row, columns [x0, x1) */
};

struct ui_cell {
	char		 s[8];		/* one character (UTF-8), "" after a
					   wide character */
	unsigned char	 attr;		/* enum ui_attr */
};

/* The laid-out screen. */
struct uib {
	int		 rows, cols;
	struct ui_cell	*cells;		/* rows * cols */
	struct ui_hot	*hots;
	size_t		 nhots, hcap;
	int		 cury, curx;	/* text cursor, -1 if hidden */
};

/* One list row: a choice, a review answer, a menu entry. */
struct ui_item {
	const char	*mark;		/* "(o)", "[ ]"...; NULL: none */
	const char	*label;		/* wrapped */
	const char	*detail;	/* below the label, indented; or NULL */
	bool		 detail_dim;	/* detail is "(not answered)" */
	const struct form_art *art;	/* picture when highlighted */
};

/* Scrolling of a page's body text, kept by the caller across redraws. */
struct ui_scroll {
	int	top;		/* first body row shown (clamped by layout) */
	int	page;		/* rows shown, set by layout */
	bool	more;		/* rows below the last one shown, set by layout */
};

struct ui_page {
	const char	*title;		/* top bar, left */
	const char	*progress;	/* top bar, right ("7 of 31") */
	int		 prog_n, prog_m; /* progress bar when prog_m > 0 */
	const char	*heading;	/* section title */
	const char	*body;		/* question label or screen text */
	bool		 body_plain;	/* body not bold (information text) */
	struct ui_scroll *scroll;	/* body scrolls; NULL: body is cut */
	const char	*more;		/* "more below" marker text */
	const char	*help;		/* shown when non-NULL */
	const char	*hint;		/* format hint, scale ends */
	struct ui_item	*items;		/* list, or NULL */
	int		 nitems;
	int		 cur;		/* highlighted item */
	int		*top;		/* first shown item (kept by caller) */
	bool		 numbered;	/* "1." before items 1..9 */
	const struct form_art *art;	/* question picture (no item art) */
	struct edit	*edit;		/* edit field, or NULL */
	bool		 multiline;	/* edit is a longtext box */
	bool		 masked;	/* show '*' (PIN) */
	const char	*error;		/* validation message */
	const char	*back, *next;	/* button labels, NULL: no button */
	const char	*keys;		/* key bar */
	bool		 center;	/* welcome/end: centred text */
	bool		 utf8;		/* Unicode art and marks */
};

struct uib	*uib_new(int rows, int cols);
void		 uib_free(struct uib *b);
/* Blank every cell, forget the hot zones, hide the cursor. */
void		 uib_clear(struct uib *b);
/* Write len bytes of text at y,x in at most maxw columns; returns the
   columns used.  A wide character that does not fit is not written. */
int		 uib_put(struct uib *b, int y, int x, int maxw,
		     const char *text, size_t len, enum ui_attr a);
/* Paint w cells of row y from x with spaces in attribute a. */
void		 uib_fill(struct uib *b, int y, int x, int w, enum ui_attr a);
void		 uib_hot(struct uib *b, enum ui_hot_kind k, int arg, int y,
		     int x0, int x1);
/* Hot zone at y,x, or NULL. */
const struct ui_hot *uib_hit(const struct uib *b, int y, int x);
/* Row y as text without trailing blanks; caller frees. */
char		*uib_row(const struct uib *b, int y);
/* The whole grid as text, one line per row; caller frees. */
char		*uib_text(const struct uib *b);

/* A wrapped line: bytes [off, off + len) of the text. */
struct ui_line {
	size_t	off, len;
};
/*
 * Wrap text to width columns at spaces; words wider than a line are
 * broken between characters; '\n' starts a new line.  Returns the number
 * of lines; *lines (caller frees) holds them.
 */
size_t		 ui_wrap(const char *text, int width, struct ui_line **lines);

/* Write wrapped text from y (rows below ymax only); returns the next row. */
int		 ui_put_wrapped(struct uib *b, int y, int ymax, int x,
		     int width, const char *text, enum ui_attr a);
/* Rows text takes when wrapped to width. */
int		 ui_wrapped_rows(const char *text, int width);
/* Draw a picture at y,x (rows below ymax only). */
void		 ui_put_art(struct uib *b, const struct ui_page *p,
		     const struct form_art *art, int y, int x, int ymax);
/* Lay out the page's list in rows [y, ymax), columns [x, x + w). */
void		 ui_layout_list(const struct ui_page *p, struct uib *b,
		     int y, int ymax, int x, int w);
/* Rows the whole list needs at width w. */
int		 ui_list_rows(const struct ui_page *p, int w);
/* Lay out the page's edit field from row y; returns the next row. */
int		 ui_layout_edit(const struct ui_page *p, struct uib *b,
		     int y, int ymax, int x, int w);

/* Lay the page out into b (cleared first). */
void		 ui_layout(const struct ui_page *p, struct uib *b);
/* Does the art go beside the list at this width? */
bool		 ui_art_beside(int cols, const struct form_art *art);


#endif
