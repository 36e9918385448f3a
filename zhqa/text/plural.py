"""English count nouns for messages and reports: "1 error", "2 errors"."""

from __future__ import annotations


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``noun`` for a count of one, else its plural (``many``, or ``noun`` + "s")."""
    return noun if n == 1 else (many or noun + "s")
