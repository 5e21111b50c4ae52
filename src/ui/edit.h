/*
 * edit.h: a UTF-8 line editor with no terminal behind it.
 *
 * The buffer holds valid UTF-8; the cursor sits between characters.  The
 * length limit counts characters (code points), as the form's maxlen does.
 * Display widths come from wcwidth(3) (the locale must be UTF-8 for wide
 * characters; anything wcwidth cannot measure counts one column), so
 * accents, CJK and emoji line up.  edit_view() gives the slice of the text
 * that fits a field of a given width, scrolling horizontally to keep the
 * cursor in sight.  A multi-line editor (longtext) accepts '\n'.
 *
 * Everything the client typed is personal: edit_clear() and edit_free()
 * overwrite the bytes before releasing them.
 */
#ifndef SMP_EDIT_H
#define SMP_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/utf8.h"

struct edit;

/* A new empty editor of at most maxchars characters (0: no limit). */
struct edit	*edit_new(size_t maxchars, bool multiline);
/* Wipe and free; NULL is fine. */
void		 edit_free(struct edit *e);
/* Wipe the text; cursor and scroll back to 0. */
void		 edit_clear(struct edit *e);
/* Replace the text (cut to the limit, invalid bytes dropped); cursor at
   the end. */
void		 edit_set(struct edit *e, const char *utf8);
/* The text, borrowed until the next change. */
const char	*edit_text(const struct edit *e);
/* Characters in the text. */
size_t		 edit_chars(const struct edit *e);
size_t		 edit_limit(const struct edit *e);
/* Columns the whole text takes (multi-line: the widest line). */
int		 edit_width(const struct edit *e);
/* Cursor as a byte offset into edit_text(). */
size_t		 edit_cursor(const struct edit *e);

/*
 * Insert one character at the cursor.  Returns 0, or -1 (nothing changed)
 * if the limit is reached or c is a control character (other than '\n'
 * in a multi-line editor) or not a Unicode scalar value.
 */
int		 edit_insert(struct edit *e, uint32_t c);
/* Insert a UTF-8 string character by character; stops at the limit.
   Returns the number of characters inserted. */
size_t		 edit_insert_str(struct edit *e, const char *utf8);
/* Editing and motion; each returns false when there was nothing to do. */
bool		 edit_backspace(struct edit *e);
bool		 edit_delete(struct edit *e);
bool		 edit_left(struct edit *e);
bool		 edit_right(struct edit *e);
bool		 edit_home(struct edit *e);
bool		 edit_end(struct edit *e);

/*
 * The part of a single-line text to show in a field of width columns:
 * bytes [*start, *start + *len) of edit_text(), and the cursor's column
 * in the field.  Scrolls (remembered in e) so the cursor stays visible,
 * with a column free after the last character for the cursor; a wide
 * character is never cut in half.
 */
void		 edit_view(struct edit *e, int width, size_t *start,
		     size_t *len, int *cursor_col);


#endif
