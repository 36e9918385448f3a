"""``--format markdown``: a short summary for a CI job summary or a pull-request comment.

Verdict and reasons first, then counts by family and the most frequent codes;
no per-finding detail (that is what the HTML, JSON and SARIF reports are for).
"""

from __future__ import annotations

import re
from typing import TextIO

from zhqa.reports.base import Results, by_family, count, severity_counts
from zhqa.reports.common import verdict

TOP_CODES = 10
_SPECIAL = re.compile(r"([\\`*_\[\]|<>#])")


def md(text: str) -> str:
    """Text as literal Markdown: markup characters escaped, newlines flattened."""
    return _SPECIAL.sub(r"\\\1", str(text).replace("\r", " ").replace("\n", " "))


def _code(text: str) -> str:
    return "`" + str(text).replace("`", "'").replace("\n", " ") + "`"


def _names() -> dict[str, tuple[str, str]]:
    from zhqa.checks.registry import CATALOGUE

    return {code: (c.name, c.severity.value) for code, c in CATALOGUE.items()}


def write(res: Results, out: TextIO) -> None:
    s = res.summary
    word, reasons = verdict(res)
    mark = "✅ passed" if word == "passed" else "❌ failed"
    lines = [f"## zhqa quality gate: {mark}", ""]
    lines.append(
        f"**{count(s.findings, 'finding')}** ({severity_counts(s.by_severity)}) in {count(s.documents, 'document')} "
        f"({count(s.characters, 'character')})."
    )
    lines.append("")
    if reasons:
        lines.append("**Why it failed:**")
        lines += [f"- {md(r)}" for r in reasons]
        lines.append("")
    baseline = res.extras.get("baseline")
    if baseline:
        lines += [
            f"Baseline: {baseline.get('new', 0)} new, {baseline.get('baselined', 0)} baselined, "
            f"{baseline.get('fixed', 0)} fixed.",
            "",
        ]
    if s.findings:
        fams = {k: v for k, v in by_family(s.by_code).items() if v}
        lines += ["| family | findings |", "| --- | ---: |"]
        lines += [f"| {fam} | {n:,} |" for fam, n in fams.items()]
        lines.append("")
        names = _names()
        top = sorted(s.by_code.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_CODES]
        lines += ["| code | check | severity | findings |", "| --- | --- | --- | ---: |"]
        for code, n in top:
            name, severity = names.get(code, ("", ""))
            severity = str(getattr(res.config.severity.get(code), "value", None) or severity)
            lines.append(f"| `{code}` | {md(name)} | {severity} | {n:,} |")
        if len(s.by_code) > TOP_CODES:
            lines.append(f"\n… and {len(s.by_code) - TOP_CODES} more codes.")
        lines.append("")
    bad = [i for i in s.inputs if i.status != "ok"]
    if bad:
        lines.append("**Inputs with problems:**")
        lines += [f"- {md(i.source)}: {i.status}" + (f" ({md(i.error)})" if i.error else "") for i in bad]
        lines.append("")
    links = []
    for fmt, dest in sorted(res.extras.get("written", {}).items()):
        if fmt != "markdown":
            links.append(f"{fmt}: {_code(dest)}")
    if res.extras.get("gx_docs"):
        links.append("Great Expectations Data Docs: " + _code(res.extras["gx_docs"]))
    if links:
        lines += ["Reports: " + " · ".join(links), ""]
    lines.append(f"<sub>{md(res.tool.name)} {md(res.tool.version)}</sub>")
    out.write("\n".join(lines) + "\n")
