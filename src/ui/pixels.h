/*
 * pixels.h: real images of the stage pictures where the terminal can
 * show them (sixel, the kitty protocol, or coloured symbols), through
 * libchafa.  The text art is always drawn first and stays what the grid
 * (and every test) holds; images are painted over the cells a picture
 * takes, after curses has drawn.  Any failure leaves the text art.
 * The only file that includes chafa (scripts/layers.py).
 */
#ifndef SMP_PIXELS_H
#define SMP_PIXELS_H

#include <stdbool.h>
#include <stdint.h>

#include "grid.h"

enum pixels_mode {
	PIXELS_TEXT,		/* text art only (the default) */
	PIXELS_AUTO,		/* what the terminal seems to support */
	PIXELS_SIXEL,
	PIXELS_KITTY,
	PIXELS_SYMBOLS		/* coloured Unicode block symbols */
};

struct pixels;

/* The mode named s ("auto", "sixel", "kitty", "symbols", "text"), or
   -1. */
int		 pixels_mode_parse(const char *s);
/*
 * Images from dir (NAME.small.pam, NAME.large.pam, raster.py) in mode
 * m on a terminal of colours colours; NULL (text art) for PIXELS_TEXT,
 * a non-UTF-8 locale, fewer than 8 colours, no libchafa, or an auto
 * mode that finds nothing better than text.
 */
struct pixels	*pixels_new(enum pixels_mode m, const char *dir, bool utf8,
		     int colours);
void		 pixels_free(struct pixels *px);
/* The mode in use (for the log and the tests). */
enum pixels_mode pixels_mode(const struct pixels *px);
/*
 * Whether the pictures of g differ from those painted last (another
 * option, another page, a resize, the idle prompt): the caller must
 * then have curses repaint the whole screen, wiping stale pixels,
 * before pixels_show().
 */
bool		 pixels_stale(struct pixels *px, const struct grid *g);
/* Paint g's pictures (when stale) to fd, the cursor saved and
   restored; a picture whose image cannot be read keeps its text. */
void		 pixels_show(struct pixels *px, const struct grid *g, int fd);
/*
 * Render image file path into cols x rows cells of symbols (the
 * symbols mode): chars[i] and the cells' foreground and background
 * colours (0xRRGGBB, -1 for none) row by row.  -1 with *errp (caller
 * frees) on failure.  For the tests.
 */
int		 pixels_cells(const char *path, int cols, int rows,
		     uint32_t *chars, int32_t *fg, int32_t *bg, char **errp);

#endif
