"""What every structure check shares: the cached parse of a document."""

from __future__ import annotations

from zhqa.schemas.document import Document
from zhqa.text.locate import shorten
from zhqa.text.page_flow import Flow, analyse


def is_record(doc: Document) -> bool:
    """A JSONL/JSON/Parquet record holds one article; a ``.txt`` file is a page."""
    return doc.line is not None


def flow(doc: Document) -> Flow:
    """The parsed page (or record article) and its flow defects, parsed once per text."""
    return analyse(doc.text, doc.line is not None)  # is_record, inlined: every S check asks


def snippet(text: str, n: int = 16) -> str:
    """One line of at most ``n`` characters for a message."""
    return shorten(text.replace("\n", " "), n)
