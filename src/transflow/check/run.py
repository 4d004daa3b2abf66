"""``transflow check``: run the rules of :mod:`transflow.check.rules` over catalogs; the CI gate.

Each catalog is parsed once with polib; every entry becomes a :class:`~transflow.check.rules.Unit` and
goes through the rule table. Findings name the rule, its severity, the PO file and the line where the
entry starts (polib's ``linenum``), the source and a message for the translator.

Gate: the check fails (exit 1) when any finding is an error, or when a catalog's share of reviewed
entries is below ``--min-translated``. ``untranslated`` and ``fuzzy`` are errors by default; with
``--min-translated P`` untranslated entries become warnings and the threshold decides, and with
``--allow-fuzzy`` fuzzy entries become warnings, count as translated and get the content checks
(by default a draft is reported once, as fuzzy, and its wording is checked once a person reviews it).

Suppression: a translator comment ``# transflow-ignore: numbers, length`` (or ``all``) silences those
rules for that entry; ``ignore_checks = ["length"]`` in ``transflow.toml`` silences them everywhere.
An unknown rule id in either place is an input error (exit 2): a misspelt id would otherwise silence nothing, quietly.

The JSON report (``--format json``), schema version 1::

    {"version": 1, "tool": "transflow check",
     "ok": bool,                                   # false exactly when the exit status is 1
     "summary": {"catalogs": int, "entries": int, "errors": int, "warnings": int,
                 "min_translated": float|null, "allow_fuzzy": bool},
     "catalogs": [{"file": str, "doc": str, "lang": str, "entries": int, "reviewed": int, "fuzzy": int,
                   "untranslated": int, "percent_translated": float, "below_threshold": bool}],
     "findings": [{"rule": str, "severity": "error"|"warning", "file": str, "line": int, "doc": str,
                   "lang": str, "source": str, "translation": str, "message": str}],
     "rules": [{"id": str, "severity": str, "description": str}]}   # every rule, default severity

Fields are only ever added, never renamed or removed, without a new ``version``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from transflow.check import rules as checks
from transflow.check.rules import ERROR, WARNING, Context, Glossary, Unit
from transflow.po.catalog import load_catalog
from transflow.po.progress import DRAFT, Progress, check_threshold, live, state, translation
from transflow.project.config import Config
from transflow.project.errors import InputError
from transflow.project.locate import Located, find_catalogs

IGNORE = re.compile(r"transflow-ignore\s*:\s*([^\n]*)")
#: The position notes ``segment`` writes ("body, paragraph 3, sentence 1 of 2"): the paragraph's role.
ROLE_NOTE = re.compile(r"^(title|heading|byline|caption|body|related|list|quote|table), paragraph \d+", re.MULTILINE)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    file: str
    line: int
    doc: str
    lang: str
    source: str
    translation: str
    message: str


@dataclass
class CatalogResult:
    file: str
    doc: str
    lang: str
    entries: int = 0
    reviewed: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    percent_translated: float = 100.0
    below_threshold: bool = False


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    catalogs: list[CatalogResult] = field(default_factory=list)
    min_translated: float | None = None
    allow_fuzzy: bool = False

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings)

    @property
    def entries(self) -> int:
        return sum(c.entries for c in self.catalogs)

    @property
    def ok(self) -> bool:
        return not self.errors and not any(c.below_threshold for c in self.catalogs)


def _ignored(tcomment: str | None, where: str) -> frozenset[str]:
    if not tcomment or "transflow-ignore" not in tcomment:
        return frozenset()
    names: set[str] = set()
    for m in IGNORE.finditer(tcomment):
        names.update(n for n in re.split(r"[\s,]+", m.group(1)) if n)
    if names & {"all", "*"}:
        return frozenset(checks.RULE_IDS)
    _known(names, where)
    return frozenset(names)


def _known(names: Iterable[str], where: str) -> None:
    unknown = sorted(set(names) - set(checks.RULE_IDS))
    if unknown:
        raise InputError(
            f"{where}: transflow-ignore names unknown check(s) {', '.join(unknown)} "
            f"(known: {', '.join(checks.RULE_IDS)})"
        )


@dataclass(frozen=True)
class _Plan:
    """What every catalog is checked with; small and picklable, so worker processes can share it."""

    rules: tuple[str, ...]
    severity: tuple[tuple[str, str], ...]
    allow_fuzzy: bool
    min_translated: float | None
    glossary: tuple[checks.Term, ...] = ()


#: Below this many catalogs one process is faster than starting workers.
PARALLEL_MIN = 16


def check(
    config: Config,
    docs: list[str] | None = None,
    lang: str | None = None,
    min_translated: float | None = None,
    allow_fuzzy: bool = False,
    glossary: Iterable | None = None,
    jobs: int | None = None,
) -> CheckReport:
    """Check the catalogs of ``docs`` (default: all) for ``lang`` (default: every target language).

    ``jobs``: worker processes (default: one per CPU when there are many catalogs; 1 = in this process).
    """
    check_threshold(min_translated)
    if config.ignore_checks:
        _known(config.ignore_checks, f"{config.root / 'transflow.toml'}: ignore_checks")
    severity = {rule.id: rule.severity for rule in checks.RULES}
    if allow_fuzzy:
        severity["fuzzy"] = WARNING
    if min_translated is not None:
        severity["untranslated"] = WARNING
    terms = tuple(Glossary.build(glossary).terms.values()) if glossary else ()
    plan = _Plan(
        tuple(r.id for r in checks.RULES if r.id not in config.ignore_checks),
        tuple(severity.items()),
        allow_fuzzy,
        min_translated,
        terms,
    )
    located = find_catalogs(config, docs, lang)
    workers = jobs or (os.cpu_count() or 1 if len(located) >= PARALLEL_MIN else 1)
    pool = None
    if workers > 1:
        try:
            pool = ProcessPoolExecutor(max_workers=min(workers, len(located)))
        except (OSError, RuntimeError):  # no process support (a locked-down sandbox, no sem_open): one process
            pool = None
    if pool is not None:
        with pool:
            chunk = max(1, len(located) // (workers * 4))
            done = list(pool.map(_check_catalog, located, [plan] * len(located), chunksize=chunk))
    else:
        done = [_check_catalog(where, plan) for where in located]
    # A catalog with too few reviewed entries to know its own usual length ratio borrows the run's.
    pooled = checks.robust_stats(sorted(r for _, _, ratios in done for r in ratios))
    report = CheckReport(min_translated=min_translated, allow_fuzzy=allow_fuzzy)
    for where, (result, findings, ratios) in zip(located, done, strict=True):
        if checks.robust_stats(ratios) is None and "length" in plan.rules:
            usual = pooled or (checks.LENGTH_PRIOR, checks.LENGTH_PRIOR_SPREAD)
            result, findings, _ = _check_catalog(where, plan, usual)
        report.catalogs.append(result)
        report.findings.extend(findings)
    return report


_GLOSSARIES: dict[tuple, Glossary] = {}


def _check_catalog(
    where: Located, plan: _Plan, length: tuple[float, float] | None = None
) -> tuple[CatalogResult, list[Finding], list[float]]:
    """Check one catalog; without ``length`` stats of its own, the ``length`` rule waits for the run's."""
    entries = _units(where)
    ratios = sorted(
        checks.length_ratio(u.source, u.translation)
        for _, _, u, _ in entries
        if u.reviewed and len(u.source) >= checks.MIN_LENGTH
    )
    stats = length or checks.robust_stats(ratios)
    if plan.glossary and plan.glossary not in _GLOSSARIES:
        _GLOSSARIES[plan.glossary] = Glossary.build(plan.glossary)
    ctx = Context(glossary=_GLOSSARIES.get(plan.glossary), lang=where.lang)
    if "names" in plan.rules:
        ctx.seen = " ".join(u.translation for _, _, u, _ in entries if u.reviewed)
    if stats:
        ctx.length_median, ctx.length_spread = stats
    severity = dict(plan.severity)
    active = [checks.BY_ID[i] for i in plan.rules if i != "length" or stats]
    state_rules = [rule for rule in active if not rule.content]
    progress = Progress.of_states((kind for *_, kind in entries), drafts_done=plan.allow_fuzzy)
    result = CatalogResult(
        where.shown,
        where.doc,
        where.lang,
        entries=progress.total,
        reviewed=progress.reviewed,
        fuzzy=progress.drafts,
        untranslated=progress.untranslated,
        percent_translated=progress.percent,
        below_threshold=not progress.meets(plan.min_translated),
    )
    findings = []
    for linenum, tcomment, unit, _ in entries:
        rules = active if unit.translated and (plan.allow_fuzzy or not unit.fuzzy) else state_rules
        skip = _ignored(tcomment, f"{where.shown}:{linenum}")
        for rule in rules:
            message = rule.func(unit, ctx)
            if message and rule.id not in skip:
                findings.append(
                    Finding(rule.id, severity[rule.id], where.shown, linenum, where.doc, where.lang,
                            unit.source, unit.translation, message)
                )  # fmt: skip
    return result, findings, ratios


def _roles(notes: str | None) -> frozenset[str]:
    """The paragraph roles named in an entry's ``#.`` notes (several when a sentence recurs)."""
    return frozenset(ROLE_NOTE.findall(notes)) if notes else frozenset()


def _units(where: Located) -> list[tuple[int, str, Unit, str]]:
    """Each live entry as (line, translator comment, the rules' view of it, its state)."""
    out = []
    for entry in live(load_catalog(where.path)):
        kind = state(entry)
        unit = Unit(entry.msgid, translation(entry), kind == DRAFT, _roles(entry.comment), entry.comment or "")
        out.append((entry.linenum, entry.tcomment, unit, kind))
    return out
