"""Generate a benchmark corpus: variants of the article with shuffled paragraphs, changed digits and places.

Usage: python3 bench/corpus.py OUT_DIR [--count 1000] [--seed 0]
Writes OUT_DIR/source/article0000.txt ... (about 8 KB each, so 1,000 documents make about 8 MB).
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ARTICLE = Path(__file__).resolve().parent.parent / "source" / "qujiang.txt"
#: Place names swapped in and out, so variants differ in words as well as in order and numbers.
PLACES = [
    "曲江",
    "韶关",
    "马坝",
    "乌石",
    "松山",
    "乐昌",
    "南雄",
    "仁化",
    "始兴",
    "翁源",
    "新丰",
    "乳源",
    "武江",
    "浈江",
]


def variant(paragraphs: list[str], rng: random.Random) -> str:
    """One article variant: title kept first, body paragraphs shuffled, digits and places changed."""
    head, body = paragraphs[:2], paragraphs[2:]
    body = body[:]
    rng.shuffle(body)
    mapping = dict(zip(PLACES, rng.sample(PLACES, len(PLACES))))
    pattern = re.compile("|".join(PLACES))
    out = []
    for par in head + body:
        par = pattern.sub(lambda m: mapping[m.group(0)], par)
        par = re.sub(r"\d", lambda m: str(rng.randrange(10)), par)
        out.append(par)
    return "\n".join(out) + "\n"


def make_corpus(out_dir: Path, count: int = 1000, seed: int = 0) -> list[Path]:
    """Write ``count`` variants under ``out_dir/source`` and return their paths."""
    rng = random.Random(seed)
    paragraphs = [p for p in ARTICLE.read_text("utf-8").splitlines() if p.strip()]
    src = out_dir / "source"
    src.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = src / f"article{i:04d}.txt"
        path.write_text(variant(paragraphs, rng), "utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = make_corpus(args.out_dir, args.count, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.1f} MB in {args.out_dir / 'source'}")
