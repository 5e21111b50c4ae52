/*
 * form_art.c: pictures.  Each name referred to by "art NAME" is read once
 * from <art dir>/NAME.txt and NAME.ascii.txt and checked: valid UTF-8,
 * printable, at most FORM_ART_COLS columns (wcwidth) by FORM_ART_LINES
 * lines, the twin printable ASCII only.  Problems are reported at the
 * first reference.  Without an art dir only the names are recorded.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/file.h"
#include "base/utf8.h"
#include "base/xmalloc.h"
#include "form_art.h"

#define FORM_ART_COLS	36
#define FORM_ART_LINES	14
#define FORM_ART_BYTES	65536

/*
 * Columns of line s[0..len) (valid UTF-8), or -1 if it holds a character
 * that cannot be shown.  Needs a UTF-8 LC_CTYPE (see measure_begin()).
 */
static int
line_width(const char *s, size_t len, bool utf8_locale)
{
	size_t		i, n;
	uint32_t	cp, last = 0;
	int		w = 1, total = 0;

	for (i = 0; i < len; i += n) {
		n = 1;
		cp = (unsigned char)s[i];
		if (cp >= 0x20 && cp < 0x7f) {	/* printable ASCII */
			total++;
			continue;
		}
		if (cp >= 0x80 && (n = utf8_decode(s + i, len - i, &cp)) == 0)
			return -1;
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			return -1;
		/* Pictures repeat a few shading characters: measure each run
		   once. */
		if (cp != last)
			w = utf8_locale ? wcwidth((wchar_t)cp) : 1;
		last = cp;
		if (w < 0)
			return -1;
		total += w;
	}
	return total;
}

/*
 * Check the lines of picture text s (trailing newlines removed); sets
 * *width and *height.  Returns NULL or a message the caller frees.
 */
static char *
check_lines(const char *s, bool ascii, bool utf8_locale, int *width,
    int *height)
{
	const char	*line = s, *nl;
	size_t		 len, i;
	int		 w, n = 0;

	*width = 0;
	for (;;) {
		nl = strchr(line, '\n');
		len = nl ? (size_t)(nl - line) : strlen(line);
		n++;
		for (i = 0; ascii && i < len; i++)
			if (line[i] < 0x20 || line[i] > 0x7e)
				return xasprintf("line %d holds a character "
				    "that is not printable ASCII", n);
		if ((w = line_width(line, len, utf8_locale)) < 0)
			return xasprintf("line %d holds a character that "
			    "cannot be shown", n);
		if (w > FORM_ART_COLS)
			return xasprintf("line %d is %d columns wide (at most "
			    "%d)", n, w, FORM_ART_COLS);
		*width = w > *width ? w : *width;
		if (nl == NULL)
			break;
		line = nl + 1;
	}
	if (n > FORM_ART_LINES)
		return xasprintf("has %d lines (at most %d)", n,
		    FORM_ART_LINES);
	*height = n;
	return NULL;
}

/* Read and check one file of picture a; reports at loc.  -1 on error. */
static int
read_one(struct form_parser *p, const char *name, bool ascii,
    struct form_loc loc, bool utf8_locale, char **out, int *w, int *h)
{
	char	*path, *err = NULL, *why, *buf;
	size_t	 len, bad;
	int	 rc = -1;

	path = xasprintf("%s/%s%s", p->art_dir, name, ascii ? ".ascii.txt" :
	    ".txt");
	if ((buf = file_read(path, FORM_ART_BYTES, &len, &err)) == NULL) {
		why = strstr(err, ": ");
		diag_add(p->d, loc.line, loc.col, "picture '%s': cannot read "
		    "art/%s%s%s", name, name, ascii ? ".ascii.txt" : ".txt",
		    why ? why : "");
		goto done;
	}
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	if (!utf8_valid(buf, len, &bad) || memchr(buf, '\0', len) != NULL)
		err = xstrdup("is not valid UTF-8 text");
	else if (len == 0)
		err = xstrdup("is empty");
	else
		err = check_lines(buf, ascii, utf8_locale, w, h);
	if (err != NULL) {
		diag_add(p->d, loc.line, loc.col, "picture '%s': art/%s%s %s",
		    name, name, ascii ? ".ascii.txt" : ".txt", err);
		goto done;
	}
	*out = buf;
	buf = NULL;
	rc = 0;
done:
	free(buf);
	free(err);
	free(path);
	return rc;
}

/*
 * The second view of picture a, when NAME.view.kind exists (a picture
 * without one has none: that is not an error).
 */
static void
load_view(struct form_parser *p, struct form_art *a, struct form_loc loc,
    bool utf8_locale)
{
	struct form_art	*v;
	char		*path, *kind, *err = NULL, *vname;
	size_t		 len;
	int		 w, h;

	path = xasprintf("%s/%s.view.kind", p->art_dir, a->name);
	kind = file_read(path, 64, &len, &err);
	free(path);
	free(err);
	if (kind == NULL)
		return;
	kind[strcspn(kind, "\r\n")] = '\0';
	if (strcmp(kind, "side") != 0 && strcmp(kind, "front") != 0 &&
	    strcmp(kind, "close") != 0) {
		diag_add(p->d, loc.line, loc.col, "picture '%s': art/%s.view."
		    "kind says '%s' (side, front or close)", a->name, a->name,
		    kind);
		free(kind);
		return;
	}
	v = xcalloc(1, sizeof(*v));
	v->name = kind;
	vname = xasprintf("%s.view", a->name);
	if (read_one(p, vname, false, loc, utf8_locale, &v->utf8, &v->width,
	    &v->height) == 0)
		read_one(p, vname, true, loc, utf8_locale, &v->ascii, &w, &h);
	free(vname);
	a->view = v;
}

/* Load picture a (name set) from the art dir, first referred to at loc. */
static void
load_art(struct form_parser *p, struct form_art *a, struct form_loc loc,
    bool utf8_locale)
{
	int	w, h;

	if (read_one(p, a->name, false, loc, utf8_locale, &a->utf8,
	    &a->width, &a->height) < 0)
		return;
	read_one(p, a->name, true, loc, utf8_locale, &a->ascii, &w, &h);
	load_view(p, a, loc, utf8_locale);
}

/* Attach picture a to the question or option that refers to it. */
static void
attach(struct form *f, const struct form_artref *r, const struct form_art *a)
{
	struct form_question	*q = &f->questions[r->q];

	if (r->opt < 0)
		q->art = a;
	else
		q->options[r->opt].art = a;
}

/* Load each picture once, then attach it to every reference */
void
form_art_load(struct form_parser *p)
{
	struct form	*f = p->f;
	struct idtab	 names;
	locale_t	 utf8 = (locale_t)0, old = (locale_t)0;
	size_t		 i;
	int		 k;

	if (p->narts == 0)
		return;
	if (p->art_dir != NULL && MB_CUR_MAX == 1 &&
	    (utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0)) != 0)
		old = uselocale(utf8);
	idtab_init(&names);
	f->arts = xcalloc(p->narts, sizeof *f->arts);
	for (i = 0; i < p->narts; i++) {
		if ((k = idtab_add(&names, p->arts[i].name,
		    (int)f->narts)) >= 0)
			continue;
		f->arts[f->narts].name = xstrdup(p->arts[i].name);
		if (p->art_dir != NULL && !parse_full(p))
			load_art(p, &f->arts[f->narts], p->arts[i].loc,
			    MB_CUR_MAX > 1);
		f->narts++;
	}
	for (i = 0; i < p->narts; i++)
		attach(f, &p->arts[i], &f->arts[idtab_find(&names,
		    p->arts[i].name, strlen(p->arts[i].name))]);
	if (utf8 != (locale_t)0) {
		uselocale(old);
		freelocale(utf8);
	}
	idtab_done(&names);
}

