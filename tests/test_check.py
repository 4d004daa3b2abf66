"""`transflow check` end to end: exit codes, suppression, thresholds and the four report formats."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from transflow.check.report import _escape_data, _escape_property
from transflow.check.rules import RULE_IDS, Term
from transflow.check.run import check
from transflow.po.catalog import load_catalog, save_catalog
from transflow.project.config import load_config

from conftest import snapshot

TRANSLATION = Path(__file__).parent / "data" / "qujiang.en.tsv"
PO = Path("locale/en/LC_MESSAGES/qujiang.po")


def english() -> dict[str, str]:
    lines = TRANSLATION.read_text("utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line)


def edit(project: Path, changes: dict[str, str] | None = None, fuzzy: set[str] = frozenset(),
         comments: dict[str, str] | None = None, fill: bool = True) -> dict[str, int]:  # fmt: skip
    """Translate the article's catalog (a reviewed human translation), then apply changes; return linenums."""
    po = load_catalog(project / PO)
    text = english()
    for entry in po:
        if fill:
            entry.msgstr = text[entry.msgid]
        for key, value in (changes or {}).items():
            if key in entry.msgid:
                entry.msgstr = value
        if any(key in entry.msgid for key in fuzzy):
            entry.fuzzy = True
        for key, value in (comments or {}).items():
            if key in entry.msgid:
                entry.tcomment = value
    save_catalog(po, project / PO)
    return {e.msgid: e.linenum for e in load_catalog(project / PO)}


@pytest.fixture
def segmented(project, cli):
    assert cli("segment").exit_code == 0
    return project


MASKS = "了解到全区12家企业"
WRONG = next(v for k, v in english().items() if MASKS in k).replace("18,510", "18,150")


def test_a_good_translation_passes_with_no_finding(segmented, cli):
    edit(segmented)
    result = cli("check")
    assert result.exit_code == 0, result.stdout
    assert "0 error(s), 0 warning(s)" in result.stdout


def test_an_untranslated_catalog_fails_with_one_finding_per_entry(segmented, cli):
    result = cli("check", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"]["entries"] == 59
    assert {f["rule"] for f in data["findings"]} == {"untranslated"}
    assert len(data["findings"]) == 59


def test_a_wrong_number_fails_and_points_at_the_entry(segmented, cli):
    lines = edit(segmented, {MASKS: WRONG})
    result = cli("check")
    assert result.exit_code == 1
    line = next(n for msgid, n in lines.items() if MASKS in msgid)
    assert f"{PO.as_posix()}:{line}: error: [numbers]" in result.stdout
    assert "18510" in result.stdout and "18,150" in result.stdout
    assert (segmented / PO).read_text("utf-8").splitlines()[line - 1].startswith("#")  # linenum = the entry's start


def test_suppression_in_a_translator_comment(segmented, cli):
    edit(segmented, {MASKS: WRONG}, comments={MASKS: "checked with the reporter\ntransflow-ignore: numbers, length"})
    assert cli("check").exit_code == 0


def test_suppression_names_must_be_real_rules(segmented, cli):
    edit(segmented, comments={MASKS: "transflow-ignore: nubmers"})
    result = cli("check")
    assert result.exit_code == 2
    assert "nubmers" in result.stderr and "qujiang.po:" in result.stderr


def test_suppression_in_the_project_config(segmented, cli):
    edit(segmented, {MASKS: WRONG})
    (segmented / "transflow.toml").write_text('ignore_checks = ["numbers"]\n', "utf-8")
    assert cli("check").exit_code == 0
    (segmented / "transflow.toml").write_text('ignore_checks = ["numbrs"]\n', "utf-8")
    result = cli("check")
    assert result.exit_code == 2 and "numbrs" in result.stderr


def test_warnings_alone_do_not_fail(segmented, cli):
    edit(segmented, {"精准施策": "Targeted measures  "})
    result = cli("check")
    assert result.exit_code == 0
    assert "warning: [whitespace]" in result.stdout


def test_fuzzy_fails_unless_allowed(segmented, cli):
    edit(segmented, fuzzy={"精准施策"})
    assert cli("check").exit_code == 1
    result = cli("check", "--allow-fuzzy")
    assert result.exit_code == 0
    assert "warning: [fuzzy]" in result.stdout


def test_allowed_fuzzy_entries_get_the_content_checks(segmented, cli):
    edit(segmented, {MASKS: WRONG}, fuzzy={MASKS})
    result = cli("check")
    assert result.exit_code == 1 and "[fuzzy]" in result.stdout and "[numbers]" not in result.stdout
    result = cli("check", "--allow-fuzzy")
    assert result.exit_code == 1 and "warning: [fuzzy]" in result.stdout and "error: [numbers]" in result.stdout


def test_min_translated_threshold(segmented, cli):
    text = english()
    half = dict(list(text.items())[:30])
    edit(segmented, half, fill=False)  # 30 of 59 entries translated: 50.8%
    assert cli("check").exit_code == 1
    assert cli("check", "--min-translated", "50").exit_code == 0
    result = cli("check", "--min-translated", "60")
    assert result.exit_code == 1
    assert "50.8% translated, below --min-translated 60%" in result.stdout
    assert cli("check", "--min-translated", "150").exit_code == 2


def test_bad_input_exits_2_and_writes_nothing(project, cli):
    before = snapshot(project)
    result = cli("check")
    assert result.exit_code == 2 and "segment" in result.stderr
    assert cli("check", "nosuchdoc").exit_code == 2
    assert cli("check", "--format", "yaml").exit_code == 2
    assert snapshot(project) == before


def test_a_broken_catalog_is_bad_input(segmented, cli):
    (segmented / PO).write_text("hello world\n", "utf-8")
    result = cli("check")
    assert result.exit_code == 2 and "qujiang.po" in result.stderr


def test_po_file_paths_as_pre_commit_passes_them(segmented, cli):
    edit(segmented, {MASKS: WRONG})
    result = cli("check", str(segmented / PO))
    assert result.exit_code == 1 and "[numbers]" in result.stdout


def test_json_schema_is_stable(segmented, cli):
    edit(segmented, {MASKS: WRONG, "精准施策": "Targeted measures  "})
    data = json.loads(cli("check", "--format", "json").stdout)
    assert data["version"] == 1 and data["tool"] == "transflow check" and data["ok"] is False
    assert set(data) == {"version", "tool", "ok", "summary", "catalogs", "findings", "rules"}
    assert set(data["summary"]) == {"catalogs", "entries", "errors", "warnings", "min_translated", "allow_fuzzy"}
    assert set(data["catalogs"][0]) == {"file", "doc", "lang", "entries", "reviewed", "fuzzy", "untranslated",
                                        "percent_translated", "below_threshold"}  # fmt: skip
    fields = {"rule", "severity", "file", "line", "doc", "lang", "source", "translation", "message"}
    assert all(set(f) == fields for f in data["findings"])
    assert {(f["rule"], f["severity"]) for f in data["findings"]} == {("numbers", "error"), ("whitespace", "warning")}
    assert [r["id"] for r in data["rules"]] == list(RULE_IDS)


def test_github_annotations(segmented, cli):
    lines = edit(segmented, {MASKS: WRONG, "精准施策": "Targeted measures  "})
    result = cli("check", "--format", "github")
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert len(out) == 2
    line = next(n for msgid, n in lines.items() if MASKS in msgid)
    assert out[1].startswith(f"::error file={PO.as_posix()},line={line},title=transflow numbers::")
    assert out[0].startswith("::warning ") and "title=transflow whitespace::" in out[0]  # in catalog order
    assert "FAILED" in result.stderr  # the summary stays off stdout


def test_github_escaping():
    assert _escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert _escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_annotation_messages_stay_on_one_line(segmented, cli):
    edit(segmented, {"精准施策": "Targeted measures\nfor all"})
    out = cli("check", "--format", "github").stdout
    assert out.splitlines() and all(line.startswith("::warning ") for line in out.splitlines())


def test_junit_report_parses_back(segmented, cli):
    edit(segmented, {MASKS: WRONG, "精准施策": "Targeted measures  "})
    result = cli("check", "--format", "junit", "--min-translated", "90")
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite.get("name") == PO.as_posix()
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {*RULE_IDS, "min-translated"}
    assert int(suite.get("tests")) == len(cases) and suite.get("failures") == "1"
    failure = cases["numbers"].find("failure")
    assert failure is not None and "18,150" in failure.text
    assert cases["whitespace"].find("failure") is None and "whitespace" in cases["whitespace"].find("system-out").text
    assert cases["min-translated"].find("failure") is None


def test_library_call_with_glossary(segmented):
    edit(segmented)
    config = load_config(segmented)
    clean = check(config, glossary=[Term("曲江区", "Qujiang District")])
    assert clean.ok and not clean.findings
    strict = check(config, glossary=[Term("党员", "Communist Party member")])
    assert strict.ok  # glossary findings are warnings
    assert strict.findings and {f.rule for f in strict.findings} == {"glossary"}
    assert all("党员" in f.source for f in strict.findings)


def test_check_on_another_language_needs_its_catalog(segmented, cli):
    result = cli("check", "--lang", "fr")
    assert result.exit_code == 2 and "fr" in result.stderr


def test_worker_processes_give_the_same_report(segmented, cli):
    article = segmented / "source" / "qujiang.txt"
    for name in ("second", "third"):
        (segmented / "source" / f"{name}.txt").write_text(article.read_text("utf-8"), "utf-8")
    assert cli("segment").exit_code == 0
    edit(segmented, {MASKS: WRONG})  # qujiang: reviewed with one wrong number; the others untranslated
    config = load_config(segmented)
    one = check(config, jobs=1)
    two = check(config, jobs=2)
    assert one.findings == two.findings and one.catalogs == two.catalogs
    assert [c.doc for c in two.catalogs] == ["qujiang", "second", "third"]
    assert {f.rule for f in two.findings if f.doc == "qujiang"} == {"numbers"}


def test_a_catalog_with_few_reviewed_entries_is_judged_by_the_usual_ratio(segmented, cli):
    text = english()
    some = {k: v for k, v in list(text.items())[:4]}
    long_sentence = next(k for k in text if k.startswith("疫情发生后"))
    some[long_sentence] = "The district acted."  # 13 characters for 84 Chinese ones
    edit(segmented, some, fill=False)
    result = cli("check", "--min-translated", "0")
    assert result.exit_code == 0
    assert result.stdout.count("[length]") == 1 and "unusually short" in result.stdout


def test_end_punctuation_reads_the_role_in_the_notes(segmented, cli):
    """The title (its note says so) must not end with a full stop; a body sentence may end either way."""
    title = next(k for k in english() if k.startswith("曲江区 防疫"))
    lines = edit(segmented, {title: english()[title] + "."})
    result = cli("check", "--format", "json")
    found = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "end-punctuation"]
    assert [f["line"] for f in found] == [lines[title]] and "title" in found[0]["message"]
