"""Stage 4: reviewed translations back into documents (HTML, Markdown, text, TMX)."""

from transflow.merge.run import merge

__all__ = ["merge"]
