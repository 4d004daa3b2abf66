"""Foundations for every stage: configuration, finding catalogs, the project lock and user-facing errors."""
