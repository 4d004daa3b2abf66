"""Real professional news through ``transflow check`` and ``pofilter``, planted defects, and ``split``.

Usage: python3 bench/bench_realtext.py [--data DIR] [--seed 1] [--show N] [--skip-pofilter]

1. Flag rates: every pair of ``pairs.dev.jsonl`` (professional zh→en news, see ../shared/realtext/README.md)
   becomes a reviewed entry (catalogs of 100), checked by ``transflow check --format json`` and by
   ``pofilter``; the share of pairs flagged, per rule and per pofilter test, side by side. A good
   translation should not be flagged: every flag here costs a reviewer's time.
2. Planted defects: in every pair the gate passes untouched (no error), one defect of each kind is
   planted in the English where the pair allows it (a number changed, deleted, converted to the wrong
   scale, a number word changed, a month changed, Chinese left in, full-width punctuation, a
   machine-translation loop, the source copied). Recall per kind = planted pairs the gate then fails.
3. Split: every paragraph of ``segmentation.dev.jsonl`` through ``transflow split --json``; the share of
   paragraphs split exactly as the gold, per kind.
The checks run this checkout's code (``src/`` first on PYTHONPATH), in subprocesses, as a user would.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
TRANSFLOW = [sys.executable, "-m", "transflow.cli"]
DATA_DIRS = (
    ROOT.parent / "shared" / "realtext",
    ROOT.parent.parent / "shared" / "realtext",
    Path("/work/shared/realtext"),
)
CHUNK = 100

# --- planted defects ---------------------------------------------------------------------------------------
Planter = Callable[[str, str, random.Random], "str | None"]
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d+(?:\.\d+)?(?![\d.]?\d)")
_SCALES = {"million": "billion", "billion": "million", "thousand": "million", "bn": "m", "m": "bn"}
_SCALE = re.compile(r"(?<=\d)(bn|m)\b|(?<=\d )(million|billion|thousand)\b")
_WORDS = "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty".split()
_WORD = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
_MONTHS = "January February March April June July August September October November December".split()
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,6}")
_PUNCT = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def _pick(pattern: re.Pattern, text: str, rng: random.Random) -> re.Match | None:
    found = list(pattern.finditer(text))
    return rng.choice(found) if found else None


def _swap(text: str, m: re.Match, new: str, group: int = 0) -> str:
    return text[: m.start(group)] + new + text[m.end(group) :]


def number_changed(zh: str, en: str, rng: random.Random) -> str | None:
    m = _pick(_NUMBER, en, rng)
    if not m:
        return None
    digits = [i for i, ch in enumerate(m.group()) if ch.isdigit()]
    i = rng.choice(digits)
    old = m.group()[i]
    new = rng.choice([d for d in "123456789" if d != old] if i == digits[0] else [d for d in "0123456789" if d != old])
    return _swap(en, m, m.group()[:i] + new + m.group()[i + 1 :])


def number_deleted(zh: str, en: str, rng: random.Random) -> str | None:
    m = _pick(_NUMBER, en, rng)
    return re.sub(r"\s{2,}", " ", _swap(en, m, "")).strip() if m else None


def number_converted(zh: str, en: str, rng: random.Random) -> str | None:
    """The scale converted wrongly: 2 billion -> 2 million, £40m -> £40bn, 300,000 -> 300 million."""
    m = _pick(_SCALE, en, rng)
    if m:
        group = 1 if m.group(1) else 2
        return _swap(en, m, _SCALES[m.group(group)], group)
    m = _pick(re.compile(r"(?<![\w.,])(\d{1,3}),000(?![\d,])"), en, rng)
    return _swap(en, m, m.group(1) + " million") if m else None


def number_word(zh: str, en: str, rng: random.Random) -> str | None:
    m = _pick(_WORD, en, rng)
    if not m:
        return None
    new = rng.choice([w for w in _WORDS if w != m.group().lower()])
    return _swap(en, m, new.capitalize() if m.group()[0].isupper() else new)


def month(zh: str, en: str, rng: random.Random) -> str | None:
    m = _pick(_MONTH, en, rng)
    return _swap(en, m, rng.choice([x for x in _MONTHS if x != m.group()])) if m else None


def chinese_left(zh: str, en: str, rng: random.Random) -> str | None:
    m = _pick(_HAN, zh, rng)
    words = list(re.finditer(r"[A-Za-z]{4,}", en))
    if not m or not words:
        return None
    return _swap(en, rng.choice(words), m.group())


def cjk_punctuation(zh: str, en: str, rng: random.Random) -> str | None:
    marks = [i for i, ch in enumerate(en) if ch in _PUNCT and not (ch == "." and en[i + 1 : i + 2].isdigit())]
    if not marks:
        return None
    i = rng.choice(marks)
    return en[:i] + _PUNCT[en[i]] + en[i + 1 :]


def loop(zh: str, en: str, rng: random.Random) -> str | None:
    """A machine-translation loop: a phrase of two to five words comes back three more times in a row."""
    words = en.split()
    if len(words) < 6:
        return None
    size = rng.randint(2, min(5, len(words) - 1))
    at = rng.randint(0, len(words) - size)
    phrase = words[at : at + size]
    return " ".join(words[: at + size] + phrase * 3 + words[at + size :])


def source_copied(zh: str, en: str, rng: random.Random) -> str | None:
    return zh


PLANTERS: dict[str, Planter] = {
    "number changed": number_changed,
    "number deleted": number_deleted,
    "number converted": number_converted,
    "number word": number_word,
    "month": month,
    "Chinese left in": chinese_left,
    "CJK punctuation": cjk_punctuation,
    "loop": loop,
    "source copied": source_copied,
}


# --- running the tools --------------------------------------------------------------------------------------
def load(data: Path, name: str) -> list[dict]:
    with open(data / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_project(root: Path, pairs: list[tuple[str, str, str]]) -> dict[tuple[str, int], str]:
    """Catalogs of reviewed entries (id, zh, en); returns (PO file, line) -> id."""
    base = root / "locale" / "en" / "LC_MESSAGES"
    base.mkdir(parents=True)
    (root / "transflow.toml").write_text('source_language = "zh"\ntarget_languages = ["en"]\n')
    for c in range(0, len(pairs), CHUNK):
        po = polib.POFile(wrapwidth=0)
        po.metadata = {"Language": "en", "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                       "Content-Transfer-Encoding": "8bit", "Plural-Forms": "nplurals=2; plural=(n != 1);"}  # fmt: skip
        seen = set()
        for pid, zh, en in pairs[c : c + CHUNK]:
            if zh not in seen:
                seen.add(zh)
                po.append(polib.POEntry(msgid=zh, msgstr=en, comment=f"id: {pid}"))
        po.save(str(base / f"dev{c // CHUNK:03d}.po"))
    where = {}
    for f in sorted(base.iterdir()):
        for e in polib.pofile(str(f)):
            where[(f"locale/en/LC_MESSAGES/{f.name}", e.linenum)] = e.comment.split("id: ", 1)[1]
    return where


def run_check(root: Path, pairs: list[tuple[str, str, str]]) -> dict[str, list[dict]]:
    """Findings of ``transflow check`` per pair id (every id present, maybe with an empty list)."""
    where = write_project(root, pairs)
    proc = subprocess.run([*TRANSFLOW, "-C", str(root), "check", "--format", "json"], capture_output=True,
                          text=True, env=ENV)  # fmt: skip
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        sys.exit(f"check printed no JSON (exit {proc.returncode}): {proc.stderr.strip()[:300]}")
    hits: dict[str, list[dict]] = {pid: [] for pid in where.values()}
    for f in report["findings"]:
        pid = where.get((f["file"], f["line"]))
        if pid:
            hits[pid].append(f)
    return hits


def run_pofilter(root: Path) -> dict[str, set[str]]:
    """pofilter's failing tests per pair id, on the catalogs ``run_check`` wrote."""
    out = root / "pofilter-out"
    subprocess.run(["pofilter", "--progress=none", "--language=en", "-i", str(root / "locale"), "-o", str(out)],
                   capture_output=True, check=False)  # fmt: skip
    tests: dict[str, set[str]] = collections.defaultdict(set)
    for po in out.rglob("*.po"):
        for entry in polib.pofile(str(po)):
            pid = entry.comment.split("id: ", 1)[1].split()[0] if "id: " in entry.comment else None
            if pid:
                tests[pid].update(re.findall(r"\(pofilter\) ([\w-]+)", entry.comment + "\n" + entry.tcomment))
    return tests


def run_split(data: Path, work: Path) -> tuple[dict[str, tuple[int, int]], list[tuple[dict, list[str]]]]:
    gold = load(data, "segmentation.dev.jsonl")
    src = work / "paragraphs.txt"
    src.write_text("".join(g["paragraph"] + "\n" for g in gold), encoding="utf-8")
    proc = subprocess.run([*TRANSFLOW, "split", str(src), "--json"], capture_output=True, text=True, env=ENV)
    if proc.returncode:
        sys.exit(f"split exited {proc.returncode}: {proc.stderr.strip()[:300]}")
    got = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            x = json.loads(line)
            got[x["line"]] = [s.strip() for s in x["segments"] if s.strip()]
    score: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    wrong = []
    for k, g in enumerate(gold, 1):
        ok = got.get(k) == [s.strip() for s in g["segments"]]
        score[g["kind"]][0] += ok
        score[g["kind"]][1] += 1
        if not ok:
            wrong.append((g, got.get(k) or []))
    return {kind: (a, b) for kind, (a, b) in score.items()}, wrong


# --- report ---------------------------------------------------------------------------------------------------
def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.2f}%" if b else "   n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=next((d for d in DATA_DIRS if d.is_dir()), DATA_DIRS[0]))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="print N flagged pairs and N missed planted defects")
    parser.add_argument("--skip-pofilter", action="store_true")
    args = parser.parse_args()
    pairs = [
        (p["id"], p["zh"], p["en"]) for p in load(args.data, "pairs.dev.jsonl") if p["zh"].strip() and p["en"].strip()
    ]
    by_id = {pid: (zh, en) for pid, zh, en in pairs}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        hits = run_check(work / "professional", pairs)
        n = len(hits)
        errors = {pid for pid, fs in hits.items() if any(f["severity"] == "error" for f in fs)}
        warnings = {pid for pid, fs in hits.items() if any(f["severity"] == "warning" for f in fs)}
        rules = collections.Counter(r for fs in hits.values() for r in {f["rule"] for f in fs})
        theirs = {} if args.skip_pofilter else run_pofilter(work / "professional")
        tests = collections.Counter(t for pid in hits for t in theirs.get(pid, ()))

        print(f"professional pairs: {n} (newstest2017 zh→en, newstest2020 en→zh; {args.data})")
        print(f"  transflow check: flagged with an error {pct(len(errors), n)}, with a warning {pct(len(warnings), n)},"
              f" with anything {pct(len(errors | warnings), n)}")  # fmt: skip
        if theirs:
            print(f"  pofilter:        flagged with anything {pct(sum(1 for pid in hits if theirs.get(pid)), n)}")
        print(f"\n  {'transflow rule':<20} {'pairs':>6} {'share':>7}   {'pofilter test':<22} {'pairs':>6} {'share':>7}")
        ours, other = rules.most_common(), tests.most_common(len(rules) if len(rules) > 10 else 12)
        for i in range(max(len(ours), len(other))):
            left = f"{ours[i][0]:<20} {ours[i][1]:>6} {pct(ours[i][1], n):>7}" if i < len(ours) else " " * 35
            right = f"{other[i][0]:<22} {other[i][1]:>6} {pct(other[i][1], n):>7}" if i < len(other) else ""
            print(f"  {left}   {right}")

        clean = [(pid, *by_id[pid]) for pid in sorted(hits) if pid not in errors]
        planted, missed = [], []
        for kind, plant in PLANTERS.items():
            variants = []
            for pid, zh, en in clean:
                bad = plant(zh, en, random.Random(f"{args.seed}:{kind}:{pid}"))
                if bad is not None and bad != en:
                    variants.append((pid, zh, bad))
            found = run_check(work / re.sub(r"\W+", "-", kind), variants) if variants else {}
            caught = {pid for pid, fs in found.items() if any(f["severity"] == "error" for f in fs)}
            new = {pid for pid, fs in found.items() if {f["rule"] for f in fs} - {f["rule"] for f in hits[pid]}}
            planted.append((kind, len(found), len(caught), len(caught | new)))
            missed += [(kind, pid, dict((v[0], v[2]) for v in variants)[pid]) for pid in found if pid not in caught]
        total, caught, told = (sum(p[i] for p in planted) for i in (1, 2, 3))
        print(f"\nplanted defects in the {len(clean)} pairs the gate passes")
        print(f"  {'kind':<20} {'found (gate fails)':>25}   {'reported (error or new warning)':>32}")
        for kind, k, c, r in [*planted, ("all kinds", total, caught, told)]:
            print(f"  {kind:<20} {c:>8}/{k:<6} {pct(c, k):>8}   {r:>17}/{k:<6} {pct(r, k):>8}")

        score, wrong = run_split(args.data, work)
        print("\nsplit (transflow split --json against gold sentences):")
        for kind, (a, b) in score.items():
            print(f"  {kind:<34} {a:>4}/{b:<4} {pct(a, b)} exact")

        for pid in sorted(pid for pid in hits if hits[pid])[: args.show]:
            zh, en = by_id[pid]
            print(f"\n{pid}\n  zh {zh}\n  en {en}")
            for f in hits[pid]:
                print(f"  -> {f['severity']} {f['rule']}: {f['message']}")
        for kind, pid, bad in missed[: args.show]:
            print(f"\nmissed {kind} in {pid}\n  zh {by_id[pid][0]}\n  en {bad}")
        for g, got in wrong[: args.show]:
            print(f"\nsplit {g['id']}\n  gold {' ‖ '.join(g['segments'])}\n  got  {' ‖ '.join(got)}")


if __name__ == "__main__":
    main()
