"""The shared predicate vocabulary: every predicate found by its word forms, in German main clauses
(separable verbs split), subordinate clauses (verb last), English active and passive, nouns and
adjectives — and not found where its words mean something else. Sentences are written for these
tests, about no story in particular."""
from __future__ import annotations

import random

import pytest

from linter.claims import predicates
from linter.claims.clauses import clause_pieces
from linter.claims.predicates import find_predicates, words
from linter.vocabulary import build_lexicon, predicate_definitions, role_of_title

LEXICON = build_lexicon(predicate_definitions())

# (language, sentence, predicate the sentence says)
SAYS = {
    "de:be_called:reflexive": ("de", "Der Chor nennt sich seit Jahren Silberklang.", "be_called"),
    "de:be_called:namens": ("de", "Ein Hund namens Bello bewacht das Tor.", "be_called"),
    "en:be_called:phrase": ("en", "A band calling itself Night Owls played first.", "be_called"),
    "en:be_called:passive": ("en", "The ferry was dubbed Sea Swallow by the crew.", "be_called"),
    "de:announce:separable-main": ("de", "Am Dienstag stellte die Stadt den neuen Fahrplan vor.", "announce"),
    "de:announce:subordinate": ("de", "Es ist klar, dass die Stadt den Fahrplan im Mai vorstellte.", "announce"),
    "de:announce:participle": ("de", "Der Fahrplan wurde im Mai vorgestellt.", "announce"),
    "de:announce:zu-infinitive": ("de", "Die Stadt plant, den Fahrplan im Mai vorzustellen.", "announce"),
    "de:announce:noun": ("de", "Die Präsentation des Fahrplans fand im Rathaus statt.", "announce"),
    "en:announce:active": ("en", "The council unveiled its new timetable on Tuesday.", "announce"),
    "en:announce:passive": ("en", "The timetable was announced on Tuesday.", "announce"),
    "en:announce:phrase": ("en", "Residents got a first look at the timetable in May.", "announce"),
    "de:release:separable": ("de", "Der Hersteller schaltet die App im Juni frei.", "release"),
    "de:release:adjective": ("de", "Die App ist seit März für alle verfügbar.", "release"),
    "de:release:inflected-adjective": ("de", "Die nun verfügbare App kostet nichts.", "release"),
    "de:release:phrase": ("de", "Die App steht seit Montag zur Verfügung.", "release"),
    "de:release:phrase-verb": ("de", "Der Hersteller brachte die App im Juni auf den Markt.", "release"),
    "en:release:phrasal-split": ("en", "The maker rolled the app out in June.", "release"),
    "en:release:irregular": ("en", "The app went live on Monday.", "release"),
    "en:release:noun": ("en", "The release date is 12 June.", "release"),
    "de:release:antonym": ("de", "Der Hersteller hält die App vorerst zurück.", "release"),
    "en:release:antonym": ("en", "The maker withheld the app from the public.", "release"),
    "de:open:participle": ("de", "Das Museum wurde am Freitag eröffnet.", "open"),
    "en:open:noun": ("en", "The opening of the museum drew crowds.", "open"),
    "de:in-operation:phrase-verb": ("de", "Die Linie ging im Dezember in Betrieb.", "in_operation"),
    "de:in-operation:phrase-verb-final": ("de", "Sobald die Linie ans Netz gegangen ist, fährt sie.", "in_operation"),
    "en:in-operation:adjective": ("en", "The line has been operational since December.", "in_operation"),
    "de:full-operation:phrase": ("de", "Der Park ist seit Mai voll in Betrieb.", "full_operation"),
    "en:full-operation:phrase": ("en", "The farm has been fully operational since May.", "full_operation"),
    "de:develop:verb": ("de", "Das Programm hat eine Firma aus Kiel entwickelt.", "develop"),
    "en:develop:passive": ("en", "The program was developed by a firm in Kiel.", "develop"),
    "de:build:verb": ("de", "Die Brücke errichtet ein Konsortium aus Bremen.", "build"),
    "en:build:irregular": ("en", "The bridge was built by a consortium.", "build"),
    "de:start-construction:noun": ("de", "Der Baubeginn ist für 2026 angesetzt.", "start_construction"),
    "en:start-construction:phrase": ("en", "Construction began in June 2023.", "start_construction"),
    "de:operate:noun": ("de", "Betreiberin der Linie ist die Verkehrs AG.", "operate"),
    "en:operate:verb": ("en", "The line is operated by a private company.", "operate"),
    "de:approve:participle": ("de", "Die Strecke ist seit Januar genehmigt.", "approve"),
    "de:approve:separable": ("de", "Das Amt ließ die Bahn im März zu.", "approve"),
    "en:approve:noun": ("en", "The permit for the line was granted in March.", "approve"),
    "de:approve:antonym": ("de", "Die Behörde lehnte den Antrag ab.", "approve"),
    "de:support:verb": ("de", "Die App unterstützt den neuen Standard.", "support"),
    "en:support:verb": ("en", "The app supports the new standard.", "support"),
    "de:own:verb": ("de", "Die Stadt hält 30 Prozent an der Gesellschaft.", "own"),
    "en:own:noun": ("en", "The city is the largest shareholder.", "own"),
    "de:damage:participle": ("de", "Ein Bagger hat das Kabel beschädigt.", "damage"),
    "en:damage:irregular": ("en", "An anchor cut the cable.", "damage"),
    "de:postpone:verb": ("de", "Die Stadt verschob die Eröffnung.", "postpone"),
    "en:postpone:phrasal": ("en", "The city pushed the opening back.", "postpone"),
    "de:decide:noun": ("de", "Die Investitionsentscheidung fiel im November.", "decide"),
    "en:decide:noun": ("en", "The final investment decision was taken in 2022.", "decide"),
    "de:happen:separable-irregular": ("de", "Die Übergabe fand am Montag statt.", "happen"),
    "en:happen:phrase-verb": ("en", "The handover took place on Monday.", "happen"),
    "de:locate:verb": ("de", "Der Park liegt 40 Kilometer vor der Küste.", "locate"),
    "en:locate:adjective": ("en", "The park is located off the coast.", "locate"),
    "de:repair:noun": ("de", "Die Reparatur dauert zwei Wochen.", "repair"),
    "en:repair:verb": ("en", "Crews repaired the cable in January.", "repair"),
    "de:deny:separable": ("de", "Der Konzern wies den Bericht zurück.", "deny"),
    "en:deny:verb": ("en", "The company denied the report.", "deny"),
    "de:supply-power:separable": ("de", "Die ersten Anlagen speisen seit März Strom ein.", "supply_power"),
    "en:supply-power:irregular": ("en", "The first turbines fed power into the grid in March.", "supply_power"),
    "de:leak:participle": ("de", "Das Dokument wurde im Mai geleakt.", "leak"),
    "de:use:separable": ("de", "Kunden probieren die App seit Mai aus.", "use"),
    "en:use:phrasal": ("en", "Anyone can sign up for the app.", "use"),
    "de:manufacture:noun": ("de", "Hersteller der Züge ist ein Werk in Polen.", "manufacture"),
    "en:manufacture:verb": ("en", "The trains were manufactured in Poland.", "manufacture"),
    "de:complete:separable-irregular": ("de", "Die Firma schloss die Arbeiten im Juni ab.", "complete"),
    "en:complete:verb": ("en", "Crews completed the works in June.", "complete"),
    "de:train-on:noun": ("de", "Die Trainingsdaten stammen aus Archiven.", "train_on"),
    "de:sue:verb": ("de", "Die Zeitung verklagte den Konzern.", "sue"),
    "en:sue:verb": ("en", "The paper sued the firm in March.", "sue"),
    "de:drive-over:verb-and-preposition": ("de", "Der Traktor rollte langsam über die Rampe.", "drive_over"),
    "en:drive-over:phrasal": ("en", "A van ran the cones over.", "drive_over"),
    "de:rise:separable": ("de", "Über dem Hafen stiegen Funken auf.", "rise"),
    "en:rise:irregular": ("en", "Sparks rose above the harbour.", "rise"),
    "de:fall:irregular": ("de", "Im Film fiel Schnee auf die Dächer.", "fall"),
    "en:fall:irregular": ("en", "Snow fell on the roofs.", "fall"),
    "de:compound-noun": ("de", "Seit dem Ankerschaden im August ruht die Anlage.", "damage"),
    "de:compound-noun-2": ("de", "Der Verkaufsstart ist im Mai.", "release"),
}

# (language, sentence, predicate the sentence does NOT say)
DOES_NOT_SAY = {
    "de:vor-is-a-preposition": ("de", "Sie stellte vor zwei Wochen Fragen zum Fahrplan.", "announce"),
    "de:particle-of-another-clause": ("de", "Der Rat stellte Fragen, bevor er ging.", "announce"),
    "de:frei-without-schalten": ("de", "Die Strecke ist frei von Hindernissen.", "release"),
    "en:particle-in-another-clause": ("en", "The maker rolled the dice; out came a plan.", "release"),
    "de:word-inside-another": ("de", "Die Vorstellungskraft der Kinder ist groß.", "announce"),
    "en:lexical-neighbour": ("en", "The availability heuristic is a bias.", "approve"),
    "de:short-word-is-no-compound": ("de", "Der Bestart war gut.", "release"),
    "de:fahren-without-ueber": ("de", "Der Traktor fährt durch die Halle.", "drive_over"),
}


# A verb that says a predicate only of one of its nouns ("with_noun"): (language, sentence, whether a
# verb says the approval); the noun alone is found either way, and names the thing without saying it
WITH_NOUN = {
    "de:noun-before-the-verb": ("de", "Die Genehmigung für die Brücke liegt inzwischen vor.", True),
    "de:noun-between-verb-and-particle": ("de", "Für die Brücke liegt die Genehmigung inzwischen vor.", True),
    "de:verb-last": ("de", "Die Stadt sagt, dass die Genehmigung vorliegt.", True),
    "de:noun-as-object": ("de", "Das Landesamt erteilte der Fähre die Zulassung.", True),
    "en:phrase": ("en", "The permit for the bridge is in place.", True),
    "en:noun-as-object": ("en", "The council issued the permit on Monday.", True),
    "de:verb-alone": ("de", "Die Daten liegen seit Montag vor.", False),
    "de:verb-alone-another-object": ("de", "Die Werft erhielt im Mai einen Auftrag.", False),
    "de:noun-after-preposition": ("de", "Der Antrag auf Genehmigung liegt vor.", False),
    "de:noun-after-preposition-and-article": ("de", "Die Unterlagen für die Genehmigung liegen vor.", False),
    "de:noun-in-another-stretch": ("de", "Die Daten liegen vor, die Genehmigung fehlt noch.", False),
    "de:noun-after-und": ("de", "Die Daten liegen vor und die Genehmigung ist beantragt.", False),
    "en:verb-alone": ("en", "The data are in place.", False),
    "en:noun-after-preposition": ("en", "The application for a permit is in place.", False),
    "en:noun-in-another-stretch": ("en", "The surveys are in place, but the permit is pending.", False),
}


@pytest.mark.parametrize(("lang", "sentence", "says"), WITH_NOUN.values(), ids=WITH_NOUN.keys())
def test_verb_with_its_noun(lang, sentence, says):
    hits = find_predicates(sentence, lang, LEXICON)
    assert any(h.predicate == "approve" and h.pos == "verbs" for h in hits) == says, \
        [(h.predicate, h.pos, sentence[h.start:h.end]) for h in hits]


@pytest.mark.parametrize(("lang", "sentence", "predicate"), SAYS.values(), ids=SAYS.keys())
def test_predicate_is_found(lang, sentence, predicate):
    hits = find_predicates(sentence, lang, LEXICON)
    assert predicate in {h.predicate for h in hits}, [(h.predicate, sentence[h.start:h.end]) for h in hits]


@pytest.mark.parametrize(("lang", "sentence", "predicate"), DOES_NOT_SAY.values(), ids=DOES_NOT_SAY.keys())
def test_predicate_is_not_found(lang, sentence, predicate):
    assert predicate not in {h.predicate for h in find_predicates(sentence, lang, LEXICON)}


def test_antonyms_flip_polarity():
    hits = find_predicates("Der Hersteller hält die App vorerst zurück.", "de", LEXICON)
    assert [h.negated for h in hits if h.predicate == "release"] == [True]


def test_every_predicate_is_tested_in_both_languages():
    tested = {(lang, predicate) for lang, _, predicate in SAYS.values()}
    untested = [(lang, name) for name, spec in predicate_definitions().items()
                for lang in ("de", "en") if spec.get(lang) and (lang, name) not in tested]
    # a few predicates are tested in one language only; the list must not grow
    assert len(untested) <= 8, untested


# (language, sentence, the clause that holds the marked words)
CLAUSES = {
    "de:date-apposition": ("de", "Das Museum wurde am Freitag, 3. Mai 2024, eröffnet.", "3. Mai 2024",
                           "Das Museum wurde am Freitag, 3. Mai 2024, eröffnet."),
    "de:role-between-dashes": ("de", "Mira Lenz – seit 2023 Chefin der Werft – sagte, es gehe voran.", "Chefin",
                               "Mira Lenz – seit 2023 Chefin der Werft – sagte"),
    "de:fronted-insertion": ("de", "Im Mai, kurz vor der Wahl, stellte die Stadt den Plan vor.", "Im Mai",
                             "Im Mai, kurz vor der Wahl, stellte die Stadt den Plan vor."),
    "de:two-clauses": ("de", "Die Linie wurde 2019 geplant und ging 2024 in Betrieb.", "2024",
                       " ging 2024 in Betrieb."),
    "en:relative-clause": ("en", "The bridge, which opened in May, was built by a consortium.", "May",
                           " which opened in May"),
    "en:list-is-no-clause": ("en", "Only testers, artists and designers have access.", "designers",
                             "Only testers, artists and designers have access."),
}


@pytest.mark.parametrize(("lang", "sentence", "marked", "clause"), CLAUSES.values(), ids=CLAUSES.keys())
def test_insertions_do_not_cut_a_clause(lang, sentence, marked, clause):
    verbs = [(h.start, h.end) for h in find_predicates(sentence, lang, LEXICON) if h.pos == "verbs"] if lang == "en" else ()
    pieces = clause_pieces(sentence, lang, verbs)
    at = sentence.index(marked)
    assert [sentence[a:b] for a, b in pieces if a <= at < b] == [clause]


@pytest.mark.parametrize(("title", "lang", "role"), [
    ("Vorstandsvorsitzende", "de", "ceo"), ("Technikchefin", "de", "cto"), ("chief executive", "en", "ceo"),
    ("Pressesprecherin", "de", "spokesperson"), ("head of corporate communications", "en", "spokesperson"),
    ("Energieminister", "de", "state_minister"), ("Bundesministerin", "de", "federal_minister"),
    ("Unbekanntwort", "de", None),
])
def test_titles_name_roles(title, lang, role):
    assert role_of_title(title, lang) == role


def _leaves(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, path + (str(key),))
    elif isinstance(node, list):
        for value in node:
            yield from _leaves(value, path)
    else:
        yield path, node


@pytest.mark.parametrize("name", ["predicates.yaml", "roles.yaml", "words.yaml"])
def test_every_vocabulary_entry_is_text(name):
    """YAML reads `no`, `on` and `yes` as booleans: every word must stay a word."""
    import yaml
    from linter.vocabulary import _HERE
    data = yaml.safe_load((_HERE / name).read_text(encoding="utf-8"))
    flags = {"value_after", "introduces", "maker", "profession"}    # properties of a predicate or role, true or false by design
    assert [(path, value) for path, value in _leaves(data)
            if not isinstance(value, str) and not (path and path[-1] in flags and isinstance(value, bool))] == []


@pytest.mark.parametrize("name", ["predicates.yaml", "roles.yaml", "words.yaml"])
def test_no_vocabulary_list_is_defined_twice(name):
    """YAML keeps the last of two keys of one name: a list added twice would silently replace the other."""
    import re
    from linter.vocabulary import _HERE
    keys = re.findall(r"^([A-Za-z_]+):", (_HERE / name).read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted({k for k in keys if keys.count(k) > 1}) == []


def test_compiled_vocabulary_is_the_yaml():
    """vocabulary.json, read at run time, is exactly what the YAML files say (python -m linter.vocabulary)."""
    from linter import vocabulary
    assert vocabulary.COMPILED.read_text(encoding="utf-8") == vocabulary.compiled_text(vocabulary.parse_sources()), \
        "run `python -m linter.vocabulary` to regenerate linter/vocabulary/vocabulary.json"


def _follows_searching_every_window(tokens, index, rest, text, particle_ends_clause):
    """_follows as it was written first: the whole stretch from the verb to each later word searched."""
    n = len(rest)
    for j in range(index + 1, len(tokens) - n + 1):
        if predicates._CLAUSE_BREAK.search(text, tokens[index][2], tokens[j][1]):
            return None
        if all(tokens[j + k][0] == rest[k] for k in range(n)):
            end = tokens[j + n - 1][2]
            if particle_ends_clause and not predicates._CLAUSE_END.match(text, end):
                continue
            return tokens[j][1], end
    return None


FOLLOW_PIECES = ["vor", "an", "out", "stellte", "a", "b2", "x.", "3.", " ", " ", "  ", "\n", ".", ". ", ";", ":", "!",
                 "?", "\u2013", "-", ",", "und", "Dr.", "z. B.", "2.", "\t"]


@pytest.mark.parametrize("seed", range(40))
def test_follows_reads_each_gap_once_as_searching_every_window_does(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(50):
        text = "".join(rng.choice(FOLLOW_PIECES) + rng.choice(["", " "]) for _ in range(rng.randrange(2, 14)))
        tokens = words(text)
        for index in range(len(tokens)):
            for rest in (("vor",), ("an",), ("out",), ("a", "b")):
                for ends in (True, False):
                    assert predicates._follows(tokens, index, rest, text, ends) == \
                        _follows_searching_every_window(tokens, index, rest, text, ends), (text, index, rest)
