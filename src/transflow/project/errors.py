"""Errors the CLI turns into one line on stderr and an exit code (DESIGN.md: 2 for usage/input)."""

from __future__ import annotations


class TransflowError(Exception):
    """A failure the user can act on; ``code`` is the process exit status."""

    code = 2


class InputError(TransflowError):
    """Bad input: a file that cannot be read, decoded or parsed, or a bad option value."""


class Problems(TransflowError):
    """The command worked and found problems (a check failed, a threshold was not met)."""

    code = 1
