/*
 * sqlite_codes.h: deriving intakes' codes columns (schema 2) from their
 * result lines, inside the caller's transaction (sqlite_codes.c).
 */
#ifndef SMP_STORE_SQLITE_CODES_H
#define SMP_STORE_SQLITE_CODES_H

struct sqlite_store;

/* Every completed intake (the 1 -> 2 upgrade); a store_rc. */
int	sqlite_codes_fill_all(struct sqlite_store *ss, char **errp);
/* The completed intakes a merge is adding, listed in temp.merge_new. */
int	sqlite_codes_fill_merged(struct sqlite_store *ss, char **errp);
/*
 * The outcome columns (schema 3) of completed intakes that have none,
 * derived from their stop codes: every one (the 2 -> 3 upgrade), or
 * those a merge is adding (taken as they are from a file that has them).
 */
int	sqlite_codes_outcome_all(struct sqlite_store *ss, char **errp);
int	sqlite_codes_outcome_merged(struct sqlite_store *ss, char **errp);

#endif
