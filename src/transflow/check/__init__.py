"""Stage 3: the CI gate and quality rules for zh→en catalogs, and progress statistics."""

from transflow.check.run import check

__all__ = ["check"]
