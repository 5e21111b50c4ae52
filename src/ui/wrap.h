/*
 * wrap.h: word wrapping by display width.
 *
 * Text is cut at spaces into lines of at most width columns; a word wider
 * than a line is broken between characters; '\n' starts a new line (an
 * empty line for "\n\n").  wrap_rows() and wrap_put() walk the lines
 * without allocating; wrap_lines() collects them for random access.
 */
#ifndef SMP_WRAP_H
#define SMP_WRAP_H

#include <stdbool.h>
#include <stddef.h>

#include "grid.h"

/* A wrapped line: bytes [off, off + len) of the text. */
struct wrap_line {
	size_t	off, len;
};

/* Every line of text; *lines (caller frees) holds them.  Returns the
   number of lines. */
size_t	 wrap_lines(const char *text, int width, struct wrap_line **lines);
/* Rows text takes when wrapped to width. */
int	 wrap_rows(const char *text, int width);
/* Write wrapped text from row y (rows below ymax only) at column x;
   returns the next free row. */
int	 wrap_put(struct grid *g, int y, int ymax, int x, int width,
	    const char *text, enum grid_attr a);
/* As wrap_rows and wrap_put with the first line starting first columns
   further right (a hanging indent: a list entry's label after its mark,
   on a narrow screen). */
int	 wrap_rows_hang(const char *text, int width, int first);
int	 wrap_put_hang(struct grid *g, int y, int ymax, int x, int width,
	    int first, const char *text, enum grid_attr a);
/* As wrap_put, ending the last row in an ellipsis when text is cut. */
int	 wrap_put_cut(struct grid *g, int y, int ymax, int x, int width,
	    const char *text, enum grid_attr a, bool utf8);
/* Bytes of s[0..len) that fit in w columns, whole characters only. */
size_t	 wrap_fit(const char *s, size_t len, int w);

#endif
