/*
 * page.h: what one kiosk screen shows, before it is laid out: texts, a
 * list, an edit field, buttons.  Modes fill a struct ui_page from their
 * state (mode.h); layout.c places it in a grid of the terminal's size.
 * Every pointer is borrowed for the duration of one layout.
 */
#ifndef SMP_PAGE_H
#define SMP_PAGE_H

#include <stdbool.h>

#include "form/model.h"
#include "edit.h"

#define PAGE_MIN_COLS	40	/* smallest terminal the kiosk lays out:
				   80x24 in Terminus 32x16 on a 1280x400
				   panel, large text for low vision */
#define PAGE_MIN_ROWS	12
#define PAGE_ROOMY_ROWS	24	/* from here a blank row under the top bar */
#define PAGE_ART_WORDS	9	/* enum picture_word */

/* One list row: a choice, a review answer, a menu entry. */
struct ui_item {
	const char	*mark;		/* "(o)", "[ ]"...; NULL: none */
	const char	*label;		/* wrapped */
	const char	*detail;	/* below the label, indented; or NULL */
	bool		 detail_dim;	/* detail is "(not answered)" */
	bool		 detail_cut;	/* detail shown on one row, cut
					   with an ellipsis (review) */
	const struct form_art *art;	/* picture when highlighted */
	const char	*describe;	/* the picture in words, or NULL */
	bool		 secret;	/* detail is an identifier: never
					   spoken */
};

/* Scrolling of a page's texts (above its widget, if it has one) that
   do not fit, kept by the mode across redraws. */
struct ui_scroll {
	int	top;		/* first row shown (clamped by layout) */
	int	page;		/* rows shown, set by layout (0: the texts
				   fit, nothing scrolls) */
	bool	more;		/* more rows below the last shown (layout) */
	bool	reading;	/* the mode's: Down scrolls the texts
				   before it moves in the list */
	bool	to_help;	/* the mode's: show the help's first row
				   (the layout clears it) */
};

struct ui_page {
	const char	*title;		/* top bar, left */
	const char	*progress;	/* top bar, right ("7 of 31") */
	int		 prog_n, prog_m; /* progress bar when prog_m > 0 */
	const char	*heading;	/* section title */
	const char	*body;		/* question label or screen text */
	bool		 body_plain;	/* body not bold (information text) */
	struct ui_scroll *window;	/* the texts (above the widget, if
					   any) scroll when they and the
					   widget do not fit; NULL: cut */
	const char	*more;		/* "more below" marker text */
	const char	*more_up;	/* list markers: entries above, */
	const char	*more_down;	/* below (NULL: "more") */
	const char	*art_front;	/* the pictures' "front" and "back" */
	const char	*art_back;	/* labels in the client's language */
	const char	*art_words[PAGE_ART_WORDS]; /* legend and view
					   captions (picture.h) */
	const char	*intro;		/* section intro, above the label */
	const char	*help;		/* shown when non-NULL */
	const char	*help_hint;	/* "F1: help" line when help is
					   hidden, or NULL (tappable) */
	const char	*hint;		/* format hint, scale ends */
	struct ui_item	*items;		/* list, or NULL */
	int		 nitems;
	int		 cur;		/* highlighted item */
	int		*top;		/* first item shown (the mode keeps) */
	int		*shown;		/* entries shown (layout sets; the
					   mode's page keys move by it) */
	bool		 numbered;	/* "1." to "9." before the entries
					   shown, from *top; at most 9 are
					   shown, so every entry has its
					   number key when on screen */
	const struct form_art *art;	/* question picture (no item art) */
	const char	*describe;	/* that picture in words, or NULL */
	const char	*art_text;	/* layout's: the picture's words in
					   its place when it does not fit */
	bool		 tight;		/* layout's: few rows (large text),
					   no blank row under the heading */
	bool		 describe_cur;	/* layout's: the highlighted entry's
					   picture does not fit; its words
					   go under its label */
	bool		 art_large;	/* art centred under the texts, both
					   views (a chosen picture) */
	const char	*compare_hint;	/* tappable line: pictures side by
					   side (or back to the list) */
	int		 compare;	/* n > 0: instead of the list, item
					   cur's picture beside item n - 1's
					   (picture_compare); 0: the list */
	struct edit	*edit;		/* edit field, or NULL */
	bool		 multiline;	/* edit is a longtext box */
	bool		 masked;	/* show '*' (PIN) */
	const char	*error;		/* validation message */
	const char	*back, *next;	/* button labels, NULL: no button */
	const char	*decline;	/* agree screens: "I do not agree" */
	int		 focus;		/* button with the keyboard focus
					   when decline is set: 0 next,
					   1 decline */
	const char	*keys;		/* key bar */
	const char	*lang_key;	/* "F5 Español": the key
					   bar's last group, a tap on it
					   chooses the language again */
	bool		 center;	/* welcome/end: centred text */
	bool		 utf8;		/* Unicode art and marks */
};

#endif
