"""The rule format is declared once (linter/schema.py): the loader validates with it, the docs list
every key it declares, and the committed JSON Schema for editors is generated from it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from linter import schema
from linter.checks import RULE_TYPES
from linter.cli import main

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "rule-format.md"
COMMITTED_SCHEMA = REPO / "docs" / "rule-pack.schema.json"
REGENERATE = "run `python -m linter.schema` to regenerate it"


def _validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads(COMMITTED_SCHEMA.read_text(encoding="utf-8")),
                                      format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def _shipped_rule_files() -> list[Path]:
    """The default pack and every pack under examples/packs/."""
    return sorted((REPO / "rules").glob("*.yaml")) + sorted((REPO / "examples" / "packs").rglob("*.yaml"))


# --- one definition, three uses ------------------------------------------------------------------

def test_every_kind_declares_its_expected_keys():
    assert set(schema.EXPECTED) == set(RULE_TYPES)


@pytest.mark.parametrize("title, spec", schema.sections(), ids=[title for title, _ in schema.sections()])
def test_no_key_is_declared_twice(title, spec):
    paths = [path for path, _ in schema.rows(spec)]
    assert sorted(p for p in set(paths) if paths.count(p) > 1) == []


def test_committed_json_schema_is_the_generated_one():
    assert COMMITTED_SCHEMA.read_text(encoding="utf-8") == schema.json_schema_text(), REGENERATE
    jsonschema.Draft7Validator.check_schema(schema.json_schema())


def test_rules_schema_command_prints_it(capsys):
    assert main(["rules", "schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema.json_schema()


def test_key_reference_in_the_docs_is_the_generated_one():
    doc = DOC.read_text(encoding="utf-8")
    assert schema.REFERENCE_MARKERS[0] in doc
    assert schema.with_reference(doc) == doc, REGENERATE


def _prose(doc: str) -> str:
    """The hand-written part of the doc: without the generated key reference."""
    begin, end = schema.REFERENCE_MARKERS
    return doc.split(begin)[0] + doc.split(end)[-1]


@pytest.mark.parametrize("section, path", [(title, path) for title, spec in schema.sections()
                                           for path, _ in schema.rows(spec)])
def test_docs_explain_every_key_the_loader_accepts(section, path):
    """Beyond the generated table, the prose (a YAML example or the text) shows each key in use."""
    key = path.rsplit(".", 1)[-1].removesuffix("[]")
    assert re.search(rf"(?<![\w-]){re.escape(key)}(:|`)", _prose(DOC.read_text(encoding="utf-8"))), (
        f"docs/rule-format.md does not mention {path!r} of {section}")


@pytest.mark.parametrize("path", _shipped_rule_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_shipped_packs_follow_the_json_schema(path, editor_yaml):
    data = editor_yaml(path.read_text(encoding="utf-8"))
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in _validator().iter_errors(data)]
    assert problems == []


def test_shipped_rule_files_name_the_schema_for_editors():
    for path in sorted((REPO / "rules").glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../docs/rule-pack.schema.json\n"), path


def test_every_key_is_read_by_a_declared_name():
    """A reader asked for a key schema.py does not declare fails loudly: the code's mistake, not the pack's."""
    from linter.fields import FieldReader
    reader = FieldReader({"measure": "count"}, "x.yaml", "a.b", "expected.", schema.EXPECTED["quantity"])
    assert reader.raw("measure") == "count"
    with pytest.raises(LookupError, match="not declared in linter/schema.py"):
        reader.raw("currency", required=False)
