"""The check registry: the ``@check`` decorator, corpus checks, examples, selection.

A check is one decorated pure function ``(Document) -> Iterator[Hit | Metric]``.
The decorator is its only registration: code, name, severity, docs (the
docstring), bad/good examples, an options model and its fix availability.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit, Metric, Severity

FAMILIES = {
    "E1": "encoding",
    "P2": "punctuation",
    "D3": "duplication",
    "N4": "numeric",
    "S5": "structure",
}
FixAvailability = Literal["always", "sometimes", "never"]
_CODE = re.compile(r"^[A-Z][0-9]{3}$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Bad:
    """Text on which the check must fire; ``fixed`` is the text after its fixes."""

    text: str | Sequence[str] = ""
    fixed: str | None = None
    unsafe: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    record: dict[str, Any] | None = None  # a raw record (record-level checks such as S501)
    raw: bytes | None = None  # raw file bytes (decode-level checks such as E101, E107)
    why: str | None = None


@dataclass(frozen=True)
class Good:
    """Text on which the check must not fire; ``why`` says which trap it is."""

    text: str | Sequence[str] = ""
    why: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    record: dict[str, Any] | None = None
    raw: bytes | None = None


Example = Bad | Good


class NoOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")


@dataclass
class BaseCheck:
    code: str
    name: str
    severity: Severity
    examples: list[Example]
    doc: str
    options_model: type[BaseModel]
    fix: FixAvailability
    family: str

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name

    @property
    def body(self) -> str:
        lines = inspect.cleandoc(self.doc).splitlines()
        return "\n".join(lines[1:]).strip()

    def sections(self) -> dict[str, str]:
        """The docstring's ``## Heading`` sections, in order."""
        out: dict[str, str] = {}
        current = None
        for line in self.body.splitlines():
            if line.startswith("## "):
                current = line[3:].strip()
                out[current] = ""
            elif current is not None:
                out[current] += line + "\n"
        return {k: v.strip() for k, v in out.items()}

    def options(self, raw: dict[str, Any] | None = None) -> BaseModel:
        return self.options_model.model_validate(raw or {})


@dataclass
class DocumentCheck(BaseCheck):
    func: Callable[..., Iterable[Hit | Metric]] = field(default=lambda doc: ())
    wants_options: bool = False
    wants_config: bool = False
    kind: Literal["document"] = "document"

    def bind(self, options: Any = None, config: Any = None) -> Callable[[Document], Iterable[Hit | Metric]]:
        """The check as a function of the document alone (options and config bound once)."""
        kw: dict[str, Any] = {}
        if self.wants_options:
            kw["options"] = options if options is not None else self.options()
        if self.wants_config:
            kw["config"] = config if config is not None else SuiteConfig()
        return functools.partial(self.func, **kw) if kw else self.func

    def evaluate(self, doc: Document, options: Any = None, config: Any = None) -> Iterator[Hit | Metric]:
        return iter(self.bind(options, config)(doc))

    def run(self, doc: Document, options: Any = None, config: Any = None) -> list[Hit]:
        """The hits alone (metrics dropped): what tests and examples use."""
        return [h for h in self.evaluate(doc, options, config) if isinstance(h, Hit)]


class MapItem(NamedTuple):
    """One map output of a corpus check: document order, id, key and value."""

    seq: int
    doc_id: str
    key: Hashable
    value: Any


class CorpusHit(NamedTuple):
    seq: int
    hit: Hit


@dataclass
class CorpusCheck(BaseCheck):
    """A check over the whole corpus: ``map`` per document, ``reduce`` per key.

    Subclasses override :meth:`map` and :meth:`reduce`; a check that needs more
    than one grouping step (near-duplicates) overrides :meth:`collect`. A reduce that
    finds nothing in a group of fewer than ``min_items`` items is not called for one.
    """

    kind: Literal["corpus"] = "corpus"
    min_items: ClassVar[int] = 1

    def map(self, doc: Document, options: Any) -> Iterable[tuple[Hashable, Any]]:
        raise NotImplementedError

    def reduce(self, key: Hashable, items: list[MapItem], options: Any) -> Iterable[CorpusHit]:
        raise NotImplementedError

    def collect(self, items: Iterable[MapItem], options: Any) -> Iterator[CorpusHit]:
        """Group map outputs by key and reduce each group.

        When ``items`` has ``partitions()`` (the engine's on-disk store: a key never
        spans two partitions), one partition is grouped in memory at a time.
        """
        parts = items.partitions() if hasattr(items, "partitions") else [items]
        for part in parts:
            groups: dict[Hashable, list[MapItem]] = defaultdict(list)
            for item in part:
                groups[item.key].append(item)
            for key, group in groups.items():
                if len(group) >= self.min_items:
                    yield from self.reduce(key, group, options)

    def run_corpus(self, docs: Sequence[Document], options: BaseModel | None = None) -> list[CorpusHit]:
        """Map and reduce a small in-memory corpus (examples and tests)."""
        opts = options if options is not None else self.options()
        items = [MapItem(seq, d.id, k, v) for seq, d in enumerate(docs) for k, v in self.map(d, opts)]
        return sorted(self.collect(items, opts), key=lambda h: (h.seq, h.hit.start, h.hit.end))


AnyCheck = DocumentCheck | CorpusCheck
CATALOGUE: dict[str, AnyCheck] = {}


def _validate(code: str, name: str, examples: Sequence[Example], family: str | None) -> str:
    from zhqa.checks._retired import RETIRED

    if not _CODE.match(code):
        raise ValueError(f"check code {code!r} must be a capital letter and three digits")
    if code in RETIRED:
        raise ValueError(f"check code {code} is retired ({RETIRED[code]}); codes are never reused")
    if not _NAME.match(name):
        raise ValueError(f"check name {name!r} must be kebab-case")
    fam = family or FAMILIES.get(code[:2])
    if fam is None or fam not in FAMILIES.values():
        raise ValueError(f"{code}: family must be one of {sorted(FAMILIES.values())}")
    if not any(isinstance(e, Bad) for e in examples) or not any(isinstance(e, Good) for e in examples):
        raise ValueError(f"{code}: a check needs at least one Bad and one Good example")
    existing = CATALOGUE.get(code)
    if existing is not None and existing.name != name:
        raise ValueError(f"check code {code} is already registered as {existing.name!r}")
    return fam


def check(
    *,
    code: str,
    name: str,
    severity: str | Severity,
    examples: Sequence[Example],
    options: type[BaseModel] | None = None,
    fix: FixAvailability = "never",
    family: str | None = None,
) -> Callable[[Callable[..., Iterable[Hit | Metric]]], DocumentCheck]:
    """Register a document check; the decorated function becomes a :class:`DocumentCheck`."""

    def wrap(func: Callable[..., Iterable[Hit | Metric]]) -> DocumentCheck:
        fam = _validate(code, name, examples, family)
        params = inspect.signature(func).parameters
        chk = DocumentCheck(
            code=code,
            name=name,
            severity=Severity(severity),
            examples=list(examples),
            doc=inspect.cleandoc(func.__doc__ or ""),
            options_model=options or NoOptions,
            fix=fix,
            family=fam,
            func=func,
            wants_options="options" in params,
            wants_config="config" in params,
        )
        CATALOGUE[code] = chk
        return chk

    return wrap


def corpus_check(
    *,
    code: str,
    name: str,
    severity: str | Severity,
    examples: Sequence[Example],
    options: type[BaseModel] | None = None,
    fix: FixAvailability = "never",
    family: str | None = None,
) -> Callable[[type[CorpusCheck]], CorpusCheck]:
    """Register a corpus check class (map/reduce); returns its single instance."""

    def wrap(cls: type[CorpusCheck]) -> CorpusCheck:
        fam = _validate(code, name, examples, family)
        chk = cls(
            code=code,
            name=name,
            severity=Severity(severity),
            examples=list(examples),
            doc=inspect.cleandoc(cls.__doc__ or ""),
            options_model=options or NoOptions,
            fix=fix,
            family=fam,
        )
        CATALOGUE[code] = chk
        return chk

    return wrap


def _prefix_len(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def is_selected(code: str, select: Iterable[str] | None, ignore: Iterable[str]) -> bool:
    """Ruff-style selection: the more specific of the matching select/ignore prefixes wins."""
    sel = 0 if select is None else _prefix_len(code, select)
    return sel >= 0 and sel > _prefix_len(code, ignore)


def selected(
    config: SuiteConfig, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
) -> list[AnyCheck]:
    """The checks a run uses, in code order: config selection, then the command line's."""
    out = []
    for code in sorted(CATALOGUE):
        if not is_selected(code, config.select, config.ignore):
            continue
        if select is not None and not is_selected(code, select, ()):
            continue
        if (
            ignore
            and _prefix_len(code, ignore) >= 0
            and _prefix_len(code, ignore) >= _prefix_len(code, select or [])
        ):
            continue
        out.append(CATALOGUE[code])
    return out
