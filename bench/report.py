#!/usr/bin/env python3
# report.py: the small data plumbing of bench/run.sh, kept out of shell.
#
#   report.py hf JSON            one line per hyperfine command:
#                                "name median_s mean_s stddev_s min_s max_s"
#   report.py cg FILE            total instructions (Ir) of a callgrind file
#   report.py render RESULTS MD  the table (stdout) and docs/performance.md
#
# RESULTS is the line file run.sh appends to: "kind field field ...".
import json
import sys


def hf(path):
    with open(path) as f:
        data = json.load(f)
    for r in data["results"]:
        name = r.get("command", "?").replace(" ", "_")
        times = sorted(r["times"])
        print(name, r["median"], r["mean"], r.get("stddev") or 0,
              times[0], times[-1])


def cg(path):
    # "summary: N" (older) or "totals: N" (newer) holds the Ir total.
    total = None
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
    if total is None:
        sys.exit("report.py: no totals in " + path)
    print(total)


def load(path):
    res = {}
    with open(path) as f:
        for line in f:
            w = line.split()
            if w:
                res.setdefault(w[0], []).append(w[1:])
    return res


def one(res, kind, key=None):
    for row in res.get(kind, []):
        if key is None or row[0] == key:
            return row
    return None


def ms(s):
    return "%.1f ms" % (float(s) * 1e3)


def sec(s):
    s = float(s)
    return "%.3f s" % s if s < 10 else "%.1f s" % s


def mib(kb):
    return "%.1f MiB" % (float(kb) / 1024)


def render(results, mdpath):
    res = load(results)
    out = []
    add = out.append
    m = dict((r[0], " ".join(r[1:])) for r in res.get("machine", []))
    add("# Performance")
    add("")
    add("Figures from one `make bench` run (`%s`). Every comparison is "
        "against a baseline measured **in the same run** on the same "
        "machine, because these machines are shared and noisy; read the "
        "ratios, not the absolute times." % m.get("command", "make bench"))
    add("")
    add("| machine | |")
    add("| --- | --- |")
    for k, label in (("cpu", "CPU"), ("nproc", "cores (nproc)"),
                     ("mem", "memory"), ("kernel", "kernel"),
                     ("disk", "database disk"), ("sqlite", "SQLite"),
                     ("date", "date (UTC)"), ("commit", "git commit"),
                     ("seed", "generator seed"), ("wall", "bench wall time")):
        if k in m:
            add("| %s | %s |" % (label, m[k]))
    add("")
    add("Reproduce: `make bench` (10,000 and 100,000 intakes), "
        "`make bench-large` (adds 1,000,000). Raw data: `build/bench/` "
        "(hyperfine JSON, per-sample latencies, callgrind files).")
    add("")

    missing = res.get("missing", [])
    if missing:
        add("## Not measured")
        add("")
        for r in missing:
            add("- **%s**: not measured (missing: %s)" % (r[0], " ".join(r[1:])))
        add("")

    summary = []

    gens = res.get("gen", [])
    if gens:
        add("## Generated databases")
        add("")
        add("Seeded walks of the shipped form through the engine (answers "
            "follow its branching, the engine validates every value), ~10% "
            "abandoned, two form versions (the second with its version "
            "bumped and one label changed). Built by `bench/gen.c`, cached "
            "in `build/bench/` by seed, size and inputs.")
        add("")
        add("| intakes | completed | answers | result lines | file | generation |")
        add("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in gens:
            add("| {:,} | {:,} | {:,} | {:,} | {} | {} |".format(
                int(r[0]), int(r[2]), int(r[3]), int(r[4]), mib(int(r[5]) / 1024),
                r[1] if r[1] == "cached" else sec(r[1])))
        add("")

    exps = res.get("export", [])
    if exps:
        add("## Export")
        add("")
        add("`smp-intake export --format wide|long --out FILE --db DB` "
            "against the baseline `sqlite3 -csv DB 'SELECT * FROM answers' "
            "> FILE` (a plain dump of the answers table, no joins, no "
            "pivot). hyperfine median; a first run of each command under "
            "`/usr/bin/time -f %M` gives its peak RSS and serves as the "
            "warm-up. answers/s is the database's answer rows over the "
            "median time, the same numerator for all three; CSV lines "
            "counts physical lines (quoted newlines included).")
        add("")
        add("| intakes | what | median | vs baseline | answers/s | CSV lines | peak RSS |")
        add("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
        by_n = {}
        for r in exps:
            by_n.setdefault(int(r[0]), {})[r[1]] = r
        for n in sorted(by_n):
            d = by_n[n]
            base = float(d["baseline"][2]) if "baseline" in d else None
            for kind in ("wide", "long", "baseline"):
                if kind not in d:
                    continue
                r = d[kind]
                t = float(r[2])
                ratio = "%.2f×" % (t / base) if base else "–"
                add("| {:,} | {} | {} | {} | {:,.0f} | {:,} | {} |".format(
                    n, kind, sec(t), ratio, float(r[5]) / t, int(r[4]),
                    mib(r[3])))
                if kind != "baseline" and base:
                    summary.append(("export %s %s intakes" % (kind, "{:,}".format(n)),
                                    sec(t), "sqlite3 -csv " + sec(base),
                                    "%.2f×" % (t / base)))
        add("")
        rss = [(n, by_n[n]) for n in sorted(by_n)]
        if len(rss) > 1:
            parts = []
            for kind in ("wide", "long", "baseline"):
                vals = [mib(d[kind][3]) for n, d in rss if kind in d]
                parts.append("%s %s" % (kind, " → ".join(vals)))
            kb = [float(d[k][3]) for n, d in rss for k in ("wide", "long")
                  if k in d]
            flat = max(kb) / min(kb) < 1.5 if kb else False
            add("Peak memory as N grows (%s intakes): %s: %s." % (
                " → ".join("{:,}".format(n) for n, d in rss), "; ".join(parts),
                "flat (streaming)" if flat else "NOT flat: it grows with N"))
            add("")
        add("![Export time against N](performance-export.png)")
        add("")
    prof = res.get("profile", [])
    if prof:
        add("Where wide export spends its instructions (callgrind on 1,000 "
            "intakes, inclusive share of the total):")
        add("")
        for r in prof:
            add("- " + " ".join(r))
        add("")
    for r in res.get("profile_total", []):
        add("Instructions for the same 1,000 intakes: wide export {:,}, "
            "baseline {:,} ({:.2f}×).".format(int(r[0]), int(r[1]),
                                              int(r[0]) / int(r[1])))
        add("")

    saves = res.get("saves", [])
    if saves:
        add("## Durable answer save")
        add("")
        add("`store_answer_put` timed alone with `clock_gettime` "
            "(`bench/saves.c`): each call is a WAL transaction with "
            "synchronous=FULL, so the figure is mostly the disk's fsync. "
            "\"fresh\": a new database; \"during export\": the same calls "
            "into a copy of the 10,000-intake database while a background "
            "loop exports that database (wide) over and over.")
        add("")
        add("| case | saves | p50 | p90 | p99 | max |")
        add("| --- | ---: | ---: | ---: | ---: | ---: |")
        for r in saves:
            add("| %s | %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms |" % (
                r[0].replace("_", " "), r[1], float(r[2]) / 1e3,
                float(r[3]) / 1e3, float(r[4]) / 1e3, float(r[5]) / 1e3))
        fresh = one(res, "saves", "fresh")
        busy = one(res, "saves", "during_export")
        if fresh and busy:
            summary.append(("save p50 / p99 during export",
                            "%.2f / %.2f ms" % (float(busy[2]) / 1e3,
                                                float(busy[4]) / 1e3),
                            "fresh %.2f / %.2f ms" % (float(fresh[2]) / 1e3,
                                                      float(fresh[4]) / 1e3),
                            "%.2f× / %.2f×" % (float(busy[2]) / float(fresh[2]),
                                               float(busy[4]) / float(fresh[4]))))
        for r in res.get("exports_during", []):
            add("")
            add("Exports completed by the background loop during those "
                "saves: %s." % r[0])
        add("")

    fl = res.get("formload", [])
    if fl:
        add("## Form load (parse + check)")
        add("")
        add("`smp-intake check FORM` under hyperfine (`-N`, warm-up 3), "
            "against process start of `sqlite3 :memory: 'select 1'` in the "
            "same run. Generated forms come from `bench/genform.sh N` "
            "(choice questions with four scored options, yes/no, bounded "
            "integers with a validation, a `show if` on every third "
            "question, rules and bands, two languages). Per question: "
            "(median − baseline) / questions.")
        add("")
        add("| form | questions | lines | median | baseline | per question |")
        add("| --- | ---: | ---: | ---: | ---: | ---: |")
        per = []
        for r in fl:
            q = int(r[1])
            t, b = float(r[3]), float(r[4])
            pq = (t - b) / q * 1e6 if q else 0
            if r[0].startswith("gen-"):
                per.append((q, pq))
            add("| %s | {:,} | {:,} | %s | %s | %.2f µs |".format(q, int(r[2])) % (
                r[0], ms(t), ms(b), pq))
        add("")
        if len(per) >= 2:
            lo, hi = per[0], per[-1]
            ratio = hi[1] / lo[1] if lo[1] > 0 else 0
            verdict = ("linear: time per question stays roughly constant"
                       if 0.5 <= ratio <= 2 else
                       "NOT linear: time per question changes with size")
            add("From %s to %s questions the time per question goes "
                "from %.2f µs to %.2f µs (%.2f×): %s." % (
                    "{:,}".format(lo[0]), "{:,}".format(hi[0]), lo[1], hi[1],
                    ratio, verdict))
            add("")
            summary.append(("form load per question, %s → %s" % (
                "{:,}".format(lo[0]), "{:,}".format(hi[0])),
                "%.2f → %.2f µs" % (lo[1], hi[1]), "", "%.2f×" % ratio))

    pty = res.get("pty", [])
    if pty:
        add("## Kiosk in a pty")
        add("")
        add("`bench/ptylat.c`: forkpty at 80×24, TERM=xterm-256color; a "
            "screen is drawn when output has been quiet for 30 ms, and "
            "the time is taken at its **last byte** (the quiet spell is "
            "not counted). Start: exec to the first screen drawn. Key: "
            "Down/Up arrow written to the screen updated. The baseline is "
            "`dialog --menu \"Pick\" 20 60 12` with 12 items in the same "
            "harness and run; the kiosk's key figures are on a choice "
            "question with 12 options (the same task as the menu). "
            "\"kiosk shipped form\" starts on the shipped form with an "
            "empty database; the last row starts it on a copy of the "
            "largest generated database (a clinic with years of intakes).")
        add("")
        add("| program | runs | keys | first byte p50 | start p50 | start p90 | key p50 | key p90 |")
        add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in pty:
            add("| %s | %s | %s | %s ms | %s ms | %s ms | %s | %s |" % (
                r[0].replace("_", " "), r[1], r[2], r[3], r[4], r[5],
                (r[6] + " ms") if r[2] != "0" else "–",
                (r[7] + " ms") if r[2] != "0" else "–"))
        add("")
        small = one(res, "pty", "kiosk_shipped_form")
        for r in pty:
            if r[0].startswith("kiosk_shipped_form_") and small:
                add("Start on the large database takes %.1f× the start on an "
                    "empty one (%s ms against %s ms, p50)%s." % (
                        float(r[4]) / float(small[4]), r[4], small[4],
                        ": the kiosk's start grows with the database "
                        "(something at start reads it whole)"
                        if float(r[4]) > 10 * float(small[4]) else
                        ": start does not grow with the database (the "
                        "integrity check runs on a thread after the first "
                        "screen)"))
                add("")
        d = one(res, "pty", "dialog")
        for name in [r[0] for r in pty if r[0].startswith("kiosk")]:
            k = one(res, "pty", name)
            if d and k:
                summary.append(("%s start (p50)" % name.replace("_", " "),
                                k[4] + " ms", "dialog " + d[4] + " ms",
                                "%.2f×" % (float(k[4]) / float(d[4]))))
                if k[2] != "0" and float(d[6]) > 0:
                    summary.append(("%s key (p50)" % name.replace("_", " "),
                                    k[6] + " ms", "dialog " + d[6] + " ms",
                                    "%.2f×" % (float(k[6]) / float(d[6]))))

    ipk = res.get("ipk", [])
    if ipk:
        add("## Instructions per key press")
        add("")
        add("valgrind `--tool=callgrind` on the program in the same pty, "
            "driven through a scripted walk of N Down/Up keys, minus a run "
            "with 0 keys, divided by N. Counts instructions, not time, so "
            "it is stable on a noisy machine.")
        add("")
        add("| program | keys | Ir with 0 keys | Ir with N keys | Ir per key |")
        add("| --- | ---: | ---: | ---: | ---: |")
        for r in ipk:
            add("| {} | {} | {:,} | {:,} | {:,} |".format(
                r[0].replace("_", " "), r[1], int(r[2]), int(r[3]), int(r[4])))
        add("")
        d = one(res, "ipk", "dialog")
        k = one(res, "ipk", "kiosk_menu12")
        if d and k:
            summary.append(("instructions per key", "{:,}".format(int(k[4])),
                            "dialog {:,}".format(int(d[4])),
                            "%.2f×" % (int(k[4]) / max(1, int(d[4])))))

    if summary:
        add("## Summary")
        add("")
        add("| measure | ours | baseline | ratio (ours/baseline) |")
        add("| --- | ---: | ---: | ---: |")
        for s in summary:
            add("| %s | %s | %s | %s |" % s)
        add("")
    notes = res.get("note", [])
    if notes:
        add("## Notes")
        add("")
        for r in notes:
            add("- " + " ".join(r))
        add("")

    text = "\n".join(out)
    with open(mdpath, "w") as f:
        f.write(text)
    # The terminal gets the summary and what was not measured.
    print("\n".join(l for l in out if l.startswith("|") or
                    l.startswith("- **") or l.startswith("#")))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "hf":
        hf(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "cg":
        cg(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "render":
        render(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: report.py hf JSON | cg FILE | render RESULTS MD")


main()
