"""Severity, Fix, Hit (what a check yields) and Finding (what a report holds)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_serializer


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


Family = Literal["encoding", "punctuation", "duplication", "numeric", "structure"]
Applicability = Literal["safe", "unsafe", "display"]


class Edit(BaseModel):
    """Replace ``[start, end)`` of the text by ``replacement``."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    replacement: str


class Fix(BaseModel):
    """One edit: replace ``[start, end)`` (default: the finding's span) by ``replacement``.

    ``also`` holds further edits applied together with it, all or none (moving a
    fragment = insert here + delete there). Only fields that differ from their
    defaults are serialised, so a plain safe fix prints as ``{"replacement": "，"}``.
    """

    model_config = ConfigDict(frozen=True)

    replacement: str
    applicability: Applicability = "safe"
    title: str | None = None
    start: int | None = None
    end: int | None = None
    also: list[Edit] | None = None

    @model_serializer(mode="wrap")
    def _drop_defaults(self, handler: Any) -> dict[str, Any]:
        data = handler(self)
        return {k: v for k, v in data.items() if k == "replacement" or v != _FIX_DEFAULTS[k]}


_FIX_DEFAULTS: dict[str, Any] = {
    "applicability": "safe",
    "title": None,
    "start": None,
    "end": None,
    "also": None,
}


class Related(BaseModel):
    """The other place a finding is about."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    start: int
    end: int


class Metric(BaseModel):
    """A per-document number a check computes (e.g. traditional share); goes to the metrics table."""

    model_config = ConfigDict(frozen=True)

    name: str
    value: float


class Hit(BaseModel):
    """What a check yields: a span in the document, a message, and optionally a fix."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    message: str
    fix: Fix | None = None
    related: list[Related] = Field(default_factory=list)
    severity: Severity | None = None  # overrides the check's default for this hit
    excerpt: str | None = None  # overrides the excerpt cut from the text


class Finding(BaseModel):
    """One reported defect; the JSON contract of DESIGN.md, field for field."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    family: Family
    severity: Severity
    doc_id: str
    source: str
    start: int
    end: int
    line: int
    column: int
    message: str
    excerpt: str
    fix: Fix | None = None
    related: list[Related] = Field(default_factory=list)
