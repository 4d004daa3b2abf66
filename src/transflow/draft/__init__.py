"""Stage 2: empty entries → fuzzy machine drafts (translation memory first, then Argos/CTranslate2)."""

from transflow.draft.run import draft

__all__ = ["draft"]
