"""Messages in the draft's language: German drafts get German messages.

Evaluators describe what a claim means in a small fixed English vocabulary ("up to 90 s", "inside a
quotation (Perry)", '"langsam" instead of "rasch"'); this module renders those phrases, and the
engine's own frame ("as of", the outdated note), in German. Statements come from the facts, which
carry both languages.
"""
from __future__ import annotations

import re

# (English pattern, German replacement): first the phrases that frame quoted words, then single words,
# which are never replaced inside quotation marks (a misquote's words stay as the draft wrote them)
_FRAMES = [
    (r"\bthe pack's knowledge of this ends (\S+?)((?: \(.*\))?); the fact may be outdated",
     r"das Wissen des Regelpakets dazu endet am \1\2; der Fakt ist womöglich veraltet"),
    (r"\binside a quotation\b", "in einem Zitat"),
    (r"\bsimilar spelling, not a listed misspelling\b", "ähnliche Schreibweise, keine bekannte Falschschreibung"),
    (r"\bmarkup inside the name: no automatic fix\b", "Auszeichnung im Namen: keine automatische Korrektur"),
    (r"\battributed to ([^;]+)", r"\1 zugeschrieben"),
    (r'"([^"]+)" instead of "([^"]+)"', r"„\1“ statt „\2“"),
    (r'"([^"]+)" added\b', r"„\1“ hinzugefügt"),
    (r'"([^"]+)" left out\b', r"„\1“ ausgelassen"),
]
_WORDS = [
    (r"\bup to\b", "bis zu"),
    (r"\bmore than\b", "mehr als"),
    (r"\bat least\b", "mindestens"),
    (r"\bjust under\b", "knapp"),
    (r"\babout\b", "etwa"),
    (r"\bend of\b", "Ende"),
    (r"\bto\b", "bis"),
]
_COMPILED_FRAMES = [(re.compile(pattern), replacement) for pattern, replacement in _FRAMES]
_COMPILED_WORDS = [(re.compile(pattern), replacement) for pattern, replacement in _WORDS]
# Any one of a list's patterns, searched once: most texts hold none of them, and then none of the list's
# substitutions (each a search of the whole text) can change anything.
_ANY_FRAME = re.compile("|".join(f"(?:{pattern})" for pattern, _ in _FRAMES))
_ANY_WORD = re.compile("|".join(f"(?:{pattern})" for pattern, _ in _WORDS))
# „ is no part of a quotation it opens: from each „ of a run without “ the rest was scanned
_QUOTED = re.compile(r"(„[^„“]*“|\"[^\"]*\")")
AS_OF = {"de": "Stand", "en": "as of"}
NOT_FIXABLE = "markup inside the name: no automatic fix"   # the engine's note on a fix it withdrew


def localise(text: str, lang: str) -> str:
    """`text` in the message language (English phrases are the evaluators' own)."""
    if lang != "de" or not text:
        return text
    if _ANY_FRAME.search(text):
        for pattern, replacement in _COMPILED_FRAMES:
            text = pattern.sub(replacement, text)
    if not _ANY_WORD.search(text):
        return text
    pieces = _QUOTED.split(text)
    for index in range(0, len(pieces), 2):   # even pieces lie outside quotation marks
        for pattern, replacement in _COMPILED_WORDS:
            pieces[index] = pattern.sub(replacement, pieces[index])
    return "".join(pieces)
