/*
 * xmalloc.c: allocation that never fails (see base/xmalloc.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/die.h"
#include "base/xmalloc.h"

/* malloc, fatal on exhaustion. */
void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		die("xmalloc: allocating %zu bytes", size);
	return p;
}

/* calloc, fatal on exhaustion. */
void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = calloc(n, size)) == NULL)
		die("xcalloc: allocating %zu * %zu bytes", n, size);
	return p;
}

/* realloc, fatal on exhaustion. */
void *
xrealloc(void *p, size_t size)
{
	if (size == 0)
		size = 1;
	if ((p = realloc(p, size)) == NULL)
		die("xrealloc: allocating %zu bytes", size);
	return p;
}

/* realloc of n * size bytes, refusing an overflowing product. */
void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		diex("xreallocarray: %zu * %zu overflows", n, size);
	return xrealloc(p, n * size);
}

/* A copy of s. */
char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* A copy of at most n bytes of s. */
char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len = strnlen(s, n);

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* vasprintf, fatal on failure. */
char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;
	char	*p;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		die("xvasprintf");
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

/* asprintf, fatal on failure. */
char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

/* Clear a string before freeing it, so personal data does not linger. */
void
xfree_secret(char *s)
{
	volatile char	*v = s;

	if (s == NULL)
		return;
	while (*v != '\0')
		*v++ = '\0';
	free(s);
}
