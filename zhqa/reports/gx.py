"""Great Expectations (extra ``gx``): validate the metrics table, build offline Data Docs.

Imported only by ``zhqa check --gx`` and ``zhqa gx-suite``; great_expectations
itself loads inside the functions (its import costs seconds). The suite comes
from :func:`zhqa.reports.expectations.suite_spec`; the datasource is chosen by
the table's type (pandas, or a Spark DataFrame), so both validate the same suite.
A user never builds a GX context: an ephemeral one lives for one call.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from zhqa.io.errors import UsageError
from zhqa.reports.base import Results
from zhqa.reports.gx_offline import make_offline

SITE = "zhqa_site"


class GXMissing(UsageError):
    """great_expectations is not installed (exit 2 with a hint)."""


@dataclass
class Outcome:
    """One expectation's result, as the gate and the reports see it."""

    label: str
    type: str
    arguments: dict[str, Any]
    success: bool
    observed: Any = None
    unexpected_count: int | None = None
    element_count: int | None = None
    exception: str | None = None

    @property
    def reason(self) -> str:
        """The gate reason of a failed expectation."""
        if self.exception:
            return f"GX {self.label}: could not be evaluated ({self.exception})"
        if self.unexpected_count is not None and self.element_count:
            share = self.unexpected_count / self.element_count
            return f"GX {self.label}: {self.unexpected_count} of {self.element_count} documents fail ({share:.1%})"
        return f"GX {self.label}: observed {self.observed!r}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _gx() -> Any:
    try:
        with _quiet():
            import great_expectations as gx
    except ImportError as e:
        raise GXMissing("Great Expectations is not installed: pip install 'zhqa[gx]'") from e
    return gx


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """GX's progress bars, warnings and INFO logs stay out of zhqa's output."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        log = logging.getLogger("great_expectations")
        level = log.level
        log.setLevel(logging.ERROR)
        try:
            yield
        finally:
            log.setLevel(level)


def build_suite(spec: dict[str, Any]) -> Any:
    """A ``gx.ExpectationSuite`` from the plain spec; an invalid expectation is an error, not a log line."""
    gx = _gx()
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    suite = gx.ExpectationSuite(name=spec["name"], meta=dict(spec.get("meta") or {}))
    for e in spec["expectations"]:
        conf = ExpectationConfiguration(
            type=e["type"], kwargs=dict(e["kwargs"]), meta=dict(e.get("meta") or {})
        )
        try:
            suite.add_expectation_configuration(conf)
        except Exception as err:  # GX raises several types for a bad type or kwargs
            raise UsageError(f"expectations: {e['type']}: {err}") from None
    return suite


def export_suite(spec: dict[str, Any]) -> dict[str, Any]:
    """The suite as GX writes a suite file (``ExpectationSuite.to_json_dict()``), ids dropped."""
    data = build_suite(spec).to_json_dict()
    data.pop("id", None)
    for e in data.get("expectations", []):
        e.pop("id", None)
    return dict(data)


def _batch_definition(context: Any, table: Any) -> Any:
    if type(table).__module__.startswith("pyspark"):
        source = context.data_sources.add_spark("zhqa_spark")
    else:
        source = context.data_sources.add_pandas("zhqa_pandas")
    asset = source.add_dataframe_asset("metrics")
    return asset.add_batch_definition_whole_dataframe("all_documents")


def validate(
    table: Any, spec: dict[str, Any], docs_dir: Path | None = None
) -> tuple[list[Outcome], Path | None]:
    """Validate a metrics table (pandas or Spark DataFrame); build offline Data Docs into ``docs_dir``.

    Returns each expectation's outcome (in suite order) and the Data Docs index, if built.
    ``docs_dir`` is replaced as a whole, so no page of an earlier run is left behind.
    """
    gx = _gx()
    with _quiet(), tempfile.TemporaryDirectory(prefix="zhqa-gx-") as tmp:
        context = gx.get_context(mode="ephemeral")
        with contextlib.suppress(Exception):
            context.variables.progress_bars = {"globally": False}
        site = Path(tmp) / "site"
        actions = []
        if docs_dir is not None:
            context.add_data_docs_site(
                site_name=SITE,
                site_config={
                    "class_name": "SiteBuilder",
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                    "store_backend": {
                        "class_name": "TupleFilesystemStoreBackend",
                        "base_directory": str(site),
                    },
                },
            )
            actions.append(gx.checkpoint.UpdateDataDocsAction(name="zhqa_docs", site_names=[SITE]))
        suite = context.suites.add(build_suite(spec))
        vd = context.validation_definitions.add(
            gx.ValidationDefinition(name="zhqa_metrics", data=_batch_definition(context, table), suite=suite)
        )
        cp = context.checkpoints.add(
            gx.Checkpoint(name="zhqa", validation_definitions=[vd], actions=actions, result_format="SUMMARY")
        )
        from great_expectations.core.run_identifier import RunIdentifier

        result = cp.run(batch_parameters={"dataframe": table}, run_id=RunIdentifier(run_name="zhqa-check"))
        outcomes = [_outcome(r) for run in result.run_results.values() for r in run.results]
        index = None
        if docs_dir is not None:
            make_offline(site)
            index = _install(site, Path(docs_dir)) / "index.html"
    order = {e["meta"]["zhqa"]: i for i, e in enumerate(spec["expectations"])}
    outcomes.sort(key=lambda o: order.get(o.label, len(order)))
    return outcomes, index


def _outcome(r: Any) -> Outcome:
    conf = r.expectation_config
    res = r.result or {}
    info = r.exception_info or {}
    if "raised_exception" not in info and info:  # keyed by metric when several
        info = next(iter(info.values()), {})
    raised = info.get("raised_exception")
    args = {k: v for k, v in dict(conf.kwargs).items() if k not in ("batch_id", "result_format")}
    return Outcome(
        label=(conf.meta or {}).get("zhqa") or conf.type,
        type=conf.type,
        arguments=args,
        success=bool(r.success),
        observed=_plain(res.get("observed_value")),
        unexpected_count=res.get("unexpected_count"),
        element_count=res.get("element_count"),
        exception=(info.get("exception_message") or "error") if raised else None,
    )


def _plain(v: Any) -> Any:
    """numpy scalars -> Python numbers (JSON-ready)."""
    return v.item() if hasattr(v, "item") and not isinstance(v, list | dict | str) else v


def _install(site: Path, dest: Path) -> Path:
    """Move the built site to ``dest``, replacing what was there."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".gx-", dir=dest.parent))
    shutil.copytree(site, staged, dirs_exist_ok=True)
    if dest.exists():
        old = dest.with_name(f".{dest.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        dest.rename(old)
        staged.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staged.rename(dest)
    return dest


def attach(
    results: Results, report_dir: Path, metrics_file: str | Path | None = None, gx: bool = True
) -> None:
    """For ``zhqa check``: write the metrics table; with ``gx``, validate it and build the Data Docs.

    A failed expectation becomes a gate reason, every outcome goes to ``summary.expectations``
    (the JSON report); ``results.extras`` gets ``metrics_file``,
    ``gx`` (suite name and each expectation's outcome) and ``gx_docs`` (the Data Docs index).
    """
    from zhqa.reports import metrics
    from zhqa.reports.expectations import suite_spec
    from zhqa.schemas.report import ExpectationResult

    rows = metrics.rows(results)
    if metrics_file is not None or gx:
        path = metrics.write_parquet(rows, metrics_file or report_dir / "metrics.parquet")
        results.extras["metrics_file"] = str(path)
    if not gx:
        return
    spec = suite_spec(results.config)
    outcomes, index = validate(metrics.to_pandas(rows), spec, report_dir / "gx")
    failed = [o.reason for o in outcomes if not o.success]
    gate = results.summary.gate
    gate.reasons += failed
    gate.passed = gate.passed and not failed
    results.summary.expectations = [ExpectationResult(**o.to_dict()) for o in outcomes]
    results.extras["gx"] = {
        "suite": spec["name"],
        "success": not failed,
        "expectations": [o.to_dict() for o in outcomes],
    }
    results.extras["gx_docs"] = str(index)
