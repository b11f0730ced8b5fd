"""The registry of fact kinds: the one place that both validates `kind:` and dispatches evaluation."""
from . import category, date, name, quantity, quote, role, status

RULE_TYPES = {module.KIND: module for module in (quantity, status, date, category, role, name, quote)}


def needs(rule) -> tuple | None:
    """What a sentence must hold for the fact to have anything to say about it (dispatch.py: `_atoms`), or
    None when any sentence may do: the kind's `needs`, where it has one."""
    of_kind = getattr(RULE_TYPES[rule.kind], "needs", None)
    return of_kind(rule) if of_kind is not None else None


def is_checked(kind: str) -> bool:
    """Whether facts of this kind are evaluated yet (others load and validate only)."""
    return RULE_TYPES[kind].evaluate is not None
