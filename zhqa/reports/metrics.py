"""The per-document metrics table: one row per document, the same columns on every run.

Built from ``results.metrics()`` (the worker's rows: base text statistics and
what checks emitted as ``Metric``) and one pass over the findings (counts per
family and severity, P201 rate, duplicate clusters from D301/D302's ``related``).
A column whose source did not run is null (a check not selected), never absent.
pandas/pyarrow load inside the functions that need them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from zhqa.reports.base import FAMILY_ORDER, Results
from zhqa.text.stats import STAT_NAMES

# column -> type ("int", "float", "str"): the table's fixed columns, in order
COLUMNS: dict[str, str] = {
    "seq": "int",
    "doc_id": "str",
    "source": "str",
    "characters": "int",
    **{name: "int" if name in ("paragraphs", "title_length") else "float" for name in STAT_NAMES},
    "findings": "int",
    "errors": "int",
    "warnings": "int",
    "infos": "int",
    **{f"{fam}_findings": "int" for fam in FAMILY_ORDER},
    "halfwidth_per_1000": "float",
    "traditional_share": "float",
    "repetition_share": "float",
    "duplicate_cluster_id": "str",
    "duplicate_cluster_size": "int",
}
# Metric names checks may emit for a fixed column (the first is the canonical one), and the code behind it.
ALIASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "halfwidth_per_1000": ("P201", ("halfwidth_per_1000", "halfwidth_rate", "p201_per_1000")),
    "traditional_share": ("E108", ("traditional_share", "traditional_char_share")),
    "repetition_share": ("D306", ("repetition_share", "ngram10_repetition_share", "char10_repetition_share")),
}
CLUSTER_CODES = ("D301", "D302")
_BOOKKEEPING = {"seq", "doc_id", "source", "characters", "findings", "errors", "warnings", "infos"}


class _Clusters:
    """Union-find over row indices; a cluster's id is the doc_id of its first document."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, i: int) -> int:
        root = i
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while i != root:
            self.parent[i], i = root, self.parent.get(i, i)
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _selected(results: Results) -> set[str] | None:
    plan = getattr(results, "plan", None)
    return None if plan is None else {c.code for c in plan.checks}


def rows(results: Results) -> list[dict[str, Any]]:
    """The table as a list of dicts, in document order, every fixed column present."""
    raw = list(results.metrics())
    by_key = {(r["source"], r["doc_id"]): i for i, r in enumerate(raw)}
    by_id: dict[str, int] = {}
    for i, r in enumerate(raw):
        by_id.setdefault(r["doc_id"], i)
    counts: list[Counter[str]] = [Counter() for _ in raw]
    clusters = _Clusters()
    for payload in results.finding_payloads():
        f = json.loads(payload)
        at = by_key.get((f["source"], f["doc_id"]), by_id.get(f["doc_id"]))
        if at is None:
            continue
        i = at
        c = counts[i]
        c.update(("findings", f"{f['severity']}s", f"{f['family']}_findings", f"code:{f['code']}"))
        if f["code"] in CLUSTER_CODES and not f.get("message", "").startswith("template"):  # D302 bulletins
            for rel in f.get("related") or []:
                j = by_id.get(rel["doc_id"])
                if j is not None:
                    clusters.union(i, j)
    selected = _selected(results)
    sizes = Counter(clusters.find(i) for i in range(len(raw)))
    cluster_ran = selected is None or bool(selected & set(CLUSTER_CODES))
    out = []
    for i, r in enumerate(raw):
        row = _base_row(r, counts[i], selected)
        root = clusters.find(i)
        row["duplicate_cluster_id"] = raw[root]["doc_id"] if sizes[root] > 1 else None
        row["duplicate_cluster_size"] = sizes[root] if cluster_ran else None
        out.append(row)
    return out


def _base_row(r: dict[str, Any], c: Counter[str], selected: set[str] | None) -> dict[str, Any]:
    row: dict[str, Any] = {k: r.get(k) for k in ("seq", "doc_id", "source", "characters")}
    for name in STAT_NAMES:
        value = r.get(name)
        row[name] = None if value is None else (int(value) if COLUMNS[name] == "int" else float(value))
    for key in ("findings", "errors", "warnings", "infos", *(f"{fam}_findings" for fam in FAMILY_ORDER)):
        row[key] = c[key]
    used = set(row)
    for column, (code, names) in ALIASES.items():
        found = next((n for n in names if r.get(n) is not None), None)
        used.update(names)
        if found is not None:
            row[column] = float(r[found])
        elif column == "halfwidth_per_1000" and (selected is None or code in selected):
            chars = row["characters"] or 0
            row[column] = round(c[f"code:{code}"] * 1000 / chars, 3) if chars else 0.0
        else:
            row[column] = None
    # whatever else the checks measured, as float columns
    for k, v in r.items():
        if k not in used and k not in _BOOKKEEPING and not k.endswith("_findings") and _number(v):
            row[k] = float(v)
    return row


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def columns(table_rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """The fixed columns, then extra metric columns (float) in order of first appearance."""
    out = dict(COLUMNS)
    for r in table_rows:
        for k in r:
            out.setdefault(k, "float")
    return out


def to_arrow(table_rows: list[dict[str, Any]]) -> Any:
    """A ``pyarrow.Table`` with one typed column per metric (nulls where a value is missing)."""
    import pyarrow as pa

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
    cols = columns(table_rows)
    schema = pa.schema([(name, types[t]) for name, t in cols.items()])
    data = {name: [r.get(name) for r in table_rows] for name in cols}
    return pa.table(data, schema=schema)


def to_pandas(table_rows: list[dict[str, Any]]) -> Any:
    """A ``pandas.DataFrame`` of the table (ints with nulls become float, as pandas does)."""
    return to_arrow(table_rows).to_pandas()


def write_parquet(table_rows: list[dict[str, Any]], path: str | Path) -> Path:
    """Write the table as Parquet (atomically) and return the path."""
    import pyarrow.parquet as pq

    from zhqa.io.atomic import atomic_write

    path = Path(path)
    table = to_arrow(table_rows)
    with atomic_write(path, "wb") as f:
        pq.write_table(table, f)
    return path
