/*
 * form_load.c: loading a form: read the file, parse every line
 * (parse_line.c), check the model whole (form_check.c), read the pictures
 * (form_art.c).  A form with any problem is freed and NULL returned, with
 * every problem in the struct diag.
 */
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/xmalloc.h"
#include "form/form_load.h"
#include "form_art.h"
#include "form_check.h"
#include "idtab.h"
#include "parse.h"
#include "parse_line.h"

/* Parse and check buf[0..len); NULL with every problem in d */
struct form *
form_load_text(const char *name, const char *buf, size_t len,
    const char *art_dir, unsigned flags, struct diag *d)
{
	struct form_parser	 p;
	struct form		*f = xcalloc(1, sizeof *f);
	size_t			 i;

	f->path = xstrdup(name);
	f->source = xmalloc(len + 1);
	memcpy(f->source, buf, len);
	f->source[len] = '\0';
	f->source_len = len;
	memset(&p, 0, sizeof p);
	p.f = f;
	p.d = d;
	p.base = diag_count(d);
	p.art_dir = (flags & FORM_NO_ART) ? NULL : art_dir;
	p.stored = (flags & FORM_STORED) != 0;
	p.section = -1;
	parse_line_all(&p);
	if (p.seen_form && !parse_full(&p)) {
		form_check_head(&p);
		form_art_load(&p);
		form_check_body(&p);
	}
	f->index = xmalloc(sizeof p.ids);
	memcpy(f->index, &p.ids, sizeof p.ids);
	idtab_done(&p.sections);
	idtab_done(&p.rules);
	idtab_done(&p.bands);
	idtab_done(&p.options);
	for (i = 0; i < p.narts; i++)
		free(p.arts[i].name);
	free(p.arts);
	if (diag_count(d) > p.base) {
		form_free(f);
		return NULL;
	}
	return f;
}

/*
 * Read path, then form_load_text() it with pictures from beside it.  A
 * file that cannot be read goes to *errp when errp is given (so a command
 * can tell "missing" from "broken"), else to d at 1:1.
 */
struct form *
form_load(const char *path, unsigned flags, struct diag *d, char **errp)
{
	struct form	*f;
	char		*buf, *err = NULL, *dir;
	const char	*why;
	size_t		 len, plen = strlen(path);

	if ((buf = file_read(path, FORM_MAX_BYTES, &len, &err)) == NULL) {
		if (errp != NULL) {
			*errp = err;
			return NULL;
		}
		why = err;
		if (strncmp(err, path, plen) == 0 && err[plen] == ':')
			why = err + plen + 2;
		diag_add(d, 1, 1, "cannot read the form: %s", why);
		free(err);
		return NULL;
	}
	dir = form_load_art_dir(path);
	f = form_load_text(path, buf, len, dir, flags, d);
	free(dir);
	free(buf);
	return f;
}

/* "<dir of path>/art", or "art"; the caller frees it */
char *
form_load_art_dir(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup("art");
	return xasprintf("%.*s/art", (int)(slash - path), path);
}
