"""Glossary edges: a TBX import with a conflicting term keeps the glossary's term and imports the rest;
a term may list accepted English alternatives, any of which satisfies the check."""

from __future__ import annotations

import json
from pathlib import Path

import polib

from transflow.glossary.table import GlossaryTerm, missing_terms

#: Our own terms: one agrees with the glossary, one conflicts, two are new.
TBX = """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
 <termEntry><langSet xml:lang="zh"><tig><term>图书馆</term></tig></langSet>
  <langSet xml:lang="en"><tig><term>library</term></tig></langSet></termEntry>
 <termEntry><langSet xml:lang="zh"><tig><term>馆长</term></tig></langSet>
  <langSet xml:lang="en"><tig><term>curator</term></tig></langSet></termEntry>
 <termEntry><langSet xml:lang="zh"><tig><term>阅览室</term></tig></langSet>
  <langSet xml:lang="en"><tig><term>reading room</term></tig></langSet></termEntry>
 <termEntry><langSet xml:lang="zh"><tig><term>借书证</term></tig></langSet>
  <langSet xml:lang="en"><tig><term>library card</term></tig></langSet></termEntry>
</body></text></martif>"""


def test_a_conflicting_tbx_term_is_kept_reported_and_the_rest_imported(project: Path, cli, tmp_path: Path) -> None:
    glossary = project / "glossary.csv"
    glossary.write_text("zh,en,note\n图书馆,library,\n馆长,director,head of the library\n", "utf-8")
    tbx = tmp_path / "lib.tbx"
    tbx.write_text(TBX, "utf-8")
    result = cli("glossary", "import", str(tbx))
    assert result.exit_code == 0, result.stderr
    assert "kept 馆长 = 'director'; lib.tbx has 'curator'" in result.stderr
    assert "2 term(s) added, 1 already present, 1 conflict(s) kept as in the glossary" in result.stderr
    assert glossary.read_text("utf-8").splitlines() == [
        "zh,en,note",
        "图书馆,library,",
        "馆长,director,head of the library",
        "阅览室,reading room,",
        "借书证,library card,",
    ]
    again = cli("glossary", "import", str(tbx))
    assert "0 term(s) added, 3 already present, 1 conflict(s)" in again.stderr


def test_any_accepted_alternative_satisfies_the_glossary() -> None:
    term = GlossaryTerm("防控", "control|prevention and control")
    assert (
        term.alternatives == ("control", "prevention and control") and term.shown == "control or prevention and control"
    )
    for english in ("Prevention and control went on.", "Control measures went on.", "Controls were eased."):
        assert missing_terms("防控工作继续进行。", english, [term]) == []
    assert missing_terms("防控工作继续进行。", "The work went on.", [term]) == [term]


def test_alternatives_show_readably_in_notes_and_findings(project: Path, cli) -> None:
    (project / "source" / "lib.txt").write_text("防控工作继续进行。\n", "utf-8")
    (project / "glossary.csv").write_text("zh,en,note\n防控,control|prevention and control,\n", "utf-8")
    assert cli("segment", "lib").exit_code == 0
    path = project / "locale" / "en" / "LC_MESSAGES" / "lib.po"
    po = polib.pofile(str(path))
    [entry] = list(po)
    assert "glossary: 防控 = control or prevention and control" in entry.comment
    entry.msgstr = "The work went on."
    po.save()
    report = json.loads(cli("check", "lib", "--format", "json").stdout)
    [finding] = [f for f in report["findings"] if f["rule"] == "glossary"]
    assert finding["message"] == "glossary term not used: 防控 → control or prevention and control"
    entry.msgstr = "Prevention and control work went on."
    po.save()
    again = json.loads(cli("check", "lib", "--format", "json").stdout)
    assert not [f for f in again["findings"] if f["rule"] == "glossary"]
