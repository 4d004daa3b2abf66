"""Benchmark the sentence aligner (``transflow align``) against a Gale–Church baseline on real news.

Usage: python3 bench/bench_align.py [--pairs FILE] [--rows-per-doc 30] [--seed 1] [--limit N] [--fit]

Dev documents are built from ``../shared/realtext/pairs.dev.jsonl`` in the test sets' order: each set's
rows, sorted by ``pos``, are cut into documents of ``--rows-per-doc`` rows, and each document into
paragraphs of 1–4 rows (seeded); a row without final punctuation (a headline, a caption, a cut broadcast
line) ends its paragraph, as it would in a real article. One row is one gold bead. Three versions:

- ``clean``: the English as translated, paragraphs following the Chinese ones;
- ``hard``: in every document 1–2 English rows deleted (gold 1–0 beads) and 1–2 pairs of neighbouring
  English rows merged into one sentence with a semicolon (gold 2–1 beads);
- ``reflowed``: the hard English with paragraphs run together (up to 8 rows; a line without final
  punctuation still ends one): the paragraphs do not follow the Chinese ones.

Each is aligned twice: with gold splits (a row is a sentence) and with both sides split by transflow
(``text/split.py``, ``text/english.py``). Predicted beads are projected onto gold rows (rows linked by
one bead are one group) and compared with the gold rows: precision, recall, F1 of exact beads; and the
share of gold 1–0 beads found exactly. The Gale–Church baseline is this file's own: length only, the
1993 priors and variance, paragraph by paragraph when the counts agree, else the whole document.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from transflow.align.aligner import align_paragraphs  # noqa: E402
from transflow.text.english import split_spans as en_spans  # noqa: E402
from transflow.text.split import split_spans as zh_spans  # noqa: E402

PAIRS = ROOT.parent / "shared" / "realtext" / "pairs.dev.jsonl"  # ../shared beside the repository
ENDS = tuple('。！？!?.…”」』"’)）')


@dataclass
class Unit:
    text: str
    rows: tuple[int, ...]  # gold rows this unit belongs to (a merged English unit: two rows)


@dataclass
class Doc:
    zh: list[list[Unit]]  # paragraphs of row units
    en: list[list[Unit]]
    gold: set  # {(frozenset zh rows, frozenset en unit ids)}


def load_rows(path: Path) -> dict[str, list[dict]]:
    sets: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        sets.setdefault(row["set"], []).append(row)
    return {k: sorted(v, key=lambda r: r["pos"]) for k, v in sets.items()}


def paragraphs(rows: list[dict], rng: random.Random) -> list[list[int]]:
    out, current, size = [], [], rng.randint(1, 4)
    for k, row in enumerate(rows):
        current.append(k)
        if len(current) >= size or not row["zh"].rstrip().endswith(ENDS) or not row["en"].rstrip().endswith(ENDS):
            out.append(current)
            current, size = [], rng.randint(1, 4)
    return out + ([current] if current else [])


def _merged(a: str, b: str) -> str:
    a = a.rstrip()
    return (a[:-1] if a.endswith(".") else a) + "; " + b


def build(rows: list[dict], rng: random.Random, hard: bool, reflow: bool) -> Doc:
    pars = paragraphs(rows, rng)
    deleted, merged = set(), set()
    if hard:
        candidates = list(range(len(rows)))
        rng.shuffle(candidates)
        deleted = set(candidates[: rng.randint(1, 2)])
        pairs = [(p[k], p[k + 1]) for p in pars for k in range(len(p) - 1)]
        rng.shuffle(pairs)
        for a, b in pairs:
            if len(merged) >= 2 * rng.randint(1, 2):
                break
            if not {a, b} & (deleted | merged) and rows[a]["en"].rstrip().endswith("."):
                merged |= {a, b}
    zh = [[Unit(rows[k]["zh"], (k,)) for k in p] for p in pars]
    en, gold = [], set()
    for p in pars:
        units, k = [], 0
        while k < len(p):
            r = p[k]
            if r in deleted:
                gold.add((frozenset([r]), frozenset()))
            elif r in merged:
                units.append(Unit(_merged(rows[r]["en"], rows[p[k + 1]]["en"]), (r, p[k + 1])))
                gold.add((frozenset([r, p[k + 1]]), frozenset([r])))
                k += 1
            else:
                units.append(Unit(rows[r]["en"], (r,)))
                gold.add((frozenset([r]), frozenset([r])))
            k += 1
        if units:
            en.append(units)
    if reflow:  # paragraphs run together, except after a line without final punctuation (a headline)
        flowed = [en[0]] if en else []
        for par in en[1:]:
            if flowed[-1][-1].text.rstrip().endswith(ENDS) and len(flowed[-1]) < 8:
                flowed[-1] = flowed[-1] + par
            else:
                flowed.append(par)
        en = flowed
    return Doc(zh, en, gold)


def split_units(pars: list[list[Unit]], joiner: str, spans) -> tuple[list[list[str]], list[int]]:
    """Join each paragraph's units as a writer would and split it again; map each sentence to a unit."""
    out, owner = [], []
    for par in pars:
        text, starts = "", []
        for u in par:
            if text:
                text += joiner
            starts.append((len(text), len(text) + len(u.text), u.rows[0]))
            text += u.text
        sentences = []
        for a, b in spans(text):
            sentences.append(text[a:b])
            overlap = [(min(b, e) - max(a, s), row) for s, e, row in starts]
            owner.append(max(overlap)[1])
        out.append(sentences)
    return out, owner


def project(beads, zh_owner: list[int], en_owner: list[int]) -> set:
    """Predicted beads as groups of gold rows: rows that one bead links are one group (union–find)."""
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for bead in beads:
        nodes = [("z", zh_owner[k]) for k in bead.zh] + [("e", en_owner[k]) for k in bead.en]
        for node in nodes:
            find(node)
        for node in nodes[1:]:
            parent[find(node)] = find(nodes[0])
    groups: dict = {}
    for node in parent:
        groups.setdefault(find(node), []).append(node)
    return {(frozenset(r for s, r in g if s == "z"), frozenset(r for s, r in g if s == "e")) for g in groups.values()}


# --- Gale–Church (1993) baseline -------------------------------------------------------------------
GC_PRIOR = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}


def _gc_cost(lz: float, le: float, bead: tuple[int, int], c: float = 3.03, s2: float = 6.8) -> float:
    mean = (lz + le / c) / 2  # Gale–Church: lengths in source units, variance on the mean length
    delta = (le - lz * c) / math.sqrt(max(mean, 1) * s2 * c) if mean else 0.0
    return -math.log(GC_PRIOR[bead]) - math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300))


def gale_church(zh: list[str], en: list[str]):
    from transflow.align.aligner import Bead

    zl = [len(re.sub(r"\s", "", s)) for s in zh]
    el = [len(re.sub(r"\s", "", s)) for s in en]
    n, m = len(zl), len(el)
    best = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        for j in range(m + 1):
            for a, b in GC_PRIOR:
                if (i, j) in best and i + a <= n and j + b <= m:
                    cost = best[i, j][0] + _gc_cost(sum(zl[i : i + a]), sum(el[j : j + b]), (a, b))
                    if cost < best.get((i + a, j + b), (math.inf, None))[0]:
                        best[i + a, j + b] = (cost, (i, j))
    beads, point = [], (n, m)
    while point != (0, 0):
        i, j = best[point][1]
        beads.append(Bead(tuple(range(i, point[0])), tuple(range(j, point[1])), 1.0))
        point = (i, j)
    return beads[::-1]


def gc_paragraphs(zp: list[list[str]], ep: list[list[str]]):
    from transflow.align.aligner import _offset

    if len(zp) != len(ep):
        return gale_church([s for p in zp for s in p], [s for p in ep for s in p])
    beads, dz, de = [], 0, 0
    for z, e in zip(zp, ep, strict=True):
        beads += _offset(gale_church(z, e), dz, de)
        dz, de = dz + len(z), de + len(e)
    return beads


def measure(docs: list[Doc], aligner, self_split: bool) -> dict:
    hits = pred_n = gold_n = om_hit = om_n = 0
    for doc in docs:
        if self_split:
            zp, zo = split_units(doc.zh, "", zh_spans)
            ep, eo = split_units(doc.en, " ", en_spans)
        else:
            zp, zo = [[u.text for u in p] for p in doc.zh], [u.rows[0] for p in doc.zh for u in p]
            ep, eo = [[u.text for u in p] for p in doc.en], [u.rows[0] for p in doc.en for u in p]
        pred = project(aligner(zp, ep), zo, eo)
        hits += len(pred & doc.gold)
        pred_n, gold_n = pred_n + len(pred), gold_n + len(doc.gold)
        omitted = {g for g in doc.gold if not g[1]}
        om_hit, om_n = om_hit + len(omitted & pred), om_n + len(omitted)
    p, r = hits / max(pred_n, 1), hits / max(gold_n, 1)
    return {"P": p, "R": r, "F1": 2 * p * r / max(p + r, 1e-9), "omitted": f"{om_hit}/{om_n}"}


def fit(rows: list[dict]) -> tuple[float, float]:
    """Least squares (no intercept) of English non-space characters on Han and other Chinese characters."""
    sxx = sxy = syy = sxz = syz = 0.0
    for row in rows:
        han = len(re.findall(r"[\u3400-\u9fff]", row["zh"]))
        other = len(re.sub(r"\s", "", row["zh"])) - han
        eng = len(re.sub(r"\s", "", row["en"]))
        sxx, sxy, syy = sxx + han * han, sxy + han * other, syy + other * other
        sxz, syz = sxz + han * eng, syz + other * eng
    det = sxx * syy - sxy * sxy
    return (sxz * syy - syz * sxy) / det, (syz * sxx - sxz * sxy) / det


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--rows-per-doc", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="Only the first N documents (quick runs).")
    parser.add_argument("--set", default="", help="Only rows of this test set.")
    parser.add_argument("--fit", action="store_true", help="Print the fitted length ratio (model.py) and stop.")
    args = parser.parse_args()
    if args.fit:
        sets = load_rows(args.pairs)
        sets["all rows"] = [r for v in list(sets.values()) for r in v]
        for name, rows in sets.items():
            print(name, "per Han {:.2f}, per other character {:.2f}".format(*fit(rows)))
        return
    rng = random.Random(args.seed)
    chunks = []
    for name, rows in load_rows(args.pairs).items():
        if args.set and args.set != name:
            continue
        chunks += [rows[k : k + args.rows_per_doc] for k in range(0, len(rows), args.rows_per_doc)]
    if args.limit:
        chunks = chunks[: args.limit]
    versions = {}
    for name, hard, reflow in (("clean", False, False), ("hard", True, False), ("reflowed", True, True)):
        versions[name] = [build(c, random.Random(f"{args.seed}-{k}"), hard, reflow) for k, c in enumerate(chunks)]
    print(f"{len(chunks)} documents, {sum(len(c) for c in chunks)} rows")
    print(f"{'version':9} {'splits':5} {'aligner':12} {'P':>6} {'R':>6} {'F1':>6} {'1–0 found':>10} {'seconds':>8}")
    for name, docs in versions.items():
        for self_split in (False, True):
            for label, aligner in (("transflow", align_paragraphs), ("gale-church", gc_paragraphs)):
                start = time.perf_counter()
                m = measure(docs, aligner, self_split)
                took = time.perf_counter() - start
                splits = "own" if self_split else "gold"
                print(
                    f"{name:9} {splits:5} {label:12} {m['P']:6.3f} {m['R']:6.3f} {m['F1']:6.3f} "
                    f"{m['omitted']:>10} {took:8.1f}"
                )
    del rng


if __name__ == "__main__":
    main()
