"""``--format text``: findings grouped by document, then a summary by family and the verdict."""

from __future__ import annotations

from typing import TextIO

from zhqa.reports.base import Results, by_family, count, severity_counts
from zhqa.text.plural import plural

SHOW_DEFAULT = 200
_SEV_COLOUR = {"error": "31", "warning": "33", "info": "36"}


def _c(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def write(res: Results, out: TextIO, colour: bool = False, show: int | None = SHOW_DEFAULT) -> None:
    shown = 0
    current = None
    for f in res.findings():
        if show is not None and shown >= show:
            break
        if (f.source, f.doc_id) != current:
            current = (f.source, f.doc_id)
            head = (
                f.source
                if f.doc_id in (f.source, f.source.rsplit("/", 1)[-1])
                else f"{f.source} [{f.doc_id}]"
            )
            out.write(("\n" if shown else "") + _c(head, "1", colour) + "\n")
        sev = _c(f.severity.value, _SEV_COLOUR[f.severity.value], colour)
        fix = " [fix]" if f.fix is not None else ""
        excerpt = f.excerpt.replace("\n", "⏎")
        out.write(f"  {f.line}:{f.column}  {_c(f.code, '1', colour)} {sev}  {f.message}{fix}  «{excerpt}»\n")
        shown += 1
    s = res.summary
    if shown < s.findings:
        more = s.findings - shown
        out.write(f"  … {more} more {plural(more, 'finding')} (see --format json or --show all)\n")
    out.write("\n")
    out.write(
        f"{count(s.documents, 'document')}, {count(s.characters, 'character')}, "
        f"{count(s.findings, 'finding')} ({severity_counts(s.by_severity)})\n"
    )
    fams = by_family(s.by_code)
    out.write("  " + " · ".join(f"{fam} {n}" for fam, n in fams.items()) + "\n")
    if s.by_code:
        out.write("  " + "  ".join(f"{code}×{n}" for code, n in s.by_code.items()) + "\n")
    bad = [i for i in s.inputs if i.status != "ok"]
    for i in bad:
        out.write(f"  input {i.source}: {i.status}" + (f" ({i.error})" if i.error else "") + "\n")
    if "baseline" in res.extras:
        b = res.extras["baseline"]
        fixed = f"{b['fixed']} baseline {plural(b['fixed'], 'entry', 'entries')}"
        out.write(f"Baseline: {b['new']} new, {b['baselined']} baselined, {fixed} now fixed\n")
    if s.gate.passed:
        out.write(_c("Gate: passed", "32;1", colour) + "\n")
    else:
        out.write(_c("Gate: FAILED", "31;1", colour) + " — " + "; ".join(s.gate.reasons) + "\n")
