"""Run the selected checks on one document and turn hits into findings.

Both engines call :func:`run_document`, so a document gives the same findings
wherever it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from zhqa.checks.registry import CATALOGUE, AnyCheck, CorpusCheck, DocumentCheck, MapItem, selected
from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Finding, Hit, Metric, Severity
from zhqa.text.locate import LineIndex, excerpt
from zhqa.text.stats import text_stats


class ConfigError(ValueError):
    """A configuration problem; the message names the key."""


@dataclass
class Plan:
    """The checks of one run with their validated options and effective severities."""

    config: SuiteConfig
    checks: list[AnyCheck]
    options: dict[str, BaseModel] = field(default_factory=dict)
    _bound: Any = field(default=None, init=False, repr=False, compare=False)
    _severities: dict[Any, Severity] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def build(
        cls, config: SuiteConfig, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
    ) -> Plan:
        for code in config.options:
            if code not in CATALOGUE:
                raise ConfigError(f"options.{code}: no check has code {code}")
        for code in config.severity:
            if code not in CATALOGUE:
                raise ConfigError(f"severity.{code}: no check has code {code}")
        checks = selected(config, select, ignore)
        options = {}
        for chk in checks:
            try:
                options[chk.code] = chk.options(config.options.get(chk.code))
            except ValidationError as e:
                err = e.errors()[0]
                loc = ".".join(str(p) for p in err["loc"])
                raise ConfigError(f"options.{chk.code}.{loc}: {err['msg']}") from None
        return cls(config=config, checks=checks, options=options)

    @property
    def document_checks(self) -> list[DocumentCheck]:
        return [c for c in self.checks if isinstance(c, DocumentCheck)]

    def bound(self) -> list[tuple[DocumentCheck, Callable[[Document], Iterable[Hit | Metric]]]]:
        """Each document check with its options and config bound (built once per plan)."""
        if self._bound is None or self._bound[0] is not self.checks:
            calls = [(c, c.bind(self.options[c.code], self.config)) for c in self.document_checks]
            self._bound = (self.checks, len(self.checks), calls)
        elif self._bound[1] != len(self.checks):  # the list was changed in place
            self._bound = None
            return self.bound()
        return self._bound[2]

    @property
    def corpus_checks(self) -> list[CorpusCheck]:
        return [c for c in self.checks if isinstance(c, CorpusCheck)]

    def severity(self, chk: AnyCheck, hit: Hit) -> Severity:
        key = (chk.code, hit.severity, chk.severity)
        got = self._severities.get(key)
        if got is None:
            got = self._severities[key] = self._severity(chk, hit)
        return got

    def _severity(self, chk: AnyCheck, hit: Hit) -> Severity:
        sev = self.config.severity.get(chk.code) or hit.severity or chk.severity
        promote = self.config.promote_warnings
        if sev is Severity.warning and (
            promote is True or (isinstance(promote, list) and any(chk.code.startswith(p) for p in promote))
        ):
            return Severity.error
        return sev


def to_finding(plan: Plan, chk: AnyCheck, doc: Document, hit: Hit, index: LineIndex | None = None) -> Finding:
    """Add code, name, family, severity, line, column and excerpt to a hit."""
    line, column = (index or LineIndex(doc.text)).locate(hit.start)
    return Finding(
        code=chk.code,
        name=chk.name,
        family=chk.family,  # type: ignore[arg-type]
        severity=plan.severity(chk, hit),
        doc_id=doc.id,
        source=doc.source,
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        message=hit.message,
        excerpt=hit.excerpt if hit.excerpt is not None else excerpt(doc.text, hit.start, hit.end),
        fix=hit.fix,
        related=hit.related,
    )


def finding_key(f: Finding) -> tuple[int, int, str, str]:
    return (f.start, f.end, f.code, f.message)


@dataclass
class DocResult:
    """What one document gives: findings (sorted), metrics, and corpus-check map outputs."""

    seq: int
    doc_id: str
    source: str
    characters: int
    findings: list[Any]  # Findings (or what run_document's ``make`` built)
    metrics: dict[str, float]
    mapped: dict[str, list[tuple[Any, Any]]]


def run_document(
    plan: Plan,
    doc: Document,
    seq: int = 0,
    mapped: dict[str, list[tuple[Any, Any]]] | None = None,
    counts: Sequence[int] | None = None,
    make: Callable[[Plan, AnyCheck, Document, Hit, LineIndex], Any] = to_finding,
    key: Callable[[Any], Any] = finding_key,
) -> DocResult:
    """Findings, metrics and corpus map outputs of one document (``mapped`` and the
    character ``counts`` of ``text_stats``: already computed for a batch, see :func:`map_batch`).

    ``make`` turns a hit into a finding and ``key`` sorts them (an engine may build
    something lighter than a :class:`Finding`, with the same order)."""
    index = None  # built at the first finding: most documents have none
    findings: list[Any] = []
    metrics: dict[str, float] = text_stats(doc.text, doc.meta, counts)  # base stats; checks' add to them
    cap = plan.config.limits.max_findings_per_check
    for chk, call in plan.bound():
        kept, extra, first_extra = 0, 0, None
        for out in call(doc):
            if isinstance(out, Metric):
                metrics[out.name] = out.value
            elif kept < cap:
                index = index or LineIndex(doc.text)
                findings.append(make(plan, chk, doc, out, index))
                kept += 1
            else:
                extra += 1
                first_extra = first_extra or out
        if first_extra is not None and index is not None:
            findings.append(make(plan, chk, doc, _more(first_extra, extra, chk.code, cap), index))
    findings.sort(key=key)
    if mapped is None:
        mapped = {c.code: list(c.map(doc, plan.options[c.code])) for c in plan.corpus_checks}
    return DocResult(seq, doc.id, doc.source, len(doc.text), findings, metrics, mapped)


def _more(hit: Hit, extra: int, code: str, cap: int) -> Hit:
    """One finding standing for the hits past the per-document cap (memory stays bounded)."""
    msg = f"{extra:,} more {code} findings in this document from here on (limits.max_findings_per_check = {cap:,})"
    return Hit(start=hit.start, end=hit.end, message=msg)


def map_batch(plan: Plan, docs: Sequence[Document]) -> list[dict[str, list[tuple[Any, Any]]]]:
    """The corpus checks' map outputs of many documents, per document, as ``run_document``
    would give them; a check with a ``map_many(docs, options)`` method (one list of pairs
    per document) sees the whole batch at once (vectorised work pays its overhead once)."""
    out: list[dict[str, list[tuple[Any, Any]]]] = [{} for _ in docs]
    for c in plan.corpus_checks:
        opts = plan.options[c.code]
        many = getattr(c, "map_many", None)
        per_doc = many(docs, opts) if many is not None else [c.map(d, opts) for d in docs]
        for slot, pairs in zip(out, per_doc, strict=True):
            slot[c.code] = list(pairs)
    return out


def map_items(code: str, results: Iterable[DocResult]) -> Iterable[MapItem]:
    for r in results:
        for key, value in r.mapped.get(code, ()):
            yield MapItem(r.seq, r.doc_id, key, value)
