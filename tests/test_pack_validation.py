"""A broken pack is reported whole, each problem once with file and line, exit 2, never a traceback:
the ten planted mistakes of issue 11, the hostile packs of issue 12, and packs that load but could not
work (empty, without facts, redefining another pack's subject)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter import rulebook
from linter.cli import main
from linter.fields import RuleError
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from test_rulebook import GOOD_RULE, SUBJECTS

SEED = "Die Clips sind bis zu 60\nSekunden lang. Sora erzeugt Videos, die sehr realistisch aussehen."
FACT = GOOD_RULE.removeprefix("facts:\n").replace("id: sora.clip.max-length", "id: {id}")


def fact(rule_id: str, *changes: tuple[str, str]) -> str:
    text = FACT.format(id=rule_id)
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def write_pack(root: Path, facts: str, subjects: str = SUBJECTS) -> Path:
    """root/rules (returned) with subjects.yaml and facts.yaml, and root/seeds/source.txt."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "seeds" / "source.txt").write_text(SEED, encoding="utf-8")
    pack = root / "rules"
    pack.mkdir(exist_ok=True)
    (pack / "subjects.yaml").write_text(subjects, encoding="utf-8")
    if facts:
        (pack / "facts.yaml").write_text("facts:\n" + facts, encoding="utf-8")
    return pack


def test_the_fact_template_is_valid(tmp_path):
    assert [r.id for r in load_pack([write_pack(tmp_path, fact("sora.a"))]).rules] == ["sora.a"]


# Ten mistakes in four facts (issue 11): each is reported once, with its line, in one run.
PLANTED = (
    fact("sora.one", ("severity: error", "severty: error"),                                   # unknown key
         ("cues: [Clip*, lang]", "cuse: [Clip*, lang]"),                                      # nested typo
         ("as_of: 2024-02-26", "as_of: 2024-02-30"))                                          # bad date
    + fact("sora.two", ('max: "60 s"', 'max: "60 parsecs"'),                                  # bad unit
           ("file: source.txt", "file: missing.txt"),                                         # missing source
           ("pass:\n        de: [Die Clips von Sora sind bis zu einer Minute lang., "
            "Sora-Clips sind bis zu 60 Sekunden lang.]", "pass: []"))                         # empty examples
    + fact("sora.three", ("bis zu 60 Sekunden lang\"", "bis zu 60 Sekunden kurz\""),          # quote not in source
           ("subject: sora", "subject: soar"))                                                # unknown subject
    + fact("sora.one", ("topic: clip_length", "topic: [clip_length]"))                        # duplicate id, wrong type
)
PLANTED_ERRORS = [     # (the planted text on the line reported, the error)
    ("severty:", 'rule "sora.one": field "severty" is not a key of a fact; did you mean "severity"?'),
    ("as_of: 2024-02-30", 'rule "sora.one": field "as_of" is not a calendar date (got \'2024-02-30\')'),
    ("cuse:", 'rule "sora.one": field "scope.cuse" is not a key of scope; did you mean "cues"?'),
    ("missing.txt", 'rule "sora.two": field "sources.file" names \'missing.txt\', which is in none of the seed directories'),
    ("60 parsecs", 'rule "sora.two": field "expected.max" must be a duration such as "60 s"'),
    ("pass: []", 'rule "sora.two": field "examples.pass" must have at least 1 entry'),
    ("Sekunden kurz", 'rule "sora.three": field "sources.quote" is not in source.txt: the first 34 characters match'),
    ("subject: soar", 'rule "sora.three": field "scope.subject" names unknown subject \'soar\'; did you mean "sora"?'),
    (("id: sora.one", 2), 'rule "sora.one": id already used at rules/facts.yaml:2'),
    ("topic: [clip_length]", 'rule "sora.one": field "topic" must be a text'),
]


def _line_of(planted: str | tuple[str, int]) -> int:
    """The line of facts.yaml (a header line, then PLANTED) that holds the planted text (its nth use)."""
    text, nth = planted if isinstance(planted, tuple) else (planted, 1)
    return 2 + [n for n, line in enumerate(PLANTED.splitlines()) if text in line][nth - 1]


def test_ten_planted_mistakes_give_ten_errors_in_one_run(tmp_path):
    pack = write_pack(tmp_path, PLANTED)
    proc = subprocess.run([sys.executable, "-m", "linter", "rules", "check", "--no-config", "--rules", str(pack)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == len(PLANTED_ERRORS) == 10, proc.stderr
    for got, (planted, text) in zip(lines, PLANTED_ERRORS):
        assert got.startswith(f"factlint: rules/facts.yaml:{_line_of(planted)}: {text}"), (got, planted, text)


# --- hostile and impossible values (issue 12) ------------------------------------------------------

def _outside_file(root: Path) -> None:
    (root / "outside.txt").write_text("Die Clips sind bis zu 60 Sekunden lang", encoding="utf-8")


def _link_out_of_seeds(root: Path) -> None:
    _outside_file(root)
    (root / "seeds" / "link.txt").symlink_to(root / "outside.txt")


def _binary_seed(root: Path) -> None:
    (root / "seeds" / "binary.txt").write_bytes(b"\x7fELF\xff\xfe\x00")


def _directory_as_seed(root: Path) -> None:
    (root / "seeds" / "folder.txt").mkdir()


QUOTE = ('quote: "Die Clips sind bis zu 60 Sekunden lang"', 'quote: "Die Clips sind bis zu 60 Sekunden lang"')
HOSTILE = {
    "source-proc-file": ([("file: source.txt", "file: /proc/self/status")], None,
                         'field "sources.file" must name a file inside the seeds directory, not an absolute path'),
    "source-binary-outside": ([("file: source.txt", "file: /bin/ls")], None, "not an absolute path ('/bin/ls')"),
    "source-dot-dot": ([("file: source.txt", "file: ../outside.txt")], _outside_file, '".." leaves it'),
    "source-link-out": ([("file: source.txt", "file: link.txt")], _link_out_of_seeds, "a link that leads outside"),
    "source-not-text": ([("file: source.txt", "file: binary.txt")], _binary_seed, "which is not UTF-8 text"),
    "source-not-a-file": ([("file: source.txt", "file: folder.txt")], _directory_as_seed, "not a regular file"),
    "number-10**400": ([("measure: duration\n      max: \"60 s\"", "measure: count\n      exact: " + "1" + "0" * 400)],
                       None, 'field "expected.exact" must be between 0 and 1e+15 (got a number of about 401 digits)'),
    "number-infinite": ([("measure: duration\n      max: \"60 s\"", "measure: count\n      exact: .inf")],
                        None, 'field "expected.exact" must be a finite number'),
    "pattern-huge-repeat": ([("kind: quantity", "kind: status"),
                             ("measure: duration\n      max: \"60 s\"",
                              "state: x\n      contradicted_by: ['a{4294967295}']")],
                            None, 'field "expected.contradicted_by" has a repetition count above 1000'),
    "pattern-invalid": ([("kind: quantity", "kind: status"),
                         ("measure: duration\n      max: \"60 s\"", "state: x\n      contradicted_by: ['(a']")],
                        None, 'field "expected.contradicted_by" has an invalid regular expression'),
    "date-impossible": ([("as_of: 2024-02-26", "as_of: 2024-02-30")], None,
                        'field "as_of" is not a calendar date (got \'2024-02-30\')'),
    "date-out-of-range": ([("as_of: 2024-02-26", "as_of: 9999-12-31")], None,
                          'field "as_of" must lie in the years 1000 to 2999'),
    "decimal-comma-in-brackets": ([("de: [Die Clips von Sora sind bis zu einer Minute lang.,",
                                    "de: [Die Clips von Sora sind bis zu 1,5 Minuten lang.,")], None,
                                  'rules/facts.yaml:24: "1,5" is cut in two at its comma: in a list in brackets a comma '
                                  'separates the items; put the item in quotes'),
    "thousands-comma-in-brackets": ([("cues: [Clip*, lang]", "cues: [Clip*, 1.000,50 Euro]")], None,
                                    'rules/facts.yaml:16: "1.000,50" is cut in two at its comma'),
    "duplicate-key": ([("topic: clip_length", "topic: clip_length\n    topic: other")], None,
                      "rules/facts.yaml:5: key 'topic' is given twice in one mapping (first at line 4); keep one"),
    "wrong-type-statement": ([("statement:\n      de: Sora-Clips sind bis zu 60 Sekunden lang.\n"
                                "      en: Sora clips are up to 60 seconds long.", "statement: 5")],
                             None, 'field "statement" must be a mapping with keys de, en (got 5)'),
    "unknown-language": ([("de: Sora-Clips sind bis zu 60 Sekunden lang.", "dee: Sora-Clips.")], None,
                         'field "statement.dee" is not a key of statement; did you mean "de"?'),
    "unknown-key-in-list-entry": ([("quote: \"Die", "qoute: \"Die")], None,
                                  'field "sources.qoute" is not a key of a source; did you mean "quote"?'),
}


@pytest.mark.parametrize("changes, setup, message", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_pack_is_an_error_with_file_and_line(tmp_path, capsys, changes, setup, message):
    pack = write_pack(tmp_path, fact("sora.a", *changes))
    if setup:
        setup(tmp_path)
    assert main(["rules", "check", "--no-config", "--rules", str(pack)]) == 2
    err = capsys.readouterr().err
    assert message in err and "rules/facts.yaml:" in err, err
    assert "Traceback" not in err


def test_subjects_of_the_wrong_type(tmp_path, capsys):
    pack = write_pack(tmp_path, fact("sora.a"), subjects="subjects: 5\n")
    assert main(["rules", "check", "--no-config", "--rules", str(pack)]) == 2
    assert 'rules/subjects.yaml:1: field "subjects" must be a list of subjects (got 5)' in capsys.readouterr().err


def test_fifo_named_yaml_is_refused_not_waited_on(tmp_path):
    pack = write_pack(tmp_path, fact("sora.a"))
    os.mkfifo(pack / "stuck.yaml")
    proc = subprocess.run([sys.executable, "-m", "linter", "rules", "check", "--no-config", "--rules", str(pack)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)   # only against a hang
    assert proc.returncode == 2
    assert "factlint: rules/stuck.yaml: not a regular file" in proc.stderr


def _refuse(monkeypatch, module, name: str, denied: Path) -> None:
    """Make `module.name` (a function taking a path first) fail on `denied` as for a user without the
    right to read it (the tests may run as root, who reads everything)."""
    real = getattr(module, name)

    def guarded(path, *args, **kwargs):
        if Path(path) == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)
    monkeypatch.setattr(module, name, guarded)


def test_unreadable_rule_file(tmp_path, capsys, monkeypatch):
    pack = write_pack(tmp_path, fact("sora.a"))
    _refuse(monkeypatch, os, "open", pack / "facts.yaml")
    assert rulebook.pack_key([pack], ()) is None        # no cache then: the loader reports the file
    assert main(["rules", "check", "--no-config", "--rules", str(pack)]) == 2
    assert "factlint: rules/facts.yaml: cannot read: Permission denied" in capsys.readouterr().err


def test_unreadable_rule_directory(tmp_path, capsys, monkeypatch):
    pack = write_pack(tmp_path, fact("sora.a"))
    _refuse(monkeypatch, os, "listdir", pack)
    _refuse(monkeypatch, os, "scandir", pack)           # Path.iterdir, as pack_key lists the directory
    assert main(["rules", "check", "--no-config", "--rules", str(pack)]) == 2
    assert f"factlint: {pack}: cannot read the rule directory: Permission denied" in capsys.readouterr().err


# --- packs that load but could not work ------------------------------------------------------------

def test_empty_pack_directory(tmp_path, capsys):
    (tmp_path / "rules").mkdir()
    assert main(["rules", "check", "--no-config", "--rules", str(tmp_path / "rules")]) == 2
    err = capsys.readouterr().err
    assert "no rule files (*.yaml) in this directory: write facts as docs/rule-format.md shows" in err


def test_pack_without_facts(tmp_path, capsys):
    pack = write_pack(tmp_path, "")
    assert main(["rules", "check", "--no-config", "--rules", str(pack)]) == 2
    assert "the pack has no facts: add a file with a top-level list `facts:`" in capsys.readouterr().err


MINIMAL_SORA = "subjects:\n  - id: sora\n    kind: product\n    names: [Sora]\n"


def test_pack_that_redefines_a_subject_of_another_pack(tmp_path, capsys):
    pack = write_pack(tmp_path, fact("desk.sora.a"), subjects=MINIMAL_SORA)
    assert main(["rules", "check", "--no-config", "--rules", str(default_rules_dir()), "--rules", str(pack)]) == 2
    err = capsys.readouterr().err
    assert ('factlint: rules/subjects.yaml:2: subject "sora" is already defined at rules/subjects.yaml:' in err and
            "by another loaded pack; give yours another id, or load only your pack" in err), err


def test_a_word_for_word_copy_of_a_subject_is_no_redefinition(tmp_path):
    subjects = (default_rules_dir() / "subjects.yaml").read_text(encoding="utf-8")
    pack = write_pack(tmp_path, fact("desk.sora.a"), subjects=subjects)
    book = load_pack([default_rules_dir(), pack], (default_seeds_dir(),))
    assert "desk.sora.a" in {r.id for r in book.rules}


def test_subject_defined_twice_in_one_pack(tmp_path):
    pack = write_pack(tmp_path, fact("sora.a"))
    (pack / "more.yaml").write_text(MINIMAL_SORA.replace("[Sora]", "[Sora, OpenAI Sora]"), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_pack([pack])
    assert any('rules/subjects.yaml:2: subject "sora" is already defined at rules/more.yaml:2; give one of them '
               'another id' in m
               for m in caught.value.messages), caught.value.messages


# --- sources -------------------------------------------------------------------------------------

def test_missing_seed_names_where_it_was_looked_for(tmp_path):
    pack = write_pack(tmp_path, fact("sora.a", ("file: source.txt", "file: missing.txt")))
    with pytest.raises(RuleError) as caught:
        load_pack([pack], (default_seeds_dir(),))
    looked = f"({tmp_path / 'seeds'}, {pack / 'seeds'}, {default_seeds_dir()}; see docs/rule-format.md)"
    assert caught.value.messages == [
        f"rules/facts.yaml:11: rule \"sora.a\": field \"sources.file\" names 'missing.txt', which is in none of the "
        f"seed directories {looked}"]


DIVERGENCE = {
    "late": ("Sora erzeugt Videos, die realistisch aussehen",
             'the first 25 characters match ("…Sora erzeugt Videos, die "), then the quote has "realistisch aussehen" '
             'where the source has "sehr realistisch aussehen."'),
    "at-the-start": ("Sora macht Videos, die sehr realistisch aussehen",
                     "its start is not in the source; the nearest passage is \"Sora erzeugt Videos, die sehr "
                     "realistisch aussehen.\""),
    "nothing-alike": ("Xq", "no passage of the source resembles it"),
}


@pytest.mark.parametrize("quote, message", DIVERGENCE.values(), ids=DIVERGENCE.keys())
def test_quote_not_in_source_shows_where_they_part(tmp_path, quote, message):
    pack = write_pack(tmp_path, fact("sora.a", ('quote: "Die Clips sind bis zu 60 Sekunden lang"', f'quote: "{quote}"')))
    with pytest.raises(RuleError) as caught:
        load_pack([pack])
    assert caught.value.messages[0].startswith('rules/facts.yaml:12: rule "sora.a": field "sources.quote" is not in '
                                               f"source.txt: {message}"), caught.value.messages


# --- the editor's schema refuses what the loader refuses --------------------------------------------

SHAPE_MISTAKES = {
    "unknown-key": [("severity: error", "severty: error")],
    "nested-typo": [("cues: [Clip*, lang]", "cuse: [Clip*, lang]")],
    "impossible-date": [("as_of: 2024-02-26", "as_of: 2024-02-30")],
    "wrong-type": [("topic: clip_length", "topic: [clip_length]")],
    "empty-examples": [("pass:\n        de: [Die Clips von Sora sind bis zu einer Minute lang., "
                        "Sora-Clips sind bis zu 60 Sekunden lang.]", "pass: []")],
    "huge-number": [('max: "60 s"', "max: 1.0e+300")],
    "key-of-another-kind": [('max: "60 s"', 'max: "60 s"\n      state: released')],
    "unknown-severity": [("severity: error", "severity: fatal")],
    "missing-required": [("    topic: clip_length\n", "")],
}


@pytest.mark.parametrize("changes", SHAPE_MISTAKES.values(), ids=SHAPE_MISTAKES.keys())
def test_json_schema_and_loader_refuse_the_same_shapes(tmp_path, editor_yaml, changes):
    import jsonschema

    from linter import schema
    validator = jsonschema.Draft7Validator(schema.json_schema(), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert not list(validator.iter_errors(editor_yaml("facts:\n" + fact("sora.a"))))
    assert list(validator.iter_errors(editor_yaml("facts:\n" + fact("sora.a", *changes))))
    with pytest.raises(RuleError):
        load_pack([write_pack(tmp_path, fact("sora.a", *changes))])
