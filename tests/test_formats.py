"""The CI output formats: SARIF 2.1.0, GitHub workflow commands, GitLab Code Quality.

Golden files live in tests/golden/; regenerate them with `FACTLINT_UPDATE_GOLDEN=1 pytest tests/test_formats.py`
and review the diff. tests/fixtures/sarif-schema-2.1.0.json is the OASIS schema with errata, byte for byte
(oasis-tcs/sarif-spec, sarif-2.1/schema/sarif-schema-2.1.0.json, sha256 c3b4bb2d…682e).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import json
import os
from pathlib import Path

import jsonschema
import pytest

from linter.cli import main
from linter.findings import Finding, Severity, Source
from linter import formatters
from linter.formatters import (FINGERPRINT_KEY, FORMATTERS, WRITERS, Report, artifact_uri, claim_key, fingerprints,
                               format_github, format_gitlab, format_sarif, github_data, github_property)

TESTS = Path(__file__).parent
REPO = TESTS.parent
GOLDEN = TESTS / "golden"
EVAL_DEV = REPO.parent / "shared" / "eval" / "dev"
SCHEMA = json.loads((TESTS / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

CLIP = (Source("000_e29242dfc48dce4d.txt", "hochauflösende Videos von bis zu einer Minute Länge"),
        Source("001_ca2edc47b6922949.txt", "Die Clips sind bis zu 60 Sekunden lang"))
LEAK = (Source("002_0d211d14ff6ebacc.txt", "in einer Auflösung von bis zu 1024 mal 768 Pixeln"),)
NAME = (Source("003_133268b94bc7fa67.txt", "das von den ChatGPT-Entwicklern OpenAI entwickelt wurde"),)
CLIP_DE = "Sora erzeugt Clips von bis zu 60 Sekunden (einer Minute) Länge."
LEAK_EN = "Through the leak, videos of up to 1024 × 768 pixels could be generated."
NAME_DE = "Das Unternehmen hinter Sora, DALL·E und ChatGPT heißt „OpenAI“."


def message(found: str, reading: str, statement: str, source: Source, as_of: str, note: str = "") -> str:
    """A message the way the engine writes it."""
    reading = f" (= {reading})" if reading else ""
    return f'"{found}"{reading} \u2014 {statement} ({source.file}: "{source.quote}", as of {as_of})' + note


def finding(path, line, column, end_line, end_column, rule, severity, found, reading, expected, statement,
            sources, as_of, note="", replacement=None) -> Finding:
    return Finding(path=path, line=line, column=column, end_line=end_line, end_column=end_column, rule=rule,
                   severity=severity, message=message(found, reading, statement, sources[0], as_of, note),
                   found=found, expected=expected, as_of=as_of, sources=sources, replacement=replacement)


# Deterministic findings: a path with a space and a non-ASCII character, a claim spanning two lines, each
# severity, a fix, the same claim twice in one file, and a message with %, comma and colon.
FINDINGS = (
    finding("drafts/Sora Überblick.md", 7, 12, 7, 18, "name.openai", Severity.ERROR, "Open AI", "", "OpenAI",
            NAME_DE, NAME, "2024-11-27", replacement="OpenAI"),
    finding("drafts/Sora Überblick.md", 9, 41, 10, 14, "sora.clip.max-length", Severity.WARNING,
            "bis zu\nzwei Minuten", "up to 2 min", "up to 60 s", CLIP_DE, CLIP, "2024-02-26"),
    finding("drafts/Sora Überblick.md", 15, 5, 15, 24, "sora.clip.max-length", Severity.ERROR,
            "bis zu zwei Minuten", "up to 2 min", "up to 60 s", CLIP_DE, CLIP, "2024-02-26"),
    finding("drafts/Sora Überblick.md", 21, 1, 21, 20, "sora.clip.max-length", Severity.ERROR,
            "bis zu zwei Minuten", "up to 2 min", "up to 60 s", CLIP_DE, CLIP, "2024-02-26"),
    finding("drafts/leak.md", 3, 30, 3, 37, "sora.leak.resolution", Severity.INFO, "Full HD", "1920x1080",
            "up to 1024x768", LEAK_EN, LEAK, "2024-11-27",
            note=" [in a quotation: 100% sure, says the source]"),
)
REPORT = Report(FINDINGS, files=2)


@dataclasses.dataclass(frozen=True)
class StubRule:
    """The attributes of linter.rulebook.Rule that the formatters read."""

    id: str
    statement: dict
    sources: tuple
    as_of: dt.date
    severity: Severity


RULES = (
    StubRule("name.openai", {"de": NAME_DE, "en": 'The company is spelt "OpenAI".'}, NAME,
             dt.date(2024, 11, 27), Severity.ERROR),
    StubRule("sora.clip.max-length", {"de": CLIP_DE, "en": "Sora makes clips of up to 60 seconds."}, CLIP,
             dt.date(2024, 2, 26), Severity.ERROR),
    StubRule("sora.leak.resolution", {"de": "Über den Leak ließen sich Videos bis 1024 × 768 Pixel erzeugen.",
                                      "en": LEAK_EN}, LEAK, dt.date(2024, 11, 27), Severity.WARNING),
    StubRule("sora.unused", {"en": "Not reported."}, NAME, dt.date(2024, 1, 1), Severity.ERROR),
)


def assert_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/<name>; with FACTLINT_UPDATE_GOLDEN=1, rewrite the file instead."""
    path = GOLDEN / name
    if os.environ.get("FACTLINT_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), f"{path} missing; run with FACTLINT_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_bytes().decode("utf-8"), f"{name} differs from the golden file"


def assert_valid_sarif(text: str) -> dict:
    log = json.loads(text)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return log


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- golden output ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, formatter, report", [
    ("report.sarif", format_sarif, REPORT),
    ("report-with-rules.sarif", format_sarif, dataclasses.replace(REPORT, rules=RULES)),
    ("report.github.txt", format_github, REPORT),
    ("report.gitlab.json", format_gitlab, REPORT),
    ("report.txt", FORMATTERS["text"], REPORT),
    ("report.json", FORMATTERS["json"], REPORT),
], ids=lambda value: value if isinstance(value, str) else "")
def test_golden(name, formatter, report):
    assert_golden(name, formatter(report))


def test_formats_are_registered_and_deterministic():
    assert {"text", "json", "sarif", "github", "gitlab"} <= set(FORMATTERS)
    for name in ("sarif", "github", "gitlab"):
        assert FORMATTERS[name](REPORT) == FORMATTERS[name](REPORT)


# --- written file by file -----------------------------------------------------------------------------

WRITER_REPORTS = (REPORT, dataclasses.replace(REPORT, rules=RULES), Report((), 0),
                  Report(FINDINGS, 3, (("drafts/bad file.md", "not valid UTF-8"),)),
                  # files in another order than their paths': SARIF takes a rule's text from its first finding by
                  # position, which here is in the last file
                  Report(FINDINGS + (finding("drafts/0 intro.md", 2, 1, 2, 13, "sora.clip.max-length",
                                             Severity.WARNING, "zwei Minuten", "2 min", "up to 60 s",
                                             "Sora makes clips of up to 60 seconds.", CLIP[1:], "2024-02-27"),), 3))


def write_by_file(name: str, report: Report) -> str:
    """The format written as `factlint check` writes it: each file's findings as that file is done."""
    out = io.StringIO()
    writer = WRITERS[name](out, report.rules)
    for _, findings in itertools.groupby(report.findings, key=lambda f: f.path):
        writer.add(list(findings))
        writer.add([])                  # a clean draft
    writer.close(report.files, report.read_errors)
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_writing_file_by_file_gives_the_whole_report(name, monkeypatch):
    monkeypatch.setattr(formatters, "SPOOL_BYTES", 10)       # SARIF's waiting results go to a real file
    for report in WRITER_REPORTS:
        assert write_by_file(name, report) == FORMATTERS[name](report)


def test_sarif_rule_without_the_pack_is_described_by_its_first_finding_by_position():
    report = WRITER_REPORTS[-1]         # that finding is in the last file
    for text in (format_sarif(report), write_by_file("sarif", report)):
        clip = json.loads(text)["runs"][0]["tool"]["driver"]["rules"][1]
        assert clip["shortDescription"]["text"] == "Sora makes clips of up to 60 seconds."
        assert clip["properties"]["as_of"] == "2024-02-27"


@pytest.mark.parametrize("name", ["json", "sarif", "gitlab"])
def test_json_written_item_by_item_is_what_json_dumps_writes(name):
    for report in WRITER_REPORTS:
        text = write_by_file(name, report)
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


# --- SARIF --------------------------------------------------------------------------------------------

def test_sarif_is_schema_valid_with_github_required_properties():
    for report in (REPORT, dataclasses.replace(REPORT, rules=RULES), Report((), 0),
                   Report(FINDINGS, 3, (("drafts/bad.md", "not valid UTF-8"),))):
        log = assert_valid_sarif(format_sarif(report))
        run_ = log["runs"][0]
        assert log["version"] == "2.1.0" and len(log["runs"]) == 1
        assert run_["columnKind"] == "unicodeCodePoints"
        driver = run_["tool"]["driver"]
        assert driver["name"] == "factlint" and driver["version"]
        for rule in driver["rules"]:
            assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
        for result in run_["results"]:
            assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_rules_and_results():
    run_ = json.loads(format_sarif(REPORT))["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["name.openai", "sora.clip.max-length", "sora.leak.resolution"]
    clip = rules[1]
    assert clip["shortDescription"]["text"] == CLIP_DE
    assert CLIP[1].file in clip["help"]["text"] and CLIP[1].quote in clip["help"]["text"]
    assert "2024-02-26" in clip["help"]["text"]
    levels = [r["level"] for r in run_["results"]]
    assert levels == ["error", "warning", "error", "error", "note"]
    multi = run_["results"][1]["locations"][0]["physicalLocation"]
    assert multi["artifactLocation"]["uri"] == "drafts/Sora%20%C3%9Cberblick.md"
    assert multi["region"] == {"startLine": 9, "startColumn": 41, "endLine": 10, "endColumn": 14}
    fix = run_["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "OpenAI" and fix["deletedRegion"]["startColumn"] == 12
    assert run_["invocations"] == [{"executionSuccessful": True}]


def test_sarif_rules_from_the_pack_carry_both_statements_and_default_level():
    rules = json.loads(format_sarif(dataclasses.replace(REPORT, rules=RULES)))["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["name.openai", "sora.clip.max-length", "sora.leak.resolution"]
    leak = rules[2]
    assert leak["shortDescription"]["text"].startswith("Über den Leak")
    assert "en: " + LEAK_EN in leak["fullDescription"]["text"]
    assert leak["defaultConfiguration"] == {"level": "warning"}


def test_sarif_reports_unreadable_files_as_notifications():
    log = assert_valid_sarif(format_sarif(Report((), 1, (("drafts/bad file.md", "not valid UTF-8"),))))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["message"]["text"] == "not valid UTF-8"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/bad%20file.md"


def test_artifact_uris():
    assert artifact_uri("./drafts/a b.md") == "drafts/a%20b.md"
    assert artifact_uri("über:1.md") == "%C3%BCber%3A1.md"      # a colon must not read as a URI scheme
    assert artifact_uri("/srv/news/a b.md") == "file:///srv/news/a%20b.md"
    assert artifact_uri("../shared/x.md") == "../shared/x.md"


# --- fingerprints -------------------------------------------------------------------------------------

def test_fingerprints_ignore_position_but_not_rule_path_or_claim():
    first = FINDINGS[2]
    base = fingerprints([first])[0]
    moved = dataclasses.replace(first, line=first.line + 40, end_line=first.end_line + 40, column=1, end_column=20)
    assert fingerprints([moved]) == [base]
    respaced = dataclasses.replace(first, found="Bis zu\n  zwei  Minuten")
    assert fingerprints([respaced]) == [base]
    assert claim_key("Bis zu\n  zwei  Minuten") == "bis zu zwei minuten"
    for change in ({"rule": "other.rule"}, {"path": "drafts/other.md"}, {"found": "bis zu drei Minuten"}):
        assert fingerprints([dataclasses.replace(first, **change)]) != [base]


def test_repeated_claims_get_distinct_fingerprints():
    prints = fingerprints(FINDINGS)
    assert len(set(prints)) == len(prints)
    # findings 1-3 make the same claim (1 spans two lines); the first keeps the plain fingerprint, the
    # repeats get their own, and the order of the input does not matter
    assert prints[1] == fingerprints([FINDINGS[1]])[0] == fingerprints([FINDINGS[2]])[0]
    assert fingerprints(FINDINGS[::-1]) == prints[::-1]


def test_fingerprints_survive_lines_inserted_above_a_claim(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = Path("story.md")
    front = "---\ndate: 2024-03-01\n---\n"
    body = "# Sora\n\nOpenAI zeigt Sora. Die Clips von Sora sind bis zu zwei Minuten lang.\n"
    draft.write_text(front + body, encoding="utf-8")
    before = [run(capsys, "check", "--format", fmt, str(draft)) for fmt in ("sarif", "gitlab")]
    draft.write_text(front + "Vorspann.\n\nNoch ein Absatz,\nüber zwei Zeilen.\n\n" + body, encoding="utf-8")
    after = [run(capsys, "check", "--format", fmt, str(draft)) for fmt in ("sarif", "gitlab")]

    sarif_before, sarif_after = (json.loads(out)["runs"][0]["results"] for _, out, _ in (before[0], after[0]))
    assert len(sarif_before) == len(sarif_after) == 1
    line = lambda r: r["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert line(sarif_after[0]) == line(sarif_before[0]) + 5
    assert sarif_after[0]["partialFingerprints"] == sarif_before[0]["partialFingerprints"]
    gitlab_before, gitlab_after = (json.loads(out) for _, out, _ in (before[1], after[1]))
    assert gitlab_after[0]["location"]["lines"]["begin"] == gitlab_before[0]["location"]["lines"]["begin"] + 5
    assert gitlab_after[0]["fingerprint"] == gitlab_before[0]["fingerprint"]
    assert gitlab_after[0]["fingerprint"] == sarif_after[0]["partialFingerprints"][FINGERPRINT_KEY]


# --- GitHub workflow commands -------------------------------------------------------------------------

def test_github_escaping():
    assert github_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_commands():
    lines = format_github(REPORT).splitlines()
    assert len(lines) == len(FINDINGS)
    assert lines[0].startswith("::error file=drafts/Sora Überblick.md,line=7,col=12,endLine=7,endColumn=18,"
                               "title=name.openai::\"Open AI\"")
    assert lines[1].startswith("::warning file=drafts/Sora Überblick.md,line=9,endLine=10,title=sora.clip.max-length::")
    assert lines[4].startswith("::notice file=drafts/leak.md,line=3,col=30,")
    assert "100%25 sure" in lines[4]
    unreadable = format_github(Report((), 1, (("drafts/a,b.md", "cannot read: Permission denied"),)))
    assert unreadable == "::error file=drafts/a%2Cb.md,title=factlint::cannot read: Permission denied\n"


# --- GitLab Code Quality ------------------------------------------------------------------------------

def test_gitlab_report():
    issues = json.loads(format_gitlab(REPORT))
    assert [i["severity"] for i in issues] == ["major", "minor", "major", "major", "info"]
    for issue, f in zip(issues, FINDINGS):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == f.rule and issue["description"].startswith(f.rule + ": ")
        assert issue["location"] == {"path": f.path, "lines": {"begin": f.line, "end": f.end_line}}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert format_gitlab(Report((), 0)) == "[]\n"


# --- the real linter ----------------------------------------------------------------------------------

def test_examples_as_sarif_are_schema_valid(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    code, out, err = run(capsys, "check", "--format", "sarif", "examples")
    assert code in (0, 1) and err == ""
    results = assert_valid_sarif(out)["runs"][0]["results"]
    assert results, "the examples contain known errors"
    for result in results:
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("examples/")


@pytest.mark.skipif(not EVAL_DEV.is_dir(), reason="../shared/eval/dev is not available")
def test_eval_drafts_as_sarif_are_schema_valid(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    code, out, _ = run(capsys, "check", "--format", "sarif", os.path.relpath(EVAL_DEV, REPO))
    assert code in (0, 1)
    log = assert_valid_sarif(out)
    assert log["runs"][0]["results"]


@pytest.mark.parametrize("fmt", ["github", "gitlab"])
def test_examples_in_ci_formats(fmt, capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    code, out, err = run(capsys, "check", "--format", fmt, "examples")
    assert code in (0, 1) and err == "" and out
    if fmt == "gitlab":
        assert all(issue["location"]["path"].startswith("examples/") for issue in json.loads(out))
    else:
        assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out.splitlines())


def test_columns_count_code_points(tmp_path, capsys, monkeypatch):
    """columnKind says unicodeCodePoints: an emoji before the claim counts as one column, not two."""
    monkeypatch.chdir(tmp_path)
    line = "🎬 OpenAI zeigt Sora. Die Clips von Sora sind bis zu zwei Minuten lang."
    Path("emoji.md").write_text(f"---\ndate: 2024-03-01\n---\n# Sora\n\n{line}\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "sarif", "emoji.md")
    region = assert_valid_sarif(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startColumn"] == line.index("bis zu") + 1
    assert region["endColumn"] == line.index(" lang") + 1
