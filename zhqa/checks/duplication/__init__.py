"""Duplication checks D3xx: repeated documents, paragraphs and blocks.

D301 exact copies and D302 near-duplicates across documents (:mod:`.exact`,
:mod:`.near`, stages in :mod:`.minhash`), D303/D304 repeated paragraphs and
blocks in one document (:mod:`.paragraphs`), D305 boilerplate paragraphs across
documents (:mod:`.boilerplate`) and D306 repetitive character n-grams
(:mod:`.repetition`).
"""

from zhqa.checks.duplication.boilerplate import BoilerplateParagraph
from zhqa.checks.duplication.exact import DuplicateDocument, normalised
from zhqa.checks.duplication.near import NearDuplicate
from zhqa.checks.duplication.paragraphs import duplicate_paragraph, repeated_block
from zhqa.checks.duplication.repetition import repetitive_ngrams

__all__ = [
    "BoilerplateParagraph",
    "DuplicateDocument",
    "NearDuplicate",
    "duplicate_paragraph",
    "normalised",
    "repeated_block",
    "repetitive_ngrams",
]
