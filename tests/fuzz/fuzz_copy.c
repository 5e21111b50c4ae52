/*
 * fuzz_copy.c: libFuzzer target for the parser of COPY's binary format
 * that the server's rows are read with (pg_copy_parse, src/store/
 * pg_copy.c): a server, or something that answers in its place, may
 * send anything.  The input is a run of messages, each a 16-bit
 * big-endian length and its bytes, as PQgetCopyData hands them over;
 * each message is copied into a buffer of exactly its size, so a read
 * past it is one AddressSanitizer reports, and every tuple parsed must
 * lie inside its message.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_copy.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pg_copy	 c;
	const char	*why;
	size_t		 at = 0, n;
	int		 i, rc;

	memset(&c, 0, sizeof(c));
	while (size - at >= 2) {
		n = (size_t)data[at] << 8 | data[at + 1];
		at += 2;
		if (n > size - at)
			n = size - at;
		if ((c.line = malloc(n > 0 ? n : 1)) == NULL)
			abort();
		memcpy(c.line, data + at, n);
		at += n;
		c.size = n;
		c.pos = 0;
		while (c.pos < c.size && (rc = pg_copy_parse(&c, &why)) == 1) {
			if (c.pos > c.size || c.nfields < 0 ||
			    c.nfields > PG_COPY_MAXCOLS)
				abort();
			for (i = 0; i < c.nfields; i++)
				if (c.field[i] != NULL && (c.field[i] <
				    c.line || c.field[i] + c.len[i] >
				    c.line + c.size))
					abort();
			(void)pg_copy_int(&c, 0);
		}
		free(c.line);
		c.line = NULL;
		if (c.pos < c.size)	/* refused, or the trailer: the end */
			break;
	}
	return 0;
}
