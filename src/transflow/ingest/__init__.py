"""Bringing articles in: news pages -> Markdown sources (``transflow import``)."""
