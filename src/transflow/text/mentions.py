"""Names across one article: what a single sentence cannot tell about a name, its neighbours can.

:func:`transflow.text.names.named` sees one sentence. News English treats a name by its place in the
article, and so do translators:

- **A gloss holds for the whole article.** Translated news spells a foreign name in Latin letters once, in
  brackets (倪家骏 (Nathan Adrian)), and later writes the Chinese form alone; the later mentions are that
  foreign name, not a Chinese one to romanize.
- **A name jieba cut short in one sentence** (艾衍 before 含游) is the longer name found elsewhere in the
  article when the sentence holds that longer name.
- **A place inside an institution's name** (邓迪 in 英国邓迪大学, after the country) is that place, not a
  person, wherever the article uses it alone: it gets no person note (its English is not its pinyin).
- **Second reference.** English news gives a person's full name at the first mention in the body text and
  the surname alone after that (AP, Reuters: "Tang said"). A later body mention's note suggests the
  surname, unless another person of the article shares it (唐音 and 唐忠祥 are both Tang: full names stay).
  Only names the pinyin romanized (surname first) are shortened; a glossary's English is kept as written.
  Headings, bylines and captions neither count as the first reference nor take the short form.
"""

from __future__ import annotations

from dataclasses import replace

from transflow.text import romanize, words
from transflow.text.names import FOREIGN, ORG, PERSON, PLACE, Name
from transflow.text.romanize import EXONYMS


def _romanized(name: Name) -> bool:
    """Whether a person's English is our own pinyin (surname first), not a glossary's or a gloss's."""
    return name.kind == PERSON and bool(name.en) and romanize.person(name.zh) == name.en


def _glosses(found: list[list[Name]]) -> dict[str, Name]:
    """Foreign names with a Latin spelling anywhere in the article (a gloss in brackets, or the glossary)."""
    return {n.zh: n for names in found for n in names if n.kind == FOREIGN and n.en}


def _completed(name: Name, sentence: str, persons: dict[str, Name]) -> Name:
    """The longer person name of the article that this one is the start of, when the sentence holds it."""
    for zh, longer in persons.items():
        if len(zh) == len(name.zh) + 1 and zh.startswith(name.zh) and zh in sentence:
            return longer
    return name


def _places_inside(found: list[list[Name]]) -> set[str]:
    """Person-like names the article uses inside an institution's or place's name, right after a place."""
    inside: set[str] = set()
    holders = {n.zh for names in found for n in names if n.kind in (ORG, PLACE)}
    for n in {n.zh for names in found for n in names if n.kind == PERSON}:
        for holder in holders:
            at = holder.find(n, 1)
            head = holder[:at]
            if at > 0 and (head in EXONYMS or words.tag_of(head) == "ns"):
                inside.add(n)
    return inside


def _surnames(found: list[list[Name]]) -> dict[str, set[str]]:
    """The persons of the article by the English of their surname (``tang`` -> {唐音, 唐忠祥})."""
    by: dict[str, set[str]] = {}
    for names in found:
        for n in names:
            if n.kind == PERSON and n.en:
                by.setdefault(romanize.key(n.en.split(" ")[0]), set()).add(n.zh)
    return by


def in_document(sentences: list[tuple[str, list[Name], bool]]) -> list[list[Name]]:
    """The names of each sentence of an article, in order, settled against the whole article.

    ``sentences``: each sentence with the names :func:`~transflow.text.names.named` found in it alone, and
    whether it is body text (second references apply there only). Returns the names to note, per sentence.
    """
    found = [names for _, names, _ in sentences]
    places = _places_inside(found)
    found = [[n for n in names if n.kind != PERSON or n.zh not in places] for names in found]
    glossed = _glosses(found)
    persons = {n.zh: n for names in found for n in names if n.kind == PERSON and n.en}
    settled: list[list[Name]] = []
    for (sentence, _, _), names in zip(sentences, found):
        out: dict[str, Name] = {}
        for n in names:
            if n.kind in (PERSON, FOREIGN) and n.zh in glossed:
                n = glossed[n.zh]
            elif n.kind == PERSON:
                n = _completed(n, sentence, persons)
            out.setdefault(n.zh, n)
        settled.append(list(out.values()))
    surnames = _surnames(settled)
    introduced: set[str] = set()
    for k, (_, _, body) in enumerate(sentences):
        if not body:
            continue
        shown = []
        for n in settled[k]:
            if n.zh in introduced and _romanized(n) and " " in n.en:
                surname = n.en.split(" ")[0]
                if surnames.get(romanize.key(surname)) == {n.zh}:
                    n = replace(n, en=surname)
            shown.append(n)
        introduced.update(n.zh for n in settled[k] if n.kind == PERSON)
        settled[k] = shown
    return settled
