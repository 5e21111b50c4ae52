/*
 * say.c: a page in words, for speech (see say.h).
 */
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "say.h"

/* Add s as a sentence. */
static void
say_add(struct strbuf *sb, const char *s)
{
	if (s != NULL && *s != '\0')
		strbuf_addf(sb, "%s%s", sb->len > 0 ? "\n" : "", s);
}

/* Entry i in words: its label, its answer unless secret, its picture. */
static void
say_item(struct strbuf *sb, const struct ui_item *it)
{
	say_add(sb, it->label);
	if (it->detail != NULL && !it->secret)
		say_add(sb, it->detail);
	say_add(sb, it->describe);
}

/* The page in words. */
char *
say_page(struct kiosk *k, const struct ui_page *p)
{
	struct strbuf	 sb;
	char		 n[16], *s;
	int		 i;

	strbuf_init(&sb);
	s = kiosk_progress_words(k, p);
	say_add(&sb, s);
	free(s);
	say_add(&sb, p->heading);
	say_add(&sb, p->intro);
	say_add(&sb, p->body);
	say_add(&sb, p->describe);
	say_add(&sb, p->help);
	say_add(&sb, p->hint);
	for (i = 0; i < p->nitems; i++) {
		snprintf(n, sizeof(n), "%d.", i + 1);
		say_add(&sb, n);
		say_item(&sb, &p->items[i]);
	}
	say_add(&sb, p->error);
	return strbuf_detach(&sb);
}

/* The client's own answer, asked for (F4). */
char *
say_answer(const struct ui_page *p)
{
	const struct ui_item	*it;

	if (p->edit != NULL) {
		if (p->masked || *edit_text(p->edit) == '\0')
			return NULL;
		return xstrdup(edit_text(p->edit));
	}
	if (p->items == NULL || p->cur < 0 || p->cur >= p->nitems)
		return NULL;
	it = &p->items[p->cur];
	return it->detail != NULL ? xstrdup(it->detail) : NULL;
}

/* The highlighted entry in words. */
char *
say_focus(const struct ui_page *p)
{
	struct strbuf	sb;

	if (p->items == NULL || p->cur < 0 || p->cur >= p->nitems)
		return NULL;
	strbuf_init(&sb);
	say_item(&sb, &p->items[p->cur]);
	return strbuf_detach(&sb);
}
