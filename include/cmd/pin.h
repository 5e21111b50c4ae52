/*
 * smp_pin.h: the staff PIN: hashing with libsodium (crypto_pwhash_str,
 * interactive limits), verifying, and a lockout after too many wrong
 * tries.  The config file holds only the hash.
 *
 * The guard is a plain struct the caller embeds; its clock and lockout
 * length can be replaced so tests need not wait a minute.
 *
 * The lockout grows: PIN_TRIES wrong PINs in a row lock for
 * PIN_LOCK_SECONDS, and each further wrong PIN (tried once a lock has
 * run out) locks for twice as long as the one before, up to
 * PIN_LOCK_MAX_SECONDS; only the right PIN starts the count again.  A
 * 4-digit PIN then takes over a year of lobby time to find by trying.
 * The guard lives in memory: the kiosk replays the wrong and right PINs
 * of the audit log into it at start (pin_guard_fail_at, pin_guard_ok), so
 * a restart does not lift the lock.
 */
#ifndef SMP_PIN_H
#define SMP_PIN_H

#include <stddef.h>
#include <time.h>

#define PIN_MIN_LEN	4	/* characters */
#define PIN_MAX_LEN	64
#define PIN_HASH_MAX	128	/* crypto_pwhash_STRBYTES */
#define PIN_TRIES	5	/* wrong PINs before the lockout */
#define PIN_LOCK_SECONDS 60	/* the first lock */
#define PIN_LOCK_MAX_SECONDS 3600	/* the longest */

enum pin_rc {
	PIN_OK = 0,
	PIN_WRONG = -1,		/* wrong PIN, not locked yet */
	PIN_LOCKED = -2		/* too many wrong PINs: wait */
};

struct pin_guard {
	int	 failures;	/* wrong PINs since the last right one */
	time_t	 locked_until;	/* 0: not locked */
	int	 max_tries;	/* default PIN_TRIES */
	int	 lock_seconds;	/* first lock; default PIN_LOCK_SECONDS */
	int	 max_lock_seconds; /* default PIN_LOCK_MAX_SECONDS */
	time_t	(*now)(void *ctx);	/* clock; default time(NULL) */
	void	*ctx;		/* for now() */
};

/* Check a new PIN (length); -1 with *errp (caller frees) if unfit. */
int	pin_check_new(const char *pin, char **errp);
/* Hash pin into out (PIN_HASH_MAX bytes); -1 with *errp on failure. */
int	pin_hash(const char *pin, char *out, char **errp);
/* 0 if pin matches hash, -1 otherwise (also for a malformed hash). */
int	pin_verify(const char *hash, const char *pin);

/* Defaults: 5 tries, 60 s doubling up to an hour, the real clock. */
void	pin_guard_init(struct pin_guard *g);
/* The lock the failures-th wrong PIN in a row earns: 0 below max_tries,
   then lock_seconds doubling with each, at most max_lock_seconds. */
int	pin_guard_lock_for(const struct pin_guard *g, int failures);
/* A wrong PIN tried at time at (from the audit log, oldest first):
   counted, and locking from at as pin_guard_try would have. */
void	pin_guard_fail_at(struct pin_guard *g, time_t at);
/* The right PIN was given: no failures, no lock. */
void	pin_guard_ok(struct pin_guard *g);
/* Seconds left of the lockout, 0 if not locked. */
int	pin_guard_remaining(struct pin_guard *g);
/*
 * Try a PIN against hash.  PIN_LOCKED (without checking) while locked;
 * otherwise PIN_OK (failures reset) or PIN_WRONG, which turns into
 * PIN_LOCKED on the max_tries-th wrong PIN in a row and every one after
 * it (pin_guard_lock_for).  *remaining (optional) receives the seconds
 * left when locked.
 */
enum pin_rc pin_guard_try(struct pin_guard *g, const char *hash,
	    const char *pin, int *remaining);

#endif
