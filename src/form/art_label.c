/*
 * art_label.c: a picture's "front" and "back" in the client's language
 * (see art_label.h).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "form/art_label.h"

/* The line with word replaced, its width kept by the dashes around. */
char *
art_label(const char *s, size_t len, const char *word, const char *repl)
{
	struct strbuf	 sb;
	size_t		 wl = strlen(word), i, a, b;
	int		 delta;
	bool		 right = true;

	if (repl == NULL || strcmp(word, repl) == 0)
		return NULL;
	for (i = 1; i + wl < len; i++)
		if (s[i - 1] == ' ' && s[i + wl] == ' ' &&
		    memcmp(s + i, word, wl) == 0)
			break;
	if (i + wl >= len)
		return NULL;
	a = i - 1;		/* left dashes end before the space at a */
	b = i + wl + 1;		/* right dashes start at b */
	delta = utf8_width(repl, strlen(repl)) - (int)wl;
	while (delta > 0 && ((b < len && s[b] == '-') || (a > 0 &&
	    s[a - 1] == '-'))) {		/* eat dashes, both sides */
		if (right && b < len && s[b] == '-')
			b++;
		else if (a > 0 && s[a - 1] == '-')
			a--;
		else
			b++;
		right = !right;
		delta--;
	}
	strbuf_init(&sb);
	strbuf_add(&sb, s, a);
	for (; delta < 0 && !right; delta++, right = !right)
		strbuf_addc(&sb, '-');
	strbuf_addc(&sb, ' ');
	strbuf_adds(&sb, repl);
	strbuf_addc(&sb, ' ');
	for (; delta < 0; delta++)
		strbuf_addc(&sb, '-');
	strbuf_add(&sb, s + b, len - b);
	return strbuf_detach(&sb);
}

/* The whole picture, relabelled. */
char *
art_label_text(const char *t, const char *front, const char *back)
{
	struct strbuf	 sb;
	const char	*nl;
	char		*l;
	size_t		 len;

	strbuf_init(&sb);
	while (t != NULL) {
		nl = strchr(t, '\n');
		len = nl ? (size_t)(nl - t) : strlen(t);
		if ((l = art_label(t, len, "front", front)) == NULL)
			l = art_label(t, len, "back", back);
		if (l != NULL)
			strbuf_adds(&sb, l);
		else
			strbuf_add(&sb, t, len);
		free(l);
		if (nl != NULL)
			strbuf_addc(&sb, '\n');
		t = nl ? nl + 1 : NULL;
	}
	return strbuf_detach(&sb);
}
