"""Does a sentence assert its claim (stance.py)? A table of sentences, the claim's words, and the
reason it is not asserted ("" when it is)."""
from __future__ import annotations

import pytest

from linter.stance import stance_of

# (language, sentence, the claim's words, the reason the claim is not asserted or "")
CASES = {
    "en:plain": ("en", "The farm powers 1.8 million homes.", "1.8 million", ""),
    "en:capacity-would-be-enough": ("en", "Its output would be enough to power some 1.8 million homes.", "1.8 million", ""),
    "de:capacity-wuerde-reichen": ("de", "Der Strom würde für 1,8 Millionen Haushalte reichen.", "1,8 Millionen", ""),
    "en:would-alone": ("en", "The farm would power 1.8 million homes if it were finished.", "1.8 million", "hypothetical"),
    "de:koennte-reichen": ("de", "Der Strom könnte für 1,8 Millionen Haushalte reichen.", "1,8 Millionen", "hypothetical"),
    "en:question": ("en", "Does the farm power 1.8 million homes?", "1.8 million", "question"),
    "de:rumour": ("de", "Angeblich versorgt der Park 1,8 Millionen Haushalte.", "1,8 Millionen", "reported or debunked"),
    "en:falls-is-no-hedge": ("en", "Output falls to 1.8 million homes in summer.", "1.8 million", ""),
    "de:condition-opened-by-its-verb": ("de", "Wäre der Park größer, versorgte er 1,8 Millionen Haushalte.", "1,8 Millionen",
                                        "hypothetical"),
    "en:condition-opened-by-its-verb": ("en", "Had the farm been finished, 1.8 million homes got its power.", "1.8 million",
                                        "hypothetical"),
    "de:subjunctive-of-reported-speech": ("de", "Die Tester hätten 1,8 Millionen Clips gemacht.", "1,8 Millionen", ""),
}


@pytest.mark.parametrize(("lang", "text", "claim", "reason"), CASES.values(), ids=CASES.keys())
def test_stance(lang, text, claim, reason):
    start = text.index(claim)
    stance = stance_of(text, start, start + len(claim), lang=lang)
    assert (stance.reason if not stance.asserted else "") == reason
