"""Quality rules for zh→en translations, as one table of small pure functions.

A rule takes a :class:`Unit` (one catalog entry: source, translation, state) and a :class:`Context`
(what the whole catalog knows: its usual length ratio, the glossary) and returns a message a
translator understands, or ``None``. :data:`RULES` lists every rule once with its id, severity and
description; ``transflow check`` runs the table, and adding a rule is adding a function and a row.

State rules (``untranslated``, ``fuzzy``) look at every entry; content rules only at reviewed ones
(translated and not fuzzy): a machine draft is reported once, as fuzzy, and its wording is checked
when a person has reviewed it.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from transflow.check.markup import markup_problem, prose
from transflow.glossary.table import GlossaryTerm, as_terms, missing_terms
from transflow.text import numbers, zh

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Unit:
    """One catalog entry as the rules see it."""

    source: str
    translation: str
    fuzzy: bool = False
    roles: frozenset[str] = frozenset()  # paragraph roles from the entry's notes (title, body, ...); empty: unknown
    notes: str = ""  # the entry's ``#.`` notes (segment's: position, names, glossary terms)

    @property
    def translated(self) -> bool:
        return bool(self.translation)

    @property
    def reviewed(self) -> bool:
        return self.translated and not self.fuzzy


#: A glossary entry (the Chinese term, its approved English, a note).
Term = GlossaryTerm


@dataclass
class Context:
    """What a rule may know beyond its entry: the catalog's length ratio and the glossary."""

    length_median: float = math.log(3.0)  # log(English chars / Chinese chars) of a typical entry
    length_spread: float = 0.25  # robust standard deviation of that log ratio
    glossary: Glossary | None = None
    lang: str = "en"
    seen: str = ""  # every reviewed English of the catalog (for names: Mr. Tang after Tang Zhongxiang)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    func: Callable[[Unit, Context], str | None]
    description: str
    content: bool = True  # False: a state rule that also looks at untranslated and fuzzy entries


# --- character classes --------------------------------------------------------------------------------
HAN, CJK_PUNCT = zh.HAN, zh.CJK_PUNCTUATION  # the tables live in text/zh
EN_CLOSERS = "”’\"')]}»"
ZH_CLOSING = "".join(zh.CLOSERS) + "\"'"
BRACKETS = {"(": ")", "[": "]", "{": "}", "（": "）", "［": "］", "【": "】", "〔": "〕", "〖": "〗"}
CLOSING_BRACKETS = {v: k for k, v in BRACKETS.items()}
#: Abbreviations that may end an English line whose source has no terminator (a caption, a company name).
ABBREVIATIONS = ("Co.", "Ltd.", "Inc.", "Corp.", "etc.", "Jr.", "Sr.", "St.", "No.", "U.S.", "a.m.", "p.m.")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def untranslated(unit: Unit, ctx: Context) -> str | None:
    return None if unit.translated else "not translated yet"


def fuzzy(unit: Unit, ctx: Context) -> str | None:
    if unit.translated and unit.fuzzy:
        return "still marked fuzzy (a machine draft or a changed source): review it and clear “Needs work”"
    return None


def numbers_rule(unit: Unit, ctx: Context) -> str | None:
    diff = numbers.difference(unit.source, unit.translation)
    if not diff.wrong:
        return None
    missing = list(dict.fromkeys([*diff.missing, *diff.missing_words, *(diff.unexplained if diff.extra_words else ())]))
    extra = [*diff.extra, *diff.extra_words]
    parts = []
    if missing:
        parts.append("the source's " + ", ".join(missing) + (" is" if len(missing) == 1 else " are") + " missing")
    if extra:
        parts.append(", ".join(extra) + (" is" if len(extra) == 1 else " are") + " not in the source")
    return "; ".join(parts) + " (numbers are compared by value)"


def number_words(unit: Unit, ctx: Context) -> str | None:
    """A numeral in words on one side only (两人 = "they", "two earthquakes"): often good English, a warning."""
    diff = numbers.difference(unit.source, unit.translation)
    if diff.wrong or not (diff.missing_words or diff.extra_words):
        return None  # nothing to say, or the numbers rule reports it as an error
    words = diff.missing_words or diff.extra_words
    verb = "is" if len(words) == 1 else "are"
    if diff.missing_words:
        return f"the source's {', '.join(words)} {verb} not in the English: left out on purpose?"
    return f"{', '.join(words)} {verb} not in the source: added on purpose?"


def han(unit: Unit, ctx: Context) -> str | None:
    if unit.translation.isascii():
        return None
    found = HAN.findall(prose(unit.source, unit.translation))
    return f"Chinese left in the English: {'、'.join(dict.fromkeys(found))}" if found else None


def cjk_punctuation(unit: Unit, ctx: Context) -> str | None:
    if unit.translation.isascii():
        return None
    found = CJK_PUNCT.findall(prose(unit.source, unit.translation))
    if not found:
        return None
    marks = " ".join(dict.fromkeys("".join(found)))
    return f"full-width punctuation left in the English: {marks} (use English punctuation)"


def _terminator(text: str) -> str:
    """The sentence-final mark of a text after closing quotes and brackets: '.', '!', '?', '...' or ''."""
    end = text.rstrip().rstrip(ZH_CLOSING + EN_CLOSERS).rstrip()
    if end.endswith(("……", "…", "...", "⋯")):
        return "..."
    cluster = ""
    while end and (end[-1] in zh.TERMINATORS or end[-1] in "!?."):
        cluster = end[-1] + cluster
        end = end[:-1]
    return "".join(zh.TO_ENGLISH.get(ch, ch) for ch in cluster)


#: Paragraph roles that end without a stop (see :mod:`transflow.text.roles`).
UNSTOPPED_ROLES = frozenset(["title", "heading", "byline", "caption", "related"])
#: An English sentence ending in these continues in the next entry (a quotation before its attribution:
#: “…,” said X.; a colon before a list or a quotation).
CONTINUES = (",", ":", ";", "—", "–", "-")


def end_punctuation(unit: Unit, ctx: Context) -> str | None:
    want, have = _terminator(unit.source), _terminator(unit.translation)
    if not want:
        # Without a stop the source is a headline, byline or caption only if its notes say so; a body
        # sentence cut mid-way (a news-broadcast row) or an entry of unknown role may end either way.
        if not unit.roles or not unit.roles <= UNSTOPPED_ROLES:
            return None
        last = unit.source.rstrip().rstrip(ZH_CLOSING)[-1:]
        if have == "." and last.isalnum() and not unit.translation.rstrip(EN_CLOSERS).endswith(ABBREVIATIONS):
            role = "/".join(sorted(unit.roles))
            return f"the source is a {role} without a full stop: the English needs none either"
        return None
    if not have and unit.translation.rstrip().rstrip(EN_CLOSERS).rstrip().endswith(CONTINUES):
        return None  # the English sentence goes on in the next entry
    if want == "...":
        return None if have in ("...", ".") else "the source trails off with …… : end the English with … or ..."
    if want == ".":
        return None if have.endswith(".") or have == "..." else "the source ends with 。 : end the English with '.'"
    if have and (have[-1] in want or (want[-1] == "!" and have[-1] == ".")):
        return None  # an exclamation may be toned down to a full stop in English news style
    return f"the source ends with {want.replace('!', '！').replace('?', '？')} : end the English with {want[-1]!r}"


_BRACKET_CHARS = re.compile("[" + re.escape("".join(BRACKETS) + "".join(CLOSING_BRACKETS)) + "]")


def _unbalanced(text: str) -> str | None:
    stack: list[str] = []
    for ch in _BRACKET_CHARS.findall(text):
        if ch in BRACKETS:
            stack.append(ch)
        elif not stack or stack[-1] != CLOSING_BRACKETS[ch]:
            return f"“{ch}” has no opening bracket"
        else:
            stack.pop()
    return f"“{stack[-1]}” is never closed" if stack else None


def brackets(unit: Unit, ctx: Context) -> str | None:
    if _unbalanced(unit.source):
        return None  # the sentence splitter cut a bracket in two; the English may follow the source
    problem = _unbalanced(unit.translation)
    return f"unbalanced brackets: {problem}" if problem else None


_QUOTE_MARKS = re.compile(r"[“”「」『』\"]")
#: A straight quote between a word and a lower-case word (players" meltdowns) stands for an apostrophe.
_QUOTE_FOR_APOSTROPHE = re.compile(r"[A-Za-z]\"\s+[a-z]")


def _opens(text: str, at: int, depth: int) -> bool:
    """Whether the straight quote at ``at`` opens a quotation: told by the characters around it."""
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    if before and not before.isspace() and before not in "([—–-":
        return False
    if after and not after.isspace():
        return after not in ",.;:!?)"
    return depth == 0  # a quote with spaces on both sides: whichever keeps the pairs


def _unmatched_quotes(text: str) -> list[tuple[int, bool]]:
    """Quotation marks left over after pairing openers with closers: (offset, opening) each."""
    stack: list[int] = []
    left: list[tuple[int, bool]] = []
    for m in _QUOTE_MARKS.finditer(text):
        mark = m.group()
        if mark in "“「『" or (mark == '"' and _opens(text, m.start(), len(stack))):
            stack.append(m.start())
        elif stack:
            stack.pop()
        else:
            left.append((m.start(), False))
    return left + [(at, True) for at in stack]


#: A quotation that spans entries ends a sentence where it is cut: “…,” said X. / He said: “We won.
_SPAN_EDGE = ".!?…,:;—"


def _spans_entries(text: str, at: int, opening: bool) -> bool:
    """One quote left over is a quotation opened here and closed in a later entry (the text after it
    ends a sentence), or closed here after an earlier one (a sentence ends right before it)."""
    if opening:
        return text.rstrip().rstrip(EN_CLOSERS).rstrip()[-1:] in tuple(_SPAN_EDGE)
    return text[:at].rstrip()[-1:] in tuple(_SPAN_EDGE)


def quotes(unit: Unit, ctx: Context) -> str | None:
    if _unmatched_quotes(unit.source):
        return None  # the source itself is cut inside a quotation
    left = _unmatched_quotes(unit.translation)
    if not left or (len(left) == 1 and _spans_entries(unit.translation, *left[0])):
        return None
    if _QUOTE_FOR_APOSTROPHE.search(unit.translation):
        return 'a straight quote stands where an apostrophe belongs (players" meltdowns → players’ meltdowns)'
    return "unbalanced quotation marks: every opening “ needs a closing ” (and straight quotes come in pairs)"


def whitespace(unit: Unit, ctx: Context) -> str | None:
    text = unit.translation
    problems = []
    if text[:1].isspace():
        problems.append("leading space")
    if text[-1:].isspace():
        problems.append("trailing space")
    if "  " in text.strip():
        problems.append("doubled space")
    if any(ch in text for ch in "\t\n\r\u3000"):
        problems.append("tab, line break or ideographic space")
    return "whitespace: " + ", ".join(problems) if problems else None


def same_as_source(unit: Unit, ctx: Context) -> str | None:
    if unit.translation.strip() == unit.source.strip() and HAN.search(unit.source):
        return "the translation is a copy of the Chinese source"
    return None


#: Words a writer may double on purpose ("had had", "that that") are not listed; these never are.
DOUBLED_TYPO = frozenset("the a an of to in on at for and or is are was with by from as".split())
MAX_PHRASE = 8
#: A short phrase repeated with punctuation between its copies ("stop, stop, stop", "6.9%, 6.9%") is
#: deliberate up to this many copies and words; a machine loop runs on.
DELIBERATE_COPIES = 3
DELIBERATE_WORDS = 4
_TOKENS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[.!?;:,…]")
_SENTENCE_END = frozenset(".!?…")


def _copies(words: list[str], gaps: list[str], start: int, size: int) -> tuple[int, str]:
    """How many times ``words[start:start+size]`` comes in a row, and what separates the copies:
    ``""`` nothing, ``","`` punctuation inside a sentence, ``"."`` a sentence end."""
    copies, separator = 1, ""
    while words[start + copies * size : start + (copies + 1) * size] == words[start : start + size]:
        inside = "".join(gaps[start + 1 : start + (copies + 1) * size])
        if any(ch in _SENTENCE_END for ch in inside):
            separator = "."
        elif inside and not separator:
            separator = ","
        copies += 1
    return copies, separator


def _deliberate(copies: int, size: int, separator: str, word: str) -> bool:
    """Repetition a writer means: "very very", "stop, stop, stop", a name again in the next sentence
    ("Egor Krimets. Egor Krimets got a card"), "I got it! I got it!"."""
    if separator == ".":
        return copies == 2 or (copies == DELIBERATE_COPIES and size == 1)
    if separator == ",":
        return copies <= DELIBERATE_COPIES and size <= DELIBERATE_WORDS
    return size == 1 and copies == 2 and word not in DOUBLED_TYPO


def repetition(unit: Unit, ctx: Context) -> str | None:
    words = WORD.findall(unit.translation.lower())
    if len(set(words)) == len(words):
        return None  # no word comes back at all: nothing can loop
    for size in range(1, MAX_PHRASE + 1):
        if any(map(operator.eq, words, words[size:])):
            break
    else:
        return None  # no word comes back within MAX_PHRASE words (a fast path, in C)
    words, gaps = [], []  # gaps[i]: the punctuation between word i-1 and word i
    gap = ""
    for token in _TOKENS.findall(unit.translation.lower()):
        if token[0].isalnum():
            words.append(token)
            gaps.append(gap)
            gap = ""
        else:
            gap += token
    for start in range(len(words)):
        for size in range(1, MAX_PHRASE + 1):
            copies, separator = _copies(words, gaps, start, size)
            if copies < 2 or all(w.isdigit() for w in words[start : start + size]):
                continue
            if _deliberate(copies, size, separator, words[start]):
                continue
            return f"“{' '.join(words[start : start + size])}” is repeated: a machine-translation loop or a typo?"
    return None


#: Entries shorter than this (in source characters) are too short for a length ratio to mean anything.
MIN_LENGTH = 6
#: How far (in robust standard deviations) a ratio may stray, and a floor so tight catalogs are not nagged.
LENGTH_LIMIT = 4.0
LENGTH_FLOOR = math.log(2.2)


def length_ratio(source: str, translation: str) -> float:
    return math.log((len(translation.strip()) + 1) / (len(source.strip()) + 1))


def length(unit: Unit, ctx: Context) -> str | None:
    if len(unit.source) < MIN_LENGTH:
        return None
    deviation = length_ratio(unit.source, unit.translation) - ctx.length_median
    if abs(deviation) <= max(LENGTH_LIMIT * ctx.length_spread, LENGTH_FLOOR):
        return None
    usual = math.exp(ctx.length_median)
    actual = (len(unit.translation.strip()) + 1) / (len(unit.source.strip()) + 1)
    how = "long" if deviation > 0 else "short"
    return (
        f"the English is unusually {how}: {actual:.1f} characters per Chinese character where this catalog "
        f"usually has {usual:.1f}; is something missing or added?"
    )


#: Before a catalog (or the run) has enough reviewed entries: about 3 English characters per Chinese one.
LENGTH_PRIOR = math.log(3.0)
LENGTH_PRIOR_SPREAD = 0.25


def length_stats(units: Iterable[Unit], minimum: int = 8) -> tuple[float, float] | None:
    """Median and robust spread (1.4826 × MAD) of the log length ratio over reviewed entries, or None."""
    return robust_stats(
        sorted(length_ratio(u.source, u.translation) for u in units if u.reviewed and len(u.source) >= MIN_LENGTH),
        minimum,
    )


def robust_stats(ratios: list[float], minimum: int = 8) -> tuple[float, float] | None:
    """Median and 1.4826 × median absolute deviation of sorted values; None when there are too few."""
    if len(ratios) < minimum:
        return None
    median = _median(ratios)
    mad = _median(sorted(abs(r - median) for r in ratios))
    return median, max(1.4826 * mad, 0.05)


def _median(values: list[float]) -> float:
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


@dataclass
class Glossary:
    """The approved glossary terms a catalog is checked against (matching lives in :mod:`transflow.glossary.table`)."""

    terms: dict[str, Term]

    @classmethod
    def build(cls, terms: Iterable) -> Glossary:
        return cls({t.zh: t for t in as_terms(terms) if t.en})

    def missing(self, source: str, translation: str) -> list[Term]:
        return missing_terms(source, translation, tuple(self.terms.values()))


def glossary(unit: Unit, ctx: Context) -> str | None:
    if ctx.glossary is None or not ctx.glossary.terms:
        return None
    missing = ctx.glossary.missing(unit.source, unit.translation)
    return "glossary term not used: " + "; ".join(f"{t.zh} → {t.shown}" for t in missing) if missing else None


def markup(unit: Unit, ctx: Context) -> str | None:
    return markup_problem(unit.source, unit.translation)


def names(unit: Unit, ctx: Context) -> str | None:
    """A Chinese person's name spelt otherwise than its romanization (or glossary English) says."""
    if not ctx.lang.startswith("en") or not HAN.search(unit.source):
        return None
    from transflow.text.names import from_notes
    from transflow.text.names_en import missing_names

    known = {t.zh: t.en for t in ctx.glossary.terms.values()} if ctx.glossary else None
    found = from_notes(unit.notes)  # segment's notes when there are some; else jieba finds the names
    missing = missing_names(unit.source, unit.translation, known, ctx.seen, found)
    return "name: " + "; ".join(missing) if missing else None


RULES: tuple[Rule, ...] = (
    Rule("untranslated", ERROR, untranslated, "The entry has no translation.", content=False),
    Rule("fuzzy", ERROR, fuzzy, "The entry is fuzzy (a draft or a changed source) and needs review.", content=False),
    Rule("numbers", ERROR, numbers_rule, "Every number of the source is in the English, by value, and no other."),
    Rule("number-words", WARNING, number_words, "A numeral in words (三, 两; three) is on both sides."),
    Rule("han", ERROR, han, "No Chinese characters are left in the English."),
    Rule("cjk-punctuation", ERROR, cjk_punctuation, "No full-width (Chinese) punctuation is left in the English."),
    Rule("end-punctuation", WARNING, end_punctuation, "The English ends as the source does: 。→. ！→! ？→? ……→…"),
    Rule("brackets", WARNING, brackets, "Brackets in the English are balanced."),
    Rule("quotes", WARNING, quotes, "Quotation marks in the English are balanced."),
    Rule("whitespace", WARNING, whitespace, "No leading, trailing or doubled spaces."),
    Rule("same-as-source", ERROR, same_as_source, "The translation is not a copy of the Chinese source."),
    Rule("repetition", ERROR, repetition, "No word or phrase repeated in a loop (a machine-translation failure)."),
    Rule("length", WARNING, length, "The English/Chinese length ratio is close to the catalog's usual one."),
    Rule("glossary", WARNING, glossary, "Glossary terms in the source are translated as the glossary says."),
    Rule("markup", ERROR, markup, "Link targets, inline code, images and emphasis of Markdown come through intact."),
    Rule("names", WARNING, names, "Chinese person names are spelt as their romanization (or the glossary) says."),
)
RULE_IDS = tuple(rule.id for rule in RULES)
BY_ID = {rule.id: rule for rule in RULES}
