"""The align stage: an English version of a document, aligned sentence by sentence, fills its catalog.

What goes where:
- a 1–1 link: the English sentence becomes the translation; ``fuzzy`` when its score is below
  ``model.CONFIDENT``;
- several Chinese sentences with one English text (2–1, 2–2, 3–1): the English is cut at spaces into one
  piece per Chinese sentence (:mod:`transflow.align.pieces`), so ``merge`` (which joins a paragraph's
  translations with one space) gives back the English exactly once, in order; fuzzy when uncertain or
  when a cut had to fall inside an English sentence;
- one Chinese sentence with several English ones (1–2, 1–3): the English sentences joined with a space;
- a Chinese sentence with no English (an omission): left untranslated, with a note;
- an English sentence with no Chinese (an addition): reported, and noted on the Chinese sentence before
  it so a reviewer sees it.
Every entry we touch carries one ``# transflow align: …`` line (bead type, score, and a digest of the text
we wrote). People come first: an entry with a translation that no machine made (our digest, or a
``transflow draft:`` digest on a fuzzy entry, no longer matches) is never changed, and a bead that would
touch one is skipped whole so no English is duplicated or lost.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from transflow.align import model
from transflow.align.aligner import Bead, align_paragraphs
from transflow.align.pieces import divide
from transflow.po import headers
from transflow.po.catalog import atomic_write, load_catalog, render_catalog
from transflow.po.progress import has_translation
from transflow.project.config import Config
from transflow.project.errors import InputError
from transflow.text.article import decode_source, read_article
from transflow.text.english import split_english

MARK = "transflow align:"
#: Our note on the sentence an English addition follows (re-written on every run).
ADDED = "transflow align, added in English:"
#: Translator-comment marks of machine-made translations, with whether the entry must still be fuzzy.
MACHINE_MARKS = {MARK: False, "transflow draft:": True}


@dataclass(frozen=True)
class Link:
    """One bead as text: the Chinese sentences, the English sentences, the score and the bead type."""

    zh: tuple[str, ...]
    en: tuple[str, ...]
    score: float

    @property
    def kind(self) -> str:
        return f"{len(self.zh)}–{len(self.en)}"

    def as_json(self) -> dict:
        return {"zh": "".join(self.zh), "en": " ".join(self.en), "score": round(self.score, 3)}


@dataclass
class AlignReport:
    links: list[Link] = field(default_factory=list)
    translated: int = 0  # entries given English
    fuzzy: int = 0  # of those, marked fuzzy
    omitted: int = 0  # Chinese sentences with no English counterpart
    additions: list[str] = field(default_factory=list)  # English sentences with no Chinese counterpart
    kept: int = 0  # entries a person translated, left alone (with the rest of their bead)
    written: list[Path] = field(default_factory=list)

    def summary(self, dry_run: bool = False) -> str:
        done = "dry run, nothing written" if dry_run else f"{len(self.written)} file(s) written"
        return (
            f"align: {len(self.links)} beads; {self.translated} entries filled ({self.fuzzy} fuzzy), "
            f"{self.omitted} without English (omitted), {len(self.additions)} English sentence(s) added, "
            f"{self.kept} kept as a person typed them; {done}"
        )


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def machine_made(entry: polib.POEntry) -> bool:
    """A translation a machine wrote and nobody edited since: our digest still matches the text."""
    want = f"h={digest(entry.msgstr)}"
    for line in (entry.tcomment or "").split("\n"):
        for mark, needs_fuzzy in MACHINE_MARKS.items():
            if line.startswith(mark) and line.endswith(want) and (entry.fuzzy or not needs_fuzzy):
                return True
    return False


def writable(entry: polib.POEntry) -> bool:
    return not has_translation(entry) or machine_made(entry)


def read_english(path: Path) -> list[list[str]]:
    """The English version: one paragraph per non-empty line, each split into sentences."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = decode_source(raw, path)
    paragraphs = [split_english(line) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise InputError(f"{path}: no English text; give the English version as plain text, one paragraph per line")
    return paragraphs


def link(zh_paragraphs: Sequence[Sequence[str]], en_paragraphs: Sequence[Sequence[str]], glossary=()) -> list[Link]:
    """Align two texts given as paragraphs of sentences; the beads as text, in document order."""
    zs = [s for p in zh_paragraphs for s in p]
    es = [s for p in en_paragraphs for s in p]
    beads: list[Bead] = align_paragraphs(zh_paragraphs, en_paragraphs, glossary)
    return [Link(tuple(zs[i] for i in b.zh), tuple(es[j] for j in b.en), b.score) for b in beads]


def align_texts(zh_text: str, en_text: str, glossary=()) -> list[Link]:
    """Align a Chinese article and its English version given as text (one paragraph per line)."""
    from transflow.text.article import parse_article

    zh = [p.segments for p in parse_article(zh_text)]
    en = [p for p in (split_english(line) for line in en_text.splitlines()) if p]
    return link(zh, en, glossary)


def confident_pairs(links: Sequence[Link]) -> list[tuple[str, str]]:
    """Pairs fit for the translation memory: confident beads with text on both sides."""
    return [("".join(k.zh), " ".join(k.en)) for k in links if k.zh and k.en and k.score >= model.CONFIDENT]


def _set_comment(entry: polib.POEntry, line: str | None) -> None:
    """Replace our comment line (people's lines stay, in order)."""
    lines = [x for x in (entry.tcomment or "").split("\n") if x and not x.startswith(MARK)]
    entry.tcomment = "\n".join(lines + ([line] if line else []))


def _fill(entry: polib.POEntry, text: str, fuzzy: bool, note: str) -> None:
    same = entry.msgstr == text and any(x.startswith(MARK) for x in (entry.tcomment or "").split("\n"))
    entry.msgstr = text
    _set_comment(entry, f"{MARK} {note}, h={digest(text)}")
    if same:  # re-run with the same English: keep the state a reviewer may have set
        return
    entry.fuzzy = fuzzy
    entry.previous_msgid = entry.previous_msgctxt = None


def apply_links(po: polib.POFile, links: Sequence[Link], report: AlignReport) -> None:
    """Write the beads into the catalog's entries (see the module docstring for the rules)."""
    entries = {e.msgid: e for e in po if not e.obsolete and e.msgctxt is None and not e.msgid_plural}
    for entry in entries.values():  # notes of additions from an earlier run
        if ADDED in (entry.tcomment or ""):
            entry.tcomment = "\n".join(x for x in entry.tcomment.split("\n") if not x.startswith(ADDED))
    done: set[str] = set()
    previous: polib.POEntry | None = None
    for item in links:
        targets = [entries.get(s) for s in item.zh]
        if not item.zh:
            report.additions += list(item.en)
            if previous is not None and writable(previous):
                previous.tcomment = "\n".join(x for x in [previous.tcomment or "", f"{ADDED} {' '.join(item.en)}"] if x)
            continue
        previous = targets[-1]
        if any(s in done for s in item.zh) or any(t is None for t in targets):
            continue  # a sentence that recurs is translated where it first occurs
        done.update(item.zh)
        if not all(writable(t) for t in targets):
            report.kept += sum(1 for t in targets if not writable(t))
            continue
        score = f"score {item.score:.2f}"
        if not item.en:
            for t in targets:
                if machine_made(t) and any(x.startswith(MARK) for x in (t.tcomment or "").split("\n")):
                    t.msgstr = ""
                    t.fuzzy = False
                _set_comment(t, f"{MARK} no English counterpart (omitted in the English version), {score}")
                report.omitted += 1
            continue
        pieces, clean = divide(" ".join(item.en), [len(s) for s in item.zh])
        fuzzy = item.score < model.CONFIDENT or not clean
        for k, (t, piece) in enumerate(zip(targets, pieces, strict=True), start=1):
            part = f" part {k} of {len(targets)}" if len(targets) > 1 else ""
            if not piece:
                _set_comment(t, f"{MARK} {item.kind}{part}: covered by the translation before, {score}")
                continue
            _fill(t, piece, fuzzy, f"{item.kind}{part}, {score}")
            report.translated += 1
            report.fuzzy += fuzzy


def align(
    config: Config,
    doc: str,
    english: Path,
    lang: str | None = None,
    dry_run: bool = False,
    glossary: Sequence[tuple[str, str]] = (),
) -> AlignReport:
    """Align ``english`` to document ``doc`` and fill its catalog for ``lang`` (unless ``dry_run``)."""
    code = config.langs(lang)[0]
    [(name, source)] = config.documents([doc])
    paragraphs = read_article(source)
    links = link([p.segments for p in paragraphs], read_english(english), glossary)
    report = AlignReport(links=links)
    path = config.po_path(name, code)
    if not path.exists():
        raise InputError(f"{path}: no catalog yet; run: transflow segment {name} --lang {code}")
    baseline = path.read_bytes()
    po = load_catalog(path, baseline)
    before = render_catalog(po)
    apply_links(po, links, report)
    if dry_run or render_catalog(po) == before:
        return report
    po.metadata["PO-Revision-Date"] = headers.now()
    if path.read_bytes() != baseline:
        raise InputError(f"{path}: changed on disk while aligning (saved in an editor?); run align again")
    if atomic_write(path, render_catalog(po)):
        report.written.append(path)
    return report


def render_links(links: Sequence[Link], fmt: str) -> str:
    """JSON: the beads as ``[{"zh", "en", "score"}]``; text: one line per bead, score and type first."""
    if fmt == "json":
        return json.dumps([k.as_json() for k in links], ensure_ascii=False, indent=1) + "\n"
    lines = []
    for k in links:
        item = k.as_json()
        lines.append(f"{k.score:.2f}\t{k.kind}\t{item['zh'] or '-'}\t{item['en'] or '-'}")
    return "\n".join(lines) + ("\n" if lines else "")


#: How the two sides of an aligned pair are named in a folder: NAME.zh.txt beside NAME.en.txt.
PAIR_SUFFIXES = (".zh.txt", ".en.txt")


def aligned_files(paths: Sequence[Path]) -> list[tuple[Path, Path]]:
    """(Chinese, English) file pairs: two files given, or every NAME.zh.txt with its NAME.en.txt in folders."""
    if len(paths) == 2 and all(p.is_file() for p in paths):
        return [(paths[0], paths[1])]
    pairs = []
    for folder in paths:
        if not folder.is_dir():
            raise InputError(f"{folder}: give two files (ZH.txt EN.txt) or folders of NAME.zh.txt + NAME.en.txt")
        for zh_path in sorted(folder.glob("*" + PAIR_SUFFIXES[0])):
            en_path = zh_path.with_name(zh_path.name[: -len(PAIR_SUFFIXES[0])] + PAIR_SUFFIXES[1])
            if not en_path.exists():
                raise InputError(f"{zh_path}: no English version beside it ({en_path.name})")
            pairs.append((zh_path, en_path))
        if not pairs:
            raise InputError(f"{folder}: no NAME.zh.txt files with a NAME.en.txt beside them")
    return pairs


def read_pair(zh_path: Path, en_path: Path, glossary=()) -> tuple[list[Link], str]:
    """Align one bilingual pair of files; also a stamp that changes when either file does."""
    texts = []
    for path in (zh_path, en_path):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        texts.append(decode_source(raw, path))
    stamp = digest(texts[0] + "\0" + texts[1])
    return align_texts(texts[0], texts[1], glossary), stamp
