"""Names in an English translation: is each Chinese name of the source spelt as its note says?

The ``names`` check (:func:`missing_names`) and machine drafts (:func:`unspelt`) compare the English with
the names :mod:`transflow.text.names` found, in :func:`~transflow.text.romanize.key` form (no case, spaces,
hyphens, apostrophes), and stay quiet where a professional legitimately differs.
"""

from __future__ import annotations

import re

from transflow.text import romanize
from transflow.text.names import PERSON, PLACE, Name, named

#: Titles and honorifics an English translation may put before a bare surname (Mr. Tang, Dr. Li).
EN_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor madam".split())
_EN_WORD = re.compile(r"[A-Za-zÀ-ɏ]+(?:[-'’‐][A-Za-zÀ-ɏ]+)*")


def _given_after(surname: str, translation: str) -> list[str]:
    """The capitalised words right after each ``surname`` in an English text ("Tang Zhongxing" -> Zhongxing)."""
    found = []
    for m in re.finditer(rf"\b{re.escape(surname)}\b", translation, flags=re.IGNORECASE):
        nxt = _EN_WORD.match(translation, m.end() + 1) if translation[m.end() : m.end() + 1] == " " else None
        found.append(nxt.group(0) if nxt and nxt.group(0)[:1].isupper() else "")
    return found


def _other_given(written: str, given: str, surname: str, others: set[str]) -> bool:
    """Whether an English given name (in key form) is another name than ``given`` (in key form).

    Not when it belongs to another person of the same surname in the sentence, or is ``given`` plus more
    syllables (Zhang Donghong for 张东: jieba cut the name short). Hyphenated Hong Kong and Taiwan
    spellings are left out by the caller.
    """
    rest = written[len(given) :] if written.startswith(given) else ""
    longer = len(rest) >= 2 and any(v in rest for v in "aeiouv")  # Donghong for Dong; not Lixing for Lixin
    return written != given and romanize.key(surname) + written not in others and not longer


def _in_full(name: Name) -> Name:
    """A person noted by the surname alone (a second reference: ``王美余 = Wang``) with the full pinyin back,
    so a misspelt given name is still caught there; a surname alone in the English stays accepted."""
    if name.kind == PERSON and name.en and " " not in name.en:
        full = romanize.person(name.zh)
        if full.split(" ")[0] == name.en:
            return Name(name.zh, name.kind, full)
    return name


def missing_names(
    source: str, translation: str, known: dict[str, str] | None = None, seen: str = "", found: list[Name] | None = None
) -> list[str]:
    """Messages for the Chinese person names of ``source`` whose English is wrong in ``translation``.

    Compared in :func:`romanize.key` form (no case, spaces, hyphens, apostrophes). Quiet where a
    professional may differ: a surname alone (Mr. Tang) once the full name is in ``seen`` (the
    catalog's English), a name rendered as a pronoun or a title (the surname is absent),
    and Hong Kong or Taiwan spellings (a hyphenated given name: Li Ka-shing). Reported: a given name
    that differs after the right surname (Tang Zhongxing for 唐忠祥), or a surname alone whose full
    name the catalog never gives. ``found``: the names, when already known (from the notes).
    """
    out = []
    found = [_in_full(n) for n in (named(source, known) if found is None else found)]
    others = {romanize.key(n.en) for n in found if n.en}
    for name in found:
        if name.kind != PERSON or not name.en or romanize.spelt_in(name.en, translation):
            continue
        surname, _, given = name.en.partition(" ")
        if not given:
            continue
        after = _given_after(surname, translation)
        if not after:
            continue  # rendered as a pronoun or a title, or spelt another way: not ours to judge
        wrong = [
            w
            for w in after
            if w and "-" not in w and _other_given(romanize.key(w), romanize.key(given), surname, others)
        ]
        if wrong:
            out.append(f"{name.zh} = {name.en}, not {surname} {wrong[0]}")
        elif "" in after and not romanize.spelt_in(name.en, seen):
            out.append(f"{name.zh} = {name.en} (only “{surname}” here, and the full name nowhere in the catalog)")
    return out


def unspelt(source: str, translation: str, known: dict[str, str] | None = None) -> list[Name]:
    """Person and place names of ``source`` whose English is nowhere in ``translation`` (for machine drafts).

    A place counts as spelt when its proper part is there (Maba for 马坝镇 = Maba Town).
    """
    out = []
    for name in named(source, known):
        if name.kind not in (PERSON, PLACE) or not name.en:
            continue
        split = romanize.generic(name.zh) if name.kind == PLACE else None
        forms = [name.en] + ([name.en.rsplit(" ", 1)[0]] if split and " " in name.en else [])
        if not any(romanize.spelt_in(form, translation) for form in forms):
            out.append(name)
    return out
