"""factlint: a fact-check linter for newsroom drafts."""
__version__ = "0.2.0"
