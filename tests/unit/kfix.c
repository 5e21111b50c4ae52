/*
 * kfix.c: a kiosk's folder, database, form and options for the unit
 * tests (see kfix.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "base/diag.h"
#include "base/xmalloc.h"
#include "form/form_load.h"
#include "kfix.h"

void
kfix_open(struct kfix *b, const char *tag, const char *form, bool demo)
{
	struct diag	*d = diag_new(form, 20);
	char		*err = NULL;

	snprintf(b->dir, sizeof(b->dir), "/tmp/%s.XXXXXX", tag);
	assert_non_null(mkdtemp(b->dir));
	b->db = xasprintf("%s/intake.db", b->dir);
	b->f = form_load(form, 0, d, NULL);
	assert_non_null(b->f);
	diag_free(d);
	assert_int_equal(store_open(b->db, 0, &b->s, &err), STORE_OK);
	assert_int_equal(store_form_put(b->s, b->f, b->hash, &err),
	    STORE_OK);
	b->o.set.kiosk_id = "test-1";
	b->o.set.idle_timeout = 180;
	b->o.set.idle_countdown = 30;
	b->o.set.end_seconds = 10;
	b->o.set.demo = demo;
	b->o.form = b->f;
	b->o.store = b->s;
	store_intake_port(b->s, &b->port);
	b->o.port = &b->port;
	b->o.form_hash = b->hash;
}

void
kfix_close(struct kfix *b)
{
	char	*cmd;

	store_close(b->s);
	b->s = NULL;
	form_free(b->f);
	b->f = NULL;
	cmd = xasprintf("rm -rf '%s'", b->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(b->db);
	b->db = NULL;
}
