"""`transflow stats`: counts on the article's catalog, checked against independent counts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import polib
import pytest

from test_check import PO, edit, english
from transflow.check.stats import english_words, source_words


@pytest.fixture
def segmented(project, cli):
    assert cli("segment").exit_code == 0
    return project


def han(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_words_are_jieba_words_not_characters():
    assert source_words("精准施策") == 2  # 精准 / 施策: two words, four characters
    assert source_words("唐忠祥摄") == 2  # a name is one word
    assert source_words("“体温正常,请进。”") == 4  # punctuation is not a word
    assert source_words("设法购进口罩18510只") == 5  # 设法 购进 口罩 18510 只
    assert english_words("Qujiang's 1,700 village loudspeakers played on a 24-hour loop.") == 9


def test_counts_on_the_article(segmented, cli):
    text = english()
    done = dict(list(text.items())[:20])
    edit(segmented, done, fuzzy={"精准施策", "部门联动守阵地"}, fill=False)
    data = json.loads(cli("stats", "--format", "json").stdout)
    assert data["version"] == 1
    (row,) = data["catalogs"]
    entries = [e for e in polib.pofile(str(segmented / PO)) if not e.obsolete]
    assert row["doc"] == "qujiang" and row["lang"] == "en" and row["file"] == PO.as_posix()
    assert row["entries"] == len(entries) == 59
    assert row["fuzzy"] == 2 and row["reviewed"] == 18 and row["untranslated"] == 39 and row["obsolete"] == 0
    assert row["source_han"] == sum(han(e.msgid) for e in entries)
    assert row["source_han"] > row["source_words"] > row["source_han"] / 3  # words are 1-3 characters
    reviewed = [e for e in entries if e.msgstr and "fuzzy" not in e.flags]
    assert row["english_words"] == sum(len(e.msgstr.split()) for e in reviewed)  # no hyphen/quote surprises here
    assert row["percent_segments"] == round(100 * 18 / 59, 1)
    assert row["percent_words"] == round(100 * sum(source_words(e.msgid) for e in reviewed) / row["source_words"], 1)
    assert data["total"]["entries"] == 59


def test_obsolete_entries_are_counted_apart(segmented, cli):
    edit(segmented)
    source = segmented / "source" / "qujiang.txt"
    lines = source.read_text("utf-8").splitlines(keepends=True)
    source.write_text("".join(line for line in lines if not line.startswith("精准施策")), "utf-8")
    assert cli("segment").exit_code == 0
    data = json.loads(cli("stats", "--format", "json").stdout)
    row = data["catalogs"][0]
    assert row["obsolete"] == 1 and row["entries"] == 58 and row["reviewed"] == 58
    assert row["percent_segments"] == row["percent_words"] == 100.0


def test_text_and_csv(segmented, cli):
    edit(segmented)
    out = cli("stats").stdout
    assert "qujiang" in out and "(total)" in out and "100.0" in out
    rows = list(csv.DictReader(io.StringIO(cli("stats", "--format", "csv").stdout)))
    assert len(rows) == 1 and rows[0]["doc"] == "qujiang" and rows[0]["reviewed"] == "59"
    assert cli("stats", "--format", "xml").exit_code == 2


def test_stats_without_catalogs_is_bad_input(project, cli):
    result = cli("stats")
    assert result.exit_code == 2 and "segment" in result.stderr
    assert not (Path(project) / "locale").exists()
