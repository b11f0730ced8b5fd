"""Compiled regular expressions that survive pickling, for the compiled-pack cache.

Python cannot pickle a compiled pattern (it pickles as its source and compiles again), and compiling
the pack's expressions was most of a one-draft run. So the cache keeps what `re` compiles a pattern
to: the program for the `_sre` engine, with its group tables. This leans on CPython's private
`re._compiler` and `_sre` (the same steps as `re._compiler.compile`); the pack cache is keyed by the
exact Python version, and anything unexpected falls back to `re.compile`.
"""
from __future__ import annotations

import re

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - other Pythons: no fast path
    _sre = _compiler = _parser = None


def compile_program(source: str, flags: int) -> tuple | None:
    """The arguments `_sre.compile` takes for this pattern, or None where that is not possible."""
    if _compiler is None:
        return None
    try:
        parsed = _parser.parse(source, flags)
        # the opcodes are int subclasses that do not pickle: plain ints are what _sre reads anyway
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (source, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:  # noqa: BLE001 - any surprise means: take the ordinary way
        return None


def from_program(program: tuple | None, source: str, flags: int) -> re.Pattern:
    """The compiled pattern, from a stored program when there is one."""
    if program is not None and _sre is not None:
        try:
            return _sre.compile(*program)
        except Exception:  # noqa: BLE001
            pass
    return re.compile(source, flags)
