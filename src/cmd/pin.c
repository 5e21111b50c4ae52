/*
 * pin.c: staff PIN hashing (libsodium Argon2id, interactive limits) and
 * the lockout after repeated wrong PINs, doubling up to an hour (pin.h).
 */
#include <limits.h>
#include <string.h>

#include <sodium.h>

#include "base/utf8.h"
#include "base/xmalloc.h"
#include "cmd/pin.h"

/* Initialise libsodium once; -1 if it cannot start. */
static int
pin_sodium(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

/* A new PIN must have PIN_MIN_LEN..PIN_MAX_LEN characters. */
int
pin_check_new(const char *pin, char **errp)
{
	size_t	n = utf8_count(pin, strlen(pin));

	if (!utf8_valid(pin, strlen(pin), NULL)) {
		*errp = xstrdup("the PIN is not valid text");
		return -1;
	}
	if (n < PIN_MIN_LEN) {
		*errp = xasprintf("the PIN must have at least %d characters",
		    PIN_MIN_LEN);
		return -1;
	}
	if (n > PIN_MAX_LEN) {
		*errp = xasprintf("the PIN must have at most %d characters",
		    PIN_MAX_LEN);
		return -1;
	}
	return 0;
}

/* Hash a PIN for the config file. */
int
pin_hash(const char *pin, char *out, char **errp)
{
	if (pin_sodium() < 0) {
		*errp = xstrdup("libsodium could not start");
		return -1;
	}
	if (crypto_pwhash_str(out, pin, strlen(pin),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		*errp = xstrdup("not enough memory to hash the PIN");
		return -1;
	}
	return 0;
}

/* Does pin match the stored hash? */
int
pin_verify(const char *hash, const char *pin)
{
	if (hash == NULL || pin == NULL || pin_sodium() < 0)
		return -1;
	if (strnlen(hash, PIN_HASH_MAX) >= PIN_HASH_MAX)
		return -1;
	return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0 ? 0 : -1;
}

/* The default clock. */
static time_t
pin_real_now(void *ctx)
{
	(void)ctx;
	return time(NULL);
}

/* Defaults: PIN_TRIES tries, PIN_LOCK_SECONDS, the real clock. */
void
pin_guard_init(struct pin_guard *g)
{
	memset(g, 0, sizeof(*g));
	g->max_tries = PIN_TRIES;
	g->lock_seconds = PIN_LOCK_SECONDS;
	g->max_lock_seconds = PIN_LOCK_MAX_SECONDS;
	g->now = pin_real_now;
}

/* The lock earned by the failures-th wrong PIN in a row. */
int
pin_guard_lock_for(const struct pin_guard *g, int failures)
{
	long	secs = g->lock_seconds;
	int	i;

	if (failures < g->max_tries)
		return 0;
	for (i = g->max_tries; i < failures && secs < g->max_lock_seconds;
	    i++)
		secs *= 2;
	return secs < g->max_lock_seconds ? (int)secs : g->max_lock_seconds;
}

/* Count a wrong PIN at time at; lock from then if it earns a lock. */
static int
pin_guard_fail(struct pin_guard *g, time_t at)
{
	int	lock;

	if (g->failures < INT_MAX)
		g->failures++;
	if ((lock = pin_guard_lock_for(g, g->failures)) > 0)
		g->locked_until = at + lock;
	return lock;
}

/* A wrong PIN from the audit log. */
void
pin_guard_fail_at(struct pin_guard *g, time_t at)
{
	(void)pin_guard_fail(g, at);
}

/* The right PIN: start again. */
void
pin_guard_ok(struct pin_guard *g)
{
	g->failures = 0;
	g->locked_until = 0;
}

/*
 * Seconds left of the lockout; forgets it when it has run out (the count
 * of wrong PINs stays: the next wrong one locks for longer).
 */
int
pin_guard_remaining(struct pin_guard *g)
{
	time_t	now = g->now(g->ctx);

	if (g->locked_until == 0)
		return 0;
	if (now >= g->locked_until) {
		g->locked_until = 0;
		return 0;
	}
	return (int)(g->locked_until - now);
}

/* Try a PIN, counting failures and locking after max_tries. */
enum pin_rc
pin_guard_try(struct pin_guard *g, const char *hash, const char *pin,
    int *remaining)
{
	int	left;

	if ((left = pin_guard_remaining(g)) > 0) {
		if (remaining != NULL)
			*remaining = left;
		return PIN_LOCKED;
	}
	if (pin_verify(hash, pin) == 0) {
		pin_guard_ok(g);
		return PIN_OK;
	}
	if ((left = pin_guard_fail(g, g->now(g->ctx))) == 0)
		return PIN_WRONG;
	if (remaining != NULL)
		*remaining = left;
	return PIN_LOCKED;
}
