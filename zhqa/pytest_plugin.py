"""pytest plugin: ``pytest --zhqa PATH`` collects corpus files as test items (opt-in).

One item per document × family (``page-001.txt::punctuation``; records nest as
``news.jsonl::<doc id>::punctuation``). An item fails when its family has
error findings, and lists them as ``P201 3:19 message «excerpt»``. Without
PATH arguments the ``paths`` of ``[tool.zhqa]`` (else ``./seeds``) are used.
The whole run is cached on (content hash, config, version) in pytest's cache.
The fixture ``zhqa_check(text, select=...)`` returns the findings of a text.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from zhqa.text.plural import plural

SHOW = 100  # findings listed per failing item


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("zhqa", "zhqa corpus checks")
    group.addoption("--zhqa", action="store_true", default=False, help="check corpus files with zhqa")
    group.addoption("--zhqa-config", default=None, help="zhqa config file (default: the nearest one)")
    group.addoption("--zhqa-baseline", default=None, help="only findings outside this baseline fail")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "zhqa: a corpus item collected by zhqa (document x family)")
    if not config.getoption("zhqa"):
        return
    from zhqa.checks.runner import ConfigError
    from zhqa.config import ConfigFileError

    try:
        state = _State(config)
    except (ConfigFileError, ConfigError) as e:
        raise pytest.UsageError(f"zhqa: {e}") from None
    config.stash[_STATE] = state
    if config.args_source != pytest.Config.ArgsSource.ARGS:
        config.args = state.default_paths()


def _is_corpus_file(path: Path) -> bool:
    from zhqa.io.discover import classify

    return classify(path.name)[0] not in ("unsupported", "stdin")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if not parent.config.getoption("zhqa") or not _is_corpus_file(file_path):
        return None
    return ZhqaFile.from_parent(parent, path=file_path)


class _State:
    """The suite config and, once asked for, the findings of the whole run."""

    def __init__(self, config: pytest.Config) -> None:
        from zhqa.checks import CATALOGUE  # noqa: F401  (registers the built-in checks)
        from zhqa.config import load_config
        from zhqa.plugins import load_plugins, record_validator

        self.pytest_config = config
        self.here = Path(config.invocation_params.dir)
        self.suite = load_config(config.getoption("zhqa_config"), start=self.here)
        load_plugins(self.suite)
        try:  # the suite's record_schema, as `zhqa check` uses it (S501)
            self.validate = record_validator(self.suite)
        except ValueError as e:
            raise pytest.UsageError(f"zhqa: {e}") from None
        self.baseline_file = config.getoption("zhqa_baseline")
        self._result: dict[str, Any] | None = None

    def default_paths(self) -> list[str]:
        if self.suite.paths:
            return [str(self.suite.resolve(p)) for p in self.suite.paths]
        return ["seeds"] if (self.here / "seeds").is_dir() else []

    def roots(self) -> list[str]:
        out = []
        for arg in self.pytest_config.args:
            p = arg.split("::", 1)[0]
            full = self.here / p
            if full.is_dir() or (full.is_file() and _is_corpus_file(full)):
                out.append(p)
        return out

    def families(self) -> list[str]:
        from zhqa.checks.registry import selected
        from zhqa.reports.base import in_family_order

        return in_family_order({c.family for c in selected(self.suite)})

    def _cache_key(self, roots: list[str]) -> str:
        from zhqa import __version__
        from zhqa.checks.registry import CATALOGUE
        from zhqa.io.discover import discover

        h = hashlib.sha256(__version__.encode())
        h.update(self.suite.model_dump_json().encode())
        h.update(repr(roots).encode())
        h.update(" ".join(sorted(CATALOGUE)).encode())
        # the code that makes the findings: zhqa's own modules and the suite's plugin files
        code = [Path(__file__).parent, *(self.suite.resolve(p) for p in self.suite.plugins)]
        for ref in (self.suite.schema_, self.suite.record_schema):
            if ref:
                code.append(self.suite.resolve(ref.rpartition(":")[0] or ref))
        for root in code:
            files = sorted(root.rglob("*.py")) if root.is_dir() else [root] if root.is_file() else []
            for f in files:
                st = f.stat()
                h.update(f"{f}:{st.st_mtime_ns}:{st.st_size}".encode())
        for inp in discover(roots, self.suite.exclude):
            h.update(inp.source.encode())
            if inp.path is not None and inp.path.is_file():
                h.update(hashlib.sha256(inp.path.read_bytes()).digest())
        if self.baseline_file and Path(self.baseline_file).is_file():
            h.update(Path(self.baseline_file).read_bytes())
        return h.hexdigest()[:32]

    def result(self) -> dict[str, Any]:
        """{"docs": {source: [doc_id...]}, "findings": {(source, doc_id, family): [finding dict]}}."""
        if self._result is not None:
            return self._result
        roots = self.roots()
        cache = getattr(self.pytest_config, "cache", None)
        key = f"zhqa/run/{self._cache_key(roots)}"
        raw = cache.get(key, None) if cache is not None else None
        if raw is None:
            raw = self._run(roots)
            if cache is not None:
                cache.set(key, raw)
        findings: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for f in raw["findings"]:
            findings[(self._abs(f["source"]), f["doc_id"], f["family"])].append(f)
        docs: dict[str, list[str]] = defaultdict(list)
        for source, doc_id in raw["docs"]:
            docs[self._abs(source)].append(doc_id)
        errors = {self._abs(s): e for s, e in raw["errors"]}
        self._result = {"docs": docs, "findings": findings, "errors": errors}
        return self._result

    def _abs(self, source: str) -> str:
        return str((self.here / source).resolve())

    def _run(self, roots: list[str]) -> dict[str, Any]:
        from zhqa.checks.runner import Plan
        from zhqa.engine.baseline import Baseline, apply
        from zhqa.engine.local import LocalEngine

        if not roots:
            return {"docs": [], "findings": [], "errors": []}
        plan = Plan.build(self.suite)
        jobs = 1 if os.environ.get("PYTEST_XDIST_WORKER") else self.suite.jobs
        cwd = Path.cwd()
        os.chdir(self.here)
        try:
            res = LocalEngine(plan, jobs=jobs, validate=self.validate).run(roots)
        finally:
            os.chdir(cwd)
        try:
            if self.baseline_file:
                apply(res, Baseline.load(self.here / self.baseline_file))
            return {
                "docs": [(m["source"], m["doc_id"]) for m in res.metrics()],
                "findings": [json.loads(p) for p in res.finding_payloads()],
                "errors": [(i.source, i.error) for i in res.summary.inputs if i.status == "error"],
            }
        finally:
            res.close()


_STATE = pytest.StashKey[_State]()


def _state(node: pytest.Item | pytest.Collector) -> _State:
    return node.config.stash[_STATE]


class ZhqaFile(pytest.File):
    """A corpus file: its documents' family items (records nest under their id)."""

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        state = _state(self)
        result = state.result()
        key = str(self.path.resolve())
        if key in result["errors"]:
            yield ZhqaItem.from_parent(self, name="input", doc_id=None, family="input")
            return
        doc_ids = result["docs"].get(key, [])
        text_file = len(doc_ids) == 1 and self.path.suffix.lower() in (".txt", ".md")
        for doc_id in doc_ids:
            if text_file:
                for fam in state.families():
                    yield ZhqaItem.from_parent(self, name=fam, doc_id=doc_id, family=fam)
            else:
                yield ZhqaDocument.from_parent(self, name=doc_id, doc_id=doc_id)


class ZhqaDocument(pytest.Collector):
    """One record of a record file."""

    def __init__(self, *, doc_id: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.doc_id = doc_id

    def collect(self) -> Iterator[pytest.Item]:
        for fam in _state(self).families():
            yield ZhqaItem.from_parent(self, name=fam, doc_id=self.doc_id, family=fam)


class ZhqaFailure(Exception):
    """A family's error findings in one document."""


class ZhqaItem(pytest.Item):
    def __init__(self, *, doc_id: str | None, family: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.doc_id = doc_id
        self.family = family
        self.add_marker("zhqa")

    def runtest(self) -> None:
        result = _state(self).result()
        key = str(self.path.resolve())
        if self.doc_id is None:
            raise ZhqaFailure(f"unreadable input: {result['errors'][key]}")
        found = result["findings"].get((key, self.doc_id, self.family), [])
        errors = [f for f in found if f["severity"] == "error"]
        if errors:
            n = len(errors)
            head = f"{self.doc_id}: {n} {self.family} {plural(n, 'error')}"
            lines = [_line(f) for f in found[:SHOW]]
            if len(found) > SHOW:
                lines.append(f"  … {len(found) - SHOW} more (zhqa check {self.path.name} shows them all)")
            raise ZhqaFailure("\n".join([head, *lines]))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ZhqaFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"zhqa {self.family}: {self.doc_id}"


def _line(f: dict[str, Any]) -> str:
    excerpt = str(f.get("excerpt", "")).replace("\n", "⏎")
    sev = "" if f["severity"] == "error" else f" ({f['severity']})"
    return f"  {f['code']} {f['line']}:{f['column']} {f['message']}{sev} «{excerpt}»"


@pytest.fixture
def zhqa_check(request: pytest.FixtureRequest) -> Callable[..., list[Any]]:
    """``zhqa_check(text, select=None, ignore=(), doc_id="text")`` -> the text's findings.

    Uses the nearest zhqa config (and its plugins) from the test's root folder.
    """
    from zhqa.checks import CATALOGUE  # noqa: F401
    from zhqa.config import load_config
    from zhqa.plugins import load_plugins

    suite = load_config(start=Path(request.config.rootpath))
    load_plugins(suite)

    def _check(
        text: str,
        select: list[str] | str | None = None,
        ignore: list[str] | tuple[str, ...] = (),
        doc_id: str = "text",
    ) -> list[Any]:
        from zhqa.checks.runner import Plan, finding_key, run_document, to_finding
        from zhqa.schemas.document import Document

        if isinstance(select, str):
            select = [select]
        plan = Plan.build(suite, select=select, ignore=list(ignore))
        doc = Document.from_text(text, id=doc_id)
        found = list(run_document(plan, doc).findings)
        for chk in plan.corpus_checks:
            for ch in chk.run_corpus([doc], plan.options[chk.code]):
                found.append(to_finding(plan, chk, doc, ch.hit))
        return sorted(found, key=finding_key)

    return _check
