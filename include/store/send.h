/*
 * send.h: sending a kiosk's finished intakes to the clinic's server.
 *
 * The kiosk always saves each answer in its own file first (store.h); an
 * intake is "waiting" once it is finished (completed or abandoned) and
 * not yet confirmed by the server.  send_run puts each waiting intake
 * into the server in one transaction of its own (store_intake_put,
 * idempotent by the intake's id: a resend after a crash or a lost reply
 * changes nothing), then writes a "sent" row (detail: the id) into the
 * kiosk's audit log, which is how the file remembers what the server
 * has; and, as keep_local says, erases the intake from the kiosk's file
 * the way erase does (secure delete, WAL truncated).  An intake the
 * server says was erased there counts as sent: it is never brought back,
 * and the kiosk's copy goes too.
 *
 * Nothing here waits for anything but the network call at hand; the
 * kiosk runs it in a child process ("smp-intake sync --loop").
 */
#ifndef SMP_SEND_H
#define SMP_SEND_H

#include "store/store.h"

#define SEND_KEEP_FOREVER	(-1)	/* keep_local = forever */

struct send_opts {
	const char	*server;	/* libpq URI of the server */
	const char	*clinic;	/* stored with each intake there */
	int		 keep_days;	/* 0: erase once sent; N: N days
					   after; SEND_KEEP_FOREVER */
};

/* What one run did. */
struct send_counts {
	int	sent;		/* intakes the server has now taken */
	int	present;	/* ... of which it had already (resends) */
	int	erased;		/* ... of which it had erased: not sent */
	int	removed;	/* intakes erased from the kiosk's file */
	int	waiting;	/* intakes still waiting after the run */
};

/*
 * Send every waiting intake of local to o->server, in order of their
 * ids, stopping at the first failure (the server away: STORE_BUSY; a
 * wrong password: STORE_CANTOPEN; ...) with *errp set; counts are
 * filled either way.
 */
int	send_run(struct store *local, const struct send_opts *o,
	    struct send_counts *c, char **errp);
/*
 * How many intakes of local wait (*waiting) and when the last one was
 * confirmed (last: UTC ISO-8601, "" if never; 32 bytes).
 */
int	send_state(struct store *local, int *waiting, char *last,
	    char **errp);

#endif
