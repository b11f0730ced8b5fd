"""The indexes that spare the engine from asking every fact about every sentence must never drop a
finding: whatever a fact's evaluator reports on a sentence, the index offers that fact for it.

Checked against the plain way (every fact, every sentence) on the default pack and on a generated
pack of many subjects and names, over the dev drafts, the seeds, generated drafts and each fact's own
examples; and the per-initial name matchers against one alternation of all names.
"""
from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

import pytest

from linter.checks import RULE_TYPES
from linter.checks import name as name_check
from linter.checks import quote as quote_check
from linter.discourse import read_sentences
from linter.dispatch import SUBJECT_BOUND, rule_index
from linter.engine import checked_rules, document_date, document_language, lint_document
from linter.claims.names import find_name_candidates, name_runs
from linter.lexicon import NameIndex, _entry_pattern
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.segments import read_document

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "eval" / "dev"
sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """A generated pack of 300 facts beside the default one, and drafts that name its subjects."""
    root = tmp_path_factory.mktemp("dispatch")
    pack = generate.generate_pack(300, root / "pack", seed=3)
    drafts = generate.generate_drafts(12, root / "drafts", seed=3)
    return {"pack": pack, "drafts": drafts}


def _documents(drafts: list[Path]):
    paths = sorted(DEV.glob("*.md")) + sorted((REPO / "seeds").iterdir()) + sorted((REPO / "examples").glob("*.md"))
    return [read_document(str(p), p.read_bytes()) for p in paths + list(drafts)]


def _uncovered(rulebook, docs) -> tuple[int, list]:
    """(findings the plain way, the (rule, sentence) pairs with a finding the index did not offer)."""
    rules = checked_rules(rulebook)
    index = rule_index(rulebook, rules)
    reported, missed = 0, []
    for doc in docs:
        known = document_date(doc)
        for sentence in read_sentences(doc, rulebook, document_language(doc), known or dt.date.today(),
                                       known is not None):
            offered = {rule.id for rule in index.candidates(sentence)}
            for rule in rules:
                if rule.kind in SUBJECT_BOUND and not sentence.may_concern(rule.scope):
                    continue
                if any(True for _ in RULE_TYPES[rule.kind].evaluate(rule, sentence)):
                    reported += 1
                    if rule.id not in offered:
                        missed.append((rule.id, sentence.text))
    return reported, missed


@pytest.mark.parametrize("pack", ["default", "default+generated"])
def test_index_offers_every_fact_that_reports(pack, corpus):
    dirs = [default_rules_dir()] + ([corpus["pack"]] if pack != "default" else [])
    rulebook = load_pack(dirs, (default_seeds_dir(), corpus["pack"].parent / "seeds"))
    reported, missed = _uncovered(rulebook, _documents(corpus["drafts"]))
    assert reported > 50      # the drafts do contain findings of every kind of fact
    assert missed == []


def test_index_offers_only_some_facts(corpus):
    """The point of the index: a sentence is asked about a few facts, not the whole pack."""
    rulebook = load_pack([default_rules_dir(), corpus["pack"]], (default_seeds_dir(), corpus["pack"].parent / "seeds"))
    rules = checked_rules(rulebook)
    index = rule_index(rulebook, rules)
    doc = _documents(corpus["drafts"])[-1]
    sentences = list(read_sentences(doc, rulebook, "de", dt.date(2024, 3, 1)))
    offered = [len(index.candidates(s)) for s in sentences]
    assert sum(offered) / len(offered) < len(rules) / 10


def test_rule_examples_pass_through_the_index():
    """Each fact's flag examples are found through lint_document (which dispatches by the index)."""
    rulebook = load_pack([default_rules_dir()], (default_seeds_dir(),))
    missing = []
    for rule in checked_rules(rulebook):
        for lang, text in rule.examples.get("flag", ()):
            doc = read_document("example.md", f"---\ndate: {rule.as_of.isoformat()}\nlang: {lang}\n---\n\n{text}\n".encode())
            if not any(f.rule == rule.id for f in lint_document(doc, rulebook)):
                missing.append((rule.id, text))
    assert missing == []


def test_index_follows_changed_rules_with_the_same_ids():
    """A configuration may change a fact's severity and keep its id: the index must not serve the old one."""
    import dataclasses
    from linter.findings import Severity
    rulebook = load_pack([default_rules_dir()], (default_seeds_dir(),))
    rules = checked_rules(rulebook)
    changed = [dataclasses.replace(r, severity=Severity.INFO) for r in rules]
    first, second = rule_index(rulebook, rules), rule_index(rulebook, changed)
    assert first is not second
    offers = [second.events, *second.by_subject.values()]
    assert all(r.severity == Severity.INFO for offer in offers for _, groups in offer.by_context
               for _, _, rules in groups for r in rules)


def _name_texts(rulebook, docs, seed: int) -> list[str]:
    """The drafts' sentences, and made-up runs of the pack's name words, misspelt and in other cases."""
    texts = [s.text for doc in docs for s in read_sentences(doc, rulebook, document_language(doc), dt.date(2024, 6, 1))]
    words = sorted({w for rule in rulebook.rules if rule.kind == name_check.KIND
                    for spelling in (rule.expected.canonical, *rule.expected.variants, *rule.expected.misspellings)
                    for w in re.findall(r"[^\W_]+", spelling)})
    rng = random.Random(seed)

    def slip(word: str) -> str:
        i = rng.randrange(len(word))
        return rng.choice([word, word.upper(), word + "s", word[:i] + word[i + 1:], word[:i] + word[i] + word[i:]])
    for _ in range(2000):
        run = [slip(rng.choice(words)) for _ in range(rng.randint(1, 6))]
        texts.append("Laut " + "".join(w + rng.choice([" ", "-", " ", "\u00a0"]) for w in run) + "sagte etwas.")
    return texts


@pytest.mark.parametrize("pack", ["default", "default+generated"])
def test_runs_offer_the_name_facts_their_candidates_are_filed_under(pack, corpus):
    """The index looks a run of names up once, remembered by its text: it must offer exactly the name facts
    that the keys of the run's candidates (every window, claims/names.py) are filed under."""
    dirs = [default_rules_dir()] + ([corpus["pack"]] if pack != "default" else [])
    rulebook = load_pack(dirs, (default_seeds_dir(), corpus["pack"].parent / "seeds"))
    index = rule_index(rulebook, checked_rules(rulebook))
    wrong = []
    for text in _name_texts(rulebook, _documents(corpus["drafts"]), seed=len(dirs)):
        filed = {rule.id for c in find_name_candidates(text)
                 for key in name_check.lookup_keys(c.tokens, c.separators, c.genitive) & index.by_name_key.keys()
                 for rule in index.by_name_key[key]}
        offered = {rule.id for run in name_runs(text) for rule in index._named(text, run)}
        if offered != filed:
            wrong.append((text, offered ^ filed))
    assert wrong == []
    assert index.named_by_run     # and remembered


# --- per-initial name matchers against one alternation of every name ------------------------------

def _one_alternation(pairs) -> list:
    """What the name index did before it was split by initials: one regex, longest entry first."""
    pairs = sorted(pairs, key=lambda p: len(p[0]), reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(f"({_entry_pattern(e, True)})" for e, _ in pairs) + r")(?!\w)",
                      re.IGNORECASE), pairs


NAME_ENTRIES = [("Sora", "sora"), ("Sora Turbo", "turbo"), ("Open AI", "openai"), ("OpenAI", "openai"),
                ("Leak*", "leak"), ("*clips", "clips"), ("X", "x"), ("A-Team", None), ("Ärzte", "aerzte"),
                ("Sam Altman", "altman"), ("Altman", "altman"), ("Sam", None)]
NAME_TEXTS = ["Sora Turbo und Sora", "SORA-Turbo", "soras Clips", "Open  AI und OpenAI's", "Leaks geleakt Leakage",
              "Testclips und Clips", "X und Xe", "das A-Team", "Ärzte ärzte", "Sam Altmans Firma",
              "Sam sagte", "(Sora)", "Sora.", "«Sora»", "Sora-Modell", "", "Sora2", "S o r a"]


@pytest.mark.parametrize("text", NAME_TEXTS, ids=lambda t: t or "empty")
def test_name_index_matches_like_one_alternation(text):
    regex, pairs = _one_alternation(NAME_ENTRIES)
    expected = [(m.start(), m.end(), pairs[m.lastindex - 1][1]) for m in regex.finditer(text)]
    expected = [e for e in expected if e[2] is not None]
    assert list(NameIndex.of(NAME_ENTRIES).finditer(text)) == expected


SPEAKERS = (("tyler-perry", "person"), ("hany-farid", "person"), ("openai", "organisation"),
            ("foertsch-media", "organisation"), ("perry", "product"), ("sora", "product"))
SPEAKER_TEXTS = ["Tyler Perry sagte", "tyler Perry sagte", "Perrys Film", "Förtsch Media", "Foertsch-Media",
                 "OpenAI's Sprecher", "Farid und Perry", "hany farid", "Soras Clips", ""]


@pytest.mark.parametrize("text", SPEAKER_TEXTS, ids=lambda t: t or "empty")
def test_speaker_names_match_like_one_alternation(text):
    entries = quote_check.speaker_name_entries(SPEAKERS)
    regex = re.compile(r"(?<![\w\u00c0-\u024f])(?:" + "|".join(f"({p})" for p, _, _, _ in entries)
                       + r")(?:s|['\u2019]s?)?(?![\w\u00c0-\u024f])", re.IGNORECASE)
    expected = [(m.start(), m.end(m.lastindex), entries[m.lastindex - 1][1]) for m in regex.finditer(text)
                if m.group()[0].isupper()]
    assert [(n.start, n.end, n.subject) for n in quote_check.find_names(text, SPEAKERS)] == expected
