"""What a report renders: the run's results, as the engines hand them over."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol, get_args

from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.finding import Family, Finding
from zhqa.schemas.report import Summary, ToolInfo
from zhqa.text.plural import plural


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


FAMILY_ORDER: list[str] = list(get_args(Family))  # encoding, punctuation, duplication, numeric, structure


def in_family_order(families: set[str]) -> list[str]:
    """``families`` in the canonical order, any other (a suite's own) after them, sorted."""
    return [f for f in FAMILY_ORDER if f in families] + sorted(families - set(FAMILY_ORDER))


def family_of(code: str) -> str:
    """The family of a code: its check's, else the one its first two characters name."""
    from zhqa.checks.registry import CATALOGUE, FAMILIES

    chk = CATALOGUE.get(code)
    return chk.family if chk else FAMILIES.get(code[:2], "structure")


def by_family(by_code: dict[str, int]) -> dict[str, int]:
    """Finding counts per family (see :func:`family_of`), all families listed."""
    out = dict.fromkeys(FAMILY_ORDER, 0)
    for code, n in by_code.items():
        fam = family_of(code)
        out[fam] = out.get(fam, 0) + n
    return out


def count(n: int, noun: str, many: str | None = None) -> str:
    """``n`` with thousands separators and its noun: "1 error", "1,200 errors"."""
    return f"{n:,} {plural(n, noun, many)}"


def severity_counts(by_severity: dict[str, int]) -> str:
    """ "2 errors, 1 warning, 0 info": the summary's counts per severity."""
    sev = by_severity
    return f"{count(sev.get('error', 0), 'error')}, {count(sev.get('warning', 0), 'warning')}, {sev.get('info', 0):,} info"
