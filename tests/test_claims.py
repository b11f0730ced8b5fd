"""Telling claims from non-claims, across every fact kind: what must be flagged and what must not.

Each sentence is linted as a one-paragraph draft dated 2024-03-01 (before the public launch), in the
language given. Non-claims: denials, debunked rumours, questions, hypotheticals and plans, and claims
about other products; none of them may give an error or warning.
"""
from __future__ import annotations

import pytest

from linter.engine import lint_document
from linter.findings import Severity
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.segments import read_markdown

RULEBOOK = load_pack([default_rules_dir()], (default_seeds_dir(),))


def lint(sentence: str, lang: str, date: str = "2024-03-01"):
    draft = f"---\ndate: {date}\nlang: {lang}\n---\n\n{sentence}\n"
    return lint_document(read_markdown(draft, "<test>"), RULEBOOK)


NON_CLAIMS = {
    # denied or debunked
    "de:negated-length": "Anders als behauptet sind die Clips von Sora nicht zwei Minuten lang.",
    "de:rumour-march": "Gerüchte über einen Start von Sora im März haben sich nicht bestätigt.",
    "de:rumour-4k": "Meldungen, wonach Sora über den Leak 4K-Videos erzeugte, stimmen nicht.",
    "de:not-days": "Der Sora-Leak war nicht tagelang offen, sondern nur einige Stunden.",
    "de:statt": "Die Clips von Sora sind 60 statt 90 Sekunden lang.",
    "de:no-release": "Sora ist noch nicht für die Öffentlichkeit verfügbar.",
    "de:no-date": "Einen Veröffentlichungstermin für Sora gibt es bislang nicht.",
    "en:debunked": "Some posts claimed that Sora made two-minute clips; that turned out to be false.",
    "en:not-gan": "Sora is not a GAN but a diffusion model.",
    "en:not-available": "Sora is still not available to the public.",
    "en:never-announced": "Contrary to rumours, OpenAI never announced Sora in January.",
    # questions
    "de:question-length": "Kann Sora bald Clips von zwei Minuten erzeugen?",
    "de:question-release": "Erscheint Sora noch im Sommer?",
    "en:question-release": "Will Sora be available to everyone before Christmas?",
    "en:question-count": "Did OpenAI really post 100 Sora videos?",
    # hypotheticals, plans, forecasts
    "de:könnte": "Künftige Versionen von Sora könnten Clips von mehreren Minuten erzeugen.",
    "de:ob": "Ob Sora einmal zehnminütige Filme schafft, ist offen.",
    "de:würde": "Eine öffentliche Version von Sora würde die Branche verändern.",
    "de:falls": "Falls OpenAI Sora im Sommer freigibt, dürften Millionen Nutzer kommen.",
    "en:could": "Future versions of Sora could well produce five-minute films.",
    "en:might": "Sora might one day be open to every ChatGPT user.",
    "en:if": "If OpenAI released Sora in June, rivals would have to respond.",
    "en:plans": "OpenAI plans to make Sora available to more artists.",
    # other subjects
    "de:runway": "Runway erzeugt mit Gen-2 Clips von bis zu vier Sekunden.",
    "de:kling": "Kling vom Konzern Kuaishou wirbt mit Clips von bis zu zwei Minuten Länge.",
    "de:pika": "Pika 1.0 ist seit Dezember 2023 für alle verfügbar.",
    "de:sora-turbo": "Sora Turbo liefert Clips von bis zu 20 Sekunden in 1080p.",
    "en:movie-gen": "Meta's Movie Gen produces clips of up to 16 seconds.",
    "en:veo": "Google's Veo 2 renders video in up to 4K.",
    "en:chatgpt-users": "ChatGPT is used by 100 million people every week.",
    "en:screen": "On a 1080p laptop screen, the clips from Sora look soft.",
    # numbers that are not about the fact
    "de:elapsed": "Gut neun Monate nach der Präsentation wurde Sora kurz öffentlich zugänglich.",
    "de:year": "OpenAI wurde 2015 gegründet und zeigte Sora erst Jahre später.",
    # quoted: someone else's words are at most info
    "de:quoted": "Ein Tester schrieb: „Die Clips von Sora sind bis zu zwei Minuten lang.“",
}


@pytest.mark.parametrize("name", sorted(NON_CLAIMS))
def test_non_claim_gives_no_error_or_warning(name):
    lang, _ = name.split(":", 1)
    serious = [f for f in lint(NON_CLAIMS[name], lang) if f.severity >= Severity.WARNING]
    assert serious == [], [f.message for f in serious]


CLAIMS = {
    "de:clip-length": ("Die Clips von Sora dauern bis zu anderthalb Minuten.", "sora.clip.max-length"),
    "en:clip-length": ("Sora makes clips of up to a minute and a half.", "sora.clip.max-length"),
    "de:demo-count": ("OpenAI zeigte zum Start von Sora zwei Dutzend Beispielvideos.", "sora.demo.count"),
    "de:leak-resolution": ("Über den Sora-Leak ließen sich Videos in Full HD erzeugen.", "sora.leak.resolution"),
    "en:leak-duration": ("The Sora leak stayed open for days.", "sora.leak.duration"),
    "de:release": ("Sora ist seit März für alle verfügbar.", "sora.release.status"),
    "en:release": ("OpenAI released Sora to the public in February.", "sora.release.status"),
    "de:announced-january": ("OpenAI hat Sora im Januar 2024 vorgestellt.", "sora.announcement.date"),
    "en:announced-december": ("OpenAI first showed Sora in December 2023.", "sora.announcement.date"),
    "de:developer": ("Googles Videomodell Sora erzeugt Clips aus Text.", "sora.developer"),
    "en:gan": ("Sora is built on a generative adversarial network.", "sora.architecture"),
    "de:watermark": ("Schon 2019 stellte Google eine Technik vor, die Wasserzeichen aus Bildern entfernt.",
                     "google.watermark.year"),
    "de:svd": ("Stable Video Diffusion ist auch kommerziell frei nutzbar.", "svd.license"),
    "de:dune": ("Für Dune: Part Two färbte eine KI die Augen der Schauspieler grün ein.", "dune.eyes"),
    "de:lawsuit": ("Die Washington Post verklagt OpenAI wegen ChatGPT.", "openai.lawsuit.nyt"),
}


@pytest.mark.parametrize("name", sorted(CLAIMS))
def test_claim_is_flagged_by_its_rule(name):
    lang, _ = name.split(":", 1)
    sentence, rule_id = CLAIMS[name]
    findings = [f for f in lint(sentence, lang) if f.severity >= Severity.WARNING]
    assert rule_id in [f.rule for f in findings], (sentence, [f.rule for f in findings])


def test_state_fact_after_its_end_is_info_with_the_reason():
    findings = lint("Sora ist für alle ChatGPT-Plus-Nutzer verfügbar.", "de", date="2025-03-01")
    release = [f for f in findings if f.rule in ("sora.release.status", "sora.access")]
    assert release and all(f.severity == Severity.INFO for f in release)
    assert "das Wissen des Regelpakets dazu endet am 2024-12-09" in release[0].message


def test_dated_claim_after_the_end_is_info_even_in_an_older_draft():
    findings = lint("Seit Dezember 2024 ist Sora für alle verfügbar.", "de", date="2024-03-01")
    assert [f.severity for f in findings if f.rule == "sora.release.status"] == [Severity.INFO]


def test_claim_dated_before_the_end_stays_an_error_in_a_later_draft():
    findings = lint("Im Februar 2024 zeigte OpenAI Clips von Sora mit bis zu zwei Minuten Länge.", "de",
                    date="2025-06-01")
    assert [f.severity for f in findings if f.rule == "sora.clip.max-length"] == [Severity.ERROR]


def test_event_facts_never_expire():
    findings = lint("OpenAI hat Sora im Januar 2024 vorgestellt.", "de", date="2030-01-01")
    assert [f.severity for f in findings if f.rule == "sora.announcement.date"] == [Severity.ERROR]


def test_relative_dates_in_an_undated_draft_are_not_guessed():
    doc = read_markdown("OpenAI hat Sora im Januar vorgestellt.\n", "<test>")
    assert [f for f in lint_document(doc, RULEBOOK, lang="de") if f.rule == "sora.announcement.date"] == []
    dated = lint_document(doc, RULEBOOK, lang="de", date=__import__("datetime").date(2024, 3, 1))
    assert [f.rule for f in dated if f.rule == "sora.announcement.date"] == ["sora.announcement.date"]
