"""The pack loads; every kind of malformed rule is reported with file:line, rule and field."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from linter.cli import main
from linter.fields import RuleError
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack

SUBJECTS = """\
subjects:
  - id: sora
    kind: product
    names: [Sora]
contexts:
  - id: leak
    cues: [Leak*]
"""

GOOD_RULE = """\
facts:
  - id: sora.clip.max-length
    kind: quantity
    topic: clip_length
    severity: error
    statement:
      de: Sora-Clips sind bis zu 60 Sekunden lang.
      en: Sora clips are up to 60 seconds long.
    as_of: 2024-02-26
    sources:
      - file: source.txt
        quote: "Die Clips sind bis zu 60 Sekunden lang"
    scope:
      subject: sora
      outside: [leak]
      cues: [Clip*, lang]
    expected:
      measure: duration
      max: "60 s"
    examples:
      flag:
        de: [Sora erzeugt Clips von bis zu zwei Minuten., Die Clips von Sora sind bis zu 90 Sekunden lang.]
      pass:
        de: [Die Clips von Sora sind bis zu einer Minute lang., Sora-Clips sind bis zu 60 Sekunden lang.]
"""


def make_pack(tmp_path: Path, rule_text: str) -> Path:
    """A pack directory with subjects, one rule file and a seeds/ directory beside it."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "source.txt").write_text("Die Clips sind bis zu 60\nSekunden lang.", encoding="utf-8")
    pack = tmp_path / "rules"
    pack.mkdir()
    (pack / "subjects.yaml").write_text(SUBJECTS, encoding="utf-8")
    (pack / "facts.yaml").write_text(rule_text, encoding="utf-8")
    return pack


# every topic of ../shared/fact-inventory.md (quantities, status and dates, categorical facts)
INVENTORY_TOPICS = """clip_length demo_count leak_clip_length leak_resolution leak_duration approval release_status
access announcement_date leak_day launch_forecast watermark_year developer architecture leak_platform leak_group
competitors svd_license dune_eyes lawsuit c2pa detection_classifier training_data video_errors""".split()
# every person and organisation of the inventory's names table
INVENTORY_NAMES = ["OpenAI", "Sam Altman", "Mira Murati", "Kevin Weil", "Tyler Perry", "Tom Warren", "Hany Farid",
                   "Edda Humprecht", "Martin Fehrensen", "Simon Hurtz", "Michael Förtsch", "Shy Kids",
                   "Don Allen Stevenson III", "Josephine Miller", "Hugging Face", "PR Puppets", "Stability AI",
                   "Runway", "Pika", "Kling", "Hailuo", "Bloomberg", "The Verge", "New York Times"]
INVENTORY_QUOTE_SPEAKERS = ["Tyler Perry", "OpenAI", "Hany Farid", "Mira Murati"]
DEFAULT = load_pack([default_rules_dir()], (default_seeds_dir(),))


def test_default_pack_encodes_every_inventory_topic():
    topics = {rule.topic for rule in DEFAULT.rules}
    assert set(INVENTORY_TOPICS) <= topics, sorted(set(INVENTORY_TOPICS) - topics)


def test_default_pack_encodes_every_name():
    canonical = {rule.expected.canonical for rule in DEFAULT.rules if rule.kind == "name"}
    missing = [name for name in INVENTORY_NAMES if not any(name in c for c in canonical)]
    assert not missing


def test_default_pack_encodes_every_quote():
    speakers = [rule.expected.speaker for rule in DEFAULT.rules if rule.kind == "quote"]
    assert all(any(s in speaker for speaker in speakers) for s in INVENTORY_QUOTE_SPEAKERS), speakers
    assert len(speakers) >= 7


def test_good_synthetic_pack_loads(tmp_path):
    rulebook = load_pack([make_pack(tmp_path, GOOD_RULE)])
    assert [r.id for r in rulebook.rules] == ["sora.clip.max-length"]


BROKEN = {
    "quote-not-in-seed": (('quote: "Die Clips sind bis zu 60 Sekunden lang"', 'quote: "Die Clips sind bis zu 90 Sekunden lang"'),
                          'rules/facts.yaml:12: rule "sora.clip.max-length": field "sources.quote" is not in source.txt'),
    "unknown-seed-file": (("file: source.txt", "file: missing.txt"),
                          'rules/facts.yaml:11: rule "sora.clip.max-length": field "sources.file" names \'missing.txt\''),
    "bad-duration": (('max: "60 s"', 'max: "sechzig"'),
                     'rules/facts.yaml:19: rule "sora.clip.max-length": field "expected.max" must be a duration such as "60 s"'),
    "unknown-kind": (("kind: quantity", "kind: guess"),
                     'rules/facts.yaml:3: rule "sora.clip.max-length": field "kind" must be one of'),
    "bad-severity": (("severity: error", "severity: fatal"),
                     'rules/facts.yaml:5: rule "sora.clip.max-length": field "severity" must be one of error, warning, info'),
    "bad-date": (("as_of: 2024-02-26", "as_of: last spring"),
                 'rules/facts.yaml:9: rule "sora.clip.max-length": field "as_of" must be a date'),
    "missing-statement": (("    statement:\n      de: Sora-Clips sind bis zu 60 Sekunden lang.\n      en: Sora clips are up to 60 seconds long.\n", ""),
                          'rules/facts.yaml:2: rule "sora.clip.max-length": field "statement" is required'),
    "unknown-subject": (("subject: sora", "subject: soraa"),
                        'rules/facts.yaml:14: rule "sora.clip.max-length": field "scope.subject" names unknown subject'),
    "unknown-context": (("outside: [leak]", "outside: [leek]"),
                        'rules/facts.yaml:15: rule "sora.clip.max-length": field "scope.outside" names unknown context'),
    "bad-id": (("id: sora.clip.max-length", "id: Sora Clip"),
               'rules/facts.yaml:2: rule "Sora Clip": field "id" must be dotted lower-case words'),
    "two-modes": (('max: "60 s"', 'max: "60 s"\n      exact: "60 s"'),
                  'field "expected.measure" needs exactly one of max, exact, range'),
    "one-flag-example": (("de: [Sora erzeugt Clips von bis zu zwei Minuten., Die Clips von Sora sind bis zu 90 Sekunden lang.]",
                          "de: [Sora erzeugt Clips von bis zu zwei Minuten.]"),
                         'field "examples.flag" needs at least two sentences'),
    "until-without-note": (("as_of: 2024-02-26", "as_of: 2024-02-26\n    until: 2024-12-09"),
                           'field "until" needs an until_note'),
    "bad-yaml": (("kind: quantity", "kind: [quantity"), "rules/facts.yaml:4: invalid YAML"),
    "not-a-list": ((GOOD_RULE, "facts: 3\n"), 'rules/facts.yaml:1: field "facts" must be a list of facts (got 3)'),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_rule_is_reported_with_file_and_line(tmp_path, case):
    (old, new), message = BROKEN[case]
    assert old in GOOD_RULE, "the fixture must contain the text the case replaces"
    pack = make_pack(tmp_path, GOOD_RULE.replace(old, new))
    with pytest.raises(RuleError) as caught:
        load_pack([pack])
    assert any(message in line for line in caught.value.messages), caught.value.messages


def test_bad_regex_is_reported(tmp_path):
    rule = GOOD_RULE.replace("kind: quantity", "kind: status").replace(
        '    expected:\n      measure: duration\n      max: "60 s"\n',
        "    expected:\n      state: not released\n      contradicted_by:\n        de: ['(verfügbar']\n")
    with pytest.raises(RuleError) as caught:
        load_pack([make_pack(tmp_path, rule)])
    assert any('field "expected.contradicted_by" has an invalid regular expression' in m
               for m in caught.value.messages), caught.value.messages


def test_duplicate_id_is_reported(tmp_path):
    pack = make_pack(tmp_path, GOOD_RULE)
    (pack / "more.yaml").write_text(GOOD_RULE, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_pack([pack])
    assert any("id already used at rules/facts.yaml:2" in m for m in caught.value.messages)


def test_rules_check_command_exit_codes(tmp_path, capsys):
    (tmp_path / "good").mkdir()
    (tmp_path / "bad").mkdir()
    good = make_pack(tmp_path / "good", GOOD_RULE)
    bad = make_pack(tmp_path / "bad", GOOD_RULE.replace('60 Sekunden lang"', '61 Sekunden lang"'))
    assert main(["rules", "check", "--rules", str(good)]) == 0
    assert main(["rules", "check", "--rules", str(bad)]) == 2
    err = capsys.readouterr().err
    assert 'rules/facts.yaml:12: rule "sora.clip.max-length": field "sources.quote" is not in source.txt' in err
    assert "Traceback" not in err


def test_quote_normalisation_accepts_typographic_variants(tmp_path):
    rule = GOOD_RULE.replace('quote: "Die Clips sind bis zu 60 Sekunden lang"',
                             "quote: \"Die Clips sind bis\u00a0zu 60 \u2011Sekunden lang\"")
    seeds_text = "Die Clips sind bis zu 60 -Sekunden lang."
    pack = make_pack(tmp_path, rule)
    (tmp_path / "seeds" / "source.txt").write_text(seeds_text, encoding="utf-8")
    assert load_pack([pack]).rules
