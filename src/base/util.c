/*
 * util.c: allocation, strings and fatal errors shared by every module.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "base/util.h"

static void (*die_hook)(void);

/* Register the function die() calls before printing. */
void
util_set_die_hook(void (*hook)(void))
{
	die_hook = hook;
}

static SMP_NORETURN void
vdie(int with_errno, const char *fmt, va_list ap)
{
	int	 saved = errno;
	void	(*hook)(void) = die_hook;

	die_hook = NULL;
	if (hook != NULL)
		hook();
	fputs("smp-intake: ", stderr);
	vfprintf(stderr, fmt, ap);
	if (with_errno)
		fprintf(stderr, ": %s", strerror(saved));
	fputc('\n', stderr);
	exit(SMP_EXIT_SOFTWARE);
}

void
die(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vdie(1, fmt, ap);
}

void
diex(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vdie(0, fmt, ap);
}

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

void *
xrealloc(void *p, size_t size)
{
	if (size == 0)
		size = 1;
	if ((p = realloc(p, size)) == NULL)
		die("xrealloc: allocating %zu bytes", size);
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		diex("xreallocarray: %zu * %zu overflows", n, size);
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

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

void
sb_init(struct strbuf *sb)
{
	sb->cap = 64;
	sb->len = 0;
	sb->s = xmalloc(sb->cap);
	sb->s[0] = '\0';
}

static void
sb_grow(struct strbuf *sb, size_t more)
{
	size_t	need;

	if (sb->s == NULL)	/* after sb_detach or sb_done */
		sb_init(sb);

	if (more > SIZE_MAX - sb->len - 1)
		diex("strbuf: too large");
	need = sb->len + more + 1;
	if (need <= sb->cap)
		return;
	while (sb->cap < need)
		sb->cap = sb->cap > SIZE_MAX / 2 ? need : sb->cap * 2;
	sb->s = xrealloc(sb->s, sb->cap);
}

void
sb_add(struct strbuf *sb, const char *s, size_t len)
{
	sb_grow(sb, len);
	memcpy(sb->s + sb->len, s, len);
	sb->len += len;
	sb->s[sb->len] = '\0';
}

void
sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void
sb_addc(struct strbuf *sb, char c)
{
	/* The common case, room already there, without the general path:
	   export adds every separator this way. */
	if (sb->s != NULL && sb->len + 2 <= sb->cap) {
		sb->s[sb->len++] = c;
		sb->s[sb->len] = '\0';
		return;
	}
	sb_add(sb, &c, 1);
}

void
sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	sb_adds(sb, p);
	free(p);
}

void
sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->s != NULL)
		sb->s[0] = '\0';
}

/*
 * Give the bytes away.  The buffer is left empty without allocating, so a
 * caller that does not sb_done() afterwards leaks nothing; adding to it
 * again starts a new allocation.
 */
char *
sb_detach(struct strbuf *sb)
{
	char	*p = sb->s != NULL ? sb->s : xstrdup("");

	sb->s = NULL;
	sb->len = sb->cap = 0;
	return p;
}

void
sb_done(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

/* Validate UTF-8 strictly (RFC 3629). */
int
utf8_valid(const char *str, size_t len, size_t *bad)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, n, k;
	uint32_t		 cp;

	while (i < len) {
		unsigned char c = s[i];

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			cp = c & 0x1fu;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0fu;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07u;
		} else
			goto fail;
		if (len - i <= n)
			goto fail;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = (cp << 6) | (s[i + k] & 0x3fu);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto fail;
		i += n + 1;
	}
	return 1;
fail:
	if (bad != NULL)
		*bad = i;
	return 0;
}

size_t
utf8_len(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Read a file into memory; on error return NULL with *errp set. */
char *
util_read_file(const char *path, size_t max, size_t *lenp, char **errp)
{
	FILE		*fp;
	struct strbuf	 sb;
	char		 buf[65536], *buf_out;
	size_t		 n;

	if ((fp = fopen(path, "rb")) == NULL) {
		*errp = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	sb_init(&sb);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
		if (sb.len + n > max) {
			*errp = xasprintf("%s: larger than %zu bytes", path,
			    max);
			goto fail;
		}
		sb_add(&sb, buf, n);
	}
	if (ferror(fp)) {
		*errp = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	fclose(fp);
	if (lenp != NULL)
		*lenp = sb.len;
	buf_out = sb_detach(&sb);
	sb_done(&sb);		/* sb_detach() leaves a fresh buffer */
	return buf_out;
fail:
	fclose(fp);
	sb_done(&sb);
	return NULL;
}

size_t
util_term_width(size_t min)
{
	struct winsize	 ws;
	const char	*c = getenv("COLUMNS");
	long		 n;

	if (c != NULL && (n = strtol(c, NULL, 10)) >= (long)min && n <= 1000)
		return (size_t)n;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) ==
	    0 && ws.ws_col >= min)
		return ws.ws_col;
	return 80;
}
