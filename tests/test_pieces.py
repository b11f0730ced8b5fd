"""A big draft is read in pieces (segments.SegmentStream): the result must be that of a whole parse.

Each case is read twice, whole and cut at every place a piece may start (a piece size of one
character), and the two must agree in every segment (text, offsets, kind, depths, index), in the
front matter, in what is nested too deep, and in every finding the default pack gives.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from linter.engine import lint_document
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.segments import SegmentStream, read_markdown
from tests.test_segments import _spec_examples

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402  (benchmarks/generate.py: the benchmark corpus' drafts)

RULEBOOK = load_pack([default_rules_dir()], (default_seeds_dir(),))
WHOLE = 1 << 40     # a piece size no test text reaches: one whole parse
TINY = 1            # a cut wherever one may be made
CLAIM = "Die Clips von Sora sind bis zu zwei Minuten lang."


def _segments(doc) -> list[tuple]:
    return [(s.text, list(s.offsets), s.kind, s.quote_depth, s.list_depth, s.heading_level, s.block_index)
            for s in doc.segments]


def _assert_same_reading(text: str, lang: str | None = "de", lint: bool = True, rulebook=RULEBOOK,
                         piece_chars: int = TINY, **options) -> list:
    """The findings, the same whole and in pieces."""
    whole = read_markdown(text, "draft.md", piece_chars=WHOLE)
    pieces = read_markdown(text, "draft.md", piece_chars=piece_chars)
    assert isinstance(whole.segments, tuple)
    assert _segments(pieces) == _segments(whole)
    assert pieces.meta == whole.meta
    assert pieces.too_deep == whole.too_deep
    if not lint:
        return []
    findings = lint_document(whole, rulebook, lang=lang, **options)
    assert lint_document(pieces, rulebook, lang=lang, **options) == findings
    return findings


HAND_CASES = {
    # a fence, an HTML comment and a <pre> block hold blank lines and lines that start with letters
    "fence-across-blank-lines": "Text davor.\n\n```\ncode\n\nNicht Prosa.\n```\n\nSora hat\n\nClips.\n",
    "tilde-fence-in-list": "- Punkt\n\n  ~~~\n  code\n\nKein Code mehr. " + CLAIM + "\n",
    "unclosed-fence": "Prosa.\n\n```\ncode\n\nNoch Code.\n\nImmer noch.\n",
    "html-comment": "Vorher.\n\n<!--\nKommentar\n\nAuch Kommentar.\n-->\n\nNachher. " + CLAIM + "\n",
    "pre-block": "Vorher.\n\n<pre>\nx\n\nVorformatiert.\n</pre>\n\nNachher.\n",
    "html-type-6": "<div>\nBlock\n\nDanach Prosa. " + CLAIM + "\n",
    # a loose list goes on after a blank line; a line after it that starts with a letter does not
    "loose-list": "- eins\n\n- zwei\n\nAbsatz.\n\n1. drei\n\n2) vier\n\nSchluss.\n",
    "block-quote": "> Zitat\n\n> weiter\n\nText " + CLAIM + "\n",
    "indented-code": "    code\n\n    code\nProsa.\n\nMehr.\n",
    "table": "| a | b |\n|---|---|\n| Sora | 60 Sekunden |\n\nText danach.\n\n| c |\n|---|\n| d |\n",
    # a reference is defined after the link that uses it, and defined twice (the first one wins)
    "reference-after-use": "Siehe [Sora][s].\n\nMehr Text.\n\n[s]: https://a.example\n\n[s]: https://b.example\n",
    "reference-in-quote": "[Link] hier.\n\nText.\n\n> [link]: /url 'Titel'\n\nEnde [link].\n",
    "front-matter-with-blank-lines": "---\ntitle: Sora\n\ndate: 2024-03-01\n\nlang: de\n---\n\nText. " + CLAIM + "\n",
    "front-matter-dots": "---\ntitle: x\n...\n\nText.\n\nMehr.\n",
    "unclosed-front-matter": "---\ntitle: x\n\nText.\n\nMehr.\n",
    "setext-after-blank": "Titel\n=====\n\nText\n---\n\nMehr\n\n---\nkein: front matter\n---\n",
    "deep-nesting": "Text.\n\n" + "> " * 120 + "tief\n\nDanach " + CLAIM + "\n\nEnde.\n",
    "deep-list": "Text.\n\n" + "".join("  " * i + "- x\n" for i in range(120)) + "\nDanach.\n\nEnde.\n",
    # a long table is cut between its rows, unless a row has more or fewer cells than its header
    "long-table": "| Modell | Länge |\n|:--|--:|\n" + "| Runway | 10 Sekunden |\n" * 30 + "| Sora | zwei Minuten |\nText " + CLAIM + "\n",
    "table-ended-by-a-line": "| a | b |\n|---|---|\n| Sora | 1 |\n| x | y |\n> Zitat\n- Liste\n",
    "table-with-short-rows": "| a | b | c |\n|---|---|---|\n" + "| x |\n| x | y | z | w |\n" * 20 + "Ende.\n",
    "table-in-list": "- | a | b |\n  |---|---|\n" + "  | Sora | 1 |\n" * 20 + "Ende.\n",
    "table-in-quote": "> | a | b |\n> |---|---|\n" + "> | Sora | 1 |\n" * 20 + "Ende.\n",
    "table-after-front-matter": "---\ntitle: T\n---\n| a | b |\n|---|---|\n" + "| Sora | `x|y` \\| z |\n" * 20,
    "crlf-and-blank-with-spaces": "Eins.\r\n  \r\nZwei " + CLAIM + "\r\n\t\r\nDrei.\r\n",
}


@pytest.mark.parametrize("text", HAND_CASES.values(), ids=HAND_CASES.keys())
def test_hand_cases_read_the_same_in_pieces(text):
    _assert_same_reading(text)


def test_every_commonmark_example_reads_the_same_in_pieces():
    examples = _spec_examples()
    assert len(examples) > 600
    for _, markdown in examples:
        # the segments decide the findings (linting all of them in one draft follows)
        _assert_same_reading(markdown + "\n" + CLAIM + "\n", lint=False)


def test_the_commonmark_examples_as_one_draft_read_the_same_in_pieces():
    """All examples one after another: fences, HTML and definitions of one example reach into the next."""
    _assert_same_reading("\n\n".join(md + CLAIM for _, md in _spec_examples()))


@pytest.mark.parametrize("path", sorted((REPO / "examples").glob("*.md")), ids=lambda p: p.name)
def test_example_drafts_read_the_same_in_pieces(path):
    _assert_same_reading(path.read_text(encoding="utf-8"), lang=None)


def test_a_big_generated_draft_reads_the_same_in_pieces():
    """Drafts of the benchmark corpus, one after another (lists, tables, quotes, code, links)."""
    texts = [generate.draft(generate.DEFAULT_SEED, i)[1] for i in range(40)]
    text = texts[0] + "\n\n".join(t.split("\n---\n", 1)[-1] for t in texts[1:])
    _assert_same_reading(text, lang=None)
    for piece_chars in (64, 4096):
        assert _segments(read_markdown(text, piece_chars=piece_chars)) == _segments(read_markdown(text, piece_chars=WHOLE))


def test_a_big_draft_is_read_in_many_pieces_each_parsed_once():
    """What bounds memory: a long draft gives many pieces, and a piece is parsed again only when
    something runs open across its end (here nothing does)."""
    text = "\n\n".join(f"Absatz {i}: Sora erzeugt Clips." for i in range(2000))
    stream = SegmentStream(text, piece_chars=1000)
    pieces = list(stream._pieces())
    assert len(pieces) >= len(text) // 1000 - 1
    assert max(len(tokens) for _, tokens in pieces) < 100
    assert sum(len(t) for _, tokens in pieces for t in (tokens,)) == 3 * 2000


def test_a_long_table_is_cut_between_its_rows():
    text = "| Modell | Länge |\n|---|---|\n" + "| Sora | 60 Sekunden |\n" * 2000
    pieces = list(SegmentStream(text, piece_chars=1000)._pieces())
    assert len(pieces) >= len(text) // 2000


TRAM = Path(__file__).parent / "fixtures" / "packs" / "tram" / "rules"


@pytest.mark.parametrize("piece_chars", [40, 200])
def test_a_long_table_in_pieces_reads_its_cells_with_their_column_header(piece_chars):
    """The header row is parsed with the table's first piece only: a cell further down is still
    read with its column's header ("Eröffnet" makes "13. September 2025" the opening date)."""
    rows = "".join(f"| Linie 3 | {n}. Mai 2019 |\n" for n in range(1, 29))
    text = ("---\nlang: de\ndate: 2025-10-01\n---\n# Linie 7\n\nDie Linien der Stadt.\n\n"
            "| Linie | Eröffnet |\n|---|---|\n" + rows + "| Linie 7 | 13. September 2025 |\n" + rows)
    assert len(list(SegmentStream(text, piece_chars)._pieces())) > 3
    findings = _assert_same_reading(text, lang="de", rulebook=load_pack([TRAM]), piece_chars=piece_chars,
                                    date=dt.date(2025, 10, 1))
    opening = [f for f in findings if f.rule == "tram.opening.date"]
    assert [f.found for f in opening] == ["13. September 2025"]


def test_a_fence_open_across_many_cuts_grows_its_piece_to_its_close():
    text = "Anfang.\n\n```\n" + "\n\n".join(f"zeile {i}" for i in range(500)) + "\n```\n\nEnde.\n"
    stream = SegmentStream(text, piece_chars=16)
    lines = [line for line, _ in stream._pieces()]
    assert len(lines) <= 3
    assert [s.text for s in stream] == ["Anfang.", "Ende."]
