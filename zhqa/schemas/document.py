"""Document and Span: one unit of text as read from the corpus, with what decoding saw."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Span(BaseModel):
    """A half-open code-point range ``[start, end)`` in one document's text."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class InvalidBytes(BaseModel):
    """One invalid UTF-8 sequence: where its U+FFFD sits in the text and where it was in the bytes."""

    model_config = ConfigDict(frozen=True)

    char_offset: int
    byte_offset: int
    length: int = 1


class RecordProblem(BaseModel):
    """A record that did not match the record schema (reported by S501)."""

    model_config = ConfigDict(frozen=True)

    field: str
    message: str


class Document(BaseModel):
    """One document: a ``.txt`` page or one record of a JSONL/JSON/Parquet file.

    ``encoding``, ``invalid_bytes`` and ``problems`` are facts the reader saw; the
    encoding and structure checks turn them into findings.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    source: str = "<text>"
    text: str
    meta: dict[str, Any] = Field(default_factory=dict)
    encoding: str = "utf-8"
    invalid_bytes: list[InvalidBytes] = Field(default_factory=list)
    problems: list[RecordProblem] = Field(default_factory=list)
    line: int | None = None  # 1-based line (JSONL) or row (JSON/Parquet) of the record

    @classmethod
    def from_text(cls, text: str, id: str = "<text>", **kw: Any) -> Document:
        return cls(id=id, text=text, **kw)
