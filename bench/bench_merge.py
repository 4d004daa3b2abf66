"""Benchmark merge: N article variants, segmented and two thirds translated, merged into every format.

Usage: python3 bench/bench_merge.py [--count 200] [--seed 0]
Prints documents per second for each format (segment and filling are set-up, not timed). Run by hand.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from transflow.merge.run import FORMATS, merge  # noqa: E402
from transflow.po.catalog import load_catalog, save_catalog  # noqa: E402
from transflow.project.config import load_config  # noqa: E402
from transflow.segment.run import segment  # noqa: E402

from corpus import make_corpus  # noqa: E402

GLOSSARY = [("曲江区", "Qujiang District", ""), ("韶关", "Shaoguan", ""), ("复工复产", "resumption of work", "")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_corpus(root, args.count, args.seed)
        config = load_config(root)
        segment(config, annotate=lambda s: [])
        for doc, _ in config.documents():
            path = config.po_path(doc, "en")
            po = load_catalog(path)
            for i, entry in enumerate(po):
                if i % 3:
                    entry.msgstr = f"Sentence {i} & <more>."
                    entry.tcomment = "A note." if i % 7 == 0 else ""
            save_catalog(po, path)
        for fmt in FORMATS:
            start = time.perf_counter()
            paths = merge(config, fmt=fmt, glossary=GLOSSARY, include_drafts=True, glossary_table=True)
            took = time.perf_counter() - start
            size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
            rate = len(paths) / took
            print(f"{fmt:5} {len(paths)} documents in {took:.2f} s: {rate:.0f} docs/s, {size:.0f} KiB each")


if __name__ == "__main__":
    main()
