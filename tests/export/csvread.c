/*
 * csvread.c: a tiny CSV reader on libcsv, for the export suite: reads CSV
 * on stdin (strict, no space trimming) and writes each record as one line
 * of fields "LEN:BYTES", so a script can compare it byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>

#include <csv.h>

/* libcsv field callback: print the field with its length. */
static void
on_field(void *s, size_t len, void *data)
{
	(void)data;
	printf("%zu:", len);
	fwrite(s, 1, len, stdout);
}

/* libcsv record callback: end the line. */
static void
on_record(int c, void *data)
{
	(void)c;
	(void)data;
	putchar('\n');
}

/* No character is a space to trim. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

int
main(void)
{
	struct csv_parser	p;
	char			buf[65536];
	size_t			n;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return 1;
	csv_set_space_func(&p, no_space);
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_record, NULL) != n) {
			fprintf(stderr, "csvread: %s\n",
			    csv_strerror(csv_error(&p)));
			return 1;
		}
	if (csv_fini(&p, on_field, on_record, NULL) != 0) {
		fprintf(stderr, "csvread: %s\n", csv_strerror(csv_error(&p)));
		return 1;
	}
	csv_free(&p);
	return 0;
}
