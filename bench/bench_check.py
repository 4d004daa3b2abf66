"""Benchmark ``transflow check`` against Translate Toolkit's ``pofilter`` on planted defects.

Usage: python3 bench/bench_check.py [--count 1000] [--seed 1] [--work DIR [--reuse]] [--skip-pofilter]

1. Make the corpus (bench/corpus.py: article variants), run ``transflow segment``.
2. Fill every entry with deterministic, correct-looking English: filler words of a length that follows
   the source, with the source's numbers rendered in English by *this file's own* small renderer
   (18510 -> 18,510; 30万 -> 300,000; 7000多 -> more than 7,000; 1月31日 -> January 31; 三条 -> three),
   its quotes, brackets and final punctuation. Every entry is reviewed (not fuzzy).
3. Plant one defect in about 10% of entries: a wrong number, Chinese left in, a 。 ending, the source
   copied, a phrase repeated in a loop.
4. In one run, time ``transflow check --format json`` (default worker processes, and ``--jobs 1``) and
   ``pofilter`` on the same catalogs; report the speed ratios, recall on planted defects, and the share of
   clean entries flagged by each tool.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from transflow.po.catalog import load_catalog, save_catalog  # noqa: E402
from transflow.project.config import load_config  # noqa: E402
from transflow.segment.run import segment  # noqa: E402

from corpus import make_corpus  # noqa: E402

VOCAB = (
    "district officials workers residents community village measures prevention epidemic control support "
    "teams volunteers checkpoints roads services enterprises production safety publicity guidance local "
    "staff health county town leaders quickly carefully together strict daily public work plan area"
).split()
MONTHS = "January February March April May June July August September October November December".split()
WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
ZH_SMALL = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# What the filler renders as numbers, in the order met: dates, Arabic amounts, counted Chinese numerals.
NUMBER = re.compile(
    r"(?P<date>(?P<m>\d{1,2})月(?P<d>\d{1,2})日)"
    r"|(?P<num>\d+(?:\.\d+)?)(?P<approx>[多余])?(?P<wan>万)?"
    r"|(?<![第初一])(?P<zh>[两二三四五六七八九十])(?=[个条名家支大])"
)


def render_number(m: re.Match, rng: random.Random) -> str:
    if m.group("date"):
        month, day = int(m.group("m")), int(m.group("d"))
        if not 1 <= month <= 12 or not 1 <= day <= 31:  # the corpus changes digits at random
            return f"{month} {day}"
        return rng.choice([f"{MONTHS[month - 1]} {day}", f"{day} {MONTHS[month - 1]}"])
    if m.group("zh"):
        return WORDS[ZH_SMALL[m.group("zh")]]
    value = float(m.group("num")) * (10_000 if m.group("wan") else 1)
    text = f"{value:,.0f}" if value == int(value) else f"{value:,}"
    if value == int(value) and value >= 1000 and rng.random() < 0.5:
        text = text.replace(",", "")
    if value == int(value) and value < 13 and rng.random() < 0.3:
        text = WORDS[int(value)]
    return ("more than " + text) if m.group("approx") else text


PAIRS = (("“", "”", "“", "”"), ("（", "）", "(", ")"), ("(", ")", "(", ")"), ("《", "》", "“", "”"))
TAIL = str.maketrans({"”": "”", "’": "’", "）": ")", ")": ")", "》": "”", '"': '"', " ": None})


def filler(msgid: str) -> str:
    """Deterministic English-looking text for one source sentence: right numbers, right punctuation."""
    rng = random.Random(hashlib.sha256(msgid.encode()).digest())
    stripped = msgid.rstrip('”’"）)》 ')
    tail = msgid[len(stripped) :].translate(TAIL)
    core = stripped.rstrip("。！？!?….")
    words: list[str] = []
    for _ in range(max(2, len(core) // 2)):  # no word twice within 8: the filler itself never loops
        words.append(rng.choice([w for w in VOCAB if w not in words[-8:]]))
    numbers = set()
    for m in NUMBER.finditer(core):
        rendered = render_number(m, rng)
        if rendered:
            words.insert(rng.randrange(len(words) + 1), rendered)
            numbers.add(rendered)
    for i in range(len(words) - 1, 0, -1):  # never "31 March 10": a number next to a number is ambiguous
        if words[i] in numbers and words[i - 1] in numbers:
            words.insert(i, rng.choice([w for w in VOCAB if w not in words[i - 8 : i + 8]]))
    prefix = ""
    for zh_open, zh_close, en_open, en_close in PAIRS:
        pairs = min(core.count(zh_open), core.count(zh_close))
        for _ in range(pairs):
            i = rng.randrange(len(words))
            j = min(len(words) - 1, i + rng.randrange(3))
            words[i] = en_open + words[i]
            words[j] = words[j] + en_close
        prefix += en_open * (core.count(zh_open) - pairs)  # opened here, closed in the tail or later
    text = prefix + " ".join(words)
    text = text[0].upper() + text[1:] if text[0].isalpha() else text[0] + text[1].upper() + text[2:]
    if stripped.endswith(("……", "…", "...")):
        end = "..."
    elif stripped[-1:] in "。！？!?":
        end = {"。": ".", "！": "!", "？": "?"}.get(stripped[-1], stripped[-1])
    else:
        end = ""
    return text + end + tail


def plant(msgstr: str, msgid: str, kind: str, rng: random.Random) -> str | None:
    if kind == "number":
        digits = [m for m in re.finditer(r"\d", msgstr)]
        if not digits:
            return None
        m = rng.choice(digits)
        return msgstr[: m.start()] + str((int(m.group()) + rng.randrange(1, 9)) % 10) + msgstr[m.end() :]
    if kind == "han":
        han = re.findall(r"[\u4e00-\u9fff]{2,4}", msgid)
        words = msgstr.split(" ")
        words.insert(rng.randrange(len(words) + 1), rng.choice(han) if han else "曲江")
        return " ".join(words)
    if kind == "cjk-end":
        return msgstr[:-1] + "。" if msgstr.endswith(".") else msgstr + "。"
    if kind == "copy":
        return msgid
    if kind == "repeat":
        words = msgstr.split(" ")
        i = rng.randrange(max(1, len(words) - 2))
        phrase = " ".join(words[i : i + 3])
        return " ".join(words[:i] + [phrase] * 3 + words[i + 3 :])
    raise ValueError(kind)


KINDS = ("number", "han", "cjk-end", "copy", "repeat")


def build(work: Path, count: int, seed: int) -> dict[tuple[str, str], str]:
    """Corpus, catalogs and planted defects; returns {(file, msgid): kind} of planted entries."""
    make_corpus(work, count, seed)
    t = time.perf_counter()
    segment(load_config(work), None, None, None)
    print(f"segment: {count} documents in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    rng = random.Random(seed)
    planted: dict[tuple[str, str], str] = {}
    for path in sorted((work / "locale" / "en" / "LC_MESSAGES").glob("*.po")):
        po = load_catalog(path)
        for entry in po:
            entry.msgstr = filler(entry.msgid)
            if rng.random() < 0.10:
                kind = rng.choice(KINDS)
                bad = plant(entry.msgstr, entry.msgid, kind, rng)
                if bad is not None and bad != entry.msgstr:
                    entry.msgstr = bad
                    planted[(path.name, entry.msgid)] = kind
        save_catalog(po, path)
    return planted


def timed(cmd: list[str], **kw) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return time.perf_counter() - t, proc


def score(flagged: dict[tuple[str, str], set[str]], planted: dict, total: int) -> dict:
    found = sum(key in flagged for key in planted)
    clean_flagged = sum(1 for key in flagged if key not in planted)
    clean = total - len(planted)
    return {
        "recall": found / len(planted) if planted else 1.0,
        "missed": len(planted) - found,
        "clean_flagged": clean_flagged,
        "clean_entries": clean,
        "false_positive_rate": clean_flagged / clean if clean else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="keep the corpus here (default: a temporary folder)")
    parser.add_argument("--skip-pofilter", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="reuse the catalogs already built in --work")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        saved = work / "planted.json"
        if args.reuse and saved.exists():
            planted = {(f, m): k for f, m, k in json.loads(saved.read_text("utf-8"))}
        else:
            planted = build(work, args.count, args.seed)
            saved.write_text(json.dumps([[f, m, k] for (f, m), k in planted.items()], ensure_ascii=False), "utf-8")
        catalogs = sorted((work / "locale" / "en" / "LC_MESSAGES").glob("*.po"))
        total = sum(1 for path in catalogs for e in polib.pofile(str(path)) if not e.obsolete)
        env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}

        cmd = [sys.executable, "-m", "transflow.cli", "-C", str(work), "check", "--format", "json"]
        t_check, proc = timed(cmd, env=env)
        if proc.returncode not in (0, 1):
            sys.exit(f"transflow check failed: {proc.stderr}")
        report = json.loads(proc.stdout)
        ours: dict[tuple[str, str], set[str]] = {}
        for f in report["findings"]:
            ours.setdefault((Path(f["file"]).name, f["source"]), set()).add(f["rule"])
        t_single, single = timed([*cmd, "--jobs", "1"], env=env)
        assert json.loads(single.stdout)["findings"] == report["findings"]
        result = {"entries": total, "planted": len(planted), "catalogs": len(catalogs),
                  "transflow_seconds": round(t_check, 2), "transflow_seconds_one_process": round(t_single, 2),
                  "transflow": score(ours, planted, total)}  # fmt: skip
        by_kind: dict[str, list[int]] = {}
        for key, kind in planted.items():
            by_kind.setdefault(kind, [0, 0])[0] += key in ours
            by_kind[kind][1] += 1
        result["transflow_recall_by_kind"] = {k: f"{a}/{b}" for k, (a, b) in sorted(by_kind.items())}
        texts = {(p.name, e.msgid): e.msgstr for p in catalogs for e in polib.pofile(str(p))}
        missed = [[kind, key[1], texts[key]] for key, kind in planted.items() if key not in ours]
        result["transflow_missed"] = missed[:5]
        rules: dict[str, int] = {}
        for key, found in ours.items():
            if key not in planted:
                for rule in found:
                    rules[rule] = rules.get(rule, 0) + 1
        result["transflow_clean_findings_by_rule"] = rules

        if not args.skip_pofilter:
            out = work / "pofilter-out"
            shutil.rmtree(out, ignore_errors=True)
            cmd = ["pofilter", "--progress=none", "--language=en", "-i", str(catalogs[0].parent), "-o", str(out)]
            t_pofilter, proc = timed(cmd)
            theirs: dict[tuple[str, str], set[str]] = {}
            for path in sorted(out.glob("*.po")):
                for entry in polib.pofile(str(path)):
                    if entry.msgid and not entry.obsolete:
                        tests = set(re.findall(r"\(pofilter\) (\w+)", entry.tcomment or ""))
                        theirs.setdefault((path.name, entry.msgid), set()).update(tests)
            result["pofilter_seconds"] = round(t_pofilter, 2)
            result["pofilter"] = score(theirs, planted, total)
            result["speedup"] = round(t_pofilter / t_check, 1)
            result["speedup_one_process"] = round(t_pofilter / t_single, 1)
            tests: dict[str, int] = {}
            for key, found in theirs.items():
                if key not in planted:
                    for test in found:
                        tests[test] = tests.get(test, 0) + 1
            result["pofilter_clean_findings_by_test"] = dict(sorted(tests.items(), key=lambda kv: -kv[1])[:8])
        print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
