/*
 * pg_write.c: the write ops of the PostgreSQL backend (backend.h): forms,
 * intakes, answers, results and the audit log, each change its own
 * transaction; and the whole-intake put a kiosk's send and a merge use
 * (smp_put_intake on the server, idempotent by the intake's id).
 *
 * Only PQexecParams with the values as parameters touches the data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <uuid/uuid.h>

#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "form/form.h"
#include "store/query.h"
#include "pg.h"
#include "pg_write.h"

/* Hex of the SHA-256 of len bytes at p into hash (65 bytes). */
static void
pg_write_sha256_hex(const char *p, size_t len, char *hash)
{
	unsigned char	md[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(md, (const unsigned char *)p, len);
	sodium_bin2hex(hash, STORE_HASH_LEN + 1, md, sizeof(md));
}

/* Run BEGIN. */
static int
pg_write_begin(struct pg_store *ps, const char *what, char **errp)
{
	return pg_run(ps, "BEGIN", 0, NULL, NULL, what, errp);
}

/* Commit, or roll back and return rc when rc is an error. */
static int
pg_write_end(struct pg_store *ps, int rc, const char *what, char **errp)
{
	if (rc == STORE_OK)
		rc = pg_run(ps, "COMMIT", 0, NULL, NULL, what, errp);
	if (rc != STORE_OK)
		pg_rollback(ps);
	return rc;
}

/* Keep the exact text of form f once; its hash into hash. */
static int
pg_write_form_put(struct store *s, const struct form *f, char *hash,
    char **errp)
{
	struct pg_store	*ps = pg_of(s);
	const char	*p[5];
	char		 now[32], ver[16], *src;
	int		 rc;

	pg_write_sha256_hex(f->source, f->source_len, hash);
	pg_now(now, 0);
	snprintf(ver, sizeof(ver), "%d", f->version);
	src = xmalloc(f->source_len + 1);
	memcpy(src, f->source, f->source_len);
	src[f->source_len] = '\0';
	p[0] = hash;
	p[1] = f->id;
	p[2] = ver;
	p[3] = src;
	p[4] = now;
	rc = pg_run(ps, "INSERT INTO forms(hash, form_id, version, source, "
	    "added_at) VALUES ($1, $2, $3::integer, $4, $5) ON CONFLICT (hash) "
	    "DO NOTHING", 5, p, NULL, "cannot save the form", errp);
	free(src);
	return rc;
}

/* Insert a new intake in progress; its UUID into id. */
static int
pg_write_intake_begin(struct store *s, const char *form_hash,
    const char *kiosk_id, const char *lang, const char *source, char *id,
    char **errp)
{
	const char	*p[6];
	uuid_t		 u;
	char		 now[32];

	uuid_generate_random(u);
	uuid_unparse_lower(u, id);
	pg_now(now, 0);
	p[0] = id;
	p[1] = form_hash;
	p[2] = kiosk_id;
	p[3] = lang;
	p[4] = source;
	p[5] = now;
	return pg_run(pg_of(s), "INSERT INTO intakes(id, form_hash, kiosk_id, "
	    "lang, source, status, started_at, updated_at) VALUES ($1, $2, $3, "
	    "$4, $5, 'in_progress', $6, $6)", 6, p, NULL, "cannot start an "
	    "intake", errp);
}

/* Lock intake id and check it exists and is not completed. */
static int
pg_write_check_open(struct pg_store *ps, const char *id, char **errp)
{
	PGresult	*res;
	const char	*p[1] = { id };
	int		 rc;

	if ((rc = pg_run(ps, "SELECT status FROM intakes WHERE id = $1 "
	    "FOR UPDATE", 1, p, &res, "cannot read an intake", errp)) !=
	    STORE_OK)
		return rc;
	if (PQntuples(res) == 0)
		rc = store_err(STORE_NOTFOUND, errp, "%s: no intake %s",
		    ps->shown, id);
	else if (strcmp(PQgetvalue(res, 0, 0), "completed") == 0)
		rc = store_err(STORE_ERR, errp, "%s: intake %s is already "
		    "completed", ps->shown, id);
	PQclear(res);
	return rc;
}

/* Save or delete one answer durably, in a transaction of its own. */
static int
pg_write_answer_put(struct store *s, const char *intake,
    const char *question, const char *value, char **errp)
{
	struct pg_store	*ps = pg_of(s);
	const char	*p[4];
	char		 now[32];
	int		 rc;

	if ((rc = pg_write_begin(ps, "cannot save an answer", errp)) !=
	    STORE_OK)
		return rc;
	pg_now(now, 0);
	p[0] = intake;
	p[1] = question;
	p[2] = now;
	p[3] = value;
	rc = pg_write_check_open(ps, intake, errp);
	if (rc == STORE_OK && value == NULL)
		rc = pg_run(ps, "DELETE FROM answers WHERE intake_id = $1 AND "
		    "question = $2", 2, p, NULL, "cannot save an answer",
		    errp);
	else if (rc == STORE_OK)
		rc = pg_run(ps, "INSERT INTO answers(intake_id, question, "
		    "answered_at, value) VALUES ($1, $2, $3, $4) ON CONFLICT "
		    "(intake_id, question) DO UPDATE SET value = "
		    "excluded.value, answered_at = excluded.answered_at", 4, p,
		    NULL, "cannot save an answer", errp);
	p[1] = now;
	if (rc == STORE_OK)
		rc = pg_run(ps, "UPDATE intakes SET updated_at = $2 WHERE id "
		    "= $1", 2, p, NULL, "cannot save an answer", errp);
	return pg_write_end(ps, rc, "cannot save an answer", errp);
}

/* The result lines of intake as three text arrays and one of points. */
static void
pg_write_line_arrays(const struct intake_line *lines, size_t n,
    struct strbuf a[4])
{
	const char	**v = xreallocarray(NULL, n + 1, 3 * sizeof(*v));
	size_t		  i;

	strbuf_addc(&a[2], '{');
	for (i = 0; i < n; i++) {
		v[i] = lines[i].kind;
		v[n + i] = lines[i].code != NULL ? lines[i].code : "";
		v[2 * n + i] = lines[i].text != NULL ? lines[i].text : "";
		strbuf_addf(&a[2], "%s%d", i > 0 ? "," : "", lines[i].points);
	}
	strbuf_addc(&a[2], '}');
	pg_array(&a[0], v, n, 1);
	pg_array(&a[1], v + n, n, 1);
	pg_array(&a[3], v + 2 * n, n, 1);
	free(v);
}

/* Complete an intake: status, score, band, codes and lines at once. */
static int
pg_write_intake_complete(struct store *s, const char *intake,
    const struct intake_outcome *out, const struct intake_line *lines,
    size_t nlines, char **errp)
{
	struct pg_store	*ps = pg_of(s);
	struct strbuf	 codes[STORE_NCODES], a[4];
	const char	*p[12];
	char		 now[32], sc[16], si[16];
	size_t		 i;
	int		 k, rc;

	for (k = 0; k < STORE_NCODES; k++)
		strbuf_init(&codes[k]);
	for (k = 0; k < 4; k++)
		strbuf_init(&a[k]);
	for (i = 0; i < nlines; i++)
		store_codes_add(codes, lines[i].kind, lines[i].code != NULL ?
		    lines[i].code : "");
	pg_write_line_arrays(lines, nlines, a);
	pg_now(now, 0);
	snprintf(sc, sizeof(sc), "%d", out->score);
	snprintf(si, sizeof(si), "%d", out->score_internal);
	p[0] = intake;
	p[1] = now;
	p[2] = out->has_score ? sc : NULL;
	p[3] = out->band;
	for (k = 0; k < STORE_NCODES; k++)
		p[4 + k] = codes[k].s != NULL ? codes[k].s : "";
	p[7] = out->outcome;
	p[8] = out->recheck;
	p[9] = out->note != NULL && *out->note != '\0' ? out->note : NULL;
	p[10] = out->has_internal ? si : NULL;
	p[11] = out->lang;	/* NULL: as begun */
	if ((rc = pg_write_begin(ps, "cannot save the result", errp)) !=
	    STORE_OK)
		goto out;
	rc = pg_write_check_open(ps, intake, errp);
	if (rc == STORE_OK)
		rc = pg_run(ps, "UPDATE intakes SET status = 'completed', "
		    "updated_at = $2, completed_at = $2, score = $3::integer, "
		    "band = $4, stop_codes = $5, flag_codes = $6, "
		    "recommend_codes = $7, outcome = $8, recheck = $9, "
		    "outcome_note = $10, score_internal = $11::integer, "
		    "lang = coalesce($12, lang) WHERE id = $1", 12, p, NULL,
		    "cannot save the result", errp);
	if (rc == STORE_OK)
		rc = pg_run(ps, "DELETE FROM result_lines WHERE intake_id = $1",
		    1, p, NULL, "cannot save the result", errp);
	p[1] = a[0].s;
	p[2] = a[1].s;
	p[3] = a[2].s;
	p[4] = a[3].s;
	if (rc == STORE_OK)
		rc = pg_run(ps, "INSERT INTO result_lines(intake_id, seq, kind, "
		    "code, points, text) SELECT $1, o::integer, k, c, pt, tx "
		    "FROM unnest($2::text[], $3::text[], $4::integer[], "
		    "$5::text[]) WITH ORDINALITY AS t(k, c, pt, tx, o)", 5, p,
		    NULL, "cannot save the result", errp);
	rc = pg_write_end(ps, rc, "cannot save the result", errp);
out:
	for (k = 0; k < STORE_NCODES; k++)
		strbuf_done(&codes[k]);
	for (k = 0; k < 4; k++)
		strbuf_done(&a[k]);
	return rc;
}

/* Mark an intake abandoned. */
static int
pg_write_intake_abandon(struct store *s, const char *intake, char **errp)
{
	struct pg_store	*ps = pg_of(s);
	const char	*p[2];
	char		 now[32];
	int		 rc;

	pg_now(now, 0);
	p[0] = intake;
	p[1] = now;
	if ((rc = pg_write_begin(ps, "cannot update an intake", errp)) !=
	    STORE_OK)
		return rc;
	rc = pg_write_check_open(ps, intake, errp);
	if (rc == STORE_OK)
		rc = pg_run(ps, "UPDATE intakes SET status = 'abandoned', "
		    "updated_at = $2 WHERE id = $1", 2, p, NULL,
		    "cannot update an intake", errp);
	return pg_write_end(ps, rc, "cannot update an intake", errp);
}

/* Append one audit row (joining a transaction already open). */
static int
pg_write_audit(struct store *s, const char *actor, const char *action,
    const char *detail, char **errp)
{
	const char	*p[4];
	char		 now[32];

	pg_now(now, 0);
	p[0] = now;
	p[1] = actor;
	p[2] = action;
	p[3] = detail != NULL ? detail : "";
	return pg_run(pg_of(s), "INSERT INTO audit(at, actor, action, detail) "
	    "VALUES ($1, $2, $3, $4)", 4, p, NULL, "cannot write the audit "
	    "log", errp);
}

/* The answers of in as three text[] literals into a[0..2]. */
static void
pg_write_answer_arrays(const struct query_intake *in, struct strbuf a[3])
{
	const char	**v = xreallocarray(NULL, in->nanswers + 1,
			    3 * sizeof(*v));
	size_t		  i, n = in->nanswers;

	for (i = 0; i < n; i++) {
		v[i] = in->answers[i].question;
		v[n + i] = in->answers[i].value;
		v[2 * n + i] = in->answers[i].answered_at;
	}
	pg_array(&a[0], v, n, 1);
	pg_array(&a[1], v + n, n, 1);
	pg_array(&a[2], v + 2 * n, n, 1);
	free(v);
}

/* One whole intake through smp_put_intake; *result its answer. */
int
pg_write_put(struct pg_store *ps, const struct query_intake *in,
    const struct store_put_form *form, const char *clinic, int *result,
    char **errp)
{
	struct strbuf	 a[7];
	const char	*p[30];
	char		 ver[16], sc[16], si[16];
	PGresult	*res;
	int		 k, rc;

	for (k = 0; k < 7; k++)
		strbuf_init(&a[k]);
	pg_write_answer_arrays(in, a);
	pg_write_line_arrays(in->lines, in->nlines, a + 3);
	snprintf(ver, sizeof(ver), "%d", form->version);
	snprintf(sc, sizeof(sc), "%d", in->score);
	p[0] = in->id;
	p[1] = in->form_hash;
	p[2] = form->form_id;
	p[3] = ver;
	p[4] = form->source;
	p[5] = form->added_at;
	p[6] = in->kiosk_id;
	p[7] = clinic;
	p[8] = in->lang;
	p[9] = in->source;
	p[10] = in->status;
	p[11] = in->started_at;
	p[12] = in->updated_at;
	p[13] = in->completed_at;
	p[14] = in->has_score ? sc : NULL;
	p[15] = in->band;
	for (k = 0; k < STORE_NCODES; k++)
		p[16 + k] = in->codes[k];
	snprintf(si, sizeof(si), "%d", in->score_internal);
	p[19] = in->outcome;
	p[20] = in->recheck;
	p[21] = in->outcome_note;
	p[22] = in->has_internal ? si : NULL;
	for (k = 0; k < 7; k++)
		p[23 + k] = a[k].s;
	rc = pg_run(ps, "SELECT smp_put_intake($1, $2, $3, $4::integer, $5, "
	    "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15::integer, $16, $17, "
	    "$18, $19, $20, $21, $22, $23::integer, $24::text[], $25::text[], "
	    "$26::text[], $27::text[], $28::text[], $29::integer[], "
	    "$30::text[])", 30, p, &res,
	    "cannot send an intake", errp);
	if (rc == STORE_OK) {
		*result = atoi(PQgetvalue(res, 0, 0));
		PQclear(res);
	}
	for (k = 0; k < 7; k++)
		strbuf_done(&a[k]);
	return rc;
}

/* The whole-intake put op: one transaction of its own. */
static int
pg_write_intake_put(struct store *s, const struct query_intake *in,
    const struct store_put_form *form, const char *clinic, int *result,
    char **errp)
{
	return pg_write_put(pg_of(s), in, form, clinic, result, errp);
}

/* The write ops of the PostgreSQL backend (backend.h). */
const struct store_write_ops pg_write_ops = {
	.form_put = pg_write_form_put,
	.intake_begin = pg_write_intake_begin,
	.answer_put = pg_write_answer_put,
	.intake_complete = pg_write_intake_complete,
	.intake_abandon = pg_write_intake_abandon,
	.audit = pg_write_audit,
	.intake_put = pg_write_intake_put
};
