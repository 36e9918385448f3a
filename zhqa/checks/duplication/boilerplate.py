"""D305: boilerplate paragraphs, the same paragraph in many documents."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import xxhash
from pydantic import BaseModel, ConfigDict, Field

from zhqa.checks.duplication.exact import digest
from zhqa.checks.registry import Bad, CorpusCheck, CorpusHit, Good, MapItem, corpus_check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit, Related
from zhqa.text.normal import folds, paragraph_spans

_NOTE = "本网站所刊登的各种新闻信息均为转载，版权归原作者所有。"
_BODIES = [
    "今天召开全市就业工作会议。",
    "明天举行春季招聘会。",
    "本周发布一季度经济数据。",
    "下周开展安全生产检查。",
]


class BoilerplateOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_docs: int = Field(5, ge=2, description="documents a paragraph must occur in")
    min_chars: int = Field(15, ge=1, description="shorter paragraphs are not counted")


def _key(norm: str) -> int:
    """The 64-bit hash of a folded text (:func:`zhqa.text.normal.folded`)."""
    return xxhash.xxh3_64_intdigest(norm.encode("utf-8", "surrogatepass"))


@corpus_check(
    code="D305",
    name="boilerplate-paragraph",
    severity="info",
    options=BoilerplateOptions,
    examples=[
        Bad([f"{_NOTE}\n\n{b}" for b in [*_BODIES, "今年全市新增城镇就业岗位两万个。"]]),
        Good([f"{_NOTE}\n\n{b}" for b in _BODIES], why="in 4 documents only"),
        Good([f"{_NOTE}\n\n{_BODIES[0]}"] * 5, why="copies of one document count once (D301)"),
    ],
)
class BoilerplateParagraph(CorpusCheck):
    """A paragraph (at least 15 characters) that occurs in 5 or more documents.

    Every occurrence is reported (once per document); `related` points at the
    first one. Copies of one whole document count as one document.

    ## Why is this bad?
    Copyright notices, editor lines and site furniture repeated across a corpus
    are learned verbatim and crowd out the text itself; they are usually
    stripped before training.
    """

    def map(
        self, doc: Document, options: BoilerplateOptions
    ) -> Iterable[tuple[Hashable, tuple[int, int, int]]]:
        norm = folds(doc.text)  # folded text and paragraphs, shared with D301 and D303-D306
        whole = digest(norm.whole)  # D301's key (the same text, the same document)
        out: list[tuple[Hashable, tuple[int, int, int]]] = []
        seen = set()
        for (start, end), folded in zip(paragraph_spans(doc.text), norm.paragraphs, strict=True):
            if end - start >= options.min_chars:
                key = _key(folded)
                if key not in seen:
                    seen.add(key)
                    out.append((key, (start, end, whole)))
        return out  # (a list: no generator to resume per paragraph)

    def reduce(self, key: Hashable, items: list[MapItem], options: BoilerplateOptions) -> Iterable[CorpusHit]:
        docs = {item.value[2] for item in items}
        if len(docs) < options.min_docs:
            return
        items = sorted(items, key=lambda i: i.seq)
        first = items[0]
        rel = [Related(doc_id=first.doc_id, start=first.value[0], end=first.value[1])]
        for item in items:
            start, end, _ = item.value
            msg = f"boilerplate: this paragraph occurs in {len(docs)} documents"
            yield CorpusHit(
                item.seq, Hit(start=start, end=end, message=msg, related=[] if item is first else rel)
            )
