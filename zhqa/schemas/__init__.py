"""The contracts: pydantic data that imports nothing else of zhqa."""

from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.document import Document, InvalidBytes, RecordProblem, Span
from zhqa.schemas.finding import Finding, Fix, Hit, Metric, Related, Severity
from zhqa.schemas.report import GateResult, InputStatus, RunReport, Summary, ToolInfo

__all__ = [
    "Document",
    "Finding",
    "Fix",
    "GateResult",
    "Hit",
    "InputStatus",
    "InvalidBytes",
    "Metric",
    "RecordProblem",
    "Related",
    "RunReport",
    "Severity",
    "Span",
    "SuiteConfig",
    "Summary",
    "ToolInfo",
]
