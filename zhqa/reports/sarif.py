"""``--format sarif``: SARIF 2.1.0, rules from the registry, results streamed.

Locations are physical: the source file, and in it the finding's line and
column (code points, ``columnKind: unicodeCodePoints``) for a page, or the
record's line for a JSONL record (JSON/Parquet rows: the row number goes to
the result's properties, since a row has no line). The document id is the
logical location. The gate verdict and its reasons are in the run's and the
invocation's ``properties``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from zhqa.reports.base import Results
from zhqa.reports.common import (
    is_text_source,
    record_line,
    rules,
    source_format,
    verdict,
    with_documents,
)
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Finding
from zhqa.text.locate import line_col

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
BASE = "SRCROOT"


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _uri(source: str) -> dict[str, str]:
    p = Path(source)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(source.replace("\\", "/"), safe="/"), "uriBaseId": BASE}


def _rule(chk: Any) -> dict[str, Any]:
    from zhqa.catalogue import explain

    sections = chk.sections()
    why = sections.get("Why is this bad?", "")
    text = explain(chk.code)
    return {
        "id": chk.code,
        "name": chk.name,
        "shortDescription": {"text": chk.summary},
        "fullDescription": {"text": (chk.summary + ("\n\n" + why if why else "")).strip()},
        "help": {"text": text, "markdown": "```text\n" + text + "```\n"},
        "defaultConfiguration": {"level": LEVEL[chk.severity.value]},
        "properties": {"family": chk.family, "fix": chk.fix, "tags": [chk.family, "zhqa"]},
    }


def _region(text: str, start: int, end: int) -> dict[str, int]:
    sl, sc = line_col(text, start)
    el, ec = line_col(text, end)
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}


def _location(f: Finding, doc: Document | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the SARIF location, extra result properties)."""
    phys: dict[str, Any] = {"artifactLocation": _uri(f.source)}
    props: dict[str, Any] = {}
    if is_text_source(f.source):
        if doc is not None:
            phys["region"] = _region(doc.text, f.start, f.end)
        else:
            phys["region"] = {"startLine": f.line, "startColumn": f.column}
    else:
        line = record_line(f, doc)
        props["recordLineInText"], props["recordColumnInText"] = f.line, f.column
        if line is not None and source_format(f.source) == "jsonl":
            phys["region"] = {"startLine": line}
        elif line is not None:
            props["row"] = line
    loc = {"physicalLocation": phys, "logicalLocations": [{"name": f.doc_id, "kind": "document"}]}
    return loc, props


def _fixes(f: Finding, doc: Document | None) -> list[dict[str, Any]]:
    if f.fix is None or f.fix.applicability == "display" or doc is None or not is_text_source(f.source):
        return []
    start = f.start if f.fix.start is None else f.fix.start
    end = f.end if f.fix.end is None else f.fix.end
    title = f.fix.title or f"replace with {f.fix.replacement!r}"
    return [
        {
            "description": {"text": f"{title} ({f.fix.applicability} fix)"},
            "artifactChanges": [
                {
                    "artifactLocation": _uri(f.source),
                    "replacements": [
                        {
                            "deletedRegion": _region(doc.text, start, end),
                            "insertedContent": {"text": f.fix.replacement},
                        }
                    ],
                }
            ],
        }
    ]


def _result(f: Finding, doc: Document | None, index: dict[str, int]) -> dict[str, Any]:
    loc, props = _location(f, doc)
    key = f"{f.code}\0{f.source}\0{f.doc_id}\0{f.excerpt}"
    out: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVEL[f.severity.value],
        "message": {"text": f.message},
        "locations": [loc],
        "partialFingerprints": {"zhqaFinding/v1": hashlib.sha1(key.encode("utf-8")).hexdigest()},
        "properties": {
            "family": f.family,
            "name": f.name,
            "docId": f.doc_id,
            "start": f.start,
            "end": f.end,
            "excerpt": f.excerpt,
            **({"fix": f.fix.model_dump()} if f.fix is not None else {}),
            **props,
        },
    }
    if f.code in index:
        out["ruleIndex"] = index[f.code]
    if f.related:
        out["relatedLocations"] = [
            {
                "id": i + 1,
                "message": {"text": f"related: {r.doc_id} [{r.start}, {r.end})"},
                "logicalLocations": [{"name": r.doc_id, "kind": "document"}],
                "properties": {"docId": r.doc_id, "start": r.start, "end": r.end},
            }
            for i, r in enumerate(f.related)
        ]
    fixes = _fixes(f, doc)
    if fixes:
        out["fixes"] = fixes
    return out


def write(res: Results, out: TextIO) -> None:
    checks = rules(res)
    index = {c.code: i for i, c in enumerate(checks)}
    word, reasons = verdict(res)
    s = res.summary
    gate = {"verdict": word, "passed": word == "passed", "reasons": reasons}
    notes = [
        {"level": "error", "message": {"text": f"{i.source}: {i.error or i.status}"}}
        for i in s.inputs
        if i.status == "error"
    ]
    invocation: dict[str, Any] = {"executionSuccessful": True, "properties": {"gate": gate}}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    tool = {
        "driver": {
            "name": res.tool.name,
            "version": res.tool.version,
            "informationUri": "https://pypi.org/project/zhqa/",
            "rules": [_rule(c) for c in checks],
        }
    }
    summary = s.model_dump(exclude={"inputs"})
    head = {
        "tool": tool,
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {BASE: {"uri": Path.cwd().as_uri() + "/"}},
        "invocations": [invocation],
        "properties": {"gate": gate, "summary": summary},
    }
    out.write('{"$schema":' + _dumps(SCHEMA_URI) + ',"version":"2.1.0","runs":[')
    out.write(_dumps(head)[:-1] + ',"results":[')
    for i, (f, doc) in enumerate(with_documents(res)):
        out.write(("," if i else "") + "\n" + _dumps(_result(f, doc, index)))
    out.write("\n]}]}\n")
