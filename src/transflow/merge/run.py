"""The merge stage: source article + reviewed catalog -> parallel document (HTML, Markdown, text, TMX).

Everything is read, aligned, checked against ``--min-translated`` and rendered in memory first; only when
every document passes is anything written, each file atomically. A refused run leaves earlier output as is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from transflow.merge.document import Aligned, align, as_terms, credit_from
from transflow.merge.html import LAYOUTS, render_html
from transflow.merge.pinyin import Reader
from transflow.merge.target import bilingual_markdown, render_target
from transflow.merge.text import render_markdown, render_text
from transflow.merge.tmx import render_tmx
from transflow.po.catalog import load_catalog
from transflow.po.progress import check_threshold
from transflow.project.config import Config
from transflow.project.errors import InputError, Problems
from transflow.project.files import atomic_write
from transflow.text.article import read_source
from transflow.text.markdown import MarkdownSource

#: The translated article alone, in the source's structure (any format but TMX).
TARGET = "target"
#: Every layout ``merge --layout`` takes: the bilingual HTML layouts, then the translated article alone.
ALL_LAYOUTS = (*LAYOUTS, TARGET)

#: Output format -> file extension.
FORMATS = {"html": "html", "md": "md", "txt": "txt", "tmx": "tmx"}


@dataclass(frozen=True)
class Planned:
    aligned: Aligned
    path: Path
    text: str
    source: MarkdownSource | None = None


def _ref(config: Config, path: Path) -> str:
    try:
        return path.resolve().relative_to(config.root).as_posix()
    except ValueError:
        return str(path)


def load_aligned(config: Config, doc: str, source: Path, lang: str, include_drafts: bool) -> Aligned:
    """Read one document and its catalog for ``lang`` and align them."""
    return load_document(config, doc, source, lang, include_drafts)[0]


def load_document(
    config: Config, doc: str, source: Path, lang: str, include_drafts: bool
) -> tuple[Aligned, MarkdownSource | None]:
    """One document aligned with its catalog for ``lang``, and its parsed Markdown (None for plain text)."""
    po_path = config.po_path(doc, lang)
    if not po_path.exists():
        raise InputError(f"{po_path}: no catalog for {doc!r} in {lang!r}; run `transflow segment` first")
    po = load_catalog(po_path)
    paragraphs, markdown = read_source(source, config.source_encoding)
    aligned = align(
        doc,
        lang,
        paragraphs,
        po,
        include_drafts=include_drafts,
        source_lang=config.source_lang,
        revised=po.metadata.get("PO-Revision-Date", ""),
        credit=credit_from(markdown.meta) if markdown is not None else None,
    )
    return (replace(aligned, markdown=True) if markdown is not None else aligned), markdown


def render(
    aligned: Aligned,
    fmt: str,
    layout: str = "side-by-side",
    terms=(),
    glossary_table: bool = False,
    source_ref: str = "",
    catalog_ref: str = "",
    source: MarkdownSource | None = None,
    reader: Reader | None = None,
) -> str:
    """The document text in one format (pure); a ``reader`` adds pinyin and names to the HTML."""
    if layout == TARGET:
        return render_target(aligned, fmt, source)
    if fmt == "md" and source is not None:  # a Markdown source keeps its structure, both languages in it
        return bilingual_markdown(aligned, source)
    if fmt == "html":
        return render_html(aligned, layout, terms, glossary_table, source_ref, catalog_ref, reader)
    if fmt == "md":
        return render_markdown(aligned, source_ref, catalog_ref)
    if fmt == "txt":
        return render_text(aligned)
    if fmt == "tmx":
        return render_tmx(aligned)
    raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _output_path(config: Config, doc: str, lang: str, fmt: str, output: Path | None, many: bool) -> Path:
    name = f"{doc}.{lang}.{FORMATS[fmt]}"
    if output is None:
        return config.output_dir / name
    output = output if output.is_absolute() else Path.cwd() / output
    if many or output.is_dir():
        return output / name
    return output


def check_output(output: Path | None, fmt: str, outputs: int) -> None:
    """Refuse an ``-o`` that cannot be what the user meant: one file name for several outputs (it would
    become a folder), or a name whose extension is another format's (``--format md -o page.html``)."""
    if output is None or output.is_dir() or not output.suffix:
        return
    if outputs > 1:
        raise InputError(f"-o {output}: {outputs} documents to write, one file name; give a folder instead")
    ext = output.suffix[1:].lower()
    if ext in FORMATS.values() and ext != FORMATS[fmt]:
        raise InputError(f"-o {output}: a .{ext} name for --format {fmt}; name it *.{FORMATS[fmt]} or pass --format")


def merge(
    config: Config,
    docs: list[str] | None = None,
    lang: str | None = None,
    fmt: str = "html",
    layout: str = "side-by-side",
    include_drafts: bool = False,
    min_translated: float | None = None,
    output: Path | None = None,
    glossary: Iterable[object] | None = None,
    glossary_table: bool = False,
    pinyin: bool = False,
) -> list[Path]:
    """Write the parallel documents; returns their paths (files with unchanged bytes are not rewritten).

    ``glossary``: (zh, en, note) tuples or objects with ``.zh/.en/.note``; its terms are marked in the HTML,
    and listed at the end with ``glossary_table``. ``output``: a file (one document and language) or a
    folder. Raises :class:`Problems` (exit 1) and writes nothing when a document is below ``min_translated``.
    ``pinyin``: HTML only, pinyin over the Chinese and names marked with their English.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if pinyin and fmt != "html":
        raise InputError(f"--pinyin is for the HTML page; it does not apply to --format {fmt}")
    if layout not in ALL_LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; use one of {', '.join(ALL_LAYOUTS)}")
    if layout == TARGET and fmt == "tmx":
        raise InputError("--layout target writes the translated article; TMX is always bilingual, drop --layout")
    check_threshold(min_translated)
    terms = as_terms(glossary)
    reader = Reader({t.zh: t.en for t in terms if t.en}) if pinyin else None
    documents = config.documents(docs)
    langs = config.langs(lang)
    many = len(documents) * len(langs) > 1
    check_output(output, fmt, len(documents) * len(langs))
    planned: list[Planned] = []
    short: list[str] = []
    for doc, source in documents:
        for lg in langs:
            aligned, markdown = load_document(config, doc, source, lg, include_drafts)
            c = aligned.counts
            if not c.meets(min_translated):
                short.append(f"{_ref(config, config.po_path(doc, lg))} is {c.shown} reviewed ({c.reviewed}/{c.total})")
                continue
            path = _output_path(config, doc, lg, fmt, output, many)
            refs = (_ref(config, source), _ref(config, config.po_path(doc, lg)))
            text = render(aligned, fmt, layout, terms, glossary_table, *refs, source=markdown, reader=reader)
            planned.append(Planned(aligned, path, text, markdown))
    if short:
        raise Problems(f"{'; '.join(short)}, below --min-translated {min_translated:g}%; nothing written")
    for p in planned:
        atomic_write(p.path, p.text)  # skips files whose bytes are unchanged
    return [p.path for p in planned]
