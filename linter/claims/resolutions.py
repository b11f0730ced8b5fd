"""Screen resolutions: pixel pairs ("1920 × 1080") and named formats ("Full HD", "4K", "1080p")."""
from __future__ import annotations

from linter.claims import numbers as lex
from linter.claims.bounds import Hit
from linter.claims.tokens import TokenView

CASE_FREE_NAMES = frozenset({"fullhd", "ultrahd"})  # "HD" alone must be capitalised to mean a resolution
# A name's key is its lowercased tokens run together ("full" + "hd"), so its first token is one of these.
NAME_PREFIXES = frozenset(name[:size] for name in lex.RESOLUTION_NAMES for size in range(1, len(name) + 1))


def resolution_pair(view: TokenView, i: int) -> Hit | None:
    """ "1024 × 768", "1.920x1.080 px", "1024 mal 768 Pixeln"."""
    if view.kind(i) != "num" or not view.free_before(i):
        return None
    width, joiner = lex.parse_grouped_int(view.texts[i]), view.low(i + 1)
    if width is None or joiner not in lex.RESOLUTION_JOINERS or view.kind(i + 2) != "num":
        return None
    if not (view.near(i, i + 1) and view.near(i + 1, i + 2)):
        return None
    height, end = lex.parse_grouped_int(view.texts[i + 2]), i + 3
    pixels = view.low(end) in lex.PIXEL_WORDS and view.near(end - 1, end)
    end += pixels
    if height is None or (joiner in lex.WORD_JOINERS or min(width, height) < 100) and not pixels:
        return None
    noun, end = view.glued_noun(end)
    return Hit(i, end, "resolution", (width, height), "px", noun)


def resolution_name(view: TokenView, i: int) -> Hit | None:
    """Named formats: "Full HD", "Full-HD", "1080p", "4K-Videos", "XGA", "HD"."""
    if view.low(i) not in NAME_PREFIXES or view.kind(i) not in ("num", "word") or not view.free_before(i):
        return None
    key, k, best = "", i, None
    for _ in range(3):
        key += view.low(k)
        single_upper = k == i and view.texts[i].isupper()
        if key in lex.RESOLUTION_NAMES and (key in CASE_FREE_NAMES or not key.isalpha() or single_upper):
            best = (key, k + 1)
        if view.is_link(k + 1):
            k += 2
        elif view.glued(k, k + 1) and view.kind(k + 1) in ("num", "word"):
            k += 1
        elif view.kind(k) == view.kind(k + 1) == "word" and view.spaced(k, k + 1):
            k += 1
        else:
            break
    if best is None or view.kind(best[1]) in ("num", "word") and view.glued(best[1] - 1, best[1]):
        return None
    noun, end = view.glued_noun(best[1])
    return Hit(i, end, "resolution", lex.RESOLUTION_NAMES[best[0]], "px", noun)
