/*
 * xmalloc.h: allocation that never fails.
 *
 * The x* allocators end the program (through diex(), base/die.h) when
 * memory is exhausted, so callers never test for NULL; a zero size is
 * taken as one byte.  Every returned pointer belongs to the caller.
 */
#ifndef SMP_XMALLOC_H
#define SMP_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

#include "base/defs.h"

void	*xmalloc(size_t size);
void	*xcalloc(size_t n, size_t size);
void	*xrealloc(void *p, size_t size);
/* xrealloc of n * size bytes; an overflowing product is fatal. */
void	*xreallocarray(void *p, size_t n, size_t size);
char	*xstrdup(const char *s);
/* At most n bytes of s, NUL-terminated. */
char	*xstrndup(const char *s, size_t n);
/* A newly allocated formatted string. */
char	*xasprintf(const char *fmt, ...) SMP_PRINTFLIKE(1, 2);
char	*xvasprintf(const char *fmt, va_list ap) SMP_PRINTFLIKE(1, 0);
/* Overwrite then free a string that may hold personal data; NULL is
   fine. */
void	 xfree_secret(char *s);

#endif
