"""The expectation suite over the metrics table, as plain data in GX's suite-file format.

No GX import: the suite is built from ``[tool.zhqa.expectations]`` as
``{"name", "expectations": [{"type", "kwargs", "meta"}], "meta"}``, so
``zhqa gx-suite`` can show it and any datasource (pandas, Spark) can validate it.
Each expectation's ``meta.zhqa`` is the label used in gate reasons.
"""

from __future__ import annotations

from typing import Any

from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.expectations import Bound, ExpectationsConfig, Range

# Default per-document bounds: (column, Bound). traditional_share joins when script = "simplified".
DEFAULT_BOUNDS: dict[str, Bound] = {
    "characters": Bound(min=1),
    "hanzi_share": Bound(min=0.5, mostly=0.95),
    "halfwidth_per_1000": Bound(max=1.0, mostly=0.95),
    "repetition_share": Bound(max=0.3, mostly=0.95),
}
TRADITIONAL_BOUND = Bound(max=0.01, mostly=0.95)
DEFAULT_MEANS: dict[str, Range] = {"characters": Range(min=20, max=200_000)}


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def _between(column: str, lo: float | None, hi: float | None) -> str:
    if lo is not None and hi is not None:
        return f"{column} in [{_num(lo)}, {_num(hi)}]"
    return f"{column} ≥ {_num(lo)}" if lo is not None else f"{column} ≤ {_num(hi)}"  # type: ignore[arg-type]


def _expectation(kind: str, kwargs: dict[str, Any], label: str) -> dict[str, Any]:
    return {"type": kind, "kwargs": kwargs, "meta": {"zhqa": label}}


def _limits(column: str, lo: float | None, hi: float | None) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"column": column}
    if lo is not None:
        kwargs["min_value"] = _num(lo)
    if hi is not None:
        kwargs["max_value"] = _num(hi)
    return kwargs


def _bound(column: str, b: Bound) -> dict[str, Any] | None:
    if b.min is None and b.max is None:
        return None
    kwargs = _limits(column, b.min, b.max)
    label = _between(column, b.min, b.max)
    if b.mostly < 1:
        kwargs["mostly"] = b.mostly
        label += f" for {b.mostly:.0%} of documents"
    return _expectation("expect_column_values_to_be_between", kwargs, label)


def _mean(column: str, r: Range) -> dict[str, Any] | None:
    if r.min is None and r.max is None:
        return None
    kwargs = _limits(column, r.min, r.max)
    return _expectation("expect_column_mean_to_be_between", kwargs, "mean " + _between(column, r.min, r.max))


def suite_spec(config: SuiteConfig) -> dict[str, Any]:
    """The suite for this config: zhqa's defaults (unless ``defaults = false``), overrides, extras."""
    ex: ExpectationsConfig = config.expectations
    out: list[dict[str, Any]] = []
    bounds: dict[str, Bound] = {}
    means: dict[str, Range] = {}
    if ex.defaults:
        out.append(_expectation("expect_table_row_count_to_be_between", {"min_value": 1}, "documents ≥ 1"))
        if len(ex.unique) == 1:
            out.append(
                _expectation(
                    "expect_column_values_to_be_unique", {"column": ex.unique[0]}, f"{ex.unique[0]} unique"
                )
            )
        elif ex.unique:
            out.append(
                _expectation(
                    "expect_compound_columns_to_be_unique",
                    {"column_list": list(ex.unique)},
                    f"({', '.join(ex.unique)}) unique",
                )
            )
        for column in ex.not_null:
            out.append(
                _expectation("expect_column_values_to_not_be_null", {"column": column}, f"{column} not null")
            )
        bounds.update(DEFAULT_BOUNDS)
        if config.script == "simplified":
            bounds["traditional_share"] = TRADITIONAL_BOUND
        if ex.max_duplicate_cluster_size is not None:
            bounds["duplicate_cluster_size"] = Bound(max=ex.max_duplicate_cluster_size)
        means.update(DEFAULT_MEANS)
    bounds.update(ex.columns)
    means.update(ex.mean)
    out += [e for column, b in bounds.items() if (e := _bound(column, b))]
    out += [e for column, r in means.items() if (e := _mean(column, r))]
    for raw in ex.extra:
        label = raw.meta.get("zhqa") or f"{raw.type}({', '.join(f'{k}={v}' for k, v in raw.kwargs.items())})"
        out.append({"type": raw.type, "kwargs": dict(raw.kwargs), "meta": {**raw.meta, "zhqa": label}})
    return {"name": ex.suite_name, "expectations": out, "meta": {"generated_by": "zhqa"}}
