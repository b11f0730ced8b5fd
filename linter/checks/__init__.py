"""The registry of fact kinds: the one place that both validates `kind:` and dispatches evaluation."""
from . import category, date, name, quantity, quote, role, status

RULE_TYPES = {module.KIND: module for module in (quantity, status, date, category, role, name, quote)}


def is_checked(kind: str) -> bool:
    """Whether facts of this kind are evaluated yet (others load and validate only)."""
    return RULE_TYPES[kind].evaluate is not None
