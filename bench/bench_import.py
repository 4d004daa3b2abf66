"""Import quality on real saved news pages: Han-character F1 of the body against a hand-checked gold text,
and whether the headline is found exactly (site name stripped). Side by side with trafilatura's default.

Usage: PYTHONPATH=src python3 bench/bench_import.py [PAGES_DIR]   (default: ../shared/realpages/html)
Each page NAME.html has NAME.gold.txt: the headline on line 1, then the body paragraphs, one per line.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from transflow.ingest.decode import decode_page
from transflow.ingest.extract import extract_article

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


def han_f1(got: str, gold: str) -> float:
    """F1 of the two texts' Han characters counted as multisets (order- and layout-blind)."""
    a, b = Counter(HAN.findall(got)), Counter(HAN.findall(gold))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def default_body(html: str | bytes) -> str:
    """trafilatura's default extraction, of decoded text or of the raw bytes (its own decoding)."""
    import trafilatura

    return trafilatura.extract(html) or ""


def main(folder: Path) -> None:
    rows = []
    for gold_path in sorted(folder.glob("*.gold.txt")):
        name = gold_path.name[: -len(".gold.txt")]
        headline, _, gold_body = gold_path.read_text("utf-8").partition("\n")
        raw = (folder / f"{name}.html").read_bytes()
        html, _ = decode_page(raw)
        article = extract_article(html)
        body = "\n".join(article.paragraphs) if article else ""
        title = article.title if article else ""
        scores = (han_f1(body, gold_body), han_f1(default_body(html), gold_body), han_f1(default_body(raw), gold_body))
        rows.append((name, *scores, title == headline))
        verdict = "ok" if title == headline else "WRONG: " + title
        print(
            f"{name:34} F1 {scores[0]:.3f} (trafilatura default {scores[1]:.3f}, raw bytes {scores[2]:.3f})  {verdict}"
        )
    n = len(rows) or 1
    ours, theirs, raw_f1 = (sum(r[k] for r in rows) / n for k in (1, 2, 3))
    exact = sum(r[4] for r in rows)
    print(
        f"\n{len(rows)} pages: mean Han F1 {ours:.3f} (trafilatura default: {theirs:.3f} with our decoding, "
        f"{raw_f1:.3f} on the raw bytes); headline exact {exact}/{len(rows)} = {100 * exact / n:.0f}%"
    )


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent
    default = next(
        (
            b / "shared/realpages/html"
            for b in (here.parent, here.parent.parent)
            if (b / "shared/realpages/html").is_dir()
        ),
        None,
    )
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
