"""jieba's two backings (in memory, on disk) give the same words, tags and names."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ARTICLE, REPO

SCRIPT = """
import json, sys
from transflow.text import words
words.prefer_disk(sys.argv[1] == "disk")
if sys.argv[1] == "full":
    words.build_disk_dictionary()
from transflow.glossary.table import GlossaryTerm, use_as_user_dictionary
from transflow.text.names import find_names
from transflow.text.article import parse_article
use_as_user_dictionary([GlossaryTerm("复工复产", "resumption of work and production")])
sentences = [s for p in parse_article(open(sys.argv[2], encoding="utf-8").read()) for s in p.segments]
print(json.dumps({
    "backing": type(words.tokenizer().FREQ).__name__,
    "cuts": [words.cut(s) for s in sentences],
    "names": [find_names(s) for s in sentences],
}, ensure_ascii=False))
"""


def run(mode: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode, str(ARTICLE)], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout
    return json.loads(out)


def test_disk_backing_matches_memory() -> None:
    full = run("full")  # also writes the disk dictionary if it is not there yet
    disk = run("disk")
    assert full["backing"] == "dict" and disk["backing"] == "DiskDictionary"
    assert disk["cuts"] == full["cuts"] and disk["names"] == full["names"]
    assert any("复工复产" in cut for cut in disk["cuts"])  # the user dictionary works on disk too


def test_block_cache_cuts_as_jieba_does() -> None:
    """A clause met again inside other sentences is cut from the cache, exactly as jieba cuts the whole text."""
    import jieba

    from transflow.text import words

    texts = [
        "上周五，河畔新村的居民在文化广场上跳舞。",
        "河畔新村的居民在文化广场上跳舞，2024年的活动比往年更热闹！",
        "“河畔新村的居民在文化广场上跳舞”——记者 王小雨 报道 (AB-12)...",
        "Hello, 河畔新村 ok?  \t 居民们说：好。",
        "",
    ]
    for text in texts + texts[::-1]:
        assert words.cut(text) == list(jieba.dt.cut(text))
        assert words.cut_tagged(text) == [(w, words.tag_of(w)) for w in jieba.dt.cut(text)]


def test_user_word_empties_the_block_cache() -> None:
    """A word added to the user dictionary changes later cuts of a block already cut and cached."""
    from transflow.text import words

    text = "蓝莓果酱节今年在山脚下开幕。"
    before = words.cut(text)
    assert "蓝莓果酱节" not in before
    assert words.add_term("蓝莓果酱节", "gl")
    assert "蓝莓果酱节" in words.cut(text)
    assert ("蓝莓果酱节", "gl") in words.cut_tagged(text)


def test_dictionary_read_in_one_piece_equals_jiebas_own() -> None:
    """The fast read of jieba's cache gives the dictionary jieba's own initialisation gives."""
    import jieba

    from transflow.text import words

    words.tokenizer()  # makes sure the cache exists
    ours = jieba.Tokenizer()
    words._initialize(ours)
    theirs = jieba.Tokenizer()
    theirs.check_initialized()
    assert ours.initialized and ours.total == theirs.total and ours.FREQ == theirs.FREQ


def test_one_file_dictionary_equals_jiebas_own_and_its_tags(tmp_path, monkeypatch) -> None:
    """Frequencies and tags read back from the one file equal jieba's own load and dict.txt's tags."""
    import jieba

    from transflow.text import words

    monkeypatch.setattr(words, "_cache_path", lambda suffix: tmp_path / f"dictionary{suffix}")
    first = jieba.Tokenizer()
    tags = words._dictionary(first)  # loads as jieba does, then writes the file
    assert (tmp_path / "dictionary.marshal").exists()
    second = jieba.Tokenizer()
    again = words._dictionary(second)  # from the file
    theirs = jieba.Tokenizer()
    theirs.check_initialized()
    assert second.initialized and second.total == theirs.total and second.FREQ == theirs.FREQ
    assert again == tags == words._tag_table()
    (tmp_path / "dictionary.marshal").write_bytes(b"not marshal")  # a damaged file: jieba's own load again
    third = jieba.Tokenizer()
    assert words._dictionary(third) == tags and third.FREQ == theirs.FREQ


def test_annotator_warm_up_loads_jieba_before_workers_fork() -> None:
    """segment warms its annotator up with an empty sentence before forking: jieba must be loaded by then,
    or every worker loads its own copy of the dictionary (CPU and memory twice over)."""
    script = (
        "from transflow.segment.notes import default_annotator\n"
        "from transflow.text import words\n"
        "assert words._loaded.cache_info().currsize == 0\n"
        "default_annotator([])('')\n"
        "print(words._loaded.cache_info().currsize)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "1"


#: Characters for generated text: common words' characters, surnames and rare given-name characters (runs
#: the dictionary leaves single, for the HMM), digits, Latin letters, marks and spaces.
_POOL = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
    "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本"
    "去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比"
    "或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做"
    "必战先回则任取据处理世车安张真四王李赵周吴郑冯陈卫蒋沈韩杨欧阳司马忠祥垚犇燚龘2024年3月ABcd"
    "。，、“”（）· \t"
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_POOL, max_size=60))
def test_block_cutter_cuts_as_jieba_does(text: str) -> None:
    """Our one-pass cutter of word runs gives jieba's own words on any text, HMM runs included."""
    import jieba

    from transflow.text import words

    assert words.cut(text) == list(jieba.dt.cut(text))
