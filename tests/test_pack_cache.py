"""The compiled-pack cache: same pack as a fresh load, keyed by content, never stale, never fatal."""
from __future__ import annotations

import shutil

import pytest

from linter import rulebook
from linter.engine import lint_document
from linter.resources import default_rules_dir, default_seeds_dir
from linter.segments import read_markdown

DRAFT = "---\ndate: 2024-03-01\n---\n\nSam Altmann sagte, die Clips von Sora seien bis zu zwei Minuten lang.\n"


@pytest.fixture
def pack(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(default_rules_dir(), tmp_path / "rules")
    shutil.copytree(default_seeds_dir(), tmp_path / "seeds")
    return tmp_path / "rules"


def _findings(book):
    return [(f.rule, f.line, f.column, f.message) for f in lint_document(read_markdown(DRAFT), book)]


def test_cached_pack_lints_like_a_fresh_one(pack, tmp_path):
    fresh = rulebook.load_pack([pack])
    first = rulebook.load_pack_cached([pack])
    assert len(list((tmp_path / "cache").glob("pack-*.pickle"))) == 1
    cached = rulebook.load_pack_cached([pack])
    assert _findings(cached) == _findings(fresh) == _findings(first) != []


def test_a_changed_rule_file_never_uses_the_old_entry(pack, tmp_path):
    rulebook.load_pack_cached([pack])
    facts = pack / "sora-quantities.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace('max: "60 s"', 'max: "120 s"'), encoding="utf-8")
    changed = rulebook.load_pack_cached([pack])
    assert changed.rule("sora.clip.max-length").expected.high == 120
    assert len(list((tmp_path / "cache").glob("pack-*.pickle"))) == 2


def test_a_pack_with_errors_is_not_cached_and_still_reported(pack, tmp_path):
    facts = pack / "sora-quantities.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace('max: "60 s"', 'max: "sechzig"'), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(rulebook.RuleError):
            rulebook.load_pack_cached([pack])
    assert not list((tmp_path / "cache").glob("pack-*.pickle"))


def test_a_corrupt_entry_is_rebuilt(pack, tmp_path):
    rulebook.load_pack_cached([pack])
    (entry,) = (tmp_path / "cache").glob("pack-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert _findings(rulebook.load_pack_cached([pack])) == _findings(rulebook.load_pack([pack]))


def test_unwritable_cache_directory_only_costs_speed(pack, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(blocker / "cache"))
    assert _findings(rulebook.load_pack_cached([pack])) == _findings(rulebook.load_pack([pack]))


def test_no_cache_when_switched_off(pack, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    rulebook.load_pack_cached([pack])
    assert not (tmp_path / "cache").exists()


def test_old_entries_are_pruned_and_the_one_in_use_is_kept(pack, tmp_path, monkeypatch):
    monkeypatch.setattr(rulebook, "MAX_CACHE_ENTRIES", 3)
    cache = tmp_path / "cache"
    rulebook.load_pack_cached([pack])
    (in_use,) = cache.glob("pack-*.pickle")
    facts = pack / "sora-quantities.yaml"
    original = facts.read_text(encoding="utf-8")
    for seconds in (70, 80, 90, 100):
        facts.write_text(original.replace('max: "60 s"', f'max: "{seconds} s"'), encoding="utf-8")
        rulebook.load_pack_cached([pack])
        facts.write_text(original, encoding="utf-8")
        rulebook.load_pack_cached([pack])       # read again: the entry in use stays among the newest
    entries = set(cache.glob("pack-*.pickle"))
    assert len(entries) == 3 and in_use in entries
