"""``[tool.zhqa.expectations]``: the Great Expectations suite over the per-document metrics table."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Bound(BaseModel):
    """Values of one column between ``min`` and ``max`` (inclusive) for a ``mostly`` share of documents."""

    model_config = ConfigDict(extra="forbid")

    min: float | None = None
    max: float | None = None
    mostly: float = Field(default=1.0, gt=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> Bound:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


class Range(BaseModel):
    """An aggregate (the column's mean) between ``min`` and ``max``."""

    model_config = ConfigDict(extra="forbid")

    min: float | None = None
    max: float | None = None


class RawExpectation(BaseModel):
    """Any GX Core expectation, as in a GX suite file: ``type`` (snake_case) and ``kwargs``."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(pattern=r"^expect_[a-z0-9_]+$")
    kwargs: dict[str, Any] = Field(default_factory=dict)
    meta: dict[str, Any] = Field(default_factory=dict)


class ExpectationsConfig(BaseModel):
    """The suite: zhqa's defaults, overridden or extended per column, plus any raw GX expectation.

    ``columns.<name>`` replaces the default bound of that column (``{}`` drops it);
    ``mean.<name>`` bounds a column's mean; ``extra`` appends expectations verbatim.
    """

    model_config = ConfigDict(extra="forbid")

    suite_name: str = Field(default="zhqa_metrics", min_length=1)
    defaults: bool = True
    unique: list[str] = Field(default_factory=lambda: ["doc_id"])
    not_null: list[str] = Field(default_factory=lambda: ["doc_id", "source", "characters"])
    max_duplicate_cluster_size: int | None = Field(default=5, ge=1)
    columns: dict[str, Bound] = Field(default_factory=dict)
    mean: dict[str, Range] = Field(default_factory=dict)
    extra: list[RawExpectation] = Field(default_factory=list)
