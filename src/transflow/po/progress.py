"""What an entry's state is, and how far a catalog is: one definition for stats, check, merge and draft.

Every command that counts or gates on progress asks this module, so they cannot disagree:

- :func:`state`: ``reviewed`` (translated, not fuzzy), ``draft`` (translated, fuzzy) or ``untranslated``.
  A plural entry is translated only when every ``msgstr[n]`` is filled, as msgfmt counts it.
- :class:`Progress`: the counts, one :attr:`~Progress.percent` with one rounding rule, and
  :meth:`~Progress.meets`, which every ``--min-translated`` gate uses.

The rounding rule: one decimal, half up, except that a catalog with an entry left is never shown as
100% and one with an entry done never as 0%. The gate compares that very figure, so the message a
refused run prints ("66.7% ... below 66.7%") can never contradict the decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import polib

from transflow.project.errors import InputError

REVIEWED, DRAFT, UNTRANSLATED = "reviewed", "draft", "untranslated"


def has_translation(entry: polib.POEntry) -> bool:
    """Anything a translator typed (even one plural form): what msgmerge must never drop."""
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def is_translated(entry: polib.POEntry) -> bool:
    """Translated as msgfmt counts it: the msgstr, or every plural form, is non-empty."""
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def translation(entry: polib.POEntry) -> str:
    """The text a reader or a rule sees: the msgstr, or for a fully translated plural entry its first form."""
    if entry.msgid_plural:
        return entry.msgstr_plural[min(entry.msgstr_plural)] if is_translated(entry) else ""
    return entry.msgstr


def state(entry: polib.POEntry | None) -> str:
    """``reviewed``, ``draft`` or ``untranslated``; a missing entry is untranslated."""
    if entry is None or not is_translated(entry):
        return UNTRANSLATED
    return DRAFT if entry.fuzzy else REVIEWED


def live(entries: Iterable[polib.POEntry]) -> list[polib.POEntry]:
    """The entries progress is counted over: not obsolete, and not the header."""
    return [e for e in entries if not e.obsolete and e.msgid]


def percent(done: int, total: int) -> float:
    """``done`` of ``total`` in percent, one decimal, half up; never 100 before the end nor 0 after the start."""
    if not total:
        return 100.0  # nothing to translate is complete
    tenths = (2000 * done + total) // (2 * total)  # exact integer half-up rounding, no float surprises
    if done < total:
        tenths = min(tenths, 999)
    if done > 0:
        tenths = max(tenths, 1)
    return tenths / 10


def check_threshold(value: float | None) -> None:
    """A ``--min-translated`` value must be a percentage."""
    if value is not None and not 0 <= value <= 100:
        raise InputError(f"--min-translated {value:g}: give a percentage from 0 to 100")


@dataclass(frozen=True)
class Progress:
    """Entry counts of one catalog or document; ``drafts_done``: fuzzy entries count as done (--allow-fuzzy)."""

    reviewed: int = 0
    drafts: int = 0
    untranslated: int = 0
    drafts_done: bool = False

    @classmethod
    def of_states(cls, states: Iterable[str], drafts_done: bool = False) -> Progress:
        states = list(states)
        return cls(states.count(REVIEWED), states.count(DRAFT), states.count(UNTRANSLATED), drafts_done)

    @classmethod
    def of_entries(cls, entries: Iterable[polib.POEntry], drafts_done: bool = False) -> Progress:
        """Progress over the live entries of a catalog."""
        return cls.of_states((state(e) for e in live(entries)), drafts_done)

    @property
    def total(self) -> int:
        return self.reviewed + self.drafts + self.untranslated

    @property
    def done(self) -> int:
        return self.reviewed + (self.drafts if self.drafts_done else 0)

    @property
    def percent(self) -> float:
        """Percent done by :func:`percent`'s rule; an empty catalog is complete."""
        return percent(self.done, self.total)

    @property
    def shown(self) -> str:
        """The percent as every message prints it: ``66.7%``, ``100%``."""
        return f"{self.percent:g}%"

    def meets(self, threshold: float | None) -> bool:
        """Whether a ``--min-translated`` gate passes: the shown figure, compared as shown."""
        return threshold is None or self.percent >= threshold
