/*
 * config.c: the kiosk's INI configuration, read with libinih.
 *
 * Every key is checked: an unknown section or key, or a bad value, is an
 * error "path:line: message", so a typo in a lobby kiosk's config is found
 * at start and not at the first client.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/defs.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "cmd/config.h"

/*
 * State while parsing.  Debian's libinih calls the handler without a line
 * number; a handler returning 0 makes ini_parse_file() report that line,
 * so we keep the first message here and take the line from its result.
 */
struct config_parse {
	struct config	*c;
	char		*err;	/* first error, allocated */
};

/* Replace *dst by a copy of src. */
static void
set_str(char **dst, const char *src)
{
	free(*dst);
	*dst = xstrdup(src);
}

void
config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->clinic = xstrdup("");
	c->form = xstrdup("forms/smp-consultation.form");
	c->database = xstrdup("data/intake.db");
	c->kiosk_id = xstrdup("kiosk");
	c->end_screen = xstrdup("form");
	c->pictures = xstrdup("text");
	c->idle_timeout = 180;
	c->idle_countdown = 30;
	c->end_seconds = 10;
}

void
config_done(struct config *c)
{
	free(c->path);
	free(c->clinic);
	free(c->form);
	free(c->database);
	free(c->language);
	free(c->kiosk_id);
	free(c->end_screen);
	free(c->pictures);
	free(c->picture_dir);
	free(c->pin_hash);
	free(c->server_url);
	memset(c, 0, sizeof *c);
}

/* Parse a whole number of seconds in [lo, hi]; -1 if bad. */
static int
parse_seconds(const char *v, int lo, int hi)
{
	char	*end;
	long	 n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (end == v || *end != '\0' || errno != 0 || n < lo || n > hi)
		return -1;
	return (int)n;
}

/* Parse yes/no/true/false/1/0; -1 if neither. */
static int
parse_bool(const char *v)
{
	if (strcmp(v, "yes") == 0 || strcmp(v, "true") == 0 ||
	    strcmp(v, "1") == 0)
		return 1;
	if (strcmp(v, "no") == 0 || strcmp(v, "false") == 0 ||
	    strcmp(v, "0") == 0)
		return 0;
	return -1;
}

/* Record the first error only; returns 0 so inih notes the line. */
static int SMP_PRINTFLIKE(2, 3)
fail(struct config_parse *p, const char *fmt, ...)
{
	va_list	ap;

	if (p->err == NULL) {
		va_start(ap, fmt);
		p->err = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return 0;
}

/*
 * The idle warning comes at least this long before an intake is
 * abandoned (issue 14, WCAG 2.2.1: time enough to read it and answer).
 * A shorter idle_countdown is refused at start, with its line, rather
 * than raised quietly: a kiosk started by systemd on tty1 hands the
 * terminal to the client at once, so a note on stderr would go unread
 * and the file would go on saying something the kiosk does not do.
 * idle_timeout may be short (a test waits one second for the warning).
 */
#define CONFIG_COUNTDOWN_MIN	20

/*
 * The shortest idle_countdown allowed: CONFIG_COUNTDOWN_MIN, or 1 when
 * the environment sets SMP_TEST_SHORT_COUNTDOWN=1.  That is for tests
 * only (tests/e2e/terminal.sh watches a countdown run out in two
 * seconds instead of twenty); a kiosk's service never sets it.
 */
static int
config_countdown_min(void)
{
	const char	*env = getenv("SMP_TEST_SHORT_COUNTDOWN");

	return env != NULL && strcmp(env, "1") == 0 ? 1 :
	    CONFIG_COUNTDOWN_MIN;
}

/* An integer key of [kiosk]; returns 1 if it was one. */
static int
kiosk_int(struct config_parse *p, const char *name, const char *value)
{
	static const struct {
		const char	*name;
		size_t		 off;
		int		 lo, hi;
	} keys[] = {
		{ "idle_timeout", offsetof(struct config, idle_timeout), 1,
		    86400 },
		{ "idle_countdown", offsetof(struct config, idle_countdown),
		    1, 3600 },
		{ "end_seconds", offsetof(struct config, end_seconds), 1,
		    3600 },
	};
	size_t	i;
	int	n;

	for (i = 0; i < SMP_NELEM(keys); i++) {
		if (strcmp(name, keys[i].name) != 0)
			continue;
		if ((n = parse_seconds(value, keys[i].lo, keys[i].hi)) < 0)
			return fail(p, "%s: expected a whole number of "
			    "seconds (1 or more)", name);
		if (strcmp(name, "idle_countdown") == 0 &&
		    n < config_countdown_min())
			return fail(p, "%s: expected %d seconds or more, "
			    "so that a client has time to read \"Are you "
			    "still there?\" and press a key (WCAG 2.2.1)",
			    name, CONFIG_COUNTDOWN_MIN);
		*(int *)(void *)((char *)p->c + keys[i].off) = n;
		return 1;
	}
	return 0;
}

/* A key of [kiosk]. */
static int
kiosk_key(struct config_parse *p, const char *name, const char *value)
{
	struct config	*c = p->c;
	int		 b;

	if (kiosk_int(p, name, value))
		return p->err == NULL;
	if (*value == '\0' && (strcmp(name, "form") == 0 ||
	    strcmp(name, "database") == 0 || strcmp(name, "language") == 0))
		return fail(p, "%s: expected a value (or leave the line out)",
		    name);
	if (strcmp(name, "clinic") == 0)
		set_str(&c->clinic, value);
	else if (strcmp(name, "form") == 0)
		set_str(&c->form, value);
	else if (strcmp(name, "database") == 0)
		set_str(&c->database, value);
	else if (strcmp(name, "language") == 0)
		set_str(&c->language, value);
	else if (strcmp(name, "kiosk_id") == 0) {
		if (*value == '\0' || strlen(value) > 64)
			return fail(p, "%s: expected a name of 1 to 64 "
			    "characters", name);
		set_str(&c->kiosk_id, value);
	} else if (strcmp(name, "end_screen") == 0) {
		if (strcmp(value, "form") != 0 &&
		    strcmp(value, "summary") != 0 &&
		    strcmp(value, "thanks") != 0 &&
		    strcmp(value, "score") != 0)
			return fail(p, "%s: expected form, summary, "
			    "thanks or score", name);
		set_str(&c->end_screen, value);
	} else if (strcmp(name, "speech") == 0) {
		if ((b = parse_bool(value)) < 0)
			return fail(p, "%s: expected yes or no", name);
		c->speech = b;
	} else if (strcmp(name, "theme") == 0) {
		if (strcmp(value, "standard") != 0 &&
		    strcmp(value, "high-contrast") != 0)
			return fail(p, "%s: expected standard or "
			    "high-contrast", name);
		c->high_contrast = strcmp(value, "high-contrast") == 0;
	} else if (strcmp(name, "mode") == 0) {
		if (strcmp(value, "plain") != 0 && strcmp(value, "full") != 0)
			return fail(p, "%s: expected full or plain", name);
		c->plain = strcmp(value, "plain") == 0;
	} else if (strcmp(name, "pictures") == 0) {
		if (strcmp(value, "auto") != 0 && strcmp(value, "sixel") != 0 &&
		    strcmp(value, "kitty") != 0 &&
		    strcmp(value, "symbols") != 0 &&
		    strcmp(value, "text") != 0)
			return fail(p, "%s: expected auto, sixel, kitty, "
			    "symbols or text", name);
		set_str(&c->pictures, value);
	} else if (strcmp(name, "picture_dir") == 0) {
		if (*value == '\0')
			return fail(p, "%s: expected a folder (or leave the "
			    "line out)", name);
		set_str(&c->picture_dir, value);
	} else if (strcmp(name, "demo") == 0) {
		if ((b = parse_bool(value)) < 0)
			return fail(p, "%s: expected yes or no", name);
		c->demo = b;
	} else
		return fail(p, "unknown key '%s' in [kiosk]", name);
	return 1;
}

/* A key of [server]: url (a libpq URI), keep_local. */
static int
config_server_key(struct config_parse *p, const char *name,
    const char *value)
{
	char	*end;
	long	 n;

	if (strcmp(name, "url") == 0) {
		if (strncmp(value, "postgresql://", 13) != 0 &&
		    strncmp(value, "postgres://", 11) != 0)
			return fail(p, "%s: expected postgresql://...", name);
		set_str(&p->c->server_url, value);
	} else if (strcmp(name, "keep_local") == 0) {
		n = strtol(value, &end, 10);
		if (strcmp(value, "sent") == 0)
			p->c->keep_days = 0;
		else if (strcmp(value, "forever") == 0)
			p->c->keep_days = -1;
		else if (*value >= '1' && *value <= '9' && *end == '\0' &&
		    n <= 36500)
			p->c->keep_days = (int)n;
		else
			return fail(p, "%s: expected sent, forever or a number "
			    "of days", name);
	} else
		return fail(p, "unknown key '%s' in [server]", name);
	return 1;
}

/* inih callback: one key = value line; 0 marks the line as bad. */
static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct config_parse	*p = user;

	if (strcmp(section, "kiosk") == 0)
		return kiosk_key(p, name, value);
	if (strcmp(section, "server") == 0)
		return config_server_key(p, name, value);
	if (strcmp(section, "staff") == 0) {
		if (strcmp(name, "pin_hash") != 0)
			return fail(p, "unknown key '%s' in [staff]", name);
		if (strncmp(value, "$argon2", 7) != 0)
			return fail(p, "%s: not a PIN hash (use "
			    "smp-intake set-pin)", name);
		set_str(&p->c->pin_hash, value);
		return 1;
	}
	return fail(p, "unknown section [%s]", section);
}

/* A config file is a few lines; a larger one is a mistake. */
#define CONFIG_MAX	(64u * 1024)

/*
 * Lines libinih cannot hold (INI_MAX_LINE, a build setting) would be cut
 * and reported as a bad *next* line: report the long one itself.  0, or
 * the number of the first line that is too long.  The limit is on the
 * characters before the line end, the same for a last line without one:
 * set-pin ends every line it keeps, and a file that loads must still
 * load after it (found by tests/fuzz/fuzz_config).
 */
static int
config_long_line(const char *text)
{
	size_t	 n;
	int	 line;

	for (line = 1; *text != '\0'; line++) {
		n = strcspn(text, "\n");
		if (n > INI_MAX_LINE - 3)
			return line;
		text += n + (text[n] == '\n');
	}
	return 0;
}

/*
 * The staff PIN's hash is as good as the PIN to anyone with time to try
 * every PIN against it offline: a config that holds one must be its
 * owner's alone.  -1 with *errp naming the file, its mode and the fix.
 */
static int
config_private(const char *path, char **errp)
{
	struct stat	st;

	if (stat(path, &st) < 0) {
		*errp = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if ((st.st_mode & 077) == 0)
		return 0;
	*errp = xasprintf("%s: holds the staff PIN hash but group or others "
	    "may use it (mode %04o); make it the owner's alone: chmod 600 %s",
	    path, (unsigned)(st.st_mode & 07777), path);
	return -1;
}

int
config_load(struct config *c, const char *path, char **errp)
{
	struct config_parse	 p = { c, NULL };
	char			*text, *bad = NULL;
	size_t			 len;
	int			 rc;

	/* Read whole: a directory or device is an error, not "empty". */
	if ((text = file_read(path, CONFIG_MAX, &len, errp)) == NULL)
		return -1;
	if (strlen(text) != len)
		bad = xasprintf("%s: holds a NUL byte (not a text file)", path);
	else if ((rc = config_long_line(text)) != 0)
		bad = xasprintf("%s:%d: line too long (at most %d characters)",
		    path, rc, INI_MAX_LINE - 3);
	if (bad != NULL) {
		free(text);
		*errp = bad;
		return -1;
	}
	rc = ini_parse_string(text, handler, &p);
	free(text);
	if (p.err != NULL) {
		*errp = xasprintf("%s:%d: %s", path, rc, p.err);
		free(p.err);
		return -1;
	}
	if (rc != 0) {
		*errp = xasprintf("%s:%d: not a valid INI line", path, rc);
		return -1;
	}
	if (c->pin_hash != NULL && config_private(path, errp) < 0)
		return -1;
	set_str(&c->path, path);
	return 0;
}

/* Read the whole file (or "" if it does not exist yet). */
static char *
read_or_empty(const char *path, char **errp)
{
	char	*text;

	if (access(path, F_OK) != 0)
		return xstrdup("");
	text = file_read(path, CONFIG_MAX, NULL, errp);
	return text;
}

/* How libinih reads one line (ini_parse_stream, INI_ALLOW_MULTILINE). */
enum config_line {
	CONFIG_LINE_NONE,	/* blank or a comment */
	CONFIG_LINE_MORE,	/* indented: more of the last key's value */
	CONFIG_LINE_SECTION,	/* [name] */
	CONFIG_LINE_KEY		/* name = value */
};

/*
 * The kind of line p[0..n), as libinih sees it after a key line (if
 * have_key) or not; *startp is its first character past blanks (and
 * past a byte order mark, bom).
 */
static enum config_line
config_line_kind(const char *p, size_t n, int bom, int have_key,
    const char **startp)
{
	const char	*s = p + (bom ? 3 : 0), *end = p + n;

	while (s < end && isspace((unsigned char)*s))
		s++;
	*startp = s;
	if (s == end || *s == ';' || *s == '#')
		return CONFIG_LINE_NONE;
	if (have_key && s > p + (bom ? 3 : 0))
		return CONFIG_LINE_MORE;
	return *s == '[' ? CONFIG_LINE_SECTION : CONFIG_LINE_KEY;
}

/* Whether the key line starting at s (up to end) sets pin_hash. */
static int
config_is_pin(const char *s, const char *end)
{
	const char	*e = s;

	while (e < end && *e != '=' && *e != ':')
		e++;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	return (size_t)(e - s) == 8 && strncmp(s, "pin_hash", 8) == 0;
}

/*
 * The text with the [staff] pin_hash set to hash, other lines kept.  An
 * old pin_hash goes with the indented lines that continue its value
 * (libinih reads them as more of it): kept, they would continue another
 * key, or none.  The new one goes at the end of [staff] unless an
 * indented line follows there, else at the very end under a [staff] of
 * its own (both found by tests/fuzz/fuzz_config).
 */
static char *
with_pin(const char *text, const char *hash)
{
	struct strbuf	 sb;
	const char	*p = text, *nl, *s;
	int		 in_staff = 0, done = 0, have_key = 0, drop = 0, bom;
	size_t		 n;

	strbuf_init(&sb);
	bom = strncmp(text, "\xef\xbb\xbf", 3) == 0;
	while (*p != '\0') {
		nl = strchr(p, '\n');
		n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		switch (config_line_kind(p, n, bom && p == text, have_key, &s)) {
		case CONFIG_LINE_SECTION:
			/* Not before an indented header: after a key line,
			   libinih would read it as more of the new value. */
			if (in_staff && !done && s == p + (bom && p == text ?
			    3 : 0)) {
				strbuf_addf(&sb, "pin_hash = %s\n", hash);
				done = 1;
			}
			in_staff = (size_t)(p + n - s) >= 7 &&
			    strncmp(s, "[staff]", 7) == 0;
			have_key = drop = 0;
			break;
		case CONFIG_LINE_KEY:
			have_key = 1;
			drop = in_staff && config_is_pin(s, p + n);
			break;
		case CONFIG_LINE_MORE:
			break;		/* goes with the key before */
		case CONFIG_LINE_NONE:
			s = NULL;	/* kept, whatever the key before */
			break;
		}
		if (!drop || s == NULL) {
			strbuf_add(&sb, p, n);
			strbuf_addc(&sb, '\n');
		}
		p += n + (nl != NULL);
	}
	if (!done) {
		if (!in_staff)
			strbuf_adds(&sb, "[staff]\n");
		strbuf_addf(&sb, "pin_hash = %s\n", hash);
	}
	return strbuf_detach(&sb);
}

/* Write pin_hash into the config file, atomically, mode 0600. */
int
config_write_pin_hash(const char *path, const char *hash, char **errp)
{
	char	*text, *out;
	int	 rc;

	if ((text = read_or_empty(path, errp)) == NULL)
		return -1;
	out = with_pin(text, hash);
	rc = file_write_atomic(path, out, strlen(out), errp);
	free(out);
	free(text);
	return rc == FILE_OK ? 0 : -1;
}

char *
config_db_path(const char *opt_db, const char *opt_config, char **errp)
{
	struct config	 c;
	const char	*env;
	char		*db;

	if (opt_db != NULL)
		return xstrdup(opt_db);
	if ((env = getenv("SMP_INTAKE_DB")) != NULL && *env != '\0')
		return xstrdup(env);
	if (opt_config == NULL && (env = getenv("SMP_INTAKE_CONFIG")) !=
	    NULL && *env != '\0')
		opt_config = env;
	if (opt_config == NULL)
		return xstrdup("data/intake.db");
	config_init(&c);
	if (config_load(&c, opt_config, errp) != 0) {
		config_done(&c);
		return NULL;
	}
	db = xstrdup(c.database);
	config_done(&c);
	return db;
}
