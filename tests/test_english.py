"""The English sentence splitter: abbreviations, initials, decimals, quotes and ellipses (own sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transflow.text.english import split_english, split_spans

CASES = [
    # titles before names never end a sentence
    ("Mrs. Zhou met Prof. Gao in Hefei. They talked.", ["Mrs. Zhou met Prof. Gao in Hefei.", "They talked."]),
    # a month before a day, No. before a number
    ("The fair opens on Sept. 9 at No. 4 Pier. Tickets sell fast.",
     ["The fair opens on Sept. 9 at No. 4 Pier.", "Tickets sell fast."]),
    # U.S. inside a name, and U.S. at the end of a sentence
    ("The U.S. Embassy said so. Rice is grown in the U.S. It is cheap.",
     ["The U.S. Embassy said so.", "Rice is grown in the U.S.", "It is cheap."]),
    # initials
    ("The poem is by T. S. Eliot. Students like it.", ["The poem is by T. S. Eliot.", "Students like it."]),
    # decimals and versions have no space after the dot
    ("Output grew 6.9 percent, up from 6.7. Version 2.1.3 ships today.",
     ["Output grew 6.9 percent, up from 6.7.", "Version 2.1.3 ships today."]),
    # a question inside a quotation that the sentence continues after
    ('"Where is the ferry?" she asked. "Over there!" He pointed.',
     ['"Where is the ferry?" she asked.', '"Over there!"', "He pointed."]),
    # quotes close the sentence they end
    ('He said: "We will rebuild it." The crowd cheered.', ['He said: "We will rebuild it."', "The crowd cheered."]),
    # ellipsis: a break before a capital, none before a lower-case word
    ("Prices went up... and up. Then they fell.", ["Prices went up... and up.", "Then they fell."]),
    ("He hesitated... Then he signed.", ["He hesitated...", "Then he signed."]),
    # a paragraph without final punctuation (a headline) is one sentence
    ("Flood waters recede in Anhui", ["Flood waters recede in Anhui"]),
    # company abbreviations: the sentence ends when an opener follows
    ("Shares of Acme Inc. rose. The rally lasted a day.", ["Shares of Acme Inc. rose.", "The rally lasted a day."]),
    ("He joined at 9 a.m. Monday.", ["He joined at 9 a.m. Monday."]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_english(text: str, expected: list[str]) -> None:
    assert split_english(text) == expected


def test_edge_whitespace_is_not_content() -> None:
    assert split_english("\ufeff  It rained.  It stopped.\u3000\r\n") == ["It rained.", "It stopped."]
    assert split_english("   ") == []


WORDS = st.sampled_from(["Mr.", "U.S.", "the", "Dr.", "3.5", "J.", '"Yes!"', "it.", "Then", "...", "No.", "7", "a"])


@given(st.lists(WORDS, max_size=25).map(" ".join))
def test_spans_give_the_paragraph_back(text: str) -> None:
    """Property: spans are in order, do not overlap, and only whitespace lies between them."""
    spans = split_spans(text)
    pos = 0
    for a, b in spans:
        assert a >= pos and b > a
        assert text[pos:a].strip() == ""
        pos = b
    assert text[pos:].strip() == ""
