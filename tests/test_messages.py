"""German drafts get German messages: the evaluators' fixed phrases rendered in German."""
import pytest

from linter.messages import localise


@pytest.mark.parametrize("english, german", [
    ("up to 90 s", "bis zu 90 s"),
    ("more than 100", "mehr als 100"),
    ("2024-01-01 to 2024-01-31", "2024-01-01 bis 2024-01-31"),
    ("about 36", "etwa 36"),
    ("end of 2024", "Ende 2024"),
    ('"langsam" instead of "rasch"', "„langsam“ statt „rasch“"),
    ('"to" instead of "up to"', "„to“ statt „up to“"),
    ('"nicht" left out', "„nicht“ ausgelassen"),
    ("attributed to Sam Altman", "Sam Altman zugeschrieben"),
    ("inside a quotation (Perry)", "in einem Zitat (Perry)"),
    ("the pack's knowledge of this ends 2024-12-09; the fact may be outdated",
     "das Wissen des Regelpakets dazu endet am 2024-12-09; der Fakt ist womöglich veraltet"),
], ids=lambda v: v[:24])
def test_german(english, german):
    assert localise(english, "de") == german


def test_english_is_left_alone():
    assert localise("up to 90 s", "en") == "up to 90 s"


def _every_substitution(text: str) -> str:
    """localise without its gates: every frame, then every word outside quotation marks."""
    from linter import messages
    for pattern, replacement in messages._COMPILED_FRAMES:
        text = pattern.sub(replacement, text)
    pieces = messages._QUOTED.split(text)
    for index in range(0, len(pieces), 2):
        for pattern, replacement in messages._COMPILED_WORDS:
            pieces[index] = pattern.sub(replacement, pieces[index])
    return "".join(pieces)


@pytest.mark.parametrize("text", [
    "90 s", "Sora", '"to"', 'uto "x" into', "bis zu 90 s", "intoto about", '"up to" instead of "to"',
    "„to“ to", "the pack's knowledge of this ends 2024-12-09 (Sora); the fact may be outdated, up to now",
    '"Sora" added', "similar spelling, not a listed misspelling", "markup inside the name: no automatic fix",
])
def test_the_gates_change_nothing(text):
    """A text in which no phrase of a list occurs skips that list's substitutions: the same result."""
    assert localise(text, "de") == _every_substitution(text)
