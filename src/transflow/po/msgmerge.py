"""Updating a catalog from a new template with msgmerge's semantics.

Unchanged sentences keep translation and state; an edited sentence inherits the nearest old translation
as fuzzy with ``#|`` previous msgid; sentences gone from the source become obsolete and come back to life
with their translation when the sentence returns. Nothing a translator typed is dropped.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import polib

from transflow.po.progress import has_translation

#: msgmerge's fuzzy-match threshold (``fstrcmp`` similarity) for carrying an old translation over.
FUZZY_THRESHOLD = 0.6


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return entry.msgctxt, entry.msgid


def _carry(new: polib.POEntry, old: polib.POEntry) -> None:
    """Move what belongs to people (translation, state, translator comments) from ``old`` to ``new``."""
    new.msgstr = old.msgstr
    new.msgid_plural = old.msgid_plural
    new.msgstr_plural = dict(old.msgstr_plural)
    new.tcomment = old.tcomment
    new.flags = list(old.flags)
    if old.fuzzy:
        new.previous_msgid = old.previous_msgid
        new.previous_msgctxt = old.previous_msgctxt


def _similarity(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
        return 0.0
    return matcher.ratio()


def nearest(msgid: str, candidates: list[polib.POEntry]) -> polib.POEntry | None:
    """The old entry most similar to ``msgid`` at or above the threshold (first one wins a tie)."""
    best, best_score = None, FUZZY_THRESHOLD - 1e-9
    for cand in candidates:
        score = _similarity(msgid, cand.msgid)
        if score > best_score:
            best, best_score = cand, score
    return best


def _obsolete(old: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgid=old.msgid,
        msgstr=old.msgstr,
        msgctxt=old.msgctxt,
        msgid_plural=old.msgid_plural,
        msgstr_plural=dict(old.msgstr_plural),
        tcomment=old.tcomment,
        flags=list(old.flags),
        obsolete=True,
    )


def merge_entries(old_entries: list[polib.POEntry], template: list[polib.POEntry]) -> list[polib.POEntry]:
    """New entry list: template entries in order carrying old translations, then obsolete ones."""
    live = {_key(e): e for e in old_entries if not e.obsolete}
    dead = {_key(e): e for e in old_entries if e.obsolete}
    used: set[tuple[str | None, str]] = set()
    merged: list[polib.POEntry] = []
    unmatched: list[polib.POEntry] = []
    for tmpl in template:
        new = polib.POEntry(
            msgid=tmpl.msgid, msgstr="", msgctxt=tmpl.msgctxt, comment=tmpl.comment, occurrences=list(tmpl.occurrences)
        )
        old = live.get(_key(tmpl)) or dead.get(_key(tmpl))
        if old is not None:
            _carry(new, old)
            used.add(_key(tmpl))
        else:
            unmatched.append(new)
        merged.append(new)
    candidates = [e for k, e in live.items() if k not in used and has_translation(e)]
    for new in unmatched:
        old = nearest(new.msgid, candidates) if candidates else None
        if old is None:
            continue
        _carry(new, old)
        new.fuzzy = True
        new.previous_msgid = old.msgid
        new.previous_msgctxt = old.msgctxt
        used.add(_key(old))
    tail = [e if e.obsolete else _obsolete(e) for e in old_entries if _key(e) not in used and has_translation(e)]
    seen: set[tuple[str | None, str]] = set()
    obsolete: list[polib.POEntry] = []
    for e in tail:
        if _key(e) not in seen:
            seen.add(_key(e))
            obsolete.append(e)
    return merged + obsolete
