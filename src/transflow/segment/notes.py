"""The notes segment writes for translators (``#.`` lines): paragraph role and position, glossary terms
with their approved English, names with their romanization; and the template entries that carry them.

Notes are worked out once per distinct sentence per process: a sentence that recurs across documents
gets the same notes, so a cold run over a newsroom archive annotates each sentence once.
"""

from __future__ import annotations

from collections.abc import Callable

import polib

from transflow.glossary.table import GlossaryTerm, find_terms, use_as_user_dictionary
from transflow.text.article import Paragraph
from transflow.text.markdown import plain_inline
from transflow.text.roles import BODY

#: The start of the note line that lists a sentence's names.
NAMES = "names: "
#: Positions listed in the notes of a sentence that recurs; the rest are counted.
MAX_POSITION_NOTES = 3
Annotator = Callable[[str], list[str]]


def position_note(par: Paragraph, k: int) -> str:
    where = f"{par.role}, paragraph {par.index}"
    return where if len(par.segments) == 1 else f"{where}, sentence {k} of {len(par.segments)}"


def name_notes(sentence: str, skip: frozenset[str] = frozenset(), known: dict[str, str] | None = None) -> list[str]:
    """Names jieba finds in a sentence with their English, as one note line (``唐忠祥 = Tang Zhongxiang (person)``).

    ``known`` (the glossary) wins over pinyin; names spelt from another language are only marked.
    jieba and pypinyin are imported only when needed.
    """
    from transflow.text.names import named

    names = [n for n in named(sentence, known) if n.zh not in skip]
    return [NAMES + ", ".join(n.note for n in names)] if names else []


#: Distinct sentences whose notes one annotator keeps (a bound on its memory, far above a real run's).
MAX_ANNOTATED = 100_000


def default_annotator(terms: list[GlossaryTerm]) -> Annotator:
    """Glossary terms with their approved English, then the other names in the sentence.

    The notes depend only on the sentence and the glossary, so each distinct sentence is annotated once
    per process: a line that recurs across documents (a dateline, a boilerplate paragraph) costs nothing.
    """
    ready = False
    known = {t.zh: t.en for t in terms if t.en}
    done: dict[str, list[str]] = {}

    def annotate(sentence: str) -> list[str]:
        nonlocal ready
        if not ready:  # on the first call, which comes before worker processes fork: they share what is loaded
            use_as_user_dictionary(terms)
            from transflow.text import words
            from transflow.text.romanize import preload

            words.tokenizer()  # jieba's dictionary (the warm-up sentence is empty: it would never reach it)
            preload()  # pypinyin's dictionaries
            ready = True
        notes = done.get(sentence)
        if notes is None:
            if len(done) >= MAX_ANNOTATED:
                done.clear()
            found = find_terms(sentence, terms)
            glossed = frozenset(t.zh for t in found)
            notes = [f"glossary: {t.zh} = {t.shown}" + (f" ({t.note})" if t.note else "") for t in found]
            notes = done[sentence] = notes + name_notes(sentence, glossed, known)
        return list(notes)

    return annotate


def across_article(sentences: list[str], extras: list[list[str]], body: list[bool]) -> list[list[str]]:
    """Each sentence's notes with its ``names:`` line settled against the whole article (in order).

    The names line is read back as ``check`` reads it (:func:`~transflow.text.names.from_notes`), so any
    annotator's notes take part; :func:`~transflow.text.mentions.in_document` holds the article rules
    (a gloss holds throughout, a name cut short is completed, surnames alone on second reference).
    """
    from transflow.text.mentions import in_document
    from transflow.text.names import from_notes

    lines = [next((i for i, line in enumerate(ex) if line.startswith(NAMES)), None) for ex in extras]
    if all(i is None for i in lines):
        return extras
    found = [from_notes(ex[i]) or [] if i is not None else [] for ex, i in zip(extras, lines)]
    settled = in_document(list(zip(sentences, found, body)))
    out = []
    for ex, i, names in zip(extras, lines, settled):
        if i is not None:
            ex = ex[:i] + [NAMES + ", ".join(n.note for n in names)] + ex[i + 1 :]
        out.append(ex)
    return out


def on_visible_text(annotate: Annotator) -> Annotator:
    """An annotator that reads a Markdown sentence as a reader sees it (link targets and markup left out)."""
    return lambda sentence: annotate(plain_inline(sentence))


def template_entries(ref: str, paragraphs: list[Paragraph], annotate: Annotator | None = None) -> list[polib.POEntry]:
    """One entry per distinct sentence, in order of first appearance, with references and notes.

    A sentence that recurs (a slogan, a boilerplate line) lists its first few positions in the notes
    and counts the rest, so a repeated line cannot bloat the catalog.
    """
    occurrences: dict[str, dict[tuple[str, str], None]] = {}
    notes: dict[str, dict[str, None]] = {}
    body: set[str] = set()  # sentences whose first appearance is in body text
    for par in paragraphs:
        for k, sentence in enumerate(par.segments, start=1):
            if sentence not in occurrences and par.role == BODY:
                body.add(sentence)
            occurrences.setdefault(sentence, {})[(ref, str(par.line))] = None
            notes.setdefault(sentence, {})[position_note(par, k)] = None
    extras = [annotate(sentence) for sentence in occurrences] if annotate else [[] for _ in occurrences]
    extras = across_article(list(occurrences), extras, [s in body for s in occurrences])
    entries = []
    for (sentence, where), extra in zip(occurrences.items(), extras):
        places = list(notes[sentence])
        lines = places[:MAX_POSITION_NOTES]
        if len(places) > MAX_POSITION_NOTES:
            lines.append(f"and {len(places) - MAX_POSITION_NOTES} more places")
        entries.append(
            polib.POEntry(msgid=sentence, msgstr="", occurrences=list(where), comment="\n".join(lines + extra))
        )
    return entries


#: Entries already rendered in one document's run, by ``id``: the template's entries recur unchanged in
#: the template rendered again and in every new catalog (see :func:`render_catalog`).
