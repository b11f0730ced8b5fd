"""Names the pack does not know (claims/entities.py): which capitalised words of a sentence are names,
and of what kind — read by the shape of the sentence, never from a list of names."""
from __future__ import annotations

import pytest

from linter.claims.entities import foreign_names

# (language, sentence, the names found as (text, kind))
CASES = {
    "de:after-a-kind-noun": ("de", "Das chinesische Modell Vidu erzeugt Clips.", [("Vidu", "product")]),
    "de:after-a-compound-kind-noun": ("de", "Die KI-Firma Synthesia zeigte Avatare.", [("Synthesia", "organisation")]),
    "de:run-of-capitals": ("de", "Auch Luma Dream Machine liefert Videos.", [("Luma Dream Machine", "product")]),
    "de:fronted-noun-and-name": ("de", "Die Citybahn Vellmar fährt seit Mai.", [("Vellmar", "product")]),
    "de:opening-before-its-verb": ("de", "Vidu ist seit Juli verfügbar.", [("Vidu", "product")]),
    "de:person-after-laut": ("de", "Laut Max Müller erzeugt das Modell Clips.", [("Max Müller", "person")]),
    "de:person-after-a-title": ("de", "Der Forscher Max Müller sagt das.", [("Max Müller", "person")]),
    "de:name-shaped": ("de", "Das Team zeigte Make-A-Video im Herbst.", [("Make-A-Video", "product")]),
    "de:place": ("de", "Der Park liegt vor Sankt Peter-Ording.", [("Sankt Peter-Ording", "place")]),
    "de:one-word-inside-a-sentence": ("de", "Der Park liegt vor Sylt.", []),     # a noun or a name: unknown
    "de:noun-opening-a-sentence": ("de", "Zugang haben nur wenige Tester.", []),
    "de:object-after-inverted-subject": ("de", "Dafür erzeugt das Modell Clips.", []),
    "de:object-after-a-kind-noun": ("de", "Dafür hat der Konzern Milliarden investiert.", []),
    "de:nouns-across-phrases": ("de", "Clips von bis zu zwei Minuten Länge.", []),
    "de:unit-and-scale": ("de", "Die Investition beträgt 2,3 Milliarden Euro.", []),
    "de:adjective-from-a-name": ("de", "Die KI-generierten Clips überzeugen.", []),
    "en:inside-the-sentence": ("en", "The project was built by Halden Marine and Norway's Brandvik.",
                               [("Halden Marine", "product"), ("Norway", "product"), ("Brandvik", "product")]),
    "en:possessive-opening": ("en", "Luma's Dream Machine was released in June.",
                              [("Luma", "product"), ("Dream Machine", "product")]),
    "en:startup": ("en", "Startup Genmo unveiled its model in March.", [("Genmo", "organisation")]),
    "en:place": ("en", "The farm lies in the German North Sea.", [("North Sea", "place")]),
    "en:according-to": ("en", "According to Jan Berger, it opened in May.", [("Jan Berger", "person")]),
    "en:nationality-month-acronym": ("en", "The Chinese AI model shipped in March.", []),
    "en:adjective-from-a-name": ("en", "The Hamburg-based company put the last turbine in place.", []),
    "en:noun-opening-a-sentence": ("en", "Access is limited to a few testers.", []),
    "en:title-case-heading": ("en", "Sora Makes Clips Of Two Minutes", []),
    "en:acronym-of-a-common-noun": ("en", "The model is essentially a GAN, nothing more.", []),
    "en:acronym-before-a-noun": ("en", "The figure comes from a CNN report.", [("CNN", "product")]),
}


@pytest.mark.parametrize(("lang", "text", "names"), CASES.values(), ids=CASES.keys())
def test_foreign_names(lang, text, names):
    found = [(text[n.start:n.end], n.kind) for n in foreign_names(text, lang, [])]
    assert found == names
