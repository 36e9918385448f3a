"""RunReport: the JSON output of ``zhqa check`` (DESIGN.md, "JSON output")."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

from zhqa.schemas.finding import Finding


class ToolInfo(BaseModel):
    name: str = "zhqa"
    version: str


class GateResult(BaseModel):
    passed: bool
    reasons: list[str] = Field(default_factory=list)


class InputStatus(BaseModel):
    """One file the run was given or found, and what became of it."""

    source: str
    documents: int = 0
    status: Literal["ok", "partial", "error"] = "ok"
    error: str | None = None


class ExpectationResult(BaseModel):
    """One Great Expectations expectation over the metrics table (``zhqa check --gx``)."""

    label: str
    type: str
    arguments: dict[str, Any] = Field(default_factory=dict)  # the expectation's kwargs
    success: bool
    observed: Any = None
    unexpected_count: int | None = None
    element_count: int | None = None
    exception: str | None = None


class Summary(BaseModel):
    documents: int = 0
    characters: int = 0
    findings: int = 0
    by_code: dict[str, int] = Field(default_factory=dict)
    by_severity: dict[str, int] = Field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    gate: GateResult = Field(default_factory=lambda: GateResult(passed=True))
    inputs: list[InputStatus] = Field(default_factory=list)
    expectations: list[ExpectationResult] | None = None  # only with --gx; absent from the JSON otherwise

    @model_serializer(mode="wrap")
    def _drop_absent(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if data.get("expectations") is None:
            data.pop("expectations", None)
        return data


class RunReport(BaseModel):
    tool: ToolInfo
    summary: Summary
    findings: list[Finding] = Field(default_factory=list)
