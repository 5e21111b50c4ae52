/*
 * edit.c: the UTF-8 line editor behind every typed answer (see
 * edit.h).  No curses here, so the tests can drive it directly.
 */
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xmalloc.h"
#include "edit.h"

struct edit {
	struct strbuf	 buf;		/* the text, valid UTF-8 */
	size_t		 cursor;	/* byte offset, on a char boundary */
	size_t		 nchars;	/* characters in buf */
	size_t		 limit;		/* most characters; 0 = none */
	size_t		 scroll;	/* byte offset of the first shown */
	bool		 multiline;	/* accepts '\n' */
};

/* Overwrite the bytes of a strbuf (they may be personal). */
static void
edit_wipe(struct strbuf *sb)
{
	volatile char	*p = sb->s;
	size_t		 i;

	for (i = 0; i < sb->cap; i++)
		p[i] = 0;
	sb->len = 0;
}

/* A new editor; free with edit_free. */
struct edit *
edit_new(size_t maxchars, bool multiline)
{
	struct edit	*e = xcalloc(1, sizeof(*e));

	strbuf_init(&e->buf);
	e->limit = maxchars;
	e->multiline = multiline;
	return e;
}

/* Wipe and free the editor. */
void
edit_free(struct edit *e)
{
	if (e == NULL)
		return;
	edit_wipe(&e->buf);
	strbuf_done(&e->buf);
	free(e);
}

/* Wipe the text and reset the cursor. */
void
edit_clear(struct edit *e)
{
	edit_wipe(&e->buf);
	e->cursor = e->nchars = e->scroll = 0;
}


/* Encode cp as UTF-8 into out (4 bytes); returns the length. */
static size_t
edit_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}



/* Replace the text; the cursor goes to the end. */
void
edit_set(struct edit *e, const char *utf8)
{
	size_t	save;

	edit_clear(e);
	if (utf8 == NULL)
		return;
	save = e->limit;
	edit_insert_str(e, utf8);
	e->limit = save;
}

/* The text (borrowed). */
const char *
edit_text(const struct edit *e)
{
	return e->buf.s;
}

/* Number of characters. */
size_t
edit_chars(const struct edit *e)
{
	return e->nchars;
}

/* The character limit (0: none). */
size_t
edit_limit(const struct edit *e)
{
	return e->limit;
}

/* Width of the text: the widest line. */
int
edit_width(const struct edit *e)
{
	const char	*s = e->buf.s, *nl;
	int		 w, best = 0;

	for (;;) {
		nl = strchr(s, '\n');
		w = utf8_width(s, nl ? (size_t)(nl - s) : strlen(s));
		if (w > best)
			best = w;
		if (nl == NULL)
			return best;
		s = nl + 1;
	}
}

/* Cursor byte offset. */
size_t
edit_cursor(const struct edit *e)
{
	return e->cursor;
}

/* Insert one code point at the cursor. */
int
edit_insert(struct edit *e, uint32_t c)
{
	char	enc[4];
	size_t	n;

	if (e->limit > 0 && e->nchars >= e->limit)
		return -1;
	if (c == '\n' ? !e->multiline : utf8_cp_width(c) == 0 && c < 0xA0)
		return -1;
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFD)
		return -1;
	n = edit_encode(c, enc);
	strbuf_add(&e->buf, enc, n);	/* grow; then shift the tail */
	memmove(e->buf.s + e->cursor + n, e->buf.s + e->cursor,
	    e->buf.len - n - e->cursor);
	memcpy(e->buf.s + e->cursor, enc, n);
	e->cursor += n;
	e->nchars++;
	return 0;
}

/* Insert a string; returns how many characters went in. */
size_t
edit_insert_str(struct edit *e, const char *utf8)
{
	size_t		 len = strlen(utf8), i = 0, n, done = 0;
	uint32_t	 cp;

	while (i < len) {
		n = utf8_next(utf8 + i, len - i, &cp);
		i += n;
		if (cp == 0xFFFD && n == 1)
			continue;
		if (edit_insert(e, cp) == 0)
			done++;
		else if (e->limit > 0 && e->nchars >= e->limit)
			break;
	}
	return done;
}

/* Byte length of the character that ends at offset off. */
static size_t
edit_prev_len(const struct edit *e, size_t off)
{
	size_t	n = 1;

	while (n < off && n < 4 &&
	    ((unsigned char)e->buf.s[off - n] & 0xC0) == 0x80)
		n++;
	return n;
}

/* Byte length of the character that starts at offset off. */
static size_t
edit_next_len(const struct edit *e, size_t off)
{
	uint32_t	cp;

	return utf8_next(e->buf.s + off, e->buf.len - off, &cp);
}

/* Remove n bytes at off (one character). */
static void
edit_cut(struct edit *e, size_t off, size_t n)
{
	memmove(e->buf.s + off, e->buf.s + off + n, e->buf.len - off - n);
	e->buf.len -= n;
	memset(e->buf.s + e->buf.len, 0, n);
	e->nchars--;
	if (e->scroll > e->buf.len)
		e->scroll = 0;
}

/* Delete the character before the cursor. */
bool
edit_backspace(struct edit *e)
{
	size_t	n;

	if (e->cursor == 0)
		return false;
	n = edit_prev_len(e, e->cursor);
	e->cursor -= n;
	edit_cut(e, e->cursor, n);
	if (e->scroll > e->cursor)
		e->scroll = e->cursor;
	return true;
}

/* Delete the character under the cursor. */
bool
edit_delete(struct edit *e)
{
	if (e->cursor >= e->buf.len)
		return false;
	edit_cut(e, e->cursor, edit_next_len(e, e->cursor));
	return true;
}

/* Move one character left. */
bool
edit_left(struct edit *e)
{
	if (e->cursor == 0)
		return false;
	e->cursor -= edit_prev_len(e, e->cursor);
	return true;
}

/* Move one character right. */
bool
edit_right(struct edit *e)
{
	if (e->cursor >= e->buf.len)
		return false;
	e->cursor += edit_next_len(e, e->cursor);
	return true;
}

/* Move to the start (of the line, in a multi-line editor). */
bool
edit_home(struct edit *e)
{
	size_t	c = e->cursor;

	if (e->multiline)
		while (c > 0 && e->buf.s[c - 1] != '\n')
			c--;
	else
		c = 0;
	if (c == e->cursor)
		return false;
	e->cursor = c;
	return true;
}

/* Move to the end (of the line, in a multi-line editor). */
bool
edit_end(struct edit *e)
{
	size_t	c = e->cursor;

	if (e->multiline)
		while (c < e->buf.len && e->buf.s[c] != '\n')
			c++;
	else
		c = e->buf.len;
	if (c == e->cursor)
		return false;
	e->cursor = c;
	return true;
}

/* The visible slice of a single-line text in width columns. */
void
edit_view(struct edit *e, int width, size_t *start, size_t *len,
    int *cursor_col)
{
	const char	*s = e->buf.s;
	size_t		 off, n;
	uint32_t	 cp;
	int		 w, cw;

	if (width < 2)
		width = 2;
	if (e->scroll > e->cursor)
		e->scroll = e->cursor;
	/* Scroll right until the cursor (plus its own column) fits. */
	while (utf8_width(s + e->scroll, e->cursor - e->scroll) + 1 >
	    width)
		e->scroll += edit_next_len(e, e->scroll);
	/* Scroll back left while there is room (after deletions). */
	while (e->scroll > 0) {
		n = edit_prev_len(e, e->scroll);
		if (utf8_width(s + e->scroll - n, e->buf.len -
		    (e->scroll - n)) + 1 > width)
			break;
		e->scroll -= n;
	}
	*start = e->scroll;
	*cursor_col = utf8_width(s + e->scroll, e->cursor - e->scroll);
	for (off = e->scroll, w = 0; off < e->buf.len; off += n) {
		n = utf8_next(s + off, e->buf.len - off, &cp);
		cw = utf8_cp_width(cp);
		if (w + cw > width)
			break;
		w += cw;
	}
	*len = off - e->scroll;
}
