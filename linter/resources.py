"""Where the default rule pack and its sources are: inside the installed package, or in the checkout."""
from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _first_dir(*candidates: Path) -> Path:
    return next((c for c in candidates if c.is_dir()), candidates[-1])


def default_rules_dir() -> Path:
    """The packaged pack (wheel: linter/_pack/rules), else the checkout's rules/ (editable install)."""
    return _first_dir(_HERE / "_pack" / "rules", _HERE.parent / "rules")


def default_seeds_dir() -> Path:
    """The packaged sources, else the checkout's seeds/."""
    return _first_dir(_HERE / "_pack" / "seeds", _HERE.parent / "seeds")
