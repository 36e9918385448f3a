"""Reports render a finished run. Each format lives in its own module, loaded on use."""

from __future__ import annotations

import importlib
from typing import Any

# format -> (module, default file name when written into --report-dir)
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("zhqa.reports.text", "report.txt"),
    "json": ("zhqa.reports.json", "report.json"),
    "jsonl": ("zhqa.reports.jsonl", "findings.jsonl"),
    "html": ("zhqa.reports.html", "index.html"),
    "junit": ("zhqa.reports.junit", "junit.xml"),
    "sarif": ("zhqa.reports.sarif", "report.sarif"),
    "markdown": ("zhqa.reports.markdown", "summary.md"),
}


def writer(fmt: str) -> Any:
    """The ``write(results, stream)`` function of a format."""
    module, _ = FORMATS[fmt]
    return importlib.import_module(module).write
