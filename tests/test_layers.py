"""The tree shows the pipeline, and the imports keep to it (read from the source with ``ast``, nothing run).

Foundations (project, text, po, glossary) never import a stage or the CLI; a stage (segment, draft, check,
merge) never imports another stage or the CLI; and no module imports itself back through others. Every
import counts, also one inside a function: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "transflow"
FOUNDATIONS = frozenset({"project", "text", "po", "glossary"})
STAGES = frozenset({"ingest", "segment", "draft", "check", "merge", "align"})
CLI = frozenset({"cli", "shell"})  # the command-line shell: cli.py and its helpers in shell.py


def module_name(path: Path) -> str:
    parts = ("transflow", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: frozenset[str] = frozenset()) -> set[str]:
    """Every ``transflow`` module a file imports: ``from pkg import mod`` is ``pkg.mod`` when that is one of
    ``modules``, ``from mod import name`` is ``mod``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert not node.level, f"{path}:{node.lineno}: use an absolute import (from transflow.x.y import z)"
            base = node.module or ""
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {name for name in found if name.split(".")[0] == "transflow"}


def graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = frozenset(module_name(f) for f in files)
    return {module_name(f): {m for m in imports(f, modules) if m in modules and m != module_name(f)} for f in files}


def layer(module: str) -> str:
    """The first part under ``transflow``: a package name, ``cli``, or '' for the package root."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def violations(edges: dict[str, set[str]]) -> list[str]:
    bad = []
    for source, targets in edges.items():
        mine = layer(source)
        for target in targets:
            theirs = layer(target)
            if theirs == mine or theirs == "":
                continue
            if mine in FOUNDATIONS and (theirs in STAGES or theirs in CLI):
                bad.append(f"foundation {source} imports {target}")
            elif mine in STAGES and (theirs in STAGES or theirs in CLI):
                bad.append(f"stage {source} imports {target}")
            elif mine == "" and theirs:
                bad.append(f"package root {source} imports {target}")
    return sorted(bad)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, found by depth-first search (each reported once, from its smallest module)."""
    found: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()

    def visit(node: str, path: list[str]) -> None:
        for nxt in sorted(edges.get(node, ())):
            if nxt == path[0]:
                key = tuple(sorted(path))
                if key not in seen:
                    seen.add(key)
                    found.append([*path, nxt])
            elif nxt not in path and nxt > path[0]:
                visit(nxt, [*path, nxt])

    for start in sorted(edges):
        visit(start, [start])
    return found


def test_every_package_is_a_known_layer():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages == FOUNDATIONS | STAGES, "a new package must be placed as a foundation or a stage here"


def test_no_upward_or_sideways_imports():
    assert violations(graph()) == []


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_checks_catch_what_they_claim():
    """The rules on a made-up graph: each kind of mistake is found, and what is allowed passes."""
    edges = {
        "transflow.po.catalog": {"transflow.merge.run", "transflow.project.files"},
        "transflow.draft.run": {"transflow.check.rules", "transflow.po.catalog", "transflow.draft.memory"},
        "transflow.merge.run": {"transflow.cli"},
        "transflow.text.a": {"transflow.text.b"},
        "transflow.text.b": {"transflow.text.c"},
        "transflow.text.c": {"transflow.text.a"},
        "transflow.cli": {"transflow.merge.run", "transflow.segment.run"},
    }
    assert violations(edges) == [
        "foundation transflow.po.catalog imports transflow.merge.run",
        "stage transflow.draft.run imports transflow.check.rules",
        "stage transflow.merge.run imports transflow.cli",
    ]
    assert cycles(edges) == [
        ["transflow.cli", "transflow.merge.run", "transflow.cli"],
        ["transflow.text.a", "transflow.text.b", "transflow.text.c", "transflow.text.a"],
    ]


def test_module_and_lazy_imports_are_seen():
    edges = graph()
    assert {"transflow.merge.document", "transflow.po.catalog"} <= edges["transflow.merge.run"]
    assert "transflow.check.rules" in edges["transflow.check.run"]  # `from transflow.check import rules`
    assert "transflow.check" not in edges["transflow.check.run"]
    # the CLI imports each stage inside its command
    assert {"transflow.segment.run", "transflow.merge.run", "transflow.check.run"} <= edges["transflow.cli"]
