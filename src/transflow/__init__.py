"""transflow: Chinese news articles into English with a human in the loop, through gettext catalogs."""

__version__ = "0.1.0"
