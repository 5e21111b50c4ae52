/*
 * diag.c: a list of located error messages, formatted once when added.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/xmalloc.h"

struct diag {
	char	 *path;		/* file the messages are about */
	size_t	  limit;	/* most messages kept */
	size_t	  count;	/* messages reported, kept or not */
	char	**msgs;		/* kept messages, owned */
};

struct diag *
diag_new(const char *path, size_t limit)
{
	struct diag	*d = xcalloc(1, sizeof *d);

	d->path = xstrdup(path);
	d->limit = limit == 0 ? DIAG_DEFAULT_LIMIT : limit;
	d->msgs = xcalloc(d->limit, sizeof *d->msgs);
	return d;
}

void
diag_free(struct diag *d)
{
	size_t	i;

	if (d == NULL)
		return;
	for (i = 0; i < d->count && i < d->limit; i++)
		free(d->msgs[i]);
	free(d->msgs);
	free(d->path);
	free(d);
}

void
diag_add(struct diag *d, int line, int col, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	if (d->count < d->limit) {
		va_start(ap, fmt);
		msg = xvasprintf(fmt, ap);
		va_end(ap);
		d->msgs[d->count] = xasprintf("%s:%d:%d: %s", d->path, line,
		    col, msg);
		free(msg);
	}
	d->count++;
}

size_t
diag_count(const struct diag *d)
{
	return d->count;
}

size_t
diag_kept(const struct diag *d)
{
	return d->count < d->limit ? d->count : d->limit;
}

const char *
diag_message(const struct diag *d, size_t i)
{
	return i < diag_kept(d) ? d->msgs[i] : NULL;
}

