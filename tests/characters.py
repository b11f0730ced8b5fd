"""Every character of Unicode in one string, for tests that hold a shortcut to the regex engine's case rules."""
from __future__ import annotations

import functools
import sys


@functools.cache
def every_character() -> str:
    """All code points but the surrogates, in order (built once: a million characters)."""
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
