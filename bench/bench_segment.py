"""Benchmark `transflow segment` beside Translate Toolkit (txt2po + posegment) and po4a, on one corpus.

Usage:  python3 bench/bench_segment.py [--count 1000] [--rounds 3]
Needs:  translate-toolkit (pip, in the test extra) and po4a (apt-get install po4a).

Runs are alternated (transflow, toolkit, po4a, transflow, ...) so machine noise hits all alike; the
figures are medians. The peers get the same text with a blank line between paragraphs (their notion
of a paragraph). po4a gets all documents in one call (one perl start), which favours it.
Also measured: peak memory of transflow's cold run, and a re-run after one article changed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_corpus  # noqa: E402

OUT = Path(__file__).resolve().parent / "out" / "segment"


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of a command, measured by GNU time."""
    res = subprocess.run(["/usr/bin/time", "-f", "%e %M", *cmd], cwd=cwd, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {res.stderr[-500:]}")
    wall, rss = res.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    shutil.rmtree(OUT, ignore_errors=True)
    paths = make_corpus(OUT / "tf", args.count)
    peer_src = OUT / "peer" / "src"
    peer_src.mkdir(parents=True)
    for path in paths:
        (peer_src / path.name).write_text(path.read_text("utf-8").replace("\n", "\n\n"), "utf-8")
    mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"corpus: {len(paths)} documents, {mb:.1f} MB")
    results: dict[str, list[float]] = {"transflow segment (cold)": [], "txt2po + posegment": [], "po4a-updatepo": []}
    peak = 0
    for _ in range(args.rounds):
        shutil.rmtree(OUT / "tf" / "locale", ignore_errors=True)
        shutil.rmtree(OUT / "tf" / ".transflow", ignore_errors=True)
        wall, rss = timed(["transflow", "segment"], OUT / "tf")
        results["transflow segment (cold)"].append(wall)
        peak = max(peak, rss)
        for d in ("po", "seg"):
            shutil.rmtree(OUT / "peer" / d, ignore_errors=True)
        a, _ = timed(["txt2po", "--progress=none", "-i", "src", "-o", "po"], OUT / "peer")
        b, _ = timed(["posegment", "--progress=none", "--source-language=zh", "-i", "po", "-o", "seg"], OUT / "peer")
        results["txt2po + posegment"].append(a + b)
        masters = [x for p in sorted(peer_src.iterdir()) for x in ("-m", f"src/{p.name}")]
        (OUT / "peer" / "po4a.po").unlink(missing_ok=True)
        c, _ = timed(["po4a-updatepo", "-f", "text", "-M", "UTF-8", *masters, "-p", "po4a.po"], OUT / "peer")
        results["po4a-updatepo"].append(c)
    # one article changed: only its catalogs are redone
    first = paths[0]
    first.write_text(first.read_text("utf-8").replace("。", "。新增一句。", 1), "utf-8")
    rerun, _ = timed(["transflow", "segment"], OUT / "tf")
    cold = statistics.median(results["transflow segment (cold)"])
    print(f"{'command':28} {'median s':>9}  runs")
    for name, runs in results.items():
        print(f"{name:28} {statistics.median(runs):9.2f}  {' '.join(f'{r:.2f}' for r in runs)}")
    peers = statistics.median(results["txt2po + posegment"])
    print(f"transflow / (txt2po+posegment): {cold / peers:.2f}x time")
    po4a = results["po4a-updatepo"]
    # each round's ratio: the two ran minutes apart at most, under the same load
    rounds = " ".join(f"{t / p:.2f}" for t, p in zip(results["transflow segment (cold)"], po4a))
    print(f"transflow / po4a-updatepo: {cold / statistics.median(po4a):.2f}x time (each round: {rounds})")
    print(f"transflow peak memory: {peak / 1024:.0f} MB")
    print(f"re-run after one article changed: {rerun:.2f} s = {100 * rerun / cold:.1f}% of the cold run")


if __name__ == "__main__":
    main()
