"""Stage 1: articles in ``source/`` → ``locale/<doc>.pot`` and one PO per target language."""

from transflow.segment.run import segment

__all__ = ["segment"]
