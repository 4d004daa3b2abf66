"""Reading sources: stray control characters and jieba's log lines.

| input                                    | expected                                                     |
|------------------------------------------|--------------------------------------------------------------|
| cp1252 quotes/ellipsis read as Latin-1   | repaired (U+0091-0094 → ‘’“”, U+0085 → …), one warning line  |
|                                          | per document naming line:column; the article is kept        |
| any other control character              | exit 2, the message names --strip-control                    |
| the same with --strip-control            | removed, one warning line; split, segment and merge work     |
| a cold jieba load                        | none of jieba's "Building prefix dict" lines on stderr       |
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import polib

from transflow.text.article import STRIP_OPTION, clean_text

from conftest import REPO

#: An article whose quotation marks and ellipsis went through cp1252 → Latin-1 (bytes 0x93 0x94 0x85).
MOJIBAKE = "河湾村通车了\n村民说：\x93路修好了，菜也好卖了。\x94大家都很高兴\x85\x85\n\x91新路\x92已经开放。\n"
REPAIRED = "河湾村通车了\n村民说：“路修好了，菜也好卖了。”大家都很高兴……\n‘新路’已经开放。\n"


def test_cp1252_mojibake_is_repaired_with_one_warning() -> None:
    text, warnings = clean_text(MOJIBAKE, "source/hewan.txt")
    assert text == REPAIRED
    assert len(warnings) == 1
    assert warnings[0].startswith("source/hewan.txt:2:5: repaired 6 control characters")
    assert "U+0093 → “" in warnings[0] and "U+0085 → …" in warnings[0]


def test_other_control_characters_are_kept_for_check_text_unless_stripped() -> None:
    text, warnings = clean_text("第一句。\n第二\x07句\x1f。\n", "a.txt")
    assert text == "第一句。\n第二\x07句\x1f。\n" and warnings == []
    text, warnings = clean_text("第一句。\n第二\x07句\x1f。\n", "a.txt", strip_control=True)
    assert text == "第一句。\n第二句。\n"
    assert warnings == [f"a.txt:2:3: removed 2 control characters (U+0007, U+001F) as {STRIP_OPTION} asks"]


def test_split_and_segment_repair_mojibake(project: Path, cli) -> None:
    (project / "source" / "hewan.txt").write_text(MOJIBAKE, "utf-8")
    result = cli("split", str(project / "source" / "hewan.txt"), "--json")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[1]["segments"] == ["村民说：“路修好了，菜也好卖了。”", "大家都很高兴……"]
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "hewan.txt:2:5: repaired" in lines[0]
    result = cli("segment", "hewan")
    assert result.exit_code == 0, result.output
    assert sum("hewan.txt:2:5: repaired" in line for line in result.stderr.splitlines()) == 1
    msgids = [e.msgid for e in polib.pofile(str(project / "locale" / "hewan.pot"))]
    assert "‘新路’已经开放。" in msgids and not any("\x93" in m or "\x85" in m for m in msgids)


def test_other_control_characters_name_the_option_that_removes_them(project: Path, cli) -> None:
    source = project / "source" / "bell.txt"
    source.write_text("响铃了。\n第二\x07段。\n", "utf-8")
    for args in (["split", str(source)], ["segment", "bell"]):
        result = cli(*args)
        assert result.exit_code == 2
        assert "bell.txt:2:3: control character U+0007" in result.stderr and STRIP_OPTION in result.stderr
    assert not (project / "locale" / "bell.pot").exists()
    result = cli("split", STRIP_OPTION, str(source))
    assert result.exit_code == 0 and result.stdout.splitlines() == ["响铃了。", "第二段。"]
    assert "bell.txt:2:3: removed 1 control character (U+0007)" in result.stderr
    assert cli("segment", STRIP_OPTION, "bell").exit_code == 0
    assert "第二段。" in [e.msgid for e in polib.pofile(str(project / "locale" / "bell.pot"))]
    merged = cli("merge", STRIP_OPTION, "bell", "--format", "txt")
    assert merged.exit_code == 0, merged.output
    # the option holds for one command only: the next command without it refuses again
    assert cli("split", str(source)).exit_code == 2


def test_readme_documents_the_option() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    assert STRIP_OPTION in readme and "U+0091–U+0094" in readme and "U+0085" in readme


def test_jieba_log_lines_never_reach_the_terminal(tmp_path: Path, project: Path) -> None:
    """A cold start (no jieba cache anywhere) prints jieba's "Building prefix dict" lines unless silenced."""
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # jieba caches its dictionary in the temp folder
    raw = subprocess.run(
        [sys.executable, "-c", "import jieba; jieba.lcut('曲江区复工')"], env=env, capture_output=True, text=True
    )
    assert "prefix dict" in raw.stderr  # the noise exists, so the check below means something
    (tmp_path / "jieba.cache").unlink(missing_ok=True)
    for args in (["segment"], ["terms", "--top", "3"]):
        result = subprocess.run(
            [sys.executable, "-m", "transflow.cli", "-C", str(project), *args],
            env=env,
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert result.returncode == 0, result.stderr
        assert "prefix dict" not in result.stderr and "Loading model" not in result.stderr, result.stderr
