/*
 * pixels.c: stage pictures as images through libchafa (see pixels.h).
 * Built without chafa (no pkg-config chafa), every function falls back
 * to the text art.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "base/file.h"
#include "base/xmalloc.h"
#include "pixels.h"

#ifdef SMP_CHAFA
#include <chafa.h>
#endif

#define PIXELS_MAX_BYTES	(4 * 1024 * 1024)	/* one image file */

int
pixels_mode_parse(const char *s)
{
	static const char *const names[] = {
		"text", "auto", "sixel", "kitty", "symbols"
	};
	int	i;

	for (i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* An image: width x height RGBA pixels. */
struct pixels_image {
	int		 w, h;
	unsigned char	*rgba;
};

/* One header value of a PAM file ("WIDTH 132"), or -1. */
static long
pam_field(const char *hdr, const char *key)
{
	const char	*p = hdr;
	size_t		 n = strlen(key);

	while ((p = strstr(p, key)) != NULL) {
		if ((p == hdr || p[-1] == '\n') && p[n] == ' ')
			return strtol(p + n + 1, NULL, 10);
		p += n;
	}
	return -1;
}

/* Read a PAM (P7, RGB_ALPHA, MAXVAL 255) file; -1 with *errp. */
static int
pam_read(const char *path, struct pixels_image *im, char **errp)
{
	char	*buf, *end;
	size_t	 len, need;
	long	 w, h;

	if ((buf = file_read(path, PIXELS_MAX_BYTES, &len, errp)) == NULL)
		return -1;
	end = strstr(buf, "ENDHDR\n");
	if (strncmp(buf, "P7\n", 3) != 0 || end == NULL) {
		*errp = xasprintf("%s: not a PAM image", path);
		free(buf);
		return -1;
	}
	*end = '\0';
	w = pam_field(buf, "WIDTH");
	h = pam_field(buf, "HEIGHT");
	need = (size_t)(w > 0 ? w : 0) * (size_t)(h > 0 ? h : 0) * 4;
	if (w <= 0 || h <= 0 || w > 4096 || h > 4096 ||
	    pam_field(buf, "DEPTH") != 4 || pam_field(buf, "MAXVAL") != 255 ||
	    strstr(buf, "TUPLTYPE RGB_ALPHA") == NULL ||
	    len - (size_t)(end + 7 - buf) < need) {
		*errp = xasprintf("%s: not an 8-bit RGBA PAM image", path);
		free(buf);
		return -1;
	}
	im->w = (int)w;
	im->h = (int)h;
	im->rgba = xmalloc(need);
	memcpy(im->rgba, end + 7, need);
	free(buf);
	return 0;
}

#ifdef SMP_CHAFA

/*
 * Lay the image on the page's white (tty.c: black on white): terminals
 * differ in what a transparent sixel or symbol cell shows (xterm:
 * black), and the picture's cells are white under the text art.
 */
static void
pam_flatten(struct pixels_image *im)
{
	size_t		 i, n = (size_t)im->w * (size_t)im->h;
	unsigned char	*p;
	unsigned	 a, k;

	for (i = 0; i < n; i++) {
		p = im->rgba + 4 * i;
		a = p[3];
		for (k = 0; k < 3; k++)
			p[k] = (unsigned char)((p[k] * a + 255 * (255 - a)) /
			    255);
		p[3] = 255;
	}
}

struct pixels {
	enum pixels_mode mode;
	char		*dir;
	int		 colours;
	ChafaTermInfo	*ti;
	struct grid_pic	 shown[GRID_PICS];	/* painted last */
	int		 nshown, rows, cols;
	bool		 stale;
};

/* A canvas of cols x rows cells in mode m for an image, cells the size
   the terminal says (ask) or 10 x 20 pixels; caller unrefs. */
static ChafaCanvas *
canvas_for(enum pixels_mode m, int colours, int cols, int rows,
    const struct pixels_image *im, bool ask)
{
	ChafaCanvasConfig	*cc = chafa_canvas_config_new();
	ChafaSymbolMap		*sm;
	ChafaCanvas		*cv;
	struct winsize		 ws;
	int			 cw = 10, ch = 20;

	chafa_canvas_config_set_geometry(cc, cols, rows);
	if (ask && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0 &&
	    ws.ws_row > 0 && ws.ws_xpixel >= ws.ws_col &&
	    ws.ws_ypixel >= ws.ws_row) {
		cw = ws.ws_xpixel / ws.ws_col;
		ch = ws.ws_ypixel / ws.ws_row;
	}
	chafa_canvas_config_set_cell_geometry(cc, cw, ch);
	chafa_canvas_config_set_pixel_mode(cc, m == PIXELS_SIXEL ?
	    CHAFA_PIXEL_MODE_SIXELS : m == PIXELS_KITTY ?
	    CHAFA_PIXEL_MODE_KITTY : CHAFA_PIXEL_MODE_SYMBOLS);
	/* sixel and kitty images carry their own colours; symbols use the
	   terminal's */
	chafa_canvas_config_set_canvas_mode(cc, m != PIXELS_SYMBOLS ||
	    colours >= 1 << 24 ?
	    CHAFA_CANVAS_MODE_TRUECOLOR : colours >= 256 ?
	    CHAFA_CANVAS_MODE_INDEXED_240 : colours >= 16 ?
	    CHAFA_CANVAS_MODE_INDEXED_16 : CHAFA_CANVAS_MODE_INDEXED_8);
	if (m == PIXELS_SYMBOLS) {
		sm = chafa_symbol_map_new();
		chafa_symbol_map_add_by_tags(sm, CHAFA_SYMBOL_TAG_BLOCK |
		    CHAFA_SYMBOL_TAG_SPACE);
		chafa_canvas_config_set_symbol_map(cc, sm);
		chafa_symbol_map_unref(sm);
	}
	cv = chafa_canvas_new(cc);
	chafa_canvas_config_unref(cc);
	if (cv != NULL)
		chafa_canvas_draw_all_pixels(cv,
		    CHAFA_PIXEL_RGBA8_UNASSOCIATED, im->rgba, im->w, im->h,
		    im->w * 4);
	return cv;
}

/* The terminal as chafa knows it from the environment. */
static ChafaTermInfo *
term_info(void)
{
	extern char	**environ;

	return chafa_term_db_detect(chafa_term_db_get_default(), environ);
}

/* Add the fallback's sequences to ti: a mode the config names is used
   even where chafa does not know the terminal has it. */
static void
term_supplement(ChafaTermInfo *ti)
{
	ChafaTermInfo	*fb;

	fb = chafa_term_db_get_fallback_info(chafa_term_db_get_default());
	chafa_term_info_supplement(ti, fb);
	chafa_term_info_unref(fb);
}

struct pixels *
pixels_new(enum pixels_mode m, const char *dir, bool utf8, int colours)
{
	struct pixels	*px;
	ChafaTermInfo	*ti;

	if (m == PIXELS_TEXT || !utf8 || colours < 8 || dir == NULL)
		return NULL;
	ti = term_info();
	if (m == PIXELS_AUTO) {
		if (chafa_term_info_have_seq(ti,
		    CHAFA_TERM_SEQ_BEGIN_KITTY_IMMEDIATE_IMAGE_V1) &&
		    getenv("KITTY_WINDOW_ID") != NULL)
			m = PIXELS_KITTY;
		else if (chafa_term_info_have_seq(ti,
		    CHAFA_TERM_SEQ_BEGIN_SIXELS))
			m = PIXELS_SIXEL;
		else
			m = PIXELS_SYMBOLS;
	}
	term_supplement(ti);
	px = xcalloc(1, sizeof(*px));
	px->mode = m;
	px->dir = xstrdup(dir);
	px->colours = colours;
	px->ti = ti;
	px->stale = true;
	return px;
}

void
pixels_free(struct pixels *px)
{
	if (px == NULL)
		return;
	chafa_term_info_unref(px->ti);
	free(px->dir);
	free(px);
}

enum pixels_mode
pixels_mode(const struct pixels *px)
{
	return px != NULL ? px->mode : PIXELS_TEXT;
}

bool
pixels_stale(struct pixels *px, const struct grid *g)
{
	int	i;

	if (px == NULL)
		return false;
	px->stale = px->stale || g->npics != px->nshown ||
	    g->rows != px->rows || g->cols != px->cols;
	for (i = 0; !px->stale && i < g->npics; i++)
		px->stale = memcmp(&g->pics[i], &px->shown[i],
		    sizeof(g->pics[i])) != 0;
	return px->stale && (g->npics > 0 || px->nshown > 0 ||
	    g->rows != px->rows || g->cols != px->cols);
}

/* Write all of s to fd (EINTR retried); false on failure. */
static bool
write_all(int fd, const char *s, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		if ((n = write(fd, s, len)) < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		s += n;
		len -= (size_t)n;
	}
	return true;
}

/* Paint one picture: its image (small or large by the cells it takes)
   at its cells. */
static void
show_one(struct pixels *px, const struct grid_pic *gp, int fd)
{
	struct pixels_image	 im;
	ChafaCanvas		*cv;
	GString			*s;
	char			*path, *err = NULL, pos[32], *line, *nl;
	int			 y;

	path = xasprintf("%s/%s.%s.pam", px->dir, gp->name, gp->w > 40 ?
	    "large" : "small");
	if (pam_read(path, &im, &err) < 0) {
		free(err);		/* the text art stays */
		free(path);
		return;
	}
	free(path);
	pam_flatten(&im);
	cv = canvas_for(px->mode, px->colours, gp->w, gp->h, &im, true);
	free(im.rgba);
	if (cv == NULL)
		return;
	s = chafa_canvas_print(cv, px->ti);
	write_all(fd, "\0337", 2);		/* save the cursor */
	if (px->mode == PIXELS_SYMBOLS) {
		/* symbols come as rows: put each at its place */
		for (line = s->str, y = gp->y; line != NULL && *line != '\0' &&
		    y < gp->y + gp->h; y++) {
			nl = strchr(line, '\n');
			snprintf(pos, sizeof(pos), "\033[%d;%dH", y + 1,
			    gp->x + 1);
			write_all(fd, pos, strlen(pos));
			write_all(fd, line, nl ? (size_t)(nl - line) :
			    strlen(line));
			line = nl ? nl + 1 : NULL;
		}
		write_all(fd, "\033[0m", 4);
	} else {
		snprintf(pos, sizeof(pos), "\033[%d;%dH", gp->y + 1, gp->x + 1);
		write_all(fd, pos, strlen(pos));
		write_all(fd, s->str, s->len);
	}
	write_all(fd, "\0338", 2);		/* and restore it */
	g_string_free(s, TRUE);
	chafa_canvas_unref(cv);
}

void
pixels_show(struct pixels *px, const struct grid *g, int fd)
{
	int	i;

	if (px == NULL || !px->stale)
		return;
	if (px->mode == PIXELS_KITTY)	/* kitty keeps images over a clear */
		write_all(fd, "\033_Ga=d\033\\", 8);
	for (i = 0; i < g->npics; i++)
		show_one(px, &g->pics[i], fd);
	memcpy(px->shown, g->pics, sizeof(px->shown));
	px->nshown = g->npics;
	px->rows = g->rows;
	px->cols = g->cols;
	px->stale = false;
}

int
pixels_cells(const char *path, int cols, int rows, uint32_t *chars,
    int32_t *fg, int32_t *bg, char **errp)
{
	struct pixels_image	 im;
	ChafaCanvas		*cv;
	gint			 f, b;
	int			 x, y;

	if (pam_read(path, &im, errp) < 0)
		return -1;
	cv = canvas_for(PIXELS_SYMBOLS, 1 << 24, cols, rows, &im, false);
	free(im.rgba);
	if (cv == NULL) {
		*errp = xasprintf("%s: libchafa made no canvas", path);
		return -1;
	}
	for (y = 0; y < rows; y++)
		for (x = 0; x < cols; x++) {
			chars[y * cols + x] = chafa_canvas_get_char_at(cv, x, y);
			chafa_canvas_get_colors_at(cv, x, y, &f, &b);
			fg[y * cols + x] = f;
			bg[y * cols + x] = b;
		}
	chafa_canvas_unref(cv);
	return 0;
}

#else /* !SMP_CHAFA: text art only */

struct pixels *
pixels_new(enum pixels_mode m, const char *dir, bool utf8, int colours)
{
	(void)m; (void)dir; (void)utf8; (void)colours;
	return NULL;
}

void
pixels_free(struct pixels *px)
{
	(void)px;
}

enum pixels_mode
pixels_mode(const struct pixels *px)
{
	(void)px;
	return PIXELS_TEXT;
}

bool
pixels_stale(struct pixels *px, const struct grid *g)
{
	(void)px; (void)g;
	return false;
}

void
pixels_show(struct pixels *px, const struct grid *g, int fd)
{
	(void)px; (void)g; (void)fd;
}

int
pixels_cells(const char *path, int cols, int rows, uint32_t *chars,
    int32_t *fg, int32_t *bg, char **errp)
{
	struct pixels_image	im;

	(void)cols; (void)rows; (void)chars; (void)fg; (void)bg;
	if (pam_read(path, &im, errp) < 0)
		return -1;
	free(im.rgba);
	*errp = xstrdup("built without libchafa");
	return -1;
}

#endif
