"""Language knowledge in one place: Han and punctuation tables (text/zh), language codes (po/langs)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transflow.draft.postedit import postedit
from transflow.po import langs
from transflow.text import zh


@pytest.mark.parametrize(
    ("code", "primary", "html", "tmx", "argos", "name"),
    [
        ("en", "en", "en", "en", "en", "English"),
        ("en_GB", "en", "en-GB", "en-GB", "en", "English"),
        ("zh", "zh", "zh-Hans", "zh", "zh", "zh"),
        ("zh_TW", "zh", "zh-TW", "zh-TW", "zt", "zh_TW"),
        ("sr@latin", "sr", "sr-Latn", "sr-Latn", "sr", "sr@latin"),
        ("pt_BR", "pt", "pt-BR", "pt-BR", "pb", "pt_BR"),
        ("fr", "fr", "fr", "fr", "fr", "Français"),
    ],
)
def test_one_code_every_spelling(code, primary, html, tmx, argos, name):
    assert langs.primary(code) == primary
    assert langs.bcp47(code, default_script=True) == html
    assert langs.bcp47(code) == tmx
    assert langs.argos(code) == argos
    assert langs.display_name(code) == name


def test_codes_from_other_tools_compare_by_language():
    assert langs.same_language("en-US", "en_GB") and langs.same_language("ZH-cn", "zh")
    assert not langs.same_language("zh", "en")


def test_han_covers_the_extensions_and_nothing_else():
    assert zh.HAN.findall("㐀字ab豈𠀀,") == ["㐀字", "豈𠀀"]  # extension A, basic, compatibility, extension B
    assert all(zh.is_han(ch) for ch in "㐀字豈𠀀") and not any(zh.is_han(ch) for ch in "a1，。ア한")
    assert zh.is_common_han("字") and not zh.is_common_han("㐀")


@given(st.characters())
def test_han_predicate_and_pattern_agree(ch):
    assert zh.is_han(ch) == (zh.HAN.fullmatch(ch) is not None)
    assert zh.is_common_han(ch) <= zh.is_han(ch)


def test_the_punctuation_table_serves_drafts_and_checks():
    assert postedit("我们的会议结束了。") == "我们的会议结束了."  # Han stays (the check reports it); marks map
    assert postedit("It rained；the match went on！") == "It rained; the match went on!"
    assert postedit("Prices fell｡") == "Prices fell."  # the half-width ideographic full stop too
    assert not zh.CJK_PUNCTUATION.search("“Quoted” … and (bracketed).")
    assert zh.CJK_PUNCTUATION.findall("Done。And，so") == ["。", "，"]
