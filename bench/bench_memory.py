"""Benchmark: fuzzy lookups and TMX import at 10k / 100k / 1M units, four ways side by side.

Usage: python3 bench/bench_memory.py [--sizes 10000,100000,1000000] [--queries 300] [--out DIR]
                                     [--old-sample 3] [--brute-sample 20] [--skip-pg]

Data (generated under --out, never committed): Chinese news-like sentences recombined from the clauses of
/work/shared/realtext/pairs.dev.jsonl (2–4 clauses, some characters changed), with English targets.
A tenth of the clauses is held back to build queries that match nothing. Queries, 300 by default:
two thirds are stored sentences with edits spread through them, 76–95% similar to the sentence they came
from; one third are built from held-back clauses and (checked exhaustively) have no unit >= 75%.

Side by side, per size:
- old:   the scan transflow had before the index (difflib over a length band), on a sample of queries;
- brute: rapidfuzz ``process.extractOne`` over every source, on a sample of queries;
- index: the SQLite memory (``Memory.search``), every query, one call each, warm process;
- pg:    the PostgreSQL memory (pg_trgm candidates, same scorer), every query, private server.
index and pg: the median (and p90) of one ``search`` call per query, and the mean per query of one
``search`` call with all the queries at once (a draft run's batch).
Accuracy: the best match equals the exhaustive scan's (rapidfuzz ``cdist`` over all units, same tie-break)
for the close queries; no match at all for the others. Import: ``transflow memory import`` as a fresh
process, wall time and peak RSS (``wait4``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests")]

from rapidfuzz import fuzz, process  # noqa: E402

from transflow.draft.fuzzy import Match, sort_key  # noqa: E402
from transflow.draft.store_sqlite import SqliteMemory  # noqa: E402
from transflow.draft.tmx_io import write_tmx  # noqa: E402

PAIRS = Path("/work/shared/realtext/pairs.dev.jsonl")
CLAUSE_END = re.compile(r"[，；：。！？]")


def clauses() -> tuple[list[str], list[str], str]:
    """(clauses for the memory, held-back clauses, the characters of the corpus)."""
    rows = [json.loads(line) for line in PAIRS.read_text("utf-8").splitlines()]
    found = sorted({c.strip() for r in rows for c in CLAUSE_END.split(r["zh"]) if len(c.strip()) >= 4})
    random.Random(7).shuffle(found)
    chars = "".join(r["zh"] for r in rows)
    cut = len(found) // 10
    return found[cut:], found[:cut], chars


def sentence(pool: list[str], chars: str, rng: random.Random) -> str:
    text = "，".join(rng.sample(pool, rng.randint(2, 4))) + "。"
    if rng.random() < 0.6:  # a changed figure, name or word, as in a follow-up story
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(1, len(text) - 1)
            text = text[:i] + rng.choice(chars) + text[i + 1 :]
    return text.strip()  # as a TMX import stores it


def units(n: int, pool: list[str], chars: str) -> list[str]:
    rng = random.Random(n)
    out: dict[str, None] = {}
    while len(out) < n:
        out[sentence(pool, chars, rng)] = None
    return list(out)


def spread(text: str, chars: str, rng: random.Random) -> str | None:
    """Edit characters spread evenly through ``text`` until it is 76–95% similar; None if it never lands."""
    target = rng.uniform(76, 95)
    edited = list(text)
    for every in range(40, 1, -1):
        edited = list(text)
        start = rng.randrange(every)
        for i in range(start, len(edited), every):
            edited[i] = rng.choice(chars) if rng.random() < 0.7 else ""
        candidate = "".join(edited)
        if fuzz.ratio(candidate, text) <= target:
            return candidate if fuzz.ratio(candidate, text) >= 76 else None
    return None


def queries(stored: list[str], held: list[str], chars: str, count: int) -> tuple[list[str], list[str]]:
    rng = random.Random(count)
    close: list[str] = []
    while len(close) < count * 2 // 3:
        q = spread(rng.choice(stored), chars, rng)
        if q:
            close.append(q)
    none = [sentence(held, chars, rng) for _ in range(count - len(close))]
    return close, none


def exhaustive(qs: list[str], stored: list[str], origin: str) -> list[Match | None]:
    """The truth: every query against every unit (rapidfuzz cdist, in chunks), best by the documented order."""
    import numpy as np

    best: list[list[tuple[float, str]]] = [[] for _ in qs]
    for start in range(0, len(stored), 50_000):
        chunk = stored[start : start + 50_000]
        # cut off at 74, then decide 75 exactly: float32 puts some units of exactly 75% at 74.99999
        scores = process.cdist(qs, chunk, scorer=fuzz.ratio, score_cutoff=74, workers=-1, dtype=np.float32)
        for i, j in zip(*np.nonzero(scores)):
            best[i].append((0.0, chunk[j]))
    out: list[Match | None] = []
    for q, found in zip(qs, best):
        matches = [Match("", (len(q) + len(s) - _indel(q, s)) / (len(q) + len(s)), origin, s) for _, s in found]
        matches = [m for m in matches if m.score * 100 >= 75 - 1e-9]
        out.append(min(matches, key=sort_key) if matches else None)
    return out


def _indel(a: str, b: str) -> int:
    from rapidfuzz.distance import Indel

    return Indel.distance(a, b)


#: Runs a command and prints its peak RSS. A small parent of its own: a child forked from this (large)
#: benchmark process would report the benchmark's pages as its own peak.
LAUNCHER = "import os, subprocess, sys; p = subprocess.Popen(sys.argv[1:]); _, s, r = os.wait4(p.pid, 0); "
LAUNCHER += "print(r.ru_maxrss, s)"


def run_import(project: Path, tmx: Path, env: dict) -> tuple[float, float]:
    """``transflow memory import`` as a fresh process: (seconds, peak RSS in MB)."""
    command = [sys.executable, "-m", "transflow.cli", "-C", str(project), "memory", "import", str(tmx)]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command],
        env={**env, "PYTHONPATH": str(REPO / "src")},
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    rss_kb, status = done.stdout.split()
    if status != "0":
        raise SystemExit(f"import failed: {done.stderr}")
    return elapsed, int(rss_kb) / 1024


def timed(memory, qs: list[str]) -> tuple[list[Match | None], list[float]]:
    got, times = [], []
    for q in qs:
        start = time.perf_counter()
        found = memory.search([q], "zh", "en")[0]
        times.append((time.perf_counter() - start) * 1000)
        got.append(found[0] if found else None)
    return got, times


def lookups(memory, close: list[str], none: list[str]) -> tuple[list[Match | None], list[float], float]:
    """Warm the memory, then: one ``search`` call with every query (mean ms per query), one call per query."""
    memory.search(close[:3], "zh", "en")  # warm: lengths array, page cache, band estimates
    start = time.perf_counter()
    memory.search(close + none, "zh", "en")
    batch = (time.perf_counter() - start) * 1000 / len(close + none)
    got, times = timed(memory, close + none)
    return got, times, batch


def same(a: Match | None, b: Match | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.source, a.origin, round(a.score, 12)) == (b.source, b.origin, round(b.score, 12))


def old_scan(stored_db: Path, qs: list[str]) -> list[float]:
    """Before the index: every unit of the length band through difflib (the code as it was)."""
    import sqlite3

    db = sqlite3.connect(stored_db)
    times = []
    for q in qs:
        start = time.perf_counter()
        low, high = len(q) * 0.75 / 1.25, len(q) * 1.25 / 0.75
        for (cand,) in db.execute("SELECT source FROM old WHERE length(source) BETWEEN ? AND ?", (low, high)):
            m = SequenceMatcher(None, q, cand, autojunk=False)
            if m.real_quick_ratio() >= 0.75 and m.quick_ratio() >= 0.75:
                m.ratio()
        times.append((time.perf_counter() - start) * 1000)
    db.close()
    return times


def summary(name: str, times: list[float], accuracy: str = "") -> dict:
    med = statistics.median(times)
    p90 = sorted(times)[int(len(times) * 0.9) - 1] if len(times) >= 10 else max(times)
    print(f"  {name:6s} median {med:9.2f} ms  p90 {p90:9.2f} ms  ({len(times)} queries) {accuracy}", flush=True)
    return {"median_ms": med, "p90_ms": p90, "n": len(times), "accuracy": accuracy}


def bench_size(n: int, args, pool, held, chars, pg) -> dict:
    out = args.out / str(n)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    stored = units(n, pool, chars)
    tmx = out / f"units{n}.tmx"
    origin = f"tmx:{tmx.name}"
    write_tmx(tmx, (("zh", "en", s, f"English {i}", origin) for i, s in enumerate(stored)), "zh")
    close, none = queries(stored, held, chars, args.queries)
    print(f"{n} units: {len(close)} close queries, {len(none)} no-match queries", flush=True)
    truth = exhaustive(close + none, stored, origin)
    result: dict = {"units": n}

    project = out / "project"
    (project / "source").mkdir(parents=True)  # a project: transflow refuses a bare folder
    env = {k: v for k, v in os.environ.items() if k != "TRANSFLOW_MEMORY"}
    seconds, rss = run_import(project, tmx, env)
    print(f"  import sqlite: {seconds:.1f} s, peak RSS {rss:.0f} MB", flush=True)
    result["import_sqlite"] = {"s": seconds, "rss_mb": rss}

    def accuracy(got):
        for q, g, t in zip(close, got, truth):
            if not same(g, t):
                print(f"    differs: {q!r}: exhaustive {t}, got {g}", flush=True)
        hits = sum(same(g, t) for g, t in zip(got[: len(close)], truth[: len(close)]))
        # "no match" queries are those the exhaustive scan finds nothing >= 75% for (a few built from
        # held-back clauses still come close to a stored sentence: those count as close queries)
        apart = list(zip(got[len(close) :], truth[len(close) :]))
        empty = sum(g is None for g, t in apart if t is None)
        near = [same(g, t) for g, t in apart if t is not None]
        text = f"best=exhaustive {hits}/{len(close)}, none {empty}/{len(apart) - len(near)}"
        return text + (f" (near ones: best=exhaustive {sum(near)}/{len(near)})" if near else "")

    with SqliteMemory(project) as memory:
        got, times, batch = lookups(memory, close, none)
    result["index"] = summary("index", times, accuracy(got) + f", batch mean {batch:.2f} ms")

    sample = (close + none)[:: max(1, len(close + none) // args.brute_sample)][: args.brute_sample]
    times = []
    for q in sample:
        start = time.perf_counter()
        process.extractOne(q, stored, scorer=fuzz.ratio, score_cutoff=75)
        times.append((time.perf_counter() - start) * 1000)
    result["brute"] = summary("brute", times)

    old_db = out / "old.sqlite"
    import sqlite3

    db = sqlite3.connect(old_db)
    db.execute("CREATE TABLE old (source TEXT)")
    db.executemany("INSERT INTO old VALUES (?)", ((s,) for s in stored))
    db.execute("CREATE INDEX old_len ON old (length(source))")
    db.commit()
    db.close()
    result["old"] = summary("old", old_scan(old_db, sample[: args.old_sample]))

    if pg is not None:
        from transflow.draft.store_pg import PgMemory

        pg.admin("DROP TABLE IF EXISTS units, origins, mt, schema_version CASCADE", db="bench")
        seconds, rss = run_import(project, tmx, {**env, "TRANSFLOW_MEMORY": pg.url("bench")})
        print(f"  import pg: {seconds:.1f} s, peak RSS {rss:.0f} MB (client)", flush=True)
        result["import_pg"] = {"s": seconds, "rss_mb": rss}
        with PgMemory(pg.url("bench")) as memory:
            memory.conn.execute("VACUUM ANALYZE units")
            got, times, batch = lookups(memory, close, none)
        result["pg"] = summary("pg", times, accuracy(got) + f", batch mean {batch:.2f} ms")
    shutil.rmtree(out, ignore_errors=True)  # data is never kept
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--old-sample", type=int, default=3)
    parser.add_argument("--brute-sample", type=int, default=20)
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--out", type=Path, default=Path("/tmp/transflow-bench-memory"))
    args = parser.parse_args()
    pool, held, chars = clauses()
    results = []
    if args.skip_pg:
        for n in map(int, args.sizes.split(",")):
            results.append(bench_size(n, args, pool, held, chars, None))
    else:
        from pg_server import postgres_server

        with postgres_server() as pg:
            pg.admin("CREATE DATABASE bench OWNER translator")
            for n in map(int, args.sizes.split(",")):
                results.append(bench_size(n, args, pool, held, chars, pg))
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
