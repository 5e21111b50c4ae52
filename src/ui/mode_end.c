/*
 * mode_end.c: the end screen: thanks, and what happens next in kind
 * words (never a number), for end_seconds; then the welcome screen,
 * with nothing of the client left.  A key after two seconds skips it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "engine/score.h"
#include "form/form.h"
#include "kiosk.h"
#include "mode.h"

#define END_MIN_SECONDS	2.0	/* keys do not skip the end screen sooner */

/* A date as the client's language writes it (date-order): 11 bytes. */
static void
end_date(const struct kiosk *k, int days, char *buf)
{
	const char	*o = kiosk_phrase(k, PH_DATE_ORDER);
	int		 y, m, d;

	date_to_ymd(days, &y, &m, &d);
	if (strcmp(o, "ymd") == 0)
		date_format(days, buf);
	else
		snprintf(buf, 11, "%02d/%02d/%04d", strcmp(o, "mdy") == 0 ?
		    m : d, strcmp(o, "mdy") == 0 ? d : m, y);
}

/*
 * The end words when a stop applies, kind and in the client's language.
 * Not offered (under 18): only the kind text of that stop and the end,
 * nothing about treatment or planning.  Deferred or pending clearance:
 * each stop's kind text, the earliest date to come back when one is
 * known, and that the practitioner will confirm.  Never a band.
 */
char *
mode_end_stop_text(const struct kiosk *k, const struct score_result *r)
{
	const struct form_rule	*ru;
	struct strbuf		 sb;
	const char		*t;
	char			 d[11], *s;
	size_t			 i;

	strbuf_init(&sb);
	if (r->outcome != OUTCOME_NOT_OFFERED)
		strbuf_adds(&sb, kiosk_phrase(k, PH_END_STOP));
	for (i = 0; i < r->nlines; i++) {
		if (r->lines[i].kind != SC_STOP || (ru = r->lines[i].rule) ==
		    NULL || (t = form_tr(&ru->client, k->client.lang)) == NULL)
			continue;
		if (r->outcome == OUTCOME_NOT_OFFERED &&
		    score_stop_outcome(ru) != OUTCOME_NOT_OFFERED)
			continue;
		strbuf_addf(&sb, sb.len > 0 ? "\n\n%s" : "%s", t);
	}
	if (r->outcome == OUTCOME_NOT_OFFERED)
		return strbuf_detach(&sb);
	if (r->outcome == OUTCOME_DEFERRED && r->recheck >= 0 &&
	    !r->recheck_unknown) {
		end_date(k, r->recheck, d);
		s = i18n_format(kiosk_phrase(k, PH_END_RECHECK), "date", d,
		    NULL);
		strbuf_addf(&sb, "\n\n%s", s);
		free(s);
	}
	strbuf_addf(&sb, "\n\n%s", kiosk_phrase(k, PH_PRACTITIONER));
	return strbuf_detach(&sb);
}

/* The screen stays for end_seconds. */
static void
end_open(struct kiosk *k)
{
	k->loop.deadline = k->loop.now + k->o->set.end_seconds;
}

/* Thanks and the kind summary. */
static void
end_page(struct kiosk *k, struct ui_page *p)
{
	p->center = true;
	p->title = form_tr(&k->f->title, k->client.lang);
	p->heading = kiosk_phrase(k, PH_THANKS);
	p->body = k->client.end_text;
}

/* Back to welcome when the time is up. */
static void
end_tick(struct kiosk *k)
{
	if (k->loop.now >= k->loop.deadline)
		kiosk_reset(k);
}

/* A key skips the rest of the time, once the screen could be read. */
static void
end_request(struct kiosk *k, const struct req *r)
{
	(void)r;
	if (k->loop.now >= k->loop.deadline - k->o->set.end_seconds +
	    END_MIN_SECONDS)
		kiosk_reset(k);
}

const struct ui_mode mode_end = {
	"end", 0, end_open, end_page, end_request, end_tick, NULL
};
