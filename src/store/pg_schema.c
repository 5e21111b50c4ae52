/*
 * pg_schema.c: the PostgreSQL backend's schema: a version table
 * (smp_schema), creation in an empty database and migrations, each
 * appended to migrations[] and never edited once released.
 *
 * The tables are SQLite's schema 3 (sqlite.h: with the outcome columns)
 * with every text column COLLATE "C"
 * (rows sort byte for byte as in SQLite, so outputs match), plus:
 *
 *   intakes.clinic   the clinic name the sending kiosk's config gives
 *   erased(id, erased_at, actor)   tombstones: an intake erased here is
 *                    never brought back by a late resend or a merge
 *   smp_put_intake(...)   one whole intake, idempotent by its id; the
 *                    only thing a kiosk's role may run (SECURITY DEFINER)
 *   kiosk_roles(role, kiosk_id, clinic)   (schema 2) which kiosk ids a
 *                    kiosk's login role may send intakes as
 *
 * Roles named smp_kiosk and smp_staff, if they exist when the schema is
 * created, get their grants here (docs/server.md): the kiosk may read the
 * version and run smp_put_intake, nothing else; staff may read and change
 * every table.
 */
#include <stdlib.h>
#include <string.h>

#include "base/defs.h"
#include "pg.h"
#include "pg_schema.h"

/* Schema 1: the tables, ... */
static const char schema_v1_tables[] =
	"CREATE TABLE smp_schema(version integer NOT NULL);\n"
	"INSERT INTO smp_schema VALUES (0);\n"
	"CREATE TABLE forms(hash text COLLATE \"C\" PRIMARY KEY,\n"
	" form_id text COLLATE \"C\" NOT NULL, version integer NOT NULL,\n"
	" source text COLLATE \"C\" NOT NULL,\n"
	" added_at text COLLATE \"C\" NOT NULL);\n"
	"CREATE TABLE intakes(id text COLLATE \"C\" PRIMARY KEY,\n"
	" form_hash text COLLATE \"C\" NOT NULL REFERENCES forms(hash),\n"
	" kiosk_id text COLLATE \"C\" NOT NULL,\n"
	" clinic text COLLATE \"C\" NOT NULL DEFAULT '',\n"
	" lang text COLLATE \"C\" NOT NULL,\n"
	" source text COLLATE \"C\" NOT NULL\n"
	"  CHECK (source IN ('kiosk','paper')),\n"
	" status text COLLATE \"C\" NOT NULL\n"
	"  CHECK (status IN ('in_progress','completed','abandoned')),\n"
	" started_at text COLLATE \"C\" NOT NULL,\n"
	" updated_at text COLLATE \"C\" NOT NULL,\n"
	" completed_at text COLLATE \"C\", score integer,\n"
	" band text COLLATE \"C\", stop_codes text COLLATE \"C\",\n"
	" flag_codes text COLLATE \"C\", recommend_codes text COLLATE \"C\",\n"
	" outcome text COLLATE \"C\", recheck text COLLATE \"C\",\n"
	" outcome_note text COLLATE \"C\", score_internal integer);\n"
	"CREATE INDEX intakes_started ON intakes(started_at, id);\n"
	"CREATE INDEX intakes_status ON intakes(status);\n"
	"CREATE TABLE answers(intake_id text COLLATE \"C\" NOT NULL\n"
	"  REFERENCES intakes(id) ON DELETE CASCADE,\n"
	" question text COLLATE \"C\" NOT NULL,\n"
	" value text COLLATE \"C\" NOT NULL,\n"
	" answered_at text COLLATE \"C\" NOT NULL,\n"
	" PRIMARY KEY (intake_id, question));\n"
	"CREATE TABLE result_lines(intake_id text COLLATE \"C\" NOT NULL\n"
	"  REFERENCES intakes(id) ON DELETE CASCADE,\n"
	" seq integer NOT NULL, kind text COLLATE \"C\" NOT NULL,\n"
	" code text COLLATE \"C\" NOT NULL,\n"
	" points integer NOT NULL DEFAULT 0, text text COLLATE \"C\" NOT NULL,\n"
	" PRIMARY KEY (intake_id, seq));\n"
	"CREATE TABLE audit(seq bigserial PRIMARY KEY,\n"
	" at text COLLATE \"C\" NOT NULL, actor text COLLATE \"C\" NOT NULL,\n"
	" action text COLLATE \"C\" NOT NULL,\n"
	" detail text COLLATE \"C\" NOT NULL);\n"
	"CREATE TABLE erased(id text COLLATE \"C\" PRIMARY KEY,\n"
	" erased_at text COLLATE \"C\" NOT NULL,\n"
	" actor text COLLATE \"C\" NOT NULL);\n";

/* ... the put function ... */
static const char schema_v1_put[] =
	/*
	 * One whole intake, idempotent by id: 1 added, 0 already here, 2
	 * erased here (a tombstone: nothing written); +4 when its form
	 * version was new.  The advisory lock on the id orders it against
	 * an erase of the same id, which takes the same lock.
	 */
	"CREATE FUNCTION smp_put_intake(p_id text, p_form_hash text,\n"
	" p_form_id text, p_form_version integer, p_form_source text,\n"
	" p_form_added text, p_kiosk_id text, p_clinic text, p_lang text,\n"
	" p_source text, p_status text, p_started_at text,\n"
	" p_updated_at text, p_completed_at text, p_score integer,\n"
	" p_band text, p_stop text, p_flag text, p_recommend text,\n"
	" p_outcome text, p_recheck text, p_outcome_note text,\n"
	" p_score_internal integer,\n"
	" p_questions text[], p_values text[], p_answered text[],\n"
	" p_kinds text[], p_codes text[], p_points integer[],\n"
	" p_texts text[]) RETURNS integer LANGUAGE plpgsql\n"
	" SECURITY DEFINER AS $f$\n"
	"DECLARE r integer := 0; n integer;\n"
	"BEGIN\n"
	" PERFORM pg_advisory_xact_lock(hashtext(p_id));\n"
	" IF EXISTS (SELECT 1 FROM erased WHERE id = p_id) THEN\n"
	"  RETURN 2;\n"
	" END IF;\n"
	" INSERT INTO forms(hash, form_id, version, source, added_at)\n"
	"  VALUES (p_form_hash, p_form_id, p_form_version, p_form_source,\n"
	"  coalesce(p_form_added, to_char(now() AT TIME ZONE 'UTC',\n"
	"  'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')))\n"
	"  ON CONFLICT (hash) DO NOTHING;\n"
	" GET DIAGNOSTICS n = ROW_COUNT;\n"
	" IF n > 0 THEN r := 4; END IF;\n"
	" INSERT INTO intakes(id, form_hash, kiosk_id, clinic, lang, source,\n"
	"  status, started_at, updated_at, completed_at, score, band,\n"
	"  stop_codes, flag_codes, recommend_codes, outcome, recheck,\n"
	"  outcome_note, score_internal)\n"
	"  VALUES (p_id, p_form_hash, p_kiosk_id, coalesce(p_clinic, ''),\n"
	"  p_lang, p_source, p_status, p_started_at, p_updated_at,\n"
	"  p_completed_at, p_score, p_band, p_stop, p_flag, p_recommend,\n"
	"  p_outcome, p_recheck, p_outcome_note, p_score_internal)\n"
	"  ON CONFLICT (id) DO NOTHING;\n"
	" GET DIAGNOSTICS n = ROW_COUNT;\n"
	" IF n = 0 THEN RETURN r; END IF;\n"
	" INSERT INTO answers(intake_id, question, value, answered_at)\n"
	"  SELECT p_id, q, v, a FROM unnest(p_questions, p_values,\n"
	"  p_answered) AS t(q, v, a);\n"
	" INSERT INTO result_lines(intake_id, seq, kind, code, points, text)\n"
	"  SELECT p_id, o::integer, k, c, pt, tx FROM unnest(p_kinds,\n"
	"  p_codes, p_points, p_texts) WITH ORDINALITY AS t(k, c, pt, tx, o);\n"
	" RETURN r + 1;\n"
	"END $f$;\n";

/* ... and the grants. */
static const char schema_v1_grants[] =
	"REVOKE ALL ON FUNCTION smp_put_intake FROM PUBLIC;\n"
	/*
	 * pg_temp last, by name: else a caller's temporary table named
	 * "erased" or "intakes" would be found first inside this
	 * SECURITY DEFINER function (and hide a tombstone).
	 */
	"DO $p$ BEGIN EXECUTE format('ALTER FUNCTION smp_put_intake "
	"SET search_path = %I, pg_temp', current_schema()); END $p$;\n"
	"DO $g$ BEGIN\n"
	" IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'smp_kiosk')\n"
	" THEN\n"
	"  GRANT SELECT ON smp_schema TO smp_kiosk;\n"
	"  GRANT EXECUTE ON FUNCTION smp_put_intake TO smp_kiosk;\n"
	" END IF;\n"
	" IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'smp_staff')\n"
	" THEN\n"
	"  GRANT SELECT ON smp_schema TO smp_staff;\n"
	"  GRANT SELECT, INSERT, UPDATE, DELETE ON forms, intakes, answers,\n"
	"   result_lines, audit, erased TO smp_staff;\n"
	"  GRANT USAGE ON SEQUENCE audit_seq_seq TO smp_staff;\n"
	"  GRANT EXECUTE ON FUNCTION smp_put_intake TO smp_staff;\n"
	" END IF;\n"
	"END $g$;\n";

static const char *const schema_v1[] = {
	schema_v1_tables, schema_v1_put, schema_v1_grants, NULL
};

/*
 * Schema 2: each kiosk's login role bound to the kiosk ids it may send
 * as (kiosk_roles, filled by the owner), so one kiosk's credentials
 * cannot put intakes in another kiosk's name.  A trigger on intakes
 * holds every insert to it: a login (session_user) that may insert into
 * intakes anyway (staff, the owner: merge) is let through; any other (a
 * kiosk's, through smp_put_intake) must be bound to the intake's kiosk
 * id, and to its clinic when the binding names one.  The refusal is
 * insufficient_privilege with a message that says what to bind, and it
 * rolls back the whole put.
 */
static const char schema_v2_table[] =
	"CREATE TABLE kiosk_roles(role text COLLATE \"C\" NOT NULL,\n"
	" kiosk_id text COLLATE \"C\" NOT NULL,\n"
	" clinic text COLLATE \"C\",\n"
	" PRIMARY KEY (role, kiosk_id));\n"
	"CREATE FUNCTION smp_kiosk_bound() RETURNS trigger\n"
	" LANGUAGE plpgsql SECURITY DEFINER AS $f$\n"
	"DECLARE bound text;\n"
	"BEGIN\n"
	" IF has_table_privilege(session_user, 'intakes', 'INSERT') THEN\n"
	"  RETURN NEW;\n"
	" END IF;\n"
	" SELECT clinic INTO bound FROM kiosk_roles\n"
	"  WHERE role = session_user AND kiosk_id = NEW.kiosk_id;\n"
	" IF NOT FOUND THEN\n"
	"  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',\n"
	"   MESSAGE = format('role %s may not send intakes of kiosk %s',\n"
	"   session_user, NEW.kiosk_id), HINT = format('the owner binds it:"
	" INSERT INTO kiosk_roles(role, kiosk_id) VALUES (%L, %L)',\n"
	"   session_user, NEW.kiosk_id);\n"
	" END IF;\n"
	" IF bound IS NOT NULL AND bound <> NEW.clinic THEN\n"
	"  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',\n"
	"   MESSAGE = format('role %s may send kiosk %s only for clinic %s,"
	" not %s', session_user, NEW.kiosk_id, bound, NEW.clinic);\n"
	" END IF;\n"
	" RETURN NEW;\n"
	"END $f$;\n"
	"REVOKE ALL ON FUNCTION smp_kiosk_bound FROM PUBLIC;\n"
	"DO $p$ BEGIN EXECUTE format('ALTER FUNCTION smp_kiosk_bound "
	"SET search_path = %I, pg_temp', current_schema()); END $p$;\n"
	"CREATE TRIGGER intakes_kiosk_bound BEFORE INSERT ON intakes\n"
	" FOR EACH ROW EXECUTE FUNCTION smp_kiosk_bound();\n";

static const char schema_v2_grants[] =
	"DO $g$ BEGIN\n"
	" IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'smp_staff')\n"
	" THEN\n"
	"  GRANT SELECT ON kiosk_roles TO smp_staff;\n"
	" END IF;\n"
	"END $g$;\n";

static const char *const schema_v2[] = {
	schema_v2_table, schema_v2_grants, NULL
};

/* migrations[v] takes the schema from version v to v + 1: its SQL texts
   in order. */
static const char *const *const migrations[PG_SCHEMA_VERSION] = {
	schema_v1, schema_v2
};

/* The version now in the database into *v; -1 if smp_schema is missing,
   -2 if it is missing but other tables of ours are there. */
static int
pg_schema_version(struct pg_store *ps, int *v, char **errp)
{
	PGresult	*res;
	int		 rc;

	if ((rc = pg_run(ps, "SELECT to_regclass('smp_schema') IS NOT NULL,"
	    " to_regclass('intakes') IS NOT NULL", 0, NULL, &res,
	    "cannot read the schema version", errp)) != STORE_OK)
		return rc;
	if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
		*v = strcmp(PQgetvalue(res, 0, 1), "t") == 0 ? -2 : -1;
		PQclear(res);
		return STORE_OK;
	}
	PQclear(res);
	if ((rc = pg_run(ps, "SELECT max(version) FROM smp_schema", 0, NULL,
	    &res, "cannot read the schema version", errp)) != STORE_OK)
		return rc;
	*v = PQgetisnull(res, 0, 0) ? 0 : atoi(PQgetvalue(res, 0, 0));
	PQclear(res);
	return STORE_OK;
}

/* Check a version against ours: STORE_OK, STORE_NEWER or
   STORE_CORRUPT. */
static int
pg_schema_judge(struct pg_store *ps, int v, char **errp)
{
	if (v == -2)
		return store_err(STORE_CORRUPT, errp, "%s: %s: the database "
		    "has an intakes table but no smp_schema version: another "
		    "program's database", ps->shown, store_cause(
		    STORE_CORRUPT));
	if (v > PG_SCHEMA_VERSION)
		return store_err(STORE_NEWER, errp, "%s: written by a newer "
		    "smp-intake (server schema %d, this one knows %d): "
		    "update this smp-intake", ps->shown, v,
		    PG_SCHEMA_VERSION);
	return STORE_OK;
}

/* Migrate from *v to ours inside the caller's transaction. */
static int
pg_schema_migrate(struct pg_store *ps, int v, char **errp)
{
	const char	*p[1];
	char		 num[16];
	size_t		 i;
	int		 rc = STORE_OK;

	if (v < 0)
		v = 0;
	for (; v < PG_SCHEMA_VERSION && rc == STORE_OK; v++)
		for (i = 0; migrations[v][i] != NULL && rc == STORE_OK; i++) {
			/* Constant SQL, several statements: no values. */
			PGresult *res = PQexec(ps->conn, migrations[v][i]);

			if (PQresultStatus(res) != PGRES_COMMAND_OK)
				rc = pg_fail(ps, res, v == 0 ? "cannot create "
				    "the schema (does this role own the "
				    "database? see docs/server.md)" :
				    "cannot upgrade the schema", errp);
			PQclear(res);
		}
	if (rc != STORE_OK)
		return rc;
	snprintf(num, sizeof(num), "%d", PG_SCHEMA_VERSION);
	p[0] = num;
	return pg_run(ps, "UPDATE smp_schema SET version = $1::integer", 1, p,
	    NULL, "cannot upgrade the schema", errp);
}

/* Create, migrate or refuse the schema, as pg_schema.h says. */
int
pg_schema_ensure(struct pg_store *ps, char **errp)
{
	int	rc, v;

	if ((rc = pg_schema_version(ps, &v, errp)) != STORE_OK ||
	    (rc = pg_schema_judge(ps, v, errp)) != STORE_OK ||
	    v == PG_SCHEMA_VERSION)
		return rc;
	/* Again under a lock: two smp-intakes opening an empty database
	   at once create it once. */
	if ((rc = pg_run(ps, "BEGIN", 0, NULL, NULL, "cannot create the "
	    "schema", errp)) != STORE_OK)
		return rc;
	rc = pg_run(ps, "SELECT pg_advisory_xact_lock(7341982)", 0, NULL,
	    NULL, "cannot create the schema", errp);
	if (rc == STORE_OK)
		rc = pg_schema_version(ps, &v, errp);
	if (rc == STORE_OK)
		rc = pg_schema_judge(ps, v, errp);
	if (rc == STORE_OK && v < PG_SCHEMA_VERSION)
		rc = pg_schema_migrate(ps, v, errp);
	if (rc == STORE_OK)
		rc = pg_run(ps, "COMMIT", 0, NULL, NULL, "cannot create the "
		    "schema", errp);
	if (rc != STORE_OK)
		pg_rollback(ps);
	return rc;
}

