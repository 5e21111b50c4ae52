/*
 * smp_config.h: the kiosk's INI configuration file (read with libinih).
 *
 *   [kiosk]
 *   clinic = Hair Studio North
 *   form = /usr/local/share/smp-intake/forms/smp-consultation.form
 *   database = /var/lib/smp-intake/intake.db
 *   language = en
 *   kiosk_id = lobby-1
 *   idle_timeout = 180        ; seconds before "Are you still there?"
 *   idle_countdown = 30       ; seconds of countdown before abandoning
 *                             ; (20 or more: WCAG 2.2.1)
 *   end_seconds = 10          ; end screen, then back to welcome
 *   end_screen = form         ; form | summary | thanks | score
 *   demo = no                 ; demo: the welcome screen says how to leave
 *   mode = full               ; full (screen) | plain (lines of text)
 *   theme = standard          ; standard | high-contrast
 *   speech = no               ; speak each screen (libespeak-ng)
 *   pictures = text           ; auto | sixel | kitty | symbols | text
 *   picture_dir = ...         ; the pictures' images (default: the form's
 *                             ; art/images)
 *   [staff]
 *   pin_hash = $argon2id$...  ; crypto_pwhash_str of the staff PIN
 *   [server]                  ; optional: send intakes to a clinic server
 *   url = postgresql://kiosk1@db.example/smp   ; password: ~/.pgpass
 *   keep_local = sent         ; sent (default) | forever | N (days)
 *
 * Unknown sections or keys and bad values are errors "path:line: message".
 */
#ifndef SMP_CONFIG_H
#define SMP_CONFIG_H

#include <stdbool.h>

struct config {
	char	*path;		/* file read, or NULL for defaults only */
	char	*clinic;	/* clinic name on the welcome screen */
	char	*form;		/* form file */
	char	*database;	/* database file */
	char	*language;	/* default language code, or NULL */
	char	*kiosk_id;	/* stored with each intake */
	int	 idle_timeout;	/* seconds; default 180 */
	int	 idle_countdown; /* seconds; default 30 */
	int	 end_seconds;	/* seconds; default 10 */
	char	*end_screen;	/* "form" (default), "summary", ... */
	bool	 demo;
	bool	 plain;		/* mode = plain: the plain front end */
	bool	 high_contrast;	/* theme = high-contrast */
	bool	 speech;	/* speech = yes */
	char	*pictures;	/* "text" (default), "auto", "sixel", ... */
	char	*picture_dir;	/* images of the pictures, or NULL */
	char	*pin_hash;	/* NULL: no PIN set */
	char	*server_url;	/* [server] url, or NULL: no sending */
	int	 keep_days;	/* keep_local: 0 sent, -1 forever, N days */
};

/* Set defaults (owned strings). */
void	config_init(struct config *c);
void	config_done(struct config *c);
/*
 * Read path over the defaults; -1 with *errp ("path:line: ...") on error.
 * A file that holds a PIN hash must be its owner's alone (no group or
 * other permission bits): else -1 with a message naming it, its mode and
 * the chmod that fixes it.
 */
int	config_load(struct config *c, const char *path, char **errp);
/* Write pin_hash into the file at path (creating it mode 0600), keeping
   every other line. */
int	config_write_pin_hash(const char *path, const char *hash, char **errp);
/*
 * The database path for staff commands: the --db option if given, else
 * $SMP_INTAKE_DB, else the config file's (--config, else
 * $SMP_INTAKE_CONFIG), else "data/intake.db".  Returns an allocated string
 * or NULL with *errp set (bad config).
 */
char	*config_db_path(const char *opt_db, const char *opt_config,
	    char **errp);

#endif
