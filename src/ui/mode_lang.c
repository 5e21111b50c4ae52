/*
 * mode_lang.c: the language choice: each language's own name and the
 * form's title in it.  Choosing one starts the intake in it; chosen
 * again mid-intake (F5), the intake goes on in it from the same page.
 */
#include <stdint.h>

#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "form/form.h"
#include "kiosk.h"
#include "mode.h"
#include "walk.h"

/* The cursor starts on the current language. */
static void
lang_open(struct kiosk *k)
{
	k->client.cur = k->client.lang;
	k->client.top = 0;
}

/* Every language, with the title in it. */
static void
lang_page(struct kiosk *k, struct ui_page *p)
{
	struct strbuf	 sb;
	struct ui_item	*it = kiosk_items(k, (size_t)k->f->nlangs);
	int		 i;

	strbuf_init(&sb);
	for (i = 0; i < k->f->nlangs; i++) {
		strbuf_addf(&sb, "%s%s", i ? " / " : "",
		    form_phrase(k->f, PH_CHOOSE_LANGUAGE, i));
		it[i].label = kiosk_keep(k, xasprintf("%s \xe2\x80\x94 %s",
		    form_phrase(k->f, PH_LANGUAGE_NAME, i),
		    form_tr(&k->f->title, i)));
	}
	p->title = form_tr(&k->f->title, k->client.lang);
	p->window = &k->client.window;
	p->heading = kiosk_keep(k, strbuf_detach(&sb));
	p->items = it;
	p->nitems = k->f->nlangs;
	p->cur = k->client.cur;
	p->top = &k->client.top;
	p->numbered = true;
	p->next = kiosk_phrase(k, PH_NEXT);
	if (k->client.in != NULL)	/* F5 mid-intake: back as it was */
		p->back = kiosk_phrase(k, PH_BACK);
	p->keys = kiosk_phrase(k, PH_KEYS_CHOICE);
}

/*
 * Move, or pick by number and stay (as on questions: a number chooses,
 * Enter goes on); a tap or Enter starts; Esc back to welcome.
 */
static void
lang_request(struct kiosk *k, const struct req *r)
{
	int	n = k->f->nlangs;

	if (walk_window(k, r, true, k->client.cur <= 0))
		return;
	if (req_list_page(r, &k->client.cur, n, k->loop.listpage))
		return;
	if (r->kind == REQ_CHAR && r->ch >= '1' && r->ch < '1' +
	    (uint32_t)(n - k->client.top) && r->ch <= '9') {
		k->client.cur = k->client.top + (int)(r->ch - '1');
		return;
	} else if (req_tapped(r, HOT_ITEM))
		k->client.cur = r->hot->arg;
	else if (req_is_back(r) && k->client.in != NULL) {
		walk_resume(k);		/* F5 mid-intake: as it was */
		return;
	} else if (req_is_back(r)) {
		kiosk_enter(k, &mode_welcome);
		return;
	} else if (r->kind != REQ_ENTER && !req_tapped(r, HOT_NEXT))
		return;
	k->client.lang = k->client.cur;
	if (k->client.in != NULL)
		walk_resume(k);		/* the same page, in that language */
	else
		walk_begin(k);
}

const struct ui_mode mode_lang = {
	"language", MODE_IDLE, lang_open, lang_page, lang_request, NULL, NULL
};
