/* test_config.c: the kiosk's INI file: values, errors with lines, PIN. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "cmd/config.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"

static char dir[] = "/tmp/smp-config-XXXXXX";

/* Write text to dir/name and return the path (caller frees). */
static char *
write_file(const char *name, const char *text)
{
	char	*path = xasprintf("%s/%s", dir, name);
	FILE	*fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	/* As set-pin leaves it: a config holding a PIN hash must be
	   private (test_pin_private checks the refusal of one that is
	   not). */
	assert_int_equal(chmod(path, 0600), 0);
	return path;
}

static void
test_defaults_and_values(void **state)
{
	struct config	 c;
	char		*err = NULL, *path;

	(void)state;
	path = write_file("a.conf", "; comment\n[kiosk]\nclinic = Hair "
	    "Studio Ñ\nidle_timeout = 2\nidle_countdown = 20\ndemo = yes\n"
	    "end_screen = thanks\nkiosk_id = lobby-1\npictures = sixel\n"
	    "picture_dir = build/art\n");
	config_init(&c);
	assert_int_equal(c.idle_timeout, 180);
	assert_string_equal(c.pictures, "text");	/* the default */
	assert_null(c.picture_dir);
	assert_int_equal(config_load(&c, path, &err), 0);
	assert_string_equal(c.pictures, "sixel");
	assert_string_equal(c.picture_dir, "build/art");
	assert_string_equal(c.clinic, "Hair Studio Ñ");
	assert_int_equal(c.idle_timeout, 2);
	assert_int_equal(c.idle_countdown, 20);
	assert_int_equal(c.end_seconds, 10);
	assert_true(c.demo);
	assert_string_equal(c.end_screen, "thanks");
	assert_string_equal(c.kiosk_id, "lobby-1");
	assert_null(c.pin_hash);
	config_done(&c);
	free(path);
}

/* Time enough (issue 14): every limit can be lengthened (a day before
   the warning, an hour of countdown and of end screen); a countdown
   under 20 seconds loads only under the test override. */
static void
test_idle_limits(void **state)
{
	struct config	 c;
	char		*err = NULL, *path;

	(void)state;
	path = write_file("long.conf", "[kiosk]\nidle_timeout = 86400\n"
	    "idle_countdown = 3600\nend_seconds = 3600\n");
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 0);
	assert_int_equal(c.idle_timeout, 86400);
	assert_int_equal(c.idle_countdown, 3600);
	assert_int_equal(c.end_seconds, 3600);
	config_done(&c);
	free(path);
	path = write_file("short.conf", "[kiosk]\nidle_countdown = 2\n");
	setenv("SMP_TEST_SHORT_COUNTDOWN", "1", 1);
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 0);
	assert_int_equal(c.idle_countdown, 2);
	config_done(&c);
	setenv("SMP_TEST_SHORT_COUNTDOWN", "yes", 1);	/* only "1" */
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), -1);
	free(err);
	config_done(&c);
	unsetenv("SMP_TEST_SHORT_COUNTDOWN");
	free(path);
}

/* Load text and expect the error message exactly. */
static void
expect_error(const char *text, const char *want)
{
	struct config	 c;
	char		*err = NULL, *path, *full;

	path = write_file("bad.conf", text);
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), -1);
	full = xasprintf("%s:%s", path, want);
	assert_string_equal(err, full);
	free(full);
	free(err);
	free(path);
	config_done(&c);
}

/* A line libinih cannot hold is named itself, not the one after it; 197
   characters still load. */
static void
long_line(void)
{
	struct config	 c;
	struct strbuf	 sb;
	char		*err = NULL, *path;

	strbuf_init(&sb);
	strbuf_adds(&sb, "[kiosk]\nclinic = ");
	while (sb.len < 8 + 197)
		strbuf_addc(&sb, 'x');
	strbuf_adds(&sb, "\nkiosk_id = a\n");
	path = write_file("ok.conf", sb.s);
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 0);
	assert_int_equal(strlen(c.clinic), 197 - 9);
	config_done(&c);
	free(path);
	strbuf_reset(&sb);
	strbuf_adds(&sb, "[kiosk]\nclinic = ");
	while (sb.len < 8 + 198)
		strbuf_addc(&sb, 'x');
	strbuf_adds(&sb, "\nkiosk_id = a\n");
	expect_error(sb.s, "2: line too long (at most 197 characters)");
	/*
	 * config-fuzz-1 (found by tests/fuzz/fuzz_config): a last line
	 * without a line end had one more character allowed, so a file
	 * that loaded no longer did once set-pin had ended the line.  The
	 * limit is now the same; 197 characters load, before and after.
	 */
	strbuf_reset(&sb);
	strbuf_adds(&sb, "; ");
	while (sb.len < 198)
		strbuf_addc(&sb, 'x');
	expect_error(sb.s, "1: line too long (at most 197 characters)");
	sb.s[197] = '\0';	/* 197 characters, still no line end */
	path = write_file("last.conf", sb.s);
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 0);
	config_done(&c);
	assert_int_equal(config_write_pin_hash(path, "$argon2id$x", &err), 0);
	config_init(&c);
	if (config_load(&c, path, &err) != 0)
		fail_msg("after set-pin: %s", err);
	assert_string_equal(c.pin_hash, "$argon2id$x");
	config_done(&c);
	free(path);
	strbuf_done(&sb);
}

/* A directory or a device is an error, never an empty config. */
static void
not_text(void)
{
	struct config	 c;
	char		*err = NULL;

	config_init(&c);
	assert_int_equal(config_load(&c, dir, &err), -1);
	assert_non_null(strstr(err, "Is a directory"));
	free(err);
	err = NULL;
	assert_int_equal(config_load(&c, "/dev/zero", &err), -1);
	assert_non_null(strstr(err, "larger than"));
	free(err);
	config_done(&c);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("[kiosk]\nclinic = x\ncolour = red\n",
	    "3: unknown key 'colour' in [kiosk]");
	expect_error("[kiosk]\nidle_timeout = soon\n",
	    "2: idle_timeout: expected a whole number of seconds (1 or more)");
	expect_error("[kiosk]\nidle_timeout = 0\n",
	    "2: idle_timeout: expected a whole number of seconds (1 or more)");
	/* Time enough (issue 14, WCAG 2.2.1): the warning's countdown is
	   20 seconds at least, said with its line; only the documented
	   test override allows less. */
	assert_null(getenv("SMP_TEST_SHORT_COUNTDOWN"));
	expect_error("[kiosk]\nidle_timeout = 1\nidle_countdown = 19\n",
	    "3: idle_countdown: expected 20 seconds or more, so that a "
	    "client has time to read \"Are you still there?\" and press a "
	    "key (WCAG 2.2.1)");
	expect_error("[kiosk]\ndemo = maybe\n", "2: demo: expected yes or no");
	expect_error("[kiosk]\npictures = photos\n", "2: pictures: expected "
	    "auto, sixel, kitty, symbols or text");
	expect_error("[kiosk]\npicture_dir =\n", "2: picture_dir: expected a "
	    "folder (or leave the line out)");
	expect_error("[kiosk]\nend_screen = confetti\n",
	    "2: end_screen: expected form, summary, thanks or score");
	expect_error("[printer]\nx = 1\n", "2: unknown section [printer]");
	expect_error("[staff]\npin_hash = 1234\n",
	    "2: pin_hash: not a PIN hash (use smp-intake set-pin)");
	expect_error("[kiosk]\nthis line has no equals sign\n",
	    "2: not a valid INI line");
	expect_error("[kiosk]\ndatabase =\n",
	    "2: database: expected a value (or leave the line out)");
	long_line();
	not_text();
}

static void
test_pin_write_keeps_lines(void **state)
{
	struct config	 c;
	struct stat	 st;
	char		*err = NULL, *path;

	(void)state;
	path = write_file("p.conf", "[kiosk]\nclinic = North\n[staff]\n"
	    "pin_hash = $argon2id$old\n");
	/* Replacing the hash of a file open to others makes it private. */
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(config_write_pin_hash(path, "$argon2id$new", &err),
	    0);
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 0);
	assert_string_equal(c.pin_hash, "$argon2id$new");
	assert_string_equal(c.clinic, "North");
	config_done(&c);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	free(path);
	/*
	 * config-fuzz-2 (found by tests/fuzz/fuzz_config): an indented line
	 * continues the value of the key before it.  The old pin_hash's
	 * continuation stayed behind and, right under [staff], was read as
	 * a bad key: a file that loaded no longer did after set-pin.  An
	 * indented line of another key, and comments, stay.
	 */
	path = write_file("q.conf", "[staff]\npin_hash = $argon2id$old\n"
	    "  $argon2id$more\n; note\n\t$argon2id$evenmore\n"
	    "[kiosk]\nclinic = North\n  and South\n");
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 0);
	config_done(&c);
	assert_int_equal(config_write_pin_hash(path, "$argon2id$new", &err),
	    0);
	config_init(&c);
	if (config_load(&c, path, &err) != 0)
		fail_msg("after set-pin: %s", err);
	assert_string_equal(c.pin_hash, "$argon2id$new");
	assert_string_equal(c.clinic, "and South");
	config_done(&c);
	free(path);
	/*
	 * config-fuzz-3: an indented section header is a header only when
	 * no key line comes before it; the new pin_hash put before it
	 * turned it into more of its value.
	 */
	path = write_file("r.conf", "[staff]\n  [kiosk]\nclinic = West\n");
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 0);
	config_done(&c);
	assert_int_equal(config_write_pin_hash(path, "$argon2id$new", &err),
	    0);
	config_init(&c);
	if (config_load(&c, path, &err) != 0)
		fail_msg("after set-pin: %s", err);
	assert_string_equal(c.pin_hash, "$argon2id$new");
	assert_string_equal(c.clinic, "West");
	config_done(&c);
	free(path);
	/* A file that does not exist yet gets a [staff] section. */
	path = xasprintf("%s/new.conf", dir);
	assert_int_equal(config_write_pin_hash(path, "$argon2id$x", &err), 0);
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 0);
	assert_string_equal(c.pin_hash, "$argon2id$x");
	config_done(&c);
	free(path);
}

/* config-pin-private (issue 13): a config holding a PIN hash that group
   or others may read is refused, naming the file, its mode and the fix;
   one without a hash, or 0600, is not. */
static void
test_pin_private(void **state)
{
	struct config	 c;
	char		*err = NULL, *path, *want;
	mode_t		 modes[] = { 0644, 0640, 0604, 0620 };
	size_t		 i;

	(void)state;
	path = write_file("open.conf", "[staff]\npin_hash = $argon2id$h\n");
	want = xasprintf("%s: holds the staff PIN hash but group or others "
	    "may use it (mode 0644); make it the owner's alone: chmod 600 %s",
	    path, path);
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		assert_int_equal(chmod(path, modes[i]), 0);
		config_init(&c);
		assert_int_equal(config_load(&c, path, &err), -1);
		assert_non_null(err);
		if (modes[i] == 0644)
			assert_string_equal(err, want);
		free(err);
		err = NULL;
		config_done(&c);
	}
	assert_int_equal(chmod(path, 0600), 0);
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 0);
	config_done(&c);
	free(path);
	free(want);
	path = write_file("nopin.conf", "[kiosk]\nclinic = North\n");
	assert_int_equal(chmod(path, 0644), 0);
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 0);
	config_done(&c);
	free(path);
}

static void
test_db_path_order(void **state)
{
	char	*err = NULL, *p, *conf;

	(void)state;
	conf = write_file("db.conf", "[kiosk]\ndatabase = /srv/k.db\n");
	unsetenv("SMP_INTAKE_DB");
	unsetenv("SMP_INTAKE_CONFIG");
	p = config_db_path(NULL, NULL, &err);
	assert_string_equal(p, "data/intake.db");
	free(p);
	p = config_db_path(NULL, conf, &err);
	assert_string_equal(p, "/srv/k.db");
	free(p);
	setenv("SMP_INTAKE_CONFIG", conf, 1);
	p = config_db_path(NULL, NULL, &err);
	assert_string_equal(p, "/srv/k.db");
	free(p);
	setenv("SMP_INTAKE_DB", "/env.db", 1);
	p = config_db_path(NULL, conf, &err);
	assert_string_equal(p, "/env.db");
	free(p);
	p = config_db_path("/opt.db", conf, &err);
	assert_string_equal(p, "/opt.db");
	free(p);
	unsetenv("SMP_INTAKE_DB");
	unsetenv("SMP_INTAKE_CONFIG");
	free(conf);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char	*cmd = xasprintf("rm -rf %s", dir);

	(void)state;
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	return 0;
}

/* The accessibility keys (issue 14): mode, theme, speech. */
static void
test_access_keys(void **state)
{
	struct config	 c;
	char		*err = NULL, *path;

	(void)state;
	path = write_file("b.conf", "[kiosk]\nmode = plain\n"
	    "theme = high-contrast\nspeech = yes\n");
	config_init(&c);
	assert_false(c.plain || c.high_contrast || c.speech);
	assert_int_equal(config_load(&c, path, &err), 0);
	assert_true(c.plain && c.high_contrast && c.speech);
	config_done(&c);
	free(path);
	expect_error("[kiosk]\nmode = big\n",
	    "2: mode: expected full or plain");
	expect_error("[kiosk]\ntheme = dark\n",
	    "2: theme: expected standard or high-contrast");
	expect_error("[kiosk]\nspeech = loud\n",
	    "2: speech: expected yes or no");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_and_values),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_idle_limits),
		cmocka_unit_test(test_access_keys),
		cmocka_unit_test(test_pin_write_keeps_lines),
		cmocka_unit_test(test_pin_private),
		cmocka_unit_test(test_db_path_order),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
