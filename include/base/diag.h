/*
 * smp_diag.h: located diagnostics ("path:line:col: message").
 *
 * A parser adds every problem it finds (up to a limit) and keeps going, so
 * one bad line does not hide the others; the edge (main.c) prints them.
 * Lines and columns are 1-based; a column counts characters (code points),
 * not bytes.
 */
#ifndef SMP_DIAG_H
#define SMP_DIAG_H

#include <stddef.h>

#include "base/defs.h"

#define DIAG_DEFAULT_LIMIT	20

struct diag;

/* A new collector for file "path" keeping at most "limit" messages. */
struct diag	*diag_new(const char *path, size_t limit);
void		 diag_free(struct diag *d);
/* Record a problem at line:col.  Past the limit it is only counted. */
void		 diag_add(struct diag *d, int line, int col, const char *fmt,
		     ...) SMP_PRINTFLIKE(4, 5);
/* Problems recorded, including those past the limit. */
size_t		 diag_count(const struct diag *d);
/* Messages kept (<= limit). */
size_t		 diag_kept(const struct diag *d);
/* The i'th kept message, formatted "path:line:col: message"; borrowed. */
const char	*diag_message(const struct diag *d, size_t i);

#endif
