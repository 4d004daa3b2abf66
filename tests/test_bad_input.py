"""Bad input: one line on stderr, exit 2, no traceback, nothing written or changed."""

from __future__ import annotations

from pathlib import Path

from transflow.po.catalog import load_catalog

from conftest import ARTICLE, snapshot


def assert_one_line_error(result, *needles: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_gb18030_source_needs_encoding(project: Path, cli) -> None:
    (project / "source" / "qujiang.txt").write_bytes(ARTICLE.read_text("utf-8").encode("gb18030"))
    before = snapshot(project)
    result = cli("segment")
    assert_one_line_error(result, "source/qujiang.txt", "--encoding gb18030")
    assert snapshot(project) == before
    ok = cli("segment", "--encoding", "gb18030")
    assert ok.exit_code == 0, ok.stderr
    assert load_catalog(project / "locale/qujiang.pot")[0].msgid == "曲江区 防疫打好“主动仗” 复工下好“先手棋”"


def test_binary_source(project: Path, cli) -> None:
    (project / "source" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    before = snapshot(project)
    assert_one_line_error(cli("segment"), "image.txt", "binary")
    assert snapshot(project) == before


def test_truncated_utf8(project: Path, cli) -> None:
    (project / "source" / "cut.txt").write_bytes("第一行。\n第二行".encode()[:-1])
    assert_one_line_error(cli("segment", "cut"), "cut.txt:2", "UTF-8")


def test_po_syntax_error_names_file_and_line(project: Path, cli) -> None:
    cli("segment")
    po = project / "locale/en/LC_MESSAGES/qujiang.po"
    lines = po.read_text("utf-8").splitlines()
    lines[30] = 'msgstr "unterminated'
    po.write_text("\n".join(lines) + "\n", "utf-8")
    (project / "source" / "qujiang.txt").write_text("新的一句。\n", "utf-8")
    before = snapshot(project)
    result = cli("segment")
    assert_one_line_error(result, "qujiang.po:")
    assert snapshot(project) == before


def test_folder_without_a_project_is_refused_untouched(tmp_path: Path, cli) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("segment", root=empty)
    assert_one_line_error(result, "not a transflow project", "source/")
    assert list(empty.iterdir()) == []  # not even .transflow/lock


def test_unknown_document_and_bad_names(project: Path, cli) -> None:
    assert_one_line_error(cli("segment", "nope"), "nope.txt")
    assert_one_line_error(cli("segment", "../etc/passwd"), "document name")
    assert_one_line_error(cli("segment", "--lang", "../x"), "language code")
    assert_one_line_error(cli("split", str(project / "missing.txt")), "missing.txt")


def test_second_writer_is_refused_with_a_clear_message(project: Path, cli) -> None:
    from transflow.project.lock import project_lock

    with project_lock(project, "draft"):
        result = cli("segment")
    assert_one_line_error(result, "transflow draft (pid", "wait for it to finish")
    assert not (project / "locale").exists()
    assert cli("segment").exit_code == 0  # released when the holder is done


def test_bad_last_document_of_many_leaves_no_file_and_no_temp(project: Path, cli) -> None:
    """Files of good documents are staged while later ones are planned: a bad one still leaves nothing behind."""
    text = "河堤今天上午加固完毕。居民可以回家了。"
    for i in range(20):  # enough documents for worker processes
        (project / "source" / f"note{i:02d}.txt").write_text(f"第{i}号通知\n{text}\n", "utf-8")
    (project / "source" / "zz_scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    before = snapshot(project)
    assert_one_line_error(cli("segment"), "zz_scan.txt", "binary")
    assert snapshot(project) == before
    assert not list(project.rglob("*.tmp"))
