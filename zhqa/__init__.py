"""zhqa: a quality gate for Chinese text corpora.

``import zhqa`` loads only pydantic; checks, readers and reports load on use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from zhqa.schemas.finding import Finding


def check(text: str, select: list[str] | None = None, **config: Any) -> list[Finding]:
    """Findings of the document checks on one text (corpus checks need a corpus)."""
    from zhqa.checks import CATALOGUE  # noqa: F401  (registers the built-in checks)
    from zhqa.checks.runner import Plan, run_document
    from zhqa.config import from_dict
    from zhqa.schemas.document import Document

    plan = Plan.build(from_dict(config), select=select)
    return run_document(plan, Document.from_text(text)).findings
