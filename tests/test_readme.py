"""README's command table and the CLI stay in step: every command, subcommand and option the CLI has is
in the table, and the table lists nothing the CLI lacks."""

from __future__ import annotations

import re

import typer

from transflow.cli import app

from conftest import REPO

#: An option as the README writes it: --long or -s.
OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


def readme_rows() -> dict[str, str]:
    """First-column code of the Commands table, keyed by command name ('' for the global options row)."""
    text = (REPO / "README.md").read_text("utf-8")
    table = text.split("## Commands", 1)[1].split("\n\n", 2)[1]
    rows: dict[str, str] = {}
    for line in table.splitlines()[2:]:
        first = line.split(" | ")[0]
        code = " ".join(re.findall(r"`([^`]*)`", first)).replace("\\|", "|")
        words = code.split()
        assert words[0] == "transflow", line
        name = words[1] if len(words) > 1 and not words[1].startswith(("-", "[")) else ""
        assert name not in rows, f"{name} has two rows"
        rows[name] = code
    return rows


def listed_subcommands(code: str) -> set[str]:
    """Lower-case words after the command, outside [option] brackets: `models list|install FILE|remove NAME`."""
    outside = re.sub(r"\[[^\]]*\]", " ", code).split()[2:]
    return {w for token in outside for w in token.split("|") if re.fullmatch(r"[a-z][a-z-]*", w)}


def cli_options(command) -> list[tuple[str, ...]]:
    """Each option's names (long and short), --help aside."""
    return [
        tuple(p.opts + p.secondary_opts)
        for p in command.params
        if p.param_type_name == "option" and "--help" not in p.opts
    ]


def assert_options_listed(where: str, code: str, options: list[tuple[str, ...]]) -> None:
    listed = set(OPTION.findall(code))
    for names in options:
        assert listed & set(names), f"README's {where!r} row lacks {names[0]}"
    known = {n for names in options for n in names}
    assert listed <= known, f"README's {where!r} row lists {sorted(listed - known)}, which the CLI lacks"


def test_readme_lists_exactly_the_commands_and_options() -> None:
    group = typer.main.get_command(app)
    rows = readme_rows()
    assert set(rows) - {""} == set(group.commands), "README's command table and the CLI's commands differ"
    assert_options_listed("transflow", rows[""], cli_options(group))
    for name, command in group.commands.items():
        subcommands = getattr(command, "commands", None)
        if subcommands is None:
            assert_options_listed(name, rows[name], cli_options(command))
            continue
        assert listed_subcommands(rows[name]) == set(subcommands), f"README's {name!r} row: subcommands differ"
        options = [names for sub in subcommands.values() for names in cli_options(sub)]
        assert_options_listed(name, rows[name], options)


def test_the_parser_reads_a_row_as_meant() -> None:
    """The table parser itself, on a row of our own making."""
    code = "transflow memory import FILE.tmx|lookup TEXT [--min 75] [--format text|json]"
    assert listed_subcommands(code) == {"import", "lookup"}
    assert OPTION.findall(code) == ["--min", "--format"]
