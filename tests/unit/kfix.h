/*
 * kfix.h: what a kiosk under test stands on, shared by the unit tests
 * that drive one without a terminal (test_kiosk, test_plain, test_fault):
 * a fresh folder and database, the form loaded and stored in it, and the
 * kiosk's options over them.  The tests add their own clock, screen and
 * fakes around it.
 */
#ifndef SMP_TEST_KFIX_H
#define SMP_TEST_KFIX_H

#include <stdbool.h>

#include "form/form.h"
#include "store/store.h"
#include "ui/ui_opts.h"

struct kfix {
	char		 dir[64];	/* mkdtemp folder */
	char		*db;		/* DIR/intake.db */
	struct form	*f;
	struct store	*s;
	char		 hash[STORE_HASH_LEN + 1];
	struct intake_store port;	/* the store's write side */
	struct ui_opts	 o;		/* kiosk "test-1", 180 s idle, 30 s
					   countdown, 10 s end screen */
};

/* Make the folder /tmp/TAG.XXXXXX, load form (fails the test if it does
   not load), open DIR/intake.db and store the form; demo: no PIN. */
void	kfix_open(struct kfix *b, const char *tag, const char *form,
	    bool demo);
/* Close the store, free the form, remove the folder. */
void	kfix_close(struct kfix *b);

#endif
