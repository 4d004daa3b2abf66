"""The draft stage: fill empty catalog entries with fuzzy drafts from the memory, then from an Argos model.

Order per sentence: an exact reviewed translation from the memory; else a close one (>= 75%, the score
in the comment); else the model's output (cached, so a re-run costs nothing). Every sentence that needs
the model goes into one list for the whole run and is translated in batches; after each batch the
finished drafts are written, so Ctrl-C (which only sets a flag here) loses at most one batch of work
and every file on disk is a complete catalog.

People come first: only empty entries are filled, or with ``redraft`` earlier machine drafts whose text
still matches the digest in their ``transflow draft:`` comment and that are still fuzzy. Before writing,
the file is compared with what was read; if someone saved it meanwhile, it is read again and drafts go
only into entries that are still empty in the file as it is now.
"""

from __future__ import annotations

import hashlib
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import polib

from transflow.draft.memory import Match, NoMemory, Store, open_memory
from transflow.draft.models import find_package, install_hint, model_available
from transflow.draft.postedit import postedit
from transflow.glossary.table import load_glossary, missing_terms
from transflow.po import headers
from transflow.po.catalog import load_catalog, render_catalog
from transflow.po.langs import same_language
from transflow.po.progress import REVIEWED, has_translation, live, state
from transflow.project.config import Config
from transflow.project.errors import InputError
from transflow.project.files import atomic_write
from transflow.text import names_en

__all__ = ["DraftReport", "draft", "empty_entries", "model_available", "is_machine_draft"]

MARK = "transflow draft:"
#: Our note that a draft misses an approved glossary rendering (the ``glossary`` check then reports it).
GLOSSARY_MARK = "transflow glossary:"
#: Our note that a draft misses a name's English (romanization, or the glossary's).
NAMES_MARK = "transflow names:"
OUR_LINES = (MARK, GLOSSARY_MARK, NAMES_MARK)
ENGINES = ("argos", "memory")
DEVICES = ("cpu", "cuda")
Key = tuple[str | None, str]
Progress = Callable[[int, int], None]


@dataclass
class DraftReport:
    """What a draft run did, counted in catalog entries."""

    from_memory: int = 0  # exact reviewed matches
    close_memory: int = 0  # close (>= 75%) reviewed matches
    from_model: int = 0  # model drafts, including those served from the cache
    cached: int = 0  # of from_model: already in the machine-output cache
    unmatched: int = 0  # left empty (memory engine, no match)
    skipped: int = 0  # entries that already had a translation and were left alone
    conflicts: int = 0  # entries someone filled in on disk while drafting: their text kept
    written: list[Path] = field(default_factory=list)
    interrupted: bool = False
    model: str = ""
    missing: list[str] = field(default_factory=list)  # languages skipped for want of a model (skip_missing)
    memory_error: str = ""  # why the memory was not used (unreachable server), if it was not

    def summary(self) -> str:
        parts = [
            f"{self.from_memory + self.close_memory} from memory ({self.close_memory} close)",
            f"{self.from_model} from the model ({self.cached} cached)",
            f"{self.skipped} skipped (already translated)",
        ]
        if self.unmatched:
            parts.append(f"{self.unmatched} left empty (no memory match)")
        if self.conflicts:
            parts.append(f"{self.conflicts} kept as saved by someone else meanwhile")
        text = "draft: " + ", ".join(parts) + f"; {len(self.written)} file(s) written"
        if self.memory_error:
            text += f" (without the memory: {self.memory_error})"
        return text + (" (interrupted; finished drafts kept)" if self.interrupted else "")


@dataclass(frozen=True)
class Draft:
    text: str
    note: str  # engine and model, or memory score and origin
    glossary: tuple[str, ...] = ()  # approved renderings the draft does not use ("曲江区 = Qujiang District")
    names: tuple[str, ...] = ()  # names whose English the draft does not use ("唐忠祥 = Tang Zhongxiang")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def is_machine_draft(entry: polib.POEntry) -> bool:
    """A fuzzy entry whose text is still exactly what transflow drafted (nobody edited it)."""
    if not entry.fuzzy or not entry.msgstr:
        return False
    want = f"h={digest(entry.msgstr)}"
    return any(line.startswith(MARK) and line.endswith(want) for line in (entry.tcomment or "").split("\n"))


def fillable(entry: polib.POEntry, redraft: bool) -> bool:
    if entry.obsolete or entry.msgid_plural or not entry.msgid:
        return False
    return not has_translation(entry) or (redraft and is_machine_draft(entry))


def apply_draft(entry: polib.POEntry, draft: Draft, date: str) -> bool:
    """Put a draft into an entry: text, ``fuzzy``, and our comment line (people's comment lines stay)."""
    lines = [line for line in (entry.tcomment or "").split("\n") if line and not line.startswith(OUR_LINES)]
    lines.append(f"{MARK} {draft.note}, {date}, h={digest(draft.text)}")
    lines += [f"{GLOSSARY_MARK} use {term} (approved; the draft does not)" for term in draft.glossary]
    if draft.names:
        lines.append(f"{NAMES_MARK} the draft does not spell {', '.join(draft.names)}")
    before = (entry.msgstr, entry.tcomment, list(entry.flags))
    entry.msgstr = draft.text
    entry.tcomment = "\n".join(lines)
    entry.fuzzy = True
    entry.previous_msgid = entry.previous_msgctxt = None
    return before != (entry.msgstr, entry.tcomment, list(entry.flags))


@dataclass
class _Catalog:
    """One catalog being drafted: the parsed file, the bytes it had, and every draft decided for it."""

    path: Path
    lang: str
    po: polib.POFile
    baseline: bytes
    drafts: dict[Key, Draft] = field(default_factory=dict)
    pending: set[Key] = field(default_factory=set)

    def entries(self) -> dict[Key, polib.POEntry]:
        return {(e.msgctxt, e.msgid): e for e in self.po if not e.obsolete}

    def flush(self, redraft: bool, date: str, report: DraftReport) -> None:
        """Write the drafts so far, re-reading the file first if it changed on disk since we read it."""
        if not self.pending:
            return
        try:
            current = self.path.read_bytes()
        except FileNotFoundError:  # deleted while drafting: do not bring it back
            self.pending.clear()
            return
        for _attempt in range(5):
            keys = set(self.pending)
            if current != self.baseline:
                self.po, self.baseline, keys = load_catalog(self.path), current, set(self.drafts)
            entries = self.entries()
            changed = False
            conflicts = 0
            for key in keys:
                entry = entries.get(key)
                if entry is None or not fillable(entry, redraft):
                    conflicts += entry is not None and key in self.pending and not is_machine_draft(entry)
                    continue
                changed |= apply_draft(entry, self.drafts[key], date)
            if not changed:
                break
            self.po.metadata["PO-Revision-Date"] = headers.now()
            text = render_catalog(self.po).encode("utf-8")
            try:
                latest = self.path.read_bytes()
            except FileNotFoundError:
                break
            if latest != current:  # saved again while we merged: merge into that version instead
                current = latest
                continue
            if atomic_write(self.path, text) and self.path not in report.written:
                report.written.append(self.path)
            self.baseline = text
            break
        report.conflicts += conflicts
        self.pending.clear()


def _load(config: Config, docs: list[str] | None, lang: str | None) -> list[_Catalog]:
    out = []
    for doc, _source in config.documents(docs):
        for code in config.langs(lang):
            path = config.po_path(doc, code)
            if not path.exists():
                raise InputError(f"{path}: no catalog yet; run: transflow segment {doc} --lang {code}")
            baseline = path.read_bytes()  # parse exactly these bytes: the concurrent-save check compares them
            out.append(_Catalog(path, code, load_catalog(path, baseline), baseline))
    return out


def empty_entries(config: Config, docs: list[str] | None = None, lang: str | None = None) -> int:
    """How many live entries have no translation (what a plain ``draft`` would try to fill)."""
    return sum(1 for cat in _load(config, docs, lang) for e in cat.po if fillable(e, False))


def refresh_memory(memory: Store, config: Config) -> None:
    """Re-read the reviewed translations of every catalog whose file changed since last time."""
    seen = set()
    for path in sorted(config.locale_dir.glob("*/LC_MESSAGES/*.po")):
        lang = path.parent.parent.name
        origin = f"catalog:{lang}/{path.stem}"
        seen.add(origin)
        stat = path.stat()
        stamp = f"{stat.st_size}-{stat.st_mtime_ns}"
        if memory.stamp(origin) == stamp:
            continue
        po = load_catalog(path)
        pairs = [(e.msgid, e.msgstr) for e in live(po) if not e.msgid_plural and state(e) == REVIEWED]
        memory.replace_origin(origin, stamp, config.source_lang, {lang: pairs})
    memory.drop_origins("catalog:", seen)


class _Interrupt:
    """Turns the first Ctrl-C into a flag checked between batches; a second one stops at once."""

    def __init__(self) -> None:
        self.requested = False
        self.previous = None

    def __enter__(self) -> _Interrupt:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def _open(config: Config, engine: str, report: DraftReport):
    """The memory; with the model engine an unreachable memory is a warning, not a stop."""
    try:
        return open_memory(config)
    except InputError as exc:
        if engine != "argos":
            raise
        report.memory_error = str(exc)
        return NoMemory(str(exc))


def _memory_note(match: Match) -> str:
    kind = "exact" if match.score >= 1.0 else "close"
    return f"memory {kind} {match.percent}% ({match.origin})"


def draft(
    config: Config,
    docs: list[str] | None = None,
    lang: str | None = None,
    engine: str = "argos",
    redraft: bool = False,
    device: str = "cpu",
    beam: int = 1,
    progress: Progress | None = None,
    chunk: int = 64,
    skip_missing: bool = False,
) -> DraftReport:
    """Fill empty entries (and, with ``redraft``, untouched machine drafts) with fuzzy drafts.

    ``skip_missing`` (for ``transflow run``): languages without an installed model are left alone
    instead of being an error; ``report.missing`` lists them.
    """
    if engine not in ENGINES:
        raise InputError(f"--engine {engine!r}: use one of {', '.join(ENGINES)}")
    if beam < 1:
        raise InputError(f"--beam {beam}: the beam size must be 1 or more")
    if device not in DEVICES:
        raise InputError(f"--device {device!r}: use one of {', '.join(DEVICES)}")
    report = DraftReport()
    catalogs = _load(config, docs, lang)
    # sentence -> places it goes, per target language
    wanted: dict[str, dict[str, list[tuple[_Catalog, Key]]]] = {}
    for cat in catalogs:
        for entry in cat.po:
            if entry.obsolete or not entry.msgid or entry.msgid_plural:
                continue
            if fillable(entry, redraft):
                wanted.setdefault(cat.lang, {}).setdefault(entry.msgid, []).append((cat, (entry.msgctxt, entry.msgid)))
            else:
                report.skipped += 1
    packages = {}
    if engine == "argos":
        for code in wanted:
            packages[code] = find_package(config.source_lang, code)
            if packages[code] is None and skip_missing:
                report.missing.append(code)
            elif packages[code] is None:
                raise InputError(
                    f"no Argos model for {config.source_lang}->{code}; {install_hint(config.source_lang, code)}"
                )
    date = headers.now()[:10]

    terms = load_glossary(config)
    known = {t.zh: t.en for t in terms if t.en}

    def assign(code: str, sentence: str, made: Draft) -> int:
        english = same_language(code, "en")
        missing = missing_terms(sentence, made.text, terms) if english else []
        if missing:
            made = replace(made, glossary=tuple(f"{t.zh} = {t.shown}" for t in missing))
        unspelt = [n for n in names_en.unspelt(sentence, made.text, known) if n.zh not in {t.zh for t in missing}]
        if english and unspelt:
            made = replace(made, names=tuple(f"{n.zh} = {n.en}" for n in unspelt))
        places = wanted[code][sentence]
        for cat, key in places:
            cat.drafts[key] = made
            cat.pending.add(key)
        return len(places)

    def flush_all() -> None:
        for cat in catalogs:
            cat.flush(redraft, date, report)

    with _open(config, engine, report) as memory, _Interrupt() as interrupt:
        try:
            refresh_memory(memory, config)
            for code, sentences in wanted.items():
                todo = []
                found = memory.search(list(sentences), config.source_lang, code)  # one batch per language
                for sentence, matches in zip(sentences, found, strict=True):
                    match = matches[0] if matches else None
                    if match is None:
                        todo.append(sentence)
                    elif match.score >= 1.0:
                        report.from_memory += assign(code, sentence, Draft(match.target, _memory_note(match)))
                    else:
                        report.close_memory += assign(code, sentence, Draft(match.target, _memory_note(match)))
                if engine == "memory" or packages.get(code) is None:
                    report.unmatched += sum(len(sentences[s]) for s in todo)
                    continue
                _run_model(
                    memory,
                    packages[code],
                    code,
                    todo,
                    assign,
                    report,
                    device,
                    beam,
                    progress,
                    chunk,
                    interrupt,
                    flush_all,
                )
                if interrupt.requested:
                    break
        finally:
            flush_all()
        report.interrupted = interrupt.requested
    return report


def _run_model(
    memory, package, code, todo, assign, report, device, beam, progress, chunk, interrupt, flush_all
) -> None:
    """Model drafts for ``todo``: cached ones first, the rest in batches, writing after each batch."""
    from transflow.draft.argos import model_key

    key = model_key(package, beam)
    note = f"argos {package.label} ({package.from_code}->{package.to_code})"
    report.model = package.label
    hits = memory.cached(key, todo)
    for sentence, raw in hits.items():
        n = assign(code, sentence, Draft(postedit(raw), note))
        report.from_model += n
        report.cached += n
    # Similar lengths in one batch waste no decoding steps on padding (CTranslate2 sorts only within a call).
    rest = sorted((s for s in todo if s not in hits), key=len)
    flush_all()
    if not rest:
        return
    from transflow.draft.argos import ArgosTranslator

    translator = ArgosTranslator(package, device, beam)
    done = 0
    if progress:
        progress(0, len(rest))
    for start in range(0, len(rest), max(1, chunk)):
        if interrupt.requested:
            return
        batch = rest[start : start + chunk]
        outputs = translator.translate(batch)
        memory.store(key, dict(zip(batch, outputs, strict=True)))
        for sentence, raw in zip(batch, outputs, strict=True):
            report.from_model += assign(code, sentence, Draft(postedit(raw), note))
        flush_all()
        done += len(batch)
        if progress:
            progress(done, len(rest))
