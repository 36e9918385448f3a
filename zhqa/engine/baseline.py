"""Baselines: accept today's findings, gate only on new ones.

A finding's fingerprint is its code, its document id and its normalised local
context (the excerpt, NFKC-folded, whitespace removed) — never its offset, so
it survives text inserted above it and punctuation fixed next to it. Equal
fingerprints are counted, so a baseline is a multiset.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhqa.engine import gate
from zhqa.engine.spool import Spool
from zhqa.schemas.finding import Finding
from zhqa.text.plural import plural

FORMAT = "zhqa-baseline"
FORMAT_VERSION = 1


class BaselineError(ValueError):
    """The baseline file cannot be used (one-line message, exit 2)."""


def context(excerpt: str) -> str:
    """The excerpt as compared: NFKC (so '，' and ',' agree), no whitespace, no ellipsis cut."""
    return "".join(unicodedata.normalize("NFKC", excerpt).split())


def fingerprint(code: str, doc_id: str, excerpt: str) -> str:
    raw = "\x1f".join((code, doc_id, context(excerpt)))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def finding_fingerprint(f: Finding) -> str:
    """Document-level findings (span 0-0) have no place: their message, numbers masked, stands in."""
    if f.start == f.end == 0:
        return fingerprint(f.code, f.doc_id, "§" + re.sub(r"\d+", "#", f.message))
    return fingerprint(f.code, f.doc_id, f.excerpt)


@dataclass
class Baseline:
    """Accepted findings: fingerprint -> how many, with a readable sample of each."""

    counts: Counter[str] = field(default_factory=Counter)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_findings(cls, findings: Iterable[Finding]) -> Baseline:
        b = cls()
        for f in findings:
            fp = finding_fingerprint(f)
            b.counts[fp] += 1
            b.entries.setdefault(
                fp, {"code": f.code, "doc_id": f.doc_id, "line": f.line, "excerpt": f.excerpt}
            )
        return b

    def __len__(self) -> int:
        return sum(self.counts.values())

    def dump(self, version: str) -> str:
        rows = [
            {"fingerprint": fp, **self.entries.get(fp, {}), "count": n}
            for fp, n in sorted(
                self.counts.items(),
                key=lambda kv: (
                    str(self.entries.get(kv[0], {}).get("doc_id", "")),
                    int(self.entries.get(kv[0], {}).get("line", 0)),
                    kv[0],
                ),
            )
        ]
        head = json.dumps(
            {"format": FORMAT, "version": FORMAT_VERSION, "zhqa": version, "findings": len(self)},
            ensure_ascii=False,
        )
        # one entry per line: a regenerated baseline diffs by finding
        lines = ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
        return head[:-1] + ', "entries": [\n' + lines + ("\n" if rows else "") + "]}\n"

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(
                f"{p}: baseline not found (create it with: zhqa baseline PATH --output {p})"
            ) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise BaselineError(f"{p}: not a readable baseline ({e})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BaselineError(f'{p}: not a zhqa baseline (no "format": "{FORMAT}")')
        b = cls()
        try:
            for row in data.get("entries", []):
                fp = str(row["fingerprint"])
                b.counts[fp] += int(row.get("count", 1))
                b.entries[fp] = {k: row[k] for k in ("code", "doc_id", "line", "excerpt") if k in row}
        except (KeyError, TypeError, ValueError) as e:
            raise BaselineError(f"{p}: malformed baseline entry ({e})") from None
        return b


@dataclass
class Outcome:
    """What a baseline did to a run."""

    baselined: int = 0
    new: int = 0
    fixed: int = 0
    fixed_entries: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"baselined": self.baselined, "new": self.new, "fixed": self.fixed}


def apply(res: Any, baseline: Baseline) -> Outcome:
    """Drop baselined findings from a run's spools and re-count its summary and gate.

    ``res`` is an engine result with ``spools``, ``summary`` and ``config`` (RunResult).
    The remaining findings keep their order; the outcome goes to ``res.extras["baseline"]``.
    """
    remaining = Counter(baseline.counts)
    kept = Spool()
    out = Outcome()
    by_code: Counter[str] = Counter()
    by_sev: Counter[str] = Counter({"error": 0, "warning": 0, "info": 0})
    err_code: Counter[str] = Counter()
    err_fam: Counter[str] = Counter()
    for key, payload in heapq.merge(*(s.rows() for s in res.spools), key=lambda r: r[0]):
        f = Finding.model_validate_json(payload)
        fp = finding_fingerprint(f)
        if remaining[fp] > 0:
            remaining[fp] -= 1
            out.baselined += 1
            continue
        out.new += 1
        kept.add(key, payload)
        by_code[f.code] += 1
        by_sev[f.severity.value] += 1
        if f.severity.value == "error":
            err_code[f.code] += 1
            err_fam[f.family] += 1
    for fp, n in remaining.items():
        if n > 0:
            out.fixed += n
            out.fixed_entries.append({"fingerprint": fp, **baseline.entries.get(fp, {}), "count": n})
    for s in res.spools:
        s.close()
    res.spools = [kept]
    s = res.summary
    s.findings = out.new
    s.by_code = dict(sorted(by_code.items()))
    s.by_severity = dict(by_sev)
    s.gate = gate.evaluate(res.config, err_code, by_code, err_fam, by_sev["warning"], s.inputs)
    if not s.gate.passed:
        s.gate.reasons.append(
            f"baseline: {out.new} new {plural(out.new, 'finding')} "
            f"({out.baselined} baselined, {out.fixed} fixed)"
        )
    res.extras["baseline"] = out.as_dict()
    return out
