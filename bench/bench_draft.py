"""Benchmark: ``transflow draft`` vs a naive argostranslate loop vs a bare CTranslate2 batch, same segments.

Usage: python3 bench/bench_draft.py [--docs 22] [--rounds 3] [--naive-sample 60] [--device cpu] [--skip-naive]

What it builds (offline, cached under --out): a base-size Argos package made the way the tests make the
tiny one (tests/argos_fixture.py: SentencePiece trained on the corpus, a CTranslate2 Transformer from
numpy weights wired to copy its input, so output lengths are realistic): 6+6 layers, d_model 512, 8 heads,
FFN 2048, 32k vocabulary, int8 weights. The naive path also needs a sentence splitter, which
argostranslate would download; the package gets a MiniSBD ONNX file instead (a one-op graph that marks
。！？ as sentence ends; writing it needs ``pip install onnx``), so the loop runs offline. That loop
takes seconds per segment, so it translates --naive-sample segments and its time is scaled to the whole set.

Each method runs as a fresh process, start-up included, alternating within each round:
- draft: ``python -m transflow.cli -C PROJECT draft`` on a fresh copy of the segmented project;
- naive: ``argostranslate.translate.translate(seg, "zh", "en")`` once per segment, Argos defaults;
- bare:  ``ctranslate2.Translator.translate_batch`` over all segments (greedy, int8), SentencePiece in/out.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests"), str(HERE)]

NAIVE = """
import json, sys, time
import argostranslate.translate as tr
segments = json.load(open(sys.argv[1], encoding="utf-8"))[: int(sys.argv[3])]
t0 = time.perf_counter()
out = [tr.translate(s, "zh", "en") for s in segments]
loop = time.perf_counter() - t0
json.dump({"out": out, "loop_s": loop}, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
"""

BARE = """
import json, sys
import ctranslate2, sentencepiece
pkg, device = sys.argv[3], sys.argv[4]
segments = json.load(open(sys.argv[1], encoding="utf-8"))
sp = sentencepiece.SentencePieceProcessor(model_file=pkg + "/sentencepiece.model")
compute = "int8_float16" if device == "cuda" else "int8"
translator = ctranslate2.Translator(pkg + "/model", device=device, compute_type=compute)
tokens = sp.encode(segments, out_type=str)
results = translator.translate_batch(tokens, beam_size=1, max_batch_size=64 if device == "cuda" else 32)
out = [sp.decode(r.hypotheses[0]) for r in results]
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
"""


def minisbd_model(path: Path, text: str) -> None:
    """A MiniSBD-compatible ONNX file: per character, logits that say 'sentence end' after 。！？."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    chars = sorted(set(text) - {"\n"})
    id2unit = ["<PAD>", "<UNK>", *chars]
    table = np.zeros((len(id2unit), 5), np.float32)
    table[:, 0] = 1.0
    for i, unit in enumerate(id2unit):
        if unit in "。！？":
            table[i] = [0, 0, 1, 0, 0]
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "units"], ["logits"], axis=0)],
        "sbd",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "time"]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", "time", 1]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "time", 5])],
        [numpy_helper.from_array(table, "table")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    vocab = {"lang": "zh-hans", "idx": 0, "cutoff": 0, "lower": False, "_id2unit": id2unit}
    vocab["_unit2id"] = {u: i for i, u in enumerate(id2unit)}
    config = {"feat_funcs": ["space_before"], "max_seqlen": 300, "batch_size": 32}
    for key, value in (("lang_code", "zh-hans"), ("config", json.dumps(config)), ("vocab", json.dumps(vocab))):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(path))


def prepare(out: Path, docs: int) -> tuple[Path, list[str], Path, dict]:
    """Corpus project (segmented, empty catalogs), the unique segments, the installed package, the env."""
    from argos_fixture import build_package, isolate_argos
    from transflow.po.catalog import load_catalog
    from transflow.project.config import load_config
    from transflow.segment.run import segment

    from corpus import make_corpus

    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    home = out / "argos-home"
    packages = isolate_argos(home, env)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")])
    os.environ.update({k: env[k] for k in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")})

    template = out / "project"
    if len(list((template / "source").glob("*.txt"))) != docs or not (template / "locale").is_dir():
        shutil.rmtree(template, ignore_errors=True)
        make_corpus(template, count=docs, seed=0)
        segment(load_config(template), annotate=lambda s: [])
        shutil.rmtree(template / ".transflow", ignore_errors=True)
    segments: list[str] = []
    for po in sorted((template / "locale" / "en" / "LC_MESSAGES").glob("*.po")):
        segments += [e.msgid for e in load_catalog(po) if not e.obsolete]
    segments = list(dict.fromkeys(segments))

    pkg = packages / "translate-zh_en-bench"
    stamp = out / "built-for.txt"
    if not (pkg / "model" / "model.bin").exists() or not stamp.exists() or stamp.read_text() != str(docs):
        text = "\n".join(p.read_text("utf-8") for p in sorted((template / "source").glob("*.txt")))
        t0 = time.perf_counter()
        archive = build_package(
            out / "build", text, mappings={}, sp_vocab=8000, vocab_size=32000, d_model=512, heads=8,
            layers=6, ffn=2048, quantization="int8", name="translate-zh_en-bench",
        )  # fmt: skip
        from transflow.draft.models import install_file

        install_file(archive)
        print(f"built and installed the base-size package in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        try:
            minisbd_model(pkg / "minisbd" / "zh-hans.onnx", text)
        except ImportError:
            print("no onnx package: the naive loop needs it for its splitter (pip install onnx)", file=sys.stderr)
        stamp.write_text(str(docs))
    return template, segments, pkg, env


def timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:4]} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=22, help="article variants (22 give 500+ unique segments)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--skip-naive", action="store_true", help="leave out the argostranslate loop")
    parser.add_argument("--naive-sample", type=int, default=60, help="segments the slow loop translates (extrapolated)")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "draft")
    args = parser.parse_args()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    template, segments, pkg, env = prepare(out, args.docs)
    seg_file = out / "segments.json"
    seg_file.write_text(json.dumps(segments, ensure_ascii=False), "utf-8")
    print(f"{len(segments)} unique segments from {args.docs} documents; device {args.device}", file=sys.stderr)

    if not args.skip_naive and not (pkg / "minisbd" / "zh-hans.onnx").exists():
        raise SystemExit("the naive loop needs the MiniSBD file: pip install onnx, delete --out, run again")
    methods = ["draft", "bare"] if args.skip_naive else ["draft", "naive", "bare"]
    times: dict[str, list[float]] = {m: [] for m in methods}
    outputs: dict[str, Path] = {}
    for rnd in range(args.rounds):
        for method in methods:
            if method == "naive" and rnd > 0:  # the slow reference: once is enough for a 5x question
                continue
            if method == "draft":
                proj = out / "run"
                shutil.rmtree(proj, ignore_errors=True)
                shutil.copytree(template, proj)
                cmd = [sys.executable, "-m", "transflow.cli", "-C", str(proj), "draft", "--device", args.device]
            elif method == "naive":
                outputs["naive"] = out / "naive.json"
                cmd = [sys.executable, "-c", NAIVE, str(seg_file), str(outputs["naive"]), str(args.naive_sample)]
            else:
                outputs["bare"] = out / "bare.json"
                cmd = [sys.executable, "-c", BARE, str(seg_file), str(outputs["bare"]), str(pkg), args.device]
            elapsed = timed(cmd, env)
            if method == "naive":  # start-up as measured, the loop scaled from the sample to every segment
                loop = json.loads(outputs["naive"].read_text("utf-8"))["loop_s"]
                n = min(args.naive_sample, len(segments))
                print(f"naive: {n} segments in {loop:.1f} s after {elapsed - loop:.1f} s start-up", file=sys.stderr)
                elapsed = elapsed - loop + loop / n * len(segments)
            times[method].append(elapsed)
            print(
                f"round {rnd + 1} {method:5s} {elapsed:7.2f} s  {len(segments) / elapsed:7.1f} seg/s", file=sys.stderr
            )

    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(pkg / "sentencepiece.model"))
    bare = json.loads(outputs["bare"].read_text("utf-8"))
    exact = sum(a == sp.decode(sp.encode(b, out_type=str)) for a, b in zip(bare, segments, strict=True))
    summary: dict = {}
    for method, runs in times.items():
        median = statistics.median(runs)
        summary[method] = {
            "median_s": round(median, 2),
            "best_s": round(min(runs), 2),
            "seg_per_s": round(len(segments) / median, 1),
        }
    summary["segments"] = len(segments)
    summary["bare_copies_input_exactly"] = f"{exact}/{len(segments)}"
    summary["draft_vs_bare_time"] = round(summary["draft"]["median_s"] / summary["bare"]["median_s"], 2)
    summary["draft_vs_bare_best"] = round(summary["draft"]["best_s"] / summary["bare"]["best_s"], 2)
    if "naive" in times:
        summary["naive"]["note"] = f"extrapolated from {min(args.naive_sample, len(segments))} segments"
        summary["draft_speedup_vs_naive"] = round(summary["naive"]["median_s"] / summary["draft"]["median_s"], 1)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
