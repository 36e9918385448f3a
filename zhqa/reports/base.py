"""What a report renders: the run's results, as the engines hand them over."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.finding import Finding
from zhqa.schemas.report import Summary, ToolInfo


class Results(Protocol):
    """A finished run: summary plus findings and per-document metrics, streamed in order."""

    config: SuiteConfig
    summary: Summary
    extras: dict[str, Any]

    @property
    def tool(self) -> ToolInfo: ...

    def finding_payloads(self) -> Iterator[str]: ...

    def findings(self) -> Iterator[Finding]: ...

    def metrics(self) -> Iterator[dict[str, Any]]: ...


FAMILY_ORDER = ["encoding", "punctuation", "duplication", "numeric", "structure"]


def by_family(by_code: dict[str, int]) -> dict[str, int]:
    """Finding counts per family (from the code's first two characters), all families listed."""
    from zhqa.checks.registry import CATALOGUE

    out = dict.fromkeys(FAMILY_ORDER, 0)
    for code, n in by_code.items():
        chk = CATALOGUE.get(code)
        fam = chk.family if chk else "structure"
        out[fam] = out.get(fam, 0) + n
    return out
