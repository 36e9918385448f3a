"""Generate docs/checks.md and docs/config.schema.json from the check registry.

    python tools/gen_docs.py           # write both files
    python tools/gen_docs.py --check   # exit 1 if a committed file is stale

The catalogue page renders what ``zhqa explain`` renders (the docstring sections,
the bad and good examples, the options model), one section per built-in check.
The schema is ``SuiteConfig``'s, with ``options`` spelled out per check from each
check's options model. ``tests/docs/test_docs_current.py`` fails when either is stale.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
CHECKS_MD = ROOT / "docs" / "checks.md"
SCHEMA_JSON = ROOT / "docs" / "config.schema.json"
REGENERATE = "python tools/gen_docs.py"


def builtin_checks() -> list[Any]:
    """The built-in checks in code order (suite plugins and test doubles left out)."""
    from zhqa.checks import CATALOGUE

    def module(chk: Any) -> str:
        return str(chk.func.__module__ if chk.kind == "document" else type(chk).__module__)

    return [CATALOGUE[c] for c in sorted(CATALOGUE) if module(CATALOGUE[c]).startswith("zhqa.checks.")]


def _fence(text: str, lang: str = "text") -> list[str]:
    ticks = "`" * max(3, max(map(len, re.findall("`+", text)), default=0) + 1)
    return [f"{ticks}{lang}", text, ticks]


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False, default=str)


def _type(prop: dict[str, Any]) -> str:
    if "anyOf" in prop:
        return " | ".join(_type(p) for p in prop["anyOf"])
    if prop.get("type") == "array":
        return f"list[{_type(prop.get('items', {}))}]"
    if "enum" in prop:
        return " | ".join(json.dumps(v, ensure_ascii=False) for v in prop["enum"])
    return str(prop.get("type", "any"))


_BOUNDS = {"minimum": ">=", "exclusiveMinimum": ">", "maximum": "<=", "exclusiveMaximum": "<"}


def _options(chk: Any) -> list[str]:
    model: type[BaseModel] = chk.options_model
    if not model.model_fields:
        return []
    props = model.model_json_schema()["properties"]
    lines = ["### Options", "", "| Option | Type | Default | Meaning |", "| --- | --- | --- | --- |"]
    toml = [f"[tool.zhqa.options.{chk.code}]"]
    for name, f in model.model_fields.items():
        default = f.get_default(call_default_factory=True)
        prop = props.get(f.alias or name, {})
        kind = _type(prop) + "".join(f" {op} {prop[k]}" for k, op in _BOUNDS.items() if k in prop)
        desc = (f.description or "").replace("|", "\\|")
        lines.append(f"| `{name}` | {kind} | `{_toml(default)}` | {desc} |")
        toml.append(f"{name} = {_toml(default)}")
    return [*lines, "", *_fence("\n".join(toml), "toml"), ""]


def _block(heading: str, chk: Any, ex: Any) -> list[str]:
    """One example: its heading, the settings it runs with (if not the defaults), its text."""
    from zhqa.catalogue import _example_text, _visible

    lines = [f"### {heading}" + (f" ({ex.why})" if ex.why else ""), ""]
    settings = [f"`{k} = {_toml(v)}`" for k, v in ex.config.items()]
    settings += [f"`[tool.zhqa.options.{chk.code}] {k} = {_toml(v)}`" for k, v in ex.options.items()]
    if settings:
        lines += ["With " + ", ".join(settings) + ":", ""]
    lang = "json" if ex.record is not None else "text"
    return [*lines, *_fence(_visible(_example_text(ex)), lang), ""]


def _section(chk: Any) -> list[str]:
    from zhqa.catalogue import _visible
    from zhqa.checks.registry import Bad, Good

    kind = "corpus check (compares documents)" if chk.kind == "corpus" else "document check"
    lines = [
        f"## {chk.code} {chk.name}",
        "",
        chk.summary,
        "",
        f"Family: {chk.family} · default severity: {chk.severity.value} · fix: {chk.fix} · {kind}",
        "",
    ]
    for title, body in chk.sections().items():
        lines += [f"### {title}", "", body, ""]
    for ex in (e for e in chk.examples if isinstance(e, Bad)):
        lines += _block("Example", chk, ex)
        if ex.fixed is not None:
            lines += [
                f"Use instead{' (unsafe fix)' if ex.unsafe else ''}:",
                "",
                *_fence(_visible(ex.fixed)),
                "",
            ]
    for ex in (e for e in chk.examples if isinstance(e, Good)):
        lines += _block("Not flagged", chk, ex)
    return lines + _options(chk)


def checks_markdown() -> str:
    """docs/checks.md: an index table, then one section per check, then retired codes."""
    from zhqa.checks._retired import RETIRED

    checks = builtin_checks()
    lines = [
        "# Check catalogue",
        "",
        f"<!-- Generated from the check registry by `{REGENERATE}`; do not edit by hand. -->",
        "",
        "Every built-in check: what it finds, why it matters, when its fix is safe, and the",
        "examples it is tested on (each Bad must fire, each Good must not; both run in",
        "`tests/test_examples.py`). `zhqa explain CODE` prints the same text. Fix: `always`,",
        "`sometimes` or `never` says whether a finding comes with an edit `zhqa fix` can apply.",
        "Options are set in `[tool.zhqa.options.CODE]` ([schema](config.schema.json)).",
        "",
        "| Code | Name | Family | Severity | Fix | What it finds |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for c in checks:
        anchor = f"{c.code}-{c.name}".lower()
        row = [
            f"[{c.code}](#{anchor})",
            c.name,
            c.family,
            c.severity.value,
            c.fix,
            c.summary.replace("|", "\\|"),
        ]
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    for c in checks:
        lines += _section(c)
    lines += ["## Retired codes", ""]
    retired = [f"- {code}: {why}" for code, why in sorted(RETIRED.items())]
    lines += retired or ["None yet. A retired code is never reused."]
    return "\n".join(lines).rstrip() + "\n"


def config_schema() -> dict[str, Any]:
    """SuiteConfig's JSON schema with ``options`` typed per check (``[tool.zhqa.options.CODE]``)."""
    from zhqa.schemas.config import SuiteConfig

    schema = SuiteConfig.model_json_schema(by_alias=True)
    defs = schema.setdefault("$defs", {})
    per_check: dict[str, Any] = {}
    for chk in builtin_checks():
        if not chk.options_model.model_fields:
            continue
        sub = chk.options_model.model_json_schema(ref_template="#/$defs/{model}")
        for name, body in sub.pop("$defs", {}).items():
            if defs.setdefault(name, body) != body:
                raise ValueError(f"two option models define a different {name!r}")
        sub["title"] = f"{chk.code} {chk.name} options"
        defs[f"Options{chk.code}"] = sub
        per_check[chk.code] = {"$ref": f"#/$defs/Options{chk.code}"}
    schema["properties"]["options"] = {
        "title": "Options",
        "description": "Per-check options, [tool.zhqa.options.CODE]; a suite's own checks (X9xx) add theirs.",
        "type": "object",
        "properties": per_check,
        "propertyNames": {"pattern": "^[A-Z][0-9]{3}$"},
        "additionalProperties": {"type": "object"},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"The [tool.zhqa] table. Generated by `{REGENERATE}` from SuiteConfig; do not edit.",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(config_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def outputs() -> dict[Path, str]:
    return {CHECKS_MD: checks_markdown(), SCHEMA_JSON: schema_text()}


def stale() -> list[Path]:
    """The generated files whose committed text differs from a fresh generation."""
    return [p for p, text in outputs().items() if not p.is_file() or p.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a generated file is stale")
    args = parser.parse_args(argv)
    if args.check:
        old = stale()
        for p in old:
            print(f"{p.relative_to(ROOT)} is stale; run {REGENERATE}", file=sys.stderr)
        return 1 if old else 0
    for path, text in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
