"""Running an Argos package's model directly: SentencePiece in, CTranslate2 ``translate_batch``, SentencePiece out.

``argostranslate.translate`` is not imported: it costs seconds and hundreds of MB at import (stanza,
torch) and reaches for the network to fetch a sentence splitter, while transflow's sentences are already
split. What it does per sentence is done here for a whole batch: tokenize, translate with the package's
``target_prefix`` if it has one, drop that prefix, detokenize.
"""

from __future__ import annotations

from pathlib import Path

from transflow.draft.models import ModelPackage
from transflow.project.errors import InputError

#: Compute types to try, best first: int8 weights wherever the device supports them.
PREFERRED = {"cpu": ("int8", "int8_float32", "float32"), "cuda": ("int8_float16", "int8", "float16", "float32")}


def model_key(package: ModelPackage, beam: int) -> str:
    """Identifies the model's output for the cache: package, version, size and time of the weights, beam."""
    weights = package.path / "model" / "model.bin"
    try:
        stat = weights.stat()
        stamp = f"{stat.st_size}-{stat.st_mtime_ns}"
    except OSError:
        stamp = "?"
    return f"argos:{package.name}:{package.version}:{package.from_code}-{package.to_code}:{stamp}:beam{beam}"


class ArgosTranslator:
    """One loaded package; :meth:`translate` takes a list of sentences and returns their translations."""

    def __init__(self, package: ModelPackage, device: str = "cpu", beam: int = 1, threads: int = 0):
        import ctranslate2
        import sentencepiece

        if device not in PREFERRED:
            raise InputError(f"--device {device!r}: use cpu or cuda")
        if beam < 1:
            raise InputError(f"--beam {beam}: the beam size must be 1 or more")
        if device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
            raise InputError("--device cuda: CTranslate2 sees no CUDA device here; use --device cpu")
        supported = set(ctranslate2.get_supported_compute_types(device))
        self.compute_type = next((t for t in PREFERRED[device] if t in supported), "default")
        self.package = package
        self.beam = beam
        self.batch_size = 64 if device == "cuda" else 32
        sp_path = package.path / "sentencepiece.model"
        if not sp_path.is_file():
            raise InputError(f"{package.path}: no sentencepiece.model; this package's tokenizer is not supported")
        try:
            self.sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
            self.translator = ctranslate2.Translator(
                str(package.path / "model"), device=device, compute_type=self.compute_type, intra_threads=threads
            )
        except (RuntimeError, OSError, ValueError) as exc:
            raise InputError(f"{package.path}: cannot load the model ({exc}); reinstall the package") from None

    def translate(self, sentences: list[str]) -> list[str]:
        """Translate a batch; CTranslate2 sorts by length and splits into sub-batches itself."""
        if not sentences:
            return []
        tokens = self.sp.encode(sentences, out_type=str)
        prefix = self.package.target_prefix
        results = self.translator.translate_batch(
            tokens,
            beam_size=self.beam,
            max_batch_size=self.batch_size,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            max_decoding_length=max(256, 2 * max(len(t) for t in tokens)),
        )
        out = []
        for result in results:
            pieces = result.hypotheses[0]
            if prefix and pieces and pieces[0] == prefix:
                pieces = pieces[1:]
            out.append(self.sp.decode(pieces))
        return out


def load(package_path: Path | ModelPackage, device: str = "cpu", beam: int = 1) -> ArgosTranslator:
    from transflow.draft.models import _read_package

    package = package_path if isinstance(package_path, ModelPackage) else _read_package(Path(package_path))
    if package is None:
        raise InputError(f"{package_path}: not an installed Argos package (no metadata.json)")
    return ArgosTranslator(package, device, beam)
