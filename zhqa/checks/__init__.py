"""Built-in checks. Importing this package registers every family."""

from zhqa.checks import duplication, encoding, numeric, punctuation, structure  # noqa: F401
from zhqa.checks.registry import (
    CATALOGUE,
    Bad,
    CorpusCheck,
    CorpusHit,
    DocumentCheck,
    Good,
    MapItem,
    check,
    corpus_check,
)

__all__ = [
    "CATALOGUE",
    "Bad",
    "CorpusCheck",
    "CorpusHit",
    "DocumentCheck",
    "Good",
    "MapItem",
    "check",
    "corpus_check",
]
