"""The ``markup`` rule: planted markup errors are found, correct translations pass.

Correct translations are made from each source by replacing its Chinese words outside code and link
targets; planted errors are made from those by one edit each (a dropped or altered link target, code span
or image, an emphasis left open, a link the source does not have). Our own sentences always; the real
Markdown documents in ../shared/realpages too when present.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transflow.check.markup import markup_problem
from transflow.check.rules import BY_ID, Context, Unit
from transflow.text.article import markdown_paragraphs
from transflow.text.markdown import parse_markdown

REPO = Path(__file__).resolve().parent.parent
SHARED = next((b / "shared" for b in (REPO.parent, REPO.parent.parent) if (b / "shared/realpages").is_dir()), None)
REAL = sorted((SHARED / "realpages/markdown").glob("*.md")) if SHARED else []

OWN = [
    "请先阅读**安全须知**，再打开[控制面板](https://panel.example.cn/zh?tab=1)。",
    "运行 `make check` 之后，再用 ~~旧的~~ 新的 `deploy --dry-run` 发布。",
    "![山顶的日出](photos/sunrise.jpg)是*今年*拍得最好的一张。",
    "详见[第二章](#第二章)与<https://docs.example.org/guide>，以及[附录][a]。",
    "他在 __周末__ 读完了《[长河](https://books.example.com/river)》。",
]
#: Code spans and link destinations, which a translation keeps character for character.
KEEP = re.compile(r"(`+)[^`]*?\1|\]\([^)]*\)|<https?://[^>]*>|\]\[[^\]]*\]")
HAN = re.compile(r"[\u4e00-\u9fff]+")


def translate(source: str) -> str:
    """A correct translation: Chinese words become English, markup and targets are left as they are."""
    out, pos = [], 0
    for m in KEEP.finditer(source):
        out.append(HAN.sub("word", source[pos : m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(HAN.sub("word", source[pos:]))
    return "".join(out)


PLANTS = (
    ("drop link", re.compile(r"(?<!!)\[([^\]]*)\]\([^)]*\)"), lambda m: m.group(1)),
    ("alter link", re.compile(r"(?<!!)(\[[^\]]*\]\()([^)]+)\)"), lambda m: f"{m.group(1)}{m.group(2)}x)"),
    ("drop code", re.compile(r"`([^`]+)`"), lambda m: m.group(1)),
    ("alter code", re.compile(r"`([^`]+)`"), lambda m: f"`{m.group(1)}_v2`"),
    ("drop image", re.compile(r"!\[[^\]]*\]\([^)]*\)"), lambda m: ""),
    ("open strong", re.compile(r"(\*\*|__)([^*_]+)\1"), lambda m: f"{m.group(1)}{m.group(2)}"),
    ("open emphasis", re.compile(r"(?<!\*)\*([^*]+)\*(?!\*)"), lambda m: f"*{m.group(1)}"),
    ("add link", re.compile(r"$"), lambda m: " [more](https://extra.example.net/)"),
)


def planted(translation: str) -> list[tuple[str, str]]:
    """Every planted error that applies to this translation: (kind, wrong translation)."""
    out = []
    for kind, pattern, edit in PLANTS:
        wrong = pattern.sub(edit, translation, count=1)
        if wrong != translation:
            out.append((kind, wrong))
    return out


def score(sources: list[str]) -> tuple[int, int, list[str]]:
    """(planted errors found, planted errors, false alarms on correct translations)."""
    found = total = 0
    alarms = []
    for source in sources:
        good = translate(source)
        if markup_problem(source, good):
            alarms.append(f"{source} -> {good}: {markup_problem(source, good)}")
        for _kind, wrong in planted(good):
            total += 1
            found += markup_problem(source, wrong) is not None
    return found, total, alarms


def test_own_sentences_every_plant_found_no_false_alarm():
    found, total, alarms = score(OWN)
    assert alarms == []
    assert total >= 15 and found == total


@pytest.mark.skipif(not REAL, reason="shared real Markdown documents not present")
def test_real_documents_plants_found_no_false_alarms():
    sources = [
        s for path in REAL for p in markdown_paragraphs(parse_markdown(path.read_text("utf-8"))) for s in p.segments
    ]
    found, total, alarms = score(sources)
    assert alarms == []
    assert total > 100 and found / total >= 0.95


def test_rule_in_the_table_names_what_broke():
    rule = BY_ID["markup"]
    assert rule.severity == "error"
    source = "点击[这里](https://a.example/x)下载。"
    message = rule.func(Unit(source, "Click [here](https://a.example/y) to download."), Context())
    assert "https://a.example/x" in message
    assert rule.func(Unit(source, "Download it [here](https://a.example/x)."), Context()) is None


def test_plain_text_and_punctuation_asterisks_pass():
    assert markup_problem("今天气温升高。", "Temperatures rose today.") is None
    assert markup_problem("价格为 5 * 3 元。", "The price is 5 * 3 yuan.") is None
    assert markup_problem("变量 file_name 不变。", "The variable file_name stays.") is None


def test_chinese_kept_in_code_and_link_targets_is_not_left_untranslated():
    han, punct = BY_ID["han"], BY_ID["cjk-punctuation"]
    source = "见[上文](#背景介绍)，运行 `打包。` 即可。"
    good = Unit(source, "See [above](#背景介绍) and run `打包。`.")
    assert han.func(good, Context()) is None and punct.func(good, Context()) is None
    left = Unit(source, "See [上文](#背景介绍) and run `打包。`.")
    assert "上文" in han.func(left, Context())
    invented = Unit(source, "See [above](#背景介绍) and run `打包。` or `编译`.")
    assert "编译" in han.func(invented, Context())  # a code span the source does not have is not excused
