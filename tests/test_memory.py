"""draft/memory.py through its public API only (Memory, import_tmx, read_tmx): exact, close, TMX, no CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from transflow.draft.memory import FUZZY_MIN, Memory, import_tmx, read_tmx
from transflow.project.errors import InputError

PAIRS = {
    "en": [
        ("市政府召开新闻发布会。", "The city government held a press conference."),
        ("全市共有十二家医院。", "The city has twelve hospitals."),
    ]
}


@pytest.fixture
def memory(tmp_path: Path):
    with Memory(tmp_path) as mem:
        mem.replace_origin("catalog:en/city", "stamp-1", "zh", PAIRS)
        yield mem


def test_exact_match_in_any_spelling_of_the_languages(memory):
    hit = memory.lookup("市政府召开新闻发布会。", "zh", "en_GB")
    assert hit.target == "The city government held a press conference." and hit.score == 1.0 and hit.percent == 100
    assert hit.origin == "catalog:en/city"
    assert memory.lookup("市政府召开新闻发布会。", "zh-CN", "EN-us").score == 1.0
    assert memory.lookup("市政府召开新闻发布会。", "zh", "fr") is None


def test_close_match_at_or_above_the_threshold_only(memory):
    close = memory.lookup("市政府召开了新闻发布会。", "zh", "en")  # one character added: 11/12 alike
    assert close is not None and FUZZY_MIN <= close.score < 1.0 and close.source == "市政府召开新闻发布会。"
    assert close.target == "The city government held a press conference."
    assert memory.lookup("市政府召开了新闻发布会。", "zh", "en", fuzzy=False) is None
    assert memory.lookup("区政府今天发布了三条新规定。", "zh", "en") is None  # well under 75% alike


def test_replacing_an_origin_forgets_what_it_said_before(memory):
    assert memory.stamp("catalog:en/city") == "stamp-1"
    memory.replace_origin("catalog:en/city", "stamp-2", "zh", {"en": [("全市共有十二家医院。", "Twelve hospitals.")]})
    assert memory.stamp("catalog:en/city") == "stamp-2"
    assert memory.lookup("全市共有十二家医院。", "zh", "en").target == "Twelve hospitals."
    assert memory.lookup("市政府召开新闻发布会。", "zh", "en", fuzzy=False) is None
    memory.drop_origins("catalog:", keep=set())
    assert memory.lookup("全市共有十二家医院。", "zh", "en") is None and memory.stamp("catalog:en/city") is None


def test_machine_output_cache(memory):
    assert memory.cached("model-a", ["句子一。"]) == {}
    memory.store("model-a", {"句子一。": "Sentence one.", "句子二。": "Sentence two."})
    assert memory.cached("model-a", ["句子一。", "句子三。", "句子一。"]) == {"句子一。": "Sentence one."}
    assert memory.cached("model-b", ["句子一。"]) == {}


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh-CN" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"
creationtool="t" creationtoolversion="1"/><body>
<tu><tuv xml:lang="zh-CN"><seg>港口吞吐量创新高。</seg></tuv>
<tuv xml:lang="en-US"><seg>Port traffic hit a record.</seg></tuv>
<tuv xml:lang="fr"><seg>Le trafic portuaire bat un record.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Only English here.</seg></tuv></tu>
<tu><tuv lang="ZH"><seg> 渔船全部返港。 </seg></tuv>
<tuv lang="en"><seg>All fishing boats are back in port.</seg></tuv></tu>
</body></tmx>
"""


def test_tmx_units_by_target_language(tmp_path: Path):
    (tmp_path / "port.tmx").write_text(TMX, "utf-8")
    pairs = read_tmx(tmp_path / "port.tmx", "zh")
    assert pairs["en"] == [
        ("港口吞吐量创新高。", "Port traffic hit a record."),
        ("渔船全部返港。", "All fishing boats are back in port."),  # edges trimmed, old `lang` attribute read
    ]
    assert pairs["fr"] == [("港口吞吐量创新高。", "Le trafic portuaire bat un record.")]


def test_tmx_import_serves_lookups_and_reimport_replaces(tmp_path: Path):
    path = tmp_path / "port.tmx"
    path.write_text(TMX, "utf-8")
    assert import_tmx(tmp_path, path, "zh") == 3
    with Memory(tmp_path) as mem:
        hit = mem.lookup("港口吞吐量创新高。", "zh", "en")
        assert hit.target == "Port traffic hit a record." and hit.origin == "tmx:port.tmx"
    path.write_text(TMX.replace("Port traffic hit a record.", "Port volume set a record."), "utf-8")
    import_tmx(tmp_path, path, "zh")
    with Memory(tmp_path) as mem:
        assert mem.lookup("港口吞吐量创新高。", "zh", "en").target == "Port volume set a record."


def test_bad_tmx_is_one_clear_error(tmp_path: Path):
    (tmp_path / "broken.tmx").write_text("<tmx><body><tu>", "utf-8")
    with pytest.raises(InputError, match=r"broken\.tmx:1: not well-formed TMX"):
        read_tmx(tmp_path / "broken.tmx", "zh")
    (tmp_path / "other.xml").write_text("<html><body/></html>", "utf-8")
    with pytest.raises(InputError, match="not a TMX file"):
        read_tmx(tmp_path / "other.xml", "zh")
    (tmp_path / "english.tmx").write_text(TMX.replace("zh-CN", "de").replace('"ZH"', '"de"'), "utf-8")
    with pytest.raises(InputError, match="no translation units with a 'zh' side"):
        import_tmx(tmp_path, tmp_path / "english.tmx", "zh")
