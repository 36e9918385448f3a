"""A finding as its report row, without building the pydantic Finding.

The JSON is exactly ``Finding.model_dump_json()`` (field order, no spaces, strings
escaped as pydantic escapes them: ``json.encoder.encode_basestring``; fix and related
serialised by their own models); tests compare the two on every check's examples.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from json.encoder import encode_basestring as _s  # type: ignore[attr-defined]
from operator import itemgetter

from zhqa.checks.registry import AnyCheck
from zhqa.checks.runner import Plan
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit
from zhqa.text.locate import LineIndex, excerpt

# (start, end, code, message, severity, family, json)
Row = tuple[int, int, str, str, str, str, str]
row_key = itemgetter(0, 1, 2, 3)  # finding_key's order


def finding_row(plan: Plan, chk: AnyCheck, doc: Document, hit: Hit, index: LineIndex) -> Row:
    """What ``to_finding(...).model_dump_json()`` gives, with the fields the engine sorts and counts by."""
    start, end, message = hit.start, hit.end, hit.message
    line, column = index.locate(start)
    sev = plan.severity(chk, hit).value
    text = hit.excerpt
    if text is None:
        text = excerpt(doc.text, start, end)
    fix = "null" if hit.fix is None else _fix(hit.fix)
    related = "[" + ",".join(r.model_dump_json() for r in hit.related) + "]" if hit.related else "[]"
    js = "".join(
        (
            _head(chk.code, chk.name, chk.family, sev),
            _where(doc.id, doc.source),
            f'"start":{start:d},"end":{end:d},"line":{line:d},"column":{column:d},"message":',
            _s(message),
            ',"excerpt":',
            _s(text),
            ',"fix":',
            fix,
            ',"related":',
            related,
            "}",
        )
    )
    return (start, end, chk.code, message, sev, chk.family, js)


def document_rows(plan: Plan, doc: Document, hits: Iterable[tuple[AnyCheck, Hit]]) -> list[Row]:
    """The rows of one document's hits (the corpus findings of pass 2), one line index for all."""
    index = LineIndex(doc.text)
    return [finding_row(plan, chk, doc, hit, index) for chk, hit in hits]


@lru_cache(maxsize=256)
def _head(code: str, name: str, family: str, severity: str) -> str:
    return f'{{"code":{_s(code)},"name":{_s(name)},"family":{_s(family)},"severity":{_s(severity)},'


@lru_cache(maxsize=64)
def _where(doc_id: str, source: str) -> str:
    return f'"doc_id":{_s(doc_id)},"source":{_s(source)},'


def _fix(fix: Fix) -> str:
    """``Fix.model_dump_json()``: the replacement, then only the fields that differ from their defaults."""
    out = '{"replacement":' + _s(fix.replacement)
    if fix.applicability != "safe":
        out += ',"applicability":' + _s(fix.applicability)
    if fix.title is not None:
        out += ',"title":' + _s(fix.title)
    if fix.start is not None:
        out += f',"start":{fix.start:d}'
    if fix.end is not None:
        out += f',"end":{fix.end:d}'
    if fix.also is not None:
        out += ',"also":[' + ",".join(e.model_dump_json() for e in fix.also) + "]"
    return out + "}"
