"""What runs inside Spark tasks: the plan rebuilt per worker, the document pass, corpus reduces.

A :class:`~zhqa.checks.runner.Plan` holds functions, so tasks get the config and the
selected codes (:class:`State`) and rebuild the plan once per worker process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from zhqa.schemas.config import SuiteConfig

_PLANS: dict[int, Any] = {}
_VALIDATORS: dict[int, Any] = {}


class State(NamedTuple):
    """Everything a task needs to rebuild the run's plan."""

    key: int  # identifies the run inside a reused worker
    config: SuiteConfig
    codes: tuple[str, ...]


def plan(state: State) -> Any:
    got = _PLANS.get(state.key)
    if got is None:
        from zhqa.checks import CATALOGUE  # noqa: F401  (registers the built-in checks)
        from zhqa.checks.runner import Plan
        from zhqa.plugins import load_plugins

        load_plugins(state.config)
        got = _PLANS[state.key] = Plan.build(state.config, select=list(state.codes))
    return got


def validator(state: State) -> Any:
    if state.key not in _VALIDATORS:
        from zhqa.plugins import load_model
        from zhqa.schemas.record import validator_for

        config = state.config
        _VALIDATORS[state.key] = validator_for(
            config, loader=lambda ref: load_model(ref, config, "record_schema")
        )
    return _VALIDATORS[state.key]


def check_partition(state: State) -> Any:
    """The document pass: each ``(cseq, doc)`` -> the local engine's packed result (+ problems flag)."""

    def run(docs: Iterable[tuple[int, Any]]) -> Iterator[tuple[Any, ...]]:
        from zhqa.engine.local import BATCH_CHARS, BATCH_DOCS, _work
        from zhqa.engine.pool import batched

        p = plan(state)
        size = lambda item: len(item[1]) if isinstance(item[1], str) else len(item[1].text)  # noqa: E731
        for batch in batched(docs, size, BATCH_CHARS, BATCH_DOCS):
            good = [(cseq, doc) for cseq, doc in batch if not isinstance(doc, str)]
            packed = iter(
                _work(p, good) if good else []
            )  # the local engine's batch step: same maps, same findings
            for cseq, doc in batch:
                if isinstance(doc, str):
                    yield (cseq, None, doc, 0, [], {}, {}, False)
                else:
                    yield (*next(packed), bool(doc.problems))

    return run


def reduce_group(state: State, code: str) -> Any:
    """A corpus check's reduce on one key's items (sorted by cseq, as the local engine has them)."""

    def run(kv: tuple[Any, Iterable[Any]]) -> Iterator[tuple[int, tuple[str, Any]]]:
        from zhqa.checks.registry import MapItem

        p = plan(state)
        chk = next(c for c in p.corpus_checks if c.code == code)
        items = sorted((MapItem(*i) for i in kv[1]), key=lambda i: i.seq)
        for ch in chk.reduce(kv[0], items, p.options[code]):
            yield ch.seq, (code, ch.hit)

    return run


def corpus_findings(state: State) -> Any:
    """Pass 2: a document and its corpus hits -> findings (line, column, excerpt), sorted."""

    def run(kv: tuple[int, tuple[Any, Iterable[tuple[str, Any]]]]) -> tuple[int, list[tuple[Any, ...]]]:
        from zhqa.checks.runner import finding_key, to_finding

        cseq, (doc, hits) = kv
        p = plan(state)
        by_code = {c.code: c for c in p.corpus_checks}
        out = sorted((to_finding(p, by_code[code], doc, hit) for code, hit in hits), key=finding_key)
        rows = [
            (f.code, f.severity.value, f.family, f.start, f.end, f.message, f.model_dump_json()) for f in out
        ]
        return cseq, rows

    return run
