"""The shell every command shares: version, choices, one-line usage errors, --debug anywhere, help text,
the project a command works on (-C, walking up from a .po path), encodings and `transflow run`'s edges."""
# ruff: noqa: F811 - pytest fixtures imported from argos_fixture are parameters by design

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from argos_fixture import argos_home  # noqa: F401
from transflow import __version__
from transflow.cli import app

from conftest import snapshot

#: A small article of our own: a headline and two sentences.
ARTICLE = "湖边新建了一座图书馆\n图书馆今天开门。第一天来了三百人。\n"


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def one_line_error(result, *needles: str) -> str:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def test_version_prints_name_and_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"transflow {__version__}"
    assert re.fullmatch(r"transflow \d+\.\d+\.\d+", result.stdout.strip())


@pytest.mark.parametrize(
    "args, option",
    [
        (("merge", "--format", "pdf"), "--format"),
        (("merge", "--layout", "columns"), "--layout"),
        (("check", "--format", "xml"), "--format"),
        (("stats", "--format", "yaml"), "--format"),
        (("terms", "--format", "tsv"), "--format"),
        (("draft", "--engine", "google"), "--engine"),
        (("draft", "--device", "tpu"), "--device"),
    ],
)
def test_a_bad_choice_is_one_line_naming_the_choices(project: Path, args, option: str) -> None:
    before = snapshot(project)
    line = one_line_error(invoke("-C", str(project), *args), option)
    assert "is not one of" in line and "--help" in line
    assert snapshot(project) == before


def test_the_choices_are_the_stages_own() -> None:
    """The CLI writes its choices out (starting it imports no stage); they must be exactly the stages' tables."""
    from transflow import cli
    from transflow.check import report, stats
    from transflow.draft import run as draft_run
    from transflow.glossary import discovery
    from transflow.merge import run as merge_run

    for enum, table in (
        (cli.MergeFormat, merge_run.FORMATS),
        (cli.Layout, merge_run.ALL_LAYOUTS),
        (cli.CheckFormat, report.FORMATS),
        (cli.StatsFormat, stats.FORMATS),
        (cli.TermsFormat, discovery.FORMATS),
        (cli.Engine, draft_run.ENGINES),
        (cli.Device, draft_run.DEVICES),
    ):
        assert [member.value for member in enum] == list(table), enum.__name__


def test_an_unknown_option_is_one_line_without_a_panel(project: Path) -> None:
    line = one_line_error(invoke("-C", str(project), "segment", "--colour"), "No such option: --colour")
    assert "╭" not in line and "transflow segment --help" in line


def test_debug_works_after_the_subcommand(tmp_path: Path) -> None:
    missing = tmp_path / "gone"
    plain = invoke("-C", str(missing), "segment")
    one_line_error(plain, "no such project folder")
    with pytest.raises(Exception, match="no such project folder"):  # --debug: the exception itself, traceback
        invoke("-C", str(missing), "segment", "--debug")


def test_help_shows_flags_without_a_bool_metavar_and_every_group_an_example() -> None:
    merge_help = invoke("merge", "--help").stdout
    assert "--include-drafts" in merge_help and "<bool>" not in merge_help and "BOOLEAN" not in merge_help
    for group, example in (
        ("models", "transflow models install"),
        ("memory", "transflow memory import"),
        ("glossary", "transflow glossary import"),
    ):
        shown = invoke(group, "--help")
        assert shown.exit_code == 0 and f"Example: {example}" in shown.stdout, shown.stdout


def test_a_mistyped_project_folder_creates_nothing(tmp_path: Path) -> None:
    for command in (["segment"], ["merge"], ["run"], ["check"], ["draft"], ["memory", "import", "x.tmx"]):
        result = invoke("-C", str(tmp_path / "projetc"), *command)
        one_line_error(result, "no such project folder")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_is_not_a_project_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("just notes\n", "utf-8")
    one_line_error(invoke("-C", str(tmp_path), "segment"), "not a transflow project")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_project_is_source_or_locale_or_configuration(tmp_path: Path) -> None:
    """Each of the markers makes a folder a project (the command then runs and finds what it finds)."""
    for marker in ("source", "locale"):
        folder = tmp_path / marker / "p"
        (folder / marker).mkdir(parents=True)
        assert "not a transflow project" not in invoke("-C", str(folder), "stats").stderr
    configured = tmp_path / "pyproject"
    configured.mkdir()
    (configured / "pyproject.toml").write_text('[tool.transflow]\nsource_dir = "articles"\n', "utf-8")
    result = invoke("-C", str(configured), "segment")
    one_line_error(result, "articles")  # the configured folder is what is missing now
    assert "not a transflow project" not in result.stderr


@pytest.mark.parametrize("command", [["segment"], ["merge"], ["run"]])
def test_an_empty_source_folder_is_an_error(tmp_path: Path, command: list[str], argos_home) -> None:
    (tmp_path / "source").mkdir()
    one_line_error(invoke("-C", str(tmp_path), *command), "no articles in source/")
    assert not (tmp_path / "build").exists() and not (tmp_path / "locale").exists()


def test_an_unknown_configuration_key_names_key_and_file(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "lib.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "transflow.toml").write_text('target_language = ["en"]\n', "utf-8")
    one_line_error(invoke("-C", str(tmp_path), "segment"), "transflow.toml", "'target_language'")


def _gb18030_project(root: Path, toml: bool) -> Path:
    (root / "source").mkdir(parents=True)
    (root / "source" / "lib.txt").write_bytes(ARTICLE.encode("gb18030"))
    if toml:
        (root / "transflow.toml").write_text('source_encoding = "gb18030"\n', "utf-8")
    return root


def test_encoding_option_on_every_command_that_reads_sources(tmp_path: Path, argos_home) -> None:
    root = str(_gb18030_project(tmp_path / "p", toml=False))
    assert invoke("split", str(Path(root) / "source" / "lib.txt"), "--encoding", "gb18030").stdout.startswith("湖边")
    for command in (["segment"], ["merge"], ["terms"], ["run"]):
        plain = invoke("-C", root, *command)
        one_line_error(plain, "--encoding gb18030", "source_encoding")
        given = invoke("-C", root, *command, "--encoding", "gb18030")
        assert given.exit_code == 0, (command, given.stderr)
    assert "图书馆" in (Path(root) / "locale" / "lib.pot").read_text("utf-8")
    assert "图书馆" in (Path(root) / "build" / "lib.en.html").read_text("utf-8")


def test_source_encoding_in_the_configuration(tmp_path: Path, argos_home) -> None:
    root = str(_gb18030_project(tmp_path / "p", toml=True))
    for command in (["segment"], ["merge"], ["terms"], ["run"]):
        result = invoke("-C", root, *command)
        assert result.exit_code == 0, (command, result.stderr)
    assert "第一天来了三百人。" in (Path(root) / "build" / "lib.en.html").read_text("utf-8")


def test_run_without_a_model_says_so_in_one_line_with_the_install_command(project: Path, cli, argos_home) -> None:
    result = cli("run")
    assert result.exit_code == 0, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("draft")]
    assert "skipped" in line and "zh→en" in line and line.endswith("transflow models install zh en")


def test_run_prints_one_line_per_output(project: Path, cli, argos_home) -> None:
    (project / "source" / "lib.txt").write_text(ARTICLE, "utf-8")
    (project / "transflow.toml").write_text('target_languages = ["en", "fr"]\n', "utf-8")
    result = cli("run")
    assert result.exit_code == 0, result.stderr
    expected = {str(project / "build" / f"{doc}.{lang}.html") for doc in ("lib", "qujiang") for lang in ("en", "fr")}
    assert result.stdout.splitlines() == sorted(expected, key=result.stdout.index)
    assert set(result.stdout.splitlines()) == expected
    assert "zh→en, zh→fr" in result.stderr


def test_run_holds_the_project_lock_through_the_merge(project: Path, cli, argos_home, monkeypatch) -> None:
    """While `run` merges, a second writer is refused: the page is never built from catalogs in flux."""
    import transflow.merge.run as merge_stage
    from transflow.project.lock import Busy, project_lock

    real_merge, seen = merge_stage.merge, []

    def merge_while_probing(*args, **kwargs):
        try:
            with project_lock(project, "probe"):
                seen.append("free")
        except Busy:
            seen.append("held")
        return real_merge(*args, **kwargs)

    monkeypatch.setattr(merge_stage, "merge", merge_while_probing)
    assert cli("run").exit_code == 0
    assert seen == ["held"]


def test_a_po_path_from_the_repository_root_finds_its_project(tmp_path: Path, monkeypatch) -> None:
    """Pre-commit runs at the repository root and passes `site/zh/locale/...po`: the project's own
    glossary still applies, and GitHub annotations carry the path from the repository root."""
    repo = tmp_path / "repo"
    project = repo / "site" / "zh"
    (repo / ".git").mkdir(parents=True)
    (project / "source").mkdir(parents=True)
    (project / "source" / "lib.txt").write_text("湖边新建了一座图书馆。\n", "utf-8")
    (project / "glossary.csv").write_text("zh,en,note\n图书馆,library,\n", "utf-8")
    assert invoke("-C", str(project), "segment").exit_code == 0
    po = polib.pofile(str(project / "locale" / "en" / "LC_MESSAGES" / "lib.po"))
    po[0].msgstr = "A new reading room opened by the lake."  # not the glossary's "library"
    po.save()
    monkeypatch.chdir(repo)
    result = invoke("check", "--format", "github", "site/zh/locale/en/LC_MESSAGES/lib.po")
    assert "::warning file=site/zh/locale/en/LC_MESSAGES/lib.po,line=" in result.stdout, result.stdout
    assert "transflow glossary" in result.stdout  # the project's glossary.csv was found by walking up


def test_github_paths_are_relative_to_the_repository_root(tmp_path: Path) -> None:
    project = tmp_path / "repo" / "news"
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (project / "source").mkdir(parents=True)
    (project / "source" / "lib.txt").write_text(ARTICLE, "utf-8")
    assert invoke("-C", str(project), "segment").exit_code == 0
    result = invoke("-C", str(project), "check", "--format", "github")
    assert result.exit_code == 1
    assert "::error file=news/locale/en/LC_MESSAGES/lib.po,line=" in result.stdout


def test_input_errors_show_paths_relative_to_the_project(project: Path, cli) -> None:
    (project / "source" / "broken.txt").write_bytes("图书馆".encode("gb18030") + b"\n")
    line = one_line_error(cli("segment"), "source/broken.txt:1:")
    assert str(project) not in line


def _two_documents(project: Path, cli) -> None:
    (project / "source" / "lib.txt").write_text(ARTICLE, "utf-8")
    assert cli("segment").exit_code == 0


def test_merge_refuses_one_file_name_for_several_outputs(project: Path, cli) -> None:
    _two_documents(project, cli)
    one_line_error(cli("merge", "-o", str(project / "one.html")), "one.html", "give a folder")
    assert not (project / "one.html").exists()
    assert cli("merge", "-o", str(project / "pages")).exit_code == 0  # a folder is fine
    assert sorted(p.name for p in (project / "pages").iterdir()) == ["lib.en.html", "qujiang.en.html"]


def test_merge_refuses_an_extension_of_another_format(project: Path, cli) -> None:
    _two_documents(project, cli)
    one_line_error(cli("merge", "lib", "--format", "md", "-o", str(project / "lib.html")), "--format md", ".md")
    assert not (project / "lib.html").exists()
    assert cli("merge", "lib", "--format", "md", "-o", str(project / "lib.md")).exit_code == 0


def test_check_names_a_missing_document_and_a_missing_language(project: Path, cli) -> None:
    assert cli("segment").exit_code == 0
    one_line_error(cli("check", "qujaing"), "qujaing: no such document")
    line = one_line_error(cli("check", "qujiang", "--lang", "fr"), "`transflow segment qujiang --lang fr`")
    assert line.count(str(project)) == 0
    one_line_error(cli("check", "--lang", "fr"), "`transflow segment --lang fr`")


@pytest.mark.parametrize("fmt", ["json", "github", "junit"])
def test_check_reports_a_broken_catalog_in_the_chosen_format(project: Path, cli, fmt: str) -> None:
    assert cli("segment").exit_code == 0
    po = project / "locale" / "en" / "LC_MESSAGES" / "qujiang.po"
    po.write_text(po.read_text("utf-8") + '\nmsgid "坏了\nmsgstr ""\n', "utf-8")
    result = cli("check", "--format", fmt)
    line = one_line_error(result, "locale/en/LC_MESSAGES/qujiang.po:")
    number = int(line.split("qujiang.po:")[1].split(":")[0])
    if fmt == "json":
        error = json.loads(result.stdout)["error"]
        assert error["file"] == "locale/en/LC_MESSAGES/qujiang.po" and error["line"] == number
    elif fmt == "github":
        assert result.stdout.startswith(f"::error file=locale/en/LC_MESSAGES/qujiang.po,line={number},")
    else:
        [error] = ET.fromstring(result.stdout).iter("error")
        assert "qujiang.po" in error.get("message") and error.get("type") == "input"


def test_a_duplicate_entry_is_reported_at_its_own_line(project: Path, cli) -> None:
    (project / "source" / "lib.txt").write_text(ARTICLE, "utf-8")
    assert cli("segment", "lib").exit_code == 0
    po = project / "locale" / "en" / "LC_MESSAGES" / "lib.po"
    text = po.read_text("utf-8")
    po.write_text(text + '\nmsgid "图书馆今天开门。"\nmsgstr "It opened today."\n', "utf-8")
    lines = text.splitlines()
    second = len(lines) + 2  # after the blank line
    first = lines.index('msgid "图书馆今天开门。"')
    while lines[first - 1].startswith("#"):  # an entry starts at its comments
        first -= 1
    one_line_error(cli("check", "lib"), f"lib.po:{second}: duplicate entry", f"(first at line {first + 1})")


def test_glossary_list_without_a_glossary_says_so(project: Path, cli) -> None:
    result = cli("glossary", "list")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no glossary (glossary.csv)" in result.stderr
    (project / "glossary.csv").write_text("zh,en,note\n图书馆,library,\n", "utf-8")
    assert cli("glossary", "list").stdout == "图书馆\tlibrary\t\n"
