/*
 * sqlite_codes.c: the stop, flag and recommendation codes that schema 2
 * keeps on each completed intake's row (intakes.stop_codes, flag_codes,
 * recommend_codes), beside the full result lines.
 *
 * They are a copy, written in the same transaction as the lines, so a wide
 * export and the list need not read the result lines at all: at 100,000
 * intakes those are 3.8 million rows and the biggest table in the file.
 * The lines stay the record; these functions derive the codes from them
 * (joined by store_codes_add, as a completion does) when a database is
 * upgraded or intakes arrive by merge.
 */
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "base/diag.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#include "form/form.h"
#include "form/form_load.h"
#include "sqlite.h"
#include "sqlite_codes.h"

/* Write codes onto intake id with the prepared UPDATE st. */
static int
sqlite_codes_put(struct sqlite_store *ss, sqlite3_stmt *st, const char *id,
    struct strbuf codes[STORE_NCODES], char **errp)
{
	int	k, rc;

	for (k = 0; k < STORE_NCODES; k++)
		sqlite3_bind_text(st, k + 1, codes[k].s, (int)codes[k].len,
		    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, STORE_NCODES + 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return sqlite_fail(ss, rc, "cannot write result codes", errp);
	for (k = 0; k < STORE_NCODES; k++)
		strbuf_reset(&codes[k]);
	return STORE_OK;
}

/*
 * Inside the caller's transaction: give the completed intakes chosen by
 * clear_sql empty codes, then join the codes of the lines lines_sql
 * returns (intake_id, kind, code ordered by intake_id, seq) onto them.
 */
static int
sqlite_codes_fill(struct sqlite_store *ss, const char *clear_sql,
    const char *lines_sql, char **errp)
{
	struct strbuf	 codes[STORE_NCODES], id;
	sqlite3_stmt	*rd = NULL, *up = NULL;
	const char	*row;
	int		 k, rc;

	if ((rc = sqlite_exec(ss, clear_sql, "cannot write result codes",
	    errp)) != STORE_OK)
		return rc;
	rc = sqlite3_prepare_v2(ss->db, lines_sql, -1, &rd, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(ss->db, "UPDATE intakes SET "
		    "stop_codes = ?1, flag_codes = ?2, recommend_codes = ?3 "
		    "WHERE id = ?4", -1, &up, NULL);
	if (rc != SQLITE_OK) {
		rc = sqlite_fail(ss, rc, "cannot write result codes", errp);
		goto out;
	}
	for (k = 0; k < STORE_NCODES; k++)
		strbuf_init(&codes[k]);
	strbuf_init(&id);
	while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
		row = (const char *)sqlite3_column_text(rd, 0);
		if (id.len > 0 && strcmp(row, id.s) != 0 &&
		    (rc = sqlite_codes_put(ss, up, id.s, codes, errp)) !=
		    STORE_OK)
			break;
		strbuf_reset(&id);
		strbuf_adds(&id, row);
		store_codes_add(codes, (const char *)sqlite3_column_text(rd, 1),
		    (const char *)sqlite3_column_text(rd, 2));
	}
	if (rc == SQLITE_DONE)
		rc = id.len > 0 ? sqlite_codes_put(ss, up, id.s, codes, errp) :
		    STORE_OK;
	else if (rc != STORE_OK)
		rc = sqlite_fail(ss, rc, "cannot read result lines", errp);
	for (k = 0; k < STORE_NCODES; k++)
		strbuf_done(&codes[k]);
	strbuf_done(&id);
out:
	sqlite3_finalize(rd);
	sqlite3_finalize(up);
	return rc;
}

/* Every completed intake's codes (the 1 -> 2 upgrade). */
int
sqlite_codes_fill_all(struct sqlite_store *ss, char **errp)
{
	return sqlite_codes_fill(ss, "UPDATE intakes SET stop_codes = '', "
	    "flag_codes = '', recommend_codes = '' WHERE status = 'completed'",
	    "SELECT intake_id, kind, code FROM result_lines WHERE kind IN "
	    "('stop', 'flag', 'recommend') ORDER BY intake_id, seq", errp);
}

/* The codes of the intakes a merge is adding (temp.merge_new). */
int
sqlite_codes_fill_merged(struct sqlite_store *ss, char **errp)
{
	return sqlite_codes_fill(ss, "UPDATE intakes SET stop_codes = '', "
	    "flag_codes = '', recommend_codes = '' WHERE status = 'completed' "
	    "AND id IN (SELECT id FROM temp.merge_new)",
	    "SELECT intake_id, kind, code FROM result_lines WHERE kind IN "
	    "('stop', 'flag', 'recommend') AND intake_id IN (SELECT id FROM "
	    "temp.merge_new) ORDER BY intake_id, seq", errp);
}

/*
 * The stops of the consultation form as shipped before stops had kinds
 * (forms/smp-consultation.form version 1): the kind each stop has had
 * since, and what it waits for.  Intakes stored then know only the stop's
 * code; this table is the one place that says what it meant.  That form
 * asked "less than 6 months ago", not a date, so no re-check date can be
 * worked out for them: the practitioner decides it.
 */
static const struct {
	const char	*code;
	const char	*outcome;
	const char	*note;
} known_stops[] = {
	{ "under18", "not-offered", NULL },
	{ "pregnant", "deferred", "after breastfeeding has ended" },
	{ "scalp_active", "deferred", "once the skin is clear" },
	{ "scalp_wound", "deferred", "once fully healed" },
	{ "sunburn", "deferred", "once healed: at least 2 weeks with no "
	    "peeling" },
	{ "isotretinoin", "deferred", NULL },
	{ "chemo", "deferred", NULL },
	{ "transplant_recent", "deferred", NULL },
	{ "laser_recent", "deferred", NULL },
	{ "antibiotics", "deferred", "once the antibiotic course is finished "
	    "and the infection has cleared" },
	{ "pigment_allergy", "clearance", "practitioner assessment and a "
	    "patch test" },
	{ "keloid", "clearance", "a doctor's note" },
	{ "bleeding", "clearance", "a doctor's note" },
	{ "uncontrolled", "clearance", "a note from the GP that diabetes or "
	    "blood pressure is under control" },
};

#define DATE_UNKNOWN	"no date recorded (intake from before re-check " \
	"dates): the practitioner decides"

/* Rank of an outcome: band 0 < clearance < deferred < not-offered. */
static int
outcome_rank(const char *o)
{
	if (o == NULL)
		return 0;
	return strcmp(o, "clearance") == 0 ? 1 : strcmp(o, "deferred") == 0 ?
	    2 : strcmp(o, "not-offered") == 0 ? 3 : 0;
}

/* Append part to sb after "; " (once). */
static void
codes_note_add(struct strbuf *sb, const char *part)
{
	if (part == NULL || strstr(sb->s, part) != NULL)
		return;
	if (sb->len > 0)
		strbuf_adds(sb, "; ");
	strbuf_adds(sb, part);
}

/* The stored forms an upgrade has parsed, by hash. */
struct codes_forms {
	char		**hash;
	struct form	**f;		/* NULL: could not be parsed */
	size_t		  n;
};

/* The stored form with this hash, parsed once (NULL if it cannot be). */
static const struct form *
codes_form(struct sqlite_store *ss, struct codes_forms *cf, const char *h)
{
	struct diag	*d;
	char		*src = NULL, *err = NULL;
	size_t		 i, len = 0;

	if (h == NULL)
		return NULL;
	for (i = 0; i < cf->n; i++)
		if (strcmp(cf->hash[i], h) == 0)
			return cf->f[i];
	cf->hash = xreallocarray(cf->hash, cf->n + 1, sizeof(*cf->hash));
	cf->f = xreallocarray(cf->f, cf->n + 1, sizeof(*cf->f));
	cf->hash[cf->n] = xstrdup(h);
	cf->f[cf->n] = NULL;
	if (ss->base.read->form_source(&ss->base, h, &src, &len, &err) ==
	    STORE_OK) {
		d = diag_new("stored form", DIAG_DEFAULT_LIMIT);
		cf->f[cf->n] = form_load_text("stored form", src, len, NULL,
		    FORM_NO_ART | FORM_STORED, d);
		diag_free(d);
	}
	free(src);
	free(err);
	return cf->f[cf->n++];
}

/* The stop rule code of f, if f gives it a kind. */
static const struct form_rule *
codes_kind_rule(const struct form *f, const char *code, size_t len)
{
	size_t	i;

	for (i = 0; f != NULL && i < f->nrules; i++)
		if (f->rules[i].kind == RULE_STOP &&
		    f->rules[i].stop_kind != STOP_UNKNOWN &&
		    strlen(f->rules[i].id) == len &&
		    memcmp(f->rules[i].id, code, len) == 0)
			return &f->rules[i];
	return NULL;
}

/*
 * One intake's outcome from its stop codes.  Each stop's kind comes from
 * the intake's own stored form when that form gives it one; else from
 * the table of the shipped form's stops (for that form's intakes); any
 * other stop (a form written before kinds) is a deferral whose date the
 * practitioner decides: never a band.  No date can be worked out here
 * (the answers were scored by an older program), so a dated deferral
 * leaves it to the practitioner too.
 */
static const char *
outcome_derive(const struct form *f, const char *form_id, const char *codes,
    struct strbuf *note)
{
	static const char *const kinds[] = {
		"deferred", "clearance", "deferred", "not-offered"
	};
	const struct form_rule	*ru;
	const char		*best = NULL, *o, *n, *p;
	struct strbuf		 notes[4];
	size_t			 i, len;
	int			 k;

	for (k = 0; k < 4; k++)
		strbuf_init(&notes[k]);
	for (p = codes; p != NULL && *p != '\0'; p += len + (p[len] == ';')) {
		len = strcspn(p, ";");
		o = "deferred";
		n = DATE_UNKNOWN;
		if ((ru = codes_kind_rule(f, p, len)) != NULL) {
			o = kinds[ru->stop_kind];
			n = ru->stop_kind == STOP_CLEARANCE ? form_tr(&ru->needs,
			    0) : ru->stop_kind == STOP_DEFER && ru->recheck ==
			    NULL ? form_tr(&ru->until, 0) : ru->stop_kind ==
			    STOP_DEFER ? DATE_UNKNOWN : NULL;
			form_id = NULL;		/* the table is not asked */
		}
		for (i = 0; ru == NULL && form_id != NULL && strcmp(form_id,
		    "smp-consultation") == 0 && i < SMP_NELEM(known_stops); i++)
			if (strlen(known_stops[i].code) == len &&
			    memcmp(known_stops[i].code, p, len) == 0) {
				o = known_stops[i].outcome;
				n = known_stops[i].note != NULL ?
				    known_stops[i].note : strcmp(o,
				    "deferred") == 0 ? DATE_UNKNOWN : NULL;
				break;
			}
		codes_note_add(&notes[outcome_rank(o)], n);
		if (outcome_rank(o) > outcome_rank(best))
			best = o;
	}
	if (best != NULL)
		strbuf_adds(note, notes[outcome_rank(best)].s);
	for (k = 0; k < 4; k++)
		strbuf_done(&notes[k]);
	return best;
}

/* Fill the outcome of the completed intakes where_sql picks. */
static int
sqlite_codes_outcome(struct sqlite_store *ss, const char *where_sql,
    char **errp)
{
	sqlite3_stmt		*rd = NULL, *up = NULL;
	struct strbuf		 note, sql;
	struct codes_forms	 cf = { NULL, NULL, 0 };
	const struct form	*f;
	const char		*o, *band;
	size_t			 i;
	int			 rc;

	strbuf_init(&note);
	strbuf_init(&sql);
	strbuf_addf(&sql, "SELECT i.id, f.form_id, i.stop_codes, i.score, "
	    "i.band, i.form_hash FROM intakes i LEFT JOIN forms f ON f.hash = i.form_hash "
	    "WHERE i.status = 'completed' AND i.outcome IS NULL %s",
	    where_sql);
	rc = sqlite3_prepare_v2(ss->db, sql.s, -1, &rd, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(ss->db, "UPDATE intakes SET "
		    "outcome = ?2, outcome_note = ?3, score_internal = ?4, "
		    "score = ?5, band = ?6 WHERE id = ?1", -1, &up, NULL);
	if (rc != SQLITE_OK) {
		rc = sqlite_fail(ss, rc, "cannot derive outcomes", errp);
		goto out;
	}
	while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
		strbuf_reset(&note);
		f = sqlite3_column_bytes(rd, 2) > 0 ? codes_form(ss, &cf,
		    (const char *)sqlite3_column_text(rd, 5)) : NULL;
		o = outcome_derive(f, (const char *)sqlite3_column_text(rd, 1),
		    (const char *)sqlite3_column_text(rd, 2), &note);
		band = (const char *)sqlite3_column_text(rd, 4);
		sqlite3_bind_value(up, 1, sqlite3_column_value(rd, 0));
		if (o == NULL) {	/* no stop: the band is the outcome */
			sqlite3_bind_text(up, 2, band != NULL ? band :
			    "scored", -1, SQLITE_TRANSIENT);
			sqlite3_bind_null(up, 3);
			sqlite3_bind_null(up, 4);
			sqlite3_bind_value(up, 5, sqlite3_column_value(rd, 3));
			sqlite3_bind_value(up, 6, sqlite3_column_value(rd, 4));
		} else {		/* a stop: no score, no band to read */
			sqlite3_bind_text(up, 2, o, -1, SQLITE_STATIC);
			if (note.len > 0)
				sqlite3_bind_text(up, 3, note.s, -1,
				    SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(up, 3);
			if (strcmp(o, "clearance") == 0)
				sqlite3_bind_value(up, 4,
				    sqlite3_column_value(rd, 3));
			else
				sqlite3_bind_null(up, 4);
			sqlite3_bind_null(up, 5);
			sqlite3_bind_null(up, 6);
		}
		rc = sqlite3_step(up);
		sqlite3_reset(up);
		sqlite3_clear_bindings(up);
		if (rc != SQLITE_DONE) {
			rc = sqlite_fail(ss, rc, "cannot derive outcomes",
			    errp);
			goto out;
		}
	}
	rc = rc == SQLITE_DONE ? STORE_OK : sqlite_fail(ss, rc, "cannot read "
	    "intakes", errp);
out:
	sqlite3_finalize(rd);
	sqlite3_finalize(up);
	strbuf_done(&note);
	strbuf_done(&sql);
	for (i = 0; i < cf.n; i++) {
		free(cf.hash[i]);
		form_free(cf.f[i]);
	}
	free(cf.hash);
	free(cf.f);
	return rc;
}

/* Every completed intake's outcome (the 2 -> 3 upgrade). */
int
sqlite_codes_outcome_all(struct sqlite_store *ss, char **errp)
{
	return sqlite_codes_outcome(ss, "", errp);
}

/*
 * The outcome of the intakes a merge is adding: copied from a file that
 * has the columns (schema 3 on), derived from the codes otherwise.
 */
int
sqlite_codes_outcome_merged(struct sqlite_store *ss, char **errp)
{
	int	rc, has = 0;

	if ((rc = sqlite_count(ss, "SELECT count(*) FROM "
	    "pragma_table_info('intakes', 'other') WHERE name = 'outcome'",
	    NULL, &has, errp)) != STORE_OK)
		return rc;
	if (has > 0 && (rc = sqlite_exec(ss, "UPDATE main.intakes SET "
	    "(outcome, recheck, outcome_note, score_internal) = (SELECT "
	    "o.outcome, o.recheck, o.outcome_note, o.score_internal FROM "
	    "other.intakes o WHERE o.id = main.intakes.id) WHERE id IN "
	    "(SELECT id FROM temp.merge_new)", "cannot merge outcomes",
	    errp)) != STORE_OK)
		return rc;
	return sqlite_codes_outcome(ss, "AND i.id IN (SELECT id FROM "
	    "temp.merge_new)", errp);
}
