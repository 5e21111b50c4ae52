/*
 * ptylat.c: how fast a full-screen terminal program draws, seen from a pty.
 *
 * Usage: ptylat [-r RUNS] [-k KEYS] [-q QUIET_MS] [-t TIMEOUT_MS]
 *             [-p PRELUDE] [-K KEYS_CYCLE] [-o RAW] [-d DUMP] -- COMMAND
 *             [ARG...]
 *
 * Each run starts COMMAND on a new 80x24 pty with TERM=xterm-256color and
 * reads what it writes.  A screen is "drawn" when the program has been
 * quiet for QUIET_MS (default 30): we time the first byte and the last
 * byte before that quiet spell, and never count the quiet spell itself.
 * Then the keys of PRELUDE are sent one by one, each waited out but not
 * timed (to get past a welcome screen to a question), then KEYS measured
 * key presses, cycling through KEYS_CYCLE (default "down,up": a menu cursor
 * that goes down and back up always has something to redraw, and never
 * hits the end of the list).  A key's latency is from its write to the last
 * byte of the answer.  Finally the program gets SIGTERM.
 *
 * Key names: down up left right enter space tab esc, or a single
 * character; a name may be followed by "*N" to repeat it N times.
 *
 * Prints medians and 90th percentiles in milliseconds on one line:
 *
 *   ptylat runs R keys K first_med F first_p90 F start_med S start_p90 S
 *       key_med K key_p90 K timeouts T
 *
 * first: start to first byte; start: start to the first screen drawn; key:
 * key press to screen updated.  With -o, every sample as "kind ms"; with
 * -d, the program's raw output (to check what was drawn).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_KEYS	64	/* names in a key list */

/* A list of key sequences. */
struct keys {
	const char	*seq[MAX_KEYS];
	int		 n;
};

/* What one screen took, in ms since the reference time. */
struct draw {
	double	 first;		/* first byte, or -1 if none */
	double	 last;		/* last byte before quiet, or -1 */
	int	 eof;		/* the program went away */
};

static int quiet_ms = 30;
static FILE *dump;		/* -d: everything the program wrote */
static int timeout_ms = 5000;

/* Milliseconds on the monotonic clock. */
static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/*
 * The bytes xterm sends for a key name.  Arrows are in the application
 * (keypad transmit) form, kcud1=\EOB: curses programs turn that mode on.
 */
static const char *
key_seq(const char *name)
{
	static const struct {
		const char *name, *seq;
	} tab[] = {
		{ "down", "\033OB" }, { "up", "\033OA" },
		{ "right", "\033OC" }, { "left", "\033OD" },
		{ "enter", "\r" }, { "space", " " }, { "tab", "\t" },
		{ "esc", "\033" }
	};
	size_t i;

	for (i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (strcmp(name, tab[i].name) == 0)
			return tab[i].seq;
	if (strlen(name) == 1)
		return strdup(name);
	fprintf(stderr, "ptylat: unknown key '%s'\n", name);
	exit(64);
}

/* Parse "enter,down*3,x" into k. */
static void
keys_parse(struct keys *k, const char *list)
{
	char *s = strdup(list), *tok, *star, *save = NULL;
	long rep, i;

	k->n = 0;
	for (tok = strtok_r(s, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		rep = 1;
		if ((star = strchr(tok, '*')) != NULL && star != tok) {
			*star = '\0';
			rep = strtol(star + 1, NULL, 10);
		}
		for (i = 0; i < rep; i++) {
			if (k->n == MAX_KEYS) {
				fprintf(stderr, "ptylat: too many keys\n");
				exit(64);
			}
			k->seq[k->n++] = key_seq(tok);
		}
	}
}

/*
 * Read until the program has been quiet for quiet_ms after some output
 * (or timeout_ms without any).  Times are relative to ref.
 */
static struct draw
read_screen(int fd, double ref)
{
	struct draw d = { -1, -1, 0 };
	struct pollfd pfd;
	char buf[65536];
	double t, last = 0;
	ssize_t r;
	int wait;

	pfd.fd = fd;
	pfd.events = POLLIN;
	for (;;) {
		t = now_ms();
		if (d.first < 0) {
			wait = timeout_ms - (int)(t - ref);
			if (wait <= 0)
				return d;
		} else {
			wait = quiet_ms - (int)(t - last);
			if (wait <= 0)
				return d;
		}
		if (poll(&pfd, 1, wait) < 0) {
			if (errno == EINTR)
				continue;
			perror("ptylat: poll");
			exit(1);
		}
		if ((pfd.revents & (POLLIN | POLLHUP | POLLERR)) == 0)
			continue;
		r = read(fd, buf, sizeof buf);
		if (r <= 0) {
			/* EIO: the slave side closed (program exited) */
			d.eof = 1;
			return d;
		}
		if (dump != NULL)
			fwrite(buf, 1, (size_t)r, dump);
		last = now_ms();
		if (d.first < 0)
			d.first = last - ref;
		d.last = last - ref;
	}
}

/* Ascending order of doubles, for qsort. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The p-th percentile (nearest rank) of v[0..n), sorting v. */
static double
pct(double *v, size_t n, double p)
{
	size_t k;

	if (n == 0)
		return -1;
	qsort(v, n, sizeof *v, cmp_double);
	k = (size_t)(p / 100.0 * (double)n + 0.999999);
	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1];
}

/* Send a key sequence. */
static void
send_key(int fd, const char *seq)
{
	size_t len = strlen(seq);

	if (write(fd, seq, len) != (ssize_t)len) {
		perror("ptylat: write");
		exit(1);
	}
}

/* End the program: SIGTERM, then SIGKILL if it lingers; drain the pty. */
static void
finish(int fd, pid_t pid)
{
	struct pollfd pfd;
	char buf[4096];
	double t0;
	int st;

	kill(pid, SIGTERM);
	pfd.fd = fd;
	pfd.events = POLLIN;
	t0 = now_ms();
	while (waitpid(pid, &st, WNOHANG) == 0) {
		if (now_ms() - t0 > 20000) {
			kill(pid, SIGKILL);
			waitpid(pid, &st, 0);
			break;
		}
		if (poll(&pfd, 1, 50) > 0 && read(fd, buf, sizeof buf) <= 0)
			pfd.fd = -1;
	}
	close(fd);
}

/* Start argv on a new 80x24 pty; returns the master fd. */
static int
start(char **argv, pid_t *pidp)
{
	struct winsize ws;
	int fd;
	pid_t pid;

	memset(&ws, 0, sizeof ws);
	ws.ws_row = 24;
	ws.ws_col = 80;
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("ptylat: forkpty");
		exit(1);
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LINES", "24", 1);
		setenv("COLUMNS", "80", 1);
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	*pidp = pid;
	return fd;
}

int
main(int argc, char **argv)
{
	struct keys prelude = { { NULL }, 0 }, cycle;
	struct draw d;
	double *first, *startv, *keyv, t;
	size_t nfirst = 0, nstart = 0, nkey = 0;
	long runs = 30, nkeys = 20, r, i;
	const char *raw = NULL;
	int c, fd, timeouts = 0;
	pid_t pid;
	FILE *rawf = NULL;

	keys_parse(&cycle, "down,up");
	while ((c = getopt(argc, argv, "r:k:q:t:p:K:o:d:")) != -1) {
		switch (c) {
		case 'r': runs = strtol(optarg, NULL, 10); break;
		case 'k': nkeys = strtol(optarg, NULL, 10); break;
		case 'q': quiet_ms = (int)strtol(optarg, NULL, 10); break;
		case 't': timeout_ms = (int)strtol(optarg, NULL, 10); break;
		case 'p': keys_parse(&prelude, optarg); break;
		case 'K': keys_parse(&cycle, optarg); break;
		case 'o': raw = optarg; break;
		case 'd':
			if ((dump = fopen(optarg, "w")) == NULL) {
				perror(optarg);
				return 1;
			}
			break;
		default: goto usage;
		}
	}
	if (optind >= argc || runs <= 0 || nkeys < 0 || cycle.n == 0)
		goto usage;
	if (raw != NULL && (rawf = fopen(raw, "w")) == NULL) {
		perror(raw);
		return 1;
	}
	first = calloc((size_t)runs, sizeof *first);
	startv = calloc((size_t)runs, sizeof *startv);
	keyv = calloc((size_t)(runs * nkeys + 1), sizeof *keyv);
	if (first == NULL || startv == NULL || keyv == NULL)
		return 1;

	for (r = 0; r < runs; r++) {
		t = now_ms();
		fd = start(argv + optind, &pid);
		d = read_screen(fd, t);
		if (d.first < 0 || d.eof) {
			fprintf(stderr, "ptylat: %s: %s\n", argv[optind],
			    d.eof ? "exited before drawing" : "drew nothing");
			finish(fd, pid);
			return 1;
		}
		first[nfirst++] = d.first;
		startv[nstart++] = d.last;
		if (rawf != NULL)
			fprintf(rawf, "first %.3f\nstart %.3f\n", d.first,
			    d.last);
		for (i = 0; i < prelude.n; i++) {
			send_key(fd, prelude.seq[i]);
			d = read_screen(fd, now_ms());
			if (d.eof) {
				fprintf(stderr, "ptylat: exited in prelude\n");
				return 1;
			}
		}
		for (i = 0; i < nkeys; i++) {
			t = now_ms();
			send_key(fd, cycle.seq[i % cycle.n]);
			d = read_screen(fd, t);
			if (d.eof) {
				fprintf(stderr, "ptylat: exited at key %ld\n",
				    i);
				return 1;
			}
			if (d.first < 0) {
				timeouts++;
				continue;
			}
			keyv[nkey++] = d.last;
			if (rawf != NULL)
				fprintf(rawf, "key %.3f\n", d.last);
		}
		finish(fd, pid);
	}
	if (rawf != NULL)
		fclose(rawf);
	printf("ptylat runs %ld keys %zu first_med %.2f first_p90 %.2f "
	    "start_med %.2f start_p90 %.2f key_med %.2f key_p90 %.2f "
	    "timeouts %d\n", runs, nkey, pct(first, nfirst, 50),
	    pct(first, nfirst, 90), pct(startv, nstart, 50),
	    pct(startv, nstart, 90), pct(keyv, nkey, 50),
	    pct(keyv, nkey, 90), timeouts);
	return 0;
usage:
	fprintf(stderr, "usage: ptylat [-r RUNS] [-k KEYS] [-q QUIET_MS] "
	    "[-t TIMEOUT_MS] [-p PRELUDE] [-K CYCLE] [-o RAW] [-d DUMP] -- "
	    "COMMAND "
	    "[ARG...]\n");
	return 64;
}
