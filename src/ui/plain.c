/*
 * plain.c: the kiosk's plain front end (see plain.h).  It reads the page
 * each mode builds (kiosk_page) as text instead of laying it out, and
 * turns a line typed into the requests the full-screen kiosk gets from
 * keys and taps: a number is a tap on that entry, a word is Back or
 * Help, a typed answer is typed into the field.  So the flow, the
 * engine, the saves and the outcome are the full-screen kiosk's own.
 */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xmalloc.h"
#include "form/model.h"
#include "kiosk.h"
#include "plain.h"
#include "say.h"
#include "speech.h"

#define PLAIN_MAX_PICKS	64	/* numbers one line may tick */

struct plain {
	struct kiosk	*k;
	FILE		*out;		/* where pages go (borrowed) */
	char		*shown;		/* the page printed last (may hold
					   answers: wiped) */
	char		*error;		/* the message printed last */
	char		 mode[24];	/* mode of the page printed last */
	struct speech	*sp;		/* says each page printed, or NULL
					   (borrowed) */
	bool		 again;		/* print the page even if unchanged */
	bool		 typed;		/* a line came since the last print:
					   its message is said again */
};

/* A plain kiosk at the welcome screen. */
struct plain *
plain_new(const struct ui_opts *o, FILE *out, bool utf8,
    const volatile sig_atomic_t *stop, double now)
{
	struct plain	*pl = xcalloc(1, sizeof(*pl));

	pl->k = kiosk_new(o, utf8, stop, now);
	pl->out = out;
	return pl;
}

/* Abandon, wipe, free. */
void
plain_free(struct plain *pl)
{
	if (pl == NULL)
		return;
	kiosk_free(pl->k);
	xfree_secret(pl->shown);
	xfree_secret(pl->error);
	free(pl);
}

/* Say every page printed. */
void
plain_speech(struct plain *pl, struct speech *sp)
{
	pl->sp = sp;
}

/* Say what was printed: the page p in words (whole), else its message. */
static void
plain_say(struct plain *pl, const struct ui_page *p, bool whole)
{
	const char	*lang = pl->k->f->langs[pl->k->client.lang];
	char		*words;

	if (pl->sp == NULL)
		return;
	if (!whole) {
		speech_say(pl->sp, lang, p->error);
		return;
	}
	words = say_page(pl->k, p);
	speech_say(pl->sp, lang, words);
	xfree_secret(words);
}

/* Whether staff asked to exit. */
bool
plain_quit(const struct plain *pl)
{
	return kiosk_quit(pl->k);
}

/* Whether answers wait unsaved (the store failed). */
bool
plain_unsaved(const struct plain *pl)
{
	return kiosk_unsaved(pl->k);
}

/* The current mode's name. */
const char *
plain_mode_name(const struct plain *pl)
{
	return kiosk_mode_name(pl->k);
}

/* A phrase in the client's language. */
static const char *
plain_phrase(const struct plain *pl, enum phrase p)
{
	return kiosk_phrase(pl->k, p);
}

/* Is the current mode called name? */
static bool
plain_in(const struct plain *pl, const char *name)
{
	return strcmp(kiosk_mode_name(pl->k), name) == 0;
}

/* Is the page a multiple choice (its marks are boxes)? */
static bool
plain_multi(const struct ui_page *p)
{
	return p->nitems > 0 && p->items[0].mark != NULL &&
	    p->items[0].mark[0] == '[';
}

/* Is entry i of a multiple choice ticked? */
static bool
plain_ticked(const struct ui_page *p, int i)
{
	return p->items[i].mark != NULL && strcmp(p->items[i].mark, "[x]") == 0;
}

/* Is the page a question's list (its entries have marks)? */
static bool
plain_choice(const struct ui_page *p)
{
	return p->nitems > 0 && p->items[0].mark != NULL;
}

/* Add s and a new line, if s is set. */
static void
plain_add(struct strbuf *sb, const char *s)
{
	if (s != NULL && *s != '\0')
		strbuf_addf(sb, "%s\n", s);
}

/* Add phrase-formatted text, one {key} value. */
static void
plain_addfmt(struct strbuf *sb, const char *tmpl, const char *key,
    const char *val)
{
	char	*s = i18n_format(tmpl, key, val, NULL);

	plain_add(sb, s);
	xfree_secret(s);
}

/* The list: numbered entries (a scale's entries carry their values),
   each with its detail and its picture in words. */
static void
plain_items(const struct plain *pl, const struct ui_page *p,
    struct strbuf *sb)
{
	const struct ui_item	*it;
	const char		*pic = plain_phrase(pl, PH_PLAIN_PICTURE);
	int			 i;

	for (i = 0; i < p->nitems; i++) {
		it = &p->items[i];
		if (p->numbered || it->mark == NULL)
			strbuf_addf(sb, "%d. ", i + 1);
		/* Only a chosen or ticked entry is marked: a screen reader
		   would read every empty "( )" aloud. */
		if (it->mark != NULL && (strcmp(it->mark, "(o)") == 0 ||
		    strcmp(it->mark, "[x]") == 0))
			strbuf_addf(sb, "%s ", it->mark);
		plain_add(sb, it->label);
		if (it->detail != NULL)
			strbuf_addf(sb, "   %s\n", it->detail);
		if (it->describe != NULL) {
			strbuf_adds(sb, "   ");
			plain_addfmt(sb, pic, "text", it->describe);
		}
	}
}

/* What to type on this page. */
static void
plain_howto(const struct plain *pl, const struct ui_page *p,
    struct strbuf *sb)
{
	char	*w;

	if (p->decline != NULL) {
		strbuf_addf(sb, "1. %s\n2. %s\n", p->next, p->decline);
		plain_add(sb, plain_phrase(pl, PH_PLAIN_CHOOSE));
	} else if (plain_multi(p))
		plain_add(sb, plain_phrase(pl, PH_PLAIN_MULTI));
	else if (p->nitems > 0)
		plain_add(sb, plain_phrase(pl, PH_PLAIN_CHOOSE));
	else if (p->edit != NULL && !p->masked)
		plain_add(sb, plain_phrase(pl, PH_PLAIN_TYPE));
	else
		plain_add(sb, plain_phrase(pl, PH_PLAIN_ENTER));
	if (p->back == NULL)
		return;
	if (p->lang_key != NULL) {
		/* "F5 Español" without its key: the names to type */
		w = i18n_format(plain_phrase(pl, PH_PLAIN_LANG), "names",
		    p->lang_key + strcspn(p->lang_key, " ") + 1, NULL);
		plain_add(sb, w);
		free(w);
	}
	w = i18n_format(plain_phrase(pl, PH_PLAIN_WORDS), "back",
	    plain_phrase(pl, PH_WORD_BACK), "help", plain_phrase(pl,
	    PH_WORD_HELP), "repeat", plain_phrase(pl, PH_WORD_REPEAT), NULL);
	plain_add(sb, w);
	free(w);
}

/* The page as text, without its message; caller frees. */
static char *
plain_text(const struct plain *pl, const struct ui_page *p)
{
	struct strbuf	 sb;
	char		*s;

	strbuf_init(&sb);
	s = kiosk_progress_words(pl->k, p);
	plain_add(&sb, s);
	free(s);
	plain_add(&sb, p->heading);
	plain_add(&sb, p->intro);
	plain_add(&sb, p->body);
	if (p->describe != NULL)
		plain_addfmt(&sb, plain_phrase(pl, PH_PLAIN_PICTURE), "text",
		    p->describe);
	plain_add(&sb, p->help);
	if (!plain_in(pl, "welcome"))
		plain_add(&sb, p->hint);
	plain_items(pl, p, &sb);
	if (p->edit != NULL && !p->masked && edit_chars(p->edit) > 0)
		plain_addfmt(&sb, plain_phrase(pl, PH_PLAIN_KEEP), "answer",
		    edit_text(p->edit));
	plain_howto(pl, p, &sb);
	return strbuf_detach(&sb);
}

/* Write s as it is, then flush (a pipe or a pty gets it at once). */
static void
plain_put(const struct plain *pl, const char *s)
{
	fputs(s, pl->out);
	fflush(pl->out);
}

/*
 * Print the page if it changed: the whole page when it is another one
 * (or the client asked), else only a new message.  The idle warning is
 * printed once, with the bell, not at every second of its countdown.
 */
void
plain_show(struct plain *pl)
{
	struct ui_page	 p;
	struct strbuf	 sb;
	const char	*name = kiosk_mode_name(pl->k);
	char		*text, *out;
	bool		 same_mode = strcmp(name, pl->mode) == 0, whole;

	if (!kiosk_dirty(pl->k) && !pl->again)
		return;
	kiosk_page(pl->k, &p);
	if (same_mode && strcmp(name, "idle") == 0 && !pl->again)
		return;
	text = plain_text(pl, &p);
	strbuf_init(&sb);
	whole = pl->again || !same_mode || pl->shown == NULL ||
	    strcmp(text, pl->shown) != 0;
	if (whole) {
		strbuf_adds(&sb, strcmp(name, "idle") == 0 ? "\a\n" : "\n");
		strbuf_adds(&sb, text);
	} else if (p.error == NULL || (!pl->typed && pl->error != NULL &&
	    strcmp(p.error, pl->error) == 0)) {
		xfree_secret(text);
		strbuf_done(&sb);
		pl->typed = false;
		return;
	}
	if (p.error != NULL)
		strbuf_addf(&sb, "! %s\n", p.error);
	out = strbuf_detach(&sb);
	plain_put(pl, out);		/* one write: a page comes whole */
	plain_say(pl, &p, whole);
	xfree_secret(out);
	xfree_secret(pl->shown);
	pl->shown = text;
	xfree_secret(pl->error);
	pl->error = p.error != NULL ? xstrdup(p.error) : NULL;
	snprintf(pl->mode, sizeof(pl->mode), "%s", name);
	pl->again = pl->typed = false;
}

/* Time passed. */
void
plain_tick(struct plain *pl, double now)
{
	kiosk_tick(pl->k, now);
}

/* Send one request of kind kd. */
static void
plain_req(struct plain *pl, enum req_kind kd, double now)
{
	struct req	r = req_make(kd);

	kiosk_request(pl->k, &r, now);
}

/* A tap on a zone: an entry (arg), Next, Back, Help, decline. */
static void
plain_tap(struct plain *pl, enum grid_hot_kind kd, int arg, double now)
{
	struct grid_hot	h;
	struct req	r = req_make(REQ_TAP);

	memset(&h, 0, sizeof(h));
	h.kind = kd;
	h.arg = arg;
	r.hot = &h;
	kiosk_request(pl->k, &r, now);
}

/*
 * s[0..len) folded for comparing words: ASCII letters in lower case and
 * the accented letters of Spanish (and a few others) without their
 * accents, so "Si", "sí" and "SÍ" are one word.  Caller frees.
 */
static char *
plain_fold(const char *s, size_t len)
{
	static const char *const from[] = { "á", "é", "í", "ó", "ú", "ü",
	    "ñ", "Á", "É", "Í", "Ó", "Ú", "Ü", "Ñ", "à", "è", "ç", "Ç" };
	static const char to[] = "aeiouunaeiouunaecc";
	struct strbuf	 sb;
	size_t		 i, j, fl;

	strbuf_init(&sb);
	for (i = 0; i < len; ) {
		for (j = 0; j < sizeof(from) / sizeof(from[0]); j++) {
			fl = strlen(from[j]);
			if (i + fl <= len && memcmp(s + i, from[j], fl) == 0)
				break;
		}
		if (j < sizeof(from) / sizeof(from[0])) {
			strbuf_addc(&sb, to[j]);
			i += fl;
		} else {
			strbuf_addc(&sb, s[i] >= 'A' && s[i] <= 'Z' ?
			    (char)(s[i] + 'a' - 'A') : s[i]);
			i++;
		}
	}
	return strbuf_detach(&sb);
}

/* Is word w[0..len) the phrase p (folded), in the client's language
   or in English (words a client may know from other machines)? */
static bool
plain_is_word(const struct plain *pl, const char *w, size_t len,
    enum phrase p)
{
	const char	*ph = plain_phrase(pl, p), *en = i18n_builtin(p, "en");
	char		*a = plain_fold(w, len), *b = plain_fold(ph, strlen(ph));
	bool		 same = strcmp(a, b) == 0;

	free(b);
	if (!same && en != NULL) {
		b = plain_fold(en, strlen(en));
		same = strcmp(a, b) == 0;
		free(b);
	}
	free(a);
	return same;
}

/* The whole number w[0..len), or -1. */
static int
plain_number(const char *w, size_t len)
{
	size_t	i;
	int	n = 0;

	if (len == 0 || len > 6)
		return -1;
	for (i = 0; i < len; i++) {
		if (w[i] < '0' || w[i] > '9')
			return -1;
		n = n * 10 + (w[i] - '0');
	}
	return n;
}

/*
 * The entry word w[0..len) names: its number (a scale's own values,
 * which begin its entries' labels), or its label (folded: "si" for
 * "Sí"), or the one label it begins as a word ("none" for "None of
 * these").  -1 if none or several.
 */
static int
plain_entry(const struct ui_page *p, const char *w, size_t len)
{
	char	*a, *b;
	int	 i, n = plain_number(w, len), found = -1, starts = 0;

	if (n >= 0 && (p->numbered || p->items[0].mark == NULL))
		return n >= 1 && n <= p->nitems ? n - 1 : -1;
	if (n >= 0) {			/* a scale: its values */
		for (i = 0; i < p->nitems; i++)
			if (atoi(p->items[i].label) == n &&
			    p->items[i].label[0] >= '0' &&
			    p->items[i].label[0] <= '9')
				return i;
		return -1;
	}
	a = plain_fold(w, len);
	for (i = 0; i < p->nitems; i++) {
		b = plain_fold(p->items[i].label, strlen(p->items[i].label));
		if (strcmp(a, b) == 0) {
			free(b);
			free(a);
			return i;
		}
		if (strlen(b) > strlen(a) && strncmp(a, b, strlen(a)) == 0 &&
		    (b[strlen(a)] == ' ' || b[strlen(a)] == ',' ||
		    b[strlen(a)] == ':')) {
			found = i;
			starts++;
		}
		free(b);
	}
	free(a);
	return starts == 1 ? found : -1;
}

/* Say the line was not understood. */
static void
plain_unknown(struct plain *pl)
{
	char	*s = xasprintf("! %s\n", plain_phrase(pl, PH_PLAIN_UNKNOWN));

	plain_put(pl, s);
	free(s);
}

/* The next word of *s (blanks and commas between words); its length. */
static size_t
plain_word(const char **s)
{
	size_t	n;

	*s += strspn(*s, " \t,;");
	n = strcspn(*s, " \t,;");
	return n;
}

/*
 * A multiple choice: every entry the line names is ticked and every
 * other one unticked (reading the page again after each change, since
 * ticking "None of these" unticks the rest); then Next.  Nothing changes
 * if a word names no entry.
 */
static void
plain_multi_line(struct plain *pl, const char *line, double now)
{
	struct ui_page	 p;
	bool		 want[PLAIN_MAX_PICKS];
	const char	*s = line;
	size_t		 n;
	int		 i, e, pass;

	kiosk_page(pl->k, &p);
	memset(want, 0, sizeof(want));
	while ((n = plain_word(&s)) > 0) {
		if ((e = plain_entry(&p, s, n)) < 0 || e >= PLAIN_MAX_PICKS) {
			plain_unknown(pl);
			return;
		}
		want[e] = true;
		s += n;
	}
	for (pass = 0; pass < 2; pass++)	/* untick, then tick */
		for (i = 0; i < p.nitems && i < PLAIN_MAX_PICKS; i++) {
			kiosk_page(pl->k, &p);
			if (plain_ticked(&p, i) != want[i] &&
			    want[i] == (pass == 1))
				plain_tap(pl, HOT_ITEM, i, now);
		}
	plain_req(pl, REQ_NEXT, now);
}

/* Replace the text field's contents by line, then Next. */
static void
plain_text_line(struct plain *pl, const struct ui_page *p,
    const char *line, double now)
{
	struct req	r;
	size_t		i, n, len = strlen(line);
	uint32_t	cp;

	if (len > 0) {
		plain_req(pl, REQ_END, now);
		for (i = edit_chars(p->edit); i > 0; i--)
			plain_req(pl, REQ_ERASE, now);
		for (i = 0; i < len; i += n) {
			n = utf8_next(line + i, len - i, &cp);
			r = req_char(cp);
			kiosk_request(pl->k, &r, now);
		}
	}
	plain_req(pl, REQ_NEXT, now);
}

/* A line on a page with a list: an entry, then (on a question) Next. */
static void
plain_list_line(struct plain *pl, const struct ui_page *p,
    const char *line, double now)
{
	const char	*s = line;
	size_t		 n = plain_word(&s);
	int		 e;

	if (n == 0) {			/* keep the answer and go on */
		if (!plain_in(pl, "review"))
			plain_req(pl, REQ_ENTER, now);
		else
			pl->again = true;
		return;
	}
	if (plain_multi(p)) {
		plain_multi_line(pl, line, now);
		return;
	}
	if ((e = plain_entry(p, s, strlen(s))) < 0 &&
	    (e = plain_entry(p, s, n)) < 0) {
		plain_unknown(pl);
		return;
	}
	plain_tap(pl, HOT_ITEM, e, now);
	if (plain_choice(p))
		plain_req(pl, REQ_NEXT, now);
}

/* The language whose name ("English", "espanol") w[0..len) is, or -1. */
static int
plain_lang_named(const struct plain *pl, const char *w, size_t len)
{
	const struct form	*f = pl->k->f;
	char			*a = plain_fold(w, len), *b;
	int			 i, found = -1;

	for (i = 0; i < f->nlangs && found < 0; i++) {
		b = form_phrase(f, PH_LANGUAGE_NAME, i) != NULL ?
		    plain_fold(form_phrase(f, PH_LANGUAGE_NAME, i),
		    strlen(form_phrase(f, PH_LANGUAGE_NAME, i))) : NULL;
		if (b != NULL && strcmp(a, b) == 0)
			found = i;
		free(b);
	}
	free(a);
	return found;
}

/* Go on in language i from the same page (F5, then its entry). */
static void
plain_lang(struct plain *pl, int i, double now)
{
	plain_req(pl, REQ_LANG, now);
	if (plain_in(pl, "language"))
		plain_tap(pl, HOT_ITEM, i, now);
	if (plain_in(pl, "language"))
		plain_req(pl, REQ_ENTER, now);
}

/* Act on one line typed. */
void
plain_line(struct plain *pl, const char *line, double now)
{
	struct ui_page	 p;
	const char	*s = line;
	size_t		 n = plain_word(&s), len;
	int		 i;

	pl->typed = true;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	kiosk_page(pl->k, &p);
	if (plain_in(pl, "welcome") || plain_in(pl, "idle") ||
	    plain_in(pl, "end"))
		plain_req(pl, REQ_ENTER, now);
	else if (n == len && plain_is_word(pl, s, n, PH_WORD_REPEAT))
		pl->again = true;
	else if (p.lang_key != NULL && (i = plain_lang_named(pl, s, len)) >= 0)
		plain_lang(pl, i, now);
	else if (n == len && p.back != NULL &&
	    plain_is_word(pl, s, n, PH_WORD_BACK))
		plain_req(pl, REQ_BACK, now);
	else if (n == len && plain_is_word(pl, s, n, PH_WORD_HELP)) {
		if (p.help_hint != NULL)
			plain_req(pl, REQ_HELP, now);
		else
			pl->again = true;
	} else if (p.decline != NULL) {
		if (n == 0 || (n == 1 && *s == '1'))
			plain_tap(pl, HOT_NEXT, 0, now);
		else if (n == 1 && *s == '2')
			plain_tap(pl, HOT_DECLINE, 0, now);
		else
			plain_unknown(pl);
	} else if (p.nitems > 0)
		plain_list_line(pl, &p, line, now);
	else if (p.edit != NULL)
		plain_text_line(pl, &p, line, now);
	else
		plain_req(pl, REQ_ENTER, now);
}
