"""The catalogue as text: ``zhqa list-checks`` and ``zhqa explain CODE``."""

from __future__ import annotations

from zhqa.checks.registry import CATALOGUE, AnyCheck, Bad, Example, Good


def _example_text(ex: Example) -> str:
    if ex.raw is not None:
        return "bytes: " + ex.raw.hex(" ")
    if ex.record is not None:
        import json

        return json.dumps(ex.record, ensure_ascii=False)
    if isinstance(ex.text, str):
        return ex.text
    return "\n".join(f"[document {i + 1}] {t}" for i, t in enumerate(ex.text))


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.replace("\r", "").splitlines() or [""])


def _visible(text: str) -> str:
    """Show invisible and control characters as escapes, so examples read true."""
    out = []
    for ch in text:
        o = ord(ch)
        if ch in "\n\t" or (
            o >= 0x20
            and not (0x7F <= o <= 0x9F)
            and ch not in "\u200b\u200c\u200d\u2060\ufeff\u00ad"
            and not 0x202A <= o <= 0x202E
            and not 0x2066 <= o <= 0x2069
        ):
            out.append(ch)
        else:
            out.append(f"\\u{o:04x}")
    return "".join(out)


def explain(code: str) -> str:
    """The check's docs: what, why, fix safety, then its bad and good examples."""
    chk = CATALOGUE[code]
    lines = [
        f"{chk.code} {chk.name}",
        f"family: {chk.family} · default severity: {chk.severity.value} · fix: {chk.fix}"
        + (" · corpus check" if chk.kind == "corpus" else ""),
        "",
        chk.summary,
        "",
    ]
    for title, body in chk.sections().items():
        lines += [f"## {title}", body, ""]
    bads = [e for e in chk.examples if isinstance(e, Bad)]
    goods = [e for e in chk.examples if isinstance(e, Good)]
    for ex in bads:
        lines.append("## Example" + (f" ({ex.why})" if ex.why else ""))
        lines.append(_indent(_visible(_example_text(ex))))
        if ex.fixed is not None:
            lines.append("Use instead" + (" (unsafe fix)" if ex.unsafe else "") + ":")
            lines.append(_indent(_visible(ex.fixed)))
        lines.append("")
    for good in goods:
        lines.append("## Not flagged" + (f" ({good.why})" if good.why else ""))
        lines.append(_indent(_visible(_example_text(good))))
        lines.append("")
    options = chk.options_model.model_fields
    if options:
        lines.append("## Options")
        for name, f in options.items():
            lines.append(f"    {name} = {f.default!r}" + (f"  # {f.description}" if f.description else ""))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def table(checks: list[AnyCheck]) -> str:
    rows = [
        f"{c.code}  {c.name:<34} {c.family:<12} {c.severity.value:<8} {c.fix:<9} {c.summary}" for c in checks
    ]
    return "\n".join(rows) + "\n"
