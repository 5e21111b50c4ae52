/*
 * store.c: the intake database's public API (store/store.h) as thin
 * wrappers over the ops of whichever backend opened it (backend.h), and
 * what is the same for every backend: the exit statuses and the words
 * for each store_rc, the audit actor, the result codes a completed
 * intake's row keeps, and the intake port.
 *
 * store_open picks the backend: PostgreSQL for a "postgresql://" URI,
 * SQLite for any other path.  The
 * read side's wrappers are in query.c.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "store/store.h"
#include "backend.h"

/* An intake's id is the store's: the port writes it into the intake. */
_Static_assert(INTAKE_ID_LEN == STORE_ID_LEN, "intake ids are store ids");

/* Set *errp to a formatted message (if errp) and return rc. */
int
store_err(int rc, char **errp, const char *fmt, ...)
{
	va_list	ap;

	if (errp != NULL) {
		va_start(ap, fmt);
		*errp = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return rc;
}

/* Words for the cause of a store_rc, for messages. */
const char *
store_cause(int rc)
{
	switch (rc) {
	case STORE_BUSY:
		return "database is locked by another process";
	case STORE_FULL:
		return "disk full or file size limit reached";
	case STORE_CORRUPT:
		return "not a smp-intake database or damaged";
	case STORE_READONLY:
		return "read-only file or file system";
	case STORE_CANTOPEN:
		return "cannot open the file";
	case STORE_IOERR:
		return "input/output error";
	case STORE_MOVED:
		return "the database file was deleted, moved or replaced "
		    "while open";
	default:
		return NULL;
	}
}

/* The sysexits status for a store_rc. */
int
store_exit_status(int rc)
{
	switch (rc) {
	case STORE_OK:
		return SMP_EXIT_OK;
	case STORE_BUSY:
		return SMP_EXIT_TEMPFAIL;
	case STORE_FULL:
	case STORE_IOERR:
	case STORE_MOVED:
		return SMP_EXIT_IOERR;
	case STORE_CANTOPEN:
	case STORE_READONLY:
		return SMP_EXIT_CANTCREAT;
	case STORE_CORRUPT:
	case STORE_NEWER:
		return SMP_EXIT_DATAERR;
	case STORE_NOTFOUND:
		return SMP_EXIT_NOINPUT;
	default:
		return SMP_EXIT_FAIL;
	}
}

/* Open the database at path with the backend its name calls for. */
int
store_open(const char *path, unsigned flags, struct store **sp,
    char **errp)
{
	*sp = NULL;
	/* A file size limit makes writes fail (EFBIG) instead of killing
	   us, so the error can be reported and nothing saved is lost. */
	signal(SIGXFSZ, SIG_IGN);
	/* A "postgresql://" URI is a server; any other path a file. */
	if (pg_is_uri(path))
		return pg_open(path, flags, sp, errp);
	return sqlite_open(path, flags, sp, errp);
}

/* Whether path names a server rather than a file. */
int
store_is_server(const char *path)
{
	return pg_is_uri(path);
}

/* Put a whole intake into a server store. */
int
store_intake_put(struct store *s, const struct query_intake *in,
    const struct store_put_form *form, const char *clinic, int *result,
    char **errp)
{
	*result = 0;
	if (s->write->intake_put == NULL)
		return store_err(STORE_ERR, errp, "%s: cannot receive intakes "
		    "(not a server)", s->path);
	return s->write->intake_put(s, in, form, clinic, result, errp);
}

/* Close s (NULL is fine). */
void
store_close(struct store *s)
{
	if (s != NULL)
		s->admin->close(s);
}

/* The path s was opened with. */
const char *
store_path(const struct store *s)
{
	return s->path;
}

/* Start the integrity check of s on a thread of its own. */
int
store_check_start(const struct store *s, struct store_check **cp,
    char **errp)
{
	return s->admin->check_start(s, cp, errp);
}

/* 1 while the check runs, then its verdict. */
int
store_check_poll(struct store_check *c, char **errp)
{
	return c->poll(c, errp);
}

/* Stop (if running) and free a check; NULL is fine. */
void
store_check_free(struct store_check *c)
{
	if (c != NULL)
		c->free(c);
}

/* Keep the exact text of form f; its hash into hash. */
int
store_form_put(struct store *s, const struct form *f, char *hash,
    char **errp)
{
	return s->write->form_put(s, f, hash, errp);
}

/* Start an intake; its new id into id. */
int
store_intake_begin(struct store *s, const char *form_hash,
    const char *kiosk_id, const char *lang, const char *source, char *id,
    char **errp)
{
	return s->write->intake_begin(s, form_hash, kiosk_id, lang, source,
	    id, errp);
}

/* Save or delete one answer durably. */
int
store_answer_put(struct store *s, const char *intake, const char *question,
    const char *value, char **errp)
{
	return s->write->answer_put(s, intake, question, value, errp);
}

/* 0 stop, 1 flag, 2 recommend, -1 any other kind. */
static int
store_codes_kind(const char *kind)
{
	static const char *const kinds[STORE_NCODES] = {
		"stop", "flag", "recommend"
	};
	int	k;

	for (k = 0; k < STORE_NCODES; k++)
		if (strcmp(kind, kinds[k]) == 0)
			return k;
	return -1;
}

/* Append code to the list of its kind (ignoring other kinds). */
void
store_codes_add(struct strbuf codes[STORE_NCODES], const char *kind,
    const char *code)
{
	int	k;

	if ((k = store_codes_kind(kind)) < 0)
		return;
	if (codes[k].len > 0)
		strbuf_addc(&codes[k], ';');
	strbuf_adds(&codes[k], code);
}

/* Mark an intake completed with its result. */
int
store_intake_complete(struct store *s, const char *intake,
    const struct intake_outcome *out, const struct intake_line *lines,
    size_t nlines, char **errp)
{
	return s->write->intake_complete(s, intake, out, lines, nlines, errp);
}

/* Mark an intake abandoned. */
int
store_intake_abandon(struct store *s, const char *intake, char **errp)
{
	return s->write->intake_abandon(s, intake, errp);
}

/* intake_store.begin over a store: store_intake_begin. */
static int
store_port_begin(void *ctx, const char *form_hash, const char *kiosk_id,
    const char *lang, const char *source, char *id, char **errp)
{
	return store_intake_begin(ctx, form_hash, kiosk_id, lang, source, id,
	    errp);
}

/* intake_store.put over a store: store_answer_put. */
static int
store_port_put(void *ctx, const char *intake, const char *question,
    const char *value, char **errp)
{
	return store_answer_put(ctx, intake, question, value, errp);
}

/* intake_store.complete over a store: store_intake_complete. */
static int
store_port_complete(void *ctx, const char *intake,
    const struct intake_outcome *out, const struct intake_line *lines,
    size_t nlines, char **errp)
{
	return store_intake_complete(ctx, intake, out, lines, nlines, errp);
}

/* intake_store.abandon over a store: store_intake_abandon. */
static int
store_port_abandon(void *ctx, const char *intake, char **errp)
{
	return store_intake_abandon(ctx, intake, errp);
}

/* Fill port with the write side of s. */
void
store_intake_port(struct store *s, struct intake_store *port)
{
	port->begin = store_port_begin;
	port->put = store_port_put;
	port->complete = store_port_complete;
	port->abandon = store_port_abandon;
	port->ctx = s;
}

/* Close intakes left in progress for over idle_seconds. */
int
store_abandon_stale(struct store *s, int idle_seconds, int *count,
    char **errp)
{
	return s->admin->abandon_stale(s, idle_seconds, count, errp);
}

/* Claim kiosk_id; abandon what a stopped kiosk of that id left. */
int
store_kiosk_claim(struct store *s, const char *kiosk_id, int *count,
    char **errp)
{
	return s->write->kiosk_claim(s, kiosk_id, count, errp);
}

/* Append to the audit log. */
int
store_audit(struct store *s, const char *actor, const char *action,
    const char *detail, char **errp)
{
	return s->write->audit(s, actor, action, detail, errp);
}

/* The actor for audit entries: $SMP_STAFF, else $USER, else "kiosk". */
const char *
store_actor(void)
{
	const char	*v;

	if ((v = getenv("SMP_STAFF")) != NULL && *v != '\0')
		return v;
	if ((v = getenv("USER")) != NULL && *v != '\0')
		return v;
	return "kiosk";
}

/* The status of intake id into buf (16 bytes). */
int
store_intake_status(struct store *s, const char *id, char *buf,
    char **errp)
{
	return s->read->intake_status(s, id, buf, errp);
}

/* Erase one intake for good. */
int
store_erase(struct store *s, const char *id, const char *actor,
    char **errp)
{
	return s->admin->erase(s, id, actor, errp);
}

/* Clear an erased intake's old copy after STORE_BUSY. */
int
store_erase_again(struct store *s, const char *id, char **errp)
{
	return s->admin->erase_again(s, id, errp);
}

/* Bring in the intakes of another database not here yet. */
int
store_merge(struct store *s, const char *other_path,
    struct store_merge_counts *counts, char **errp)
{
	return s->admin->merge(s, other_path, counts, errp);
}

/* Call fn for each audit entry between since and until. */
int
store_audit_each(struct store *s, const char *since, const char *until,
    int (*fn)(void *ctx, const struct store_audit_entry *e), void *ctx,
    char **errp)
{
	return s->read->audit_each(s, since, until, fn, ctx, errp);
}
