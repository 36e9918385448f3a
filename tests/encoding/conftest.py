"""Helpers for the encoding tests: run one E check on text or raw bytes."""

from __future__ import annotations

from zhqa.checks import CATALOGUE
from zhqa.io.text import document_from_bytes
from zhqa.schemas.document import Document


def hits(code: str, text: str, **options) -> list:
    chk = CATALOGUE[code]
    return chk.run(Document.from_text(text), chk.options(options))


def raw_doc(data: bytes) -> Document:
    """A document as the txt reader makes it from raw file bytes."""
    return document_from_bytes(data, "page.txt", "page.txt")
