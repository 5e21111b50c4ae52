/*
 * strbuf.h: a growable NUL-terminated byte string.
 *
 * Embed a struct strbuf and strbuf_init() it; the adders grow it as
 * needed (through the x* allocators, so they never fail); strbuf_done()
 * releases it, or strbuf_detach() hands the bytes to the caller.
 */
#ifndef SMP_STRBUF_H
#define SMP_STRBUF_H

#include <stddef.h>

#include "base/defs.h"

struct strbuf {
	char	*s;	/* the bytes, always NUL-terminated after init */
	size_t	 len;	/* bytes used, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
};

void	 strbuf_init(struct strbuf *sb);
void	 strbuf_add(struct strbuf *sb, const char *s, size_t len);
void	 strbuf_adds(struct strbuf *sb, const char *s);
void	 strbuf_addc(struct strbuf *sb, char c);
void	 strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	    SMP_PRINTFLIKE(2, 3);
/* Empty the string, keeping its memory. */
void	 strbuf_reset(struct strbuf *sb);
/* Hand the bytes to the caller (who frees them); sb is left empty and
   holds no memory (strbuf_done is then optional). */
char	*strbuf_detach(struct strbuf *sb);
void	 strbuf_done(struct strbuf *sb);

#endif
