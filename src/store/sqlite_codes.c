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
#include <string.h>

#include "base/strbuf.h"
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
