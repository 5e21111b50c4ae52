/*
 * strbuf.c: a growable NUL-terminated byte string (see base/strbuf.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/die.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"

/* An empty string with room for 63 bytes. */
void
strbuf_init(struct strbuf *sb)
{
	sb->cap = 64;
	sb->len = 0;
	sb->s = xmalloc(sb->cap);
	sb->s[0] = '\0';
}

/* Make room for more bytes (and the NUL), doubling. */
static void
strbuf_grow(struct strbuf *sb, size_t more)
{
	size_t	need;

	if (sb->s == NULL)	/* after strbuf_detach or strbuf_done */
		strbuf_init(sb);

	if (more > SIZE_MAX - sb->len - 1)
		diex("strbuf: too large");
	need = sb->len + more + 1;
	if (need <= sb->cap)
		return;
	while (sb->cap < need)
		sb->cap = sb->cap > SIZE_MAX / 2 ? need : sb->cap * 2;
	sb->s = xrealloc(sb->s, sb->cap);
}

/* Append len bytes of s. */
void
strbuf_add(struct strbuf *sb, const char *s, size_t len)
{
	strbuf_grow(sb, len);
	memcpy(sb->s + sb->len, s, len);
	sb->len += len;
	sb->s[sb->len] = '\0';
}

/* Append the string s. */
void
strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

/* Append one byte. */
void
strbuf_addc(struct strbuf *sb, char c)
{
	/* The common case, room already there, without the general path:
	   export adds every separator this way. */
	if (sb->s != NULL && sb->len + 2 <= sb->cap) {
		sb->s[sb->len++] = c;
		sb->s[sb->len] = '\0';
		return;
	}
	strbuf_add(sb, &c, 1);
}

/* Append a formatted string. */
void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_adds(sb, p);
	free(p);
}

/* Empty the string, keeping the memory. */
void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->s != NULL)
		sb->s[0] = '\0';
}

/*
 * Give the bytes away.  The buffer is left empty without allocating, so a
 * caller that does not strbuf_done() afterwards leaks nothing; adding to
 * it again starts a new allocation.
 */
char *
strbuf_detach(struct strbuf *sb)
{
	char	*p = sb->s != NULL ? sb->s : xstrdup("");

	sb->s = NULL;
	sb->len = sb->cap = 0;
	return p;
}

/* Release the memory. */
void
strbuf_done(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}
