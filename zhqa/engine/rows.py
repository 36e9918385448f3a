"""A finding as its report row, without building the pydantic Finding.

The JSON is exactly ``Finding.model_dump_json()`` (field order, no spaces, strings
escaped as pydantic escapes them: ``json.encoder.encode_basestring``; fix and related
serialised by their own models); tests compare the two on every check's examples.
"""

from __future__ import annotations

from json.encoder import encode_basestring as _s  # type: ignore[attr-defined]
from operator import itemgetter

from zhqa.checks.registry import AnyCheck
from zhqa.checks.runner import Plan
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit
from zhqa.text.locate import LineIndex, excerpt

# (start, end, code, message, severity, family, json)
Row = tuple[int, int, str, str, str, str, str]
row_key = itemgetter(0, 1, 2, 3)  # finding_key's order


def finding_row(plan: Plan, chk: AnyCheck, doc: Document, hit: Hit, index: LineIndex) -> Row:
    """What ``to_finding(...).model_dump_json()`` gives, with the fields the engine sorts and counts by."""
    line, column = index.locate(hit.start)
    sev = plan.severity(chk, hit).value
    text = hit.excerpt if hit.excerpt is not None else excerpt(doc.text, hit.start, hit.end)
    fix = "null" if hit.fix is None else hit.fix.model_dump_json()
    related = "[" + ",".join(r.model_dump_json() for r in hit.related) + "]"
    js = (
        f'{{"code":{_s(chk.code)},"name":{_s(chk.name)},"family":{_s(chk.family)},"severity":{_s(sev)},'
        f'"doc_id":{_s(doc.id)},"source":{_s(doc.source)},"start":{hit.start:d},"end":{hit.end:d},'
        f'"line":{line:d},"column":{column:d},"message":{_s(hit.message)},"excerpt":{_s(text)},'
        f'"fix":{fix},"related":{related}}}'
    )
    return (hit.start, hit.end, chk.code, hit.message, sev, chk.family, js)
