"""Names on real news: romanization in the notes against professional English, planted name errors, pinyin.

Usage:  PYTHONPATH=src python3 bench/bench_names.py [--pairs ../shared/realtext/pairs.dev.jsonl] [--show N]

1. Notes: every person name a ``#. names:`` note romanizes, and whether that romanization is in the
   professional English of the same row (compared as the ``names`` check compares: no case, spaces,
   hyphens, apostrophes). Rows of the data are sometimes shifted by one; a name found only in a
   neighbouring row's English is counted apart.
2. Planted errors: in rows whose English spells a noted person in full, the given name is replaced by
   another; the share the ``names`` rule reports.
3. Pinyin: the polyphonic characters of ``tests/data/polyphones.tsv`` read right in their words.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from transflow.text.mentions import in_document  # noqa: E402
from transflow.text.names import PERSON, named  # noqa: E402
from transflow.text.names_en import missing_names  # noqa: E402
from transflow.text.romanize import _plain, key, spelt_in, tone_readings  # noqa: E402

GIVEN = ["Zhiming", "Xiaohong", "Jianguo", "Lihua", "Wei", "Haitao", "Yufei", "Qiang"]


def in_articles(pairs: list[dict]) -> list[list]:
    """Each row's names settled against its test set read as one article, in order (as segment notes them)."""
    out: list[list] = []
    for group in sorted({p["set"] for p in pairs}, key=[p["set"] for p in pairs].index):
        rows = [p for p in pairs if p["set"] == group]
        out += in_document([(p["zh"], named(p["zh"]), True) for p in rows])
    return out


def notes(pairs: list[dict], show: int, label: str, found: list[list]) -> None:
    noted = ok = near = alone = 0
    wrong = []
    for i, (pair, names) in enumerate(zip(pairs, found)):
        for name in names:
            if name.kind != PERSON or not name.en:
                continue
            noted += 1
            if spelt_in(name.en, pair["en"]):
                ok += 1
                continue
            around = " ".join(q["en"] for q in pairs[max(0, i - 2) : i + 3] if q["set"] == pair["set"])
            if spelt_in(name.en, around):
                near += 1
            else:
                alone += spelt_in(name.en.partition(" ")[0], pair["en"])  # "Wang's wife": the surname only
                wrong.append(f"{name.zh} = {name.en} | {pair['en'][:90]}")
    print(
        f"notes ({label}): {len(pairs)} sentences, {noted} person names romanized (one per "
        f"{len(pairs) / max(noted, 1):.1f} sentences); in the row's English {ok / max(noted, 1):.1%}; {near} more "
        f"only in a neighbouring row (shifted rows), {ok / max(noted - near, 1):.1%} without those; "
        f"{alone} more missed have the surname alone in the English (Mr. Wang)"
    )
    for line in wrong[:show]:
        print("   ", line)


def planted(pairs: list[dict]) -> None:
    rnd = random.Random(1)
    total = found = 0
    for pair in pairs:
        for name in named(pair["zh"]):
            if name.kind != PERSON or not name.en:
                continue
            surname, _, given = name.en.partition(" ")
            if not given:
                continue  # a one-word English (a foreign surname): no given name to change
            m = re.search(rf"\b{re.escape(surname)}[ -]?{re.escape(given)}\b", pair["en"], re.IGNORECASE)
            if not m:
                continue
            other = rnd.choice([g for g in GIVEN if key(g) != key(given)])
            english = pair["en"][: m.start()] + f"{surname} {other}" + pair["en"][m.end() :]
            total += 1
            found += bool(missing_names(pair["zh"], english, seen=pair["en"]))
    print(f"planted: {total} given names changed in professional English, {found / max(total, 1):.1%} reported")


def polyphones() -> None:
    from pypinyin.pinyin_dict import pinyin_dict

    right = total = 0
    for line in (ROOT / "tests" / "data" / "polyphones.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, want = line.split("\t")
        for ch, got, exp in zip(word, tone_readings(word), want.split(), strict=True):
            if "," in pinyin_dict.get(ord(ch), ""):
                total += 1
                right += got == exp or (_plain(exp) == exp and _plain(got) == exp)
    print(f"pinyin: {right}/{total} polyphonic characters read right in context ({right / max(total, 1):.1%})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", default=str(ROOT.parent / "shared" / "realtext" / "pairs.dev.jsonl"))
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    path = Path(args.pairs)
    pairs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    notes(pairs, args.show, "each sentence alone", [named(p["zh"]) for p in pairs])
    notes(pairs, args.show, "in article order", in_articles(pairs))
    planted(pairs)
    polyphones()


if __name__ == "__main__":
    main()
