"""po/headers.py and merge/tmx.py directly, with msgfmt and Translate Toolkit as oracles."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest

from transflow.draft.memory import read_tmx
from transflow.merge.document import align
from transflow.merge.tmx import render_tmx
from transflow.po import headers
from transflow.po.catalog import render_catalog
from transflow.text.article import parse_article

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_dates_follow_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert headers.now() == "2023-11-14 22:13+0000"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
    assert len(headers.now()) == len("2023-11-14 22:13+0000")


def test_ordered_puts_known_fields_in_poedit_order_and_the_generator_last():
    mixed = {"X-Generator": "Poedit 3.4", "X-Team-Site": "newsroom", "Language": "en", "Project-Id-Version": "p"}
    assert list(headers.ordered(mixed)) == ["Project-Id-Version", "Language", "X-Team-Site", "X-Generator"]
    assert headers.ordered({"Language": "en"}) == {"Language": "en"}


@pytest.mark.parametrize(
    ("lang", "plural"),
    [
        ("en_GB", "nplurals=2; plural=(n != 1);"),
        ("fr", "nplurals=2; plural=(n > 1);"),
        ("zh_TW", "nplurals=1; plural=0;"),
        ("sr@latin", "nplurals=2; plural=(n != 1);"),  # not in the table: English's rule
    ],
)
def test_catalog_header_plural_forms_and_msgfmt_accepts_it(tmp_path: Path, lang, plural):
    meta = headers.catalog_header("news", lang, "zh", "2026-01-01 00:00+0000", "2026-01-02 08:00+0000")
    assert meta["Plural-Forms"] == plural and meta["Language"] == lang
    assert list(meta) == [k for k in headers.FIELD_ORDER if k in meta]
    po = polib.POFile(wrapwidth=0)
    po.metadata = meta
    po.append(polib.POEntry(msgid="桥修好了。", msgstr="The bridge is fixed."))
    path = tmp_path / f"{lang}.po"
    path.write_text(render_catalog(po), "utf-8")
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True, capture_output=True)


def test_template_header_is_a_pot_header():
    meta = headers.template_header("news", "zh", "2026-01-01 00:00+0000")
    assert meta["Language"] == "" and meta["PO-Revision-Date"] == "YEAR-MO-DA HO:MI+ZONE"
    assert meta["X-Source-Language"] == "zh" and meta["X-Generator"] == headers.GENERATOR
    assert "Plural-Forms" not in meta


ARTICLE = "渡口恢复通航。渡口恢复通航。\n码头新装了<灯>和“A&B”标志。\n货船晚点了。\n"


def _aligned(lang: str = "en_GB"):
    entries = [
        polib.POEntry(msgid="渡口恢复通航。", msgstr="The ferry runs again.", tcomment="a local ferry"),
        polib.POEntry(msgid="码头新装了<灯>和“A&B”标志。", msgstr='The pier got new <lights> and "A&B" signs.'),
        polib.POEntry(msgid="货船晚点了。", msgstr="The freighter was late.", flags=["fuzzy"]),
    ]
    return align("port", lang, parse_article(ARTICLE), entries, include_drafts=True)


def test_tmx_has_one_unit_per_distinct_reviewed_sentence():
    root = ET.fromstring(render_tmx(_aligned()))
    assert root.get("version") == "1.4" and root.find("header").get("srclang") == "zh"
    units = root.find("body").findall("tu")
    sides = [{tuv.get(XML_LANG): tuv.find("seg").text for tuv in tu.findall("tuv")} for tu in units]
    assert sides == [
        {"zh": "渡口恢复通航。", "en-GB": "The ferry runs again."},
        {"zh": "码头新装了<灯>和“A&B”标志。", "en-GB": 'The pier got new <lights> and "A&B" signs.'},
    ]  # the draft is left out, the repeated sentence appears once, markup characters survive escaping
    assert units[0].find("note").text == "a local ferry" and units[1].find("note") is None
    assert {tu.find("prop").text for tu in units} == {"port"}


def test_tmx_is_deterministic_and_reads_back(tmp_path: Path):
    text = render_tmx(_aligned())
    assert text == render_tmx(_aligned()) and text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    path = tmp_path / "port.tmx"
    path.write_text(text, "utf-8")
    assert [(lang, source, target) for lang, source, target, _ in read_tmx(path, "zh")] == [
        ("en", "渡口恢复通航。", "The ferry runs again."),
        ("en", "码头新装了<灯>和“A&B”标志。", 'The pier got new <lights> and "A&B" signs.'),
    ]
    from translate.storage import tmx

    store = tmx.tmxfile(path.read_bytes())
    assert [u.source for u in store.units] == ["渡口恢复通航。", "码头新装了<灯>和“A&B”标志。"]
