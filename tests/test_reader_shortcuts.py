"""The reader's shortcuts give exactly what the slow paths they skip would give.

Front matter of simple `key: value` lines is read without PyYAML's scanner, a text piece found
verbatim in the source gets its offsets in bulk instead of character by character, and a block that
is one plain text is aligned without walking it.
"""

from __future__ import annotations

import random

import pytest
import yaml
from markdown_it.token import Token

from linter.inline_map import InlineAligner
from linter.segments import _PARSER, _BlockWalker, _load_simple_yaml, read_markdown
from tests.test_segments import CASES, NASTY, _spec_examples

# (front matter content, whether it is simple enough for the shortcut)
FRONT_MATTERS: dict[str, tuple[str, bool]] = {
    "corpus_style": ('title: "Der Sora-Leak: Ein Überblick"\ndate: 2024-02-20\nlang: de\n'
                     'author: "Theo Nowak"\ntags: [sora, openai, leak]\n'
                     'description: "Clips von bis zu 60 Sekunden."', True),
    "single_quoted": ("title: 'Sora: Ein Überblick'", True),
    "empty_quotes": ("title: ''\ndescription: \"\"", True),
    "plain_with_colon_and_hash": ("title: Sora:60 und C#\nurl: https://x.de/a#b", True),
    "bools_and_nulls": ("lang: no\ndraft: yes\nflag: off\nnone: ~\nnothing: null", True),
    "numbers": ("a: 5\nb: 5.0\nc: 0x1F\nd: 017\ne: 1_000\nf: 1:20:30\ng: .inf\nh: +1", True),
    "timestamps": ("date: 2024-02-20\nwhen: 2024-02-20 10:00:00\nutc: 2024-02-20T10:00:00Z", True),
    "impossible_date": ("date: 2024-02-30", True),
    "key_resolves": ("yes: 1\nnull: 2\nTrue: 3", True),
    "duplicate_key": ("title: A\ntitle: B", True),
    "list_types": ("tags: [ki, 2024, yes, ~, a b, ki-video]\nempty: []\nblank: [ ]", True),
    "spaces_inside": ("title: Sora   zeigt  Clips\nquoted: \"  Rand  \"", True),
    "non_ascii": ("title: „Zitat“ – 60 s 😀", True),
    "escape": ('title: "Er sagte \\"ja\\""', False),
    "doubled_quote": ("title: 'It''s'", False),
    "comment": ("title: Sora # Kommentar", False),
    "comment_line": ("# Kommentar\ntitle: Sora", False),
    "blank_line": ("title: Sora\n\nlang: de", False),
    "tab": ("title:\tSora", False),
    "indented": (" title: Sora", False),
    "negative_number": ("h: -1", False),
    "folded": ("title: >\n  gefaltet", False),
    "continued": ("title: eins\n  zwei", False),
    "nested": ("author:\n  name: X", False),
    "block_list": ("tags:\n  - a\n  - b", False),
    "flow_map": ("m: {a: 1}", False),
    "broken_list": ("tags: [kaputt", False),
    "trailing_comma": ("tags: [a, b,]", False),
    "anchor_alias": ("a: &x 1\nb: *x", False),
    "tag": ("a: !!str 5", False),
    "colon_space_in_value": ("title: Sora: Ein Überblick", False),
    "trailing_space": ("title: Sora ", False),
    "empty_value": ("title:", False),
    "control_char": ("title: a\x01b", False),
    "line_separator": ("title: a\u2028b", False),
    "bom": ("\ufefftitle: Sora", False),
    "merge_key": ("<<: {a: 1}", False),
    "empty": ("", False),
}


def _safe_load_or_error(content: str) -> object:
    try:
        return yaml.safe_load(content)
    except (yaml.YAMLError, ValueError) as err:
        return type(err)


@pytest.mark.parametrize(("content", "simple"), FRONT_MATTERS.values(), ids=FRONT_MATTERS.keys())
def test_simple_front_matter_loads_as_yaml_does(content: str, simple: bool) -> None:
    fast = _load_simple_yaml(content)
    expected = _safe_load_or_error(content)
    if isinstance(expected, type):
        assert fast is None
        return
    assert (fast is not None) == simple
    if fast is not None:
        assert fast == expected and repr(fast) == repr(expected)


def test_random_front_matter_loads_as_yaml_does() -> None:
    rng = random.Random(20240220)
    atoms = [*"aZ09_- :#'\"[]{},?&*!|>%@`~=<.+\\/\tä😀", "yes", "no", "null", "2024-02-20", "1:20", "0x1F",
             "https://x.de", " #", ": ", "''"]
    keys = ["title", "lang", "tags", "yes", "a-b", "_x", "1", "<<"]
    shortcuts = 0
    for _ in range(3000):
        lines = []
        for _ in range(rng.randrange(1, 4)):
            body = "".join(rng.choice(atoms) for _ in range(rng.randrange(0, 6)))
            value = rng.choice([body, f'"{body}"', f"'{body}'", f"[{body}]", f"[{body}, {body}]"])
            lines.append(f"{rng.choice(keys)}{rng.choice([': ', ':  ', ':'])}{value}")
        content = "\n".join(lines)
        fast = _load_simple_yaml(content)
        if fast is not None:
            shortcuts += 1
            expected = _safe_load_or_error(content)
            assert repr(fast) == repr(expected), content
    assert shortcuts > 100


class _CharByCharAligner(InlineAligner):
    """The aligner as it was: every child walked, every character of a found piece through _emit."""

    def align(self, children: list[Token]) -> tuple[str, list[int]]:
        self.walk(children)
        return "".join(self.chars), self.offsets

    def _emit_run(self, piece: str, at: int) -> None:
        for i, ch in enumerate(piece):
            self._emit(ch, at + i)


def _aligned(aligner_class: type[InlineAligner], markdown: str) -> list[tuple[str, list[int], int]]:
    """(chars, offsets, cursor) of each inline token of the Markdown, aligned by the given class."""
    doc_text = read_markdown(markdown).text
    walker = _BlockWalker(doc_text, 0)
    aligned = []
    for tok in _PARSER.parse(doc_text):
        if tok.type != "inline":
            continue
        start, end = walker._region(tok)
        aligner = aligner_class(doc_text, start, end)
        prose, offsets = aligner.align(tok.children or [])
        aligned.append((prose, list(offsets), aligner.cursor))
    return aligned


def _markdown_inputs() -> list[object]:
    inputs = [pytest.param(md, id=name) for name, (md, _) in CASES.items()]
    inputs += [pytest.param(md, id=f"nasty{i}") for i, md in enumerate(NASTY)]
    return inputs + [pytest.param(md, id=f"spec:{line}") for line, md in _spec_examples()]


@pytest.mark.parametrize("markdown", _markdown_inputs())
def test_bulk_offsets_equal_char_by_char(markdown: str) -> None:
    assert _aligned(InlineAligner, markdown) == _aligned(_CharByCharAligner, markdown)


# (source, block start, block end, offsets already recorded, piece, where it was found)
CLAMPED_RUNS = {
    "starts_before_last_offset": ("abc abc", 0, 7, [5], "abc", 0),
    "runs_past_block_end": ("abc abc", 0, 5, [], "abc", 4),
    "inside_block": ("abc abc", 0, 7, [1], "abc", 4),
    "empty_piece": ("abc", 0, 3, [2], "", 1),
}


@pytest.mark.parametrize(("src", "start", "end", "recorded", "piece", "at"), CLAMPED_RUNS.values(),
                         ids=CLAMPED_RUNS.keys())
def test_bulk_offsets_clamp_like_emit(src: str, start: int, end: int, recorded: list[int], piece: str,
                                      at: int) -> None:
    results = []
    for aligner_class in (InlineAligner, _CharByCharAligner):
        aligner = aligner_class(src, start, end)
        aligner.chars, aligner.offsets = ["x"] * len(recorded), list(recorded)
        aligner._emit_run(piece, at)
        results.append(("".join(aligner.chars), list(aligner.offsets)))
    assert results[0] == results[1]
