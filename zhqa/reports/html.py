"""``--format html``: one self-contained page (``index.html``) a data team reads in a minute.

Jinja2 with autoescape renders the static parts; the findings, document text
and histograms go in one ``<script type="application/json">`` block, escaped so
that nothing in it can close the element, and the inline script draws them
with ``textContent`` only. A Content-Security-Policy allows just this page's
own script and style (by hash) and no network at all.
"""

from __future__ import annotations

import base64
import hashlib
import os
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from zhqa.reports.base import Results, by_family, count
from zhqa.reports.common import rules, verdict, with_documents
from zhqa.reports.html_data import ReportData, histograms, script_json
from zhqa.text.plural import plural


def _asset(name: str) -> str:
    return (resources.files("zhqa.reports") / "templates" / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _inline_code(text: str) -> Any:
    """Escaped text with ``backtick`` spans as <code>."""
    from markupsafe import Markup, escape

    parts = str(text).split("`")
    return Markup("").join(
        Markup("<code>{}</code>").format(p) if i % 2 else escape(p) for i, p in enumerate(parts)
    )


def _example_text(ex: Any) -> str:
    from zhqa.catalogue import _example_text as text
    from zhqa.catalogue import _visible

    return _visible(ex if isinstance(ex, str) else text(ex))


def _reflow(body: str) -> str:
    """Docstring paragraphs as flowing text; list items keep their own line."""
    paras = []
    for para in body.split("\n\n"):
        out: list[str] = []
        for line in para.splitlines():
            line = line.strip()
            if out and not line.startswith(("- ", "* ")):
                out[-1] += " " + line
            else:
                out.append(line)
        paras.append("\n".join(out))
    return "\n\n".join(paras)


def _doc_entry(chk: Any) -> dict[str, Any]:
    from zhqa.checks.registry import Bad

    bads, goods = [], []
    for ex in chk.examples:
        if isinstance(ex, Bad):
            fixed = None if ex.fixed is None else _example_text(ex.fixed)
            bads.append({"text": _example_text(ex), "fixed": fixed, "unsafe": ex.unsafe, "why": ex.why})
        else:
            goods.append({"text": _example_text(ex), "why": ex.why})
    return {
        "code": chk.code,
        "name": chk.name,
        "family": chk.family,
        "severity": chk.severity.value,
        "fix": chk.fix,
        "summary": chk.summary,
        "sections": [(title, _reflow(body)) for title, body in chk.sections().items()],
        "bad": bads,
        "good": goods,
        "corpus": chk.kind == "corpus",
    }


def _family_bars(by_code: dict[str, int]) -> list[dict[str, Any]]:
    fams = by_family(by_code)
    top = max(fams.values(), default=0) or 1
    return [{"family": f, "n": n, "w": round(260 * n / top, 1)} for f, n in fams.items()]


def _gx_link(res: Results) -> str | None:
    gx = res.extras.get("gx_docs")
    if not gx:
        return None
    dest = res.extras.get("written", {}).get("html")
    gx_path = Path(str(gx))
    if dest and not str(gx).startswith(("http:", "https:", "file:")):
        try:
            return Path(os.path.relpath(gx_path.resolve(), Path(dest).resolve().parent)).as_posix()
        except ValueError:  # another drive (Windows)
            pass
    return gx_path.resolve().as_uri() if not str(gx).startswith(("http:", "https:", "file:")) else str(gx)


def context(res: Results) -> dict[str, Any]:
    """Everything the template needs (the embedded data included)."""
    s = res.summary
    data = ReportData(s.findings).add_all(with_documents(res))
    hists, worst = histograms(res.metrics())
    checks = {c.code: c for c in rules(res)}
    used = [checks[c] for c in s.by_code if c in checks]
    codes_meta = {
        c.code: {"name": c.name, "family": c.family, "severity": c.severity.value, "summary": c.summary}
        for c in checks.values()
    }
    payload = data.as_json()
    payload["meta"] = {
        code: codes_meta.get(code, {"name": "", "family": "", "summary": ""}) for code in data.codes
    }
    payload["hist"] = hists
    payload["worst"] = worst
    payload["total"] = data.total
    word, reasons = verdict(res)
    code_rows = [
        {
            "code": code,
            "n": n,
            **codes_meta.get(code, {"name": "", "family": "", "severity": "", "summary": ""}),
        }
        for code, n in sorted(s.by_code.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return {
        "tool": res.tool,
        "summary": s,
        "verdict": word,
        "reasons": reasons,
        "families": _family_bars(s.by_code),
        "code_rows": code_rows,
        "top_code": max((r["n"] for r in code_rows), default=1),
        "docs": [_doc_entry(c) for c in used],
        "gx_link": _gx_link(res),
        "baseline": res.extras.get("baseline"),
        "inputs": s.inputs,
        "shown": len(data.rows),
        "docs_with_findings": len(data.docs),
        "data_json": script_json(payload),
    }


def render(res: Results) -> str:
    from jinja2 import Environment, PackageLoader, StrictUndefined
    from markupsafe import Markup

    env = Environment(
        loader=PackageLoader("zhqa.reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["inline_code"] = _inline_code
    env.filters["count"] = count
    env.filters["plural"] = plural
    css, js = _asset("report.css"), _asset("report.js")
    csp = (
        "default-src 'none'; "
        f"script-src {_sha256(js)}; style-src {_sha256(css)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    ctx = context(res)
    ctx["data_json"] = Markup(ctx["data_json"])  # escaped for its <script> by script_json
    return env.get_template("report.html.j2").render(css=Markup(css), js=Markup(js), csp=csp, **ctx)


def write(res: Results, out: TextIO) -> None:
    out.write(render(res))
