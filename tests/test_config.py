"""Configuration: discovery and precedence, the effect of each key, and errors that name file and line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from linter import rulebook
from linter.cli import main
from linter.globs import compile_glob
from linter.resources import default_rules_dir

FRONT = "---\ndate: 2024-03-01\n---\n"
CLIP = FRONT + "# Sora\n\nDie Clips von Sora sind bis zu zwei Minuten lang.\n"      # sora.clip.max-length, line 6
CLIP_RULE = "sora.clip.max-length"
EXTRA_RULE = "extra.clip.max-length"
# a state fact without `until`: trusted for fact_window days after its as_of (2024-02-26)
ROLE = "---\ndate: 2024-12-01\n---\nDer Stanford-Forscher Hany Farid warnt vor Deepfakes mit Sora.\n"
ROLE_UNDECLARED = "Der Stanford-Forscher Hany Farid warnt vor Deepfakes mit Sora.\n"
ENGLISH_STATEMENT = "Hany Farid is an AI expert"
GERMAN_STATEMENT = "Hany Farid ist KI-Experte"


def sev(level: str, prefix: str = "sora.clip") -> str:
    """A .factlint.yaml that sets one severity."""
    return f"severity:\n  {prefix}: {level}\n"


def toml_sev(level: str, prefix: str = "sora.clip") -> str:
    return f'[tool.factlint]\nseverity = {{ "{prefix}" = "{level}" }}\n'


def write_tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def run(capsys, *argv):
    """(exit code, stdout, stderr) of one factlint call."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def findings(capsys, *argv) -> tuple[int, set]:
    """Exit code and {(path, rule, severity)} of a JSON run; paths with forward slashes."""
    code, out, err = run(capsys, "check", "--format", "json", *argv)
    assert "Traceback" not in err, err
    data = json.loads(out)
    return code, {(Path(f["path"]).as_posix(), f["rule"], f["severity"]) for f in data["findings"]}


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A temporary working directory; messages name config files relative to it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def extra_pack(tree) -> Path:
    """packs/extra: the clip-length fact again under another id, with its own subjects."""
    pack = tree / "packs" / "extra"
    pack.mkdir(parents=True)
    facts = yaml.safe_load((default_rules_dir() / "sora-quantities.yaml").read_text(encoding="utf-8"))["facts"]
    clip = next(f for f in facts if f["id"] == CLIP_RULE)
    clip["id"] = EXTRA_RULE
    (pack / "extra.yaml").write_text(yaml.safe_dump({"facts": [clip]}, allow_unicode=True), encoding="utf-8")
    (pack / "subjects.yaml").write_text((default_rules_dir() / "subjects.yaml").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    return pack


# --- discovery and precedence ------------------------------------------------------------------------

DISCOVERY = {
    "no-config-uses-defaults": ({}, "error"),
    "parent-config-applies-below": ({".factlint.yaml": sev("warning")}, "warning"),
    "nearest-wins": ({".factlint.yaml": sev("warning"), "sub/.factlint.yaml": sev("info")}, "info"),
    "nearest-pyproject-wins": ({".factlint.yaml": sev("info"), "sub/pyproject.toml": toml_sev("warning")}, "warning"),
    "factlint-yaml-beats-pyproject-in-same-dir": (
        {"sub/.factlint.yaml": sev("info"), "sub/pyproject.toml": toml_sev("warning")}, "info"),
    "pyproject-without-table-does-not-count": (
        {".factlint.yaml": sev("info"), "sub/pyproject.toml": '[project]\nname = "drafts"\n'}, "info"),
    "config-below-the-draft-does-not-apply": ({"sub/deeper/.factlint.yaml": sev("info")}, "error"),
}


@pytest.mark.parametrize("files, level", DISCOVERY.values(), ids=DISCOVERY.keys())
def test_discovery(tree, capsys, files, level):
    write_tree(tree, {**files, "sub/a.md": CLIP})
    assert findings(capsys, "sub/a.md") == (1 if level == "error" else 0, {("sub/a.md", CLIP_RULE, level)})


def test_each_draft_gets_its_own_config_in_one_run(tree, capsys):
    write_tree(tree, {"a.md": CLIP, "w/.factlint.yaml": sev("warning"), "w/b.md": CLIP,
                      "i/pyproject.toml": toml_sev("info"), "i/c.md": CLIP, "i/deeper/d.md": CLIP})
    assert findings(capsys, ".") == (1, {("a.md", CLIP_RULE, "error"), ("w/b.md", CLIP_RULE, "warning"),
                                         ("i/c.md", CLIP_RULE, "info"), ("i/deeper/d.md", CLIP_RULE, "info")})


def test_each_distinct_rule_pack_is_loaded_once(tree, capsys, monkeypatch):
    loads = []
    real = rulebook.load_pack_cached
    monkeypatch.setattr(rulebook, "load_pack_cached", lambda dirs, seeds=(): loads.append(dirs) or real(dirs, seeds))
    write_tree(tree, {"a.md": CLIP, "x/.factlint.yaml": sev("warning"), "x/b.md": CLIP,
                      "y/.factlint.yaml": sev("info"), "y/c.md": CLIP, "z/d.md": CLIP})
    code, found = findings(capsys, ".")
    assert len(found) == 4 and len(loads) == 1


CLI_OVER_CONFIG = {
    "fail-on": ("fail_on: info\n", ["--fail-on", "error"], ROLE_UNDECLARED, 0, None),
    "fact-window": ("fact_window: 30\n", ["--fact-window", "365"], ROLE, 1, GERMAN_STATEMENT),
    "lang": ("lang: en\n", ["--lang", "de", "--date", "2024-03-01"], ROLE_UNDECLARED, 1, GERMAN_STATEMENT),
    "no-config": ("disable: [role]\n", ["--no-config"], ROLE, 1, GERMAN_STATEMENT),
}


@pytest.mark.parametrize("config, argv, draft, code, message", CLI_OVER_CONFIG.values(), ids=CLI_OVER_CONFIG.keys())
def test_cli_flags_override_config(tree, capsys, config, argv, draft, code, message):
    write_tree(tree, {".factlint.yaml": config, "a.md": draft})
    got, out, _ = run(capsys, "check", *argv, "a.md")
    assert got == code
    assert message is None or message in out


def test_rules_option_replaces_configured_directories(tree, capsys, extra_pack):
    write_tree(tree, {".factlint.yaml": "rules: [packs/extra]\n", "a.md": CLIP})
    assert findings(capsys, "a.md")[1] == {("a.md", CLIP_RULE, "error"), ("a.md", EXTRA_RULE, "error")}
    assert findings(capsys, "--rules", default_rules_dir(), "a.md")[1] == {("a.md", CLIP_RULE, "error")}


def test_config_option_applies_to_every_draft(tree, capsys):
    write_tree(tree, {"shared/team.yaml": sev("warning"), "x/.factlint.yaml": sev("info"), "x/a.md": CLIP, "b.md": CLIP})
    assert findings(capsys, "--config", "shared/team.yaml", ".") == (
        0, {("x/a.md", CLIP_RULE, "warning"), ("b.md", CLIP_RULE, "warning")})


# --- what each key does ------------------------------------------------------------------------------

KEYS = {
    "rules-adds-a-directory": ("rules: [packs/extra]\n", {(CLIP_RULE, "error"), (EXTRA_RULE, "error")}),
    "default-rules-false-uses-only-listed": ("rules: [packs/extra]\ndefault_rules: false\n", {(EXTRA_RULE, "error")}),
    "disable-exact-id": (f"disable: [{CLIP_RULE}]\n", set()),
    "disable-prefix": ("disable: [sora.clip]\n", set()),
    "disable-whole-family": ("disable: [sora]\n", set()),
    "disable-prefix-is-dotted-not-textual": ("disable: [sora.cl]\n", "matches no rule"),
    "disable-other-family-keeps-ours": ("disable: [sora.leak]\n", {(CLIP_RULE, "error")}),
    "enable-selects-only-listed": ("enable: [sora.leak]\n", set()),
    "enable-listed": ("enable: [sora.clip]\n", {(CLIP_RULE, "error")}),
    "more-specific-enable-beats-disable": ("disable: [sora]\nenable: [sora.clip]\n", {(CLIP_RULE, "error")}),
    "more-specific-disable-beats-enable": ("enable: [sora]\ndisable: [sora.clip]\n", set()),
    "severity-exact-id": (f"severity:\n  {CLIP_RULE}: warning\n", {(CLIP_RULE, "warning")}),
    "severity-prefix": ("severity:\n  sora: info\n", {(CLIP_RULE, "info")}),
    "severity-most-specific-prefix-wins": ("severity:\n  sora.clip: warning\n  sora: info\n", {(CLIP_RULE, "warning")}),
    "severity-off": ("severity:\n  sora.clip: off\n", set()),
    "severity-off-quoted": ("severity:\n  sora.clip: 'off'\n", set()),
}


@pytest.mark.parametrize("config, expected", KEYS.values(), ids=KEYS.keys())
def test_key_effect(tree, capsys, extra_pack, config, expected):
    write_tree(tree, {".factlint.yaml": config, "a.md": CLIP})
    if isinstance(expected, str):
        code, _, err = run(capsys, "check", "a.md")
        assert code == 2 and expected in err
        return
    assert findings(capsys, "a.md")[1] == {("a.md", rule, level) for rule, level in expected}


FAIL_ON = {
    "default-error-warning-passes": (sev("warning"), 0),
    "fail-on-warning": (sev("warning") + "fail_on: warning\n", 1),
    "fail-on-info": (sev("info") + "fail_on: info\n", 1),
    "fail-on-error-info-passes": (sev("info") + "fail_on: error\n", 0),
}


@pytest.mark.parametrize("config, code", FAIL_ON.values(), ids=FAIL_ON.keys())
def test_fail_on(tree, capsys, config, code):
    write_tree(tree, {".factlint.yaml": config, "a.md": CLIP})
    assert run(capsys, "check", "a.md")[0] == code


def test_fail_on_is_per_config(tree, capsys):
    write_tree(tree, {"strict/.factlint.yaml": sev("warning") + "fail_on: warning\n", "strict/a.md": CLIP,
                      "lax/.factlint.yaml": sev("warning"), "lax/b.md": CLIP})
    assert run(capsys, "check", "lax")[0] == 0
    assert run(capsys, "check", "lax", "strict")[0] == 1


def test_fact_window(tree, capsys):
    write_tree(tree, {"a.md": ROLE, "short/.factlint.yaml": "fact_window: 30\n", "short/b.md": ROLE})
    assert findings(capsys, ".")[1] == {("a.md", "role.hany-farid", "error"), ("short/b.md", "role.hany-farid", "info")}


LANG = {
    "config-lang-for-undeclared-draft": ("lang: en\n", ROLE_UNDECLARED, ENGLISH_STATEMENT),
    "front-matter-lang-beats-config": ("lang: en\n", "---\nlang: de\n---\n" + ROLE_UNDECLARED, GERMAN_STATEMENT),
    "config-lang-de": ("lang: de\n", ROLE_UNDECLARED, GERMAN_STATEMENT),
}


@pytest.mark.parametrize("config, draft, statement", LANG.values(), ids=LANG.keys())
def test_lang(tree, capsys, config, draft, statement):
    write_tree(tree, {".factlint.yaml": config, "a.md": draft})
    code, out, _ = run(capsys, "check", "--date", "2024-03-01", "a.md")
    assert code == 1 and statement in out


TREE = ["a.md", "drafts/b.md", "drafts/archive/c.md", "notes/d.md", "notes/e.txt"]
INCLUDE_EXCLUDE = {
    "no-patterns": ("", ["."], TREE),
    "include-directory": ("include: [drafts]\n", ["."], ["drafts/b.md", "drafts/archive/c.md"]),
    "include-double-star": ("include: ['drafts/**/*.md']\n", ["."], ["drafts/b.md", "drafts/archive/c.md"]),
    "include-star-stays-in-one-directory": ("include: ['drafts/*.md']\n", ["."], ["drafts/b.md"]),
    "include-name-at-any-depth": ("include: ['*.txt']\n", ["."], ["notes/e.txt"]),
    "exclude-directory-name-at-any-depth": ("exclude: [archive]\n", ["."], ["a.md", "drafts/b.md", "notes/d.md", "notes/e.txt"]),
    "exclude-anchored": ("exclude: ['drafts/archive/**']\n", ["."], ["a.md", "drafts/b.md", "notes/d.md", "notes/e.txt"]),
    "include-then-exclude": ("include: [drafts]\nexclude: [c.md]\n", ["."], ["drafts/b.md"]),
    "relative-to-config-not-cwd": ("include: [drafts]\n", ["drafts"], ["drafts/b.md", "drafts/archive/c.md"]),
    "named-file-linted-though-not-included": ("include: [drafts]\n", ["notes/d.md"], ["notes/d.md"]),
    "named-file-skipped-when-excluded": ("exclude: [notes]\n", ["notes/d.md", "a.md"], ["a.md"]),
}


@pytest.mark.parametrize("config, argv, linted", INCLUDE_EXCLUDE.values(), ids=INCLUDE_EXCLUDE.keys())
def test_include_exclude(tree, capsys, config, argv, linted):
    write_tree(tree, {".factlint.yaml": config, **{name: CLIP for name in TREE}})
    _, found = findings(capsys, *argv)
    assert sorted(path for path, _, _ in found) == sorted(linted)


def test_patterns_are_relative_to_the_config_of_a_subdirectory(tree, capsys):
    write_tree(tree, {"drafts/.factlint.yaml": "exclude: [archive/*.md]\n", **{name: CLIP for name in TREE}})
    _, found = findings(capsys, ".")
    assert sorted(path for path, _, _ in found) == ["a.md", "drafts/b.md", "notes/d.md", "notes/e.txt"]


GLOBS = {
    "star": ("*.md", "a/b.md", True),
    "star-not-other-suffix": ("*.md", "a/b.txt", False),
    "anchored-star-one-level": ("a/*.md", "a/x/b.md", False),
    "double-star-any-depth": ("a/**/b.md", "a/x/y/b.md", True),
    "double-star-zero-depth": ("a/**/b.md", "a/b.md", True),
    "directory-covers-contents": ("a/x", "a/x/y/b.md", True),
    "leading-slash-anchors": ("/b.md", "a/b.md", False),
    "question-mark": ("?.md", "b.md", True),
    "character-class": ("[ab].md", "b.md", True),
    "negated-class": ("[!ab].md", "b.md", False),
    "dot-is-literal": ("b.md", "bxmd", False),
    # a glob translated to a backtracking regex took minutes or hung on these (issue 12)
    "twenty-stars-long-name": ("*" * 20 + "x", "a" * 5000, False),
    "twenty-stars-match": ("*" * 20 + "x", "a" * 5000 + "x", True),
    "twelve-double-stars-deep-path": ("**/" * 12 + "x.md", "/".join(["d"] * 400) + "/y.md", False),
    "twelve-double-stars-match": ("**/" * 12 + "x.md", "/".join(["d"] * 400) + "/x.md", True),
}


@pytest.mark.parametrize("pattern, path, matches", GLOBS.values(), ids=GLOBS.keys())
def test_glob(pattern, path, matches):
    assert compile_glob(pattern).match(path) is matches


# --- factlint's own findings follow the configuration too ---------------------------------------------

UNUSED_DIRECTIVE = CLIP.replace("lang.\n", "lang.\n\n<!-- factlint-disable-line sora.leak -->\n")
META = {
    "defaults": ("", {(CLIP_RULE, "error"), ("factlint.suppression.unused", "info"),
                      ("factlint.suppression.no-reason", "warning")}),
    "disable-one": ("disable: [factlint.suppression.unused]\n",
                    {(CLIP_RULE, "error"), ("factlint.suppression.no-reason", "warning")}),
    "severity-prefix": ("severity:\n  factlint.suppression: error\n", {(CLIP_RULE, "error"),
                        ("factlint.suppression.unused", "error"), ("factlint.suppression.no-reason", "error")}),
    "enable-does-not-drop-them": ("enable: [sora]\n", {(CLIP_RULE, "error"), ("factlint.suppression.unused", "info"),
                                                       ("factlint.suppression.no-reason", "warning")}),
}


@pytest.mark.parametrize("config, expected", META.values(), ids=META.keys())
def test_meta_findings_follow_config(tree, capsys, config, expected):
    write_tree(tree, {".factlint.yaml": config, "a.md": UNUSED_DIRECTIVE})
    assert findings(capsys, "a.md")[1] == {("a.md", rule, level) for rule, level in expected}


def test_facts_command_lists_the_configured_pack(tree, capsys, extra_pack):
    write_tree(tree, {"pyproject.toml": '[tool.factlint]\nrules = ["packs/extra"]\ndefault_rules = false\n'})
    code, out, _ = run(capsys, "facts", "--format", "json")
    assert code == 0 and [f["id"] for f in json.loads(out)["facts"]] == [EXTRA_RULE]


# --- errors name file and line -------------------------------------------------------------------------

ERRORS = {
    "yaml-unknown-key-suggests": (".factlint.yaml", "fail_on: error\nrule: [x]\n",
                                  '.factlint.yaml:2: unknown key "rule"; did you mean "rules"?'),
    "yaml-unknown-key-lists-keys": (".factlint.yaml", "colour: red\n", '.factlint.yaml:1: unknown key "colour" (known keys: rules,'),
    "yaml-bad-severity": (".factlint.yaml", "lang: de\nseverity:\n  sora.clip: loud\n",
                          '.factlint.yaml:3: severity: "sora.clip": must be error, warning, info or off'),
    "yaml-severity-not-mapping": (".factlint.yaml", "severity: [sora]\n", ".factlint.yaml:1: severity: must map"),
    "yaml-bad-fail-on": (".factlint.yaml", "\nfail_on: never\n", ".factlint.yaml:2: fail_on: must be one of error, warning, info"),
    "yaml-bad-fact-window": (".factlint.yaml", "fact_window: a year\n", ".factlint.yaml:1: fact_window: must be a whole number"),
    "yaml-negative-fact-window": (".factlint.yaml", "fact_window: -1\n", ".factlint.yaml:1: fact_window:"),
    "yaml-bool-fact-window": (".factlint.yaml", "fact_window: true\n", ".factlint.yaml:1: fact_window:"),
    "yaml-bad-lang": (".factlint.yaml", "lang: fr\n", ".factlint.yaml:1: lang: must be one of de, en, not 'fr'"),
    "yaml-default-rules-not-bool": (".factlint.yaml", "default_rules: maybe\n", ".factlint.yaml:1: default_rules: must be true or false"),
    "yaml-default-rules-false-alone": (".factlint.yaml", "default_rules: false\n",
                                       ".factlint.yaml:1: default_rules: false needs at least one directory in `rules`"),
    "yaml-missing-rules-dir": (".factlint.yaml", "rules: [nowhere]\n", '.factlint.yaml:1: rules: "nowhere" is not a directory'),
    "yaml-disable-not-list": (".factlint.yaml", "disable: {sora: 1}\n", ".factlint.yaml:1: disable: must be a list of strings"),
    "yaml-bad-prefix": (".factlint.yaml", "disable: [Sora Leak]\n", '.factlint.yaml:1: disable: "Sora Leak" is not a rule id'),
    "yaml-unknown-prefix": (".factlint.yaml", "\n\nenable: [sora.leek]\n", '.factlint.yaml:3: enable: "sora.leek" matches no rule'),
    "yaml-unknown-severity-prefix": (".factlint.yaml", "severity:\n  sora: info\n  sora.lek: off\n",
                                     '.factlint.yaml:3: severity: "sora.lek" matches no rule'),
    "yaml-bad-exclude": (".factlint.yaml", "exclude: 3\n", ".factlint.yaml:1: exclude: must be a list of strings"),
    "yaml-not-a-mapping": (".factlint.yaml", "- disable\n", ".factlint.yaml:1: the configuration must be a mapping"),
    "yaml-invalid": (".factlint.yaml", "disable: [a\nlang: de\n", ".factlint.yaml:2: invalid YAML"),
    "yaml-duplicate-key": (".factlint.yaml", "lang: de\nfail_on: info\nlang: en\n",
                           ".factlint.yaml:3: key 'lang' is given twice in one mapping (first at line 1); keep one"),
    "toml-unknown-key": ("pyproject.toml", '[project]\nname = "x"\n\n[tool.factlint]\nfail_on = "error"\nfial_on = "x"\n',
                         'pyproject.toml:6: unknown key "fial_on"; did you mean "fail_on"?'),
    "toml-bad-value": ("pyproject.toml", '[tool.factlint]\nlang = "de"\nfact_window = "long"\n',
                       "pyproject.toml:3: fact_window: must be a whole number"),
    "toml-subtable-entry": ("pyproject.toml", '[tool.factlint]\nlang = "de"\n\n[tool.factlint.severity]\nsora = "info"\n"sora.clip" = "loud"\n',
                            'pyproject.toml:6: severity: "sora.clip": must be'),
    "toml-dotted-key": ("pyproject.toml", '[tool.factlint]\nlang = "de"\nseverity."sora.clip" = "loud"\n',
                        'pyproject.toml:3: severity: "sora.clip": must be'),
    "toml-inline-table": ("pyproject.toml", '[tool.factlint]\n\nseverity = { "sora.clip" = "loud" }\n',
                          'pyproject.toml:3: severity: "sora.clip": must be'),
    "toml-same-key-in-other-table-ignored": ("pyproject.toml", '[tool.other]\nlang = "fr"\n[tool.factlint]\nlang = "fr"\n',
                                             "pyproject.toml:4: lang: must be one of de, en"),
    "toml-table-not-table": ("pyproject.toml", 'tool.factlint = "on"\n', "pyproject.toml:1: [tool.factlint] must be a table"),
    "toml-invalid": ("pyproject.toml", '[tool.factlint]\nlang = \n', "pyproject.toml:2:8: invalid TOML"),
}


@pytest.mark.parametrize("name, text, message", ERRORS.values(), ids=ERRORS.keys())
def test_config_errors(tree, capsys, name, text, message):
    write_tree(tree, {name: text, "a.md": CLIP})
    code, out, err = run(capsys, "check", "a.md")
    assert (code, out) == (2, "")
    assert f"factlint: {message}" in err and "Traceback" not in err


def test_all_errors_of_a_file_are_reported_in_line_order(tree, capsys):
    write_tree(tree, {".factlint.yaml": "lang: fr\nfail_on: never\nrule: x\n", "a.md": CLIP})
    _, _, err = run(capsys, "check", "a.md")
    assert [line.split(":")[2] for line in err.splitlines()] == ["1", "2", "3"]


def test_bad_config_is_an_error_even_without_drafts(tree, capsys):
    write_tree(tree, {".factlint.yaml": "lang: fr\n"})
    assert run(capsys, "check", ".")[0] == 2


def test_broken_pyproject_without_factlint_is_ignored(tree, capsys):
    write_tree(tree, {"pyproject.toml": "[project\nname =\n", "a.md": CLIP})
    assert run(capsys, "check", "a.md")[0] == 1


def test_explicit_config_without_table_is_an_error(tree, capsys):
    write_tree(tree, {"pyproject.toml": '[project]\nname = "x"\n', "a.md": CLIP})
    code, _, err = run(capsys, "check", "--config", "pyproject.toml", "a.md")
    assert code == 2 and "pyproject.toml: has no [tool.factlint] table" in err


def test_rules_directories_are_relative_to_the_config_file(tree, capsys, extra_pack, monkeypatch):
    write_tree(tree, {".factlint.yaml": "rules: [packs/extra]\ndefault_rules: false\n", "drafts/a.md": CLIP})
    monkeypatch.chdir(tree / "drafts")
    assert findings(capsys, "a.md")[1] == {("a.md", EXTRA_RULE, "error")}


def test_every_config_sharing_a_pack_has_its_prefixes_checked(tree, capsys):
    write_tree(tree, {"a/.factlint.yaml": "disable: [sora.leak]\n", "a/x.md": CLIP,
                      "b/.factlint.yaml": "disable: [sora.leek]\n", "b/y.md": CLIP})
    code, _, err = run(capsys, "check", ".")
    assert code == 2 and 'b/.factlint.yaml:1: disable: "sora.leek" matches no rule' in err


def test_default_fact_window_matches_the_engine():
    from linter import config, engine
    assert config.DEFAULT_FACT_WINDOW == engine.DEFAULT_FACT_WINDOW
