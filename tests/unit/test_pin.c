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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_verify),
		cmocka_unit_test(test_check_new),
		cmocka_unit_test(test_lockout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
