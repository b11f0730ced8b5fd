"""Text normalisation shared by the provenance check and quote matching."""
from __future__ import annotations

import re

# Typographic variants that carry no meaning for "is this quote in the source?"
_TRANSLATION = str.maketrans({
    "\u201e": '"', "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u201a": "'", "\u2018": "'", "\u2019": "'", "\u2039": "'", "\u203a": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": "", "\u00ad": "",
})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold quotes, dashes, non-breaking hyphens and white space to one plain form."""
    return _SPACE.sub(" ", text.translate(_TRANSLATION)).strip()
