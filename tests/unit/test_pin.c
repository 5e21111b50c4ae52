/* test_pin.c: PIN hashing, verification and the lockout (fake clock). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cmd/pin.h"

static time_t	fake_time = 1000000;

/* The injected clock. */
static time_t
fake_now(void *ctx)
{
	(void)ctx;
	return fake_time;
}

/* A hash verifies its PIN and nothing else; it is not the PIN. */
static void
test_hash_verify(void **state)
{
	char	 h1[PIN_HASH_MAX], h2[PIN_HASH_MAX];
	char	*err = NULL;

	(void)state;
	assert_int_equal(pin_hash("2468", h1, &err), 0);
	assert_int_equal(pin_hash("2468", h2, &err), 0);
	assert_string_not_equal(h1, h2);		/* salted */
	assert_null(strstr(h1, "2468"));
	assert_int_equal(strncmp(h1, "$argon2id$", 10), 0);
	assert_int_equal(pin_verify(h1, "2468"), 0);
	assert_int_equal(pin_verify(h1, "2469"), -1);
	assert_int_equal(pin_verify(h1, ""), -1);
	assert_int_equal(pin_verify("garbage", "2468"), -1);
	assert_int_equal(pin_verify(NULL, "2468"), -1);
}

/* New PINs need 4..64 characters. */
static void
test_check_new(void **state)
{
	char	*err = NULL;

	(void)state;
	assert_int_equal(pin_check_new("123", &err), -1);
	assert_non_null(err);
	free(err);
	err = NULL;
	assert_int_equal(pin_check_new("1234", &err), 0);
	assert_null(err);
	assert_int_equal(pin_check_new("ñññ", &err), -1);	/* 3 chars */
	free(err);
}

/* Five wrong PINs lock for lock_seconds, even against the right PIN. */
static void
test_lockout(void **state)
{
	struct pin_guard g;
	char		 h[PIN_HASH_MAX];
	char		*err = NULL;
	int		 i, left = 0;

	(void)state;
	assert_int_equal(pin_hash("2468", h, &err), 0);
	pin_guard_init(&g);
	g.now = fake_now;
	assert_int_equal(g.max_tries, 5);
	assert_int_equal(g.lock_seconds, 60);
	for (i = 0; i < 4; i++)
		assert_int_equal(pin_guard_try(&g, h, "0000", NULL), PIN_WRONG);
	assert_int_equal(pin_guard_try(&g, h, "0000", &left), PIN_LOCKED);
	assert_int_equal(left, 60);
	fake_time += 45;
	assert_int_equal(pin_guard_try(&g, h, "2468", &left), PIN_LOCKED);
	assert_int_equal(left, 15);
	assert_int_equal(pin_guard_remaining(&g), 15);
	fake_time += 15;
	assert_int_equal(pin_guard_remaining(&g), 0);
	assert_int_equal(pin_guard_try(&g, h, "2468", NULL), PIN_OK);
	/* A success resets the count. */
	for (i = 0; i < 4; i++)
		assert_int_equal(pin_guard_try(&g, h, "1", NULL), PIN_WRONG);
	assert_int_equal(pin_guard_try(&g, h, "2468", NULL), PIN_OK);
	assert_int_equal(pin_guard_try(&g, h, "1", NULL), PIN_WRONG);
	assert_int_equal(g.failures, 1);
}

/* pin-lock-grow (issue 13): each wrong PIN after the lock locks twice as
   long as the one before, up to an hour; the end of a lock does not
   forget the count; only the right PIN does. */
static void
test_lock_grows(void **state)
{
	struct pin_guard	 g;
	char			 h[PIN_HASH_MAX], *err = NULL;
	int			 i, left = 0, want;

	(void)state;
	assert_int_equal(pin_hash("2468", h, &err), 0);
	pin_guard_init(&g);
	g.now = fake_now;
	for (i = 0; i < 4; i++)
		assert_int_equal(pin_guard_try(&g, h, "0000", NULL), PIN_WRONG);
	for (want = 60; want <= 3600; want *= 2) {
		assert_int_equal(pin_guard_try(&g, h, "0000", &left),
		    PIN_LOCKED);
		assert_int_equal(left, want > 3600 ? 3600 : want);
		fake_time += left - 1;
		/* Not checked while locked: the right PIN too, no count. */
		assert_int_equal(pin_guard_try(&g, h, "2468", &left),
		    PIN_LOCKED);
		assert_int_equal(left, 1);
		fake_time += 1;
		assert_int_equal(pin_guard_remaining(&g), 0);
	}
	/* 60 120 240 480 960 1920, then an hour for every wrong PIN. */
	assert_int_equal(g.failures, 10);
	for (i = 0; i < 3; i++) {
		assert_int_equal(pin_guard_try(&g, h, "0000", &left),
		    PIN_LOCKED);
		assert_int_equal(left, 3600);
		fake_time += 3600;
	}
	assert_int_equal(pin_guard_lock_for(&g, 4), 0);
	assert_int_equal(pin_guard_lock_for(&g, 5), 60);
	assert_int_equal(pin_guard_lock_for(&g, 7), 240);
	assert_int_equal(pin_guard_lock_for(&g, 1000000), 3600);
	assert_int_equal(pin_guard_try(&g, h, "2468", NULL), PIN_OK);
	assert_int_equal(g.failures, 0);
	assert_int_equal(pin_guard_try(&g, h, "0000", NULL), PIN_WRONG);
}

/* pin-lock-replay (issue 13): wrong PINs read back from the audit log
   lock a new guard as they locked the old one; a right PIN clears. */
static void
test_lock_replay(void **state)
{
	struct pin_guard	g;
	time_t			t0 = fake_time;
	int			i;

	(void)state;
	pin_guard_init(&g);
	g.now = fake_now;
	for (i = 0; i < 5; i++)
		pin_guard_fail_at(&g, t0 + i);
	/* Locked from the fifth, 60 s: 56 s left at t0 + 8. */
	fake_time = t0 + 8;
	assert_int_equal(pin_guard_remaining(&g), 56);
	/* A sixth wrong PIN after that lock: 120 s from its time. */
	pin_guard_fail_at(&g, t0 + 100);
	fake_time = t0 + 110;
	assert_int_equal(pin_guard_remaining(&g), 110);
	/* Old failures whose lock ran out: not locked, but counted. */
	fake_time = t0 + 1000;
	assert_int_equal(pin_guard_remaining(&g), 0);
	assert_int_equal(g.failures, 6);
	pin_guard_ok(&g);
	assert_int_equal(g.failures, 0);
	assert_int_equal(pin_guard_remaining(&g), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_verify),
		cmocka_unit_test(test_check_new),
		cmocka_unit_test(test_lockout),
		cmocka_unit_test(test_lock_grows),
		cmocka_unit_test(test_lock_replay),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
