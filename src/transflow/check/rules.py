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

from transflow.glossary.table import GlossaryTerm, as_terms, missing_terms
from transflow.text import numbers, zh

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Unit:
    """One catalog entry as the rules see it."""

    source: str
    translation: str
    fuzzy: bool = False

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


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    func: Callable[[Unit, Context], str | None]
    description: str
    content: bool = True  # False: a state rule that also looks at untranslated and fuzzy entries


# --- character classes --------------------------------------------------------------------------------
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
#: Full-width and CJK punctuation that has no place in English text (curly quotes and … are English too).
CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u30fb]+")
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
    missing, extra = numbers.compare(unit.source, unit.translation)
    parts = []
    if missing:
        parts.append("the source's " + ", ".join(missing) + (" is" if len(missing) == 1 else " are") + " missing")
    if extra:
        parts.append(", ".join(extra) + (" is" if len(extra) == 1 else " are") + " not in the source")
    return "; ".join(parts) + " (numbers are compared by value)" if parts else None


def han(unit: Unit, ctx: Context) -> str | None:
    if unit.translation.isascii():
        return None
    found = HAN.findall(unit.translation)
    return f"Chinese left in the English: {'、'.join(dict.fromkeys(found))}" if found else None


def cjk_punctuation(unit: Unit, ctx: Context) -> str | None:
    if unit.translation.isascii():
        return None
    found = CJK_PUNCT.findall(unit.translation)
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
    while end and end[-1] in "。｡！？!?.":
        cluster = end[-1] + cluster
        end = end[:-1]
    return cluster.translate(str.maketrans("。｡！？", "..!?"))


def end_punctuation(unit: Unit, ctx: Context) -> str | None:
    want, have = _terminator(unit.source), _terminator(unit.translation)
    if not want:
        last = unit.source.rstrip().rstrip(ZH_CLOSING)[-1:]
        if have == "." and last.isalnum() and not unit.translation.rstrip(EN_CLOSERS).endswith(ABBREVIATIONS):
            return "the source has no full stop (a headline, byline or caption): the English needs none either"
        return None
    if want == "...":
        return None if have in ("...", ".") else "the source trails off with …… : end the English with … or ..."
    if want == ".":
        return None if have.endswith(".") or have == "..." else "the source ends with 。 : end the English with '.'"
    if have and have[-1] in want:
        return None
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


def _quotes_balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0 and text.count("「") == text.count("」")


def quotes(unit: Unit, ctx: Context) -> str | None:
    if not _quotes_balanced(unit.source) or _quotes_balanced(unit.translation):
        return None
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


def repetition(unit: Unit, ctx: Context) -> str | None:
    words = WORD.findall(unit.translation.lower())
    if len(set(words)) == len(words):
        return None  # no word comes back at all: nothing can loop
    for size in range(1, MAX_PHRASE + 1):
        if any(map(operator.eq, words, words[size:])):
            break
    else:
        return None  # no word comes back within MAX_PHRASE words (a fast path, in C)
    seen: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        for j in seen.get(word, ()):
            size = i - j  # the phrase words[j:i] may come again right after itself
            if size > MAX_PHRASE or words[j:i] != words[i : i + size]:
                continue
            if size == 1 and (word.isdigit() or (words[i + 1 : i + 2] != [word] and word not in DOUBLED_TYPO)):
                continue  # "very, very" is English; "masks masks masks" and "the the" are not
            return f"“{' '.join(words[j:i])}” is repeated: a machine-translation loop or a typo?"
        seen.setdefault(word, []).append(i)
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
    return "glossary term not used: " + "; ".join(f"{t.zh} → {t.en}" for t in missing) if missing else None


RULES: tuple[Rule, ...] = (
    Rule("untranslated", ERROR, untranslated, "The entry has no translation.", content=False),
    Rule("fuzzy", ERROR, fuzzy, "The entry is fuzzy (a draft or a changed source) and needs review.", content=False),
    Rule("numbers", ERROR, numbers_rule, "Every number of the source is in the English, by value, and no other."),
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
)
RULE_IDS = tuple(rule.id for rule in RULES)
BY_ID = {rule.id: rule for rule in RULES}
