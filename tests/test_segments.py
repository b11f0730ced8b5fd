"""Tests for linter.segments: prose extraction, exact offsets, positions and robustness."""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import pytest
from markdown_it.token import Token

from linter.inline_map import InlineAligner
from linter.segments import (
    Document, ReadError, Segment, read_document, read_markdown, read_plain,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SPEC_NAME = "commonmark-spec-0.31.2.txt"
SPEC_FENCE = "`" * 32 + " example"

# (markdown, [(kind, text), ...]) per readable id.
CASES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "paragraph": ("Sora erzeugt Clips.\n", [("paragraph", "Sora erzeugt Clips.")]),
    "emphasis": ("bis zu *zwei* Minuten und __fett__\n",
                 [("paragraph", "bis zu zwei Minuten und fett")]),
    "link_text_not_url": ('Siehe [die Quelle](https://x.de/a "Titel") hier.\n',
                          [("paragraph", "Siehe die Quelle hier.")]),
    "reference_links": ("[Sora][1] und [Runway]\n\n[1]: https://openai.com\n[Runway]: /r\n",
                        [("paragraph", "Sora und Runway")]),
    "image_alt": ('Bild: ![Ein *Clip*](a.png "t") Ende\n', [("paragraph", "Bild: Ein Clip Ende")]),
    "code_span_removed": ("Der Wert `max_len=60` gilt.\n", [("paragraph", "Der Wert  gilt.")]),
    "html_comment_inline": ("Text <!-- 60 Sekunden --> weiter\n", [("paragraph", "Text  weiter")]),
    "html_comment_block": ("<!-- factcheck: disable -->\nText\n", [("paragraph", "Text")]),
    "html_block": ("<div>\n60 Sekunden\n</div>\n\nText\n", [("paragraph", "Text")]),
    "fenced_code": ("```\n60 Sekunden\n```\n\nText\n", [("paragraph", "Text")]),
    "indented_code": ("    60 Sekunden\n\nText\n", [("paragraph", "Text")]),
    "autolink": ("Quelle: <https://example.com/60> gesehen\n", [("paragraph", "Quelle:  gesehen")]),
    "bare_urls": ("Mehr unter https://example.com/x. Und www.x.de/a?b=1, dann.\n",
                  [("paragraph", "Mehr unter . Und , dann.")]),
    "bare_url_parens": ("(siehe https://de.wikipedia.org/wiki/Sora_(KI)) ok\n",
                        [("paragraph", "(siehe ) ok")]),
    "only_url": ("https://example.com/60\n\nText\n", [("paragraph", "Text")]),
    "atx_headings": ("# Eins\n\n### Drei ###\n", [("heading", "Eins"), ("heading", "Drei")]),
    "setext_headings": ("Titel\nzweite Zeile\n===\n\nUnter\n---\n",
                        [("heading", "Titel\nzweite Zeile"), ("heading", "Unter")]),
    "table": ("| Modell | Länge |\n|---|---:|\n| Sora | 60 s |\n| *Gen-2* | `x` |\n",
              [("table_cell", "Modell"), ("table_cell", "Länge"), ("table_cell", "Sora"),
               ("table_cell", "60 s"), ("table_cell", "Gen-2")]),
    "table_escaped_pipe": ("| a \\| b | c |\n|---|---|\n",
                           [("table_cell", "a | b"), ("table_cell", "c")]),
    "nested_lists": ("- eins\n  - zwei\n    1. drei\n",
                     [("paragraph", "eins"), ("paragraph", "zwei"), ("paragraph", "drei")]),
    "nested_quote_list": ("> - > Text im Zitat\n>   > weiter\n",
                          [("paragraph", "Text im Zitat\nweiter")]),
    "front_matter": ('---\ntitle: "Der Titel"\ndescription: Die Beschreibung # c\n---\nText\n',
                     [("title", "Der Titel"), ("description", "Die Beschreibung"),
                      ("paragraph", "Text")]),
    "front_matter_single_quoted": ("---\ntitle: 'Titel'\n---\n", [("title", "Titel")]),
    "front_matter_escaped_quote": ('---\ntitle: "Er sagte \\"ja\\""\n---\n',
                                   [("title", 'Er sagte "ja"')]),
    "front_matter_doubled_quote": ("---\ntitle: 'It''s 60'\n---\n", [("title", "It's 60")]),
    "front_matter_other_escape": ('---\ntitle: "a\\tb"\n---\nText\n', [("paragraph", "Text")]),
    "front_matter_block_scalar": ("---\ntitle: >\n  gefaltet\n---\nText\n", [("paragraph", "Text")]),
    "front_matter_invalid_yaml": ("---\ntitle: [kaputt\n---\nText\n", [("paragraph", "Text")]),
    "crlf": ("Zeile eins\r\nZeile zwei\r\n\r\nNeu\r\n",
             [("paragraph", "Zeile eins\nZeile zwei"), ("paragraph", "Neu")]),
    "lone_cr": ("a\rb\r\rc", [("paragraph", "a\nb"), ("paragraph", "c")]),
    "bom": ("\ufeff# Titel\n", [("heading", "Titel")]),
    "tabs": ("-\tPunkt\tmit Tab\n\n>\tZitat\n",
             [("paragraph", "Punkt\tmit Tab"), ("paragraph", "Zitat")]),
    "hard_wrap": ("Eine lange Zeile\nwird umbrochen\n  und eingerückt\n",
                  [("paragraph", "Eine lange Zeile\nwird umbrochen\nund eingerückt")]),
    "hard_breaks": ("zwei Leerzeichen  \nBackslash\\\nEnde\n",
                    [("paragraph", "zwei Leerzeichen\nBackslash\nEnde")]),
    "escapes": ("\\*kein Stern\\* und 5\\_000\n", [("paragraph", "*kein Stern* und 5_000")]),
    "entities": ("Tom &amp; Jerry &#38; &copy; &#x41;\n", [("paragraph", "Tom & Jerry & © A")]),
    "literal_backslash": ("C:\\Pfad\n", [("paragraph", "C:\\Pfad")]),
    "thematic_break": ("a\n\n***\n\nb\n", [("paragraph", "a"), ("paragraph", "b")]),
    "nul_char": ("a\0b\n", [("paragraph", "a\ufffdb")]),
}

# (markdown, [(text, quote_depth, list_depth, heading_level), ...])
DEPTHS: dict[str, tuple[str, list[tuple[str, int, int, int]]]] = {
    "quote_list_quote": ("> - > Text\n", [("Text", 2, 1, 0)]),
    "nested_lists": ("- a\n  - b\n", [("a", 0, 1, 0), ("b", 0, 2, 0)]),
    "heading_in_quote": ("> # Kopf\n", [("Kopf", 1, 0, 1)]),
    "atx_level": ("## Zwei\n", [("Zwei", 0, 0, 2)]),
    "setext_levels": ("x\n===\n\ny\n---\n", [("x", 0, 0, 1), ("y", 0, 0, 2)]),
}

# (markdown, segment text piece, source offset where the piece must start)
OFFSETS: dict[str, tuple[str, str, int]] = {
    "emphasis_inner": ("bis zu *zwei* Minuten", "zwei", 8),
    "after_link_title": ('[a](b "c d") d', " d", 12),
    "after_code_span": ("`x` x", " x", 3),
    "after_autolink": ("<https://a.de/Sora> Sora", " Sora", 19),
    "after_html": ("x <!-- Sora --> Sora", " Sora", 15),
    "after_reference": ("[a][Sora] Sora\n\n[Sora]: /u", " Sora", 9),
    "after_image_title": ('![x](i.png "Sora") Sora', " Sora", 18),
    "escape_maps_to_char": ("a \\* b", "*", 3),
    "entity_maps_to_ampersand": ("a &amp; b", "&", 2),
    "backslash_hard_break": ("a\\\nb", "\n", 2),
    "quote_continuation": ("> eins\n> zwei", "zwei", 9),
    "front_matter_title": ('---\ntitle: "Sora"\n---\n', "Sora", 12),
}

NASTY = ["", "\0", "\r", "\ud800x", "---\n---\n", "---\n: : :\n---\n", "---\n- a\n---\nx",
         "---\ndate: 2024-02-30\n---\nx", ">" * 300 + " a", "- " * 300 + "a", "[" * 2000,
         "a *b" * 500, "`" * 500, "<!--" * 500, "\\" * 501, "https://" * 300, "&amp;" * 500,
         "| a |\n|---|\n" + "| `x` \\| y |\n" * 50, "![" * 300 + "x" + "](u)" * 300]


def _spec_examples() -> list[tuple[int, str]]:
    """(line number, Markdown input) of each CommonMark spec example; tabs restored."""
    path = FIXTURES / SPEC_NAME
    if not path.exists():
        path = Path(__file__).resolve().parents[2] / "shared" / "corpora" / SPEC_NAME
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").split("\n")
    examples: list[tuple[int, str]] = []
    for number, line in enumerate(lines):
        if line != SPEC_FENCE:
            continue
        end = lines.index(".", number)
        examples.append((number + 1, "\n".join(lines[number + 1:end]).replace("→", "\t") + "\n"))
    return examples


def _all_inputs() -> list[object]:
    """Every Markdown input of the tables above and the draft fixture, as params with ids."""
    inputs = [pytest.param(md, id=name) for name, (md, _) in CASES.items()]
    inputs += [pytest.param(md, id=f"depth:{name}") for name, (md, _) in DEPTHS.items()]
    inputs += [pytest.param(md, id=f"offset:{name}") for name, (md, _, _) in OFFSETS.items()]
    draft = (FIXTURES / "segments" / "draft.md").read_text(encoding="utf-8")
    return inputs + [pytest.param(draft, id="draft.md")]


def _assert_offsets_valid(doc: Document, segment: Segment) -> None:
    """Offsets: one per char plus the end, non-decreasing, inside the document."""
    assert len(segment.offsets) == len(segment.text) + 1
    assert list(segment.offsets) == sorted(segment.offsets)
    assert 0 <= segment.offsets[0] and segment.offsets[-1] <= len(doc.text)


def _assert_round_trip(doc: Document, segment: Segment) -> None:
    """Each char sits at its offset, except entity output, which maps to the entity's "&"."""
    _assert_offsets_valid(doc, segment)
    for char, offset in zip(segment.text, segment.offsets):
        assert doc.text[offset] == char or doc.text[offset] == "&", (char, offset)


@pytest.mark.parametrize(("markdown", "expected"), CASES.values(), ids=CASES.keys())
def test_segment_texts_and_kinds(markdown: str, expected: list[tuple[str, str]]) -> None:
    doc = read_markdown(markdown)
    assert [(s.kind, s.text) for s in doc.segments] == expected


@pytest.mark.parametrize(("markdown", "expected"), DEPTHS.values(), ids=DEPTHS.keys())
def test_depths_and_heading_levels(markdown: str, expected: list[tuple[str, int, int, int]]) -> None:
    doc = read_markdown(markdown)
    got = [(s.text, s.quote_depth, s.list_depth, s.heading_level) for s in doc.segments]
    assert got == expected


@pytest.mark.parametrize(("markdown", "piece", "offset"), OFFSETS.values(), ids=OFFSETS.keys())
def test_piece_offsets(markdown: str, piece: str, offset: int) -> None:
    (segment,) = read_markdown(markdown).segments
    start = segment.text.rindex(piece)
    assert segment.offsets[start] == offset


@pytest.mark.parametrize("markdown", _all_inputs())
def test_round_trip(markdown: str) -> None:
    doc = read_markdown(markdown)
    for segment in doc.segments:
        _assert_round_trip(doc, segment)


def test_source_span() -> None:
    (segment,) = read_markdown("bis zu *zwei* Minuten").segments
    assert segment.source_span(4, 6) == (4, 6)
    assert segment.source_span(7, 11) == (8, 12)
    assert segment.source_span(4, 11) == (4, 12)
    assert segment.source_span(2, 2) == (2, 2)
    with pytest.raises(ValueError):
        segment.source_span(5, 99)


def test_block_index_counts_skipped_blocks() -> None:
    doc = read_markdown("---\ntitle: T\ndescription: D\n---\nEins\n\n`code`\n\nZwei\n")
    assert [(s.text, s.block_index) for s in doc.segments] == [
        ("T", 0), ("D", 1), ("Eins", 2), ("Zwei", 4)]


def test_draft_fixture() -> None:
    doc = read_document("draft.md", (FIXTURES / "segments" / "draft.md").read_bytes())
    assert doc.meta == {"title": "Sora erzeugt Clips von bis zu einer Minute",
                        "description": "OpenAI zeigt sein Videomodell", "lang": "de",
                        "date": datetime.date(2024, 2, 16), "tags": ["ki", "video"]}
    assert [(s.kind, s.text) for s in doc.segments] == [
        ("title", "Sora erzeugt Clips von bis zu einer Minute"),
        ("description", "OpenAI zeigt sein Videomodell"),
        ("heading", "OpenAI stellt Sora vor"),
        ("paragraph", "OpenAI hat am 15. Februar 2024 das Videomodell\nSora vorgestellt. "
                      "Es erzeugt Clips von\nbis zu 60 Sekunden Länge."),
        ("paragraph", '„Wir teilen unsere Fortschritte früh", schrieb OpenAI.'),
        ("paragraph", "Zugang zunächst nur für Red Teamer & ausgewählte Künstler"),
        ("paragraph", "Keine öffentliche API"),
        ("table_cell", "Modell"), ("table_cell", "Maximale Länge"),
        ("table_cell", "Sora"), ("table_cell", "60 Sekunden"),
        ("table_cell", "Gen-2"), ("table_cell", "18 Sekunden"),
        ("paragraph", "Mehr unter .\nEin Standbild aus einem Sora-Clip"),
    ]
    seconds = doc.segments[3]
    start = seconds.text.index("60 Sekunden")
    assert doc.position(seconds.offsets[start]) == (13, 10)


@pytest.mark.parametrize(("front_matter", "expected"), [
    pytest.param("lang: de\ndate: 2024-02-26\n", {"lang": "de", "date": datetime.date(2024, 2, 26)},
                 id="date_stays_date"),
    pytest.param("lang: no  # Norwegisch\n", {"lang": "no"}, id="lang_no_is_string"),
    pytest.param("title: [kaputt\n", {}, id="invalid_yaml"),
    pytest.param("date: 2024-02-30\n", {}, id="impossible_date"),
    pytest.param("- a\n- b\n", {}, id="not_a_mapping"),
    pytest.param("title: 5\n", {"title": 5}, id="non_string_title_kept_in_meta"),
])
def test_meta(front_matter: str, expected: dict[str, object]) -> None:
    assert read_markdown(f"---\n{front_matter}---\nText\n").meta == expected


def test_no_front_matter_gives_empty_meta() -> None:
    assert read_markdown("Text\n").meta == {}


@pytest.mark.parametrize(("source", "needle", "expected"), [
    pytest.param("Zeile eins\r\nZweite Zeile mit Zahl 60\r\n", "60", (2, 23), id="crlf"),
    pytest.param("Zeile eins\rZweite 60\r", "60", (2, 8), id="lone_cr"),
    pytest.param("\ufeffNr 60\n", "60", (1, 4), id="bom"),
    pytest.param("\ufeff# Kopf\r\n\r\n> bis 60\r\n", "60", (3, 7), id="bom_crlf_quote"),
    pytest.param("\ufeff---\r\ntitle: Sora 60\r\n---\r\n", "60", (2, 13), id="bom_crlf_title"),
    pytest.param("-\tPunkt 60\n", "60", (1, 9), id="tab_is_one_column"),
    pytest.param("Ä😀 60\n", "60", (1, 4), id="code_points"),
])
def test_position(source: str, needle: str, expected: tuple[int, int]) -> None:
    doc = read_markdown(source)
    segment = next(s for s in doc.segments if needle in s.text)
    assert doc.position(segment.offsets[segment.text.index(needle)]) == expected


def test_position_crlf_matches_lf() -> None:
    lf = "# Kopf\n\nEin *langer*\nAbsatz mit 60\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    crlf_doc, lf_doc = read_markdown(lf.replace("\n", "\r\n")), read_markdown(lf)
    assert crlf_doc.text == lf_doc.text
    for crlf_seg, lf_seg in zip(crlf_doc.segments, lf_doc.segments, strict=True):
        crlf_pos = [crlf_doc.position(o) for o in crlf_seg.offsets]
        assert crlf_pos == [lf_doc.position(o) for o in lf_seg.offsets]


def test_position_bounds() -> None:
    doc = read_markdown("ab\n")
    assert doc.position(0) == (1, 1)
    assert doc.position(3) == (2, 1)
    with pytest.raises(ValueError):
        doc.position(4)


@pytest.mark.parametrize(("data", "message"), [
    pytest.param(b"abc\xff", "not valid UTF-8 at byte 3 (line 1, column 4)", id="first_line"),
    pytest.param(b"a\r\nb\r\nc\xe4\n", "not valid UTF-8 at byte 7 (line 3, column 2)", id="crlf"),
    pytest.param(b"\xef\xbb\xbfok\n\xc3\xa4x\xff", "not valid UTF-8 at byte 9 (line 2, column 3)",
                 id="bom_and_umlaut"),
    pytest.param(b"ab\xe2\x82", "not valid UTF-8 at byte 2 (line 1, column 3)", id="truncated"),
])
def test_read_error(data: bytes, message: str) -> None:
    with pytest.raises(ReadError) as info:
        read_document("draft.md", data)
    assert str(info.value) == message


@pytest.mark.parametrize(("path", "expected"), [
    pytest.param("a.md", [("heading", "Kopf 60")], id="markdown"),
    pytest.param("a.txt", [("paragraph", "# Kopf 60")], id="plain"),
    pytest.param("A.TXT", [("paragraph", "# Kopf 60")], id="plain_upper_case"),
    pytest.param("noext", [("heading", "Kopf 60")], id="no_suffix_is_markdown"),
])
def test_read_document_chooses_reader(path: str, expected: list[tuple[str, str]]) -> None:
    doc = read_document(path, b"\xef\xbb\xbf# Kopf 60\r\n")
    assert [(s.kind, s.text) for s in doc.segments] == expected
    assert doc.path == path and doc.text == "# Kopf 60\n"


def test_read_plain() -> None:
    data = (FIXTURES / "segments" / "draft.txt").read_bytes()
    doc = read_document("draft.txt", data)
    assert [(s.kind, s.text, s.block_index) for s in doc.segments] == [
        ("paragraph", "Sora erzeugt Clips von bis zu einer Minute.\n"
                      "Das meldete OpenAI am 15. Februar 2024.", 0),
        ("paragraph", "Mehr: ", 1),
    ]
    assert doc.meta == {}
    for segment in doc.segments:
        _assert_round_trip(doc, segment)


def test_read_plain_strips_blank_edges() -> None:
    doc = read_plain("  \n  eins\r\nzwei  \n\t\n drei")
    assert [s.text for s in doc.segments] == ["eins\nzwei", "drei"]
    for segment in doc.segments:
        _assert_round_trip(doc, segment)


def test_aligner_fallback_stays_inside_block() -> None:
    src = "vorher\n> abc *d*\nnachher\n"
    start, end = src.index(">"), src.index("nachher")
    aligner = InlineAligner(src, start, end)
    children = [Token("text", "", 0, content="zzz"), Token("code_inline", "", 0, markup="``"),
                Token("html_inline", "", 0, content="<b>"), Token("text", "", 0, content="abc"),
                Token("link_close", "", -1), Token("softbreak", "", 0),
                Token("text_special", "", 0, content="&", markup="&amp;", info="entity"),
                Token("softbreak", "", 0), Token("text", "", 0, content="q")]
    aligner.walk(children)
    assert "".join(aligner.chars) == "zzzabc\n&\nq"
    assert list(aligner.offsets) == sorted(aligner.offsets)
    assert all(start <= o < end for o in aligner.offsets)
    assert list(aligner.offsets[3:6]) == [src.index("abc") + i for i in range(3)]


@pytest.mark.parametrize("markdown", NASTY, ids=[f"nasty{i}" for i in range(len(NASTY))])
def test_never_crashes(markdown: str) -> None:
    for doc in (read_markdown(markdown), read_plain(markdown)):
        for segment in doc.segments:
            _assert_offsets_valid(doc, segment)


def test_random_markdown_never_crashes() -> None:
    rng = random.Random(20240216)
    alphabet = list("ab 12\n\n\t>-*_`[]()!<>&;#|\\:/\"'=") + ["https://x.de", "&amp;", "\r\n", "---\n"]
    for _ in range(300):
        markdown = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 80)))
        doc = read_markdown(markdown)
        for segment in doc.segments:
            _assert_offsets_valid(doc, segment)


def _spec_params() -> list[object]:
    """One param per spec example, or a single skipped param when the spec is absent."""
    examples = _spec_examples()
    if not examples:
        return [pytest.param(0, "", id="spec", marks=pytest.mark.skip(reason=f"no {SPEC_NAME}"))]
    return [pytest.param(number, markdown, id=f"spec:{number}") for number, markdown in examples]


@pytest.mark.parametrize(("line", "markdown"), _spec_params())
def test_commonmark_example(line: int, markdown: str) -> None:
    doc = read_markdown(markdown)
    for segment in doc.segments:
        _assert_offsets_valid(doc, segment)
        assert segment.offsets[-1] <= len(markdown)
        # Not required, but holds for the whole spec today: every char sits at its offset.
        _assert_round_trip(doc, segment)


def test_commonmark_corpus_present() -> None:
    examples = _spec_examples()
    if not examples:
        pytest.skip(f"{SPEC_NAME} not found")
    assert len(examples) > 600
