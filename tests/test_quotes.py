"""Quote facts: misquotes and misattributions, table-driven.

Each row is a small draft (one or two paragraphs) linted with only the quote facts active; it names
the quote facts that must fire, with their severity and a piece of the reading. Rows without
findings are sentences that must pass: exact quotes, the other translation, the English original,
excerpts, typography, paraphrase, unrelated quotes, impersonal or unknown speakers.
"""
from __future__ import annotations

import datetime as dt

import pytest

from linter.messages import localise

from linter.checks.quote import find_names
from linter.claims.quotes import align, find_quotations, words
from linter.engine import lint_document
from linter.findings import Severity
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.segments import read_markdown

RULEBOOK = load_pack([default_rules_dir()], (default_seeds_dir(),))
QUOTE_RULES = [rule for rule in RULEBOOK.rules if rule.kind == "quote"]
E, W = Severity.ERROR, Severity.WARNING


def lint(draft: str, lang: str):
    return lint_document(read_markdown(draft, "<test>"), RULEBOOK, lang=lang, rules=QUOTE_RULES,
                         date=dt.date(2024, 3, 1))


def row(case_id: str, lang: str, draft: str, *expected: tuple) -> pytest.param:
    """One table row: (rule id without "quote.", severity, text the reading must contain) per finding."""
    return pytest.param(lang, draft, list(expected), id=case_id)


CASES = [
    # --- exact quotes and their other renderings: no finding ---------------------------------------
    row("de:exact-with-speaker", "de",
        "In ihrem Blog schreibt OpenAI: „Sora ist in der Lage, komplexe Szenen mit mehreren Charakteren, "
        "bestimmten Bewegungsarten und präzisen Details des Motivs und Hintergrunds zu erstellen.“"),
    row("de:other-translation", "de",
        "„Wir werden mehrere wichtige Sicherheitsschritte unternehmen, bevor wir Sora in den Produkten von "
        "OpenAI verfügbar machen“, kündigte OpenAI an."),
    row("en:english-original", "en",
        'Hany Farid told New Scientist: "As with other techniques in generative AI, there is no reason to '
        'believe that text-to-video will not continue to rapidly improve."'),
    row("de:english-original-in-german-draft", "de",
        'OpenAI schrieb auf seiner Website: "The model understands not only what the user has asked for in '
        'the prompt, but also how those things exist in the physical world."'),
    row("de:guillemets-ss-lowercase-no-stop", "de",
        "OpenAI: »wir werden mehrere wichtige Sicherheitsmassnahmen ergreifen, bevor wir Sora in den "
        "Produkten von OpenAI verfügbar machen«"),
    row("de:ellipsis", "de",
        "„Wie bei anderen Techniken der generativen KI … was uns einer Zeit immer näherbringt, in der es "
        "schwierig sein wird, die Fälschung von der Realität zu unterscheiden“, sagt Hany Farid."),
    row("de:excerpt", "de",
        "OpenAI will nach eigenen Angaben „mehrere wichtige Sicherheitsmaßnahmen ergreifen“, bevor Sora "
        "breit verfügbar wird."),
    row("en:excerpt-one-word", "en", 'Perry said it was "mind-blowing" to watch the clips.'),
    row("de:excerpt-with-cut", "de",
        "Farid zufolge wird es bald „schwierig, die Fälschung von der Realität zu unterscheiden“."),
    row("de:endings-fitted-to-the-sentence", "de",
        "Murati sprach von „öffentlich verfügbaren Daten und lizenzierten Daten“."),
    row("de:line-break-hyphenation", "de",
        "Die Gruppe PR Puppets erklärte, sie sei „nicht gegen den Einsatz von KI-Techno-\nlogie als "
        "Werkzeug für die Kunst“."),
    # --- misquotes ---------------------------------------------------------------------------------
    row("de:misquote-negation-left-out", "de",
        "Hany Farid sagt: „Wie bei anderen Techniken der generativen KI gibt es keinen Grund zu der Annahme, "
        "dass sich Text-to-Video weiterhin rasch verbessern wird.“",
        ("hany-farid.fake-from-real", E, '"nicht" left out')),
    row("en:misquote-negation-added", "en",
        "OpenAI's technical report reads: \"we do not train text-conditional diffusion models jointly on "
        "videos and images of variable durations, resolutions and aspect ratios\".",
        ("openai.technical-report", E, '"do not" added')),
    row("de:misquote-number", "de",
        "„Sora ist ein Diffusionsmodell, das ein Video generiert, indem es mit einem Video beginnt, das wie "
        "statisches Rauschen aussieht, und es schrittweise transformiert, indem es das Rauschen in zwei "
        "Schritten entfernt“, schreibt OpenAI.",
        ("openai.diffusion", E, '"zwei" instead of "vielen"')),
    row("en:misquote-number", "en",
        "OpenAI said: \"We'll be taking three important safety steps ahead of making Sora available in "
        "OpenAI's products.\"",
        ("openai.safety-steps", E, '"three" instead of "several"')),
    row("de:misquote-name", "de",
        "OpenAI erklärte dem Oberhaus: \"it would be impossible to train Google's leading AI models without "
        "using copyrighted materials\"",
        ("openai.house-of-lords", E, "\"Google's\" instead of \"today's\"")),
    row("de:misquote-word-is-warning", "de",
        "Die Gruppe PR Puppets erklärte, sie sei „nicht gegen den Einsatz von KI-Technologie als Werkzeug "
        "für die Musik“.",
        ("pr-puppets.not-against-ai", W, '"Musik" instead of "Kunst"')),
    row("en:misquote-word-is-warning", "en",
        'Perry said: "Being told that it can do all of these things is one thing, but actually seeing the '
        'capabilities, it was terrifying."',
        ("tyler-perry.overwhelming", W, '"terrifying" instead of "mind-blowing"')),
    row("de:misquote-over-two-sentences-once", "de",
        "„Zu hören, dass es all diese Dinge kann, ist eine Sache. Aber die Fähigkeiten tatsächlich zu sehen, "
        "war beängstigend“, sagte Perry.",
        ("tyler-perry.overwhelming", W, '"beängstigend" instead of "überwältigend"')),
    row("en:misquote-short-excerpt-own-speaker", "en",
        'Asked about the training data, Murati said OpenAI had used "only licensed data".',
        ("mira-murati.training-data", E, '"only" added')),
    row("en:misquote-middle-rewritten", "en",
        '"We used only licensed data," Murati told the Wall Street Journal.',
        ("mira-murati.training-data", E, '"only" instead of "publicly available data and"')),
    # --- misattributions ---------------------------------------------------------------------------
    row("de:attribution-said-after", "de",
        "„Das Modell versteht nicht nur, wonach der Benutzer in der Eingabeaufforderung gefragt hat, sondern "
        "auch, wie diese Dinge in der physischen Welt existieren“, sagte Hany Farid.",
        ("openai.physical-world", E, "attributed to Hany Farid")),
    row("en:attribution-according-to", "en",
        'According to Tyler Perry, "we train text-conditional diffusion models jointly on videos and images '
        'of variable durations, resolutions and aspect ratios".',
        ("openai.technical-report", E, "attributed to Tyler Perry")),
    row("de:attribution-sentence-before", "de",
        "Mira Murati äußerte sich im Interview auch zur Sicherheit. „Wir werden mehrere wichtige "
        "Sicherheitsmaßnahmen ergreifen, bevor wir Sora in den Produkten von OpenAI verfügbar machen.“",
        ("openai.safety-steps", E, "attributed to Mira Murati")),
    row("en:attribution-pronoun", "en",
        'Sam Altman was asked about the risks. He warned that "it will be difficult to distinguish the fake '
        'from the real".',
        ("hany-farid.fake-from-real", E, "attributed to Sam Altman")),
    row("de:attribution-blockquote-dash-line", "de",
        "> „Falsche Narrative zu verstärken oder politische Gegner in ein schlechtes Licht zu rücken“\n"
        "> — Tyler Perry",
        ("edda-humprecht.false-narratives", E, "attributed to Tyler Perry")),
    row("de:attribution-dash-paragraph-after-blockquote", "de",
        "> „Wie bei anderen Techniken der generativen KI gibt es keinen Grund zu der Annahme, dass sich "
        "Text-to-Video nicht weiterhin rasch verbessern wird.“\n\n— Sam Altman, OpenAI-Chef",
        ("hany-farid.fake-from-real", E, "attributed to Sam Altman")),
    row("de:attribution-sentence-after", "de",
        "„Zu hören, dass es all diese Dinge kann, ist eine Sache, aber die Fähigkeiten tatsächlich zu "
        "sehen, war überwältigend.“ Das sagte Mira Murati im März.",
        ("tyler-perry.overwhelming", E, "attributed to Mira Murati")),
    row("en:attribution-line-before-blockquote", "en",
        "Kevin Weil put it this way:\n\n> Being told that it can do all of these things is one thing, but "
        "actually seeing the capabilities, it was mind-blowing.",
        ("tyler-perry.overwhelming", E, "attributed to Kevin Weil")),
    row("de:attribution-stammt-von", "de",
        "Der Satz „Wir arbeiten mit Red Teamern zusammen – Fachexperten in Bereichen wie Fehlinformationen, "
        "hasserfüllte Inhalte und Voreingenommenheit – die das Modell einem Konkurrenztest unterziehen "
        "werden“ stammt von Sam Altman.",
        ("openai.red-teamers", E, "attributed to Sam Altman")),
    # --- speakers that are no misattribution -------------------------------------------------------
    row("de:dash-line-right-speaker", "de",
        "> „Zu hören, dass es all diese Dinge kann, ist eine Sache, aber die Fähigkeiten tatsächlich zu "
        "sehen, war überwältigend.“\n> — Tyler Perry, Regisseur"),
    row("de:impersonal-heisst-es", "de",
        "„Wir arbeiten mit Red Teamern zusammen – Fachexperten in Bereichen wie Fehlinformationen, "
        "hasserfüllte Inhalte und Voreingenommenheit – die das Modell einem Konkurrenztest unterziehen "
        "werden“, heißt es in der Ankündigung."),
    row("de:pronoun-without-antecedent", "de",
        "Er sagte: „Sora ist in der Lage, komplexe Szenen mit mehreren Charakteren, bestimmten "
        "Bewegungsarten und präzisen Details des Motivs und Hintergrunds zu erstellen.“"),
    row("de:two-quotes-each-with-its-speaker", "de",
        "Hany Farid warnt, es werde „schwierig sein, die Fälschung von der Realität zu unterscheiden“, "
        "OpenAI verspricht „mehrere wichtige Sicherheitsmaßnahmen“."),
    row("de:unknown-speaker", "de",
        "„Zu hören, dass es all diese Dinge kann, ist eine Sache, aber die Fähigkeiten tatsächlich zu sehen, "
        "war überwältigend“, sagte der Regisseur."),
    row("de:relayed-by-media", "de",
        "Wie The Verge berichtet, schrieb OpenAI: „Wir werden mehrere wichtige Sicherheitsmaßnahmen "
        "ergreifen, bevor wir Sora in den Produkten von OpenAI verfügbar machen.“"),
    row("de:correction-of-attribution", "de",
        "In einer früheren Version hatten wir das Zitat „Sora ist in der Lage, komplexe Szenen mit mehreren "
        "Charakteren, bestimmten Bewegungsarten und präzisen Details des Motivs und Hintergrunds zu "
        "erstellen“ fälschlich Tyler Perry zugeschrieben."),
    row("en:short-common-excerpt-other-speaker", "en",
        'Sam Altman called the clips "mind-blowing".'),
    # --- paraphrase and unrelated quotes -----------------------------------------------------------
    row("de:paraphrase", "de",
        "Laut Hany Farid wird Text-to-Video immer besser, bis man Fälschung und Realität kaum noch "
        "unterscheiden kann."),
    row("en:paraphrase", "en", "Murati said the company relied on publicly available and licensed data."),
    row("de:unrelated-quote", "de",
        "Sam Altman schrieb: „Wir freuen uns darauf, Sora bald mit mehr Menschen zu teilen.“"),
    row("en:unrelated-quote", "en", 'Perry said the technology was "a game changer for the whole industry".'),
    row("de:term-in-quotes", "de", "Hany Farid sprach von „Text-zu-Video“-Modellen."),
]


@pytest.mark.parametrize("lang, draft, expected", CASES)
def test_quote_findings(lang, draft, expected):
    findings = [f for f in lint(draft, lang) if f.severity >= Severity.WARNING]
    assert [(f.rule, f.severity) for f in findings] == [(f"quote.{r}", s) for r, s, _ in expected]
    for finding, (_, _, reading) in zip(findings, expected):
        # the table gives the evaluator's reading; a German draft's message renders it in German
        assert localise(reading, lang) in finding.message


def test_table_covers_both_languages_and_both_outcomes():
    langs = {p.values[0] for p in CASES}
    flagged = [p for p in CASES if p.values[2]]
    assert langs == {"de", "en"} and len(CASES) >= 20 and 10 <= len(flagged) < len(CASES)


def test_finding_spans_the_quotation_from_its_opening_mark():
    draft = "Ein Satz davor.\n\nHany Farid sagte: „Das Modell versteht nicht nur, wonach der Benutzer in der " \
            "Eingabeaufforderung gefragt hat, sondern auch, wie diese Dinge in der physischen Welt existieren.“"
    [finding] = lint(draft, "de")
    assert (finding.line, finding.column) == (3, 19)
    assert finding.found.startswith("„Das Modell") and finding.found.endswith("existieren.“")
    assert finding.expected == "OpenAI"


def test_misquote_names_the_source_words():
    [finding] = lint("Tyler Perry sagte: „Die Fähigkeiten tatsächlich zu sehen, war ernüchternd.“", "de")
    assert finding.expected == '"die Fähigkeiten tatsächlich zu sehen, war überwältigend"'


def test_every_quote_fact_is_prepared_once_at_load_time():
    for rule in QUOTE_RULES:
        assert len(rule.expected.forms) == 1 + len(rule.expected.variants)
        assert all(form.norms for form in rule.expected.forms)


# --- the parts ---------------------------------------------------------------------------------------

QUOTATIONS = [
    ("„deutsch“ und “englisch” und \"gerade\"", False, ["deutsch", "englisch", "gerade"]),
    ("»französisch« und «umgekehrt» und ‚einfach‘", False, ["französisch", "umgekehrt", "einfach"]),
    ("„außen ‚innen‘ außen“", False, ["außen ‚innen‘ außen"]),
    ("„gemischt”, sagte er", False, ["gemischt"]),
    ("Er sagte: „offen bis zum Ende", False, ["offen bis zum Ende"]),
    ("5\" Bildschirm und ein Zoll\"", False, []),
    ("Ein Zitat im Block.\n— Tyler Perry", True, ["Ein Zitat im Block."]),
    ("Sinngemäß: eine Umschreibung.", True, []),
]


@pytest.mark.parametrize("text, block, expected", QUOTATIONS, ids=[q[0][:24] for q in QUOTATIONS])
def test_find_quotations(text, block, expected):
    assert [q.inner(text) for q in find_quotations(text, block)] == expected


SAME_WORDS = [
    ("Sicherheitsmaßnahmen", "Sicherheitsmassnahmen"),
    ("Text-to-Video", "text to video"),
    ("today’s leading", "today's leading"),
    ("Überwältigend.", "überwältigend"),
    ("Sicherheits-\nmaßnahmen", "Sicherheitsmaßnahmen"),
    ("Sicherheits\u00admaßnahmen", "Sicherheitsmaßnahmen"),
    ("Text- und\nBildmodelle", "Text und Bildmodelle"),
]


@pytest.mark.parametrize("a, b", SAME_WORDS, ids=[a for a, _ in SAME_WORDS])
def test_normalisation(a, b):
    assert [w.norm for w in words(a)] == [w.norm for w in words(b)]


def test_alignment_of_an_excerpt_has_no_changes_and_a_changed_last_word_is_one():
    source = [w.norm for w in words("es war ein langer Tag, aber er war überwältigend")]
    excerpt = align([w.norm for w in words("ein langer Tag")], source)
    changed = align([w.norm for w in words("aber er war ernüchternd")], source)
    assert excerpt.changed == 0 and excerpt.matched == 3
    assert [e.op for e in changed.changes] == ["replace"] and changed.matched == 3


def test_names_are_found_by_subject_id_with_umlauts_and_genitive():
    kinds = (("michael-foertsch", "person"), ("openai", "organisation"), ("kevin-weil", "person"))
    names = find_names("Michael Förtsch sprach mit OpenAIs Team. Weil es regnete, blieb Weil daheim.", kinds)
    assert [(n.subject, n.kind) for n in names] == [("michael-foertsch", "person"), ("openai", "organisation")]
