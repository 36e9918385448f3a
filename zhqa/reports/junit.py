"""``--format junit``: one testsuite per family, one testcase per document × family, plus the gate.

A testcase fails when its document has an error of that family; the failure
lists every finding of the family in the document. Warnings and info alone
leave the testcase passing, listed in its ``system-out``. A ``gate`` suite
holds the verdict and its reasons. Testcases are spooled per family on disk,
so memory stays flat on big corpora.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from typing import IO, TextIO
from xml.sax.saxutils import escape, quoteattr

from zhqa.reports.base import Results
from zhqa.reports.common import families, verdict, xml_text
from zhqa.schemas.finding import Finding
from zhqa.text.plural import plural


def _attr(value: object) -> str:
    return quoteattr(xml_text(str(value)))


def _body(text: str) -> str:
    return escape(xml_text(text))


def finding_line(f: Finding) -> str:
    """``P201 3:19 error message «excerpt» fix→'，'``: one finding, one line."""
    fix = f" fix→{f.fix.replacement!r} ({f.fix.applicability})" if f.fix is not None else ""
    excerpt = f.excerpt.replace("\n", "⏎")
    return f"{f.code} {f.line}:{f.column} {f.severity.value} {f.message} «{excerpt}»{fix}"


def _testcase(doc_id: str, source: str, family: str, found: list[Finding]) -> tuple[str, bool]:
    head = f'<testcase name={_attr(doc_id)} classname={_attr("zhqa." + family)} file={_attr(source)} time="0"'
    if not found:
        return head + "/>\n", False
    body = _body("\n".join(finding_line(f) for f in found))
    codes = Counter(f.code for f in found)
    summary = f"{len(found)} {plural(len(found), 'finding')}: " + ", ".join(
        f"{c}×{n}" if n > 1 else c for c, n in codes.items()
    )
    if any(f.severity.value == "error" for f in found):
        tag = f"<failure message={_attr(summary)} type={_attr(' '.join(codes))}>{body}</failure>"
        return f"{head}>{tag}</testcase>\n", True
    return f"{head}><system-out>{body}</system-out></testcase>\n", False


def _grouped(res: Results) -> Iterator[tuple[str, str, list[Finding]]]:
    """(doc_id, source, findings) for every document in run order; findings stream alongside."""
    found = res.findings()
    pending = next(found, None)
    for row in res.metrics():
        key = (row["source"], row["doc_id"])
        mine: list[Finding] = []
        while pending is not None and (pending.source, pending.doc_id) == key:
            mine.append(pending)
            pending = next(found, None)
        yield row["doc_id"], row["source"], mine
    while pending is not None:  # findings no metrics row accounts for (should not happen)
        key = (pending.source, pending.doc_id)
        mine = []
        while pending is not None and (pending.source, pending.doc_id) == key:
            mine.append(pending)
            pending = next(found, None)
        yield key[1], key[0], mine


def _gate_suite(res: Results) -> str:
    word, reasons = verdict(res)
    s = res.summary
    props = {
        "verdict": word,
        "documents": s.documents,
        "characters": s.characters,
        "findings": s.findings,
        **{f"{k}s": v for k, v in s.by_severity.items()},
    }
    out = f'<testsuite name="gate" tests="1" failures="{0 if word == "passed" else 1}" errors="0" time="0">\n'
    out += "<properties>" + "".join(f"<property name={_attr(k)} value={_attr(v)}/>" for k, v in props.items())
    out += "</properties>\n"
    case = '<testcase name="verdict" classname="zhqa.gate" time="0"'
    if word == "passed":
        return out + case + "/>\n</testsuite>\n"
    message = "Gate failed: " + "; ".join(reasons)
    body = _body("\n".join(reasons))
    return (
        out
        + f'{case}><failure message={_attr(message)} type="gate">{body}</failure></testcase>\n</testsuite>\n'
    )


def write(res: Results, out: TextIO) -> None:
    fams = families(res)
    spools: dict[str, IO[str]] = {fam: tempfile.TemporaryFile("w+", encoding="utf-8") for fam in fams}
    tests: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    try:
        for doc_id, source, found in _grouped(res):
            by_family: dict[str, list[Finding]] = {}
            for f in found:
                by_family.setdefault(f.family, []).append(f)
            for fam in by_family.keys() - spools.keys():
                spools[fam] = tempfile.TemporaryFile("w+", encoding="utf-8")
            for fam, spool in spools.items():
                xml, is_failure = _testcase(doc_id, source, fam, by_family.get(fam, []))
                spool.write(xml)
                tests[fam] += 1
                failed[fam] += is_failure
        gate_failed = 0 if res.summary.gate.passed else 1
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(
            f'<testsuites name="zhqa" tests="{sum(tests.values()) + 1}" '
            f'failures="{sum(failed.values()) + gate_failed}" errors="0" time="0">\n'
        )
        out.write(_gate_suite(res))
        for fam, spool in spools.items():
            out.write(
                f'<testsuite name={_attr(fam)} tests="{tests[fam]}" failures="{failed[fam]}" '
                'errors="0" skipped="0" time="0">\n'
            )
            spool.seek(0)
            shutil.copyfileobj(spool, out)
            out.write("</testsuite>\n")
        out.write("</testsuites>\n")
    finally:
        for spool in spools.values():
            spool.close()
