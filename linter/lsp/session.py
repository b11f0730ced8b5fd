"""What the language server lints with: each document's configuration and rule pack, kept warm.

The same path as `factlint check` for one file (linter/cli.py): the nearest configuration of the
document, its pack loaded once per set of rule directories and its rules selected once per
configuration, then engine.lint_document and the configuration's levels for factlint's own findings.
Only the text comes from the editor instead of the disk. No editor protocol lives here.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..cli import _Packs
from ..config import ConfigFinder
from ..engine import document_language, lint_document
from ..findings import Finding
from ..resources import default_rules_dir, default_seeds_dir
from ..rulebook import Rulebook, seed_dirs_of
from ..segments import Document, read_markdown, read_plain

PLAIN_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
PLAIN_LANGUAGES = ("plaintext", "text")
MARKDOWN_LANGUAGES = ("markdown",)


@dataclass(frozen=True)
class Linted:
    """One version of a document as linted: the parsed draft, its language, findings and pack."""

    doc: Document
    lang: str
    findings: tuple[Finding, ...]
    rulebook: Rulebook
    plain: bool
    seed_dirs: tuple[Path, ...]     # where the pack's source files are, to point at a quote


def is_plain(path: Path, language_id: str | None) -> bool:
    """Plain text as `factlint check` reads a .txt file; Markdown otherwise (a file's suffix decides
    as it does for the CLI, the editor's language only for a buffer without one)."""
    suffix = path.suffix.lower()
    if suffix in PLAIN_SUFFIXES or suffix in MARKDOWN_SUFFIXES:
        return suffix in PLAIN_SUFFIXES
    return (language_id or "").lower() in PLAIN_LANGUAGES


def is_draft(path: Path, language_id: str | None) -> bool:
    """Whether a document is prose factlint reads: Markdown or plain text."""
    suffix = path.suffix.lower()
    return (suffix in PLAIN_SUFFIXES + MARKDOWN_SUFFIXES
            or (language_id or "").lower() in PLAIN_LANGUAGES + MARKDOWN_LANGUAGES)


class Session:
    """Configurations and packs for every open document; `reset` forgets them (a file changed)."""

    def __init__(self, rule_dirs: list[Path] | None = None, config: Path | None = None, no_config: bool = False):
        """The options are `factlint check`'s --rules, --config and --no-config."""
        self.options = (rule_dirs, config, no_config)
        self.reset()

    def reset(self) -> None:
        self.finder: ConfigFinder | None = None     # made on first use: --config FILE may be broken
        self.packs = _Packs(self.options[0])

    def lint(self, path: Path, text: str, plain: bool) -> Linted | None:
        """The findings `factlint check` reports for this text at this path; None when the
        configuration excludes the file. A broken configuration or pack raises ConfigError or RuleError."""
        if self.finder is None:
            self.finder = ConfigFinder(*self.options[1:])
        config = self.finder.for_path(path)
        rulebook, selected = self.packs.rules(config)
        if config.excluded(path):
            return None
        doc = read_plain(text, str(path)) if plain else read_markdown(text, str(path))
        found = lint_document(doc, rulebook, rules=selected, fact_window=config.fact_window,
                              default_lang=config.lang)
        lang = document_language(doc, None, config.lang)
        packs = self.packs.cli_dirs or config.pack_dirs(default_rules_dir())
        seeds = (d for pack in packs for d in seed_dirs_of(pack, (default_seeds_dir(),)))
        return Linted(doc, lang, tuple(config.adjust_meta(found)), rulebook, plain, tuple(dict.fromkeys(seeds)))
