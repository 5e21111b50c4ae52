/*
 * smp_pin.h: the staff PIN: hashing with libsodium (crypto_pwhash_str,
 * interactive limits), verifying, and a lockout after too many wrong
 * tries.  The config file holds only the hash.
 *
 * The guard is a plain struct the caller embeds; its clock and lockout
 * length can be replaced so tests need not wait a minute.
 */
#ifndef SMP_PIN_H
#define SMP_PIN_H

#include <stddef.h>
#include <time.h>

#define PIN_MIN_LEN	4	/* characters */
#define PIN_MAX_LEN	64
#define PIN_HASH_MAX	128	/* crypto_pwhash_STRBYTES */
#define PIN_TRIES	5	/* wrong PINs before the lockout */
#define PIN_LOCK_SECONDS 60

enum pin_rc {
	PIN_OK = 0,
	PIN_WRONG = -1,		/* wrong PIN, not locked yet */
	PIN_LOCKED = -2		/* too many wrong PINs: wait */
};

struct pin_guard {
	int	 failures;	/* wrong tries since the last success/lock */
	time_t	 locked_until;	/* 0: not locked */
	int	 max_tries;	/* default PIN_TRIES */
	int	 lock_seconds;	/* default PIN_LOCK_SECONDS */
	time_t	(*now)(void *ctx);	/* clock; default time(NULL) */
	void	*ctx;		/* for now() */
};

/* Check a new PIN (length); -1 with *errp (caller frees) if unfit. */
int	pin_check_new(const char *pin, char **errp);
/* Hash pin into out (PIN_HASH_MAX bytes); -1 with *errp on failure. */
int	pin_hash(const char *pin, char *out, char **errp);
/* 0 if pin matches hash, -1 otherwise (also for a malformed hash). */
int	pin_verify(const char *hash, const char *pin);

/* Defaults: 5 tries, 60 s, the real clock. */
void	pin_guard_init(struct pin_guard *g);
/* Seconds left of the lockout, 0 if not locked. */
int	pin_guard_remaining(struct pin_guard *g);
/*
 * Try a PIN against hash.  PIN_LOCKED (without checking) while locked;
 * otherwise PIN_OK (failures reset) or PIN_WRONG, which turns into
 * PIN_LOCKED on the max_tries-th wrong PIN.  *remaining (optional)
 * receives the seconds left when locked.
 */
enum pin_rc pin_guard_try(struct pin_guard *g, const char *hash,
	    const char *pin, int *remaining);

#endif
