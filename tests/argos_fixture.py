"""A real Argos Translate package built at test time: SentencePiece + a hand-wired CTranslate2 copy model.

No network is needed and the output is known in advance. The Transformer's weights are set by hand so
that the decoder, at step ``t``, attends to source position ``t`` (queries and keys carry only the
position code) and copies that token's embedding (values carry only the token code); the output layer
reads the token code back. A few word mappings swap rows of the output layer, so ``曲江`` comes out as
``Qujiang``. Every other weight is filler: small random matrices whose outputs barely touch the residual
stream, which gives a base-size model realistic compute for the benchmark.

The source side gets ``</s>`` appended (``add_source_eos``), so the copy ends exactly where the input does.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

#: Words the tiny test model "translates"; everything else is copied piece by piece.
MAPPINGS = {"曲江": "Qujiang", "韶关": "Shaoguan"}
MAX_POSITIONS = 1024


def train_sentencepiece(text: str, prefix: Path, vocab_size: int, symbols: list[str]) -> Path:
    """Train a SentencePiece model on ``text``; returns the ``.model`` path."""
    import sentencepiece as spm

    corpus = prefix.with_suffix(".txt")
    corpus.write_text(text, "utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        user_defined_symbols=symbols,
        minloglevel=2,
        num_threads=2,
    )
    return prefix.with_suffix(".model")


def _unit_rows(rng: np.random.Generator, count: int, width: int) -> np.ndarray:
    """Random zero-mean unit vectors: layer norm then only rescales sums of them."""
    rows = rng.standard_normal((count, width))
    rows -= rows.mean(axis=1, keepdims=True)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return rows


def copy_spec(
    vocab: list[str],
    mappings: dict[str, str],
    d_model: int,
    heads: int,
    layers: int,
    ffn: int,
    seed: int = 0,
    prefixed: bool = False,
):
    """A CTranslate2 TransformerSpec whose greedy output is the input with ``mappings`` applied."""
    import ctranslate2

    rng = np.random.default_rng(seed)
    head_dim = d_model // heads
    dp = min(head_dim, 64)  # width of the position code; it must fit in one head
    dt = d_model - dp  # width of the token code
    f32 = np.float32

    def filler(rows: int, cols: int, scale: float) -> np.ndarray:
        return (rng.standard_normal((rows, cols)) * scale).astype(f32)

    tokens = np.zeros((len(vocab), d_model), f32)
    tokens[:, :dt] = _unit_rows(rng, len(vocab), dt)
    positions = np.zeros((MAX_POSITIONS, d_model), f32)
    positions[:, dt:] = _unit_rows(rng, MAX_POSITIONS, dp)
    index = {piece: i for i, piece in enumerate(vocab)}
    out = tokens.copy()
    for src, tgt in mappings.items():
        if src in index and tgt in index:
            out[index[tgt]], out[index[src]] = tokens[index[src]], tokens[index[tgt]]

    spec = ctranslate2.specs.TransformerSpec.from_config(layers, heads, pre_norm=True)
    spec.config.add_source_eos = True

    def norm(ln) -> None:
        ln.gamma = np.ones(d_model, f32)
        ln.beta = np.zeros(d_model, f32)

    def idle_attention(att, self_attention: bool) -> None:
        norm(att.layer_norm)
        for k, lin in enumerate(att.linear):
            last = k == len(att.linear) - 1
            rows = d_model if last or not self_attention else 3 * d_model
            if not self_attention and k == 1:
                rows = 2 * d_model
            lin.weight = filler(rows, d_model, 1e-4 if last else 0.02)

    def idle_ffn(ff) -> None:
        norm(ff.layer_norm)
        ff.linear_0.weight = filler(ffn, d_model, 0.02)
        ff.linear_1.weight = filler(d_model, ffn, 1e-4)

    enc, dec = spec.encoder, spec.decoder
    enc.embeddings[0].weight = tokens
    enc.scale_embeddings = False
    enc.position_encodings.encodings = positions
    norm(enc.layer_norm)
    for layer in enc.layer:
        idle_attention(layer.self_attention, True)
        idle_ffn(layer.ffn)

    dec.embeddings.weight = np.zeros((len(vocab), d_model), f32)
    dec.scale_embeddings = False
    # With a target prefix the decoder emits the prefix first, so its step t copies source position t - 1.
    dec.position_encodings.encodings = np.roll(positions, 1, axis=0) if prefixed else positions
    norm(dec.layer_norm)
    dec.projection.weight = out * 8.0
    for i, layer in enumerate(dec.layer):
        idle_attention(layer.self_attention, True)
        idle_ffn(layer.ffn)
        idle_attention(layer.attention, False)
        if i == 0:
            select = np.zeros((d_model, d_model), f32)
            for h in range(heads):  # every head compares position codes
                select[h * head_dim : h * head_dim + dp, dt:] = np.eye(dp, dtype=f32)
            keys_values = np.zeros((2 * d_model, d_model), f32)
            keys_values[:d_model] = select
            keys_values[d_model : d_model + dt, :dt] = np.eye(dt, dtype=f32)  # values: the token code
            layer.attention.linear[0].weight = select * 4.0
            layer.attention.linear[1].weight = keys_values
            proj = np.zeros((d_model, d_model), f32)
            proj[:dt, :dt] = np.eye(dt, dtype=f32)
            layer.attention.linear[2].weight = proj
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    return spec


def build_package(
    work: Path,
    text: str,
    *,
    from_code: str = "zh",
    to_code: str = "en",
    mappings: dict[str, str] | None = None,
    sp_vocab: int = 1000,
    vocab_size: int | None = None,
    d_model: int = 128,
    heads: int = 4,
    layers: int = 1,
    ffn: int = 256,
    quantization: str | None = "int8",
    target_prefix: str = "",
    name: str | None = None,
) -> Path:
    """Write ``<name>.argosmodel`` under ``work``: one top-level folder with metadata, model and tokenizer."""
    import sentencepiece as spm

    mappings = MAPPINGS if mappings is None else mappings
    name = name or f"translate-{from_code}_{to_code}-copy"
    root = work / name
    (root / "model").mkdir(parents=True, exist_ok=True)
    symbols = [w for pair in mappings.items() for w in pair] + ([target_prefix] if target_prefix else [])
    sp_path = train_sentencepiece(text, work / f"{name}-sp", sp_vocab, symbols)
    processor = spm.SentencePieceProcessor(model_file=str(sp_path))
    vocab = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    if vocab_size and vocab_size > len(vocab):
        vocab += [f"<extra_{i}>" for i in range(vocab_size - len(vocab))]
    spec = copy_spec(vocab, mappings, d_model, heads, layers, ffn, prefixed=bool(target_prefix))
    if quantization:
        spec.optimize(quantization=quantization)
    spec.save(str(root / "model"))
    (root / "sentencepiece.model").write_bytes(sp_path.read_bytes())
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.9.0",
        "from_code": from_code,
        "from_name": "Chinese",
        "to_code": to_code,
        "to_name": "English",
        "type": "translate",
        "languages": [],
        "links": [],
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2), "utf-8")
    (root / "README.md").write_text("Test copy model built by tests/argos_fixture.py.\n", "utf-8")
    archive = work / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(root.rglob("*")):
            zf.write(path, path.relative_to(work).as_posix())
    return archive


def isolate_argos(base: Path, environ) -> Path:
    """Point argostranslate's settings at ``base`` (call before argostranslate is first imported)."""
    for key, sub in (("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config")):
        (base / sub).mkdir(parents=True, exist_ok=True)
        environ[key] = str(base / sub)
    packages = base / "packages"
    packages.mkdir(parents=True, exist_ok=True)
    environ["ARGOS_PACKAGES_DIR"] = str(packages)
    return packages


# -- pytest fixtures (imported by the test modules that need them) ----------------------------------------

try:
    import pytest
except ImportError:  # pragma: no cover - the benchmark imports this module without pytest
    pytest = None

ARTICLE = Path(__file__).resolve().parent.parent / "source" / "qujiang.txt"
_BUILT: dict[str, Path] = {}

if pytest is not None:

    @pytest.fixture(scope="session")
    def argos_archive(tmp_path_factory) -> Path:
        """The tiny copy model as a ``.argosmodel`` file, built once per test session."""
        if "copy" not in _BUILT:
            work = tmp_path_factory.mktemp("argos-build")
            _BUILT["copy"] = build_package(work, ARTICLE.read_text("utf-8"))
        return _BUILT["copy"]

    @pytest.fixture(scope="session")
    def argos_prefixed_archive(tmp_path_factory) -> Path:
        """A copy model whose metadata has a ``target_prefix`` the decoder must be given first."""
        if "prefixed" not in _BUILT:
            work = tmp_path_factory.mktemp("argos-build-prefixed")
            text = ARTICLE.read_text("utf-8")
            _BUILT["prefixed"] = build_package(work, text, target_prefix="__en__", name="translate-zh_en-prefixed")
        return _BUILT["prefixed"]

    @pytest.fixture
    def argos_home(tmp_path_factory, monkeypatch) -> Path:
        """A fresh, empty argostranslate home (packages, data, cache, config) for one test."""
        base = tmp_path_factory.mktemp("argos-home")
        return isolate_argos(base, _EnvSetter(monkeypatch))

    @pytest.fixture
    def installed_model(argos_home, argos_archive):
        """The copy model installed into the test's argostranslate home."""
        from transflow.draft.models import install_file

        return install_file(argos_archive)


class _EnvSetter:
    """Lets :func:`isolate_argos` write through monkeypatch, so the variables are restored after the test."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch

    def __setitem__(self, key: str, value: str) -> None:
        self.monkeypatch.setenv(key, value)
