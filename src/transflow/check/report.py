"""How ``transflow check`` reports: plain text, JSON (schema in :mod:`transflow.check.run`), GitHub workflow
annotations, and JUnit XML for CI systems that show test reports.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from transflow.check import rules as checks
from transflow.check.run import CheckReport, Finding

FORMATS = ("text", "json", "github", "junit")
JSON_VERSION = 1


def render(report: CheckReport, fmt: str = "text", repo_prefix: str = "") -> str:
    """The report in one of :data:`FORMATS`; always ends with a newline unless empty. ``repo_prefix``: the
    project's folder in its repository, for GitHub, which resolves annotation paths from the repository root."""
    if fmt == "github":
        return to_github(report, repo_prefix)
    return {"text": to_text, "json": to_json, "junit": to_junit}[fmt](report)


#: ``path[:line[:column]]: message``, the shape of every input error.
ERROR_AT = re.compile(r"^(?P<file>[^\s:]+?)(?::(?P<line>\d+))?(?::\d+)?: (?P<message>.+)$", re.S)


def render_error(message: str, fmt: str, repo_prefix: str = "") -> str:
    """An input error (exit 2) in the report's format, so a CI system that reads the report sees it too:
    a JSON object with ``"error"``, a GitHub ``::error`` annotation, a JUnit ``<error>``; text: nothing."""
    at = ERROR_AT.match(message)
    file, line = (at["file"], int(at["line"])) if at and at["line"] else (at["file"] if at else "", 0)
    if fmt == "json":
        error = {"message": message, "file": file or None, "line": line or None}
        return json.dumps({"version": JSON_VERSION, "tool": "transflow check", "ok": False, "error": error}) + "\n"
    if fmt == "github":
        props = [f"file={_escape_property(repo_prefix + file)}"] if file else []
        props += [f"line={line}"] if line else []
        props.append(f"title={_escape_property('transflow input error')}")
        return f"::error {','.join(props)}::{_escape_data(message)}\n"
    if fmt == "junit":
        root = ET.Element("testsuites", name="transflow check", tests="1", failures="0", errors="1")
        suite = ET.SubElement(root, "testsuite", name=file or "transflow", tests="1", failures="0", errors="1")
        case = ET.SubElement(suite, "testcase", classname="transflow", name="input")
        ET.SubElement(case, "error", message=message, type="input").text = message
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
    return ""


def summary(report: CheckReport) -> str:
    verdict = "passed" if report.ok else "FAILED"
    line = (
        f"check {verdict}: {len(report.catalogs)} catalog(s), {report.entries} entries, "
        f"{report.errors} error(s), {report.warnings} warning(s)"
    )
    for cat in report.catalogs:
        if cat.below_threshold:
            line += (
                f"\n{cat.file}: {cat.percent_translated:g}% translated, "
                f"below --min-translated {report.min_translated:g}%"
            )
    return line


def _clip(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def to_text(report: CheckReport) -> str:
    lines = []
    for f in report.findings:
        lines.append(f"{f.file}:{f.line}: {f.severity}: [{f.rule}] {f.message}")
        lines.append(f"    {_clip(f.source)}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _finding_json(f: Finding) -> dict:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "file": f.file,
        "line": f.line,
        "doc": f.doc,
        "lang": f.lang,
        "source": f.source,
        "translation": f.translation,
        "message": f.message,
    }


def to_json(report: CheckReport) -> str:
    data = {
        "version": JSON_VERSION,
        "tool": "transflow check",
        "ok": report.ok,
        "summary": {
            "catalogs": len(report.catalogs),
            "entries": report.entries,
            "errors": report.errors,
            "warnings": report.warnings,
            "min_translated": report.min_translated,
            "allow_fuzzy": report.allow_fuzzy,
        },
        "catalogs": [vars(c).copy() for c in report.catalogs],
        "findings": [_finding_json(f) for f in report.findings],
        "rules": [{"id": r.id, "severity": r.severity, "description": r.description} for r in checks.RULES],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    """GitHub workflow-command message escaping (the toolkit's escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """GitHub workflow-command property escaping (escapeProperty): also ':' and ','."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: CheckReport, repo_prefix: str = "") -> str:
    """``::error file=F,line=L,title=T::message`` lines that GitHub shows on the pull request's diff."""
    lines = []
    for f in report.findings:
        where = f"file={_escape_property(repo_prefix + f.file)},line={f.line}"
        props = f"{where},title={_escape_property(f'transflow {f.rule}')}"
        lines.append(f"::{f.severity} {props}::{_escape_data(f.message + ' | ' + _clip(f.source))}")
    for cat in report.catalogs:
        if cat.below_threshold:
            message = f"{cat.percent_translated:g}% translated, below --min-translated {report.min_translated:g}%"
            where = f"file={_escape_property(repo_prefix + cat.file)}"
            props = f"{where},title={_escape_property('transflow min-translated')}"
            lines.append(f"::error {props}::{_escape_data(message)}")
    return "\n".join(lines) + "\n" if lines else ""


def to_junit(report: CheckReport) -> str:
    """One testsuite per catalog, one testcase per rule; error findings are failures, warnings go to
    the testcase's system-out. A threshold, when given, is a testcase of its own."""
    by_catalog: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_catalog[f.file].append(f)
    root = ET.Element("testsuites", name="transflow check")
    total = failed = 0
    for cat in report.catalogs:
        suite = ET.SubElement(root, "testsuite", name=cat.file)
        cases = suite_failures = 0
        found = by_catalog.get(cat.file, [])
        for rule in checks.RULES:
            mine = [f for f in found if f.rule == rule.id]
            case = ET.SubElement(suite, "testcase", classname=f"{cat.doc}.{cat.lang}", name=rule.id)
            cases += 1
            errors = [f for f in mine if f.severity == "error"]
            if errors:
                failure = ET.SubElement(case, "failure", message=f"{len(errors)} finding(s)", type=rule.id)
                failure.text = "\n".join(f"{f.file}:{f.line}: {f.message} | {f.source}" for f in errors)
                suite_failures += 1
            warnings = [f for f in mine if f.severity != "error"]
            if warnings:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(f"{f.file}:{f.line}: warning: {f.message} | {f.source}" for f in warnings)
        if report.min_translated is not None:
            case = ET.SubElement(suite, "testcase", classname=f"{cat.doc}.{cat.lang}", name="min-translated")
            cases += 1
            if cat.below_threshold:
                message = f"{cat.percent_translated:g}% translated, below {report.min_translated:g}%"
                ET.SubElement(case, "failure", message=message, type="min-translated")
                suite_failures += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(suite_failures))
        suite.set("errors", "0")
        total += cases
        failed += suite_failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
