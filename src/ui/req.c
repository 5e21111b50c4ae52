/*
 * req.c: requests and the list and text-field behaviour every mode
 * shares (see req.h).
 */
#include <string.h>

#include "req.h"

#define REQ_PAGE	5	/* entries PgUp/PgDn move */

/* A bare request. */
struct req
req_make(enum req_kind k)
{
	struct req	r;

	memset(&r, 0, sizeof(r));
	r.kind = k;
	return r;
}

/* A typed character. */
struct req
req_char(uint32_t ch)
{
	struct req	r = req_make(REQ_CHAR);

	r.ch = ch;
	return r;
}

/* A tap on a zone of kind k? */
bool
req_tapped(const struct req *r, enum grid_hot_kind k)
{
	return r->kind == REQ_TAP && r->hot != NULL && r->hot->kind == k;
}

/* Enter, Tab or Next. */
bool
req_is_next(const struct req *r)
{
	return r->kind == REQ_ENTER || r->kind == REQ_NEXT ||
	    req_tapped(r, HOT_NEXT);
}

/* Esc, Shift-Tab or Back. */
bool
req_is_back(const struct req *r)
{
	return r->kind == REQ_BACK || req_tapped(r, HOT_BACK);
}

bool
req_is_lang(const struct req *r)
{
	return r->kind == REQ_LANG || req_tapped(r, HOT_LANG);
}

/* Up/Down/PgUp/PgDn/Home/End over n entries. */
bool
req_list_move(const struct req *r, int *cur, int n)
{
	return req_list_page(r, cur, n, REQ_PAGE);
}

/* The same, PgUp/PgDn moving by page entries.  A cursor on no entry yet
   (-1) goes to the first entry on Down, so the first Down lands on the
   first entry, not the second. */
bool
req_list_page(const struct req *r, int *cur, int n, int page)
{
	int	c = *cur;

	if (page < 1)
		page = 1;
	if (c < 0 && (r->kind == REQ_DOWN || r->kind == REQ_UP ||
	    r->kind == REQ_PGDN || r->kind == REQ_PGUP)) {
		c = 0;
		if (r->kind == REQ_PGDN)
			c = page - 1;
		*cur = c >= n ? n - 1 : c;
		return n > 0;
	}

	if (n <= 0)
		return false;
	switch (r->kind) {
	case REQ_UP:	c--; break;
	case REQ_DOWN:	c++; break;
	case REQ_PGUP:	c -= page; break;
	case REQ_PGDN:	c += page; break;
	case REQ_HOME:	c = 0; break;
	case REQ_END:	c = n - 1; break;
	default:	return false;
	}
	*cur = c < 0 ? 0 : c >= n ? n - 1 : c;
	return true;
}

/* Editing requests for a text field. */
bool
req_edit(struct edit *e, const struct req *r)
{
	switch (r->kind) {
	case REQ_CHAR:		return edit_insert(e, r->ch), true;
	case REQ_ERASE:		return edit_backspace(e), true;
	case REQ_DELETE:	return edit_delete(e), true;
	case REQ_LEFT:		return edit_left(e), true;
	case REQ_RIGHT:		return edit_right(e), true;
	case REQ_HOME:		return edit_home(e), true;
	case REQ_END:		return edit_end(e), true;
	default:		return false;
	}
}
