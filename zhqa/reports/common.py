"""What the rich formats (html, junit, sarif, markdown) share: rules, verdict, documents, positions.

An engine may put ``extras["documents"]``: a callable that re-reads the run's
documents in run order. Findings stream in the same order, so
:func:`with_documents` pairs each finding with its document's text without
holding the corpus in memory. Without it, reports fall back to the findings alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from zhqa.reports.base import Results, family_of, in_family_order
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Finding

_RECORD_LINE = re.compile(r":(\d+)$")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def rules(res: Results) -> list[Any]:
    """The checks of the run (the plan's, else the catalogue's), then any other code found."""
    from zhqa.checks.registry import CATALOGUE

    plan = getattr(res, "plan", None)
    checks = list(plan.checks) if plan is not None else list(CATALOGUE.values())
    known = {c.code for c in checks}
    checks += [CATALOGUE[c] for c in res.summary.by_code if c not in known and c in CATALOGUE]
    return sorted(checks, key=lambda c: c.code)


def families(res: Results) -> list[str]:
    """The families the run checked, in the canonical order."""
    used = {c.family for c in rules(res)} | {family_of(c) for c in res.summary.by_code}
    return in_family_order(used)


def verdict(res: Results) -> tuple[str, list[str]]:
    """("passed" | "failed", the gate's reasons)."""
    gate = res.summary.gate
    return ("passed" if gate.passed else "failed"), list(gate.reasons)


def documents(res: Results) -> Iterator[Document]:
    """The run's documents again, in run order (nothing when the engine cannot re-read them)."""
    get: Callable[[], Iterable[Document]] | None = res.extras.get("documents")
    if get is None:
        return
    try:
        yield from get()
    except OSError:  # an input vanished since the run: report without its text
        return


def with_documents(res: Results) -> Iterator[tuple[Finding, Document | None]]:
    """Each finding with its document (or None), streaming both in run order."""
    docs = documents(res)
    current: Document | None = None
    exhausted = False
    for f in res.findings():
        key = (f.source, f.doc_id)
        if not exhausted and (current is None or (current.source, current.id) != key):
            current = None
            for doc in docs:
                if (doc.source, doc.id) == key:
                    current = doc
                    break
            else:
                exhausted = True
        yield f, current if current is not None and (current.source, current.id) == key else None


def source_format(source: str) -> str:
    """The reader format of a source: text, jsonl, json, parquet, or unsupported."""
    from zhqa.io.discover import classify

    return classify(source.replace("\\", "/").rsplit("/", 1)[-1])[0]


def is_text_source(source: str) -> bool:
    """True for a .txt/.md page (one document per file), False for records."""
    return source_format(source) == "text"


def record_line(f: Finding, doc: Document | None) -> int | None:
    """The record's line (JSONL) or row (JSON/Parquet) in its file, when known."""
    if doc is not None:
        return doc.line
    m = _RECORD_LINE.search(f.doc_id)
    return int(m.group(1)) if m else None


def xml_text(text: str) -> str:
    """Text safe for XML 1.0: characters XML forbids become visible ``\\xNN`` escapes."""
    return _XML_BAD.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
