"""The segment stage: source articles -> ``locale/<doc>.pot`` -> ``locale/<lang>/LC_MESSAGES/<doc>.po``.

All documents are read, parsed and merged in memory first; only when every input is good is anything
written, each file atomically, and only files whose bytes change. A small cache of input and output
digests lets a re-run skip documents whose source, settings and catalogs are unchanged.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import polib

from transflow.glossary.table import glossary_digest, load_glossary
from transflow.po import headers
from transflow.po.catalog import load_catalog, render_catalog
from transflow.po.msgmerge import merge_entries
from transflow.project.config import Config
from transflow.project.files import atomic_write, commit_write, read_input, stage_write
from transflow.segment.cache import CACHE_FILE, code_digest, digest, load_cache, outputs_intact
from transflow.segment.notes import Annotator, default_annotator, on_visible_text, template_entries
from transflow.text import words
from transflow.text.article import is_markdown, read_article


@dataclass
class SegmentReport:
    """What a segment run did: documents seen, files written, documents skipped as unchanged."""

    documents: int = 0
    written: list[Path] = field(default_factory=list)
    skipped: int = 0
    entries: int = 0
    empty: list[str] = field(default_factory=list)


Rendered = dict[int, tuple[polib.POEntry, str]]


def _with_date(po: polib.POFile, key: str, old_text: str | None, date: str, rendered: Rendered | None = None) -> str:
    """Render ``po``; if it differs from the old file, stamp ``key`` with ``date`` and render again."""
    if old_text is None:
        po.metadata[key] = date
        return render_catalog(po, rendered)
    text = render_catalog(po, rendered)
    if text == old_text:
        return text
    po.metadata[key] = date
    return render_catalog(po, rendered)


def build_template(
    doc: str,
    entries: list[polib.POEntry],
    config: Config,
    old: polib.POFile | None,
    old_text: str | None,
    rendered: Rendered | None = None,
) -> tuple[str, str]:
    """The POT text and its creation date (kept when nothing but the date would change).

    The template holds ``entries`` themselves (only read, never changed here), not copies.
    """
    date = headers.now()
    pot = polib.POFile(wrapwidth=0)
    keep = old.metadata.get("POT-Creation-Date", date) if old is not None else date
    pot.metadata = headers.template_header(doc, config.source_lang, keep)
    pot.metadata_is_fuzzy = True
    pot.header = old.header if old is not None else ""
    pot.extend(entries)
    text = _with_date(pot, "POT-Creation-Date", old_text, date, rendered)
    return text, pot.metadata["POT-Creation-Date"]


def build_catalog(
    doc: str,
    lang: str,
    entries: list[polib.POEntry],
    config: Config,
    pot_date: str,
    old: polib.POFile | None,
    rendered: Rendered | None = None,
) -> str:
    """The PO text for one language: msgmerge of the old catalog (if any) with the new template.

    A new catalog holds the template's entries themselves: merging them with nothing would copy each
    unchanged (untranslated, same notes and references), and as the same objects they render once.
    """
    po = polib.POFile(wrapwidth=0)
    if old is None:
        po.metadata = headers.catalog_header(doc, lang, config.source_lang, pot_date, headers.now())
    else:
        po.header = old.header
        po.metadata_is_fuzzy = old.metadata_is_fuzzy
        po.metadata = dict(old.metadata)
        po.metadata["POT-Creation-Date"] = pot_date
        fresh = headers.catalog_header(doc, lang, config.source_lang, pot_date, headers.now())
        for key in ("Language", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "X-Source-Language"):
            po.metadata.setdefault(key, fresh[key])
        if not po.metadata.get("Language"):
            po.metadata["Language"] = lang
        po.metadata = headers.ordered(po.metadata) if "X-Generator" not in old.metadata else po.metadata
    po.extend(merge_entries(list(old), entries) if old is not None else entries)
    return render_catalog(po, rendered)


def segment(
    config: Config,
    docs: list[str] | None = None,
    lang: str | None = None,
    encoding: str | None = None,
    annotate: Annotator | None = None,
    extra_key: str = "",
) -> SegmentReport:
    """Split sources and create or update the POT and each PO. Writes nothing if any input is bad."""
    encoding = encoding or config.source_encoding
    if annotate is None:
        terms = load_glossary(config)
        annotate = default_annotator(terms)
        extra_key += glossary_digest(terms)
    langs = config.langs(lang)
    documents = config.documents(docs)
    cache = load_cache(config)
    report = SegmentReport(documents=len(documents))
    planned: list[tuple[str, str, dict[Path, str], Path]] = []  # (doc, cache key, output paths, source)
    for doc, path in documents:
        key = digest(read_input(path) + f"|{code_digest()}|{encoding}|{config.source_lang}|{extra_key}".encode())
        outs = {config.pot_path(doc): None, **{config.po_path(doc, lg): None for lg in langs}}
        rels = {p: p.relative_to(config.root).as_posix() if p.is_relative_to(config.root) else str(p) for p in outs}
        cached = cache.get(doc, {})
        if cached.get("key") == key and set(rels.values()) <= set(cached.get("outputs", {})):
            wanted = {r: cached["outputs"][r] for r in rels.values()}
            if outputs_intact(config, wanted):
                report.skipped += 1
                continue
        planned.append((doc, key, rels, path))
    words.prefer_disk(len(planned) <= DISK_DICTIONARY_MAX_DOCS)  # a re-run of a few changed documents
    results: list[Plan] = []
    staging: list[Future[list[tuple[Path, Path | None]]]] = []

    def write(item: tuple[tuple[str, str, dict[Path, str], Path], Plan, list[tuple[Path, Path | None]]]) -> list[Path]:
        (doc, key, rels, path), plan, temps = item
        if _inputs_unchanged(plan.inputs):
            written = [out for out, tmp in temps if tmp is not None]
            for out, tmp in temps:
                if tmp is not None:
                    commit_write(tmp, out)
        else:  # a translator saved meanwhile
            _discard(temps)
            for _ in range(MAX_REPLANS):
                plan = plan_document(config, doc, path, langs, encoding, annotate)
                if _inputs_unchanged(plan.inputs):
                    break
            written = [out for out, data in plan.files if atomic_write(out, data)]
        outputs = {rels[out]: digest(data) for out, data in plan.files}
        cache[doc] = {"key": key, "outputs": {**cache.get(doc, {}).get("outputs", {}), **outputs}}
        return written

    with ThreadPoolExecutor(max_workers=4) as pool:  # fsync waits on the disk, not the CPU
        try:  # each document's files are staged (written unseen) while the next documents are planned
            for plan in _plan_all(config, [(doc, path) for doc, _, _, path in planned], langs, encoding, annotate):
                results.append(plan)
                staging.append(pool.submit(_stage, plan))
            staged = [future.result() for future in staging]
            for written in pool.map(write, zip(planned, results, staged)):
                report.written += written
        except BaseException:  # a bad input, Ctrl-C: no staged file is left behind, none is committed
            for future in staging:
                if not future.cancel() and future.exception() is None:
                    _discard(future.result())
            raise
    report.entries = sum(plan.entries for plan in results)
    report.empty = [doc for (doc, *_), plan in zip(planned, results) if not plan.files]
    if planned:
        atomic_write(config.root / CACHE_FILE, json.dumps(cache, ensure_ascii=False, sort_keys=True, indent=0))
    return report


#: Up to this many documents, jieba's dictionary is read from disk word by word instead of loaded whole.
DISK_DICTIONARY_MAX_DOCS = 2
#: Below this many documents, worker processes cost more than they save.
PARALLEL_MIN_DOCS = 16


def _stage(plan: Plan) -> list[tuple[Path, Path | None]]:
    """Each file of a plan in its synced temp file (``None``: unchanged); none left behind on failure."""
    temps: list[tuple[Path, Path | None]] = []
    try:
        for out, data in plan.files:
            temps.append((out, stage_write(out, data)))
    except BaseException:
        _discard(temps)
        raise
    return temps


def _discard(temps: list[tuple[Path, Path | None]]) -> None:
    for _, tmp in temps:
        if tmp is not None:
            tmp.unlink(missing_ok=True)  # gone already if it was committed


def _plan_all(
    config: Config, docs: list[tuple[str, Path]], langs: list[str], encoding: str | None, annotate: Annotator
) -> Iterator[Plan]:
    """Plan every document, in worker processes when there are many (jieba is pure Python and CPU-bound).

    Workers are forked after jieba's dictionary is loaded, so they share it instead of each loading it.
    Plans come in the order of ``docs``, each as soon as it is ready; the first error in any document
    is raised here, before anything is committed.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(docs) < PARALLEL_MIN_DOCS or workers < 2:
        for doc, path in docs:
            yield plan_document(config, doc, path, langs, encoding, annotate)
        return
    annotate("")  # load jieba and the user dictionary once, before the fork
    global _WORK
    _WORK = (config, langs, encoding, annotate)
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(docs) // (workers * 16))  # small: staging starts early, workers finish together
    gc.freeze()  # what is loaded stays shared: the workers' collections neither scan nor copy it
    try:
        with context.Pool(workers, initializer=_worker_init) as pool:
            pending = pool.imap(_plan_one, docs, chunksize=chunk)
            from transflow.text import words

            words.build_disk_dictionary()  # while the workers cut: makes later small re-runs cheap
            yield from pending
    finally:
        gc.unfreeze()  # the parent (a test runner, say) collects as before


_WORK: tuple | None = None


def _worker_init() -> None:
    """Ctrl-C is the parent's to handle: it stops the pool and reports once, without worker tracebacks.

    Workers also die with the parent (Linux ``PR_SET_PDEATHSIG``), so a killed run leaves no orphans.
    """
    import ctypes
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _plan_one(item: tuple[str, Path]) -> Plan:
    config, langs, encoding, annotate = _WORK
    return plan_document(config, item[0], item[1], langs, encoding, annotate)


@dataclass
class Plan:
    """What one document's run would write, and digests of the catalogs it was computed from.

    The files are UTF-8 bytes, encoded once where they are made: a worker process sends them to the
    parent as they are, and the parent writes and digests them without encoding them again.
    """

    files: list[tuple[Path, bytes]]
    entries: int
    inputs: dict[Path, str | None]


#: How often a document is re-planned when a translator keeps saving its catalog during a run.
MAX_REPLANS = 5


def _file_digest(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return None


def _inputs_unchanged(inputs: dict[Path, str | None]) -> bool:
    return all(_file_digest(path) == want for path, want in inputs.items())


def _read_existing(path: Path, inputs: dict[Path, str | None]) -> tuple[polib.POFile | None, str | None]:
    """Parse a catalog if it exists, remembering the digest of exactly the bytes that were parsed."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        inputs[path] = None
        return None, None
    inputs[path] = digest(raw)
    return load_catalog(path, raw), raw.decode("utf-8")


def plan_document(
    config: Config, doc: str, path: Path, langs: list[str], encoding: str | None, annotate: Annotator | None
) -> Plan:
    """Everything one document's segment run would write, as (path, text) pairs, computed in memory."""
    paragraphs = read_article(path, encoding)
    if annotate is not None and is_markdown(path):  # names and terms in the words, not in URLs and code
        annotate = on_visible_text(annotate)
    entries = template_entries(config.source_ref(path), paragraphs, annotate)
    inputs: dict[Path, str | None] = {}
    if not entries:  # like xgettext: a document with no text gets no catalogs (msgcat would print nothing)
        return Plan([], 0, inputs)
    pot_path = config.pot_path(doc)
    old_pot, old_pot_text = _read_existing(pot_path, inputs)
    rendered: Rendered = {}
    pot_text, pot_date = build_template(doc, entries, config, old_pot, old_pot_text, rendered)
    files = [(pot_path, pot_text.encode("utf-8"))]
    for lg in langs:
        po_path = config.po_path(doc, lg)
        old, _ = _read_existing(po_path, inputs)
        files.append((po_path, build_catalog(doc, lg, entries, config, pot_date, old, rendered).encode("utf-8")))
    return Plan(files, len(entries), inputs)
