"""What every command shares at the edge of the process: usage errors as one line, ``--debug`` anywhere,
and option choices typer can check (``--format``, ``--layout`` ...) built from the stages' own tables.

Click and typer print usage errors as a boxed, multi-line panel; the README promises one line on stderr
and exit status 2, which a CI log and a shell script can both read.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import signal
import sys
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

import typer
from typer.core import TyperGroup

from transflow import interrupted_while_starting
from transflow.project.config import Config, open_project
from transflow.project.errors import TransflowError

try:  # typer 0.2x carries its own copy of click; older typer uses click itself
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - depends on the installed typer
    from click import exceptions as click_errors

#: What the app's callback was given (``--debug``, ``-C``) and the project root once a command found it.
STATE: dict[str, Any] = {"debug": False, "project": None, "root": None}
#: Global flags that work after the subcommand too (``transflow check --debug``): moved to the front.
GLOBAL_FLAGS = ("--debug",)


def choices(name: str, values: Iterable[str]) -> type[Enum]:
    """A str Enum over a stage's table of choices, so typer checks and lists them in ``--help``."""
    return Enum(name, {value: value for value in values}, type=str)


def hoist_global_flags(args: Sequence[str]) -> list[str]:
    """Move global flags given after the subcommand to the front, where the app's callback reads them."""
    args = list(args)
    end = args.index("--") if "--" in args else len(args)
    found = [a for a in args[:end] if a in GLOBAL_FLAGS]
    rest = [a for k, a in enumerate(args) if not (k < end and a in GLOBAL_FLAGS)]
    return found + rest


def usage_line(exc: click_errors.ClickException) -> str:
    """A usage error as one line: what was wrong, and which ``--help`` to read."""
    message = " ".join(exc.format_message().replace("Value error, ", "").split())
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click_errors.UsageError) and ctx is not None:
        command = " ".join(["transflow", *ctx.command_path.split()[1:]])  # whatever the program was called
        message += f" (see: {command} --help)"
    return f"transflow: error: {message}"


class Shell(TyperGroup):
    """The top-level group: one-line usage errors (exit 2) instead of click's panel, global flags anywhere."""

    def main(self, args: Sequence[str] | None = None, *pos: Any, standalone_mode: bool = True, **extra: Any) -> Any:
        args = hoist_global_flags(sys.argv[1:] if args is None else args)
        program = signal.getsignal(signal.SIGINT) is interrupted_while_starting
        if program:  # started: commands handle Ctrl-C
            signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            result = super().main(args, *pos, standalone_mode=False, **extra)
        except click_errors.ClickException as exc:
            if not standalone_mode:
                raise
            if isinstance(exc, click_errors.NoArgsIsHelpError):  # bare `transflow memory`: the help itself
                exc.show()
            else:
                typer.echo(usage_line(exc), err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("transflow: error: aborted", err=True)
            sys.exit(1)
        finally:
            if program:  # the command is over: a Ctrl-C while Python shuts down (joining worker threads)
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # has nothing left to stop, and no traceback to print
        if standalone_mode:
            sys.exit(result if isinstance(result, int) else 0)
        return result


def relative(message: str) -> str:
    """A message with paths inside the project shown relative to it, as findings show them."""
    root = STATE["root"]
    return message.replace(f"{root}{os.sep}", "") if root is not None else message


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"transflow: error: {relative(message)}", err=True)
    raise typer.Exit(code)


def guarded(func):
    """Turn errors into one clear line and an exit code; keep tracebacks for ``--debug``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except TransflowError as exc:
            if STATE["debug"]:
                raise
            fail(str(exc), exc.code)
        except BrokenPipeError:  # `transflow ... | head`: the reader left; that is not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            fail("interrupted; files already written are complete, nothing is half-written", 130)
        except Exception as exc:  # noqa: BLE001 - the promise is: no traceback without --debug
            if STATE["debug"]:
                raise
            fail(f"unexpected {type(exc).__name__}: {exc} (run with --debug for details)", 2)

    return wrapper


def config(paths: Sequence[str] | None = None, encoding: str | None = None) -> Config:
    """The project of ``-C``, the current folder, or the first ``.po`` path; ``--encoding`` overrides the toml."""
    cfg = open_project(STATE["project"], paths or ())
    STATE["root"] = cfg.root
    return dataclasses.replace(cfg, source_encoding=encoding) if encoding else cfg
