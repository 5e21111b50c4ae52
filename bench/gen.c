/*
 * gen.c: a seeded generator of realistic intake databases, for benchmarks.
 *
 * Usage: gen -f FORM -o DB -n INTAKES [-s SEED]
 *
 * Each intake is a real walk through the form with the engine: at every
 * visible item we answer with a random but plausible value (the engine
 * validates it, and we retry when it refuses), so the answers follow the
 * form's branching exactly as a kiosk's would.  About 10% of the intakes
 * stop part-way (abandoned).  Two versions of the form are stored: the file
 * as given, and a copy with its version bumped and one label changed; the
 * older one is used for the first 60% of the intakes (in time order).
 *
 * Writing: store_open creates the database with the product's own schema
 * and store_form_put stores both forms; then we close it and insert the
 * intakes with the sqlite3 C API in big transactions with synchronous=OFF
 * (through a staging file, then in key order: see ins_open).
 * The durable one-answer-per-transaction path would take hours for 100,000
 * intakes and is measured on its own by saves.c.  The columns inserted are
 * exactly those of src/store/sqlite.h (schema version 1).
 *
 * Same seed, same form, same N: the same database (but for the file's
 * bytes: SQLite page layout is not part of the promise).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/date.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "form/form.h"
#include "form/form_load.h"
#include "store/store.h"
#include "base/die.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "base/xmalloc.h"
#ifdef HAVE_SCORE
#include "engine/score.h"
#endif

#define MAX_ANSWERS	512	/* per intake; a form has ~40 questions */
#define BATCH		5000	/* intakes per transaction */
#define MAX_TRIES	12	/* random values tried per question */

/* One answer held for the intake being generated. */
struct ans {
	char	*id;		/* question or screen id */
	char	*value;		/* canonical value */
	int	 at;		/* seconds after the intake started */
};

/* The intake being generated: what the engine's sink received. */
struct walk {
	struct ans	 a[MAX_ANSWERS];
	size_t		 n;
	int		 clock;	/* seconds since start, advanced per answer */
};

static uint64_t rng_state;

/* splitmix64: small, fast, and good enough for test data. */
static uint64_t
rng_next(void)
{
	uint64_t z;

	z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A uniform integer in [lo, hi]. */
static long
rng_range(long lo, long hi)
{
	if (hi <= lo)
		return lo;
	return lo + (long)(rng_next() % (uint64_t)(hi - lo + 1));
}

/* True with probability pct/100. */
static int
rng_pct(int pct)
{
	return (int)(rng_next() % 100) < pct;
}

static const char *first_names[] = {
	"James", "María", "Ahmed", "Chen", "Olivia", "José", "Liam", "Fatima",
	"Noah", "Sofía", "Lucas", "Amara", "Mateo", "Zoë", "Daniel", "Aoife"
};
static const char *last_names[] = {
	"Smith", "García", "Khan", "Wang", "O'Brien", "Müller", "Jones",
	"Fernández", "Nguyen", "Silva", "Brown", "López", "Okafor", "Kowalski"
};
static const char *words[] = {
	"thinning", "crown", "since", "my", "twenties", "tried", "minoxidil",
	"for", "two", "years", "and", "it", "helped", "a", "little", "scar",
	"from", "transplant", "want", "a", "natural", "look", "shaved",
	"\"buzz cut\"", "style,", "worried", "about", "colour", "fading",
	"work", "in", "sales", "so", "appearance", "matters"
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Random words up to about maxlen bytes; newlines only if multi. */
static char *
gen_words(size_t maxlen, int multi)
{
	struct strbuf sb;
	long n, i;

	strbuf_init(&sb);
	if (maxlen == 0)
		maxlen = 80;
	if (maxlen > 300)
		maxlen = 300;
	n = rng_range(2, 30);
	for (i = 0; i < n; i++) {
		const char *w = words[rng_next() % NELEM(words)];

		if (sb.len + strlen(w) + 1 >= maxlen)
			break;
		if (i > 0)
			strbuf_addc(&sb, multi && rng_pct(8) ? '\n' : ' ');
		strbuf_adds(&sb, w);
	}
	if (sb.len == 0)
		strbuf_adds(&sb, "ok");
	return strbuf_detach(&sb);
}

/* A plausible text answer, guessing from the question id. */
static char *
gen_text(const struct form_question *q)
{
	const char *fn = first_names[rng_next() % NELEM(first_names)];
	const char *ln = last_names[rng_next() % NELEM(last_names)];

	if (strstr(q->id, "name") != NULL)
		return xasprintf("%s %s", fn, ln);
	if (strstr(q->id, "email") != NULL)
		return xasprintf("%c%s%ld@example.com", fn[0] | 0x20,
		    "client", rng_range(1, 99999));
	if (strstr(q->id, "phone") != NULL)
		return xasprintf("+44 7700 %06ld", rng_range(0, 999999));
	return gen_words(q->maxlen != 0 ? q->maxlen : FORM_TEXT_MAXLEN,
	    q->type == QT_LONGTEXT);
}

/* A date: birth dates mostly 18..75 years ago (a few under 18). */
static char *
gen_date(const struct form_question *q, int today)
{
	char buf[16];
	int d;

	if (q->identifier || strstr(q->id, "birth") != NULL) {
		if (rng_pct(3))
			d = today - (int)rng_range(14 * 365, 18 * 365);
		else
			d = today - (int)rng_range(18 * 365 + 5, 75 * 365);
	} else
		d = today - (int)rng_range(0, 10 * 365);
	date_format(d, buf);
	return xstrdup(buf);
}

/* Codes of a multi question: each with p=0.3, or one exclusive. */
static char *
gen_multi(const struct form_question *q)
{
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb);
	for (i = 0; i < q->noptions; i++) {
		if (!rng_pct(30))
			continue;
		if (q->options[i].exclusive)
			continue;
		if (sb.len > 0)
			strbuf_addc(&sb, ';');
		strbuf_adds(&sb, q->options[i].code);
	}
	if (sb.len == 0 && q->noptions > 0)
		strbuf_adds(&sb, q->options[rng_next() % q->noptions].code);
	return strbuf_detach(&sb);
}

/* A random input for q as a client could type or pick it. */
static char *
gen_value(const struct form_question *q, int today)
{
	double lo, hi;

	switch (q->type) {
	case QT_CHOICE:
		if (q->noptions == 0)
			return xstrdup("");
		return xstrdup(q->options[rng_next() % q->noptions].code);
	case QT_MULTI:
		return gen_multi(q);
	case QT_YESNO:
		return xstrdup(rng_pct(35) ? "yes" : "no");
	case QT_TEXT:
	case QT_LONGTEXT:
		return gen_text(q);
	case QT_DATE:
		return gen_date(q, today);
	case QT_INTEGER:
	case QT_DECIMAL:
	case QT_SCALE:
		lo = q->has_min ? q->min : (q->type == QT_SCALE ? 1 : 0);
		hi = q->has_max ? q->max : (q->type == QT_SCALE ? 5 : lo + 100);
		if (q->type == QT_DECIMAL)
			return xasprintf("%.1f", lo + (double)rng_range(0,
			    (long)((hi - lo) * 10)) / 10.0);
		return xasprintf("%ld", rng_range((long)lo, (long)hi));
	}
	return xstrdup("");
}

/* The engine's sink: keep the intake's answers as the store would. */
static int
walk_put(void *ctx, const char *id, const char *value, char **errp)
{
	struct walk *w = ctx;
	size_t i;

	(void)errp;
	for (i = 0; i < w->n; i++)
		if (strcmp(w->a[i].id, id) == 0)
			break;
	if (value == NULL) {
		if (i < w->n) {
			free(w->a[i].id);
			free(w->a[i].value);
			w->a[i] = w->a[--w->n];
		}
		return 0;
	}
	w->clock += (int)rng_range(3, 40);
	if (i < w->n) {
		free(w->a[i].value);
		w->a[i].value = xstrdup(value);
		w->a[i].at = w->clock;
		return 0;
	}
	if (w->n == MAX_ANSWERS)
		diex("gen: more than %d answers in one intake", MAX_ANSWERS);
	w->a[w->n].id = xstrdup(id);
	w->a[w->n].value = xstrdup(value);
	w->a[w->n].at = w->clock;
	w->n++;
	return 0;
}

/* Forget the intake's answers. */
static void
walk_reset(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		free(w->a[i].id);
		free(w->a[i].value);
	}
	w->n = 0;
	w->clock = 0;
}

/* Answer question q (or skip it if optional): 0, or -1 if we gave up. */
static int
answer_question(struct engine *e, const struct form_question *q, int today)
{
	char *v, *msg;
	int i, rc;

	if (!q->required && rng_pct(12))
		return 0;
	for (i = 0; i < MAX_TRIES; i++) {
		v = gen_value(q, today);
		msg = NULL;
		rc = engine_answer(e, q, v, &msg);
		free(v);
		free(msg);
		if (rc == ENGINE_OK)
			return 0;
	}
	return q->required ? -1 : 0;
}

/*
 * Walk one intake.  stop_after: items to visit before walking away (-1:
 * finish).  Returns 1 if completed, 0 if abandoned.
 */
static int
walk_intake(struct engine *e, int today, long stop_after)
{
	const struct form_item *it;
	const struct form *f = engine_form(e);
	char *msg;
	long steps = 0;
	int tries;

	for (;;) {
		if (engine_pos(e) == ENGINE_REVIEW) {
			msg = NULL;
			if (engine_finish(e, &msg) == ENGINE_OK) {
				free(msg);
				return 1;
			}
			free(msg);
			/* finish jumped to what is missing: answer it */
			if (engine_pos(e) < 0)
				return 0;
		}
		if (engine_pos(e) < 0)
			return engine_pos(e) == ENGINE_DONE;
		if (stop_after >= 0 && steps++ >= stop_after)
			return 0;
		it = engine_item(e);
		if (it->kind == ITEM_SCREEN) {
			msg = NULL;
			engine_ack(e, &f->screens[it->ref], true, &msg);
			free(msg);
		} else if (answer_question(e, &f->questions[it->ref],
		    today) < 0)
			return 0;
		for (tries = 0; tries < MAX_TRIES; tries++) {
			msg = NULL;
			if (engine_next(e, &msg) == ENGINE_OK) {
				free(msg);
				break;
			}
			free(msg);
			/* a cross-question check failed: answer again */
			if (it->kind == ITEM_QUESTION)
				answer_question(e, &f->questions[it->ref],
				    today);
		}
		if (tries == MAX_TRIES)
			return 0;
		if (steps > 10000)
			return 0;
	}
}

/* ISO-8601 UTC with milliseconds, as the store writes times. */
static void
iso_time(time_t t, int ms, char *buf, size_t size)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, ms);
}

/* A random (seeded) UUID v4 in text. */
static void
gen_uuid(char *buf)
{
	uint64_t a = rng_next(), b = rng_next();

	snprintf(buf, STORE_ID_LEN + 1, "%08x-%04x-4%03x-%04x-%012llx",
	    (unsigned)(a >> 32), (unsigned)((a >> 16) & 0xffff),
	    (unsigned)(a & 0xfff), (unsigned)(0x8000 | (b >> 48 & 0x3fff)),
	    (unsigned long long)(b & 0xffffffffffffULL));
}

/* The second version: version bumped, first English label changed. */
static char *
make_v2(const char *src, size_t len, size_t *len2)
{
	struct strbuf sb;
	const char *v, *l, *end;
	long ver;

	v = strstr(src, "\n  version ");
	if (v == NULL)
		v = strstr(src, "version ");
	if (v == NULL)
		diex("gen: form has no version line");
	v = strstr(v, "version ") + strlen("version ");
	ver = strtol(v, (char **)&end, 10);
	l = strstr(end, "label en \"");
	if (l == NULL)
		diex("gen: form has no English label");
	l += strlen("label en \"");
	strbuf_init(&sb);
	strbuf_add(&sb, src, (size_t)(v - src));
	strbuf_addf(&sb, "%ld", ver + 1);
	strbuf_add(&sb, end, (size_t)(l - end));
	strbuf_adds(&sb, "(revised) ");
	strbuf_add(&sb, l, len - (size_t)(l - src));
	*len2 = sb.len;
	return strbuf_detach(&sb);
}

/* Parse a form from memory, without pictures; dies on errors. */
static struct form *
parse_or_die(const char *name, const char *buf, size_t len)
{
	struct diag *d = diag_new(name, DIAG_DEFAULT_LIMIT);
	struct form *f;
	size_t i;

	f = form_load_text(name, buf, len, NULL, FORM_NO_ART, d);
	if (f == NULL) {
		for (i = 0; i < diag_kept(d); i++)
			fprintf(stderr, "%s\n", diag_message(d, i));
		diex("gen: %s: form does not load", name);
	}
	diag_free(d);
	return f;
}

/* Prepared statements of the bulk insert. */
struct ins {
	sqlite3		*db;
	sqlite3_stmt	*intake, *answer, *line;
};

/* Die with sqlite's message unless rc is what we expected. */
static void
sq_check(sqlite3 *db, int rc, int want, const char *what)
{
	if (rc != want)
		diex("gen: %s: %s", what, sqlite3_errmsg(db));
}

/* Run SQL that returns no rows we need. */
static void
sq_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		diex("gen: %s: %s", sql, err != NULL ? err : "?");
}

/*
 * Open the database made by store_open for fast bulk loading.  Rows go
 * first to plain rowid tables in a staging database beside it (appends are
 * cheap), and ins_finish copies them in key order into the real tables:
 * inserting random UUID keys straight into the WITHOUT ROWID tables costs
 * a random B-tree descent per row, which made 100,000 intakes take
 * minutes and 1,000,000 hours.
 */
static void
ins_open(struct ins *in, const char *path, const char *stage)
{
	char *sql;

	sq_check(in->db, sqlite3_open(path, &in->db), SQLITE_OK, path);
	/* Speed over durability: a crash only means "generate again". */
	sq_exec(in->db, "PRAGMA journal_mode=OFF");
	sq_exec(in->db, "PRAGMA synchronous=OFF");
	sq_exec(in->db, "PRAGMA cache_size=-262144");
	sq_exec(in->db, "PRAGMA foreign_keys=OFF");
	sq_exec(in->db, "PRAGMA threads=2");
	unlink(stage);
	sql = sqlite3_mprintf("ATTACH %Q AS st", stage);
	sq_exec(in->db, sql);
	sqlite3_free(sql);
	sq_exec(in->db, "PRAGMA st.journal_mode=OFF");
	sq_exec(in->db, "PRAGMA st.synchronous=OFF");
	sq_exec(in->db, "CREATE TABLE st.intakes AS SELECT * FROM intakes "
	    "WHERE 0");
	sq_exec(in->db, "CREATE TABLE st.answers AS SELECT * FROM answers "
	    "WHERE 0");
	sq_exec(in->db, "CREATE TABLE st.result_lines AS SELECT * FROM "
	    "result_lines WHERE 0");
	sq_check(in->db, sqlite3_prepare_v2(in->db,
	    "INSERT INTO st.intakes(id, form_hash, kiosk_id, lang, source, "
	    "status, started_at, updated_at, completed_at, score, band, "
	    "stop_codes, flag_codes, recommend_codes) "
	    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &in->intake, NULL),
	    SQLITE_OK, "prepare intakes");
	sq_check(in->db, sqlite3_prepare_v2(in->db,
	    "INSERT INTO st.answers(intake_id, question, value, answered_at) "
	    "VALUES (?,?,?,?)", -1, &in->answer, NULL),
	    SQLITE_OK, "prepare answers");
	sq_check(in->db, sqlite3_prepare_v2(in->db,
	    "INSERT INTO st.result_lines(intake_id, seq, kind, code, points, "
	    "text) VALUES (?,?,?,?,?,?)", -1, &in->line, NULL),
	    SQLITE_OK, "prepare result_lines");
}

/* Copy the staged rows in key order into the real tables; drop stage. */
static void
ins_finish(struct ins *in, const char *stage)
{
	sqlite3_finalize(in->intake);
	sqlite3_finalize(in->answer);
	sqlite3_finalize(in->line);
	sq_exec(in->db, "BEGIN");
	sq_exec(in->db, "INSERT INTO intakes SELECT * FROM st.intakes "
	    "ORDER BY id");
	sq_exec(in->db, "INSERT INTO answers SELECT * FROM st.answers "
	    "ORDER BY intake_id, question");
	sq_exec(in->db, "INSERT INTO result_lines SELECT * FROM "
	    "st.result_lines ORDER BY intake_id, seq");
	sq_exec(in->db, "COMMIT");
	sq_exec(in->db, "DETACH st");
	unlink(stage);
}

/* Step a bound insert and reset it. */
static void
ins_step(struct ins *in, sqlite3_stmt *st, const char *what)
{
	sq_check(in->db, sqlite3_step(st), SQLITE_DONE, what);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Bind text (copied by sqlite), NULL for a NULL pointer. */
static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

#ifdef HAVE_SCORE
/*
 * Insert the score lines of a completed intake; set score, band and the
 * codes its row keeps (joined by the store's own store_codes_add).
 */
static void
ins_score(struct ins *in, struct engine *e, const char *id, int *score,
    const char **band, struct strbuf codes[STORE_NCODES])
{
	const struct form *f = engine_form(e);
	struct score_result *r;
	struct expr_env env;
	char *code, *text;
	size_t i;

	engine_env(e, &env);
	r = score_compute(f, &env);
	*score = r->score;
	*band = r->band != NULL ? r->band->id : NULL;
	for (i = 0; i < r->nlines; i++) {
		code = score_line_code(&r->lines[i]);
		text = score_line_text(&r->lines[i], 0);
		bind_text(in->line, 1, id);
		sqlite3_bind_int(in->line, 2, (int)i + 1);
		bind_text(in->line, 3, score_kind_name(r->lines[i].kind));
		bind_text(in->line, 4, code);
		sqlite3_bind_int(in->line, 5, r->lines[i].points);
		bind_text(in->line, 6, text);
		ins_step(in, in->line, "insert result line");
		store_codes_add(codes, score_kind_name(r->lines[i].kind), code);
		free(code);
		free(text);
	}
	score_free(r);
}
#endif

/* Everything one intake needs besides the walk. */
struct meta {
	const char	*hash;
	time_t		 start;
	int		 lang;
};

/* Insert one walked intake. */
static void
ins_intake(struct ins *in, struct engine *e, struct walk *w,
    const struct meta *m, int completed)
{
	static const char *kiosks[] = { "lobby-1", "lobby-2", "upstairs" };
	char id[STORE_ID_LEN + 1], t0[96], t1[96], ta[96];
#ifdef HAVE_SCORE
	const char *band = NULL;
	int score = 0;
#endif
	struct strbuf codes[STORE_NCODES];
	size_t i;
	int k;

	gen_uuid(id);
	iso_time(m->start, (int)rng_range(0, 999), t0, sizeof t0);
	iso_time(m->start + w->clock, (int)rng_range(0, 999), t1, sizeof t1);
	for (i = 0; i < w->n; i++) {
		iso_time(m->start + w->a[i].at, (int)rng_range(0, 999), ta,
		    sizeof ta);
		bind_text(in->answer, 1, id);
		bind_text(in->answer, 2, w->a[i].id);
		bind_text(in->answer, 3, w->a[i].value);
		bind_text(in->answer, 4, ta);
		ins_step(in, in->answer, "insert answer");
	}
	for (k = 0; k < STORE_NCODES; k++)
		strbuf_init(&codes[k]);
#ifdef HAVE_SCORE
	if (completed)
		ins_score(in, e, id, &score, &band, codes);
#else
	(void)e;
#endif
	bind_text(in->intake, 1, id);
	bind_text(in->intake, 2, m->hash);
	bind_text(in->intake, 3, kiosks[rng_next() % NELEM(kiosks)]);
	bind_text(in->intake, 4, engine_form(e)->langs[m->lang]);
	bind_text(in->intake, 5, rng_pct(5) ? "paper" : "kiosk");
	bind_text(in->intake, 6, completed ? "completed" : "abandoned");
	bind_text(in->intake, 7, t0);
	bind_text(in->intake, 8, t1);
	if (completed) {
		bind_text(in->intake, 9, t1);
#ifdef HAVE_SCORE
		sqlite3_bind_int(in->intake, 10, score);
		bind_text(in->intake, 11, band);
#endif
		for (k = 0; k < STORE_NCODES; k++)
			bind_text(in->intake, 12 + k, codes[k].s);
	}
	ins_step(in, in->intake, "insert intake");
	for (k = 0; k < STORE_NCODES; k++)
		strbuf_done(&codes[k]);
}

/* Store both forms through the product's own store (schema, hashes). */
static void
store_forms(const char *path, struct form *f1, struct form *f2, char *h1,
    char *h2)
{
	struct store *s;
	char *err = NULL;

	if (store_open(path, 0, &s, &err) != STORE_OK ||
	    store_form_put(s, f1, h1, &err) != STORE_OK ||
	    store_form_put(s, f2, h2, &err) != STORE_OK)
		diex("gen: %s", err != NULL ? err : path);
	store_close(s);
}

static void
usage(void)
{
	fprintf(stderr, "usage: gen -f FORM -o DB -n INTAKES [-s SEED]\n");
	exit(64);
}

int
main(int argc, char **argv)
{
	struct form *f[2];
	struct engine *e;
	struct engine_sink sink;
	struct walk w;
	struct meta m;
	struct ins in;
	char h[2][STORE_HASH_LEN + 1], *src, *src2, *err = NULL, *tmp, *stage;
	const char *form = NULL, *out = NULL;
	size_t len, len2;
	long n = 0, i, done = 0;
	time_t base = 1704103200;	/* 2024-01-01 10:00 UTC */
	double span = 730.0 * 86400;	/* two years of intakes */
	int c, v;

	rng_state = 1;
	while ((c = getopt(argc, argv, "f:o:n:s:")) != -1) {
		switch (c) {
		case 'f': form = optarg; break;
		case 'o': out = optarg; break;
		case 'n': n = strtol(optarg, NULL, 10); break;
		case 's': rng_state = strtoull(optarg, NULL, 10); break;
		default: usage();
		}
	}
	if (form == NULL || out == NULL || n <= 0)
		usage();
	src = file_read(form, FORM_MAX_BYTES, &len, &err);
	if (src == NULL)
		diex("gen: %s", err);
	src2 = make_v2(src, len, &len2);
	f[0] = parse_or_die(form, src, len);
	f[1] = parse_or_die(form, src2, len2);

	/* Build under a temporary name so a half-made db is never reused. */
	tmp = xasprintf("%s.tmp", out);
	stage = xasprintf("%s.stage", out);
	unlink(tmp);
	store_forms(tmp, f[0], f[1], h[0], h[1]);
	memset(&in, 0, sizeof in);
	ins_open(&in, tmp, stage);

	memset(&w, 0, sizeof w);
	sink.put = walk_put;
	sink.ctx = &w;
	sq_exec(in.db, "BEGIN");
	for (i = 0; i < n; i++) {
		int today, completed;
		long stop = -1;

		/* Intakes in time order; the newer form from 60% on. */
		m.start = base + (time_t)(span * (double)i / (double)n) +
		    (time_t)rng_range(0, 600);
		v = i >= n * 6 / 10;
		m.hash = h[v];
		m.lang = f[v]->nlangs > 1 && rng_pct(20) ? 1 : 0;
		today = (int)(m.start / 86400);
		if (rng_pct(10))
			stop = rng_range(0, (long)f[v]->nitems);
		e = engine_new(f[v], m.lang, today, &sink);
		completed = walk_intake(e, today, stop);
		ins_intake(&in, e, &w, &m, completed);
		done += completed;
		engine_free(e);
		walk_reset(&w);
		if ((i + 1) % BATCH == 0) {
			sq_exec(in.db, "COMMIT");
			sq_exec(in.db, "BEGIN");
		}
	}
	sq_exec(in.db, "COMMIT");
	ins_finish(&in, stage);
	/* Leave it as the store would: WAL, no extra statistics. */
	sq_exec(in.db, "PRAGMA journal_mode=WAL");
	sqlite3_close(in.db);
	if (rename(tmp, out) < 0)
		die("gen: rename %s", out);
	fprintf(stderr, "gen: %s: %ld intakes (%ld completed, %ld abandoned)\n",
	    out, n, done, n - done);
	free(tmp);
	free(stage);
	free(src);
	free(src2);
	form_free(f[0]);
	form_free(f[1]);
	return 0;
}
