"""The command-line shell: each command parses options and calls one library function.

Errors the user can act on (:class:`~transflow.project.errors.TransflowError`) become one line on stderr and
exit status 2 (bad input) or 1 (problems found); anything else too, unless ``--debug`` asks for the
traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from transflow import __version__
from transflow.project.config import repository_prefix
from transflow.project.errors import InputError
from transflow.shell import STATE as _state
from transflow.shell import Shell, choices, config, fail, guarded, relative  # noqa: F401 - fail: for commands

app = typer.Typer(
    cls=Shell,
    help="Translate Chinese news articles into English through gettext catalogs, with a human in the loop.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: flags without a <bool> metavar, no boxes
)
#: Arguments and options that several commands share (typer reads these as metadata only).
DOCS = typer.Argument(None, help="Documents (names in source/ or .txt paths); default all.")
CATALOGS = typer.Argument(None, help="Documents or .po files; default every catalog.")
LANG = typer.Option(None, "--lang", "-l", help="Only this target language.")
ENCODING = typer.Option(
    None, "--encoding", help="Source encoding if not UTF-8, e.g. gb18030 (default: source_encoding in transflow.toml)."
)
#: Choices typer checks. Each equals its stage's own table (merge.run.FORMATS, merge.html.LAYOUTS,
#: check.report.FORMATS, check.stats.FORMATS, glossary.discovery.FORMATS, draft.run.ENGINES and DEVICES;
#: tests/test_cli.py keeps them equal): written out here so that starting the CLI imports no stage.
MergeFormat = choices("MergeFormat", ("html", "md", "txt", "tmx"))
Layout = choices("Layout", ("side-by-side", "interleaved", "target"))
CheckFormat = choices("CheckFormat", ("text", "json", "github", "junit"))
StatsFormat = choices("StatsFormat", ("text", "json", "csv"))
TermsFormat = choices("TermsFormat", ("text", "csv"))
Engine = choices("Engine", ("argos", "memory"))
Device = choices("Device", ("cpu", "cuda"))
AlignFormat = choices("AlignFormat", ("text", "json"))
MemoryFormat = choices("MemoryFormat", ("text", "json"))


def _reading(strip_control: bool) -> bool:
    """Every command that reads sources reads them alike: the option sets how this process reads them."""
    from transflow.text.article import READING

    READING["strip_control"] = strip_control
    return strip_control


STRIP_CONTROL = typer.Option(
    False, "--strip-control", callback=_reading, help="Remove control characters from sources (with a warning)."
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"transflow {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks instead of one-line errors (anywhere)."),
    project: Optional[Path] = typer.Option(None, "--project", "-C", help="Project folder (default: current)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """transflow: segment -> draft -> review in Poedit -> check -> merge."""
    _state["debug"] = debug
    _state["project"] = project
    _reading(False)
    _state["root"] = None


@app.command()
@guarded
def split(
    file: Path = typer.Argument(..., help="A source article (UTF-8 text, one paragraph per line)."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines: {line, role, segments} per paragraph."),
    encoding: Optional[str] = ENCODING,
    strip_control: bool = STRIP_CONTROL,
) -> None:
    """Print the sentences of one file, one per line.

    Example: transflow split source/qujiang.txt --json
    """
    from transflow.text.article import read_article

    for par in read_article(file, encoding):
        if as_json:
            record = {"line": par.line, "role": par.role, "segments": list(par.segments)}
            typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            for sentence in par.segments:
                typer.echo(sentence)


@app.command()
@guarded
def segment(
    docs: Optional[list[str]] = DOCS,
    lang: Optional[str] = LANG,
    encoding: Optional[str] = ENCODING,
    strip_control: bool = STRIP_CONTROL,
) -> None:
    """Split sources into sentences and create or update the POT and PO catalogs.

    Example: transflow segment qujiang --lang en
    """
    from transflow.project.lock import project_lock
    from transflow.segment.run import segment as run_segment

    cfg = config(encoding=encoding)
    with project_lock(cfg.root, "segment", (cfg.locale_dir,)):
        report = run_segment(cfg, docs or None, lang)
    for doc in report.empty:
        typer.echo(f"segment: {doc} has no text; no catalogs written for it", err=True)
    typer.echo(
        f"segment: {report.documents} document(s), {report.entries} entries, "
        f"{len(report.written)} file(s) written, {report.skipped} unchanged",
        err=True,
    )


models_app = typer.Typer(
    help="Argos model packages: list, install, remove.\n\nExample: transflow models install zh en",
    no_args_is_help=True,
    rich_markup_mode=None,
)
memory_app = typer.Typer(
    help="The translation memory (.transflow/memory.sqlite, or a shared PostgreSQL).\n\n"
    "Example: transflow memory import archive.tmx",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(models_app, name="models")
app.add_typer(memory_app, name="memory")


@models_app.command("list")
@guarded
def models_list() -> None:
    """List installed Argos translation packages.

    Example: transflow models list
    """
    from transflow.draft.models import installed, packages_dir

    packages = installed()
    if not packages:
        hint = "install one with: transflow models install FILE.argosmodel"
        typer.echo(f"no models installed in {packages_dir()}; {hint}", err=True)
        return
    for p in packages:
        typer.echo(f"{p.name}\t{p.from_code}->{p.to_code}\t{p.version}")


@models_app.command("install")
@guarded
def models_install(
    what: list[str] = typer.Argument(..., help="A .argosmodel file, or a language pair such as: zh en"),
) -> None:
    """Install a model package from a .argosmodel file (checked first), or a pair from the Argos index.

    Example: transflow models install translate-zh_en-1_9.argosmodel
    """
    from transflow.draft.models import install_file, install_pair

    if len(what) == 2 and not Path(what[0]).exists():
        package = install_pair(what[0], what[1])
    elif len(what) == 1:
        package = install_file(Path(what[0]))
    else:
        raise InputError("give one .argosmodel file, or a language pair such as: transflow models install zh en")
    typer.echo(f"installed {package.name} ({package.from_code}->{package.to_code} {package.version})", err=True)


@models_app.command("remove")
@guarded
def models_remove(
    name: str = typer.Argument(..., help="Package name as 'models list' shows it, or a pair: zh-en"),
) -> None:
    """Remove an installed model package.

    Example: transflow models remove translate-zh_en
    """
    from transflow.draft.models import remove

    package = remove(name)
    typer.echo(f"removed {package.name}", err=True)


@app.command()
@guarded
def draft(
    docs: Optional[list[str]] = DOCS,
    lang: Optional[str] = LANG,
    engine: Engine = typer.Option("argos", help="argos (memory first, then the model) or memory (memory only)."),
    redraft: bool = typer.Option(False, "--redraft", help="Also replace earlier machine drafts nobody edited."),
    device: Device = typer.Option("cpu", help="Where the model runs."),
    beam: int = typer.Option(1, help="Beam size; 1 is greedy decoding (fastest)."),
) -> None:
    """Fill empty entries with fuzzy machine drafts (translation memory first, then Argos).

    Example: transflow draft qujiang --lang en
    """
    from transflow.project.lock import project_lock

    cfg = config()
    with project_lock(cfg.root, "draft", (cfg.locale_dir,)):
        _draft(cfg, docs or None, lang, engine=engine.value, redraft=redraft, device=device.value, beam=beam)


def _draft(cfg, docs, lang, **options) -> None:
    """Run the draft stage with a progress bar on a terminal and a one-line summary after it."""
    from transflow.draft.run import draft as run_draft

    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("drafting", total=None)
            report = run_draft(
                cfg, docs, lang, progress=lambda done, total: bar.update(task, completed=done, total=total), **options
            )
    else:
        report = run_draft(cfg, docs, lang, **options)
    typer.echo(report.summary(), err=True)
    if report.interrupted:
        raise typer.Exit(130)


@memory_app.command("import")
@guarded
def memory_import(file: Path = typer.Argument(..., help="A TMX file with the source language on one side.")) -> None:
    """Import a TMX file into the translation memory (re-importing a file replaces its units).

    Example: transflow memory import archive.tmx
    """
    from transflow.draft.memory import import_tmx

    count = import_tmx(config(), file)
    typer.echo(f"memory: {count} translation unit(s) imported from {file}", err=True)


@memory_app.command("import-aligned")
@guarded
def memory_import_aligned(
    paths: list[Path] = typer.Argument(..., help="ZH.txt EN.txt, or folders of NAME.zh.txt + NAME.en.txt pairs."),
    lang: Optional[str] = LANG,
) -> None:
    """Align bilingual articles sentence by sentence and add the confident pairs to the memory.

    Example: transflow memory import-aligned archive/   (archive/2016-07-01.zh.txt + 2016-07-01.en.txt ...)
    """
    from transflow.align.run import aligned_files, confident_pairs, read_pair
    from transflow.draft.memory import open_memory

    cfg = config()
    code = cfg.langs(lang)[0]
    total = 0
    with open_memory(cfg) as memory:  # glue here: the align stage never imports the draft stage
        for zh_path, en_path in aligned_files(paths):
            links, stamp = read_pair(zh_path, en_path, _glossary_pairs(cfg))
            total += memory.replace_origin(
                f"aligned:{zh_path.resolve()}", stamp, cfg.source_lang, {code: confident_pairs(links)}
            )
    typer.echo(f"memory: {total} aligned pair(s) imported", err=True)


def _glossary_pairs(cfg) -> list[tuple[str, str]]:
    from transflow.glossary.table import load_glossary

    return [(t.zh, alt) for t in load_glossary(cfg) for alt in t.alternatives]


@app.command()
@guarded
def align(
    doc: str = typer.Argument(..., help="The document (name in source/ or a .txt path)."),
    english: Path = typer.Argument(..., help="Its English version: plain text, one paragraph per line."),
    lang: Optional[str] = LANG,
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the alignment; write nothing."),
    fmt: AlignFormat = typer.Option("text", "--format", "-f", help="text or json (the beads in document order)."),
    encoding: Optional[str] = ENCODING,
    strip_control: bool = STRIP_CONTROL,
) -> None:
    """Align an existing English version to the document's sentences and fill its catalog.

    Example: transflow align qujiang qujiang.en.txt --dry-run --format json
    """
    from transflow.align.run import align as run_align
    from transflow.align.run import render_links
    from transflow.project.lock import project_lock

    cfg = config(encoding=encoding)
    with project_lock(cfg.root, "align", (cfg.locale_dir,)):
        report = run_align(cfg, doc, english, lang, dry_run, _glossary_pairs(cfg))
    typer.echo(render_links(report.links, fmt.value), nl=False)
    for sentence in report.additions:
        typer.echo(f"align: added in the English (no Chinese counterpart): {sentence}", err=True)
    typer.echo(report.summary(dry_run), err=True)


@memory_app.command("export")
@guarded
def memory_export(file: Path = typer.Argument(..., help="The TMX file to write (replaced when complete).")) -> None:
    """Write the whole memory to a TMX 1.4 file: a backup, or a memory for other tools.

    Example: transflow memory export backup.tmx
    """
    from transflow.draft.memory import export_tmx

    count = export_tmx(config(), file)
    typer.echo(f"memory: {count} translation unit(s) exported to {file}", err=True)


@memory_app.command("stats")
@guarded
def memory_stats(fmt: MemoryFormat = typer.Option("text", "--format", help="text or json.")) -> None:
    """Backend, units per language pair, machine-output cache entries and size.

    Example: transflow memory stats --format json
    """
    from transflow.draft.memory import open_memory

    with open_memory(config()) as memory:
        stats = memory.stats()
    if fmt.value == "json":
        typer.echo(json.dumps(stats, ensure_ascii=False))
        return
    typer.echo(f"backend: {stats['backend']} ({stats['location']})")
    typer.echo(f"units: {stats['units']}")
    for pair, n in stats["pairs"].items():
        typer.echo(f"  {pair}: {n}")
    typer.echo(f"machine output cached: {stats['mt']}")
    typer.echo(f"size: {stats['size_bytes'] / 1e6:.1f} MB")


@memory_app.command("lookup")
@guarded
def memory_lookup(
    text: Optional[str] = typer.Argument(None, help="A source sentence (or use --file)."),
    file: Optional[Path] = typer.Option(None, "--file", help="One sentence per line; JSON lines out."),
    minimum: int = typer.Option(75, "--min", help="Lowest similarity shown, in percent (1-100)."),
    limit: int = typer.Option(5, "--limit", help="Most matches per sentence."),
    fmt: MemoryFormat = typer.Option("text", "--format", help="text or json."),
    lang: Optional[str] = LANG,
) -> None:
    """The closest reviewed translations of a sentence, with score, translation and origin.

    Example: transflow memory lookup "曲江区召开疫情防控工作会议" --min 80
    """
    from transflow.draft.memory import open_memory

    if (text is None) == (file is None):
        fail("give a sentence or --file FILE (one sentence per line), not both")
    if not 1 <= minimum <= 100 or limit < 1:
        fail("--min takes 1-100, --limit 1 or more")
    cfg = config()
    target = cfg.langs(lang)[0]
    if file is not None:
        try:
            queries = [line.strip() for line in file.read_text("utf-8").splitlines()]
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{file}: cannot read as UTF-8 text ({exc})")
    else:
        queries = [text.strip()]
    with open_memory(cfg) as memory:
        found = memory.search(queries, cfg.source_lang, target, minimum, limit)
    for query, matches in zip(queries, found):
        records = [{"score": m.percent, "target": m.target, "origin": m.origin, "source": m.source} for m in matches]
        if fmt.value == "json" or file is not None:
            typer.echo(json.dumps({"query": query, "matches": records}, ensure_ascii=False))
            continue
        if not matches:
            typer.echo(f"no match >= {minimum}%", err=True)
        for m in matches:
            typer.echo(f"{m.percent:3d}%  {m.target}  ({m.origin})\n      {m.source}")


glossary_app = typer.Typer(
    help="The project glossary (glossary.csv: zh,en,note).\n\nExample: transflow glossary import terms.tbx",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(glossary_app, name="glossary")


@glossary_app.command("import")
@guarded
def glossary_import(tbx: Path = typer.Argument(..., help="A TBX terminology file.")) -> None:
    """Add the Chinese–English terms of a TBX file to the glossary (a term already there keeps its English).

    Example: transflow glossary import terms.tbx
    """
    from transflow.glossary.table import import_tbx

    done = import_tbx(config(), tbx)
    for kept, offered in done.conflicts:
        typer.echo(f"glossary: kept {kept.zh} = {kept.en!r}; {tbx.name} has {offered.en!r}", err=True)
    conflicts = f", {len(done.conflicts)} conflict(s) kept as in the glossary" if done.conflicts else ""
    typer.echo(f"glossary: {done.added} term(s) added, {done.present} already present{conflicts}", err=True)


@glossary_app.command("list")
@guarded
def glossary_list() -> None:
    """Print the glossary as it is read (zh, en, note), one term per line.

    Example: transflow glossary list
    """
    from transflow.glossary.table import load_glossary

    cfg = config()
    if cfg.glossary is None or not cfg.glossary.exists():
        where = cfg.source_ref(cfg.glossary) if cfg.glossary else 'glossary = "" in transflow.toml'
        typer.echo(f"glossary: no glossary ({where}); add terms with: transflow glossary import FILE.tbx", err=True)
        return
    for term in load_glossary(cfg):
        typer.echo(f"{term.zh}\t{term.en}\t{term.note}")


@app.command()
@guarded
def terms(
    docs: Optional[list[str]] = typer.Argument(None, help="Documents; default all."),
    top: int = typer.Option(30, "--top", "-n", min=1, help="How many proposals."),
    fmt: TermsFormat = typer.Option("text", "--format", help="text, or csv rows that append to glossary.csv."),
    encoding: Optional[str] = ENCODING,
    strip_control: bool = STRIP_CONTROL,
) -> None:
    """Propose terms not yet in the glossary: names, recurring words and phrases, with examples.

    Example: transflow terms --top 20 --format csv >> glossary.csv
    """
    from transflow.glossary.discovery import propose, to_csv, to_text

    proposals = propose(config(encoding=encoding), docs or None, top)
    typer.echo(to_csv(proposals) if fmt.value == "csv" else to_text(proposals), nl=False)


@app.command()
@guarded
def merge(
    docs: Optional[list[str]] = DOCS,
    lang: Optional[str] = LANG,
    fmt: MergeFormat = typer.Option("html", "--format", "-f", help="Output format."),
    layout: Layout = typer.Option(
        "side-by-side",
        help="side-by-side or interleaved (bilingual HTML); target: the translated article alone, in the source's "
        "structure (html, md, txt).",
    ),
    include_drafts: bool = typer.Option(False, "--include-drafts", help="Show machine drafts, marked as drafts."),
    min_translated: Optional[float] = typer.Option(
        None, "--min-translated", metavar="P", help="Refuse (exit 1, write nothing) below P percent reviewed."
    ),
    glossary: bool = typer.Option(False, "--glossary", help="HTML: add a table of the glossary terms used."),
    pinyin: bool = typer.Option(False, "--pinyin", help="HTML: pinyin over the Chinese (a button toggles it)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file, or folder for several."),
    encoding: Optional[str] = ENCODING,
    strip_control: bool = STRIP_CONTROL,
) -> None:
    """Merge source and reviewed translations into a parallel document (default build/<doc>.<lang>.html).

    Example: transflow merge qujiang --format md --include-drafts
    Example: transflow merge story --layout target --format md --min-translated 100
    """
    from transflow.glossary.table import load_glossary
    from transflow.merge.run import merge as run_merge
    from transflow.project.lock import project_lock

    cfg = config(encoding=encoding)
    terms = load_glossary(cfg)
    with project_lock(cfg.root, "merge", (cfg.output_dir,)):
        paths = run_merge(
            cfg,
            docs or None,
            lang,
            fmt.value,
            layout.value,
            include_drafts,
            min_translated,
            output,
            terms,
            glossary_table=glossary,
            pinyin=pinyin,
        )
    for path in paths:
        typer.echo(str(path))


@app.command("import")
@guarded
def import_(
    page: str = typer.Argument(..., help="A saved news page (.html), or its URL when online."),
    name: Optional[str] = typer.Option(None, "--name", help="Document name (default: from the file or URL)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing source/<name>.md."),
) -> None:
    """Extract a news page's article into source/<doc>.md (headline, author, date, site, link in front matter).

    Example: transflow import saved/story.html --name henan-rules
    """
    from transflow.ingest.run import import_page

    report = import_page(config(), page, name, force)
    typer.echo(
        f"{report.path}: {report.title!r}, {report.paragraphs} paragraph(s), {report.characters:,} characters "
        f"(read as {report.encoding})"
    )


@app.command()
@guarded
def check(
    docs: Optional[list[str]] = CATALOGS,
    lang: Optional[str] = LANG,
    fmt: CheckFormat = typer.Option("text", "--format", "-f", help="json: stable schema; github: annotations."),
    min_translated: Optional[float] = typer.Option(
        None, "--min-translated", help="Pass with untranslated entries if at least P% of each catalog is done."
    ),
    allow_fuzzy: bool = typer.Option(False, "--allow-fuzzy", help="Fuzzy entries are warnings and count as done."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: one per CPU)."),
) -> None:
    """Check translations (numbers, Chinese left in, punctuation, glossary ...); exit 1 on errors.

    Example: transflow check --format github --min-translated 90
    """
    from transflow.check.report import render, render_error, summary
    from transflow.check.run import check as run_check
    from transflow.glossary.table import load_glossary

    prefix = ""
    try:
        cfg = config(docs)
        prefix = repository_prefix(cfg.root)
        report = run_check(cfg, docs or None, lang, min_translated, allow_fuzzy, load_glossary(cfg), jobs)
    except InputError as exc:  # the report's reader (CI) sees the error too; stderr still gets its line
        typer.echo(render_error(relative(str(exc)), fmt.value, prefix), nl=False)
        raise
    typer.echo(render(report, fmt.value, prefix), nl=False)
    if fmt.value != "text":
        typer.echo(summary(report), err=True)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
@guarded
def stats(
    docs: Optional[list[str]] = CATALOGS,
    lang: Optional[str] = LANG,
    fmt: StatsFormat = typer.Option("text", "--format", "-f", help="Output format."),
) -> None:
    """Progress per document and language: entries, reviewed, fuzzy, words (jieba words, not characters).

    Example: transflow stats --format csv > progress.csv
    """
    from transflow.check.stats import render
    from transflow.check.stats import stats as run_stats

    typer.echo(render(run_stats(config(docs), docs or None, lang), fmt.value), nl=False)


@app.command("run")
@guarded
def run_all(
    lang: Optional[str] = LANG,
    include_drafts: bool = typer.Option(False, "--include-drafts", help="Show machine drafts in the HTML."),
    encoding: Optional[str] = ENCODING,
    strip_control: bool = STRIP_CONTROL,
) -> None:
    """The main job: segment, draft empty entries if a model is installed, merge to bilingual HTML.

    Example: transflow run   (then open build/<doc>.<lang>.html)
    """
    from transflow.draft.models import model_available
    from transflow.glossary.table import load_glossary
    from transflow.merge.run import merge as run_merge
    from transflow.po.langs import argos as argos_code
    from transflow.project.lock import project_lock
    from transflow.segment.run import segment as run_segment

    cfg = config(encoding=encoding)
    with project_lock(cfg.root, "run", (cfg.locale_dir, cfg.output_dir)):  # held through the merge
        report = run_segment(cfg, None, lang)
        typer.echo(f"segment: {report.documents} document(s), {len(report.written)} file(s) written", err=True)
        langs = cfg.langs(lang)
        missing = [code for code in langs if not model_available(cfg.source_lang, code)]
        if missing:
            src = argos_code(cfg.source_lang)
            pairs = ", ".join(f"{src}→{argos_code(code)}" for code in missing)
            commands = " && ".join(f"transflow models install {src} {argos_code(code)}" for code in missing)
            typer.echo(f"draft: skipped, no {pairs} model installed; install with: {commands}", err=True)
        if len(missing) < len(langs):
            from transflow.draft.run import empty_entries

            if empty_entries(cfg, None, lang):
                _draft(cfg, None, lang, skip_missing=True)
        paths = run_merge(cfg, None, lang, "html", include_drafts=include_drafts, glossary=load_glossary(cfg))
    for path in paths:
        typer.echo(str(path))


def run() -> None:  # pragma: no cover - console script entry
    app(prog_name="transflow")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
