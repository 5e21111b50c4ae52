/* test_pg_copy.c: the parser of COPY's binary format that the server
   streams are read with (src/store/pg_copy.c), on messages built here:
   what a server sends, and what none should (a broken or hostile one),
   which is refused without reading past the message. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/strbuf.h"
#include "store/pg_copy.h"

/* The stream's header: signature, flags, no extension. */
static void
put_header(struct strbuf *sb)
{
	strbuf_add(sb, "PGCOPY\n\377\r\n\0", 11);
	strbuf_add(sb, "\0\0\0\0\0\0\0\0", 8);
}

static void
put16(struct strbuf *sb, int v)
{
	strbuf_addc(sb, (char)((unsigned)v >> 8 & 0xff));
	strbuf_addc(sb, (char)((unsigned)v & 0xff));
}

static void
put32(struct strbuf *sb, int32_t v)
{
	uint32_t	u = (uint32_t)v;

	strbuf_addc(sb, (char)(u >> 24 & 0xff));
	strbuf_addc(sb, (char)(u >> 16 & 0xff));
	strbuf_addc(sb, (char)(u >> 8 & 0xff));
	strbuf_addc(sb, (char)(u & 0xff));
}

/* A field of len bytes at s (NULL: SQL NULL). */
static void
put_field(struct strbuf *sb, const char *s, size_t len)
{
	if (s == NULL) {
		put32(sb, -1);
		return;
	}
	put32(sb, (int32_t)len);
	strbuf_add(sb, s, len);
}

/* Point c at a copy of sb's bytes (exactly their length, so a read past
   them is one AddressSanitizer sees). */
static void
message(struct pg_copy *c, const struct strbuf *sb)
{
	free(c->line);
	c->line = malloc(sb->len > 0 ? sb->len : 1);
	assert_non_null(c->line);
	memcpy(c->line, sb->s, sb->len);
	c->size = sb->len;
	c->pos = 0;
}

static void
test_rows(void **state)
{
	struct pg_copy	 c;
	struct strbuf	 sb;
	const char	*why;
	static const char tricky[] = "a\tb\\N\n\0c\\";

	(void)state;
	memset(&c, 0, sizeof(c));
	strbuf_init(&sb);
	/* The first message: the header and a row. */
	put_header(&sb);
	put16(&sb, 3);
	put_field(&sb, "id-1", 4);
	put_field(&sb, NULL, 0);
	put_field(&sb, tricky, sizeof(tricky) - 1);
	message(&c, &sb);
	assert_int_equal(pg_copy_parse(&c, &why), 1);
	assert_int_equal(c.nfields, 3);
	assert_int_equal(c.len[0], 4);
	assert_memory_equal(c.field[0], "id-1", 4);
	assert_null(c.field[1]);
	/* Bytes come as they are: no escapes, NUL and all. */
	assert_int_equal(c.len[2], sizeof(tricky) - 1);
	assert_memory_equal(c.field[2], tricky, sizeof(tricky) - 1);
	assert_int_equal(c.pos, c.size);
	/* Two rows in one message, then the trailer in another. */
	strbuf_reset(&sb);
	put16(&sb, 1);
	put_field(&sb, "", 0);
	put16(&sb, 2);
	put_field(&sb, "\0\0\0\7", 4);
	put_field(&sb, "x", 1);
	message(&c, &sb);
	assert_int_equal(pg_copy_parse(&c, &why), 1);
	assert_int_equal(c.len[0], 0);
	assert_non_null(c.field[0]);
	assert_int_equal(pg_copy_parse(&c, &why), 1);
	assert_int_equal(pg_copy_int(&c, 0), 7);
	assert_int_equal(pg_copy_int(&c, 1), 0);	/* not an int4 */
	assert_int_equal(pg_copy_int(&c, 2), 0);	/* no such column */
	strbuf_reset(&sb);
	put16(&sb, -1);
	message(&c, &sb);
	assert_int_equal(pg_copy_parse(&c, &why), 0);
	free(c.line);
	strbuf_done(&sb);
}

/* Every message here is refused with a reason, within its bytes. */
static void
test_refused(void **state)
{
	struct pg_copy	 c;
	struct strbuf	 sb;
	const char	*why;
	size_t		 cut, full;

	(void)state;
	memset(&c, 0, sizeof(c));
	strbuf_init(&sb);
	/* No header. */
	put16(&sb, 1);
	put_field(&sb, "x", 1);
	message(&c, &sb);
	assert_int_equal(pg_copy_parse(&c, &why), -1);
	assert_string_equal(why, "a stream without its header");
	/* A header extension longer than the message. */
	strbuf_reset(&sb);
	strbuf_add(&sb, "PGCOPY\n\377\r\n\0", 11);
	put32(&sb, 0);
	put32(&sb, 1000);
	message(&c, &sb);
	assert_int_equal(pg_copy_parse(&c, &why), -1);
	/* Too many columns, a negative count, a negative length. */
	c.header = true;
	strbuf_reset(&sb);
	put16(&sb, PG_COPY_MAXCOLS + 1);
	message(&c, &sb);
	assert_int_equal(pg_copy_parse(&c, &why), -1);
	assert_string_equal(why, "a row with too many columns");
	strbuf_reset(&sb);
	put16(&sb, -2);
	message(&c, &sb);
	assert_int_equal(pg_copy_parse(&c, &why), -1);
	strbuf_reset(&sb);
	put16(&sb, 1);
	put32(&sb, -5);
	message(&c, &sb);
	assert_int_equal(pg_copy_parse(&c, &why), -1);
	/* A field longer than what is left. */
	strbuf_reset(&sb);
	put16(&sb, 1);
	put32(&sb, INT32_MAX);
	strbuf_add(&sb, "abc", 3);
	message(&c, &sb);
	assert_int_equal(pg_copy_parse(&c, &why), -1);
	/* A good row cut short anywhere. */
	strbuf_reset(&sb);
	put16(&sb, 2);
	put_field(&sb, "hello", 5);
	put_field(&sb, "world!", 6);
	full = sb.len;
	for (cut = 0; cut < full; cut++) {
		sb.len = cut;
		message(&c, &sb);
		assert_int_equal(pg_copy_parse(&c, &why), -1);
		assert_string_equal(why, "a row without its end");
	}
	sb.len = full;
	message(&c, &sb);
	assert_int_equal(pg_copy_parse(&c, &why), 1);
	free(c.line);
	strbuf_done(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
