/*
 * smp_export.h: intakes as CSV (RFC 4180, CRLF line ends), through
 * libcsv's writer.  This module is the only one that includes <csv.h>.
 * The columns, the union of form versions, the neutralisation of formula
 * cells and --bom are described in docs/export.md.
 *
 * Streaming: one pass over a query cursor inside one read transaction (a
 * consistent snapshot while kiosks keep writing); each row is built in
 * reusable buffers, so memory does not grow with the number of intakes.
 * Every export is written to the audit log (format, rows, options; never
 * personal data).
 *
 * Errors: a negative code (enum store_rc or EXPORT_*) and an allocated
 * message in *errp (caller frees); export_exit_status() maps a code to a
 * sysexits status.  Nothing is printed.
 */
#ifndef SMP_EXPORT_H
#define SMP_EXPORT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/strbuf.h"
#include "store/query.h"

enum export_format {
	EXPORT_WIDE,	/* one row per intake, one column per question */
	EXPORT_LONG	/* one row per answer */
};

enum export_rc {
	EXPORT_CANTCREAT = -20,	/* output file cannot be created (73) */
	EXPORT_IOERR = -21,	/* writing failed, e.g. disk full (74) */
	EXPORT_FORM = -22,	/* a stored form cannot be read (65) */
	EXPORT_STOPPED = -23	/* *stop was set (a signal): nothing kept */
};

/* What export_to_path does when a file is already at the path.  A
   database (any SQLite file, the open one first) is never replaced. */
enum export_exists {
	EXPORT_REFUSE = 0,	/* refuse (EXPORT_CANTCREAT): the default */
	EXPORT_REPLACE,		/* replace it (--force) */
	EXPORT_FRESH		/* keep it; write "name-1.csv" (-2, ...) */
};

struct export_opts {
	enum export_format format;
	bool		 labels;	/* option labels instead of codes */
	const char	*lang;		/* labels' language; NULL: each
					   form's first */
	bool		 deidentify;	/* drop identifier questions */
	bool		 bom;		/* start with a UTF-8 BOM (Excel) */
	struct query_filter filter;	/* which intakes */
	const char	*actor;		/* audit actor; NULL: "cli" */
	enum export_exists exists;	/* export_to_path: a file at path */
	/* Checked between rows: non-zero (a signal handler set it) stops
	   the export with EXPORT_STOPPED, and export_to_path removes its
	   temporary file.  NULL: never. */
	const volatile sig_atomic_t *stop;
};

/*
 * Whether a cell of len bytes would be run as a formula by a spreadsheet:
 * it starts with = + - @ TAB or CR and is not a plain number
 * ([-+]?[0-9]+(.[0-9]+)?).
 */
bool	export_is_formula(const char *s, size_t len);
/*
 * Whether a spreadsheet would read a plain number cell as a number that
 * shows differently, losing what was typed: a leading + (a phone's +44),
 * a leading zero (0770..., 007), a trailing fraction zero (72.50), -0, or
 * more than 15 digits (past a double's precision).  Canonical answers
 * to number questions never are.
 */
bool	export_is_changed_number(const char *s, size_t len);
/*
 * Whether the export marks the cell with a leading ': a formula, a
 * changed number, a cell that already starts with ' (so a reader
 * removes exactly one from every cell that starts with '), or any other
 * text a spreadsheet would turn into a number, date, time, percentage,
 * currency amount, boolean or error value (export_cell_convertible,
 * report/export_cell.h): all but a plain number shown as written and a
 * time exactly as the store writes it.
 */
bool	export_needs_mark(const char *s, size_t len);
/*
 * Append one CSV cell to row: a leading ' if export_needs_mark, then the
 * text, quoted by libcsv (csv_write) when it holds , " CR or LF or
 * starts or ends with a space or tab.
 */
void	export_cell(struct strbuf *row, const char *s, size_t len);
/*
 * Append a date question's value (or label) to row: a date YYYY-MM-DD is
 * written as it is, so the spreadsheet reads it as the date it is (it
 * sorts and computes as a date); anything else as export_cell.
 */
void	export_date_cell(struct strbuf *row, const char *s, size_t len);

/*
 * Write the export to the stream fp; *rows (optional) counts data rows.
 * The audit entry is written first (rows=stream): if it cannot be, no
 * data goes out.
 */
int	export_write(struct store *s, const struct export_opts *o, FILE *fp,
	    long *rows, char **errp);
/*
 * Write the export atomically to path (file_atomic_*, base/file.h): a
 * temporary file (mode 0600) in the same directory, fsync, then put in
 * place.  On any error, EXPORT_STOPPED included, the temporary file is
 * removed and an existing file at path is untouched.  path must be
 * missing or a regular file; an existing one is refused, replaced or
 * kept as o->exists says, but a database never is replaced
 * (EXPORT_CANTCREAT).  *writtenp (optional) gets the path written
 * (another name with EXPORT_FRESH; caller frees).
 */
int	export_to_path(struct store *s, const struct export_opts *o,
	    const char *path, char **writtenp, long *rows, char **errp);
/* sysexits status for an export or store code. */
int	export_exit_status(int rc);

#endif
