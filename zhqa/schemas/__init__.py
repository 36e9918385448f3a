"""The contracts: pydantic data that imports nothing else of zhqa."""

from zhqa.schemas.article import Article, Byline, Caption, Credit, Element, Furniture, Page, Paragraph
from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.document import Document, InvalidBytes, RecordProblem, Span
from zhqa.schemas.finding import Finding, Fix, Hit, Metric, Related, Severity
from zhqa.schemas.record import Record, default_record_model, load_record_model, make_validator
from zhqa.schemas.report import GateResult, InputStatus, RunReport, Summary, ToolInfo

__all__ = [
    "Article",
    "Byline",
    "Caption",
    "Credit",
    "Document",
    "Element",
    "Finding",
    "Fix",
    "Furniture",
    "GateResult",
    "Hit",
    "InputStatus",
    "InvalidBytes",
    "Metric",
    "Page",
    "Paragraph",
    "Record",
    "RecordProblem",
    "Related",
    "RunReport",
    "Severity",
    "Span",
    "SuiteConfig",
    "Summary",
    "ToolInfo",
    "default_record_model",
    "load_record_model",
    "make_validator",
]
