/*
 * cmd_sync.c: "smp-intake sync": send the intakes a kiosk's file holds
 * and the clinic's server lacks (store/send.h), once, and say how many
 * were sent and how many wait; with --loop, keep doing it (the kiosk's
 * background sender: the kiosk starts it as a child process, so no screen
 * ever waits on the network, and stops it when it ends).
 *
 * The server and keep_local come from the config's [server] section;
 * --server names a server without a config (its password belongs in
 * ~/.pgpass, never on a command line).
 */
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/defs.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "cmd/config.h"
#include "store/query.h"
#include "store/send.h"
#include "store/store.h"

/* Pause between passes while nothing fails (ms), and the longest pause
   of the backoff; $SMP_SEND_POLL_MS and $SMP_SEND_BACKOFF_MAX_MS
   override them (tests). */
#define SYNC_POLL_MS		2000
#define SYNC_BACKOFF_MAX_MS	300000

extern char **environ;

/* Print the usage to fp. */
static void
sync_usage(FILE *fp)
{
	fprintf(fp, "usage: smp-intake sync [--config FILE] [--db LOCAL] "
	    "[--server URL] [--loop]\n"
	    "Send the finished intakes of this kiosk's database that the "
	    "clinic's server\nlacks, each in one transaction (a resend "
	    "changes nothing), then say how many\nwere sent and how many "
	    "wait.  keep_local in the config says when the kiosk's\ncopy is "
	    "erased (default: once the server has it).\n"
	    "  -c, --config FILE  configuration file ([server] url, "
	    "keep_local; [kiosk] clinic)\n"
	    "  -d, --db LOCAL     the kiosk's database (else the config's)\n"
	    "  -s, --server URL   postgresql://user@host/db (password in "
	    "~/.pgpass)\n"
	    "  -l, --loop         keep sending, retrying with backoff (the "
	    "kiosk runs this)\n"
	    "Exit status: 0 nothing waits, 64 usage, 66 no database, 73 "
	    "refused (password),\n75 the server is away (intakes wait), 78 "
	    "bad configuration,\n1 refused by the server (e.g. this kiosk's role "
	    "is not bound to its kiosk id; the\nintakes wait) or other.\n");
}

/* An environment override of a number of ms, or def. */
static long
sync_env_ms(const char *name, long def)
{
	const char	*v = getenv(name);
	long		 n;

	if (v == NULL || (n = strtol(v, NULL, 10)) <= 0)
		return def;
	return n;
}

/* Sleep ms milliseconds. */
static void
sync_sleep(long ms)
{
	struct timespec	ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000;
	while (nanosleep(&ts, &ts) != 0)
		;
}

/*
 * One pass: send, print the counts (unless quiet); a store_rc.  A
 * refusal that is not the server being away (a kiosk role not bound to
 * this kiosk id, a permission taken away) is written once into the
 * kiosk's own audit log as "send refused" when *refused was 0, since the
 * background sender's stderr goes nowhere; the intakes stay and wait.
 */
static int
sync_pass(struct store *local, const struct send_opts *so, int quiet,
    int *refused)
{
	struct send_counts	 c;
	char			*err = NULL;
	int			 rc;

	rc = send_run(local, so, &c, &err);
	if (rc != STORE_OK && rc != STORE_BUSY && !*refused)
		store_audit(local, "kiosk", "send refused", err, NULL);
	*refused = rc != STORE_OK && rc != STORE_BUSY;
	if (!quiet || rc != STORE_OK) {
		printf("sent %d intake%s (%d already on the server), %d erased "
		    "on the server; %d waiting\n", c.sent, c.sent == 1 ? "" :
		    "s", c.present, c.erased, c.waiting);
		fflush(stdout);
	}
	if (rc != STORE_OK)
		fprintf(stderr, "smp-intake: sync: %s\n", err);
	free(err);
	return rc;
}

/*
 * --loop: send, pause, again; back off while the server is away.  A
 * refusal is no outage to ride out: it is reported once (sync_pass) and
 * tried again only after the longest pause, in case the server's owner
 * has bound the role meanwhile.
 */
static int
sync_loop(struct store *local, const struct send_opts *so)
{
	long	poll = sync_env_ms("SMP_SEND_POLL_MS", SYNC_POLL_MS);
	long	max = sync_env_ms("SMP_SEND_BACKOFF_MAX_MS",
		    SYNC_BACKOFF_MAX_MS);
	long	wait = poll;
	pid_t	parent = getppid();
	int	rc, refused = 0;

	/* Die with the kiosk that started us (its SIGKILL too). */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	while (getppid() == parent) {
		if ((rc = sync_pass(local, so, 1, &refused)) == STORE_OK)
			wait = poll;
		else if (rc != STORE_BUSY)
			wait = max;
		else
			wait = wait * 2 > max ? max : wait * 2;
		sync_sleep(wait);
	}
	return SMP_EXIT_OK;
}

/* Fill so and the local path from the options and the config. */
static int
sync_setup(const char *config, const char *db, const char *server,
    struct config *c, struct send_opts *so, const char **local)
{
	char	*err = NULL;

	if (config == NULL && (config = getenv("SMP_INTAKE_CONFIG")) != NULL &&
	    *config == '\0')
		config = NULL;
	if (config != NULL && config_load(c, config, &err) != 0) {
		fprintf(stderr, "smp-intake: sync: %s\n", err);
		free(err);
		return SMP_EXIT_CONFIG;
	}
	so->server = server != NULL ? server : c->server_url;
	so->clinic = c->clinic;
	so->keep_days = c->keep_days;
	*local = db != NULL ? db : c->database;
	if (so->server == NULL) {
		fprintf(stderr, "smp-intake: sync: no server: give --server "
		    "or [server] url in the config\n");
		return SMP_EXIT_USAGE;
	}
	if (store_is_server(*local)) {
		fprintf(stderr, "smp-intake: sync: %s: the kiosk's database "
		    "must be its file, not a server\n", *local);
		return SMP_EXIT_USAGE;
	}
	return SMP_EXIT_OK;
}

/* smp-intake sync: see the file comment. */
int
cmd_sync(int argc, char **argv)
{
	struct config	 c;
	struct send_opts so;
	struct store	*local = NULL;
	const char	*config = NULL, *db = NULL, *server = NULL, *path;
	bool		 loop = false;
	const struct cli_opt opts[] = {
		{ "config", 'c', &config, NULL },
		{ "db", 'd', &db, NULL },
		{ "server", 's', &server, NULL },
		{ "loop", 'l', NULL, &loop },
		{ NULL, 0, NULL, NULL }
	};
	char		*err = NULL;
	int		 first, rc, refused = 1;	/* once: no audit row */

	if ((rc = cli_parse(argc, argv, opts, 0, sync_usage, &first)) >= 0)
		return rc;
	config_init(&c);
	if ((rc = sync_setup(config, db, server, &c, &so, &path)) != 0)
		goto out;
	/* In a loop the kiosk may not have made its file yet: wait. */
	while ((rc = query_open(path, 1, &local, &err)) == STORE_NOTFOUND &&
	    loop && getppid() != 1) {
		free(err);
		err = NULL;
		sync_sleep(sync_env_ms("SMP_SEND_POLL_MS", SYNC_POLL_MS));
	}
	if (rc != STORE_OK) {
		fprintf(stderr, "smp-intake: sync: %s\n", err);
		free(err);
		rc = store_exit_status(rc);
		goto out;
	}
	rc = loop ? sync_loop(local, &so) :
	    store_exit_status(sync_pass(local, &so, 0, &refused));
out:
	store_close(local);
	config_done(&c);
	return cli_stdout_status("sync", rc);
}

/*
 * Start "smp-intake sync --loop --config CONFIG --db DB" as a child with
 * no terminal (stdin, stdout and stderr on /dev/null): the kiosk's
 * background sender.  Its pid, or -1 (the kiosk runs on without it).
 */
pid_t
cmd_sync_spawn(const char *config, const char *db)
{
	posix_spawn_file_actions_t	 fa;
	char				*argv[9];
	pid_t				 pid;
	int				 n = 0;

	argv[n++] = (char *)(size_t)"smp-intake";
	argv[n++] = (char *)(size_t)"sync";
	argv[n++] = (char *)(size_t)"--loop";
	argv[n++] = (char *)(size_t)"--config";
	argv[n++] = (char *)(size_t)config;
	if (db != NULL) {
		argv[n++] = (char *)(size_t)"--db";
		argv[n++] = (char *)(size_t)db;
	}
	argv[n] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	if (posix_spawn(&pid, "/proc/self/exe", &fa, NULL, argv, environ) != 0)
		pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	return pid;
}

/* Stop the background sender (it holds nothing that a kill loses). */
void
cmd_sync_stop(pid_t pid)
{
	if (pid <= 0)
		return;
	kill(pid, SIGTERM);
	while (waitpid(pid, NULL, 0) < 0 && kill(pid, 0) == 0)
		;
}
