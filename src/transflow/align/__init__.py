"""The align stage: an existing English version aligned to a document's Chinese sentences."""
